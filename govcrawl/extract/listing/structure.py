"""The main list of a page found by structure: repeated sibling items, one headline link each."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import islice
from urllib.parse import urldefrag, urljoin, urlparse

from lxml import etree

from govcrawl.extract.document import Element, text_content
from govcrawl.extract.listing.shapes import BYLINE, DATE_TEXT, NEIGHBOUR_LABEL, article_evidence, in_chrome

#: elements that repeat as the items of a list (an ``a`` repeats bare, dates in its tail; some
#: CMS families give each item a ``table`` or a ``dl`` of its own, headline in dt, summary in dd)
ITEM_TAGS = frozenset({"li", "tr", "dd", "dt", "dl", "div", "p", "article", "section", "h2", "h3", "h4", "a",
                       "table"})
#: a headline is at least this many characters; menu entries are shorter (首页, 政务公开)
HEADLINE_CHARS = 6
IGNORED_SCHEMES = ("javascript:", "mailto:", "tel:", "#")
#: a list in navigation, a header, a footer or a sidebar keeps this share of its score
CHROME_FACTOR = 0.3
MAX_ITEM_LINKS = 4
MAX_ITEM_CHARS = 500
#: ... or this many characters as shown (white space runs as one): a card's headline, date and summary
MAX_SHOWN_CHARS = 180
#: never a body, whatever paragraphs they hold
NOT_BODY_TAGS = frozenset({"head", "script", "style", "noscript", "template", "ul", "ol", "dl", "table", "tr"})
#: tags that make an element a container of blocks (or of data) rather than a paragraph
BLOCK_TAGS = frozenset({"div", "p", "ul", "ol", "dl", "table", "section", "article", "form", "h1", "h2", "h3",
                        "h4", "h5", "h6", "header", "footer", "nav", "aside", "script", "style", "noscript",
                        "template", "iframe", "textarea", "select"})
#: the text runs a reader sees (not those of scripts and styles)
_TEXTS = etree.XPath("//text()[not(ancestor::script) and not(ancestor::style)]")
#: ... and those of one element
_SHOWN_TEXTS = etree.XPath(".//text()[not(ancestor::script) and not(ancestor::style)]", smart_strings=False)
#: how many wrapper levels up look-alike blocks of one list are sought
MERGE_DEPTH = 2


@dataclass(slots=True)
class Item:
    """One entry of a list: its main link, that link's text, and whether the entry shows a date."""

    url: str
    text: str
    dated: bool = False


@dataclass(slots=True)
class Candidate:
    """A run of sibling items that may be the page's main list, with the evidence's weight."""

    items: list[Item]
    score: float
    container: Element | None = None
    parts: list[Element] = field(default_factory=list)


def link_url(a: Element, base_url: str) -> str | None:
    """The absolute http(s) URL of a link, None for script, mail and in-page links."""
    href = (a.get("href") or "").strip()
    # quotes in an href are a script's string concatenation ("+url+"), not a URL
    if not href or href.lower().startswith(IGNORED_SCHEMES) or any(c in href for c in "'\""):
        return None
    if href.endswith("#"):  # a script's hook (a share button's ``index.html#``), not a link
        return None
    absolute = urldefrag(urljoin(base_url, href)).url
    return absolute if absolute.startswith(("http://", "https://")) else None


def link_text(a: Element) -> str:
    """The longer of a link's text and its title (list titles are often cut with …); a card (a
    link around a headline block, a summary and a date) reads as its headline."""
    text = card_headline(a)
    if text is None:
        text = " ".join(text_content(a).split())
    title = " ".join((a.get("title") or "").split())
    return title if len(title) > len(text) else text


def card_headline(a: Element) -> str | None:
    """The headline of a link laid out as a card: the text of its first innermost block long
    enough for one; None when the link holds no block (a plain link)."""
    if not any(isinstance(child.tag, str) and child.tag in BLOCK_TAGS for child in a):
        return None
    for block in a.iterdescendants(*BLOCK_TAGS):
        if any(isinstance(d.tag, str) and d.tag in BLOCK_TAGS for d in block.iterdescendants()):
            continue  # a wrapper: the headline is in one of its blocks
        text = " ".join(text_content(block).split())
        if len(text) >= HEADLINE_CHARS:
            return text
    return ""


def find_lists(root: Element, page_url: str) -> list[Candidate]:
    """Every run of sibling items carrying headline links, best evidence first."""
    candidates = []
    for parent in root.iter():
        if not isinstance(parent.tag, str):
            continue
        groups: dict[str, list[Element]] = defaultdict(list)
        for child in parent:
            if child.tag in ITEM_TAGS:
                groups[child.tag].append(child)
        for children in groups.values():
            if len(children) >= 2 and (found := _candidate(children, parent, page_url)):
                candidates.append(found)
    return sorted(candidates, key=lambda c: -c.score)


def _candidate(children: list[Element], parent: Element, page_url: str) -> Candidate | None:
    items = [item for child in children if (item := _item(child, page_url))]
    headlines = [item for item in items if len(item.text) >= HEADLINE_CHARS]
    if len(headlines) < 2:
        return None
    evidence = [article_evidence(item.url, page_url) for item in headlines]
    if sum(evidence) < 0 and sum(item.dated for item in headlines) * 2 < len(headlines):
        return None  # links to columns and portals, undated: a menu, whatever its look
    host = urlparse(page_url).hostname
    score = sum(_item_score(item, page_url, host) for item in headlines) * len(headlines) / len(items)
    if in_chrome(children[0]):
        score *= CHROME_FACTOR
    return Candidate(items, score, parent, children)


def _item_score(item: Item, page_url: str, host: str | None) -> float:
    offsite = urlparse(item.url).hostname != host
    return (1 + min(len(item.text), 30) / 30 + item.dated + article_evidence(item.url, page_url)
            - offsite)


def _item(element: Element, base_url: str) -> Item | None:
    """An element's main link, or None when it has none or is a block of several headlines."""
    anchors = [element] if element.tag == "a" else element.iter("a")
    # an item is small: a headline, perhaps a picture, a category, a 详情 link and a summary;
    # a layout table holding a whole page is given up at its fifth link, not read through
    found = list(islice(((a, url) for a in anchors if (url := link_url(a, base_url))), MAX_ITEM_LINKS + 1))
    if not found or len(found) > MAX_ITEM_LINKS:
        return None
    links = [(url, link_text(a)) for a, url in found]
    if len({url for url, text in links if len(text) >= HEADLINE_CHARS}) > 2:
        return None
    (url, text), anchor = max(zip(links, (a for a, _ in found), strict=True), key=lambda pair: len(pair[0][1]))
    shown = _shown_text(element) + (element.tail or "" if element.tag == "a" else "")
    # a card's summary is the item's own text, however long: only what lies outside it is capped;
    # a template's indentation may pass the cap where the words shown stay a card's few
    card = text_content(anchor) if card_headline(anchor) is not None else ""
    if len(shown) - len(card) > MAX_ITEM_CHARS and _shown_chars(shown) - _shown_chars(card) > MAX_SHOWN_CHARS:
        return None
    return Item(url, text, DATE_TEXT.search(shown) is not None)


def _shown_chars(text: str) -> int:
    """How many characters a text shows: its white space runs count as one."""
    return len(" ".join(text.split()))


def _shown_text(element: Element) -> str:
    """The text an element shows: a share button's inline configuration script is none of it."""
    if next(element.iter("script", "style"), None) is None:
        return text_content(element)
    return "".join(_SHOWN_TEXTS(element))


def merge_siblings(best: Candidate, candidates: list[Candidate]) -> list[Item]:
    """The best list's items, with those of look-alike lists beside it (a list cut into blocks).

    The blocks may sit side by side or each in a wrapper of its own (div.cnt > ul.list, repeated),
    so look-alikes are sought among the siblings of the list and of its nearest wrappers.
    """
    if best.container is None:
        return best.items
    key = _shape(best)
    for depth in range(MERGE_DEPTH + 1):
        anchor = _ancestor(best.container, depth)
        if anchor is None or anchor.getparent() is None:
            break
        # keyed by the element itself, which keeps lxml's proxy (and so its identity) alive
        twins: dict[Element, Candidate] = {}
        for c in candidates:
            if c.container is None or _shape(c) != key:
                continue
            node = _ancestor(c.container, depth)
            if node is not None and node.getparent() is anchor.getparent() and _same_tag(node, anchor):
                twins[node] = c
        if len(twins) >= 2:
            return [item for node in anchor.getparent() if (c := twins.get(node)) for item in c.items]
    return best.items


def _shape(c: Candidate) -> tuple[str, str | None, str]:
    return c.container.tag, c.container.get("class"), c.parts[0].tag


def _ancestor(node: Element, depth: int) -> Element | None:
    for _ in range(depth):
        node = node.getparent()
        if node is None:
            return None
    return node


def _same_tag(a: Element, b: Element) -> bool:
    return a.tag == b.tag and a.get("class") == b.get("class")


def body_chars(root: Element) -> int:
    """Characters of running text outside links in the page's wordiest block (an article body)."""
    best = 0
    # a card's summary is a link's text, never a body (a list of cards, each one <a>)
    in_links = {d for a in root.iter("a") for d in a.iterdescendants()}
    # any element may hold the paragraphs: CMS families wrap bodies in tags of their own (<ucapcontent>)
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag in NOT_BODY_TAGS or element in in_links:
            continue
        paragraphs = [c for c in element if c.tag in ("p", "br") or (c.tag == "div" and _inline_only(c))]
        if len(paragraphs) < 2:
            continue
        chars = len("".join((element.text or "").split()))
        for child in element:
            linked = sum(len(text_content(a)) for a in child.iter("a"))
            shown = text_content(child) if child in paragraphs else ""
            chars += len("".join(shown.split())) - linked + len("".join((child.tail or "").split()))
        best = max(best, chars)
    return best


def _inline_only(element: Element) -> bool:
    """A div that holds only text and inline tags is a paragraph (TRS editors write <div><font>…)."""
    return not any(isinstance(d.tag, str) and d.tag in BLOCK_TAGS for d in element.iterdescendants())


def bylines(root: Element, items: list[Element]) -> int:
    """How many text runs outside these list items carry a byline label (来源：, 作者：)."""
    return len(_texts_outside(root, items, BYLINE.search))


def neighbour_labels(root: Element) -> int:
    """How many 上一篇/下一篇 labels the page shows."""
    return len(_texts_outside(root, [], NEIGHBOUR_LABEL.match))


def _texts_outside(root: Element, items: list[Element], wanted: Callable[[str], object]) -> list[str]:
    """The page's visible text runs that ``wanted`` accepts and no list item holds."""
    inside = set(items)
    found = []
    for text in _TEXTS(root):
        if not wanted(text):
            continue
        owner = text.getparent()
        node = owner.getparent() if text.is_tail else owner
        if node is None or not any(n in inside for n in (node, *node.iterancestors())):
            found.append(str(text))
    return found


def list_shape(candidate: Candidate) -> str | None:
    """Where a list sits, as a column's first page shows it: its container's parent, the
    container and the items' tag, each with its class and id ("div.main > ul.list > li")."""
    if candidate.container is None or not candidate.parts:
        return None
    parent = candidate.container.getparent()
    return " > ".join((_name(parent), _name(candidate.container), candidate.parts[0].tag))


def items_at(root: Element, shape: str, page_url: str) -> list[Item]:
    """The items of the one element where a list of this shape sits; none when no element, or
    more than one, has that shape (a sidebar list shaped alike makes it ambiguous)."""
    parent_name, container_name, item_tag = shape.split(" > ")
    matches = [el for el in root.iter() if isinstance(el.tag, str) and _name(el) == container_name
               and _name(el.getparent()) == parent_name]
    if len(matches) != 1:
        return []
    items = [item for child in matches[0] if child.tag == item_tag and (item := _item(child, page_url))]
    # short headlines (停水通知) count, as on the first page; a run of menu words does not
    return items if any(len(item.text) >= HEADLINE_CHARS for item in items) else []


def _name(element: Element | None) -> str:
    if element is None:
        return ""
    ident = f"#{element.get('id')}" if element.get("id") else ""
    classes = "".join(f".{c}" for c in sorted((element.get("class") or "").split()))
    return f"{element.tag}{ident}{classes}"
