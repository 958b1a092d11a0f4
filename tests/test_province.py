"""One run of a whole province's sites (what `govcrawl add --province` gives): every site's
articles, a line per site and a total, and a blocked, a dead and a hanging site that hold up
no other site."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import threading
import time
from contextlib import ExitStack
from pathlib import Path

from govcrawl.siteserver import serve_site
from tests.conftest import FAST_SETTINGS
from tests.sitegen import GeneratedSite

N_SITES = 50
ARTICLES = 3
HOSTILE = Path(__file__).parent / "extract" / "fixtures" / "hostile"


def _host(n: int) -> str:
    """A loopback address of its own for site n: a host name of its own for the crawl."""
    return f"127.0.{n // 200}.{n % 200 + 2}"


def _entry(tmp: Path, key: str, base: str) -> Path:
    host = base.split("//")[1].split(":")[0]
    path = tmp / "entries" / f"{key}.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(f'key = "{key}"\nname = "{key}县人民政府"\ndomains = ["{host}"]\n'
                    f'start_urls = ["{base}/xwzx/tzgg/"]\n', encoding="utf-8")
    return path


def _dead_base() -> str:
    """A loopback address and port where nothing listens (connection refused at once)."""
    with socket.socket() as sock:
        sock.bind((_host(N_SITES + 1), 0))
        return f"http://{_host(N_SITES + 1)}:{sock.getsockname()[1]}"


def _exported(out: Path, key: str) -> list[dict]:
    return [json.loads(line) for f in out.glob(f"{key}/*/*.jsonl") for line in f.read_text(encoding="utf-8").splitlines()]


def _wait_for_exports(out: Path, keys: list[str], proc: subprocess.Popen[str]) -> None:
    """Until every one of these sites has published its export, within three minutes."""
    deadline = time.monotonic() + 180
    while any(not list(out.glob(f"{key}/*/*.jsonl")) for key in keys):
        assert proc.poll() is None, "the run ended before every site published"
        assert time.monotonic() < deadline, [k for k in keys if not list(out.glob(f"{k}/*/*.jsonl"))]
        time.sleep(0.1)


def test_a_province_runs_every_site_and_a_blocked_dead_or_hanging_site_holds_up_none(tmp_path: Path) -> None:
    hold, out = threading.Event(), tmp_path / "out"
    entries, good = [], []
    with ExitStack() as stack:
        stack.callback(hold.set)  # a failed assertion must not leave the hanging site's threads waiting
        for n in range(N_SITES):
            site = GeneratedSite(tmp_path / f"site{n}", per_page=10)
            site.add(ARTICLES)
            key = f"s{n:02d}"
            if key == "s01":  # every article answered with a firewall's block page
                for a in range(1, ARTICLES + 1):
                    (site.root / site.article_path(a).lstrip("/")).write_bytes(
                        (HOSTILE / "blocked_safedog.html").read_bytes())
            base = stack.enter_context(serve_site(site.root, host=_host(n), hold=hold if key == "s00" else None))
            entries.append(_entry(tmp_path, key, base))
            good += [key] if key not in ("s00", "s01") else []
        entries.append(_entry(tmp_path, "dead", _dead_base()))
        args = [sys.executable, "-m", "govcrawl.cli", "run", *map(str, entries), "--state", str(tmp_path / "state.sqlite"),
                "--out", str(out), "-s", "GOVCRAWL_SITES_AT_ONCE=4", "-s", "DOWNLOAD_TIMEOUT=300"]
        for setting in FAST_SETTINGS:
            args += ["-s", setting]
        proc = subprocess.Popen(args, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        # s00 hangs, holding one of the four places: the 48 others are all crawled meanwhile
        _wait_for_exports(out, good, proc)
        assert proc.poll() is None and not list(out.glob("s00/*/*.jsonl"))
        hold.set()
        stdout, stderr = proc.communicate(timeout=180)
    assert proc.returncode == 1, stderr[-3000:]  # the dead site's failure is the most serious
    for key in [*good, "s00"]:
        assert len(_exported(out, key)) == ARTICLES, key
    assert "s01: BLOCKED: 3 pages were block or challenge pages" in stderr
    lines = stdout.splitlines()
    for key in [*good, "s00", "s01"]:
        assert any(line.startswith(f"{key}: ") for line in lines), key
    assert any(line.startswith("dead: ") for line in (stdout + stderr).splitlines())
    total = f"total: {N_SITES + 1} sites (49 ok, 1 blocked, 1 failed), "
    assert any(line.startswith(total) for line in lines), lines[-3:]


def test_ctrl_c_during_a_province_run_starts_no_further_site(tmp_path: Path) -> None:
    hold, seen, out = threading.Event(), [], tmp_path / "out"
    with ExitStack() as stack:
        stack.callback(hold.set)
        entries = []
        for n in range(3):
            site = GeneratedSite(tmp_path / f"site{n}", per_page=10)
            site.add(ARTICLES)
            base = stack.enter_context(serve_site(site.root, host=_host(n), hold=hold if n == 0 else None,
                                                  seen=seen if n == 0 else None))
            entries.append(_entry(tmp_path, f"s{n}", base))
        args = [sys.executable, "-m", "govcrawl.cli", "run", *map(str, entries), "--state", str(tmp_path / "state.sqlite"),
                "--out", str(out), "-s", "GOVCRAWL_SITES_AT_ONCE=1", "-s", "GOVCRAWL_SHUTDOWN_GRACE=0.5",
                *[arg for setting in FAST_SETTINGS for arg in ("-s", setting)]]
        proc = subprocess.Popen(args, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        while not seen:  # the first site's first request is waiting on the hanging server
            assert time.monotonic() < deadline and proc.poll() is None, "the run never reached the first site"
            time.sleep(0.05)
        proc.send_signal(signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 1, stderr[-3000:]
    for key in ("s1", "s2"):
        assert f"{key}: not crawled: the run was stopped before this site's turn" in stderr
        assert not (out / key).exists()
    assert "total: 3 sites (3 failed)" in stdout
