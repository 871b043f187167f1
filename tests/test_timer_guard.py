"""Textual's timers with no time to wait (a toast made for a notification that expired a moment ago gets
a negative timeout) fire instead of spinning the app's thread forever (tui/shell/timer_guard.py). Run in
a fresh interpreter with a time limit: without the guard the app would never end."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = """
import tui.app  # installs the guard, as the app does
from textual.app import App

class Waits(App):
    def on_mount(self):
        self.set_timer({delay}, lambda: self.exit("fired"))

print(Waits().run(headless=True, size=(40, 5)))
"""


@pytest.mark.parametrize("delay", [-0.5, -1e-9, 0])
def test_a_timer_given_no_time_fires_instead_of_spinning(delay):
    out = subprocess.run([sys.executable, "-c", SCRIPT.format(delay=delay)], cwd=ROOT, capture_output=True,
                         text=True, timeout=30, check=True).stdout
    assert out.strip() == "fired"
