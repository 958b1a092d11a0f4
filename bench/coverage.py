#!/usr/bin/env python3
"""Whole-site coverage: govcrawl (crawl, and a first run) and trafilatura's focused crawler,
each entered by a saved site's home page, scored against the articles reachable from it.

For each site under ``bench/sites/`` (``truth.json``, see ``bench/sites/truth.py``) the copy is
served on loopback (``bench/siteserve.py``), a four-key home-only entry is written, and

1. ``govcrawl crawl ENTRY --out TMP`` runs as a subprocess,
2. ``govcrawl run ENTRY --state TMP/state.sqlite --out TMP2`` (a first run, empty state),
3. ``trafilatura.spider.focused_crawler`` runs from the same home URL (a subprocess too).

govcrawl's records count by their ``url``; trafilatura's "found" are the URLs of its known set
(visited and still to visit) that are truth articles. Recall = found truth articles / truth
articles; precision = exported URLs that are truth articles / exported URLs (for trafilatura:
the share of its known on-site page URLs that are truth articles; it decides no article, so this
says how much sorting is left, not a fault). Requests are counted by the server; govcrawl's
split into discovery, list and article requests comes from its crawl stats.

    .venv/bin/python bench/coverage.py                      # every site, one table
    .venv/bin/python bench/coverage.py --site hcdd_cq_cn --show-misses 5 --json out.json
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH / "sites"))

from siteserve import Hits, serve_copy  # noqa: E402
from truth import SITES, Site, linked_from, load, locate, site_keys, url_of  # noqa: E402

VENV_BIN = Path(sys.executable).parent
CONCURRENCY = 16
#: one integer line of Scrapy's closing stats dump
STAT_LINE = re.compile(r"^\s*[{ ]?'([^']+)':\s*(\d+)[,}]?\s*$", re.MULTILINE)
TOOLS = ("crawl", "run", "trafilatura")
TOOL_TIMEOUT = 600


@dataclass
class Score:
    """One tool on one site."""

    recall: float
    precision: float
    found: int
    exported: int
    truth: int
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    #: the same against the main site's articles (none reached only through a merged-in sub-site)
    recall_main: float = 1.0
    found_main: int = 0
    truth_main: int = 0


@dataclass
class ToolRun:
    """What one tool did on one site: its score, requests, seconds, and govcrawl's stats."""

    tool: str
    score: Score
    requests: int
    seconds: float
    stats: dict[str, int] = field(default_factory=dict)
    error: str = ""
    #: site paths the tool requested, in order
    fetched: list[str] = field(default_factory=list)

    @property
    def discovery_overhead(self) -> float | None:
        """Discovery requests that were no list page, over list and article requests."""
        return self._ratio("discovery_overhead")

    @property
    def extra_requests(self) -> float | None:
        """Requests the server answered beyond the list and article pages read, over those pages:
        what discovery, failed fetches and fetching a page twice cost (a page the search for
        columns fetched and the spider read again without a fetch counts once)."""
        return self._ratio("extra_requests")

    @property
    def extra_answered(self) -> float | None:
        """``extra_requests`` without the requests the copy answered 404: pages it lacks (not saved,
        or left out by the subsampling), which on the live site would be read as something."""
        return self._ratio("extra_answered")

    def _ratio(self, name: str) -> float | None:
        return None if self.tool == "trafilatura" else request_ratios(self.requests, [self.stats])[name]


def request_ratios(requests: int, stats: list[dict[str, int]]) -> dict[str, float | None]:
    """What finding the pages cost, from the requests the server answered and govcrawl's stats
    (of one run, or summed over runs), over the list and article pages read (None: none read)."""
    def total(key: str) -> int:
        return sum(s.get(key, 0) for s in stats)

    work = total("govcrawl/list/pages") + total("govcrawl/article/pages")
    if not work:
        return {"discovery_overhead": None, "extra_requests": None, "extra_answered": None}
    missing = total("downloader/response_status_count/404")
    return {"discovery_overhead": (total("govcrawl/discovery/pages") - total("govcrawl/discovery/columns")) / work,
            "extra_requests": (requests - work) / work,
            "extra_answered": (requests - missing - work) / work}


def score(exported: set[str], truth: set[str], main: set[str] | None = None) -> Score:
    """Recall and precision of exported paths against the truth articles (and the main site's)."""
    hit = exported & truth
    main = truth if main is None else main
    return Score(recall=len(hit) / len(truth) if truth else 1.0,
                 precision=len(hit) / len(exported) if exported else 1.0,
                 found=len(hit), exported=len(exported), truth=len(truth),
                 misses=sorted(truth - exported), false_positives=sorted(exported - truth),
                 recall_main=len(exported & main) / len(main) if main else 1.0,
                 found_main=len(exported & main), truth_main=len(main))


def score_site(site: Site, exported: set[str]) -> Score:
    """A tool's exported paths scored against a site's truth."""
    return score(exported, set(site.articles), set(site.articles_main))


def to_site_path(site: Site, url: str, origin: str) -> str | None:
    """A loopback URL as the truth names it (``/info/1002/1.html``); None when off the copy."""
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}" != origin:
        return None
    return url_of(site, parts.path or "/", parts.query)


def entry_file(folder: Path, key: str, home: str) -> Path:
    """A four-key, home-only site entry for the served copy."""
    path = folder / f"bench_{key}.toml"
    path.write_text(f'key = "bench_{key}"\nname = "{key}"\ndomains = ["127.0.0.1"]\nhome = "{home}"\n',
                    encoding="utf-8")
    return path


def govcrawl_args(command: str, entry: Path, work: Path) -> list[str]:
    """The command line of a crawl or a first run, with the bench's settings."""
    args = [str(VENV_BIN / "govcrawl"), command, str(entry), "--out", str(work / "out")]
    if command == "run":
        args += ["--state", str(work / "state.sqlite")]
    for name, value in (("CONCURRENT_REQUESTS", CONCURRENCY), ("CONCURRENT_REQUESTS_PER_DOMAIN", CONCURRENCY),
                        ("DOWNLOAD_DELAY", 0), ("AUTOTHROTTLE_ENABLED", False), ("LOG_LEVEL", "INFO"),
                        ("GOVCRAWL_PROGRESS_INTERVAL", 0), ("TELNETCONSOLE_ENABLED", False)):
        args += ["-s", f"{name}={value}"]
    return args


def exported_urls(out: Path) -> list[str]:
    """Every record URL in the published export files under ``out``."""
    urls = []
    for file in sorted(out.rglob("*.jsonl")):
        if file.parent.name != "rejects":
            urls += [json.loads(line)["url"] for line in file.read_text(encoding="utf-8").splitlines() if line]
    return urls


def run_govcrawl(command: str, site: Site, home: str, origin: str, work: Path) -> tuple[list[str], dict[str, int]]:
    """Run govcrawl crawl/run as a subprocess; its exported URLs and integer stats."""
    work.mkdir(parents=True)
    entry = entry_file(work, site.key, home)
    proc = subprocess.run(govcrawl_args(command, entry, work), capture_output=True, text=True,
                          timeout=TOOL_TIMEOUT, cwd=work)
    (work / "stderr.log").write_text(proc.stderr, encoding="utf-8")
    if proc.returncode != 0:
        tail = "\n".join(proc.stderr.splitlines()[-15:])
        raise RuntimeError(f"govcrawl {command} exited {proc.returncode} on {site.key}:\n{proc.stdout}\n{tail}")
    # Scrapy's log, with its closing stats dump, is in the file that stderr names
    logs = [Path(path) for path in re.findall(r"^govcrawl: log: (.+)$", proc.stderr, re.M)]
    log = proc.stderr + "".join(path.read_text(encoding="utf-8") for path in logs)
    stats = {k: int(v) for k, v in STAT_LINE.findall(log.split("Dumping Scrapy stats:")[-1])}
    return exported_urls(work / "out"), stats


#: courlan drops links to IP addresses and localhost, so trafilatura gets the copy under this
#: name, which the child process resolves to loopback
TRAFILATURA_HOST = "site.bench.test"
TRAFILATURA_CHILD = """
import json, socket, sys
real_getaddrinfo = socket.getaddrinfo
def loopback(host, *args, **kwargs):
    return real_getaddrinfo("127.0.0.1" if host == sys.argv[4] else host, *args, **kwargs)
socket.getaddrinfo = loopback
from trafilatura.settings import use_config
from trafilatura.spider import focused_crawler
config = use_config()
config.set("DEFAULT", "SLEEP_TIME", "0")
config.set("DEFAULT", "SSRF_PROTECTION", "off")  # the copy is served on loopback
todo, known = focused_crawler(sys.argv[1], max_seen_urls=int(sys.argv[2]), max_known_urls=int(sys.argv[3]),
                              config=config)
print(json.dumps({"todo": todo, "known": known}))
"""


def run_trafilatura(site: Site, home: str, pages: int) -> tuple[list[str], list[str]]:
    """trafilatura's focused crawler from the home page: (known URLs, URLs left to visit)."""
    limits = [str(10 * pages), str(100 * pages)]
    proc = subprocess.run([sys.executable, "-c", TRAFILATURA_CHILD, home, *limits, TRAFILATURA_HOST],
                          capture_output=True, text=True, timeout=TOOL_TIMEOUT)
    if proc.returncode != 0:
        raise RuntimeError(f"trafilatura exited {proc.returncode} on {site.key}:\n{proc.stderr[-2000:]}")
    answer = json.loads(proc.stdout.strip().splitlines()[-1])
    return answer["known"], answer["todo"]


def govcrawl_tool(command: str, site: Site, home: str, origin: str, work: Path) -> tuple[Score, dict[str, int]]:
    """Score a govcrawl crawl or first run: records whose URL maps to no saved path stay as URLs."""
    urls, stats = run_govcrawl(command, site, home, origin, work / command)
    exported = {to_site_path(site, u, origin) or u for u in urls}
    return score_site(site, exported), stats


def trafilatura_tool(site: Site, home: str, origin: str) -> tuple[Score, dict[str, int]]:
    """Score trafilatura: found = known URLs that are truth articles (see the module docstring)."""
    origin = origin.replace("127.0.0.1", TRAFILATURA_HOST)
    known, todo = run_trafilatura(site, home.replace("127.0.0.1", TRAFILATURA_HOST), site.pages or 100)
    paths = {p for p in (to_site_path(site, u, origin) for u in known) if p is not None}
    return score_site(site, paths), {"known": len(known), "left_to_visit": len(todo)}


def rebuild_hint(key: str) -> str:
    """The collect.py command that rebuilds a site's saved copy, from its provenance line."""
    lines = (SITES / "provenance.jsonl").read_text(encoding="utf-8").splitlines()
    prov = next((json.loads(x) for x in lines if x.strip() and json.loads(x)["key"] == key), None)
    if prov is None:
        return f"python bench/sites/collect.py GITDIR {key} --repo OWNER/NAME --host HOST"
    args = [f"--host {h}" for h in prov["hosts"]]
    if prov.get("drop_regex"):
        args.append(f"--drop '{prov['drop_regex']}'")
    if prov.get("max_bytes"):
        args.append(f"--max-bytes {prov['max_bytes']}")
    return (f"python bench/sites/collect.py <bare clone of github.com/{prov['repo']} at {prov['commit']}> {key} "
            f"--repo {prov['repo']} " + " ".join(args))


def present(key: str) -> bool:
    """Whether a site's saved copy is on disk (only its truth.json is in git for some sites)."""
    if locate(load(key).root, "/" + load(key).home.lstrip("/")) is not None:
        return True
    print(f"SKIP {key}: saved copy missing, rebuild with: {rebuild_hint(key)}", flush=True)
    return False


def bench_site(key: str, tools: list[str], work: Path) -> list[ToolRun]:
    """Serve one site and run each tool on it in turn."""
    site, hits, runs = load(key), Hits(), []
    with serve_copy(key, hits) as origin:
        home = f"{origin}/{site.home}"
        for tool in tools:
            started = time.monotonic()
            try:
                if tool == "trafilatura":
                    result, stats = trafilatura_tool(site, home, origin)
                else:
                    result, stats = govcrawl_tool(tool, site, home, origin, work / key)
                error = ""
            except (RuntimeError, subprocess.TimeoutExpired) as exc:
                result, stats, error = score_site(site, set()), {}, str(exc)
            paths = hits.take()
            fetched = [to_site_path(site, origin + p, origin) or p for p in paths]
            runs.append(ToolRun(tool, result, len(paths), round(time.monotonic() - started, 1), stats, error, fetched))
    return runs


def totals(results: dict[str, list[ToolRun]], tool: str) -> dict[str, float]:
    """Pooled recall and precision of one tool over all sites, its lowest site recall, its requests."""
    runs = [r for rs in results.values() for r in rs if r.tool == tool]
    found = sum(r.score.found for r in runs)
    truth = sum(r.score.truth for r in runs)
    exported = sum(r.score.exported for r in runs)
    main = sum(r.score.truth_main for r in runs)
    out = {"recall": found / truth if truth else 1.0, "precision": found / exported if exported else 1.0,
           "recall_main": sum(r.score.found_main for r in runs) / main if main else 1.0,
           "mean_recall": sum(r.score.recall for r in runs) / len(runs) if runs else 0.0,
           "min_recall": min((r.score.recall for r in runs), default=0.0),
           "min_recall_main": min((r.score.recall_main for r in runs), default=0.0),
           "requests": sum(r.requests for r in runs)}
    if tool != "trafilatura":
        ratios = request_ratios(out["requests"], [r.stats for r in runs])
        out |= {name: value or 0.0 for name, value in ratios.items()}
    return out


def print_table(results: dict[str, list[ToolRun]], tools: list[str]) -> None:
    """One line per site and tool pair, then the totals."""
    head = f"{'site':<16}{'truth':>6}{'main':>5}" + "".join(f"{t[:5] + ' R':>10}{'Rm':>6}{'P':>6}{'req':>6}"
                                                         for t in tools)
    govcrawl_tools = [t for t in tools if t != "trafilatura"]
    head += "".join(f"{t + ' disc/list/art':>22}{'ovh':>7}{'extra':>7}{'x200':>7}" for t in govcrawl_tools)
    print("R recall, Rm recall on the main site's articles (main: how many; none reached only through a merged-in\n"
          "sub-site), P precision, req requests the server answered; disc/list/art govcrawl's discovery, list and\n"
          "article pages (a discovered column counts in disc and list); ovh = (disc - columns) / (list + art);\n"
          "extra = (req - list - art) / (list + art): every request that was no list or article page read;\n"
          "x200 = extra without the requests the copy answered 404 (pages it lacks)")
    print(head)
    for key, runs in results.items():
        line = f"{key[:15]:<16}{runs[0].score.truth:>6}{runs[0].score.truth_main:>5}"
        line += "".join(f"{r.score.recall:>10.3f}{r.score.recall_main:>6.3f}{r.score.precision:>6.3f}{r.requests:>6}"
                        for r in runs)
        for r in (r for r in runs if r.tool != "trafilatura"):
            s = r.stats
            split = f"{s.get('govcrawl/discovery/pages', 0)}/{s.get('govcrawl/list/pages', 0)}/" \
                    f"{s.get('govcrawl/article/pages', 0)}"
            line += f"{split:>22}" + "".join(f"{x if x is not None else float('nan'):>7.3f}"
                                             for x in (r.discovery_overhead, r.extra_requests, r.extra_answered))
        print(line)
    print(f"{'total':<16}{sum(rs[0].score.truth for rs in results.values()):>6}"
          f"{sum(rs[0].score.truth_main for rs in results.values()):>5}"
          + "".join(f"{totals(results, t)['recall']:>10.3f}{totals(results, t)['recall_main']:>6.3f}"
                    f"{totals(results, t)['precision']:>6.3f}{totals(results, t)['requests']:>6}" for t in tools)
          + "".join(f"{'':>22}{totals(results, t)['discovery_overhead']:>7.3f}"
                    f"{totals(results, t)['extra_requests']:>7.3f}{totals(results, t)['extra_answered']:>7.3f}"
                    for t in govcrawl_tools))
    for tool in tools:
        t = totals(results, tool)
        print(f"{tool}: pooled recall {t['recall']:.3f}, precision {t['precision']:.3f}, mean site recall "
              f"{t['mean_recall']:.3f}, lowest {t['min_recall']:.3f}; main sites: pooled recall "
              f"{t['recall_main']:.3f}, lowest {t['min_recall_main']:.3f}")


def why_missed(path: str, fetched: set[str], parents: dict[str, set[str]]) -> str:
    """Why a tool missed a truth article, as far as its requests tell."""
    if path in fetched:
        return "fetched, not exported"
    linking = parents.get(path, set())
    if linking & fetched:
        return "a fetched page links to it, never requested"
    if any(parents.get(p, set()) & fetched for p in linking):
        return "its list pages are linked from fetched pages, never requested"
    return "nothing near it fetched"


def explain(key: str, run: ToolRun, parents: dict[str, set[str]]) -> dict[str, list[str]]:
    """The misses of one run grouped by reason, each with the fetched page that links to it."""
    fetched, groups = set(run.fetched), {}
    for path in run.score.misses:
        reason = why_missed(path, fetched, parents)
        linking = parents.get(path, set())
        # the page a crawler had to request next: a fetched parent, else a parent a fetched page links to
        via = sorted(linking & fetched) or sorted(p for p in linking if parents.get(p, set()) & fetched)
        groups.setdefault(reason, []).append(f"{path}  <- {via[0] if via else '?'}")
    return groups


def print_misses(results: dict[str, list[ToolRun]], count: int) -> None:
    """Missed articles grouped by reason, and false positives, per site and tool."""
    for key, runs in results.items():
        parents = linked_from(load(key))
        for r in runs:
            print(f"\n{key} {r.tool}: {len(r.score.misses)} missed, {len(r.score.false_positives)} not articles")
            for reason, paths in explain(key, r, parents).items():
                print(f"  {len(paths)} {reason}:")
                for line in paths[:count]:
                    print(f"    miss  {line}")
            for path in r.score.false_positives[:count]:
                print(f"  extra {path}")
            if r.error:
                print(f"  ERROR {r.error[:500]}")


def main() -> int:
    """Run the bench; exit 1 when a tool failed on a site."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--site", action="append", default=[], help="only this site key (repeatable)")
    ap.add_argument("--tool", action="append", choices=TOOLS, default=[], help="only this tool (repeatable)")
    ap.add_argument("--show-misses", type=int, default=0, metavar="N", help="print N misses and extras each")
    ap.add_argument("--json", type=Path, help="write every figure here")
    ap.add_argument("--keep", type=Path, help="keep govcrawl's exports and logs in this folder")
    args = ap.parse_args()
    tools = [t for t in TOOLS if t in args.tool] or list(TOOLS)
    if args.keep and args.keep.exists() and any(args.keep.iterdir()):
        ap.error(f"--keep {args.keep} is not empty: its old exports would be counted")
    with tempfile.TemporaryDirectory(prefix="govcrawl-coverage-") as tmp:
        work = args.keep or Path(tmp)
        results = {key: bench_site(key, tools, work) for key in args.site or site_keys() if present(key)}
    print_table(results, tools)
    if args.show_misses:
        print_misses(results, args.show_misses)
    if args.json:
        figures = {"sites": {k: [asdict(r) | {"discovery_overhead": r.discovery_overhead,
                                              "extra_requests": r.extra_requests,
                                              "extra_answered": r.extra_answered} for r in rs]
                             for k, rs in results.items()},
                   "totals": {t: totals(results, t) for t in tools}, "concurrency": CONCURRENCY,
                   "date": time.strftime("%Y-%m-%d"), "cpus": os.cpu_count()}
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=1), encoding="utf-8")
    failed = [(k, r.tool) for k, rs in results.items() for r in rs if r.error]
    for key, tool in failed:
        print(f"FAILED: {tool} on {key}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
