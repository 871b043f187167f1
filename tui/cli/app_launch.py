"""Opening the app itself: the demo (thrown away, or seeded into a folder to keep), the unlock screen
for encrypted data, the store, and the first run's "look around the demo first"."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from tui.cli import _data_dir, _tell, open_store_or_explain


def _keep_demo_in(args) -> Path | None | int:
    """``--demo --data-dir DIR``: the demo seeded into DIR to keep (DIR must be empty or new). Returns
    the folder, None when the demo is the throwaway kind, or an exit code after saying why not."""
    given = getattr(args, "sub_data_dir", None) or args.data_dir
    if not (args.demo and given):
        return None
    target = _data_dir(args)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        print(f"rebound-tui: --demo --data-dir seeds an empty folder, and {target} is not empty; nothing "
              f"was changed. Open it as it is with: rebound-tui --data-dir {target}", file=sys.stderr)
        return 2
    return target


def open_app(args) -> int:
    demo_dir = None
    keep = _keep_demo_in(args)
    if isinstance(keep, int):
        return keep
    if keep is not None:
        data_dir = keep
    elif args.demo:
        demo_dir = Path(tempfile.mkdtemp(prefix="rebound-demo-"))
        data_dir = demo_dir / "data"
    else:
        data_dir = _data_dir(args)
    try:
        keyring = _unlock_first(args, data_dir)
        if isinstance(keyring, int):
            return keyring
        # the day's backup is written after the app's first frame (ReboundApp.on_mount), not before it
        opening = None
        if not args.demo:
            # the file is read on a thread while Textual and the app import (tui/cli/early_open.py)
            from tui.cli.early_open import EarlyOpen

            opening = EarlyOpen(data_dir, keyring=keyring, defer_daily_backup=True)
            try:
                import tui.app  # noqa: F401 - imported now, beside the file's read
            except BaseException:
                opening.abandon()
                raise
        store = open_store_or_explain(args, data_dir, keyring=keyring, defer_daily_backup=True, opening=opening)
        if store is None:
            return 2
        rescued = ""
        try:
            if args.demo:
                from store import demo

                demo.populate(store)
                if keep is not None:
                    store.flush()
                    if not (sys.stdin.isatty() and sys.stdout.isatty()):  # a script building a folder
                        print(f"Seeded {keep} with the demo data. Open it with: rebound-tui --data-dir {keep}")
                        return 0
            from tui.app import ReboundApp
            from tui.shell import compiled

            if compiled.is_installed():  # the console script's start: Textual's parsed styles kept too
                from tui.shell import css_cache

                css_cache.install()
            first_run = not args.demo and not store.read_only and store.settings.needs_welcome()
            app = ReboundApp(store, demo=bool(args.demo) and keep is None, first_run=first_run)
            app.run()
            code = app.return_code or 0
            from tui.shell.welcome import DEMO_FIRST

            if first_run and app.return_value == DEMO_FIRST:  # the welcome's "look around the demo first"
                code = _demo_then_yours(args, store)
        finally:
            # A save that fails now (disk full, a conflict left unresolved, at quit or on SIGHUP or
            # SIGTERM) writes an emergency copy instead of a traceback; the demo's data is thrown away.
            rescued = store.close_safely()
            if args.demo:
                rescued = ""
            if rescued:
                _tell(rescued)
        return (code or 1) if rescued else code
    finally:
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)


def _unlock_first(args, data_dir: Path):
    """Encrypted data: the unlock screen (or ``--passphrase-file``) before the store is opened, so a
    wrong passphrase reads, locks and tidies nothing. The keys, None for plain data, or an exit code."""
    from store.paths import is_encrypted

    if not (data_dir.is_dir() and is_encrypted(data_dir)):
        return None  # plain data: the unlock helpers (argparse, getpass) are not imported
    from tui.cli import unlock

    if unlock.passphrase_file(args):
        return unlock.keyring_for(args, data_dir)
    from tui.privacy.unlock import unlock_in_terminal

    keyring, why = unlock_in_terminal(data_dir)
    if keyring is None:
        _tell(why)
        return 2
    return keyring


def _demo_then_yours(args, store) -> int:
    """The first run chose the demo: a throwaway demo session, then the person's own (empty) data."""
    import copy

    from tui.app import ReboundApp

    demo_args = copy.copy(args)
    demo_args.demo, demo_args.data_dir = True, None
    if hasattr(demo_args, "sub_data_dir"):
        demo_args.sub_data_dir = None
    code = open_app(demo_args)
    if code:
        return code
    app = ReboundApp(store)
    app.run()
    return app.return_code or 0
