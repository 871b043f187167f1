"""A guard for a Textual 8.2.8 timer that never ends.

``Timer._run`` skips ticks it is late for by working out how many intervals have passed; with a
negative interval that count never catches up, and the loop spins on the app's thread without ever
awaiting: the app freezes at full CPU. Textual makes such a timer itself: a toast's timeout is the
notification's time left, read again when the toast is made, and a toast made for a notification that
expired in between (a screen switch at the moment a toast times out: each screen has its own toasts)
gets a negative one. A zero interval fails the same loop with a division by zero. :func:`install`
(from :mod:`tui.app`) makes any timer asked for no time at all wait :data:`MIN_INTERVAL_S` instead.
"""

from __future__ import annotations

from typing import Any

from textual.timer import Timer

#: What a timer asked for a negative or zero interval waits.
MIN_INTERVAL_S = 0.001

_original_init = Timer.__init__


def _guarded_init(self: Timer, event_target: Any, interval: float, *args: Any, **kwargs: Any) -> None:
    _original_init(self, event_target, interval if interval > 0 else MIN_INTERVAL_S, *args, **kwargs)


def install() -> None:
    """Guard every Textual timer made from now on (once; a second call changes nothing)."""
    if Timer.__init__ is not _guarded_init:
        setattr(Timer, "__init__", _guarded_init)  # noqa: B010 - mypy refuses a direct assignment to a method
