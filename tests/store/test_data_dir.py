"""The data folder: Rebound touches only its own files (issue 17, item 2).

``--data-dir`` on a folder the user already had must not chmod the tree (``--data-dir ~`` used to make
every script below it 0600); a folder holding other files and no Rebound data is refused, or asked
about at a terminal; a regular file is refused; a read-only open (``today``, ``doctor``, a second
instance) creates and changes nothing.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from store import paths
from store.db import Store
from store.models import Application
from store.paths import ForeignFolderError, NotAFolderError
from tui.cli import files as cli_files
from tui.cli import run

ROOT = Path(__file__).resolve().parents[2]
CONNECTIONS = ROOT / "tests" / "fixtures" / "linkedin" / "basic.csv"


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.lstat().st_mode)


def _snapshot(top: Path) -> dict[str, tuple[int, bytes | None]]:
    """Every path under ``top`` (itself included): its mode and, for files, its bytes."""
    out: dict[str, tuple[int, bytes | None]] = {".": (_mode(top), None)}
    for p in sorted(top.rglob("*")):
        out[str(p.relative_to(top))] = (_mode(p), p.read_bytes() if p.is_file() and not p.is_symlink() else None)
    return out


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A folder like a home directory: a script, a shared folder, a document, a symlink."""
    h = tmp_path / "home"
    h.mkdir()
    (h / "bin").mkdir()
    script = h / "bin" / "backup.sh"
    script.write_text("#!/bin/sh\necho hi\n")
    os.chmod(script, 0o755)
    os.chmod(h / "bin", 0o755)
    (h / "notes.txt").write_text("mine")
    os.chmod(h / "notes.txt", 0o644)
    (h / "link").symlink_to(h / "notes.txt")
    os.chmod(h, 0o755)
    return h


@pytest.fixture
def no_tty(monkeypatch):
    monkeypatch.setattr(cli_files, "is_tty", lambda: False)


def _answer(monkeypatch, reply: bool) -> list[str]:
    asked: list[str] = []
    monkeypatch.setattr(cli_files, "is_tty", lambda: True)

    def ask(question: str) -> bool:
        asked.append(question)
        return reply

    monkeypatch.setattr(cli_files, "ask", ask)
    return asked


# --------------------------------------------------------------------------- a folder that isn't Rebound's


def test_a_folder_holding_other_files_is_refused_and_nothing_changes(home, no_tty, capsys):
    before = _snapshot(home)
    code = run(["--data-dir", str(home), "import", "linkedin", str(CONNECTIONS), "--yes"])
    assert code == 2
    err = capsys.readouterr().err
    assert f"{home} already holds files that aren't Rebound's (bin, link, notes.txt)" in err
    assert "Nothing was changed" in err and f"--data-dir {home / 'rebound'}" in err
    assert _snapshot(home) == before


def test_store_open_refuses_it_too(home):
    before = _snapshot(home)
    with pytest.raises(ForeignFolderError):
        Store.open(home)
    with pytest.raises(ForeignFolderError):
        Store.open(home, read_only=True)
    assert _snapshot(home) == before


def test_at_a_terminal_a_no_changes_nothing(home, monkeypatch, capsys):
    before = _snapshot(home)
    asked = _answer(monkeypatch, False)
    assert run(["--data-dir", str(home), "import", "linkedin", str(CONNECTIONS), "--yes"]) == 2
    assert len(asked) == 1 and "Keep Rebound's data there anyway?" in asked[0]
    assert "Nothing was changed" in capsys.readouterr().err
    assert _snapshot(home) == before


def test_at_a_terminal_a_yes_uses_the_folder_and_touches_only_rebounds_files(home, monkeypatch, capsys):
    before = _snapshot(home)
    asked = _answer(monkeypatch, True)
    assert run(["--data-dir", str(home), "import", "linkedin", str(CONNECTIONS), "--yes"]) == 0
    assert len(asked) == 1
    after = _snapshot(home)
    assert {k: v for k, v in after.items() if k in before} == before  # every file of theirs, and the folder
    ours = sorted(set(after) - set(before))
    assert "rebound.json" in ours and "rebound.lock" in ours
    for name in ours:
        p = home / name
        assert Path(name).parts[0].startswith(("rebound", "backups", ".rebound", "cache")), name
        assert _mode(p) == (0o700 if p.is_dir() else 0o600), name
    # the next time it is a data folder: no question
    assert run(["--data-dir", str(home), "today"]) == 0
    assert len(asked) == 1


def test_an_existing_data_folder_with_other_files_keeps_them_as_they_are(tmp_path):
    data_dir = tmp_path / "synced"
    s = Store.open(data_dir)
    s.applications.save(Application(company="a", role="b"))
    s.close()
    (data_dir / "script.sh").write_text("#!/bin/sh\n")
    os.chmod(data_dir / "script.sh", 0o755)
    (data_dir / "shared").mkdir()
    os.chmod(data_dir / "shared", 0o755)
    os.chmod(data_dir, 0o755)
    os.chmod(data_dir / "rebound.json", 0o644)
    (data_dir / "backups").mkdir(exist_ok=True)
    os.chmod(data_dir / "backups", 0o755)
    s = Store.open(data_dir)
    try:
        assert _mode(data_dir / "script.sh") == 0o755 and _mode(data_dir / "shared") == 0o755
        assert _mode(data_dir) == 0o755  # not only Rebound's: left as it is, and said so
        assert _mode(data_dir / "rebound.json") == 0o600 and _mode(data_dir / "backups") == 0o700
        joined = " ".join(s.notices)
        assert f"Left {data_dir} at 0755" in joined and "script.sh, shared" in joined
    finally:
        s.close()


def test_housekeeping_files_and_rebounds_own_names_are_not_foreign(tmp_path):
    d = tmp_path / "d"
    d.mkdir()
    for name in (".DS_Store", "rebound.log.1", ".rebound.json.x.tmp", "rebound.conflict-1.json"):
        (d / name).write_text("")
    (d / "backups").mkdir()
    assert paths.foreign_entries(d) == []
    paths.check_data_dir(d)
    (d / "thesis.pdf").write_text("")
    assert paths.foreign_entries(d) == ["thesis.pdf"]


def test_an_exports_folder_that_isnt_in_a_data_folder_is_not_tightened(tmp_path):
    mine = tmp_path / "exports"
    mine.mkdir()
    os.chmod(mine, 0o755)
    assert paths.ensure_private_dir(mine) == []
    assert _mode(mine) == 0o755


# --------------------------------------------------------------------------- a file as the data folder


def test_a_regular_file_as_the_data_folder_is_refused_unchanged(tmp_path, capsys):
    f = tmp_path / "notes.txt"
    f.write_text("my notes")
    os.chmod(f, 0o644)
    with pytest.raises(NotAFolderError):
        Store.open(f)
    assert run(["--data-dir", str(f), "today"]) == 2
    assert f"{f} is a file, not a folder" in capsys.readouterr().err
    assert run(["--data-dir", str(f), "import", "linkedin", str(CONNECTIONS), "--yes"]) == 2
    from tui.cli import doctor

    assert doctor.doctor(f) == 1
    assert "is a file, not a folder" in capsys.readouterr().out
    assert _mode(f) == 0o644 and f.read_text() == "my notes"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


# --------------------------------------------------------------------------- read-only opens create and change nothing


def test_today_and_doctor_on_a_missing_folder_say_so_and_create_nothing(tmp_path, capsys):
    typo = tmp_path / "reboudn"
    assert run(["--data-dir", str(typo), "today"]) == 0
    out = capsys.readouterr().out
    assert f"there is no folder {typo} (nothing was created" in " ".join(out.split())  # lines fit 80 columns
    assert run(["--data-dir", str(typo), "doctor"]) == 1
    assert f"{typo} does not exist; nothing was created" in capsys.readouterr().out
    assert run(["--data-dir", str(typo), "export", "applications", "--dry-run"]) == 1
    assert not typo.exists()
    s = Store.open(typo, read_only=True)
    s.close()
    assert not typo.exists()


def test_read_only_opens_chmod_nothing(tmp_path, capsys):
    data_dir = tmp_path / "data"
    s = Store.open(data_dir)
    s.applications.save(Application(company="Nope Inc", role="b"))
    s.close()
    os.chmod(data_dir, 0o750)
    os.chmod(data_dir / "rebound.json", 0o640)
    before = _snapshot(data_dir)
    writer = Store.open(data_dir)  # the app, running: it tightens its own files
    try:
        tightened = _snapshot(data_dir)
        os.chmod(data_dir, 0o750)
        os.chmod(data_dir / "rebound.json", 0o640)
        second = Store.open(data_dir)  # a second instance: read-only
        assert second.read_only
        second.close()
        assert run(["--data-dir", str(data_dir), "today"]) == 0
        assert run(["--data-dir", str(data_dir), "doctor"]) == 0
        assert _mode(data_dir) == 0o750 and _mode(data_dir / "rebound.json") == 0o640
    finally:
        writer.close()
    assert tightened["."][0] == 0o700 and tightened["rebound.json"][0] == 0o600
    os.chmod(data_dir, 0o750)
    os.chmod(data_dir / "rebound.json", 0o640)
    capsys.readouterr()
    s = Store.open(data_dir, read_only=True)
    s.close()
    assert _snapshot(data_dir)["."] == before["."]
    assert _mode(data_dir / "rebound.json") == 0o640


def test_the_writer_creates_a_missing_folder_private(tmp_path):
    data_dir = tmp_path / "new" / "data"
    old = os.umask(0o022)
    try:
        s = Store.open(data_dir)
        s.close()
    finally:
        os.umask(old)
    assert _mode(data_dir) == 0o700 and _mode(data_dir / "rebound.lock") == 0o600
