"""``rebound-tui export journal --format md [--output FILE] [--force]`` (no Textual on this path).

Writes the journal as Markdown (one section per entry, control characters stripped) to FILE, or to
``<data dir>/exports/journal-YYYY-MM-DD.md``. The file is 0600. An existing file is replaced only
after a yes at the terminal, or with ``--force`` when there is no terminal to ask.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from tui.cli import files as cli_files

FORMATS = ("md", "markdown")


PROG = "rebound-tui export journal"


def run(args, data_dir: Path, *, is_tty: Callable[[], bool] = cli_files.is_tty,
        ask: Callable[[str], bool] = cli_files.ask) -> int:
    fmt = (getattr(args, "fmt", None) or "md").lower()
    if fmt not in FORMATS:
        print(f"rebound-tui export journal: unknown format {fmt!r}; the journal exports as md (Markdown).",
              file=sys.stderr)
        return 2
    from store.journal_export import default_export_path, export_store
    from tui.cli import open_store_or_explain

    output = getattr(args, "output", None)
    target = Path(output).expanduser() if output else default_export_path(data_dir)
    stop = cli_files.check_target(PROG, target, data_dir, force=getattr(args, "force", False),
                                  is_tty=is_tty, ask=ask)
    if stop is not None:
        return stop
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
