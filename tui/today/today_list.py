"""Today's list: an OptionList that says when its height changes, so the plans are fitted to the
rows it really has (the first fill can come before the layout, and the lines around it can grow)."""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widgets import OptionList


class TodayList(OptionList):
    class HeightChanged(Message):
        """The list has a new height: what fits above "Due today" may have changed."""

    _height = 0

    def on_resize(self, event: events.Resize) -> None:
        if event.size.height != self._height:
            self._height = event.size.height
            self.post_message(self.HeightChanged())
