"""Today at 80x24 with several rebound plans: "Due today" stays on screen (one plan open at a time,
the newest only while it leaves room, a "more plans" row when even the plan lines don't fit), and the
top line counts what is due without wrapping in the middle of a phrase."""

from __future__ import annotations

from store.models import Application
from tests.screens import today_ready
from tests.waiting import screen_lines, settle
from tui.today.head import due_counts
from tui.today.screen import TodayScreen


def reject_more(store, n: int) -> None:
    """``n`` more rejections today (each gets its rebound plan)."""
    for i in range(n):
        app = store.applications.add(Application(company=f"Extra {i}", role="Engineer", stage="interviewing",
                                                 contact_names=[f"Person {i}", f"Other {i}"]))
        store.applications.reject(app.id)


def today_of(app) -> TodayScreen:
    assert isinstance(app.screen, TodayScreen)
    return app.screen


def due_heading_row(app) -> int | None:
    return next((y for y, line in enumerate(screen_lines(app)) if line.startswith("Due today")), None)


async def test_several_plans_leave_due_today_and_its_first_row_on_screen(demo_store, make_app):
    reject_more(demo_store, 5)
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await today_ready(pilot)
        await settle(pilot)
        screen = today_of(app)
        assert len(screen.summary.plans) >= 9
        lines = screen_lines(app)
        y = due_heading_row(app)
        assert y is not None, "\n".join(lines)
        first_due = next(r for r in screen.rows if r.kind == "due")
        assert lines[y + 1].strip().startswith(first_due.text.strip()[:20])
        # no plan is open (the newest's steps would push Due today down); each line says what is due
        assert not [r for r in screen.rows if r.kind == "step"]
        assert all(r.text.startswith("▸ ") for r in screen.rows if r.kind == "plan")


async def test_opening_a_plan_folds_the_one_that_was_open(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await today_ready(pilot)
        screen = today_of(app)
        head = screen.query_one("#today-head").render().plain
        due, steps = due_counts(screen.summary)
        assert head == f"Mon 2 Mar 2026  Good morning, Alex.   {due} due today · {steps} plan steps due"
        newest, older = screen.summary.plans[0].plan.id, screen.summary.plans[1].plan.id
        assert [r for r in screen.rows if r.kind == "step" and r.plan_id == newest]
        await pilot.press("j")  # from the newest plan's line down to its steps, then to the next plan
        while screen.current_row().id != f"plan:{older}":
            await pilot.press("j")
        await pilot.press("enter")
        await settle(pilot)
        open_plans = {r.plan_id for r in screen.rows if r.kind == "step"}
        assert open_plans == {older}
        assert screen.current_row().id == f"plan:{older}"
        assert due_heading_row(app) is not None


async def test_too_many_plan_lines_end_in_a_more_plans_row(demo_store, make_app):
    reject_more(demo_store, 12)
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await today_ready(pilot)
        await settle(pilot)
        screen = today_of(app)
        plans = screen.summary.plans
        listed = [r for r in screen.rows if r.kind == "plan"]
        assert 1 <= len(listed) < len(plans)
        more = next(r for r in screen.rows if r.kind == "more-plans")
        assert more.text.startswith(f"▸ {len(plans) - len(listed)} more plans")
        assert due_heading_row(app) is not None
        # enter lists every plan, the cursor staying where the row was
        ids = [r.id for r in screen.rows]
        screen.query_one("#today-list").highlighted = ids.index(more.id)
        await pilot.press("enter")
        await settle(pilot)
        assert len([r for r in screen.rows if r.kind == "plan"]) == len(plans)
        assert not [r for r in screen.rows if r.kind == "more-plans"]


async def test_the_top_line_counts_what_is_due_in_whole_phrases(demo_store, make_app):
    demo_store.settings.update(my_name="Maximiliane-Alexandrina Okonkwo-Castellanos")
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await today_ready(pilot)
        screen = today_of(app)
        tasks = due_counts(screen.summary)[0]  # interview briefs are not due
        head = screen.query_one("#today-head").render().plain
        assert "\n" not in head and len(head) <= 78
        assert f"{tasks} due · " in head and " steps" in head  # the short counts make room for the greeting
        assert "Good morning, Maximiliane-Alexandrina." in head
        for width in (60, 44, 32):
            await pilot.resize_terminal(width, 24)
            await settle(pilot)
            head = screen.query_one("#today-head").render().plain
            assert len(head) <= width - 2, (width, head)
            # whole phrases only: the greeting is there entire or not at all, the count always
            assert "Good morning" not in head or "Maximiliane-Alexandrina." in head
            assert f"{tasks} due" in head, (width, head)
