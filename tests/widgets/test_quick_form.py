"""widgets.quick_form: a new modal is styled once (not again at its first resume), later resumes restyle;
compact() makes a compact field without styling it before it is mounted."""

from __future__ import annotations

from contextlib import contextmanager

from textual import events
from textual.app import App, ComposeResult
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Static

from tests.harness import mounted
from widgets.quick_form import COMPACT_CLASS, QuickModal, compact


class Form(QuickModal[None]):
    def compose(self) -> ComposeResult:
        yield compact(Input("Acme", id="field"))
        yield Static("hint", id="hint")


class PlainForm(ModalScreen[None]):
    def compose(self) -> ComposeResult:
        yield Input("Acme", id="field")


class Cover(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Static("on top")


@contextmanager
def restyles(app: App):
    """The nodes the app restyles (with their children) while the block runs."""
    seen: list[object] = []
    original = app.update_styles

    def spy(node, animate=True):
        seen.append(node)
        original(node, animate=animate)

    app.update_styles = spy  # type: ignore[method-assign]
    try:
        yield seen
    finally:
        del app.update_styles


async def test_a_new_quick_modal_is_not_restyled_whole_at_its_first_resume():
    async with mounted(Static("board")) as h:
        with restyles(h.app) as seen:
            form = Form()
            await h.app.push_screen(form)
            await h.settle()
        assert form not in seen
        # …and it is styled all the same: its CSS and the compact field's rules apply
        field = form.query_one("#field", Input)
        assert field.has_class(COMPACT_CLASS) and field.compact
        assert field.styles.border_top[0] in ("", "none")  # compact: no border
        assert "Acme" in h.text()


async def test_a_plain_modal_is_restyled_whole_at_its_first_resume_so_the_check_above_can_fail():
    async with mounted(Static("board")) as h:
        with restyles(h.app) as seen:
            form = PlainForm()
            await h.app.push_screen(form)
            await h.settle()
        assert form in seen


async def test_a_quick_modal_resumed_again_is_restyled_as_textual_asks():
    """Textual asks for a restyle when a screen comes back by a mode switch (not after a pop)."""
    async with mounted(Static("board")) as h:
        form = Form()
        await h.app.push_screen(form)
        await h.settle()
        await h.app.push_screen(Cover())
        await h.settle()
        await h.app.pop_screen()
        await h.settle()
        with restyles(h.app) as seen:
            form.post_message(events.ScreenResume())  # as App.switch_mode sends it
            await h.settle()
        assert form in seen


async def test_compact_styles_nothing_before_the_widget_is_mounted():
    async with mounted(Static("board")) as h:
        with restyles(h.app) as seen:
            quiet = compact(Input(placeholder="empty"))
        assert seen == [] and quiet.compact and quiet.has_class(COMPACT_CLASS)
        with restyles(h.app) as seen:
            Input(placeholder="empty", compact=True)  # Textual's own way restyles the unmounted widget at once
        assert len(seen) == 1


def _segments(app: App, renderable) -> list[tuple[str, object]]:
    console = app.console
    options = console.options.update_dimensions(*app.size)
    return [(s.text, s.style) for s in console.render(renderable, options)]


async def test_a_quick_modal_dims_the_screen_behind_it_exactly_as_textual_does_a_style_at_a_time():
    from textual._context import visible_screen_stack
    from textual.renderables.background_screen import BackgroundScreen

    from widgets.quick_form import TintedBackground

    async with mounted(Static("[b]board[/] with [red on blue]colours[/] and a [@click=app.bell]link[/]")) as h:
        behind = h.app.screen
        form = Form()
        await h.app.push_screen(form)
        await h.settle()
        token = visible_screen_stack.set([behind])
        try:
            background = form.render()
        finally:
            visible_screen_stack.reset(token)
        assert isinstance(background, TintedBackground)  # a plain ModalScreen gives Textual's BackgroundScreen
        textual_way = _segments(h.app, BackgroundScreen(behind, background.color))
        assert _segments(h.app, background) == textual_way
        assert _segments(h.app, background) == textual_way  # the second time from the remembered tints
        assert any("colours" in text for text, _style in textual_way)
