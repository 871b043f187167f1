"""The board's keys (ids stay stable: a user keymap in Settings refers to them)."""

from __future__ import annotations

from textual.binding import Binding, BindingType

MOVE = Binding.Group("Move ")

BOARD_BINDINGS: list[BindingType] = [
    Binding("n", "new", "New", id="board.new"),
    Binding("e", "edit", "Edit", show=False, id="board.edit"),
    Binding("H,shift+left", "move(-1)", "Move back", key_display="H", id="board.move_back", group=MOVE),
    Binding("L,shift+right", "move(1)", "Move on", key_display="L", id="board.move_forward", group=MOVE),
    Binding("x", "close_card", "Close", id="board.close"),
    Binding("r", "reject", "Reject", id="board.reject"),
    Binding("s", "sweep", "Sweep", id="board.sweep"),
    Binding("slash", "filter", "Filter", key_display="/", id="board.filter"),
    Binding("d", "delete", "Delete", show=False, id="board.delete"),
    Binding("f", "follow_up", "Followed up", show=False, id="board.follow_up"),
    Binding("z", "snooze", "Snooze a week", show=False, id="board.snooze"),
    Binding("p", "health", "Pipeline health", show=False, id="board.health"),
    Binding("g", "goto", "Go to application", show=False, id="board.goto"),
    Binding("v", "toggle_view", "List view", show=False, id="board.view"),
    Binding("escape", "clear_filter", "Clear filter", show=False, id="board.clear_filter"),
]
