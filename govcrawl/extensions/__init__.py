"""Scrapy extensions of govcrawl."""
