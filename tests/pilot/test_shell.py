"""The shell: five screens on 1-5, help on ?, the palette, themes, quitting, read-only."""

from __future__ import annotations

from tests.waiting import notifications, type_text, until
from tui.board.screen import BoardScreen
from tui.contacts.screen import ContactsScreen
from tui.journal.screen import JournalScreen
from tui.outreach.screen import OutreachScreen
from tui.shell.help import HelpScreen
from tui.today.screen import TodayScreen

SCREENS = {"1": TodayScreen, "2": BoardScreen, "3": JournalScreen, "4": ContactsScreen, "5": OutreachScreen}


async def test_today_first_then_keys_1_to_5_and_help(store, make_app):
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        for key, cls in list(SCREENS.items())[1:] + [("1", TodayScreen)]:
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, cls), key
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            text = str(app.screen.query_one("#help-text").render())
            assert cls.SCREEN_TITLE in text and "ctrl+p" in text
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, cls)


async def test_q_quits(store, make_app):
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_theme_choice_persists(data_dir, make_app):
    from store.db import Store

    s = Store.open(data_dir)
    app = make_app(s)
    async with app.run_test(size=(80, 24)) as pilot:
        app.action_set_theme("rebound-light")
        await pilot.pause()
    s.close()
    s2 = Store.open(data_dir)
    assert s2.settings.current().theme == "rebound-light"
    app2 = make_app(s2)
    async with app2.run_test(size=(80, 24)) as pilot:
        assert app2.theme == "rebound-light"
    s2.close()


async def test_second_instance_is_read_only_with_banner_and_refuses_edits(data_dir, make_app):
    from store.db import Store
    from store.models import Application

    first = Store.open(data_dir)
    second = Store.open(data_dir)
    try:
        assert second.read_only and "has this data open" in second.read_only_reason
        app = make_app(second)
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            await pilot.pause()
            banner = app.screen.query_one("#readonly-banner")
            assert "Read-only" in str(banner.render())
            ok = app.write(second.applications.save, Application(company="X", role="Y"))
            await pilot.pause()
            assert ok is False
            assert any("Read-only" in n.message for n in notifications(app))
        assert second.applications.count() == 0
    finally:
        second.close()
        first.close()


async def test_palette_lists_screens_themes_and_data(store, make_app):
    app = make_app(store)
    async with app.run_test(size=(100, 30)):
        titles = [c.title for c in app.all_commands(app.screen)]
        for wanted in ("Go to Board", "Theme: High contrast", "Data: where is my data", "Help for this screen"):
            assert wanted in titles


async def test_failed_save_says_not_saved_keeps_change_and_retries(store, make_app, monkeypatch):
    from store import storage as storage_mod
    from store.models import Application

    app = make_app(store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:

        def full(*a, **k):
            raise OSError(28, "No space left on device", str(store.path))

        monkeypatch.setattr(storage_mod.os, "replace", full)
        new = Application(company="Kept", role="r")
        try:
            assert app.write(store.applications.save, new) is True
        finally:
            monkeypatch.undo()
        await pilot.pause()
        messages = [n.message for n in notifications(app)]
        assert any(m.startswith("Not saved: the disk is full") for m in messages)
        assert store.dirty and store.applications.get(new.id) is not None
        app._retry_save()
        await pilot.pause()
        assert not store.dirty
        assert b"Kept" in store.path.read_bytes()


async def test_quit_with_unsaved_change_asks_first(store, make_app, monkeypatch):
    from store import storage as storage_mod
    from store.models import Application
    from tui.dialogs import ConfirmDialog

    app = make_app(store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        monkeypatch.setattr(storage_mod.os, "replace", lambda *a, **k: (_ for _ in ()).throw(OSError(28, "full")))
        try:
            app.write(store.applications.save, Application(company="x", role="y"))
            await pilot.press("q")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmDialog)  # not gone without asking
            await pilot.press("escape")
            await pilot.pause()
            assert app.is_running
        finally:
            monkeypatch.undo()


async def test_external_change_asks_reload_or_keep_both(store, make_app):
    from store.models import Application
    from tui.dialogs import ConflictDialog

    store.applications.save(Application(company="Mine", role="r"))
    app = make_app(store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        theirs = store.path.read_bytes().replace(b"Mine", b"Synced")
        store.path.write_bytes(theirs)
        app.write(store.applications.save, Application(company="Second", role="r"))
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        await pilot.press("b")
        await pilot.pause()
        copies = list(store.data_dir.glob("rebound.conflict-*.json"))
        assert len(copies) == 1 and copies[0].read_bytes() == theirs
        assert b"Second" in store.path.read_bytes()


async def test_hostile_data_dir_path_is_shown_literally(tmp_path, make_app):
    from store.db import Store

    weird = tmp_path / "[@click=app.quit]x[/] [/" / "data"
    s = Store.open(weird)
    try:
        app = make_app(s)
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            app.action_show_data_info()
            await pilot.pause()
            assert app.is_running
            assert any("[@click=app.quit]x[/] [/" in n.message for n in notifications(app))
    finally:
        s.close()


async def test_help_screen_fits_80x24_and_closes_with_escape(store, make_app):
    from tui.shell.help import HelpScreen

    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        box = app.screen.query_one("#help-box")
        assert box.region.right <= 80 and box.region.bottom <= 24
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_go_to_application_from_any_screen(demo_store, make_app):
    from textual.command import CommandPalette

    from tui.board.screen import BoardScreen

    target = next(a for a in demo_store.applications.all() if a.stage == "screening")
    app = make_app(demo_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")  # from the journal
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await type_text(pilot, target.company)

        def hits() -> list[str]:
            return [str(o.prompt) for o in app.screen.query_one("CommandList").options]

        await until(pilot, lambda: any(target.company in s for s in hits()), what="the application in the palette")
        shown = hits()
        assert any(f"Go to application: {target.company}" in s for s in shown)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, BoardScreen) or not isinstance(app.screen, CommandPalette),
                    what="the palette to close")
        board = next(s for s in app.get_screen_stack("board") if isinstance(s, BoardScreen))
        assert app.current_mode == "board"
        assert board.selected().id == target.id  # the card is selected and its details are open
        assert type(app.screen).__name__ == "DetailsScreen"


def test_help_markdown_is_drawn_not_shown_raw():
    from tui.shell.help import markdown_content

    text = ("What is **due**, *when you're ready*; `enter` opens it.\nA second line joins the paragraph.\n\n"
            "Placeholders:\n  {{ contact.first_name }}  keeps its own line\n- a list item too\n"
            "3 * 4 stays and so does a lone *")
    content = markdown_content(text)
    plain = content.plain
    assert "**" not in plain and "`" not in plain and "*when" not in plain
    assert "What is due, when you're ready; enter opens it. A second line joins the paragraph." in plain
    assert "Placeholders:\n  {{ contact.first_name }}  keeps its own line\n- a list item too" in plain
    assert "3 * 4 stays and so does a lone *" in plain
    styles = {plain[s.start:s.end]: str(s.style) for s in content.spans}
    assert styles == {"due": "bold", "when you're ready": "italic", "enter": "bold"}


async def test_today_and_settings_help_render_their_formatting(store, make_app):
    from tui.settings.screen import SettingsScreen

    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for open_keys in ([], ["comma"]):
            for key in open_keys:
                await pilot.press(key)
                await pilot.pause()
            assert isinstance(app.screen, SettingsScreen if open_keys else TodayScreen)
            await pilot.press("f1")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            help_text = app.screen.query_one("#help-text")
            content = help_text.render()
            plain = str(content)
            assert "**" not in plain and "`" not in plain and "*" not in plain.replace("★", "")
            bold = [plain[s.start:s.end] for s in content.spans if "bold" in str(s.style)]
            italic = [plain[s.start:s.end] for s in content.spans if "italic" in str(s.style)]
            assert "ctrl+s" in bold if open_keys else "A rebound plan" in bold
            assert italic  # *Reflect*, *My name*…
            await pilot.press("escape")
            await pilot.pause()


async def test_settings_says_free_linkedin_notes_are_200_characters(store, make_app):
    from tests import waiting

    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("comma")
        await pilot.pause()
        text = waiting.screen_text(app)
        assert "Free (200-character connection notes)" in text and "300-character" not in text
