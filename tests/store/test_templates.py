"""Built-in templates (one per kind, with channel, length and timing) and the user's own."""

from __future__ import annotations

import pytest

from store import clock
from store.models import DRAFT_CHANNELS, DRAFT_KINDS, Application, Contact, Settings, Template
from store.outreach import build_context, counts, render
from store.templates import BUILTIN_BY_KIND, BUILTINS, guidance, is_builtin


def test_one_builtin_per_kind_each_with_channel_length_and_timing():
    assert set(BUILTIN_BY_KIND) == set(DRAFT_KINDS)
    for kind, t in BUILTIN_BY_KIND.items():
        assert t.kind == kind and t.channel in DRAFT_CHANNELS and t.name
        if kind != "other":
            assert t.length_hint and t.timing_hint, kind
    assert BUILTIN_BY_KIND["connection note"].channel == "linkedin note"
    assert "24 hours" in BUILTIN_BY_KIND["thank-you"].timing_hint
    assert "24–48 hours" in BUILTIN_BY_KIND["feedback request"].timing_hint
    assert guidance("thank-you").high == 200


@pytest.mark.parametrize("kind", [k for k in DRAFT_KINDS if k != "other"])
def test_each_builtin_renders_with_full_facts_and_has_a_manual_slot(kind):
    t = BUILTIN_BY_KIND[kind]
    ctx = build_context(
        contacts=[Contact(first_name="Ana", last_name="Almeida", company="Northwind", emails=["ana@x.org"])],
        application=Application(company="Northwind", role="Data Engineer",
                                activity=[{"on": "2026-03-01", "what": "Interview: system design"}]),
        settings=Settings(my_name="Alex Morgan", signature="Alex Morgan\nalex@example.com"),
    )
    r = render(t.subject, t.body, ctx)
    assert not r.error and not r.missing and not r.unknown, (kind, r)
    assert r.slots, "every built-in asks for something only the user can write"
    assert "Ana" in r.body.text


def test_connection_note_fits_the_free_limit_once_slots_are_short():
    t = BUILTIN_BY_KIND["connection note"]
    body = t.body.replace('{{ ask("how you know each other, or why now") }}', "we met at PyData") \
                 .replace('{{ ask("one specific hook or a light question") }}', "Your talk on queues stuck with me.")
    ctx = build_context(contacts=[Contact(first_name="Ana")], settings=Settings(my_name="Alex Morgan"))
    r = render("", body, ctx)
    assert r.complete
    (c,) = counts("linkedin note", "connection note", "", r.body.text, "free")
    assert c.limit == 200 and not c.over


def test_user_templates_duplicate_edit_delete_and_default(store):
    builtin = BUILTIN_BY_KIND["thank-you"]
    assert store.templates.default_for("thank-you").id == builtin.id
    copy = store.templates.duplicate(builtin)
    assert not is_builtin(copy.id) and copy.builtin_of == builtin.id
    assert copy.name == "My thank-you after an interview"
    assert copy.body == builtin.body and copy.channel == builtin.channel
    assert store.templates.default_for("thank-you").id == copy.id  # mine wins for its kind
    second = store.templates.duplicate(builtin)
    assert second.name == "My thank-you after an interview (2)"
    clock.freeze(clock.now().replace(hour=12))
    edited = store.templates.get(copy.id).copy()
    edited.body = "Hi {{ contact.first_name }}, thanks!"
    store.templates.save_template(edited)
    assert store.templates.default_for("thank-you").id == copy.id  # most recently edited
    assert [t.id for t in store.templates.every()][: len(BUILTINS)] == list(BUILTINS)
    with pytest.raises(ValueError):
        store.templates.save_template(builtin)
    with pytest.raises(ValueError):
        store.templates.delete_template(builtin.id)
    assert store.templates.delete_template(copy.id)
    assert store.templates.get(copy.id) is None
    # kept in the data file
    assert store.templates.lookup(second.id).name == second.name
    assert store.templates.lookup(builtin.id) is builtin


def test_duplicate_keeps_linkedin_capitalised(store):
    copy = store.templates.duplicate(BUILTIN_BY_KIND["connection note"])
    assert copy.name == "My LinkedIn connection note"


def test_templates_survive_a_reopen(data_dir):
    from store.db import Store

    s = Store.open(data_dir)
    t = s.templates.save_template(Template(name="Mine [/]", kind="check-in", body="Hi {{ contact.first_name }}"))
    s.close()
    s2 = Store.open(data_dir)
    try:
        assert s2.templates.get(t.id).name == "Mine [/]"
        assert s2.templates.default_for("check-in").id == t.id
    finally:
        s2.close()
