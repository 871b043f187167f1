"""What the board's form and close dialog share: dates as you type them (read, checked, shown
back), the date field, the rows' layout and the CSS."""

from __future__ import annotations

from datetime import date

from textual.widget import Widget
from textual.widgets import Input

from store import clock
from store.dates import (
    DateError,
    interview_label,
    interview_parts,
    interview_value,
    long_date,
    parse_interview,
    parse_user_date,
)
from widgets.field_row import FieldRow

OUTCOME_HELP = {
    "accepted": "you took the offer",
    "rejected": "they said no",
    "ghosted": "they went silent",
    "withdrew": "you pulled out",
    "declined": "you turned down their offer",
    "role closed": "the role was pulled or filled",
}


def date_hint(text: str, name: str = "") -> tuple[str, bool]:
    """What a typed date field means: (message, ok)."""
    if not text.strip():
        return "", True
    try:
        day = parse_user_date(text)
    except DateError as exc:
        return str(exc), False
    problem = past_only(name, day)
    return (problem, False) if problem else (f"→ {long_date(day)}", True)


#: Fields that record something that already happened: a future date is a slip (``fri`` means
#: the next Friday), so the form asks instead of saving it.
PAST_ONLY = {"applied_on": "applied", "outcome_on": "it ended", "close-date": "it ended"}


def past_only(name: str, day: date | None) -> str:
    if day is None or name not in PAST_ONLY or day <= clock.today():
        return ""
    return (f"{long_date(day)} is in the future. When {PAST_ONLY[name]}? "
            "Use a past date, e.g. -3d or YYYY-MM-DD.")


class DateInput(Input):
    """A date field: anything :func:`parse_user_date` reads; the hint beside it says what it read."""


class InterviewInput(Input):
    """The interview field: a day and maybe a time (:func:`parse_interview`), read back beside it."""


def read_interview(text: str) -> str | None:
    """What the interview field holds, as stored (``None``: empty). Raises :class:`DateError`."""
    return interview_value(*parse_interview(text)) if text.strip() else None


def interview_hint(text: str) -> tuple[str, bool]:
    """What a typed interview field means: (message, ok)."""
    try:
        value = read_interview(text)
    except DateError as exc:
        return str(exc), False
    return (f"→ {interview_label(value)}", True) if value else ("", True)


def interview_text(value: str | None) -> str:
    """A stored interview as the form shows it for editing (``2026-03-05 10:30``)."""
    parts = interview_parts(value)
    if parts is None:
        return ""
    day, at = parts
    return day.isoformat() + (f" {at.hour:02d}:{at.minute:02d}" if at is not None else "")


#: The form's widest; narrower terminals (80x24 among them) are covered by it whole.
FORM_MAX_WIDTH = 110

FORM_CSS = """
ApplicationForm, CloseDialog { align: center middle; }
ApplicationForm.-covers { background: $background; }
#form-box {
    width: 100%; max-width: 110; height: 100%;
    border: round $primary; background: $surface; padding: 0 1;
}
#form-title { text-style: bold; height: 1; }
#form-scroll { height: 1fr; }
.form-row { height: auto; min-height: 1; margin-bottom: 0; }
.form-row { color: $foreground 80%; }
.form-row > .-first { margin-left: 14; }
.form-row > .round-sep { color: $foreground; }
.form-row > Input { width: 1fr; }
.form-row > DateInput { width: 18; }
.form-row > InterviewInput { width: 22; }
.form-row > Input.narrow { width: 6; }
.form-row > Select, .form-row > LightSelect { width: 24; }
.form-row > .hint { width: 1fr; height: auto; padding-left: 1; color: $foreground 70%; }
.form-row > .hint.-error { color: $warning; text-style: bold; }
.form-row > TextArea { width: 1fr; height: 4; background: $boost; }
.form-row > Input, .form-row > Select, .form-row > LightSelect { background: $boost; }
.form-row > Input:focus, .form-row > TextArea:focus, .form-row > LightSelect:focus { background: $primary 20%; }
.form-row > .round-sep { width: 3; padding: 0 1; }
.form-error { color: $warning; text-style: bold; height: auto; }
.form-error.-hidden { display: none; }
.hint.-hidden { display: none; }
#form-keys { height: 1; color: $foreground 60%; }
#close-box {
    width: 72; max-width: 100%; height: auto; max-height: 100%;
    border: round $primary; background: $surface; padding: 0 1;
}
#close-box OptionList { height: auto; max-height: 8; }
#close-box .form-row > .-first { margin-left: 10; }
"""


def row(label: str, *widgets: Widget, row_id: str | None = None) -> FieldRow:
    """A form line: ``label`` drawn left of ``widgets`` (one widget for both: see :mod:`widgets.field_row`)."""
    return FieldRow(label, *widgets, classes="form-row", id=row_id)


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
