"""Every theme is readable: text on its background and on its selection, and every state colour (warning,
error, success, quiet/secondary, accent/stars, primary) on both, by the WCAG contrast ratio:
>= 7:1 in the high-contrast theme, >= 4.5:1 in the others."""

from __future__ import annotations

import pytest
from textual.color import Color

from themes import THEMES

STATES = ["warning", "error", "success", "secondary", "accent", "primary"]
MINIMUM = {"rebound-contrast": 7.0}
DEFAULT_MINIMUM = 4.5


def luminance(c: Color) -> float:
    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)


def ratio(a: Color, b: Color) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def variables(theme) -> dict[str, Color]:
    """The colours the app really draws with: Textual's generated variables, the theme's own on top,
    translucent ones composited over the background."""
    generated = theme.to_color_system().generate()
    background = Color.parse(generated["background"])
    out = {}
    for name, value in {**generated, **theme.variables}.items():
        try:
            colour = Color.parse(value)
        except Exception:  # noqa: BLE001 - not a colour (a text style, "auto", …): not checked here
            continue
        out[name] = background.blend(colour.with_alpha(1.0), colour.a) if colour.a < 1 else colour
    return out


def test_ratio_is_the_wcag_one():
    assert ratio(Color.parse("#FFFFFF"), Color.parse("#000000")) == pytest.approx(21.0)
    assert ratio(Color.parse("#777777"), Color.parse("#FFFFFF")) == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_text_and_states_are_readable_on_the_background_and_the_selection(theme):
    v = variables(theme)
    need = MINIMUM.get(theme.name, DEFAULT_MINIMUM)
    surfaces = {"background": v["background"], "selection": v["block-cursor-background"],
                "selection (unfocused)": v["block-cursor-blurred-background"]}
    texts = {"text": v["foreground"], **{s: v[s] for s in STATES}}
    low = [f"{t} on {s}: {ratio(tc, sc):.2f}" for s, sc in surfaces.items() for t, tc in texts.items()
           if ratio(tc, sc) < need]
    low += [f"selection text: {ratio(v['block-cursor-foreground'], v['block-cursor-background']):.2f}"
            ] if ratio(v["block-cursor-foreground"], v["block-cursor-background"]) < need else []
    assert not low, f"{theme.name} below {need}:1 — " + "; ".join(low)


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_the_selection_is_a_visible_change(theme):
    v = variables(theme)
    assert v["block-cursor-background"] != v["background"]
    assert ratio(v["block-cursor-background"], v["background"]) > 1.15
