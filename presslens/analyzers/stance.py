"""The stance a reporting verb takes towards what it reports.

This is the documented lexicon (README, "Cue stance"). The choice of verb is the outlet's own: "said"
passes a claim on, "claimed" keeps a distance from it, "revealed" vouches for it. Cues are matched on the
lemma of their head word, so "claims", "claimed" and "claiming" agree; multi-word cues ("according to",
"pointed out") are matched on their lower-cased text first.
"""

from __future__ import annotations

from typing import Final

from .._contract import CueStance

NEUTRAL: Final = frozenset(
    [
        "say",
        "tell",
        "report",
        "state",
        "add",
        "note",
        "write",
        "explain",
        "announce",
        "describe",
        "respond",
        "reply",
        "answer",
        "comment",
        "ask",
        "speak",
        "testify",
        "declare",
        "remark",
        "mention",
        "post",
        "tweet",
        "argue",
        "suggest",
        "believe",
        "think",
        "estimate",
        "predict",
        "warn",
        "urge",
        "recall",
        "conclude",
        "agree",
        "accuse",
        "quote",
        "shout",
        "chant",
        "cry",
        "yell",
        "scream",
        "whisper",
        "mutter",
        "reportedly",
    ]
)
DISTANCING: Final = frozenset(
    [
        "claim",
        "allege",
        "insist",
        "assert",
        "contend",
        "purport",
        "profess",
        "maintain",
        "boast",
        "proclaim",
        "allegedly",
        "purportedly",
    ]
)
ENDORSING: Final = frozenset(
    [
        "reveal",
        "admit",
        "acknowledge",
        "confirm",
        "disclose",
        "concede",
        "expose",
        "discover",
        "learn",
        "find",
        "show",
        "prove",
        "demonstrate",
    ]
)
_PHRASES: Final[dict[str, CueStance]] = {
    "according to": "neutral",
    "in the words of": "neutral",
    "point out": "endorsing",
    "pointed out": "endorsing",
    "points out": "endorsing",
    "pointing out": "endorsing",
}
_LEXICON: Final[dict[str, CueStance]] = {
    **{w: "neutral" for w in NEUTRAL},
    **{w: "distancing" for w in DISTANCING},
    **{w: "endorsing" for w in ENDORSING},
}
_IRREGULAR: Final = {
    "said": "say",
    "told": "tell",
    "wrote": "write",
    "spoke": "speak",
    "thought": "think",
    "found": "find",
    "shown": "show",
    "learnt": "learn",
    "swore": "swear",
}


def _lemma_guess(word: str) -> str:
    """A lemma for a cue word when no parse is at hand: irregular forms, then -ing/-ed/-s stripping."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    for suffix, repl in (
        ("ies", "y"),
        ("ied", "y"),
        ("ing", ""),
        ("ing", "e"),
        ("ed", ""),
        ("ed", "e"),
        ("d", ""),
        ("es", ""),
        ("s", ""),
    ):
        stem = word[: -len(suffix)] + repl
        if word.endswith(suffix) and (stem in _LEXICON or stem[:-1] in _LEXICON):
            return stem if stem in _LEXICON else stem[:-1]  # "admitted" -> "admitt" -> "admit"
    return word


def cue_stance(cue_text: str, head_lemma: str | None = None) -> CueStance | None:
    """The stance of a cue, or None when the cue is not a reporting expression the lexicon knows."""
    lowered = " ".join(cue_text.lower().split())
    for phrase, phrase_stance in _PHRASES.items():
        if phrase in lowered:
            return phrase_stance
    if head_lemma:
        return _LEXICON.get(head_lemma.lower())
    words = lowered.split()
    for word in reversed(words):
        stance = _LEXICON.get(_lemma_guess(word.strip(".,;:\"'")))
        if stance:
            return stance
    return None
