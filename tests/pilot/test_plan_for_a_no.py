"""Issue 11 from the keyboard: the first run on an empty folder to a sent thank-you, a plan for the next
no (asked once, shown at r and on top of the new plan), the control tag and its split, the interview
brief, what recording feedback offers, and the four-day writing course."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Input, Select

from store.models import Application, Contact, JournalEntry
from tests.conftest import FROZEN_TODAY
from tests.screens import open_board, open_journal, today_ready
from tests.waiting import (
    notifications,
    notified,
    notified_text,
    palette_prompts,
    press,
    rendered,
    settle,
    type_text,
    until,
    until_screen,
)
from tui.board.closing import CloseDialog
from tui.board.details import DetailsScreen
from tui.board.forms import ApplicationForm
from tui.board.screen import BoardScreen
from tui.dialogs import ChoiceDialog, TextPromptDialog
from tui.settings.screen import SettingsScreen
from tui.shell.welcome import DEMO_FIRST, WelcomeScreen
from widgets.light_select import LightSelect

SIZE = (80, 24)


def _ago(days: int) -> str:
    return (FROZEN_TODAY - timedelta(days=days)).isoformat()


def _command(app, title: str):
    """A palette command of the screen shown, by its title."""
    return next(c for c in app.all_commands(app.screen) if c.title == title)


async def _fill_and_send(pilot) -> None:
    """In the outreach editor: fill every slot, save, then mark it sent (today, its channel)."""
    from tui.outreach.dialogs import MarkSentDialog
    from tui.outreach.editor import DraftEditor

    app = pilot.app
    editor = await until_screen(pilot, DraftEditor)
    for _ in range(6):
        before = editor.collect().body
        await press(pilot, "ctrl+n")  # the next slot, selected (a "Slot" toast says which)
        if editor.collect().body != before or "Slot" not in [n.title for n in notifications(app)][-1:]:
            break
        await type_text(pilot, "good")
    await press(pilot, "ctrl+s")
    await press(pilot, "m")
    if isinstance(app.screen, ChoiceDialog):  # a cool-off question
        await press(pilot, "home", "enter")
    await until_screen(pilot, MarkSentDialog)
    await press(pilot, "ctrl+s")


# ----------------------------------------------------------------------------- the first run


async def test_a_first_run_on_an_empty_folder_to_a_sent_thank_you(store, make_app, monkeypatch):
    """Done when: a first run on an empty folder reaches a sent thank-you without visiting Settings."""
    from tui.contacts.form import ContactForm

    opened: list[object] = []
    real_init = SettingsScreen.__init__

    def spy(self, *args, **kwargs):
        opened.append(self)
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(SettingsScreen, "__init__", spy)
    assert store.settings.needs_welcome()
    app = make_app(store, first_run=True)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await until_screen(pilot, WelcomeScreen)
        await type_text(pilot, "Sam Rivera")
        await press(pilot, "enter")  # to the floor, 10 by default
        assert app.focused.id == "welcome-floor" and app.focused.value == "10"
        await press(pilot, "enter")  # to "then"
        await press(pilot, "1")  # add my first application
        form = await until_screen(pilot, ApplicationForm)
        settings = store.settings.current()
        assert (settings.my_name, settings.pipeline_floor, settings.welcomed_on) == ("Sam Rivera", 10, "2026-03-02")
        await type_text(pilot, "Acme")
        await press(pilot, "tab")
        await type_text(pilot, "Platform Engineer")
        form.query_one("#f-contacts", Input).value = "Dana Kim"
        form.query_one("#f-stage", LightSelect).value = "interviewing"
        await press(pilot, "ctrl+s")
        await until_screen(pilot, BoardScreen)
        [acme] = store.applications.all()
        assert acme.stage == "interviewing"
        # Dana becomes a contact
        await press(pilot, "4")
        await press(pilot, "n")
        contact_form = await until_screen(pilot, ContactForm)
        await type_text(pilot, "Dana")
        contact_form.query_one("#f-last_name", Input).value = "Kim"
        contact_form.query_one("#f-company", Input).value = "Acme"
        contact_form.query_one("#f-emails", Input).value = "dana@acme.example"
        await press(pilot, "ctrl+s")
        [dana] = store.contacts.all()
        # the thank-you after the interview: signed with the name given at the welcome
        app.open_composer(kind="thank-you", contact_ids=[dana.id], application_id=acme.id)
        await _fill_and_send(pilot)
        [sent] = [d for d in store.drafts.all() if d.status == "sent"]
        assert sent.kind == "thank-you" and "Sam Rivera" in sent.sent_body
        assert any(t.kind == "thank-you" and dana.id in t.contact_ids for t in store.touchpoints.all())
        assert "Missing values" not in notified_text(app)
    assert opened == []  # never through Settings


async def test_skipping_the_welcome_then_a_missing_name_says_where_to_fix_it(store, make_app):
    app = make_app(store, first_run=True)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await until_screen(pilot, WelcomeScreen)
        await press(pilot, "escape")
        assert store.settings.current().welcomed_on == "2026-03-02" and not store.settings.needs_welcome()
        assert any("Settings (,)" in m for m in notified(app, title="Welcome"))
        dana = store.contacts.save(Contact(first_name="Dana", last_name="Kim", emails=["d@x.example"]))
        acme = store.applications.add(Application(company="Acme", role="Dev", stage="interviewing"))
        app.open_composer(kind="thank-you", contact_ids=[dana.id], application_id=acme.id)
        from tui.outreach.editor import DraftEditor

        editor = await until_screen(pilot, DraftEditor)
        check = rendered(editor.query_one("#ed-check"))
        assert "me.name" in check and "Settings: press , or ctrl+p › Settings: my name" in check
        # , opens Settings from another screen (the board), on the name
        app.action_go("board")
        await until_screen(pilot, BoardScreen)
        await press(pilot, "comma")
        settings = await until_screen(pilot, SettingsScreen)
        assert app.focused.id == "f-my_name"
        await press(pilot, "escape")
        # and the palette finds "name"
        prompts = [p.plain for p in await palette_prompts(pilot, "name")]
        assert any(p.startswith("Settings: my name") for p in prompts), prompts
        del settings


async def test_the_demo_first_choice_ends_the_first_session_for_the_demo(store, make_app):
    app = make_app(store, first_run=True)
    async with app.run_test(size=SIZE) as pilot:
        await until_screen(pilot, WelcomeScreen)
        app.screen.query_one("#welcome-floor", Input).value = "6"
        app.screen.query_one("#welcome-next").focus()
        await press(pilot, "3")
        await until(pilot, lambda: not app.is_running or app.return_value == DEMO_FIRST, what="the exit")
    assert app.return_value == DEMO_FIRST
    assert store.settings.current().pipeline_floor == 6 and not store.settings.needs_welcome()


async def test_no_welcome_without_a_first_run(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await today_ready(pilot)
        assert not isinstance(app.screen, WelcomeScreen)


# ----------------------------------------------------------------------------- a plan for the next no


async def test_the_first_rejection_asks_once_and_the_next_no_shows_the_plan(store, make_app):
    first = store.applications.add(Application(company="Acme", role="Dev", stage="interviewing"))
    second = store.applications.add(Application(company="Bolt", role="Ops", stage="interviewing"))
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        board = await open_board(pilot)
        board.kanban.select("interviewing", [c.id for c in board.kanban.cards("interviewing")].index(first.id))
        await press(pilot, "R", "y")  # rejected (it asks first)
        assert "You planned for this" not in notified_text(app)  # nothing planned yet
        await press(pilot, "1")
        await today_ready(pilot)
        today = app.screen
        plan = store.plans.for_application(first.id)
        ids = [r.id for r in today.rows]
        ask = f"intent:{plan.id}"
        assert ask in ids and ids.index(ask) > ids.index(f"step:{plan.id}:move_on")  # at the end of the plan
        assert "If I get a no, then I…" in next(r.text for r in today.rows if r.id == ask)
        today.query_one("#today-list").highlighted = ids.index(ask)
        await press(pilot, "enter")
        dialog = await until_screen(pilot, ChoiceDialog)
        await press(pilot, "1")  # take a walk
        assert dialog is not app.screen
        got = store.settings.current()
        assert (got.if_no_plan, got.if_no_asked) == ("take a walk", True)
        await settle(pilot)
        assert not any(r.text.startswith("  ◇") for r in app.screen.rows)  # asked once
        # the next no: the plan at once, and on top of the new rebound plan
        board = await open_board(pilot)
        board.kanban.select("interviewing", 0)
        assert board.kanban.current_card.id == second.id
        await press(pilot, "R", "y")
        closed = [m for m in notified(app, title="Closed") if "Bolt" in m or "planned" in m]
        assert any("You planned for this: take a walk." in m for m in closed), closed
        await press(pilot, "1")
        await today_ready(pilot)
        plan2 = store.plans.for_application(second.id)
        ids = [r.id for r in app.screen.rows]
        app.screen.query_one("#today-list").highlighted = ids.index(f"plan:{plan2.id}")
        await press(pilot, "right")  # two no's the same day: open this one too
        rows = [r for r in app.screen.rows if r.plan_id == plan2.id]
        assert rows[0].kind == "plan" and rows[1].id == f"intent:{plan2.id}"
        assert "You planned for this: take a walk" in rows[1].text


async def test_not_now_is_an_answer_and_settings_takes_own_words(store, make_app):
    a = store.applications.add(Application(company="Acme", role="Dev", stage="applied"))
    store.applications.reject(a.id)
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await today_ready(pilot)
        plan = store.plans.for_application(a.id)
        ids = [r.id for r in app.screen.rows]
        app.screen.query_one("#today-list").highlighted = ids.index(f"intent:{plan.id}")
        await press(pilot, "enter")
        await until_screen(pilot, ChoiceDialog)
        await press(pilot, "6")  # not now
        assert store.settings.current().if_no_asked and store.settings.current().if_no_plan == ""
        assert f"intent:{plan.id}" not in [r.id for r in app.screen.rows]
        # Settings: own words
        await press(pilot, "comma")
        settings = await until_screen(pilot, SettingsScreen)
        settings.query_one("#f-if_no_choice", Select).value = "own"
        settings.query_one("#f-if_no_own", Input).value = "call my sister."
        await press(pilot, "ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, SettingsScreen), what="settings saved")
        assert store.settings.current().if_no_plan == "call my sister"
        # own words picked but left empty: an inline message, nothing saved
        await press(pilot, "comma")
        settings = await until_screen(pilot, SettingsScreen)
        assert settings.query_one("#f-if_no_choice", Select).value == "own"
        settings.query_one("#f-if_no_own", Input).value = "  "
        await press(pilot, "ctrl+s")
        assert app.screen is settings and "A few words" in rendered(settings.query_one("#err-if_no_own"))
        assert store.settings.current().if_no_plan == "call my sister"


# ----------------------------------------------------------------------------- what was in my control


async def test_closing_asks_an_optional_tag_and_the_split_reaches_trends_and_the_reframe(store, make_app):
    card = store.applications.add(Application(company="Acme", role="Dev", stage="interviewing"))
    for i, tag in enumerate(["outside", "outside", "unknown", "workable"]):
        done = store.applications.add(Application(company=f"Co {i}", role="Dev", stage="applied"))
        store.applications.close(done.id, "rejected", "system design" if tag == "workable" else "")
        changed = store.applications.get(done.id).copy()
        changed.outcome_control = tag
        store.applications.save(changed)
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        board = await open_board(pilot)
        board.kanban.select("interviewing", 0)
        await press(pilot, "x")
        dialog = await until_screen(pilot, CloseDialog)
        await press(pilot, "1")  # accepted: no tag asked
        assert dialog.query_one("#close-tag-row").has_class("-hidden")
        await press(pilot, "shift+tab")
        await press(pilot, "2")  # rejected: the tag is offered, optional
        assert not dialog.query_one("#close-tag-row").has_class("-hidden")
        await type_text(pilot, "System design")
        dialog.query_one("#close-tag", Select).value = "workable"
        await press(pilot, "ctrl+s")
        got = store.applications.get(card.id)
        assert (got.outcome, got.outcome_control, got.outcome_reason) == ("rejected", "workable", "System design")
        assert [ls.application_id for ls in store.journal.lessons()] == [card.id]
        sentence = ("Of 5 no's you tagged: 2 outside your control, 1 unknown, 2 about system design — on your "
                    "Lessons list.")
        journal = await open_journal(pilot)
        await press(pilot, "T")
        assert sentence in rendered(app.screen.query_one("#trends-text"))
        await press(pilot, "escape")
        journal.start_reframe(card.id)
        from tui.journal.wizard import ReframeWizard

        wizard = await until_screen(pilot, ReframeWizard)
        for _ in range(4):
            await press(pilot, "pagedown")
        assert wizard.step == 5
        assert sentence in rendered(wizard.query_one("#ev-split"))


async def test_escape_in_the_close_dialog_still_cancels_and_R_asks_no_tag(store, make_app):
    card = store.applications.add(Application(company="Acme", role="Dev", stage="interviewing"))
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        board = await open_board(pilot)
        board.kanban.select("interviewing", 0)
        await press(pilot, "x")
        await until_screen(pilot, CloseDialog)
        await press(pilot, "escape")
        assert app.screen is board and store.applications.get(card.id).stage == "interviewing"
        await press(pilot, "R", "y")  # R asks "close as rejected?" only: no tag
        assert app.screen is board
        assert store.applications.get(card.id).outcome_control == ""


# ----------------------------------------------------------------------------- lessons reach the next interview


async def test_a_move_to_screening_brings_the_brief_to_details_and_today(store, make_app):
    store.journal.save(JournalEntry(kind="reframe", lesson="Practise a scaling story out loud.",
                                    entry_date=_ago(9)))
    store.journal.save(JournalEntry(kind="freewrite", lesson="Ask about team size earlier.", entry_date=_ago(2)))
    store.applications.add(Application(company="Old Co", role="Dev", stage="closed", outcome="rejected",
                                       outcome_on=_ago(20), feedback="More depth on trade-offs, please."))
    card = store.applications.add(Application(company="Lumen", role="Developer Advocate", stage="applied"))
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        board = await open_board(pilot)
        board.kanban.select("applied", 0)
        await press(pilot, "L")
        assert store.applications.get(card.id).stage == "screening"
        assert any("Before the interview: 2 lessons, 1 piece of feedback" in m for m in notified(app, title="Brief"))
        await press(pilot, "enter")
        details = await until_screen(pilot, DetailsScreen)
        text = rendered(details.query_one("#details-text"))
        assert "Before the interview" in text
        assert text.index("Ask about team size earlier.") < text.index("Practise a scaling story out loud.")
        assert "More depth on trade-offs, please." in text and "Old Co" in text
        await press(pilot, "escape")
        await press(pilot, "1")
        await today_ready(pilot)
        row = next(r for r in app.screen.rows if r.id == f"due:brief:{card.id}")
        assert "Lumen" in row.text and "· Ask about team size earlier." in row.text
        app.screen.query_one("#today-list").highlighted = app.screen.rows.index(row)
        await press(pilot, "enter")
        details = await until_screen(pilot, DetailsScreen)
        assert details.application_id == card.id


async def test_recording_feedback_offers_a_thank_you_and_one_lesson(store, make_app):
    ana = store.contacts.save(Contact(first_name="Ana", last_name="Chen", role="recruiter", company="Acme",
                                      emails=["ana@acme.example"]))
    card = store.applications.add(Application(company="Acme", role="Dev", stage="screening",
                                              contact_names=["Ana Chen"]))
    assert card.contact_ids == [ana.id]
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        board = await open_board(pilot)
        board.kanban.select("screening", 0)
        await press(pilot, "e")
        form = await until_screen(pilot, ApplicationForm)
        form.query_one("#f-feedback").text = "Go deeper on trade-offs.\nNice code."
        await press(pilot, "ctrl+s")
        await until_screen(pilot, BoardScreen)
        assert any("thank them for it, or keep one thing as a lesson" in m for m in notified(app, title="Feedback"))
        _command(app, "Board: keep one thing from the feedback as a lesson").callback()
        prompt = await until_screen(pilot, TextPromptDialog)
        assert prompt.query_one(Input).value == "Go deeper on trade-offs."
        await press(pilot, "enter")
        assert [ls.text for ls in store.journal.lessons()] == ["Go deeper on trade-offs."]
        _command(app, "Board: thank them for the feedback").callback()
        from tui.outreach.editor import DraftEditor

        editor = await until_screen(pilot, DraftEditor)
        draft = editor.collect()
        assert (draft.kind, draft.contact_ids, draft.application_id) == ("thank-you", [ana.id], card.id)


# ----------------------------------------------------------------------------- the writing course


async def test_the_four_day_course_opens_with_the_stop_clause_and_a_missed_day_waits(store, make_app):
    from tui.journal.forms import FreeWriteForm

    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        journal = await open_journal(pilot)
        journal.start_course()
        intro = await until_screen(pilot, ChoiceDialog)
        text = "\n".join(rendered(s) for s in intro.query("Static"))
        assert "too upsetting" in text and "Support" in text and "Pennebaker" in text and "missed day" in text
        await press(pilot, "1")
        form = await until_screen(pilot, FreeWriteForm)
        assert "Writing course · session 1 of 4" in rendered(form.query_one(".form-title"))
        assert "too upsetting" in rendered(form.query_one("#prompt"))
        await type_text(pilot, "It stung.")
        await press(pilot, "ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, FreeWriteForm), what="the entry saved")
        [entry] = [e for e in store.journal.all() if e.course_day]
        assert (entry.course_day, entry.is_draft, entry.body) == (1, False, "It stung.")
        # the same day: session 2 waits, kindly; no streak anywhere
        journal.start_course()
        await settle(pilot)
        said = notified(app, title="Writing course")
        assert said and "waits for another day" in said[-1] and "streak" not in said[-1]
        # "n" lists the course (last, so every other choice keeps its number)
        await press(pilot, "n")
        choices = await until_screen(pilot, ChoiceDialog)
        options = choices.query_one("#choices")
        assert options.get_option_at_index(options.option_count - 1).prompt.plain.endswith(
            "Writing course: session 2 of 4")
        await press(pilot, "escape")


# ----------------------------------------------------------------------------- hostile text


async def test_hostile_plans_lessons_and_feedback_are_shown_literally(store, make_app):
    from tests.hostile import HOSTILE

    evil = "[@click=app.quit]x[/]"
    store.settings.set_if_no_plan(evil)
    for text in HOSTILE:
        store.journal.save(JournalEntry(kind="freewrite", lesson=text, entry_date=_ago(3)))
    store.applications.add(Application(company="[/]", role="[b]", stage="closed", outcome="rejected",
                                       outcome_on=_ago(9), feedback=HOSTILE[6]))
    card = store.applications.add(Application(company="Lumen [/]", role="Dev", stage="applied"))
    fresh = store.applications.add(Application(company="Acme", role="Dev", stage="interviewing"))
    store.applications.reject(fresh.id)
    store.applications.move(card.id, "screening")
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await today_ready(pilot)
        plan = store.plans.for_application(fresh.id)
        intent = next(r for r in app.screen.rows if r.id == f"intent:{plan.id}")
        assert evil in intent.text
        assert any(r.id == f"due:brief:{card.id}" for r in app.screen.rows)
        app.open_application(card.id)
        details = await until_screen(pilot, DetailsScreen)
        text = rendered(details.query_one("#details-text"))
        assert "Before the interview" in text and "[/]" in text and "\x1b" not in text
        await press(pilot, "escape")
        assert app.is_running and isinstance(app.screen, BoardScreen)
