"""Merge contacts from the keyboard (issue 13): mark two with space, M (or the palette) asks which
name stays and which differing fields, confirms with Cancel focused, then merges in one write with
every touchpoint, linked application and note kept."""

from __future__ import annotations

from textual.widgets import Button

from store.models import Application, Contact, Touchpoint
from store.pipeline import link_contacts
from tests.waiting import notified, rendered, settle
from tui.contacts.merging import NEED_TWO, MergeConfirm
from tui.contacts.screen import ContactsScreen
from tui.dialogs import ChoiceDialog

SIZE = (80, 24)


def seed(store) -> tuple[Contact, Contact, Application]:
    bob = Contact(first_name="Bob", last_name="Smith", company="Acme", notes="From the Acme interview.",
                  tags=["acme"], source="rebound plan")
    robert = Contact(first_name="Robert", last_name="Smith", company="Globex", title="CTO",
                     emails=["r@globex.example"], notes="[/] likes chess", tags=["mentor"])
    app = Application(company="Acme", role="Engineer", contact_names=["Bob Smith"])
    with store.batch():
        store.contacts.save_many([bob, robert])
        store.applications.save(link_contacts(app, [bob, robert]))
    store.touchpoints.log(Touchpoint(date="2026-02-01", contact_ids=[bob.id], summary="thank-you"))
    store.touchpoints.log(Touchpoint(date="2026-02-10", contact_ids=[robert.id], summary="coffee"))
    store.touchpoints.log(Touchpoint(date="2026-02-12", contact_ids=[bob.id, robert.id], summary="both"))
    return bob, robert, app


async def mark_both(pilot) -> ContactsScreen:
    await pilot.press("4")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ContactsScreen)
    await pilot.press("space", "space")
    await settle(pilot)
    assert len(screen.contacts.marked) == 2
    return screen


async def test_merge_two_marked_contacts_keeps_every_touchpoint_and_link(store, make_app):
    bob, robert, application = seed(store)
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await mark_both(pilot)
        order = [r.contact.id for r in screen.contacts.targets(None)]
        await pilot.press("M")
        await settle(pilot)
        names = app.screen
        assert isinstance(names, ChoiceDialog) and "which name stays" in rendered(names.query_one(".dialog-title"))
        await pilot.press(str(order.index(robert.id) + 1))  # Robert's name stays
        await settle(pilot)
        company = app.screen
        assert isinstance(company, ChoiceDialog)
        assert "which company stays" in rendered(company.query_one(".dialog-title"))
        await pilot.press("2")  # Acme, from Bob
        await settle(pilot)
        confirm = app.screen
        assert isinstance(confirm, MergeConfirm)
        assert app.focused is confirm.query_one("#cancel", Button)  # the safe choice is under the cursor
        text = " ".join(rendered(s) for s in confirm.query("Static"))
        assert "Merge Bob Smith into Robert Smith?" in text and "company Acme" in text
        assert "2 touchpoint(s), 1 linked application(s)" in text and "nothing is lost" in text
        saves = store.storage.saves
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, ContactsScreen)
        assert store.storage.saves == saves + 1
        assert store.contacts.get(bob.id) is None and store.contacts.count() == 1
        kept = store.contacts.get(robert.id)
        assert kept.company == "Acme" and kept.title == "CTO" and kept.tags == ["mentor", "acme"]
        assert kept.notes == "[/] likes chess\n\nFrom the Acme interview."
        assert sorted(t.summary for t in store.touchpoints.for_contact(robert.id)) == ["both", "coffee", "thank-you"]
        linked = store.applications.get(application.id)
        assert linked.contact_ids == [robert.id] and linked.contact_names == ["Robert Smith"]
        assert any("Merged Bob Smith into Robert Smith" in n for n in notified(app))
        assert not screen.contacts.marked and [r.id for r in screen.contacts.rows] == [robert.id]


async def test_merge_is_cancelled_by_enter_on_the_focused_cancel_or_escape(store, make_app):
    seed(store)
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await mark_both(pilot)
        saves = store.storage.saves
        await pilot.press("M", "1", "1")
        await settle(pilot)
        assert isinstance(app.screen, MergeConfirm)
        await pilot.press("enter")  # Cancel has the focus
        await settle(pilot)
        assert store.contacts.count() == 2 and store.storage.saves == saves
        await pilot.press("M", "1", "escape")  # escape on a field question: no merge either
        await settle(pilot)
        assert isinstance(app.screen, ContactsScreen)
        assert store.contacts.count() == 2 and store.storage.saves == saves


async def test_merge_needs_two_marked_and_is_in_the_palette(store, make_app):
    seed(store)
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("4")
        await settle(pilot)
        cmd = next(c for c in app.all_commands(app.screen) if c.title == "Merge the two marked contacts…")
        cmd.callback()
        await settle(pilot)
        assert NEED_TWO in notified(app) and isinstance(app.screen, ContactsScreen)


async def test_hostile_names_stay_literal_in_every_merge_dialog(store, make_app):
    from tests.hostile import HOSTILE

    a = Contact(first_name=HOSTILE[1], last_name=HOSTILE[4], company=HOSTILE[0])
    b = Contact(first_name=HOSTILE[1], last_name=HOSTILE[4], company=HOSTILE[6])
    store.contacts.save_many([a, b])
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await mark_both(pilot)
        await pilot.press("M")  # the same name: straight to the company question
        await settle(pilot)
        question = app.screen
        assert isinstance(question, ChoiceDialog)
        await pilot.press("1")
        await settle(pilot)
        confirm = app.screen
        assert isinstance(confirm, MergeConfirm)
        assert "[@click=app.quit]x[/]" in rendered(confirm.query_one(".dialog-title"))
        await pilot.press("y")
        await settle(pilot)
        assert app.is_running and store.contacts.count() == 1
        assert any("[@click=app.quit]x[/]" in n for n in notified(app))
