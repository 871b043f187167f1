"""An SSH connection dropping (SIGHUP) or a polite kill (SIGTERM): save, exit cleanly, unlock."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time
from pathlib import Path

import pytest

from store.db import Store
from store.models import Application

ROOT = Path(__file__).resolve().parents[1]


def _spawn(data_dir: Path):
    pid, fd = pty.fork()
    if pid == 0:  # child
        os.chdir(ROOT)
        env = {**os.environ, "TERM": "xterm-256color", "TEXTUAL_ANIMATION": "none"}
        os.execve(sys.executable, [sys.executable, "-m", "tui", "--data-dir", str(data_dir)], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    return pid, fd


def _read_until(fd: int, needle: bytes, timeout: float = 20.0) -> bytes:
    buf = b""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        r, _, _ = select.select([fd], [], [], 0.2)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            buf += chunk
            if needle in buf:
                return buf
    raise AssertionError(f"never saw {needle!r}; got {buf[-400:]!r}")


def _wait(pid: int, timeout: float = 20.0) -> int:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    raise AssertionError("the app did not exit")


@pytest.mark.parametrize("how", ["hangup", "sigterm"])
def test_app_exits_cleanly_and_releases_the_lock(data_dir, how):
    s = Store.open(data_dir)
    s.applications.save(Application(company="Keep me", role="r"))
    s.close()
    before = (data_dir / "rebound.json").read_bytes()
    pid, fd = _spawn(data_dir)
    try:
        _read_until(fd, b"Today")
        if how == "hangup":
            os.close(fd)  # the terminal goes away: the kernel sends SIGHUP
            fd = -1
        else:
            os.kill(pid, signal.SIGTERM)
            try:
                while os.read(fd, 65536):
                    pass
            except OSError:
                pass
        status = _wait(pid)
    finally:
        if fd >= 0:
            os.close(fd)
    assert os.WIFEXITED(status), f"killed by signal {os.WTERMSIG(status) if os.WIFSIGNALED(status) else '?'}"
    assert os.WEXITSTATUS(status) == 0
    s = Store.open(data_dir)
    try:
        assert not s.read_only  # the lock went with the process
        assert [a.company for a in s.applications.all()] == ["Keep me"]
    finally:
        s.close()
    assert (data_dir / "rebound.json").read_bytes() == before
