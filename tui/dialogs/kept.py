"""Dialogs made once and kept: the board's new-application form (``n``) and the contacts' log dialog (``l``).

Opening a form used to build its widgets (about 56 for the board's form, 22 for the log dialog), style
each, lay them out and draw them, all between the key and the frame. A kept dialog is made once (by
the warm-up in idle time, see :func:`make_ahead`, or at its first opening) and installed under a name
(:meth:`textual.app.App.install_screen`: Textual then keeps it when it is popped, where it removes any
other screen, ``App._replace_screen``). Each opening sets it to its new context (the stage, the
contacts) and pushes it: its widgets are mounted, styled and laid out already, and a key typed right
after the one that opened it finds its first field focused. When it closes it is cleared (no text
typed in it stays in a hidden screen) after the frame that shows what it closed to, and drawn into
its widgets' caches for the next opening.

A kept dialog in use (on a screen stack) or still being made is never shared: :func:`reuse` then
makes a fresh one, as before. The idle lock drops them all (:func:`drop_all`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar, runtime_checkable

from textual.app import App
from textual.screen import Screen
from textual.widget import Widget

from store import logs

#: The names they are installed under.
NEW_APPLICATION = "rebound-kept-new-application"
LOG_TOUCHPOINT = "rebound-kept-log-touchpoint"
NAMES = (NEW_APPLICATION, LOG_TOUCHPOINT)

#: What :func:`make_ahead` returns while the dialog is mounting (the warm-up's ``AGAIN``).
NOT_YET = object()

S = TypeVar("S", bound=Screen[Any])


@runtime_checkable
class Kept(Protocol):
    """A dialog that can be kept: :meth:`clear` empties it after it closes (fields at their defaults,
    messages gone, nothing the user typed left); its own opening method sets the new context."""

    def clear(self) -> None: ...


@runtime_checkable
class BuiltInSlices(Protocol):
    """A dialog made ahead a part at a time: :meth:`build_more` mounts the next part (True when all
    are in); :attr:`built` says whether it is complete (only then is it opened)."""

    @property
    def built(self) -> bool: ...

    def build_more(self) -> bool: ...


def classes_of(screen: Screen[Any]) -> dict[Widget, frozenset[str]]:
    """Each widget's classes as composed (an Input validated since gets ``-valid``, a message ``-error``…)."""
    return {w: frozenset(w.classes) for w in screen.query("*")}


def restore_classes(classes: dict[Widget, frozenset[str]]) -> None:
    """Put back what :func:`classes_of` noted (a widget's styles are updated only where they differ)."""
    for widget, fresh in classes.items():
        if frozenset(widget.classes) != fresh:
            widget.set_classes(fresh)


def _installed(app: App[Any], name: str) -> Screen[Any] | None:
    if not app.is_screen_installed(name):
        return None
    screen = app.get_screen(name)
    return screen if isinstance(screen, Screen) else None


def _on_a_stack(app: App[Any], screen: Screen[Any]) -> bool:
    return any(screen in stack for stack in app._screen_stacks.values())


def ready(app: App[Any], name: str) -> Screen[Any] | None:
    """The kept dialog under ``name`` when it can be opened now: made, mounted, not in use."""
    screen = _installed(app, name)
    if screen is None or not screen.is_mounted or _on_a_stack(app, screen):
        return None
    if isinstance(screen, BuiltInSlices) and not screen.built:
        return None
    return screen


def reuse(app: App[Any], name: str, kind: type[S], make: Callable[[], S]) -> tuple[S, bool]:
    """The dialog to open: the kept one under ``name`` (ready), else one made by ``make`` (kept for
    the next time when nothing is kept yet; one the warm-up is still making goes on being made). Also
    says whether it was kept from before (then the caller sets it to the new context)."""
    screen = ready(app, name)
    if isinstance(screen, kind):
        return screen, True
    made = make()
    if _installed(app, name) is None and app.is_running:
        app.install_screen(made, name)
    return made, False


def make_ahead(app: App[Any], name: str, make: Callable[[], Screen[Any]]) -> object:
    """A warm-up step: make the dialog, install it and mount it behind the current screen (its compose
    and mount run as after a push, nothing is shown; a dialog :class:`BuiltInSlices` then mounts the
    rest a part per step); :data:`NOT_YET` until that is done, then lay it out at the terminal's size
    and draw it into its widgets' caches. None when done (or kept already)."""
    screen = _installed(app, name)
    if screen is None:
        screen = make()
        app.install_screen(screen, name)
        app._register(app, screen)
        return NOT_YET
    if _on_a_stack(app, screen):
        return None
    if not screen.is_mounted:
        return NOT_YET if screen.is_running else None
    if isinstance(screen, BuiltInSlices) and not screen.build_more():
        return NOT_YET
    return draw_ahead(app, screen)


def draw_ahead(app: App[Any], screen: Screen[Any]) -> object:
    """Lay ``screen`` (not shown) out at the terminal's size and draw its widgets into their caches, so
    its next opening only composes the frame. :data:`NOT_YET` while what the layout set off runs."""
    if screen.size != app.size or screen._layout_required:
        screen._layout_required = False
        screen._refresh_layout(app.size)
        return NOT_YET
    screen._compositor.render_update(full=True, screen_stack=[])
    return None


#: Seconds after a kept dialog is cleared before it is laid out and drawn again (:func:`after_close`):
#: out of the way of a key typed right after closing it.
DRAW_AFTER_S = 0.25


def after_close(app: App[Any], screen: Screen[Any]) -> None:
    """Clear a kept dialog that was closed, once the frame it closed to is painted; a moment later lay
    it out and draw it (:func:`draw_ahead`), so its next opening needs neither. Each part does nothing
    when it was opened again meanwhile (an opening clears it itself if need be)."""

    def idle() -> bool:
        return not _on_a_stack(app, screen) and screen.is_mounted

    def draw() -> None:
        if idle() and draw_ahead(app, screen) is NOT_YET:
            draw_ahead(app, screen)

    def clear() -> None:
        if not idle() or not isinstance(screen, Kept):
            return
        try:
            screen.clear()
        except Exception as exc:  # noqa: BLE001 - in idle time: the next opening clears it (and says)
            logs.swallowed(exc, "clearing a kept dialog")
            return
        app.set_timer(DRAW_AFTER_S, draw)

    app.call_after_refresh(clear)


def is_kept(app: App[Any], screen: Screen[Any]) -> bool:
    """``screen`` is one of the kept dialogs (installed under one of :data:`NAMES`)."""
    return any(_installed(app, name) is screen for name in NAMES)


async def drop_all(app: App[Any]) -> None:
    """Forget the kept dialogs (the idle lock: nothing of the session stays in a hidden screen)."""
    for name in NAMES:
        screen = _installed(app, name)
        if screen is None or _on_a_stack(app, screen):
            continue
        app.uninstall_screen(name)
        if screen.is_running:
            await screen.remove()
