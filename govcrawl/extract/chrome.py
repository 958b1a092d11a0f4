"""Text-level chrome removal for lines that survive element-level cleaning."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from govcrawl.extract.types import Line
from govcrawl.extract.vocabulary import BARE_DATE_LABELS, DATE_LABELS, SENTENCE_END, SOURCE_LABELS, alternation

#: Lines that start like a widget or navigation row; only short lines are judged.
_CHROME_START = re.compile(
    r"^[\[【〖(（]?\s*(?:"
    r"扫描二维码|扫一扫|扫码|微信扫一扫|用微信扫|手机扫|在您的设备上浏览|在手机上浏览|手机浏览|"
    r"打印本页|打印此页|打印文章|打印页面|打印本稿|关闭窗口|关闭本页|关闭当前页|【?关闭】|"
    r"字体|字号|浏览字号|调整字体|字体大小|文字大小|分享到|分享至|分享：|分享:|"
    r"上一篇|下一篇|上一条|下一条|上一页|下一页|上一张|下一张|"
    r"当前位置|您的当前位置|您当前的位置|您现在的位置|您当前所在位置|您现在所在的位置|现在位置|所在位置|"
    r"相关链接|相关阅读|相关新闻|相关稿件|相关报道|相关附件|相关信息|相关解读|相关文章|关联稿件|延伸阅读|"
    r"热门搜索|热点推荐|往期回顾|推荐阅读|精彩推荐|"
    r"版权所有|技术支持|网站标识码|政府网站标识码|"
    r"网站地图|联系我们|免责声明|法律声明|隐私声明|网站声明|版权声明|"
    r"无障碍|长者模式|适老化|切换到|切換到|繁體|繁体版|简体版|"
    r"点击阅读原文|阅读原文|查看原文|返回顶部|返回首页|返回列表|【返回|"
    r"浏览次数|访问量|阅读次数|点击数|点击量|点击次数|浏览量|阅读量|阅读：|阅读:|播放次数|播放量|观看次数|"
    r"留言与评论|全部评论|发表评论|查看评论|已输入|点赞|收藏本页|加入收藏|"
    r"转载请注明|复制链接|\+复制链接|"
    r"本站支持IPV6|政府网站找错|网站纠错|内容纠错|我要纠错|听全文|"
    # a video or audio player's controls and ads
    r"\d*秒?会员跳过广告|跳过广告|关闭广告|广告剩余|播放速度|倍速|清晰度|画中画|网页全屏|退出全屏|重新播放|"
    r"视频加载|您的浏览器不支持|请升级浏览器|点击播放|加载中"
    r")",
    re.I,
)
#: Words that make up widget and footer rows; a short line made only of these is chrome.
_CHROME_WORD = re.compile(
    r"打印本页|打印|关闭窗口|关闭本页|关闭|收藏|纠错|返回顶部|返回|顶部|分享|微信|微博|QQ空间|QQ|"
    r"网站简介|广告服务|标识说明|联系方式|法律声明|建议投诉|网站地图|联系我们|关于我们|网站声明|隐私声明|"
    r"隐私政策|使用帮助|网站导航|设为首页|加入收藏|无障碍|长者模式|适老化|繁體|简体|English|"
    r"字体|字号|大|中|小|默认|放大|缩小|复制链接|点赞|评论|转发|今日头条|抖音|快手|小程序|客户端|"
    r"上一张|下一张|播放|暂停|全屏|静音|重播|倍速|高清|标清|超清|流畅|自动|"
    r"扫一扫|扫描|扫码|二维码|手机版|APP|工作邮箱|邮箱登录|在线留言|网站年报|政务微博|政务微信|官方微博|官方微信",
    re.I,
)
_FOOTER_ANYWHERE = re.compile(r"ICP备|ICP证|公网安备|网安备|网站标识码|版权所有|Copyright|©", re.I)
#: Tags and entities a naive scrape left in the text; the opening < may itself be mangled to ?
_LEFTOVER_TAG = re.compile(
    r"(?:<|[?？]\s*)/?(?:span|div|p|a|font|strong|b|i|em|br|img|script|style|input|label|td|tr|table|ul|li)"
    r"\b[^<>]{0,200}>|</?[a-zA-Z][\w:-]*(?:\s[^<>]{0,200})?/?>|&[a-z]{2,8};|&#\d+;"
)
_FILLER = re.compile(r"[\s\[\]【】〖〗()（）<>《》|｜/\\·•:：,，.。、?？!！\-—_=+*#~>»«0-9]+")
#: a page-number row under a split article: 【1】【2】【3】 or [1] [2] 下一页
_PAGER = re.compile(
    r"^(?:(?:[【\[]\s*\d{1,3}\s*[】\]]|上一页|下一页|首页|尾页|末页)\s*){2,}$"
    r"|^\d{1,3}\s*/\s*\d{1,3}$"  # an image gallery's 2/5 counter
)
#: a player's clock: 00:00 / 03:25, 1.0x
_PLAYER_CLOCK = re.compile(r"^(?:\d{1,2}:\d{2}(?::\d{2})?\s*/\s*\d{1,2}:\d{2}(?::\d{2})?|[0-2](?:\.\d{1,2})?[xX×])$")
#: 主办单位：… rows are footer chrome at the edges of a body, but an event notice lists its
#: organisers the same way between real paragraphs (主办单位：教育部思想政治工作司).
_ORGANISER = re.compile(
    r"^[\[【(（]?\s*(?:主办单位|承办单位|协办单位|主办|承办|协办)\s*[:：]"
)
#: an attachment label left with nothing after it (the list is filled by script or empty)
_EMPTY_ATTACHMENTS = re.compile(r"^[【\[]?(?:相关)?附件(?:下载)?[】\]]?\s*[:：]?$")
#: a copyright notice closing an article (版权声明：… 未经授权不得转载。): chrome even as a sentence
_RIGHTS_NOTICE = re.compile(
    r"^[【\[]?(?:版权声明|免责声明|特别声明|郑重声明)\s*[:：】\]]|未经(?:书面)?(?:授权|许可).{0,12}(?:转载|使用|复制)|转载请注明"
)
_MAX_NOTICE = 160
_PARAGRAPH = re.compile(r"[，。；！？]")
_MIN_PARAGRAPH = 20
_MAX_CHROME_LEN = 60
_WIDGET_STUBS = frozenset({"打", "印", "关", "闭"})
#: A bare publish-date or 来源 line that leaked into a body (时间/日期 alone are notice content).
_META_LABELS = [label for label in DATE_LABELS + SOURCE_LABELS if label not in BARE_DATE_LABELS]
_META_LINE = re.compile(rf"^[\[【(（]?\s*(?:{alternation(_META_LABELS)})\s*[:：]")


def _only_chrome_words(text: str) -> bool:
    """True when a short text is nothing but widget/footer words and filler."""
    rest = _FILLER.sub("", _CHROME_WORD.sub("", text))
    if rest in _WIDGET_STUBS:
        return True  # 打?。? is 打印 whose second character the page's encoding mangled
    return not rest and bool(_CHROME_WORD.search(text))


def is_widget_row(text: str) -> bool:
    """A short row of widget words only (大 中 小, 打印 关闭); cheap: no script conversion."""
    return len(text) <= _MAX_CHROME_LEN and _only_chrome_words(text)


@lru_cache(maxsize=8192)
def is_chrome_line(simple: str) -> bool:
    """Whether a whole line (in simplified script) is page chrome rather than article text."""
    simple = _LEFTOVER_TAG.sub("", simple).strip()
    if not simple:
        return True
    if len(simple) > _MAX_CHROME_LEN * 2:
        return False
    if _PAGER.match(simple) or _PLAYER_CLOCK.match(simple):
        return True
    if _FILLER.sub("", simple) == "":
        return False  # numbers and punctuation alone belong to tables and lists
    short = len(simple) <= _MAX_CHROME_LEN and not SENTENCE_END.search(simple)
    if short and (_CHROME_START.match(simple) or _META_LINE.match(simple)):
        return True
    if _FOOTER_ANYWHERE.search(simple) and not SENTENCE_END.search(simple):
        return True
    return len(simple) <= _MAX_CHROME_LEN and _only_chrome_words(simple)


def _is_paragraph(line: str) -> bool:
    """A line of running text (long enough, with sentence punctuation)."""
    return len(line) >= _MIN_PARAGRAPH and bool(_PARAGRAPH.search(line))


def _inner_range(lines: Sequence[Line]) -> tuple[int, int]:
    """Indices of the first and last paragraph lines (an empty range when there are none)."""
    marks = [i for i, line in enumerate(lines) if _is_paragraph(line.simple)]
    return (marks[0], marks[-1]) if marks else (0, -1)


def _is_organiser_row(line: str, index: int, inner: tuple[int, int]) -> bool:
    """A 主办/承办 row outside the paragraphs (before the first, after the last): footer."""
    if inner[0] < index < inner[1]:
        return False
    return bool(_ORGANISER.match(line)) and not SENTENCE_END.search(line)


def _is_rights_notice(simple: str) -> bool:
    """A short copyright or reprint notice (only judged at the end of a body)."""
    return len(simple) <= _MAX_NOTICE and bool(_RIGHTS_NOTICE.search(simple))


def _without_tags(line: Line) -> Line:
    """The line without tags and entities a naive scrape left in it."""
    if "<" not in line.shown and "&" not in line.shown:
        return line
    return Line(_LEFTOVER_TAG.sub("", line.shown).strip(), _LEFTOVER_TAG.sub("", line.simple).strip())


def strip_chrome_lines(lines: Sequence[Line]) -> list[Line]:
    """Drop chrome lines and leftover tags; keep real paragraphs that merely mention chrome words."""
    kept: list[Line] = []
    inner = _inner_range(lines)
    for index, line in enumerate(lines):
        if is_chrome_line(line.simple) or _is_organiser_row(line.simple, index, inner):
            continue
        cleaned = _without_tags(line)
        if cleaned.shown:
            kept.append(cleaned)
    while kept and (_EMPTY_ATTACHMENTS.match(kept[-1].simple) or _is_rights_notice(kept[-1].simple)):
        kept.pop()
    return kept
