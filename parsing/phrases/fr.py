"""French (fr): the phrases of the French Main Committee reports.

French typesetting puts a (narrow) no-break space before ":" and inside guillemets ("Ont voté pour :",
"« Promotion … »"): the patterns allow any whitespace there (``\\s`` matches U+00A0 and U+202F). Sub-items
are written "a)" without an opening bracket. Running text names States with articles and contractions
("la Chine", "au nom également du Bélarus, de la Gambie, de l'Érythrée et des Îles Salomon"): the country
directory drops the article, :func:`name_forms` the preposition.
"""

from __future__ import annotations

import re

from parsing.numerals import roman
from parsing.patterns import FOOTNOTE_MARK_BEFORE_PUNCTUATION
from parsing.phrases.base import DRAFT_SYMBOL, PhraseTable, compile_all

SYM = DRAFT_SYMBOL

_CARDINALS = {
    "zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
    "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100,
    "cents": 100,
}
_ORDINALS = {"premier": 1, "première": 1, "premiers": 1, "premières": 1, "second": 2, "seconde": 2, "unième": 1}
# "cinquième", "neuvième": the stem of the ordinal is not the cardinal
_STEMS = {"cinqu": "cinq", "neuv": "neuf"}
_DIGITS = re.compile(r"(\d+)(?:e|er|re|ère|ème|ᵉ|ᵉʳ)?")
_FR_LETTERS = "a-zàâäçéèêëîïôöùûüÿœæ"
# An ordinal as printed, for the subject patterns: number words joined by hyphens or "et", ending in an
# ordinal ("dix-huitième", "vingt et unième", "premier").
_NUMBER_WORDS = "|".join(sorted(_CARDINALS, key=len, reverse=True))
ORDINAL = (rf"(?:(?:{_NUMBER_WORDS})(?:-|\s+et\s+|\s+))*"
           rf"(?:[{_FR_LETTERS}]+ième|premier|première|second|seconde)")

MONTHS = {m: i for i, m in enumerate(
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(), start=1)}
MONTHS |= {"fevrier": 2, "aout": 8, "decembre": 12}

# Words frequent in French and absent (or rare) in English and Spanish; shared ones ("de", "la", "que",
# "en") would not tell French from Spanish.
_STOPWORDS = frozenset("le les des du et à au aux une dans avec sur pour qui est été ont sa ses son par".split())
_WORD = re.compile(rf"[{_FR_LETTERS}]+")


def _word_value(word: str) -> int:
    if word in _CARDINALS:
        return _CARDINALS[word]
    if word in _ORDINALS:
        return _ORDINALS[word]
    if word.endswith("ième"):
        stem = word[: -len("ième")]
        for candidate in (stem, stem + "e", _STEMS.get(stem, "")):
            if candidate in _CARDINALS:
                return _CARDINALS[candidate]
    raise ValueError(word)


def number(text: str) -> int:
    """"soixante-dix-neuvième" -> 79, "dix-huitième" -> 18, "vingt et unième" -> 21, "quatre-vingt-dixième"
    -> 90, "cent unième" -> 101, "31e" -> 31, "1er" -> 1, "première" -> 1."""
    text = text.strip().lower()
    m = _DIGITS.fullmatch(text)
    if m:
        return int(m.group(1))
    total, previous = 0, None
    words = [w for w in re.split(r"[\s\-‑]+", text) if w and w != "et"]
    if not words:
        raise ValueError(f"not a number in words: {text!r}")
    for word in words:
        try:
            value = _word_value(word)
        except ValueError:
            raise ValueError(f"not a number in words: {text!r}") from None
        if value == 100:
            total = (total or 1) * 100
        elif value == 20 and previous == 4:
            total += 76  # quatre-vingt(s): the four already counted becomes eighty
        else:
            total += value
        previous = value
    return total


def _detect(sample: str) -> float:
    words = _WORD.findall(sample[:2000].lower())  # the heading and introduction are enough
    found = sum(map(_STOPWORDS.__contains__, words))
    return found / len(words) * 3 if found >= 3 else 0.0  # a word or two shared with another language is no evidence


_CONTRACTION = re.compile(
    r"^(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*|à\s+la\s+|à\s+l['’]\s*|au\s+|aux\s+|à\s+)",
    re.IGNORECASE,
)


def name_forms(name: str) -> list[str]:
    """"du Bélarus" -> "Bélarus", "de l'Érythrée" -> "Érythrée", "des Îles Salomon" -> "Îles Salomon"."""
    stripped = _CONTRACTION.sub("", name, count=1)
    return [stripped] if stripped != name else []


_UPPER = "A-ZÀ-ÖØ-ÞŒ"
_SUBJECT = r"(?P<subject>(?:[^.;:]|\.(?=\S))+?)"  # a stretch of one sentence (dots only inside symbols)
_SENTENCE_SUBJECT = r"(?:^|(?<=[.;:]\s)|(?<=[.;:]\s\s))" + _SUBJECT
_RECORDED = r"à\s+l['’]issue\s+d['’]un\s+vote\s+enregistré"
_TALLY = (r"par\s+(?P<yes>\d+)\s+voix\s+contre\s+(?P<no>\d+|zéro)"
          r"(?:\s*,?\s*(?:avec|et)\s+(?P<abstain>\d+|une)\s+abstentions?|\s*,?\s*sans\s+abstention)?")
_PASSIVE = r"(?P<outcome>(?:n['’]\s*a\s+pas|a)\s+été\s+(?:adopté|maintenu|rejeté)e?s?)"
_WITHOUT_VOTE = (r"sans\s+(?:vote|mise\s+aux\s+voix|(?:le|la|les)\s+mettre\s+aux\s+voix"
                 r"|(?:avoir\s+été|être)\s+mise?s?\s+aux\s+voix)")

TABLE = PhraseTable(
    code="fr",
    detect=_detect,
    joiner=" ",
    cased=True,
    parse_number=number,
    parse_draft_number=roman,
    months=MONTHS,
    session=re.compile(rf"(?P<n>[{_FR_LETTERS}]+(?:(?:-|\s+et\s+)[{_FR_LETTERS}]+)*|\d+e)\s+session", re.IGNORECASE),
    agenda_item=re.compile(
        r"Points?\s+(?P<nums>\d+(?:\s*(?:[a-z]\))?\s*(?:,|et)\s*\d+)*)(?:\s*[a-z]\))?\s+de\s+l['’]ordre\s+du\s+jour"
    ),
    committee_report=re.compile(
        r"Rapport\s+de\s+la\s+(?:(?P<ord>Première|Deuxième|Troisième|Quatrième|Cinquième|Sixième)\s+Commission"
        r"|Commission\s+des\s+questions\s+politiques\s+spéciales\s+et\s+de\s+la\s+décolonisation)"
    ),
    committee_ordinals={"Première": 1, "Deuxième": 2, "Troisième": 3, "Quatrième": 4, "Cinquième": 5,
                        "Sixième": 6, None: 4},
    section_heading=re.compile(rf"(?P<num>[IVX]+)\s*\.\s+(?P<title>[{_UPPER}].*)"),
    draft_heading=re.compile(rf"[A-Z]\s*\.\s+Projet\s+de\s+(?P<kind>résolution|décision)\s*(?P<symbol>{SYM})?.*"),
    draft_mention=re.compile(rf"[Pp]rojet\s+de\s+(?P<kind>résolution|décision)\s+(?P<symbol>{SYM})"),
    decision_word=re.compile(r"décision", re.IGNORECASE),
    recommendations_heading=re.compile(r"Recommandations?\s+de\s+la"),
    on_behalf=re.compile(
        rf"(?P<intro>(?:[{_UPPER}]|l[ae]\s|les\s|l['’])[^,;:]*?),\s+(?:également\s+)?au\s+nom\s+(?:également\s+)?"
        r"(?P<names>.+?),\s+(?:a|ont)\s+(?:présenté|soumis)"
    ),
    introduced_by=compile_all(
        r"(?:[Ll]e|[Ll]a)\s+(?:représentante?|délégation)\s+(?P<intro>(?:de|du|des|d['’])\s*[^,;:]+?)\s+a\s+présenté",
        r"présenté\s+par\s+(?:le|la)\s+(?:représentante?|délégation)\s+"
        r"(?P<intro>(?:de|du|des|d['’])\s*[^,;:]+?)\s*[,.;(]",
    ),
    sponsors_list=re.compile(
        r"(?:[Ll]es\s+auteurs\s+(?:du\s+projet\s+de\s+(?:résolution|décision)\s+)?(?:étaient|sont)"
        r"(?:\s+les\s+suivants)?|au\s+nom\s+des\s+(?:pays|États)\s+suivants)\s*:?\s*(?P<names>[^.;]+)"
    ),
    # Le 21 octobre, l’Azerbaïdjan, le Bélarus et le Zimbabwe ont présenté un projet de résolution
    submitted_by=re.compile(
        r"\bLe\s+\d{1,2}(?:er)?\s+[a-zéû]+(?:\s+\d{4})?,\s+(?P<names>[^.;:]+?),?\s+(?:a|ont)\s+(?:présenté|soumis)\s+"
        r"(?:un|le)\s+projet"
    ),
    sponsor_groups=(
        (re.compile(r"(?:(?:des|les)\s+États\s+Membres\s+de\s+l['’]Organisation\s+des\s+Nations\s+Unies\s+qui\s+sont\s+"
                    r"membres\s+)?(?:du\s+|le\s+)?Groupe\s+des\s+77\s+et\s+(?:de\s+)?la\s+Chine"), "G77"),
        (re.compile(r"(?:du\s+|le\s+)?Groupe\s+des\s+États\s+d['’]Afrique"), "AFRICAN_GROUP"),
        (re.compile(r"(?:du\s+|le\s+)?Groupe\s+des\s+États\s+arabes"), "ARAB_GROUP"),
        (re.compile(r"(?:du\s+|le\s+)?Mouvement\s+des\s+pays\s+non\s+alignés"), "NAM"),
        (re.compile(r"(?:de\s+l['’]|l['’])Organisation\s+de\s+la\s+coopération\s+islamique"), "OIC"),
        (re.compile(r"(?:de\s+l['’]|l['’])Union\s+européenne"), "EU"),
    ),
    later_sponsors=re.compile(
        r"Par\s+la\s+suite,\s+(?P<names>[^.;]+?)\s+(?:se\s+sont\s+portée?s\s+coauteurs|s['’]est\s+portée?\s+coauteur"
        r"|se\s+sont\s+jointe?s\s+aux\s+auteurs|s['’]est\s+jointe?\s+aux\s+auteurs)"
    ),
    intro_prefix=re.compile(r"^(?:(?:le|la|les)\s+)?(?:représentante?s?|délégations?)\s+", re.IGNORECASE),
    title=re.compile(r"intitulée?\s+[«“\"]\s*(?P<title>[^»”\"]+?)[,.]?\s*[»”\"]"),
    meeting_date=re.compile(
        r"(?:[ÀàAa]|[Ll]ors\s+de)\s+sa\s+(?P<meeting>\d+)(?:e|ᵉ|ème|re|ère)\s+séance,\s+le\s+(?P<day>\d{1,2})(?:er)?"
        rf"\s+(?P<month>[{_FR_LETTERS}]+)(?:\s+(?P<year>\d{{4}}))?"
    ),
    same_meeting=re.compile(r"(?:[ÀàAa]|[Ll]ors\s+de)\s+la\s+même\s+séance"),
    meeting_mention=re.compile(r"\bséances?\b"),
    recorded_vote=compile_all(
        # Le dix-huitième alinéa du préambule a été maintenu à l'issue d'un vote enregistré par 87 voix contre 53,
        # avec 22 abstentions
        _SENTENCE_SUBJECT + r"\s+" + _PASSIVE + r"\s*,?\s+" + _RECORDED + r"\s*,?\s+" + _TALLY,
        # … a été adopté par 102 voix contre 53, avec 25 abstentions, à l'issue d'un vote enregistré
        _SENTENCE_SUBJECT + r"\s+" + _PASSIVE + r"\s+" + _TALLY + r"\s*,?\s+" + _RECORDED,
        # la Commission a adopté le projet de résolution X à l'issue d'un vote enregistré par …
        r"(?:[Ll]a\s+Commission|\belle)\s+(?P<outcome>a\s+(?:adopté|maintenu|rejeté))\s+" + _SUBJECT
        + r"\s*,?\s+" + _RECORDED + r"\s*,?\s+" + _TALLY,
    ),
    without_vote=compile_all(
        _SENTENCE_SUBJECT + r"\s+(?P<outcome>a\s+été\s+(?:adopté|maintenu)e?s?)\s+" + _WITHOUT_VOTE,
        r"(?:[Ll]a\s+Commission|\belle)\s+(?P<outcome>a\s+(?:adopté|maintenu))\s+" + _SUBJECT + r"\s+" + _WITHOUT_VOTE,
        # la Commission a adopté sans le mettre aux voix le projet de résolution X
        r"(?:[Ll]a\s+Commission|\belle)\s+(?P<outcome>a\s+(?:adopté|maintenu))\s+" + _WITHOUT_VOTE
        + r"\s+(?P<subject>(?:[^.;:(]|\.(?=\S))+)",
    ),
    outcomes=(
        (re.compile(r"pas|rejet"), "rejected"),
        (re.compile(r"maintenu"), "retained"),
        (re.compile(r"adopt"), "adopted"),
    ),
    count_words={"zéro": 0, "une": 1, "un": 1},
    preambular=compile_all(
        rf"\b(?P<n>{ORDINAL})\s+alinéa\s+du\s+préambule",
        r"\balinéa\s+(?P<n>\d+)\s*(?P<sub>(?:\(?[a-z]+\)\s*)*)\s*du\s+préambule",
        flags=re.IGNORECASE,
    ),
    operative=compile_all(
        # first the longest form, so "l'alinéa c) du paragraphe 7 du dispositif" keeps its c)
        r"\balinéa\s+(?P<sub>\(?[a-z]+\))\s+du\s+paragraphe\s+(?P<n>\d+)\s+du\s+dispositif",
        rf"\b(?P<n>{ORDINAL})\s+paragraphe\s+du\s+dispositif",
        r"\bparagraphe\s+(?P<n>\d+)\s*(?P<sub>(?:\(?[a-z]+\)\s*)*)\s*du\s+dispositif",
        flags=re.IGNORECASE,
    ),
    several_paragraphs=re.compile(r"\b(?:paragraphes|alinéas)\b", re.IGNORECASE),
    amendment=re.compile(rf"\bamendements?\b[^.;]*?\(?(?P<symbol>{SYM})"),
    see_para=re.compile(
        r"voir\s+par(?:agraphe|\.)?\s*(?P<para>\d+)(?:\s*,\s*projet\s+de\s+(?P<kind>résolution|décision)"
        r"(?:\s+(?P<num>[IVXLC]+)\b)?)?"
    ),
    list_label=re.compile(r"(?P<label>Ont\s+voté\s+pour|Ont\s+voté\s+contre|Se\s+sont\s+abstenus)\s*:\s*(?P<rest>.*)"),
    list_positions={"Ont voté pour": "yes", "Ont voté contre": "no", "Se sont abstenus": "abstain"},
    conjunction=re.compile(r"\s+et\s+"),
    leading_conjunction=re.compile(r"^et\s+"),
    empty_list=re.compile(r"Néant|Aucun", re.IGNORECASE),
    intention=compile_all(
        r"(?:[Ll]es|[Ll]a)\s+délégations?\s+(?P<names>.+?)\s+(?:a|ont)\s+"
        r"(?:ultérieurement\s+|par\s+la\s+suite\s+)?informé\s+(?:ultérieurement\s+)?le\s+Secrétariat\s+"
        r"qu['’]\s*(?:elles?|ils?)\s+(?P<pos>(?:n['’]\s*)?avai(?:en)?t\s+[^.;]*)",
    ),
    intention_positions=(
        (re.compile(r"ne\s+pas\s+participer|pas\s+eu\s+l['’]intention\s+de\s+participer"), "non_participation"),
        (re.compile(r"voter\s+pour|\bpour\b"), "yes"),
        (re.compile(r"contre"), "no"),
        (re.compile(r"abstenir|abstention"), "abstain"),
    ),
    intention_hint=re.compile(r"informé\s+(?:ultérieurement\s+)?le\s+Secrétariat"),
    recommend_intro=re.compile(r"Commission\)?\s+recommande"),
    text_heading=re.compile(r"Projet\s+de\s+(?P<kind>résolution|décision)(?:\s+(?P<num>[IVXLC]+))?"),
    assembly_line=re.compile(r"L['’]Assemblée\s+générale\s*,"),
    assembly_start=re.compile(r"L['’]Assemblée\s+générale\b"),
    annex_heading=re.compile(r"Annexe(?:\s+[IVX]+)?"),
    quantity_after=re.compile(r"\s*(?:%|pour\s*cent\b|à\s+\d)"),
    # "a) ", "iv) ", "(a) ": the closing bracket alone is the French form
    sub_item=re.compile(r"[(（]?(?P<l>[a-z]{1,4})[)）](?:\s+|$)"),
    footnote_mark=FOOTNOTE_MARK_BEFORE_PUNCTUATION,
    name_forms=name_forms,
)
