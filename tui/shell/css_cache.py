"""Textual's parsed stylesheets kept between runs (issue 16).

Textual parses every stylesheet of a start afresh (our ``app.tcss`` and each widget's ``DEFAULT_CSS``:
~17 ms before Today's first frame, more at each screen's first visit), and again after a theme change.
The result of a parse depends only on the text, where it was read from, its place in the cascade
and the theme's variables, so :func:`install` puts a cache in front of ``Stylesheet._parse_rules``:
Textual's own in-memory cache first, then this one (the rules as pickled after the parse), then the
parse. A stylesheet with errors is never kept, so it still reports them. The cache is one file beside
:mod:`tui.shell.compiled`'s, named for this interpreter and this copy of Textual (its parser's files'
sizes and times), and saved with it; a missing, damaged or foreign file is ignored.
``REBOUND_NO_CODE_CACHE=1`` turns it off too.

Installed by the app's start only (``tui/cli/app_launch.py``, when :mod:`tui.shell.compiled` is on),
never by the subcommands, which don't import Textual.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import Any

from textual.css import parse as textual_parse
from textual.css import stylesheet as textual_stylesheet
from textual.css.stylesheet import Stylesheet

from tui.shell import compiled

#: Entries kept at most: past it the file keeps only what this run used.
MOST = 2000

_rules: dict[tuple[Any, ...], bytes] = {}
#: Each theme's variables (as one text) and the number the keys use for them.
_themes: dict[str, int] = {}
_used: set[tuple[Any, ...]] = set()
_new = 0
_path: Path | None = None
_real: Any = None
_last_theme: tuple[dict[str, str], int] | None = None


def _stamp() -> str:
    """This copy of Textual: its parser's and stylesheet's files as installed."""
    parts = []
    for module in (textual_parse, textual_stylesheet):
        st = os.stat(module.__file__ or "")
        parts.append(f"{st.st_size:x}.{st.st_mtime_ns:x}")
    return "-".join(parts)


def cache_path() -> Path:
    return compiled.cache_path().with_name(f"css-{compiled.tag()}-{_stamp()}.bin")


def install(path: Path | None = None) -> bool:
    """Read the cache and put it in front of Textual's parse. False when turned off."""
    global _path, _real
    if _real is not None:
        return True
    if os.environ.get("REBOUND_NO_CODE_CACHE"):
        return False
    try:
        _path = path if path is not None else cache_path()
    except OSError:
        return False
    _load(_path)
    _real = Stylesheet._parse_rules
    Stylesheet._parse_rules = _parse_rules  # type: ignore[method-assign]
    return True


def uninstall() -> None:
    """Take the cache out again (tests)."""
    global _real
    if _real is not None:
        Stylesheet._parse_rules = _real  # type: ignore[method-assign]
        _real = None


def _load(path: Path) -> None:
    global _new, _last_theme
    _new, _last_theme = 0, None
    _rules.clear()
    _themes.clear()
    _used.clear()
    try:
        with open(path, "rb") as fh:
            data = pickle.loads(fh.read())
        rules, themes = data["rules"], data["themes"]
        if not (isinstance(rules, dict) and isinstance(themes, dict)):
            return
    except (OSError, EOFError, ValueError, TypeError, KeyError, AttributeError, ImportError, IndexError,
            pickle.UnpicklingError):
        return  # none yet, or damaged: everything is parsed as before
    _rules.update(rules)
    _themes.update(themes)


def _theme(variables: dict[str, str]) -> int:
    """The number for these variables (the same dict as last time is recognised without a lookup)."""
    global _last_theme
    if _last_theme is not None and _last_theme[0] == variables:
        return _last_theme[1]
    text = "\n".join(f"{k}\0{v}" for k, v in sorted(variables.items()))
    number = _themes.get(text)
    if number is None:  # saved with the first rules parsed with it
        number = _themes[text] = len(_themes)
    _last_theme = (dict(variables), number)
    return number


def _parse_rules(self: Stylesheet, css: str, read_from: Any, is_default_rules: bool = False, tie_breaker: int = 0,
                 scope: str = "") -> Any:
    """``Stylesheet._parse_rules`` with the parsed rules kept between runs."""
    global _new
    known = self._parse_cache.get((css, read_from, is_default_rules, tie_breaker, scope))
    if known is not None:
        return known
    key = (_theme(self._variables), css, read_from, is_default_rules, tie_breaker, scope)
    blob = _rules.get(key)
    if blob is not None:
        try:
            rules = pickle.loads(blob)
        except (EOFError, ValueError, TypeError, AttributeError, ImportError, IndexError, pickle.UnpicklingError):
            rules = None
        if isinstance(rules, list):
            self._parse_cache[(css, read_from, is_default_rules, tie_breaker, scope)] = rules
            _used.add(key)
            return rules
    rules = _real(self, css, read_from, is_default_rules, tie_breaker, scope)
    if not any(rule.errors for rule in rules):
        try:
            _rules[key] = pickle.dumps(rules, protocol=pickle.HIGHEST_PROTOCOL)
            _new += 1
            _used.add(key)
        except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
            pass  # not kept: parsed again next time
    return rules


def pending() -> int:
    return _new


def save() -> bool:
    """Write the cache if this run parsed anything new. True when written."""
    global _new
    if _real is None or _path is None or not _new:
        return False
    rules = _rules if len(_rules) <= MOST else {k: v for k, v in _rules.items() if k in _used}
    try:
        payload = pickle.dumps({"rules": rules, "themes": _themes}, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return False
    if not compiled.write_file(_path, payload):
        return False
    _new = 0
    return True
