"""The unlock screen: the passphrase of encrypted data, asked before anything is read.

It reads one file, the key (``rebound.key.age``), in a thread (the key derivation takes a second or
so), and answers with a message: :class:`UnlockScreen.Unlocked` with the keys, or
:class:`UnlockScreen.GaveUp` after three wrong passphrases (or ``escape``). Nothing is changed by
a wrong passphrase. The field is cleared after every try; the passphrase is never shown, logged or
kept.

:class:`UnlockApp` runs the screen alone when Rebound starts on encrypted data (the store is opened
only once it answered); the idle lock shows the same screen inside the app (:mod:`tui.privacy.idle`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Static

from themes import DEFAULT_THEME, THEMES
from tui.shell import keymap
from widgets.usertext import literal

if TYPE_CHECKING:
    from store.crypto import Keyring

TRIES = 3
GAVE_UP = ("Three wrong passphrases: Rebound did not open your data and changed nothing. If the passphrase "
           "is lost, a recovery key opens the data: rebound-tui decrypt --recovery-key FILE")


@dataclass
class Outcome:
    """What one try gave: the keys, or what to say (``wrong``: it was the wrong passphrase)."""

    keyring: Keyring | None = None
    problem: str = ""
    wrong: bool = False


def try_passphrase(data_dir: Path, passphrase: str) -> Outcome:
    """Open the key with ``passphrase`` (plain Python; runs in a thread). Never raises."""
    from store import crypto
    from store.errors import CryptoError, WrongPassphraseError

    try:
        return Outcome(keyring=crypto.unlock(data_dir, passphrase))
    except WrongPassphraseError:
        return Outcome(wrong=True)
    except CryptoError as exc:
        return Outcome(problem=str(exc))


class UnlockScreen(Screen[None]):
    """Asks for the passphrase, three tries; posts :class:`Unlocked` or :class:`GaveUp`."""

    SCREEN_TITLE = "Locked"
    KEYMAP = "privacy.unlock"
    BINDINGS = keymap.bindings(KEYMAP)
    DEFAULT_CSS = """
    UnlockScreen { align: center middle; }
    UnlockScreen #unlock-box { width: 64; max-width: 100%; height: auto; border: round $primary; padding: 1 2; }
    UnlockScreen #unlock-title { text-style: bold; }
    UnlockScreen #unlock-help { color: $foreground 70%; margin: 1 0; }
    UnlockScreen #unlock-status { height: auto; margin-top: 1; }
    UnlockScreen #unlock-status.-problem { color: $error; text-style: bold; }
    """

    @dataclass
    class Unlocked(Message):
        """The passphrase opened the key."""

        keyring: Keyring

    @dataclass
    class GaveUp(Message):
        """Three wrong passphrases, or ``escape``: ``why`` says which, for the person."""

        why: str

    def __init__(self, data_dir: Path, *, note: str = "") -> None:
        super().__init__()
        self.data_dir = Path(data_dir)
        self.note = note
        self.tries_left = TRIES
        self.busy = False

    def compose(self) -> ComposeResult:
        with Vertical(id="unlock-box"):
            yield Static(literal("Rebound · locked"), id="unlock-title")
            yield Static(literal((self.note + " " if self.note else "") + "Your data is encrypted. Type your "
                                 "passphrase and press enter (escape quits)."), id="unlock-help")
            yield Input(password=True, placeholder="passphrase", id="passphrase", compact=True)
            yield Static("", id="unlock-status")

    def on_mount(self) -> None:
        self.query_one("#passphrase", Input).focus()

    def _say(self, text: str, *, problem: bool = False) -> None:
        status = self.query_one("#unlock-status", Static)
        status.update(Content(text))
        status.set_class(problem, "-problem")

    @on(Input.Submitted, "#passphrase")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        field = event.input
        passphrase = field.value
        field.value = ""
        if self.busy:
            return
        if not passphrase:
            self._say("Type your passphrase, then press enter.")
            return
        self.busy = True
        field.disabled = True
        self._say("Unlocking… (the key derivation takes a moment)")
        self._try(passphrase)

    @work(thread=True, exclusive=True, group="unlock")
    def _try(self, passphrase: str) -> None:
        outcome = try_passphrase(self.data_dir, passphrase)
        del passphrase
        self.app.call_from_thread(self._tried, outcome)

    def _tried(self, outcome: Outcome) -> None:
        self.busy = False
        field = self.query_one("#passphrase", Input)
        field.disabled = False
        if outcome.keyring is not None:
            self._say("Unlocked.")
            self.post_message(self.Unlocked(outcome.keyring))
            return
        if outcome.wrong:
            self.tries_left -= 1
            if self.tries_left <= 0:
                self._say("Three wrong passphrases.", problem=True)
                self.post_message(self.GaveUp(GAVE_UP))
                return
            left = self.tries_left
            self._say(f"That passphrase does not open it. {left} more tr{'y' if left == 1 else 'ies'}.", problem=True)
        else:
            self._say(outcome.problem, problem=True)
        field.focus()

    def action_give_up(self) -> None:
        if not self.busy:
            self.post_message(self.GaveUp("Not unlocked: Rebound did not open your data and changed nothing."))


class UnlockApp(App[Any]):
    """Rebound's first screen on encrypted data, before the store is opened (so before anything is
    read, locked or tidied). ``keyring`` holds the answer once it exits; ``why`` what to say if not."""

    TITLE = "Rebound"

    def __init__(self, data_dir: Path, theme: str = DEFAULT_THEME) -> None:
        super().__init__()
        self.data_dir = Path(data_dir)
        self.keyring: Keyring | None = None
        self.why = ""
        for t in THEMES:
            self.register_theme(t)
        self.theme = theme if theme in self.available_themes else DEFAULT_THEME

    def on_mount(self) -> None:
        self.push_screen(UnlockScreen(self.data_dir))

    @on(UnlockScreen.Unlocked)
    def _unlocked(self, event: UnlockScreen.Unlocked) -> None:
        self.keyring = event.keyring
        self.exit(return_code=0)

    @on(UnlockScreen.GaveUp)
    def _gave_up(self, event: UnlockScreen.GaveUp) -> None:
        self.why = event.why
        self.exit(return_code=2)


def unlock_in_terminal(data_dir: Path) -> tuple[Keyring | None, str]:
    """Run :class:`UnlockApp`: (the keys, "") or (None, what to say)."""
    app = UnlockApp(data_dir)
    app.run()
    return app.keyring, (app.why if app.keyring is None else "")
