"""Why a request did not give a response the spider can use: one reason per kind of failure."""

from __future__ import annotations

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
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
from twisted.web.client import ResponseFailed

from govcrawl.exceptions import DownloadCut, NotModified
from govcrawl.reasons import Reason, http_reason

#: RobotsTxtMiddleware's message; a forbidden page is recorded, never fetched
ROBOTS_FORBIDDEN = "Forbidden by robots.txt"
#: messages of Scrapy's IgnoreRequest, by the reason govcrawl records (Scrapy raises the bare
#: IgnoreRequest for each, so its message is all that tells them apart)
_IGNORED = (
    ("Filtered offsite request", Reason.OFFSITE),
    ("max redirections reached", Reason.REDIRECT_LOOP),
    ("during decompression", Reason.DECOMPRESSION_BOMB),  # HttpCompressionMiddleware, past DOWNLOAD_MAXSIZE
)
#: the handler cancels a download only when the body grows past DOWNLOAD_MAXSIZE (a timeout
#: cancels too, but is raised as a timeout)
_CANCELLED = (DownloadCancelledError,)
#: Scrapy's own download errors, and the Twisted ones it leaves unwrapped (a TCP connect timeout,
#: a connection reset before the response)
_TYPES = (
    ((DownloadTimeoutError, TimeoutError, TCPTimedOutError, defer.TimeoutError), Reason.TIMEOUT),
    ((CannotResolveHostError, DNSLookupError), Reason.DNS_ERROR),
    ((DownloadConnectionRefusedError, ConnectError, ConnectionLost, ConnectionDone), Reason.CONNECTION_ERROR),
)
#: what cut a connection, as Twisted reports it inside ResponseFailed
_DROPPED = (ConnectError, ConnectionLost, ConnectionDone)


def failure_reason(failure: Failure) -> tuple[Reason | str, str] | None:
    """(reason, detail) of a failed request; None when it was a decision, not a failure."""
    message = failure.getErrorMessage()
    if failure.check(NotModified):
        return None
    if failure.check(HttpError):
        status = failure.value.response.status
        return http_reason(status), f"HTTP {status}"
    if failure.check(IgnoreRequest):
        return _ignored(failure, message)
    if failure.check(DownloadCut):
        return Reason.INTERRUPTED, message
    if failure.check(*_CANCELLED):
        return Reason.TOO_LARGE, message or "the body grew past DOWNLOAD_MAXSIZE"
    for types, reason in _TYPES:
        if failure.check(*types):
            return reason, f"{failure.type.__name__}: {message}"
    return _failed_response(failure) or (Reason.FETCH_ERROR, f"{failure.type.__name__}: {message}")


def _failed_response(failure: Failure) -> tuple[Reason, str] | None:
    """A response that broke off: cut short before its length (truncated), or reset or closed
    (connection_error); None for anything else, a malformed answer say."""
    failed = _response_failed(failure.value)
    reasons = failed.reasons if failed is not None else []
    cut = failure.check(ResponseDataLossError) is not None
    dropped = [r for r in reasons if r.check(*_DROPPED)]
    if cut and not any(r.check(ConnectionLost) for r in dropped):
        return Reason.TRUNCATED, "the response ended before its announced length"
    if dropped:
        what = "reset mid-body" if cut else type(failed).__name__  # ResponseNeverReceived …
        return Reason.CONNECTION_ERROR, f"{what}: {dropped[0].getErrorMessage()}"
    return None


def _response_failed(error: BaseException) -> ResponseFailed | None:
    """Twisted's ResponseFailed behind an error: itself, or the one Scrapy wrapped
    (ResponseDataLossError, DownloadFailedError)."""
    for candidate in (error, error.__cause__):
        if isinstance(candidate, ResponseFailed):
            return candidate
    return None


def _ignored(failure: Failure, message: str) -> tuple[Reason, str]:
    if ROBOTS_FORBIDDEN in message:
        return Reason.ROBOTS_FORBIDDEN, message
    for marker, reason in _IGNORED:
        if marker in message:
            redirected = bool(failure.request.meta.get("redirect_urls"))
            return (Reason.OFFSITE_REDIRECT if redirected and reason == Reason.OFFSITE else reason), message
    return Reason.IGNORED, message
