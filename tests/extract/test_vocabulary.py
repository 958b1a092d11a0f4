"""One label vocabulary: every consumer recognises every label of its kind, traditional forms too."""

from __future__ import annotations

import opencc
import pytest

from govcrawl.extract import as_line, container, parse_credits, title
from govcrawl.extract import vocabulary as v
from govcrawl.extract.body import _is_credit
from govcrawl.extract.chrome import is_chrome_line
from govcrawl.extract.disclosure import extract_disclosure_table
from govcrawl.extract.document import parse_html
from govcrawl.extract.labelled import labelled_author, labelled_dates, labelled_editors, labelled_source
from govcrawl.extract.page import _written_source

TABLES = {
    "DATE_LABELS": v.DATE_LABELS, "DOCUMENT_DATE_LABELS": v.DOCUMENT_DATE_LABELS,
    "SOURCE_LABELS": v.SOURCE_LABELS, "AUTHOR_LABELS": v.AUTHOR_LABELS, "PHOTO_LABELS": v.PHOTO_LABELS,
    "EDITOR_LABELS": v.EDITOR_LABELS, "ROLE_WORDS": v.ROLE_WORDS,
    **{f"DOCUMENT_FIELDS[{key}]": labels for key, labels in v.DOCUMENT_FIELDS.items()},
}
NON_BARE_DATE_LABELS = [label for label in v.DATE_LABELS if label not in v.BARE_DATE_LABELS]


@pytest.mark.parametrize("config", ["s2t", "s2tw", "s2hk"])
@pytest.mark.parametrize("table", sorted(TABLES))
def test_every_label_has_its_traditional_forms(table: str, config: str) -> None:
    converter = opencc.OpenCC(config)
    labels = TABLES[table]
    assert [converter.convert(label) for label in labels if converter.convert(label) not in labels] == []


@pytest.mark.parametrize("label", v.DATE_LABELS)
def test_publish_date_labels(label: str) -> None:
    primary, document = labelled_dates(f"标题\n{label}：2023-07-24 10:20\n", 0, None)
    assert [c.parsed.value.isoformat() for c in primary] == ["2023-07-24T10:20:00+08:00"]
    assert document == []


@pytest.mark.parametrize("label", v.DOCUMENT_DATE_LABELS)
def test_document_date_labels(label: str) -> None:
    primary, document = labelled_dates(f"标题\n{label}：2023年7月24日\n", 0, None)
    assert primary == [] and [c.origin for c in document] == ["document"]


@pytest.mark.parametrize("label", v.SOURCE_LABELS)
def test_source_labels(label: str) -> None:
    assert labelled_source(f"标题\n{label}：湖北日报\n", 0) == "湖北日报"
    assert _is_credit(f"{label}：湖北日报")


@pytest.mark.parametrize("label", [*NON_BARE_DATE_LABELS, *v.SOURCE_LABELS])
def test_a_leaked_date_or_source_line_is_chrome(label: str) -> None:
    assert is_chrome_line(as_line(f"{label}：2023-07-24 湖北日报").simple)


@pytest.mark.parametrize("label", v.AUTHOR_LABELS)
def test_author_labels(label: str) -> None:
    line = f"{label}：张小明"
    assert labelled_author(f"标题\n{line}\n", 0, None) == line
    assert _is_credit(line)
    assert parse_credits(None, [line]).authors == ["张小明"]


@pytest.mark.parametrize("label", v.EDITOR_LABELS)
def test_editor_labels(label: str) -> None:
    line = f"{label}：王大力"
    # above the body (beside the headline) and right below it: both are the article's
    assert labelled_editors(f"标题\n{line}\n正文", 0, (len(f"标题\n{line}\n"), 99)) == [line]
    assert labelled_editors(f"标题\n正文正文\n{line}", None, (3, 8)) == [line]
    assert _is_credit(line)
    assert parse_credits(None, [line]).editors == ["王大力"]


@pytest.mark.parametrize("label", v.PHOTO_LABELS)
def test_photo_credit_is_a_credit_but_not_an_author(label: str) -> None:
    assert _is_credit(f"{label}：李四")
    assert parse_credits(None, [f"{label}：李四"]).authors == []


@pytest.mark.parametrize(("key", "label"), [(k, lab) for k, labels in v.DOCUMENT_FIELDS.items() for lab in labels])
def test_disclosure_table_labels(key: str, label: str) -> None:
    anchor = "发文字号：鄂政发〔2023〕1号" if key != "doc_no" else "索引号：011043-2023-00001"
    text = f"{anchor}\n{label}：值{key}\n"
    assert extract_disclosure_table(text, None)[key] == f"值{key}"


@pytest.mark.parametrize("word", v.ROLE_WORDS)
def test_a_role_word_starts_a_new_credit(word: str) -> None:
    assert parse_credits(None, [f"记者 张小明、{word}李文"]).authors[0] == "张小明"


@pytest.mark.parametrize("label", [*v.DATE_LABELS, *v.SOURCE_LABELS, *v.AUTHOR_LABELS])
def test_rows_around_the_headline_are_not_the_headline(label: str) -> None:
    assert title._NOT_HEADLINE.match(f"{label}：2023-07-24 湖北日报")
    assert title._FIELD_AFTER.match(f"\n{label}：2023-07-24")
    assert title._TRAILING_FIELD.search(f"市政府召开常务会议\x1f{label}：湖北日报")


@pytest.mark.parametrize("label", [*v.DATE_LABELS, *v.SOURCE_LABELS])
def test_date_and_source_rows_never_vote_for_the_body(label: str) -> None:
    assert container._NO_VOTE.search(f"{label}：2023-07-24 湖北日报")


@pytest.mark.parametrize("label", v.SOURCE_LABELS)
def test_a_source_written_by_script_is_shown(label: str) -> None:
    root = parse_html(f"<html><body><script>document.write('{label}：湖北日报');</script></body></html>")
    assert _written_source(root.find(".//script")).strip("\x1f") == f"{label}：湖北日报"
