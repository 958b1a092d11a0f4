"""The report of a distributed run: the workers' part reports added up, written by the last one.

It sits beside the parts as ``<run-id>.run-report.json`` (a name the dataset builder does not
take for a run of its own, so that nothing is counted twice) and becomes the run's report in
the state, which later runs compare their health with.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING, Any

from govcrawl import files
from govcrawl.health import assess_health
from govcrawl.outcomes import Outcomes
from govcrawl.run_report import healthy_history

if TYPE_CHECKING:
    from govcrawl.distributed.run import DistributedRun
    from govcrawl.run_context import RunContext

#: figures that add up over the parts
SUMMED = ("pages_fetched", "requests", "list_pages", "article_links", "article_pages", "exported", "new",
          "changed", "unchanged", "not_modified", "skipped_known", "errors")


def merge_reports(run_id: str, parts: dict[str, dict[str, Any]], outcomes: Outcomes) -> dict[str, Any]:
    """One report from the workers' part reports (by worker) and the run's merged ledger."""
    reports = [parts[w] for w in sorted(parts)]
    first = reports[0]
    started = min(r["started"] for r in reports)
    finished = max(r["finished"] for r in reports)
    exported = sum(r["exported"] for r in reports)
    report: dict[str, Any] = {
        "run_id": run_id, "site": first["site"], "run_kind": first["run_kind"],
        "finish_reason": next((r["finish_reason"] for r in reports if r["finish_reason"] != "finished"),
                              "finished"),
        "workers": sorted(parts), "started": started, "finished": finished,
        "duration_s": round((datetime.fromisoformat(finished) - datetime.fromisoformat(started)).total_seconds(), 3),
        **{k: sum(r.get(k, 0) for r in reports) for k in SUMMED},
        "rejected": _summed_dicts(r.get("rejected", {}) for r in reports),
        "outcomes": outcomes.table(),
        "columns_discovered": list({c["url"]: c for r in reports for c in r.get("columns_discovered", [])}.values()),
        "given_up": sorted({u for r in reports for u in r.get("given_up", [])}),
        "coverage": {k: round(sum(r["coverage"].get(k, 0) * r["exported"] for r in reports) / exported, 3)
                     for k in first.get("coverage") or {}} if exported else {},
        "exports": [r["export"] for r in reports if r.get("export")],
        # each worker archives what it fetched in files of its own (--archive)
        "archives": [a for r in reports for a in r.get("archives", [])],
    }
    return report


def _summed_dicts(dicts: Any) -> dict[str, int]:
    total: dict[str, int] = {}
    for d in dicts:
        for k, v in d.items():
            total[k] = total.get(k, 0) + v
    return total


def merged_report(run: DistributedRun, ctx: RunContext) -> dict[str, Any] | None:
    """Merge what the workers kept in Redis, write the run report, publish the run in the state."""
    client = run.client
    parts = {w: json.loads(v) for w, v in client.hgetall(run.key("reports")).items()}
    if not parts:
        return None
    outcomes = Outcomes(found=client.smembers(run.key("found")), settled=client.hgetall(run.key("settled")))
    report = merge_reports(run.run_id, parts, outcomes)
    report["workers_lost"] = sorted(client.smembers(run.key("lost")))
    report["health"] = assess_health(report, healthy_history(ctx))
    path = ctx.run_dir / f"{run.run_id}.run-report.json"
    report["report"] = str(path)
    files.write_json(path, report)
    if ctx.state is not None:
        ctx.state.publish_group(run.run_id, ctx.site, run.started, report)
    return report
