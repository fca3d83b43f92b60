"""Constructs that real reports use beyond the bundled one (issue 12), each in a small report of our own,
written as an edit of tests/fixtures/reports/single.<lang>.txt (Chinese and English; other languages where
the construct exists there).  Every test here failed before the construct was read."""

import pytest

from parsing import parse_report
from parsing.phrases import TABLES

from report_helpers import line_of, replace_once, report_text


def single(language: str) -> str:
    return report_text(f"single.{language}.txt")


def parse(text, directory):
    return parse_report(text, directory)


def votes(report):
    return [(a.subject, a.method, a.outcome, a.tally and (a.tally.yes, a.tally.no, a.tally.abstain))
            for a in report.drafts[0].actions]


SEED_VOTES = [("OP2", "recorded", "retained", (3, 2, 1)), ("whole", "recorded", "adopted", (3, 2, 1))]


# -- 1. a Chinese recorded vote running from the tally straight into the verb, without 的结果

def test_zh_tally_straight_into_the_verb(directory):
    text = replace_once(single("zh"), "(b) 经记录表决，决议草案 A/C.1/79/L.7 以 3 票对 2 票、1 票弃权的结果获得了通过",
                        "(b) 委员会经记录表决，以 3 票对 2 票、1 票弃权通过了决议草案 A/C.1/79/L.7")
    text = replace_once(text, "以 3 票对 2 票、1 票弃权的结果获得了保留", "以 3 票对 2 票、1 票弃权获得了保留")
    report = parse(text, directory)
    assert votes(report) == SEED_VOTES
    assert report.drafts[0].actions[1].yes == ["BLR", "CHL", "TTO"]
    assert len(report.drafts[0].paragraphs) == 4


# -- 3. a draft submitted by a list of States, nobody introducing it

@pytest.mark.parametrize("language, old, new", [
    ("en", "Chile, also on behalf of Belarus and Trinidad and Tobago, submitted",
     "Belarus, Chile, India and Trinidad and Tobago submitted"),
    ("zh", "智利代表团同时也代表白俄罗斯和特立尼达和多巴哥，提交了", "白俄罗斯、智利、印度和特立尼达和多巴哥提交了"),
])
def test_a_list_of_states_that_submitted_is_the_sponsor_list(language, old, new, directory):
    report = parse(replace_once(single(language), old, new), directory)
    assert report.drafts[0].sponsors == ["BLR", "CHL", "IND", "TTO"]
    assert report.drafts[0].title in ("Nuclear disarmament verification", "核裁军核查")


# -- 4. "X代表同时也代表A、B和C介绍了…" without a comma; "X代表介绍了…" alone

@pytest.mark.parametrize("language, old, new", [
    ("zh", "智利代表团同时也代表白俄罗斯和特立尼达和多巴哥，提交了", "智利代表同时也代表白俄罗斯和特立尼达和多巴哥介绍了"),
    ("en", "Chile, also on behalf of Belarus and Trinidad and Tobago, submitted",
     "the representative of Chile, also on behalf of Belarus and Trinidad and Tobago introduced"),
])
def test_also_on_behalf_of_without_a_comma_before_the_verb(language, old, new, directory):
    report = parse(replace_once(single(language), old, new), directory)
    assert report.drafts[0].sponsors == ["CHL", "BLR", "TTO"]


@pytest.mark.parametrize("language, old, new", [
    ("zh", "智利代表团同时也代表白俄罗斯和特立尼达和多巴哥，提交了", "智利代表介绍了"),
    ("en", "Chile, also on behalf of Belarus and Trinidad and Tobago, submitted",
     "the representative of Chile introduced"),
])
def test_the_introducing_state_alone_is_the_sponsor(language, old, new, directory):
    report = parse(replace_once(single(language), old, new), directory)
    assert report.drafts[0].sponsors == ["CHL"]


# -- 8. the Fourth Committee's full name, in the heading and before "recommends"

FOURTH = {
    "en": [("Report of the First Committee", "Report of the Special Political and Decolonization Committee "
                                             "(Fourth Committee)"),
           ("Recommendation of the First Committee", "Recommendation of the Special Political and "
                                                     "Decolonization Committee (Fourth Committee)"),
           ("The First Committee recommends", "The Special Political and Decolonization Committee (Fourth "
                                              "Committee) recommends")],
    "zh": [("第一委员会的报告", "特别政治和非殖民化委员会(第四委员会)的报告"),
           ("第一委员会的建议", "特别政治和非殖民化委员会(第四委员会)的建议"),
           ("第一委员会建议大会", "特别政治和非殖民化委员会(第四委员会)建议大会")],
}


@pytest.mark.parametrize("language", ["en", "zh"])
def test_fourth_committee_by_its_full_name(language, directory):
    text = single(language)
    for old, new in FOURTH[language]:
        text = replace_once(text, old, new)
    report = parse(text, directory)
    assert report.body == "C.4"
    assert [p.label for p in report.drafts[0].paragraphs] == ["PP1", "OP1", "OP2", "OP3"]


# -- 5. a single recommended draft decision: its title line, then "The General Assembly decides …", no label

@pytest.mark.parametrize("language", ["en", "zh"])
def test_single_decision_printed_without_its_label(language, directory):
    text = report_text(f"decision.{language}.txt")
    draft = parse(text, directory).drafts[0]
    assert (draft.symbol, draft.kind, draft.sponsors) == ("A/C.1/79/L.9", "decision", ["CHL"])
    assert draft.title in ("Nuclear disarmament verification", "核裁军核查")
    assert [p.label for p in draft.paragraphs] == ["OP1"]
    assert draft.paragraphs[0].text.startswith(("The General Assembly decides to include", "大会决定将题为"))
    assert draft.paragraphs[0].text.endswith(("“Nuclear disarmament verification”.", "项目下。"))
    assert draft.paragraphs[0].line == line_of(text, "decides" if language == "en" else "大会决定")


# -- 2. a Chinese tally split by a line break between a count and its measure word

def test_zh_count_split_from_its_measure_word_is_not_a_footnote_mark(directory):
    text = replace_once(single("zh"), "以 3 票对 2 票、1 票弃权的结果获得了保留", "以 3 票对 2\n\n票、1 票弃权的结果获得了保留")
    text = replace_once(text, "以 3 票对 2 票、1 票弃权的结果获得了通过", "以 3 票对 2 票、1\n\n票弃权的结果获得了通过")
    # footnotes 1 and 2 on the page, so "对 2" / "、1" at a line end could be taken for their marks
    text = replace_once(text, " 三. 第一委员会的建议", "__________________\n\n 1 见 A/C.1/79/PV.30。\n\n"
                                                 " 2 同上。\nhttps://undocs.org/zh/A/C.1/79/PV.30\n 三. 第一委员会的建议")
    report = parse(text, directory)
    assert votes(report) == SEED_VOTES


# -- 6. footnotes numbered afresh in a recommended text: "5 …" then "1 …" (or two 1s) in one block

FOOTNOTED = {
    "en": ("draft resolution:", "Recalling its previous resolutions,", "A/C.1/79/PV.30.", "Resolutions 77/1 and 78/1.",
           " 1. Welcomes the work done;"),
    "zh": ("4. 第一委员会建议大会通过以下决议草案：", "回顾其以往各项决议，", "A/C.1/79/PV.30。", "第 77/1 和 78/1 号决议。",
           " 1. 欢迎已开展的工作；"),
}


@pytest.mark.parametrize("first", [5, 1])
@pytest.mark.parametrize("language", ["en", "zh"])
def test_footnotes_numbered_afresh_resolve_and_do_not_leak(language, first, directory):
    from parsing.layout import layout
    from parsing.phrases import TABLES

    intro, recalling, note_a, note_b, op1 = FOOTNOTED[language]
    seed = single(language)
    text = replace_once(seed, intro, f"{intro}{first}")
    text = replace_once(text, recalling, f"{recalling}1")
    text = replace_once(text, op1, f"__________________\n\n {first} {note_a}\n\n 1 {note_b}\n"
                                   f"https://undocs.org/{language}/A/RES/78/1\n{op1}")
    report, plain = parse(text, directory), parse(seed, directory)
    assert report.to_json() == plain.to_json()  # no footnote text in a paragraph, no paragraphs merged
    lines = {line.text: line for line in layout(text, TABLES[language]).lines}
    assert [f.text for f in lines[recalling].marks] == [note_b]
    intro_line = next(line for text_, line in lines.items() if text_.endswith(intro.split(". ")[-1]))
    assert [f.text for f in intro_line.marks] == [note_a]


# -- 9. language detection judges the prose, not a first page of document symbols and links

def symbols_first(language: str) -> str:
    records = [f"A/C.1/79/PV.{n}" for n in range(2, 31)]
    if language == "zh":
        old = "1. 第一委员会在第 20 至 30 次会议上审议了该项目。"
        new = f"1. 第一委员会在第 20 至 30 次会议上审议了该项目(见 {'、'.join(records)})。"
    else:
        old = "1. The First Committee considered the item at its 20th to 30th meetings."
        new = f"1. The First Committee considered the item at its 20th to 30th meetings (see {', '.join(records)})."
    links = "\n".join(f"https://undocs.org/{language}/{symbol}" for symbol in records)
    return replace_once(single(language), old, f"{new}\n{links}\n{links}")


@pytest.mark.parametrize("language", ["zh", "en"])
def test_language_of_a_report_opening_with_symbols_and_links(language, directory):
    report = parse(symbols_first(language), directory)
    assert report.language == language
    assert votes(report) == SEED_VOTES


# -- 7. several agenda items in one heading, one title block per item

AGENDA = {
    "en": ("Agenda item 99\n\n  General and complete disarmament",
           "Agenda items 98 and 99\n\n  Review and implementation of the Concluding Document of the Twelfth Special\n\n"
           "  Session of the General Assembly\n\n  General and complete disarmament",
           ["Review and implementation of the Concluding Document of the Twelfth Special Session of the General "
            "Assembly", "General and complete disarmament"]),
    "zh": ("议程项目 99\n\n  全面彻底裁军",
           "议程项目 98 和 99\n\n  审查和执行大会第十二届特别会议的结论性文件\n\n  全面彻底裁军",
           ["审查和执行大会第十二届特别会议的结论性文件", "全面彻底裁军"]),
}


@pytest.mark.parametrize("language", ["en", "zh"])
def test_each_agenda_item_of_the_heading_gets_its_own_title(language, directory):
    old, new, titles = AGENDA[language]
    report = parse(replace_once(single(language), old, new), directory)
    assert [(a.number, a.title) for a in report.agenda_items] == list(zip([98, 99], titles))
    assert report.drafts[0].agenda_item is None  # which of the two is not said


# -- 10. a vote on several paragraphs at once; a sponsor named as a group

SEVERAL = {
    "en": ("(a) Operative paragraph 2 was retained", "(a) Operative paragraphs 2 and 3 were retained"),
    "zh": ("(a) 经记录表决，执行部分第 2 段以", "(a) 经记录表决，执行部分第 2 和第 3 段以"),
}


@pytest.mark.parametrize("language", ["en", "zh"])
def test_one_vote_on_two_operative_paragraphs(language, directory):
    old, new = SEVERAL[language]
    text = replace_once(single(language), old, new)
    report = parse(text, directory)
    assert votes(report) == [("OP2+OP3", "recorded", "retained", (3, 2, 1))] + SEED_VOTES[1:]
    assert report.drafts[0].actions[0].line == line_of(text, new)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_several_paragraphs_rejected_at_once_renumber_the_text(language, directory):
    old, new = SEVERAL[language]
    text = replace_once(single(language), old, new)
    text = replace_once(text, "were retained" if language == "en" else "获得了保留",
                        "were rejected" if language == "en" else "被否决")
    text = replace_once(text, "3 to 2, with 1 abstention.", "2 to 3, with 1 abstention.") if language == "en" else \
        replace_once(text, "以 3 票对 2 票、1 票弃权的结果被否决", "以 2 票对 3 票、1 票弃权的结果被否决")
    lists = {"en": ("In favour:\n\nBelarus, Chile, Trinidad and Tobago.\n\nAgainst:\n\nIsrael, Palau.",
                    "In favour:\n\nIsrael, Palau.\n\nAgainst:\n\nBelarus, Chile, Trinidad and Tobago."),
             "zh": ("赞成：\n\n白俄罗斯、智利、特立尼达和多巴哥。\n\n反对：\n\n以色列、帕劳。",
                    "赞成：\n\n以色列、帕劳。\n\n反对：\n\n白俄罗斯、智利、特立尼达和多巴哥。")}[language]
    text = replace_once(text, *lists)
    # the published text lost paragraphs 2 and 3: its paragraph 2 is the draft's 4
    text = replace_once(text, " 2. Calls for further work;\n\n 3. Decides" if language == "en" else
                        " 2. 呼吁进一步开展工作；\n\n 3. 决定", " 2. Decides" if language == "en" else " 2. 决定")
    draft = parse(text, directory).drafts[0]
    assert draft.rejected_labels == ["OP2", "OP3"]
    assert [(p.label, p.voted_label) for p in draft.paragraphs] == [("PP1", "PP1"), ("OP1", "OP1"), ("OP2", "OP4")]


GROUP = {
    "en": ("Chile, also on behalf of Belarus and Trinidad and Tobago, submitted",
           "Chile, on behalf of the States Members of the United Nations that are members of the Group of 77 and\n\n"
           "China, and India, submitted"),
    "zh": ("智利代表团同时也代表白俄罗斯和特立尼达和多巴哥，提交了", "智利代表团代表77国集团和中国以及印度提交了"),
}


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_sponsor_named_as_a_group_is_kept_as_the_group(language, directory):
    old, new = GROUP[language]
    report = parse(replace_once(single(language), old, new), directory)
    draft = report.drafts[0]
    assert draft.sponsors == ["CHL", "IND"]  # the State speaking for the group, and the States named
    assert draft.sponsor_groups == ["G77"]
    assert report.to_dict()["drafts"][0]["sponsor_groups"] == ["G77"]
    assert "sponsor_groups" not in parse(single(language), directory).to_dict()["drafts"][0]


TWO_TEXTS = {
    "en": "4. The Special Political and Decolonization Committee (Fourth Committee) recommends to the General "
          "Assembly the adoption of the following draft resolution:\n\n Draft resolution\n\n Question of A\n\n"
          " The General Assembly,\n\n 1. Decides to do A;\n\n5. The Special Political and Decolonization Committee "
          "(Fourth Committee) also recommends to the General Assembly the adoption of the following draft "
          "decision:\n\n Draft decision\n\n Question of B\n\n The General Assembly decides to do B.",
    "zh": "4. 特别政治和非殖民化委员会(第四委员会)建议大会通过以下决议草案：\n\n 决议草案\n\n 甲问题\n\n 大会，\n\n"
          " 1. 决定做甲；\n\n5. 特别政治和非殖民化委员会(第四委员会)还建议大会通过以下决定草案：\n\n 决定草案\n\n"
          " 乙问题\n\n 大会决定做乙。",
}


@pytest.mark.parametrize("language", ["en", "zh"])
def test_fourth_committee_by_its_full_name_recommends_a_second_text(language):
    from parsing.layout import layout
    from parsing.phrases import TABLES
    from parsing.texts import parse_recommendations

    table, problems = TABLES[language], []
    texts = parse_recommendations(layout(TWO_TEXTS[language], table).lines, table, problems)
    assert [(t.para, t.kind, len(t.paragraphs)) for t in texts] == [(4, "resolution", 1), (5, "decision", 1)]
    assert problems == []


FOURTH_OTHER = {
    "fr": ("Commission des questions politiques spéciales et de la décolonisation (Quatrième Commission)",
           [("Rapport de la Première Commission", "Rapport de la {}"),
            ("Recommandations de la Première Commission", "Recommandations de la {}"),
            ("8. La Première Commission recommande", "8. La {} recommande")]),
    "es": ("Comisión Política Especial y de Descolonización (Cuarta Comisión)",
           [("Informe de la Primera Comisión", "Informe de la {}"),
            ("Recomendaciones de la Primera Comisión", "Recomendaciones de la {}"),
            ("8. La Primera Comisión recomienda", "8. La {} recomienda")]),
    "ru": ("Комитет по специальным политическим вопросам и деколонизации (Четвертый комитет)",
           [("Доклад Первого комитета", "Доклад Комитета по специальным политическим вопросам и деколонизации "
                                        "(Четвертый комитет)"),
            ("Рекомендации Первого комитета", "Рекомендации Комитета по специальным политическим вопросам и "
                                              "деколонизации (Четвертый комитет)"),
            ("8. Первый комитет рекомендует", "8. {} рекомендует")]),
    "ar": ("لجنة المسائل السياسية الخاصة وإنهاء الاستعمار (اللجنة الرابعة)",
           [("تقرير اللجنة الأولى", "تقرير {}"),
            ("توصيات اللجنة الأولى", "توصيات {}"),
            ("توصي اللجنة الأولى", "توصي {}")]),
}


@pytest.mark.parametrize("language", ["fr", "es", "ru", "ar"])
def test_fourth_committee_by_its_full_name_in_the_other_languages(language, directory):
    name, edits = FOURTH_OTHER[language]
    seed = report_text(f"small.{language}.txt")
    text = seed
    for old, new in edits:
        text = replace_once(text, old, new.format(name))
    report, first = parse(text, directory).to_dict(), parse(seed, directory).to_dict()
    assert (report.pop("body"), first.pop("body")) == ("C.4", "C.1")
    assert report == first
    intro = next(new.format(name) for old, new in edits if new.endswith(("recommande", "recomienda", "рекомендует"))
                 or new.startswith("توصي {"))
    assert TABLES[language].recommend_intro.search(intro)


SUBMITTED_OTHER = {
    "fr": ("le Chili, au nom également du Bélarus et de la Trinité-et-Tobago, a", "le Bélarus, le Chili, l’Inde et la "
           "Trinité-et-Tobago ont"),
    "es": ("Chile, en nombre también de Belarús y Trinidad y Tabago, presentó", "Belarús, Chile, la India y Trinidad y "
           "Tabago presentaron"),
    "ru": ("Чили, также от имени Беларуси и Тринидада и Тобаго, представила", "Беларусь, Чили, Индия и Тринидад и "
           "Тобаго представили"),
}


@pytest.mark.parametrize("language", ["fr", "es", "ru"])
def test_a_list_of_states_that_submitted_is_the_sponsor_list_in_the_other_languages(language, directory):
    old, new = SUBMITTED_OTHER[language]
    report = parse(replace_once(report_text(f"small.{language}.txt"), old, new), directory)
    assert report.drafts[0].sponsors == ["BLR", "CHL", "IND", "TTO"]


@pytest.mark.parametrize("language, old, new, sponsors", [
    ("en", "Chile, also on behalf of Belarus and Trinidad and Tobago, submitted", "the delegation of Chile submitted",
     ["CHL"]),
    ("zh", "智利代表团同时也代表白俄罗斯和特立尼达和多巴哥，提交了", "智利代表团提交了", ["CHL"]),
])
def test_one_delegation_that_submitted_is_the_sponsor(language, old, new, sponsors, directory):
    assert parse(replace_once(single(language), old, new), directory).drafts[0].sponsors == sponsors


def test_the_author_of_an_amendment_is_not_taken_for_the_sponsor(directory):
    text = replace_once(single("en"), "2. On 20 October, Chile, also on behalf of Belarus and Trinidad and Tobago, "
                                      "submitted a", "2. On 20 October, the Committee had before it a")
    text = replace_once(text, "3. At its 30th meeting,", "3. The representative of India introduced amendments "
                                                         "(A/C.1/79/L.60) to the draft resolution.\n\n4. At its 30th "
                                                         "meeting,")
    text = text.replace("(see para. 4)", "(see para. 5)").replace("4. The First Committee recommends",
                                                                  "5. The First Committee recommends")
    assert parse(text, directory).drafts[0].sponsors == []


GROUP_OTHER = {
    "fr": ("au nom également du Bélarus et de la Trinité-et-Tobago", "au nom du Groupe des 77 et de la Chine"),
    "es": ("en nombre también de Belarús y Trinidad y Tabago", "en nombre del Grupo de los 77 y China"),
    "ru": ("также от имени Беларуси и Тринидада и Тобаго", "от имени Группы 77 и Китая"),
}


@pytest.mark.parametrize("language", ["fr", "es", "ru"])
def test_a_sponsor_named_as_a_group_in_the_other_languages(language, directory):
    draft = parse(replace_once(report_text(f"small.{language}.txt"), *GROUP_OTHER[language]), directory).drafts[0]
    assert (draft.sponsors, draft.sponsor_groups) == (["CHL"], ["G77"])
