"""Number fields take numbers only, everywhere: the reframe's 0-100 ratings ("believe it now" no
longer takes letters and reports "not measured"), the settings' floor, goal, quiet days and cool-off,
the board's excitement and round. A refused key is said out loud, once, with what the field takes."""

from __future__ import annotations

from textual.widgets import Input

from tests.screens import open_board, open_journal, today_ready
from tests.waiting import notified, settle, type_text
from tui.board.forms import ApplicationForm
from tui.journal.wizard import ReframeWizard
from tui.settings.actions import INT_FIELDS
from tui.settings.screen import SettingsScreen


async def refused_then_taken(pilot, box: Input, letters: str, digits: str) -> None:
    """``letters`` typed into ``box`` leave it as it was, with one toast; ``digits`` go in."""
    box.value = ""
    box.focus()
    await settle(pilot)
    pilot.app.clear_notifications()
    await type_text(pilot, letters)
    await settle(pilot)
    assert box.value == ""
    toasts = notified(pilot.app, title="Numbers only")
    assert len(toasts) == 1 and "digits only" in toasts[0]  # once, however many keys were refused
    await type_text(pilot, digits)
    assert box.value == digits


async def test_the_reframes_ratings_take_numbers_only(store, make_app):
    app = make_app(store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_journal(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("4")  # guided reframe
        await settle(pilot)
        wiz = app.screen
        assert isinstance(wiz, ReframeWizard)
        for step, box_id in ((3, "#thought-belief"), (6, "#balanced-belief"), (7, "#hot-after")):
            while wiz.step < step:
                await pilot.press("pagedown")
                await settle(pilot)
            await refused_then_taken(pilot, wiz.query_one(box_id, Input), "seventy", "70")
        await type_text(pilot, "%")  # "70%" reads as 70, as before
        assert wiz.query_one("#hot-after", Input).value == "70%"
        await type_text(pilot, "²٣")  # digits that are not 0-9 are refused too
        assert wiz.query_one("#hot-after", Input).value == "70%"


async def test_the_settings_numbers_take_numbers_only(store, make_app):
    app = make_app(store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await today_ready(pilot)
        await pilot.press("comma")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        for field in INT_FIELDS:
            box = screen.query_one(f"#f-{field.key}", Input)
            assert (getattr(box, "lo", None), getattr(box, "hi", None)) == (field.lo, field.hi)
        await refused_then_taken(pilot, screen.query_one("#f-pipeline_floor", Input), "lots", "12")


async def test_the_board_forms_numbers_take_numbers_only(store, make_app):
    app = make_app(store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_board(pilot)
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, ApplicationForm)
        await refused_then_taken(pilot, form.query_one("#f-excitement", Input), "high", "4")
        form.query_one("#f-excitement", Input).value = ""
        await type_text(pilot, "9")  # 1 to 5 only
        assert form.query_one("#f-excitement", Input).value == ""
        await refused_then_taken(pilot, form.query_one("#f-round_number", Input), "final", "3")
