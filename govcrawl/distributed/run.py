"""A distributed run: the workers of one site that share a run id, a site lock and a frontier.

Keys, under ``govcrawl:dist:<site>:<run-id>:`` (the lock is the site lock every run takes,
``govcrawl:lock:<site>``, whose value names the distributed run it belongs to):

- ``queue`` (sorted set of pickled requests) and ``seen`` (fingerprints): the shared frontier
- ``seeded``: set once, by the worker that feeds the start pages; ``seeded_done`` once they
  are all queued
- ``govcrawl:dist:<site>:current``: the run id until the run's last worker closes it, so that
  a run whose workers all died is resumed by the next worker started
- ``workers`` (set), ``seq`` (counter) and ``alive:<w>`` (a key that expires unless renewed)
- ``inflight:<w>``: hash pickled request → score of every request worker ``w`` took from the
  queue and has not published yet; a survivor puts them back in the queue when ``w`` dies
- ``lastpop:<w>``: the token and request of ``w``'s last pop, so that a pop retried after a lost
  answer is the same pop
- ``idle:<w>``: set while ``w`` has nothing to do; ``reports``, ``found``, ``settled``,
  ``lost``: what the last worker merges into the run report
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import socket
import threading
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import redis

from govcrawl.distributed.report import merged_report
from govcrawl.state.lock import SiteLocked
from govcrawl.state.redis import DEFAULT_PREFIX
from govcrawl.state.redis_client import DEFAULT_WAIT, connect

if TYPE_CHECKING:
    from govcrawl.run_context import RunContext

logger = logging.getLogger(__name__)
#: run keys outlive a run whose workers all died by this long, then Redis drops them
KEEP_SECONDS = 7 * 24 * 3600

# KEYS: lock, current. ARGV: who starts it, ttl ms, run key prefix ('govcrawl:dist:<site>:'),
# expiry s, a new run id, kind ('run' or 'crawl'), the digest of the site entry. A free site
# resumes the run of the same kind whose workers all died (``current`` outlives them) or starts
# the new one. Returns {lock value,
# worker number}: 0 when another run (not distributed, or of the other kind) holds the site, -1
# when the distributed run is closing, -2 when its workers crawl another entry under this key.
JOIN = """
local cur = redis.call('GET', KEYS[1])
if not cur then
  local resumable, run_id = redis.call('GET', KEYS[2]), ARGV[5]
  if resumable then
    local id, kind = string.match(resumable, '^(%S+) (%a+)$')
    if kind == ARGV[6] then
      run_id = id
      redis.call('DEL', ARGV[3] .. run_id .. ':closing')  -- its last worker died while closing it
    end
  end
  cur = 'dist:' .. run_id .. ' distributed ' .. ARGV[6] .. ' ' .. run_id .. ' ' .. ARGV[1]
  redis.call('SET', KEYS[1], cur, 'PX', ARGV[2])
  redis.call('SET', KEYS[2], run_id .. ' ' .. ARGV[6], 'EX', ARGV[4])
elseif string.sub(cur, 1, 5) ~= 'dist:' or string.match(cur, '^%S+ distributed (%a+)') ~= ARGV[6] then
  return {cur, 0}
end
local run = ARGV[3] .. string.match(cur, '^dist:([^ ]+)') .. ':'
if redis.call('EXISTS', run .. 'closing') == 1 then return {cur, -1} end
local entry = redis.call('GET', run .. 'entry')
if entry and entry ~= ARGV[7] then return {cur, -2} end
redis.call('SET', run .. 'entry', ARGV[7], 'EX', ARGV[4])
local n = redis.call('INCR', run .. 'seq')
redis.call('SADD', run .. 'workers', 'w' .. n)
redis.call('SET', run .. 'alive:w' .. n, 1, 'PX', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('EXPIRE', run .. 'seq', ARGV[4])
redis.call('EXPIRE', run .. 'workers', ARGV[4])
return {cur, n}
"""

# KEYS: lock, workers, alive:<w>. ARGV: lock value, ttl ms, worker. 0: this worker was reaped.
RENEW = """
if redis.call('SISMEMBER', KEYS[2], ARGV[3]) == 0 then return 0 end
redis.call('SET', KEYS[3], 1, 'PX', ARGV[2])
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 1
"""

# KEYS: workers, alive:<w>, inflight:<w>, queue, lost, lastpop:<w>. ARGV: worker, requeue (1/0), dead (1/0).
# Takes a worker out of the run (a dead one only if its heartbeat expired, and only once); its
# requests go back to the queue unless its part was published. 1 if it was taken out here.
REMOVE = """
if ARGV[3] == '1' then
  if redis.call('EXISTS', KEYS[2]) == 1 or redis.call('SREM', KEYS[1], ARGV[1]) == 0 then return 0 end
else
  -- leaving: even a worker taken out for a missed heartbeat hands back what it took since
  redis.call('SREM', KEYS[1], ARGV[1])
end
if ARGV[2] == '1' then
  local held = redis.call('HGETALL', KEYS[3])
  for i = 1, #held, 2 do redis.call('ZADD', KEYS[4], held[i + 1], held[i]) end
end
redis.call('DEL', KEYS[3], KEYS[2], KEYS[6])
if ARGV[3] == '1' then redis.call('SADD', KEYS[5], ARGV[1]) end
return 1
"""

# KEYS: workers, closing. ARGV: expiry s. 1 for the one worker that leaves the run empty: the run
# is closing from then on, so that no late worker joins a run that ends.
LAST_OUT = """
if redis.call('SCARD', KEYS[1]) > 0 then return 0 end
if redis.call('SET', KEYS[2], 1, 'NX', 'EX', ARGV[1]) then return 1 end
return 0
"""

# KEYS: lock. ARGV: lock value. The lock is deleted only if it is still this run's.
RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


class DistributedRun:
    """This worker's membership of the site's current distributed run.

    Stands where the site lock stands for a single-process run: ``acquire`` raises SiteLocked
    when a run that is not distributed holds the site; ``finish`` leaves the run, and the last
    worker to leave merges the report and releases the lock.
    """

    def __init__(self, url: str, site: str, *, kind: str = "run", ttl: float = 30.0, prefix: str = DEFAULT_PREFIX,
                 wait: float = DEFAULT_WAIT):
        self.site, self.kind, self.ttl, self.prefix = site, kind, ttl, prefix
        self.client = connect(url, wait=wait)
        self.url = url
        self.lock_key = f"{prefix}lock:{site}"
        self.run_id: str | None = None
        self.worker: str | None = None
        self.lock_value: str | None = None
        self.refused: SiteLocked | None = None
        #: set when the other workers took this one out (its heartbeat expired)
        self.reaped = threading.Event()
        self._stop = threading.Event()
        self._scripts = {name: self.client.register_script(text)
                         for name, text in (("join", JOIN), ("renew", RENEW), ("remove", REMOVE),
                                            ("last_out", LAST_OUT), ("release", RELEASE))}

    # ---- joining and leaving

    def join(self, entry_digest: str = "") -> None:
        """Join the site's running distributed run, or start one; note a refusal (also when the
        run's workers were started with another entry under the same key)."""
        run_id = f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"
        who = f"(started by pid {os.getpid()} on {socket.gethostname()})"
        site_prefix = f"{self.prefix}dist:{self.site}:"
        current, number = self._scripts["join"](
            keys=[self.lock_key, site_prefix + "current"],
            args=[who, self._ttl_ms, site_prefix, KEEP_SECONDS, run_id, self.kind, entry_digest])
        if int(number) <= 0:
            holder = current.partition(" ")[2] or "another process"
            why = {-2: "is being crawled from another entry file with this key",
                   -1: "is finishing"}.get(int(number), "is being crawled")
            self.refused = SiteLocked(f"{self.site} {why} by {holder} (redis key {self.lock_key})")
            return
        self.lock_value, self.worker = current, f"w{number}"
        self.run_id = current.split(" ", 1)[0].removeprefix("dist:")
        logger.info("Worker %s of distributed run %s of %s", self.worker, self.run_id, self.site)
        threading.Thread(target=self._keep, name=f"heartbeat {self.site}", daemon=True).start()

    def acquire(self) -> None:
        """The site lock's interface: raise SiteLocked if joining was refused."""
        if self.refused is not None:
            raise self.refused

    def release(self) -> None:
        """Leave without publishing (the run could not start): hand the requests back."""
        if self.worker is not None:
            self._leave(published=False)

    def abandon(self) -> None:
        """Redis is gone: stop the heartbeat and touch nothing more (the others, or the next
        run, take this worker's requests back once its heartbeat has expired)."""
        self._stop.set()
        self.client.close()

    @property
    def started(self) -> datetime:
        """When the run started (its id begins with the UTC second)."""
        return datetime.strptime(self.run_id[:16], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)

    def key(self, name: str, worker: str | None = None) -> str:
        """A key of this run (``name:<worker>`` for a per-worker key)."""
        suffix = f"{name}:{worker}" if worker else name
        return f"{self.prefix}dist:{self.site}:{self.run_id}:{suffix}"

    def claim_seeding(self) -> bool:
        """True for the one worker that feeds the run's start pages."""
        if self.worker is None:
            return False
        return bool(self.client.set(self.key("seeded"), self.worker, nx=True, ex=KEEP_SECONDS))

    def seeded(self) -> None:
        """The start pages are all queued."""
        self.client.set(self.key("seeded_done"), 1, ex=KEEP_SECONDS)

    def needs_seeding(self) -> bool:
        """Did the worker that seeded die before it finished (so the claim was dropped)?"""
        return not self.client.exists(self.key("seeded"))

    def is_member(self) -> bool:
        """Is this worker still in the run (not taken out for a missed heartbeat)?"""
        member = self.worker is not None and bool(self.client.sismember(self.key("workers"), self.worker))
        if not member:
            self.reaped.set()
        return member

    def others_alive(self) -> bool:
        """Are other workers still in the run (to take over this one's requests)?"""
        return bool(self.client.smembers(self.key("workers")) - {self.worker})

    # ---- heartbeats and dead workers

    @property
    def _ttl_ms(self) -> int:
        return max(1, int(self.ttl * 1000))

    def _keep(self) -> None:
        """Renew this worker's heartbeat and the run's lock three times per expiry."""
        keys = [self.lock_key, self.key("workers"), self.key("alive", self.worker)]
        while not self._stop.wait(self.ttl / 3):
            try:
                alive = self._scripts["renew"](keys=keys, args=[self.lock_value, self._ttl_ms, self.worker])
            except redis.RedisError as exc:
                logger.warning("Cannot renew the heartbeat of %s: %s", self.worker, exc)
                continue
            if not alive and not self._stop.is_set():  # (not leaving: taken out)
                logger.error("Worker %s was taken out of run %s (its heartbeat expired)", self.worker, self.run_id)
                self.reaped.set()
                return

    def reap_dead(self, ctx: RunContext) -> list[str]:
        """Take out workers whose heartbeat expired: their requests go back to the queue, unless
        their part was published before they died (then that part is committed)."""
        others = self.client.smembers(self.key("workers")) - {self.worker}
        reaped, state = [], ctx.state
        for worker in sorted(others):
            if self.client.exists(self.key("alive", worker)):
                continue
            part = f"{self.run_id}-{worker}"
            # every worker writes under the same --out (else it cannot be seen here, and the
            # dead part's articles are fetched again, as for a part never published)
            export = ctx.run_dir / f"{part}.jsonl"
            published = export.exists()
            if not self._remove(worker, requeue=not published, dead=True):
                continue
            reaped.append(worker)
            if self.client.get(self.key("seeded")) == worker and not self.client.exists(self.key("seeded_done")):
                self.client.delete(self.key("seeded"))  # seeded in part: a live worker seeds again
            logger.warning("Worker %s of run %s died: %s", worker, self.run_id,
                           "its published part is committed" if published else "its requests are queued again")
            if state is not None and published:
                state.publish_run(part, {"run_id": part, "recovered": True})
            else:
                if state is not None:
                    state.abort_run(part)
                export.with_name(f"{part}.jsonl.part").unlink(missing_ok=True)
        return reaped

    def _remove(self, worker: str, *, requeue: bool, dead: bool) -> bool:
        keys = [self.key("workers"), self.key("alive", worker), self.key("inflight", worker), self.key("queue"),
                self.key("lost"), self.key("lastpop", worker)]
        return bool(self._scripts["remove"](keys=keys, args=[worker, int(requeue), int(dead)]))

    # ---- the end of a worker, and of the run

    def finish(self, ctx: RunContext, report: dict[str, Any] | None, *, published: bool) -> dict[str, Any] | None:
        """Leave the run; the last worker out merges the run report (returned) and frees the site."""
        self.reap_dead(ctx)
        if published and report is not None:
            self._keep_figures(ctx, report)
        if not self._leave(published=published):
            return None
        try:
            return merged_report(self, ctx)
        finally:
            self._scripts["release"](keys=[self.lock_key], args=[self.lock_value])
            self._cleanup()
            self.client.close()

    def _keep_figures(self, ctx: RunContext, report: dict[str, Any]) -> None:
        """This worker's report and ledger, for the run report."""
        found, settled = list(ctx.outcomes.found), ctx.outcomes.settled
        with self.client.pipeline(transaction=False) as pipe:
            pipe.hset(self.key("reports"), self.worker, json.dumps(report, ensure_ascii=False))
            for i in range(0, len(found), 1000):
                pipe.sadd(self.key("found"), *found[i:i + 1000])
            items = list(settled.items())
            for i in range(0, len(items), 1000):
                pipe.hset(self.key("settled"), mapping=dict(items[i:i + 1000]))
            for name in ("reports", "found", "settled"):
                pipe.expire(self.key(name), KEEP_SECONDS)
            pipe.execute()

    def _leave(self, *, published: bool) -> bool:
        """Take this worker out; True if it was the last one (then the run is closing)."""
        self._stop.set()
        self._remove(self.worker, requeue=not published, dead=False)
        self.client.delete(self.key("idle", self.worker))
        last = self._scripts["last_out"](keys=[self.key("workers"), self.key("closing")], args=[KEEP_SECONDS])
        return bool(last)

    def _cleanup(self) -> None:
        """Drop the frontier and bookkeeping of a finished run (``closing`` lapses by itself)."""
        keys = [self.key(n) for n in ("queue", "seen", "seeded", "seeded_done", "seq", "workers", "reports", "found",
                                      "settled", "lost", "entry")]
        self.client.delete(*keys, f"{self.prefix}dist:{self.site}:current")
