"""Ground truth for the coverage bench: which saved pages of a site are articles reachable from its home.

A site is a folder ``bench/sites/<key>/`` holding a saved copy at its URL paths, and
``truth.json`` with ``home`` (the home page's path), ``hosts`` (the original host names: links
to them are links into the copy), ``article`` (a regex over the path, hand-checked for this site)
and ``articles`` (what this script derives). Reachable means: from the home page, following
links within the copy through pages that exist in it. A link is an ``href``/``src`` attribute,
or a quoted page URL in an ``onclick`` or a script (``location.href='…'``, ``window.open``,
pager calls), or a page TRS's ``createPageHTML(n, i, "index", "html")`` pager would write; HTML
comments are no links. ``.js`` files a page includes are read for the links they write
(``document.write('<a href=…>')``).

    python bench/sites/truth.py            # rewrite every site's truth.json (articles, counts)
    python bench/sites/truth.py KEY --list # print reachable pages: A (article) or - (not)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

SITES = Path(__file__).resolve().parent
PAGE = re.compile(r"(\.(s?html?|asp|aspx|php|jsp)|/|(^|/)[^./]+)$", re.IGNORECASE)
COMMENT = re.compile(rb"<!--.*?-->", re.DOTALL)
ATTR = re.compile(rb"""\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", re.IGNORECASE)
#: a quoted page URL anywhere (onclick, inline script, a .js that writes links)
QUOTED = re.compile(rb"""["']([^"'\s<>()]+\.(?:s?html?|asp|aspx|php|jsp)(?:\?[^"'\s<>]*)?)\\?["']""",
                    re.IGNORECASE)
SCRIPT_SRC = re.compile(rb"""<script[^>]*\bsrc\s*=\s*["']?([^"'\s>]+\.js)\b""", re.IGNORECASE)
TRS_PAGER = re.compile(rb"""createPageHTML\(\s*(\d+)\s*,\s*\d+\s*,\s*["']([^"']+)["']\s*,\s*["']([^"']+)["']""")
INDEX_NAMES = ("index.html", "index.htm", "index.shtml", "default.html", "default.htm")


@dataclass
class Site:
    """A saved site and its ground truth."""

    key: str
    home: str
    hosts: list[str]
    article: re.Pattern[str]
    articles: list[str] = field(default_factory=list)
    #: how many saved pages are reachable from the home page (0 until derived)
    pages: int = 0
    #: home pages of sub-sites that were hosts of their own before the copy merged them in
    #: (``/index7.html`` = a college's site): the main site's truth stops there
    subsites: re.Pattern[str] | None = None
    #: truth articles reachable without passing through a sub-site home
    articles_main: list[str] = field(default_factory=list)

    @property
    def root(self) -> Path:
        """The folder holding the saved copy."""
        return SITES / self.key


def load(key: str) -> Site:
    """Read a site's truth.json."""
    data = json.loads((SITES / key / "truth.json").read_text(encoding="utf-8"))
    return Site(key=key, home=data["home"], hosts=data["hosts"], article=re.compile(data["article"]),
                articles=data.get("articles", []), pages=data.get("reachable_pages", 0),
                subsites=re.compile(data["subsites"]) if data.get("subsites") else None,
                articles_main=data.get("articles_main", data.get("articles", [])))


def site_keys() -> list[str]:
    """Every site that has a truth.json, sorted."""
    return sorted(p.parent.name for p in SITES.glob("*/truth.json"))


def locate(root: Path, path: str, query: str = "") -> Path | None:
    """The saved file answering a URL path (and query), or None: what the server serves too.

    A directory URL is answered by its index file; a query URL by the file ``path@query``
    (none of the collected copies saved one, so such links lead nowhere, as on the copy).
    """
    rel = unquote(path).lstrip("/")
    if ".." in rel.split("/"):
        return None
    if query:
        rel = f"{rel}@{query}"
    candidate = root / rel
    try:
        if candidate.is_file():
            return candidate
        if not query and (candidate.is_dir() or rel == "" or rel.endswith("/")):
            return next((candidate / n for n in INDEX_NAMES if (candidate / n).is_file()), None)
    except OSError:  # a "link" that is a sentence: too long a name for the file system
        return None
    return None


def to_path(href: str, base: str, hosts: list[str]) -> tuple[str, str] | None:
    """(path, query) of an on-site link, resolved against the page URL ``base``; else None."""
    href = href.strip().replace("&amp;", "&")
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
        return None
    try:
        parts = urlsplit(urljoin(base, href))
        host = parts.hostname
    except ValueError:  # not a URL (``http://[init={}]`` from a script): no link, as in a browser
        return None
    if parts.scheme not in ("http", "https") or host not in hosts:
        return None
    return (parts.path or "/"), parts.query


def raw_links(body: bytes) -> list[str]:
    """Every link-like string in a page or script, comments removed."""
    body = COMMENT.sub(b"", body)
    found = [next(g for g in m.groups() if g is not None) for m in ATTR.finditer(body)]
    found += QUOTED.findall(body)
    for count, stem, ext in TRS_PAGER.findall(body):
        found += [b"%s_%d.%s" % (stem, i, ext) for i in range(1, int(count))]
    # copies name their files in UTF-8; a link in another encoding finds no file, as on the copy
    return [s.decode("utf-8", "replace").replace("\\/", "/") for s in found]


def page_links(site: Site, path: str, body: bytes) -> set[tuple[str, str]]:
    """On-site (path, query) pairs a saved page links to, including links its .js files write."""
    base = f"http://{site.hosts[0]}{path}"
    bodies = [body]
    for src in SCRIPT_SRC.findall(COMMENT.sub(b"", body)):
        target = to_path(src.decode("latin-1"), base, site.hosts)
        js = locate(site.root, *target) if target else None
        if js is not None:
            bodies.append(js.read_bytes())
    out = set()
    for blob in bodies:
        for href in raw_links(blob):
            target = to_path(href, base, site.hosts)
            if target and PAGE.search(target[0]):
                out.add(target)
    return out


def url_of(site: Site, path: str, query: str) -> str:
    """The canonical key of a page: its path (%-escapes decoded, a directory as its index file),
    with ``?query`` when it has one."""
    file = locate(site.root, path, query)
    if file is not None and path.endswith("/"):
        return "/" + file.relative_to(site.root).as_posix()
    return unquote(path) + (f"?{query}" if query else "")


def reachable(site: Site, *, main_only: bool = False) -> dict[str, Path]:
    """Every saved page reachable from the home page: canonical path -> file (``main_only``:
    without entering a sub-site)."""
    seen: dict[str, Path] = {}
    queue = deque([("/" + site.home.lstrip("/"), "")])
    stop = site.subsites if main_only else None
    while queue:
        path, query = queue.popleft()
        key = url_of(site, path, query)
        file = locate(site.root, path, query)
        if key in seen or file is None or (stop and stop.search(key)):
            continue
        seen[key] = file
        queue.extend(page_links(site, key.split("?")[0], file.read_bytes()))
    return seen


def linked_from(site: Site) -> dict[str, set[str]]:
    """For each reachable page, the reachable pages that link to it (to explain a miss)."""
    pages = reachable(site)
    parents: dict[str, set[str]] = {p: set() for p in pages}
    for path, file in pages.items():
        for target in page_links(site, path.split("?")[0], file.read_bytes()):
            key = url_of(site, *target)
            if key in parents and key != path:
                parents[key].add(path)
    return parents


def derive(site: Site) -> list[str]:
    """The sorted reachable article paths of a site."""
    return sorted(p for p in reachable(site) if site.article.search(p))


def write(key: str) -> dict[str, object]:
    """Recompute a site's articles and write them back into its truth.json."""
    site = load(key)
    pages = reachable(site)
    data = json.loads((site.root / "truth.json").read_text(encoding="utf-8"))
    data["articles"] = sorted(p for p in pages if site.article.search(p))
    if site.subsites:
        data["articles_main"] = sorted(p for p in reachable(site, main_only=True) if site.article.search(p))
    data["reachable_pages"] = len(pages)
    data["saved_pages"] = sum(1 for p in site.root.rglob("*") if p.is_file() and PAGE.search(p.name))
    (site.root / "truth.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n",
                                          encoding="utf-8")
    return {"key": key, "reachable": len(pages), "articles": len(data["articles"]),
            "articles_main": len(data.get("articles_main", data["articles"])), "saved": data["saved_pages"]}


def main() -> int:
    """Rewrite truth.json files, or list one site's reachable pages."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("keys", nargs="*")
    ap.add_argument("--list", action="store_true", help="print reachable pages, A = article")
    args = ap.parse_args()
    for key in args.keys or site_keys():
        if locate(SITES / key, "/" + load(key).home.lstrip("/")) is None:
            # only truth.json is in git for some sites: never overwrite their truth with an empty one
            print(f"SKIP {key}: saved copy missing (rebuild it with collect.py, see provenance.jsonl)")
            continue
        if args.list:
            site = load(key)
            for path in sorted(reachable(site)):
                print("A" if site.article.search(path) else "-", path)
        else:
            print(json.dumps(write(key)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
