"""calendar_range: the first and last day a TIMEX3 value covers, for sorting mixed granularities."""
from __future__ import annotations

from datetime import date

import pytest

from diplonews.validation.timex import calendar_range


@pytest.mark.parametrize("value, first, last", [
    ("2025-11-12", date(2025, 11, 12), date(2025, 11, 12)),
    ("2025-W46", date(2025, 11, 10), date(2025, 11, 16)),
    ("2020-W53", date(2020, 12, 28), date(2021, 1, 3)),
    ("2025-02", date(2025, 2, 1), date(2025, 2, 28)),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
    ("2025-12", date(2025, 12, 1), date(2025, 12, 31)),
    ("2025", date(2025, 1, 1), date(2025, 12, 31)),
    ("2025-Q4", date(2025, 10, 1), date(2025, 12, 31)),
    ("2025-H1", date(2025, 1, 1), date(2025, 6, 30)),
    ("2025-SU", date(2025, 6, 1), date(2025, 8, 31)),
    ("2025-WI", date(2025, 12, 1), date(2026, 2, 28)),
    ("199X", date(1990, 1, 1), date(1999, 12, 31)),
    ("19XX", date(1900, 1, 1), date(1999, 12, 31)),
    ("2025-03-04T10:30", date(2025, 3, 4), date(2025, 3, 4)),
    ("2025-03-04TEV", date(2025, 3, 4), date(2025, 3, 4)),
])
def test_calendar_values_give_their_days(value, first, last):
    assert calendar_range(value) == (first, last)


@pytest.mark.parametrize("value", ["P3Y", "PT2H", "XXXX-WE", "PRESENT_REF", "FUTURE_REF", "unresolvable", "2025-02-30", "2021-W53", "", None])
def test_what_is_no_stretch_of_the_calendar_has_no_range(value):
    assert calendar_range(value) is None
