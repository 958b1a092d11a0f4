"""What a record had, kept in the state beside its hash: so that a recheck can tell a real
correction from a page that a redesign made worse (its 来源 or date gone, most of its body).

Stored as a short string, ``"tds:1234"``: a letter for each field the record had (title, date,
source) and the body's length in characters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: the letter of each field whose loss makes a revision worse
FIELDS = {"t": "title", "d": "published_at", "s": "source"}
#: a body that falls below this share of the known one is a loss
BODY_KEPT = 0.5


@dataclass(frozen=True, slots=True)
class RecordQuality:
    """The fields a record had, and its body's length."""

    present: frozenset[str]
    body_chars: int

    @classmethod
    def of(cls, record: dict[str, Any]) -> RecordQuality:
        return cls(frozenset(f for f, name in FIELDS.items() if record.get(name)), len(record.get("body") or ""))

    @classmethod
    def decode(cls, text: str | None) -> RecordQuality | None:
        """The quality stored as ``encode`` wrote it (None for rows from before it was kept)."""
        if not text or ":" not in text:
            return None
        letters, _, chars = text.partition(":")
        return cls(frozenset(letters) & FIELDS.keys(), int(chars) if chars.isdigit() else 0)

    def encode(self) -> str:
        return "".join(sorted(self.present)) + f":{self.body_chars}"

    def lost(self, known: RecordQuality) -> list[str]:
        """What this record lacks that the known one had: field names, and "body" for a body
        cut to less than half."""
        lost = [FIELDS[f] for f in sorted(known.present - self.present)]
        if self.body_chars < known.body_chars * BODY_KEPT:
            lost.append("body")
        return lost
