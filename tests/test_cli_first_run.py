"""The command line's first run (issue 11): an empty folder opens with the welcome; "look around the
demo first" runs a throwaway demo and then the person's own data again; data that exists never gets it."""

from __future__ import annotations

from pathlib import Path

from tui import cli


def _fake_runs(monkeypatch, script):
    """Replace ReboundApp.run: record each session, and let ``script`` act in it."""
    from tui.app import ReboundApp

    seen: list[dict] = []

    def fake_run(self, *a, **k):
        seen.append({"dir": Path(self.store.data_dir), "demo": self.demo, "first_run": self.first_run,
                     "apps": len(self.store.applications.all())})
        script(self, len(seen))

    monkeypatch.setattr(ReboundApp, "run", fake_run)
    return seen


def test_an_empty_folder_gets_the_welcome_and_the_demo_first_comes_back_to_yours(tmp_path, monkeypatch):
    from tui.shell.welcome import DEMO_FIRST

    real = tmp_path / "real"

    def script(app, n):
        if n == 1:  # the welcome's answers were saved, then "demo first"
            app.store.settings.welcome("Sam", 10)
            app.exit(result=DEMO_FIRST)

    seen = _fake_runs(monkeypatch, script)
    assert cli.run(["--data-dir", str(real)]) == 0
    assert [(s["demo"], s["first_run"]) for s in seen] == [(False, True), (True, False), (False, False)]
    assert seen[0]["dir"] == seen[2]["dir"] == real and seen[1]["dir"] != real
    assert seen[1]["apps"] >= 24 and seen[2]["apps"] == 0  # the demo's data never reaches yours
    assert not seen[1]["dir"].exists()  # the throwaway demo is gone


def test_existing_data_or_a_demo_never_gets_the_welcome(tmp_path, monkeypatch):
    from store.db import Store
    from store.models import Application

    real = tmp_path / "real"
    s = Store.open(real)
    s.applications.add(Application(company="Acme"))
    s.close()
    seen = _fake_runs(monkeypatch, lambda app, n: None)
    assert cli.run(["--data-dir", str(real)]) == 0
    assert cli.run(["--demo"]) == 0
    assert [s["first_run"] for s in seen] == [False, False]
