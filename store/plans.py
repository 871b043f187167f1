"""Rebound plans: the five next steps built from each rejection (issue 7 fills in the rules)."""

from __future__ import annotations

from .models import Application, Plan
from .repo import Repo


class PlanRepo(Repo[Plan]):
    def for_application(self, application_id: str) -> Plan | None:
        for plan in self._models().values():
            if plan.application_id == application_id:
                return plan
        return None

    def ensure_for_application(self, app: Application) -> Plan | None:
        """Called by the board, inside the same batch, when an application closes as rejected or
        ghosted. Creates the plan once per rejection; returns it (or None when no plan applies)."""
        return None
