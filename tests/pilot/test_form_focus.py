"""Opening a form focuses its first field directly (issue 16): Textual's auto focus would first
give the focus to the scroll box, restyling every field in it on focus and again on blur."""

from __future__ import annotations

from tests.screens import open_board, open_contacts
from tests.screens import today_ready as ready
from tests.waiting import focused_id, until
from tui.board.forms import ApplicationForm
from tui.contacts.form import ContactForm


def _spy(monkeypatch, screen_type) -> list[str | None]:
    seen: list[str | None] = []
    real = screen_type.set_focus

    def set_focus(self, widget, *args, **kwargs):
        seen.append(getattr(widget, "id", None))
        return real(self, widget, *args, **kwargs)

    monkeypatch.setattr(screen_type, "set_focus", set_focus)
    return seen


async def test_the_new_application_form_focuses_company_and_nothing_before(store, make_app, monkeypatch):
    seen = _spy(monkeypatch, ApplicationForm)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await open_board(pilot)
        await pilot.press("n")
        await until(pilot, lambda: focused_id(app) == "f-company", what="the company field focused")
        assert set(seen) == {"f-company"}


async def test_the_contact_form_focuses_the_first_name_and_nothing_before(store, make_app, monkeypatch):
    seen = _spy(monkeypatch, ContactForm)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_contacts(pilot)
        await pilot.press("n")
        await until(pilot, lambda: focused_id(app) == "f-first_name", what="the first name focused")
        assert set(seen) == {"f-first_name"}
