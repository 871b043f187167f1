"""One line of a form: its label and its fields, as one widget instead of a row container plus a label.

A form of twenty rows built as ``Horizontal(Label(...), field, hint)`` has forty widgets before its
first field; each is built, styled, laid out and drawn. :class:`FieldRow` draws the label itself, in
the room its first field leaves by a left margin (the ``-first`` class it gives that field: the form's
CSS sets the margin to the labels' width, e.g. ``.form-row > .-first { margin-left: 14; }``). The
label is drawn in the row's own colour, so a form sets ``color`` on the row for the label and on its
fields for theirs (Textual's fields set their own). Labels are shown literally (never markup).
"""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

FIRST_CLASS = "-first"


class FieldRow(Widget):
    """A horizontal row of ``fields`` with ``label`` drawn to their left."""

    DEFAULT_CSS = """
    FieldRow { layout: horizontal; width: 1fr; height: auto; min-height: 1; }
    """

    def __init__(self, label: str, *fields: Widget, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(*fields, id=id, classes=classes)
        self._label = Content(label)
        if fields:
            fields[0].add_class(FIRST_CLASS, update=False)  # not mounted yet: styled when it is

    @property
    def label(self) -> str:
        return self._label.plain

    def render(self) -> Content:
        return self._label
