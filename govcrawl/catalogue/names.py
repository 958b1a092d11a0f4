"""How units' names are written: 天门市 is also 天门, 长阳土家族自治县 also 长阳县 and 长阳."""

from __future__ import annotations

import re

#: the peoples named in autonomous units' names (土家 before 土: the longer name first)
ETHNIC = ("土家|东乡|哈萨克|哈尼|柯尔克孜|普米|蒙古|布依|仡佬|拉祜|布朗|塔吉克|锡伯|朝鲜|撒拉|景颇|傈僳|纳西|"
          "毛南|裕固|达斡尔|独龙|鄂伦春|鄂温克|仫佬|保安|维吾尔|苗|侗|水|满|回|黎|瑶|土|彝|傣|白|羌|佤|藏|壮|畲|怒|各")
#: 长阳土家族自治县 → 长阳 and 长阳县; 恩施土家族苗族自治州 → 恩施 and 恩施州
AUTONOMOUS = re.compile(rf"^(?P<base>.{{2,}}?)(?:(?:{ETHNIC})族?)+自治(?P<kind>[州县旗区])$")
#: 天门市 → 天门, 神农架林区 → 神农架, 香港特别行政区 → 香港 (a base of one character is no name: 房县)
KIND = re.compile(r"^(?P<base>.{2,}?)(?:自治[州县旗区]|特别行政区|林区|地区|新区|示范区|[省市县区州盟旗])$")


def aliases(name: str) -> set[str]:
    """The ways a name is written: 长阳土家族自治县 → itself, 长阳县, 长阳; 天门市 → itself, 天门."""
    if match := AUTONOMOUS.match(name):
        return {name, match["base"]} | ({match["base"] + match["kind"]} if match["kind"] != "区" else set())
    match = KIND.match(name)
    return {name, match["base"]} if match else {name}
