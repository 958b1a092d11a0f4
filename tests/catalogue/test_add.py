"""`govcrawl add` writes home-only entries from the catalogue that `govcrawl sites` lists as enabled,
refuses duplicates naming the entry in the way, and asks when a name is ambiguous or unknown."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govcrawl.catalogue import read_catalogue
from govcrawl.catalogue.add import KnownEntries, NotAdded, add_unit
from govcrawl.catalogue.search import resolve
from govcrawl.exit_codes import ExitCode
from govcrawl.sites import entry_sources, load_entries, load_entry
from tests.conftest import run_cli


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty GOVCRAWL_HOME: only the bundled entries are known."""
    monkeypatch.setenv("GOVCRAWL_HOME", str(tmp_path))
    monkeypatch.delenv("GOVCRAWL_SITE_DIRS", raising=False)
    return tmp_path


def _sites(home: Path) -> dict[str, dict]:
    proc = run_cli("sites", "--json", cwd=home)
    assert proc.returncode == 0, proc.stderr
    return {row["key"]: row for row in map(json.loads, proc.stdout.splitlines())}


def test_add_tianmen_turns_on_the_bundled_entry_and_sites_lists_it_enabled(home: Path) -> None:
    assert not _sites(home)["tianmen"]["enabled"]
    proc = run_cli("add", "天门市", cwd=home)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("turned on tianmen: 湖北省 天门市  https://www.tianmen.gov.cn/")
    tianmen = _sites(home)["tianmen"]
    assert tianmen["enabled"] and tianmen["domains"] == ["www.tianmen.gov.cn"]
    assert tianmen["columns"], "the bundled entry's columns are kept"


def test_add_writes_a_home_only_entry_that_validates(home: Path) -> None:
    proc = run_cli("add", "阳新", cwd=home)
    assert proc.returncode == 0, proc.stderr
    entry = load_entry(home / "data" / "sites" / "yx.toml")
    assert (entry.key, entry.name, entry.domains, entry.home) == ("yx", "阳新县", ["www.yx.gov.cn"],
                                                                  "http://www.yx.gov.cn/")
    assert entry.enabled and not entry.start_columns
    assert _sites(home)["yx"]["enabled"]


def test_a_duplicate_is_refused_naming_the_entry_in_the_way(home: Path) -> None:
    assert run_cli("add", "阳新县", cwd=home).returncode == 0
    for again in ("阳新县", "www.yx.gov.cn", "http://www.yx.gov.cn/"):
        proc = run_cli("add", again, cwd=home)
        assert proc.returncode == ExitCode.USAGE
        assert "阳新县 (www.yx.gov.cn) is already an entry: yx (阳新县, www.yx.gov.cn; " in proc.stderr
        assert str(home / "data" / "sites" / "yx.toml") in proc.stderr
    run_cli("add", "天门市", cwd=home)
    proc = run_cli("add", "天门", cwd=home)  # the bundled entry, now turned on
    assert proc.returncode == ExitCode.USAGE and "is already an entry: tianmen (天门市人民政府" in proc.stderr


def test_a_key_in_use_on_another_host_is_refused(home: Path) -> None:
    sites = home / "data" / "sites"
    sites.mkdir(parents=True)
    (sites / "mine.toml").write_text('key = "yx"\nname = "另一个站"\ndomains = ["yx.example.org"]\n'
                                     'home = "https://yx.example.org/"\n', encoding="utf-8")
    known = KnownEntries(load_entries(), entry_sources())
    with pytest.raises(NotAdded, match=r"阳新县: its key 'yx' is taken by the entry yx \(另一个站, yx.example.org; "):
        add_unit(resolve(read_catalogue(), "阳新县"), known, sites)


def test_an_ambiguous_name_asks_for_the_province_and_lists_the_matches(home: Path) -> None:
    proc = run_cli("add", "朝阳区", cwd=home)
    assert proc.returncode == ExitCode.USAGE
    assert ("'朝阳区' is 2 units, add --province: 北京市 朝阳区 (bjchy); 吉林省 长春市 朝阳区 (chaoyang-changchun)"
            in proc.stderr)
    proc = run_cli("add", "朝阳区", "--province", "吉林", cwd=home)
    assert proc.returncode == 0, proc.stderr
    assert _sites(home)["chaoyang-changchun"]["domains"] == ["chaoyang.changchun.gov.cn"]


def test_an_unknown_name_gets_the_nearest_ones(home: Path) -> None:
    proc = run_cli("add", "天们", cwd=home)
    assert proc.returncode == ExitCode.USAGE
    assert "no unit of the catalogue is called '天们' (nearest: " in proc.stderr and "天门市 (湖北省)" in proc.stderr
    assert not (home / "data" / "sites").exists()


def test_a_unit_without_a_home_page_is_refused_with_its_note(home: Path) -> None:
    proc = run_cli("add", "贵池区", cwd=home)
    assert proc.returncode == ExitCode.USAGE
    assert "安徽省 池州市 贵池区 has no home page in the catalogue (no home: the source gives" in proc.stderr


def test_add_a_whole_province(home: Path) -> None:
    proc = run_cli("add", "--province", "湖北", cwd=home)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[-1] == f"117 entries written to {home / 'data' / 'sites'}"
    enabled = {key: row for key, row in _sites(home).items() if row["enabled"]}
    assert len(enabled) == 117
    assert {"tianmen", "xiantao", "qianjiang", "hbdaye", "wuhan", "hubei"} <= set(enabled)
    assert enabled["hbdaye"]["domains"] == ["www.hbdaye.gov.cn"]
    again = run_cli("add", "--province", "湖北", "--level", "prefecture", cwd=home)
    assert again.returncode == ExitCode.USAGE and again.stdout.splitlines()[-1].startswith("0 entries written")
    assert again.stderr.count("is already an entry") == 13
