"""No garbage collection from the start of ``rebound-tui`` to the app's first frame (issue 16).

Starting imports a few hundred modules and makes the first screen: enough new objects to set off
about a hundred collections (~35 ms at start on this project's machine, the bare Textual app pays
them too), none of which finds much (what start-up leaves unreachable is a few thousand objects, a
3 ms collection). The console script pauses the collector first thing (:func:`pause_for_start`); the
app turns it back on after its first frame, and a subcommand as soon as it is known that no app
starts (:func:`resume`). Standard library only: the command line imports it before anything else.
"""

from __future__ import annotations

import gc

_paused = False


def pause_for_start() -> None:
    """Pause the collector until :func:`resume` (only if it runs now: a pause someone else made is
    theirs to end)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Turn the collector back on if :func:`pause_for_start` paused it (else nothing)."""
    global _paused
    if _paused:
        _paused = False
        gc.enable()
