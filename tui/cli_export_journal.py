"""``rebound-tui export journal --format md [--output FILE] [--force]`` (no Textual on this path).

Writes the journal as Markdown (one section per entry, control characters stripped) to FILE, or to
``<data dir>/exports/journal-YYYY-MM-DD.md``. The file is 0600. An existing file is replaced only
after a yes at the terminal, or with ``--force`` when there is no terminal to ask.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable

FORMATS = ("md", "markdown")


def _is_tty() -> bool:
    try:
        return sys.stdin.isatty() and sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def _ask(question: str) -> bool:
    print(question, end="", file=sys.stderr, flush=True)
    try:
        answer = sys.stdin.readline()
    except (KeyboardInterrupt, EOFError):
        return False
    return answer.strip().lower() in ("y", "yes")


def run(args, data_dir: Path, *, is_tty: Callable[[], bool] = _is_tty,
        ask: Callable[[str], bool] = _ask) -> int:
    fmt = (getattr(args, "fmt", None) or "md").lower()
    if fmt not in FORMATS:
        print(f"rebound-tui export journal: unknown format {fmt!r}; the journal exports as md (Markdown).",
              file=sys.stderr)
        return 2
    from store.journal_export import default_export_path, export_store
    from tui.cli import open_store_or_explain

    output = getattr(args, "output", None)
    target = Path(output).expanduser() if output else default_export_path(data_dir)
    if target.exists() and target.is_dir():
        print(f"rebound-tui export journal: {target} is a folder; give a file name with --output.",
              file=sys.stderr)
        return 2
    if target.exists() and not getattr(args, "force", False):
        if not is_tty():
            print(f"rebound-tui export journal: {target} already exists; not overwritten. "
                  "Use --force to replace it, or --output to pick another file.", file=sys.stderr)
            return 1
        if not ask(f"{target} already exists. Overwrite it? [y/N] "):
            print("Not exported; the existing file is unchanged.", file=sys.stderr)
            return 1
    if not data_dir.exists():
        print(f"rebound-tui export journal: no data at {data_dir} yet; nothing to export.", file=sys.stderr)
        return 1
    store = open_store_or_explain(args, data_dir, read_only=True)
    if store is None:
        return 2
    try:
        try:
            path, count = export_store(store, target)
        except OSError as exc:
            print(f"rebound-tui export journal: could not write {target}: {exc.strerror or exc}.",
                  file=sys.stderr)
            return 1
    finally:
        store.close()
    noun = "entry" if count == 1 else "entries"
    print(f"Exported {count} journal {noun} to {path} (readable only by you).")
    return 0
