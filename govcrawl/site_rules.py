"""What a site entry may name: a slug key, hosts that each own a registrable domain, and
http(s) addresses on those hosts. Each rule raises ValueError with the fix in its message."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

import tldextract

from govcrawl.extract.listing.shapes import on_domains

#: keys end up in file names, JOBDIR folders and Redis keys: short ASCII slugs
KEY = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
#: a DNS name in ASCII (a Chinese name is written in punycode, xn--…)
HOST = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*$")
SCHEMES = ("http", "https")

# The bundled snapshot of the public-suffix list, never a download (an entry is checked offline,
# before any request) and no cache file. Private suffixes count too: github.io alone is as wide
# as gov.cn alone.
_SUFFIXES = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True)


def check_key(key: str) -> str:
    """A key as entries may use it: a lower-case ASCII slug of 64 characters at most."""
    if not KEY.match(key):
        shown = f"{key[:20]!r}… ({len(key)} characters)" if len(key) > 64 else repr(key)
        raise ValueError(f"{shown} is not a short slug: use lower-case a-z, 0-9, - and _ "
                         "(64 at most, starting with a letter or digit), e.g. key = \"tianmen\"")
    return key


def check_domain(domain: str) -> str:
    """A domain as entries may use it (lower-cased): a bare host, an IP address or localhost,
    never a public suffix alone (gov.cn would let a crawl roam every government site)."""
    host = domain.strip().lower()
    if _is_ip(host):
        return host
    if not HOST.match(host):
        raise ValueError(f"{domain!r} is not a host name: write the bare host, without scheme, path, port "
                         "or wildcard, e.g. domains = [\"www.tianmen.gov.cn\"]")
    if _is_public_suffix(host):
        raise ValueError(f"{domain!r} is a public suffix shared by many sites: name the site's own "
                         "domain under it, e.g. domains = [\"www.tianmen.gov.cn\"]")
    return host


def check_url(url: str, domains: list[str]) -> str:
    """An http(s) address whose host is one of ``domains`` or under one."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in SCHEMES or not parts.hostname:
        raise ValueError(f"{url[:200]!r} is not an http(s) address: write it in full, "
                         "e.g. \"https://www.tianmen.gov.cn/xwzx/\"")
    if not on_domains(url, domains):
        raise ValueError(f"{url[:200]!r} is on {parts.hostname}, not on the entry's domains "
                         f"({', '.join(domains)}): add {parts.hostname} to domains or fix the address")
    return url


def split_host(host: str) -> tuple[str, str, str]:
    """A host's subdomain, registrable label and public suffix: ('maojian', 'shiyan', 'gov.cn')."""
    parts = _SUFFIXES(host)
    return parts.subdomain, parts.domain, parts.suffix


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _is_public_suffix(host: str) -> bool:
    parts = _SUFFIXES(host)
    return bool(parts.suffix) and not parts.domain
