"""Attributions read off the dependency parse: a reporting word, its complement, its subject.

High precision by construction: a draft needs a cue word from the lexicon AND a complement of the shape
that word takes (a clause, an infinitive, object plus predicate, or a quotation in the same sentence).
These drafts cover what the tagger misses and give it cue heads, sources and addressees via the parse.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Final

import numpy as np
from spacy.attrs import LEMMA, POS
from spacy.parts_of_speech import IDS
from spacy.strings import StringStore
from spacy.tokens import Doc, Span, Token

from .according import according_to, before_closing_phrase
from .draft import Draft, Range, overlap, token_range, trim
from .frames import closing_frame, ends_sentence, set_off
from .headlines import headline_verdicts
from .lexicon import (
    ADDRESSING,
    COGNITION,
    CUE_LEMMAS,
    DOCUMENTS,
    INFINITIVE,
    LOUD,
    OBJECT_PREDICATE,
    PHRASAL,
    QUOTING,
    SPEECH,
    words,
)
from .quotes import MARKS, Quote, in_speech
from .syntax import SUBJECTS, addressee, cue_start, noun_phrase, subject_of, subject_phrase
from .unsourced import hearsay, passive_labels

_PREDICATES: Final = frozenset({"oprd", "xcomp", "ccomp"})
_CUE_HASHES: Final = np.array(sorted(StringStore().add(w) for w in CUE_LEMMAS), dtype=np.uint64)
_VERB: Final = IDS["VERB"]
# A pull quote: a paragraph of a quote whose last line, inside the closing mark, names the speaker
# ('"We will rebuild the harbour.\nAna Ruiz, Harbour Trust."'), as some sites print them.
_PULL_QUOTE_RE: Final = re.compile(r'^(["“][^"”\n]{20,})\n([A-Z][^"”\n]{2,120}?)\.?["”][ \t]*$', re.MULTILINE)
_LABEL_RE: Final = re.compile(r"^(?:.{0,80}? - )?([A-Z][\w.'’&\- ]{0,48}?):[ \t\xa0]+(\S[^\n]*)$", re.MULTILINE)
_LINKING_POS: Final = frozenset({"PUNCT", "DET", "CCONJ", "ADP"})
_NOT_SPEAKERS: Final = words(
    "note update editor editors correction photo photos related watch read video caption source "
    "sources disclosure warning summary example twitter facebook instagram email e-mail contact follow "
    "wow look listen breaking exclusive live"
)
_COLON_CUE_WORDS: Final = 6
_NAME_LINE_WORDS: Final = 16
_WHEN: Final = frozenset({"DATE", "TIME"})
_PEOPLE: Final = words(
    "many some most others critics supporters opponents voters fans people observers analysts experts "
    "conservatives liberals progressives democrats republicans residents officials investors activists "
    "americans readers viewers skeptic skeptics admirer admirers believer believers"
)
_CLOSING: Final = frozenset({".", "!", "?", ";", ":", ","})
_NOT_THE_SUBJECT: Final = frozenset({"cc", "punct", "advmod", "mark", "prep"})  # "But Trump claims": not "But"
_SENTENCE_GAP: Final = 2  # characters between a quote and a sentence the parse began right after it
_COLON_RE: Final = re.compile(r":[ \t\xa0]*(?:\r?\n[ \t\xa0]*)*")


def rule_drafts(doc: Doc, text: str, speech: Sequence[Quote]) -> list[Draft]:
    """Every draft the parse supports, in the order of their cues."""
    cues = (doc[int(i)] for i in cue_verbs(doc))
    drafts = [d for tok in cues if not in_speech(tok.idx, speech) and (d := _verb_draft(doc, text, tok, speech))]
    drafts.extend(according_to(doc, text))
    drafts.extend(_perspectives(doc, text))
    drafts.extend(_misread_verbs(doc))
    drafts.extend(passive_labels(doc, speech))
    drafts.extend(hearsay(doc, speech))
    drafts.extend(headline_verdicts(doc, speech))
    drafts.extend(_labelled_lines(doc, text))
    drafts.extend(_pull_quotes(doc, text))
    drafts.extend(_colon_frames(doc, text, speech, drafts))
    return sorted(drafts, key=lambda d: d.cue or d.content)


def cue_verbs(doc: Doc) -> np.ndarray:
    """Indices of verbs whose lemma is a cue word, found on the Doc's arrays rather than token by token."""
    table = doc.to_array([LEMMA, POS]).reshape(-1, 2)
    return np.flatnonzero(np.isin(table[:, 0], _CUE_HASHES) & (table[:, 1] == _VERB))


def _verb_draft(doc: Doc, text: str, verb: Token, speech: Sequence[Quote]) -> Draft | None:
    if verb.pos_ != "VERB" or verb.lemma_ not in CUE_LEMMAS or _imperative(verb) or _that_said(verb):
        return None
    found = _content(doc, text, verb, speech)
    if found is None:
        return None
    content, cue_end = found
    content = trim(text, _clip_to_paragraph(text, content, verb.idx))
    cue = token_range(doc, cue_start(doc, verb), cue_end)
    source = subject_phrase(doc, verb)
    return Draft(
        content=content,
        cue=cue,
        # a subject inside a content the cue stands outside of is the quoted clause's own, reached by a
        # misparse ('said, adding of him, "He cares"' with "adding" hung on "cares")
        source=None if source is None or (overlap(source, content) and not overlap(cue, content)) else source,
        addressee=addressee(doc, verb),
        cue_head=verb.i,
    )


def _that_said(verb: Token) -> bool:
    """ "That said, ...", "This said, ...": a turn in the outlet's own argument, not a report; spaCy's small
    model often hangs the sentence's own report on it as its clause."""
    if verb.i == 0 or verb.i + 1 == len(verb.doc):
        return False
    opener, after = verb.doc[verb.i - 1], verb.doc[verb.i + 1]
    return bool(opener.is_sent_start) and opener.lower_ in ("that", "this") and after.text == ","


def _imperative(verb: Token) -> bool:
    """ "Note that ...", "Consider this": an order to the reader reports nobody's words."""
    return verb.tag_ == "VB" and verb.dep_ == "ROOT" and subject_of(verb) is None


def _clip_to_paragraph(text: str, content: Range, at: int) -> Range:
    """A clause from the parse stays in the cue's paragraph (a missing full stop can make spaCy run a
    sentence over a paragraph break); quotes that do continue are restored from their marks later."""
    para_start = text.rfind("\n", 0, at) + 1
    para_end = text.find("\n", at)
    return max(content[0], para_start), min(content[1], len(text) if para_end < 0 else para_end)


def _content(doc: Doc, text: str, verb: Token, speech: Sequence[Quote]) -> tuple[Range, int] | None:
    """The content range and the index of the cue's last token (a particle or preposition may join it)."""
    last = max([verb.i, *(c.i for c in verb.children if c.dep_ == "prt")])
    closing = ends_sentence(verb)  # a closing frame is read before a quote in its sentence
    parenthetical = set_off(doc, verb) if closing else None
    if parenthetical is not None:
        return parenthetical, last
    clauses = [c for c in _own_clauses(doc, verb) if not _reframed(verb, c)] or _in_document(verb)
    if clauses:
        said = before_closing_phrase(doc, text, _union(_clause_range(doc, c, speech) for c in clauses))
        return _after_colon(text, said, verb, speech), last
    framed = _object_predicate(doc, verb) or _as_clause(doc, verb) or _quoted_by(doc, verb)
    if framed is not None:
        return framed, last
    phrasal = _phrasal(doc, verb)
    if phrasal is not None:
        return phrasal
    infinitive = _infinitive(doc, verb)
    if infinitive is not None:
        return infinitive, last
    if verb.lemma_ in SPEECH | LOUD and verb.lemma_ not in COGNITION:
        quote = _sentence_quote(verb, speech)
        if quote is not None:
            return (quote.start, quote.end), last
    parenthetical = None if closing else set_off(doc, verb)
    return None if parenthetical is None else (parenthetical, last)


def _own_clauses(doc: Doc, verb: Token) -> list[Token]:
    """The verb's complement clauses, a closing frame's taken back: in "The minister said the plant would
    close, the Tribune reported" the parse hangs "reported" on "said" and "close" on "reported"."""
    out: list[Token] = []
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        if closing_frame(doc, clause):
            out.extend(c for c in clause.children if c.dep_ == "ccomp" and c.i < clause.i)
        else:
            out.append(clause)
    return out


def _reframed(verb: Token, clause: Token) -> bool:
    """Whether a speech participle stands between this verb and the clause, hung on either ('"A," he said,
    adding of the mayor, "B."': the parse gives "B" to "said", but "adding" frames it), or a semicolon
    ends the clause before the verb: a sentence of its own, not a fronted report ("The allies insist it
    was fair; his opponents call it a sham")."""
    between = verb.doc[verb.i + 1 : clause.i] if clause.i > verb.i else verb.doc[clause.right_edge.i + 1 : verb.i]
    if clause.i < verb.i and any(t.text == ";" for t in between):
        return True
    return any(v.tag_ == "VBG" and v.lemma_ in SPEECH and v.head.i in (verb.i, clause.i) for v in between)


def _in_document(verb: Token) -> list[Token]:
    """ "warned in a memo that levels had fallen": spaCy's small model often takes the that-clause for a
    relative clause of the memo. A clause with its own subject after "that", under a document a speech
    verb was put "in", is what was said, not which memo."""
    if verb.lemma_ not in SPEECH:
        return []
    documents = [o for p in verb.children if p.lower_ == "in" for o in p.children if o.lemma_ in DOCUMENTS]
    return [
        c
        for d in documents
        for c in d.children
        if c.dep_ in ("relcl", "acl")
        and c.left_edge.lower_ == "that"
        and any(s.dep_ == "nsubj" and s.lower_ != "that" for s in c.children)
    ]


def _clause_range(doc: Doc, clause: Token, speech: Sequence[Quote]) -> Range:
    """A complement clause; when its head word stands inside a speech quote that opens the clause, the
    content ends with the quote (the parse may hang words after the closing mark onto the quoted clause).
    A quote inside the clause ('that the "risks are too great" for Okafor to sign') is a fragment of it, and
    the clause runs on."""
    start, end = token_range(doc, clause.left_edge.i, clause.right_edge.i)
    quote = next((q for q in speech if q.start <= clause.idx < q.end), None)
    if quote is None:
        return start, end
    if any(not t.is_punct and t.idx < quote.start for t in doc[clause.left_edge.i : clause.i]):
        return start, max(end, quote.end)
    return min(start, quote.start), quote.end


def _after_colon(text: str, content: Range, verb: Token, speech: Sequence[Quote]) -> Range:
    """A cue after a clause that ends in a quote opened by a colon ('Residents said they were tired: "A,"
    said one of them.') frames that quote alone: what stands before the colon is another frame's."""
    quote = next((q for q in speech if content[0] < q.start and q.end == content[1] and q.end <= verb.idx), None)
    if quote is None or not text[content[0] : quote.start].rstrip().endswith(":"):
        return content
    return quote.start, quote.end


def _object_predicate(doc: Doc, verb: Token) -> Range | None:
    """ "accused X of Y", "described X as Y", "called X Y": content runs from the object to the predicate."""
    prep = OBJECT_PREDICATE.get(verb.lemma_)
    if prep is None:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    preds = [c for c in verb.children if c.i > obj.i and (c.dep_ in _PREDICATES or c.lower_ == prep)]
    preds += [c for c in obj.children if prep and c.dep_ == "prep" and c.lower_ == prep]
    if not preds:
        return None
    return token_range(doc, obj.left_edge.i, max(p.right_edge.i for p in preds))


def _quoted_by(doc: Doc, verb: Token) -> Range | None:
    """ "The minister was quoted by Reuters as saying ...": Reuters reports what the minister said, so its
    content is the minister's report, from "saying" on, which nests inside it. Without "by X" the text
    does not say who quoted, and no one's report is made up for them."""
    passive = any(c.dep_ == "nsubjpass" for c in verb.children) and any(c.dep_ == "agent" for c in verb.children)
    if verb.lemma_ not in QUOTING or not passive:
        return None
    said = [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "as" for g in p.children if g.dep_ == "pcomp"]
    return token_range(doc, said[0].i, said[0].right_edge.i) if said else None


def _as_clause(doc: Doc, verb: Token) -> Range | None:
    """ "As the Gazette reported, the port will close": the clause the as-clause hangs on, less it. The
    as-clause needs its own subject ("As expected, ..." names nobody), a clause to hang on, and no object
    of its own ("as she has maintained her status" keeps, it does not report), bar whom it addresses."""
    marked = any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    subject = any(c.dep_ in SUBJECTS for c in verb.children)
    objects = any(c.dep_ == "dobj" or _topic(c) for c in verb.children)
    if verb.dep_ != "advcl" or not marked or not subject or verb.head.pos_ not in ("VERB", "AUX"):
        return None
    if verb.lemma_ not in SPEECH or (objects and verb.lemma_ not in ADDRESSING):
        return None
    inner = {t.i for t in verb.subtree}
    rest = [t.i for t in verb.head.subtree if t.i not in inner and not t.is_punct]
    return token_range(doc, min(rest), max(rest)) if rest else None


def _topic(prep: Token) -> bool:
    """ "on the plan", "about taxes" (what was talked about), not "on Monday"."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return prep.dep_ == "prep" and prep.lower_ in ("on", "about") and any(o.ent_type_ not in _WHEN for o in objects)


def _phrasal(doc: Doc, verb: Token) -> tuple[Range, int] | None:
    """ "called for an inquiry": the preposition joins the cue, its object is the content."""
    preps = PHRASAL.get(verb.lemma_, frozenset())
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in preps and child.i == verb.i + 1 and list(child.children):
            return token_range(doc, child.i + 1, child.right_edge.i), child.i
    return None


def _infinitive(doc: Doc, verb: Token) -> Range | None:
    """ "claims to represent the majority": content is the to-infinitive (with its object when urged)."""
    if verb.lemma_ not in INFINITIVE:
        return None
    for child in verb.children:
        if child.dep_ == "xcomp" and any(a.lower_ == "to" and a.dep_ == "aux" for a in child.children):
            obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < child.i), None)
            start = child.left_edge.i
            if obj is not None and verb.lemma_ not in ADDRESSING:
                start = obj.left_edge.i
            return token_range(doc, start, child.right_edge.i)
    return None


def _sentence_quote(verb: Token, speech: Sequence[Quote]) -> Quote | None:
    """The speech quote nearest the cue within its sentence, when the cue stands outside it; a quote with
    another speech verb between it and the cue is that verb's ('"A," he said, adding of the mayor, "B."')."""
    sent = verb.sent
    lo, hi = sent.start_char, sent.end_char
    if sent[0].is_lower and subject_of(verb) is not None:  # '"Not this year!" the crowd chanted': the parse
        # ended a sentence at the "!" (not '"...?" asked Mr. Manafort', where it reads whom he asked)
        lo = min([lo, *(q.start for q in speech if 0 <= lo - q.end <= _SENTENCE_GAP)])
    at = verb.idx
    inside = [q for q in speech if q.start < hi and q.end > lo and not q.start <= at < q.end]
    framed = {t.idx for t in sent if t.i != verb.i and t.pos_ == "VERB" and t.lemma_ in SPEECH}
    free = [q for q in inside if not any(min(at, q.end) < f < max(at, q.start) for f in framed)]
    return min(free or inside, key=lambda q: min(abs(at - q.start), abs(at - q.end)), default=None)


def _union(ranges: Iterable[Range]) -> Range:
    spans = list(ranges)
    return min(s for s, _ in spans), max(e for _, e in spans)


def _perspectives(doc: Doc, text: str) -> list[Draft]:
    """ "To Frank, the plan is a giveaway": a sentence opened by "To" and a person, then a comma, gives
    that person's view (PolNeAR marks "To" as the cue in 7 of 9 such openings in train). "To the shock of
    voters," and "To date," name no one and are left alone."""
    out: list[Draft] = []
    for sent in doc.sents:
        first = next((t for t in sent if not t.is_space), None)
        if first is None or first.text != "To" or first.dep_ != "prep":
            continue
        who = next((c for c in first.children if c.dep_ == "pobj"), None)
        if who is None or not _someone(who):
            continue
        comma = who.right_edge.i + 1
        if comma >= sent.end or doc[comma].text != ",":
            continue
        rest = [t.i for t in sent if t.i > comma and not t.is_space]
        while rest and doc[rest[-1]].text in _CLOSING:
            rest.pop()
        if not rest:
            continue
        content = trim(text, token_range(doc, rest[0], rest[-1]))
        out.append(Draft(content=content, cue=token_range(doc, first.i, first.i), source=noun_phrase(doc, who)))
    return out


def _misread_verbs(doc: Doc) -> list[Draft]:
    """A verb of saying spaCy's small model read as a plural noun heading the sentence, its subject taken
    for modifiers ("The self-styled reformer claims to represent the silent majority", parsed as a noun
    "claims" with "reformer" as a compound): the noun's clause or infinitive is the content, and the words
    before it the source."""
    out: list[Draft] = []
    for noun in (t for t in doc if t.tag_ == "NNS" and t.dep_ == "ROOT" and t.lemma_ in CUE_LEMMAS):
        said = [c for c in noun.children if c.dep_ in ("xcomp", "ccomp") and c.i > noun.i]
        named = any(c.dep_ == "compound" and c.i == noun.i - 1 for c in noun.children)
        words = [c.left_edge.i for c in noun.children if c.i < noun.i and c.dep_ not in _NOT_THE_SUBJECT]
        if not said or not named:
            continue
        out.append(
            Draft(
                content=token_range(doc, said[0].left_edge.i, said[0].right_edge.i),
                cue=token_range(doc, noun.i, noun.i),
                source=token_range(doc, min(words), noun.i - 1),
                cue_head=noun.i,
            )
        )
    return out


def _someone(head: Token) -> bool:
    """A person or people: a named person or group, a personal pronoun, or a noun for people."""
    if head.ent_type_ in ("PERSON", "NORP", "ORG"):
        return True
    if head.pos_ == "PRON":
        return head.lower_ not in ("it", "this", "that", "what", "which")
    return head.lower_ in _PEOPLE or head.lemma_.lower() in _PEOPLE


def _names_someone(label: Span) -> bool:
    """A short capitalised phrase without a verb that is not a label of the page itself ("Note:")."""
    capitalised = all(t.is_title or t.is_upper or t.pos_ in _LINKING_POS for t in label)
    return (
        1 <= len(label) <= 5
        and capitalised
        and label[0].lower_ not in _NOT_SPEAKERS
        and not any(t.pos_ in ("VERB", "AUX") for t in label)
    )


def _ends_with_person(label: Span) -> bool:
    """A person's name closes the label: an entity, or two proper nouns the small model left untagged."""
    named = label[-1].ent_type_ == "PERSON" or (len(label) > 1 and label[-1].pos_ == label[-2].pos_ == "PROPN")
    return named and not any(t.pos_ in ("VERB", "AUX") for t in label)


def _labelled_lines(doc: Doc, text: str) -> list[Draft]:
    """A line that opens with a name and a colon gives that name's words: transcripts ("TAPPER: And
    obviously ..."), headlines ("Lopez: Port Will Close") and "Pew Research: ..." citations; a person
    named after a description ("Former mayor Ana Ruiz:") when a quote follows the colon."""
    out: list[Draft] = []
    for match in _LABEL_RE.finditer(text):
        label = doc.char_span(*match.span(1))
        quoted = text[match.start(2)] in MARKS
        if label is None or not (_names_someone(label) or (quoted and _ends_with_person(label))):
            continue
        colon = match.end(1)
        out.append(
            Draft(
                content=trim(text, match.span(2)),
                cue=(colon, colon + 1),
                source=match.span(1),
            )
        )
    return out


def _pull_quotes(doc: Doc, text: str) -> list[Draft]:
    """A pull quote's words are the named person's; the opening mark is the only cue there is, as PolNeAR
    marks it. The name line must read as a name and a title, not a sentence: capitalised words and no
    verb ("Dean Baker, Center for Economic Research", "Amy Pope, deputy homeland security adviser")."""
    out: list[Draft] = []
    for match in _PULL_QUOTE_RE.finditer(text):
        name = doc.char_span(*match.span(2), alignment_mode="contract")
        if name is None or not _a_name_line(name):
            continue
        start = match.start(1)
        out.append(Draft(content=trim(text, match.span(1)), cue=(start, start + 1), source=match.span(2)))
    return out


def _a_name_line(line: Span) -> bool:
    capitals = sum(t.is_title or t.is_upper for t in line if t.is_alpha)
    verbs = any(t.pos_ in ("VERB", "AUX") for t in line)
    return 0 < len(line) <= _NAME_LINE_WORDS and line[0].is_title and capitals >= 2 and not verbs


def _colon_frames(doc: Doc, text: str, speech: Sequence[Quote], taken: Sequence[Draft]) -> list[Draft]:
    """ "The judge wrote:" and a quote right after the colon, in the same paragraph or opening the next:
    the verb the colon closes frames the quote whatever the verb (block quotes follow "Cruz continued:"
    as often as "said:"), and its subject is the source. The cue runs to the colon, which PolNeAR counts
    in it ("returned to his familiar lines:") unless a clause of its own stands between."""
    opens = {q.start: q for q in speech}
    out: list[Draft] = []
    for match in _COLON_RE.finditer(text):
        quote = opens.get(match.end())
        colon = doc.char_span(match.start(), match.start() + 1)
        if quote is None or colon is None or any(overlap(d.content, (quote.start, quote.end)) for d in taken):
            continue
        verb = colon[0].head
        if verb.pos_ != "VERB" or verb.i > colon[0].i:
            continue
        source, cue = subject_phrase(doc, verb), _colon_cue(doc, verb, colon[0])
        if source is None or source[0] >= cue[0]:
            continue
        source = trim(text, (source[0], min(source[1], cue[0])))  # the parse may hang the quote on the subject
        content = (quote.start, quote.end)
        out.append(Draft(content=content, cue=cue, source=source, addressee=addressee(doc, verb), cue_head=verb.i))
    return out


def _colon_cue(doc: Doc, verb: Token, colon: Token) -> Range:
    """The verb's phrase up to the colon, unless a clause of its own stands between; the verb it acts
    through is no such clause ("She went on to say:")."""
    between = doc[verb.i + 1 : colon.i]
    clause = any(t.pos_ in ("VERB", "AUX") and not (t.dep_ == "xcomp" and t.head.i == verb.i) for t in between)
    if len(between) > _COLON_CUE_WORDS or clause:
        return token_range(doc, cue_start(doc, verb), verb.i)
    return token_range(doc, cue_start(doc, verb), colon.i)
