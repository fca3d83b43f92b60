"""Spanish (es): the phrases of the Spanish Main Committee reports.

Ordinals are written as one word or two ("decimoctavo", "décimo octavo", "septuagésimo noveno"), with a
feminine form ("Primera Comisión"). Sub-items are written "a)". Running text names States with articles
("el Camerún", "la Federación de Rusia"), which the country directory drops; the last two names of a list are
joined by "y" (or "e" before an i-sound), which also occurs inside names (Trinidad y Tabago).
"""

from __future__ import annotations

import re
import unicodedata

from parsing.numerals import roman
from parsing.patterns import FOOTNOTE_MARK_BEFORE_PUNCTUATION
from parsing.phrases.base import DRAFT_SYMBOL, PhraseTable, compile_all

SYM = DRAFT_SYMBOL

# Ordinals without accents, masculine (a feminine "-a" reads as "-o").
_UNITS = {
    "primero": 1, "primer": 1, "segundo": 2, "tercero": 3, "tercer": 3, "cuarto": 4, "quinto": 5, "sexto": 6,
    "septimo": 7, "setimo": 7, "octavo": 8, "noveno": 9, "nono": 9,
}
_TENS = {
    "decimo": 10, "vigesimo": 20, "trigesimo": 30, "cuadragesimo": 40, "quincuagesimo": 50, "sexagesimo": 60,
    "septuagesimo": 70, "octogesimo": 80, "nonagesimo": 90, "centesimo": 100,
}
_SPECIAL = {"undecimo": 11, "duodecimo": 12, "decimoctavo": 18}
_DIGITS = re.compile(r"(\d+)\s*[ºª°oa]?\.?")

MONTHS = {m: i for i, m in enumerate(
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(), start=1)}
MONTHS["setiembre"] = 9

# Words frequent in Spanish and absent (or rare) in French and English ("de", "la", "que", "en", "se" are
# shared with French).
_STOPWORDS = frozenset("el los las del y por con una para fue su sus al como".split())
_WORD = re.compile(r"[a-záéíóúüñ]+")


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))


def _word_value(word: str) -> int:
    if word.endswith("a"):
        word = word[:-1] + "o"  # primera, decimoctava
    if word in _SPECIAL:
        return _SPECIAL[word]
    if word in _UNITS:
        return _UNITS[word]
    if word in _TENS:
        return _TENS[word]
    for tens, value in _TENS.items():  # one word: "decimoquinto", "vigesimoprimero"
        if word.startswith(tens) and word[len(tens):] in _UNITS:
            return value + _UNITS[word[len(tens):]]
    raise ValueError(word)


def number(text: str) -> int:
    """"septuagésimo noveno" -> 79, "decimoctavo" / "décimo octavo" -> 18, "vigésimo primero" -> 21,
    "Primera" -> 1, "31ª" -> 31."""
    text = text.strip()
    m = _DIGITS.fullmatch(text)
    if m:
        return int(m.group(1))
    words = [w for w in re.split(r"[\s\-]+", _plain(text)) if w]
    if not words:
        raise ValueError(f"not a number in words: {text!r}")
    try:
        return sum(_word_value(w) for w in words)
    except ValueError:
        raise ValueError(f"not a number in words: {text!r}") from None


def _detect(sample: str) -> float:
    words = _WORD.findall(sample[:2000].lower())  # the heading and introduction are enough
    found = sum(map(_STOPWORDS.__contains__, words))
    return found / len(words) * 3 if found >= 3 else 0.0  # a word or two shared with another language is no evidence


_PREPOSITION = re.compile(r"^(?:del\s+|de\s+|al\s+|a\s+)", re.IGNORECASE)


def name_forms(name: str) -> list[str]:
    """"del Camerún" -> "Camerún", "de la Federación de Rusia" -> "la Federación de Rusia"."""
    stripped = _PREPOSITION.sub("", name, count=1)
    return [stripped] if stripped != name else []


_ES_LETTERS = "a-záéíóúüñ"
# An ordinal as printed, for the subject patterns ("decimoctavo", "décimo octavo", "vigésimo primer").
ORDINAL = r"(?:(?:décim|vigésim|trigésim|cuadragésim|quincuagésim|sexagésim|septuagésim|octogésim|nonagésim)" \
          r"[oa]\s+)?" \
          rf"(?:decimo[a-záéíóú]+|[a-záéíóú]+(?:ésimo|ésima)|primer[oa]?|segund[oa]|tercer[oa]?|cuart[oa]|quint[oa]" \
          rf"|sext[oa]|s[eé]ptim[oa]|octav[oa]|noven[oa]|décim[oa]|undécim[oa]|duodécim[oa])"
_UPPER = "A-ZÁÉÍÓÚÑ"
_SUBJECT = r"(?P<subject>(?:[^.;:]|\.(?=\S))+?)"  # a stretch of one sentence (dots only inside symbols)
_SENTENCE_SUBJECT = r"(?:^|(?<=[.;:]\s)|(?<=[.;:]\s\s))" + _SUBJECT
_TALLY = (r"en\s+votación\s+registrada\s*,?\s+por\s+(?P<yes>\d+)\s+votos?\s+(?:a\s+favor\s+)?contra\s+"
          r"(?P<no>\d+|ninguno)(?:\s*,?\s*(?:y|con)\s+(?P<abstain>\d+|ninguna|una)\s+abstenci(?:ones|ón))?")
_WITHOUT_VOTE = r"sin\s+(?:votación|someter(?:lo|la|los|las)\s+a\s+votación)"
_PASSIVE = (r"(?P<outcome>(?:no\s+)?(?:se\s+)?(?:mantuvo|aprobó|rechazó)"
            r"|(?:no\s+)?(?:fue|quedó)\s+(?:aprobad|mantenid|rechazad)[oa]s?)")

TABLE = PhraseTable(
    code="es",
    detect=_detect,
    joiner=" ",
    cased=True,
    parse_number=number,
    parse_draft_number=roman,
    months=MONTHS,
    session=re.compile(rf"(?P<n>[{_ES_LETTERS}]+(?:\s+[{_ES_LETTERS}]+)?|\d+\s*[ºª°])\s+per[ií]odo\s+de\s+sesiones",
                       re.IGNORECASE),
    agenda_item=re.compile(
        r"Temas?\s+(?P<nums>\d+(?:\s*(?:[a-z]\))?\s*(?:,|y)\s*\d+)*)(?:\s*[a-z]\))?\s+del\s+programa"
    ),
    committee_report=re.compile(
        r"Informe\s+de\s+la\s+(?:(?P<ord>Primera|Segunda|Tercera|Cuarta|Quinta|Sexta)\s+Comisión"
        r"|Comisión\s+Política\s+Especial\s+y\s+de\s+Descolonización)"
    ),
    committee_ordinals={"Primera": 1, "Segunda": 2, "Tercera": 3, "Cuarta": 4, "Quinta": 5, "Sexta": 6, None: 4},
    section_heading=re.compile(rf"(?P<num>[IVX]+)\s*\.\s+(?P<title>[{_UPPER}].*)"),
    draft_heading=re.compile(rf"[A-Z]\s*\.\s+Proyecto\s+de\s+(?P<kind>resolución|decisión)\s*(?P<symbol>{SYM})?.*"),
    draft_mention=re.compile(rf"[Pp]royecto\s+de\s+(?P<kind>resolución|decisión)\s+(?P<symbol>{SYM})"),
    decision_word=re.compile(r"decisión", re.IGNORECASE),
    recommendations_heading=re.compile(r"Recomendaci(?:ón|ones)\s+de\s+la"),
    on_behalf=re.compile(
        rf"(?P<intro>(?:[{_UPPER}]|el\s|la\s|los\s|las\s)[^,;:]*?),\s+(?:también\s+)?en\s+nombre\s+(?:también\s+)?"
        r"(?:de\s+|(?=del\s))(?P<names>.+?),\s+(?:presentó|presentaron)"
    ),
    introduced_by=compile_all(
        r"(?:[Ee]l|[Ll]a)\s+(?:representante|delegación)\s+de\s+(?P<intro>[^,;:]+?)\s+presentó",
        r"presentado\s+por\s+(?:el|la)\s+(?:representante|delegación)\s+de\s+(?P<intro>[^,;:]+?)\s*[,.;(]",
    ),
    sponsors_list=re.compile(
        r"(?:patrocinado\s+por|[Ll]os\s+patrocinadores\s+(?:del\s+proyecto\s+de\s+(?:resolución|decisión)\s+)?"
        r"(?:eran|fueron|son))\s*:?\s*(?P<names>[^.;]+)"
    ),
    # El 21 de octubre, Azerbaiyán, Belarús y Zimbabwe presentaron un proyecto de resolución
    submitted_by=re.compile(
        r"\bEl\s+\d{1,2}\s+de\s+[a-z]+(?:\s+de\s+\d{4})?,\s+(?P<names>[^.;:]+?),?\s+(?:presentó|presentaron)\s+"
        r"(?:un|el)\s+proyecto"
    ),
    sponsor_groups=(
        (re.compile(r"(?:(?:de\s+)?los\s+Estados\s+Miembros\s+de\s+las\s+Naciones\s+Unidas\s+que\s+son\s+miembros\s+)?"
                    r"(?:del\s+|el\s+)?Grupo\s+de\s+los\s+77\s+y\s+China"), "G77"),
        (re.compile(r"(?:del\s+|el\s+)?Grupo\s+de\s+(?:los\s+)?Estados\s+de\s+África"), "AFRICAN_GROUP"),
        (re.compile(r"(?:del\s+|el\s+)?Grupo\s+de\s+(?:los\s+)?Estados\s+Árabes"), "ARAB_GROUP"),
        (re.compile(r"(?:del\s+|el\s+)?Movimiento\s+de\s+(?:Países\s+)?No\s+Alineados"), "NAM"),
        (re.compile(r"(?:de\s+la\s+|la\s+)?Organización\s+de\s+Cooperación\s+Islámica"), "OIC"),
        (re.compile(r"(?:de\s+la\s+|la\s+)?Unión\s+Europea"), "EU"),
    ),
    later_sponsors=re.compile(
        r"Posteriormente,\s+(?P<names>[^.;]+?)\s+se\s+(?:sumaron|sumó|unieron|unió)\s+a\s+los\s+patrocinadores"
    ),
    intro_prefix=re.compile(r"^(?:(?:el|la)\s+)?(?:representantes?|delegaci(?:ón|ones))\s+de\s+", re.IGNORECASE),
    title=re.compile(r"titulad[oa]\s+[«“\"]\s*(?P<title>[^»”\"]+?)[,.]?\s*[»”\"]"),
    meeting_date=re.compile(
        r"[Ee]n\s+su\s+(?P<meeting>\d+)\s*[ªºa]\.?\s+sesión,\s+celebrada\s+el\s+(?P<day>\d{1,2})\s+de\s+"
        rf"(?P<month>[{_ES_LETTERS}]+)(?:\s+de\s+(?P<year>\d{{4}}))?"
    ),
    same_meeting=re.compile(r"[Ee]n\s+la\s+misma\s+sesión"),
    meeting_mention=re.compile(r"\bsesi(?:ón|ones)\b"),
    recorded_vote=compile_all(
        # El decimoctavo párrafo del preámbulo se mantuvo en votación registrada por 87 votos contra 53 y 22
        # abstenciones
        _SENTENCE_SUBJECT + r"\s+" + _PASSIVE + r"\s+" + _TALLY,
        # la Comisión aprobó el proyecto de resolución X en votación registrada por …
        r"[Ll]a\s+Comisión\s+(?P<outcome>aprobó|mantuvo|rechazó)\s+" + _SUBJECT + r"\s*,?\s+" + _TALLY,
    ),
    without_vote=compile_all(
        _SENTENCE_SUBJECT + r"\s+(?P<outcome>(?:se\s+)?(?:aprobó|mantuvo)|(?:fue|quedó)\s+(?:aprobad|mantenid)[oa]s?)"
        r"\s+" + _WITHOUT_VOTE,
        r"[Ll]a\s+Comisión\s+(?P<outcome>aprobó|mantuvo)\s+" + _SUBJECT + r"\s+" + _WITHOUT_VOTE,
    ),
    outcomes=(
        (re.compile(r"\bno\b|rechaz"), "rejected"),
        (re.compile(r"mantuvo|mantenid"), "retained"),
        (re.compile(r"aprob"), "adopted"),
    ),
    count_words={"ninguno": 0, "ninguna": 0, "una": 1, "uno": 1},
    preambular=compile_all(
        rf"\b(?P<n>{ORDINAL})\s+párrafo\s+del\s+preámbulo",
        r"\bpárrafo\s+(?P<n>\d+)\s*(?P<sub>(?:\(?[a-z]+\)\s*)*)\s*del\s+preámbulo",
        flags=re.IGNORECASE,
    ),
    operative=compile_all(
        # first the longest form, so "el apartado c) del párrafo 7 de la parte dispositiva" keeps its c)
        r"\bapartado\s+(?P<sub>\(?[a-z]+\))\s+del\s+párrafo\s+(?P<n>\d+)\s+de\s+la\s+parte\s+dispositiva",
        rf"\b(?P<n>{ORDINAL})\s+párrafo\s+de\s+la\s+parte\s+dispositiva",
        r"\bpárrafo\s+(?P<n>\d+)\s*(?P<sub>(?:\(?[a-z]+\)\s*)*)\s*de\s+la\s+parte\s+dispositiva",
        flags=re.IGNORECASE,
    ),
    several_paragraphs=re.compile(r"\bpárrafos\b", re.IGNORECASE),
    amendment=re.compile(rf"\benmiendas?\b[^.;]*?\(?(?P<symbol>{SYM})"),
    see_para=re.compile(
        r"véase\s+(?:el\s+)?párr(?:afo|\.)?\s*(?P<para>\d+)(?:\s*,\s*proyecto\s+de\s+(?P<kind>resolución|decisión)"
        r"(?:\s+(?P<num>[IVXLC]+)\b)?)?"
    ),
    list_label=re.compile(r"(?P<label>Votos\s+a\s+favor|Votos\s+en\s+contra|Abstenciones)\s*:\s*(?P<rest>.*)"),
    list_positions={"Votos a favor": "yes", "Votos en contra": "no", "Abstenciones": "abstain"},
    conjunction=re.compile(r"\s+[ye]\s+"),
    leading_conjunction=re.compile(r"^[ye]\s+"),
    empty_list=re.compile(r"Ninguno|Ninguna", re.IGNORECASE),
    intention=compile_all(
        r"[Ll]as?\s+delegaci(?:ón|ones)\s+de\s+(?P<names>.+?)\s+(?:informó|informaron)\s+(?:posteriormente\s+)?"
        r"a\s+la\s+Secretaría\s+(?:de\s+)?que\s+(?P<pos>(?:no\s+)?(?:había|habían)\s+[^.;]*)",
    ),
    intention_positions=(
        (re.compile(r"no\s+participar|no\s+(?:había|habían)\s+tenido\s+la\s+intención\s+de\s+participar"),
         "non_participation"),
        (re.compile(r"a\s+favor"), "yes"),
        (re.compile(r"en\s+contra"), "no"),
        (re.compile(r"absten"), "abstain"),
    ),
    intention_hint=re.compile(r"(?:informó|informaron)\s+(?:posteriormente\s+)?a\s+la\s+Secretaría"),
    recommend_intro=re.compile(r"Comisión\)?\s+(?:también\s+)?recomienda"),
    text_heading=re.compile(r"Proyecto\s+de\s+(?P<kind>resolución|decisión)(?:\s+(?P<num>[IVXLC]+))?"),
    assembly_line=re.compile(r"La\s+Asamblea\s+General\s*,"),
    assembly_start=re.compile(r"La\s+Asamblea\s+General\b"),
    annex_heading=re.compile(r"Anexo(?:\s+[IVX]+)?"),
    quantity_after=re.compile(r"\s*(?:%|por\s*ciento\b|a\s+\d)"),
    # "a) ", "iv) ", "(a) ": the closing bracket alone is the Spanish form
    sub_item=re.compile(r"[(（]?(?P<l>[a-z]{1,4})[)）](?:\s+|$)"),
    footnote_mark=FOOTNOTE_MARK_BEFORE_PUNCTUATION,
    name_forms=name_forms,
)
