"""How far PolNeAR's annotators agree with each other, by the same scorer that measures presslens.

    python bench/polnear_agreement.py --split /path/to/polnear/train

Some PolNeAR articles were annotated by five or six people. For each ordered pair of their files, one
file plays the gold (as the scorer's "first annotator" does) and the other is written out as analysis JSON
(content, cue and source of each ``Attribution`` relation) and scored with ``score.py attribution``. The
mean over pairs is the agreement a system is measured against: a target above it asks a system to match
one annotator's habits better than the other annotators do. With ``--pred``, a folder of analysis JSON for the
same split is scored against each annotator in turn, to set presslens beside the annotators on the very same
articles. Nothing from the data is written outside a temporary folder.
"""

from __future__ import annotations

import argparse
import itertools
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

DEFAULT_SCORER = Path("/work/shared/tools/score.py")
FIGURES = ("content-F1", "content-exact-F1", "cue-F1", "source-F1", "source-on-matched")
Hull = dict[str, int] | None


def annotators_by_article(split: Path) -> dict[str, list[Path]]:
    """Each article's annotation files in sorted order (the scorer takes the first as gold)."""
    files: dict[str, list[Path]] = defaultdict(list)
    for path in sorted((split / "attributions").glob("*.ann")):
        files[path.name.rsplit("_", 1)[0]].append(path)
    return dict(files)


def attributions(ann: str) -> list[dict[str, Hull]]:
    """One record per Attribution relation: the hull of each role's fragments, as a prediction would give it."""
    hulls: dict[str, Hull] = {}
    relations = []
    for line in ann.splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            ranges = [tuple(map(int, part.split())) for part in fields[1].partition(" ")[2].split(";")]
            hulls[fields[0]] = {"start": min(s for s, _ in ranges), "end": max(e for _, e in ranges)}
        elif line.startswith("E") and len(fields) >= 2 and fields[1].startswith("Attribution"):
            relations.append(dict(item.split(":", 1) for item in fields[1].split()[1:]))
    return [
        {role.lower(): hulls.get(roles.get(role, "")) for role in ("Content", "Cue", "Source")}
        for roles in relations
        if roles.get("Content") in hulls
    ]


Found = dict[str, list[dict[str, Hull]]]  # article stem -> its attributions, as analysis JSON has them


def from_annotator(articles: dict[str, list[Path]], position: int) -> Found:
    return {stem: attributions(files[position].read_text(encoding="utf-8")) for stem, files in articles.items()}


def from_folder(folder: Path, stems: Iterable[str]) -> Found:
    """Analysis JSON files as ``presslens analyze --format json -o DIR`` writes them."""
    return {stem: json.loads((folder / f"{stem}.json").read_text(encoding="utf-8"))["attributions"] for stem in stems}


def score(
    split: Path, articles: dict[str, list[Path]], gold: int, found: Found, scorer: Path, work: Path
) -> dict[str, float]:
    """The scorer's headline figures for ``found`` measured against the annotator at position ``gold``."""
    shutil.rmtree(work, ignore_errors=True)
    for folder in ("text", "attributions", "pred"):
        (work / folder).mkdir(parents=True)
    for stem, files in articles.items():
        (work / "text" / f"{stem}.txt").symlink_to((split / "text" / f"{stem}.txt").resolve())
        (work / "attributions" / f"{stem}_gold.ann").symlink_to(files[gold].resolve())
        (work / "pred" / f"{stem}.json").write_text(json.dumps({"attributions": found[stem]}), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(scorer), "attribution", "--gold", str(work), "--pred", str(work / "pred")],
        capture_output=True,
        text=True,
        check=True,
    )
    words = done.stdout.strip().splitlines()[-1].split()
    return dict(zip(words[0::2], map(float, words[1::2]), strict=True))


def report(name: str, rows: list[dict[str, float]]) -> str:
    cells = [
        f"{key} {statistics.mean(r[key] for r in rows):.3f} ({min(r[key] for r in rows):.3f}-{max(r[key] for r in rows):.3f})"
        for key in FIGURES
    ]
    return f"{name} ({len(rows)} pairs): " + "  ".join(cells)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", type=Path, required=True, help="a PolNeAR split folder (text/, attributions/)")
    parser.add_argument("--pred", type=Path, help="analysis JSON of the same split, scored against every annotator")
    parser.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    args = parser.parse_args(argv)
    multi = {stem: files for stem, files in annotators_by_article(args.split).items() if len(files) >= 2}
    if not multi:
        print(f"no article under {args.split} has two annotation files", file=sys.stderr)
        return 1
    people = min(len(files) for files in multi.values())
    results: dict[str, list[dict[str, float]]] = {"first annotator as gold": [], "every ordered pair": []}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "pair"
        for gold, pred in itertools.permutations(range(people), 2):
            figures = score(args.split, multi, gold, from_annotator(multi, pred), args.scorer, work)
            results["every ordered pair"].append(figures)
            if gold == 0:
                results["first annotator as gold"].append(figures)
        if args.pred:
            found = from_folder(args.pred, multi)
            results["--pred against each annotator"] = [
                score(args.split, multi, gold, found, args.scorer, work) for gold in range(people)
            ]
    print(f"{len(multi)} articles with {people}+ annotators; mean (min-max) over annotator pairs:")
    for name, rows in results.items():
        print(report(name, rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
