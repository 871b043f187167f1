"""Applications as a CSV a spreadsheet opens safely, and ``import applications`` reads back.

One row per application with every field, then one column per stage holding the day the card
first entered it (from its stage history). Cells a spreadsheet would run as formulas are defused
with ``'`` (the importer undoes it); UTF-8 with a BOM, CRLF line ends.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from ..contacts_export import safe_cell
from ..dates import from_iso
from ..models import STAGES, Application

COLUMNS = [
    "rebound id", "company", "role", "stage", "outcome", "applied on", "url", "location", "work mode", "salary",
    "source", "excitement", "deadline", "round", "interview", "next action", "next action date", "contacts",
    "tags", "notes",
    "outcome on", "outcome reason", "feedback", "created",
    "wishlist on", "applied stage on", "screening on", "interviewing on", "offer on", "closed on",
]


def stage_days(app: Application) -> dict[str, str]:
    """The first day the card entered each stage, from its history (``YYYY-MM-DD``)."""
    out: dict[str, str] = {}
    for entry in app.stage_history or []:
        if not isinstance(entry, dict):
            continue
        to, day = entry.get("to"), from_iso(str(entry.get("at") or ""))
        if isinstance(to, str) and to in STAGES and day is not None and to not in out:
            out[to] = day.isoformat()
    return out


def row(app: Application) -> list[str]:
    days = stage_days(app)
    return [
        app.id, app.company, app.role, app.stage, app.outcome, app.applied_on or "", app.url, app.location,
        app.work_mode, app.salary, app.source, str(app.excitement or ""), app.deadline or "",
        str(app.round_number or ""), app.interview_at or "", app.next_action, app.next_action_date or "",
        ", ".join(app.contact_names),
        ", ".join(app.tags), app.notes, app.outcome_on or "", app.outcome_reason, app.feedback, app.created_at,
        *(days.get(s, "") for s in STAGES),
    ]


def applications_csv(apps: Iterable[Application]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    w.writerow(COLUMNS)
    for app in sorted(apps, key=lambda a: (a.created_at, a.id)):
        w.writerow([safe_cell(v) for v in row(app)])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")
