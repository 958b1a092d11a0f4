"""A real Scrapyd on 127.0.0.1 for the deployment test, and scrapyd-deploy run against it.

Both run as subprocesses of the tools' own executables, as a user would run them; the test
process only speaks HTTP to them (so pytest's warnings-as-errors never sees their warnings).
"""

from __future__ import annotations

import configparser
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PROJECT = "govcrawl"
#: what scrapyd-deploy needs to build the egg: the package and its packaging metadata
PROJECT_FILES = ("scrapy.cfg", "pyproject.toml", "README.md")
CONFIG = """[scrapyd]
bind_address = 127.0.0.1
http_port = {port}
eggs_dir = {home}/eggs
logs_dir = {home}/logs
dbs_dir = {home}/dbs
items_dir =
jobs_to_keep = 5
max_proc = 2
poll_interval = 0.2
"""


def tool(name: str) -> str | None:
    """An executable of the running interpreter's environment, else one on PATH."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.is_file() else shutil.which(name)


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ScrapydServer:
    """Scrapyd in its own folder (it reads ``scrapyd.conf`` from its working directory)."""

    def __init__(self, executable: str, home: Path, site_dirs: list[Path]):
        self.executable, self.home, self.site_dirs = executable, home, site_dirs
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 30) -> None:
        """Start Scrapyd and wait until daemonstatus.json answers."""
        self.home.mkdir(parents=True)
        (self.home / "scrapyd.conf").write_text(
            CONFIG.format(port=self.port, home=self.home), encoding="utf-8")
        env = {**os.environ, "PYTHONUNBUFFERED": "1",
               "GOVCRAWL_SITE_DIRS": os.pathsep.join(map(str, self.site_dirs))}
        with (self.home / "scrapyd.out").open("wb") as out:
            self.proc = subprocess.Popen([self.executable], cwd=self.home, env=env,
                                         stdout=out, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"scrapyd exited {self.proc.returncode}:\n{self.output()}")
            try:
                if self.get("daemonstatus.json")["status"] == "ok":
                    return
            except OSError:
                time.sleep(0.1)
        raise TimeoutError(f"scrapyd did not answer in {timeout} s:\n{self.output()}")

    def stop(self) -> None:
        """Stop Scrapyd (SIGTERM, then SIGKILL if it hangs)."""
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def output(self) -> str:
        return (self.home / "scrapyd.out").read_text(encoding="utf-8", errors="replace")[-4000:]

    def get(self, endpoint: str, **params: str) -> dict[str, Any]:
        query = f"?{urllib.parse.urlencode(params)}" if params else ""
        with urllib.request.urlopen(self.url + endpoint + query, timeout=10) as resp:
            return json.loads(resp.read())

    def post(self, endpoint: str, fields: list[tuple[str, str]]) -> dict[str, Any]:
        data = urllib.parse.urlencode(fields).encode()
        with urllib.request.urlopen(self.url + endpoint, data=data, timeout=60) as resp:
            return json.loads(resp.read())

    def schedule(self, spider: str, settings: list[str]) -> str:
        """Schedule a crawl through schedule.json; the job id."""
        fields = [("project", PROJECT), ("spider", spider), *(("setting", s) for s in settings)]
        answer = self.post("schedule.json", fields)
        assert answer.get("status") == "ok", answer
        return answer["jobid"]

    def wait(self, job: str, timeout: float = 120) -> None:
        """Poll listjobs.json until the job has finished."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            jobs = self.get("listjobs.json", project=PROJECT)
            if any(j["id"] == job for j in jobs["finished"]):
                return
            time.sleep(0.2)
        raise TimeoutError(f"job {job} not finished after {timeout} s:\n{self.output()}")

    def job_log(self, spider: str, job: str) -> str:
        path = self.home / "logs" / PROJECT / spider / f"{job}.log"
        return path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""


def deploy(url: str, workdir: Path) -> None:
    """Deploy with scrapyd-deploy from a copy of the project (it writes setup.py and build/)."""
    shutil.copytree(ROOT / "govcrawl", workdir / "govcrawl",
                    ignore=shutil.ignore_patterns("__pycache__"))
    for name in PROJECT_FILES:
        shutil.copy2(ROOT / name, workdir / name)
    cfg = configparser.ConfigParser()
    cfg.read(workdir / "scrapy.cfg", encoding="utf-8")
    cfg["deploy:test"] = {"url": url, "project": PROJECT}
    with (workdir / "scrapy.cfg").open("w", encoding="utf-8") as f:
        cfg.write(f)
    executable = tool("scrapyd-deploy")
    assert executable, "scrapyd-deploy (scrapyd-client) is not installed"
    proc = subprocess.run([executable, "test"], cwd=workdir, capture_output=True, text=True,
                          timeout=120, check=False)
    assert proc.returncode == 0 and '"status": "ok"' in proc.stdout, proc.stdout + proc.stderr
