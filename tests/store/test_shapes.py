"""Hand-edited values of the wrong type (issue 17, item 6): read leniently with a notice, never a crash.

``applied_on: 20260301``, ``deadline: 5``, ``emails: [5]``, ``sent_on: 5``, ``cooloff_hours: 1e12``,
``schema_version: -1``, a string where a list belongs, null where text belongs and garbage inside the
lists of entries used to crash Today, the board or outreach while ``doctor`` said OK. A hypothesis
test mutates field types in the demo data and checks that opening the store, Today, the board's
columns and cards, and the outreach list and preview never raise; ``doctor`` lists each problem.
"""

from __future__ import annotations

import json
import typing
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store import demo, shapes
from store.db import Store
from store.models import ALL_MODELS, Application, Contact, Settings
from store.storage import INDEX_KEY
from store.today import summarize
from tests.waiting import notifications as _toasts

TODAY = date(2026, 3, 2)
TABLES = {m.TABLE: m for m in ALL_MODELS}


@pytest.fixture(scope="module")
def demo_json(tmp_path_factory) -> dict[str, Any]:
    """The demo data as a plain JSON object (written once)."""
    d = tmp_path_factory.mktemp("demo") / "data"
    s = Store.open(d)
    demo.populate(s, applications=40, journal=10, contacts=25, touchpoints=40, drafts=8)
    s.close()
    data = json.loads((d / "rebound.json").read_text())
    data.pop(INDEX_KEY, None)
    return data


def only(table: dict[str, Any]) -> dict[str, Any]:
    """The one record of a single-record table (meta, settings), whatever its document key."""
    (doc,) = table.values()
    return doc  # type: ignore[no-any-return]


def write_hand_edited(data_dir: Path, data: dict[str, Any]) -> None:
    """What a hand edit leaves: plain JSON (not Rebound's checksummed layout)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "rebound.json").write_text(json.dumps(data, indent=1))


def everything_a_screen_computes(store: Store) -> None:
    """Today, the board's columns, cards and health, the outreach list and its preview."""
    from tui.board.cards import make_card
    from tui.board.columns import BoardColumns
    from tui.outreach.views import list_preview, list_rows
    from tui.today.rows import build_rows

    summary = summarize(store)
    build_rows(summary)
    cols = BoardColumns()
    apps = store.applications.all()
    cols.regroup(apps)
    quiet = store.applications.quiet_days()
    for app in apps:
        make_card(app, TODAY, quiet)
    store.applications.health(TODAY)
    for d, _values in list_rows(store, TODAY, ""):
        list_preview(store, d, TODAY)


# --------------------------------------------------------------------------- the cases in the issue


@pytest.mark.parametrize("table,field,value", [
    ("applications", "applied_on", 20260301),
    ("applications", "deadline", 5),
    ("applications", "stage_history", "applied"),
    ("applications", "company", None),
    ("applications", "excitement", 1e12),
    ("applications", "activity", [5, {"on": 5, "what": None}, {"what": "x"}]),
    ("contacts", "emails", [5]),
    ("contacts", "emails", "ana@example.com"),
    ("contacts", "important_dates", [{"kind": "birthday", "month": 2, "day": 31, "year": "x"}, {"month": 99}]),
    ("drafts", "sent_on", 5),
    ("drafts", "contact_ids", {"a": 1}),
    ("settings", "cooloff_hours", 1e12),
    ("settings", "quiet_days", -5),
    ("settings", "role_cadences", {"recruiter": 5}),
    ("plans", "steps", [{"a": 1}, {"key": "reflect", "status": 7, "due": 5}]),
    ("journal", "emotions", [{"name": "sad", "before": "lots"}]),
])
def test_each_wrong_type_in_the_issue_is_read_with_a_notice(tmp_path, demo_json, table, field, value):
    data = json.loads(json.dumps(demo_json))
    for doc in data[table].values():
        doc[field] = value
    write_hand_edited(tmp_path / "data", data)
    s = Store.open(tmp_path / "data")
    try:
        everything_a_screen_computes(s)
        notes = [n for n in s.notices if f" in {table} had the wrong type" in n]
        assert len(notes) == 1 and f"e.g. {field}" in notes[0], s.notices
    finally:
        s.close()


def test_a_negative_schema_version_is_read_as_before_versioning(tmp_path, demo_json):
    data = json.loads(json.dumps(demo_json))
    only(data["meta"])["schema_version"] = -1
    write_hand_edited(tmp_path / "data", data)
    s = Store.open(tmp_path / "data")
    try:
        everything_a_screen_computes(s)
        assert any("Upgraded your data from schema 0" in n for n in s.notices)
    finally:
        s.close()


def test_values_are_coerced_to_what_can_be_read():
    problems: shapes.Problems = []
    doc = {"id": "a1", "company": 42, "applied_on": 20260301, "excitement": 1e12, "tags": "remote",
           "stage": "Interviewing", "contact_ids": ["x", 5, None], "round_number": "3",
           "stage_history": [{"from": "", "to": "applied", "at": 5}, "junk", {"from": "applied"}]}
    app = Application.from_dict(doc, problems=problems)
    assert (app.company, app.applied_on, app.excitement, app.tags) == ("42", None, 5, [])
    assert (app.stage, app.contact_ids, app.round_number) == ("interviewing", ["x"], 3)
    assert app.stage_history == [{"from": "", "to": "applied", "at": "5"}]
    fields = {p[0] for p in problems}
    assert {"company", "applied_on", "excitement", "tags", "stage", "contact_ids[1]", "contact_ids[2]",
            "stage_history[0].at", "stage_history[1]", "stage_history[2].to"} <= fields
    c = Contact.from_dict({"status": "Do-Not-Contact", "first_name": None, "emails": [5, "a@b.c"]})
    assert Contact.from_dict({"emails": "ana@example.com"}).emails == []  # as before: not guessed at
    assert (c.status, c.first_name, c.emails) == ("do not contact", "", ["a@b.c"])
    st_ = Settings.from_dict({"cooloff_hours": 1e12, "use_my_name": 1, "pipeline_floor": float("nan")})
    assert (st_.cooloff_hours, st_.use_my_name, st_.pipeline_floor) == (168, True, 10)


def test_a_record_of_the_right_shape_is_read_as_it_is_and_its_lists_are_copies():
    doc = Application(company="N", role="R", tags=["a"]).to_dict()
    problems: shapes.Problems = []
    app = Application.from_dict(doc, problems=problems)
    assert problems == [] and app.to_dict() == doc
    assert app.tags is not doc["tags"]


def test_settings_ranges_are_the_settings_forms():
    from tui.settings.actions import INT_FIELDS

    for f in INT_FIELDS:
        assert shapes.INT_RANGES[f.key] == (f.lo, f.hi), f.key


def test_doctor_lists_each_problem_with_its_field_and_record(tmp_path, demo_json, capsys):
    from tui.cli import doctor

    data = json.loads(json.dumps(demo_json))
    first_app = next(iter(data["applications"]))
    data["applications"][first_app]["applied_on"] = 20260301
    first_contact = next(iter(data["contacts"]))
    data["contacts"][first_contact]["emails"] = [5]
    only(data["settings"])["cooloff_hours"] = 1e12
    only(data["meta"])["schema_version"] = -1
    write_hand_edited(tmp_path / "data", data)
    assert doctor.doctor(tmp_path / "data") == 1
    out = capsys.readouterr().out
    assert "4 value(s) of the wrong type" in out
    app_id, contact_id = data["applications"][first_app]["id"], data["contacts"][first_contact]["id"]
    assert f"applications {app_id}: applied_on is the number 20260301, expected text or null; read as empty" in out
    assert f"contacts {contact_id}: emails[0] is the number 5, expected text; left out" in out
    assert "settings settings: cooloff_hours is the number 1e+12, expected a whole number from 0 to 168; " \
           "read as 168 (the largest allowed)" in out
    assert "meta meta: schema_version is the number -1" in out
    # the file was not changed by looking at it
    assert json.loads((tmp_path / "data" / "rebound.json").read_text()) == data


def test_doctor_says_ok_for_the_demo_data(tmp_path, demo_json, capsys):
    from tui.cli import doctor

    write_hand_edited(tmp_path / "data", demo_json)
    assert doctor.doctor(tmp_path / "data") == 0
    assert "wrong type" not in capsys.readouterr().out


# --------------------------------------------------------------------------- the property


GARBAGE = st.one_of(
    st.none(), st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.sampled_from([0, -1, 5, 20260301, 10**12, 2**62]),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(["", "x", "2026-13-45", "2026-02-30", "20260301", "9999-12-31", "0001-01-01", "-5", "1e12",
                     "Applied", "closed", "[/]", "\x1b]0;t\x07", "None"]),
    st.text(max_size=8),
    st.lists(st.one_of(st.none(), st.integers(-5, 5), st.text(max_size=4), st.just({})), max_size=3),
    st.dictionaries(st.sampled_from(["to", "from", "at", "on", "what", "key", "status", "month", "day", "x"]),
                    st.one_of(st.none(), st.integers(-50, 50), st.text(max_size=4)), max_size=3),
)


@st.composite
def mutations(draw: st.DrawFn, data: dict[str, Any]) -> list[tuple[str, str, str, Any, Any]]:
    """(table, key, field, inner key or None, value): a field of a record, or a key inside one of
    its list entries, set to garbage."""
    out = []
    for _ in range(draw(st.integers(1, 6))):
        table = draw(st.sampled_from(sorted(t for t in TABLES if data.get(t)) + ["meta"]))
        if table == "meta":
            out.append(("meta", next(iter(data["meta"])), "schema_version", None, draw(GARBAGE)))
            continue
        key = draw(st.sampled_from(sorted(data[table])))
        hints = typing.get_type_hints(TABLES[table])
        field = draw(st.sampled_from(sorted(n for n in hints if n not in ("extra", "TABLE"))))
        inner = draw(st.one_of(st.none(), st.sampled_from(["to", "from", "at", "on", "what", "key", "status",
                                                           "due", "month", "day", "year", "before", "hot"])))
        out.append((table, key, field, inner, draw(GARBAGE)))
    return out


def _apply(data: dict[str, Any], muts: list[tuple[str, str, str, Any, Any]]) -> None:
    for table, key, field, inner, value in muts:
        doc = data[table][key]
        current = doc.get(field)
        if inner is not None and isinstance(current, list) and current and isinstance(current[0], dict):
            current[0][inner] = value
        else:
            doc[field] = value


PROPERTY = settings(derandomize=True, deadline=None, max_examples=60, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                           HealthCheck.data_too_large])


@PROPERTY
@given(st.data())
def test_no_mutation_of_field_types_crashes_today_the_board_or_outreach(tmp_path_factory, demo_json, data):
    muts = data.draw(mutations(demo_json))
    mutated = json.loads(json.dumps(demo_json))
    _apply(mutated, muts)
    data_dir = tmp_path_factory.mktemp("mutated") / "data"
    write_hand_edited(data_dir, mutated)
    s = Store.open(data_dir)
    try:
        everything_a_screen_computes(s)
    finally:
        s.close()


async def test_the_app_opens_on_wrong_types_and_says_so(tmp_path, demo_json, make_app):
    """The notice reaches the person: Today's tables are read before the start-up notices are shown."""
    data = json.loads(json.dumps(demo_json))
    for doc in data["applications"].values():
        doc["applied_on"] = 20260301
    write_hand_edited(tmp_path / "data", data)
    from types import SimpleNamespace

    from tui.cli import open_store_or_explain

    s = open_store_or_explain(SimpleNamespace(data_dir=None), tmp_path / "data")  # as rebound-tui opens it
    assert s is not None
    try:
        app = make_app(s)
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            await pilot.pause()
            for key in ("b", "o", "t"):  # the board, outreach, back to Today
                await pilot.press(key)
                await pilot.pause()
            assert app.is_running
            notes = [n.message for n in _toasts(app)]
            assert any("in applications had the wrong type" in n for n in notes), notes
    finally:
        s.close()
