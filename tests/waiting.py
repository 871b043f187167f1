"""Every wait a test does, and the only module that may touch Textual's private attributes.

Pilot tests and widget tests wait for the app with these helpers instead of ad-hoc loops of
``pilot.pause()``; none of them sleeps as synchronisation: :func:`until` polls a condition and fails
with a clear message after ``timeout`` seconds.

Textual keeps a few things tests need behind private names (the notifications, what the compositor
would send to the terminal, how its parser names a typed character, the crash report). They are read
here and nowhere else (``tests/test_test_hygiene.py`` checks), so a Textual upgrade that renames them
breaks one file.

What each helper replaced (the copies the test files used to carry):

- :func:`type_text`: ``type_text`` in the board, contacts and outreach tests and ``typ`` in the
  journal's; :func:`type_keys` and :func:`type_each_alone`: ``send`` in the outreach key tests.
- :func:`open_screen` (and ``tests/screens.py``'s ``open_board``… on it): the ``open_*`` helpers of
  each pilot file; :func:`until`: Today's ``ready`` and the snapshots' waits for Today.
- :func:`settle`: the snapshots' ``_settle`` (two bare pauses).
- :func:`notifications`, :func:`notified`, :func:`notified_text`: ``notifications``/``notes`` and
  every ``app._notifications`` read in place.
- :func:`text_of`: ``kanban_text``/``table_text`` (a line-API widget's lines); :func:`rendered`: the
  journal's ``text_of`` (a Static's content).
- :func:`screen_of`: the contacts tests' ``screen_of`` and the board's ``board``.
- :func:`palette_prompts`: ``_palette_texts`` (board actions) and ``_palette_prompts`` (contacts).
"""

from __future__ import annotations

import asyncio
import re
import time
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import pytest
from textual import events
from textual._compositor import CompositorUpdate
from textual._context import active_app
from textual.app import App
from textual.command import CommandList, CommandPalette
from textual.keys import _character_to_key, _get_unicode_name_from_key
from textual.notifications import Notification
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.worker import WorkerState

S = TypeVar("S", bound=Screen)

#: How long :func:`until` waits by default. Generous: two cores are shared by a whole team.
TIMEOUT = 10.0


# --------------------------------------------------------------------------- waiting


#: How long one look at the process's CPU time lasts in :func:`wait_for_idle` (Textual's looks last 20 ms).
IDLE_LOOK = 0.005
#: Quiet looks in a row before the app counts as idle: 20 ms, more than a frame (Textual paints at most
#: every 1/60 s, so a scroll's repaint can be due a frame after the key's handler ran; two looks, 10 ms,
#: sometimes returned before it).
QUIET_LOOKS = 4


async def wait_for_idle(min_sleep: float = 1 / 50, max_sleep: float = 1.0) -> None:
    """Textual's own "wait until the process is idle" (``textual._wait.wait_for_idle``, run after
    every key ``pilot.press`` sends and by ``pilot.pause()``) with shorter looks, a stricter test, and a
    look at the event loop that ends the wait at once when the app has nothing left to do.

    Textual sleeps 20 ms at a time and stops after the first 20 ms that cost under 1 ms of CPU: every
    key press slept at least 40 ms and every pause 20 ms, most of it with the app already quiet (a
    Pilot file spent a third of its time asleep). This looks every 5 ms, with the same bound relative
    to the look (under 5% of it spent on the CPU), and stops after several quiet looks in a row: the app
    must stay quiet for 20 ms (QUIET_LOOKS), not once for one look. ``max_sleep`` and ``min_sleep`` mean
    what they mean in Textual (pilot.press and pause pass 0; a mouse click waits at least 20 ms as
    before).

    Before each look it asks :func:`nothing_due`: when the app's loop has no callback ready, no timer
    due within the quiet span (QUIET_LOOKS looks, and one more), and no worker pending or running, the
    next 20 ms would be quiet for certain (nothing is left that could wake the app), so it stops
    without sleeping through them. A repaint a frame later, a timer 10 ms away, a thread worker, a
    signal that arrived: each keeps it looking as before."""
    start = time.monotonic()
    quiet = 0
    while True:
        elapsed = time.monotonic() - start
        if elapsed >= min_sleep and await nothing_due():
            return
        cpu = time.process_time()
        await asyncio.sleep(IDLE_LOOK)
        quiet = quiet + 1 if time.process_time() - cpu < IDLE_LOOK / 20 else 0
        elapsed = time.monotonic() - start
        if elapsed >= max_sleep or (elapsed > min_sleep and quiet >= QUIET_LOOKS):
            return


#: How far ahead :func:`nothing_due` looks for a timer: the quiet span wait_for_idle watches, and a look.
QUIET_SPAN = (QUIET_LOOKS + 1) * IDLE_LOOK


async def nothing_due() -> bool:
    """Whether the running app has nothing left to do for at least :data:`QUIET_SPAN`: no callback
    ready on the event loop, no timer due sooner, no worker pending or running (a thread worker works
    off the loop). Only asked while a test drives an app (``run_test`` sets the active app).

    One pass of the loop first (``sleep(0)``): it polls the loop's file descriptors without waiting,
    so a signal or a thread's ``call_from_thread`` that arrived is a ready callback by the time we
    look."""
    app = active_app.get(None)
    if app is None:
        return False
    await asyncio.sleep(0)
    loop = asyncio.get_running_loop()
    if loop._ready:  # type: ignore[attr-defined]
        return False
    horizon = loop.time() + QUIET_SPAN
    if any(not handle.cancelled() and handle.when() < horizon
           for handle in loop._scheduled):  # type: ignore[attr-defined]
        return False
    busy = (WorkerState.PENDING, WorkerState.RUNNING)
    return not any(worker.state in busy for worker in app.workers)


def use_quick_idle_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make Pilot's waits (``press``, ``pause``, clicks) use :func:`wait_for_idle`."""
    import textual._wait
    import textual.app
    import textual.pilot

    for module in (textual._wait, textual.app, textual.pilot):
        monkeypatch.setattr(module, "wait_for_idle", wait_for_idle)




def share_parsed_css(monkeypatch: pytest.MonkeyPatch) -> None:
    """Parse each piece of CSS once per test process instead of once per app.

    Every app a test starts builds its own ``Stylesheet`` and parses every widget's ``DEFAULT_CSS``,
    the app's CSS and its files again (Textual caches a parse only inside one stylesheet): about a
    tenth of a Pilot test's CPU. This keeps the parsed rules in one table for the process, keyed by
    everything the parse reads: the CSS text, where it was read from, whether it is a default, its
    tie breaker and scope, and the stylesheet's variables (the theme's colours), so a key can only
    ever find the rules the same parse would have made. Rules are shared as a stylesheet already
    shares them between its own parses (they are read, never changed, once parsed)."""
    from textual.css.stylesheet import Stylesheet

    parse_rules = Stylesheet._parse_rules
    parsed: dict[tuple[object, ...], list[Any]] = {}

    def shared_parse_rules(self: Stylesheet, css: str, read_from: Any, is_default_rules: bool = False,
                           tie_breaker: int = 0, scope: str = "") -> list[Any]:
        key = (css, read_from, is_default_rules, tie_breaker, scope, tuple(sorted(self._variables.items())))
        rules = parsed.get(key)
        if rules is None:
            rules = parse_rules(self, css, read_from, is_default_rules, tie_breaker, scope)
            if not any(rule.errors for rule in rules):
                parsed[key] = rules
        return rules

    monkeypatch.setattr(Stylesheet, "_parse_rules", shared_parse_rules)


async def settle(pilot: Pilot[Any]) -> None:
    """Wait until the app is quiet: messages handled, workers finished, animations done, repainted.

    ``pilot.wait_for_scheduled_animations()`` less its idle wait's fixed 20 ms minimum (every settle
    slept it, nothing due or not): the idle waits here (``pause``) end when nothing is due and
    otherwise watch 20 quiet ms as before."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot._wait_for_screen()
    await pilot.app.animator.wait_until_complete()
    await pilot.pause()
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
    """Type ``text`` key by key into the focused widget (spaces and punctuation included), each key
    handled before the next is sent (see :func:`handled`), then :func:`settle`.

    ``pilot.press(*text)`` does the same but sleeps at least 40 ms after every key waiting for the
    process to look idle: a sentence took seconds."""
    app = pilot.app
    for ch in text:
        _post_key(app, key_name(ch), ch)
        await handled(pilot)
    await settle(pilot)


async def handled(pilot: Pilot[Any]) -> None:
    """Wait until the screen has handled the messages sent so far, without sleeping.

    Textual's own wait (every widget of the screen runs a callback queued behind what it holds),
    twice: a key the app forwards to the focused widget lands in that widget's queue after the first
    wait began. Timers and workers are not waited for (:func:`settle` does that)."""
    for _ in range(2):
        await pilot._wait_for_screen()


def key_name(character: str) -> str:
    """The key name Textual's terminal parser gives a typed ``character`` ("space", "slash", "é")."""
    return _character_to_key(character)


def _post_key(app: App[Any], key: str, character: str | None) -> None:
    event = events.Key(key, character)
    event.set_sender(app)
    app.post_message(event)


async def type_keys(pilot: Pilot[Any], characters: Iterable[str]) -> None:
    """Each character as a terminal sends it (a key event named by Textual's own parser, with the
    character), all in one burst as a fast typist or a laggy line delivers them; then :func:`settle`.

    For "every key" tests: ``pilot.press`` can't type a character its key name doesn't spell back (an
    emoji), and waits for the app to go idle after every key (seconds per box instead of a blink)."""
    app = pilot.app
    for ch in characters:
        _post_key(app, key_name(ch), ch)
    await settle(pilot)


async def type_each_alone(pilot: Pilot[Any], characters: Iterable[str]) -> None:
    """Each character into an empty text box on its own: the key, then ``backspace``, each handled
    before the next key is sent; then :func:`settle`.

    Sent in a burst, a ``backspace`` (a binding, handled as the key bubbles back up) would run after
    later characters were typed, so the box would never hold one character alone. Between keys this
    waits with :func:`handled`, which doesn't sleep the way ``pilot.pause`` does: a box's hundred
    keys take a moment, not seconds."""
    app = pilot.app
    for ch in characters:
        for key, char in ((key_name(ch), ch), ("backspace", None)):
            _post_key(app, key, char)
            await handled(pilot)
    await settle(pilot)


async def open_screen(pilot: Pilot[Any], key: str, screen_type: type[S]) -> S:
    """Press ``key`` (the app's key for a screen) and wait until that ``screen_type`` is shown."""
    await pilot.press(key)
    return await until_screen(pilot, screen_type)


async def palette_prompts(pilot: Pilot[Any], query: str = "") -> list[Any]:
    """Open the command palette (ctrl+p), type ``query``, wait for its search (a worker) and return
    the hits as shown (each a ``Content``: ``.plain`` is its text)."""
    await pilot.press("ctrl+p")
    palette = await until_screen(pilot, CommandPalette)
    await type_text(pilot, query)
    await settle(pilot)
    options = palette.query_one(CommandList)
    return [options.get_option_at_index(i).prompt for i in range(options.option_count)]


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


def notified_text(app: App[Any]) -> str:
    """Every toast's message, one a line (for "is this said somewhere" checks)."""
    return "\n".join(notified(app))


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


def on_frame(app: App[Any], monkeypatch: pytest.MonkeyPatch, seen: Callable[[], None]) -> None:
    """Call ``seen`` each time the app sends a frame to the terminal (before it is sent)."""
    display = app._display

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen()
        return display(*args, **kwargs)

    monkeypatch.setattr(app, "_display", spy)



#: An escape sequence (CSI, OSC, or a two-character one), and a cursor move: how :func:`on_sent` reads
#: a frame's bytes as text (the benchmark's ``bench_term.plain`` reads a terminal's the same way).
_ESCAPE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_]|[()][0-9A-Za-z])")
_CURSOR_MOVE = re.compile(r"\x1b\[[0-9;]*[HfABCDEFGd]")


def on_sent(app: App[Any], monkeypatch: pytest.MonkeyPatch, seen: Callable[[str], None]) -> None:
    """Call ``seen`` with the text of each frame the app sends, as a terminal gets it: only what that
    update repaints (escape sequences dropped, each cursor move a line break). Unlike
    :func:`screen_text` (the whole screen as it would look now), a widget changed but not yet
    repainted shows here as it was on the terminal: not at all."""
    display = app._display

    def spy(screen: Screen, renderable: Any) -> Any:
        if isinstance(renderable, CompositorUpdate) and screen is app.screen:
            sent = renderable.render_segments(app.console)
            seen(_ESCAPE.sub("", _CURSOR_MOVE.sub("\n", sent)))
        return display(screen, renderable)

    monkeypatch.setattr(app, "_display", spy)


# --------------------------------------------------------------------------- crashing


def capture_exit_report(app: App[Any], monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the app would print on the terminal when it exits on an error, as strings (the list fills
    when it exits). Textual prints it from private state; nothing is printed while captured."""
    shown: list[str] = []
    monkeypatch.setattr(app, "_print_error_renderables",
                        lambda: shown.extend(str(r) for r in app._exit_renderables))
    return shown
