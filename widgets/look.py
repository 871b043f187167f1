"""What a screen's styles depend on app-wide, so a screen coming back is restyled only when it changed."""

from __future__ import annotations

from typing import Any

from textual.app import App


def style_stamp(app: App[Any]) -> tuple[object, ...]:
    """What a screen's styles depend on app-wide: the stylesheet's version (a theme change bumps it),
    the theme, the app's classes and pseudo-classes (dark/light, focus, ansi…)."""
    return (app._css_update_count, app.theme, app.classes, app.pseudo_classes)
