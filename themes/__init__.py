"""Rebound's themes (Textual ``Theme`` objects) and the path of the stylesheet."""

from __future__ import annotations

from pathlib import Path

from textual.theme import Theme

HERE = Path(__file__).parent
APP_CSS = HERE / "app.tcss"

# Every theme names its selection colours (Textual's block-cursor variables, which the option lists,
# tables and Rebound's own list widgets all use) so that text and every state colour stay readable on
# the selected row or card: >= 4.5:1, and >= 7:1 in the high-contrast theme (tests/test_themes.py).
# The selection is also shown without colour (bold, and a bar on cards).

REBOUND_DARK = Theme(
    name="rebound-dark",
    primary="#6CC4C4",
    secondary="#A3B3C4",
    accent="#E0B15C",
    foreground="#D8DEE9",
    background="#1B2026",
    surface="#232A31",
    panel="#2C353E",
    warning="#E0B15C",
    error="#F29B9B",
    success="#8EC07C",
    dark=True,
    variables={
        "block-cursor-background": "#2E4450",
        "block-cursor-foreground": "#D8DEE9",
        "block-cursor-blurred-background": "#252E37",
        "block-cursor-blurred-foreground": "#D8DEE9",
    },
)

REBOUND_LIGHT = Theme(
    name="rebound-light",
    primary="#17606A",
    secondary="#44566A",
    accent="#8A4F00",
    foreground="#1F2328",
    background="#F7F5F0",
    surface="#EDEAE2",
    panel="#E2DED3",
    warning="#8A4F00",
    error="#A3211B",
    success="#226B27",
    dark=False,
    variables={
        "block-cursor-background": "#C8DEE2",
        "block-cursor-foreground": "#1F2328",
        "block-cursor-blurred-background": "#E3ECEC",
        "block-cursor-blurred-foreground": "#1F2328",
    },
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
    error="#FF9A9A",
    success="#55FF55",
    dark=True,
    variables={
        "block-cursor-background": "#000080",
        "block-cursor-foreground": "#FFFFFF",
        "block-cursor-blurred-background": "#00004A",
        "block-cursor-blurred-foreground": "#FFFFFF",
    },
)

THEMES = [REBOUND_DARK, REBOUND_LIGHT, REBOUND_CONTRAST]
THEME_NAMES = [t.name for t in THEMES]
DEFAULT_THEME = REBOUND_DARK.name
