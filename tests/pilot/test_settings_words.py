"""Settings speaks with the person's own name: the "Prompts" example uses their first name (or none),
never a sample one, and follows the name as it is typed."""

from __future__ import annotations

from textual.widgets import Input, Static

from tests.screens import today_ready
from tests.waiting import settle, type_text
from tui.settings.screen import SettingsScreen


async def test_the_prompt_example_uses_my_own_name(store, make_app):
    store.settings.update(my_name="Sam Rivera")
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await today_ready(pilot)
        await pilot.press("comma")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        example = screen.query_one("#help-use_my_name", Static)
        assert "what would Sam tell a friend?" in str(example.render())
        box = screen.query_one("#f-my_name", Input)
        box.value = ""
        await settle(pilot)
        assert "Alex" not in str(example.render()) and "type it above" in str(example.render())
        box.focus()
        await type_text(pilot, "Noor Haddad")
        await settle(pilot)
        assert "what would Noor tell a friend?" in str(example.render())
