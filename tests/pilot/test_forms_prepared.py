"""Forms made ready in idle time (issue 16): after :func:`tui.dialogs.prepare.prepare_forms`, opening the
board's form (``n``) or the contacts' touchpoint dialog (``l``) adds no CSS to the app's stylesheet and
parses none: the CSS prepared is what opening them adds (the same sources under the same names)."""

from __future__ import annotations

from tests.screens import open_board, open_contacts
from tests.waiting import until
from tui.board.forms import ApplicationForm
from tui.contacts.touch import TouchpointDialog
from tui.dialogs.prepare import prepare_forms

SIZE = (80, 24)


def _parses(app, monkeypatch) -> list[int]:
    """Counts the stylesheet's parses from now on."""
    seen: list[int] = []
    sheet = app.stylesheet
    parse = sheet.parse

    def spy() -> None:
        seen.append(1)
        parse()

    monkeypatch.setattr(sheet, "parse", spy)
    return seen


async def _open(pilot, key: str, screen_type: type) -> None:
    await pilot.press(key)
    await until(pilot, lambda: isinstance(pilot.app.screen, screen_type) and pilot.app.screen.is_mounted,
                what=f"{screen_type.__name__} to open")
    await pilot.pause()


async def test_the_forms_open_without_parsing_css_once_prepared(store, make_app, people, monkeypatch):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)  # both screens made first, as the warm-up makes them
        await open_contacts(pilot)
        assert prepare_forms(app)  # the forms' CSS was not there yet
        assert not prepare_forms(app)  # …and is now
        sources = set(app.stylesheet.source)
        parses = _parses(app, monkeypatch)
        await _open(pilot, "l", TouchpointDialog)
        await pilot.press("escape")
        await open_board(pilot)
        await _open(pilot, "n", ApplicationForm)
        assert set(app.stylesheet.source) == sources
        assert parses == []


async def test_without_preparing_the_first_opening_parses_so_the_check_above_can_fail(store, make_app, people,
                                                                                      monkeypatch):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_contacts(pilot)
        sources = set(app.stylesheet.source)
        parses = _parses(app, monkeypatch)
        await _open(pilot, "l", TouchpointDialog)
        assert parses and set(app.stylesheet.source) > sources


async def test_the_board_form_alone_opens_without_parsing_once_prepared(store, make_app, people, monkeypatch):
    from tui.dialogs.prepare import prepare_board_form

    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        assert prepare_board_form(app)
        sources = set(app.stylesheet.source)
        parses = _parses(app, monkeypatch)
        await _open(pilot, "n", ApplicationForm)
        assert set(app.stylesheet.source) == sources
        assert parses == []
