"""Applications from a spreadsheet, Huntr or JobSync (``rebound-tui import applications``).

1. :func:`open_sheet` reads the CSV (:mod:`.sheet`), picks the preset from the header (or takes
   the one given) and guesses which column holds what (:mod:`.columns`); a remembered mapping for
   the same header signature is applied, then ``--map`` overrides.
2. :func:`unknown_stages` lists the stage names Rebound can't place; the caller asks about each
   once (at a terminal) or leaves them, and they import as Applied with a note saying so.
3. :func:`plan_applications` decides per row: add, update, unchanged or skip (with the reason).
   Re-imports match by the tracker's id (Huntr), else by Rebound's own id (its CSV export), else
   by company, role and applied date. A stage move found on re-import is stamped with the file's
   date for it; a card is never moved back by an older file.
4. :func:`apply_plan` saves it all in one write (and the remembered mapping with it).

Stage history is built only from dates the file has (created, applied, last moved, or one date per
stage in Rebound's own export); nothing is invented.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Literal

from .. import clock
from ..dates import interview_value
from ..models import (
    OUTCOMES,
    STAGE_LABELS,
    STAGES,
    WORK_MODES,
    Application,
    Contact,
    Outcome,
    Settings,
    Stage,
    StageMove,
    one_of,
)
from ..pipeline import link_contacts, split_list, stage_index
from ..sanitize import clean_line, clean_text
from . import columns as C
from . import stages as S
from .common import IMPORT_REF, ImportPlan, Skipped, Update, fold
from .sheet import Sheet, read_sheet
from .sheetdates import When, infer_order, is_empty, parse_when

if TYPE_CHECKING:
    from ..db import Store

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_JOB_TYPES = {"ft": "full-time", "pt": "part-time", "c": "contract"}
_EMPTY_CELLS = frozenset({"-", "—", "n/a", "N/A", "NA", "null", "None"})


@dataclass
class SheetImport:
    """A file read and mapped, ready to plan."""

    sheet: Sheet
    preset: str
    mapping: C.Mapping
    signature: str
    date_order: str = "mdy"
    ambiguous_dates: bool = False
    #: what was remembered or given for this layout (saved with the import when it changed)
    columns_given: dict[str, str] = field(default_factory=dict)
    stages_given: dict[str, S.Choice] = field(default_factory=dict)
    remember: bool = False

    def mapping_lines(self) -> list[str]:
        headers = self.sheet.headers
        parts = [f"{fld} ← {headers[i]!r}" for fld, i in sorted(self.mapping.columns.items(), key=lambda kv: kv[1])]
        names = {"rebound": "Rebound's own CSV", "huntr": "Huntr", "jobsync": "JobSync"}
        preset = names.get(self.preset, "spreadsheet")
        out = [f"Read as: {preset} ({self.sheet.encoding}, {_sep_name(self.sheet.delimiter)}, "
               f"header on line {self.sheet.header_line})."]
        out.append("Columns: " + ("; ".join(parts) if parts else "(none recognised)"))
        if self.mapping.ignored:
            out.append("Not imported: " + ", ".join(repr(h) for h in self.mapping.ignored))
        return out


def _sep_name(d: str) -> str:
    return {",": "comma-separated", ";": "semicolon-separated", "\t": "tab-separated"}.get(d, f"{d!r}-separated")


def open_sheet(data: bytes | str, preset: str | None = None, *, settings: Settings | None = None,
               overrides: dict[str, str] | None = None, day_first: bool | None = None) -> SheetImport:
    """Read and map a file (nothing is saved). Raises :class:`.common.ImportFormatError`."""
    sheet = read_sheet(data, C.is_header_row, "spreadsheet of applications")
    chosen = preset if preset in ("huntr", "jobsync") else C.detect_preset(sheet.headers)
    if preset == "csv" and chosen in ("huntr", "jobsync"):
        chosen = "csv"
    mapping = C.guess_mapping(sheet.headers, chosen)
    sig = C.signature(sheet.headers)
    si = SheetImport(sheet, chosen, mapping, sig)
    memory = C.remembered(settings, sig) if settings is not None else {}
    mem_columns = {k: v for k, v in memory.get("columns", {}).items() if isinstance(v, str)}
    if mem_columns:
        try:
            C.apply_overrides(mapping, sheet.headers, mem_columns)
            si.columns_given.update(mem_columns)
        except ValueError:
            pass  # the remembered header is gone: the guess stands
    for name, enc in memory.get("stages", {}).items():
        choice = S.parse_choice(str(enc))
        if choice is not None:
            si.stages_given[name] = choice
    if overrides:
        C.apply_overrides(mapping, sheet.headers, overrides)
        si.columns_given.update(overrides)
        si.remember = True
    dates = [v for fld in C.DATE_FIELDS if fld in mapping.columns for v in sheet.column(mapping.columns[fld])]
    si.date_order, si.ambiguous_dates = infer_order(dates)
    if day_first is not None:
        si.date_order, si.ambiguous_dates = ("dmy" if day_first else "mdy"), False
    return si


# --------------------------------------------------------------------------- one row


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("p", "br", "li", "div", "h1", "h2", "h3", "h4", "tr"):
            self.parts.append("\n")


def html_to_text(markup: str) -> str:
    p = _Text()
    p.feed(markup)
    p.close()
    text = html.unescape("".join(p.parts))
    return re.sub(r"\n\s*\n+", "\n\n", text).strip()


def undefuse(value: str) -> str:
    """A spreadsheet-safe cell (``'=SUM``) back to what was typed (``=SUM``)."""
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_STARTS) else value


@dataclass
class Row:
    line: int
    values: dict[str, str]
    dates: dict[str, When]
    bad_dates: list[str]

    def get(self, fld: str) -> str:
        return self.values.get(fld, "")


def read_row(si: SheetImport, line: int, cells: list[str]) -> Row:
    values: dict[str, str] = {}
    dates: dict[str, When] = {}
    bad: list[str] = []
    for fld, i in si.mapping.columns.items():
        raw = undefuse(cells[i].strip()) if i < len(cells) else ""
        if raw in _EMPTY_CELLS:
            raw = ""
        if fld in C.DATE_FIELDS:
            if is_empty(raw):
                continue
            try:
                found = parse_when(raw, si.date_order)
            except ValueError:
                found = None
            if found is None:
                bad.append(f"{fld} {raw[:30]!r}")
            else:
                dates[fld] = found
            continue
        limit = None if fld in ("notes", "description", "feedback") else 2000
        text = clean_text(raw, limit=limit).strip() if limit is None else clean_line(raw, limit=limit)
        if text:
            values[fld] = text
    return Row(line, values, dates, bad)


def _choice_for(si: SheetImport, row: Row) -> tuple[S.Choice | None, str]:
    """(stage choice, the stage name in the file); None when the name is unknown."""
    name = row.get("stage")
    outcome = row.get("outcome").casefold()
    if not name:
        if outcome in OUTCOMES:
            return ("closed", outcome), ""
        return (("applied", "") if "applied" in row.dates else ("wishlist", "")), ""
    if name in si.stages_given:
        return si.stages_given[name], name
    if si.preset == "jobsync":
        flag = row.get("applied_flag").casefold() in ("yes", "true", "1", "y")
        found = S.jobsync_status(name, flag or "applied" in row.dates)
        if found is not None:
            return found, name
    if si.preset == "rebound" and name.casefold() in STAGES:
        stage = name.casefold()
        return (stage, outcome if stage == "closed" and outcome in OUTCOMES else ""), name
    found = S.known_stage(name)
    if found is not None and found[0] == "closed" and outcome in OUTCOMES:
        found = ("closed", outcome)
    return found, name


def unknown_stages(si: SheetImport) -> list[tuple[str, int]]:
    """Stage names in the file Rebound can't place, with how many rows use each (file order)."""
    counts: dict[str, int] = {}
    for r in si.sheet.rows:
        row = read_row(si, r.line, r.cells)
        choice, name = _choice_for(si, row)
        if choice is None and name:
            counts[name] = counts.get(name, 0) + 1
    return list(counts.items())


def _stamp(w: When) -> str:
    if w.moment is not None:
        return w.moment.isoformat(timespec="seconds")
    tz = clock.now().tzinfo
    return datetime.combine(w.day, time(0, 0), tzinfo=tz).isoformat(timespec="seconds")


def _history(row: Row, stage: str, outcome: str) -> list[StageMove]:
    """Stage moves the file has dates for, oldest first."""
    events: list[tuple[str, str]] = []  # (iso, stage)
    for s in STAGES:
        w = row.dates.get(f"on_{s}")
        if w is not None:
            events.append((w.iso(), s))
    if not events:
        applied, created, moved = row.dates.get("applied"), row.dates.get("created"), row.dates.get("moved")
        if applied is not None and stage_index(stage) >= stage_index("applied"):
            events.append((applied.iso(), "applied"))
        if moved is not None and (stage not in ("wishlist", "applied") or not events):
            events.append((moved.iso(), stage))
        if created is not None and not events:
            events.append((created.iso(), stage))  # the stage it was in when the file was made
    events.sort()
    out: list[StageMove] = []
    for at, to in events:
        if out and out[-1]["to"] == to:
            continue
        entry: StageMove = {"from": out[-1]["to"] if out else "", "to": to, "at": at}
        if to == "closed" and outcome:
            entry["outcome"] = outcome
        out.append(entry)
    return out


def _work_mode(text: str) -> str:
    t = fold(text).replace("-", " ")
    if "hybrid" in t:
        return "hybrid"
    if "remote" in t or t in ("wfh", "home"):
        return "remote"
    if "site" in t or "office" in t or t == "onsite":
        return "on-site"
    return ""


def _contacts(text: str) -> list[str]:
    return split_list(text.replace(";", ","))


def _excitement(text: str) -> int:
    stars = text.count("★") or text.count("*")
    if stars:
        return min(5, stars)
    m = re.match(r"^\s*(\d)", text)
    return min(5, int(m.group(1))) if m else 0


def _interview(when: When | None) -> str | None:
    """An interview cell as stored: local wall-clock time when the file had a time, else the day."""
    if when is None:
        return None
    if when.moment is None:
        return interview_value(when.day, None)
    local = when.moment.astimezone(clock.now().tzinfo)
    return interview_value(local.date(), time(local.hour, local.minute))


def new_application(si: SheetImport, row: Row, choice: S.Choice) -> Application:
    stage: Stage = one_of(STAGES, choice[0], "applied")
    outcome: Outcome | Literal[""] = one_of([*OUTCOMES, ""], choice[1], "")
    v, d = row.get, row.dates
    notes = v("notes")
    if v("description"):
        desc = html_to_text(v("description")) if "<" in v("description") else v("description")
        notes = f"{notes}\n\n{desc}".strip() if notes else desc
    tags = split_list(v("tags"))
    if v("job_type"):
        tags.append(_JOB_TYPES.get(v("job_type").casefold(), v("job_type").casefold()))
    history = _history(row, stage, outcome)
    entered = next((e["at"][:10] for e in reversed(history) if e["to"] == stage), None)
    applied = d["applied"].day.isoformat() if "applied" in d else None
    if applied is None and "on_applied" in d and si.preset != "rebound":  # Rebound's own CSV says it exactly
        applied = d["on_applied"].day.isoformat()
    app = Application(
        company=v("company"), role=v("role"), url=v("url"), location=v("location"), salary=v("salary"),
        source=v("source"), work_mode=one_of(WORK_MODES, _work_mode(v("work_mode")) if v("work_mode") else "", ""),
        excitement=_excitement(v("excitement")), applied_on=applied,
        deadline=d["deadline"].day.isoformat() if "deadline" in d else None,
        next_action=v("next_action"),
        next_action_date=d["next_action_date"].day.isoformat() if "next_action_date" in d else None,
        contact_names=_contacts(v("contact")), notes=notes, tags=list(dict.fromkeys(tags)), stage=stage,
        stage_entered_on=entered, stage_history=history, outcome=outcome, feedback=v("feedback"),
        outcome_reason=v("outcome_reason") if stage == "closed" else "",
        round_number=int(v("round")) if v("round").isdigit() else 0,
        interview_at=_interview(d.get("interview")),
    )
    if "created" in d:
        app.created_at = _stamp(d["created"])
    last = max((e["at"][:10] for e in history), default=None)
    app.last_activity_on = last or applied
    if stage == "closed":
        before = [e for e in history if e["to"] != "closed"]
        came_from = before[-1]["to"] if before else ("applied" if applied else "wishlist")
        if came_from == "wishlist" and outcome in ("rejected", "ghosted", "declined", "accepted"):
            came_from = "applied"  # an answer means it was applied for
        app.closed_from_stage = one_of(STAGES, came_from, "applied")
        closed_on = d.get("outcome_on") or d.get("on_closed") or (d.get("moved") if "moved" in d else None)
        app.outcome_on = closed_on.day.isoformat() if closed_on else None
    ref = _ref(si, row)
    if ref:
        app.extra[IMPORT_REF] = ref
    return app


def _ref(si: SheetImport, row: Row) -> str:
    source_id = row.get("id")
    if not source_id or si.preset == "rebound":
        return ""
    return f"{si.preset}:{source_id}"


# --------------------------------------------------------------------------- matching and planning


class _Index:
    def __init__(self, apps: Iterable[Application]) -> None:
        self.by_id: dict[str, Application] = {}
        self.by_ref: dict[str, Application] = {}
        self.by_key: dict[tuple[str, str, str], Application] = {}
        self.by_pair: dict[tuple[str, str], list[Application]] = {}
        for a in apps:
            self.add(a)

    def add(self, a: Application) -> None:
        self.by_id[a.id] = a
        ref = a.extra.get(IMPORT_REF)
        if isinstance(ref, str) and ref:
            self.by_ref.setdefault(ref, a)
        pair = (fold(a.company), fold(a.role))
        self.by_key.setdefault((*pair, a.applied_on or ""), a)
        self.by_pair.setdefault(pair, []).append(a)

    def match(self, si: SheetImport, row: Row, applied: str) -> Application | None:
        if si.preset == "rebound" and row.get("id") in self.by_id:
            return self.by_id[row.get("id")]
        ref = _ref(si, row)
        if ref:
            return self.by_ref.get(ref)
        pair = (fold(row.get("company")), fold(row.get("role")))
        found = self.by_key.get((*pair, applied))
        if found is not None:
            return found
        loose = [a for a in self.by_pair.get(pair, []) if not a.applied_on or not applied]
        return loose[0] if len(loose) == 1 else None


def label(a: Application) -> str:
    """How the preview shows an application."""
    stage = f"Closed ({a.outcome})" if a.stage == "closed" and a.outcome else STAGE_LABELS.get(a.stage, a.stage)
    bits = [a.title, stage]
    if a.applied_on:
        bits.append(f"applied {a.applied_on}")
    return " · ".join(bits)


_COMPARED = ("company", "role", "url", "location", "salary", "source", "work_mode", "deadline", "applied_on",
             "next_action", "next_action_date", "feedback", "interview_at")


def _merge(before: Application, new: Application, row: Row, today: date) -> tuple[Application, list[str], str]:
    """(updated copy, what changed, a note) — the file fills and corrects fields, adds contact names
    and tags, keeps notes typed in Rebound, and moves the stage only forward or when the file's
    move is newer than the card's last one."""
    after = before.copy()
    what: list[str] = []
    for name in _COMPARED:
        value = getattr(new, name)
        if value and value != getattr(before, name):
            what.append(f"{name.replace('_', ' ')} {getattr(before, name) or '(none)'} → {value}")
            setattr(after, name, value)
    if new.notes and not before.notes.strip():
        after.notes = new.notes
        what.append("notes added")
    for name in ("contact_names", "tags"):
        merged = list(dict.fromkeys([*getattr(before, name), *getattr(new, name)]))
        if merged != getattr(before, name):
            setattr(after, name, merged)
            what.append(f"{name.replace('_', ' ')} added")
    note = ""
    if (new.stage, new.outcome) != (before.stage, before.outcome):
        moved = row.dates.get("moved")
        last_move = max((str(e.get("at") or "") for e in before.stage_history if isinstance(e, dict)), default="")
        newer = moved is not None and moved.iso() >= last_move
        forward = before.stage != "closed" and (
            new.stage == "closed" or stage_index(new.stage) > stage_index(before.stage))
        if newer or (moved is None and forward):
            at = moved.iso() if moved is not None else clock.stamp()
            entry: StageMove = {"from": before.stage, "to": new.stage, "at": at}
            if new.stage == "closed":
                entry["outcome"] = new.outcome
                after.closed_from_stage = before.stage if before.stage != "closed" else before.closed_from_stage
                after.outcome_on = (moved.day if moved else today).isoformat()
            else:
                after.outcome, after.outcome_on, after.closed_from_stage = "", None, ""
            if before.stage != new.stage:
                after.stage_history = [*before.stage_history, entry]
                after.stage_entered_on = at[:10]
            after.stage, after.outcome = new.stage, new.outcome
            what.append(f"stage {_stage_text(before)} → {_stage_text(new)}")
        else:
            note = (f"{before.title}: kept at {_stage_text(before)}; the file says {_stage_text(new)}, "
                    "an older state")
    return after, what, note


def _stage_text(a: Application) -> str:
    return f"Closed ({a.outcome})" if a.stage == "closed" else STAGE_LABELS.get(a.stage, a.stage)


def plan_applications(si: SheetImport, existing: Iterable[Application], contacts: Iterable[Contact] = (),
                      today: date | None = None) -> ImportPlan[Application]:
    """Decide row by row what to add, update, leave or skip. Pure: nothing is saved."""
    today = today or clock.today()
    plan: ImportPlan[Application] = ImportPlan(noun="row", skipped=list(si.sheet.skipped))
    index = _Index(existing)
    people = list(contacts)
    seen: dict[str, int] = {}
    defaulted: dict[str, int] = {}
    width = len(si.sheet.headers)
    if "company" not in si.mapping.columns:
        plan.notes.append("no column was read as the company: map one with --map company=HEADER")
    for r in si.sheet.rows:
        plan.rows += 1
        if len(r.cells) > width and any(c.strip() for c in r.cells[width:]):
            plan.skipped.append(Skipped(r.line, "", f"{len(r.cells)} values for {width} columns "
                                                    "(an unquoted separator?)"))
            continue
        row = read_row(si, r.line, r.cells)
        name = " — ".join(b for b in (row.get("company"), row.get("role")) if b)
        if not row.get("company"):
            plan.skipped.append(Skipped(r.line, name, "no company (every application needs one)"))
            continue
        for bad in row.bad_dates:
            plan.notes.append(f"line {r.line} ({name}): couldn't read the date {bad}; imported without it")
        choice, stage_name = _choice_for(si, row)
        if choice is None:
            choice = S.APPLIED
            defaulted[stage_name] = defaulted.get(stage_name, 0) + 1
        app = new_application(si, row, choice)
        match = index.match(si, row, app.applied_on or "")
        if match is not None and match.id in seen and si.preset == "rebound" and row.get("id") not in ("", match.id):
            match = None  # Rebound's own export: two ids are two applications, however alike
        if match is not None and match.id in seen:
            plan.skipped.append(Skipped(r.line, name, f"same application as line {seen[match.id]}"))
            continue
        if match is None:
            if si.preset == "rebound" and row.get("id") and row.get("id") not in index.by_id:
                app.id = row.get("id")
            app = link_contacts(app, people)
            plan.added.append(app)
            index.add(app)
            seen[app.id] = r.line
            continue
        seen[match.id] = r.line
        after, what, note = _merge(match, app, row, today)
        if note:
            plan.notes.append(note)
        if what:
            plan.updated.append(Update(match, link_contacts(after, people), what, r.line))
        else:
            plan.unchanged += 1
    for stage_name, n in defaulted.items():
        plan.notes.append(f"stage {stage_name!r} ({n} row{'s' if n != 1 else ''}) isn't one Rebound knows: "
                          f"imported as Applied (choose with --stage '{stage_name}=STAGE', or run at a terminal)")
    if si.ambiguous_dates:
        plan.notes.append("dates like 3/1/2026 could be either way round; they were read month first "
                          "(March 1). If they are day first, run again with --day-first")
    plan.skipped.sort(key=lambda s: s.line)
    return plan


def apply_plan(store: Store, plan: ImportPlan[Application], si: SheetImport | None = None) -> int:
    """Save the plan in one write (with the mapping remembered for this layout when it was given)."""
    records = [*plan.added, *(u.after for u in plan.updated)]
    remember = si is not None and si.remember
    if not records and not remember:
        return 0
    with store.batch():
        if records:
            store.applications.save_many(records)
        if si is not None and remember:
            stages = {name: S.encode(choice) for name, choice in si.stages_given.items()}
            store.settings.save(C.with_memory(store.settings.current(), si.signature, si.columns_given, stages))
    return len(records)
