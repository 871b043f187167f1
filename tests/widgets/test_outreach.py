"""Outreach's widgets on their own: the marked message text (slots, missing values, tone findings
that stay visible without colour) and the template editor's highlighting; user text literal."""

from __future__ import annotations

from rich.cells import cell_len
from textual.widgets import Static

from tests.harness import (
    CONTROL_HOSTILE,
    MARKUP_HOSTILE,
    assert_shown_literally,
    mounted,
)
from tests.waiting import type_text
from widgets.outreach_source import TemplateTextArea, _byte_offsets
from widgets.outreach_text import SPAN_STYLES, lines, marked

BODY = "Hi Ana, thank you for «one good thing». I am ${missing} and sorry to bother you."


def span_of(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


# --------------------------------------------------------------------------- marked text


def test_marked_keeps_the_text_and_styles_each_kind_of_span():
    spans = [(*span_of(BODY, "«one good thing»"), "slot"), (*span_of(BODY, "${missing}"), "missing"),
             (*span_of(BODY, "sorry to bother you"), "tone")]
    content = marked(BODY, spans)
    assert content.plain == BODY
    styles = {str(s.style) for s in content.spans}
    assert styles == {SPAN_STYLES["slot"], SPAN_STYLES["missing"], SPAN_STYLES["tone"]}


def test_marked_clamps_spans_and_drops_empty_ones():
    content = marked("short", [(-5, 2, "slot"), (3, 99, "missing"), (4, 4, "tone"), (9, 12, "slot")])
    assert [(s.start, s.end) for s in content.spans] == [(0, 2), (3, 5)]
    assert marked("plain").spans == []


def test_lines_join_styled_lines_literally():
    content = lines([("bold", "Subject: [b]hi[/b]"), ("", "Body [/]")])
    assert content.plain == "Subject: [b]hi[/b]\nBody [/]"


async def test_slots_read_without_colour_reverse_video_and_underline():
    slot = span_of(BODY, "«one good thing»")
    tone = span_of(BODY, "sorry to bother you")
    async with mounted(Static(marked(BODY, [(*slot, "slot"), (*tone, "tone")])), size=(120, 3)) as h:
        row = h.lines()[0]
        assert row.startswith(BODY)
        assert h.widget.get_style_at(slot[0] + 1, 0).reverse
        assert h.widget.get_style_at(tone[0] + 1, 0).underline
        assert not h.widget.get_style_at(0, 0).reverse and not h.widget.get_style_at(0, 0).underline


async def test_markup_in_a_message_is_shown_as_typed():
    async with mounted(Static(""), size=(120, 12)) as h:
        for hostile in MARKUP_HOSTILE:
            h.widget.update(marked(hostile, [(0, 2, "slot")]))
            await h.settle()
            assert_shown_literally(h.lines(), hostile, width=40)
            h.widget.update(lines([("bold", hostile), ("", hostile)]))
            await h.settle()
            assert_shown_literally(h.lines(), hostile, width=40)


async def test_control_characters_in_a_message_never_reach_the_terminal():
    async with mounted(Static(""), size=(120, 12)) as h:
        for hostile in CONTROL_HOSTILE:
            h.widget.update(marked(hostile, [(0, 2, "slot")]))
            await h.settle()
            assert_shown_literally(h.lines(), hostile, width=4)


# --------------------------------------------------------------------------- the template editor


def test_byte_offsets_count_utf8_bytes_per_character():
    assert _byte_offsets("aé日🎉") == [0, 1, 3, 6, 10]


def cell_x(row: str, part: str) -> int:
    """The screen column where ``part`` starts in a painted row (wide characters count two)."""
    return cell_len(row[: row.index(part)])


async def test_placeholders_slots_and_tags_are_marked_after_wide_characters_too():
    text = 'Hi {{ first_name }}, 日本語の会社 {{ ask("one good thing") }} é {% if x %}y{% endif %}'
    async with mounted(TemplateTextArea(text), size=(100, 6)) as h:
        row = h.lines()[1]
        style = h.widget.get_style_at
        placeholder = style(cell_x(row, "{{ first") + 3, 1)
        assert placeholder.bold and placeholder.underline and not placeholder.reverse
        slot = style(cell_x(row, "{{ ask") + 3, 1)
        assert slot.reverse and slot.bold
        assert style(cell_x(row, "{% if") + 3, 1).italic
        assert not style(cell_x(row, "日本") + 1, 1).underline  # the user's own words
        assert not style(cell_x(row, "y{%"), 1).italic


async def test_the_editor_soft_wraps_tab_leaves_and_typed_expressions_are_marked():
    async with mounted(TemplateTextArea("x"), size=(60, 8), extra=(Static("next", id="after"),)) as h:
        assert h.widget.soft_wrap
        h.widget.move_cursor((0, 1))
        await type_text(h.pilot, " {{ co }}")
        assert h.widget.text == "x {{ co }}"
        row = h.lines()[1]
        assert h.widget.get_style_at(cell_x(row, "{{ co") + 3, 1).underline


async def test_markup_in_a_template_is_shown_as_typed():
    text = "\n".join(s[:60] for s in MARKUP_HOSTILE)
    async with mounted(TemplateTextArea(text), size=(100, 14)) as h:
        for hostile in MARKUP_HOSTILE:
            assert_shown_literally(h.lines(), hostile[:60], width=60)


async def test_control_characters_in_a_template_never_reach_the_terminal():
    async with mounted(TemplateTextArea("\n".join(CONTROL_HOSTILE)), size=(100, 10)) as h:
        for hostile in CONTROL_HOSTILE:
            assert_shown_literally(h.lines(), hostile, width=4)
