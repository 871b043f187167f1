"""The journal at 80 columns: the reader keeps its hanging indents when a line wraps (an indented
paragraph, a bullet, the hot thought), and the Trends axis sits exactly under its sparkline."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from store.models import JournalEntry
from tests.screens import open_journal
from tests.waiting import settle, text_of
from tui.journal.reader import EntryReaderScreen, TrendsScreen
from widgets.sparkline_text import BLOCKS, GAP

SITUATION = ("Got the rejection email from Granite Cloud after the final panel, two weeks of waiting and "
             "three rounds of interviews, on a Friday evening.")
EVIDENCE = "I stumbled on the scaling question and never came back to it, even when they gave me a second chance."
THOUGHT = "Nobody will ever hire me for this kind of role again, not after a panel like that one."


def long_reframe() -> JournalEntry:
    return JournalEntry(kind="reframe", entry_date="2026-03-02", situation=SITUATION,
                        thoughts=[{"text": THOUGHT, "belief": 80, "hot": True}], evidence_for=[EVIDENCE])


def continues_under(lines: list[str], start: str, indent: int) -> None:
    """The line holding ``start`` wraps, and its next line starts at ``indent`` (the text's column)."""
    i = next(n for n, line in enumerate(lines) if start in line)
    first, second = lines[i], lines[i + 1]
    assert first.index(start) + len(start) < len(first.rstrip()), "the line should wrap"
    text_at = first.index(start)
    body = second.rstrip()
    assert body and len(body) - len(body.lstrip()) == text_at + indent, (first, second)


async def test_the_reader_keeps_hanging_indents_at_80_columns(store, make_app):
    store.journal.save(long_reframe())
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_journal(pilot)
        for lines in (text_of(screen.query_one("#reader-text", Static)).splitlines(),):
            continues_under(lines, "  Got the rejection", 2)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EntryReaderScreen)
        full = app.screen.query_one("#reader-full", Static)
        assert full.render().plain.count("\n") < len(text_of(full).rstrip().splitlines())  # it did wrap
        lines = text_of(full).splitlines()
        continues_under(lines, "  Got the rejection", 2)
        continues_under(lines, "  • I stumbled", 4)
        continues_under(lines, "  ★ hot Nobody", 8)


def sparkline_and_axis(lines: list[str], title: str) -> tuple[str, str]:
    """The sparkline under ``title`` (which may wrap) and the axis line under it."""
    i = next(n for n, line in enumerate(lines) if line.strip().startswith(title))
    j = next(n for n in range(i + 1, len(lines)) if any(ch in BLOCKS + GAP for ch in lines[n]))
    return lines[j], lines[j + 1]


@pytest.mark.parametrize("width", [80, 60, 34])
async def test_the_trends_axis_lines_up_with_its_sparkline(demo_store, make_app, width):
    app = make_app(demo_store)
    async with app.run_test(size=(width, 30)) as pilot:
        await open_journal(pilot)
        await pilot.press("T")
        await settle(pilot)
        assert isinstance(app.screen, TrendsScreen)
        lines = text_of(app.screen.query_one("#trends-text", Static)).splitlines()
        for title in ("Mood, last 30 days", "Mood, last 90 days"):
            spark, axis = sparkline_and_axis(lines, title)
            cells = [x for x, ch in enumerate(spark) if ch in BLOCKS + GAP]
            first, last = cells[0], cells[-1]
            assert cells == list(range(first, last + 1))  # one run of cells
            labels = axis.rstrip()
            assert labels.endswith(("today", "now")) and len(labels) - 1 == last, (width, spark, axis)
            assert len(labels) - len(labels.lstrip()) == first, (width, spark, axis)  # the first label too
            words = labels.split()
            assert len(words) == 1 or labels.index(words[-1]) > labels.index(words[0]) + len(words[0])


async def test_same_day_entries_are_listed_newest_first(store, make_app):
    from widgets.journal_list import EntryList

    first = store.journal.save(JournalEntry(id="b" * 32, kind="checkin", entry_date="2026-03-02", mood=2,
                                            body="morning"))
    second = store.journal.save(JournalEntry(id="a" * 32, kind="checkin", entry_date="2026-03-02", mood=4,
                                             body="evening"))  # same second (frozen clock), saved later
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_journal(pilot)
        assert [r.key for r in screen.query_one(EntryList).rows] == [second.id, first.id]
