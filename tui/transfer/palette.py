"""The palette's moving-in and moving-out commands, on every screen (``ReboundApp`` lists them with
its own). The dialogs load on first use: listing the commands costs nothing at start-up."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from textual.app import SystemCommand

from tui.transfer.kinds import ExportKind, ImportKind

if TYPE_CHECKING:
    from tui.app import ReboundApp

IMPORTS = [
    ("Import applications (CSV, Huntr, JobSync)…", "A spreadsheet's CSV, Huntr or JobSync, with a preview",
     ImportKind.APPLICATIONS),
    ("Import journal (jrnl)…", "jrnl's JSON export or its text file, with a preview", ImportKind.JOURNAL),
    ("Import contacts (vCard)…", "A .vcf from Monica, Apple or Google Contacts, with a preview", ImportKind.CONTACTS),
]
IMPORT_ALL = ("Import everything (export all file)…", "Rebound's 'export all' file, into an empty data folder",
              ImportKind.EVERYTHING)
EXPORTS = [
    ("Export applications (CSV)", "Every application with a day per stage, into the exports folder",
     ExportKind.APPLICATIONS),
    ("Export work-search log…", "Date, employer, position, how, contact, result — this week by default",
     ExportKind.ACTIVITY),
    ("Export journal (Markdown / jrnl)", "Your entries as Markdown, or for jrnl --import", ExportKind.JOURNAL),
    ("Export contacts (CSV / iCalendar / vCard)", "A spreadsheet, a calendar of due dates, or an address book",
     ExportKind.CONTACTS),
    ("Export everything (JSON)", "All your data in one file; import all reads it back", ExportKind.EVERYTHING),
]


def commands(app: ReboundApp) -> Iterator[SystemCommand]:
    def start_import(kind: ImportKind) -> None:
        from tui.transfer import flows

        flows.start_import(app, kind)

    def start_export(kind: ExportKind) -> None:
        from tui.transfer import flows

        flows.start_export(app, kind)

    def linkedin() -> None:
        from tui.transfer import flows

        flows.import_linkedin(app)

    for title, help_text, kind in IMPORTS:
        yield SystemCommand(title, help_text, lambda k=kind: start_import(k))
    yield SystemCommand("Import LinkedIn connections…", "Connections.csv, with a preview before saving", linkedin)
    title, help_text, kind = IMPORT_ALL
    yield SystemCommand(title, help_text, lambda k=kind: start_import(k))
    for title, help_text, export in EXPORTS:
        yield SystemCommand(title, help_text, lambda k=export: start_export(k))
