"""Why a request did not give a response the spider can use: one reason per kind of failure."""

from __future__ import annotations

from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import defer
from twisted.internet.error import (
    ConnectError,
    ConnectionDone,
    ConnectionLost,
    DNSLookupError,
    TCPTimedOutError,
    TimeoutError,
)
from twisted.python.failure import Failure
from twisted.web._newclient import ResponseFailed, ResponseNeverReceived

#: RobotsTxtMiddleware's message; a forbidden page is recorded, never fetched
ROBOTS_FORBIDDEN = "Forbidden by robots.txt"
#: the incremental middleware's own decision (304): not a failure at all
NOT_MODIFIED = "not modified"
#: messages of Scrapy's IgnoreRequest, by the reason govcrawl records
_IGNORED = (
    ("Filtered offsite request", "offsite"),
    ("max redirections reached", "redirect_loop"),
    ("larger than the download max size", "decompression_bomb"),
)
_TWISTED = (
    ((TimeoutError, TCPTimedOutError, defer.TimeoutError), "timeout"),
    ((DNSLookupError,), "dns_error"),
    ((ConnectError, ConnectionLost, ConnectionDone, ResponseNeverReceived), "connection_error"),
)


def failure_reason(failure: Failure) -> tuple[str, str] | None:
    """(reason, detail) of a failed request; None when it was a decision, not a failure."""
    message = failure.getErrorMessage()
    if failure.check(HttpError):
        status = failure.value.response.status
        return f"http_{status}", f"HTTP {status}"
    if failure.check(IgnoreRequest):
        return _ignored(failure, message)
    if "larger than download max size" in message:
        return "too_large", message
    if failure.check(ResponseFailed) and "PotentialDataLoss" in repr(failure.value.reasons):
        return "truncated", "the response ended before its announced length"
    for types, reason in _TWISTED:
        if failure.check(*types):
            return reason, f"{failure.type.__name__}: {message}"
    return "fetch_error", f"{failure.type.__name__}: {message}"


def _ignored(failure: Failure, message: str) -> tuple[str, str] | None:
    if message.startswith(NOT_MODIFIED):
        return None
    if ROBOTS_FORBIDDEN in message:
        return "robots_forbidden", message
    for marker, reason in _IGNORED:
        if marker in message:
            redirected = bool(failure.request.meta.get("redirect_urls"))
            return ("offsite_redirect" if redirected and reason == "offsite" else reason), message
    return "ignored", message
