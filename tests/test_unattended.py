"""Unattended runs against a misbehaving loopback site: nothing lost, every link accounted for."""

from __future__ import annotations

from pathlib import Path

from govcrawl.siteserver import serve_site
from tests.sitegen import GeneratedSite
from tests.test_incremental import N_ARTICLES, Runner, assert_exactly_once


def _outcomes_add_up(report: dict) -> None:
    table = report["outcomes"]
    counted = sum(v if isinstance(v, int) else sum(v.values())
                  for k, v in table.items() if k not in ("links_found", "unaccounted"))
    assert table["unaccounted"] == 0 and counted == table["links_found"], table


def test_failed_articles_past_page_one_are_retried_when_the_site_heals(tmp_path: Path) -> None:
    site = GeneratedSite(tmp_path / "site", per_page=10)
    site.add(N_ARTICLES)
    # the articles listed on list pages 2 and 3 (numbers 35..16) answer 503 on the first run
    failing = {site.article_path(n) for n in range(N_ARTICLES - 10, N_ARTICLES - 30, -1)}
    statuses = dict.fromkeys(failing, 503)
    with serve_site(site.root, statuses) as base:
        runner = Runner(tmp_path, base, site)
        runner.run()
        first = runner.reports()[-1]
        assert first["exported"] == N_ARTICLES - 20 and first["rejected"] == {"http_503": 20}
        assert first["outcomes"]["rejected"] == {"http_503": 20}
        _outcomes_add_up(first)
        statuses.clear()  # the site heals
        runner.run()  # a default run: no --refresh
        second = runner.reports()[-1]
        healed = {r["url"] for r in runner.records(runner.published()[-1])}
        assert healed == {base + path for path in failing}
        assert second["list_pages"] == 1  # page 1 holds only known articles: paging stops early
        _outcomes_add_up(second)
        runner.run()
        third = runner.reports()[-1]
        assert third["exported"] == 0 and third["requests"] == 2
    assert_exactly_once(runner)


def test_a_page_that_keeps_failing_backs_off_and_is_given_up(tmp_path: Path) -> None:
    site = GeneratedSite(tmp_path / "site", per_page=10)
    site.add(5)
    broken = site.article_path(3)
    with serve_site(site.root, {broken: 500}) as base:
        runner = Runner(tmp_path, base, site)
        for _ in range(6):
            runner.run("-s", "GOVCRAWL_RETRY_MAX_ATTEMPTS=3")
        reports = runner.reports()
    for report in reports:
        _outcomes_add_up(report)
    # run 1 fails (attempt 1), run 2 retries (2), run 3 waits, run 4 retries (3) and gives up
    assert [r["rejected"].get("http_500", 0) for r in reports] == [1, 1, 0, 1, 0, 0]
    assert [r["given_up"] for r in reports] == [[], [], [], [base + broken], [], []]
    assert reports[2]["outcomes"]["retry_later"] == 1
    assert reports[5]["outcomes"]["skipped_failed"] == 1
