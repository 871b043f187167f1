"""``rebound-tui export applications|activity|all`` (no Textual on this path).

* ``applications --format csv``: every application with a day per stage, spreadsheet-safe;
* ``applications --format ics``: every interview date as a calendar event;
* ``activity --format csv|md [--from DATE --to DATE]``: the work-search log (date, employer,
  position, what, how, contact person, result), by default the last 7 days;
* ``all``: everything as one JSON file, which ``import all`` reads back into an empty folder.

Written to FILE, to standard output with ``-o -``, or into ``<data dir>/exports/``; 0600, never
replacing a file without ``--force`` or a yes at the terminal. ``--dry-run`` says what it would write.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from tui.cli import files as cli_files

FORMATS = {"applications": ("csv", "ics"), "activity": ("csv", "md"), "all": ("json",)}
DEFAULT_DAYS = 7


def _fmt(args, what: str) -> str:
    fmt = (getattr(args, "fmt", None) or "").strip().lower().lstrip(".")
    if fmt in ("markdown",):
        fmt = "md"
    if not fmt:
        suffix = Path(getattr(args, "output", None) or "").suffix.lower().lstrip(".")
        fmt = suffix if suffix in FORMATS[what] else FORMATS[what][0]
    return fmt


def _range(args, prog: str) -> tuple[date, date] | str:
    """(start, end) of the log, or the one-line complaint."""
    from store import clock
    from store.dates import DateError, parse_user_date

    today = clock.today()
    try:
        end = parse_user_date(args.date_to, today) if getattr(args, "date_to", None) else today
        start = (parse_user_date(args.date_from, today) if getattr(args, "date_from", None)
                 else end - timedelta(days=DEFAULT_DAYS - 1))
    except DateError as exc:
        return f"{prog}: {exc}"
    if start > end:
        return f"{prog}: --from {start.isoformat()} is after --to {end.isoformat()}."
    return start, end


def run(args, data_dir: Path, *, is_tty: Callable[[], bool] = cli_files.is_tty,
        ask: Callable[[str], bool] = cli_files.ask) -> int:
    what = args.what
    prog = f"rebound-tui export {what}"
    fmt = _fmt(args, what)
    if fmt not in FORMATS[what]:
        print(f"{prog}: unknown format {fmt!r}; use {' or '.join(FORMATS[what])}.", file=sys.stderr)
        return 2
    if what != "activity" and (getattr(args, "date_from", None) or getattr(args, "date_to", None)):
        print(f"{prog}: --from and --to are for 'export activity' (the work-search log).", file=sys.stderr)
        return 2
    span = _range(args, prog) if what == "activity" else None
    if isinstance(span, str):
        print(span, file=sys.stderr)
        return 2
    from store import clock
    from store.paths import EXPORT_DIR
    from tui.cli import open_store_or_explain

    stem = {"applications": "applications", "activity": "work-search-log", "all": "rebound-all"}[what]
    if span is not None:
        stem += f"-{span[0].isoformat()}-to-{span[1].isoformat()}"
    else:
        stem += f"-{clock.today().isoformat()}"
    out = cli_files.Output(prog, getattr(args, "output", None), data_dir / EXPORT_DIR / f"{stem}.{fmt}")
    dry_run = bool(getattr(args, "dry_run", False))
    stop = out.check(data_dir, force=getattr(args, "force", False), dry_run=dry_run, is_tty=is_tty, ask=ask)
    if stop is not None:
        return stop
    store = open_store_or_explain(args, data_dir, read_only=True)
    if store is None:
        return 2
    try:
        data, described = _build(store, what, fmt, span)
    finally:
        store.close()
    return out.write(data, described, dry_run=dry_run)


def _build(store, what: str, fmt: str, span: tuple[date, date] | None) -> tuple[bytes, str]:
    if what == "applications" and fmt == "ics":
        from store.exporting.interviews import interviews_ics, with_interview

        n = len(with_interview(store.applications.all()))
        return interviews_ics(store.applications.all()), f"{n} interview{'s' if n != 1 else ''}"
    if what == "applications":
        from store.exporting.applications import applications_csv

        apps = store.applications.all()
        return applications_csv(apps), f"{len(apps)} application{'s' if len(apps) != 1 else ''}"
    if what == "activity":
        from store.exporting import activity

        assert span is not None
        rows = activity.build_log(store.applications.all(), store.touchpoints.all(), store.drafts.all(),
                                  store.contacts.all(), span[0], span[1])
        n = len(rows)
        described = (f"{n} work-search activit{'y' if n == 1 else 'ies'} "
                     f"({span[0].isoformat()} to {span[1].isoformat()})")
        if fmt == "md":
            return activity.log_markdown(rows, span[0], span[1], store.settings.current().my_name), described
        return activity.log_csv(rows), described
    from store.exporting.everything import export_all

    data, count = export_all(store)
    return data, f"everything ({count:,} records)"
