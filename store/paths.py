"""Where the data lives, and keeping it private (dir 0700, files 0600)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

APP_NAME = "rebound-tui"
DATA_FILE = "rebound.json"
LOCK_FILE = "rebound.lock"
BACKUP_DIR = "backups"
EXPORT_DIR = "exports"
TEMP_PREFIX = ".rebound.json."
TEMP_SUFFIX = ".tmp"


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def resolve_data_dir(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """``--data-dir`` wins, then ``$REBOUND_DATA_DIR``, then the platform's user-data dir."""
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get("REBOUND_DATA_DIR")
    if env:
        return Path(env).expanduser()
    return default_data_dir()


def ensure_private_dir(path: Path) -> list[str]:
    """Create ``path`` (0700) if needed, tighten it if looser. Returns notices for the user."""
    notices: list[str] = []
    if not path.exists():
        path.mkdir(parents=True, mode=0o700, exist_ok=True)
        os.chmod(path, 0o700)
        return notices
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        os.chmod(path, 0o700)
        notices.append(f"Tightened {path} from {mode:04o} to 0700 (only you can read your data).")
    return notices


def tighten_files(directory: Path) -> list[str]:
    """Every regular file under the data dir to 0600 (data, backups, lock, exports)."""
    notices: list[str] = []
    if not directory.exists():
        return notices
    for root, dirs, files in os.walk(directory):
        for d in dirs:
            p = Path(root, d)
            mode = stat.S_IMODE(p.lstat().st_mode)
            if not p.is_symlink() and mode & 0o077:
                os.chmod(p, 0o700)
                notices.append(f"Tightened {p} from {mode:04o} to 0700.")
        for f in files:
            p = Path(root, f)
            try:
                st = p.lstat()
            except FileNotFoundError:
                continue
            if not stat.S_ISREG(st.st_mode):
                continue
            mode = stat.S_IMODE(st.st_mode)
            if mode & 0o077:
                os.chmod(p, 0o600)
                notices.append(f"Tightened {p} from {mode:04o} to 0600.")
    return notices


def write_private(path: Path, data: bytes) -> None:
    """Write a side file atomically, 0600 (backups, exports)."""
    from .storage import atomic_write_bytes

    atomic_write_bytes(path, data)
