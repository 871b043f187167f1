"""``rebound-tui export contacts --format csv|ics|vcf [--output FILE|-] [--force] [--alarm HH:MM]`` (no
Textual on this path).

CSV: every contact with its cadence, last touch, next due date and state; safe to open in a
spreadsheet (cells that would run as formulas are prefixed with ``'``). ICS: each contact's next
due date as an all-day event, for a calendar app (``--alarm`` adds a reminder at that time). VCF:
vCard 4.0 for an address book. Written to FILE (``-`` for standard output), or
to ``<data dir>/exports/contacts-YYYY-MM-DD.<fmt>``; the file is 0600. An existing file is replaced
only after a yes at the terminal, or with ``--force`` when there is no terminal to ask.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from tui.cli import files as cli_files

FORMATS = ("csv", "ics", "vcf")
PROG = "rebound-tui export contacts"


def _pick_format(args) -> str | None:
    fmt = (getattr(args, "fmt", None) or "").strip().lower().lstrip(".")
    if fmt:
        return {"ical": "ics", "icalendar": "ics", "vcard": "vcf"}.get(fmt, fmt)
    output = getattr(args, "output", None) or ""
    suffix = Path(output).suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else "csv"


def _alarm(args):
    """``--alarm HH:MM`` as a time, None when not given; raises ValueError on a bad one."""
    from datetime import time

    raw = (getattr(args, "alarm", None) or "").strip()
    if not raw:
        return None
    hour, _, minute = raw.partition(":")
    return time(int(hour), int(minute or 0))


def run(args, data_dir: Path, *, is_tty: Callable[[], bool] = cli_files.is_tty,
        ask: Callable[[str], bool] = cli_files.ask) -> int:
    fmt = _pick_format(args)
    if fmt not in FORMATS:
        print(f"{PROG}: unknown format {fmt!r}; use --format csv (a spreadsheet), ics (a calendar of next "
              "check-ins) or vcf (vCard 4.0 for an address book).", file=sys.stderr)
        return 2
    try:
        alarm = _alarm(args)
    except ValueError:
        print(f"{PROG}: --alarm takes a time of day as HH:MM (e.g. 09:30), not {args.alarm!r}.", file=sys.stderr)
        return 2
    from store.contacts_export import default_filename, export_contacts
    from store.paths import EXPORT_DIR
    from tui.cli import open_store_or_explain

    out = cli_files.Output(PROG, getattr(args, "output", None), data_dir / EXPORT_DIR / default_filename(fmt))
    dry_run = bool(getattr(args, "dry_run", False))
    stop = out.check(data_dir, force=getattr(args, "force", False), dry_run=dry_run, is_tty=is_tty, ask=ask)
    if stop is not None:
        return stop
    store = open_store_or_explain(args, data_dir, read_only=True)
    if store is None:
        return 2
    try:
        data, count = export_contacts(store, fmt, alarm=alarm)
    finally:
        store.close()
    if fmt == "ics":
        what = f"{count} next check-in{'s' if count != 1 else ''} (all-day events)"
    else:
        what = f"{count} contact{'s' if count != 1 else ''}"
    return out.write(data, what, dry_run=dry_run)
