"""Snapshots of Today on the demo data with the frozen date (2026-03-02): 80x24, 120x40, NO_COLOR,
and the settings form at 80x24."""

from __future__ import annotations

import pytest

from tests.screens import today_ready


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_today(demo_store, make_app, snap_compare, size):
    app = make_app(demo_store)
    assert snap_compare(app, terminal_size=size, run_before=today_ready)


def test_today_no_color(demo_store, make_app, snap_compare, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(demo_store)
    assert snap_compare(app, terminal_size=(80, 24), run_before=today_ready)


def test_today_lower_rows_80x24(demo_store, make_app, snap_compare):
    """Scrolled down to the due list (only the newest plan is open, so 14 rows down is a due row)."""
    app = make_app(demo_store)

    async def run_before(pilot) -> None:
        await today_ready(pilot)
        for _ in range(14):
            await pilot.press("j")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_settings_80x24(demo_store, make_app, snap_compare):
    app = make_app(demo_store)
    assert snap_compare(app, terminal_size=(80, 24), press=["comma"], run_before=today_ready)
