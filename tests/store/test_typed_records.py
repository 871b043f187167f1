"""Typed records: the Literal vocabularies and TypedDicts describe the data without changing a byte
of the JSON."""

from __future__ import annotations

from typing import NotRequired, get_args, get_origin, get_type_hints

import pytest

from store import models
from store.db import Store
from store.models import ALL_MODELS
from store.storage import serialize


@pytest.fixture
def demo_file(demo_on_disk):
    return demo_on_disk / "rebound.json"


def _tables_via_models(store: Store, *, trusted: bool) -> dict[str, dict[str, object]]:
    """Every table rebuilt from its documents through the models and back to dicts."""
    data = store.storage.read() or {}
    out: dict[str, dict[str, object]] = {}
    by_table = {m.TABLE: m for m in ALL_MODELS}
    for name in data:
        docs = data[name]
        model = by_table.get(name)
        if model is None:  # meta
            out[name] = docs
            continue
        out[name] = {key: model.from_dict(dict(doc), trusted).to_dict() for key, doc in docs.items()}
    return out


@pytest.mark.parametrize("trusted", [True, False])
def test_demo_data_reserialises_byte_identical(demo_file, trusted):
    original = demo_file.read_bytes()
    s = Store.open(demo_file.parent, read_only=True)
    try:
        assert serialize(_tables_via_models(s, trusted=trusted)) == original
    finally:
        s.close()


def test_saving_every_record_again_changes_no_byte_but_the_stamps(demo_file):
    before = demo_file.read_bytes()
    s = Store.open(demo_file.parent)
    try:
        for repo in s.repos:
            repo.save_many([r.copy() for r in repo.all()], touch=False)
    finally:
        s.close()
    assert demo_file.read_bytes() == before


def test_vocabularies_are_the_literal_types():
    assert models.STAGES == list(get_args(models.Stage))
    assert models.OUTCOMES == list(get_args(models.Outcome))
    assert models.CONTACT_STATUSES == list(get_args(models.ContactStatus))
    assert set(models.CADENCES) == set(get_args(models.Cadence)) == set(models.CADENCE_KEYS)
    assert set(models.DRAFT_KINDS) <= set(models.TOUCH_KINDS)  # a sent draft logs a touch of its kind
    assert set(models.DRAFT_CHANNELS) <= set(models.CHANNELS)


def _keys_fit(items: list[dict[str, object]], td: type) -> None:
    hints = get_type_hints(td, include_extras=True)  # (the class bodies' NotRequired, evaluated)
    optional = {k for k, v in hints.items() if get_origin(v) is NotRequired}
    required = hints.keys() - optional
    for item in items:
        assert required <= item.keys() <= required | optional, (td.__name__, item)


def test_the_typed_dicts_describe_what_the_demo_writes(demo_store):
    apps = demo_store.applications.all()
    _keys_fit([m for a in apps for m in a.stage_history], models.StageMove)
    entries = demo_store.journal.all()
    _keys_fit([e for j in entries for e in j.emotions], models.Emotion)
    _keys_fit([t for j in entries for t in j.thoughts], models.Thought)
    _keys_fit([d for c in demo_store.contacts.all() for d in c.important_dates], models.ImportantDate)
    plans = demo_store.plans.all()
    assert plans
    _keys_fit([s for p in plans for s in p.steps], models.PlanStep)
    for p in plans:
        for step in p.steps:
            assert step["key"] in get_args(models.StepKey) and step["status"] in get_args(models.StepStatus)


def test_one_of_turns_form_text_into_a_vocabulary_value():
    assert models.one_of(models.STAGES, "offer", "wishlist") == "offer"
    assert models.one_of(models.STAGES, "Offer", "wishlist") == "wishlist"
    assert models.one_of(models.CHANNELS, None, "email") == "email"
