"""Scrapy's off-site filter, with every article and every redirected page it filters written down.

Scrapy drops an off-site request when it is scheduled, without calling its errback and without
``request_dropped``, so an article that redirects to another host (or a list link to one) would
leave no trace, and a column that moved to another host would only look like a site with no
list. This subclass signals a rejection for each article it filters and for each list or
column page whose redirect left the site, then filters it.
"""

from __future__ import annotations

from scrapy import Request, Spider
from scrapy.downloadermiddlewares.offsite import OffsiteMiddleware
from scrapy.exceptions import IgnoreRequest

from govcrawl import request_meta as meta
from govcrawl.reasons import Reason
from govcrawl.signals import page_rejected


class RecordedOffsiteMiddleware(OffsiteMiddleware):
    """OffsiteMiddleware that records the requests it filters: articles (offsite,
    offsite_redirect) and pages of any kind that a redirect took off the site."""

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        try:
            super().process_request(request)
        except IgnoreRequest as exc:
            chain = request.meta.get("redirect_urls") or []
            if chain or request.meta.get(meta.KIND) == "article":
                self.crawler.signals.send_catch_log(
                    page_rejected, url=(chain or [request.url])[0],
                    reason=Reason.OFFSITE_REDIRECT if chain else Reason.OFFSITE,
                    detail=f"{exc} ({request.url})", column_name=request.cb_kwargs.get("column_name"),
                )
            raise
