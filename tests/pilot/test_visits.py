"""Visiting a screen (issue 16): the warm-up builds each screen behind Today, so a first visit only
shows it; a switch to a screen already made is painted without Textual's hold and without restyling
it when nothing app-wide changed; coming back re-reads nothing that did not change. What the user
sees is what a visit showed before."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from textual.app import App
from textual.widgets import DataTable

from store import pipeline as p
from store.models import Application, Contact, Draft, JournalEntry
from tests.screens import kanban_text, open_board, open_journal, open_outreach
from tests.waiting import on_frame, rendered, screen_text, until, until_screen
from tui.board.screen import BoardScreen
from tui.contacts.screen import ContactsScreen
from tui.journal.screen import JournalScreen
from tui.outreach.screen import OutreachScreen
from tui.shell import warm
from tui.today.screen import TodayScreen
from widgets.board_health import HealthLine
from widgets.journal_list import EntryList

TODAY = date(2026, 3, 2)
SIZE = (100, 30)
MADE = {"board": BoardScreen, "journal": JournalScreen, "contacts": ContactsScreen, "outreach": OutreachScreen}


def _warm_by_hand(monkeypatch) -> None:
    monkeypatch.setattr(warm, "IN_TESTS", True)
    monkeypatch.setattr(warm, "DELAY_S", 999.0)  # the test runs the steps itself
    monkeypatch.setattr(warm, "GAP_S", 999.0)
    monkeypatch.setattr(warm, "AFTER_SWITCH_S", 999.0)
    monkeypatch.setattr(warm, "QUIET_S", 0.0)


async def _run_warm_up(pilot) -> None:
    warmer = pilot.app.warmer
    while not warmer.done:
        warmer.step()
        await pilot.pause()  # a screen it builds mounts in between


async def _home(pilot) -> None:
    await pilot.press("1")
    await until_screen(pilot, TodayScreen)


async def test_the_warm_up_builds_each_screen_behind_today(store, make_app, monkeypatch):
    _warm_by_hand(monkeypatch)
    job = store.applications.save(p.created(Application(company="Acme", role="Dev"), TODAY))
    store.journal.save(JournalEntry(kind="checkin", mood=3, entry_date="2026-03-01", body="a walk",
                                    application_id=job.id))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await _run_warm_up(pilot)
        assert app.current_mode == "today"
        made = {}
        for mode, kind in MADE.items():
            stack = app.get_screen_stack(mode)
            assert len(stack) == 1 and isinstance(stack[0], kind), mode
            assert stack[0].size == app.size, mode  # laid out at the terminal's size
            made[mode] = stack[0]
        journal = made["journal"]
        assert "1 entry" in rendered(journal.query_one("#journal-status"))  # filled at its mount
        assert [r.app for r in journal.query_one(EntryList).rows] == ["Acme"]
        assert made["board"].query_one(HealthLine).figures is None  # counted when first shown, not off screen
        board = await open_board(pilot)
        assert board is made["board"]
        await until(pilot, lambda: board.query_one(HealthLine).figures is not None, what="the health line")
        assert "Acme" in kanban_text(app)
        assert await open_journal(pilot) is journal


async def test_a_switch_is_painted_without_the_hold(store, make_app, monkeypatch):
    store.applications.save(p.created(Application(company="Acme", role="Dev"), TODAY))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        holds: list[float] = []
        real = App.delay_update  # Textual's own: what the app's switch calls when it holds the frame
        monkeypatch.setattr(App, "delay_update", lambda self, delay=0.05: holds.append(delay) or real(self, delay))
        frames: list[str] = []
        on_frame(app, monkeypatch, lambda: frames.append(screen_text(app)))
        await open_board(pilot)  # a first visit: the screen is made at the key
        await until(pilot, lambda: any("Wishlist" in f for f in frames))
        await _home(pilot)  # Today: made at start
        await open_board(pilot)
        assert holds == []
        # every frame that shows the board shows it whole (its columns and the card), never a part
        board_frames = [f for f in frames if "Wishlist" in f]
        assert board_frames and all("Acme" in f and "Applied" in f for f in board_frames)


async def test_a_first_visit_restyles_no_other_screen(store, make_app, monkeypatch):
    store.applications.save(p.created(Application(company="Acme", role="Dev"), TODAY))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        restyles: list[object] = []
        real = app.refresh_css
        monkeypatch.setattr(app, "refresh_css", lambda *a, **k: restyles.append(a) or real(*a, **k))
        board = await open_board(pilot)
        await until(pilot, lambda: "Acme" in kanban_text(app))
        assert restyles == []
        # styled all the same: the board's own CSS is in force
        assert board.query_one("#filter-bar").styles.height is not None
        assert board.query_one("#filter-bar").styles.display == "none"


async def test_coming_back_restyles_only_when_the_look_changed(store, make_app, monkeypatch):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        board = await open_board(pilot)
        restyled: list[bool] = []
        real = board.update_node_styles
        monkeypatch.setattr(board, "update_node_styles", lambda *a, **k: restyled.append(True) or real(*a, **k))
        await _home(pilot)
        await open_board(pilot)
        assert restyled == []  # nothing app-wide changed: its widgets' styles stand
        await _home(pilot)
        before = board.query_one(HealthLine).styles.background
        app.theme = next(t for t in app.available_themes if t != app.theme and t != "textual-ansi")
        await pilot.pause()
        await open_board(pilot)
        assert restyled  # the theme changed while it was away: restyled on the way back
        assert board.query_one(HealthLine).styles.background != before


async def test_coming_back_to_the_journal_reads_the_entries_only_when_they_changed(store, make_app, monkeypatch):
    job = store.applications.save(p.created(Application(company="Acme", role="Dev"), TODAY))
    store.journal.save(JournalEntry(kind="checkin", mood=3, entry_date="2026-03-01", body="a walk",
                                    application_id=job.id))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_journal(pilot)
        reads: list[object] = []
        real = store.journal.entries
        monkeypatch.setattr(store.journal, "entries", lambda *a, **k: reads.append(a) or real(*a, **k))
        lst = screen.query_one(EntryList)
        shown: list[object] = []
        real_source = lst.set_source
        monkeypatch.setattr(lst, "set_source", lambda *a, **k: shown.append(a) or real_source(*a, **k))
        await _home(pilot)
        await open_journal(pilot)
        assert reads == [] and shown == []  # nothing changed: the list is not even set again
        await _home(pilot)
        assert app.write(store.applications.save, replace(store.applications.get(job.id), company="Acme Labs"))
        await open_journal(pilot)
        assert reads == []  # only an application's name changed: the entries read before are shown again
        assert [r.app for r in screen.query_one(EntryList).rows] == ["Acme Labs"]
        await _home(pilot)
        assert app.write(store.journal.save, JournalEntry(kind="checkin", mood=4, entry_date="2026-03-02",
                                                          body="a call"))
        await open_journal(pilot)
        assert len(reads) == 1
        assert "2 entries" in rendered(screen.query_one("#journal-status"))


async def test_coming_back_to_outreach_rebuilds_the_list_only_when_a_line_changed(store, make_app, monkeypatch):
    import tui.outreach.screen as outreach_screen

    ana = store.contacts.save(Contact(first_name="Ana", last_name="Lima"))
    other = store.applications.save(p.created(Application(company="Elsewhere", role="Dev"), TODAY))
    store.drafts.save(Draft(kind="check-in", contact_ids=[ana.id], channel="email", subject="Catching up", body="Hi"))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_outreach(pilot)
        table = screen.query_one("#ol-table", DataTable)
        cleared: list[bool] = []
        real_clear = table.clear
        monkeypatch.setattr(table, "clear", lambda *a, **k: cleared.append(True) or real_clear(*a, **k))
        previews: list[object] = []
        real_preview = outreach_screen.list_preview
        monkeypatch.setattr(outreach_screen, "list_preview",
                            lambda *a, **k: previews.append(a) or real_preview(*a, **k))
        await _home(pilot)
        await open_outreach(pilot)
        assert cleared == [] and previews == []  # nothing changed: nothing rebuilt
        await _home(pilot)
        assert app.write(store.applications.save, replace(other, company="Elsewhere Ltd"))
        await open_outreach(pilot)
        assert cleared == []  # no line shows that application: the list stays
        await _home(pilot)
        previews.clear()
        assert app.write(store.contacts.save, replace(store.contacts.get(ana.id), last_name="Souza"))
        await open_outreach(pilot)
        await pilot.pause()
        assert cleared  # the To column changed
        assert len(previews) == 1  # drawn once (the rebuilt list's highlight finds it drawn)
        assert "Ana Souza" in str(table.get_row_at(0))
        assert "Ana Souza" in rendered(screen.query_one("#ol-preview"))


async def test_a_switch_holds_the_warm_up_until_the_screen_is_shown(store, make_app, monkeypatch):
    _warm_by_hand(monkeypatch)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        warmer = app.warmer
        pending = len(warmer.pending)
        await open_board(pilot)
        warmer.step()  # due right after the switch: put off until after the board's frame
        assert len(warmer.pending) == pending
        warmer.step()  # the one after runs
        assert len(warmer.pending) == pending - 1


async def test_coming_back_leaves_the_banner_alone(store, make_app, monkeypatch):
    from widgets.banner import ReadOnlyBanner

    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        board = await open_board(pilot)
        banner = board.query_one(ReadOnlyBanner)
        updates: list[object] = []
        real = banner.update
        monkeypatch.setattr(banner, "update", lambda *a, **k: updates.append(a) or real(*a, **k))
        await _home(pilot)
        await open_board(pilot)
        assert updates == []  # the same text: not set again (an update lays the screen out after its frame)
        banner.set_message("Read-only: another Rebound has this folder open.")
        assert len(updates) == 1 and "Read-only" in rendered(banner) and banner.display


async def test_a_new_count_in_the_journal_status_needs_no_layout(store, make_app, monkeypatch):
    store.journal.save(JournalEntry(kind="checkin", mood=3, entry_date="2026-03-01", body="a walk"))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_journal(pilot)
        status = screen.query_one("#journal-status")
        layouts: list[bool] = []
        real = status.refresh
        monkeypatch.setattr(status, "refresh", lambda *a, layout=False, **k: layouts.append(layout) or
                            real(*a, layout=layout, **k))
        await _home(pilot)
        assert app.write(store.journal.save, JournalEntry(kind="checkin", mood=4, entry_date="2026-03-02",
                                                          body="a call"))
        await open_journal(pilot)
        assert "2 entries" in rendered(status)
        assert layouts and not any(layouts)
        assert status.size.height == 1


async def test_the_warm_up_waits_for_a_pause_in_typing(store, make_app, monkeypatch):
    _warm_by_hand(monkeypatch)
    monkeypatch.setattr(warm, "QUIET_S", 999.0)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        warmer = app.warmer
        pending = len(warmer.pending)
        warmer.step()  # no key yet: it runs
        assert len(warmer.pending) == pending - 1
        await pilot.press("j")
        warmer.step()  # a key just now: put off until the user pauses
        assert len(warmer.pending) == pending - 1


async def test_awaiting_a_first_switch_waits_for_the_screen(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE):
        await app.switch_mode("board")
        assert isinstance(app.screen, BoardScreen) and app.screen.is_mounted
