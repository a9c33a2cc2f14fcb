"""Reprint detection: which stored article a new one copies, closely or in part.

MinHash signatures over 5-word shingles go into an LSH index whose threshold is deliberately low, so that
a shortened reprint (whose Jaccard similarity to the original is low although most of it is copied) still
comes back as a candidate; each candidate is then classified from the Jaccard estimate and the containment
it implies. A shared wire credit ("(AP)", "— TASS") lowers the bar for a partial reprint, since agency copy
is meant to be reprinted. The original is the earliest article by first-seen time, not by claimed date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

import numpy as np
from datasketch import MinHash, MinHashLSH

from .keys import normalise_text

ReprintKind = Literal["verbatim", "near", "partial"]

NUM_PERM = 128
SCHEME = "affine32"
SHINGLE = 5
LSH_THRESHOLD = 0.2
VERBATIM = 0.9
NEAR = 0.4
SAME_LENGTH = 0.75
PARTIAL = 0.65
PARTIAL_WIRE = 0.55

_TIER: dict[str, int] = {"verbatim": 0, "near": 1, "partial": 2}
_WORD = re.compile(r"\w+")
_AGENCIES = {
    "ap": "AP",
    "associated press": "AP",
    "reuters": "Reuters",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "tass": "TASS",
    "xinhua": "Xinhua",
    "dpa": "dpa",
    "upi": "UPI",
    "ani": "ANI",
    "pti": "PTI",
    "efe": "EFE",
    "ansa": "ANSA",
    "kyodo": "Kyodo",
    "yonhap": "Yonhap",
    "ria novosti": "RIA Novosti",
    "anadolu": "Anadolu",
    "bloomberg": "Bloomberg",
    "cna": "CNA",
    "wafa": "WAFA",
    "ukrinform": "Ukrinform",
}
_NAMES = "|".join(sorted((re.escape(k) for k in _AGENCIES), key=len, reverse=True))
_CREDIT = re.compile(
    rf"\((?P<paren>{_NAMES})\)"
    rf"|[-–—]\s*(?P<dash>{_NAMES})\b(?=\s*(?:[-–—.]|$))"
    rf"|^\s*(?:by\s+)?(?:the\s+)?(?P<byline>{_NAMES})\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_REUTERS_TAIL = re.compile(r"\((?:reporting|writing) by [^)]*\)", re.IGNORECASE)


def wire_credit(text: str) -> str | None:
    """The news agency the text credits in its dateline, byline or sign-off, or None."""
    for part in (text[:400], text[-300:]):
        found = _CREDIT.search(part)
        if found:
            return _AGENCIES[next(g for g in found.groups() if g).lower()]
    return "Reuters" if _REUTERS_TAIL.search(text[-600:]) else None


@dataclass(frozen=True, slots=True)
class Fingerprint:
    minhash: MinHash
    size: int
    wire: str | None

    def to_bytes(self) -> bytes:
        return np.asarray(self.minhash.hashvalues, dtype=np.uint32).tobytes()


def fingerprint(text: str) -> Fingerprint:
    """The MinHash of the text's word 5-shingles (the whole text when it is shorter than one shingle)."""
    words = _WORD.findall(normalise_text(text))
    n = max(1, len(words) - SHINGLE + 1)
    grams = {" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(n)}
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    minhash.update_batch(list(grams))
    return Fingerprint(minhash=minhash, size=len(grams), wire=wire_credit(text))


def fingerprint_from(blob: bytes, size: int, wire: str | None) -> Fingerprint:
    values = np.frombuffer(blob, dtype=np.uint32)
    minhash = MinHash(num_perm=NUM_PERM, hashvalues=values, scheme=SCHEME)
    return Fingerprint(minhash=minhash, size=size, wire=wire)


@dataclass(frozen=True, slots=True)
class Link:
    """``article`` reprints ``original``: kind, and the similarity behind it (Jaccard for verbatim and
    near, the share of the shorter text found in the longer for partial)."""

    article: int
    original: int
    kind: ReprintKind
    similarity: float


def classify(a: Fingerprint, b: Fingerprint, same_text: bool = False) -> tuple[ReprintKind, float] | None:
    """How two texts relate, or None when they are not reprints of one another. Texts of unlike length
    that share most of the shorter one are partial reprints even when their Jaccard similarity is high
    enough for "near", which is kept for copies of about the whole text."""
    if same_text:
        return "verbatim", 1.0
    jaccard = float(a.minhash.jaccard(b.minhash))
    if jaccard >= VERBATIM:
        return "verbatim", round(jaccard, 4)
    small, large = sorted((max(1, a.size), max(1, b.size)))
    shared = jaccard / (1.0 + jaccard) * (small + large)
    containment = min(1.0, shared / small)
    bar = PARTIAL_WIRE if a.wire and a.wire == b.wire else PARTIAL
    if small / large < SAME_LENGTH and containment >= bar:
        return "partial", round(containment, 4)
    if jaccard >= NEAR:
        return "near", round(jaccard, 4)
    return ("partial", round(containment, 4)) if containment >= bar else None


@dataclass(slots=True)
class _Entry:
    fingerprint: Fingerprint
    seen: dt.datetime
    text_hash: str
    original: int | None


class ReprintIndex:
    """Every stored article's fingerprint, in memory for one ingest run."""

    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        self._entries: dict[int, _Entry] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def restore(self, key: int, fp: Fingerprint, seen: dt.datetime, text_hash: str, original: int | None) -> None:
        """Put back an article read from the store, with the link it already has."""
        self._lsh.insert(key, fp.minhash)
        self._entries[key] = _Entry(fp, _utc(seen), text_hash, original)

    def add(self, key: int, fp: Fingerprint, seen: dt.datetime, text_hash: str, links: list[Link]) -> None:
        """Index a new article once it is stored, and record the links that ``link`` proposed for it."""
        own = next((link.original for link in links if link.article == key), None)
        self.restore(key, fp, seen, text_hash, own)
        for link in links:
            if link.article != key:
                self._entries[link.article].original = link.original

    def link(self, key: int, fp: Fingerprint, seen: dt.datetime, text_hash: str) -> list[Link]:
        """Links for a new article, without changing the index: first its own (to the earliest article seen
        before it among those it matches most closely: a verbatim match wins over an earlier partial one,
        which is more often shared boilerplate than a reprint), then one for each matching stored article
        seen after it that it now predates as the original."""
        seen = _utc(seen)
        matches = []
        for other in self._lsh.query(fp.minhash):
            entry = self._entries[other]
            found = classify(fp, entry.fingerprint, same_text=entry.text_hash == text_hash)
            if found:
                matches.append((entry.seen, other, found))
        links = []
        earlier = sorted((_TIER[m[2][0]], m[0], m[1], m[2]) for m in matches if (m[0], m[1]) < (seen, key))
        if earlier:
            _, _, other, (kind, sim) = earlier[0]
            links.append(Link(key, other, kind, sim))
        for other_seen, other, (kind, sim) in matches:
            if other_seen > seen and self._predates(seen, self._entries[other].original):
                links.append(Link(other, key, kind, sim))
        return links

    def _predates(self, seen: dt.datetime, original: int | None) -> bool:
        return original is None or original not in self._entries or self._entries[original].seen > seen


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)
