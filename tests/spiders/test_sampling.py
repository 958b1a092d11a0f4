"""The search for columns samples a template's links before following them all."""

from __future__ import annotations

from pathlib import Path

from govcrawl.extract.listing.columns import ColumnLink
from govcrawl.spiders.sampling import TemplateSampler, url_template
from tests.spiders.test_discovery import _article, _crawl, _list_page


def test_a_template_is_the_url_with_its_ids_taken_out() -> None:
    assert url_template("http://x.cn/e/action/ListInfo-14_1_E58C97E4BAACE5B882.html") == \
        "/e/action/ListInfo-{id}_{id}_{id}.html"
    assert url_template("http://x.cn/list.jsp?cat=12&page=1") == "/list.jsp?cat={id}&page={id}"
    assert url_template("http://x.cn/xwzx/index.html") is None


def _link(n: int) -> tuple[ColumnLink, str]:
    url = f"http://x.cn/dh/{n}.html"
    return ColumnLink(f"名录{n}", url, False), url


def test_links_past_the_samples_wait_for_a_sample_that_is_a_list() -> None:
    sampler = TemplateSampler(2)
    admitted = [sampler.admit(*_link(n), depth=1) for n in range(5)]
    assert admitted == [True, True, False, False, False]
    assert sampler.answered("http://x.cn/dh/0.html", "other") == []
    assert [link.url for link, _ in sampler.answered("http://x.cn/dh/1.html", "list")] == \
        [f"http://x.cn/dh/{n}.html" for n in (2, 3, 4)]
    assert sampler.admit(*_link(9), depth=1)  # a fruitful template is followed from then on
    assert sampler.left_out() == []


def test_samples_that_lead_nowhere_leave_the_rest_out_and_say_so() -> None:
    sampler = TemplateSampler(2)
    for n in range(6):
        sampler.admit(*_link(n), depth=2)
    # a sample that could not be fetched is replaced by the next held link (the spider searches it)
    released = sampler.answered("http://x.cn/dh/0.html", "failed")
    assert [link.url for link, _ in released] == ["http://x.cn/dh/2.html"]
    assert sampler.admit(*_link(2), depth=2)
    assert sampler.answered("http://x.cn/dh/1.html", "other") == []
    assert sampler.answered("http://x.cn/dh/2.html", "other") == []
    assert sampler.left_out() == [{"template": "/dh/{id}.html", "sampled": 2, "held_back": 3}]
    # the home page's own links are never held back
    assert all(sampler.admit(*_link(n), depth=0) for n in range(10, 20))


def test_a_directory_of_filter_pages_costs_a_few_requests_and_a_column_among_them_is_found(tmp_path: Path) -> None:
    """A 组织导航 channel linking 20 filter pages of one template (``ListInfo-<n>_1.html``) that
    list nothing, and a second channel whose same-template pages are columns: the first costs
    three requests and is named in the report; every column of the second is crawled."""
    site = tmp_path / "site"
    filters = "".join(f'<a href="/e/action/ListInfo-{n}_1.html">省份{n}</a> ' for n in range(20))
    for n in range(20):
        page = site / "e" / "action" / f"ListInfo-{n}_1.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f'<html><head><meta charset="utf-8"><title>省份{n}</title></head><body>'
                        f'<div class="nav">{filters}</div><p>暂无信息</p></body></html>', encoding="utf-8")
    columns = "".join(f'<a href="/news/col{n}/">栏目{n}</a> ' for n in range(6))
    for n in range(6):
        _list_page(site, f"/news/col{n}/", [_article(site, f"/news/col{n}/202611/t2026110{n + 1}_{n}.html", n + 1)])
    for channel, links in (("dh", filters), ("xw", columns)):
        page = site / channel / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f'<html><head><meta charset="utf-8"><title>{channel}</title></head><body>'
                        f'<div class="sub">{links}</div></body></html>', encoding="utf-8")
    (site / "index.html").write_text(
        '<html><head><meta charset="utf-8"><title>首页</title></head><body>'
        '<div class="nav"><a href="/dh/">组织导航</a> <a href="/xw/">新闻频道</a></div></body></html>',
        encoding="utf-8")
    proc, records, report = _crawl(tmp_path, 'key = "t"\nname = "测试"\ndomains = ["127.0.0.1"]\nhome = "{base}/"\n',
                                   site)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert len(records) == 6
    assert report["discovery"]["templates_left_out"] == [
        {"template": "/e/action/ListInfo-{id}_{id}.html", "sampled": 3, "held_back": 17}]
    assert report["discovery"]["pages"] == 1 + 2 + 3 + 6  # home, channels, samples, columns


def test_a_blocks_more_link_is_never_held_back() -> None:
    """Columns of one CMS share a template (``/html/42/<col>/index.html``) with its single pages:
    whichever samples came first, a 更多 (查看全部) link leads to a block's whole list."""
    sampler = TemplateSampler(2)
    assert [sampler.admit(*_link(n), depth=1) for n in range(3)] == [True, True, False]
    assert sampler.answered("http://x.cn/dh/0.html", "other") == []
    assert sampler.admit(ColumnLink("公司新闻", "http://x.cn/dh/7.html", True, more=True), "http://x.cn/dh/7.html", 2)


def test_a_more_link_is_named_by_its_block_and_marked() -> None:
    from govcrawl.extract.listing.columns import column_links
    html = ("<html><body><div class='block'><h3>新闻稿</h3><a href='/html/42/2034/index.html'>查看全部 &gt;</a>"
            "<ul><li><a href='/html/42/2034/detail1.html'>公司召开年度工作会议</a></li></ul></div>"
            "<a href='/html/42/85/index.html'>奖项荣誉</a></body></html>")
    found = {link.url.rsplit("/", 2)[1]: (link.name, link.more) for link in
             column_links(html, "http://x.cn/html/42/75/index.html", ["x.cn"])}
    assert found == {"2034": ("新闻稿", True), "85": ("奖项荣誉", False)}


def test_a_more_links_answer_counts_for_its_template_and_a_bare_all_tab_is_no_more_link() -> None:
    from govcrawl.extract.listing.columns import column_links
    sampler = TemplateSampler(1)
    assert [sampler.admit(*_link(n), depth=1) for n in range(3)] == [True, False, False]
    more = ColumnLink("公司新闻", "http://x.cn/dh/7.html", True, more=True)
    assert sampler.admit(more, more.url, 2)
    assert [link.url for link, _ in sampler.answered(more.url, "list")] == ["http://x.cn/dh/1.html", "http://x.cn/dh/2.html"]
    html = ("<html><body><div class='nav'><a href='/html/42/2034/index.html'>新闻稿</a></div>"
            "<div class='block'><h3>新闻稿</h3><a href='/html/42/2034/index.html'>查看全部 &gt;</a></div>"
            "<div class='tabs'><a href='/wj/list-0-1.html'>全部</a><a href='/wj/list-1-1.html'>市政府文件</a></div>"
            "</body></html>")
    found = {link.url.split("/", 3)[3]: (link.name, link.more) for link in
             column_links(html, "http://x.cn/html/42/75/index.html", ["x.cn"])}
    assert found["html/42/2034/index.html"] == ("新闻稿", True)
    assert found["wj/list-0-1.html"][1] is False
