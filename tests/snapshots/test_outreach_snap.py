"""Snapshots of Outreach on the demo data with the frozen date (2026-03-02), at 80x24: the list
with its preview, the composer on a fresh reply to a rejection (cool-off banner, the slot selected
by tab, check panel), the composer with its values and slots highlighted (and under NO_COLOR), the
kind picker, mark-sent, and the list under NO_COLOR."""

from __future__ import annotations

from tests.waiting import settle


async def _to_outreach(pilot) -> None:
    await pilot.press("5")
    await settle(pilot)


def _compose_reply(app) -> None:
    store = app.store
    rejected = sorted((a for a in store.applications.all()
                       if a.outcome == "rejected" and a.outcome_on == "2026-03-01"), key=lambda a: a.company)[0]
    person = sorted(store.contacts.all(), key=lambda c: c.display_name)[0]
    app.open_composer(kind="rejection reply", contact_ids=[person.id], application_id=rejected.id)


def test_outreach_list_80x24(demo_store, make_app, snap_compare):
    app = make_app(demo_store)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_to_outreach)


def test_outreach_list_no_color(demo_store, make_app, snap_compare, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(demo_store)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_to_outreach)


def test_outreach_editor_80x24(demo_store, make_app, snap_compare):
    app = make_app(demo_store)

    async def run_before(pilot) -> None:
        await _to_outreach(pilot)
        _compose_reply(app)
        await settle(pilot)
        await pilot.press("tab")  # the slot selected, ready to type over
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


async def _compose_check_in(pilot) -> None:
    """A check-in to the first demo contact with a company, no name in Settings: values filled in
    (underlined), two slots to write and «me.name» to type (reverse video)."""
    app = pilot.app
    store = app.store
    store.settings.update(my_name="", signature="")
    await _to_outreach(pilot)
    person = sorted((c for c in store.contacts.all() if c.company), key=lambda c: c.display_name)[0]
    app.open_composer(kind="check-in", contact_ids=[person.id])
    await settle(pilot)


def test_outreach_composer_slots_80x24(demo_store, make_app, snap_compare):
    app = make_app(demo_store)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_compose_check_in)


def test_outreach_composer_slots_no_color(demo_store, make_app, snap_compare, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(demo_store)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_compose_check_in)


def test_outreach_kind_picker_80x24(demo_store, make_app, snap_compare):
    app = make_app(demo_store)

    async def run_before(pilot) -> None:
        await _to_outreach(pilot)
        await pilot.press("n")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_outreach_mark_sent_80x24(demo_store, make_app, snap_compare):
    app = make_app(demo_store)

    async def run_before(pilot) -> None:
        await _to_outreach(pilot)
        await pilot.press("j", "j", "m")  # the check-in: no cool-off, straight to the dialog
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_outreach_list_120x40(demo_store, make_app, snap_compare):
    app = make_app(demo_store)
    assert snap_compare(app, terminal_size=(120, 40), run_before=_to_outreach)
