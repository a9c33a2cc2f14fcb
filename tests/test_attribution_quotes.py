"""Quotation marks: pairing, missing marks, multi-paragraph quotes, and what counts as speech."""

from __future__ import annotations

import pytest

from presslens.analyzers.attribution.quotes import find_quotes, is_speech


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # straight and curly marks
        ('"We will not back down," she said.', ['"We will not back down,"']),
        ("“We will not back down,” she said.", ["“We will not back down,”"]),
        # doubled single marks, as some wire copy types them
        ("''We lost,'' he said.", ["''We lost,''"]),
        # a quote split around its cue is two quotes; the analyzer joins them later
        ("“A long night,” he said, “and a longer day.”", ["“A long night,”", "“and a longer day.”"]),
        # closing mark missing: the quote runs to the paragraph's end
        ("He said: “We will fight on and on\n\nNext item.", ["“We will fight on and on"]),
        # opening mark missing: the quote starts at the paragraph
        ("We will fight on and on,” he said.", ["We will fight on and on,”"]),
        # ... but not before a sentence that frames words: a quote never holds its own "said" (a
        # regression: the union's unquoted first sentence, "said" and all, read as one quote, so no report)
        ("We will not pay, said the union in a statement. Not now, not ever.”", ["Not now, not ever.”"]),
        # ... nor before a report of its own ("told reporters that ...")
        (
            "The harbour master told reporters that the cranes were unsafe. We will not stop,” they chanted.",
            ["We will not stop,”"],
        ),
        # an opener while a quote is open closes the first one where the second begins
        ("“First part. “Second part,” she said.", ["“First part.", "“Second part,”"]),
        # a quote continued over a paragraph break opens again without closing the first paragraph
        (
            "“The port will close at dawn.\n\n“Nobody will be allowed in,” the harbour master said.",
            ["“The port will close at dawn.\n\n“Nobody will be allowed in,”"],
        ),
        # non-breaking spaces around marks read like spaces
        ("She said\xa0“we are ready for the vote”\xa0today.", ["“we are ready for the vote”"]),
        ("No quotes here at all.", []),
        # British style: single marks, curly or straight, when the text has no double mark
        ("‘We will not back down,’ she said.", ["‘We will not back down,’"]),
        ("'We will not back down,' she said. 'Not now.'", ["'We will not back down,'", "'Not now.'"]),
        # ... with apostrophes inside words, before a year and after a plural left alone
        ("‘It’s the council’s call,’ she said.", ["‘It’s the council’s call,’"]),
        (
            "He said: 'We defend the voters' rights and the '90s reforms.'",
            ["'We defend the voters' rights and the '90s reforms.'"],
        ),
        ("The voters’ anger is plain, and the ’90s are over.", []),
        # ... continued over a paragraph break
        (
            "He said: 'The port will close.\n\n'Nobody will be allowed in.'",
            ["'The port will close.\n\n'Nobody will be allowed in.'"],
        ),
        # single marks inside a text quoted with double marks stay apostrophes or inner quotes
        ("\"He called it 'a farce',\" she said. It's over.", ["\"He called it 'a farce',\""]),
    ],
)
def test_find_quotes(text: str, expected: list[str]) -> None:
    assert [text[q.start : q.end] for q in find_quotes(text)] == expected


@pytest.mark.parametrize(
    ("text", "opened", "closed"),
    [
        ("“We will fight on and on,” he said.", True, True),
        ("We will fight on and on,” he said.", False, True),
        ("He said: “We will fight on and on", True, False),
    ],
)
def test_missing_marks_are_recorded(text: str, opened: bool, closed: bool) -> None:
    (quote,) = find_quotes(text)
    assert (quote.opened, quote.closed) == (opened, closed)


@pytest.mark.parametrize(
    ("text", "speech"),
    [
        ("“We will not back down from this fight,” she said.", True),
        ("He asked: “Why?”", False),
        ("He asked: “Why now?”", True),
        # film and book titles, nicknames, scare quotes and single words are not speech
        ("She hosted “Saturday Night Live” twice.", False),
        ("He read “The Long Road to the Harbour” on the train.", False),
        ("The so-called “reform” passed.", False),
        ("The mayor, known as “the Bulldozer,” arrived.", False),
        ("They backed “comprehensive tax reform.”", False),
        # a cry or a hashtag makes a title-cased run a chant or a post, not a name
        ("They chanted “Stop The Toll Now!”", True),
        ("She posted “Thank You Harbour City #TollFree” at noon.", True),
    ],
)
def test_is_speech(text: str, speech: bool) -> None:
    (quote,) = find_quotes(text)
    assert is_speech(text, quote) is speech
