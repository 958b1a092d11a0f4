"""govcrawl.extract must stay pure: importing it pulls in neither Scrapy nor Twisted."""

from __future__ import annotations

import subprocess
import sys


def test_no_scrapy_or_twisted_in_fresh_interpreter() -> None:
    code = (
        "import sys, govcrawl.extract, govcrawl.extract.urls\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'scrapy', 'twisted'})\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert result.stdout.strip() == ""
