"""Textual's parsed stylesheets kept between runs (tui/shell/css_cache.py): every stylesheet of the app
parses from the cache to the same rules as without it, a theme's variables are part of the key, CSS
with errors still reports them, a damaged file is ignored, and the app paints the same with it."""

from __future__ import annotations

import inspect
import pickle
from pathlib import Path

import pytest
from textual.app import App
from textual.css.stylesheet import Stylesheet, StylesheetParseError
from textual.widget import Widget

from tests.harness import parse_rules
from tui.shell import css_cache

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.delenv("REBOUND_NO_CODE_CACHE", raising=False)
    path = tmp_path / "css.bin"
    yield path
    css_cache.uninstall()


def fresh(path) -> None:
    """The cache taken out and read again from its file: what the next start sees."""
    css_cache.uninstall()
    assert css_cache.install(path)


def app_sources() -> list[tuple[str, tuple[str, str]]]:
    """Every stylesheet the app brings: its theme file and the DEFAULT_CSS of each of its widgets and
    screens (imported by the app and its screens), with Textual's own widgets' too."""
    import tui.app  # noqa: F401 - the classes below are found through the subclasses it imports
    import tui.board.screen  # noqa: F401
    import tui.contacts.screen  # noqa: F401
    import tui.journal.screen  # noqa: F401
    import tui.outreach.screen  # noqa: F401

    out = [((ROOT / "themes" / "app.tcss").read_text(), (str(ROOT / "themes" / "app.tcss"), ""))]
    seen: set[type] = set()
    todo: list[type] = [Widget, App]
    while todo:
        cls = todo.pop()
        if cls in seen:
            continue
        seen.add(cls)
        todo.extend(cls.__subclasses__())
        css = cls.__dict__.get("DEFAULT_CSS")
        if isinstance(css, str) and css.strip():
            out.append((css, (inspect.getfile(cls), f"{cls.__name__}.DEFAULT_CSS")))
    return out


def described(rules) -> list[tuple]:
    """What a parse gave, comparable: each rule's selectors, flags and declared values (by repr: a
    layout is an object compared by identity, its repr is its name)."""
    return [(r.selector_set, r.errors, r.is_default_rules, r.tie_breaker, r.selector_names, r.pseudo_classes,
             sorted((k, repr(v)) for k, v in r.styles.get_rules().items()), sorted(r.styles.important))
            for r in rules]


def parse_all(variables: dict[str, str]) -> list[list[tuple]]:
    sheet = Stylesheet(variables=variables)
    return [described(parse_rules(sheet, css, where, default=where[1] != "", tie_breaker=1))
            for css, where in app_sources()]


def test_every_stylesheet_of_the_app_parses_from_the_cache_to_the_same_rules(cache):
    variables = App().get_css_variables()
    plain = parse_all(variables)
    assert len(plain) > 40
    assert css_cache.install(cache)
    first = parse_all(variables)
    assert css_cache.pending() > 40 and css_cache.save()
    fresh(cache)
    again = parse_all(variables)
    assert css_cache.pending() == 0  # all from the file
    assert plain == first == again


def test_a_themes_variables_are_part_of_the_key(cache):
    css, where = "Static { background: $primary; color: $text; }", ("here.tcss", "")
    dark = App().get_css_variables()
    light_app = App()
    light_app.theme = "textual-light"
    light = light_app.get_css_variables()
    assert dark["primary"] != light["primary"]
    assert css_cache.install(cache)
    as_dark = described(parse_rules(Stylesheet(variables=dark), css, where))
    css_cache.save()
    fresh(cache)
    as_light = described(parse_rules(Stylesheet(variables=light), css, where))
    css_cache.uninstall()
    assert as_light == described(parse_rules(Stylesheet(variables=light), css, where)) != as_dark


def test_css_with_errors_still_reports_them_and_is_not_kept(cache):
    assert css_cache.install(cache)
    for _ in range(2):
        sheet = Stylesheet()
        sheet.add_source("Static { colour: red; width: lots; }", ("bad.tcss", ""))
        with pytest.raises(StylesheetParseError):
            sheet.parse()
    assert css_cache.pending() == 0


@pytest.mark.parametrize("content", [b"", b"garbage", pickle.dumps({"rules": [], "themes": {}}),
                                     pickle.dumps({"rules": {("x",): b"not a pickle"}, "themes": {}})])
def test_a_damaged_file_is_ignored(cache, content):
    cache.write_bytes(content)
    assert css_cache.install(cache)
    rules = parse_rules(Stylesheet(), "Static { width: 3; }", ("ok.tcss", ""))
    assert rules[0].styles.width is not None and rules[0].styles.width.value == 3


def test_the_app_paints_the_same_with_its_styles_from_the_cache(cache, demo_store, make_app):
    """Today of the demo, at 80×24, without the cache, then from a cache written by an earlier run."""
    import asyncio

    async def paint() -> str:
        app = make_app(demo_store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            return app.export_screenshot()

    plain = asyncio.run(paint())
    assert css_cache.install(cache)
    asyncio.run(paint())
    assert css_cache.save()
    fresh(cache)
    assert asyncio.run(paint()) == plain
    assert css_cache.pending() == 0  # every sheet came from the file
