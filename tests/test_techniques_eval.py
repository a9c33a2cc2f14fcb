"""The technique scorer of ``presslens eval techniques`` on a made-up split written to a temporary folder."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from presslens.evaluation import Labelled, Scores, eval_techniques, register, score_article

TEXT = "Title line\nThe vile plan failed.\n\nA calm second paragraph here.\n"
#       0         11                 33 34


@pytest.mark.parametrize(
    ("gold", "pred", "micro", "span_f1"),
    [
        # exact match
        ([("Loaded_Language", 15, 19)], [("Loaded_Language", 15, 19)], 1.0, 1.0),
        # right line, half the span: paragraph level full marks, span level partial
        ([("Loaded_Language", 15, 19)], [("Loaded_Language", 15, 24)], 1.0, 2 * (4 / 9) / (1 + 4 / 9)),
        # wrong technique on the right span: nothing
        ([("Loaded_Language", 15, 19)], [("Doubt", 15, 19)], 0.0, 0.0),
        # right technique on the wrong line
        ([("Loaded_Language", 15, 19)], [("Loaded_Language", 36, 40)], 0.0, 0.0),
        # nothing predicted
        ([("Loaded_Language", 15, 19)], [], 0.0, 0.0),
    ],
)
def test_score_article(gold: list[Labelled], pred: list[Labelled], micro: float, span_f1: float) -> None:
    scores = Scores()
    score_article(TEXT, gold, pred, scores)
    assert scores.micro() == pytest.approx(micro)
    assert scores.span_f1() == pytest.approx(span_f1)


def write_split(root: Path) -> None:
    (root / "dev-articles-subtask-3").mkdir(parents=True)
    (root / "dev-labels-subtask-3-spans").mkdir()
    (root / "dev-articles-subtask-3" / "article1.txt").write_text(TEXT, encoding="utf-8")
    (root / "dev-labels-subtask-3-spans" / "article1-labels-subtask-3.txt").write_text(
        "1\tLoaded_Language\t15\t19\n1\tDoubt\t34\t62\n", encoding="utf-8"
    )


def test_eval_baseline_writes_analyses_and_scores(tmp_path: Path) -> None:
    write_split(tmp_path / "gold")
    scores = eval_techniques(tmp_path / "gold", tmp_path / "out", 0.5, baseline=True)
    written = json.loads((tmp_path / "out" / "article1.json").read_text(encoding="utf-8"))
    assert written["schema"].startswith("presslens.analysis/")
    assert [t["technique"] for t in written["techniques"]] == ["Loaded_Language"] * 3
    # three lines marked, one right: P 1/3, R 1/2
    assert scores.micro() == pytest.approx(0.4)


def test_register_adds_the_techniques_command(tmp_path: Path) -> None:
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["eval", "techniques", "--gold", str(tmp_path), "--baseline"])
    assert args.baseline and args.min_score == 0.5 and callable(args.func)
