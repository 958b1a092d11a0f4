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
    ('key = "a"\nname = "b"\ndomains = ["x"]\n', "needs home, start_urls or columns"),
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


def test_bundled_entries_are_off_until_a_two_line_entry_turns_one_on(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("GOVCRAWL_HOME", str(tmp_path))
    (tmp_path / "data" / "sites").mkdir(parents=True)
    assert not any(entry.enabled for entry in load_entries().values())
    (tmp_path / "data" / "sites" / "tianmen.toml").write_text('key = "tianmen"\nenabled = true\nmax_pages = 3\n',
                                                              encoding="utf-8")
    tianmen = load_entries()["tianmen"]
    assert tianmen.enabled and tianmen.max_pages == 3
    assert tianmen.name == "天门市人民政府" and tianmen.start_columns  # the rest from the bundled entry


def test_an_unreadable_entry_file_is_skipped_and_named(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("GOVCRAWL_HOME", str(tmp_path))
    sites = tmp_path / "data" / "sites"
    sites.mkdir(parents=True)
    (sites / "broken.toml").write_text('key = "broken"\nname = ', encoding="utf-8")
    (sites / "mine.toml").write_text('key = "mine"\nname = "我的站"\ndomains = ["x.gov.cn"]\n'
                                     'start_urls = ["http://x.gov.cn/"]\n', encoding="utf-8")
    with pytest.raises(SiteEntryError, match=r"broken\.toml"):
        load_entries()
    errors: list[SiteEntryError] = []
    assert "mine" in load_entries(errors=errors)
    assert len(errors) == 1 and "broken.toml" in str(errors[0])
    assert resolve_site("mine").name == "我的站"  # a named site runs despite the broken file
