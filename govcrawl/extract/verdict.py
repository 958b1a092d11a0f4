"""judge_page: is this page an article at all, or a soft 404, a firewall, a login wall …?

Government sites answer HTTP 200 (or 412, 521) with pages that are not articles: 页面不存在,
WAF block pages and JavaScript cookie challenges, 网站维护中, login and captcha walls, empty
templates. Such a page is recognised from what it says *and* where it says it: a phrase in the
<title> or the headline, or in the few words of a page with no article body, is the page's own
message; the same phrase inside an article's running text is a report about it. So a page with
a real body is never rejected, and a dated publication (a 通知 about 网站维护) is never either.
Before all that, a page cut short or decoded into mojibake is rejected whatever it says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from lxml import etree

from govcrawl.extract import garbled
from govcrawl.extract import vocabulary as v
from govcrawl.extract.page import Page

Reason = Literal[
    "soft_404", "blocked", "maintenance", "login_required", "captcha", "empty_page", "mojibake", "truncated",
    "list_page", "forum_thread", "stub_page",
]

#: What each kind of non-article page says, simplified and traditional (regex fragments, nearly
#: all literal). Checked in this order: a firewall page may also ask to 请登录 its console.
PHRASES: dict[Reason, tuple[str, ...]] = {
    "blocked": (
        "云防护", "网站防火墙", "安全狗", "创宇盾", "知道创宇", "网站卫士", "加速乐", "造成安全威胁",
        "对网站造成威胁", "疑似黑客攻击", "设置拦截", "设置为拦截", "访问拦截", "访问被拦截", "请求被拦截",
        "请求已被拦截", "访问被阻断", "访问过于频繁", "请求过于频繁", "访问被拒绝", "拒绝访问",
        "雲防護", "網站防火牆", "創宇盾", "知道創宇", "網站衛士", "網站衞士", "加速樂", "造成安全威脅",
        "對網站造成威脅", "疑似黑客攻擊", "設置攔截", "設置爲攔截", "設置為攔截", "訪問攔截", "訪問被攔截",
        "請求被攔截", "請求已被攔截", "訪問被阻斷", "訪問過於頻繁", "請求過於頻繁", "訪問被拒絕", "拒絕訪問",
        "Access Denied", "403 Forbidden", "Just a moment", "Checking your browser", "Attention Required",
    ),
    "soft_404": (
        "页面不存在", "网页不存在", "页面未找到", "未找到页面", "找不到页面", "找不到网页", "找不到该页面",
        "页面已删除", "已删除或不存在", "不存在或已删除", "不存在或已被删除", "信息不存在", "文章不存在",
        "页面走丢了", "页面丢失了", "404错误", "错误404",
        "頁面不存在", "網頁不存在", "頁面未找到", "未找到頁面", "找不到頁面", "找不到網頁", "找不到該頁面",
        "頁面已刪除", "已刪除或不存在", "不存在或已刪除", "不存在或已被刪除", "頁面走丟了", "頁面丟失了",
        "404錯誤", "錯誤404",
        "404 Not Found", "Page Not Found", "Error 404",
    ),
    "maintenance": (
        # 网站维护中心 is an office in many footers, not a state of the site
        "网站维护中(?!心)", "系统维护中(?!心)", "正在维护", "维护升级", "升级维护", "系统升级", "正在升级",
        "暂停访问", "暂停服务", "暂时无法访问", "停机维护",
        "網站維護中(?!心)", "系統維護中(?!心)", "正在維護", "維護升級", "升級維護", "系統升級", "正在升級",
        "暫停訪問", "暫停服務", "暫時無法訪問", "停機維護",
        "Under Maintenance",
    ),
    "login_required": (
        "请登录", "请先登录", "请您登录", "登录后查看", "登录后才能", "登录后方可", "尚未登录", "没有登录",
        "需要登录", "需登录",
        "請登錄", "請先登錄", "請您登錄", "登錄後查看", "登錄後才能", "登錄後方可", "尚未登錄", "沒有登錄",
        "需要登錄", "需登錄",
    ),
    "captcha": (
        "请输入验证码", "输入验证码", "滑动验证", "拖动滑块", "向右滑动", "向右拖动", "完成安全验证",
        "请完成验证", "人机验证", "点击验证",
        "請輸入驗證碼", "輸入驗證碼", "滑動驗證", "拖動滑塊", "向右滑動", "向右拖動", "完成安全驗證",
        "請完成驗證", "人機驗證", "點擊驗證",
    ),
}
#: Words that name a page only when they are its title: a header's 用户登录 box or a 404 in a
#: sentence says nothing about the page it sits on.
TITLE_PHRASES: dict[Reason, tuple[str, ...]] = {
    "soft_404": (r"\b404\b", "Not Found"),
    "login_required": (
        "用户登录", "账号登录", "帐号登录", "会员登录", "统一身份认证", "登录页",
        "用戶登錄", "用户登錄", "賬號登錄", "帳號登錄", "會員登錄", "統一身份認證", "登錄頁",
        "Login", "Log in", "Sign in",
    ),
    "captcha": ("安全验证", "验证码", "安全驗證", "驗證碼"),
}
#: Script text of JavaScript cookie challenges: 瑞数 ($_ts), 加速乐 (__jsl_clearance, jsluid),
#: 360/奇安信网站卫士 (wzws), Cloudflare (_cf_chl_opt, challenge-platform).
CHALLENGE_MARKERS = re.compile(
    r"\$_ts\b|__jsl_clearance|__jsluid|wzwschallenge|WZWS_CONFIRM|wzws_cid|wzws-cid|_cf_chl_opt"
    r"|challenge-platform|cf-browser-verification",
)
#: A homebrew challenge: set a cookie, then load the page again.
_SETS_COOKIE = re.compile(r"document\.cookie\s*=")
_RELOADS = re.compile(r"location(?:\.href\s*=|\.reload|\.replace|\s*=)")

#: body characters the mojibake check reads
MOJIBAKE_SAMPLE = 2000
#: Running text this long (in lines that hold a sentence) makes a page an article.
REAL_BODY = 200
#: Visible characters below which a page is all message and no article (a challenge page).
SHORT_PAGE = 300
_WORD = re.compile(r"\w")
_SPACE = re.compile(r"[\s\x1f]+")
_TITLE_TEXT = etree.XPath("string(//title)")
#: 关于门户网站暂停访问的通知: a document's own title, whatever it is about
_DOCUMENT_TITLE = re.compile(r"^关于.{2,}的(?:通知|通告|公告|公示|说明|决定|批复|意见|函)$")
#: 发布时间：2024-04-28: a label glued to another word (拦截时间：, 访问时间：) is not a publish label
_PUBLISHED = re.compile(
    rf"(?<![\u4e00-\u9fff])(?:{v.spaced_alternation(v.DATE_LABELS)})[\s\x1f]*[：:][\s\x1f]*{v.DATE_SHAPE}"
)
#: a clause around a phrase, for the rejection's detail
_BEFORE = re.compile(r"[^\n\t\x1f，。！？；：,!?|｜_]{0,16}$")
_AFTER = re.compile(r"[^\n\t\x1f，。！？；：,!?|｜_]{0,16}?(?=\s+-\s|[\n\t\x1f，。！？；：,!?|｜_]|$)")


def _compile(table: dict[Reason, tuple[str, ...]]) -> list[tuple[Reason, re.Pattern[str]]]:
    """One case-blind alternation per reason, longest phrase first, in the table's order."""
    return [(reason, re.compile("|".join(sorted(phrases, key=len, reverse=True)), re.I))
            for reason, phrases in table.items()]


_SAID = _compile(PHRASES)
_TITLED = _compile({reason: PHRASES.get(reason, ()) + TITLE_PHRASES.get(reason, ()) for reason in PHRASES})


@dataclass(frozen=True, slots=True)
class Rejection:
    """Why a fetched page is not an article."""

    #: soft_404, blocked, maintenance, login_required, captcha, empty_page, mojibake, truncated,
    #: forum_thread, stub_page, or list_page (a column page: crawled as a list, not exported)
    reason: Reason
    #: the evidence, quoted: 'page says "您访问的页面不存在"'
    detail: str


def judge_page(page: Page, *, title: str | None, body: str, markup: str | None = None) -> Rejection | None:
    """Why this page (decoded as ``markup``) is not an article, or None when it may be one."""
    # cut short first: the crawler retries it, and the whole page may well decode cleanly
    if markup is not None and (where := garbled.truncation(markup)):
        return Rejection("truncated", where)
    # a wrong codec garbles the whole page alike: its first few thousand characters show it
    if found := garbled.mojibake(f"{title or ''}\n{body[:MOJIBAKE_SAMPLE]}"):
        return Rejection("mojibake", found)
    if thread := _forum_thread(page):
        return thread
    # Most pages are articles: this test is the rest of the cost for them.
    if _running_chars(body) >= REAL_BODY:
        return None
    said = body if _WORD.search(body) else _own_words(page)
    if _running_chars(said) >= REAL_BODY or (title and _published(page, title)):
        return None  # an article whose body was not found, or a short notice
    heads = f"{_TITLE_TEXT(page.root)}\n{title or ''}"
    found = _phrase(_TITLED, heads, "title")
    found = found or _challenge(page, title) or _phrase(_SAID, said, "page")
    if found is None and _has_password(page.root) and (not title or not _WORD.search(body)):
        found = Rejection("login_required", "login form with a password field")
    if found is None and not title and not _WORD.search(body):
        found = Rejection("empty_page", "no headline and no body text")
    return found


#: the most text an undated page without a sentence holds and is still a stub
STUB_CHARS = 100


#: a full stop as English and half-width Chinese text write it
_ASCII_STOP = re.compile(r"\.(?:\s|$)")


def stub_page(body: str, *, dated: bool, has_media: bool) -> Rejection | None:
    """An undated page whose text is a few short lines and no sentence (a product's card, a
    directory's entry, a catalogue record's 条形码): a page of the site, not a publication. A dated
    one (by its text or its URL) is a short notice, a line with punctuation is prose (经研究决定，
    任命…), and pictures, a player or files make a record of their own."""
    if not body or dated or has_media or len(body) > STUB_CHARS or v.SENTENCE_PUNCT.search(body) \
            or _ASCII_STOP.search(body):
        return None
    return Rejection("stub_page", f"undated, {len(body)} characters of text and no sentence")


#: a bulletin board thread's own tools (Discuz!, PHPWind, the boards of portals and campus
#: sites): a thread shows two or more of them, an article that mentions one (乘电梯直达) none else
_THREAD_TOOLS = ("只看楼主", "只看该作者", "倒序看帖", "正序看帖", "电梯直达", "回复本楼",
                 "只看樓主", "只看該作者", "電梯直達", "回覆本樓")
_MIN_THREAD_TOOLS = 2
#: the opening post's floor and its time, the first of a thread's floors
_OPENING_FLOOR = re.compile(r"(?:楼主|樓主)[\s\x1f]{0,12}(?:发表于|發表於)")


def _forum_thread(page: Page) -> Rejection | None:
    """A forum thread (users' posts, not the site's publication): the page has the thread's
    tools (只看楼主 and 倒序看帖, 只看该作者 and 电梯直达)."""
    text = page.text
    if "只看" not in text and "看帖" not in text and "电梯直达" not in text and "電梯直達" not in text:
        return None
    tools = [tool for tool in _THREAD_TOOLS if tool in text]
    if (floor := _OPENING_FLOOR.search(text)) is not None:  # 楼主 发表于：… heads the opening post
        tools.append(re.sub(r"[\s\x1f]+", " ", floor.group(0)))
    if len(tools) < _MIN_THREAD_TOOLS:
        return None
    return Rejection("forum_thread", f'a forum thread: page says "{tools[0]}" and "{tools[1]}"')


def _published(page: Page, title: str) -> bool:
    """Whether the page shows itself as a publication: a 关于…的通知 headline or a dated label."""
    return bool(_DOCUMENT_TITLE.match(title) or _PUBLISHED.search(page.text))


def _running_chars(text: str) -> int:
    """Characters in lines that hold a sentence, counted up to REAL_BODY."""
    total = 0
    for line in text.split("\n"):
        if v.SENTENCE_END.search(line):
            total += len(line)
            if total >= REAL_BODY:
                break
    return total


def _own_words(page: Page) -> str:
    """The page's visible text outside links: menus and lists are links, a message is not."""
    text, parts, pos = page.text, [], 0
    for start, end in page.links:
        if start >= pos:
            parts.append(text[pos:start])
        pos = max(pos, end)
    parts.append(text[pos:])
    return "\n".join(parts)


def _phrase(patterns: list[tuple[Reason, re.Pattern[str]]], text: str, where: str) -> Rejection | None:
    """The first reason whose phrase the text holds, quoting the clause around it."""
    for reason, pattern in patterns:
        if match := pattern.search(text):
            before = _BEFORE.search(text, max(0, match.start() - 16), match.start())
            after = _AFTER.match(text, match.end())
            clause = (before.group() if before else "") + match.group() + (after.group() if after else "")
            return Rejection(reason, f'{where} says "{_SPACE.sub(" ", clause).strip()}"')
    return None


def _challenge(page: Page, title: str | None) -> Rejection | None:
    """A JavaScript cookie challenge: a page of scripts, with (nearly) nothing to read."""
    if title and len(_SPACE.sub("", page.text)) >= SHORT_PAGE:
        return None  # an article page of a protected site carries the same scripts
    for script in page.root.iter("script"):
        code = (script.text or "") + " " + (script.get("src") or "")
        if marker := CHALLENGE_MARKERS.search(code):
            return Rejection("blocked", f'challenge script "{marker.group()}"')
        if _SETS_COOKIE.search(code) and _RELOADS.search(code) and not _WORD.search(page.text):
            return Rejection("blocked", "script sets a cookie and reloads an empty page")
    return None


def _has_password(root: etree._Element) -> bool:
    """Whether the page holds a password input."""
    return any((el.get("type") or "").lower() == "password" for el in root.iter("input"))
