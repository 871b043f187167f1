"""``rebound-tui check-tone [FILE|-]``: the tone check of the composer, for a draft written anywhere.

A linter for a message before it is sent: each finding is printed as ``NAME:LINE:COL: rule: "words" — why``
(1-based line and column), then one summary line. Exit status: 1 when something may read as hostile,
0 otherwise (style notes and needy phrasing alone are 0), 2 when the input can't be read, with one line on
stderr saying why. Nothing is stored and nothing leaves the machine; no Textual or Rich on this path.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import BinaryIO, TextIO

from store.sanitize import clean_text

PROG = "rebound-tui check-tone"
#: bigger inputs are refused rather than checked slowly: a message is a few kilobytes
MAX_BYTES = 1_000_000
WORDS_WIDTH = 60


class Unreadable(Exception):
    """The input can't be checked; the message is one line for stderr."""


def read_input(path: str, stdin: TextIO | None = None) -> tuple[str, str]:
    """``(display name, text)`` of ``path`` (``-`` is standard input). Raises :class:`Unreadable`."""
    if path == "-":
        stream = stdin if stdin is not None else sys.stdin
        name = "<stdin>"
        try:
            buf: BinaryIO | None = getattr(stream, "buffer", None)
            data: bytes | str = buf.read(MAX_BYTES + 1) if buf is not None else stream.read(MAX_BYTES + 1)
        except (OSError, ValueError) as exc:
            raise Unreadable(f"can't read standard input: {exc}") from exc
    else:
        name = path
        p = Path(path).expanduser()
        try:
            if p.is_dir():
                raise Unreadable(f"{path} is a folder, not a text file")
            with p.open("rb") as fh:
                data = fh.read(MAX_BYTES + 1)
        except Unreadable:
            raise
        except FileNotFoundError as exc:
            raise Unreadable(f"{path}: no such file") from exc
        except PermissionError as exc:
            raise Unreadable(f"{path}: no permission to read it") from exc
        except OSError as exc:
            raise Unreadable(f"can't read {path}: {exc.strerror or exc}") from exc
    if len(data) > MAX_BYTES:
        raise Unreadable(f"{name} is too large to check (over {MAX_BYTES // 1_000_000} MB); a message is much shorter")
    if isinstance(data, bytes):
        if b"\x00" in data:
            raise Unreadable(f"{name} looks like a binary file, not text")
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise Unreadable(f"{name} is not UTF-8 text (byte {exc.start + 1} can't be read)") from exc
    return name, data.replace("\r\n", "\n").replace("\r", "\n")


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def _words(words: str) -> str:
    shown = clean_text(" ".join(words.split()), multiline=False)
    return shown if len(shown) <= WORDS_WIDTH else shown[:WORDS_WIDTH - 1] + "…"


def report(name: str, text: str, *, first_note: bool = False) -> tuple[list[str], bool]:
    """The lines to print for ``text`` and whether anything may read as hostile."""
    from store import tone

    findings = tone.check(text, first_note=first_note)
    shown_name = clean_text(name, multiline=False)
    lines = []
    for f in findings:
        line, col = _position(text, f.start)
        mark = "" if f.hostile else " (a note)"
        lines.append(f"{shown_name}:{line}:{col}: {f.rule}{mark}: \u201c{_words(f.words)}\u201d \u2014 {f.why}")
    is_hostile = tone.hostile(findings)
    if not findings:
        lines.append("No tone notes.")
    else:
        lines.append(tone.summary(findings) + ".")
        if is_hostile:
            lines.append("Some words may read as hostile. A reply written tomorrow usually reads better.")
    return lines, is_hostile


def run(args: object, *, stdin: TextIO | None = None, stdout: TextIO | None = None,
        stderr: TextIO | None = None) -> int:
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    path = getattr(args, "file", None) or "-"
    try:
        name, text = read_input(path, stdin)
    except Unreadable as exc:
        print(f"{PROG}: {clean_text(str(exc), multiline=False)}", file=err)
        return 2
    lines, is_hostile = report(name, text, first_note=bool(getattr(args, "first_note", False)))
    for line in lines:
        print(line, file=out)
    return 1 if is_hostile else 0
