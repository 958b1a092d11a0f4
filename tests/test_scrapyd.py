"""Deploy to a real Scrapyd on loopback with scrapyd-deploy and crawl through its HTTP API."""

from __future__ import annotations

import configparser
import json
import subprocess
import zipfile
from pathlib import Path

import pytest

from govcrawl.pipelines.validate import schema_errors
from govcrawl.siteserver import serve_site
from tests.conftest import FAST_SETTINGS, ROOT, read_jsonl
from tests.scrapyd_server import PROJECT, ScrapydServer, deploy, tool
from tests.sitegen import GeneratedSite

N_ARTICLES = 15
SPIDER = "gen"


@pytest.fixture
def site(tmp_path: Path):
    """A generated site served on loopback, its entry in a folder of users' entries."""
    generated = GeneratedSite(tmp_path / "site", per_page=10)
    generated.add(N_ARTICLES)
    with serve_site(generated.root) as base:
        entries = tmp_path / "entries"
        entries.mkdir()
        (entries / f"{SPIDER}.toml").write_text(generated.entry_toml(base, key=SPIDER),
                                               encoding="utf-8")
        yield base, generated, entries


@pytest.fixture
def scrapyd(tmp_path: Path, site: tuple[str, GeneratedSite, Path]):
    """A running Scrapyd that knows the users' entries through GOVCRAWL_SITE_DIRS."""
    executable = tool("scrapyd")
    if executable is None:
        pytest.skip("the scrapyd executable is not installed (pip install govcrawl[test])")
    server = ScrapydServer(executable, tmp_path / "scrapyd", site_dirs=[site[2]])
    server.start()
    try:
        yield server
    finally:
        server.stop()


def exports(out: Path) -> set[Path]:
    """The reports of the generated site's runs (a run that exported nothing has no .jsonl)."""
    return set(out.glob(f"{SPIDER}/*/*.report.json"))


def crawl(server: ScrapydServer, tmp: Path) -> tuple[list[dict], dict]:
    """Schedule one job through schedule.json, wait for it; its records and its report."""
    out = tmp / "exports"
    before = exports(out)
    settings = [f"GOVCRAWL_STATE_PATH={tmp / 'state' / 'state.sqlite'}",
                f"GOVCRAWL_EXPORT_DIR={out}", *FAST_SETTINGS]
    job = server.schedule(SPIDER, settings)
    server.wait(job)
    new = exports(out) - before
    assert len(new) == 1, f"exports {sorted(new)}\n{server.job_log(SPIDER, job)[-4000:]}"
    [report_path] = new
    path = report_path.with_name(report_path.name.removesuffix(".report.json") + ".jsonl")
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert path.is_file() == (report["exported"] > 0), server.job_log(SPIDER, job)[-4000:]
    return read_jsonl(path) if path.is_file() else [], report


def test_deploy_schedule_and_rerun(scrapyd: ScrapydServer, site, tmp_path: Path) -> None:
    base, generated, _ = site
    deploy(scrapyd.url, tmp_path / "project")
    [egg] = (scrapyd.home / "eggs" / PROJECT).glob("*.egg")
    names = set(zipfile.ZipFile(egg).namelist())
    assert {"govcrawl/schema/article.json", "govcrawl/sites/tianmen.toml"} <= names
    # Bundled entries are read from inside the egg, users' ones from GOVCRAWL_SITE_DIRS.
    spiders = scrapyd.get("listspiders.json", project=PROJECT)["spiders"]
    assert {"tianmen", "xiantao", "qianjiang", SPIDER} <= set(spiders)

    records, report = crawl(scrapyd, tmp_path)
    expected = {base + generated.article_path(n) for n in range(1, N_ARTICLES + 1)}
    assert sorted(r["url"] for r in records) == sorted(expected)
    assert all(schema_errors(r) == [] for r in records)
    assert report["finish_reason"] == "finished" and report["errors"] == 0
    assert report["exported"] == report["new"] == N_ARTICLES

    # The state file carries over between jobs: nothing changed, nothing exported.
    records, report = crawl(scrapyd, tmp_path)
    assert records == []
    assert report["exported"] == report["article_pages"] == 0
    assert report["finish_reason"] == "finished"


def test_scrapyd_client_commands_work_with_the_shipped_deploy_target(scrapyd: ScrapydServer, tmp_path: Path) -> None:
    deploy(scrapyd.url, tmp_path / "project")
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "scrapy.cfg", encoding="utf-8")
    shipped = cfg["deploy"]["url"]
    assert not shipped.endswith("/")  # scrapyd-client would ask for //listprojects.json: 404
    port = scrapyd.url.rstrip("/").rsplit(":", 1)[1]
    cfg["deploy"]["url"] = shipped.rsplit(":", 1)[0] + f":{port}"
    with (tmp_path / "project" / "scrapy.cfg").open("w", encoding="utf-8") as f:
        cfg.write(f)
    client = tool("scrapyd-client")
    for args, expected in ((["projects"], PROJECT), (["spiders", "-p", PROJECT], "tianmen")):
        proc = subprocess.run([client, *args], cwd=tmp_path / "project", capture_output=True, text=True,
                              timeout=60, check=False)
        assert proc.returncode == 0 and expected in proc.stdout, proc.stdout + proc.stderr
