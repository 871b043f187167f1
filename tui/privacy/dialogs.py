"""The passphrase dialog of Settings › Privacy: the fields one verb needs (the current passphrase, a
new one twice, where to write a recovery key), checked before it answers. It dismisses with a
:class:`Answer` (or None on ``escape``); what is typed is never shown."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from tui.shell import keymap
from widgets.usertext import literal


class Ask(Enum):
    ENCRYPT = "encrypt"
    DECRYPT = "decrypt"
    CHANGE = "change"
    RECOVERY = "recovery"


@dataclass(frozen=True)
class Answer:
    ask: Ask
    current: str = ""
    new: str = ""
    path: str = ""

    def __repr__(self) -> str:  # never the passphrases
        return f"Answer({self.ask.name})"


TITLES = {
    Ask.ENCRYPT: ("Encrypt your data", "Choose a passphrase: several words you will remember. Without it (and "
                  "without a recovery key) nobody can open your data, not even Rebound."),
    Ask.DECRYPT: ("Decrypt your data", "Your data becomes plain text on disk again: anyone who can read your "
                  "files as you can read it. Your passphrase, to confirm:"),
    Ask.CHANGE: ("Change the passphrase", "Your current passphrase, then the new one twice."),
    Ask.RECOVERY: ("Write a recovery key", "A file that opens your data on its own if the passphrase is lost. "
                   "Write it outside the data folder and keep it somewhere else (a password manager, a USB "
                   "stick, paper)."),
}
CONFIRM = {Ask.ENCRYPT: "Encrypt", Ask.DECRYPT: "Decrypt", Ask.CHANGE: "Change", Ask.RECOVERY: "Write it"}


class PassphraseDialog(ModalScreen[Answer | None]):
    """``enter`` moves on and answers from the last field; ``escape`` cancels."""

    KEYMAP = "privacy.passphrase"
    BINDINGS = keymap.bindings(KEYMAP)

    def __init__(self, ask: Ask, suggested_path: str = "") -> None:
        super().__init__()
        self.ask = ask
        self.suggested_path = suggested_path

    def _fields(self) -> list[tuple[str, str, bool]]:
        """(id, placeholder, secret) of the fields this verb needs, in order."""
        current = ("current", "current passphrase", True)
        new = [("new", "new passphrase", True), ("again", "the new passphrase again", True)]
        path = ("path", "recovery key file (outside the data folder)", False)
        return {Ask.ENCRYPT: [*new, path], Ask.DECRYPT: [current], Ask.CHANGE: [current, *new],
                Ask.RECOVERY: [current, path]}[self.ask]

    def compose(self) -> ComposeResult:
        title, message = TITLES[self.ask]
        with Vertical(classes="dialog"):
            yield Static(literal(title), classes="dialog-title")
            yield Static(literal(message))
            for field_id, placeholder, secret in self._fields():
                value = self.suggested_path if field_id == "path" else ""
                yield Input(value, placeholder=placeholder, password=secret, id=f"pp-{field_id}", compact=True)
            if self.ask is Ask.ENCRYPT:
                yield Static(literal("Leave the recovery key file empty to have none."), classes="dialog-help")
            yield Static("", id="pp-error")
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button(CONFIRM[self.ask], id="confirm", variant="error" if self.ask is Ask.DECRYPT
                             else "primary")

    def on_mount(self) -> None:
        self.query(Input).first().focus()

    def _value(self, field_id: str) -> str:
        found = self.query(f"#pp-{field_id}").results(Input)
        return next((i.value for i in found), "")

    def _problem(self) -> str:
        ids = [f for f, _, _ in self._fields()]
        if "current" in ids and not self._value("current"):
            return "Type your current passphrase."
        if "new" in ids:
            if not self._value("new"):
                return "Type a new passphrase."
            if self._value("new") != self._value("again"):
                return "The two new passphrases differ."
        if self.ask is Ask.RECOVERY and not self._value("path").strip():
            return "Say where to write the recovery key."
        return ""

    @on(Input.Submitted)
    def _next(self, event: Input.Submitted) -> None:
        event.stop()
        inputs = list(self.query(Input).results(Input))
        index = inputs.index(event.input) if event.input in inputs else len(inputs) - 1
        if index < len(inputs) - 1:
            inputs[index + 1].focus()
        else:
            self.action_confirm()

    @on(Button.Pressed, "#confirm")
    def action_confirm(self) -> None:
        problem = self._problem()
        if problem:
            self.query_one("#pp-error", Static).update(Content(problem))
            return
        self.dismiss(Answer(self.ask, current=self._value("current"), new=self._value("new"),
                            path=self._value("path").strip()))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
