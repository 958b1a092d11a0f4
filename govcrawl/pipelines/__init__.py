"""Item pipelines: crawl concerns only (hash, revision, validation), one per module, ordered
with gaps in settings.ITEM_PIPELINES. Everything the page decides is done by extraction."""
