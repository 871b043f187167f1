"""Small modal dialogs: confirm, pick one of several, type a line, resolve an external change.

Every message and label that can hold user text is shown with :func:`widgets.usertext.literal`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from enum import Enum

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.shell import keymap
from widgets.usertext import literal


class ConfirmDialog(ModalScreen[bool]):
    """Yes/no. ``y``/``enter`` confirm, ``n``/``escape`` cancel."""

    KEYMAP = "dialog.confirm"
    BINDINGS = keymap.bindings(KEYMAP)

    def __init__(self, title: str, message: str = "", confirm: str = "Yes", cancel: str = "Cancel",
                 danger: bool = False) -> None:
        super().__init__()
        self._title, self._message, self._confirm, self._cancel = title, message, confirm, cancel
        self._danger = danger

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(literal(self._title), classes="dialog-title")
            if self._message:
                yield Static(literal(self._message))
            with Horizontal(classes="buttons"):
                yield Button(literal(self._cancel), id="cancel")
                yield Button(literal(self._confirm), id="confirm",
                             variant="error" if self._danger else "primary")

    def on_mount(self) -> None:
        # A destructive confirmation opens on the safe choice: `d` then `enter` out of habit cancels;
        # `y` (or tab to the button) is the deliberate yes.
        self.query_one("#cancel" if self._danger else "#confirm", Button).focus()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)

    @on(Button.Pressed, "#confirm")
    def action_confirm(self) -> None:
        self.dismiss(True)


class ChoiceDialog(ModalScreen[str | None]):
    """Pick one option: arrows/j/k and enter, or the option's number; escape cancels."""

    KEYMAP = "dialog.choice"
    BINDINGS = keymap.bindings(KEYMAP)

    def __init__(self, title: str, choices: Sequence[tuple[str, str]], message: str = "",
                 selected: str | None = None, unkeyed: Collection[str] = ()) -> None:
        """``choices`` are (value, label) pairs, picked with arrows and enter or by their number.
        ``unkeyed`` choices get no number ("… anyway" ones: a digit pressed out of habit — `1` is also
        "go to Today" — must never pick them); ``selected`` should be the safe choice."""
        super().__init__()
        self._title, self._choices, self._message, self._selected = title, list(choices), message, selected
        keyed = [value for value, _ in self._choices if value not in unkeyed]
        self._numbers = {value: n for n, value in enumerate(keyed[:9], start=1)}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(literal(self._title), classes="dialog-title")
            if self._message:
                yield Static(literal(self._message))
            options = [
                Option(literal(f"{self._numbers[value]}. {label}" if value in self._numbers else f"   {label}"),
                       id=value)
                for value, label in self._choices
            ]
            yield OptionList(*options, id="choices")

    def on_mount(self) -> None:
        ol = self.query_one(OptionList)
        ol.focus()
        if self._selected is not None:
            for i, (value, _) in enumerate(self._choices):
                if value == self._selected:
                    ol.highlighted = i
        elif self._choices:
            ol.highlighted = 0

    def on_key(self, event) -> None:
        if event.character and event.character in "123456789":
            n = int(event.character)
            chosen = next((value for value, number in self._numbers.items() if number == n), None)
            if chosen is not None:
                event.stop()
                self.dismiss(chosen)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    def action_cancel(self) -> None:
        self.dismiss(None)


class TextPromptDialog(ModalScreen[str | None]):
    """Ask for one line of text; ``validate`` returns an error message or None."""

    KEYMAP = "dialog.prompt"
    BINDINGS = keymap.bindings(KEYMAP)

    def __init__(self, title: str, message: str = "", value: str = "", placeholder: str = "",
                 validate: Callable[[str], str | None] | None = None) -> None:
        super().__init__()
        self._title, self._message, self._value, self._placeholder = title, message, value, placeholder
        self._validate = validate

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(literal(self._title), classes="dialog-title")
            if self._message:
                yield Static(literal(self._message))
            yield Input(value=self._value, placeholder=self._placeholder, id="prompt-input")
            yield Static("", id="prompt-error", classes="muted")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if self._validate:
            err = self._validate(event.value)
            self.query_one("#prompt-error", Static).update(literal(err or ""))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if self._validate:
            err = self._validate(event.value)
            if err:
                self.query_one("#prompt-error", Static).update(literal(err))
                return
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class Conflict(Enum):
    """How to settle a data file that another program changed."""

    RELOAD = "reload"
    KEEP_BOTH = "keep-both"


class ConflictDialog(ModalScreen[Conflict | None]):
    """The data file changed on disk since Rebound loaded it: reload theirs, or keep both."""

    KEYMAP = "dialog.conflict"
    BINDINGS = keymap.bindings(KEYMAP)

    def __init__(self, path: str) -> None:
        super().__init__()
        self._path = path

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("The data file changed on disk", classes="dialog-title")
            yield Static(literal(
                f"{self._path} was changed by another program (a sync tool or a hand edit) since "
                "Rebound loaded it. Your last change is kept in memory and was NOT written over it.\n\n"
                "Reload: read the file from disk; your unsaved change is dropped.\n"
                "Keep both: save the disk version as a conflict copy beside it, then write yours."
            ))
            with Horizontal(classes="buttons"):
                yield Button("Decide later", id="cancel")
                yield Button("Reload (r)", id="reload")
                yield Button("Keep both (b)", id="keep-both", variant="primary")

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#reload")
    def action_reload(self) -> None:
        self.dismiss(Conflict.RELOAD)

    @on(Button.Pressed, "#keep-both")
    def action_keep_both(self) -> None:
        self.dismiss(Conflict.KEEP_BOTH)
