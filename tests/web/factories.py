"""Factories for the web tests: small, readable records built through the models (no fixtures of hundreds of lines)."""

from __future__ import annotations

import datetime

import factory

from votes import figures
from votes.models import (
    AgendaItem,
    Body,
    Country,
    Draft,
    IntendedPosition,
    Paragraph,
    Position,
    Session,
    Sponsorship,
    Vote,
)


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ("iso3",)

    iso3 = factory.Sequence(lambda n: f"X{n:02d}"[:3])
    kind = "member"
    name_en = factory.LazyAttribute(lambda o: f"Country {o.iso3}")


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem
        django_get_or_create = ("session", "number")

    session = factory.LazyFunction(lambda: Session.for_number(79))
    number = 106
    title_en = "Promoting international cooperation on peaceful uses"
    title_zh = "在国际安全领域促进和平利用国际合作"


class DraftFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Draft

    symbol = factory.Sequence(lambda n: f"A/C.1/79/L.{n + 1}")
    kind = "resolution"
    title_en = factory.Sequence(lambda n: f"Draft resolution number {n}")
    session = factory.LazyFunction(lambda: Session.for_number(79))
    body = factory.LazyFunction(lambda: Body.objects.get(code="C.1"))
    agenda_item = factory.SubFactory(AgendaItemFactory)


class ParagraphFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Paragraph

    draft = factory.SubFactory(DraftFactory)
    part = "preambular"
    number = factory.Sequence(lambda n: n + 1)
    voted_label = factory.LazyAttribute(lambda o: f"{'PP' if o.part == 'preambular' else 'OP'}{o.number}")
    label = factory.LazyAttribute(lambda o: o.voted_label)
    order = factory.LazyAttribute(lambda o: o.number + (0 if o.part == "preambular" else 100))
    text_en = factory.LazyAttribute(lambda o: f"Text of paragraph {o.voted_label}")


class SponsorshipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sponsorship

    draft = factory.SubFactory(DraftFactory)
    country = factory.SubFactory(CountryFactory)
    kind = "original"


def make_vote(draft, subject_label="whole", *, outcome="adopted", date=datetime.date(2024, 11, 6), order=0,
              yes=(), no=(), abstain=(), absent=(), method="recorded", paragraph=None, intended=()) -> Vote:
    """A vote with its positions (countries by ISO3, created if missing) and its counts, as ingest stores them."""
    subject = "whole" if subject_label == "whole" else ("amendment" if subject_label.startswith("amendment") else "paragraph")
    if subject == "paragraph" and paragraph is None:
        paragraph = draft.paragraphs.get(voted_label=subject_label)
    recorded = method == "recorded"
    vote = Vote.objects.create(
        draft=draft, subject=subject, subject_label=subject_label, paragraph=paragraph, method=method, outcome=outcome,
        body=draft.body, session=draft.session, meeting=31, date=date, order=order,
        stated_yes=len(yes) if recorded else None, stated_no=len(no) if recorded else None,
        stated_abstain=len(abstain) if recorded else None,
    )
    for value, codes in (("yes", yes), ("no", no), ("abstain", abstain), ("absent", absent)):
        for code in codes:
            Position.objects.create(vote=vote, country=CountryFactory(iso3=code), position=value)
    for code, value, footnote in intended:
        IntendedPosition.objects.create(vote=vote, country=CountryFactory(iso3=code), position=value, footnote_en=footnote)
    # The vote's own counts, as ingest stores them; the figures beside the record (tallies, agreement, search
    # rows) are the tests' to recount (figures.recount) or to keep (figures.changing): kept per vote, they were
    # most of a large fixture's time.
    figures.VoteCounts().put_in([vote.pk], [])
    vote.refresh_from_db()
    return vote


NAMES = {
    "CHN": ("China", "中国"),
    "USA": ("United States of America", "美利坚合众国"),
    "BRA": ("Brazil", "巴西"),
    "CIV": ("Côte d'Ivoire", "科特迪瓦"),
    "MDG": ("Madagascar", "马达加斯加"),
    "FRA": ("France", "法国"),
}


def build_mini() -> dict:
    """A small record: two drafts, four actions, six countries (used by the web and browser tests)."""
    countries = {code: CountryFactory(iso3=code, name_en=en, name_zh=zh) for code, (en, zh) in NAMES.items()}
    draft = DraftFactory(
        symbol="A/C.1/79/L.53/Rev.1", title_en="Promoting international cooperation on peaceful uses",
        title_zh="在国际安全领域促进和平利用国际合作",
    )
    for number in range(1, 4):
        ParagraphFactory(draft=draft, part="preambular", number=number, text_zh=f"序言部分第{number}段案文")
    for number in range(1, 3):
        ParagraphFactory(draft=draft, part="operative", number=number)
    draft.paragraphs.filter(voted_label="PP2").update(text_en="Noting with concern the undue restrictions on exports")
    SponsorshipFactory(draft=draft, country=countries["CHN"], kind="original", order=0)
    SponsorshipFactory(draft=draft, country=countries["CIV"], kind="later", order=0)
    pp2 = make_vote(draft, "PP2", outcome="retained", order=0, yes=["CHN", "CIV"], no=["USA", "FRA"], abstain=["BRA"],
                    absent=["MDG"], intended=[("CIV", "abstain", "Subsequently, Côte d'Ivoire intended to abstain.")])
    op1 = make_vote(draft, "OP1", outcome="retained", order=1, yes=["CHN", "BRA", "MDG"], no=["USA", "FRA"], abstain=["CIV"])
    whole = make_vote(draft, "whole", outcome="adopted", order=2, yes=["CHN", "BRA", "CIV"], no=["USA"], abstain=["FRA"],
                      absent=["MDG"], intended=[("MDG", "yes", "Madagascar intended to vote in favour.")])
    other = DraftFactory(symbol="A/C.1/79/L.7", title_en="Outer space transparency", session=draft.session)
    ParagraphFactory(draft=other, part="operative", number=1, text_en="Calls for transparency in outer space")
    consensus = make_vote(other, "whole", outcome="adopted", method="without_vote", date=datetime.date(2024, 11, 4))
    # The paragraph text above was set in bulk, without signals: recount what is stored beside the record.
    figures.recount()
    return {"draft": draft, "other": other, "pp2": pp2, "op1": op1, "whole": whole, "consensus": consensus, **countries}
