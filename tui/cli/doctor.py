"""``rebound-tui doctor`` and ``backup``: check the data, list backups, restore one. No Textual.

An encrypted folder is checked as far as its keys allow: without the passphrase, that each file is an
age file and the key is there; with it (asked at a terminal, or ``--passphrase-file``), everything,
as for a plain folder. Restoring an encrypted backup needs the passphrase; what is restored into an
encrypted folder is encrypted again to the folder's current keys.
"""

from __future__ import annotations

import argparse
import functools
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from store import backups, logs, shapes
from store.errors import CorruptDataError, SaveError
from store.lock import DirLock
from store.migrations import SCHEMA_VERSION, record_problems, schema_version
from store.paths import (
    DATA_FILE,
    ENCRYPTED_FILE,
    KEY_FILE,
    LOCK_FILE,
    DataDirError,
    check_data_dir,
    conversion_in_progress,
    data_file,
    foreign_entries,
    has_rebound_data,
    is_encrypted,
    listed,
)
from store.storage import atomic_write_bytes, parse_database

if TYPE_CHECKING:
    from store.crypto import Keyring


def _mode(path: Path) -> str:
    try:
        return f"{stat.S_IMODE(path.stat().st_mode):04o}"
    except OSError:
        return "?"


def _why(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def run(args: argparse.Namespace, data_dir: Path) -> int:
    """``rebound-tui doctor``: for an encrypted folder, unlock first when there is a way to (a restore
    needs it; a check asks at a terminal and goes on without it on an empty answer)."""
    from tui.cli import unlock

    keyring: Keyring | None = None
    if data_dir.is_dir() and is_encrypted(data_dir):
        if args.restore or unlock.passphrase_file(args):
            got = unlock.keyring_for(args, data_dir, why="check and restore it")
            if isinstance(got, int):
                return got
            keyring = got
        elif unlock.is_tty():
            keyring = _ask_once(data_dir)
    return doctor(data_dir, restore=args.restore, keyring=keyring)


def _ask_once(data_dir: Path) -> Keyring | None:
    from store import crypto
    from store.errors import CryptoError, WrongPassphraseError
    from tui.cli import unlock

    passphrase = unlock.ask("The data is encrypted. Passphrase to check it too (enter to skip): ")
    if not passphrase:
        return None
    try:
        return crypto.unlock(data_dir, passphrase)
    except WrongPassphraseError:
        print("That passphrase does not open it; checking what can be checked without it.")
    except CryptoError as exc:
        print(f"Could not unlock ({exc}); checking what can be checked without it.")
    return None


def doctor(data_dir: Path, restore: str | None = None, keyring: Keyring | None = None) -> int:
    """Check the data folder. Each part reports its own fault in one line (an unreadable file, a
    lock or backups folder that isn't what it should be) and the others still run."""
    if restore:
        return do_restore(data_dir, restore, keyring)
    if not os.path.lexists(data_dir):
        print(f"Data folder: {data_dir} does not exist; nothing was created. Check --data-dir for a typo; "
              "Rebound creates the folder the first time you run rebound-tui.")
        return 1
    if not data_dir.is_dir():
        print(f"Data folder: {data_dir} is a file, not a folder; nothing was changed. Give --data-dir the "
              "folder that holds rebound.json.")
        return 1
    print(f"Data folder: {data_dir} (mode {_mode(data_dir)})")
    ok = True
    try:
        foreign = [] if has_rebound_data(data_dir) else foreign_entries(data_dir)
    except OSError:
        foreign = []
    if foreign:
        print(f"  Note:      it holds files that aren't Rebound's ({listed(foreign)}) and no Rebound data; "
              "is --data-dir right?")
    parts = (functools.partial(_check_data_file, keyring=keyring), _check_encryption, _check_lock, _check_log,
             functools.partial(_check_backups, keyring=keyring))
    for part in parts:
        try:
            ok = part(data_dir) and ok
        except OSError as exc:
            ok = False
            print(f"  PROBLEM:   {getattr(part, 'func', part).__doc__ or 'a check'} failed: {_why(exc)} "
                  f"({exc.filename or data_dir})")
    return 0 if ok else 1


def _check_data_file(data_dir: Path, keyring: Keyring | None = None) -> bool:
    """reading the data file"""
    from store import backups
    from store.crypto import looks_like_age

    path = data_file(data_dir)
    if not path.exists():
        print(f"Data file:   {path} — not created yet (it appears with the first change).")
        return True
    size = path.stat().st_size
    if size == 0:
        print(f"Data file:   {path} (0 bytes) — empty: Rebound starts a new database in it.")
        return True
    sealed = path.name == ENCRYPTED_FILE
    if sealed and keyring is None:
        with open(path, "rb") as fh:
            head = fh.read(64)
        if not looks_like_age(head):
            print(f"Data file:   {path} ({size:,} bytes)")
            print("  PROBLEM:   it is not an age-encrypted file (damaged?). Restore the newest good backup with: "
                  f"rebound-tui doctor --restore latest --data-dir {data_dir}")
            return False
        print(f"Data file:   {path} ({size:,} bytes, mode {_mode(path)}) — encrypted (age); give the passphrase "
              "to check what it holds (at a terminal, or --passphrase-file FILE)")
        return True
    try:
        data = parse_database(backups.read_plain(path, keyring), path)
    except CorruptDataError as exc:
        print(f"Data file:   {path} ({size:,} bytes, mode {_mode(path)})")
        print(f"  PROBLEM:   {exc.problem}")
        print("  Restore the newest good backup with: rebound-tui doctor --restore latest"
              + (f" --data-dir {data_dir}" if data_dir else ""))
        return False
    version = schema_version(data)
    problems = shapes.problems_in_data(data)
    state = "OK" if not problems else "readable, but see the problems below"
    print(f"Data file:   {path} ({size:,} bytes, mode {_mode(path)}{', encrypted' if sealed else ''}) — {state}, "
          f"schema {version}"
          + (" (newer than this Rebound!)" if version > SCHEMA_VERSION else ""))
    counts = ", ".join(f"{len(t):,} {name}" for name, t in sorted(data.items())
                       if name not in ("meta", "_rebound"))
    print(f"  Records:   {counts or 'none'}")
    for problem in record_problems(data):  # a hand edit or a sync tool's merge
        print(f"  Found:     {problem} (Rebound gives each record its own id when it opens the file, "
              "after a backup)")
    if _mode(path) not in ("0600", "?"):
        print("  Note:      the file is readable by others; Rebound tightens it to 0600 when it opens.")
    if problems:
        _print_shape_problems(problems)
    return not problems


#: How many shape problems doctor lists one by one.
SHAPE_LIMIT = 50


def _print_shape_problems(problems: list[shapes.ShapeProblem]) -> None:
    """Values of the wrong type (a hand edit, another program): field, record and what was wrong."""
    print(f"  PROBLEM:   {len(problems):,} value(s) of the wrong type. Rebound reads them leniently (as "
          "said after each one) and the file changes only when you edit those records; to fix them, "
          "edit the file by hand or restore a backup.")
    for problem in problems[:SHAPE_LIMIT]:
        print(f"    {problem.describe()}")
    if len(problems) > SHAPE_LIMIT:
        print(f"    … and {len(problems) - SHAPE_LIMIT:,} more")


def _check_encryption(data_dir: Path) -> bool:
    """checking the encryption"""
    doing = conversion_in_progress(data_dir)
    if doing:
        print(f"Encryption:  PROBLEM: a {doing} was interrupted; the next start of Rebound (or rebound-tui "
              f"{doing}) finishes or undoes it, without losing anything.")
    if not is_encrypted(data_dir):
        if not doing:
            print("Encryption:  off (plain TinyDB JSON, protected by file modes; rebound-tui encrypt turns it on)")
        return not doing
    key = data_dir / KEY_FILE
    if not key.exists():
        print(f"Encryption:  on (age), but the key file {key} is MISSING: the passphrase opens nothing. A recovery "
              "key still opens the data: rebound-tui decrypt --recovery-key FILE")
        return False
    print(f"Encryption:  on (age); key {key.name} (mode {_mode(key)}). Without Rebound: "
          "age -d -i rebound.key.age rebound.json.age")
    if (data_dir / DATA_FILE).exists() and not doing:
        print(f"  Note:      a plain {DATA_FILE} sits beside the encrypted data; Rebound ignores it. Move it out "
              "of the folder (or delete it) when you have checked what it holds.")
    return not doing


def _check_lock(data_dir: Path) -> bool:
    """checking the lock"""
    if not (data_dir / LOCK_FILE).exists():
        return True
    lock = DirLock(data_dir / LOCK_FILE)
    if lock.acquire():
        lock.release()
        print("Lock:        free (no Rebound has this data open)")
    else:
        print(f"Lock:        held by {lock.holder().describe(detail=True)}")
    return True


def _check_log(data_dir: Path) -> bool:
    """reading the log"""
    problems = logs.last_errors(data_dir, limit=5)
    if problems:
        print(f"Log:         last {len(problems)} problem(s) in {data_dir / logs.LOG_NAME} (newest last)")
        for line in problems:
            print(f"  {line}")
    return True


def _check_backups(data_dir: Path, keyring: Keyring | None = None) -> bool:
    """listing the backups"""
    folder = data_dir / "backups"
    if folder.exists() and not folder.is_dir():
        print(f"Backups:     PROBLEM: {folder} is not a folder, so no backups can be kept. Move it aside.")
        return False
    items = backups.list_backups(data_dir)
    print(f"Backups:     {len(items)} in {folder}")
    for b in items:
        problem = backups.is_valid(b.path, keyring)
        state = ("ok" + (", encrypted" if b.encrypted else "") if problem is None else "encrypted"
                 if problem == backups.NEEDS_KEY else f"DAMAGED: {problem}")
        print(f"  {b.name:<42} {b.size:>12,} bytes  {b.modified:%Y-%m-%d %H:%M}  {state}")
    return True


def _pick_backup(data_dir: Path, which: str, keyring: Keyring | None) -> Path | None:
    if which == "latest":
        good = backups.newest_valid(data_dir, keyring)
        return good.path if good else None
    candidate = Path(which).expanduser()
    if not candidate.exists():
        candidate = data_dir / "backups" / which
    return candidate if candidate.exists() else None


def do_restore(data_dir: Path, which: str, keyring: Keyring | None = None) -> int:
    src = _pick_backup(data_dir, which, keyring)
    if src is None:
        print(f"rebound-tui: no backup found for {which!r}. See: rebound-tui doctor")
        return 1
    if not src.is_file():  # a pipe or a device would block or never end
        print(f"rebound-tui: {src} is not a regular file; not restoring it.")
        return 1
    encrypted = data_dir.is_dir() and is_encrypted(data_dir)
    if src.name.endswith(".age") and not encrypted:
        print(f"rebound-tui: {src.name} is encrypted and this folder isn't; not restoring it. Decrypt it first "
              f"(age -d -i YOUR-KEY {src} > restored.json), then: rebound-tui doctor --restore restored.json")
        return 1
    if encrypted and (keyring is None or not keyring.can_write):
        print("rebound-tui: restoring into encrypted data needs your passphrase; nothing was changed.")
        return 1
    problem = backups.is_valid(src, keyring)
    if problem:
        print(f"rebound-tui: {src} is damaged ({problem}); not restoring it.")
        return 1
    lock = DirLock(data_dir / LOCK_FILE)
    try:
        check_data_dir(data_dir)
    except DataDirError as exc:
        print(f"rebound-tui: {exc}")
        return 1
    try:
        if not lock.acquire():  # (creates the folder, 0700, when there is none)
            print(f"rebound-tui: {lock.holder().describe()} has this data open. Quit it first, then restore.")
            return 1
    except OSError as exc:
        print(f"rebound-tui: can't restore, nothing changed: {_why(exc)} ({exc.filename or data_dir}).")
        return 1
    target = data_dir / (ENCRYPTED_FILE if encrypted else DATA_FILE)
    try:
        payload = src.read_bytes()
        if keyring is not None and encrypted:  # encrypted again, to the folder's keys as they are now
            payload = keyring.seal(backups.read_plain(src, keyring))
        kept = backups.snapshot(data_dir, "pre-restore")
        atomic_write_bytes(target, payload)
    except (OSError, SaveError, CorruptDataError) as exc:
        print(f"rebound-tui: restore failed, nothing changed: {getattr(exc, 'strerror', None) or exc}")
        return 1
    finally:
        lock.release()
    print(f"Restored {src.name} into {target}.")
    if kept:
        print(f"The file it replaced is kept as {kept}.")
    return 0


def backup(data_dir: Path) -> int:
    """Take a snapshot now (named ``manual-…``). It reads the data file only, so it works while the app
    has the data open; a fault is one line and exit 1, never a traceback."""
    from store.crypto import looks_like_age

    path = data_file(data_dir)
    try:
        if not path.exists():
            print("Nothing to back up yet.")
            return 0
        raw = path.read_bytes()
        if path.name == ENCRYPTED_FILE:  # copied as it is, encrypted: no passphrase needed
            if not looks_like_age(raw):
                raise CorruptDataError(path, "it is not an age-encrypted file")
        else:
            parse_database(raw, path)
    except CorruptDataError as exc:
        print(f"rebound-tui: the data file is damaged ({exc.problem}); not backing it up over good copies.")
        return 1
    except OSError as exc:
        print(f"rebound-tui: can't read {exc.filename or path}: {_why(exc)}; no backup taken.")
        return 1
    try:
        made = backups.snapshot(data_dir, "manual")
    except (OSError, SaveError) as exc:
        print(f"rebound-tui: backup failed, nothing changed: {getattr(exc, 'strerror', None) or exc}.")
        return 1
    print(f"Backed up to {made}")
    return 0
