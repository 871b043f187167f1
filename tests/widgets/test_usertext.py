"""The helpers every screen uses to show user text: literal content, our own markup with user values
in slots, DataTable cells, one-line clips; shown on screen through the harness."""

from __future__ import annotations

from rich.text import Text
from textual.content import Content
from textual.widgets import DataTable, Static

from tests.harness import (
    CONTROL_HOSTILE,
    MARKUP_HOSTILE,
    assert_shown_literally,
    mounted,
)
from widgets.usertext import cell, clip, literal, safe


def test_literal_never_parses_markup():
    for text in MARKUP_HOSTILE:
        assert literal(text).plain == text and literal(text).spans == []
    assert literal(None).plain == "" and literal(42).plain == "42"


def test_our_markup_with_user_values_substituted_is_never_parsed():
    content = Content.from_markup("[b]$name[/b] at $company", name="[@click=app.quit]x[/]", company="Acme [/]")
    assert content.plain == "[@click=app.quit]x[/] at Acme [/]"
    assert [content.plain[s.start:s.end] for s in content.spans] == ["[@click=app.quit]x[/]"]


def test_cell_is_rich_text_on_one_line():
    c = cell("[b]bold[/b]", "italic")
    assert isinstance(c, Text) and c.plain == "[b]bold[/b]" and c.no_wrap and str(c.style) == "italic"
    assert cell(None).plain == ""


def test_clip_keeps_one_line_with_an_ellipsis():
    assert clip("two\nlines", 20) == "two lines"
    assert clip("abcdef", 4) == "abc…" and clip("abc", 3) == "abc" and clip("abc", 0) == ""
    assert clip(None, 5) == ""


async def test_literal_styled_and_cells_show_markup_as_typed_on_screen():
    table: DataTable[object] = DataTable()
    async with mounted(Static(""), size=(120, 16), extra=(table,)) as h:
        table.add_columns("value")
        for hostile in MARKUP_HOSTILE:
            table.add_row(cell(hostile))
            h.widget.update(literal(hostile))
            await h.settle()
            assert_shown_literally(h.lines(), hostile, width=60)
            h.widget.update(Content.from_markup("[b]Name:[/b] $v", v=safe(hostile)))
            await h.settle()
            assert_shown_literally(h.lines(), hostile, width=60)
            assert "Name:" in h.text()
        assert table.row_count == len(MARKUP_HOSTILE) and h.app.is_running


async def test_control_characters_never_reach_the_terminal_through_the_helpers():
    table: DataTable[object] = DataTable()
    async with mounted(Static(""), size=(120, 16), extra=(table,)) as h:
        table.add_columns("value")
        for hostile in CONTROL_HOSTILE:
            table.add_row(cell(hostile))
            h.widget.update(literal(hostile))
            await h.settle()
            assert_shown_literally(h.lines(), hostile, width=4)
            h.widget.update(Content.from_markup("$v", v=safe(hostile)))
            await h.settle()
            assert_shown_literally(h.lines(), hostile, width=4)
