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
