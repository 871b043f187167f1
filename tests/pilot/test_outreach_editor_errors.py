"""A ``$EDITOR`` that fails in any way: the draft survives, the user is told, and the log names the
error's type without quoting anything the user wrote."""

from __future__ import annotations

import logging

from textual.widgets import TextArea

from store.models import Draft
from tests.waiting import notifications
from tui.outreach.editor import DraftEditor


async def test_a_failing_external_editor_keeps_the_draft_and_logs_no_user_text(store, make_app, caplog):
    store.drafts.save(Draft(kind="check-in", channel="email", subject="Hello", body="Private words"))
    app = make_app(store)

    def broken(app_, path):
        raise RuntimeError("Private words")  # an error whose message quotes the draft

    app.editor_runner = broken
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("5", "e")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, DraftEditor)
        with caplog.at_level(logging.WARNING, logger="rebound"):
            await pilot.press("ctrl+e")
            await pilot.pause()
        assert app.is_running and app.screen is editor
        assert editor.query_one("#ed-body", TextArea).text == "Private words"
        assert any("Couldn't run your editor" in n.message for n in notifications(app))
    records = [r for r in caplog.records if r.name == "rebound"]
    assert any("RuntimeError" in r.getMessage() for r in records)
    assert not any("Private" in r.getMessage() or r.exc_info for r in records)
