"""Undo of the one-key verbs (:mod:`store.undo`): the records put back byte for byte in one write,
and never over newer work."""

from __future__ import annotations

import json
from datetime import date

import pytest

from store.models import Application, Contact, Draft
from store.undo import NothingToUndo


def records(store) -> dict[str, dict[str, str]]:
    store.flush()
    raw = json.loads(store.path.read_bytes())
    return {t: {doc["id"]: json.dumps(doc) for doc in docs.values()} for t, docs in raw.items() if t != "meta"}


def _seed(store):
    ana = store.contacts.save(Contact(first_name="Ana", last_name="Chen", role="recruiter", last_touch_on="2026-01-05"))
    app = store.applications.add(Application(company="Acme", role="Dev", stage="interviewing", round_name="final",
                                             contact_names=["Ana Chen"], next_action="Prep",
                                             next_action_date="2026-03-04"))
    return ana, app


@pytest.mark.parametrize("verb", ["reject", "ghost", "step", "remove", "mark_sent"])
def test_undo_puts_every_record_back_byte_for_byte_in_one_write(store, verb):
    ana, app = _seed(store)
    draft = store.drafts.save(Draft(kind="check-in", contact_ids=[ana.id], application_id=app.id, body="Hi?"))
    before, file_before = records(store), store.path.read_bytes()
    with store.undo.recording(verb):
        if verb == "reject":
            store.applications.reject(app.id)
        elif verb == "ghost":
            store.applications.close(app.id, "ghosted")
        elif verb == "step":
            store.applications.step(app.id, 1)
        elif verb == "remove":
            store.applications.remove(app.id)
        else:
            store.drafts.mark_sent(draft.id, channel="email", on=date(2026, 3, 2), subject="s", body="Hi?")
    assert records(store) != before
    saves = store.storage.saves
    assert store.undo.undo().label == verb
    assert store.storage.saves == saves + 1
    assert records(store) == before and store.path.read_bytes() == file_before
    assert store.applications.get(app.id).stage == "interviewing"
    with pytest.raises(NothingToUndo, match="Nothing to undo"):
        store.undo.undo()


def test_undo_never_overwrites_records_changed_since(store):
    _ana, app = _seed(store)
    with store.undo.recording("closing Acme"):
        store.applications.reject(app.id)
    store.reload()  # the file read again (an external change): the records are not the ones left
    with pytest.raises(NothingToUndo, match="changed since"):
        store.undo.undo()
    assert store.applications.get(app.id).stage == "closed"


def test_any_other_change_since_leaves_nothing_to_undo(store):
    _ana, app = _seed(store)
    other = store.applications.add(Application(company="Other", stage="applied"))
    with store.undo.recording("closing Acme"):
        store.applications.reject(app.id)
    store.applications.step(other.id, 1)  # not a recorded verb: it is the last change now
    with pytest.raises(NothingToUndo, match="Nothing to undo"):
        store.undo.undo()
    assert store.applications.get(app.id).stage == "closed"


def test_the_next_verb_is_the_one_undone(store):
    _ana, app = _seed(store)
    other = store.applications.add(Application(company="Other", stage="applied"))
    with store.undo.recording("closing Acme"):
        store.applications.reject(app.id)
    with store.undo.recording("moving Other"):
        store.applications.step(other.id, 1)
    assert store.undo.undo().label == "moving Other"
    assert store.applications.get(other.id).stage == "applied" and store.applications.get(app.id).stage == "closed"


def test_a_verb_that_changed_nothing_leaves_nothing_to_undo(store):
    _ana, app = _seed(store)
    with store.undo.recording("nothing"):
        pass
    assert store.undo.last is None
