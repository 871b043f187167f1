"""Sweep: walk only the cards that need attention (a quiet card, or a next action due), one at a
time, with one-key verbs. ``f`` followed up (logged; next action in a week), ``g`` ghosted, ``r``
rejected, ``z`` snooze a week, ``a`` advance a stage, ``enter`` opens the details, ``j``/``k`` skip
ahead or go back without acting, ``escape`` leaves. It ends by saying what was done."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from store import clock
from store import pipeline as p
from store.dates import from_iso, humanize_ago
from tui.board.forms import long_date

if TYPE_CHECKING:
    from tui.board.screen import BoardScreen

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

VERB_WORDS = {"follow_up": "followed up", "ghosted": "closed as ghosted", "reject": "closed as rejected",
              "snooze": "snoozed", "advance": "advanced"}


class SweepScreen(ModalScreen[None]):
    DEFAULT_CSS = SWEEP_CSS
    BINDINGS = [
        Binding("f", "verb('follow_up')", "Followed up", id="sweep.follow_up"),
        Binding("g", "verb('ghosted')", "Ghosted", id="sweep.ghosted"),
        Binding("r", "verb('reject')", "Rejected", id="sweep.reject"),
        Binding("z", "verb('snooze')", "Snooze", id="sweep.snooze"),
        Binding("a", "verb('advance')", "Advance", id="sweep.advance"),
        Binding("enter", "open", "Open", id="sweep.open"),
        Binding("j,down", "skip(1)", "Skip", show=False, id="sweep.skip"),
        Binding("k,up", "skip(-1)", "Back", show=False, id="sweep.back"),
        Binding("escape", "leave", "Leave", id="sweep.leave"),
    ]

    def __init__(self, board: BoardScreen, ids: list[str]) -> None:
        super().__init__()
        self.board = board
        self.ids = list(ids)
        self.pos = 0
        self.done: Counter[str] = Counter()
        self.handled: set[str] = set()

    @property
    def COMMANDS(self):  # type: ignore[override]
        return self.board.COMMANDS

    def compose(self) -> ComposeResult:
        with Vertical(id="sweep-box"):
            yield Static(id="sweep-progress")
            with VerticalScroll(id="sweep-scroll"):
                yield Static(id="sweep-card")
            yield Static(Content.assemble(
                ("f", "bold"), " followed up  ", ("g", "bold"), " ghosted  ", ("r", "bold"), " rejected  ",
                ("z", "bold"), " snooze a week  ", ("a", "bold"), " advance\n",
                ("enter", "bold"), " open  ", ("j", "bold"), "/", ("k", "bold"), " skip/back  ",
                ("esc", "bold"), " leave"), id="sweep-keys")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Footer).compact = True
        self.show_current()

    def on_screen_resume(self) -> None:
        self.show_current()

    @property
    def current_id(self) -> str | None:
        return self.ids[self.pos] if 0 <= self.pos < len(self.ids) else None

    def show_current(self) -> None:
        store = self.board.store
        # drop cards deleted meanwhile
        while self.current_id is not None and store.applications.get(self.current_id) is None:
            self.ids.pop(self.pos)
        app = store.applications.get(self.current_id) if self.current_id else None
        if app is None:
            self.finish()
            return
        today = clock.today()
        qd = self.board.quiet_days()
        progress = f"Sweep · {self.pos + 1} of {len(self.ids)}"
        if self.handled:
            progress += f" · {len(self.handled)} handled"
        self.query_one("#sweep-progress", Static).update(progress)
        reasons = p.attention_reasons(app, today, qd)
        if app.id in self.handled and not reasons:
            reasons = ["handled in this sweep"]
        parts: list = [
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
        self.query_one("#sweep-card", Static).update(Content.assemble(*parts))

    def finish(self) -> None:
        if self.done:
            said = ", ".join(f"{n} {VERB_WORDS[k]}" for k, n in self.done.items())
            self.app.notify(f"Sweep done: {said}.", title="Sweep", markup=False)
        else:
            self.app.notify("Sweep done. Nothing changed.", title="Sweep", markup=False)
        self.dismiss(None)

    def _next(self) -> None:
        self.pos += 1
        if self.pos >= len(self.ids):
            self.finish()
        else:
            self.show_current()

    def action_verb(self, verb: str) -> None:
        app_id = self.current_id
        if app_id is None:
            return

        def after(ok: bool = True) -> None:
            if ok:
                self.done[verb] += 1
                self.handled.add(app_id)
                self._next()
            else:
                self.show_current()

        if verb == "ghosted":
            self.board.close_application(app_id, "ghosted", after=after, at_once=True)
        elif verb == "reject":
            self.board.close_application(app_id, "rejected", after=after, at_once=True)
        elif verb == "follow_up":
            after(self.board.follow_up(app_id))
        elif verb == "snooze":
            after(self.board.snooze(app_id))
        elif verb == "advance":
            self.board.step(app_id, +1, after=after)

    def action_open(self) -> None:
        if self.current_id:
            self.board.open_details(self.current_id)

    def action_skip(self, delta: int) -> None:
        if delta > 0:
            self._next()
        elif self.pos > 0:
            self.pos -= 1
            self.show_current()

    def action_leave(self) -> None:
        if self.done:
            said = ", ".join(f"{n} {VERB_WORDS[k]}" for k, n in self.done.items())
            self.app.notify(f"Left the sweep: {said}.", title="Sweep", markup=False)
        self.dismiss(None)
