"""The four-day expressive-writing course in the journal (optional; :mod:`store.course` has the rules).

The first session opens with what the course is, the evidence, and the "stop if it becomes too
upsetting" clause, with the support panel one choice away. Each session is a timed free write with
that day's prompt; a session written today makes the next one wait for another day (any day after:
no streak, a missed day just waits).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from store import course
from tui.care.panel import Moment, show_support
from tui.dialogs import ChoiceDialog

if TYPE_CHECKING:
    from store.db import Store
    from store.models import JournalEntry
    from tui.app import ReboundApp

TITLE = "Writing course"
START = "start"
SUPPORT = "support"
INTRO = (f"Four sessions of about {course.MINUTES} minutes, one a day: write your deepest thoughts and feelings "
         f"about this search, without stopping to tidy them. Nobody else reads it. {course.EVIDENCE}\n\n"
         f"{course.STOP_CLAUSE} No streaks: a missed day just waits.")


def menu_label(store: Store) -> str:
    """How the course reads in the journal's "write something new" list."""
    state = course.state(store.journal.all())
    if state.finished:
        return f"{TITLE}: all {course.DAYS} sessions written"
    if not state.started:
        return f"{TITLE}: {course.DAYS} days, about {course.MINUTES} minutes each (optional)"
    return f"{TITLE}: session {state.next_day} of {course.DAYS}"


def start(app: ReboundApp, store: Store, open_session: Callable[[JournalEntry], None]) -> None:
    """Open the next session (a draft of it, if one waits), after the introduction the first time."""
    entries = store.journal.all()
    state = course.state(entries)
    if state.next_day is None or not state.can_write():
        app.notify(state.status(), title=TITLE, markup=False)
        return
    day = state.next_day
    draft = course.draft_session(entries, day)
    entry = draft if draft is not None else course.new_session(day)
    if state.started or draft is not None:
        open_session(entry)
        return

    def chosen(choice: str | None) -> None:
        if choice == START:
            open_session(entry)
        elif choice == SUPPORT:
            show_support(app, store, Moment.ASKED)

    app.push_screen(ChoiceDialog(f"{TITLE}: {course.DAYS} days, {course.MINUTES} minutes", [
        (START, f"Start session 1 of {course.DAYS} now"),
        (SUPPORT, "Open Support first (your line, someone to reach)"),
        ("later", "Not now"),
    ], message=INTRO, selected=START), chosen)


__all__ = ["menu_label", "start"]
