"""govcrawl's own signals (Scrapy's are in ``scrapy.signals``)."""

#: sent by the spider for a page that yields no item (HTTP error, not HTML …), with
#: ``url``, ``reason`` and ``detail``; the rejects log writes it down
page_rejected = object()

#: sent by the run component at each step of publishing a run (``step``: ``before_stage``,
#: ``before_publish``, ``after_publish``): the archive makes its files durable before the
#: publish, and a test can stop a run between two steps
run_step = object()

#: sent by the shutdown extension when a stopping crawl has waited long enough for its downloads:
#: the download handler cuts the ones in flight (and returns how many)
cut_downloads = object()

#: sent by the discovered-page middleware when it answers a request with the answer the search
#: for columns had for the same page (``request``: the new one, ``record``: the WARC-Record-ID of
#: that answer's response record, None when the run is not archived): the archive writes the
#: reuse down as a metadata record
page_reused = object()
