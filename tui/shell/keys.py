"""Typing that arrives faster than the screen can follow still lands where it was typed for.

Textual decides where a key goes the moment the app takes it from its queue: it forwards it to the
widget focused *then*. A key's own effect (a binding that opens a form, a Tab that moves focus, ``/``
that opens a search box) happens later, when the key has travelled up the DOM back to the app. So
keys that arrive in one read (laggy SSH, a paste without bracketed paste, a fast typist) are all
forwarded to the old focus before the first one has done anything: "n" + "Acme" lands on the board
(the ``e`` edits a card) instead of in the new form, and "Acme<Tab>Engineer" fills one field.

:class:`TypingQueue` lets one key or paste through at a time. The next one waits until the last
has finished its journey and what it set in motion has settled:

1. *a lap*: a callback follows the key up its route (focused widget → … → screen → app), posted to
   each node's queue after the node has handled the key, so it reaches the app after the key's
   bindings and handlers ran;
2. a second lap, which also covers the messages those handlers posted (``Input.Changed``,
   ``Input.Submitted``) and the focus requests they queued on the app (``Widget.focus`` is deferred);
3. while the screen or the focus is still changing, more laps along the new focus: through the new
   screen's queue (its compose, mount and resume, where forms set focus), the app's, and after a
   screen change one ``call_after_refresh`` (the new screen painted; callbacks queued before ours ran).

Then the next held event is dispatched, exactly as the app would have. No frame is waited for when
nothing changed, so ordinary typing is not slowed by more than a few queue hops. A key whose journey
never ends (a node closed mid-way) holds the others for at most :data:`WATCHDOG` seconds.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from textual import events
from textual.actions import ActionParseResult
from textual.app import App, ModeError, ScreenError
from textual.dom import DOMNode
from textual.widgets import Input

if TYPE_CHECKING:
    from collections.abc import Mapping

    from textual.screen import Screen
    from textual.widget import Widget

log = logging.getLogger("rebound")


def _is_text_area(target: object) -> bool:
    """``isinstance(target, TextArea)`` without importing TextArea (~12 ms at start-up): until a screen
    with one has been imported, nothing can be one."""
    module = sys.modules.get("textual.widgets._text_area")
    return module is not None and isinstance(target, module.TextArea)

Typed = events.Key | events.Paste

#: Seconds one key may hold the ones behind it (a handler that never finished: late beats never).
WATCHDOG = 2.0
#: A text field's own actions that can move the focus elsewhere (a handler of Submitted may).
_LEAVES_FIELD = frozenset({"submit"})
#: A widget's own actions that move its cursor and nothing else (lists, tables, the board, scales).
_MOVES_IN_PLACE = frozenset({
    "cursor_up", "cursor_down", "cursor_left", "cursor_right", "cursor", "page_up", "page_down",
    "first", "last", "scroll_up", "scroll_down", "scroll_home", "scroll_end", "column", "card", "edge",
})
#: Laps after which a focus that keeps moving is taken as settled.
MAX_LAPS = 12


@dataclass
class _View:
    """Where typing would go now: the mode, its top screen, the focused widget."""

    mode: str
    screen: Screen[object]
    focused: Widget | None

    def same(self, other: _View) -> bool:
        return self.mode == other.mode and self.screen is other.screen and self.focused is other.focused


@dataclass
class _InFlight:
    event: Typed
    target: DOMNode
    view: _View
    laps: int = 0
    followed: bool = False
    watchdog: asyncio.TimerHandle | None = field(default=None, repr=False)


class TypingQueue:
    """Owned by the app; see the module docstring. ``dispatch`` is the app's own (unqueued) handling."""

    def __init__(self, app: App[object], dispatch: Callable[[events.Event], Awaitable[None]]) -> None:
        self._app = app
        self._dispatch = dispatch
        self._held: deque[Typed] = deque()
        self._current: _InFlight | None = None
        self._generation = 0

    @property
    def pending(self) -> int:
        """Keys and pastes not yet settled (the one in flight included)."""
        return len(self._held) + (self._current is not None)

    # -- the app's hooks

    def hold(self, event: events.Event) -> bool:
        """True when ``event`` must wait its turn: it is queued and dispatched later, in order."""
        if not isinstance(event, (events.Key, events.Paste)) or event.is_forwarded or not self._app.is_running:
            return False
        if self._current is not None or self._held:
            self._held.append(event)
            return True
        self._admit(event)
        return False

    def sent(self, event: events.Event) -> None:
        """The app has dispatched ``event`` (forwarded it to the focus): follow it. (A key that comes
        back to the app on its way up is the same event: it is followed once.)"""
        current = self._current
        if current is None or current.event is not event or current.followed:
            return
        current.followed = True
        if self._kept(event, current.target):
            self._settled()
        else:
            self._lap(self._generation, self._route(current.target), 0, refresh=False)

    def close(self) -> None:
        """The app is closing: nothing more to deliver."""
        self._held.clear()
        self._settled()

    # -- in flight

    def _kept(self, event: Typed, target: DOMNode) -> bool:
        """Did the focused widget keep ``event`` for itself: a character typed or pasted into a text
        field, one of the field's own editing keys, a list's own cursor key? Then it moved no focus,
        and the next key can follow at once: typing into a field or holding ``j`` in a list stays
        as fast as without the queue (a lap can wait for a repaint)."""
        if not event.is_forwarded:
            return False  # a priority binding took it at the app: that can open anything
        editable = isinstance(target, Input) or (_is_text_area(target) and not getattr(target, "read_only", True))
        if editable and (isinstance(event, events.Paste) or event.is_printable):
            return True
        if isinstance(event, events.Paste):
            return False
        bound = self._app.active_bindings.get(event.key)
        if bound is None or bound.node is not target:
            return False
        action = bound.binding.action.partition("(")[0]
        return action in _MOVES_IN_PLACE or (editable and action not in _LEAVES_FIELD)

    def _view(self) -> _View | None:
        app = self._app
        try:
            screen = app.screen
        except (ScreenError, ModeError):  # no screen yet or any more (starting, closing): nothing to wait for
            return None
        return _View(app.current_mode, screen, screen.focused)

    def _admit(self, event: Typed) -> bool:
        view = self._view()
        if view is None:
            return False
        target: DOMNode = view.focused or view.screen
        self._generation += 1
        current = _InFlight(event, target, view)
        current.watchdog = asyncio.get_running_loop().call_later(WATCHDOG, self._expire, self._generation)
        self._current = current
        return True

    def _route(self, target: DOMNode) -> list[DOMNode]:
        """The nodes a key sent to ``target`` passes on its way up, ending with the app."""
        nodes = target.ancestors_with_self
        if not nodes or nodes[-1] is not self._app:
            nodes.append(self._app)
        return nodes

    def _lap(self, generation: int, nodes: list[DOMNode], index: int, refresh: bool) -> None:
        """One step of a lap: wait for ``nodes[index]``'s queue, then go on to the next node."""
        if generation != self._generation:
            return
        while index < len(nodes):
            if nodes[index].call_later(self._lap, generation, nodes, index + 1, refresh):
                return
            index += 1  # that node has closed (removed with its screen): its parent is next
        if refresh and self._app.call_after_refresh(self._lap_done, generation):
            return
        self._lap_done(generation)

    def _lap_done(self, generation: int) -> None:
        current = self._current
        if current is None or generation != self._generation:
            return
        current.laps += 1
        view = self._view()
        if view is None:
            self._settled()
            return
        if view.same(current.view):
            if current.laps >= 2:
                self._settled()
            else:  # the second lap: what the key's handlers posted in turn
                self._lap(generation, self._route(current.target), 0, refresh=False)
            return
        if current.laps >= MAX_LAPS:
            log.warning("typed keys: the focus kept moving for %d laps; delivering the next key", MAX_LAPS)
            self._settled()
            return
        # the screen or the focus moved: follow the new focus until it holds still
        refresh = view.screen is not current.view.screen or view.mode != current.view.mode
        current.view = view
        self._lap(generation, self._route(view.focused or view.screen), 0, refresh=refresh)

    def _expire(self, generation: int) -> None:
        # runs from the event loop's timer, outside any message pump: hand it to the app's queue
        self._app.call_later(self._expired, generation)

    def _expired(self, generation: int) -> None:
        if self._current is not None and generation == self._generation:
            log.warning("typed keys: a key did not settle in %gs; delivering the next one", WATCHDOG)
            self._settled()

    def _settled(self) -> None:
        current, self._current = self._current, None
        self._generation += 1
        if current is not None and current.watchdog is not None:
            current.watchdog.cancel()
        if self._held:
            self._app.call_next(self._next)

    async def _next(self) -> None:
        if self._current is not None or not self._held:
            return
        event = self._held.popleft()
        if not self._admit(event):  # nowhere to deliver it any more (the app is closing)
            self._held.clear()
            return
        await self._dispatch(event)
        self.sent(event)



class TypingApp(App[Any]):
    """The app's side of the queue: a base of ReboundApp (cooperative: it only extends App's hooks)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._typing = TypingQueue(self, super().on_event)

    async def on_event(self, event: events.Event) -> None:
        if self._typing.hold(event):
            return
        await super().on_event(event)
        self._typing.sent(event)

    @property
    def keys_pending(self) -> int:
        """Keys and pastes typed but not yet delivered to the widget they were typed for."""
        return self._typing.pending

    async def run_action(self, action: str | ActionParseResult, default_namespace: DOMNode | None = None,
                         namespaces: Mapping[str, DOMNode] | None = None) -> bool:
        """Once the app is quitting (``q``, a hang-up, SIGTERM), a key still on its way runs nothing: a
        dialog it opened would mount into a closing app and fail (found by the monkey test)."""
        if self.return_code is not None:
            return False
        return await super().run_action(action, default_namespace, namespaces)

    def on_unmount(self) -> None:
        self._typing.close()
