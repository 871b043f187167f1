"""Which rebound plans Today shows open, as plain state (no Textual): one plan at a time.

Until the user opens or folds one, the newest plan is open while its steps leave the "Due today"
heading on screen (:func:`tui.today.rows.expanded_plans`). Opening a plan folds the one that was
open; a plan that just appeared (a rejection recorded elsewhere) opens the same way. When the plan
lines don't all fit above "Due today", a "more plans" row lists the rest on ``enter``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.today.rows import expanded_plans

if TYPE_CHECKING:
    from store.today import Summary


@dataclass
class PlanFolds:
    #: The plans shown open; None until the user opens or folds one (then the default above).
    expanded: set[str] | None = None
    #: Every plan line listed, however little room there is ("more plans" was opened).
    all_plans: bool = False

    def open_ids(self, summary: Summary, room: int = 0) -> set[str]:
        return expanded_plans(summary, self.expanded, room)

    def is_open(self, summary: Summary, plan_id: str, room: int = 0) -> bool:
        return plan_id in self.open_ids(summary, room)

    def set_open(self, plan_id: str, show: bool) -> None:
        """Open ``plan_id`` (folding any other) or fold it."""
        self.expanded = {plan_id} if show else set()

    def arrived(self, plan_id: str) -> None:
        """A plan appeared since the last look: it opens, once the user has chosen what is open."""
        if self.expanded is not None:
            self.expanded = {plan_id}
