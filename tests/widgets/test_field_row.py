"""widgets.field_row: the label is drawn by the row, left of its first field (which the CSS moves over)."""

from __future__ import annotations

from textual.widgets import Input, Static

from tests.harness import mounted
from widgets.field_row import FIRST_CLASS, FieldRow
from widgets.quick_form import compact

CSS = ".form-row > .-first { margin-left: 12; } .form-row > Input { width: 20; }"


def form_row(label: str) -> FieldRow:
    return FieldRow(label, compact(Input(placeholder="Acme", id="company")), Static("hint", id="hint"),
                    classes="form-row")


async def with_css(h) -> None:
    h.app.stylesheet.add_source(CSS)
    h.app.refresh_css(animate=False)
    await h.settle()


async def test_the_label_is_drawn_left_of_the_fields_and_the_fields_keep_their_places():
    async with mounted(form_row("Company *")) as h:
        await with_css(h)
        line = h.lines()[0]
        assert line.startswith("Company *")
        assert line[12:16] == "Acme"  # the first field starts after the labels' width
        assert "hint" in line[32:]
        assert h.app.query_one("#company").has_class(FIRST_CLASS)
        assert not h.app.query_one("#hint").has_class(FIRST_CLASS)
        assert h.widget.label == "Company *"


async def test_a_label_is_shown_literally():
    async with mounted(form_row("[b]Tag[/]")) as h:
        await with_css(h)
        assert h.lines()[0].startswith("[b]Tag[/]")


async def test_the_field_in_the_row_takes_focus_and_typing():
    async with mounted(form_row("Company"), focus=False) as h:
        h.app.query_one("#company", Input).focus()
        await h.press("s")
        assert h.app.query_one("#company", Input).value == "s"
