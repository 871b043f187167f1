"""Where Today's data comes from: remembered, decoded or computed (the screen shows it).

:class:`TodayData` is the Today screen's base. At mount (:meth:`TodayData.load_first`) the view
remembered from the last run (:mod:`tui.today.remember`) is painted in the first frame if it fits the
terminal and the day; the summary behind it is decoded from the same file just after that frame when
the data is unchanged, and recomputed in a thread worker when it changed (the rows act only once the
summary is there, and the worker's result is used only if nothing was written meanwhile). Without a
view, a remembered summary is shown at once, else the frame is painted first and the data read just
after it. After each computation (and at quit) the summary and the view of it are remembered.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from store import clock, logs, today_cache
from store.db import Store
from store.greeting import greeting
from tui.shell.base import ReboundScreen
from tui.today import remember
from tui.today.folds import PlanFolds
from tui.today.rows import Row, build_rows, cursor_index

if TYPE_CHECKING:
    from store.today import Summary
    from tui.today.actions import TodayActions

#: Seconds after the first refresh before the summary behind a remembered view is decoded (data
#: unchanged) or recomputed in the worker (data changed): the screen's first complete frame (its
#: list, footer and stats come in two or three updates) goes out before that work takes the
#: interpreter. Anything that needs the summary sooner (a key on a row) decodes it at once.
SETTLE_S = 0.15
#: A data file up to this size is summarized at compose (a few ms), so the first frame shows Today even
#: with nothing remembered (a first start); bigger data waits for the remembered view or the worker.
EARLY_BYTES = 512 * 1024
#: Lines of a terminal that are not Today's list (bars, head, stats, hint, prompt): the list's height
#: before the first layout, for the rows made at compose (the list refits to its real height after).
EARLY_ROOM_LESS = 10


def summarize(store: Store) -> Summary:
    """:func:`store.today.summarize`, imported when Today is first computed: a start that paints the
    remembered view needs none of the domain's modules before its first frame."""
    from store.today import summarize as compute

    return compute(store)


class TodayData(ReboundScreen):
    """The Today screen's data side (see the module docstring); the screen implements the display."""

    folds: PlanFolds
    filter_text: str

    def __init__(self) -> None:
        super().__init__()
        self._summary: Summary | None = None
        self._summary_key: tuple[int, date] | None = None
        self._loaded = False
        #: The remembered summary, decoded only when first needed (its view is on screen), and the
        #: store generation it fits.
        self._remembered: tuple[today_cache.Remembered, int] | None = None
        #: The rows on screen are a remembered view (no summary behind them yet): nothing acts on them.
        self._provisional = False
        #: (cache key, terminal size) of the view on disk: at quit, nothing to write when they fit.
        self._view_saved: tuple[str | None, tuple[int, int]] | None = None
        self.rows: list[Row] = []
        self._row_by_id: dict[str, Row] = {}
        #: What :meth:`first_view` found at compose (the remembered summary and its view), for the mount.
        self._first: tuple[today_cache.Remembered | None, remember.View | None, Summary | None] | None = None

    # -- what the screen implements

    @property
    def actions(self) -> TodayActions:
        raise NotImplementedError

    def _show(self, s: Summary, key: tuple[int, date] | None) -> None:
        raise NotImplementedError

    def _set_rows(self, rows: list[Row], cursor: int | None, *, composed: bool = False) -> None:
        raise NotImplementedError

    def _room(self) -> int:
        raise NotImplementedError

    def _text_width(self) -> int:
        raise NotImplementedError

    # -- loading

    def first_view(self) -> remember.View | None:
        """At compose: the view remembered from the last run if it fits this terminal and day. The
        screen makes its widgets with that text in them, so the first frame is already complete (a
        view painted at mount instead reaches the terminal a layout pass or two later)."""
        remembered = today_cache.peek(self.store)
        size, day = (self.app.size.width, self.app.size.height), clock.today().isoformat()
        view = None if remembered is None else remember.view_from(remembered.view, size, day)
        early = None
        if (remembered is None or not remembered.fresh) and self._small_data():
            # little data (a first start, a few weeks in): computed now, so the first frame shows Today
            early = summarize(self.store)
            rows = build_rows(early, "", None, max(0, size[1] - EARLY_ROOM_LESS), False)
            made = remember.view_of(early, rows, size, max(0, size[0] - 2), cursor_index(rows, None, None))
            view = remember.view_from(made, size, day) if made is not None else None
        self._first = (remembered, view, early)
        return view

    def _small_data(self) -> bool:
        try:
            return os.path.getsize(self.store.path) <= EARLY_BYTES
        except OSError:
            return True  # no file yet: an empty folder

    def load_first(self) -> None:
        """At mount: the remembered view, else the remembered summary, else read after the first frame."""
        remembered, view, early = self._first if self._first is not None else (today_cache.peek(self.store), None,
                                                                                  None)
        self._first = None
        if early is not None:  # computed at compose (little data): the rows act at once
            self._loaded = True
            self._adopt(early)
            return
        if remembered is not None and view is not None:
            self._adopt_view(remembered, view)
            # The view remembered from the last run is on screen: the summary behind it is decoded
            # just after this frame if the data is unchanged, else recomputed in a worker.
            if remembered.fresh:
                self._remembered = (remembered, self.store.generation)
                self.call_after_refresh(lambda: self.set_timer(SETTLE_S, lambda: self.summary))
            else:
                self.call_after_refresh(lambda: self.set_timer(SETTLE_S, self._recompute_in_background))
            return
        # The summary remembered from the last run, if the data has not changed since: Today is
        # complete in the first frame without reading the big tables.
        cached = remembered.summary() if remembered is not None else None
        if cached is not None:
            self._loaded = True
            self._show(cached, self._data_key())
            return
        # Otherwise paint the frame first ("Reading your data…"), then read the data: on years of
        # data that takes a moment, and the screen should not stay blank meanwhile.
        self.call_after_refresh(lambda: self.set_timer(0.01, self._first_load))

    @property
    def summary(self) -> Summary | None:
        """What Today shows (None until the data is read); a remembered one is decoded on first use."""
        if self._summary is None and self._remembered is not None:
            (remembered, generation), self._remembered = self._remembered, None
            cached = remembered.summary() if generation == self.store.generation else None
            self._loaded = True
            if cached is not None:
                self._show(cached, self._data_key())
            else:
                self.refresh_data()
        return self._summary

    def _first_load(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.refresh_data()

    def _adopt_view(self, remembered: today_cache.Remembered, view: remember.View) -> None:
        """The remembered view the widgets were made with (:meth:`first_view`) is what the screen
        shows until the summary behind it is there: its rows, provisionally (nothing acts on them)."""
        self._provisional = True
        self._set_rows(view.rows, view.cursor, composed=True)
        if remembered.view_fresh:
            self._view_saved = (today_cache.current_key(self.store), (self.app.size.width, self.app.size.height))

    def _recompute_in_background(self) -> None:
        """The data changed since the view on screen was made: compute Today in a thread worker."""
        generation = self.store.generation
        self.run_worker(lambda: self._compute(generation), thread=True, exclusive=True, group="today-data",
                        exit_on_error=False)

    def _compute(self, generation: int) -> None:  # in the worker's thread
        summary: Summary | None
        try:
            summary = summarize(self.store)
        except Exception as exc:  # noqa: BLE001 - records changed under the read (a write meanwhile): read again on the app's thread
            logs.swallowed(exc, "today: background summary")
            summary = None
        try:
            self.app.call_from_thread(self._computed, summary, generation)
        except RuntimeError as exc:  # the app closed meanwhile
            logs.swallowed(exc, "today: background summary delivered late")

    def _computed(self, summary: Summary | None, generation: int) -> None:
        self._loaded = True
        if summary is None or generation != self.store.generation or self._summary is not None:
            self.refresh_data()  # something changed meanwhile (or this failed): read it again here
            return
        self._adopt(summary)

    def refresh_on_resume(self) -> None:
        """Back on Today after a change elsewhere (a card moved, a contact logged): with more than a
        little data, computing Today takes 0.1-0.3 s, so the rows shown when the person left stay on
        screen (not acting, as at a start with changed data) while it is computed in a thread worker
        after this frame; little data is computed at once, as before."""
        if self._loaded and self._remembered is None and self._summary is not None \
                and self._data_key() != self._summary_key and not self._small_data():
            self._summary, self._loaded, self._provisional = None, False, True
            self.call_after_refresh(self._recompute_in_background)
            return
        self.refresh_data()

    def refresh_data(self) -> None:
        if self._remembered is not None:
            if self._remembered[1] != self.store.generation:  # written since: read again (else it is current)
                self.summary  # noqa: B018 - the property reads the data again and shows it
            return
        if not self._loaded:
            return  # the first read happens right after the first paint
        key = self._data_key()
        if key == self._summary_key and self.summary is not None:
            # nothing changed since this summary was made (same data, same day): keep it
            self.summary.greeting = greeting(clock.now().hour, self.summary.name)
            self._show(self.summary, key)
            return
        self._adopt(summarize(self.store))

    def _adopt(self, s: Summary) -> None:
        """Show a freshly computed summary (steps done elsewhere stored as done first) and remember it."""
        if s.unrecorded:  # (the actions' module is imported only then: a first start's frame needs none)
            self.actions.record_evidence(s)
        key = self._data_key()
        self._show(s, key if not s.unrecorded else None)
        if not s.unrecorded:
            self.remember()

    def remember(self) -> bool:
        """Keep the summary and the view of it for the next start, unless what is on disk fits. True
        when this screen's summary is remembered now (a stale one is computed again first, as the
        quit would otherwise do without the view)."""
        if self.store.read_only or self.store.locked or not self._loaded or self._summary is None:
            return False
        if self._summary_key != self._data_key():
            self.refresh_data()  # computes it again, and remembers it
            return self._summary_key == self._data_key() and self._view_saved is not None \
                and self._view_saved[0] == today_cache.current_key(self.store)
        s, size = self._summary, (self.app.size.width, self.app.size.height)
        content = today_cache.current_key(self.store)
        if content is None:
            return False
        if self._view_saved == (content, size):
            return True
        default = not self.filter_text and self.folds.expanded is None and not self.folds.all_plans
        rows = self.rows if default else build_rows(s, "", None, self._room(), False)
        view = remember.view_of(s, rows, size, self._text_width(), cursor_index(rows, None, None))
        saved = today_cache.save(self.store, s, view)
        if saved and view is not None:
            self._view_saved = (content, size)
        return saved

    def _data_key(self) -> tuple[int, date]:
        """What the summary is computed from: the store's change generation and the day."""
        return (self.store.generation, clock.today())



def remember_today(store: Store, screens: Iterable[object]) -> None:
    """At quit: the Today screen among ``screens`` remembers its summary and view; without one that
    can, the summary alone is computed and remembered if the data changed since it was."""
    today = next((s for s in screens if isinstance(s, TodayData)), None)
    if today is None or not today.remember():
        today_cache.refresh(store)
