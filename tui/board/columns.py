"""The board's columns as plain lists: each stage's applications, filtered and kept sorted.

No Textual here. The screen regroups everything when the data changes, and after one change only
moves that one application (a sorted insert), so a move costs what two columns cost. Every column
is also kept whole (unfiltered, sorted) beside each card's lowercase search text, so a filter
keystroke is a substring test per card: no regrouping, no sorting (the order of a sorted column
survives filtering), and a longer query only looks at what the shorter one let through.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from store import pipeline as p
from store.models import STAGES, Application


class BoardColumns:
    """Applications by stage (an unknown stage counts as Wishlist), filtered by the query terms."""

    def __init__(self) -> None:
        #: What the board shows: each column filtered by the query, sorted.
        self.by_stage: dict[str, list[Application]] = {s: [] for s in STAGES}
        self.query_text = ""
        self.terms: list[str] = []
        self._hay: dict[str, tuple[str, str]] = {}
        #: Each column whole (sorted), and its cards' search text in the same order (None: not yet).
        self._all: dict[str, list[Application]] = {s: [] for s in STAGES}
        self._hays: dict[str, list[str] | None] = dict.fromkeys(STAGES)
        #: The terms ``by_stage`` was filtered with.
        self._shown_terms: list[str] = []

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
            groups[self.stage_of(app)].append(app)
        for group in groups.values():
            group.sort(key=p.board_sort_key)
        self._all = groups
        self._hays = dict.fromkeys(STAGES)
        self._shown_terms = []
        self.by_stage = {s: list(group) for s, group in groups.items()}
        self.refilter()

    def prepare_search(self) -> None:
        """Compute every card's search text now (opening the filter: the first keystroke then only
        compares strings)."""
        for stage in STAGES:
            self._hays_of(stage)

    def _hays_of(self, stage: str) -> list[str]:
        hays = self._hays[stage]
        if hays is None:
            hays = self._hays[stage] = [self._haystack(a) for a in self._all[stage]]
        return hays

    def refilter(self) -> None:
        """Show what the query lets through, from the columns as they are (no regrouping)."""
        terms, before = self.terms, self._shown_terms
        if terms == before:
            return
        self._shown_terms = list(terms)
        if not terms:
            self.by_stage = {s: list(group) for s, group in self._all.items()}
            return
        # Each earlier term inside a new one: the new query only narrows what is shown.
        narrower = bool(before) and all(any(old in new for new in terms) for old in before)
        for stage in STAGES:
            if narrower:
                shown = self.by_stage[stage]
                self.by_stage[stage] = [a for a in shown if all(t in self._haystack(a) for t in terms)]
            elif len(terms) == 1:  # the usual case: one word, one substring test per card
                term = terms[0]
                pairs = zip(self._all[stage], self._hays_of(stage), strict=True)
                self.by_stage[stage] = [a for a, hay in pairs if term in hay]
            else:
                pairs = zip(self._all[stage], self._hays_of(stage), strict=True)
                self.by_stage[stage] = [a for a, hay in pairs if all(t in hay for t in terms)]

    def index_of(self, stage: str, app_id: str | None) -> int | None:
        if app_id is None:
            return None
        for i, a in enumerate(self.by_stage.get(stage, ())):
            if a.id == app_id:
                return i
        return None

    def remove(self, app_id: str) -> str | None:
        """Take the application out; the stage it was in, or None."""
        found = None
        for stage, apps in self._all.items():
            for i, a in enumerate(apps):
                if a.id == app_id:
                    del apps[i]
                    hays = self._hays[stage]
                    if hays is not None:
                        del hays[i]
                    found = stage
                    break
            if found:
                break
        for stage, apps in self.by_stage.items():
            for i, a in enumerate(apps):
                if a.id == app_id:
                    del apps[i]
                    return stage
        return None

    def place(self, app: Application) -> int | None:
        """Insert in sorted order (and, when the filter shows it, in its column); its index in its
        column, or None when the filter hides it."""
        stage = self.stage_of(app)
        key = p.board_sort_key(app)
        whole = self._all[stage]
        at = bisect.bisect_left(whole, key, key=p.board_sort_key)
        whole.insert(at, app)
        hays = self._hays[stage]
        if hays is not None:
            hays.insert(at, self._haystack(app))
        if not self.visible(app):
            return None
        apps = self.by_stage[stage]
        index = bisect.bisect_left(apps, key, key=p.board_sort_key)
        apps.insert(index, app)
        return index

    def shown(self) -> int:
        return sum(len(v) for v in self.by_stage.values())
