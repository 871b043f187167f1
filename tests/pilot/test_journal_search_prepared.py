"""The journal's search text is computed right after ``/`` shows the box (issue 16): the first
keystroke only compares strings, and finds what searching from scratch finds (the linked
application's title included)."""

from __future__ import annotations

from store import journal as J
from tests.screens import open_journal
from tests.waiting import type_text
from widgets.journal_list import EntryList

SIZE = (100, 30)


async def test_the_first_search_keystroke_reads_no_entry_text(demo_store, make_app, monkeypatch):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_journal(pilot)
        lst = screen.query_one(EntryList)
        entries = demo_store.journal.entries()
        linked = next(e for e in entries if e.application_id)
        titles = demo_store.journal.application_names([linked.application_id])
        title_word = titles[linked.application_id][1].split()[0].lower()
        await pilot.press("slash")
        await pilot.pause()
        calls: list[object] = []
        real = J.text_fields
        monkeypatch.setattr(J, "text_fields", lambda e: calls.append(e) or real(e))
        await type_text(pilot, "u")
        await pilot.pause()
        assert calls == []
        assert [r.key for r in lst.rows] == [e.id for e in J.search(entries, "u")]
        box = screen.query_one("#journal-search")
        box.value = title_word
        await pilot.pause()
        extras = {e.id: demo_store.journal.application_names([e.application_id])[e.application_id][1]
                  for e in entries if e.application_id}
        want = J.search(entries, title_word, extras)
        assert linked.id in {e.id for e in want}
        assert [r.key for r in lst.rows] == [e.id for e in want]


async def test_a_search_keystroke_draws_the_reader_once(demo_store, make_app, monkeypatch):
    import tui.journal.browse as browse

    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_journal(pilot)
        await pilot.press("slash")
        await pilot.pause()
        drawn: list[object] = []
        real = browse.pane_content
        monkeypatch.setattr(browse, "pane_content", lambda *a, **k: drawn.append(a[0]) or real(*a, **k))
        await type_text(pilot, "u")
        await pilot.pause()
        assert len(drawn) == 1
        assert drawn[0].id == screen.query_one(EntryList).current_key
        reader = screen.query_one("#reader-text")
        marked = [s for s in reader.render().spans if "reverse" in str(s.style)]
        assert marked  # the new word is marked in the reader
