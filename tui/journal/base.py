"""The base of the journal forms: draft autosave, leave/finish, help.

Drafts: a new entry (or a resumed draft) is saved as ``is_draft=True`` a couple of seconds after
each edit, every 20 seconds while it changes, on every wizard step, and when the session drops
(:meth:`JournalForm.save_pending`, called on SIGHUP). Editing a finished entry saves nothing until
ctrl+s, except when the session drops, where the typed text is kept as the entry. The rules live in
:class:`tui.journal.actions.DraftKeeper`; the form says when (timers, keys) and shows the result.

A form dismisses with :class:`FormClosed`: the id of the entry to select in the list (or None), and
whether the journal should now show the support panel (the entry was saved first).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, Static, TextArea

from store import clock
from store.models import JournalEntry
from tui.care.actions import panel_due
from tui.dialogs import ChoiceDialog
from tui.journal.actions import DraftKeeper, JournalActions, is_blank
from tui.shell import keymap
from widgets.journal_scale import ScalePicker
from widgets.usertext import literal


class Leave(StrEnum):
    """The answers to "leave this entry?"."""

    SAVE = "save"
    KEEP = "keep"
    DISCARD = "discard"
    STAY = "stay"


@dataclass(frozen=True)
class FormClosed:
    """What a journal form answers when it closes."""

    entry_id: str | None
    #: The entry was saved and its words call for the support panel (once per entry).
    support: bool = False


class JournalForm(ModalScreen[FormClosed]):
    """Base of the journal forms. Subclasses fill :meth:`collect`, :meth:`load` and compose."""

    KIND = ""
    SCREEN_TITLE = "Journal entry"
    HELP = ""
    AUTOSAVE = True
    AUTOSAVE_DELAY = 2.0
    AUTOSAVE_EVERY = 20.0

    KEYMAP = "journal.form"
    BINDINGS = keymap.bindings(KEYMAP)

    def __init__(self, entry: JournalEntry, actions: JournalActions, *, finished_before: bool = False) -> None:
        super().__init__()
        self.entry = entry.copy()
        self.actions = actions
        self.keeper = DraftKeeper(actions, self.entry, finished_before=finished_before)
        self._save_timer: Timer | None = None
        self._loading = True
        self._form_done = False

    # -- helpers

    @property
    def finished_before(self) -> bool:
        """Editing an entry that was already saved as finished (no draft autosave then)."""
        return self.keeper.finished_before

    def voice(self) -> tuple[str, bool]:
        s = self.actions.store.settings.current()
        return s.my_name, s.use_my_name

    def set_message(self, text: str) -> None:
        for box in self.query("#form-message").results(Static):
            box.update(literal(text))

    # -- to be filled by subclasses

    def collect(self) -> None:
        """Copy what the widgets hold into ``self.entry``."""

    def load(self) -> None:
        """Put ``self.entry`` into the widgets."""

    def validate(self) -> str | None:
        """An inline message when something can't be saved as typed, else None."""
        return None

    # -- lifecycle

    def on_mount(self) -> None:
        self.load()
        self.call_after_refresh(self._loaded)
        if self.AUTOSAVE and not self.finished_before:
            self.set_interval(self.AUTOSAVE_EVERY, self.autosave)

    def _loaded(self) -> None:
        # what the widgets hold once loaded is the baseline for "changed?"
        self.collect()
        self.keeper.baseline(self.entry)
        self._loading = False

    def mark_dirty(self) -> None:
        """Called on every edit: save the draft shortly after typing pauses."""
        if self._loading or not self.AUTOSAVE or self.finished_before:
            return
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(self.AUTOSAVE_DELAY, self.autosave)

    def autosave(self, *, force: bool = False) -> bool:
        """Save the draft if it changed since the last save (``force``: even if not). True when
        something was written."""
        if self._form_done or self.finished_before:
            return False
        self.collect()
        return self.keeper.autosave(self.entry, force=force)

    def save_pending(self) -> None:
        """The session is ending (SIGHUP/SIGTERM): keep what was typed."""
        if self._form_done:
            return
        self.collect()
        self.keeper.keep_on_hangup(self.entry)

    def _close(self, entry_id: str | None, *, support: bool = False) -> None:
        self._form_done = True
        if self._save_timer is not None:
            self._save_timer.stop()
        self.dismiss(FormClosed(entry_id, support))

    # -- actions

    def action_form_help(self) -> None:
        from tui.shell.help import HelpScreen

        self.app.push_screen(HelpScreen(self))

    def action_finish(self) -> None:
        self.collect()
        problem = self.validate()
        if problem:
            self.set_message(problem)
            return
        result = self.actions.finish(self.entry, finished_before=self.finished_before)
        if result.saved:
            if result.message:
                self.notify(result.message, title="Journal", markup=False)
            if result.note:
                self.notify(result.note, title="Support", markup=False, timeout=12)
            self._close(self.entry.id, support=result.support)
        elif result.message:
            self.set_message(result.message)

    def action_leave(self) -> None:
        self.collect()
        if is_blank(self.entry) and not self.finished_before:
            self.keeper.discard(self.entry)
            self._close(None)
            return
        if not self.keeper.changed(self.entry):
            self._close(None)
            return
        if self.finished_before:
            choices = [(Leave.SAVE, "Save the changes"), (Leave.DISCARD, "Discard the changes"),
                       (Leave.STAY, "Keep editing")]
            title, message = "Leave this entry?", "You changed this entry."
        else:
            choices = [(Leave.KEEP, "Keep it as a draft (resume it from the journal later)"),
                       (Leave.DISCARD, "Discard it"), (Leave.STAY, "Keep writing")]
            title, message = "Leave for now?", "Nothing is lost if you keep the draft."
        self.app.push_screen(ChoiceDialog(title, [(c.value, label) for c, label in choices], message=message,
                                          selected=choices[0][0].value), self._left)

    def _left(self, choice: str | None) -> None:
        if choice is None:
            return
        match Leave(choice):
            case Leave.SAVE:
                self.action_finish()
            case Leave.KEEP:
                self.collect()
                support = panel_due(self.entry, clock.today())  # kept as a draft is saved too: once per entry
                self.autosave(force=support)
                self.notify("Draft kept. Find it at the top of the journal list.", title="Journal", markup=False)
                self._close(self.entry.id, support=support)
            case Leave.DISCARD:
                self.keeper.discard(self.entry)
                self._close(None)
            case Leave.STAY:
                pass

    # -- edits anywhere in the form

    def on_input_changed(self, event: Input.Changed) -> None:
        self.mark_dirty()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self.mark_dirty()

    def on_scale_picker_changed(self, event: ScalePicker.Changed) -> None:
        self.mark_dirty()
