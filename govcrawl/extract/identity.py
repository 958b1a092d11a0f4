"""What a home page says it is: its 网站标识码, site name, ICP number and title (page in, facts out).

Government sites carry the national site code in a ``SiteIDCode`` meta tag or in their footer
(网站标识码：4290060001), their name in a ``SiteName`` meta tag, and the ICP registration of the
province they were filed in (鄂ICP备05003343号); a portal at the wrong address says so there.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from govcrawl.extract.document import ParsedPage, text_content
from govcrawl.extract.metadata import extract_meta, meta_value

#: 网站标识码：4290060001 in a footer (a code of letters too for some central sites: bm…)
SITE_CODE = re.compile(r"网站标识码\s*[:：]?\s*([0-9A-Za-z]{6,24})")
#: 鄂ICP备05003343号-1, 渝 ICP 备 1234号: the province's one-character name, then the number
ICP = re.compile(r"([\u4e00-\u9fff])\s*ICP\s*([备证])\s*[:：]?\s*(\d{4,})\s*号?(?:\s*-\s*(\d+))?")
_SPACE = re.compile(r"\s+")
#: a tag inside a script's string (document.write("网站标识码：<span>…</span>")): text between tags is read
_TAG = re.compile(r"<[^<>]{1,200}>")


@dataclass(slots=True, frozen=True)
class PageIdentity:
    """Who a page says runs it; None where it does not say."""

    site_code: str | None = None
    """网站标识码: the SiteIDCode meta tag, else the footer's 网站标识码：…"""
    site_name: str | None = None
    """The SiteName meta tag."""
    icp: str | None = None
    """The ICP registration of the footer, spaces dropped: 鄂ICP备05003343号-1."""
    title: str | None = None
    """The page's <title>."""

    def as_dict(self) -> dict[str, str | None]:
        """The facts as JSON takes them."""
        return asdict(self)


def read_identity(page: ParsedPage) -> PageIdentity:
    """What the page says of itself, from its meta tags, title and text (scripts' text included:
    some footers are written by a script)."""
    root = page.html_root()
    if root is None:
        return PageIdentity()
    meta = extract_meta(root)
    text = _TAG.sub("", text_content(root))
    code = meta_value(meta, "SiteIDCode") or _first(SITE_CODE, text)
    title = _SPACE.sub(" ", root.findtext(".//title") or "").strip() or None
    return PageIdentity(site_code=code, site_name=meta_value(meta, "SiteName"), icp=_icp(text), title=title)


def _first(pattern: re.Pattern[str], text: str) -> str | None:
    match = pattern.search(text)
    return match.group(1) if match else None


def _icp(text: str) -> str | None:
    match = ICP.search(text)
    if match is None:
        return None
    province, kind, number, suffix = match.groups()
    return f"{province}ICP{kind}{number}号" + (f"-{suffix}" if suffix else "")
