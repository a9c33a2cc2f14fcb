"""Wordpiece labels for the two heads, and the training windows cut exactly as the runtime tagger cuts them."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from tokenizers import Tokenizer

from presslens._labels import ATTRIBUTION_LABELS, TECHNIQUES
from presslens._neutral import Rewrite, neutralize
from presslens._tagger import build_windows

from .corpora import ROLES, Document

IGNORE = -100  # label of special tokens: outside every loss


@dataclass(frozen=True)
class Encoded:
    """A whole document as wordpieces, with the labels of the head its corpus trains."""

    stem: str
    ids: np.ndarray  # [N] int64
    offsets: np.ndarray  # [N, 2] int32
    labels: np.ndarray  # attribution: [N] int64 class ids; techniques: [N, 23] float32 multi-hot


# Per head: (train documents, held-out documents).
Split = dict[str, tuple[list[Encoded], list[Encoded]]]


def special_ids(tokenizer: Tokenizer) -> tuple[int, int]:
    """The ids of [CLS] and [SEP], which wrap every window."""
    found = [tokenizer.token_to_id(token) for token in ("[CLS]", "[SEP]")]
    if None in found:
        raise SystemExit("the encoder's tokenizer lacks [CLS] or [SEP]")
    return int(found[0] or 0), int(found[1] or 0)


def tokenize(tokenizer: Tokenizer, text: str) -> tuple[np.ndarray, np.ndarray]:
    encoding = tokenizer.encode(text, add_special_tokens=False)
    ids = np.asarray(encoding.ids, dtype=np.int64)
    return ids, np.asarray(encoding.offsets, dtype=np.int32).reshape(-1, 2)


def attribution_labels(document: Document, offsets: np.ndarray) -> np.ndarray:
    """BIO class per wordpiece from the role of its first character (cue > source > content where spans
    overlap); a wordpiece begins a span when the one before it lies in another span or role."""
    role = np.zeros(len(document.text) + 1, dtype=np.int64)
    group = np.full(len(document.text) + 1, -1, dtype=np.int64)
    for span in sorted(document.spans, key=lambda s: ROLES.index(s.label)):
        role[span.start : span.end] = ROLES.index(span.label) + 1
        group[span.start : span.end] = span.group
    names = {1: "CONTENT", 2: "SOURCE", 3: "CUE"}
    labels = np.zeros(len(offsets), dtype=np.int64)
    previous = (0, -1)
    for index, (start, _end) in enumerate(offsets):
        current = (int(role[start]), int(group[start]))
        if current[0]:
            prefix = "I" if current == previous else "B"
            labels[index] = ATTRIBUTION_LABELS.index(f"{prefix}-{names[current[0]]}")
        previous = current
    return labels


def technique_labels(document: Document, offsets: np.ndarray) -> np.ndarray:
    """Multi-hot techniques per wordpiece: positive when the wordpiece overlaps a gold span of it."""
    labels = np.zeros((len(offsets), len(TECHNIQUES)), dtype=np.float32)
    starts, ends = offsets[:, 0], offsets[:, 1]
    for span in document.spans:
        hit = (starts < span.end) & (ends > span.start)
        labels[hit, TECHNIQUES.index(span.label)] = 1.0
    return labels


def rewrites(documents: list[Document]) -> list[Rewrite]:
    """Each document's text with its names replaced by stand-ins, exactly as the runtime tagger reads it.
    Only this step parses, so spaCy is imported here: a packed corpus (training.packed) trains without it."""
    from presslens.nlp import load_nlp

    docs = load_nlp().pipe((document.text for document in documents), batch_size=16)
    return [neutralize(doc) for doc in docs]


def encode(tokenizer: Tokenizer, document: Document, head: str, rewrite: Rewrite) -> Encoded:
    """The rewritten text's wordpieces, with offsets mapped back to the original, where the gold spans are."""
    ids, offsets = tokenize(tokenizer, rewrite.text)
    offsets = rewrite.to_original(offsets)
    label = attribution_labels if head == "attribution" else technique_labels
    return Encoded(document.stem, ids, offsets, label(document, offsets))


def windows(
    encoded: Encoded, width: int, overlap: int, cls_id: int, sep_id: int
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Training windows (ids with [CLS]/[SEP], labels with IGNORE rows for the special tokens)."""
    if len(encoded.ids) == 0:
        return []
    batch, _mask, starts = build_windows(encoded.ids, width, overlap, cls_id, sep_id)
    size = batch.shape[1] - 2
    out = []
    for row, start in enumerate(starts):
        inner = encoded.labels[start : start + size]
        edge = np.full((1, *inner.shape[1:]), IGNORE, dtype=inner.dtype)
        out.append((batch[row], np.concatenate([edge, inner, edge])))
    return out
