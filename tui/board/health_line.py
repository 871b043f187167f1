"""When the board's health line is counted: after the board repaints, pending recounts collapsing into
one; a board made ahead (the warm-up builds it behind Today) counts it when first shown, after that
frame (the warm-up meanwhile works out each card's part of it a slice at a time)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from store import clock
from store import pipeline as p
from tui.board.cards import health_figures
from widgets.board_health import HealthLine

if TYPE_CHECKING:
    from textual.timer import Timer

    from tui.shell.base import ReboundScreen


class HealthSchedule:
    """The health line of ``screen`` (a board), counted ``delay`` seconds after a change (0: right
    after the board repaints; the per-card cache makes a recount after one move ~10 ms at 10,000)."""

    def __init__(self, screen: ReboundScreen, delay: float = 0.0) -> None:
        self.screen = screen
        self.delay = delay
        #: The last count (None until the first).
        self.health: p.Health | None = None
        self._timer: Timer | None = None
        self._pending = False
        #: The count waits for the board's first showing (it was made ahead, off screen).
        self._deferred = False

    def schedule(self, delay: float | None = None) -> None:
        """Count again after the board repaints (or ``delay`` seconds later)."""
        if self._timer is not None:
            self._timer.stop()
        delay = self.delay if delay is None else delay
        if delay <= 0:
            self._timer = None
            if not self._pending:
                self._pending = True
                self.screen.call_after_refresh(self._due)
        else:
            self._timer = self.screen.set_timer(delay, self._due)

    def shown(self) -> None:
        """The board is on screen again: a count that waited for it is made now (after this frame)."""
        if self._deferred:
            self.schedule(0)

    def _due(self) -> None:
        if self.screen.is_current:
            self.count()
        else:
            self._timer = None
            self._pending = False
            self._deferred = True

    def count(self) -> p.Health:
        """Count now and show it."""
        self._deferred = self._pending = False
        self._timer = None
        self.health = health = self.screen.store.applications.health(clock.today())
        self.screen.query_one(HealthLine).show(health_figures(health))
        return health
