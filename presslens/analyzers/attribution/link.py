"""Tagged spans into drafts: which cue and which source belong to each content.

The parse decides first (the cue whose clause holds the content, the source that is the cue's subject);
distance decides only when the parse says nothing, and then within the content's paragraph. A quote split
around its cue ("A," he said, "B.") is one content, so such pieces are joined before linking.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Final

from spacy.tokens import Doc, Token

from .decode import Tagged
from .draft import Draft, Range, gaps_between, is_aside, is_glue, overlap, token_range
from .quotes import MARKS
from .rules import cue_verbs
from .syntax import coordinated_sayer, cue_start, governs, noun_phrase, subject_of

_MAX_GAP: Final = 300
# A first piece that ends its sentence inside the closing mark, and a frame that opens a new one
# ('... called it a "giveaway." He read "The Long Road" on the train': "He read" frames only what follows).
_SENTENCE_BREAK_RE: Final = re.compile(r"[.!?][\"”']\s+[A-Z]")
_CLOSE: Final = 15


def _gap(a: Range, b: Range) -> int:
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


def _head(doc: Doc, span: Range) -> Token | None:
    found = doc.char_span(span[0], span[1], alignment_mode="expand")
    return None if found is None or len(found) == 0 else found.root


def _near_mark(text: str, at: int) -> bool:
    return any(c in MARKS or c == "'" for c in text[max(0, at - 2) : at + 2])


Scored = tuple[Range, float]


def join_split(text: str, contents: Sequence[Scored], cues: Sequence[Range], sources: Sequence[Range]) -> list[Scored]:
    """A quote split around its cue ("A," he said, "B.") is one content: two contents meet when only
    cue/source spans and punctuation lie between them, with one cue at most ('"A," he said. She added,
    "B."' is two reports), and quote marks close the first and open the second (without the marks,
    "X said A. Y said B." would fuse two attributions), or when the frame is an aside set off by commas.
    A joined content's score is its pieces' scores weighted by length."""
    joined: list[Scored] = []
    for span, score in sorted(contents):
        if joined and _splits(text, joined[-1][0], span, cues, sources):
            (start, end), before = joined[-1]
            size, more = end - start, span[1] - span[0]
            joined[-1] = ((start, span[1]), (before * size + score * more) / max(1, size + more))
        else:
            joined.append((span, score))
    return joined


def _quoted_gap(text: str, start: int, end: int) -> bool:
    return _near_mark(text, start) and _near_mark(text, end)


def _splits(text: str, first: Range, second: Range, cues: Sequence[Range], sources: Sequence[Range]) -> bool:
    gap = (first[1], second[0])
    if "\n" in text[gap[0] : gap[1]] or _SENTENCE_BREAK_RE.match(text, first[1] - 2, gap[1]):
        return False
    if is_aside(text, cues, sources, *gap):
        return True
    cues_between = [c for c in cues if gap[0] <= c[0] and c[1] <= gap[1]]
    framed = bool(cues_between) or any(gap[0] <= s[0] and s[1] <= gap[1] for s in sources)
    joins = _quoted_gap(text, *gap) and framed and len(cues_between) <= 1 and is_glue(text, [*cues, *sources], *gap)
    return joins and _own_frame(text, second, cues, sources) is None


def _own_frame(text: str, piece: Range, cues: Sequence[Range], sources: Sequence[Range]) -> Range | None:
    """The cue of a frame right after a quoted piece ('"B!" the group shouted'), with at most its source
    between: the piece is that speaker's, not the rest of a quote before it, whatever the parse joins."""
    before = text[max(0, piece[0] - 3) : piece[0]].rstrip(" \t\xa0")
    if text[piece[0]] not in MARKS or text[piece[1] - 1] not in MARKS or before[-1:] not in ("", *".!?:\n", *MARKS):
        return None  # a quote opening its sentence, not one the sentence's words lead into
    if text[max(0, piece[1] - 4) : piece[1] - 1].rstrip()[-1:] in (".", ":", ";"):
        return None  # a quote closing its sentence: what follows is the next one
    after = next((c for c in cues if c[0] >= piece[1]), None)
    if after is None or "\n" in text[piece[1] : after[0]] or not is_glue(text, sources, piece[1], after[0]):
        return None
    named = any(piece[1] <= s[0] and s[1] <= after[0] for s in sources)
    return after if named or not text[piece[1] : after[0]].strip(" ,") else None


def _second_frame(doc: Doc, verb: Token, content: Range, nearer: Sequence[Range]) -> Range | None:
    """A nearer cue on a participle that hangs on the governing verb or on the content ('"A," he said,
    adding of the mayor, "B."': the parse gives "B" to "said", but "adding" frames it)."""
    for cue in nearer:
        head = _head(doc, cue)
        if head is None or head.tag_ != "VBG":
            continue
        between = verb.idx < cue[0] < content[0] or content[1] <= cue[0] < verb.idx
        if between and (head.head.i == verb.i or content[0] <= head.head.idx < content[1]):
            return cue
    return None


def _paragraph(text: str, at: int) -> Range:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return start, len(text) if end < 0 else end


def _free(span: Range, content: Range, gaps: Sequence[Range]) -> bool:
    """Outside the content, or between the pieces of a quote joined around its cue."""
    return not overlap(span, content) or any(g[0] <= span[0] and span[1] <= g[1] for g in gaps)


def _within(spans: Sequence[Range], lo: int, hi: int) -> Sequence[Range]:
    """The spans reaching into [lo, hi), found by bisection: one role's decoded spans are disjoint and in
    text order, so their ends are sorted too (an article has dozens of cues and of contents)."""
    return spans[bisect_right(spans, lo, key=lambda s: s[1]) : bisect_left(spans, hi, key=lambda s: s[0])]


def pick_cue(
    doc: Doc, text: str, content: Range, cues: Sequence[Range], sources: Sequence[Range], gaps: Sequence[Range]
) -> Range | None:
    """The tagged cue that split a joined quote ("A," he said. "B."); else the cue of the frame right after
    a quote ('"B!" the group shouted'); else a tagged cue that governs the content in the parse; else the
    nearest tagged cue outside it in its paragraph. (Taking the word that
    governs the content in the parse when no tagged cue does was right a third of the time with this
    tagger: dropping it gained 0.006 cue-F1 and source-F1 on held-out train.)"""
    # A word's dependents never leave its sentence, so only cues in the content's sentences can govern it.
    sentences = _sentences(doc, content) or (0, len(text))
    para = _paragraph(text, content[0])
    region = (para[0], max(para[1], content[1]))
    cues = _within(cues, min(sentences[0], region[0]), max(sentences[1], region[1]))
    splitting = [c for c in cues if overlap(c, content) and _free(c, content, gaps)]
    if splitting:
        return splitting[0]
    framing = _own_frame(text, content, cues, sources)
    if framing is not None:
        return framing
    outside = [c for c in cues if not overlap(c, content)]
    ordered = sorted((c for c in outside if overlap(c, sentences)), key=lambda c: _gap(c, content))
    for cue in ordered:
        head = _head(doc, cue)
        if head is not None and governs(head, content):
            return _second_frame(doc, head, content, ordered[: ordered.index(cue)]) or cue
    near = [c for c in outside if _gap(c, content) <= _MAX_GAP and overlap(c, region)]
    return min(near, key=lambda c: _gap(c, content), default=None)


def pick_source(
    doc: Doc, text: str, cue: Range | None, content: Range, sources: Sequence[Range], gaps: Sequence[Range]
) -> Range | None:
    """The source holding the cue's subject, else the nearest source to the cue in the cue's sentence;
    never one on another line than the cue (a byline is not the subject of the headline above it)."""
    anchor = cue or content

    def usable(span: Range) -> bool:  # checked last: the line test reads the text between the two
        return _free(span, content, gaps) and _one_line(text, span, anchor)

    head = _head(doc, anchor) if cue else None
    subj = None if head is None else subject_of(head)
    if subj is not None:
        for source in sources:
            if source[0] <= subj.idx < source[1] and usable(source):
                return source
        phrase = noun_phrase(doc, subj)
        if usable(phrase):
            return phrase
    sent = _sentences(doc, anchor) or anchor
    near = [s for s in sources if overlap(s, sent) and usable(s)]
    return min(near, key=lambda s: _gap(s, anchor), default=None)


def _one_line(text: str, a: Range, b: Range) -> bool:
    return "\n" not in text[min(a[0], b[0]) : max(a[1], b[1])]


def _sentences(doc: Doc, span: Range) -> Range | None:
    """The sentences a span's words lie in (None when it holds no word)."""
    found = doc.char_span(span[0], span[1], alignment_mode="expand")
    if found is None or len(found) == 0:
        return None
    return found[0].sent.start_char, found[-1].sent.end_char


def _whole_cue(doc: Doc, cue: Range) -> Range:
    """A tagged cue widened over the auxiliaries and adverbs of its verb ("has repeatedly said")."""
    head = _head(doc, cue)
    if head is None or head.pos_ != "VERB":
        return cue
    return min(cue[0], doc[cue_start(doc, head)].idx), cue[1]


def _whole_source(doc: Doc, source: Range, taken: Sequence[Range]) -> Range:
    """A tagged source widened to its whole noun phrase ("Arthur Hellman, a law professor at ..."), as
    long as the phrase stays clear of the content and cue; measured +0.005 source-F1 on held-out train."""
    head = _head(doc, source)
    if head is None:
        return source
    span = doc.char_span(*source, alignment_mode="expand")
    if span is not None and len(span) > 1 and span[-1].dep_ == "prep" and span[-1].head.i != head.i:
        source = token_range(doc, span.start, span.end - 2)  # "The White House on | Tuesday dismissed"
    phrase = noun_phrase(doc, head)
    inside = phrase[0] <= source[0] and source[1] <= phrase[1]
    return phrase if inside and not any(overlap(phrase, r) for r in taken) else source


def _closed(doc: Doc, content: Range) -> Range:
    """A content the tagger ends inside a phrase ("how the police | treat minorities", "only some of | the
    footage") runs on to the phrase's end in its sentence: the tagger's edge wavered, the phrase did not."""
    span = doc.char_span(*content, alignment_mode="expand")
    if span is None or len(span) == 0 or span[-1].is_punct:
        return content
    last = span[-1]
    if last.pos_ in ("ADP", "SCONJ") and last.right_edge.i > last.i:
        end = last.right_edge
    elif last.head.i > last.i and any(t.dep_ in ("mark", "advmod") and t.head == last.head for t in span):
        end = last.head.right_edge  # a clause opened in the content ("how the police") and cut before its verb
    else:
        return content
    run = doc[last.i + 1 : end.i + 1]
    stop = next((t.i for t in run if t.is_punct), None)
    if stop is not None:
        run = doc[last.i + 1 : stop]
    if not len(run) or end.sent != last.sent or len(run) > _CLOSE or any("\n" in t.text for t in run):
        return content
    return content[0], run[-1].idx + len(run[-1])


def link(doc: Doc, text: str, tagged: Tagged) -> list[Draft]:
    """One draft per (joined) content span, with its cue and source."""
    spans = tagged.spans
    drafts = []
    contents = list(zip(spans["CONTENT"], tagged.scores["CONTENT"], strict=True))
    for joined, score in join_split(text, contents, spans["CUE"], spans["SOURCE"]):
        content = _closed(doc, joined)
        gaps = gaps_between([p for p in spans["CONTENT"] if content[0] <= p[0] and p[1] <= content[1]])
        cue = pick_cue(doc, text, content, spans["CUE"], spans["SOURCE"], gaps)
        source = pick_source(doc, text, cue, content, spans["SOURCE"], gaps)
        head = _head(doc, cue) if cue else None
        if head is not None and _speaks(doc, head, content):
            continue
        cue = None if cue is None else _whole_cue(doc, cue)
        taken = [r for r in (content, cue) if r is not None]
        source = None if source is None else _whole_source(doc, source, taken)
        source = None if source is None or _only_function_words(doc, source) else source
        drafts.append(
            Draft(content=content, cue=cue, source=source, cue_head=None if head is None else head.i, score=score)
        )
    return drafts


def _only_function_words(doc: Doc, source: Range) -> bool:
    """A tagged source that is only "The" or "its" names nobody: the tagger stopped short of the noun."""
    span = doc.char_span(*source, alignment_mode="expand")
    return span is not None and all(t.pos_ in ("DET", "ADP", "CCONJ", "PUNCT") for t in span)


def _speaks(doc: Doc, verb: Token, content: Range) -> bool:
    """Whether the content is no more than the cue's own subject ("The ministry's own engineers, | however,
    warned ..."): the one who speaks, which the tagger's content for an outer report ran over."""
    subject = subject_of(verb)
    if subject is None or subject.i > verb.i:
        return False
    phrase = noun_phrase(doc, subject)
    return abs(content[0] - phrase[0]) <= 1 and content[1] <= phrase[1] + 1


def second_reports(doc: Doc) -> dict[int, int]:
    """The sayer's second reports in the text, each verb's index to its sayer's: a cue verb coordinated with
    the sayer's own verb, as the parse has it, or with a verb of the reported clause, where it should not
    (``syntax.coordinated_sayer``); either with no subject of its own. Found once per text."""
    out: dict[int, int] = {}
    for verb in (doc[int(i)] for i in cue_verbs(doc)):
        if verb.dep_ != "conj":
            continue
        sayer = coordinated_sayer(verb)
        if sayer is None and subject_of(verb) == subject_of(verb.head):
            sayer = verb.head
        if sayer is not None:
            out[verb.i] = sayer.i
    return out


def without_second_report(doc: Doc, draft: Draft, quotes: Sequence[Range], seconds: Mapping[int, int]) -> Draft:
    """A content that stops before the sayer's second report when the tagger or the parse ran it in ("said
    the plan was unfair | and vowed to fight it"; see ``second_reports``). Inside quotation marks the words
    are the speaker's own ('has "always run a lean campaign and will continue to"')."""
    start, end = draft.content
    found = [
        doc[i]
        for i, sayer in seconds.items()
        if sayer == draft.cue_head and start < doc[i].idx < end and not any(a < doc[i].idx < b for a, b in quotes)
    ]
    if not found:
        return draft
    cut = doc[min(t.i for t in found) - 1]
    while (cut.dep_ == "cc" or cut.text == ",") and cut.idx > start:
        cut = doc[cut.i - 1]
    return replace(draft, content=(start, cut.idx + len(cut)))
