"""The Journal screen: entries newest first with a reader, search and filters, and the three ways to
write (quick check-in, free write, guided reframe), plus Lessons, Trends and a Markdown export.

The screen shows and routes keys; the list, reader, search and filters are its browsing half
(:class:`tui.journal.browse.JournalBrowser`); the changes go through
:class:`tui.journal.actions.JournalActions`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path

from store.control import split_for
from store.dates import short_date
from store.journal import headline, kind_label, outside_control_count
from store.models import JournalEntry
from tui.care.panel import Moment, SupportChoice, show_support
from tui.dialogs import ChoiceDialog, ConfirmDialog, TextPromptDialog
from tui.journal import course as course_ui
from tui.journal.base import FormClosed, JournalForm
from tui.journal.browse import JournalBrowser
from tui.journal.forms import CheckInForm, FreeWriteForm
from tui.journal.reader import EntryReaderScreen, LessonsScreen, ReaderChoice, TrendsScreen, render_entry
from tui.journal.wizard import ReframeWizard
from tui.shell import keymap
from tui.shell.base import PaletteCommand
from tui.shell.trips import StepDone
from widgets.journal_list import EntryList

log = logging.getLogger("rebound")


class NewEntry(StrEnum):
    """The choices of ``n``."""

    RESUME = "resume"
    CHECKIN = "checkin"
    FREEWRITE = "freewrite"
    EXPRESSIVE = "expressive"
    REFRAME = "reframe"
    COURSE = "course"


class JournalScreen(JournalBrowser):
    SCREEN_KEY = "journal"
    SCREEN_TITLE = "Journal"
    HELP = (
        "A private reflection journal. Entries are listed newest first with the selected one in the "
        "reader below (beside it on a wide terminal).\n\n"
        "n writes something new: a quick check-in (mood 1-5, energy, a note), a free write (ctrl+e opens "
        "your $EDITOR; a 15-minute expressive-writing timer is there too), or a guided reframe: a thought "
        "record that checks the hurtful thought against the evidence and measures the relief. c, w and r "
        "start each one directly; r resumes an unfinished reframe. Drafts save themselves, so a dropped "
        "connection loses nothing.\n\n"
        "/ searches every field: every word must match (use \"quotes\" for a phrase); matches are marked "
        "in the reader. F filters by kind, tag or linked application; escape clears. i opens the Lessons "
        "list (your interview-prep list), T the trends (mood and relief; no streaks). The palette "
        "(ctrl+p) exports the journal to Markdown and switches prompts to your own name.\n\n"
        "Rebound is a journal, not therapy, and it can't help in an emergency. When you write something "
        "heavy, a calm panel shows your own support line and someone you can reach (Settings › Support); "
        "ctrl+p › \"Support: I'm struggling\" opens it any time. Nothing you write leaves this machine."
    )

    KEYMAP = "journal"
    BINDINGS = keymap.bindings(KEYMAP)

    DEFAULT_CSS = """
    JournalScreen #journal-status { height: 1; padding: 0 1; background: $panel; }
    JournalScreen #journal-search { margin: 0 1; }
    JournalScreen #journal-draft { height: auto; padding: 0 1; text-style: italic; }
    JournalScreen #journal-body { height: 1fr; layout: vertical; }
    JournalScreen #journal-list { height: 45%; min-height: 4; }
    JournalScreen #journal-reader { height: 1fr; border-top: solid $primary 50%; padding: 0 1; }
    JournalScreen #journal-body.-wide { layout: horizontal; }
    JournalScreen #journal-body.-wide #journal-list { height: 1fr; width: 3fr; }
    JournalScreen #journal-body.-wide #journal-reader {
        width: 2fr; height: 1fr; border-top: none; border-left: solid $primary 50%;
    }
    """

    # ------------------------------------------------------------------ list events

    def on_entry_list_selected(self, event: EntryList.Selected) -> None:
        entry = self.store.journal.get(event.key) if event.key else None
        if entry is None:
            return
        if entry.is_draft:
            self.open_form(entry)
            return
        content = render_entry(entry, app_title=self._app_title(entry.application_id), terms=self.terms)
        self.app.push_screen(EntryReaderScreen(content), self._reader_closed)

    def _reader_closed(self, result: ReaderChoice | None) -> None:
        if result is ReaderChoice.EDIT:
            self.action_edit()

    # ------------------------------------------------------------------ writing

    def _form_open(self) -> JournalForm | None:
        for screen in self.app.screen_stack:
            if isinstance(screen, JournalForm):
                return screen
        return None

    def open_form(self, entry: JournalEntry, *, finished_before: bool = False, timed: bool = False) -> None:
        if self._form_open() is not None:
            self.notify("A journal entry is already open.", markup=False)
            return
        if self.store.read_only:
            self.notify(self.store.read_only_reason or "This session is read-only.", title="Not changed",
                        severity="warning", markup=False)
            return
        actions = self.actions
        if entry.kind == "reframe":
            form: JournalForm = ReframeWizard(entry, actions, finished_before=finished_before)
        elif entry.kind == "freewrite":
            form = FreeWriteForm(entry, actions, finished_before=finished_before, timed=timed)
        else:
            form = CheckInForm(entry, actions, finished_before=finished_before)
        self.app.push_screen(form, self._form_closed)

    def _form_closed(self, closed: FormClosed | None) -> None:
        self.refresh_data()
        entry_id = closed.entry_id if closed else None
        if entry_id:
            self.query_one(EntryList).move_to_key(entry_id)
        self.query_one(EntryList).focus()
        if closed is not None and closed.support and entry_id:
            self._support_after_save(entry_id)
        else:
            self.app.post_message(StepDone())  # a reframe begun from Today's plan: back there

    def _support_after_save(self, entry_id: str) -> None:
        """The support panel, over the list: the entry is already saved. "Keep writing" opens it again."""

        def chosen(choice: SupportChoice | None) -> None:
            entry = self.store.journal.get(entry_id)
            if choice is SupportChoice.KEEP_WRITING and entry is not None:
                self.open_form(entry, finished_before=not entry.is_draft)

        show_support(self.app, self.store, Moment.SAVED, chosen)

    def action_new(self) -> None:
        choices = []
        draft = self.store.journal.latest_draft("reframe")
        if draft:
            choices.append((NewEntry.RESUME.value,
                            f"Resume the unfinished reframe from {short_date(draft.entry_date)}"))
        choices += [(NewEntry.CHECKIN.value, "Quick check-in: mood, energy, a note  (c)"),
                    (NewEntry.FREEWRITE.value, "Free write  (w)"),
                    (NewEntry.EXPRESSIVE.value, "Expressive writing: free write with a 15-minute timer"),
                    (NewEntry.REFRAME.value, "Guided reframe: check a hurtful thought against the evidence  (r)"),
                    (NewEntry.COURSE.value, course_ui.menu_label(self.store))]
        self.app.push_screen(ChoiceDialog("Write something new", choices), self._new_chosen)

    def _new_chosen(self, which: str | None) -> None:
        if which is None:
            return
        match NewEntry(which):
            case NewEntry.RESUME:
                self.start_reframe()
            case NewEntry.CHECKIN:
                self.action_checkin()
            case NewEntry.FREEWRITE:
                self.action_freewrite()
            case NewEntry.EXPRESSIVE:
                self.action_expressive()
            case NewEntry.REFRAME:
                self.open_form(self.actions.new_reframe())
            case NewEntry.COURSE:
                self.start_course()

    def start_course(self) -> None:
        """The four-day writing course: its next session (introduced the first time)."""
        course_ui.start(self.rapp, self.store, lambda entry: self.open_form(entry, timed=True))

    def action_checkin(self) -> None:
        self.open_form(JournalEntry(kind="checkin", is_draft=True))

    def action_freewrite(self) -> None:
        self.open_form(JournalEntry(kind="freewrite", is_draft=True))

    def action_expressive(self) -> None:
        self.open_form(JournalEntry(kind="freewrite", is_draft=True), timed=True)

    def action_reframe(self) -> None:
        self.start_reframe()

    def start_reframe(self, application_id: str | None = None) -> None:
        """Open the guided reframe: resume the draft (for this application, if given), else start one
        linked to ``application_id`` (else to the latest rejection)."""
        if isinstance(self._form_open(), ReframeWizard):
            self.notify("The reframe is already open.", markup=False)
            return
        start = self.actions.reframe_for(application_id)
        if start.resumed:
            self.notify(f"Resuming your unfinished reframe from {short_date(start.entry.entry_date)}.", markup=False)
        self.open_form(start.entry)

    def action_edit(self) -> None:
        entry = self.current_entry()
        if entry is None:
            self.notify("No entry selected.", markup=False)
            return
        self.open_form(entry, finished_before=not entry.is_draft)

    def action_delete(self) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        what = f"{short_date(entry.entry_date)} · {kind_label(entry.kind)}: {headline(entry) or '(nothing written)'}"

        def decided(ok: bool | None) -> None:
            if ok and self.actions.delete(entry.id):
                self.notify("Entry deleted.", markup=False)
                self.refresh_data()

        self.app.push_screen(ConfirmDialog("Delete this entry?", what[:300] + "\n\nThis can't be undone "
                                           "(except from a backup).", confirm="Delete", danger=True), decided)

    # ------------------------------------------------------------------ lessons, trends, export, voice

    def action_lessons(self) -> None:
        entries = self.store.journal.all()

        def chosen(entry_id: str | None) -> None:
            if entry_id:
                self.show_entry(entry_id)

        self.app.push_screen(LessonsScreen(self.store.journal.lessons(), outside_control_count(entries),
                                           self._company), chosen)

    def action_trends(self) -> None:
        self.app.push_screen(TrendsScreen(self.store.journal.trends(), split_for(self.store).sentence()))

    def action_export(self) -> None:
        path = self.actions.export_path()
        if path.exists():
            def decided(ok: bool | None) -> None:
                if ok:
                    self._export(path)

            self.app.push_screen(ConfirmDialog("Replace the export?", f"{path} already exists (from today).",
                                               confirm="Replace", cancel="Keep it"), decided)
            return
        self._export(path)

    def _export(self, path: Path) -> None:
        done = self.actions.export(path)
        if done.ok:
            self.notify(done.message, title="Export", markup=False, timeout=12)
        else:
            self.notify(done.message, title="Export", severity="error", markup=False)

    def action_use_my_name(self) -> None:
        change = self.actions.toggle_my_name()
        if change.changed:
            self.notify(change.message, markup=False)
        if not change.needs_name:
            return

        def named(name: str | None) -> None:
            done = self.actions.use_name(name or "")
            if done.changed:
                self.notify(done.message, markup=False)

        self.app.push_screen(TextPromptDialog(
            "Your first name", "Prompts will talk to you by name (\"What does <your name> need right now?\"); "
            "stepping back like this makes hard moments easier to look at.",
            validate=lambda v: None if v.strip() else "Type a name (or escape)."), named)

    # ------------------------------------------------------------------ the rest of the app

    def palette_extras(self) -> Iterable[PaletteCommand]:
        s = self.store.settings.current()
        yield PaletteCommand("Journal: writing course", "Four days of expressive writing, fifteen minutes each, "
                             "optional; a missed day just waits", self.start_course)
        yield PaletteCommand("Journal: expressive writing (15-minute timer)", "A timed free write",
                             self.action_expressive)
        yield PaletteCommand("Journal: filter by kind", "Check-ins, free writes or reframes", self.filter_by_kind)
        yield PaletteCommand("Journal: filter by tag", "Entries with a tag", self.filter_by_tag)
        yield PaletteCommand("Journal: filter by application", "Entries linked to an application",
                             self.filter_by_application)
        if s.use_my_name:
            yield PaletteCommand("Journal: prompts say 'you'", "Stop using your name in prompts",
                                 self.action_use_my_name)
        else:
            yield PaletteCommand("Journal: prompts use my name", "Distanced voice: 'What does <your name> need?'",
                                 self.action_use_my_name)

    def save_pending(self) -> None:
        """Keep what is typed in an open journal form (called when the session drops)."""
        try:
            stack = self.app.get_screen_stack(self.SCREEN_KEY)
        except KeyError:  # not shown as a mode (e.g. pushed directly): the current stack has the forms
            log.info("journal: no %r screen stack; saving the forms on the current one", self.SCREEN_KEY)
            stack = self.app.screen_stack
        for screen in list(stack):
            if isinstance(screen, JournalForm):
                screen.save_pending()
