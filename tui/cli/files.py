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


def ask_text(question: str) -> str:
    """A line typed at the terminal ("" on end of input or ctrl+c)."""
    print(question, end="", file=sys.stderr, flush=True)
    try:
        return sys.stdin.readline().strip()
    except (KeyboardInterrupt, EOFError):
        return ""


PLAINTEXT = "It is plain text, not encrypted: keep it somewhere only you can read."


class Output:
    """Where an export goes: a file (checked before anything is read), or standard output (``-o -``)."""

    def __init__(self, prog: str, output: str | None, default: Path) -> None:
        self.prog = prog
        self.to_stdout = output == "-"
        self.explicit = bool(output) and not self.to_stdout
        self.target = default if not output or self.to_stdout else Path(output).expanduser()

    def check(self, data_dir: Path, *, force: bool, dry_run: bool, is_tty: Callable[[], bool],
              ask: Callable[[str], bool]) -> int | None:
        """None when the export may go ahead; else the exit code, after one line on stderr."""
        if self.to_stdout or dry_run:
            if self.target.is_dir() and not self.to_stdout:
                print(f"{self.prog}: {self.target} is a folder; give a file name with --output.", file=sys.stderr)
                return 2
            if not data_dir.exists():
                print(f"{self.prog}: no data at {data_dir} yet; nothing to export.", file=sys.stderr)
                return 1
            return None
        return check_target(self.prog, self.target, data_dir, force=force, is_tty=is_tty, ask=ask)

    def write(self, data: bytes, what: str, *, dry_run: bool) -> int:
        """Write (0600, atomically), then say what was written; ``dry_run`` only says it."""
        from store.paths import ensure_private_dir, write_private

        if self.to_stdout:
            if dry_run:
                print(f"Would write {what} to standard output ({len(data):,} bytes); dry run, nothing written.",
                      file=sys.stderr)
                return 0
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
            return 0
        target = self.target
        if dry_run:
            replace = " (replacing the file there)" if target.exists() else ""
            print(f"Would export {what} to {target}{replace}; dry run, nothing written.")
            return 0
        try:
            if not self.explicit:
                ensure_private_dir(target.parent)
            elif not target.parent.exists():
                print(f"{self.prog}: the folder {target.parent} does not exist.", file=sys.stderr)
                return 1
            write_private(target, data)
        except OSError as exc:
            print(f"{self.prog}: could not write {target}: {exc.strerror or exc}.", file=sys.stderr)
            return 1
        print(f"Exported {what} to {target} (readable only by you). {PLAINTEXT}")
        return 0
