"""Contacts at 80x24: names get the room (not cut at 12 while the state takes 13), and toasts never
cover a dialog's options (its buttons or its list)."""

from __future__ import annotations

import pytest
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Button, OptionList
from textual.widgets._toast import Toast

from tests.conftest import FROZEN_TODAY
from tests.screens import open_contacts
from tests.waiting import screen_lines, settle
from tui.dialogs import ChoiceDialog, ConfirmDialog

LONG_TOAST = ("Saved. A longer note that takes a few lines in a toast, the way a real one does when it "
              "says where a file went and what to do next.")


async def test_names_are_not_cut_at_80_columns(demo_store, make_app):
    names = sorted((c.display_name for c in demo_store.contacts.all() if 12 < len(c.display_name) <= 18), key=len)
    assert names
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_contacts(pilot)
        await settle(pilot)
        shown = "\n".join(screen_lines(app))
        visible = [n for n in names if n in shown or f"{n[:11]}…" in shown]
        assert visible and all(n in shown for n in visible), visible


def toast_regions(app) -> list[Region]:
    return [t.region for t in app.screen.query(Toast)]


def overlaps(toasts: list[Region], widgets: list[Widget]) -> list[tuple[Region, Region]]:
    return [(t, w.region) for t in toasts for w in widgets if t.overlaps(w.region)]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_toasts_do_not_cover_a_choice_dialogs_options_or_a_confirms_buttons(demo_store, make_app, size):
    app = make_app(demo_store)
    async with app.run_test(size=size, notifications=True) as pilot:
        await open_contacts(pilot)
        choices = [(str(i), f"Choice number {i}, with a few words") for i in range(6)]
        app.push_screen(ChoiceDialog("Pick one", choices, message="A message above the choices."))
        await settle(pilot)
        app.notify(LONG_TOAST, title="Saved", markup=False)
        app.notify("A second toast.", markup=False)
        await settle(pilot)
        assert isinstance(app.screen, ChoiceDialog) and len(toast_regions(app)) == 2
        assert not overlaps(toast_regions(app), [app.screen.query_one(OptionList)])
        app.screen.dismiss(None)
        await settle(pilot)
        app.push_screen(ConfirmDialog("Delete this contact?", "Their touchpoints go too.", confirm="Delete",
                                      danger=True))
        await settle(pilot)
        app.notify(LONG_TOAST, title="Saved", markup=False)
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog) and toast_regions(app)
        assert not overlaps(toast_regions(app), list(app.screen.query(Button)))


# --------------------------------------------------------------------------- snoozing someone not due


async def test_snoozing_someone_not_due_offers_times_after_the_due_day(store, make_app, people):
    from datetime import timedelta

    from store import contacts as C
    from store.dates import short_date
    from tests.waiting import notified_text

    cy = people["cy"]
    due = C.due_info(cy, store.settings.current()).due
    assert due is not None and due > FROZEN_TODAY
    app = make_app(store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_contacts(pilot)
        while screen.current_row().contact.first_name != "Cy":
            await pilot.press("j")
        await pilot.press("z")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        said = " ".join(str(s.render()) for s in dialog.query("Static"))
        assert f"Not due yet: the next check-in is {short_date(due, FROZEN_TODAY)}" in said
        options = [str(dialog.query_one(OptionList).get_option_at_index(i).prompt) for i in range(4)]
        assert all("after it's due" in label for label in options), options
        await pilot.press("2")  # 1 week after it's due
        await settle(pilot)
        saved = store.contacts.get(cy.id)
        assert saved.snoozed_until == (due + timedelta(days=7)).isoformat()
        info = C.due_info(saved, store.settings.current())
        assert info.state == "snoozed" and info.due == due + timedelta(days=7)  # it changed something
        assert "Snoozed Cy Chen until" in notified_text(app)


async def test_snoozing_someone_with_no_check_in_coming_says_so(store, make_app, people):
    from tests.waiting import notified_text

    store.contacts.pause([people["cy"].id], None)
    app = make_app(store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_contacts(pilot)
        while screen.current_row() is None or screen.current_row().contact.first_name != "Cy":
            await pilot.press("j")
        await pilot.press("z")
        await settle(pilot)
        assert not isinstance(app.screen, ChoiceDialog)
        assert "Nothing to snooze: no check-in is coming for Cy Chen" in notified_text(app)
        assert store.contacts.get(people["cy"].id).snoozed_until is None
