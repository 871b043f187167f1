"""An application's details: every field, what needs attention, and the timeline of stage moves
and activity. Acts on the card with the board's keys (``e`` edit, ``H``/``L`` move, ``x`` close,
``r`` reject, ``f`` followed up, ``z`` snooze, ``d`` delete); ``escape`` goes back to the board."""

from __future__ import annotations

from datetime import date
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
from store.models import Application
from tui.board.cards import OUTCOME_MARKS
from tui.board.forms import long_date

if TYPE_CHECKING:
    from tui.board.screen import BoardScreen

MOVE_GROUP = Binding.Group("Move ")

DETAILS_CSS = """
DetailsScreen { align: center middle; }
#details-box {
    width: 100%; max-width: 110; height: 100%;
    border: round $primary; background: $surface; padding: 0 1;
}
#details-scroll { height: 1fr; }
#details-text { height: auto; }
"""


def _stars(n: int) -> str:
    return f"{'★' * n}{'☆' * (5 - n)} ({n}/5)" if n else "not rated"


def details_content(app: Application, today: date, quiet_days: int, plan_note: str = "",
                    linked: tuple[str, ...] = ()) -> Content:
    """Everything about one application, user text always literal."""
    parts: list = []

    def line(*bits) -> None:
        parts.extend(bits)
        parts.append("\n")

    def field(label: str, value: object) -> None:
        text = "" if value is None else str(value)
        if text.strip():
            line((f"{label:<13}", "dim"), text)

    line((app.company or "(no company)", "bold"), ("  —  ", "dim"), (app.role or "(no role)", "bold"))
    stage = p.stage_label(app.stage)
    if app.stage == "closed":
        sym, _ = OUTCOME_MARKS.get(app.outcome, ("■", "dim"))
        line(("Closed ", "bold"), f"{sym} {app.outcome or 'no outcome'}",
             ("  on ", "dim"), long_date(from_iso(app.outcome_on)) or "—",
             ("  from ", "dim"), p.stage_label(app.closed_from_stage) if app.closed_from_stage else "—")
        if app.outcome_reason:
            line(("Reason       ", "dim"), app.outcome_reason)
    else:
        days = p.days_in_stage(app, today)
        line((stage, "bold"), ("  ·  ", "dim"), f"{days} day{'s' if days != 1 else ''} in this stage",
             ("  ·  last activity ", "dim"), humanize_ago(p.last_activity(app), today))
    line(("Excitement   ", "dim"), _stars(app.excitement))
    reasons = p.attention_reasons(app, today, quiet_days)
    if reasons:
        line(("⚑ Needs attention: ", "bold"), "; ".join(reasons))
    if p.is_snoozed(app, today):
        line(("z Snoozed until ", "dim"), long_date(from_iso(app.snoozed_until)))
    if app.next_action or app.next_action_date:
        state = p.next_action_state(app, today)
        when = long_date(from_iso(app.next_action_date)) if app.next_action_date else "no date"
        flag = {"overdue": "  ⚠ overdue", "today": "  ⚠ due today"}.get(state, "")
        line(("Next action  ", "dim"), app.next_action or "(no description)", ("  · ", "dim"), when,
             (flag, "bold"))
    if plan_note:
        line(("Rebound plan ", "dim"), plan_note)
    parts.append("\n")
    field("URL", app.url)
    field("Location", app.location)
    field("Work mode", app.work_mode)
    field("Salary", app.salary)
    field("Source", app.source)
    field("Applied on", long_date(from_iso(app.applied_on)))
    field("Deadline", long_date(from_iso(app.deadline)))
    if app.round_number or app.round_name:
        rnd = " - ".join(x for x in (str(app.round_number) if app.round_number else "", app.round_name) if x)
        field("Round", rnd)
    if app.contact_names or linked:
        names = list(app.contact_names)
        for name in linked:
            if name.casefold() not in {n.casefold() for n in names}:
                names.append(name)
        shown = [f"{n} ↗" if n.casefold() in {x.casefold() for x in linked} else n for n in names]
        line(("Contacts     ", "dim"), ", ".join(shown), ("  (↗ in Contacts: c opens)" if linked else "", "dim"))
    field("Tags", ", ".join(app.tags))
    if app.feedback.strip():
        parts.append("\n")
        line(("Feedback received", "bold"))
        line(app.feedback)
    if app.notes.strip():
        parts.append("\n")
        line(("Notes", "bold"))
        line(app.notes)
    parts.append("\n")
    line(("Timeline", "bold"))
    entries = p.timeline(app)
    if not entries:
        line(("  nothing recorded yet", "dim"))
    for e in entries:
        when = long_date(e["on"]) if e["on"] else "?"
        at = str(e.get("at") or "")
        if e["kind"] == "move" and len(at) >= 16 and at[10] == "T":
            when += " " + at[11:16]
        mark = "  " if e["kind"] == "move" else "• "
        line(("  ", ""), (f"{when:<23}", "dim"), mark, e["text"])
    return Content.assemble(*parts)


class DetailsScreen(ModalScreen[None]):
    DEFAULT_CSS = DETAILS_CSS
    BINDINGS = [
        Binding("escape,q", "back", "Back", id="details.back"),
        Binding("e", "act('edit')", "Edit", id="details.edit"),
        Binding("H,shift+left", "act('back')", "Move back", key_display="H", id="details.back_stage",
                group=MOVE_GROUP),
        Binding("L,shift+right", "act('forward')", "Move on", key_display="L", id="details.forward",
                group=MOVE_GROUP),
        Binding("x", "act('close')", "Close", id="details.close"),
        Binding("r", "act('reject')", "Reject", id="details.reject"),
        Binding("f", "act('follow_up')", "Followed up", id="details.follow_up"),
        Binding("z", "act('snooze')", "Snooze", id="details.snooze"),
        Binding("d", "act('delete')", "Delete", show=False, id="details.delete"),
        Binding("c", "act('contact')", "Open contact", show=False, id="details.contact"),
        Binding("j,down", "scroll(1)", "Down", show=False, id="details.down"),
        Binding("k,up", "scroll(-1)", "Up", show=False, id="details.up"),
    ]

    def __init__(self, board: BoardScreen, application_id: str) -> None:
        super().__init__()
        self.board = board
        self.application_id = application_id

    @property
    def COMMANDS(self):  # type: ignore[override]
        return self.board.COMMANDS

    def compose(self) -> ComposeResult:
        with Vertical(id="details-box"):
            with VerticalScroll(id="details-scroll"):
                yield Static(id="details-text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Footer).compact = True
        self.refresh_view()
        self.query_one("#details-scroll").focus()

    def on_screen_resume(self) -> None:
        self.refresh_view()

    def refresh_view(self) -> None:
        app = self.board.store.applications.get(self.application_id)
        if app is None:
            self.dismiss(None)
            return
        today = clock.today()
        self.query_one("#details-text", Static).update(
            details_content(app, today, self.board.quiet_days(), self.board.plan_note(app),
                            tuple(c.display_name for c in self.board.linked_contacts(app))))

    def action_back(self) -> None:
        self.dismiss(None)

    def action_scroll(self, delta: int) -> None:
        scroll = self.query_one("#details-scroll", VerticalScroll)
        scroll.scroll_relative(y=delta, animate=False)

    def action_act(self, what: str) -> None:
        self.board.act_on(self.application_id, what, after=self.refresh_view)
