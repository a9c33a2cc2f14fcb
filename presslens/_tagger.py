"""The shared neural tagger: one encoder pass per article feeds both the attribution and technique analyzers.

The article is tokenized once, cut into overlapping windows of the model's length (the encoder sees at most
``max_len`` wordpieces at a time, ``stride`` of them shared by consecutive windows), each window goes through
onnxruntime, and probabilities are averaged where windows overlap so that every wordpiece gets one row
whatever the article's length.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import onnxruntime as ort
from spacy.tokens import Doc
from tokenizers import Tokenizer

from ._labels import ATTRIBUTION_LABELS, TECHNIQUES
from ._neutral import neutralize
from .errors import ModelError

MODELS_DIR = Path(__file__).parent / "models"
MODEL_FILE = "tagger.onnx"
TOKENIZER_FILE = "tokenizer.json"
META_FILE = "tagger.json"

# Runs the encoder over a batch of windows [W, L] (int64 ids, mask) and gives (attribution, techniques) probs.
WindowRunner = Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]


@dataclass(frozen=True)
class TaggerOutput:
    """Per-wordpiece probabilities; ``offsets`` are [start, end) character offsets into the original text."""

    offsets: np.ndarray
    attribution: np.ndarray
    techniques: np.ndarray


def window_starts(n_tokens: int, width: int, overlap: int) -> list[int]:
    """Window start positions covering ``n_tokens``; the last window is aligned to the end so that every
    window is full (no padding in a batch) whenever the text is longer than one window."""
    if n_tokens <= width:
        return [0]
    step = width - overlap
    starts = list(range(0, n_tokens - width, step))
    starts.append(n_tokens - width)
    return starts


def build_windows(
    ids: np.ndarray, width: int, overlap: int, cls_id: int, sep_id: int
) -> tuple[np.ndarray, np.ndarray, list[int]]:
    """Windows of wordpiece ids wrapped in [CLS] ... [SEP], their attention mask and start positions;
    ``width`` counts the wordpieces without the two special tokens."""
    starts = window_starts(len(ids), width, overlap)
    size = min(width, len(ids))
    batch = np.zeros((len(starts), size + 2), dtype=np.int64)
    batch[:, 0] = cls_id
    batch[:, -1] = sep_id
    for row, start in enumerate(starts):
        batch[row, 1:-1] = ids[start : start + size]
    return batch, np.ones_like(batch), starts


def merge_windows(probs: np.ndarray, starts: list[int], n_tokens: int) -> np.ndarray:
    """Per-wordpiece probabilities from per-window ones [W, L+2, C]: special tokens dropped, overlaps averaged."""
    inner = probs[:, 1:-1, :]
    total = np.zeros((n_tokens, probs.shape[2]), dtype=np.float64)
    counts = np.zeros((n_tokens, 1), dtype=np.float64)
    for row, start in enumerate(starts):
        end = start + inner.shape[1]
        total[start:end] += inner[row]
        counts[start:end] += 1.0
    return (total / np.maximum(counts, 1.0)).astype(np.float32)


def tag_ids(
    ids: np.ndarray, runner: WindowRunner, width: int, overlap: int, cls_id: int, sep_id: int
) -> tuple[np.ndarray, np.ndarray]:
    """Both heads' per-wordpiece probabilities for a whole text's wordpiece ids (shared by training's eval)."""
    if len(ids) == 0:
        return (
            np.zeros((0, len(ATTRIBUTION_LABELS)), dtype=np.float32),
            np.zeros((0, len(TECHNIQUES)), dtype=np.float32),
        )
    batch, mask, starts = build_windows(ids, width, overlap, cls_id, sep_id)
    attribution, techniques = runner(batch, mask)
    return merge_windows(attribution, starts, len(ids)), merge_windows(techniques, starts, len(ids))


def run_windows(session: ort.InferenceSession, ids: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Both heads' probabilities for windows [W, L], one window per session.run.

    The int8 model quantizes activations dynamically with one scale per tensor, so windows run as a batch
    would change each other's outputs (up to 0.05 in a probability); one at a time, a window's output
    depends on its own wordpieces only, is closer to the float model, and costs no more time.
    """
    attribution, techniques = [], []
    for row in range(len(ids)):
        probs = session.run(
            ["attribution", "techniques"], {"input_ids": ids[row : row + 1], "attention_mask": mask[row : row + 1]}
        )
        attribution.append(np.asarray(probs[0]))
        techniques.append(np.asarray(probs[1]))
    return np.concatenate(attribution), np.concatenate(techniques)


def load_tokenizer(path: Path) -> Tokenizer:
    """The encoder's wordpiece tokenizer with the shipped file's truncation and padding switched off:
    windows are cut by the tagger, never by the tokenizer."""
    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer


def _threads() -> int:
    raw = os.environ.get("PRESSLENS_THREADS", "1")
    try:
        return max(1, int(raw))
    except ValueError as exc:
        raise ModelError(f"PRESSLENS_THREADS must be a whole number, got {raw!r}") from exc


class Tagger:
    """The exported two-head encoder and its tokenizer, loaded from one model folder."""

    def __init__(self, model_dir: Path = MODELS_DIR, threads: int | None = None) -> None:
        missing = [name for name in (MODEL_FILE, TOKENIZER_FILE, META_FILE) if not (model_dir / name).is_file()]
        if missing:
            raise ModelError(
                f"the tagger files {', '.join(missing)} are missing from {model_dir}; reinstall presslens "
                "or rebuild them with `python -m training.train_tagger --out presslens/models`"
            )
        self.meta: dict[str, Any] = json.loads((model_dir / META_FILE).read_text(encoding="utf-8"))
        self.width = int(self.meta["max_len"]) - 2
        self.overlap = int(self.meta["stride"])
        self.tokenizer = load_tokenizer(model_dir / TOKENIZER_FILE)
        self.cls_id = self._special_id("[CLS]")
        self.sep_id = self._special_id("[SEP]")
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads or _threads()
        options.inter_op_num_threads = 1
        try:
            self.session = ort.InferenceSession(
                str(model_dir / MODEL_FILE), options, providers=["CPUExecutionProvider"]
            )
        except Exception as exc:  # onnxruntime raises its own untyped errors for a corrupt file
            raise ModelError(f"the tagger model {model_dir / MODEL_FILE} cannot be loaded: {exc}") from exc

    def _special_id(self, token: str) -> int:
        found = self.tokenizer.token_to_id(token)
        if found is None:
            raise ModelError(f"the tagger tokenizer lacks {token}; reinstall presslens")
        return int(found)

    def _run_windows(self, ids: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return run_windows(self.session, ids, mask)

    def run(self, text: str) -> TaggerOutput:
        """Tag a whole text: probabilities for each wordpiece, addressed by character offsets."""
        encoding = self.tokenizer.encode(text, add_special_tokens=False)
        ids = np.asarray(encoding.ids, dtype=np.int64)
        offsets = np.asarray(encoding.offsets, dtype=np.int32).reshape(-1, 2)
        attribution, techniques = tag_ids(ids, self._run_windows, self.width, self.overlap, self.cls_id, self.sep_id)
        return TaggerOutput(offsets=offsets, attribution=attribution, techniques=techniques)

    def run_doc(self, doc: Doc) -> TaggerOutput:
        """Tag a parsed text the way the analyzers and the training script do: its names replaced by neutral
        stand-ins (see ``_neutral``), the offsets pointing back into the real text."""
        rewrite = neutralize(doc)
        tagged = self.run(rewrite.text)
        return replace(tagged, offsets=rewrite.to_original(tagged.offsets))


@lru_cache(maxsize=1)
def load_tagger() -> Tagger:
    """The shipped tagger, loaded once per process (threads from ``PRESSLENS_THREADS``, default 1)."""
    return Tagger(MODELS_DIR)
