"""The work-search log: what many unemployment-benefit programmes ask for each week — date,
employer, position, what was done, how (online, email, phone, in person…), the contact person and
the result — built from what Rebound already holds, for a date range:

* stage moves: applied, a screening, an interview, an offer (and "applied on" of imported cards);
* touchpoints you had (outbound or two-way): thank-yous, follow-ups, networking check-ins;
* messages marked sent that logged no touchpoint (no contact record), and follow-ups logged on a
  card with no contact linked.

"How" is given only where Rebound knows it (a channel, or online for an application); the result
is where the application stands today.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ..contacts_export import safe_cell
from ..dates import from_iso
from ..models import STAGE_LABELS, Application, Contact, Draft, Touchpoint
from .markdown import table_cell

COLUMNS = ["date", "employer", "position", "activity", "how", "contact person", "result"]
HOW = {"email": "email", "call": "phone", "video": "video call", "in person": "in person", "text": "text message",
       "linkedin note": "online (LinkedIn)", "linkedin message": "online (LinkedIn)", "inmail": "online (LinkedIn)",
       "other": "other"}
WHAT = {"thank-you": "Thank-you note", "rejection reply": "Reply to a rejection",
        "feedback request": "Feedback request", "connection note": "LinkedIn connection note",
        "check-in": "Check-in", "follow-up": "Follow-up",
        "referral ask": "Referral request", "holiday greeting": "Holiday greeting",
        "congratulations": "Congratulations", "article": "Shared an article", "reconnect": "Reconnected",
        "interviewer thanks": "Thank-you to an interviewer", "feedback thanks": "Thanked for feedback",
        "close the loop": "Closed the loop", "runner-up": "Runner-up note", "other": "Contact"}
MOVES = {"applied": "Applied", "screening": "Screening", "interviewing": "Interview", "offer": "Offer received"}


@dataclass(frozen=True, slots=True)
class Activity:
    day: date
    employer: str
    position: str
    what: str
    how: str
    contact: str
    result: str

    def cells(self) -> list[str]:
        return [self.day.isoformat(), self.employer, self.position, self.what, self.how, self.contact, self.result]


def result_of(app: Application | None) -> str:
    if app is None:
        return ""
    if app.stage == "closed":
        return f"{(app.outcome or 'closed').capitalize()}" + (f" ({app.outcome_on})" if app.outcome_on else "")
    if app.stage == "applied":
        return "Awaiting a reply"
    return STAGE_LABELS.get(app.stage, app.stage) if app.stage != "wishlist" else ""


def _in(day: date | None, start: date, end: date) -> bool:
    return day is not None and start <= day <= end


def _app_moves(app: Application, start: date, end: date) -> list[Activity]:
    out: list[Activity] = []
    seen: set[tuple[str, date]] = set()
    who = ", ".join(app.contact_names)
    for entry in app.stage_history or []:
        if not isinstance(entry, dict) or entry.get("to") not in MOVES:
            continue
        to = str(entry["to"])
        day = from_iso(str(entry.get("at") or ""))
        if day is None or not _in(day, start, end) or (to, day) in seen:
            continue
        seen.add((to, day))
        out.append(Activity(day, app.company, app.role, MOVES[to], "online" if to == "applied" else "", who,
                            result_of(app)))
    applied = from_iso(app.applied_on)
    if applied is not None and _in(applied, start, end) and not any(k == "applied" for k, _d in seen):
        out.append(Activity(applied, app.company, app.role, "Applied", "online", who, result_of(app)))
    return out


def build_log(apps: Iterable[Application], touchpoints: Iterable[Touchpoint], drafts: Iterable[Draft],
              contacts: Iterable[Contact], start: date, end: date) -> list[Activity]:
    """Every work-search activity from ``start`` to ``end`` (both included), oldest first."""
    by_app = {a.id: a for a in apps}
    people = {c.id: c for c in contacts}
    out: list[Activity] = []
    for each in by_app.values():
        out += _app_moves(each, start, end)
    logged: set[tuple[str, date]] = set()
    touch_ids: set[str] = set()
    for tp in touchpoints:
        touch_ids.add(tp.id)
        day = from_iso(tp.date)
        if tp.direction not in ("out", "two-way") or day is None or not _in(day, start, end):
            continue
        app = by_app.get(tp.application_id or "")
        names = [people[c].display_name for c in tp.contact_ids if c in people]
        first = people.get(tp.contact_ids[0]) if tp.contact_ids else None
        employer = app.company if app else (first.company if first else "")
        what = WHAT.get(tp.kind, tp.kind.capitalize())
        if app is None:
            what = f"Networking: {what.lower()}"
        out.append(Activity(day, employer, app.role if app else "", what, HOW.get(tp.channel, tp.channel),
                            ", ".join(names), result_of(app)))
        if app is not None:
            logged.add((app.id, day))
    for d in drafts:
        day = from_iso(d.sent_on)
        if d.status != "sent" or day is None or not _in(day, start, end):
            continue
        if d.touchpoint_id and d.touchpoint_id in touch_ids:
            continue
        app = by_app.get(d.application_id or "")
        out.append(Activity(day, app.company if app else "", app.role if app else "",
                            f"{WHAT.get(d.kind, d.kind.capitalize())} sent", HOW.get(d.channel, d.channel),
                            d.recipient_name, result_of(app)))
        if app is not None:
            logged.add((app.id, day))
    for card in by_app.values():
        for entry in card.activity or []:
            day = from_iso(str(entry.get("on") or "")) if isinstance(entry, dict) else None
            if (day is None or entry.get("kind") != "follow-up" or not _in(day, start, end)
                    or (card.id, day) in logged):
                continue
            out.append(Activity(day, card.company, card.role, "Followed up", "", ", ".join(card.contact_names),
                                result_of(card)))
    out.sort(key=lambda a: (a.day, a.employer.casefold(), a.position.casefold(), a.what))
    return out


def log_csv(rows: Iterable[Activity]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    w.writerow(COLUMNS)
    for a in rows:
        w.writerow([safe_cell(v) for v in a.cells()])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def log_markdown(rows: list[Activity], start: date, end: date, name: str = "") -> bytes:
    title = "# Work-search log"
    lines = [title, ""]
    if name.strip():
        lines += [f"Name: {table_cell(name)}", ""]
    n = len(rows)
    lines += [f"From {start.isoformat()} to {end.isoformat()}: {n} activit{'y' if n == 1 else 'ies'}.", ""]
    if rows:
        lines.append("| " + " | ".join(c.capitalize() for c in COLUMNS) + " |")
        lines.append("|" + "---|" * len(COLUMNS))
        for a in rows:
            lines.append("| " + " | ".join(table_cell(v) or " " for v in a.cells()) + " |")
        lines.append("")
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")
