"""Site health: a collapse against earlier runs is flagged; ordinary variation is not."""

from __future__ import annotations

from govcrawl.health import assess_health


def report(links: int = 200, pages: int = 10, exported: int = 50, rejected: int = 0,
           source: float = 0.9) -> dict:
    return {"list_pages": pages, "article_links": links, "exported": exported,
            "rejected": {"http_404": rejected} if rejected else {},
            "coverage": {"title": 1.0, "published_at": 1.0, "source": source, "body": 1.0}}


def test_no_history_is_not_an_alert() -> None:
    assert assess_health(report(), []) == {"status": "no_history", "flags": []}


def test_steady_site_is_ok() -> None:
    health = assess_health(report(links=180), [report(), report(links=210)])
    assert health["status"] == "ok" and health["flags"] == []


def test_list_pages_without_articles_is_a_redesign() -> None:
    health = assess_health(report(links=0, pages=1, exported=0), [report(), report()])
    assert health["status"] == "alert"
    assert "article links per list page fell to 0.0" in health["flags"][0]


def test_field_coverage_collapse() -> None:
    health = assess_health(report(source=0.1), [report(), report()])
    assert health["flags"] == ["source coverage fell to 10% (median 90%)"]


def test_rejection_rate_jump() -> None:
    health = assess_health(report(exported=10, rejected=40), [report(), report(rejected=1)])
    assert health["flags"] == ["rejection rate rose to 80% (median 1%)"]


def test_quiet_incremental_run_is_not_judged_on_coverage() -> None:
    # an unchanged re-run exports nothing: coverage and rejection rates say nothing then
    quiet = report(links=20, pages=1, exported=0) | {"coverage": {}}
    assert assess_health(quiet, [report(), report()])["status"] == "ok"
