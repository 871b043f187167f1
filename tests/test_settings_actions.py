"""Settings without Textual: what each field accepts, one write for every change, and a hang-up
that keeps only what can be saved. Also: the actions modules of Today, Journal and Settings are
plain Python (importing them loads no Textual)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tui.settings.actions import INT_FIELDS_BY_KEY, MAX_NAME, SettingsActions, check, validate_int

ROOT = Path(__file__).resolve().parents[1]
THEMES = ("rebound-dark", "rebound-light")


def form(**changes) -> dict:
    raw = {"my_name": "Alex", "signature": "Alex", "linkedin_tier": "free", "default_cadence": "quarterly",
           "use_my_name": False, "theme": "rebound-dark", "pipeline_floor": "5", "weekly_goal": "5",
           "quiet_days": "14", "cooloff_hours": "24"}
    raw.update(changes)
    return raw


@pytest.mark.parametrize(("text", "value", "says"), [
    ("12", 12, ""), (" 0 ", 0, ""), ("", None, "Required"), ("lots", None, "not a whole number"),
    ("501", None, "from 0 to 500"), ("-1", None, "from 0 to 500"),
])
def test_whole_numbers_in_range(text, value, says):
    got, message = validate_int(text, INT_FIELDS_BY_KEY["pipeline_floor"])
    assert got == value and says in message and (message == "") == (value is not None)


def test_check_cleans_and_names_each_problem():
    ok = check(form(my_name="  Sam   Rivera ", signature="Sam\n\n", pipeline_floor="12"), THEMES)
    assert ok.errors == {}
    assert ok.clean["my_name"] == "Sam Rivera" and ok.clean["signature"] == "Sam" and ok.clean["pipeline_floor"] == 12
    bad = check(form(my_name="x" * (MAX_NAME + 1), linkedin_tier="gold", theme="neon", weekly_goal="many",
                     use_my_name="maybe"), THEMES)
    assert set(bad.errors) == {"my_name", "linkedin_tier", "theme", "weekly_goal", "use_my_name"}
    assert "rebound-light" in bad.errors["theme"] and bad.clean["use_my_name"] is False


def test_every_change_in_one_write(store):
    calls = []

    def write(fn, *args, **kwargs):
        calls.append(kwargs)
        fn(*args, **kwargs)
        return True

    actions = SettingsActions(store, write)
    current = store.settings.current()
    raw = form(my_name=current.my_name, signature=current.signature, linkedin_tier=current.linkedin_tier,
               default_cadence=current.default_cadence, use_my_name=current.use_my_name, theme=current.theme,
               **{k: str(getattr(current, k)) for k in INT_FIELDS_BY_KEY})
    assert actions.changes(check(raw, THEMES).clean) == {}
    changes = actions.changes(check({**raw, "pipeline_floor": "12", "my_name": "Sam"}, THEMES).clean)
    assert changes == {"pipeline_floor": 12, "my_name": "Sam"}
    assert actions.save(changes) and calls == [changes]
    assert store.settings.current().pipeline_floor == 12


def test_hangup_keeps_the_valid_changes_only(store):
    actions = SettingsActions(store, lambda fn, *a, **k: False)
    before = store.settings.current()
    actions.keep_on_hangup(check(form(my_name="Sam", weekly_goal="many"), THEMES))
    after = store.settings.current()
    assert after.my_name == "Sam" and after.weekly_goal == before.weekly_goal


@pytest.mark.parametrize("module", ["tui.journal.actions", "tui.today.actions", "tui.settings.actions",
                                    "tui.journal.editor"])
def test_actions_are_plain_python(module):
    code = (f"import sys, {module}\n"
            "print(sorted({n.split('.')[0] for n in sys.modules} & {'textual', 'rich', 'widgets'}))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", f"{module} loads {out.stdout.strip()}"
