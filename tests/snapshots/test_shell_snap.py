"""Snapshots of the shell itself: help over each screen, and the read-only banner, at 80x24."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("key", ["1", "2", "3", "4", "5"])
def test_help_over_each_screen(demo_store, make_app, snap_compare, key):
    app = make_app(demo_store)

    async def run_before(pilot) -> None:
        await pilot.press(key)
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_read_only_banner(demo_store, make_app, snap_compare, data_dir):
    from store.db import Store

    second = Store.open(data_dir)  # demo_store holds the lock: this one is read-only
    try:
        from store.lock import LockHolder

        holder = LockHolder(4242, "", "2026-03-02T09:00:00")  # a fixed pid and time, for a stable picture
        second.read_only_reason = f"Read-only: {holder.describe()} has this data open. Close it there to edit here."
        app = make_app(second)

        async def run_before(pilot) -> None:
            await pilot.press("2")
            await pilot.pause()

        assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
    finally:
        second.close()
