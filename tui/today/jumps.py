"""Where ``enter`` on a row of Today leads (a :data:`~tui.today.actions.Jump`), as a plain function."""

from __future__ import annotations

from store.plans import PlanView
from tui.today.actions import AskIntention, Jump, OpenApplication, TodayActions
from tui.today.rows import Row


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
