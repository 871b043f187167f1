"""Sweep: walk only the cards that need attention (a quiet card, or a next action due), one at a
time, with one-key verbs. ``f`` followed up (logged; next action in a week), ``g`` ghosted, ``r``
rejected, ``z`` snooze a week, ``a`` advance a stage, ``enter`` opens the details, ``j``/``k`` skip
ahead or go back without acting, ``escape`` leaves. It ends by saying what was done."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from store import clock
from store import pipeline as p
from store.dates import from_iso, humanize_ago, long_date
from store.models import Application
from tui.board.actions import Direction
from tui.board.details import DetailsScreen
from tui.shell import keymap
from tui.shell.undo import UndoHere

if TYPE_CHECKING:
    from tui.board.flows import CardFlows, Done

SWEEP_CSS = """
SweepScreen { align: center middle; }
#sweep-box {
    width: 90; max-width: 100%; height: auto; max-height: 100%;
    border: round $primary; background: $surface; padding: 0 1;
}
#sweep-progress { height: 1; color: $foreground 70%; }
#sweep-scroll { height: auto; max-height: 14; }
#sweep-keys { height: auto; margin-top: 1; }
"""


class SweepVerb(Enum):
    """The sweep's one-key verbs; the value is what the summary says."""

    FOLLOW_UP = "followed up"
    GHOSTED = "closed as ghosted"
    REJECT = "closed as rejected"
    SNOOZE = "snoozed"
    ADVANCE = "advanced"


def summary(done: Counter[SweepVerb]) -> str:
    """``2 followed up, 1 snoozed`` (in the order they were first done)."""
    return ", ".join(f"{n} {verb.value}" for verb, n in done.items())


class SweepScreen(ModalScreen[None], UndoHere):
    DEFAULT_CSS = SWEEP_CSS
    KEYMAP = "board.sweep"
    BINDINGS = keymap.bindings(KEYMAP)

    def __init__(self, flows: CardFlows, ids: list[str]) -> None:
        super().__init__()
        self.flows = flows
        self.ids = list(ids)
        self.pos = 0
        self.done: Counter[SweepVerb] = Counter()
        self.handled: set[str] = set()
        self._leaving = False

    def compose(self) -> ComposeResult:
        with Vertical(id="sweep-box"):
            yield Static(id="sweep-progress")
            with VerticalScroll(id="sweep-scroll"):
                yield Static(id="sweep-card")
            yield Static(self._keys(), id="sweep-keys")
        yield Footer()

    def _keys(self) -> Content:
        """Every key of the sweep, from the key map (as bound now)."""
        parts: list[str | tuple[str, str]] = []
        for key, label, _id in keymap.help_rows(self.KEYMAP, getattr(self.app, "user_keymap", {})):
            parts += [(key.split(", ")[0], "bold"), f" {label.lower()}  "]
        return Content.assemble(*parts)

    def on_mount(self) -> None:
        self.query_one(Footer).compact = True
        self.show_current()

    def on_screen_resume(self) -> None:
        self.show_current()

    def after_undo(self) -> None:
        self.show_current()

    @property
    def current_id(self) -> str | None:
        return self.ids[self.pos] if 0 <= self.pos < len(self.ids) else None

    def show_current(self) -> None:
        """Draw the current card (skipping cards deleted meanwhile); the end finishes the sweep."""
        actions = self.flows.actions
        while self.current_id is not None and actions.get(self.current_id) is None:
            self.ids.pop(self.pos)
        app = actions.get(self.current_id)
        if app is None:
            self.finish()
            return
        progress = f"Sweep · {self.pos + 1} of {len(self.ids)}"
        if self.handled:
            progress += f" · {len(self.handled)} handled"
        self.query_one("#sweep-progress", Static).update(progress)
        self.query_one("#sweep-card", Static).update(self._card(app))

    def _card(self, app: Application) -> Content:
        today = clock.today()
        reasons = p.attention_reasons(app, today, self.flows.actions.quiet_days())
        if app.id in self.handled and not reasons:
            reasons = ["handled in this sweep"]
        parts: list[str | tuple[str, str]] = [
            (app.company or "(no company)", "bold"), ("  —  ", "dim"), (app.role or "(no role)", "bold"), "\n",
            (p.stage_label(app.stage), "bold"),
        ]
        if app.stage == "closed":
            parts += ["  ·  closed: ", app.outcome or "—"]
        else:
            parts += [("  ·  ", "dim"), f"{p.days_in_stage(app, today)} days in stage",
                      ("  ·  last activity ", "dim"), humanize_ago(p.last_activity(app), today)]
        parts.append("\n")
        if reasons:
            parts += [("⚑ ", "bold"), "; ".join(reasons), "\n"]
        if app.next_action or app.next_action_date:
            parts += [("Next action  ", "dim"), app.next_action or "(no description)", ("  · ", "dim"),
                      long_date(from_iso(app.next_action_date)) or "no date", "\n"]
        if app.contact_names:
            parts += [("Contacts     ", "dim"), ", ".join(app.contact_names), "\n"]
        if app.notes.strip():
            note = app.notes.strip().splitlines()[0]
            parts += [("Notes        ", "dim"), note[:300], "\n"]
        return Content.assemble(*parts)

    def finish(self) -> None:
        """Say what was done and leave (once, and only from the top of the stack: a verb's dialog
        may still be above us; the resume after it closes comes back here)."""
        if self._leaving or not self.is_active:
            return
        self._leaving = True
        if self.done:
            self.app.notify(f"Sweep done: {summary(self.done)}.", title="Sweep", markup=False)
        else:
            self.app.notify("Sweep done. Nothing changed.", title="Sweep", markup=False)
        self.dismiss(None)

    def _next(self) -> None:
        self.pos += 1
        if self.pos >= len(self.ids):
            self.finish()
        else:
            self.show_current()

    def _do(self, verb: SweepVerb, run: Callable[[str, Done], None]) -> None:
        """Run one verb on the current card; when it changed something, count it and go on."""
        app_id = self.current_id
        if app_id is None:
            return

        def after(ok: bool) -> None:
            if ok:
                self.done[verb] += 1
                self.handled.add(app_id)
                self._next()
            elif self.is_active:
                self.show_current()

        run(app_id, after)

    def action_follow_up(self) -> None:
        self._do(SweepVerb.FOLLOW_UP, self.flows.follow_up)

    def action_ghosted(self) -> None:
        self._do(SweepVerb.GHOSTED, self.flows.ghost)

    def action_reject(self) -> None:
        self._do(SweepVerb.REJECT, self.flows.reject)

    def action_snooze(self) -> None:
        self._do(SweepVerb.SNOOZE, self.flows.snooze)

    def action_advance(self) -> None:
        self._do(SweepVerb.ADVANCE, lambda app_id, done: self.flows.step(app_id, Direction.FORWARD, done))

    def action_open(self) -> None:
        if self.current_id:
            self.app.push_screen(DetailsScreen(self.flows, self.current_id))

    def action_skip(self, delta: int) -> None:
        if delta > 0:
            self._next()
        elif self.pos > 0:
            self.pos -= 1
            self.show_current()

    def action_leave(self) -> None:
        if self.done:
            self.app.notify(f"Left the sweep: {summary(self.done)}.", title="Sweep", markup=False)
        self._leaving = True
        self.dismiss(None)
