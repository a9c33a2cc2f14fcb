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
_REACH: Final = 2
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
    return _quoted_gap(text, *gap) and framed and len(cues_between) <= 1 and is_glue(text, [*cues, *sources], *gap)


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


def pick_cue(doc: Doc, text: str, content: Range, cues: Sequence[Range], gaps: Sequence[Range]) -> Range | None:
    """The tagged cue that split a joined quote ("A," he said. "B."); else a tagged cue that governs the
    content in the parse; else the nearest tagged cue outside it in its paragraph. (Taking the word that
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
        cue = pick_cue(doc, text, content, spans["CUE"], gaps)
        source = pick_source(doc, text, cue, content, spans["SOURCE"], gaps)
        head = _head(doc, cue) if cue else None
        if head is not None and _speaks(doc, head, content):
            continue
        cue = None if cue is None else _whole_cue(doc, cue)
        taken = [r for r in (content, cue) if r is not None]
        source = None if source is None else _whole_source(doc, source, taken)
        drafts.append(
            Draft(content=content, cue=cue, source=source, cue_head=None if head is None else head.i, score=score)
        )
    return drafts


def _speaks(doc: Doc, verb: Token, content: Range) -> bool:
    """Whether the content is no more than the cue's own subject ("The ministry's own engineers, | however,
    warned ..."): the one who speaks, which the tagger's content for an outer report ran over."""
    subject = subject_of(verb)
    if subject is None or subject.i > verb.i:
        return False
    phrase = noun_phrase(doc, subject)
    return abs(content[0] - phrase[0]) <= 1 and content[1] <= phrase[1] + 1


_EXPLETIVES: Final = frozenset({"it", "there"})
# Sentence openers that tie the sentence to the one before, which PolNeAR leaves out of a content that
# starts the sentence ("But" 54 times out, 23 in, in train; "However," "In fact," and the like always out).
# "And" (14 out, 12 in) and "So" (1 out, 10 in) stay.
_CONNECTIVE_RE: Final = re.compile(
    r"(?:But|However,|In fact,|In contrast,|Indeed,|Still,|Meanwhile,|What's more,|What’s more,|Moreover,"
    r"|Furthermore,|To be sure,)\s+"
)
_SENTENCE_ENDS: Final = frozenset({"", "\n", ".", "!", "?", '"', "”"})
_LOOK_BACK: Final = 20
_RELATIVES: Final = frozenset({"which", "that", "who", "whom"})
_RAISING: Final = frozenset({"seem", "appear"})
# Passive cues whose subject is what the report is about ("is expected to", "was viewed as"), unlike
# those whose subject is the one addressed ("was told to", "was asked to").
_PASSIVE_REPORTS: Final = frozenset(
    {"expect", "say", "believe", "think", "report", "rumor", "know", "see", "consider", "understand", "allege"}
    | {"suppose", "estimate", "project", "predict", "call", "describe", "view", "regard", "dismiss", "label"}
    | {"brand", "name", "deem", "portray"}
)
_COMPLEMENTS: Final = frozenset({"xcomp", "ccomp", "prep", "oprd", "attr", "acomp"})
_CLAUSES: Final = frozenset({"ccomp", "xcomp", "dobj", "parataxis"})
_FRAGMENT_RE: Final = re.compile('["“]\\s*[a-z]')  # a quote opening on a small letter: mid-clause
_INFINITIVES: Final = frozenset({"xcomp"})
_PROPOSITIONS: Final = frozenset(
    {"idea", "notion", "assertion", "claim", "suggestion", "allegation", "accusation", "charge", "comment"}
    | {"rumor", "rumour", "theory", "argument", "premise", "belief", "contention", "speculation", "report"}
)


def _small_word(tok: Token) -> bool:
    """A preposition, particle or adverb, but not an infinitive's "to"."""
    return (tok.pos_ in ("ADP", "ADV") or tok.dep_ == "prt") and not (tok.tag_ == "TO" and tok.dep_ == "aux")


def _bare_date(tok: Token) -> bool:
    """A date standing as the verb's adverb ("said Wednesday that", "announced last month that"), which
    PolNeAR's cues take in two times out of three in train; with a preposition ("on Wednesday") they
    leave it out four times out of five, so that case stops at the preposition."""
    return tok.ent_type_ == "DATE" and (tok.dep_ == "npadvmod" or tok.head.dep_ == "npadvmod")


def reach_content(doc: Doc, draft: Draft) -> Draft:
    """A cue before its content takes the prepositions and particles in between ("complained about",
    "accused ... of", "pointed out"): PolNeAR's cues end where the content starts in 89% of cases, and
    these small words are most of the rest. An infinitive's "to" is left alone (it goes either way)."""
    if draft.cue is None or draft.cue[1] > draft.content[0]:
        return draft
    gap = doc.char_span(draft.cue[1], draft.content[0], alignment_mode="contract")
    if gap is None or len(gap) == 0 or len(gap) > _REACH:
        return draft
    if not all(_small_word(t) or _bare_date(t) for t in gap):
        return draft
    return replace(draft, cue=(draft.cue[0], gap[-1].idx + len(gap[-1])))


def with_predicate(doc: Doc, text: str, draft: Draft) -> Draft:
    """A content that holds the cue's object runs on over the "as" phrase after it, which says what the
    object is taken for ("defended | the toll | as a fair price for the bridge", "refer to the bridge as
    a white elephant"): in a sample of PolNeAR train, where a cue verb has an object and an
    "as" phrase, the content holds both in 67 of 76 cases and never the object alone."""
    if draft.cue_head is None:
        return draft
    verb = doc[draft.cue_head]
    found = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and c.idx >= draft.content[1]]
    if not found or text[draft.content[1] : found[0].idx].strip() or not _holds_object(verb, draft.content):
        return draft
    last = found[0].right_edge
    return replace(draft, content=(draft.content[0], last.idx + len(last)))


def _holds_object(verb: Token, content: Range) -> bool:
    """Whether the content holds the verb's object, direct or after its particle ("refers to X")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [
        g for c in verb.children if c.dep_ == "prep" and c.lower_ != "as" for g in c.children if g.dep_ == "pobj"
    ]
    return any(content[0] <= o.idx < content[1] for o in objects)


def whole_clause(doc: Doc, text: str, draft: Draft) -> Draft:
    """A content that opens with a quote picking up mid-clause ('she was "not quite there yet"', 'The people
    of the harbour "deserve a bridge ..."') starts where the clause it belongs to starts: the cue's complement
    holding the quote, never before the cue's own words when they come first."""
    start = draft.content[0]
    if draft.cue_head is None or draft.cue is None or not _FRAGMENT_RE.match(text, start):
        return draft
    verb = doc[draft.cue_head]
    floor = draft.cue[1] if draft.cue[1] <= start else 0
    for child in verb.children:
        left = child.left_edge.idx
        inside = left < start < child.right_edge.idx + len(child.right_edge)
        if child.dep_ in _CLAUSES and inside and left >= floor and "\n" not in text[left:start]:
            return replace(draft, content=(left, draft.content[1]))
    return draft


def fronted(doc: Doc, draft: Draft) -> Draft:
    """What the report is about, standing before its cue, opens the content, as PolNeAR marks it: the
    subject of a passive cue ("The court is expected to rule", "The case was viewed as a threat"; 94 of
    the 104 contents after such a cue in train), of "seem" ("Okafor seemed to be of two minds"), and the
    relative pronoun of a cue in a relative clause ("the policy, which they say left a vacuum"). A source
    found inside is no source."""
    if draft.cue_head is None or draft.cue is None or draft.content[0] < draft.cue[1]:
        return draft
    verb = doc[draft.cue_head]
    found = _opener(verb)
    if found is None or found[0].i > verb.i or found[0].lower_ in _EXPLETIVES:
        return draft
    opener, deps = found
    if not any(c.i > verb.i and c.dep_ in deps and _spans_to(c, draft.content[0]) for c in verb.children):
        return draft
    content = (opener.left_edge.idx, draft.content[1])
    source = draft.source if draft.source is None or not overlap(draft.source, content) else None
    return replace(draft, content=content, source=source)


def _opener(verb: Token) -> tuple[Token, frozenset[str]] | None:
    """The word the content opens with and the complements the content may lie in. A relative pronoun
    only when the cue has a subject of its own ("which they say"), else it is the speaker ("who said")."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    relative = next((c for c in verb.children if c.lower_ in _RELATIVES and c.i < verb.i), None)
    if verb.dep_ == "relcl" and relative is not None and any(s.i > relative.i for s in subjects):
        return relative, _COMPLEMENTS
    if verb.lemma_ in _RAISING:
        return next(((c, _INFINITIVES) for c in subjects if c.dep_ == "nsubj"), None)
    if verb.lemma_ in _PASSIVE_REPORTS:
        return next(((c, _COMPLEMENTS) for c in subjects if c.dep_ == "nsubjpass"), None)
    return None


def _spans_to(token: Token, at: int) -> bool:
    """Whether character ``at`` lies in the token's subtree."""
    start, end = token_range(token.doc, token.left_edge.i, token.right_edge.i)
    return start <= at < end


def noun_to_content(doc: Doc, draft: Draft) -> Draft:
    """ "played down the idea that ...", "struck down assertions that ...": a noun for a proposition whose
    that-clause is the content belongs to the content, not the cue, as PolNeAR marks it ("the idea that he
    had struck a deal"); the tagger's cue often runs over it. Other nouns stay in the cue ("said in a
    statement that", "expressed confidence that")."""
    if draft.cue is None or draft.cue[1] > draft.content[0]:
        return draft
    cue = doc.char_span(*draft.cue, alignment_mode="contract")
    first = doc.char_span(draft.content[0], draft.content[1], alignment_mode="contract")
    if cue is None or first is None or len(cue) < 2 or not len(first) or first[0].lower_ != "that":
        return draft
    noun = next((t for t in cue[1:] if t.lemma_ in _PROPOSITIONS and first[0].head.head.i == t.i), None)
    if noun is None or noun.left_edge.i <= cue.start:
        return draft
    start = noun.left_edge
    end = doc[start.i - 1]
    return replace(draft, cue=(draft.cue[0], end.idx + len(end)), content=(start.idx, draft.content[1]))


def without_connective(text: str, draft: Draft) -> Draft:
    """A content that opens its sentence without the word tying it to the sentence before (see
    ``_CONNECTIVE_RE``)."""
    start, end = draft.content
    opener = _CONNECTIVE_RE.match(text, start, end)
    if opener is None or text[max(0, start - _LOOK_BACK) : start].rstrip(" \t\xa0")[-1:] not in _SENTENCE_ENDS:
        return draft
    return replace(draft, content=(opener.end(), end))


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
