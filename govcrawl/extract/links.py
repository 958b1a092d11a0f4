"""Images and attachment links inside the article container, made absolute."""

from __future__ import annotations

import re
from typing import TypeGuard
from urllib.parse import urljoin

from lxml import etree

from govcrawl.extract.chrome import is_widget_row
from govcrawl.extract.page import Page
from govcrawl.extract.types import Link

#: where an image's address may sit (lazy loaders use data-src or oldsrc)
_IMAGE_SOURCES = ("src", "data-src", "oldsrc")
#: documents a viewer can show inline (a PDF in pdf.js, an office file in an online viewer) ...
_VIEWABLE = "pdf|docx?|xlsx?|pptx?|wps|ofd"
#: ... and every file a notice attaches
_FILE_TYPES = rf"{_VIEWABLE}|zip|rar|7z|et|csv|txt"
ATTACHMENT_EXT = re.compile(rf"\.(?:{_FILE_TYPES})(?:$|[?#])", re.I)
#: a file's address inside a script link: ``javascript:window.open('/files/x.pdf')``, or a site
#: copier's ``javascript:if(confirm('http://…/x.doc?e=.doc  This file was not retrieved …'))``
_SCRIPT_FILE = re.compile(rf"""(?:https?://|/)[^\s"'()<>]+?\.(?:{_FILE_TYPES})(?:\?[^\s"'()<>]*)?(?=$|[\s"'()<>])""",
                          re.I)
#: ... else the first address a script link opens (``window.location='…/download.jsp?wbfileid=1'``)
_SCRIPT_URL = re.compile(r"""https?://[^\s"'()<>]+|(?<=['"])/[^\s"'()<>]+""")
#: how much of a script link is read for the address it opens
_SCRIPT_CHARS = 1024
_SPACE = re.compile(r"\s+")
#: tags an image may sit in inside its block
_INLINE = frozenset({"a", "span", "strong", "b", "em", "i", "font", "u", "center"})
#: alt texts that say nothing about the picture
_STOCK_ALT = re.compile(r"^(?:图片|图像|圖片|image|img|pic|photo|点击.*|點擊.*|\S+\.(?:jpe?g|png|gif|bmp|webp))$", re.I)
#: a caption is a line, not a paragraph
_MAX_CAPTION = 100


#: a layout's placeholder picture (``/images/_system/null.gif``, ``spacer.gif``): nothing to show
_SPACER = re.compile(r"(?:^|/)(?:null|blank|spacer|space|pixel|transparent|clear|dot|1x1)\.(?:gif|png)$", re.I)


def _absolute(href: str, base: str | None) -> str:
    """Resolve href against the page URL when there is one."""
    href = href.strip()
    return urljoin(base, href) if base else href


def link_target(href: str) -> str | None:
    """What a link fetches: its href, or the file (else the address) a ``javascript:`` link
    names; None for a script that names none (``javascript:void(0)``)."""
    href = href.strip()
    if not href.lower().startswith("javascript:"):
        return href
    # only its quotes decoded: the address it names stays as encoded (my%20file.pdf), and a
    # script is read so far (a long one is no link to a file, and costs the regexes dearly)
    script = href[:_SCRIPT_CHARS].replace("%27", "'").replace("%22", '"')
    match = _SCRIPT_FILE.search(script) or _SCRIPT_URL.search(script)
    return match.group(0) if match else None


def _fetches(target: str | None) -> TypeGuard[str]:
    """Whether a link's target fetches anything: no href, ``#`` and a script that names no
    address do not."""
    return target is not None and target != "" and not target.startswith("#")


def file_url(href: str, base: str | None) -> str | None:
    """The address a file link fetches: its target made absolute; None when it fetches nothing
    (no href, ``#``, ``javascript:void(0)``, ``mailto:``)."""
    if not _fetches(target := link_target(href)):
        return None
    url = _absolute(target, base)
    return url if url.startswith(("http://", "https://", "file:")) else None


def _inside(page: Page, el: etree._Element, start: int, end: int) -> bool:
    """Whether a visible element lies within [start, end]."""
    span = page.span(el)
    return bool(span) and start <= span[0] and span[1] <= end


def extract_images(page: Page, scope: etree._Element, start: int, end: int, base: str | None) -> list[Link]:
    """Images in the body with their alt/title text."""
    images: list[Link] = []
    for el in scope.iterdescendants("img"):  # iter, not XPath: much faster
        if not _inside(page, el, start, end):
            continue
        sources = [value for value in map(el.get, _IMAGE_SOURCES) if value is not None]
        if not sources:  # an <img> with none of them is no image of the body
            continue
        src = next(filter(None, sources), "")
        if src.startswith("data:") or _SPACER.search(src.split("?", 1)[0]):
            continue
        caption = _shown_caption(el) or _alt_caption(el)
        images.append(Link(url=_absolute(src, base), text=caption))
    return images


def _alt_caption(img: etree._Element) -> str | None:
    """The image's alt or title text, unless it is a file name or a stock word (图片, 点击查看大图)."""
    text = _SPACE.sub(" ", img.get("alt") or img.get("title") or "").strip()
    return text if text and not _STOCK_ALT.match(text) else None


def _shown_caption(img: etree._Element) -> str | None:
    """The caption the page shows with an image: its <figcaption>, the text after it in its
    own block (<img><br>图为…), or the short centred block right under a block holding only it."""
    block = img.getparent()
    while block is not None and block.tag in _INLINE:
        block = block.getparent()
    if block is None:
        return None
    if block.tag == "figure":
        return _caption_text(next(block.iter("figcaption"), None))
    before, after = _text_around(img, block)
    if before:
        return None  # the image sits in a paragraph of text: that text is no caption
    if after:
        return after if len(after) <= _MAX_CAPTION else None
    below = block.getnext()
    if below is not None and isinstance(below.tag, str) and _centred(below) and not below.findall(".//img"):
        return _caption_text(below)
    return None


def _text_around(img: etree._Element, block: etree._Element) -> tuple[str, str]:
    """The block's text before the image and after it."""
    parts: tuple[list[str], list[str]] = ([], [])
    side = 0
    for _, el in etree.iterwalk(block, events=("start",)):
        if el is img:
            side = 1
            parts[1].append(el.tail or "")
        elif isinstance(el.tag, str) and el is not block:
            parts[side].extend((el.text or "", el.tail or ""))
    before = (block.text or "") + "".join(parts[0])
    return _SPACE.sub("", before), _SPACE.sub(" ", "".join(parts[1])).strip()


def _centred(el: etree._Element) -> bool:
    style = (el.get("style") or "").replace(" ", "").lower()
    return "text-align:center" in style or (el.get("align") or "").lower() == "center" or el.tag == "center"


def _caption_text(el: etree._Element | None) -> str | None:
    text = _SPACE.sub(" ", "".join(el.itertext())).strip() if el is not None else ""
    # a widget's label under the last picture ((微信扫描分享), 打印本页) captions nothing
    return text if 0 < len(text) <= _MAX_CAPTION and not is_widget_row(text) else None


def extract_attachments(page: Page, scope: etree._Element, start: int, end: int, base: str | None) -> list[Link]:
    """Links to documents (pdf, doc, xls, zip, wps, ofd …) in the body, with their names."""
    found: dict[str, Link] = {}
    for el in scope.iterdescendants("a"):
        target = link_target(el.get("href", ""))
        shown = _SPACE.sub(" ", "".join(el.itertext())).strip()
        if _fetches(target):
            url = file_url(target, base) if ATTACHMENT_EXT.search(target) else None
        else:
            url = shown_file_url(target, shown)
        if url is None or not _inside(page, el, start, end):
            continue
        found.setdefault(url, Link(url=url, text=shown or el.get("title") or None))
    return list(found.values())


#: a link's words that are a file's address
_SHOWN_URL = re.compile(r"https?://\S+")


def shown_file_url(target: str | None, shown: str) -> str | None:
    """The file a link shows as its words when its target fetches nothing: a site or its copier
    writes ``<a href="javascript:;">https://img.example.cn/download/表.docx</a>``."""
    if _fetches(target) or not _SHOWN_URL.fullmatch(shown) or not ATTACHMENT_EXT.search(shown):
        return None
    return shown


#: a video or audio file a player plays (a .swf is the player itself, not the recording)
_MEDIA_FILE = re.compile(r"[^\s&\"'<>]+\.(?:mp4|m4v|flv|f4v|m3u8|mov|webm|wmv|avi|mp3|m4a)(?:\?[^\s&\"'<>]*)?", re.I)
#: the document a FlexPaper viewer shows, converted to Flash (its flashvars: SwfFile=/__local/….swf?e=.swf)
_VIEWER_FILE = re.compile(r"\bSwfFile=([^\s&\"'<>]+)", re.I)
#: where players keep that file: <video src>, <source src>, <embed src>, <object data>, the
#: flashvars of a Flash player (file=…flv), and VSB's <script name="_videourl" vurl="…mp4">
_PLAYER_ATTRS = (("video", "src"), ("audio", "src"), ("source", "src"), ("embed", "src"), ("object", "data"),
                 ("embed", "flashvars"), ("param", "value"), ("script", "vurl"))


def extract_media_files(scope: etree._Element, base: str | None) -> list[Link]:
    """The video and audio files the players in ``scope`` play, and the documents a Flash document
    viewer shows (VSB's FlexPaper, ``SwfFile=…swf``): a video page's content, or a notice's."""
    found: dict[str, Link] = {}
    for tag, attr in _PLAYER_ATTRS:
        for el in scope.iter(tag):
            value = el.get(attr) or ""
            files = [m.group(0).removeprefix("file=") for m in _MEDIA_FILE.finditer(value)]
            files += [m.group(1) for m in _VIEWER_FILE.finditer(value)]
            for file in files:
                url = _absolute(file, base)
                found.setdefault(url, Link(url=url, text=None))
    return list(found.values())


#: a document a script or a frame shows in a viewer: VSB's showVsbpdfIframe("/__local/….pdf", …),
#: pdf.js's viewer.html?file=….pdf, <iframe src="….pdf">
_SHOWN_DOCUMENT = re.compile(
    rf"""(?:["'=]|\bfile=)(?P<url>[^\s"'<>()=,;]+\.(?:{_VIEWABLE}))(?=["'&#?]|$)""", re.I)
#: where a frame keeps the document it shows
_FRAME_ATTR = {"iframe": "src", "embed": "src", "object": "data"}


def extract_shown_documents(root: etree._Element, after: etree._Element, base: str | None) -> list[Link]:
    """Documents shown after the headline element ``after`` by a viewer (a script's call or a
    frame) rather than linked: a notice whose content is a PDF shown inline."""
    found: dict[str, Link] = {}
    passed = False
    for el in root.iter():  # document order: only what follows the headline
        if el is after:
            passed = True
        if not passed or not (el.tag == "script" or el.tag in _FRAME_ATTR):
            continue
        text = (el.text or "") if el.tag == "script" else (el.get(_FRAME_ATTR[el.tag]) or "")
        for match in _SHOWN_DOCUMENT.finditer(text):
            url = _absolute(match.group("url"), base)
            if url.startswith(("http://", "https://", "file:")):
                found.setdefault(url, Link(url=url, text=None))
    return list(found.values())


def extract_named_attachments(page: Page, after: int, base: str | None) -> list[Link]:
    """Documents linked after the headline by their name (附件【通知.pdf】 behind a download.jsp
    URL, as VSB and other CMSs serve files): a notice whose body is only its attachments."""
    found: dict[str, Link] = {}
    for el in page.root.iter("a"):
        href, span = (el.get("href") or "").strip(), page.span(el)
        name = _SPACE.sub(" ", "".join(el.itertext())).strip()
        if span is None or span[0] < after or not href or href.startswith("#"):
            continue
        if not ATTACHMENT_EXT.search(name):
            continue
        # a link that names its file: the notice's own file
        if (url := file_url(href, base) or shown_file_url(link_target(href), name)) is not None:
            found.setdefault(url, Link(url=url, text=name or None))
    return list(found.values())


#: how a notice introduces a file below its text: 附件【…】, 附件：, 附件1：, 附件一： (a sidebar's
#: 相关附件 heading introduces other pages' files)
_LABEL = r"(?<!相关)附件\s*[\d一二三四五六七八九十]*\s*"
_ATTACHMENT_LABEL = re.compile(rf"{_LABEL}[【\[:：]?\s*(?:\d+\s*[.、]\s*)?$")
#: how far before its link the label may end (separators and spaces included)
_LABEL_REACH = 16
#: what may stand between two files of one list: 、 】【 a line break, a number (2.)
_BETWEEN_FILES = re.compile(rf"^[\s\x1f、，,；;】【\[\]]*(?:{_LABEL}[:：]?\s*)?(?:\d+\s*[.、]\s*)?$")
#: how far after the text box its files may begin: the list under it, not a sidebar further on
_FILES_NEAR = 200


def extract_labelled_attachments(page: Page, after: int, base: str | None) -> list[Link]:
    """Files a notice lists right after its text (ending at ``after``) under an 附件 label, each
    link naming its file (附件【招生简章.docx】、【考场规则.doc】): where VSB and other CMSs put a
    notice's files, outside its text box. A link to the page itself (``base``) names no file of it."""
    found: dict[str, Link] = {}
    last = after
    for el in page.root.iter("a"):
        span = page.span(el)
        if span is None or span[0] < after:
            continue
        if span[0] > last + _FILES_NEAR:
            break
        name = _SPACE.sub(" ", "".join(el.itertext())).strip()
        labelled = _ATTACHMENT_LABEL.search(page.text[max(last, span[0] - _LABEL_REACH):span[0]]) is not None
        listed = bool(found) and _BETWEEN_FILES.match(page.text[last:span[0]]) is not None
        if ATTACHMENT_EXT.search(name) and (labelled or listed) \
                and (url := file_url(el.get("href") or "", base)) is not None and url != base:
            found.setdefault(url, Link(url=url, text=name))
            last = span[1]
    return list(found.values())
