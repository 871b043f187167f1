"""Every wait a test does, and the only module that may touch Textual's private attributes.

Pilot tests and widget tests wait for the app with these helpers instead of ad-hoc loops of
``pilot.pause()``; none of them sleeps as synchronisation: :func:`until` polls a condition and fails
with a clear message after ``timeout`` seconds.

Textual keeps a few things tests need behind private names (the notifications, what the compositor
would send to the terminal). They are read here and nowhere else, so a Textual upgrade that renames
them breaks one file.
"""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Callable
from typing import Any, TypeVar

from textual import events
from textual.app import App
from textual.keys import _character_to_key, _get_unicode_name_from_key
from textual.notifications import Notification
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget

S = TypeVar("S", bound=Screen)

#: How long :func:`until` waits by default. Generous: two cores are shared by a whole team.
TIMEOUT = 10.0


# --------------------------------------------------------------------------- waiting


async def settle(pilot: Pilot[Any]) -> None:
    """Wait until the app is quiet: messages handled, workers finished, animations done, repainted."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


async def until(pilot: Pilot[Any], predicate: Callable[[], object], timeout: float = TIMEOUT,
                what: str = "") -> None:
    """Let the app run until ``predicate()`` is true; fail after ``timeout`` seconds.

    For things that happen "a moment later" (a screen that reads its data after its first paint,
    a palette searching in a worker). ``what`` names the condition in the failure message."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:g}s waiting for {what or repr(predicate)}")
        await pilot.pause(0.01)
    await pilot.pause()


async def until_screen(pilot: Pilot[Any], screen_type: type[S], timeout: float = TIMEOUT) -> S:
    """Wait until the active screen is a ``screen_type`` and return it."""
    await until(pilot, lambda: isinstance(pilot.app.screen, screen_type), timeout,
                what=f"the {screen_type.__name__} screen")
    screen = pilot.app.screen
    assert isinstance(screen, screen_type)
    return screen


async def press(pilot: Pilot[Any], *keys: str) -> None:
    """Press keys, then :func:`settle`."""
    await pilot.press(*keys)
    await settle(pilot)


async def type_text(pilot: Pilot[Any], text: str) -> None:
    """Type ``text`` key by key into the focused widget (spaces and punctuation included)."""
    await pilot.press(*text)
    await pilot.pause()


def key_event(key: str) -> events.Key:
    """The Key event a terminal sends for ``key`` (a character or a key name, as in ``pilot.press``)."""
    name = _character_to_key(key) if len(key) == 1 and not key.isalnum() else key
    try:
        char: str | None = unicodedata.lookup(_get_unicode_name_from_key(name))
    except KeyError:
        char = key if len(key) == 1 else None
    return events.Key(name, char)


async def burst(pilot: Pilot[Any], *keys: str | events.Paste) -> None:
    """Deliver ``keys`` (and pastes) the way a laggy SSH link does: all in the app's queue at once,
    none waiting for the one before to be handled. Then wait until every one of them is handled
    (the app's key queue, when it has one, is empty)."""
    app = pilot.app
    for key in keys:
        event = key if isinstance(key, events.Paste) else key_event(key)
        event.set_sender(app)
        app.post_message(event)
    await settle(pilot)
    await until(pilot, lambda: not getattr(app, "keys_pending", 0), what="the typed keys to be delivered")
    await settle(pilot)


async def paste(pilot: Pilot[Any], widget: Widget, text: str) -> None:
    """What a terminal delivers on a paste (bracketed paste: one event, any characters)."""
    widget.post_message(events.Paste(text))
    await pilot.pause()


# --------------------------------------------------------------------------- looking


def focused_id(app: App[Any]) -> str | None:
    """The id of the focused widget (None when nothing has focus or it has no id)."""
    return app.focused.id if app.focused is not None else None


def screen_of(app: App[Any], screen_type: type[S], mode: str | None = None) -> S:
    """The ``screen_type`` in the current mode's stack (or ``mode``'s), topmost first."""
    stack = app.get_screen_stack(mode) if mode is not None else app.screen_stack
    for screen in reversed(stack):
        if isinstance(screen, screen_type):
            return screen
    raise AssertionError(f"no {screen_type.__name__} in the {mode or app.current_mode!r} stack")


def crash_of(app: App[Any]) -> BaseException | None:
    """The exception that stopped the app (None while it runs, or when it quit cleanly)."""
    return app._exception


def notifications(app: App[Any]) -> list[Notification]:
    """The toasts currently shown (the app must run with ``run_test(notifications=True)``)."""
    return list(app._notifications)


def notified(app: App[Any], *, title: str | None = None) -> list[str]:
    """The messages of the toasts currently shown (only those with ``title``, when given)."""
    return [n.message for n in notifications(app) if title is None or n.title == title]


def lines_of(widget: Widget) -> list[str]:
    """What a widget draws, one string per line of its content (line-API widgets included)."""
    return [widget.render_line(y).text for y in range(widget.size.height)]


def text_of(widget: Widget) -> str:
    """What a widget draws, as plain text with one line per row."""
    return "\n".join(lines_of(widget))


def rendered(widget: Widget) -> str:
    """The plain text of a widget's ``render()`` (a Static's content, whatever its size)."""
    return str(widget.render())


def screen_lines(app: App[Any]) -> list[str]:
    """Exactly what the compositor would paint on the terminal, one string per row."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def screen_text(app: App[Any]) -> str:
    return "\n".join(screen_lines(app))

