"""Today's entries in the command palette (ctrl+p): every Today action, by name.

Titles and help are our own words, except the plan counts (numbers)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from tui.shell.base import PaletteCommand

if TYPE_CHECKING:
    from tui.today.screen import TodayScreen


def today_commands(today: TodayScreen) -> Iterator[PaletteCommand]:
    yield PaletteCommand("Today: do the highlighted step", "Open or do what the highlighted row asks (enter)",
                         today.action_do)
    yield PaletteCommand("Today: mark step done", "Mark the highlighted plan step done (space)", today.action_done)
    yield PaletteCommand("Today: skip step", "Skip the highlighted plan step (s)", today.action_skip)
    yield PaletteCommand("Today: snooze step", "Snooze the highlighted plan step to a day you choose (z)",
                         today.action_snooze)
    yield PaletteCommand("Today: undo step", "Put the highlighted plan step back to do (u)", today.action_undo)
    yield PaletteCommand("Today: add as a contact", "The highlighted name met during the application becomes a "
                         "contact (a)", today.action_add_contact)
    yield PaletteCommand("Today: show the plan's steps", "Open the highlighted plan (enter or →)",
                         today.action_expand)
    yield PaletteCommand("Today: fold the plan", "Show the highlighted plan as one line (←)", today.action_fold)
    yield PaletteCommand("Today: filter", "Show only rows with these words (/)", today.action_filter)
    if today.summary is not None:
        for view in today.summary.plans:
            if view.app is not None and view.step("move_on") is not None:
                yield PaletteCommand(f"Refill the pipeline ({view.live} live of {view.floor})",
                                     "Apply from your Wishlist", today.refill)
                break
