"""Date expressions and their values, normalised against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from presslens.analyzers.times import find_times

WEDNESDAY = dt.date(2019, 3, 6)


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("The minister resigned on Monday.", "Monday", "2019-03-04"),
        ("The minister resigned on Wednesday.", "Wednesday", "2019-03-06"),
        ("She will travel next Friday.", "next Friday", "2019-03-08"),
        ("He left last Wednesday.", "last Wednesday", "2019-02-27"),
        ("The vote was held yesterday.", "yesterday", "2019-03-05"),
        ("Talks resume tomorrow.", "tomorrow", "2019-03-07"),
        ("It happened two days ago.", "two days ago", "2019-03-04"),
        ("It happened 3 weeks ago.", "3 weeks ago", "2019-W07"),
        ("Prices rose last week.", "last week", "2019-W09"),
        ("Prices rose last month.", "last month", "2019-02"),
        ("Prices rose last year.", "last year", "2018"),
        ("Earlier this month the board met.", "Earlier this month", "2019-03"),
        ("The deal was signed on March 4, 2017.", "March 4, 2017", "2017-03-04"),
        ("The deal was signed on 4 April 2017.", "4 April 2017", "2017-04-04"),
        ("The deal was signed on 2017-04-04.", "2017-04-04", "2017-04-04"),
        ("The deal was signed in November 2018.", "November 2018", "2018-11"),
        ("Talks began last November.", "last November", "2018-11"),
        ("Talks began in November.", "November", "2018-11"),
        ("Talks began in February.", "February", "2019-02"),
        ("Talks will begin in April.", "April", "2019-04"),
        ("The law was passed in 2015.", "2015", "2015"),
        ("Three years ago the mine closed.", "Three years ago", "2016"),
    ],
)
def test_time_values(parse, sentence: str, expression: str, value: str) -> None:
    times = find_times(parse(sentence, WEDNESDAY))
    assert [(t.text, t.value) for t in times] == [(expression, value)]


@pytest.mark.parametrize(
    "sentence",
    [
        "She may resign.",
        "The march was peaceful.",
        "Turnout was 2015 voters.",
        "Costs rose 12%.",
    ],
)
def test_words_that_only_look_like_dates_are_not_times(parse, sentence: str) -> None:
    assert find_times(parse(sentence, WEDNESDAY)) == ()


def test_relative_dates_without_publication_date_have_no_value(parse) -> None:
    times = find_times(parse("The minister resigned on Monday, not on March 4, 2017."))
    assert [(t.text, t.value) for t in times] == [("Monday", None), ("March 4, 2017", "2017-03-04")]
