"""Snapshots for issue 11 at 80x24 with the frozen date (2026-03-02): the first-run screen on an empty
folder, a fresh rebound plan topped by the person's plan for a no, and an interview brief in a card's
details (the demo's Lumen Robotics card moved to Screening three days ago)."""

from __future__ import annotations

from tests.screens import today_ready
from tests.waiting import settle, until_screen


def test_first_run_screen_80x24(store, make_app, snap_compare):
    from tui.shell.welcome import WelcomeScreen

    async def run_before(pilot) -> None:
        await until_screen(pilot, WelcomeScreen)
        await settle(pilot)

    assert snap_compare(make_app(store, first_run=True), terminal_size=(80, 24), run_before=run_before)


def test_plan_with_the_if_then_line_80x24(demo_store, make_app, snap_compare):
    demo_store.settings.set_if_no_plan("take a walk")
    assert snap_compare(make_app(demo_store), terminal_size=(80, 24), run_before=today_ready)


def test_interview_brief_in_the_details_80x24(demo_store, make_app, snap_compare):
    from tui.board.details import DetailsScreen
    from tui.board.screen import BoardScreen

    card = next(a for a in demo_store.applications.all() if a.company == "Lumen Robotics")
    assert card.stage == "screening"

    async def run_before(pilot) -> None:
        await pilot.press("2")
        board = await until_screen(pilot, BoardScreen)
        board.show_application(card.id)
        await until_screen(pilot, DetailsScreen)
        await settle(pilot)

    assert snap_compare(make_app(demo_store), terminal_size=(80, 24), run_before=run_before)
