"""A terminal too small to draw in (a narrow tmux split) gets a one-line cover, not a crash; the
screens and a half-typed form come back as they were when it grows."""

from __future__ import annotations

import pytest

from tests.waiting import capture_exit_report
from tui.shell.small import TooSmallScreen


@pytest.mark.parametrize("size", [(10, 4), (10, 24), (80, 4), (1, 1)])
async def test_tiny_terminal_shows_the_cover_and_survives_keys(make_app, demo_store, size):
    app = make_app(demo_store)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        for key in ["2", "n", "enter", "3", "n", "question_mark", "ctrl+p", "comma", "escape", "5", "e", "tab"]:
            await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        assert app.is_running


async def test_growing_again_restores_what_was_open(make_app, demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        await pilot.press("A", "c", "m", "e")
        await pilot.resize_terminal(10, 4)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.screen is form
        assert "Acme" in str(form.query_one("#f-company").value)


async def test_an_unexpected_error_is_one_line_without_locals(make_app, demo_store, monkeypatch):
    """Textual's default crash report prints a traceback with locals (the person's text)."""
    from textual.widgets import Static

    app = make_app(demo_store)
    secret = "a line from my journal"
    shown = capture_exit_report(app, monkeypatch)

    def explode() -> None:
        words = secret  # noqa: F841 - a local a traceback with locals would print
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        async with app.run_test(size=(80, 24)) as pilot:
            app.query_one(Static).call_later(explode)
            await pilot.pause()
    assert shown and "unexpected error" in shown[0]
    assert secret not in " ".join(shown) and "Traceback" not in " ".join(shown)
