"""The palette reads a command's title as markup: a theme's label shows exactly as written."""

from __future__ import annotations

from textual.content import Content

from tui.shell import commands

HOSTILE_LABEL = "Dark [/] [@click=app.quit]x[/] [b]"


async def test_a_theme_label_with_markup_characters_shows_as_written(store, make_app, monkeypatch):
    monkeypatch.setitem(commands.THEME_LABELS, "rebound-dark", HOSTILE_LABEL)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        titles = [c.title for c in commands.app_commands(app, app.screen) if c.title.startswith("Theme: ")]
        shown = [Content.from_markup(t).plain for t in titles]
        assert "Theme: " + HOSTILE_LABEL in shown
        assert app.is_running
