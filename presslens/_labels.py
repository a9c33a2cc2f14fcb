"""Label inventories shared by the tagger, its training script and the analyzers."""

from __future__ import annotations

# spaCy entity types that name a person, people, place or organisation: the entities presslens lists, and the
# names the tagger never reads (see ``_neutral``).
NAME_TYPES: frozenset[str] = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC"})

# The 23 persuasion techniques of SemEval-2023 task 3, in the task's order.
TECHNIQUES: tuple[str, ...] = (
    "Appeal_to_Authority",
    "Appeal_to_Popularity",
    "Appeal_to_Values",
    "Appeal_to_Fear-Prejudice",
    "Flag_Waving",
    "Causal_Oversimplification",
    "False_Dilemma-No_Choice",
    "Consequential_Oversimplification",
    "Straw_Man",
    "Red_Herring",
    "Whataboutism",
    "Slogans",
    "Appeal_to_Time",
    "Conversation_Killer",
    "Loaded_Language",
    "Repetition",
    "Exaggeration-Minimisation",
    "Obfuscation-Vagueness-Confusion",
    "Name_Calling-Labeling",
    "Doubt",
    "Guilt_by_Association",
    "Appeal_to_Hypocrisy",
    "Questioning_the_Reputation",
)

# BIO tags over the three roles of an attribution (PolNeAR: content, cue, source).
ATTRIBUTION_LABELS: tuple[str, ...] = (
    "O",
    "B-CONTENT",
    "I-CONTENT",
    "B-CUE",
    "I-CUE",
    "B-SOURCE",
    "I-SOURCE",
)
