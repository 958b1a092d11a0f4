"""judge_page: pages that are not articles are rejected with their reason; articles never are."""

from __future__ import annotations

import re
import time
from datetime import datetime
from pathlib import Path
from typing import get_args

import opencc
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govcrawl.extract import ArticleFields, Rejection, extract_record, judge_page
from govcrawl.extract import verdict as vd
from govcrawl.extract.dates import CST
from govcrawl.extract.page import build_page
from tests.shared import CORPUS, needs_shared

FIXTURES = Path(__file__).parent / "fixtures"
HOSTILE, BENIGN = FIXTURES / "hostile", FIXTURES / "benign"
FETCHED_AT = datetime(2024, 6, 18, 15, 0, tzinfo=CST)
#: a Hanweb-style article frame with room for a headline, a date line and a body
FRAME = """<html><head><meta charset="utf-8"><title>{title}</title>{head}</head><body>
<div class="nav"><a href="/">首页</a> <a href="/col/col1/index.html">政务动态</a> <a href="/col/col2/index.html">通知公告</a></div>
{main}
<div class="foot">主办单位：示例市人民政府办公室 网站维护中心：示例市大数据中心 版权所有 浙ICP备05000000号</div>
</body></html>"""
LONG_BODY = (
    "<p>近日，市大数据中心对全市政府网站开展专项检查，发现部分栏目在调整后仍保留旧链接，群众点击后看到“您访问的页面不存在”"
    "或“404 Not Found”提示，影响办事体验。</p><p>检查组逐一核对了各单位网站维护中的日志，对系统升级期间暂停访问未提前公告、"
    "留言板请输入验证码提示不清、部分栏目需登录后查看等问题提出整改意见，要求限期完成。</p><p>下一步，市大数据中心将建立"
    "常态化巡检机制，每周通报一次检查结果，推动政府网站规范运行，切实提升群众满意度和获得感。</p>"
)


def _extract(path: Path) -> ArticleFields:
    return extract_record(path.read_bytes(), f"http://www.example.gov.cn/{path.name}", fetched_at=FETCHED_AT)


def _judge(html: str) -> Rejection | None:
    fields = extract_record(html.encode("utf-8"), fetched_at=FETCHED_AT)
    return fields.rejection


#: every page under fixtures/hostile, with the reason it must get
HOSTILE_CASES = [
    ("soft404_not_exist.html", "soft_404"),  # 抱歉，您访问的页面不存在！ in TRS chrome, site-name <title>
    ("soft404_not_found_gbk.html", "soft_404"),  # GBK, 页面未找到 in <title> and heading
    ("soft404_deleted.html", "soft_404"),  # 已删除或不存在 beside a list of links, no body found
    ("soft404_nginx.html", "soft_404"),  # the bare 404 Not Found page
    ("blocked_yunfanghu.html", "blocked"),  # 云防护 with a 拦截时间 that reads like a publish date
    ("blocked_safedog.html", "blocked"),  # 安全狗 网站防火墙, GBK
    ("blocked_chuangyudun.html", "blocked"),  # 创宇盾 / 知道创宇云防御
    ("blocked_360wzws.html", "blocked"),  # 360网站卫士 拦截页面
    ("blocked_jiasule.html", "blocked"),  # 加速乐: an obfuscated cookie then a reload, nothing else
    ("blocked_wzws.html", "blocked"),  # wzws cookie challenge
    ("blocked_ruishu.html", "blocked"),  # 瑞数 412 page: <meta r='m'>, $_ts, an 8-char script
    ("blocked_cloudflare.html", "blocked"),  # Just a moment… challenge
    ("blocked_too_frequent.html", "blocked"),  # 访问过于频繁 in the site chrome
    ("maintenance.html", "maintenance"),  # 网站维护中, GBK
    ("maintenance_traditional.html", "maintenance"),  # 系統升級，暫停訪問 in 繁體
    ("login_wall.html", "login_required"),  # 用户登录 form with a password field
    ("login_required_notice.html", "login_required"),  # 请登录后查看, no form
    ("captcha.html", "captcha"),  # 请输入验证码 with an image code
    ("captcha_slider.html", "captcha"),  # 请完成安全验证 slider
    ("empty_template.html", "empty_page"),  # the article template with nothing filled in
]


@pytest.mark.parametrize(("name", "reason"), HOSTILE_CASES)
def test_hostile_page_is_rejected(name: str, reason: str) -> None:
    rejection = _extract(HOSTILE / name).rejection
    assert rejection is not None and rejection.reason == reason, rejection
    assert rejection.detail


def test_every_hostile_fixture_is_in_the_table() -> None:
    listed = {p.name for p in HOSTILE.glob("*.html")}
    assert listed == {name for name, _ in HOSTILE_CASES}


def test_detail_quotes_the_clause_the_page_says() -> None:
    assert _extract(HOSTILE / "soft404_not_exist.html").rejection == Rejection("soft_404", 'page says "您访问的页面不存在"')
    assert _extract(HOSTILE / "blocked_ruishu.html").rejection == Rejection("blocked", 'challenge script "$_ts"')


def test_yunfanghu_block_time_is_not_what_saves_it() -> None:
    # extraction reads 拦截时间 as the publish date; the verdict must not take it for a 发布时间
    fields = _extract(HOSTILE / "blocked_yunfanghu.html")
    assert fields.published_at is not None and fields.rejection is not None


@pytest.mark.parametrize("name", [
    "article_about_404.html",  # 页面不存在 in the headline, 404/网站维护/验证码/请登录 in a real body
    "notice_short.html",  # 关于门户网站暂停访问的通知: two sentences about maintenance, GBK
    "notice_meeting.html",  # a two-sentence 通知
    "photo_with_login_box.html",  # image-only news beside a sidebar login form
])
def test_benign_page_is_an_article(name: str) -> None:
    fields = _extract(BENIGN / name)
    assert fields.title and fields.rejection is None


def test_short_notice_without_a_date_label_is_an_article() -> None:
    html = (BENIGN / "notice_short.html").read_bytes().decode("gb18030").replace("发布时间：", "")
    assert _judge(html) is None


@pytest.mark.parametrize(("sentence", "reason"), [
    ("抱歉，您访问的页面不存在！", "soft_404"),
    ("網站維護中，請稍後再訪問。", "maintenance"),
    ("您的访问请求可能对网站造成安全威胁，请求已被拦截。", "blocked"),
    ("该信息需登录后查看。", "login_required"),
    ("请拖动滑块完成验证。", "captcha"),
])
def test_phrase_rejects_a_short_page_but_not_a_long_article(sentence: str, reason: str) -> None:
    short = FRAME.format(title="示例市人民政府", head="", main=f'<div class="msg">{sentence}</div>')
    rejection = _judge(short)
    assert rejection is not None and rejection.reason == reason, rejection
    article = FRAME.format(title="示例市开展政府网站检查_示例市人民政府", head="", main=(
        f'<h1>示例市开展政府网站检查</h1><div id="zoom"><p>{sentence}</p>{LONG_BODY}</div>'))
    assert _judge(article) is None


def test_footer_office_is_not_maintenance() -> None:
    # every FRAME page has 网站维护中心 in its footer; a titled page with no body is not rejected
    page = FRAME.format(title="示例市人民政府", head="", main="<h1>示例市风光</h1><div><img src='a.jpg'></div>")
    assert _judge(page) is None


def test_protected_article_keeps_its_challenge_script() -> None:
    # a 瑞数-protected site injects its $_ts script into real pages too
    script = "<script r='m'>$_ts=window['$_ts'];if(!$_ts)$_ts={};$_ts.nsd=1;</script>"
    page = FRAME.format(title="示例市开展政府网站检查", head=script, main=(
        f'<h1>示例市开展政府网站检查</h1><div id="zoom">{LONG_BODY}</div>'))
    assert _judge(page) is None
    photo = FRAME.format(title="示例市风光", head=script, main=(
        "<h1>示例市风光</h1><div class='info'>发布时间：2024-06-01</div><div id='zoom'><img src='a.jpg'></div>"))
    assert _judge(photo) is None


def test_password_field_without_headline_is_a_login_wall() -> None:
    page = FRAME.format(title="", head="", main=(
        '<form action="/login" method="post"><input name="u"><input type="PASSWORD" name="p"><button>提交</button></form>'))
    assert _judge(page) == Rejection("login_required", "login form with a password field")


def test_judge_page_reads_the_tree_it_is_given() -> None:
    page = build_page("<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1></body></html>")
    assert judge_page(page, title=None, body="") == Rejection("soft_404", 'title says "404 Not Found"')
    assert judge_page(page, title="示例", body="。" * 200) is None


@pytest.mark.parametrize("config", ["s2t", "s2tw", "s2hk"])
@pytest.mark.parametrize("table", ["PHRASES", "TITLE_PHRASES"])
def test_every_phrase_has_its_traditional_forms(table: str, config: str) -> None:
    converter = opencc.OpenCC(config)
    for reason, phrases in getattr(vd, table).items():
        missing = [converter.convert(p) for p in phrases if converter.convert(p) not in phrases]
        assert missing == [], reason


def test_reasons_are_the_literal_type() -> None:
    built = {"empty_page", "mojibake", "truncated", "list_page", "forum_thread", "stub_page"}
    assert set(vd.PHRASES) | set(vd.TITLE_PHRASES) | built == set(get_args(vd.Reason))


THREAD = """<html><head><title>学习心得体会 - 论坛</title></head><body>
<div class="crumb"><a href="/">总站论坛</a> &gt; <a href="/f-1.html">学习交流</a></div><h1>学习心得体会</h1>
<table><tr><td>小桃 注册日期：2012-10-19</td><td>楼主 发表于：2012-10-20 14:49 <a>只看楼主</a> <a>倒序看帖</a>
<p>我叫郑建宇，是电大行政管理本科的学员。很高兴能有这样一个机会，与各位同学相互交流我在电大的学习生活感想。
我原来是一名焊工，每天的工作就是焊接各种生产设备上的零部件，满车间都是烟尘、粉尘，还有刺耳的噪声。</p></td></tr>
<tr><td>老王</td><td>沙发 发表于：2012-10-20 15:37 <a>只看该作者</a><p>写得好！</p></td></tr></table></body></html>"""


def test_a_forum_thread_is_no_article_however_long_its_post() -> None:
    found = _judge(THREAD)
    assert found is not None and found.reason == "forum_thread"
    assert found.detail == 'a forum thread: page says "只看楼主" and "只看该作者"'
    # a view of one author's posts keeps the opening floor and one tool
    one_author = THREAD.replace("<a>只看楼主</a> ", "").replace("<a>只看该作者</a>", "")
    found = _judge(one_author)
    assert found is not None and found.detail == 'a forum thread: page says "倒序看帖" and "楼主 发表于"'


def test_an_article_that_quotes_a_forum_floor_is_still_an_article() -> None:
    """A tool's words in prose (乘电梯直达, 大楼主体) make no thread."""
    article = ("<html><head><title>市民中心大楼主体完工</title></head><body><h1>市民中心大楼主体完工</h1>"
               "<p>发布时间：2024-03-01</p><p>市民中心大楼主体结构今日完工，市民可乘电梯直达顶层观景平台。"
               "</p></body></html>")
    assert _judge(article) is None


@needs_shared(CORPUS / "pages")
def test_no_corpus_page_is_rejected() -> None:
    rejected = {p.name: r for p in sorted((CORPUS / "pages").glob("*.html")) if (r := _extract(p).rejection)}
    assert rejected == {}


# --- robustness: whatever bytes arrive, extract_record answers, quickly -----------------------------

SEEDS = [p.read_bytes() for p in sorted([*HOSTILE.glob("*.html"), *BENIGN.glob("*.html")])]
if (CORPUS / "pages").is_dir():
    SEEDS += [p.read_bytes() for p in sorted((CORPUS / "pages").glob("*.html"))]
BUDGET_S = 2.0
_CHARSET = re.compile(rb"charset=[\"']?[-\w]+", re.I)


@st.composite
def mutated_pages(draw: st.DrawFn) -> bytes:
    """A real page cut, spliced, padded with noise or re-encoded."""
    page = draw(st.sampled_from(SEEDS))
    i, j = sorted(draw(st.tuples(st.integers(0, len(page)), st.integers(0, len(page)))))
    op = draw(st.sampled_from(["truncate", "delete", "duplicate", "insert", "encoding"]))
    if op == "truncate":
        return page[:i]
    if op == "delete":
        return page[:i] + page[j:]
    if op == "duplicate":
        return page[:j] + page[i:j] + page[j:]
    if op == "insert":
        return page[:i] + draw(st.binary(min_size=1, max_size=64)) + page[i:]
    # a page re-encoded while its <meta charset> still names the old encoding (or a new lie)
    text = page.decode("utf-8", errors="replace")
    target = draw(st.sampled_from(["gb18030", "big5", "utf-16", "latin-1", "utf-8"]))
    lie = draw(st.sampled_from([b"charset=utf-8", b"charset=gb2312", b"charset=big5"]))
    return _CHARSET.sub(lie, text.encode(target, errors="replace"))


@settings(deadline=None, max_examples=400, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.one_of(st.binary(max_size=2048), mutated_pages()))
def test_any_bytes_give_fields_quickly(html: bytes) -> None:
    start = time.perf_counter()
    fields = extract_record(html, "http://www.example.gov.cn/a.html", fetched_at=FETCHED_AT)
    assert time.perf_counter() - start < BUDGET_S
    assert isinstance(fields, ArticleFields)
    assert fields.rejection is None or fields.rejection.reason in get_args(vd.Reason)
