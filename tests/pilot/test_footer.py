"""The key footer is rebuilt only when the keys it shows change (widgets/steady_footer.py)."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from tests.screens import open_board
from tests.waiting import open_screen, settle
from tui.today.screen import TodayScreen
from widgets.steady_footer import SteadyFooter as Footer


async def test_coming_back_to_a_screen_keeps_its_footer_keys(store, make_app):
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        await settle(pilot)
        before = list(board.query_one(Footer).query(FooterKey))
        assert before and any(key.key == "n" for key in before)
        await open_screen(pilot, "1", TodayScreen)
        await open_board(pilot)
        await settle(pilot)
        assert list(board.query_one(Footer).query(FooterKey)) == before  # the same widgets, not rebuilt
        board.query_one("#filter-input").focus()  # other keys in force: the footer follows
        await settle(pilot)
        assert list(board.query_one(Footer).query(FooterKey)) != before
