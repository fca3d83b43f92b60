"""Golden files: the real Chinese First Committee report (79th session, item 106) and its English rendering
give exactly their expected JSON."""

import json

from parsing import parse_report

from report_helpers import REPORTS, first_difference, report_text

ZH = "first-committee-79-item106.txt"
EN = "first-committee-79-item106.en.txt"


def expected(name: str) -> dict:
    return json.loads((REPORTS / name.replace(".txt", ".expected.json")).read_text(encoding="utf-8"))


def test_chinese_report_gives_its_expected_json_field_for_field(directory):
    actual = parse_report((REPORTS / ZH).read_bytes(), directory).to_dict()
    assert first_difference(actual, expected(ZH)) is None


def test_chinese_report_json_is_byte_identical_to_the_expected_file(directory):
    report = parse_report((REPORTS / ZH).read_bytes(), directory)
    assert report.to_json() == (REPORTS / ZH.replace(".txt", ".expected.json")).read_text(encoding="utf-8")


def test_english_rendering_gives_its_expected_json_field_for_field(directory):
    actual = parse_report((REPORTS / EN).read_bytes(), directory).to_dict()
    assert actual.pop("symbol") is None  # the English expected file has no "symbol" key; ours always has it
    assert first_difference(actual, expected(EN)) is None


def test_chinese_and_english_give_the_same_drafts_votes_lists_and_intentions(directory):
    zh = parse_report(report_text(ZH), directory).to_dict()
    en = parse_report(report_text(EN), directory).to_dict()
    for report in (zh, en):
        report.pop("language")
        report.pop("agenda_items")  # titles differ by language
        for draft in report["drafts"]:
            draft.pop("title")
            draft["paragraphs"] = [p["label"] for p in draft["paragraphs"]]
    assert first_difference(zh, en) is None


def test_seed_dataclasses_keep_printed_order_and_line_numbers(directory):
    draft = parse_report(report_text(ZH), directory).drafts[0]
    assert draft.sponsors[:3] == ["CHN", "BLR", "BDI"]  # introducing State first, then as printed
    assert draft.later_sponsors == ["CAF", "COM", "DJI", "ETH", "GNB", "UGA", "PSE"]
    assert [a.line for a in draft.actions] == [68, 180, 241]
    assert draft.line == 46
    assert draft.agenda_item == 106
    assert draft.rejected_labels == []
    assert all(p.voted_label == p.label for p in draft.paragraphs)
    pp18 = draft.actions[0]
    assert [(i.country, i.position, i.line) for i in pp18.intended] == [("CIV", "abstain", 116)]
    assert pp18.intended[0].footnote == "科特迪瓦代表团随后通知秘书处，本打算投弃权票。"
