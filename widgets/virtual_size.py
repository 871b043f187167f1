"""Changing a scrolling widget's virtual size without a layout pass of the whole screen.

Textual's ``Widget.virtual_size`` is a reactive with ``layout=True``: every change (a list that
filters to a new number of rows, an Input whose text grows by a letter) lays out every widget of the
screen again before the next frame, 10-20 ms on a busy screen, inside the keystroke it answers.
What the new size changes of the widget itself is only its scrollbars (their thumbs, whether they are
shown) and how far it can scroll; Textual's ``_scroll_update`` updates exactly that. A layout is still
asked for when a scrollbar appears or goes (``show_vertical_scrollbar`` is itself a layout reactive),
as that changes the room the widget's content has.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.widget import Widget


def set_virtual_size(widget: Widget, size: Size) -> None:
    """Give ``widget`` the virtual ``size``: its scrollbars and scroll limits follow, and it repaints;
    the screen is laid out again only if a scrollbar is shown or hidden by it."""
    if size == widget.virtual_size:
        return
    widget.set_reactive(Widget.virtual_size, size)
    if widget.is_mounted and widget.container_size:
        widget._scroll_update(size)  # scrollbars and scroll limits (a layout reactive if one shows or hides)
    else:  # not laid out yet: the first layout works it all out
        widget.refresh(layout=True)
        return
    widget.refresh()
