"""Warm-up in idle time: what the other four screens need on their first visit, done after Today's first frame.

A first visit used to import the screen's modules, read its tables into records (10,000 applications
take ~0.1 s), count the board's health and load the tone rules, all between the key and the frame. Here
each of those is one small step on the app's thread, started :data:`DELAY_S` after Today's first frame
(Today's own remembered summary is decoded before), with a timer between steps so a key pressed
meanwhile waits for one step at most (the largest, reading the applications or the touchpoints, is about
0.1 s at the heavy dataset). Nothing on screen changes and nothing is written: the steps fill the same
caches a first visit fills (records per table, the board's per-card health, imported modules), and a
write made meanwhile updates or drops those caches as it always does. A step that fails is logged and
skipped; the visit then does that work itself, as before.
"""

from __future__ import annotations

import gc
import importlib
from collections import deque
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from store import clock, logs

if TYPE_CHECKING:
    from tui.app import ReboundApp

#: Seconds after Today's first frame before the first step (Today decodes its summary at 0.15 s).
DELAY_S = 0.25
#: Seconds between steps: the app's queue (keys, timers, paints) runs in between.
GAP_S = 0.01
#: Under ``run_test`` (headless) there is no warm-up unless a test asks for it (tests/pilot/test_warm.py).
IN_TESTS = False

#: A long enough line that the tone check builds its prefilter index (see :mod:`store.tone`).
_TONE_SAMPLE = "Thank you for letting me know, I hope we can stay in touch about future roles."


def steps(app: ReboundApp) -> Iterator[Callable[[], object]]:
    """The warm-up, in the order screens are usually first visited (keys 2 to 5)."""
    store = app.store

    def module(name: str) -> Callable[[], object]:
        return lambda: importlib.import_module(name)

    def records(repo_name: str) -> Callable[[], object]:
        def read() -> object:
            if store.locked:  # an encrypted folder not unlocked yet: nothing to read
                return None
            return getattr(store, repo_name).all()
        return read

    def health() -> object:
        return None if store.locked else store.applications.health(clock.today())

    def tone() -> object:
        from store import tone as rules

        return rules.check(_TONE_SAMPLE)

    yield module("tui.board.screen")
    yield records("applications")
    yield health
    yield module("store.tone")
    yield module("store.care")
    yield module("tui.journal.screen")
    yield records("journal")
    yield module("tui.contacts.screen")
    yield records("contacts")
    yield records("touchpoints")
    yield module("tui.outreach.screen")
    yield records("drafts")
    yield records("templates")
    yield tone
    # What the warm-up built (modules, records, board health) lives as long as the session: out of the
    # collector's sight, so a full collection later (set off by a form's widgets, say) doesn't walk it
    yield gc.freeze


class Warmer:
    """Runs :func:`steps` one at a time on the app's thread, a timer apart."""

    def __init__(self, app: ReboundApp) -> None:
        self.app = app
        self.pending = deque(steps(app))

    @property
    def done(self) -> bool:
        return not self.pending

    def step(self) -> None:
        """Run the next step, then schedule the one after it."""
        if not self.pending or not self.app.is_running:
            return
        work = self.pending.popleft()
        try:
            work()
        except Exception as exc:  # noqa: BLE001 - warming is optional: the first visit does the work itself
            logs.swallowed(exc, "warm-up step")
        if self.pending:
            self.app.set_timer(GAP_S, self.step)


def start(app: ReboundApp) -> Warmer | None:
    """Schedule the warm-up after the first frame (not under ``run_test`` unless :data:`IN_TESTS`)."""
    if app.is_headless and not IN_TESTS:
        return None
    warmer = Warmer(app)
    app.call_after_refresh(lambda: app.set_timer(DELAY_S, warmer.step))
    return warmer
