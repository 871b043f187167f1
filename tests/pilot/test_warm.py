"""The idle warm-up (tui/shell/warm.py): it fills the caches a first visit would, a write made meanwhile
still shows, and a key pressed while it runs is answered."""

from __future__ import annotations

import gc
from datetime import date

from store import pipeline as p
from store.models import Application, JournalEntry
from tests.screens import kanban_text, open_board
from tests.waiting import open_screen
from tui.journal.screen import JournalScreen
from tui.shell import warm

TODAY = date(2026, 3, 2)
SIZE = (80, 24)


async def test_a_write_made_during_the_warm_up_shows_on_the_first_visit(store, make_app, monkeypatch):
    monkeypatch.setattr(warm, "IN_TESTS", True)
    monkeypatch.setattr(warm, "DELAY_S", 999.0)  # the test runs the steps itself
    monkeypatch.setattr(warm, "GAP_S", 999.0)
    monkeypatch.setattr(warm, "QUIET_S", 0.0)  # steps run right after the test's keys
    store.applications.save(p.created(Application(company="Before Co", role="Dev"), TODAY))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        warmer = app.warmer
        assert warmer is not None and not warmer.done
        for _ in range(3):  # the board's module, the applications read, their health counted
            warmer.step()
        assert store.applications.loaded
        assert app.write(store.applications.save, p.created(Application(company="During Co", role="Dev"), TODAY))
        while len(warmer.pending) > 1:
            warmer.step()
            await pilot.pause()  # the screens it builds mount in between
        built = [object()]  # stands for what the warm-up made
        warmer.step()
        assert warmer.done and store.journal.loaded and store.contacts.loaded and store.touchpoints.loaded
        assert all(o is not built for o in gc.get_objects())  # frozen: out of the collector's sight
        await open_board(pilot)
        board = kanban_text(app)
        assert "Before Co" in board and "During Co" in board
        assert "Wishlist 2" in board


async def test_a_key_pressed_while_warming_up_is_answered(store, make_app, monkeypatch):
    monkeypatch.setattr(warm, "IN_TESTS", True)
    monkeypatch.setattr(warm, "DELAY_S", 999.0)  # the test runs the steps itself: no race with the clock
    monkeypatch.setattr(warm, "GAP_S", 999.0)
    monkeypatch.setattr(warm, "QUIET_S", 0.0)  # steps run right after the test's keys
    store.journal.save(JournalEntry(kind="checkin", mood=3, entry_date="2026-03-01", body="a walk"))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        warmer = app.warmer
        assert warmer is not None
        for _ in range(3):
            warmer.step()
        assert not warmer.done  # half way: a key now goes to the app as usual
        screen = await open_screen(pilot, "3", JournalScreen)
        assert "1 entry" in str(screen.query_one("#journal-status").render())
        while not warmer.done:
            warmer.step()
            await pilot.pause()  # the screens it builds mount in between
        assert "1 entry" in str(screen.query_one("#journal-status").render())


async def test_no_warm_up_under_run_test_unless_asked(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE):
        assert app.warmer is None


def board_made(app) -> list:
    try:
        return app.get_screen_stack("board")
    except KeyError:
        return []


async def test_a_board_made_ahead_counts_its_health_when_first_shown(store, make_app, monkeypatch):
    monkeypatch.setattr(warm, "IN_TESTS", True)
    monkeypatch.setattr(warm, "DELAY_S", 999.0)
    monkeypatch.setattr(warm, "GAP_S", 999.0)
    monkeypatch.setattr(warm, "QUIET_S", 0.0)
    store.applications.save(p.created(Application(company="Acme", role="Dev"), TODAY))
    app = make_app(store)
    counted: list[str] = []
    real = store.applications.health

    def health(*args, **kwargs):
        counted.append(app.screen.__class__.__name__)
        return real(*args, **kwargs)

    monkeypatch.setattr(store.applications, "health", health)
    async with app.run_test(size=SIZE) as pilot:
        warmer = app.warmer
        while not (made := board_made(app)) or not made[0].is_mounted:
            warmer.step()
            await pilot.pause()
        for _ in range(5):
            await pilot.pause()
        assert counted == []  # made behind Today: nothing counted off screen
        await open_board(pilot)
        for _ in range(5):
            await pilot.pause()
        assert counted and counted[-1] == "BoardScreen"
        assert "1" in str(app.screen.query_one("#board-health").render())


async def test_the_warm_up_prepares_the_forms_styles(store, make_app, monkeypatch):
    from tui.dialogs.prepare import prepare_forms

    monkeypatch.setattr(warm, "IN_TESTS", True)
    monkeypatch.setattr(warm, "DELAY_S", 999.0)
    monkeypatch.setattr(warm, "GAP_S", 999.0)
    monkeypatch.setattr(warm, "QUIET_S", 0.0)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        warmer = app.warmer
        while not warmer.done:
            warmer.step()
            await pilot.pause()
        assert not prepare_forms(app)  # nothing left to add: the warm-up did it


async def test_the_warm_up_makes_the_kept_dialogs_and_n_and_l_show_them(store, make_app, people, monkeypatch):
    from tests.screens import open_contacts
    from tests.waiting import until_screen
    from tui.board.forms import ApplicationForm
    from tui.contacts.touch import TouchpointDialog
    from tui.dialogs import kept

    monkeypatch.setattr(warm, "IN_TESTS", True)
    monkeypatch.setattr(warm, "DELAY_S", 999.0)
    monkeypatch.setattr(warm, "GAP_S", 999.0)
    monkeypatch.setattr(warm, "QUIET_S", 0.0)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        warmer = app.warmer
        while not warmer.done:
            warmer.step()
            await pilot.pause()
        form = kept.ready(app, kept.NEW_APPLICATION)
        dialog = kept.ready(app, kept.LOG_TOUCHPOINT)
        assert isinstance(form, ApplicationForm) and isinstance(dialog, TouchpointDialog)
        assert app.screen is not form and app.screen is not dialog  # made behind, not shown
        screen = await open_contacts(pilot)
        await pilot.press("l")
        assert await until_screen(pilot, TouchpointDialog) is dialog
        assert screen.contacts.rows[0].contact.display_name in str(dialog.query_one(".tp-title").render())
        await pilot.press("escape")
        await open_board(pilot)
        await pilot.press("n")
        assert await until_screen(pilot, ApplicationForm) is form
