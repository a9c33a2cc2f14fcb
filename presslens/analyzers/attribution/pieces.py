"""One report said in pieces: a quote that goes on after its cue's sentence with no cue of its own ('"A,"
she said on Monday. "B."'), a cue-less quote just before a cued one ('"A." "B," she said.'), and neighbouring
quotes the tagger linked to one frame. PolNeAR gives such a report one content, and so does a reader.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Final

from .draft import Draft, Range, is_glue, one_sentence, overlap
from .quotes import MARKS, Quote

_CUE_TAIL: Final = 200  # characters of a cue's sentence that may stand between two quoted pieces
_COLON_RE: Final = re.compile(r"[ \t]*:[ \t\xa0]*(?:\r?\n[ \t\xa0]*){0,2}")
# A speaker and a verb of saying right after a quote, in its sentence: the quote's own frame.
_FRAMED_AFTER_RE: Final = re.compile(
    r"[ \t\xa0]*(?:[\w.'’-]+[ \t\xa0]+){1,5}?(?:said|says|added|adds|told|asked|replied|declared|insisted|wrote"
    r"|shouted|chanted|yelled|screamed|whispered|muttered|exclaimed)\b"
)


def frames(draft: Draft) -> list[Range]:
    return [r for r in (draft.cue, draft.source) if r is not None]


def closes_sentence(text: str, quote: Quote) -> bool:
    return text[quote.inner[0] : quote.inner[1]].rstrip()[-1:] in (".", "!", "?")


def continue_quotes(text: str, drafts: list[Draft], speech: Sequence[Quote]) -> list[Draft]:
    """A speech quote no draft holds continues the quoted draft just before it, when only the rest of that
    draft's cue sentence lies between ("A," she said on Monday. "B."); or it opens the quoted draft just
    after it, when nothing but punctuation lies between ("A." "B," she said.). A quote held only by a draft
    whose cue comes in a later sentence ('"A," she told reporters. "B." She said the council ...') is
    such a continuation too, within a paragraph: that cue was the nearest, not the quote's. A content that
    stops at a colon goes on over the quote the colon opens ('told me a few facts: "Of its 900 voters ..."'),
    when nothing else frames that quote."""
    out = sorted(drafts, key=lambda d: d.content)
    for quote in speech:
        held = [d for d in out if overlap((quote.start, quote.end), d.content)]
        opener = next((k for k, d in enumerate(out) if _colon_opens(text, d, quote.start)), None)
        if opener is not None and all(_within(d, quote) for d in held):
            out[opener] = replace(out[opener], content=(out[opener].content[0], quote.end))
            continue
        if (held and not (len(held) == 1 and _cued_later(text, held[0], quote))) or _framed_after(text, quote):
            continue
        rest = [d for d in out if d not in held]
        prev = max(
            (k for k, d in enumerate(rest) if d.content[1] <= quote.start),
            default=None,
            key=lambda k: rest[k].content[1],
        )
        joins = prev is not None and _quoted_end(text, rest[prev]) and _cue_tail(text, rest[prev], quote.start)
        if joins and prev is not None and not (held and "\n" in text[rest[prev].content[1] : quote.start]):
            rest[prev] = replace(rest[prev], content=(rest[prev].content[0], quote.end))
            out = rest
            continue
        if held:
            continue
        nxt = min(
            (k for k, d in enumerate(out) if d.content[0] >= quote.end), default=None, key=lambda k: out[k].content[0]
        )
        if nxt is not None and text[out[nxt].content[0]] in MARKS and is_glue(text, [], quote.end, out[nxt].content[0]):
            out[nxt] = replace(out[nxt], content=(quote.start, out[nxt].content[1]))
    return out


def _framed_after(text: str, quote: Quote) -> bool:
    """Whether a frame of its own follows the quote ('"Power to the people!" the group shouted'): the quote
    is that speaker's, whatever draft came before it. After a full stop inside the closing mark a new
    sentence begins ('"... campaign." Ohio Gov. John Kasich said')."""
    closes = closes_sentence(text, quote) and text[quote.inner[1] - 1 : quote.inner[1]] == "."
    return not closes and _FRAMED_AFTER_RE.match(text, quote.end) is not None


def _colon_opens(text: str, draft: Draft, quote_start: int) -> bool:
    """Whether the draft's content stops at a colon, its own last character or the next, that opens a quote."""
    end = draft.content[1] - 1 if text[draft.content[1] - 1] == ":" else draft.content[1]
    return draft.content[0] < end and _COLON_RE.fullmatch(text, end, quote_start) is not None


def _within(draft: Draft, quote: Quote) -> bool:
    """A report made inside the quoted words, frame and all: the quote's own, which leaves it unframed."""
    start, end = draft.extent()
    return quote.start < start and end < quote.end


def _cued_later(text: str, draft: Draft, quote: Quote) -> bool:
    """The draft is this quote alone, the quote closes its sentence, and the draft's cue comes after it."""
    alone = quote.start - 1 <= draft.content[0] and draft.content[1] <= quote.end + 1
    return alone and draft.cue is not None and draft.cue[0] >= quote.end and closes_sentence(text, quote)


def _cue_tail(text: str, draft: Draft, quote_start: int) -> bool:
    """Whether text from the draft's end to the quote is its own cue's sentence ending (or nothing)."""
    gap = text[draft.content[1] : quote_start]
    if is_glue(text, frames(draft), draft.content[1], quote_start):
        return True
    cue_inside = draft.cue is not None and draft.content[1] <= draft.cue[0] < quote_start
    closes = gap.rstrip()[-1:] in (".", "!", "?", ":")
    return cue_inside and closes and len(gap) <= _CUE_TAIL and not any(c in MARKS for c in gap)


def _quoted_end(text: str, draft: Draft) -> bool:
    return text[draft.content[1] - 1] in MARKS or text[draft.content[1] - 2 : draft.content[1]] == "''"


def join_shared_cues(text: str, drafts: list[Draft]) -> list[Draft]:
    """Two neighbouring quotes linked to the same cue are one content said in pieces ("A," she said.
    "B."): PolNeAR gives one cue one content, and so does a reader."""
    out: list[Draft] = []
    for draft in sorted(drafts, key=lambda d: d.content):
        # the piece before, or the one before that when a report inside the frame sentence stands between
        # ('"A," said Ruiz, who said she would march. "B."')
        pieces = [k for k in (len(out) - 1, len(out) - 2) if k >= 0 and _said_in_pieces(text, out[k], draft)]
        if not pieces or (pieces[0] == len(out) - 2 and out[-1].content[0] < out[-2].content[1]):
            out.append(draft)
            continue
        prev = out[pieces[0]]
        out[pieces[0]] = replace(prev, content=(prev.content[0], draft.content[1]), source=prev.source or draft.source)
    return out


def _said_in_pieces(text: str, first: Draft, second: Draft) -> bool:
    """Quote, then the shared cue, then a quote, within a sentence's reach. The second quote may have been
    linked to another cue of the first one's frame sentence ('"A," said Ana Ruiz, who said she would march.
    "B."'; '"A," Ruiz told the AP after hinting at changes. "B."'): it opens the next sentence with no cue
    of its own, so it goes on with the first. Words that stop at a colon and the quote it opens, linked to
    one cue, are one content too ('revealed a few facts: "Of its 900 voters ..."')."""
    if first.cue is None or second.cue is None:
        return False
    gap = (first.content[1], second.content[0])
    opened = _colon_opens(text, first, gap[1]) and has_mark(text[gap[1] : gap[1] + 2])
    if opened and overlap(first.cue, second.cue) and first.cue[1] <= first.content[0]:
        return True
    quoted = _quoted_end(text, first) and has_mark(text[gap[1] : gap[1] + 2])
    if not (quoted and 0 <= gap[1] - gap[0] <= _CUE_TAIL and gap[0] <= first.cue[0] < gap[1]):
        return False
    between = text[slice(*gap)]
    in_frame = gap[0] <= second.cue[0] < gap[1] and "\n" not in between and one_sentence(between)
    return overlap(first.cue, second.cue) > 0 or in_frame


def has_mark(text: str) -> bool:
    return any(c in MARKS for c in text) or "''" in text
