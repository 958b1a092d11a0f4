"""Crawl a site that fails in every way real ones do, and check that each page ends as it should.

One `govcrawl run` of the hostile site (tests/hostile_server.py) serves every test of the first
run; a second run checks which failures are tried again. Each article link must end in exactly
one outcome: a record, or one reject row with the specific reason (README "Reasons").
"""

from __future__ import annotations

import codecs
import json
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pytest

from govcrawl.reasons import IGNORED_REASONS, Outcome, is_reason, is_transient
from tests.conftest import FAST_SETTINGS, read_jsonl, run_cli
from tests.hostile_server import (
    LIST_PATH,
    article_html,
    cut_short,
    gzip_bomb,
    huge,
    page,
    redirect,
    reset,
    serve_hostile,
    stall,
)

MAXSIZE = 2_000_000
TIMEOUT = 2
SETTINGS = [*FAST_SETTINGS, f"DOWNLOAD_MAXSIZE={MAXSIZE}", f"DOWNLOAD_TIMEOUT={TIMEOUT}"]

GOOD_TITLE, BOM_TITLE, GBK_TITLE = "关于做好春季森林防火工作的通知", "关于开展消防安全检查的通知", "关于印发湖北省乡村振兴实施方案的通知"
GOOD = article_html(GOOD_TITLE, "这是正常的一篇通知。").encode()
GBK = article_html(GBK_TITLE, "各县市区人民政府：现将方案印发给你们。", charset="gb2312").encode("gbk")
#: cut inside the body's second paragraph: an unclosed <p>, no </div>, no </html>
CUT_MID_ELEMENT = GOOD[:GOOD.index("认真组织实施".encode())]
SOFT_404 = """<html><head><meta charset="utf-8"><title>页面不存在_测试市人民政府</title></head><body>
<div class="nav">首页</div><div class="error"><h2>抱歉，您访问的页面不存在或已被删除！</h2>
<a href="/">返回首页</a></div></body></html>""".encode()
#: a bulletin board's thread: users' posts under 楼主/沙发 floors, with the thread's tools
FORUM_THREAD = """<html><head><meta charset="utf-8"><title>学习心得体会 - 测试市论坛</title></head><body>
<h1>学习心得体会</h1><div class="post">楼主 发表于：2024-03-01 14:49 <a>只看楼主</a> <a>倒序看帖</a>
<p>我是电大行政管理本科的学员，很高兴能与各位同学相互交流我在电大的学习生活感想。我原来是一名焊工，每天焊接各种设备。</p>
</div><div class="post">沙发 发表于：2024-03-01 15:37 <a>只看该作者</a><p>写得好！</p></div></body></html>""".encode()
#: a 瑞数 cookie challenge: status 412, an inline $_ts script and a script to fetch
RUISHU = b"""<!DOCTYPE html><html><head><meta charset="utf-8">
<script type="text/javascript" r="m">$_ts=window['$_ts'];if(!$_ts)$_ts={};$_ts.nsd=84151;$_ts.cd="qEzErrAlqGqGcsAlqGqW";</script>
<script type="text/javascript" charset="utf-8" src="/4QbVtADbnLVIc/c.FxJzG50F.6c0e5a3.js" r="m"></script>
</head><body></body></html>"""
#: files that sites serve as text/html, by their first bytes
BINARIES = {
    "pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    "docx": b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml",
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
    "gif": b"GIF89a\x10\x00\x10\x00\x80\x00\x00",
    "jpeg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01",
    "doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 32,
}
CHAIN = 25  # hops: more than REDIRECT_MAX_TIMES (20)

ROUTES = {
    "/art/good.html": page(GOOD),
    "/art/bom.html": page(codecs.BOM_UTF8 + article_html(BOM_TITLE, "本通知自印发之日起施行。").encode(),
                          content_type="text/html"),
    "/art/gbk-labelled-utf8.html": page(GBK, content_type="text/html; charset=utf-8"),
    "/art/offsite-redirect.html": redirect("http://example.invalid/art/moved.html"),
    "/art/loop.html": redirect("/hop/loop.html"),
    "/hop/loop.html": redirect("/art/loop.html"),
    "/art/long-chain.html": redirect("/hop/chain-1.html"),
    **{f"/hop/chain-{n}.html": redirect(f"/hop/chain-{n + 1}.html") for n in range(1, CHAIN)},
    "/art/gzip-bomb.html": gzip_bomb(10 * MAXSIZE),
    "/art/huge-announced.html": huge(50_000_000, announced=True),
    "/art/huge-streamed.html": huge(50_000_000, announced=False),
    "/art/stalled.html": stall(),
    "/art/cut-short.html": cut_short(GOOD[:len(GOOD) // 2], announced=len(GOOD)),
    "/art/cut-unannounced.html": cut_short(CUT_MID_ELEMENT, announced=None),
    "/art/reset-mid-body.html": reset(GOOD[:len(GOOD) // 2], announced=len(GOOD)),
    "/art/reset-before-answer.html": reset(b"", announced=None),
    "/art/pdf-typed.html": page(BINARIES["pdf"], content_type="application/pdf"),
    **{f"/art/{kind}-as-html.html": page(body, content_type="text/html") for kind, body in BINARIES.items()},
    "/art/challenge-412.html": page(RUISHU, status=412),
    "/art/soft-404.html": page(SOFT_404),
    "/art/forum-thread.html": page(FORUM_THREAD),
}

#: what each article link must end as: a reject reason, or "exported"
EXPECTED = {
    "/art/good.html": "exported",
    "/art/bom.html": "exported",
    "/art/gbk-labelled-utf8.html": "exported",
    "/art/offsite-redirect.html": "offsite_redirect",
    "/art/loop.html": "redirect_loop",
    "/art/long-chain.html": "redirect_loop",
    "/art/gzip-bomb.html": "decompression_bomb",
    "/art/huge-announced.html": "too_large",
    "/art/huge-streamed.html": "too_large",
    "/art/stalled.html": "timeout",
    "/art/cut-short.html": "truncated",
    "/art/cut-unannounced.html": "truncated",
    "/art/reset-mid-body.html": "connection_error",
    "/art/reset-before-answer.html": "connection_error",
    "/art/pdf-typed.html": "not_html",
    **{f"/art/{kind}-as-html.html": "not_html" for kind in BINARIES},
    "/art/challenge-412.html": "http_412",
    "/art/soft-404.html": "soft_404",
    "/art/forum-thread.html": "forum_thread",
    "dns": "dns_error",
    "refused": "connection_error",
    "offsite": "offsite",
}
#: a host in the entry's domains that does not resolve, and a link off them
DNS_URL, OFFSITE_URL = "http://hostile.invalid/art/dns.html", "http://elsewhere.invalid/art/offsite.html"


@dataclass
class Run:
    """What one `govcrawl run` did: its process, report, exported records and reject rows."""

    proc: subprocess.CompletedProcess[str]
    report: dict
    records: list[dict]
    rejects: list[dict]
    #: paths the hostile server was asked for during the run
    seen: list[str]

    @property
    def reasons(self) -> dict[str, str]:
        return {row["url"]: row["reason"] for row in self.rejects}


class HostileCrawl:
    """The hostile site, served for the whole module, and the two runs made against it."""

    def __init__(self, tmp: Path, base: str, seen: list[str], refused_url: str):
        self.tmp, self.base, self.seen = tmp, base, seen
        self.urls = {key: base + key for key in EXPECTED if key.startswith("/")}
        self.urls |= {"dns": DNS_URL, "refused": refused_url, "offsite": OFFSITE_URL}
        self.entry = tmp / "hostile.toml"
        self.entry.write_text(
            f'key = "hostile"\nname = "测试市人民政府"\ndomains = ["127.0.0.1", "hostile.invalid"]\n'
            f'start_urls = ["{base}{LIST_PATH}"]\narticle_pattern = "/art/"\n', encoding="utf-8")

    def run(self, run_id: str) -> Run:
        self.seen.clear()
        args = ["run", str(self.entry), "--state", str(self.tmp / "state.sqlite"), "--out", str(self.tmp / "out")]
        for setting in [*SETTINGS, f"GOVCRAWL_RUN_ID={run_id}"]:
            args += ["-s", setting]
        proc = run_cli(*args, cwd=self.tmp, timeout=60)
        [report] = (self.tmp / "out" / "hostile").glob(f"*/{run_id}.report.json")
        rejects = report.parent / "rejects" / f"{run_id}.jsonl"
        export = report.parent / f"{run_id}.jsonl"  # absent when the run exported nothing
        return Run(proc, json.loads(report.read_text(encoding="utf-8")),
                   read_jsonl(export) if export.exists() else [],
                   read_jsonl(rejects) if rejects.exists() else [], list(self.seen))

    @cached_property
    def first(self) -> Run:
        return self.run("first")

    @cached_property
    def second(self) -> Run:
        """The next nightly run: no --refresh."""
        assert self.first
        return self.run("second")

    def record(self, key: str) -> dict:
        [record] = [r for r in self.first.records if r["url"] == self.urls[key]]
        return record


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HostileCrawl]:
    # a port bound but not listening: connections are refused, and nothing else can take it
    with socket.socket() as closed_port:
        closed_port.bind(("127.0.0.1", 0))
        refused = f"http://127.0.0.1:{closed_port.getsockname()[1]}/art/refused.html"
        with serve_hostile(ROUTES, extra_links=[DNS_URL, refused, OFFSITE_URL]) as (base, seen):
            yield HostileCrawl(tmp_path_factory.mktemp("hostile"), base, seen, refused)


def _case(key: str, *values: str) -> pytest.ParameterSet:
    return pytest.param(key, *values, id=key.removeprefix("/art/").removesuffix(".html"))


FAILED = [_case(key, reason) for key, reason in EXPECTED.items() if reason != "exported"]
PERMANENT = [_case(key) for key, reason in EXPECTED.items()
             if key.startswith("/") and reason != "exported" and not is_transient(reason)]


@pytest.mark.parametrize(("key", "reason"), FAILED)
def test_failed_page_is_rejected_for_its_reason(hostile: HostileCrawl, key: str, reason: str) -> None:
    url = hostile.urls[key]
    rows = [row for row in hostile.first.rejects if row["url"] == url]
    assert [row["reason"] for row in rows] == [reason], hostile.first.rejects
    assert rows[0]["detail"] and rows[0]["at"]
    assert url not in {r["url"] for r in hostile.first.records}


def test_good_article_is_exported(hostile: HostileCrawl) -> None:
    record = hostile.record("/art/good.html")
    assert record["title"] == GOOD_TITLE
    assert record["published_at"] == "2024-03-01T09:00:00+08:00"
    assert "这是正常的一篇通知。" in record["body"]


def test_page_with_bom_is_exported_without_it(hostile: HostileCrawl) -> None:
    record = hostile.record("/art/bom.html")
    assert record["title"] == BOM_TITLE
    assert "本通知自印发之日起施行。" in record["body"]
    assert "\ufeff" not in json.dumps(record, ensure_ascii=False)


def test_gbk_page_behind_a_utf8_header_is_read_as_gbk(hostile: HostileCrawl) -> None:
    record = hostile.record("/art/gbk-labelled-utf8.html")
    assert record["title"] == GBK_TITLE
    assert "各县市区人民政府：现将方案印发给你们。" in record["body"]
    assert record["source"] == "测试市政府办公室"


def test_only_good_pages_are_exported(hostile: HostileCrawl) -> None:
    exported = {hostile.urls[k] for k, outcome in EXPECTED.items() if outcome == "exported"}
    cut = hostile.urls["/art/cut-unannounced.html"]  # its own test says whether it should be
    assert {r["url"] for r in hostile.first.records} - {cut} == exported


def test_outcome_table_matches_records_and_rejects(hostile: HostileCrawl) -> None:
    first = hostile.first
    outcomes = first.report["outcomes"]
    assert outcomes["links_found"] == len(EXPECTED)
    assert outcomes["exported_new"] == len(first.records)
    assert len(first.reasons) == len(first.rejects)  # one row a page
    by_kind = {"rejected": Counter(), "ignored": Counter()}
    for reason in first.reasons.values():
        by_kind["ignored" if reason in IGNORED_REASONS else "rejected"][reason] += 1
    assert {kind: outcomes.get(kind, {}) for kind in by_kind} == {k: dict(c) for k, c in by_kind.items()}
    settled = outcomes["exported_new"] + sum(by_kind["rejected"].values()) + sum(by_kind["ignored"].values())
    assert settled + outcomes["unaccounted"] == outcomes["links_found"]


def test_every_reason_and_outcome_is_of_the_closed_sets(hostile: HostileCrawl) -> None:
    first = hostile.first
    assert all(is_reason(row["reason"]) for row in first.rejects), first.rejects
    outcomes = set(first.report["outcomes"]) - {"links_found", "unaccounted"}
    assert outcomes <= {o.value for o in Outcome}
    for kind in (Outcome.REJECTED, Outcome.IGNORED):
        assert all(is_reason(reason) for reason in first.report["outcomes"].get(kind, {}))


def test_no_link_is_unaccounted(hostile: HostileCrawl) -> None:
    first, second = hostile.first, hostile.second
    assert set(first.reasons) | {r["url"] for r in first.records} == set(hostile.urls.values())
    assert (first.report["outcomes"]["unaccounted"], second.report["outcomes"]["unaccounted"]) == (0, 0)


def test_exit_code_is_ok(hostile: HostileCrawl) -> None:
    # articles were exported and block pages (412) are a minority: the site ran as it should
    proc = hostile.first.proc
    assert proc.returncode == 0, proc.stdout + proc.stderr[-4000:]
    assert hostile.first.report["health"]["status"] == "no_history"


def test_next_run_retries_transient_failures(hostile: HostileCrawl) -> None:
    first, second = hostile.first, hostile.second
    assert second.proc.returncode == 0, second.proc.stdout + second.proc.stderr[-4000:]
    transient = {url: reason for url, reason in first.reasons.items() if is_transient(reason)}
    for key in ("/art/stalled.html", "/art/cut-short.html", "/art/reset-mid-body.html", "refused", "dns"):
        assert hostile.urls[key] in transient
    # each pending page is asked for again, fails again for the same reason, and stays pending
    # (a rule's refusal, off-site, is not a failure: it is met again on the list page)
    assert {url: r for url, r in second.reasons.items() if r not in IGNORED_REASONS} == transient
    assert second.records == []


def test_next_run_outcomes(hostile: HostileCrawl) -> None:
    first, outcomes = hostile.first, hostile.second.report["outcomes"]
    transient = Counter(reason for reason in first.reasons.values() if is_transient(reason))
    assert outcomes["rejected"] == dict(transient)
    permanent = [r for r in first.reasons.values() if not is_transient(r) and r not in IGNORED_REASONS]
    assert outcomes["skipped_failed"] == len(permanent)
    # known articles: skipped, or rechecked and found unchanged
    known = sum(outcomes.get(k, 0) for k in ("skipped_known", "not_modified", "unchanged"))
    assert known == len(first.records)


@pytest.mark.parametrize("key", PERMANENT)
def test_next_run_does_not_fetch_a_permanent_failure_again(hostile: HostileCrawl, key: str) -> None:
    assert key in hostile.first.seen
    assert key not in hostile.second.seen
    if EXPECTED[key] == "redirect_loop":
        assert not [path for path in hostile.second.seen if path.startswith("/hop/")]


def test_a_column_that_redirects_off_the_site_is_a_reject_row_and_named(tmp_path: Path) -> None:
    routes = {"/col/": redirect("http://elsewhere.invalid/col/", status=301)}
    with serve_hostile(routes) as (base, _):
        entry = tmp_path / "moved.toml"
        entry.write_text(f'key = "moved"\nname = "测试市人民政府"\ndomains = ["127.0.0.1"]\n'
                         f'start_urls = ["{base}/col/"]\narticle_pattern = "/art/"\n', encoding="utf-8")
        args = ["run", str(entry), "--state", str(tmp_path / "state.sqlite"), "--out", str(tmp_path / "out")]
        for setting in SETTINGS:
            args += ["-s", setting]
        proc = run_cli(*args, cwd=tmp_path, timeout=60)
    assert proc.returncode == 1, proc.stderr[-2000:]
    [rejects] = (tmp_path / "out" / "moved").glob("*/rejects/*.jsonl")
    [row] = read_jsonl(rejects)
    assert (row["url"], row["reason"]) == (f"{base}/col/", "offsite_redirect")
    assert "elsewhere.invalid" in row["detail"]
    assert "rejected (offsite_redirect 1)" in proc.stdout


def test_ctrl_c_cuts_stalled_downloads_and_publishes_what_was_read(tmp_path: Path) -> None:
    """Without the cut, a stopping run waits for its stalled answers until DOWNLOAD_TIMEOUT."""
    routes = {"/art/good.html": page(GOOD), **{f"/art/stalled-{n}.html": stall() for n in range(3)}}
    with serve_hostile(routes) as (base, seen):
        entry = tmp_path / "slow.toml"
        entry.write_text(f'key = "slow"\nname = "测试市人民政府"\ndomains = ["127.0.0.1"]\n'
                         f'start_urls = ["{base}{LIST_PATH}"]\narticle_pattern = "/art/"\n', encoding="utf-8")
        args = [sys.executable, "-m", "govcrawl.cli", "run", str(entry), "--state", str(tmp_path / "state.sqlite"),
                "--out", str(tmp_path / "out"), "-s", "DOWNLOAD_TIMEOUT=120", "-s", "GOVCRAWL_SHUTDOWN_GRACE=1",
                *[arg for setting in FAST_SETTINGS for arg in ("-s", setting)]]
        log = tmp_path / "run.log"
        with log.open("w", encoding="utf-8") as stderr:
            proc = subprocess.Popen([*args, "-v", "-s", "LOG_LEVEL=DEBUG"], cwd=tmp_path, stdout=subprocess.PIPE,
                                    stderr=stderr, text=True)
        deadline = time.monotonic() + 60  # the good article scraped, the stalled ones in flight
        while not (all(f"/art/stalled-{n}.html" in seen for n in range(3))
                   and f"Scraped from <200 {base}/art/good.html>" in log.read_text(encoding="utf-8")):
            assert time.monotonic() < deadline and proc.poll() is None, "the run never got to the stalled pages"
            time.sleep(0.05)
        proc.send_signal(signal.SIGINT)
        out, _ = proc.communicate(timeout=60)  # far less than DOWNLOAD_TIMEOUT
        err = log.read_text(encoding="utf-8")
    assert proc.returncode == 1, err[-3000:]
    assert out.startswith("slow: INTERRUPTED") and "1 articles exported" in out and "interrupted 3" in out, out
    [export] = (tmp_path / "out" / "slow").glob("*/*.jsonl")
    assert [r["url"] for r in read_jsonl(export)] == [f"{base}/art/good.html"]
    [rejects] = (tmp_path / "out" / "slow").glob("*/rejects/*.jsonl")
    assert sorted(r["reason"] for r in read_jsonl(rejects)) == ["interrupted"] * 3
