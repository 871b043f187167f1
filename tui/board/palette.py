"""The board's palette entries (ctrl+p) beyond its keys (those come from the key map,
:mod:`tui.shell.keymap_main`). Titles and help are our own words."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING

from store.models import STAGE_LABELS, STAGES
from tui.shell.base import PaletteCommand

if TYPE_CHECKING:
    from textual.command import Provider

    from tui.board.screen import BoardScreen

# What the board's keys open (the form, the details, the sweep, the panels, the brief's dialogs) is
# imported when first opened, or by the warm-up once the board is made: the board is ready sooner.


def applications_provider() -> type[Provider]:
    """The palette's "Go to application" provider (the board's ``COMMANDS``), imported when asked for."""
    from tui.board.panels import ApplicationsProvider

    return ApplicationsProvider


def _card_id(board: BoardScreen) -> str | None:
    card = board.selected()
    return card.id if card is not None else None


def board_extras(board: BoardScreen) -> Iterator[PaletteCommand]:
    from tui.board.brief import keep_one_lesson, thank_for_feedback

    yield PaletteCommand("Board: open the selected application", "Details and timeline (enter)",
                         board.action_open)
    for stage in STAGES[:-1]:
        yield PaletteCommand(f"Board: move the card to {STAGE_LABELS[stage]}", "Stamped in its stage history",
                             partial(board.move_to, stage))
    yield PaletteCommand("Board: thank them for the feedback", "A thank-you for the feedback on the selected card",
                         lambda: thank_for_feedback(board.rapp, board.actions, _card_id(board)))
    yield PaletteCommand("Board: keep one thing from the feedback as a lesson",
                         "One line for your Lessons list and the next interview's brief",
                         lambda: keep_one_lesson(board.rapp, board.actions, _card_id(board)))
