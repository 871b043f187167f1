"""The composer's rules: rendering, the sandbox, counters, cool-off, put-off, mark-sent, hand-off."""

from __future__ import annotations

import json
import stat
from datetime import UTC, date, datetime, timedelta

import pytest

from store import clock
from store.handoff import (
    editor_file,
    eml_bytes,
    join_for_editor,
    mailto,
    read_back,
    safe_name,
    save_eml,
    save_text,
    split_from_editor,
)
from store.models import Application, Contact, Draft, Settings
from store.outreach import (
    INMAIL_BODY_LIMIT,
    application_for_message,
    assess,
    build_context,
    cooloff,
    counts,
    default_recipients,
    display_status,
    effects_of_sending,
    escape_source,
    new_draft,
    offset_to_location,
    rejected_at,
    render,
    sites,
    suggest_kind,
)
from store.templates import BUILTIN_BY_KIND
from store.tone import check
from tests.hostile import HOSTILE, stored_form

UTC = UTC


def ctx(**kw):
    base = dict(contacts=[Contact(first_name="Ana", last_name="Almeida", company="Northwind",
                                  emails=["ana@example.com"], role="interviewer")],
                application=Application(company="Northwind", role="Data Engineer"),
                settings=Settings(my_name="Alex Morgan"))
    base.update(kw)
    return build_context(**base)


# ----------------------------------------------------------------------------- rendering


def test_placeholders_fill_from_contact_application_me_and_today():
    a = Application(company="Northwind", role="Data Engineer", contact_names=["Ben Brandt"],
                    activity=[{"on": "2026-02-27", "what": "Interview with the team"}],
                    applied_on="2026-02-01")
    c = ctx(application=a, app_contacts=[])
    r = render("Re: {{ app.role }}", "Hi {{ contact.first_name }} ({{ contact.company }}), "
               "{{ app.interview_when }} / {{ app.interview_date }} / {{ app.interviewer_names }} / "
               "{{ app.applied_on }} / {{ me.first_name }} / {{ today }} / {{ today.weekday }}", c)
    assert r.complete, r
    assert r.subject.text == "Re: Data Engineer"
    assert r.body.text == ("Hi Ana (Northwind), on Friday / Friday 27 February / Ben Brandt / 1 February 2026 / "
                           "Alex / 2 March 2026 / Monday")


def test_interviewers_come_from_linked_contacts_first():
    app = Application(company="N", role="R", contact_names=["Someone Else"])
    people = [Contact(first_name="Ana", last_name="A", role="interviewer"),
              Contact(first_name="Ben", last_name="B", role="hiring manager"),
              Contact(first_name="Cy", last_name="C", role="recruiter")]
    r = render("", "{{ app.interviewer_names }}|{{ app.interviewer_first_names }}",
               ctx(application=app, app_contacts=people))
    assert r.body.text == "Ana A and Ben B|Ana and Ben"


def test_missing_values_are_listed_and_marked_never_blank():
    c = ctx(contacts=[Contact(first_name="", last_name="")], application=Application(company="N", role=""),
            settings=Settings())
    r = render("{{ app.role }}", "Hi {{ contact.first_name }}, {{ app.interview_date }}. {{ me.name }}", c)
    assert not r.complete
    assert r.missing == ["app.role", "contact.first_name", "app.interview_date", "me.name"]
    assert "«missing contact.first_name»" in r.body.text
    assert "Hi ," not in r.body.text
    kinds = [k for _, _, k in r.body.spans]
    assert kinds == ["missing", "missing", "missing"]
    for s, e, _ in r.body.spans:
        assert r.body.text[s] == "«" and r.body.text[e - 1] == "»"
    assert any("Missing values: app.role" in p for p in r.problems())


def test_default_filter_is_a_deliberate_fallback_and_unknown_names_get_a_suggestion():
    r = render("", "Hi {{ contact.nickname | default('there') }}", ctx())
    assert r.complete and r.body.text == "Hi there"
    r = render("", "Hi {{ contact.firstname }}", ctx())
    assert r.unknown == ["contact.firstname"] and not r.complete
    assert "did you mean contact.first_name?" in " ".join(r.problems())
    r = render("", "{{ app.interviewers | join(', ') }}", ctx())
    assert "«unknown app.interviewers»" in r.body.text  # joined, still visible


def test_manual_slots_are_marked_listed_and_block_until_filled():
    source = 'I enjoyed {{ ask("one specific thing you discussed") }}.'
    r = render("", source, ctx())
    assert r.slots == ["one specific thing you discussed"]
    assert r.body.text == "I enjoyed «one specific thing you discussed»."
    assert r.body.spans == [(10, 44, "slot")]
    assert not r.complete
    filled = render("", source.replace('{{ ask("one specific thing you discussed") }}', "the queue design"), ctx())
    assert filled.complete and filled.body.text == "I enjoyed the queue design."


def test_a_slot_as_a_fallback_only_counts_when_used():
    known = Application(company="N", role="R", activity=[{"on": "2026-03-01", "what": "interview"}])
    src = 'Thanks for {{ app.interview_when | default(ask("when you spoke")) }}.'
    assert render("", src, ctx(application=known)).body.text == "Thanks for yesterday."
    r = render("", src, ctx(application=Application(company="N", role="R")))
    assert r.slots == ["when you spoke"]


def test_free_name_recipient():
    c = build_context(contacts=[], recipient_name="Jane van Dijk", recipient_email="jane@x.org")
    r = render("", "{{ contact.first_name }}|{{ contact.last_name }}|{{ contact.email }}|{{ contact }}", c)
    assert r.body.text == "Jane|van Dijk|jane@x.org|Jane van Dijk"


@pytest.mark.parametrize("source", [
    "{{ ''.__class__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ joiner.__init__.__globals__.os }}",
    "{{ self.__init__.__globals__ }}",
    "{{ contact.__class__ }}",
    "{{ contact._values }}",
    "{{ contact.first_name.__class__ }}",
    "{{ lipsum.__globals__ }}",
    "{{ request.application.__globals__ }}",
    "{{ ''|attr('__class__') }}",
    "{{ 'a'.format }}",
    "{{ contact.first_name.upper() }}",
    "{{ range(10) }}",
    "{{ 'x' * 100000 }}",
    "{{ 9 ** 999 }}",
    "{{ '%999999999s' % 'x' }}",
    "{% set x = 1 %}",
    "{% macro boom() %}{{ boom() }}{% endmacro %}{{ boom() }}",
    "{% include 'x' %}",
    "{% for a in contact.first_name %}{% for b in contact.first_name %}x{% endfor %}{% endfor %}",
    "{% for x in 'ab' recursive %}{{ loop('ab') }}{% endfor %}",
    "{% for x in 'ab' %}{{ loop.cycle('a', 'b') }}{% endfor %}",
    "{{ x",
])
def test_template_text_cannot_reach_python_internals_or_blow_up(source):
    r = render("", source, ctx())
    assert r.error, source
    assert not r.complete
    assert r.body.text == source  # nothing half-rendered
    assert "\n" not in r.error and len(r.error) < 300


def test_sandbox_messages_are_clear():
    assert "Python internals" in render("", "{{ ''.__class__ }}", ctx()).error
    assert "Python internals" in render("", "{{ cycler.__init__.__globals__ }}", ctx()).error
    assert "{% set %}" in render("", "{% set x = 1 %}", ctx()).error
    assert "line 2" in render("", "ok\n{{ x", ctx()).error


def test_loops_conditions_and_filters_that_are_allowed():
    app = Application(company="N", role="R", contact_names=["Ana Almeida", "Ben Brandt"])
    r = render("", "{% if contact.company %}at {{ contact.company | upper }}{% endif %}"
               "{% for n in 'ab' %}{{ loop.index }}{% endfor %}", ctx(application=app))
    assert r.complete and r.body.text == "at NORTHWIND12"


def test_output_is_capped():
    body = "{% for a in contact.first_name * 3000 %}" + "x" * 100 + "{% endfor %}"
    r = render("", body, ctx())
    assert "longer than 100,000" in r.error


def test_escape_source_round_trips_braces():
    text = "Literal {{ x }} and {% y %} and {# z #} and {single}"
    assert render("", escape_source(text), ctx()).body.text == text


def test_sites_point_at_the_expressions_that_need_the_user():
    source = 'Hi {{ contact.first_name }},\nI liked {{ ask("a detail") }} and {{ app.round }}.'
    found = sites(source, ctx())
    assert [(s.kind, s.label) for s in found] == [("slot", "a detail"), ("missing", "app.round")]
    first = found[0]
    assert source[first.start:first.end] == '{{ ask("a detail") }}'
    assert offset_to_location(source, first.start) == (1, 8)


def test_hostile_values_render_literally():
    for s in HOSTILE:
        c = build_context(contacts=[Contact(first_name=stored_form(s), company=stored_form(s))],
                          application=Application(company=stored_form(s), role=stored_form(s)),
                          settings=Settings(my_name=stored_form(s)))
        r = render("{{ app.role }}", "{{ contact.first_name }} {{ app.company }} {{ me.name }}", c)
        assert not r.error
        assert stored_form(s) in r.body.text or not stored_form(s).strip()


def test_private_use_sentinels_in_text_cannot_fake_a_slot():
    r = render("", "Hi \ue000fake\ue001 there", ctx())
    assert r.complete and r.body.text == "Hi fake there"


# ----------------------------------------------------------------------------- counters


def test_linkedin_note_limits_depend_on_the_tier():
    text = "x" * 250
    (free,) = counts("linkedin note", "connection note", "", text, "free")
    (premium,) = counts("linkedin note", "connection note", "", text, "premium")
    assert free.limit == 200 and free.over and "50 over" in free.text()
    assert premium.limit == 300 and not premium.over
    (near,) = counts("linkedin note", "connection note", "", "x" * 190, "free")
    assert near.state == "near" and "10 left" in near.text()
    assert "✗" in free.text() and "✓" in counts("linkedin note", "", "", "hi", "free")[0].text()


def test_inmail_subject_and_body_limits():
    subj, body = counts("inmail", "other", "s" * 201, "b" * INMAIL_BODY_LIMIT, "free")
    assert subj.part == "subject" and subj.limit == 200 and subj.over
    assert body.limit == 2000 and not body.over and body.state == "near"
    _, body = counts("inmail", "other", "ok", "b" * 2001, "free")
    assert body.over


def test_email_gets_soft_word_guidance_per_kind():
    subject, body = counts("email", "thank-you", "Thanks", " ".join(["word"] * 180), "free")
    assert subject.part == "subject" and subject.limit is None
    assert body.unit == "words" and body.guide == (100, 200) and body.state == "ok" and not body.over
    _, long = counts("email", "thank-you", "Thanks", " ".join(["word"] * 260), "free")
    assert long.state == "long" and not long.over  # guidance, never a hard stop
    assert "260 words (aim for ≤200)" in long.text()
    (other,) = counts("other", "other", "", "a b c", "free")
    assert other.state == "info" and "3 words" in other.text()


# ----------------------------------------------------------------------------- cool-off


def _rejected(at: datetime) -> Application:
    return Application(company="N", role="R", stage="closed", outcome="rejected", outcome_on=at.date().isoformat(),
                       stage_history=[{"from": "interviewing", "to": "closed", "at": at.isoformat()}])


def test_cooloff_follows_the_rejection_stamp_with_a_frozen_clock():
    at = datetime(2026, 3, 2, 16, 0, tzinfo=UTC)
    app = _rejected(at)
    assert rejected_at(app) == at
    clock.freeze(datetime(2026, 3, 2, 18, 0, tzinfo=UTC))
    c = cooloff(app, [], 24)
    assert c and c.until == at + timedelta(hours=24) and "2 hours ago" in c.text()
    clock.freeze(datetime(2026, 3, 3, 15, 59, tzinfo=UTC))
    assert cooloff(app, [], 24) is not None
    clock.freeze(datetime(2026, 3, 3, 16, 0, tzinfo=UTC))
    assert cooloff(app, [], 24) is None
    clock.freeze(datetime(2026, 3, 3, 16, 0, tzinfo=UTC))
    assert cooloff(app, [], 48) is not None  # the setting
    assert cooloff(app, [], 0) is None


def test_cooloff_uses_the_outcome_date_without_a_stamp_and_ignores_other_outcomes():
    app = Application(company="N", role="R", outcome="rejected", outcome_on="2026-03-02")
    clock.freeze(datetime(2026, 3, 2, 23, 0, tzinfo=UTC))
    assert cooloff(app, [], 24) is not None
    clock.freeze(datetime(2026, 3, 3, 0, 0, tzinfo=UTC))
    assert cooloff(app, [], 24) is None
    ghosted = Application(company="N", role="R", outcome="ghosted", outcome_on="2026-03-02")
    clock.freeze(datetime(2026, 3, 2, 12, 0, tzinfo=UTC))
    assert cooloff(ghosted, [], 24) is None
    assert cooloff(None, [], 24) is None


def test_cooloff_when_the_tone_is_hostile():
    c = cooloff(None, check("You owe me an explanation."), 24)
    assert c and c.until is None and "hostile" in c.text()
    assert cooloff(None, check("Thanks SO MUCH!!!"), 24) is None  # style, not hostility


# ----------------------------------------------------------------------------- drafts


def _seed(store, *, rejected_hours_ago: float | None = None):
    now = clock.now()
    app = Application(company="Northwind", role="Data Engineer", stage="closed")
    if rejected_hours_ago is not None:
        at = now - timedelta(hours=rejected_hours_ago)
        app.outcome = "rejected"
        app.outcome_on = at.date().isoformat()
        app.stage_history = [{"from": "interviewing", "to": "closed", "at": at.isoformat()}]
    ana = Contact(first_name="Ana", last_name="Almeida", emails=["ana@example.com"], application_ids=[app.id],
                  role="recruiter", last_touch_on="2025-11-01", snoozed_until="2026-04-01")
    with store.batch():
        store.applications.save(app)
        store.contacts.save(ana)
        store.settings.update(my_name="Alex Morgan")
    return app, ana


def test_new_draft_from_template_and_assessment(store):
    app, ana = _seed(store, rejected_hours_ago=3)
    d = new_draft(BUILTIN_BY_KIND["rejection reply"], contacts=[ana], application_id=app.id)
    assert d.recipient_email == "ana@example.com" and d.channel == "email" and d.subject
    a = assess(store, d)
    assert a.rendered.slots and a.blockers
    assert a.cooloff is not None and a.confirms
    assert a.subject == "Re: Data Engineer at Northwind"


def test_put_off_shows_as_due_from_tomorrow(store):
    d = store.drafts.save(Draft(kind="check-in", body="Hi"))
    store.drafts.put_off(d.id)
    saved = store.drafts.get(d.id)
    assert saved.status == "put off" and saved.put_off_until == "2026-03-03"
    assert display_status(saved) == "put off" and store.drafts.due() == []
    assert display_status(saved, date(2026, 3, 3)) == "due"
    assert [x.id for x in store.drafts.due(date(2026, 3, 3))] == [d.id]
    assert store.drafts.listing(date(2026, 3, 3))[0].id == d.id  # due comes first
    store.drafts.bring_back(d.id)
    assert store.drafts.get(d.id).status == "draft"


def test_mark_sent_logs_stamps_and_moves_in_one_write(store):
    app, ana = _seed(store, rejected_hours_ago=50)
    d = store.drafts.save(new_draft(BUILTIN_BY_KIND["feedback request"], contacts=[ana], application_id=app.id))
    writes = []
    original = store.storage.flush
    store.storage.flush = lambda *a, **k: (writes.append(1), original(*a, **k))[1]
    try:
        store.drafts.mark_sent(d.id, channel="email", on=date(2026, 3, 2), subject="A question", body="Hi Ana")
    finally:
        store.storage.flush = original
    assert len(writes) == 1
    sent = store.drafts.get(d.id)
    assert sent.status == "sent" and sent.sent_on == "2026-03-02" and sent.sent_body == "Hi Ana"
    tp = store.touchpoints.get(sent.touchpoint_id)
    assert tp.contact_ids == [ana.id] and tp.kind == "feedback request" and tp.draft_id == d.id
    assert tp.application_id == app.id and tp.direction == "out"
    c = store.contacts.get(ana.id)
    assert c.last_touch_on == "2026-03-02" and c.snoozed_until is None  # cadence reset
    a = store.applications.get(app.id)
    assert a.feedback_requested_on == "2026-03-02" and a.thank_you_sent_on is None
    assert a.activity[-1]["what"].startswith("Sent a feedback request to Ana Almeida")
    with pytest.raises(ValueError):
        store.drafts.mark_sent(d.id, channel="email", on=date(2026, 3, 2), subject="", body="")


def test_mark_sent_thank_you_stamps_the_application(store):
    app, ana = _seed(store)
    d = store.drafts.save(new_draft(BUILTIN_BY_KIND["thank-you"], contacts=[ana], application_id=app.id))
    store.drafts.mark_sent(d.id, channel="email", on=date(2026, 3, 1), subject="Thanks", body="Hi")
    assert store.applications.get(app.id).thank_you_sent_on == "2026-03-01"


def test_mark_sent_to_a_free_name_logs_no_touchpoint(store):
    d = store.drafts.save(Draft(kind="check-in", recipient_name="Jane Doe", body="Hi"))
    assert "No contact to log it on" in effects_of_sending(store, d)[0]
    store.drafts.mark_sent(d.id, channel="linkedin message", on=date(2026, 3, 2), subject="", body="Hi")
    assert store.touchpoints.count() == 0 and store.drafts.get(d.id).channel == "linkedin message"


def test_mark_sent_is_atomic_when_a_save_fails_part_way(store, monkeypatch):
    app, ana = _seed(store, rejected_hours_ago=50)
    d = store.drafts.save(new_draft(BUILTIN_BY_KIND["feedback request"], contacts=[ana], application_id=app.id))
    before_file = store.path.read_bytes()
    before_contact = store.contacts.get(ana.id).to_dict()

    def boom(obj, **kw):
        raise OSError("disk on fire")

    monkeypatch.setattr(store.applications, "save", boom)
    with pytest.raises(OSError):
        store.drafts.mark_sent(d.id, channel="email", on=date(2026, 3, 2), subject="s", body="b")
    monkeypatch.undo()
    assert store.touchpoints.count() == 0
    assert store.drafts.get(d.id).status == "draft"
    assert store.contacts.get(ana.id).to_dict() == before_contact
    assert store.applications.get(app.id).feedback_requested_on is None
    assert store.path.read_bytes() == before_file
    on_disk = json.loads(before_file)
    assert not on_disk.get("touchpoints")


def test_suggest_kind_and_application_for_message(store):
    app, ana = _seed(store, rejected_hours_ago=5)
    assert suggest_kind(store, app.id) == "rejection reply"
    d = store.drafts.save(new_draft(BUILTIN_BY_KIND["rejection reply"], contacts=[ana], application_id=app.id))
    store.drafts.mark_sent(d.id, channel="email", on=date(2026, 3, 2), subject="s", body="b")
    # the reply carried the one feedback question: no second email to ask; thanks once feedback came
    assert suggest_kind(store, app.id) == "check-in"
    told = store.applications.get(app.id).copy()
    told.feedback = "Strong, but we hired someone with more Kafka."
    store.applications.save(told)
    assert suggest_kind(store, app.id) == "feedback thanks"
    assert application_for_message(store, "feedback request", [ana.id]) == app.id
    assert application_for_message(store, "check-in", [ana.id]) is None
    live = store.applications.save(Application(company="X", role="Y", stage="interviewing"))
    assert suggest_kind(store, live.id) == "thank-you"
    stranger = store.contacts.save(Contact(first_name="New"))
    assert suggest_kind(store, None, [stranger.id]) == "connection note"


def test_hostile_strings_in_every_draft_field_survive_storage_and_assessment(store):
    for s in HOSTILE:
        c = store.contacts.save(Contact(first_name=s, last_name=s, company=s, emails=[s]))
        a = store.applications.save(Application(company=s, role=s))
        d = store.drafts.save(Draft(kind="check-in", contact_ids=[c.id], recipient_name=s, recipient_email=s,
                                    application_id=a.id, channel="email", subject=s, body=s))
        got = store.drafts.get(d.id)
        assert got.body == stored_form(s) and got.subject == stored_form(s)
        result = assess(store, got)
        assert result.body == stored_form(s)


# ----------------------------------------------------------------------------- hand-off


def test_safe_file_names():
    assert safe_name("Ana Almeida") == "ana-almeida"
    assert safe_name("../../etc/passwd") == "etc-passwd"
    assert safe_name("RTL \u202egnp.exe\u202c") == "rtl-gnp.exe"
    assert safe_name("日本語") == "message"
    assert "/" not in safe_name("a/b\\c") and not safe_name(".hidden").startswith(".")
    assert len(safe_name("x" * 500)) <= 60


def test_save_text_and_eml_are_private_files_in_exports(tmp_path):
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    p = save_text(data, kind="thank-you", recipient="Ana [/] Almeida", subject="Thanks",
                  body="Hi \x1b]52;c;aGFjaw==\x07Ana")
    assert p.parent == data / "exports" and p.name == "2026-03-02-thank-you-ana-almeida.txt"
    assert stat.S_IMODE(p.stat().st_mode) == 0o600
    assert stat.S_IMODE(p.parent.stat().st_mode) == 0o700
    assert p.read_text() == "Subject: Thanks\n\nHi Ana\n"
    p2 = save_text(data, kind="thank-you", recipient="Ana [/] Almeida", subject="", body="again")
    assert p2.name.endswith("-2.txt") and p.exists()
    e = save_eml(data, kind="rejection reply", to_name="Ana Almeida", to_email="ana@example.com",
                 subject="Re: Data Engineer", body="Hi Ana,\n\nThanks.")
    raw = e.read_bytes().decode()
    assert "To: Ana Almeida <ana@example.com>" in raw and "Subject: Re: Data Engineer" in raw
    assert "X-Unsent: 1" in raw and stat.S_IMODE(e.stat().st_mode) == 0o600


def test_eml_refuses_header_injection_and_keeps_a_name_without_address():
    raw = eml_bytes(to_name="Ana\nBcc: evil@x.com", to_email="ana@example.com\nBcc: evil@x.com",
                    subject="Hi\r\nBcc: evil@x.com", body="x").decode()
    headers = raw.split("\n\n", 1)[0]
    assert "\nBcc:" not in headers
    raw = eml_bytes(to_name="Jane Doe", to_email="", subject="Hi", body="x").decode()
    assert '"Jane Doe":;' in raw or "Jane Doe:;" in raw
    raw = eml_bytes(recipients=[("Ana A", "ana@example.com"), ("Ben", ""), ("", "ben@example.com")],
                    subject="Hi", body="x").decode()
    assert "To: Ana A <ana@example.com>, Ben:;, ben@example.com" in raw


def test_mailto_link():
    link = mailto(["ana@example.com"], "Thank you & more", "Hi Ana,\n\nThanks?")
    assert link == ("mailto:ana@example.com?subject=Thank%20you%20%26%20more"
                    "&body=Hi%20Ana%2C%0D%0A%0D%0AThanks%3F")
    assert mailto(["not an address"], "", "") == "mailto:"


def test_editor_file_is_private_and_always_removed():
    with editor_file(join_for_editor("Subj", "Body")) as ef:
        assert stat.S_IMODE(ef.path.stat().st_mode) == 0o600
        assert stat.S_IMODE(ef.path.parent.stat().st_mode) == 0o700
        ef.path.write_text("Subject: New subject\n\nNew body\n")
        (ef.path.parent / ".message.txt.swp").write_text("swap")
        assert split_from_editor(read_back(ef), True) == ("New subject", "New body\n")
        directory = ef.path.parent
    assert not directory.exists()
    with pytest.raises(RuntimeError):
        with editor_file("x") as ef:
            directory = ef.path.parent
            raise RuntimeError("editor crashed")
    assert not directory.exists()
    assert split_from_editor("no header", True) == (None, "no header")
    assert split_from_editor("Subject: x\n\ny", False) == (None, "Subject: x\n\ny")


def test_default_recipients_from_the_application(store):
    a = store.applications.save(Application(company="N", role="R"))
    ana = store.contacts.save(Contact(first_name="Ana", role="interviewer", application_ids=[a.id]))
    ben = store.contacts.save(Contact(first_name="Ben", role="hiring manager"))
    rita = store.contacts.save(Contact(first_name="Rita", role="recruiter", application_ids=[a.id]))
    store.contacts.save(Contact(first_name="Old", role="interviewer", application_ids=[a.id], status="archived"))
    linked = store.applications.get(a.id).copy()
    linked.contact_ids = [ben.id]
    store.applications.save(linked)
    assert sorted(default_recipients(store, "thank-you", a.id)) == sorted([ana.id, ben.id])
    assert default_recipients(store, "rejection reply", a.id) == [rita.id]
    assert default_recipients(store, "feedback request", a.id) == [rita.id]
    assert default_recipients(store, "check-in", a.id) == []
    assert default_recipients(store, "thank-you", None) == []
