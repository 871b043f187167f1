"""Interviews: a day and maybe a time, typed as people write them, stored as local floating time."""

from __future__ import annotations

from datetime import date, time

import pytest

from store.dates import DateError, interview_label, interview_parts, interview_value, parse_interview, parse_time
from store.models import Application

TODAY = date(2026, 3, 2)  # a Monday


@pytest.mark.parametrize("text,expected", [
    ("14:00", time(14, 0)), ("9:05", time(9, 5)), ("09:30", time(9, 30)), ("0:00", time(0, 0)),
    ("9am", time(9, 0)), ("9 am", time(9, 0)), ("2:30pm", time(14, 30)), ("2:30 PM", time(14, 30)),
    ("12pm", time(12, 0)), ("12am", time(0, 0)), ("11.15", time(11, 15)), ("9 a.m.", time(9, 0)),
])
def test_parse_time_reads_the_common_forms(text, expected):
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["", "10", "25:00", "9:75", "13pm", "0am", "noonish", "9:5"])
def test_parse_time_refuses_what_it_would_have_to_guess(text):
    with pytest.raises(DateError):
        parse_time(text)


@pytest.mark.parametrize("text,expected", [
    ("fri 14:00", (date(2026, 3, 6), time(14, 0))),
    ("2026-03-05 10:30", (date(2026, 3, 5), time(10, 30))),
    ("3 Mar 9am", (date(2026, 3, 3), time(9, 0))),
    ("Mar 3 2:30pm", (date(2026, 3, 3), time(14, 30))),
    ("5 March 2026", (date(2026, 3, 5), None)),
    ("1 Feb", (date(2027, 2, 1), None)),  # without a year: the next one
    ("tomorrow at 9am", (date(2026, 3, 3), time(9, 0))),
    ("fri, 16:15", (date(2026, 3, 6), time(16, 15))),
    ("2026-03-05T10:30", (date(2026, 3, 5), time(10, 30))),
    ("2026-03-05", (date(2026, 3, 5), None)),
    ("+3d", (date(2026, 3, 5), None)),
])
def test_parse_interview(text, expected):
    assert parse_interview(text, TODAY) == expected


@pytest.mark.parametrize("text", ["", "soon", "fri 25:00", "fri 10", "31 Feb", "2026-02-30 10:00", "9am"])
def test_parse_interview_refuses_with_a_message(text):
    with pytest.raises(DateError) as err:
        parse_interview(text, TODAY)
    assert str(err.value)


def test_stored_form_and_label():
    assert interview_value(date(2026, 3, 5), time(10, 30)) == "2026-03-05T10:30"
    assert interview_value(date(2026, 3, 5), None) == "2026-03-05"
    assert interview_parts("2026-03-05T10:30") == (date(2026, 3, 5), time(10, 30))
    assert interview_parts("2026-03-05") == (date(2026, 3, 5), None)
    assert interview_parts("junk") is None and interview_parts(None) is None
    assert interview_label("2026-03-05T10:30") == "Thu 5 Mar 2026, 10:30"
    assert interview_label("2026-03-05") == "Thu 5 Mar 2026"
    assert interview_label(None) == ""


def test_application_interview_round_trips_and_old_records_load_without_it():
    a = Application(company="Acme", role="Dev", interview_at="2026-03-05T10:30")
    back = Application.from_dict(a.to_dict())
    assert back.interview_at == "2026-03-05T10:30" and back == a
    old = a.to_dict()
    del old["interview_at"]
    loaded = Application.from_dict(old)
    assert loaded.interview_at is None and not loaded.extra
