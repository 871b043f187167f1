"""Start-up of the app from the command line: the plain start builds only the app's own options (the
subcommands' parsers and modules are not loaded), and the day's backup waits for the first frame."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from store import backups
from store.db import Store
from store.models import Application
from tests.waiting import until
from tui.cli.parser import build_parser, is_plain_start, plain_start_args

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("argv", [[], ["--demo"], ["--data-dir", "/x"], ["--data-dir=/x"], ["--data-dir="],
                                  ["--demo", "--data-dir", "d"], ["--passphrase-file", "p", "--data-dir", "d"],
                                  ["--passphrase-file=p=q", "--demo", "--demo"], ["--data-dir", "a", "--data-dir=b"]])
def test_plain_starts(argv):
    assert is_plain_start(argv)
    full, light = build_parser().parse_args(argv), build_parser(start_only=True).parse_args(argv)
    assert vars(light) == vars(full)  # the same answers for everything the app reads
    assert vars(plain_start_args(argv)) == vars(full)  # and read without argparse, the same again


def test_a_plain_start_does_not_import_argparse(tmp_path):
    """Up to opening the store (plain data: no unlock helpers either), nothing imports argparse."""
    code = ("import sys, tui.cli\n"
            "import tui.cli.app_launch as launch\n"
            "launch.open_store_or_explain = lambda args, *a, **k: print(args.demo, 'argparse' in sys.modules)\n"
            f"tui.cli.run(['--data-dir', {str(tmp_path)!r}, '--demo'])\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "False"]


def test_opening_an_empty_folder_builds_no_records(tmp_path):
    """A first start (no data file) has nothing to check: the store opens without building every table's
    records (which imports the whole domain before the first frame)."""
    code = ("import sys, types, pathlib\n"
            "from tui.cli import open_store_or_explain\n"
            f"store = open_store_or_explain(types.SimpleNamespace(), pathlib.Path({str(tmp_path / 'new')!r}))\n"
            "print(store.storage.trusted, 'store.records' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "False"]


@pytest.mark.parametrize("argv", [["today"], ["--data-dir", "d", "doctor"], ["--help"], ["--version"], ["--data-dir"],
                                  ["--data-dir", "--demo"], ["--demo=1"], ["--data", "d"], ["-h"], ["x"], ["--"]])
def test_anything_else_takes_the_full_parser(argv):
    assert not is_plain_start(argv)


def test_a_plain_start_loads_no_subcommand_module():
    code = ("import sys; from tui.cli import parser; parser.build_parser(start_only=parser.is_plain_start(['--demo']));"
            "print(sorted(m for m in sys.modules if m.startswith('tui.cli.') and m != 'tui.cli.parser'))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


async def test_the_app_writes_the_days_backup_after_its_first_frame(data_dir, make_app):
    s = Store.open(data_dir)
    s.applications.save(Application(company="Kept", role="b"))
    s.close()
    for b in backups.list_backups(data_dir):
        b.path.unlink()
    as_opened = (data_dir / "rebound.json").read_bytes()
    store = Store.open(data_dir, defer_daily_backup=True)
    assert backups.list_backups(data_dir) == []
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: backups.list_backups(data_dir), timeout=10)
    (daily,) = backups.list_backups(data_dir)
    assert daily.kind == "daily" and daily.path.read_bytes() == as_opened
    store.close()


def test_the_app_start_reads_the_file_on_a_thread_while_its_modules_import(tmp_path):
    """A plain start opens the store on its own thread (tui/cli/early_open.py), and the app runs on
    that store: the file's read and checksum overlap Textual's import instead of preceding it."""
    s = Store.open(tmp_path / "d")
    s.applications.save(Application(company="Kept", role="b"))
    s.close()
    code = ("import sys, threading\n"
            "import store.db\n"
            "seen = {}\n"
            "real = store.db.Store.open.__func__\n"
            "def spy(cls, *a, **k):\n"
            "    seen['thread'] = threading.current_thread().name\n"
            "    seen['store'] = real(cls, *a, **k)\n"
            "    return seen['store']\n"
            "store.db.Store.open = classmethod(spy)\n"
            "import tui.cli.app_launch as launch\n"
            "import tui.app\n"
            "def run(app):\n"
            "    print(seen['thread'], app.store is seen['store'], app.store.applications.count())\n"
            "tui.app.ReboundApp.run = run\n"
            f"sys.exit(launch.open_app(tui.cli.parser.plain_start_args(['--data-dir', {str(tmp_path / 'd')!r}])))\n")
    out = subprocess.run([sys.executable, "-c", "import tui.cli.parser\n" + code], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout
    assert out.split() == ["rebound-open_0", "True", "1"]


def test_an_early_open_hands_its_error_to_the_main_thread_and_gives_up_its_lock(tmp_path):
    from store.errors import CorruptDataError
    from tui.cli.early_open import EarlyOpen

    bad = tmp_path / "bad"
    bad.mkdir(mode=0o700)
    (bad / "rebound.json").write_bytes(b"{ not json")
    opening = EarlyOpen(bad)
    with pytest.raises(CorruptDataError):
        opening.result()
    assert (bad / "rebound.json").read_bytes() == b"{ not json"

    good = tmp_path / "good"
    opening = EarlyOpen(good)
    opening.abandon()  # the app's import failed: the store it opened is closed, its lock released
    again = Store.open(good)
    assert not again.read_only
    again.close()
    with pytest.raises(RuntimeError):
        opening.result()


def test_a_first_starts_frame_needs_no_today_actions(tmp_path):
    """Today computed at compose (little data, a first start) records steps done elsewhere only when
    there are any: the Today actions' module (and what it imports) waits for the first key."""
    code = ("import asyncio, sys\n"
            "from store.db import Store\n"
            "from tui.app import ReboundApp\n"
            "async def main():\n"
            f"    app = ReboundApp(Store.open({str(tmp_path / 'new')!r}))\n"
            "    async with app.run_test(size=(80, 24)) as pilot:\n"
            "        await pilot.pause()\n"
            "        shown = app.export_screenshot().replace('&#160;', ' ')\n"
            "        print('Due today' in shown, 'tui.today.actions' in sys.modules)\n"
            "asyncio.run(main())\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                         env={**os.environ, "REBOUND_TODAY": "2026-03-02"}).stdout
    assert out.split()[-2:] == ["True", "False"]
