"""Board flows that go through the details and sweep modals (typed verbs, no string dispatch), the
palette with hostile company names, and the crash where details was dismissed twice."""

from __future__ import annotations

from store.models import Application
from tests.screens import open_board
from tests.waiting import notifications, palette_prompts
from tui.board.details import DetailsScreen
from tui.board.forms import CloseDialog
from tui.board.sweep import SweepScreen
from tui.dialogs import ConfirmDialog

SIZE = (80, 24)


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
        assert any(n.message == "Deleted. u puts it back." for n in notifications(app))
    assert app.return_code in (None, 0)


async def test_sweep_advancing_an_offer_last_asks_then_ends_the_sweep(store, make_app):
    """The sweep's last card is an Offer: advancing asks how it ended; closing it ends the sweep once
    (the sweep used to dismiss itself from under the close dialog). ``L`` advances, as on the board."""
    offer = store.applications.add(Application(company="Offer Co", role="Lead", stage="offer",
                                               next_action="Answer them", next_action_date="2026-02-27"))
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        scr = await open_board(pilot)
        await pilot.press("S")
        await pilot.pause()
        assert isinstance(app.screen, SweepScreen) and app.screen.ids == [offer.id]
        await pilot.press("L")
        await pilot.pause()
        assert isinstance(app.screen, CloseDialog)
        await pilot.press("enter")  # the preset outcome (accepted): to the reason field
        await pilot.press("enter")  # and close
        await pilot.pause()
        await pilot.pause()
        assert app.is_running
        assert app.screen is scr
        got = store.applications.get(offer.id)
        assert got.stage == "closed" and got.outcome == "accepted"
        sweep_notes = [n.message for n in notifications(app) if n.title == "Sweep"]
        assert sweep_notes == ["Sweep done: 1 advanced."]


async def test_details_L_on_an_offer_asks_and_stays_open(store, make_app):
    offer = store.applications.add(Application(company="Offer Co", role="Lead", stage="offer"))
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        scr = await open_board(pilot)
        scr.kanban.select("offer", 0)
        await pilot.press("enter")
        await pilot.pause()
        details = app.screen
        assert isinstance(details, DetailsScreen)
        await pilot.press("L")
        await pilot.pause()
        assert isinstance(app.screen, CloseDialog)
        await pilot.press("escape")  # changed my mind: nothing changes, details stay
        await pilot.pause()
        assert app.screen is details and store.applications.get(offer.id).stage == "offer"
        await pilot.press("L")
        await pilot.pause()
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert app.screen is details
        assert "Closed ✓ accepted" in str(details.query_one("#details-text").render())
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is scr and scr.kanban.cards("closed")[0].id == offer.id


# ----------------------------------------------------------------------------- the palette, hostile names

EVIL = ["[/]", "[@click=app.quit]x[/]"]


async def _palette_texts(pilot, query: str) -> list[str]:
    """The palette's hits for ``query``, as shown (the title line, then the help)."""
    return [prompt.plain for prompt in await palette_prompts(pilot, query)]


async def test_palette_shows_hostile_company_names_literally_and_goes_there(store, make_app):
    evil = {name: store.applications.add(Application(company=name, role="Dev", stage="applied"))
            for name in EVIL}
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        scr = await open_board(pilot)
        for name in EVIL:
            texts = await _palette_texts(pilot, name)
            assert f"Go to application: {name} — Dev\nApplied" in texts, (name, texts)
            await pilot.press("escape")
            await pilot.pause()
        # choose the one that would quit the app if it were markup
        texts = await _palette_texts(pilot, "click")
        wanted = "Go to application: [@click=app.quit]x[/] — Dev\nApplied"
        assert wanted in texts
        for _ in range(texts.index(wanted) + 1):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, DetailsScreen)
        assert app.screen.application_id == evil["[@click=app.quit]x[/]"].id
        # from the details view (a modal over the board) the same search answers, once per card
        texts = await _palette_texts(pilot, "[/]")
        assert texts.count("Go to application: [/] — Dev\nApplied") == 1, texts
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and scr.kanban.current_card.id == evil["[@click=app.quit]x[/]"].id


async def test_palette_from_another_screen_with_hostile_names_and_stage(store, make_app):
    """Off the board the app's provider answers; a hand-edited stage never reaches the hit's help
    (Textual reads a hit's help as markup)."""
    odd = store.applications.add(Application(company="[@click=app.quit]x[/]", role="Dev", stage="applied"))
    store.applications.add(Application(company="[/]", role="Ops", stage="screening"))
    raw = store.applications.get(odd.id)
    raw.stage = "[/]"  # a hand edit: not a stage Rebound knows
    store.applications.save(raw)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")  # the journal
        await pilot.pause()
        texts = await _palette_texts(pilot, "[")
        assert any("Go to application: [@click=app.quit]x[/] — Dev" in t for t in texts), texts
        assert any("Go to application: [/] — Ops" in t and "Screening" in t for t in texts), texts
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running
