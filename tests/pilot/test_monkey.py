"""A seeded monkey (issue 17): random keys and hostile pastes thrown at the demo data at 80x24, in
bursts of one to six (as a laggy line delivers them), across every screen, form and dialog they reach.

It fails on any exception in the app (the app stops with it; ``run_test`` raises it) and on keys the
app never delivers; afterwards the data file must still parse with stock TinyDB, and each app run must
have ended cleanly (``q`` quits now and then: the monkey starts a new app on the same data and goes on).

The editor is the test factory's stand-in (``$EDITOR`` is never run), the clipboard is Textual's own
(OSC 52 to a headless driver), the working and home folders are the test's own (a typed path lands there).

The CI run is :data:`CI_ACTIONS` actions on one seed (~10-20 s); ``pytest -m slow`` runs more seeds,
longer. A failure names the seed and the actions before it (the last ones are the likely culprits).
"""

from __future__ import annotations

import json
import random
import string
import time
from collections.abc import Sequence
from pathlib import Path

import pytest
from textual import events
from textual.app import App, ScreenStackError
from textual.pilot import Pilot
from tinydb import TinyDB

from tests.hostile import HOSTILE
from tests.waiting import TIMEOUT, crash_of, key_event, until, until_screen

SIZE = (80, 24)
CI_SEED = 20260302
#: Actions in the default (CI) run; the slow run does :data:`SLOW_ACTIONS` per seed.
CI_ACTIONS = 400
SLOW_SEEDS = (1, 2, 3, 4, 5)
SLOW_ACTIONS = 2_000

#: What the monkey presses: every letter but ``q`` (it quits: see :func:`plan`), the letters that are
#: bindings in upper case, digits (1-5 switch screens), moves, the keys forms and dialogs answer to.
KEYS = [
    *string.ascii_lowercase.replace("q", ""), *"CFHLXTYGJKMNRS", *string.digits,
    "up", "down", "left", "right", "pageup", "pagedown", "home", "end",
    "enter", "escape", "escape", "tab", "shift+tab", "space", "backspace", "delete",
    "ctrl+p", "ctrl+s", "ctrl+e", "ctrl+o", "ctrl+t", "ctrl+l", "ctrl+n", "ctrl+r",
    "question_mark", "slash", "comma", "full_stop", "minus", "plus",
]
PASTE_RATE = 0.03
QUIT_RATE = 0.002
#: Bound actions the monkey leaves alone: quitting (``q`` has its own rate) and suspending the process.
NEVER = ("quit", "suspend")

Action = str | tuple[str, str]  # a key, or ("paste", text)


class Monkey:
    """Seeded choices. Half the keys are drawn from what the screen in front binds right now (so the
    monkey gets into forms, dialogs and their dialogs), half from :data:`KEYS`; now and then a hostile
    paste, rarely ``q``. Bursts of one to six."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def group(self, app: App[object]) -> list[Action]:
        rng = self.rng
        bound = sorted(key for key, active in app.active_bindings.items()
                       if not any(word in active.binding.action for word in NEVER))
        actions: list[Action] = []
        for _ in range(rng.randint(1, 6)):
            roll = rng.random()
            if roll < PASTE_RATE:
                actions.append(("paste", rng.choice(HOSTILE)))
            elif roll < PASTE_RATE + QUIT_RATE:
                actions.append("q")
            elif roll < 0.5 and bound:
                actions.append(rng.choice(bound))
            else:
                actions.append(rng.choice(KEYS))
        return actions


def shown(action: Action) -> str:
    if isinstance(action, tuple):
        text = action[1]
        return f"paste({text[:30]!r}{'…' if len(text) > 30 else ''})"
    return action


def event_for(action: Action) -> events.Event:
    return events.Paste(action[1]) if isinstance(action, tuple) else key_event(action)


async def deliver(pilot: Pilot[None], group: Sequence[Action]) -> None:
    """Post ``group`` in one burst, wait until every key is delivered (or the app has quit) and the
    messages they caused are handled (not for the app to be idle: a person doesn't wait for that)."""
    app = pilot.app
    for action in group:
        event = event_for(action)
        event.set_sender(app)
        app.post_message(event)
    deadline = time.monotonic() + TIMEOUT
    try:
        while app.is_running and getattr(app, "keys_pending", 0):
            if time.monotonic() > deadline:
                raise AssertionError(f"keys not delivered after {TIMEOUT:g}s")
            await pilot.pause(0.01)
        if app.is_running:
            await pilot.pause(0)  # its messages handled; the next burst may come while it still works
    except ScreenStackError:
        if app.is_running:  # only a quitting app may lose its screens under a pause
            raise


async def run_monkey(store, make_app, seed: int, count: int) -> dict[str, object]:
    """Throw ``count`` seeded actions at apps on ``store``. Returns how many apps ran, how many
    actions were sent and the screens they reached."""
    monkey = Monkey(seed)
    done: list[Action] = []
    screens: set[str] = set()
    starts = 0

    def where() -> str:
        recent = ", ".join(shown(a) for a in done[-25:])
        return f"seed {seed}, after {len(done)} actions; the last ones: {recent}"

    while len(done) < count:
        app = make_app(store)
        starts += 1
        try:
            async with app.run_test(size=SIZE, notifications=True) as pilot:
                await pilot.pause()
                while len(done) < count and app.is_running:
                    group = monkey.group(app)[:count - len(done)]
                    done.extend(group)
                    await deliver(pilot, group)
                    error = crash_of(app)
                    assert error is None, f"{type(error).__name__}: {error} ({where()})"
                    if app.is_running:
                        screens.add(type(app.screen).__name__)
        except AssertionError:
            raise
        except Exception as exc:  # noqa: BLE001 - run_test re-raises what stopped the app: name where
            raise AssertionError(f"{type(exc).__name__}: {exc} ({where()})") from exc
        assert crash_of(app) is None, where()
        assert app.return_code in (None, 0), f"exit code {app.return_code} ({where()})"
    return {"apps": starts, "actions": len(done), "screens": sorted(screens)}


def assert_data_file_intact(store) -> None:
    store.flush()
    path = Path(store.path)
    raw = json.loads(path.read_text(encoding="utf-8"))  # plain JSON, table → {id: record}
    assert isinstance(raw, dict) and "applications" in raw
    tables = {name: t for name, t in raw.items() if not name.startswith("_")}  # _rebound: our checksums
    assert all(isinstance(t, dict) and all(isinstance(r, dict) for r in t.values()) for t in tables.values())
    assert len(raw["applications"]) == len(store.applications.all())
    db = TinyDB(path, access_mode="r")  # stock TinyDB opens it and sees the same tables
    try:
        assert set(db.tables()) == set(raw)
    finally:
        db.close()


@pytest.fixture
def quarantine(tmp_path, monkeypatch):
    """Whatever path the monkey types lands in the test's own folder, never the repository or home."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.chdir(home)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", "false")  # belt and braces: the factory's runner never calls it


async def test_monkey_ci_run_on_the_demo_data(demo_store, make_app, quarantine):
    counts = await run_monkey(demo_store, make_app, CI_SEED, CI_ACTIONS)
    print(counts)  # shown with -s: what the run reached
    assert counts["actions"] == CI_ACTIONS
    assert_data_file_intact(demo_store)


@pytest.mark.slow
@pytest.mark.parametrize("seed", SLOW_SEEDS)
async def test_monkey_long_run(demo_store, make_app, quarantine, seed):
    counts = await run_monkey(demo_store, make_app, seed, SLOW_ACTIONS)
    assert counts["actions"] == SLOW_ACTIONS
    assert_data_file_intact(demo_store)


# --------------------------------------------------------------------------- what the monkey found


async def test_a_key_still_on_its_way_when_the_app_quits_opens_nothing(demo_store, make_app):
    """Seed 101: ``f`` (a filter dialog) pressed just before the app quit (a hang-up or SIGTERM saves
    and exits): the dialog was pushed into the closing app, mounted without its widgets and its
    ``on_mount`` raised NoMatches, so the app exited with "stopped after an unexpected error"."""
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        event = key_event("f")
        event.set_sender(app)
        app.post_message(event)
        await pilot.pause(0)
        app.exit()
    assert crash_of(app) is None and app.return_code == 0


async def test_page_up_in_the_palette_before_its_list_is_laid_out(store, make_app):
    """Seed 120: ``ctrl+p`` then ``pageup`` as the first results arrived: Textual's OptionList pages
    through line tables it hasn't built while it has no size yet (KeyError: 0); the app died."""
    from textual.command import CommandList, CommandPalette
    from textual.widgets.option_list import Option

    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        palette = await until_screen(pilot, CommandPalette)
        commands = palette.query_one(CommandList)
        await pilot.press(*"zqzqzq")  # matches nothing: the list empties and shrinks to no height
        await until(pilot, lambda: not commands.scrollable_content_region, what="an empty, sizeless list")
        for key in ("pageup", "pagedown"):
            commands.clear_options()
            commands.add_option(Option("Go to Board"))  # results just in, the list not laid out yet
            commands.highlighted = 0
            event = key_event(key)
            event.set_sender(app)
            app.post_message(event)
            await pilot.pause()
            assert crash_of(app) is None
            assert app.screen is palette


async def test_a_form_still_opening_when_the_app_quits_is_no_crash(store, make_app):
    """Seeds 124 (and others at the end of a run): the app was asked to quit (a hang-up, SIGTERM,
    the end of a session) while a form was still mounting and keys were still on their way; the
    form's on_mount found its widgets gone (NoMatches), or a key reached the bindings after the
    last screen (ScreenStackError), and the app reported "stopped after an unexpected error" and
    exit code 1 although everything had been saved."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        for key in ["n", *"abc" * 30]:
            event = key_event(key)
            event.set_sender(app)
            app.post_message(event)
        await pilot.pause(0)
        app.exit()
    assert crash_of(app) is None and app.return_code == 0
