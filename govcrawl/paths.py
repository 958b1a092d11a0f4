"""Where a user's site entries, crawl state and exports live: one place, GOVCRAWL_HOME.

Unset, it is the working directory (as a checkout is used: `cd /srv/govcrawl && govcrawl run`);
set it and a cron job or a service finds the same folders wherever it starts.
"""

from __future__ import annotations

import os
from pathlib import Path

HOME_ENV = "GOVCRAWL_HOME"


def home() -> Path:
    """GOVCRAWL_HOME, else the working directory, absolute (messages name real folders)."""
    return Path(os.environ.get(HOME_ENV) or ".").resolve()


def sites_dir() -> Path:
    """The user's own site entries: <home>/data/sites."""
    return home() / "data" / "sites"


def state_file() -> Path:
    """The default crawl state: <home>/data/state/govcrawl.sqlite."""
    return home() / "data" / "state" / "govcrawl.sqlite"


def exports_dir() -> Path:
    """The default export tree: <home>/data/exports."""
    return home() / "data" / "exports"
