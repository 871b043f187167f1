"""Keep the garbage collector's full passes out of a gesture's first frame.

Opening a form or a dialog builds dozens of widgets, their styles and their lines: enough new
objects to set off a full collection, which walks every object the session holds (tens of
thousands at 10,000 applications: 70–250 ms on a busy machine) before the frame is drawn.
:func:`collect_after_paint` pauses the collector until that frame is painted; it then runs as
before (the collection that was due happens right after the frame, as the save after a move does).
:func:`after_frame` runs the save after a one-key change once its frame is on its way.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import Any

from textual.app import App


def collect_after_paint(app: App[Any]) -> None:
    """Pause the collector until the next frame is painted (nested calls share one pause)."""
    if not gc.isenabled():
        return  # paused already (by an earlier call, or by someone who will turn it back on)
    gc.disable()
    app.call_after_refresh(gc.enable)


#: Seconds between a frame being handed to the terminal and a save that waits for it. Textual sends
#: frames from a writer thread; a save started at once holds the interpreter (joining and writing
#: megabytes at the heavy dataset) and the frame reached the terminal only after it, ~60 ms late. Keys
#: typed within it (L L L) are saved together, once.
AFTER_FRAME_S = 0.03


def after_frame(app: App[Any], callback: Callable[[], object]) -> None:
    """Run ``callback`` once the next frame is painted and on its way to the terminal (see
    :data:`AFTER_FRAME_S`): the save after a one-key change."""
    app.call_after_refresh(lambda: app.set_timer(AFTER_FRAME_S, callback))
