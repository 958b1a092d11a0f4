"""Export trees written as govcrawl writes them: run files, reports, rejects and ``.part`` files."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

CHINA = timezone(timedelta(hours=8))


def record(site: str, n: int, **fields: Any) -> dict[str, Any]:
    """A valid record (it passes govcrawl/schema/article.json) of article ``n`` on ``site``."""
    url = f"http://www.{site}.gov.cn/xwzx/t{n:06d}.html"
    rec: dict[str, Any] = {
        "id": hashlib.sha1(url.encode()).hexdigest()[:16], "url": url, "site": site,
        "site_name": f"{site}市人民政府", "column": "要闻", "title": f"第{n}号新闻标题",
        "title_simplified": f"第{n}号新闻标题", "published_at": "2024-03-05T10:20:00+08:00",
        "published_precision": "minute", "published_from": "label", "source": "本网",
        "authors": [], "editors": [], "body": f"正文第{n}号：" + "本市召开会议，研究部署有关工作。" * 3,
        "images": [], "attachments": [], "document": None, "keywords": [],
        "crawled_at": "2024-03-06T01:00:00+00:00", "first_seen": "2024-03-06T01:00:00+00:00",
        "revision": 1, "previous_hash": None,
    }
    rec.update(fields)
    rec["body_simplified"] = rec["body"]
    if "content_hash" not in fields:
        rec["content_hash"] = hashlib.sha256(
            "\n".join(str(rec[k]) for k in ("title", "published_at", "source", "body")).encode()).hexdigest()
    return rec


class RunTree:
    """An export folder that tests add runs to."""

    def __init__(self, root: Path):
        self.root = root

    def run(self, site: str, run_id: str, records: list[dict[str, Any]], *, kind: str | None = "run",
            day: str = "2024-03-06", rejected: dict[str, int] | None = None, empty_file: bool = False) -> Path:
        """Publish a run: its records (none: no file, unless ``empty_file``), report and rejects."""
        folder = self.root / site / day
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{run_id}.jsonl"
        if records or empty_file:
            path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        report = {"run_id": run_id, "site": site, "exported": len(records), "rejected": rejected or {}}
        if kind is not None:
            report["run_kind"] = kind
        (folder / f"{run_id}.report.json").write_text(json.dumps(report), encoding="utf-8")
        if rejected:
            (folder / "rejects").mkdir(exist_ok=True)
            rows = [{"url": f"http://x/{i}", "reason": r, "detail": "", "at": "2024-03-06T01:00:00+00:00"}
                    for r, n in rejected.items() for i in range(n)]
            (folder / "rejects" / f"{run_id}.jsonl").write_text(
                "".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
        return path

    def part(self, site: str, run_id: str, records: list[dict[str, Any]], day: str = "2024-03-06") -> Path:
        """A run still being written: only its ``.jsonl.part``."""
        folder = self.root / site / day
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{run_id}.jsonl.part"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        return path


def at(day: int, hour: int = 1) -> str:
    """A crawl moment in March 2024 (UTC), ISO 8601 as records carry it."""
    return datetime(2024, 3, day, hour, tzinfo=UTC).isoformat(timespec="seconds")
