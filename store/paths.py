"""Where the data lives, and keeping it private (dir 0700, files 0600) — Rebound's own files only.

The data folder may be one the user already had (``--data-dir ~/Sync/jobs``), so Rebound never
changes what isn't its own: it creates and tightens only the names listed here (``rebound.json``,
``rebound.lock``, ``rebound.log*``, ``backups/``, ``cache/``, ``exports/``, its temp files…). A folder
that holds other files and no Rebound data yet is refused (:class:`ForeignFolderError`; the command
line asks first at a terminal, then :func:`claim_data_dir`); a regular file given as the folder is
refused (:class:`NotAFolderError`). Opening never creates the folder: the writer's lock does
(:class:`store.lock.DirLock`), so a read-only open (``today``, ``doctor``, a second instance) creates
and changes nothing.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from .errors import StoreError

APP_NAME = "rebound-tui"
DATA_FILE = "rebound.json"
#: An encrypted folder's data file (age format; see :mod:`store.crypto`) and the key that opens it.
ENCRYPTED_FILE = "rebound.json.age"
KEY_FILE = "rebound.key.age"
#: Present while a folder is being encrypted or decrypted: says which (see :mod:`store.convert`).
CONVERT_MARKER = "rebound.converting"
#: The suffix of every encrypted file Rebound writes.
AGE_SUFFIX = ".age"
LOCK_FILE = "rebound.lock"
BACKUP_DIR = "backups"
EXPORT_DIR = "exports"
CACHE_DIR = "cache"
TEMP_PREFIX = ".rebound.json."
TEMP_SUFFIX = ".tmp"

#: Folders inside the data folder that are Rebound's (everything in them is).
OWN_DIRS = frozenset({BACKUP_DIR, EXPORT_DIR, CACHE_DIR})
#: Prefixes of Rebound's own files and folders in the data folder: the data file and its lock, log,
#: conflict and emergency copies (``rebound.*``), save temp files, editor temp folders.
OWN_PREFIXES = ("rebound.", TEMP_PREFIX, "rebound-edit-")
#: What file managers, sync tools and file systems leave in any folder: neither Rebound's nor a
#: reason to refuse the folder, and never touched.
HOUSEKEEPING = frozenset({".DS_Store", "Thumbs.db", "desktop.ini", ".directory", "lost+found",
                          ".stfolder", ".stignore", ".dropbox", ".dropbox.attr"})


class DataDirError(StoreError):
    """The data folder given can't be used; nothing was created or changed."""

    def __init__(self, path: Path, message: str) -> None:
        self.path = path
        super().__init__(message)


class NotAFolderError(DataDirError):
    """A file (or something else that isn't a folder) was given as the data folder."""

    def __init__(self, path: Path) -> None:
        what = (f"Rebound keeps its {path.name} there" if path.name in OWN_DIRS
                else "the data folder must be a folder (Rebound keeps rebound.json in it)")
        super().__init__(path, f"{path} is a file, not a folder: {what}. Nothing was changed.")


class ForeignFolderError(DataDirError):
    """The folder holds files that aren't Rebound's and no Rebound data: not used without a yes."""

    def __init__(self, path: Path, names: list[str]) -> None:
        self.names = names
        super().__init__(path, f"{path} already holds files that aren't Rebound's ({listed(names)}), so Rebound "
                               "won't keep its data there. Nothing was changed. Give a new or empty folder, "
                               f"e.g. --data-dir {path / 'rebound'}")


def listed(names: list[str], limit: int = 3) -> str:
    shown = ", ".join(names[:limit])
    return shown + (f" and {len(names) - limit:,} more" if len(names) > limit else "")


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


# --------------------------------------------------------------------------- what is Rebound's


def is_own(name: str) -> bool:
    """True for a name Rebound creates in its data folder."""
    return name in OWN_DIRS or name.startswith(OWN_PREFIXES)


def foreign_entries(directory: Path) -> list[str]:
    """Names in ``directory`` that aren't Rebound's (sorted; housekeeping files don't count)."""
    out = []
    with os.scandir(directory) as it:
        for entry in it:
            if entry.name not in HOUSEKEEPING and not is_own(entry.name):
                out.append(entry.name)
    return sorted(out)


def has_rebound_data(directory: Path) -> bool:
    """The folder holds Rebound's data file or lock: it is a data folder already (other files in
    it were the user's choice, made before)."""
    return any(os.path.lexists(directory / name) for name in (DATA_FILE, ENCRYPTED_FILE, KEY_FILE, LOCK_FILE))


def conversion_in_progress(directory: Path) -> str:
    """"encrypt" or "decrypt" while (or after a crash during) a conversion of the folder, else ""."""
    try:
        word = (Path(directory) / CONVERT_MARKER).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""
    return word if word in ("encrypt", "decrypt") else ""


def is_encrypted(directory: Path) -> bool:
    """True when the folder's data is encrypted (reads no file content but the conversion marker).

    A conversion commits when its new data file is in place: ``rebound.json.age`` for an encrypt,
    ``rebound.json`` for a decrypt; until then the folder is what it was. Otherwise the folder is
    encrypted when it holds the encrypted data file or the key (an encrypted folder whose data file
    is not written yet)."""
    directory = Path(directory)
    doing = conversion_in_progress(directory)
    if doing == "encrypt":
        return os.path.lexists(directory / ENCRYPTED_FILE)
    if doing == "decrypt":
        return not os.path.lexists(directory / DATA_FILE)
    return os.path.lexists(directory / ENCRYPTED_FILE) or os.path.lexists(directory / KEY_FILE)


def data_file(directory: Path) -> Path:
    """The folder's data file: ``rebound.json``, or ``rebound.json.age`` when it is encrypted."""
    return Path(directory) / (ENCRYPTED_FILE if is_encrypted(directory) else DATA_FILE)


def check_data_dir(path: Path) -> None:
    """Refuse a data folder that can't be used, creating and changing nothing: a file
    (:class:`NotAFolderError`), or a folder holding files that aren't Rebound's and no Rebound data
    (:class:`ForeignFolderError`). A folder that does not exist yet is fine."""
    path = Path(path)
    if not os.path.lexists(path):
        return
    if not path.is_dir():
        raise NotAFolderError(path)
    if has_rebound_data(path):
        return
    foreign = foreign_entries(path)
    if foreign:
        raise ForeignFolderError(path, foreign)


def claim_data_dir(path: Path) -> None:
    """The user said yes to keeping Rebound's data in a folder that holds other files: mark it as a
    data folder (an empty lock file, 0600), so it is not asked again. Nothing else is changed."""
    fd = os.open(Path(path) / LOCK_FILE, os.O_WRONLY | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
    os.close(fd)


# --------------------------------------------------------------------------- making and keeping private


def ensure_private_dir(path: Path) -> list[str]:
    """Make sure a folder can take Rebound's files. Returns notices for the user.

    * One of Rebound's own folders (``exports``, ``backups``, ``cache``): created (0700) if needed,
      tightened if looser when it sits in a data folder.
    * The data folder itself: only checked (:func:`check_data_dir`); never created here (the
      writer's lock creates it) and never changed (:func:`tighten_files` does that, for a writer).
    """
    path = Path(path)
    if os.path.lexists(path) and not path.is_dir():
        raise NotAFolderError(path)
    if path.name not in OWN_DIRS:
        check_data_dir(path)
        return []
    notices: list[str] = []
    if not path.exists():
        path.mkdir(parents=True, mode=0o700, exist_ok=True)
        os.chmod(path, 0o700)
        return notices
    if not path.is_symlink() and has_rebound_data(path.parent):
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            os.chmod(path, 0o700)
            notices.append(f"Tightened {path} from {mode:04o} to 0700 (only you can read your data).")
    return notices


def tighten_files(directory: Path) -> list[str]:
    """Rebound's own files in the data folder to 0600 and its folders to 0700 (the session that
    writes calls this). The data folder itself is tightened only when everything in it is
    Rebound's; what isn't Rebound's is never touched."""
    directory = Path(directory)
    notices: list[str] = []
    if not directory.is_dir():
        return notices
    mode = stat.S_IMODE(directory.stat().st_mode)
    if mode & 0o077:
        foreign = foreign_entries(directory)
        if not foreign:
            os.chmod(directory, 0o700)
            notices.append(f"Tightened {directory} from {mode:04o} to 0700 (only you can read your data).")
        else:
            notices.append(f"Left {directory} at {mode:04o}: it holds files that aren't Rebound's "
                           f"({listed(foreign)}). Rebound's own files in it are readable only by you.")
    with os.scandir(directory) as it:
        entries = [(e.name, e.is_dir(follow_symlinks=False)) for e in it]
    for name, is_dir in sorted(entries):
        if not is_own(name):
            continue
        p = directory / name
        if is_dir:
            notices += _tighten_tree(p)
        elif name not in OWN_DIRS:  # (a file named like one of our folders is left alone)
            notices += _tighten(p, 0o600)
    return notices


def _tighten(p: Path, wanted: int) -> list[str]:
    """``p`` (never through a symlink) to ``wanted`` if it is looser."""
    try:
        st = p.lstat()
    except FileNotFoundError:
        return []
    kind_ok = stat.S_ISDIR(st.st_mode) if wanted == 0o700 else stat.S_ISREG(st.st_mode)
    mode = stat.S_IMODE(st.st_mode)
    if not kind_ok or not mode & 0o077:
        return []
    with contextlib.suppress(FileNotFoundError):
        os.chmod(p, wanted)
        return [f"Tightened {p} from {mode:04o} to {wanted:04o}."]
    return []


def _tighten_tree(top: Path) -> list[str]:
    """One of Rebound's folders and everything in it (symlinks are not followed)."""
    notices = _tighten(top, 0o700)
    for root, dirs, files in os.walk(top):
        for d in dirs:
            notices += _tighten(Path(root, d), 0o700)
        for f in files:
            notices += _tighten(Path(root, f), 0o600)
    return notices


def write_private(path: Path, data: bytes) -> None:
    """Write a side file atomically, 0600 (backups, exports)."""
    from .storage import atomic_write_bytes

    atomic_write_bytes(path, data)
