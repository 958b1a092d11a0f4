"""Why a request did not give a response the spider can use: one reason per kind of failure."""

from __future__ import annotations

from scrapy import exceptions as scrapy_errors
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
from twisted.web._newclient import ResponseFailed, _DataLoss

#: RobotsTxtMiddleware's message; a forbidden page is recorded, never fetched
ROBOTS_FORBIDDEN = "Forbidden by robots.txt"
#: the incremental middleware's own decision (304): not a failure at all
NOT_MODIFIED = "not modified"
#: messages of Scrapy's IgnoreRequest, by the reason govcrawl records
_IGNORED = (
    ("Filtered offsite request", "offsite"),
    ("max redirections reached", "redirect_loop"),
    ("during decompression", "decompression_bomb"),  # HttpCompressionMiddleware, past DOWNLOAD_MAXSIZE
)


def _scrapy(*names: str) -> tuple[type[Exception], ...]:
    """Scrapy's own download errors: from 2.15 on, its handlers wrap Twisted's errors in them."""
    return tuple(getattr(scrapy_errors, name) for name in names if hasattr(scrapy_errors, name))


#: the handler cancels a download only when the body grows past DOWNLOAD_MAXSIZE (a timeout
#: cancels too, but is raised as a timeout); before 2.15, Twisted's own CancelledError
_CANCELLED = (*_scrapy("DownloadCancelledError"), defer.CancelledError)
#: the body ended before its Content-Length (or its last chunk); before 2.15, a ResponseFailed
_DATA_LOSS = _scrapy("ResponseDataLossError")
_TYPES = (
    ((*_scrapy("DownloadTimeoutError"), TimeoutError, TCPTimedOutError, defer.TimeoutError), "timeout"),
    ((*_scrapy("CannotResolveHostError"), DNSLookupError), "dns_error"),
    ((*_scrapy("DownloadConnectionRefusedError"), ConnectError, ConnectionLost, ConnectionDone), "connection_error"),
)
#: what cut a connection, as Twisted reports it inside ResponseFailed
_DROPPED = (ConnectError, ConnectionLost, ConnectionDone)


def failure_reason(failure: Failure) -> tuple[str, str] | None:
    """(reason, detail) of a failed request; None when it was a decision, not a failure."""
    message = failure.getErrorMessage()
    if failure.check(HttpError):
        status = failure.value.response.status
        return f"http_{status}", f"HTTP {status}"
    if failure.check(IgnoreRequest):
        return _ignored(failure, message)
    if "larger than download max size" in message or failure.check(*_CANCELLED):
        return "too_large", message or "the body grew past DOWNLOAD_MAXSIZE"
    for types, reason in _TYPES:
        if failure.check(*types):
            return reason, f"{failure.type.__name__}: {message}"
    return _failed_response(failure) or ("fetch_error", f"{failure.type.__name__}: {message}")


def _failed_response(failure: Failure) -> tuple[str, str] | None:
    """A response that broke off: cut short before its length (truncated), or reset or closed
    (connection_error); None for anything else, a malformed answer say."""
    failed = _response_failed(failure.value)
    reasons = failed.reasons if failed is not None else []
    cut = bool(failure.check(*_DATA_LOSS)) or any(r.check(_DataLoss) for r in reasons)
    dropped = [r for r in reasons if r.check(*_DROPPED)]
    if cut and not any(r.check(ConnectionLost) for r in dropped):
        return "truncated", "the response ended before its announced length"
    if dropped:
        what = "reset mid-body" if cut else type(failed).__name__  # ResponseNeverReceived …
        return "connection_error", f"{what}: {dropped[0].getErrorMessage()}"
    return None


def _response_failed(error: BaseException) -> ResponseFailed | None:
    """Twisted's ResponseFailed behind an error: itself, or the one Scrapy wrapped (≥ 2.15:
    ResponseDataLossError, DownloadFailedError)."""
    for candidate in (error, error.__cause__):
        if isinstance(candidate, ResponseFailed):
            return candidate
    return None


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
