"""The data file changed on disk under a save: ask whether to reload it or keep both, and do it.

Its dialog (:class:`tui.dialogs.ConflictDialog`) is imported when the question comes, not at start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from store import logs
from store.errors import StoreError

if TYPE_CHECKING:
    from tui.app import ReboundApp
    from tui.dialogs import Conflict


def ask(app: ReboundApp) -> None:
    """Ask what to do about the file changed on disk (:func:`resolve` does the answer)."""
    from tui.dialogs import ConflictDialog

    app.push_screen(ConflictDialog(str(app.store.path)), lambda choice: resolve(app, choice))


def resolve(app: ReboundApp, choice: Conflict | None) -> None:
    from tui.dialogs import Conflict

    if choice is Conflict.RELOAD:
        try:
            reloaded = app.store.reload()
        except (StoreError, OSError) as exc:  # corrupt on disk: keep ours in memory
            logs.swallowed(exc, "reload")
            app.notify(f"Could not reload: {getattr(exc, 'reason', exc)}", severity="error", markup=False)
            return
        if reloaded:  # else the file was gone: ours was written back (a warning says so)
            app.notify("Reloaded the data file from disk.", markup=False)
        app.refresh_screens()
    elif choice is Conflict.KEEP_BOTH:
        try:
            copy = app.store.keep_both()
        except (StoreError, OSError) as exc:
            app.notify(f"Not saved: {getattr(exc, 'reason', exc)}", severity="error", markup=False)
            return
        app.notify(f"Saved yours; the disk version is kept as {copy.name}." if copy is not None
                   else "Saved yours (there was no file on disk to keep).", markup=False)
    app.tell_warnings()
