"""A synthetic voting record at full-history scale, to prove (and keep proving) that Tally stays fast.

`generate_corpus(votes=28300)` (about 5.0 million positions; 26,000 give 4.6 million) writes sessions 1–80 of invented drafts, paragraphs, sponsors, votes and one
Position per Member State per recorded vote, shaped like the real record:

- **Membership** comes from the Country/Membership tables (`load_countries`, real admission dates), so the
  assembly grows from 51 to 193 and no country has a position before its admission or after its membership
  ended. South Africa (1974-11-12 to 1994-06-23) and Yugoslavia (1992-09-22 to 2000-11-01) are recorded
  absent while barred from participating, as in the real record.
- **Votes**: `votes` counts recorded votes; about 80 % are on a draft as a whole and 20 % on one of its
  paragraphs (paragraph votes come before the vote on the whole, at the same meeting, and point at paragraphs
  of their own draft). Drafts adopted without a vote are added on top (`without_vote_ratio`, default one per
  two drafts put to a recorded vote); they have no positions. Sessions with more members hold more votes
  (weight ∝ members³, at least one vote each) and paragraph votes lean to recent sessions, as in the real record.
- **Positions** follow voting blocs (Western, Western European and others, Eastern, Latin American, African,
  Arab, Asia-Pacific, ...; the Eastern bloc splits in 1992) that take a stance per vote according to the
  kind of question (North–South, country human-rights situations, Middle East, disarmament, ...); each
  country follows its bloc with its own loyalty and absence rate. So yes ≈ 68 %, no ≈ 9 %, abstain ≈ 14 %,
  absent ≈ 9 %, and agreement between two countries depends on who they are (USA–ISR high, USA–CUB low).
- Stated tallies equal the counted ones; outcome and margin follow from them; bodies GA and C.1–C.6 with
  meeting numbers and dates (weekdays, October–December of the session's year); sponsors drawn from the
  blocs that vote for the draft; paragraph texts in English and Chinese.

**How synthetic data is told from real data** (and what `delete_synthetic` deletes, nothing else):
- drafts whose symbol contains ``/L.S`` (``A/C.1/33/L.S12``, ``A/33/L.S7/Rev.1``: real symbols have a number
  after ``L.``), with their votes, positions, intended positions, paragraphs and sponsorships;
- documents whose file name starts with ``synthetic:`` (one per session and body, the votes' provenance);
- agenda items numbered 1000 and above (real agendas stop well below).

The same seed and countries give the same corpus. Positions are drawn with numpy (one random byte per member,
looked up by bloc stance and temperament), the rest with `random`.

Loading uses the bulk paths, all in one transaction (a failure leaves the database as it was):
- PostgreSQL (`PostgresCopyLoader`): psycopg 3 `COPY`. Positions stream into `votes_position` while the record
  is drawn, in vote order like ingestion (or, with `position_order="country"`, sorted for fast index builds).
  When the table holds fewer rows than are added, the foreign keys, unique constraints and secondary indexes
  of the loaded tables are dropped first and rebuilt from their catalog definitions at the end, and empty
  tables are truncated so that COPY writes frozen rows. The tables it writes are locked (ACCESS EXCLUSIVE)
  for the duration: readers wait.
- Elsewhere (SQLite): `bulk_create` in batches, positions through one prepared INSERT with `executemany`.
The votes' counts are written with the votes; then, in the same transaction, the other stored figures are
recounted from the whole record (`votes.figures.recount`: country tallies, agreement, search rows), and after
the commit VACUUM ANALYZE (ANALYZE on SQLite).
Rows are written without history records (django-simple-history), as for any bulk load; `delete_synthetic`
uses plain SQL for the same reason (TRUNCATE when every position is synthetic).
"""

from __future__ import annotations

import bisect
import datetime
import hashlib
import math
import operator
import os
import random
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

import numpy as np
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from votes import figures
from votes.bulk import drop_secondary_indexes
from votes.models import (
    AgendaItem,
    AgreementScore,
    Body,
    Country,
    CountryTally,
    Document,
    Draft,
    DraftSearchText,
    Membership,
    Paragraph,
    Position,
    Session,
    Sponsorship,
    Vote,
)

SYMBOL_MARK = "/L.S"
# Physical order of the positions written on PostgreSQL: "vote" as ingestion writes them (realistic: what the
# bench measures), or "country" (sorted like the country-first indexes: their builds take a fraction of the
# time, but pages that read a country's positions from the table find them packed together — optimistic).
POSITION_ORDERS = ("vote", "country")
DOCUMENT_PREFIX = "synthetic:"
AGENDA_ITEM_BASE = 1000
FIGURE_STEP = "stored figure: "  # prefix of the report's timings of `figures.recount`, one per figure

FIRST_SESSION, LAST_SESSION = 1, 80
PARAGRAPH_SHARE = 0.2
WITHOUT_VOTE_RATIO = 0.5
MAX_PARAGRAPH_VOTES_PER_DRAFT = 4

YES, NO, ABSTAIN, ABSENT = "yes", "no", "abstain", "absent"
# Choice values as plain strings (what the rows carry; the models' TextChoices have the same values).
WHOLE, PARAGRAPH = "whole", "paragraph"
RECORDED, WITHOUT_VOTE = "recorded", "without_vote"
ADOPTED, RETAINED, REJECTED = "adopted", "retained", "rejected"
PREAMBULAR, OPERATIVE = "preambular", "operative"
ORIGINAL, LATER = "original", "later"
RESOLUTION, DECISION = "resolution", "decision"
LABELS = {PREAMBULAR: [f"PP{n}" for n in range(100)], OPERATIVE: [f"OP{n}" for n in range(100)]}
CAST = (YES, NO, ABSTAIN)
VALUES = (YES, NO, ABSTAIN, ABSENT)


class SyntheticCorpusError(Exception):
    """The corpus cannot be generated as asked (already there, no countries loaded, bad arguments)."""


# --- Who votes with whom ----------------------------------------------------------------------------------------

WEST = {"USA", "ISR", "MHL", "FSM", "PLW"}
WEOG = {
    "AND", "AUT", "BEL", "DNK", "FIN", "DEU", "GRC", "ISL", "IRL", "ITA", "LIE", "LUX", "MLT", "MCO", "NLD", "NOR",
    "PRT", "SMR", "ESP", "SWE", "CHE", "GBR", "FRA", "CAN", "AUS", "NZL", "TUR", "CYP", "JPN", "KOR",
}
EAST_UNTIL_1991 = {"SUN", "BLR", "UKR", "POL", "CSK", "HUN", "BGR", "DDR", "MNG", "CUB", "VNM", "LAO", "ROU", "PRK", "YMD"}
EASTERN_EUROPE_FROM_1992 = {
    "POL", "CZE", "SVK", "HUN", "BGR", "ROU", "EST", "LVA", "LTU", "SVN", "HRV", "BIH", "MKD", "MNE", "SRB", "ALB",
    "MDA", "GEO", "UKR", "YUG",
}
AXIS_FROM_1992 = {"RUS", "BLR", "CHN", "SYR", "IRN", "PRK", "CUB", "NIC", "VEN", "ERI"}
LATAM = {
    "ATG", "ARG", "BHS", "BRB", "BLZ", "BOL", "BRA", "CHL", "COL", "CRI", "CUB", "DMA", "DOM", "ECU", "SLV", "GRD",
    "GTM", "GUY", "HTI", "HND", "JAM", "MEX", "NIC", "PAN", "PRY", "PER", "KNA", "LCA", "VCT", "SUR", "TTO", "URY",
    "VEN",
}
ARAB = {
    "BHR", "IRQ", "JOR", "KWT", "LBN", "OMN", "QAT", "SAU", "SYR", "ARE", "YEM", "YMD", "DZA", "EGY", "LBY", "MAR",
    "TUN", "SDN", "MRT", "SOM", "DJI", "COM",
}
AFRICA = {
    "AGO", "BEN", "BWA", "BFA", "BDI", "CPV", "CMR", "CAF", "TCD", "COG", "CIV", "COD", "GNQ", "ERI", "SWZ", "ETH",
    "GAB", "GMB", "GHA", "GIN", "GNB", "KEN", "LSO", "LBR", "MDG", "MWI", "MLI", "MUS", "MOZ", "NAM", "NER", "NGA",
    "RWA", "STP", "SEN", "SYC", "SLE", "ZAF", "SSD", "TGO", "UGA", "TZA", "ZMB", "ZWE", "XZN",
}
BLOCS = ("west", "weog", "east", "eeu", "axis", "latam", "africa", "arab", "asia")

# Countries barred from taking part in the General Assembly while remaining Members: recorded absent.
NOT_PARTICIPATING = {
    "ZAF": (datetime.date(1974, 11, 12), datetime.date(1994, 6, 22)),
    "YUG": (datetime.date(1992, 9, 22), datetime.date(2000, 10, 31)),
}


def bloc_of(iso3: str, year: int) -> str:
    """The voting bloc a country belongs to in a year (the Eastern bloc dissolves at the end of 1991)."""
    if iso3 in WEST:
        return "west"
    if year <= 1991:
        if iso3 in EAST_UNTIL_1991:
            return "east"
    else:
        if iso3 in AXIS_FROM_1992:
            return "axis"
        if iso3 in EASTERN_EUROPE_FROM_1992:
            return "eeu"
    if iso3 in WEOG:
        return "weog"
    if iso3 in LATAM:
        return "latam"
    if iso3 in ARAB:
        return "arab"
    if iso3 in AFRICA:
        return "africa"
    return "asia"


# Per kind of question: each bloc's chances of taking the stance (yes, no, abstain) on a given vote.
PATTERNS: dict[str, dict[str, tuple[float, float, float]]] = {
    "north_south": {
        "west": (0.10, 0.60, 0.30), "weog": (0.55, 0.15, 0.30), "east": (0.95, 0.00, 0.05), "eeu": (0.60, 0.10, 0.30),
        "axis": (0.95, 0.00, 0.05), "latam": (0.95, 0.00, 0.05), "africa": (0.97, 0.00, 0.03),
        "arab": (0.97, 0.00, 0.03), "asia": (0.95, 0.00, 0.05),
    },
    "human_rights": {
        "west": (0.90, 0.02, 0.08), "weog": (0.90, 0.02, 0.08), "east": (0.10, 0.80, 0.10), "eeu": (0.85, 0.05, 0.10),
        "axis": (0.02, 0.95, 0.03), "latam": (0.75, 0.05, 0.20), "africa": (0.40, 0.25, 0.35),
        "arab": (0.25, 0.40, 0.35), "asia": (0.35, 0.30, 0.35),
    },
    "middle_east": {
        "west": (0.02, 0.95, 0.03), "weog": (0.70, 0.05, 0.25), "east": (0.95, 0.00, 0.05), "eeu": (0.60, 0.05, 0.35),
        "axis": (0.97, 0.00, 0.03), "latam": (0.85, 0.02, 0.13), "africa": (0.95, 0.00, 0.05),
        "arab": (1.00, 0.00, 0.00), "asia": (0.95, 0.00, 0.05),
    },
    "disarmament": {
        "west": (0.30, 0.50, 0.20), "weog": (0.50, 0.25, 0.25), "east": (0.90, 0.05, 0.05), "eeu": (0.55, 0.25, 0.20),
        "axis": (0.80, 0.05, 0.15), "latam": (0.90, 0.02, 0.08), "africa": (0.92, 0.01, 0.07),
        "arab": (0.90, 0.02, 0.08), "asia": (0.85, 0.03, 0.12),
    },
    "decolonization": {
        "west": (0.20, 0.50, 0.30), "weog": (0.45, 0.20, 0.35), "east": (0.95, 0.00, 0.05), "eeu": (0.65, 0.05, 0.30),
        "axis": (0.95, 0.00, 0.05), "latam": (0.90, 0.00, 0.10), "africa": (0.98, 0.00, 0.02),
        "arab": (0.98, 0.00, 0.02), "asia": (0.95, 0.00, 0.05),
    },
    "institutional": {
        "west": (0.55, 0.25, 0.20), "weog": (0.85, 0.03, 0.12), "east": (0.60, 0.15, 0.25), "eeu": (0.85, 0.03, 0.12),
        "axis": (0.60, 0.15, 0.25), "latam": (0.90, 0.02, 0.08), "africa": (0.90, 0.02, 0.08),
        "arab": (0.85, 0.05, 0.10), "asia": (0.85, 0.05, 0.10),
    },
    "embargo": {
        "west": (0.00, 1.00, 0.00), "weog": (0.95, 0.00, 0.05), "east": (1.00, 0.00, 0.00), "eeu": (0.90, 0.00, 0.10),
        "axis": (1.00, 0.00, 0.00), "latam": (1.00, 0.00, 0.00), "africa": (0.98, 0.00, 0.02),
        "arab": (0.98, 0.00, 0.02), "asia": (0.97, 0.00, 0.03),
    },
}

# How closely countries follow their bloc, and how often they are absent (times the era's rate).
LOYALTY_TIERS = (0.98, 0.93, 0.85)
ABSENCE_TIERS = (0.4, 1.0, 2.5)


def era_absence(year: int) -> float:
    """Share of members absent from a recorded vote, by era (rising with the number of small delegations)."""
    if year < 1960:
        return 0.03
    if year < 1975:
        return 0.07
    if year < 1995:
        return 0.10
    return 0.07


# --- What the drafts are about (English and Chinese) ------------------------------------------------------------


@dataclass(frozen=True)
class Topic:
    body: str
    pattern: str
    title_en: str
    title_zh: str
    objects: tuple[tuple[str, str], ...]  # noun phrases the paragraphs talk about, (en, zh)


TOPICS = (
    Topic("C.1", "disarmament", "General and complete disarmament", "全面彻底裁军", (
        ("nuclear disarmament", "核裁军"), ("the prohibition of chemical weapons", "禁止化学武器"),
        ("conventional arms control at the regional level", "区域常规军备控制"),
        ("the illicit trade in small arms and light weapons", "小武器和轻武器非法贸易"))),
    Topic("C.1", "disarmament", "Prevention of an arms race in outer space", "防止外层空间的军备竞赛", (
        ("the prevention of an arms race in outer space", "防止外层空间的军备竞赛"),
        ("transparency and confidence-building measures in outer space activities", "外空活动中的透明和建立信任措施"))),
    Topic("C.1", "disarmament", "Establishment of a nuclear-weapon-free zone in the region of the Middle East",
          "在中东区域建立无核武器区", (
        ("a nuclear-weapon-free zone in the Middle East", "中东无核武器区"),
        ("the Treaty on the Non-Proliferation of Nuclear Weapons", "《不扩散核武器条约》"))),
    Topic("C.1", "disarmament", "Comprehensive Nuclear-Test-Ban Treaty", "《全面禁止核试验条约》", (
        ("the entry into force of the Comprehensive Nuclear-Test-Ban Treaty", "《全面禁止核试验条约》的生效"),
        ("the cessation of all nuclear-weapon test explosions", "停止一切核武器试验爆炸"))),
    Topic("C.2", "north_south", "Unilateral economic measures as a means of political and economic coercion against "
          "developing countries", "单方面经济措施作为对发展中国家进行政治和经济胁迫的手段", (
        ("unilateral economic measures", "单方面经济措施"), ("the right to development", "发展权"))),
    Topic("C.2", "north_south", "Eradication of poverty and other development issues", "消除贫穷和其他发展问题", (
        ("the eradication of poverty", "消除贫穷"), ("sustainable development", "可持续发展"),
        ("international trade and development", "国际贸易与发展"))),
    Topic("C.2", "north_south", "Permanent sovereignty of the Palestinian people over their natural resources",
          "巴勒斯坦人民对其自然资源的永久主权", (
        ("permanent sovereignty over natural resources", "对自然资源的永久主权"),
        ("the economic and social repercussions of the occupation", "占领的经济和社会影响"))),
    Topic("C.3", "human_rights", "Situation of human rights in a Member State", "某会员国的人权状况", (
        ("the situation of human rights", "人权状况"), ("arbitrary detention", "任意拘留"),
        ("freedom of expression and of peaceful assembly", "言论自由与和平集会自由"))),
    Topic("C.3", "north_south", "Use of mercenaries as a means of violating human rights", "利用雇佣军作为侵犯人权的手段", (
        ("the use of mercenaries", "利用雇佣军"), ("the right of peoples to self-determination", "人民自决权"))),
    Topic("C.3", "human_rights", "Moratorium on the use of the death penalty", "暂停使用死刑", (
        ("a moratorium on the use of the death penalty", "暂停使用死刑"), ("the rights of the child", "儿童权利"))),
    Topic("C.3", "north_south", "Elimination of racism, racial discrimination, xenophobia and related intolerance",
          "消除种族主义、种族歧视、仇外心理和相关不容忍行为", (
        ("the elimination of racial discrimination", "消除种族歧视"),
        ("the Durban Declaration and Programme of Action", "《德班宣言和行动纲领》"))),
    Topic("C.4", "decolonization", "Implementation of the Declaration on the Granting of Independence to Colonial "
          "Countries and Peoples", "《给予殖民地国家和人民独立宣言》的执行情况", (
        ("the granting of independence to colonial countries and peoples", "给予殖民地国家和人民独立"),
        ("the Non-Self-Governing Territories", "非自治领土"))),
    Topic("C.4", "middle_east", "Assistance to Palestine refugees", "援助巴勒斯坦难民", (
        ("the work of the United Nations Relief and Works Agency", "联合国近东巴勒斯坦难民救济和工程处的工作"),
        ("the Palestine refugees", "巴勒斯坦难民"))),
    Topic("C.4", "institutional", "Effects of atomic radiation", "原子辐射的影响", (
        ("the effects of atomic radiation", "原子辐射的影响"),
        ("the peaceful uses of outer space", "和平利用外层空间"))),
    Topic("C.5", "institutional", "Scale of assessments for the apportionment of the expenses of the United Nations",
          "联合国会费分摊比额表", (
        ("the scale of assessments", "会费分摊比额表"), ("the programme budget", "方案预算"))),
    Topic("C.5", "institutional", "Financing of peacekeeping operations", "维持和平行动经费的筹措", (
        ("the financing of peacekeeping operations", "维持和平行动经费的筹措"),
        ("the reimbursement of troop-contributing countries", "偿还部队派遣国费用"))),
    Topic("C.6", "institutional", "Measures to eliminate international terrorism", "消除国际恐怖主义的措施", (
        ("measures to eliminate international terrorism", "消除国际恐怖主义的措施"),
        ("the report of the International Law Commission", "国际法委员会的报告"))),
    Topic("C.6", "institutional", "Criminal accountability of United Nations officials and experts on mission",
          "联合国官员和特派专家的刑事责任", (
        ("criminal accountability", "刑事责任"), ("the rule of law at the national and international levels",
                                                  "国家和国际两级的法治"))),
    Topic("GA", "middle_east", "Question of Palestine", "巴勒斯坦问题", (
        ("the question of Palestine", "巴勒斯坦问题"), ("a two-State solution", "两国解决方案"))),
    Topic("GA", "middle_east", "The situation in the Middle East", "中东局势", (
        ("the situation in the Middle East", "中东局势"), ("the occupied Syrian Golan", "被占领叙利亚戈兰"))),
    Topic("GA", "embargo", "Necessity of ending the economic, commercial and financial embargo", "必须终止经济、商业和金融封锁", (
        ("the economic, commercial and financial embargo", "经济、商业和金融封锁"),
        ("the freedom of trade and navigation", "贸易和航行自由"))),
    Topic("GA", "human_rights", "Situation of human rights in the occupied territories", "被占领领土的人权状况", (
        ("the situation of human rights in the occupied territories", "被占领领土的人权状况"),
        ("accountability for violations of international law", "违反国际法行为的问责"))),
    Topic("GA", "institutional", "Cooperation between the United Nations and regional organizations",
          "联合国同区域组织的合作", (
        ("cooperation with regional organizations", "同区域组织的合作"),
        ("the revitalization of the work of the General Assembly", "振兴大会工作"))),
)
TOPICS_BY_BODY: dict[str, list[tuple[int, Topic]]] = {}
for _number, _topic in enumerate(TOPICS, start=AGENDA_ITEM_BASE + 1):
    TOPICS_BY_BODY.setdefault(_topic.body, []).append((_number, _topic))

# Share of the drafts acted on by each body, and when in the session's year each body votes.
BODY_WEIGHTS = {"GA": 0.25, "C.1": 0.25, "C.2": 0.08, "C.3": 0.20, "C.4": 0.12, "C.5": 0.04, "C.6": 0.06}
VOTING_WINDOWS = {  # (month, day) to (month, day)
    "GA": ((11, 1), (12, 22)), "C.1": ((10, 25), (11, 12)), "C.2": ((11, 10), (12, 5)), "C.3": ((11, 1), (11, 25)),
    "C.4": ((10, 15), (11, 12)), "C.5": ((12, 1), (12, 22)), "C.6": ((11, 1), (11, 25)),
}
FIRST_VOTING_MEETING = {"GA": 40, "C.1": 18, "C.2": 25, "C.3": 30, "C.4": 15, "C.5": 20, "C.6": 22}

PREAMBLES = (
    ("Recalling its previous resolutions on {o},", "回顾其以往关于{o}的各项决议，"),
    ("Reaffirming the importance of {o},", "重申{o}的重要性，"),
    ("Noting with concern the lack of progress on {o},", "关切地注意到{o}方面缺乏进展，"),
    ("Welcoming the report of the Secretary-General on {o},", "欢迎秘书长关于{o}的报告，"),
    ("Convinced that {o} contributes to international peace and security,", "深信{o}有助于国际和平与安全，"),
    ("Bearing in mind the Charter of the United Nations and {o},", "铭记《联合国宪章》和{o}，"),
    ("Recalling its resolution {res} of {day} December {year} on {o},", "回顾其{year}年12月{day}日关于{o}的第{res}号决议，"),
)
OPERATIVE_VERBS = (
    ("Calls upon all States", "吁请所有国家"), ("Urges Member States", "敦促会员国"),
    ("Requests the Secretary-General", "请秘书长"), ("Encourages the international community", "鼓励国际社会"),
    ("Invites the relevant United Nations bodies", "邀请联合国相关机构"), ("Decides", "决定"),
)
OPERATIVE_ACTIONS = (
    ("to strengthen international cooperation on {o};", "加强在{o}方面的国际合作；"),
    ("to take further practical steps towards {o};", "为{o}采取进一步的切实步骤；"),
    ("to report on {o} at its next session;", "在下届会议上就{o}提出报告；"),
    ("to give full effect to the commitments on {o};", "全面落实关于{o}的承诺；"),
    ("to support the efforts of the United Nations concerning {o};", "支持联合国有关{o}的努力；"),
)


# --- Where synthetic data is ------------------------------------------------------------------------------------


def synthetic_drafts():
    return Draft.objects.filter(symbol__contains=SYMBOL_MARK)


def has_synthetic_data() -> bool:
    return (
        synthetic_drafts().exists()
        or Document.objects.filter(file_name__startswith=DOCUMENT_PREFIX).exists()
        or AgendaItem.objects.filter(number__gte=AGENDA_ITEM_BASE).exists()
    )


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _column(model, name: str) -> str:
    return connection.ops.quote_name(model._meta.get_field(name).column)


@transaction.atomic
def delete_synthetic() -> dict[str, int]:
    """Delete the synthetic record (and only it) with plain SQL: no per-row signals, so no history rows for
    millions of positions. Returns how many rows of each table went."""
    from votes.models import IntendedPosition

    deleted: dict[str, int] = {}
    drafts = f"SELECT id FROM {_table(Draft)} WHERE {_column(Draft, 'symbol')} LIKE %s"
    votes = f"SELECT id FROM {_table(Vote)} WHERE {_column(Vote, 'draft')} IN ({drafts})"
    like = [f"%{SYMBOL_MARK}%"]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and not _has_real_positions(cursor):
            cursor.execute(f"SELECT count(*) FROM {_table(Position)}")
            deleted["positions"] = cursor.fetchone()[0]
            cursor.execute(f"TRUNCATE {_table(Position)}")
        else:
            cursor.execute(f"DELETE FROM {_table(Position)} WHERE {_column(Position, 'vote')} IN ({votes})", like)
            deleted["positions"] = cursor.rowcount
        cursor.execute(
            f"DELETE FROM {_table(IntendedPosition)} WHERE {_column(IntendedPosition, 'vote')} IN ({votes})", like
        )
        deleted["intended_positions"] = cursor.rowcount
        steps = [
            ("search_texts", DraftSearchText, "draft"),
            ("votes", Vote, "draft"),
            ("paragraphs", Paragraph, "draft"),
            ("sponsorships", Sponsorship, "draft"),
            ("draft_documents", Draft.documents.through, "draft"),
        ]
        for label, model, fk in steps:
            cursor.execute(f"DELETE FROM {_table(model)} WHERE {_column(model, fk)} IN ({drafts})", like)
            deleted[label] = cursor.rowcount
        cursor.execute(f"DELETE FROM {_table(Draft)} WHERE {_column(Draft, 'symbol')} LIKE %s", like)
        deleted["drafts"] = cursor.rowcount
    # Provenance and agenda items the generator made, unless something real came to point at them.
    deleted["documents"] = _delete_unreferenced(
        Document.objects.filter(file_name__startswith=DOCUMENT_PREFIX), ("votes", "drafts")
    )
    deleted["agenda_items"] = _delete_unreferenced(AgendaItem.objects.filter(number__gte=AGENDA_ITEM_BASE), ("drafts",))
    return deleted


def _has_real_positions(cursor) -> bool:
    cursor.execute(
        f"SELECT EXISTS (SELECT 1 FROM {_table(Position)} p JOIN {_table(Vote)} v ON v.id = p.{_column(Position, 'vote')}"
        f" JOIN {_table(Draft)} d ON d.id = v.{_column(Vote, 'draft')} WHERE d.{_column(Draft, 'symbol')} NOT LIKE %s)",
        [f"%{SYMBOL_MARK}%"],
    )
    return cursor.fetchone()[0]


def _delete_unreferenced(queryset, relations: Iterable[str]) -> int:
    for relation in relations:
        queryset = queryset.filter(**{f"{relation}__isnull": True})
    ids = list(queryset.values_list("pk", flat=True).distinct())
    if not ids:
        return 0
    model = queryset.model
    with connection.cursor() as cursor:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            cursor.execute(
                f"DELETE FROM {_table(model)} WHERE {connection.ops.quote_name(model._meta.pk.column)} IN "
                f"({', '.join(['%s'] * len(chunk))})",
                chunk,
            )
    return len(ids)


# --- The membership calendar ------------------------------------------------------------------------------------

# A position is drawn as one random byte per member, looked up in a table by the member's bloc stance and
# temperament: value codes 0 yes, 1 no, 2 abstain, 3 absent. numpy does the per-member work.
CODES = {YES: 0, NO: 1, ABSTAIN: 2, ABSENT: 3}
TEMPERAMENTS = [(loyalty, absence) for loyalty in LOYALTY_TIERS for absence in ABSENCE_TIERS]
BARRED = len(TEMPERAMENTS)  # the temperament of a Member barred from taking part: always absent


def _code_table(stance: int, loyalty: float, absent: float) -> np.ndarray:
    """Random byte -> value code, for one stance, loyalty and absence rate."""
    share = [0.0, 0.0, 0.0]
    share[stance] = loyalty
    first, second = (2, 1) if stance == 0 else [v for v in (0, 1, 2) if v != stance]  # straying from yes: abstain
    share[first], share[second] = (1 - loyalty) * 0.6, (1 - loyalty) * 0.4
    bounds = np.round(256 * np.cumsum([p * (1 - absent) for p in share] + [absent]))
    return np.searchsorted(bounds, np.arange(256), side="right").clip(0, 3).astype(np.uint8)


def code_tables(era: float) -> np.ndarray:
    """[stance, temperament, byte] -> value code, for an era's absence rate."""
    tables = np.full((3, BARRED + 1, 256), CODES[ABSENT], dtype=np.uint8)
    for stance in range(3):
        for index, (loyalty, absence) in enumerate(TEMPERAMENTS):
            tables[stance, index] = _code_table(stance, loyalty, min(0.9, era * absence))
    return tables


@dataclass
class Layout:
    """The Members on a date, in ISO3 order, with what drawing their positions needs."""

    members: tuple[str, ...]
    blocs: tuple[str, ...]  # each member's bloc
    slots: np.ndarray  # each member's index in MemberCalendar.countries
    bloc_index: np.ndarray  # into BLOCS
    temperament: np.ndarray  # into TEMPERAMENTS, or BARRED
    tables: np.ndarray  # code_tables(era of the date)
    member_array: np.ndarray  # members, as a numpy array of str
    lines: list[tuple[str, str, str, str]]  # per member: "ISO\tyes", "ISO\tno", ... (COPY text without the vote id)


class MemberCalendar:
    """Who was a Member on a date, from the Membership table (end = last day), laid out for drawing positions."""

    def __init__(self, seed: int):
        kinds = dict(Country.objects.values_list("iso3", "kind"))
        self.periods: list[tuple[str, datetime.date, datetime.date | None]] = [
            (country, start, end)
            for country, start, end in Membership.objects.values_list("country_id", "start", "end")
            if kinds.get(country) != Country.Kind.OBSERVER
        ]
        if not self.periods:
            raise SyntheticCorpusError("no memberships: load the countries first (manage.py load_countries)")
        self.countries = sorted({p[0] for p in self.periods})
        self.slot = {iso3: i for i, iso3 in enumerate(self.countries)}
        self.temperament = {}
        for iso3 in self.countries:
            rng = random.Random(f"{seed}:{iso3}")
            loyalty, absence = rng.choices(LOYALTY_TIERS, (5, 3, 2))[0], rng.choices(ABSENCE_TIERS, (4, 4, 2))[0]
            self.temperament[iso3] = TEMPERAMENTS.index((loyalty, absence))
        # Membership (and participation) only change on these days: dates between two of them share a layout.
        one_day = datetime.timedelta(days=1)
        changes = {start for _, start, _ in self.periods} | {end + one_day for _, _, end in self.periods if end}
        changes |= {d for start, end in NOT_PARTICIPATING.values() for d in (start, end + one_day)}
        self.changes = sorted(changes)
        self._layouts: dict[tuple[int, int], Layout] = {}
        self._tables: dict[float, np.ndarray] = {}
        self._lines = {iso3: tuple(f"{iso3}\t{value}" for value in VALUES) for iso3 in self.countries}

    def members_on(self, on_date: datetime.date) -> tuple[str, ...]:
        return self.layout(on_date).members

    def layout(self, on_date: datetime.date) -> Layout:
        key = (bisect.bisect_right(self.changes, on_date), on_date.year)
        layout = self._layouts.get(key)
        if layout is None:
            members = sorted({c for c, start, end in self.periods if start <= on_date and (end is None or on_date <= end)})
            blocs, temperaments = [], []
            for iso3 in members:
                blocs.append(bloc_of(iso3, on_date.year))
                barred = NOT_PARTICIPATING.get(iso3)
                temperaments.append(BARRED if barred and barred[0] <= on_date <= barred[1] else self.temperament[iso3])
            era = era_absence(on_date.year)
            if era not in self._tables:
                self._tables[era] = code_tables(era)
            layout = self._layouts[key] = Layout(
                members=tuple(members),
                blocs=tuple(blocs),
                slots=np.array([self.slot[iso3] for iso3 in members], dtype=np.intp),
                bloc_index=np.array([BLOCS.index(bloc) for bloc in blocs], dtype=np.intp),
                temperament=np.array(temperaments, dtype=np.intp),
                tables=self._tables[era],
                member_array=np.array(members),
                lines=[self._lines[iso3] for iso3 in members],
            )
        return layout


# --- The plan: sessions, drafts, votes --------------------------------------------------------------------------


def apportion(total: int, weights: list[float], caps: list[int] | None = None) -> list[int]:
    """Split `total` into integers proportional to `weights` (largest remainders), none above its cap."""
    counts = [0] * len(weights)
    caps = caps or [total] * len(weights)
    remaining = total
    open_ = [i for i, w in enumerate(weights) if w > 0 and caps[i] > 0]
    while remaining > 0 and open_:
        weight_sum = sum(weights[i] for i in open_)
        shares = {i: remaining * weights[i] / weight_sum for i in open_}
        floors = {i: min(int(shares[i]), caps[i] - counts[i]) for i in open_}
        for i, n in floors.items():
            counts[i] += n
        remaining -= sum(floors.values())
        if remaining:
            order = sorted(open_, key=lambda i: (shares[i] - int(shares[i])), reverse=True)
            for i in order:
                if remaining == 0:
                    break
                if counts[i] < caps[i]:
                    counts[i] += 1
                    remaining -= 1
        open_ = [i for i in open_ if counts[i] < caps[i]]
    return counts


@dataclass
class PlannedDraft:
    id: int
    symbol: str
    kind: str
    session: int
    body: str
    topic: Topic
    agenda_number: int
    date: datetime.date
    meeting: int
    recorded: bool  # False: adopted without a vote
    paragraph_votes: int
    preambular: int
    operative: int


@dataclass
class Plan:
    drafts: list[PlannedDraft]
    recorded_votes: int
    paragraph_votes: int
    without_vote: int


def _voting_days(rng: random.Random, year: int, body: str, count: int) -> list[datetime.date]:
    (m1, d1), (m2, d2) = VOTING_WINDOWS[body]
    first, last = datetime.date(year, m1, d1), datetime.date(year, m2, d2)
    weekdays = [first + datetime.timedelta(days=i) for i in range((last - first).days + 1)]
    weekdays = [d for d in weekdays if d.weekday() < 5]
    return sorted(rng.sample(weekdays, min(count, len(weekdays))))


def make_plan(
    rng: random.Random,
    calendar: MemberCalendar,
    sessions: dict[int, int],
    votes: int,
    first_draft_id: int,
    paragraph_share: float = PARAGRAPH_SHARE,
    without_vote_ratio: float = WITHOUT_VOTE_RATIO,
) -> Plan:
    """Decide every draft: session, body, symbol, date, meeting, paragraphs and how many votes on them."""
    numbers = sorted(sessions)
    members = [len(calendar.members_on(datetime.date(sessions[n], 11, 15))) for n in numbers]
    # Every session gets a vote when there are enough; the rest goes by members³ (more Members, more votes).
    floor = 1 if votes >= len(numbers) else 0
    per_session = [floor + n for n in apportion(votes - floor * len(numbers), [m**3 for m in members])]
    paragraph_total = round(votes * paragraph_share)
    ramp = [(i + 1) / len(numbers) for i in range(len(numbers))]
    caps = [n // 2 for n in per_session]
    paragraphs = apportion(paragraph_total, [n * r * r for n, r in zip(per_session, ramp)], caps)
    if sum(paragraphs) < paragraph_total:  # tiny corpora: fall back to even spreading
        extra = apportion(paragraph_total - sum(paragraphs), [1.0] * len(numbers), [c - p for c, p in zip(caps, paragraphs)])
        paragraphs = [p + e for p, e in zip(paragraphs, extra)]

    drafts: list[PlannedDraft] = []
    bodies = list(BODY_WEIGHTS)
    next_id = first_draft_id
    for number, total, on_paragraphs in zip(numbers, per_session, paragraphs):
        year = sessions[number]
        whole = total - on_paragraphs
        silent = round(whole * without_vote_ratio)
        if whole + silent == 0:
            continue
        specs = [True] * whole + [False] * silent
        body_of = rng.choices(bodies, [BODY_WEIGHTS[b] for b in bodies], k=len(specs))
        session_drafts: list[PlannedDraft] = []
        for body in bodies:
            indices = [i for i, b in enumerate(body_of) if b == body]
            if not indices:
                continue
            days = _voting_days(rng, year, body, max(1, min(12, math.ceil(len(indices) / 8))))
            serials = rng.sample(range(1, 4 * len(indices) + 20), len(indices))
            for i, serial in zip(indices, serials):
                day_index = rng.randrange(len(days))
                agenda_number, topic = rng.choice(TOPICS_BY_BODY[body])
                prefix = "A/" if body == "GA" else f"A/{body}/"
                symbol = f"{prefix}{number}/L.S{serial}" + ("/Rev.1" if rng.random() < 0.15 else "")
                session_drafts.append(
                    PlannedDraft(
                        id=0, symbol=symbol, kind=DECISION if rng.random() < 0.1 else RESOLUTION,
                        session=number, body=body, topic=topic, agenda_number=agenda_number, date=days[day_index],
                        meeting=FIRST_VOTING_MEETING[body] + 2 * day_index, recorded=specs[i], paragraph_votes=0,
                        preambular=rng.randint(2, 8), operative=rng.randint(3, 12),
                    )
                )
        # Paragraph votes go to drafts put to a recorded vote, up to four each.
        hosts = [d for d in session_drafts if d.recorded]
        left = on_paragraphs
        while left:
            open_hosts = [d for d in hosts if d.paragraph_votes < MAX_PARAGRAPH_VOTES_PER_DRAFT]
            host = rng.choice(open_hosts)
            take = min(left, rng.randint(1, MAX_PARAGRAPH_VOTES_PER_DRAFT - host.paragraph_votes))
            host.paragraph_votes += take
            left -= take
        session_drafts.sort(key=lambda d: (d.date, d.body, d.symbol))
        for draft in session_drafts:
            draft.id = next_id
            next_id += 1
        drafts.extend(session_drafts)
    return Plan(drafts, votes, paragraph_total, sum(1 for d in drafts if not d.recorded))


# --- Drawing the record -----------------------------------------------------------------------------------------


class PositionDrawer:
    """Draws each bloc's stance on a vote, then the position of every member on its date."""

    def __init__(self, seed: int):
        self.rng = np.random.Generator(np.random.PCG64([seed, 1]))
        self.thresholds = {
            pattern: (np.array([blocs[b][0] for b in BLOCS]), np.array([blocs[b][0] + blocs[b][1] for b in BLOCS]))
            for pattern, blocs in PATTERNS.items()
        }

    def stances(self, pattern: str) -> np.ndarray:
        """A stance code (0 yes, 1 no, 2 abstain) per bloc, in BLOCS order."""
        yes, no = self.thresholds[pattern]
        r = self.rng.random(len(BLOCS))
        return np.where(r < yes, 0, np.where(r < no, 1, 2))

    def draw(self, layout: Layout, stances: np.ndarray) -> np.ndarray:
        """One value code per member of the layout (uint8), in its order."""
        drawn = self.rng.integers(0, 256, size=len(layout.members), dtype=np.uint8)
        return layout.tables[stances[layout.bloc_index], layout.temperament, drawn]


# Column lists of the rows the generator emits (model attnames); everything else gets the field's default.
DRAFT_COLUMNS = ("id", "symbol", "kind", "title_en", "title_zh", "session_id", "body_id", "agenda_item_id")
DRAFT_DOCUMENT_COLUMNS = ("draft_id", "document_id")
PARAGRAPH_COLUMNS = (
    "id", "draft_id", "part", "number", "voted_label", "label", "in_adopted_text", "order", "text_en", "text_zh",
)
SPONSORSHIP_COLUMNS = ("draft_id", "country_id", "kind", "order")
VOTE_COLUMNS = (
    "id", "draft_id", "subject", "subject_label", "paragraph_id", "method", "outcome", "body_id", "session_id",
    "meeting", "date", "order", "stated_yes", "stated_no", "stated_abstain", "yes_count", "no_count",
    "abstain_count", "absent_count", "margin", "document_id",
)
# COPY text lines are "USA\tyes\t123\n": the vote id last, so that one `str.join` per vote writes its lines.
POSITION_COPY_COLUMNS = ("country_id", "position", "vote_id")


def position_copy_sql() -> str:
    """COPY votes_position (country_id, position, vote_id) FROM STDIN, with the table's real names."""
    columns = {f.attname: f.column for f in Position._meta.concrete_fields}
    names = ", ".join(connection.ops.quote_name(columns[c]) for c in POSITION_COPY_COLUMNS)
    return f"COPY {_table(Position)} ({names}) FROM STDIN"


@dataclass
class Bundle:
    """Everything one draft brings: rows per table, and its positions as drawn (each loader writes them its way)."""

    drafts: list[tuple] = field(default_factory=list)
    draft_documents: list[tuple] = field(default_factory=list)
    paragraphs: list[tuple] = field(default_factory=list)
    sponsorships: list[tuple] = field(default_factory=list)
    votes: list[tuple] = field(default_factory=list)
    draws: list[tuple[int, "Layout", np.ndarray]] = field(default_factory=list)  # (vote id, members, value codes)
    positions: int = 0


class TextPool:
    """Paragraph texts (English, Chinese) of a topic, composed once and drawn by index."""

    def __init__(self, topic: Topic):
        self.preambular = [(en.format(o=o_en), zh.format(o=o_zh)) for en, zh in PREAMBLES if "{res}" not in en
                           for o_en, o_zh in topic.objects]
        self.recalling = [(en, zh, o_en, o_zh) for en, zh in PREAMBLES if "{res}" in en for o_en, o_zh in topic.objects]
        self.operative = [
            (f"{verb_en} {action_en.format(o=o_en)}", f"{verb_zh}{action_zh.format(o=o_zh)}")
            for verb_en, verb_zh in OPERATIVE_VERBS
            for action_en, action_zh in OPERATIVE_ACTIONS
            for o_en, o_zh in topic.objects
        ]

    def text(self, rng: random.Random, part: str, session: int, year: int) -> tuple[str, str]:
        r = rng.random()
        if part == OPERATIVE:
            return self.operative[int(r * len(self.operative))]
        if r < 0.2:  # "Recalling its resolution 32/117 of 14 December 1976 on ..."
            en, zh, o_en, o_zh = self.recalling[int(r * 5 * len(self.recalling))]
            res, day = f"{max(1, session - 1)}/{rng.randint(1, 250)}", rng.randint(1, 22)
            return (en.format(o=o_en, res=res, day=day, year=year - 1), zh.format(o=o_zh, res=res, day=day, year=year - 1))
        return self.preambular[int((r - 0.2) / 0.8 * len(self.preambular))]


class RecordWriter:
    """Turns the plan into rows, draft by draft (ids are given here: the loaders insert them as they are)."""

    def __init__(self, seed: int, calendar: MemberCalendar, sessions: dict[int, int], documents: dict, agenda_items: dict,
                 first_paragraph_id: int, first_vote_id: int):
        self.rng = random.Random(f"{seed}:record")
        self.calendar = calendar
        self.sessions = sessions
        self.documents = documents
        self.agenda_items = agenda_items
        self.next_paragraph_id = first_paragraph_id
        self.next_vote_id = first_vote_id
        self.drawer = PositionDrawer(seed)
        self.texts = {topic: TextPool(topic) for topic in TOPICS}

    def bundle(self, draft: PlannedDraft) -> Bundle:
        rng = self.rng
        out = Bundle()
        year = self.sessions[draft.session]
        topic = draft.topic
        out.drafts.append(
            (draft.id, draft.symbol, draft.kind, topic.title_en, topic.title_zh, draft.session, draft.body,
             self.agenda_items[(draft.session, draft.agenda_number)])
        )
        document_id = self.documents[(draft.session, draft.body)]
        out.draft_documents.append((draft.id, document_id))

        # Paragraphs as voted on: [id, part, number, voted label, retained, text_en, text_zh].
        paragraphs = []
        text = self.texts[topic].text
        pid = self.next_paragraph_id
        for part, count in ((PREAMBULAR, draft.preambular), (OPERATIVE, draft.operative)):
            labels = LABELS[part]
            for number in range(1, count + 1):
                text_en, text_zh = text(rng, part, draft.session, year)
                paragraphs.append([pid, part, number, labels[number], True, text_en, text_zh])
                pid += 1
        self.next_paragraph_id = pid

        # The recorded votes: paragraph votes first (each with its own bloc stances), then the whole.
        votes = []  # (subject, label, paragraph, stances)
        stances = self.drawer.stances(topic.pattern)
        if draft.recorded:
            targets = rng.sample(paragraphs, min(draft.paragraph_votes, len(paragraphs)))
            targets.sort(key=lambda p: p[0])
            for paragraph in targets:
                votes.append((PARAGRAPH, paragraph[3], paragraph, self.drawer.stances(topic.pattern)))
            votes.append((WHOLE, WHOLE, None, stances))

        layout = self.calendar.layout(draft.date)
        whole_outcome = ADOPTED
        for order, (subject, label, paragraph, vote_stances) in enumerate(votes, start=1):
            vote_id = self.next_vote_id
            self.next_vote_id += 1
            codes = self.drawer.draw(layout, vote_stances)
            out.draws.append((vote_id, layout, codes))
            yes, no, abstain, absent = np.bincount(codes, minlength=4).tolist()
            out.positions += len(codes)
            if subject == PARAGRAPH:
                outcome = RETAINED if yes > no else REJECTED
                paragraph[4] = outcome == RETAINED
            else:
                outcome = whole_outcome = ADOPTED if yes > no else REJECTED
            out.votes.append(
                (vote_id, draft.id, subject, label, paragraph[0] if paragraph else None, RECORDED, outcome,
                 draft.body, draft.session, draft.meeting, draft.date, order, yes, no, abstain, yes, no, abstain, absent,
                 yes - no, document_id)
            )
        if not draft.recorded:
            vote_id = self.next_vote_id
            self.next_vote_id += 1
            out.votes.append(
                (vote_id, draft.id, WHOLE, WHOLE, None, WITHOUT_VOTE, ADOPTED,
                 draft.body, draft.session, draft.meeting, draft.date, 1, None, None, None, 0, 0, 0, 0, 0, document_id)
            )

        # The paragraphs as published: struck ones (and all of a rejected draft) have no label; the rest renumbered.
        renumber = Counter()
        for order, (pid, part, number, voted_label, retained, text_en, text_zh) in enumerate(paragraphs, start=1):
            label = ""
            if retained and whole_outcome == ADOPTED:
                renumber[part] += 1
                label = f"{voted_label[:2]}{renumber[part]}"
            out.paragraphs.append((pid, draft.id, part, number, voted_label, label, retained, order, text_en, text_zh))

        # Sponsors: Members from the blocs backing the draft, the introducing State first.
        backing = stances[layout.bloc_index] == 0
        pool = (layout.member_array[backing] if backing.any() else layout.member_array).tolist()
        if pool:
            count = min(len(pool), 1 + int(rng.lognormvariate(1.8, 0.9)))
            originals = max(1, round(count * 0.7))
            for order, iso3 in enumerate(rng.sample(pool, count)):
                kind = ORIGINAL if order < originals else LATER
                out.sponsorships.append((draft.id, iso3, kind, order))
        return out


# --- Loading ----------------------------------------------------------------------------------------------------


class TableRows:
    """Rows of one model as tuples over all its columns: the given ones, and each other field's default."""

    def __init__(self, model, columns: tuple[str, ...]):
        self.model = model
        fields = [f for f in model._meta.concrete_fields if not (f.primary_key and f.attname not in columns)]
        now = timezone.now()
        self.fields = fields
        self.attnames = [f.attname for f in fields]
        self.db_columns = [f.column for f in fields]
        index = {name: i for i, name in enumerate(columns)}
        unknown = set(columns) - set(self.attnames)
        if unknown:
            raise SyntheticCorpusError(f"{model.__name__} has no field(s) {sorted(unknown)}")
        self.picks: list[tuple[bool, object]] = []
        for f in fields:
            if f.attname in index:
                self.picks.append((True, index[f.attname]))
            elif getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                self.picks.append((False, now))
            else:
                self.picks.append((False, f.get_default()))
        self.identity = all(p[0] and p[1] == i for i, p in enumerate(self.picks)) and len(columns) == len(self.picks)

    def full(self, row: tuple) -> tuple:
        if self.identity:
            return row
        return tuple(row[value] if given else value for given, value in self.picks)

    def instances(self, rows: Iterable[tuple]) -> list:
        model, names = self.model, self.attnames
        return [model(**dict(zip(names, self.full(row)))) for row in rows]


TABLES = {
    "drafts": (Draft, DRAFT_COLUMNS),
    "draft_documents": (Draft.documents.through, DRAFT_DOCUMENT_COLUMNS),
    "paragraphs": (Paragraph, PARAGRAPH_COLUMNS),
    "sponsorships": (Sponsorship, SPONSORSHIP_COLUMNS),
    "votes": (Vote, VOTE_COLUMNS),
}
TABLE_ORDER = ("drafts", "draft_documents", "paragraphs", "sponsorships", "votes")  # foreign keys first


class BulkCreateLoader:
    """Any other database (SQLite): `bulk_create` in batches, flushed every few hundred drafts in foreign-key
    order; positions, the bulk of the rows, through one prepared INSERT and `executemany` (no model instances:
    several times faster than `bulk_create` for the same rows)."""

    def __init__(self, batch_size: int = 2000, flush_every: int = 200):
        self.tables = {name: TableRows(model, columns) for name, (model, columns) in TABLES.items()}
        self.batch_size = batch_size
        self.flush_every = flush_every
        self.pending: dict[str, list] = {name: [] for name in TABLES}
        self.pending_positions: list[tuple] = []
        self.bundles = 0
        self.timings: dict[str, float] = {}
        columns = {f.attname: f.column for f in Position._meta.concrete_fields}
        names = ", ".join(connection.ops.quote_name(columns[c]) for c in ("vote_id", "country_id", "position"))
        self.position_sql = f"INSERT INTO {_table(Position)} ({names}) VALUES (%s, %s, %s)"

    def __enter__(self):
        return self

    def add(self, bundle: Bundle) -> None:
        for name in TABLE_ORDER:
            self.pending[name].extend(getattr(bundle, name))
        for vote_id, layout, codes in bundle.draws:
            self.pending_positions.extend((vote_id, iso3, VALUES[c]) for iso3, c in zip(layout.members, codes.tolist()))
        self.bundles += 1
        if self.bundles % self.flush_every == 0:
            self.flush()

    def flush(self) -> None:
        for name in TABLE_ORDER:
            table = self.tables[name]
            table.model.objects.bulk_create(table.instances(self.pending[name]), batch_size=self.batch_size)
            self.pending[name] = []
        with connection.cursor() as cursor:
            for start in range(0, len(self.pending_positions), self.batch_size * 10):
                cursor.executemany(self.position_sql, self.pending_positions[start : start + self.batch_size * 10])
        self.pending_positions = []

    def finish(self) -> None:
        self.flush()

    def __exit__(self, *exc):
        return False


class PostgresCopyLoader:
    """PostgreSQL: COPY (psycopg 3), everything in the caller's transaction.

    With `rebuild_indexes` (the usual case: `votes_position` holds fewer rows than are added), what would be
    maintained row by row is dropped first and rebuilt once at the end: the primary key, unique constraints and
    indexes of `votes_position`, and the foreign keys, unique constraints and secondary indexes of every other
    table loaded (their primary keys stay). Definitions are read from the catalog, so the rebuilt schema is the
    migrated one, names included; a failure rolls the drops back with everything else. Positions are then
    written sorted by (country, position, vote) — they are gathered per country and value while the record is
    drawn — so that the costliest index, `position_country_pos_vote_idx`, and the other country-first ones find
    their input presorted (about 7× less CPU for that index than in vote order); an empty table is truncated
    first so that COPY writes frozen, all-visible rows (nothing left for a vacuum to do).

    Otherwise (a large table of real positions) nothing is dropped: the other tables are copied first and the
    positions after them, vote by vote."""

    STRIPPED = (Draft, Draft.documents.through, Paragraph, Sponsorship, Vote, Position)
    FREEZABLE = ("draft_documents", "paragraphs", "sponsorships")  # referenced by no foreign key once stripped

    def __init__(self, rebuild_indexes: bool, countries: list[str], first_vote_id: int, vote_ids: int, order: str = "vote"):
        self.rebuild = rebuild_indexes
        self.by_country = rebuild_indexes and order == "country"
        self.streaming = rebuild_indexes and order == "vote"
        self.tables = {name: TableRows(model, columns) for name, (model, columns) in TABLES.items()}
        self.pending: dict[str, list] = {name: [] for name in TABLES}
        self.vote_major: list[str] = []  # keep-indexes mode: COPY text, vote by vote
        # Rebuild mode: the value code of each (vote, country), 255 where none (7 MB for the full record).
        self.countries = countries
        self.first_vote_id = first_vote_id
        self.codes = np.full((vote_ids, len(countries)), 255, dtype=np.uint8) if self.by_country else None
        self._stream = None
        self.streamed_rows = 0
        self.freeze = False
        self.saved_indexes: list[str] = []
        self.saved_constraints: list[tuple[str, str, str]] = []  # (table, name, definition)
        self.timings: dict[str, float] = {}
        self.statements: list[tuple[str, float]] = []  # what the load did, statement by statement, with times

    def __enter__(self):
        self._django_cursor = connection.cursor()
        self.cursor = self._django_cursor.cursor  # the psycopg cursor
        self.cursor.execute("SET LOCAL maintenance_work_mem = '1GB'")
        self.cursor.execute("SET LOCAL synchronous_commit = off")
        # Check foreign keys row by row where they remain, rather than queueing a trigger event per row until
        # commit; this also fires the checks a replaced corpus left pending, which would forbid dropping them.
        self.cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        if self.rebuild:
            started = time.perf_counter()
            self._drop()
            self.cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {_table(Position)})")
            if not self.cursor.fetchone()[0]:
                self.cursor.execute(f"TRUNCATE {_table(Position)}")
                self.freeze = True
            self.timings["drop constraints and indexes"] = time.perf_counter() - started
            if self.streaming:  # no foreign key left to check: positions stream in while the record is drawn
                self._stream_started = time.perf_counter()
                self._stream_sql = position_copy_sql() + (" WITH (FREEZE)" if self.freeze else "")
                self._stream = self.cursor.copy(self._stream_sql)
                self._stream_copy = self._stream.__enter__()
        return self

    def _copy_sql(self, name: str) -> str:
        table = self.tables[name]
        columns = ", ".join(connection.ops.quote_name(c) for c in table.db_columns)
        return f"COPY {_table(table.model)} ({columns}) FROM STDIN"

    def _drop(self) -> None:
        position = Position._meta.db_table
        tables = [model._meta.db_table for model in self.STRIPPED]
        for table in tables:
            kinds = ["f", "u", "p"] if table == position else ["f", "u"]
            self.cursor.execute(
                "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = %s::regclass"
                " AND contype = ANY(%s) ORDER BY conname",
                [table, kinds],
            )
            self.saved_constraints.extend((table, name, definition) for name, definition in self.cursor.fetchall())
        # Foreign keys first: the unique constraints they reference go next.
        for table, name, _ in sorted(self.saved_constraints, key=lambda c: "FOREIGN KEY" not in c[2]):
            self.cursor.execute(f"ALTER TABLE {connection.ops.quote_name(table)} DROP CONSTRAINT {connection.ops.quote_name(name)}")
        for table in tables:  # what is left of each table's indexes but its primary key
            self.saved_indexes.extend(drop_secondary_indexes(self.cursor, table))

    def add(self, bundle: Bundle) -> None:
        for name in TABLE_ORDER:
            self.pending[name].extend(getattr(bundle, name))
        if self.by_country:
            for vote_id, layout, codes in bundle.draws:
                self.codes[vote_id - self.first_vote_id, layout.slots] = codes
            return
        text = []
        for vote_id, layout, codes in bundle.draws:
            separator = f"\t{vote_id}\n"
            text.append(separator.join([line[c] for line, c in zip(layout.lines, codes.tolist())]) + separator)
            self.streamed_rows += len(codes)
        if self.streaming:
            self._stream_copy.write("".join(text))
        else:
            self.vote_major.extend(text)

    def _copy_rows(self, name: str) -> None:
        started = time.perf_counter()
        table = self.tables[name]
        sql = self._copy_sql(name)
        if self.rebuild and name in self.FREEZABLE:
            # An empty table that nothing references any more (its referencing foreign keys are dropped) is
            # truncated so that COPY can write frozen rows: the vacuum after the load has nothing to do there.
            self.cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {_table(table.model)})")
            if not self.cursor.fetchone()[0]:
                self.cursor.execute(f"TRUNCATE {_table(table.model)}")
                sql += " WITH (FREEZE)"
        with self.cursor.copy(sql) as copy:
            full = table.full
            for row in self.pending[name]:
                copy.write_row(full(row))
        self.statements.append((f"{sql}: {len(self.pending[name]):,} rows", time.perf_counter() - started))
        self.pending[name] = []

    def _copy_positions(self) -> None:
        started = time.perf_counter()
        sql = position_copy_sql() + (" WITH (FREEZE)" if self.freeze else "")
        rows = 0
        with self.cursor.copy(sql) as copy:
            if self.by_country:
                # Sorted by (country, position, vote): codepoint order, which is the order of the C and C.UTF-8
                # collations (and of any other for these ASCII codes and words).
                order = sorted(range(len(VALUES)), key=VALUES.__getitem__)
                for slot, iso3 in sorted(enumerate(self.countries), key=lambda pair: pair[1]):
                    column = self.codes[:, slot]
                    for code in order:
                        ids = (np.flatnonzero(column == code) + self.first_vote_id).tolist()
                        if ids:
                            prefix = f"{iso3}\t{VALUES[code]}\t"
                            copy.write(prefix + f"\n{prefix}".join(map(str, ids)) + "\n")
                            rows += len(ids)
                self.codes = None
            else:
                for chunk in self.vote_major:
                    copy.write(chunk)
                    rows += chunk.count("\n")
                self.vote_major = []
        self.statements.append((f"{sql}: {rows:,} rows", time.perf_counter() - started))

    def _timed(self, statement: str) -> None:
        started = time.perf_counter()
        self.cursor.execute(statement)
        self.statements.append((statement, time.perf_counter() - started))

    def finish(self) -> None:
        started = time.perf_counter()
        if self.streaming:
            self._stream.__exit__(None, None, None)
            self._stream = None
            self.statements.append(
                (f"{self._stream_sql}: {self.streamed_rows:,} rows, streamed while drawing", time.perf_counter() - self._stream_started)
            )
            self.timings["positions (end of COPY)"] = time.perf_counter() - started
        elif self.rebuild:
            self._copy_positions()  # no foreign keys left to check: positions first
            self.timings["positions (COPY)"] = time.perf_counter() - started
            started = time.perf_counter()
        for name in TABLE_ORDER:
            self._copy_rows(name)
        self.timings["other tables (COPY)"] = time.perf_counter() - started
        if not self.rebuild:
            started = time.perf_counter()
            self._copy_positions()
            self.timings["positions (COPY)"] = time.perf_counter() - started
            return
        started = time.perf_counter()
        for definition in self.saved_indexes:
            self._timed(definition)
        # Primary key and unique constraints first: the foreign keys reference them.
        for table, name, definition in sorted(self.saved_constraints, key=lambda c: "FOREIGN KEY" in c[2]):
            self._timed(
                f"ALTER TABLE {connection.ops.quote_name(table)} ADD CONSTRAINT {connection.ops.quote_name(name)} {definition}"
            )
        self.timings["rebuild indexes and constraints"] = time.perf_counter() - started

    def __exit__(self, exc_type, exc, tb):
        if self._stream is not None:  # failed while streaming: end the COPY; the transaction rolls back
            try:
                self._stream.__exit__(exc_type, exc, tb)
            except Exception:
                pass
        self._django_cursor.close()
        return False


# --- The entry point --------------------------------------------------------------------------------------------


@dataclass
class CorpusReport:
    seed: int
    recorded_votes: int = 0
    paragraph_votes: int = 0
    without_vote: int = 0
    drafts: int = 0
    paragraphs: int = 0
    sponsorships: int = 0
    positions: int = 0
    deleted: dict[str, int] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    statements: list[tuple[str, float]] = field(default_factory=list)  # PostgreSQL rebuild, statement by statement
    cpu: dict[str, float] = field(default_factory=dict)  # CPU seconds of this process and of the server backend

    @property
    def seconds(self) -> float:
        return sum(self.timings.values())

    @property
    def load_seconds(self) -> float:
        """Generating and loading, without deleting a previous corpus and counting the stored figures."""
        return sum(s for step, s in self.timings.items() if step != "replace" and not step.startswith(FIGURE_STEP))

    @property
    def figure_seconds(self) -> float:
        return sum(s for step, s in self.timings.items() if step.startswith(FIGURE_STEP))

    def lines(self) -> list[str]:
        out = [
            f"synthetic corpus (seed {self.seed}): {self.recorded_votes:,} recorded votes "
            f"({self.paragraph_votes:,} on paragraphs) and {self.without_vote:,} adoptions without a vote on "
            f"{self.drafts:,} drafts; {self.paragraphs:,} paragraphs, {self.sponsorships:,} sponsorships, "
            f"{self.positions:,} positions",
        ]
        if self.deleted:
            out.append("replaced: " + ", ".join(f"{n:,} {name}" for name, n in self.deleted.items() if n))
        for step, seconds in self.timings.items():
            out.append(f"  {step:<40} {seconds:8.2f} s")
        out.append(f"  {'total':<40} {self.seconds:8.2f} s")
        if self.cpu:
            out.append(
                "  CPU: " + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in self.cpu.items())
                + " (on an otherwise idle machine the wall time comes close to their sum)"
            )
        if self.positions and self.load_seconds:
            out.append(
                f"  generated and loaded in {self.load_seconds:.1f} s ({self.positions / self.load_seconds:,.0f} positions/s;"
                " without replacing and the stored figures)"
            )
        if self.figure_seconds:
            out.append(f"  stored figures recounted in {self.figure_seconds:.1f} s")
        return out


def _ensure_sessions() -> dict[int, int]:
    existing = dict(Session.objects.filter(number__range=(FIRST_SESSION, LAST_SESSION)).values_list("number", "start_year"))
    missing = [Session(number=n, start_year=1945 + n) for n in range(FIRST_SESSION, LAST_SESSION + 1) if n not in existing]
    Session.objects.bulk_create(missing)
    existing.update({s.number: s.start_year for s in missing})
    return existing


def _ensure_documents_and_agenda(seed: int, sessions: dict[int, int], plan: Plan) -> tuple[dict, dict]:
    bodies = set(Body.objects.values_list("code", flat=True))
    missing_bodies = set(BODY_WEIGHTS) - bodies
    if missing_bodies:
        raise SyntheticCorpusError(f"bodies {sorted(missing_bodies)} are missing: run the migrations first")
    needed_docs = sorted({(d.session, d.body) for d in plan.drafts})
    digests = {
        key: hashlib.sha256(f"tally synthetic corpus {key[0]} {key[1]}".encode()).hexdigest() for key in needed_docs
    }
    existing_docs = dict(Document.objects.filter(sha256__in=digests.values()).values_list("sha256", "pk"))
    Document.objects.bulk_create(
        [
            Document(
                sha256=digest, language="en", body_id=body, session_id=session, file_name=f"{DOCUMENT_PREFIX}{session}/{body}",
                ingested_by="generate_corpus", summary={"synthetic": True, "seed": seed},
            )
            for (session, body), digest in digests.items()
            if digest not in existing_docs
        ]
    )
    by_digest = dict(Document.objects.filter(sha256__in=digests.values()).values_list("sha256", "pk"))
    docs = {key: by_digest[digest] for key, digest in digests.items()}
    needed_items = sorted({(d.session, d.agenda_number) for d in plan.drafts})
    topics = {number: topic for body_topics in TOPICS_BY_BODY.values() for number, topic in body_topics}
    existing = {
        (a.session_id, a.number): a.pk
        for a in AgendaItem.objects.filter(number__gte=AGENDA_ITEM_BASE).only("session_id", "number")
    }
    new = [
        AgendaItem(session_id=s, number=n, title_en=topics[n].title_en, title_zh=topics[n].title_zh)
        for s, n in needed_items
        if (s, n) not in existing
    ]
    AgendaItem.objects.bulk_create(new)
    if new:
        existing = {
            (a.session_id, a.number): a.pk
            for a in AgendaItem.objects.filter(number__gte=AGENDA_ITEM_BASE).only("session_id", "number")
        }
    return docs, existing


def _next_id(model) -> int:
    return (model.objects.aggregate(m=Max("pk"))["m"] or 0) + 1


def _recount_figures(report: CorpusReport, log: Callable[[str], None]) -> None:
    """The stored figures recounted from the whole record: the rows were copied in bulk, without the write paths
    that keep them (see votes.figures)."""
    # Every figure but the votes' counts, which the loader wrote with the votes: recounting them rewrites every
    # vote row to the same values, ~5 s of server time at full scale (8–10 s on a busy machine) of a 60 s target.
    # A test checks that the registry would count what the loader wrote.
    names = [figure.name for figure in figures.FIGURES if not isinstance(figure, figures.VoteCounts)]
    for recounted in figures.recount(names, log=log):
        report.timings[FIGURE_STEP + recounted.figure.name] = recounted.seconds


def generate_corpus(
    votes: int,
    seed: int = 1,
    replace: bool = False,
    progress: bool = False,
    log: Callable[[str], None] = lambda message: None,
    paragraph_share: float = PARAGRAPH_SHARE,
    without_vote_ratio: float = WITHOUT_VOTE_RATIO,
    rebuild_indexes: bool | None = None,
    stored_figures: bool = True,
    position_order: str = "vote",
) -> CorpusReport:
    """Generate a synthetic record of `votes` recorded votes into the default database (see the module doc).

    Refuses (SyntheticCorpusError) when synthetic data is already there, unless `replace`, which deletes the
    synthetic data first (never real data). `rebuild_indexes` (PostgreSQL): None decides by size. Without
    `stored_figures`, none is recounted (`manage.py recount` does it later): the votes' own counts are right, the
    country tallies, agreement figures and search rows are not.
    """
    if votes < 1:
        raise SyntheticCorpusError("--votes must be at least 1")
    if position_order not in POSITION_ORDERS:
        raise SyntheticCorpusError(f"the position order must be one of {', '.join(POSITION_ORDERS)}")
    if not 0 <= paragraph_share <= 0.5:
        raise SyntheticCorpusError("the paragraph share must be between 0 and 0.5")
    report = CorpusReport(seed=seed)
    if has_synthetic_data() and not replace:
        raise SyntheticCorpusError(
            "a synthetic corpus is already loaded: pass --replace to delete it (synthetic data only) and generate anew"
        )
    rng = random.Random(seed)
    calendar = MemberCalendar(seed)
    postgres = connection.vendor == "postgresql"
    cpu_started = time.process_time(), _server_cpu()
    with transaction.atomic():  # all or nothing, the replaced corpus included
        if postgres:
            # Everything the load may truncate, alter or write, locked at once and first: readers wait for the
            # commit instead of deadlocking with the later ALTER TABLEs.
            tables = ", ".join(_table(m) for m in PostgresCopyLoader.STRIPPED)
            with connection.cursor() as cursor:
                cursor.execute(f"LOCK TABLE {tables} IN ACCESS EXCLUSIVE MODE")
        if replace and has_synthetic_data():
            started = time.perf_counter()
            report.deleted = delete_synthetic()
            report.timings["replace"] = time.perf_counter() - started
        started = time.perf_counter()
        sessions = _ensure_sessions()
        plan = make_plan(rng, calendar, sessions, votes, _next_id(Draft), paragraph_share, without_vote_ratio)
        documents, agenda_items = _ensure_documents_and_agenda(seed, sessions, plan)
        report.recorded_votes, report.paragraph_votes, report.without_vote = votes, plan.paragraph_votes, plan.without_vote
        report.drafts = len(plan.drafts)
        first_vote_id = _next_id(Vote)
        if postgres:
            if rebuild_indexes is None:
                expected = votes * len(calendar.members_on(datetime.date(sessions[LAST_SESSION], 11, 15)))
                rebuild_indexes = Position.objects.count() < expected
            loader = PostgresCopyLoader(
                rebuild_indexes, calendar.countries, first_vote_id, votes + plan.without_vote, position_order
            )
        else:
            loader = BulkCreateLoader()
        writer = RecordWriter(seed, calendar, sessions, documents, agenda_items, _next_id(Paragraph), first_vote_id)
        report.timings["plan"] = time.perf_counter() - started

        started = time.perf_counter()
        bar = None
        if progress:
            from tqdm import tqdm

            bar = tqdm(total=votes + plan.without_vote, unit="vote", desc="generate", mininterval=0.5)
        with loader:
            for draft in plan.drafts:
                bundle = writer.bundle(draft)
                report.paragraphs += len(bundle.paragraphs)
                report.sponsorships += len(bundle.sponsorships)
                report.positions += bundle.positions
                loader.add(bundle)
                if bar is not None:
                    bar.update(len(bundle.votes))
            report.timings["draw" if postgres else "draw + load"] = time.perf_counter() - started
            loader.finish()
        if bar is not None:
            bar.close()
        report.timings.update({k: v for k, v in loader.timings.items() if v})
        report.statements = getattr(loader, "statements", [])
        if postgres:
            started = time.perf_counter()
            with connection.cursor() as cursor:
                for model in (Draft, Paragraph, Vote, Position, Sponsorship, Draft.documents.through, AgendaItem, Document):
                    for statement in connection.ops.sequence_reset_sql(_no_style(), [model]):
                        cursor.execute(statement)
            report.timings["reset sequences"] = time.perf_counter() - started
        if stored_figures:
            _recount_figures(report, log)
        started = time.perf_counter()
    report.timings["commit"] = time.perf_counter() - started

    started = time.perf_counter()
    analyze_tables()  # the stored figures and search rows included: the text search's plans depend on their statistics
    report.timings["vacuum analyze" if postgres else "analyze"] = time.perf_counter() - started
    report.cpu["generator (Python)"] = time.process_time() - cpu_started[0]
    server = _server_cpu()
    if server is not None and cpu_started[1] is not None:
        report.cpu["database server backend"] = server - cpu_started[1]
    return report


def _server_cpu() -> float | None:
    """CPU seconds used so far by this connection's PostgreSQL backend, when the server runs on this machine and
    its /proc entry is readable (parallel index-build workers are not counted); None otherwise."""
    if connection.vendor != "postgresql":
        return None
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            pid = cursor.fetchone()[0]
        if b"postgres" not in open(f"/proc/{pid}/cmdline", "rb").read():  # a remote server: not its process
            return None
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def _no_style():
    from django.core.management.color import no_style

    return no_style()


def analyze_tables() -> None:
    """Fresh statistics for the planner (and, on PostgreSQL, a visibility map for index-only scans; VACUUM cannot
    run inside a transaction, e.g. a test's, where plain ANALYZE does)."""
    models = (
        Position, Vote, Draft, DraftSearchText, Paragraph, Sponsorship, Draft.documents.through, AgreementScore, CountryTally,
    )
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and connection.in_atomic_block:
            for model in models:
                cursor.execute(f"ANALYZE {_table(model)}")
        elif connection.vendor == "postgresql":
            for model in models:
                cursor.execute(f"VACUUM (ANALYZE) {_table(model)}")
        else:
            cursor.execute("ANALYZE")
