"""A tiny App that mounts one widget alone, for widget tests that need no store and no screens.

    async with mounted(Kanban(COLUMNS)) as h:
        h.widget.set_cards("applied", cards)
        await h.press("j")
        assert h.posted(Kanban.CursorMoved)[-1].card_id == "b"
        assert "Acme" in h.text()

:class:`Harness.posted` lists the messages the widget posted (seen through ``run_test``'s public
``message_hook``), oldest first. Waits go through :mod:`tests.waiting`.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Generic, TypeVar

from textual.app import App, ComposeResult
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.message import Message
from textual.pilot import Pilot
from textual.widget import Widget

from tests import waiting
from tests.hostile import HOSTILE

W = TypeVar("W", bound=Widget)
M = TypeVar("M", bound=Message)

SIZE = (80, 24)


class HarnessApp(App[None]):
    """Mounts the given widgets, nothing else."""

    CSS = "Screen { layout: vertical; }"

    def __init__(self, *widgets: Widget) -> None:
        super().__init__()
        self._widgets = widgets

    def compose(self) -> ComposeResult:
        yield from self._widgets


class MessageLog:
    """Every message seen by any pump, once each, in order (a bubbling message reaches several)."""

    def __init__(self) -> None:
        self._all: list[Message] = []  # kept alive, so no id is reused while we remember it
        self._seen: set[int] = set()
        self._start = 0

    def record(self, message: Message) -> None:
        if id(message) not in self._seen:
            self._seen.add(id(message))
            self._all.append(message)

    @property
    def messages(self) -> list[Message]:
        return self._all[self._start:]

    def clear(self) -> None:
        self._start = len(self._all)


class Harness(Generic[W]):
    """A running :class:`HarnessApp` around ``widget``."""

    def __init__(self, app: HarnessApp, pilot: Pilot[None], widget: W, log: MessageLog) -> None:
        self.app = app
        self.pilot = pilot
        self.widget = widget
        self.log = log

    def posted(self, message_type: type[M]) -> list[M]:
        """Messages of ``message_type`` seen so far (the harness holds nothing else that posts them),
        oldest first."""
        return [m for m in self.log.messages if isinstance(m, message_type)]

    def forget(self) -> None:
        """Drop the messages seen so far (say, those posted while mounting)."""
        self.log.clear()

    async def press(self, *keys: str) -> None:
        """Press keys and let the widget repaint (a lone widget has no workers to wait for)."""
        await self.pilot.press(*keys)
        await self.pilot.pause()

    async def settle(self) -> None:
        """Let the widget take in a change made from code and repaint (one idle wait: a lone widget
        has no workers or animations to wait for)."""
        await self.pilot.pause()

    def lines(self) -> list[str]:
        """What the terminal would show, one string per row."""
        return waiting.screen_lines(self.app)

    def text(self) -> str:
        return "\n".join(self.lines())

    @staticmethod
    def layouts_asked(widget: Widget) -> int:
        """How many times ``widget`` has asked Textual for a layout pass of its screen."""
        return widget._layout_updates


def parse_rules(sheet: Stylesheet, css: str, where: tuple[str, str], *, default: bool = False,
                tie_breaker: int = 0) -> list[RuleSet]:
    """Textual's parse of one stylesheet source (``Stylesheet._parse_rules``, what
    :mod:`tui.shell.css_cache` stands in front of)."""
    return sheet._parse_rules(css, where, is_default_rules=default, tie_breaker=tie_breaker)


@asynccontextmanager
async def mounted(widget: W, *, size: tuple[int, int] = SIZE, focus: bool = True,
                  extra: tuple[Widget, ...] = ()) -> AsyncIterator[Harness[W]]:
    """Run a :class:`HarnessApp` with ``widget`` (and ``extra`` widgets after it), focused."""
    log = MessageLog()
    app = HarnessApp(widget, *extra)
    async with app.run_test(size=size, message_hook=log.record) as pilot:
        if focus and widget.focusable:
            widget.focus()
        await pilot.pause()
        yield Harness(app, pilot, widget, log)


def unsafe_characters(text: str) -> list[str]:
    """Characters user text must never bring to the terminal: C0/C1 controls (every escape
    sequence starts with one), DEL, and bidi embeddings, overrides and isolates."""
    return [ch for ch in text if _unsafe(ch)]


def _unsafe(ch: str) -> bool:
    o = ord(ch)
    return o < 0x20 or 0x7F <= o <= 0x9F or 0x202A <= o <= 0x202E or 0x2066 <= o <= 0x2069



# --------------------------------------------------------------------------- hostile text

_BREAK = re.compile("[\\s\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def has_controls(text: str) -> bool:
    return bool(unsafe_characters(text))


#: The hostile strings that are only markup, backslashes, wide characters or length.
MARKUP_HOSTILE = [s for s in HOSTILE if not has_controls(s)]
#: The hostile strings holding escape sequences, other control characters or bidi overrides.
CONTROL_HOSTILE = [s for s in HOSTILE if has_controls(s)]


def assert_shown_literally(shown: str | Sequence[str], hostile: str, width: int = 24) -> None:
    """``hostile`` reached the terminal as text: no control character or bidi override came
    through, markup was not parsed (its brackets are there, as typed), and the words before the
    first control character (at most ``width`` characters of them) are visible. ``shown`` is one
    painted row, or several (then the words may be on any of them)."""
    rows = [shown] if isinstance(shown, str) else list(shown)
    bad = [ch for row in rows for ch in unsafe_characters(row)]
    assert not bad, f"control characters reach the terminal: {sorted(set(bad))!r}"
    head = _BREAK.split(hostile, maxsplit=1)[0] if has_controls(hostile) else hostile
    head = head[:width]
    assert any(head in row for row in rows), f"{head!r} is not shown literally"
