"""govcrawl: crawl Chinese local-government and media news sites into clean JSON Lines."""

import os

__version__ = "0.1.0"

# Scrapy's cookie middleware asks tldextract for the public-suffix list, which it downloads on
# first use (and logs a traceback when offline): a crawl must not depend on a third site being
# reachable, and the snapshot tldextract ships is enough to judge cookie domains. tldextract
# reads this when Scrapy builds its extractor, which is after a project's settings are loaded;
# set it yourself (a URL or a local file) to use another list.
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
