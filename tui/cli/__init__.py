"""Argument parsing and the subcommands. Only the app path imports Textual."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from store import __version__


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="rebound-tui",
        description="Rebound: bounce back from rejection and keep the job search moving.",
        epilog="Data lives in --data-dir, else $REBOUND_DATA_DIR, else your platform's user-data folder.",
    )
    p.add_argument("--data-dir", metavar="DIR", help="use this data folder")
    p.add_argument("--demo", action="store_true",
                   help="open on a throwaway copy of sample data (your real data is not touched)")
    p.add_argument("--version", action="version", version=f"rebound-tui {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    doc = sub.add_parser("doctor", help="check the data file and list backups; restore one")
    doc.add_argument("--restore", metavar="latest|FILE", help="restore the newest good backup, or FILE")
    doc.add_argument("--data-dir", dest="sub_data_dir", metavar="DIR", help=argparse.SUPPRESS)

    bk = sub.add_parser("backup", help="take a backup of the data file now")
    bk.add_argument("--data-dir", dest="sub_data_dir", metavar="DIR", help=argparse.SUPPRESS)

    td = sub.add_parser("today", help="print what is due today (plain text, for a shell login)")
    td.add_argument("--data-dir", dest="sub_data_dir", metavar="DIR", help=argparse.SUPPRESS)

    ex = sub.add_parser("export", help="export the journal (md) or contacts (csv, ics)")
    ex.add_argument("what", choices=["journal", "contacts"])
    ex.add_argument("--format", dest="fmt", default=None, help="journal: md; contacts: csv or ics")
    ex.add_argument("--output", "-o", metavar="FILE", help="where to write (default: the exports folder)")
    ex.add_argument("--force", action="store_true", help="overwrite an existing file without asking")
    ex.add_argument("--data-dir", dest="sub_data_dir", metavar="DIR", help=argparse.SUPPRESS)

    im = sub.add_parser("import", help="import LinkedIn's Connections.csv")
    im.add_argument("what", choices=["linkedin"])
    im.add_argument("file", metavar="FILE")
    im.add_argument("--dry-run", action="store_true", help="show what would change, change nothing")
    im.add_argument("--data-dir", dest="sub_data_dir", metavar="DIR", help=argparse.SUPPRESS)

    ct = sub.add_parser("check-tone", help="check a draft's tone before sending (exit 1 when it may read as hostile)")
    ct.add_argument("file", nargs="?", default="-", metavar="FILE|-", help="the draft (default: standard input)")
    ct.add_argument("--first-note", action="store_true", help="it is a first LinkedIn connection note")
    return p


def _data_dir(args) -> Path:
    from store.paths import resolve_data_dir

    return resolve_data_dir(getattr(args, "sub_data_dir", None) or args.data_dir)


def _restore_hint(args, data_dir: Path) -> str:
    flag = f" --data-dir {data_dir}" if (args.data_dir or getattr(args, "sub_data_dir", None)) else ""
    return f"rebound-tui doctor --restore latest{flag}"


def explain_corrupt(exc, args, data_dir: Path) -> str:
    from store import backups

    good = backups.newest_valid(data_dir)
    lines = [
        "rebound-tui: your data file can't be read, so Rebound did not open it.",
        f"  File:    {exc.path}",
        f"  Problem: {exc.problem}",
        "The file has NOT been changed.",
    ]
    if good:
        lines += [
            f"Newest good backup: {good.name} ({good.modified:%Y-%m-%d %H:%M}).",
            "To restore it (the damaged file is kept in backups/ first), run:",
            f"  {_restore_hint(args, data_dir)}",
        ]
    else:
        lines += [
            "There is no good backup to restore. Move the file aside to start fresh, or repair it by hand:",
            f"  mv '{exc.path}' '{exc.path}.damaged'",
        ]
    lines.append(f"To see the backups: rebound-tui doctor{' --data-dir ' + str(data_dir) if args.data_dir else ''}")
    return "\n".join(lines)


def run(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "doctor":
        from tui.cli import doctor as cli_doctor

        return cli_doctor.doctor(_data_dir(args), restore=args.restore)
    if args.command == "backup":
        from tui.cli import doctor as cli_doctor

        return cli_doctor.backup(_data_dir(args))
    if args.command == "today":
        from tui.cli import today as cli_today

        return cli_today.run(args, _data_dir(args))
    if args.command == "export" and args.what == "journal":
        from tui.cli import export_journal as cli_export_journal

        return cli_export_journal.run(args, _data_dir(args))
    if args.command == "export":
        from tui.cli import export_contacts as cli_export_contacts

        return cli_export_contacts.run(args, _data_dir(args))
    if args.command == "check-tone":
        from tui.cli import check_tone as cli_check_tone

        return cli_check_tone.run(args)
    if args.command == "import":
        from tui.cli import imports as cli_import

        return cli_import.run(args, _data_dir(args))
    return open_app(args)


def open_store_or_explain(args, data_dir: Path, *, read_only: bool = False):
    """Open the store; on a corrupt file print what to do and return None."""
    from store.db import Store
    from store.errors import CorruptDataError, SaveError

    try:
        return Store.open(data_dir, read_only=read_only)
    except CorruptDataError as exc:
        print(explain_corrupt(exc, args, data_dir), file=sys.stderr)
        return None
    except SaveError as exc:
        print(f"rebound-tui: {exc}.", file=sys.stderr)
        return None
    except PermissionError as exc:
        print(f"rebound-tui: no permission to open {exc.filename or data_dir}: {exc.strerror}.",
              file=sys.stderr)
        return None
    except OSError as exc:
        print(f"rebound-tui: can't open {exc.filename or data_dir}: {exc.strerror or exc}.", file=sys.stderr)
        return None


def open_app(args) -> int:
    demo_dir = None
    if args.demo:
        demo_dir = Path(tempfile.mkdtemp(prefix="rebound-demo-"))
        data_dir = demo_dir / "data"
    else:
        data_dir = _data_dir(args)
    try:
        store = open_store_or_explain(args, data_dir)
        if store is None:
            return 2
        try:
            if args.demo:
                from store import demo

                demo.populate(store)
            from tui.app import ReboundApp

            app = ReboundApp(store, demo=bool(args.demo))
            app.run()
            code = app.return_code or 0
        finally:
            store.close()
        return code
    finally:
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)


def _ensure_env() -> None:  # pragma: no cover - for `python -m tui` with odd locales
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
