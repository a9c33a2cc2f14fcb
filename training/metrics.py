"""Token-level figures on the held-out split: what is compared between epochs and between fp32 and int8.

They are wordpiece-level, not the span-level scores the analyzers are judged by after decoding; they only
need to move in the same direction.
"""

from __future__ import annotations

import numpy as np

from presslens._labels import ATTRIBUTION_LABELS

from .encode import IGNORE

Figures = dict[str, dict[str, float]]  # head -> figure name -> value

ROLE_OF = [label.split("-")[-1] for label in ATTRIBUTION_LABELS]


def f1(tp: float, fp: float, fn: float) -> float:
    return 0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)


def attribution_figures(gold: list[np.ndarray], probs: list[np.ndarray]) -> dict[str, float]:
    """Micro F1 over non-O BIO labels, and per role (content, cue, source) with B/I merged."""
    if not gold:
        return {}
    g = np.concatenate(gold)
    p = np.concatenate([prob.argmax(axis=1) for prob in probs])
    keep = g != IGNORE
    g, p = g[keep], p[keep]
    figures = {
        "token_f1": f1(
            float(((g == p) & (g != 0)).sum()), float(((g != p) & (p != 0)).sum()), float(((g != p) & (g != 0)).sum())
        )
    }
    roles = np.asarray(ROLE_OF)
    for role in ("CONTENT", "CUE", "SOURCE"):
        gr, pr = roles[g] == role, roles[p] == role
        figures[f"{role.lower()}_f1"] = f1(float((gr & pr).sum()), float((~gr & pr).sum()), float((gr & ~pr).sum()))
    return {name: round(value, 4) for name, value in figures.items()}


def technique_figures(gold: list[np.ndarray], probs: list[np.ndarray], threshold: float = 0.5) -> dict[str, float]:
    """Micro F1 over (wordpiece, technique) pairs, macro F1 over techniques with gold wordpieces, and the
    label-free F1 of 'this wordpiece carries some technique'."""
    if not gold:
        return {}
    g = np.concatenate(gold) > 0.5
    p = np.concatenate(probs) >= threshold
    tp, fp, fn = (g & p).sum(axis=0), (~g & p).sum(axis=0), (g & ~p).sum(axis=0)
    present = g.sum(axis=0) > 0
    macro = [f1(float(a), float(b), float(c)) for a, b, c, keep in zip(tp, fp, fn, present, strict=True) if keep]
    ga, pa = g.any(axis=1), p.any(axis=1)
    figures = {
        "micro_f1": f1(float(tp.sum()), float(fp.sum()), float(fn.sum())),
        "macro_f1": float(np.mean(macro)) if macro else 0.0,
        "any_f1": f1(float((ga & pa).sum()), float((~ga & pa).sum()), float((ga & ~pa).sum())),
    }
    return {name: round(value, 4) for name, value in figures.items()}
