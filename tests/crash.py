"""A run killed (SIGKILL) between two steps of its publish, for the exactly-once tests.

Not shipped: a test's subprocess enables it with ``SCRAPY_SETTINGS_MODULE=tests.crash``
(govcrawl's settings plus this extension) and ``-s KILL_AT_STEP=<step>``.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import Self

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from govcrawl.settings import *  # noqa: F403 (govcrawl's settings, as a settings module)
from govcrawl.settings import EXTENSIONS as GOVCRAWL_EXTENSIONS
from govcrawl.signals import run_step

EXTENSIONS = {**GOVCRAWL_EXTENSIONS, "tests.crash.KillAtStep": 600}
ROOT = Path(__file__).resolve().parents[1]


class KillAtStep:
    """Dies as SIGKILL would when the run component reaches the step named by KILL_AT_STEP."""

    def __init__(self, step: str):
        self.step = step

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        step = crawler.settings.get("KILL_AT_STEP")
        if not step:
            raise NotConfigured
        extension = cls(step)
        crawler.signals.connect(extension.reached, signal=run_step)
        return extension

    def reached(self, step: str) -> None:
        if step == self.step:
            os.kill(os.getpid(), signal.SIGKILL)


def killed_at(step: str) -> tuple[list[str], dict[str, str]]:
    """The ``-s`` arguments and environment of a govcrawl subprocess to kill at ``step``."""
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "tests.crash",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    return ["-s", f"KILL_AT_STEP={step}"], env
