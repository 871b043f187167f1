"""``rebound-tui today``: the Today summary as plain text, on fixtures with the frozen date."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from store.db import Store
from store.models import Application, Contact, Draft, JournalEntry
from tests.hostile import HOSTILE
from tui import cli
from tui.cli import today as cli_today

ROOT = Path(__file__).resolve().parents[1]


def _seed(data_dir: Path) -> None:
    s = Store.open(data_dir)
    try:
        s.settings.update(my_name="Alex Morgan", pipeline_floor=4, weekly_goal=3)
        s.applications.save_many([
            Application(company="Due Today", role="Dev", stage="applied", applied_on="2026-03-02",
                        next_action="Follow up", next_action_date="2026-03-02"),
            Application(company="Late", role="SRE", stage="screening", applied_on="2026-02-10",
                        next_action="Send the take-home", next_action_date="2026-02-27"),
            Application(company="Wish", stage="wishlist"),
        ])
        s.contacts.save(Contact(first_name="Ana", last_name="Chen", cadence="monthly", last_touch_on="2026-01-01"))
        s.drafts.save(Draft(kind="check-in", recipient_name="Ben Li", status="put off", put_off_until="2026-03-02"))
        s.journal.save_many([
            JournalEntry(kind="checkin", entry_date="2026-03-02", mood=4),
            JournalEntry(kind="checkin", entry_date="2026-03-01", mood=2),
            JournalEntry(kind="reframe", entry_date="2026-02-27",
                         emotions=[{"name": "sad", "before": 70, "after": 50}]),
        ])
        app = Application(company="Nope Inc", role="Dev", stage="closed", outcome="rejected",
                          outcome_on="2026-03-01", closed_from_stage="interviewing", contact_names=["Ana Chen"])
        with s.batch():
            s.applications.save(app)
            plan = s.plans.ensure_for_application(app)
        s.plans.mark_done(plan.id, "reflect")
    finally:
        s.close()


EXPECTED = """\
Rebound · Mon 2 Mar 2026 · Good morning, Alex.

Pipeline   2 live of 4 · one good application this week makes 3
This week  1 of 3 applied
Mood 30d   ····························▂▄ avg 3.0/5
Reframe    feelings eased 20 of 100, 3d ago

Rebound plans (1 in progress)
  Nope Inc — Dev · rejected yesterday · 1 of 5 done · 3 due
    ✓ Reflect                done 2 Mar · a guided reframe of this one
    ○ Say thank you          due today · 0 of 1 sent
    ○ Ask for feedback       due today · one question, in the same reply to Ana…
    ○ Stay in touch          due Sun 8 · 1 connection note to write
    ○ Move on                since yesterday · 2 live of 4 · one good applicati…

Due today (3)
  Next steps
    Late — SRE · since 27 Feb · Send the take-home
    Due Today — Dev · today · Follow up
  Drafts snoozed
    Quarterly check-in to Ben Li · today · snoozed until today

A good moment to reach out  (if you feel like it)
    Ana Chen · """


def test_today_prints_the_summary_and_exits_0(data_dir, capsys):
    _seed(data_dir)
    assert cli.run(["--data-dir", str(data_dir), "today", "--all"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(EXPECTED), out
    assert "\x1b" not in out  # not a terminal: no colour
    assert "\nPrompt  " in out and out.endswith("\n")


def test_colour_only_on_a_terminal_without_no_color(data_dir, monkeypatch):
    _seed(data_dir)
    from store.today import summarize

    s = Store.open(data_dir, read_only=True)
    summary = summarize(s)
    s.close()

    class Tty(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    tty = Tty()
    assert cli_today.use_color(tty)
    out = cli_today.Out(tty, cli_today.use_color(tty), 80)
    cli_today.render(summary, out)
    out.flush()
    assert "\x1b[1mPipeline" in tty.getvalue()
    monkeypatch.setenv("NO_COLOR", "1")
    assert not cli_today.use_color(tty)
    assert not cli_today.use_color(io.StringIO())


def test_empty_data_dir_says_how_to_start(tmp_path, capsys):
    assert cli.run(["--data-dir", str(tmp_path / "new"), "today"]) == 0
    out = capsys.readouterr().out
    assert "nothing. A quiet day is allowed." in out and "No data yet" in out


def test_works_while_the_app_holds_the_data(data_dir, capsys):
    _seed(data_dir)
    writer = Store.open(data_dir)  # the app, running
    try:
        assert not writer.read_only
        assert cli.run(["--data-dir", str(data_dir), "today"]) == 0
        assert "Nope Inc" in capsys.readouterr().out
    finally:
        writer.close()


def test_damaged_file_gets_the_doctor_message_and_exit_2(data_dir, capsys):
    _seed(data_dir)
    (data_dir / "rebound.json").write_bytes(b'{"applications": {"x": ')
    assert cli.run(["--data-dir", str(data_dir), "today"]) == 2
    err = capsys.readouterr().err
    assert "your data file can't be read" in err and "has NOT been changed" in err
    assert (data_dir / "rebound.json").read_bytes() == b'{"applications": {"x": '


def test_hostile_text_is_printed_without_control_characters(data_dir, capsys):
    s = Store.open(data_dir)
    try:
        for text in HOSTILE:
            s.applications.save(Application(company=text, role=text, stage="applied", next_action=text,
                                            next_action_date="2026-03-01"))
        s.settings.update(my_name=HOSTILE[7])
    finally:
        s.close()
    assert cli.run(["--data-dir", str(data_dir), "today"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "[@click=app.quit]x[/]" in out and "Acme [/] Corp [b]bold[/b]" in out
    assert max(len(line) for line in out.splitlines()) < 300  # the 10,000-character name is clipped


def test_the_today_path_loads_no_textual_or_rich(data_dir):
    _seed(data_dir)
    code = (
        "import sys\n"
        "from tui.cli import run\n"
        f"code = run(['--data-dir', {str(data_dir)!r}, 'today'])\n"
        "bad = sorted({n.split('.')[0] for n in sys.modules if n.split('.')[0] in ('textual', 'rich')})\n"
        "print('LOADED', bad, code)\n"
    )
    env = {**os.environ, "REBOUND_TODAY": "2026-03-02"}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True, env=env)
    assert out.stdout.strip().splitlines()[-1] == "LOADED [] 0"


def test_console_script_exits_0(data_dir):
    _seed(data_dir)
    env = {**os.environ, "REBOUND_TODAY": "2026-03-02", "NO_COLOR": "1"}
    out = subprocess.run([sys.executable, "-m", "tui", "--data-dir", str(data_dir), "today", "--all"], cwd=ROOT,
                         capture_output=True, text=True, env=env)
    assert out.returncode == 0 and out.stdout.startswith(EXPECTED)


def test_only_the_newest_plan_is_listed_step_by_step_and_people_are_few(data_dir, capsys):
    _seed(data_dir)
    s = Store.open(data_dir)
    try:
        older = Application(company="Older Co", role="Dev", stage="closed", outcome="rejected",
                            outcome_on="2026-02-26", closed_from_stage="screening")
        with s.batch():
            s.applications.save(older)
            s.plans.ensure_for_application(older)
        for i in range(5):
            s.contacts.save(Contact(first_name=f"P{i}", cadence="monthly", last_touch_on="2025-06-01"))
    finally:
        s.close()
    assert cli.run(["--data-dir", str(data_dir), "today", "--all"]) == 0
    out = capsys.readouterr().out
    plans = out.split("Rebound plans (2 in progress)")[1].split("Due today")[0]
    assert plans.count("Reflect") == 1  # the newest (Nope Inc) step by step; Older Co is one line
    assert "Nope Inc — Dev · rejected yesterday" in plans and "Older Co — Dev · rejected 4 days ago" in plans
    assert plans.index("Older Co") > plans.index("Move on")
    people = out.split("A good moment to reach out")[1].split("Prompt")[0]
    assert len([line for line in people.splitlines() if line.startswith("    ") and "·" in line]) == 3
    assert "More people on Contacts, whenever you like." in people


def _cells(line: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def test_on_the_demo_it_fits_a_login_screen_and_all_prints_the_rest(demo_on_disk, capsys):
    assert cli.run(["--data-dir", str(demo_on_disk), "today"]) == 0
    short = capsys.readouterr().out.splitlines()
    assert len(short) <= 20, "\n".join(short)
    assert max(_cells(line) for line in short) <= 80
    assert short[-1] == "More: rebound-tui today --all"
    text = "\n".join(short)
    assert "Due today (" in text and "A good moment to reach out: " in text and "Prompt " in text
    assert "Reflect" not in text  # not due: only the newest plan's due steps show here
    assert cli.run(["--data-dir", str(demo_on_disk), "today", "--all"]) == 0
    full = capsys.readouterr().out.splitlines()
    assert len(full) > len(short) and max(_cells(line) for line in full) <= 80
    every = "\n".join(full)
    assert "Reflect" in every and "A good moment to reach out" in every and "  Next steps" in every


def test_a_narrow_terminal_gets_its_own_width(demo_on_disk):
    from store.db import Store
    from store.today import summarize

    s = Store.open(demo_on_disk, read_only=True)
    summary = summarize(s)
    s.close()
    for everything in (False, True):
        out = cli_today.Out(io.StringIO(), False, 50)
        cli_today.render(summary, out, everything=everything)
        assert out.lines and max(_cells(line) for line in out.lines) <= 50
    assert cli_today.cut("ab界c", 4) == "ab…" and cli_today.cells("ab界") == 4


def test_a_note_wraps_at_spaces_never_inside_a_flag_or_a_folder_name():
    stream = io.StringIO()
    out = cli_today.Out(stream, color=False, width=80)
    folder = "/home/alexandra.morgan123/job-search/rebound-data"  # "rebound-" would end the first line
    out.para(f"No data yet: there is no folder {folder} (nothing was created; check --data-dir for a typo).")
    out.flush()
    lines = stream.getvalue().splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert any(folder in line for line in lines) and any("--data-dir" in line for line in lines)
