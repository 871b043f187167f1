"""Benchmark section: the contacts list at 2,000 contacts and 20,000 touchpoints (the heavy
dataset) against the same on the 50-contact dataset (``ctx.copy("small")``).

* open the list (key ``4`` from Today until painted, a fresh store each time: contacts read from
  disk, every due date, state and reason computed, sorted, drawn);
* recompute and re-sort every row (what a log, snooze or coming back to the screen costs);
* one search keystroke (filtered and redrawn), and the "due now" filter;
* a cursor move with the detail pane open (the contact's timeline read from the touchpoint index);
* logging one touchpoint (persisted in one write, the list recomputed and redrawn);
* planning a 2,000-row LinkedIn import, against reading the same file with the csv module.

Headless ``App.run_test`` at 80x24; each figure is the median of several runs.
"""

from __future__ import annotations

import asyncio
import csv
import io
import statistics
import time
from pathlib import Path

from bench import Row, open_app, time_screen_open

from tui.contacts.actions import Done


def _paint(widget) -> None:
    for y in range(widget.size.height):
        widget.render_line(y)


async def _open(data_dir: Path) -> float:
    return await time_screen_open(data_dir, "4")


async def _actions(data_dir: Path, repeat: int) -> dict[str, float]:
    from store.models import Touchpoint

    store, app = open_app(data_dir)
    out: dict[str, list[float]] = {"refresh": [], "search": [], "due": [], "move": [], "log": []}
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("4")
            await pilot.pause()
            screen = app.screen
            table = screen.table
            for _ in range(repeat):
                t = time.perf_counter()
                screen.refresh_data(force=True)
                _paint(table)
                out["refresh"].append(time.perf_counter() - t)

                t = time.perf_counter()
                screen.contacts.filters.text = "an"
                screen.apply_filters()
                _paint(table)
                out["search"].append(time.perf_counter() - t)
                screen.contacts.filters.text = ""
                screen.apply_filters()

                t = time.perf_counter()
                screen.action_due_now()
                _paint(table)
                out["due"].append(time.perf_counter() - t)
                screen.action_due_now()

            screen.view.set_detail_open(True)
            await pilot.pause()
            for _ in range(repeat):
                t = time.perf_counter()
                table.action_cursor_down()
                screen.view.after_move()
                _paint(table)
                out["move"].append(time.perf_counter() - t)
            screen.view.set_detail_open(False)

            saves = store.storage.saves
            for _ in range(repeat):
                row = screen.current_row()
                t = time.perf_counter()
                store.touchpoints.log(Touchpoint(contact_ids=[row.id], summary="bench"))
                screen.dealt_with(Done(ids=(row.id,)))
                _paint(table)
                out["log"].append(time.perf_counter() - t)
            assert store.storage.saves == saves + repeat and not store.dirty
    finally:
        store.close()
    return {k: statistics.median(v) for k, v in out.items()}


def _connections_csv(rows: int) -> bytes:
    lines = ["Notes:", '"When exporting your connection data, you may notice that some of the email addresses '
             'are missing."', "", "First Name,Last Name,URL,Email Address,Company,Position,Connected On"]
    for i in range(rows):
        lines.append(f'P{i},Q{i},https://www.linkedin.com/in/p-{i},,"Company {i % 300}, Inc.",'
                     f'"Engineer, level {i % 5}",{1 + i % 28:02d} Mar 2024')
    return ("\n".join(lines) + "\n").encode("utf-8")


def run(ctx) -> list[Row]:
    from store import linkedin
    from store.db import Store

    repeat = 3 if ctx.quick else 5
    rows: list[Row] = []

    heavy_open = statistics.median(asyncio.run(_open(ctx.copy("heavy"))) for _ in range(3))
    small_open = statistics.median(asyncio.run(_open(ctx.copy("small"))) for _ in range(3))
    n = ctx.sizes["contacts"]
    rows.append(Row(f"open the list ({n:,} contacts), key 4 to painted", heavy_open,
                    "same, 50 contacts", small_open, "<= 1.5x"))

    heavy = asyncio.run(_actions(ctx.copy("heavy"), repeat))
    small = asyncio.run(_actions(ctx.copy("small"), repeat))
    rows.append(Row("recompute + sort every row (after a log or snooze; unchanged rows reuse their due info)",
                    heavy["refresh"],
                    "same, 50 contacts", small["refresh"], "< 100 ms"))
    rows.append(Row("one search keystroke (filter + redraw)", heavy["search"], "same, 50 contacts",
                    small["search"], "< 50 ms"))
    rows.append(Row("'due now' filter on/off", heavy["due"], "same, 50 contacts", small["due"], "< 50 ms"))
    rows.append(Row("cursor move with the detail pane open", heavy["move"], "same, 50 contacts", small["move"],
                    "< 30 ms"))
    rows.append(Row("log a touchpoint (one write) + list recomputed", heavy["log"], "same, 50 contacts",
                    small["log"], "< 250 ms"))

    data = _connections_csv(2_000)
    store = Store.open(ctx.copy("heavy"))
    try:
        existing = store.contacts.all()
        settings = store.settings.current()

        def plan() -> None:
            p = linkedin.plan_import(linkedin.parse_connections(data), existing, settings)
            assert len(p.added) == 2_000

        def plain() -> None:
            text = data.decode("utf-8")
            assert len(list(csv.reader(io.StringIO(text)))) > 2_000

        ours = ctx.measure(plan, repeat=repeat)
        base = ctx.measure(plain, repeat=repeat)
    finally:
        store.close()
    rows.append(Row(f"LinkedIn import plan, 2,000 rows against {len(existing):,} contacts", ours,
                    "csv.reader over the same file", base, "< 500 ms"))
    return rows
