"""Board flows that go through the details and sweep modals (typed verbs, no string dispatch), the
palette with hostile company names, and the crash where details was dismissed twice."""

from __future__ import annotations

from textual.command import CommandList

from store.models import Application
from tui.board.details import DetailsScreen
from tui.board.screen import BoardScreen
from tui.dialogs import ConfirmDialog

SIZE = (80, 24)


async def open_board(pilot) -> BoardScreen:
    await pilot.press("2")
    await pilot.pause()
    assert isinstance(pilot.app.screen, BoardScreen)
    return pilot.app.screen


async def test_delete_from_details_goes_back_to_the_board(store, make_app):
    """Issue 17 item 3: enter, d, y raised ScreenStackError (details dismissed twice)."""
    keep = store.applications.add(Application(company="Keep", role="x", stage="applied"))
    gone = store.applications.add(Application(company="Gone", role="y", stage="applied", excitement=5))
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        scr = await open_board(pilot)
        scr.kanban.select("applied", 0)
        assert scr.kanban.current_card.id == gone.id
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailsScreen)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        await pilot.pause()
        assert app.is_running
        assert app.screen is scr
        assert store.applications.get(gone.id) is None
        assert scr.kanban.current_card.id == keep.id
        assert any(n.message == "Deleted." for n in app._notifications)
    assert app.return_code in (None, 0)
