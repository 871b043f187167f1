"""Interviews as an iCalendar file: one event per application with an interview date.

A date with a time is a one-hour event in floating local time (no time zone: 10:30 stays 10:30
wherever the calendar is); a date alone is an all-day event. Each event keeps one UID per
application (``<id>-interview@rebound``), with SEQUENCE and LAST-MODIFIED as in the contacts ICS,
so a calendar that imports the file again moves the event instead of doubling it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from .. import clock
from ..contacts_export import sequence_number
from ..dates import interview_parts, long_date
from ..models import STAGE_LABELS, Application
from ..sanitize import clean_text

DURATION = timedelta(hours=1)


def uid(app: Application) -> str:
    return f"{app.id}-interview@rebound"


def with_interview(apps: Iterable[Application]) -> list[Application]:
    """The applications that have a readable interview date, soonest first."""
    found = [a for a in apps if interview_parts(a.interview_at) is not None]
    return sorted(found, key=lambda a: (a.interview_at or "", a.id))


def _description(app: Application) -> str:
    lines = [f"Stage: {STAGE_LABELS.get(app.stage, app.stage)}"]
    if app.round_number or app.round_name:
        lines.append("Round: " + " - ".join(x for x in (str(app.round_number or ""), app.round_name) if x))
    if app.next_action:
        when = f" ({long_date(app.next_action_date)})" if app.next_action_date else ""
        lines.append(f"Next action: {clean_text(app.next_action, multiline=False)}{when}")
    if app.url:
        lines.append(clean_text(app.url, multiline=False))
    return "\n".join(lines)


def interviews_ics(apps: Iterable[Application], now: datetime | None = None) -> bytes:
    """The calendar file; applications without an interview are left out."""
    from icalendar import Calendar, Event

    stamp = (now or clock.now()).astimezone(UTC)
    cal = Calendar()
    cal.add("prodid", "-//Rebound//rebound-tui interviews//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Rebound: interviews")
    for app in with_interview(apps):
        parts = interview_parts(app.interview_at)
        assert parts is not None  # with_interview kept only readable ones
        day, at = parts
        ev = Event()
        ev.add("uid", uid(app))
        ev.add("dtstamp", stamp)
        if at is None:
            ev.add("dtstart", day)
            ev.add("dtend", day + timedelta(days=1))
        else:
            start = datetime.combine(day, at)  # naive: floating local time
            ev.add("dtstart", start)
            ev.add("dtend", start + DURATION)
        ev.add("sequence", sequence_number(stamp))
        ev.add("last-modified", stamp)
        company = clean_text(app.company, multiline=False) or "an application"
        role = clean_text(app.role, multiline=False)
        ev.add("summary", f"Interview: {company} — {role}" if role else f"Interview: {company}")
        if app.location:
            ev.add("location", clean_text(app.location, multiline=False))
        ev.add("description", _description(app))
        cal.add_component(ev)
    return bytes(cal.to_ical())
