"""The board's entries in the command palette (ctrl+p): every board action, by name.

Titles and help are our own words (never user text: the palette reads them as markup)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING

from store.models import STAGE_LABELS, STAGES
from tui.board.brief import keep_one_lesson, thank_for_feedback
from tui.shell.base import PaletteCommand

if TYPE_CHECKING:
    from tui.board.screen import BoardScreen


def _card_id(board: BoardScreen) -> str | None:
    card = board.selected()
    return card.id if card is not None else None


def board_commands(board: BoardScreen) -> Iterator[PaletteCommand]:
    yield PaletteCommand("Board: new application", "Add a card to the current column (n)", board.action_new)
    yield PaletteCommand("Board: edit the selected application", "All fields (e)", board.action_edit)
    yield PaletteCommand("Board: open the selected application", "Details and timeline (enter)",
                         board.action_open)
    yield PaletteCommand("Board: move the card to the next stage", "L or shift+right",
                         partial(board.action_move, 1))
    yield PaletteCommand("Board: move the card back a stage", "H or shift+left; reopens a closed card",
                         partial(board.action_move, -1))
    for stage in STAGES[:-1]:
        yield PaletteCommand(f"Board: move the card to {STAGE_LABELS[stage]}", "Stamped in its stage history",
                             partial(board.move_to, stage))
    yield PaletteCommand("Board: close with an outcome", "accepted, rejected, ghosted, withdrew, declined, "
                         "role closed (x)", board.action_close_card)
    yield PaletteCommand("Board: mark rejected", "Close as rejected at once (r)", board.action_reject)
    yield PaletteCommand("Board: mark ghosted", "Close as ghosted at once", board.action_ghost)
    yield PaletteCommand("Board: followed up", "Log it; next action in a week (f)", board.action_follow_up)
    yield PaletteCommand("Board: snooze a week", "Out of the sweep for 7 days (z)", board.action_snooze)
    yield PaletteCommand("Board: delete the selected application", "Asks first (d)", board.action_delete)
    yield PaletteCommand("Board: open a linked contact", "The contacts named on the card (c in details)",
                         board.action_contact)
    yield PaletteCommand("Board: sweep cards that need attention", "Quiet or due, one key each (s)",
                         board.action_sweep)
    yield PaletteCommand("Board: filter", "Company, role, tags, notes (/)", board.action_filter)
    yield PaletteCommand("Board: clear the filter", "Show every card (escape)", board.clear_filter)
    yield PaletteCommand("Board: pipeline health", "Floor, weekly goal, funnel, reply time (p)",
                         board.action_health)
    yield PaletteCommand("Board: thank them for the feedback", "A thank-you for the feedback on the selected card",
                         lambda: thank_for_feedback(board.rapp, board.actions, _card_id(board)))
    yield PaletteCommand("Board: keep one thing from the feedback as a lesson",
                         "One line for your Lessons list and the next interview's brief",
                         lambda: keep_one_lesson(board.rapp, board.actions, _card_id(board)))
    yield PaletteCommand("Board: list view / cards", "The pipeline as one line per card, or as columns (v)",
                         board.action_toggle_view)
    yield PaletteCommand("Board: go to application…", "Search every application by company or role (g)",
                         board.action_goto)
