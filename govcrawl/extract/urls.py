"""canonical_url: one form per page, so that session ids and share tracking do not make a known
article look new.

Java and ASP sites put the session in the URL (``;jsessionid=…``, ``?sid=…``), and it changes on
every page view; WeChat and analytics add ``from=singlemessage``, ``utm_*``, ``spm``. Only keys
that never select content are dropped: ``id``, ``page``, ``docid``, ``columnid`` … stay, and the
query keeps its order (the record ``id`` sorts it anyway, as Scrapy's duplicate filter does).
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import unquote_plus, urlsplit, urlunsplit

#: query keys that only ever carry a session (compared lowercased)
SESSION_KEYS = frozenset({"jsessionid", "sessionid", "session_id", "phpsessid", "cfid", "cftoken"})
#: ASP classic names its cookie ASPSESSIONID<random letters>
SESSION_PREFIXES = ("aspsessionid",)
#: analytics and click ids (compared lowercased)
TRACKING_KEYS = frozenset({"spm", "gclid", "fbclid", "isappinstalled"})
TRACKING_PREFIXES = ("utm_",)
#: WeChat's share marks: ``from`` is dropped only with these values (elsewhere it may be a date)
SHARE_FROM = frozenset({"singlemessage", "groupmessage", "timeline"})
#: ``sid`` is a session on Java/ASP sites but a site or section id on others (``sid=12``): only
#: a token-like value (16 characters or more, not all digits) is taken for a session
SESSION_TOKEN = re.compile(r"[0-9A-Za-z_-]{16,}")
#: ``;jsessionid=…`` (any case) in a path segment, up to the next path parameter or segment
PATH_SESSION = re.compile(r";jsessionid=[^;/]*", re.IGNORECASE)
DEFAULT_PORTS = {"http": 80, "https": 443}


#: URLs whose canonical form is remembered: a URL is canonicalised again at every step it passes
#: (the list reader, the spider's seen sets, the duplicate filter, the outcomes: four times a record
#: in reextract), and a site's menus repeat the same links on every page
CANONICAL_CACHE = 1 << 14


@lru_cache(maxsize=CANONICAL_CACHE)
def canonical_url(url: str) -> str:
    """The URL without session ids, tracking keys and fragment; scheme and host lowercased,
    default port dropped. Anything but http(s), or a URL that does not parse, is returned as it is."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:  # a broken IPv6 host ("http://[::1/"): nothing to canonicalise
        return url
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        return url
    path = PATH_SESSION.sub("", parts.path)
    return urlunsplit((scheme, _netloc(scheme, parts.netloc), path, _query(parts.query), ""))


def _netloc(scheme: str, netloc: str) -> str:
    """Host lowercased, without the scheme's default port; user info kept as it is."""
    userinfo, at, hostport = netloc.rpartition("@")
    host, colon, port = hostport.rpartition(":") if not hostport.endswith("]") else (hostport, "", "")
    if not colon or not port.isdigit():
        host, port = hostport, ""
    port = "" if port and int(port) == DEFAULT_PORTS[scheme] else port
    return f"{userinfo}{at}{host.lower()}{':' + port if port else ''}"


def _query(query: str) -> str:
    """The query without session and tracking keys, in its own order; what stays is kept
    byte for byte (its encoding is the site's)."""
    kept = [part for part in PATH_SESSION.sub("", query).split("&") if part and not _noise_pair(part)]
    return "&".join(kept)


def _noise_pair(part: str) -> bool:
    key, _, value = part.partition("=")
    return is_noise(unquote_plus(key), unquote_plus(value))


def is_noise(key: str, value: str) -> bool:
    """Whether a query key only carries a session or tracking (never what the page shows)."""
    key = key.lower()
    if key in SESSION_KEYS or key in TRACKING_KEYS or key.startswith(SESSION_PREFIXES + TRACKING_PREFIXES):
        return True
    if key == "from":
        return value.lower() in SHARE_FROM
    return key == "sid" and SESSION_TOKEN.fullmatch(value) is not None and not value.isdigit()

