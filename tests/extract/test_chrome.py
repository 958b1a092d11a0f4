"""strip_chrome_lines removes widget and footer rows, never real paragraphs."""

from __future__ import annotations

import pytest

from govcrawl.extract import Line, as_line, strip_chrome_lines
from govcrawl.extract.chrome import is_chrome_line


def strip(texts: list[str]) -> list[str]:
    """strip_chrome_lines on plain texts, as the texts it keeps (as shown)."""
    return [line.shown for line in strip_chrome_lines([as_line(text) for text in texts])]


@pytest.mark.parametrize(
    "line",
    [
        "扫描二维码",
        "扫一扫在手机打开当前页",
        "在您的设备上浏览本页",
        "打印本页",
        "【打印】【关闭】",
        "【打印本页】【关闭窗口】",
        '打?。?span id="printapp">',
        "打印|关闭",
        "字体：大 中 小",
        "【字体：大 中 小】",
        "字号：默认 小 大",
        "分享到：微信 微博 QQ空间",
        "关闭窗口",
        "上一篇：市交警一大队：坚守一线 疏堵保畅守护平安",
        "下一篇：",
        "网站简介广告服务标识说明联系方式法律声明建议投诉",
        "网站简介 | 广告服务 | 联系方式",
        "当前位置：首页 > 营商环境 > 营商动态",
        "浏览次数：",
        "版权所有：中国政府网",
        "冀ICP备13016076号-2",
        "网站标识码：3609220011",
        "相关链接>>",
        "发布日期：2016-11-22",
        "来源：新闻办",
        "<div>",
        "【1】【2】【3】【4】",
        "[1] [2] 下一页",
        "2/5",
        "上一张 下一张 播放",
    ],
)
def test_drops_chrome(line: str) -> None:
    assert strip([line]) == []


@pytest.mark.parametrize(
    "line",
    [
        "会上，他强调要打印材料并关闭窗口，上一篇文章说了。",
        "各区要在网站地图中标注，版权所有单位要负责。",
        "市委书记在会上强调，要扫描二维码核验身份。",
        "一、项目编号：",
        "2023",
        "1.5",
        "时间：2024年7月27日上午",
        "（德清县发改局）",
        "资料来源：国家统计局",
        "图文来源：区委网信办、区融媒体中心",
    ],
)
def test_keeps_paragraphs(line: str) -> None:
    assert strip([line]) == [line]


def test_leftover_tags_removed_from_kept_lines() -> None:
    assert strip_chrome_lines([as_line("這是<strong>重點</strong>內容")]) == [Line("這是重點內容", "这是重点内容")]


def test_trailing_rights_notice_dropped() -> None:
    lines = [
        "项目建成后，将进一步提升长江两岸交通通行能力。",
        "版权声明：凡注明“来源：湖北日报”的所有作品，版权均属于湖北日报，未经授权不得转载。",
    ]
    assert strip(lines) == lines[:1]
    # the same words inside an article are text
    assert strip(lines[::-1]) == lines[::-1]


@pytest.mark.parametrize("line", ["掃描二維碼", "打印本頁", "【關閉窗口】", "分享到：微信 微博", "版權所有：天門市人民政府"])
def test_traditional_chrome_is_judged_in_simplified_script(line: str) -> None:
    assert strip([line]) == []
    assert is_chrome_line(as_line(line).simple)


def test_kept_lines_stay_in_the_script_shown() -> None:
    lines = [as_line("7月21日，我市舉行二季度項目拉練活動暨穩增長工作推進會。"), as_line("掃描二維碼")]
    assert strip_chrome_lines(lines) == lines[:1]
    assert lines[0].simple == "7月21日，我市举行二季度项目拉练活动暨稳增长工作推进会。"
