"""The composer's slot fields on their own (issue 12): spans that follow every edit (a property test),
highlights that land on the right cells after wide characters and stay visible without colour,
typing over a selected slot, undo bringing the slot back, tab posting a jump, a one-line subject."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from textual.widgets import Static

from tests.harness import mounted
from tests.waiting import type_text
from widgets.slot_text import Jump, SlotInput, SlotTextArea
from widgets.spans import Span, SpanTracker, fitting, follow, next_span

PROPERTIES = settings(derandomize=True, deadline=None, max_examples=60, database=None,
                      suppress_health_check=[HealthCheck.too_slow])

TEXT = "Hi Ana 🎉, 日本語の会社 «one good thing» and «me.name».\nBest, Alex"


def span_of(text: str, part: str, kind: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part), kind, part)


SPANS = [span_of(TEXT, "Ana", "value"), span_of(TEXT, "«one good thing»", "slot"),
         span_of(TEXT, "«me.name»", "missing"), span_of(TEXT, "Alex", "value")]


# --------------------------------------------------------------------------- spans that follow edits

pieces = st.sampled_from(["«", "»", "{{", "[/]", "🎉", "日本", "\n", "a", " ", "«x»"])
edit = st.tuples(st.integers(0, 80), st.integers(0, 20), st.lists(pieces, max_size=3).map("".join))


@PROPERTIES
@given(edits=st.lists(edit, max_size=8))
def test_spans_keep_their_words_through_any_edits_and_only_an_edit_inside_drops_one(edits):
    tracker = SpanTracker(TEXT, SPANS)
    for at, length, inserted in edits:
        text = tracker.text
        start = min(at, len(text))
        end = min(len(text), start + length)
        before = tracker.spans
        new = text[:start] + inserted + text[end:]
        tracker.edited(start, end, new)
        assert tracker.text == new
        for s in tracker.spans:
            assert new[s.start:s.end] == s.data  # each span still covers exactly its words
        assert fitting(new, tracker.spans) == tracker.spans
        untouched = [s.data for s in before if end <= s.start or start >= s.end]
        assert [s.data for s in tracker.spans] == untouched


@PROPERTIES
@given(edits=st.lists(edit, min_size=1, max_size=4))
def test_spans_follow_a_whole_new_text_by_what_stayed_the_same(edits):
    text = TEXT
    for at, length, inserted in edits:
        start = min(at, len(text))
        text = text[:start] + inserted + text[min(len(text), start + length):]
    for s in follow(SPANS, TEXT, text):
        assert text[s.start:s.end] == s.data


def test_undo_brings_back_the_spans_of_a_text_seen_before():
    tracker = SpanTracker(TEXT, SPANS)
    slot = SPANS[1]
    typed = TEXT[:slot.start] + "the roadmap" + TEXT[slot.end:]
    tracker.edited(slot.start, slot.end, typed)
    assert [s.kind for s in tracker.spans] == ["value", "missing", "value"]
    tracker.changed(TEXT)
    assert tracker.spans == SPANS


def test_next_span_skips_the_selected_one_and_goes_back():
    slots = [s for s in SPANS if s.kind != "value"]
    first, second = slots
    assert next_span(SPANS, 0, forward=True, kinds={"slot", "missing"}) == first
    assert next_span(SPANS, first.start, forward=True, kinds={"slot", "missing"},
                     selected=(first.start, first.end)) == second
    assert next_span(SPANS, second.start, forward=False, kinds={"slot", "missing"}) == first
    assert next_span(SPANS, len(TEXT), forward=True) is None


# --------------------------------------------------------------------------- the fields


def cell_x(row: str, part: str) -> int:
    return cell_len(row[: row.index(part)])


async def test_slots_and_values_are_highlighted_after_wide_characters_without_colour():
    async with mounted(SlotTextArea(TEXT, SPANS), size=(100, 6)) as h:
        row = h.lines()[1]
        style = h.widget.get_style_at
        slot = style(cell_x(row, "«one") + 2, 1)
        assert slot.reverse and slot.bold
        assert style(cell_x(row, "«me.name") + 2, 1).reverse
        assert style(cell_x(row, "Ana") + 1, 1).underline
        assert not style(cell_x(row, "日本") + 1, 1).underline and not style(cell_x(row, "日本") + 1, 1).reverse


async def test_typing_over_a_selected_slot_replaces_it_and_undo_brings_it_back():
    async with mounted(SlotTextArea(TEXT, SPANS), size=(100, 6)) as h:
        area = h.widget
        area.select(next(s for s in area.spans if s.kind == "slot"))
        await h.settle()
        assert area.selected_text == "«one good thing»"
        await type_text(h.pilot, "the roadmap")
        assert "会社 the roadmap and «me.name»" in area.text
        assert [s.kind for s in area.spans] == ["value", "missing", "value"]
        assert all(area.text[s.start:s.end] == s.data for s in area.spans)
        for _ in range(3):  # Textual undoes typing in batches: the selection replaced, then the rest
            if area.text != TEXT:
                await h.press("ctrl+z")
        assert area.text == TEXT and [s.data for s in area.spans] == [s.data for s in SPANS]


async def test_tab_posts_a_jump_and_the_whole_text_can_be_replaced_keeping_spans():
    async with mounted(SlotTextArea(TEXT, SPANS), size=(100, 6), extra=(Static("next"),)) as h:
        await h.press("tab")
        await h.press("shift+tab")
        assert [j.forward for j in h.posted(Jump)] == [True, False]
        h.widget.set_text(TEXT.replace("Hi Ana", "Hello Ana").replace("Best,", "Warmly,"))
        await h.settle()
        assert [s.data for s in h.widget.spans] == [s.data for s in SPANS]


async def test_the_subject_line_tracks_its_slot_and_shows_it_highlighted():
    value = "Re: «app.role» at Northwind"
    async with mounted(SlotInput(), size=(60, 3)) as h:  # (an Input with a value needs a running app)
        field = h.widget
        field.load(value, [span_of(value, "«app.role»", "missing")])
        (span,) = field.spans
        field.cursor_position = 0
        await h.settle()
        y, row = next((y, row) for y, row in enumerate(h.lines()) if "Re:" in row)
        assert h.widget.get_style_at(cell_x(row, "«app") + 2, y).reverse
        assert not h.widget.get_style_at(cell_x(row, "at North") + 1, y).reverse
        field.select(span)
        await h.settle()
        assert field.selected_text == "«app.role»"
        await type_text(h.pilot, "Data Engineer")
        assert field.value == "Re: Data Engineer at Northwind" and field.spans == []
        field.load(value, [span_of(value, "«app.role»", "missing")])
        field.value = "Fwd: " + value
        assert [(s.start, s.data) for s in field.spans] == [(9, "«app.role»")]
