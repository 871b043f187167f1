"""Today's palette entries (ctrl+p) beyond its keys (those come from the key map,
:mod:`tui.shell.keymap_main`). Titles are our own words, except the plan counts (numbers)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from tui.shell.base import PaletteCommand

if TYPE_CHECKING:
    from tui.today.screen import TodayScreen


def today_extras(today: TodayScreen) -> Iterator[PaletteCommand]:
    if today.summary is not None:
        for view in today.summary.plans:
            if view.app is not None and view.step("move_on") is not None:
                yield PaletteCommand(f"Refill the pipeline ({view.live} live of {view.floor})",
                                     "Apply from your Wishlist", today.refill)
                break
