"""What makes a form's first frame quick: a modal screen that doesn't restyle what it has just styled, and
compact fields that aren't styled before they are mounted.

Textual styles each widget as it is mounted, then, when the new screen becomes active, restyles the
whole screen once more (``ScreenResume(refresh_styles=True)``: right for a screen coming back after
another one, when the theme or its classes may have changed meanwhile). On a screen that was just
built, that second pass styles the same widgets the same way again; in a form of 60-80 widgets it
is about a quarter of the time between the key and the frame. :class:`QuickModal` skips it the
first time only; every later resume (a dialog over the form closed, say) restyles as before. The
screen behind it shows dimmed: Textual tints each of its segments (blending colours, building styles)
on every full frame; :class:`TintedBackground` tints each distinct style once.

:func:`compact` makes a field compact (no border) without the restyle Textual's ``compact=True``
does at once, in the constructor, before the widget is even mounted (it is styled when it is).

:func:`prepare_css` parses a form's CSS (and its fields') ahead of time, in idle time, so its first
opening doesn't.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypeVar

from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.app import App
from textual.color import Color
from textual.dom import DOMNode
from textual.renderables.background_screen import BackgroundScreen
from textual.screen import ModalScreen, ScreenResultType
from textual.widget import Widget

from widgets.look import style_stamp

W = TypeVar("W", bound=Widget)

COMPACT_CLASS = "-textual-compact"


#: (style, tint) → the style Textual's tint gives it. A screen's few dozen styles are tinted once, not
#: once per segment of every frame the modal paints (at 80x24 a list behind it is ~300 segments).
_TINTS: dict[tuple[Style | None, Color], Style | None] = {}
_TINTS_MAX = 4096


class TintedBackground(BackgroundScreen):
    """Textual's :class:`BackgroundScreen` (the screen behind a modal, dimmed by the modal's
    translucent background), with each style's tint worked out once: Textual's own
    ``process_segments`` computes it, so the segments are exactly the ones it gives."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        color = self.color
        tints = _TINTS
        if len(tints) > _TINTS_MAX:
            tints.clear()
        for segment in console.render(self.screen._compositor, options):
            text, style, control = segment
            if control:
                yield segment
                continue
            key = (style, color)
            try:
                tinted = tints[key]
            except KeyError:
                tinted = tints[key] = next(iter(self.process_segments([Segment("", style)], color))).style
            yield Segment(text, tinted, control)


class QuickModal(ModalScreen[ScreenResultType]):
    """A :class:`~textual.screen.ModalScreen` that skips the redundant restyle of its resumes and
    tints the screen behind it a style at a time (:class:`TintedBackground`)."""

    #: The app's look (:func:`~widgets.look.style_stamp`) when its widgets were last all styled: as
    #: they mounted, or when it was last shown (a change to one of them restyles it at once, shown or not).
    _styled_as: tuple[object, ...] | None = None

    def render(self) -> RenderableType:
        rendered = super().render()
        if type(rendered) is BackgroundScreen:
            return TintedBackground(rendered.screen, rendered.color)
        return rendered

    def on_mount(self) -> None:
        # (Textual calls each class's own handler: a subclass's on_mount doesn't replace this one)
        self._styled_as = style_stamp(self.app)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # runs before Screen's own handler (a subclass's handler comes first in the MRO walk): the
        # restyle is for what changed app-wide while it was away (a theme); nothing did, none is needed
        if self._styled_as is not None and self._styled_as == style_stamp(self.app):
            event.refresh_styles = False
        self._styled_as = None

    def on_screen_suspend(self) -> None:
        self._styled_as = style_stamp(self.app)


class _Bases:
    """Stands in for a node of ``cls`` where Textual reads only its CSS bases (``_get_default_css``)."""

    def __init__(self, cls: type[DOMNode]) -> None:
        self._node_bases = cls._css_bases(cls)


def prepare_css(app: App[Any], *classes: type[DOMNode]) -> bool:
    """Put the default CSS of ``classes`` (each with the CSS it inherits) into the app's stylesheet and
    parse it now, as Textual does when the first node of each class is mounted: the same sources
    under the same names, so mounting one later finds them there and parses nothing. A form opened
    for the first time otherwise parses its CSS and its fields' (and re-indexes every rule) between
    the key and its first frame. True when anything was added."""
    sheet = app.stylesheet
    before = len(sheet.source)
    for cls in classes:
        # Textual's own method, read with a stand-in for the instance: the sources it gives are
        # byte for byte (and named) what mounting a node of ``cls`` adds
        for read_from, css, tie_breaker, scope in DOMNode._get_default_css(_Bases(cls)):  # type: ignore[arg-type]
            sheet.add_source(css, read_from=read_from, is_default_css=True, tie_breaker=tie_breaker, scope=scope)
    _ = sheet.rules_map  # parsed and indexed now
    return len(sheet.source) != before


def compact(widget: W) -> W:
    """``widget`` (an Input, TextArea, Select, OptionList… with a ``compact`` reactive) made compact
    without restyling it now: the class is set quietly and the widget is styled when mounted."""
    reactive: Any = type(widget).compact  # type: ignore[attr-defined]
    widget.set_reactive(reactive, True)
    widget.add_class(COMPACT_CLASS, update=False)
    return widget
