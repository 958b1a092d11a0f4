"""URLs with their ids taken out: a CMS writes the URLs of its articles, its filter pages and its
profiles each from one template (``/EPL/{id}.html``, ``ListInfo-{id}_{id}_{id}.html``), and a
column or a single page by name.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

#: a run of digits, or of hex digits with a digit among them: an id in a URL (``02e60``, ``13577``)
ID_RUN = re.compile(r"[0-9a-f]*[0-9][0-9a-f]*")
#: the same in either case (``E58C97E4BAACE5B882``: a name percent-encoded into a file name)
_ID_RUN_ANY_CASE = re.compile(ID_RUN.pattern, re.IGNORECASE)

#: a URL shape: how many path segments, the last one with its ids taken out, the query likewise
Shape = tuple[int, str, str]


def url_shape(url: str) -> Shape | None:
    """The shape of a URL whose last path segment (or query) holds an id; None when it holds
    none (``index.html``, ``about.html``: a column or a single page, never one of many)."""
    parts = urlparse(url)
    segments = parts.path.split("/")
    last, query = ID_RUN.sub("{id}", segments[-1]), ID_RUN.sub("{id}", parts.query)
    if "{id}" not in last and "{id}" not in query:
        return None
    return len(segments), last, query


def url_template(url: str) -> str | None:
    """A URL's path and query with their ids taken out (``/e/action/ListInfo-{id}_{id}_{id}.html``);
    None when they hold no id (a named page is a template of one)."""
    parts = urlparse(url)
    template = _ID_RUN_ANY_CASE.sub("{id}", parts.path)
    if parts.query:
        template += f"?{_ID_RUN_ANY_CASE.sub('{id}', parts.query)}"
    return template if "{id}" in template else None
