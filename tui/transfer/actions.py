"""What moving in and out does, without the screen: plain Python over ``app.write`` and the store.

* :meth:`TransferActions.save_import` saves a previewed import (:class:`~tui.transfer.reading.Prepared`)
  in one write through ``app.write``;
* :meth:`TransferActions.export` writes an export as a new file in the exports folder (never over
  another file: a ``-2``, ``-3``… name instead), 0600, and says where, and that it is plain text.

No Textual here: the tests drive it with a :class:`~store.db.Store` and a stand-in ``write``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from store import clock, logs
from store.dates import short_date
from store.errors import StoreError
from tui.shell.keymap import undo_offer
from tui.transfer.kinds import ExportKind
from tui.transfer.reading import Prepared

if TYPE_CHECKING:
    from store.db import Store

#: ``ReboundApp.write``: run ``fn(*args, **kwargs)``; True when the change took effect.
Write = Callable[..., bool]

PLAINTEXT = "It is plain text, not encrypted: keep it somewhere only you can read."


#: The formats of each export, as (format, label); the first is the default.
FORMATS: dict[ExportKind, list[tuple[str, str]]] = {
    ExportKind.APPLICATIONS: [("csv", "CSV (a spreadsheet; import applications reads it back)")],
    ExportKind.ACTIVITY: [("csv", "CSV (a spreadsheet)"), ("md", "Markdown (to print or paste)")],
    ExportKind.JOURNAL: [("md", "Markdown (what you wrote, shown literally)"),
                         ("jrnl", "jrnl text (jrnl --import reads it)")],
    ExportKind.CONTACTS: [("csv", "CSV (a spreadsheet)"), ("ics", "iCalendar (.ics): next due dates"),
                          ("vcf", "vCard 4.0 (.vcf): for an address book")],
    ExportKind.EVERYTHING: [("json", "JSON (import all reads it back)")],
}
_SUFFIX = {"jrnl": "txt"}


@dataclass(frozen=True)
class Done:
    """What to tell the person after an import or an export."""

    message: str
    error: bool = False
    timeout: float | None = 12
    path: Path | None = None


@dataclass(frozen=True)
class Span:
    """The days of a work-search log, both included."""

    start: date
    end: date

    def describe(self) -> str:
        return f"{short_date(self.start, self.end)} to {short_date(self.end)}"


def this_week(today: date | None = None) -> Span:
    """Monday to Sunday of the week holding ``today``."""
    today = today or clock.today()
    start = today - timedelta(days=today.weekday())
    return Span(start, start + timedelta(days=6))


def range_choices(today: date | None = None) -> list[tuple[Span | None, str]]:
    """The date ranges offered for the work-search log (None: other dates…)."""
    today = today or clock.today()
    week = this_week(today)
    last = Span(week.start - timedelta(days=7), week.start - timedelta(days=1))
    seven = Span(today - timedelta(days=6), today)
    return [(week, f"This week ({week.describe()})"), (last, f"Last week ({last.describe()})"),
            (seven, f"The last 7 days ({seven.describe()})"), (None, "Other dates…")]


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


class TransferActions:
    def __init__(self, write: Write, store: Store) -> None:
        self.write = write
        self.store = store

    # -- imports

    def save_import(self, prepared: Prepared, name: str) -> Done | None:
        """Save a previewed import in one write. None when ``write`` refused it (it said why)."""
        if prepared.apply is None:
            return Done(prepared.refusal or "This file can't be imported here.", error=True)
        apply = prepared.apply
        store = self.store
        try:
            with store.undo.recording(f"the import from {name}"):
                if not self.write(lambda: apply(store)):
                    return None
        except StoreError as exc:  # a rule of the import (e.g. import all into a folder that filled up)
            logs.swallowed(exc, "import: refused on save")
            return Done(f"Not imported: {exc}. Nothing was changed.", error=True)
        if not prepared.added and not prepared.updated:
            return Done(f"Nothing to add or update from {name}; your column and stage choices are remembered "
                        "for files like this.")
        return Done(f"Imported from {name}: {prepared.added:,} added, {prepared.updated:,} updated. {undo_offer()}")

    # -- exports

    def export(self, kind: ExportKind, fmt: str, span: Span | None = None) -> Done:
        """Write a new file in the exports folder (0600, never over another file)."""
        from store.contacts_export import unique_path
        from store.paths import EXPORT_DIR, ensure_private_dir, write_private

        try:
            data, what, stem = self._build(kind, fmt, span)
            directory = Path(self.store.data_dir) / EXPORT_DIR
            ensure_private_dir(directory)
            target = unique_path(directory, f"{stem}.{_SUFFIX.get(fmt, fmt)}")
            write_private(target, data)
        except OSError as exc:
            logs.swallowed(exc, "export: write")
            return Done(f"Export failed: {exc.strerror or exc}. Nothing was written.", error=True)
        return Done(f"Exported {what} to {target} (readable only by you). {PLAINTEXT}", timeout=15, path=target)

    def _build(self, kind: ExportKind, fmt: str, span: Span | None) -> tuple[bytes, str, str]:
        """(file bytes, what it holds in words, file name without the suffix)."""
        store = self.store
        day = clock.today().isoformat()
        if kind is ExportKind.APPLICATIONS:
            from store.exporting.applications import applications_csv

            apps = store.applications.all()
            return applications_csv(apps), _plural(len(apps), "application"), f"applications-{day}"
        if kind is ExportKind.ACTIVITY:
            return self._activity(fmt, span or this_week())
        if kind is ExportKind.JOURNAL:
            return self._journal(fmt, day)
        if kind is ExportKind.CONTACTS:
            from store.contacts_export import export_contacts

            data, count = export_contacts(store, fmt)
            what = (_plural(count, "next due date") + " (all-day events)" if fmt == "ics"
                    else _plural(count, "contact"))
            return data, what, f"contacts-{day}"
        from store.exporting.everything import export_all

        data, count = export_all(store)
        return data, f"everything ({_plural(count, 'record')})", f"rebound-all-{day}"

    def _activity(self, fmt: str, span: Span) -> tuple[bytes, str, str]:
        from store.exporting import activity

        store = self.store
        rows = activity.build_log(store.applications.all(), store.touchpoints.all(), store.drafts.all(),
                                  store.contacts.all(), span.start, span.end)
        what = f"{_plural(len(rows), 'work-search activity', 'work-search activities')} ({span.describe()})"
        stem = f"work-search-log-{span.start.isoformat()}-to-{span.end.isoformat()}"
        if fmt == "md":
            return activity.log_markdown(rows, span.start, span.end, store.settings.current().my_name), what, stem
        return activity.log_csv(rows), what, stem

    def _journal(self, fmt: str, day: str) -> tuple[bytes, str, str]:
        from store.journal_export import to_markdown

        store = self.store

        def title(app_id: str | None) -> str:
            app = store.applications.get(app_id)
            return app.title if app else ""

        entries = store.journal.all()
        if fmt == "jrnl":
            from store.exporting.jrnl import to_jrnl

            text = to_jrnl(entries, title)
        else:
            text = to_markdown(entries, title)
        count = sum(1 for e in entries if not e.is_draft)
        return text.encode("utf-8"), _plural(count, "journal entry", "journal entries"), f"journal-{day}"
