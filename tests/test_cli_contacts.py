"""``rebound-tui import linkedin`` and ``rebound-tui export contacts`` (and the exports themselves)."""

from __future__ import annotations

import csv
import io
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from store import contacts_export as X
from store.db import Store
from store.models import Contact, Touchpoint
from tests.hostile import HOSTILE, stored_form
from tui.cli import run

ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / "tests" / "fixtures" / "linkedin"


def _cli(data_dir: Path, *argv: str) -> int:
    return run(["--data-dir", str(data_dir), *argv])


def _read_csv(data: bytes) -> list[dict[str, str]]:
    text = data.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


# --------------------------------------------------------------------------- formula injection


@pytest.mark.parametrize("value,expected", [
    ("=HYPERLINK(\"http://evil\")", "'=HYPERLINK(\"http://evil\")"),
    ("+1 555 0100", "'+1 555 0100"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tTabbed", "'\tTabbed"),
    ("\r=cmd", "'\n=cmd"),
    ("\x1b=cmd", "'=cmd"),  # a control in front is stripped, then the formula is still caught
    ("Acme = good", "Acme = good"),
    ("", ""),
    (None, ""),
    ("ANSI \x1b[31mred", "ANSI red"),
])
def test_safe_cell_defuses_formulas_and_strips_controls(value, expected):
    assert X.safe_cell(value) == expected


def test_csv_export_is_safe_and_complete(store):
    store.contacts.save(Contact(first_name="=cmd|'/C calc'!A0", last_name="@evil", company="+Corp",
                                title="-Lead", emails=["a@x.io", "b@x.io"], tags=["=t", "x"],
                                notes="line one\nline two", last_touch_on="2025-10-01"))
    data, count = X.export_contacts(store, "csv")
    rows = _read_csv(data)
    assert count == 1 and len(rows) == 1
    row = rows[0]
    assert row["first name"] == "'=cmd|'/C calc'!A0" and row["last name"] == "'@evil"
    assert row["company"] == "'+Corp" and row["title"] == "'-Lead" and row["tags"] == "'=t, x"
    assert row["emails"] == "a@x.io; b@x.io" and row["notes"] == "line one\nline two"
    assert row["state"] == "reconnect" and row["next due"] == "2026-01-01" and row["cadence"] == "quarterly"
    assert row["reason"]
    for value in row.values():
        assert not value.startswith(X.FORMULA_STARTS)


def test_csv_export_of_hostile_strings(store):
    for s in HOSTILE:
        store.contacts.save(Contact(first_name=s, company=s, notes=s, next_time=s))
    rows = _read_csv(X.export_contacts(store, "csv")[0])
    assert len(rows) == len(HOSTILE)
    firsts = {r["first name"] for r in rows}
    for s in HOSTILE:
        assert stored_form(s) in firsts
    for r in rows:
        for v in r.values():
            assert "\x1b" not in v and "\x07" not in v and "\u202e" not in v


def test_ics_export_has_one_all_day_event_per_due_date(store):
    from icalendar import Calendar

    a = store.contacts.save(Contact(first_name="Ana", last_name="[/]", company="Acme, Inc.",
                                    last_touch_on="2026-01-31", cadence="monthly", next_time="Ask; about X"))
    store.contacts.save(Contact(first_name="Arch", status="archived"))
    store.contacts.save(Contact(first_name="None", cadence="none"))
    data, count = X.export_contacts(store, "ics")
    assert count == 1
    cal = Calendar.from_ical(data)
    events = list(cal.walk("VEVENT"))
    assert len(events) == 1
    ev = events[0]
    # due Feb 28 (Jan 31 + 1 month, clamped): in the past, so on today (a Monday) where a calendar shows it
    assert ev.decoded("dtstart") == date(2026, 3, 2)
    assert ev.decoded("dtend") == date(2026, 3, 3)
    assert "First planned for 2026-02-28" in str(ev["description"])
    assert "due" not in str(ev["description"]).casefold()
    assert str(ev["summary"]) == "Reach out to Ana [/]"
    assert str(ev["uid"]) == f"{a.id}-next-due@rebound-tui"
    assert "Ask; about X" in str(ev["description"]) and "Acme, Inc." in str(ev["description"])
    with pytest.raises(ValueError):
        X.export_contacts(store, "xlsx")


def test_write_export_never_overwrites_in_the_app(store):
    p1, _ = X.write_export(store, "csv")
    p2, _ = X.write_export(store, "csv")
    assert p1 != p2 and p2.name == "contacts-2026-03-02-2.csv"
    assert stat.S_IMODE(p1.stat().st_mode) == 0o600


# --------------------------------------------------------------------------- export CLI


def _seed(data_dir: Path) -> None:
    s = Store.open(data_dir)
    c = s.contacts.save(Contact(first_name="Ana", last_name="Almeida", last_touch_on="2025-12-01"))
    s.touchpoints.save(Touchpoint(date="2025-12-01", contact_ids=[c.id]))
    s.close()


def test_export_cli_default_path_0600_and_refuses_to_overwrite(data_dir, capsys):
    _seed(data_dir)
    assert _cli(data_dir, "export", "contacts", "--format", "csv") == 0
    out = data_dir / "exports" / "contacts-2026-03-02.csv"
    assert out.exists() and stat.S_IMODE(out.stat().st_mode) == 0o600
    assert stat.S_IMODE(out.parent.stat().st_mode) == 0o700
    assert "Exported 1 contact to" in capsys.readouterr().out
    out.write_text("keep me")
    assert _cli(data_dir, "export", "contacts", "--format", "csv") == 1  # no terminal: refuses
    assert "already exists" in capsys.readouterr().err and out.read_text() == "keep me"
    assert _cli(data_dir, "export", "contacts", "--format", "csv", "--force") == 0
    assert out.read_text(encoding="utf-8-sig").startswith("first name,")


def test_export_cli_asks_before_overwriting_at_a_terminal(data_dir, tmp_path):
    from tui import cli
    from tui.cli import export_contacts as cli_export_contacts

    _seed(data_dir)
    target = tmp_path / "mine.ics"
    target.write_text("old")
    args = cli.build_parser().parse_args(["--data-dir", str(data_dir), "export", "contacts", "--output",
                                          str(target)])
    asked = []
    assert cli_export_contacts.run(args, data_dir, is_tty=lambda: True,
                                   ask=lambda q: asked.append(q) or False) == 1
    assert asked and target.read_text() == "old"
    assert cli_export_contacts.run(args, data_dir, is_tty=lambda: True, ask=lambda q: True) == 0
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")  # the format follows the file name


def test_export_cli_errors(data_dir, tmp_path, capsys):
    assert _cli(data_dir, "export", "contacts", "--format", "xlsx") == 2
    assert "unknown format" in capsys.readouterr().err
    assert _cli(data_dir, "export", "contacts") == 1  # no data yet
    _seed(data_dir)
    assert _cli(data_dir, "export", "contacts", "--output", str(tmp_path)) == 2  # a folder
    assert _cli(data_dir, "export", "contacts", "--output", str(tmp_path / "no" / "x.csv")) == 1
    assert "does not exist" in capsys.readouterr().err


def test_export_cli_to_stdout(data_dir, capfdbinary):
    _seed(data_dir)
    assert _cli(data_dir, "export", "contacts", "--format", "ics", "--output", "-") == 0
    assert capfdbinary.readouterr().out.startswith(b"BEGIN:VCALENDAR")


# --------------------------------------------------------------------------- import CLI


def test_import_cli_dry_run_changes_nothing(data_dir, capsys):
    assert _cli(data_dir, "import", "linkedin", str(FIX / "basic.csv"), "--dry-run") == 0
    out = capsys.readouterr().out
    assert "dry run" in out and "Added: 5" in out and "line 7: no name" in out
    s = Store.open(data_dir)
    assert s.contacts.count() == 0
    s.close()


def test_import_cli_saves_and_reimport_updates(data_dir, capsys):
    assert _cli(data_dir, "import", "linkedin", str(FIX / "reimport_v1.csv")) == 0
    assert "Saved: 4 added" in capsys.readouterr().out
    assert _cli(data_dir, "import", "linkedin", str(FIX / "reimport_v2.csv")) == 0
    out = capsys.readouterr().out
    assert "Added: 1" in out and "Updated: 3 (2 changed jobs" in out and "duplicate of line 5" in out
    assert "company Umbra Studios → Kestrel Games" in out
    s = Store.open(data_dir)
    assert s.contacts.count() == 5
    s.close()
    assert _cli(data_dir, "import", "linkedin", str(FIX / "reimport_v2.csv")) == 0
    assert "Nothing to change." in capsys.readouterr().out


def test_import_cli_errors(data_dir, tmp_path, capsys):
    assert _cli(data_dir, "import", "linkedin", str(tmp_path / "nope.csv")) == 2
    assert "No such file" in capsys.readouterr().err
    assert _cli(data_dir, "import", "linkedin", str(FIX / "not_linkedin.csv")) == 2
    assert "First Name" in capsys.readouterr().err


def test_import_cli_refuses_when_another_instance_has_the_data(data_dir, capsys):
    holder = Store.open(data_dir)
    try:
        assert _cli(data_dir, "import", "linkedin", str(FIX / "basic.csv")) == 1
        assert "Nothing was imported" in capsys.readouterr().err
        # a dry run only reads: fine
        assert _cli(data_dir, "import", "linkedin", str(FIX / "basic.csv"), "--dry-run") == 0
    finally:
        holder.close()


def test_import_and_export_paths_do_not_load_textual(tmp_path):
    code = (
        "import sys\n"
        "from tui.cli import run\n"
        f"run(['--data-dir', {str(tmp_path / 'd')!r}, 'import', 'linkedin', {str(FIX / 'basic.csv')!r}])\n"
        f"run(['--data-dir', {str(tmp_path / 'd')!r}, 'export', 'contacts', '--format', 'ics'])\n"
        "print('TEXTUAL' if any(n.split('.')[0] in ('textual', 'rich') for n in sys.modules) else 'CLEAN')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip().endswith("CLEAN")


def test_csv_export_calls_each_state_what_the_contacts_list_calls_it(store):
    """No person is "due" or "overdue" in an export either: the state column uses the list's words."""
    from store.contacts import STATE_WORDS, STATES
    from widgets.contacts_table import state_words

    for state in STATES:
        assert STATE_WORDS.get(state, state) == state_words(state)
    for touched in ("2025-06-01", "2025-11-20", "2026-02-20", "2026-03-01"):  # a long while, due, soon, in touch
        store.contacts.save(Contact(first_name="P" + touched, last_touch_on=touched))
    rows = _read_csv(X.export_contacts(store, "csv", today=date(2026, 3, 2))[0])
    assert len(rows) == 4 and not any(r["state"] in ("due", "overdue") for r in rows)
    assert "reconnect" in {r["state"] for r in rows}
