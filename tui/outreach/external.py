"""``ctrl+e`` in the draft editor: the message (subject and body, as it reads) in ``$EDITOR``.

The text goes to a private temporary file that is always removed (:func:`store.handoff.editor_file`);
the editor runs through ``app.editor_runner`` (tests replace it). Whatever goes wrong, the draft
being written survives and the person is told why nothing changed.
"""

from __future__ import annotations

import logging

from store.handoff import editor_file, read_back
from tui.shell.base import ReboundScreen

log = logging.getLogger("rebound")


def edit_externally(screen: ReboundScreen, text: str) -> str | None:
    """``text`` edited in the person's editor; None when nothing changed (they are told why)."""
    try:
        with editor_file(text) as ef:
            code = screen.rapp.editor_runner(screen.app, str(ef.path))
            new = read_back(ef)
    # Blind on purpose: whatever the editor (or its absence, or a terminal that can't be suspended)
    # raises, the draft being written must survive. The user is told; the log gets the error's type
    # only (its message could quote the draft).
    except Exception as exc:  # noqa: BLE001 - whatever the editor raises, the draft must survive
        log.warning("outreach: running the external editor failed: %s", type(exc).__name__)
        screen.notify(f"Couldn't run your editor: {exc}. Set $EDITOR (or $VISUAL).", title="Editor",
                      severity="warning", markup=False)
        return None
    if code:
        screen.notify(f"The editor exited with code {code}; nothing changed.", markup=False)
        return None
    if new is None or new == text:
        screen.notify("No changes from the editor.", markup=False, timeout=3)
        return None
    return new
