"""A titled list of short texts with a line to add more (evidence for / against).

Type in the line and press enter to add. ↓ goes to the list; there, delete (or x) removes the item
and enter takes it back into the line to change it. The list is an OptionList (line API); items are
shown literally, never as markup.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from widgets.usertext import literal


class ItemOptions(OptionList):
    BINDINGS = [
        Binding("delete,x", "remove", "Remove", show=False, id="items.remove"),
        Binding("j", "cursor_down", "Down", show=False, id="items.down"),
        Binding("k", "cursor_up", "Up", show=False, id="items.up"),
    ]

    def action_remove(self) -> None:
        parent = self.parent
        if isinstance(parent, ItemsEditor) and self.highlighted is not None:
            parent.remove_item(self.highlighted)

    def action_cursor_up(self) -> None:
        if self.highlighted in (None, 0):
            parent = self.parent
            if isinstance(parent, ItemsEditor):
                parent.query_one(Input).focus()
                return
        super().action_cursor_up()


class ItemsEditor(Vertical):
    DEFAULT_CSS = """
    ItemsEditor { height: 1fr; }
    ItemsEditor > .items-title { text-style: bold; height: 1; }
    ItemsEditor > Input { margin: 0; }
    ItemsEditor > ItemOptions { height: 1fr; border: none; padding: 0; }
    """

    class Changed(Message):
        def __init__(self, editor: ItemsEditor) -> None:
            super().__init__()
            self.editor = editor

        @property
        def control(self) -> ItemsEditor:
            return self.editor

    def __init__(self, title: str, items: Iterable[str] = (), placeholder: str = "Type and press enter",
                 *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.title = title
        self._items = [str(i) for i in items]
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        yield Static(literal(self.title), classes="items-title")
        yield Input(placeholder=self.placeholder, compact=True)
        yield ItemOptions(*self._options(), compact=True)

    def _options(self) -> list[Option]:
        return [Option(literal("• " + item.replace("\n", " "))) for item in self._items]

    @property
    def items(self) -> list[str]:
        return list(self._items)

    @property
    def pending(self) -> str:
        """Text typed in the line but not added yet."""
        return self.query_one(Input).value.strip()

    def commit_pending(self) -> bool:
        """Add what is typed in the line (nothing typed is lost when moving on)."""
        text = self.pending
        if not text:
            return False
        self._items.append(text)
        self.query_one(Input).value = ""
        self._refresh_options(len(self._items) - 1)
        return True

    def set_items(self, items: Iterable[str]) -> None:
        self._items = [str(i) for i in items]
        self._refresh_options(None)

    def remove_item(self, index: int) -> None:
        if 0 <= index < len(self._items):
            del self._items[index]
            self._refresh_options(min(index, len(self._items) - 1) if self._items else None)

    def _refresh_options(self, highlight: int | None) -> None:
        ol = self.query_one(ItemOptions)
        ol.clear_options()
        ol.add_options(self._options())
        if highlight is not None and self._items:
            ol.highlighted = highlight
        self.post_message(self.Changed(self))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.commit_pending()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(self))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """enter on an item: take it back into the line to change it."""
        event.stop()
        index = event.option_index
        if 0 <= index < len(self._items):
            inp = self.query_one(Input)
            if inp.value.strip():
                self.commit_pending()
            text = self._items.pop(index)
            self._refresh_options(None)
            inp.value = text
            inp.focus()

    def on_key(self, event) -> None:
        line = self.query_one(Input)
        if event.key in ("tab", "shift+tab") and line.has_focus:
            # tab jumps between the typing lines; the lists are reached with ↓
            chain = [w for w in self.screen.focus_chain if not isinstance(w, ItemOptions) or w.has_focus]
            if line in chain and len(chain) > 1:
                event.stop()
                event.prevent_default()
                step = 1 if event.key == "tab" else -1
                chain[(chain.index(line) + step) % len(chain)].focus()
            return
        if event.key == "down" and line.has_focus and self._items:
            event.stop()
            ol = self.query_one(ItemOptions)
            ol.focus()
            if ol.highlighted is None:
                ol.highlighted = 0
