"""The board at 80x24: the list view (every stage, whole roles; `v`, remembered in the settings),
the help explaining a card's R3 and "by 11 Mar", and a filter whose only match is in another
column putting the cursor on it."""

from __future__ import annotations

from collections import Counter

from textual.widgets import Static

from store.dates import short_date
from tests.screens import board, open_board
from tests.waiting import screen_lines, settle, type_text
from tui.board.details import DetailsScreen
from tui.shell.help import HelpScreen


async def test_v_shows_the_pipeline_as_a_list_and_it_is_remembered(demo_store, make_app):
    long_role = max((a for a in demo_store.applications.all() if a.stage != "wishlist"), key=lambda a: len(a.role))
    assert len(long_role.role) > 16
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_board(pilot)
        assert len(screen.kanban.visible_columns()) == 4  # the columns: four of six at 80
        await pilot.press("v")
        await settle(pilot)
        kanban = screen.kanban
        assert kanban.list_view
        lines = screen_lines(app)
        stages = next(line for line in lines if "Wishlist" in line and "Closed" in line)
        assert all(word in stages for word in ("Applied", "Screening", "Interviewing", "Offer"))
        assert demo_store.settings.current().board_view == "list"
        # j runs through the stages; the role shows whole; enter opens the card under the cursor
        while kanban.current_card is None or kanban.current_card.id != long_role.id:
            before = (kanban.current_column, kanban.current_index)
            await pilot.press("j")
            assert (kanban.current_column, kanban.current_index) != before, "j stopped before the card"
        row = next(line for line in screen_lines(app) if line.startswith("▌"))
        assert long_role.role in row and long_role.company in row
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DetailsScreen)
    again = make_app(demo_store)
    async with again.run_test(size=(80, 24)) as pilot:
        screen = await open_board(pilot)
        assert screen.kanban.list_view
        await pilot.press("v")
        await settle(pilot)
        assert not screen.kanban.list_view and demo_store.settings.current().board_view == "cards"


async def test_board_help_explains_the_round_and_the_deadline_on_cards(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_board(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(str(app.screen.query_one("#help-text", Static).render()).split())
        assert "R3 before the role: the interview round" in text
        deadline = short_date("2026-03-11")
        assert deadline == "11 Mar" and f"deadline to apply (by {deadline})" in text
        assert "v shows the pipeline as a list" in text


async def test_a_filter_with_its_match_in_another_column_puts_the_cursor_on_it(demo_store, make_app):
    companies = Counter(a.company for a in demo_store.applications.all())
    target = next(a for a in demo_store.applications.all()
                  if a.stage in ("screening", "interviewing", "offer") and companies[a.company] == 1)
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_board(pilot)
        assert screen.kanban.current_column == "wishlist"
        await pilot.press("slash")
        await type_text(pilot, target.company)
        await settle(pilot)
        kanban = board(app).kanban
        assert kanban.current_column == target.stage and kanban.current_card.id == target.id
        assert target.stage in kanban.visible_columns()
        await pilot.press("enter")  # leaves the filter box for the board, on the match
        await settle(pilot)
        assert kanban.has_focus and kanban.current_card.id == target.id
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DetailsScreen) and app.screen.application_id == target.id
