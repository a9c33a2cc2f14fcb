"""Date expressions, normalised against the publication date at their own granularity.

"On Monday" in a story published on a Wednesday is two days before; "last month" is a month; "in March"
with no year is the latest March not after publication, unless the sentence looks ahead ("will", "next").
Values are ISO forms: ``2019-03-04`` (day), ``2019-W10`` (week), ``2019-03`` (month), ``2019`` (year).
Without a publication date, relative expressions are still found but get no value.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Final

from .._contract import TimeExpression
from .._parsed import Parsed

_MONTHS: Final = {
    m.lower(): i
    for i, m in enumerate(
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        1,
    )
}
_MONTHS.update({k[:3]: v for k, v in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_DAYS: Final = {
    d.lower(): i for i, d in enumerate(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])
}
_NUMBERS: Final = {
    w: i
    for i, w in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
    )
} | {"a": 1, "an": 1}

_MONTH_RE = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY_RE = r"(?P<wday>" + "|".join(_DAYS) + r")"
_NUM_RE = r"(?P<n>\d{1,3}|" + "|".join(_NUMBERS) + r")"
_YEAR_RE = r"(?P<year>(?:19|20)\d\d)"

Resolver = Callable[[re.Match[str], dt.date | None, bool], str | None]


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _month_of(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")]


def _date_full(m: re.Match[str], pub: dt.date | None, ahead: bool) -> str | None:
    try:
        return dt.date(int(m["year"]), _month_of(m["month"]), int(m["day"])).isoformat()
    except ValueError:
        return None


def _iso_date(m: re.Match[str], pub: dt.date | None, ahead: bool) -> str | None:
    try:
        return dt.date.fromisoformat(m.group(0)).isoformat()
    except ValueError:
        return None


def _month_day(m: re.Match[str], pub: dt.date | None, ahead: bool) -> str | None:
    if pub is None:
        return None
    month, day = _month_of(m["month"]), int(m["day"])
    year = pub.year
    if not ahead and (month, day) > (pub.month, pub.day):
        year -= 1
    elif ahead and (month, day) < (pub.month, pub.day):
        year += 1
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _month_year(m: re.Match[str], pub: dt.date | None, ahead: bool) -> str | None:
    return f"{int(m['year']):04d}-{_month_of(m['month']):02d}"


def _month_only(m: re.Match[str], pub: dt.date | None, ahead: bool) -> str | None:
    if pub is None:
        return None
    month, rel = _month_of(m["month"]), (m["rel"] or "").lower()
    year = pub.year
    if rel == "last" or (not rel and not ahead):
        year -= month > pub.month or (rel == "last" and month == pub.month)
    elif rel == "next" or ahead:
        year += month < pub.month or (rel == "next" and month == pub.month)
    return f"{year:04d}-{month:02d}"


def _year(m: re.Match[str], pub: dt.date | None, ahead: bool) -> str | None:
    return m["year"]


def _weekday(m: re.Match[str], pub: dt.date | None, ahead: bool) -> str | None:
    if pub is None:
        return None
    wday, rel = _DAYS[m["wday"].lower()], (m["rel"] or "").lower()
    if rel == "next" or (ahead and rel != "last"):
        delta = (wday - pub.weekday()) % 7 or 7
        return (pub + dt.timedelta(days=delta)).isoformat()
    back = (pub.weekday() - wday) % 7
    if rel == "last" and back == 0:
        back = 7
    return (pub - dt.timedelta(days=back)).isoformat()


_DEICTIC_DAYS: Final = {
    "today": 0,
    "tonight": 0,
    "yesterday": -1,
    "tomorrow": 1,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "last night": -1,
}


def _deictic(m: re.Match[str], pub: dt.date | None, ahead: bool) -> str | None:
    if pub is None:
        return None
    return (pub + dt.timedelta(days=_DEICTIC_DAYS[" ".join(m.group(0).lower().split())])).isoformat()


def _relative_unit(m: re.Match[str], pub: dt.date | None, ahead: bool) -> str | None:
    if pub is None:
        return None
    rel, unit = m["rel"].lower(), m["unit"].lower()
    delta = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[rel.split()[-1]]
    if unit == "week":
        return _iso_week(pub + dt.timedelta(weeks=delta))
    if unit == "month":
        year, month = _shift_month(pub.year, pub.month, delta)
        return f"{year:04d}-{month:02d}"
    return f"{pub.year + delta:04d}"


def _ago(m: re.Match[str], pub: dt.date | None, ahead: bool) -> str | None:
    if pub is None:
        return None
    raw = m["n"].lower()
    n = int(raw) if raw.isdigit() else _NUMBERS[raw]
    unit = m["unit"].lower().rstrip("s")
    if unit == "day":
        return (pub - dt.timedelta(days=n)).isoformat()
    if unit == "week":
        return _iso_week(pub - dt.timedelta(weeks=n))
    if unit == "month":
        year, month = _shift_month(pub.year, pub.month, -n)
        return f"{year:04d}-{month:02d}"
    return f"{pub.year - n:04d}"


def _earlier_this(m: re.Match[str], pub: dt.date | None, ahead: bool) -> str | None:
    if pub is None:
        return None
    unit = m["unit"].lower()
    if unit == "week":
        return _iso_week(pub)
    return f"{pub.year:04d}-{pub.month:02d}" if unit == "month" else f"{pub.year:04d}"


# Longest, most specific patterns first: an earlier match claims its characters.
_PATTERNS: Final[tuple[tuple[re.Pattern[str], Resolver], ...]] = tuple(
    (re.compile(p, re.IGNORECASE), f)
    for p, f in (
        (r"\b" + _MONTH_RE + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+" + _YEAR_RE + r"\b", _date_full),
        (r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_RE + r",?\s+" + _YEAR_RE + r"\b", _date_full),
        (r"\b(?:19|20)\d\d-[01]\d-[0-3]\d\b", _iso_date),
        (r"\b" + _MONTH_RE + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:%|,\s*\d|\d))", _month_day),
        (r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_RE + r"\b", _month_day),
        (r"\b" + _MONTH_RE + r",?\s+" + _YEAR_RE + r"\b", _month_year),
        (r"\b(?:(?P<rel>last|next|this)\s+)?" + _MONTH_RE + r"\b", _month_only),
        (r"\b(?:(?P<rel>last|next|this|on)\s+)?" + _DAY_RE + r"(?:'s)?\b", _weekday),
        (r"\b(?:today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night)\b", _deictic),
        (r"\bearlier\s+this\s+(?P<unit>week|month|year)\b", _earlier_this),
        (r"\b(?P<rel>last|past|previous|this|next|this\s+coming)\s+(?P<unit>week|month|year)\b", _relative_unit),
        (r"\b" + _NUM_RE + r"\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b", _ago),
        (r"\b(?:in|since|by|during|until|of)\s+" + _YEAR_RE + r"\b(?!\s*%)", _year),
    )
)
# Month names that are also ordinary words are only dates next to a day, a year or a "last"/"in".
_AMBIGUOUS_MONTHS: Final = frozenset({"may", "march", "jan", "mar", "jun", "aug", "sept", "sep", "oct", "dec"})
_AHEAD = re.compile(r"\b(will|shall|next|upcoming|due to|scheduled|plans? to|going to|expected to)\b", re.IGNORECASE)


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    dot = re.search(r"[.\n]", text[end:])
    return left, end + dot.start() if dot else len(text)


def _is_bare_ambiguous(m: re.Match[str], resolver: Resolver) -> bool:
    if resolver is not _month_only or m["rel"]:
        return False
    word = m["month"].lower().rstrip(".")
    if word not in _AMBIGUOUS_MONTHS and len(word) > 3:
        return False
    before = m.string[max(0, m.start() - 8) : m.start()].lower()
    return not re.search(r"\b(in|since|until|by|early|late|mid|of)\s+$", before) or not m.group(0)[0].isupper()


def find_times(parsed: Parsed) -> tuple[TimeExpression, ...]:
    """Every date expression in the text, with its value where the publication date allows one."""
    text, pub = parsed.text, parsed.published
    taken = bytearray(len(text))
    found: list[TimeExpression] = []
    for pattern, resolver in _PATTERNS:
        for m in pattern.finditer(text):
            start, end = m.span()
            if any(taken[start:end]) or _is_bare_ambiguous(m, resolver):
                continue
            if m.group(0).lower().startswith("on "):
                start += 3
            lo, hi = _sentence_bounds(text, start, end)
            value = resolver(m, pub, bool(_AHEAD.search(text[lo:hi])))
            taken[m.start() : end] = b"\x01" * (end - m.start())
            if m.group(0).lower().split()[0] in {"in", "since", "by", "during", "until", "of"}:
                start = m.start("year")
            found.append(TimeExpression(start=start, end=end, text=text[start:end], value=value))
    return tuple(sorted(found, key=lambda t: t.start))
