"""Snapshots of the Board on the demo data with the frozen date (2026-03-02): the board at 80x24
and 120x40, under NO_COLOR, a card's details with its timeline, the sweep, the new-application
form, the close dialog and the health panel."""

from __future__ import annotations

from tests.waiting import settle, type_text


async def _to_board(pilot) -> None:
    await pilot.press("2")
    await settle(pilot)


def test_board_80x24(demo_store, make_app, snap_compare):
    assert snap_compare(make_app(demo_store), terminal_size=(80, 24), run_before=_to_board)


def test_board_120x40(demo_store, make_app, snap_compare):
    assert snap_compare(make_app(demo_store), terminal_size=(120, 40), run_before=_to_board)


def test_board_no_color(demo_store, make_app, snap_compare, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")

    async def run_before(pilot) -> None:
        await _to_board(pilot)
        await pilot.press("l", "l", "l", "l", "l")  # over to Closed: outcomes in words
        await settle(pilot)

    assert snap_compare(make_app(demo_store), terminal_size=(80, 24), run_before=run_before)


def test_board_details_80x24(demo_store, make_app, snap_compare):
    async def run_before(pilot) -> None:
        await _to_board(pilot)
        await pilot.press("l", "l", "l", "enter")  # an Interviewing card
        await settle(pilot)

    assert snap_compare(make_app(demo_store), terminal_size=(80, 24), run_before=run_before)


def test_board_sweep_80x24(demo_store, make_app, snap_compare):
    async def run_before(pilot) -> None:
        await _to_board(pilot)
        await pilot.press("S")
        await settle(pilot)

    assert snap_compare(make_app(demo_store), terminal_size=(80, 24), run_before=run_before)


def test_board_new_form_80x24(demo_store, make_app, snap_compare):
    async def run_before(pilot) -> None:
        await _to_board(pilot)
        await pilot.press("l", "n")
        await settle(pilot)
        await type_text(pilot, "Acme")
        app = pilot.app
        app.screen.query_one("#f-applied_on").value = "-3d"
        app.screen.query_one("#f-deadline").value = "31/12/68"
        await settle(pilot)

    assert snap_compare(make_app(demo_store), terminal_size=(80, 24), run_before=run_before)


def test_board_close_dialog_80x24(demo_store, make_app, snap_compare):
    async def run_before(pilot) -> None:
        await _to_board(pilot)
        await pilot.press("l", "x")
        await settle(pilot)

    assert snap_compare(make_app(demo_store), terminal_size=(80, 24), run_before=run_before)


def test_board_health_panel_80x24(demo_store, make_app, snap_compare):
    async def run_before(pilot) -> None:
        await _to_board(pilot)
        await pilot.press("T")
        await settle(pilot)

    assert snap_compare(make_app(demo_store), terminal_size=(80, 24), run_before=run_before)
