"""Pick one of many (a contact, an application): type to narrow, enter picks, escape cancels.

Dismisses with the picked id, or None.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.shell import keymap
from widgets.usertext import literal

PICKER_CSS = """
ContactPicker { align: center middle; }
#cp-box {
    width: 100%; max-width: 90; height: auto; max-height: 100%;
    border: round $primary; background: $surface; padding: 0 1;
}
.tp-title { text-style: bold; height: 1; }
.tp-keys { height: auto; color: $foreground 60%; }
#cp-list { height: auto; max-height: 14; }
"""


class ContactPicker(ModalScreen[str | None]):
    """Choose one contact: type to narrow the list (every word must match), enter picks."""

    DEFAULT_CSS = PICKER_CSS
    KEYMAP = "contacts.picker"
    BINDINGS = keymap.bindings(KEYMAP)
    LIMIT = 200

    def __init__(self, title: str, choices: Sequence[tuple[str, str]], exclude: Sequence[str] = (),
                 placeholder: str = "type a name, company or email") -> None:
        """``choices``: (id, label) pairs."""
        super().__init__()
        self._title = title
        self._placeholder = placeholder
        skip = set(exclude)
        self._choices = [(i, label, label.casefold()) for i, label in choices if i not in skip]

    def compose(self) -> ComposeResult:
        with Vertical(id="cp-box"):
            yield Static(literal(self._title), classes="tp-title")
            yield Input(placeholder=self._placeholder, id="cp-filter", compact=True)
            yield OptionList(id="cp-list")
            yield Static("", id="cp-count", classes="tp-keys")

    def on_mount(self) -> None:
        self._fill("")
        self.query_one("#cp-filter", Input).focus()

    def _fill(self, text: str) -> None:
        words = text.casefold().split()
        hits = [(i, label) for i, label, hay in self._choices if all(w in hay for w in words)]
        ol = self.query_one("#cp-list", OptionList)
        ol.clear_options()
        ol.add_options([Option(literal(label), id=i) for i, label in hits[: self.LIMIT]])
        if hits:
            ol.highlighted = 0
        more = f" (showing {self.LIMIT}; type to narrow)" if len(hits) > self.LIMIT else ""
        self.query_one("#cp-count", Static).update(
            literal(f"{len(hits)} match{'es' if len(hits) != 1 else ''}{more} · enter picks · esc cancels"))

    @on(Input.Changed, "#cp-filter")
    def _narrow(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#cp-filter")
    def _pick_highlighted(self, event: Input.Submitted) -> None:
        ol = self.query_one("#cp-list", OptionList)
        if ol.highlighted is not None and ol.option_count:
            self.dismiss(ol.get_option_at_index(ol.highlighted).id)

    @on(OptionList.OptionSelected, "#cp-list")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_down(self) -> None:
        self.query_one("#cp-list", OptionList).action_cursor_down()

    def action_up(self) -> None:
        self.query_one("#cp-list", OptionList).action_cursor_up()

    def action_cancel(self) -> None:
        self.dismiss(None)

