"""Importing LinkedIn connections from the app: a preview before the one write.

Palette → "Import LinkedIn connections…" → the path of Connections.csv → this dialog reads and
plans the import in a thread (a progress bar for big files), then shows what would be added,
updated and skipped, with reasons. ``ctrl+s``/``i`` imports (one write, done by the screen),
``escape`` cancels and nothing changes. The cadence of new contacts can be picked here (``none``
keeps them in the list without reminders).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual import on, work
from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, ProgressBar, Select, Static
from textual.worker import get_current_worker

from store import linkedin
from store.contacts import CADENCE_ORDER, cadence_label, effective_cadence
from store.merge import SameName, resolve_same_name, same_name_rows
from store.models import Contact, Settings
from tui.dialogs import TextPromptDialog
from tui.shell import keymap
from tui.transfer.samename import ask_same_name
from widgets.usertext import literal

IMPORT_CSS = """
ImportPreviewDialog { align: center middle; }
#ip-box {
    width: 100%; max-width: 100; height: 100%; max-height: 40;
    border: round $primary; background: $surface; padding: 0 1;
}
#ip-title { text-style: bold; height: 1; }
#ip-progress { height: 1; }
#ip-scroll { height: 1fr; }
#ip-cadence-row { height: 1; }
#ip-cadence-row > Label { width: 26; }
#ip-cadence-row > Select { width: 30; }
#ip-keys { height: 1; color: $foreground 60%; }
"""


def validate_path(text: str) -> str | None:
    """For the path prompt: None when fine, else what is wrong."""
    if not text.strip():
        return "Type the path of Connections.csv (from LinkedIn's 'Get a copy of your data')."
    p = Path(text.strip()).expanduser()
    if not p.exists():
        return f"No such file: {p}"
    if p.is_dir():
        candidate = p / "Connections.csv"
        return None if candidate.is_file() else f"{p} is a folder without Connections.csv in it."
    return None


def resolve_path(text: str) -> Path:
    p = Path(text.strip()).expanduser()
    return p / "Connections.csv" if p.is_dir() else p


def ask_for_import(app: App[Any], existing: list[Contact], settings: Settings,
                   then: Callable[[linkedin.ImportPlan], object]) -> None:
    """Ask for the path of Connections.csv, preview the import, and on a yes call ``then(plan)``
    (the screen saves it: one write)."""

    def got_path(text: str | None) -> None:
        if text and not validate_path(text):
            app.push_screen(ImportPreviewDialog(resolve_path(text), existing, settings), confirmed)

    def confirmed(plan: linkedin.ImportPlan | None) -> None:
        if plan is not None:
            then(plan)

    app.push_screen(TextPromptDialog(
        "Import LinkedIn connections",
        "Path of Connections.csv (LinkedIn → Settings → Data privacy → Get a copy of your data). "
        "You'll see a preview before anything changes.",
        placeholder="~/Downloads/Connections.csv", validate=validate_path), got_path)


class ImportPreviewDialog(ModalScreen[linkedin.ImportPlan | None]):
    """Reads, plans and shows; dismisses with the plan when the user confirms."""

    DEFAULT_CSS = IMPORT_CSS
    KEYMAP = "contacts.import"
    BINDINGS = keymap.bindings(KEYMAP)

    def __init__(self, path: Path, existing: list[Contact], settings: Settings) -> None:
        super().__init__()
        self.path = path
        self.existing = existing
        self.settings = settings
        self.parsed: linkedin.ParsedFile | None = None
        self.plan: linkedin.ImportPlan | None = None
        self.cadence = ""
        #: rows sharing a name with a contact you have, and those answered "same person"
        self.questions: list[SameName] = []
        self.same: set[str] = set()
        self._base: linkedin.ImportPlan | None = None

    def compose(self) -> ComposeResult:
        probe = Contact(role="other")
        default_key, _src = effective_cadence(probe, self.settings)
        with Vertical(id="ip-box"):
            yield Static(literal(f"Import LinkedIn connections — {self.path.name}"), id="ip-title")
            yield ProgressBar(total=None, show_eta=False, id="ip-progress")
            with Horizontal(id="ip-cadence-row"):
                yield Label("Cadence for new contacts")
                yield Select([(f"default: {cadence_label(default_key)}", "")]
                             + [(cadence_label(k), k) for k in CADENCE_ORDER],
                             value="", allow_blank=False, id="ip-cadence", compact=True)
            with VerticalScroll(id="ip-scroll"):
                yield Static(literal(f"Reading {self.path}…"), id="ip-summary")
            yield Static(Content.assemble(("ctrl+s", "bold"), " import (one save)  ",
                                          ("esc", "bold"), " cancel — nothing changes until you import"),
                         id="ip-keys")

    def on_mount(self) -> None:
        self.query_one("#ip-scroll").focus()
        self.read_file()

    @work(thread=True, exclusive=True, group="linkedin-import")
    def read_file(self) -> None:
        worker = get_current_worker()
        try:
            parsed = linkedin.parse_connections(linkedin.read_bytes(self.path))
        except linkedin.ImportFormatError as exc:
            self.app.call_from_thread(self._failed, str(exc))
            return
        if worker.is_cancelled:
            return
        total = len(parsed.rows)
        self.app.call_from_thread(self._progress, 0, total)

        def progress(done: int, total: int) -> None:
            if not worker.is_cancelled:
                self.app.call_from_thread(self._progress, done, total)

        plan = linkedin.plan_import(parsed, self.existing, self.settings, progress=progress, cadence=self.cadence)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._planned, parsed, plan)

    def _progress(self, done: int, total: int) -> None:
        bar = self.query_one("#ip-progress", ProgressBar)
        bar.update(total=max(total, 1), progress=done)

    def _failed(self, message: str) -> None:
        self.query_one("#ip-progress", ProgressBar).display = False
        self.query_one("#ip-summary", Static).update(
            literal(f"Can't import this file.\n\n{message}\n\nNothing was changed. Press escape."))

    def _planned(self, parsed: linkedin.ParsedFile, plan: linkedin.ImportPlan) -> None:
        self.parsed = parsed
        self.query_one("#ip-progress", ProgressBar).display = False
        self._set_plan(plan)
        if self.questions:
            self.action_same_names()

    def _set_plan(self, plan: linkedin.ImportPlan) -> None:
        self._base = plan
        self.questions = same_name_rows(plan, self.existing)
        self.plan = resolve_same_name(plan, self.questions, self.same)
        self._show()

    def action_same_names(self) -> None:
        """Ask, row by row, whether a same-name row is the contact you have."""
        if not self.questions:
            self.notify("No row shares a name with a contact you have.", markup=False)
            return

        def answered(same: set[str]) -> None:
            self.same = same
            if self._base is not None:
                self.plan = resolve_same_name(self._base, self.questions, same)
                self._show()

        ask_same_name(self.app, self.questions, self.same, answered)

    def _show(self) -> None:
        assert self.plan is not None
        lines = self.plan.summary_lines(limit=60)
        if self.questions:
            merged = sum(1 for q in self.questions if q.existing.id in self.same)
            lines.append(f"Same name as a contact you have: {len(self.questions)} row(s); {merged} merged into "
                         f"that contact, {len(self.questions) - merged} added as new. Press o to answer again.")
        if not self.plan.has_changes:
            lines.append("")
            lines.append("Nothing to change: everyone in this file is already here, as it says.")
        else:
            lines.append("")
            lines.append("Press ctrl+s (or i) to import, escape to cancel.")
        parts: list = []
        for line in lines:
            head, sep, rest = line.partition(":")
            if sep and head in ("Added", "Updated", "Unchanged", "Skipped"):
                parts += [(head + sep, "bold"), rest, "\n"]
            else:
                parts += [line, "\n"]
        self.query_one("#ip-summary", Static).update(Content.assemble(*parts))

    @on(Select.Changed, "#ip-cadence")
    def _cadence_changed(self, event: Select.Changed) -> None:
        value = "" if event.value is Select.NULL else str(event.value)
        if value == self.cadence:
            return
        self.cadence = value
        if self.parsed is not None:  # re-plan: quick, it is the same rows
            self._set_plan(linkedin.plan_import(self.parsed, self.existing, self.settings, cadence=value))

    def action_confirm(self) -> None:
        if self.plan is None:
            self.notify("Still reading the file…", markup=False)
            return
        if not self.plan.has_changes:
            self.dismiss(None)
            return
        self.dismiss(self.plan)

    def action_cancel(self) -> None:
        self.workers.cancel_group(self, "linkedin-import")
        self.dismiss(None)

    def action_scroll_down(self) -> None:
        self.query_one("#ip-scroll", VerticalScroll).scroll_down()

    def action_scroll_up(self) -> None:
        self.query_one("#ip-scroll", VerticalScroll).scroll_up()
