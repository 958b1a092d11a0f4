"""The ``govcrawl`` command: crawl sites, list them, extract saved pages, run the demo."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from govcrawl import paths
from govcrawl.catalogue import LEVELS, Unit
from govcrawl.exit_codes import ExitCode, worst
from govcrawl.sites import (
    SiteEntry,
    SiteEntryError,
    entry_dirs,
    entry_sources,
    load_entries,
    resolve_site,
    validate_entry,
)

if TYPE_CHECKING:
    from scrapy.settings import Settings

    from govcrawl.check import PageCheck

VERBOSE_HELP = "Scrapy's whole log on stderr too (it always goes to the log file named on stderr)"
ARCHIVE_HELP = ("keep every page fetched, as it came over the wire, in WARC files under"
                " DIR/<site>/<YYYY-MM-DD>/<run-id>.warc.gz (published with the run)")
REDIS_HELP = ("redis://host:port/db: crawl as one worker of a distributed run; every worker started with the "
              "same command shares the frontier (default $GOVCRAWL_REDIS_URL)")


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``govcrawl`` console script."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return args.command(args)
    except SiteEntryError as exc:
        print(f"govcrawl: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    except BrokenPipeError:
        # the reader went away (`govcrawl catalogue | head`): what it read is all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return ExitCode.OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="govcrawl", description=__doc__)
    sub = parser.add_subparsers(required=True, metavar="COMMAND")

    crawl = sub.add_parser(
        "crawl", help="crawl sites live (a key from `govcrawl sites` or a .toml path)")
    crawl.add_argument("sites", nargs="+", metavar="SITE")
    crawl.add_argument("-o", "--output", action="append", default=[], help="append to this feed")
    crawl.add_argument("-O", "--overwrite-output", action="append", default=[],
                       help="write this feed, replacing it")
    crawl.add_argument("--out", type=Path, help="export folder (default $GOVCRAWL_HOME/data/exports)")
    crawl.add_argument("--redis", metavar="URL", help=REDIS_HELP)
    crawl.add_argument("--archive", type=Path, metavar="DIR", help=ARCHIVE_HELP)
    crawl.add_argument("-s", "--set", action="append", default=[], metavar="NAME=VALUE",
                       help="override a Scrapy setting")
    crawl.add_argument("-v", "--verbose", action="store_true", help=VERBOSE_HELP)
    crawl.set_defaults(command=_cmd_crawl)

    run = sub.add_parser("run", help="incremental run for cron/systemd: new and changed articles")
    run.add_argument("sites", nargs="*", metavar="SITE", help="default: every enabled site")
    run.add_argument("--state", type=_state_location, default=None,
                     help="crawl state file (default $GOVCRAWL_HOME/data/state/govcrawl.sqlite), or a"
                     " redis://host:port/db URL (one process; --redis makes the run distributed)")
    run.add_argument("--out", type=Path, help="export folder (default $GOVCRAWL_HOME/data/exports)")
    run.add_argument("--refresh", action="store_true",
                     help="fetch known articles again (conditionally) to catch edits")
    run.add_argument("--redis", metavar="URL", help=REDIS_HELP + "; the crawl state lives there too")
    run.add_argument("--archive", type=Path, metavar="DIR", help=ARCHIVE_HELP)
    run.add_argument("-s", "--set", action="append", default=[], metavar="NAME=VALUE",
                     help="override a Scrapy setting")
    run.add_argument("-v", "--verbose", action="store_true", help=VERBOSE_HELP)
    run.set_defaults(command=_cmd_run)

    sites = sub.add_parser("sites", help="list the site entries")
    sites.add_argument("--json", action="store_true", help="one JSON object per site")
    sites.set_defaults(command=_cmd_sites)

    catalogue = sub.add_parser("catalogue", help="search the catalogue of government portals")
    catalogue.add_argument("query", nargs="?", metavar="QUERY",
                           help="a name (天门, 天门市), its pinyin or initials (tianmen, tms), a key or a host "
                           "(default: every unit)")
    catalogue.add_argument("--province", help="only this province (湖北省, 湖北 or hubei)")
    catalogue.add_argument("--level", choices=LEVELS, help="only units of this level")
    catalogue.add_argument("--json", action="store_true", help="one JSON object per unit (JSON Lines)")
    catalogue.set_defaults(command=_cmd_catalogue)

    add = sub.add_parser("add", help="write home-only site entries for units of the catalogue")
    add.add_argument("names", nargs="*", metavar="NAME|HOST",
                     help="a unit's name (天门市, 天门), key or host (www.tianmen.gov.cn); "
                     "with none, every unit of --province")
    add.add_argument("--province", help="the province the names are in (there are two 朝阳区); alone, all its units")
    add.add_argument("--level", choices=LEVELS, help="only units of this level")
    add.set_defaults(command=_cmd_add)

    extract = sub.add_parser("extract", help="print one JSON record per saved HTML file")
    extract.add_argument("files", nargs="+", type=Path, metavar="FILE")
    extract.add_argument("--url", help="the page's URL (one file only)")
    extract.add_argument("--site", default="local",
                         help="site key: a known entry lends its name and selectors (default: local)")
    extract.add_argument("--column", help="column name recorded in the records")
    extract.add_argument("--fetched-at", type=_moment, metavar="ISO8601",
                         help="when the page was fetched (relative dates count from it; default: now)")
    extract.set_defaults(command=_cmd_extract)

    reextract = sub.add_parser("reextract", help="run today's extractor over WARC archives (--archive), offline")
    reextract.add_argument("archives", nargs="+", type=Path, metavar="ARCHIVE", help="a .warc.gz file")
    reextract.add_argument("--site", required=True, help="site key or entry file the pages were crawled as")
    reextract.add_argument("--out", type=Path, help="export folder (default $GOVCRAWL_HOME/data/exports)")
    reextract.set_defaults(command=_cmd_reextract)

    check = sub.add_parser("check", help="how govcrawl reads a site's start pages (live) or saved pages")
    check.add_argument("targets", nargs="+", metavar="SITE|URL|FILE",
                       help="a site key or entry file (its start pages), a URL, or a saved HTML file")
    check.add_argument("--site", help="site key or entry file whose domains, patterns and selectors apply to"
                       " URLs and files (default: the URL's own host)")
    check.add_argument("--url", help="the web address of a saved file (one file only)")
    check.add_argument("--json", action="store_true", help="one JSON object per start page")
    check.add_argument("-s", "--set", action="append", default=[], metavar="NAME=VALUE",
                       help="override a Scrapy setting")
    check.add_argument("-v", "--verbose", action="store_true", help=VERBOSE_HELP)
    check.set_defaults(command=_cmd_check)

    _dataset_arguments(sub.add_parser(
        "dataset", help="build one dataset (Parquet, JSON Lines, CSV) from the run files"))

    demo = sub.add_parser("demo", help="serve the bundled sample site on loopback and crawl it")
    demo.add_argument("--out", type=Path, default=None, help="default $GOVCRAWL_HOME/data/exports/demo")
    demo.set_defaults(command=_cmd_demo)
    return parser


def _dataset_arguments(dataset: argparse.ArgumentParser) -> None:
    dataset.add_argument("--exports", type=Path, default=None,
                         help="export folder to read (default $GOVCRAWL_HOME/data/exports)")
    dataset.add_argument("--out", type=Path, default=None,
                         help="dataset folder to write (default $GOVCRAWL_HOME/data/dataset)")
    dataset.add_argument("--format", choices=("parquet", "jsonl", "csv"), default="parquet")
    dataset.add_argument("--bom", action="store_true", help="CSV: start with a UTF-8 BOM (for Excel)")
    dataset.add_argument("--site", action="append", default=[], help="only this site (repeatable)")
    dataset.add_argument("--column", action="append", default=[], help="only this column (repeatable)")
    dataset.add_argument("--since", type=_day, metavar="YYYY-MM-DD", help="published on or after (China date)")
    dataset.add_argument("--until", type=_day, metavar="YYYY-MM-DD", help="published on or before (China date)")
    dataset.add_argument("--crawled-since", type=_moment, metavar="ISO8601",
                         help="only rows fetched at or after this moment")
    dataset.add_argument("--all-revisions", action="store_true",
                         help="every revision of an article, not only the latest")
    dataset.add_argument("--rebuild", action="store_true", help="read every run file again")
    dataset.add_argument("--jobs", type=int, default=0, help="processes reading run files (default: one per core)")
    dataset.set_defaults(command=_cmd_dataset)


def _cmd_dataset(args: argparse.Namespace) -> int:
    import duckdb

    from govcrawl.dataset import BuildOptions, build_dataset
    from govcrawl.dataset.lock import BuildLocked
    from govcrawl.dataset.plan import Filters

    filters = Filters(sites=tuple(args.site), columns=tuple(args.column), since=args.since, until=args.until,
                      crawled_since=args.crawled_since, all_revisions=args.all_revisions)
    out = args.out or paths.home() / "data" / "dataset"
    options = BuildOptions(exports=args.exports or paths.exports_dir(), out=out,
                           format=args.format, bom=args.bom, filters=filters, rebuild=args.rebuild, jobs=args.jobs)
    _warnings_to_stderr("govcrawl.dataset")
    try:
        result = build_dataset(options)
    except BuildLocked as exc:
        print(f"govcrawl: {exc}", file=sys.stderr)
        return ExitCode.LOCKED
    except (OSError, ValueError, duckdb.Error) as exc:
        print(f"govcrawl: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}", file=sys.stderr)
        return ExitCode.USAGE if isinstance(exc, ValueError) else ExitCode.STORAGE
    figures = result.figures
    print(f"dataset: {result.rows} rows ({figures['articles']} articles, {len(figures['sites'])} sites); "
          f"read {result.runs_read} new run files ({result.records_read} records); "
          f"rewrote {len(result.sites_written)} sites")
    if figures["rejected_lines"]["count"]:
        print(f"  {figures['rejected_lines']['count']} lines of the run files not read: see the card's rejected lines")
    for path in result.left:
        print(f"  left for the next build (it changed while read): {path}")
    print(f"  folder: {result.out.resolve()}")
    return ExitCode.OK


def _warnings_to_stderr(logger: str) -> None:
    """A package's warnings as one line each on stderr, the way the command's errors are."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("govcrawl: %(message)s"))
    log = logging.getLogger(logger)
    log.addHandler(handler)
    log.setLevel(logging.WARNING)
    log.propagate = False


def _day(text: str) -> date:
    """A calendar date, YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _cmd_sites(args: argparse.Namespace) -> int:
    """The readable entries on stdout, each broken file and why on stderr: ENTRY_FILE when some are
    broken (as `run` exits), USAGE when no entry at all could be read."""
    errors: list[SiteEntryError] = []
    entries = load_entries(errors=errors)
    for key, entry in sorted(entries.items()):
        if args.json:
            print(json.dumps(entry.model_dump(), ensure_ascii=False))
        else:
            state = "" if entry.enabled else "  (disabled)"
            print(f"{key:16s} {entry.name}  {', '.join(entry.domains)}{state}")
    for error in errors:
        print(f"govcrawl: skipped an unreadable site entry: {error}", file=sys.stderr)
    if not errors:
        return ExitCode.OK
    return ExitCode.ENTRY_FILE if entries else ExitCode.USAGE


def _cmd_catalogue(args: argparse.Namespace) -> int:
    """The units matching a query (every unit without one), one line or one JSON object each."""
    from govcrawl.catalogue import CatalogueError, read_catalogue
    from govcrawl.catalogue.search import UnknownProvince, filter_units, search, suggest

    try:
        every = read_catalogue()
        units = filter_units(every, args.province, args.level)
    except (CatalogueError, UnknownProvince) as exc:
        print(f"govcrawl: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    found = search(units, args.query) if args.query else units
    if not found:
        nearest = ", ".join(f"{u.name} ({u.province})" for u in suggest(every, args.query or ""))
        filters = " ".join(f"--{k} {v}" for k, v in (("province", args.province), ("level", args.level)) if v)
        print(f"govcrawl: no unit of the catalogue matches {args.query or ''!r}{f' with {filters}' if filters else ''}"
              f"{f' (nearest: {nearest})' if nearest else ''}", file=sys.stderr)
        return ExitCode.USAGE
    for unit in found:
        print(json.dumps(unit.as_dict(), ensure_ascii=False) if args.json else _unit_line(unit))
    if not args.json:
        homes = sum(1 for u in found if u.home)
        print(f"{len(found)} unit{'s' * (len(found) != 1)}, {homes} with a home page")
    return ExitCode.OK


def _cmd_add(args: argparse.Namespace) -> int:
    """A home-only entry in $GOVCRAWL_HOME/data/sites for each unit named, or for each unit of a province;
    USAGE when one could not be added (each named on stderr, the others are written)."""
    from govcrawl.catalogue import CatalogueError, read_catalogue
    from govcrawl.catalogue.add import KnownEntries, NotAdded, add_unit
    from govcrawl.catalogue.search import UnknownProvince, filter_units

    if not args.names and not args.province:
        print("govcrawl: name a unit (govcrawl add 天门市) or a province (govcrawl add --province 湖北)",
              file=sys.stderr)
        return ExitCode.USAGE
    try:
        pool = filter_units(read_catalogue(), args.province, args.level)
    except (CatalogueError, UnknownProvince) as exc:
        print(f"govcrawl: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    units, problems = _units_named(args.names, pool, args.province) if args.names else (pool, [])
    known = KnownEntries(_readable_entries(), entry_sources())
    written = 0
    for unit in units:
        try:
            added = add_unit(unit, known, paths.sites_dir())
        except NotAdded as exc:
            problems.append(str(exc))
            continue
        written += 1
        print(f"{added.outcome} {added.entry.key}: {unit.place}  {unit.home}  {added.path}")
    for problem in problems:
        print(f"govcrawl: {problem}", file=sys.stderr)
    refused = f"; {len(problems)} not (above)" if problems else ""
    print(f"{written} entr{'y' if written == 1 else 'ies'} written to {paths.sites_dir()}{refused}")
    return ExitCode.USAGE if problems else ExitCode.OK


def _units_named(names: list[str], pool: list[Unit], province: str | None) -> tuple[list[Unit], list[str]]:
    """The unit each name means, and a line for each name that means none or several."""
    from govcrawl.catalogue.search import AmbiguousName, NoSuchUnit, resolve

    units: list[Unit] = []
    problems: list[str] = []
    where = f" in {province}" if province else ""
    for name in names:
        try:
            units.append(resolve(pool, name))
        except AmbiguousName as exc:
            matches = "; ".join(f"{u.place} ({u.key or 'no home page'})" for u in exc.matches)
            problems.append(f"{name!r} is {len(exc.matches)} units{where}, add --province: {matches}")
        except NoSuchUnit as exc:
            nearest = ", ".join(f"{u.name} ({u.province})" for u in exc.suggestions)
            problems.append(f"no unit of the catalogue is called {name!r}{where}"
                            f"{f' (nearest: {nearest})' if nearest else ''}")
    return units, problems


def _readable_entries() -> dict[str, SiteEntry]:
    """Every entry by key; unreadable entry files are named on stderr and skipped."""
    errors: list[SiteEntryError] = []
    entries = load_entries(errors=errors)
    for error in errors:
        print(f"govcrawl: skipped an unreadable site entry: {error}", file=sys.stderr)
    return entries


def _unit_line(unit: Unit) -> str:
    """A unit as `govcrawl catalogue` lists it: key, where it is, level, home; its note below."""
    note = f"\n    note: {unit.note}" if unit.note else ""
    return f"{unit.key or '-':20s} {unit.place}  {unit.level}  {unit.home or '(no home page)'}{note}"


def _cmd_crawl(args: argparse.Namespace) -> int:
    from scrapy.utils.conf import feed_process_params_from_cli

    from govcrawl.crawling import crawl_sites, print_summary, print_total, project_settings
    from govcrawl.logfile import route_log

    entries = [resolve_site(s) for s in args.sites]
    settings = project_settings({**_redis(args), **_archive(args), **dict(_setting(s) for s in args.set)})
    if args.output or args.overwrite_output:
        feeds = feed_process_params_from_cli(
            settings, args.output, overwrite_output=args.overwrite_output)
        settings.set("FEEDS", feeds, priority="cmdline")
    route_log(settings, _export_folder(args, settings), "crawl", verbose=args.verbose)
    summaries = crawl_sites(entries, settings, out_dir=args.out)
    for summary in summaries:
        print_summary(summary)
    print_total(summaries)
    return worst([s.exit_code() for s in summaries])


def _cmd_run(args: argparse.Namespace) -> int:
    from govcrawl.crawling import crawl_sites, print_summary, print_total, project_settings
    from govcrawl.logfile import route_log

    codes: list[ExitCode] = []
    if args.sites:
        entries = [resolve_site(s) for s in args.sites]
    else:
        entries = _enabled_entries(codes)
        if not entries:
            return worst(codes) if codes else ExitCode.USAGE
    overrides = {"GOVCRAWL_STATE_PATH": str(args.state or paths.state_file()), "GOVCRAWL_REFRESH": args.refresh,
                 "FEEDS": {}, **_redis(args), **_archive(args), **dict(_setting(s) for s in args.set)}
    settings = project_settings(overrides)
    route_log(settings, _export_folder(args, settings), "run", verbose=args.verbose)
    summaries = crawl_sites(entries, settings, out_dir=args.out)
    for summary in summaries:
        print_summary(summary)
    print_total(summaries)
    return worst(codes + [s.exit_code() for s in summaries])


def _export_folder(args: argparse.Namespace, settings: Settings) -> Path:
    """The export tree of a crawl or run, where its log goes too (beside the run reports)."""
    return args.out or Path(settings.get("GOVCRAWL_EXPORT_DIR") or paths.exports_dir())


def _state_location(text: str) -> Path | str:
    """A state file, or a redis:// URL (which a Path would mangle: redis:/host)."""
    return text if "://" in text else Path(text)


def _redis(args: argparse.Namespace) -> dict[str, str]:
    return {"GOVCRAWL_REDIS_URL": args.redis} if args.redis else {}


def _archive(args: argparse.Namespace) -> dict[str, str]:
    return {"GOVCRAWL_ARCHIVE_DIR": str(args.archive.resolve())} if args.archive else {}


def _enabled_entries(codes: list[ExitCode]) -> list[SiteEntry]:
    """Every enabled entry; unreadable entry files are named and skipped (the others still run)."""
    errors: list[SiteEntryError] = []
    entries = [e for e in load_entries(errors=errors).values() if e.enabled]
    for error in errors:
        print(f"govcrawl: skipped an unreadable site entry: {error}", file=sys.stderr)
        codes.append(ExitCode.ENTRY_FILE)
    if not entries:
        folders = ", ".join(map(str, entry_dirs()))
        print(f"govcrawl: no enabled site entry in {folders} (bundled entries are off until a "
              "data/sites/ file turns them on: key = \"tianmen\" and enabled = true)", file=sys.stderr)
    return entries


def _cmd_extract(args: argparse.Namespace) -> int:
    from govcrawl.offline import extract_saved_page

    if args.url and len(args.files) > 1:
        print("govcrawl: --url applies to a single file", file=sys.stderr)
        return ExitCode.USAGE
    site = _saved_page_site(args.site, args.column)
    fetched_at = args.fetched_at or datetime.now(UTC)
    status = ExitCode.OK
    for path in args.files:
        try:
            body = path.read_bytes()
        except OSError as exc:  # say so, and go on with the other files
            print(f"govcrawl: {path}: {exc.strerror}", file=sys.stderr)
            status = ExitCode.FAILED
            continue
        url = args.url if not args.url or "://" in args.url else f"http://{args.url}"
        record = extract_saved_page(body, url or path.resolve().as_uri(), site, fetched_at)
        print(json.dumps({"file": str(path), **record}, ensure_ascii=False), flush=True)
    return status


def _cmd_reextract(args: argparse.Namespace) -> int:
    from govcrawl.reextract import reextract_run

    entry = resolve_site(args.site)
    result, report = reextract_run(args.archives, entry, (args.out or paths.exports_dir()).resolve())
    for problem in result.problems:  # one line each: the rest of the file, and the other files, are read
        print(f"govcrawl: {problem}", file=sys.stderr)
    print(f"{entry.key}: reextract: {result.pages} archived pages read, {result.exported} records, "
          f"{sum(result.rejected.values())} rejected\n  report: {report}")
    return ExitCode.FAILED if result.problems else ExitCode.OK


def _saved_page_site(key: str, column: str | None):
    """The site a saved page is extracted as: a known entry's name and selectors, else the key."""
    from govcrawl.offline import SavedPageSite

    entry = load_entries().get(key)
    if entry is None:
        return SavedPageSite(key=key, column=column)
    return SavedPageSite(key=key, name=entry.name, column=column, selectors=entry.selectors.for_extraction())


def _moment(text: str) -> datetime:
    """An ISO 8601 moment; without an offset it is taken as UTC."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 time: {text!r}") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _cmd_check(args: argparse.Namespace) -> int:
    from govcrawl.check import no_articles, render_text

    files = [Path(t) for t in args.targets if _is_saved_file(t)]
    if args.url and len(files) != 1:
        print("govcrawl: --url applies to a single file", file=sys.stderr)
        return ExitCode.USAGE
    checks = [_check_file(path, args) for path in files]
    live = _live_targets([t for t in args.targets if not _is_saved_file(t)], args.site)
    if live:
        from govcrawl.crawling import check_live, project_settings
        from govcrawl.logfile import route_log

        settings = project_settings(dict(_setting(s) for s in args.set))
        # check exports nothing: its log goes beside the state, under the home folder
        route_log(settings, paths.home() / "data", "check", verbose=args.verbose)
        checks += check_live(live, settings)
    if args.json:
        for check in checks:
            print(json.dumps(check.as_dict(), ensure_ascii=False))
    else:
        print(render_text(checks))
    if any(check.kind == "unreachable" for check in checks):
        return ExitCode.FAILED
    return ExitCode.NO_ARTICLES if any(no_articles(check) for check in checks) else ExitCode.OK


def _is_saved_file(target: str) -> bool:
    return "://" not in target and not target.endswith(".toml") and Path(target).is_file()


def _check_file(path: Path, args: argparse.Namespace) -> PageCheck:
    """A saved page read as the crawl would read it; relative links resolve against --url."""
    from govcrawl.check import check_page, finish
    from govcrawl.extract.page_kind import SAVED_PAGE_BASE

    url = args.url or SAVED_PAGE_BASE
    entry = resolve_site(args.site) if args.site else _entry_for_url(url)
    body = path.read_bytes()
    found, _ = check_page(body, url, entry, fetched_at=datetime.now(UTC))
    if not args.url:  # say which file, not the stand-in address its links resolved against
        found.url = str(path)
        for warning in found.warnings:
            warning.problem = warning.problem.replace(url, str(path))
    return finish(found)


def _live_targets(targets: list[str], site: str | None) -> list[tuple[SiteEntry, list[str]]]:
    """Each live target as (entry, start pages): a site's own start pages, or URLs under --site
    (or a bare entry for their host)."""
    found: list[tuple[SiteEntry, list[str]]] = []
    for target in targets:
        if "://" in target:
            entry = resolve_site(site) if site else _entry_for_url(target)
            found.append((entry, [target]))
            continue
        entry = resolve_site(target)
        pages = [c.url for c in entry.start_columns] or [entry.home]
        found.append((entry, [p for p in pages if p]))
    return found


def _entry_for_url(url: str) -> SiteEntry:
    """A bare entry for a URL's host: a site's root is its home page, anything else a column."""
    from urllib.parse import urlparse

    parts = urlparse(url)
    host = parts.hostname or "localhost"
    page = {"home": url} if parts.path in ("", "/") and not parts.query else {"start_urls": [url]}
    return validate_entry({"key": "check", "name": host, "domains": [host], **page}, url)


def _cmd_demo(args: argparse.Namespace) -> int:
    from govcrawl.demo import run_demo

    return run_demo(args.out or paths.exports_dir() / "demo")


def _setting(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep:
        raise SystemExit(f"govcrawl: -s needs NAME=VALUE, got {text!r}")
    return name, value


if __name__ == "__main__":
    sys.exit(main())
