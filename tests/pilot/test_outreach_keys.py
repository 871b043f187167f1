"""Every printable key in every picker and filter box of Outreach (issues 14 and 17: ``ctrl+o`` then
``space`` in the application picker exited the app with a TypeError and lost the unsaved draft).

Each key is pressed into an empty box (where ``space`` has a meaning of its own in the contact
picker), then all of them in a row; the app must keep running and the draft being written must keep
its text."""

from __future__ import annotations

import pytest
from textual.widgets import Input, TextArea

from store.models import Application, Contact, Draft
from tests.hostile import EVERY_KEY
from tests.waiting import type_each_alone, type_keys
from tui.dialogs import ConfirmDialog
from tui.outreach.editor import DraftEditor
from tui.outreach.pickers import ApplicationPicker, ContactPicker, TemplatePicker
from tui.outreach.screen import OutreachScreen

SIZE = (80, 24)
#: Every printable ASCII character, an accent, a digit that isn't 0-9 (it crashed ``int()`` in the
#: template picker), an emoji.
KEYS = EVERY_KEY
UNSAVED = "Hi Ana, typed and not saved yet."


def draft_and_two_people(store) -> Draft:
    application = store.applications.save(Application(company="Northwind Labs", role="Data Engineer"))
    store.contacts.save_many([
        Contact(first_name="Ana", last_name="Almeida", company="Northwind Labs", application_ids=[application.id]),
        Contact(first_name="Ben", last_name="Brandt", company="Elsewhere"),
    ])
    return store.drafts.save(Draft(kind="check-in", channel="email", subject="Hello", body="Saved body"))


async def open_editor_with_unsaved_text(pilot) -> DraftEditor:
    await pilot.press("5")
    await pilot.pause()
    await pilot.press("e")
    await pilot.pause()
    editor = pilot.app.screen
    assert isinstance(editor, DraftEditor)
    area = editor.query_one("#ed-body", TextArea)
    area.replace(UNSAVED, (0, 0), area.document.end)
    await pilot.pause()
    return editor


def assert_intact(app, editor: DraftEditor) -> None:
    assert app.is_running
    assert app.screen is editor
    assert editor.query_one("#ed-body", TextArea).text == UNSAVED
    assert editor.changed


@pytest.mark.parametrize("key, picker, typed", [
    ("ctrl+o", ApplicationPicker, "".join(KEYS)),
    ("ctrl+t", ContactPicker, "".join(KEYS[1:])),  # space in the empty box marks a contact
], ids=["application-picker", "contact-picker"])
async def test_every_key_in_a_filter_picker_keeps_the_app_and_the_draft(store, make_app, key, picker, typed):
    d = draft_and_two_people(store)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor_with_unsaved_text(pilot)
        await pilot.press(key)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, picker)
        box = screen.query_one("#pick-filter", Input)
        await type_each_alone(pilot, KEYS)  # each key into an empty box
        assert app.is_running and app.screen is screen and box.value == ""
        await type_keys(pilot, KEYS)  # all of them in a row
        assert app.is_running and app.screen is screen and box.value == typed
        await pilot.press("escape")
        await pilot.pause()
        assert_intact(app, editor)
    assert store.drafts.get(d.id).body == "Saved body"


async def test_every_key_in_the_template_picker_keeps_the_app_and_the_draft(store, make_app):
    d = draft_and_two_people(store)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor_with_unsaved_text(pilot)
        await pilot.press("ctrl+l")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, TemplatePicker)
        picks = [ch for ch in KEYS if ch in "123456789"]  # these pick a template: each gets a fresh picker
        await type_keys(pilot, [ch for ch in KEYS if ch not in picks])
        assert app.is_running and app.screen is picker
        for ch in picks:
            await type_keys(pilot, [ch])
            assert app.is_running
            assert isinstance(app.screen, ConfirmDialog), f"{ch!r} picked no template"
            await pilot.press("escape")  # keep mine
            await pilot.pause()
            assert_intact(app, editor)
            await pilot.press("ctrl+l")
            await pilot.pause()
            assert isinstance(app.screen, TemplatePicker)
        await pilot.press("escape")
        await pilot.pause()
        assert_intact(app, editor)
    assert store.drafts.get(d.id).body == "Saved body"


async def test_every_key_in_the_list_filter_keeps_the_app_and_the_drafts(store, make_app):
    d = draft_and_two_people(store)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, OutreachScreen)
        await pilot.press("slash")
        box = screen.query_one("#ol-filter", Input)
        await type_each_alone(pilot, KEYS)
        assert app.is_running and app.screen is screen and app.focused is box and box.value == ""
        await type_keys(pilot, KEYS)
        assert app.is_running and app.focused is box and box.value == "".join(KEYS)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and screen.current() is not None
    assert store.drafts.get(d.id).to_dict() == d.to_dict()


async def test_a_digit_pressed_out_of_habit_never_picks_an_anyway_choice(store, make_app):
    """`1` is "go to Today": in "Copy anyway?" it must not copy (issue 12)."""
    from tui.dialogs import ChoiceDialog

    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        picked: list[str | None] = []
        app.push_screen(ChoiceDialog("Copy?", [("go", "Copy anyway"), ("cancel", "Not now")], selected="cancel",
                                     unkeyed={"go"}), picked.append)
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        assert picked == ["cancel"]
        app.push_screen(ChoiceDialog("Copy?", [("go", "Copy anyway"), ("cancel", "Not now")], selected="cancel",
                                     unkeyed={"go"}), picked.append)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert picked == ["cancel", "cancel"]


async def test_a_destructive_confirmation_opens_on_the_safe_choice(store, make_app):
    from tui.dialogs import ConfirmDialog

    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        answers: list[bool | None] = []
        app.push_screen(ConfirmDialog("Delete?", "It can't be undone.", confirm="Delete", danger=True), answers.append)
        await pilot.pause()
        await pilot.press("enter")  # `d` then `enter` out of habit
        await pilot.pause()
        assert answers == [False]
