"""Readers for the two training corpora, giving each document its text and gold character spans.

Offsets are character offsets into the file read as UTF-8 with ``newline=""`` (a stray \\r is kept so that
offsets stay valid).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from presslens._labels import TECHNIQUES

ROLES: tuple[str, ...] = ("Content", "Source", "Cue")  # in rising priority: cue > source > content


@dataclass(frozen=True)
class Span:
    label: str
    start: int
    end: int
    group: int  # spans of one annotated entity (discontinuous fragments) share a group


@dataclass(frozen=True)
class Document:
    stem: str
    text: str
    spans: tuple[Span, ...]


def read_text(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


def parse_brat(content: str) -> list[Span]:
    """Content, cue and source text-bound annotations; fragments ``s e;s e`` share their entity's group."""
    spans: list[Span] = []
    for group, line in enumerate(content.splitlines()):
        if not line.startswith("T"):
            continue
        fields = line.split("\t")
        if len(fields) < 2:
            continue
        label, _, ranges = fields[1].partition(" ")
        if label not in ROLES:
            continue
        for fragment in ranges.split(";"):
            start, end = fragment.split()
            spans.append(Span(label, int(start), int(end), group))
    return spans


def read_polnear(root: Path, split: str) -> list[Document]:
    """PolNeAR documents of a split, each with its FIRST annotator's file in sorted order."""
    first: dict[str, Path] = {}
    for path in sorted((root / split / "attributions").glob("*.ann")):
        first.setdefault(path.name.rsplit("_", 1)[0], path)
    documents = []
    for text_path in sorted((root / split / "text").glob("*.txt")):
        if text_path.stem in first:
            spans = parse_brat(read_text(first[text_path.stem]))
            documents.append(Document(text_path.stem, read_text(text_path), tuple(spans)))
    return documents


def read_semeval(root: Path, split: str) -> list[Document]:
    """SemEval-2023 task 3 documents of a split with their technique spans (unknown labels skipped)."""
    articles = root / split / f"{split}-articles-subtask-3"
    labels = root / split / f"{split}-labels-subtask-3-spans"
    documents = []
    for text_path in sorted(articles.glob("article*.txt")):
        label_path = labels / f"{text_path.stem}-labels-subtask-3.txt"
        spans = []
        if label_path.is_file():
            for number, line in enumerate(read_text(label_path).splitlines()):
                fields = line.split("\t")
                if len(fields) == 4 and fields[1] in TECHNIQUES:
                    spans.append(Span(fields[1], int(fields[2]), int(fields[3]), number))
        documents.append(Document(text_path.stem, read_text(text_path), tuple(spans)))
    return documents
