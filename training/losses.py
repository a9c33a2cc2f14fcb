"""The two heads' losses: cross-entropy over BIO attribution labels, and per-technique binary cross-entropy
whose positive weight lifts rare techniques (a few hundred positive wordpieces against half a million).
With teachers (taggers trained first), the attribution loss also pulls towards their mean probabilities,
which carry what one annotator's hard labels do not: how sure a reading is."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from .encode import IGNORE

MAX_POS_WEIGHT = 10.0


@dataclass
class TaskLosses:
    pos_weight: torch.Tensor  # [23]

    @classmethod
    def from_labels(cls, technique_labels: list[np.ndarray]) -> TaskLosses:
        """pos_weight = sqrt(negatives / positives), capped; 1 for techniques without any training span."""
        stacked = np.concatenate(technique_labels)
        positives = stacked.sum(axis=0)
        negatives = len(stacked) - positives
        ratio = np.where(positives > 0, np.sqrt(negatives / np.maximum(positives, 1.0)), 1.0)
        return cls(torch.tensor(np.clip(ratio, 1.0, MAX_POS_WEIGHT), dtype=torch.float32))

    def attribution(self, logits: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
        return nn.functional.cross_entropy(
            logits.reshape(-1, logits.shape[-1]), labels.reshape(-1), ignore_index=IGNORE
        )

    def techniques(self, logits: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
        """Summed over techniques, averaged over real wordpieces, so that its scale matches the softmax head's."""
        flat_logits, flat_labels = logits.reshape(-1, logits.shape[-1]), labels.reshape(-1, labels.shape[-1])
        keep = flat_labels[:, 0] != IGNORE
        per_label = nn.functional.binary_cross_entropy_with_logits(
            flat_logits[keep], flat_labels[keep], pos_weight=self.pos_weight.to(logits.device), reduction="none"
        )
        return per_label.sum(dim=1).mean()

    def attribution_soft(self, logits: torch.Tensor, target: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
        """KL divergence from the teachers' label probabilities ``target``, over the wordpieces the hard loss
        counts."""
        keep = labels.reshape(-1) != IGNORE
        student = nn.functional.log_softmax(logits.reshape(-1, logits.shape[-1])[keep], dim=-1)
        return nn.functional.kl_div(student, target.reshape(-1, target.shape[-1])[keep], reduction="batchmean")
