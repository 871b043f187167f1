"""SteadyFooter: the same keys as Textual's Footer, rebuilt only when they change."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Input
from textual.widgets._footer import FooterKey

from tests.waiting import settle, until
from widgets.steady_footer import SteadyFooter


class FooterApp(App[None]):
    BINDINGS = [Binding("f2", "alpha", "Alpha"), Binding("f3", "beta", "Beta"),
                Binding("f4", "hidden", "X", show=False)]

    def __init__(self, footer: Footer) -> None:
        super().__init__()
        self.footer = footer
        self.beta_on = True

    def compose(self) -> ComposeResult:
        yield Input(id="one")
        yield Input(id="two")
        yield self.footer

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "beta" and not self.beta_on else True

    def action_alpha(self) -> None: ...

    def action_beta(self) -> None: ...


def keys(app: App[None]) -> list[tuple[str, bool]]:
    return [(str(k.description), k.has_class("-disabled")) for k in app.query(FooterKey)]


async def test_shows_what_footer_shows_and_keeps_its_keys_while_they_stay_the_same():
    plain, steady = FooterApp(Footer()), FooterApp(SteadyFooter())
    async with plain.run_test(size=(80, 24)) as p1, steady.run_test(size=(80, 24)) as p2:
        plain.app_focus = steady.app_focus = True  # as in a terminal (headless runs start without it)
        await settle(p1)
        await settle(p2)
        assert keys(steady) == keys(plain) and ("Alpha", False) in keys(steady)
        before = {app: list(app.query(FooterKey)) for app in (plain, steady)}
        for target in ("#two", "#one", "#two"):  # focus moves: the bindings are signalled, unchanged
            for app, pilot in ((plain, p1), (steady, p2)):
                app.query_one(target).focus()
                app.screen.refresh_bindings()
                await settle(pilot)
        assert list(plain.query(FooterKey)) != before[plain]  # Textual's Footer rebuilt its keys
        assert list(steady.query(FooterKey)) == before[steady]  # the same widgets: nothing was rebuilt
        assert keys(steady) == keys(plain)


async def test_rebuilds_when_a_key_changes():
    app = FooterApp(SteadyFooter())
    async with app.run_test(size=(80, 24)) as pilot:
        app.app_focus = True
        await settle(pilot)
        assert ("Beta", False) in keys(app)
        app.beta_on = False
        app.screen.refresh_bindings()
        await until(pilot, lambda: ("Beta", True) in keys(app))
