"""The board's first visit (issue 16): the board is made from the board's own modules only (what its
keys open is imported when first opened, or by the warm-up once the board is made), and its health
line is counted after the board's first frame even when the app holds its updates at the switch."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from store import pipeline as p
from store.db import Store
from store.models import Application
from tests.screens import kanban_text, open_board, today_ready
from tests.waiting import settle
from tui.board import health_line
from tui.board.screen import BoardScreen
from tui.shell import warm, warm_imports
from tui.today import loading

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 3, 2)

#: What the board's keys open: imported on first use (or by the warm-up after the board is made).
OPENED_LATER = ["tui.board.forms", "tui.board.closing", "tui.board.details", "tui.board.sweep",
                "tui.board.panels", "tui.board.brief", "tui.dialogs", "textual.widgets._text_area"]

_VISIT = """
import asyncio, json, sys
from store import pipeline as p
from store.db import Store
from store.models import Application
from tui.app import ReboundApp
from datetime import date

seen = {}

async def main():
    store = Store.open(sys.argv[1])
    store.applications.save(p.created(Application(company="Acme", role="Dev"), date(2026, 3, 2)))
    app = ReboundApp(store)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("2")
            for _ in range(20):
                await pilot.pause()
            seen["screen"] = type(app.screen).__name__
            await pilot.press("L")  # a move: no dialog, nothing more imported
            for _ in range(10):
                await pilot.pause()
            seen["moved"] = store.applications.all()[0].stage
            seen["modules"] = sorted(sys.modules)
    finally:
        store.close()

asyncio.run(main())
print(json.dumps(seen))
"""


def test_the_board_and_a_move_import_none_of_what_its_keys_open(tmp_path):
    out = subprocess.run([sys.executable, "-c", _VISIT, str(tmp_path / "data")], capture_output=True,
                         text=True, check=True, cwd=ROOT)
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["screen"] == "BoardScreen" and seen["moved"] == "applied"
    assert [m for m in OPENED_LATER if m in seen["modules"]] == []


async def test_what_the_board_opens_still_opens(store, make_app):
    store.applications.save(p.created(Application(company="Acme", role="Dev"), TODAY))
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_board(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert type(app.screen).__name__ == "ApplicationForm"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "DetailsScreen"


async def test_the_health_count_waits_for_the_boards_frame(store, make_app, monkeypatch):
    """Textual's "after refresh" callbacks run at the screen's idle, which comes before the frame when
    the app holds its updates: the count then looks again until the frame is out."""
    store.applications.save(p.created(Application(company="Acme", role="Dev"), TODAY))
    app = make_app(store)
    counted: list[bool] = []
    real = store.applications.health

    def health(*args, **kwargs):
        counted.append(health_line.unpainted(app.screen))
        return real(*args, **kwargs)

    monkeypatch.setattr(store.applications, "health", health)
    async with app.run_test(size=(100, 30)) as pilot:
        board = await open_board(pilot)
        for _ in range(5):
            await pilot.pause()
        counted.clear()
        assert isinstance(board, BoardScreen)
        board.refresh(layout=True)  # a frame to send, as right after the switch
        board.health_line._due()  # what the idle of a held app ran before that frame
        assert counted == []
        for _ in range(10):
            await pilot.pause()
        assert counted == [False]  # once, after the frame


def test_the_warm_up_imports_what_the_board_opens_after_the_board():
    targets = list(warm_imports.TARGETS)
    assert targets.index("tui.board.screen") < targets.index("tui.board.forms")
    assert "tui.board.forms" not in warm_imports.ORDER["tui.board.screen"]


def _board_made(app) -> BoardScreen | None:
    try:
        stack = app.get_screen_stack("board")
    except KeyError:
        return None
    return stack[0] if stack and stack[0].is_mounted else None


async def _remembered_start(data_dir: Path, make_app, monkeypatch):
    """A first session that shows Today and quits (Today is remembered), and the warm-up run by hand
    in the next one, which starts from that remembered view (not from the records, as a small file
    would: the threshold is lowered)."""
    s = Store.open(data_dir)
    app = make_app(s)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await today_ready(pilot)
            await settle(pilot)
            await pilot.press("q")
    finally:
        s.close()
    monkeypatch.setattr(loading, "EARLY_BYTES", 0)
    monkeypatch.setattr(warm, "IN_TESTS", True)
    monkeypatch.setattr(warm, "DELAY_S", 999.0)  # the test runs the steps itself
    monkeypatch.setattr(warm, "GAP_S", 999.0)
    monkeypatch.setattr(warm, "QUIET_S", 0.0)


async def test_the_board_is_made_and_laid_out_before_its_records_are_read(demo_on_disk, make_app, monkeypatch):
    await _remembered_start(demo_on_disk, make_app, monkeypatch)
    s = Store.open(demo_on_disk)
    app = make_app(s)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await today_ready(pilot)
            warmer = app.warmer
            while (board := _board_made(app)) is None or board.size != app.size:
                warmer.step()
                await pilot.pause()
            assert not s.applications.loaded  # made and laid out first: its columns wait for the records
            assert board.columns.shown() == 0
            await open_board(pilot)  # a visit now reads them and shows them
            await settle(pilot)
            wishlist = sum(1 for a in s.applications.all() if a.stage == "wishlist")
            assert wishlist and f"Wishlist {wishlist}" in kanban_text(app)
            assert board.columns.shown() == s.applications.count()
    finally:
        s.close()


async def test_the_warm_up_fills_the_boards_columns_once_the_records_are_read(demo_on_disk, make_app, monkeypatch):
    await _remembered_start(demo_on_disk, make_app, monkeypatch)
    s = Store.open(demo_on_disk)
    app = make_app(s)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await today_ready(pilot)
            warmer = app.warmer
            while (board := _board_made(app)) is None or board.columns.shown() == 0:
                warmer.step()
                await pilot.pause()
            assert board.columns.shown() == s.applications.count()
            regrouped: list[int] = []
            real = board.columns.regroup
            monkeypatch.setattr(board.columns, "regroup", lambda apps: regrouped.append(1) or real(apps))
            await open_board(pilot)
            await settle(pilot)
            assert regrouped == []  # the visit found the columns filled
            wishlist = sum(1 for a in s.applications.all() if a.stage == "wishlist")
            assert f"Wishlist {wishlist}" in kanban_text(app)
    finally:
        s.close()
