"""How the contacts screen words things: short relative dates, roles, cadences, state lines."""

from __future__ import annotations

from datetime import date

from store import clock
from store.contacts import CADENCE_SHORT, ContactRow, DueInfo, cadence_label
from store.dates import humanize_ago, humanize_until, short_date
from widgets.contacts_table import ContactLine, state_words

ROLE_SHORT = {"hiring manager": "hiring mgr"}
CADENCE_SOURCE = {"contact": "", "role": " (role default)", "default": " (default)"}


def ago(day: date | None, today: date | None = None) -> str:
    """``today``, ``1d ago``, ``3w ago``, ``3mo ago``, ``2yr ago``, ``never`` (at most 7 wide)."""
    return humanize_ago(day, today, compact=True)


def until(day: date | None, today: date | None = None) -> str:
    """``today``, ``in 5d``, ``in 3w``, ``in 2mo``; past dates read as ``ago``."""
    return humanize_until(day, today, compact=True)


def role_short(role: str) -> str:
    return ROLE_SHORT.get(role, role)


def due_text(info: DueInfo, today: date | None = None) -> str:
    """The next good moment to reach out: ``now`` once it has come (never how long ago), ``in 5d``."""
    if info.due is None:
        if info.state == "paused" and info.paused_until:
            return until(info.paused_until, today)
        return "—"
    if info.state in ("overdue", "due"):
        return "now"
    if info.state in ("archived", "do not contact", "no cadence"):
        return "—"
    return until(info.due, today)


def line_for(row: ContactRow, marked: bool = False, today: date | None = None) -> ContactLine:
    c, info = row.contact, row.info
    reason = row.reason.text if row.reason is not None else ""
    if info.state == "snoozed" and info.snoozed_until:
        reason = f"snoozed until {short_date(info.snoozed_until, today)}"
    elif info.state == "paused":
        reason = f"paused until {short_date(info.paused_until, today)}" if info.paused_until else "paused"
    return ContactLine(
        key=c.id, state=info.state, name=c.display_name, company=c.company, role=role_short(c.role),
        cadence=CADENCE_SHORT.get(info.cadence, info.cadence), last_touch=ago(info.last_touch, today),
        due=due_text(info, today), reason=reason, marked=marked,
    )


def state_sentence(info: DueInfo, today: date | None = None) -> str:
    """``a good moment to reach out``, ``in touch — next check-in 30 Mar (in 4w)`` and the like, in
    plain words (a person is never "due" or "overdue")."""
    today = today or clock.today()
    if info.state == "archived":
        return "archived — no reminders"
    if info.state == "do not contact":
        return "do not contact — no reminders"
    if info.state == "no cadence":
        return "no cadence — no reminders"
    if info.state == "paused":
        if info.paused_until:
            return f"paused until {short_date(info.paused_until, today)} ({until(info.paused_until, today)})"
        return "paused until you resume it"
    assert info.due is not None
    when = f"{short_date(info.due, today)} ({until(info.due, today)})"
    if info.state == "snoozed":
        return f"snoozed — next check-in {when}"
    if info.state == "overdue":
        return "a good moment to reconnect — it has been a while"
    if info.state == "due":
        return "a good moment to reach out"
    return f"{state_words(info.state)} — next check-in {when}"


def cadence_sentence(info: DueInfo) -> str:
    return f"{cadence_label(info.cadence)}{CADENCE_SOURCE.get(info.cadence_source, '')}"
