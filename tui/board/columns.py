"""The board's columns as plain lists: each stage's applications, filtered and kept sorted.

No Textual here. The screen regroups everything when the data changes, and after one change only
moves that one application (a sorted insert), so a move costs what two columns cost. Every column
is also kept whole (unfiltered, sorted) beside each card's lowercase search text, so a filter
keystroke is a substring test per card (a first letter looked up, see :mod:`store.textsearch`): no
regrouping, no sorting (the order of a sorted column survives filtering), and a longer query only
looks at what the shorter one let through.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from store import pipeline as p
from store.models import STAGES, Application
from store.textsearch import PreparedTexts


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
        #: Each column's search texts as prepared for a growing query (None: not yet, or changed).
        self._prepared: dict[str, PreparedTexts | None] = dict.fromkeys(STAGES)
        #: The terms ``by_stage`` was filtered with.
        self._shown_terms: list[str] = []
        #: Each application as it sits in its column (its stage and sort key say where: no scan).
        self._placed: dict[str, Application] = {}

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
        placed: dict[str, Application] = {}
        for app in apps:
            groups[self.stage_of(app)].append(app)
            placed[app.id] = app
        self._placed = placed
        for group in groups.values():
            group.sort(key=p.board_sort_key)
        self._all = groups
        self._hays = dict.fromkeys(STAGES)
        self._prepared = dict.fromkeys(STAGES)
        self._shown_terms = []
        self.by_stage = {s: list(group) for s, group in groups.items()}
        self.refilter()

    def prepare_search(self) -> None:
        """Compute every card's search text now, and which hold each letter and digit (opening the
        filter: the first keystroke then looks its letter up, see store.textsearch)."""
        for stage in STAGES:
            self._prepared_of(stage).prepare_letters()

    def _hays_of(self, stage: str) -> list[str]:
        hays = self._hays[stage]
        if hays is None:
            hays = self._hays[stage] = [self._haystack(a) for a in self._all[stage]]
        return hays

    def _prepared_of(self, stage: str) -> PreparedTexts:
        prepared = self._prepared[stage]
        if prepared is None:
            prepared = self._prepared[stage] = PreparedTexts(self._hays_of(stage))
        return prepared

    def refilter(self) -> None:
        """Show what the query lets through, from the columns as they are (no regrouping)."""
        terms = self.terms
        if terms == self._shown_terms:
            return
        self._shown_terms = list(terms)
        if not terms:
            self.by_stage = {s: list(group) for s, group in self._all.items()}
            return
        for stage in STAGES:
            self.by_stage[stage] = self._prepared_of(stage).pick(self._all[stage], terms)

    def index_of(self, stage: str, app_id: str | None) -> int | None:
        if app_id is None:
            return None
        for i, a in enumerate(self.by_stage.get(stage, ())):
            if a.id == app_id:
                return i
        return None

    def remove(self, app_id: str) -> str | None:
        """Take the application out; the column it was shown in, or None (not shown)."""
        old = self._placed.pop(app_id, None)
        if old is None:
            return None
        stage = self.stage_of(old)
        whole = self._all[stage]
        i = _position(whole, old)
        if i is None:  # not where its key says (changed in place): look everywhere
            return self._remove_by_scan(app_id)
        del whole[i]
        hays = self._hays[stage]
        if hays is not None:
            del hays[i]
        self._prepared[stage] = None  # its indices and letters no longer fit
        shown = self.by_stage[stage]
        j = _position(shown, old)
        if j is None:
            return None  # hidden by the filter: no column on screen changes
        del shown[j]
        return stage

    def _remove_by_scan(self, app_id: str) -> str | None:
        found = None
        for stage, apps in self._all.items():
            for i, a in enumerate(apps):
                if a.id == app_id:
                    del apps[i]
                    hays = self._hays[stage]
                    if hays is not None:
                        del hays[i]
                    self._prepared[stage] = None
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
        self._placed[app.id] = app
        hays = self._hays[stage]
        if hays is not None:
            hays.insert(at, self._haystack(app))
        self._prepared[stage] = None  # its indices and letters no longer fit
        if not self.visible(app):
            return None
        apps = self.by_stage[stage]
        index = bisect.bisect_left(apps, key, key=p.board_sort_key)
        apps.insert(index, app)
        return index

    def shown(self) -> int:
        return sum(len(v) for v in self.by_stage.values())


def _position(apps: list[Application], app: Application) -> int | None:
    """Where ``app`` (that very object) is in the sorted ``apps``: found by its sort key, then among
    the cards with the same key; None when it is not there."""
    key = p.board_sort_key(app)
    i = bisect.bisect_left(apps, key, key=p.board_sort_key)
    while i < len(apps):
        here = apps[i]
        if here is app:
            return i
        if p.board_sort_key(here) != key:
            return None
        i += 1
    return None
