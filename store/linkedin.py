"""Importing LinkedIn's ``Connections.csv`` (Settings → Data privacy → Get a copy of your data).

What the file looks like, and what we do about each quirk:

* It starts with a ``Notes:`` preamble of varying length (a quoted paragraph about hidden email
  addresses, sometimes none at all), and may carry a byte-order mark. The header row is found by
  its content (a row holding ``First Name`` and ``Last Name``), never by a fixed line count.
* Columns: First Name, Last Name, URL, Email Address, Company, Position, Connected On. Older
  exports lack URL; a column we don't know is ignored; order doesn't matter. A spreadsheet re-save
  may squeeze the names (``EmailAddress``, ``ConnectedOn``); a Spanish export names them in Spanish;
  the Outlook-style export has a ``Title`` (an honorific: Dr., Ms.) beside ``Job Title``, and only
  the job title is the position.
* Separators: ``,`` or ``;`` (a spreadsheet re-saved in most of Europe), found from the header row.
* Dates look like ``12 Mar 2024`` (also read: ``12 March 2024``, ``Mar 12, 2024``, ``2024-03-12``,
  Spanish months ``12 ene. 2024``, and 2018-era ``1/8/18, 6:14 PM``, month first); a date we can't
  read is dropped with a note, the row is still imported.
* A row the export wrapped whole in quotes (``"Ana,Almeida,…"``) is unwrapped, not lost.
* Values can hold quoted commas and line breaks (the csv module reads them).
* Members who left LinkedIn have empty names: skipped and counted.
* A bad row never aborts the rest: it is skipped with its line number and the reason.

Matching an existing contact: by LinkedIn URL, then email, then name with company (or with the
day you connected, which survives a job change in exports without URLs), then — for a row or an
earlier LinkedIn contact without a profile URL — by the name alone when exactly one contact has
it (so re-importing name-only rows, or an old export then a current one, never duplicates). A
re-import updates company and position, records a real change in ``Contact.changes`` (a job change
makes the contacts list suggest a congratulations; a position merely filled in is not one), and fills
a URL, email or connection date we lacked. A position like Recruiter or Talent Partner sets the role
to recruiter. New contacts' first due dates are spread over one cadence so day one is not a wall of
overdue.
"""

from __future__ import annotations

import csv
import io
import logging
import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from . import clock
from .contacts import cadence_days, cadence_label, effective_cadence
from .errors import ImportFormatError as ImportFormatError  # importers know it from here
from .importing.common import normalize_newlines
from .importing.sheet import unwrap
from .importing.sheetdates import month_number
from .models import CADENCE_KEYS, Contact, Settings, one_of
from .sanitize import clean_line

if TYPE_CHECKING:
    from .db import Store

Progress = Callable[[int, int], None]

#: Largest file we read (a 30,000-connection export is about 5 MB).
MAX_FILE_BYTES = 50 * 1024 * 1024
HEADER_SCAN_LINES = 200
PROGRESS_EVERY = 100

_ALIASES = {
    "first name": "first", "firstname": "first", "first": "first",
    "last name": "last", "lastname": "last", "last": "last",
    "url": "url", "profile url": "url", "linkedin url": "url", "profile": "url",
    "email address": "email", "email": "email", "e-mail address": "email", "e-mail": "email",
    "company": "company", "company name": "company", "organization": "company",
    "position": "position", "title": "position", "job title": "position",
    "connected on": "connected_on", "connected": "connected_on",
    # a Spanish export
    "nombre": "first", "apellidos": "last", "apellido": "last", "dirección de correo electrónico": "email",
    "correo electrónico": "email", "empresa": "company", "cargo": "position", "puesto": "position",
    "fecha de conexión": "connected_on", "conectado el": "connected_on", "url del perfil": "url",
}
#: The same names with the spaces squeezed out (``EmailAddress``, ``ConnectedOn`` after a re-save).
_SQUEEZED = {k.replace(" ", "").replace("-", ""): v for k, v in _ALIASES.items()}
#: In the Outlook-style export, ``Title`` is an honorific and ``Job Title`` the position.
_HONORIFIC_WITH = {"job title", "middle name", "suffix"}
_RECRUITER = re.compile(r"recruit|talent|sourcer|sourcing|head of people|people partner|headhunt|"
                        r"reclut|selecci[oó]n", re.IGNORECASE)
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_DMY = re.compile(r"^(\d{1,2})[ -](?:de )?([^\W\d_]{3,10})\.?[ ,-]+(?:de )?(\d{4}|\d{2})$")
_MDY = re.compile(r"^([^\W\d_]{3,10})\.? (\d{1,2}),? (\d{4})$")
#: 2018-era exports: ``1/8/18, 6:14 PM`` (US order: month first, as the 12-hour clock says).
_US_STAMP = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4}),? \d{1,2}:\d{2}(?::\d{2})? ?[AaPp]\.? ?[Mm]\.?$")
_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060"), None)

log = logging.getLogger("rebound")

NO_NAME = "no name (the member left LinkedIn or hides their profile)"


@dataclass(slots=True)
class LinkedInRow:
    line: int
    first: str
    last: str
    url: str = ""
    email: str = ""
    company: str = ""
    position: str = ""
    connected_on: date | None = None

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}".strip()


@dataclass(slots=True)
class Skipped:
    line: int
    name: str
    reason: str

    def describe(self) -> str:
        who = f" ({self.name})" if self.name else ""
        return f"line {self.line}{who}: {self.reason}"


@dataclass
class ParsedFile:
    rows: list[LinkedInRow] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    header_line: int = 0
    columns: list[str] = field(default_factory=list)
    has_url: bool = False


@dataclass
class Update:
    before: Contact
    after: Contact
    what: list[str]
    job_change: bool = False
    line: int = 0


@dataclass
class ImportPlan:
    """What an import would do; :func:`apply_import` carries it out in one write."""

    added: list[Contact] = field(default_factory=list)
    updated: list[Update] = field(default_factory=list)
    unchanged: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    rows: int = 0
    spread_days: int = 0
    cadence: str = ""

    @property
    def job_changes(self) -> list[Update]:
        return [u for u in self.updated if u.job_change]

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.updated)

    def summary_lines(self, limit: int = 20) -> list[str]:
        """A plain-text summary (the CLI prints it; the preview shows it)."""
        out = [f"{self.rows:,} row(s) read."]
        spread = ""
        if self.added and self.spread_days:
            spread = (f"; first check-ins spread over the next {self.spread_days} days "
                      f"({cadence_label(self.cadence)})")
        elif self.added:
            spread = "; no reminders (cadence: none)"
        out.append(f"Added: {len(self.added):,} new contact(s){spread}.")
        for c in self.added[:limit]:
            bits = ", ".join(b for b in (c.title, c.company) if b)
            out.append(f"  + {c.display_name}" + (f" — {bits}" if bits else ""))
        if len(self.added) > limit:
            out.append(f"  … and {len(self.added) - limit:,} more")
        jobs = len(self.job_changes)
        extra = f" ({jobs} changed jobs: a congratulations is suggested)" if jobs else ""
        out.append(f"Updated: {len(self.updated):,}{extra}.")
        for u in self.updated[:limit]:
            out.append(f"  ~ {u.after.display_name}: {'; '.join(u.what)}")
        if len(self.updated) > limit:
            out.append(f"  … and {len(self.updated) - limit:,} more")
        out.append(f"Unchanged: {self.unchanged:,}.")
        out.append(f"Skipped: {len(self.skipped):,}.")
        for s in self.skipped[:limit]:
            out.append(f"  - {s.describe()}")
        if len(self.skipped) > limit:
            out.append(f"  … and {len(self.skipped) - limit:,} more")
        for n in self.notes[:limit]:
            out.append(f"Note: {n}")
        if len(self.notes) > limit:
            out.append(f"Note: … and {len(self.notes) - limit:,} more")
        return out


# --------------------------------------------------------------------------- reading the file


def read_bytes(path: str | Path) -> bytes:
    """The file's bytes, with clear errors (missing, a folder, not a regular file, too big,
    unreadable); at most :data:`MAX_FILE_BYTES` are read, and a pipe or a device is refused without
    blocking (see :func:`store.importing.common.read_bytes`)."""
    from .importing import common

    try:
        return common.read_bytes(path, "Connections.csv", limit=MAX_FILE_BYTES,
                                 too_big="a Connections.csv is a few MB at most")
    except common.ImportFormatError as exc:
        raise ImportFormatError(str(exc)) from None


def decode(data: bytes | str) -> str:
    """Text of the file: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252."""
    if isinstance(data, str):
        text = data
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    return normalize_newlines(text.lstrip("\ufeff").replace("\x00", ""))


def _norm_header(cell: str) -> str:
    return " ".join(cell.translate(_INVISIBLE).strip().strip('"').casefold().split())


def _header_key(cell: str) -> str:
    norm = _norm_header(cell)
    return _ALIASES.get(norm) or _SQUEEZED.get(norm.replace(" ", "").replace("-", ""), "")


def _find_header(lines: list[str]) -> tuple[int, list[str], str] | None:
    """(line index, a key per column, the separator) of the header row."""
    for i, line in enumerate(lines[:HEADER_SCAN_LINES]):
        for delimiter in (",", ";", "\t"):
            if delimiter not in line:
                continue
            try:
                cells = next(csv.reader([line], delimiter=delimiter))
            except (csv.Error, StopIteration):
                continue
            keys = [_header_key(c) for c in cells]
            if "first" in keys and "last" in keys:
                names = {_norm_header(c) for c in cells}
                if names & _HONORIFIC_WITH and "job title" in names:
                    keys = ["" if _norm_header(c) == "title" else k for c, k in zip(cells, keys, strict=True)]
                return i, keys, delimiter
    return None


def parse_linkedin_date(text: str) -> date | None:
    """``12 Mar 2024`` (LinkedIn's form), ``12 March 2024``, ``Mar 12, 2024``, ``2024-03-12``, Spanish
    months (``12 ene. 2024``) and 2018's ``1/8/18, 6:14 PM``. A bare ``03/12/2024`` is not guessed."""
    raw = " ".join((text or "").split())
    if not raw:
        return None
    try:
        m = _DMY.match(raw)
        if m:
            month = month_number(m.group(2))
            year = int(m.group(3))
            year = year + 2000 if year < 100 else year  # "12 Mar 24": LinkedIn began in 2003
            return date(year, month, int(m.group(1))) if month else None
        m = _MDY.match(raw)
        if m:
            month = month_number(m.group(1))
            return date(int(m.group(3)), month, int(m.group(2))) if month else None
        m = _ISO.match(raw)
        if m:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        m = _US_STAMP.match(raw)
        if m:
            year = int(m.group(3))
            return date(year + 2000 if year < 100 else year, int(m.group(1)), int(m.group(2)))
        m = _SLASHED.match(raw)
        if m and int(m.group(2)) > 12:  # only when the order can't be in doubt (3/25/2024)
            return date(int(m.group(3)), int(m.group(1)), int(m.group(2)))
    except ValueError:
        return None
    return None


def _cell(value: str, limit: int = 300) -> str:
    return clean_line(value.translate(_INVISIBLE), limit=limit)


def parse_connections(data: bytes | str) -> ParsedFile:
    """Read a Connections.csv. Raises :class:`ImportFormatError` only when no header row is found;
    every problem after that is a skipped row or a note."""
    text = decode(data)
    lines = text.split("\n")
    found = _find_header(lines)
    if found is None:
        raise ImportFormatError(
            "No header row with 'First Name' and 'Last Name' in the first "
            f"{HEADER_SCAN_LINES} lines: is this LinkedIn's Connections.csv?")
    header_index, keys, delimiter = found
    out = ParsedFile(header_line=header_index + 1, columns=[k for k in keys if k], has_url="url" in keys)
    body = "\n".join(lines[header_index + 1:])
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=delimiter)
    width = len(keys)
    prev_end = header_index + 1  # physical lines consumed so far (1-based line of the header)
    while True:
        start_line = prev_end + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            prev_end = header_index + 1 + reader.line_num
            out.skipped.append(Skipped(start_line, "", f"unreadable row ({exc})"))
            continue
        prev_end = header_index + 1 + reader.line_num
        cells = unwrap(cells, len(keys), delimiter)
        if not cells or all(not c.strip() for c in cells):
            continue  # a blank line
        if len(cells) > width and any(c.strip() for c in cells[width:]):
            name = _cell(" ".join(cells[:2]))
            out.skipped.append(Skipped(start_line, name,
                                       f"{len(cells)} values for {width} columns (an unquoted comma?)"))
            continue
        if len(cells) < width and len(cells) < 3:
            out.skipped.append(Skipped(start_line, _cell(" ".join(cells[:2])),
                                       f"only {len(cells)} of {width} values (the row looks cut off)"))
            continue
        values: dict[str, str] = {}
        for key, value in zip(keys, cells, strict=False):  # a short or long row: what lines up
            if key and key not in values:
                values[key] = value
        first = _cell(values.get("first", ""), 200)
        last = _cell(values.get("last", ""), 200)
        if not first and not last:
            out.skipped.append(Skipped(start_line, "", NO_NAME))
            continue
        raw_date = values.get("connected_on", "")
        connected = parse_linkedin_date(raw_date)
        if raw_date.strip() and connected is None:
            out.notes.append(f"line {start_line} ({first} {last}): couldn't read the date "
                             f"{_cell(raw_date, 30)!r}; imported without it")
        email = _cell(values.get("email", ""), 320)
        if email and "@" not in email:
            out.notes.append(f"line {start_line} ({first} {last}): {email[:40]!r} is not an email; left out")
            email = ""
        out.rows.append(LinkedInRow(
            line=start_line, first=first, last=last, url=_cell(values.get("url", ""), 500),
            email=email, company=_cell(values.get("company", "")),
            position=_cell(values.get("position", "")), connected_on=connected,
        ))
    return out


# --------------------------------------------------------------------------- matching


def normalize_url(url: str) -> str:
    """``https://www.linkedin.com/in/Jane-Doe/?trk=x`` → ``linkedin.com/in/jane-doe``."""
    raw = (url or "").strip()
    if not raw:
        return ""
    if "://" not in raw:
        raw = "https://" + raw
    try:
        parts = urlsplit(raw)
    except ValueError:
        return raw.casefold()
    host = parts.hostname or ""
    if host.endswith("linkedin.com"):
        host = "linkedin.com"
    path = unquote(parts.path).rstrip("/").casefold()
    return f"{host}{path}"


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text or "")
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().split())


def name_key(first: str, last: str) -> str:
    return _fold(f"{first} {last}")


class _Index:
    """Where to find an existing (or just-planned) contact by each dedupe key."""

    def __init__(self) -> None:
        self.url: dict[str, Contact] = {}
        self.email: dict[str, Contact] = {}
        self.name_company: dict[tuple[str, str], Contact] = {}
        self.name_connected: dict[tuple[str, str], Contact] = {}
        self.names: dict[str, list[Contact]] = {}

    def add(self, c: Contact) -> None:
        u = normalize_url(c.linkedin_url)
        if u:
            self.url.setdefault(u, c)
        for e in c.emails:
            if e.strip():
                self.email.setdefault(e.strip().casefold(), c)
        n = name_key(c.first_name, c.last_name)
        if n:
            if c.company.strip():
                self.name_company.setdefault((n, _fold(c.company)), c)
            if c.connected_on:
                self.name_connected.setdefault((n, c.connected_on), c)
            self.names.setdefault(n, []).append(c)

    def match(self, row: LinkedInRow) -> tuple[Contact | None, str]:
        u = normalize_url(row.url)
        if u and u in self.url:
            return self.url[u], "url"
        if row.email and row.email.casefold() in self.email:
            return self.email[row.email.casefold()], "email"
        n = name_key(row.first, row.last)

        def compatible(c: Contact) -> bool:
            # two different profile URLs are two different people, whatever their names
            return not (u and c.linkedin_url and normalize_url(c.linkedin_url) != u)

        if row.company:
            c = self.name_company.get((n, _fold(row.company)))
            if c is not None and compatible(c):
                return c, "name and company"
        if row.connected_on:
            c = self.name_connected.get((n, row.connected_on.isoformat()))
            if c is not None and compatible(c):
                return c, "name and connection date"
        # The name alone, when exactly one contact has it: a row with nothing but a name (so a
        # re-import doesn't add it again), or an earlier LinkedIn import without profile URLs (an
        # old-format export, then a current one: a job change, not a second person).
        same = [c for c in self.names.get(n, []) if compatible(c)]
        if len(same) == 1:
            only = same[0]
            name_only = not (u or row.email or row.company or row.position or row.connected_on)
            if name_only or (only.source == "linkedin" and not only.linkedin_url):
                return only, "name"
        return None, ""


def _differs(a: str, b: str) -> bool:
    return _fold(a) != _fold(b)


def plan_import(parsed: ParsedFile, existing: Iterable[Contact], settings: Settings | None = None,
                today: date | None = None, progress: Progress | None = None,
                cadence: str = "") -> ImportPlan:
    """Decide, row by row, what to add, update or skip. Pure: nothing is saved.

    ``cadence``: the cadence new contacts get ("" = the default for their role, else the global one).
    """
    today = today or clock.today()
    iso_today = today.isoformat()
    plan = ImportPlan(skipped=list(parsed.skipped), notes=list(parsed.notes), rows=0)
    index = _Index()
    for c in existing:
        index.add(c)
    seen: dict[str, int] = {}  # contact id → the line that matched or created it
    updates: dict[str, Update] = {}
    total = len(parsed.rows)
    plan.rows = total + len(parsed.skipped)
    for n, row in enumerate(parsed.rows, start=1):
        if progress and (n % PROGRESS_EVERY == 0 or n == total):
            progress(n, total)
        try:
            match, _how = index.match(row)
            if match is not None and match.id in seen:
                plan.skipped.append(Skipped(row.line, row.name, f"duplicate of line {seen[match.id]}"))
                continue
            if match is None:
                c = Contact(first_name=row.first, last_name=row.last, company=row.company,
                            title=row.position, emails=[row.email] if row.email else [],
                            linkedin_url=row.url, source="linkedin",
                            connected_on=row.connected_on.isoformat() if row.connected_on else None,
                            how_met="LinkedIn connection", cadence=one_of(CADENCE_KEYS, cadence, ""),
                            cadence_set_on=iso_today,
                            role="recruiter" if _RECRUITER.search(row.position) else "other")
                plan.added.append(c)
                index.add(c)
                seen[c.id] = row.line
                continue
            seen[match.id] = row.line
            after = match.copy()
            what: list[str] = []
            job_change = False
            company_changed = bool(row.company) and _differs(row.company, match.company)
            title_changed = bool(row.position) and _differs(row.position, match.title)
            if company_changed or title_changed:
                # a job change is a value that changed, not one filled in for the first time
                had_job = ((company_changed and bool(match.company.strip()))
                           or (title_changed and bool(match.title.strip())))
                if company_changed:
                    what.append(f"company {match.company or '(none)'} → {row.company}")
                    after.company = row.company
                if title_changed:
                    what.append(f"position {match.title or '(none)'} → {row.position}")
                    after.title = row.position
                if had_job:
                    job_change = True
                    after.changes = [*after.changes, {
                        "on": iso_today, "company": after.company, "title": after.title,
                        "from_company": match.company, "from_title": match.title}]
            if title_changed and match.role == "other" and _RECRUITER.search(row.position):
                after.role = "recruiter"
                what.append("role recruiter (from the position)")
            if row.url and not match.linkedin_url:
                after.linkedin_url = row.url
                what.append("LinkedIn URL added")
            if row.email and row.email.casefold() not in {e.casefold() for e in match.emails}:
                after.emails = [*match.emails, row.email]
                what.append("email added")
            if row.connected_on and not match.connected_on:
                after.connected_on = row.connected_on.isoformat()
                what.append("connection date added")
            if what:
                updates[match.id] = Update(match, after, what, job_change, row.line)
            else:
                plan.unchanged += 1
        except (ValueError, TypeError, AttributeError, LookupError) as exc:  # a bad row never aborts the rest
            log.warning("LinkedIn import: line %d skipped (%s)", row.line, type(exc).__name__)  # no user text
            plan.skipped.append(Skipped(row.line, row.name, f"could not be imported ({exc})"))
    plan.updated = list(updates.values())
    plan.skipped.sort(key=lambda s: s.line)
    _spread_first_due(plan, settings, today)
    return plan


def _spread_first_due(plan: ImportPlan, settings: Settings | None, today: date) -> None:
    """Give new contacts first due dates spread evenly over one cadence (newest connections first)."""
    if not plan.added:
        return
    key, _ = effective_cadence(plan.added[0], settings)
    plan.cadence = key
    span = cadence_days(key)
    plan.spread_days = span
    if span <= 0:
        return
    order = sorted(plan.added, key=lambda c: c.connected_on or "", reverse=True)
    n = len(order)
    for i, c in enumerate(order):
        offset = max(1, math.ceil((i + 1) * span / n))
        c.first_due_on = (today + timedelta(days=offset)).isoformat()


def preview_file(store: Store, path: str | Path, progress: Progress | None = None,
                 cadence: str = "") -> ImportPlan:
    """Read ``path`` and plan its import against ``store`` (nothing is saved)."""
    parsed = parse_connections(read_bytes(path))
    return plan_import(parsed, store.contacts.all(), store.settings.current(), progress=progress,
                       cadence=cadence)
