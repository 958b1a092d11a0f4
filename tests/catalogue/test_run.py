"""What a run of entries written by `govcrawl add` meets from outside China, on loopback: a site whose
home page a firewall answers 412 is BLOCKED, one answering 521 (or not at all) FAILED, and the other
sites are crawled all the same; the command exits with the most serious code."""

from __future__ import annotations

import json
import shutil
import subprocess
from contextlib import ExitStack
from pathlib import Path

from govcrawl.exit_codes import ExitCode
from govcrawl.siteserver import serve_site
from tests.conftest import FAST_SETTINGS, SAMPLE_SITE, run_cli


def _home_only(folder: Path, key: str, base: str) -> Path:
    """An entry as `govcrawl add` writes it: key, name, domains, home."""
    path = folder / f"{key}.toml"
    path.write_text(f'key = "{key}"\nname = "{key}"\ndomains = ["127.0.0.1"]\nhome = "{base}/"\n', encoding="utf-8")
    return path


def _run(tmp_path: Path, sites: dict[str, dict[str, int]]) -> subprocess.CompletedProcess[str]:
    """`govcrawl run` of home-only entries on the sample site, each served with these statuses."""
    with ExitStack() as stack:
        bases = {key: stack.enter_context(serve_site(SAMPLE_SITE, statuses=statuses)) for key, statuses in sites.items()}
        entries = [str(_home_only(tmp_path, key, base)) for key, base in bases.items()]
        return run_cli("run", *entries, "--state", str(tmp_path / "state.sqlite"), "--out", str(tmp_path / "out"),
                       *(a for s in FAST_SETTINGS for a in ("-s", s)), cwd=tmp_path, timeout=300)


def _exported(tmp_path: Path, key: str) -> int:
    [report] = (tmp_path / "out" / key).rglob("*.report.json")
    return json.loads(report.read_text(encoding="utf-8"))["exported"]


def test_a_blocked_and_a_failing_site_do_not_stop_the_others(tmp_path: Path) -> None:
    proc = _run(tmp_path, {"open": {}, "walled": {"/": 412}, "down": {"/": 521}})
    assert proc.returncode == ExitCode.FAILED, proc.stderr[-3000:]  # FAILED outranks BLOCKED
    assert "walled: BLOCKED: 1 pages were block or challenge pages" in proc.stderr
    assert "down: FAILED (no list page could be read)" in proc.stderr
    assert "total: 3 sites (1 blocked, 1 failed, 1 ok)" in proc.stdout
    assert _exported(tmp_path, "open") == 16


def test_a_site_answering_403_alone_exits_6(tmp_path: Path) -> None:
    proc = _run(tmp_path, {"open": {}, "walled": {"/": 403}})
    assert proc.returncode == ExitCode.BLOCKED, proc.stderr[-3000:]
    assert "walled: BLOCKED: 1 pages were block or challenge pages" in proc.stderr
    assert _exported(tmp_path, "open") == 16


def test_an_identity_mismatch_is_a_warning_in_the_report_the_summary_and_check(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(SAMPLE_SITE, site)
    home = (site / "index.html").read_text(encoding="utf-8")
    (site / "index.html").write_text(home.replace("<title>", '<meta name="SiteName" content="重庆市黔江区人民政府">'
                                                              "<title>"), encoding="utf-8")
    said = "this home page says 黔江区 where the entry says 潜江市 (its SiteName: 重庆市黔江区人民政府)"
    with serve_site(site) as base:
        entry = tmp_path / "qianjiang.toml"
        entry.write_text(f'key = "qianjiang"\nname = "潜江市人民政府"\ndomains = ["127.0.0.1"]\nhome = "{base}/"\n',
                         encoding="utf-8")
        proc = run_cli("run", str(entry), "--state", str(tmp_path / "state.sqlite"), "--out", str(tmp_path / "out"),
                       *(a for s in FAST_SETTINGS for a in ("-s", s)), cwd=tmp_path, timeout=300)
        checked = run_cli("check", str(site / "index.html"), "--site", str(entry), "--url", f"{base}/", "--json",
                          cwd=tmp_path)
    assert proc.returncode == ExitCode.OK, proc.stderr[-3000:]  # a warning: the articles are exported
    assert f"qianjiang: IDENTITY: {said}" in proc.stderr
    [report] = (tmp_path / "out" / "qianjiang").rglob("*.report.json")
    identity = json.loads(report.read_text(encoding="utf-8"))["identity"]
    assert identity["site_name"] == "重庆市黔江区人民政府" and identity["catalogue"] is None  # loopback: no row
    assert identity["warnings"] == [{"field": "site_name", "problem": said}]
    [found] = map(json.loads, checked.stdout.splitlines())
    assert found["kind"] == "home" and found["identity"]["warnings"] == identity["warnings"]
    assert said in [w["problem"] for w in found["warnings"]]
