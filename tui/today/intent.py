"""Today's rows for a plan for the next no (issue 11): "You planned for this: …" tops a fresh rebound
plan, and the first rejection asks once, at the end of its plan, "If I get a no, then I…".

Both rows are of kind ``intent``: ``enter`` opens the question (:func:`tui.settings.intention.ask_if_no`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from store.intention import QUESTION
from widgets.usertext import clip

if TYPE_CHECKING:
    from store.today import Summary

#: A plan this fresh (days since the no) is topped by the person's plan for a no.
FRESH_DAYS = 3


@dataclass(frozen=True)
class IntentRow:
    """Where the row goes in its plan (``top``: under the plan's line; else at its end) and what it says."""

    top: bool
    parts: list[str | tuple[str, str]]
    hint: str


def intent_row(summary: Summary, index: int) -> IntentRow | None:
    """The intention row of plan ``index`` of ``summary`` (shown when that plan is open), or None."""
    view = summary.plans[index]
    if summary.if_no_plan and view.days_since <= FRESH_DAYS:
        return IntentRow(True, ["  ◆ ", ("You planned for this: ", "bold"), clip(summary.if_no_plan, 60)],
                         "your plan for a no · enter: change it")
    if summary.ask_if_no and index == 0:
        return IntentRow(False, ["  ◇ ", ("A plan for the next no", "bold"),
                                 (f"  if you like: “{QUESTION}” · asked once", "dim")],
                         "enter: choose a plan for the next no (escape: not now)")
    return None


__all__ = ["FRESH_DAYS", "IntentRow", "intent_row"]
