"""Dates as users type them, and cadence arithmetic.

Accepted input is deliberately narrow so nothing is guessed: ``YYYY-MM-DD``, ``today``,
``tomorrow``, ``yesterday``, ``+3d``/``+2w``/``+1m``/``+1y`` (and ``-3d``), and weekday names
(``fri``, ``friday``: the next one, never today). dateutil would read ``31/12/68`` as 2068 and
``10`` as the 10th of this month; we say what is accepted instead.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from dateutil.relativedelta import relativedelta

from . import clock
from .errors import DateError as DateError  # raised here; importers know it from here

ACCEPTED = "YYYY-MM-DD, today, tomorrow, +3d, +2w, +1m or a weekday (fri)"

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_OFFSET_RE = re.compile(r"^([+-])\s*(\d{1,4})\s*([dwmy])$")
_ISO_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def parse_user_date(text: str, today: date | None = None) -> date:
    """Parse what a user typed into a date field. Raises :class:`DateError` with a clear message."""
    base = today or clock.today()
    raw = (text or "").strip().lower()
    if not raw:
        raise DateError(f"Empty date. Use {ACCEPTED}.")
    if raw in ("today", "now", "tod"):
        return base
    if raw in ("tomorrow", "tom", "tmr"):
        return base + timedelta(days=1)
    if raw == "yesterday":
        return base - timedelta(days=1)
    m = _OFFSET_RE.match(raw)
    if m:
        sign = 1 if m.group(1) == "+" else -1
        n = int(m.group(2)) * sign
        unit = m.group(3)
        try:
            if unit == "d":
                return base + timedelta(days=n)
            if unit == "w":
                return base + timedelta(weeks=n)
            moved: date = base + relativedelta(months=n) if unit == "m" else base + relativedelta(years=n)
            return moved
        except (OverflowError, ValueError) as exc:
            raise DateError(f"{text!r} is out of range.") from exc
    for i, name in enumerate(_WEEKDAYS):
        if len(raw) >= 3 and name.startswith(raw):
            ahead = (i - base.weekday()) % 7 or 7
            return base + timedelta(days=ahead)
    m = _ISO_RE.match(raw)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError as exc:
            raise DateError(f"{text.strip()!r} is not a real date ({exc}).") from exc
    raise DateError(f"Can't read {text.strip()[:40]!r} as a date. Use {ACCEPTED}.")


def parse_optional_date(text: str, today: date | None = None) -> date | None:
    """Like :func:`parse_user_date` but an empty field means no date."""
    if not (text or "").strip():
        return None
    return parse_user_date(text, today)


def from_iso(value: str | None) -> date | None:
    """Read a stored ``YYYY-MM-DD`` (or a timestamp: its date). Bad values read as ``None``."""
    if not value:
        return None
    try:
        if len(value) > 10:
            return datetime.fromisoformat(value).date()
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def from_iso_datetime(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        dt = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        d = from_iso(value)
        return datetime(d.year, d.month, d.day) if d else None
    return dt


def humanize_ago(day: date | None, today: date | None = None, *, compact: bool = False) -> str:
    """``today``, ``yesterday``, ``3d ago``, ``2w ago``, ``3 mo ago``, ``1 yr ago``; ``never`` for
    ``None``. ``compact`` (at most 7 wide, for table cells): ``1d ago``, ``3mo ago``, ``2yr ago``."""
    if day is None:
        return "never"
    base = today or clock.today()
    days = (base - day).days
    if days < 0:
        return humanize_until(day, base, compact=compact)
    if days == 0:
        return "today"
    if days == 1 and not compact:
        return "yesterday"
    gap = "" if compact else " "
    if days < 14:
        return f"{days}d ago"
    if days < 60:
        return f"{days // 7}w ago"
    if days < 365:
        return f"{days // 30}{gap}mo ago"
    return f"{days // 365}{gap}yr ago"


def humanize_until(day: date | None, today: date | None = None, *, compact: bool = False) -> str:
    """``today``, ``tomorrow``, ``in 5d``, ``in 3w``, ``in 2 mo``; past dates read as ago.
    ``compact``: ``in 1d``, ``in 2mo``, ``in 1yr``."""
    if day is None:
        return "—"
    base = today or clock.today()
    days = (day - base).days
    if days < 0:
        return humanize_ago(day, base, compact=compact)
    if days == 0:
        return "today"
    if days == 1 and not compact:
        return "tomorrow"
    gap = "" if compact else " "
    if days < 14:
        return f"in {days}d"
    if days < 60:
        return f"in {days // 7}w"
    if days < 365 or not compact:
        return f"in {days // 30}{gap}mo"
    return f"in {days // 365}yr"


# --------------------------------------------------------------------------- showing dates
#
# One style everywhere a date is shown: the day before the month, English names (never the locale's,
# so a snapshot or an exported file reads the same on every machine).

MONTH_ABBRS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")
WEEKDAY_ABBRS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _as_day(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return from_iso(value)


def short_date(value: date | str | None, today: date | None = None) -> str:
    """``2 Mar``; with the year when it is not this year's (``28 Aug 2025``); "" for no date.
    Takes a date or a stored ``YYYY-MM-DD``."""
    day = _as_day(value)
    if day is None:
        return ""
    text = f"{day.day} {MONTH_ABBRS[day.month - 1]}"
    return text if day.year == (today or clock.today()).year else f"{text} {day.year}"


def long_date(value: date | str | None) -> str:
    """``Mon 2 Mar 2026``; "" for no date. Takes a date or a stored ``YYYY-MM-DD``."""
    day = _as_day(value)
    if day is None:
        return ""
    return f"{WEEKDAY_ABBRS[day.weekday()]} {day.day} {MONTH_ABBRS[day.month - 1]} {day.year}"


def add_months(day: date, months: int) -> date:
    """Month arithmetic that clamps month ends (Jan 31 + 1 month = Feb 28/29)."""
    moved: date = day + relativedelta(months=months)
    return moved


# --------------------------------------------------------------------------- interviews: a day and maybe a time
#
# Stored as local "floating" time (no offset): ``YYYY-MM-DDTHH:MM``, or ``YYYY-MM-DD`` when only the day
# is known. Typed as a date the way :func:`parse_user_date` reads one (or ``3 Mar``, ``Mar 3``,
# ``3 Mar 2026``), optionally followed by a time (``14:00``, ``9am``, ``2:30pm``).

TIME_ACCEPTED = "HH:MM, 9am or 2:30pm"
INTERVIEW_ACCEPTED = "a date (fri, 2026-03-05, 3 Mar), then a time if you know it (14:00, 9am)"

_TIME_RE = re.compile(r"^(\d{1,2})(?:[:.h](\d{2}))?\s*([ap])\.?\s*m?\.?$|^(\d{1,2})[:.h](\d{2})$")
_TAIL_TIME_RE = re.compile(r"^(.*?)(?:\s+|\s*(?:,|\bat\b)\s*)"
                           r"(\d{1,2}(?:[:.h]\d{2})?\s*[ap]\.?\s*m?\.?|\d{1,2}[:.h]\d{2})$")
_DAY_MONTH_RE = re.compile(r"^(\d{1,2})\s*([a-z]{3,9})\.?(?:\s+(\d{4}))?$")
_MONTH_DAY_RE = re.compile(r"^([a-z]{3,9})\.?\s*(\d{1,2})(?:,?\s+(\d{4}))?$")


def parse_time(text: str) -> time:
    """A time of day as typed: ``14:00``, ``9:05``, ``9am``, ``2:30pm``, ``12pm`` (noon), ``12am``
    (midnight). A bare number (``10``) is refused: morning or evening is not guessed."""
    raw = (text or "").strip().lower().replace(" ", "")
    m = _TIME_RE.match(raw)
    if not m:
        raise DateError(f"Can't read {text.strip()[:20]!r} as a time. Use {TIME_ACCEPTED}.")
    if m.group(4) is not None:
        hour, minute = int(m.group(4)), int(m.group(5))
    else:
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        if not 1 <= hour <= 12:
            raise DateError(f"{text.strip()!r}: with am/pm the hour is 1 to 12.")
        hour = hour % 12 + (12 if m.group(3) == "p" else 0)
    if hour > 23 or minute > 59:
        raise DateError(f"{text.strip()!r} is not a time of day. Use {TIME_ACCEPTED}.")
    return time(hour, minute)


def _month(name: str) -> int | None:
    for i, full in enumerate(MONTH_NAMES):
        if full.lower().startswith(name) and len(name) >= 3:
            return i + 1
    return None


def _day_month(raw: str, base: date) -> date | None:
    """``3 mar``, ``mar 3``, ``3 march 2026``; without a year, the next such day from ``base`` on."""
    m = _DAY_MONTH_RE.match(raw)
    parts = (m.group(1), m.group(2), m.group(3)) if m else None
    if parts is None:
        m = _MONTH_DAY_RE.match(raw)
        parts = (m.group(2), m.group(1), m.group(3)) if m else None
    if parts is None:
        return None
    month = _month(parts[1])
    if month is None:
        return None
    day_n, year = int(parts[0]), int(parts[2]) if parts[2] else None
    try:
        if year is not None:
            return date(year, month, day_n)
        found = date(base.year, month, day_n)
        return found if found >= base else date(base.year + 1, month, day_n)
    except ValueError as exc:
        raise DateError(f"{raw!r} is not a real date ({exc}).") from exc


def parse_interview(text: str, today: date | None = None) -> tuple[date, time | None]:
    """What was typed into an interview field: (day, time or ``None``). Raises :class:`DateError`."""
    base = today or clock.today()
    raw = " ".join((text or "").strip().lower().split())
    if not raw:
        raise DateError(f"Empty date. Use {INTERVIEW_ACCEPTED}.")
    iso = re.match(r"^(\d{4}-\d{1,2}-\d{1,2})t(\d{1,2}:\d{2})(?::\d{2})?$", raw)
    day_text, time_text = (iso.group(1), iso.group(2)) if iso else (raw, "")
    if not iso:
        m = _TAIL_TIME_RE.match(raw)
        if m and m.group(1).strip():
            day_text, time_text = m.group(1).strip(), m.group(2)
    try:
        day = _day_month(day_text, base) or parse_user_date(day_text, base)
    except DateError:
        raise DateError(f"Can't read {text.strip()[:40]!r} as an interview date. Use {INTERVIEW_ACCEPTED}.") from None
    return day, parse_time(time_text) if time_text else None


def interview_value(day: date, at: time | None) -> str:
    """How an interview is stored: ``2026-03-05T10:30``, or ``2026-03-05`` with no time."""
    return f"{day.isoformat()}T{at.hour:02d}:{at.minute:02d}" if at is not None else day.isoformat()


def interview_parts(value: str | None) -> tuple[date, time | None] | None:
    """A stored interview read back; ``None`` when there is none or it can't be read."""
    if not value:
        return None
    if len(value) <= 10:
        day = from_iso(value)
        return (day, None) if day else None
    dt = from_iso_datetime(value)
    return (dt.date(), time(dt.hour, dt.minute)) if dt else None


def interview_label(value: str | None) -> str:
    """``Thu 5 Mar 2026, 10:30`` (or without the time); "" for none."""
    parts = interview_parts(value)
    if parts is None:
        return ""
    day, at = parts
    return long_date(day) + (f", {at.hour:02d}:{at.minute:02d}" if at is not None else "")
