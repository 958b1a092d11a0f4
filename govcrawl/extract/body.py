"""Body lines from the article container: chrome elements cut, header and credit lines split off."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from govcrawl.extract.chrome import is_widget_row, strip_chrome_lines
from govcrawl.extract.container import Container
from govcrawl.extract.credits import OUTLET_EDITOR, credit_fragments, looks_like_byline, split_broken_credit
from govcrawl.extract.dates import ABSOLUTE
from govcrawl.extract.labelled import info_row
from govcrawl.extract.page import SEEN_MARKERS, Page
from govcrawl.extract.text import as_line, as_lines, repair_text
from govcrawl.extract.title import MIN_TITLE, norm
from govcrawl.extract.types import Line
from govcrawl.extract.vocabulary import (
    AUTHOR_LABELS,
    EDITOR_LABELS,
    PHOTO_LABELS,
    SENTENCE_PUNCT,
    SOURCE_LABELS,
    alternation,
)

#: Widgets inside containers: share bars, print/close, QR codes, font switches, editor credits.
_CHROME_ATTR = re.compile(
    r"share|bdshare|jiathis|fenxiang|print|dayin|close|guanbi|qrcode|qr-code|ewm|erweima|"
    r"fontsize|font-size|zihao|ztdx|pagesource|page-source|editor-name|zrbj|bianji|"
    r"related|xgxw|xgwz|relevant|comment|pinglun|pager|prevnext|nextprev|sxp|toolbar|\bzan\b|dianzan",
    re.I,
)
#: the same words for a lower-cased ASCII marker: case-sensitive matching is much faster
_CHROME_ATTR_LOWER = re.compile(_CHROME_ATTR.pattern)
#: never cut a known body container even when its class also says e.g. "print"
_CHROME_ATTR_SAFE = re.compile(
    r"TRS_Editor|trs_editor_view|TRS_UEDITOR|Custom_UnionStyle|UCAP-CONTENT|\bzoom\b"
)
_CREDIT_LINE = re.compile(
    rf"^[\[【(（]?\s*(?:{alternation(EDITOR_LABELS + AUTHOR_LABELS + SOURCE_LABELS + PHOTO_LABELS)})\s*[:：]"
)
_BYLINE_START = re.compile(rf"^[\[【(（]?\s*(?:{alternation(AUTHOR_LABELS)}|文\s*/\s*图|图\s*/\s*文)\s")
#: 【纠错】/【打印】 buttons that share a row with the 责任编辑 credit
_LEADING_WIDGETS = re.compile(r"^(?:[【\[][^】\]]{1,6}[】\]]\s*)+")
_DATE_ONLY = re.compile(r"^[\s(（\[【]*" + ABSOLUTE.pattern + r"[\s)）\]】]*$")
_PAREN_DATE = re.compile(r"^[（(][^（）()]*\d{4}\s*年[^（）()]*[)）]$")
_MAX_CREDIT = 80
_MAX_HEADER = 45
#: the shortest deck: a line of a word or two is a table's cell or a field's name
_MIN_DECK = 5
_MAX_HEADER_LINES = 6
#: the most lines above the text where an info row may stand: a work's fields come first
#: (作品内容：, 参赛选手：, 所在学校：, 作品类别：, 播放次数：, then 发布时间：…)
_MAX_INFO_LINES = 12


@dataclass(slots=True)
class BodyParts:
    """Body lines (as shown and simplified) and the credit lines split off them."""

    lines: list[Line] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    #: the box's lines above its first sentence, chrome rows included: the repeated headline,
    #: the info row (2019-05-16 11:45 点击：, 时间：… 来源：) where the box starts with one
    header: list[str] = field(default_factory=list)


def _chrome_spans(page: Page, container: Container) -> list[tuple[int, int]]:
    """Text ranges of widget elements inside the container (the container itself excluded)."""
    cut: list[tuple[int, int]] = []
    for el, marker in page.marked:  # document order, so text offsets never decrease
        start, end = page.spans[el]
        if start < container.start or el is container.element:
            continue
        if start >= container.end:
            break
        if start < end <= container.end and _is_widget(marker):
            cut.append((start, end))
    return cut


@lru_cache(maxsize=SEEN_MARKERS)
def _is_widget(marker: str) -> bool:
    """A widget's class/id marker (share bar, print button …) that names no body container."""
    if marker.isascii():  # non-ASCII letters such as "ſ" or "ı" fold onto ASCII under re.I
        found = _CHROME_ATTR_LOWER.search(marker.lower())
    else:
        found = _CHROME_ATTR.search(marker)
    return found is not None and _CHROME_ATTR_SAFE.search(marker) is None


def raw_lines(page: Page, container: Container) -> list[str]:
    """The container's visible text, split into repaired, non-empty lines."""
    pieces: list[str] = []
    pos = container.start
    for start, end in sorted(_chrome_spans(page, container)):
        if start >= pos:
            pieces.append(page.text[pos:start])
            pos = end
    pieces.append(page.text[pos : container.end])
    text = "\n".join(pieces).replace("\x1f", "").replace("\t", " ")
    return [line for line in repair_text(text).split("\n") if line]


def _without_widgets(line: str) -> str:
    """The line without leading widget buttons (【纠错】 责任编辑：… → 责任编辑：…)."""
    widgets = _LEADING_WIDGETS.match(line)
    if widgets and is_widget_row(widgets.group(0)):
        return line[widgets.end() :].lstrip()
    return line


def _is_credit(line: str) -> bool:
    """A short labelled credit or byline line (责任编辑：…, 来源：… 记者：…, 某某网编辑 姓名)."""
    if len(line) > _MAX_CREDIT:
        return False
    line = _without_widgets(line)
    return bool(_CREDIT_LINE.match(line) or (_BYLINE_START.match(line) and not SENTENCE_PUNCT.search(line))
                or OUTLET_EDITOR.match(line))


#: the longest label a field row puts before the headline (作品名称：…, 标题：…)
_MAX_TITLE_LABEL = 6
_TITLE_LABEL = re.compile(rf"^[^\s:：]{{1,{_MAX_TITLE_LABEL}}}[:：]")


#: the text's first sentence may begin with the headline as its subject and go on, with this many
#: characters of words, to a full stop (<headline>公布见附件，以供参考！): no headline and a date
_SENTENCE_GOES_ON = 6
_WORD = re.compile(r"\w")
_GOES_ON = re.compile(r"[，、,]?\w")


def _goes_on(tail: str) -> bool:
    """Whether what follows the headline on its line continues it into a sentence, straight on or
    after a comma (亲情，是一根无形的线。), to a full stop; a ？ or ！ after the headline ends it,
    and what follows is a deck."""
    return bool(tail) and _GOES_ON.match(tail) is not None and tail.endswith(("。", "！", "？", "!", "?")) \
        and len(_WORD.findall(tail)) >= _SENTENCE_GOES_ON


def _repeats_title(line: str, title: str) -> bool:
    """The line is the headline again, a piece of it, it with a short tail that is no sentence
    going on from it, or it in a field row (作品内容：<headline>)."""
    key = norm(line)
    # a headline of a word or two (亲情) begins many a line of the text: only itself repeats it
    return key == title or (len(key) >= 4 and key in title) or (
        len(title) >= MIN_TITLE and key.startswith(title) and len(key) < len(title) + 16
        and not _goes_on(key[len(title):])) or (
        key.endswith(title) and (label := _TITLE_LABEL.match(key)) is not None and label.end() + len(title) == len(key))


#: a notice's own field at the top of its text: 时间：, 地点：, 地址：, 电话：, 对象：
_TEXT_FIELD = re.compile(r"^(?:时间|地点|地址|电话|对象|范围|内容|主题|要求|方式|联系人|报名|截止)\s*[:：]")


def _is_header(line: str, title: str, has_prose: bool) -> bool:
    """A line above the text proper: repeated title, deck, date line, issuer or byline. A deck
    (a short line without punctuation) stands above prose and says something: where the box has
    no sentence, or the line is a word or two (a table's head: 序号 姓名 工作单位), short lines are
    the text itself."""
    if title and _repeats_title(line, title):
        return True
    if _DATE_ONLY.match(line) or _PAREN_DATE.match(line) or info_row(line):
        return True
    # a field of the text (时间：…, 地点：…, 地址：… at the top of a notice) is no deck
    return has_prose and _MIN_DECK <= len(line) <= _MAX_HEADER and not SENTENCE_PUNCT.search(line) \
        and not line.endswith(("：", ":")) and not _TEXT_FIELD.match(line)


def _above_the_text(lines: list[str]) -> list[str]:
    """The box's first lines up to its first sentence, as the page shows them (chrome rows
    included): where an info row inside the box shows the page's date."""
    top: list[str] = []
    for line in lines[:_MAX_INFO_LINES]:
        if SENTENCE_PUNCT.search(line):
            break
        top.append(line)
    return top


def _strip_header(lines: list[Line], title: str) -> tuple[list[Line], list[Line]]:
    """Split off leading header lines; bylines among them go to the credits."""
    dropped = 0
    has_prose = any(SENTENCE_PUNCT.search(line.shown) for line in lines)
    while dropped < min(_MAX_HEADER_LINES, len(lines) - 1) and _is_header(lines[dropped].shown, title, has_prose):
        dropped += 1
    if title and all(_repeats_title(line.shown, title) for line in lines[dropped:]):
        return [], lines  # the headline again and nothing else: no body
    return lines[dropped:], lines[:dropped]


def extract_body(page: Page, container: Container, title: str | None) -> BodyParts:
    """Clean body lines from the container (chrome stripped once), with credits separated."""
    parts = BodyParts()
    shown: list[str] = []
    for line in raw_lines(page, container):
        if _is_credit(line):
            parts.credits.append(line)
        else:
            shown.append(line)
    kept, header = _strip_header(strip_chrome_lines(as_lines(shown)), norm(title or ""))
    parts.header = _above_the_text(shown)
    parts.credits[:0] = [h.shown for h in header if looks_like_byline(h.shown)]
    broken = split_broken_credit(kept[-1].shown) if kept else None
    if broken is not None:
        kept[-1:] = [as_line(broken[0])] if broken[0] else []
        parts.credits.append(broken[1])
    parts.credits.extend(credit_fragments([line.shown for line in kept[:1] + kept[-2:]]))
    # a box whose lines hold no word (a contact box's phone numbers, a counter) has no text
    parts.lines = kept if any(any(map(str.isalpha, line.shown)) for line in kept) else []
    return parts
