"""Small generated sites in the list and URL styles Chinese government sites use, for crawl tests.

Each site has a home page with a real-looking navigation bar (首页, the news and notice columns,
政务公开, a navigation page such as 机构设置, 网站地图, 联系我们, 无障碍, links to other sites),
home-page blocks with 更多 links, two or three columns paged over three or more list pages in the
style's pagination, article pages with the usual chrome, and list-page sidebars (a column menu,
year links, a 热点 list) that are neither pagination nor a column's list. ``build_site`` writes
one to a folder and returns what a crawl from its home page must find (``SiteTruth``).

Generation is deterministic. A URL with a query (``ItemDetail.html?docId=1``) is saved as the
file ``ItemDetail.html@docId=1``, which ``serve_site`` answers for it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote, urljoin

NEWEST = date(2024, 5, 20)
SUBJECTS = ("市政府", "市发展改革委", "市生态环境局", "市教育局", "市卫生健康委", "市住房城乡建设局",
            "市农业农村局", "市应急管理局")
ACTIONS = ("召开一季度经济运行分析会", "开展安全生产大检查", "部署防汛抗旱工作", "推进优化营商环境改革",
           "举行重点项目集中开工仪式", "调研乡村振兴示范点建设", "召开党组理论学习中心组会议",
           "开展世界环境日主题宣传活动")
NOTICE_TOPICS = ("2024年度安全生产", "城乡居民医疗保险参保缴费", "第五次全国经济普查", "秋冬季森林防火",
                 "高校毕业生就业创业", "农村饮水安全巩固提升", "老旧小区改造", "义务教育阶段招生入学",
                 "防汛抗旱物资储备", "重点人群健康体检", "消费品以旧换新", "耕地保护专项检查")
NOTICE_KINDS = ("通知", "公告", "公示")
#: a one-sentence notice: a short body under a dated headline is still an article
SHORT_NOTICE = ("关于城区部分路段临时停水的通知",
                "因供水管网改造施工，5月12日8:00至18:00城区建设路、人民路沿线临时停水，请相关用户提前做好储水准备。")
PARAGRAPHS = (
    "会议强调，要坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念，统筹发展和安全，"
    "扎实做好各项工作，确保全年目标任务圆满完成。",
    "会议指出，各地各部门要进一步压实工作责任，细化工作措施，强化督促检查，及时协调解决工作中遇到的"
    "困难和问题，推动各项政策措施落地见效。",
    "会议要求，要加强统筹调度，聚焦重点领域和关键环节，坚持问题导向，加大工作力度，以钉钉子精神抓好落实，"
    "切实把各项部署转化为实际成效。",
    "相关负责同志参加会议。下一步，将持续跟踪工作进展情况，定期通报，确保各项任务按时保质完成。",
)
OTHER_SITES = (("中国政府网", "http://www.gov.cn/"), ("湖北省人民政府", "http://www.hubei.gov.cn/"),
               ("国家统计局", "http://www.stats.gov.cn/"))


@dataclass
class GenArticle:
    """One article as the site links it: URL path (with any query), title, publish day."""

    path: str
    title: str
    day: date
    column: str
    short: bool = False


@dataclass
class GenColumn:
    """A column: its name, the URL path of its first page, every list page as requested."""

    name: str
    slug: str
    count: int
    path: str = ""
    #: request paths of every list page (GET path?query; a POST as path@query, as serve_site records it)
    pages: list[str] = field(default_factory=list)
    articles: list[GenArticle] = field(default_factory=list)


@dataclass
class SiteTruth:
    """What a crawl of the site from its home page must find, and must not export."""

    style: str
    site_name: str
    columns: list[GenColumn]
    #: article-like pages reached from the navigation (机构设置, 领导之窗): never records
    nav_pages: list[str]
    #: the 政府信息公开 catalogue's categories (a county portal's): their lists and documents
    catalogue: list[GenColumn] = field(default_factory=list)

    @property
    def articles(self) -> list[GenArticle]:
        return [a for c in self.columns for a in c.articles]

    @property
    def list_pages(self) -> list[str]:
        return [p for c in self.columns for p in c.pages]

    @property
    def documents(self) -> list[GenArticle]:
        return [a for c in self.catalogue for a in c.articles]


class Style:
    """The TRS WCM look; other styles override URL shapes, list markup and pagers."""

    name = "trs"
    site_name = "江北市人民政府"
    columns: tuple[tuple[str, str, int], ...] = (("要闻动态", "xwzx/ywdt", 8), ("通知公告", "xwzx/tzgg", 7),
                                                 ("部门动态", "xwzx/bmdt", 7))
    per_page = 3
    body_open, body_close = '<div class="TRS_Editor"><div class="Custom_UnionStyle">', "</div></div>"
    header_class, side_class, hot_class = "header", "left", "hot-list"

    # URL shapes ---------------------------------------------------------------------------
    def column_path(self, col: GenColumn) -> str:
        return f"/{col.slug}/"

    def page_path(self, col: GenColumn, i: int) -> str:
        return col.path if i == 0 else f"/{col.slug}/index_{i}.html"

    def article_path(self, col: GenColumn, n: int, day: date) -> str:
        return f"/{col.slug}/{day:%Y%m}/t{day:%Y%m%d}_{1234500 + n}.html"

    def href(self, page: str, target: str) -> str:
        """How a list page writes a link (TRS lists write ./202405/t…)."""
        return target

    # list pages ---------------------------------------------------------------------------
    def list_markup(self, col: GenColumn, page: str, items: list[GenArticle]) -> str:
        rows = "".join(f'<li><a href="{self.href(page, a.path)}" target="_blank" title="{a.title}">{a.title}</a>'
                       f'<span class="date">{a.day:%Y-%m-%d}</span></li>\n' for a in items)
        return f'<ul class="list-ul">\n{rows}</ul>'

    def pager_markup(self, col: GenColumn, i: int, pages: int) -> str:
        script = f'<script type="text/javascript">createPageHTML({pages}, {i}, "index", "html");</script>'
        if col.slug.endswith("bmdt"):  # some TRS templates keep the pager script in a comment
            return f'<div class="page"><!--{script}--></div>'
        return f'<div class="page">{script}</div>'

    def extra_files(self, col: GenColumn) -> dict[str, str]:
        """Files besides the pages (Hanweb's data-proxy answers)."""
        return {}

    def extra_nav(self) -> list[str]:
        """Navigation links besides the columns and the usual furniture."""
        return []

    def catalogue(self) -> list[GenColumn]:
        """The 政府信息公开 catalogue's categories, when the site has one."""
        return []

    def catalogue_files(self, categories: list[GenColumn], nav: str) -> dict[str, str]:
        """The catalogue page, its category lists and its documents."""
        return {}


class Hanweb(Style):
    name = "hanweb"
    site_name = "临江市人民政府"
    columns = (("政务动态", "1231", 10), ("通知公告", "1232", 9))
    body_open, body_close = ('<div id="zoom"><!--ZJEG_RSS.content.begin--><meta name="ContentStart">',
                             '<meta name="ContentEnd"><!--ZJEG_RSS.content.end--></div>')
    header_class, side_class, hot_class = "top", "con-left", "phb"

    def column_path(self, col: GenColumn) -> str:
        return f"/col/col{col.slug}/index.html"

    def article_path(self, col: GenColumn, n: int, day: date) -> str:
        return f"/art/{day.year}/{day.month}/{day.day}/art_{col.slug}_{45600 + n}.html"

    def _per_page(self, col: GenColumn) -> int:
        # the proxy's answer depends on the record range only: columns differ in page size
        return 3 + int(col.slug) % 2

    def page_path(self, col: GenColumn, i: int) -> str:
        if i == 0:
            return col.path
        per = self._per_page(col)
        start = (i - 1) * per + 1
        return f"/module/web/jpage/dataproxy.jsp@startrecord={start}&endrecord={start + per - 1}&perpage={per}"

    def pages_of(self, col: GenColumn) -> int:
        return 1 + -(-col.count // self._per_page(col))

    def list_markup(self, col: GenColumn, page: str, items: list[GenArticle]) -> str:
        records = self._records(col.articles[:self._per_page(col)])
        return (f'<div id="{col.slug}"><script type="text/xml"><datastore><nextgroup><![CDATA[<a href="/module/web/'
                f'jpage/dataproxy.jsp?page=1&appid=1&webid=3&path=/&columnid={col.slug}&unitid=8821'
                f'&webname=%E4%B8%B4%E6%B1%9F&permissiontype=0"></a>]]></nextgroup><recordset>{records}'
                f'</recordset></datastore></script></div>')

    def pager_markup(self, col: GenColumn, i: int, pages: int) -> str:
        return (f"<script>$('#{col.slug}').jpage({{columnid:'{col.slug}',unitid:'8821',webid:'3',"
                f"perpage:'{self._per_page(col)}',proxyUrl:'/module/web/jpage/dataproxy.jsp'}});</script>"
                f'<div style="display:none"><totalrecord>{col.count}</totalrecord></div>')

    def _records(self, items: list[GenArticle]) -> str:
        return "".join(f'<record><![CDATA[<li><a href="{a.path}" target="_blank" title="{a.title}">{a.title}</a>'
                       f"<span>{a.day:%Y-%m-%d}</span></li>]]></record>\n" for a in items)

    def extra_files(self, col: GenColumn) -> dict[str, str]:
        per, files = self._per_page(col), {}
        for i in range(1, self.pages_of(col)):
            chunk = col.articles[(i - 1) * per:i * per]
            files[self.page_path(col, i)] = (
                f'<?xml version="1.0" encoding="UTF-8"?><datastore><totalrecord>{col.count}</totalrecord>'
                f"<recordset>{self._records(chunk)}</recordset></datastore>")
        return files


class GuangdongPost(Style):
    name = "gd_post"
    site_name = "南海市人民政府"
    columns = (("本地要闻", "zwgk/bdyw", 9), ("通知公告", "zwgk/tzgg", 8))
    body_open, body_close = '<div class="article-content">', "</div>"
    header_class, side_class, hot_class = "head", "side-bar", "rdwz"

    def page_path(self, col: GenColumn, i: int) -> str:
        return f"/{col.slug}/index.html" if i == 0 else f"/{col.slug}/index_{i + 1}.html"

    def column_path(self, col: GenColumn) -> str:
        return f"/{col.slug}/index.html"

    def article_path(self, col: GenColumn, n: int, day: date) -> str:
        return f"/{col.slug}/content/post_{4100800 + n}.html"

    def pager_markup(self, col: GenColumn, i: int, pages: int) -> str:
        def link(k: int, label: str) -> str:
            return f'<a href="{self.page_path(col, k).rsplit("/", 1)[1]}">{label}</a>'
        numbers = " ".join(f"<span>{k + 1}</span>" if k == i else link(k, str(k + 1)) for k in range(pages))
        prev = link(i - 1, "上一页") if i else "<span>上一页</span>"
        nxt = link(i + 1, "下一页") if i + 1 < pages else "<span>下一页</span>"
        return (f'<div class="pagination">{link(0, "首页")} {prev} {numbers} {nxt} {link(pages - 1, "尾页")}'
                f" <span>共{pages}页</span></div>")


class QueryIds(Style):
    name = "query_ids"
    site_name = "东湖区生态环境局"
    columns = (("工作动态", "15", 9), ("通知公告", "16", 8))
    body_open, body_close = '<div id="Content">', "</div>"
    header_class, side_class, hot_class = "topbar", "aside-box", "hot"

    def column_path(self, col: GenColumn) -> str:
        return f"/portal/ColumnList.html?columnId={col.slug}"

    def page_path(self, col: GenColumn, i: int) -> str:
        return col.path if i == 0 else f"{col.path}&page={i + 1}"

    def article_path(self, col: GenColumn, n: int, day: date) -> str:
        return f"/portal/ItemDetail.html?docId={88200 + n}&columnId={col.slug}"

    def href(self, page: str, target: str) -> str:
        return target.rsplit("/", 1)[1]

    def list_markup(self, col: GenColumn, page: str, items: list[GenArticle]) -> str:
        rows = "".join(f'<div class="item"><a href="{self.href(page, a.path)}">{a.title}</a>'
                       f'<span class="time">{a.day:%Y.%m.%d}</span></div>\n' for a in items)
        return f'<div class="list-box">\n{rows}</div>'

    def pager_markup(self, col: GenColumn, i: int, pages: int) -> str:
        nxt = (f'<a href="ColumnList.html?columnId={col.slug}&page={i + 2}">下一页</a> '
               f'<a href="ColumnList.html?columnId={col.slug}&page={pages}">尾页</a>') if i + 1 < pages else ""
        return f'<div class="fy">共{pages}页 当前第{i + 1}页 {nxt}</div>'


class NumericNames(Style):
    name = "numeric_hash"
    site_name = "青山融媒"
    columns = (("本地新闻", "news/local", 9), ("通知公告", "news/notice", 8))
    body_open, body_close = '<div class="content">', "</div>"
    header_class, side_class, hot_class = "nav-wrap", "right", "ranking"

    def article_path(self, col: GenColumn, n: int, day: date) -> str:
        if col.slug.endswith("local"):
            return f"/{1833316118612205500 + n * 7919}.html"
        return f"/{day:%Y%m%d}/{_digest(self.name, n)}.html"

    def pager_markup(self, col: GenColumn, i: int, pages: int) -> str:
        nxt = f'<a href="index_{i + 1}.html">下一页</a>' if i + 1 < pages else ""
        prev = f'<a href="{"index.html" if i == 1 else f"index_{i - 1}.html"}">上一页</a>' if i else ""
        return f'<div class="pages">{prev} <span>第{i + 1}页</span> {nxt}</div>'


class DocidFolders(Style):
    name = "docid_folders"
    site_name = "西河县人民政府"
    columns = (("图片新闻", "xwzx/tpxw", 8), ("乡镇动态", "xwzx/xzdt", 8), ("公示公告", "xwzx/gsgg", 8))
    body_open, body_close = '<div id="zoom">', "</div>"
    header_class, side_class, hot_class = "menu", "sidebar", "rdjj"

    def article_path(self, col: GenColumn, n: int, day: date) -> str:
        return f"/{col.slug}/{2188800 + n}/index.html"

    def pager_markup(self, col: GenColumn, i: int, pages: int) -> str:
        def name(k: int) -> str:
            return "index.html" if k == 0 else f"index_{k}.html"
        numbers = "".join(f'<a href="{name(k)}">{k + 1}</a>' for k in range(pages) if k != i)
        nxt = f'<a href="{name(i + 1)}">下一页</a>' if i + 1 < pages else ""
        return f'<div class="fenye">共{pages}页 {numbers} {nxt} <a href="{name(pages - 1)}">尾页</a></div>'


class TableRows(Style):
    name = "table_rows"
    site_name = "南岭镇人民政府"
    columns = (("镇务动态", "html/zwdt", 8), ("通知公告", "html/tzgg", 8))
    body_open, body_close = '<td class="bt_content" colspan="2">', "</td>"
    header_class, side_class, hot_class = "daohang", "lm-left", "tjyd"

    def column_path(self, col: GenColumn) -> str:
        return f"/{col.slug}/list_{self._id(col)}_1.html"

    def _id(self, col: GenColumn) -> int:
        return 11 + self.columns.index((col.name, col.slug, col.count))

    def page_path(self, col: GenColumn, i: int) -> str:
        return f"/{col.slug}/list_{self._id(col)}_{i + 1}.html"

    def article_path(self, col: GenColumn, n: int, day: date) -> str:
        return f"/{col.slug}/{day:%Y}/{day:%m%d}/{300 + n}.html"

    def list_markup(self, col: GenColumn, page: str, items: list[GenArticle]) -> str:
        rows = "".join(f'<tr><td class="tit">·<a href="{a.path}">{a.title}</a></td>'
                       f'<td class="time" width="90">[{a.day:%Y-%m-%d}]</td></tr>\n' for a in items)
        return f'<table width="100%" cellpadding="0" cellspacing="0" class="listtable">\n{rows}</table>'

    def pager_markup(self, col: GenColumn, i: int, pages: int) -> str:
        def name(k: int) -> str:
            return self.page_path(col, k).rsplit("/", 1)[1]
        numbers = "".join(f"<li><a href='{name(k)}'>{k + 1}</a></li>" for k in range(pages))
        nxt = f"<li><a href='{name(i + 1)}'>下一页</a></li>" if i + 1 < pages else ""
        return (f"<table class='pagelist'><tr><td><ul><li>首页</li>{numbers}{nxt}<li><a href='{name(pages - 1)}'>"
                f"末页</a></li><li><span class='pageinfo'>共 <strong>{pages}</strong>页<strong>{col.count}</strong>条"
                "</span></li></ul></td></tr></table>")


class CommentsAndJson(Style):
    name = "comment_json"
    site_name = "北湖区人民政府"
    columns = (("工作动态", "xxgk/gzdt", 8), ("通知公告", "xxgk/tzgg", 8))
    body_open, body_close = '<div id="UCAP-CONTENT">', "</div>"
    header_class, side_class, hot_class = "nav", "left-box", "hotnews"

    def article_path(self, col: GenColumn, n: int, day: date) -> str:
        return f"/{col.slug}/{day:%Y%m}/{_digest(self.name, n)[:16]}.html"

    def list_markup(self, col: GenColumn, page: str, items: list[GenArticle]) -> str:
        if col.slug.endswith("gzdt"):  # a TRS template that keeps the list in a comment
            return f'<div class="list"><!--{super().list_markup(col, page, items)}--></div>'
        data = {"articleList": [{"title": a.title, "url": a.path, "pubDate": f"{a.day:%Y-%m-%d}"} for a in items]}
        return (f'<div class="list" id="listBox"></div><script>var listData = {json.dumps(data, ensure_ascii=False)};'
                "render(listData);</script>")


class OnclickPager(Style):
    name = "onclick_pager"
    site_name = "南山区人民政府"
    columns = (("工作动态", "xwzx/gzdt", 8), ("公告公示", "xwzx/gggs", 8))
    body_open, body_close = '<div class="article-content">', "</div>"
    header_class, side_class, hot_class = "header", "left", "djph"

    def column_path(self, col: GenColumn) -> str:
        return f"/{col.slug}/index.html"

    def page_path(self, col: GenColumn, i: int) -> str:
        return col.path if i == 0 else f"/{col.slug}/{17081 + self._index(col)}-{i + 1}.html"

    def _index(self, col: GenColumn) -> int:
        return [c[1] for c in self.columns].index(col.slug)

    def article_path(self, col: GenColumn, n: int, day: date) -> str:
        return f"/a/{2300 + n}.html"

    def pager_markup(self, col: GenColumn, i: int, pages: int) -> str:
        def call(k: int, label: str) -> str:
            return (f'<a href="javascript:void(0);" onclick="queryArticleByCondition(this,\'{self.page_path(col, k)}\')">'
                    f"{label}</a>")
        numbers = " ".join(f'<span class="current">{k + 1}</span>' if k == i else call(k, str(k + 1))
                           for k in range(pages))
        nxt = call(i + 1, "下一页") if i + 1 < pages else ""
        return f'<div class="list_page">{numbers} {nxt} <span>共{pages}页</span></div>'


#: 政府信息公开 documents: what each catalogue document is about, one each
DOC_TOPICS = ("国民经济和社会发展第十四个五年规划", "国土空间总体规划（2021—2035年）", "综合交通运输发展规划",
              "生态环境保护规划", "乡村振兴战略规划", "教育事业发展规划", "优化营商环境若干措施",
              "促进民营经济高质量发展实施意见", "城乡居民基本医疗保险实施办法", "高标准农田建设实施方案",
              "老旧小区改造工作方案", "城市生活垃圾分类管理办法", "防汛抗旱应急预案", "重大行政决策程序规定",
              "2024年财政预算", "2023年财政决算", "2024年部门预算公开说明", "2024年“三公”经费预算情况说明",
              "2023年政府信息公开工作年度报告", "2022年政府信息公开工作年度报告")


class CountyPortal(Style):
    """A county portal as many are (issue #18): TRS columns, a Hanweb column whose page holds no
    record (its script asks ``dataproxy.jsp`` for them), and a 政府信息公开 catalogue whose
    category lists (``list.jsp?cat=N&page=K``, onclick pager) load into an ``<iframe>`` from a
    zTree, one of them from a ``document.write`` menu item."""

    name = "county_portal"
    site_name = "清河县人民政府"
    columns = (("要闻动态", "xwzx/ywdt", 10), ("部门动态", "xwzx/bmdt", 9), ("通知公告", "xwzx/tzgg", 9),
               ("乡镇动态", "1235", 11))
    #: (category, documents, documents with only a PDF and the table): the fourth is the one
    #: the page writes by script
    categories = (("规划计划", 6, 0), ("政策文件", 8, 0), ("财政预决算", 4, 1), ("政府信息公开年报", 2, 2))
    #: Hanweb's jpage asks for groupSize pages of perPage records at once
    hanweb_per_page, hanweb_group = 3, 3
    unit_id, web_id = "8822", "3"
    doc_per_page = 3

    # the Hanweb column ------------------------------------------------------------------------
    def _hanweb(self, col: GenColumn) -> bool:
        return col.slug.isdigit()

    def column_path(self, col: GenColumn) -> str:
        return f"/col/col{col.slug}/index.html" if self._hanweb(col) else super().column_path(col)

    def article_path(self, col: GenColumn, n: int, day: date) -> str:
        if self._hanweb(col):
            return f"/art/{day.year}/{day.month}/{day.day}/art_{col.slug}_{45600 + n}.html"
        return super().article_path(col, n, day)

    def pages_of(self, col: GenColumn) -> int:
        if self._hanweb(col):
            return 1 + -(-col.count // (self.hanweb_per_page * self.hanweb_group))
        return -(-col.count // self.per_page)

    def page_path(self, col: GenColumn, i: int) -> str:
        if not self._hanweb(col) or i == 0:
            return super().page_path(col, i)
        group = self.hanweb_per_page * self.hanweb_group
        start = (i - 1) * group + 1
        return (f"/module/web/jpage/dataproxy.jsp@startrecord={start}&endrecord={start + group - 1}"
                f"&perpage={self.hanweb_per_page}")

    def list_markup(self, col: GenColumn, page: str, items: list[GenArticle]) -> str:
        if not self._hanweb(col):
            return super().list_markup(col, page, items)
        # no record in the page: the jpage script fetches them all from the data proxy
        return f'<div class="zfxxgk_list" id="{self.unit_id}"></div>'

    def pager_markup(self, col: GenColumn, i: int, pages: int) -> str:
        if not self._hanweb(col):
            return super().pager_markup(col, i, pages)
        return ('<script type="text/javascript" src="/module/jslib/jquery/jpage/jquery.jpage.js"></script>'
                "<script type=\"text/javascript\">$(function(){\n"
                f"  $('#{self.unit_id}').jpage({{dataStore: null, perPage: {self.hanweb_per_page}, "
                f"groupSize: {self.hanweb_group}, barPosition: 'bottom',\n"
                "    proxyUrl: '/module/web/jpage/dataproxy.jsp',\n"
                f"    ajaxParam: {{col: 1, appid: 1, webid: {self.web_id}, path: '/', columnid: {col.slug}, "
                f"sourceContentType: 1, unitid: {self.unit_id}, webname: '{self.site_name}', permissiontype: 0}}}});\n"
                "});</script>")

    def extra_files(self, col: GenColumn) -> dict[str, str]:
        """One XML answer of the data proxy per group of records, as it answers a POST."""
        if not self._hanweb(col):
            return {}
        group, files = self.hanweb_per_page * self.hanweb_group, {}
        nextgroup = (f'<a href="/module/web/jpage/dataproxy.jsp?page=1&appid=1&webid={self.web_id}&path=/'
                     f'&columnid={col.slug}&unitid={self.unit_id}&webname={quote(self.site_name)}'
                     '&permissiontype=0"></a>')
        for i in range(1, self.pages_of(col)):
            records = "".join(
                f'<record><![CDATA[<li><a href="{a.path}" target="_blank" title="{a.title}">{a.title}</a>'
                f"<span>{a.day:%Y-%m-%d}</span></li>]]></record>\n" for a in col.articles[(i - 1) * group:i * group])
            files[self.page_path(col, i)] = (
                f'<?xml version="1.0" encoding="UTF-8"?>\n<datastore>\n<nextgroup><![CDATA[{nextgroup}]]></nextgroup>\n'
                f"<recordset>\n{records}</recordset>\n<totalrecord>{col.count}</totalrecord>\n"
                f"<totalpage>{-(-col.count // self.hanweb_per_page)}</totalpage>\n</datastore>\n")
        return files

    # the 政府信息公开 catalogue ----------------------------------------------------------------
    def extra_nav(self) -> list[str]:
        return ['<a href="/zwgk/xxgk/index.html">信息公开</a>']

    def catalogue(self) -> list[GenColumn]:
        categories, n = [], 0
        for c, (name, count, pdf_only) in enumerate(self.categories, start=1):
            cat = GenColumn(name, str(c), count, f"/zwgk/xxgk/list.jsp?cat={c}&page=1")
            for k in range(count):
                day = NEWEST - timedelta(days=5 * k + c)
                cat.articles.append(GenArticle(f"/zwgk/xxgk/detail.jsp?id={30100 + n}", self._doc_title(c, n), day,
                                               name, short=k >= count - pdf_only))
                n += 1
            cat.pages = [f"/zwgk/xxgk/list.jsp?cat={c}&page={k}" for k in range(1, -(-count // self.doc_per_page) + 1)]
            categories.append(cat)
        return categories

    def _doc_title(self, cat: int, n: int) -> str:
        topic = DOC_TOPICS[n]
        if cat == 2:
            return f"清河县人民政府关于印发《清河县{topic}》的通知"
        return f"清河县人民政府{topic}" if cat == 4 else f"清河县{topic}"

    def catalogue_files(self, categories: list[GenColumn], nav: str) -> dict[str, str]:
        files = {"/zwgk/xxgk/index.html": self._catalogue_page(categories, nav)}
        for cat in categories:
            for k, path in enumerate(cat.pages):
                files[path] = self._category_list(cat, k)
            for doc in cat.articles:
                files[doc.path] = self._document(cat, doc, nav)
        for cat in categories:
            for doc in cat.articles:
                if doc.short:
                    files[self._pdf(doc)] = "%PDF-1.4\n% a stand-in attachment\n%%EOF\n"
        return files

    def _catalogue_page(self, categories: list[GenColumn], nav: str) -> str:
        """zTree nodes for the first categories (and the guide), a script-written menu item for
        the last one, and the iframe the lists load into."""
        nodes = ['{id:1, pId:0, name:"政府信息公开指南", url:"/zwgk/xxgkzn/index.html", target:"_blank"}',
                 '{id:2, pId:0, name:"法定主动公开内容", open:true}']
        nodes += [f'{{id:{20 + int(c.slug)}, pId:2, name:"{c.name}", url:"list.jsp?cat={c.slug}&page=1", '
                  'target:"listFrame"}' for c in categories[:-1]]
        last = categories[-1]
        written = (f"document.write('<li><a href=\"list.jsp?cat={last.slug}&page=1\" target=\"listFrame\">"
                   f"{last.name}</a></li>');")
        main = ('<div class="main"><div class="crumb">当前位置：<a href="/">首页</a> &gt; 政府信息公开</div>'
                '<div class="xxgk-left"><h3>政府信息公开目录</h3><ul id="catalogTree" class="ztree"></ul>'
                f'<ul class="xxgk-more"><script type="text/javascript">{written}</script></ul></div>'
                '<div class="xxgk-right"><iframe name="listFrame" id="listFrame" src="list.jsp?cat=1&page=1" '
                'width="100%" height="820" frameborder="0" scrolling="no"></iframe></div></div>'
                '<script type="text/javascript" src="/js/jquery.ztree.core.min.js"></script>'
                '<script type="text/javascript">\nvar setting = {data: {simpleData: {enable: true}}, '
                'view: {showLine: false}};\nvar zNodes = [\n  ' + ",\n  ".join(nodes) + "\n];\n"
                '$(document).ready(function(){ $.fn.zTree.init($("#catalogTree"), setting, zNodes); });\n</script>')
        return _page(self, f"政府信息公开_{self.site_name}", nav, main)

    def _category_list(self, cat: GenColumn, k: int) -> str:
        """One page of a category as the iframe shows it: a table of documents, an onclick pager."""
        docs = cat.articles[k * self.doc_per_page:(k + 1) * self.doc_per_page]
        rows = "".join(f'<tr><td>{k * self.doc_per_page + j + 1}</td><td class="tit"><a href="detail.jsp?id='
                       f'{d.path.rsplit("=", 1)[1]}" target="_blank" title="{d.title}">{d.title}</a></td>'
                       f"<td>{self._doc_no(d)}</td><td>{d.day:%Y-%m-%d}</td></tr>\n" for j, d in enumerate(docs))
        pages = len(cat.pages)

        def go(page: int, label: str) -> str:
            live = 1 <= page <= pages and page != k + 1
            return f'<a href="javascript:void(0)" onclick="goPage({page})">{label}</a>' if live else f"<span>{label}</span>"
        pager = (f"共{cat.count}条 每页{self.doc_per_page}条 当前第{k + 1}/{pages}页 {go(1, '首页')} "
                 f"{go(k, '上一页')} {go(k + 2, '下一页')} {go(pages, '尾页')}")
        return ('<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>信息公开目录</title>'
                '<link rel="stylesheet" href="/css/xxgk.css"></head>\n<body>\n'
                f'<div class="xxgk-list"><div class="xxgk-title">{cat.name}</div>'
                '<table class="xxgk-table" width="100%"><thead><tr><th>序号</th><th>标题</th><th>发文字号</th>'
                f"<th>发布日期</th></tr></thead><tbody>\n{rows}</tbody></table>"
                f'<div class="xxgk-page">{pager}</div></div>\n'
                "<script type=\"text/javascript\">function goPage(p){ "
                f"location.href = 'list.jsp?cat={cat.slug}&page=' + p; }}</script>\n</body></html>\n")

    def _doc_no(self, doc: GenArticle) -> str:
        return f"清政发〔{doc.day.year}〕{int(doc.path.rsplit('=', 1)[1]) - 30090}号"

    def _pdf(self, doc: GenArticle) -> str:
        return f"/zwgk/xxgk/files/{doc.path.rsplit('=', 1)[1]}.pdf"

    def _document(self, cat: GenColumn, doc: GenArticle, nav: str) -> str:
        """A disclosed document: the 信息公开 table, the headline, then the text or only its PDF."""
        written = doc.day - timedelta(days=2)
        table = (f'<table class="xxgk-info"><tr><th>索引号：</th><td>11130522MB0123456X/{doc.day.year}-'
                 f'{doc.path.rsplit("=", 1)[1]}</td><th>主题分类：</th><td>{cat.name}</td></tr>'
                 f"<tr><th>发文机关：</th><td>{self.site_name}</td><th>发文字号：</th><td>{self._doc_no(doc)}</td></tr>"
                 f"<tr><th>成文日期：</th><td>{written:%Y年%m月%d日}</td><th>发布日期：</th>"
                 f"<td>{doc.day:%Y年%m月%d日}</td></tr><tr><th>有效性：</th><td>有效</td></tr></table>")
        if doc.short:
            body = f'<p>附件：<a href="{self._pdf(doc)}">{doc.title}.pdf</a></p>'
        else:
            body = (f"<p>各乡镇人民政府，县政府各部门：</p><p>现将《{doc.title}》印发给你们，请认真贯彻执行。</p>"
                    + "".join(f"<p>{PARAGRAPHS[(int(cat.slug) + j) % 4]}</p>" for j in range(3)))
        main = (f'<div class="main"><div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/xxgk/'
                f'index.html">政府信息公开</a> &gt; {cat.name}</div>{table}<h1 class="title">{doc.title}</h1>'
                f'<div class="xxgk-content" id="zoom">{body}</div>'
                '<div class="tools"><a href="javascript:window.print()">打印本页</a> '
                '<a href="javascript:window.close()">关闭窗口</a></div></div>')
        return _page(self, f"{doc.title}_{self.site_name}", nav, main)


#: generated sites beside the styles: whole portals, crawled by tests of their own
PORTAL = CountyPortal()


STYLES: dict[str, Style] = {s.name: s for s in (Style(), Hanweb(), GuangdongPost(), QueryIds(), NumericNames(),
                                                 DocidFolders(), TableRows(), CommentsAndJson(), OnclickPager())}


def build_site(style: Style, root: Path) -> SiteTruth:
    """Write a site in ``style`` under ``root``; what a crawl from its home page must find."""
    columns = _plan(style)
    nav_pages = ["/zwgk/jgsz/index.html", "/zwgk/ldzc/index.html", "/zwgk/xxgkzn/index.html"]
    truth = SiteTruth(style.name, style.site_name, columns, nav_pages, style.catalogue())
    files: dict[str, str] = {}
    nav = _nav(style, columns)
    files.update(style.catalogue_files(truth.catalogue, nav))
    for col in columns:
        files.update(_list_pages(style, col, columns, nav))
        files.update(style.extra_files(col))
        for k, article in enumerate(col.articles):
            files[article.path] = _article_page(style, col, k, nav)
    files.update(_furniture(style, columns, nav))
    files["/robots.txt"] = "User-agent: *\nAllow: /\n"
    for path, text in files.items():
        target = root / _file_name(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return truth


def _digest(style: str, n: int) -> str:
    return hashlib.md5(f"{style}/{n}".encode()).hexdigest()


def _file_name(path: str) -> str:
    path, _, query = path.lstrip("/").partition("?")
    if not path or path.endswith("/"):
        path += "index.html"
    return f"{path}@{query}" if query else path


def _plan(style: Style) -> list[GenColumn]:
    columns, n = [], 0
    for c, (name, slug, count) in enumerate(style.columns):
        col = GenColumn(name, slug, count)
        col.path = style.column_path(col)
        for k in range(count):
            n += 1
            day = NEWEST - timedelta(days=3 * k + c)
            title = _title(n, notice="公" in name or "通知" in name)
            short = c == len(style.columns) - 1 and k == 1
            col.articles.append(GenArticle(style.article_path(col, n, day), SHORT_NOTICE[0] if short else title,
                                           day, name, short))
        pages = style.pages_of(col) if hasattr(style, "pages_of") else -(-count // style.per_page)
        col.pages = [style.page_path(col, i) for i in range(pages)]
        columns.append(col)
    return columns


def _title(n: int, *, notice: bool) -> str:
    if notice:
        k = (n * 5) % (len(NOTICE_TOPICS) * len(NOTICE_KINDS))
        return f"关于做好{NOTICE_TOPICS[k % len(NOTICE_TOPICS)]}工作的{NOTICE_KINDS[k // len(NOTICE_TOPICS)]}"
    k = (n * 7) % (len(SUBJECTS) * len(ACTIONS))
    return SUBJECTS[k % len(SUBJECTS)] + ACTIONS[k // len(SUBJECTS)]


def _nav(style: Style, columns: list[GenColumn]) -> str:
    links = ['<a href="/">首页</a>', *(f'<a href="{c.path}">{c.name}</a>' for c in columns),
             '<a href="/zwgk/">政务公开</a>', *style.extra_nav(), '<a href="/zwgk/jgsz/index.html">机构设置</a>',
             '<a href="/zwgk/ldzc/index.html">领导之窗</a>', '<a href="/hdjl/">互动交流</a>']
    items = "".join(f"<li>{link}</li>" for link in links)
    return (f'<div class="{style.header_class}"><div class="top-links"><a href="/wza.html">无障碍</a> '
            f'<a href="/sitemap.html">网站地图</a> <a href="/lxwm.html">联系我们</a></div>'
            f'<div class="logo"><img src="/images/logo.png" alt="{style.site_name}"></div>'
            f'<ul class="{style.header_class}-ul">{items}</ul></div>')


def _page(style: Style, title: str, nav: str, main: str, head: str = "") -> str:
    friends = "".join(f'<a href="{url}" target="_blank">{name}</a> ' for name, url in OTHER_SITES)
    return (f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{title}</title>{head}'
            '<script src="/js/common.js"></script></head>\n<body>\n'
            f"{nav}\n{main}\n"
            f'<div class="yqlj">友情链接：{friends}</div>\n'
            '<div class="footer"><p><a href="/sitemap.html">网站地图</a> | <a href="/lxwm.html">联系我们</a> | '
            f'<a href="/wza.html">无障碍浏览</a></p><p>主办单位：{style.site_name}办公室 版权所有：{style.site_name}</p>'
            "<p>网站标识码：4290060001 鄂ICP备05003305号 鄂公网安备42900602000123号</p></div>\n</body></html>\n")


def _sidebar(style: Style, col: GenColumn, columns: list[GenColumn]) -> str:
    menu = "".join(f'<li><a href="{c.path}">{c.name}</a></li>' for c in columns)
    base = col.slug.rsplit("/", 1)[0] if "/" in col.slug else "archive"
    years = "".join(f'<a href="/{base}/{y}/">{y}</a> ' for y in range(2024, 2016, -1))
    hot = "".join(f'<li><a href="{a.path}" title="{a.title}">{a.title}</a></li>' for a in columns[0].articles[:5])
    return (f'<div class="{style.side_class}"><div class="lm-menu"><h3>{col.name}</h3><ul>{menu}</ul></div>'
            f'<div class="nd"><h3>按年度查看</h3><p>{years}</p></div>'
            f'<div class="{style.hot_class}"><h3>热点文章</h3><ul>{hot}</ul></div></div>')


def _list_pages(style: Style, col: GenColumn, columns: list[GenColumn], nav: str) -> dict[str, str]:
    files = {}
    per = style.per_page
    for i, path in enumerate(col.pages):
        if "@" in path:  # a data-proxy answer: written by extra_files
            continue
        items = col.articles[i * per:(i + 1) * per]
        main = (f'<div class="main"><div class="crumb">当前位置：<a href="/">首页</a> &gt; {col.name}</div>'
                f'{_sidebar(style, col, columns)}<div class="list-main"><h2>{col.name}</h2>'
                f"{style.list_markup(col, path, items)}\n{style.pager_markup(col, i, len(col.pages))}</div></div>")
        files[path] = _page(style, f"{col.name}_{style.site_name}", nav, main)
    return files


def _article_page(style: Style, col: GenColumn, k: int, nav: str) -> str:
    article = col.articles[k]
    if article.short:
        body = f"<p>{SHORT_NOTICE[1]}</p><p>特此通知。</p>"
    else:
        lead = f"{article.day.month}月{article.day.day}日，{article.title}。"
        body = f"<p>{lead}</p>" + "".join(f"<p>{PARAGRAPHS[(k + j) % 4]}</p>" for j in range(3))
    related = "".join(f'<li><a href="{a.path}">{a.title}</a></li>' for a in [a for a in col.articles if a is not article][:3])
    neighbours = [col.articles[j] for j in (k - 1, k + 1) if 0 <= j < len(col.articles)]
    turn = "".join(f'<p>{label}：<a href="{a.path}">{a.title}</a></p>'
                   for label, a in zip(("上一篇", "下一篇") if k else ("下一篇",), neighbours, strict=False))
    head = (f'<meta name="ArticleTitle" content="{article.title}"><meta name="PubDate" content="{article.day} 09:30">'
            f'<meta name="ColumnName" content="{col.name}"><meta name="ContentSource" content="{style.site_name}办公室">')
    main = (f'<div class="main"><div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="{col.path}">{col.name}'
            f'</a></div><div class="article"><h1 class="title">{article.title}</h1>'
            f'<div class="info">发布时间：{article.day:%Y-%m-%d} 09:30 来源：{style.site_name}办公室 '
            '浏览次数：<span id="views"></span> 字号：<a href="javascript:;">大</a> <a href="javascript:;">中</a> '
            f'<a href="javascript:;">小</a></div>{style.body_open}{body}{style.body_close}'
            '<div class="tools"><a href="javascript:window.print()">打印本页</a> '
            '<a href="javascript:window.close()">关闭窗口</a> 分享到：微信 微博</div>'
            f'{turn}<div class="xgyd"><h3>相关阅读</h3><ul>{related}</ul></div></div></div>')
    return _page(style, f"{article.title}_{style.site_name}", nav, main, head)


#: the home page's topic banners (专题专栏), each over a page of its own
TOPICS = ("学习贯彻党的二十大精神", "优化营商环境专栏", "乡村振兴进行时")


def _furniture(style: Style, columns: list[GenColumn], nav: str) -> dict[str, str]:
    """The home page, the 政务公开 channel, navigation pages and the footer's pages."""
    blocks = "".join(
        f'<div class="index-box"><div class="box-hd"><span class="box-title">{c.name}</span>'
        f'<a class="more" href="{c.path}">更多&gt;&gt;</a></div><ul>'
        + "".join(f'<li><a href="{a.path}" title="{a.title}">{a.title}</a><span>{a.day:%m-%d}</span></li>'
                  for a in c.articles[:6]) + "</ul></div>" for c in columns)
    topics = "".join(f'<a href="/ztzl/zt{n}/index.html"><img src="/images/zt{n}.jpg" alt="{name}"></a>'
                     for n, name in enumerate(TOPICS))
    hot = "".join(f'<li><a href="{a.path}">{a.title}</a></li>' for a in columns[0].articles[:4])
    home = (f'<div class="banner"><img src="/images/banner.jpg" alt="{style.site_name}"></div>'
            f'<div class="index-main">{blocks}</div><div class="ztzl"><h3>专题专栏</h3>{topics}</div>'
            f'<div class="{style.hot_class}"><h3>热点关注</h3><ul>{hot}</ul></div>')
    files = {"/": _page(style, style.site_name, nav, home)}
    channel = ('<div class="main"><div class="zwgk-nav"><a href="/zwgk/jgsz/index.html">机构设置</a> '
               '<a href="/zwgk/ldzc/index.html">领导之窗</a> <a href="/zwgk/xxgkzn/index.html">政府信息公开指南</a>'
               '</div><div class="zwgk-intro"><p>政府信息公开目录按照主题、机构等方式编排。</p></div></div>')
    files["/zwgk/"] = _page(style, f"政务公开_{style.site_name}", nav, channel)
    for path, title, text in (
            ("/zwgk/jgsz/index.html", "机构设置", "市人民政府办公室是市人民政府的办事机构，负责处理市政府日常工作。"
             "市发展和改革委员会负责拟订并组织实施国民经济和社会发展战略、中长期规划和年度计划。"),
            ("/zwgk/ldzc/index.html", "领导之窗", "市长主持市政府全面工作，负责审计、监察方面的工作。"
             "常务副市长协助市长负责市政府常务工作，负责发展改革、财政、税务方面的工作。"),
            ("/zwgk/xxgkzn/index.html", "政府信息公开指南", "为了更好地提供政府信息公开服务，根据《中华人民共和国"
             "政府信息公开条例》，编制本指南。申请人可以通过网络、信函等方式提出申请。")):
        body = "".join(f"<p>{text}{PARAGRAPHS[j]}</p>" for j in range(3))
        main = (f'<div class="main"><div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开'
                f'</a> &gt; {title}</div><h2>{title}</h2><div class="content">{body}</div></div>')
        files[path] = _page(style, f"{title}_{style.site_name}", nav, main)
    for path, title in (("/hdjl/", "互动交流"), ("/sitemap.html", "网站地图"), ("/lxwm.html", "联系我们"),
                        ("/wza.html", "无障碍"), *((f"/ztzl/zt{n}/index.html", name) for n, name in enumerate(TOPICS))):
        files[path] = _page(style, f"{title}_{style.site_name}", nav, f'<div class="main"><h2>{title}</h2></div>')
    return files


def entry_toml(truth: SiteTruth, base_url: str, key: str = "styles") -> str:
    """A home-only site entry for the served site."""
    return f'key = "{key}"\nname = "{truth.site_name}"\ndomains = ["127.0.0.1"]\nhome = "{urljoin(base_url, "/")}"\n'
