"""Near-duplicate bodies: MinHash signatures, LSH band keys, and reprint groups.

The signature is one-permutation MinHash (Li, Owen & Zhang 2012) with rotation densification
(Shrivastava & Li 2014): one hash per shingle instead of one per shingle *and* permutation, so a
whole run file is signed in a few vectorised numpy passes. datasketch signs one document at a
time in Python (≈ 0.2 ms each), which alone would spend the full build's budget on a million
records.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

#: character shingles: Chinese has no spaces to split words on, and 5 characters ≈ 2-3 words
SHINGLE = 5
#: the signature: 64 bins of 32 bits; 16 LSH bands of 4 bins (candidates from Jaccard ≈ 0.5)
BINS, BANDS = 64, 16
ROWS = BINS // BANDS
#: a candidate pair is a reprint when this share of the bins agree (≈ the Jaccard similarity)
SIMILARITY = 0.6
#: bodies are compared on their first characters: reprints differ at the ends (a lead line,
#: an editor's credit), and a cap keeps long documents from dominating the time
MAX_CHARS = 3000
#: shorter bodies ("详见附件", a caption) carry too little text to call anything a reprint
MIN_SHINGLES = 30
EMPTY = np.uint32(0xFFFFFFFF)


def _mix(h: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: spreads every input bit over the whole 64-bit word."""
    h = h ^ (h >> np.uint64(30))
    h *= np.uint64(0xBF58476D1CE4E5B9)
    h ^= h >> np.uint64(27)
    h *= np.uint64(0x94D049BB133111EB)
    h ^= h >> np.uint64(31)
    return h


def _text_table() -> np.ndarray:
    """For each code point, whether it carries the text: not whitespace nor punctuation, ASCII
    or CJK. Sites punctuate and space the same article differently (full-width or not, blank
    lines). A table, because one lookup is cheaper than ten range comparisons per character."""
    table = np.ones(0x110000, dtype=bool)
    for low, high in ((0x00, 0x2F), (0x3A, 0x40), (0x5B, 0x60), (0x7B, 0xBF), (0x2000, 0x206F),
                      (0x3000, 0x303F), (0xFF00, 0xFF0F), (0xFF1A, 0xFF20), (0xFF3B, 0xFF40),
                      (0xFF5B, 0xFF65)):
        table[low:high + 1] = False
    return table


_TEXT = _text_table()


def signatures(bodies: Sequence[str | None]) -> tuple[np.ndarray, np.ndarray]:
    """(signatures ``(n, BINS)`` uint32, which rows are long enough to have one)."""
    texts = [(body or "")[:MAX_CHARS] for body in bodies]
    n = len(texts)
    cp = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32)
    doc = np.repeat(np.arange(n, dtype=np.uint64), [len(t) for t in texts])
    keep = _TEXT[cp]
    cp, doc = cp[keep].astype(np.uint64), doc[keep]
    count = len(cp) - SHINGLE + 1
    sig = np.full((n + 1) * BINS, EMPTY, dtype=np.uint32)  # the last row collects the rubbish
    if count <= 0:
        return sig[:n * BINS].reshape(n, BINS), np.zeros(n, dtype=bool)
    h = cp[:count].copy()
    for i in range(1, SHINGLE):  # a polynomial hash of each window of SHINGLE code points
        h *= np.uint64(0x100000001B3)
        h += cp[i:i + count]
    h = _mix(h)
    owner = doc[:count]
    # windows that straddle two bodies go to the rubbish row
    owner[owner != doc[SHINGLE - 1:]] = n
    slot = (owner << np.uint64(6)) | (h >> np.uint64(64 - 6))
    np.minimum.at(sig, slot.astype(np.intp), h.astype(np.uint32))
    sig = sig[:n * BINS]
    owner = owner[owner < n]
    valid = np.bincount(owner.astype(np.intp), minlength=n) >= MIN_SHINGLES
    return _densify(sig.reshape(n, BINS)), valid


def _densify(sig: np.ndarray) -> np.ndarray:
    """Fill each empty bin from the next filled one to its right (circularly), offset by the
    distance, so that two bodies agree on a bin as often as their shingle sets overlap."""
    out = sig.copy()
    empty = out == EMPTY
    for shift in range(1, BINS):
        if not empty.any():
            break
        donor = np.roll(sig, -shift, axis=1)
        take = empty & (donor != EMPTY)
        out[take] = donor[take] + np.uint32(shift * 0x9E3779B1 & 0xFFFFFFFF)
        empty &= ~take
    return out


def band_keys(sig: np.ndarray) -> np.ndarray:
    """``(n, BANDS)`` uint64: one key per band of ROWS bins; equal keys make a candidate pair."""
    n = sig.shape[0]
    rows = sig.reshape(n, BANDS, ROWS).astype(np.uint64)
    key = np.zeros((n, BANDS), dtype=np.uint64)
    for r in range(ROWS):
        key = _mix(key ^ rows[:, :, r])
    # the band's number goes in too, so that equal bins in different bands never collide
    return _mix(key ^ np.arange(1, BANDS + 1, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15))


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """The share of bins two signatures agree on: an estimate of their Jaccard similarity."""
    return float(np.count_nonzero(a == b)) / BINS


def leaders(component: np.ndarray, sig: np.ndarray) -> np.ndarray:
    """Each row's group, as the index of its first row: rows come sorted by ``component`` and,
    within one, by publication. A row joins the earliest group whose first row it is a
    near-duplicate of, else starts its own: similarity is no transitive relation, so a group is
    never a chain (A like B and B like C, with A unlike C, leaves C out of A's group)."""
    lead = np.arange(len(component), dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, component[1:] != component[:-1]])
    for start, end in zip(starts, np.r_[starts[1:], len(component)], strict=True):
        firsts = [start]
        for row in range(start + 1, end):
            agree = np.count_nonzero(sig[firsts] == sig[row], axis=1) / BINS >= SIMILARITY
            if agree.any():
                lead[row] = firsts[int(np.argmax(agree))]
            else:
                firsts.append(row)
    return lead
