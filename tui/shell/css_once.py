"""Fewer full stylesheet reparses: one at start instead of two, none on a mode's first visit (issue 16).

Textual reparses every CSS source from scratch (a fresh stylesheet; its parse cache dropped, so the
next parse after it is a full one too) each time it refreshes the CSS: when the theme is set, and
when a mode's first screen is made, since a new screen counts as not yet styled for the current
theme. Setting the saved theme before anything is parsed needs no refresh (:func:`start_theme`). A
screen made while the app already shows one is styled fresh when it mounts, so its mode's first
visit needs none either (:func:`born_current`); before, each first visit reparsed everything and
restyled every widget of every screen. The app's first screen keeps Textual's refresh: that is what
styles the app itself before Today's first frame (without it the first frame's text took the
background's colour). Later theme changes refresh everything, as Textual does.

This module is the one place that reaches into Textual for it (``App._css_update_count`` and the
screen's copy of it; ``App.set_reactive`` is public).
"""

from __future__ import annotations

from textual.app import App, ScreenStackError
from textual.screen import Screen


def start_theme(app: App, name: str) -> None:
    """Make ``name`` the theme of an app whose stylesheet is not parsed yet, without the full CSS
    refresh Textual schedules for a theme change. A theme of the other sense (light for dark) also
    changes how ANSI colours map, so it takes the ordinary way."""
    theme = app.get_theme(name)
    if theme is None or theme.dark != app.current_theme.dark or app.is_running:
        app.theme = name
        return
    previous = [c for c in app.classes if c.startswith("-theme-")]
    app.set_reactive(App.theme, name)
    app.remove_class(*previous, update=False)
    app.add_class(f"-theme-{name}", update=False)
    app.set_class(theme.dark, "-dark-mode", update=False)
    app.set_class(not theme.dark, "-light-mode", update=False)
    app.stylesheet.set_variables(app.get_css_variables())


def born_current(screen: Screen) -> None:
    """A screen made while the app already shows one is styled when it mounts, with the CSS as it is
    now: mark it current, so the first visit to a mode does not reparse every stylesheet and restyle
    every widget of every screen (Textual refreshes the CSS for a screen whose count differs from the
    app's). The app's first screen keeps Textual's way: the app itself is styled by that refresh."""
    try:
        app = screen.app
        if not app.screen_stack or not app.screen.is_mounted:
            return
        screen._css_update_count = app._css_update_count
    except (RuntimeError, ScreenStackError):  # no app yet (a screen made outside one): Textual's own way
        return
