"""The synthetic record has the promised shape (benchmarks/synthetic.py); no assertion on time."""

import datetime
from io import StringIO
import statistics
from collections import Counter, defaultdict

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, Exists, F, OuterRef, Q

from votes.models import AgendaItem, Country, Document, Draft, Membership, Paragraph, Position, Sponsorship, Vote
from benchmarks.synthetic import (
    AGENDA_ITEM_BASE,
    DOCUMENT_PREFIX,
    FIGURE_STEP,
    SYMBOL_MARK,
    SyntheticCorpusError,
    apportion,
    generate_corpus,
    synthetic_drafts,
)

from .conftest import VOTES


def members_on(on_date: datetime.date) -> set[str]:
    return set(Country.objects.members_on(on_date).values_list("iso3", flat=True))


def test_report_counts_what_was_stored(record):
    assert record.recorded_votes == VOTES == Vote.objects.filter(method="recorded").count()
    assert record.positions == Position.objects.count() > 150 * VOTES
    assert record.drafts == Draft.objects.count()
    assert record.paragraphs == Paragraph.objects.count()
    assert record.sponsorships == Sponsorship.objects.count()
    assert record.without_vote == Vote.objects.filter(method="without_vote").count() > 0


def test_membership_grows_from_51_with_real_admission_dates(record):
    sizes = {}
    for session, on_date in Vote.objects.filter(method="recorded").values_list("session", "date"):
        sizes.setdefault(session, len(members_on(on_date)))
    assert set(sizes) == set(range(1, 81))  # every session has at least one vote
    assert 51 <= sizes[1] <= 55
    assert sizes[80] == 193
    # No country has a position on a date outside its membership (before admission, after it ended).
    covered = Membership.objects.filter(country=OuterRef("country"), start__lte=OuterRef("vote__date")).filter(
        Q(end__isnull=True) | Q(end__gte=OuterRef("vote__date"))
    )
    assert not Position.objects.filter(~Exists(covered)).exists()
    assert not Position.objects.filter(country__admitted__gt=F("vote__date")).exists()
    # Germany (admitted 1973-09-18) has no position in 1972; Russia none before 24 December 1991.
    assert not Position.objects.filter(country="DEU", vote__date__year__lte=1972).exists()
    assert not Position.objects.filter(country="RUS", vote__date__lt=datetime.date(1991, 12, 24)).exists()


def test_every_recorded_vote_has_one_position_per_member_on_its_date(record):
    by_vote = defaultdict(set)
    for vote_id, country in Position.objects.values_list("vote_id", "country_id"):
        by_vote[vote_id].add(country)
    cache = {}
    for vote_id, on_date in Vote.objects.filter(method="recorded").values_list("id", "date"):
        expected = cache.setdefault(on_date, members_on(on_date))
        assert by_vote[vote_id] == expected, vote_id
    assert not Position.objects.filter(vote__method="without_vote").exists()
    assert Position.objects.count() == sum(len(countries) for countries in by_vote.values())  # one row per pair


def test_stated_tallies_equal_the_counted_positions(record):
    counted = defaultdict(Counter)
    for vote_id, value, n in Position.objects.values_list("vote_id", "position").annotate(n=Count("id")).order_by():
        counted[vote_id][value] = n
    for vote in Vote.objects.filter(method="recorded"):
        counts = counted[vote.id]
        assert (vote.stated_yes, vote.stated_no, vote.stated_abstain) == (counts["yes"], counts["no"], counts["abstain"])
        assert (vote.yes_count, vote.no_count, vote.abstain_count, vote.absent_count) == (
            counts["yes"], counts["no"], counts["abstain"], counts["absent"]
        )
        assert vote.stated_matches_counted and vote.margin == vote.yes_count - vote.no_count
        passed = vote.yes_count > vote.no_count
        assert vote.outcome == ({"whole": "adopted", "paragraph": "retained"}[vote.subject] if passed else "rejected")
    without = Vote.objects.filter(method="without_vote")
    assert not without.filter(Q(stated_yes__isnull=False) | ~Q(outcome="adopted")).exists()


def test_a_fifth_of_the_votes_are_on_paragraphs_of_their_own_draft(record):
    recorded = Vote.objects.filter(method="recorded")
    on_paragraphs = recorded.filter(subject="paragraph")
    assert on_paragraphs.count() == round(0.2 * VOTES)
    assert recorded.filter(subject="whole").count() == VOTES - round(0.2 * VOTES)
    for vote in on_paragraphs.select_related("paragraph"):
        assert vote.paragraph.draft_id == vote.draft_id
        assert vote.subject_label == vote.paragraph.voted_label
        whole = Vote.objects.get(draft_id=vote.draft_id, subject="whole")
        assert whole.method == "recorded" and whole.date == vote.date and whole.order > vote.order
        assert vote.paragraph.in_adopted_text == (vote.outcome == "retained")
    assert not Vote.objects.filter(~Q(subject="paragraph"), paragraph__isnull=False).exists()
    # One action on the whole per draft.
    assert Draft.objects.annotate(n=Count("votes", filter=Q(votes__subject="whole"))).exclude(n=1).count() == 0


def test_shares_of_positions_look_like_the_general_assembly(record):
    total = Position.objects.count()
    share = {value: n / total for value, n in Position.objects.values_list("position").annotate(n=Count("id")).order_by()}
    assert 0.55 < share["yes"] < 0.80
    assert 0.03 < share["no"] < 0.15
    assert 0.06 < share["abstain"] < 0.20
    assert 0.03 < share["absent"] < 0.15
    outcomes = Counter(Vote.objects.filter(subject="whole", method="recorded").values_list("outcome", flat=True))
    assert outcomes["adopted"] > 0.85 * sum(outcomes.values())


def agreement(a: str, b: str) -> tuple[float, int]:
    """Share of recorded votes where both cast yes/no/abstain on which they cast the same."""
    cast = ("yes", "no", "abstain")
    mine = dict(Position.objects.filter(country=a, position__in=cast).values_list("vote_id", "position"))
    theirs = dict(Position.objects.filter(country=b, position__in=cast).values_list("vote_id", "position"))
    both = mine.keys() & theirs.keys()
    return (sum(mine[v] == theirs[v] for v in both) / len(both) if both else 0.0), len(both)


def test_blocs_make_agreement_far_from_uniform(record):
    usa_isr, n = agreement("USA", "ISR")
    usa_cub, _ = agreement("USA", "CUB")
    fra_deu, _ = agreement("FRA", "DEU")
    nga_gha, _ = agreement("NGA", "GHA")
    usa_ind, _ = agreement("USA", "IND")
    assert n > 50
    assert usa_isr > 0.65 and fra_deu > 0.65 and nga_gha > 0.65, (usa_isr, fra_deu, nga_gha)
    assert usa_cub < 0.4 and usa_ind < 0.5, (usa_cub, usa_ind)
    sample = ["USA", "ISR", "GBR", "FRA", "DEU", "JPN", "CHN", "RUS", "CUB", "IND", "BRA", "NGA", "EGY", "SAU", "MEX"]
    scores = [agreement(a, b)[0] for i, a in enumerate(sample) for b in sample[i + 1 :]]
    assert statistics.pstdev(scores) > 0.1


def test_dates_meetings_bodies_sponsors_and_texts(record):
    votes = list(Vote.objects.select_related("session").values_list("date", "session__start_year", "body", "meeting"))
    assert {body for _, _, body, _ in votes} == {"GA", "C.1", "C.2", "C.3", "C.4", "C.5", "C.6"}
    for on_date, year, _, meeting in votes:
        assert on_date.year == year and on_date.month in (10, 11, 12) and on_date.weekday() < 5 and meeting > 0
    # Sponsors are Members on the day of the vote; every draft has at least one.
    assert Draft.objects.filter(sponsorships__isnull=True).count() == 0
    for draft_id, country in Sponsorship.objects.values_list("draft_id", "country_id")[:300]:
        on_date = Vote.objects.filter(draft_id=draft_id).values_list("date", flat=True).first()
        assert country in members_on(on_date)
    # Paragraph texts in English and Chinese.
    assert not Paragraph.objects.filter(Q(text_en="") | Q(text_zh="")).exists()
    assert Paragraph.objects.filter(text_zh__contains="吁请").exists() and Paragraph.objects.filter(text_en__contains="Calls upon").exists()


def test_synthetic_data_is_marked(record):
    assert Draft.objects.count() == synthetic_drafts().count()
    assert all(SYMBOL_MARK in symbol for symbol in Draft.objects.values_list("symbol", flat=True))
    assert all(name.startswith(DOCUMENT_PREFIX) for name in Document.objects.values_list("file_name", flat=True))
    assert not AgendaItem.objects.filter(number__lt=AGENDA_ITEM_BASE).exists()
    assert not Vote.objects.filter(document__isnull=True).exists()


def test_a_second_run_without_replace_refuses(record):
    with pytest.raises(SyntheticCorpusError, match="--replace"):
        generate_corpus(votes=10, seed=1, stored_figures=False)
    with pytest.raises(CommandError, match="--replace"):
        call_command("generate_corpus", "--votes", "10", "--no-progress", "--no-figures")
    assert Vote.objects.filter(method="recorded").count() == VOTES


def test_replace_deletes_only_synthetic_data(record):
    real = Draft.objects.create(symbol="A/C.1/79/L.53/Rev.1", kind="resolution", session_id=79, body_id="C.1", title_en="Real")
    paragraph = Paragraph.objects.create(draft=real, part="operative", number=1, voted_label="OP1", text_en="Real text")
    vote = Vote.objects.create(
        draft=real, subject="paragraph", subject_label="OP1", paragraph=paragraph, method="recorded", outcome="retained",
        body_id="C.1", session_id=79, date=datetime.date(2024, 11, 4), stated_yes=1, stated_no=0, stated_abstain=0,
    )
    Position.objects.create(vote=vote, country_id="USA", position="yes")
    Sponsorship.objects.create(draft=real, country_id="USA", kind="original")
    real_document = Document.objects.create(
        language="zh", body_id="C.1", session_id=79, file_name="first-committee-79-item106.txt", sha256="0" * 64
    )
    before = Vote.objects.filter(draft__in=synthetic_drafts()).count()
    assert before > 200

    call_command(
        "generate_corpus", "--votes", "30", "--seed", "3", "--replace", "--no-progress", "--no-figures", stdout=StringIO()
    )

    # The real draft, its paragraph, vote, position, sponsor and document are untouched.
    assert Draft.objects.filter(pk=real.pk).exists() and Paragraph.objects.filter(pk=paragraph.pk).exists()
    assert list(Position.objects.filter(vote=vote).values_list("country_id", "position")) == [("USA", "yes")]
    assert Sponsorship.objects.filter(draft=real).count() == 1 and Document.objects.filter(pk=real_document.pk).exists()
    # The old synthetic record is gone: what is left is the new one (30 recorded votes) and the real vote.
    synthetic_votes = Vote.objects.filter(draft__in=synthetic_drafts())
    assert synthetic_votes.filter(method="recorded").count() == 30
    assert Vote.objects.exclude(draft__in=synthetic_drafts()).get() == vote
    counted = sum(sum(v) for v in synthetic_votes.values_list("yes_count", "no_count", "abstain_count", "absent_count"))
    assert Position.objects.count() == 1 + counted
    assert Draft.objects.count() == 1 + synthetic_drafts().count()


def test_apportion_is_proportional_and_respects_caps():
    assert apportion(10, [1, 1, 2]) == [3, 2, 5] or sum(apportion(10, [1, 1, 2])) == 10
    assert apportion(7, [5, 1], caps=[3, 10]) == [3, 4]
    assert apportion(0, [1, 2]) == [0, 0]


@pytest.mark.parametrize("options", [{"rebuild_indexes": False}, {"position_order": "country"}])
def test_every_load_path_writes_the_same_shape(record, options):
    """On PostgreSQL: COPY with the indexes kept, and positions written in country order (SQLite: bulk_create)."""
    report = generate_corpus(votes=20, seed=5, replace=True, stored_figures=False, **options)
    recorded = Vote.objects.filter(method="recorded")
    assert recorded.count() == 20 and Position.objects.count() == report.positions
    for vote in recorded:
        assert vote.positions.count() == len(members_on(vote.date)) == vote.yes_count + vote.no_count + vote.abstain_count + vote.absent_count


def test_every_stored_figure_is_recounted_through_the_registry(record):
    from votes import figures
    from votes.models import AgreementScore, CountryTally, DraftSearchText

    report = generate_corpus(votes=20, seed=5, replace=True)
    recounted = [step.removeprefix(FIGURE_STEP) for step in report.timings if step.startswith(FIGURE_STEP)]
    # The votes' counts are the loader's own (see _recount_figures); the registry recounts the same below.
    assert recounted == [figure.name for figure in figures.FIGURES if figure.name != "vote counts"]
    assert report.figure_seconds > 0 and DraftSearchText.objects.count() == Draft.objects.count()

    def stored():
        return (
            sorted(Vote.objects.values_list("pk", *figures.VoteCounts.fields)),
            sorted(CountryTally.objects.values_list(*("country_id", *CountryTally.FIELDS))),
            sorted(AgreementScore.objects.values_list("country_id", "other_id", "common", "same", "votes", "agreed")),
            sorted(DraftSearchText.objects.values_list("draft_id", "heading", "body")),
        )

    before = stored()
    assert all(before)
    figures.recount()
    assert stored() == before


def test_bad_arguments_are_refused(db):
    with pytest.raises(SyntheticCorpusError):
        generate_corpus(votes=0)
    with pytest.raises(SyntheticCorpusError):
        generate_corpus(votes=10, position_order="random")
