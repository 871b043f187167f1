"""Rebound plan 2.0 (issue 11), walked from the keyboard: the right message to the right person,
one message to the recruiter, the runner-up steps, the cool-off agreeing with the plan, Today getting
the focus back after each step, a ghosting without a feedback step, and the refill filing into Wishlist."""

from __future__ import annotations

from datetime import UTC, datetime

from textual.widgets import OptionList, Select

from store import clock
from store.models import Application, Contact
from tests.pilot.test_today import fill_slots_and_send, go, row_text, today_screen
from tests.screens import today_ready as ready
from tests.waiting import notified_text, type_text, until, until_screen
from tui.board.closing import CloseDialog
from tui.board.screen import BoardScreen
from tui.outreach.editor import DraftEditor
from tui.today.screen import TodayScreen


def _people(store):
    ana = store.contacts.save(Contact(first_name="Ana", last_name="Chen", role="recruiter", company="Acme",
                                      emails=["ana@acme.example"]))
    ben = store.contacts.save(Contact(first_name="Ben", last_name="Li", role="interviewer", company="Acme"))
    cleo = store.contacts.save(Contact(first_name="Cleo", last_name="Park", role="interviewer", company="Acme"))
    return ana, ben, cleo


def _highlighted(app) -> str | None:
    option = today_screen(app).query_one("#today-list", OptionList).highlighted_option
    return option.id if option is not None else None


def _hint(app) -> str:
    return str(today_screen(app).query_one("#today-hint").render())


async def _card_on_board(pilot, stage: str) -> BoardScreen:
    await pilot.press("2")
    board = await until_screen(pilot, BoardScreen)
    for _ in range(6):
        if board.kanban.current_column == stage:
            break
        await pilot.press("l")
        await pilot.pause()
    return board


async def _back_on_today(pilot) -> None:
    await until(pilot, lambda: pilot.app.current_mode == "today" and isinstance(pilot.app.screen, TodayScreen),
                what="Today again")
    await pilot.pause()


async def test_final_round_rejection_with_a_recruiter_and_two_interviewers(store, make_app):
    store.settings.update(my_name="Alex Morgan", pipeline_floor=3, weekly_goal=2, if_no_plan="take a walk",
                          if_no_asked=True)
    ana, ben, cleo = _people(store)
    acme = store.applications.add(Application(company="Acme", role="Staff Engineer", stage="interviewing",
                                              round_name="final", applied_on="2026-02-01",
                                              contact_names=["Ana Chen", "Ben Li", "Cleo Park"]))
    store.applications.add(Application(company="Live Co", role="Dev", stage="applied", applied_on="2026-02-20"))
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await ready(pilot)
        await _card_on_board(pilot, "interviewing")
        # closed as rejected from the close dialog, with the optional "was it in my control?" tag
        await pilot.press("x")
        dialog = await until_screen(pilot, CloseDialog)
        await pilot.press("1", "shift+tab", "2")  # accepted moves on; back to the outcomes: rejected, the tag row shows
        await type_text(pilot, "They hired internally")
        dialog.query_one("#close-tag", Select).value = "outside"
        await pilot.press("ctrl+s")
        await pilot.pause()
        said = notified_text(app)
        assert "You planned for this: take a walk" in said  # the plan for the next no, at once
        assert "u puts it back" in said  # a one-key verb offers undo
        closed = store.applications.get(acme.id)
        assert closed is not None and (closed.outcome, closed.outcome_control) == ("rejected", "outside")
        plan = store.plans.for_application(acme.id)
        pid = plan.id
        # the runner-up sequence is scheduled: notes on day 3, a light check-in in week 6, month 4
        due = {s["key"]: s["due"] for s in plan.steps}
        assert list(due) == ["reflect", "thank_you", "feedback", "stay_in_touch", "move_on", "check_in", "reopened"]
        assert due["thank_you"] == due["feedback"] == "2026-03-03"  # when the 24-hour cool-off ends
        assert (due["stay_in_touch"], due["check_in"], due["reopened"]) == ("2026-03-05", "2026-04-13", "2026-07-02")

        await pilot.press("1")
        await _back_on_today(pilot)
        assert "due tomorrow" in row_text(app, f"step:{pid}:thank_you")
        # the next morning, before the cool-off ends (the no came at 09:00), the plan doesn't say "due"
        clock.freeze(datetime(2026, 3, 3, 8, 0, tzinfo=UTC))
        today_screen(app).refresh_data()
        await pilot.pause()
        assert "after 09:00" in row_text(app, f"step:{pid}:thank_you")
        assert "1 due" in row_text(app, f"plan:{pid}")  # only "move on": not the thank-you, not yet
        clock.freeze(datetime(2026, 3, 3, 10, 0, tzinfo=UTC))
        today_screen(app).refresh_data()
        await pilot.pause()
        assert "due today" in row_text(app, f"step:{pid}:thank_you")
        assert "one question, in the same reply to Ana Chen" in row_text(app, f"step:{pid}:feedback")

        # the thank-you: enter writes to each person in turn, and Today has the focus back after each
        await go(pilot, f"step:{pid}:thank_you")
        assert "enter: write to Ana Chen" in _hint(app)
        expected = [(ana, "rejection reply"), (ben, "interviewer thanks"), (cleo, "interviewer thanks")]
        for person, kind in expected:
            await pilot.press("enter")
            editor = await until_screen(pilot, DraftEditor)
            draft = editor.collect()
            assert (draft.kind, draft.contact_ids, draft.application_id) == (kind, [person.id], acme.id)
            assert not editor._assessment.cooloff  # the plan said "due": the composer agrees
            await fill_slots_and_send(pilot)
            await _back_on_today(pilot)
            if person is not cleo:
                assert _highlighted(app) == f"step:{pid}:thank_you"  # the same step, the next person
        assert "✓ Say thank you" in row_text(app, f"step:{pid}:thank_you")
        assert _highlighted(app) == f"step:{pid}:stay_in_touch"  # the next step
        # one message each, of their own kind; the recruiter got ONE, which asked the question
        sent = sorted((d.kind, d.contact_ids[0]) for d in store.drafts.all() if d.status == "sent")
        assert sent == sorted([("rejection reply", ana.id), ("interviewer thanks", ben.id),
                               ("interviewer thanks", cleo.id)])
        assert "✓ Ask for feedback" in row_text(app, f"step:{pid}:feedback")
        assert "asked in your reply to Ana Chen" in row_text(app, f"step:{pid}:feedback")

        # stay in touch: leaving the composer with escape comes back to Today as well
        await pilot.press("enter")
        editor = await until_screen(pilot, DraftEditor)
        assert editor.collect().kind == "connection note"
        await pilot.press("escape")
        await _back_on_today(pilot)
        assert _highlighted(app) == f"step:{pid}:stay_in_touch"


async def test_a_ghosted_application_gets_one_close_the_loop_note_and_no_feedback_step(store, make_app):
    store.settings.update(my_name="Alex Morgan")
    ana, ben, _cleo = _people(store)
    quiet = store.applications.add(Application(company="Acme", role="Dev", stage="interviewing",
                                               applied_on="2026-01-20", contact_names=["Ana Chen", "Ben Li"]))
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await ready(pilot)
        await _card_on_board(pilot, "interviewing")
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("3")  # ghosted
        await pilot.press("ctrl+s")
        await pilot.pause()
        plan = store.plans.for_application(quiet.id)
        assert [s["key"] for s in plan.steps] == ["reflect", "close_loop", "stay_in_touch", "move_on"]
        pid = plan.id
        await pilot.press("1")
        await _back_on_today(pilot)
        assert not any(r.step == "feedback" for r in today_screen(app).rows if r.plan_id == pid)
        assert "one note to Ana Chen, no feedback ask" in row_text(app, f"step:{pid}:close_loop")
        await go(pilot, f"step:{pid}:close_loop")
        await pilot.press("enter")
        editor = await until_screen(pilot, DraftEditor)
        draft = editor.collect()
        assert (draft.kind, draft.contact_ids) == ("close the loop", [ana.id])  # the recruiter only
        await fill_slots_and_send(pilot)
        await _back_on_today(pilot)
        assert "✓ Close the loop" in row_text(app, f"step:{pid}:close_loop")
        assert [d.kind for d in store.drafts.all()] == ["close the loop"]  # nothing to Ben, no feedback ask


async def test_the_refill_files_into_wishlist_and_says_i_applied(store, make_app):
    from tui.board.forms import ApplicationForm
    from tui.today.refill import RefillDialog

    store.settings.update(pipeline_floor=3)
    acme = store.applications.add(Application(company="Acme", role="Dev", stage="interviewing"))
    store.applications.add(Application(company="Wish", role="Dev", stage="wishlist"))
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await ready(pilot)
        await _card_on_board(pilot, "interviewing")  # the board's highlighted column: Interviewing
        await pilot.press("R", "y")  # rejected (it asks first)
        await pilot.pause()
        await pilot.press("1")
        await _back_on_today(pilot)
        pid = store.plans.for_application(acme.id).id
        await go(pilot, f"step:{pid}:move_on")
        await pilot.press("enter")
        dialog = await until_screen(pilot, RefillDialog)
        assert "I've applied" in str(dialog.query_one("#refill-keys").render())
        await pilot.press("enter")
        await pilot.pause()
        assert "Noted: you applied to Wish — Dev today" in notified_text(app)
        assert "Sent" not in notified_text(app)
        await pilot.press("n")
        form = await until_screen(pilot, ApplicationForm)
        assert form.stage == "wishlist"  # never the column last highlighted on the board
