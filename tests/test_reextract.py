"""``govcrawl reextract``: the archive of a loopback crawl, extracted again offline."""

from __future__ import annotations

import errno
import gzip
import json
import os
import re
import subprocess
import sys
import time
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from govcrawl.reextract import CrawlMemory, Reextraction, _read_again
from govcrawl.siteserver import serve_site
from govcrawl.warc_pages import ArchivedPage
from tests.conftest import FAST_SETTINGS, ROOT, read_jsonl, run_cli
from tests.sitegen import ARTICLE, COLUMN, GeneratedSite, catalogue_site

HOSTILE = Path(__file__).parent / "extract" / "fixtures" / "hostile"

N_ARTICLES = 12


@dataclass(slots=True)
class ArchivedCrawl:
    entry: Path
    archive: Path
    records: list[dict]


@pytest.fixture(scope="module")
def archived(tmp_path_factory: pytest.TempPathFactory) -> ArchivedCrawl:
    tmp = tmp_path_factory.mktemp("archived")
    site = GeneratedSite(tmp / "site", per_page=10)
    site.add(N_ARTICLES)
    entry = tmp / "gen.toml"
    with serve_site(site.root) as base:
        entry.write_text(site.entry_toml(base), encoding="utf-8")
        args = ["crawl", str(entry), "--out", str(tmp / "out"), "--archive", str(tmp / "warc")]
        proc = run_cli(*args, *[arg for setting in FAST_SETTINGS for arg in ("-s", setting)], cwd=tmp)
    assert proc.returncode == 0, proc.stderr[-3000:]
    [archive] = (tmp / "warc").rglob("*.warc.gz")
    return ArchivedCrawl(entry, archive, read_jsonl(next((tmp / "out").glob("gen/*/*.jsonl"))))


def reextract(tmp_path: Path, archived: ArchivedCrawl, *archives: Path) -> tuple[int, str, dict, list[dict]]:
    """Run ``govcrawl reextract``: its exit code, stderr, report and records."""
    proc = run_cli("reextract", *map(str, archives), "--site", str(archived.entry), "--out", str(tmp_path / "re"),
                   cwd=tmp_path)
    [report_file] = (tmp_path / "re").glob("*/*/*.report.json")
    report = json.loads(report_file.read_text(encoding="utf-8"))
    return proc.returncode, proc.stderr, report, read_jsonl(Path(report["export"])) if report["export"] else []


def test_reextract_gives_the_records_the_crawl_exported(tmp_path: Path, archived: ArchivedCrawl) -> None:
    code, stderr, report, records = reextract(tmp_path, archived, archived.archive)
    assert code == 0, stderr[-3000:]
    assert report["run_kind"] == "reextract" and report["exported"] == N_ARTICLES
    # Every field the same, crawled_at included: the crawl read each page at the archive's
    # WARC-Date, and reextract reads it at that date too. Only a `govcrawl run` (with a state)
    # would differ, in revision, first_seen and previous_hash, which come from its crawl state.
    assert sorted(records, key=lambda r: r["id"]) == sorted(archived.records, key=lambda r: r["id"])


def _open_for_writing(fifo: Path, proc: subprocess.Popen[str]) -> int:
    """The pipe's writing end, once the process reads it (or -1 when it ended without)."""
    while proc.poll() is None:
        try:
            return os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as exc:
            if exc.errno != errno.ENXIO:  # no reader yet
                raise
            time.sleep(0.05)
    return -1


def test_records_are_written_to_the_part_file_as_they_are_made(tmp_path: Path, archived: ArchivedCrawl) -> None:
    """The first archive's records are on disk while the second is still to come: reextract does
    not hold a run's records in memory (a 1 GB archive would not fit), and publishes at the end."""
    fifo = tmp_path / "later.warc.gz"
    os.mkfifo(fifo)
    args = [str(archived.archive), str(fifo), "--site", str(archived.entry), "--out", str(tmp_path / "re")]
    proc = subprocess.Popen([sys.executable, "-m", "govcrawl.cli", "reextract", *args], cwd=tmp_path, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    written, deadline = 0, time.monotonic() + 60
    try:
        while written < N_ARTICLES and time.monotonic() < deadline and proc.poll() is None:
            parts = list((tmp_path / "re").glob("gen/*/*.jsonl.part"))
            written = len(read_jsonl(parts[0])) if parts else 0
            time.sleep(0.05)
        assert not list((tmp_path / "re").glob("gen/*/*.jsonl")), "published before the end"
    finally:  # the second archive, whatever happened: the process then ends
        if (feed := _open_for_writing(fifo, proc)) >= 0:
            os.set_blocking(feed, True)
            os.write(feed, archived.archive.read_bytes())
            os.close(feed)
        _, stderr = proc.communicate(timeout=60)
    assert written == N_ARTICLES, "the first archive's records were not written before the second was read"
    assert proc.returncode == 0, stderr[-3000:]
    [published] = (tmp_path / "re").glob("gen/*/*.jsonl")
    assert len(read_jsonl(published)) == 2 * N_ARTICLES and not list((tmp_path / "re").rglob("*.part"))


def _middle_of_a_record(archive: Path) -> int:
    """An offset halfway through the gzip member (one record each) two thirds into the archive:
    a cut there is a truncated record (a cut at a member's end, or in its 8-byte trailer, is not)."""
    data, starts, pos = archive.read_bytes(), [], 0
    while pos < len(data):
        member = zlib.decompressobj(wbits=31)
        member.decompress(data[pos:])
        starts.append(pos)
        pos = len(data) - len(member.unused_data)
    middle = len(starts) * 2 // 3
    return (starts[middle] + starts[middle + 1]) // 2


def test_bad_input_is_named_and_the_rest_is_read(tmp_path: Path, archived: ArchivedCrawl) -> None:
    not_warc = tmp_path / "notes.warc.gz"
    not_warc.write_text("这不是一个WARC文件\n", encoding="utf-8")
    whole = archived.archive.read_bytes()
    truncated = tmp_path / "cut.warc.gz"
    truncated.write_bytes(whole[:_middle_of_a_record(archived.archive)])
    code, stderr, report, records = reextract(tmp_path, archived, not_warc, truncated, archived.archive)
    assert code == 1
    lines = stderr.strip().splitlines()
    assert len(lines) == 2 == len(report["unreadable"]), stderr
    assert re.fullmatch(rf"govcrawl: {re.escape(str(not_warc))}: offset 0: .+", lines[0])
    assert re.fullmatch(rf"govcrawl: {re.escape(str(truncated))}: offset [1-9]\d*: .+", lines[1])
    ids = [r["id"] for r in records]
    expected = {r["id"] for r in archived.records}
    assert set(ids) == expected  # the whole archive, after the bad files
    assert N_ARTICLES < len(ids) < 2 * N_ARTICLES  # and the records of the cut file before its cut


def test_a_record_that_fails_its_digest_is_named_and_the_next_ones_are_read(tmp_path: Path,
                                                                          archived: ArchivedCrawl) -> None:
    data, members, pos = archived.archive.read_bytes(), [], 0
    while pos < len(data):  # the gzip members, one record each
        member = zlib.decompressobj(wbits=31)
        record = member.decompress(data[pos:])
        members.append((pos, record))
        pos = len(data) - len(member.unused_data)
    # an article's answer altered after it was written (same length: only its digests tell)
    at, altered = next((offset, record) for offset, record in members[len(members) // 2:]
                       if b"Govcrawl-Kind: article" in record)
    altered = altered.replace("为进一步做好".encode(), "为更进一步做".encode())
    following = next(offset for offset, _ in members if offset > at)
    damaged = tmp_path / "damaged.warc.gz"
    damaged.write_bytes(data[:at] + gzip.compress(altered) + data[following:])
    code, stderr, _, records = reextract(tmp_path, archived, damaged)
    assert code == 1
    assert re.fullmatch(rf"govcrawl: {re.escape(str(damaged))}: offset {at}: block digest failed: sha1:\w+",
                        stderr.strip()), stderr
    assert len(records) == N_ARTICLES - 1  # every other page, before it and after it


def _item(path: str, title: str, day: int) -> str:
    return f'<li><a href="{path}">{title}</a><span>2026-11-{day:02d}</span></li>'


def _article(site: Path, path: str, n: int) -> str:
    """An article page, and its line in a list."""
    file = site / path.lstrip("/")
    file.parent.mkdir(parents=True, exist_ok=True)
    title = f"关于第{n}号事项的通知"
    file.write_text(ARTICLE.format(title=title, day=f"2026-11-{n:02d}", lead=f"这是第{n}号通知的正文。"), encoding="utf-8")
    return _item(path, title, n)


def _page(site: Path, folder: str, title: str, body: str) -> None:
    (site / folder).mkdir(parents=True, exist_ok=True)
    (site / folder / "index.html").write_text(
        f'<html><head><meta charset="utf-8"><title>{title}</title></head><body>'
        f'<div class="nav"><a href="/">首页</a></div>{body}</body></html>', encoding="utf-8")


def _site_of_pages_not_exported(site: Path) -> None:
    """A home page leading to a news column whose list links, besides six articles: a topic page
    (a column with a long introduction, which the search for columns reads as a list), an undated
    page about the city (which it reads as a channel), an undated speech the navigation links too
    (read as a channel, yet long writing of its own: the list's article), a sub-column, a page gone (404), one
    answered by a firewall and a PDF served as HTML; and a block of headlines on the home page
    whose URLs say nothing, one of them undated."""
    intro = "".join(f"<p>本专题集中展示全市各地各部门推进乡村振兴的工作动态和经验做法，第{n}部分。欢迎社会各界关注。</p>"
                    for n in range(6))
    topic = "".join(_article(site, f"/zt/202611/t202611{n:02d}_{n}.html", n) for n in range(7, 13))
    _page(site, "zt", "乡村振兴专题", f'<div class="main"><div class="intro">{intro}</div><ul class="list">{topic}</ul></div>')
    about = "".join(f"<p>测试市位于江汉平原腹地，总面积两千六百平方公里，第{n}段介绍全市的自然地理和人文历史。"
                    f"全市辖十个镇和三个街道办事处。</p>" for n in range(4))
    _page(site, "sqgk", "市情概况", f'<div class="main"><h1>测试市情概况</h1>{about}</div>')
    speech = "".join(f"<p>各位同志：今天我们召开全市经济工作会议，第{n}部分，总结今年工作，部署明年任务。</p>" for n in range(30))
    _page(site, "ldjh", "在全市经济工作会议上的讲话", f'<div class="main"><h1>在全市经济工作会议上的讲话</h1>{speech}</div>')
    sub = "".join(_article(site, f"/xwzx/bmdt/202611/t202611{n:02d}_{n}.html", n) for n in range(13, 19))
    _page(site, "xwzx/bmdt", "部门动态", f'<ul class="list">{sub}</ul>')
    (site / "xwzx/202611").mkdir(parents=True)
    (site / "xwzx/202611/t20261129_29.html").write_bytes((HOSTILE / "blocked_safedog.html").read_bytes())
    (site / "xwzx/202611/t20261128_28.html").write_bytes(b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n")
    news = [_article(site, f"/xwzx/202611/t202611{n:02d}_{n}.html", n) for n in range(1, 7)] + [
        _item("/zt/", "乡村振兴专题：全市各地推进乡村振兴工作动态", 20),
        _item("/sqgk/", "测试市情概况：自然地理人文历史简介全文", 21),
        _item("/ldjh/", "在全市经济工作会议上的讲话", 19),
        _item("/xwzx/bmdt/", "部门动态：各部门本周工作动态汇总", 22),
        *(_item(f"/xwzx/202611/t202611{n}_{n}.html", f"关于第{n}号事项的通知", n) for n in (28, 29, 30))]
    _page(site, "xwzx", "新闻中心", f'<ul class="list">{"".join(news)}</ul>')
    # a block of headlines on the home page whose URLs say nothing of their kind: one undated
    block = "".join(f"<div class='l_list'><a href='/a/getPro2-report_public_show_{n}e{n}f.html'>关于第{n}号事项的通知</a>"
                    f"</div>" for n in range(23, 28) if _article(site, f"/a/getPro2-report_public_show_{n}e{n}f.html", n))
    undated = site / "a/getPro2-report_public_show_27e27f.html"
    undated.write_text(undated.read_text(encoding="utf-8").replace("发布时间：2026-11-27 09:00", "")
                       .replace('<meta name="PubDate" content="2026-11-27 09:00">', ""), encoding="utf-8")
    (site / "index.html").write_text(
        '<html><head><meta charset="utf-8"><title>首页</title></head><body><div class="nav"><a href="/">首页</a> '
        '<a href="/xwzx/">新闻中心</a> <a href="/zt/">乡村振兴</a> <a href="/sqgk/">市情概况</a> <a href="/ldjh/">领导讲话</a></div>'
        f'<div class="main"><div class="l_item">{block}</div></div></body></html>', encoding="utf-8")


def test_pages_the_crawl_did_not_export_give_no_record_again(tmp_path: Path) -> None:
    _site_of_pages_not_exported(tmp_path / "site")
    entry = tmp_path / "t.toml"
    with serve_site(tmp_path / "site") as base:
        entry.write_text(f'key = "t"\nname = "测试"\ndomains = ["127.0.0.1"]\nhome = "{base}/"\n', encoding="utf-8")
        args = ["crawl", str(entry), "--out", str(tmp_path / "out"), "--archive", str(tmp_path / "warc")]
        proc = run_cli(*args, *[arg for setting in FAST_SETTINGS for arg in ("-s", setting)], cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    [report_file] = (tmp_path / "out").glob("t/*/*.report.json")
    crawled = json.loads(report_file.read_text(encoding="utf-8"))
    # what the site is for: each way a fetched page gives no record
    assert crawled["exported"] == 23 and crawled["rejected"] == {"http_404": 1, "blocked": 1, "not_html": 1}
    assert crawled["outcomes"]["followed_as_list"] == 2 and crawled["outcomes"]["ignored"] == {"channel_page": 2}
    archived = ArchivedCrawl(entry, tmp_path / "warc", read_jsonl(Path(crawled["export"])))
    with next((tmp_path / "warc").rglob("*.warc.gz")).open("rb") as stream:  # how deep the search read each page
        depths = {r.rec_headers.get_header("WARC-Target-URI").removeprefix(base): r.rec_headers.get_header("Govcrawl-Depth")
                  for r in ArchiveIterator(stream) if r.rec_headers.get_header("Govcrawl-Kind") == "discovery"}
    assert depths == {"/": "0", "/xwzx/": "1", "/zt/": "1", "/sqgk/": "1", "/ldjh/": "1"}
    code, stderr, report, records = reextract(tmp_path, archived, *sorted((tmp_path / "warc").rglob("*.warc.gz")))
    assert code == 0, stderr[-3000:]
    assert sorted(records, key=lambda r: r["id"]) == sorted(archived.records, key=lambda r: r["id"])
    # the pages are rejected again for the same reasons, the 404 too, and every link ends as it did
    assert report["rejected"] == crawled["rejected"] and report["outcomes"] == crawled["outcomes"]


def test_a_catalogue_s_cards_are_rejected_again(tmp_path: Path) -> None:
    """What the link asked of an undated page (a list dating none of its items linked it) is in
    the archive, and reextract rejects the same cards."""
    catalogue_site(tmp_path / "site")
    entry = tmp_path / "bx.toml"
    with serve_site(tmp_path / "site") as base:
        entry.write_text(f'key = "bx"\nname = "保险"\ndomains = ["127.0.0.1"]\n'
                         f'start_urls = ["{base}/cp/index.html", "{base}/tzgg/index.html"]\n', encoding="utf-8")
        args = ["crawl", str(entry), "--out", str(tmp_path / "out"), "--archive", str(tmp_path / "warc")]
        proc = run_cli(*args, *[arg for setting in FAST_SETTINGS for arg in ("-s", setting)], cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    [report_file] = (tmp_path / "out").glob("bx/*/*.report.json")
    crawled = json.loads(report_file.read_text(encoding="utf-8"))
    assert crawled["rejected"] == {"catalogue_card": 2}
    [archive] = (tmp_path / "warc").rglob("*.warc.gz")
    archived = ArchivedCrawl(entry, archive, read_jsonl(Path(crawled["export"])))
    code, stderr, report, records = reextract(tmp_path, archived, archive)
    assert code == 0, stderr[-3000:]
    assert sorted(records, key=lambda r: r["id"]) == sorted(archived.records, key=lambda r: r["id"])
    assert report["rejected"] == crawled["rejected"] and report["outcomes"] == crawled["outcomes"]


def _site_with_failures(site: GeneratedSite) -> dict[str, int]:
    """Twelve articles, five to a list page, of which: two gone (404), one failing (500), one
    answered by a firewall, one a list (a sub-column), one reached by a redirect; and the
    column's third page gone. The statuses to serve."""
    site.add(12)
    (site.root / site.article_path(9).lstrip("/")).write_bytes((HOSTILE / "blocked_safedog.html").read_bytes())
    sub = "".join(_item(site.article_path(n), f"关于第{n}号事项的通知", n) for n in (12, 11, 8))
    (site.root / site.article_path(10).lstrip("/")).write_text(
        f'<html><head><meta charset="utf-8"><title>部门动态</title></head><body><ul class="list">{sub}</ul>'
        "</body></html>", encoding="utf-8")
    moved = site.root / COLUMN / "moved11"  # served as a 301 to moved11/, the article
    moved.mkdir()
    (moved / "index.html").write_bytes((site.root / site.article_path(11).lstrip("/")).read_bytes())
    first = site.root / COLUMN / "index.html"
    first.write_text(first.read_text(encoding="utf-8").replace(site.article_path(11), f"/{COLUMN}/moved11"),
                     encoding="utf-8")
    return {site.article_path(3): 404, site.article_path(5): 404, site.article_path(7): 500,
            f"/{COLUMN}/index_2.html": 404}


def test_reextract_counts_what_the_crawl_counted(tmp_path: Path) -> None:
    """Pages gone or failing (the 500 twice in the archive: tried again once), a firewall's page,
    a list where an article was linked, a redirect: reextract's report counts them as the crawl's."""
    site = GeneratedSite(tmp_path / "site", per_page=5)
    statuses = _site_with_failures(site)
    entry = tmp_path / "gen.toml"
    settings = [*(s for s in FAST_SETTINGS if not s.startswith("RETRY_TIMES=")), "RETRY_TIMES=1"]
    with serve_site(site.root, statuses) as base:
        entry.write_text(site.entry_toml(base), encoding="utf-8")
        args = ["crawl", str(entry), "--out", str(tmp_path / "out"), "--archive", str(tmp_path / "warc")]
        proc = run_cli(*args, *[arg for setting in settings for arg in ("-s", setting)], cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    [report_file] = (tmp_path / "out").glob("gen/*/*.report.json")
    crawled = json.loads(report_file.read_text(encoding="utf-8"))
    assert crawled["rejected"] == {"http_404": 3, "http_500": 1, "blocked": 1}, crawled["rejected"]
    assert crawled["outcomes"]["followed_as_list"] == 1 and crawled["outcomes"]["unaccounted"] == 0
    [archive] = (tmp_path / "warc").rglob("*.warc.gz")
    with archive.open("rb") as stream:
        fetched = [r.rec_headers.get_header("WARC-Target-URI") for r in ArchiveIterator(stream)
                   if r.rec_type == "response"]
    assert sum(url.endswith(site.article_path(7)) for url in fetched) == 2  # the 500, and its retry
    archived = ArchivedCrawl(entry, archive, read_jsonl(Path(crawled["export"])))
    code, stderr, report, records = reextract(tmp_path, archived, archive)
    assert code == 0, stderr[-3000:]
    assert sorted(records, key=lambda r: r["id"]) == sorted(archived.records, key=lambda r: r["id"])
    assert report["rejected"] == crawled["rejected"] and report["outcomes"] == crawled["outcomes"]
    assert report["exported"] == crawled["exported"] == len(records) == 6
    # and written down as the crawl's rejects log writes them, each with what it says
    reread = read_jsonl(Path(report["rejects"]))
    logged = read_jsonl(report_file.parent / "rejects" / f"{crawled['run_id']}.jsonl")
    assert sorted((r["url"], r["reason"]) for r in reread) == sorted((r["url"], r["reason"]) for r in logged)
    assert all(r["detail"] for r in reread)


def test_a_page_read_again_whose_answer_is_missing_is_named_with_its_offset(tmp_path: Path) -> None:
    """A metadata record of a page read again refers to a response record of the same crawl; one
    whose response is not among the archives read (a file left out) is a problem named by file and
    offset, and the rest is read."""
    page = ArchivedPage(url="http://127.0.0.1/a.html", fetched_at=datetime.now(UTC), status=0, content_type=None,
                        body=b"", kind="article", column=None, page=None, rereads="<urn:uuid:1>", offset=4096)
    result = Reextraction()
    assert _read_again(page, tmp_path / "a.warc.gz", CrawlMemory(), result) is None
    [problem] = result.problems
    assert problem.offset == 4096 and "<urn:uuid:1>" in problem.problem and "a.html" in problem.problem
