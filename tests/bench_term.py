"""A program under a pseudo-terminal, timed as its user sees it (stdlib only; not a section).

:class:`Term` starts a command on a pty at a fixed size, reads everything it writes and splits it into
frames. It answers the synchronized-output query (``CSI ? 2026 $ p``) as a modern terminal does, so
Textual brackets each update in ``CSI ? 2026 h`` … ``CSI ? 2026 l`` and a frame is exactly one update;
before that answer arrives every read counts as a frame. Waits look at the *text* of the output since
a mark (escape sequences dropped, cursor moves as line breaks) at each frame's end, so a marker is
found once the frame that paints it is complete, and the time reported is when that frame's last
bytes arrived. Keys are written as a terminal sends them.

The benchmark runs this file as its own small process (``python -S -E tests/bench_term.py``, a JSON
job on stdin, JSON results on stdout): on Linux a child's peak RSS (``ru_maxrss``) starts from its
parent's size at ``fork``, so the process that forks the measured program must stay small.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import pty
import re
import select
import shutil
import signal
import struct
import sys
import termios
import time
from collections.abc import Callable
from dataclasses import dataclass, field

SYNC_QUERY = b"\x1b[?2026$p"
SYNC_REPLY = b"\x1b[?2026;2$y"  # "supported, currently reset", as kitty, WezTerm, foot, iTerm2 answer
SYNC_START = b"\x1b[?2026h"
SYNC_END = b"\x1b[?2026l"
_CURSOR_MOVE = re.compile(rb"\x1b\[[0-9;]*[HfABCDEFGd]")
_ESCAPE = re.compile(rb"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_]|[()][0-9A-Za-z])")


def plain(data: bytes) -> str:
    """The text in a stretch of terminal output: cursor moves become line breaks, every other escape
    sequence is dropped (so text split by a style change reads as one run)."""
    return _ESCAPE.sub(b"", _CURSOR_MOVE.sub(b"\n", data)).decode("utf-8", "replace")


class Timeout(Exception):
    pass


class Exited(Exception):
    pass


@dataclass
class Exit:
    seconds: float  # from the quit key (or the call) to the process reaped
    status: int
    maxrss_mb: float


@dataclass
class Term:
    argv: list[str]
    env: dict[str, str]
    cwd: str | None = None
    cols: int = 80
    rows: int = 24
    pid: int = 0
    fd: int = -1
    started: float = 0.0
    stream: bytearray = field(default_factory=bytearray)
    #: (arrival time, offset just past the frame) for each completed frame
    frames: list[tuple[float, int]] = field(default_factory=list)
    synced: bool = False
    eof: bool = False
    #: the offset just past the frame the last successful wait found
    matched: int = 0
    _in_frame: bool = False
    _scanned: int = 0

    def start(self) -> float:
        """Fork and exec on a new pty; returns the time just before the fork (the clock's zero)."""
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # the child: size the terminal, then become the program
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", self.rows, self.cols, 0, 0))
                if self.cwd:
                    os.chdir(self.cwd)
                os.execvpe(self.argv[0], self.argv, self.env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        os.set_blocking(fd, False)
        return self.started

    # -- reading

    def _feed(self, data: bytes, t: float) -> None:
        start = len(self.stream)
        self.stream += data
        if SYNC_QUERY in self.stream[max(0, start - len(SYNC_QUERY)):]:
            with contextlib.suppress(OSError):
                os.write(self.fd, SYNC_REPLY)
        # find sync brackets (they may straddle reads)
        pos = max(self._scanned, start - len(SYNC_START))
        while True:
            a = self.stream.find(SYNC_START, pos)
            b = self.stream.find(SYNC_END, pos)
            if a < 0 and b < 0:
                break
            if b < 0 or (0 <= a < b):
                self.synced = True
                self._in_frame = True
                pos = a + len(SYNC_START)
            else:
                self._in_frame = False
                pos = b + len(SYNC_END)
                self.frames.append((t, pos))
        self._scanned = max(pos, len(self.stream) - len(SYNC_START))
        if not self.synced:
            self.frames.append((t, len(self.stream)))

    def pump(self, deadline: float) -> bool:
        """Wait until output arrives or ``deadline`` passes, then read all that is there. False once
        the program has closed the terminal."""
        wait = max(0.0, deadline - time.perf_counter())
        while not self.eof:
            ready, _, _ = select.select([self.fd], [], [], wait)
            if not ready:
                return True
            try:
                data = os.read(self.fd, 1 << 16)
            except BlockingIOError:
                continue
            except OSError:  # EIO: every holder of the terminal's other side is gone
                data = b""
            t = time.perf_counter()
            if not data:
                self.eof = True
                break
            self._feed(data, t)
            wait = 0.0  # drain what is already there, then return
        return False

    def mark(self) -> int:
        """Drain what is already written; returns the offset from which later waits look."""
        self.pump(time.perf_counter())
        return len(self.stream)

    def wait(self, test: Callable[[str], bool], since: int, timeout: float) -> float:
        """Time the first frame ending after ``since`` whose text (since ``since``) passes ``test``."""
        deadline = time.perf_counter() + timeout
        checked = 0
        while True:
            ends = [(t, off) for t, off in self.frames[checked:] if off > since]
            checked = len(self.frames)
            for t, off in ends:
                if test(plain(bytes(self.stream[since:off]))):
                    self.matched = off
                    return t
            if self.eof:
                raise Exited(f"{self.argv[0]} exited while waiting ({self.tail()!r})")
            if time.perf_counter() >= deadline:
                raise Timeout(f"no frame passed the test in {timeout:.0f} s; last output: {self.tail()!r}")
            self.pump(min(deadline, time.perf_counter() + 0.5))

    def wait_text(self, *patterns: str, since: int, timeout: float) -> float:
        """:meth:`wait` for every regex in ``patterns`` to appear."""
        compiled = [re.compile(p) for p in patterns]
        return self.wait(lambda text: all(c.search(text) for c in compiled), since, timeout)

    def settle(self, quiet: float = 0.3, limit: float = 5.0) -> float:
        """Read until nothing has been written for ``quiet`` seconds (at most ``limit``); returns the
        arrival time of the last frame so far."""
        end = time.perf_counter() + limit
        while time.perf_counter() < end and not self.eof:
            before = len(self.stream)
            self.pump(min(end, time.perf_counter() + quiet))
            if len(self.stream) == before:
                break
        return self.frames[-1][0] if self.frames else time.perf_counter()

    def frame_times(self, since: int) -> list[float]:
        return [t for t, off in self.frames if off > since]

    def text_since(self, since: int) -> str:
        return plain(bytes(self.stream[since:]))

    def tail(self, n: int = 300) -> str:
        return plain(bytes(self.stream[-4000:]))[-n:]

    # -- writing and ending

    def send(self, keys: bytes | str) -> float:
        """Write keys as typed; returns the time just before the write."""
        data = keys.encode() if isinstance(keys, str) else keys
        t = time.perf_counter()
        os.write(self.fd, data)
        return t

    def quit(self, key: bytes | str = b"q", timeout: float = 30.0) -> Exit:
        """Send the quit key; read until the program is gone and reap it with its rusage."""
        t = self.send(key) if key else time.perf_counter()
        deadline = t + timeout
        while not self.eof and time.perf_counter() < deadline:
            self.pump(deadline)
        if not self.eof:
            self.kill()
            raise Timeout(f"{self.argv[0]} did not exit {timeout:.0f} s after {key!r}")
        _, status, usage = os.wait4(self.pid, 0)
        done = time.perf_counter()
        self.pid = 0
        self.close()
        return Exit(done - t, status, usage.ru_maxrss / 1024)

    def kill(self) -> Exit:
        """End the program now (its process group too); its rusage still holds its peak RSS."""
        t = time.perf_counter()
        status, rss = -1, 0.0
        if self.pid:
            with contextlib.suppress(OSError):
                os.killpg(self.pid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                _, status, usage = os.wait4(self.pid, 0)
                rss = usage.ru_maxrss / 1024
            self.pid = 0
        self.close()
        return Exit(time.perf_counter() - t, status, rss)

    def close(self) -> None:
        if self.fd >= 0:
            with contextlib.suppress(OSError):
                os.close(self.fd)
            self.fd = -1


# ----------------------------------------------------------------------------- the job runner


def prepare(steps: list[dict]) -> None:
    """File chores between runs (untimed): ``{"copy": [src, dst]}``, ``{"tree": [src, dst]}`` (dst
    replaced by a copy of the folder src), ``{"fresh": dir}`` (an empty folder, 0700), ``{"remove": path}``."""
    for step in steps:
        if "tree" in step:
            src, dst = step["tree"]
            shutil.rmtree(dst, ignore_errors=True)
            shutil.copytree(src, dst)
        elif "copy" in step:
            src, dst = step["copy"]
            shutil.copyfile(src, dst)
        elif "fresh" in step:
            shutil.rmtree(step["fresh"], ignore_errors=True)
            os.makedirs(step["fresh"], mode=0o700)
        elif "remove" in step:
            p = step["remove"]
            if os.path.isdir(p):
                shutil.rmtree(p, ignore_errors=True)
            else:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(p)


def _stamp(path: str | None) -> tuple[int, int] | None:
    try:
        st = os.stat(path) if path else None
    except FileNotFoundError:
        return None
    return (st.st_mtime_ns, st.st_ino) if st else None


def run_session(spec: dict) -> dict:
    """One run of a program: start it, wait for its first useful frame, then each step; quit.

    ``spec``: ``argv``, ``env``, ``cwd``, ``prepare`` (see :func:`prepare`), ``ready`` (regexes that
    together mean the first useful frame), ``flag`` (a regex whose presence before that frame is
    reported), ``watch`` (a file: whether the program replaced it during the run is reported as
    ``rewrote``, e.g. Today's remembered summary), ``steps`` (each ``{"keys",
    "expect": regexes, "label"}``: the keys are sent once the screen is still, the time to the first
    frame passing ``expect`` is kept under ``label``; without a label the step only navigates; with
    ``tail`` the time of the last frame before the screen is still again is kept too; with ``check``
    a regex must appear within ``check_wait`` seconds: 1.0 kept, 0.0 not), ``end`` (``"quit"``: send
    ``quit_key`` and time the exit, or ``"kill"``), ``dump`` (a file for everything it wrote).
    Returns times in seconds and the peak RSS."""
    prepare(spec.get("prepare", []))
    if not spec.get("argv"):
        return {}
    watched = spec.get("watch")
    before = _stamp(watched)
    term = Term(spec["argv"], spec["env"], cwd=spec.get("cwd"))
    timeout = spec.get("timeout", 60.0)
    quiet = spec.get("quiet", 0.3)
    out: dict = {"steps": {}}
    try:
        t0 = term.start()
        ready = term.wait_text(*spec["ready"], since=0, timeout=timeout)
        out["start"] = ready - t0
        if spec.get("flag"):
            out["flagged"] = bool(re.search(spec["flag"], plain(bytes(term.stream[:term.matched]))))
        for step in spec.get("steps", []):
            term.settle(quiet)
            since = term.mark()
            t = term.send(step["keys"])
            got = term.wait_text(*step["expect"], since=since, timeout=step.get("timeout", timeout))
            label = step.get("label")
            if not label:
                continue
            out["steps"][label] = got - t
            if step.get("tail"):
                # the last frame before the screen is still (Input cursors blink every 0.5 s: quiet
                # must stay under that)
                out["steps"][label + " (last frame)"] = term.settle(spec.get("tail_quiet", 0.4)) - t
            if step.get("check"):
                try:
                    term.wait_text(step["check"], since=since, timeout=step.get("check_wait", 3.0))
                    out["steps"][label + " (check)"] = 1.0
                except Timeout:
                    out["steps"][label + " (check)"] = 0.0
        if spec.get("end", "quit") == "quit":
            term.settle(quiet)
            ex = term.quit(spec.get("quit_key", "q"), timeout=timeout)
            out["quit"] = ex.seconds
        else:
            ex = term.kill()
        out["status"] = ex.status
        out["maxrss_mb"] = ex.maxrss_mb
        if watched:
            out["rewrote"] = _stamp(watched) != before
    finally:
        term.kill()
        if spec.get("dump"):
            with open(spec["dump"], "wb") as fh:
                fh.write(bytes(term.stream))
    return out


def main() -> int:
    """Read ``{"runs": [spec, …]}`` on stdin; run them in order; print one JSON line per run (with
    an ``error`` key when it failed). Data folders a run made are the caller's to remove."""
    job = json.load(sys.stdin)
    # a terminate from the benchmark unwinds like an error, so the program under test is killed too
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    for spec in job["runs"]:
        try:
            result = run_session(spec)
        except (Timeout, Exited, OSError) as exc:
            result = {"error": f"{type(exc).__name__}: {exc}"}
        result["id"] = spec.get("id")
        print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
