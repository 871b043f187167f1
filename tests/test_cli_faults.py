"""The command line never answers a terminal fault with a traceback (issue 17, items 8 and 14)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _cli(*args: str, **kw) -> list[str]:
    return [sys.executable, "-c", "import sys; from tui.__main__ import main; sys.exit(main())", *args]


def test_doctor_into_a_closed_pipe_is_quiet(data_dir, demo_on_disk):
    proc = subprocess.run(f"{' '.join(map(repr, _cli('--data-dir', str(data_dir), 'doctor')))} | head -1",
                          shell=True, cwd=ROOT, capture_output=True, text=True, executable="/bin/bash")
    assert proc.stdout.startswith("Data folder:")
    assert "Traceback" not in proc.stderr and "Error" not in proc.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_today_into_a_full_device_says_so_in_one_line(data_dir, demo_on_disk):
    with open("/dev/full", "w") as full:
        proc = subprocess.run(_cli("--data-dir", str(data_dir), "today"), cwd=ROOT, stdout=full,
                              stderr=subprocess.PIPE, text=True, env={**os.environ, "REBOUND_TODAY": "2026-03-02"})
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert "could not write the output" in proc.stderr


def test_an_unexpected_error_is_logged_without_user_text(data_dir, monkeypatch, capsys):
    from tui import cli

    def boom(argv):
        secret = "my private words"
        raise RuntimeError(secret)

    monkeypatch.setattr(cli, "run", boom)
    from store import logs

    logs.setup(data_dir) if data_dir.exists() else None
    assert cli.run_safely(["today"]) == 70
    err = capsys.readouterr().err
    assert "Traceback" not in err and "my private words" not in err
    assert "unexpected error (RuntimeError)" in err


def test_doctor_survives_a_lock_and_a_backups_folder_that_are_not_what_they_should_be(data_dir, demo_on_disk, capsys):
    from tui.cli import doctor

    (data_dir / "rebound.lock").unlink(missing_ok=True)
    (data_dir / "rebound.lock").mkdir()
    (data_dir / "backups").rename(data_dir / "old-backups") if (data_dir / "backups").exists() else None
    (data_dir / "backups").write_text("not a folder")
    code = doctor.doctor(data_dir)
    out = capsys.readouterr().out
    assert code == 1
    assert "Data file:" in out and "OK" in out
    assert "checking the lock failed" in out
    assert "is not a folder" in out


def test_doctor_on_an_unreadable_data_file_says_so(data_dir, capsys):
    from tui.cli import doctor

    data_dir.mkdir(parents=True)
    (data_dir / "rebound.json").mkdir()  # reading it fails with an OSError, as an unreadable file does
    assert doctor.doctor(data_dir) == 1
    assert "reading the data file failed" in capsys.readouterr().out


def test_backup_is_named_manual_and_says_why_when_it_cannot(data_dir, demo_on_disk, capsys):
    from tui.cli import doctor

    assert doctor.backup(data_dir) == 0
    assert "manual-" in capsys.readouterr().out
    backups_dir = data_dir / "backups"
    for p in backups_dir.iterdir():
        p.unlink()
    backups_dir.rmdir()
    backups_dir.write_text("in the way")
    assert doctor.backup(data_dir) == 1
    out = capsys.readouterr().out
    assert "backup failed" in out and "Traceback" not in out
