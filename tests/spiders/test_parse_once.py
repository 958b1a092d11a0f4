"""A crawl parses each fetched HTML page once (issue #19): the list reader, the page-kind decision,
the record and the search for columns read one tree.

Counted, not claimed: the crawl of a county portal from its home page (discovery, TRS columns, a
Hanweb column read from its data proxy's XML, zTree and ``document.write`` menus, an iframe
catalogue) runs under ``tests.parse_counter``, which records the markup of every lxml parse in
the crawl's process; the loopback server records every page it serves.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import unquote

from govcrawl.extract.encoding import decode_html
from govcrawl.siteserver import serve_site
from tests.conftest import FAST_SETTINGS, ROOT
from tests.stylesites import PORTAL, build_site, entry_toml

#: what the server answers as HTML or XML (CMS endpoints saved as path@query included)
PAGE_SUFFIXES = (".html", ".htm", ".shtml", ".jsp")
XML_DECL = re.compile(r"^\s*<\?xml[^>]*>")
#: a comment the home page's template keeps, with a link in it: the list reader opens it
KEPT_COMMENT = '<!-- <li><a href="/index.html">首页（旧版）</a></li> -->'


def test_a_crawl_parses_each_fetched_page_once(tmp_path: Path) -> None:
    site = tmp_path / "site"
    truth = build_site(PORTAL, site)
    home = site / "index.html"
    home.write_text(home.read_text(encoding="utf-8").replace("</body>", KEPT_COMMENT + "</body>"), encoding="utf-8")
    seen: list[tuple[str, str]] = []
    with serve_site(site, seen=seen) as base:
        proc, parses = _counted_crawl(tmp_path, entry_toml(truth, base, key="county"))
    assert proc.returncode == 0, proc.stderr[-3000:]

    pages = {_markup(path.read_bytes()): path for path in site.rglob("*") if _is_page(path)}
    fetched = Counter(found for path, _ in seen if (found := _served(site, path)) is not None and _is_page(found))
    parsed = Counter(pages[m] for p in parses if (m := _markup(p["markup"])) in pages)
    others = [p["markup"] for p in parses if _markup(p["markup"]) not in pages]
    assert len(fetched) > 60  # the whole portal: home, columns, pages, articles, proxy answers
    assert parsed == fetched  # each fetched page parsed once per fetch, none twice
    # every other parse is a piece of markup a page ships: the comment the home page keeps, a
    # document.write menu, Hanweb records; each parsed once
    assert any("首页（旧版）" in markup for markup in others)
    assert not [m for m, n in Counter(others).items() if n > fetched.total()]
    assert all(len(markup) < 2000 for markup in others)
    print(f"{fetched.total()} HTML pages fetched, {parsed.total()} page parses, {len(others)} fragment parses")


def _counted_crawl(tmp_path: Path, entry_text: str) -> tuple[subprocess.CompletedProcess[str], list[dict[str, str]]]:
    """``govcrawl crawl ENTRY`` under ``tests.parse_counter``: the process and its parses."""
    entry, out = tmp_path / "entry.toml", tmp_path / "parses.json"
    entry.write_text(entry_text, encoding="utf-8")
    args = ["crawl", str(entry), "--out", str(tmp_path / "out")]
    for setting in FAST_SETTINGS:
        args += ["-s", setting]
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "tests.parse_counter", str(out), *args], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300, check=False)
    return proc, json.loads(out.read_text(encoding="utf-8")) if out.exists() else []


def _is_page(path: Path) -> bool:
    return path.is_file() and (path.suffix in PAGE_SUFFIXES or "@" in path.name)


def _served(site: Path, request_path: str) -> Path | None:
    """The file the server answered a request with (a query as path@query when saved so)."""
    path, _, query = unquote(request_path).partition("?")
    path = path.lstrip("/")
    candidates = [f"{path}@{query}"] if query else []
    candidates += [path + "index.html" if not path or path.endswith("/") else path]
    return next((site / c for c in candidates if (site / c).is_file()), None)


def _markup(page: bytes | str) -> str:
    """A page's markup as its parse sees it: decoded, without an XML declaration."""
    return XML_DECL.sub("", decode_html(page), count=1)
