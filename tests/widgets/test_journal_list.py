"""The journal's entry list on its own: header and rows, the ▶ cursor, rows built only when drawn,
the cursor's messages, and user text drawn literally."""

from __future__ import annotations

from tests.harness import (
    CONTROL_HOSTILE,
    MARKUP_HOSTILE,
    assert_shown_literally,
    mounted,
)
from widgets.journal_list import MARK, EntryList, EntryRow


def row(key: str, title: str, **kw: object) -> EntryRow:
    values: dict = dict(key=key, date="2026-03-02", kind="Check-in", rating="mood 3", title=title)
    values.update(kw)
    return EntryRow(**values)


ROWS = [row("a", "Rejected by Acme", app="Acme — Dev"), row("b", "A good walk"), row("c", "Draft", muted=True)]


async def test_header_rows_and_the_cursor_marker():
    async with mounted(EntryList(), size=(100, 8)) as h:
        h.widget.set_rows(ROWS)
        await h.settle()
        lines = h.lines()
        assert "Date" in lines[0] and "Title or hot thought" in lines[0] and "Application" in lines[0]
        assert lines[1].startswith(MARK + "2026-03-02") and "Rejected by Acme" in lines[1] and "Acme — Dev" in lines[1]
        assert lines[2].startswith("  2026-03-02") and "A good walk" in lines[2]


async def test_the_application_column_goes_when_narrow_and_the_empty_text_shows():
    async with mounted(EntryList(empty_text="Nothing written yet."), size=(60, 6)) as h:
        assert "Nothing written yet." in h.lines()[1]
        h.widget.set_rows(ROWS)
        await h.settle()
        assert "Application" not in h.lines()[0] and "Acme — Dev" not in h.lines()[1]


async def test_keys_post_highlighted_and_enter_posts_selected():
    async with mounted(EntryList(), size=(100, 8)) as h:
        h.widget.set_rows(ROWS)
        await h.settle()
        h.forget()
        await h.press("j", "j")
        assert [(m.index, m.key) for m in h.posted(EntryList.Highlighted)
                if not isinstance(m, EntryList.Selected)] == [(1, "b"), (2, "c")]
        await h.press("home", "enter")
        assert [(m.index, m.key) for m in h.posted(EntryList.Selected)] == [(0, "a")]
        await h.press("end")
        assert h.widget.current_key == "c" and h.lines()[3].startswith(MARK)


async def test_set_rows_keeps_the_cursor_on_the_same_entry():
    async with mounted(EntryList(), size=(100, 8)) as h:
        lst = h.widget
        lst.set_rows(ROWS)
        await h.press("j")
        lst.set_rows([ROWS[2], ROWS[1], ROWS[0]], keep_key="b")
        assert lst.current_key == "b" and lst.cursor == 1
        assert lst.move_to_key("c") and lst.current_key == "c" and not lst.move_to_key("zz")
        assert lst.index_of("a") == 2 and lst.keys == ["c", "b", "a"]
        lst.set_rows([])
        await h.press("enter", "j")
        assert h.posted(EntryList.Selected) == [] and lst.current_key is None


async def test_rows_are_built_only_when_drawn():
    built: list[str] = []

    def make(key: str) -> EntryRow:
        built.append(key)
        return row(key, f"Entry {key}")

    keys = [str(i) for i in range(5000)]
    async with mounted(EntryList(), size=(100, 10)) as h:
        h.widget.set_source(keys, make)
        await h.settle()
        assert 0 < len(set(built)) <= 10
        await h.press("end")
        assert "Entry 4999" in h.text() and len(set(built)) <= 30


async def test_search_matches_are_styled_without_changing_the_text():
    async with mounted(EntryList(), size=(100, 6)) as h:
        h.widget.set_rows([row("a", "Rejected by Acme", title_spans=((12, 16),))])
        await h.settle()
        line = h.lines()[1]
        start = line.index("Rejected by Acme")
        assert line[start + 12:start + 16] == "Acme"
        match, plain = h.widget.get_style_at(start + 13, 1), h.widget.get_style_at(start + 2, 1)
        assert match.underline and match.reverse and not plain.underline


async def test_markup_in_every_field_is_shown_as_typed():
    async with mounted(EntryList(), size=(160, 6)) as h:
        for hostile in MARKUP_HOSTILE:
            h.widget.set_rows([row("x", hostile, app=hostile, kind=hostile[:10], rating=hostile[:11],
                                   title_spans=((0, 3),))])
            await h.settle()
            assert_shown_literally(h.lines()[1], hostile, width=10)
        await h.press("enter")
        assert h.app.is_running


async def test_control_characters_in_user_text_never_reach_the_terminal():
    async with mounted(EntryList(), size=(160, 6)) as h:
        for hostile in CONTROL_HOSTILE:
            h.widget.set_rows([row("x", hostile, app=hostile)])
            await h.settle()
            assert_shown_literally(h.lines()[1], hostile, width=4)


async def test_a_frame_asks_for_the_lists_style_once_and_a_new_focus_restyles_it(monkeypatch):
    """The widget's own style walks the DOM; each line asked for it again (a quarter of a search
    keystroke's rows, issue 16). Asked once per frame; focus (the cursor's colour) still shows."""
    lst = EntryList()
    async with mounted(lst, size=(100, 8)) as h:
        lst.set_rows(ROWS)
        await h.settle()
        asked: list[int] = []
        real = EntryList.rich_style

        def counting(self: EntryList):
            asked.append(1)
            return real.fget(self)

        monkeypatch.setattr(EntryList, "rich_style", property(counting))
        lst.refresh()
        focused = lst.render_line(1)
        assert all(lst.render_line(y) for y in range(2, 8)) and len(asked) == 1
        h.app.set_focus(None)
        await h.settle()
        assert lst.render_line(1).text == focused.text
        assert lst.render_line(1) != focused  # the blurred cursor's style
