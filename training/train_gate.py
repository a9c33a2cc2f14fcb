"""Fit the attribution gate (presslens/models/gate.json) on PolNeAR train.

    python -m training.train_gate --polnear ../shared/data/polnear --out presslens/models

Every train article outside the held-out 10% (``training.splits.is_heldout``) is parsed and tagged with the
shipped tagger, and its drafts are linked as ``analyze`` links them. Each draft counts as right when its
content matches a PolNeAR content the way the scorer matches them (characters, Jaccard 0.5 or more). A
logistic regression with an L2 penalty is fitted on the gate's features by Newton's method (a dozen steps
converge; numpy only). The held-out 10% stays unseen so that the whole pipeline can be measured there.
The tagger trained on these articles and is surer of them than of new text; fitted here, the gate
still gained on held-out train what a gate fitted there by cross-validation gained (README, "Known limits").
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from presslens import Article
from presslens._parsed import Parsed
from presslens.analyzers.attribution.decode import decode
from presslens.analyzers.attribution.gate import FEATURES, GATE_FILE, features, reportable
from presslens.analyzers.attribution.link import link
from presslens.analyzers.attribution.quotes import find_quotes
from presslens.nlp import load_nlp

from .corpora import Document, read_polnear
from .splits import is_heldout

_MATCH = 0.5  # the scorer's Jaccard for a content match
_THRESHOLD = 0.5  # keep a draft that is more likely right than wrong


def gold_contents(document: Document) -> list[set[int]]:
    """The characters of each PolNeAR content (a discontinuous content's fragments together)."""
    groups: dict[int, set[int]] = {}
    for span in document.spans:
        if span.label == "Content":
            groups.setdefault(span.group, set()).update(range(span.start, span.end))
    return list(groups.values())


def matches(content: tuple[int, int], gold: list[set[int]]) -> bool:
    chars = set(range(*content))
    return any(len(chars & g) >= _MATCH * len(chars | g) for g in gold if chars & g)


def draft_rows(documents: Iterable[Document]) -> tuple[np.ndarray, np.ndarray]:
    """Features and right/wrong labels of every reportable linked tagger draft in the documents."""
    rows, labels = [], []
    docs = list(documents)
    for document, doc in zip(docs, load_nlp().pipe(d.text for d in docs), strict=True):
        tagged = Parsed(article=Article(text=document.text), doc=doc).tagged()
        quotes = [(q.start, q.end) for q in find_quotes(document.text)]
        gold = gold_contents(document)
        for draft in link(doc, document.text, decode(doc, document.text, tagged.offsets, tagged.attribution)):
            if not reportable(document.text, draft):
                continue
            rows.append(features(doc, document.text, draft, quotes))
            labels.append(matches(draft.content, gold))
    return np.asarray(rows, dtype=np.float64).reshape(-1, len(FEATURES)), np.asarray(labels, dtype=np.float64)


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 25) -> tuple[np.ndarray, float]:
    """Weights and bias of an L2-penalised logistic regression (the bias is not penalised)."""
    design = np.hstack([x, np.ones((len(x), 1))])
    penalty = l2 * np.diag(np.r_[np.ones(x.shape[1]), 0.0])
    w = np.zeros(design.shape[1])
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-design @ w))
        gradient = design.T @ (p - y) + penalty @ w
        hessian = (design * (p * (1.0 - p))[:, None]).T @ design + penalty
        w -= np.linalg.solve(hessian, gradient)
    return w[:-1], float(w[-1])


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--polnear", type=Path, required=True, help="PolNeAR root (with train/text, train/attributions)")
    ap.add_argument("--out", type=Path, required=True, help="folder for gate.json (presslens/models to ship it)")
    ap.add_argument("--limit", type=int, default=0, help="use only the first N train articles (0: all)")
    args = ap.parse_args(argv)
    documents = [d for d in read_polnear(args.polnear, "train") if not is_heldout(d.stem)]
    documents = documents[: args.limit] if args.limit else documents
    x, y = draft_rows(documents)
    weights, bias = fit(x, y)
    record = {
        "features": list(FEATURES),
        "weights": [round(float(w), 6) for w in weights],
        "bias": round(bias, 6),
        "threshold": _THRESHOLD,
        "fitted_on": f"PolNeAR train outside the held-out 10%: {len(documents)} articles, {len(y)} drafts, "
        f"{int(y.sum())} right",
        "date": dt.date.today().isoformat(),
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / GATE_FILE).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(record, indent=2))


if __name__ == "__main__":
    main()
