"""A new virtual size (a search keystroke: the field's text one letter longer, the list a new number of
rows) repaints the widget without laying out the whole screen, and scrolling still follows it."""

from __future__ import annotations

from textual.geometry import Size

from tests.harness import mounted
from widgets.journal_list import EntryList, EntryRow
from widgets.live_input import LiveInput
from widgets.virtual_size import set_virtual_size


def rows(n: int) -> list[EntryRow]:
    return [EntryRow(key=f"k{i}", date="2026-03-02", kind="Check-in", rating="", title=f"Entry {i}")
            for i in range(n)]


async def test_typing_into_a_live_field_asks_for_no_layout_and_the_cursor_stays_in_view():
    seen: list[str] = []
    async with mounted(LiveInput(answer=seen.append, compact=True), size=(20, 3)) as h:
        before = h.layouts_asked(h.widget)
        await h.press(*"abcdefghij")
        assert h.layouts_asked(h.widget) == before and seen[-1] == "abcdefghij"
        await h.press(*"klmnopqrstuvwxyz0123456789")  # longer than the field: it scrolls
        assert seen[-1] == "abcdefghijklmnopqrstuvwxyz0123456789"
        assert h.widget.virtual_size.width == h.widget.content_width
        assert "3456789" in h.lines()[0]  # scrolled along with the cursor
        assert h.widget.scroll_x > 0
        await h.press("home")
        assert h.lines()[0].startswith("abc") and h.widget.scroll_x == 0


async def test_a_list_with_a_new_number_of_rows_asks_for_no_layout_while_its_scrollbar_stays():
    async with mounted(EntryList(), size=(60, 8)) as h:
        h.widget.set_rows(rows(500))
        await h.settle()
        assert h.widget.show_vertical_scrollbar
        before = h.layouts_asked(h.widget)
        h.widget.set_rows(rows(200))
        await h.settle()
        assert h.layouts_asked(h.widget) == before
        assert h.widget.virtual_size.height == 201 and h.widget.vertical_scrollbar.window_virtual_size == 201
        await h.press("end")
        assert h.widget.current_key == "k199" and "Entry 199" in h.text()


async def test_a_scrollbar_that_comes_or_goes_lays_the_screen_out_again():
    async with mounted(EntryList(), size=(60, 8)) as h:
        h.widget.set_rows(rows(500))
        await h.settle()
        h.widget.set_rows(rows(3))
        await h.settle()
        assert not h.widget.show_vertical_scrollbar
        assert "Entry 2" in h.text()
        h.widget.set_rows(rows(400))
        await h.settle()
        assert h.widget.show_vertical_scrollbar
        await h.press("end")
        assert "Entry 399" in h.text()


async def test_an_unchanged_size_does_nothing():
    async with mounted(EntryList(), size=(60, 8)) as h:
        h.widget.set_rows(rows(50))
        await h.settle()
        before = h.layouts_asked(h.widget)
        set_virtual_size(h.widget, Size(h.widget.virtual_size.width, h.widget.virtual_size.height))
        assert h.layouts_asked(h.widget) == before


async def test_the_contacts_list_filtered_to_fewer_rows_asks_for_no_layout():
    from tests.widgets.test_contacts_table import line
    from widgets.contacts_table import ContactsTable

    async with mounted(ContactsTable(), size=(80, 10)) as h:
        h.widget.set_lines([line(f"c{i}", f"Person {i}") for i in range(300)])
        await h.settle()
        before = h.layouts_asked(h.widget)
        h.widget.set_lines([line(f"c{i}", f"Person {i}") for i in range(0, 300, 3)])
        await h.settle()
        assert h.layouts_asked(h.widget) == before and h.widget.virtual_size.height == 101
        await h.press("end")
        assert "Person 297" in h.text()
