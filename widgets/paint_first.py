"""Keep the garbage collector's full passes out of a gesture's first frame.

Opening a form or a dialog builds dozens of widgets, their styles and their lines: enough new
objects to set off a full collection, which walks every object the session holds (tens of
thousands at 10,000 applications: 70–250 ms on a busy machine) before the frame is drawn.
:func:`collect_after_paint` pauses the collector until that frame is painted; it then runs as
before (the collection that was due happens right after the frame, as the save after a move does).
"""

from __future__ import annotations

import gc
from typing import Any

from textual.app import App


def collect_after_paint(app: App[Any]) -> None:
    """Pause the collector until the next frame is painted (nested calls share one pause)."""
    if not gc.isenabled():
        return  # paused already (by an earlier call, or by someone who will turn it back on)
    gc.disable()
    app.call_after_refresh(gc.enable)
