"""govcrawl's own signals (Scrapy's are in ``scrapy.signals``)."""

#: sent by the spider for a page that yields no item (HTTP error, not HTML …), with
#: ``url``, ``reason`` and ``detail``; the rejects log writes it down
page_rejected = object()
