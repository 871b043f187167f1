"""Warm-up in idle time: the other four screens made before their first visit, after Today's first frame.

A first visit used to import the screen's modules, read its tables into records (10,000 applications
take ~0.1 s), count the board's health, load the tone rules, then compose, mount, style, lay out and
draw the screen, all between the key and the frame. Here each of those is a step on the app's thread,
started :data:`DELAY_S` after Today's first frame, with a short timer between steps, waiting while the
user types (:data:`QUIET_S`) and after a switch until its frame is out. The long ones go in slices, a
step running slices for :data:`STEP_BUDGET_S` at most: modules one at a time, leaves first
(:mod:`tui.shell.warm_imports`); a table's bytes a few hundred records at a time
(``LazyTables.parse_in_slices``), then its records (``Repo.load_in_slices``); the board's per-card
facts; the contacts' due dates. So a key meets at most one slice of ~10 ms, or the mount of a screen
whose data is ready (20-40 ms at the heavy dataset). The board is made and laid out before its
10,000 records are read (its columns empty until :func:`bring_up_to_date` fills them), and what its
keys open (the form, the dialogs) is imported after it. Each screen
is built and mounted behind Today as Textual's first switch to its mode would (:func:`build_screen`),
then laid out at the terminal's size and drawn into its widgets' caches (:func:`lay_out`): nothing
reaches the terminal, nothing is written, and the visit finds the screen as a second visit does (its
``ScreenResume`` re-reads what changed meanwhile, as on every return). A step that fails is logged and
skipped; the visit then does that work itself, as before.

:class:`WarmApp` (a base of the app) makes the switches themselves cheaper: no 50 ms hold, and a mode
met for the first time is built as the warm-up builds it (Textual's own first switch restyles every
screen of the app twice).
"""

from __future__ import annotations

import gc
import importlib
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, cast

from textual import events
from textual.app import App
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import AwaitMount

from store import clock, logs
from tui.privacy.idle import LOCKED_MODE
from tui.shell import compiled, warm_dialogs, warm_imports
from tui.shell.base import ReboundScreen, style_stamp

if TYPE_CHECKING:
    from tui.app import ReboundApp

#: Seconds after Today's first frame before the first step (Today decodes its summary at 0.15 s).
DELAY_S = 0.02
#: Seconds between steps: the app's queue (keys, timers, paints) runs in between.
GAP_S = 0.001
#: Seconds after a screen switch's frame before the warm-up goes on.
AFTER_SWITCH_S = 0.1
#: Seconds without a key before the next step runs (a step takes up to ~0.1 s: not under the user's keys).
QUIET_S = 0.3
#: Seconds of work per step: a step that goes in slices (modules, records, facts) runs slice after
#: slice until this is spent, then lets the app's queue (keys, paints) run.
STEP_BUDGET_S = 0.012
#: Under ``run_test`` (headless) there is no warm-up unless a test asks for it (tests/pilot/test_warm.py).
IN_TESTS = False

#: What a step returns when it can't run yet (a screen still mounting): it runs again after the gap.
AGAIN = warm_dialogs.AGAIN
#: What a step returns when it did part of its work (a slice of records): the rest runs after the gap.
MORE = object()
#: The end of a step's slices.
DONE = object()
#: How many times a step may say :data:`AGAIN` before it is dropped.
TRIES = 50

#: A long enough line that the tone check builds its prefilter index (see :mod:`store.tone`).
_TONE_SAMPLE = "Thank you for letting me know, I hope we can stay in touch about future roles."


def steps(app: ReboundApp) -> Iterator[Callable[[], object]]:
    """The warm-up, in the order screens are usually first visited (keys 2 to 5)."""
    store = app.store

    def module(name: str) -> Callable[[], object]:
        return importer(warm_imports.ORDER.get(name, ()) + (name,))

    def sliced(make: Callable[[], Iterator[None] | None]) -> Callable[[], object]:
        slices: Iterator[None] | None = None

        def run() -> object:
            # a slice per step (Repo.load_in_slices, health_in_slices): a key meets one slice at most
            nonlocal slices
            if store.locked:  # an encrypted folder not unlocked yet: nothing to read
                return None
            if slices is None:
                slices = make()
                if slices is None:
                    return None
            return None if next(slices, DONE) is DONE else MORE
        return run

    def records(repo_name: str) -> Callable[[], object]:
        return sliced(lambda: getattr(store, repo_name).load_in_slices())

    def health() -> Iterator[None] | None:
        # the facts of each application, in slices: the board's mount then only adds them up
        return None if store.locked else store.applications.health_in_slices(clock.today())

    def contact_rows() -> Iterator[None] | None:
        # each contact's due info and search text: the contacts list's first build only orders them
        from store import contacts

        return None if store.locked else contacts.prepare_rows(store.contacts.all(), store.settings.current(),
                                                               clock.today())

    def screen(mode: str) -> Callable[[], object]:
        return lambda: build_screen(app, mode)

    def layout(mode: str) -> Callable[[], object]:
        return lambda: lay_out(app, mode)

    def refill(mode: str) -> Callable[[], object]:
        return lambda: bring_up_to_date(app, mode)

    def tone_index() -> Iterator[None]:
        from store import tone as rules

        return rules.prepare_in_slices()

    def tone_weights() -> object:
        from store import tone_model

        return tone_model.load()

    def tone() -> object:
        from store import tone as rules

        return rules.check(_TONE_SAMPLE)

    yield module("tui.board.screen")  # the board alone: what its keys open comes after it is made
    # made and laid out before its records are read (its columns empty): a key that comes while they
    # are read finds the screen made, and the visit reads the rest and fills the columns
    yield screen("board")  # made ahead, it counts its health line when first shown, after that frame
    yield layout("board")
    yield records("applications")
    yield refill("board")  # its columns from the records
    yield layout("board")  # drawn again, with its cards
    yield sliced(health)  # each card's part of it, so that count only adds them up
    yield module("tui.board.forms")  # n, e, x and the dialogs they open
    yield lambda: warm_dialogs.board_form(app)  # its styles, parsed before the first n
    yield lambda: warm_dialogs.new_application_form(app)  # the kept form the first n shows, made a few lines per step
    yield module("tui.board.sweep")  # the details and the sweep
    yield module("tui.board.panels")  # the health panel, go to, the palette's provider
    yield module("store.tone")
    yield module("store.care")
    yield module("tui.journal.screen")
    yield records("journal")
    yield screen("journal")
    yield layout("journal")
    yield module("tui.contacts.screen")
    yield records("contacts")
    yield sliced(contact_rows)
    yield records("touchpoints")
    yield screen("contacts")
    yield layout("contacts")
    yield lambda: warm_dialogs.forms(app)  # the forms' styles, parsed before their first opening
    yield lambda: warm_dialogs.log_dialog(app)
    yield module("tui.outreach.screen")
    yield records("drafts")
    yield records("templates")
    yield module("store.tone_model")
    # what the first check reads (the rules' index, the backstop's weights) ahead, so the outreach
    # screen's mount (it checks the draft on screen) does not
    yield sliced(tone_index)
    yield tone_weights
    yield tone
    yield screen("outreach")
    yield layout("outreach")
    yield compiled.save_all  # what the session compiled and parsed so far, for the next start (a killed one too)
    # What the warm-up built (modules, records, board health) lives as long as the session: out of the
    # collector's sight, so a full collection later (set off by a form's widgets, say) doesn't walk it
    yield gc.freeze


def importer(names: Iterable[str]) -> Callable[[], object]:
    """A step that imports ``names`` in order, skipping those imported already, until
    :data:`STEP_BUDGET_S` is spent (:data:`MORE` while some are left). With the lists of
    :mod:`tui.shell.warm_imports` (leaves first) a key waits for one small module at most, not for the
    30-70 a screen's module brings in."""
    pending = deque(names)

    def bring_in() -> object:
        began = time.perf_counter()
        while pending:
            name = pending.popleft()
            if name in sys.modules:
                continue
            try:
                importlib.import_module(name)
            except ImportError as exc:  # a module gone since the lists were written: the rest still helps
                logs.swallowed(exc, f"warm-up import of {name}")
            if time.perf_counter() - began > STEP_BUDGET_S:
                break
        while pending and pending[0] in sys.modules:  # nothing left to do for these
            pending.popleft()
        return MORE if pending else None
    return bring_in


def build_screen(app: ReboundApp, mode: str) -> Screen[Any] | None:
    """Build ``mode``'s screen and mount it behind the current one, as Textual's first switch to the
    mode would (``App._init_mode``: the mode's stack, the screen registered, its CSS loaded), without
    switching: its compose, mount and first data load run now, in idle time, and the visit finds the
    mode's screen made (``switch_mode`` only lays it out and paints it). None when there is nothing to
    do (already visited, a locked folder, the mode gone)."""
    if app.store.locked or getattr(app, "is_locked", False) or mode == LOCKED_MODE:
        return None
    stacks = app._screen_stacks
    if stacks.get(mode):
        return None
    make = app._modes.get(mode)  # what Textual's first switch would call (App.MODES, or add_mode's)
    if not callable(make) or isinstance(make, Screen):
        return None
    made = make()
    stacks[mode] = [made]
    app._load_screen_css(made)
    app._register(app, made)
    # styled from the stylesheet in force: the visit restyles it only if the app's look changes meanwhile
    made._css_update_count = app._css_update_count
    if isinstance(made, ReboundScreen):
        made.styled_as = style_stamp(app)
    return made


def lay_out(app: ReboundApp, mode: str) -> object:
    """Lay out and draw ``mode``'s screen made by :func:`build_screen`, at the terminal's size, once it
    is mounted (:data:`AGAIN` until then, and again while what the layout set off asks for another:
    the contacts' columns fit the width, the journal goes wide…). Its widgets learn their sizes and
    draw their lines into their caches now; the visit only composes the frame. Nothing reaches the
    terminal: Textual paints only the current screen, and the drawing is dropped. Skipped when the
    screen is shown already."""
    stack = app._screen_stacks.get(mode)
    if not stack or app.current_mode == mode:
        return None
    made = stack[0]
    if not made.is_mounted:
        return AGAIN
    if made.size != app.size or made._layout_required:
        made._layout_required = False
        made._refresh_layout(app.size)
        return AGAIN  # what the new sizes set off runs first
    made._compositor.render_update(full=True, screen_stack=[])
    return made


def bring_up_to_date(app: ReboundApp, mode: str) -> object:
    """Have ``mode``'s screen made by :func:`build_screen` re-read what changed since it was made
    (``refresh_data``, as its visit does): the board made before its records were read fills its
    columns. :data:`AGAIN` while it is still mounting; nothing once it is shown."""
    stack = app._screen_stacks.get(mode)
    if not stack or app.current_mode == mode or app.store.locked:
        return None
    made = stack[0]
    if not made.is_mounted:
        return AGAIN
    if isinstance(made, ReboundScreen):
        made.refresh_data()
    return made


class WarmApp(App[Any]):
    """Base of ReboundApp: starts the warm-up (:func:`start`); a switch to one of the five screens is
    painted by the first frame after the key that shows it. Textual's ``switch_mode`` holds every
    update for 50 ms (``delay_update``, to hide a screen still composing): a made screen has nothing to
    hide, and one still mounting is not painted before its mount is done anyway. Other modes (the
    unlock screen) are held as before."""

    _switching_to_made = False
    #: When the last key arrived (``time.monotonic``): the warm-up steps wait for a pause in typing.
    last_key_at = 0.0

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            self.last_key_at = time.monotonic()
        await super().on_event(event)

    def start_warm_up(self) -> Warmer | None:
        return start(cast("ReboundApp", self))

    def switch_mode(self, mode: str) -> AwaitMount:
        if mode != self.current_mode:
            # a mode met for the first time is made here as the warm-up makes it, not by Textual's
            # first switch, which restyles every screen of the app twice (``refresh_css`` for a screen
            # it takes for styled by an older sheet)
            built = None if self._screen_stacks.get(mode) or not self.is_running else \
                build_screen(cast("ReboundApp", self), mode)
            made = built is not None or bool(self._screen_stacks.get(mode))
            # not held: a screen (still) mounting paints once it is mounted (its compose and mount run
            # before its first idle), complete; what it asks to run "after refresh" (the board's health)
            # then runs after that frame, not before it as under the hold
            self._switching_to_made = made
            warmer = getattr(self, "warmer", None)
            if isinstance(warmer, Warmer):
                warmer.hold()
        else:
            built = None
        try:
            waited = super().switch_mode(mode)
        finally:
            self._switching_to_made = False
        # awaiting the switch waits for a screen made now to be mounted, as after Textual's own first switch
        return AwaitMount(built, [built]) if built is not None else waited

    def delay_update(self, delay: float = 0.05) -> None:
        if not self._switching_to_made:
            super().delay_update(delay)


class Warmer:
    """Runs :func:`steps` one at a time on the app's thread, a timer apart."""

    def __init__(self, app: ReboundApp) -> None:
        self.app = app
        self.pending = deque(steps(app))
        self.tries = 0
        self.held = False
        self._timer: Timer | None = None

    @property
    def done(self) -> bool:
        return not self.pending

    def hold(self) -> None:
        """A screen switch: the step due next waits until that screen is painted (see :meth:`step`)."""
        self.held = True

    def later(self, delay: float) -> None:
        """Run :meth:`step` in ``delay`` seconds (one step is ever due: a later call replaces it)."""
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.app.set_timer(delay, self.step)

    def step(self) -> None:
        """Run the next step, then schedule the one after it. It waits while the user is typing
        (:data:`QUIET_S` after the last key) and after a switch until its screen is painted and
        :data:`AFTER_SWITCH_S` more, so the warm-up stands between a key and its answer as seldom as
        one thread allows."""
        self._timer = None
        if not self.pending or not self.app.is_running:
            return
        if self.held:
            self.held = False
            self.app.call_after_refresh(lambda: self.later(AFTER_SWITCH_S))
            return
        quiet = time.monotonic() - self.app.last_key_at
        if quiet < QUIET_S:
            self.later(QUIET_S - quiet)
            return
        work = self.pending.popleft()
        began = time.perf_counter()
        try:
            result = work()
            while result is MORE and time.perf_counter() - began < STEP_BUDGET_S:
                result = work()
            if result is MORE:
                self.pending.appendleft(work)
            elif result is AGAIN and self.tries < TRIES:
                self.tries += 1
                self.pending.appendleft(work)
            else:
                self.tries = 0
        except Exception as exc:  # noqa: BLE001 - warming is optional: the first visit does the work itself
            logs.swallowed(exc, "warm-up step")
        if self.pending:
            self.later(GAP_S)


def start(app: ReboundApp) -> Warmer | None:
    """Schedule the warm-up after the first frame (not under ``run_test`` unless :data:`IN_TESTS`)."""
    if app.is_headless and not IN_TESTS:
        return None
    warmer = Warmer(app)
    app.call_after_refresh(lambda: warmer.later(DELAY_S))
    return warmer
