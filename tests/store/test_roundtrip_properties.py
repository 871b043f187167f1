"""Export → import gives back what was exported, for every kind (hypothesis, deterministic and small).

Applications through the CSV, the journal through jrnl's text format, contacts through vCard 4.0, and
everything through ``export all`` / ``import all`` (exact, record for record)."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.exporting.applications import applications_csv, stage_days
from store.exporting.everything import export_all, repos
from store.exporting.jrnl import to_jrnl
from store.exporting.vcard import contacts_vcf
from store.importing import applications as A
from store.importing import everything as E
from store.importing import journal as J
from store.importing import vcard as V
from store.models import CADENCES, CONTACT_ROLES, OUTCOMES, STAGES, Application, Contact, JournalEntry

SETTINGS = settings(max_examples=25, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

#: What people type: letters, digits, punctuation a CSV, a vCard or Markdown cares about, a few scripts.
_CHARS = st.sampled_from(list("abcXYZ019 ,;\"'=+-@<>[]()/&:.!?*_|~éü日本🎉") + ["\\"])
_EMPTY_WORDS = ("-", "—", "n/a", "na", "null", "none")
ONE_LINE = st.text(_CHARS, min_size=1, max_size=16).map(str.strip).filter(
    lambda s: bool(s) and not s.startswith("'") and s.casefold() not in _EMPTY_WORDS)
OPTIONAL_LINE = st.one_of(st.just(""), ONE_LINE)
MULTI_LINE = st.lists(OPTIONAL_LINE, min_size=1, max_size=3).map(lambda ls: "\n".join(ls).strip())
DAY = st.dates(min_value=date(2015, 1, 1), max_value=date(2026, 12, 31))
NAME = st.text(st.sampled_from(list("abcdefgXYZ éü")), min_size=1, max_size=10).map(str.strip).filter(bool)
TAG = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,4})?", fullmatch=True)


@st.composite
def applications(draw):
    stage = draw(st.sampled_from(STAGES))
    outcome = draw(st.sampled_from(OUTCOMES)) if stage == "closed" else ""
    start = draw(DAY)
    path = [s for s in STAGES[:STAGES.index(stage) + 1] if draw(st.booleans()) or s == stage]
    history, prev = [], ""
    for i, s in enumerate(path):
        entry = {"from": prev, "to": s, "at": (start + timedelta(days=3 * i)).isoformat() + "T10:00:00+00:00"}
        if s == "closed":
            entry["outcome"] = outcome
        history.append(entry)
        prev = s
    app = Application(
        company=draw(ONE_LINE), role=draw(OPTIONAL_LINE), url=draw(OPTIONAL_LINE), location=draw(OPTIONAL_LINE),
        work_mode=draw(st.sampled_from(["", "remote", "hybrid", "on-site"])), salary=draw(OPTIONAL_LINE),
        source=draw(OPTIONAL_LINE), excitement=draw(st.integers(0, 5)),
        applied_on=draw(st.one_of(st.none(), DAY.map(date.isoformat))),
        deadline=draw(st.one_of(st.none(), DAY.map(date.isoformat))), notes=draw(MULTI_LINE),
        contact_names=draw(st.lists(NAME, max_size=2, unique=True)), tags=draw(st.lists(TAG, max_size=3, unique=True)),
        stage=stage, outcome=outcome, stage_history=history, feedback=draw(MULTI_LINE),
        outcome_reason=draw(OPTIONAL_LINE) if stage == "closed" else "",
        outcome_on=(start + timedelta(days=30)).isoformat() if stage == "closed" else None,
        next_action=draw(OPTIONAL_LINE), round_number=draw(st.integers(0, 4)),
        interview_at=draw(st.one_of(st.none(), DAY.map(date.isoformat),
                                    st.tuples(DAY, st.integers(0, 23), st.integers(0, 59)).map(
                                        lambda t: f"{t[0].isoformat()}T{t[1]:02d}:{t[2]:02d}"))),
    )
    app.created_at = f"{start.isoformat()}T08:00:00+00:00"
    return app


KEPT = ("id", "company", "role", "url", "location", "work_mode", "salary", "source", "excitement", "applied_on",
        "deadline", "notes", "contact_names", "tags", "stage", "outcome", "feedback", "outcome_reason", "outcome_on",
        "next_action", "round_number", "created_at", "interview_at")


@SETTINGS
@given(st.lists(applications(), min_size=1, max_size=6))
def test_applications_csv_round_trip(apps):
    si = A.open_sheet(applications_csv(apps))
    assert si.preset == "rebound"
    plan = A.plan_applications(si, [])
    assert plan.skipped == [] and plan.updated == []
    back = {a.id: a for a in plan.added}
    assert set(back) == {a.id for a in apps}
    for a in apps:
        b = back[a.id]
        assert {k: getattr(b, k) for k in KEPT} == {k: getattr(a, k) for k in KEPT}
        assert stage_days(b) == stage_days(a)


@st.composite
def journal_entries(draw):
    body = draw(MULTI_LINE.filter(lambda s: "@" not in s and "#" not in s))
    if draw(st.booleans()):
        body = f"[2026-01-0{draw(st.integers(1, 9))} 10:00] looks like an entry\n" + body
    title = draw(OPTIONAL_LINE.filter(lambda s: "@" not in s and "#" not in s and not s.endswith("*")))
    return JournalEntry(kind="freewrite", title=title, body=body.strip(), entry_date=draw(DAY).isoformat(),
                        tags=draw(st.lists(TAG, max_size=3, unique=True)))


@SETTINGS
@given(st.lists(journal_entries(), min_size=1, max_size=6, unique_by=lambda e: (e.entry_date, e.title, e.body)))
def test_journal_jrnl_round_trip(entries):
    parsed = J.parse_jrnl(to_jrnl(entries))
    plan = J.plan_journal(parsed, [])
    assert len(plan.added) == len(entries) and plan.skipped == []
    got = sorted((e.entry_date, e.title, e.body, sorted(e.tags)) for e in plan.added)
    want = sorted((e.entry_date, e.title, e.body, sorted(e.tags)) for e in entries)
    assert got == want


@st.composite
def contacts(draw):
    bday = draw(st.one_of(st.none(), st.tuples(st.integers(1, 12), st.integers(1, 28),
                                               st.one_of(st.none(), st.integers(1950, 2005)))))
    return Contact(
        first_name=draw(ONE_LINE), last_name=draw(OPTIONAL_LINE), preferred_name=draw(OPTIONAL_LINE),
        company=draw(OPTIONAL_LINE), title=draw(OPTIONAL_LINE), role=draw(st.sampled_from(CONTACT_ROLES)),
        emails=draw(st.lists(NAME.map(lambda n: n.replace(" ", ".") + "@example.com"), max_size=2, unique=True)),
        phone=draw(st.sampled_from(["", "+1 555 0100", "(030) 1234-567"])),
        linkedin_url=draw(st.sampled_from(["", "https://www.linkedin.com/in/ana-1a2b"])),
        tags=draw(st.lists(ONE_LINE, max_size=3, unique=True)), notes=draw(MULTI_LINE),
        how_met=draw(OPTIONAL_LINE), next_time=draw(MULTI_LINE), cadence=draw(st.sampled_from(["", *CADENCES])),
        met_on=draw(st.one_of(st.none(), DAY.map(date.isoformat))),
        source=draw(st.sampled_from(["manual", "linkedin"])),
        important_dates=[{"kind": "birthday", "label": "", "month": bday[0], "day": bday[1], "year": bday[2]}]
        if bday else [],
    )


CONTACT_KEPT = ("id", "first_name", "last_name", "preferred_name", "company", "title", "role", "emails", "phone",
                "linkedin_url", "tags", "notes", "how_met", "next_time", "cadence", "met_on", "source",
                "important_dates", "status")


@SETTINGS
@given(st.lists(contacts(), min_size=1, max_size=5))
def test_contacts_vcard_round_trip(people):
    parsed = V.parse_vcards(contacts_vcf(people))
    assert parsed.skipped == []
    plan = V.plan_contacts(parsed, [])
    back = {c.id: c for c in plan.added}
    assert set(back) == {c.id for c in people}
    for c in people:
        assert {k: getattr(back[c.id], k) for k in CONTACT_KEPT} == {k: getattr(c, k) for k in CONTACT_KEPT}


def _tables(store) -> dict:
    return {r.table_name: sorted((m.to_dict() for m in r.all()), key=lambda d: d["id"]) for r in repos(store)}


def test_export_all_then_import_all_is_exact_on_the_demo_data(demo_store, tmp_path):
    from store.db import Store

    data, count = export_all(demo_store)
    target = Store.open(tmp_path / "new")
    try:
        found = E.parse_all(data, [r.table_name for r in repos(target)])
        assert E.apply_all(target, found) == count > 100
        assert _tables(target) == _tables(demo_store)
    finally:
        target.close()
    reopened = Store.open(tmp_path / "new")  # and from disk
    try:
        assert _tables(reopened) == _tables(demo_store)
    finally:
        reopened.close()


@settings(max_examples=10, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(st.lists(applications(), max_size=4), st.lists(journal_entries(), max_size=3), st.lists(contacts(), max_size=3))
def test_export_all_round_trip(apps, entries, people):
    from store.db import Store

    with tempfile.TemporaryDirectory() as tmp:
        source = Store.open(Path(tmp) / "a")
        target = Store.open(Path(tmp) / "b")
        try:
            with source.batch():
                source.applications.save_many(apps, touch=False)
                source.journal.save_many(entries, touch=False)
                source.contacts.save_many(people, touch=False)
            data, _count = export_all(source)
            E.apply_all(target, E.parse_all(data, [r.table_name for r in repos(target)]))
            assert _tables(target) == _tables(source)
        finally:
            source.close()
            target.close()
