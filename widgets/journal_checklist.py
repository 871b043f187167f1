"""A checklist on an OptionList (line API): ``[x]``/``[ ]`` marks, so it reads without colour.

space or enter ticks the highlighted item; j/k move. Posts :class:`CheckList.Toggled`; the
highlighted item comes as the usual ``OptionList.OptionHighlighted``.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from widgets.usertext import literal


class CheckList(OptionList):
    BINDINGS = [
        Binding("space", "tick", "Tick", show=False, id="checklist.toggle"),
        Binding("j", "cursor_down", "Down", show=False, id="checklist.down"),
        Binding("k", "cursor_up", "Up", show=False, id="checklist.up"),
    ]

    class Toggled(Message):
        def __init__(self, checklist: CheckList, value: str, checked: bool) -> None:
            super().__init__()
            self.checklist = checklist
            self.value = value
            self.checked = checked

        @property
        def control(self) -> CheckList:
            return self.checklist

    def __init__(self, items: Iterable[tuple[str, str, bool]], *, id: str | None = None,
                 classes: str | None = None) -> None:
        """``items``: (label, value, checked)."""
        items = list(items)
        self._items = [(label, value) for label, value, _ in items]
        self._checked = {value for _, value, checked in items if checked}
        super().__init__(*[self._option(i) for i in range(len(self._items))], id=id, classes=classes,
                         compact=True)

    def _option(self, index: int) -> Option:
        label, value = self._items[index]
        mark = "[x] " if value in self._checked else "[ ] "
        return Option(Content.assemble((mark, "bold" if value in self._checked else ""), literal(label)), id=value)

    @property
    def selected(self) -> list[str]:
        return [value for _, value in self._items if value in self._checked]

    def is_checked(self, value: str) -> bool:
        return value in self._checked

    def set_checked(self, value: str, checked: bool) -> None:
        if checked:
            self._checked.add(value)
        else:
            self._checked.discard(value)
        for i, (_, v) in enumerate(self._items):
            if v == value:
                self.replace_option_prompt_at_index(i, self._option(i).prompt)
        self.post_message(self.Toggled(self, value, checked))

    def action_tick(self) -> None:
        if self.highlighted is None:
            return
        _, value = self._items[self.highlighted]
        self.set_checked(value, value not in self._checked)

    def action_select(self) -> None:
        self.action_tick()
