"""Benchmark ``govcrawl dataset``: a full build over many run files, then an incremental one.

Default: 1,000,000 synthetic records in 1,000 run files over 50 sites (5% of articles reprinted
on another site, 2% revised by a later run). Prints wall time, CPU time and peak memory (RSS of
the build process and its workers, sampled) of a full build, and of the build after one more run.

    .venv/bin/python bench/dataset.py [--records N] [--files N] [--sites N] [--data DIR] [--json FILE]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

WORDS = ("会议", "强调", "推进", "发展", "建设", "工作", "全市", "乡村", "振兴", "项目", "群众", "服务", "企业",
         "经济", "生态", "环境", "教育", "医疗", "交通", "安全", "督查", "部署", "落实", "改革", "创新", "文化",
         "旅游", "农业", "产业", "社区", "治理", "防汛", "消防", "就业", "民生", "投资", "招商", "考察", "调研")


def sentences(count: int, rng: random.Random) -> list[str]:
    return ["".join(rng.choice(WORDS) for _ in range(rng.randint(8, 16))) + "。" for _ in range(count)]


def make_record(site: str, n: int, body: str, day: int, revision: int = 1, previous: str | None = None) -> dict:
    url = f"http://www.{site}.gov.cn/xwzx/t{n:08d}.html"
    published = f"2024-{1 + day // 28:02d}-{1 + day % 28:02d}T{n % 24:02d}:00:00+08:00"
    crawled = f"2024-12-{1 + revision:02d}T01:00:00+00:00"
    return {"id": hashlib.sha1(url.encode()).hexdigest()[:16], "url": url, "site": site,
            "site_name": f"{site}融媒体中心", "column": ("要闻", "通知公告", "政务公开")[n % 3],
            "title": f"{site}第{n}号新闻", "title_simplified": f"{site}第{n}号新闻", "published_at": published,
            "published_precision": "minute", "published_from": "label", "source": "本网", "authors": ["王明"],
            "editors": [], "body": body, "body_simplified": body,
            "images": [{"url": f"{url}.jpg", "caption": None}] if n % 4 == 0 else [], "attachments": [],
            "document": {"index_no": f"011-{n}", "doc_no": None} if n % 3 == 2 else None, "keywords": [],
            "crawled_at": crawled, "content_hash": hashlib.sha256(body.encode()).hexdigest(),
            "first_seen": "2024-12-02T01:00:00+00:00", "revision": revision, "previous_hash": previous}


def generate(root: Path, records: int, files: int, sites: int, seed: int = 7) -> None:
    """Write the export tree: ``files`` runs spread over ``sites``, ``records`` in all."""
    rng = random.Random(seed)
    pool = sentences(20_000, rng)
    per_file = records // files
    bodies: list[str] = []  # recent bodies, for reprints on other sites
    for f in range(files):
        site = f"site{f % sites:02d}"
        rows = []
        for i in range(per_file):
            n = f * per_file + i
            if bodies and rng.random() < 0.05:
                body = "本网讯 " + rng.choice(bodies) + "\n（来源：湖北日报）"
            else:
                body = "\n".join(rng.choice(pool) for _ in range(rng.randint(6, 14)))
                bodies = [*bodies, body][-1000:]
            rows.append(make_record(site, n, body, day=n % 300))
        write_run(root, site, f"run{f:05d}", rows)


def write_run(root: Path, site: str, run_id: str, rows: list[dict], kind: str = "run") -> None:
    folder = root / site / "2024-12-02"
    folder.mkdir(parents=True, exist_ok=True)
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    (folder / f"{run_id}.jsonl").write_text(text, encoding="utf-8")
    report = {"run_id": run_id, "site": site, "run_kind": kind, "exported": len(rows),
              "rejected": {"http_404": len(rows) % 7}}
    (folder / f"{run_id}.report.json").write_text(json.dumps(report), encoding="utf-8")


def one_more_run(root: Path, records: int, files: int) -> None:
    """A nightly run on site00: new articles and revisions of 2% of its earlier ones."""
    per_file = records // files
    rng = random.Random(11)
    rows = []
    first = [json.loads(line) for line in (root / "site00" / "2024-12-02" / "run00000.jsonl").open(encoding="utf-8")]
    for old in first[: max(1, per_file // 50)]:
        body = old["body"] + "\n（本文已更正）"
        n = int(old["url"].rsplit("/t", 1)[1].removesuffix(".html"))
        rows.append(make_record("site00", n, body, day=n % 300, revision=2, previous=old["content_hash"]))
    pool = sentences(1000, rng)
    for i in range(per_file):
        body = "\n".join(rng.choice(pool) for _ in range(rng.randint(6, 14)))
        rows.append(make_record("site00", records + i, body, day=(records + i) % 300, revision=1))
    write_run(root, "site00", "nightly", rows)


def timed_build(exports: Path, out: Path) -> dict:
    """Run ``govcrawl dataset`` in its own process; wall time, CPU time and peak RSS of it and its
    workers. On a shared machine the CPU time is the steadier figure."""
    cmd = [sys.executable, "-m", "govcrawl.cli", "dataset", "--exports", str(exports), "--out", str(out)]
    # write back what came before (the copied tree, the previous build's gigabytes): otherwise the
    # kernel throttles this build's writes until it has, and charges the wait to this build
    os.sync()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    parent, peak = psutil.Process(proc.pid), 0
    while proc.poll() is None:
        try:
            tree = [parent, *parent.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    stdout, stderr = proc.communicate()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the build and the workers it waited for
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    if proc.returncode != 0:
        raise SystemExit(f"dataset build failed ({proc.returncode}):\n{stderr[-3000:]}")
    return {"seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2), "peak_rss_mib": round(peak / 2**20),
            "output": stdout.strip()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--sites", type=int, default=50)
    parser.add_argument("--data", type=Path, help="keep the generated tree here (reused when present)")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="govcrawl-bench-"))
    try:
        exports = work / "exports"
        if args.data and (args.data / ".complete").exists():
            shutil.copytree(args.data, exports)
        else:
            start = time.perf_counter()
            generate(exports, args.records, args.files, args.sites)
            print(f"generated {args.records:,} records in {args.files:,} run files over {args.sites} sites "
                  f"in {time.perf_counter() - start:.0f} s")
            if args.data:
                shutil.rmtree(args.data, ignore_errors=True)
                shutil.copytree(exports, args.data)
                (args.data / ".complete").touch()
        size = sum(p.stat().st_size for p in exports.rglob("*.jsonl"))
        full = timed_build(exports, work / "dataset")
        one_more_run(exports, args.records, args.files)
        incremental = timed_build(exports, work / "dataset")
        figures = {"records": args.records, "files": args.files, "sites": args.sites,
                   "input_mib": round(size / 2**20), "full": full, "incremental": incremental}
        print(f"input: {figures['input_mib']:,} MiB of JSON Lines")
        for name in ("full", "incremental"):
            f = figures[name]
            line = f["output"].splitlines()[0]
            print(f"{name:12s} {f['seconds']:7.2f} s   CPU {f['cpu_seconds']:7.2f} s   "
                  f"peak RSS {f['peak_rss_mib']:,} MiB   {line}")
        if args.json:
            args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
