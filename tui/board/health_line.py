"""When the board's health line is counted: after the board repaints, pending recounts collapsing into
one; a board made ahead (the warm-up builds it behind Today) counts it when first shown, after that
frame (the warm-up meanwhile works out each card's part of it a slice at a time).

"After the repaint" is Textual's ``call_after_refresh``, which runs at the screen's next idle: when
the app is holding its updates then (a batch, during the key that switched to the board), that idle
comes before the frame and the count (~0.2 s at 10,000 applications when the warm-up had not worked
out the cards' parts yet) ran between the key and the board's first frame. So the count waits while
the screen still has a layout or a repaint to send (:data:`PAINT_WAIT_S` at a time)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from store import clock
from store import pipeline as p
from tui.board.cards import health_figures
from widgets.board_health import HealthLine

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.timer import Timer

    from tui.shell.base import ReboundScreen

#: Seconds between looks at whether the board's frame is out, before counting (see the module doc).
PAINT_WAIT_S = 0.005
#: Looks at most (then it counts anyway: a screen that keeps asking for repaints waits no longer).
PAINT_WAITS = 40


def unpainted(screen: Screen) -> bool:
    """The screen is current and has a layout or a repaint Textual has not sent yet."""
    return screen.is_current and bool(screen._layout_required or screen._repaint_required
                                       or screen._dirty_widgets)


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
        #: How many times the count due now has waited for the frame (see :func:`unpainted`).
        self._waits = 0

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
        if unpainted(self.screen) and self._waits < PAINT_WAITS:
            # the frame isn't out yet: look again shortly (``_pending`` stays set: a schedule meanwhile joins)
            self._waits += 1
            self.screen.set_timer(PAINT_WAIT_S, self._due)
            return
        self._waits = 0
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
