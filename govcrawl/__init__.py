"""govcrawl: crawl Chinese local-government and media news sites into clean JSON Lines."""

__version__ = "0.1.0"
