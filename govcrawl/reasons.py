"""Why a page did not become a record, and what became of each link: the closed sets.

The crawl, the rejects file, the report, the stats keys (``govcrawl/rejected/<reason>``) and the
README's "Reasons" list all name these values; a test holds the README to them. Two families are
open by nature and built by a function: ``http_<status>`` and ``invalid_<field>``.
"""

from __future__ import annotations

import re
from enum import StrEnum


class Reason(StrEnum):
    """Why a page or an item is not a record (the ``reason`` of a rejects row)."""

    # the fetch failed
    TIMEOUT = "timeout"
    DNS_ERROR = "dns_error"
    CONNECTION_ERROR = "connection_error"
    TRUNCATED = "truncated"
    TOO_LARGE = "too_large"
    DECOMPRESSION_BOMB = "decompression_bomb"
    REDIRECT_LOOP = "redirect_loop"
    OFFSITE_REDIRECT = "offsite_redirect"
    FETCH_ERROR = "fetch_error"
    #: a download still in flight when Ctrl-C's grace ran out (fetched again next run)
    INTERRUPTED = "interrupted"
    #: a request a downloader middleware refused for no reason govcrawl knows
    IGNORED = "ignored"
    # the page answered but is not an article (extract/verdict.py)
    SOFT_404 = "soft_404"
    BLOCKED = "blocked"
    MAINTENANCE = "maintenance"
    LOGIN_REQUIRED = "login_required"
    CAPTCHA = "captcha"
    EMPTY_PAGE = "empty_page"
    MOJIBAKE = "mojibake"
    #: a bulletin board's thread (users' posts under 楼主/沙发 floors), not the site's publication
    FORUM_THREAD = "forum_thread"
    #: an undated page whose text is a few short lines and no sentence (a product's card, a
    #: directory's entry), not a publication
    STUB_PAGE = "stub_page"
    #: an undated short page that a list dating none of its items linked (a product, a person, a
    #: service of a catalogue), not a publication
    CATALOGUE_CARD = "catalogue_card"
    #: a column page reached as an article: crawled as a list, never a rejects row
    LIST_PAGE = "list_page"
    NOT_HTML = "not_html"
    # the record broke a rule
    SPIDER_ERROR = "spider_error"
    PIPELINE_ERROR = "pipeline_error"
    #: an item dropped by a pipeline that gave no reason (a user's own DropItem)
    DROPPED = "dropped"
    # a rule said no: not failures
    ROBOTS_FORBIDDEN = "robots_forbidden"
    OFFSITE = "offsite"
    DUPLICATE = "duplicate"
    #: an undated page the search for columns read as a channel or an empty column (an outcome
    #: ``ignored:channel_page``, never a rejects row)
    CHANNEL_PAGE = "channel_page"


class Outcome(StrEnum):
    """What became of an article link in a run (the report's ``outcomes``)."""

    EXPORTED_NEW = "exported_new"
    EXPORTED_CHANGED = "exported_changed"
    UNCHANGED = "unchanged"
    #: a worse revision held back while the site's health alarm is on
    HELD = "held"
    NOT_MODIFIED = "not_modified"
    SKIPPED_KNOWN = "skipped_known"
    RETRY_LATER = "retry_later"
    SKIPPED_FAILED = "skipped_failed"
    FOLLOWED_AS_LIST = "followed_as_list"
    #: followed by ``:<reason>``
    REJECTED = "rejected"
    #: followed by ``:<reason>``, for the reasons in IGNORED_REASONS
    IGNORED = "ignored"


#: rejections that a later run may well not meet again: the page stays pending and is retried
TRANSIENT_REASONS = frozenset({
    Reason.TIMEOUT, Reason.DNS_ERROR, Reason.CONNECTION_ERROR, Reason.FETCH_ERROR, Reason.TRUNCATED,
    Reason.INTERRUPTED,
    Reason.SOFT_404, Reason.BLOCKED, Reason.CAPTCHA, Reason.MAINTENANCE, Reason.LOGIN_REQUIRED,
    Reason.EMPTY_PAGE, Reason.MOJIBAKE,
    "http_408", "http_412", "http_425", "http_429",
})
#: reasons that are a rule's decision rather than a failure
IGNORED_REASONS = frozenset({Reason.ROBOTS_FORBIDDEN, Reason.OFFSITE, Reason.DUPLICATE, Reason.CHANNEL_PAGE})
#: rejection reasons that mean the site refused us rather than failed (exit code BLOCKED):
#: a firewall, a challenge, or a login wall in front of what the entry says is public
BLOCK_REASONS = frozenset({Reason.BLOCKED, Reason.CAPTCHA, Reason.LOGIN_REQUIRED, "http_412", "http_403"})
#: the two open families: an HTTP status, a record field that failed the schema
_FAMILY = re.compile(r"http_[1-5]\d\d|invalid_\w+")
_VALUES = frozenset(reason.value for reason in Reason)


def http_reason(status: int) -> str:
    """The reason of a page answered with an error status: ``http_<status>``."""
    return f"http_{status}"


def invalid_reason(field: str) -> str:
    """The reason of a record whose field failed the schema: ``invalid_<field>``."""
    return f"invalid_{field}"


def is_reason(text: str) -> bool:
    """Whether ``text`` is a reason govcrawl records: a Reason, or one of the two families."""
    return text in _VALUES or _FAMILY.fullmatch(text) is not None


def is_transient(reason: str) -> bool:
    """Whether a page rejected for this reason should be tried again by later runs."""
    return reason in TRANSIENT_REASONS or (reason.startswith("http_5") and reason != "http_501")
