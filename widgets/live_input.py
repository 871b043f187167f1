"""An Input whose every change is answered in the frame that shows it.

Textual posts :class:`~textual.widgets.Input.Changed` to the field's own queue; it reaches a screen
after a hop through each container in between, and the screen may paint in the meantime: the typed
character alone first, the list it filters a frame (16-40 ms) later. :class:`LiveInput` calls
``answer(value)`` inside the change itself (the key, paste or edit that set the value), so whatever the
answer updates is refreshed together with the field and the first frame after the key shows both.
``Changed`` is still posted as usual (a handler can tell it was answered: the value is the one it
last saw).

``answer`` is not called for a change made inside ``field.prevent(Input.Changed)`` (a screen setting
the text itself), as no ``Changed`` would be sent for it either. The garbage collector waits for that
frame (:func:`widgets.paint_first.collect_after_paint`): a filter's answer makes thousands of small
objects, enough to set off a collection inside the keystroke's frame.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.geometry import Size
from textual.widgets import Input

from widgets.paint_first import collect_after_paint
from widgets.virtual_size import set_virtual_size


class LiveInput(Input):
    """An :class:`~textual.widgets.Input` that calls ``answer(value)`` whenever its value changes."""

    def __init__(self, *args: object, answer: Callable[[str], None] | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.answer = answer

    def _watch_value(self, value: str) -> None:
        # Input's own watcher sets the virtual size (the text's width, for scrolling inside the field):
        # set first here without a layout pass of the screen (see widgets.virtual_size), so Input's
        # assignment finds it unchanged
        set_virtual_size(self, Size(self.content_width, 1))
        super()._watch_value(value)

    def watch_value(self, value: str) -> None:
        if self.answer is not None and not self._is_prevented(Input.Changed):
            collect_after_paint(self.app)
            self.answer(value)
