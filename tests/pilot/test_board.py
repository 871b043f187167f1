"""The board from the keyboard: add, edit, move with H/L, close and reject, sweep, filter, delete
with confirm, details and the palette; hostile strings in every field."""

from __future__ import annotations

from datetime import date, timedelta

from textual import events
from textual.command import CommandList
from textual.widgets import Button, Input, OptionList, TextArea

from store import pipeline as p
from store.models import Application
from tests.hostile import HOSTILE, stored_form
from tests.screens import board, kanban_text, open_board
from tests.waiting import notifications, palette_prompts, screen_lines, type_text, until_screen
from tui.board.details import DetailsScreen
from tui.board.forms import ApplicationForm, CloseDialog
from tui.board.screen import BoardScreen
from tui.board.sweep import SweepScreen
from tui.dialogs import ConfirmDialog
from widgets.board_health import HealthLine
from widgets.kanban import Kanban
from widgets.light_select import LightSelect

TODAY = date(2026, 3, 2)
SIZE = (80, 24)


def d(n: int) -> str:
    return (TODAY + timedelta(days=n)).isoformat()


def seed(store, *apps: Application) -> list[Application]:
    return [store.applications.save(a) for a in apps]


# ----------------------------------------------------------------------------- add


async def test_add_from_the_keyboard_with_dates_checked_before_saving(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_board(pilot)
        assert "empty · n adds one" in kanban_text(app)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ApplicationForm)
        assert app.focused.id == "f-company"  # the cursor starts in Company
        await type_text(pilot, "Acme")
        await pilot.press("tab")
        assert app.focused.id == "f-role"  # then Role
        await type_text(pilot, "Backend Dev")
        # the rest of the fields are in the order
        ids = [w.id for w in form.query("#form-scroll Input, #form-scroll LightSelect, #form-scroll TextArea")]
        assert ids == ["f-company", "f-role", "f-url", "f-location", "f-work_mode", "f-salary", "f-source",
                       "f-excitement", "f-applied_on", "f-deadline", "f-round_number", "f-round_name",
                       "f-interview_at", "f-next_action", "f-next_action_date", "f-contacts", "f-notes", "f-tags",
                       "f-feedback", "f-stage"]
        form.query_one("#f-excitement", Input).focus()
        await type_text(pilot, "49")  # only 0-5, one digit
        assert form.query_one("#f-excitement", Input).value == "4"
        form.query_one("#f-next_action_date", Input).focus()
        await type_text(pilot, "fri")
        await pilot.pause()
        assert "Fri 6 Mar 2026" in str(form.query_one("#hint-next_action_date").render())
        form.query_one("#f-applied_on", Input).value = "fri"  # the next Friday: not a day you applied
        await pilot.pause()
        assert "in the future" in str(form.query_one("#hint-applied_on").render())
        form.query_one("#f-applied_on", Input).value = "-3d"
        await pilot.pause()
        assert "Fri 27 Feb 2026" in str(form.query_one("#hint-applied_on").render())
        form.query_one("#f-deadline", Input).focus()
        await type_text(pilot, "31/12/68")
        await pilot.pause()
        assert "Can't read" in str(form.query_one("#hint-deadline").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # not saved: the form stays, with the message
        assert "deadline" in str(form.query_one("#form-error").render())
        assert app.focused.id == "f-deadline"
        assert store.applications.count() == 0
        form.query_one("#f-deadline", Input).value = "+2w"
        form.query_one("#f-tags", Input).value = "python, remote"
        form.query_one("#f-contacts", Input).value = "Dana Kim, Lee"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
        [saved] = store.applications.all()
        assert (saved.company, saved.role, saved.stage, saved.excitement) == ("Acme", "Backend Dev", "wishlist", 4)
        assert saved.next_action_date == "2026-03-06" and saved.deadline == "2026-03-16"
        assert saved.applied_on == "2026-02-27"
        assert saved.tags == ["python", "remote"] and saved.contact_names == ["Dana Kim", "Lee"]
        assert saved.stage_history[0]["to"] == "wishlist"
        text = kanban_text(app)
        assert "Acme" in text and "Backend Dev" in text and "★4" in text and "→ 6 Mar" in text


async def test_new_card_goes_to_the_current_column_and_required_fields(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        await pilot.press("l")  # Applied
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Company is required" in str(form.query_one("#hint-company").render())
        assert "Role is required" in str(form.query_one("#hint-role").render())
        await type_text(pilot, "Zed")
        form.query_one("#f-role", Input).value = "Ops"
        await pilot.press("ctrl+s")
        await pilot.pause()
        [saved] = store.applications.all()
        assert saved.stage == "applied" and saved.applied_on == TODAY.isoformat()
        assert board(app).kanban.current_column == "applied"
        assert board(app).kanban.current_card.id == saved.id


async def test_escape_on_a_changed_form_asks_first(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        await pilot.press("n")
        await type_text(pilot, "Half typed")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # keep editing
        await pilot.pause()
        assert isinstance(app.screen, ApplicationForm)
        assert app.screen.query_one("#f-company", Input).value == "Half typed"
        await pilot.press("escape")
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen) and store.applications.count() == 0


# ----------------------------------------------------------------------------- edit


async def test_edit_changes_fields_and_keeps_history(store, make_app):
    [a] = seed(store, p.created(Application(company="Acme", role="Dev", stage="applied", applied_on=d(-3),
                                            notes="first"), TODAY))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        await pilot.press("l")
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert form.query_one("#f-applied_on", Input).value == d(-3)
        form.query_one("#f-role", Input).value = "Staff Dev"
        form.query_one("#f-notes", TextArea).text = "second\nline"
        form.query_one("#f-round_number", Input).focus()
        await type_text(pilot, "2")
        form.query_one("#f-round_name", Input).value = "technical"
        await pilot.press("ctrl+s")
        await pilot.pause()
        got = store.applications.get(a.id)
        assert got.role == "Staff Dev" and got.notes == "second\nline"
        assert (got.round_number, got.round_name) == (2, "technical")
        assert got.stage_history == a.stage_history and got.applied_on == d(-3)
        assert "Staff Dev" in kanban_text(app)


# ----------------------------------------------------------------------------- move


async def test_move_with_H_and_L_stamps_history_and_the_cursor_follows(store, make_app):
    [a] = seed(store, p.created(Application(company="Acme", role="Dev"), TODAY))
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        scr = await open_board(pilot)
        await pilot.press("L")
        await pilot.pause()
        got = store.applications.get(a.id)
        assert got.stage == "applied" and got.applied_on == TODAY.isoformat()
        assert (got.stage_history[-1]["from"], got.stage_history[-1]["to"]) == ("wishlist", "applied")
        assert scr.kanban.current_column == "applied" and scr.kanban.current_card.id == a.id
        await pilot.press("shift+right")
        await pilot.press("L")
        await pilot.press("L")
        await pilot.pause()
        assert store.applications.get(a.id).stage == "offer"
        # forward from Offer asks for the outcome (accepted preselected)
        await pilot.press("L")
        await pilot.pause()
        assert isinstance(app.screen, CloseDialog)
        assert app.screen.query_one(OptionList).highlighted == 0
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("H")
        await pilot.press("shift+left")
        await pilot.pause()
        got = store.applications.get(a.id)
        assert got.stage == "screening"
        assert [e["to"] for e in got.stage_history] == [
            "wishlist", "applied", "screening", "interviewing", "offer", "interviewing", "screening"]
        assert scr.kanban.current_column == "screening"
        assert "Screening 1" in kanban_text(app)
        # Wishlist is the first stage: a calm word, no move
        await pilot.press("H", "H", "H")
        await pilot.pause()
        assert store.applications.get(a.id).stage == "wishlist"
        assert any("first stage" in n.message for n in notifications(app))
        assert store.applications.get(a.id).applied_on == TODAY.isoformat()


# ----------------------------------------------------------------------------- close and reject


async def test_close_with_outcome_and_reason_then_reject_at_once(store, make_app, monkeypatch):
    a, b = seed(store, p.created(Application(company="Acme", role="Dev", stage="interviewing"), TODAY),
                p.created(Application(company="Bolt", role="Ops", stage="interviewing"), TODAY))
    calls = []
    real = store.plans.ensure_for_application

    def ensure(application):
        calls.append((application.id, application.outcome, store.storage._batch_depth > 0))
        return real(application)

    monkeypatch.setattr(store.plans, "ensure_for_application", ensure)
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        scr = await open_board(pilot)
        scr.kanban.select("interviewing", 0)
        first = scr.kanban.current_card.id
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, CloseDialog)
        await pilot.press("3")  # ghosted; the cursor goes to the reason
        assert app.focused.id == "close-reason"
        await type_text(pilot, "no reply in 5 weeks")
        await pilot.press("enter")
        await pilot.pause()
        got = store.applications.get(first)
        assert (got.stage, got.outcome, got.outcome_reason) == ("closed", "ghosted", "no reply in 5 weeks")
        assert got.outcome_on == TODAY.isoformat() and got.closed_from_stage == "interviewing"
        assert calls == [(first, "ghosted", True)]
        note = notifications(app)
        assert any(n.title == "Closed" and "ghosted" in n.message and n.severity == "information" for n in note)
        # R closes the other one as rejected, after asking: the safe answer is focused, so R enter keeps it
        scr.kanban.select("interviewing", 0)
        second = scr.kanban.current_card.id
        assert second != first
        await pilot.press("R")
        ask = await until_screen(pilot, ConfirmDialog)
        assert app.focused is ask.query_one("#cancel", Button)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen) and store.applications.get(second).stage == "interviewing"
        await pilot.press("R")
        await until_screen(pilot, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        got = store.applications.get(second)
        assert got.outcome == "rejected" and got.closed_from_stage == "interviewing"
        assert calls[-1] == (second, "rejected", True)
        warm = [n for n in notifications(app) if n.title == "Closed"][-1]
        assert warm.severity == "information" and len(warm.message) < 300
        assert "Interviewing 0" in kanban_text(app)
        scr.kanban.select("closed", 0)  # the window of columns follows the cursor
        await pilot.pause()
        text = kanban_text(app)
        assert "✕ rejected" in text and "… ghosted" in text and "Closed 2" in text
        # x on a closed card can change its outcome (no second move in the history)
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("4", "enter")
        await pilot.pause()
        changed = store.applications.get(scr.kanban.current_card.id)
        assert changed.outcome == "withdrew" and changed.stage_history[-1]["to"] == "closed"
        assert sum(1 for e in changed.stage_history if e["to"] == "closed") == 1


async def test_close_dialog_checks_the_date_and_reopen_with_H(store, make_app):
    [a] = seed(store, p.created(Application(company="Acme", role="Dev", stage="screening"), TODAY))
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        scr = await open_board(pilot)
        scr.kanban.select("screening", 0)
        await pilot.press("x")
        await pilot.pause()
        dialog = app.screen
        await pilot.press("6")  # role closed
        dialog.query_one("#close-date", Input).value = "next-ish"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog and "Can't read" in str(dialog.query_one("#form-error").render())
        dialog.query_one("#close-date", Input).value = "-3d"
        await pilot.pause()
        assert "Fri 27 Feb 2026" in str(dialog.query_one("#hint-close-date").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        got = store.applications.get(a.id)
        assert (got.outcome, got.outcome_on) == ("role closed", d(-3))
        assert scr.kanban.current_column == "screening"  # the cursor stays where you were
        scr.kanban.select("closed", 0)
        await pilot.press("H")
        await pilot.pause()
        got = store.applications.get(a.id)
        assert got.stage == "screening" and got.outcome == ""
        assert any("Reopened in Screening" in n.message for n in notifications(app))


# ----------------------------------------------------------------------------- sweep


def sweep_fixture(store):
    def old(n):
        return dict(stage_entered_on=d(-n), last_activity_on=d(-n), applied_on=d(-50))

    return seed(
        store,
        Application(company="Overdue Co", role="A", stage="applied", next_action="Chase", next_action_date=d(-3),
                    **old(40)),
        Application(company="Quiet One", role="B", stage="applied", **old(45)),
        Application(company="Quiet Two", role="C", stage="screening", **old(42)),
        Application(company="Quiet Three", role="D", stage="interviewing", **old(40)),
        Application(company="Quiet Four", role="E", stage="screening", stage_entered_on=d(-30),
                    last_activity_on=d(-30)),
        Application(company="Fine", role="F", stage="applied", stage_entered_on=d(-2), last_activity_on=d(-2)),
    )


async def test_sweep_walks_only_cards_that_need_attention(store, make_app):
    overdue, q1, q2, q3, q4, fine = sweep_fixture(store)
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        scr = await open_board(pilot)
        assert "Sweep 5" in scr.query_one(HealthLine).plain()
        await pilot.press("S")
        await pilot.pause()
        sweep = app.screen
        assert isinstance(sweep, SweepScreen)
        assert sweep.ids == [overdue.id, q1.id, q2.id, q3.id, q4.id]  # overdue first, then the quietest
        card = str(sweep.query_one("#sweep-card").render())
        assert "Chase: since 27 Feb" in card and "overdue" not in card
        assert "1 of 5" in str(sweep.query_one("#sweep-progress").render())
        await pilot.press("f")  # followed up
        await pilot.pause()
        got = store.applications.get(overdue.id)
        assert got.next_action_date == d(7) and got.activity[-1]["kind"] == "follow-up"
        await pilot.press("G", "y")  # ghosted (asks first)
        await pilot.pause()
        assert store.applications.get(q1.id).outcome == "ghosted"
        await pilot.press("R", "y")  # rejected (asks first)
        await pilot.pause()
        assert store.applications.get(q2.id).outcome == "rejected"
        await pilot.press("enter")  # open the details, come back to the same card
        await pilot.pause()
        assert isinstance(app.screen, DetailsScreen) and app.screen.application_id == q3.id
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is sweep
        await pilot.press("L")  # advance
        await pilot.pause()
        assert store.applications.get(q3.id).stage == "offer"
        await pilot.press("z")  # snooze: the last one; the sweep ends and says what it did
        await pilot.pause()
        assert store.applications.get(q4.id).snoozed_until == d(7)
        assert isinstance(app.screen, BoardScreen)
        summary = [n.message for n in notifications(app) if n.title == "Sweep"][-1]
        assert "1 followed up" in summary and "1 closed as ghosted" in summary and "1 snoozed" in summary
        assert store.applications.get(fine.id).activity == []
        assert store.applications.sweep_queue() == []
        await pilot.press("S")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
        assert any("Nothing needs attention" in n.message for n in notifications(app))


async def test_sweep_escape_leaves_without_changes(store, make_app):
    sweep_fixture(store)
    before = {a.id: a.to_dict() for a in store.applications.all()}
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        await pilot.press("S")
        await pilot.press("j")  # skip
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
    assert {a.id: a.to_dict() for a in store.applications.all()} == before


# ----------------------------------------------------------------------------- filter


async def test_filter_across_company_role_tags_notes_and_escape_clears(store, make_app):
    seed(store,
         Application(company="Northwind", role="Data Engineer", stage="applied"),
         Application(company="Bluefin", role="Platform", stage="applied", tags=["climate"]),
         Application(company="Cedar", role="Analyst", stage="wishlist", notes="met at the climate meetup"),
         Application(company="Dune", role="SRE", stage="closed", outcome="rejected"))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        scr = await open_board(pilot)
        await pilot.press("slash")
        await pilot.pause()
        assert app.focused.id == "filter-input"
        await type_text(pilot, "climate")
        await pilot.pause()
        text = kanban_text(app)
        assert "Bluefin" in text and "Cedar" in text and "Northwind" not in text and "Dune" not in text
        assert "2 of 4" in str(scr.query_one("#filter-count").render())
        await pilot.press("enter")  # back to the board, the filter stays (and is shown)
        await pilot.pause()
        assert app.focused is scr.kanban and scr.query_one("#filter-bar").display
        await pilot.press("n")  # board keys work while filtered
        await pilot.press("escape")
        await pilot.pause()
        scr.query_one("#filter-input", Input).value = "engineer north"
        await pilot.pause()
        text = kanban_text(app)
        assert "Northwind" in text and "Bluefin" not in text
        scr.query_one("#filter-input", Input).value = "nothing-like-this"
        await pilot.pause()
        assert "no match" in kanban_text(app)
        scr.kanban.focus()
        await pilot.press("escape")
        await pilot.pause()
        text = kanban_text(app)
        assert all(n in text for n in ("Northwind", "Bluefin", "Cedar"))
        assert len(scr.kanban.cards("closed")) == 1  # Dune, off to the right at 80 columns
        assert not scr.query_one("#filter-bar").display


# ----------------------------------------------------------------------------- delete


async def test_delete_asks_first(store, make_app):
    a, b = seed(store, Application(company="Keep", role="x"), Application(company="Gone", role="y", excitement=5))
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        scr = await open_board(pilot)
        assert scr.kanban.current_card.id == b.id  # more exciting first
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert store.applications.count() == 2
        await pilot.press("d")
        await pilot.press("y")
        await pilot.pause()
        assert store.applications.get(b.id) is None and store.applications.count() == 1
        assert "Gone" not in kanban_text(app) and scr.kanban.current_card.id == a.id


# ----------------------------------------------------------------------------- details, palette, jumps


async def test_details_show_timeline_and_act_on_the_card(store, make_app):
    [a] = seed(store, p.created(Application(company="Acme", role="Dev", stage="applied",
                                            next_action="Email Kim", next_action_date=d(-2),
                                            feedback="Loved the take-home"), TODAY))
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        scr = await open_board(pilot)
        scr.kanban.select("applied", 0)
        await pilot.press("enter")
        await pilot.pause()
        details = app.screen
        assert isinstance(details, DetailsScreen)
        text = str(details.query_one("#details-text").render())
        assert "Email Kim: since" in text and "added to Applied" in text
        assert "overdue" not in text and "⚠" not in text  # a next action's past day is said calmly
        assert "Loved the take-home" in text
        await pilot.press("L")
        await pilot.pause()
        text = str(details.query_one("#details-text").render())
        assert "Applied → Screening" in text
        await pilot.press("f")
        await pilot.pause()
        assert "followed up" in str(details.query_one("#details-text").render())
        await pilot.press("z")
        await pilot.pause()
        assert store.applications.get(a.id).snoozed_until == d(7)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen) and scr.kanban.current_column == "screening"


async def test_open_application_from_anywhere_and_go_to_palette(store, make_app):
    apps = seed(store, *[Application(company=f"Co {i}", role="Dev", stage=["applied", "closed"][i % 2],
                                     outcome="rejected" if i % 2 else "") for i in range(30)])
    target = apps[17]
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_application(target.id)
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, DetailsScreen) and app.screen.application_id == target.id
        await pilot.press("escape")
        await pilot.pause()
        scr = board(app)
        assert scr.kanban.current_card.id == target.id
        # the palette lists the board's commands
        titles = [c.title for c in app.all_commands(app.screen)]
        for wanted in ("Board: new application", "Board: mark rejected", "Board: sweep cards that need attention",
                       "Board: go to application…", "Board: pipeline health", "Board: filter"):
            assert wanted in titles
        # the go-to picker
        await pilot.press("g")
        await pilot.pause()
        await type_text(pilot, "co 4")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailsScreen)
        assert store.applications.get(app.screen.application_id).company == "Co 4"


async def test_palette_provider_finds_applications(store, make_app):
    from tui.board.panels import ApplicationsProvider

    seed(store, Application(company="Northwind", role="Data"), Application(company="[/] Evil [b]", role="x"))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        scr = await open_board(pilot)
        provider = ApplicationsProvider(scr)
        hits = [h async for h in provider.search("north")]
        assert hits and "Northwind" in hits[0].match_display.plain
        for s in HOSTILE + ["[/]", "[b"]:
            _ = [h async for h in provider.search(s)]
        hits = [h async for h in provider.search("[/]")]
        assert any("[/] Evil [b]" in h.match_display.plain for h in hits)
        texts = [str(prompt) for prompt in await palette_prompts(pilot, "evil")]
        assert any("[/] Evil [b]" in t for t in texts), texts
        await pilot.press("down")  # into the results, then onto the application's hit, then enter
        app.screen.query_one(CommandList).highlighted = next(i for i, t in enumerate(texts) if "[/] Evil [b]" in t)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, DetailsScreen)
        assert store.applications.get(app.screen.application_id).company == "[/] Evil [b]"
        assert app.is_running


async def test_health_line_and_panel_on_fixture(store, make_app):
    store.settings.update(pipeline_floor=4, weekly_goal=2)
    seed(store,
         Application(company="A", role="x", stage="applied", applied_on=d(0),
                     stage_history=[{"from": "wishlist", "to": "applied", "at": f"{d(0)}T09:00:00+00:00"}]),
         Application(company="B", role="x", stage="screening", applied_on=d(-10),
                     stage_history=[{"from": "wishlist", "to": "applied", "at": f"{d(-10)}T09:00:00+00:00"},
                                    {"from": "applied", "to": "screening", "at": f"{d(-4)}T09:00:00+00:00"}]),
         Application(company="C", role="x", stage="wishlist"))
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        scr = await open_board(pilot)
        line = scr.query_one(HealthLine).plain()
        assert "Live 2 · floor 4 below" in line and "Week 1 of 2 applied" in line
        assert "Funnel 2 ›50%› 1 ›0%› 0 ›—› 0" in line and "First reply ~6 days" in line
        await pilot.press("T")
        await pilot.pause()
        panel = str(app.screen.query_one("#health-text").render())
        assert "Wishlist has 1: one good application this week (L) makes 3." in panel
        assert "6 days (median)" in panel and "(below it)" in panel and "Applied this week" in panel
        await pilot.press("escape")
        await pilot.pause()
        # a move changes the figures
        scr.kanban.select("wishlist", 0)
        await pilot.press("L")
        await pilot.pause()
        await pilot.pause()
        assert "Live 3" in scr.query_one(HealthLine).plain()


# ----------------------------------------------------------------------------- hostile strings


TEXT_FIELDS = ["f-company", "f-role", "f-url", "f-location", "f-salary", "f-source", "f-round_name",
               "f-next_action", "f-contacts", "f-tags"]


#: The form's one-line text fields and the Application field each fills (contacts and tags are lists).
FIELD_OF = {"f-company": "company", "f-role": "role", "f-url": "url", "f-location": "location",
            "f-salary": "salary", "f-source": "source", "f-round_name": "round_name",
            "f-next_action": "next_action", "f-contacts": "contact_names", "f-tags": "tags"}


def hostile_application(hostile: str) -> Application:
    """A Wishlist card with ``hostile`` in every text field, its next action due yesterday (so the
    sweep walks it), as the form saves it (one-line fields cleaned and stripped)."""
    line = stored_form(hostile).strip()
    return Application(company=line, role=line, url=line, location=line, salary=line, source=line,
                       round_name=line, next_action=line, contact_names=[line], tags=[line], notes=hostile,
                       feedback=hostile, stage="wishlist", applied_on=TODAY.isoformat(), next_action_date=d(-1))


async def test_hostile_strings_typed_into_every_field_are_saved_as_typed(store, make_app):
    """Every hostile string pasted into the form's one-line fields (two forms: a new card, then its
    edit, each field getting a different string), all of them in the notes and feedback; a date field
    given one refuses it with a message and nothing is saved."""
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        scr = await open_board(pilot)
        for shift, key in ((0, "n"), (1, "e")):
            await pilot.press(key)
            form = await until_screen(pilot, ApplicationForm)
            given = {fid: HOSTILE[(k + shift) % len(HOSTILE)] for k, fid in enumerate(TEXT_FIELDS)}
            for fid, hostile in given.items():
                w = form.query_one(f"#{fid}", Input)
                w.value = ""
                w.post_message(events.Paste(hostile))  # what the terminal delivers on a paste
            for fid in ("f-notes", "f-feedback"):
                form.query_one(f"#{fid}", TextArea).text = "\n".join(HOSTILE)
            form.query_one("#f-applied_on", Input).value = HOSTILE[(10 + shift) % len(HOSTILE)]
            await pilot.pause()
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen is form and store.applications.count() == shift, shift
            form.query_one("#f-applied_on", Input).value = "today"
            form.query_one("#f-next_action_date", Input).value = "-1d"
            await pilot.press("ctrl+s")
            await until_screen(pilot, BoardScreen)
            [a] = store.applications.all()
            for fid, hostile in given.items():
                want = stored_form(hostile).strip()
                got = getattr(a, FIELD_OF[fid])
                assert got == ([want] if isinstance(got, list) else want), (shift, fid)
            assert a.notes == stored_form("\n".join(HOSTILE)) and a.feedback == a.notes, shift
            assert scr.kanban.current_card.id == a.id
        assert app.is_running and all(n.severity != "error" for n in notifications(app))


def test_details_show_every_hostile_string_in_every_field_literally(store):
    from tui.board.details import details_content

    for i, hostile in enumerate(HOSTILE):
        a = store.applications.save(hostile_application(hostile))
        want = stored_form(hostile)
        assert a.company == want.strip() and a.notes == want, i  # the store keeps what the form saves
        assert want.strip()[:40] in details_content(a, TODAY, 21).plain, i


async def test_hostile_strings_on_the_board_details_close_sweep_filter_and_go_to(store, make_app):
    """One Pilot pass over the board with a card per hostile string (every field hostile): the card
    is drawn literally, the close dialog's reason, the sweep, the filter and the go-to picker take
    them, and nothing shows an error."""
    from tui.board.sweep import SweepScreen

    with store.batch():  # one save
        ids = [store.applications.save(hostile_application(h)).id for h in HOSTILE]
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        scr = await open_board(pilot)
        # drawn literally on the card
        for i, hostile in enumerate(HOSTILE):
            scr.kanban.select("wishlist", [c.id for c in scr.kanban.cards("wishlist")].index(ids[i]))
            await pilot.pause()
            first_word = stored_form(hostile).split()[0][:8]
            if first_word.isprintable() and "\u202e" not in hostile:
                assert first_word in kanban_text(app), i
        # the details, the close dialog's reason
        for i in (1, 10):  # markup that would run an action; a huge line
            scr.show_application(ids[i])
            await until_screen(pilot, DetailsScreen)
            await pilot.press("x")
            await until_screen(pilot, CloseDialog)
            app.screen.query_one("#close-reason", Input).value = HOSTILE[i]
            await pilot.press("2", "enter")
            await pilot.pause()
            assert store.applications.get(ids[i]).outcome_reason == stored_form(HOSTILE[i]).strip(), i
            await pilot.press("escape")
            await pilot.pause()
        # the sweep walks the rest (each overdue), j skipping each
        await pilot.press("S")
        await until_screen(pilot, SweepScreen)
        await pilot.press(*["j"] * (len(HOSTILE) - 2))
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
        # the filter finds each card by its hostile text
        scr.kanban.focus()
        await pilot.press("slash")
        box = scr.query_one("#filter-input", Input)
        for i, hostile in enumerate(HOSTILE):
            box.value = ""
            box.post_message(events.Paste(hostile))
            await pilot.pause()
            shown = {c.id for st in ("wishlist", "closed") for c in scr.kanban.cards(st)}
            assert ids[i] in shown, i
            kanban_text(app)
        scr.kanban.focus()
        await pilot.press("escape")
        # the go-to picker
        await pilot.press("g")
        await pilot.pause()
        for hostile in HOSTILE:
            app.screen.query_one("#goto-input", Input).value = hostile[:60]
            await pilot.pause()
        await pilot.press("escape")
        scr.kanban.select("closed", 0)
        await pilot.press("T")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, BoardScreen)
        assert all(n.severity != "error" for n in notifications(app))


async def test_contact_names_link_to_contacts_and_a_opens_them(store, make_app):
    from store.models import Contact
    from tui.contacts.screen import ContactsScreen

    dana = store.contacts.save(Contact(first_name="Dana", last_name="Kim"))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        await pilot.press("l", "n")
        await pilot.pause()
        form = app.screen
        form.query_one("#f-company", Input).value = "Acme"
        form.query_one("#f-role", Input).value = "Dev"
        form.query_one("#f-contacts", Input).value = "dana kim, Lee"
        await pilot.press("ctrl+s")
        await pilot.pause()
        [a] = store.applications.all()
        assert a.contact_ids == [dana.id] and a.contact_names == ["dana kim", "Lee"]
        await pilot.press("f")  # followed up: the linked contact's cadence restarts too
        await pilot.pause()
        assert store.contacts.get(dana.id).last_touch_on == TODAY.isoformat()
        await pilot.press("enter")
        await pilot.pause()
        text = str(app.screen.query_one("#details-text").render())
        assert "Dana Kim ↗" in text or "dana kim ↗" in text
        await pilot.press("a")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ContactsScreen)


async def test_mouse_click_selects_double_click_opens_wheel_scrolls(store, make_app):
    seed(store, *[Application(company=f"Applied {i:02d}", role="Dev", stage="applied", excitement=5 - i // 5)
                  for i in range(12)])
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        scr = await open_board(pilot)
        k = scr.kanban
        # second column, third card (header 2 lines, 4 lines a card)
        await pilot.click(Kanban, offset=(25, 2 + 4 * 2))
        await pilot.pause()
        assert k.current_column == "applied" and k.current_index == 2
        await pilot.click(Kanban, offset=(25, 2 + 4 * 1), times=2)
        await pilot.pause()
        assert isinstance(app.screen, DetailsScreen)
        assert store.applications.get(app.screen.application_id).company == k.cards("applied")[1].title
        await pilot.press("escape")
        await pilot.pause()
        before = kanban_text(app)
        k.post_message(events.MouseScrollDown(k, 25, 6, 0, 1, 0, False, False, False))
        await pilot.pause()
        assert kanban_text(app) != before and "↑1" in kanban_text(app)
        # keys: end jumps to the last card, and the column scrolls to show it
        await pilot.press("end")
        await pilot.pause()
        assert k.current_index == 11 and k.current_card.title in kanban_text(app)


async def test_hangup_saves_an_open_valid_form_and_palette_moves(store, make_app):
    [a] = seed(store, p.created(Application(company="Acme", role="Dev"), TODAY))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        scr = await open_board(pilot)
        by_title = {c.title: c for c in scr.palette_commands()}
        by_title["Board: move the card to Interviewing"].callback()
        await pilot.pause()
        got = store.applications.get(a.id)
        assert got.stage == "interviewing" and got.applied_on == TODAY.isoformat()
        assert [e["to"] for e in got.stage_history] == ["wishlist", "interviewing"]
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#f-company", Input).value = "Typed Co"
        app.screen.query_one("#f-role", Input).value = "Typed role"
        assert app.save_everything()  # what SIGHUP does
    assert {x.company for x in store.applications.all()} == {"Acme", "Typed Co"}


async def test_read_only_session_shows_the_board_but_changes_nothing(data_dir, make_app):
    from store.db import Store

    first = Store.open(data_dir)
    first.applications.add(Application(company="Acme", role="Dev", stage="applied"))
    second = Store.open(data_dir)
    try:
        assert second.read_only
        app = make_app(second)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            scr = await open_board(pilot)
            scr.kanban.select("applied", 0)
            await pilot.press("n")
            await pilot.pause()
            assert isinstance(app.screen, BoardScreen)  # no form to lose typing in
            await pilot.press("L", "R")
            await pilot.pause()
            assert "Acme" in kanban_text(app)
            assert any("Read-only" in n.message for n in notifications(app))
        assert second.applications.all()[0].stage == "applied"
    finally:
        second.close()
        first.close()


async def test_any_terminal_size_draws_and_the_column_window_follows(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        scr = await open_board(pilot)
        k = scr.kanban
        assert k.visible_columns() == ["wishlist", "applied", "screening", "interviewing"]
        await pilot.press("l", "l", "l", "l")
        await pilot.pause()
        assert k.visible_columns()[-1] == "offer" and "◂" in kanban_text(app)
        for size in [(120, 40), (200, 50), (45, 14), (20, 9), (12, 6), (80, 24)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            text = kanban_text(app)
            assert k.current_column in k.visible_columns(), size
            assert text.strip(), size
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert len(k.visible_columns()) == 6 and "◂" not in kanban_text(app)


# ----------------------------------------------------------------------------- the form's choice fields


async def test_the_forms_choices_are_picked_with_arrows_letters_and_the_list(store, make_app):
    """Work mode and Stage are one-line choice fields: Tab reaches them in order, right/space/left
    cycle, a letter jumps, enter opens the list; a changed choice makes escape ask first."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        await pilot.press("n")
        form = await until_screen(pilot, ApplicationForm)
        await type_text(pilot, "Acme")
        await pilot.press("tab")
        await type_text(pilot, "Engineer")
        await pilot.press("tab", "tab", "tab")  # URL, Location, then Work mode
        assert app.focused.id == "f-work_mode"
        assert form.query_one("#f-work_mode", LightSelect).value is LightSelect.NULL
        await pilot.press("right")
        assert form.query_one("#f-work_mode", LightSelect).value == "remote"
        await pilot.press("h")
        assert form.query_one("#f-work_mode", LightSelect).value == "hybrid"
        await pilot.press("tab")
        assert app.focused.id == "f-salary"  # Tab goes on as before
        stage = form.query_one("#f-stage", LightSelect)
        stage.focus()
        await pilot.pause()
        assert stage.value == "wishlist"
        await pilot.press("enter")  # the list, on Wishlist
        await pilot.pause()
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert app.screen is form and stage.value == "screening" and app.focused is stage
        await pilot.press("space")
        assert stage.value == "interviewing"
        await pilot.press("ctrl+s")
        await until_screen(pilot, BoardScreen)
        [saved] = store.applications.all()
        assert (saved.company, saved.role, saved.work_mode, saved.stage) == ("Acme", "Engineer", "hybrid",
                                                                             "interviewing")


async def test_escape_after_only_a_choice_changed_asks_first(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        await pilot.press("n")
        form = await until_screen(pilot, ApplicationForm)
        form.query_one("#f-work_mode", LightSelect).focus()
        await pilot.pause()
        await pilot.press("o", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # keep editing
        await pilot.pause()
        assert app.screen is form and form.query_one("#f-work_mode", LightSelect).value == "on-site"


async def test_the_form_hides_the_board_whole_up_to_its_width_and_shows_it_dimmed_beyond(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        await pilot.press("n")
        form = await until_screen(pilot, ApplicationForm)
        assert form.has_class("-covers") and form.styles.background.a == 1  # nothing of the board to paint
        await pilot.resize_terminal(140, 30)
        await pilot.pause()
        assert not form.has_class("-covers") and form.styles.background.a < 1
        assert "Wishlist" in "\n".join(screen_lines(app))  # the board, dimmed, beside the form
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert form.has_class("-covers")
