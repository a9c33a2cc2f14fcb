"""Who and which words, read off the dependency parse: a cue verb's whole phrase, its subject (through
participles, coordination and the verbs an infinitive completes), a mention's whole noun phrase, and whom
a cue addresses. The parse rules, the tagger's linker and the quote merger all ask these questions.
"""

from __future__ import annotations

from typing import Final

from spacy.tokens import Doc, Token

from .draft import Range, overlap, token_range
from .lexicon import ADDRESSING, CUE_LEMMAS, DOCUMENTS, QUOTING, REPORTING, SENDING

SUBJECTS: Final = frozenset({"nsubj", "csubj"})
_CLAUSE_DEPTH: Final = 3  # reported clauses climbed to find a second report's sayer
# A participle of speaking beside a cue ("speaking to reporters") and what an interview is called: both
# name whom the words were for.
_ASIDES: Final = frozenset({"acl", "advcl"})
_SPEAKING: Final = frozenset({"speak", "talk"})
_INTERVIEWS: Final = frozenset({"interview", "conversation", "call"})
# Where words went out: "said on CNN", "wrote on Facebook", "said on his podcast", "in a post on X".
_MEDIA: Final = frozenset(
    {"show", "program", "programme", "television", "radio", "podcast", "broadcast", "channel", "blog", "website"}
    | {"site", "page", "account", "feed", "air", "network", "station", "platform", "livestream"}
)
_NOT_MEDIA: Final = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "EVENT", "NORP", "CARDINAL", "ORDINAL"})
# The last words of a place name the recogniser reads as an organisation ("on Capitol Hill", "on Wall Street").
_PLACE_WORDS: Final = frozenset({"hill", "street", "avenue", "square", "road", "boulevard", "plaza", "park", "island"})
_POSTS: Final = frozenset({"post", "tweet", "video", "message", "interview", "appearance", "statement"})
_MEANS: Final = frozenset({"use", "take", "spend", "join"})
_CUE_MODIFIERS: Final = frozenset({"aux", "auxpass", "neg", "advmod"})
_FOCUS: Final = frozenset({"even", "only", "also", "both"})
_TIMES: Final = frozenset({"DATE", "TIME"})
_NOT_CONTENT: Final = frozenset({"nsubj", "nsubjpass", "punct", "aux", "neg", "advmod"})


def cue_start(doc: Doc, verb: Token) -> int:
    """Where the cue phrase begins: auxiliaries, negation, adverbs and an infinitive's "to" right before the
    verb belong to it ("has repeatedly said", "did not deny", "to claim"), as PolNeAR marks cues (it keeps
    "has" in 725 of 732 cases, "to" in 77 of 86 in a sample of train; +0.004 cue-F1 on held-out train)."""
    first = verb.i
    while first > 0 and _cue_modifier(doc[first - 1], verb):
        first -= 1
    head = verb.head
    if verb.dep_ == "xcomp" and head.pos_ == "VERB" and head.i < first and _between_words(doc, head, verb, first):
        return cue_start(doc, head)  # "went on to say", "want to know": the verb the speaker acts through
    sender = _sender(verb)
    return first if sender is None else cue_start(doc, sender)


def _sender(verb: Token) -> Token | None:
    """The verb that sent out the document a participle says something in: "issued a statement saying",
    "sent a letter urging". PolNeAR's cue runs from a verb of sending (issue, send, release, publish, post,
    write: 37 of 44 such cues in train); after any other verb ("defending his tweets, saying", "filed a
    complaint claiming") the cue is the participle alone."""
    if verb.tag_ != "VBG":
        return None
    if verb.dep_ == "advcl":  # "issued a statement on Tuesday saying", the participle hung on the verb
        sent = any(c.dep_ == "dobj" and c.lemma_ in DOCUMENTS and c.i < verb.i for c in verb.head.children)
        return verb.head if sent and verb.head.lemma_ in SENDING else None
    document = verb.head
    if verb.dep_ != "acl" or document.lemma_ not in DOCUMENTS or document.dep_ != "dobj":
        return None
    sender = document.head
    return sender if sender.lemma_ in SENDING and sender.i < document.i else None


def _between_words(doc: Doc, head: Token, verb: Token, first: int) -> bool:
    """Whether only the governing verb's particles and adverbs stand between it and the cue; a noun there
    is the one made to act ("prompted Rubio to joke"), who is not the speaker."""
    return all(t.head.i in (head.i, verb.i) and t.dep_ in ("prt", "advmod", "neg") for t in doc[head.i + 1 : first])


def _cue_modifier(tok: Token, verb: Token) -> bool:
    """An auxiliary or adverb of the verb, but not a "when"/"as" that opens a clause, nor a name the parse
    took for an adverb ("Black Lives Matter issued")."""
    return tok.head.i == verb.i and tok.dep_ in _CUE_MODIFIERS and tok.tag_ not in ("WRB", "IN", "NNP", "NNPS")


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject, climbing through participles and coordinated verbs that share one, and from
    a participle in a document to the verb that sent the document out; who is quoted "as saying"."""
    node: Token | None = verb
    for _ in range(4):
        if node is None:
            return None
        subj = _nearest_subject(node)
        if subj is not None:
            return subj
        agent = next((c for c in node.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        quoted = _quoted_as(node)
        if quoted is not None:
            return quoted
        sender = _sender(node)
        if sender is not None:  # "The ministry issued a statement saying": the ministry says
            node = sender
            continue
        if node.dep_ not in ("conj", "xcomp", "advcl", "pcomp", "prep"):
            return None
        made = _made_to_act(node)
        if made is not None:
            return made
        node = _sayer(node) or node.head
    return None


def _sayer(verb: Token) -> Token | None:
    """The reporting verb that a participle or a second reporting verb belongs to where spaCy hangs it on the
    reported clause's verb, whose subject does neither: "said the bridge was safe, citing a survey" (the
    sayer cites; the participle set off by a comma) and "said the plan was unfair and vowed to fight it"
    (the sayer vows; see ``coordinated_sayer``)."""
    clause = verb.head
    after_comma = verb.i > 0 and verb.doc[verb.i - 1].text == ","
    if verb.tag_ != "VBG" or verb.dep_ != "advcl" or not after_comma:
        return coordinated_sayer(verb)
    if clause.dep_ == "acl" and _that_clause_of_object(clause):
        return clause.head.head  # "dismissed reports that the president would fire him, calling them ..."
    if clause.dep_ != "ccomp":
        return coordinated_sayer(verb)
    return clause.head if clause.head.lemma_ in REPORTING and clause.head.i < clause.i < verb.i else None


def _that_clause_of_object(clause: Token) -> bool:
    """A that-clause of a verb's object ("reports that ..."), the verb before it."""
    noun = clause.head
    opens = any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
    return opens and noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and noun.head.i < noun.i


def coordinated_sayer(verb: Token) -> Token | None:
    """The sayer of a reporting verb with no subject of its own that the parse coordinated with a verb of
    the reported clause: spaCy's small model reads "Ruiz said the plan was unfair and vowed to fight it"
    with "vowed" inside what Ruiz said, as if the plan vowed. The sayer is the first reporting verb up the
    chain of reported clauses ("said the warning showed that he did not know ..., and accused ..."); a
    second verb coordinated with a reporting verb that has a subject of its own is that subject's ("said
    the minister believes it and argued ...")."""
    if verb.dep_ != "conj" or verb.pos_ != "VERB" or verb.lemma_ not in CUE_LEMMAS or _nearest_subject(verb):
        return None
    node = verb.head
    for _ in range(_CLAUSE_DEPTH):
        if node.lemma_ in REPORTING or node.dep_ != "ccomp":
            return None
        node = node.head
        if node.lemma_ in REPORTING:
            return node if node.i < verb.i else None
    return None


def _quoted_as(verb: Token) -> Token | None:
    """Who is quoted "as saying": the object of "quoted"/"cited" ("Reuters quoted the minister as saying"),
    or its passive subject ("The minister was quoted by Reuters as saying"), not the one quoting."""
    marker = verb.head
    if verb.dep_ != "pcomp" or marker.lower_ != "as" or marker.head.lemma_ not in QUOTING:
        return None
    return next((c for c in marker.head.children if c.dep_ in ("dobj", "nsubjpass")), None)


def _made_to_act(verb: Token) -> Token | None:
    """The object of the verb an infinitive completes: the one made or asked to act ("prompted Lopez to
    say", "forced them to admit"), not the subject who did the prompting. After "use" or "take" the
    object is a means ("used the speech to claim", "took the chance to say") or a partner ("joined the
    liberals to endorse"), and the subject speaks."""
    if verb.dep_ != "xcomp" or verb.head.lemma_ in _MEANS:
        return None
    return next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)


def _nearest_subject(verb: Token) -> Token | None:
    """The verb's subject nearest to it in its paragraph (a headline with no full stop can hand the
    parser two subjects for one verb, the headline's and the sentence's)."""
    doc = verb.doc
    subjects = [
        c for c in verb.children if c.dep_ in SUBJECTS and "\n" not in doc[min(c.i, verb.i) : max(c.i, verb.i)].text
    ]
    return min(subjects, key=lambda c: abs(c.i - verb.i), default=None)


def noun_phrase(doc: Doc, head: Token) -> Range:
    """A mention's characters: the whole phrase, appositions and relative clauses included ("Dean Baker,
    co-director of the Center, a think tank"), as PolNeAR marks sources; a focus word ("even") and
    edge punctuation are left out, and so is a participle after a comma ("Smith, delivering the speech"),
    which says what the speaker was doing, not who they are. It never runs past the head's line."""
    first, last = head.left_edge.i, head.right_edge.i
    for child in head.rights:
        if child.dep_ in ("acl", "advcl") and child.tag_ in ("VBG", "VBN") and doc[child.left_edge.i - 1].text == ",":
            last = min(last, child.left_edge.i - 1)
        if _when(child) and child.right_edge.i == head.right_edge.i and not _comma_between(head, child):
            last = min(last, child.left_edge.i - 1)  # "The mayor last week said": the parse hung the time on it
    while first < head.i and (doc[first].is_punct or doc[first].is_space or doc[first].lower_ in _FOCUS):
        first += 1
    while last > head.i and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    return _within_line(doc, head, first, last)


def _when(child: Token) -> bool:
    """A phrase of time: "on Tuesday", "last week"."""
    if child.dep_ == "npadvmod":
        return child.ent_type_ in _TIMES
    return child.dep_ == "prep" and any(o.dep_ == "pobj" and o.ent_type_ in _TIMES for o in child.children)


def _comma_between(head: Token, child: Token) -> bool:
    return any(t.text == "," for t in head.doc[head.i + 1 : child.left_edge.i])


def _within_line(doc: Doc, head: Token, first: int, last: int) -> Range:
    """The phrase cut back to the head's line (a parse can run a phrase into the headline above)."""
    for k in range(head.i - 1, first - 1, -1):
        if "\n" in doc[k].text_with_ws:
            first = k + 1
            break
    for k in range(head.i, last):
        if "\n" in doc[k].text_with_ws:
            last = k
            break
    return token_range(doc, first, last)


def subject_phrase(doc: Doc, verb: Token) -> Range | None:
    """The verb's speaker as a mention: its subject's whole noun phrase."""
    subj = subject_of(verb)
    return None if subj is None else noun_phrase(doc, subj)


def addressee(doc: Doc, verb: Token) -> Range | None:
    """Whom the cue addresses: the object of "told"/"asked", "to X" after a verb of saying, "to X" after a
    participle of speaking set beside the verb or its subject ("The minister, speaking to reporters, said";
    "Talking to students, Ruiz said"), "in an interview with X", or else the medium ("said on CNN")."""
    if verb.lemma_ in ADDRESSING:
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
        if obj is not None and obj.pos_ in ("PROPN", "NOUN", "PRON"):
            return noun_phrase(doc, obj)
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    speaking = [c for w in (verb, *subjects) for c in w.children if c.dep_ in _ASIDES and c.lemma_ in _SPEAKING]
    for word in (verb, *speaking):
        found = _to_whom(doc, word, "to")
        if found is not None:
            return found
    interview = [p.children for p in verb.children if p.dep_ == "prep" and p.lower_ == "in"]
    for pobj in (c for children in interview for c in children if c.dep_ == "pobj" and c.lemma_ in _INTERVIEWS):
        found = _to_whom(doc, pobj, "with")
        if found is not None:
            return found
    return _medium(doc, verb)


def _medium(doc: Doc, verb: Token) -> Range | None:
    """Where the words went out, the medium an issue reader asks for beside the addressee: "on X" after the
    verb or after a post it was made in ("said on CNN", "in a post on Facebook"). A day, a place or an
    occasion after "on" ("on Monday", "on Capitol Hill") is no medium."""
    posts = [o for p in verb.children if p.lower_ == "in" for o in p.children if o.lemma_ in _POSTS]
    for word in (verb, *posts):
        on = [o for p in word.children if p.dep_ == "prep" and p.lower_ == "on" for o in p.children]
        for pobj in (o for o in on if o.dep_ == "pobj"):
            named = pobj.pos_ == "PROPN" and pobj.ent_type_ not in _NOT_MEDIA and pobj.lower_ not in _PLACE_WORDS
            if named or pobj.lemma_ in _MEDIA:
                return noun_phrase(doc, pobj)
    return None


def _to_whom(doc: Doc, word: Token, preposition: str) -> Range | None:
    for child in word.children:
        if child.dep_ in ("prep", "dative") and child.lower_ == preposition:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in ("PROPN", "NOUN", "PRON"):
                return noun_phrase(doc, pobj)
    return None


def relative_antecedent(relative: Token) -> Token | None:
    """The noun a relative pronoun stands for: the one its clause hangs on ("the mayor, who said"), or the
    focus of a cleft ("It was Hale who warned", which the parse reads as "warned" completing "was")."""
    verb = relative.head
    if verb.dep_ in ("relcl", "acl") and verb.head.i < relative.i:
        return verb.head
    copula = verb.head
    if verb.dep_ != "ccomp" or copula.lemma_ != "be" or not any(c.lower_ == "it" for c in copula.children):
        return None
    return next((c for c in copula.children if c.dep_ == "attr" and c.i < relative.i), None)


def governs(cue: Token, content: Range) -> bool:
    """Whether a dependent of the cue word spans into the content (the clause it introduces)."""
    for child in cue.children:
        lo, hi = child.left_edge.idx, child.right_edge.idx + len(child.right_edge)
        if child.dep_ not in _NOT_CONTENT and overlap((lo, hi), content):
            return True
    return False
