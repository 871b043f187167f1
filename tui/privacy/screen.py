"""Settings › Privacy: whether the data is encrypted, and the verbs that change it (encrypt, decrypt,
change the passphrase, write a recovery key), plus the idle lock. Opened from the palette
("Settings › Privacy…"). The verbs run in a thread (the key derivation takes a second or so) through
:class:`~tui.privacy.actions.PrivacyActions`; this screen only asks and shows."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Static

from tui.privacy.actions import Done, PrivacyActions, check_idle_minutes
from tui.privacy.dialogs import Answer, Ask, PassphraseDialog
from tui.shell import keymap
from widgets.usertext import literal

if TYPE_CHECKING:
    from tui.app import ReboundApp


class PrivacyScreen(Screen[None]):
    """Settings › Privacy. ``ctrl+s`` saves the idle lock; ``escape`` closes."""

    SCREEN_TITLE = "Settings › Privacy"
    HELP = """Settings › Privacy: how your data is protected on disk.

*Encrypt* turns on encryption at rest (the age format): Rebound asks for your passphrase when it
starts, and the standard `age` tool can always open the data without Rebound. A *recovery key* is a
file that opens the data on its own if you lose the passphrase: keep it somewhere else. *Decrypt*
makes the data plain text again. The *idle lock* (encrypted data only) locks Rebound after some
minutes without a key, saving what you typed first. Exports are always plain text (0600)."""

    KEYMAP = "privacy"
    BINDINGS = keymap.bindings(KEYMAP)
    DEFAULT_CSS = """
    PrivacyScreen { layout: vertical; }
    PrivacyScreen #privacy-title { padding: 0 1; text-style: bold; height: 1; background: $panel; }
    PrivacyScreen #privacy-body { height: 1fr; padding: 0 1; }
    PrivacyScreen .privacy-line { margin-top: 1; height: auto; }
    PrivacyScreen #privacy-buttons { height: auto; margin-top: 1; }
    PrivacyScreen #privacy-buttons Button { margin-right: 1; }
    PrivacyScreen #idle-row { height: auto; margin-top: 1; }
    PrivacyScreen #idle-row Static { width: 30; }
    PrivacyScreen #idle-row Input { width: 10; }
    PrivacyScreen #idle-error { color: $error; height: auto; }
    PrivacyScreen #privacy-status { padding: 0 1; height: auto; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.busy = False

    @property
    def rapp(self) -> ReboundApp:
        return cast("ReboundApp", self.app)

    @property
    def actions(self) -> PrivacyActions:
        return PrivacyActions(self.rapp.store, self.rapp.write)

    def compose(self) -> ComposeResult:
        yield Static(literal("Settings › Privacy  ·  escape closes"), id="privacy-title")
        with VerticalScroll(id="privacy-body"):
            yield from self._body()
        yield Static("", id="privacy-status")
        yield Footer()

    def _body(self) -> Iterable[Any]:
        store = self.rapp.store
        for line in self.actions.status():
            yield Static(literal(line), classes="privacy-line")
        with Horizontal(id="privacy-buttons"):
            if store.encrypted:
                yield Button("Change passphrase…", id="do-change")
                yield Button("Write a recovery key…", id="do-recovery")
                yield Button("Decrypt…", id="do-decrypt", variant="error")
            else:
                yield Button("Encrypt…", id="do-encrypt", variant="primary")
        if store.encrypted:
            with Horizontal(id="idle-row"):
                yield Static(literal("Idle lock (minutes, 0 = off)"))
                yield Input(str(store.settings.current().idle_lock_minutes), id="idle-minutes", compact=True,
                            max_length=3)
            yield Static("", id="idle-error")
        yield Static(literal("Exports are always plain text (0600): anyone who can read the file reads it."),
                     classes="privacy-line")

    async def _rebuild(self, message: str) -> None:
        await self.recompose()
        self._say(message)

    def _say(self, text: str) -> None:
        self.query_one("#privacy-status", Static).update(Content(text))

    # -- the verbs

    @on(Button.Pressed, "#do-encrypt")
    def _encrypt(self) -> None:
        self._ask(Ask.ENCRYPT, str(Path.home() / "rebound-recovery-key.txt"))

    @on(Button.Pressed, "#do-decrypt")
    def _decrypt(self) -> None:
        self._ask(Ask.DECRYPT)

    @on(Button.Pressed, "#do-change")
    def _change(self) -> None:
        self._ask(Ask.CHANGE)

    @on(Button.Pressed, "#do-recovery")
    def _recovery(self) -> None:
        self._ask(Ask.RECOVERY, str(Path.home() / "rebound-recovery-key.txt"))

    def _ask(self, ask: Ask, path: str = "") -> None:
        if self.busy:
            return
        self.app.push_screen(PassphraseDialog(ask, path), self._answered)

    def _answered(self, answer: Answer | None) -> None:
        if answer is None:
            return
        self.busy = True
        self._say("Working… (the key derivation takes a moment)")
        self._run(answer)

    @work(thread=True, exclusive=True, group="privacy")
    def _run(self, answer: Answer) -> None:
        actions = self.actions
        verbs = {
            Ask.ENCRYPT: lambda: actions.encrypt(answer.new, answer.path),
            Ask.DECRYPT: lambda: actions.decrypt(answer.current),
            Ask.CHANGE: lambda: actions.change_passphrase(answer.current, answer.new),
            Ask.RECOVERY: lambda: actions.write_recovery_key(answer.current, answer.path),
        }
        done = verbs[answer.ask]()
        self.app.call_from_thread(self._done, done)

    def _done(self, done: Done) -> None:
        self.busy = False
        self._say(done.message)
        self.notify(done.message, title="Privacy", severity="information" if done.ok else "error",
                    markup=False, timeout=15)
        if done.ok:
            self.run_worker(self._rebuild(done.message), exclusive=True, group="privacy-view")

    # -- the idle lock

    def action_save(self) -> None:
        found = list(self.query("#idle-minutes").results(Input))
        if not found:
            self.dismiss(None)
            return
        minutes, problem = check_idle_minutes(found[0].value)
        self.query_one("#idle-error", Static).update(Content(problem))
        if minutes is None:
            return
        if self.actions.set_idle_minutes(minutes):
            self.notify("Idle lock off." if not minutes else f"Rebound locks after {minutes} minute"
                        f"{'s' if minutes != 1 else ''} without a key.", title="Privacy", markup=False)
            self.dismiss(None)

    def action_close(self) -> None:
        if not self.busy:
            self.dismiss(None)

    def save_pending(self) -> None:
        """Nothing typed here is kept on hang-up: the passphrases are never saved."""


def privacy_commands(app: ReboundApp) -> Iterable[SystemCommand]:
    """The palette's way in."""

    def open_privacy() -> None:
        app.push_screen(PrivacyScreen())

    yield SystemCommand("Settings › Privacy…", "Encrypt your data, change the passphrase, recovery key, idle lock",
                        open_privacy)
