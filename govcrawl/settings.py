"""Scrapy settings for govcrawl: polite by default, UTF-8 JSON Lines out."""

from govcrawl import paths
from govcrawl.items import EXPORT_FIELDS

BOT_NAME = "govcrawl"
SPIDER_LOADER_CLASS = "govcrawl.spiderloader.SiteSpiderLoader"
#: extra folders of site entries (besides the bundled ones and $GOVCRAWL_HOME/data/sites)
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

# Extraction finishes every field the page decides; pipelines are crawl concerns only.
ITEM_PIPELINES = {
    "govcrawl.pipelines.hash_content.HashContentPipeline": 500,
    "govcrawl.pipelines.assign_revision.AssignRevisionPipeline": 700,
    "govcrawl.pipelines.validate.ValidateArticlePipeline": 800,
}
SPIDER_MIDDLEWARES = {
    "govcrawl.distributed.worker.SeedOnceMiddleware": 50,  # distributed mode only
    "govcrawl.middlewares.incremental.IncrementalSpiderMiddleware": 950,
    # closest to the spider: every later component sees one URL per page
    "govcrawl.middlewares.canonical.CanonicalUrlMiddleware": 990,
}
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "govcrawl.middlewares.offsite.RecordedOffsiteMiddleware": 50,
    # before the conditional fetch, retries and redirects: a page discovery fetched is not asked again
    "govcrawl.middlewares.discovered.DiscoveredPageMiddleware": 60,
    "govcrawl.middlewares.incremental.ConditionalFetchMiddleware": 580,
}
EXTENSIONS = {
    "govcrawl.extensions.rejects.RejectsLog": 500,
    "govcrawl.extensions.run.RunComponent": 510,  # the run: store, lock, export, report
    # after the run component: it publishes the archive once the run is published
    "govcrawl.extensions.archive.WarcArchive": 515,
    "govcrawl.extensions.progress.SiteProgress": 520,
    "govcrawl.distributed.worker.DistributedWorker": 530,  # distributed mode only
    "govcrawl.extensions.shutdown.ShutdownGrace": 540,
}
#: seconds a stopping crawl (Ctrl-C, SIGTERM) waits for its downloads in flight before cutting them
GOVCRAWL_SHUTDOWN_GRACE = 3.0
#: downloads that Ctrl-C can cut (Scrapy's HTTP/1.1 handler otherwise)
DOWNLOAD_HANDLERS = {
    "http": "govcrawl.extensions.shutdown.CuttableDownloadHandler",
    "https": "govcrawl.extensions.shutdown.CuttableDownloadHandler",
}
#: seconds between per-site progress lines (0: none)
GOVCRAWL_PROGRESS_INTERVAL = 30.0

# Exports: each run writes <dir>/<site>/<YYYY-MM-DD>/<run-id>.jsonl, published atomically
# when the run closes, with <run-id>.report.json beside it. Setting FEEDS (as -o/-O do)
# replaces this with Scrapy's own feed export.
GOVCRAWL_EXPORT_DIR = str(paths.exports_dir())  # $GOVCRAWL_HOME/data/exports
FEEDS: dict = {}
#: rejected pages and items (JSON Lines); None: rejects/<run-id>.jsonl in the run's folder.
#: A path template with %(name)s (spider) and %(time)s puts them elsewhere.
GOVCRAWL_REJECTS_URI = None
#: a folder for the WARC archive of every page fetched (``--archive DIR``):
#: <dir>/<site>/<YYYY-MM-DD>/<run-id>.warc.gz, published with the run; None: no archive
GOVCRAWL_ARCHIVE_DIR = None
#: an archive file is closed past this size and the next one begun (<run-id>-001.warc.gz, -002 …)
GOVCRAWL_ARCHIVE_MAX_BYTES = 1_000_000_000
#: a fixed run id instead of <UTC start>-<random> (tests and reproducible runs)
GOVCRAWL_RUN_ID = None

# Incremental runs (`govcrawl run` turns them on): where the state lives, and how it is used.
GOVCRAWL_STATE_PATH = None
#: how a run holds its site and ends: alone (this), or as one worker of a distributed run
#: (``--redis`` switches to ``govcrawl.distributed.mode.DistributedMode``)
GOVCRAWL_RUN_MODE = "govcrawl.run_mode.LocalRun"
#: set by govcrawl's ``scrapy parse``: a look at one page, with no export, rejects, report or state
GOVCRAWL_PARSE_ONLY = False
COMMANDS_MODULE = "govcrawl.commands"
GOVCRAWL_STATE_CLASS = "govcrawl.state.sqlite.SQLiteState"
GOVCRAWL_LOCK_DIR = None  # default: locks/ beside the state file
#: a redis://host:port/db URL (or the environment variable of this name): the state and the
#: site locks live there instead, shared by every machine that runs the site list
GOVCRAWL_REDIS_URL = None
#: seconds a Redis site lock outlives a holder that died (a live holder renews it); in the
#: distributed mode also the heartbeat expiry after which the other workers take a worker's
#: requests over
GOVCRAWL_LOCK_TTL = 30.0
#: seconds a run waits (retrying with back-off) for a Redis that went away, before it ends
#: with the state/export exit code naming Redis
GOVCRAWL_REDIS_WAIT = 60.0
#: distributed mode (`--redis`): a worker exits once the shared frontier has been empty, and
#: every worker idle, for this long; an idle worker looks at the frontier this often
GOVCRAWL_IDLE_EXIT_SECONDS = 5.0
GOVCRAWL_POLL_INTERVAL = 0.2
GOVCRAWL_REFRESH = False  # fetch every known article again, conditionally
GOVCRAWL_REFRESH_AFTER_DAYS = 0  # > 0: refetch known articles last seen this long ago
GOVCRAWL_STOP_AFTER_KNOWN_PAGES = 1  # stop paging a column after this many all-known pages
#: a page that failed for a transient reason (5xx, timeout, block page …) is retried by later
#: runs with back-off (the next run, then every 2nd, 4th …) and given up after this many failures
GOVCRAWL_RETRY_MAX_ATTEMPTS = 5
#: sites crawled at once by one run of many sites (a province): the next starts as one ends, so a
#: slow, blocked or dead site holds one place, never the others; each keeps its per-host limits
GOVCRAWL_SITES_AT_ONCE = 8
#: each run refetches (conditionally) up to this many known articles first seen in the last
#: GOVCRAWL_RECHECK_DAYS, the longest unchecked first, so that edits are caught without --refresh
#: (a county site publishes tens of articles a week: a 304 each costs little)
GOVCRAWL_RECHECK_BUDGET = 100
GOVCRAWL_RECHECK_DAYS = 7
# Home-only entries: columns are looked for this many links deep from the home page (a channel
# page's blocks are one level down, a department's sub-channels two or three), fetching at most
# GOVCRAWL_DISCOVERY_MAX_PAGES pages that are not lists, plus one more for each list found (the
# budget grows with the site); the report names the column links the budget left out.
GOVCRAWL_DISCOVERY_DEPTH = 4
# Bounds on paging, each reported when reached (the report's bounds_reached): a column's pages
# (an entry's max_pages wins), the run's list pages in all, and list pages in a row without an
# article link (a calendar or an archive without end; a column missing a few pages goes on).
GOVCRAWL_MAX_COLUMN_PAGES = 1000
GOVCRAWL_MAX_LIST_PAGES = 20000
GOVCRAWL_EMPTY_PAGES_STOP = 10
GOVCRAWL_DISCOVERY_MAX_PAGES = 300
# ... and links cut from one URL template with an id (a directory's profiles, a filter per
# province) this many at a time: the rest only once one of them reads as a list or an article
# (0: every link at once). The report's discovery.templates_left_out names what stayed out.
GOVCRAWL_DISCOVERY_SAMPLES = 3
# The pages the search for columns fetched are kept in memory (this many bytes of body in all for
# each site crawled at once, 0: none) and given to the first later request for the same URL (an
# article a column lists, a 头条 requested once the columns are read): the server is asked once.
GOVCRAWL_DISCOVERY_KEEP_BYTES = 16 * 1024 * 1024
# Home-only entries: articles linked from other articles (上一篇/下一篇, 相关阅读) with the URL shape
# of the linking one, this many links away from a listed article, exported when they show a date
# (0: none). Older articles are often reachable only so; known ones are never fetched again.
GOVCRAWL_RELATED_HOPS = 2
GOVCRAWL_STAGE_BATCH = 1000  # exported articles staged in the state per write

FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORT_FIELDS = EXPORT_FIELDS
FEED_STORE_EMPTY = True

TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
LOG_LEVEL = "INFO"
# govcrawl crawl/run/check write the log above to a file (govcrawl.logfile) and copy to stderr
# only records of this level and above; -v copies the whole log
GOVCRAWL_STDERR_LOG_LEVEL = "WARNING"
LOGSTATS_INTERVAL = 30.0
