"""The interview date and time on the board: typed in the form (read back as you type, a bad value
refused with nothing lost), saved, shown in the details and on a Screening/Interviewing card."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input

from store.models import Application
from tests.pilot.test_board import board, kanban_text, open_board, type_text
from tui.board.cards import upcoming_interview
from tui.board.details import DetailsScreen, details_content
from tui.board.forms import ApplicationForm
from tui.board.screen import BoardScreen

TODAY = date(2026, 3, 2)


async def test_type_an_interview_in_the_form_and_save_it(store, make_app):
    [saved] = [store.applications.save(Application(company="Acme", role="Dev", stage="interviewing"))]
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_board(pilot)
        await pilot.press("l", "l", "l", "e")  # Interviewing, edit the card
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ApplicationForm)
        field = form.query_one("#f-interview_at", Input)
        field.focus()
        await type_text(pilot, "fri 25:00")
        await pilot.pause()
        hint = form.query_one("#hint-interview_at")
        assert "not a time of day" in str(hint.render()) and hint.has_class("-error")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # refused: the form stays, what was typed stays
        assert field.value == "fri 25:00" and app.focused is field
        assert "interview at" in str(form.query_one("#form-error").render())
        assert store.applications.get(saved.id).interview_at is None
        field.value = ""
        await type_text(pilot, "2026-03-05 10:30")
        await pilot.pause()
        assert "→ Thu 5 Mar 2026, 10:30" in str(hint.render()) and not hint.has_class("-error")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
        assert store.applications.get(saved.id).interview_at == "2026-03-05T10:30"
        assert "iv 5 Mar 10:30" in kanban_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailsScreen)
        assert "Thu 5 Mar 2026, 10:30" in str(app.screen.query_one("#details-text").render())
        await pilot.press("escape", "e")  # editing again shows what is stored, and clearing removes it
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ApplicationForm)
        assert form.query_one("#f-interview_at", Input).value == "2026-03-05 10:30"
        form.query_one("#f-interview_at", Input).value = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.applications.get(saved.id).interview_at is None
        assert board(app).kanban.current_card.id == saved.id


def test_a_card_shows_only_an_upcoming_interview_of_screening_or_interviewing():
    a = Application(company="A", role="R", stage="screening", interview_at="2026-03-03T09:00")
    assert upcoming_interview(a, TODAY) == "iv tomorrow 09:00"
    a.interview_at = "2026-03-02"
    assert upcoming_interview(a, TODAY) == "iv today"
    a.interview_at = "2026-03-01T09:00"
    assert upcoming_interview(a, TODAY) == ""  # past
    a.interview_at, a.stage = "2026-03-10T09:00", "applied"
    assert upcoming_interview(a, TODAY) == ""
    a.stage = "interviewing"
    assert upcoming_interview(a, TODAY) == "iv 10 Mar 09:00"


def test_details_show_the_interview_only_when_set():
    a = Application(company="A", role="R", stage="interviewing")
    assert "Interview " not in str(details_content(a, TODAY, 14))
    a.interview_at = "2026-03-05"
    assert "Thu 5 Mar 2026" in str(details_content(a, TODAY, 14))
