"""Incremental runs against a loopback site that the test changes between runs."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from govcrawl.pipelines.validate import schema_errors
from govcrawl.siteserver import serve_site
from tests.conftest import FAST_SETTINGS
from tests.crash import killed_at
from tests.forkserver import run_govcrawl
from tests.sitegen import GeneratedSite

N_ARTICLES = 45


class Runner:
    """Runs `govcrawl run` on a generated site with one state file and one export folder."""

    def __init__(self, tmp: Path, base: str, site: GeneratedSite):
        self.tmp, self.base, self.site = tmp, base, site
        self.entry = tmp / "gen.toml"
        self.entry.write_text(site.entry_toml(base), encoding="utf-8")
        self.state, self.out = tmp / "state" / "state.sqlite", tmp / "exports"

    def args(self, *extra: str) -> list[str]:
        args = [sys.executable, "-m", "govcrawl.cli", "run", str(self.entry),
                "--state", str(self.state), "--out", str(self.out), *extra]
        for setting in FAST_SETTINGS:
            args += ["-s", setting]
        return args

    def run(self, *extra: str, check: bool = True, env: dict[str, str] | None = None
            ) -> subprocess.CompletedProcess[str]:
        proc = run_govcrawl(self.args(*extra)[3:], cwd=self.tmp, env=os.environ.copy() if env is None else env,
                            timeout=300)
        if check:
            assert proc.returncode == 0, proc.stdout + proc.stderr[-4000:]
        return proc

    def published(self) -> list[Path]:
        return sorted(self.out.glob("gen/*/*.jsonl"), key=lambda p: p.stat().st_mtime_ns)

    def reports(self) -> list[dict]:
        files = sorted(self.out.glob("gen/*/*.report.json"), key=lambda p: p.stat().st_mtime_ns)
        return [json.loads(p.read_text(encoding="utf-8")) for p in files]

    def records(self, path: Path) -> list[dict]:
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def generated(tmp_path: Path):
    site = GeneratedSite(tmp_path / "site", per_page=10)
    site.add(N_ARTICLES)
    with serve_site(site.root) as base:
        yield Runner(tmp_path, base, site)


def test_new_unchanged_then_added_and_edited(generated: Runner) -> None:
    runner, site = generated, generated.site
    runner.run()
    [first] = runner.published()
    records = runner.records(first)
    assert len(records) == N_ARTICLES == len({r["url"] for r in records})
    assert all(r["revision"] == 1 and r["first_seen"] for r in records)
    assert all(schema_errors(r) == [] for r in records)
    report1 = runner.reports()[-1]
    assert report1["new"] == N_ARTICLES and report1["list_pages"] == site.pages()

    runner.run()
    assert runner.published() == [first]  # nothing new: no export file, only the report
    report2 = runner.reports()[-1]
    assert report2["export"] is None and report2["run_kind"] == "run"
    assert report2["article_pages"] == 0 and report2["exported"] == 0
    # robots.txt, the column's first page, and the recent articles rechecked conditionally
    assert report2["requests"] == 2 + N_ARTICLES and report2["not_modified"] == N_ARTICLES
    assert report2["list_pages"] == 1  # page 1 held only known articles: paging stopped

    site.add(3)
    site.edit(1)
    site.edit(2)  # the two oldest: on the last list page
    runner.run("--refresh")
    third = runner.records(runner.published()[-1])
    by_url = {r["url"]: r for r in third}
    edited = {runner.base + site.article_path(n) for n in (1, 2)}
    added = {runner.base + site.article_path(n) for n in (46, 47, 48)}
    assert set(by_url) == edited | added
    for url in edited:
        old = next(r for r in records if r["url"] == url)
        assert by_url[url]["revision"] == 2
        assert by_url[url]["previous_hash"] == old["content_hash"]
        assert by_url[url]["first_seen"] == old["first_seen"]
        assert "更正" in by_url[url]["body"]
    assert all(by_url[u]["revision"] == 1 for u in added)
    report3 = runner.reports()[-1]
    assert report3["not_modified"] == N_ARTICLES - 2
    assert (report3["new"], report3["changed"]) == (3, 2)


def test_nightly_run_exports_only_new_articles(generated: Runner) -> None:
    generated.run()
    generated.site.add(3)
    generated.run()
    new = generated.records(generated.published()[-1])
    expected = {generated.base + generated.site.article_path(n) for n in (46, 47, 48)}
    assert {r["url"] for r in new} == expected
    report = generated.reports()[-1]
    # page 1 holds the new ones, page 2 only known ones: paging stops there
    assert (report["list_pages"], report["article_pages"], report["new"]) == (2, 3, 3)


def test_interrupted_paging_is_completed_by_the_next_run(tmp_path: Path) -> None:
    site = GeneratedSite(tmp_path / "site", per_page=10)
    site.add(N_ARTICLES)
    statuses = {"/xwzx/tzgg/index_1.html": 503}
    with serve_site(site.root, statuses) as base:
        runner = Runner(tmp_path, base, site)
        runner.run()  # page 2 fails: the walk goes on past it, and its ten wait
        assert len(runner.records(runner.published()[-1])) == N_ARTICLES - 10
        statuses.clear()
        runner.run()  # the column was never paged whole, so this run pages it all
        assert runner.reports()[-1]["list_pages"] == site.pages()
        assert len(runner.records(runner.published()[-1])) == 10
        runner.run()
        assert runner.reports()[-1]["list_pages"] == 1
    assert_exactly_once(runner)


def test_second_concurrent_run_is_refused(generated: Runner) -> None:
    from govcrawl.state.lock import SiteLock

    lock = SiteLock(generated.state.parent / "locks" / "gen.lock")
    lock.acquire()
    try:
        proc = generated.run(check=False)
    finally:
        lock.release()
    assert proc.returncode == 4
    assert "gen is being crawled by pid" in proc.stderr
    assert generated.published() == []


def test_stale_lock_of_a_killed_run_is_recovered(generated: Runner) -> None:
    lock_file = generated.state.parent / "locks" / "gen.lock"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from pathlib import Path; "
         "from govcrawl.state.lock import SiteLock; SiteLock(Path(sys.argv[1])).acquire(); "
         "print('locked', flush=True); time.sleep(60)", str(lock_file)],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    assert generated.run(check=False).returncode == 4
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    holder.stdout.close()
    assert "pid" in lock_file.read_text(encoding="utf-8")  # the dead holder's note stays
    generated.run()
    assert len(generated.records(generated.published()[0])) == N_ARTICLES


def assert_exactly_once(runner: Runner) -> None:
    """Every article in exactly one published file; no half-written line anywhere."""
    urls = []
    for path in runner.published():
        text = path.read_text(encoding="utf-8")
        assert text == "" or text.endswith("\n"), path
        urls += [json.loads(line)["url"] for line in text.splitlines()]
    expected = {runner.base + runner.site.article_path(n) for n in range(1, N_ARTICLES + 1)}
    assert sorted(urls) == sorted(expected)


@pytest.mark.parametrize("point", ["before_stage", "before_publish", "after_publish"])
def test_killed_while_closing_then_rerun(generated: Runner, point: str) -> None:
    kill, env = killed_at(point)
    proc = generated.run(*kill, check=False, env=env)
    assert proc.returncode == -signal.SIGKILL
    generated.run()
    generated.run()
    assert_exactly_once(generated)


@pytest.mark.parametrize("after_lines", [0, 5, 30])
def test_killed_mid_crawl_then_rerun(tmp_path: Path, after_lines: int) -> None:
    site = GeneratedSite(tmp_path / "site", per_page=10)
    site.add(N_ARTICLES)
    # slow enough that 45 articles take a good second: the kill lands well before the end
    with serve_site(site.root, delay=0.1) as base:
        runner = Runner(tmp_path, base, site)
        # The kill point is read off the .part file (written in buffered chunks, so the
        # kill may also land in the middle of a line: that file must never be published).
        # Small staging batches: the kill also lands after some articles were staged.
        proc = subprocess.Popen(runner.args("-s", "GOVCRAWL_STAGE_BATCH=4"), cwd=tmp_path,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            parts = list(runner.out.glob("gen/*/*.jsonl.part"))
            if parts and parts[0].read_bytes().count(b"\n") >= after_lines:
                break
            time.sleep(0.005)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert list(runner.out.glob("gen/*/*.jsonl")) == []  # nothing published by the kill
        runner.run()
        runner.run()
    assert_exactly_once(runner)


def test_redesigned_site_is_flagged_with_its_own_exit_code(generated: Runner) -> None:
    generated.run()
    # The column page now renders its list by script: no article link left in the HTML.
    index = generated.site.root / "xwzx" / "tzgg" / "index.html"
    index.write_text('<html><body><div id="app"></div><script src="/list.js"></script>'
                     "</body></html>", encoding="utf-8")
    proc = generated.run(check=False)
    assert proc.returncode == 5, proc.stderr[-2000:]  # no article at all: louder than a drop
    assert "NO ARTICLES: 1 page(s) read" in proc.stderr
    assert "HEALTH: article links per list page fell to 0.0" in proc.stderr
    health = generated.reports()[-1]["health"]
    assert health["status"] == "alert" and health["compared_runs"] == 1


@pytest.mark.parametrize("how", ["recheck", "refresh"])
def test_a_revision_keeps_its_column(tmp_path: Path, how: str) -> None:
    """Edits found by the nightly recheck (requested from the state, not from a list) or by
    the list (--refresh) are revision 2 under the column of revision 1."""
    site = GeneratedSite(tmp_path / "site", per_page=10)
    site.add(15)  # under the recheck budget: every article is rechecked by the next run
    with serve_site(site.root) as base:
        runner = Runner(tmp_path, base, site)
        runner.entry.write_text(site.entry_toml(base).split("start_urls")[0]
                                + f'\n[[columns]]\nname = "通知公告"\nurl = "{base}/xwzx/tzgg/"\n', encoding="utf-8")
        runner.run()
        first = runner.records(runner.published()[-1])
        assert len(first) == 15 and {r["column"] for r in first} == {"通知公告"}
        site.edit(1)
        site.edit(2)
        site.add(3)
        runner.run(*(["--refresh"] if how == "refresh" else []))
    second = runner.records(runner.published()[-1])
    edited = {base + site.article_path(n) for n in (1, 2)}
    assert {r["url"] for r in second} == edited | {base + site.article_path(n) for n in (16, 17, 18)}
    assert [r["column"] for r in second] == ["通知公告"] * 5
    assert {r["url"] for r in second if r["revision"] == 2} == edited
