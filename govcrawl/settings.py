"""Scrapy settings for govcrawl: polite by default, UTF-8 JSON Lines out."""

from govcrawl.items import EXPORT_FIELDS

BOT_NAME = "govcrawl"
SPIDER_LOADER_CLASS = "govcrawl.spiderloader.SiteSpiderLoader"
#: extra folders of site entries (besides the bundled ones and ./data/sites)
GOVCRAWL_SITE_DIRS: list[str] = []

# An honest User-Agent that says who we are; the spider builds it from this URL.
GOVCRAWL_CONTACT_URL = "https://github.com/govcrawl/govcrawl"
ROBOTSTXT_OBEY = True

# Government sites are small and often behind firewalls that punish bursts.
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 60
DOWNLOAD_MAXSIZE = 32 * 1024 * 1024
RETRY_TIMES = 2

ITEM_PIPELINES = {
    "govcrawl.pipelines.normalize_published.NormalizePublishedPipeline": 100,
    "govcrawl.pipelines.parse_source.ParseSourcePipeline": 200,
    "govcrawl.pipelines.strip_chrome.StripChromePipeline": 300,
    "govcrawl.pipelines.simplify_script.SimplifyScriptPipeline": 400,
    "govcrawl.pipelines.hash_content.HashContentPipeline": 500,
    "govcrawl.pipelines.validate.ValidateArticlePipeline": 800,
}

EXTENSIONS = {
    "govcrawl.extensions.rejects.RejectsLog": 500,
}
#: where rejected pages and items go (JSON Lines); %(name)s is the site, %(time)s the start
GOVCRAWL_REJECTS_URI = "data/exports/%(name)s/rejects-%(time)s.jsonl"

FEEDS = {
    "data/exports/%(name)s/%(time)s.jsonl": {"format": "jsonlines"},
}
FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORT_FIELDS = EXPORT_FIELDS
FEED_STORE_EMPTY = True

TELNETCONSOLE_ENABLED = False
LOG_LEVEL = "INFO"
LOGSTATS_INTERVAL = 30.0
