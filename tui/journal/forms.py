"""The quick check-in and free-write forms (the guided reframe is in :mod:`tui.journal.wizard`).

Both build on :class:`tui.journal.base.JournalForm` (drafts, leave/finish, help); the free write adds
ctrl+e for ``$EDITOR`` (:mod:`tui.journal.editor`) and a 15-minute expressive-writing timer.
"""

from __future__ import annotations

import time

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Footer, Input, Label, Static, TextArea

from store import course
from store.dates import long_date
from store.journal import parse_tags
from store.models import JournalEntry
from store.prompts import ENERGY_LABELS, MOOD_LABELS, prompts_for
from tui.journal.actions import JournalActions
from tui.journal.base import JournalForm
from tui.journal.editor import edit_in_editor
from tui.shell import keymap
from widgets.journal_scale import ScalePicker
from widgets.usertext import literal

EXPRESSIVE_SECONDS = 15 * 60


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
            yield Static(Content.assemble(("Quick check-in", "bold"), " · ", long_date(self.entry.entry_date)),
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


# --------------------------------------------------------------------------- free write


class FreeWriteForm(JournalForm):
    KIND = "freewrite"
    SCREEN_TITLE = "Free write"
    HELP = ("Write whatever is on your mind; a title and tags are optional. ctrl+e opens the text in your "
            "$EDITOR (the temporary copy is deleted afterwards). ctrl+t starts a 15-minute expressive-writing "
            "timer: write without stopping about your deepest thoughts and feelings on this search. "
            "ctrl+r shows another prompt. The draft saves itself as you type; ctrl+s saves the entry.")

    KEYMAP = "journal.freewrite"
    BINDINGS = keymap.bindings(KEYMAP)

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

    def __init__(self, entry: JournalEntry, actions: JournalActions, *, finished_before: bool = False,
                 timed: bool = False) -> None:
        super().__init__(entry, actions, finished_before=finished_before)
        self._prompt_index = 0
        self._timer_started: float | None = None
        self._timer_base = entry.writing_seconds
        self._ticker: Timer | None = None
        self._start_timed = timed

    def compose(self) -> ComposeResult:
        with Vertical(id="form"):
            with Horizontal(classes="form-head"):
                yield Static(Content.assemble((self._heading(), "bold"), " · ", long_date(self.entry.entry_date)),
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

    def _heading(self) -> str:
        day = self.entry.course_day
        return f"Writing course · session {day} of {course.DAYS}" if 1 <= day <= course.DAYS else "Free write"

    def _show_prompt(self) -> None:
        day = self.entry.course_day
        if 1 <= day <= course.DAYS:  # the course: that day's prompt, and where to stop
            self.query_one("#prompt", Static).update(Content.assemble(
                Content(course.PROMPTS[day]), "\n",
                ("If it becomes too upsetting, stop (escape); ctrl+p › Support is there too.", "dim")))
            return
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
