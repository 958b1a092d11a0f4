"""Pages classified before use: sub-columns crawled as lists, articles reached as lists exported,
and a home-only entry that finds its columns."""

from __future__ import annotations

import json
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from govcrawl.siteserver import serve_site
from tests.conftest import FAST_SETTINGS, SAMPLE_SITE, crawl_entry, read_jsonl, run_cli
from tests.sitegen import ARTICLE

HOSTILE = Path(__file__).parents[1] / "extract" / "fixtures" / "hostile"


def _crawl(tmp_path: Path, entry_lines: str, site: Path) -> tuple[object, list[dict], dict]:
    with serve_site(site) as base:
        crawl = crawl_entry(tmp_path, entry_lines.replace("{base}", base))
    return crawl.proc, crawl.records, crawl.report


def _article(site: Path, path: str, n: int) -> str:
    file = site / path.lstrip("/")
    file.parent.mkdir(parents=True, exist_ok=True)
    title = f"关于第{n}号事项的通知"
    file.write_text(ARTICLE.format(title=title, day=f"2026-11-{n:02d}", lead=f"这是第{n}号通知的正文。"), encoding="utf-8")
    return f'<li><a href="{path}">{title}</a><span>2026-11-{n:02d}</span></li>'


def _list_page(site: Path, path: str, items: list[str]) -> None:
    file = site / path.lstrip("/") / "index.html"
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(f'<html><head><meta charset="utf-8"><title>列表</title></head><body>'
                    f'<div class="nav"><a href="/">首页</a></div><ul class="list">{"".join(items)}</ul></body></html>',
                    encoding="utf-8")


def test_a_sub_column_linked_as_an_article_is_crawled_as_a_list_and_not_exported(tmp_path: Path) -> None:
    site = tmp_path / "site"
    sub = [_article(site, f"/xwzx/bmdt/202611/t202611{n:02d}_{n}.html", n) for n in range(1, 7)]
    _list_page(site, "/xwzx/bmdt/", sub)
    # the column's list links the sub-column like one of its headlines
    top = [_article(site, f"/xwzx/202611/t202611{n:02d}_{n}.html", n) for n in range(7, 10)]
    top.append('<li><a href="/xwzx/bmdt/">部门动态：各部门本周工作动态汇总</a><span>2026-11-20</span></li>')
    _list_page(site, "/xwzx/", top)
    proc, records, report = _crawl(
        tmp_path, 'key = "t"\nname = "测试"\ndomains = ["127.0.0.1"]\nstart_urls = ["{base}/xwzx/"]\n', site)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert sorted(r["title"] for r in records) == sorted(f"关于第{n}号事项的通知" for n in range(1, 10))
    assert not any(r["url"].endswith("/bmdt/") for r in records)
    assert report["outcomes"]["followed_as_list"] == 1 and report["outcomes"]["unaccounted"] == 0


def test_a_start_url_that_is_an_article_is_exported(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _article(site, "/xwzx/202611/t20261105_5.html", 5)
    proc, records, _ = _crawl(tmp_path, 'key = "t"\nname = "测试"\ndomains = ["127.0.0.1"]\n'
                              'start_urls = ["{base}/xwzx/202611/t20261105_5.html"]\n', site)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert [r["title"] for r in records] == ["关于第5号事项的通知"]


def test_a_home_only_entry_finds_the_columns_and_reports_them(tmp_path: Path) -> None:
    proc, records, report = _crawl(tmp_path, 'key = "sample"\nname = "示例市人民政府"\n'
                                   'domains = ["127.0.0.1"]\nhome = "{base}/"\n', SAMPLE_SITE)
    assert proc.returncode == 0, proc.stderr[-3000:]
    expected = read_jsonl(SAMPLE_SITE / "expected.jsonl")
    assert sorted((r["url"].split("/", 3)[3], r["column"]) for r in records) == sorted(
        (e["path"].lstrip("/"), e["column"]) for e in expected)
    assert sorted(c["name"] for c in report["columns_discovered"]) == ["政策解读", "示例要闻", "通知公告"]
    assert report["discovery_capped"] is False


def test_the_search_for_columns_stops_at_its_page_budget_and_says_so(tmp_path: Path) -> None:
    with serve_site(SAMPLE_SITE) as base:
        crawl = crawl_entry(tmp_path, f'key = "sample"\nname = "示例"\ndomains = ["127.0.0.1"]\nhome = "{base}/"\n',
                            "-s", "GOVCRAWL_DISCOVERY_MAX_PAGES=0")
    assert crawl.proc.returncode == 5, crawl.proc.stderr[-3000:]  # nothing read: a loud zero
    assert "DISCOVERY BUDGET reached: 3 column link(s) left out" in crawl.proc.stderr
    # no page but lists: the budget grows with the columns found, and there is none yet
    assert crawl.report["columns_discovered"] == [] and crawl.report["discovery_capped"] is True
    left_out = crawl.report["discovery"]["left_out"]
    assert left_out and all(link["url"].startswith(base) and link["name"] for link in left_out)


def test_a_home_only_entry_runs_incrementally(tmp_path: Path) -> None:
    entry = tmp_path / "entry.toml"
    state = tmp_path / "state.sqlite"
    with serve_site(SAMPLE_SITE) as base:
        entry.write_text(f'key = "sample"\nname = "示例市人民政府"\ndomains = ["127.0.0.1"]\nhome = "{base}/"\n',
                         encoding="utf-8")
        args = ["run", str(entry), "--state", str(state), "--out", str(tmp_path / "out")]
        args += [a for s in FAST_SETTINGS for a in ("-s", s)]
        first, second = run_cli(*args, cwd=tmp_path), run_cli(*args, cwd=tmp_path)
    assert first.returncode == 0 and second.returncode == 0, second.stderr[-3000:]
    # in the order they were written: two runs may start within one second ("started")
    reports = sorted((tmp_path / "out").glob("sample/*/*.report.json"), key=lambda p: p.stat().st_mtime_ns)
    counts = [json.loads(r.read_text(encoding="utf-8")) for r in reports]
    assert [r["exported"] for r in counts] == [16, 0]
    assert all(len(r["columns_discovered"]) == 3 for r in counts)


def test_a_last_list_page_with_one_article_beside_a_hot_list_loses_nothing(tmp_path: Path) -> None:
    site = tmp_path / "site"
    hot = "".join(_article(site, f"/rd/202610/t202610{n:02d}_{n}.html", n).replace("<span>", "<i>").replace(
        "</span>", "</i>").replace(f"2026-11-{n:02d}", "") for n in range(21, 27))
    pages = [[_article(site, f"/xw/202611/t202611{n:02d}_{n}.html", n) for n in ns] for ns in ((1, 2, 3), (4,))]
    for number, items in enumerate(pages):
        pager = '<div class="page"><a href="index_1.html">下一页</a></div>' if number == 0 else ""
        name = "index.html" if number == 0 else f"index_{number}.html"
        (site / "xw").mkdir(parents=True, exist_ok=True)
        (site / "xw" / name).write_text(
            f'<html><head><meta charset="utf-8"><title>工作动态</title></head><body><div class="nav"><a href="/">首页</a></div>'
            f'<div class="main"><ul class="list-ul">{"".join(items)}</ul>{pager}</div>'
            f'<div class="hot"><h3>热点文章</h3><ul>{hot}</ul></div></body></html>', encoding="utf-8")
    proc, records, _ = _crawl(tmp_path, 'key = "t"\nname = "测试"\ndomains = ["127.0.0.1"]\nstart_urls = ["{base}/xw/"]\n',
                              site)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert sorted(r["url"].rsplit("_", 1)[1] for r in records) == ["1.html", "2.html", "3.html", "4.html"]


def test_a_start_url_that_is_an_article_is_exported_once_over_incremental_runs(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _article(site, "/xwzx/202611/t20261105_5.html", 5)
    entry = tmp_path / "entry.toml"
    with serve_site(site) as base:
        entry.write_text(f'key = "t"\nname = "测试"\ndomains = ["127.0.0.1"]\n'
                         f'start_urls = ["{base}/xwzx/202611/t20261105_5.html"]\n', encoding="utf-8")
        args = ["run", str(entry), "--state", str(tmp_path / "state.sqlite"), "--out", str(tmp_path / "out")]
        args += [a for s in FAST_SETTINGS for a in ("-s", s)]
        runs = [run_cli(*args, cwd=tmp_path) for _ in range(2)]
    assert [p.returncode for p in runs] == [0, 0], runs[1].stderr[-3000:]
    reports = [json.loads(p.read_text(encoding="utf-8")) for p in (tmp_path / "out").glob("t/*/*.report.json")]
    assert sorted(r["exported"] for r in reports) == [0, 1]


def test_a_column_page_with_a_long_introduction_is_read_as_a_list(tmp_path: Path) -> None:
    site = tmp_path / "site"
    items = [_article(site, f"/zt/202611/t202611{n:02d}_{n}.html", n) for n in range(1, 9)]
    intro = "".join(f"<p>本专题集中展示全市各地各部门推进乡村振兴的工作动态和经验做法，第{n}部分。欢迎社会各界关注。</p>"
                    for n in range(6))
    (site / "zt").mkdir(parents=True, exist_ok=True)
    (site / "zt" / "index.html").write_text(
        f'<html><head><meta charset="utf-8"><title>乡村振兴专题</title></head><body><div class="main">'
        f'<div class="intro">{intro}</div><ul class="list">{"".join(items)}</ul></div></body></html>', encoding="utf-8")
    proc, records, _ = _crawl(tmp_path, 'key = "t"\nname = "测试"\ndomains = ["127.0.0.1"]\nstart_urls = ["{base}/zt/"]\n',
                              site)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert sorted(r["title"] for r in records) == sorted(f"关于第{n}号事项的通知" for n in range(1, 9))


def test_a_short_headline_on_the_home_page_is_still_exported_from_its_column(tmp_path: Path) -> None:
    site = tmp_path / "site"
    items = [_article(site, f"/content/post_{n}.html", n) for n in range(1, 7)]
    short = _article(site, "/content/post_7.html", 7).replace("关于第7号事项的通知</a>", "停水通知</a>")
    _list_page(site, "/tzgg/", [*items, short])
    (site / "index.html").write_text(
        '<html><head><meta charset="utf-8"><title>首页</title></head><body><div class="nav"><a href="/">首页</a>'
        '<a href="/tzgg/">通知公告</a></div><div class="tz"><h3>通知</h3><a href="/content/post_7.html">停水通知</a>'
        "</div></body></html>", encoding="utf-8")
    proc, records, report = _crawl(tmp_path, 'key = "t"\nname = "测试"\ndomains = ["127.0.0.1"]\nhome = "{base}/"\n', site)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert sorted(r["url"].rsplit("/", 1)[1] for r in records) == [f"post_{n}.html" for n in range(1, 8)]
    assert report["outcomes"]["unaccounted"] == 0


def test_an_undated_page_the_navigation_links_is_exported_when_a_column_lists_it(tmp_path: Path) -> None:
    """The search for columns reads an undated speech the navigation links as a channel; a
    column that lists it says it is one of its articles, and a home page's link alone does not.
    A short undated page (an overview) stays a channel page, listed or not."""
    site = tmp_path / "site"
    speech = "".join(f"<p>各位同志：今天我们召开全县经济工作会议，第{n}部分，总结今年工作，部署明年任务。</p>" for n in range(30))
    overview = "<p>测试县位于江汉平原腹地，辖十个镇。</p>"
    for path, title, text in (("/ldjh/speech.html", "在全县经济工作会议上的讲话", speech),
                              ("/sqgk/index.html", "测试县情概况", overview)):
        (site / path.lstrip("/")).parent.mkdir(parents=True, exist_ok=True)
        (site / path.lstrip("/")).write_text(f'<html><head><meta charset="utf-8"><title>{title}</title></head><body>'
                                             f'<div class="nav"><a href="/">首页</a></div><h1>{title}</h1>'
                                             f'<div class="content">{text}</div></body></html>', encoding="utf-8")
    listed = ['<li><a href="/ldjh/speech.html">在全县经济工作会议上的讲话</a><span>2026-11-20</span></li>',
              '<li><a href="/sqgk/index.html">测试县情概况</a><span>2026-11-21</span></li>']
    _list_page(site, "/xwdt/", [*listed, *(_article(site, f"/xwdt/t{n}.html", n) for n in range(1, 6))])
    (site / "index.html").write_text(
        '<html><head><meta charset="utf-8"><title>首页</title></head><body><div class="nav"><a href="/">首页</a>'
        '<a href="/xwdt/">新闻动态</a><a href="/ldjh/speech.html">领导讲话</a><a href="/sqgk/index.html">县情概况</a>'
        "</div></body></html>", encoding="utf-8")
    proc, records, report = _crawl(tmp_path, 'key = "t"\nname = "测试"\ndomains = ["127.0.0.1"]\nhome = "{base}/"\n', site)
    assert proc.returncode == 0, proc.stderr[-3000:]
    exported = {r["url"].split("/", 3)[3]: r["column"] for r in records}
    assert exported == {"ldjh/speech.html": "新闻动态", **{f"xwdt/t{n}.html": "新闻动态" for n in range(1, 6)}}
    assert report["outcomes"]["ignored"] == {"channel_page": 1} and report["outcomes"]["unaccounted"] == 0


def test_a_carousel_of_pictures_without_words_gives_its_dated_slides(tmp_path: Path) -> None:
    """A 图片新闻 carousel: pictures linking articles no column lists, by URLs that say nothing of
    their kind (held-out coverage site longtuedu.cn). The dated slides are articles; an undated
    one (a school's profile) is not."""
    site = tmp_path / "site"
    listed = [_article(site, f"/xwzx/{n}.html", n) for n in range(1, 4)]
    _list_page(site, "/xwzx/", listed)
    for n in range(11, 15):
        _article(site, f"/contents/10/{n}.html", n)
    (site / "contents/10/15.html").write_text(
        '<html><head><meta charset="utf-8"><title>碧桂园学校</title></head><body><h1>碧桂园学校</h1>'
        '<div class="content"><p>学校创办于1994年，是一所全寄宿制学校，位于广东顺德，占地面积大，设施齐全。</p></div></body></html>',
        encoding="utf-8")
    pictures = "".join(f'<li class="slide-item"><a href="/contents/10/{n}.html"><img src="/upload/{n}.jpg"></a></li>'
                       for n in range(11, 16))
    (site / "index.html").write_text(
        '<html><head><meta charset="utf-8"><title>首页</title></head><body><div class="nav"><a href="/">首页</a>'
        f'<a href="/xwzx/">新闻中心</a></div><div class="slider"><ul>{pictures}</ul></div></body></html>', encoding="utf-8")
    proc, records, report = _crawl(tmp_path, 'key = "t"\nname = "测试"\ndomains = ["127.0.0.1"]\nhome = "{base}/"\n', site)
    assert proc.returncode == 0, proc.stderr[-3000:]
    exported = sorted(r["url"].split("/", 3)[3] for r in records)
    assert exported == [*(f"contents/10/{n}.html" for n in range(11, 15)), *(f"xwzx/{n}.html" for n in range(1, 4))]
    assert report["outcomes"]["ignored"] == {"channel_page": 1}


def test_a_home_page_answered_by_a_firewall_exits_6(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_bytes((HOSTILE / "blocked_safedog.html").read_bytes())
    proc, _, report = _crawl(tmp_path, 'key = "t"\nname = "测试"\ndomains = ["127.0.0.1"]\nhome = "{base}/"\n', site)
    assert proc.returncode == 6, proc.stderr[-3000:]
    assert report["rejected"] == {"blocked": 1}


def test_articles_a_home_page_links_are_exported_once_with_their_column_when_one_lists_them(tmp_path: Path) -> None:
    site = tmp_path / "site"
    listed = [_article(site, f"/xwzx/202611/t202611{n:02d}_{n}.html", n) for n in range(1, 6)]
    _list_page(site, "/xwzx/", listed)
    # a 头条 from a section with no column page, and one the column lists too
    lone = _article(site, "/ztzl/202611/t20261120_20.html", 20)
    (site / "index.html").write_text(
        '<html><head><meta charset="utf-8"><title>首页</title></head><body>'
        '<div class="nav"><a href="/">首页</a> <a href="/xwzx/">新闻中心</a> <a href="/search/?q=">搜索</a></div>'
        f'<div class="focus"><ul>{lone}{listed[0]}</ul></div></body></html>', encoding="utf-8")
    proc, records, report = _crawl(tmp_path, 'key = "t"\nname = "测试"\ndomains = ["127.0.0.1"]\nhome = "{base}/"\n',
                                   site)
    assert proc.returncode == 0, proc.stderr[-3000:]
    columns = {r["url"].split("/", 3)[3]: r["column"] for r in records}
    assert columns == {**{f"xwzx/202611/t202611{n:02d}_{n}.html": "新闻中心" for n in range(1, 6)},
                       "ztzl/202611/t20261120_20.html": None}
    assert report["discovery"]["headline_articles"] == 1 and report["outcomes"]["unaccounted"] == 0


def test_articles_in_a_home_pages_blocks_whose_urls_say_nothing_are_exported_when_dated(tmp_path: Path) -> None:
    """Blocks of undated headlines on the home page, over URLs of no known article shape
    (``getPro2-report_public_show_<hex>.html``, held-out site sdyp.com.cn): the dated pages are
    articles; an undated page in such a block is not, nor is a block of named single pages."""
    site = tmp_path / "site"
    folder = "/a/propaganda/"
    blocks = ""
    for b in range(2):
        rows = "".join(f"<div class='l_list'><a href='{folder}getPro2-report_public_show_{b}e{n}f.html'>"
                       f"关于第{b}{n}号事项的通知</a></div>" for n in range(5))
        blocks += f'<div class="l_item" id="block{b}">{rows}</div>'
        for n in range(5):
            _article(site, f"{folder}getPro2-report_public_show_{b}e{n}f.html", b * 10 + n + 1)
    # one of them shows no date: a single page that the block links like the others
    undated = site / folder.strip("/") / "getPro2-report_public_show_0e4f.html"
    undated.write_text(undated.read_text(encoding="utf-8").replace("发布时间：2026-11-05 09:00", "")
                       .replace('<meta name="PubDate" content="2026-11-05 09:00">', ""), encoding="utf-8")
    named = "".join(f"<li><a href='/{name}.html'>中国基督教两会{title}（修订版）全文</a></li>"
                    for name, title in (("rules", "章程"), ("declare", "信仰宣告"), ("tougao", "网站投稿")))
    for name in ("rules", "declare", "tougao"):
        _article(site, f"/{name}.html", 28)
    (site / "index.html").write_text(
        '<html><head><meta charset="utf-8"><title>中信网</title></head><body>'
        f'<div class="nav"><a href="/">首页</a></div><div class="main">{blocks}</div>'
        f'<div class="about"><ul>{named}</ul></div></body></html>', encoding="utf-8")
    proc, records, report = _crawl(tmp_path, 'key = "t"\nname = "测试"\ndomains = ["127.0.0.1"]\nhome = "{base}/"\n',
                                   site)
    assert proc.returncode == 0, proc.stderr[-3000:]
    exported = sorted(r["url"].rsplit("_", 1)[-1] for r in records)
    assert exported == sorted(f"{b}e{n}f.html" for b in range(2) for n in range(5) if (b, n) != (0, 4))
    assert report["outcomes"]["unaccounted"] == 0


def _with_related(site: Path, path: str, related: list[str]) -> None:
    """An article page with a 相关阅读 block and 上一篇/下一篇 links to other articles."""
    file = site / path.lstrip("/")
    block = f'<div class="otherlink"><h3>相关阅读</h3><ul>{"".join(related)}</ul></div></body>'
    file.write_text(file.read_text(encoding="utf-8").replace("</body>", block), encoding="utf-8")


def test_articles_linked_only_from_other_articles_are_exported_within_the_hop_limit(tmp_path: Path) -> None:
    """Older articles that no saved column page lists, reachable from newer ones' related
    blocks (held-out site sdhjnl.cn): followed up to GOVCRAWL_RELATED_HOPS links from a listed
    article, exported once, without a column; an undated page of the same shape is not exported,
    nor is a related link of another shape (a column, a single page)."""
    site = tmp_path / "site"
    listed = [_article(site, f"/EPL/{n}.html", n) for n in range(1, 6)]
    _list_page(site, "/EPL/", listed)
    one_hop = _article(site, "/NBA/11.html", 11)  # another column's folder, the same shape
    two_hops = _article(site, "/NBA/12.html", 12)
    three_hops = _article(site, "/NBA/13.html", 13)
    undated = _article(site, "/NBA/14.html", 14)
    page = site / "NBA" / "14.html"
    page.write_text(page.read_text(encoding="utf-8").replace("发布时间：2026-11-14 09:00", "")
                    .replace('<meta name="PubDate" content="2026-11-14 09:00">', ""), encoding="utf-8")
    single = _article(site, "/about/team.html", 15)
    _with_related(site, "/EPL/1.html", [one_hop, undated, single, listed[1]])
    _with_related(site, "/NBA/11.html", [two_hops])
    _with_related(site, "/NBA/12.html", [three_hops])
    (site / "index.html").write_text(
        '<html><head><meta charset="utf-8"><title>首页</title></head><body>'
        '<div class="nav"><a href="/">首页</a> <a href="/EPL/">英超新闻</a></div></body></html>', encoding="utf-8")
    entry = 'key = "t"\nname = "测试"\ndomains = ["127.0.0.1"]\nhome = "{base}/"\n'
    proc, records, report = _crawl(tmp_path, entry, site)
    assert proc.returncode == 0, proc.stderr[-3000:]
    columns = {r["url"].split("/", 3)[3]: r["column"] for r in records}
    assert columns == {**{f"EPL/{n}.html": "英超新闻" for n in range(1, 6)}, "NBA/11.html": None, "NBA/12.html": None}
    assert report["discovery"]["related_articles"] == 3  # 11, 14 (undated), then 12
    assert report["outcomes"]["unaccounted"] == 0
    # the same site as a list of columns: the user chose them, nothing else is followed
    columns_entry = ('key = "t"\nname = "测试"\ndomains = ["127.0.0.1"]\n'
                     '[[columns]]\nname = "英超新闻"\nurl = "{base}/EPL/"\n')
    (tmp_path / "columns").mkdir()
    proc, records, _ = _crawl(tmp_path / "columns", columns_entry, site)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert sorted(r["url"].split("/", 3)[3] for r in records) == [f"EPL/{n}.html" for n in range(1, 6)]


def test_a_page_the_search_for_columns_fetched_is_not_fetched_again(tmp_path: Path) -> None:
    """Two dated pages the navigation links (政府信息公开指南, 机构职能), one of which a column lists
    too: each is fetched once, by the search for columns, and exported from that answer with its
    column (or none); the archive's metadata records let reextract read them the same way. The
    listed one answers slowly: the column lists it while discovery's request is on its way."""
    site = tmp_path / "site"
    listed = [_article(site, f"/xwzx/202611/t202611{n:02d}_{n}.html", n) for n in range(1, 4)]
    _list_page(site, "/xwzx/", [*listed, _article(site, "/xxgk/zn.html", 21)])
    _article(site, "/xxgk/jg.html", 22)
    (site / "index.html").write_text(
        '<html><head><meta charset="utf-8"><title>首页</title></head><body><div class="nav"><a href="/">首页</a>'
        '<a href="/xwzx/">新闻中心</a><a href="/xxgk/zn.html">政府信息公开指南</a><a href="/xxgk/jg.html">机构职能</a>'
        '</div></body></html>', encoding="utf-8")
    seen: list[tuple[str, str]] = []
    with serve_site(site, seen=seen, delays={"/xxgk/zn.html": 1.0}) as base:
        entry = f'key = "t"\nname = "测试"\ndomains = ["127.0.0.1"]\nhome = "{base}/"\n'
        crawl = crawl_entry(tmp_path, entry, "--archive", str(tmp_path / "warc"))
    assert crawl.proc.returncode == 0, crawl.proc.stderr[-3000:]
    articles = [path for path, _ in seen if path.endswith(".html") and path != "/index.html"]
    assert sorted(articles) == [*(f"/xwzx/202611/t202611{n:02d}_{n}.html" for n in range(1, 4)),
                                "/xxgk/jg.html", "/xxgk/zn.html"]
    columns = {r["url"].split("/", 3)[3]: r["column"] for r in crawl.records}
    assert columns == {**{f"xwzx/202611/t202611{n:02d}_{n}.html": "新闻中心" for n in range(1, 4)},
                       "xxgk/zn.html": "新闻中心", "xxgk/jg.html": None}
    assert crawl.report["discovery"]["pages_reused"] == 2 and crawl.report["outcomes"]["unaccounted"] == 0
    [archive] = (tmp_path / "warc").rglob("*.warc.gz")
    with archive.open("rb") as stream:
        records = [(r.rec_type, r.rec_headers) for r in ArchiveIterator(stream, check_digests="raise")]
    responses = {h.get_header("WARC-Record-ID"): h.get_header("WARC-Target-URI") for t, h in records if t == "response"}
    rereads = [(h.get_header("WARC-Target-URI"), h.get_header("Govcrawl-Kind"), responses[h.get_header("WARC-Refers-To")])
               for t, h in records if t == "metadata"]
    assert sorted(rereads) == [(f"{base}/xxgk/{name}.html", "article", f"{base}/xxgk/{name}.html") for name in ("jg", "zn")]
    proc = run_cli("reextract", str(archive), "--site", str(tmp_path / "entry.toml"), "--out", str(tmp_path / "re"),
                   cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    [rerun] = (tmp_path / "re").glob("t/*/*.jsonl")
    assert sorted(read_jsonl(rerun), key=lambda r: r["id"]) == sorted(crawl.records, key=lambda r: r["id"])

