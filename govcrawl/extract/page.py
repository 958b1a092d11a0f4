"""One pass over the parsed page: visible text with element offsets, for every later step."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from lxml import etree

from govcrawl.extract.document import parse_html
from govcrawl.extract.text import remove_pinyin
from govcrawl.extract.vocabulary import SOURCE_LABELS, alternation

#: Element subtrees that never show text.
SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "select", "option", "textarea",
    "button", "iframe", "object", "embed", "svg", "canvas", "map", "audio", "video", "input",
})
BLOCK_TAGS = frozenset({
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr",
    "tbody", "thead", "tfoot", "section", "article", "header", "footer", "nav", "aside", "form",
    "blockquote", "pre", "dl", "dt", "dd", "center", "figure", "figcaption", "hr", "address",
    "main", "caption", "body", "html", "fieldset", "legend", "ucapcontent", "ucaptitle", "img",
})
CELL_TAGS = frozenset({"td", "th"})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "ucaptitle"})
#: Separators: block boundary, table cell boundary, inline element boundary.
NL, CELL, INLINE = "\n", "\t", "\x1f"
_SEPARATORS = {tag: NL for tag in BLOCK_TAGS} | {tag: CELL for tag in CELL_TAGS}
_SKIP = SKIP_TAGS | {"head"}
#: attributes that can hide an element or mark it: elements with none of them need no _classify
_CLASSIFIED = frozenset({"class", "id", "style", "hidden"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
#: what every _HIDDEN_STYLE match contains ("n" and "h" have no other case variants): a cheap
#: case-sensitive test that rules out almost every style before the slow case-insensitive one
_HIDDEN_STYLE_HINT = re.compile(r":\s*[nNhH]")
#: how long a _HIDDEN_STYLE property name is (re.I compares one character with one character)
_HIDING_NAMES = (len("display"), len("visibility"))
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_BRACE = re.compile(r"[{}]")
#: a selector of one class or id, maybe after a tag name: p.yuanbiaoti, #print
_SIMPLE_SELECTOR = re.compile(r"[a-zA-Z0-9]*(?P<kind>[.#])(?P<name>[-\w]+)")
_HIDDEN_CLASS = re.compile(r"(?:^|\s)(?:hidden|hide|sr-only|visually-hidden)(?:\s|$)", re.I)
#: class/id fragments of headline blocks (title, tit, biaoti, headline, ftheme …)
_TITLE_WORDS = "tit|biaoti|headline|theme|article-h"
_TITLE_ATTR = re.compile(rf"{_TITLE_WORDS}|^bt$", re.I)
#: the same words for a lower-cased ASCII marker: case-sensitive matching is much faster
_TITLE_WORDS_LOWER = re.compile(_TITLE_WORDS)
#: document.write('…') with a string literal: a 来源 written by script counts as shown
_DOCUMENT_WRITE = re.compile(r"""document\.write(?:ln)?\(\s*(['"])(.*?)(?<!\\)\1\s*\)""", re.S)
_MARKUP = re.compile(r"<[^>]*>")
_SOURCE_WORDS = re.compile(alternation(SOURCE_LABELS))
#: a page repeats its class names and inline styles from element to element, and a site from page
#: to page: the tests on them (_title_like, _hiding_style, body's and container's) are cached, this
#: many answers each
SEEN_MARKERS = 4096


@dataclass(slots=True)
class Page:
    """The parsed tree plus its visible text and where each element's text sits in it."""

    root: etree._Element
    text: str = ""
    spans: dict[etree._Element, tuple[int, int]] = field(default_factory=dict)
    #: (start, end) of every visible <a>, in document order
    links: list[tuple[int, int]] = field(default_factory=list)
    link_prefix: list[int] = field(default_factory=list)
    #: text offsets of Hanweb's content begin/end comments
    hanweb: list[tuple[str, int]] = field(default_factory=list)
    #: visible headings and title-like blocks, in document order
    headings: list[etree._Element] = field(default_factory=list)
    #: visible elements carrying a class or id, with their "class id" marker, in document order
    marked: list[tuple[etree._Element, str]] = field(default_factory=list)
    #: classes and ids that the page's own <style> hides (``.x{display:none}``, ``#y{…}``)
    hidden_classes: frozenset[str] = frozenset()
    hidden_ids: frozenset[str] = frozenset()

    def span(self, el: etree._Element) -> tuple[int, int] | None:
        """Offsets of an element's visible text, None when hidden or skipped."""
        return self.spans.get(el)

    def link_chars(self, start: int, end: int) -> int:
        """Characters inside links within [start, end)."""
        lo = bisect.bisect_left(self.links, (start, -1))
        hi = bisect.bisect_left(self.links, (end, -1))
        return self.link_prefix[hi] - self.link_prefix[lo]

    def follows_link(self, pos: int) -> bool:
        """Whether only separators stand between the end of a link and pos (a list item's date)."""
        i = bisect.bisect_left(self.links, (pos, -1)) - 1
        if i < 0:
            return False
        end = self.links[i][1]
        return end <= pos and not self.text[end:pos].strip(" \t\n\x1f|[]()（）【】")


def _hidden_by(page: Page, el: etree._Element, keys: list[str], cls: str | None) -> bool:
    """Hidden by the hidden attribute, a hide class, a class or id the page's <style> hides, or
    an inline style (attribute names and the class already read: the walk needs them too)."""
    if "hidden" in keys:
        return True
    if cls and "hid" in cls.lower() and _HIDDEN_CLASS.search(cls):
        return True
    if page.hidden_classes and cls and not page.hidden_classes.isdisjoint(cls.split()):
        return True
    if page.hidden_ids and "id" in keys and el.get("id") in page.hidden_ids:
        return True
    return "style" in keys and _hiding_style(el.get("style"))


@lru_cache(maxsize=SEEN_MARKERS)
def _hiding_style(style: str) -> bool:
    """Whether an inline style hides its element (display: none, visibility: hidden)."""
    return _HIDDEN_STYLE_HINT.search(style) is not None and _HIDDEN_STYLE.search(style) is not None


def _clean(raw: str | None) -> str:
    """Collapse source whitespace as a browser does: any run becomes one space.

    Pinyin left by a 繁體 converter (發(fā)布時間) goes here, before any label is matched:
    otherwise a 发布时间 row is not recognised as one and can be taken for the headline.
    """
    if not raw:
        return ""
    if raw.isspace():
        return " "
    out = " ".join(remove_pinyin(raw).split())
    if raw[0].isspace():
        out = " " + out
    return out + " " if raw[-1].isspace() else out


@lru_cache(maxsize=SEEN_MARKERS)
def _title_like(marker: str) -> bool:
    """Whether a class/id marker matches _TITLE_ATTR (case-folded by hand when it is ASCII)."""
    if not marker.isascii():  # non-ASCII letters such as "ı" or "K" fold onto ASCII under re.I
        return _TITLE_ATTR.search(marker) is not None
    low = marker.lower()
    return low in ("bt", "bt\n") or _TITLE_WORDS_LOWER.search(low) is not None


def _tops(root: etree._Element) -> list[etree._Element]:
    """The root and any elements after it: a stray </html> makes lxml start a second tree."""
    return [root, *(el for el in root.itersiblings() if isinstance(el.tag, str))]


def find_all(el: etree._Element, *tags: str) -> list[etree._Element]:
    """Elements with these tags anywhere in el's document, in document order: what //tag
    finds, without libxml2's XPath (an order of magnitude slower than iter)."""
    # the document's root element is its first: only stray trees can follow it
    return [found for top in _tops(el.getroottree().getroot()) for found in top.iter(*tags)]


def in_named_box(el: etree._Element, names: Callable[[str], bool], depth: int | None = None) -> bool:
    """Whether the element, or an ancestor up to ``depth`` levels above it, has a class or id
    that ``names`` accepts (a footer, a logo); <body> and <html> name the page, not a box."""
    for level, box in enumerate((el, *el.iterancestors())):
        if box.tag in ("body", "html") or (depth is not None and level > depth):
            return False
        marker = f"{box.get('class', '')} {box.get('id', '')}"
        if marker.strip() and names(marker):
            return True
    return False


def _classify(page: Page, el: etree._Element, tag: str, keys: list[str]) -> bool:
    """Note a marked element and title-like blocks; return False when the element is hidden."""
    cls = el.get("class") if "class" in keys else None
    if _hidden_by(page, el, keys, cls):
        return False
    eid = el.get("id") if "id" in keys else None
    marker = f"{cls} {eid}" if cls and eid else cls or eid
    if marker:
        page.marked.append((el, marker))
    if tag in HEADING_TAGS or (marker and _title_like(marker)):
        page.headings.append(el)
    return True


def _written_source(script: etree._Element) -> str:
    """What an inline script writes into the page, when that is a 来源 line (it is shown)."""
    code = script.text
    if not code or "document.write" not in code or not _SOURCE_WORDS.search(code):
        return ""
    written = (_clean(_MARKUP.sub(INLINE, m.group(2))) for m in _DOCUMENT_WRITE.finditer(code))
    return "".join(INLINE + text for text in written if _SOURCE_WORDS.search(text))


def _walk_tree(page: Page, top: etree._Element, parts: list[str], size: int) -> int:
    """Append one tree's visible text to parts; record spans, links and Hanweb markers."""
    # The hot loop of the whole extractor: one pass, a stack instead of dict look-ups, attribute
    # work only where class/id/style/hidden exist, and whitespace-only text (most tails) is
    # collapsed without a call.
    spans, headings, links, separators = page.spans, page.headings, page.links, _SEPARATORS
    opened: list[tuple[int, str, bool] | None] = []  # (start, separator, is a link) of each open element
    push, pop, add = opened.append, opened.pop, parts.append
    walker = etree.iterwalk(top, events=("start", "end", "comment"))
    for event, el in walker:
        if event == "start":
            tag = el.tag
            keys = el.keys()
            plain = not keys or _CLASSIFIED.isdisjoint(keys)  # then it cannot be hidden or marked
            if tag in _SKIP or not (plain or _classify(page, el, tag, keys)):
                walker.skip_subtree()
                push(None)
                if tag != "script":
                    continue
                piece = _written_source(el)
            else:
                if plain and tag in HEADING_TAGS:
                    headings.append(el)
                piece = separators.get(tag, INLINE)
                push((size, piece, tag == "a"))  # the end event need not read the tag again
                text = el.text
                if text:
                    piece += " " if text.isspace() else _clean(text)
        elif event == "end":
            frame = pop()
            tail = el.tail
            if frame is None:
                if not tail:
                    continue
                piece = " " if tail.isspace() else _clean(tail)
            else:
                start, piece, link = frame
                spans[el] = (start, size)
                if link:
                    links.append((start, size))
                if tail:
                    piece += " " if tail.isspace() else _clean(tail)
        else:
            note = el.text or ""
            if "ZJEG_RSS" in note:
                page.hanweb.append((note, size))
            piece = _clean(el.tail)
        if piece:
            add(piece)
            size += len(piece)
    return size


def _walk(page: Page) -> None:
    """Linearise every top-level tree and index the links."""
    parts: list[str] = []
    size = 0
    for top in _tops(page.root):
        size = _walk_tree(page, top, parts, size)
    page.text = "".join(parts)
    page.links.sort()
    prefix = [0]
    for start, end in page.links:
        prefix.append(prefix[-1] + end - start)
    page.link_prefix = prefix


def _style_hidden(root: etree._Element) -> tuple[frozenset[str], frozenset[str]]:
    """The classes and ids that the page's own style sheets hide, from simple rules only
    (``.a, p.b, #c { display: none }``): what a 原标题 line or a print-only block uses."""
    classes: set[str] = set()
    ids: set[str] = set()
    for style in find_all(root, "style"):
        css = style.text or ""
        if "none" not in css and "hidden" not in css:
            continue
        css = _CSS_COMMENT.sub("", css)
        hiding = _hiding_starts(css)
        for selectors, opening, closing in _css_rules(css) if hiding else ():
            # a hiding declaration starts inside this rule's braces (none spans a brace)
            first = bisect.bisect_right(hiding, opening)
            if first == len(hiding):
                break
            if hiding[first] >= closing:
                continue
            for selector in selectors.split(","):
                found = _SIMPLE_SELECTOR.fullmatch(selector.strip())
                if found:
                    (classes if found["kind"] == "." else ids).add(found["name"])
    return frozenset(classes), frozenset(ids)


def _hiding_starts(css: str) -> list[int]:
    """Where a style sheet's _HIDDEN_STYLE matches start, in order. Searching a whole sheet
    (some 20 kB a page) with that case-insensitive pattern cost more than the rest of the walk's
    set-up; the case-sensitive hint finds every match's colon at almost no cost, and the
    property name is then read back from it."""
    starts = []
    for hint in _HIDDEN_STYLE_HINT.finditer(css):
        end = hint.start()
        while end and css[end - 1].isspace():  # \s* between the name and the colon
            end -= 1
        for size in _HIDING_NAMES:
            if end >= size and _HIDDEN_STYLE.match(css, end - size):
                starts.append(end - size)
                break
    return starts


def _css_rules(css: str) -> Iterator[tuple[str, int, int]]:
    """(selectors, offset of "{", offset of "}") of a style sheet's top-level rules, in one pass;
    @media and other at-rule blocks are skipped (print-only or small-screen rules are not what
    shows)."""
    pos, size = 0, len(css)
    while pos < size:
        opening = css.find("{", pos)
        if opening < 0:
            return
        selectors = css[pos:opening]
        if selectors.lstrip().startswith("@"):
            pos = _block_end(css, opening)
            continue
        closing = css.find("}", opening)
        if closing < 0:
            return
        yield selectors, opening, closing
        pos = closing + 1


def _block_end(css: str, opening: int) -> int:
    """Where the block opened at ``opening`` ends (nested braces counted)."""
    depth = 0
    for found in _BRACE.finditer(css, opening):
        depth += 1 if found.group() == "{" else -1
        if depth == 0:
            return found.end()
    return len(css)


def linearise(root: etree._Element) -> Page:
    """A parsed page's visible text, with where each element's text sits in it."""
    page = Page(root=root)
    page.hidden_classes, page.hidden_ids = _style_hidden(root)
    _walk(page)
    return page


def build_page(markup: str) -> Page:
    """Parse markup and linearise its visible text."""
    return linearise(parse_html(markup))
