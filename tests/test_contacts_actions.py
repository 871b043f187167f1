"""The contacts screen's work without Textual: :class:`ContactsActions` (every change through a
``write`` like ``ReboundApp.write``) and :class:`ContactList` (rows, filters, marks), on a real
store in a temporary folder."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from store import linkedin
from store.errors import ReadOnlyError
from store.models import Application, Contact, Touchpoint
from tui.contacts import actions as actions_module
from tui.contacts.actions import ContactsActions, Done, who
from tui.contacts.rows import ContactList

TODAY = date(2026, 3, 2)
ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / "tests" / "fixtures" / "linkedin"


def d(n: int) -> str:
    return (TODAY + timedelta(days=n)).isoformat()


class Writer:
    """Like ``ReboundApp.write``: run the change; a refusal (read-only) returns False."""

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.refused: list[str] = []

    def __call__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> bool:
        self.calls.append(getattr(fn, "__name__", "?"))
        try:
            fn(*args, **kwargs)
        except ReadOnlyError as exc:
            self.refused.append(str(exc))
            return False
        return True


@pytest.fixture
def writer() -> Writer:
    return Writer()


@pytest.fixture
def actions(store, writer) -> ContactsActions:
    return ContactsActions(writer, store)


def test_actions_and_rows_import_no_textual():
    code = ("import sys, tui.contacts.actions, tui.contacts.rows\n"
            "print(','.join(sorted(n for n in sys.modules if n.split('.')[0] in ('textual', 'rich'))))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_who():
    assert who(["Ana"]) == "Ana" and who(["Ana", "Ben"]) == "2 contacts"


# --------------------------------------------------------------------------- contacts


def test_save_a_new_then_an_edited_contact(store, actions, writer):
    c = Contact(first_name="Priya", last_name="Quinn", cadence="monthly", cadence_set_on=None)
    done = actions.save_contact(c, is_new=True)
    assert done == Done("Added Priya Quinn.", (c.id,))
    saved = store.contacts.get(c.id)
    assert saved is not None and saved.cadence_set_on == TODAY.isoformat()
    edited = saved.copy()
    edited.company = "Riverbend"
    assert actions.save_contact(edited, is_new=False) == Done("Saved Priya Quinn.", (c.id,))
    assert store.contacts.get(c.id).company == "Riverbend"
    assert writer.calls == ["edit", "edit"]


def test_delete_several_contacts_is_one_write_and_shared_touchpoints_survive(store, people, actions):
    p = people
    store.touchpoints.log(Touchpoint(date=d(-5), contact_ids=[p["ana"].id]))
    shared = store.touchpoints.log(Touchpoint(date=d(-3), contact_ids=[p["ben"].id, p["cy"].id]))
    saves = store.storage.saves
    done = actions.delete_contacts([p["ana"].id, p["ben"].id])
    assert done == Done("Deleted 2 contacts.", (p["ana"].id, p["ben"].id))
    assert store.storage.saves == saves + 1
    assert store.contacts.get(p["ana"].id) is None and store.contacts.get(p["ben"].id) is None
    assert [t.contact_ids for t in store.touchpoints.all()] == [[p["cy"].id]]
    assert store.touchpoints.get(shared.id) is not None
    assert actions.delete_contacts([p["cy"].id]) == Done("Deleted Cy Chen.", (p["cy"].id,))


def test_a_refused_change_returns_none_and_changes_nothing(data_dir, store, people, writer):
    store.close()
    from store.db import Store

    read_only = Store.open(data_dir, read_only=True)
    try:
        acts = ContactsActions(writer, read_only)
        ana = next(c for c in read_only.contacts.all() if c.first_name == "Ana")
        assert acts.snooze([ana.id], TODAY + timedelta(days=7)) is None
        assert acts.delete_contacts([ana.id]) is None
        assert acts.pause_all(10) is None
        assert writer.refused and read_only.contacts.get(ana.id) is not None
        assert read_only.contacts.get(ana.id).snoozed_until is None
        # the hang-up savers don't even try on a read-only store
        acts.keep_contact(ana)
        acts.keep_touchpoint(Touchpoint(date=d(0), contact_ids=[ana.id]))
        assert read_only.touchpoints.count() == 0
    finally:
        read_only.close()


# --------------------------------------------------------------------------- touchpoints


def test_log_a_touchpoint_says_when_next(store, people, actions):
    p = people
    done = actions.log_touchpoint(Touchpoint(date=d(0), direction="two-way", contact_ids=[p["ana"].id]))
    assert done is not None and done.ids == (p["ana"].id,)
    assert done.message == "Logged a check-in with Ana Almeida. Next check-in 2 Jun (in 3mo)."
    assert store.contacts.get(p["ana"].id).last_touch_on == d(0)
    inbound = actions.log_touchpoint(Touchpoint(date=d(0), direction="in", kind="reply", contact_ids=[p["ben"].id]))
    assert inbound is not None and "(inbound: the clock keeps running)" in inbound.message
    several = actions.log_touchpoint(Touchpoint(date=d(0), kind="article", contact_ids=[p["ben"].id, p["cy"].id]))
    assert several is not None and several.message == "Logged a article with 2 contacts."


def test_edit_and_delete_a_touchpoint_recompute_the_last_touch(store, people, actions):
    p = people
    ana = p["ana"].id
    old = store.touchpoints.log(Touchpoint(date=d(-120), contact_ids=[ana]))
    recent = store.touchpoints.log(Touchpoint(date=d(-3), contact_ids=[ana]))
    assert actions.delete_touchpoint(recent) == Done("Touchpoint deleted; the last touch is recomputed.", (ana,))
    assert store.contacts.get(ana).last_touch_on == d(-120)
    moved = old.copy()
    moved.date = d(-1)
    assert actions.save_touchpoint(moved) == Done("Touchpoint saved; the last touch is recomputed.", (ana,))
    assert store.contacts.get(ana).last_touch_on == d(-1)
    assert [t.date for t in actions.touchpoints(ana)] == [d(-1)]


def test_keep_a_touchpoint_and_a_contact_on_hangup(store, people, actions, writer):
    p = people
    actions.keep_touchpoint(Touchpoint(date=d(0), summary="typed", contact_ids=[p["cy"].id]))
    c = p["cy"].copy()
    c.company = "Bluefin"
    actions.keep_contact(c)
    assert [t.summary for t in store.touchpoints.all()] == ["typed"]
    assert store.contacts.get(c.id).company == "Bluefin"
    assert writer.calls == []  # straight to the store: the UI is going away


def test_contact_choices_and_names(store, people, actions):
    p = people
    choices = dict(actions.contact_choices())
    assert choices[p["ana"].id] == "Ana Almeida — Northwind, ana@example.com"
    assert choices[p["cy"].id] == "Cy Chen"
    assert actions.names([p["ben"].id, "gone", p["cy"].id]) == ["Ben Brandt", "Cy Chen"]
    assert actions.name("gone") is None


# --------------------------------------------------------------------------- snooze, pause, status


def test_snooze_and_end_it(store, people, actions):
    p = people
    ids = [p["ana"].id, p["ben"].id]
    done = actions.snooze(ids, TODAY + timedelta(days=7))
    assert done == Done("Snoozed 2 contacts until 9 Mar.", tuple(ids))
    assert {store.contacts.get(i).snoozed_until for i in ids} == {d(7)}
    assert actions.snooze(ids[:1], None) == Done("Snooze ended for Ana Almeida.", tuple(ids[:1]))
    assert store.contacts.get(ids[0]).snoozed_until is None


def test_pause_status_and_the_global_pause(store, people, actions):
    p = people
    ana = p["ana"].id
    assert actions.pause([ana], date(2026, 4, 2)) == Done("Paused Ana Almeida until 2 Apr.", (ana,))
    assert (store.contacts.get(ana).status, store.contacts.get(ana).paused_until) == ("paused", "2026-04-02")
    assert actions.pause([ana], None).message == "Paused Ana Almeida until you resume."
    assert actions.set_status([ana], "active") == Done("Ana Almeida: active.", (ana,))
    assert store.contacts.get(ana).status == "active"
    assert actions.set_status([], "archived") is None
    done = actions.pause_all(10)
    assert done is not None and done.message.startswith("All reminders paused until 11 Mar.")
    s = store.settings.current()
    assert (s.pause_from, s.pause_until) == (d(0), d(9))
    assert actions.resume_all() == Done("Reminders are back on.")
    assert store.settings.current().pause_until is None


def test_link_and_unlink_an_application(store, people, actions):
    p = people
    a = store.applications.save(Application(company="Bluefin", role="SRE"))
    done = actions.link_application(p["ana"].id, a.id)
    assert done is not None and done.message.startswith("Linked.")
    assert store.contacts.get(p["ana"].id).application_ids == [a.id]
    assert store.applications.get(a.id).contact_ids == [p["ana"].id]
    assert actions.unlink_application(p["ana"].id, a.id) == Done("", (p["ana"].id,))
    assert store.contacts.get(p["ana"].id).application_ids == []


# --------------------------------------------------------------------------- import, export, cadence


def test_import_linkedin_is_one_write(store, actions):
    plan = linkedin.preview_file(store, FIX / "basic.csv")
    saves = store.storage.saves
    done = actions.import_linkedin(plan)
    assert done == Done("Imported: 5 added, 0 updated, 2 skipped.", timeout=10)
    assert store.contacts.count() == 5 and store.storage.saves == saves + 1


def test_export_and_an_export_that_fails(store, people, actions, monkeypatch):
    done = actions.export("csv")
    assert done.message.startswith("Exported 4 contacts to ") and not done.error and done.timeout == 10
    assert actions.export("ics").message.startswith("Exported 3 next check-ins")  # the archived one has none

    def refuse(_store, _fmt):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(actions_module, "write_export", refuse)
    assert actions.export("csv") == Done("Export failed: Permission denied", error=True)


def test_cadence_defaults(store, people, actions):
    assert actions.set_cadence("yearly") == Done("Cadence default saved; a contact's own setting still wins.")
    assert store.settings.current().default_cadence == "yearly"
    actions.set_cadence("monthly", role="recruiter")
    actions.set_cadence("weekly", role="mentor")
    assert store.settings.current().role_cadences == {"recruiter": "monthly", "mentor": "weekly"}
    actions.set_cadence("", role="recruiter")  # back to the default
    assert store.settings.current().role_cadences == {"mentor": "weekly"}


# --------------------------------------------------------------------------- the list


def test_rows_filters_marks_and_targets(store, people):
    p = people
    rows = ContactList(store)
    assert rows.stale
    rows.reload(TODAY)
    assert not rows.stale
    assert [r.contact.first_name for r in rows.shown] == ["Ana", "Ben", "Cy"]  # archived hidden
    assert rows.counts()["archived"] == 1 and rows.roles() == {"recruiter", "mentor", "peer"}
    assert rows.tags() == ["fintech"]
    rows.filters.due_now = True
    assert [r.contact.first_name for r in rows.apply()] == ["Ana", "Ben"]
    assert rows.filters.narrowing and rows.filters.labels() == ["a good moment now"]
    rows.filters.clear()
    rows.filters.text = "acme"
    assert [r.contact.first_name for r in rows.apply()] == ["Ben"]
    assert rows.filters.labels() == ["search: acme"] and not rows.filters.narrowing
    rows.filters.clear()
    rows.filters.show_inactive = True
    assert len(rows.apply()) == 4
    # marks: targets are the marked contacts in list order, else the current one
    assert [r.id for r in rows.targets(p["cy"].id)] == [p["cy"].id]
    assert rows.toggle_mark(p["ben"].id) and rows.toggle_mark(p["ana"].id)
    assert [r.id for r in rows.targets(p["cy"].id)] == [p["ana"].id, p["ben"].id]
    assert not rows.toggle_mark(p["ben"].id)
    # a deleted contact's mark goes with it; the list knows the data changed
    store.contacts.remove(p["ana"].id)
    assert rows.stale
    rows.reload(TODAY)
    assert rows.marked == set() and p["ana"].id not in rows and rows.get(p["ana"].id) is None


def test_reasons_and_links_from_either_side(store):
    a = store.applications.save(Application(company="Northwind", role="SRE", stage="closed", outcome="rejected",
                                            outcome_on=d(-1), stage_entered_on=d(-1)))
    ana = store.contacts.save(Contact(first_name="Ana", last_touch_on=d(-120), application_ids=[a.id]))
    bo = store.contacts.save(Contact(first_name="Bo", last_touch_on=d(-10)))
    live = store.applications.save(Application(company="Bluefin", role="SRE", stage="interviewing",
                                               stage_entered_on=d(-2), contact_ids=[bo.id]))
    rows = ContactList(store)
    rows.reload(TODAY)
    assert rows.linked_ids(bo) == [live.id]  # linked from the board's side
    ana_row, bo_row = rows.get(ana.id), rows.get(bo.id)
    assert ana_row is not None and bo_row is not None
    assert rows.reason(ana_row).kind == "rejection reply" and rows.reason(ana_row).application_id == a.id
    assert bo_row.reason is None and rows.reason(bo_row).application_id == live.id  # not due: still a reason
    assert a.id in rows.apps and "nope" not in rows.apps and len(rows.apps) == 2
    assert {x.id for x in rows.apps.values()} == {a.id, live.id} and set(rows.apps) == {a.id, live.id}
