"""The headline as displayed: a heading that agrees with <title>/ArticleTitle, not <title> itself."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urljoin

from lxml import etree

from govcrawl.extract.chrome import is_widget_row
from govcrawl.extract.metadata import meta_value
from govcrawl.extract.page import Page, find_all, in_named_box
from govcrawl.extract.vocabulary import AUTHOR_LABELS, DATE_LABELS, DATE_SHAPE, SOURCE_LABELS, alternation

_MINOR_HEADINGS = ("h5", "h6")
#: blocks that may hold the headline when no heading agrees with the references
_SHORT_BLOCKS = ("p", "div", "td", "span", "strong", "font", "b")
#: blocks that may hold the headline when their text is exactly <title>'s: these and a <dl>'s
#: <dt> (a teaser's <dt> over a dated summary is no headline unless <title> says so)
_EXACT_BLOCKS = (*_SHORT_BLOCKS, "dt")
_SPLIT_SUFFIX = re.compile(r"\s*(?:[-_|｜—–]+)\s*")
_SPACES = re.compile(r"[ \t\x1f]+")
_NORM_DROP = re.compile(r"[\s\u3000\xa0\x1f]+")
#: the labels of the rows around a headline: 发布时间, 来源, 作者 …
_FIELD_LABELS = alternation(DATE_LABELS + SOURCE_LABELS + AUTHOR_LABELS) + r"|来\s源|來\s源"
#: lines inside a title block that are not the headline: bylines, 来源/时间 rows, counters, and
#: a date line (2017-06-26 某某新闻); a headline may start with a date (2017年6月26日起地铁试点…)
_NOT_HEADLINE = re.compile(rf"^(?:{_FIELD_LABELS}|浏览|点击|字号|字体)|^[\s(（]*{DATE_SHAPE}日?(?![\w\u201c《])"
                           r"|^(?:查看|阅读|访问|阅览)(?:次数|数|量)?\s*[:：]")
_TRAILING_DATE = re.compile(rf"\s*[(（]\s*{DATE_SHAPE}\s*日?\s*[)）]\s*$")
#: a date or 来源/时间 field starting a new element after the headline
#: (<h2>标题<small>2023-08-19 <span>来源：…</span></small></h2>)
_TRAILING_FIELD = re.compile(rf"\x1f[\s\x1f]*(?:{DATE_SHAPE}|(?:{_FIELD_LABELS}|字号|字体)\s*[:：]).*$")
_CHROME_TITLE = re.compile(r"更多|>>|>\s*$|扫一扫|分享|当前位置|首页")
#: what follows a headline: its date or 发布时间/来源 row (a footer heading has none)
_FIELD_AFTER = re.compile(rf"[\s\x1f]*(?:(?:{_FIELD_LABELS})\s*[:：]|{DATE_SHAPE})")
MIN_TITLE = 4
#: a headline is never cut in the middle of a sentence (a calendar cell's …学生报到注册），)
_CLAUSE_ENDS = ("，", "、", "；", ",", ";")
#: how much less an exact match with each later reference title counts
EXACT_RANK_STEP = 0.001
_MAX_TITLE = 120


def norm(text: str) -> str:
    """Compare form of a title: no whitespace at all."""
    return _NORM_DROP.sub("", text)


@lru_cache(maxsize=1024)
def _bigrams(text: str) -> frozenset[str]:
    """Character bigrams of a normalised text (cached: the references recur for every candidate)."""
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


def _agreement(candidate: str, refs: list[str]) -> float:
    """How well a candidate headline agrees with the reference titles (0…1)."""
    best = 0.0
    grams = _bigrams(candidate)
    for rank, ref in enumerate(refs):
        if candidate == ref:
            # ties go to the earlier reference: <title>'s leading segment (标题_网站) before its
            # longest, which may be the site's name on its logo heading
            return 1.0 - EXACT_RANK_STEP * min(rank, 9)
        if candidate in ref:
            best = max(best, 0.6 + 0.35 * len(candidate) / len(ref))
            continue
        ref_grams = _bigrams(ref)
        if grams and ref_grams:
            best = max(best, len(grams & ref_grams) / max(len(grams), len(ref_grams)) * 0.9)
    return best


def _references(page: Page, meta: dict[str, str]) -> list[str]:
    """ArticleTitle, og:title and <title> (whole, and its longest segment without the site name)."""
    refs = [meta_value(meta, "ArticleTitle", "og:title", "NewsArticleTitle") or ""]
    for el in find_all(page.root, "title"):
        whole = "".join(el.itertext()).strip()
        refs.append(whole)
        segments = [s for s in _SPLIT_SUFFIX.split(whole) if s]
        if len(segments) > 1:
            # the headline leads (标题_栏目_网站) even when the site name is the longer segment
            refs.extend((segments[0], max(segments, key=len)))
    return [r for r in dict.fromkeys(norm(r) for r in refs) if len(r) >= MIN_TITLE]


def headline_text(page: Page, el: etree._Element) -> str | None:
    """An element's visible text as a headline: byline, date and 来源 lines dropped, lines joined."""
    span = page.span(el)
    if span is None:
        return None
    kept: list[str] = []
    end = span[0] - 1
    for line in page.text[span[0] : span[1]].split("\n"):
        start, end = end + 1, end + 1 + len(line)
        if not line:
            continue
        if kept and page.link_chars(start, end) * 2 > len(line.strip()):
            continue  # a row of links under the headline ([网站名] [手机版本] [扫描分享])
        if "\x1f" in line:  # a trailing field starts a new element: no \x1f, nothing to cut
            line = _TRAILING_FIELD.sub("", line)
        line = _SPACES.sub(" ", line).strip()
        if line and not _NOT_HEADLINE.match(line):
            kept.append(line)
    kept = kept[:1] + [line for line in kept[1:] if not is_widget_row(line)]
    headline = _TRAILING_DATE.sub("", "".join(kept)).strip()
    # a headline has words: a phone number or a count in a heading is a widget's
    return headline if any(map(str.isalpha, headline)) else None


def _best(
    page: Page, elements: list[etree._Element], refs: list[str], floor: float
) -> tuple[float, str, etree._Element] | None:
    """The element whose headline text agrees best with the references."""
    best: tuple[float, str, etree._Element] | None = None
    longest = max((len(r) for r in refs), default=0) * 3 + 200
    # an exact match needs at least as many characters as the shortest reference
    shortest = min((len(r) for r in refs), default=0) if floor >= 0.99 else 0
    # and only an exact match reaches 0.99: the element's text must hold a reference's first
    # character (a cheap test that spares headline_text for nearly every block)
    firsts = {r[0] for r in refs} if floor >= 0.99 else None
    spans, text = page.spans, page.text
    for el in elements:
        span = spans.get(el)
        if span is None or not shortest <= span[1] - span[0] <= longest:
            continue
        if firsts is not None and not any(text.find(first, *span) >= 0 for first in firsts):
            continue
        headline = headline_text(page, el)
        if not headline or not MIN_TITLE <= len(headline) <= _MAX_TITLE or _in_logo(el):
            continue
        score = _agreement(norm(headline), refs)
        if score >= floor and (best is None or score > best[0] + 1e-9):
            best = (score, headline, el)
    return best


#: how far up a logo's box may sit from the text that names the site
_LOGO_DEPTH = 3


def _in_logo(el: etree._Element) -> bool:
    """The element is, or sits in, the page's logo box (``<div id="logo"><a>唐山教育网</a>``):
    the site's name, which <title> carries too, is no headline."""
    return in_named_box(el, lambda marker: "logo" in marker.lower(), _LOGO_DEPTH)


def _short_headline(page: Page) -> tuple[str, etree._Element] | None:
    """A headline too short to compare (泥塑, 亲情, a teacher's name 张敏子): a heading, no link, whose
    text is exactly the leading segment of a <title> that names the site after it
    (泥塑-苏州市第一初级中学), where the page gives no ArticleTitle."""
    leads = set()
    for el in find_all(page.root, "title"):
        segments = [s for s in _SPLIT_SUFFIX.split("".join(el.itertext()).strip()) if s]
        if len(segments) > 1 and 2 <= len(norm(segments[0])) < MIN_TITLE:
            leads.add(norm(segments[0]))
    for el in page.headings if leads else ():
        # a heading that is a link (a sidebar's 通知 over its column) or chrome is no headline
        if next(el.iter("a"), None) is not None or _in_logo(el):
            continue
        if (headline := headline_text(page, el)) and norm(headline) in leads and not _CHROME_TITLE.search(headline):
            return headline, el
    return None


def _first_heading(page: Page, elements: list[etree._Element], url: str | None) -> tuple[str, etree._Element] | None:
    """Without a usable <title>: the first heading followed by its date or 来源 row (a styled
    <p> or <td> where the template has no heading: EmpireCMS and many table layouts), else the
    first real h1, else the first title-like heading; never one that links to another page (a
    list's item, a menu's), though many templates link the headline to its own page."""
    dated = [el for el in [*elements, *find_all(page.root, *_MINOR_HEADINGS)] if _dated(page, el)]
    dated += [el for el in find_all(page.root, *_SHORT_BLOCKS) if _dated(page, el) and not len(el)]
    for tags in ("dated", ("h1",), ("h2", "h3", "ucaptitle"), None):
        for el in dated if tags == "dated" else elements:
            if tags not in ("dated", None) and el.tag not in tags:
                continue
            text = headline_text(page, el)
            if text and 6 <= len(text) <= _MAX_TITLE and not _CHROME_TITLE.search(text) and not _in_logo(el) \
                    and not _linked(page, el, url) and not text.endswith(_CLAUSE_ENDS):
                return text, el
    return None


def _linked(page: Page, el: etree._Element, url: str | None) -> bool:
    """The element sits in a link to another page, or most of its text is such links': the name
    of another page (a menu's item, a list's headline), not this page's headline. A link to the
    page itself (<h1><a href="./t1.html">标题</a></h1>, href="#") is a headline's."""
    if any(_elsewhere(a.get("href"), url) for a in el.iterancestors("a")):
        return True
    start, end = page.span(el) or (0, 0)
    linked = sum(span[1] - span[0] for a in el.iter("a") if _elsewhere(a.get("href"), url) and (span := page.span(a)))
    return linked * 2 > len(page.text[start:end].strip())


def _elsewhere(href: str | None, url: str | None) -> bool:
    """Whether a link leads to another page than ``url`` (any page, when the URL is not known);
    a script's link (``javascript:;``, a list item's opener) is taken for one."""
    href = (href or "").strip()
    if not href or href.startswith("#") or href == "./":
        return False
    return url is None or urljoin(url, href).split("#", 1)[0] != url.split("#", 1)[0]


def _dated(page: Page, el: etree._Element) -> bool:
    """Whether the element's text is followed right away by a date or a 发布时间/来源 field."""
    span = page.span(el)
    return span is not None and _FIELD_AFTER.match(page.text, span[1]) is not None


def extract_title(page: Page, meta: dict[str, str], url: str | None = None) -> tuple[str | None, etree._Element | None]:
    """The displayed headline and its element (None when only <title> is available); ``url``
    tells a headline that links to its own page from a link to another."""
    refs = _references(page, meta)
    headings = page.headings
    found = _best(page, headings, refs, 0.6)
    if found is None or found[0] < 0.99:
        exact = _best(page, find_all(page.root, *_EXACT_BLOCKS), refs, 0.99)
        if exact is not None:
            found = exact
    if found is None:
        # a <dl>'s headline that <title> words a little differently (四川省 where <title> says 全省)
        found = _best(page, find_all(page.root, "dt"), refs, 0.6)
    if found is not None:
        return found[1], found[2]
    first = _first_heading(page, headings, url)
    if first is not None:
        return first
    fallback = meta_value(meta, "ArticleTitle", "og:title")
    if not fallback and (short := _short_headline(page)) is not None:
        return short
    return fallback or (max(refs, key=len) if refs else None), None
