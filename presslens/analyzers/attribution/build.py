"""Drafts into contract ``Attribution`` objects: ids in text order, kind, stance, speaker, nesting."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Final

from spacy.tokens import Doc

from ..._contract import Attribution, AttributionKind, Entity, Span, Speaker
from ..entities import past_dateline
from ..stance import cue_stance
from .draft import Draft, Range, gaps_between, is_glue, quotes_as_saying, trim
from .lexicon import UTTERING
from .quotes import Quote, is_title
from .resolve import resolve
from .unnamed import described_speaker, interview_label, interviewee, titled_subjects

_CLOSING_RE: Final = re.compile(r"[^()\n]{0,3}\)")
# What sets a frame off inside a content ("The test, officials said, was the largest"), and what may stand
# between a quote and the frame after it ('"A," she said').
_SETS_OFF: Final = ",;—–"
_BETWEEN: Final = " \t\r\n\xa0,;:.!?—–-"


def _span(text: str, rng: Range | None) -> Span | None:
    return None if rng is None else Span(start=rng[0], end=rng[1], text=text[rng[0] : rng[1]])


def _phrase(text: str, rng: Range) -> Range:
    """A source or addressee without the commas the parse leaves at its edges ("The operator, Meridian,"),
    and with its closing bracket, which the parse hangs on the verb ("Sen. Ana Ruiz (D-Calif.)" had lost
    ".)", and so had the speaker's name)."""
    start, end = trim(text, rng)
    if text.count("(", start, end) <= text.count(")", start, end):
        return start, end
    match = _CLOSING_RE.match(text, end)
    return (start, match.end()) if match else (start, end)


def _speakers(
    doc: Doc, text: str, drafts: Sequence[Draft], speech: Sequence[Quote], entities: Sequence[Entity]
) -> list[Speaker | None]:
    """Each draft's source resolved, in the order the sources stand in the text. A source resolved to an
    entity counts, by its head word, as a mention of it from then on ("The comments were meant to hurt,
    the admiral said. ... "It is not true," he said": "he" is the admiral, whom no name marks nearby).
    The antecedent is sought outside the words attributed and outside quotes the source stands outside of
    ('"In fact, Bob wrote it," Carson said. He ...': Bob is in Carson's words, "He" is Carson). A pronoun
    no entity agrees with falls back on an earlier source that described someone unnamed ("the general"). A
    subject that calls a person by their title ("the admiral chuckled") counts as a mention of them too."""
    heard = {e.id: e for e in titled_subjects(doc, text, entities)}
    described: list[tuple[Range, Speaker]] = []
    out: list[Speaker | None] = [None] * len(drafts)
    for k in sorted(range(len(drafts)), key=lambda k: drafts[k].source or (-1, -1)):
        source = drafts[k].source
        if source is None:
            continue
        label = interview_label(text, source)
        if label is not None:
            out[k] = interviewee(text, entities) if label == "answer" else None
            continue
        elsewhere = [drafts[k].content, *((q.start, q.end) for q in speech if not q.start <= source[0] < q.end)]
        reported = [d.content for d in drafts if d.content[1] <= source[0]] if _says(doc, drafts[k]) else []
        speaker = resolve(doc, text, source, list(heard.values()), elsewhere, reported)
        if speaker is None or speaker.entity is None:
            speaker = described_speaker(doc, source, described, unresolved=speaker is None) or speaker
        if speaker is not None and speaker.entity is None:
            described.append((source, speaker))
        out[k] = speaker
        head = doc.char_span(*source, alignment_mode="expand")
        if speaker is not None and speaker.entity is not None and head is not None and len(head):
            entity, word = heard[speaker.entity], head.root
            said = Span(start=word.idx, end=word.idx + len(word), text=word.text)
            heard[entity.id] = entity.model_copy(update={"mentions": (*entity.mentions, said)})
    return out


def _says(doc: Doc, draft: Draft) -> bool:
    """Whether the draft's cue is a verb of speaking aloud: "They said" after "Police said two men were arrested"
    continues the police, while "they were meant to show" after "The comments had two goals, the admiral
    said" is the comments."""
    return draft.cue_head is not None and doc[draft.cue_head].lemma_ in UTTERING


def kind_of(text: str, draft: Draft, quotes: Sequence[Quote]) -> AttributionKind:
    """direct when the content is all quotation (what lies between quotes is only the frame: the cue's
    words and punctuation, '"A," he said, "B."', '"A," she told reporters outside city hall. "B."'),
    mixed when quotes hold part of it, else indirect."""
    start, end = draft.content
    inside = [(q.start, q.end) for q in quotes if q.start < end and q.end > start]
    if not inside:
        return "indirect"
    cue = draft.cue
    framing = [g for g in gaps_between(inside) if cue is not None and g[0] <= cue[0] < g[1]]
    frames = inside + framing + [r for r in (draft.cue, draft.source, draft.addressee) if r is not None]
    return "direct" if is_glue(text, frames, start, end) else "mixed"


def nesting(text: str, drafts: Sequence[Draft], quotes: Sequence[Quote]) -> list[int | None]:
    """For each draft, the index of the smallest other draft whose content holds its whole frame, or that
    quotes it "as saying" with its speaker before the outer cue ("The minister was quoted by Reuters as
    saying ...")."""
    out: list[int | None] = []
    for draft in drafts:
        lo, hi = draft.extent()
        holders = [
            (o.content[1] - o.content[0], k)
            for k, o in enumerate(drafts)
            if o is not draft
            and o.content != draft.content
            and ((o.content[0] <= lo and hi <= o.content[1]) or quotes_as_saying(text, o, draft))
            and not _in_frame(text, o, quotes, (lo, hi))
        ]
        out.append(min(holders)[1] if holders else None)
    return out


def _in_frame(text: str, outer: Draft, quotes: Sequence[Quote], span: Range) -> bool:
    """Whether the span lies in the frame between two parts of the outer content ('"A," said Ruiz, who
    said she would march. "B."'): a report there is the narrator's, beside the quote, not inside it."""
    gap = frame_gap(text, outer, quotes)
    return gap is not None and gap[0] <= span[0] and span[1] <= gap[1]


def frame_gap(text: str, draft: Draft, quotes: Sequence[Quote]) -> Range | None:
    """The stretch of a content that its own frame takes when the frame stands inside it: from the end of
    the quote before the cue to the start of the next one ('"A," she said on Monday. "B."'), or between the
    commas that set the frame off ("The test, officials said, was the largest"). A title quoted in the
    frame ('said on "Morning Desk"') is the frame's; a quote opening a sentence ('asked. "Neither do I."')
    is the content's. None when the frame is outside the content or not set off."""
    start, end = draft.content
    if draft.cue is None or not start < draft.cue[0] < end:
        return None
    core = [r for r in (draft.cue, draft.source, draft.addressee) if r is not None and start <= r[0] and r[1] <= end]
    lo, hi = min(r[0] for r in core), max(r[1] for r in core)
    closed = [q.end for q in quotes if start <= q.start and q.end <= lo and not text[q.end : lo].strip(_BETWEEN)]
    opened = [
        q.start for q in quotes if hi <= q.start < end and (_opens_sentence(text, q.start) or not is_title(text, q))
    ]
    if closed and opened:
        return closed[-1], opened[0]
    head = text[start:lo].rstrip()
    left = closed[-1] if closed else (start + len(head) - 1 if head and head[-1] in _SETS_OFF else None)
    comma = next((k + 1 for k in range(hi, end) if text[k] in _SETS_OFF), None)
    right = min((k for k in (comma, *opened[:1]) if k is not None), default=None)
    if left is None or right is None:
        return None
    while right < end and text[right].isspace():
        right += 1
    return left, right


def _opens_sentence(text: str, at: int) -> bool:
    """Whether only spaces stand between ``at`` and the end of the sentence or line before it."""
    k = at - 1
    while k >= 0 and text[k] in " \t\xa0":
        k -= 1
    return k < 0 or text[k] in ".!?\r\n"


def content_parts(text: str, draft: Draft, quotes: Sequence[Quote]) -> tuple[Range, ...]:
    """The content's stretches either side of its own frame; empty when the frame does not break it."""
    gap = frame_gap(text, draft, quotes)
    if gap is None or gap[0] <= draft.content[0] or gap[1] >= draft.content[1]:
        return ()
    return (draft.content[0], gap[0]), (gap[1], draft.content[1])


def build(
    doc: Doc,
    text: str,
    drafts: Sequence[Draft],
    quotes: Sequence[Quote],
    speech: Sequence[Quote],
    entities: Sequence[Entity],
) -> tuple[Attribution, ...]:
    """The contract objects, numbered a1, a2, ... in the order of their contents; ``speech`` are the quotes
    that hold someone's words (not a nickname's or a title's marks)."""
    ordered = [
        replace(d, source=None if d.source is None else _phrase(text, past_dateline(doc, *d.source)))
        for d in sorted(drafts, key=lambda d: (d.content, d.cue or (0, 0)))
    ]
    outer = nesting(text, ordered, quotes)
    speakers = _speakers(doc, text, ordered, speech, entities)
    out = []
    for k, draft in enumerate(ordered):
        cue = _span(text, draft.cue)
        lemma = doc[draft.cue_head].lemma_ if draft.cue_head is not None else None
        holder = outer[k]
        out.append(
            Attribution(
                id=f"a{k + 1}",
                kind=kind_of(text, draft, quotes),
                content=Span(start=draft.content[0], end=draft.content[1], text=text[slice(*draft.content)]),
                content_parts=tuple(
                    Span(start=a, end=b, text=text[a:b]) for a, b in content_parts(text, draft, quotes)
                ),
                cue=cue,
                cue_stance=None if cue is None else cue_stance(cue.text, lemma),
                source=_span(text, draft.source),  # made a phrase above, before its speaker was named
                speaker=speakers[k],
                addressee=_span(text, None if draft.addressee is None else _phrase(text, draft.addressee)),
                via=None if holder is None else f"a{holder + 1}",
            )
        )
    return tuple(out)
