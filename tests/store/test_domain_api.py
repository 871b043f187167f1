"""One domain API: verbs on repositories, and no raw write that can break a rule."""

from __future__ import annotations

from datetime import date

import pytest

from store import contacts, linkedin, outreach, plans
from store.errors import NotFoundError, OutreachError, RuleError
from store.models import Application, Contact, Draft, Touchpoint


def _ana(store, **kw) -> Contact:
    return store.contacts.save(Contact(first_name="Ana", cadence_set_on="2026-01-01", **kw))


# --------------------------------------------------------------------------- the touchpoint invariant


def test_raw_save_of_a_touchpoint_resets_the_contacts_cadence_clock(store):
    ana = _ana(store, snoozed_until="2026-03-20")
    store.touchpoints.save(Touchpoint(date="2026-02-27", contact_ids=[ana.id]))
    after = store.contacts.get(ana.id)
    assert (after.last_touch_on, after.last_any_touch_on) == ("2026-02-27", "2026-02-27")
    assert after.snoozed_until is None  # as logging it does: the touch is what the snooze waited for


def test_save_many_and_delete_keep_last_touch_true(store):
    ana, ben = _ana(store), _ana(store)
    t1, t2 = store.touchpoints.save_many([
        Touchpoint(date="2026-02-01", contact_ids=[ana.id]),
        Touchpoint(date="2026-02-10", direction="in", contact_ids=[ana.id, ben.id]),
    ])
    a = store.contacts.get(ana.id)
    assert (a.last_touch_on, a.last_any_touch_on) == ("2026-02-01", "2026-02-10")
    assert store.contacts.get(ben.id).last_any_touch_on == "2026-02-10"
    # an edit through save_many: the contact it no longer covers is recomputed too
    moved = t2.copy()
    moved.contact_ids = [ana.id]
    store.touchpoints.save_many([moved])
    assert store.contacts.get(ben.id).last_any_touch_on is None
    assert store.touchpoints.delete(t1.id)
    assert store.contacts.get(ana.id).last_touch_on is None
    assert store.touchpoints.delete_many([t2.id, "no-such"]) == 1
    assert store.contacts.get(ana.id).last_any_touch_on is None


def test_log_and_remove_are_the_verbs(store):
    ana = _ana(store)
    tp = store.touchpoints.log(Touchpoint(date="2026-02-27", contact_ids=[ana.id, ana.id, ""]))
    assert tp.contact_ids == [ana.id]
    assert store.contacts.get(ana.id).last_touch_on == "2026-02-27"
    assert store.touchpoints.remove(tp.id) and not store.touchpoints.remove(tp.id)
    assert store.contacts.get(ana.id).last_touch_on is None


# --------------------------------------------------------------------------- deletes that unlink


def test_deleting_a_contact_any_way_unlinks_it(store):
    ana, ben = _ana(store), _ana(store)
    app = store.applications.add(Application(company="Acme", stage="applied"))
    store.contacts.link_application(ana.id, app.id)
    shared = store.touchpoints.log(Touchpoint(date="2026-02-01", contact_ids=[ana.id, ben.id]))
    alone = store.touchpoints.log(Touchpoint(date="2026-02-02", contact_ids=[ana.id]))
    assert store.contacts.delete(ana.id)
    assert store.touchpoints.get(alone.id) is None
    assert store.touchpoints.get(shared.id).contact_ids == [ben.id]
    assert store.applications.get(app.id).contact_ids == []
    assert store.contacts.delete_many([ben.id, "gone"]) == 1


def test_deleting_an_application_any_way_takes_its_plan_and_unlinks_the_rest(store):
    app = store.applications.add(Application(company="Acme", stage="interviewing"))
    store.applications.close(app.id, "rejected")
    draft = store.drafts.save(Draft(application_id=app.id))
    assert store.plans.for_application(app.id) is not None
    assert store.applications.delete(app.id)
    assert store.plans.for_application(app.id) is None
    assert store.drafts.get(draft.id).application_id is None
    assert store.applications.delete_many([app.id]) == 0


# --------------------------------------------------------------------------- verbs, not loose functions


@pytest.mark.parametrize("module,name", [
    (contacts, "log_touchpoint"), (contacts, "update_touchpoint"), (contacts, "delete_touchpoint"),
    (contacts, "save_contact"), (contacts, "delete_contact"), (contacts, "snooze"),
    (contacts, "pause_contacts"), (contacts, "set_status"), (contacts, "link_application"),
    (contacts, "start_global_pause"), (contacts, "end_global_pause"), (contacts, "due_contacts"),
    (outreach, "mark_sent"), (outreach, "put_off"), (outreach, "bring_back"), (outreach, "note_copied"),
    (plans, "add_person_as_contact"), (plans, "keep_feedback_as_lesson"), (plans, "advance_to_applied"),
    (linkedin, "apply_import"),
])
def test_no_loose_write_functions_left(module, name):
    assert not hasattr(module, name), f"{module.__name__}.{name}: a verb on its repository instead"


def test_contact_verbs(store):
    ana = store.contacts.edit(Contact(first_name="Ana", cadence_set_on=None))
    assert ana.cadence_set_on == "2026-03-02"
    store.contacts.snooze([ana.id], date(2026, 3, 9))
    assert store.contacts.get(ana.id).snoozed_until == "2026-03-09"
    store.contacts.pause([ana.id], date(2026, 5, 1))
    assert store.contacts.get(ana.id).status == "paused"
    with pytest.raises(RuleError):
        store.contacts.set_status([ana.id], "gone")
    store.settings.pause_reminders(10)
    assert store.settings.current().pause_until == "2026-03-11"
    store.settings.resume_reminders()
    assert store.settings.current().pause_from is None


def test_draft_verbs_raise_store_errors_for_the_user(store):
    with pytest.raises(NotFoundError, match="no longer exists"):
        store.drafts.put_off("gone")
    d = store.drafts.save(Draft(body="Hi"))
    store.drafts.mark_sent(d.id, channel="email", on=date(2026, 3, 2), subject="", body="Hi")
    with pytest.raises(OutreachError, match="Already marked sent"):
        store.drafts.mark_sent(d.id, channel="email", on=date(2026, 3, 2), subject="", body="Hi")
    assert store.drafts.note_copied("gone") is None
