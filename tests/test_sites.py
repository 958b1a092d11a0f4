"""Site entries: bundled ones load, a minimal entry is enough, mistakes fail loudly."""

from __future__ import annotations

from pathlib import Path

import pytest

from govcrawl.sites import SiteEntryError, load_entries, load_entry, resolve_site


def test_bundled_entries_load() -> None:
    entries = load_entries()
    assert {"tianmen", "xiantao", "qianjiang"} <= set(entries)
    tianmen = entries["tianmen"]
    assert tianmen.domains == ["www.tianmen.gov.cn"]
    assert any(c.url.endswith("/zwgk/zc/tzgg/") for c in tianmen.start_columns)


def test_minimal_entry(tmp_path: Path) -> None:
    path = tmp_path / "mini.toml"
    path.write_text('key = "mini"\nname = "小站"\ndomains = ["x.gov.cn"]\n'
                    'start_urls = ["http://x.gov.cn/xwzx/"]\n', encoding="utf-8")
    entry = resolve_site(str(path))
    assert entry.key == "mini"
    assert [c.url for c in entry.start_columns] == ["http://x.gov.cn/xwzx/"]


@pytest.mark.parametrize(("text", "message"), [
    ('key = "a"\nname = "b"\ndomains = ["x"]\nstart_urls = ["http://x/"]\nstrat_urls = []\n',
     "strat_urls"),
    ('key = "Bad Key"\nname = "b"\ndomains = ["x"]\nstart_urls = ["http://x/"]\n', "key"),
    ('key = "a"\nname = "b"\ndomains = ["x"]\n', "needs start_urls or columns"),
    ('key = "a"\nname = "b"\ndomains = ["x"]\nstart_urls = ["http://x/"]\narticle_pattern = "("\n',
     "article_pattern"),
    ('key = "a"\nname = ', "Invalid value"),
])
def test_bad_entries_fail_loudly(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SiteEntryError, match=message):
        load_entry(path)


def test_unknown_key_lists_known_ones() -> None:
    with pytest.raises(SiteEntryError, match=r"known: .*tianmen"):
        resolve_site("atlantis")
