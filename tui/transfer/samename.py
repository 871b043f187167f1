"""LinkedIn rows that share a name with a contact you have (one without a LinkedIn profile, e.g. made
from an application): the LinkedIn preview asks about each, "same person" (the row is merged into
that contact) or "different person" (it is added). Adding is the answer that changes nothing you
have, so it is where the cursor starts, and escape leaves the rest as new contacts."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any

from textual.app import App

from store.merge import SameName
from store.models import Contact
from tui.dialogs import ChoiceDialog

SAME, DIFFERENT = "same", "different"


def _about(c: Contact) -> str:
    bits = ", ".join(b for b in (c.title, c.company) if b)
    return c.display_name + (f" ({bits})" if bits else "")


def question(q: SameName, same: bool) -> ChoiceDialog:
    """The dialog for one row; it answers ``SAME`` or ``DIFFERENT`` (None: escape)."""
    return ChoiceDialog(
        f"{q.new.display_name}: the same person?",
        [(DIFFERENT, f"Different people: add {q.new.display_name} as a new contact"),
         (SAME, "Same person: merge the LinkedIn row into the contact you have")],
        message=f"LinkedIn: {_about(q.new)}\nYou have: {_about(q.existing)}, without a LinkedIn profile.\n"
                "Escape: add the rest as new contacts (you can merge contacts later).",
        selected=SAME if same else DIFFERENT)


def ask_same_name(app: App[Any], questions: Sequence[SameName], same: Collection[str],
                  then: Callable[[set[str]], object]) -> None:
    """Ask about each row in turn; ``then(ids)`` with the existing contacts' ids answered "same person"
    (after the last question, or after escape with the answers so far)."""
    answers = set(same)

    def ask(i: int) -> None:
        if i >= len(questions):
            then(answers)
            return
        q = questions[i]

        def answered(value: str | None) -> None:
            if value is None:
                then(answers)
                return
            if value == SAME:
                answers.add(q.existing.id)
            else:
                answers.discard(q.existing.id)
            ask(i + 1)

        app.push_screen(question(q, q.existing.id in answers), answered)

    ask(0)
