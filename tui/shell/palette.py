"""The command palette's providers: the commands of the screen underneath, and "Go to application"
on every screen. Titles can hold user text (a company, a person's name), so they are built as
``Content`` here; Textual's own system-command provider parses titles and help as markup."""

from __future__ import annotations

from typing import Any, cast

from textual.app import App
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.screen import Screen

from tui.shell.base import PaletteCommand, ReboundScreen
from widgets.usertext import literal, safe


def main_screen(app: App[Any], screen: Screen[Any]) -> ReboundScreen | None:
    """The main screen under ``screen`` (a dialog or help may be on top)."""
    if isinstance(screen, ReboundScreen):
        return screen
    return next((s for s in reversed(app.screen_stack) if isinstance(s, ReboundScreen)), None)


def _highlight(matcher: Matcher, title: str) -> Content:
    """``title`` as plain text (never markup: it may hold a company or a person's name) with the
    letters the query matched in bold."""
    content = literal(title)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, title)
    for offset in offsets:
        if not title[offset].isspace():
            content = content.stylize("bold reverse", offset, offset + 1)
    return content


class ScreenCommands(Provider):
    """The palette commands of the screen underneath. Titles can hold user text, so they are shown
    as Content (Textual's own system-command provider parses titles and help as markup)."""

    def _commands(self) -> list[PaletteCommand]:
        target = main_screen(self.app, self.screen)
        return list(target.palette_commands()) if target is not None else []

    async def discover(self) -> Hits:
        for cmd in self._commands():
            yield DiscoveryHit(literal(cmd.title), cmd.callback, text=safe(cmd.title),
                               help=cast(str, literal(cmd.help)))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for cmd in self._commands():
            score = matcher.match(cmd.title)
            if score > 0:
                yield Hit(score, _highlight(matcher, safe(cmd.title)), cmd.callback, text=safe(cmd.title),
                          help=cast(str, literal(cmd.help)))


class GoToApplication(Provider):
    """The palette's "Go to application: …" on every screen (the board's provider, loaded on first
    use so start-up doesn't pay for it)."""

    async def search(self, query: str) -> Hits:
        from tui.board.panels import ApplicationsProvider

        if isinstance(self.screen, ReboundScreen) and self.screen.SCREEN_KEY == "board":
            return  # the board's own provider answers there
        async for hit in ApplicationsProvider.search(self, query):  # type: ignore[arg-type]  # borrows its search
            yield hit


class Palette(CommandPalette):
    """Textual's palette, with paging made safe: ``pageup``/``pagedown`` while the results list has
    no size yet (results just arrived, not laid out) made Textual's OptionList read line tables it
    hadn't built (KeyError; found by the monkey test). Until the list has a size there is nothing
    to page through."""

    def _action_command_list(self, action: str) -> None:  # Textual's hook for its list bindings
        if action in ("page_up", "page_down") and not self.query_one(CommandList).scrollable_content_region:
            return
        super()._action_command_list(action)
