"""Tagger drafts and rule drafts into one list, with quotes made whole.

The tagger finds most contents (including beliefs and "X mocked Y" that no lexicon lists); the rules add
what it misses and lend it the parse's cue, source and addressee where it has none. Quotation marks then
settle the edges: a content that covers most of a quote takes all of it, and a quote that follows an
attributed quote with no cue of its own continues it ("A," she said. "B.").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Final

from .draft import Draft, Range, is_glue, jaccard, overlap, trim
from .quotes import MARKS, Quote

_SAME_MATCH: Final = 0.5
_SNAP_SHARE: Final = 0.5
_CUE_TAIL: Final = 200
_MIN_CONTENT: Final = 2


def _best(draft: Draft, others: Sequence[Draft]) -> Draft | None:
    scored = [(jaccard(draft.content, o.content), o) for o in others]
    best = max(scored, key=lambda p: p[0], default=(0.0, None))
    return best[1] if best[0] >= _SAME_MATCH else None


def _fill(tagged: Draft, rule: Draft) -> Draft:
    """The tagger's spans, completed by the rule's where the tagger has none; the rule's content when the
    tagger's swallowed the cue (a cue is never part of what it reports)."""
    same_cue = tagged.cue is None or (rule.cue is not None and overlap(tagged.cue, rule.cue) > 0)
    content = rule.content if rule.cue and overlap(tagged.content, rule.cue) else tagged.content
    return replace(
        tagged,
        content=content,
        cue=tagged.cue or rule.cue,
        source=tagged.source or (rule.source if same_cue else None),
        addressee=rule.addressee if same_cue else None,
        cue_head=rule.cue_head if same_cue else tagged.cue_head,
    )


def merge(tagged: Sequence[Draft], rules: Sequence[Draft]) -> list[Draft]:
    """Every tagger draft (completed by its matching rule draft) plus the rule drafts it does not match.

    Where a rule draft overlaps a tagger draft without matching it, the rule draft wins: it has a cue
    that governs its content in the parse, the tagger draft only its own probabilities."""
    import os
    keep = float(os.environ.get("KEEP", "2"))
    floor = float(os.environ.get("FLOOR", "0"))
    tagged = [d for d in tagged if d.score >= floor]
    sure = [d for d in tagged if d.score >= keep]
    rules = [r for r in rules if not any(_clashes(d, r) for d in sure)]
    out = [d for d in tagged if d.score >= keep or not any(_clashes(d, r) for r in rules)]
    out = [d if (rule := _best(d, rules)) is None else _fill(d, rule) for d in out]
    out += [r for r in rules if not any(jaccard(r.content, d.content) >= _SAME_MATCH for d in out)]
    return sorted(out, key=lambda d: d.content)


def _clashes(tagged: Draft, rule: Draft) -> bool:
    return overlap(tagged.content, rule.content) > 0 and jaccard(tagged.content, rule.content) < _SAME_MATCH


def snap(draft: Draft, speech: Sequence[Quote]) -> Draft:
    """Widens the content to every speech quote it mostly covers, or that is cut by its edges."""
    start, end = draft.content
    for quote in speech:
        shared = overlap((start, end), (quote.start, quote.end))
        cut = start > quote.start or end < quote.end
        holds_cue = draft.cue is not None and quote.start <= draft.cue[0] < quote.end
        if shared and not holds_cue and (shared >= _SNAP_SHARE * (quote.end - quote.start) or cut):
            start, end = min(start, quote.start), max(end, quote.end)
    return replace(draft, content=(start, end))


def _frames(draft: Draft) -> list[Range]:
    return [r for r in (draft.cue, draft.source) if r is not None]


def continue_quotes(text: str, drafts: list[Draft], speech: Sequence[Quote]) -> list[Draft]:
    """A speech quote no draft holds continues the quoted draft just before it, when only the rest of that
    draft's cue sentence lies between ("A," she said on Monday. "B."); or it opens the quoted draft just
    after it, when nothing but punctuation lies between ("A." "B," she said.)."""
    out = sorted(drafts, key=lambda d: d.content)
    for quote in speech:
        if any(overlap((quote.start, quote.end), d.content) for d in out):
            continue
        prev = max((k for k, d in enumerate(out) if d.content[1] <= quote.start), default=None,
                   key=lambda k: out[k].content[1])
        nxt = min((k for k, d in enumerate(out) if d.content[0] >= quote.end), default=None,
                  key=lambda k: out[k].content[0])
        if prev is not None and _quoted_end(text, out[prev]) and _cue_tail(text, out[prev], quote.start):
            out[prev] = replace(out[prev], content=(out[prev].content[0], quote.end))
        elif nxt is not None and text[out[nxt].content[0]] in MARKS and is_glue(
            text, [], quote.end, out[nxt].content[0]
        ):
            out[nxt] = replace(out[nxt], content=(quote.start, out[nxt].content[1]))
    return out


def _cue_tail(text: str, draft: Draft, quote_start: int) -> bool:
    """Whether text from the draft's end to the quote is its own cue's sentence ending (or nothing)."""
    gap = text[draft.content[1] : quote_start]
    if is_glue(text, _frames(draft), draft.content[1], quote_start):
        return True
    cue_inside = draft.cue is not None and draft.content[1] <= draft.cue[0] < quote_start
    closes = gap.rstrip()[-1:] in (".", "!", "?", ":")
    return cue_inside and closes and len(gap) <= _CUE_TAIL and not any(c in MARKS for c in gap)


def _quoted_end(text: str, draft: Draft) -> bool:
    return text[draft.content[1] - 1] in MARKS or text[draft.content[1] - 2 : draft.content[1]] == "''"


def without_cue(text: str, draft: Draft) -> Range:
    """The content minus its own cue: a cue inside the content (the tagger ran over it, or the parse
    hung the cue phrase under the clause) keeps the longer side. A quote split around its cue ("A," he
    said, "B.") keeps both quotes: that is one content."""
    start, end = draft.content
    if draft.cue is None or not overlap(draft.content, draft.cue):
        return start, end
    if _has_mark(text[start : draft.cue[0]]) and _has_mark(text[draft.cue[1] : end]):
        return start, end
    before = trim(text, (start, min(end, draft.cue[0])))
    after = trim(text, (max(start, draft.cue[1]), end))
    return before if before[1] - before[0] >= after[1] - after[0] else after


def _has_mark(text: str) -> bool:
    return any(c in MARKS for c in text) or "''" in text


def combine(
    tagged: Sequence[Draft], rules: Sequence[Draft], text: str, speech: Sequence[Quote]
) -> list[Draft]:
    """The final drafts in content order, quotes whole, one draft per content."""
    drafts = [snap(d, speech) for d in merge(tagged, rules)]
    drafts = continue_quotes(text, drafts, speech)
    unique: dict[Range, Draft] = {}
    for draft in drafts:
        content = without_cue(text, draft)
        if content[1] - content[0] >= _MIN_CONTENT:
            unique.setdefault(content, replace(draft, content=content))
    return sorted(unique.values(), key=lambda d: d.content)
