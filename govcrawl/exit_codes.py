"""What `govcrawl crawl`, `govcrawl run` and `govcrawl sites` exit with: one code per kind of trouble, for cron.

When several sites end differently, the most serious code wins (the order of ``SEVERITY``).
The README's table is this module in prose.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Exit codes of the crawl commands."""

    OK = 0  #: every site ran and produced what it should
    FAILED = 1  #: a site's crawl ended abnormally, or not one of its list pages could be read
    USAGE = 2  #: bad command line, or a site named on it that has no readable entry
    HEALTH = 3  #: a site's figures collapsed against its last healthy runs
    LOCKED = 4  #: a site is locked by another run (a dataset folder: by another build)
    NO_ARTICLES = 5  #: a site's list pages were read but gave no article link
    BLOCKED = 6  #: a site answered with block or challenge pages instead of its articles
    STORAGE = 7  #: the state or an export could not be read or written (the state is not committed)
    ENTRY_FILE = 8  #: an entry file in the site folders could not be read (the other sites ran, or were listed)


#: most serious first
SEVERITY = (ExitCode.STORAGE, ExitCode.FAILED, ExitCode.BLOCKED, ExitCode.NO_ARTICLES,
            ExitCode.ENTRY_FILE, ExitCode.LOCKED, ExitCode.HEALTH, ExitCode.OK)


def worst(codes: list[ExitCode]) -> ExitCode:
    """The most serious of several sites' codes (OK when there are none)."""
    return min(codes, key=SEVERITY.index, default=ExitCode.OK)
