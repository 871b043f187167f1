"""``rebound-tui export journal``: default place, 0600, control characters stripped, overwrite rules,
and no Textual on the path."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from store.db import Store
from store.models import JournalEntry
from tui.cli import export_journal as cli_export_journal
from tui.cli import run as cli_run

ROOT = Path(__file__).resolve().parents[1]


def _seed(data_dir: Path) -> None:
    s = Store.open(data_dir)
    s.journal.save(JournalEntry(kind="freewrite", title="After the panel", entry_date="2026-03-01",
                                body="I kept replaying it.\x1b]0;pwned\x07 Then I went for a walk."))
    s.journal.save(JournalEntry(kind="checkin", mood=3, entry_date="2026-02-28", body="okay \u202eday"))
    s.journal.save(JournalEntry(kind="reframe", is_draft=True, situation="unfinished"))
    s.close()


def _args(**kw) -> argparse.Namespace:
    base = dict(fmt="md", output=None, force=False, data_dir=None, sub_data_dir=None)
    base.update(kw)
    return argparse.Namespace(**base)


def test_default_path_mode_and_content(data_dir, capsys):
    _seed(data_dir)
    assert cli_run(["--data-dir", str(data_dir), "export", "journal", "--format", "md"]) == 0
    out = capsys.readouterr().out
    path = data_dir / "exports" / "journal-2026-03-02.md"
    assert str(path) in out and "2 journal entries" in out
    assert (path.stat().st_mode & 0o777) == 0o600
    text = path.read_text()
    assert text.count("\n## ") == 2  # one section per finished entry, the draft left out
    assert "After the panel" in text and "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    assert "unfinished" not in text


def test_refuses_to_overwrite_without_tty_unless_forced(data_dir, tmp_path, capsys):
    _seed(data_dir)
    target = tmp_path / "out.md"
    target.write_text("keep me")
    code = cli_export_journal.run(_args(output=str(target)), data_dir, is_tty=lambda: False)
    assert code == 1 and target.read_text() == "keep me"
    assert "--force" in capsys.readouterr().err
    code = cli_export_journal.run(_args(output=str(target), force=True), data_dir, is_tty=lambda: False)
    assert code == 0 and target.read_text().startswith("# Rebound journal")
    assert (target.stat().st_mode & 0o777) == 0o600


def test_asks_before_overwriting_at_a_terminal(data_dir, tmp_path):
    _seed(data_dir)
    target = tmp_path / "out.md"
    target.write_text("keep me")
    asked = []

    def no(question):
        asked.append(question)
        return False

    assert cli_export_journal.run(_args(output=str(target)), data_dir, is_tty=lambda: True, ask=no) == 1
    assert target.read_text() == "keep me" and "Overwrite" in asked[0]
    assert cli_export_journal.run(_args(output=str(target)), data_dir, is_tty=lambda: True,
                                  ask=lambda q: True) == 0
    assert target.read_text().startswith("# Rebound journal")


def test_bad_format_folder_and_missing_data(data_dir, tmp_path, capsys):
    _seed(data_dir)
    assert cli_export_journal.run(_args(fmt="pdf"), data_dir) == 2
    assert "md" in capsys.readouterr().err
    assert cli_export_journal.run(_args(output=str(tmp_path)), data_dir) == 2
    assert cli_export_journal.run(_args(), tmp_path / "nothing-here") == 1
    assert not (tmp_path / "nothing-here").exists()


def test_works_while_the_app_holds_the_lock(data_dir, tmp_path):
    _seed(data_dir)
    running = Store.open(data_dir)  # the app is open elsewhere
    try:
        assert cli_export_journal.run(_args(output=str(tmp_path / "j.md")), data_dir) == 0
    finally:
        running.close()


def test_export_path_imports_no_textual(data_dir):
    _seed(data_dir)
    code = (
        "import sys\n"
        "from tui.cli import run\n"
        f"run(['--data-dir', {str(data_dir)!r}, 'export', 'journal', '--force'])\n"
        "print('TEXTUAL' if any(n.startswith('textual') for n in sys.modules) else 'CLEAN')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                         env={"REBOUND_TODAY": "2026-03-02", "PATH": "/usr/bin:/bin"})
    assert out.stdout.strip().endswith("CLEAN")
