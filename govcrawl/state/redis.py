"""The shared crawl state: one Redis database that every worker of a site list reaches.

Keys (under a prefix, ``govcrawl:`` by default; ``<site>`` is the entry's ASCII key):

- ``articles``: hash URL → JSON of the committed ``ArticleState``
- ``firstseen:<site>``: sorted set (score 0) of ``<first_seen>\\0<url>``, read by ``ZRANGEBYLEX``
  so that "first seen since" compares strings exactly as the SQLite store does
- ``failures``: hash URL → JSON of the failure; ``pending:<site>``: sorted set (score 0) of the
  URLs still to retry, in URL order
- ``columns:<site>``: set of the column URLs paged to the end
- ``run:<id>``: hash (site, export_path, status, started, report); ``staged:<id>`` and
  ``touched:<id>``: hashes URL → JSON of what the run learnt, until it is published
- ``running:<site>``: set of run ids; ``published:<site>``: sorted set of run ids by start time, to the microsecond

Every change that must be all-or-nothing (begin, publish, abort) is one Lua script, which
Redis runs atomically; the scripts decode all their input before their first write, because
Redis does not roll back a script that fails half-way.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

import redis

from govcrawl.state.base import ArticleState, CrawlState, FailedArticle, Rejected, RunRecord
from govcrawl.state.redis_client import DEFAULT_WAIT, connect

DEFAULT_PREFIX = "govcrawl:"
#: URLs per HMGET/HSET: large enough to save round trips, small enough not to stall the server
CHUNK = 1000

BEGIN_RUN = """
local p, run_id, site, export_path = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local run = p .. 'run:' .. run_id
if redis.call('EXISTS', run) == 1 then return redis.error_reply('run ' .. run_id .. ' exists') end
local now = redis.call('TIME')
-- started in seconds, as it always was; begun to the microsecond: runs begun in one second stay in order
local begun = now[1] .. '.' .. string.format('%06d', tonumber(now[2]))
redis.call('HSET', run, 'site', site, 'export_path', export_path, 'status', 'running', 'started', now[1],
           'begun', begun)
if ARGV[5] ~= '' then redis.call('HSET', run, 'part_of', ARGV[5]) end
redis.call('SADD', p .. 'running:' .. site, run_id)
return 1
"""

# ARGV: prefix, run id, site (of a run never begun), report JSON, run number, max attempts, complete columns JSON,
# incomplete columns JSON, rejected JSON. A run already published is left alone: its
# records became known once, and its failures counted once.
PUBLISH_RUN = """
local p, run_id, site, report = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local run_number, max_attempts = tonumber(ARGV[5]), tonumber(ARGV[6])
local run = p .. 'run:' .. run_id
if redis.call('HGET', run, 'status') == 'published' then return 0 end
site = redis.call('HGET', run, 'site') or site  -- the site the run began with
local complete, incomplete, rejected = cjson.decode(ARGV[7]), cjson.decode(ARGV[8]), cjson.decode(ARGV[9])
local articles, failures = p .. 'articles', p .. 'failures'
local staged_key, touched_key = p .. 'staged:' .. run_id, p .. 'touched:' .. run_id
local staged, touched = redis.call('HGETALL', staged_key), redis.call('HGETALL', touched_key)

-- every read and decode first ...
local new_failures, failed_site = {}, {}
for i, r in ipairs(rejected) do
  local old = redis.call('HGET', failures, r.url)
  local f = {site = site, attempts = 1, column_name = r.column_name, needs_date = r.needs_date}
  if old then
    f = cjson.decode(old)
    f.attempts = f.attempts + 1
    if r.column_name ~= cjson.null then f.column_name = r.column_name end
    if r.needs_date ~= cjson.null then f.needs_date = r.needs_date end
  end
  f.reason, f.transient, f.failed_run = r.reason, r.transient, run_number
  f.given_up = (not r.transient) or f.attempts >= max_attempts
  new_failures[i] = {r.url, f}
  failed_site[r.url] = f.site
end
local commits = {}
for i = 1, #staged, 2 do
  local url = staged[i]
  local old, failed = redis.call('HGET', articles, url), redis.call('HGET', failures, url)
  if failed and not failed_site[url] then failed_site[url] = cjson.decode(failed).site end
  commits[#commits + 1] = {url, staged[i + 1], cjson.decode(staged[i + 1]), old and cjson.decode(old)}
end
-- a touched article ends as committed above (if staged too), with what was seen of it
local latest = {}
for _, c in ipairs(commits) do latest[c[1]] = c[3] end
local touches = {}
for i = 1, #touched, 2 do
  local url = touched[i]
  local a = latest[url]
  if not a then
    local old = redis.call('HGET', articles, url)
    a = old and cjson.decode(old)
  end
  if a then touches[#touches + 1] = {url, a, cjson.decode(touched[i + 1])} end
end

-- ... then the writes
local columns = p .. 'columns:' .. site
for _, url in ipairs(incomplete) do redis.call('SREM', columns, url) end
for _, url in ipairs(complete) do redis.call('SADD', columns, url) end
for _, pair in ipairs(new_failures) do
  local url, f = pair[1], pair[2]
  redis.call('HSET', failures, url, cjson.encode(f))
  if f.transient and not f.given_up then
    redis.call('ZADD', p .. 'pending:' .. f.site, 0, url)
  else
    redis.call('ZREM', p .. 'pending:' .. f.site, url)
  end
end
for _, c in ipairs(commits) do
  local url, json, a, old = c[1], c[2], c[3], c[4]
  -- an exported article is no longer failed (even if this very run rejected it once too)
  if failed_site[url] then
    redis.call('ZREM', p .. 'pending:' .. failed_site[url], url)
    redis.call('HDEL', failures, url)
  end
  if old then redis.call('ZREM', p .. 'firstseen:' .. old.site, old.first_seen .. '\\0' .. url) end
  redis.call('HSET', articles, url, json)
  redis.call('ZADD', p .. 'firstseen:' .. a.site, 0, a.first_seen .. '\\0' .. url)
end
for _, touch in ipairs(touches) do
  local url, a, t = touch[1], touch[2], touch[3]
  a.last_seen = t.seen_at
  if t.etag ~= cjson.null then a.etag = t.etag end
  if t.last_modified ~= cjson.null then a.last_modified = t.last_modified end
  redis.call('HSET', articles, url, cjson.encode(a))
end
redis.call('DEL', staged_key, touched_key)
local run_site = redis.call('HGET', run, 'site')
if run_site then
  redis.call('HSET', run, 'status', 'published', 'report', report)
  redis.call('SREM', p .. 'running:' .. run_site, run_id)
  -- a worker's part of a distributed run is not a run: the run is published when it ends
  if not redis.call('HGET', run, 'part_of') then
    local begun = redis.call('HGET', run, 'begun') or redis.call('HGET', run, 'started')
    redis.call('ZADD', p .. 'published:' .. run_site, begun, run_id)
  end
end
return 1
"""

# A published run is not undone: its records are in a published file.
ABORT_RUN = """
local p, run_id = ARGV[1], ARGV[2]
local run = p .. 'run:' .. run_id
if redis.call('HGET', run, 'status') == 'published' then return 0 end
redis.call('DEL', p .. 'staged:' .. run_id, p .. 'touched:' .. run_id)
local site = redis.call('HGET', run, 'site')
if site then
  redis.call('HSET', run, 'status', 'aborted')
  redis.call('SREM', p .. 'running:' .. site, run_id)
end
return 1
"""


class RedisState(CrawlState):
    """CrawlState in a Redis database, for workers on several machines."""

    def __init__(self, client: redis.Redis, prefix: str = DEFAULT_PREFIX, *, url: str | None = None):
        self.client, self.prefix, self.url = client, prefix, url
        self._begin = client.register_script(BEGIN_RUN)
        self._publish = client.register_script(PUBLISH_RUN)
        self._abort = client.register_script(ABORT_RUN)

    @classmethod
    def from_url(cls, url: str, prefix: str = DEFAULT_PREFIX, *, wait: float = DEFAULT_WAIT) -> RedisState:
        """The state in the database of a ``redis://host:port/db`` URL (a lost connection is
        retried for ``wait`` seconds)."""
        return cls(connect(url, wait=wait), prefix, url=url)

    def failure_message(self, exc: Exception) -> str:
        # the words a worker uses when its scheduler loses Redis: one message whichever part met it
        return f"lost Redis at {self.url or 'its address'} for longer than GOVCRAWL_REDIS_WAIT: {exc}"

    def _key(self, *parts: str) -> str:
        return self.prefix + ":".join(parts)

    def _hmget(self, key: str, urls: Iterable[str]) -> Iterator[tuple[str, str]]:
        """(URL, value) of those URLs that the hash holds, looked up in chunks."""
        urls = list(dict.fromkeys(urls))
        for i in range(0, len(urls), CHUNK):
            chunk = urls[i:i + CHUNK]
            yield from ((u, v) for u, v in zip(chunk, self.client.hmget(key, chunk), strict=True) if v is not None)

    def articles(self, urls: Iterable[str]) -> dict[str, ArticleState]:
        return {url: ArticleState(**json.loads(v)) for url, v in self._hmget(self._key("articles"), urls)}

    def touch(self, run_id: str, url: str, seen_at: str, etag: str | None, last_modified: str | None) -> None:
        seen = {"seen_at": seen_at, "etag": etag, "last_modified": last_modified}
        self.client.hset(self._key("touched", run_id), url, json.dumps(seen, ensure_ascii=False))

    def recheck_candidates(self, site: str, first_seen_since: str, limit: int) -> list[ArticleState]:
        members = self.client.zrangebylex(self._key("firstseen", site), f"[{first_seen_since}", "+")
        found = list(self.articles(m.partition("\0")[2] for m in members).values())
        # the SQLite store's order: last_seen, then first_seen and URL descending (stable sorts)
        found.sort(key=lambda a: (a.first_seen, a.url), reverse=True)
        found.sort(key=lambda a: a.last_seen)
        return found[:limit]

    def begin_run(self, run: RunRecord) -> None:
        self._begin(args=[self.prefix, run.run_id, run.site, run.export_path, run.part_of or ""])

    def stage_many(self, run_id: str, articles: Iterable[ArticleState]) -> None:
        rows = {a.url: json.dumps(dataclasses.asdict(a), ensure_ascii=False) for a in articles}
        if not rows:
            return
        items = list(rows.items())
        with self.client.pipeline(transaction=True) as pipe:
            for i in range(0, len(items), CHUNK):
                pipe.hset(self._key("staged", run_id), mapping=dict(items[i:i + CHUNK]))
            pipe.execute()

    def publish_run(
        self,
        run_id: str,
        report: dict[str, Any],
        *,
        complete_columns: Iterable[str] = (),
        incomplete_columns: Iterable[str] = (),
        rejected: Iterable[Rejected] = (),
        run_number: int = 0,
        max_attempts: int = 1,
    ) -> None:
        rejected_rows = [{"url": r.url, "reason": r.reason, "column_name": r.column_name, "needs_date": r.needs_date,
                          "transient": r.transient} for r in rejected]
        self._publish(args=[
            self.prefix, run_id, "", json.dumps(report, ensure_ascii=False),
            run_number, max_attempts, _json_list(complete_columns), _json_list(incomplete_columns),
            _json_list(rejected_rows)])

    def publish_group(self, run_id: str, site: str, started: datetime, report: dict[str, Any]) -> None:
        with self.client.pipeline(transaction=True) as pipe:
            pipe.hset(self._key("run", run_id), mapping={
                "site": site, "export_path": "", "status": "published", "started": int(started.timestamp()),
                "report": json.dumps(report, ensure_ascii=False)})
            pipe.zadd(self._key("published", site), {run_id: started.timestamp()})
            pipe.execute()

    def complete_columns(self, site: str) -> set[str]:
        return self.client.smembers(self._key("columns", site))

    def failed_articles(self, urls: Iterable[str]) -> dict[str, FailedArticle]:
        return {url: _failed(url, v) for url, v in self._hmget(self._key("failures"), urls)}

    def pending_articles(self, site: str) -> list[FailedArticle]:
        urls = self.client.zrange(self._key("pending", site), 0, -1)
        return list(self.failed_articles(urls).values())

    def run_number(self, site: str) -> int:
        return self.client.zcard(self._key("published", site)) + 1

    def unfinished_runs(self, site: str) -> list[RunRecord]:
        runs = []
        for run_id in sorted(self.client.smembers(self._key("running", site))):
            fields = self.client.hgetall(self._key("run", run_id))
            if fields.get("status") == "running":
                runs.append(RunRecord(run_id, fields["site"], fields["export_path"], "running"))
        return runs

    def abort_run(self, run_id: str) -> None:
        self._abort(args=[self.prefix, run_id])

    def recent_reports(self, site: str, limit: int) -> list[dict[str, Any]]:
        run_ids = self.client.zrevrange(self._key("published", site), 0, limit - 1)
        with self.client.pipeline(transaction=False) as pipe:
            for run_id in run_ids:
                pipe.hget(self._key("run", run_id), "report")
            reports = pipe.execute()
        return [json.loads(r) for r in reports if r is not None]

    def close(self) -> None:
        self.client.close()


def _json_list(values: Iterable[Any]) -> str:
    # cjson decodes "{}" and "[]" alike to an empty table, so an empty list is safe too
    return json.dumps(list(values), ensure_ascii=False)


def _failed(url: str, value: str) -> FailedArticle:
    f = json.loads(value)
    return FailedArticle(url, f["reason"], f.get("column_name"), bool(f["transient"]), int(f["attempts"]),
                         int(f["failed_run"]), bool(f["given_up"]), f.get("needs_date"))
