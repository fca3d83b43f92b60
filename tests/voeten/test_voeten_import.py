"""Voeten's roll-call data as plenary votes: on an extract of 311 roll calls that shows every quirk of the
dataset's README and names all 200 of its countries (tests/fixtures/voeten/make_extract.py), and, once, on the
whole dataset bundled in corpus/voeten."""

import csv
import datetime
import gzip
import io
import shutil
from collections import Counter
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from parsing import voeten as files
from reference.voeten import VoetenCountries
from votes import figures
from votes.models import AgreementScore, CountryTally, Dataset, Draft, IssueTag, Position, RollCall, Vote
from votes.voeten import DRAFT_PREFIX, UnmappedNames, import_voeten

EXTRACT = Path(__file__).resolve().parents[1] / "fixtures" / "voeten"
WHOLE = Path(__file__).resolve().parents[2] / "corpus" / "voeten"


def rows(directory: Path, name: str) -> list[dict]:
    with gzip.open(directory / name, "rt", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def write(directory: Path, name: str, table: list[dict]) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, list(table[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(table)
    (directory / name).write_bytes(gzip.compress(buffer.getvalue().encode(), mtime=0))


@pytest.fixture
def imported(countries):
    return import_voeten(EXTRACT)


def stored_figures():
    tallies = sorted(CountryTally.objects.values_list("country_id", "yes", "no", "abstain", "absent", "with_majority"))
    pairs = sorted(AgreementScore.objects.values_list("country_id", "other_id", "common", "same", "votes", "agreed"))
    counts = sorted(Vote.objects.values_list("pk", "yes_count", "no_count", "abstain_count", "absent_count"))
    return tallies, pairs, counts


def assert_figures_equal_a_recount():
    before = stored_figures()
    figures.recount()
    assert stored_figures() == before


# --- reading the files -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "unres, symbol",
    [
        ("R/55/132", "A/RES/55/132"),
        ("R/4/358A", "A/RES/4/358A"),
        ("R/1/1/A", "A/RES/1/1A"),
        ("A/RES/71/5", "A/RES/71/5"),
        ("ESS/10/14", "A/RES/ES-10/14"),
        ("SS/9/2B", "A/RES/S-9/2B"),
        ("R/33/116A/IV", "R/33/116A/IV"),  # a part in Roman numerals: kept as given
        ("GOAR/1/1288B", "GOAR/1/1288B"),
        ("", ""),
    ],
)
def test_resolution_symbols(unres, symbol):
    assert files.resolution_symbol(unres) == symbol


def row(**fields):
    given = dict(rcid=1, session=40, importantvote="", date="1985-12-01", unres="R/40/1", amend="", para="", short="", descr="")
    return files.RollCallRow(**{**given, **fields})


@pytest.mark.parametrize(
    "amend, para, subject",
    [("0", "0", "whole"), ("0", "1", "paragraph"), ("1", "0", "amendment"), ("1", "1", "amendment"), ("1", "", "amendment"),
     ("", "1", "paragraph"), ("", "", "not_coded"), ("0", "", "not_coded")],
)
def test_what_a_roll_call_was_on_is_read_as_coded_and_blank_is_not_no(amend, para, subject):
    assert row(amend=amend, para=para).subject == subject


def test_only_a_numbered_whole_resolution_is_taken_as_adopted():
    assert row(amend="0", para="0").adopted
    assert not row(amend="0", para="0", unres="").adopted
    assert not row(amend="", para="").adopted  # not coded: perhaps the whole, perhaps not
    assert not row(amend="1", para="0").adopted


def test_the_session_one_placeholder_is_no_date():
    assert row(date="1946-01-01").vote_date is None
    assert row(date="1946-02-13").vote_date == datetime.date(1946, 2, 13)


def test_namibia_stays_na_and_a_bad_file_names_its_line(tmp_path):
    data = files.read_dataset(EXTRACT)
    assert any(code == "NA" and name == "Namibia" for listed in data.votes.values() for name, code, _ in listed)
    for name in files.FILES:
        shutil.copy(EXTRACT / name, tmp_path / name)
    votes = rows(EXTRACT, files.VOTES)
    votes[2]["vote"] = "maybe"
    write(tmp_path, files.VOTES, votes)
    with pytest.raises(files.DatasetError, match=r"un_votes.csv.gz, line 4: vote 'maybe'"):
        files.read_dataset(tmp_path)
    (tmp_path / files.TALLIES).unlink()
    with pytest.raises(files.DatasetError, match="missing"):
        files.read_dataset(tmp_path)


# --- the 200 names --------------------------------------------------------------------------------------------


def test_every_name_of_the_dataset_maps_to_an_entity_that_was_a_member_when_so_named(countries):
    from reference import CountryDirectory

    directory = CountryDirectory.default()
    mapping = VoetenCountries.from_file()
    data = files.read_dataset(EXTRACT)
    named = {(name, code) for listed in data.votes.values() for name, code, _ in listed}
    assert len(named) == 200 and named == mapping.names()
    checked = Counter()
    for rcid, listed in data.votes.items():
        on = data.roll_calls[rcid].vote_date or datetime.date(1946, 12, 1)
        for name, code, _ in listed:
            entity = directory.get(mapping.entity(name, code, on))
            # The code is the entity's ISO code, except where the mapping's note says why not.
            note = next(r.note for r in mapping.rows if (r.name, r.code) == (name, code) and r.holds_on(on))
            assert code == (entity.iso2 or "") or note, (name, code, entity.iso3)
            checked[entity.iso3] += 1
    assert mapping.entity("Russia", "RU", datetime.date(1991, 12, 23)) == "SUN"
    assert mapping.entity("Russia", "RU", datetime.date(1991, 12, 24)) == "RUS"
    assert mapping.entity("Yugoslavia", "YU", datetime.date(2000, 10, 31)) == "YUG"
    assert mapping.entity("Yugoslavia", "YU", datetime.date(2000, 11, 1)) == "SRB"
    assert mapping.entity("Taiwan", "TW", datetime.date(1971, 10, 7)) == "CHN"
    assert mapping.entity("Federal Republic of Germany", "", datetime.date(1980, 1, 1)) == "DEU"
    assert mapping.entity("Yemen Arab Republic", "", datetime.date(1980, 1, 1)) == "YEM"
    assert mapping.entity("Zanzibar", "", datetime.date(1963, 12, 3)) == "XZN"
    assert {"SUN", "RUS", "YUG", "SRB", "CSK", "DDR", "YMD", "XZN", "DEU", "YEM", "CHN", "NAM"} <= set(checked)


def test_a_name_the_mapping_lacks_refuses_the_import_and_writes_nothing(countries, tmp_path):
    for name in files.FILES:
        shutil.copy(EXTRACT / name, tmp_path / name)
    votes = rows(EXTRACT, files.VOTES)
    votes[0]["country"] = "Atlantis"
    write(tmp_path, files.VOTES, votes)
    with pytest.raises(UnmappedNames, match="'Atlantis'"):
        import_voeten(tmp_path)
    assert not Vote.objects.exists() and not Dataset.objects.exists()


# --- the import -----------------------------------------------------------------------------------------------


def test_each_roll_call_becomes_a_plenary_vote_with_its_listed_positions(imported):
    data = files.read_dataset(EXTRACT)
    assert imported.created == Vote.objects.count() == RollCall.objects.count() == len(data.roll_calls) == 311
    assert set(Vote.objects.values_list("body_id", flat=True)) == {"GA"}
    cast = Position.objects.exclude(position="absent")
    assert cast.count() == sum(len(listed) for listed in data.votes.values())
    # Every listed position is stored as listed, for the entity the name stands for on that date.
    mapping = VoetenCountries.from_file()
    stored = {(rcid, iso3): p for rcid, iso3, p in cast.values_list("vote__roll_call__rcid", "country_id", "position")}
    for rcid, listed in data.votes.items():
        on = data.roll_calls[rcid].vote_date or datetime.date(1946, 12, 1)
        for name, code, position in listed:
            assert stored[(rcid, mapping.entity(name, code, on))] == position


def test_absent_is_every_member_on_the_date_not_listed(imported):
    from votes.models import Country

    for roll_call in RollCall.objects.select_related("vote").filter(rcid__in=[2000, 5000, 8000]).order_by("rcid")[:3]:
        vote = roll_call.vote
        members = set(Country.objects.members_on(vote.date).values_list("iso3", flat=True))
        positions = dict(vote.positions.values_list("country_id", "position"))
        absent = {iso3 for iso3, p in positions.items() if p == "absent"}
        assert absent == members - {iso3 for iso3, p in positions.items() if p != "absent"}
        assert vote.absent_count == len(absent) and vote.yes_count + vote.no_count + vote.abstain_count + len(absent) >= len(members)


def test_subject_outcome_tally_and_draft_as_the_data_give_them(imported):
    by_rcid = {rc.rcid: rc for rc in RollCall.objects.select_related("vote__draft")}
    placeholder = by_rcid[3]
    assert placeholder.vote.date is None and placeholder.date == "1946-01-01" and placeholder.vote.subject == "amendment"
    assert placeholder.vote.outcome == "not_recorded"
    for rc in by_rcid.values():
        vote = rc.vote
        assert vote.subject == files.RollCallRow(rc.rcid, rc.session, rc.important, rc.date, rc.unres, rc.amend, rc.para, rc.short, rc.descr).subject
        assert (vote.outcome == "adopted") == (vote.subject == "whole" and bool(rc.unres.strip()))
        if rc.unres.strip():
            assert vote.draft.symbol == vote.draft.resolution == files.resolution_symbol(rc.unres)
        else:
            assert vote.draft.symbol == f"{DRAFT_PREFIX}{rc.rcid}" and vote.draft.resolution == ""
    # A roll call with a recorded tally has it stored beside the counted one.
    tallies = files.read_dataset(EXTRACT).tallies
    assert tallies
    for rcid, stated in tallies.items():
        vote = by_rcid[rcid].vote
        assert (vote.stated_yes, vote.stated_no, vote.stated_abstain) == stated
    # Several roll calls on one resolution are several votes on one draft.
    assert Draft.objects.filter(votes__roll_call__isnull=False).distinct().count() < len(by_rcid)


def test_questionable_roll_calls_are_flagged_and_kept(imported):
    flags = {rcid: " | ".join(found) for rcid, found in imported.flags.items()}
    assert "placeholder date" in flags[3]
    assert "lists disagree with the tally: listed 58–11–24, recorded 58–11–23" in flags[941]
    assert "not in a known form: 'GOAR/1/1288B'" in flags[31]
    assert "listed but not a Member on the date: ISR" in flags[150]
    # Kept as listed, and the flags are on the roll call (its page shows them).
    assert Position.objects.filter(vote__roll_call__rcid=150, country_id="ISR").exclude(position="absent").exists()
    assert RollCall.objects.get(rcid=941).flags == imported.flags[941]
    vote = Vote.objects.get(roll_call__rcid=941)
    assert not vote.stated_matches_counted


def test_issue_tags_and_the_dataset_with_its_checksums(imported):
    data = files.read_dataset(EXTRACT)
    assert set(IssueTag.objects.values_list("code", flat=True)) == set(data.issue_names)
    for rcid, codes in data.issues.items():
        assert sorted(Vote.objects.get(roll_call__rcid=rcid).issue_tags.values_list("code", flat=True)) == sorted(codes)
    dataset = Dataset.objects.get(slug="voeten")
    assert dataset.files == files.checksums(EXTRACT) and len(dataset.files) == 4
    assert dataset.summary["created"] == 311 and dataset.licence.startswith("CC0")


def test_the_stored_figures_cover_the_imported_record(imported):
    assert CountryTally.objects.get(country_id="USA").no > 0
    assert AgreementScore.objects.filter(country_id="SUN", other_id="USA").exists()
    assert_figures_equal_a_recount()


# --- idempotency and a newer release --------------------------------------------------------------------------


def test_the_same_files_twice_change_nothing(imported):
    before = stored_figures(), sorted(Position.objects.values_list("vote_id", "country_id", "position"))
    again = import_voeten(EXTRACT)
    assert again.skipped and "imported before" in str(again)
    compared = import_voeten(EXTRACT, force=True)
    assert (compared.created, compared.updated, compared.deleted, compared.unchanged) == (0, 0, 0, 311)
    assert (stored_figures(), sorted(Position.objects.values_list("vote_id", "country_id", "position"))) == before


def test_a_newer_release_updates_what_changed_and_says_what(imported, tmp_path):
    for name in files.FILES:
        shutil.copy(EXTRACT / name, tmp_path / name)
    roll_calls = rows(EXTRACT, files.ROLL_CALLS)
    dropped = roll_calls.pop()["rcid"]
    retitled = roll_calls[10]
    retitled["descr"] = "A corrected description"
    write(tmp_path, files.ROLL_CALLS, roll_calls)
    votes = [v for v in rows(EXTRACT, files.VOTES) if v["rcid"] != dropped]
    moved = next(v for v in votes if v["vote"] == "yes")
    moved["vote"] = "no"
    write(tmp_path, files.VOTES, votes)

    result = import_voeten(tmp_path)
    assert (result.created, result.deleted) == (0, 1)
    assert result.updated == len({retitled["rcid"], moved["rcid"]})
    said = "\n".join(result.changes)
    assert f"roll call {dropped}: not in this release; deleted" in said
    assert "'A corrected description'" in said and " yes → no" in said
    assert not RollCall.objects.filter(rcid=dropped).exists()
    assert RollCall.objects.get(rcid=retitled["rcid"]).descr == "A corrected description"
    assert Vote.objects.count() == 310
    assert_figures_equal_a_recount()


def test_committee_reports_and_the_dataset_coexist(seed):
    import_voeten(EXTRACT)
    assert Vote.objects.filter(body_id="C.1").count() == 3
    assert Vote.objects.filter(body_id="GA").count() == 311
    assert_figures_equal_a_recount()


def test_the_command_reports_and_lists_flags(countries):
    out = io.StringIO()
    call_command("import_voeten", str(EXTRACT), "--quiet", "--flags", stdout=out)
    text = out.getvalue()
    assert "311 roll calls created" in text and "roll call 941: lists disagree" in text
    out = io.StringIO()
    call_command("import_voeten", str(EXTRACT), "--quiet", stdout=out)
    assert "nothing changed" in out.getvalue()


# --- the whole dataset ----------------------------------------------------------------------------------------


def test_the_whole_dataset(countries):
    result = import_voeten(WHOLE)
    assert Vote.objects.filter(roll_call__isnull=False).count() == 6203 == result.created
    assert Position.objects.exclude(position="absent").count() == 870_109
    assert Position.objects.filter(position="yes").count() == 693_664
    assert sum(Vote.objects.values_list("yes_count", flat=True)) == 693_664
    assert set(Vote.objects.values_list("session_id", flat=True)) == set(range(1, 75))
    # Every name resolved (an unmapped one refuses the import), and few roll calls questionable.
    assert 0 < len(result.flags) < 300


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the bulk path (keys dropped and added back) is PostgreSQL's")
def test_a_bulk_import_leaves_the_position_table_as_migrated(countries):
    """The import drops the positions' secondary index and foreign keys for its COPY and restores them: same names,
    same definitions (deferrable as Django migrated them), and they hold; then it refreshes the statistics."""
    from django.db import IntegrityError, transaction

    query = ("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'votes_position'::regclass"
             " UNION ALL SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'votes_position' ORDER BY 1, 2")
    with connection.cursor() as cursor:
        cursor.execute(query)
        before = cursor.fetchall()
        import_voeten(EXTRACT)
        assert Position.objects.count() > 40_000
        cursor.execute(query)
        assert cursor.fetchall() == before
        assert any("FOREIGN KEY (country_id)" in definition and "DEFERRABLE" in definition for _, definition in before)
        # The planner's statistics describe the loaded table, not the empty one (ANALYZE in the import).
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'votes_position'")
        assert cursor.fetchone()[0] == pytest.approx(Position.objects.count(), rel=0.05)
        with pytest.raises(IntegrityError), transaction.atomic():
            Position.objects.create(vote_id=Vote.objects.values_list("pk", flat=True).first(), country_id="ZZZ", position="yes")
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
