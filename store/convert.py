"""Encrypting and decrypting a data folder in place, changing its passphrase, adding a recovery key.

Each runs on an open :class:`~store.db.Store` that is the folder's one writer (it holds the lock, and
everything is saved first), so no other Rebound writes meanwhile. A conversion is crash-safe:

1. ``rebound.converting`` says which conversion is under way;
2. every new file is written beside the old ones (each atomically: temp file, fsync, replace):
   the key file, an encrypted (or plain) sibling of every backup, conflict or emergency copy and
   pending capture, then the backup of the data as it was (``pre-encrypt-…`` / ``pre-decrypt-…``,
   in the new form);
3. the new data file (``rebound.json.age`` or ``rebound.json``) is written: that is the commit;
4. the old forms are deleted (and the Today cache, which is derived), then the marker.

A crash before step 3 leaves the old data file, which is what the folder is (see
:func:`store.paths.is_encrypted`); a crash after it leaves the new one. The next writer to open the
folder finishes or undoes the rest (:func:`finish_interrupted`) without needing the passphrase.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import backups, logs
from .crypto import (
    Keyring,
    check_recovery_target,
    new_keyring,
    new_recovery_key,
    unlock,
    write_key_file,
    write_new_file,
)
from .errors import CryptoError, ReadOnlyError
from .paths import (
    AGE_SUFFIX,
    BACKUP_DIR,
    CACHE_DIR,
    CONVERT_MARKER,
    DATA_FILE,
    ENCRYPTED_FILE,
    EXPORT_DIR,
    KEY_FILE,
    TEMP_PREFIX,
    TEMP_SUFFIX,
    conversion_in_progress,
    is_encrypted,
)
from .storage import atomic_write_bytes, fsync_dir, parse_database

if TYPE_CHECKING:
    from .db import Store

PENDING_DIR = "pending"
TODAY_CACHE = "today.json"


@dataclass
class Converted:
    """What a conversion did: the new keys (None after a decrypt), the backup of the old form, and
    what the person should be told."""

    keyring: Keyring | None
    backup: Path | None
    notes: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- the files with personal text


def _sealed(path: Path) -> Path:
    return path.with_name(path.name + AGE_SUFFIX)


def _plain(path: Path) -> Path:
    return path.with_name(path.name.removesuffix(AGE_SUFFIX))


def _entries(folder: Path) -> Iterator[Path]:
    if folder.is_dir() and not folder.is_symlink():
        for p in sorted(folder.iterdir()):
            if p.is_file() and not p.is_symlink():
                yield p


def side_files(data_dir: Path, *, sealed: bool) -> list[Path]:
    """Rebound's files besides the data file that hold personal text, in one form: backups, conflict
    and emergency copies, captures kept in ``pending/``. (The Today cache is derived: deleted, not
    converted. The log never holds personal text.)"""
    data_dir = Path(data_dir)
    out = []
    candidates = [
        *(p for p in _entries(data_dir / BACKUP_DIR) if _plain(p).name.endswith(".json")),
        *(p for p in _entries(data_dir)
          if p.name.startswith(("rebound.conflict-", "rebound.emergency-")) and _plain(p).name.endswith(".json")),
        *(p for p in _entries(data_dir / PENDING_DIR) if _plain(p).name.endswith(".txt")),
    ]
    for p in candidates:
        if p.name.endswith(AGE_SUFFIX) == sealed:
            out.append(p)
    return out


def _unlink(path: Path) -> bool:
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    return True


def _sync(*folders: Path) -> None:
    for folder in folders:
        if folder.is_dir():
            try:
                fsync_dir(folder)
            except OSError as exc:
                logs.swallowed(exc, "fsync of a folder after a conversion")


def _folders(data_dir: Path) -> list[Path]:
    return [data_dir, data_dir / BACKUP_DIR, data_dir / PENDING_DIR, data_dir / CACHE_DIR]


def _mark(data_dir: Path, what: str) -> None:
    atomic_write_bytes(data_dir / CONVERT_MARKER, f"{what}\n".encode(), strict=True)


def _unmark(data_dir: Path) -> None:
    _unlink(data_dir / CONVERT_MARKER)
    _sync(data_dir)


# --------------------------------------------------------------------------- finishing a crashed one


def _drop_old_plain(data_dir: Path) -> int:
    """After an encrypt committed: the plaintext forms, wherever the encrypted one is in place."""
    n = 0
    for p in side_files(data_dir, sealed=False):
        if _sealed(p).exists():
            n += _unlink(p)
    n += _unlink(data_dir / DATA_FILE)
    _unlink(data_dir / CACHE_DIR / TODAY_CACHE)
    return n


def _drop_old_sealed(data_dir: Path) -> int:
    """After a decrypt committed: the encrypted forms, wherever the plain one is in place; the key."""
    n = 0
    for p in side_files(data_dir, sealed=True):
        if _plain(p).exists():
            n += _unlink(p)
    n += _unlink(data_dir / ENCRYPTED_FILE)
    _unlink(data_dir / CACHE_DIR / (TODAY_CACHE + AGE_SUFFIX))
    _unlink(data_dir / KEY_FILE)
    return n


def finish_interrupted(data_dir: Path) -> list[str]:
    """Finish (the new data file is in place) or undo (it isn't) an encrypt or decrypt that a crash
    interrupted. Only deletes files whose other form exists, so it needs no key. For a writer holding
    the lock. Returns what the person should be told."""
    data_dir = Path(data_dir)
    doing = conversion_in_progress(data_dir)
    if not doing:
        if (data_dir / CONVERT_MARKER).exists():
            _unlink(data_dir / CONVERT_MARKER)
        return []
    for folder in _folders(data_dir):  # the killed conversion's temp files (a decrypt's hold plain text)
        for p in _entries(folder):
            if p.name.startswith(TEMP_PREFIX) and p.name.endswith(TEMP_SUFFIX):
                _unlink(p)
    if doing == "encrypt":
        if (data_dir / ENCRYPTED_FILE).exists():
            _drop_old_plain(data_dir)
            note = "Finished encrypting your data (it was interrupted): the plain-text files are gone."
        else:
            for p in side_files(data_dir, sealed=True):
                if _plain(p).exists() or p.name.startswith("pre-encrypt-"):
                    _unlink(p)
            _unlink(data_dir / KEY_FILE)
            _unlink(data_dir / CACHE_DIR / (TODAY_CACHE + AGE_SUFFIX))
            note = "Encrypting your data was interrupted before it took effect; your data is as it was (not encrypted)."
    else:
        if (data_dir / DATA_FILE).exists():
            _drop_old_sealed(data_dir)
            note = "Finished decrypting your data (it was interrupted): it is now plain text."
        else:
            for p in side_files(data_dir, sealed=False):
                if _sealed(p).exists() or p.name.startswith("pre-decrypt-"):
                    _unlink(p)
            note = "Decrypting your data was interrupted before it took effect; it is still encrypted."
    _sync(*_folders(data_dir))
    _unmark(data_dir)
    return [note]


# --------------------------------------------------------------------------- converting


def _recover(store: Store, exc: BaseException, *, want_encrypted: bool, keyring: Keyring | None) -> list[str] | None:
    """A conversion failed part way (a full disk, a file that won't open): finish it if its new data
    file is in place, else undo it, at once. Returns the notes when it took effect after all; None
    when the folder is as it was (the caller raises)."""
    data_dir = store.data_dir
    try:
        notes = finish_interrupted(data_dir)
    except OSError as again:
        logs.swallowed(again, "tidying up after a failed conversion")
        return None
    if is_encrypted(data_dir) != want_encrypted:
        return None
    logs.swallowed(exc, "conversion took effect; tidying up failed and was finished again")
    store.converted(keyring)
    return notes


def _ready(store: Store) -> Path:
    """The folder, after checking the store may convert it (the one writer, everything saved)."""
    if not store.holds_lock:
        raise ReadOnlyError(store.read_only_reason or "Another Rebound has this data open; quit it first.")
    store.flush()
    return store.data_dir


def encrypt(store: Store, passphrase: str, *, recovery_to: Path | None = None, ssh: str | None = None,
            remove_exports: bool = False) -> Converted:
    """Encrypt the folder in place (see the module docstring), with a recovery key written to
    ``recovery_to`` (a new file outside the folder) and an SSH public key as recipients when given.
    The store follows the data to its new file. Raises :class:`CryptoError` (nothing changed)."""
    data_dir = _ready(store)
    if store.read_only:
        raise ReadOnlyError(store.read_only_reason or "This session is read-only.")
    if is_encrypted(data_dir):
        raise CryptoError("this data is encrypted already")
    if not passphrase:
        raise CryptoError("the passphrase is empty")
    plain_path = data_dir / DATA_FILE
    if plain_path.is_symlink():
        raise CryptoError(f"{plain_path} is a link to {os.path.realpath(plain_path)}; encrypting would leave that "
                          "file readable there. Move the data folder itself where you want it, then encrypt.")
    plain = plain_path.read_bytes() if plain_path.exists() else b""
    if plain:
        parse_database(plain, plain_path)  # never encrypt a damaged file over its backups' heads
    if recovery_to is not None:
        check_recovery_target(recovery_to, data_dir)
    keyring, recovery_text = new_keyring(recovery=recovery_to is not None, ssh=ssh)
    notes = []
    if recovery_to is not None and recovery_text is not None:
        write_new_file(Path(recovery_to).expanduser(), recovery_text)
        notes.append(f"Recovery key written to {recovery_to}. Keep it somewhere other than this folder: with it "
                     "alone anyone can open your data, and without it and your passphrase nobody can.")
    _mark(data_dir, "encrypt")
    backup = None
    try:
        write_key_file(data_dir, keyring, passphrase)
        for src in side_files(data_dir, sealed=False):
            atomic_write_bytes(_sealed(src), keyring.seal(src.read_bytes()))
        if plain:
            backup = backups.write_event_backup(data_dir, "pre-encrypt", keyring.seal(plain), encrypted=True)
        # the commit (no data yet: an empty TinyDB database, as `TinyDB(path)` writes one)
        atomic_write_bytes(data_dir / ENCRYPTED_FILE, keyring.seal(plain or b"{}"), strict=True)
        _drop_old_plain(data_dir)
    except BaseException as exc:
        recovered = _recover(store, exc, want_encrypted=True, keyring=keyring)
        if recovered is None:
            raise
        notes += recovered
    exports = sorted(p for p in _entries(data_dir / EXPORT_DIR))
    if exports and remove_exports:
        for p in exports:
            _unlink(p)
        notes.append(f"Deleted {len(exports)} plain-text export(s) from {data_dir / EXPORT_DIR}.")
    elif exports:
        notes.append(f"{data_dir / EXPORT_DIR} still holds {len(exports)} export(s) you made in plain text: they "
                     "are not encrypted. Delete them when you no longer need them.")
    _sync(*_folders(data_dir))
    _unmark(data_dir)
    store.converted(keyring)
    return Converted(keyring, backup, notes)


def decrypt(store: Store) -> Converted:
    """Decrypt the folder in place with the store's keys (the passphrase's, or a recovery or SSH
    key's): afterwards it is plain TinyDB JSON with no key file. Every encrypted file must open with
    the key; if one doesn't, nothing is changed and the error names it."""
    data_dir = _ready(store)
    keyring = store.keyring
    if not store.encrypted or keyring is None:
        raise CryptoError("this data is not encrypted")
    if (data_dir / DATA_FILE).exists():
        raise CryptoError(f"a plain {DATA_FILE} sits beside the encrypted data; move it out of the folder first")
    sealed_path = data_dir / ENCRYPTED_FILE
    try:
        plain = keyring.open(sealed_path.read_bytes()) if sealed_path.exists() else b""
    except CryptoError as exc:
        raise CryptoError(f"{sealed_path.name}: {exc}") from None
    if plain:
        parse_database(plain, sealed_path)
    _mark(data_dir, "decrypt")
    backup = None
    notes = ["Your data is plain text again: anyone who can read your files as you can read it. Recovery "
             "keys you wrote open nothing new from now on."]
    try:
        for src in side_files(data_dir, sealed=True):
            try:
                clear = keyring.open(src.read_bytes())
            except CryptoError as exc:
                raise CryptoError(f"{src} can't be opened with this key ({exc}). Nothing was changed; move that "
                                  "file out of the folder (it stays encrypted) and decrypt again.") from None
            atomic_write_bytes(_plain(src), clear)
        backup = backups.write_event_backup(data_dir, "pre-decrypt", plain, encrypted=False) if plain else None
        atomic_write_bytes(data_dir / DATA_FILE, plain, strict=True)  # the commit
        _drop_old_sealed(data_dir)
    except BaseException as exc:
        recovered = _recover(store, exc, want_encrypted=False, keyring=None)
        if recovered is None:
            raise
        notes += recovered
    _sync(*_folders(data_dir))
    _unmark(data_dir)
    store.converted(None)
    return Converted(None, backup, notes)


def change_passphrase(store: Store, new_passphrase: str) -> Converted:
    """A new passphrase for the data key (the key itself stays, so every backup still opens), after
    a backup of the data file. The key file is replaced atomically: the old passphrase or the new
    one works, never neither."""
    data_dir = _ready(store)
    keyring = store.keyring
    if not store.encrypted or keyring is None or not keyring.can_write:
        raise CryptoError("unlock with your current passphrase to change it")
    backup = backups.snapshot(data_dir, "pre-passphrase")
    write_key_file(data_dir, keyring, new_passphrase)
    return Converted(keyring, backup, ["Passphrase changed. It wraps the same data key: if someone may have a copy "
                                       "of your folder and knows the old passphrase, decrypt and encrypt again "
                                       "(that makes a new key)."])


def add_recovery_key(store: Store, passphrase: str, target: Path) -> Converted:
    """Write a new recovery key to ``target`` (a new file outside the folder) and encrypt the data to
    it from now on (it replaces an earlier recovery key for new saves; earlier backups open with the
    earlier one). ``passphrase`` is checked and re-wraps the key file."""
    data_dir = _ready(store)
    keyring = store.keyring
    if not store.encrypted or keyring is None or not keyring.can_write:
        raise CryptoError("unlock with your passphrase first")
    unlock(data_dir, passphrase)  # the passphrase re-wraps the key file: it must be the right one
    check_recovery_target(target, data_dir)
    public, text = new_recovery_key()
    write_new_file(Path(target).expanduser(), text)
    updated = keyring.with_recipient("recovery", public)
    write_key_file(data_dir, updated, passphrase)
    store.storage.unlock(updated)
    store.storage.flush(force=True)  # the data file, encrypted to the new key too
    return Converted(updated, None, [f"Recovery key written to {target}. Keep it somewhere other than this folder: "
                                     "with it alone anyone can open your data."])

