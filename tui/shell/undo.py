"""``u``: put back the last one-key change (``R``, ``G``, ``x``, ``H``/``L``, ``d``, ``m``, an import).

The verbs record their writes (:mod:`store.undo`) and their toast offers the key (as bound now:
:func:`tui.shell.keymap.undo_offer`); this app-level action puts every record they touched back
exactly as it was, in one write. Its key is ``app.undo`` in the key map (:mod:`tui.shell.keymap_main`);
Today binds the same id to its own action, which puts a done or skipped plan step back and otherwise
comes here. It works on the main screens and on screens marked :class:`UndoHere` (the card details,
the sweep), never under a dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.message import Message

from store.db import Store
from store.undo import NothingToUndo, Undoable
from tui.shell import keymap
from tui.shell.base import ReboundScreen


class Undone(Message):
    """Posted to the main screen after an undo: the applications put back (the board selects one)."""

    def __init__(self, application_ids: list[str]) -> None:
        super().__init__()
        self.application_ids = application_ids


class UndoHere:
    """A screen (not a main one) where ``u`` undoes; :meth:`after_undo` redraws it."""

    def after_undo(self) -> None:
        """Called after an undo (the data changed)."""


class UndoApp(App[Any]):
    """Base of ReboundApp: what the ``u`` key (``app.undo``) does."""

    store: Store

    def action_undo(self) -> None:
        screen = self.screen
        if not isinstance(screen, (ReboundScreen, UndoHere)):
            return
        if self.store.read_only:
            self.notify(self.store.read_only_reason or "This session is read-only.", title="Not changed",
                        severity="warning", markup=False)
            return
        undone: list[Undoable] = []
        try:
            done = self.write(lambda: undone.append(self.store.undo.undo()))
        except NothingToUndo as exc:
            self.notify(str(exc) if exc.changed_since else keymap.nothing_to_undo(), title="Undo", markup=False,
                        timeout=4)
            return
        if not done or not undone:
            return
        self.notify(f"Put back as it was before {undone[0].label}.", title="Undone", markup=False, timeout=4)
        if isinstance(screen, ReboundScreen):
            screen.refresh_data()
            screen.post_message(Undone(undone[0].ids("applications")))
        else:
            screen.after_undo()

    if TYPE_CHECKING:
        def write(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> bool: ...  # ReboundApp's
