"""Pure extraction: HTML (plus URL and fetch time) in, finished record fields out.

No Scrapy or Twisted imports here. The spider, ``govcrawl extract`` and the corpus gate all
call ``extract_record``, so a crawled page and a saved page give the same record. A crawled page
is parsed once (``parse_page``) and that one tree is handed to the list reader and the record.
"""

from __future__ import annotations

from govcrawl.extract.chrome import strip_chrome_lines
from govcrawl.extract.credits import parse_credits
from govcrawl.extract.dates import choose_published, parse_date
from govcrawl.extract.document import ParsedPage, parse_page
from govcrawl.extract.encoding import decode_html
from govcrawl.extract.record import ArticleFields, PageFields, extract_record
from govcrawl.extract.selectors import FieldSelectors
from govcrawl.extract.text import as_line, repair_text, to_simplified
from govcrawl.extract.types import Credits, DateCandidate, Line, Link, PublishedDate
from govcrawl.extract.verdict import Rejection, judge_page

__all__ = [
    "ArticleFields",
    "Credits",
    "DateCandidate",
    "FieldSelectors",
    "Line",
    "Link",
    "PageFields",
    "ParsedPage",
    "PublishedDate",
    "Rejection",
    "as_line",
    "choose_published",
    "decode_html",
    "extract_record",
    "judge_page",
    "parse_credits",
    "parse_date",
    "parse_page",
    "repair_text",
    "strip_chrome_lines",
    "to_simplified",
]
