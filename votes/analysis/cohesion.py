"""How a group of States voted: the Agreement Index of Hix, Noury and Roland, a vote's bloc breakdown, and the
figures stored per group (cohesion by session and body, by issue tag, dissent by member) that the group pages read.

Agreement Index (Hix, Noury and Roland, "Power to the Parties: Cohesion and Competition in the European
Parliament, 1979–2001", British Journal of Political Science 35(2), 2005, p. 215):

    AI = (max(Y, N, A) − ½ (Y + N + A − max(Y, N, A))) / (Y + N + A)

with Y, N, A the group's members voting yes, no and abstaining (absent members are not counted). 1 when all
cast the same vote, 0 when they split equally three ways; undefined when none voted.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

CAST = ("yes", "no", "abstain")
AI_REFERENCE = "https://doi.org/10.1017/S0007123405000128"


def agreement_index(yes: int, no: int, abstain: int) -> float | None:
    """Hix–Noury–Roland Agreement Index of one group on one vote; None when no member cast a vote."""
    total = yes + no + abstain
    if total == 0:
        return None
    top = max(yes, no, abstain)
    return (top - 0.5 * (total - top)) / total


def ai_millionths(yes: int, no: int, abstain: int) -> int:
    """The Agreement Index in millionths, rounded down: AI·10⁶ = (3·max − total)·500000 / total, integers only,
    so that Python and SQL (the recount) give the same number and stored sums stay exact."""
    total = yes + no + abstain
    return (3 * max(yes, no, abstain) - total) * 500_000 // total


def majority(counts: dict[str, int]) -> str | None:
    """The position most of the group cast (yes, no or abstain); None on a tie or when none voted."""
    ranked = sorted(((counts.get(value, 0), value) for value in CAST), reverse=True)
    if ranked[0][0] == 0 or ranked[0][0] == ranked[1][0]:
        return None
    return ranked[0][1]


@dataclass
class GroupOnVote:
    """One group's part of a vote."""

    group: str
    counts: dict[str, int] = field(default_factory=lambda: {"yes": 0, "no": 0, "abstain": 0, "absent": 0})
    members: dict[str, str] = field(default_factory=dict)  # iso3 -> position

    @property
    def members_count(self) -> int:
        return sum(self.counts.values())

    @property
    def agreement_index(self) -> float | None:
        return agreement_index(self.counts["yes"], self.counts["no"], self.counts["abstain"])

    @property
    def majority(self) -> str | None:
        return majority(self.counts)

    @property
    def dissenters(self) -> list[tuple[str, str]]:
        """(iso3, position) of the members that cast another vote than the group's majority, sorted by code."""
        top = self.majority
        if top is None:
            return []
        return sorted((iso3, value) for iso3, value in self.members.items() if value in CAST and value != top)


def breakdown(positions, groups_of) -> dict[str, GroupOnVote]:
    """Per group, how its members stood on one vote. `positions`: (iso3, position) pairs of the vote;
    `groups_of(iso3)`: the groups that State was in on the vote's date."""
    result: dict[str, GroupOnVote] = {}
    for iso3, value in positions:
        for group in groups_of(iso3):
            part = result.setdefault(group, GroupOnVote(group))
            part.counts[value] = part.counts.get(value, 0) + 1
            part.members[iso3] = value
    return result


# --- the stored figures ------------------------------------------------------------------------------------


@dataclass
class CohesionTerms:
    """What a set of votes contributes to the stored group figures: sums keyed like their rows."""

    cohesion: dict[tuple[str, int, str], Counter] = field(default_factory=lambda: defaultdict(Counter))
    dissent: dict[tuple[str, str], Counter] = field(default_factory=lambda: defaultdict(Counter))
    issue: dict[tuple[str, str], Counter] = field(default_factory=lambda: defaultdict(Counter))  # (group, tag)

    def add_vote(self, session: int, body: str, parts: dict[str, GroupOnVote], tags=()) -> None:
        for group, part in parts.items():
            ai = part.agreement_index
            if ai is None:
                continue  # no member cast a vote: the vote says nothing of the group's cohesion
            dissenters = part.dissenters
            for row in (self.cohesion[(group, session, body)], *(self.issue[(group, tag)] for tag in tags)):
                row["votes"] += 1
                row["ai_millionths"] += ai_millionths(part.counts["yes"], part.counts["no"], part.counts["abstain"])
                row["split"] += 1 if dissenters else 0
                for value, count in part.counts.items():
                    row[value] += count
            if part.majority is None:
                continue
            dissenting = {iso3 for iso3, _ in dissenters}
            for iso3, value in part.members.items():
                if value in CAST:
                    self.dissent[(group, iso3)]["votes"] += 1
                    self.dissent[(group, iso3)]["dissents"] += 1 if iso3 in dissenting else 0


def vote_terms(vote_ids: list[int] | None, calendar=None, *, tagged_only: bool = False) -> CohesionTerms:
    """The group figures' terms of the given recorded votes (all of them when None), from their stored positions,
    their issue tags and the group memberships on each vote's date. `tagged_only`: only the votes with an issue tag
    (what the cohesion by issue needs; most committee votes have none)."""
    from ..models import Position, Vote
    from .groups import MembershipCalendar

    calendar = calendar or MembershipCalendar()
    votes = Vote.objects.recorded().filter(date__isnull=False)
    if vote_ids is not None:
        votes = votes.filter(pk__in=vote_ids)
    tags: dict[int, list[str]] = defaultdict(list)
    tagged = Vote.issue_tags.through.objects.filter(vote__in=votes).order_by("vote_id", "issuetag_id")
    for vote_id, code in tagged.values_list("vote_id", "issuetag_id"):
        tags[vote_id].append(code)
    if tagged_only:
        votes = votes.filter(pk__in=list(tags))
    meta = {
        pk: (session, body, day, tuple(tags.get(pk, ())))
        for pk, session, body, day in votes.values_list("pk", "session_id", "body_id", "date")
    }
    terms = CohesionTerms()
    ids = sorted(meta)
    for start in range(0, len(ids), 2000):
        chunk = ids[start : start + 2000]
        rows = Position.objects.filter(vote_id__in=chunk).order_by("vote_id").values_list("vote_id", "country_id", "position")
        current, positions = None, []
        for vote_id, iso3, value in rows.iterator(chunk_size=20000):
            if vote_id != current:
                if current is not None:
                    _add(terms, meta[current], positions, calendar)
                current, positions = vote_id, []
            positions.append((iso3, value))
        if current is not None:
            _add(terms, meta[current], positions, calendar)
    return terms


def _add(terms: CohesionTerms, meta, positions, calendar) -> None:
    session, body, day, tags = meta
    terms.add_vote(session, body, breakdown(positions, lambda iso3: calendar.groups_of(iso3, day)), tags)


COHESION_FIELDS = ("votes", "ai_millionths", "split", "yes", "no", "abstain", "absent")
DISSENT_FIELDS = ("votes", "dissents")


def apply_terms(terms: CohesionTerms, sign: int) -> None:
    """Add (sign +1) or take out (−1) the terms from the stored rows; rows left with no votes are deleted."""
    from ..models import GroupCohesion, GroupDissent

    _apply(GroupCohesion, ("group_id", "session_id", "body_id"), COHESION_FIELDS, terms.cohesion, sign)
    _apply(GroupDissent, ("group_id", "country_id"), DISSENT_FIELDS, terms.dissent, sign)


def apply_issue_terms(terms: CohesionTerms, sign: int) -> None:
    """Add (sign +1) or take out (−1) the terms by issue from the stored rows (`GroupIssueCohesion`)."""
    from ..models import GroupIssueCohesion

    _apply(GroupIssueCohesion, ("group_id", "issue_id"), COHESION_FIELDS, terms.issue, sign)


def _apply(model, key_fields, fields, sums, sign) -> None:
    if not sums:
        return
    groups = {key[0] for key in sums}
    existing = {
        tuple(getattr(row, name) for name in key_fields): row
        for row in model.objects.filter(group_id__in=groups)
        if tuple(getattr(row, name) for name in key_fields) in sums
    }
    new, changed, emptied = [], [], []
    for key, values in sums.items():
        row = existing.get(key)
        if row is None:
            if sign < 0:
                continue
            new.append(model(**dict(zip(key_fields, key)), **{name: values.get(name, 0) for name in fields}))
            continue
        for name in fields:
            setattr(row, name, getattr(row, name) + sign * values.get(name, 0))
        (emptied if row.votes <= 0 else changed).append(row)
    model.objects.bulk_create(new, batch_size=1000)
    model.objects.bulk_update(changed, list(fields), batch_size=1000)
    model.objects.filter(pk__in=[row.pk for row in emptied]).delete()


def rebuild() -> int:
    """Recount every group figure from the record in SQL (PostgreSQL and SQLite alike): the same numbers as
    `vote_terms` over all votes, without loading 5 million positions into Python. Returns the rows written."""
    from django.db import connection

    from ..models import GroupCohesion, GroupDissent, GroupMembership, Position, Vote

    tables = {
        "position": Position._meta.db_table, "vote": Vote._meta.db_table, "membership": GroupMembership._meta.db_table,
        "cohesion": GroupCohesion._meta.db_table, "dissent": GroupDissent._meta.db_table,
    }
    GroupCohesion.objects.all().delete()
    GroupDissent.objects.all().delete()
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS tally_group_votes")
        cursor.execute(_GROUP_VOTES.format(**tables, where=""))
        _analyze_group_votes(cursor)
        cursor.execute(_COHESION.format(**tables))
        written = cursor.rowcount
        cursor.execute(_DISSENT.format(**tables))
        written += cursor.rowcount
        cursor.execute("DROP TABLE tally_group_votes")
    return written


def rebuild_issues() -> int:
    """Recount the group cohesion by issue from the record in SQL: the same numbers as `vote_terms(...).issue`
    over all votes. Returns the rows written."""
    from django.db import connection

    from ..models import GroupIssueCohesion, GroupMembership, Position, Vote

    tagging = Vote.issue_tags.through._meta.db_table
    tables = {
        "position": Position._meta.db_table, "vote": Vote._meta.db_table, "membership": GroupMembership._meta.db_table,
        "issue_cohesion": GroupIssueCohesion._meta.db_table, "tagging": tagging,
    }
    GroupIssueCohesion.objects.all().delete()
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS tally_group_votes")
        cursor.execute(_GROUP_VOTES.format(**tables, where=f"AND v.id IN (SELECT vote_id FROM {tagging})"))
        _analyze_group_votes(cursor)
        cursor.execute(_ISSUE_COHESION.format(**tables))
        written = cursor.rowcount
        cursor.execute("DROP TABLE tally_group_votes")
    return written


def _analyze_group_votes(cursor) -> None:
    # A new table has no statistics: PostgreSQL guessed ~half its rows and a twentieth of its joins' rows, and
    # sorted 1.2 million dissent rows on disk for a merge join (3.0 s of the full record's 4.6 s; 1.4 s with them).
    cursor.execute("ANALYZE tally_group_votes")


# Each (group, recorded vote) with the members' counts, the top count and the majority (none on a tie).
_GROUP_VOTES = """
    CREATE TEMPORARY TABLE tally_group_votes AS
    SELECT c.*,
        CASE WHEN (CASE WHEN c.yes = c.top THEN 1 ELSE 0 END) + (CASE WHEN c.no = c.top THEN 1 ELSE 0 END)
                  + (CASE WHEN c.abstain = c.top THEN 1 ELSE 0 END) = 1
             THEN CASE WHEN c.yes = c.top THEN 'yes' WHEN c.no = c.top THEN 'no' ELSE 'abstain' END END AS majority
    FROM (
        SELECT g.*, CASE WHEN g.yes >= g.no AND g.yes >= g.abstain THEN g.yes WHEN g.no >= g.abstain THEN g.no
                         ELSE g.abstain END AS top,
               g.yes + g.no + g.abstain AS cast_votes
        FROM (
            SELECT m.group_id, v.id AS vote_id, v.session_id, v.body_id,
                SUM(CASE WHEN p.position = 'yes' THEN 1 ELSE 0 END) AS yes,
                SUM(CASE WHEN p.position = 'no' THEN 1 ELSE 0 END) AS no,
                SUM(CASE WHEN p.position = 'abstain' THEN 1 ELSE 0 END) AS abstain,
                SUM(CASE WHEN p.position = 'absent' THEN 1 ELSE 0 END) AS absent
            FROM {position} p
            JOIN {vote} v ON v.id = p.vote_id
            JOIN {membership} m ON m.country_id = p.country_id AND m.start <= v.date
                AND (m."end" IS NULL OR m."end" >= v.date)
            WHERE v.method = 'recorded' AND v.date IS NOT NULL {where}
            GROUP BY m.group_id, v.id, v.session_id, v.body_id
        ) g
    ) c
    WHERE c.yes + c.no + c.abstain > 0
"""
_COHESION = """
    INSERT INTO {cohesion} (group_id, session_id, body_id, votes, ai_millionths, split, yes, no, abstain, absent)
    SELECT group_id, session_id, body_id, COUNT(*), SUM((3 * top - cast_votes) * 500000 / cast_votes),
        SUM(CASE WHEN majority IS NOT NULL AND cast_votes > top THEN 1 ELSE 0 END),
        SUM(yes), SUM(no), SUM(abstain), SUM(absent)
    FROM tally_group_votes
    GROUP BY group_id, session_id, body_id
"""
_ISSUE_COHESION = """
    INSERT INTO {issue_cohesion} (group_id, issue_id, votes, ai_millionths, split, yes, no, abstain, absent)
    SELECT gv.group_id, t.issuetag_id, COUNT(*), SUM((3 * gv.top - gv.cast_votes) * 500000 / gv.cast_votes),
        SUM(CASE WHEN gv.majority IS NOT NULL AND gv.cast_votes > gv.top THEN 1 ELSE 0 END),
        SUM(gv.yes), SUM(gv.no), SUM(gv.abstain), SUM(gv.absent)
    FROM tally_group_votes gv
    JOIN {tagging} t ON t.vote_id = gv.vote_id
    GROUP BY gv.group_id, t.issuetag_id
"""
_DISSENT = """
    INSERT INTO {dissent} (group_id, country_id, votes, dissents)
    SELECT gv.group_id, p.country_id, COUNT(*), SUM(CASE WHEN p.position <> gv.majority THEN 1 ELSE 0 END)
    FROM tally_group_votes gv
    JOIN {position} p ON p.vote_id = gv.vote_id AND p.position IN ('yes', 'no', 'abstain')
    JOIN {vote} v ON v.id = gv.vote_id
    JOIN {membership} m ON m.country_id = p.country_id AND m.group_id = gv.group_id AND m.start <= v.date
        AND (m."end" IS NULL OR m."end" >= v.date)
    WHERE gv.majority IS NOT NULL
    GROUP BY gv.group_id, p.country_id
"""


@dataclass
class BlocRow:
    """One group's line in a vote's bloc breakdown, for the vote page and its JSON twin."""

    group: object  # votes.models.Group
    part: GroupOnVote
    dissenters: list[tuple[str, str, str]]  # (iso3, name, position)

    COLUMNS = ("group", "name", "members", "yes", "no", "abstain", "absent", "agreement_index", "majority", "dissenters")

    def as_dict(self) -> dict:
        return {
            "group": self.group.code,
            "name": self.group.name_en,
            "members": self.part.members_count,
            **{value: self.part.counts.get(value, 0) for value in (*CAST, "absent")},
            "agreement_index": None if self.part.agreement_index is None else round(self.part.agreement_index, 4),
            "majority": self.part.majority,
            "dissenters": [{"country": iso3, "position": value} for iso3, _, value in self.dissenters],
        }


def memberships_on(day) -> list[tuple]:
    """(country, group code, group order, group name en, zh) of every membership on `day`: one query, tuples (~250
    memberships as model instances were a tenth of the vote page's time). Empty without a date."""
    from ..models import GroupMembership

    if day is None:
        return []
    # Ordered by the membership's own columns (part of the vote page's fragment key): the model's ordering, by the
    # group's order and the country's name, joined the countries to sort.
    memberships = GroupMembership.objects.on(day).order_by("group_id", "country_id", "start")
    return list(memberships.values_list("country_id", "group_id", "group__order", "group__name_en", "group__name_zh"))


def vote_breakdown(vote, positions: list[tuple[str, str]], names: dict[str, str], memberships: list[tuple] | None = None) -> list[BlocRow]:
    """The bloc breakdown of a recorded vote from its (iso3, position) pairs and the memberships on its date
    (`memberships_on`, read here when not given): one query, whatever the number of positions."""
    from ..models import Group

    if vote.date is None or not positions:
        return []
    groups_of: dict[str, list[str]] = defaultdict(list)
    groups = {}
    for country, code, order, name_en, name_zh in memberships if memberships is not None else memberships_on(vote.date):
        groups_of[country].append(code)
        if code not in groups:
            groups[code] = Group(code=code, order=order, name_en=name_en, name_zh=name_zh)
    parts = breakdown(positions, lambda iso3: groups_of.get(iso3, ()))
    ordered = sorted((group for code, group in groups.items() if code in parts), key=lambda g: (g.order, g.code))
    return [
        BlocRow(group, parts[group.code], [(iso3, names.get(iso3, iso3), value) for iso3, value in parts[group.code].dissenters])
        for group in ordered
    ]
