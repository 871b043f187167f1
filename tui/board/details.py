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
from store.brief import BRIEF_STAGES, Brief
from store.dates import from_iso, humanize_ago, interview_label, long_date
from store.models import Application
from tui.board.actions import Direction
from tui.board.brief import FEEDBACK_OFFER, brief_parts
from tui.board.cards import OUTCOME_MARKS
from tui.shell import keymap
from tui.shell.undo import UndoHere

if TYPE_CHECKING:
    from tui.board.flows import CardFlows

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
                    linked: tuple[str, ...] = (), brief: Brief | None = None) -> Content:
    """Everything about one application, user text always literal; in Screening or Interviewing, the
    interview ``brief`` (lessons and feedback, newest first) near the top."""
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
        flag = "  ◷ today" if state == "today" else ""  # a past day says itself: never "overdue"
        line(("Next action  ", "dim"), app.next_action or "(no description)", ("  · ", "dim"), when,
             (flag, "bold"))
    if plan_note:
        line(("Rebound plan ", "dim"), plan_note)
    if brief is not None and not brief.empty and app.stage in BRIEF_STAGES:
        parts.extend(brief_parts(brief))
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
    field("Interview", interview_label(app.interview_at))
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
        line((FEEDBACK_OFFER, "dim"))
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


class DetailsScreen(ModalScreen[None], UndoHere):
    """One application's details. Its keys act on the card through :class:`CardFlows`; after each
    the view is drawn again, and it closes itself when the card is gone (deleted)."""

    DEFAULT_CSS = DETAILS_CSS
    KEYMAP = "board.details"
    BINDINGS = keymap.bindings(KEYMAP)

    def __init__(self, flows: CardFlows, application_id: str) -> None:
        super().__init__()
        self.flows = flows
        self.application_id = application_id
        self._leaving = False

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

    def refresh_view(self, ok: bool = True) -> None:
        """Draw the card again (``ok``: the ``done`` of a verb, unused); leave when it is gone."""
        actions = self.flows.actions
        app = actions.get(self.application_id)
        if app is None:
            self._leave()
            return
        self.query_one("#details-text", Static).update(
            details_content(app, clock.today(), actions.quiet_days(), actions.plan_note(app),
                            tuple(c.display_name for c in actions.linked_contacts(app)), actions.brief(app)))

    def after_undo(self) -> None:
        self.refresh_view()

    def _leave(self) -> None:
        """Dismiss once, and only from the top of the stack: a verb's dialog (delete's "are you
        sure?") may still be above us; then the resume that follows its dismissal brings us here."""
        if not self._leaving and self.is_active:
            self._leaving = True
            self.dismiss(None)

    def action_back(self) -> None:
        self._leave()

    def action_scroll(self, delta: int) -> None:
        scroll = self.query_one("#details-scroll", VerticalScroll)
        scroll.scroll_relative(y=delta, animate=False)

    def action_edit(self) -> None:
        self.flows.edit(self.application_id, self.refresh_view)

    def action_move(self, direction: int) -> None:
        self.flows.step(self.application_id, Direction(direction), self.refresh_view)

    def action_close_card(self) -> None:
        self.flows.close_with_outcome(self.application_id, done=self.refresh_view)

    def action_reject(self) -> None:
        self.flows.reject(self.application_id, self.refresh_view)

    def action_ghost(self) -> None:
        self.flows.ghost(self.application_id, self.refresh_view)

    def action_follow_up(self) -> None:
        self.flows.follow_up(self.application_id, self.refresh_view)

    def action_snooze(self) -> None:
        self.flows.snooze(self.application_id, self.refresh_view)

    def action_delete(self) -> None:
        self.flows.delete(self.application_id, self.refresh_view)

    def action_contact(self) -> None:
        self.flows.open_contact(self.application_id)
