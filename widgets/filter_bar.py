"""An inline filter: one line above a list, hidden until ``/`` opens it. Typing narrows the list as
you go (:class:`FilterBar.Changed`); ``enter`` hands the keys back to the list
(:class:`FilterBar.Submitted`); the screen's ``escape`` clears it with :meth:`FilterBar.close`."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label


class FilterBar(Horizontal):
    DEFAULT_CSS = """
    FilterBar { height: 1; background: $panel; padding: 0 1; display: none; }
    FilterBar.-active { display: block; }
    FilterBar Label { width: auto; padding-right: 1; text-style: bold; }
    FilterBar Input { width: 1fr; }
    """

    class Changed(Message):
        """The filter text changed (typed, or cleared)."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class Submitted(Message):
        """``enter`` in the filter: back to the list, the filter kept."""

    def __init__(self, placeholder: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._placeholder = placeholder

    def compose(self) -> ComposeResult:
        yield Label("Filter")
        yield Input(placeholder=self._placeholder, compact=True)

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    @property
    def active(self) -> bool:
        return self.has_class("-active")

    def open(self, text: str = "") -> None:
        """Show the bar with ``text`` and put the cursor in it."""
        self.add_class("-active")
        if self.input.value != text:
            with self.input.prevent(Input.Changed):
                self.input.value = text
        self.input.focus()

    def close(self) -> None:
        """Hide the bar and empty it (no Changed: the screen clears its own filter)."""
        with self.input.prevent(Input.Changed):
            self.input.value = ""
        self.remove_class("-active")

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted())
