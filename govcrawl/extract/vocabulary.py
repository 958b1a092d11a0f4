"""The words these pages label their fields with, in one place.

Every label regex of the extractor is built from these tuples (in the manner of trafilatura's
``xpaths.py``), so that a label added here is recognised everywhere at once. Traditional forms
sit beside the simplified ones: pages of 繁體 sites and 繁體 converters show them, and
``tests/extract/test_vocabulary.py`` checks every consumer against every form.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: Separators in the page text that ``page.build_page`` writes: block boundary, table cell
#: boundary, inline element boundary (an invisible mark where two elements meet).
NL, CELL, INLINE = "\n", "\t", "\x1f"

#: 发布时间：2023-07-24 and its kin: the article's own publish date
DATE_LABELS = (
    "发布时间", "发布日期", "发表时间", "发稿时间", "发布于", "发表于", "时间", "日期",
    "發布時間", "發布日期", "發表時間", "發稿時間", "發布於", "發表於", "發佈時間", "發佈日期", "發佈於", "時間",
)
#: date labels too generic to mark a line as page furniture on their own (a notice's 时间：)
BARE_DATE_LABELS = ("时间", "日期", "時間")
#: dates of the document rather than of the web page (成文日期 in a 信息公开 table)
DOCUMENT_DATE_LABELS = (
    "发文日期", "成文日期", "生成日期", "印发日期", "更新时间", "更新日期",
    "發文日期", "印發日期", "更新時間",
)
#: dates a page shows that are never its publish date (a forum user's 注册日期, a deadline)
OTHER_DATE_LABELS = (
    "注册日期", "注册时间", "加入时间", "入会时间", "最后登录", "登录时间", "截止日期", "截止时间", "报名时间",
    "开始时间", "结束时间", "出生日期", "考试时间", "有效期至", "註冊日期", "註冊時間", "截止時間",
)
#: what makes a line prose rather than a field, a heading or a menu row
SENTENCE_PUNCT = re.compile(r"[，。；！？,;!?]")
#: what ends a sentence: a line holding one is text, never a row of chrome or a menu
SENTENCE_END = re.compile(r"[。！？；]")
#: 来源：新华社
SOURCE_LABELS = (
    "来源", "信息来源", "稿源", "文章来源", "稿件来源", "来源于", "新闻来源", "内容来源",
    "來源", "信息來源", "文章來源", "稿件來源", "來源於", "新聞來源", "內容來源",
)
#: 作者：张三, 记者 李四: labels whose names are the article's authors
AUTHOR_LABELS = (
    "作者", "记者", "本报记者", "本刊记者", "通讯员", "特约通讯员", "撰稿", "撰文",
    "記者", "本報記者", "本刊記者", "通訊員", "特約通訊員",
)
#: 摄影：王五: a credit line, but a photographer is not an author
PHOTO_LABELS = ("摄影", "攝影")
#: 责任编辑：赵六: editors and reviewers
EDITOR_LABELS = (
    "责任编辑", "值班编辑", "编辑", "责编", "审核", "审校", "校对", "终审", "初审", "复审",
    "責任編輯", "值班編輯", "編輯", "責編", "審核", "審覈", "審校", "校對", "終審", "初審", "複審",
    # media credits of the people who made the page, not its authors
    "编审", "监制", "制作", "策划", "统筹", "主编",
    "編審", "監製", "製作", "策劃", "統籌", "主編",
)
#: role words that start the next credit in a run of names (记者张宇、通讯员李文)
ROLE_WORDS = (
    "特约通讯员", "通讯员", "记者", "实习生",
    "特約通訊員", "通訊員", "記者", "實習生",
)
#: the 政府信息公开 table: record key → labels
DOCUMENT_FIELDS: dict[str, tuple[str, ...]] = {
    "index_no": ("索引号", "索取号", "索引號", "索取號"),  # spaced forms (索 引 号) match too
    "topic": ("主题分类", "主题词", "分类", "主題分類", "主題詞", "分類"),
    "issuer": ("发文机关", "发布机构", "发文单位", "发布机关", "發文機關", "發布機構", "發佈機構", "發文單位",
               "發布機關", "發佈機關"),
    "doc_no": ("发文字号", "文号", "文件编号", "發文字號", "文號", "文件編號"),
    "written_on": ("成文日期", "生成日期", "发文日期", "發文日期"),
    "published_on": ("发布日期", "公开日期", "發布日期", "發佈日期", "公開日期"),
    "validity": ("有效性", "时效性", "是否有效", "時效性"),
}
#: the shape of a written date (2023-07-24, 2023年7月24日, 2023/7/24, 2023.07.24): a quick
#: test for "a date starts here"; ``dates.ABSOLUTE`` is the parser
DATE_SHAPE = r"\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}"

#: a pinyin group that 繁體 converters leave after a character: 發(fā), 穩(wěn) — a tone mark (or ü)
#: is required, so that ordinary bracketed text such as (a) or (2023) is not one
TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
PINYIN_OPEN = "[(（]"
PINYIN = rf"{PINYIN_OPEN}(?=[a-zü{TONED}]*[{TONED}ü])[a-zü{TONED}]{{1,7}}[)）]"
#: what may stand between the characters of a label: spaces, inline marks, a pinyin group (its
#: tone-mark test left out: inside a label word a bracketed run of pinyin letters is nothing else,
#: and the lighter pattern keeps the label regexes quick to compile and to run)
_GAP = rf"[\s\x1f]*(?:[(（][a-zü{TONED}]{{1,7}}[)）][\s\x1f]*)?"
_NOT_LABEL = re.compile(rf"[\s\x1f]|{PINYIN}")


def alternation(labels: Iterable[str]) -> str:
    """Labels as one regex alternation, longest first (so 信息来源 wins over 来源)."""
    unique = dict.fromkeys(re.sub(r"\s", "", label) for label in labels)
    return "|".join(map(re.escape, sorted(unique, key=len, reverse=True)))


def spaced_alternation(labels: Iterable[str]) -> str:
    """Labels as an alternation that tolerates spaces, inline marks and pinyin inside
    (来 源, 來(lái)源)."""
    unique = dict.fromkeys(re.sub(r"\s", "", label) for label in labels)
    return "|".join(_GAP.join(map(re.escape, label)) for label in sorted(unique, key=len, reverse=True))


def label_key(text: str) -> str:
    """A matched label without the spaces, marks and pinyin it may hold (来 源 → 来源)."""
    return _NOT_LABEL.sub("", text)
