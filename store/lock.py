"""One writer per data directory: an exclusive ``flock`` on a sidecar lock file.

Not on the data file itself: ``os.replace`` swaps its inode, so a lock on it would stop covering the
file after the first save. The holder writes who it is (pid, host, since) into the lock file so a
second instance can say who holds it. The kernel drops the lock when the process dies, so a crash
never leaves a stale lock.
"""

from __future__ import annotations

import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path

from . import clock

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]  # no flock: the lock file alone


@dataclass
class LockHolder:
    pid: int | None
    host: str
    since: str

    def describe(self, *, detail: bool = False) -> str:
        """``Rebound in another window (since 01:04)``, or ``Rebound on laptop (since 2 Mar, 23:10)``
        when it runs on another machine; ``detail`` adds the process id (for doctor)."""
        where = "in another window" if not self.host or self.host == socket.gethostname() else f"on {self.host}"
        parts = [self._since()] if self.since else []
        if detail and self.pid:
            parts.append(f"process {self.pid}")
        return f"Rebound {where}" + (f" ({'; '.join(p for p in parts if p)})" if any(parts) else "")

    def _since(self) -> str:
        from datetime import datetime

        from .dates import short_date

        try:
            when = datetime.fromisoformat(self.since)
        except ValueError:
            return ""
        local = when.astimezone() if when.tzinfo else when
        day = "" if local.date() == clock.today() else f"{short_date(local.date())}, "
        return f"since {day}{local:%H:%M}"


class DirLock:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._fd: int | None = None

    def acquire(self) -> bool:
        """Try to take the lock without waiting. True if we hold it now.

        The writer creates the data folder (0700) when it does not exist yet: opening the data never
        does, so a read-only open (``today``, ``doctor``, a second instance) creates nothing."""
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except FileNotFoundError:
            folder = self.path.parent
            folder.mkdir(parents=True, mode=0o700, exist_ok=True)
            os.chmod(folder, 0o700)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)
                return False
        os.fchmod(fd, 0o600)
        info = json.dumps(
            {"pid": os.getpid(), "host": socket.gethostname(), "since": clock.stamp()}
        ).encode()
        os.ftruncate(fd, 0)
        os.pwrite(fd, info, 0)
        self._fd = fd
        return True


    def holder(self) -> LockHolder:
        try:
            info = json.loads(self.path.read_text(encoding="utf-8") or "{}")
        except (OSError, ValueError):
            info = {}
        pid = info.get("pid")
        return LockHolder(pid if isinstance(pid, int) else None, str(info.get("host", "")), str(info.get("since", "")))

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            os.ftruncate(self._fd, 0)
        except OSError:
            pass
        if fcntl is not None:
            try:
                fcntl.flock(self._fd, fcntl.LOCK_UN)
            except OSError:
                pass
        os.close(self._fd)
        self._fd = None
