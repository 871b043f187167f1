"""The composer's fill (issue 12): a template filled in once into the message and its marks (the slot
finder), values filled in again for a new recipient, marks checked against the text, and drafts
assessed as written. Hostile values (markup, template syntax, «markers», sentinels, ANSI, emoji) are
inserted as literal text: never run, never markup, never a fake slot, never a shifted mark."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.models import Application, Contact, Draft, Settings
from store.outreach import assess_with, build_context
from store.outreach_fill import (
    Filled,
    Mark,
    as_message,
    checked,
    entries,
    fill,
    filled_draft,
    marker,
    marks_of,
    refill,
)
from store.templates import BUILTINS

PROPERTIES = settings(derandomize=True, deadline=None, max_examples=40, database=None,
                      suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

FRAGMENTS = ["[/]", "[@click=app.quit]", "{{", "}}", "{%", "%}", "{#", "#}", "{{ me.name }}", "{% if x %}",
             "ask('x')", "«", "»", "«me.name»", "«one specific thing you discussed»", "\x1b[31m", "\x1b]0;x\x07",
             "🎉", "👩‍💻", "日本語", "\ue000", "\ue001", "\ue004", "\ue0050\ue005", "\ue006", "\n", " "]
hostile = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=4), max_size=6).map(lambda parts: "N" + "".join(parts))
SENTINELS = re.compile("[\ue000-\ue006]")


def ctx_with(first="Ana", last="Almeida", company="Northwind Labs", role="Data Engineer", me="Alex Morgan"):
    return build_context(contacts=[Contact(first_name=first, last_name=last, company=company)],
                         application=Application(company=company, role=role), settings=Settings(my_name=me))


def literal(value: str) -> str:
    return SENTINELS.sub("", value)


def assert_marks_fit(part: Filled) -> None:
    end = 0
    for m in part.marks:
        assert end <= m.start < m.end <= len(part.text)
        end = m.end
        if m.unfilled:
            assert part.text[m.start:m.end] == marker(m.label)
    assert checked(part.text, part.marks) == part.marks


# ----------------------------------------------------------------------------- filling in


def test_a_template_fills_in_to_the_message_with_its_slots_and_values_marked():
    t = BUILTINS["builtin-thank-you"]
    message = fill(t.subject, t.body, build_context(contacts=[Contact(first_name="Ana")]))
    assert not message.error
    body = message.body
    assert body.text.startswith("Hi Ana,\n\nThank you for talking with me «when you spoke, e.g. this morning»")
    assert "{{" not in body.text and body.text.endswith("Best regards,\n«me.name»\n")
    kinds = [(m.kind, body.text[m.start:m.end]) for m in body.marks]
    assert kinds == [("value", "Ana"), ("slot", "«when you spoke, e.g. this morning»"), ("missing", "«app.role»"),
                     ("missing", "«app.company»"), ("slot", "«one specific thing you discussed»"),
                     ("slot", "«why that makes you a good fit, in one sentence»"), ("missing", "«me.name»")]
    assert [m.label for m in body.marks if m.kind == "missing"] == ["app.role", "app.company", "me.name"]
    assert message.subject.text == "Thank you — «app.role» interview"
    assert_marks_fit(body)


def test_a_slot_inside_a_longer_expression_keeps_no_expression_to_fill_again():
    message = fill("", '{{ "Dear " ~ contact.first_name }}, {{ contact.first_name | upper }}!',
                   build_context(contacts=[]))
    (first, second) = message.body.marks
    assert message.body.text == "Dear «contact.first_name», «contact.first_name»!"
    assert first.source == "" and second.source == "contact.first_name | upper"


def test_a_template_that_cannot_be_filled_in_is_kept_as_written():
    message = fill("Re: {{ app.role }}", "I loved the {{ part where we", build_context(contacts=[]))
    assert message.error and message.body.text == "I loved the {{ part where we"
    assert message.subject.text == "Re: {{ app.role }}" and not message.body.marks


@pytest.mark.parametrize("template_id", sorted(BUILTINS))
@PROPERTIES
@given(first=hostile, company=hostile, me=hostile)
def test_hostile_values_are_literal_text_and_never_move_or_fake_a_slot(template_id, first, company, me):
    t = BUILTINS[template_id]
    plain = fill(t.subject, t.body, ctx_with())
    message = fill(t.subject, t.body, ctx_with(first=first, company=company, role=company, me=me))
    assert not message.error and not plain.error
    for part, calm in ((message.subject, plain.subject), (message.body, plain.body)):
        assert_marks_fit(part)
        # the same slots, in the same order, whatever the names hold
        assert [(m.kind, m.label) for m in part.marks if m.unfilled] == \
               [(m.kind, m.label) for m in calm.marks if m.unfilled]
        for m in part.marks:
            shown = part.text[m.start:m.end]
            if m.source == "contact.first_name":
                assert shown == literal(first)  # inserted as it is: never run, never markup
            elif m.source == "app.company":
                assert shown == literal(company)
        # the words around the values are the template's, untouched
        outside = [part.text[a.end:b.start] for a, b in zip(part.marks, part.marks[1:], strict=False)]
        calm_outside = [calm.text[a.end:b.start] for a, b in zip(calm.marks, calm.marks[1:], strict=False)]
        assert outside == calm_outside


# ----------------------------------------------------------------------------- filling in again


def test_a_new_recipient_fills_values_and_missing_values_again_around_the_words_typed():
    t = BUILTINS["builtin-rejection reply"]
    first = fill(t.subject, t.body, build_context(contacts=[]))
    body = first.body
    slot = next(m for m in body.marks if m.kind == "slot")
    typed = body.text[:slot.start] + "the kind feedback" + body.text[slot.end:]
    shift = len("the kind feedback") - (slot.end - slot.start)
    marks = [m if m.end <= slot.start else m.moved(shift) for m in body.marks if m is not slot]
    again = refill(Filled(typed, marks), ctx_with(first="Ben", company="Acme"))
    assert again.text.startswith("Hi Ben,") and "I enjoyed the kind feedback." in again.text
    assert "the process at Acme" in again.text and again.text.endswith("All the best,\nAlex Morgan\n")
    assert_marks_fit(again)
    # the one slot left is the template's other one (the question), still a slot
    assert [m.kind for m in again.marks if m.kind != "value"] == ["slot"]


@PROPERTIES
@given(first=hostile, company=hostile)
def test_refilling_with_hostile_values_keeps_the_marks_on_the_values(first, company):
    t = BUILTINS["builtin-check-in"]
    before = fill(t.subject, t.body, ctx_with())
    after = refill(before.body, ctx_with(first=first, company=company))
    assert_marks_fit(after)
    values = [after.text[m.start:m.end] for m in after.marks if m.kind == "value"]
    assert values[0] == literal(first) and literal(company) in values


# ----------------------------------------------------------------------------- marks on a draft


def test_marks_are_stored_and_checked_against_the_text_when_read():
    t = BUILTINS["builtin-thank-you"]
    d, error = filled_draft(Draft(kind="thank-you"), ctx_with(), subject=t.subject, body=t.body)
    assert not error and d.rendered
    in_subject, in_body = marks_of(d)
    assert entries(in_subject, in_body) == d.marks
    # a slot whose words were edited away, or a mark past the end or of another shape, is dropped
    slot = next(m for m in in_body if m.kind == "slot")
    d.body = d.body[:slot.start] + "X" + d.body[slot.start + 1:]
    d.marks = [*d.marks, {"part": "body", "start": 10**6, "end": 10**6 + 3, "kind": "slot", "label": "x",
                          "source": ""}, {"part": "body", "start": "0"}, "junk"]  # type: ignore[list-item]
    _, after = marks_of(d)
    assert slot.start not in [m.start for m in after] and len(after) == len(in_body) - 1


def test_an_old_template_text_draft_is_filled_in_once_and_a_rendered_one_left_alone():
    old = Draft(kind="check-in", subject="Hi {{ contact.first_name }}", body="{{ contact.first_name }}, {{ ask('x') }}")
    d, error = as_message(old, ctx_with())
    assert not error and d.rendered and (d.subject, d.body) == ("Hi Ana", "Ana, «x»")
    assert as_message(d, ctx_with(first="Ben"))[0] is d


def test_a_rendered_draft_is_assessed_as_written_and_ready_only_when_every_check_passes():
    ctx = ctx_with()
    note = Draft(kind="connection note", channel="linkedin note", rendered=True,
                 body="Hi {{ contact.first_name }}, " + "we met at the conference. " * 8)
    a = assess_with(note, ctx, application=None, settings=Settings())
    assert a.body == note.body  # no template runs on what the person wrote
    assert a.left == [f"✗ {len(note.body):,}/200 characters"] and not a.ready
    d, _ = filled_draft(Draft(kind="check-in", channel="email"), ctx, subject="Hi",
                        body="Hi {{ ask('x') }} and {{ ask('y') }}")
    a = assess_with(d, ctx, application=None, settings=Settings())
    assert a.left == ["✗ 2 slots to fill"] and a.blockers == ["2 slots to fill in: x; y"]
    d.body, d.marks = "Hi there, and you.", []
    assert assess_with(d, ctx, application=None, settings=Settings()).ready


def test_marks_of_a_draft_never_trust_a_marker_typed_into_the_text():
    d = Draft(kind="check-in", rendered=True, body="Dear «me.name», «one specific thing you discussed»")
    assert marks_of(d) == ([], [])
    a = assess_with(d, ctx_with(), application=None, settings=Settings())
    assert a.ready and not a.blockers


def test_a_mark_is_a_plain_tuple():
    m = Mark(3, 6, "value", "contact.first_name", "contact.first_name")
    assert m.moved(2) == Mark(5, 8, "value", "contact.first_name", "contact.first_name") and not m.unfilled
