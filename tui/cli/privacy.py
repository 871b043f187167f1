"""``rebound-tui encrypt``, ``decrypt`` and ``passphrase``: encryption at rest from the shell (no
Textual here). Each converts the folder in place and atomically (see :mod:`store.convert`), after a
backup of the previous form, and refuses while another Rebound has the data open."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.cli import unlock

OPEN_WITH_AGE = "age -d -i rebound.key.age rebound.json.age > rebound.json"


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    en = sub.add_parser("encrypt", help="encrypt the data folder with a passphrase (age format)")
    en.add_argument("--write-recovery-key", dest="recovery_to", metavar="FILE",
                    help="also write a recovery key to FILE (a new file outside the data folder; keep it elsewhere)")
    en.add_argument("--ssh-recipient", metavar="KEY.pub",
                    help="also encrypt to this SSH public key (open with: age -d -i ~/.ssh/id_ed25519 …)")
    en.add_argument("--remove-exports", action="store_true",
                    help="delete the plain-text exports in the data folder's exports/")
    en.add_argument("--passphrase-file", dest="passphrase_file", metavar="FILE",
                    help="read the new passphrase from FILE (mode 0600) instead of asking twice")
    en.add_argument("--data-dir", dest="sub_data_dir", metavar="DIR", help=argparse.SUPPRESS)

    de = sub.add_parser("decrypt", help="turn the encrypted data folder back into plain text")
    unlock.add_options(de, recovery=True)
    de.add_argument("--data-dir", dest="sub_data_dir", metavar="DIR", help=argparse.SUPPRESS)

    pa = sub.add_parser("passphrase", help="change the passphrase of the encrypted data (or write a recovery key)")
    unlock.add_options(pa)
    pa.add_argument("--new-passphrase-file", dest="new_passphrase_file", metavar="FILE",
                    help="read the new passphrase from FILE (mode 0600) instead of asking twice")
    pa.add_argument("--write-recovery-key", dest="recovery_to", metavar="FILE",
                    help="instead of changing the passphrase, write a new recovery key to FILE")
    pa.add_argument("--data-dir", dest="sub_data_dir", metavar="DIR", help=argparse.SUPPRESS)


def _say(text: str, *, err: bool = False) -> None:
    print(text, file=sys.stderr if err else sys.stdout)


def _open_writer(args: argparse.Namespace, data_dir: Path, keyring: object = None):  # -> Store | None
    from tui.cli import open_store_or_explain

    store = open_store_or_explain(args, data_dir, keyring=keyring)
    if store is None:
        return None
    if not store.holds_lock:
        _say(f"rebound-tui: {store.read_only_reason or 'the data is open read-only'} Nothing was changed.", err=True)
        store.close()
        return None
    return store


def _failed(what: str, exc: BaseException) -> int:
    from store.errors import CorruptDataError, SaveError

    why = exc.problem if isinstance(exc, CorruptDataError) else exc.reason if isinstance(exc, SaveError) else (
        getattr(exc, "strerror", None) or str(exc))
    _say(f"rebound-tui: not {what}: {why}. Your data is as it was.", err=True)
    return 1


def encrypt(args: argparse.Namespace, data_dir: Path) -> int:
    from store import convert
    from store.crypto import ssh_recipient
    from store.errors import CryptoError, StoreError
    from store.paths import is_encrypted

    if data_dir.is_dir() and is_encrypted(data_dir):
        _say(f"rebound-tui: the data in {data_dir} is encrypted already. To change the passphrase: "
             "rebound-tui passphrase", err=True)
        return 1
    ssh = None
    if args.ssh_recipient:
        try:
            ssh = ssh_recipient(Path(args.ssh_recipient).expanduser().read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, CryptoError) as exc:
            _say(f"rebound-tui: {args.ssh_recipient}: {getattr(exc, 'strerror', None) or exc}. Nothing was changed.",
                 err=True)
            return 2
    args.new_passphrase_file = args.passphrase_file
    passphrase = unlock.new_passphrase(args)
    if isinstance(passphrase, int):
        return passphrase
    store = _open_writer(args, data_dir)
    if store is None:
        return 2
    try:
        recovery = Path(args.recovery_to).expanduser() if args.recovery_to else None
        done = convert.encrypt(store, passphrase, recovery_to=recovery, ssh=ssh, remove_exports=args.remove_exports)
    except (StoreError, OSError) as exc:
        return _failed("encrypted", exc)
    finally:
        store.close()
    _say(f"Encrypted your data in {data_dir} (age format). Rebound asks for the passphrase when it starts.")
    if done.backup is not None:
        _say(f"The plain file as it was is kept, encrypted, as backups/{done.backup.name}.")
    _say(f"Without Rebound, in that folder: {OPEN_WITH_AGE}")
    for note in done.notes:
        _say(note)
    if recovery is None:
        _say("No recovery key: if you forget the passphrase, nobody can open your data. To write one: "
             "rebound-tui passphrase --write-recovery-key FILE")
    return 0


def decrypt(args: argparse.Namespace, data_dir: Path) -> int:
    from store import convert
    from store.errors import StoreError
    from store.paths import is_encrypted

    if not (data_dir.is_dir() and is_encrypted(data_dir)):
        _say(f"rebound-tui: the data in {data_dir} is not encrypted; nothing to do.", err=True)
        return 1
    keyring = unlock.keyring_for(args, data_dir, why="decrypt your data")
    if isinstance(keyring, int):
        return keyring
    store = _open_writer(args, data_dir, keyring)
    if store is None:
        return 2
    try:
        done = convert.decrypt(store)
    except (StoreError, OSError) as exc:
        return _failed("decrypted", exc)
    finally:
        store.close()
    _say(f"Decrypted your data in {data_dir}: it is plain TinyDB JSON again (rebound.json), backups too.")
    if done.backup is not None:
        _say(f"The data as it was is also kept as backups/{done.backup.name}.")
    for note in done.notes:
        _say(note)
    return 0


def passphrase(args: argparse.Namespace, data_dir: Path) -> int:
    from store import convert
    from store.errors import StoreError
    from store.paths import is_encrypted

    if not (data_dir.is_dir() and is_encrypted(data_dir)):
        _say(f"rebound-tui: the data in {data_dir} is not encrypted; to encrypt it: rebound-tui encrypt", err=True)
        return 1
    got = unlock.unlocked(args, data_dir, why="change it" if not args.recovery_to else "write a recovery key")
    if isinstance(got, int):
        return got
    current, keyring = got
    new: str | None = None
    if not args.recovery_to:
        chosen = unlock.new_passphrase(args)
        if isinstance(chosen, int):
            return chosen
        new = chosen
    store = _open_writer(args, data_dir, keyring)
    if store is None:
        return 2
    try:
        if new is None:
            done = convert.add_recovery_key(store, current, Path(args.recovery_to).expanduser())
        else:
            done = convert.change_passphrase(store, new)
    except (StoreError, OSError) as exc:
        return _failed("changed", exc)
    finally:
        store.close()
    if done.backup is not None:
        _say(f"Backed up the data first as backups/{done.backup.name}.")
    for note in done.notes:
        _say(note)
    return 0
