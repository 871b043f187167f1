"""Lessons reach the next interview (issue 11): the brief in a card's details, and what recording
feedback offers — a thank-you for it, and keeping one thing from it as a lesson.

The brief's text is the person's own (lessons and feedback): always plain parts of
:meth:`Content.assemble`, never markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.brief import Brief
from store.dates import short_date
from store.journal import first_line
from tui.board.actions import NOT_SELECTED, BoardActions, Said
from tui.dialogs import TextPromptDialog
from tui.shell.keymap import key_of
from widgets.usertext import safe

if TYPE_CHECKING:
    from tui.app import ReboundApp

FEEDBACK_OFFER = ("ctrl+p: “Board: thank them for the feedback” · “Board: keep one thing from the feedback as a "
                  "lesson”")
RECORDED = ("Feedback recorded. Want to thank them for it, or keep one thing as a lesson? Both are in "
            "ctrl+p (and in the card's details).")


def brief_parts(brief: Brief) -> list[str | tuple[str, str]]:
    """The brief as parts for :meth:`Content.assemble` (each line ends with a newline)."""
    parts: list[str | tuple[str, str]] = ["\n", ("Before the interview", "bold"),
                                          ("  your own lessons and feedback, newest first", "dim"), "\n"]
    for item in brief.lessons:
        parts += ["  ✎ ", safe(item.text), (f"  {short_date(item.on)}" if item.on else "", "dim"), "\n"]
    if brief.lessons_total > len(brief.lessons):
        parts += [(f"    … {brief.lessons_total - len(brief.lessons)} more on your Lessons list (Journal, "
                   f"{key_of('journal.lessons')})",
                   "dim"), "\n"]
    for item in brief.feedback:
        parts += ["  “", safe(item.text), "”", (f"  {safe(item.source)}", "dim"), "\n"]
    return parts


def thank_for_feedback(app: ReboundApp, actions: BoardActions, app_id: str | None) -> None:
    """A thank-you for the feedback, to the person who gave it (the recruiter first, else the first
    linked contact), in the composer."""
    card = actions.get(app_id)
    if card is None:
        app.notify(NOT_SELECTED, markup=False)
        return
    if not card.feedback.strip():
        app.notify("No feedback is recorded on this card yet (e adds it).", markup=False)
        return
    linked = actions.linked_contacts(card)
    chosen = next((c for c in linked if c.role == "recruiter"), linked[0] if linked else None)
    app.open_composer(kind="thank-you", contact_ids=[chosen.id] if chosen else [], application_id=card.id)


def keep_one_lesson(app: ReboundApp, actions: BoardActions, app_id: str | None) -> None:
    """Keep one thing from the feedback as a lesson (asked as one line, prefilled with its first line)."""
    card = actions.get(app_id)
    if card is None:
        app.notify(NOT_SELECTED, markup=False)
        return

    def kept(text: str | None) -> None:
        if text is not None:
            said = actions.keep_lesson(card.id, text)
            if said.message:
                app.notify(said.message, title=said.title, markup=False)

    app.push_screen(TextPromptDialog("Keep one thing as a lesson", "One line you want to carry into the next "
                                     "interview; it goes on your Lessons list.", value=first_line(card.feedback),
                                     validate=lambda text: None if text.strip() else "A line is enough."), kept)


__all__ = ["FEEDBACK_OFFER", "RECORDED", "Said", "brief_parts", "keep_one_lesson", "thank_for_feedback"]
