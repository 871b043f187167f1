"""Snapshots of the Journal on the demo data with the frozen date (2026-03-02): the list with its reader
at 80x24 (also wide, NO_COLOR and mid-search), and two steps of the guided reframe at 80x24."""

from __future__ import annotations

import pytest

from tests.waiting import settle, type_text


async def _journal(pilot) -> None:
    await settle(pilot)
    await pilot.press("3")
    await settle(pilot)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_journal_list(demo_store, make_app, snap_compare, size):
    app = make_app(demo_store)
    assert snap_compare(app, terminal_size=size, run_before=_journal)


def test_journal_list_no_color(demo_store, make_app, snap_compare, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(demo_store)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_journal)


def test_journal_search_highlight_80x24(demo_store, make_app, snap_compare):
    app = make_app(demo_store)

    async def run_before(pilot) -> None:
        await _journal(pilot)
        await pilot.press("slash")
        await type_text(pilot, "round")
        await pilot.press("enter", "j")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_wizard_emotions_step_80x24(demo_store, make_app, snap_compare):
    app = make_app(demo_store)

    async def run_before(pilot) -> None:
        await _journal(pilot)
        await pilot.press("r")
        await settle(pilot)
        await type_text(pilot, "Email at 9")
        await pilot.press("pagedown")
        await pilot.press("space", "8", "0", "down", "down", "space", "down", "down", "space", "3", "5")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_wizard_distortions_step_with_funnel_80x24(demo_store, make_app, snap_compare):
    app = make_app(demo_store)

    async def run_before(pilot) -> None:
        await _journal(pilot)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("pagedown", "space", "pagedown")
        await type_text(pilot, "unemployable")
        await pilot.press("tab", "9", "0", "enter", "pagedown")
        await pilot.press("down", "space")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
