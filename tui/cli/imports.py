"""``rebound-tui import linkedin FILE [--dry-run]`` (no Textual on this path).

Reads LinkedIn's Connections.csv, prints what it added, updated and skipped (with reasons), and
saves it all in one write. ``--dry-run`` prints the same summary and changes nothing. Progress goes
to standard error when it is a terminal and the file is big.
"""

from __future__ import annotations

import sys
from pathlib import Path

from store import logs

PROG = "rebound-tui import linkedin"
PROGRESS_FROM = 500


def _progress_printer():
    try:
        tty = sys.stderr.isatty()
    except (AttributeError, ValueError):
        tty = False
    if not tty:
        return None

    def show(done: int, total: int) -> None:
        if total < PROGRESS_FROM:
            return
        end = "\n" if done >= total else ""
        print(f"\rReading connections: {done:,} of {total:,}", end=end, file=sys.stderr, flush=True)

    return show


def run(args, data_dir: Path) -> int:
    if getattr(args, "what", "linkedin") != "linkedin":
        print("rebound-tui import: only 'linkedin' is supported.", file=sys.stderr)
        return 2
    from store import linkedin
    from tui.cli import open_store_or_explain

    dry_run = bool(getattr(args, "dry_run", False))
    path = Path(args.file).expanduser()
    try:
        raw = linkedin.read_bytes(path)
        parsed = linkedin.parse_connections(raw)
    except linkedin.ImportFormatError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 2
    store = open_store_or_explain(args, data_dir, read_only=dry_run)
    if store is None:
        return 2
    try:
        if not dry_run and store.read_only:
            print(f"{PROG}: {store.read_only_reason or 'the data is read-only.'} Nothing was imported.",
                  file=sys.stderr)
            return 1
        plan = linkedin.plan_import(parsed, store.contacts.all(), store.settings.current(),
                                    progress=_progress_printer())
        title = f"LinkedIn import from {path.name}" + (" (dry run: nothing saved)" if dry_run else "")
        print(title)
        for line in plan.summary_lines():
            print(f"  {line}")
        if dry_run or not plan.has_changes:
            if not dry_run:
                print("Nothing to change.")
            return 0
        from store.errors import ExternalChangeError, ReadOnlyError, SaveError

        try:  # a failed save is retried once; if it still fails, nothing is left to be saved at close
            store.save_or_discard(lambda: store.contacts.apply_import(plan))
        except (SaveError, ExternalChangeError, ReadOnlyError) as exc:
            print(f"{PROG}: not saved: {getattr(exc, 'reason', exc)}. Nothing was imported.", file=sys.stderr)
            return 1
        print(f"Saved: {len(plan.added):,} added, {len(plan.updated):,} updated.")
        try:  # so the next start paints Today without recomputing it
            from store import today_cache

            today_cache.refresh(store)
        except Exception as exc:  # noqa: BLE001 - a cache never stands between the user and a finished import
            logs.swallowed(exc, "import: remember today")
        return 0
    finally:
        try:
            store.close()
        except Exception as exc:  # noqa: BLE001 - a failed save was already reported; the lock is released
            logs.swallowed(exc, "import: close")
