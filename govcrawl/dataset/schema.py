"""The dataset's Arrow schema, derived from the record's JSON Schema (govcrawl/schema/article.json).

Every reader (pandas, Polars, DuckDB, pyarrow) gets the same types from the files instead of
guessing them from the first rows: a column that is null in one run file and a string in the
next, or an empty list, is what broke them on the raw JSON Lines.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import pyarrow as pa

from govcrawl.extract.vocabulary import DOCUMENT_FIELDS

#: China has one fixed offset (+08:00, no daylight saving since 1991): an IANA name, because
#: Polars and pandas accept those where some reject a bare "+08:00"
CHINA_TZ = "Asia/Shanghai"
#: fields whose strings are moments; published_at keeps the China zone, crawl times are UTC
TIMESTAMPS = {"published_at": CHINA_TZ, "crawled_at": "UTC", "first_seen": "UTC"}
#: columns the dataset adds to the record's own
DERIVED: list[pa.Field] = [
    pa.field("published_date", pa.date32()),  # the publish date in China
    pa.field("reprint_group", pa.string()),  # id of the group's first publication (itself if alone)
    pa.field("reprint_first_published", pa.timestamp("s", tz=CHINA_TZ)),
    pa.field("run_id", pa.string()),  # the run file the row came from
    pa.field("run_kind", pa.string()),  # crawl (a full snapshot) or run (an increment)
]


@cache
def record_json_schema() -> dict[str, Any]:
    """govcrawl/schema/article.json."""
    return json.loads(resources.files("govcrawl.schema").joinpath("article.json").read_text())


def _json_type(name: str, spec: dict[str, Any]) -> pa.DataType:
    """The Arrow type of one JSON Schema property."""
    if name in TIMESTAMPS:
        return pa.timestamp("s", tz=TIMESTAMPS[name])
    if name == "document":
        # The schema allows any string keys; the table's keys are those extraction knows.
        return pa.struct([(key, pa.string()) for key in DOCUMENT_FIELDS])
    kinds = spec.get("type", "string")
    kinds = [kinds] if isinstance(kinds, str) else kinds
    if "array" in kinds:
        return pa.list_(_json_type("", spec["items"]))
    if "object" in kinds:
        props = spec["properties"]
        return pa.struct([(key, _json_type(key, props[key])) for key in props])
    return pa.int32() if "integer" in kinds else pa.string()


@cache
def record_schema() -> pa.Schema:
    """The raw record as read from a run file, in the JSON Schema's order."""
    props = record_json_schema()["properties"]
    required = set(record_json_schema()["required"])
    fields = [pa.field(name, _json_type(name, spec), nullable=name not in required or name in _NULLABLE)
              for name, spec in props.items()]
    return pa.schema(fields)


#: required by the JSON Schema yet allowed to be null
_NULLABLE = {"published_at", "published_precision", "source"}


@cache
def dataset_schema() -> pa.Schema:
    """The dataset's columns: the record's, then the derived ones; published_date after published_at."""
    fields = list(record_schema())
    derived = {f.name: f for f in DERIVED}
    at = [f.name for f in fields].index("published_at") + 1
    fields.insert(at, derived.pop("published_date"))
    return pa.schema(fields + list(derived.values()))


def parquet_schema() -> pa.Schema:
    """The dataset's columns without ``site``: Parquet keeps it in the folder name (site=…)."""
    schema = dataset_schema()
    return schema.remove(schema.get_field_index("site"))
