"""A filter keystroke is answered in the frame that shows it (issue 16).

Textual's ``Input.Changed`` reaches a screen through the queues of the widgets in between, and the
screen may paint meanwhile: the terminal got the typed letter alone first, the filtered board (or
journal list) a frame later. The board's filter and the journal's search are
:class:`widgets.live_input.LiveInput` fields, answered inside the keystroke, so the first frame sent
after the key holds the letter, the count and the list together, drawn with the garbage collector
paused (the answer's new objects set off a collection there). The journal's reader pane (its matches
marked: the costly part of that frame) follows in the next one.
"""

from __future__ import annotations

import gc
import re

from tests.screens import open_board, open_journal
from tests.waiting import on_sent, settle, type_text, until
from widgets.journal_list import EntryList

SIZE = (80, 24)


async def test_the_first_frame_after_a_board_filter_key_shows_the_count(demo_store, make_app, monkeypatch):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        board = await open_board(pilot)
        await pilot.press("slash")
        await settle(pilot)
        frames: list[str] = []
        collecting: list[bool] = []
        on_sent(app, monkeypatch, lambda text: frames.append(text) or collecting.append(gc.isenabled()))
        assert gc.isenabled()
        await type_text(pilot, "e")
        await until(pilot, lambda: frames and gc.isenabled())
        first = frames[0]
        assert re.search(r"\d+ of \d+ · esc clears", first), first
        assert board.columns.query_text == "e"
        assert collecting[0] is False  # the collector waited for that frame, and runs again since


async def test_the_first_frame_after_a_journal_search_key_shows_the_list(demo_store, make_app, monkeypatch):
    import tui.journal.browse as browse

    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_journal(pilot)
        await pilot.press("slash")
        await settle(pilot)
        frames: list[str] = []
        drawn_before: list[int] = []
        real = browse.pane_content
        monkeypatch.setattr(browse, "pane_content", lambda *a, **k: drawn_before.append(len(frames)) or real(*a, **k))
        on_sent(app, monkeypatch, frames.append)
        await type_text(pilot, "u")
        await until(pilot, lambda: drawn_before and len(frames) > drawn_before[0])
        first = frames[0]
        assert re.search(r"\d+ of \d+ entries · search: u", first), first
        lst = screen.query_one(EntryList)
        top = lst.row(0)
        assert top.date in first and top.kind in first  # the list's first row, in the same frame
        # the reader pane, its matches marked, is drawn once, after that frame
        assert drawn_before == [1]
        reader = screen.query_one("#reader-text")
        assert [s for s in reader.render().spans if "reverse" in str(s.style)]
