"""The board's columns as plain lists: each stage's applications, filtered and kept sorted.

No Textual here. The screen regroups everything when the data or the filter changes, and after one
change only moves that one application (a sorted insert), so a move costs what two columns cost.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from store import pipeline as p
from store.models import STAGES, Application


class BoardColumns:
    """Applications by stage (an unknown stage counts as Wishlist), filtered by the query terms."""

    def __init__(self) -> None:
        self.by_stage: dict[str, list[Application]] = {s: [] for s in STAGES}
        self.query_text = ""
        self.terms: list[str] = []
        self._hay: dict[str, tuple[str, str]] = {}

    def set_query(self, text: str) -> None:
        self.query_text = text
        self.terms = p.query_terms(text)

    def _haystack(self, app: Application) -> str:
        hit = self._hay.get(app.id)
        if hit is not None and hit[0] == app.updated_at:
            return hit[1]
        hay = p.haystack(app)
        self._hay[app.id] = (app.updated_at, hay)
        return hay

    def visible(self, app: Application) -> bool:
        return not self.terms or p.matches(app, self.terms, self._haystack(app))

    def stage_of(self, app: Application) -> str:
        return app.stage if app.stage in self.by_stage else "wishlist"

    def regroup(self, apps: Iterable[Application]) -> None:
        groups: dict[str, list[Application]] = {s: [] for s in STAGES}
        for app in apps:
            if self.visible(app):
                groups[self.stage_of(app)].append(app)
        for group in groups.values():
            group.sort(key=p.board_sort_key)
        self.by_stage = groups

    def index_of(self, stage: str, app_id: str | None) -> int | None:
        if app_id is None:
            return None
        for i, a in enumerate(self.by_stage.get(stage, ())):
            if a.id == app_id:
                return i
        return None

    def remove(self, app_id: str) -> str | None:
        """Take the application out; the stage it was in, or None."""
        for stage, apps in self.by_stage.items():
            for i, a in enumerate(apps):
                if a.id == app_id:
                    del apps[i]
                    return stage
        return None

    def place(self, app: Application) -> int | None:
        """Insert in sorted order when the filter shows it; its index in its column, or None."""
        if not self.visible(app):
            return None
        apps = self.by_stage[self.stage_of(app)]
        index = bisect.bisect_left(apps, p.board_sort_key(app), key=p.board_sort_key)
        apps.insert(index, app)
        return index

    def shown(self) -> int:
        return sum(len(v) for v in self.by_stage.values())

