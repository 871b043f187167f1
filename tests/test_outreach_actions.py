"""OutreachActions without Textual: a real Store in tmp_path and a ``write`` like ``ReboundApp.write``
(it runs the change and says whether it took effect; the refusing one stands for a read-only store)."""

from __future__ import annotations

import logging
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from store import clock
from store.models import Application, Contact, Draft, Template
from store.outreach import display_status
from tui.outreach.actions import OutreachActions
from tui.outreach.answers import ApplicationChoice, FileFormat, Recipients, SentInfo

ROOT = Path(__file__).resolve().parents[1]


class Write:
    """Counts calls; ``allow=False`` refuses every change without running it."""

    def __init__(self, allow: bool = True) -> None:
        self.allow = allow
        self.calls = 0

    def __call__(self, fn: Any, *args: Any, **kwargs: Any) -> bool:
        self.calls += 1
        if not self.allow:
            return False
        fn(*args, **kwargs)
        return True


@pytest.fixture
def write() -> Write:
    return Write()


@pytest.fixture
def actions(store, write) -> OutreachActions:
    return OutreachActions(store, write)


@pytest.fixture
def flushes(store, monkeypatch) -> list[int]:
    """One entry per save of the data file."""
    out: list[int] = []
    original = store.storage.flush
    monkeypatch.setattr(store.storage, "flush", lambda *a, **k: (out.append(1), original(*a, **k))[1])
    return out


def interview_team(store):
    """An application at the interview stage, its two interviewers and its recruiter; Ben elsewhere."""
    app = store.applications.save(Application(company="Northwind", role="Data Engineer", stage="interviewing"))
    ana = store.contacts.save(Contact(first_name="Ana", last_name="A", role="interviewer", emails=["ana@nw.example"],
                                      application_ids=[app.id]))
    cy = store.contacts.save(Contact(first_name="Cy", last_name="C", role="interviewer", application_ids=[app.id]))
    rita = store.contacts.save(Contact(first_name="Rita", role="recruiter", application_ids=[app.id]))
    ben = store.contacts.save(Contact(first_name="Ben", last_name="B", company="Elsewhere"))
    return app, ana, cy, rita, ben


def test_the_actions_module_imports_no_textual():
    code = ("import sys, tui.outreach.actions\n"
            "print(','.join(sorted(n for n in sys.modules if n.split('.')[0] in ('textual', 'rich'))))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


# ----------------------------------------------------------------------------- starting drafts


def test_one_person_gets_one_unsaved_draft_with_the_application_linked(store, actions, write):
    app, ana, *_ = interview_team(store)
    new = actions.start(store.templates.default_for("rejection reply").id, [ana.id])
    assert new is not None and not new.saved and len(new.drafts) == 1
    d = new.drafts[0]
    assert d.contact_ids == [ana.id] and d.application_id == app.id and d.recipient_email == "ana@nw.example"
    assert store.drafts.count() == 0 and write.calls == 0


def test_several_people_get_one_draft_each_saved_in_one_write(store, actions, flushes):
    app, ana, cy, *_ = interview_team(store)
    flushes.clear()
    # nobody named: a thank-you about the application goes to each interviewer
    new = actions.start(store.templates.default_for("thank-you").id, [], app.id)
    assert new is not None and new.saved
    assert sorted(d.contact_ids[0] for d in new.drafts) == sorted([ana.id, cy.id])
    assert all(store.drafts.get(d.id) is not None and d.application_id == app.id for d in new.drafts)
    assert len(flushes) == 1


def test_a_refused_write_or_an_unknown_template_starts_nothing(store):
    app, ana, cy, *_ = interview_team(store)
    refusing = OutreachActions(store, Write(allow=False))
    assert refusing.start(store.templates.default_for("thank-you").id, [ana.id, cy.id], app.id) is None
    assert refusing.start("no-such-template") is None
    assert store.drafts.count() == 0


def test_entry_drops_unknown_people_and_applications_and_suggests_a_kind(store, actions):
    app, ana, *_ = interview_team(store)
    entry = actions.entry([ana.id, "gone"], "gone-too")
    assert entry.contact_ids == [ana.id] and entry.application_id is None
    assert actions.suggested_kind(entry) == "thank-you"  # her one application is at the interview stage


def test_a_follow_up_keeps_the_free_name_and_the_application(store, actions):
    app, *_ = interview_team(store)
    first = Draft(kind="rejection reply", recipient_name="Zoe", recipient_email="zoe@x.example", application_id=app.id)
    new = actions.follow_up(first, store.templates.default_for("feedback request").id)
    assert new is not None
    (d,) = new.drafts
    assert (d.kind, d.recipient_name, d.recipient_email, d.application_id) == (
        "feedback request", "Zoe", "zoe@x.example", app.id)
    copy = actions.reuse(first)
    assert copy.id != first.id and copy.kind == first.kind and copy.recipient_name == "" and copy.application_id is None


# ----------------------------------------------------------------------------- editing


def test_with_recipients_links_the_shared_application_or_takes_a_free_name(store, actions):
    app, ana, cy, rita, ben = interview_team(store)
    draft = Draft(kind="thank-you")
    d = actions.with_recipients(draft, Recipients((ana.id, cy.id)))
    assert d.contact_ids == [ana.id, cy.id] and d.recipient_name == "Ana A, Cy C"
    assert d.recipient_email == "ana@nw.example" and d.application_id == app.id
    assert actions.with_recipients(Draft(kind="check-in"), Recipients((ana.id,))).application_id is None
    free = actions.with_recipients(d, Recipients((), "Jo", "jo@x.example"))
    assert free.contact_ids == [] and (free.recipient_name, free.recipient_email) == ("Jo", "jo@x.example")
    assert draft.contact_ids == []  # the draft given is never changed
    assert actions.with_application(d, ApplicationChoice(None)).application_id is None
    assert set(actions.contacts_first(d)) == {ana.id, cy.id, rita.id}  # the people on its application
    assert actions.applications_first(Draft(contact_ids=[ana.id, ben.id])) == [app.id]


def test_save_put_off_bring_back_and_delete(store, actions):
    d = Draft(kind="check-in", recipient_name="Zoe", body="Hi")
    saved = actions.save_draft(d)
    assert saved is not None and store.drafts.get(d.id) is not None
    later = actions.save_put_off(saved)
    assert later is not None and later.status == "put off" and later.put_off_until == "2026-03-03"
    assert actions.put_off(d.id) == date(2026, 3, 3)  # already put off (by the editor): no second write
    assert actions.bring_back(d.id) and store.drafts.get(d.id).status == "draft"
    assert actions.put_off(d.id) == clock.today() + timedelta(days=1)
    assert display_status(store.drafts.get(d.id)) == "put off"
    assert actions.put_off("gone") is None
    assert actions.delete(d.id) and store.drafts.get(d.id) is None


def test_note_copied_stamps_drafts_not_sent_messages(store, actions):
    d = store.drafts.save(Draft(kind="check-in", body="Hi"))
    sent = store.drafts.save(Draft(kind="check-in", body="Hi", status="sent", sent_on="2026-03-01"))
    actions.note_copied(d)
    actions.note_copied(sent)
    assert store.drafts.get(d.id).copied_at and store.drafts.get(sent.id).copied_at is None


# ----------------------------------------------------------------------------- mark sent


def test_mark_sent_is_one_write_and_says_what_comes_next(store, actions, flushes):
    app, ana, *_ = interview_team(store)
    d = store.drafts.save(Draft(kind="thank-you", contact_ids=[ana.id], application_id=app.id, body="Thanks"))
    flushes.clear()
    sent = actions.mark_sent(d, SentInfo("email", date(2026, 3, 1)), subject="Thanks", body="Thank you, Ana")
    assert sent is not None and sent.who == "Ana A" and sent.next_kind == "connection note"
    assert len(flushes) == 1
    after = store.drafts.get(d.id)
    assert after.status == "sent" and after.sent_on == "2026-03-01" and after.sent_body == "Thank you, Ana"
    assert store.touchpoints.get(after.touchpoint_id).contact_ids == [ana.id]
    assert store.applications.get(app.id).thank_you_sent_on == "2026-03-01"


def test_a_refused_mark_sent_changes_nothing(store):
    app, ana, *_ = interview_team(store)
    d = store.drafts.save(Draft(kind="thank-you", contact_ids=[ana.id], application_id=app.id, body="Thanks"))
    refusing = OutreachActions(store, Write(allow=False))
    assert refusing.mark_sent(d, SentInfo("email", date(2026, 3, 1)), subject="", body="x") is None
    assert store.drafts.get(d.id).status == "draft" and store.touchpoints.count() == 0


# ----------------------------------------------------------------------------- hand-off


def test_save_text_and_eml_files_in_the_exports_folder(store, actions):
    app, ana, *_ = interview_team(store)
    d = store.drafts.save(Draft(kind="check-in", contact_ids=[ana.id], subject="Hi", body="Hello"))
    txt = actions.save_file(d, FileFormat.TEXT, subject="Hi", body="Hello Ana")
    assert txt is not None and txt.path is not None and txt.path.read_text() == "Subject: Hi\n\nHello Ana\n"
    eml = actions.save_file(d, FileFormat.EML, subject="Hi", body="Hello Ana")
    assert eml is not None and eml.path is not None and eml.has_address
    assert "To: Ana A <ana@nw.example>" in eml.path.read_text()
    assert store.drafts.get(d.id).copied_at
    nobody = store.drafts.save(Draft(kind="check-in", recipient_name="Zoe", body="Hi"))
    no_address = actions.save_file(nobody, FileFormat.EML, subject="", body="Hi")
    assert no_address is not None and not no_address.has_address


def test_a_file_that_cannot_be_written_is_reported_and_logged_without_user_text(store, actions, caplog):
    d = store.drafts.save(Draft(kind="check-in", recipient_name="Secret Name", body="Private words"))
    (store.data_dir / "exports").write_text("not a folder")
    with caplog.at_level(logging.WARNING, logger="rebound"):
        saved = actions.save_file(d, FileFormat.TEXT, subject="", body="Private words")
    assert saved is not None and saved.path is None and saved.error
    assert caplog.records and all("Secret" not in r.getMessage() and "Private" not in r.getMessage()
                                  for r in caplog.records)
    assert store.drafts.get(d.id).copied_at is None


def test_mailto_uses_the_contacts_addresses_or_a_free_one(store, actions):
    app, ana, *_ = interview_team(store)
    link = actions.mailto(Draft(contact_ids=[ana.id]), subject="Hi there", body="Hello")
    assert link.link == "mailto:ana@nw.example?subject=Hi%20there&body=Hello" and link.has_address
    assert not link.too_long
    free = actions.mailto(Draft(recipient_email="zoe@x.example"), subject="", body="x" * 5000)
    assert free.has_address and free.too_long
    assert not actions.mailto(Draft(recipient_email="not an address"), subject="", body="").has_address


# ----------------------------------------------------------------------------- templates


def test_template_duplicate_save_and_delete(store, actions):
    builtin = store.templates.default_for("thank-you")
    copy = actions.duplicate_template(builtin)
    assert copy is not None and store.templates.lookup(copy.id) is not None
    nameless = Template(name="", body="Hi")
    assert actions.save_template(nameless).field == "name"
    broken = actions.save_template(Template(name="Sneaky", body="{{ cycler.__init__.__globals__ }}"))
    assert not broken.ok and "Python internals" in broken.error and broken.field == ""
    blank = actions.blank_template()
    blank.name = "Mine"
    assert actions.save_template(blank).ok and store.templates.lookup(blank.id).name == "Mine"
    assert actions.delete_template(blank.id) and store.templates.lookup(blank.id) is None
    assert not OutreachActions(store, Write(allow=False)).save_template(copy).ok
