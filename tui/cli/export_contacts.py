"""``rebound-tui export contacts --format csv|ics [--output FILE] [--force]`` (no Textual on this path).

CSV: every contact with its cadence, last touch, next due date and state; safe to open in a
spreadsheet (cells that would run as formulas are prefixed with ``'``). ICS: each contact's next
due date as an all-day event, for a calendar app. Written to FILE (``-`` for standard output), or
to ``<data dir>/exports/contacts-YYYY-MM-DD.<fmt>``; the file is 0600. An existing file is replaced
only after a yes at the terminal, or with ``--force`` when there is no terminal to ask.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from tui.cli import files as cli_files

FORMATS = ("csv", "ics")
PROG = "rebound-tui export contacts"


def _pick_format(args) -> str | None:
    fmt = (getattr(args, "fmt", None) or "").strip().lower().lstrip(".")
    if fmt:
        return {"ical": "ics", "icalendar": "ics"}.get(fmt, fmt)
    output = getattr(args, "output", None) or ""
    suffix = Path(output).suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else "csv"


def run(args, data_dir: Path, *, is_tty: Callable[[], bool] = cli_files.is_tty,
        ask: Callable[[str], bool] = cli_files.ask) -> int:
    fmt = _pick_format(args)
    if fmt not in FORMATS:
        print(f"{PROG}: unknown format {fmt!r}; use --format csv (a spreadsheet) or --format ics "
              "(a calendar of next due dates).", file=sys.stderr)
        return 2
    from store.contacts_export import default_filename, export_contacts
    from store.paths import EXPORT_DIR, ensure_private_dir, write_private
    from tui.cli import open_store_or_explain

    output = getattr(args, "output", None)
    to_stdout = output == "-"
    target = None
    if not to_stdout:
        target = Path(output).expanduser() if output else data_dir / EXPORT_DIR / default_filename(fmt)
        stop = cli_files.check_target(PROG, target, data_dir, force=getattr(args, "force", False),
                                      is_tty=is_tty, ask=ask)
        if stop is not None:
            return stop
    elif not data_dir.exists():
        print(f"{PROG}: no data at {data_dir} yet; nothing to export.", file=sys.stderr)
        return 1
    store = open_store_or_explain(args, data_dir, read_only=True)
    if store is None:
        return 2
    try:
        data, count = export_contacts(store, fmt)
    finally:
        store.close()
    if to_stdout:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    assert target is not None
    try:
        if not output:
            ensure_private_dir(target.parent)
        elif not target.parent.exists():
            print(f"{PROG}: the folder {target.parent} does not exist.", file=sys.stderr)
            return 1
        write_private(target, data)
    except OSError as exc:
        print(f"{PROG}: could not write {target}: {exc.strerror or exc}.", file=sys.stderr)
        return 1
    if fmt == "ics":
        what = f"{count} next due date{'s' if count != 1 else ''} (all-day events)"
    else:
        what = f"{count} contact{'s' if count != 1 else ''}"
    print(f"Exported {what} to {target} (readable only by you).")
    return 0
