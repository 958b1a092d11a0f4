"""The WARC archive (``--archive DIR``): crawls of loopback sites, read back with warcio."""

from __future__ import annotations

import gzip
import json
import signal
from dataclasses import dataclass
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.timeutils import iso_date_to_datetime

from govcrawl.reextract import reextract_run
from govcrawl.sites import resolve_site
from govcrawl.siteserver import serve_site
from govcrawl.warc import NOT_MODIFIED_PROFILE, published_names
from tests.conftest import FAST_SETTINGS, read_jsonl, run_cli
from tests.crash import killed_at
from tests.hostile_server import LIST_PATH, article_html, page, serve_hostile
from tests.sitegen import GeneratedSite
from tests.test_incremental import Runner

N_ARTICLES = 12


@dataclass(slots=True)
class Record:
    """What a test looks at in one WARC record, read whole (so that its digests were checked)."""

    type: str
    uri: str
    date: str
    headers: dict[str, str]
    http_headers: dict[str, str]
    status: str | None
    payload: bytes
    digests_passed: bool | None
    problems: list[str]


def read_archive(paths: list[Path]) -> list[Record]:
    """Every record of the archive files, with warcio checking each digest."""
    records = []
    for path in paths:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream, check_digests=True):
                payload = record.raw_stream.read()  # raw: as it came over the wire
                http = record.http_headers
                records.append(Record(
                    record.rec_type, record.rec_headers.get_header("WARC-Target-URI") or "",
                    record.rec_headers.get_header("WARC-Date"), dict(record.rec_headers.headers),
                    dict(http.headers) if http else {}, http.get_statuscode() if http else None, payload,
                    record.digest_checker.passed, list(record.digest_checker.problems)))
    return records


def crawl_args(entry: Path, out: Path, archive: Path, *extra: str) -> list[str]:
    args = ["crawl", str(entry), "--out", str(out), "--archive", str(archive), *extra]
    return args + [arg for setting in FAST_SETTINGS for arg in ("-s", setting)]


@pytest.fixture
def site(tmp_path: Path) -> GeneratedSite:
    generated = GeneratedSite(tmp_path / "site", per_page=10)
    generated.add(N_ARTICLES)
    return generated


def test_a_crawl_archives_every_fetch_with_digests_that_check(tmp_path: Path, site: GeneratedSite) -> None:
    with serve_site(site.root) as base:
        entry = tmp_path / "gen.toml"
        entry.write_text(site.entry_toml(base), encoding="utf-8")
        proc = run_cli(*crawl_args(entry, tmp_path / "out", tmp_path / "warc"), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    [report_file] = (tmp_path / "out").glob("gen/*/*.report.json")
    report = json.loads(report_file.read_text(encoding="utf-8"))
    day, run_id = report_file.parent.name, report["run_id"]
    assert report["archives"] == [str(tmp_path / "warc" / "gen" / day / f"{run_id}.warc.gz")]
    assert list((tmp_path / "warc").rglob("*.part")) == []
    records = read_archive([Path(p) for p in report["archives"]])
    assert [r.problems for r in records if r.problems] == []
    assert all(r.digests_passed for r in records if r.type in ("request", "response"))
    [info] = [r for r in records if r.type == "warcinfo"]
    assert f"isPartOf: {run_id}\r\n".encode() in info.payload  # the run the file belongs to
    responses = [r for r in records if r.type == "response"]
    requests = {r.headers["WARC-Concurrent-To"]: r for r in records if r.type == "request"}
    # one response per page fetched: robots.txt, two list pages and every article
    assert len(responses) == report["pages_fetched"] == 3 + N_ARTICLES
    assert {r.uri for r in responses} >= {base + site.article_path(n) for n in range(1, N_ARTICLES + 1)}
    for response in responses:
        request = requests[response.headers["WARC-Record-ID"]]
        assert (request.uri, request.date) == (response.uri, response.date)
        assert request.http_headers["Host"] == base.removeprefix("http://")
        assert response.status == "200" and "Transfer-Encoding" not in response.http_headers
    exported = read_jsonl(next((tmp_path / "out").glob("gen/*/*.jsonl")))
    by_uri = {r.uri: r for r in responses}
    for record in exported:  # the body kept is the page the record was read from, at its fetch time
        archived = by_uri[record["url"]]
        assert record["title"].encode() in archived.payload
        assert archived.date.startswith(record["crawled_at"].removesuffix("+00:00"))
        assert archived.headers["Govcrawl-Kind"] == "article"


def test_an_archive_rotates_at_its_size_limit(tmp_path: Path, site: GeneratedSite) -> None:
    with serve_site(site.root) as base:
        entry = tmp_path / "gen.toml"
        entry.write_text(site.entry_toml(base), encoding="utf-8")
        # every fetch passes the limit: one file each
        proc = run_cli(*crawl_args(entry, tmp_path / "out", tmp_path / "warc", "-s", "GOVCRAWL_ARCHIVE_MAX_BYTES=1"),
                       cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    [report_file] = (tmp_path / "out").glob("gen/*/*.report.json")
    report = json.loads(report_file.read_text(encoding="utf-8"))
    names = [Path(p).name for p in report["archives"]]
    assert names == [f"{report['run_id']}-{n:03d}.warc.gz" for n in range(1, 3 + N_ARTICLES + 1)]
    assert sorted(p.name for p in (tmp_path / "warc").rglob("*.warc.gz")) == sorted(names)
    records = read_archive([Path(p) for p in report["archives"]])
    assert sum(r.type == "response" for r in records) == 3 + N_ARTICLES


def test_a_gzip_answer_is_archived_compressed_as_it_came(tmp_path: Path) -> None:
    html = article_html("关于做好春季森林防火工作的通知", "这是压缩传来的一篇通知。").encode()
    compressed = gzip.compress(html)
    routes = {"/art/gz.html": page(compressed, headers={"Content-Encoding": "gzip"})}
    with serve_hostile(routes) as (base, _):
        entry = tmp_path / "gz.toml"
        entry.write_text(f'key = "gz"\nname = "测试市人民政府"\ndomains = ["127.0.0.1"]\n'
                         f'start_urls = ["{base}{LIST_PATH}"]\narticle_pattern = "/art/"\n', encoding="utf-8")
        proc = run_cli(*crawl_args(entry, tmp_path / "out", tmp_path / "warc"), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    [record] = read_jsonl(next((tmp_path / "out").glob("gz/*/*.jsonl")))
    assert "压缩传来" in record["body"]  # the crawl itself read the inflated page
    [archived] = [r for r in read_archive(list((tmp_path / "warc").rglob("*.warc.gz")))
                  if r.type == "response" and r.uri.endswith("/art/gz.html")]
    assert archived.http_headers["Content-Encoding"] == "gzip"
    assert archived.payload == compressed and archived.digests_passed
    # and re-extracted from the archive as the crawl read it: inflated, the same record
    again, report = reextract_run(list((tmp_path / "warc").rglob("*.warc.gz")), resolve_site(str(entry)), tmp_path / "re")
    records = read_jsonl(Path(json.loads(report.read_text(encoding="utf-8"))["export"]))
    assert again.problems == [] and [r for r in records if r["url"] == record["url"]] == [record]


def test_a_304_is_a_revisit_record(tmp_path: Path, site: GeneratedSite) -> None:
    with serve_site(site.root) as base:
        runner = Runner(tmp_path, base, site)
        runner.run("--archive", str(tmp_path / "warc"))
        runner.run("--archive", str(tmp_path / "warc"))  # rechecks the recent articles: 304 each
    first, second = (read_archive([Path(p) for p in report["archives"]]) for report in runner.reports())
    assert sum(r.type == "revisit" for r in first) == 0
    revisits = [r for r in second if r.type == "revisit"]
    assert len(revisits) == N_ARTICLES == runner.reports()[-1]["not_modified"]
    for revisit in revisits:
        assert revisit.status == "304" and revisit.payload == b""
        assert revisit.headers["WARC-Profile"] == NOT_MODIFIED_PROFILE
        assert revisit.headers["WARC-Refers-To-Target-URI"] == revisit.uri
        # the state keeps whole seconds: a second run within the first one's second refers to it
        assert iso_date_to_datetime(revisit.headers["WARC-Refers-To-Date"]) <= iso_date_to_datetime(revisit.date)


def test_a_run_killed_before_its_export_is_published_leaves_no_published_archive(
        tmp_path: Path, site: GeneratedSite) -> None:
    kill, env = killed_at("before_publish")
    with serve_site(site.root) as base:
        runner = Runner(tmp_path, base, site)
        proc = runner.run("--archive", str(tmp_path / "warc"), *kill, check=False, env=env)
        assert proc.returncode == -signal.SIGKILL and runner.published() == []
        assert list((tmp_path / "warc").rglob("*.warc.gz")) == []
        [part] = (tmp_path / "warc").rglob("*.warc.gz.part")
        assert part.stat().st_size > 0
        again = runner.run("--archive", str(tmp_path / "warc"))  # the next run clears it away
    assert not part.exists() and "Removed 1 archive part(s)" in again.stderr
    assert list((tmp_path / "warc").rglob("*.part")) == [] and list((tmp_path / "warc").rglob("*.warc.gz"))


def test_a_run_killed_after_its_export_is_published_has_its_archive_published_by_the_next(
        tmp_path: Path, site: GeneratedSite) -> None:
    kill, env = killed_at("after_publish")
    warc = tmp_path / "warc"
    with serve_site(site.root) as base:
        runner = Runner(tmp_path, base, site)
        proc = runner.run("--archive", str(warc), *kill, check=False, env=env)
        assert proc.returncode == -signal.SIGKILL
        [export] = runner.published()  # the run is published: its archive must be too
        [part] = warc.rglob("*.warc.gz.part")
        again = runner.run("--archive", str(warc))
    assert f"Published the archive of run {export.stem}" in again.stderr, again.stderr[-3000:]
    assert list(warc.rglob("*.part")) == []
    archive = part.parent / f"{export.stem}.warc.gz"
    # whole, though the process died before closing it: every record reads, with its digests
    records = read_archive([archive])
    assert [r.problems for r in records if r.problems] == []
    assert all(r.digests_passed for r in records if r.type in ("request", "response"))
    responses = {r.uri: r for r in records if r.type == "response"}
    assert len(responses) == 3 + N_ARTICLES  # robots.txt, two list pages and every article
    for record in runner.records(export):
        assert responses[record["url"]].date.startswith(record["crawled_at"].removesuffix("+00:00"))


def test_two_redis_workers_give_two_archives_and_no_page_twice(tmp_path: Path, redis_db) -> None:
    from tests.test_distributed import Workers

    site = GeneratedSite(tmp_path / "site", per_page=20)
    site.add(100)
    seen: list = []
    with serve_site(site.root, seen=seen) as base:
        workers = Workers(tmp_path, base, site, redis_db.url(), seen)
        workers.run(2, "--archive", str(tmp_path / "warc"))
    files = sorted((tmp_path / "warc").rglob("*.warc.gz"))
    assert len(files) == 2 and not list((tmp_path / "warc").rglob("*.part"))  # one a worker, published
    [report] = workers.run_reports()  # the whole run's report names both
    assert sorted(map(Path, report["archives"])) == files and len(report["workers"]) == 2
    assert {p.name for p in files} == {f"{report['run_id']}-{w}.warc.gz" for w in report["workers"]}
    # each worker reads robots.txt for itself; every page is fetched, and archived, once
    fetched = [r.uri for r in read_archive(files) if r.type == "response" and not r.uri.endswith("/robots.txt")]
    assert len(fetched) == len(set(fetched)) and {base + site.article_path(n) for n in range(1, 101)} <= set(fetched)


def test_a_redis_worker_settles_the_archive_parts_of_earlier_runs(tmp_path: Path, redis_db) -> None:
    from tests.test_distributed import Workers

    site = GeneratedSite(tmp_path / "site", per_page=10)
    site.add(N_ARTICLES)
    earlier = "20200101T000000Z-abcdef"  # a distributed run whose two workers were killed
    parts = tmp_path / "warc" / "gen" / "2020-01-01"
    parts.mkdir(parents=True)
    for worker in ("w1", "w2"):
        (parts / f"{earlier}-{worker}-001.warc.gz.part").write_bytes(b"records")
    exports = tmp_path / "exports" / "gen" / "2020-01-01"
    exports.mkdir(parents=True)
    (exports / f"{earlier}-w1.jsonl").write_text("{}\n", encoding="utf-8")  # w1 had published its part
    seen: list = []
    with serve_site(site.root, seen=seen) as base:
        workers = Workers(tmp_path, base, site, redis_db.url(), seen)
        workers.run(1, "--archive", str(tmp_path / "warc"))
    assert sorted(p.name for p in parts.iterdir()) == [f"{earlier}-w1.warc.gz"]
    [report] = workers.run_reports()
    assert [Path(p).name for p in report["archives"]] == [f"{report['run_id']}-w1.warc.gz"]


@pytest.mark.parametrize(("left", "published"), [
    (["r-001"], ["r.warc.gz"]),  # a run of one file
    (["r-001", "r-002"], ["r-001.warc.gz", "r-002.warc.gz"]),
    (["r-w1-002"], ["r-w1-002.warc.gz"]),  # killed halfway through publishing its two files
])
def test_the_names_parts_are_published_under(left: list[str], published: list[str]) -> None:
    parts = [Path("/a") / f"{name}.warc.gz.part" for name in left]
    assert published_names(parts) == [Path("/a") / name for name in published]


@pytest.mark.parametrize(("value", "need"), [
    (True, "block"), ("block", "block"), ("catalogue", "catalogue"), (None, None), (False, None), ("other", None),
])
def test_a_link_s_need_is_archived_as_one_of_the_known_needs(value: object, need: str | None) -> None:
    from govcrawl.warc import needs_date_of

    assert needs_date_of(value) == need
