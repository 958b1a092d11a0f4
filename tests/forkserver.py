"""``govcrawl`` commands in fresh processes forked from one that has already imported govcrawl
and Scrapy: each command still runs alone in its own process (its own reactor, exit code, stdout,
stderr, signals), without paying ~1 CPU-second of imports per command.

``python -m tests.forkserver SOCKET`` is the server: it imports, then forks once per request
that arrives on the Unix socket. A forked handler forks the command's process and reports its
pid and then its return code, so that commands may overlap. Nothing is imported that installs a
reactor or configures logging: the command does that itself, as a cold start would.

Tests whose point is the cold start (a console script, ``GOVCRAWL_HOME`` …) or that signal a
command while it runs keep ``subprocess``; ``GOVCRAWL_TEST_FORKSERVER=0`` sends every command
through ``subprocess`` again.
"""

from __future__ import annotations

import atexit
import io
import json
import os
import random
import runpy
import selectors
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DISABLE_ENV = "GOVCRAWL_TEST_FORKSERVER"
#: what every crawl imports (Scrapy's remote-control extension brings aiohttp in even when it is
#: switched off); none of them installs a reactor (checked at start)
PRELOAD = [
    "govcrawl.cli", "govcrawl.crawling", "govcrawl.settings", "scrapy.crawler", "scrapy.core.engine",
    "scrapy.core.downloader.handlers.http11", "scrapy.downloadermiddlewares.robotstxt",
    "scrapy.extensions.remote_control",
]
_HEADER = struct.Struct("!I")


@dataclass(slots=True)
class Request:
    """One command: its arguments, working folder, environment and stdin/stdout/stderr."""

    args: list[str]
    cwd: str
    env: dict[str, str]
    fds: list[int]


# -- the server --------------------------------------------------------------------------------


def _preload() -> None:
    import importlib
    import logging

    for name in PRELOAD:
        importlib.import_module(name)
    # `python -m govcrawl.cli` runs the module as __main__ without importing it first: its
    # imports stay loaded, the module itself is run anew by each command
    del sys.modules["govcrawl.cli"]
    delattr(sys.modules["govcrawl"], "cli")
    if "twisted.internet.reactor" in sys.modules or logging.getLogger().handlers:
        raise SystemExit("tests.forkserver: a preloaded module installed a reactor or configured logging")


def _receive(conn: socket.socket) -> Request:
    header, fds, _flags, _addr = socket.recv_fds(conn, _HEADER.size, 3)
    (size,) = _HEADER.unpack(header)
    data = b""
    while len(data) < size:
        data += conn.recv(size - len(data))
    body = json.loads(data)
    return Request(body["args"], body["cwd"], body["env"], fds)


def serve(path: str) -> Request:
    """Fork a command per request until stdin closes; return (in the command's process) its request."""
    _preload()
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen(16)
    print("ready", flush=True)
    selector = selectors.DefaultSelector()
    selector.register(server, selectors.EVENT_READ)
    selector.register(sys.stdin, selectors.EVENT_READ)
    handlers = set()
    while True:
        for key, _ in selector.select(timeout=1):
            if key.fileobj is sys.stdin:
                if not os.read(sys.stdin.fileno(), 1):  # the test process is gone
                    _reap(handlers, block=True)
                    raise SystemExit(0)
                continue
            conn, _ = server.accept()
            request = _receive(conn)
            pid = os.fork()
            if pid == 0:
                selector.close()
                server.close()
                return _handle(conn, request)
            handlers.add(pid)
            conn.close()
            for fd in request.fds:
                os.close(fd)
        _reap(handlers, block=False)


def _reap(handlers: set[int], *, block: bool) -> None:
    # waited for, not ignored: so that their CPU time (and their commands') is counted in ours,
    # and so in the test process's, as a subprocess's is
    for pid in list(handlers):
        if os.waitpid(pid, 0 if block else os.WNOHANG)[0]:
            handlers.remove(pid)


def _handle(conn: socket.socket, request: Request) -> Request:
    """In the handler: fork the command, report its pid and its return code."""
    pid = os.fork()
    if pid == 0:
        conn.close()
        return request
    for fd in request.fds:
        os.close(fd)
    conn.sendall(json.dumps({"pid": pid}).encode() + b"\n")
    _, status = os.waitpid(pid, 0)
    conn.sendall(json.dumps({"returncode": os.waitstatus_to_exitcode(status)}).encode() + b"\n")
    os._exit(0)


def _stream(fd: int, *, unbuffered: bool, errors: str, line_buffering: bool) -> io.TextIOWrapper:
    raw = io.FileIO(fd, "w", closefd=False)
    buffer = raw if unbuffered else io.BufferedWriter(raw)
    return io.TextIOWrapper(buffer, encoding=sys.stdout.encoding, errors=errors,
                            line_buffering=line_buffering, write_through=unbuffered)


def start_command(request: Request) -> None:
    """Make this forked process look as ``python -m govcrawl.cli ARGS`` would, then run it."""
    for target, fd in enumerate(request.fds):
        os.dup2(fd, target)
        os.close(fd)
    os.chdir(request.cwd)
    os.environ.clear()
    os.environ.update(request.env)
    pythonpath = [p for p in request.env.get("PYTHONPATH", "").split(os.pathsep) if p]
    sys.path[:] = [request.cwd, *pythonpath, *(p for p in sys.path[1:] if p not in pythonpath)]
    random.seed()  # a cold start seeds from the OS: forked commands must not share a sequence
    signal.signal(signal.SIGINT, signal.default_int_handler)
    unbuffered = bool(request.env.get("PYTHONUNBUFFERED"))
    sys.stdin = sys.__stdin__ = io.TextIOWrapper(io.BufferedReader(io.FileIO(0, "r", closefd=False)))
    sys.stdout = sys.__stdout__ = _stream(1, unbuffered=unbuffered, errors="strict", line_buffering=False)
    sys.stderr = sys.__stderr__ = _stream(2, unbuffered=unbuffered, errors="backslashreplace", line_buffering=True)
    sys.argv = ["govcrawl.cli", *request.args]  # runpy puts the module's path first, as -m does
    runpy.run_module("govcrawl.cli", run_name="__main__", alter_sys=True)


# -- the client --------------------------------------------------------------------------------


class ForkServer:
    """A server process of this test process, started on first use."""

    def __init__(self) -> None:
        self.folder = tempfile.mkdtemp(prefix="govcrawl-forkserver-")
        self.path = os.path.join(self.folder, "socket")
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
        self.proc = subprocess.Popen([sys.executable, "-m", "tests.forkserver", self.path], cwd=ROOT, env=env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        if self.proc.stdout.readline() != b"ready\n":
            raise RuntimeError(f"tests.forkserver did not start (exit code {self.proc.wait()})")
        atexit.register(self.close)

    def close(self) -> None:
        self.proc.stdin.close()  # the server leaves when its stdin closes
        self.proc.wait(timeout=30)
        os.unlink(self.path)
        os.rmdir(self.folder)

    def run(self, args: list[str], *, cwd: Path, env: dict[str, str], timeout: float
            ) -> subprocess.CompletedProcess[str]:
        """``python -m govcrawl.cli ARGS`` as ``subprocess.run(..., capture_output=True, text=True)``."""
        out_r, out_w = os.pipe()
        err_r, err_w = os.pipe()
        null = os.open(os.devnull, os.O_RDONLY)
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
            conn.connect(self.path)
            body = json.dumps({"args": args, "cwd": str(cwd), "env": env}).encode()
            socket.send_fds(conn, [_HEADER.pack(len(body))], [null, out_w, err_w])
            conn.sendall(body)
            for fd in (null, out_w, err_w):
                os.close(fd)
            replies = conn.makefile("rb")
            pid = json.loads(replies.readline())["pid"]
            stdout, stderr = _read_until_closed(out_r, err_r, pid, [sys.executable, "-m", "govcrawl.cli", *args],
                                                timeout)
            returncode = json.loads(replies.readline())["returncode"]
        command = [sys.executable, "-m", "govcrawl.cli", *args]
        return subprocess.CompletedProcess(command, returncode, _text(stdout), _text(stderr))


def _read_until_closed(out_r: int, err_r: int, pid: int, command: list[str], timeout: float) -> tuple[bytes, bytes]:
    """Both pipes read to their end; past ``timeout`` the command is killed, as subprocess.run does."""
    chunks: dict[int, list[bytes]] = {out_r: [], err_r: []}
    deadline = time.monotonic() + timeout
    with selectors.DefaultSelector() as selector:
        for fd in chunks:
            selector.register(fd, selectors.EVENT_READ)
        while selector.get_map():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                os.kill(pid, signal.SIGKILL)
                for fd in chunks:
                    os.close(fd)
                raise subprocess.TimeoutExpired(command, timeout, b"".join(chunks[out_r]), b"".join(chunks[err_r]))
            for key, _ in selector.select(remaining):
                data = os.read(key.fd, 65536)
                if data:
                    chunks[key.fd].append(data)
                else:
                    selector.unregister(key.fd)
                    os.close(key.fd)
    return b"".join(chunks[out_r]), b"".join(chunks[err_r])


def _text(data: bytes) -> str:
    # as subprocess.run(text=True) decodes
    return data.decode().replace("\r\n", "\n").replace("\r", "\n")


_server: ForkServer | None = None
_server_pid: int | None = None


def run_govcrawl(args: list[str], *, cwd: Path, env: dict[str, str], timeout: float
                 ) -> subprocess.CompletedProcess[str]:
    """``python -m govcrawl.cli ARGS`` in a fresh process: forked from the server, or started cold."""
    global _server, _server_pid
    if os.environ.get(DISABLE_ENV) == "0" or not hasattr(os, "fork"):
        return subprocess.run([sys.executable, "-m", "govcrawl.cli", *args], cwd=cwd, env=env,
                              capture_output=True, text=True, timeout=timeout, check=False)
    if _server is None or _server_pid != os.getpid():
        _server, _server_pid = ForkServer(), os.getpid()
    return _server.run(args, cwd=cwd, env=env, timeout=timeout)


if __name__ == "__main__":
    start_command(serve(sys.argv[1]))
