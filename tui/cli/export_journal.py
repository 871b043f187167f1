"""``rebound-tui export journal --format md|jrnl [--output FILE|-] [--force] [--dry-run]`` (no Textual on
this path).

``md``: the journal as Markdown (one section per entry, user text escaped per CommonMark, control
characters stripped). ``jrnl``: jrnl's text format, which ``jrnl --import`` reads one entry per entry.
Written to FILE, to standard output with ``-o -``, or to ``<data dir>/exports/journal-YYYY-MM-DD.md``
(``.txt`` for jrnl). The file is 0600. An existing file is replaced only after a yes at the terminal,
or with ``--force`` when there is no terminal to ask.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from tui.cli import files as cli_files

FORMATS = ("md", "markdown", "jrnl")


PROG = "rebound-tui export journal"


def run(args, data_dir: Path, *, is_tty: Callable[[], bool] = cli_files.is_tty,
        ask: Callable[[str], bool] = cli_files.ask) -> int:
    fmt = (getattr(args, "fmt", None) or "").lower().lstrip(".")
    if not fmt:
        fmt = "jrnl" if (getattr(args, "output", None) or "").lower().endswith((".txt", ".jrnl")) else "md"
    if fmt not in FORMATS:
        print(f"{PROG}: unknown format {fmt!r}; the journal exports as md (Markdown) or jrnl (jrnl's text "
              "format).", file=sys.stderr)
        return 2
    from store.journal_export import default_export_path, to_markdown
    from tui.cli import open_store_or_explain

    default = default_export_path(data_dir)
    if fmt == "jrnl":
        default = default.with_suffix(".txt")
    out = cli_files.Output(PROG, getattr(args, "output", None), default)
    dry_run = bool(getattr(args, "dry_run", False))
    stop = out.check(data_dir, force=getattr(args, "force", False), dry_run=dry_run, is_tty=is_tty, ask=ask)
    if stop is not None:
        return stop
    store = open_store_or_explain(args, data_dir, read_only=True)
    if store is None:
        return 2
    try:
        def title(app_id: str | None) -> str:
            app = store.applications.get(app_id)
            return app.title if app else ""

        entries = store.journal.all()
        if fmt == "jrnl":
            from store.exporting.jrnl import to_jrnl

            text = to_jrnl(entries, title)
        else:
            text = to_markdown(entries, title)
    finally:
        store.close()
    count = sum(1 for e in entries if not e.is_draft)
    noun = "entry" if count == 1 else "entries"
    return out.write(text.encode("utf-8"), f"{count} journal {noun}", dry_run=dry_run)
