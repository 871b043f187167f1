"""Rotating snapshots of the data file in ``<data dir>/backups/``.

* ``daily-YYYY-MM-DD.json``: the file as it was when first opened that day; the last 7 are kept.
* ``pre-migrate-v<N>-<stamp>.json``, ``pre-repair-<stamp>.json`` and ``pre-restore-<stamp>.json``:
  taken before a migration, a repair of a hand-edited file's records, or a restore; the last 10 of
  each are kept. ``pre-encrypt-``, ``pre-decrypt-`` and ``pre-passphrase-`` are taken before the
  folder is encrypted, decrypted or given a new passphrase (:mod:`store.convert`).

In an encrypted folder every backup is the encrypted file as it was (``….json.age``): a backup is a
copy of the data file's bytes, so it needs no key to take and the same key to open.

Every backup is written atomically with mode 0600 and verified to parse before it counts.
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from . import clock
from .errors import CorruptDataError, CryptoError
from .paths import AGE_SUFFIX, BACKUP_DIR, data_file
from .storage import atomic_write_bytes, parse_database

if TYPE_CHECKING:
    from .crypto import Keyring

DAILY_KEEP = 7
EVENT_KEEP = 10
_NAME_RE = re.compile(r"^(daily|pre-migrate-v\d+|pre-repair|pre-restore|pre-doctor|pre-encrypt|pre-decrypt|"
                      r"pre-passphrase|manual)-(.+?)\.json(\.age)?$")


@dataclass
class BackupInfo:
    path: Path
    kind: str
    size: int
    modified: datetime

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def encrypted(self) -> bool:
        return self.path.name.endswith(AGE_SUFFIX)


def backup_dir(data_dir: Path) -> Path:
    d = Path(data_dir) / BACKUP_DIR
    if not d.exists():
        d.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(d, 0o700)
    return d


def list_backups(data_dir: Path) -> list[BackupInfo]:
    """Newest first."""
    d = Path(data_dir) / BACKUP_DIR
    if not d.is_dir():
        return []
    out = []
    for p in d.iterdir():
        m = _NAME_RE.match(p.name)
        if not m or not p.is_file():
            continue
        st = p.stat()
        out.append(BackupInfo(p, m.group(1), st.st_size, datetime.fromtimestamp(st.st_mtime)))
    out.sort(key=lambda b: (b.modified, b.name), reverse=True)
    return out


#: What :func:`is_valid` says of an encrypted backup it was given no key for.
NEEDS_KEY = "encrypted: unlock to check it"


def read_plain(path: Path, keyring: Keyring | None) -> bytes:
    """A backup's (or data file's) plaintext: decrypted with ``keyring`` when it is an age file.
    Raises :class:`CorruptDataError` (``NEEDS_KEY`` without a key) or ``OSError``."""
    path = Path(path)
    raw = path.read_bytes()
    if not path.name.endswith(AGE_SUFFIX):
        return raw
    if keyring is None:
        raise CorruptDataError(path, NEEDS_KEY)
    try:
        return keyring.open(raw)
    except CryptoError as exc:
        raise CorruptDataError(path, str(exc)) from None


def is_valid(path: Path, keyring: Keyring | None = None) -> str | None:
    """None if the file parses as Rebound data (decrypted with ``keyring`` when it is encrypted),
    else what is wrong."""
    try:
        parse_database(read_plain(path, keyring), Path(path))
    except CorruptDataError as exc:
        return exc.problem
    except OSError as exc:
        return exc.strerror or str(exc)
    return None


def newest_valid(data_dir: Path, keyring: Keyring | None = None) -> BackupInfo | None:
    for b in list_backups(data_dir):
        if is_valid(b.path, keyring) is None:
            return b
    return None


def _write_backup(data_dir: Path, name: str, payload: bytes | list[bytes]) -> Path:
    target = backup_dir(data_dir) / name
    atomic_write_bytes(target, payload)
    return target


def snapshot(data_dir: Path, kind: str) -> Path | None:
    """Copy the current data file to a ``<kind>-<stamp>.json`` backup (``.json.age`` when the folder
    is encrypted). None if there is no file."""
    src = data_file(data_dir)
    if not src.exists():
        return None
    return write_event_backup(data_dir, kind, src.read_bytes(), encrypted=src.name.endswith(AGE_SUFFIX))


def write_event_backup(data_dir: Path, kind: str, payload: bytes, *, encrypted: bool) -> Path:
    """``payload`` (the data file's bytes, encrypted or not, as named) as a ``<kind>-<stamp>`` backup."""
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    suffix = ".json" + (AGE_SUFFIX if encrypted else "")
    name = f"{kind}-{stamp}{suffix}"
    n = 1
    while (backup_dir(data_dir) / name).exists():
        n += 1
        name = f"{kind}-{stamp}-{n}{suffix}"
    path = _write_backup(data_dir, name, payload)
    _rotate(data_dir, kind, EVENT_KEEP)
    return path


def daily_due(data_dir: Path) -> bool:
    """True when the data file exists and today's backup has not been taken yet."""
    if not data_file(data_dir).exists():
        return False
    target = Path(data_dir) / BACKUP_DIR / f"daily-{clock.today().isoformat()}.json"
    return not (target.exists() or Path(f"{target}{AGE_SUFFIX}").exists())


def daily(data_dir: Path, payload: bytes | list[bytes] | None = None) -> Path | None:
    """Take today's backup if there is none yet (the file as first opened today): ``payload`` is
    that file's bytes as read then, or the pieces they join to (the store keeps them, so the backup can
    be written after the first frame and still be the file as opened, whatever was saved since); None
    reads the file now."""
    src = data_file(data_dir)
    if not daily_due(data_dir):
        return None
    name = f"daily-{clock.today().isoformat()}.json"
    if src.name.endswith(AGE_SUFFIX):
        name += AGE_SUFFIX
    path = _write_backup(data_dir, name, src.read_bytes() if payload is None else payload)
    _rotate(data_dir, "daily", DAILY_KEEP)
    return path


def _rotate(data_dir: Path, kind: str, keep: int) -> None:
    """Keep the newest ``keep`` backups of ``kind``. A backup and its other form (``x.json`` and
    ``x.json.age``, both present while the folder is being encrypted or decrypted) count as one and
    go together: deleting one form alone could leave the other behind in the wrong form."""
    same = [b for b in list_backups(data_dir) if b.kind == kind or b.kind.startswith(kind)]
    names = sorted({b.name.removesuffix(AGE_SUFFIX) for b in same}, reverse=True)
    old = set(names[keep:])
    for b in same:
        if b.name.removesuffix(AGE_SUFFIX) in old:
            with contextlib.suppress(OSError):
                b.path.unlink()


def last_backup(data_dir: Path) -> BackupInfo | None:
    items = list_backups(data_dir)
    return items[0] if items else None
