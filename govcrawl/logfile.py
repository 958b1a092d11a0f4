"""Where a command's log goes: Scrapy's full log to a file, only warnings and errors on stderr.

A nightly run's useful output is its summary and its problems; Scrapy's settings, middleware
lists and stats dump (about 140 lines a site) would bury them in a cron log. They go to
``<folder>/logs/<time>-<command>-<pid>.log`` instead (``LOG_FILE``), and ``-v`` shows them on
stderr as well (``GOVCRAWL_STDERR_LOG_LEVEL``).
"""

from __future__ import annotations

import logging
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from scrapy.settings import Settings

#: what the stderr handler installed by echo_to_stderr is called (so that it is installed once)
HANDLER_NAME = "govcrawl-stderr"


def log_path(folder: Path, command: str) -> Path:
    """A new log file of ``command`` under ``<folder>/logs``; the pid keeps workers started in
    the same second apart."""
    return folder / "logs" / f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}-{command}-{os.getpid()}.log"


def route_log(settings: Settings, folder: Path, command: str, *, verbose: bool) -> None:
    """Send Scrapy's log to a file under ``folder`` (unless ``-s LOG_FILE=…`` names one), and
    keep stderr for warnings and errors unless ``verbose``."""
    path = Path(settings.get("LOG_FILE") or log_path(folder, command)).resolve()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:  # the export folder cannot be made (--out at a file): the run says why itself
        if not verbose:
            settings.set("LOG_LEVEL", "WARNING", priority="cmdline")
        return
    settings.set("LOG_FILE", str(path), priority="cmdline")
    # each crawler reinstalls Scrapy's handler: truncating would keep only the last site's log
    settings.set("LOG_FILE_APPEND", True, priority="cmdline")
    if verbose:
        settings.set("GOVCRAWL_STDERR_LOG_LEVEL", settings.get("LOG_LEVEL"), priority="cmdline")


def echo_to_stderr(settings: Settings) -> None:
    """Name the log file on stderr, and copy records of GOVCRAWL_STDERR_LOG_LEVEL and above there.
    Called once Scrapy has configured logging (which would close an earlier handler), so that a
    command that stops before (Redis unreachable) names no log it never wrote."""
    level, path = settings.get("GOVCRAWL_STDERR_LOG_LEVEL"), settings.get("LOG_FILE")
    root = logging.getLogger()
    if not path or not level or any(h.name == HANDLER_NAME for h in root.handlers):
        return
    print(f"govcrawl: log: {path}", file=sys.stderr)
    handler = logging.StreamHandler(sys.stderr)
    handler.set_name(HANDLER_NAME)
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter(settings.get("LOG_FORMAT"), settings.get("LOG_DATEFORMAT")))
    root.addHandler(handler)
