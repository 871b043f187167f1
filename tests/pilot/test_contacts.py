"""The contacts list from the keyboard: add, edit, log (one or several contacts), snooze, pause,
filter and search, touchpoint edit/delete, delete with confirm, compose hand-off, LinkedIn import
with a preview, the global pause, jumping here from elsewhere; hostile strings in every field."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from textual import events
from textual.widgets import Input, Select, SelectionList, Static, TextArea

from store import contacts as C
from store.models import Application, Contact, Touchpoint
from tests.hostile import HOSTILE, stored_form
from tests.screens import contacts_screen, open_contacts
from tests.waiting import notified as notes  # the toasts' messages
from tests.waiting import rendered, settle, text_of, type_text
from tui.contacts.detail import ContactDetail
from tui.contacts.form import ContactForm
from tui.contacts.importing import ImportPreviewDialog
from tui.contacts.screen import ContactsScreen
from tui.contacts.touch import ContactPicker, TouchpointDialog, TouchpointsDialog
from tui.dialogs import ChoiceDialog, ConfirmDialog, TextPromptDialog
from widgets.contacts_table import MARK, ContactsTable
from widgets.light_select import LightSelect

TODAY = date(2026, 3, 2)
SIZE = (80, 24)
FIX = Path(__file__).resolve().parents[1] / "fixtures" / "linkedin"


def d(n: int) -> str:
    return (TODAY + timedelta(days=n)).isoformat()


def table_text(app) -> str:
    return text_of(contacts_screen(app).query_one(ContactsTable))


def detail_text(app) -> str:
    return rendered(contacts_screen(app).query_one("#contact-detail-body", Static))


def hint_text(app) -> str:
    return rendered(contacts_screen(app).query_one("#contacts-hint", Static))


def bar_text(app) -> str:
    return rendered(contacts_screen(app).query_one("#contacts-bar", Static))


def names(app) -> list[str]:
    return [line.name for line in contacts_screen(app).query_one(ContactsTable).lines]


# --------------------------------------------------------------------------- the list


async def test_list_sorted_by_urgency_with_states_in_words_and_reasons(store, make_app, people):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_contacts(pilot)
        assert names(app) == ["Ana Almeida", "Ben Brandt", "Cy Chen"]  # the archived one is hidden
        text = table_text(app)
        assert "State" in text and "Every" in text and "Next" in text
        rows = text.splitlines()
        # sorted by urgency, but a person is never "overdue": a symbol and kind words, no "ago" for the due date
        assert "◆ reconnect" in rows[1] and "Ana Almeida" in rows[1] and "3 mo" in rows[1] and "now" in rows[1]
        assert "● reach out" in rows[2] and "Ben Brandt" in rows[2] and "now" in rows[2]
        assert "✓ in touch" in rows[3] and "10d ago" in rows[3] and "in 2mo" in rows[3]
        assert "overdue" not in text and "due" not in text.casefold()
        assert "Reach out: 2 now" in bar_text(app) and "1 archived hidden" in bar_text(app)
        assert hint_text(app).startswith("Why now:")  # the cursor is on Ana, who is due
        assert screen.current_row().contact.first_name == "Ana"
        await pilot.press("j", "j")
        await pilot.pause()
        assert screen.current_row().contact.first_name == "Cy"
        assert "in touch — next check-in" in hint_text(app)
        # enter opens the detail pane below the list at 80x24; escape closes it
        await pilot.press("enter")
        await pilot.pause()
        detail = screen.query_one(ContactDetail)
        assert detail.display and "-hidden" not in detail.classes
        assert "Cy Chen" in detail_text(app) and "Touchpoints" in detail_text(app)
        await pilot.press("k")
        await pilot.pause()
        assert "Ben Brandt" in detail_text(app)  # the pane follows the cursor
        await pilot.press("escape")
        await pilot.pause()
        assert "-hidden" in detail.classes


async def test_empty_state_then_first_contact(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_contacts(pilot)
        assert "-shown" in screen.query_one("#empty-state").classes
        assert "Import LinkedIn connections" in str(screen.query_one("#empty-state", Static).render())
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ContactForm)
        await type_text(pilot, "Grace")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ContactsScreen)
        assert "-shown" not in screen.query_one("#empty-state").classes
        assert names(app) == ["Grace"]


# --------------------------------------------------------------------------- add and edit


async def test_add_contact_with_every_field_and_inline_errors(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_contacts(pilot)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ContactForm)
        # nothing typed: save refuses with a message beside the name
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ContactForm)
        assert "a name is needed" in str(form.query_one("#hint-name", Static).render())
        await type_text(pilot, "Priya")
        values = {"f-last_name": "Quinn", "f-company": "Riverbend", "f-title": "Ops Lead",
                  "f-emails": "priya@example.com, p.q@example.org", "f-phone": "+1 555 0100",
                  "f-linkedin_url": "https://www.linkedin.com/in/priya-q", "f-how_met": "meetup",
                  "f-met_on": "not a date", "f-tags": "ops, logistics, ops"}
        for wid, value in values.items():
            form.query_one(f"#{wid}", Input).value = value
        form.query_one("#f-role", Select).value = "hiring manager"
        form.query_one("#f-cadence", Select).value = "monthly"
        form.query_one("#f-next_time", TextArea).text = "Ask about the warehouse launch"
        form.query_one("#f-dates", TextArea).text = "birthday: 03-10\nwork anniversary: 2019-06-01"
        form.query_one("#f-notes", TextArea).text = "Met at the logistics meetup."
        await pilot.pause()
        # a bad date: inline message, nothing saved, nothing lost
        assert "Can't read" in str(form.query_one("#hint-met_on", Static).render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ContactForm) and store.contacts.count() == 0
        assert "Not saved" in str(form.query_one("#cf-error", Static).render())
        form.query_one("#f-met_on", Input).value = "-2w"
        await pilot.pause()
        assert "Mon 16 Feb 2026" in str(form.query_one("#hint-met_on", Static).render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ContactsScreen)
        [c] = store.contacts.all()
        assert (c.first_name, c.last_name, c.company, c.title, c.role) == (
            "Priya", "Quinn", "Riverbend", "Ops Lead", "hiring manager")
        assert c.emails == ["priya@example.com", "p.q@example.org"] and c.tags == ["ops", "logistics"]
        assert c.met_on == "2026-02-16" and c.cadence == "monthly" and c.cadence_set_on == "2026-03-02"
        assert c.important_dates[0] == {"kind": "birthday", "label": "", "month": 3, "day": 10, "year": None}
        assert c.next_time == "Ask about the warehouse launch"
        assert any("Added Priya Quinn" in n for n in notes(app))
        # the new contact is selected with its details open: the birthday in 8 days is the reason
        assert contacts_screen(app).current_row().contact.id == c.id
        assert "birthday on 10 Mar" in detail_text(app) and "Coming up" in detail_text(app)


async def test_edit_and_cancel_asks_when_changed(store, make_app, people):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_contacts(pilot)
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ContactForm) and form.query_one("#f-first_name", Input).value == "Ana"
        form.query_one("#f-company", Input).value = "Northwind Labs"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # keep editing
        await pilot.pause()
        assert app.screen is form
        form.query_one("#f-status", Select).value = "paused"
        form.query_one("#f-paused_until", Input).value = "+1m"
        await pilot.press("ctrl+s")
        await pilot.pause()
        c = store.contacts.get(people["ana"].id)
        assert c.company == "Northwind Labs" and c.status == "paused" and c.paused_until == "2026-04-02"
        assert C.due_info(c, store.settings.current()).state == "paused"
        # unchanged form: escape leaves at once
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ContactsScreen)


# --------------------------------------------------------------------------- logging touchpoints


async def test_log_a_touchpoint_resets_the_clock_and_the_next_contact_moves_up(store, make_app, people):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_contacts(pilot)
        await pilot.press("l")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, TouchpointDialog)
        assert dialog.query_one("#tp-date", Input).value == "today"
        assert "Mon 2 Mar 2026" in str(dialog.query_one("#tp-date-hint", Static).render())
        # a date in the future is refused with a message
        dialog.query_one("#tp-date", Input).value = "tomorrow"
        await pilot.pause()
        assert "future" in str(dialog.query_one("#tp-date-hint", Static).render())
        dialog.query_one("#tp-date", Input).value = "today"
        dialog.query_one("#tp-channel", LightSelect).value = "call"
        dialog.query_one("#tp-direction", LightSelect).value = "two-way"
        await type_text(pilot, "Coffee chat")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ContactsScreen)
        [tp] = store.touchpoints.all()
        assert (tp.date, tp.channel, tp.direction, tp.summary, tp.contact_ids) == (
            "2026-03-02", "call", "two-way", "Coffee chat", [people["ana"].id])
        ana = store.contacts.get(people["ana"].id)
        assert ana.last_touch_on == "2026-03-02"
        assert C.due_info(ana, store.settings.current()).state == "ok"
        assert screen.current_row().contact.first_name == "Ben"  # next in line moved up
        assert names(app)[-1] == "Ana Almeida"
        assert any("Logged a" in n and "Ana Almeida" in n and "Next check-in 2 Jun" in n for n in notes(app))


async def test_the_touchpoint_dialogs_choices_are_picked_from_the_keyboard(store, make_app, people):
    """Channel, Direction and Kind are one-line choice fields: shift+tab from the summary reaches them,
    a letter jumps, right/left cycle, enter opens the list; enter in the summary still saves."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_contacts(pilot)
        await pilot.press("l")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, TouchpointDialog)
        assert app.focused.id == "tp-summary"
        await pilot.press("shift+tab")
        assert app.focused.id == "tp-kind"
        await pilot.press("a")  # article
        await pilot.press("shift+tab")
        assert app.focused.id == "tp-direction"
        await pilot.press("right", "right")  # out -> in -> two-way
        await pilot.press("shift+tab")
        assert app.focused.id == "tp-channel"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("c", "enter")  # in the list: a letter goes to "call"
        await pilot.pause()
        assert app.screen is dialog and app.focused.id == "tp-channel"
        await pilot.press("tab", "tab", "tab")
        assert app.focused.id == "tp-summary"
        await type_text(pilot, "Shared the article")
        await pilot.press("enter")
        await pilot.pause()
        [tp] = store.touchpoints.all()
        assert (tp.channel, tp.direction, tp.kind, tp.summary) == ("call", "two-way", "article",
                                                                   "Shared the article")


async def test_the_log_dialog_starts_in_the_summary_without_passing_through_the_date(store, make_app, people):
    """The cursor starts where it is used (the summary; the date when editing), focused as the dialog is
    built: the date field is never focused on the way (each focus change restyles a field)."""
    focused: list[str] = []

    def hook(message) -> None:
        if isinstance(message, events.DescendantFocus) and message.widget.id:
            focused.append(message.widget.id)

    app = make_app(store)
    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        await open_contacts(pilot)
        focused.clear()
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, TouchpointDialog)
        assert app.focused.id == "tp-summary" and "tp-date" not in focused


async def test_one_touchpoint_for_several_contacts_marked_and_added(store, make_app, people):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_contacts(pilot)
        await pilot.press("space", "space")  # marks Ana and Ben
        await pilot.pause()
        assert screen.contacts.marked == {people["ana"].id, people["ben"].id}
        assert "2 marked" in bar_text(app)
        assert table_text(app).splitlines()[1].startswith(MARK)  # not ✓: that is "in touch"
        await pilot.press("l")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, TouchpointDialog)
        assert list(dialog.query_one(SelectionList).selected) == [people["ana"].id, people["ben"].id]
        await pilot.press("ctrl+n")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, ContactPicker)
        await type_text(pilot, "chen")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog
        dialog.query_one("#tp-kind", LightSelect).value = "article"
        dialog.query_one("#tp-summary", Input).value = "Sent the hiring-loops article"
        await pilot.press("ctrl+s")
        await pilot.pause()
        [tp] = store.touchpoints.all()
        assert tp.contact_ids == [people["ana"].id, people["ben"].id, people["cy"].id]
        assert all(store.contacts.get(people[k].id).last_touch_on == "2026-03-02" for k in ("ana", "ben", "cy"))
        assert not screen.contacts.marked and "marked" not in bar_text(app)
        assert any("with 3 contacts" in n for n in notes(app))


async def test_touchpoints_dialog_edits_and_deletes_and_recomputes(store, make_app, people):
    store.touchpoints.log(Touchpoint(date=d(-120), contact_ids=[people["ana"].id], summary="old"))
    store.touchpoints.log(Touchpoint(date=d(-3), contact_ids=[people["ana"].id], summary="recent"))
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_contacts(pilot)
        assert screen.table.select_key(people["ana"].id)
        await pilot.press("h")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, TouchpointsDialog)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is dialog
        assert [t.summary for t in store.touchpoints.all()] == ["old"]
        assert store.contacts.get(people["ana"].id).last_touch_on == d(-120)
        await pilot.press("e")
        await pilot.pause()
        edit = app.screen
        assert isinstance(edit, TouchpointDialog)
        edit.query_one("#tp-date", Input).value = d(-1)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog
        assert store.contacts.get(people["ana"].id).last_touch_on == d(-1)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ContactsScreen)
        assert "1d ago" in table_text(app) or "yesterday" in table_text(app)


# --------------------------------------------------------------------------- snooze and pause


async def test_snooze_presets_and_a_typed_date(store, make_app, people):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_contacts(pilot)
        await pilot.press("z")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("2")  # 1 week
        await pilot.pause()
        ana = store.contacts.get(people["ana"].id)
        assert ana.snoozed_until == d(7)
        assert C.due_info(ana, store.settings.current()).state == "snoozed"
        assert screen.current_row().contact.first_name == "Ben"
        assert any("Snoozed Ana Almeida until 9 Mar" in n for n in notes(app))
        await pilot.press("z", "5")  # until a date…
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, TextPromptDialog)
        await type_text(pilot, "yesterday")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is prompt  # refused: must be after today
        assert "after today" in str(prompt.query_one("#prompt-error", Static).render())
        prompt.query_one(Input).value = "2026-04-01"
        await pilot.press("enter")
        await pilot.pause()
        assert store.contacts.get(people["ben"].id).snoozed_until == "2026-04-01"
        # snoozed contacts say so in the list
        assert "z snoozed" in table_text(app)
        assert "snoozed until 9 Mar" in " ".join(line.reason for line in screen.table.lines)


async def test_pause_a_contact_and_resume(store, make_app, people):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_contacts(pilot)
        await pilot.press("p", "2")  # 1 month
        await pilot.pause()
        ana = store.contacts.get(people["ana"].id)
        assert (ana.status, ana.paused_until) == ("paused", "2026-04-02")
        assert "‖ paused" in table_text(app)
        screen = contacts_screen(app)
        screen.table.select_key(people["ana"].id)
        await pilot.press("p")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        await pilot.press("6")  # resume now
        await pilot.pause()
        assert store.contacts.get(people["ana"].id).status == "active"


async def test_global_pause_from_the_palette(store, make_app, people):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_contacts(pilot)
        titles = [c.title for c in app.all_commands(screen)]
        assert "Pause all reminders for N days…" in titles
        assert "Resume all reminders now" not in titles
        screen.action_pause_all()
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, TextPromptDialog)
        prompt.query_one(Input).value = "abc"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is prompt and "number of days" in str(prompt.query_one("#prompt-error", Static).render())
        prompt.query_one(Input).value = "10"
        await pilot.press("enter")
        await pilot.pause()
        s = store.settings.current()
        assert (s.pause_from, s.pause_until) == ("2026-03-02", "2026-03-11")
        assert "Reach out: 0 now" in bar_text(app) and "All reminders paused" in bar_text(app)
        assert "Resume all reminders now" in [c.title for c in app.all_commands(screen)]
        screen.action_resume_all()
        await pilot.pause()
        assert store.settings.current().pause_until is None
        assert "Reach out: 2 now" in bar_text(app)


# --------------------------------------------------------------------------- filters and search


async def test_filters_due_now_role_tag_search_and_escape_clears(store, make_app, people):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_contacts(pilot)
        await pilot.press("N")
        await pilot.pause()
        assert names(app) == ["Ana Almeida", "Ben Brandt"] and "a good moment now" in bar_text(app)
        await pilot.press("N")
        await pilot.pause()
        assert len(names(app)) == 3
        await pilot.press("slash")
        await pilot.pause()
        await type_text(pilot, "acme")
        await pilot.pause()
        assert names(app) == ["Ben Brandt"] and "search: acme" in bar_text(app)
        await pilot.press("enter")  # back to the list, the search stays
        await pilot.pause()
        assert isinstance(app.focused, ContactsTable) and names(app) == ["Ben Brandt"]
        await pilot.press("escape")
        await pilot.pause()
        assert len(names(app)) == 3
        await pilot.press("slash")
        await type_text(pilot, "nobody-here")
        await pilot.pause()
        assert names(app) == [] and "No contacts match" in hint_text(app)
        await pilot.press("escape")
        await pilot.pause()
        # by role, through the filter menu
        await pilot.press("F", "2")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("2")  # "recruiter" (Any role, then the roles present, in order)
        await pilot.pause()
        assert names(app) == ["Ana Almeida"] and "role: recruiter" in bar_text(app)
        # by tag
        await pilot.press("F", "3", "2")
        await pilot.pause()
        assert names(app) == ["Ana Almeida"] and "tag: fintech" in bar_text(app)
        # archived shown on request
        await pilot.press("F", "5")  # clear
        await pilot.pause()
        await pilot.press("F", "4")
        await pilot.pause()
        assert "Dee Dubois" in names(app) and "▫ archived" in table_text(app)
        await pilot.press("escape")  # nothing else to clear: harmless
        await pilot.pause()


# --------------------------------------------------------------------------- compose, applications, delete


async def test_compose_hands_off_with_the_fitting_kind_and_application(store, make_app, monkeypatch):
    app_rec = store.applications.save(Application(company="Northwind", role="SRE", stage="closed",
                                                  outcome="rejected", outcome_on=d(-1), stage_entered_on=d(-1)))
    ana = store.contacts.save(Contact(first_name="Ana", company="Northwind", role="recruiter",
                                      last_touch_on=d(-120), application_ids=[app_rec.id]))
    cy = store.contacts.save(Contact(first_name="Cy", last_touch_on=d(-10)))
    # linked from the board's side only (Application.contact_ids), with news: an interview stage
    bo = store.contacts.save(Contact(first_name="Bo", last_touch_on=d(-100)))
    live = store.applications.save(Application(company="Bluefin", role="SRE", stage="interviewing",
                                               stage_entered_on=d(-2), contact_ids=[bo.id]))
    app = make_app(store)
    calls = []
    monkeypatch.setattr(app, "open_composer", lambda **kw: calls.append(kw))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_contacts(pilot)
        assert "Northwind said no" in hint_text(app)
        await pilot.press("w")
        await pilot.pause()
        assert calls == [{"kind": "rejection reply", "contact_ids": [ana.id], "application_id": app_rec.id}]
        screen.table.select_key(cy.id)
        await pilot.press("w")
        await pilot.pause()
        assert calls[-1] == {"kind": "article", "contact_ids": [cy.id], "application_id": None}
        screen.table.select_key(bo.id)
        await pilot.press("w")
        await pilot.pause()
        assert calls[-1] == {"kind": "thank-you", "contact_ids": [bo.id], "application_id": live.id}
        await pilot.press("enter")
        await pilot.pause()
        assert "Bluefin — SRE" in detail_text(app) and "Interviewing" in detail_text(app)


async def test_applications_open_link_and_unlink(store, make_app, monkeypatch):
    a1 = store.applications.save(Application(company="Bluefin", role="Data Engineer", stage="applied"))
    ana = store.contacts.save(Contact(first_name="Ana", last_touch_on=d(-120)))
    app = make_app(store)
    opened = []
    monkeypatch.setattr(app, "open_application", lambda i: opened.append(i))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_contacts(pilot)
        await pilot.press("a", "1")  # link an application… (nothing linked yet)
        await pilot.pause()
        assert isinstance(app.screen, ContactPicker)
        await type_text(pilot, "blue")
        await pilot.press("enter")
        await pilot.pause()
        assert store.contacts.get(ana.id).application_ids == [a1.id]
        assert store.applications.get(a1.id).contact_ids == [ana.id]
        await pilot.press("a", "1")  # open it
        await pilot.pause()
        assert opened == [a1.id]
        await pilot.press("a", "3")  # unlink
        await pilot.pause()
        assert store.contacts.get(ana.id).application_ids == []


async def test_delete_asks_first(store, make_app, people):
    store.touchpoints.log(Touchpoint(date=d(-5), contact_ids=[people["ana"].id]))
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_contacts(pilot)
        assert screen.table.select_key(people["ana"].id)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert store.contacts.get(people["ana"].id) is not None
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert store.contacts.get(people["ana"].id) is None and store.touchpoints.count() == 0
        assert "Ana Almeida" not in names(app)


async def test_open_contact_from_another_screen_clears_hiding_filters(store, make_app, people):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_contacts(pilot)
        await pilot.press("N")
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        app.open_contact(people["cy"].id)
        await pilot.pause()
        await pilot.pause()
        assert app.screen is screen
        assert screen.current_row().contact.first_name == "Cy" and not screen.contacts.filters.due_now
        assert "Cy Chen" in detail_text(app)
        app.open_contact(people["dee"].id)  # archived: shown anyway
        await pilot.pause()
        await pilot.pause()
        assert screen.current_row().contact.first_name == "Dee"


async def test_changes_made_elsewhere_show_when_coming_back(store, make_app, people):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_contacts(pilot)
        await pilot.press("1")
        await pilot.pause()
        store.touchpoints.log(Touchpoint(date=d(0), contact_ids=[people["ana"].id]))  # the composer's mark-sent
        await pilot.press("4")
        await pilot.pause()
        assert names(app)[0] == "Ben Brandt"


# --------------------------------------------------------------------------- import and export


async def test_import_linkedin_with_preview_then_one_write(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_contacts(pilot)
        assert "Import LinkedIn connections…" in [c.title for c in app.all_commands(screen)]
        screen.action_import_linkedin()
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, TextPromptDialog)
        prompt.query_one(Input).value = str(FIX / "missing.csv")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is prompt and "No such file" in str(prompt.query_one("#prompt-error", Static).render())
        prompt.query_one(Input).value = str(FIX / "basic.csv")
        await pilot.press("enter")
        await pilot.pause()
        preview = app.screen
        assert isinstance(preview, ImportPreviewDialog)
        await settle(pilot)  # the preview reads the file in a worker
        summary = str(preview.query_one("#ip-summary", Static).render())
        assert "Added: 5" in summary and "Skipped: 2" in summary and "line 7: no name" in summary
        assert store.contacts.count() == 0  # nothing yet
        saves = store.storage.saves
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ContactsScreen)
        assert store.contacts.count() == 5 and store.storage.saves == saves + 1
        assert any("Imported: 5 added, 0 updated, 2 skipped" in n for n in notes(app))
        # spread over one cadence: nobody is due on day one
        assert "Reach out: 0 now" in bar_text(app) and len(names(app)) == 5


async def test_import_preview_can_pick_no_reminders_and_cancel_changes_nothing(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_contacts(pilot)
        app.push_screen(ImportPreviewDialog(FIX / "not_linkedin.csv", [], store.settings.current()))
        await settle(pilot)  # the preview reads the file in a worker
        assert "Can't import this file" in str(app.screen.query_one("#ip-summary", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        preview = ImportPreviewDialog(FIX / "basic.csv", [], store.settings.current())
        app.push_screen(preview)
        await settle(pilot)  # the preview reads the file in a worker
        preview.query_one("#ip-cadence", Select).value = "none"
        await pilot.pause()
        assert "no reminders" in str(preview.query_one("#ip-summary", Static).render())
        assert preview.plan is not None and all(c.cadence == "none" for c in preview.plan.added)
        await pilot.press("escape")
        await pilot.pause()
        assert store.contacts.count() == 0


async def test_export_from_the_palette(store, make_app, people):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_contacts(pilot)
        cmds = {c.title: c for c in app.all_commands(screen)}
        cmds["Export contacts as CSV"].callback()
        cmds["Export next check-ins as a calendar (.ics)"].callback()
        await pilot.pause()
        exports = sorted(p.name for p in (store.data_dir / "exports").iterdir())
        assert exports == ["contacts-2026-03-02.csv", "contacts-2026-03-02.ics"]
        assert any("Exported 4 contacts" in n for n in notes(app))


async def test_cadence_defaults_from_the_palette(store, make_app, people):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_contacts(pilot)
        screen.action_role_cadence()
        await pilot.pause()
        await pilot.press("1")  # recruiter
        await pilot.pause()
        await pilot.press("4")  # monthly (after "use the global default", weekly, every 2 weeks)
        await pilot.pause()
        assert store.settings.current().role_cadences == {"recruiter": "monthly"}
        ana = store.contacts.get(people["ana"].id)
        assert C.effective_cadence(ana, store.settings.current()) == ("monthly", "role")
        screen.action_default_cadence()
        await pilot.pause()
        await pilot.press("6")  # yearly
        await pilot.pause()
        assert store.settings.current().default_cadence == "yearly"


async def test_palette_has_every_action(store, make_app, people):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_contacts(pilot)
        titles = " | ".join(str(c.title) for c in app.all_commands(screen))
        for wanted in ("New contact", "Import LinkedIn connections…", "Search contacts",
                       "Filter: a good moment now only", "Filter by role…", "Filter by tag…",
                       "Log a touchpoint with Ana Almeida",
                       "Compose to Ana Almeida", "Snooze Ana Almeida…", "Pause Ana Almeida…", "Edit Ana Almeida",
                       "Delete Ana Almeida", "Touchpoints with Ana Almeida", "Applications linked to Ana Almeida",
                       "Archive Ana Almeida", "Do not contact Ana Almeida", "Pause all reminders for N days…",
                       "Export contacts as CSV", "Set the default cadence…", "Mark or unmark"):
            assert wanted in titles, wanted


async def test_wide_terminal_shows_the_detail_beside_the_list(store, make_app, people):
    app = make_app(store)
    async with app.run_test(size=(180, 45)) as pilot:
        screen = await open_contacts(pilot)
        detail = screen.query_one(ContactDetail)
        assert "-hidden" not in detail.classes and detail.region.x > 80
        assert "Why now" in table_text(app)  # room for the reason column
        assert "Ana Almeida" in detail_text(app)


# --------------------------------------------------------------------------- hostile strings


async def test_hostile_strings_in_every_field_are_shown_literally(store, make_app):
    """Every hostile string in every field of a contact (and of a touchpoint, a job change, an
    important date and a linked application): listed, detailed, edited, typed — shown as stored,
    nothing crashes, no action fires."""
    ids = {}
    with store.batch():  # one save, not forty-four
        for n, hostile in enumerate(HOSTILE):
            c = Contact(first_name=hostile, last_name=hostile, preferred_name=hostile, company=hostile,
                        title=hostile, role="other", emails=[hostile], phone=hostile, linkedin_url=hostile,
                        how_met=hostile, tags=[hostile], notes=hostile, next_time=hostile, last_touch_on=d(-200 - n),
                        important_dates=[{"kind": "custom", "label": hostile, "month": 3, "day": 5, "year": None}],
                        changes=[{"on": d(-2), "company": hostile, "title": hostile, "from_company": hostile,
                                  "from_title": hostile}])
            c = store.contacts.save(c)
            a = store.applications.save(Application(company=hostile, role=hostile, contact_ids=[c.id]))
            c = c.copy()
            c.application_ids = [a.id]
            store.contacts.save(c)
            store.touchpoints.log(Touchpoint(date=d(-1), direction="in", summary=hostile, contact_ids=[c.id]))
            ids[hostile] = c.id
    app = make_app(store)
    quit_called = []
    app.action_quit = lambda: quit_called.append(1)  # a live [@click=app.quit] would land here
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_contacts(pilot)
        table_text(app)  # every visible row renders
        await pilot.press("enter")  # the detail pane, below
        await pilot.pause()
        for hostile, cid in ids.items():
            shown = stored_form(hostile)
            assert screen.table.select_key(cid)
            await pilot.pause()
            line = screen.table.lines[screen.table.cursor]
            assert line.company == shown and line.name == f"{shown} {shown}".strip()
            assert shown in line.reason  # "new role: <title> at <company>"
            table_text(app)
            text = detail_text(app)
            assert shown[:60] in text and "Job changes" in text and "Applications" in text
            assert shown[:60] in hint_text(app)
        # the form shows the stored text in its fields; the timeline dialog lists the summaries
        for hostile in (HOSTILE[1], HOSTILE[-1]):
            shown = stored_form(hostile)
            screen.table.select_key(ids[hostile])
            await pilot.press("e")
            await pilot.pause()
            form = app.screen
            assert isinstance(form, ContactForm)
            assert form.query_one("#f-company", Input).value == shown
            assert form.query_one("#f-notes", TextArea).text == shown
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("h")
            await pilot.pause()
            assert isinstance(app.screen, TouchpointsDialog)
            await pilot.press("escape")
            await pilot.pause()
        # typed through the UI: the search box, a touchpoint summary, the form
        await pilot.press("slash")
        for hostile in HOSTILE:
            screen.query_one("#contacts-search", Input).value = hostile
            await pilot.pause()
            assert "search:" in bar_text(app)
            table_text(app)
        await pilot.press("escape")
        await pilot.pause()
        for hostile in (HOSTILE[7], HOSTILE[-1]):
            shown = stored_form(hostile)
            screen.table.select_key(ids[hostile])
            await pilot.press("l")
            await pilot.pause()
            app.screen.query_one("#tp-summary", Input).value = hostile
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, ContactsScreen)
            assert any(t.summary == shown and t.direction == "out" for t in store.touchpoints.for_contact(ids[hostile]))
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        for wid in ("f-first_name", "f-last_name", "f-company", "f-title", "f-phone", "f-how_met", "f-tags"):
            form.query_one(f"#{wid}", Input).value = HOSTILE[1]
        form.query_one("#f-notes", TextArea).text = HOSTILE[4]
        await pilot.press("ctrl+s")
        await pilot.pause()
        new = [c for c in store.contacts.all() if c.first_name == HOSTILE[1] and c.notes == HOSTILE[4]]
        assert len(new) == 1 and new[0].notes == HOSTILE[4] and new[0].tags == [HOSTILE[1]]
        assert any(HOSTILE[1] in n for n in notes(app))
    assert not quit_called


async def test_typed_form_and_touchpoint_are_kept_when_the_terminal_hangs_up(store, make_app, people):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_contacts(pilot)
        await pilot.press("l")
        await pilot.pause()
        app.screen.query_one("#tp-summary", Input).value = "Called about the referral"
        assert app.save_everything()
        assert [t.summary for t in store.touchpoints.all()] == ["Called about the referral"]
        await pilot.press("escape", "y")
        await pilot.pause()
        editing = contacts_screen(app).current_row().id
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#f-company", Input).value = "Bluefin Labs"
        assert app.save_everything()
        assert store.contacts.get(editing).company == "Bluefin Labs"
