"""Benchmark section: the pipeline board at 10,000 applications against the same on 50 cards.

* open the board (key ``2`` from Today until the board is painted);
* one card move (``L``: key press until the move is persisted and the board repainted);
* one filter keystroke (matched, regrouped and drawn);
* the pipeline health figures (computed from every application).

Headless ``App.run_test`` at 80x24; each figure is the median of several runs.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from pathlib import Path

from bench import Row, open_app, time_screen_open


async def _open_board(data_dir: Path) -> float:
    return await time_screen_open(data_dir, "2")


def _paint(widget) -> None:
    """Draw every line of a widget, as the compositor does on a refresh."""
    for y in range(widget.size.height):
        widget.render_line(y)


async def _moves(data_dir: Path, repeat: int) -> tuple[float, float, float, int]:
    """Medians of: one move (the L action: persisted, columns updated, board drawn), the same
    pressed through the event loop (pilot press + idle wait), one filter keystroke."""
    store, app = open_app(data_dir)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("2")
            await pilot.pause()
            board = app.screen
            board.kanban.select("applied", len(board.kanban.cards("applied")) // 2)
            await pilot.pause()
            direct, pressed = [], []
            saves_before = store.storage.saves
            for _ in range(repeat):
                card = board.kanban.current_card.id
                t = time.perf_counter()
                board.action_move(1)
                board.actions.save_now()  # the save the app makes right after the frame
                _paint(board.kanban)
                _paint(board.query_one("#board-health"))
                direct.append(time.perf_counter() - t)
                assert store.applications.get(card).stage == "screening" and not store.dirty
                await pilot.pause()
                await pilot.press("H")  # back, untimed, so every run moves the same card the same way
                await pilot.pause()
                t = time.perf_counter()
                await pilot.press("L")
                pressed.append(time.perf_counter() - t)
                await pilot.pause()  # the save follows the frame
                assert store.applications.get(card).stage == "screening" and not store.dirty
                await pilot.press("H")
                await pilot.pause()
            saved = store.storage.saves - saves_before
            await pilot.press("slash")
            await pilot.pause()
            keys = []
            typed = ""
            for ch in "north wind":
                typed += ch
                t = time.perf_counter()
                board.set_filter(typed)  # what one keystroke in the filter does
                _paint(board.kanban)
                keys.append(time.perf_counter() - t)
                await pilot.pause()
            return statistics.median(direct), statistics.median(pressed), statistics.median(keys), saved
    finally:
        store.close()


def _health(data_dir: Path, repeat: int) -> tuple[float, float]:
    """Medians of: the figures computed from scratch; recomputed after one card moved."""
    from store.db import Store

    store = Store.open(data_dir)
    try:
        repo = store.applications
        repo.all()
        cold, warm = [], []
        some = next(a for a in repo.all() if a.stage == "applied")
        for _ in range(repeat):
            repo._facts = {}
            t = time.perf_counter()
            repo.health()
            cold.append(time.perf_counter() - t)
            repo.step(some.id, +1)
            t = time.perf_counter()
            repo.health()
            warm.append(time.perf_counter() - t)
            repo.step(some.id, -1)
        return statistics.median(cold), statistics.median(warm)
    finally:
        store.close()


def run(ctx) -> list[Row]:
    repeat = 3 if ctx.quick else 5
    heavy, small = ctx.copy("heavy"), ctx.copy("small")
    open_heavy = statistics.median(asyncio.run(_open_board(heavy)) for _ in range(repeat))
    open_small = statistics.median(asyncio.run(_open_board(small)) for _ in range(repeat))
    move_heavy, press_heavy, key_heavy, saves = asyncio.run(_moves(ctx.copy("heavy"), repeat + 2))
    move_small, press_small, key_small, _ = asyncio.run(_moves(ctx.copy("small"), repeat + 2))
    assert saves == 4 * (repeat + 2), "each move is one write"
    n = ctx.sizes["applications"]
    cold_heavy, warm_heavy = _health(ctx.copy("heavy"), repeat)
    cold_small, warm_small = _health(ctx.copy("small"), repeat)
    return [
        Row(f"open the board ({n:,} applications), key to painted", open_heavy,
            "same on a 50-card board", open_small,
            "ratio <= 2.5x (the 50-card figure is Textual mounting a screen)"),
        Row(f"move a card (L action): persisted (fsync), columns updated, board drawn; {n:,} apps", move_heavy,
            "same on a 50-card board", move_small, "< 0.1 s"),
        Row(f"move a card (L pressed), through the event loop to idle, {n:,} applications", press_heavy,
            "same on a 50-card board", press_small, "< 0.15 s"),
        Row(f"filter keystroke: match, regroup, board drawn; {n:,} applications", key_heavy,
            "same on a 50-card board", key_small, "< 0.05 s"),
        Row(f"pipeline health figures from scratch, {n:,} applications", cold_heavy,
            "same from 50", cold_small, "report"),
        Row(f"pipeline health after one move (per-card cache), {n:,} applications", warm_heavy,
            "same from 50", warm_small, "< 0.02 s"),
    ]
