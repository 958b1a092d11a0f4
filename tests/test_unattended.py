"""Unattended runs against a misbehaving loopback site: nothing lost, every link accounted for."""

from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import sys
from pathlib import Path

from govcrawl.siteserver import serve_site
from tests.conftest import FAST_SETTINGS, run_cli, whole_log
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
        assert third["exported"] == 0 and third["requests"] == 2 + N_ARTICLES  # + the recent rechecks (304)
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


def test_a_retried_page_is_asked_again_what_its_link_asked(tmp_path: Path) -> None:
    """A catalogue's card that failed is retried as its list linked it: an undated list's card
    is rejected as one, never exported because it failed once."""
    from tests.sitegen import catalogue_site

    catalogue_site(tmp_path / "site")
    statuses = {"/cp/detail1.html": 503}
    with serve_site(tmp_path / "site", statuses) as base:
        entry = tmp_path / "bx.toml"
        entry.write_text(f'key = "bx"\nname = "保险"\ndomains = ["127.0.0.1"]\nstart_urls = ["{base}/cp/index.html"]\n',
                         encoding="utf-8")
        args = ["run", str(entry), "--state", str(tmp_path / "state.sqlite"), "--out", str(tmp_path / "out"),
                *[arg for setting in FAST_SETTINGS for arg in ("-s", setting)]]
        first = run_cli(*args, cwd=tmp_path)
        statuses.clear()  # the site heals
        second = run_cli(*args, cwd=tmp_path)
    assert first.returncode == second.returncode == 0, second.stderr[-3000:]
    reports = [json.loads(p.read_text(encoding="utf-8"))
               for p in sorted((tmp_path / "out").glob("bx/*/*.report.json"), key=lambda p: p.stat().st_mtime_ns)]
    assert [r["rejected"] for r in reports] == [{"http_503": 1, "catalogue_card": 1}, {"catalogue_card": 1}]
    assert [r["exported"] for r in reports] == [2, 0]


def _site_with(tmp_path: Path, count: int = 5) -> GeneratedSite:
    site = GeneratedSite(tmp_path / "site", per_page=10)
    site.add(count)
    return site


def test_a_first_run_whose_lists_give_no_article_exits_5_and_names_them(tmp_path: Path) -> None:
    site = _site_with(tmp_path)
    column = site.root / "xwzx" / "tzgg" / "index.html"
    column.write_text("<html><body><ul><li>暂无信息</li></ul></body></html>", encoding="utf-8")
    with serve_site(site.root) as base:
        runner = Runner(tmp_path, base, site)
        proc = runner.run(check=False)
    assert proc.returncode == 5, proc.stderr[-2000:]
    assert f"NO ARTICLES: 1 page(s) read, no article link found: {base}/xwzx/tzgg/" in proc.stderr
    assert "govcrawl check gen" in proc.stderr and "article_pattern" in proc.stderr
    assert runner.reports()[-1]["health"]["status"] == "alert"  # never a baseline


def test_an_unreadable_state_exits_7_and_writes_no_export(tmp_path: Path) -> None:
    site = _site_with(tmp_path)
    with serve_site(site.root) as base:
        runner = Runner(tmp_path, base, site)
        runner.state.parent.mkdir(parents=True)
        runner.state.write_bytes(b"this is not a database" * 100)
        corrupt = runner.run(check=False)
        runner.state.unlink()
        runner.state.mkdir()  # --state naming a folder
        folder = runner.run(check=False)
    for proc in (corrupt, folder):
        assert proc.returncode == 7, proc.stderr[-2000:]
        assert "NOT STORED: cannot open the crawl state" in proc.stderr
    assert runner.published() == []


def test_a_full_disk_exits_7_and_commits_nothing(tmp_path: Path) -> None:
    site = _site_with(tmp_path, 150)
    limit = 120_000  # bytes a file may grow to: room for the state, not for 150 articles' export

    def small_disk() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    with serve_site(site.root) as base:
        runner = Runner(tmp_path, base, site)
        proc = subprocess.run(runner.args(), cwd=tmp_path, capture_output=True, text=True, timeout=300,
                              preexec_fn=small_disk, check=False)
        assert proc.returncode == 7, proc.stdout + proc.stderr[-3000:]
        assert "NOT STORED: cannot write the export" in proc.stderr
        assert runner.published() == []
        # the summary says so, and the half-written part file is gone
        assert "nothing published" in proc.stdout and "exported" not in proc.stdout, proc.stdout
        assert list(runner.out.rglob("*.part")) == []
        runner.run()  # with room again: every article, once
    urls = [r["url"] for path in runner.published() for r in runner.records(path)]
    assert sorted(urls) == sorted(runner.base + site.article_path(n) for n in range(1, 151))


def test_a_run_into_a_file_fails_once_and_leaves_nothing_for_the_next(tmp_path: Path) -> None:
    site = _site_with(tmp_path, 5)
    not_a_folder = tmp_path / "afile.txt"
    not_a_folder.write_text("not a folder\n", encoding="utf-8")
    with serve_site(site.root) as base:
        runner = Runner(tmp_path, base, site)
        proc = subprocess.run([*runner.args(), "--out", str(not_a_folder)], cwd=tmp_path, capture_output=True,
                              text=True, timeout=300, check=False)
        assert proc.returncode == 7, proc.stdout + proc.stderr[-3000:]
        assert "exported" not in proc.stdout
        again = runner.run()  # the plain run: its own folder, nothing of the failed run in its way
    assert "killed before publishing" not in again.stderr and "afile.txt" not in again.stderr
    assert len(runner.records(runner.published()[-1])) == 5


def test_a_health_alert_lasts_until_the_site_recovers_and_never_lowers_a_known_record(tmp_path: Path) -> None:
    site = _site_with(tmp_path, 30)
    lists = sorted((site.root / "xwzx" / "tzgg").glob("index*.html"))
    healthy = {path: path.read_text(encoding="utf-8") for path in lists}
    articles = [site.root / site.article_path(n).lstrip("/") for n in range(1, 31)]
    with serve_site(site.root) as base:
        runner = Runner(tmp_path, base, site)
        runner.run("--refresh")
        runner.run("--refresh")
        for path, html in healthy.items():  # a redesign hides most of each list: one link left
            path.write_text(re.sub(r"(</li>).*(</ul>)", r"\1\2", html, count=1, flags=re.S), encoding="utf-8")
        alerts = [runner.run("--refresh", check=False)]
        for path in articles:  # and its article pages: no 来源 any more, a new footer
            html = path.read_text(encoding="utf-8").replace(" 来源：测试市政府办公室", "")
            path.write_text(html.replace("</body>", "<p>新版页面</p></body>"), encoding="utf-8")
        alerts.append(runner.run("--refresh", check=False))
        held_report = runner.reports()[-1]
        for path, html in healthy.items():  # the lists heal; the articles stay as they are now
            path.write_text(html, encoding="utf-8")
        recovered = runner.run("--refresh", check=False)  # the alarm was on when it began: held again
        # healthy when it began: the lower revisions are the site's own now, exported, and the
        # fall of source coverage they bring is told as what it is
        final = runner.run("--refresh", check=False)
        last = runner.reports()[-1]
    # the second alert is compared with the healthy runs, not with the first alert
    assert [proc.returncode for proc in alerts] == [3, 3]
    # logged as a warning too, for Scrapyd and `scrapy crawl`, where no summary is printed
    assert all("WARNING: HEALTH gen: article links per list page fell" in proc.stderr for proc in alerts)
    assert recovered.returncode == 0, recovered.stderr[-2000:]
    # the three articles the redesigned lists still link to: changed, lower, held
    assert held_report["changed"] == 0 and held_report["held"] == 3, held_report
    assert held_report["outcomes"]["held"] == 3 and held_report["exported"] == 0
    assert final.returncode == 3 and "source coverage fell to 0%" in final.stderr
    revisions = [r for path in runner.published() for r in runner.records(path) if r["revision"] == 2]
    assert len(revisions) == 30 and last["changed"] == 30 and all(r["source"] is None for r in revisions)
    assert {r["url"] for r in revisions} == {r["url"] for r in runner.records(runner.published()[-1])}


HOSTILE = Path(__file__).parent / "extract" / "fixtures" / "hostile"


def test_error_pages_answered_200_are_not_records_and_the_real_articles_come_later(tmp_path: Path) -> None:
    site = _site_with(tmp_path, 20)
    stand_ins = {3: "soft404_not_exist.html", 7: "blocked_yunfanghu.html", 12: "maintenance.html"}
    real = {}
    for n, fixture in stand_ins.items():
        path = site.root / site.article_path(n).lstrip("/")
        real[path] = path.read_bytes()
        path.write_bytes((HOSTILE / fixture).read_bytes())
    with serve_site(site.root) as base:
        runner = Runner(tmp_path, base, site)
        runner.run()
        first = runner.reports()[-1]
        assert first["exported"] == 17
        assert first["rejected"] == {"soft_404": 1, "blocked": 1, "maintenance": 1}
        _outcomes_add_up(first)
        for path, data in real.items():
            path.write_bytes(data)  # the site heals
        runner.run()
        healed = runner.records(runner.published()[-1])
    assert {r["url"] for r in healed} == {base + site.article_path(n) for n in stand_ins}
    assert all(r["title"].startswith("关于第") for r in healed)


def test_a_site_that_answers_with_block_pages_exits_6(tmp_path: Path) -> None:
    site = _site_with(tmp_path, 5)
    for n in range(1, 6):
        (site.root / site.article_path(n).lstrip("/")).write_bytes((HOSTILE / "blocked_safedog.html").read_bytes())
    with serve_site(site.root) as base:
        proc = Runner(tmp_path, base, site).run(check=False)
    assert proc.returncode == 6, proc.stderr[-2000:]
    assert "BLOCKED: 5 pages were block or challenge pages" in proc.stderr


def test_a_list_page_answered_with_a_block_page_exits_6_not_5(tmp_path: Path) -> None:
    site = _site_with(tmp_path, 5)
    column = site.root / "xwzx" / "tzgg" / "index.html"
    column.write_bytes((HOSTILE / "blocked_safedog.html").read_bytes())
    with serve_site(site.root) as base:
        runner = Runner(tmp_path, base, site)
        proc = runner.run(check=False)
    assert proc.returncode == 6, proc.stderr[-2000:]
    assert "BLOCKED: 1 pages were block or challenge pages" in proc.stderr and "NO ARTICLES" not in proc.stderr
    assert runner.reports()[-1]["rejected"] == {"blocked": 1}


def test_a_block_page_on_list_page_2_exits_6_and_says_what_was_exported(tmp_path: Path) -> None:
    site = _site_with(tmp_path, 25)  # three list pages of ten
    page2 = sorted((site.root / "xwzx" / "tzgg").glob("index_*.html"))[0]
    page2.write_bytes((HOSTILE / "blocked_safedog.html").read_bytes())
    with serve_site(site.root) as base:
        runner = Runner(tmp_path, base, site)
        proc = runner.run(check=False)
    assert proc.returncode == 6, proc.stdout + proc.stderr[-2000:]
    assert f"among them 1 list page(s): {base}/xwzx/tzgg/{page2.name} (blocked)" in proc.stderr
    assert "10 articles of the other pages were exported" in proc.stderr
    assert runner.reports()[-1]["rejected"] == {"blocked": 1}


def test_a_login_page_as_the_list_exits_6_and_a_maintenance_page_fails_naming_it(tmp_path: Path) -> None:
    site = _site_with(tmp_path, 5)
    column = site.root / "xwzx" / "tzgg" / "index.html"
    with serve_site(site.root) as base:
        runner = Runner(tmp_path, base, site)
        column.write_bytes((HOSTILE / "login_wall.html").read_bytes())
        login = runner.run(check=False)
        column.write_bytes((HOSTILE / "maintenance.html").read_bytes())
        maintenance = runner.run(check=False)
    assert login.returncode == 6, login.stderr[-2000:]
    assert "(login_required)" in login.stderr and "nothing published" not in login.stdout
    assert maintenance.returncode == 1, maintenance.stderr[-2000:]
    assert f"FAILED (no list page could be read: {base}/xwzx/tzgg/ was a maintenance page)" in maintenance.stderr


def test_plain_nightly_runs_catch_edited_recent_articles(tmp_path: Path) -> None:
    site = _site_with(tmp_path, 30)
    with serve_site(site.root) as base:
        runner = Runner(tmp_path, base, site)
        budget = ("-s", "GOVCRAWL_RECHECK_BUDGET=20")  # fewer than the site's 30 recent articles
        runner.run(*budget)
        site.edit(30)
        site.edit(5)
        runner.run(*budget)  # no --refresh: 20 rechecks, the longest unchecked first
        runner.run(*budget)  # the other 10, then the 20 checked longest ago again
        reports = runner.reports()[1:]
        edited = [r for path in runner.published()[1:] for r in runner.records(path)]
    assert sorted(r["url"] for r in edited) == sorted(base + site.article_path(n) for n in (5, 30))
    assert all(r["revision"] == 2 and "更正" in r["body"] for r in edited)
    assert sum(r["not_modified"] for r in reports) == 2 * 20 - 2
    for report in reports:
        _outcomes_add_up(report)


def test_a_long_run_says_how_far_each_site_is_and_an_unreachable_site_shows_no_traceback(tmp_path: Path) -> None:
    site = _site_with(tmp_path, 20)
    with serve_site(site.root, delay=0.1) as base:
        runner = Runner(tmp_path, base, site)
        proc = runner.run("-s", "GOVCRAWL_PROGRESS_INTERVAL=0.5")
    assert re.search(r"gen: \d+ list pages, \d+ article pages, \d+ exported, 0 rejected", whole_log(proc.stderr))
    down = tmp_path / "down.toml"
    down.write_text('key = "down"\nname = "停机的站"\ndomains = ["unreachable.invalid"]\n'
                    'start_urls = ["http://unreachable.invalid/xwzx/"]\n', encoding="utf-8")
    proc = subprocess.run([*runner.args()[:4], str(down), *runner.args()[5:]], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 1 and "down: FAILED" in proc.stderr
    assert "Traceback" not in whole_log(proc.stderr)


def test_govcrawl_home_says_where_sites_state_and_exports_live(tmp_path: Path) -> None:
    home, elsewhere = tmp_path / "home", tmp_path / "elsewhere"
    (home / "data" / "sites").mkdir(parents=True)
    elsewhere.mkdir()
    env = {**os.environ, "GOVCRAWL_HOME": str(home), "PYTHONPATH": str(Path(__file__).parents[1])}
    cli = [sys.executable, "-m", "govcrawl.cli", "run"]
    empty = subprocess.run(cli, cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert empty.returncode == 2
    assert "no enabled site entry in" in empty.stderr and str(home / "data" / "sites") in empty.stderr
    site = _site_with(tmp_path)
    with serve_site(site.root) as base:
        (home / "data" / "sites" / "gen.toml").write_text(site.entry_toml(base), encoding="utf-8")
        settings = [arg for setting in FAST_SETTINGS for arg in ("-s", setting)]
        proc = subprocess.run([*cli, *settings], cwd=elsewhere, env=env, capture_output=True, text=True,
                              timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert (home / "data" / "state" / "govcrawl.sqlite").exists()
    assert len(list((home / "data" / "exports" / "gen").glob("*/*.jsonl"))) == 1
    assert not list(elsewhere.iterdir())


def test_an_unreadable_entry_file_exits_8_and_the_other_sites_still_run(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "data" / "sites").mkdir(parents=True)
    (home / "data" / "sites" / "broken.toml").write_text('key = "broken"\nname = ', encoding="utf-8")
    env = {**os.environ, "GOVCRAWL_HOME": str(home), "PYTHONPATH": str(Path(__file__).parents[1])}
    site = _site_with(tmp_path)
    with serve_site(site.root) as base:
        (home / "data" / "sites" / "gen.toml").write_text(site.entry_toml(base), encoding="utf-8")
        settings = [arg for setting in FAST_SETTINGS for arg in ("-s", setting)]
        proc = subprocess.run([sys.executable, "-m", "govcrawl.cli", "run", *settings], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 8, proc.stderr[-2000:]
    assert "skipped an unreadable site entry" in proc.stderr and "broken.toml" in proc.stderr
    assert "gen: " in proc.stdout and "5 articles exported" in proc.stdout
