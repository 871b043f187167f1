"""Leaving Today to do one step of a rebound plan elsewhere, and coming back when it is done.

Today starts a trip (:meth:`TripsApp.begin_trip`) just before it opens the composer or the journal
for a step. The screen there posts :class:`StepDone` when the step is finished or left (a message
marked sent, a draft put off or closed with escape, a reframe closed) and the app switches back to
Today, which highlights the next step. Going to another screen by hand (``1``–``5``) ends the trip, so
nothing jumps later.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.app import App
from textual.message import Message


@dataclass(frozen=True)
class Trip:
    """From ``home`` (a mode) to ``via``, where one step is being done."""

    home: str
    via: str


class StepDone(Message):
    """Posted to the app by a screen where a step begun elsewhere was finished or left."""


class TripsApp(App[Any]):
    """Base of ReboundApp: keeps the one trip in progress (or None)."""

    trip: Trip | None = None

    def begin_trip(self, home: str, via: str) -> None:
        self.trip = Trip(home, via)

    def trip_moved(self, mode: str) -> None:
        """Called when the app switches to ``mode``: a switch off the trip's way ends it."""
        if self.trip is not None and mode not in (self.trip.home, self.trip.via):
            self.trip = None

    def on_step_done(self, _message: StepDone) -> None:
        trip, self.trip = self.trip, None
        if trip is not None and self.current_mode == trip.via and len(self.screen_stack) == 1:
            self.switch_mode(trip.home)
