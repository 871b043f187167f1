"""Dates as spreadsheets and trackers write them.

Read: ISO (``2026-03-01``, ``2026-03-01T10:00:00Z``, ``2026/03/01``), numbers with slashes, dots or
dashes (``3/1/2026``, ``01.03.2026``, ``1-3-26``, with an optional ``, 6:14 PM``), month names in
English, Spanish or German (``1 Mar 2026``, ``March 1, 2026``, ``Sunday, March 1, 2026``,
``12 ene. 2024``) and Excel's serial day numbers (``46082``).

Day and month are never guessed silently: a dotted date is day-first (as everywhere dots are used),
a number over 12 settles the order, and a whole column is read one way (:func:`infer_order`), with
the caller told when every date in it could be read both ways.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from .. import clock

EMPTY = frozenset({"", "-", "—", "–", "n/a", "na", "none", "null", "nil", "?"})

MONTHS: dict[str, int] = {}
for _i, _names in enumerate([
    "january jan enero ene januar jän", "february feb febrero februar", "march mar marzo märz mär mrz",
    "april apr abril abr", "may mayo mai", "june jun junio juni", "july jul julio juli",
    "august aug agosto ago", "september sep sept septiembre set", "october oct octubre oktober okt",
    "november nov noviembre", "december dec diciembre dic dezember dez",
], start=1):
    for _n in _names.split():
        MONTHS[_n] = _i

_TIME = r"(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp]\.?\s?[Mm]\.?)?"
_NUMERIC = re.compile(r"^(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})\.?(?:,?\s+" + _TIME + r")?$")
_YMD = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:,?\s+" + _TIME + r")?$")
_WEEKDAY = r"(?:[^\W\d_]+\.?,?\s+)?"
_DMY_NAMED = re.compile(
    r"^" + _WEEKDAY + r"(\d{1,2})(?:st|nd|rd|th)?\.?(?:\s+de)?[\s\-]+([^\W\d_]+)\.?(?:\s+de)?[\s,\-]+(\d{4}|\d{2})"
    r"(?:,?\s+" + _TIME + r")?$")
_MDY_NAMED = re.compile(
    r"^" + _WEEKDAY + r"([^\W\d_]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+" + _TIME + r")?$")
_SERIAL = re.compile(r"^(\d{5})(?:\.(\d+))?$")
_EXCEL_EPOCH = date(1899, 12, 30)


@dataclass(frozen=True, slots=True)
class When:
    """A date read from a file, with its time when the file had one."""

    day: date
    moment: datetime | None = None

    def iso(self) -> str:
        """``YYYY-MM-DD``, or a timestamp with offset when the time is known (stage history)."""
        if self.moment is None:
            return self.day.isoformat()
        return self.moment.isoformat(timespec="seconds")


def is_empty(text: str) -> bool:
    return (text or "").strip().casefold() in EMPTY


def month_number(word: str) -> int | None:
    w = word.casefold().strip(".")
    return MONTHS.get(w) or (MONTHS.get(w[:3]) if len(w) > 3 else None)


def _year(text: str) -> int:
    y = int(text)
    if y < 100:  # two digits: this century unless that is more than a year ahead
        y += 2000 if y <= clock.today().year % 100 + 1 else 1900
    return y


def _clock_time(groups: tuple[str | None, ...]) -> time | None:
    hour_s, minute_s, second_s, ampm = groups
    if hour_s is None or minute_s is None:
        return None
    hour, minute, second = int(hour_s), int(minute_s), int(second_s or 0)
    if ampm:
        pm = ampm.casefold().startswith("p")
        if not 1 <= hour <= 12:
            raise ValueError("hour")
        hour = hour % 12 + (12 if pm else 0)
    return time(hour, minute, second)


def _when(day: date, at: time | None) -> When:
    if at is None:
        return When(day)
    tz = clock.now().tzinfo
    return When(day, datetime.combine(day, at, tzinfo=tz))


def _iso(raw: str) -> When | None:
    if not re.match(r"^\d{4}-\d{1,2}-\d{1,2}", raw):
        return None
    text = raw.replace(" UTC", "+00:00").replace("Z", "+00:00").replace("z", "+00:00")
    if len(text) <= 10:
        y, m, d = (int(p) for p in text.split("-"))
        return When(date(y, m, d))
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=clock.now().tzinfo)
    return When(moment.date(), moment)


def numeric_parts(text: str) -> tuple[int, int, str] | None:
    """(first, second, separator) of a numeric date like ``3/1/2026``; None for any other form."""
    m = _NUMERIC.match(" ".join((text or "").split()))
    return (int(m.group(1)), int(m.group(3)), m.group(2)) if m else None


def parse_when(text: str, order: str = "mdy") -> When | None:
    """Read one date (see the module docstring). ``order`` (``mdy`` or ``dmy``) settles a numeric
    date whose numbers could be either. Raises ValueError for what looks like a date but is not
    one (``31/02/2026``); returns None for an empty cell and for text that is not a date."""
    raw = " ".join((text or "").split())
    if is_empty(raw):
        return None
    found = _iso(raw)
    if found is not None:
        return found
    m = _NUMERIC.match(raw)
    if m:
        a, b, sep = int(m.group(1)), int(m.group(3)), m.group(2)
        day_first = sep == "." or a > 12 or (b <= 12 and order == "dmy")
        d, mo = (a, b) if day_first else (b, a)
        return _when(date(_year(m.group(4)), mo, d), _clock_time(m.groups()[4:8]))
    m = _YMD.match(raw)
    if m:
        return _when(date(int(m.group(1)), int(m.group(2)), int(m.group(3))), _clock_time(m.groups()[3:7]))
    m = _DMY_NAMED.match(raw)
    if m and month_number(m.group(2)):
        mo = month_number(m.group(2)) or 0
        return _when(date(_year(m.group(3)), mo, int(m.group(1))), _clock_time(m.groups()[3:7]))
    m = _MDY_NAMED.match(raw)
    if m and month_number(m.group(1)):
        mo = month_number(m.group(1)) or 0
        return _when(date(int(m.group(3)), mo, int(m.group(2))), _clock_time(m.groups()[3:7]))
    m = _SERIAL.match(raw)
    if m and 20000 <= int(m.group(1)) <= 80000:
        day = _EXCEL_EPOCH + timedelta(days=int(m.group(1)))
        if m.group(2):
            seconds = round(float("0." + m.group(2)) * 86400)
            return _when(day, time(min(23, seconds // 3600), (seconds // 60) % 60))
        return When(day)
    return None


def infer_order(values: list[str]) -> tuple[str, bool]:
    """How to read a column's numeric dates: (``mdy`` or ``dmy``, ambiguous). A first number over 12
    means day-first, a second over 12 month-first; ambiguous is True when no value settles it and
    at least one could be read both ways (the caller says which way it read them)."""
    dmy = mdy = could_be_both = False
    for v in values:
        parts = numeric_parts(v)
        if parts is None or parts[2] == ".":
            continue
        a, b, _sep = parts
        if a > 12:
            dmy = True
        elif b > 12:
            mdy = True
        elif a != b:
            could_be_both = True
    if dmy and not mdy:
        return "dmy", False
    if mdy and not dmy:
        return "mdy", False
    return "mdy", could_be_both or (dmy and mdy)
