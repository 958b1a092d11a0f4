"""The dataset card: ``card.json`` (figures) and ``README.md`` (the same, for people), with plots."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import duckdb

from govcrawl.dataset.ingest import COVERAGE
from govcrawl.dataset.runs import ConsumedRun


def card_figures(con: duckdb.DuckDBPyConnection, runs: dict[str, ConsumedRun], *,
                 all_revisions: bool = False) -> dict[str, Any]:
    """Everything the card says, from the plan (the dataset's rows) and the consumed runs."""
    q = con.execute
    # with the latest revisions only, the plan holds one row per article: no need to group by id
    articles = "count(DISTINCT id)" if all_revisions else "count(*)"
    total, count, first, last, undated = q(f"""SELECT count(*), {articles}, min(day), max(day),
        count(*) FILTER (day IS NULL) FROM plan""").fetchone()
    per_article = "(SELECT id, any_value(versions) AS versions FROM plan GROUP BY id)" if all_revisions else "plan"
    coverage = ", ".join(f"round(avg((_fields >> {bit}) & 1), 3) AS {name}" for bit, name in enumerate(COVERAGE))
    return {
        "rows": total, "articles": count,
        "published": {"first": first and first.isoformat(), "last": last and last.isoformat(),
                      "undated": undated},
        "sites": _pairs(q("SELECT site, count(*) FROM plan GROUP BY 1 ORDER BY 1").fetchall()),
        "columns": _nested(q("""SELECT site, coalesce("column", ''), count(*) FROM plan
                                GROUP BY 1, 2 ORDER BY 1, 2""").fetchall()),
        "months": _nested(q("""SELECT site, coalesce(month, 'undated'), count(*) FROM plan
                               GROUP BY 1, 2 ORDER BY 1, 2""").fetchall()),
        "coverage": {row[0]: dict(zip(COVERAGE, row[1:], strict=True)) for row in
                     q(f"SELECT site, {coverage} FROM plan GROUP BY 1 ORDER BY 1").fetchall()},
        "revisions": dict(zip(("articles_revised", "versions"), q(
            f"SELECT count(*) FILTER (versions > 1), coalesce(sum(versions), 0) FROM {per_article}").fetchone(),
            strict=True)),
        "reprints": _reprints(con),
        "runs": _runs(runs),
        "rejected": _rejected(runs),
        "rejected_lines": _rejected_lines(runs),
    }


def _reprints(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Groups of more than one article, and the articles in them. Only an article linked to
    another (in the index's ``components``) can share a group, so only those rows are counted."""
    row = con.execute("""SELECT count(*), coalesce(sum(n), 0) FROM (
        SELECT reprint_group, count(DISTINCT id) AS n FROM plan WHERE id IN (SELECT id FROM components)
        GROUP BY 1 HAVING n > 1)""").fetchone()
    return dict(zip(("groups", "articles"), row, strict=True))


def _pairs(rows: list[tuple]) -> dict[str, int]:
    return {str(k): v for k, v in rows}


def _nested(rows: list[tuple]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for site, key, count in rows:
        out.setdefault(site, {})[key] = count
    return out


def _runs(runs: dict[str, ConsumedRun]) -> dict[str, Any]:
    kinds: dict[str, int] = {}
    for run in runs.values():
        kinds[run.run_kind or "unknown"] = kinds.get(run.run_kind or "unknown", 0) + 1
    return {"count": len(runs), "records_read": sum(r.records for r in runs.values()),
            "by_kind": dict(sorted(kinds.items()))}


def _rejected(runs: dict[str, ConsumedRun]) -> dict[str, int]:
    """Rejections by reason over the consumed runs' reports."""
    total: dict[str, int] = {}
    for run in runs.values():
        for reason, count in run.rejected.items():
            total[reason] = total.get(reason, 0) + count
    return dict(sorted(total.items()))


def _rejected_lines(runs: dict[str, ConsumedRun]) -> dict[str, Any]:
    """Lines of the run files that gave no row (cut, not JSON, not a record), file by file."""
    lines = [{"file": f"{key}.jsonl", **bad} for key in sorted(runs) for bad in runs[key].bad_lines]
    return {"count": sum(run.bad_count for run in runs.values()), "lines": lines}


def write_plots(folder: Path, figures: dict[str, Any]) -> None:
    """The card's plots in ``folder/plots``."""
    from govcrawl.dataset.plots import plot_coverage, plot_months  # matplotlib: most of a second

    plots = folder / "plots"
    plots.mkdir(parents=True, exist_ok=True)
    plot_months(figures["months"], plots / "articles_per_month.png")
    plot_coverage(figures["coverage"], plots / "coverage.png")


def write_card(folder: Path, figures: dict[str, Any], meta: dict[str, Any]) -> None:
    """``card.json`` and ``README.md`` in ``folder`` (the plots are written apart, see write_plots)."""
    _atomic(folder / "card.json", json.dumps({**meta, **figures}, ensure_ascii=False, indent=1) + "\n")
    _atomic(folder / "README.md", render_readme(figures, meta))


def render_readme(f: dict[str, Any], meta: dict[str, Any]) -> str:
    """The card for people: what is in the dataset, how complete, where it came from."""
    cov_head = " | ".join(COVERAGE)
    lines = [
        "# govcrawl dataset", "",
        f"Built {meta['built_at']} by `govcrawl dataset` from `{meta['exports']}` "
        f"({f['runs']['count']} runs: {_kv(f['runs']['by_kind'])}; {f['runs']['records_read']} records read).",
        f"Format: {meta['format']} in `articles/`; options: `{json.dumps(meta['options'], ensure_ascii=False)}`.", "",
        f"**{f['rows']} rows, {f['articles']} articles**, published {f['published']['first']} to "
        f"{f['published']['last']} (China dates; {f['published']['undated']} rows without a date).",
        f"Revisions: {f['revisions']['articles_revised']} articles changed after their first version "
        f"({f['revisions']['versions']} versions in all). Reprints: {f['reprints']['groups']} groups of "
        f"near-identical bodies, {f['reprints']['articles']} articles in them (`reprint_group`).", "",
        "## Rows per site", "", "| site | rows | columns |", "|---|---|---|",
        *[f"| {s} | {n} | {_kv(f['columns'].get(s, {}))} |" for s, n in f["sites"].items()], "",
        "![articles per month](plots/articles_per_month.png)", "",
        "## Field coverage per site", "", f"| site | {cov_head} |", "|---" * (len(COVERAGE) + 1) + "|",
        *[f"| {s} | " + " | ".join(f"{v:.0%}" for v in c.values()) + " |" for s, c in f["coverage"].items()], "",
        "![field coverage](plots/coverage.png)", "",
        "## Rejected pages (from the run reports)", "",
        _kv(f["rejected"]) or "none", "",
        *_rejected_lines_section(f["rejected_lines"]),
    ]
    return "\n".join(lines)


def _rejected_lines_section(rejected: dict[str, Any]) -> list[str]:
    """Lines of the run files the build could not read, one table row each."""
    head = ["## Rejected lines (of the run files)", ""]
    if not rejected["count"]:
        return [*head, "none", ""]
    shown = len(rejected["lines"])
    more = [f"({rejected['count'] - shown} more not listed: the first 100 of each file are.)", ""] \
        if rejected["count"] > shown else []
    return [*head, "| file | line | why |", "|---|---|---|",
            *[f"| {r['file']} | {r['line']} | {r['reason']}: {_cell(r['detail'])} |" for r in rejected["lines"]],
            "", *more]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _kv(counts: dict[str, int]) -> str:
    return ", ".join(f"{k or '(none)'} {v}" for k, v in counts.items())


def _atomic(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
