"""The console script runs without garbage collection until the app's first frame (issue 16); a
subcommand, or the app once it has painted, turns it back on (:mod:`tui.shell.collector`)."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest

from store.db import Store
from tests.screens import today_ready
from tui.shell import collector

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def paused():
    """The collector paused as the console script pauses it; on again after the test."""
    collector.resume()
    gc.enable()
    collector.pause_for_start()
    yield
    collector.resume()
    gc.enable()


def test_the_console_script_pauses_the_collector_first():
    """``main()`` as the console script calls it (no arguments) runs the command line with the collector
    paused; called with arguments (tests, scripts) it leaves it alone."""
    code = ("import gc, sys, tui.cli\n"
            "tui.cli.run_safely = lambda argv: print('enabled' if gc.isenabled() else 'paused') or 0\n"
            "from tui.__main__ import main\n"
            "main(['--version']) if sys.argv[1] == 'args' else main()\n")
    for how, said in (("console", "paused"), ("args", "enabled")):
        out = subprocess.run([sys.executable, "-c", code, how], cwd=ROOT, capture_output=True, text=True,
                             check=True, timeout=60)
        assert out.stdout.strip() == said


def test_a_pause_made_by_someone_else_is_theirs_to_end():
    gc.disable()
    try:
        collector.pause_for_start()
        collector.resume()
        assert not gc.isenabled()
    finally:
        gc.enable()


async def test_the_app_turns_it_on_after_its_first_frame(paused, demo_on_disk, make_app):
    s = Store.open(demo_on_disk)
    app = make_app(s)
    try:
        assert not gc.isenabled()
        async with app.run_test(size=(80, 24)) as pilot:
            await today_ready(pilot)
            await pilot.pause()
            assert gc.isenabled()
    finally:
        s.close()


def test_a_subcommand_turns_it_on(paused, demo_on_disk, capsys):
    from tui.cli import run

    assert not gc.isenabled()
    assert run(["--data-dir", str(demo_on_disk), "backup"]) == 0
    assert gc.isenabled()
