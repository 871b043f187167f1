"""Rotating snapshots of the data file in ``<data dir>/backups/``.

* ``daily-YYYY-MM-DD.json``: the file as it was when first opened that day; the last 7 are kept.
* ``pre-migrate-v<N>-<stamp>.json``, ``pre-repair-<stamp>.json`` and ``pre-restore-<stamp>.json``:
  taken before a migration, a repair of a hand-edited file's records, or a restore; the last 10 of
  each are kept.

Every backup is written atomically with mode 0600 and verified to parse before it counts.
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from . import clock
from .errors import CorruptDataError
from .paths import BACKUP_DIR, DATA_FILE
from .storage import atomic_write_bytes, parse_database

DAILY_KEEP = 7
EVENT_KEEP = 10
_NAME_RE = re.compile(r"^(daily|pre-migrate-v\d+|pre-repair|pre-restore|pre-doctor|manual)-(.+)\.json$")


@dataclass
class BackupInfo:
    path: Path
    kind: str
    size: int
    modified: datetime

    @property
    def name(self) -> str:
        return self.path.name


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


def is_valid(path: Path) -> str | None:
    """None if the file parses as Rebound data, else what is wrong."""
    try:
        parse_database(Path(path).read_bytes(), Path(path))
    except CorruptDataError as exc:
        return exc.problem
    except OSError as exc:
        return exc.strerror or str(exc)
    return None


def newest_valid(data_dir: Path) -> BackupInfo | None:
    for b in list_backups(data_dir):
        if is_valid(b.path) is None:
            return b
    return None


def _write_backup(data_dir: Path, name: str, payload: bytes) -> Path:
    target = backup_dir(data_dir) / name
    atomic_write_bytes(target, payload)
    return target


def snapshot(data_dir: Path, kind: str) -> Path | None:
    """Copy the current data file to a ``<kind>-<stamp>.json`` backup. None if there is no file."""
    src = Path(data_dir) / DATA_FILE
    if not src.exists():
        return None
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    name = f"{kind}-{stamp}.json"
    n = 1
    while (backup_dir(data_dir) / name).exists():
        n += 1
        name = f"{kind}-{stamp}-{n}.json"
    path = _write_backup(data_dir, name, src.read_bytes())
    _rotate(data_dir, kind, EVENT_KEEP)
    return path


def daily(data_dir: Path) -> Path | None:
    """Take today's backup if there is none yet (the file as first opened today)."""
    src = Path(data_dir) / DATA_FILE
    if not src.exists():
        return None
    name = f"daily-{clock.today().isoformat()}.json"
    target = Path(data_dir) / BACKUP_DIR / name
    if target.exists():
        return None
    path = _write_backup(data_dir, name, src.read_bytes())
    _rotate(data_dir, "daily", DAILY_KEEP)
    return path


def _rotate(data_dir: Path, kind: str, keep: int) -> None:
    same = [b for b in list_backups(data_dir) if b.kind == kind or b.kind.startswith(kind)]
    same.sort(key=lambda b: b.name, reverse=True)
    for old in same[keep:]:
        with contextlib.suppress(OSError):
            old.path.unlink()


def last_backup(data_dir: Path) -> BackupInfo | None:
    items = list_backups(data_dir)
    return items[0] if items else None
