"""The app path of the command line: --demo never touches the real data; a damaged file stops it."""

from __future__ import annotations

from pathlib import Path

from tui import cli


def test_demo_uses_a_throwaway_dir_with_sample_data(tmp_path, monkeypatch):
    real = tmp_path / "real"
    monkeypatch.setenv("REBOUND_DATA_DIR", str(real))
    seen = {}

    def fake_run(self, *a, **k):
        seen["dir"] = Path(self.store.data_dir)
        seen["apps"] = len(self.store.applications.all())
        seen["stages"] = {a.stage for a in self.store.applications.all()}
        seen["outcomes"] = {a.outcome for a in self.store.applications.all()}
        seen["journal"] = len(self.store.journal.all())
        seen["contacts"] = len(self.store.contacts.all())
        seen["drafts"] = len(self.store.drafts.all())
        seen["demo"] = self.demo

    from tui.app import ReboundApp

    monkeypatch.setattr(ReboundApp, "run", fake_run)
    assert cli.run(["--demo"]) == 0
    assert seen["demo"] is True
    assert not str(seen["dir"]).startswith(str(real))
    assert not real.exists()  # the real data dir was never created
    assert not seen["dir"].exists()  # the throwaway copy is gone afterwards
    assert seen["apps"] >= 24 and seen["journal"] >= 10 and seen["contacts"] >= 10 and seen["drafts"] >= 3
    assert {"wishlist", "applied", "screening", "interviewing", "offer", "closed"} <= seen["stages"]
    assert "rejected" in seen["outcomes"]


def test_damaged_file_stops_the_app_with_exit_2(tmp_path, capsys):
    d = tmp_path / "data"
    d.mkdir(mode=0o700)
    (d / "rebound.json").write_bytes(b"\x00\x01 not json")
    assert cli.run(["--data-dir", str(d)]) == 2
    err = capsys.readouterr().err
    assert "can't be read" in err and "has NOT been changed" in err
    assert (d / "rebound.json").read_bytes() == b"\x00\x01 not json"
