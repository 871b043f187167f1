"""What the export subcommands share: asking at a terminal, and checking the target file before
anything is read or written (no Textual on this path)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path


def is_tty() -> bool:
    try:
        return sys.stdin.isatty() and sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def ask(question: str) -> bool:
    print(question, end="", file=sys.stderr, flush=True)
    try:
        answer = sys.stdin.readline()
    except (KeyboardInterrupt, EOFError):
        return False
    return answer.strip().lower() in ("y", "yes")


def check_target(prog: str, target: Path, data_dir: Path, *, force: bool,
                 is_tty: Callable[[], bool], ask: Callable[[str], bool]) -> int | None:
    """None when the export may go ahead; else the exit code, after saying why on stderr.

    A folder is refused; an existing file is replaced only with ``force`` or after a yes at a
    terminal; a data folder that does not exist has nothing to export.
    """
    if target.exists() and target.is_dir():
        print(f"{prog}: {target} is a folder; give a file name with --output.", file=sys.stderr)
        return 2
    if target.exists() and not force:
        if not is_tty():
            print(f"{prog}: {target} already exists; not overwritten. Use --force to replace it, "
                  "or --output to pick another file.", file=sys.stderr)
            return 1
        if not ask(f"{target} already exists. Overwrite it? [y/N] "):
            print("Not exported; the existing file is unchanged.", file=sys.stderr)
            return 1
    if not data_dir.exists():
        print(f"{prog}: no data at {data_dir} yet; nothing to export.", file=sys.stderr)
        return 1
    return None
