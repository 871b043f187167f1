"""Journal section of the benchmark: the list opening and a search answering, at 5,000 entries (the heavy
dataset) against the same on the 50-entry dataset, measured headless with ``app.run_test``."""

from __future__ import annotations

import asyncio
import statistics
import time

from bench import Row

QUERIES = ["unemployable", "final round", "scaling story", "panel", "zzz-nothing"]


async def _open_and_search(data_dir, queries: list[str]) -> tuple[float, float, list[float]]:
    """(seconds to open the journal with its list filled, first search, following searches)."""
    from store.db import Store
    from tui.app import ReboundApp
    from tui.journal.screen import JournalScreen
    from widgets.journal_list import EntryList

    store = Store.open(data_dir)
    try:
        app = ReboundApp(store)
        app.editor_runner = lambda a, p: 0
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            t = time.perf_counter()
            await pilot.press("3")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, JournalScreen)
            lst = screen.query_one(EntryList)
            assert len(lst.rows) == store.journal.count()
            opened = time.perf_counter() - t
            times = []
            for q in queries:
                t = time.perf_counter()
                screen.set_search(q)
                await pilot.pause()
                times.append(time.perf_counter() - t)
            screen.action_clear()
            await pilot.pause()
        return opened, times[0], times[1:]
    finally:
        store.close()


def _measure(ctx, which: str, repeat: int) -> tuple[float, float, float]:
    opens, firsts, rest = [], [], []
    for _ in range(repeat):
        o, f, r = asyncio.run(_open_and_search(ctx.copy(which), QUERIES))
        opens.append(o)
        firsts.append(f)
        rest += r
    return statistics.median(opens), statistics.median(firsts), statistics.median(rest)


def _pure_search(ctx) -> tuple[float, int]:
    from store import journal as J
    from store.db import Store

    store = Store.open(ctx.copy("heavy"))
    try:
        entries = store.journal.entries()
        index = J.SearchIndex()
        J.search(entries, "warm", index=index)  # build the index once
        t = ctx.measure(lambda: J.search(entries, "final round unemployable", index=index), repeat=7)
        return t, len(entries)
    finally:
        store.close()


def run(ctx) -> list[Row]:
    repeat = 1 if ctx.quick else 3
    h_open, h_first, h_next = _measure(ctx, "heavy", repeat)
    s_open, s_first, s_next = _measure(ctx, "small", repeat)
    n = ctx.sizes.get("journal", 5000)
    pure, count = _pure_search(ctx)
    return [
        Row(f"journal list opens (key 3 → list filled), {n:,} entries", h_open,
            "same, 50 entries", s_open, "well under 1 s"),
        Row(f"journal search, first query (index built), {n:,} entries", h_first,
            "same, 50 entries", s_first, "well under 1 s"),
        Row(f"journal search, next queries (median), {n:,} entries", h_next,
            "same, 50 entries", s_next, "well under 1 s"),
        Row(f"search function alone, 3 terms over {count:,} entries (warm index)", pure, "", None, "report"),
    ]
