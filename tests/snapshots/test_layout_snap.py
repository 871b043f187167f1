"""Snapshots at 80x24 (and under NO_COLOR) of the layouts issue 12 asked for: Today with several
rebound plans (each folded to one line so "Due today" stays on screen; the top line counts what is
due) and the board's list view (every stage, one line per card), on the demo data with the frozen
date (2026-03-02)."""

from __future__ import annotations

import pytest

from store.models import Application
from tests.screens import today_ready
from tests.waiting import settle


def several_plans(store) -> None:
    """Five more rejections today on top of the demo's four plans."""
    for i, (company, role) in enumerate([("Quarry Labs", "Platform Engineer"), ("Juno Health", "Data Engineer"),
                                         ("Ridgeway", "SRE"), ("Tallis Bank", "Backend Engineer"),
                                         ("Omnibus", "ML Engineer")]):
        app = store.applications.add(Application(company=company, role=role, stage="interviewing",
                                                 applied_on="2026-01-12", contact_names=[f"Interviewer {i}"]))
        store.applications.reject(app.id)


@pytest.mark.parametrize("no_color", [False, True], ids=["color", "no_color"])
def test_today_with_several_plans_80x24(demo_store, make_app, snap_compare, monkeypatch, no_color):
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    several_plans(demo_store)

    async def run_before(pilot) -> None:
        await today_ready(pilot)
        await settle(pilot)

    assert snap_compare(make_app(demo_store), terminal_size=(80, 24), run_before=run_before)


@pytest.mark.parametrize("no_color", [False, True], ids=["color", "no_color"])
def test_board_list_view_80x24(demo_store, make_app, snap_compare, monkeypatch, no_color):
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    demo_store.settings.update(board_view="list")

    async def run_before(pilot) -> None:
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("j", "j", "j", "j", "j", "j", "j")  # on into Applied
        await settle(pilot)

    assert snap_compare(make_app(demo_store), terminal_size=(80, 24), run_before=run_before)
