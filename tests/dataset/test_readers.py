"""The dataset reads the same in pyarrow, pandas, Polars and DuckDB; dates are China dates;
CSV and JSON Lines carry lists and objects as JSON."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pyarrow.parquet as pq

from tests.dataset.conftest import body, build
from tests.dataset.runtree import RunTree, record

IMAGES = [{"url": "http://www.alpha.gov.cn/a.jpg", "caption": "会场"}, {"url": "http://www.alpha.gov.cn/b.jpg",
                                                                       "caption": None}]
DOCUMENT = {"index_no": "011-2024-0001", "doc_no": "鄂政发〔2024〕1号"}


def _tree(tree: RunTree) -> None:
    """Articles on both sides of midnight in China, with lists, a document table and no date."""
    rows = [
        record("alpha", 1, body=body(1), published_at="2024-03-05T00:00:00+08:00", published_precision="day",
               images=IMAGES, document=DOCUMENT, authors=["王明", "李华"]),
        record("alpha", 2, body=body(2), published_at="2024-03-04T23:59:00+08:00"),
        record("alpha", 3, body=body(3), published_at="2024-03-05T23:59:59+08:00",
               attachments=[{"url": "http://www.alpha.gov.cn/f.pdf", "name": "附件1"}]),
        record("alpha", 4, body=body(4), published_at=None, published_precision=None, published_from=None),
    ]
    tree.run("alpha", "r1", rows)
    tree.run("beta", "r1", [record("beta", 1, body=body(11), published_at="2024-03-06T08:00:00+08:00")])


def test_pyarrow_pandas_polars_and_duckdb_read_the_same_rows(tree: RunTree, tmp_path: Path) -> None:
    _tree(tree)
    folder = build(tree, tmp_path / "ds").out / "articles"
    table = pq.read_table(folder).sort_by("id")
    assert table.schema.field("published_at").type.tz == "Asia/Shanghai"
    assert str(table.schema.field("images").type) == "list<element: struct<url: string, caption: string>>"
    want = table.select(["id", "site", "published_at", "published_date", "images", "document", "revision"]).to_pylist()
    pandas = pd.read_parquet(folder).sort_values("id")
    polars = pl.read_parquet(folder / "**" / "*.parquet", hive_partitioning=True).sort("id")
    con = duckdb.connect()
    con.execute("SET TimeZone = 'Asia/Shanghai'")
    duck = con.sql(f"SELECT * FROM read_parquet('{folder}/*/*.parquet', hive_partitioning = true) ORDER BY id")
    assert [r["id"] for r in want] == pandas["id"].tolist() == polars["id"].to_list() == [
        r[0] for r in duck.select("id").fetchall()]
    assert [str(r["published_at"]) for r in want] == [
        str(v) if not pd.isna(v) else "None" for v in pandas["published_at"]] == [
        str(v) for v in polars["published_at"].to_list()] == [str(r[0]) for r in duck.select("published_at").fetchall()]
    assert [r["published_date"] for r in want] == [
        v if not pd.isna(v) else None for v in pandas["published_date"]] == polars["published_date"].to_list() == [
        r[0] for r in duck.select("published_date").fetchall()]
    assert [r["images"] for r in want] == polars["images"].to_list() == [
        r[0] for r in duck.select("images").fetchall()] == [list(v) for v in pandas["images"]]
    assert [r["document"] for r in want] == polars["document"].to_list() == [
        r[0] for r in duck.select("document").fetchall()]
    assert {str(polars.schema["revision"]), str(duck.select("revision").types[0])} == {"Int32", "INTEGER"}
    assert sorted(set(pandas["site"].astype(str))) == sorted(set(polars["site"].to_list())) == ["alpha", "beta"]


def test_midnight_in_china_is_that_day(tree: RunTree, tmp_path: Path) -> None:
    _tree(tree)
    rows = pq.read_table(build(tree, tmp_path / "ds").out / "articles").to_pylist()
    dates = {r["title"]: r["published_date"] for r in rows if r["site"] == "alpha"}
    assert dates["第1号新闻标题"] == date(2024, 3, 5)  # 2024-03-04T16:00Z
    assert dates["第2号新闻标题"] == date(2024, 3, 4) and dates["第3号新闻标题"] == date(2024, 3, 5)
    one_day = build(tree, tmp_path / "day", since=date(2024, 3, 5), until=date(2024, 3, 5))
    titles = sorted(r["title"] for r in pq.read_table(one_day.out / "articles").to_pylist())  # beta: 03-06
    assert titles == ["第1号新闻标题", "第3号新闻标题"]  # not the 23:59 one before, nor the undated one
    assert one_day.figures["published"] == {"first": "2024-03-05", "last": "2024-03-05", "undated": 0}


def test_csv_has_json_lists_and_a_bom_for_excel(tree: RunTree, tmp_path: Path) -> None:
    _tree(tree)
    out = build(tree, tmp_path / "ds", format="csv", bom=True).out
    raw = (out / "articles" / "alpha.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    first = next(r for r in rows if r["title"] == "第1号新闻标题")
    assert json.loads(first["images"]) == IMAGES and json.loads(first["authors"]) == ["王明", "李华"]
    assert json.loads(first["document"])["doc_no"] == DOCUMENT["doc_no"]
    assert first["published_at"] == "2024-03-05T00:00:00+08:00" and first["published_date"] == "2024-03-05"
    assert json.loads(next(r for r in rows if r["title"] == "第2号新闻标题")["images"]) == []
    plain = build(tree, tmp_path / "plain", format="csv").out / "articles" / "beta.csv"
    assert plain.read_bytes().startswith(b"id,url,site,")


def test_json_lines_keep_the_china_offset(tree: RunTree, tmp_path: Path) -> None:
    _tree(tree)
    out = build(tree, tmp_path / "ds", format="jsonl").out
    rows = [json.loads(line) for line in (out / "articles" / "alpha.jsonl").read_text(encoding="utf-8").splitlines()]
    first = next(r for r in rows if r["title"] == "第1号新闻标题")
    assert first["published_at"] == "2024-03-05T00:00:00+08:00" and first["crawled_at"] == "2024-03-06T01:00:00+00:00"
    assert first["images"] == IMAGES and first["site"] == "alpha"
    assert pl.read_ndjson(out / "articles" / "alpha.jsonl").height == 4  # Polars reads it as it is
