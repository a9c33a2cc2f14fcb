"""Rule-based technique spans: repeated phrases, and the four techniques no English training span covers.

The four pattern techniques (Appeal_to_Time, Consequential_Oversimplification, Appeal_to_Values,
Questioning_the_Reputation) are matched by phrase patterns that paraphrase the SemEval-2023 guideline
definitions. Every pattern is about the *form* of an argument (urgency, a chain of consequences, an appeal to
values, an attack on someone's record); none names a country, party, leader or group, so the rules treat
every side alike. A pattern hit is evidence of form, not of intent, and its score is a fixed rule confidence
(``PATTERN_SCORE``), not a calibrated probability: there is no English data to calibrate it on.

Repetition needs the same wording elsewhere in the article, which a token tagger cannot see across
windows: ``repeated_phrases`` finds the occurrences of phrases used at least twice, and the analyzer keeps
those the tagger also finds emphatic.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

PATTERN_SCORE: Final = 0.6

_CLAUSE: Final = r"[^.!?;\n]{0,160}"

_PATTERNS: Final[dict[str, tuple[str, ...]]] = {
    "Appeal_to_Time": (
        r"now is the time\b",
        r"the time (?:has come|is now)\b",
        r"time is running out\b",
        r"(?:we are|we're|is|are) running out of time\b",
        r"before it(?:'|’)?s too late\b",
        r"the clock is ticking\b",
        r"(?:it(?:'|’)?s|it is) now or never\b",
        r"there is no time to (?:lose|waste)\b",
        r"(?:must|need to|have to) act (?:now|immediately|urgently|today)\b",
        r"(?:it(?:'|’)?s|it is) (?:high )?time (?:for us |for everyone )?to (?:act|stand up|wake up|fight)\b",
        r"at this (?:critical|crucial|decisive|pivotal|historic) (?:moment|juncture|hour|time)\b",
        r"the window (?:of opportunity )?is closing\b",
        r"while there is still time\b",
    ),
    "Consequential_Oversimplification": (
        r"slippery slope\b",
        r"open(?:s|ed|ing)? the (?:flood ?gates|door) to\b" + _CLAUSE,
        r"(?:the )?next thing you know\b" + _CLAUSE,
        r"where (?:will|does) it (?:end|stop)\b",
        r"(?:it(?:'|’)?s|it is) only a matter of time before\b" + _CLAUSE,
        r"if (?:we|they|you) (?:allow|let|accept|permit|tolerate|give in to)\b"
        + _CLAUSE
        + r"\b(?:will|would) (?:soon|eventually|inevitably|surely)\b"
        + _CLAUSE,
        r"(?:will|would) inevitably lead to\b" + _CLAUSE,
    ),
    "Appeal_to_Values": (
        r"(?:our|shared|core|basic|fundamental|traditional|family|moral|democratic|cherished|common|founding"
        r"|timeless|universal|religious|spiritual|national) values\b",
        r"(?:the )?values (?:that )?(?:we|our \w+) (?:hold|share|cherish|stand for)\b",
        r"(?:everything|all|what) (?:we|this country|this nation) (?:stands?|stood) for\b",
        r"(?:sacred|moral) (?:duty|obligation|responsibility)\b",
        r"(?:basic|common|human) decency\b",
        r"in the name of (?:freedom|liberty|justice|democracy|humanity|peace|god|faith)\b",
        r"(?:freedom|liberty|justice|dignity|tradition|faith|honou?r) and (?:freedom|liberty|justice|dignity"
        r"|tradition|faith|honou?r|democracy|equality)\b",
    ),
    "Questioning_the_Reputation": (
        r"(?:has|have|had) (?:a|an) (?:long |well-documented |documented |troubled |checkered |chequered "
        r"|sordid |shady |dubious |questionable )?(?:history|record|track record) of (?:lying|deception"
        r"|corruption|fraud|failure|failures|scandals?|abuse|dishonesty|flip-flopping|incompetence)\b",
        r"(?:cannot|can't|can’t|can not|could never) be trusted\b",
        r"(?:lost|lacks?|has no|have no|zero) (?:all )?(?:credibility|integrity)\b",
        r"(?:serial|habitual|pathological|notorious|known) (?:liars?|frauds?|cheats?|fabricators?)\b",
        r"(?:disgraced|discredited) (?:former )?\w+",
        r"(?:checkered|chequered|sordid|shady|murky|dubious|questionable) (?:past|history|record|background"
        r"|dealings)\b",
        r"notorious for\b" + _CLAUSE,
    ),
}

_COMPILED: Final = {
    name: re.compile(r"\b(?:" + "|".join(pats) + ")", re.IGNORECASE) for name, pats in _PATTERNS.items()
}

PATTERN_TECHNIQUES: Final = tuple(_PATTERNS)

_STOP: Final = frozenset(
    " ".join(
        (
            "a an the and or but of to in on at by for with from as is are was were be been being it its",
            "this that these those he she they we you i his her their our your my me him them us not no so",
            "if then than there here who whom which what when where why how all any some more most such can",
            "could will would should may might must do does did has have had said says say also just very",
        )
    ).split()
)


@dataclass(frozen=True, slots=True)
class Hit:
    """One rule match: a technique, its character span, the rule's confidence and why it matched."""

    technique: str
    start: int
    end: int
    score: float
    reason: str


def _form_reason(matched: str) -> str:
    words = matched.split()
    phrase = " ".join(words[:6]) + (" ..." if len(words) > 6 else "")
    return f"a set form of this technique, “{phrase}” (a pattern written from its definition, not the model)"


def pattern_hits(text: str) -> list[Hit]:
    """Matches of the four untrained techniques' patterns, trimmed of trailing spaces and commas."""
    hits: list[Hit] = []
    for name, rx in _COMPILED.items():
        for m in rx.finditer(text):
            start, end = m.start(), m.end()
            while end > start and text[end - 1] in " ,\t":
                end -= 1
            hits.append(Hit(name, start, end, PATTERN_SCORE, _form_reason(m.group(0))))
    return hits


def _content(word: str) -> bool:
    return len(word) >= 3 and word.isalpha() and word not in _STOP


def repeated_phrases(words: Sequence[str], max_len: int = 4) -> list[tuple[int, int, int]]:
    """Occurrences of word n-grams used at least twice, as (first word, end word, times used).

    ``words`` are the article's normalised (lower-cased) word forms. A phrase must start and end on a
    content word (no stop word, at least three letters) so that "of the" never counts; where repeated
    phrases overlap, the longest one at each position wins.
    """
    content = [_content(w) for w in words]
    at: defaultdict[tuple[str, ...], list[int]] = defaultdict(list)
    for n in range(1, max_len + 1):
        for i in range(len(words) - n + 1):
            if content[i] and content[i + n - 1]:
                at[tuple(words[i : i + n])].append(i)
    counts = {gram: len(places) for gram, places in at.items()}
    taken = [False] * len(words)
    out: list[tuple[int, int, int]] = []
    for gram in sorted((g for g, c in counts.items() if c >= 2), key=lambda g: (-len(g), g)):
        for i in at[gram]:
            if not any(taken[i : i + len(gram)]):
                taken[i : i + len(gram)] = [True] * len(gram)
                out.append((i, i + len(gram), counts[gram]))
    return sorted(out)
