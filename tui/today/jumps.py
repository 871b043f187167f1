"""Where ``enter`` (or ``a``) on a Today row leads (:func:`row_jump`, a :data:`~tui.today.actions.Jump`),
and carrying it out (:func:`go`).

A jump to the composer or the journal for a plan step starts a trip (:mod:`tui.shell.trips`): once
the step is done there (marked sent, put off, closed with escape, a reframe closed) the app comes back
to Today, which highlights what is left of the plan from the row the user left.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.plans import PlanView
from tui.today.actions import (
    AddContact,
    AskIntention,
    Compose,
    Jump,
    KeepLesson,
    Notice,
    OpenApplication,
    OpenContact,
    OpenDraft,
    Refill,
    StartReframe,
    TodayActions,
)
from tui.today.rows import Row

if TYPE_CHECKING:
    from tui.today.screen import TodayScreen


def row_jump(actions: TodayActions, row: Row, view: PlanView | None) -> Jump | None:
    """Where enter on ``row`` leads; ``view``: the plan the row belongs to, if any."""
    if row.kind == "due":
        return actions.due_jump(row.due) if row.due is not None else None
    if row.kind == "intent":
        return AskIntention()
    if view is None or view.app is None:
        return None
    if row.kind == "plan":
        return OpenApplication(view.app.id)
    if row.kind == "step":
        return actions.step_jump(view, row.step or "")
    step = view.step(row.step or "")
    if row.kind == "person" and step is not None and row.person is not None and row.person < len(step.people):
        return actions.person_jump(view, step, step.people[row.person])
    return None


def go(screen: TodayScreen, jump: Jump, *, from_row: str | None = None) -> None:
    """Do ``jump`` for ``screen``; ``from_row``: the row it was asked from (a trip comes back there)."""
    rapp = screen.rapp
    if from_row is not None and isinstance(jump, (OpenDraft, Compose, StartReframe)):
        screen.resume_row = from_row
        rapp.begin_trip("today", "journal" if isinstance(jump, StartReframe) else "outreach")
    match jump:
        case OpenApplication(application_id):
            rapp.open_application(application_id)
        case OpenContact(contact_id):
            rapp.open_contact(contact_id)
        case OpenDraft(draft_id):
            rapp.open_composer(draft_id=draft_id)
        case Compose(kind, application_id, contact_ids):
            rapp.open_composer(kind=kind, contact_ids=contact_ids, application_id=application_id)
        case StartReframe(application_id):
            rapp.start_reframe(application_id)
        case Refill():
            refill(screen)
        case AddContact(plan_id, name):
            screen.tell(screen.actions.add_as_contact(plan_id, name))
        case AskIntention():
            from tui.settings.intention import ask_if_no

            ask_if_no(rapp, screen.refresh_data)
        case Notice(message):
            screen.say(message, "Today")
        case KeepLesson(plan_id):
            entry_id = screen.actions.keep_feedback_as_lesson(plan_id)
            if entry_id is not None:
                screen.say("Kept the feedback as a lesson in your journal.", "Lesson")
                screen.refresh_data()
                rapp.open_journal_entry(entry_id)


def refill(screen: TodayScreen) -> None:
    """The "move on" dialog; its ``n`` opens the new-application form filing into Wishlist (never the
    board column that happened to be highlighted last)."""
    from tui.today.refill import RefillDialog, RefillResult

    def closed(result: RefillResult | None) -> None:
        screen.refresh_data()
        if result is RefillResult.NEW:
            screen.rapp.new_application(stage="wishlist")

    screen.app.push_screen(RefillDialog(screen.actions), closed)
