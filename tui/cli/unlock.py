"""Unlocking an encrypted folder from the command line (no Textual here).

The passphrase comes from the terminal (``getpass``: not echoed, three tries) or from
``--passphrase-file FILE``, a file only you can read (0600, yours; anything looser is refused). Never
from an option's value, the environment or a pipe on standard input: those end up in shell history,
``ps``, ``/proc/*/environ`` and logs. Nothing here prints or logs a passphrase.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from store.crypto import Keyring

TRIES = 3
#: What a subcommand says when the folder is encrypted and it can't ask.
NO_TERMINAL = ("the data is encrypted and there is no terminal to ask for the passphrase; give "
               "--passphrase-file FILE (a file only you can read: chmod 600 FILE)")


def add_options(parser: argparse.ArgumentParser, *, recovery: bool = False) -> None:
    """``--passphrase-file`` (and ``--recovery-key`` where a read-only key is enough)."""
    parser.add_argument("--passphrase-file", dest="passphrase_file", metavar="FILE",
                        help="read the passphrase of encrypted data from FILE (mode 0600), instead of asking")
    if recovery:
        parser.add_argument("--recovery-key", dest="recovery_key", metavar="FILE",
                            help="open encrypted data with a recovery key file (or an SSH private key)")


def _say(text: str) -> None:
    print(f"rebound-tui: {text}", file=sys.stderr)


def is_tty() -> bool:
    try:
        return sys.stdin.isatty() and sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def ask(prompt: str) -> str:
    """A passphrase typed at the terminal, not echoed ("" on ctrl+c or end of input)."""
    try:
        return getpass.getpass(prompt)
    except (EOFError, KeyboardInterrupt):
        print(file=sys.stderr)
        return ""


def passphrase_file(args: argparse.Namespace) -> str | None:
    return getattr(args, "passphrase_file", None) or getattr(args, "main_passphrase_file", None)


def keyring_for(args: argparse.Namespace, data_dir: Path, *, why: str = "open your data") -> Keyring | int:
    """The keys of an encrypted folder: from ``--recovery-key``, ``--passphrase-file``, or up to three
    tries at the terminal. An exit code (after one line saying why) when there are none. Reads only
    the key file: a wrong passphrase changes nothing."""
    from store import crypto
    from store.errors import CryptoError

    recovery = getattr(args, "recovery_key", None)
    if recovery:
        try:
            return crypto.identity_keyring(Path(recovery))
        except CryptoError as exc:
            _say(f"{exc}.")
            return 2
    got = unlocked(args, data_dir, why=why)
    return got if isinstance(got, int) else got[1]


def unlocked(args: argparse.Namespace, data_dir: Path, *, why: str) -> tuple[str, Keyring] | int:
    """(the passphrase, the keys) from ``--passphrase-file`` or the terminal (three tries), or an
    exit code after one line saying why."""
    from store import crypto
    from store.errors import CryptoError, WrongPassphraseError

    source = passphrase_file(args)
    if source:
        try:
            passphrase = crypto.passphrase_from_file(Path(source))
            return passphrase, crypto.unlock(data_dir, passphrase)
        except WrongPassphraseError:
            _say(f"the passphrase in {source} does not open the data in {data_dir}; nothing was changed.")
            return 2
        except CryptoError as exc:
            _say(f"{exc}.")
            return 2
    if not is_tty():
        _say(f"{NO_TERMINAL}.")
        return 2
    for attempt in range(1, TRIES + 1):
        passphrase = ask(f"Passphrase to {why} ({data_dir}): ")
        if not passphrase:
            _say("no passphrase given; nothing was changed.")
            return 2
        try:
            return passphrase, crypto.unlock(data_dir, passphrase)
        except WrongPassphraseError:
            left = TRIES - attempt
            print("That passphrase does not open it." + (f" {left} more tr{'y' if left == 1 else 'ies'}."
                                                         if left else ""), file=sys.stderr)
        except CryptoError as exc:
            _say(f"{exc}.")
            return 2
    _say("three wrong passphrases; nothing was read or changed. If it is lost, a recovery key opens the data: "
         "rebound-tui decrypt --recovery-key FILE")
    return 2


def new_passphrase(args: argparse.Namespace) -> str | int:
    """A new passphrase: from ``--new-passphrase-file``, or typed twice at the terminal."""
    from store import crypto
    from store.errors import CryptoError

    source = getattr(args, "new_passphrase_file", None)
    if source:
        try:
            return crypto.passphrase_from_file(Path(source))
        except CryptoError as exc:
            _say(f"{exc}.")
            return 2
    if not is_tty():
        _say("no terminal to type the new passphrase; give --new-passphrase-file FILE (chmod 600 FILE).")
        return 2
    print("Choose a passphrase: several words you will remember are stronger than a short, odd one.\n"
          "If you lose it (and have no recovery key), nobody can open your data, not even Rebound.",
          file=sys.stderr)
    first = ask("New passphrase: ")
    if not first:
        _say("no passphrase given; nothing was changed.")
        return 2
    if ask("The same again: ") != first:
        _say("the two passphrases differ; nothing was changed.")
        return 2
    return first
