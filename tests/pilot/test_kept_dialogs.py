"""Dialogs made once and kept (tui/dialogs/kept.py, issue 16): the board's new-application form (``n``)
and the contacts' log dialog (``l``). A later opening shows the same screen, with no new widget, and it
behaves exactly as a fresh one: fields at their defaults, messages gone, the title for the new context,
focus in the first field, nothing typed before kept, keys typed right after the key all landing."""

from __future__ import annotations

from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, SelectionList, Static, TextArea

from store.models import Contact
from tests.screens import open_board, open_contacts
from tests.waiting import burst, rendered, settle, until, until_screen
from tui.board.forms import ApplicationForm
from tui.board.screen import BoardScreen
from tui.contacts.screen import ContactsScreen
from tui.contacts.touch import TouchpointDialog
from tui.dialogs import kept
from widgets.light_select import LightSelect

SIZE = (80, 24)


def state(screen: Screen) -> list[tuple]:
    """What a user can see or reach of ``screen``: each widget's kind, id, classes, display and value
    (or text), which one is focused, and whether anything counts as typed."""
    out: list[tuple] = [("focused", screen.focused.id if screen.focused else None)]
    for w in screen.query("*"):
        if w.id in ("textual-tooltip", "textual-toastrack"):
            continue
        value: object = None
        if isinstance(w, Input):
            value = (w.value, w.cursor_position)
        elif isinstance(w, TextArea):
            value = (w.text, w.history.undo_stack, w.history.redo_stack)
        elif isinstance(w, LightSelect):
            value = w.value
        elif isinstance(w, SelectionList):
            value = (tuple(str(o.prompt) for o in w.options), tuple(w.selected), w.highlighted)
        elif isinstance(w, Static):
            value = rendered(w)
        out.append((type(w).__name__, w.id, tuple(sorted(w.classes)), w.display, value))
    return out


async def _fresh_state(pilot, make) -> list[tuple]:
    """The state of a freshly made dialog (never kept), then closed."""
    fresh = make()
    pilot.app.push_screen(fresh)
    await until(pilot, lambda: pilot.app.screen is fresh and fresh.is_mounted)
    await settle(pilot)
    seen = state(fresh)
    fresh.dismiss(None)
    await until(pilot, lambda: pilot.app.screen is not fresh)
    return seen


def widgets_made(monkeypatch) -> list[Widget]:
    """Every widget made from now on."""
    made: list[Widget] = []
    init = Widget.__init__

    def spy(self, *args, **kwargs) -> None:
        made.append(self)
        init(self, *args, **kwargs)

    monkeypatch.setattr(Widget, "__init__", spy)
    return made


async def _new_form(pilot) -> ApplicationForm:
    await pilot.press("n")
    form = await until_screen(pilot, ApplicationForm)
    await settle(pilot)
    return form


async def test_the_second_n_shows_the_same_form_cleared_for_its_column(store, make_app, monkeypatch):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        first = await _new_form(pilot)
        # typed everywhere, a bad date, a save refused with its messages, scrolled down, a note undone
        await burst(pilot, *"Acme", "tab", *"Dev")
        form_fields = {"#f-url": "https://x", "#f-applied_on": "next year", "#f-excitement": "4",
                       "#f-interview_at": "nonsense", "#f-tags": "[/] [@click=app.quit]"}
        for selector, text in form_fields.items():
            first.query_one(selector, Input).value = text
        first.query_one("#f-company", Input).value = ""
        first.query_one("#f-notes", TextArea).insert("private words")
        first.query_one("#f-work_mode", LightSelect).value = "remote"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Not saved yet" in rendered(first.query_one("#form-error", Static))
        first.query_one("#f-feedback", TextArea).focus()
        await pilot.press("escape")  # asks: something was typed
        await settle(pilot)
        await pilot.press("y")  # discard
        board = await until_screen(pilot, BoardScreen)
        await settle(pilot)
        # nothing typed stays in the hidden form
        assert all(not w.value for w in first.query(Input)) and first.query_one("#f-notes", TextArea).text == ""
        await pilot.press("l")  # the next column: Applied
        await settle(pilot)
        made = widgets_made(monkeypatch)
        second = await _new_form(pilot)
        assert second is first and made == []
        reused = state(second)
        await pilot.press("escape")
        await until_screen(pilot, BoardScreen)
        monkeypatch.undo()
        assert reused == await _fresh_state(pilot, lambda: ApplicationForm(None, "applied"))
        assert "goes to Applied" in rendered(second.query_one("#form-title", Static))
        assert app.screen is board and store.applications.count() == 0  # escape saved nothing


async def test_a_kept_form_saves_what_is_typed_and_opens_clean_after(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        await _new_form(pilot)
        await pilot.press("escape")
        await until_screen(pilot, BoardScreen)
        await burst(pilot, "n", *"Acme Labs", "tab", *"Engineer", "ctrl+s")  # kept now: in one burst
        await until(pilot, lambda: store.applications.count() == 1)
        [saved] = store.applications.all()
        assert (saved.company, saved.role, saved.stage) == ("Acme Labs", "Engineer", "wishlist")
        form = await _new_form(pilot)
        assert form.query_one("#f-company", Input).value == "" and app.focused is form.query_one("#f-company")
        assert not form.dirty


async def test_undo_in_a_kept_forms_notes_never_brings_back_an_earlier_openings_text(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        form = await _new_form(pilot)
        notes = form.query_one("#f-notes", TextArea)
        notes.focus()
        await burst(pilot, *"secret")
        await pilot.press("ctrl+z")  # undone…
        await pilot.press("ctrl+y")  # …and redone: both in its history
        assert notes.text == "secret"
        notes.load_text("")
        notes.insert("secret")
        await pilot.press("escape", "y")
        await until_screen(pilot, BoardScreen)
        await _new_form(pilot)
        notes.focus()
        await burst(pilot, *"ok")
        assert notes.text == "ok"
        for _ in range(4):
            await pilot.press("ctrl+z")  # undo still works, back to empty and no further
        assert notes.text == ""
        for _ in range(4):
            await pilot.press("ctrl+y")
        assert notes.text == "ok"


async def test_company_tab_role_in_one_burst_on_a_kept_form(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        await _new_form(pilot)
        await pilot.press("escape")
        await until_screen(pilot, BoardScreen)
        await settle(pilot)
        await burst(pilot, "n", *"Acme", "tab", *"Engineer")
        form = await until_screen(pilot, ApplicationForm)
        assert form.query_one("#f-company", Input).value == "Acme"
        assert form.query_one("#f-role", Input).value == "Engineer"


async def test_a_form_made_ahead_is_the_one_n_shows(store, make_app, monkeypatch):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)

        def make() -> ApplicationForm:
            return ApplicationForm(None, "wishlist", in_slices=True)  # as the warm-up makes it

        while kept.make_ahead(app, kept.NEW_APPLICATION, make) is not None:  # as the warm-up does
            await pilot.pause()
        made_ahead = kept.ready(app, kept.NEW_APPLICATION)
        assert isinstance(made_ahead, ApplicationForm) and app.screen is not made_ahead
        ahead = state(made_ahead)  # what it will show: built in slices, as one composed whole is
        assert ahead == await _fresh_state(pilot, lambda: ApplicationForm(None, "wishlist"))
        made = widgets_made(monkeypatch)
        await burst(pilot, "n", *"Acme")
        form = await until_screen(pilot, ApplicationForm)
        assert form is made_ahead and made == []
        await until(pilot, lambda: form.query_one("#f-company", Input).value == "Acme")


async def test_n_while_the_form_is_still_made_ahead_shows_a_whole_fresh_one(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)

        def make() -> ApplicationForm:
            return ApplicationForm(None, "wishlist", in_slices=True)

        while kept.make_ahead(app, kept.NEW_APPLICATION, make) is kept.NOT_YET and \
                not app.get_screen(kept.NEW_APPLICATION).is_mounted:
            await pilot.pause()
        part = app.get_screen(kept.NEW_APPLICATION)
        assert isinstance(part, ApplicationForm) and not part.built  # a few lines in, not all
        await burst(pilot, "n", *"Acme")
        form = await until_screen(pilot, ApplicationForm)
        assert form is not part and form.query_one("#f-company", Input).value == "Acme"
        assert form.query("#f-stage")  # whole
        await pilot.press("escape", "y")
        await until_screen(pilot, BoardScreen)
        while kept.make_ahead(app, kept.NEW_APPLICATION, make) is not None:  # the warm-up goes on
            await pilot.pause()
        assert await _new_form(pilot) is part


async def test_a_kept_form_is_restyled_when_the_theme_changed_meanwhile(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        form = await _new_form(pilot)
        await pilot.press("escape")
        await until_screen(pilot, BoardScreen)
        box = form.query_one("#form-box")
        before = box.styles.border.top[1]
        app.theme = "textual-light" if app.theme != "textual-light" else "nord"
        await settle(pilot)
        await _new_form(pilot)
        after = box.styles.border.top[1]
        assert after != before and after == app.current_theme.to_color_system().primary


def _title(dialog: TouchpointDialog) -> str:
    return rendered(dialog.query_one(".tp-title", Static))


async def _log_dialog(pilot) -> TouchpointDialog:
    await pilot.press("l")
    dialog = await until_screen(pilot, TouchpointDialog)
    await settle(pilot)
    return dialog


async def test_the_second_l_shows_the_same_dialog_for_the_next_contact(store, make_app, people, monkeypatch):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_contacts(pilot)
        first = await _log_dialog(pilot)
        name = screen.contacts.rows[0].contact.display_name
        assert name in _title(first)
        await burst(pilot, *"lunch, very private")
        first.query_one("#tp-date", Input).value = "tomorrow"
        first.query_one("#tp-contacts", SelectionList).deselect_all()
        await pilot.press("ctrl+s")  # refused: a future date, nobody ticked
        await settle(pilot)
        assert "Not saved" in rendered(first.query_one("#tp-error", Static))
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("y")
        await until_screen(pilot, ContactsScreen)
        await settle(pilot)
        assert first.query_one("#tp-summary", Input).value == ""  # nothing typed stays in it
        await pilot.press("j")
        await settle(pilot)
        other = screen.contacts.rows[1]
        made = widgets_made(monkeypatch)
        second = await _log_dialog(pilot)
        assert second is first
        assert not [w for w in made if not isinstance(w, Static)]  # (the list's options are not widgets)
        reused = state(second)
        await pilot.press("escape")
        await until_screen(pilot, ContactsScreen)
        monkeypatch.undo()
        kind = other.reason.kind if other.reason else "check-in"
        assert reused == await _fresh_state(pilot, lambda: TouchpointDialog(
            [(other.id, other.contact.display_name)], kind=kind))
        assert other.contact.display_name in _title(second) and name not in _title(second)
        assert store.touchpoints.count() == 0


async def test_a_kept_log_dialog_logs_for_the_contact_it_was_opened_on(store, make_app, people):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_contacts(pilot)
        await _log_dialog(pilot)
        await pilot.press("escape")
        await until_screen(pilot, ContactsScreen)
        await pilot.press("j")
        await settle(pilot)
        target = screen.contacts.rows[1].id
        await burst(pilot, "l", *"coffee", "enter")  # kept: the summary has the keys, enter saves
        await until(pilot, lambda: store.touchpoints.count() == 1)
        [logged] = store.touchpoints.all()
        assert logged.contact_ids == [target] and logged.summary == "coffee"
        dialog = await _log_dialog(pilot)
        assert dialog.query_one("#tp-summary", Input).value == "" and app.focused.id == "tp-summary"


async def test_names_on_a_kept_log_dialog_are_shown_literally(store, make_app):
    names = ["[/] Markup", "[@click=app.quit]Click", "\x1b[31mRed", "Zoë 🌱"]
    for n in names:
        store.contacts.save(Contact(first_name=n, last_name="Test"))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_contacts(pilot)
        for i in range(len(names)):
            shown = screen.contacts.rows[i].contact.display_name
            dialog = await _log_dialog(pilot)
            assert shown in _title(dialog) or shown.replace("\x1b", "") in _title(dialog).replace("\x1b", "")
            assert app.is_running
            await pilot.press("escape")
            await until_screen(pilot, ContactsScreen)
            await pilot.press("j")
            await settle(pilot)


async def test_the_idle_lock_drops_the_kept_dialogs(encrypted_demo, make_app):
    from store import crypto
    from store.db import Store
    from tests.conftest import PASSPHRASE
    from tui.privacy.unlock import UnlockScreen

    store = Store.open(encrypted_demo, keyring=crypto.unlock(encrypted_demo, PASSPHRASE))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        form = await _new_form(pilot)
        await pilot.press("escape")
        await until_screen(pilot, BoardScreen)
        assert kept.ready(app, kept.NEW_APPLICATION) is form
        assert await app.lock_now()
        await until_screen(pilot, UnlockScreen)
        assert not app.is_screen_installed(kept.NEW_APPLICATION) and not form.is_attached
    store.close()
