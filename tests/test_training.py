"""The training script, end to end on a tiny made-up corpus in both formats, and its labelling rules."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("torch")  # the train extra; the runtime never needs it

import torch

from presslens._labels import ATTRIBUTION_LABELS, TECHNIQUES
from presslens._tagger import Tagger
from training import packed
from training.corpora import Document, Span, parse_brat
from training.encode import attribution_labels, technique_labels
from training.losses import TaskLosses
from training.model import encoder_dir
from training.splits import is_heldout
from training.train_tagger import Objective, main

# Made-up prose with a \r kept in the file: offsets count it (the corpora are read with newline="").
SENTENCE = 'The minister said the harbour would reopen soon.\r\nCritics warned of a "disastrous" waste of money.\n'


def stems(prefix: str, train: int, heldout: int) -> list[str]:
    """Made-up stems, enough on each side of the held-out rule."""
    chosen: dict[bool, list[str]] = {True: [], False: []}
    number = 0
    while len(chosen[True]) < heldout or len(chosen[False]) < train:
        stem = f"{prefix}{number}"
        chosen[is_heldout(stem)].append(stem)
        number += 1
    return chosen[False][:train] + chosen[True][:heldout]


def write_polnear(root: Path) -> None:
    (root / "train" / "text").mkdir(parents=True)
    (root / "train" / "attributions").mkdir(parents=True)
    ann = (
        "T1\tSource 0 12\tThe minister\nT2\tCue 13 17\tsaid\nT3\tContent 18 35;36 47\tthe harbour\nE1\tAttribution:T2\n"
    )
    for stem in stems("synthetic_polnear_", 5, 2):
        (root / "train" / "text" / f"{stem}.txt").write_bytes(SENTENCE.encode("utf-8") * 3)
        (root / "train" / "attributions" / f"{stem}_a1.ann").write_text(ann, encoding="utf-8")
        (root / "train" / "attributions" / f"{stem}_b2.ann").write_text("", encoding="utf-8")


def write_semeval(root: Path) -> None:
    articles = root / "train" / "train-articles-subtask-3"
    labels = root / "train" / "train-labels-subtask-3-spans"
    articles.mkdir(parents=True)
    labels.mkdir(parents=True)
    for number, stem in enumerate(stems("article9", 5, 2)):
        (articles / f"{stem}.txt").write_bytes(SENTENCE.encode("utf-8") * 2)
        spans = f"{number}\tLoaded_Language\t71\t81\n{number}\tDoubt\t58\t88\n{number}\tNot_A_Technique\t0\t3\n"
        (labels / f"{stem}-labels-subtask-3.txt").write_text(spans, encoding="utf-8")


def one_step(tmp_path: Path) -> list[str]:
    """Arguments for a one-step, one-layer run on freshly written corpora, writing to tmp_path/models."""
    polnear, semeval = tmp_path / "polnear", tmp_path / "semeval"
    write_polnear(polnear)
    write_semeval(semeval)
    base = ["--polnear", str(polnear), "--semeval", str(semeval), "--layers", "1", "--batch-size", "2", "--epochs", "1"]
    return [
        *base,
        "--max-len",
        "24",
        "--stride",
        "6",
        "--threads",
        "1",
        "--max-steps",
        "1",
        "--out",
        str(tmp_path / "models"),
    ]


def test_train_export_and_load_end_to_end(tmp_path: Path) -> None:
    polnear, semeval, out = tmp_path / "polnear", tmp_path / "semeval", tmp_path / "models"
    write_polnear(polnear)
    write_semeval(semeval)
    base = ["--polnear", str(polnear), "--semeval", str(semeval), "--layers", "1", "--batch-size", "2"]
    base += ["--max-len", "24", "--stride", "6", "--threads", "1"]
    checkpoint = tmp_path / "weights.pt"
    main([*base, "--out", str(out), "--epochs", "2", "--max-steps", "2", "--checkpoint", str(checkpoint)])
    meta = json.loads((out / "tagger.json").read_text(encoding="utf-8"))
    assert meta["layers"] == 1 and meta["max_len"] == 24 and meta["stride"] == 6
    assert meta["data"]["attribution"] == {**meta["data"]["attribution"], "train_docs": 5, "heldout_docs": 2}
    assert [row["epoch"] for row in meta["heldout_token_figures"]["per_epoch"]] == [1, 2]
    assert meta["heldout_token_figures"]["shipped"] in ("int8", "fp32")
    assert (out / "NOTICE").read_text(encoding="utf-8").startswith("tagger.onnx is fine-tuned")
    tagged = Tagger(out, threads=1).run(SENTENCE * 4)
    assert tagged.attribution.shape == (len(tagged.offsets), len(ATTRIBUTION_LABELS))
    assert tagged.techniques.shape == (len(tagged.offsets), len(TECHNIQUES))
    assert np.allclose(tagged.attribution.sum(axis=1), 1.0, atol=1e-4)
    # a later run can start from the saved weights (to train on without starting over)
    main([*base, "--out", str(tmp_path / "resumed"), "--epochs", "1", "--max-steps", "1", "--init", str(checkpoint)])
    assert (tmp_path / "resumed" / "tagger.onnx").is_file()


def test_distils_from_the_mean_of_two_teachers(tmp_path: Path) -> None:
    polnear, semeval = tmp_path / "polnear", tmp_path / "semeval"
    write_polnear(polnear)
    write_semeval(semeval)
    base = ["--polnear", str(polnear), "--semeval", str(semeval), "--batch-size", "2", "--epochs", "1"]
    base += ["--max-len", "24", "--stride", "6", "--threads", "1", "--max-steps", "2"]
    for layers in (1, 2):
        weights = str(tmp_path / f"teacher{layers}.pt")
        main([*base, "--layers", str(layers), "--out", str(tmp_path / f"t{layers}"), "--checkpoint", weights])
    teachers = ["--teacher", f"{tmp_path / 'teacher1.pt'}:1", "--teacher", f"{tmp_path / 'teacher2.pt'}:2"]
    main([*base, "--layers", "1", "--out", str(tmp_path / "student"), *teachers, "--distill-semeval"])
    meta = json.loads((tmp_path / "student" / "tagger.json").read_text(encoding="utf-8"))
    assert meta["layers"] == 1
    assert meta["distilled_from"] == {"teacher_layers": [1, 2], "soft_weight": 0.5, "on_semeval_texts": True}


class FixedNet(torch.nn.Module):
    """A stand-in tagger whose outputs are given: the objective only calls it."""

    def __init__(self, attribution: torch.Tensor, techniques: torch.Tensor) -> None:
        super().__init__()
        self.outputs = (attribution, techniques)

    def forward(self, input_ids: torch.Tensor, mask: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        return self.outputs


@pytest.mark.parametrize("on_semeval", [False, True])
def test_semeval_batches_teach_the_attribution_head_only_when_asked(on_semeval: bool) -> None:
    losses = TaskLosses(torch.ones(len(TECHNIQUES)))
    logits = torch.randn(1, 4, len(ATTRIBUTION_LABELS))
    student = FixedNet(logits, torch.zeros(1, 4, len(TECHNIQUES)))
    teacher = FixedNet(-logits, torch.zeros(1, 4, len(TECHNIQUES)))
    labels = torch.zeros(1, 4, len(TECHNIQUES))
    labels[0, 0] = -100
    batch = ("techniques", torch.ones(1, 4, dtype=torch.long), torch.ones(1, 4, dtype=torch.long), labels)
    hard = Objective(losses, bf16=False)(student, batch)
    taught = Objective(losses, (teacher,), 0.5, bf16=False, on_semeval=on_semeval)
    assert (taught(student, batch).item() > hard.item() + 0.01) is on_semeval


def test_train_on_heldout_moves_that_heads_heldout_into_training(tmp_path: Path) -> None:
    main([*one_step(tmp_path), "--train-on-heldout", "attribution"])
    meta = json.loads((tmp_path / "models" / "tagger.json").read_text(encoding="utf-8"))
    assert meta["data"]["attribution"] == {**meta["data"]["attribution"], "train_docs": 7, "heldout_docs": 0}
    assert meta["data"]["techniques"] == {**meta["data"]["techniques"], "train_docs": 5, "heldout_docs": 2}
    assert meta["data"]["trained_on_heldout"] == ["attribution"]
    assert meta["heldout_token_figures"]["per_epoch"][0]["attribution"] == {}


def test_packed_corpora_load_as_they_were_encoded_and_train_without_the_texts(tmp_path: Path) -> None:
    argv, corpora = one_step(tmp_path), tmp_path / "corpora.npz"
    polnear, semeval = tmp_path / "polnear", tmp_path / "semeval"
    packed.main(["--polnear", str(polnear), "--semeval", str(semeval), "--out", str(corpora)])
    encoded = packed.encode_corpora(polnear, semeval, encoder_dir() / "tokenizer.json")
    loaded = packed.load(corpora)
    for head in packed.HEADS:
        assert [item.stem for item in loaded[head]] == [item.stem for item in encoded[head]]
        for before, after in zip(encoded[head], loaded[head], strict=True):
            for field in ("ids", "offsets", "labels"):
                assert np.array_equal(getattr(before, field), getattr(after, field))
                assert getattr(before, field).dtype == getattr(after, field).dtype
    main(["--packed", str(corpora), *argv[4:]])  # argv[:4] names the corpora' folders
    meta = json.loads((tmp_path / "models" / "tagger.json").read_text(encoding="utf-8"))
    assert meta["data"]["attribution"] == {**meta["data"]["attribution"], "train_docs": 5, "heldout_docs": 2}


def test_a_teacher_run_without_export_leaves_only_its_checkpoint(tmp_path: Path) -> None:
    main([*one_step(tmp_path), "--no-export", "--checkpoint", str(tmp_path / "teacher.pt")])
    assert (tmp_path / "teacher.pt").is_file() and not (tmp_path / "models").exists()


@pytest.mark.parametrize("argv", [["--out", "o"], ["--polnear", "p", "--out", "o"], ["--semeval", "s", "--out", "o"]])
def test_training_needs_both_corpora_or_a_packed_file(argv: list[str]) -> None:
    with pytest.raises(SystemExit):
        main(argv)


@pytest.mark.parametrize("spec", ["runs/l6.pt", "runs/l6.pt:six", ":6"])
def test_teacher_needs_weights_and_layers(spec: str) -> None:
    with pytest.raises(SystemExit):
        main(["--polnear", "p", "--semeval", "s", "--out", "o", "--teacher", spec])


def test_soft_loss_vanishes_when_the_student_matches_its_teachers() -> None:
    losses = TaskLosses(torch.ones(len(TECHNIQUES)))
    logits = torch.randn(2, 5, len(ATTRIBUTION_LABELS))
    labels = torch.tensor([[-100, 1, 2, 0, -100], [-100, 0, 0, 3, -100]])
    same = torch.softmax(logits, dim=-1)
    assert losses.attribution_soft(logits, same, labels).item() == pytest.approx(0.0, abs=1e-5)
    assert losses.attribution_soft(logits, torch.softmax(-logits, dim=-1), labels).item() > 0.1


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("T1\tSource 0 12\tThe minister", [Span("Source", 0, 12, 0)]),
        ("T3\tContent 18 30;40 48\tx y", [Span("Content", 18, 30, 0), Span("Content", 40, 48, 0)]),
        ("T4\tAttribution 13 17\tsaid", []),
        ("E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1", []),
    ],
)
def test_parse_brat_keeps_roles_and_fragments(line: str, expected: list[Span]) -> None:
    assert parse_brat(line) == expected


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        ([], ["O", "O", "O", "O"]),
        ([Span("Content", 0, 25, 0)], ["B-CONTENT", "I-CONTENT", "I-CONTENT", "I-CONTENT"]),
        (
            [Span("Content", 0, 25, 0), Span("Cue", 4, 11, 1), Span("Source", 0, 11, 2)],
            ["B-SOURCE", "B-CUE", "B-CONTENT", "I-CONTENT"],
        ),
        ([Span("Source", 0, 3, 0), Span("Source", 4, 11, 1)], ["B-SOURCE", "B-SOURCE", "O", "O"]),
    ],
)
def test_attribution_labels_bio_with_priority(spans: list[Span], expected: list[str]) -> None:
    text = "She claimed that costs doubled"
    offsets = np.asarray([[0, 3], [4, 11], [12, 16], [17, 22]], dtype=np.int32)
    labels = attribution_labels(Document("x", text, tuple(spans)), offsets)
    assert [ATTRIBUTION_LABELS[index] for index in labels] == expected


@pytest.mark.parametrize(
    ("span", "hits"),
    [
        (Span("Doubt", 0, 3, 0), [0]),
        (Span("Doubt", 2, 5, 0), [0, 1]),
        (Span("Doubt", 3, 4, 0), []),
        (Span("Doubt", 12, 40, 0), [2, 3]),
    ],
)
def test_technique_labels_mark_overlapping_wordpieces(span: Span, hits: list[int]) -> None:
    offsets = np.asarray([[0, 3], [4, 11], [12, 16], [17, 22]], dtype=np.int32)
    labels = technique_labels(Document("x", "She claimed that costs doubled", (span,)), offsets)
    assert np.flatnonzero(labels[:, TECHNIQUES.index("Doubt")]).tolist() == hits
    assert labels.sum() == len(hits)


@pytest.mark.parametrize(
    ("stem", "heldout"),
    [("doc6", False), ("doc7", True), ("doc8", True), ("doc9", False), ("doc12", True), ("article111111111", False)],
)
def test_heldout_rule_is_fixed_by_the_stem(stem: str, heldout: bool) -> None:
    assert is_heldout(stem) is heldout


def test_heldout_rule_keeps_about_a_tenth() -> None:
    share = sum(is_heldout(f"doc{number}") for number in range(5000)) / 5000
    assert 0.08 < share < 0.12
