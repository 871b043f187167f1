"""How the shell starts things it doesn't keep loaded: the five screens (imported on first visit)
and the person's editor (``$VISUAL``/``$EDITOR``, with the app suspended)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App
from textual.screen import Screen


def lazy_screen(module: str, name: str) -> Callable[[], Screen[Any]]:
    """Import a screen's module only when the user first opens it: start-up pays for Today only."""

    def make() -> Screen[Any]:
        import importlib

        screen: Screen[Any] = getattr(importlib.import_module(module), name)()
        return screen

    make.__name__ = f"make_{name}"
    return make


def run_editor(app: App[Any], path: str) -> int:
    """Open ``$VISUAL``/``$EDITOR`` on ``path`` with the app suspended. Tests replace this."""
    import os
    import shlex
    import subprocess

    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    with app.suspend():
        return subprocess.run([*shlex.split(editor), path], check=False).returncode
