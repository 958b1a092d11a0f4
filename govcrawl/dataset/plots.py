"""The card's two plots: articles per month per site, and field coverage per site (heat maps,
which stay readable for fifty sites where bars or lines would not)."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display: builds run from cron

import matplotlib.pyplot as plt
import numpy as np

#: PNG metadata without the matplotlib version, so a card's plots repeat byte for byte
_META = {"Software": None}


def plot_months(months: dict[str, dict[str, int]], path: Path) -> None:
    """Articles per month (columns) per site (rows)."""
    sites = sorted(months)
    keys = sorted({m for counts in months.values() for m in counts})
    grid = np.array([[months[s].get(m, 0) for m in keys] for s in sites] or [[0]])
    _heatmap(grid, sites, keys, "articles per month (China dates)", path, fmt="d")


def plot_coverage(coverage: dict[str, dict[str, float]], path: Path) -> None:
    """Share of rows that fill each field, per site."""
    sites = sorted(coverage)
    fields = list(next(iter(coverage.values()), {}))
    grid = np.array([[coverage[s][f] for f in fields] for s in sites] or [[0.0]])
    _heatmap(grid, sites, fields, "field coverage per site", path, fmt=".0%", vmax=1.0)


def _heatmap(grid: np.ndarray, rows: list[str], cols: list[str], title: str, path: Path, *,
             fmt: str, vmax: float | None = None) -> None:
    height = 1.5 + 0.28 * max(len(rows), 1)
    width = min(4 + 0.35 * max(len(cols), 1), 40)
    fig, ax = plt.subplots(figsize=(width, height), dpi=100)
    image = ax.imshow(grid, aspect="auto", cmap="viridis", vmin=0, vmax=vmax)
    ax.set_xticks(range(len(cols)), cols, rotation=90, fontsize=7)
    ax.set_yticks(range(len(rows)), rows, fontsize=7)
    if grid.size <= 400:  # numbers in the cells while they still fit
        for (r, c), value in np.ndenumerate(grid):
            ax.text(c, r, format(value, fmt), ha="center", va="center", fontsize=6,
                    color=text_colour(image.cmap(image.norm(value))))
    ax.set_title(title)
    fig.colorbar(image, ax=ax)
    fig.tight_layout()
    fig.savefig(path, metadata=_META)
    plt.close(fig)


def text_colour(cell: tuple[float, ...]) -> str:
    """Black or white, whichever contrasts more with a cell of this RGB(A) colour: viridis runs
    from dark violet, where black is unreadable, to yellow, where white is."""
    lum = luminance(cell)
    return "black" if (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) else "white"


def luminance(cell: tuple[float, ...]) -> float:
    """Relative luminance of an sRGB colour (WCAG 2), 0 for black to 1 for white."""
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in cell[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
