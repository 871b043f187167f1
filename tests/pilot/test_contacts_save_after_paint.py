"""Logging a touchpoint (``l``, then ``ctrl+s``) paints the updated list first and saves right after
that frame (issue 16); quitting still saves it, a failed save is still said. Only the logged
contact's row is recomputed: the list is exactly what recomputing every row gives."""

from __future__ import annotations

import json

from store import contacts as C
from tests.screens import open_contacts
from tests.waiting import burst, notified, on_frame, until
from tui.contacts.screen import ContactsScreen
from tui.contacts.touch import TouchpointDialog
from widgets.contacts_table import ContactsTable

SIZE = (80, 24)


def _touchpoints_on_disk(store) -> int:
    return len(json.loads(store.path.read_bytes()).get("touchpoints", {}))


async def _log_dialog(pilot) -> TouchpointDialog:
    await pilot.press("l")
    await until(pilot, lambda: isinstance(pilot.app.screen, TouchpointDialog), what="the log dialog")
    return pilot.app.screen


async def test_the_logged_list_is_painted_before_the_data_file_is_written(store, make_app, people, monkeypatch):
    from store import storage as storage_mod

    app = make_app(store)
    events: list[str] = []
    replace = storage_mod.os.replace

    def replaced(*args, **kwargs):
        events.append("saved")
        return replace(*args, **kwargs)

    async with app.run_test(size=SIZE) as pilot:
        screen = await open_contacts(pilot)
        await _log_dialog(pilot)
        on_frame(app, monkeypatch, lambda: events.append("frame"))
        monkeypatch.setattr(storage_mod.os, "replace", replaced)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "saved" in events, what="the touchpoint to be saved")
        assert isinstance(app.screen, ContactsScreen)
        assert events.index("frame") < events.index("saved")
        assert not store.dirty and _touchpoints_on_disk(store) == 1
        # one row recomputed and moved: the same list as recomputing them all
        full = C.build_rows(store.contacts.all(), store.settings.current(), None)
        assert [r.id for r in screen.contacts.rows] == [r.id for r in full]
        assert [line.key for line in screen.query_one(ContactsTable).lines] == [r.id for r in screen.contacts.shown]
        assert screen.contacts.shown[-1].id == people["ana"].id


async def test_a_log_then_quit_in_one_burst_is_on_disk(store, make_app, people):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_contacts(pilot)
        await _log_dialog(pilot)
        await burst(pilot, "ctrl+s", "q")
    assert not store.dirty and _touchpoints_on_disk(store) == 1


async def test_a_failed_save_of_a_log_is_said_and_kept(store, make_app, people, monkeypatch):
    from store import storage as storage_mod

    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_contacts(pilot)
        await _log_dialog(pilot)

        def full(*args, **kwargs):
            raise OSError(28, "No space left on device", str(store.path))

        monkeypatch.setattr(storage_mod.os, "replace", full)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: any(m.startswith("Not saved: the disk is full") for m in notified(app)),
                    what="the failed save to be said")
        monkeypatch.undo()
        assert any(m.startswith("Logged a") for m in notified(app))
        assert store.dirty and len(store.touchpoints.all()) == 1 and _touchpoints_on_disk(store) == 0
        app._retry_save()
        await pilot.pause()
        assert not store.dirty and _touchpoints_on_disk(store) == 1


async def test_what_a_log_needs_is_built_while_the_dialog_is_open(store, make_app, people, monkeypatch):
    import gc

    app = make_app(store)
    prepared: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await open_contacts(pilot)
        for repo in (store.touchpoints, store.contacts):
            monkeypatch.setattr(repo, "prepare", lambda name=repo.table_name: prepared.append(name))
        await _log_dialog(pilot)
        await until(pilot, lambda: len(prepared) == 2, what="the log's indexes to be built")
        assert sorted(prepared) == ["contacts", "touchpoints"]
        assert gc.isenabled()


async def test_no_full_collection_runs_before_the_logged_list_is_painted(store, make_app, people, monkeypatch):
    import gc

    app = make_app(store)
    seen: list[bool] = []
    async with app.run_test(size=SIZE) as pilot:
        await open_contacts(pilot)
        await _log_dialog(pilot)
        await until(pilot, gc.isenabled, what="the collector back after the dialog")
        on_frame(app, monkeypatch, lambda: seen.append(gc.isenabled()) if isinstance(app.screen, ContactsScreen)
                 else None)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: bool(seen) and gc.isenabled() and not store.dirty, what="painted, then saved")
        assert seen[0] is False
