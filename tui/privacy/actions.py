"""Settings › Privacy in plain Python (no Textual): what the folder's protection is, and encrypting,
decrypting, changing the passphrase, writing a recovery key and the idle lock, through the store
(:mod:`store.convert`). Each verb checks the passphrase it is given first and returns a
:class:`Done` saying what happened, in words for the person; none raises for a wrong passphrase,
a refused file or a full disk."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from store import convert, crypto, logs
from store.errors import CorruptDataError, CryptoError, SaveError, StoreError, WrongPassphraseError

if TYPE_CHECKING:
    from store.db import Store

#: ``app.write``: runs a store change, True when it took effect.
Write = Callable[..., bool]
IDLE_MAX = 240
OPEN_WITH_AGE = "age -d -i rebound.key.age rebound.json.age > rebound.json"


@dataclass(frozen=True)
class Done:
    """The outcome of a privacy verb: ``ok``, and what to tell the person."""

    ok: bool
    message: str


def _why(exc: BaseException) -> str:
    if isinstance(exc, CorruptDataError):
        return exc.problem
    if isinstance(exc, SaveError):
        return exc.reason
    return getattr(exc, "strerror", None) or str(exc)


def check_idle_minutes(text: str) -> tuple[int | None, str]:
    """(minutes, "") or (None, what is accepted)."""
    raw = text.strip()
    if not raw:
        return 0, ""
    try:
        value = int(raw)
    except ValueError:
        return None, f"A whole number of minutes, 0 (never) to {IDLE_MAX}."
    if not 0 <= value <= IDLE_MAX:
        return None, f"Use 0 (never) to {IDLE_MAX} minutes."
    return value, ""


class PrivacyActions:
    """The verbs of Settings › Privacy over one open store."""

    def __init__(self, store: Store, write: Write) -> None:
        self.store = store
        self.write = write

    def status(self) -> list[str]:
        """What protects the data now, one line each."""
        store = self.store
        if not store.encrypted:
            return ["Encryption: off. Your data is plain JSON in a folder only you can read (0700/0600); "
                    "anyone who can read your files as you (or as root), or a copy of them, can read it.",
                    "Encrypting it asks for a passphrase when Rebound starts; the standard age tool can always "
                    "open it without Rebound."]
        keyring = store.keyring
        extras = []
        if keyring is not None and keyring.has("recovery"):
            extras.append("a recovery key")
        if keyring is not None and keyring.has("ssh"):
            extras.append("an SSH key")
        minutes = store.settings.current().idle_lock_minutes
        return [
            "Encryption: on (age). Opened by your passphrase" + (f" or {' or '.join(extras)}." if extras else
                                                                 "; no recovery key yet."),
            f"Without Rebound, in the data folder: {OPEN_WITH_AGE}",
            f"Idle lock: after {minutes} minute{'s' if minutes != 1 else ''} without a key." if minutes
            else "Idle lock: off.",
        ]

    def _passphrase_ok(self, passphrase: str) -> Done | None:
        """None when ``passphrase`` opens this folder's key; else what to say."""
        try:
            crypto.unlock(self.store.data_dir, passphrase)
        except WrongPassphraseError:
            return Done(False, "That passphrase does not open this data; nothing was changed.")
        except CryptoError as exc:
            return Done(False, f"Nothing was changed: {exc}.")
        return None

    def encrypt(self, passphrase: str, recovery_to: str = "") -> Done:
        if not passphrase:
            return Done(False, "Type a passphrase first; nothing was changed.")
        target = Path(recovery_to).expanduser() if recovery_to.strip() else None
        try:
            done = convert.encrypt(self.store, passphrase, recovery_to=target)
        except (StoreError, OSError) as exc:
            logs.swallowed(exc, "encrypting from Settings")
            return Done(False, f"Not encrypted: {_why(exc)}. Your data is as it was.")
        lines = ["Encrypted (age). Rebound asks for the passphrase when it starts.", *done.notes]
        if target is None:
            lines.append("No recovery key: if you forget the passphrase, nobody can open your data. You can "
                         "write one here any time.")
        return Done(True, " ".join(lines))

    def decrypt(self, passphrase: str) -> Done:
        refused = self._passphrase_ok(passphrase)
        if refused is not None:
            return refused
        try:
            done = convert.decrypt(self.store)
        except (StoreError, OSError) as exc:
            logs.swallowed(exc, "decrypting from Settings")
            return Done(False, f"Not decrypted: {_why(exc)}. Your data is as it was.")
        return Done(True, " ".join(["Decrypted: your data is plain TinyDB JSON again.", *done.notes]))

    def change_passphrase(self, current: str, new: str) -> Done:
        if not new:
            return Done(False, "Type the new passphrase; nothing was changed.")
        refused = self._passphrase_ok(current)
        if refused is not None:
            return refused
        try:
            done = convert.change_passphrase(self.store, new)
        except (StoreError, OSError) as exc:
            logs.swallowed(exc, "changing the passphrase from Settings")
            return Done(False, f"Passphrase not changed: {_why(exc)}.")
        return Done(True, " ".join(done.notes))

    def write_recovery_key(self, passphrase: str, target: str) -> Done:
        if not target.strip():
            return Done(False, "Say where to write the recovery key (a new file outside the data folder).")
        refused = self._passphrase_ok(passphrase)
        if refused is not None:
            return refused
        try:
            done = convert.add_recovery_key(self.store, passphrase, Path(target).expanduser())
        except (StoreError, OSError) as exc:
            logs.swallowed(exc, "writing a recovery key from Settings")
            return Done(False, f"No recovery key written: {_why(exc)}.")
        return Done(True, " ".join(done.notes))

    def set_idle_minutes(self, minutes: int) -> bool:
        if self.store.settings.current().idle_lock_minutes == minutes:
            return True
        return self.write(self.store.settings.update, idle_lock_minutes=minutes)
