"""A fetched page decoded and parsed once: its markup and one lxml tree, which the record, the list
reader, the page-kind decision and the search for columns all read.

Nothing here changes the tree: every reader walks it as parsed. The list reader also reads the
links a comment keeps (markup a template switched off), so it reads a copy with those comments
opened, made once per page and only for a page that has them.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from govcrawl.extract.encoding import decode_html

#: an element of a parsed page or fragment
Element = etree._Element
#: no ID table: nothing looks elements up by id, and building it costs parse time
_PARSER = etree.HTMLParser(
    remove_comments=False, remove_pis=True, no_network=True, collect_ids=False
)
#: the same parser fed UTF-8 bytes: libxml2 reads UTF-8 natively, while a str of Chinese text
#: reaches it as UTF-16 and is converted, which costs more than encoding the str ourselves
_UTF8_PARSER = etree.HTMLParser(
    remove_comments=False, remove_pis=True, no_network=True, collect_ids=False, encoding="utf-8"
)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>")
#: an <html> tag near the top: an XHTML page, not an XML answer
_HTML_TAG = re.compile(r"<html[\s>]", re.I)
_HTML_TAG_WITHIN = 4096
#: what an element shows, as lxml.html's text_content() gives it
text_content = etree.XPath("string()", smart_strings=False)


def _parse(markup: str) -> Element | None:
    """Parse non-blank markup, as UTF-8 bytes when it encodes (lone surrogates do not)."""
    try:
        data = markup.encode("utf-8")
    except UnicodeEncodeError:
        return etree.fromstring(markup, _PARSER)
    return etree.fromstring(data, _UTF8_PARSER)


def parse_html(markup: str) -> Element:
    """Parse HTML with the plain lxml parser (no HtmlElement class lookup: faster)."""
    markup = _XML_DECL.sub("", markup, count=1)
    root = _parse(markup) if markup and not markup.isspace() else None  # strip() would copy it
    return root if root is not None else etree.fromstring("<html><body></body></html>", _PARSER)


def parse_fragment(markup: str) -> Element | None:
    """A tree of markup shipped inside a page (a script's records or writes); None when blank."""
    if not markup.strip():
        return None
    try:
        return lxml.html.fromstring(markup)
    except (etree.ParserError, ValueError):
        return None


@dataclass(slots=True, eq=False)
class ParsedPage:
    """One page, decoded once and parsed once."""

    #: the decoded markup (regular expressions read scripts and comments in it)
    markup: str
    #: the page's one tree, as parsed: never changed
    root: Element
    _opened: Element | None = None
    _fragments: dict[str, Element | None] = field(default_factory=dict)

    def html_root(self) -> Element | None:
        """The tree, unless the page is an XML document (a Hanweb data proxy's answer): its records
        are read from its markup, and the links its CDATA holds are no pager."""
        if _XML_DECL.match(self.markup) and not _HTML_TAG.search(self.markup, 0, _HTML_TAG_WITHIN):
            return None
        return self.root

    def opened(self) -> Element | None:
        """The tree with every comment that holds a link opened up, as the list reader reads it:
        the page's own tree when no comment does; None for an XML document."""
        if self._opened is None and (root := self.html_root()) is not None:
            self._opened = _open_comments(root)
        return self._opened

    def fragment(self, markup: str) -> Element | None:
        """Markup the page ships in a script, parsed once however many readers ask for it."""
        if markup not in self._fragments:
            self._fragments[markup] = parse_fragment(markup)
        return self._fragments[markup]


def parse_page(body: bytes | str, http_encoding: str | None = None) -> ParsedPage:
    """Decode a fetched page and parse it: the one parse every reader of the page shares."""
    markup = decode_html(body, http_encoding)
    return ParsedPage(markup, parse_html(markup))


def as_parsed(page: ParsedPage | bytes | str, http_encoding: str | None = None) -> ParsedPage:
    """A page as given, or parsed now from its markup (a saved file, a test's snippet)."""
    return page if isinstance(page, ParsedPage) else parse_page(page, http_encoding)


def holds_link(comment: str) -> bool:
    """Whether a comment's text is markup with a link in it."""
    low = comment.lower()
    return "<a " in low and "href" in low


def _open_comments(root: Element) -> Element:
    """A copy of the tree with link-holding comments replaced by their parsed markup."""
    if not any(holds_link(c.text or "") for c in root.iter(etree.Comment)):
        return root
    opened = copy.deepcopy(root)
    for comment in [c for c in opened.iter(etree.Comment) if holds_link(c.text or "")]:
        _splice(comment)
    return opened


def _splice(comment: Element) -> None:
    """Put a comment's markup in its place, its text joined to the text around it."""
    parent = comment.getparent()
    if parent is None:
        return
    inner = _parse(f"<html><body>{comment.text}</body></html>")
    body = inner.find("body") if inner is not None else None
    kids = list(body) if body is not None else []
    previous, index, tail = comment.getprevious(), parent.index(comment), comment.tail
    parent.remove(comment)
    parent[index:index] = kids
    _append_text(parent, previous, body.text if body is not None else None)
    _append_text(parent, kids[-1] if kids else previous, tail)


def _append_text(parent: Element, before: Element | None, text: str | None) -> None:
    """Add text after an element (to its tail), or at the start of the parent when none."""
    if not text:
        return
    if before is None:
        parent.text = (parent.text or "") + text
    else:
        before.tail = (before.tail or "") + text
