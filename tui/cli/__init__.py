"""Argument parsing and the subcommands. Only the app path imports Textual."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from store import logs
from tui.cli.parser import build_parser

__all__ = ["build_parser", "run", "run_safely"]


def _data_dir(args) -> Path:
    from store.paths import resolve_data_dir

    return resolve_data_dir(getattr(args, "sub_data_dir", None) or args.data_dir)


def _restore_hint(args, data_dir: Path) -> str:
    flag = f" --data-dir {data_dir}" if (args.data_dir or getattr(args, "sub_data_dir", None)) else ""
    return f"rebound-tui doctor --restore latest{flag}"


def explain_corrupt(exc, args, data_dir: Path, keyring=None) -> str:
    from store import backups

    good = backups.newest_valid(data_dir, keyring)
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


def run_safely(argv: list[str]) -> int:
    """:func:`run`, with the faults of a terminal turned into one line and an exit code instead of a
    traceback: output cut short by a pipe (``doctor | head -1``: exit 0, quietly), output that can't be
    written (``today > /dev/full``: exit 1), and any unexpected error (exit 70, logged without the
    person's text; a traceback's locals would print it)."""
    try:
        code = run(argv)
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        _silence_stdout()
        return 0
    except KeyboardInterrupt:
        print("\nrebound-tui: stopped.", file=sys.stderr)
        return 130
    except OSError as exc:
        if _is_stdout_error(exc):
            _silence_stdout()
            print(f"rebound-tui: could not write the output: {exc.strerror or exc}.", file=sys.stderr)
            return 1
        logs.crashed(exc)
        return _unexpected(exc)
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one message, logged, no traceback
        logs.crashed(exc)
        return _unexpected(exc)


def _is_stdout_error(exc: OSError) -> bool:
    """Our own output failed (a full device, a closed pipe, a dead terminal): the store's writes
    raise SaveError instead, and file errors carry a file name."""
    import errno

    return exc.filename is None and exc.errno in (errno.ENOSPC, errno.EIO, errno.EPIPE)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _unexpected(exc: BaseException) -> int:
    print(f"rebound-tui: stopped by an unexpected error ({type(exc).__name__}); nothing was changed that "
          "wasn't saved before it. Details without personal text are in rebound.log in the data folder "
          "(rebound-tui doctor shows them).", file=sys.stderr)
    return 70


def run(argv: list[str]) -> int:
    from tui.cli.parser import is_plain_start, plain_start_args

    # a plain start (``rebound-tui [--data-dir D] [--demo]``) is read without argparse
    args: Any = plain_start_args(argv) if is_plain_start(argv) else build_parser().parse_args(argv)
    if args.command is not None:  # no app: the collector paused for its start runs again
        from tui.shell.collector import resume

        resume()
    if args.command == "doctor":
        from tui.cli import doctor as cli_doctor

        return cli_doctor.run(args, _data_dir(args))
    if args.command in ("encrypt", "decrypt", "passphrase"):
        from tui.cli import privacy

        run_privacy = {"encrypt": privacy.encrypt, "decrypt": privacy.decrypt, "passphrase": privacy.passphrase}
        return run_privacy[args.command](args, _data_dir(args))
    if args.command == "backup":
        from tui.cli import doctor as cli_doctor

        return cli_doctor.backup(_data_dir(args))
    if args.command == "today":
        from tui.cli import today as cli_today

        return cli_today.run(args, _data_dir(args))
    if args.command == "export" and args.what == "journal":
        from tui.cli import export_journal as cli_export_journal

        return cli_export_journal.run(args, _data_dir(args))
    if args.command == "export" and args.what == "contacts":
        from tui.cli import export_contacts as cli_export_contacts

        return cli_export_contacts.run(args, _data_dir(args))
    if args.command == "export":
        from tui.cli import export_data as cli_export_data

        return cli_export_data.run(args, _data_dir(args))
    if args.command in ("checkin", "write", "journal"):
        from tui.cli import capture

        if args.command == "checkin":
            return capture.checkin(args, _data_dir(args))
        if args.command == "write":
            return capture.write(args, _data_dir(args))
        if getattr(args, "journal_command", None) != "search":
            print("rebound-tui journal: try `rebound-tui journal search TERMS`.", file=sys.stderr)
            return 2
        return capture.journal_search(args, _data_dir(args))
    if args.command == "check-tone":
        from tui.cli import check_tone as cli_check_tone

        return cli_check_tone.run(args)
    if args.command == "import" and args.what == "linkedin":
        from tui.cli import imports as cli_import

        return cli_import.run(args, _data_dir(args))
    if args.command == "import":
        from tui.cli import import_data as cli_import_data

        return cli_import_data.run(args, _data_dir(args))
    from tui.cli.app_launch import open_app

    return open_app(args)


def open_store_or_explain(args, data_dir: Path, *, read_only: bool = False, keyring=None,
                          defer_daily_backup: bool = False, opening=None):
    """Open the store; on a corrupt file print what to do and return None.

    A folder that holds files that aren't Rebound's (and no Rebound data) is refused; at a terminal,
    a session that would write asks first. Encrypted data is unlocked with ``keyring``, else with the
    passphrase (``--passphrase-file``, or asked at the terminal: see :mod:`tui.cli.unlock`). ``opening``:
    an :class:`tui.cli.early_open.EarlyOpen` already opening the same folder with the same keys."""
    from store.db import Store
    from store.errors import CorruptDataError, CryptoError, SaveError
    from store.paths import DataDirError, ForeignFolderError, is_encrypted

    if opening is None and keyring is None and data_dir.is_dir() and is_encrypted(data_dir):
        from tui.cli import unlock

        keyring = unlock.keyring_for(args, data_dir)
        if isinstance(keyring, int):
            return None
    try:
        try:
            if opening is not None:
                store = opening.result()
            else:
                store = Store.open(data_dir, read_only=read_only, keyring=keyring,
                                   defer_daily_backup=defer_daily_backup)
        except ForeignFolderError as exc:
            if read_only or not _may_use_foreign_folder(exc):
                raise
            store = Store.open(data_dir, read_only=read_only, keyring=keyring, defer_daily_backup=defer_daily_backup)
    except DataDirError as exc:
        print(f"rebound-tui: {exc}", file=sys.stderr)
        return None
    except CorruptDataError as exc:
        print(explain_corrupt(exc, args, data_dir, keyring), file=sys.stderr)
        return None
    except CryptoError as exc:
        print(f"rebound-tui: {exc}", file=sys.stderr)
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
    logs.setup(data_dir, read_only=store.read_only)
    read_everything_now(store)
    return store


def read_everything_now(store) -> None:
    """A data file Rebound didn't write itself (a hand edit, another program, an older version) is
    read whole already: build every table's records now, so values of the wrong type are noticed
    (:mod:`store.shapes`) before the app starts and its start-up notices say so. Rebound's own
    checksummed file needs none of this and keeps its lazy start."""
    if not store.storage.trusted:
        for repo in store.repos:
            repo.all()


def _may_use_foreign_folder(exc) -> bool:
    """At a terminal, ask whether Rebound may keep its data in a folder that holds other files; a yes
    marks the folder as a data folder. False (nothing changed) without a terminal or without a yes."""
    from store.paths import claim_data_dir, listed
    from tui.cli import files

    if not files.is_tty():
        return False
    if not files.ask(f"{exc.path} holds files that aren't Rebound's ({listed(exc.names)}). Keep Rebound's data "
                     "there anyway? Rebound only creates and changes its own files (rebound.json, rebound.lock, "
                     "rebound.log, backups/, exports/, cache/) and leaves the folder's permissions as they are. "
                     "[y/N] "):
        return False
    claim_data_dir(exc.path)
    return True


def _tell(message: str) -> None:
    """One paragraph on standard error, if there still is one (after SIGHUP the terminal is gone)."""
    try:
        print(f"rebound-tui: {message}", file=sys.stderr, flush=True)
    except (OSError, ValueError):
        pass


def _ensure_env() -> None:  # pragma: no cover - for `python -m tui` with odd locales
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
