"""Item pipelines, one per module, ordered with gaps in settings.ITEM_PIPELINES."""
