"""The test helpers themselves (tests/waiting.py and the harness): typing, pasting, waiting for a
condition, finding screens, reading notifications and what is painted."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Input, Static

from tests import waiting
from tests.harness import MessageLog, mounted, unsafe_characters


class Second(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Static("second screen", id="second-text")


class Later(App[None]):
    """Shows its text a moment after mounting, like a screen that reads its data after painting."""

    def __init__(self) -> None:
        super().__init__()
        self.ready = False

    def compose(self) -> ComposeResult:
        yield Input(id="line")
        yield Static("", id="text")

    def on_mount(self) -> None:
        self.set_timer(0.05, self.show)

    def show(self) -> None:
        self.ready = True
        self.query_one("#text", Static).update("ready now")


async def test_type_text_types_spaces_and_punctuation_and_paste_delivers_anything():
    async with mounted(Input(), size=(60, 3)) as h:
        await waiting.type_text(h.pilot, "Hi, it's me? Yes. [b]{x}")
        assert h.widget.value == "Hi, it's me? Yes. [b]{x}"
        h.widget.value = ""
        await waiting.paste(h.pilot, h.widget, "[/] pasted\tline")
        assert h.widget.value.startswith("[/] pasted")


async def test_until_waits_for_a_condition_and_fails_clearly():
    app = Later()
    async with app.run_test(size=(40, 6)) as pilot:
        await waiting.until(pilot, lambda: app.ready, what="the text")
        assert waiting.rendered(app.query_one("#text", Static)) == "ready now"
        assert "ready now" in waiting.screen_text(app)
        with pytest.raises(AssertionError, match="timed out after 0.05s waiting for never"):
            await waiting.until(pilot, lambda: False, timeout=0.05, what="never")


async def test_focus_screens_and_notifications():
    app = Later()
    async with app.run_test(size=(40, 6), notifications=True) as pilot:
        assert waiting.focused_id(app) == "line"
        app.notify("Saved [b]x[/b]", title="Board", markup=False)
        app.notify("Other")
        await waiting.settle(pilot)
        assert waiting.notified(app) == ["Saved [b]x[/b]", "Other"]
        assert waiting.notified(app, title="Board") == ["Saved [b]x[/b]"]
        assert [n.title for n in waiting.notifications(app)] == ["Board", ""]
        app.push_screen(Second())
        second = await waiting.until_screen(pilot, Second)
        assert waiting.screen_of(app, Second) is second and waiting.focused_id(app) is None
        assert waiting.text_of(second.query_one("#second-text")).startswith("second screen")
        assert waiting.lines_of(second.query_one("#second-text"))[0].startswith("second screen")
        with pytest.raises(AssertionError, match="no Later"):
            waiting.screen_of(app, type("Later", (Screen,), {}))
        await waiting.press(pilot, "escape")


def test_the_message_log_counts_a_bubbling_message_once():
    log = MessageLog()
    message = Input.Changed(Input(), "x")
    for _pump in range(3):
        log.record(message)
    assert log.messages == [message]
    log.clear()
    log.record(message)
    assert log.messages == []


def test_unsafe_characters_are_controls_and_bidi_overrides_only():
    assert unsafe_characters("a\x1b[0m\x07\u202e\u2066b\x9b") == ["\x1b", "\x07", "\u202e", "\u2066", "\x9b"]
    assert unsafe_characters("emoji 🎉👩\u200d💻 日本 [/] \\") == []


class Busy(App[None]):
    """An app that can be given a timer or a thread worker to finish."""

    def __init__(self) -> None:
        super().__init__()
        import threading

        self.release = threading.Event()
        self.fired = False

    def compose(self) -> ComposeResult:
        yield Static("busy", id="text")

    def fire(self) -> None:
        self.fired = True


async def settled() -> None:
    """What the next tests start from: nothing due. On a loaded machine the app's own start-up work can
    still be queued after a pause, so this waits for it (in small steps, a few seconds at most)."""
    import asyncio

    for _ in range(500):
        if await waiting.nothing_due():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the app never became idle")


async def test_an_idle_wait_ends_at_once_only_when_nothing_is_due():
    # tests/waiting.py's nothing_due: no ready callback, no timer due within the quiet span, no worker running
    app = Busy()
    async with app.run_test(size=(40, 6)) as pilot:
        await pilot.pause()
        await settled()
        app.set_timer(waiting.QUIET_SPAN / 2, app.fire)  # a timer due within the span: not idle yet
        assert not await waiting.nothing_due()
        await pilot.pause()  # waits through it (the quiet looks see the timer's turn)
        assert app.fired
        app.set_timer(10, app.fire)  # a timer far away doesn't keep the app busy
        assert await waiting.nothing_due()
        worker = app.run_worker(app.release.wait, thread=True)  # a thread works off the event loop
        try:
            assert not await waiting.nothing_due()
        finally:
            app.release.set()  # the app can't end while its thread waits
        await worker.wait()
        await pilot.pause()
        assert await waiting.nothing_due()


async def test_a_wait_on_an_idle_app_takes_no_look(monkeypatch):
    # with nothing due, wait_for_idle returns before its first look (a look here would last a minute)
    import asyncio

    app = Busy()
    async with app.run_test(size=(40, 6)) as pilot:
        await pilot.pause()
        await settled()
        monkeypatch.setattr(waiting, "IDLE_LOOK", 60.0)
        await asyncio.wait_for(waiting.wait_for_idle(0), timeout=waiting.TIMEOUT)


async def test_nothing_is_due_outside_a_running_app():
    assert not await waiting.nothing_due()


def test_shared_css_parses_are_keyed_by_the_theme_variables():
    # tests/waiting.py's share_parsed_css (on for every test): the same CSS under other variables is parsed
    # again, and each parse is exactly the one Textual makes without the shared table
    from textual.css.parse import parse
    from textual.css.stylesheet import Stylesheet
    from textual.css.tokenize import tokenize_values

    css = "Static { color: $accent; background: $panel; }"
    shown = []
    for variables in ({"accent": "red", "panel": "blue"}, {"accent": "green", "panel": "black"}):
        sheet = Stylesheet(variables=variables)
        sheet.add_source(css, read_from=("", "waiting-test"))
        sheet.parse()
        fresh = list(parse("", css, ("", "waiting-test"), variable_tokens=tokenize_values(variables)))
        assert sheet.css == "\n\n".join(rule.css for rule in fresh)
        shown.append(sheet.css)
    assert shown[0] != shown[1]
    assert "#FF0000" in shown[0] and "#008000" in shown[1]
