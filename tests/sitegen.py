"""Generate a TRS-style municipal site on disk whose articles a test can add and edit.

Used by the incremental-run tests and bench/incremental.py. Files get explicit mtimes so that
the loopback server's Last-Modified / If-Modified-Since answers do not depend on timing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

COLUMN = "xwzx/tzgg"
BASE_MTIME = 1_700_000_000  # 2023-11-14, before any edit

ARTICLE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}_测试市人民政府</title>
<meta name="ArticleTitle" content="{title}"><meta name="PubDate" content="{day} 09:00">
</head><body>
<div class="nav">首页 &gt; 通知公告</div>
<h1 class="title">{title}</h1>
<div class="info">发布时间：{day} 09:00 来源：测试市政府办公室</div>
<div class="TRS_Editor">
<p>{lead}</p>
<p>为进一步做好相关工作，现将有关事项通知如下。各单位要高度重视，认真组织实施，确保各项任务落到实处。</p>
<p>本通知自印发之日起施行。请各单位结合实际，抓好贯彻落实，工作中遇到的问题请及时反馈。</p>
</div>
<div class="share">分享到：微信 微博</div>
<div class="footer">网站地图 | 联系我们 版权所有：测试市人民政府</div>
</body></html>
"""


@dataclass
class GeneratedSite:
    """Articles numbered 1..n (n newest), listed newest first, ``per_page`` to a list page."""

    root: Path
    per_page: int = 20
    count: int = 0
    edits: dict[int, int] = field(default_factory=dict)

    def article_path(self, n: int) -> str:
        day = _day(n)
        return f"/{COLUMN}/{day[:7].replace('-', '')}/t{day.replace('-', '')}_{n}.html"

    def add(self, how_many: int) -> None:
        """Publish ``how_many`` new articles and re-render the list pages."""
        for n in range(self.count + 1, self.count + how_many + 1):
            self._write_article(n, BASE_MTIME + n)
        self.count += how_many
        self._write_lists()

    def edit(self, n: int) -> None:
        """Change article n's text (a correction), as sites do after publishing."""
        self.edits[n] = self.edits.get(n, 0) + 1
        self._write_article(n, BASE_MTIME + 10_000_000 + n * 10 + self.edits[n])

    def pages(self) -> int:
        return max(1, -(-self.count // self.per_page))

    def _write_article(self, n: int, mtime: int) -> None:
        lead = f"这是第{n}号通知的正文。"
        if self.edits.get(n):
            lead += f"（第{self.edits[n]}次更正：补充了联系电话。）"
        path = self.root / self.article_path(n).lstrip("/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(ARTICLE.format(title=f"关于第{n}号事项的通知", day=_day(n), lead=lead),
                        encoding="utf-8")
        os.utime(path, (mtime, mtime))

    def _write_lists(self) -> None:
        newest_first = list(range(self.count, 0, -1))
        column = self.root / COLUMN
        column.mkdir(parents=True, exist_ok=True)
        for page in range(self.pages()):
            chunk = newest_first[page * self.per_page:(page + 1) * self.per_page]
            items = "\n".join(f'<li><a href="{self.article_path(n)}">关于第{n}号事项的通知</a>'
                              f"<span>{_day(n)}</span></li>" for n in chunk)
            html = (f'<html><head><meta charset="utf-8"><title>通知公告</title></head><body>'
                    f'<ul class="list">\n{items}\n</ul>'
                    f'<script>createPageHTML({self.pages()}, {page}, "index", "html");</script>'
                    f"</body></html>")
            name = "index.html" if page == 0 else f"index_{page}.html"
            (column / name).write_text(html, encoding="utf-8")
        (self.root / "robots.txt").write_text("User-agent: *\nAllow: /\n", encoding="utf-8")

    def entry_toml(self, base_url: str, key: str = "gen") -> str:
        return (f'key = "{key}"\nname = "测试市人民政府"\ndomains = ["127.0.0.1"]\n'
                f'start_urls = ["{base_url}/{COLUMN}/"]\n')


def _day(n: int) -> str:
    """Article n's publish day: one a day, counting from 2020-01-01."""
    from datetime import date, timedelta

    return (date(2020, 1, 1) + timedelta(days=n)).isoformat()


def _undated_page(title: str, text: str, extra: str = "") -> str:
    return (f'<html><head><meta charset="utf-8"><title>{title}</title></head><body><div class="nav">首页</div>'
            f'<h1>{title}</h1><div class="content"><p>{text}</p>{extra}</div></body></html>')


def catalogue_site(site: Path) -> None:
    """Two columns, /cp/ and /tzgg/: a catalogue that dates none of its items (products) links
    short undated cards (detail1, detail2), a long undated speech (detail3) and a card with a file
    (detail4); a dated column links an undated short notice (tzgg/detail1)."""
    card = "本产品为团体客户提供意外伤害保障，保障范围广泛，投保手续简便，欢迎咨询。"
    speech = "各位同工：非常高兴参加这次培训班，我将就神学思想建设这一题目作一分享，也会谈到相关问题。" * 25
    pages = {
        "cp/detail1.html": _undated_page("团体意外伤害保险A款", card),
        "cp/detail2.html": _undated_page("附加住院医疗保险B款", card),
        "cp/detail3.html": _undated_page("在推进神学思想建设培训班上的讲话", speech),
        "cp/detail4.html": _undated_page("投保提示书", card, '<p><a href="/files/tsh.pdf">投保提示书.pdf</a></p>'),
        "tzgg/detail1.html": _undated_page("关于调整营业时间的通知", card),
    }
    pages |= {f"tzgg/t{n}.html": ARTICLE.format(title=f"关于第{n}号事项的通知", day=f"2024-05-0{n}", lead="特此通知。")
              for n in range(2, 6)}
    for path, html in pages.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(html, encoding="utf-8")
    names = {1: "团体意外伤害保险A款", 2: "附加住院医疗保险B款", 3: "在推进神学思想建设培训班上的讲话", 4: "投保提示书"}
    products = "".join(f'<li><a href="/cp/detail{n}.html">{name}</a></li>' for n, name in names.items())
    (site / "cp" / "index.html").write_text(_undated_page("保险产品", "", f'<ul class="list">{products}</ul>'),
                                            encoding="utf-8")
    notices = ('<li><a href="/tzgg/detail1.html">关于调整营业时间的通知</a><span>2024-05-01</span></li>'
               + "".join(f'<li><a href="/tzgg/t{n}.html">关于第{n}号事项的通知</a><span>2024-05-0{n}</span></li>'
                         for n in range(2, 6)))
    (site / "tzgg" / "index.html").write_text(_undated_page("通知公告", "", f'<ul class="list">{notices}</ul>'),
                                              encoding="utf-8")
