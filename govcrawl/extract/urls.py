"""Dates carried by article URLs (t20230724_…, /art/2023/7/24/, /2023-07/24/)."""

from __future__ import annotations

import re

_URL_DATES = (
    re.compile(r"/t(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)_"),
    re.compile(r"/art/(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})/(?P<d>\d{1,2})/"),
    re.compile(r"/(?P<y>(?:19|20)\d{2})-(?P<m>[01]\d)/(?P<d>[0-3]\d)/"),
    re.compile(r"/(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)/(?P<d>[0-3]\d)/"),
    re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>[01]\d)(?P<d>[0-3]\d)/"),
    re.compile(r"/(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)/"),
)


def date_from_url(url: str | None) -> str | None:
    """The date a URL path carries, as YYYY-MM-DD, or None."""
    if not url:
        return None
    for pattern in _URL_DATES:
        match = pattern.search(url)
        if match:
            return f"{match['y']}-{int(match['m']):02d}-{int(match['d']):02d}"
    return None
