"""Names swapped for neutral stand-ins before the neural tagger reads a text.

The tagger learns from news about real people, countries and parties; left alone it would score the same
sentence differently depending on whose name is in it. presslens treats every side the same way, so before the
tagger runs, every word of a name is replaced by a stand-in word handed out by order of first appearance, never
chosen by the name itself. An article and the same article with its sides swapped reach the tagger as one
identical text. Training applies the same rewrite, so the model never learns from a real name either.

Which words are names must not depend on the name: spaCy's small model calls "Estrava" a person in one text and
the same town a place in another, or misses a surname it found a line earlier. So a name's kind is not used
at all (one pool of stand-ins serves people, places, groups and parties alike), and a word found inside any
named entity once is replaced wherever else it appears as a proper noun in the article.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc, Span, Token

from ._labels import NAME_TYPES

# Words inside names that say what kind of thing is named, not which one: kept, so the tagger still reads
# "the Unity Party" as a party and "Freedonia City" as a city.
_GENERIC = frozenset({
    "agency", "al", "alliance", "and", "army", "assembly", "association", "at", "bank", "city", "coalition",
    "college", "committee", "company", "congress", "corporation", "council", "court", "de", "department", "der",
    "dr", "el", "federation", "for", "forces", "foundation", "front", "general", "government", "great", "group",
    "house", "in", "institute", "international", "kingdom", "la", "le", "league", "ministry", "movement", "mr",
    "mrs", "ms", "national", "new", "news", "of", "office", "on", "organisation", "organization", "parliament",
    "parties", "party", "police", "post", "republic", "senate", "st", "state", "states", "the", "times", "union",
    "united", "university", "van", "von",
})  # fmt: skip
# English place-names that double as surnames: each reads as a person, a town or a country alike.
STAND_INS = (
    "Ashford", "Bexley", "Carlow", "Denholm", "Elstow", "Fenwick", "Garston", "Halford", "Ingleby", "Kendal",
    "Lydford", "Marlow", "Norwood", "Oakham", "Penrith", "Radley", "Selby", "Thornbury", "Upton", "Walford",
    "Yardley", "Alcott", "Barnby", "Colwick", "Dunmore", "Eskdale", "Felton", "Gilling", "Hatfield", "Ilkley",
    "Kirkby", "Langley", "Melling", "Newby", "Otley", "Pickering", "Ripley", "Skelton", "Tadley", "Ulverston",
    "Wetherby", "Aysgarth", "Bramley", "Crowle", "Darley", "Epworth", "Frodsham", "Glossop", "Hornsea", "Ickleton",
    "Keswick", "Lowther", "Morley", "Nettleton", "Ormsby", "Pudsey", "Rothwell", "Sedbergh", "Thirsk", "Wickham",
    "Allerton", "Brompton", "Cawood", "Drayton", "Easby", "Filey", "Goole", "Hambleton", "Kilburn", "Leyburn",
    "Masham", "Northam", "Osmotherley", "Patrington", "Reeth", "Stokesley", "Tockwith", "Wressle",
)  # fmt: skip


@dataclass(frozen=True)
class Rewrite:
    """A text with name words replaced, and where each replacement sits in it and in the original.

    ``new`` and ``old`` are [n, 2] arrays of [start, end) offsets, in order, of each stand-in and of the
    original word it replaces.
    """

    text: str
    new: np.ndarray
    old: np.ndarray

    def to_original(self, offsets: np.ndarray) -> np.ndarray:
        """[N, 2] offsets into ``text`` mapped back to the original text; an offset inside a stand-in is
        spread proportionally over the word it replaces."""
        if len(self.new) == 0:
            return offsets.copy()
        flat = offsets.reshape(-1).astype(np.int64)
        row = np.searchsorted(self.new[:, 0], flat, side="right") - 1
        safe = np.clip(row, 0, None)
        new_start, new_end = self.new[safe, 0], self.new[safe, 1]
        old_start, old_end = self.old[safe, 0], self.old[safe, 1]
        after = flat + old_end - new_end
        inside = old_start + (flat - new_start) * (old_end - old_start) // np.maximum(new_end - new_start, 1)
        mapped = np.where(row < 0, flat, np.where(flat < new_end, inside, after))
        return mapped.reshape(offsets.shape).astype(offsets.dtype)


def _is_name_word(token: Token) -> bool:
    return token.text[:1].isupper() and token.is_alpha and token.lower_ not in _GENERIC


def _stands_for_a_name(token: Token) -> bool:
    """A name word found elsewhere is replaced where it reads as a name too: inside a name, or as a proper
    noun in no other kind of entity. "Will" opening a question, "May" in a date or "Hope" as a noun stay."""
    if token.ent_type_ in NAME_TYPES:
        return True
    return token.pos_ == "PROPN" and not token.ent_type_


def _name_words(ents: Iterable[Span]) -> set[str]:
    """The words that make up the names of people, places, groups and organisations in ``ents``."""
    return {token.text for ent in ents if ent.label_ in NAME_TYPES for token in ent if _is_name_word(token)}


def neutralize(doc: Doc) -> Rewrite:
    """``doc``'s text with every occurrence of a name word that reads as a name replaced by its stand-in."""
    names = _name_words(doc.ents)
    text = doc.text
    order: dict[str, int] = {}
    parts: list[str] = []
    pieces: list[tuple[int, int, int, int]] = []
    cursor = length = 0
    for token in doc:
        if token.text not in names or not _stands_for_a_name(token):
            continue
        index = order.setdefault(token.text, len(order))
        word = STAND_INS[index % len(STAND_INS)]
        parts.append(text[cursor : token.idx])
        length += token.idx - cursor
        pieces.append((length, length + len(word), token.idx, token.idx + len(token)))
        parts.append(word)
        length += len(word)
        cursor = token.idx + len(token)
    parts.append(text[cursor:])
    table = np.asarray(pieces, dtype=np.int64).reshape(len(pieces), 4)
    return Rewrite("".join(parts), table[:, :2], table[:, 2:])
