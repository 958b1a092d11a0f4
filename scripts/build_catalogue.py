#!/usr/bin/env python3
"""Build govcrawl/catalogue/data/gov-sites.csv and its README from the public list of government portals in
anyi-econ/china-public-debt (data/website-gov.ts, province → prefecture → county).

It reads the list from a clone or a bare git directory of that repository, at a commit (default
HEAD), and parses its array of {name, url, children} nodes with a tokenizer of its own (nothing of
the source is run or copied: names and URLs are taken as data). Each unit gets a level; rows known
to be wrong are corrected (with the evidence) or marked in their note, never kept silently; the
source's own review (docs/website-gov-review.md: portals its check could not reach) becomes notes.

    python scripts/build_catalogue.py /path/to/china-public-debt [--commit REV] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from pypinyin import lazy_pinyin

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout without installing it

from govcrawl import site_rules  # noqa: E402
from govcrawl.catalogue import CATALOGUE_FILE, Level, Unit, write_catalogue  # noqa: E402
from govcrawl.sites import BUNDLED_DIR, load_entry  # noqa: E402

REPOSITORY = "anyi-econ/china-public-debt"
TREE_PATH = "data/website-gov.ts"
REVIEW_PATH = "docs/website-gov-review.md"
#: the exported array of data/website-gov.ts
ARRAY_START = re.compile(r"\bGOV_WEBSITES\b[^=]*=")

MUNICIPALITIES = {"北京市", "天津市", "上海市", "重庆市"}
#: prefecture-level cities with no counties, so listed under their province without children
PREFECTURES_WITHOUT_COUNTIES = {("广东省", "东莞市"), ("广东省", "中山市"), ("海南省", "儋州市"),
                                ("甘肃省", "嘉峪关市")}
#: county-level units a province governs directly (省直辖县级行政单位), listed under their province
DIRECT_COUNTIES = {
    "湖北省": {"仙桃市", "潜江市", "天门市", "神农架林区"},
    "河南省": {"济源示范区"},
    "海南省": {"五指山市", "文昌市", "琼海市", "万宁市", "东方市", "定安县", "屯昌县", "澄迈县", "临高县",
             "白沙黎族自治县", "昌江黎族自治县", "乐东黎族自治县", "陵水黎族自治县", "保亭黎族苗族自治县",
             "琼中黎族苗族自治县"},
}
#: host labels that name a server, not the unit (www.x.gov.cn, wap.xjalt.gov.cn)
SERVER_LABELS = {"www", "wap", "m"}


class BuildError(Exception):
    """The source says something this script does not know how to take: fix the script's tables."""


@dataclass(frozen=True, slots=True)
class Correction:
    """A home the source gets wrong: what it says, what is right, and the evidence."""

    says: str
    home: str
    why: str


#: (province, name) → correction; each must still match what the source says, or the build stops
CORRECTIONS = {
    ("湖北省", "大冶市"): Correction(
        "http://www.huangshi.gov.cn/", "https://www.hbdaye.gov.cn/",
        "corrected: the source gives http://www.huangshi.gov.cn/, the portal of its parent 黄石市, and "
        "大冶市人民政府 is at www.hbdaye.gov.cn (its pages are cited there in several public repositories)"),
    ("吉林省", "珲春市"): Correction(
        "http://www.yanbian.gov.cn/", "http://www.hunchun.gov.cn/",
        "corrected: the source gives http://www.yanbian.gov.cn/, the portal of its parent 延边州, and "
        "the same repository's data/website-budget.ts puts 珲春市 at www.hunchun.gov.cn"),
    ("上海市", "普陀区"): Correction(
        "https://www.putuo.gov.cn/", "https://www.shpt.gov.cn/",
        "corrected: the source gives https://www.putuo.gov.cn/, which is 舟山市普陀区 (浙江), and "
        "上海市普陀区人民政府 is at www.shpt.gov.cn"),
}
#: (province, name) → a known trap or oddity, carried as a note
NOTES = {
    ("重庆市", "黔江区"): "www.qianjiang.gov.cn is 重庆市黔江区, not 湖北省潜江市 (www.hbqj.gov.cn)",
    ("湖北省", "潜江市"): "潜江市 is at www.hbqj.gov.cn; www.qianjiang.gov.cn is 重庆市黔江区",
    ("湖北省", "汉南区"): "the portal of 武汉经济技术开发区 (武汉经开区), which governs 汉南区 since their "
                       "merger: its pages say 武汉经开区",
    ("重庆市", "两江新区"): "a state-level new area (国家级新区), not an administrative division",
    ("河南省", "济源示范区"): "济源市, a county-level city the province governs directly, run as "
                         "济源产城融合示范区",
    ("新疆维吾尔自治区", "新疆生产建设兵团"): "the Xinjiang Production and Construction Corps, not an "
                                 "administrative division; its cities are county-level",
    ("安徽省", "贵池区"): "www.ahgc.gov.cn is named 贵池区人民政府 in public pages, unchecked here",
}


# --- reading the source -------------------------------------------------------------------------

def git_show(repo: Path, commit: str, path: str) -> str:
    """A file of the source repository at a commit."""
    return _git(repo, "show", f"{commit}:{path}")


def _git(repo: Path, *args: str) -> str:
    proc = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=False)
    if proc.returncode:
        raise BuildError(f"git {' '.join(args)} in {repo}: {proc.stderr.strip()}")
    return proc.stdout


TOKEN = re.compile(r"""(?P<skip>\s+|//[^\n]*|/\*.*?\*/)
    |(?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
    |(?P<punct>[\[\]{},:;])
    |(?P<word>[A-Za-z_$][\w$]*)""", re.X | re.S)


def tokens(text: str, start: int) -> Iterator[tuple[str, str, int]]:
    """(kind, text, offset) of each token from ``start``: strings, punctuation and words."""
    pos = start
    while pos < len(text):
        match = TOKEN.match(text, pos)
        if match is None:
            raise BuildError(f"line {text.count(chr(10), 0, pos) + 1}: unexpected {text[pos:pos + 20]!r}")
        pos = match.end()
        if match.lastgroup != "skip":
            yield match.lastgroup or "", match.group(), match.start()


class LiteralParser:
    """A recursive-descent reader of the literal subset the list is written in: arrays, objects whose
    keys are words or strings, and strings (trailing commas allowed)."""

    def __init__(self, text: str, start: int) -> None:
        self.text = text
        self.tokens = tokens(text, start)
        self.current = next(self.tokens, ("end", "", len(text)))

    def value(self) -> object:
        """The value that starts at the current token."""
        kind, token, _ = self.current
        if token == "[":
            return self._sequence("]", self.value)
        if token == "{":
            return dict(self._sequence("}", self._member))
        if kind == "string":
            self._advance()
            return _string(token)
        raise self._error("a value")

    def _member(self) -> tuple[str, object]:
        kind, token, _ = self.current
        if kind not in ("word", "string"):
            raise self._error("a key")
        self._advance()
        self._expect(":")
        return (token if kind == "word" else _string(token)), self.value()

    def _sequence(self, close: str, item) -> list:
        self._advance()
        items = []
        while self.current[1] != close:
            items.append(item())
            if self.current[1] != ",":
                break
            self._advance()
        self._expect(close)
        return items

    def _expect(self, token: str) -> None:
        if self.current[1] != token:
            raise self._error(repr(token))
        self._advance()

    def _advance(self) -> None:
        self.current = next(self.tokens, ("end", "", len(self.text)))

    def _error(self, wanted: str) -> BuildError:
        _, token, offset = self.current
        line = self.text.count("\n", 0, offset) + 1
        return BuildError(f"{TREE_PATH} line {line}: expected {wanted}, found {token or 'the end'!r}")


def _string(token: str) -> str:
    """A JavaScript string literal's value (the escapes JSON shares; \\' in single quotes)."""
    inner = token[1:-1]
    if token[0] == "'":
        inner = inner.replace("\\'", "'").replace('"', '\\"')
    try:
        return json.loads(f'"{inner}"')
    except json.JSONDecodeError as exc:
        raise BuildError(f"a string the script cannot read: {token[:60]} ({exc.msg})") from None


def parse_tree(text: str) -> list[dict]:
    """The array of {name, url, children} nodes that data/website-gov.ts exports."""
    start = ARRAY_START.search(text)
    if start is None:
        raise BuildError(f"{TREE_PATH}: no `GOV_WEBSITES … =` in it")
    tree = LiteralParser(text, start.end()).value()
    if not isinstance(tree, list):
        raise BuildError(f"{TREE_PATH}: GOV_WEBSITES is not an array")
    return [_node(n) for n in tree]


def _node(node: object) -> dict:
    """A node checked: a name, a url (maybe empty) and children that are nodes too."""
    if not (isinstance(node, dict) and isinstance(node.get("name"), str) and isinstance(node.get("url"), str)
            and set(node) <= {"name", "url", "children"}):
        raise BuildError(f"{TREE_PATH}: not a {{name, url, children}} node: {str(node)[:120]}")
    return {**node, "children": [_node(c) for c in node.get("children", [])]}


# --- rows ----------------------------------------------------------------------------------------

@dataclass(slots=True)
class Row:
    """A unit while the catalogue is built: where it sits in the tree and what the source says."""

    name: str
    province: str
    parent: str
    depth: int
    has_children: bool
    says: str
    home: str = ""
    notes: list[str] = field(default_factory=list)
    key: str = ""

    @property
    def host(self) -> str:
        return (urlsplit(self.home).hostname or "") if self.home else ""


def rows_of(tree: list[dict]) -> list[Row]:
    """Every node of the tree, depth first (a province, then each prefecture and its counties)."""
    found: list[Row] = []

    def walk(nodes: list[dict], province: str, parent: str, depth: int) -> None:
        for node in nodes:
            name = node["name"].strip()
            found.append(Row(name, province or name, parent, depth, bool(node["children"]),
                             node["url"].strip(), node["url"].strip()))
            walk(node["children"], province or name, name, depth + 1)

    walk(tree, "", "", 0)
    return found


def level_of(row: Row) -> Level:
    """province, prefecture or county, from the row's place in the tree and the tables above."""
    if row.depth == 0:
        return "province"
    if row.depth == 2:
        return "county"
    if row.depth == 1 and row.has_children:
        return "prefecture"
    if row.depth == 1 and row.province in MUNICIPALITIES:
        return "county"
    if (row.province, row.name) in PREFECTURES_WITHOUT_COUNTIES:
        return "prefecture"
    if row.depth == 1 and row.name in DIRECT_COUNTIES.get(row.province, ()):
        return "county"
    raise BuildError(f"{row.province} {row.name} (depth {row.depth}, no children): a level the script cannot tell; "
                     "add it to PREFECTURES_WITHOUT_COUNTIES or DIRECT_COUNTIES")


def prefecture_of(row: Row, level: Level) -> str:
    """The prefecture-level unit a row is or belongs to ('' for a province or a county under it)."""
    if level == "prefecture":
        return row.name
    return row.parent if row.depth == 2 else ""


# --- corrections and marks -----------------------------------------------------------------------

def _one(rows: list[Row], province: str, name: str) -> Row:
    matches = [r for r in rows if (r.province, r.name) == (province, name)]
    if len(matches) != 1:
        raise BuildError(f"{province} {name}: {len(matches)} rows in the source, the script's tables expect one")
    return matches[0]


def apply_corrections(rows: list[Row]) -> None:
    """Put right the homes CORRECTIONS names, as long as the source still says what they correct."""
    for (province, name), fix in CORRECTIONS.items():
        row = _one(rows, province, name)
        if row.says != fix.says:
            raise BuildError(f"{province} {name}: the source now gives {row.says!r}, the correction expects "
                             f"{fix.says!r}: check whether it still applies")
        row.home = fix.home
        row.notes.append(fix.why)


def mark_shared_hosts(rows: list[Row]) -> None:
    """Rows whose host another row has too: a child on its parent's portal loses its home (it has
    none of its own that we know), any other pair is marked on both sides."""
    by_host: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        if row.host:
            by_host[row.host.removeprefix("www.")].append(row)
    for group in (g for g in by_host.values() if len(g) > 1):
        names = {(r.province, r.name) for r in group}
        for row in group:
            if (row.province, row.parent) in names:
                row.notes.append(f"no home: the source gives {row.home}, the portal of its parent {row.parent}")
                row.home = ""
        kept = [r for r in group if r.home]
        for row in kept if len(kept) > 1 else []:
            others = ", ".join(f"{r.name} ({r.province})" for r in kept if r is not row)
            row.notes.append(f"its host is also given for {others}: one of them is wrong")


def add_notes(rows: list[Row]) -> None:
    """The known traps of NOTES, and why a row has no home."""
    for (province, name), note in NOTES.items():
        _one(rows, province, name).notes.append(note)
    for row in rows:
        if not row.says:
            row.notes.append("no home: the source has none (its url is empty)")


REVIEW_ROW = re.compile(r"^\|\s*(?P<name>[^|]+?)\s*\|\s*(?P<parent>[^|]*?)\s*\|\s*(?P<url>https?://[^|\s]+)\s*\|"
                        r"\s*(?P<status>[^|]+?)\s*\|\s*(?P<error>[^|]*?)\s*\|\s*(?P<basis>[^|]*?)\s*\|$", re.M)
REVIEW_DATE = re.compile(r"生成时间:\s*(\d{4}-\d{2}-\d{2})")


def add_review_notes(rows: list[Row], review: str) -> int:
    """The source's review of portals its scripted check could not reach (or doubted), as notes;
    how many rows it named."""
    day = REVIEW_DATE.search(review)
    when = day.group(1) if day else "undated"
    by_source_host = {(urlsplit(r.says).hostname or "", r.name): r for r in rows if r.says}
    named = 0
    for match in REVIEW_ROW.finditer(review):
        row = by_source_host.get((urlsplit(match["url"]).hostname or "", match["name"]))
        if row is None:
            raise BuildError(f"{REVIEW_PATH} names {match['name']} at {match['url']}, which no row of the list has")
        row.notes.append(_review_note(match, when))
        named += 1
    return named


#: how the notes taken from the source's review begin
REVIEW_NOTES = ("unreachable to a scripted browser", "doubted in the source's check")


def _review_note(match: re.Match[str], when: str) -> str:
    if match["status"] == "无法访问":
        error = match["error"] or match["basis"].removeprefix("(Playwright) ")[:40]
        return (f"unreachable to a scripted browser in the source's check of {when} ({error}: a firewall, "
                "said its maintainers, who opened it by hand)")
    return f"doubted in the source's check of {when}: {match['basis'].removeprefix('(Playwright) ')}"


def check_homes(rows: list[Row]) -> None:
    """Every home is an address a site entry accepts, on its own host."""
    for row in rows:
        if row.home:
            try:
                site_rules.check_url(row.home, [site_rules.check_domain(row.host)])
            except ValueError as exc:
                raise BuildError(f"{row.province} {row.name}: {exc}") from None


# --- keys ----------------------------------------------------------------------------------------

def initials(text: str) -> str:
    """Pinyin initials, lower-case: 湖北 → hb."""
    return "".join(syllable[0] for syllable in lazy_pinyin(text) if syllable[:1].isascii() and syllable[:1].isalpha())


def short_province(province: str) -> str:
    """湖北省 → 湖北, 广西壮族自治区 → 广西, 北京市 → 北京."""
    return re.sub(r"(壮族|回族|维吾尔)?自治区$|特别行政区$|省$|市$", "", province)


def base_key(row: Row) -> str:
    """A key from the home's host: its labels without the server name and the public suffix
    (www.tianmen.gov.cn → tianmen, maojian.shiyan.gov.cn → maojian-shiyan), else the name's pinyin."""
    sub, domain, _ = site_rules.split_host(row.host)
    labels = [label for label in [*sub.split("."), domain] if label]
    while labels and labels[0] in SERVER_LABELS:
        labels.pop(0)
    return "-".join(labels) or "".join(lazy_pinyin(short_province(row.name)))


def assign_keys(rows: list[Row], reserved: dict[str, str]) -> None:
    """A unique key for each row with a home: a bundled entry's own key for its host, else the host's
    key, with the province's initials when several hosts (or a bundled entry) would share it."""
    by_key: dict[str, list[Row]] = defaultdict(list)
    for row in (r for r in rows if r.home):
        if row.host in reserved:
            row.key = reserved[row.host]
        else:
            by_key[base_key(row)].append(row)
    taken = set(reserved.values())
    for key, group in by_key.items():
        shared = len(group) > 1 or key in taken
        for row in group:
            row.key = site_rules.check_key(f"{key}-{initials(short_province(row.province))}" if shared else key)
    clashes = [k for k, n in Counter(r.key for r in rows if r.key).items() if n > 1]
    if clashes:
        raise BuildError(f"keys still shared after adding the province: {', '.join(clashes)}")


def bundled_hosts() -> dict[str, str]:
    """host → key of each bundled entry: the catalogue gives those hosts the same keys."""
    entries = [load_entry(f) for f in BUNDLED_DIR.iterdir() if f.name.endswith(".toml")]
    return {domain: entry.key for entry in entries for domain in entry.domains}


# --- the catalogue -------------------------------------------------------------------------------

def build(tree_text: str, review: str, source: str) -> tuple[list[Unit], int]:
    """The catalogue's rows from the source's list and review, and how many rows the review named."""
    rows = rows_of(parse_tree(tree_text))
    apply_corrections(rows)
    mark_shared_hosts(rows)
    add_notes(rows)
    reviewed = add_review_notes(rows, review)
    check_homes(rows)
    reserved = bundled_hosts()
    assign_keys(rows, reserved)
    missing = [host for host in reserved if host not in {r.host for r in rows}]
    if missing:
        raise BuildError(f"bundled entries on hosts the catalogue lacks: {', '.join(missing)}")
    return [_unit(row, source) for row in rows], reviewed


def _unit(row: Row, source: str) -> Unit:
    level = level_of(row)
    return Unit(key=row.key, name=row.name, level=level, province=row.province, prefecture=prefecture_of(row, level),
                home=row.home, domains=(row.host,) if row.host else (), site_code="", note="; ".join(row.notes),
                source=source)


README = """\
# The catalogue of government portals

`gov-sites.csv` lists China's government units (provinces, prefectures, counties) with their
portals' home pages: what `govcrawl catalogue` searches and `govcrawl add` turns into site entries.
Do not edit it by hand: `scripts/build_catalogue.py` writes it, and this README, from the source.

## Where it comes from

Every row comes from the public repository [{repository}](https://github.com/{repository}), file
`{tree_path}` (a province → prefecture → county tree of names and URLs), at commit
`{commit}` ({date}); notes on unreachable portals come from `{review_path}` of the same commit. Names
and URLs are facts, taken as data: the script parses the file itself and copies no code. To rebuild:

```sh
python scripts/build_catalogue.py /path/to/china-public-debt --commit {commit}
```

## Columns

| column | meaning |
|---|---|
{columns}

UTF-8, comma-separated, one header row; `domains` is space-separated.

## Levels

`province` for the 31 provinces, autonomous regions and municipalities, Hong Kong, Macau and Taiwan;
`prefecture` for the units under a province that have counties of their own (cities, 自治州, 地区, 盟,
and the Xinjiang Production and Construction Corps), and for the prefecture-level cities that have
none ({prefectures_without_counties}); `county` for everything else. So a municipality's districts
(北京市朝阳区) are counties with an empty `prefecture`: they are county-level units directly under a
province-level one. So are the county-level units a province governs directly ({direct_counties}).

## Corrections and marks

A row the source gets wrong is corrected when the right home is known, or loses its home when it is
not, and says so in `note`; nothing wrong is kept silently. The script stops when the source no longer
says what a correction corrects. Rows with such a note:

{marked}

Besides these, {reviewed} rows carry a note from the source's own review: portals its scripted check
could not reach (firewalls answering 412, 468 or 521 to scripts; its maintainers opened them by hand).

## Figures

{rows} rows ({levels}); {homes} with a home page, {hosts} distinct hosts; {empty} without a home.
"""
FIELD_HELP = {
    "key": "the site key `govcrawl add` writes: from the home's host (www.tianmen.gov.cn → tianmen), with the "
           "province's pinyin initials when hosts would share one (qianjiang-cq); a bundled entry's key on its host",
    "name": "the unit's name as the source spells it",
    "level": "`province`, `prefecture` or `county` (below)",
    "province": "the province-level unit it is or belongs to",
    "prefecture": "the prefecture-level unit it is or belongs to; empty for a province and a county directly under one",
    "home": "the portal's home page; empty when none is known (`note` says why)",
    "domains": "the hosts a crawl stays on: the home's host",
    "site_code": "the portal's 网站标识码 (`<meta name=\"SiteIDCode\">`) where known: the source has none, "
                 "so it is empty for now",
    "note": "known problems, corrections and their evidence, `; `-separated",
    "source": "where the row came from: repository@commit:path",
}


def readme(units: list[Unit], reviewed: int, commit: str, date: str) -> str:
    """The catalogue's README: provenance, columns, levels, corrections, figures."""
    marked = [u for u in units if any(part and not part.startswith(REVIEW_NOTES) for part in u.note.split("; "))]
    levels = Counter(u.level for u in units)
    return README.format(
        repository=REPOSITORY, tree_path=TREE_PATH, review_path=REVIEW_PATH, commit=commit, date=date,
        columns="\n".join(f"| `{name}` | {text} |" for name, text in FIELD_HELP.items()),
        prefectures_without_counties=", ".join(name for _, name in sorted(PREFECTURES_WITHOUT_COUNTIES)),
        direct_counties="; ".join(f"{p}: {', '.join(sorted(n))}" for p, n in DIRECT_COUNTIES.items()),
        marked="\n".join(f"- {u.name} ({_place(u)}): {u.note}" for u in marked),
        reviewed=reviewed, rows=len(units), levels=", ".join(f"{levels[lv]} {lv}" for lv in ("province",
                                                                                             "prefecture", "county")),
        homes=sum(1 for u in units if u.home), hosts=len({u.host for u in units if u.home}),
        empty=sum(1 for u in units if not u.home))


def _place(unit: Unit) -> str:
    """Where a unit is: 湖北省 黄石市, or its province alone."""
    return " ".join(p for p in (unit.province, unit.prefecture) if p and p != unit.name) or unit.name


def main(argv: list[str] | None = None) -> int:
    """Read the source repository, build the catalogue, write it and its README."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help=f"a clone or bare git directory of {REPOSITORY}")
    parser.add_argument("--commit", default="HEAD", help="the source's commit to read (default HEAD)")
    parser.add_argument("--out", type=Path, default=CATALOGUE_FILE, help="the CSV file to write")
    args = parser.parse_args(argv)
    try:
        commit = _git(args.source, "rev-parse", f"{args.commit}^{{commit}}").strip()
        date = _git(args.source, "log", "-1", "--format=%cs", commit).strip()
        source = f"{REPOSITORY}@{commit[:12]}:{TREE_PATH}"
        units, reviewed = build(git_show(args.source, commit, TREE_PATH), git_show(args.source, commit, REVIEW_PATH),
                                source)
    except BuildError as exc:
        print(f"build_catalogue: {exc}", file=sys.stderr)
        return 1
    write_catalogue(units, args.out)
    args.out.with_name("README.md").write_text(readme(units, reviewed, commit, date), encoding="utf-8")
    print(f"{args.out}: {len(units)} units, {sum(1 for u in units if u.home)} with a home page")
    return 0


if __name__ == "__main__":
    sys.exit(main())
