"""No full stylesheet reparse before the first frame, nor on a mode's first visit (issue 16).

Textual reparses every CSS source from scratch (a fresh stylesheet; its parse cache dropped, so the
next parse after it is a full one too) each time it refreshes the CSS: when the theme is set, and
when a mode's first screen is made, since a new screen counts as not yet styled for the current
theme. Before Today's first frame that was two full reparses and two full parses after them (59
parses against a bare app's 13), and each first visit to a screen reparsed everything again and
restyled every widget of every screen. None of it is needed:

* the saved theme is set before anything is parsed (:func:`start_theme`);
* the app's own styles are applied before its first screen is made (:class:`StyledFirstApp`;
  Textual applies them after, and relied on that refresh to reach the first frame: without either,
  Today's top line was painted in the background's colour);
* a screen made after that is styled fresh when it mounts, so it is marked current
  (:func:`born_current`).

Later theme changes refresh everything, as Textual does. This module is the one place that reaches
into Textual for it (``App._css_update_count`` and the screen's copy of it, and
``App._refresh_truecolor_filter``).
"""

from __future__ import annotations

import weakref

from textual import events
from textual.app import App, ScreenStackError
from textual.screen import Screen


def start_theme(app: App, name: str) -> None:
    """Make ``name`` the theme of an app whose stylesheet is not parsed yet, without the full CSS
    refresh Textual schedules for a theme change: what Textual's theme watcher does, minus that."""
    theme = app.get_theme(name)
    if theme is None or app.is_running:
        app.theme = name
        return
    previous = [c for c in app.classes if c.startswith("-theme-")]
    app.set_reactive(App.theme, name)
    app.remove_class(*previous, update=False)
    app.add_class(f"-theme-{name}", update=False)
    app.set_class(theme.dark, "-dark-mode", update=False)
    app.set_class(not theme.dark, "-light-mode", update=False)
    app.stylesheet.set_variables(app.get_css_variables())
    app._refresh_truecolor_filter(app.ansi_theme)  # how ANSI colours map follows light or dark


#: Apps whose own styles were applied before their first screen was made (:class:`StyledFirstApp`).
_styled_first: weakref.WeakSet[App] = weakref.WeakSet()


class StyledFirstApp(App):
    """A base of ReboundApp (cooperative: it only extends ``on_event``): the app's own styles are
    applied before its first mode's screen is made, not after (Textual's order), so that screen needs
    no CSS refresh to pick them up either."""

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Compose) and self not in _styled_first:
            self.stylesheet.apply(self)
            _styled_first.add(self)
        await super().on_event(event)


def born_current(screen: Screen) -> None:
    """A screen made while the app already shows one is styled when it mounts, with the CSS as it is
    now: mark it current, so the first visit to a mode does not reparse every stylesheet and restyle
    every widget of every screen (Textual refreshes the CSS for a screen whose count differs from the
    app's). The app's first screen keeps Textual's way: the app itself is styled by that refresh."""
    try:
        app = screen.app
        if app not in _styled_first and (not app.screen_stack or not app.screen.is_mounted):
            return
        screen._css_update_count = app._css_update_count
    except (RuntimeError, ScreenStackError):  # no app yet (a screen made outside one): Textual's own way
        return
