"""Records built from the stored documents this code writes (every field, nothing else) and from others
(older documents missing fields, newer ones with fields this version doesn't know: the defaults under
them, the unknown fields kept in ``extra``) build the same record."""

from __future__ import annotations

import dataclasses

import pytest

from store.models import Application, Contact, JournalEntry, Touchpoint

KINDS = [Application(company="Acme", role="Dev", tags=["remote"]), Contact(first_name="Ada"),
         JournalEntry(kind="checkin", mood=3, entry_date="2026-03-01", body="a walk"),
         Touchpoint(contact_ids=["c1"], channel="email", summary="hello")]


def _fields(record: object) -> dict[str, object]:
    return {f.name: getattr(record, f.name) for f in dataclasses.fields(record)  # type: ignore[arg-type]
            if f.name != "extra"}


@pytest.mark.parametrize("record", KINDS, ids=lambda r: type(r).__name__)
def test_a_complete_document_builds_the_same_record(record):
    doc = record.to_dict()
    built = type(record).from_dict(doc, True)
    assert _fields(built) == _fields(record) and built.extra == {}
    if hasattr(built, "tags"):  # the record's fields are its own: the document is left as it was
        built.tags = ["changed"]
        assert doc.get("tags") != ["changed"]


@pytest.mark.parametrize("record", KINDS, ids=lambda r: type(r).__name__)
def test_documents_missing_or_adding_fields_build_the_same_record(record):
    doc = record.to_dict()
    older = {k: v for k, v in doc.items() if k not in ("updated_at", "id")}
    built = type(record).from_dict(older, True)
    assert built.updated_at and built.id and built.id != record.id  # filled by the defaults
    newer = {**doc, "from_a_later_version": 1}
    built = type(record).from_dict(newer, True)
    assert _fields(built) == _fields(record) and built.extra == {"from_a_later_version": 1}
    assert built.to_dict() == newer
