"""``govcrawl demo``: crawl the bundled sample site, served on loopback, end to end."""

from __future__ import annotations

import tomllib
from pathlib import Path

from govcrawl.crawling import crawl_sites, print_summary, project_settings
from govcrawl.exit_codes import ExitCode
from govcrawl.sites import SiteEntry
from govcrawl.siteserver import serve_site

SAMPLE_SITE = Path(__file__).resolve().parents[1] / "data" / "sample-site"

#: our own loopback server: no need for the politeness real sites get
LOOPBACK_SETTINGS = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_START_DELAY": 0,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
    "LOG_LEVEL": "WARNING",
}


def sample_entry(base_url: str, site_dir: Path = SAMPLE_SITE) -> SiteEntry:
    """The sample site's entry, pointed at the server at ``base_url``."""
    text = (site_dir / "site.toml").read_text(encoding="utf-8").replace("{base}", base_url)
    return SiteEntry.model_validate(tomllib.loads(text))


def run_demo(out_dir: Path, site_dir: Path = SAMPLE_SITE) -> ExitCode:
    """Serve, crawl, export, summarise; non-zero exit when the crawl failed or found nothing."""
    if not (site_dir / "site.toml").is_file():
        print(f"govcrawl demo: no sample site at {site_dir}")
        return ExitCode.USAGE
    with serve_site(site_dir) as base_url:
        print(f"Serving the sample site {site_dir} at {base_url}")
        entry = sample_entry(base_url, site_dir)
        [summary] = crawl_sites([entry], project_settings(LOOPBACK_SETTINGS), out_dir=out_dir)
    print_summary(summary)
    return ExitCode.FAILED if summary.failed or summary.exported == 0 else ExitCode.OK
