"""Reading an import file and planning it, without the UI (plain Python; the preview runs it in a
thread worker so the screen never freezes).

The store is read on the UI thread (:class:`Snapshot`), the file and the plan are made in the
worker from that snapshot, and the result is a :class:`Prepared`: the preview's lines, the counts,
and the one function that saves it (run by :class:`~tui.transfer.actions.TransferActions` through
``app.write``). Nothing here writes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from store.importing import applications as A
from store.importing import journal as J
from store.importing import stages as S
from store.importing import vcard as V
from store.importing.common import MAX_FILE_BYTES, ImportPlan
from store.models import Application, Contact, JournalEntry, Settings
from tui.shell.keymap import key_of
from tui.transfer.kinds import ImportKind

if TYPE_CHECKING:
    from store.db import Store


#: (title, what the file is, an example path) per kind, for the path prompt.
ASK: dict[ImportKind, tuple[str, str, str]] = {
    ImportKind.APPLICATIONS: ("Import applications", "a CSV from a spreadsheet, Huntr or JobSync",
                              "~/Downloads/applications.csv"),
    ImportKind.JOURNAL: ("Import a journal", "jrnl's JSON export (jrnl --export json) or a jrnl text file",
                         "~/journal.json"),
    ImportKind.CONTACTS: ("Import contacts", "a vCard file (.vcf) from Monica, Apple or Google Contacts",
                          "~/Downloads/contacts.vcf"),
    ImportKind.EVERYTHING: ("Import everything", "an 'export all' file of Rebound (into an empty data folder)",
                            "~/rebound-all.json"),
}


def check_path(text: str) -> str | None:
    """For the path prompt, as it is typed: None when the file can be read, else what is wrong."""
    if not text.strip():
        return "Type the path of the file."
    p = Path(text.strip()).expanduser()
    try:
        if not p.exists():
            return f"No such file: {p}"
        if p.is_dir():
            return f"{p} is a folder; give the path of the file inside it."
        if not p.is_file():
            return f"{p} is not a regular file."
        size = p.stat().st_size
    except OSError as exc:
        return f"Can't read {p}: {exc.strerror or exc}."
    if size > MAX_FILE_BYTES:
        return f"{p} is {size / 1e6:.0f} MB; that is too big to import."
    return None


def resolve(text: str) -> Path:
    return Path(text.strip()).expanduser()


@dataclass(frozen=True)
class Snapshot:
    """What the plans compare against, read from the store on the UI thread."""

    applications: list[Application]
    contacts: list[Contact]
    journal: list[JournalEntry]
    settings: Settings
    tables: list[str]
    empty: bool

    @classmethod
    def of(cls, store: Store) -> Snapshot:
        from store.exporting.everything import repos
        from store.importing.everything import is_empty

        return cls(store.applications.all(), store.contacts.all(), store.journal.all(), store.settings.current(),
                   [r.table_name for r in repos(store)], is_empty(store))


@dataclass
class Prepared:
    """A file read and planned: what the preview shows and how it is saved."""

    kind: ImportKind
    lines: list[str]
    counts: str
    has_changes: bool
    #: saves it in one write (``app.write`` runs it); None when the file can't be saved here
    apply: Callable[[Store], int] | None
    refusal: str = ""
    added: int = 0
    updated: int = 0
    #: applications: the file as read and mapped, and the stage names Rebound didn't know
    sheet: A.SheetImport | None = None
    unknown: list[tuple[str, int]] = field(default_factory=list)


# The store's notes name the CLI's options; in the app the same choices are keys of the preview
# ({o}: its options key, as bound now).
_CLI_HINTS = [
    (re.compile(r" \(choose with --stage '.*?', or run at a terminal\)"), " (press {o}, then stage names, to choose)"),
    (re.compile(r"map one with --map company=HEADER"), "press {o}, then columns, to choose its column"),
    (re.compile(r"If they are day first, run again with --day-first"), "If they are day first, press {o}, then dates"),
]


def app_wording(line: str) -> str:
    options = key_of("transfer.options")
    for rx, text in _CLI_HINTS:
        parts = rx.split(line)  # no groups: the text between the matches
        line = text.replace("{o}", options).join(parts)
    return line


@dataclass
class SheetChoices:
    """What the person chose in the preview: columns (field → header, "" leaves it out), stage
    names (name → stage choice) and the date order."""

    columns: dict[str, str] = field(default_factory=dict)
    stages: dict[str, S.Choice] = field(default_factory=dict)
    day_first: bool | None = None


def read_applications(data: bytes, snap: Snapshot, choices: SheetChoices) -> Prepared:
    si = A.open_sheet(data, None, settings=snap.settings, overrides=dict(choices.columns) or None,
                      day_first=choices.day_first)
    if choices.stages:
        si.stages_given.update(choices.stages)
        si.remember = True
    unknown = A.unknown_stages(si)
    plan = A.plan_applications(si, snap.applications, snap.contacts)
    lines = [*si.mapping_lines(), *plan.summary_lines(A.label)]

    def apply(store: Store) -> int:
        return A.apply_plan(store, plan, si)

    return _prepared(ImportKind.APPLICATIONS, lines, plan, apply, si.remember, sheet=si, unknown=unknown)


def read_journal(data: bytes, snap: Snapshot) -> Prepared:
    parsed = J.parse_jrnl(data)
    plan = J.plan_journal(parsed, snap.journal)
    lines = [f"Read as: jrnl {'JSON export' if parsed.form == 'json' else 'text'}.", *plan.summary_lines(J.label)]

    def apply(store: Store) -> int:
        return J.apply_plan(store, plan)

    return _prepared(ImportKind.JOURNAL, lines, plan, apply)


def read_contacts(data: bytes, snap: Snapshot) -> Prepared:
    plan = V.plan_contacts(V.parse_vcards(data), snap.contacts, snap.settings)

    def apply(store: Store) -> int:
        return V.apply_plan(store, plan)

    return _prepared(ImportKind.CONTACTS, ["Read as: vCard.", *plan.summary_lines(V.label)], plan, apply)


def read_everything(data: bytes, snap: Snapshot) -> Prepared:
    from store.importing import everything as E

    found = E.parse_all(data, snap.tables)
    lines = [f"{found.count:,} records: " + (", ".join(found.summary_lines()) or "none")]
    counts = f"{found.count:,} records"
    if not snap.empty:
        refusal = ("This data folder already holds records; 'import all' only fills an empty one. Start "
                   "Rebound with --data-dir NEW_FOLDER and import there. Nothing was changed.")
        return Prepared(ImportKind.EVERYTHING, [*lines, "", refusal], counts, False, None, refusal)

    def apply(store: Store) -> int:
        return E.apply_all(store, found)

    return Prepared(ImportKind.EVERYTHING, lines, counts, found.count > 0, apply, added=found.count)


def _prepared(kind: ImportKind, lines: list[str], plan: ImportPlan[Any], apply: Callable[[Store], int],
              remember: bool = False, **more: Any) -> Prepared:
    return Prepared(kind, [app_wording(line) for line in lines], plan.counts_line(),
                    plan.has_changes or remember, apply, added=len(plan.added), updated=len(plan.updated), **more)


def read_file(kind: ImportKind, data: bytes, snap: Snapshot, choices: SheetChoices | None = None) -> Prepared:
    """Plan ``data`` as ``kind`` (raises :class:`~store.importing.common.ImportFormatError`)."""
    if kind is ImportKind.APPLICATIONS:
        return read_applications(data, snap, choices or SheetChoices())
    if kind is ImportKind.JOURNAL:
        return read_journal(data, snap)
    if kind is ImportKind.CONTACTS:
        return read_contacts(data, snap)
    return read_everything(data, snap)
