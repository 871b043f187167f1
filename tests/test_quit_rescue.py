"""Issue 17, item 9: a save that fails at the very end (an unresolved conflict, a full disk) at
hang-up, SIGTERM or "Quit anyway" writes an emergency copy next to the data (0600), says where,
and exits non-zero without a traceback. Also the app's side of items 11 and 13."""

from __future__ import annotations

import errno
import fcntl
import json
import os
import pty
import select
import signal
import stat
import struct
import sys
import termios
import time
from pathlib import Path

import pytest

from store.db import Store
from store.errors import ExternalChangeError, SaveError
from store.models import Application
from tests.waiting import notifications as _toasts

ROOT = Path(__file__).resolve().parents[1]


def _companies(store) -> list[str]:
    return sorted(a.company for a in store.applications.all())


# ----------------------------------------------------------------------------- the real app, real signals


def _spawn(data_dir: Path):
    pid, fd = pty.fork()
    if pid == 0:  # child
        os.chdir(ROOT)
        env = {**os.environ, "TERM": "xterm-256color", "TEXTUAL_ANIMATION": "none", "HOME": str(data_dir.parent)}
        os.execve(sys.executable, [sys.executable, "-m", "tui", "--data-dir", str(data_dir)], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    return pid, fd


class _Screen:
    """What the app has drawn so far (raw bytes; the words we wait for are plain ASCII)."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.buf = b""

    def read_until(self, needle: bytes, timeout: float = 30.0) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if needle in self.buf:
                return
            r, _, _ = select.select([self.fd], [], [], 0.2)
            if r:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                self.buf += chunk
        raise AssertionError(f"never saw {needle!r}; got {self.buf[-300:]!r}")

    def drain(self) -> None:
        try:
            while True:
                r, _, _ = select.select([self.fd], [], [], 5)
                if not r:
                    return
                chunk = os.read(self.fd, 65536)
                if not chunk:
                    return
                self.buf += chunk
        except OSError:
            return


def _wait(pid: int, timeout: float = 30.0) -> int:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    raise AssertionError("the app did not exit")


def _emergency_copies(*folders: Path) -> list[Path]:
    return [p for d in folders if d.is_dir() for p in d.glob("rebound.emergency-*.json")]


@pytest.mark.parametrize("how", ["sigterm", "hangup"])
def test_a_signal_with_an_unresolved_conflict_writes_an_emergency_copy(data_dir, how):
    s = Store.open(data_dir)
    s.applications.save(Application(company="Mine", role="r"))
    s.close()
    pid, fd = _spawn(data_dir)
    screen = _Screen(fd)
    try:
        screen.read_until(b"Today")
        path = data_dir / "rebound.json"
        theirs = path.read_bytes().replace(b'"Mine"', b'"Synced from elsewhere"')
        path.write_bytes(theirs)  # a sync tool, while the app is open
        os.write(fd, b"\x10")  # ctrl+p: the palette
        screen.read_until(b"Search")
        os.write(fd, b"High contrast")
        screen.read_until(b"Switch theme")
        os.write(fd, b"\r")  # the theme is a setting: a write, refused by the conflict
        screen.read_until(b"changed on disk")
        if how == "hangup":
            os.close(fd)  # the terminal goes away: SIGHUP
            fd = -1
        else:
            os.kill(pid, signal.SIGTERM)
            screen.drain()
        status = _wait(pid)
    finally:
        if fd >= 0:
            os.close(fd)
    assert os.WIFEXITED(status), "killed by a signal"
    assert os.WEXITSTATUS(status) == 1
    assert path.read_bytes() == theirs  # their version is never overwritten
    (copy,) = _emergency_copies(data_dir)
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    saved = json.loads(copy.read_bytes())
    assert [d["theme"] for d in saved["settings"].values()] == ["rebound-contrast"]  # the change
    assert [d["company"] for d in saved["applications"].values()] == ["Mine"]
    if how == "sigterm":
        out = screen.buf.decode("utf-8", "replace")
        assert "Traceback" not in out
        assert str(copy) in out.replace("\r\n", "").replace("\n", "")  # says where
    s = Store.open(data_dir)  # the lock went with the process
    try:
        assert not s.read_only
    finally:
        s.close()


# ----------------------------------------------------------------------------- "Quit anyway" and the close


async def test_quit_anyway_exits_non_zero_and_the_close_keeps_everything(data_dir, make_app):
    from tui.dialogs import ConfirmDialog

    s = Store.open(data_dir)
    s.applications.save(Application(company="Mine", role="r"))
    app = make_app(s)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        s.path.write_bytes(s.path.read_bytes().replace(b'"Mine"', b'"Theirs"'))
        app.write(s.applications.save, Application(company="Unsaved", role="r"))
        await pilot.pause()
        await pilot.press("escape")  # "decide later" on the conflict
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")  # Quit anyway
        await pilot.pause()
    assert app.return_code == 1
    said = s.close_safely()  # what the command line does after the app returns
    (copy,) = _emergency_copies(data_dir)
    assert str(copy) in said and "doctor --restore" in said
    assert sorted(d["company"] for d in json.loads(copy.read_bytes())["applications"].values()) == [
        "Mine", "Unsaved"]
    assert b"Theirs" in s.path.read_bytes()


def test_close_safely_says_where_when_even_the_data_folder_is_full(data_dir, tmp_path, monkeypatch):
    from store import storage as storage_mod

    s = Store.open(data_dir)
    s.applications.save(Application(company="Mine", role="r"))
    real = storage_mod.atomic_write_bytes

    def full_here(path, payload, **kw):
        if Path(path).parent == data_dir:
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real(path, payload, **kw)

    monkeypatch.setattr(storage_mod, "atomic_write_bytes", full_here)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    with pytest.raises(SaveError):  # the disk is full
        s.applications.save(Application(company="Unsaved", role="r"))
    said = s.close_safely()
    (copy,) = _emergency_copies(tmp_path / "home")
    assert "the disk is full" in said and str(copy) in said
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert not s.read_only and Store.open(data_dir).read_only is False  # the lock was released


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to mount a tmpfs")
def test_a_really_full_disk_at_the_end_puts_the_emergency_copy_elsewhere(tmp_path, monkeypatch):
    import subprocess

    mnt = tmp_path / "mnt"
    mnt.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mnt)], capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        monkeypatch.setenv("HOME", str(tmp_path))
        s = Store.open(mnt / "data")
        s.applications.save(Application(company="small", role="r", notes="a" * 300_000))
        with pytest.raises(SaveError, match="disk is full"):
            s.applications.save(Application(company="big", role="r", notes="b" * 900_000))
        said = s.close_safely()
        (copy,) = _emergency_copies(tmp_path)
        assert "the disk is full" in said and str(copy) in said
        assert b"big" in copy.read_bytes() and stat.S_IMODE(copy.stat().st_mode) == 0o600
        assert _emergency_copies(mnt / "data") == []
    finally:
        subprocess.run(["umount", str(mnt)], capture_output=True)


def test_the_command_line_prints_where_and_exits_1(data_dir, monkeypatch, capsys):
    from tui import cli
    from tui.app import ReboundApp

    s = Store.open(data_dir)
    s.applications.save(Application(company="Mine", role="r"))
    s.close()

    def run(self, *a, **k):  # the app ran; a change is left that can't be saved (a conflict)
        self.store.path.write_bytes(self.store.path.read_bytes().replace(b'"Mine"', b'"Theirs"'))
        try:
            self.store.applications.save(Application(company="Unsaved", role="r"))
        except ExternalChangeError:
            pass

    monkeypatch.setattr(ReboundApp, "run", run)
    assert cli.run_safely(["--data-dir", str(data_dir)]) == 1
    err = capsys.readouterr().err
    (copy,) = _emergency_copies(data_dir)
    assert str(copy) in err and "Traceback" not in err and "another program" in err


# ----------------------------------------------------------------------------- item 11 in the app


async def test_reload_after_the_file_was_deleted_keeps_memory_and_says_so(store, make_app):
    from tui.dialogs import ConflictDialog

    store.applications.save(Application(company="First", role="r"))
    app = make_app(store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        store.path.write_bytes(store.path.read_bytes().replace(b"First", b"Edits"))
        app.write(store.applications.save, Application(company="Second", role="r"))
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        store.path.unlink()
        await pilot.press("r")  # Reload: there is nothing to reload
        await pilot.pause()
        messages = [n.message for n in _toasts(app)]
        assert any("deleted or moved" in m for m in messages)
        assert not any(m.startswith("Reloaded") for m in messages)
        assert _companies(store) == ["First", "Second"] and not store.dirty
        assert b"Second" in store.path.read_bytes()


async def test_a_save_into_a_deleted_file_tells_the_person(store, make_app):
    app = make_app(store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        store.applications.save(Application(company="First", role="r"))
        store.path.unlink()
        assert app.write(store.applications.save, Application(company="Second", role="r"))
        await pilot.pause()
        assert any("written it again" in n.message or "wrote it again" in n.message for n in _toasts(app))
        assert b"First" in store.path.read_bytes() and b"Second" in store.path.read_bytes()


# ----------------------------------------------------------------------------- item 13 on the command line

LINKEDIN = ROOT / "tests" / "fixtures" / "linkedin" / "basic.csv"


@pytest.mark.parametrize("failures", [1, 99])
def test_import_says_saved_only_when_it_is(data_dir, monkeypatch, capsys, failures):
    from store import storage as storage_mod
    from tui.cli import run

    Store.open(data_dir).close()
    real = os.replace
    left = [failures]

    def flaky(src, dst):
        if Path(dst).name == "rebound.json" and left[0] > 0:
            left[0] -= 1
            raise OSError(errno.EIO, "Input/output error", str(dst))
        return real(src, dst)

    monkeypatch.setattr(storage_mod.os, "replace", flaky)
    code = run(["--data-dir", str(data_dir), "import", "linkedin", str(LINKEDIN), "--yes"])
    monkeypatch.undo()
    out = capsys.readouterr()
    assert "not saved: not saved" not in out.err
    s = Store.open(data_dir)
    try:
        imported = s.contacts.count()
    finally:
        s.close()
    if failures == 1:  # a passing fault: retried at once
        assert code == 0 and "Saved:" in out.out and imported > 0
    else:
        assert code == 1 and "not saved: an input/output error" in out.err and "Nothing was imported" in out.err
        assert imported == 0  # true: closing did not save it after all


class _Ended(Exception):
    pass


async def test_a_hangup_closes_the_store_and_ends_without_textuals_shutdown(data_dir, make_app, monkeypatch):
    # After SIGHUP the terminal is gone; Textual's shutdown writes to it and, once its writer thread
    # has died on the closed terminal, blocks forever (the hang-up test above hung under load). The
    # handler closes the store itself and ends the process at once.
    codes: list[int] = []

    def ended(code: int):
        codes.append(code)
        raise _Ended

    store = Store.open(data_dir)
    app = make_app(store)
    async with app.run_test() as pilot:
        await pilot.pause()
        store.applications.save(Application(company="Typed before the line dropped", role="r"))
        monkeypatch.setattr("tui.shell.guards.os._exit", ended)
        with pytest.raises(_Ended):
            app._on_hangup(signal.SIGHUP)
        monkeypatch.undo()
        assert codes == [0] and not store.dirty
        again = Store.open(data_dir)  # the lock went with it: a new session is the writer
        assert not again.read_only and _companies(again) == ["Typed before the line dropped"]
        again.close()
        app.exit()
