"""Frames set off by a comma: "The move, Carr explained, was years in the making" and "The talks had
stalled, the Guardian reported on Monday." The cue and its subject stand apart from the words they
report, which the parse hangs them on (or, misread, under).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .draft import Range, token_range
from .lexicon import ADDRESSING, REPORTING
from .syntax import SUBJECTS, subject_of


def set_off(doc: Doc, verb: Token) -> Range | None:
    """ "The move, Carr explained, was years in the making": a cue set off by a comma inside or after the
    clause it reports, which spaCy hangs on that clause (parataxis, or a second clause of the sentence's
    first verb when the frame closes the sentence: see ``ends_sentence``), sometimes with the clause's
    fronted adverbial ("Unless it rains, farmers warn, ..."). The content is the sentence those words
    make, less the cue and its subject, and less what comes before the clause's subject when the cue
    follows that subject ("As talks stall, it is his job, he said, to ...": PolNeAR leaves the as-clause
    out). The cue needs a subject after a comma and no object or clause of its own after it, bar whom it
    addresses (the clause it reports may hang on it from before: "The minister said the plant would
    close, the Tribune reported" is parsed with "close" under "reported")."""
    if not (verb.dep_ == "parataxis" or ends_sentence(verb)):
        return None
    if verb.head.pos_ not in ("VERB", "AUX") or verb.lemma_ not in REPORTING:
        return None
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS and c.i < verb.i), None)
    objects = any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.i > verb.i for c in verb.children)
    objects = objects and verb.lemma_ not in ADDRESSING
    if subject is None or not _after_comma(doc, subject.left_edge.i) or objects:
        return None
    cue_words = range(subject.left_edge.i, verb.right_edge.i + 1)
    rest = [t.i for t in verb.head.subtree if t.i not in cue_words and not t.is_punct]
    own = subject_of(verb.head)
    if own is not None and own.i < subject.i:
        rest = [i for i in rest if i >= own.left_edge.i]
    return token_range(doc, min(rest), max(rest)) if rest else None


def _after_comma(doc: Doc, i: int) -> bool:
    """Whether a comma, or a comma and the quotation mark closing after it ('..., he said,'' The Post
    reported'), stands right before token ``i``."""
    before = doc[max(0, i - 2) : i]
    return bool(len(before)) and (
        before[-1].text == "," or (len(before) == 2 and before[0].text == "," and before[1].is_quote)
    )


def ends_sentence(verb: Token) -> bool:
    """ "Officials said the talks had stalled, the Guardian reported on Monday.": spaCy's small model takes
    the closing frame for a second clause of "said", which then ran over it; a frame that ends its
    sentence reports all that comes before it, the report inside included, which nests under it. Read
    before a quote in the sentence, which is the inner report's ('He said that he was "comfortable," the
    Post reported')."""
    if verb.dep_ != "ccomp" or verb.head.i > verb.i:
        return False
    end = verb.sent.end - 1
    while end > verb.i and verb.doc[end].is_punct:
        end -= 1
    return verb.right_edge.i >= end


def closing_frame(doc: Doc, clause: Token) -> bool:
    """A clause the parse gave a verb that is in fact the sentence's closing frame (see ``ends_sentence``)."""
    return ends_sentence(clause) and set_off(doc, clause) is not None
