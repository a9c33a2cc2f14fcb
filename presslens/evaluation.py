"""``presslens eval techniques --gold DIR``: run the technique analyzer over a SemEval-2023 split, score it.

The figures follow the task's own definitions, so they can be compared with published ones: paragraph level
(a line carries a technique when a span of it overlaps the line; micro- and macro-F1 over techniques with
gold), and span level with partial credit (a predicted span earns the share of its characters that gold spans
of its technique cover, and vice versa). The gold folder is an argument: no data ships with presslens.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ._article import Article
from ._contract import Analysis, Technique
from ._parsed import Parsed
from ._version import __version__
from .analyzers.techniques import find_techniques
from .errors import InputError
from .nlp import load_nlp
from .options import AnalyzeOptions

Labelled = tuple[str, int, int]  # (technique, start, end)


@dataclass(frozen=True, slots=True)
class GoldArticle:
    stem: str
    text: str
    spans: tuple[Labelled, ...]


@dataclass(slots=True)
class Tally:
    """Additive counts of one technique, so per-technique results can be summed into the headline figures."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    span_p: float = 0.0
    n_pred: int = 0
    span_r: float = 0.0
    n_gold: int = 0

    def add(self, other: Tally) -> None:
        for name in Tally.__slots__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def f1(self) -> float:
        return _f1(self.tp, self.tp + self.fp, self.tp, self.tp + self.fn)


@dataclass(slots=True)
class Scores:
    per: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))

    def total(self) -> Tally:
        out = Tally()
        for tally in self.per.values():
            out.add(tally)
        return out

    def micro(self) -> float:
        return self.total().f1()

    def macro(self) -> float:
        f1s = [t.f1() for t in self.per.values() if t.tp + t.fn]
        return sum(f1s) / len(f1s) if f1s else 0.0

    def span_f1(self) -> float:
        t = self.total()
        p = t.span_p / t.n_pred if t.n_pred else 0.0
        r = t.span_r / t.n_gold if t.n_gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def headline(self) -> str:
        return (
            f"paragraph-micro-F1 {self.micro():.3f} paragraph-macro-F1 {self.macro():.3f} span-F1 {self.span_f1():.3f}"
        )


def _f1(tp_p: float, n_p: float, tp_r: float, n_r: float) -> float:
    p = tp_p / n_p if n_p else 0.0
    r = tp_r / n_r if n_r else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def read_text(path: Path) -> str:
    """A file's content exactly as offsets count it (line endings kept)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


def read_split(gold_dir: Path) -> list[GoldArticle]:
    """The articles of a SemEval-2023 split (``*-articles-subtask-3/``, ``*-labels-subtask-3-spans/``)."""
    out = []
    for path in sorted(gold_dir.glob("*-articles-subtask-3/article*.txt")):
        spans: list[Labelled] = []
        for label_path in gold_dir.glob(f"*-labels-subtask-3-spans/{path.stem}-labels-subtask-3.txt"):
            for line in read_text(label_path).splitlines():
                parts = line.split("\t")
                if len(parts) == 4:
                    spans.append((parts[1], int(parts[2]), int(parts[3])))
        out.append(GoldArticle(path.stem, read_text(path), tuple(spans)))
    if not out:
        raise InputError(f"no *-articles-subtask-3/article*.txt under {gold_dir}: not a SemEval-2023 split")
    return out


def line_ranges(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _lines_of(spans: Iterable[Labelled], lines: Sequence[tuple[int, int]]) -> set[tuple[str, int]]:
    return {(t, k) for t, s, e in spans for k, (a, b) in enumerate(lines) if s < b and e > a}


def _coverage(spans: Iterable[Labelled], by: dict[str, set[int]]) -> Iterator[tuple[str, float]]:
    for t, s, e in spans:
        covered = by.get(t, set())
        yield t, sum(1 for k in range(s, e) if k in covered) / max(1, e - s)


def _chars(spans: Iterable[Labelled]) -> dict[str, set[int]]:
    out: dict[str, set[int]] = defaultdict(set)
    for t, s, e in spans:
        out[t].update(range(s, e))
    return out


def score_article(text: str, gold: Sequence[Labelled], pred: Sequence[Labelled], scores: Scores) -> None:
    """Add one article's paragraph-level and span-level counts to ``scores``."""
    lines = line_ranges(text)
    g, p = _lines_of(gold, lines), _lines_of(pred, lines)
    for t, _ in g & p:
        scores.per[t].tp += 1
    for t, _ in p - g:
        scores.per[t].fp += 1
    for t, _ in g - p:
        scores.per[t].fn += 1
    for t, share in _coverage(pred, _chars(gold)):
        scores.per[t].span_p += share
        scores.per[t].n_pred += 1
    for t, share in _coverage(gold, _chars(pred)):
        scores.per[t].span_r += share
        scores.per[t].n_gold += 1


def every_line_baseline(text: str) -> tuple[Technique, ...]:
    """The trivial baseline: every non-empty line is one span of the most frequent technique."""
    return tuple(
        Technique(technique="Loaded_Language", start=a, end=b, text=text[a:b], score=1.0)
        for a, b in line_ranges(text)
        if text[a:b].strip()
    )


def predict(articles: Sequence[GoldArticle], min_score: float, baseline: bool) -> Iterator[Analysis]:
    """Technique-only analyses of the split's articles (the other analyzers are not needed to score this)."""
    docs = load_nlp().pipe((a.text for a in articles), batch_size=16)
    for article, doc in zip(articles, docs, strict=True):
        if baseline:
            found = every_line_baseline(article.text)
        else:
            found = find_techniques(Parsed(article=Article(text=article.text), doc=doc), min_score)
        yield Analysis(presslens_version=__version__, text=article.text, techniques=found)


def eval_techniques(gold_dir: Path, out_dir: Path | None, min_score: float, baseline: bool = False) -> Scores:
    """Predict and score a split; with ``out_dir``, also write each article's analysis JSON there."""
    articles = read_split(gold_dir)
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    scores = Scores()
    for article, analysis in zip(articles, predict(articles, min_score, baseline), strict=True):
        if out_dir is not None:
            (out_dir / f"{article.stem}.json").write_text(analysis.to_json(indent=None), encoding="utf-8")
        pred = [(t.technique, t.start, t.end) for t in analysis.techniques]
        score_article(article.text, article.spans, pred, scores)
    return scores


def report(scores: Scores) -> str:
    """The per-technique paragraph-level table and the headline line, as the CLI prints them."""
    rows = [f"{'technique':36s} {'gold':>5s} {'pred':>5s}   F1  (paragraph level)"]
    for name in sorted(scores.per):
        t = scores.per[name]
        rows.append(f"{name:36s} {t.tp + t.fn:5d} {t.tp + t.fp:5d}  {t.f1():.3f}")
    rows.append(scores.headline())
    return "\n".join(rows)


def _run(args: argparse.Namespace) -> int:
    out = Path(args.out) if args.out else None
    scores = eval_techniques(Path(args.gold), out, args.min_score, args.baseline)
    print(report(scores))
    if args.json:
        figures = {"micro": scores.micro(), "macro": scores.macro(), "span_f1": scores.span_f1()}
        Path(args.json).write_text(json.dumps(figures), encoding="utf-8")
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``eval techniques`` to the CLI (``eval`` groups the scorers against public gold data)."""
    group = subparsers.add_parser("eval", help="score an analyzer against a gold data set")
    kinds = group.add_subparsers(dest="eval_command", required=True, metavar="KIND")
    parser = kinds.add_parser("techniques", help="score the technique analyzer on a SemEval-2023 task 3 split")
    parser.add_argument(
        "--gold", required=True, help="split folder with *-articles-subtask-3/ and *-labels-subtask-3-spans/"
    )
    parser.add_argument("--out", help="also write one analysis JSON per article here")
    default = AnalyzeOptions().min_score
    parser.add_argument(
        "--min-score", type=float, default=default, help=f"technique score threshold (default {default})"
    )
    parser.add_argument("--baseline", action="store_true", help="score the every-line baseline instead")
    parser.add_argument("--json", help="write the headline figures to this JSON file")
    parser.set_defaults(func=_run)
