"""Which column holds what: the fields an application import reads, how header names are guessed,
the Huntr and JobSync presets, and the mapping a person fixed, remembered per header signature.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from ..models import Settings
from .common import ImportFormatError

#: field → what it is (``--map FIELD=Header`` takes these names).
FIELDS: dict[str, str] = {
    "company": "the employer", "role": "the job title", "stage": "the stage or status",
    "applied": "the day you applied", "url": "the job posting's link", "location": "where",
    "salary": "pay", "notes": "notes", "deadline": "the deadline to apply", "contact": "contact people",
    "source": "where you found it", "work_mode": "remote, hybrid or on-site", "tags": "tags",
    "excitement": "how much you want it (1-5)", "next_action": "the next step",
    "next_action_date": "when the next step is due", "created": "the day it was added",
    "moved": "the day it last changed stage", "outcome": "how it ended", "outcome_on": "when it ended",
    "outcome_reason": "why it ended", "feedback": "feedback received", "id": "the tracker's id for it",
    "description": "the job description (HTML is reduced to text)", "job_type": "full-time, contract…",
    "applied_flag": "Yes/No: applied", "round": "interview round number",
    "interview": "the next interview's date (and time)",
    "on_wishlist": "day it entered Wishlist", "on_applied": "day it entered Applied",
    "on_screening": "day it entered Screening", "on_interviewing": "day it entered Interviewing",
    "on_offer": "day it entered Offer", "on_closed": "day it was closed",
}
DATE_FIELDS = ("applied", "deadline", "next_action_date", "created", "moved", "outcome_on", "interview",
               "on_wishlist", "on_applied", "on_screening", "on_interviewing", "on_offer", "on_closed")

_FIELD_ALIASES = {"title": "role", "position": "role", "employer": "company", "status": "stage",
                  "list": "stage", "link": "url", "date": "applied", "note": "notes"}


def header_key(header: str) -> str:
    """``Date Applied`` / ``date_applied`` / ``dateApplied`` → ``dateapplied``."""
    return re.sub(r"[\W_]+", "", header.casefold())


def _aliases(spec: dict[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for fld, names in spec.items():
        for name in names.split("|"):
            out[header_key(name)] = fld
    return out


#: Header names a spreadsheet uses, for the guess (any case, spaces and punctuation ignored).
GUESSES = _aliases({
    "company": "company|company name|employer|employer name|organisation|organization|org|business|firm",
    "role": "role|title|job title|position|job|job position|role title|job name|vacancy|opening",
    "stage": "stage|status|list|list name|column|state|application status|pipeline stage|progress",
    "applied": "applied|date applied|applied on|applied date|application date|date of application|"
               "submitted|date submitted|submitted on|applied at",
    "url": "url|link|job url|job link|posting|posting url|job posting|listing|job ad|ad link|website",
    "location": "location|city|place|where|office|job location",
    "salary": "salary|pay|compensation|salary range|pay range|comp|rate",
    "notes": "notes|note|comments|comment|details|remarks",
    "deadline": "deadline|due|due date|apply by|closing date|closes|application deadline",
    "contact": "contact|contacts|contact person|contact name|recruiter|hiring manager|referrer|who",
    "source": "source|job source|found on|found via|found|via|job board|channel",
    "work_mode": "work mode|workplace type|workplace|remote|work type|arrangement|remote hybrid",
    "tags": "tags|labels|tag|label",
    "excitement": "excitement|interest|priority|rating|stars",
    "next_action": "next action|next step|todo|to do|follow up",
    "next_action_date": "next action date|next step date|follow up date|follow up on",
    "created": "created|created at|date added|added|date saved|saved|added on|created on",
    "moved": "last moved at|last moved|stage changed|last updated|updated",
    "outcome": "outcome|result",
    "outcome_on": "outcome on|closed on date|result date|rejected on",
    "outcome_reason": "outcome reason|reason|why",
    "feedback": "feedback",
    "description": "description|job description|html description",
    "job_type": "job type|employment type|type|contract",
    "round": "round|interview round",
    "interview": "interview|interview date|interview at|interview on|interview time|next interview",
    "on_wishlist": "wishlist on", "on_applied": "applied on date", "on_screening": "screening on",
    "on_interviewing": "interviewing on", "on_offer": "offer on", "on_closed": "closed on",
})

HUNTR = _aliases({
    "id": "id", "created": "createdAt", "role": "title", "salary": "salary", "location": "location",
    "url": "url", "description": "htmlDescription", "deadline": "deadline", "moved": "lastMovedAt",
    "stage": "listName", "company": "companyName",
})
#: Huntr columns read on purpose as nothing (its board, colours and internal ids).
HUNTR_IGNORED = {header_key(h) for h in ("rootDomain", "color", "boardId", "boardName", "listId", "companyId",
                                         "companyDomain")}
JOBSYNC = _aliases({
    "created": "createdAt", "applied_flag": "applied", "applied": "appliedDate", "company": "Company",
    "role": "JobTitle", "job_type": "jobType", "work_mode": "workplaceType", "location": "Location",
    "source": "JobSource", "stage": "Status",
})
JOBSYNC_IGNORED = {"index"}

#: Rebound's own applications CSV (store/exporting/applications.py writes these headers).
REBOUND = _aliases({
    "id": "rebound id", "company": "company", "role": "role", "stage": "stage", "outcome": "outcome",
    "applied": "applied on", "url": "url", "location": "location", "work_mode": "work mode", "salary": "salary",
    "source": "source", "excitement": "excitement", "deadline": "deadline", "round": "round",
    "interview": "interview",
    "next_action": "next action", "next_action_date": "next action date", "contact": "contacts",
    "tags": "tags", "notes": "notes", "outcome_on": "outcome on", "outcome_reason": "outcome reason",
    "feedback": "feedback", "created": "created", "on_wishlist": "wishlist on", "on_applied": "applied stage on",
    "on_screening": "screening on", "on_interviewing": "interviewing on", "on_offer": "offer on",
    "on_closed": "closed on",
})

PRESETS = ("huntr", "jobsync", "csv")


def detect_preset(headers: list[str]) -> str:
    keys = {header_key(h) for h in headers}
    if "reboundid" in keys:
        return "rebound"
    if "listname" in keys and ("companyname" in keys or "boardname" in keys or "lastmovedat" in keys):
        return "huntr"
    if {"jobtitle", "status"} <= keys and ("jobsource" in keys or "applieddate" in keys):
        return "jobsync"
    return "csv"


def is_header_row(cells: list[str]) -> bool:
    """A header row names at least two things we know (an application's company and role…)."""
    keys = [header_key(c) for c in cells if c.strip()]
    known = sum(1 for k in keys if k in GUESSES or k in HUNTR or k in JOBSYNC or k == "reboundid")
    return known >= 2


@dataclass
class Mapping:
    """field → column index, and the headers left out."""

    columns: dict[str, int] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)

    def header_of(self, headers: list[str], fld: str) -> str:
        i = self.columns.get(fld)
        return headers[i] if i is not None and i < len(headers) else ""


def guess_mapping(headers: list[str], preset: str) -> Mapping:
    table = {"huntr": HUNTR, "jobsync": JOBSYNC, "rebound": REBOUND}.get(preset, GUESSES)
    skip = HUNTR_IGNORED if preset == "huntr" else JOBSYNC_IGNORED if preset == "jobsync" else set()
    m = Mapping()
    for i, h in enumerate(headers):
        key = header_key(h)
        fld = table.get(key) or (GUESSES.get(key) if preset in ("huntr", "jobsync") else None)
        if fld == "id" and preset == "csv":
            fld = None  # a generic "id" column may be a row number: only --map id=… uses it
        if preset == "huntr" and key.startswith("creatoruser"):
            fld = None  # who made the card in Huntr: personal data of someone else, dropped
        if fld and fld not in m.columns and key not in skip:
            m.columns[fld] = i
        elif h.strip():
            m.ignored.append(h)
    return m


def field_name(text: str) -> str:
    key = text.strip().casefold().replace("-", "_").replace(" ", "_")
    key = _FIELD_ALIASES.get(key, key)
    if key not in FIELDS:
        raise ImportFormatError(f"unknown field {text.strip()!r} in --map; use one of: {', '.join(FIELDS)}")
    return key


def find_header(headers: list[str], wanted: str) -> int:
    want = wanted.strip()
    for exact in (True, False):
        for i, h in enumerate(headers):
            if (h.strip() == want) if exact else (header_key(h) == header_key(want)):
                return i
    shown = ", ".join(repr(h) for h in headers if h.strip())
    raise ImportFormatError(f"no column named {want!r}; the columns are: {shown}")


def apply_overrides(mapping: Mapping, headers: list[str], overrides: dict[str, str]) -> None:
    """``{field: header}`` from ``--map`` (an empty header leaves the field out)."""
    for raw_field, header in overrides.items():
        fld = field_name(raw_field)
        mapping.columns.pop(fld, None)
        if not header.strip():
            continue
        i = find_header(headers, header)
        for other, idx in list(mapping.columns.items()):
            if idx == i:
                del mapping.columns[other]
        mapping.columns[fld] = i
    used = set(mapping.columns.values())
    mapping.ignored = [h for i, h in enumerate(headers) if i not in used and h.strip()]


def parse_map_options(values: list[str] | None) -> dict[str, str]:
    """``["company=Employer", "notes="]`` → ``{"company": "Employer", "notes": ""}``."""
    out: dict[str, str] = {}
    for v in values or []:
        fld, sep, header = v.partition("=")
        if not sep or not fld.strip():
            raise ImportFormatError(f"--map takes FIELD=Header (e.g. company=Employer), not {v!r}")
        out[field_name(fld)] = header
    return out


# --------------------------------------------------------------------------- remembered per header signature

MEMORY_KEY = "import_mappings"


def signature(headers: list[str]) -> str:
    """The same spreadsheet layout gives the same signature (case and spacing ignored)."""
    joined = "\x1f".join(header_key(h) for h in headers)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:16]


def remembered(settings: Settings, sig: str) -> dict[str, Any]:
    """``{"columns": {field: header}, "stages": {name: "stage" | "closed:outcome"}}`` or ``{}``."""
    memory = settings.extra.get(MEMORY_KEY)
    if not isinstance(memory, dict):
        return {}
    found = memory.get(sig)
    return found if isinstance(found, dict) else {}


def with_memory(settings: Settings, sig: str, columns: dict[str, str], stages: dict[str, str]) -> Settings:
    """A copy of the settings that remembers this layout's mapping and stage answers."""
    s = settings.copy()
    memory = s.extra.get(MEMORY_KEY)
    memory = dict(memory) if isinstance(memory, dict) else {}
    before = remembered(settings, sig)
    merged_columns = {**before.get("columns", {}), **columns}
    merged_stages = {**before.get("stages", {}), **stages}
    memory[sig] = {"columns": merged_columns, "stages": merged_stages}
    s.extra[MEMORY_KEY] = memory
    return s
