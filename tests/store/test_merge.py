"""Merging contacts (issue 13): two records of one person become one in one write, and nothing is
lost — touchpoints, linked applications and drafts follow, notes are appended, tags and emails
unioned, the other record is kept inside the one that stays. And LinkedIn rows that share a name
with a contact made from an application: same person (merged) or different (added)."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import linkedin as L
from store import merge as M
from store.errors import NotFoundError, RuleError
from store.models import Application, Contact, Draft, Touchpoint
from store.pipeline import link_contacts

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "linkedin"


def two_records(store) -> tuple[Contact, Contact, Application]:
    bob = Contact(first_name="Bob", last_name="Smith", company="Acme", emails=["bob@acme.example"],
                  tags=["fintech"], notes="Met at the meetup.", source="rebound plan")
    robert = Contact(first_name="Robert", last_name="Smith", company="Globex", title="CTO", phone="+1 555",
                     emails=["rsmith@globex.example", "BOB@acme.example"], tags=["Fintech", "mentor"],
                     notes="Likes chess.", linkedin_url="https://www.linkedin.com/in/rsmith")
    app = Application(company="Acme", role="Engineer", contact_names=["Bob Smith"])
    with store.batch():
        store.contacts.save_many([bob, robert])
        store.applications.save(link_contacts(app, [bob, robert]))
    store.contacts.link_application(robert.id, app.id)
    store.touchpoints.log(Touchpoint(date="2026-02-01", contact_ids=[bob.id], summary="coffee"))
    store.touchpoints.log(Touchpoint(date="2026-02-20", contact_ids=[robert.id], summary="call"))
    store.touchpoints.log(Touchpoint(date="2026-02-25", contact_ids=[bob.id, robert.id], summary="both"))
    store.drafts.save(Draft(contact_ids=[bob.id], recipient_name="Bob Smith", body="hi"))
    return bob, robert, store.applications.get(app.id)


def test_merge_keeps_every_touchpoint_link_and_draft_in_one_write(store):
    bob, robert, app = two_records(store)
    assert app.contact_ids == [bob.id, robert.id]
    saves = store.storage.saves
    kept = store.contacts.merge(robert.id, bob.id, take={"company"})
    assert store.storage.saves == saves + 1
    assert store.contacts.get(bob.id) is None and store.contacts.count() == 1
    assert kept.id == robert.id and kept.display_name == "Robert Smith"
    assert kept.company == "Acme" and kept.title == "CTO" and kept.phone == "+1 555"  # picked, kept, filled
    assert kept.emails == ["rsmith@globex.example", "BOB@acme.example"]  # unioned, no case twins
    assert kept.tags == ["Fintech", "mentor"]
    assert kept.notes == "Likes chess.\n\nMet at the meetup."
    summaries = sorted(t.summary for t in store.touchpoints.for_contact(robert.id))
    assert summaries == ["both", "call", "coffee"] and store.touchpoints.count() == 3
    assert all(t.contact_ids == [robert.id] for t in store.touchpoints.all())
    assert kept.last_touch_on == "2026-02-25"
    linked = store.applications.get(app.id)
    assert linked.contact_ids == [robert.id] and app.id in kept.application_ids
    assert linked.contact_names == ["Robert Smith"]
    # re-linking the card by its names (what an edit does) still finds the kept contact
    assert link_contacts(linked, store.contacts.all()).contact_ids == [robert.id]
    assert store.drafts.all()[0].contact_ids == [robert.id]
    gone = kept.extra[M.MERGED_FROM]
    assert len(gone) == 1 and gone[0]["id"] == bob.id and gone[0]["company"] == "Acme"
    assert gone[0]["notes"] == "Met at the meetup." and gone[0]["merged_on"] == "2026-03-02"


def test_merge_survives_a_reload(store, data_dir):
    from store.db import Store

    bob, robert, _app = two_records(store)
    store.contacts.merge(bob.id, robert.id)
    store.close()
    again = Store.open(data_dir)
    try:
        kept = again.contacts.get(bob.id)
        assert kept is not None and kept.display_name == "Bob Smith" and kept.company == "Acme"
        assert kept.linkedin_url == "https://www.linkedin.com/in/rsmith"  # empty on the kept one: filled
        assert len(again.touchpoints.for_contact(bob.id)) == 3
    finally:
        again.close()


def test_merge_refuses_itself_and_a_missing_contact(store):
    bob, _robert, _app = two_records(store)
    with pytest.raises(RuleError):
        store.contacts.merge(bob.id, bob.id)
    with pytest.raises(NotFoundError):
        store.contacts.merge(bob.id, "nope")
    assert store.contacts.count() == 2


def test_differences_list_only_fields_both_fill_differently():
    a = Contact(first_name="A", company="Acme", title="", role="other", phone="1")
    b = Contact(first_name="B", company="acme ", title="CTO", role="mentor", phone="2")
    assert [(d.field, d.kept, d.other) for d in M.differences(a, b)] == [("phone", "1", "2")]


def test_merge_twice_keeps_both_earlier_records():
    a, b, c = Contact(first_name="A"), Contact(first_name="B"), Contact(first_name="C")
    ab = M.merged_contact(a, b)
    abc = M.merged_contact(ab, c)
    assert [r["id"] for r in abc.extra[M.MERGED_FROM]] == [b.id, c.id]


# --------------------------------------------------------------------------- LinkedIn rows sharing a name


def _from_application(store) -> Contact:
    c = Contact(first_name="Ana", last_name="Almeida", company="Northwind", source="rebound plan")
    store.contacts.save(c)
    return c


def test_a_linkedin_row_with_the_name_of_a_contact_from_an_application_is_asked_about(store):
    mine = _from_application(store)
    plan = L.plan_import(L.parse_connections((FIX / "basic.csv").read_bytes()), store.contacts.all())
    questions = M.same_name_rows(plan, store.contacts.all())
    assert [(q.new.display_name, q.existing.id) for q in questions] == [("Ana Almeida", mine.id)]
    assert "you have Ana Almeida (Northwind)" in questions[0].describe()
    # different person: the plan is unchanged (added)
    assert M.resolve_same_name(plan, questions, set()) is plan
    # same person: merged into the contact you have
    same = M.resolve_same_name(plan, questions, {mine.id})
    assert len(same.added) == len(plan.added) - 1 and len(same.updated) == len(plan.updated) + 1
    after = same.updated[-1].after
    assert after.id == mine.id and after.linkedin_url.endswith("ana-almeida-1a2b3c")
    assert after.emails == ["ana@example.com"] and after.title == "Engineering Manager"
    assert after.company == "Northwind Labs" and after.changes == []
    assert after.connected_on == "2024-03-12" and after.source == "rebound plan"
    assert not same.updated[-1].job_change  # Northwind may be how an application spelled it
    store.contacts.apply_import(same)
    assert store.contacts.count() == 5 and store.contacts.get(mine.id).linkedin_url


def test_no_question_when_the_contact_has_a_profile_or_the_name_is_shared(store):
    store.contacts.save(Contact(first_name="Ana", last_name="Almeida",
                                linkedin_url="https://www.linkedin.com/in/someone-else"))
    store.contacts.save(Contact(first_name="Ben", last_name="Brandt"))
    store.contacts.save(Contact(first_name="Ben", last_name="Brandt", company="Elsewhere"))
    plan = L.plan_import(L.parse_connections((FIX / "basic.csv").read_bytes()), store.contacts.all())
    assert M.same_name_rows(plan, store.contacts.all()) == []
