"""Real saved list pages kept as fixtures: govcrawl's list reading held to floors.

The pages and their hand-checked labels are in ``fixtures/lists/real`` (``labels.jsonl``, in the
shared corpus' list format; ``provenance.jsonl`` says where each page came from). A floor is
raised when the figures improve and never lowered silently.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from govcrawl.extract.encoding import decode_html
from govcrawl.extract.listing import ListingPage, extract_listing
from tests.shared import CORPUS, needs_shared

REAL = Path(__file__).parent / "fixtures" / "lists" / "real"
#: real list pages the list reader must read as well, kept apart until the page-kind check agrees
PENDING = Path(__file__).parent / "fixtures" / "lists" / "pending"
FLOORS = {"mean_recall": 1.0, "mean_precision": 1.0, "next_page_share": 1.0}
#: article URLs read off the negatives (article, home page, firewall challenge), at most
MAX_NOT_LIST_PREDICTED = 0
#: the shared corpus' labelled article pages, whose links must be exported rather than crawled as columns
#: of them read as lists at all (b030, a one-line notice), at most; none with LONG_RELATED links or more
MAX_ARTICLES_AS_LISTS = 1
LONG_RELATED = 5


def labels(folder: Path = REAL) -> list[dict]:
    return [{**json.loads(line), "folder": folder}
            for line in (folder / "labels.jsonl").read_text(encoding="utf-8").splitlines() if line]


def norm(url: str) -> str:
    """score_lists.py's comparison form: no fragment, http = https, no default port or end slash."""
    parts = urlsplit(url.strip())
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("http", (parts.hostname or "").lower(), path, parts.query, ""))


def read(label: dict) -> ListingPage:
    return extract_listing(decode_html((label["folder"] / label["file"]).read_bytes()), label["url"])


def scores(label: dict, page: ListingPage) -> tuple[float, float, bool | None]:
    """Recall, precision and next page found (None when the label has no next page)."""
    predicted = {norm(u) for u in page.article_urls}
    articles = {norm(u) for u in label["articles"]}
    right = predicted & (articles | {norm(u) for u in label["other_articles"]})
    recall = len(predicted & articles) / len(articles)
    precision = len(right) / len(predicted) if predicted else 0.0
    found = None
    if label["next_page"]:
        found = norm(label["next_page"]) in {norm(r.url) for r in page.list_requests}
    return recall, precision, found


@pytest.mark.parametrize("folder", [REAL, PENDING], ids=lambda folder: folder.name)
def test_every_fixture_has_provenance(folder: Path) -> None:
    prov = {json.loads(line)["file"]: json.loads(line)
            for line in (folder / "provenance.jsonl").read_text(encoding="utf-8").splitlines() if line}
    for label in labels(folder):
        assert (folder / label["file"]).stat().st_size <= 400_000
        assert {"repo", "path", "commit"} <= prov[label["file"]].keys()


def test_real_list_pages_meet_the_floors() -> None:
    rows = {lab["file"]: scores(lab, read(lab)) for lab in labels() + labels(PENDING)
            if lab["kind"] == "list" and lab["articles"]}
    recall = sum(r for r, _, _ in rows.values()) / len(rows)
    precision = sum(p for _, p, _ in rows.values()) / len(rows)
    nexts = [found for _, _, found in rows.values() if found is not None]
    report = {f: row for f, row in rows.items() if row[0] < 1 or row[1] < 1 or row[2] is False}
    assert recall >= FLOORS["mean_recall"], report
    assert precision >= FLOORS["mean_precision"], report
    assert sum(nexts) / len(nexts) >= FLOORS["next_page_share"], report
    assert all(r > 0 for r, _, _ in rows.values()), report


@pytest.mark.parametrize("label", [lab for lab in labels() if lab["kind"] != "list"], ids=lambda lab: lab["file"])
def test_negatives_article_pages_yield_no_list(label: dict) -> None:
    page = read(label)
    if "article" in label["cms"] or "challenge" in label["cms"]:
        assert page.article_urls == []
    if "home page" in label["cms"]:
        assert page.kind == "other"
    assert len(page.article_urls) <= MAX_NOT_LIST_PREDICTED


@needs_shared(CORPUS / "labels.jsonl")
def test_labelled_article_pages_are_not_read_as_lists() -> None:
    rows = [json.loads(line) for line in (CORPUS / "labels.jsonl").read_text(encoding="utf-8").splitlines() if line]
    as_lists = {}
    for row in rows:
        html = decode_html((CORPUS / "pages" / row["file"]).read_bytes())
        page = extract_listing(html, row.get("url") or "http://example.com/a.html")
        if page.kind == "list":
            as_lists[row["file"]] = len(page.article_urls)
    assert len(as_lists) <= MAX_ARTICLES_AS_LISTS, as_lists
    assert all(n < LONG_RELATED for n in as_lists.values()), as_lists
