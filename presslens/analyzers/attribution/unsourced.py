"""Reports the text gives no source for: a view held by no one named ("Lopez is considered the frontrunner",
"were deemed relevant") and hearsay adverbs ("The FBI is reportedly making arrangements ..."). PolNeAR marks
both with no source, and readers checking a story want exactly these: claims passed on without a holder.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from .draft import Draft, token_range
from .lexicon import HEARSAY, LABELLING, RELATIVES, REPORTING, SPEECH, UTTERING
from .quotes import Quote, in_speech
from .syntax import cue_start, noun_phrase


def passive_labels(doc: Doc, speech: Sequence[Quote]) -> list[Draft]:
    """ "Lopez is considered the frontrunner", "The plan was regarded as a failure": a view held by no one
    named, marked by PolNeAR with no source. The content is the label here; the edges step opens it with
    the subject, as it does every passive report's. A "by" phrase names who holds the view; inside a
    speech quote the view is the speaker's own words."""
    out: list[Draft] = []
    for verb in (t for t in doc if t.tag_ == "VBN" and t.lemma_ in LABELLING and not in_speech(t.idx, speech)):
        modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)  # "can be seen as": the writer's
        if modal or not any(c.dep_ == "nsubjpass" for c in verb.children):
            continue
        labels = [c for c in verb.children if c.dep_ in ("oprd", "attr", "acomp", "xcomp") and c.i > verb.i]
        labels += [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i]
        if not labels:
            continue
        agent = next((p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None)
        by = None if agent is not None else _label_by(labels)
        if by is not None:
            agent = next((p for p in by.children if p.dep_ == "pobj"), None)
        end = max(c.right_edge.i for c in labels) if by is None else by.i - 1
        out.append(
            Draft(
                content=token_range(doc, min(c.left_edge.i for c in labels), end),
                cue=token_range(doc, cue_start(doc, verb), verb.i),
                source=None if agent is None else noun_phrase(doc, agent),
                cue_head=verb.i,
            )
        )
    return out


def _label_by(labels: Sequence[Token]) -> Token | None:
    """A "by" phrase the parse hung on the label rather than on the verb ("was hailed as a hero | by the
    dockworkers"): after a passive verb of judging it names who holds the view all the same, and ends
    the label."""
    found = [t for label in labels for t in label.subtree if t.dep_ == "prep" and t.lower_ == "by" and t.i > label.i]
    return found[-1] if found else None


def hearsay(doc: Doc, speech: Sequence[Quote]) -> list[Draft]:
    """ "The FBI is reportedly making arrangements to interview her": someone unnamed reports the clause the
    adverb stands in, subject and all, as PolNeAR marks it. On a verb of saying ("reportedly said") the
    adverb only hedges that verb's own report, which the verb's draft already holds. A capitalised
    "Reportedly" stands in a headline, which PolNeAR leaves alone."""
    out: list[Draft] = []
    for adverb in (t for t in doc if t.text in HEARSAY and t.dep_ == "advmod" and not in_speech(t.idx, speech)):
        verb = adverb.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < adverb.i), None)
        if subject is None or subject.lower_ in RELATIVES or verb.lemma_ in SPEECH | UTTERING:
            continue  # "who allegedly assaulted a reporter" qualifies a noun inside a sentence of its own
        framed = verb.head.lemma_ in REPORTING or any(
            c.dep_ == "parataxis" and c.lemma_ in REPORTING for c in verb.children
        )
        if verb.pos_ not in ("VERB", "AUX") or framed:
            continue  # "Weiner allegedly sent photos, the Post reported": the Post's report
        end = max([verb.i, *(c.right_edge.i for c in verb.children if c.i > verb.i and not c.is_punct)])
        out.append(
            Draft(
                content=token_range(doc, subject.left_edge.i, end),
                cue=token_range(doc, adverb.i, adverb.i),
                cue_head=adverb.i,
            )
        )
    return out
