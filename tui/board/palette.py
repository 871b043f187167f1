"""The board's palette entries (ctrl+p) beyond its keys (those come from the key map,
:mod:`tui.shell.keymap_main`). Titles and help are our own words."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING

from store.models import STAGE_LABELS, STAGES
from tui.shell.base import PaletteCommand

if TYPE_CHECKING:
    from tui.board.screen import BoardScreen


def board_extras(board: BoardScreen) -> Iterator[PaletteCommand]:
    yield PaletteCommand("Board: open the selected application", "Details and timeline (enter)",
                         board.action_open)
    for stage in STAGES[:-1]:
        yield PaletteCommand(f"Board: move the card to {STAGE_LABELS[stage]}", "Stamped in its stage history",
                             partial(board.move_to, stage))
