"""Decoding the tagger's probabilities and linking the spans, on made-up probabilities over real parses."""

from __future__ import annotations

import numpy as np
import pytest
from spacy.language import Language

from presslens._labels import ATTRIBUTION_LABELS
from presslens.analyzers.attribution import attribute
from presslens.analyzers.attribution.decode import decode, paragraph_starts, viterbi
from presslens.analyzers.attribution.link import join_split, link

L = {label: k for k, label in enumerate(ATTRIBUTION_LABELS)}


def _probs(labels: list[str], sure: float = 0.9) -> np.ndarray:
    """One row per label, ``sure`` on that label and the rest spread evenly."""
    rows = np.full((len(labels), len(L)), (1 - sure) / (len(L) - 1), dtype=np.float32)
    for k, label in enumerate(labels):
        rows[k, L[label]] = sure
    return rows


def _tagger_input(nlp: Language, text: str, word_labels: dict[str, str]) -> tuple[object, np.ndarray, np.ndarray]:
    """A doc, wordpiece offsets (one per token) and probabilities labelling tokens by their text."""
    doc = nlp(text)
    tokens = [t for t in doc if not t.is_space]
    offsets = np.array([(t.idx, t.idx + len(t)) for t in tokens], dtype=np.int32)
    return doc, offsets, _probs([word_labels.get(t.text, "O") for t in tokens])


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        # an I- with no B- before it is not allowed: the best valid path opens the span with B-
        (["O", "I-CONTENT", "I-CONTENT"], ["O", "B-CONTENT", "I-CONTENT"]),
        # an I- of another role cannot continue a span
        (["B-CUE", "I-SOURCE", "O"], ["B-CUE", "B-SOURCE", "O"]),
        (
            ["B-SOURCE", "I-SOURCE", "B-CUE", "B-CONTENT", "I-CONTENT"],
            ["B-SOURCE", "I-SOURCE", "B-CUE", "B-CONTENT", "I-CONTENT"],
        ),
    ],
)
def test_viterbi_obeys_bio(labels: list[str], expected: list[str]) -> None:
    probs = _probs(labels, sure=0.6)
    for k, label in enumerate(labels):
        if label.startswith("I-"):
            probs[k, L["B-" + label[2:]]] = 0.3
    assert [ATTRIBUTION_LABELS[i] for i in viterbi(probs)] == expected


def test_no_span_runs_over_a_paragraph_break() -> None:
    probs = _probs(["B-CONTENT", "I-CONTENT", "I-CONTENT", "I-CONTENT"])
    breaks = np.array([False, False, True, False])
    path = [ATTRIBUTION_LABELS[i] for i in viterbi(probs, breaks)]
    assert path[2] != "I-CONTENT" and path[:2] == ["B-CONTENT", "I-CONTENT"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One two.\n\nThree four.", [False, False, False, True, False, False]),
        ("One two three.", [False, False, False, False]),
    ],
)
def test_paragraph_starts(nlp: Language, text: str, expected: list[bool]) -> None:
    doc = nlp(text)
    tokens = [t for t in doc if not t.is_space]
    starts = np.array([t.idx for t in tokens])
    ends = np.array([t.idx + len(t) for t in tokens])
    assert paragraph_starts(text, starts, ends).tolist() == expected


def test_decode_and_link(nlp: Language) -> None:
    text = "The harbour master said the port would close at dawn."
    labels = {
        "harbour": "B-SOURCE",
        "master": "I-SOURCE",
        "said": "B-CUE",
        "the": "B-CONTENT",
        "port": "I-CONTENT",
        "would": "I-CONTENT",
        "close": "I-CONTENT",
        "at": "I-CONTENT",
        "dawn": "I-CONTENT",
    }
    doc, offsets, probs = _tagger_input(nlp, text, labels)
    decoded = decode(doc, text, offsets, probs)  # type: ignore[arg-type]
    assert {role: [text[s:e] for s, e in spans] for role, spans in decoded.spans.items()} == {
        "CONTENT": ["the port would close at dawn"],
        "CUE": ["said"],
        "SOURCE": ["harbour master"],
    }
    (draft,) = link(doc, text, decoded)  # type: ignore[arg-type]
    # the tagged source is widened to its whole noun phrase
    assert (text[slice(*draft.cue)], text[slice(*draft.source)]) == ("said", "The harbour master")


def test_tagger_drafts_take_the_parse_cue_and_source(nlp: Language) -> None:
    """The tagger marks only the content; the rules lend it cue, source and addressee."""
    text = "Lopez told Reuters that the port would close at dawn."
    labels = {w: "I-CONTENT" for w in ("the", "port", "would", "close", "at", "dawn")} | {"that": "B-CONTENT"}
    doc, offsets, probs = _tagger_input(nlp, text, labels)
    (found,) = attribute(doc, link(doc, text, decode(doc, text, offsets, probs)), ())  # type: ignore[arg-type]
    assert (
        found.content.text,
        found.cue and found.cue.text,
        found.source and found.source.text,
        found.addressee and found.addressee.text,
    ) == ("that the port would close at dawn", "told", "Lopez", "Reuters")


@pytest.mark.parametrize(
    ("text", "contents", "sources", "expected"),
    [
        # "A," he said, "B." is one content
        (
            '"We lost," he said, "but we fight on."',
            ['"We lost,"', '"but we fight on."'],
            ["he"],
            ['"We lost," he said, "but we fight on."'],
        ),
        # ...but not when the first piece ends its sentence and the frame opens the next (a regression:
        # 'called it a "giveaway." He read "The Long Road" on the train' was one content)
        (
            'Critics called it a "giveaway." He said "the plan is dead."',
            ['it a "giveaway."', '"the plan is dead."'],
            ["He"],
            ['it a "giveaway."', '"the plan is dead."'],
        ),
        # two reports in a row are not: no quote marks hold them together
        (
            "Lopez said the port would close. Smith said it would not.",
            ["the port would close", "it would not"],
            ["Smith"],
            ["the port would close", "it would not"],
        ),
        # a source and cue set off by commas inside the clause they report: one content, no marks needed
        (
            "The port, officials said on Monday, will close for a week.",
            ["The port", "will close for a week"],
            ["officials"],
            ["The port, officials said on Monday, will close for a week"],
        ),
        # ...but not a cue without its source, nor a new clause after the frame
        (
            "The port will close, officials said, adding that the ferry would stop.",
            ["The port will close", "that the ferry would stop"],
            ["officials"],
            ["The port will close", "that the ferry would stop"],
        ),
        # two frames between two quotes are two reports
        (
            '"We lost," officials said. Lopez added, "but we fight on."',
            ['"We lost,"', '"but we fight on."'],
            ["officials", "Lopez"],
            ['"We lost,"', '"but we fight on."'],
        ),
        (
            "The port closed, officials said, while the ferry kept running.",
            ["The port closed", "the ferry kept running"],
            ["officials"],
            ["The port closed", "the ferry kept running"],
        ),
    ],
)
def test_join_split(text: str, contents: list[str], sources: list[str], expected: list[str]) -> None:
    def find(s: str) -> tuple[int, int]:
        start = text.rindex(s) if s == "said" else text.index(s)
        return start, start + len(s)

    cues = [find(c) for c in ("said", "added") if c in text]
    joined = join_split(text, [(find(c), 0.9) for c in contents], cues, [find(s) for s in sources])
    assert [text[s:e] for (s, e), _ in joined] == expected


def _span_labels(
    nlp: Language, text: str, roles: dict[str, list[str]], sure: float = 0.9
) -> tuple[object, np.ndarray, np.ndarray]:
    """Like ``_tagger_input``, but labelling every token inside each given substring (B- on its first)."""
    doc = nlp(text)
    tokens = [t for t in doc if not t.is_space]
    labels = ["O"] * len(tokens)
    for role, parts in roles.items():
        for part in parts:
            start = text.index(part)
            inside = [k for k, t in enumerate(tokens) if start <= t.idx < start + len(part)]
            for n, k in enumerate(inside):
                labels[k] = ("B-" if n == 0 else "I-") + role
    offsets = np.array([(t.idx, t.idx + len(t)) for t in tokens], dtype=np.int32)
    return doc, offsets, _probs(labels, sure)


@pytest.mark.parametrize(
    "text",
    [
        "“Not yet,” he said. “We will fight this ruling in every court in the land.”",
        "“Not yet,” he said, “but we will fight this ruling in every court in the land.”",
    ],
)
def test_short_first_piece_of_a_split_quote_keeps_its_cue(nlp: Language, text: str) -> None:
    """Regression: a quote joined around its cue lost that cue (cues inside a content were never picked),
    so the whole attribution was dropped; and where the rules saw the long piece alone, the joined content
    was cut back to it."""
    first, second = text.split(" he said")
    roles = {"CONTENT": [first.rstrip(), second.lstrip(",. ")], "SOURCE": ["he"], "CUE": ["said"]}
    doc, offsets, probs = _span_labels(nlp, text, roles)
    (found,) = attribute(doc, link(doc, text, decode(doc, text, offsets, probs)), ())  # type: ignore[arg-type]
    assert (found.kind, found.content.text, found.cue and found.cue.text, found.source and found.source.text) == (
        "direct",
        text,
        "said",
        "he",
    )


def test_quotes_each_framed_after_stay_their_speakers(nlp: Language) -> None:
    """Regression: a quote whose opening mark was dropped took the report before it into its content (the
    tagger, seeing no mark, ran back over it), and the next quote, which the parse hung on the first
    quote's verb, joined it: "the protesters" said all three."""
    text = (
        'The harbour master told reporters that the cranes were unsafe. We will not stop," the protesters'
        ' chanted. "Power to the people!" the group shouted.'
    )
    roles = {
        "CONTENT": ['that the cranes were unsafe. We will not stop,"', '"Power to the people!"'],
        "CUE": ["told", "chanted", "shouted"],
        "SOURCE": ["The harbour master", "the protesters", "the group"],
    }
    doc, offsets, probs = _span_labels(nlp, text, roles)
    found = attribute(doc, link(doc, text, decode(doc, text, offsets, probs)), ())  # type: ignore[arg-type]
    assert [(a.content.text, a.cue and a.cue.text, a.source and a.source.text) for a in found] == [
        ("that the cranes were unsafe", "told", "The harbour master"),
        ('We will not stop,"', "chanted", "the protesters"),
        ('"Power to the people!"', "shouted", "the group"),
    ]


def test_a_tagged_source_ending_in_a_preposition_loses_it(nlp: Language) -> None:
    """Regression: the tagger's source "The White House on" (the day left out) was kept as it was."""
    text = "The White House on Tuesday dismissed reports that the port would close."
    roles = {"SOURCE": ["The White House on"], "CUE": ["dismissed"], "CONTENT": ["reports that the port would close"]}
    doc, offsets, probs = _span_labels(nlp, text, roles)
    (draft,) = link(doc, text, decode(doc, text, offsets, probs))  # type: ignore[arg-type]
    assert draft.source is not None and text[slice(*draft.source)] == "The White House"


def test_short_quote_the_tagger_attributes_takes_its_marks(nlp: Language) -> None:
    """Regression: a quote under four words is no speech by its marks alone (a scare quote looks the same),
    so a tagger content inside it kept its edges without the marks; a linked cue outside makes it speech."""
    text = "“It is over,” he said."
    doc, offsets, probs = _span_labels(nlp, text, {"CONTENT": ["It is over"], "SOURCE": ["he"], "CUE": ["said"]})
    (found,) = attribute(doc, link(doc, text, decode(doc, text, offsets, probs)), ())  # type: ignore[arg-type]
    assert (found.kind, found.content.text) == ("direct", "“It is over,”")


@pytest.mark.parametrize(("sure", "found"), [(0.9, 1), (0.45, 0)])
def test_unsure_tagger_drafts_are_dropped(nlp: Language, sure: float, found: int) -> None:
    """A content the tagger holds at under 0.5 mean probability, with no rule behind it, is not reported."""
    text = "Lopez reserved her sharpest words for the harbour plan."
    roles = {"CONTENT": ["the harbour plan"], "CUE": ["reserved her sharpest words for"], "SOURCE": ["Lopez"]}
    doc, offsets, probs = _span_labels(nlp, text, roles, sure)
    assert len(attribute(doc, link(doc, text, decode(doc, text, offsets, probs)), ())) == found  # type: ignore[arg-type]


def test_content_opening_with_a_closed_quote_ends_with_it(nlp: Language) -> None:
    """Regression: a tagger content ran on from a quote that closes its sentence into the outlet's next
    sentence ('"We love the harbour." She is treating ...')."""
    text = 'Lopez put it bluntly, "We love the harbour and we will keep it." She is treating voters as fools.'
    content = '"We love the harbour and we will keep it." She is treating voters as fools'
    roles = {"CONTENT": [content], "SOURCE": ["Lopez"], "CUE": ["put it bluntly"]}
    doc, offsets, probs = _span_labels(nlp, text, roles)
    (found,) = attribute(doc, link(doc, text, decode(doc, text, offsets, probs)), ())  # type: ignore[arg-type]
    assert found.content.text == '"We love the harbour and we will keep it."'


def test_source_loses_the_commas_at_its_edges(nlp: Language) -> None:
    """Regression: a tagged source ran over the comma closing its apposition ("The operator, Meridian,")."""
    text = "The operator, Meridian Logistics, rejected the claim that it had lied."
    roles = {
        "SOURCE": ["The operator, Meridian Logistics,"],
        "CUE": ["rejected"],
        "CONTENT": ["the claim that it had lied"],
    }
    doc, offsets, probs = _span_labels(nlp, text, roles)
    (found,) = attribute(doc, link(doc, text, decode(doc, text, offsets, probs)), ())  # type: ignore[arg-type]
    assert found.source is not None and found.source.text == "The operator, Meridian Logistics"


@pytest.mark.parametrize(
    ("text", "tagged", "expected"),
    [
        # a preposition left without its object
        (
            "Lopez said the council had released only some of the harbour footage to the press.",
            "the council had released only some of",
            "the council had released only some of the harbour footage to the press",
        ),
        # a clause opened in the content ("how") and cut before its verb
        (
            "Lopez asked how the harbour police treat visitors.",
            "how the harbour police",
            "how the harbour police treat visitors",
        ),
        # a subject that is the whole content stays as it is
        ("Lopez said the plan was sound.", "the plan was sound", "the plan was sound"),
    ],
)
def test_content_cut_inside_a_phrase_runs_to_its_end(nlp: Language, text: str, tagged: str, expected: str) -> None:
    """Regression: the tagger's edge wavered inside a phrase ("only some of", "how the police") and the
    content ended there."""
    cue = "asked" if "asked" in text else "said"
    doc, offsets, probs = _span_labels(nlp, text, {"CONTENT": [tagged], "SOURCE": ["Lopez"], "CUE": [cue]})
    (draft,) = link(doc, text, decode(doc, text, offsets, probs))  # type: ignore[arg-type]
    assert text[slice(*draft.content)] == expected


@pytest.mark.parametrize(
    ("text", "tagged", "expected"),
    [
        # a trailing conjunction the tagger's edge left behind
        (
            "Lopez reserved her sharpest words for the harbour plan, and the ferry kept running.",
            "the harbour plan, and",
            ["the harbour plan"],
        ),
        # a lone function word is no report, however sure the tagger is
        ("Lopez said that.", "that", []),
    ],
)
def test_loose_ends_of_contents(nlp: Language, text: str, tagged: str, expected: list[str]) -> None:
    """Regression: contents ended on a conjunction ("..., and") or were a lone "that"."""
    cue = "said" if "said" in text else "reserved her sharpest words for"
    doc, offsets, probs = _span_labels(nlp, text, {"CONTENT": [tagged], "SOURCE": ["Lopez"], "CUE": [cue]})
    found = attribute(doc, link(doc, text, decode(doc, text, offsets, probs)), ())  # type: ignore[arg-type]
    assert [a.content.text for a in found] == expected


def test_a_participle_frames_the_quote_after_it(nlp: Language) -> None:
    """'"A," she said, adding of the mayor, "B."': the parse may give "B" to "said", but "adding" frames it."""
    text = '"We have won," Lopez said, adding of the mayor, "He cares about the harbour."'
    labels = {"We": "B-CONTENT", "have": "I-CONTENT", "won": "I-CONTENT", "He": "B-CONTENT"}
    labels |= {w: "I-CONTENT" for w in ("cares", "about", "the", "harbour")}
    labels |= {"Lopez": "B-SOURCE", "said": "B-CUE", "adding": "B-CUE"}
    doc, offsets, probs = _tagger_input(nlp, text, labels)
    drafts = link(doc, text, decode(doc, text, offsets, probs))  # type: ignore[arg-type]
    assert [(text[slice(*d.content)], d.cue and text[slice(*d.cue)]) for d in drafts] == [
        ("We have won", "said"),
        ("He cares about the harbour", "adding"),
    ]


def test_a_content_that_is_only_its_cues_subject_is_dropped(nlp: Language) -> None:
    """The tagger's content for an outer report can stop at a cue inside it ("The engineers, | however,
    warned ..."); that piece is the speaker, not what was said (a regression: it was reported with
    "warned" as its cue)."""
    text = "The engineers, however, warned that the quay could collapse."
    labels = {"The": "B-CONTENT", "engineers": "I-CONTENT", "warned": "B-CUE", "that": "B-CONTENT"}
    labels |= {w: "I-CONTENT" for w in ("quay", "could", "collapse")}
    labels["the"] = "I-CONTENT"
    doc, offsets, probs = _tagger_input(nlp, text, labels)
    drafts = link(doc, text, decode(doc, text, offsets, probs))  # type: ignore[arg-type]
    assert [text[slice(*d.content)] for d in drafts] == ["that the quay could collapse"]


def test_a_source_of_only_a_determiner_is_dropped(nlp: Language) -> None:
    """Regression: the tagger stopped at "The" of "The claim", and "The" became the speaker."""
    text = "The claim that the tax is unfair drew criticism."
    roles = {"SOURCE": ["The"], "CUE": ["claim"], "CONTENT": ["that the tax is unfair"]}
    doc, offsets, probs = _span_labels(nlp, text, roles)
    (found,) = attribute(doc, link(doc, text, decode(doc, text, offsets, probs)), ())  # type: ignore[arg-type]
    assert (found.source, found.speaker) == (None, None)


def test_a_content_after_a_noun_cue_ends_with_its_clause(nlp: Language) -> None:
    """Regression: "Lopez's claim that the tax is unfair drew criticism" ran the content on over "drew
    criticism", and the speaker kept the possessive ("Lopez's")."""
    text = "Lopez's claim that the tax is unfair drew criticism."
    roles = {"SOURCE": ["Lopez's"], "CUE": ["claim"], "CONTENT": ["that the tax is unfair drew criticism"]}
    doc, offsets, probs = _span_labels(nlp, text, roles)
    (found,) = attribute(doc, link(doc, text, decode(doc, text, offsets, probs)), ())  # type: ignore[arg-type]
    assert found.content.text == "that the tax is unfair"
    assert found.speaker is not None and found.speaker.name == "Lopez"
