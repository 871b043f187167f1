"""Today, driven from the keyboard: every row's hand-off, done/skip/snooze/undo surviving a restart,
the refill, the settings, hostile text."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Input, OptionList

from store.db import Store
from store.models import Application, Contact, Draft
from tests.hostile import HOSTILE, stored_form
from tests.screens import today_ready as ready  # Today reads its data after its first paint
from tests.waiting import notifications, type_text
from tui.today.screen import TodayScreen

TODAY = date(2026, 3, 2)


def final_round_rejection(store) -> dict:
    """A final-round rejection with a linked recruiter and an interviewer known only by name,
    two Wishlist cards, one live application, one due next step, one draft put off to today."""
    store.settings.update(my_name="Alex Morgan", pipeline_floor=3, weekly_goal=2)
    ana = store.contacts.save(Contact(first_name="Ana", last_name="Chen", role="recruiter", company="Acme",
                                      last_touch_on="2026-02-20", cadence="quarterly"))
    app = store.applications.add(Application(company="Acme", role="Staff Engineer", stage="interviewing",
                                             round_name="final", contact_names=["Ana Chen", "Ben Li"]))
    live = store.applications.add(Application(company="Live Co", role="Dev", stage="applied",
                                              next_action="Follow up", next_action_date="2026-03-01"))
    wish = [store.applications.add(Application(company=f"Wish {i}", role="Dev", excitement=i, stage="wishlist"))
            for i in (2, 5)]
    draft = store.drafts.save(Draft(kind="check-in", contact_ids=[ana.id], recipient_name="Ana Chen",
                                    status="put off", put_off_until="2026-03-02"))
    store.applications.reject(app.id)  # the board's close: the plan is made in the same write
    return {"app": store.applications.get(app.id), "ana": ana, "live": live, "wish": wish, "draft": draft,
            "plan": store.plans.for_application(app.id)}


class Hooks:
    def __init__(self, app, monkeypatch):
        self.calls: list[tuple] = []
        for name in ("open_application", "open_contact", "open_journal_entry", "start_reframe", "open_composer"):
            monkeypatch.setattr(app, name, self._rec(name))

    def _rec(self, name):
        def rec(*args, **kwargs):
            self.calls.append((name, args, kwargs))
        return rec

    def pop(self):
        calls, self.calls = self.calls, []
        return calls


def today_screen(app) -> TodayScreen:
    screen = app.screen
    assert isinstance(screen, TodayScreen)
    return screen


async def go(pilot, row_id: str) -> None:
    screen = today_screen(pilot.app)
    ids = [r.id for r in screen.rows]
    assert row_id in ids, f"{row_id} not in {ids}"
    screen.query_one("#today-list", OptionList).highlighted = ids.index(row_id)
    await pilot.pause()


def row_text(app, row_id: str) -> str:
    return next(r.text for r in today_screen(app).rows if r.id == row_id)


def all_text(app) -> str:
    screen = today_screen(app)
    parts = [str(screen.query_one(sel).render()) for sel in ("#today-head", "#today-stats", "#today-prompt")]
    return "\n".join(parts + [r.text for r in screen.rows])


async def test_today_shows_the_plan_due_items_floor_week_mood_and_prompt(store, make_app):
    d = final_round_rejection(store)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        text = all_text(app)
        assert "Mon 2 Mar 2026" in text and "Good morning, Alex." in text  # one date style
        assert "Pipeline 1 live of 3 · one good application this week makes 2" in text
        assert "add 2 today" not in text and "Week 2 of 2 applied" in text
        assert "Mood 30d " in text and "Prompt " in text
        pid = d["plan"].id
        assert "Acme — Staff Engineer  rejected today · 0 of 7 done" in row_text(app, f"plan:{pid}")
        for key, title in [("reflect", "Reflect"), ("thank_you", "Say thank you"), ("feedback", "Ask for feedback"),
                           ("stay_in_touch", "Stay in touch"), ("move_on", "Move on"),
                           ("check_in", "Light check-in"), ("reopened", "Has it reopened?")]:
            assert title in row_text(app, f"step:{pid}:{key}")
        assert "due tomorrow" in row_text(app, f"step:{pid}:thank_you")
        assert "due 2 Jul" in row_text(app, f"step:{pid}:reopened")
        assert "Live Co — Dev" in row_text(app, f"due:application:{d['live'].id}")
        assert "Ana Chen" in row_text(app, f"due:draft:{d['draft'].id}")
        # the cursor starts on the first row it can act on; j/k move it
        ol = today_screen(app).query_one("#today-list", OptionList)
        assert ol.highlighted_option.id == f"plan:{pid}"
        await pilot.press("j")
        await pilot.pause()
        assert ol.highlighted_option.id == f"step:{pid}:reflect"
        assert "enter: write the reframe" in str(today_screen(app).query_one("#today-hint").render())
        await pilot.press("k")
        await pilot.pause()
        assert ol.highlighted_option.id == f"plan:{pid}"


async def test_enter_hands_each_step_to_the_right_screen(store, make_app, monkeypatch):
    d = final_round_rejection(store)
    a, ana, pid = d["app"], d["ana"], d["plan"].id
    app = make_app(store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        hooks = Hooks(app, monkeypatch)
        await ready(pilot)

        await go(pilot, f"plan:{pid}")
        await pilot.press("enter")
        assert hooks.pop() == [("open_application", (a.id,), {})]

        await go(pilot, f"step:{pid}:reflect")
        await pilot.press("enter")
        assert hooks.pop() == [("start_reframe", (a.id,), {})]

        await go(pilot, f"step:{pid}:thank_you")
        await pilot.press("enter")
        assert hooks.pop() == [("open_composer", (), {"kind": "rejection reply", "contact_ids": [ana.id],
                                                      "application_id": a.id})]

        # the one feedback question rides in the same reply to Ana (no second email)
        await go(pilot, f"step:{pid}:feedback")
        await pilot.press("enter")
        assert hooks.pop() == [("open_composer", (), {"kind": "rejection reply", "contact_ids": [ana.id],
                                                      "application_id": a.id})]

        # stay in touch: Ben is only a name on the card — enter says which key adds him, a adds him
        # (quarterly), then enter writes his connection note
        ben_row = next(r.id for r in today_screen(app).rows if r.kind == "person" and "Ben Li" in r.text)
        await go(pilot, ben_row)
        assert "a: add as a contact" in str(today_screen(app).query_one("#today-hint").render())
        await pilot.press("enter")
        await pilot.pause()
        assert not any(c.display_name == "Ben Li" for c in store.contacts.all())
        assert any("a adds them" in n.message for n in notifications(app))
        await pilot.press("a")
        await pilot.pause()
        ben = next(c for c in store.contacts.all() if c.display_name == "Ben Li")
        assert ben.cadence == "quarterly" and ben.application_ids == [a.id] and ben.company == "Acme"
        assert ben.id in store.applications.get(a.id).contact_ids
        assert hooks.pop() == []
        ben_row = next(r.id for r in today_screen(app).rows if r.kind == "person" and "Ben Li" in r.text
                       and r.step == "stay_in_touch")
        assert "connection note" in row_text(app, ben_row)
        await go(pilot, ben_row)
        await pilot.press("enter")
        assert hooks.pop() == [("open_composer", (), {"kind": "connection note", "contact_ids": [ben.id],
                                                      "application_id": a.id})]
        # Ben is now a contact: each gets their own note, Ana the reply, Ben an interviewer's thanks
        await go(pilot, f"step:{pid}:thank_you")
        await pilot.press("enter")
        assert hooks.pop() == [("open_composer", (), {"kind": "rejection reply", "contact_ids": [ana.id],
                                                      "application_id": a.id})]
        ben_thanks = next(r.id for r in today_screen(app).rows if r.kind == "person" and "Ben Li" in r.text
                          and r.step == "thank_you")
        await go(pilot, ben_thanks)
        await pilot.press("enter")
        assert hooks.pop() == [("open_composer", (), {"kind": "interviewer thanks", "contact_ids": [ben.id],
                                                      "application_id": a.id})]

        await go(pilot, f"step:{pid}:reopened")
        await pilot.press("enter")
        assert hooks.pop() == [("open_composer", (), {"kind": "runner-up", "contact_ids": [ana.id],
                                                      "application_id": a.id})]

        await go(pilot, f"due:application:{d['live'].id}")
        await pilot.press("enter")
        assert hooks.pop() == [("open_application", (d["live"].id,), {})]

        await go(pilot, f"due:draft:{d['draft'].id}")
        await pilot.press("enter")
        assert hooks.pop() == [("open_composer", (), {"draft_id": d["draft"].id})]

        contact_rows = [r for r in today_screen(app).rows if r.id.startswith("due:contact:")]
        if contact_rows:
            await go(pilot, contact_rows[0].id)
            await pilot.press("enter")
            assert hooks.pop() == [("open_contact", (contact_rows[0].due.ref,), {})]


async def test_a_waiting_draft_is_reopened_not_duplicated(store, make_app, monkeypatch):
    d = final_round_rejection(store)
    a, ana, pid = d["app"], d["ana"], d["plan"].id
    reply = store.drafts.save(Draft(kind="rejection reply", contact_ids=[ana.id], application_id=a.id))
    ask = store.drafts.save(Draft(kind="feedback request", contact_ids=[ana.id], application_id=a.id))
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        hooks = Hooks(app, monkeypatch)
        await ready(pilot)
        await go(pilot, f"step:{pid}:thank_you")
        await pilot.press("enter")
        await go(pilot, f"step:{pid}:feedback")
        await pilot.press("enter")
        assert hooks.pop() == [("open_composer", (), {"draft_id": reply.id}),
                               ("open_composer", (), {"draft_id": ask.id})]


async def test_feedback_kept_as_a_lesson(store, make_app, monkeypatch):
    d = final_round_rejection(store)
    changed = d["app"].copy()
    changed.feedback = "Good code; weaker on system design."
    store.applications.save(changed)
    app = make_app(store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        hooks = Hooks(app, monkeypatch)
        await ready(pilot)
        await go(pilot, f"due:lesson:{d['plan'].id}")
        assert "Feedback from Acme" in row_text(app, f"due:lesson:{d['plan'].id}")
        await pilot.press("enter")
        await pilot.pause()
        entry = next(e for e in store.journal.all() if e.application_id == d["app"].id)
        assert entry.lesson == changed.feedback
        assert hooks.pop() == [("open_journal_entry", (entry.id,), {})]
        assert not any(r.id.startswith("due:lesson:") for r in today_screen(app).rows)


async def test_move_on_refills_from_the_wishlist(store, make_app):
    d = final_round_rejection(store)
    pid = d["plan"].id
    app = make_app(store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        assert "1 live of 3 · one good application this week makes 2" in row_text(app, f"step:{pid}:move_on")
        await go(pilot, f"step:{pid}:move_on")
        await pilot.press("enter")
        await pilot.pause()
        from tui.today.refill import RefillDialog

        assert isinstance(app.screen, RefillDialog)
        status = str(app.screen.query_one("#refill-status").render())
        assert "One good application this week makes 2." in status and "today" not in status
        ol = app.screen.query_one("#refill-list", OptionList)
        assert ol.get_option_at_index(0).id == d["wish"][1].id  # the most exciting first
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        status = str(app.screen.query_one("#refill-status").render())
        assert "floor 3 met" in status and "Rest is part of the search too." in status
        assert "momentum" not in status and "Applied from here: 2." in status
        assert all(store.applications.get(w.id).stage == "applied" for w in d["wish"])
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        # back above the floor with two sent since the rejection: the step ticked itself off
        assert "✓" in row_text(app, f"step:{pid}:move_on") and "done 2 Mar" in row_text(app, f"step:{pid}:move_on")
        assert "Pipeline 3 live, floor 3 met" in all_text(app)


async def test_done_skip_snooze_undo_survive_a_restart(data_dir, make_app):
    s = Store.open(data_dir)
    d = final_round_rejection(s)
    pid = d["plan"].id
    app = make_app(s)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        await go(pilot, f"step:{pid}:reflect")
        await pilot.press("space")
        await pilot.pause()
        assert "done 2 Mar" in row_text(app, f"step:{pid}:reflect")
        await go(pilot, f"step:{pid}:feedback")
        await pilot.press("s")
        await pilot.pause()
        assert "skipped" in row_text(app, f"step:{pid}:feedback")
        await go(pilot, f"step:{pid}:thank_you")
        await pilot.press("z")
        await pilot.pause()
        inp = app.screen.query_one("#prompt-input", Input)
        inp.value = "yesterday"
        await pilot.press("enter")
        await pilot.pause()
        assert "after today" in str(app.screen.query_one("#prompt-error").render())  # nothing lost, stays open
        inp.value = "+3d"
        await pilot.press("enter")
        await pilot.pause()
        assert "snoozed until Thu 5" in row_text(app, f"step:{pid}:thank_you")
        # undo on the skipped one puts it back
        await go(pilot, f"step:{pid}:feedback")
        await pilot.press("u")
        await pilot.pause()
        assert "due tomorrow" in row_text(app, f"step:{pid}:feedback")  # with the thank-you, after the cool-off
        await pilot.press("s")
        await pilot.pause()
    s.close()

    s2 = Store.open(data_dir)
    try:
        steps = {st["key"]: st for st in s2.plans.get(pid).steps}
        assert steps["reflect"]["status"] == "done" and steps["reflect"]["done_on"] == "2026-03-02"
        assert steps["feedback"]["status"] == "skipped"
        assert steps["thank_you"] == {**steps["thank_you"], "status": "snoozed", "snoozed_until": "2026-03-05"}
        app2 = make_app(s2)
        async with app2.run_test(size=(80, 24)) as pilot:
            await ready(pilot)
            assert "done 2 Mar" in row_text(app2, f"step:{pid}:reflect")
            assert "skipped" in row_text(app2, f"step:{pid}:feedback")
            assert "snoozed until Thu 5" in row_text(app2, f"step:{pid}:thank_you")
    finally:
        s2.close()


async def test_plan_leaves_today_when_every_step_is_closed(store, make_app):
    from store import clock

    d = final_round_rejection(store)
    pid = d["plan"].id
    app = make_app(store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        for key in ["reflect", "thank_you", "feedback", "stay_in_touch", "move_on"]:
            await go(pilot, f"step:{pid}:{key}")
            await pilot.press("space" if key != "feedback" else "s")
            await pilot.pause()
        # the five habits are done; the runner-up sequence waits weeks, off Today
        assert not any(r.plan_id == pid for r in today_screen(app).rows)
        assert any("comes back on 13 Apr" in n.message for n in notifications(app))
        assert not store.plans.get(pid).finished
        clock.freeze(date(2026, 4, 6))  # within two weeks of the light check-in: the plan is back
        today_screen(app).refresh_data()
        await pilot.pause()
        assert "due 13 Apr" in row_text(app, f"step:{pid}:check_in")
        await go(pilot, f"step:{pid}:check_in")
        await pilot.press("space")
        await pilot.pause()
        assert any("comes back on 2 Jul" in n.message for n in notifications(app))
        clock.freeze(date(2026, 6, 25))  # within two weeks of the reminder: the plan is back
        today_screen(app).refresh_data()
        await pilot.pause()
        assert "due 2 Jul" in row_text(app, f"step:{pid}:reopened")
        await go(pilot, f"step:{pid}:reopened")
        await pilot.press("space")
        await pilot.pause()
        assert not any(r.plan_id == pid for r in today_screen(app).rows)
        assert any("Plan complete" in n.message for n in notifications(app))
    assert store.plans.get(pid).finished


async def test_keys_on_rows_that_are_not_steps_explain_themselves(store, make_app):
    d = final_round_rejection(store)
    app = make_app(store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        await go(pilot, f"due:application:{d['live'].id}")
        before = store.plans.get(d["plan"].id).steps
        for key in ("space", "s", "z", "u"):
            await pilot.press(key)
            await pilot.pause()
        assert store.plans.get(d["plan"].id).steps == before
        assert any("plan steps" in n.message for n in notifications(app))
        assert isinstance(app.screen, TodayScreen)


async def test_filter_with_slash_and_escape(store, make_app):
    d = final_round_rejection(store)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("slash")
        await pilot.pause()
        app.screen.query_one("#prompt-input", Input).value = "live co"
        await pilot.press("enter")
        await pilot.pause()
        kept = [r for r in today_screen(app).rows if r.selectable]
        assert [r.id for r in kept] == [f"due:application:{d['live'].id}"]
        await pilot.press("escape")
        await pilot.pause()
        assert len([r for r in today_screen(app).rows if r.selectable]) > 5


async def test_read_only_session_refuses_step_changes_out_loud(data_dir, make_app):
    first = Store.open(data_dir)
    d = final_round_rejection(first)
    second = Store.open(data_dir)
    try:
        app = make_app(second)
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            await ready(pilot)
            await go(pilot, f"step:{d['plan'].id}:reflect")
            await pilot.press("space")
            await pilot.pause()
            assert any("Read-only" in n.message for n in notifications(app))
            assert "was due" not in row_text(app, f"step:{d['plan'].id}:reflect")
            assert "done" not in row_text(app, f"step:{d['plan'].id}:reflect")
    finally:
        second.close()
        first.close()


# --------------------------------------------------------------------------- settings


async def test_settings_from_today_validates_inline_and_saves_once(store, make_app, monkeypatch):
    final_round_rejection(store)
    app = make_app(store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        await pilot.press("comma")
        await pilot.pause()
        from tui.settings.screen import SettingsScreen

        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        screen.query_one("#f-pipeline_floor", Input).value = "lots"
        await pilot.pause()
        assert "not a whole number" in str(screen.query_one("#err-pipeline_floor").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)  # not saved; nothing typed is lost
        assert screen.query_one("#f-pipeline_floor", Input).value == "lots"
        assert store.settings.current().pipeline_floor == 3
        writes = []
        real_write = app.write
        monkeypatch.setattr(app, "write", lambda fn, *a, **k: writes.append(fn) or real_write(fn, *a, **k))
        screen.query_one("#f-pipeline_floor", Input).value = "12"
        screen.query_one("#f-weekly_goal", Input).value = "4"
        screen.query_one("#f-my_name", Input).value = "Sam Rivera"
        screen.query_one("#f-use_my_name").value = True
        screen.query_one("#f-theme").value = "rebound-light"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert len(writes) == 1  # one atomic write for every change
        assert isinstance(app.screen, TodayScreen)
        s = store.settings.current()
        assert (s.pipeline_floor, s.weekly_goal, s.my_name, s.use_my_name, s.theme) == (
            12, 4, "Sam Rivera", True, "rebound-light")
        assert app.theme == "rebound-light"
        text = all_text(app)
        assert "Good morning, Sam." in text and "1 live of 12 · one good application this week makes 2" in text


async def test_settings_escape_asks_before_discarding(store, make_app):
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("comma")
        await pilot.pause()
        await pilot.press("escape")  # nothing changed: closes at once
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("comma")
        await pilot.pause()
        app.screen.query_one("#f-weekly_goal", Input).value = "9"
        await pilot.press("escape")
        await pilot.pause()
        from tui.dialogs import ConfirmDialog

        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # keep editing
        await pilot.pause()
        assert app.screen.query_one("#f-weekly_goal", Input).value == "9"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    assert store.settings.current().weekly_goal == 5


async def test_settings_is_in_the_palette(store, make_app):
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        titles = [c.title for c in app.all_commands(app.screen)]
        assert "Settings…" in titles and "Today: mark step done" in titles


# --------------------------------------------------------------------------- hostile text


@pytest.mark.parametrize("chunk", [HOSTILE[:6], HOSTILE[6:]])
async def test_hostile_text_everywhere_is_shown_literally(store, make_app, monkeypatch, chunk):
    store.settings.update(pipeline_floor=20, my_name=chunk[0])
    with store.batch():  # one save
        for text in chunk:
            c = store.contacts.save(Contact(first_name=text, last_name="", cadence="monthly",
                                            last_touch_on="2025-01-01", next_time=text))
            a = store.applications.add(Application(company=text, role=text, stage="interviewing", contact_ids=[c.id],
                                                   contact_names=[text + " person"], feedback=text,
                                                   next_action=text))
            store.applications.reject(a.id)
            store.applications.add(Application(company=text, role=text, stage="applied", next_action=text,
                                               next_action_date="2026-03-01"))
            store.applications.add(Application(company=text, stage="wishlist"))
            store.drafts.save(Draft(kind="check-in", recipient_name=text, subject=text, status="put off",
                                    put_off_until="2026-03-01"))
    app = make_app(store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        hooks = Hooks(app, monkeypatch)
        await ready(pilot)
        text = all_text(app)
        for s in chunk:
            assert stored_form(s)[:30] in text
        # walk every row with enter: nothing crashes, no markup action runs (the app is still here)
        screen = today_screen(app)
        seen = set()
        for row in list(screen.rows):
            sort = (row.kind, row.step, row.due.kind if row.due else None)
            if sort in seen:
                continue
            seen.add(sort)
            if row.kind in ("plan", "due", "step") and row.step != "move_on":
                await go(pilot, row.id)
                await pilot.press("enter")
                await pilot.pause()
                if not isinstance(app.screen, TodayScreen):
                    await pilot.press("escape")
                    await pilot.pause()
        assert app.is_running and hooks.calls
        # the refill dialog lists the hostile Wishlist cards literally
        step = next(r for r in today_screen(app).rows if r.step == "move_on")
        await go(pilot, step.id)
        await pilot.press("enter")
        await pilot.pause()
        ol = app.screen.query_one("#refill-list", OptionList)
        shown = "\n".join(str(ol.get_option_at_index(i).prompt) for i in range(ol.option_count))
        assert stored_form(chunk[0])[:20] in shown
        await pilot.press("escape")
        await pilot.pause()
        # and the settings form takes them too
        await pilot.press("comma")
        await pilot.pause()
        app.screen.query_one("#f-my_name", Input).value = chunk[-1][:90]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.settings.current().my_name == " ".join(stored_form(chunk[-1][:90]).split())
        assert app.is_running


def test_long_due_groups_are_cut_with_a_row_that_opens_their_screen():
    from store.today import DueItem, Summary
    from tui.today.rows import APPLICATION_ROWS, CONTACT_ROWS, build_rows

    due = [DueItem("application", f"a{i}", f"App {i}", "Follow up", TODAY, i) for i in range(APPLICATION_ROWS + 7)]
    due += [DueItem("draft", "d1", "Check-in to Ana", "", TODAY)]
    due += [DueItem("contact", f"c{i}", f"Person {i}", "check in", TODAY, 1) for i in range(CONTACT_ROWS + 3)]
    summary = Summary(today=TODAY, greeting="", name="", plans=[], due=due, live=0, wishlist=0, floor=0, need=0,
                      week_sent=0, weekly_goal=0)
    rows = build_rows(summary)
    ids = [r.id for r in rows]
    assert sum(1 for i in ids if i.startswith("due:application:")) == APPLICATION_ROWS
    assert sum(1 for i in ids if i.startswith("due:contact:")) == CONTACT_ROWS
    more_apps = ids.index("more:application")
    assert ids[more_apps - 1] == f"due:application:a{APPLICATION_ROWS - 1}" and ids[more_apps + 1] == "due:draft:d1"
    assert "… and 7 more next steps due" in rows[more_apps].text
    # people: a few a day, and no count of the rest (they are not a debt)
    assert ids[-1] == "more:contact" and "More people on Contacts" in rows[-1].text
    assert not any(ch.isdigit() for ch in rows[-1].text)
    # a filter searches everything, not only what is shown
    last = CONTACT_ROWS + 2
    assert [r.id for r in build_rows(summary, f"person {last}") if r.selectable] == [f"due:contact:c{last}"]


async def test_enter_on_a_more_row_opens_that_screen(store, make_app):
    for i in range(30):
        store.contacts.save(Contact(first_name=f"P{i}", cadence="monthly", last_touch_on="2025-06-01"))
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await go(pilot, "more:contact")
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_mode == "contacts"


# --------------------------------------------------------------------------- end to end


async def fill_slots_and_send(pilot, send: bool = True) -> None:
    """In the outreach editor: fill every slot the template asks for, save; then (``send``) mark it
    sent with the outreach keys — through the cool-off question a fresh rejection raises."""
    from tui.outreach.editor import DraftEditor

    app = pilot.app
    assert isinstance(app.screen, DraftEditor)
    for _ in range(4):
        before = app.screen.collect().body
        await pilot.press("ctrl+n")
        await pilot.pause()
        if app.screen.collect().body != before or "Slot" not in [n.title for n in notifications(app)][-1:]:
            break
        await type_text(pilot, "good")
        await pilot.pause()
    await pilot.press("ctrl+s")
    await pilot.pause()
    if not send:
        return
    await pilot.press("m")
    await pilot.pause()
    from tui.dialogs import ChoiceDialog

    if isinstance(app.screen, ChoiceDialog):  # "Mark sent?" during the cool-off: "anyway" is first, unnumbered
        await pilot.press("home", "enter")
        await pilot.pause()
    await pilot.press("ctrl+s")  # the mark-sent dialog: today, the draft's channel
    await pilot.pause()


async def test_from_r_on_the_board_to_a_completed_plan(store, make_app):
    """The issue's "done when": rejected on the board with `r`, then from the keyboard through the
    reflection, a thank-you, a feedback request, staying in touch and a refilled pipeline, with
    Today showing each step as it happens."""
    from tui.board.screen import BoardScreen
    from tui.journal.wizard import ReframeWizard
    from tui.outreach.editor import DraftEditor
    from tui.today.refill import RefillDialog

    store.settings.update(my_name="Alex Morgan", pipeline_floor=3, weekly_goal=2)
    ana = store.contacts.save(Contact(first_name="Ana", last_name="Chen", role="recruiter", company="Acme",
                                      emails=["ana@acme.example"]))
    acme = store.applications.add(Application(company="Acme", role="Staff Engineer", stage="interviewing",
                                              round_name="final", applied_on="2026-02-01",
                                              contact_names=["Ana Chen", "Ben Li"]))
    store.applications.add(Application(company="Live Co", role="Dev", stage="applied", applied_on="2026-02-20"))
    for name in ("Wish A", "Wish B"):
        store.applications.add(Application(company=name, role="Dev", stage="wishlist"))
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await ready(pilot)
        # -- the board: r on the card
        await pilot.press("2")
        await pilot.pause()
        board = app.screen
        assert isinstance(board, BoardScreen)
        for _ in range(6):
            if board.kanban.current_column == "interviewing":
                break
            await pilot.press("l")
            await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        plan = store.plans.for_application(acme.id)
        assert plan is not None and store.applications.get(acme.id).outcome == "rejected"
        pid = plan.id

        async def today(step: str) -> str:
            await pilot.press("1")
            await pilot.pause()
            await pilot.pause()
            return row_text(app, f"step:{pid}:{step}")

        assert "○ Reflect" in await today("reflect")
        assert "0 of 7 done" in row_text(app, f"plan:{pid}")

        # -- 1. reflect: the journal's guided reframe, linked to the application
        await go(pilot, f"step:{pid}:reflect")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert app.current_mode == "journal" and isinstance(app.screen, ReframeWizard)
        assert app.screen.entry.application_id == acme.id
        await type_text(pilot, "They said no")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "✓ Reflect" in await today("reflect") and "done 2 Mar" in row_text(app, f"step:{pid}:reflect")

        # -- 2. thank you: a rejection reply to Ana, prefilled, marked sent
        await go(pilot, f"step:{pid}:thank_you")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert app.current_mode == "outreach" and isinstance(app.screen, DraftEditor)
        draft = app.screen.collect()
        assert (draft.kind, draft.contact_ids, draft.application_id) == ("rejection reply", [ana.id], acme.id)
        await fill_slots_and_send(pilot)
        assert any(t.kind == "rejection reply" and t.application_id == acme.id for t in store.touchpoints.all())
        assert "✓ Say thank you" in await today("thank_you")

        # -- 3. feedback: the reply to the recruiter asked the one question; no second email
        assert "✓ Ask for feedback" in await today("feedback")
        assert not any(d.kind == "feedback request" for d in store.drafts.all())

        # -- 4. stay in touch: Ben becomes a contact with one key (a); a connection note for each
        ben_row = next(r.id for r in today_screen(app).rows if r.kind == "person" and "Ben Li" in r.text)
        await go(pilot, ben_row)
        await pilot.press("a")
        await pilot.pause()
        ben = next(c for c in store.contacts.all() if c.display_name == "Ben Li")
        assert ben.cadence == "quarterly"
        # Ben becomes a contact after the thank-you was recorded: it stays done
        assert "✓ Say thank you" in row_text(app, f"step:{pid}:thank_you")
        for person in ("Ana Chen", "Ben Li"):
            row = next(r.id for r in today_screen(app).rows if r.kind == "person" and person in r.text)
            await go(pilot, row)
            await pilot.press("enter")
            await pilot.pause()
            await pilot.pause()
            assert isinstance(app.screen, DraftEditor) and app.screen.collect().kind == "connection note"
            await fill_slots_and_send(pilot, send=False)  # a draft each is the step
            await today("stay_in_touch")
        assert "✓ Stay in touch" in row_text(app, f"step:{pid}:stay_in_touch")

        # -- 5. move on: 1 live of 3; two from the Wishlist go out
        assert "1 live of 3 · one good application this week makes 2" in row_text(app, f"step:{pid}:move_on")
        await go(pilot, f"step:{pid}:move_on")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RefillDialog)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        # every habit done: the plan leaves Today; the runner-up sequence waits for April and July
        rows = today_screen(app).rows
        assert not any(r.plan_id == pid for r in rows)
        assert "Pipeline 3 live, floor 3 met" in all_text(app)
    steps = {s["key"]: s for s in store.plans.get(pid).steps}
    assert all(steps[k]["status"] == "done" and steps[k]["done_on"] == "2026-03-02"
               for k in ("reflect", "thank_you", "feedback", "stay_in_touch", "move_on"))
    assert steps["reopened"]["status"] == "todo" and steps["reopened"]["due"] == "2026-07-02"


async def test_a_new_rejection_brings_the_cursor_to_its_plan(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        target = next(a for a in demo_store.applications.all() if a.stage == "interviewing")
        assert app.write(demo_store.applications.close, target.id, "rejected")
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        plan = demo_store.plans.for_application(target.id)
        row = app.screen.current_row()
        assert row is not None and row.id == f"plan:{plan.id}"


# --------------------------------------------------------------------------- no guilt on Today


async def test_only_the_newest_plan_is_open_and_due_today_shows_at_80x24(demo_store, make_app):
    """Several plans: the newest shows its steps, the others one line each (counting what is due); the
    Due today heading is on screen at 80x24. enter or → opens a folded plan, ← folds it again."""
    from tests import waiting

    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        screen = today_screen(app)
        plans = screen.summary.plans
        assert len(plans) >= 3
        newest, older = plans[0].plan.id, [v.plan.id for v in plans[1:]]
        steps_of = {pid: [r for r in screen.rows if r.kind == "step" and r.plan_id == pid] for pid in (newest, *older)}
        assert steps_of[newest] and not any(steps_of[pid] for pid in older)
        assert row_text(app, f"plan:{newest}").startswith("▾ ")
        assert all(row_text(app, f"plan:{pid}").startswith("▸ ") for pid in older)
        assert any(" due" in row_text(app, f"plan:{pid}") for pid in older)  # the line counts what is due
        assert "steps due" in row_text(app, "section:plans")
        assert any(line.startswith("Due today") for line in waiting.screen_lines(app))
        # enter on a folded plan opens it (it doesn't leave Today); ← folds it again
        await go(pilot, f"plan:{older[0]}")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert [r for r in screen.rows if r.kind == "step" and r.plan_id == older[0]]
        assert screen.current_row().id == f"plan:{older[0]}"
        await pilot.press("left")
        await pilot.pause()
        assert not [r for r in screen.rows if r.kind == "step" and r.plan_id == older[0]]
        assert row_text(app, f"plan:{older[0]}").startswith("▸ ")
        await pilot.press("right")
        await pilot.pause()
        assert [r for r in screen.rows if r.kind == "step" and r.plan_id == older[0]]


async def test_today_has_no_quota_no_debt_and_people_are_a_good_moment(store, make_app):
    d = final_round_rejection(store)
    for i in range(6):
        store.contacts.save(Contact(first_name=f"P{i}", cadence="monthly", last_touch_on="2025-06-01"))
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        text = all_text(app)
        pid = d["plan"].id
        assert "when you're ready" in row_text(app, f"step:{pid}:reflect")
        assert "Pipeline 1 live of 3 · one good application this week makes 2" in text
        people = [r for r in today_screen(app).rows if r.id.startswith("due:contact:")]
        assert len(people) == 3  # at most three a day
        assert "A good moment to reach out" in text and "More people on Contacts" in text
        assert "Due today" in text and "overdue" not in text and "was due" not in text
        assert "since yesterday" in row_text(app, f"due:application:{d['live'].id}")
        # the stats fit the width: two lines, none wider than the screen
        stats = str(today_screen(app).query_one("#today-stats").render()).splitlines()
        assert len(stats) == 2 and all(len(line) <= 78 for line in stats)


async def test_the_first_run_shows_no_quota(store, make_app):
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        text = all_text(app)
        assert "Pipeline no applications yet" in text
        assert "Week" not in text and "live of" not in text and "today" not in text.split("Due today")[0].lower()
