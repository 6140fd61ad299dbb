"""Date patterns and their TIMEX3 normalisation against the publication date."""
from __future__ import annotations

import calendar
import datetime as dt
import re

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
DATE_PATTERN = re.compile(
    r"\b(?:(?P<month>" + "|".join(m.capitalize() for m in MONTHS) + r")(?:\s+(?P<day>\d{1,2}))?(?:,?\s+(?P<year>\d{4}))?"
    r"|(?P<weekday>" + "|".join(d.capitalize() for d in WEEKDAYS) + r")"
    r"|(?P<last>last[- ]month)|(?P<yearonly>(?:19|20)\d{2}))\b"
)


def normalise(match: re.Match, published: dt.date) -> str:
    """The TIMEX3 value of a matched date, resolved against ``published`` (past reading for weekdays)."""
    if match["weekday"]:
        back = (published.weekday() - WEEKDAYS[match["weekday"].lower()]) % 7 or 7
        return (published - dt.timedelta(days=back)).isoformat()
    if match["last"]:
        first = published.replace(day=1) - dt.timedelta(days=1)
        return f"{first.year:04d}-{first.month:02d}"
    if match["yearonly"]:
        return match["yearonly"]
    year = int(match["year"] or published.year)
    month = MONTHS[match["month"].lower()]
    if match["day"] and 1 <= int(match["day"]) <= calendar.monthrange(year, month)[1]:
        return f"{year:04d}-{month:02d}-{int(match['day']):02d}"
    return f"{year:04d}-{month:02d}"


def find_dates(text: str, published: dt.date) -> list[tuple[int, int, str]]:
    """(start, end, TIMEX3 value) of every date the patterns find."""
    return [(m.start(), m.end(), normalise(m, published)) for m in DATE_PATTERN.finditer(text)]
