"""The documented stance lexicon of reporting verbs."""

from __future__ import annotations

import pytest

from presslens.analyzers.stance import cue_stance


@pytest.mark.parametrize(
    ("cue", "lemma", "stance"),
    [
        ("said", None, "neutral"),
        ("told", None, "neutral"),
        ("reported", None, "neutral"),
        ("according to", None, "neutral"),
        ("claimed", None, "distancing"),
        ("alleges", None, "distancing"),
        ("insisted", None, "distancing"),
        # the hearsay adverbs: "allegedly" keeps a distance, "reportedly" passes the report on
        ("allegedly", "allegedly", "distancing"),
        ("reportedly", "reportedly", "neutral"),
        ("revealed", None, "endorsing"),
        ("admitted", None, "endorsing"),
        ("acknowledged", None, "endorsing"),
        ("pointed out", None, "endorsing"),
        ("has claimed", "claim", "distancing"),
        ("shouted", None, "neutral"),
        ("chanted", None, "neutral"),
        ("ran", None, None),
    ],
)
def test_cue_stance(cue: str, lemma: str | None, stance: str | None) -> None:
    assert cue_stance(cue, lemma) == stance
