"""failure_reason tells failures apart by their types, never by their messages."""

from __future__ import annotations

from scrapy import Request
from scrapy.exceptions import IgnoreRequest, ResponseDataLossError
from twisted.internet.error import ConnectionLost
from twisted.python.failure import Failure
from twisted.web.client import ResponseFailed

from govcrawl.exceptions import NotModified
from govcrawl.reasons import Reason
from govcrawl.spiders.failures import failure_reason

URL = "http://www.example.gov.cn/art/1.html"


def _failure(error: BaseException) -> Failure:
    failure = Failure(error)
    failure.request = Request(URL)
    return failure


def test_a_304_is_a_decision_not_a_failure() -> None:
    assert failure_reason(_failure(NotModified(URL))) is None


def test_a_message_that_looks_like_a_304_is_still_a_refusal() -> None:
    assert failure_reason(_failure(IgnoreRequest(f"not modified: {URL}")))[0] == Reason.IGNORED


def test_a_body_cut_short_is_truncated() -> None:
    assert failure_reason(_failure(ResponseDataLossError()))[0] == Reason.TRUNCATED


def test_a_body_cut_by_a_reset_is_a_connection_error() -> None:
    error = ResponseDataLossError()
    error.__cause__ = ResponseFailed([Failure(ConnectionLost("reset"))])
    reason, detail = failure_reason(_failure(error))
    assert (reason, detail.split(":")[0]) == (Reason.CONNECTION_ERROR, "reset mid-body")
