"""Keys that arrive in one burst (laggy SSH, a paste without bracketed paste, a fast typist) land where
they were typed for: none is dropped while a form opens, none lands in the field before a Tab, none
reaches another screen's bindings while a search box opens (issues 16 and 17, item 18).

:func:`tests.waiting.burst` puts every key in the app's queue at once, as a terminal's read does."""

from __future__ import annotations

from textual import events
from textual.widgets import Input, TextArea

from store.models import Draft
from tests.waiting import burst, settle, until_screen
from tui.board.forms import ApplicationForm
from tui.board.screen import BoardScreen
from tui.contacts.form import ContactForm
from tui.contacts.screen import ContactsScreen
from tui.journal.screen import JournalScreen
from tui.outreach.editor import DraftEditor
from tui.outreach.screen import OutreachScreen

SIZE = (80, 24)


def value(screen, selector: str) -> str:
    return screen.query_one(selector, Input).value


async def test_n_and_a_company_name_with_no_pause_keeps_every_letter(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "2")
        await until_screen(pilot, BoardScreen)
        await burst(pilot, "n", *"Acme Labs")
        form = await until_screen(pilot, ApplicationForm)
        assert value(form, "#f-company") == "Acme Labs"
        assert store.applications.count() == 0  # no letter reached the board's bindings (e edits…)


async def test_company_tab_role_in_one_burst_puts_each_word_in_its_field(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "2")
        await until_screen(pilot, BoardScreen)
        await pilot.press("n")
        form = await until_screen(pilot, ApplicationForm)
        await settle(pilot)
        await burst(pilot, *"Acme", "tab", *"Engineer")
        assert value(form, "#f-company") == "Acme"
        assert value(form, "#f-role") == "Engineer"


async def test_a_whole_new_application_typed_in_one_burst_from_today_is_saved(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "2", "n", *"Acme", "tab", *"Engineer", "ctrl+s")
        await until_screen(pilot, BoardScreen)
        [saved] = store.applications.all()
        assert (saved.company, saved.role) == ("Acme", "Engineer")


async def test_a_paste_right_after_n_lands_in_company(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "2")
        await until_screen(pilot, BoardScreen)
        await burst(pilot, "n", events.Paste("Acme Labs"), "tab", *"Dev")
        form = await until_screen(pilot, ApplicationForm)
        assert (value(form, "#f-company"), value(form, "#f-role")) == ("Acme Labs", "Dev")


async def test_journal_slash_and_a_query_in_one_burst_fills_the_search_box_only(demo_store, make_app):
    app = make_app(demo_store)
    entries = demo_store.journal.count()
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "3")
        journal = await until_screen(pilot, JournalScreen)
        await burst(pilot, "slash", *"interview")
        # "interview" holds n (new), e (edit), r (reframe), w (free write): none of them fired
        assert app.screen is journal
        assert value(journal, "#journal-search") == "interview"
        assert journal.query_text == "interview"
        assert demo_store.journal.count() == entries


async def test_today_slash_and_a_query_in_one_burst_fills_the_filter_only(demo_store, make_app):
    from tests.screens import today_ready
    from tui.today.screen import TodayScreen

    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await today_ready(pilot)
        today = app.screen
        assert isinstance(today, TodayScreen)
        await burst(pilot, "slash", *"zzq sn")  # s and z are Today's skip and snooze
        await settle(pilot)
        assert app.screen is today
        assert value(today, "#today-filter Input") == "zzq sn" and today.filter_text == "zzq sn"


async def test_contacts_n_and_a_name_with_no_pause(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "4")
        await until_screen(pilot, ContactsScreen)
        await burst(pilot, "n", *"Ann", "tab", *"Lee")
        form = await until_screen(pilot, ContactForm)
        assert value(form, "#f-first_name") == "Ann"
        assert value(form, "#f-last_name") == "Lee"


async def test_outreach_keys_right_after_e_go_into_the_draft(store, make_app):
    store.drafts.save(Draft(kind="check-in", channel="email", subject="Hello", body="how are you?"))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "5")
        await until_screen(pilot, OutreachScreen)
        await burst(pilot, "e", *"Hi Ana, ")
        editor = await until_screen(pilot, DraftEditor)
        assert editor.query_one("#ed-body", TextArea).text == "Hi Ana, how are you?"


async def test_a_form_closed_and_opened_again_in_one_burst_gets_the_second_name(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "2")
        await until_screen(pilot, BoardScreen)
        await burst(pilot, "n", "escape", "n", *"Zed")  # the first form is untouched: escape just closes it
        form = await until_screen(pilot, ApplicationForm)
        assert value(form, "#f-company") == "Zed"


async def test_the_palette_gets_what_is_typed_right_after_ctrl_p(store, make_app):
    from textual.command import CommandInput, CommandPalette

    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "ctrl+p", *"Settings")
        palette = await until_screen(pilot, CommandPalette)
        assert palette.query_one(CommandInput).value == "Settings"


async def test_a_long_burst_into_a_field_lands_whole_and_in_order(store, make_app):
    """(Characters a field keeps for itself go straight on, without waiting for a lap: keys.py.)"""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "2", "n")
        form = await until_screen(pilot, ApplicationForm)
        await burst(pilot, *("abcdefghij" * 30))
        assert value(form, "#f-company") == "abcdefghij" * 30
