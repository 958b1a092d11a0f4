"""Draw the hand-check sample of a site: 20 truth articles and 10 reachable non-articles.

Each line shows what is needed to open the page and judge it: path, <title>, visible text length,
attachment links and images. ``HANDCHECK.md`` holds the samples and the verdicts.

    python bench/sites/sample.py KEY [--seed 18]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

from truth import load, locate, reachable

CHARSET = re.compile(rb"""charset=["']?([\w-]+)""")
TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.DOTALL | re.IGNORECASE)
ATTACHMENT = re.compile(r"""href=["'][^"']+\.(pdf|docx?|xlsx?|zip|rar)["']""", re.IGNORECASE)
NOT_TEXT = re.compile(r"<script.*?</script>|<style.*?</style>|<!--.*?-->|<[^>]+>", re.DOTALL | re.IGNORECASE)


def describe(file: Path) -> str:
    """Title, text length, attachment and image counts of a saved page."""
    raw = file.read_bytes()
    declared = CHARSET.search(raw)
    encoding = declared.group(1).decode().lower() if declared else "utf-8"
    text = raw.decode("gb18030" if encoding.startswith("gb") else encoding, "replace")
    title = TITLE.search(text)
    visible = re.sub(r"\s+", "", NOT_TEXT.sub(" ", text))
    return (f"{title.group(1).strip()[:60] if title else ''} | text {len(visible)}"
            f" att {len(ATTACHMENT.findall(text))} img {text.lower().count('<img')}")


def main() -> int:
    """Print the sample of one site."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("key")
    ap.add_argument("--seed", type=int, default=18)
    args = ap.parse_args()
    site, rnd = load(args.key), random.Random(args.seed)
    others = sorted(set(reachable(site)) - set(site.articles))
    for flag, paths in (("A", rnd.sample(site.articles, min(20, len(site.articles)))),
                        ("-", rnd.sample(others, min(10, len(others))))):
        for path in paths:
            file = locate(site.root, *path.partition("?")[::2])
            print(flag, path, "|", describe(file) if file else "missing")
    return 0


if __name__ == "__main__":
    sys.exit(main())
