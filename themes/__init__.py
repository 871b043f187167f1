"""Rebound's themes (Textual ``Theme`` objects) and the path of the stylesheet."""

from __future__ import annotations

from pathlib import Path

from textual.theme import Theme

HERE = Path(__file__).parent
APP_CSS = HERE / "app.tcss"

REBOUND_DARK = Theme(
    name="rebound-dark",
    primary="#5FB3B3",
    secondary="#8FA1B3",
    accent="#E0B15C",
    foreground="#D8DEE9",
    background="#1B2026",
    surface="#232A31",
    panel="#2C353E",
    warning="#E0B15C",
    error="#E27878",
    success="#8EC07C",
    dark=True,
)

REBOUND_LIGHT = Theme(
    name="rebound-light",
    primary="#1F6F78",
    secondary="#4A5D6E",
    accent="#A8661B",
    foreground="#1F2328",
    background="#F7F5F0",
    surface="#EDEAE2",
    panel="#E2DED3",
    warning="#9A5B00",
    error="#B3261E",
    success="#2E7D32",
    dark=False,
)

REBOUND_CONTRAST = Theme(
    name="rebound-contrast",
    primary="#00FFFF",
    secondary="#FFFFFF",
    accent="#FFFF00",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    warning="#FFFF00",
    error="#FF5555",
    success="#55FF55",
    dark=True,
)

THEMES = [REBOUND_DARK, REBOUND_LIGHT, REBOUND_CONTRAST]
THEME_NAMES = [t.name for t in THEMES]
DEFAULT_THEME = REBOUND_DARK.name
