"""The stylesheet is parsed once at start and not again on a mode's first visit (tui/shell/css_once.py),
and every screen still shows its theme's colours: at start, on a first visit, after a theme change."""

from __future__ import annotations

import pytest
from textual.color import Color
from textual.css.stylesheet import Stylesheet

from tests.waiting import until
from tui.board.screen import BoardScreen
from tui.contacts.screen import ContactsScreen
from tui.journal.screen import JournalScreen
from tui.outreach.screen import OutreachScreen

SCREENS = {"2": BoardScreen, "3": JournalScreen, "4": ContactsScreen, "5": OutreachScreen}


def _text_colour(app, selector: str) -> str:
    """The colour the first cell of ``selector``'s first line is painted in."""
    widget = app.screen.query_one(selector)
    strip = widget.render_line(0)
    seg = next(s for s in strip if s.text.strip())
    assert seg.style is not None and seg.style.color is not None
    return seg.style.color.triplet.hex if seg.style.color.triplet else str(seg.style.color)


def _foreground(app) -> str:
    return Color.parse(app.current_theme.foreground).hex.lower()


@pytest.fixture
def reparses(monkeypatch):
    """How many times the app's stylesheet is reparsed from scratch."""
    calls: list[int] = []
    real = Stylesheet.reparse

    def counting(self):
        calls.append(1)
        return real(self)

    monkeypatch.setattr(Stylesheet, "reparse", counting)
    return calls


@pytest.mark.parametrize("theme", ["rebound-dark", "rebound-light", "rebound-contrast"])
async def test_each_theme_is_painted_from_the_first_frame(data_dir, make_app, theme, reparses):
    from store.db import Store

    s = Store.open(data_dir)
    s.settings.update(theme=theme)
    app = make_app(s)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == theme and f"-theme-{theme}" in app.classes
        assert ("-dark-mode" in app.classes) == app.current_theme.dark
        assert ("-light-mode" in app.classes) == (not app.current_theme.dark)
        assert _text_colour(app, "#today-head").lower() == _foreground(app)
        assert not reparses  # set before anything was parsed: no reparse for it
    s.close()


async def test_a_first_visit_reparses_no_stylesheet_and_keeps_the_colours(store, make_app, reparses):
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        at_start = len(reparses)
        assert at_start == 0
        for key, cls in SCREENS.items():
            await pilot.press(key)
            await until(pilot, lambda cls=cls: isinstance(app.screen, cls))
            await pilot.pause()
            assert _text_colour(app, "TopBar").lower() == _foreground(app), key
        assert len(reparses) == at_start


async def test_a_theme_change_still_restyles_every_screen(store, make_app):
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        app.action_set_theme("rebound-light")
        await pilot.pause()
        assert _text_colour(app, "TopBar").lower() == _foreground(app)
        await pilot.press("1")
        await pilot.pause()
        assert _text_colour(app, "#today-head").lower() == _foreground(app)


async def test_today_is_not_restyled_whole_when_it_first_shows(store, make_app, monkeypatch):
    """Its widgets were styled as they mounted, with the app's look as it is when it shows: Textual's
    first ScreenResume would restyle them all again (tui/shell/base.py skips that while the look holds)."""
    from tui.today.screen import TodayScreen

    restyled: list[object] = []
    real = TodayScreen.update_node_styles

    def counting(self, animate: bool = True) -> None:
        restyled.append(self)
        real(self, animate)

    monkeypatch.setattr(TodayScreen, "update_node_styles", counting)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen) and restyled == []
        assert _text_colour(app, "#today-head").lower() == _foreground(app)
        app.action_set_theme("rebound-light")  # a change of look still restyles it
        await pilot.pause()
        assert _text_colour(app, "#today-head").lower() == _foreground(app)
