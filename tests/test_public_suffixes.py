"""Cookie domains are judged against tldextract's bundled public-suffix list, without a download."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

#: a fresh interpreter with no network and an empty tldextract cache: importing govcrawl (as
#: Scrapy does with the project settings) comes before the cookie middleware builds its extractor
CHECK = """
import socket
tries = []
def offline(*args, **kwargs):
    tries.append(args)
    raise OSError("offline")
socket.getaddrinfo = socket.create_connection = socket.socket.connect = offline

import govcrawl.settings
from scrapy.downloadermiddlewares.cookies import CookiesMiddleware
from scrapy.http import Request, Response
from scrapy.utils.test import get_crawler

middleware = CookiesMiddleware.from_crawler(get_crawler())
first = Request("http://www.example.gov.cn/a.html")
middleware.process_request(first)
cookies = ["site=1; Domain=.example.gov.cn; Path=/", "wide=1; Domain=.gov.cn; Path=/"]
middleware.process_response(first, Response(first.url, headers={"Set-Cookie": cookies}))
other = Request("http://news.example.gov.cn/b.html")
middleware.process_request(other)
print(other.headers.get("Cookie", b"").decode(), len(tries))
"""


def test_cookie_domains_are_judged_offline(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"}
    env["TLDEXTRACT_CACHE"] = str(tmp_path / "tldextract")
    done = subprocess.run([sys.executable, "-c", CHECK], env=env, capture_output=True, text=True,
                          timeout=120, check=True)
    cookie, tries = done.stdout.split()
    # a cookie for the site's own domain is shared by its hosts; one for gov.cn (a public suffix) is not
    assert (cookie, tries) == ("site=1", "0"), done.stderr
    assert "Traceback" not in done.stderr


#: the same fresh, offline interpreter judging the domains of site entries
ENTRY_CHECK = CHECK.split("import govcrawl.settings")[0] + """
from govcrawl.sites import SiteEntryError, validate_entry

refused = []
for domain in ("gov.cn", "www.tianmen.gov.cn"):
    try:
        validate_entry({"key": "a", "name": "b", "domains": [domain], "home": f"http://{domain}/"}, "entry")
    except SiteEntryError:
        refused.append(domain)
print(",".join(refused), len(tries))
"""


def test_entry_domains_are_judged_offline(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"}
    env["TLDEXTRACT_CACHE"] = str(tmp_path / "tldextract")
    done = subprocess.run([sys.executable, "-c", ENTRY_CHECK], env=env, capture_output=True, text=True,
                          timeout=120, check=True)
    assert done.stdout.split() == ["gov.cn", "0"], done.stderr
    assert not (tmp_path / "tldextract").exists()  # nothing cached either
