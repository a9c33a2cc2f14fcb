"""Entities with canonical full names, every mention, and the labels the text gives them.

Mentions come from spaCy's named entities; a surname or first-name mention ("Lopez") joins the full name
("Maria Lopez") it shortens, and an organisation's short form ("the Tribune") joins its long form. A
descriptor is how the text labels an entity ("Lopez, the retired general": see ``descriptors``). Whose
voice a label is in is settled once attributions are known (``assign_voices``): a label inside someone's
reported words is theirs, not the outlet's.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from .._contract import Attribution, Descriptor, Entity, Span, speaker_of
from .._labels import NAME_TYPES
from .._parsed import Parsed
from .attribution.quotes import find_quotes
from .descriptors import ARTICLES, descriptor_spans, fronted_noun
from .names import TITLES, first_name_gender

_TRIM = " \t\n,;:.\"'“”‘’()"
_DASHES = frozenset({"-", "--", "–", "—"})
_HYPHENS = frozenset({"-", "‐", "‑"})
_QUESTION_OPENERS = frozenset(
    {"will", "would", "can", "could", "should", "shall", "may", "might", "must", "did", "does", "do", "is"}
    | {"was", "are", "were", "has", "have", "had"}
)
# Titles a person is named without ("Sen. Ada Okafor" is Ada Okafor); a monarch or a pope is named with theirs.
_NAME_TITLES = TITLES - {"king", "queen", "prince", "princess", "pope"}
_PERSONAL_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sen", "senator", "rep", "gov", "mayor"})
# A capitalised word equal to a known surname is a mention when tagged as a noun, or when it stands where a
# noun phrase would (spaCy's small model sometimes tags a sentence-opening surname as an adjective).
_NAME_POS = frozenset({"PROPN", "NOUN"})
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos", "conj"})
_NOT_PEOPLE = frozenset({"GPE", "LOC", "ORG"})
# Last words that make a run opening with a given name a place, a body or an occasion ("Rose Garden").
_NOT_SURNAMES = frozenset(
    {"garden", "street", "hall", "house", "center", "centre", "park", "river", "valley", "beach", "bay", "county"}
    | {"island", "university", "college", "school", "hospital", "church", "foundation", "institute", "fund"}
    | {"award", "prize", "act", "day", "city", "lake", "mountain", "hills", "square", "avenue", "road", "bowl"}
    | {"cup", "series", "games", "show", "hour", "program", "programme", "podcast", "report", "network"}
)
_NAME_RUN = 3  # most words of a name found by its given name: "Ana Ruiz", "Ana Maria Ruiz"
# Pairs of types spaCy's small model gives the same name in different sentences.
_CONFUSED = ({"ORG", "PERSON"}, {"GPE", "LOC"})


@dataclass
class _Cluster:
    type: str
    names: list[SpacySpan] = field(default_factory=list)


def _clean(ent: SpacySpan) -> SpacySpan | None:
    """The entity without a leading article or a possessive ("the Guardian's" -> "Guardian"), and a
    person's without the honorific or title spaCy sometimes takes in ("Mrs May" -> "May", which then joins
    "Theresa May"; "Assemblywoman Claudia Reyes" is named Claudia Reyes; the title still tells the
    person's gender and office from just before the mention) and without what a headline ran on after the
    name (see ``_not_a_name``)."""
    start, end = after_dateline(ent).start, ent.end
    while start < end and ent.doc[start].lower_ in ARTICLES:
        start += 1
    label, titled = ent.label_, start
    while titled + 1 < end and ent.doc[titled].lower_.rstrip(".") in _NAME_TITLES:
        titled += 1
    if titled > start and (label == "PERSON" or _titles_a_person(ent.doc[start:titled], ent.doc[titled:end])):
        start, label = titled, "PERSON"
    if start + 1 < end and _asks(ent.doc[start]):
        start += 1
    if label == "PERSON":  # "Donald Trump’s America": the person is the possessor
        end = next((t.i for t in ent.doc[start:end] if t.tag_ == "POS" or _not_a_name(t)), end)
    opened = [t.i for t in ent.doc[start:end] if t.text == "("]
    if opened and not any(t.text == ")" for t in ent.doc[opened[-1] : end]):
        end = opened[-1]  # "Harbour Voice (Voice of the Docks": the bracket closes outside the name
    while end > start and (ent.doc[end - 1].tag_ == "POS" or _loose_end(ent.doc[end - 1])):
        end -= 1
    return SpacySpan(ent.doc, start, end, label=label) if end > start else None


def _loose_end(token: Token) -> bool:
    """A quote mark, a preposition or a conjunction spaCy left at a name's end ("Tomas Okafor of",
    "Maria Lopez ''")."""
    return (token.is_punct and token.text not in ")]") or token.pos_ in ("ADP", "CCONJ", "DET")


def _titles_a_person(titles: SpacySpan, rest: SpacySpan) -> bool:
    """Whether titles before a name spaCy did not call a person still make it one ("Spokeswoman Claudia
    Reyes" is an ORG to the small model): a given name follows, or a title only a person holds ("Sen.",
    "Assemblywoman") stands before proper nouns ("General Motors" stays a company)."""
    if first_name_gender(rest.text) is not None:
        return True
    personal = any(t.lower_.rstrip(".") in _PERSONAL_TITLES or t.lower_.endswith(("man", "woman")) for t in titles)
    return personal and all(t.pos_ == "PROPN" for t in rest)


def _not_a_name(token: Token) -> bool:
    """A word no person's name holds, which a title-cased headline runs into one ("Plans She And Okafor
    Have Made For Opening Harbour Books" made a person "Okafor Have Made For Opening Harbour Books")."""
    return token.pos_ in ("VERB", "AUX") or token.lower_ == "and"


def after_dateline(span: SpacySpan) -> SpacySpan:
    """The span without a dateline spaCy ran into it: "CLEVELAND - Donald Trump", "NEW YORK - Presidential
    campaigns" (a spaced dash inside the span, the last one if several)."""
    dashes = [t.i + 1 for t in span[1:-1] if t.text in _DASHES and t.whitespace_ and t.nbor(-1).whitespace_]
    return span.doc[max([span.start, *dashes]) : span.end]


def _datelines(doc: Doc, mentions: list[SpacySpan]) -> list[SpacySpan]:
    """A dateline's place ("PORT ELSA — The council ...") as one place mention, which joins the place when
    the text names it again ("Port Elsa"), in place of what the model made of the capitals ("ELSA" as an
    organisation). Only a place in a name the model found there or one named elsewhere counts, not a
    subheading in capitals ("QUESTIONABLE CLAIMS — ...")."""
    named = {m.text.lower() for m in mentions}
    places = []
    for start in [0] + [t.i + 1 for t in doc[:-1] if "\n" in t.text_with_ws]:
        found = dateline(doc, start)
        if found is not None and (any(t.ent_type_ in NAME_TYPES for t in found[0]) or found[0].text.lower() in named):
            places.append(SpacySpan(doc, found[0].start, found[0].end, label="GPE"))
    taken = {i for p in places for i in range(p.start, p.end)}
    return [m for m in mentions if not taken & set(range(m.start, m.end))] + places


def dateline(doc: Doc, start: int) -> tuple[SpacySpan, int] | None:
    """The place of a dateline opening a paragraph at token ``start`` and the index of the token after its
    dash: at most four words in capitals ("MANCHESTER, N.H. -"), or capitalised and followed by an agency
    in brackets ("New York (AFP) –", "CLEVELAND, July 19 (UPI) —", a date's numbers passed over), then a
    spaced dash."""
    if not (start == 0 or "\n" in doc[start - 1].text_with_ws):
        return None
    end = start
    while end < min(len(doc), start + 12) and (
        doc[end].is_upper or doc[end].is_title or doc[end].text in ",." or doc[end].like_num
    ):
        end += 1
    after = end
    if after < len(doc) and doc[after].text == "(":
        after = next((t.i + 1 for t in doc[after : after + 4] if t.text == ")"), after)
    words = [t for t in doc[start:end] if t.is_alpha or "." in t.text]
    capitals = all(t.is_upper for t in words)
    if not words or len(words) > 4 or not (capitals or after > end) or after >= len(doc):
        return None
    if doc[after].text not in _DASHES or not doc[after - 1].whitespace_:
        return None
    while end > start and (doc[end - 1].text in ",." or doc[end - 1].like_num or _month(doc[end - 1])):
        end -= 1  # "CLEVELAND, July 19 (UPI) —" is Cleveland, not a place "CLEVELAND, July 19"
    return doc[start:end], after + 1  # no place at all in "Dec 29 (Reuters) -", a dateline all the same


def _month(token: Token) -> bool:
    return token.ent_type_ == "DATE" and token.is_title and token.is_alpha


def past_dateline(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Characters [start, end) less the dateline opening them, when they open a paragraph with one and
    run on past it: a source the tagger ran back into it ("CLEVELAND - Donald Trump"), a content holding it
    ("PORT ELSA — The authority will close the terminal, its director said")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    found = None if span is None or not len(span) else dateline(doc, span.start)
    if span is None or found is None or found[1] >= span.end:
        return start, end
    return doc[found[1]].idx, end


def _asks(token: Token) -> bool:
    """The verb opening a question, which spaCy's small model can run into the name after it ("Will
    Okafor come down?", "Did Maria Lopez really ...?")."""
    if not (token.is_sent_start and token.lower_ in _QUESTION_OPENERS):
        return False
    last = next((t for t in reversed(token.sent) if not t.is_space), token)
    return last.text.endswith("?")


def _words(span: SpacySpan) -> list[str]:
    """The name's words, lowercased, a hyphenated compound as one word: "Obama" does not shorten
    "Obama-Clinton" (two people's policies), "Ocasio-Cortez" does shorten "Alexandria Ocasio-Cortez"."""
    out: list[str] = []
    glued = False
    for token in span:
        if token.text in _HYPHENS and out and not token.whitespace_ and not token.nbor(-1).whitespace_:
            glued = True
        elif token.is_alpha or token.like_num:
            if glued:
                out[-1] = f"{out[-1]}-{token.lower_}"
            else:
                out.append(token.lower_)
            glued = False
    return out


def _match(mention: SpacySpan, clusters: list[_Cluster], words_of: dict[SpacySpan, list[str]]) -> _Cluster | None:
    """The cluster a short mention belongs to: of the full names it shortens, the one the article brought
    in first ("Trump" stays Donald Trump after "Ivanka Trump" appears: a second person of the name is
    called by the full or first name), else the first one named later ("Lopez spoke. Maria Lopez ...")."""
    words = words_of[mention]
    if not words:
        return None
    found: list[tuple[bool, int, _Cluster]] = []
    for cluster in clusters:
        if cluster.type != mention.label_ and {cluster.type, mention.label_} not in _CONFUSED:
            continue
        starts = [
            name.start
            for name in cluster.names
            if words_of[name] == words
            or (len(words) < len(words_of[name]) and _shortens(words, words_of[name], cluster.type))
        ]
        if starts:
            found.append((min(starts) > mention.start, min(starts), cluster))
    return min(found, key=lambda f: f[:2])[2] if found else None


def _shortens(words: list[str], full: list[str], etype: str) -> bool:
    if etype == "PERSON":
        return words == full[-len(words) :] or words == full[: len(words)]
    initials = "".join(w[0] for w in full if w not in {"of", "the", "and", "for"})
    return words == full[-len(words) :] or (len(words) == 1 and words[0] == initials)


def _cluster(mentions: list[SpacySpan]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    words_of = {m: _words(m) for m in mentions}  # every mention is compared with every name: read words once
    by_length = sorted(mentions, key=lambda m: (-len(words_of[m]), m.start))
    for mention in by_length:
        cluster = _match(mention, clusters, words_of)
        if cluster is None:
            cluster = _Cluster(type=mention.label_)
            clusters.append(cluster)
        cluster.names.append(mention)
    for cluster in clusters:
        cluster.names.sort(key=lambda m: m.start)
    clusters.sort(key=lambda c: c.names[0].start)
    return clusters


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return (start, end) if end > start else None


def _bare_surnames(doc: Doc, mentions: list[SpacySpan]) -> list[SpacySpan]:
    """Surname mentions the statistical NER missed ("Later Lopez spoke") or took for a thing ("Mendes, 52,"
    as a PRODUCT): a capitalised token equal to the last word of a full PERSON name found elsewhere in the
    article, unless the NER gave it a name type of its own ("Black voters" after "Linda Black" is not her)."""
    surnames = {m[-1].text for m in mentions if m.label_ == "PERSON" and len(m) > 1}
    covered = {i for m in mentions for i in range(m.start, m.end)}
    return [
        SpacySpan(doc, t.i, t.i + 1, label="PERSON")
        for t in doc
        if t.text in surnames and t.i not in covered and _nominal(t) and t.ent_type_ not in NAME_TYPES
    ]


def _named_by_given_name(doc: Doc, mentions: list[SpacySpan]) -> list[SpacySpan]:
    """People the statistical NER missed, found by a listed given name: a run of two or three capitalised
    proper nouns that opens with one ("Mayor Ana Ruiz said", where spaCy's small model finds no entity),
    outside every mention found and outside headlines, where every word is capitalised; not a namesake of
    a person the model found later ("Melania Trump" in a title before "Donald Trump"), who as the one
    brought in first would take every bare "Trump" (see ``_match``). The model misses names from outside
    the English-language news it learned from most, so without this the people so named would be resolved
    worse than others."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    known = [(m[-1].text, m[0].text, m.start) for m in mentions if m.label_ == "PERSON" and len(m) > 1]
    out: list[SpacySpan] = []
    start = 0
    while start < len(doc):
        token = doc[start]
        if start in covered or not _name_word(token) or first_name_gender(token.text) is None:
            start += 1
            continue
        end = start + 1
        while end < len(doc) and end not in covered and _name_word(doc[end]):
            end += 1  # the whole run: "Steve Harvey Morning Show" is a show, not a man called Morning
        run = SpacySpan(doc, start, end, label="PERSON")
        namesake = any(last == run[-1].text and first != run[0].text and at > start for last, first, at in known)
        plausible = 1 < len(run) <= _NAME_RUN and run[-1].lower_ not in _NOT_SURNAMES
        if plausible and not namesake and not _in_headline(doc.text, run):
            out.append(run)
        start = end
    return out


def _name_word(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.is_title and token.is_alpha and token.lower_ not in TITLES | ARTICLES


def _nominal(token: Token) -> bool:
    return token.pos_ in _NAME_POS or token.dep_ in _ARGUMENTS


def _surnames_read_as_places(mentions: list[SpacySpan]) -> list[SpacySpan]:
    """A one-word place or organisation that is the surname of a person named in full before it and stands
    as a verb's subject ("Dr. Amara Singh ... Singh warned", where spaCy's small model calls "Singh" a GPE)
    is that person: places and organisations act too, but rarely under a name the article gave a person."""
    out, named = [], set()
    for mention in sorted(mentions, key=lambda m: m.start):
        if mention.label_ == "PERSON" and len(mention) > 1:
            named.add(mention[-1].text)
        misread = len(mention) == 1 and mention.label_ in _NOT_PEOPLE and mention.text in named
        acts = mention.root.dep_ in ("nsubj", "nsubjpass") and mention.root.head.pos_ in ("VERB", "AUX")
        out.append(SpacySpan(mention.doc, mention.start, mention.end, label="PERSON") if misread and acts else mention)
    return out


def _people_read_as_things(mentions: list[SpacySpan]) -> list[SpacySpan]:
    """A person spaCy's small model took for an organisation or a place ("its director, Ines Marlow",
    tagged ORG): two or three capitalised words opening with a listed given name, set beside a title or
    role word ("director", "Mayor"; "A retired admiral, Marta Vidal said") as names of people are and
    names of firms ("Morgan Stanley") are not."""
    out = []
    for mention in mentions:
        words = [t for t in mention if not t.is_punct]
        named = 1 < len(words) <= _NAME_RUN and all(_name_word(t) for t in words)
        if mention.label_ == "PERSON" or not named or first_name_gender(words[0].text) is None:
            out.append(mention)
            continue
        root, before = mention.root, mention.doc[mention.start - 1] if mention.start else None
        titled = before is not None and before.lower_.rstrip(".") in TITLES
        apposed = root.dep_ == "appos" and root.head.lemma_.lower() in TITLES
        fronted = fronted_noun(mention)
        described = fronted is not None and fronted.lemma_.lower() in TITLES
        person = titled or apposed or described
        out.append(SpacySpan(mention.doc, mention.start, mention.end, label="PERSON") if person else mention)
    return out


def find_entities(parsed: Parsed) -> tuple[Entity, ...]:
    """The article's entities in order of first mention, ids ``e1``, ``e2``..."""
    text = parsed.text
    quoted = [(q.start, q.end) for q in find_quotes(text)]
    mentions = [m for ent in parsed.doc.ents if ent.label_ in NAME_TYPES and (m := _clean(ent)) is not None]
    mentions = _people_read_as_things(_surnames_read_as_places(_datelines(parsed.doc, mentions)))
    mentions += _named_by_given_name(parsed.doc, mentions)
    mentions += _bare_surnames(parsed.doc, mentions)
    entities: list[Entity] = []
    for n, cluster in enumerate(_cluster(mentions), 1):
        canonical = max(
            _narrated(_outside_headlines(text, cluster.names), quoted),
            key=lambda m: (len(_words(m)), not m.text.isupper(), -m.start),
        )
        spans = sorted({t for m in cluster.names for s in descriptor_spans(m) if (t := _trimmed(text, *s))})
        entities.append(
            Entity(
                id=f"e{n}",
                name=canonical.text,
                type=_type_of(cluster),
                mentions=tuple(Span(start=m.start_char, end=m.end_char, text=m.text) for m in cluster.names),
                descriptors=tuple(Descriptor(start=s, end=e, text=text[s:e]) for s, e in _dedupe(spans)),
            )
        )
    return tuple(entities)


def _narrated(names: list[SpacySpan], quoted: list[tuple[int, int]]) -> list[SpacySpan]:
    """The mentions a canonical name is chosen from, without an epithet spaCy took into a name inside
    someone's quoted words ("beating Crooked Maria Lopez"): a quoted mention that is a name the outlet
    uses with words before it that are no given name."""
    inside = [any(s <= m.start_char < e for s, e in quoted) for m in names]
    narrated = [_words(m) for m, q in zip(names, inside, strict=True) if not q]
    return [m for m, q in zip(names, inside, strict=True) if not (q and _extends(_words(m), narrated, False))]


def _outside_headlines(text: str, names: list[SpacySpan]) -> list[SpacySpan]:
    """Without a title-cased headline's mention where spaCy's small model ran a name the body uses into
    the words around it ("Fund Chief Praises Maria Lopez Donor" made her "Maria Lopez Donor", "Dockers
    Cheer Okafor" made him "Dockers Cheer Okafor"); a headline's full name stays ("Maria Lopez" where the
    body says "Lopez")."""
    headline = [_in_headline(text, m) for m in names]
    body = [_words(m) for m, h in zip(names, headline, strict=True) if not h]
    return [m for m, h in zip(names, headline, strict=True) if not (h and _extends(_words(m), body, True))]


def _extends(words: list[str], names: list[list[str]], after: bool) -> bool:
    """Whether the words are one of the names with more words before it that do not open with a given
    name ("Crooked Maria Lopez", not "Maria Lopez" for "Lopez") or, if ``after``, after it."""
    for name in names:
        n = len(name)
        if 0 < n < len(words) and (
            (after and words[:n] == name) or (words[-n:] == name and first_name_gender(words[0]) is None)
        ):
            return True
    return False


def _in_headline(text: str, mention: SpacySpan) -> bool:
    """Whether the mention stands in a title-cased line of four words or more (a headline or a byline)."""
    start = text.rfind("\n", 0, mention.start_char) + 1
    end = text.find("\n", mention.end_char)
    line = text[start : len(text) if end < 0 else end].strip()
    words = [w for w in line.split() if w[:1].isalpha()]
    long_words = [w for w in words if len(w) > 3]
    return len(words) >= 4 and all(w[0].isupper() for w in long_words)


def _type_of(cluster: _Cluster) -> str:
    """The label most of the cluster's mentions carry: spaCy's small model calls a name a person in one
    sentence and an organisation in the next ("Donald Trump" ORG once, "Trump" PERSON 28 times), and the
    type decides which pronouns can stand for it. A full name that opens with a given name is a person
    whenever spaCy called it one at all ("Trump" ORG twelve times, PERSON as often, "Donald Trump" too)."""
    labels = Counter(m.label_ for m in cluster.names)
    full = max(cluster.names, key=lambda m: len(_words(m)))
    if labels["PERSON"] and len(_words(full)) > 1 and first_name_gender(full.text) is not None:
        return "PERSON"
    return labels.most_common(1)[0][0]


def _dedupe(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop a label that is wholly inside another label of the same entity."""
    return [s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)]


def assign_voices(entities: tuple[Entity, ...], attributions: tuple[Attribution, ...]) -> tuple[Entity, ...]:
    """Set each label's voice to the innermost attribution whose content holds it."""
    if not attributions:
        return entities

    def voice(d: Descriptor) -> str | None:
        holder = speaker_of(attributions, d.start, d.end)
        return holder.id if holder else None

    return tuple(
        e.model_copy(update={"descriptors": tuple(d.model_copy(update={"voice": voice(d)}) for d in e.descriptors)})
        for e in entities
    )
