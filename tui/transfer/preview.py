"""The preview of an import: the file is read and planned in a thread worker (the screen never
freezes), then the dialog shows how it was read, the counts (added, updated, unchanged, skipped,
with one line per skipped row and why), the first rows and the notes.

For applications it also shows the column mapping, asks once about each stage name Rebound doesn't
know, and reads dates such as 3/1/2026 either way: ``o`` (options) changes which column feeds a
field, asks about the stage names again, or turns the date order round; each change plans the file
again.

``ctrl+s`` dismisses with the :class:`~tui.transfer.reading.Prepared` plan (the caller saves it in
one write); ``escape`` dismisses with None and nothing is written.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static
from textual.worker import get_current_worker

from store.importing import stages as S
from store.importing.common import ImportFormatError, read_bytes
from tui.dialogs import ChoiceDialog
from tui.shell import keymap
from tui.transfer import ask
from tui.transfer.kinds import ImportKind
from tui.transfer.reading import ASK, Prepared, SheetChoices, Snapshot, read_file
from widgets.usertext import literal, safe


class Option(StrEnum):
    """The choices of ``o``."""

    COLUMNS = "columns"
    STAGES = "stages"
    DATES = "dates"


PREVIEW_CSS = """
ImportPreview { align: center middle; }
ImportPreview #tp-box {
    width: 100%; max-width: 110; height: 100%; max-height: 44;
    border: round $primary; background: $surface; padding: 0 1;
}
ImportPreview #tp-title { text-style: bold; height: 1; }
ImportPreview #tp-scroll { height: 1fr; }
ImportPreview #tp-keys { height: auto; max-height: 2; color: $foreground 70%; }
"""

_HEADS = ("Read as", "Columns", "Not imported", "Added", "Updated", "Skipped", "Note")
_WHAT = {ImportKind.APPLICATIONS: "CSV file", ImportKind.JOURNAL: "jrnl file", ImportKind.CONTACTS: ".vcf file",
         ImportKind.EVERYTHING: "export file"}


def preview_content(lines: list[str]) -> Content:
    """The preview's lines as plain text (file contents are never markup), section names in bold."""
    parts: list[str | tuple[str, str]] = []
    for raw in lines:
        line = safe(raw)
        head, sep, rest = line.partition(":")
        if sep and head in _HEADS:
            parts += [(head + sep, "bold"), rest, "\n"]
        else:
            parts += [line, "\n"]
    return Content.assemble(*parts)


class ImportPreview(ModalScreen[Prepared | None]):
    """Reads and plans ``path`` as ``kind``; dismisses with the plan to save, or None."""

    DEFAULT_CSS = PREVIEW_CSS
    KEYMAP = "transfer.preview"
    BINDINGS = keymap.bindings(KEYMAP)

    def __init__(self, kind: ImportKind, path: Path, snapshot: Snapshot) -> None:
        super().__init__()
        self.kind = kind
        self.path = path
        self.snapshot = snapshot
        self.prepared: Prepared | None = None
        self.choices = SheetChoices()
        #: stage names Rebound didn't know, with their row counts (kept after they are answered)
        self.stage_names: dict[str, int] = {}
        self._data: bytes | None = None
        self._asking = False
        self.reading = True

    def compose(self) -> ComposeResult:
        with Vertical(id="tp-box"):
            yield Static(literal(f"{ASK[self.kind][0]} — {self.path.name}"), id="tp-title")
            with VerticalScroll(id="tp-scroll"):
                yield Static(literal(f"Reading {self.path}…"), id="tp-summary")
            yield Static(self._keys(), id="tp-keys")

    def _keys(self) -> Content:
        parts: list[str | tuple[str, str]] = [("ctrl+s", "bold"), " import (one save)  ", ("esc", "bold"),
                                              " cancel: nothing changes"]
        if self.kind is ImportKind.APPLICATIONS:
            parts += ["\n", ("o", "bold"), " options: columns, stage names, dates day or month first  ",
                      ("j k", "bold"), " scroll"]
        return Content.assemble(*parts)

    def on_mount(self) -> None:
        self.query_one("#tp-scroll").focus()
        self.read()

    def _reread(self) -> None:
        """Plan the file again after a choice (nothing can be saved until it is planned)."""
        self.prepared, self.reading = None, True
        self.query_one("#tp-summary", Static).update(literal(f"Reading {self.path} again…"))
        self.read()

    # -- reading, in a thread

    @work(thread=True, exclusive=True, group="transfer-read")
    def read(self) -> None:
        worker = get_current_worker()
        try:
            if self._data is None:
                self._data = read_bytes(self.path, _WHAT[self.kind])
            prepared = read_file(self.kind, self._data, self.snapshot, self.choices)
        except ImportFormatError as exc:
            if not worker.is_cancelled:
                self.app.call_from_thread(self._failed, str(exc))
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._ready, prepared)

    def _failed(self, message: str) -> None:
        self.prepared, self.reading = None, False
        self.query_one("#tp-summary", Static).update(
            literal(f"Can't import this file.\n\n{message}\n\nNothing was changed. Press escape."))

    def _ready(self, prepared: Prepared) -> None:
        self.prepared, self.reading = prepared, False
        self._show()
        new = [(n, c) for n, c in prepared.unknown if n not in self.stage_names]
        self.stage_names.update(new)
        if new and not self._asking:
            self._ask_stages(new)

    def _show(self) -> None:
        prepared = self.prepared
        if prepared is None:
            return
        lines = list(prepared.lines)
        lines.append("")
        if prepared.apply is None:
            lines.append("Press escape to close.")
        elif prepared.has_changes:
            lines.append(f"Press ctrl+s to import ({prepared.counts}), escape to cancel.")
        else:
            lines.append("Nothing to change: everything in this file is already here. Press escape.")
        self.query_one("#tp-summary", Static).update(preview_content(lines))

    # -- the person's choices (applications)

    def _ask_stages(self, names: list[tuple[str, int]]) -> None:
        self._asking = True

        def answered(answers: dict[str, S.Choice]) -> None:
            self._asking = False
            if answers != self.choices.stages:
                self.choices.stages = answers
                self._reread()

        ask.ask_stages(self.app, names, self.choices.stages, answered)

    def action_options(self) -> None:
        """``o``: which column is which, what unknown stage names mean, and the date order."""
        if self.kind is not ImportKind.APPLICATIONS:
            return

        def chosen(which: str | None) -> None:
            match which:
                case Option.COLUMNS:
                    self.action_columns()
                case Option.STAGES:
                    self.action_stages()
                case Option.DATES:
                    self.action_day_first()

        self.app.push_screen(ChoiceDialog("Import options", [
            (Option.COLUMNS, "Columns: which column holds what"),
            (Option.STAGES, "Stage names: what this file's stages mean"),
            (Option.DATES, "Dates: read them day first or month first"),
        ]), chosen)

    def action_stages(self) -> None:
        if self.kind is not ImportKind.APPLICATIONS:
            return
        if not self.stage_names:
            self.notify("Every stage name in this file is one Rebound knows.", markup=False)
            return
        self._ask_stages(list(self.stage_names.items()))

    def action_columns(self) -> None:
        if self.kind is not ImportKind.APPLICATIONS:
            return
        si = self.prepared.sheet if self.prepared is not None else None
        if si is None:
            self.notify("Still reading the file…" if self.reading else "The file couldn't be read as a spreadsheet.",
                        markup=False)
            return

        def changed(fld: str, header: str) -> None:
            self.choices.columns[fld] = header
            self._reread()

        ask.change_column(self.app, si, changed)

    def action_day_first(self) -> None:
        if self.kind is not ImportKind.APPLICATIONS or self.prepared is None or self.prepared.sheet is None:
            return
        self.choices.day_first = self.prepared.sheet.date_order != "dmy"
        order = "day first (3/1/2026 is 3 January)" if self.choices.day_first else "month first (3/1 is March 1)"
        self.notify(f"Dates read {order}.", markup=False)
        self._reread()

    # -- closing

    def action_save(self) -> None:
        prepared = self.prepared
        if prepared is None:
            self.notify("Still reading the file…" if self.reading else "This file can't be imported.", markup=False)
            return
        if prepared.apply is None:
            self.notify(prepared.refusal, severity="warning", markup=False, timeout=10)
            return
        if not prepared.has_changes:
            self.notify("Nothing to change; nothing was saved.", markup=False)
            self.dismiss(None)
            return
        self.dismiss(prepared)

    def action_cancel(self) -> None:
        self.workers.cancel_group(self, "transfer-read")
        self.dismiss(None)

    def action_scroll_down(self) -> None:
        self.query_one("#tp-scroll", VerticalScroll).scroll_down()

    def action_scroll_up(self) -> None:
        self.query_one("#tp-scroll", VerticalScroll).scroll_up()
