"""Find the article container: known CMS containers first (validated), then text density."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter

from lxml import etree

from govcrawl.extract.links import ATTACHMENT_EXT, link_target
from govcrawl.extract.page import SEEN_MARKERS, Page, in_named_box
from govcrawl.extract.vocabulary import DATE_LABELS, SENTENCE_END, SOURCE_LABELS, alternation

#: Known CMS body containers, most specific first: (class token or id or tag, kind).
KNOWN_CONTAINERS = (
    ("TRS_Editor", "class"),
    ("trs_editor_view", "class"),
    ("TRS_UEDITOR", "class"),
    ("Custom_UnionStyle", "class"),
    ("ucapcontent", "tag"),  # has no attributes: found separately
    ("UCAP-CONTENT", "id"),
    ("zoom", "id"),
    ("article-content", "class"),
    ("bt_content", "class"),
    ("Content", "id"),
)
_UCAP_RANK = [name for name, _kind in KNOWN_CONTAINERS].index("ucapcontent")
_KNOWN_HINT = re.compile("|".join(name for name, _kind in KNOWN_CONTAINERS))
_PUNCT = re.compile(r"[，。；！？、：,;!?]")
_NO_VOTE_LABELS = DATE_LABELS + SOURCE_LABELS
#: a site's organisers, as its footer names them (主办：某市人民政府; a notice says 主办单位：)
_ORGANISER_LABELS = ("主办", "承办", "协办", "主管")
#: footer rows and 日期：/来源： rows never vote for a container (so an image-only article
#: does not fall back to the footer or the info row); nor do a site's organiser rows (主办：…)
_NO_VOTE = re.compile(
    r"ICP备|ICP证|公网安备|网站标识码|版权所有|Copyright|©|"
    rf"^(?:{alternation(_NO_VOTE_LABELS + _ORGANISER_LABELS)})\s*[:：]",
    re.I,
)
#: a footer's contact row holds two or more of these (地址：… 邮编：… 电话：…); a notice of a new
#: address puts each on a line of its own, and those lines vote
_CONTACT_LABEL = re.compile(r"(?:地址|邮编|邮政编码|电话|传真|邮箱|技术支持)\s*[:：]")
_CONTACT_LABELS_IN_FOOTER = 2
#: ... in one short row (a 采购公告's contact section is a long block of the body)
_MAX_CONTACT_ROW = 100
#: what a menu row is made of besides its links' words: separators and spacing (丨 丨 丨)
_NOT_WORDS = str.maketrans("", "", " \t\r\n\u3000\xa0|丨｜/·•>»›<«‹-—_=*")
_CRUMB_MARKS = (">", "»", "›", "＞")
#: a breadcrumb is a short row without prose (PM2.5＞75，臭氧＞160 is a sentence)
_MAX_CRUMB = 80
_PROSE_MARKS = re.compile(r"[，。；！？]")
_TAIL = attrgetter("tail")
_INLINE_TAGS = frozenset({"span", "font", "strong", "b", "em", "i", "u", "a", "sup", "sub", "label", "small", "big"})
#: elements whose own text is a paragraph or part of one (links excluded: they are chrome-ish)
_TEXT_TAGS = ("p", "div", "td", "section", "pre", "blockquote", "article", "li", "dd", "center",
              *(tag for tag in _INLINE_TAGS if tag != "a"))
_MIN_PARAGRAPH = 12
_MIN_CONTAINER = 40
_MAX_LINK_RATIO = 0.5


@dataclass(slots=True, frozen=True)
class Container:
    """Where the body text sits: a range of the page text and the element (if any)."""

    start: int
    end: int
    element: etree._Element | None


def link_ratio(page: Page, start: int, end: int) -> float:
    """Share of a range's characters that sit inside links."""
    return page.link_chars(start, end) / max(1, end - start)


def _visible_len(page: Page, start: int, end: int) -> int:
    """Characters of real text in a range (separators and spaces excluded)."""
    chunk = page.text[start:end]
    return len(chunk) - sum(chunk.count(c) for c in "\n\t\x1f ")


def _valid(page: Page, start: int, end: int) -> bool:
    """A container must hold some text and not be mostly links."""
    return _visible_len(page, start, end) >= _MIN_CONTAINER and link_ratio(page, start, end) < _MAX_LINK_RATIO


def _hanweb(page: Page) -> Container | None:
    """Hanweb's <!--ZJEG_RSS.content.begin--> … end--> range."""
    begins = [pos for note, pos in page.hanweb if "begin" in note]
    ends = [pos for note, pos in page.hanweb if "end" in note]
    if begins and ends:
        start = begins[0]
        end = next((e for e in ends if e > start), None)
        if end is not None and _valid(page, start, end):
            return Container(start, end, None)
    return None


def _rank(el: etree._Element) -> int | None:
    """Priority of a known container element, None when it is not one."""
    classes = el.get("class", "").split()
    for rank, (name, kind) in enumerate(KNOWN_CONTAINERS):
        if (kind == "class" and name in classes) or (kind == "id" and el.get("id") == name) or (
            kind == "tag" and el.tag == name
        ):
            return rank
    return None


def _known_elements(page: Page) -> list[etree._Element]:
    """The page's known CMS containers, the highest priority first (then first in the page)."""
    ranked: list[tuple[int, int, etree._Element]] = [
        (_UCAP_RANK, -1, el) for el in page.root.iter("ucapcontent")
    ]
    for order, (el, marker) in enumerate(page.marked):
        rank = _rank(el) if _names_known(marker) else None
        if rank is not None and page.span(el):
            ranked.append((rank, order, el))
    return [el for *_, el in sorted(ranked, key=lambda item: item[:2])]


@lru_cache(maxsize=SEEN_MARKERS)
def _names_known(marker: str) -> bool:
    """Whether a class/id marker holds a known container's name (a quick test before _rank)."""
    return _KNOWN_HINT.search(marker) is not None


def _known(page: Page) -> Container | None:
    """The highest-priority known CMS container that holds real text (first in the page)."""
    for el in _known_elements(page):
        span = page.span(el)
        if span and _valid(page, *span):
            return Container(span[0], span[1], el)
    return None


def find_media_container(page: Page, after: int | None = None, headline_end: int | None = None) -> Container | None:
    """A container without text but with a picture or a document: the body of a notice that is
    only a PDF or a chart (looked for when the body gave no text and no media). A known CMS
    container first, else an element named for content (``layout_txtcontent_content``,
    ``article-detail``) that starts after the headline ending at ``after``, else the part after
    the headline (ending at ``headline_end``) of the innermost such element holding it
    (``<div class="content_info">`` with the headline, the date line and the poster)."""
    for el in _known_elements(page):
        span = page.span(el)
        if span and _media_only(el):
            return Container(span[0], span[1], el)
    for el in _content_named(page, after):
        if _media_only(el):
            box = _widest_media_box(page, el, after)
            return Container(*page.span(box), box)
    if after is None or headline_end is None:
        return None
    holding = [(span, el) for el, marker in page.marked if el.tag in _BOX_TAGS and _names_content(marker)
               and (span := page.span(el)) is not None and span[0] <= after and span[1] >= headline_end]
    if not holding:
        return None
    (_, end), box = max(reversed(holding), key=lambda found: found[0][0])  # the innermost: it starts last
    return Container(headline_end, end, box) if _media_only(box) else None


def _widest_media_box(page: Page, el: etree._Element, after: int | None) -> etree._Element:
    """The box of a notice's media around ``el``: VSB marks a notice's paragraphs
    ``vsbcontent_start``, ``vsbcontent_img`` …, and the notice's files and pictures are those of
    the ``v_news_content`` box that holds them, when it holds only media after the headline."""
    if "vsbcontent" not in (el.get("class") or ""):
        return el
    for box in el.iterancestors("div"):
        if "v_news_content" in (box.get("class") or "").split():
            span = page.span(box)
            return box if span and (after is None or span[0] >= after) and _media_only(box) else el
    return el


def find_named_container(page: Page, after: int | None) -> Container | None:
    """The text of a notice the body search found no paragraph in: too short (``我校无财政拨款。``),
    or a table of short cells (层次 专业 学制 …): the first innermost element named for content
    after the headline that holds words, no link and no dateline; None when there is none."""
    for el in _content_named(page, after):
        start, end = page.span(el)
        if _visible_len(page, start, end) >= 2 and not page.link_chars(start, end) \
                and not _no_vote(page.text[start:end].strip()):
            return Container(start, end, el)
    return None


#: class and id words of a body's box, when its CMS is none of the known ones
_CONTENT_WORDS = frozenset({"content", "contents", "article", "detail", "details", "txt", "zw", "zhengwen",
                            "cont", "con", "body", "neirong", "nr"})
#: what a body's box is (an ``<img class="img_vsb_content">`` is no box)
_BOX_TAGS = frozenset({"div", "section", "article", "td", "dd", "p", "center", "table", "tbody"})


#: compound names of a body's box (``acontent``, ``infoContent``, ``newsdetail``, ``contentbox``) ...
_CONTENT_ENDS = ("content", "contents", "detail", "article", "zhengwen", "neirong")
_CONTENT_STARTS = ("content", "article", "detail")
#: ... unless a part of a word names the page's frame or a sidebar (``footer-content``, ``nav-con``,
#: ``footcontent``, ``contentlist``, ``rightContent``, ``tabcontent``, ``relatedArticle``, ``hotarticle``)
_FRAME_PARTS = ("foot", "copyright", "head", "nav", "menu", "side", "banner", "share", "list", "bottom",
                "right", "left", "tab", "related", "xg", "hot", "comment", "recommend", "more", "link", "title")
#: the words of a class or id: lower-case runs, a camelCase name split (infoContent: info, content)
_MARKER_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


def _marker_words(marker: str) -> list[str]:
    """The lower-case words of a class or id marker (``box_footer`` → box, footer)."""
    return [word.lower() for word in _MARKER_WORDS.findall(marker)]


@lru_cache(maxsize=SEEN_MARKERS)
def _names_content(marker: str) -> bool:
    """Whether a class or id marker names a body's box, and nothing of the page's frame, a
    sidebar or the headline's box (``layout_txtcontent_title``)."""
    words = _marker_words(marker)
    if any(part in word for word in words for part in _FRAME_PARTS):
        return False
    return any(word in _CONTENT_WORDS or word.endswith(_CONTENT_ENDS) or word.startswith(_CONTENT_STARTS)
               for word in words)


def _content_named(page: Page, after: int | None) -> list[etree._Element]:
    """The innermost elements whose class or id names a body's box, starting at or after
    ``after`` (the headline's end; none without a headline), in page order."""
    if after is None:
        return []
    named = [el for el, marker in page.marked
             if el.tag in _BOX_TAGS and _names_content(marker)
             and (span := page.span(el)) is not None and span[0] >= after]
    outer = {ancestor for el in named for ancestor in el.iterancestors()}
    return [el for el in named if el not in outer]


def _media_only(el: etree._Element) -> bool:
    """Holds an image or a document link, and links to nothing else (a list of articles or a
    menu is never a notice's body)."""
    hrefs = []
    for a in el.iter("a"):
        href = (a.get("href") or "").strip()
        target = link_target(href) if next(a.iter("img"), None) is None else None
        # a script link counts by the file it opens; one that opens none (查看原图, 收藏) is no link
        if target and not target.startswith("#") and (
                ATTACHMENT_EXT.search(target) or not href.lower().startswith("javascript:")):
            hrefs.append(target)
    if not all(ATTACHMENT_EXT.search(h) for h in hrefs):
        return False
    return bool(hrefs) or any(img.get("src") or img.get("data-src") for img in el.iter("img"))


def _own_text(el: etree._Element) -> str:
    """Text directly inside an element (its text and its children's tails)."""
    # el[:] builds the child list in C: cheaper than iterating the element
    return (el.text or "") + "".join(filter(None, map(_TAIL, el[:])))


def _block_of(el: etree._Element) -> etree._Element:
    """The nearest block ancestor-or-self: text in <span>/<font> belongs to its paragraph."""
    while el.tag in _INLINE_TAGS:
        parent = el.getparent()
        if parent is None:
            break
        el = parent
    return el


def _paragraph_texts(page: Page) -> dict[etree._Element, str]:
    """Visible own text gathered per block element."""
    blocks: dict[etree._Element, list[str]] = {}
    spans = page.spans
    for el in page.root.iter(_TEXT_TAGS):
        if el not in spans:
            continue
        own = (_own_text(el) if len(el) else el.text or "").strip()
        if own:
            block = _block_of(el) if el.tag in _INLINE_TAGS else el  # most are blocks already
            blocks.setdefault(block, []).append(own)
    return {block: "".join(texts) for block, texts in blocks.items()}


def _no_vote(own: str) -> bool:
    """_NO_VOTE.search, run only when the text holds something every match needs.

    A case-insensitive search is slow over long paragraphs; plain substring tests rule out
    nearly all of them. "copyr" stands for Copyright: c, o, p, y and r have no non-ASCII case
    variants, so lower() finds it wherever the regex would.
    """
    if len(own) <= _MAX_CONTACT_ROW and ("：" in own or ":" in own) \
            and len(_CONTACT_LABEL.findall(own)) >= _CONTACT_LABELS_IN_FOOTER:
        return True
    if not (
        "备" in own or "证" in own or "网站标识码" in own or "版权所有" in own or "©" in own
        or own.startswith(_NO_VOTE_LABELS + _ORGANISER_LABELS) or "copyr" in own.lower()
    ):
        return False
    return _NO_VOTE.search(own) is not None


def _menu_row(own: str) -> bool:
    """A block's own text is a menu's separators (丨 丨 丨 欢迎登录) or a breadcrumb's (> > > the
    headline): the words are in its links, and it is no paragraph of a body."""
    if len(own) < _MAX_CRUMB and len(own.translate(_NOT_WORDS)) < _MIN_PARAGRAPH:
        return True
    return len(own) <= _MAX_CRUMB and sum(map(own.count, _CRUMB_MARKS)) >= 2 and not _PROSE_MARKS.search(own)


#: links in one block that make it a menu when its text is theirs and holds no punctuation
_MENU_LINKS = 3
#: the share of a menu block's text that its links hold
_MENU_LINK_SHARE = 0.8


def _link_menu(page: Page, block: etree._Element, own: str) -> bool:
    """A block whose text is the names of several links, without a mark of prose (公司简介 公司股东
    联系我们 …): a menu, however long, and no paragraph of a body."""
    if _PUNCT.search(own) or sum(1 for _ in block.iter("a")) < _MENU_LINKS:
        return False
    span = page.span(block)
    return span is not None and link_ratio(page, *span) >= _MENU_LINK_SHARE


#: paragraphs straight under <body> that make <body> itself a candidate container
_MIN_BODY_PARAGRAPHS = 3


def _density(page: Page) -> Container | None:
    """Readability-style scoring: paragraphs vote for their parent and grandparent."""
    scores: dict[etree._Element, float] = {}
    headings = set(page.headings)  # the headline block is not a paragraph of the body
    body_paragraphs = 0  # paragraphs that are children of <body> itself: a template without a box
    for block, own in _paragraph_texts(page).items():
        if len(own) < _MIN_PARAGRAPH or _no_vote(own) or block in headings or _menu_row(own) \
                or _link_menu(page, block, own):
            continue
        vote = 1 + len(_PUNCT.findall(own)) + min(len(own) / 100, 3)
        scores[block] = scores.get(block, 0.0) + vote * 0.3
        parent = block.getparent()
        if parent is None:
            continue
        scores[parent] = scores.get(parent, 0.0) + vote
        if parent.tag == "body":
            body_paragraphs += 1
        grand = parent.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0.0) + vote / 2
    best: tuple[float, etree._Element] | None = None
    for el, score in scores.items():
        span = page.span(el)
        if not span or el.tag == "html" or el.tag in _INLINE_TAGS:
            continue
        if el.tag == "body" and body_paragraphs < _MIN_BODY_PARAGRAPHS:
            continue  # the whole page is the body only where paragraphs sit straight in it
        score *= 1 - link_ratio(page, *span)
        # a box the page names as its footer never wins, nor a banner's slogan (asked only of a
        # would-be winner)
        if (best is None or score > best[0]) and not _in_footer(el) and not _banner_slogan(page, el):
            best = (score, el)
    if best is None:
        return None
    span = page.span(best[1])
    return Container(span[0], span[1], best[1])


#: class and id words of a page's footer: its text is the site's, never an article's
_FOOTER_WORDS = frozenset({"footer", "foot", "copyright", "copyrights", "banquan"})


def _in_footer(el: etree._Element) -> bool:
    """The element is, or sits in, a box its page names as the footer (``box_footer``,
    ``footer_wrap``, ``copyright``)."""
    return in_named_box(el, lambda marker: not _FOOTER_WORDS.isdisjoint(_marker_words(marker)))


def _banner_slogan(page: Page, el: etree._Element) -> bool:
    """The element is, or sits in, a box its page names as the banner, and holds no sentence:
    the slogan under a section's picture (以全方位寿险为核心，涵盖…), not a photo story's slides."""
    span = page.span(el)
    return span is not None and in_named_box(el, lambda marker: "banner" in _marker_words(marker)) \
        and not SENTENCE_END.search(page.text, *span)


def find_container(page: Page) -> Container | None:
    """The article body range: Hanweb markers, a known container, or the densest block."""
    return _hanweb(page) or _known(page) or _density(page)
