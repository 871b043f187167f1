"""A one-key move is painted first and saved right after that frame (issue 16): the save is still
made before the app can quit, a failed save is still said, and ``u`` still puts the card back."""

from __future__ import annotations

import json

from store.models import Application
from tests.screens import open_board
from tests.screens import today_ready as ready
from tests.waiting import burst, notified, on_frame, until


def _stage_on_disk(store, app_id: str) -> str:
    raw = json.loads(store.path.read_bytes())
    return next(d["stage"] for d in raw["applications"].values() if d["id"] == app_id)


async def test_the_moved_card_is_painted_before_the_data_file_is_written(store, make_app, monkeypatch):
    from store import storage as storage_mod

    acme = store.applications.add(Application(company="Acme", role="Dev", stage="wishlist"))
    app = make_app(store)
    events: list[str] = []
    replace = storage_mod.os.replace

    def replaced(*args, **kwargs):
        events.append("saved")
        return replace(*args, **kwargs)

    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await open_board(pilot)
        on_frame(app, monkeypatch, lambda: events.append("frame"))
        monkeypatch.setattr(storage_mod.os, "replace", replaced)
        await pilot.press("L")
        await until(pilot, lambda: "saved" in events, what="the move to be saved")
        assert events.index("frame") < events.index("saved")
        assert not store.dirty
        assert _stage_on_disk(store, acme.id) == "applied"


async def test_a_move_then_quit_in_one_burst_is_on_disk(store, make_app):
    acme = store.applications.add(Application(company="Acme", role="Dev", stage="wishlist"))
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await open_board(pilot)
        await burst(pilot, "L", "L", "q")
    assert _stage_on_disk(store, acme.id) == "screening"
    assert not store.dirty


async def test_a_failed_save_after_the_frame_is_said_and_kept_for_the_retry(store, make_app, monkeypatch):
    from store import storage as storage_mod

    acme = store.applications.add(Application(company="Acme", role="Dev", stage="wishlist"))
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await ready(pilot)
        board = await open_board(pilot)

        def full(*args, **kwargs):
            raise OSError(28, "No space left on device", str(store.path))

        monkeypatch.setattr(storage_mod.os, "replace", full)
        await pilot.press("L")
        await until(pilot, lambda: any(m.startswith("Not saved: the disk is full") for m in notified(app)),
                    what="the failed save to be said")
        monkeypatch.undo()
        assert store.dirty and store.applications.get(acme.id).stage == "applied"
        assert board.kanban.current_column == "applied"
        assert _stage_on_disk(store, acme.id) == "wishlist"
        app._retry_save()
        await pilot.pause()
        assert not store.dirty and _stage_on_disk(store, acme.id) == "applied"


async def test_u_after_a_move_saved_after_the_frame_puts_it_back_on_disk(store, make_app):
    acme = store.applications.add(Application(company="Acme", role="Dev", stage="wishlist"))
    before = store.path.read_bytes()
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await open_board(pilot)
        await burst(pilot, "L", "u")
        await until(pilot, lambda: not store.dirty, what="the undo to be saved")
        assert store.applications.get(acme.id).stage == "wishlist"
        assert _stage_on_disk(store, acme.id) == "wishlist"
        assert json.loads(store.path.read_bytes())["applications"] == json.loads(before)["applications"]


async def test_no_full_collection_runs_before_the_form_is_painted(store, make_app, monkeypatch):
    import gc

    from tui.board.forms import ApplicationForm

    app = make_app(store)
    seen: list[bool] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await open_board(pilot)
        on_frame(app, monkeypatch, lambda: seen.append(gc.isenabled()) if isinstance(app.screen, ApplicationForm)
                 else None)
        assert gc.isenabled()
        await pilot.press("n")
        await until(pilot, lambda: bool(seen) and gc.isenabled(), what="the form painted, then the collector back")
        assert seen[0] is False  # paused while the form was built and painted
        assert isinstance(app.screen, ApplicationForm)


async def test_the_retry_timer_says_nothing_about_a_move_saved_after_its_frame(store, make_app):
    """The 30-second retry can fire between a move and its save (one frame): it saves it quietly;
    "Saved the change that was waiting" is for a change a failed save left waiting."""
    acme = store.applications.add(Application(company="Acme", role="Dev", stage="wishlist"))
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await ready(pilot)
        await open_board(pilot)
        with store.deferred():  # as `L` leaves it until its frame is painted
            store.applications.step(acme.id, +1)
        app._retry_save()
        await pilot.pause()
        assert not store.dirty and _stage_on_disk(store, acme.id) == "applied"
        assert not any("waiting" in m for m in notified(app))


async def test_moves_typed_together_are_saved_together_after_their_frame(store, make_app):
    acme = store.applications.add(Application(company="Acme", role="Dev", stage="wishlist"))
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await open_board(pilot)
        saves = store.storage.saves
        await burst(pilot, "L", "L")
        await until(pilot, lambda: not store.dirty, what="the moves to be saved")
        assert store.storage.saves == saves + 1  # one save for both: it waits for the frame to go out
        assert _stage_on_disk(store, acme.id) == "screening"
