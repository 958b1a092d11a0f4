"""Lists a page loads instead of linking them: frames, zTree and JSON menus, ``document.write``
menu items, and the first request of a Hanweb column whose records only its data proxy serves.

A 政府信息公开 catalogue loads each category's list into an ``<iframe>`` when a zTree node is
clicked; a Hanweb column page may hold no record at all, only the jpage script that asks
``dataproxy.jsp`` for them. Neither shows up among the page's links. Every URL found here is a
candidate list, no more: whether it is one is for the list reader to say when it is fetched.
"""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import urldefrag, urljoin, urlparse

from govcrawl.extract.document import Element, ParsedPage, as_parsed
from govcrawl.extract.listing.inline import written
from govcrawl.extract.listing.pagination import ListRequest, hanweb_first_request
from govcrawl.extract.listing.shapes import DEFAULT_ARTICLE_PATTERN
from govcrawl.extract.listing.structure import IGNORED_SCHEMES, link_text

#: one object of a zTree ``zNodes`` array or a JSON menu, innermost first (no nested braces)
NODE = re.compile(r"\{[^{}]{1,2000}\}")
#: a node's link: url:"list.jsp?cat=1", "url":"…", href: '…'
#: (a string the script goes on to concatenate, 'list.jsp?cat=' + id, is no URL)
NODE_URL = re.compile(
    r"""(?<![\w$])['"]?(?:url|href|link|linkUrl)['"]?\s*:\s*(['"])([^'"\s]+)\1(?!\s*\+)""", re.I)
NODE_NAME = re.compile(r"""(?<![\w$])['"]?(?:name|title|text)['"]?\s*:\s*(['"])([^'"]{1,40})\1""", re.I)
#: a node that carries a date is an article of an inline list (UCAP listData), not a menu item
NODE_DATE = re.compile(r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}")
_ESCAPE = re.compile(r"\\(['\"/])")
#: files, scripts and styles: never a list
FILE = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|wps|zip|rar|7z|jpe?g|png|gif|bmp|svg|mp[34]|flv|apk|js|css|json)$",
                  re.I)
#: a menu item's name is short; a longer link text is a headline
MAX_NAME_CHARS = 12
#: a frame this size shows nothing: a counter or a cookie keeper, not a list
HIDDEN_SIZES = ("0", "0px", "1", "1px")


def embedded_lists(html: ParsedPage | str, url: str) -> list[ListRequest]:
    """Candidate lists a page loads but does not link: ``<iframe>``/``<frame>`` sources, zTree and
    JSON menu nodes, links written by ``document.write``, and a Hanweb data-proxy request; each
    URL once, on the page's site, in that order. Frames and menus are other lists
    (``rel="list"``); the proxy request is the page's own list (``rel="page"``, page 1)."""
    page = as_parsed(html)
    found = [*_frames(page.html_root(), url), *_nodes(page.markup, url), *_written(page, url)]
    if proxy := hanweb_first_request(page.markup, url):
        found.append(proxy)
    own = urldefrag(url).url
    unique: dict[str, ListRequest] = {}
    for request in found:
        if request.url == own or not (request.formdata is not None or _may_be_list(request.url, url)):
            continue
        kept = unique.setdefault(request.url, request)
        if not kept.name and request.name:  # the iframe's default list is named by its zTree node
            unique[request.url] = replace(kept, name=request.name)
    return list(unique.values())


def _frames(root: Element | None, url: str) -> list[ListRequest]:
    """The pages a page's frames show, unless hidden."""
    if root is None:
        return []
    found = []
    for frame in root.iter("iframe", "frame"):
        hidden = "display:none" in (frame.get("style") or "").replace(" ", "").lower()
        if hidden or frame.get("width") in HIDDEN_SIZES or frame.get("height") in HIDDEN_SIZES:
            continue
        if target := _absolute(frame.get("src"), url):
            found.append(ListRequest(target, rel="list", name=" ".join((frame.get("title") or "").split())))
    return found


def _nodes(html: str, url: str) -> list[ListRequest]:
    """The links of menu objects in scripts: {id:31, pId:3, name:"规划计划", url:"list.jsp?cat=1"}."""
    found = []
    for node in NODE.finditer(html):
        text = node.group(0)
        link, name = NODE_URL.search(text), NODE_NAME.search(text)
        # a menu item is named; an inline article list's objects carry dates
        if link is None or name is None or NODE_DATE.search(text):
            continue
        if target := _absolute(_ESCAPE.sub(r"\1", link.group(2)), url):
            found.append(ListRequest(target, rel="list", name=name.group(2).strip()))
    return found


def _written(page: ParsedPage, url: str) -> list[ListRequest]:
    """Short links and frames that ``document.write`` strings put on the page (a menu item, not a
    headline: a list written by script is read by the list reader itself)."""
    writes = "".join(written(page.markup))
    root = page.fragment(f"<div>{writes}</div>") if "<" in writes else None
    if root is None:
        return []
    found = _frames(root, url)
    for a in root.iter("a"):
        name = link_text(a)
        if len(name) <= MAX_NAME_CHARS and (target := _absolute(a.get("href"), url)):
            found.append(ListRequest(target, rel="list", name=name))
    return found


def _absolute(href: str | None, url: str) -> str | None:
    """An http(s) URL from a src or href, without its fragment; None for scripts and blanks."""
    href = (href or "").strip()
    # quotes in a written href are the script's string concatenation ("+url+"), not a URL
    if not href or href.lower().startswith((*IGNORED_SCHEMES, "about:", "data:")) or any(c in href for c in "'\""):
        return None
    absolute = urldefrag(urljoin(url, href)).url
    return absolute if absolute.startswith(("http://", "https://")) else None


def _may_be_list(target: str, page_url: str) -> bool:
    """On the page's site, and not a file or an article."""
    path = urlparse(target).path
    return _same_site(target, page_url) and not FILE.search(path) and not DEFAULT_ARTICLE_PATTERN.search(path)


def _same_site(target: str, page_url: str) -> bool:
    """Same host, or a host under the page's domain (xxgk.x.gov.cn beside www.x.gov.cn)."""
    host, page_host = urlparse(target).hostname or "", urlparse(page_url).hostname or ""
    domain = page_host.removeprefix("www.")
    return host in (page_host, domain) or host.endswith(f".{domain}")
