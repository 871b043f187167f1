"""Exporting contacts: a spreadsheet-safe CSV, and an iCalendar file of next due dates.

CSV: every cell that a spreadsheet would read as a formula (starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return) is prefixed with ``'``, and terminal control characters are
stripped. ICS: one all-day event per contact that has a next due date, written with the
``icalendar`` library. A date already past goes on today (or the next working day at a weekend),
since a calendar never shows an event in the past; each event keeps one UID across exports, with
SEQUENCE and LAST-MODIFIED so a calendar that imports it again moves the event instead of doubling
it; an optional VALARM reminds at a time of day.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from . import clock
from .contacts import STATE_WORDS, ContactRow, build_rows, cadence_label
from .errors import RuleError
from .sanitize import clean_text

if TYPE_CHECKING:
    from .db import Store

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

CSV_COLUMNS = [
    "first name", "last name", "preferred name", "company", "title", "role", "emails", "phone",
    "linkedin url", "how met", "met on", "connected on", "source", "tags", "status", "cadence", "last touch",
    "next due", "state", "reason", "next time", "notes",
]


def safe_cell(value: object) -> str:
    """A cell a spreadsheet shows as text: controls stripped, formula starts defused with ``'``."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS):
        text = "'" + text
    # strip controls after the check: "\r=cmd" must still be caught (a bare CR becomes a newline)
    text = clean_text(text)
    if text.startswith(FORMULA_STARTS):
        text = "'" + text
    return text


def _record(row: ContactRow) -> list[str]:
    c, info = row.contact, row.info
    return [
        c.first_name, c.last_name, c.preferred_name, c.company, c.title, c.role, "; ".join(c.emails),
        c.phone, c.linkedin_url, c.how_met, c.met_on or "", c.connected_on or "", c.source,
        ", ".join(c.tags), c.status,
        cadence_label(info.cadence), info.last_touch.isoformat() if info.last_touch else "",
        info.due.isoformat() if info.due else "", STATE_WORDS.get(info.state, info.state),
        row.reason.text if row.reason else "",
        c.next_time, c.notes,
    ]


def export_rows(store: Store, today: date | None = None) -> list[ContactRow]:
    today = today or clock.today()
    apps = {a.id: a for a in store.applications.all()}
    return build_rows(store.contacts.all(), store.settings.current(), apps, today)


def contacts_csv(rows: Iterable[ContactRow]) -> bytes:
    """UTF-8 with a BOM (so spreadsheets pick the encoding), CRLF line ends."""
    buf = io.StringIO()
    w = csv.writer(buf, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    for row in rows:
        w.writerow([safe_cell(v) for v in _record(row)])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


#: SEQUENCE counts minutes since this moment: every export is a newer revision than the last.
_SEQUENCE_EPOCH = datetime(2024, 1, 1, tzinfo=UTC)


def sequence_number(stamp: datetime) -> int:
    """An event's SEQUENCE: minutes since a fixed moment, so every export is a newer revision."""
    return max(0, int((stamp.astimezone(UTC) - _SEQUENCE_EPOCH).total_seconds() // 60))


def calendar_day(due: date, today: date) -> date:
    """Where a due date goes in a calendar: a past one on today, or the next working day."""
    if due >= today:
        return due
    day = today
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def contacts_ics(rows: Iterable[ContactRow], now: datetime | None = None,
                 apps: Mapping[str, object] | None = None, alarm: time | None = None) -> bytes:
    """An iCalendar file: each contact's next due date as an all-day event (past ones on today or the
    next working day), with ``alarm`` an optional reminder at that time of the day."""
    from icalendar import Alarm, Calendar, Event

    stamp = (now or clock.now()).astimezone(UTC)
    today = (now or clock.now()).date()
    sequence = sequence_number(stamp)
    cal = Calendar()
    cal.add("prodid", "-//Rebound//rebound-tui contacts//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Rebound: stay in touch")
    for row in rows:
        due = row.info.due
        if due is None:
            continue
        c = row.contact
        name = clean_text(c.display_name, multiline=False)
        ev = Event()
        ev.add("uid", f"{c.id}-next-due@rebound-tui")
        ev.add("dtstamp", stamp)
        day = calendar_day(due, today)
        ev.add("dtstart", day)
        ev.add("dtend", day + timedelta(days=1))
        ev.add("sequence", sequence)
        ev.add("last-modified", stamp)
        ev.add("summary", f"Reach out to {name}")
        lines = [f"Cadence: {cadence_label(row.info.cadence)}"]
        where = ", ".join(b for b in (c.title, c.company) if b)
        if where:
            lines.insert(0, clean_text(where, multiline=False))
        if day != due:
            lines.append(f"First planned for {due.isoformat()}, shown on {day.isoformat()}")
        if row.reason:
            lines.append(f"Why now: {row.reason.text}")
        if c.next_time:
            lines.append(f"Next time: {clean_text(c.next_time)}")
        ev.add("description", "\n".join(lines))
        ev.add("transp", "TRANSPARENT")
        if alarm is not None:
            al = Alarm()
            al.add("action", "DISPLAY")
            al.add("description", f"Reach out to {name}")
            al.add("trigger", timedelta(hours=alarm.hour, minutes=alarm.minute))
            ev.add_component(al)
        cal.add_component(ev)
    return bytes(cal.to_ical())


def export_contacts(store: Store, fmt: str, today: date | None = None,
                    alarm: time | None = None) -> tuple[bytes, int]:
    """(file bytes, number of contacts in it) for ``fmt`` = ``csv``, ``ics`` or ``vcf``."""
    rows = export_rows(store, today)
    if fmt == "csv":
        return contacts_csv(rows), len(rows)
    if fmt == "ics":
        with_due = [r for r in rows if r.info.due is not None]
        return contacts_ics(with_due, alarm=alarm), len(with_due)
    if fmt == "vcf":
        from .exporting.vcard import contacts_vcf

        return contacts_vcf(r.contact for r in rows), len(rows)
    raise RuleError(f"unknown format {fmt!r} (use csv, ics or vcf)")


def default_filename(fmt: str, today: date | None = None) -> str:
    today = today or clock.today()
    return f"contacts-{today.isoformat()}.{fmt}"


def unique_path(directory: str | os.PathLike[str], name: str) -> Path:
    """``directory/name``, or ``name-2``, ``name-3``… if taken (the app never overwrites silently)."""
    p = Path(directory) / name
    stem, dot, ext = name.rpartition(".")
    n = 2
    while p.exists():
        p = Path(directory) / f"{stem}-{n}{dot}{ext}"
        n += 1
    return p


def write_export(store: Store, fmt: str, path: str | os.PathLike[str] | None = None) -> tuple[Path, int]:
    """Write an export into ``path`` (default: a new file in the exports folder), 0600, atomically.
    Returns (path, count). Used by the app's palette; the CLI handles overwriting itself."""
    from .paths import EXPORT_DIR, ensure_private_dir, write_private

    data, count = export_contacts(store, fmt)
    if path is None:
        directory = Path(store.data_dir) / EXPORT_DIR
        ensure_private_dir(directory)
        path = unique_path(directory, default_filename(fmt))
    target = Path(path)
    write_private(target, data)
    return target, count

