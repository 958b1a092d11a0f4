#!/usr/bin/env python3
"""Soak: one `govcrawl run` over a loopback site whose articles are broken in every way we know.

Generates a TRS-style site of N articles (default 5,000; tests/sitegen.py), breaks a share of
them (default 30%) in the ways real sites fail, one kind per page (KINDS), serves it on
loopback and runs `govcrawl run` once in a subprocess while sampling its RSS every 0.2 s. Then
checks: each good article exported once and intact; no record for a broken page (by URL, and no
mojibake or block-page phrase in any record); each broken page in the rejects file under its
expected reason, and in the report's `rejected` counts and `outcomes` table (`unaccounted` 0);
the RSS peak at the end within 10% of the peak after the first 500 article pages; exit code 0.
Exits 1 when a check fails.

usage: bench/soak.py [--articles N] [--broken-share F] [--json FILE] [--keep]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from govcrawl.siteserver import SavedSiteHandler  # noqa: E402
from tests.sitegen import ARTICLE, GeneratedSite, _day  # noqa: E402

HOSTILE = ROOT / "tests" / "extract" / "fixtures" / "hostile"
DOWNLOAD_TIMEOUT = 5
SETTINGS = ["DOWNLOAD_DELAY=0", "AUTOTHROTTLE_ENABLED=False", "CONCURRENT_REQUESTS_PER_DOMAIN=16",
            "CONCURRENT_REQUESTS=16", "RETRY_TIMES=0", f"DOWNLOAD_TIMEOUT={DOWNLOAD_TIMEOUT}",
            "TELNETCONSOLE_ENABLED=False", "LOGSTATS_INTERVAL=5"]
EXPORTED = "exported"
#: kind of broken page → what govcrawl must make of it: a rejection reason, or EXPORTED
#: (a page that is hard to fetch or decode but is an article all the same)
KINDS = {
    "http_500": "http_500", "http_503": "http_503", "http_404": "http_404",
    "soft_404": "soft_404", "waf_yunfanghu": "blocked", "waf_safedog": "blocked",
    "maintenance": "maintenance", "captcha": "captcha", "empty_template": "empty_page",
    "slow": EXPORTED, "too_slow": "timeout",
    "cut_short_length": "truncated", "cut_short_chunked": "truncated", "no_answer": "connection_error",
    "gbk_meta_gbk": EXPORTED, "gbk_no_meta": EXPORTED, "gbk_meta_utf8": EXPORTED,
    "offsite_redirect": "offsite_redirect", "redirect_loop": "redirect_loop", "redirect_self": "redirect_loop",
}
#: kinds served as a saved hostile page at status 200 (copied into the article's file)
FIXTURES = {"soft_404": "soft404_not_exist.html", "waf_yunfanghu": "blocked_yunfanghu.html",
            "waf_safedog": "blocked_safedog.html", "maintenance": "maintenance.html",
            "captcha": "captcha.html", "empty_template": "empty_template.html"}
SLOW_S = 1.5
#: what a block, error or challenge page says; none of it may reach a record
BLOCK_PHRASES = ("访问拦截", "网站防火墙", "不合法参数", "您访问的页面不存在", "网站维护中", "维护",
                 "安全验证", "验证码", "云防护", "safedog", "拦截", "页面不存在")
#: UTF-8 read as Latin-1/GBK, or undecodable bytes
MOJIBAKE = re.compile(r"[\ufffd\u00c0-\u00ff]|鍏|锛|銆|浜|绗|鐨")
NUMBER = re.compile(r"_(\d+)\.html$")
LIST_PAGE = re.compile(r"/(index(_\d+)?\.html)?$")


@dataclass
class SoakSite:
    """A GeneratedSite whose chosen articles are each broken in one of the KINDS."""

    site: GeneratedSite
    kinds: dict[int, str] = field(default_factory=dict)

    @classmethod
    def build(cls, root: Path, articles: int, share: float, seed: int) -> SoakSite:
        site = GeneratedSite(root, per_page=20)
        site.add(articles)
        broken = random.Random(seed).sample(range(1, articles + 1), round(articles * share))
        names = list(KINDS)
        soak = cls(site, {n: names[i % len(names)] for i, n in enumerate(broken)})
        for n, kind in soak.kinds.items():
            soak._write(n, kind)
        return soak

    def _write(self, n: int, kind: str) -> None:
        path = self.site.root / self.site.article_path(n).lstrip("/")
        if kind in FIXTURES:
            path.write_bytes((HOSTILE / FIXTURES[kind]).read_bytes())
        elif kind.startswith("gbk_"):
            html = path.read_text(encoding="utf-8")
            meta = {"gbk_meta_gbk": '<meta charset="gb2312">', "gbk_no_meta": ""}.get(kind)
            html = html if meta is None else html.replace('<meta charset="utf-8">', meta)
            path.write_bytes(html.encode("gbk"))
        elif kind == "offsite_redirect":  # what the other host serves, were it ever fetched
            other = self.site.root / "elsewhere" / path.name
            other.parent.mkdir(exist_ok=True)
            other.write_text(ARTICLE.format(title=f"站外转载第{n}号", day=_day(n), lead="站外的正文。"),
                             encoding="utf-8")

    def path_kinds(self) -> dict[str, str]:
        """URL path → kind, for the server (the loop's second hop included)."""
        paths = {self.site.article_path(n): kind for n, kind in self.kinds.items()}
        return paths | dict.fromkeys(self.loop_hops(), "loop_back")

    def loop_hops(self) -> dict[str, str]:
        """A redirect loop's second hop → the article it leads back to."""
        return {f"/loop/{n}.html": self.site.article_path(n) for n, k in self.kinds.items() if k == "redirect_loop"}

    def expected(self, n: int) -> str:
        return KINDS.get(self.kinds.get(n, ""), EXPORTED)


@dataclass
class ServerState:
    """What the handler threads share: the broken paths and the article pages served."""

    kinds: dict[str, str]
    loop_hops: dict[str, str]
    articles: frozenset[str]
    served: int = 0
    lists_served: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    stop: threading.Event = field(default_factory=threading.Event)


class SoakHandler(SavedSiteHandler):
    """Serves the generated files, and the broken kinds the way broken servers do."""

    soak: ClassVar[ServerState]

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        try:
            kind = self.soak.kinds.get(path)
            if kind is None or kind in FIXTURES:
                SimpleHTTPRequestHandler.do_GET(self)
            else:
                self._broken(path, kind)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client gave up (a timeout): nothing to answer
        finally:
            with self.soak.lock:
                self.soak.served += path in self.soak.articles
                self.soak.lists_served += LIST_PAGE.search(path) is not None

    def _broken(self, path: str, kind: str) -> None:
        if kind.startswith("http_"):
            self.send_error(int(kind[5:]))
        elif kind in ("slow", "too_slow"):
            self.soak.stop.wait(SLOW_S if kind == "slow" else DOWNLOAD_TIMEOUT + 2)
            self.close_connection = kind == "too_slow"
            SimpleHTTPRequestHandler.do_GET(self)
        elif kind.startswith("gbk_"):
            self._send(200, self._file(path), "text/html; charset=utf-8")
        elif kind == "no_answer":
            self.close_connection = True  # hang up without a status line
        elif kind.startswith("cut_short"):
            self._cut_short(self._file(path), chunked=kind.endswith("chunked"))
        else:
            self._redirect(path, kind)

    def _redirect(self, path: str, kind: str) -> None:
        name = path.rsplit("/", 1)[-1]
        if kind == "offsite_redirect":  # another host: the domains allow only 127.0.0.1
            location = f"http://localhost:{self.server.server_address[1]}/elsewhere/{name}"
        elif kind == "redirect_loop":  # to /loop/<n>.html, which leads back here
            location = f"/loop/{NUMBER.search(name).group(1)}.html"
        else:
            location = path if kind == "redirect_self" else self.soak.loop_hops[path]
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _cut_short(self, body: bytes, *, chunked: bool) -> None:
        """Announce the whole page, send half, hang up."""
        half = body[: len(body) // 2]
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(b"%x\r\n%s\r\n" % (len(half), half) if chunked else half)
        self.close_connection = True

    def _file(self, path: str) -> bytes:
        return Path(self.translate_path(path)).read_bytes()

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve(soak: SoakSite) -> Iterator[tuple[str, ServerState]]:
    """Serve the site on 127.0.0.1; yields the base URL and the shared server state."""
    articles = frozenset(soak.site.article_path(n) for n in range(1, soak.site.count + 1))
    state = ServerState(soak.path_kinds(), soak.loop_hops(), articles)
    handler = type("Handler", (SoakHandler,), {"soak": state})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(soak.site.root)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", state
    finally:
        state.stop.set()
        server.shutdown()
        server.server_close()


class RssSampler(threading.Thread):
    """Samples a process's VmRSS every 0.2 s, beside the article pages served so far."""

    def __init__(self, pid: int, state: ServerState, warmup: int):
        super().__init__(daemon=True)
        self.pid, self.state, self.warmup = pid, state, warmup
        #: (seconds, RSS KiB, article pages served, list pages served)
        self.samples: list[tuple[float, int, int, int]] = []
        self.warm_peak: int | None = None
        self.done = threading.Event()

    def run(self) -> None:
        started = time.perf_counter()
        while not self.done.wait(0.2):
            served, lists = self.state.served, self.state.lists_served
            rss = _vm_rss(self.pid)
            if rss is None:
                continue
            self.samples.append((time.perf_counter() - started, rss, served, lists))
            if self.warm_peak is None and served >= self.warmup:
                self.warm_peak = max(s[1] for s in self.samples)

    def figures(self) -> dict[str, Any]:
        peak = max((s[1] for s in self.samples), default=0)
        timeline, step = [], max(self.warmup, 1)
        for _, rss, served, lists in self.samples:
            if served >= step * (len(timeline) + 1):
                timeline.append({"articles_served": served, "lists_served": lists, "rss_mib": round(rss / 1024, 1)})
        return {"warmup_articles": self.warmup, "rss_peak_warm_mib": _mib(self.warm_peak),
                "rss_peak_end_mib": _mib(peak), "samples": len(self.samples), "timeline": timeline}


def _vm_rss(pid: int) -> int | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    match = re.search(r"^VmRSS:\s+(\d+) kB", status, re.M)
    return int(match.group(1)) if match else None  # a zombie has no VmRSS


def _mib(kib: int | None) -> float | None:
    return None if kib is None else round(kib / 1024, 1)


def run_crawl(tmp: Path, entry: Path, state: ServerState, warmup: int, limit: float) -> dict[str, Any]:
    """One `govcrawl run` in its own process, its RSS sampled; its report, exit code and times."""
    args = [sys.executable, "-m", "govcrawl.cli", "run", str(entry),
            "--state", str(tmp / "state.sqlite"), "--out", str(tmp / "exports")]
    for setting in SETTINGS:
        args += ["-s", setting]
    with (tmp / "stdout.txt").open("wb") as out, (tmp / "log.txt").open("wb") as log:
        started = time.perf_counter()
        proc = subprocess.Popen(args, cwd=tmp, stdout=out, stderr=log)
        sampler = RssSampler(proc.pid, state, warmup)
        sampler.start()
        try:
            code = proc.wait(timeout=limit)
        except subprocess.TimeoutExpired:
            proc.kill()
            code = proc.wait()
        wall = time.perf_counter() - started
        sampler.done.set()
        sampler.join()
    reports = sorted((tmp / "exports").glob("*/*/*.report.json"))
    report = json.loads(reports[-1].read_text(encoding="utf-8")) if reports else {}
    return {"exit_code": code, "wall_s": round(wall, 3), "report": report, "memory": sampler.figures(),
            "stdout": (tmp / "stdout.txt").read_text(encoding="utf-8", errors="replace")}


def read_outputs(tmp: Path, run_id: str) -> tuple[list[dict], list[dict], list[Path]]:
    """The published records, the rejects rows, and any export left unpublished (*.part)."""
    exports = tmp / "exports"
    records = [json.loads(line) for path in sorted(exports.glob("*/*/*.jsonl"))
               for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rejects = [json.loads(line) for path in sorted(exports.glob(f"*/*/rejects/{run_id}.jsonl"))
               for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return records, rejects, sorted(exports.rglob("*.part"))


@dataclass
class Verdicts:
    """Named checks, each passed or failed with the lines that say why."""

    results: list[tuple[str, bool, list[str]]] = field(default_factory=list)

    def add(self, name: str, problems: list[str]) -> None:
        self.results.append((name, not problems, problems))

    @property
    def ok(self) -> bool:
        return all(passed for _, passed, _ in self.results)


def check(soak: SoakSite, base: str, run: dict[str, Any], tmp: Path) -> tuple[Verdicts, dict[str, Counter]]:
    """Every check of the module docstring; also what became of each kind's pages."""
    report, verdicts = run["report"], Verdicts()
    records, rejects, parts = read_outputs(tmp, report.get("run_id", "-"))
    urls = {base + soak.site.article_path(n): n for n in range(1, soak.site.count + 1)}
    expected = {url: soak.expected(n) for url, n in urls.items()}
    exported = Counter(r.get("url") for r in records)
    got: dict[str, list[str]] = defaultdict(list)
    for row in rejects:
        got[row.get("url")].append(row.get("reason"))
    for url in exported:
        got[url].append(EXPORTED)
    verdicts.add("govcrawl run exit code 0", [] if run["exit_code"] == 0 else [f"exit code {run['exit_code']}"])
    verdicts.add("a report, and no unpublished *.part export",
                 ([] if report else ["no report"]) + [f"left: {p}" for p in parts])
    verdicts.add("every good article exported exactly once, intact", _check_good(urls, expected, exported, records))
    verdicts.add("no record for a broken page, no mojibake or block-page text in a record",
                 _check_garbage(expected, records))
    verdicts.add("every broken page in the rejects file once, under its expected reason",
                 _check_rejects(expected, soak, urls, got))
    verdicts.add("report: rejected counts and outcomes table", _check_report(expected, report))
    verdicts.add("memory: RSS peak at the end within 10% of the peak after the warm-up",
                 _check_memory(run["memory"]))
    by_kind: dict[str, Counter] = defaultdict(Counter)
    for url, n in urls.items():
        by_kind[soak.kinds.get(n, "good")].update(got.get(url) or ["missing"])
    return verdicts, by_kind


def _check_good(urls: dict[str, int], expected: dict[str, str], exported: Counter,
                records: list[dict]) -> list[str]:
    problems = [f"{url}: exported {exported[url]} times" for url, want in expected.items()
                if want == EXPORTED and exported[url] != 1]
    for record in records:
        n = urls.get(record.get("url"))
        if n is None or expected[record["url"]] != EXPORTED:
            continue
        title, body = record.get("title"), record.get("body") or ""
        if title != f"关于第{n}号事项的通知" or f"这是第{n}号通知的正文。" not in body:
            problems.append(f"{record['url']}: title {record.get('title')!r}, body {record.get('body', '')[:40]!r}")
    return problems


def _check_garbage(expected: dict[str, str], records: list[dict]) -> list[str]:
    problems = []
    for record in records:
        url = record.get("url")
        if expected.get(url) != EXPORTED:
            problems.append(f"{url}: exported, but it is {expected.get(url, 'not an article the list linked to')}")
        text = f"{record.get('title')}\n{record.get('body')}"
        if mojibake := MOJIBAKE.search(text):
            problems.append(f"{url}: mojibake {mojibake.group()!r} in {record.get('title')!r}")
        problems += [f"{url}: record says {p!r}" for p in BLOCK_PHRASES if p in text]
    return problems


def _check_rejects(expected: dict[str, str], soak: SoakSite, urls: dict[str, int],
                   got: dict[str, list[str]]) -> list[str]:
    problems = []
    for url, want in expected.items():
        rows = [r for r in got.get(url, []) if r != EXPORTED]
        if want != EXPORTED and rows != [want]:
            problems.append(f"{url} ({soak.kinds[urls[url]]}): expected {want}, got {rows or 'no row'}")
        elif want == EXPORTED and rows:
            problems.append(f"{url} ({soak.kinds.get(urls[url], 'good')}): exported page also rejected {rows}")
    problems += [f"{url}: rejected {reasons} but no list linked to it"
                 for url, reasons in got.items() if url not in expected]
    return problems


def _check_report(expected: dict[str, str], report: dict[str, Any]) -> list[str]:
    reasons = Counter(want for want in expected.values() if want != EXPORTED)
    outcomes = report.get("outcomes", {})
    want_outcomes = {"links_found": len(expected), "exported_new": len(expected) - reasons.total(),
                     "rejected": dict(reasons), "unaccounted": 0}
    problems = []
    if report.get("rejected") != dict(reasons):
        problems.append(f"rejected: expected {_sorted(reasons)}, got {_sorted(report.get('rejected'))}")
    for key in sorted(set(outcomes) | set(want_outcomes)):
        if outcomes.get(key) != want_outcomes.get(key):
            want, got = want_outcomes.get(key), outcomes.get(key)
            problems.append(f"outcomes[{key!r}]: expected {_sorted(want)}, got {_sorted(got)}")
    return problems


def _sorted(value: Any) -> Any:
    return dict(sorted(value.items())) if isinstance(value, dict) else value


def _check_memory(memory: dict[str, Any]) -> list[str]:
    warm, end = memory["rss_peak_warm_mib"], memory["rss_peak_end_mib"]
    if warm is None:
        return [f"the run ended before {memory['warmup_articles']} article pages were served"]
    return [] if end <= warm * 1.10 else [f"{end} MiB at the end > 110% of {warm} MiB"]


def print_figures(soak: SoakSite, run: dict[str, Any], verdicts: Verdicts, by_kind: dict[str, Counter]) -> None:
    report, memory = run["report"], run["memory"]
    count, broken = soak.site.count, len(soak.kinds)
    print(f"site: {count} articles, {broken} broken ({broken / count:.0%}) in {len(KINDS)} kinds; "
          f"govcrawl run exit code {run['exit_code']}")
    print(f"  {'kind':20s} {'pages':>6}  {'expected':18s} got")
    for kind in [*KINDS, "good"]:
        outcome = ", ".join(f"{k} {v}" for k, v in by_kind[kind].most_common())
        want = KINDS.get(kind, EXPORTED)
        print(f"  {kind:20s} {by_kind[kind].total():>6}  {want:18s} {outcome}")
    duration = report.get("duration_s") or 0
    rows = [("requests", report.get("requests")), ("pages fetched", report.get("pages_fetched")),
            ("article pages", report.get("article_pages")), ("exported", report.get("exported")),
            ("rejected", sum(report.get("rejected", {}).values())), ("crawl time (s)", duration),
            ("wall time incl. start-up (s)", run["wall_s"]),
            ("pages/s (fetched / crawl time)", round(report.get("pages_fetched", 0) / duration, 1) if duration else 0),
            (f"RSS peak after {memory['warmup_articles']} articles (MiB)", memory["rss_peak_warm_mib"]),
            ("RSS peak at the end (MiB)", memory["rss_peak_end_mib"])]
    for label, value in rows:
        print(f"  {label:36s} {value!s:>10}")
    print("  RSS (MiB) by article pages served (list pages served so far):")
    for point in memory["timeline"]:
        print(f"    {point['articles_served']:>6} ({point['lists_served']:>4})  {point['rss_mib']:>7}")
    for name, passed, problems in verdicts.results:
        print(f"{'PASS' if passed else 'FAIL'} {name}" + (f" ({len(problems)} problems)" if problems else ""))
        for line in problems[:12]:
            print(f"       {line}")
        if len(problems) > 12:
            print(f"       … {len(problems) - 12} more")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--broken-share", type=float, default=0.3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=1800, help="kill the crawl after this many seconds")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--keep", action="store_true", help="keep the site, exports and log; print where")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="govcrawl-soak-"))
    soak = SoakSite.build(tmp / "site", args.articles, args.broken_share, args.seed)
    warmup = min(500, args.articles // 2)
    with serve(soak) as (base, state):
        entry = tmp / "gen.toml"
        entry.write_text(soak.site.entry_toml(base), encoding="utf-8")
        run = run_crawl(tmp, entry, state, warmup, args.timeout)
        verdicts, by_kind = check(soak, base, run, tmp)
    print(run["stdout"].rstrip())
    print_figures(soak, run, verdicts, by_kind)
    if args.json:
        figures = {"articles": args.articles, "broken": len(soak.kinds), "exit_code": run["exit_code"],
                   "wall_s": run["wall_s"], "report": run["report"], "memory": run["memory"],
                   "kinds": {k: dict(v) for k, v in by_kind.items()},
                   "checks": [{"check": n, "passed": p, "problems": pr} for n, p, pr in verdicts.results]}
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")
    if args.keep:
        print(f"kept: {tmp} (log.txt, exports/, site/)")
    else:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0 if verdicts.ok else 1


if __name__ == "__main__":
    sys.exit(main())
