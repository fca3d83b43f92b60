"""Named, chainable query logic: views and exports call these, templates never query.

Nothing here loads positions into Python: a country's position on a vote is read through a `FilteredRelation`
(one join on the unique (vote, country) pair, so it never multiplies rows), and tallies come from the counts
stored on each vote at ingest.
"""

from __future__ import annotations

import datetime
from typing import Iterable

from django.db import models
from django.db.models.functions import Abs, Coalesce, NullIf
from django.db.models import Case, Count, Exists, F, FilteredRelation, OuterRef, Q, Subquery, Sum, Value, When

CAST = ("yes", "no", "abstain")
# Languages whose names do not sort by themselves: the column of their stored sort key (reference.collation).
SORT_COLUMNS = {"en": "name_en_sort", "zh": "name_zh_sort"}

def _text_q(prefix: str, field: str, text: str) -> Q:
    """`text` in any of the six language columns of `prefix + field` (the database's case-insensitive match)."""
    from .models import LANGUAGES

    from .search import search_terms, term_lookup

    # Each term (votes.search.search_terms) in some language, all of them: the draft rows' rule, paragraph by
    # paragraph (a symbol fragment at part boundaries).
    condition = Q()
    for term in search_terms(text):
        lookup, value = term_lookup(term, case_insensitive=True)
        in_some_language = Q()
        for language in LANGUAGES:
            in_some_language |= Q(**{f"{prefix}{field}_{language}__{lookup}": value})
        condition &= in_some_language
    return condition


def _row_has(term: str, *columns: str, prefix: str = "") -> Q:
    """The search row's `columns` (at lookup prefix `prefix`) hold `term`: a word or phrase anywhere, a symbol
    fragment at part boundaries (votes.search.term_lookup; PostgreSQL's trigram indexes serve both)."""
    from .search import term_lookup

    lookup, value = term_lookup(term)
    condition = Q()
    for column in columns:
        condition |= Q(**{f"{prefix}{column}__{lookup}": value})
    return condition


def _drafts_with_text(text: str, *columns: str):
    """Keys of the drafts whose normalised heading or body (see votes.search; both when no column is named)
    contains `text`."""
    from .models import DraftSearchText
    from .search import search_terms

    # Every term somewhere in the draft's row (any order); an unquoted query is no longer one phrase.
    rows = DraftSearchText.objects.all()
    for term in search_terms(text):
        rows = rows.filter(_row_has(term, *(columns or ("heading", "body"))))
    return rows.values("draft_id")


def localized_column(column: str, language: str | None = None):
    """The text at lookup path `column` + "_<language>" as `MultilingualMixin.localized` reads it, in SQL: in
    `language` (the page's by default), else English, else the first language that has it; "" if none."""
    from .models import LANGUAGES, page_language

    language = language or page_language()
    order = dict.fromkeys((language, "en", *LANGUAGES))
    return Coalesce(*(NullIf(F(f"{column}_{code}"), Value("")) for code in order), Value(""), output_field=models.TextField())


def cast_with_majority(position: str, vote: str) -> Q:
    """The position at lookup path `position` is the most common position cast on its vote (yes, no or abstain;
    none on a tie), judged from the vote's stored counts at lookup prefix `vote` ("" from a Vote, "vote__" from
    a Position)."""
    counts = {value: F(f"{vote}{value}_count") for value in CAST}
    condition = Q()
    for value in CAST:
        others = [counts[other] for other in CAST if other != value]
        condition |= Q(**{position: value, f"{vote}{value}_count__gt": others[0]}) & Q(**{f"{vote}{value}_count__gt": others[1]})
    return condition


def tally_aggregates(position: str, vote: str) -> dict[str, Count]:
    """Aggregates of a country's record: votes by position, and `with_majority` (see `cast_with_majority`)."""
    aggregates = {value: Count("pk", filter=Q(**{position: value})) for value in (*CAST, "absent")}
    aggregates["with_majority"] = Count("pk", filter=cast_with_majority(position, vote))
    return aggregates


class CountryQuerySet(models.QuerySet):
    def members_on(self, on_date: datetime.date) -> "CountryQuerySet":
        """States that were UN Members on that date (observers are not)."""
        return self.filter(
            Q(memberships__start__lte=on_date) & (Q(memberships__end__isnull=True) | Q(memberships__end__gte=on_date))
        ).distinct()

    def in_language_order(self, language: str) -> "CountryQuerySet":
        """Ordered as a reader of `language` looks the short names up: Chinese by pinyin, English alphabetically
        without regard to accents (the stored keys, `Country.name_zh_sort` and `name_en_sort`), the others by the
        name itself; a country without a name in that language comes last (the pages show its English name)."""
        if language == "en":
            return self.order_by("name_en_sort", "name_en")
        column = SORT_COLUMNS.get(language, f"name_{language}")
        unnamed_last = Case(When(**{f"name_{language}": ""}, then=Value(1)), default=Value(0))
        return self.order_by(unnamed_last, column, "name_en")

    def matching(self, text: str) -> "CountryQuerySet":
        """Countries whose ISO code, any UN short name (six languages) or any other name (former names, variants)
        contains `text`."""
        from .models import LANGUAGES, CountryName

        text = text.strip()
        condition, other_names = Q(iso3__iexact=text), Q()
        # The reference prints apostrophes as UN documents do (Côte d’Ivoire, Кот-д’Ивуар); people type "'".
        for variant in dict.fromkeys((text, text.replace("'", "’"), text.replace("’", "'"))):
            for language in LANGUAGES:
                condition |= Q(**{f"name_{language}__icontains": variant})
            other_names |= Q(name__icontains=variant)
        return self.filter(condition | Exists(CountryName.objects.filter(other_names, country=OuterRef("pk"))))

    def named(self, text: str) -> "CountryQuerySet":
        """Countries that `text` names whole: the ISO code, or one of their names in any language (any case,
        either apostrophe) — what a text search of votes offers as "votes of X"."""
        from .models import LANGUAGES, CountryName

        text = " ".join(text.split())
        # A code only as codes are written ("are" is a word, ARE the Emirates).
        condition, other_names = Q(iso3=text) if text.isupper() else Q(pk__in=[]), Q()
        for variant in dict.fromkeys((text, text.replace("'", "’"), text.replace("’", "'"))):
            for language in LANGUAGES:
                condition |= Q(**{f"name_{language}__iexact": variant})
            other_names |= Q(name__iexact=variant)
        return self.filter(condition | Exists(CountryName.objects.filter(other_names, country=OuterRef("pk"))))


class SessionQuerySet(models.QuerySet):
    def with_votes(self) -> "SessionQuerySet":
        """Sessions with at least one vote (a probe of the votes' (session, body) index per session)."""
        from .models import Vote

        return self.filter(Exists(Vote.objects.filter(session=OuterRef("pk"))))


class DraftQuerySet(models.QuerySet):
    def with_relations(self) -> "DraftQuerySet":
        return self.select_related("session", "body", "agenda_item")

    def latest_first(self) -> "DraftQuerySet":
        """Latest session first, then by symbol. (The model's ordering "-session" follows Session's own
        descending ordering and so comes out oldest first.)"""
        return self.order_by("-session_id", "symbol")

    def resolution_record(self, draft) -> "object | None":
        """The draft a dataset stores under the resolution this draft became (Voeten's roll calls are drafts
        whose symbol is the resolution's, "A/RES/48/14"), if it is another row; None otherwise."""
        if not draft.resolution:
            return None
        return self.filter(symbol=draft.resolution).exclude(pk=draft.pk).first()

    def sponsored_by(self, iso3: str) -> "DraftQuerySet":
        from .models import Sponsorship

        return self.filter(Exists(Sponsorship.objects.filter(draft=OuterRef("pk"), country_id=iso3)))

    def matching(self, text: str) -> "DraftQuerySet":
        """Drafts whose symbol, resolution, title or paragraphs (any language) hold every term of `text`, or with
        a paragraph it names ("PP18"), annotated with `match_rank` (see `by_relevance`): 0 the symbol or the
        resolution, 1 the heading (a title), 2 the paragraphs only."""
        from .labels import read_paragraph_name
        from .models import Paragraph
        from .search import is_symbol_fragment, search_terms, term_lookup

        terms = search_terms(text)
        if not terms:
            return self.all()
        # The draft's search row, joined once (trigram-indexed), finds the drafts and ranks them.
        in_heading, in_row = Q(), Q()
        for term in terms:
            in_heading &= _row_has(term, "heading", prefix="search_text__")
            in_row &= _row_has(term, "heading", "body", prefix="search_text__")
        # A symbol match: every term a fragment of the draft's symbol or of its resolution's (read on the rows
        # found only, in the ranking).
        by_symbol = Q()
        for term in terms:
            if not is_symbol_fragment(term):
                by_symbol = Q(pk__in=[])
                break
            lookup, value = term_lookup(term, case_insensitive=True)
            by_symbol &= Q(**{f"symbol__{lookup}": value}) | Q(**{f"resolution__{lookup}": value})
        found = in_row
        label = read_paragraph_name(text)
        if label is not None:  # "PP18": also the drafts with that paragraph (the paragraphs list it)
            found |= Exists(Paragraph.objects.filter(draft=OuterRef("pk"), voted_label=label))
        return self.filter(found).annotate(
            match_rank=models.Case(
                models.When(by_symbol, then=0), models.When(in_heading, then=1), default=2,
                output_field=models.IntegerField(),
            )
        )

    def by_relevance(self) -> "DraftQuerySet":
        """After `matching`: symbol matches first, then title matches, then paragraph matches; newest first
        within each (then by symbol, then key: a page never moves rows)."""
        return self.order_by("match_rank", "-session_id", "symbol", "pk")

    def with_final_vote(self) -> "DraftQuerySet":
        """Annotate the latest action on the draft as a whole (outcome, method, counts) and the number of actions,
        with correlated subqueries: one query for a page of drafts."""
        from .models import Vote

        last_whole = Vote.objects.filter(draft=OuterRef("pk"), subject="whole").order_by(
            F("date").desc(nulls_last=True), "-order", "-id"
        )
        return self.annotate(
            final_outcome=Subquery(last_whole.values("outcome")[:1]),
            final_method=Subquery(last_whole.values("method")[:1]),
            final_yes=Subquery(last_whole.values("yes_count")[:1]),
            final_no=Subquery(last_whole.values("no_count")[:1]),
            final_abstain=Subquery(last_whole.values("abstain_count")[:1]),
            final_absent=Subquery(last_whole.values("absent_count")[:1]),
            action_count=Subquery(
                Vote.objects.filter(draft=OuterRef("pk")).order_by().values("draft").annotate(n=Count("id")).values("n")[:1]
            ),
        )


class VoteQuerySet(models.QuerySet):
    # What `with_country` and `with_countries` annotate: a list page reads them with its keys and sets them on
    # its rows (votes.pagination.rows_in_order), which then need not join the positions again.
    COUNTRY_ANNOTATIONS = ("country_position", "intended_position", "intended_footnote")

    @staticmethod
    def compared_annotations(count: int) -> tuple[str, ...]:
        return tuple(f"pos_{index}" for index in range(count))

    def recorded(self) -> "VoteQuerySet":
        return self.filter(method="recorded")

    def coverage(self) -> dict:
        """What the votes span: first and last date, first and last session, and the bodies that voted (in
        their order), in two queries."""
        from .models import Body

        span = self.aggregate(first_date=models.Min("date"), last_date=models.Max("date"),
                              first_session=models.Min("session_id"), last_session=models.Max("session_id"))
        span["bodies"] = list(Body.objects.filter(Exists(self.filter(body=OuterRef("pk")))).order_by("order"))
        return span

    def for_listing(self) -> "VoteQuerySet":
        """What a list row shows: the draft, its body and the paragraph, in one query."""
        return self.select_related("draft", "body", "paragraph")

    # --- ordering ---------------------------------------------------------------------------------------------

    def newest_first(self) -> "VoteQuerySet":
        """Latest date first (undated last); the report's order of actions, reversed, within a day."""
        return self.order_by(F("date").desc(nulls_last=True), "-id")

    def oldest_first(self) -> "VoteQuerySet":
        return self.order_by(F("date").asc(nulls_last=True), "id")

    def by_margin(self, descending: bool = False) -> "VoteQuerySet":
        """Recorded votes by margin (yes − no), closest first unless `descending`; adoptions without a vote last."""
        margin = F("margin").desc() if descending else F("margin").asc()
        return self.order_by("method", margin, F("date").desc(nulls_last=True), "-id")

    def closest_first(self) -> "VoteQuerySet":
        """Recorded votes by the absolute margin, the closest first; adoptions without a vote last."""
        return self.order_by("method", Abs("margin"), F("date").desc(nulls_last=True), "-id")

    # --- filters ----------------------------------------------------------------------------------------------

    def with_country(self, iso3: str, language: str | None = None) -> "VoteQuerySet":
        """Votes on which `iso3` has a recorded position, annotated with it as `country_position`, and with its
        stated intention (footnote, in `language`, by default the page's), if any, as `intended_position` and
        `intended_footnote`. One inner join and one outer join, both on a unique (vote, country) pair."""
        qs = self.annotate(
            country_pos=FilteredRelation("positions", condition=Q(positions__country_id=iso3)),
            country_intent=FilteredRelation("intended_positions", condition=Q(intended_positions__country_id=iso3)),
        ).filter(country_pos__position__isnull=False)
        return qs.annotate(
            country_position=F("country_pos__position"),
            intended_position=F("country_intent__position"),
            intended_footnote=localized_column("country_intent__footnote", language),
        )

    def with_position(self, position: str) -> "VoteQuerySet":
        """After `with_country`: the votes on which the country took `position`. Through the annotation, on the
        join already made: a filter on `country_pos__position` in a second filter() call would join the positions
        a second time."""
        return self.filter(country_position=position)

    def with_countries(self, codes: Iterable[str], intentions: bool = False) -> "VoteQuerySet":
        """Votes on which every one of `codes` has a recorded position, annotated `pos_0`, `pos_1`, ... in order
        (and, with `intentions`, their stated intentions `int_0`, `int_1`, ...): one join per country."""
        relations, present, positions = {}, {}, {}
        for index, iso3 in enumerate(codes):
            alias = f"cmp_{index}"
            relations[alias] = FilteredRelation("positions", condition=Q(positions__country_id=iso3))
            present[f"{alias}__position__isnull"] = False
            positions[f"pos_{index}"] = F(f"{alias}__position")
            if intentions:
                relations[f"cmpi_{index}"] = FilteredRelation(
                    "intended_positions", condition=Q(intended_positions__country_id=iso3)
                )
                positions[f"int_{index}"] = F(f"cmpi_{index}__position")
        return self.annotate(**relations).filter(**present).annotate(**positions)

    def where_positions_differ(self, count: int) -> "VoteQuerySet":
        """After `with_countries`: votes on which the countries did not all take the same position."""
        differ = Q()
        for index in range(1, count):
            differ |= ~Q(pos_0=F(f"pos_{index}"))
        return self.filter(differ)

    def sponsored_by(self, iso3: str) -> "VoteQuerySet":
        from .models import Sponsorship

        return self.filter(Exists(Sponsorship.objects.filter(draft=OuterRef("draft_id"), country_id=iso3)))

    def at_address(self, address: str):
        """The vote a readable address names (votes.links.vote_address), or None. The draft's symbol is the
        longest prefix of the address that is a draft's symbol and leaves a subject: the subject alone on the
        draft's own body, else a body and the subject. Two queries: the votes of every reading's symbol and
        label (two tables; all readings OR-ed in one query over the page's joins took ~5 ms to plan, ten times
        its run), the best reading kept; then that vote, with this queryset's joins."""
        parts = address.strip("/").split("/")
        readings = []  # (symbol, body or None for the draft's own, subject label), the preferred first
        for cut in range(len(parts) - 1, 0, -1):
            symbol, rest = "/".join(parts[:cut]), "/".join(parts[cut:])
            readings.append((symbol, None, rest))
            body, _, label = rest.partition("/")
            if label:
                readings.append((symbol, body, label))
        if not readings:
            return None
        rank = {reading: index for index, reading in enumerate(readings)}
        candidates = self.filter(
            draft__symbol__in={symbol for symbol, _, _ in readings}, subject_label__in={label for _, _, label in readings}
        ).values_list("pk", "draft__symbol", "body_id", "draft__body_id", "subject_label")
        best = None
        for pk, symbol, body_id, own_body_id, label in candidates:  # in the queryset's order: the first of a rank wins
            on_own_body = rank.get((symbol, None, label)) if body_id == own_body_id else None
            ranks = [index for index in (on_own_body, rank.get((symbol, body_id, label))) if index is not None]
            if ranks and (best is None or min(ranks) < best[0]):
                best = (min(ranks), pk)
        return self.filter(pk=best[1]).first() if best else None

    def matching(self, text: str) -> "VoteQuerySet":
        """Votes whose draft symbol or title, or the paragraph voted on, contains `text` (any language); a vote on
        the whole draft also matches text in any of the draft's paragraphs; a query naming a paragraph ("PP18",
        序言部分第十八段: votes.labels.read_paragraph_name) also finds the votes on that paragraph."""
        from .labels import read_paragraph_name
        from .search import search_terms, term_lookup

        # Every such vote's draft has the text somewhere: its search row, joined once (one trigram-indexed
        # table), narrows the votes, and the same row says whether the heading has it. (A separate subquery for
        # the heading cost each parallel worker its own scan: 42 against 28 ms to count "nuclear" at 5M.)
        terms = search_terms(text)
        if not terms:
            return self.all()
        in_heading, in_draft, in_roll_call = Q(), Q(), Q()
        for term in terms:
            in_heading &= _row_has(term, "heading", prefix="draft__search_text__")
            in_draft &= _row_has(term, "heading", "body", prefix="draft__search_text__")
            # A dataset's roll call has no paragraphs, but descriptions of its own (which the search row holds too).
            lookup, value = term_lookup(term, case_insensitive=True)
            in_roll_call &= Q(**{f"roll_call__descr__{lookup}": value}) | Q(**{f"roll_call__short__{lookup}": value})
        on_the_vote = Q(subject="whole") | in_heading | Q(subject="paragraph") & _text_q("paragraph__", "text", text) | in_roll_call
        found = in_draft & on_the_vote
        label = read_paragraph_name(text)
        if label is not None:  # "PP18", 序言部分第十八段: also the votes on that paragraph, of any draft
            found |= Q(subject="paragraph", subject_label=label)
        return self.filter(found)

    # --- aggregates -------------------------------------------------------------------------------------------

    def country_summary(self, iso3: str, filtered: bool) -> dict:
        """After `with_country(iso3)`: the country's votes by position (`yes`, `no`, `abstain`, `absent`), their
        `total`, those `cast` (yes, no or abstain), how often it cast the most common position of the vote
        (`with_majority`, see `cast_with_majority`) and that share of the votes cast (`majority_share`, None
        without any). The whole record's figures are stored (CountryTally); `filtered` votes are counted, in one
        aggregate query from the votes' stored counts."""
        from .models import CountryTally

        if filtered:
            counts = self.order_by().aggregate(**tally_aggregates("country_pos__position", vote=""))
        else:
            counts = CountryTally.objects.summary(iso3)
        total = sum(counts[value] for value in (*CAST, "absent"))
        cast = total - counts["absent"]
        share = counts["with_majority"] / cast if cast else None
        return {**counts, "total": total, "cast": cast, "majority_share": share}

    def comparison(self, codes: list[str], filtered: bool) -> dict:
        """After `with_countries(codes)`: the number of votes (`total`), of those the votes on which the countries
        did not all take the same position (`differ`), and for each pair of countries (`a`, `b`: their codes) the
        votes on which both cast yes, no or abstain (`votes`), those on which they cast the same (`agreed`) and
        that share (`score`, None without such votes). Two countries' figures over the whole record are stored
        (AgreementScore); more countries, or `filtered` votes, are counted (see `agreement`)."""
        from .models import AgreementScore

        figures = AgreementScore.objects.comparison(*codes) if len(codes) == 2 and not filtered else None
        figures = figures or self.agreement(len(codes))
        pairs = [
            {"a": codes[i], "b": codes[j], **pair, "score": pair["agreed"] / pair["votes"] if pair["votes"] else None}
            for (i, j), pair in figures["pairs"].items()
        ]
        return {"total": figures["total"], "differ": figures["differ"], "pairs": pairs}

    def agreement(self, count: int) -> dict[tuple[int, int], dict[str, int]]:
        """After `with_countries`: the number of votes (`total`), of those the votes on which the countries did not
        all take the same position (`differ`: the count of `where_positions_differ`, so that the page's paginator
        need not join the positions a second time) and, for each pair (`pairs[(i, j)]`), the votes on which both
        cast yes, no or abstain and, of those, the votes on which they cast the same — one query."""
        differ = Q()
        for index in range(1, count):
            differ |= ~Q(pos_0=F(f"pos_{index}"))
        aggregates = {"differ": Count("id", filter=differ)} if count > 1 else {}
        for i in range(count):
            for j in range(i + 1, count):
                both = Q(**{f"pos_{i}__in": CAST}) & Q(**{f"pos_{j}__in": CAST})
                aggregates[f"votes_{i}_{j}"] = Count("id", filter=both)
                aggregates[f"agreed_{i}_{j}"] = Count("id", filter=both & Q(**{f"pos_{i}": F(f"pos_{j}")}))
        aggregates["total"] = Count("id")
        result = self.order_by().aggregate(**aggregates)
        pairs = {
            (i, j): {"votes": result[f"votes_{i}_{j}"], "agreed": result[f"agreed_{i}_{j}"]}
            for i in range(count)
            for j in range(i + 1, count)
        }
        return {"total": result["total"], "differ": result.get("differ", 0), "pairs": pairs}


class PositionQuerySet(models.QuerySet):
    def in_printed_order(self) -> "PositionQuerySet":
        """As the UN prints a vote's lists, in the reports of every language: by the English short name, without
        regard to accents (reference.collation.alphabetical_sort_key)."""
        return self.order_by("country__name_en_sort", "country__name_en")

    def tallies_by_country(self) -> "PositionQuerySet":
        """One row per country: its counts by position and `with_majority` (the figures of CountryTally)."""
        return self.order_by().values("country_id").annotate(**tally_aggregates("position", vote="vote__"))


class CountryTallyQuerySet(models.QuerySet):
    def summary(self, iso3: str) -> dict[str, int]:
        """The stored figures of a country's whole record, as `VoteQuerySet.country_summary` counts them for a
        filtered one (zeros for a country without recorded votes)."""
        row = self.filter(country_id=iso3).values(*self.model.FIELDS).first()
        return row or dict.fromkeys(self.model.FIELDS, 0)

    def positions(self) -> int:
        """All stored positions (every country's yes, no, abstain and absent)."""
        total = self.aggregate(total=Sum(F("yes") + F("no") + F("abstain") + F("absent")))["total"]
        return total or 0

    def vote_count(self, iso3: str, position: str | None = None) -> int:
        """Recorded votes on which the country has a position (that position, if given)."""
        summary = self.summary(iso3)
        return summary[position] if position else sum(summary[value] for value in (*CAST, "absent"))


class AgreementScoreQuerySet(models.QuerySet):
    def extremes(self, iso3: str, shown: int) -> tuple[list[dict], list[dict]]:
        """The `shown` countries `iso3` agrees with most, and least (other_id, votes, agreed, score): one query
        over its ~200 pairs, sorted here. Pairs resting on few votes (a former State, a new Member) would crowd
        the extremes: only those with at least half the votes of its best-covered pair take part."""
        rows = list(self.filter(country_id=iso3, votes__gt=0).values("other_id", "votes", "agreed", "score"))
        least_votes = max(1, (max((row["votes"] for row in rows), default=0) + 1) // 2)
        solid = [row for row in rows if row["votes"] >= least_votes]
        most = sorted(solid, key=lambda row: (-row["score"], -row["votes"], row["other_id"]))[:shown]
        least = sorted(solid, key=lambda row: (row["score"], -row["votes"], row["other_id"]))[:shown]
        return most, least

    def comparison(self, a: str, b: str) -> dict | None:
        """Two countries over the whole record, as `VoteQuerySet.agreement` gives it for filtered votes; None when
        nothing is stored for the pair (the caller then counts)."""
        row = self.filter(country_id=a, other_id=b).values("common", "same", "votes", "agreed").first()
        if row is None:
            return None
        pair = {"votes": row["votes"], "agreed": row["agreed"]}
        return {"total": row["common"], "differ": row["common"] - row["same"], "pairs": {(0, 1): pair}}


def paragraphs_matching(text: str, limit: int | None = None):
    """Paragraphs (of any draft) whose text in any language contains `text`, or which it names ("PP18"), with
    their draft, newest session first. With `limit`, only the first `limit` paragraphs can be asked for, and they are found among the first
    `limit` drafts whose body has the text (each holds one at least): a page of results reads a few drafts'
    paragraphs, not the tens of thousands a frequent word is in."""
    from .labels import read_paragraph_name
    from .models import Draft, Paragraph

    drafts = _drafts_with_text(text, "body")
    if limit is not None:
        drafts = Draft.objects.filter(pk__in=drafts).order_by("-session_id", "symbol").values("pk")[:limit]
    found = Q(draft_id__in=drafts) & _text_q("", "text", text)
    label = read_paragraph_name(text)
    if label is not None:  # "PP18", 执行部分第2段: also that paragraph of every draft
        found |= Q(voted_label=label)
    return (
        Paragraph.objects.filter(found)
        .select_related("draft")
        .order_by("-draft__session_id", "draft__symbol", "order")
    )
