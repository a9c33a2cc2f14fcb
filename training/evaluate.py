"""Held-out figures, computed through the runtime's own windowing (presslens._tagger.tag_ids) so that the
numbers describe what the shipped tagger does on whole documents."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import onnxruntime as ort
import torch

from presslens._tagger import WindowRunner, run_windows, tag_ids

from .encode import Split
from .metrics import Figures, attribution_figures, technique_figures
from .model import Exported, TaggerNet


def figures(
    runner: WindowRunner,
    data: Split,
    width: int,
    overlap: int,
    ids: tuple[int, int],
) -> Figures:
    """Token-level figures of both heads over the held-out documents of their corpora."""
    out = {}
    for head, scorer, column in (("attribution", attribution_figures, 0), ("techniques", technique_figures, 1)):
        heldout = data[head][1]
        probs = [tag_ids(item.ids, runner, width, overlap, *ids)[column] for item in heldout]
        out[head] = scorer([item.labels for item in heldout], probs)
    return out


def evaluate_torch(net: TaggerNet, data: Split, width: int, overlap: int, ids: tuple[int, int]) -> Figures:
    model = Exported(net).eval()
    device = next(net.parameters()).device

    def runner(batch: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        with torch.inference_mode():
            attribution, techniques = model(torch.from_numpy(batch).to(device), torch.from_numpy(mask).to(device))
        return attribution.float().cpu().numpy(), techniques.float().cpu().numpy()

    return figures(runner, data, width, overlap, ids)


def evaluate_onnx(path: Path, data: Split, width: int, overlap: int, ids: tuple[int, int]) -> Figures:
    options = ort.SessionOptions()
    options.intra_op_num_threads = torch.get_num_threads()
    session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])

    def runner(batch: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return run_windows(session, batch, mask)

    return figures(runner, data, width, overlap, ids)
