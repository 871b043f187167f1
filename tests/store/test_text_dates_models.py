"""Pure units: cleaning user text, reading typed dates, model round-trips."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.dates import DateError, add_months, humanize_ago, parse_user_date
from store.models import ALL_MODELS, Application, JournalEntry
from store.sanitize import clean_line, clean_text

BAD = set(range(0x00, 0x09)) | set(range(0x0B, 0x20)) | {0x7F} | set(range(0x80, 0xA0)) | \
    set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
@settings(max_examples=300, deadline=None)
def test_clean_text_never_keeps_controls_and_is_idempotent(s):
    out = clean_text(s)
    assert not any(ord(c) in BAD for c in out)
    assert clean_text(out) == out
    assert "\r" not in out


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cf", "Cs", "Zl", "Zp")), max_size=200))
@settings(max_examples=200, deadline=None)
def test_printable_text_is_kept_word_for_word(s):
    assert clean_text(s) == unicodedata.normalize("NFC", s)


@pytest.mark.parametrize("raw, expected", [
    ("a\x1b]52;c;aGFja2Vk\x07b", "ab"),
    ("a\x1b]0;title\x1b\\b", "ab"),
    ("a\x1b[31mred\x1b[0m", "ared"),
    ("x\x1bPdcs payload\x1b\\y", "xy"),
    ("8bit\x9b31mcsi", "8bitcsi"),
    ("keep\ttab\nand newline", "keep\ttab\nand newline"),
    ("crlf\r\nline", "crlf\nline"),
    ("bidi \u202eevil\u202c", "bidi evil"),
    ("unterminated \x1b]52;c;xx\nnext line kept", "unterminated \nnext line kept"),
    ("[/] [@click=app.quit]x[/]", "[/] [@click=app.quit]x[/]"),
    ("x" * 300_000, "x" * 300_000),
])
def test_clean_text_cases(raw, expected):
    assert clean_text(raw) == expected


def test_clean_line_joins_lines():
    assert clean_line("  a\nb\tc  ") == "a b c"


TODAY = date(2026, 3, 2)  # a Monday


@pytest.mark.parametrize("text, expected", [
    ("2026-03-10", date(2026, 3, 10)),
    ("2026-3-9", date(2026, 3, 9)),
    ("today", TODAY),
    ("Tomorrow", date(2026, 3, 3)),
    ("yesterday", date(2026, 3, 1)),
    ("+3d", date(2026, 3, 5)),
    ("+2w", date(2026, 3, 16)),
    ("+1m", date(2026, 4, 2)),
    ("-1d", date(2026, 3, 1)),
    ("fri", date(2026, 3, 6)),
    ("monday", date(2026, 3, 9)),  # the next one, never today
    ("  Tue ", date(2026, 3, 3)),
])
def test_dates_accepted(text, expected):
    assert parse_user_date(text, TODAY) == expected


@pytest.mark.parametrize("text", ["", "31/12/68", "01/02/03", "10", "2024-02-30", "next friday", "0",
                                  "99999999999999999999", "+99999y", "May 17,2019", "interview at 3"])
def test_dates_refused_with_a_message_saying_what_is_accepted(text):
    with pytest.raises(DateError) as info:
        parse_user_date(text, TODAY)
    assert "YYYY-MM-DD" in str(info.value) or "not a real date" in str(info.value) or "out of range" in str(info.value)


def test_month_ends_clamp_and_humanize():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert humanize_ago(date(2025, 12, 1), TODAY) == "3 mo ago"
    assert humanize_ago(None, TODAY) == "never"
    assert humanize_ago(TODAY, TODAY) == "today"


@pytest.mark.parametrize("cls", ALL_MODELS)
def test_models_round_trip_both_paths(cls):
    obj = cls()
    d = obj.to_dict()
    d["from_the_future"] = [1, 2]
    for trusted in (False, True):
        back = cls.from_dict(d, trusted=trusted)
        assert back.to_dict() == d
        assert back.extra == {"from_the_future": [1, 2]}


def test_untrusted_values_are_coerced():
    a = Application.from_dict({"id": "x", "company": 5, "excitement": "4", "tags": "oops", "round_number": None})
    assert a.company == "5" and a.excitement == 4 and a.tags == [] and a.round_number == 0


def test_relief_and_belief_shift():
    e = JournalEntry(emotions=[{"name": "sad", "before": 80, "after": 40},
                               {"name": "anxious", "before": 60, "after": 50}],
                     thoughts=[{"text": "I'm unemployable", "belief": 90, "hot": True}], hot_belief_after=40)
    assert e.relief() == 25
    assert e.belief_shift() == 50
