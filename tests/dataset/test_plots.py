"""The card's plots: numbers readable on every cell of the colour map."""

from __future__ import annotations

from pathlib import Path

import matplotlib.colors
import pytest

from govcrawl.dataset import plots


def _contrast(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    """WCAG 2's contrast ratio of two colours (1 to 21)."""
    light, dark = sorted((plots.luminance(a), plots.luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_numbers_contrast_with_their_cells(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    figures = []
    monkeypatch.setattr(plots.plt, "close", figures.append)  # keep the figure to look at
    shares = [i / 10 for i in range(11)]
    plots.plot_coverage({"alpha": {f"f{i}": v for i, v in enumerate(shares)}}, tmp_path / "coverage.png")
    [figure] = figures
    ax = figure.axes[0]
    image = ax.images[0]
    texts = ax.texts
    assert len(texts) == len(shares)
    for text, value in zip(texts, shares, strict=True):
        cell = image.cmap(image.norm(value))
        colour = matplotlib.colors.to_rgba(text.get_color())
        # 4.5: WCAG's least contrast for small text; white on viridis' yellow has about 1.2
        assert _contrast(cell, colour) >= 4.5, (value, text.get_color())
    assert matplotlib.colors.to_rgba(texts[-1].get_color())[:3] == (0, 0, 0)  # black on yellow
    plots.plt.close(figure)
