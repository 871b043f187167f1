"""No guilt in what Rebound says: every screen of the demo data, its help, the dialogs one key away
and ``rebound-tui today``, at 80x24 and 120x40, are read for quota, debt and lateness words.

What a person reads must never ask for a count of things today ("add 10 today"), call people or
feelings "overdue", "late" or "behind", say a step "was due", push "momentum", or read relief the
wrong way round ("Relief rose 10 pts"). User text can't trip this: the demo data has none of these
words (checked first, so a change to the demo can't hide or fake a finding).
"""

from __future__ import annotations

import re

import pytest

from store.models import Application
from tests import waiting
from tui import cli
from tui.board.screen import BoardScreen
from tui.contacts.screen import ContactsScreen
from tui.journal.screen import JournalScreen
from tui.outreach.screen import OutreachScreen
from tui.shell.help import HelpScreen
from tui.today.screen import TodayScreen

BANNED = [
    (re.compile(r"\boverdue\b", re.I), "overdue"),
    (re.compile(r"\bwas due\b", re.I), "was due"),
    (re.compile(r"\badd \d+ today\b", re.I), "add N today"),
    (re.compile(r"\b\d+ (more )?today\b"), "a count for today"),  # lower case: the top bar's "1 Today" is a key
    (re.compile(r"\bmomentum\b", re.I), "momentum"),
    (re.compile(r"\blate\b", re.I), "late"),
    (re.compile(r"\bbehind\b", re.I), "behind"),
    (re.compile(r"\bquota", re.I), "quota"),
    (re.compile(r"(?<!no )\bstreak", re.I), "streak"),  # "no streaks" is a promise, not a streak
    (re.compile(r"\bpts\b", re.I), "points as a score"),
    (re.compile(r"\brelief rose\b|\brelief\s+rose\b", re.I), "relief read the wrong way round"),
    (re.compile(r"\bto go\)", re.I), "a count to make up"),
    (re.compile(r"‼"), "an alarm badge"),
]

SIZES = [(80, 24), (120, 40)]


def findings(label: str, text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        for pattern, what in BANNED:
            if pattern.search(line):
                out.append(f"{label}: {what}: {line.strip()!r}")
    return out


def test_the_demo_data_itself_holds_none_of_the_words(demo_store):
    """The demo's own text (names, notes, journal entries) is clean, so every finding below is ours."""
    import orjson

    raw = orjson.loads((demo_store.path).read_bytes())
    text = orjson.dumps(raw).decode().replace("\\n", "\n")
    assert findings("demo data", text) == []


def test_the_finder_catches_the_old_wording():
    old = ["Pipeline 3 live of 10 — add 7 today", "○ Reflect   was due yesterday", "‼ overdue   Ana",
           "Sending one more keeps the momentum.", "Relief rose 10 pts, 3d ago", "Live 7/10 (3 to go)"]
    assert len(findings("old", "\n".join(old))) >= len(old)
    new = ["Pipeline 3 live of 10 · one good application this week makes 4", "○ Reflect   when you're ready",
           "◆ reconnect   Ana", "Rest is part of the search too.", "Reframe feelings rose 10 of 100, 3d ago",
           "◷ later", "template", "Live 7/10 below"]
    assert findings("new", "\n".join(new)) == []


async def _read_everything(app, pilot) -> list[tuple[str, str]]:
    """(where, what the terminal shows) for every screen, its help and the dialogs a key away."""
    shots: list[tuple[str, str]] = []

    def shot(label: str) -> None:
        shots.append((label, waiting.screen_text(app)))

    async def help_of(label: str, key: str = "question_mark") -> None:
        await waiting.press(pilot, key)
        await waiting.until_screen(pilot, HelpScreen)
        shots.append((f"{label} help", waiting.rendered(app.screen.query_one("#help-text"))))
        await waiting.press(pilot, "escape")

    # Today: the screen, every row (scrolled or not), its help, the refill dialog, Settings and its help
    today = await waiting.until_screen(pilot, TodayScreen)
    await waiting.until(pilot, lambda: today.summary is not None, what="Today's summary")
    shot("Today")
    shots.append(("Today rows", "\n".join(r.text for r in today.rows)))
    await help_of("Today")
    today.refill()
    await waiting.settle(pilot)
    shot("refill dialog")
    await waiting.press(pilot, "escape")
    await waiting.press(pilot, "comma")
    shot("Settings")
    await help_of("Settings", "f1")  # ? would be typed into the focused field
    await waiting.press(pilot, "escape")
    await waiting.until_screen(pilot, TodayScreen)

    # Board: the columns, its help, the health panel, the sweep, a card's details
    await waiting.press(pilot, "2")
    await waiting.until_screen(pilot, BoardScreen)
    shot("Board")
    await help_of("Board")
    await waiting.press(pilot, "p")
    shot("Board health panel")
    await waiting.press(pilot, "escape")
    await waiting.press(pilot, "s")
    shot("Board sweep")
    await waiting.press(pilot, "escape")
    await waiting.until_screen(pilot, BoardScreen)
    await waiting.press(pilot, "l", "enter")
    shot("Board details")
    await waiting.press(pilot, "escape")

    # Journal: the list and reader, the trends, its help
    await waiting.press(pilot, "3")
    await waiting.until_screen(pilot, JournalScreen)
    shot("Journal")
    await help_of("Journal")
    await waiting.press(pilot, "T")
    shot("Journal trends")
    await waiting.press(pilot, "escape")

    # Contacts: the list, the detail of the first person, its help
    await waiting.press(pilot, "4")
    contacts = await waiting.until_screen(pilot, ContactsScreen)
    shot("Contacts")
    await help_of("Contacts")
    await waiting.press(pilot, "enter")
    shot("Contacts detail")
    await waiting.press(pilot, "escape")
    await waiting.until_screen(pilot, ContactsScreen)
    assert contacts.is_attached

    # Outreach: the list and preview, its help
    await waiting.press(pilot, "5")
    await waiting.until_screen(pilot, OutreachScreen)
    shot("Outreach")
    await help_of("Outreach")
    return shots


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
async def test_no_quota_debt_or_lateness_anywhere_on_the_demo_data(demo_store, make_app, size):
    app = make_app(demo_store)
    async with app.run_test(size=size) as pilot:
        shots = await _read_everything(app, pilot)
    labels = [label for label, _ in shots]
    assert len(labels) >= 18 and all(text.strip() for _, text in shots), labels
    found = [f for label, text in shots for f in findings(f"{label} at {size[0]}x{size[1]}", text)]
    assert found == [], "\n".join(found)


def test_no_quota_debt_or_lateness_in_rebound_tui_today(demo_store, data_dir, capsys):
    assert cli.run(["--data-dir", str(data_dir), "today"]) == 0
    out = capsys.readouterr().out
    assert "Due today" in out and "A good moment to reach out" in out
    assert findings("rebound-tui today", out) == []


def test_below_the_floor_and_on_a_first_run_nothing_asks_for_a_count_today(store, data_dir, capsys):
    """The two states the demo doesn't show: nothing yet, and under the floor."""
    assert cli.run(["--data-dir", str(data_dir), "today"]) == 0
    first = capsys.readouterr().out
    assert "no applications yet" in first and "This week" not in first
    store.settings.update(pipeline_floor=10, weekly_goal=5)
    store.applications.add(Application(company="Acme", role="Dev", stage="applied", applied_on="2026-03-02"))
    assert cli.run(["--data-dir", str(data_dir), "today"]) == 0
    below = capsys.readouterr().out
    assert "1 live of 10 · one good application this week makes 2" in below
    assert findings("rebound-tui today (first run, then below the floor)", first + below) == []
