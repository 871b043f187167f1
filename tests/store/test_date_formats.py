"""One way to show a date (store/dates.py): the day before the month, English names."""

from __future__ import annotations

from datetime import date

import pytest

from store import dates, outreach
from store.dates import long_date, short_date

TODAY = date(2026, 3, 2)


@pytest.mark.parametrize("value,expected", [
    (date(2026, 3, 2), "2 Mar"),
    (date(2026, 12, 31), "31 Dec"),
    ("2026-03-14", "14 Mar"),
    (date(2025, 8, 28), "28 Aug 2025"),
    ("2027-01-05", "5 Jan 2027"),
    (None, ""),
    ("", ""),
    ("not a date", ""),
])
def test_short_date(value, expected):
    assert short_date(value, TODAY) == expected


def test_short_date_defaults_to_the_clock_for_this_year():
    assert short_date(date(2026, 6, 1)) == "1 Jun"  # the frozen clock says 2026
    assert short_date(date(2025, 6, 1)) == "1 Jun 2025"


@pytest.mark.parametrize("value,expected", [
    (date(2026, 3, 2), "Mon 2 Mar 2026"),
    ("2026-02-25", "Wed 25 Feb 2026"),
    (None, ""),
    ("junk", ""),
])
def test_long_date(value, expected):
    assert long_date(value) == expected


def test_messages_keep_their_own_spelled_out_dates():
    assert outreach.letter_date(date(2026, 2, 3)) == "3 February 2026"
    assert outreach.day_date(date(2026, 2, 27)) == "Friday 27 February"


def test_one_of_each_name_in_store():
    # the formatting helpers live in store.dates only
    from store import contacts, today

    for module in (contacts, today, outreach):
        for name in ("short_date", "long_date"):
            fn = getattr(module, name, None)
            assert fn is None or fn is getattr(dates, name), f"{module.__name__}.{name}"
    assert not hasattr(outreach, "link_application")
