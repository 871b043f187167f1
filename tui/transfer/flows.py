"""What a moving-in or moving-out command asks before it acts: the dialogs in order, then one call
of :class:`~tui.transfer.actions.TransferActions`, then a toast saying what happened. After an
import the screens refresh by themselves (the store's change signal moved on)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.dialogs import TextPromptDialog
from tui.transfer import ask
from tui.transfer.actions import FORMATS, Done, Span, TransferActions
from tui.transfer.kinds import ExportKind, ImportKind
from tui.transfer.preview import ImportPreview
from tui.transfer.reading import ASK, Prepared, Snapshot, check_path, resolve

if TYPE_CHECKING:
    from pathlib import Path

    from tui.app import ReboundApp

EXPORT_TITLES = {ExportKind.APPLICATIONS: "Export applications", ExportKind.ACTIVITY: "Export the work-search log",
                 ExportKind.JOURNAL: "Export the journal", ExportKind.CONTACTS: "Export contacts",
                 ExportKind.EVERYTHING: "Export everything"}


def report(app: ReboundApp, done: Done | None) -> None:
    if done is not None:
        app.notify(done.message, title="Export" if done.path else "Import",
                   severity="error" if done.error else "information", timeout=done.timeout, markup=False)


def start_import(app: ReboundApp, kind: ImportKind) -> None:
    """The path (checked as it is typed), then the preview, then one write."""
    title, what, example = ASK[kind]

    def got(text: str | None) -> None:
        if text is not None and check_path(text) is None:
            preview(app, kind, resolve(text))

    app.push_screen(TextPromptDialog(title, f"Path of {what}. You'll see a preview before anything changes.",
                                     placeholder=example, validate=check_path), got)


def preview(app: ReboundApp, kind: ImportKind, path: Path) -> None:
    """Read and plan ``path`` in the preview; save it if the person says so."""

    def decided(prepared: Prepared | None) -> None:
        if prepared is not None:
            report(app, TransferActions(app.write, app.store).save_import(prepared, path.name))

    app.push_screen(ImportPreview(kind, path, Snapshot.of(app.store)), decided)


def import_linkedin(app: ReboundApp) -> None:
    """LinkedIn's Connections.csv: its own preview (cadence of new contacts, same-name rows)."""
    from store.linkedin import ImportPlan
    from tui.contacts.actions import ContactsActions
    from tui.contacts.importing import ask_for_import

    def confirmed(plan: ImportPlan) -> None:
        done = ContactsActions(app.write, app.store).import_linkedin(plan)
        if done is not None:
            app.notify(done.message, title="Import", timeout=done.timeout, markup=False)

    ask_for_import(app, app.store.contacts.all(), app.store.settings.current(), confirmed)


def start_export(app: ReboundApp, kind: ExportKind) -> None:
    """The format (when there is a choice), for the work-search log the days, then a new file."""
    actions = TransferActions(app.write, app.store)
    formats = FORMATS[kind]

    def with_format(fmt: str) -> None:
        if kind is ExportKind.ACTIVITY:
            ask.ask_span(app, lambda span: write(fmt, span))
        else:
            write(fmt, None)

    def write(fmt: str, span: Span | None) -> None:
        report(app, actions.export(kind, fmt, span))

    if len(formats) == 1:
        with_format(formats[0][0])
        return
    ask.choose(app, f"{EXPORT_TITLES[kind]}: which format?", formats, with_format, selected=0,
               message="A new file in the exports folder of your data (plain text, readable only by you).")
