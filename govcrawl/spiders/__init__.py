"""Generic spiders; one spider name per site entry (see govcrawl.spiderloader)."""
