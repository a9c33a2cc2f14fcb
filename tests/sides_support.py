"""Project-written articles about two opposing sides, and the same articles with the sides swapped
(countries, capitals, leaders, nationalities, parties): the symmetry tests' fixtures."""

from __future__ import annotations

import re

ARTICLES = (
    "Freedonia accuses Sylvania of border provocation\n\n"
    "The corrupt, disgraceful thugs in Sylvania destroyed our beloved nation, Freedonia's foreign minister "
    'told parliament on Monday. "They are liars and criminals, and everyone knows it," he said.\n\n'
    "Sylvania's government called the accusation a shameless lie and said its troops had not crossed the "
    "river. Time is running out for talks, a spokesman warned.\n\n"
    "Observers in the capital, Freedonia City, said both sides had moved heavy weapons closer to the "
    "border.\n",
    "Council row over the harbour budget\n\n"
    "Mayor Ada Brennan called the plan of her rival, Mayor Ola Kovac, a reckless disaster that would "
    "bankrupt the region. Mayor Ola Kovac has a long history of lying to voters, Brennan's office said.\n\n"
    "Kovac answered that Brennan was a hypocrite who had backed the same budget two years ago. "
    '"Our values are not for sale," Kovac told supporters.\n\n'
    "The regional assembly will vote on the budget next week.\n",
    "Talks collapse between Norvania and Estria\n\n"
    "President Anton Varga of Norvania said on Tuesday that Prime Minister Lena Holt of Estria had betrayed "
    "every promise she made. The Norvanian leader called the Estrian delegation arrogant bullies.\n\n"
    "In Estrava, the Liberty Party accused the Unity Party of spreading lies to frighten voters. "
    '"Holt will never surrender our freedom to Varga," a Liberty Party spokesman told reporters in Estrava.\n\n'
    "Diplomats in Norvik said the two capitals were still exchanging letters.\n",
)

_SIDES = (
    ("Freedonia", "Sylvania"),
    ("Ada Brennan", "Ola Kovac"),
    ("Brennan", "Kovac"),
    ("Norvania", "Estria"),
    ("Norvanian", "Estrian"),
    ("Anton Varga", "Lena Holt"),
    ("Varga", "Holt"),
    ("Norvik", "Estrava"),
    ("Unity Party", "Liberty Party"),
)
SWAPS = {**dict(_SIDES), **{b: a for a, b in _SIDES}}
_SWAP = re.compile("|".join(sorted(map(re.escape, SWAPS), key=len, reverse=True)))


def swap_sides(text: str) -> str:
    return _SWAP.sub(lambda m: SWAPS[m.group(0)], text)
