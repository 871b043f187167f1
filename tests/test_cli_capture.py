"""Capture from the shell (checkin, write, journal search) and a demo folder to keep (issue 12)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from store.db import Store

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "REBOUND_TODAY": "2026-03-02", "PYTHONPATH": str(ROOT)}


def cli(*args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    code = "import sys; from tui.__main__ import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, input=stdin, capture_output=True,
                          text=True, env=env or ENV, timeout=60)


def entries(data_dir: Path):
    s = Store.open(data_dir, read_only=True)
    try:
        return s.journal.all()
    finally:
        s.close()


def test_checkin_saves_the_mood_and_note(data_dir):
    out = cli("--data-dir", str(data_dir), "checkin", "2", "slow", "day")
    assert out.returncode == 0, out.stderr
    assert "Check-in saved" in out.stdout and "Go gently" in out.stdout
    [e] = entries(data_dir)
    assert (e.kind, e.mood, e.body) == ("checkin", 2, "slow day")


def test_checkin_refuses_a_mood_it_cannot_read(data_dir):
    out = cli("--data-dir", str(data_dir), "checkin", "great")
    assert out.returncode == 2 and "1 (very low) to 5 (great)" in out.stderr
    assert not (data_dir / "rebound.json").exists()


def test_write_from_stdin_and_the_support_lines_after_heavy_words(data_dir):
    out = cli("--data-dir", str(data_dir), "write", stdin="honestly everyone would be better off without me\n")
    assert out.returncode == 0, out.stderr
    assert "Saved to your journal" in out.stdout
    assert "not therapy" in out.stdout and "emergency number" in out.stdout
    [e] = entries(data_dir)
    assert e.kind == "freewrite" and "better off without me" in e.body


def test_write_with_hostile_text_is_stored_literally(data_dir):
    text = "[@click=app.quit]x[/] \x1b]52;c;aGk=\x07 done"
    out = cli("--data-dir", str(data_dir), "write", text)
    assert out.returncode == 0
    [e] = entries(data_dir)
    assert "[@click=app.quit]x[/]" in e.body and "\x1b" not in e.body


def test_search_finds_every_term_newest_first(data_dir):
    cli("--data-dir", str(data_dir), "write", "the interview went fine")
    cli("--data-dir", str(data_dir), "write", "prepared for the system design interview")
    out = cli("--data-dir", str(data_dir), "journal", "search", "interview", "design")
    assert out.returncode == 0
    lines = out.stdout.strip().splitlines()
    assert len(lines) == 1 and "system design" in lines[0]
    assert cli("--data-dir", str(data_dir), "journal", "search", "nothing-like-this").returncode == 1


def test_while_the_app_holds_the_data_nothing_is_lost(data_dir):
    holder = Store.open(data_dir)  # the app, in another window
    try:
        out = cli("--data-dir", str(data_dir), "write", stdin="words from a pipe\n")
    finally:
        holder.close()
    assert out.returncode == 3 and "not saved now" in out.stderr
    kept = list((data_dir / "pending").glob("write-*.txt"))
    assert kept and "words from a pipe" in kept[0].read_text()
    assert oct(kept[0].stat().st_mode & 0o777) == "0o600"


def test_capture_paths_never_import_textual(data_dir):
    code = ("import sys\nfrom tui.cli import run\n"
            f"run(['--data-dir', {str(data_dir)!r}, 'checkin', '3'])\n"
            "print('TEXTUAL' if any(n.startswith('textual') for n in sys.modules) else 'CLEAN')\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=ENV)
    assert out.stdout.strip().endswith("CLEAN")


def test_demo_into_a_folder_to_keep(tmp_path):
    target = tmp_path / "try"
    out = cli("--demo", "--data-dir", str(target))
    assert out.returncode == 0 and "Seeded" in out.stdout
    s = Store.open(target, read_only=True)
    try:
        assert s.applications.count() > 10
    finally:
        s.close()
    again = cli("--demo", "--data-dir", str(target))
    assert again.returncode == 2 and "not empty" in again.stderr

