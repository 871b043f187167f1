"""``rebound-tui doctor`` and ``backup``: check the data, list backups, restore one. No Textual."""

from __future__ import annotations

import stat
from pathlib import Path

from store import backups, logs
from store.errors import CorruptDataError
from store.lock import DirLock
from store.migrations import SCHEMA_VERSION, schema_version
from store.paths import DATA_FILE, LOCK_FILE
from store.storage import atomic_write_bytes, parse_database


def _mode(path: Path) -> str:
    try:
        return f"{stat.S_IMODE(path.stat().st_mode):04o}"
    except OSError:
        return "?"


def doctor(data_dir: Path, restore: str | None = None) -> int:
    if restore:
        return do_restore(data_dir, restore)
    ok = True
    path = data_dir / DATA_FILE
    print(f"Data folder: {data_dir} (mode {_mode(data_dir) if data_dir.exists() else 'missing'})")
    if not path.exists():
        print(f"Data file:   {path} — not created yet (it appears with the first change).")
    else:
        size = path.stat().st_size
        try:
            data = parse_database(path.read_bytes(), path)
        except CorruptDataError as exc:
            ok = False
            print(f"Data file:   {path} ({size:,} bytes, mode {_mode(path)})")
            print(f"  PROBLEM:   {exc.problem}")
            print("  Restore the newest good backup with: rebound-tui doctor --restore latest"
                  + (f" --data-dir {data_dir}" if data_dir else ""))
        else:
            version = schema_version(data)
            print(f"Data file:   {path} ({size:,} bytes, mode {_mode(path)}) — OK, schema {version}"
                  + (" (newer than this Rebound!)" if version > SCHEMA_VERSION else ""))
            counts = ", ".join(f"{len(t):,} {name}" for name, t in sorted(data.items())
                               if name not in ("meta", "_rebound"))
            print(f"  Records:   {counts or 'none'}")
            if _mode(path) not in ("0600", "?"):
                print("  Note:      the file is readable by others; Rebound tightens it to 0600 when it opens.")
    lock = DirLock(data_dir / LOCK_FILE)
    if (data_dir / LOCK_FILE).exists():
        if lock.acquire():
            lock.release()
            print("Lock:        free (no Rebound has this data open)")
        else:
            print(f"Lock:        held by {lock.holder().describe()}")
    problems = logs.last_errors(data_dir, limit=5)
    if problems:
        print(f"Log:         last {len(problems)} problem(s) in {data_dir / logs.LOG_NAME} (newest last)")
        for line in problems:
            print(f"  {line}")
    items = backups.list_backups(data_dir)
    print(f"Backups:     {len(items)} in {data_dir / 'backups'}")
    for b in items:
        problem = backups.is_valid(b.path)
        state = "ok" if problem is None else f"DAMAGED: {problem}"
        print(f"  {b.name:<42} {b.size:>12,} bytes  {b.modified:%Y-%m-%d %H:%M}  {state}")
    return 0 if ok else 1


def _pick_backup(data_dir: Path, which: str) -> Path | None:
    if which == "latest":
        good = backups.newest_valid(data_dir)
        return good.path if good else None
    candidate = Path(which).expanduser()
    if not candidate.exists():
        candidate = data_dir / "backups" / which
    return candidate if candidate.exists() else None


def do_restore(data_dir: Path, which: str) -> int:
    src = _pick_backup(data_dir, which)
    if src is None:
        print(f"rebound-tui: no backup found for {which!r}. See: rebound-tui doctor")
        return 1
    problem = backups.is_valid(src)
    if problem:
        print(f"rebound-tui: {src} is damaged ({problem}); not restoring it.")
        return 1
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    lock = DirLock(data_dir / LOCK_FILE)
    if not lock.acquire():
        print(f"rebound-tui: {lock.holder().describe()} has this data open. Quit it first, then restore.")
        return 1
    try:
        payload = src.read_bytes()
        kept = backups.snapshot(data_dir, "pre-restore")
        atomic_write_bytes(data_dir / DATA_FILE, payload)
    except OSError as exc:
        print(f"rebound-tui: restore failed, nothing changed: {exc.strerror or exc}")
        return 1
    finally:
        lock.release()
    print(f"Restored {src.name} into {data_dir / DATA_FILE}.")
    if kept:
        print(f"The file it replaced is kept as {kept}.")
    return 0


def backup(data_dir: Path) -> int:
    path = data_dir / DATA_FILE
    if not path.exists():
        print("Nothing to back up yet.")
        return 0
    try:
        parse_database(path.read_bytes(), path)
    except CorruptDataError as exc:
        print(f"rebound-tui: the data file is damaged ({exc.problem}); not backing it up over good copies.")
        return 1
    made = backups.snapshot(data_dir, "pre-doctor")
    print(f"Backed up to {made}")
    return 0
