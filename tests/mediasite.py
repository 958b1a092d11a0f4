"""A 融媒体-style news site on disk, in three pagination styles, whose articles a test can add and edit.

Columns, newest first, ``per_page`` to a list page:
- 本地新闻 ``/bdxw/list.html``, then ``list.html?page=N``: a pager of 首页 (``?page=1``), 上一页,
  page numbers and 尾页, without a 下一页 link;
- 乡镇动态 ``/xzdt/list.html``, then ``list_N.html`` (N from 2), with 下一页;
- 通知公告 ``/tzgg/index.htm``, then ``index_N.htm`` (N from 1), in GBK, with 下一页 and 共N页.

The home page has the navigation (首页, the columns, 网站地图, 联系我们) and a 最新 block of the
newest headlines with a 更多 link, as such sites do. Query pages are saved as ``path@query`` for
``govcrawl.siteserver.serve_site``; files get explicit mtimes, so that 304 answers do not depend
on timing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

BASE_MTIME = 1_700_000_000
#: (slug, name, encoding)
COLUMNS = (("bdxw", "本地新闻", "utf-8"), ("xzdt", "乡镇动态", "utf-8"), ("tzgg", "通知公告", "gbk"))

PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>{title}_测试县融媒体中心</title></head><body>
<div class="header"><ul class="nav"><li><a href="/">首页</a></li>{nav}
<li><a href="/wzdt.html">网站地图</a></li><li><a href="/lxwm.html">联系我们</a></li></ul></div>
{main}
<div class="footer">主办：测试县融媒体中心 版权所有 | <a href="/lxwm.html">联系我们</a></div>
</body></html>
"""
ARTICLE_MAIN = """<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="{column_path}">{column}</a></div>
<div class="article"><h1>{title}</h1>
<div class="info"><span>发布时间：{day} 10:30</span><span>来源：测试县融媒体中心</span></div>
<div class="content">
<p>{lead}</p>
<p>活动现场，工作人员向群众详细讲解了相关政策，发放宣传资料，解答群众关心的问题，现场气氛热烈。</p>
<p>下一步，相关部门将持续推进此项工作，不断提升群众的获得感、幸福感、安全感。</p>
</div>
<div class="editor">责任编辑：李明</div></div>
<div class="related"><h3>相关新闻</h3><ul>{related}</ul></div>
"""


@dataclass
class MediaArticle:
    n: int
    column: str
    day: date

    @property
    def title(self) -> str:
        return f"测试县第{self.n}期民生实事项目稳步推进"

    @property
    def path(self) -> str:
        return f"/{self.column}/{self.day:%Y%m}/c{self.n}.html"


@dataclass
class MediaSite:
    """The site's articles are numbered 1..n, spread over the columns in turn."""

    root: Path
    per_page: int = 5
    articles: list[MediaArticle] = field(default_factory=list)
    edits: dict[int, int] = field(default_factory=dict)

    def add(self, how_many: int) -> list[MediaArticle]:
        """Publish ``how_many`` new articles and re-render every list page."""
        added = []
        for _ in range(how_many):
            n = len(self.articles) + 1
            added.append(MediaArticle(n, COLUMNS[n % len(COLUMNS)][0], date(2024, 1, 1) + timedelta(days=n)))
            self.articles.append(added[-1])
            self._write_article(added[-1], BASE_MTIME + n)
        self._write_lists()
        return added

    def edit(self, n: int) -> MediaArticle:
        """Correct article n's text, as sites do after publishing."""
        self.edits[n] = self.edits.get(n, 0) + 1
        article = self.articles[n - 1]
        self._write_article(article, BASE_MTIME + 10_000_000 + n * 10 + self.edits[n])
        return article

    def column_name(self, slug: str) -> str:
        return next(name for s, name, _ in COLUMNS if s == slug)

    def in_column(self, slug: str) -> list[MediaArticle]:
        return [a for a in reversed(self.articles) if a.column == slug]

    def list_pages(self) -> list[str]:
        """Every list page path a crawl must read (page 1 once, under its first URL)."""
        return [path for slug, _, _ in COLUMNS for path in self._page_paths(slug)[0]]

    def entry_toml(self, base_url: str, key: str = "media") -> str:
        return (f'key = "{key}"\nname = "测试县融媒体中心"\ndomains = ["127.0.0.1"]\n'
                f'home = "{base_url}/"\n')

    def _nav(self) -> str:
        return "".join(f'<li><a href="{self._first(slug)}">{name}</a></li>' for slug, name, _ in COLUMNS)

    def _first(self, slug: str) -> str:
        return f"/{slug}/index.htm" if slug == "tzgg" else f"/{slug}/list.html"

    def _page_paths(self, slug: str) -> tuple[list[str], int]:
        pages = max(1, -(-len(self.in_column(slug)) // self.per_page))
        names = {"bdxw": lambda i: f"/bdxw/list.html?page={i + 1}", "xzdt": lambda i: f"/xzdt/list_{i + 1}.html",
                 "tzgg": lambda i: f"/tzgg/index_{i}.htm"}[slug]
        return [self._first(slug), *(names(i) for i in range(1, pages))], pages

    def _write(self, path: str, html: str, encoding: str = "utf-8", mtime: int | None = None) -> None:
        target = self.root / path.lstrip("/").replace("?", "@")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(html.encode(encoding))
        if mtime is not None:
            os.utime(target, (mtime, mtime))

    def _page(self, title: str, main: str, encoding: str = "utf-8") -> str:
        return PAGE.format(charset=encoding, title=title, nav=self._nav(), main=main)

    def _write_article(self, article: MediaArticle, mtime: int) -> None:
        lead = f"近日，测试县第{article.n}期民生实事项目现场推进会召开，各项工作有序开展。"
        if self.edits.get(article.n):
            lead += f"（第{self.edits[article.n]}次更正：补充了项目投资额。）"
        column = self.column_name(article.column)
        related = "".join(f'<li><a href="{a.path}">{a.title}</a></li>'
                          for a in self.in_column(article.column)[:3] if a.n != article.n)
        encoding = dict((s, e) for s, _, e in COLUMNS)[article.column]
        main = ARTICLE_MAIN.format(column_path=self._first(article.column), column=column, title=article.title,
                                   day=article.day.isoformat(), lead=lead, related=related)
        self._write(article.path, self._page(article.title, main, encoding), encoding, mtime)

    def _write_lists(self) -> None:
        for slug, name, encoding in COLUMNS:
            paths, _ = self._page_paths(slug)
            for i, path in enumerate(paths):
                self._write(path, self._page(name, self._list_main(slug, name, paths, i), encoding), encoding)
            if slug == "bdxw":  # 首页 links ?page=1: the first page under a second URL
                self._write("/bdxw/list.html?page=1", self._page(name, self._list_main(slug, name, paths, 0)))
        self._write_home()
        self._write("/robots.txt", "User-agent: *\nAllow: /\n")

    def _list_main(self, slug: str, name: str, paths: list[str], i: int) -> str:
        chunk = self.in_column(slug)[i * self.per_page:(i + 1) * self.per_page]
        rows = "".join(f'<li><a href="{a.path}" title="{a.title}">{a.title}</a><span>{a.day}</span></li>'
                       for a in chunk)
        return (f'<div class="list-box"><h2>{name}</h2><ul class="news-list">{rows}</ul>'
                f'{self._pager(slug, paths, i, len(paths))}</div>')

    def _pager(self, slug: str, paths: list[str], i: int, pages: int) -> str:
        if slug == "bdxw":
            first = "/bdxw/list.html?page=1"
            links = [f'<a href="{first}">首页</a>']
            if i:
                links.append(f'<a href="{paths[i - 1] if i > 1 else first}">上一页</a>')
            links += [f'<a href="{"/bdxw/list.html?page=1" if k == 0 else paths[k]}">{k + 1}</a>'
                      if k != i else f"<span>{k + 1}</span>" for k in range(pages)]
            links.append(f'<a href="/bdxw/list.html?page={pages}">尾页</a>')
            return f'<div class="page">{"".join(links)}</div>'
        parts = [f"<span>共{pages}页</span>"]
        if i + 1 < pages:
            parts.append(f'<a href="{paths[i + 1]}">下一页</a>')
        return f'<div class="pages">{"".join(parts)}</div>'

    def _write_home(self) -> None:
        newest = "".join(f'<li><a href="{a.path}">{a.title}</a></li>' for a in list(reversed(self.articles))[:4])
        main = (f'<div class="block"><div class="block-title"><span>最新</span>'
                f'<a class="more" href="{self._first("bdxw")}">更多</a></div><ul>{newest}</ul></div>')
        self._write("/index.html", self._page("首页", main))
        for page, title in (("/wzdt.html", "网站地图"), ("/lxwm.html", "联系我们")):
            self._write(page, self._page(title, f"<div class='content'><p>{title}</p></div>"))

