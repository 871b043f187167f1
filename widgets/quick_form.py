"""What makes a form's first frame quick: a modal screen that doesn't restyle what it has just styled, and
compact fields that aren't styled before they are mounted.

Textual styles each widget as it is mounted, then, when the new screen becomes active, restyles the
whole screen once more (``ScreenResume(refresh_styles=True)``: right for a screen coming back after
another one, when the theme or its classes may have changed meanwhile). On a screen that was just
built, that second pass styles the same widgets the same way again; in a form of 60-80 widgets it
is about a quarter of the time between the key and the frame. :class:`QuickModal` skips it the
first time only; every later resume (a dialog over the form closed, say) restyles as before.

:func:`compact` makes a field compact (no border) without the restyle Textual's ``compact=True``
does at once, in the constructor, before the widget is even mounted (it is styled when it is).
"""

from __future__ import annotations

from typing import Any, TypeVar

from textual import events
from textual.screen import ModalScreen, ScreenResultType
from textual.widget import Widget

W = TypeVar("W", bound=Widget)

COMPACT_CLASS = "-textual-compact"


class QuickModal(ModalScreen[ScreenResultType]):
    """A :class:`~textual.screen.ModalScreen` that skips the redundant restyle of its first resume."""

    _resumed = False

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # runs before Screen's own handler (a subclass's handler comes first in the MRO walk)
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False


def compact(widget: W) -> W:
    """``widget`` (an Input, TextArea, Select, OptionList… with a ``compact`` reactive) made compact
    without restyling it now: the class is set quietly and the widget is styled when mounted."""
    reactive: Any = type(widget).compact  # type: ignore[attr-defined]
    widget.set_reactive(reactive, True)
    widget.add_class(COMPACT_CLASS, update=False)
    return widget
