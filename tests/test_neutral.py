"""Names replaced by stand-ins before the tagger reads a text: what is replaced, and how offsets come back."""

from __future__ import annotations

import numpy as np
import pytest
from sides_support import swap_sides
from spacy.language import Language

from presslens._neutral import STAND_INS, neutralize

SIDES = (
    "President Anton Varga of Norvania met Lena Holt, the Estrian prime minister, in Estrava. "
    "Varga said the Unity Party would not yield. Holt answered that Norvania had lied."
)


@pytest.mark.parametrize(
    ("text", "kept", "replaced"),
    [
        (SIDES, ("President", "prime minister", "Party", "said"), ("Anton", "Varga", "Norvania", "Holt", "Estrava")),
        ("The mayor of Port Elsa, Ada Brennan, spoke.", ("The mayor", "spoke"), ("Brennan",)),
        ("Ada Brennan's office said so.", ("'s office",), ("Brennan",)),
        ("Nobody here has a name at all.", ("Nobody here has a name at all.",), ()),
    ],
)
def test_names_are_replaced_and_the_rest_kept(
    nlp: Language, text: str, kept: tuple[str, ...], replaced: tuple[str, ...]
) -> None:
    rewritten = neutralize(nlp(text)).text
    for words in kept:
        assert words in rewritten
    for name in replaced:
        assert name not in rewritten


def test_a_name_gets_one_stand_in_even_where_the_parser_missed_it(nlp: Language) -> None:
    """ "Holt" found once inside an entity is replaced wherever it appears as a name, by the same word."""
    rewrite = neutralize(nlp(SIDES))
    olds = [SIDES[s:e] for s, e in rewrite.old]
    news = [rewrite.text[s:e] for s, e in rewrite.new]
    pairs = set(zip(olds, news, strict=True))
    assert len({new for old, new in pairs if old == "Holt"}) == 1
    assert olds.count("Holt") == SIDES.count("Holt")
    assert len(pairs) == len(set(olds))  # one stand-in per name word, and a different one for each


def test_stand_ins_follow_order_of_appearance_not_the_name(nlp: Language) -> None:
    """Swapping the two sides' names leaves the rewritten text unchanged: the tagger cannot tell them apart."""
    swapped = swap_sides(SIDES)
    assert swapped != SIDES
    assert neutralize(nlp(swapped)).text == neutralize(nlp(SIDES)).text
    assert neutralize(nlp(SIDES)).text.startswith(f"President {STAND_INS[0]} {STAND_INS[1]} of {STAND_INS[2]}")


@pytest.mark.parametrize(
    "text",
    [SIDES, "Lena Holt.", "No names here.", "Dr. Maria-Luisa Ortega Quintero of Valparaíso spoke on Monday."],
)
def test_offsets_map_back_to_the_original_words(nlp: Language, text: str) -> None:
    """Each stand-in maps onto exactly the word it replaced; every other character shifts by the length change."""
    doc = nlp(text)
    rewrite = neutralize(doc)
    assert np.array_equal(rewrite.to_original(rewrite.new), rewrite.old)
    for token in doc:
        if token.text not in {text[s:e] for s, e in rewrite.old}:
            new_start = token.idx + int(
                sum(
                    (ne - ns) - (oe - os)
                    for (ns, ne), (os, oe) in zip(rewrite.new, rewrite.old, strict=True)
                    if oe <= token.idx
                )
            )
            assert rewrite.text[new_start : new_start + len(token)] == token.text
            mapped = rewrite.to_original(np.asarray([[new_start, new_start + len(token)]]))
            assert mapped.tolist() == [[token.idx, token.idx + len(token)]]


def test_wordpieces_inside_a_stand_in_land_inside_its_word(nlp: Language) -> None:
    rewrite = neutralize(nlp("Lena Holt spoke."))
    (new_start, new_end), (old_start, old_end) = rewrite.new[0], rewrite.old[0]
    inside = np.asarray([[new_start, new_start + 2], [new_start + 2, new_end]])
    mapped = rewrite.to_original(inside)
    assert mapped[0, 0] == old_start and mapped[-1, 1] == old_end
    assert np.all((mapped >= old_start) & (mapped <= old_end))


@pytest.mark.parametrize(
    ("text", "kept", "gone"),
    [
        ("Will Young spoke. Will the council listen? Young said no.", "Will the council listen?", "Young"),
        ("President Mark May said on 5 May that the vote would go ahead.", "on 5 May that", "Mark May"),
    ],
)
def test_a_name_word_used_as_another_word_is_kept(nlp: Language, text: str, kept: str, gone: str) -> None:
    """Regression: a surname that is also a common word ("Will", "May") was replaced everywhere it was
    capitalised, turning a question's first word and a date's month into stand-ins."""
    rewritten = neutralize(nlp(text)).text
    assert kept in rewritten
    assert gone not in rewritten
