"""Copy the crawlable files of a saved site out of a bare git mirror into bench/sites/<key>/.

Only what a crawl needs is kept: pages (.html, .htm, .shtml, .asp, .php, .jsp …, and names
without a suffix) and the .json/.xml files a list page may load its items from. Scripts are
code, not data, and are never copied (every truth article is reachable by plain links). Images,
stylesheets, fonts, office documents and archives are dropped, and so are blobs the mirror
does not hold (a snapshot's largest files may be listed but absent). ``--drop REGEX`` (over the
path) drops more, e.g. whole columns of a large site. One provenance line is printed as JSON.

    python bench/sites/collect.py /work/.mirror/owner+name/repo KEY --host www.example.cn
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

SITES = Path(__file__).resolve().parent
KEEP_SUFFIX = re.compile(r"\.(s?html?|asp|aspx|php|jsp|do|action)$", re.IGNORECASE)
DATA_SUFFIX = re.compile(r"\.(json|xml)$", re.IGNORECASE)
#: a data file is kept only when it carries a page URL (list items, a menu it writes);
#: jQuery and its kin carry none
PAGE_URL = re.compile(rb"""["'][^"'\s<>()]+\.(?:s?html?|asp|aspx|php|jsp)\b""", re.IGNORECASE)
#: no suffix at all (``index``, ``list@page=2``): keep, a server may answer it as a page
NO_SUFFIX = re.compile(r"(^|/)[^./]+$")
ALWAYS_DROP = re.compile(r"(^|/)(\.git|\.github)/|(^|/)(CNAME|README(\.md)?|LICENSE)$")


def git(gitdir: str, *args: str, data: bytes | None = None) -> bytes:
    """Run git on the bare mirror and return stdout."""
    return subprocess.run(["git", "--git-dir", gitdir, *args], input=data,
                          capture_output=True, check=True).stdout


def tree(gitdir: str) -> list[tuple[str, str]]:
    """(blob id, path) of every file at HEAD."""
    rows = []
    for line in git(gitdir, "ls-tree", "-r", "-z", "HEAD").split(b"\0"):
        if line:
            meta, path = line.split(b"\t", 1)
            rows.append((meta.split()[2].decode(), path.decode("utf-8", "surrogateescape")))
    return rows


def keep(path: str, drop: re.Pattern[str] | None) -> str:
    """Why a path is dropped, or '' when it is kept."""
    if ALWAYS_DROP.search(path):
        return "repo file"
    if drop and drop.search(path):
        return "subsample"
    if KEEP_SUFFIX.search(path) or DATA_SUFFIX.search(path) or NO_SUFFIX.search(path):
        return ""
    return "asset " + path.rsplit(".", 1)[-1].lower()[:8]


def copy(gitdir: str, key: str, drop: re.Pattern[str] | None, max_bytes: int) -> dict[str, object]:
    """Write the kept files under bench/sites/<key>/ and return what was kept and dropped."""
    out = SITES / key
    dropped: Counter[str] = Counter()
    kept = 0
    for blob, path in tree(gitdir):
        reason = keep(path, drop)
        if reason:
            dropped[reason.split()[0] if reason.startswith("asset") else reason] += 1
            continue
        try:
            body = git(gitdir, "cat-file", "blob", blob)
        except subprocess.CalledProcessError:
            dropped["absent from snapshot"] += 1
            continue
        if DATA_SUFFIX.search(path) and not PAGE_URL.search(body):
            dropped["js/json/xml without page URLs"] += 1
            continue
        if max_bytes and len(body) > max_bytes:
            dropped[f"page over {max_bytes // 1_000_000} MB"] += 1
            continue
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)
        kept += 1
    return {"kept_files": kept, "dropped": dict(dropped)}


def main() -> int:
    """Copy one site and print its provenance line."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gitdir")
    ap.add_argument("key")
    ap.add_argument("--repo", required=True, help="owner/name on GitHub")
    ap.add_argument("--host", action="append", default=[], help="original host (repeatable)")
    ap.add_argument("--drop", help="regex over paths to leave out (subsampling)")
    ap.add_argument("--cms", default="")
    ap.add_argument("--max-bytes", type=int, default=0, help="drop files larger than this (0: keep all)")
    args = ap.parse_args()
    drop = re.compile(args.drop) if args.drop else None
    stats = copy(args.gitdir, args.key, drop, args.max_bytes)
    line = {"key": args.key, "repo": args.repo, "commit": git(args.gitdir, "rev-parse", "HEAD").decode().strip(),
            "hosts": args.host, "cms": args.cms, "drop_regex": args.drop, "max_bytes": args.max_bytes or None,
            **stats}
    print(json.dumps(line, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
