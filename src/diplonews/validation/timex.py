"""Well-formedness of TIMEX3 values (ISO 8601 subsets TimeML uses) for each timex_type."""
from __future__ import annotations

import re
from datetime import date

UNRESOLVABLE = "unresolvable"
_REFS = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_CALENDAR = re.compile(r"^\d{4}(-(0[1-9]|1[0-2]))?$|^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$|^\d{4}-(Q[1-4]|H[12]|SP|SU|FA|WI)$|^\d{2,3}X{1,2}$")
_TIME = re.compile(r"^(.+)T(([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?|MO|AF|EV|NI)$")
_DURATION = re.compile(r"^P(?=.)(\d+(\.\d+)?Y|X+Y)?(\d+(\.\d+)?M|X+M)?(\d+(\.\d+)?W|X+W)?(\d+(\.\d+)?D|X+D)?(T(?=.)(\d+H)?(\d+M)?(\d+S)?)?$")
_SET_DATE = re.compile(r"^XXXX(-(\d{2}|XX))?(-(\d{2}|XX))?(-W\d{2})?(-WE)?$")


def _is_date(value: str) -> bool:
    if value in _REFS or _CALENDAR.match(value):
        return True
    day = _DAY.match(value)
    if not day:
        return False
    try:
        date(int(day[1]), int(day[2]), int(day[3]))
    except ValueError:
        return False
    return True


def _is_time(value: str) -> bool:
    match = _TIME.match(value)
    return bool(match) and _is_date(match[1])


def _is_set(value: str) -> bool:
    return bool(_DURATION.match(value) or _SET_DATE.match(value))


CHECKS = {"DATE": _is_date, "TIME": _is_time, "DURATION": lambda v: bool(_DURATION.match(v)), "SET": _is_set}


def is_valid_value(timex_type: str, value: str) -> bool:
    """Whether ``value`` is a well-formed TIMEX3 value of ``timex_type`` (or the literal "unresolvable")."""
    return value == UNRESOLVABLE or CHECKS[timex_type](value)


_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}  # meteorological, northern hemisphere
_PARTS = {**{f"Q{q}": (3 * q - 2, 3 * q) for q in range(1, 5)}, "H1": (1, 6), "H2": (7, 12), **_SEASONS}


def _months(year: int, first: int, last: int) -> tuple[date, date]:
    """The first day of month ``first`` to the last day of month ``last`` (months past 12 run into the next year)."""
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    after = date(end_year + end_month // 12, end_month % 12 + 1, 1)
    return date(year, first, 1), date.fromordinal(after.toordinal() - 1)


def calendar_range(value: str | None) -> tuple[date, date] | None:
    """The first and last day a calendar TIMEX3 value covers, so that values of mixed
    granularity sort and compare as dates ("2025-W46" is 2025-11-10 to 2025-11-16, "199X"
    the 1990s, "2025-WI" December 2025 to February 2026); a time of day gives its day.
    None for what is no stretch of the calendar: durations, sets, the *_REF values,
    "unresolvable" and malformed values."""
    match = _TIME.match(value or "")
    value = match[1] if match else value
    if not value or not _is_date(value) or value in _REFS:
        return None
    if "X" in value:
        return date(int(value.replace("X", "0").ljust(4, "0")), 1, 1), date(int(value.replace("X", "9").ljust(4, "9")), 12, 31)
    year, _, rest = value.partition("-")
    if not rest:
        return _months(int(year), 1, 12)
    if rest in _PARTS:
        return _months(int(year), *_PARTS[rest])
    if rest.startswith("W"):
        try:
            monday = date.fromisocalendar(int(year), int(rest[1:]), 1)
        except ValueError:  # week 53 of a year that has 52
            return None
        return monday, date.fromordinal(monday.toordinal() + 6)
    if len(rest) == 2:
        return _months(int(year), int(rest), int(rest))
    day = date.fromisoformat(value)
    return day, day
