"""Tagger drafts and rule drafts into one list, with quotes made whole.

The tagger finds most contents (including beliefs and "X mocked Y" that no lexicon lists); the rules add
what it misses and lend it the parse's clause, cue, source and addressee where both found the same report.
Quotation marks then settle the edges: a content that covers most of a quote takes all of it, and a quote
that follows an attributed quote with no cue of its own continues it ("A," she said. "B.").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Final

from spacy.tokens import Doc, Span, Token

from .draft import (
    Draft,
    Range,
    framed_from_outside,
    holds,
    is_aside,
    is_glue,
    jaccard,
    overlap,
    quotes_as_saying,
    said_within,
    token_range,
    trim,
)
from .lexicon import HEARSAY, OBJECT_PREDICATE, SPEECH, UTTERING
from .pieces import closes_sentence, continue_quotes, frames, has_mark, join_shared_cues
from .quotes import MARKS, Quote, is_speech, is_title
from .syntax import cue_start, noun_phrase, subject_of

_SAME_MATCH: Final = 0.5
_SNAP_SHARE: Final = 0.5
_MIN_CONTENT: Final = 2
_SURE: Final = 0.8
_AND_THAT_RE: Final = re.compile(r"[\"”']?,?\s+(?:and|but|or)\s+(?:that|whether)\s")
_FRAME_WORDS: Final = 12
_LOOSE_END_RE: Final = re.compile(r"[\s,;]+(?:and|or|but)$", re.IGNORECASE)
_DASHES: Final = "-–—"
_RELATIVES: Final = frozenset({"which", "who", "that", "whom"})
# Verbs after which a title-cased quote is someone's words: saying it aloud, or labelling something with it.
_SAYS_OR_LABELS: Final = UTTERING | frozenset(OBJECT_PREDICATE)
# The relative pronoun and comma a source's report of its own opens with ("Petrilli, who | thinks ...").
_OPENS_CLAUSE_RE: Final = re.compile(r"[\s,]*\b(?:who|which|whom|whose|that)?[\s,]*$", re.IGNORECASE)
_OPENING_WORDS: Final = 3  # "In line with", "Alarmed by": the words before the preposition that ends them
# Words that are never a report on their own, whatever the tagger's confidence.
_NO_REPORT_WORDS: Final = frozenset({"the", "a", "an", "that", "this", "of", "to", "and", "or", "but", "as", "it"})


def _best(draft: Draft, others: Sequence[Draft]) -> Draft | None:
    scored = [(jaccard(draft.content, o.content), o) for o in others]
    best = max(scored, key=lambda p: p[0], default=(0.0, None))
    return best[1] if best[0] >= _SAME_MATCH else None


def _fill(text: str, tagged: Draft, rule: Draft) -> Draft:
    """A tagger draft for the same content as a rule draft takes the rule's content (the parse gives
    whole clauses: measured, +0.007 exact-match F1 at equal overlap F1) and, when both name the same
    cue, the rule's cue and source (whole phrases: "has repeatedly said", "Dean Baker, an economist at
    ..."; the tagger's edges wander) and addressee. When the rule's report holds the tagger's cue, the
    two are an outer report and the same words found again inside it, and the outer one stands. A tagger
    draft joined around its own cue ("Not yet," he said, "but soon.") keeps its content: the rules see only
    the quotes long enough to be speech and would drop the short piece."""
    if holds(rule, tagged):
        return rule
    keep = _around_cue(tagged) or _quote_within(text, tagged, rule) or _second_clause(text, tagged, rule)
    content = tagged.content if keep else rule.content
    same_cue = tagged.cue is None or (rule.cue is not None and overlap(tagged.cue, rule.cue) > 0)
    if not same_cue:
        return replace(tagged, content=content)
    return replace(
        tagged,
        content=content,
        cue=rule.cue or tagged.cue,
        source=rule.source or tagged.source,
        addressee=rule.addressee,
        cue_head=rule.cue_head,
    )


def _quote_within(text: str, tagged: Draft, rule: Draft) -> bool:
    """A rule draft that is only a quote, inside a tagger content that runs on around it with the words
    that frame it ('told the Post he was "not quite there yet" on supporting Ryan'): the parse, which hung
    the quote's clause elsewhere, gave the quote alone."""
    (start, end), (inner_start, inner_end) = tagged.content, rule.content
    contains = start <= inner_start and inner_end <= end and (start, end) != (inner_start, inner_end)
    return contains and text[inner_start] in MARKS


def _second_clause(text: str, tagged: Draft, rule: Draft) -> bool:
    """A tagger content that runs on from the rule's clause over a second one joined to it ("told the station
    that the system is finished | and that subsidies would follow"), which the parse hung elsewhere."""
    start, end = tagged.content
    return start == rule.content[0] and rule.content[1] < end and bool(_AND_THAT_RE.match(text, rule.content[1], end))


def _around_cue(draft: Draft) -> bool:
    return draft.cue is not None and draft.content[0] < draft.cue[0] and draft.cue[1] < draft.content[1]


def whole_clauses(doc: Doc, tagged: Sequence[Draft], rules: Sequence[Draft]) -> list[Draft]:
    """A tagger content that is no more than the subject or the "that" of the clause its cue reports
    ("Critics say | the law |, which passed in May, will silence journalists", "reported | that, |
    according to two officials, ...") takes the rule's whole clause."""
    return [_clause_for_subject(doc, d, rules) for d in tagged]


def _clause_for_subject(doc: Doc, draft: Draft, rules: Sequence[Draft]) -> Draft:
    span = doc.char_span(*draft.content, alignment_mode="expand")
    if span is None or span.root.dep_ not in ("nsubj", "nsubjpass", "mark"):
        return draft
    verb = span.root.head
    for rule in rules:
        holds = rule.content[0] <= draft.content[0] and draft.content[1] < rule.content[1]
        if holds and rule.cue_head == draft.cue_head and rule.content[0] <= verb.idx < rule.content[1]:
            return replace(draft, content=rule.content)
    return draft


def merge(text: str, tagged: Sequence[Draft], rules: Sequence[Draft]) -> list[Draft]:
    """Every tagger draft the gate kept (completed by its matching rule draft) plus the rule drafts it does
    not match. Where a rule draft overlaps a tagger draft without matching it, the surer one wins (see
    ``_wins``)."""
    framed = [r.content for r in rules if _framed_after(text, r)]
    tagged, rules = _stop_before(text, tagged, framed), _stop_before(text, rules, framed)
    inner = [r for r in rules if any(holds(o, r) for o in rules if o is not r)]
    rules = [r for r in rules if not any(_clashes(d, r, inner) and _wins(d, r) for d in tagged)]
    out = [d for d in tagged if not any(_clashes(d, r, inner) and not _wins(d, r) for r in rules)]
    out = [d if (rule := _best(d, rules)) is None else _fill(text, d, rule) for d in out]
    out += [
        r
        for r in rules
        if not any(jaccard(r.content, d.content) >= _SAME_MATCH and not _nested(text, d, r, inner) for d in out)
    ]
    return sorted(out, key=lambda d: d.content)


def _wins(tagged: Draft, rule: Draft) -> bool:
    """Whether a tagger draft beats a rule draft it clashes with: when its score reaches ``_SURE``, or when
    it holds the rule's whole content, the fuller reading of the same words ("described him as a
    reformer" against the parse's "him": +0.003 content-F1 on held-out train). Otherwise the rule draft
    wins, whose cue governs its content in the parse."""
    return tagged.score >= _SURE or (tagged.content[0] <= rule.content[0] and rule.content[1] <= tagged.content[1])


def _framed_after(text: str, draft: Draft) -> bool:
    """A quote followed by its own frame ('"A," said one of them.', '"A," one of them said.')."""
    around = frames(draft)
    if not around or text[draft.content[0]] not in MARKS:
        return False
    first = min(r[0] for r in around)
    return first >= draft.content[1] and is_glue(text, [], draft.content[1], first)


def _stop_before(text: str, drafts: Sequence[Draft], framed: Sequence[Range]) -> list[Draft]:
    """A content that runs into a quote framed after it ('Residents said they were tired: "A," said one
    of them.') ends before that quote: the quote is the later speaker's, not the earlier cue's."""
    out = []
    for draft in drafts:
        start, end = draft.content
        cut = min((q[0] for q in framed if start < q[0] < end and q != draft.content), default=end)
        before_cut = draft.cue is not None and draft.cue[1] <= cut
        out.append(replace(draft, content=trim(text, (start, cut))) if before_cut and cut < end else draft)
    return out


def _nested(text: str, tagged: Draft, rule: Draft, inner: Sequence[Draft]) -> bool:
    """Whether one report holds the other, so that both stay however alike their contents: quoted "as
    saying", or a subject's report inside the other's content that is short beside it ("The Herald
    reported that | police said | the suspect had fled"), seen as nested by the rules themselves when the
    rule draft is the inner one (see ``_clashes``)."""
    if quotes_as_saying(text, tagged, rule) or quotes_as_saying(text, rule, tagged):
        return True
    rule_inside = any(r is rule for r in inner) and said_within(text, tagged, rule)
    return rule_inside or (framed_from_outside(text, rule, tagged) and said_within(text, rule, tagged))


def _clashes(tagged: Draft, rule: Draft, inner: Sequence[Draft]) -> bool:
    """Overlapping contents that are neither the same nor nested. A rule draft holding the tagger's
    with its cue is the outer report ("The Gazette reported that the mayor claimed ..."), and both stay;
    a tagger draft holding a rule draft is nesting only when the rules see that nesting themselves (the
    tagger, trained on PolNeAR's outermost-only marking, finds the outer report alone; keeping every
    rule draft inside a tagger draft cost 0.012 content-F1 on held-out train)."""
    if not overlap(tagged.content, rule.content) or jaccard(tagged.content, rule.content) >= _SAME_MATCH:
        return False
    return not (holds(rule, tagged) or (holds(tagged, rule) and any(r is rule for r in inner)))


def not_names(doc: Doc, text: str, tagged: Sequence[Draft], quotes: Sequence[Quote]) -> list[Draft]:
    """Drops the tagger's drafts whose content is mostly a name in quotation marks, not words someone said:
    a title ('She read "The Long Bridge" on the train') unless a verb of saying or of labelling governs it
    ('chanting "Close The Toll Gate"', 'called the plan "A Gift For The Rich"'), and a nickname given by no
    one in the text ('Ruiz, known as "Red," ran the yard'): a participle naming the noun it hangs on, with
    no "by" saying who gave the name ('dubbed "the toll grab" by critics' stays)."""
    titles = [(q.start, q.end) for q in quotes if is_title(text, q)]
    names = [(q.start, q.end) for q in quotes if not is_speech(text, q)]
    return [d for d in tagged if not (_names_a_work(doc, d, titles) or _unsaid_name(doc, d, names))]


def _names_a_work(doc: Doc, draft: Draft, titles: Sequence[Range]) -> bool:
    if draft.cue_head is not None and doc[draft.cue_head].lemma_ in _SAYS_OR_LABELS:
        return False
    return _mostly_in(draft.content, titles)


def _unsaid_name(doc: Doc, draft: Draft, names: Sequence[Range]) -> bool:
    if draft.cue_head is None:
        return False
    verb = doc[draft.cue_head]
    naming = verb.tag_ == "VBN" and verb.dep_ == "acl" and not any(c.dep_ == "agent" for c in verb.children)
    return naming and _mostly_in(draft.content, names)


def _mostly_in(content: Range, quotes: Sequence[Range]) -> bool:
    covered = sum(overlap(content, quote) for quote in quotes)
    return covered > 0 and 2 * covered >= content[1] - content[0]


def quoted_by(tagged: Sequence[Draft], quote: Quote) -> bool:
    """Whether a linked tagger draft is this quote's words (most of them, cue outside): then a short quote
    is speech too ('"It is over," he said.'), which the marks alone cannot tell from a scare quote."""
    inner = quote.inner
    return any(
        d.cue is not None
        and not overlap(d.cue, (quote.start, quote.end))
        and inner[0] <= d.content[0] + 1
        and d.content[1] <= inner[1] + 1
        and 2 * (d.content[1] - d.content[0]) >= inner[1] - inner[0]
        for d in tagged
    )


def snap(text: str, draft: Draft, speech: Sequence[Quote]) -> Draft:
    """Widens the content to every speech quote it mostly covers, or that is cut by its edges; a content
    that opens with a quote closing its sentence ('"We love the poorly educated." He is ...') ends there."""
    start, end = draft.content
    for quote in speech:
        shared = overlap((start, end), (quote.start, quote.end))
        cut = start > quote.start or end < quote.end
        holds_cue = draft.cue is not None and quote.start <= draft.cue[0] < quote.end
        if shared and not holds_cue and (shared >= _SNAP_SHARE * (quote.end - quote.start) or cut):
            start, end = min(start, quote.start), max(end, quote.end)
    first = next((q for q in speech if q.start == start and q.end < end), None)
    if first is not None and closes_sentence(text, first) and not _frame_or_quote_in(draft, speech, first.end, end):
        end = first.end
    return replace(draft, content=(start, end))


def from_dropped_mark(text: str, draft: Draft, speech: Sequence[Quote]) -> Draft:
    """A content that runs into a quote whose opening mark was dropped stops at the quote's start: the
    tagger, seeing no mark, runs one report into the next ("... told reporters that the cranes were
    unsafe. We will not stop," the protesters chanted."), where the quote finder kept them apart. The
    content keeps the side its cue is on: the words before the quote when the cue comes first, the quote
    when it is framed after."""
    start, end = draft.content
    quote = next((q for q in speech if start < q.start < end and not q.open_width), None)
    if quote is None or draft.cue is None or has_mark(text[start : quote.start]):
        return draft  # marks before it: a quote nested in a longer one ('"... what he calls "hell" than ..."')
    if draft.cue[0] >= quote.end:
        return replace(draft, content=(quote.start, end))
    return replace(draft, content=trim(text, (start, quote.start))) if draft.cue[1] <= start else draft


def _frame_or_quote_in(draft: Draft, speech: Sequence[Quote], start: int, end: int) -> bool:
    """Whether the draft's cue or source, or another quote, lies in text[start:end]."""
    return any(start <= at < end for at in [*(r[0] for r in frames(draft)), *(q.start for q in speech)])


def without_cue(text: str, draft: Draft) -> Range:
    """The content minus its own cue: a cue inside the content (the tagger ran over it, or the parse
    hung the cue phrase under the clause) keeps the longer side. A quote split around its cue ("A," he
    said, "B.") keeps both quotes: that is one content."""
    start, end = draft.content
    if draft.cue is None or not overlap(draft.content, draft.cue):
        return start, end
    if (has_mark(text[start : draft.cue[0]]) and has_mark(text[draft.cue[1] : end])) or _aside(text, draft):
        return start, end
    if _relative_frame(text, draft) or text[slice(*draft.cue)].lower() in HEARSAY:
        return start, end  # "The FBI is reportedly making ...": the adverb stands inside what is reported
    before = trim(text, (start, min(end, draft.cue[0])))
    after = trim(text, (max(start, draft.cue[1]), end))
    return before if before[1] - before[0] >= after[1] - after[0] else after


def _relative_frame(text: str, draft: Draft) -> bool:
    """A relative pronoun and the source stand before the cue ("the bridge, which officials say is safe"):
    the pronoun opens the content, as PolNeAR marks it, and the source and cue inside stay."""
    if draft.cue is None or draft.source is None or not draft.content[0] <= draft.source[0] < draft.cue[0]:
        return False
    before = text[draft.content[0] : draft.source[0]] + text[draft.source[1] : draft.cue[0]]
    return before.strip().lower() in _RELATIVES


def _aside(text: str, draft: Draft) -> bool:
    """The draft's cue and source set off by commas inside its content ("A, economists say, B")."""
    if draft.cue is None or draft.source is None:
        return False
    lo, hi = min(draft.cue[0], draft.source[0]), max(draft.cue[1], draft.source[1])
    start = text.rfind(",", draft.content[0], lo)
    end = text.find(",", hi, draft.content[1])
    return start >= 0 and end >= 0 and is_aside(text, [draft.cue], [draft.source], start, end + 1)


def combine(tagged: Sequence[Draft], rules: Sequence[Draft], text: str, speech: Sequence[Quote]) -> list[Draft]:
    """The final drafts in content order, quotes whole, one draft per content."""
    tagged = [from_dropped_mark(text, d, speech) for d in tagged]
    drafts = join_shared_cues(text, [snap(text, d, speech) for d in merge(text, tagged, rules)])
    trimmed = [
        replace(d, content=_without_loose_end(text, without_cue(text, d)))
        for d in continue_quotes(text, drafts, speech)
    ]
    return sorted(one_per_content(d for d in trimmed if _reportable(text, d.content)), key=lambda d: d.content)


def _reportable(text: str, content: Range) -> bool:
    return content[1] - content[0] >= _MIN_CONTENT and text[slice(*content)].lower() not in _NO_REPORT_WORDS


def one_per_content(drafts: Iterable[Draft]) -> list[Draft]:
    """The first draft for each content: two readings that end on the same words are one report."""
    unique: dict[Range, Draft] = {}
    for draft in drafts:
        unique.setdefault(draft.content, draft)
    return list(unique.values())


def without_own_source(text: str, drafts: Sequence[Draft]) -> list[Draft]:
    """A content that runs into its own source while its cue stands outside ("American dream survives
    among Millennials, poll | finds") ends before that source; one that is its source and nothing else
    ("according to an analysis by ...", the analysis taken for what it said) is no report."""
    out = []
    for draft in drafts:
        source, cue, (start, end) = draft.source, draft.cue, draft.content
        if source is None or cue is None or overlap(cue, draft.content) or not start <= source[0] < end:
            out.append(draft)
            continue
        before, after = _dashless(text, (start, source[0])), _dashless(text, (min(end, source[1]), end))
        kept = max(before, after, key=lambda r: r[1] - r[0])
        if len(text[slice(*kept)].split()) > 1:
            out.append(replace(draft, content=kept))
    return out


def sources_without_reports(text: str, drafts: Sequence[Draft]) -> list[Draft]:
    """A source stops before a report of its own ("Petrilli, who thinks the administration overreached,
    said ..." is Petrilli's report, sourced "Petrilli"): PolNeAR never runs a source over another
    attribution's cue (a relative clause after a source that holds one is left out in all 116 such cases
    in train, against 283 of 375 clauses holding none kept in)."""
    out = []
    for draft in drafts:
        source = draft.source
        inner = [
            o.extent()[0]
            for o in drafts
            if source is not None and o is not draft and o.cue is not None and source[0] <= o.cue[0] < source[1]
        ]
        cut = min(inner, default=None)
        if source is None or cut is None or cut <= source[0]:
            out.append(draft)
            continue
        match = _OPENS_CLAUSE_RE.search(text, source[0], cut)
        kept = trim(text, (source[0], match.start() if match else cut))
        out.append(replace(draft, source=kept) if kept[0] < kept[1] else draft)
    return out


def sources_after_openers(doc: Doc, text: str, drafts: Sequence[Draft]) -> list[Draft]:
    """A source the parse ran back over the object of an opening phrase ("Alarmed by | the unrest in
    Nevada, Senator Harry Reid, the minority leader, said"; "In line with | the majority of Americans,
    Sen. Ted Cruz was critical") starts after that object's comma: a source right after a preposition
    is that preposition's object, not the speaker."""
    out = []
    for draft in drafts:
        source = draft.source
        before = None if source is None else doc.char_span(source[0], source[0] + 1, alignment_mode="expand")
        comma = -1 if source is None else text.find(",", source[0], source[1])
        if source is None or before is None or before.start == 0 or comma < 0:
            out.append(draft)
            continue
        opener, kept = doc[before.start - 1], trim(text, (comma + 1, source[1]))
        rest = doc.char_span(*kept, alignment_mode="expand") if kept[0] < kept[1] else None
        named = rest is not None and len(rest) > 0 and rest[0].pos_ in ("DET", "PROPN", "NOUN", "ADJ", "PRON")
        out.append(replace(draft, source=kept) if named and _fronted(opener, draft) else draft)
    return out


def _fronted(opener: Token, draft: Draft) -> bool:
    """Whether the preposition before a source ends the opening words of a sentence that goes on with the
    source as subject and then the cue: "In line with", "Alarmed by", not "according to X, a former envoy"
    (the cue itself) nor "a declaration filed in court by X, a director" (a phrase of the source)."""
    first = opener.sent[0]
    opening = opener.i - first.i <= _OPENING_WORDS and (first.pos_ == "ADP" or first.tag_ in ("VBN", "VBG"))
    before_cue = draft.cue is not None and draft.source is not None and draft.source[1] <= draft.cue[0]
    return opener.pos_ == "ADP" and opening and before_cue


def _dashless(text: str, span: Range) -> Range:
    start, end = trim(text, span)
    while start < end and text[start] in _DASHES:
        start, end = trim(text, (start + 1, end))
    while end > start and text[end - 1] in _DASHES:
        start, end = trim(text, (start, end - 1))
    return start, end


def one_reading_per_cue(drafts: Sequence[Draft]) -> list[Draft]:
    """A cue with several contents keeps an unsure tagger content only when no other content of that cue
    is surer. PolNeAR gives a cue one content but in a few cases (the pieces of one quote are joined
    before this), and where the tagger reads a second content for a cue (a fronted clause, an object) the
    weaker reading is the wrong one about three times in four (held-out train)."""
    surest: dict[Range, float] = {}
    for draft in drafts:
        if draft.cue is not None:
            surest[draft.cue] = max(surest.get(draft.cue, 0.0), draft.score)
    return [d for d in drafts if d.cue is None or d.score >= _SURE or d.score >= surest[d.cue]]


def whole_marks(text: str, draft: Draft, quotes: Sequence[Quote]) -> Draft:
    """A content never splits a pair of quotation marks when all it leaves out is the other mark and
    punctuation ('accused Okafor of "scaring pensioners"': the parse hangs the closing mark on the verb)."""
    start, end = draft.content
    for quote in quotes:
        if start <= quote.start < end < quote.end and is_glue(text, [], end, quote.end):
            end = quote.end
        if quote.start < start < quote.end <= end and is_glue(text, [], quote.start, start):
            start = quote.start
    return draft if (start, end) == draft.content else replace(draft, content=(start, end))


def _without_loose_end(text: str, content: Range) -> Range:
    """Drops a trailing conjunction the tagger's edge left behind ("... any candidate, and")."""
    match = _LOOSE_END_RE.search(text, content[0], content[1])
    return trim(text, (content[0], match.start())) if match else content


def _with_frame(doc: Doc, span: Span) -> Span:
    """The content with the rest of its sentence on either side ('"A," it said.', 'He added, "A."'), each
    side only when it is short and unquoted."""
    head = doc[span[0].sent.start : span.start]
    tail = doc[span.end : span[-1].sent.end]
    start = head.start if 0 < len(head) <= _FRAME_WORDS and not has_mark(head.text) else span.start
    end = tail.end if 0 < len(tail) <= _FRAME_WORDS and not has_mark(tail.text) else span.end
    return doc[start:end]


def own_frame(doc: Doc, draft: Draft, quotes: Sequence[Quote]) -> Draft:
    """A quote whose content or sentence holds its own frame outside the marks ('"A," said a veteran.
    "B."', '"A," it said.', 'He added, "A."') takes that frame's verb and subject as cue and source, in
    place of a cue the linker found elsewhere (often the previous sentence's verb). The content stays."""
    span = doc.char_span(*draft.content, alignment_mode="contract")
    if draft.cue is None or overlap(draft.cue, draft.content) or span is None or not len(span):
        return draft
    quoted = [(q.start, q.end) for q in quotes if overlap((q.start, q.end), draft.content)]
    region = _with_frame(doc, span)
    bounds = (region.start_char, region.end_char)
    if not any(s <= draft.content[0] < s + 2 for s, _ in quoted) or overlap(draft.cue, bounds):
        return draft
    for verb in region:
        subject = subject_of(verb) if verb.pos_ == "VERB" and verb.lemma_.lower() in SPEECH else None
        if subject is None or any(s <= t.idx < e for s, e in quoted for t in (verb, subject)):
            continue
        source = noun_phrase(doc, subject)
        if bounds[0] <= source[0] and source[1] <= bounds[1]:
            cue = token_range(doc, cue_start(doc, verb), verb.i)
            return replace(draft, cue=cue, source=source, cue_head=verb.i)
    return draft
