"""``rebound-tui import applications|journal|contacts|all`` and ``export applications|activity|journal|contacts|all``:
previews, --dry-run, counts, one clear line on bad input, 0600 files that are never clobbered, ``-o -``."""

from __future__ import annotations

import argparse
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from store.db import Store
from store.models import Application, JournalEntry
from tui.cli import build_parser, run
from tui.cli import import_data as cli_import

ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / "tests" / "fixtures"


def _cli(data_dir: Path, *argv: str) -> int:
    return run(["--data-dir", str(data_dir), *argv])


def _count(data_dir: Path, table: str = "applications") -> int:
    s = Store.open(data_dir, read_only=True)
    try:
        return getattr(s, table).count()
    finally:
        s.close()


def _one_line(err: str) -> str:
    lines = [x for x in err.splitlines() if x.strip()]
    assert len(lines) == 1, lines
    return lines[0]


# --------------------------------------------------------------------------- import applications


def test_dry_run_previews_and_changes_nothing(data_dir, capsys):
    assert _cli(data_dir, "import", "applications", str(FIX / "applications" / "huntr.csv"), "--dry-run") == 0
    out = capsys.readouterr().out
    assert "Read as: Huntr" in out and "dry run: nothing saved" in out
    assert "7 row(s) read: 6 added, 0 updated, 0 unchanged, 1 skipped." in out
    assert "+ Northwind Labs — Platform Engineer · Interviewing" in out
    assert "line 8 (Designer): no company" in out and "'Waiting on referral' (1 row)" in out
    assert _count(data_dir) == 0


def test_import_then_reimport_reports_updates_and_stage_choices_are_remembered(data_dir, capsys):
    huntr = str(FIX / "applications" / "huntr.csv")
    assert _cli(data_dir, "import", "applications", huntr, "--stage", "Waiting on referral=screening") == 0
    assert "Saved: 6 added, 0 updated." in capsys.readouterr().out
    assert _cli(data_dir, "import", "applications", str(FIX / "applications" / "huntr_v2.csv")) == 0
    out = capsys.readouterr().out
    assert "1 added, 1 updated, 1 unchanged" in out and "stage Interviewing → Offer" in out
    assert _cli(data_dir, "import", "applications", huntr) == 0
    out = capsys.readouterr().out
    assert "Waiting on referral" not in out  # remembered: not asked, not defaulted
    assert _count(data_dir) == 7


def test_columns_given_once_are_remembered(data_dir, capsys):
    sheet = str(FIX / "applications" / "sheet_semicolon_cp1252.csv")
    assert _cli(data_dir, "import", "applications", sheet, "--map", "company=Firma", "--map", "role=Stelle",
                "--stage", "Beworben=applied", "--stage", "Vorstellungsgespräch=interviewing") == 0
    assert "Saved: 2 added" in capsys.readouterr().out
    assert _cli(data_dir, "import", "applications", sheet, "--dry-run") == 0
    out = capsys.readouterr().out
    assert "company ← 'Firma'" in out and "2 unchanged" in out


def test_at_a_terminal_unknown_stages_are_asked_once_and_the_save_confirmed(data_dir, capsys):
    args = build_parser().parse_args(["import", "applications", str(FIX / "applications" / "huntr.csv")])
    questions: list[str] = []

    def answer(q: str) -> str:
        questions.append(q)
        return "nope" if len(questions) == 1 else "wishlist"

    assert cli_import.run(args, data_dir, is_tty=lambda: True, ask=lambda q: False, ask_text=answer) == 1
    assert "Nothing was imported." in capsys.readouterr().out and _count(data_dir) == 0
    assert len(questions) == 2 and "Waiting on referral" in questions[0]  # a bad answer asks again
    questions.clear()
    assert cli_import.run(args, data_dir, is_tty=lambda: True, ask=lambda q: True, ask_text=answer) == 0
    s = Store.open(data_dir, read_only=True)
    kestrel = next(a for a in s.applications.all() if a.company == "Kestrel Games")
    s.close()
    assert kestrel.stage == "wishlist"


@pytest.mark.parametrize("argv,message", [
    (["applications", "missing.csv"], "No such file"),
    (["applications", "{fix}/applications/huntr.csv", "--map", "colour=x"], "unknown field 'colour'"),
    (["applications", "{fix}/applications/huntr.csv", "--map", "company=Nope"], "no column named 'Nope'"),
    (["applications", "{fix}/applications/huntr.csv", "--stage", "Waiting=maybe"], "--stage takes"),
    (["applications", "{fix}/journal/jrnl_simple.txt"], "No table found"),
    (["journal", "{fix}/applications/huntr.csv"], "no jrnl entries"),
    (["contacts", "{fix}/journal/jrnl_simple.txt"], "BEGIN:VCARD"),
    (["all", "{fix}/journal/jrnl_export.json"], "not a Rebound 'export all' file"),
])
def test_bad_input_is_one_clear_line_and_exit_2(data_dir, tmp_path, capsys, argv, message):
    argv = [a.format(fix=FIX) for a in argv]
    if argv[1] == "missing.csv":
        argv[1] = str(tmp_path / "missing.csv")
    assert _cli(data_dir, "import", *argv) == 2
    captured = capsys.readouterr()
    line = _one_line(captured.err)
    assert line.startswith(f"rebound-tui import {argv[0]}: ") and message in line


def test_import_refuses_while_another_instance_writes(data_dir, capsys):
    holder = Store.open(data_dir)
    try:
        assert _cli(data_dir, "import", "journal", str(FIX / "journal" / "jrnl_simple.txt")) == 1
        assert "Nothing was imported" in capsys.readouterr().err
    finally:
        holder.close()


def test_import_journal_and_contacts(data_dir, capsys):
    assert _cli(data_dir, "import", "journal", str(FIX / "journal" / "jrnl_export.json")) == 0
    out = capsys.readouterr().out
    assert "Read as: jrnl JSON export" in out and "entry (No date on this one)" in out and "Saved: 2 added" in out
    assert _cli(data_dir, "import", "journal", str(FIX / "journal" / "jrnl_export.json")) == 0
    assert "Nothing to change." in capsys.readouterr().out
    assert _cli(data_dir, "import", "contacts", str(FIX / "contacts" / "mixed_bad.vcf")) == 0
    out = capsys.readouterr().out
    assert "line 6: a card that can't be read (ParseError)" in out and "Saved: 2 added" in out
    assert _count(data_dir, "journal") == 2 and _count(data_dir, "contacts") == 2


# --------------------------------------------------------------------------- exports


def _seed(data_dir: Path) -> None:
    s = Store.open(data_dir)
    s.applications.save(Application(company="Acme", role="Engineer", stage="applied", applied_on="2026-02-27",
                                    stage_history=[{"from": "", "to": "applied", "at": "2026-02-27T10:00:00+00:00"}]))
    s.journal.save(JournalEntry(kind="freewrite", title="# Not a heading", body="<script>x</script>",
                                entry_date="2026-03-01"))
    s.close()


def test_exports_write_0600_files_say_plaintext_and_never_clobber(data_dir, capsys):
    _seed(data_dir)
    for what, name in (("applications", "applications-2026-03-02.csv"),
                       ("activity", "work-search-log-2026-02-24-to-2026-03-02.csv"),
                       ("all", "rebound-all-2026-03-02.json")):
        assert _cli(data_dir, "export", what) == 0
        out = capsys.readouterr().out
        path = data_dir / "exports" / name
        assert str(path) in out and "plain text, not encrypted" in out
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        path.write_text("keep me")
        assert _cli(data_dir, "export", what) == 1
        assert "already exists" in capsys.readouterr().err and path.read_text() == "keep me"
        assert _cli(data_dir, "export", what, "--force") == 0
        assert path.read_text(encoding="utf-8-sig") != "keep me"
    capsys.readouterr()


def test_dash_writes_to_standard_output_not_a_file_named_dash(data_dir, tmp_path, capfdbinary, monkeypatch):
    _seed(data_dir)
    monkeypatch.chdir(tmp_path)
    assert _cli(data_dir, "export", "journal", "-o", "-") == 0
    out = capfdbinary.readouterr().out
    assert out.startswith(b"# Rebound journal") and b"\\# Not a heading" in out
    assert _cli(data_dir, "export", "journal", "--format", "jrnl", "-o", "-") == 0
    assert capfdbinary.readouterr().out == b"[2026-03-01 09:00] # Not a heading\n<script>x</script>\n"
    assert _cli(data_dir, "export", "activity", "--format", "md", "--from", "2026-02-01", "-o", "-") == 0
    assert b"| 2026-02-27 | Acme | Engineer | Applied | online |" in capfdbinary.readouterr().out
    assert _cli(data_dir, "export", "contacts", "--format", "vcf", "-o", "-") == 0
    assert not (tmp_path / "-").exists()


def test_dry_run_exports_write_nothing(data_dir, capsys):
    _seed(data_dir)
    assert _cli(data_dir, "export", "applications", "--dry-run") == 0
    assert "dry run, nothing written" in capsys.readouterr().out
    assert not (data_dir / "exports").exists()


@pytest.mark.parametrize("argv,message", [
    (["activity", "--from", "2026-13-01"], "not a real date"),
    (["activity", "--from", "2026-03-02", "--to", "2026-03-01"], "is after --to"),
    (["applications", "--from", "2026-03-01"], "--from and --to are for 'export activity'"),
    (["applications", "--format", "xlsx"], "unknown format 'xlsx'"),
    (["journal", "--format", "pdf"], "unknown format 'pdf'"),
    (["contacts", "--format", "ics", "--alarm", "25:00"], "--alarm takes a time"),
])
def test_export_bad_input_is_one_clear_line(data_dir, capsys, argv, message):
    _seed(data_dir)
    assert _cli(data_dir, "export", *argv) == 2
    assert message in _one_line(capsys.readouterr().err)


def test_export_all_then_import_all_into_an_empty_folder_only(data_dir, tmp_path, capsys):
    _seed(data_dir)
    target = tmp_path / "all.json"
    assert _cli(data_dir, "export", "all", "-o", str(target)) == 0
    fresh = tmp_path / "fresh"
    assert _cli(fresh, "import", "all", str(target)) == 0
    assert "Saved: 2 added" in capsys.readouterr().out
    assert _count(fresh) == 1 and _count(fresh, "journal") == 1
    assert _cli(fresh, "import", "all", str(target)) == 1
    assert "only fills an empty data folder" in _one_line(capsys.readouterr().err)


def test_the_command_names_scripts_depend_on():
    p = build_parser()
    for argv in (["import", "applications", "f", "--preset", "huntr"], ["import", "journal", "f"],
                 ["import", "contacts", "f"], ["import", "linkedin", "f"], ["import", "all", "f"],
                 ["export", "applications", "--format", "csv"], ["export", "activity", "--format", "md", "--from",
                                                                 "2026-01-01", "--to", "2026-01-31"],
                 ["export", "journal", "--format", "jrnl"], ["export", "contacts", "--format", "vcf"],
                 ["export", "all"]):
        ns = p.parse_args([*argv, "--data-dir", "d"])
        assert isinstance(ns, argparse.Namespace) and ns.sub_data_dir == "d"


def test_new_paths_load_no_textual(tmp_path):
    d = str(tmp_path / "d")
    code = (
        "import sys\n"
        "from tui.cli import run\n"
        f"run(['--data-dir', {d!r}, 'import', 'applications', {str(FIX / 'applications' / 'jobsync.csv')!r}])\n"
        f"run(['--data-dir', {d!r}, 'import', 'contacts', {str(FIX / 'contacts' / 'apple.vcf')!r}])\n"
        f"run(['--data-dir', {d!r}, 'export', 'activity', '--from', '2026-01-01'])\n"
        f"run(['--data-dir', {d!r}, 'export', 'all'])\n"
        "print('TEXTUAL' if any(n.split('.')[0] in ('textual', 'rich') for n in sys.modules) else 'CLEAN')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                         env={"REBOUND_TODAY": "2026-03-02", "PATH": "/usr/bin:/bin"})
    assert out.stdout.strip().endswith("CLEAN")


def test_export_applications_as_ics_puts_interviews_in_a_calendar(data_dir, capsys):
    from icalendar import Calendar

    s = Store.open(data_dir)
    acme = s.applications.save(Application(company="Acme", role="Engineer", stage="interviewing",
                                           interview_at="2026-03-05T10:30"))
    s.applications.save(Application(company="Globex", role="SRE", stage="applied"))
    s.close()
    assert _cli(data_dir, "export", "applications", "--format", "ics") == 0
    out = capsys.readouterr().out
    path = data_dir / "exports" / "applications-2026-03-02.ics"
    assert "1 interview" in out and stat.S_IMODE(path.stat().st_mode) == 0o600
    (event,) = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert str(event["uid"]) == f"{acme.id}-interview@rebound"
    assert str(event["summary"]) == "Interview: Acme — Engineer"
