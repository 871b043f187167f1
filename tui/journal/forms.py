"""Journal forms: the shared base (draft autosave, leave/finish, help) and the quick check-in and
free-write forms. The guided reframe wizard builds on the same base (tui/journal_wizard.py).

Drafts: a new entry (or a resumed draft) is saved as ``is_draft=True`` a couple of seconds after
each edit, every 20 seconds while it changes, on every wizard step, and when the session drops
(:meth:`JournalForm.save_pending`, called on SIGHUP). Editing a finished entry saves nothing until
ctrl+s, except when the session drops, where the typed text is kept as the entry.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, Static, TextArea

from store.journal import parse_tags
from store.models import JournalEntry
from store.prompts import ENERGY_LABELS, MOOD_LABELS, prompts_for
from tui.dialogs import ChoiceDialog
from widgets.journal_scale import ScalePicker
from widgets.usertext import literal

if TYPE_CHECKING:
    from store.db import Store
    from tui.app import ReboundApp

#: Fields that say whether anything was typed (timestamps and bookkeeping left out).
_IGNORED = {"created_at", "updated_at", "is_draft", "wizard_step", "extra", "id", "entry_date", "writing_seconds"}

EXPRESSIVE_SECONDS = 15 * 60


def private_temp_dir() -> str:
    """A fresh 0700 folder for an editor's temp file; in RAM (/dev/shm) when the system has it."""
    base = None
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK | os.X_OK):
        base = str(shm)
    path = tempfile.mkdtemp(prefix="rebound-edit-", dir=base)
    os.chmod(path, 0o700)
    return path


def edit_in_editor(app: Any, text: str, suffix: str = ".md") -> tuple[str | None, str]:
    """Open ``text`` in $EDITOR through ``app.editor_runner``. Returns (new text or None, message).

    The text is written to a 0600 file in a private temp folder, read back, and the folder is always
    removed (with any swap or backup files the editor left), even when something fails.
    """
    folder = private_temp_dir()
    path = os.path.join(folder, "rebound-journal" + suffix)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        code = app.editor_runner(app, path)
        if code not in (0, None):
            return None, f"The editor exited with code {code}; your text is unchanged."
        new = Path(path).read_text(encoding="utf-8", errors="replace")
        if not text.endswith("\n") and new.endswith("\n"):
            new = new[:-1]
        return new, "Text updated from the editor."
    except FileNotFoundError as exc:
        return None, f"Could not run the editor ({exc.filename or exc}). Set $EDITOR, e.g. EDITOR=nano."
    except OSError as exc:
        return None, f"Could not use the editor: {exc.strerror or exc}."
    except Exception as exc:  # the editor hook failed (e.g. the terminal can't be suspended)
        return None, f"Could not open the editor ({type(exc).__name__}); your text is unchanged."
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def entry_snapshot(entry: JournalEntry) -> dict[str, Any]:
    return {k: v for k, v in entry.to_dict().items() if k not in _IGNORED}


def is_blank(entry: JournalEntry) -> bool:
    """Nothing typed or rated yet (an application link alone doesn't count)."""
    blank = JournalEntry(kind=entry.kind, application_id=entry.application_id)
    return entry_snapshot(entry) == entry_snapshot(blank)


class JournalForm(ModalScreen[str | None]):
    """Base of the journal forms. Subclasses fill :meth:`collect`, :meth:`load` and compose."""

    KIND = ""
    SCREEN_TITLE = "Journal entry"
    HELP = ""
    AUTOSAVE = True
    AUTOSAVE_DELAY = 2.0
    AUTOSAVE_EVERY = 20.0

    BINDINGS = [
        Binding("ctrl+s", "finish", "Save", priority=True, id="journal.form.save"),
        Binding("escape", "leave", "Close", id="journal.form.close"),
        Binding("f1", "form_help", "Help", id="journal.form.help"),
    ]

    def __init__(self, entry: JournalEntry, *, finished_before: bool = False) -> None:
        super().__init__()
        self.entry = entry.copy()
        #: Editing an entry that was already saved as finished (no draft autosave then).
        self.finished_before = finished_before and not entry.is_draft
        self._opened = entry_snapshot(self.entry)
        self._last_saved: dict[str, Any] | None = None
        self._save_timer = None
        self._loading = True
        self._form_done = False

    # -- helpers

    @property
    def rapp(self) -> ReboundApp:
        return self.app  # type: ignore[return-value]

    @property
    def store(self) -> Store:
        return self.rapp.store

    def voice(self) -> tuple[str, bool]:
        s = self.store.settings.current()
        return s.my_name, s.use_my_name

    def set_message(self, text: str) -> None:
        try:
            self.query_one("#form-message", Static).update(literal(text))
        except Exception:
            pass

    # -- to be filled by subclasses

    def collect(self) -> None:
        """Copy what the widgets hold into ``self.entry``."""

    def load(self) -> None:
        """Put ``self.entry`` into the widgets."""

    def validate(self) -> str | None:
        """An inline message when something can't be saved as typed, else None."""
        return None

    def finished_message(self) -> str:
        return "Saved to your journal."

    # -- lifecycle

    def on_mount(self) -> None:
        self.load()
        self.call_after_refresh(self._loaded)
        if self.AUTOSAVE and not self.finished_before:
            self.set_interval(self.AUTOSAVE_EVERY, self.autosave)

    def _loaded(self) -> None:
        # what the widgets hold once loaded is the baseline for "changed?"
        self.collect()
        self._opened = entry_snapshot(self.entry)
        stored = self.store.journal.get(self.entry.id)
        if stored is not None and stored.is_draft and not self.finished_before:
            self._last_saved = dict(self._opened)  # the draft on disk is what is on screen
        self._loading = False

    def changed(self) -> bool:
        """Something differs from what was on screen when the form opened."""
        self.collect()
        return entry_snapshot(self.entry) != self._opened

    def mark_dirty(self) -> None:
        """Called on every edit: save the draft shortly after typing pauses."""
        if self._loading or not self.AUTOSAVE or self.finished_before:
            return
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(self.AUTOSAVE_DELAY, self.autosave)

    def autosave(self) -> bool:
        """Save the draft if it changed since the last save. True when something was written."""
        if self._form_done or self.finished_before or self.store.read_only:
            return False
        self.collect()
        snap = entry_snapshot(self.entry)
        if snap == self._last_saved:
            return False
        if is_blank(self.entry) and self._last_saved is None:
            return False
        draft = self.entry.copy()
        draft.is_draft = True
        if self.rapp.write(self.store.journal.save_draft, draft):
            self.entry.is_draft = True
            self._last_saved = snap
            return True
        return False

    def save_pending(self) -> None:
        """The session is ending (SIGHUP/SIGTERM): keep what was typed."""
        if self._form_done or self.store.read_only:
            return
        self.collect()
        snap = entry_snapshot(self.entry)
        if is_blank(self.entry) or snap == self._last_saved:
            return
        if self.finished_before:
            if snap != self._opened:
                self.store.journal.save(self.entry.copy())
                self._last_saved = snap
            return
        self.store.journal.save_draft(self.entry.copy())
        self._last_saved = snap

    def _close(self, result: str | None) -> None:
        self._form_done = True
        if self._save_timer is not None:
            self._save_timer.stop()
        self.dismiss(result)

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
        if is_blank(self.entry) and not self.finished_before:
            self.set_message("Nothing to save yet. Write something, or press escape to close.")
            return
        done = self.entry.copy()
        if self.rapp.write(self.store.journal.finish, done):
            self.notify(self.finished_message(), title="Journal", markup=False)
            self._close(self.entry.id)

    def action_leave(self) -> None:
        self.collect()
        saved_draft = self._last_saved is not None and not self.finished_before
        if is_blank(self.entry) and not self.finished_before:
            if saved_draft and not self.store.read_only:
                self.rapp.write(self.store.journal.delete, self.entry.id)
            self._close(None)
            return
        if entry_snapshot(self.entry) == self._opened:
            self._close(None)
            return
        if self.finished_before:
            choices = [("save", "Save the changes"), ("discard", "Discard the changes"),
                       ("stay", "Keep editing")]
            title, message = "Leave this entry?", "You changed this entry."
        else:
            choices = [("keep", "Keep it as a draft (resume it from the journal later)"),
                       ("discard", "Discard it"), ("stay", "Keep writing")]
            title, message = "Leave for now?", "Nothing is lost if you keep the draft."
        self.app.push_screen(ChoiceDialog(title, choices, message=message, selected=choices[0][0]),
                             self._left)

    def _left(self, choice: str | None) -> None:
        if choice in (None, "stay"):
            return
        if choice == "save":
            self.action_finish()
            return
        if choice == "keep":
            self.autosave()
            self.notify("Draft kept. Find it at the top of the journal list.", title="Journal", markup=False)
            self._close(self.entry.id)
            return
        if choice == "discard":
            if not self.finished_before and self._last_saved is not None and not self.store.read_only:
                self.rapp.write(self.store.journal.delete, self.entry.id)
            self._close(None)

    # -- edits anywhere in the form

    def on_input_changed(self, event: Input.Changed) -> None:
        self.mark_dirty()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self.mark_dirty()

    def on_scale_picker_changed(self, event: ScalePicker.Changed) -> None:
        self.mark_dirty()


# --------------------------------------------------------------------------- quick check-in


class CheckInForm(JournalForm):
    KIND = "checkin"
    AUTOSAVE = False
    SCREEN_TITLE = "Quick check-in"
    HELP = ("How are you, right now? Pick a mood from 1 to 5 (the digit keys or ←/→), an energy level if "
            "you like, and a few words. Nothing else is ever required. ctrl+s saves; escape closes.")

    DEFAULT_CSS = """
    CheckInForm { align: center middle; }
    CheckInForm > #form { width: 100%; height: 1fr; border: round $primary; background: $surface; padding: 0 1; }
    CheckInForm .form-title { text-style: bold; height: 1; }
    CheckInForm .prompt { color: $foreground 70%; text-style: italic; height: auto; margin-bottom: 1; }
    CheckInForm ScalePicker { margin-bottom: 1; }
    CheckInForm TextArea { height: 1fr; min-height: 3; }
    CheckInForm .row { height: 1; margin-top: 1; }
    CheckInForm .row Label { width: 7; }
    CheckInForm #form-message { height: auto; color: $warning; }
    CheckInForm Input, CheckInForm TextArea { background: $panel; }
    """

    def compose(self) -> ComposeResult:
        name, use = self.voice()
        prompt = prompts_for(9)[0].text(name, use)
        with Vertical(id="form"):
            yield Static(Content.assemble(("Quick check-in", "bold"), " · ", self.entry.entry_date),
                         classes="form-title")
            yield Static(literal(prompt), classes="prompt")
            yield ScalePicker("Mood", MOOD_LABELS, self.entry.mood, id="mood")
            yield ScalePicker("Energy", ENERGY_LABELS, self.entry.energy, id="energy")
            yield Label("Note (optional)")
            yield TextArea(self.entry.body, id="note", compact=True, placeholder="A few words about today")
            with Horizontal(classes="row"):
                yield Label("Tags")
                yield Input(", ".join(self.entry.tags), placeholder="e.g. interview, sleep", id="tags",
                            compact=True)
            yield Static("", id="form-message")
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#mood", ScalePicker).focus()

    def collect(self) -> None:
        self.entry.kind = "checkin"
        self.entry.mood = self.query_one("#mood", ScalePicker).value
        self.entry.energy = self.query_one("#energy", ScalePicker).value
        self.entry.body = self.query_one("#note", TextArea).text
        self.entry.tags = parse_tags(self.query_one("#tags", Input).value)

    def validate(self) -> str | None:
        if not self.entry.mood:
            return "Pick a mood from 1 to 5 first (press a digit, or ←/→ on the Mood line)."
        return None

    def finished_message(self) -> str:
        return f"Check-in saved: mood {self.entry.mood}/5 ({MOOD_LABELS.get(self.entry.mood, '')})."


# --------------------------------------------------------------------------- free write


class FreeWriteForm(JournalForm):
    KIND = "freewrite"
    SCREEN_TITLE = "Free write"
    HELP = ("Write whatever is on your mind; a title and tags are optional. ctrl+e opens the text in your "
            "$EDITOR (the temporary copy is deleted afterwards). ctrl+t starts a 15-minute expressive-writing "
            "timer: write without stopping about your deepest thoughts and feelings on this search. "
            "ctrl+r shows another prompt. The draft saves itself as you type; ctrl+s saves the entry.")

    BINDINGS = [
        Binding("ctrl+e", "editor", "$EDITOR", priority=True, id="journal.freewrite.editor"),
        Binding("ctrl+t", "timer", "15-min timer", priority=True, id="journal.freewrite.timer"),
        Binding("ctrl+r", "next_prompt", "Prompt", priority=True, id="journal.freewrite.prompt"),
    ]

    DEFAULT_CSS = """
    FreeWriteForm { align: center middle; }
    FreeWriteForm > #form { width: 100%; height: 1fr; border: round $primary; background: $surface; padding: 0 1; }
    FreeWriteForm .form-head { height: 1; }
    FreeWriteForm .form-title { text-style: bold; width: 1fr; }
    FreeWriteForm #timer { width: auto; text-style: bold; }
    FreeWriteForm .prompt { color: $foreground 70%; text-style: italic; height: auto; }
    FreeWriteForm .row { height: 1; margin-top: 1; }
    FreeWriteForm .row Label { width: 7; }
    FreeWriteForm TextArea { height: 1fr; margin-top: 1; }
    FreeWriteForm #form-message { height: auto; color: $warning; }
    FreeWriteForm Input, FreeWriteForm TextArea { background: $panel; }
    """

    def __init__(self, entry: JournalEntry, *, finished_before: bool = False, timed: bool = False) -> None:
        super().__init__(entry, finished_before=finished_before)
        self._prompt_index = 0
        self._timer_started: float | None = None
        self._timer_base = entry.writing_seconds
        self._ticker = None
        self._start_timed = timed

    def compose(self) -> ComposeResult:
        with Vertical(id="form"):
            with Horizontal(classes="form-head"):
                yield Static(Content.assemble(("Free write", "bold"), " · ", self.entry.entry_date),
                             classes="form-title")
                yield Static("", id="timer")
            yield Static("", id="prompt", classes="prompt")
            with Horizontal(classes="row"):
                yield Label("Title")
                yield Input(self.entry.title, placeholder="optional", id="title", compact=True)
            with Horizontal(classes="row"):
                yield Label("Tags")
                yield Input(", ".join(self.entry.tags), placeholder="optional, e.g. interview", id="tags",
                            compact=True)
            yield TextArea(self.entry.body, id="body", compact=True,
                           placeholder="Write freely. Nobody else reads this.")
            yield Static("", id="form-message")
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        self._show_prompt()
        self.query_one("#body", TextArea).focus()
        if self._start_timed:
            self.action_timer()

    def _show_prompt(self) -> None:
        name, use = self.voice()
        options = prompts_for(0)
        if self._timer_started is not None:
            options = [p for p in options if p.key == "distancing-expressive"] + \
                      [p for p in options if p.key != "distancing-expressive"]
        prompt = options[self._prompt_index % len(options)].text(name, use)
        self.query_one("#prompt", Static).update(Content.assemble(
            Content(prompt), ("  ctrl+r: another prompt", "dim")))

    def action_next_prompt(self) -> None:
        self._prompt_index += 1
        self._show_prompt()

    # -- the expressive-writing timer

    def elapsed(self) -> int:
        if self._timer_started is None:
            return 0
        return int(time.monotonic() - self._timer_started)

    def timer_text(self) -> str:
        if self._timer_started is None:
            return ""
        left = EXPRESSIVE_SECONDS - self.elapsed()
        if left <= 0:
            return "15 minutes: done. Keep going if you like."
        return f"Expressive writing · {left // 60:02d}:{left % 60:02d} left"

    def action_timer(self) -> None:
        if self._timer_started is None:
            self._timer_started = time.monotonic()
            self._prompt_index = 0
            self._ticker = self.set_interval(1, self.tick)
            self.notify("15 minutes of writing without stopping. Spelling doesn't matter; nobody else "
                        "will read it. ctrl+t stops the timer.", title="Expressive writing", markup=False)
        else:
            self._timer_base += self.elapsed()
            self._timer_started = None
            if self._ticker is not None:
                self._ticker.stop()
                self._ticker = None
        self._show_prompt()
        self.tick()

    def tick(self) -> None:
        text = self.timer_text()
        self.query_one("#timer", Static).update(literal(text))
        if self._timer_started is not None and self.elapsed() >= EXPRESSIVE_SECONDS and self._ticker is not None:
            self._ticker.stop()
            self._ticker = None
            self.notify("Fifteen minutes are up. Finish your sentence, or keep going; ctrl+s saves.",
                        title="Expressive writing", markup=False)
            self.mark_dirty()

    # -- the external editor

    def action_editor(self) -> None:
        area = self.query_one("#body", TextArea)
        new, message = edit_in_editor(self.app, area.text)
        if new is not None:
            area.text = new
            self.mark_dirty()
        self.set_message(message)

    # -- data

    def collect(self) -> None:
        self.entry.kind = "freewrite"
        self.entry.title = self.query_one("#title", Input).value.strip()
        self.entry.tags = parse_tags(self.query_one("#tags", Input).value)
        self.entry.body = self.query_one("#body", TextArea).text
        self.entry.writing_seconds = min(self._timer_base + self.elapsed(), 24 * 3600)

    def finished_message(self) -> str:
        words = len(self.entry.body.split())
        return f"Saved: {words} word{'s' if words != 1 else ''}. Well done for writing it down."
