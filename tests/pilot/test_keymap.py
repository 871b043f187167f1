"""The key map from the keyboard (issue 12): `,` opens Settings from every screen; the palette finds every
action from any screen by the words a newcomer types; each screen's keys, palette entries and help rows
are the key map's; your own keys (Settings › Keys) remap a key, and a line that can't be used says why."""

from __future__ import annotations

import pytest
from textual.fuzzy import Matcher
from textual.widgets import TextArea

from tests.screens import open_board, today_ready
from tests.waiting import notified_text, palette_prompts, press, screen_lines, settle, type_text, until_screen
from tui.board.forms import ApplicationForm
from tui.board.screen import BoardScreen
from tui.board.sweep import SweepScreen
from tui.contacts.picker import ContactPicker
from tui.contacts.screen import ContactsScreen
from tui.dialogs import ConfirmDialog
from tui.journal.forms import CheckInForm
from tui.journal.screen import JournalScreen
from tui.outreach.screen import OutreachScreen
from tui.settings.screen import SettingsScreen
from tui.shell import keymap
from tui.shell.help import HelpScreen
from tui.today.screen import TodayScreen

SIZE = (80, 24)
SCREENS = {"1": TodayScreen, "2": BoardScreen, "3": JournalScreen, "4": ContactsScreen, "5": OutreachScreen}

#: What a newcomer types in the palette on Today, and what it must find.
WORDS = {
    "new": ["New application", "New contact", "New message"],
    "application": ["New application", "Go to application…"],
    "check-in": ["Quick check-in"],
    "import": ["Import LinkedIn connections…", "Import applications (CSV, Huntr, JobSync)…"],
    "name": ["Settings: my name and signature"],
    "floor": ["Settings: pipeline floor and weekly goal"],
    "theme": ["Settings: theme", "Theme: High contrast"],
    "support": ["Support: I'm struggling", "Settings: support line and someone to reach"],
    "free write": ["Free write"],
    "reframe": ["Guided reframe"],
    "go to": ["Go to application…", "Go to contact…", "Go to journal entry…"],
}


async def test_comma_opens_settings_from_every_screen(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await today_ready(pilot)
        for key, cls in SCREENS.items():
            await press(pilot, key)
            assert isinstance(app.screen, cls), key
            await press(pilot, "comma")
            await until_screen(pilot, SettingsScreen)
            await press(pilot, "escape")
            assert isinstance(app.screen, cls), key


async def test_the_palette_finds_every_action_from_today(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await today_ready(pilot)
        for word, wanted in WORDS.items():
            hits = [prompt.plain.split("\n")[0] for prompt in await palette_prompts(pilot, word)]
            for title in wanted:
                assert title in hits, (word, title, hits[:8])
            await press(pilot, "escape")
            assert isinstance(app.screen, TodayScreen)


async def test_the_palette_finds_every_word_on_every_screen(demo_store, make_app):
    """Scored as the palette scores a title (Textual's fuzzy matcher), on each main screen."""
    app = make_app(demo_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await today_ready(pilot)
        for key in SCREENS:
            await press(pilot, key)
            titles = [str(c.title) for c in app.all_commands(app.screen)]
            for word in WORDS:
                matcher = Matcher(word)
                assert any(matcher.match(t) > 0 for t in titles), (key, word)
            assert {"Go to contact…", "Go to journal entry…"} <= set(titles), key


@pytest.mark.parametrize(("title", "lands"), [
    ("Quick check-in", CheckInForm), ("Go to contact…", ContactPicker),
    ("Settings: pipeline floor and weekly goal", SettingsScreen),
])
async def test_a_palette_command_from_today_does_it(demo_store, make_app, title, lands):
    app = make_app(demo_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await today_ready(pilot)
        await palette_prompts(pilot, title)
        await press(pilot, "enter")
        screen = await until_screen(pilot, lands)
        if lands is SettingsScreen:
            assert app.focused is screen.query_one("#f-pipeline_floor")


async def test_each_screens_keys_palette_and_help_are_the_key_maps(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await today_ready(pilot)
        for key, cls in SCREENS.items():
            await press(pilot, key)
            screen = app.screen
            assert isinstance(screen, cls)
            scope = keymap.SCOPES[cls.KEYMAP]
            titles = {c.title for c in app.all_commands(screen)}
            for k in scope.keys:
                if k.palette and "{subject}" not in k.palette:
                    assert k.palette in titles, (cls.KEYMAP, k.palette)
            bound = {active.binding.id for active in app.active_bindings.values()}
            shown = {k.id for k in scope.keys if k.show and k.keys != "enter"}  # a list takes enter itself
            assert shown <= bound, (cls.KEYMAP, shown - bound)
            await press(pilot, "question_mark")
            help_text = str(app.screen.query_one("#help-text").render())
            for row_key, label, binding_id in keymap.help_rows(cls.KEYMAP, {}):
                assert f"{row_key}" in help_text and label in help_text and binding_id in help_text
            assert "Same key, same meaning on every screen" in help_text
            await press(pilot, "escape")
            assert app.screen is screen


async def test_your_own_keys_remap_a_key_everywhere_it_shows(demo_store, make_app):
    demo_store.settings.update(keymap={"board.sweep": "w", "board.reject": "ctrl+r"})
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        scr = await open_board(pilot)
        await press(pilot, "S")  # the old key does nothing now
        assert app.screen is scr
        footer = "".join(screen_lines(app)[-1].split())
        assert "wSweep" in footer and "SSweep" not in footer
        await press(pilot, "w")
        assert isinstance(app.screen, SweepScreen)
        await press(pilot, "escape", "ctrl+r")
        assert isinstance(app.screen, ConfirmDialog)  # reject, on its new key, still asks
        await press(pilot, "escape")
        reject = next(c for c in app.all_commands(scr) if c.title == "Board: mark rejected")
        assert reject.help.endswith("(ctrl+r)")
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        rows = keymap.help_rows("board", app.user_keymap)
        assert ("w", "Sweep", "board.sweep") in rows and ("ctrl+r", "Reject", "board.reject") in rows


async def test_settings_keys_refuses_a_line_it_cannot_use_and_applies_one_it_can(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        scr = await open_board(pilot)
        await press(pilot, "comma")
        settings = await until_screen(pilot, SettingsScreen)
        box = settings.query_one("#f-keymap", TextArea)
        box.focus()
        await type_text(pilot, "board.nope = x")
        await press(pilot, "ctrl+s")
        assert app.screen is settings  # not saved: it says why, inline
        error = str(settings.query_one("#err-keymap").render())
        assert "board.nope" in error and "not a binding id" in error
        assert demo_store.settings.current().keymap == {}
        box.text = "board.sweep = w"
        await press(pilot, "ctrl+s")
        await settle(pilot)
        assert app.screen is scr and demo_store.settings.current().keymap == {"board.sweep": "w"}
        await press(pilot, "w")  # at once, no restart
        assert isinstance(app.screen, SweepScreen)


async def test_a_stored_keymap_that_cannot_be_used_is_named_at_start_and_nothing_breaks(demo_store, make_app):
    demo_store.settings.update(keymap={"board.nope": "x", "board.new": "e", "board.sweep": "w"})
    app = make_app(demo_store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await today_ready(pilot)
        said = notified_text(app)
        assert "board.nope" in said and "board.new = e" in said
        assert app.user_keymap == {"board.sweep": "w"}
        await open_board(pilot)
        await press(pilot, "e")  # still Edit: the refused line changed nothing
        await until_screen(pilot, ApplicationForm)


@pytest.mark.parametrize("line", ["[/] = x", "board.sweep = [@click=app.quit]x[/]", "\x1b]0;title\x07 = y",
                                  "board.new = \u202eevil", "board.x" + "y" * 10_000 + " = z"])
async def test_hostile_keys_lines_are_refused_and_shown_literally(demo_store, make_app, line):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        await press(pilot, "comma")
        settings = await until_screen(pilot, SettingsScreen)
        settings.query_one("#f-keymap", TextArea).text = line
        await press(pilot, "ctrl+s")
        await settle(pilot)
        assert app.is_running and app.screen is settings  # refused, said inline, nothing ran
        error = str(settings.query_one("#err-keymap").render())
        assert error and "\x1b" not in error and "[@click" not in screen_lines(app)[0]
        assert demo_store.settings.current().keymap == {}


async def test_hostile_stored_keymap_is_named_literally_at_start(demo_store, make_app):
    demo_store.settings.update(keymap={"[/]": "x", "board.sweep": "[@click=app.quit]x[/]", "\x1b[2J": "y"})
    app = make_app(demo_store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await today_ready(pilot)
        said = notified_text(app)
        assert app.is_running and "[/]" in said and "\x1b" not in said
        assert app.user_keymap == {}
