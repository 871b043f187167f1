"""A one-line choice field that is a single widget: the forms' and dialogs' replacement for ``Select``.

Textual's ``Select`` is six widgets (the select, its current-value row of three labels, an overlay
list) built, styled and laid out whether or not anyone opens it; a form with three of them spends a
good part of its first frame on them. :class:`LightSelect` is one focusable widget that draws the
current choice. Its keys:

* ``right`` or ``space``: the next choice; ``left``: the previous one (both wrap around);
* a letter or digit: the first choice whose label starts with it (again: the next such choice);
* ``enter`` (also ``down``/``up``, as with ``Select``) or a click: the whole list, in a small menu
  built when it is first opened; ``enter`` or a click picks, ``escape`` leaves it unchanged.

``Tab``/``shift+tab`` move on as from any field. :class:`LightSelect.Changed` is posted whenever the
value changes (by a key, the menu or code), as ``Select.Changed`` is. Labels are shown literally
(never read as markup). Without colour (``NO_COLOR``) the focused field is told apart by its arrows
(``◂ … ▸``) and bold text.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

V = TypeVar("V", bound=Hashable)


class NoChoice:
    """The value of a blank :class:`LightSelect` (``LightSelect.NULL``)."""

    _instance: ClassVar[NoChoice | None] = None

    def __new__(cls) -> NoChoice:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "LightSelect.NULL"

    def __bool__(self) -> bool:
        return False


NULL = NoChoice()


class ChoiceMenu(ModalScreen[int | None]):
    """The list of a :class:`LightSelect`, drawn over it; dismisses with the picked index or None."""

    DEFAULT_CSS = """
    ChoiceMenu { background: transparent; }
    ChoiceMenu > OptionList {
        width: auto; min-width: 12; height: auto; max-height: 12;
        border: round $primary; background: $surface; padding: 0;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Close", show=False)]

    def __init__(self, labels: Sequence[str], current: int | None, at: tuple[int, int], width: int) -> None:
        super().__init__()
        self._labels = list(labels)
        self._current = current
        self._at = at
        self._width = width

    def compose(self) -> ComposeResult:
        menu = OptionList(*[Option(Content(label)) for label in self._labels], id="choice-menu")
        menu.styles.min_width = self._width + 2
        yield menu

    def on_mount(self) -> None:
        menu = self.query_one(OptionList)
        height = min(len(self._labels), 10) + 2
        x, y = self._at
        size = self.app.size
        top = y + 1 if y + 1 + height <= size.height else max(0, y - height)
        menu.styles.offset = (max(0, min(x - 1, size.width - self._width - 2)), top)
        if self._current is not None:
            menu.highlighted = self._current
        menu.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_index)

    def on_key(self, event: events.Key) -> None:
        if event.character and len(event.character) == 1 and event.character.isalnum():
            menu = self.query_one(OptionList)
            start = menu.highlighted if menu.highlighted is not None else -1
            found = next_match(self._labels, event.character, start)
            if found is not None:
                menu.highlighted = found
            event.stop()

    def on_click(self, event: events.Click) -> None:
        if event.widget is self:  # outside the list
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)


def next_match(labels: Sequence[str], char: str, current: int) -> int | None:
    """The index of the first label after ``current`` (wrapping) that starts with ``char``, case
    ignored; None when none does."""
    want = char.casefold()
    n = len(labels)
    for step in range(1, n + 1):
        i = (current + step) % n
        if labels[i].casefold().startswith(want):
            return i
    return None


class LightSelect(Widget, Generic[V], can_focus=True):
    """Pick one of ``options`` (``(label, value)`` pairs); see the module docstring.

    ``allow_blank``: the field may be empty (``value`` is :data:`NULL`, shown as ``prompt``); the
    blank comes first when cycling. ``value`` reads and sets the choice."""

    NULL: ClassVar[NoChoice] = NULL

    DEFAULT_CSS = """
    LightSelect { width: 24; height: 1; background: $boost; color: $foreground; padding: 0 1 0 0; }
    LightSelect:focus { background: $primary 20%; text-style: bold; }
    LightSelect.-blank { color: $foreground 60%; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right,space", "cursor_right", "Next choice", show=False),
        Binding("left", "cursor_left", "Previous choice", show=False),
        Binding("enter,down,up", "open", "Show the choices", show=False),
    ]

    class Changed(Message):
        """The value changed (``value`` is :data:`NULL` when blank)."""

        def __init__(self, select: LightSelect[Any], value: Any) -> None:
            super().__init__()
            self.select = select
            self.value = value

        @property
        def control(self) -> LightSelect[Any]:
            return self.select

    def __init__(self, options: Sequence[tuple[str, V]], *, value: V | NoChoice = NULL, prompt: str = "—",
                 allow_blank: bool = True, id: str | None = None, classes: str | None = None,
                 disabled: bool = False) -> None:
        super().__init__(id=id, classes=classes, disabled=disabled)
        self._labels: list[str] = ([prompt] if allow_blank else []) + [str(label) for label, _v in options]
        self._values: list[V | NoChoice] = ([NULL] if allow_blank else []) + [v for _label, v in options]
        if not self._values:
            raise ValueError("LightSelect needs at least one choice")
        self.allow_blank = allow_blank
        self._index = self._index_of(value) if value is not NULL or allow_blank else 0
        self.set_class(self.is_blank(), "-blank", update=False)

    # -- the value

    def _index_of(self, value: object) -> int:
        for i, v in enumerate(self._values):
            if v == value and (v is NULL) == (value is NULL):
                return i
        raise ValueError(f"{value!r} is not one of the choices")

    @property
    def value(self) -> V | NoChoice:
        return self._values[self._index]

    @value.setter
    def value(self, value: V | NoChoice) -> None:
        if value is NULL and not self.allow_blank:
            raise ValueError("this field can't be blank")
        self._move(self._index_of(value))

    @property
    def labels(self) -> list[str]:
        """The labels in order (the blank's prompt first when the field may be blank)."""
        return list(self._labels)

    @property
    def label(self) -> str:
        """The label shown now."""
        return self._labels[self._index]

    def is_blank(self) -> bool:
        return self._values[self._index] is NULL

    def clear(self) -> None:
        """Blank the field (only when it may be blank)."""
        self.value = NULL

    def _move(self, index: int) -> None:
        if index == self._index:
            return
        self._index = index
        self.set_class(self.is_blank(), "-blank")
        self.refresh()
        self.post_message(self.Changed(self, self.value))

    # -- keys and mouse

    def action_cursor_right(self) -> None:
        self._move((self._index + 1) % len(self._values))

    def action_cursor_left(self) -> None:
        self._move((self._index - 1) % len(self._values))

    def on_key(self, event: events.Key) -> None:
        char = event.character
        if not char or len(char) != 1 or not char.isalnum():
            return
        event.stop()
        event.prevent_default()
        found = next_match(self._labels, char, self._index)
        if found is None:
            self.app.bell()
        else:
            self._move(found)

    async def on_click(self, event: events.Click) -> None:
        event.stop()
        self.focus()
        self.action_open()

    def action_open(self) -> None:
        """The whole list, over the field (built now: most forms are saved without opening it)."""
        region = self.region

        def picked(index: int | None) -> None:
            if index is not None:
                self._move(index)
            self.focus()

        self.app.push_screen(ChoiceMenu(self._labels, self._index, (region.x, region.y), region.width), picked)

    # -- drawing

    def render(self) -> Content:
        width = max(1, self.content_size.width)
        arrows = " ◂▸" if self.has_focus else " ▼"
        room = max(1, width - len(arrows))
        label = self.label
        if len(label) > room:
            label = label[: max(0, room - 1)] + "…"
        return Content(label.ljust(room) + arrows)

    def get_content_width(self, container: Any, viewport: Any) -> int:
        return max(len(label) for label in self._labels) + 3

    def watch_has_focus(self, value: bool) -> None:
        super().watch_has_focus(value)
        self.refresh()  # the arrows follow the focus
