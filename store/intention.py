"""A plan for the next no: "If I get a no, then I…" (an implementation intention).

Asked once, in Settings and at the first rejection (on Today): a few choices or the person's own
words. When a no comes (``r``/``x`` on the board) the words are shown at once ("You planned for
this: take a walk.") and top the new rebound plan on Today. Pure: no Textual, no writes here (the
settings repository stores it, see :meth:`store.settings.SettingsRepo.set_if_no_plan`).
"""

from __future__ import annotations

from .models import Settings
from .sanitize import clean_line

#: The offered plans, in the words that follow "If I get a no, then I…".
CHOICES: tuple[str, ...] = (
    "take a walk",
    "text someone I trust",
    "write three lines in the journal",
    "do nothing job-related until tomorrow",
)
QUESTION = "If I get a no, then I…"
MAX_PLAN = 120


def clean(text: str) -> str:
    """One line of at most :data:`MAX_PLAN` characters, spaces tidied, no trailing full stop (the
    plan is shown inside a sentence)."""
    line = " ".join(clean_line(text).split())[:MAX_PLAN]
    return line.rstrip(" .")


def planned(settings: Settings) -> str:
    """The person's plan for a no, cleaned ("" when there is none)."""
    return clean(settings.if_no_plan)


def planned_line(settings: Settings) -> str:
    """``You planned for this: take a walk.`` ("" when there is no plan)."""
    plan = planned(settings)
    return f"You planned for this: {plan}." if plan else ""


def should_ask(settings: Settings, plans: int) -> bool:
    """Ask at the first rejection: no plan yet, never answered, and this is the first rebound plan."""
    return not planned(settings) and not settings.if_no_asked and plans == 1


__all__ = ["CHOICES", "MAX_PLAN", "QUESTION", "clean", "planned", "planned_line", "should_ask"]
