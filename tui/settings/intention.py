"""Asking "If I get a no, then I…" (a plan for the next no): a few choices or the person's own words.

Asked from Today at the first rejection (once; "not now" is an answer too) and from the palette; the
Settings form has the same field. Saved through ``app.write`` in one write.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from store.intention import CHOICES, MAX_PLAN, QUESTION, clean, planned
from tui.dialogs import ChoiceDialog, TextPromptDialog

if TYPE_CHECKING:
    from tui.app import ReboundApp

OWN = "own"
NOT_NOW = "not-now"
CLEAR = "clear"
WHY = ("A plan made on a calm day is easier to follow when a no stings. Rebound shows it the moment a no "
       "comes, and at the top of that rebound plan. Settings (,) can change it any time.")


def _nothing() -> None:
    """The default ``done``."""


def ask_if_no(app: ReboundApp, done: Callable[[], None] = _nothing) -> None:
    """Ask the question; save the answer (or "not now") and call ``done``. Escape changes nothing."""
    store = app.store
    current = planned(store.settings.current())
    choices = [(str(i), text) for i, text in enumerate(CHOICES)] + [(OWN, "…in my own words")]
    choices.append((CLEAR, "no plan (clear mine)") if current else (NOT_NOW, "not now (don't ask again)"))
    selected = next((str(i) for i, text in enumerate(CHOICES) if text == current), OWN if current else "0")

    def save(text: str) -> None:
        if app.write(store.settings.set_if_no_plan, text):
            line = clean(text)
            app.notify(f"{QUESTION[:-1]} {line}." if line else "No plan for a no; Settings (,) can add one.",
                       title="Your plan for a no", markup=False)
        done()

    def own(text: str | None) -> None:
        if text is not None:
            save(text)

    def chosen(value: str | None) -> None:
        if value is None:
            return
        if value == OWN:
            app.push_screen(TextPromptDialog(QUESTION, "In your own words; a few are enough.", value=current,
                                             validate=_problem), own)
        elif value == NOT_NOW:
            if app.write(store.settings.skip_if_no_plan):
                app.notify("Not now. Settings (,) has it whenever you like.", title="Your plan for a no",
                           markup=False)
            done()
        elif value == CLEAR:
            save("")
        else:
            save(CHOICES[int(value)])

    app.push_screen(ChoiceDialog(QUESTION, choices, message=WHY, selected=selected), chosen)


def _problem(text: str) -> str | None:
    if not clean(text):
        return "A few words, e.g. call my sister."
    if len(" ".join(text.split())) > MAX_PLAN:
        return f"Keep it under {MAX_PLAN} characters."
    return None


__all__ = ["ask_if_no"]
