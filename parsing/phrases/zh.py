"""Chinese (zh): the phrases of the Chinese Main Committee reports.

Chinese text has no spaces between words, and PDF extraction scatters stray ones ("2024 年 11月 6日",
"第 31次"): every pattern allows optional whitespace (``\\s*``) around numbers and between phrase parts.
"""

from __future__ import annotations

import re

from parsing.numerals import chinese
from parsing.phrases.base import DRAFT_SYMBOL, PhraseTable, compile_all

SYM = DRAFT_SYMBOL
CN = "零〇一二三四五六七八九十百"
_CJK = re.compile(r"[\u3400-\u9fff]")


_SPACE = re.compile(r"\s+")


def _detect(sample: str) -> float:
    chars = len(_SPACE.sub("", sample))
    return len(_CJK.findall(sample)) / chars if chars else 0.0


def _paragraph(kind: str) -> str:
    # 序言部分第十八段 / 执行部分第 2 段 / 执行部分第4(a)段 / 执行部分第 4 段(a)分段
    return (
        kind + rf"\s*第\s*(?P<n>[\d{CN}]+)\s*"
        r"(?:(?P<sub>(?:[(（]\s*[a-z]+\s*[)）]\s*)+)段|段\s*(?P<sub2>(?:[(（]\s*[a-z]+\s*[)）]\s*)+)分段|段)"
    )


def _paragraphs(kind: str) -> str:
    # 执行部分第2和第3段 / 执行部分第 2 段和第 3 段 / 序言部分第四、第五和第六段 / 执行部分第2至4段
    number = rf"[\d{CN}]+"
    return (kind + rf"\s*第\s*(?P<nums>{number}(?:\s*段)?(?:\s*(?:和|及|、|至|到)\s*第?\s*{number}(?:\s*段)?)+)"
            rf"(?![\d{CN}]|\s*段?\s*[(（])")


# Groups that sponsor drafts as one (keys as in parsing/README.md); "代表77国集团和中国".
_GROUPS = (
    (re.compile(r"(?:作为\s*)?77\s*国集团(?:成员国)?\s*和\s*中国"), "G77"),
    (re.compile(r"非洲(?:国家)?集团"), "AFRICAN_GROUP"),
    (re.compile(r"阿拉伯(?:国家)?集团"), "ARAB_GROUP"),
    (re.compile(r"不结盟运动"), "NAM"),
    (re.compile(r"伊斯兰合作组织"), "OIC"),
    (re.compile(r"欧洲联盟|欧盟"), "EU"),
)

TABLE = PhraseTable(
    code="zh",
    detect=_detect,
    joiner="",
    cased=False,
    parse_number=chinese,
    parse_draft_number=chinese,
    months={},
    session=re.compile(rf"第\s*(?P<n>[{CN}\d]+)\s*届会议"),
    agenda_item=re.compile(r"议程项目\s*(?P<nums>\d+(?:\s*(?:[(（][a-z][)）])?\s*(?:和|及|、|,|，)\s*\d+)*)"),
    committee_report=re.compile(
        r"(?:第(?P<ord>[一二三四五六])委员会|特别政治和非殖民化委员会)\s*[)）]?\s*的\s*报告"
    ),
    committee_ordinals={"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, None: 4},
    section_heading=re.compile(r"(?P<num>[一二三四五六七八九十]+)\s*[.．、]\s*(?P<title>\S.*)"),
    draft_heading=re.compile(rf"[A-Z]\s*[.．]\s*(?P<kind>决议草案|决定草案)\s*(?P<symbol>{SYM})?.*"),
    draft_mention=re.compile(rf"(?P<kind>决议草案|决定草案)\s*(?P<symbol>{SYM})"),
    decision_word=re.compile(r"决定"),
    recommendations_heading=re.compile(r"委员会\s*[)）]?\s*的\s*建议"),
    on_behalf=re.compile(
        r"(?P<intro>[^，。；、\s(（]+?)\s*代表团?\s*(?:同时)?\s*(?:也)?\s*代表\s*(?P<names>[^。；]+?)\s*[，,]?\s*(?:提交|介绍)了"
    ),
    introduced_by=compile_all(r"(?P<intro>[^，。；、\s(（]+?)\s*代表\s*(?:以提案国名义)?\s*介绍了"),
    sponsors_list=re.compile(r"提案国(?:为|是)\s*[：:]?\s*(?P<names>[^。；]+)"),
    # 10月21日，阿塞拜疆、白俄罗斯……和津巴布韦提交了一项题为…的决议草案
    submitted_by=re.compile(
        r"\d{1,2}\s*月\s*\d{1,2}\s*日\s*[，,]\s*(?P<names>[^，,。；]+?)\s*(?:代表团)?\s*提交了"
    ),
    paragraph_lists=(
        (re.compile(_paragraphs("序言部分")), "PP"),
        (re.compile(_paragraphs("执行部分")), "OP"),
    ),
    paragraph_list_token=re.compile(rf"(?P<n>\d+|[{CN}]+)|(?P<range>至|到)"),
    sponsor_groups=_GROUPS,
    later_sponsors=re.compile(
        r"随后\s*[，,]\s*(?P<names>[^。；]+?)\s*加入\s*(?:成为|为)?\s*(?:该|上述)?\s*(?:决议草案|决定草案)?\s*(?:的)?\s*提案国"
    ),
    intro_prefix=re.compile(r"^$"),
    title=re.compile(r"题为\s*[“\"](?P<title>[^”\"]+)[”\"]"),
    meeting_date=re.compile(
        r"在\s*(?:(?P<year>\d{4})\s*年\s*)?(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日\s*(?:举行的)?\s*"
        r"第\s*(?P<meeting>\d+)\s*次\s*会议上"
    ),
    same_meeting=re.compile(r"在\s*同一?\s*次\s*会议上"),
    meeting_mention=re.compile(r"次\s*会议"),
    recorded_vote=compile_all(
        # 经记录表决，序言部分第十八段以 87 票对 53 票、22 票弃权的结果获得了保留
        r"经\s*记录表决\s*[，,]?\s*(?P<subject>[^，。；]*?)\s*以\s*(?P<yes>\d+)\s*票\s*对\s*(?P<no>\d+)\s*票"
        r"(?:\s*[、，,]\s*(?P<abstain>\d+)\s*票\s*弃权)?\s*(?:的\s*结果\s*)?"
        r"(?P<outcome>获得了?通过|获得了?保留|未获得?通过|未获得?保留|未能?获得?保留|被否决|予以保留|获?通过|获?保留)",
        # 委员会经记录表决，以 ... 的结果通过了决议草案 X
        r"经\s*记录表决\s*[，,]?\s*以\s*(?P<yes>\d+)\s*票\s*对\s*(?P<no>\d+)\s*票"
        r"(?:\s*[、，,]\s*(?P<abstain>\d+)\s*票\s*弃权)?\s*(?:的\s*结果\s*)?"
        r"(?P<outcome>通过|保留|否决)了?\s*(?P<subject>[^，。；(（]+)",
    ),
    without_vote=compile_all(
        rf"(?P<subject>(?:(?:该|上述)\s*)?(?:决议|决定)草案\s*(?:{SYM})?\s*(?:作为一个?整体|全文)?"
        r"|序言部分第[^段]+段|执行部分第[^段]+段)\s*"
        r"(?:未经|不经)\s*表决\s*(?:即)?\s*(?P<outcome>获得了?通过|获得了?保留|通过|保留)",
        r"(?:未经|不经)\s*表决\s*(?:即)?\s*(?P<outcome>通过|保留)了?\s*(?P<subject>[^，。；(（]+)",
    ),
    outcomes=(
        (re.compile(r"未|否决"), "rejected"),
        (re.compile(r"保留"), "retained"),
        (re.compile(r"通过"), "adopted"),
    ),
    count_words={},
    preambular=compile_all(_paragraph("序言部分")),
    operative=compile_all(_paragraph("执行部分")),
    several_paragraphs=re.compile(r"(?:序言|执行)部分第[^段]*(?:和|及|、|至)[^段]*段"),
    # 修正案(A/C.3/79/L.60) / A/C.3/79/L.60 号文件所载修正案
    amendment=re.compile(rf"(?:修正案\s*[(（]?\s*|(?={SYM}[^。；]{{0,12}}修正案))(?P<symbol>{SYM})"),
    see_para=re.compile(
        r"见\s*第\s*(?P<para>\d+)\s*段(?:\s*[，,]\s*(?P<kind>决议草案|决定草案)\s*(?P<num>[一二三四五六七八九十]+)?)?"
    ),
    list_label=re.compile(r"(?P<label>赞成|反对|弃权)\s*[：:]\s*(?P<rest>.*)"),
    list_positions={"赞成": "yes", "反对": "no", "弃权": "abstain"},
    list_separator=re.compile(r"\s*[、，,]\s*"),
    conjunction=re.compile(r"和"),
    leading_conjunction=re.compile(r"^(?:和|以及)\s*"),
    list_end="。",
    empty_list=re.compile(r"无|没有"),
    intention=compile_all(
        r"(?P<names>[^，。；]+?)\s*代表团\s*随后\s*(?:通知|告知)\s*秘书处\s*[，,]?\s*(?:其|它|它们|他们|该国)?\s*"
        r"(?P<pos>(?:本|原)(?:来)?(?:不)?(?:打算|拟|想)[^，。；]*)",
    ),
    intention_positions=(
        (re.compile(r"不(?:打算|拟|想)参加表决|(?:打算|拟|想)不参加表决"), "non_participation"),
        (re.compile(r"赞成"), "yes"),
        (re.compile(r"反对"), "no"),
        (re.compile(r"弃权"), "abstain"),
    ),
    intention_hint=re.compile(r"(?:通知|告知)\s*秘书处"),
    recommend_intro=re.compile(r"委员会\s*[)）]?\s*(?:还|又|并)?\s*建议\s*大会"),
    text_heading=re.compile(r"(?P<kind>决议草案|决定草案)\s*(?P<num>[一二三四五六七八九十]+)?"),
    assembly_line=re.compile(r"大会\s*[，,]"),
    assembly_start=re.compile(r"大会"),
    annex_heading=re.compile(r"附件\s*[一二三四五六七八九十]*"),
    no_mark_after="第至到约共",
    # The opening words of preambular paragraphs (italic in print), for telling where a paragraph starts
    # when the extraction lost the indentation.
    paragraph_opener=re.compile(
        r"(?:又|还|并|再次|深为|深切|严重|进一步)?"
        r"(?:回顾|重申|认识到|确认|欢迎|强调|注意到|关切地?|铭记|考虑到|意识到|深信|申明|承认|赞赏|表示|"
        r"念及|决心|希望|认为|相信|满意地|遗憾地|震惊地|感谢|指出|重视|鼓励|关注)"
    ),
    quantity_after=re.compile(r"\s*(?:票|年|月|日|号|次|段|届|个|名|项|国|卷|页|条|款|%|％|至|到|和|及)"),
    sentence_end="，；。：,;.:",
)
