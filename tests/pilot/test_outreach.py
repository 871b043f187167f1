"""The Outreach screen from the keyboard: from "they said no" to a reply and a feedback request,
copied and logged; slots, cool-off, $EDITOR, hand-off files, templates, entry points, mark-sent
atomicity through the UI, and hostile strings in every field."""

from __future__ import annotations

import os
import stat
from datetime import UTC, timedelta

import pytest
from textual.widgets import DataTable, Input, Select, Static, TextArea

from store import clock
from store.models import Application, Contact, Draft
from tests.hostile import HOSTILE, stored_form
from tests.screens import open_outreach, outreach
from tests.waiting import notifications, type_text
from tui.dialogs import ChoiceDialog, ConfirmDialog
from tui.outreach.dialogs import MarkSentDialog
from tui.outreach.editor import DraftEditor
from tui.outreach.pickers import ContactPicker, TemplatePicker
from tui.outreach.screen import OutreachScreen
from tui.outreach.templates import TemplateForm, TemplatesScreen

SIZE = (80, 24)
UTC = UTC


def northwind_rejection(store, *, rejected_hours_ago: float = 50):
    """Ana, the recruiter at Northwind, and the Northwind application that was just closed."""
    at = clock.now() - timedelta(hours=rejected_hours_ago)
    app = Application(company="Northwind Labs", role="Data Engineer", stage="closed", outcome="rejected",
                      outcome_on=at.date().isoformat(), closed_from_stage="interviewing",
                      stage_history=[{"from": "interviewing", "to": "closed", "at": at.isoformat()}])
    ana = Contact(first_name="Ana", last_name="Almeida", company="Northwind Labs", role="recruiter",
                  emails=["ana@northwind.example"], application_ids=[app.id], last_touch_on="2025-10-01")
    other = Contact(first_name="Ben", last_name="Brandt", company="Elsewhere", role="peer")
    with store.batch():
        store.applications.save(app)
        store.contacts.save_many([ana, other])
        store.settings.update(my_name="Alex Morgan", signature="Alex Morgan")
    return app, ana


def screen_text(app) -> str:
    """Everything the current screen shows (Static contents and table cells), as plain text."""
    parts = []
    for w in app.screen.query(Static):
        try:
            parts.append(str(w.render()))
        except Exception:  # noqa: BLE001 - a widget that can't render here just adds nothing to the text
            continue
    for t in app.screen.query(DataTable):
        for row in range(t.row_count):
            parts.append(" ".join(str(c) for c in t.get_row_at(row)))
    return "\n".join(parts)


# ----------------------------------------------------------------------------- the "done when" flow


async def test_from_they_said_no_to_one_reply_that_asks_then_thanks_for_the_feedback(store, make_app):
    """Issue 11: the recruiter gets ONE message that thanks and asks one narrow question (not a reply
    and a feedback request in two days); once feedback came, f suggests thanking them for it."""
    application, ana = northwind_rejection(store)
    app = make_app(store)
    presses = 0

    async def press(*keys):
        nonlocal presses
        presses += len(keys)
        await pilot.press(*keys)
        await pilot.pause()

    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await press("5")
        # 1. a reply to the rejection: n, pick the kind, pick Ana (the application comes with her)
        await press("n")
        assert isinstance(app.screen, TemplatePicker)
        await press("2")
        editor = app.screen
        assert isinstance(editor, DraftEditor)
        await press("ctrl+t")
        assert isinstance(app.screen, ContactPicker)
        await press("a", "n", "a", "enter")
        assert app.screen is editor
        assert editor.draft.contact_ids == [ana.id] and editor.draft.application_id == application.id
        check = str(editor.query_one("#ed-check", Static).render())
        assert "Fill in (2)" in check and "one specific good thing about the process" in check
        await press("ctrl+n")  # selects the slot; typing replaces it
        await type_text(pilot, "the system design conversation")
        await press("ctrl+n")
        await type_text(pilot, "was there one area where the other candidates were stronger?")
        await pilot.pause()
        assert "Fill in" not in str(editor.query_one("#ed-check", Static).render())
        await press("ctrl+s")
        screen = outreach(app)
        assert app.screen is screen
        reply = store.drafts.all()[0]
        assert reply.kind == "rejection reply" and reply.status == "draft"
        # copy it, then mark it sent
        await press("y")
        assert app.clipboard.startswith("Hi Ana,")
        assert "I enjoyed the system design conversation." in app.clipboard
        assert "one thing would help me: was there one area where the other candidates were stronger?" \
            in app.clipboard
        assert "Northwind Labs" in app.clipboard and "Alex Morgan" in app.clipboard
        assert any("Copied the message" in n.message and "set-clipboard on" in n.message
                   for n in notifications(app))
        await press("m")
        assert isinstance(app.screen, MarkSentDialog)
        await press("enter")
        assert app.screen is screen
        reply = store.drafts.get(reply.id)
        assert reply.status == "sent" and reply.sent_body == app.clipboard

        # 2. Ana answered: once the feedback is on the application, f suggests thanking her for it
        told = store.applications.get(application.id).copy()
        told.feedback = "Strong design; we hired someone with more Kafka."
        store.applications.save(told)
        await press("f")
        assert isinstance(app.screen, TemplatePicker)
        await press("enter")
        editor = app.screen
        assert isinstance(editor, DraftEditor) and editor.draft.kind == "feedback thanks"
        assert editor.draft.contact_ids == [ana.id] and editor.draft.application_id == application.id
        await press("ctrl+n")
        await type_text(pilot, "I'll go deeper on streaming before my next round.")
        await press("ctrl+s")
        await press("y")
        assert "I'll go deeper on streaming before my next round." in app.clipboard
        await press("m", "enter")

        assert presses < 40  # well under a minute of keys (typing the sentences aside)

    sent = sorted(store.drafts.all(), key=lambda d: d.kind)
    assert [(d.kind, d.status) for d in sent] == [("feedback thanks", "sent"), ("rejection reply", "sent")]
    tps = store.touchpoints.all()
    assert sorted(t.kind for t in tps) == ["feedback thanks", "rejection reply"]
    assert all(t.contact_ids == [ana.id] and t.date == "2026-03-02" for t in tps)
    assert store.contacts.get(ana.id).last_touch_on == "2026-03-02"
    assert store.applications.get(application.id).feedback_requested_on == "2026-03-02"


# ----------------------------------------------------------------------------- entry point, slots, cool-off


async def test_entry_point_prefills_and_cooloff_asks_before_copy_and_offers_put_off(store, make_app):
    application, ana = northwind_rejection(store, rejected_hours_ago=3)
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        app.open_composer(kind="rejection reply", contact_ids=[ana.id], application_id=application.id)
        await pilot.pause()
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, DraftEditor)
        assert "Ana Almeida" in str(editor.query_one("#ed-to").label)
        assert "Northwind Labs — Data Engineer" in str(editor.query_one("#ed-app").label)
        banner = editor.query_one("#ed-cooloff", Static)
        assert banner.display and "Sleep on it? The rejection came 3 hours ago." in str(banner.render())
        # saving with the slot still open is fine (it's a draft); copying is not
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.clipboard == ""
        assert any("Not yet" in n.message and "slot" in n.message for n in notifications(app))
        # fill the slots in the editor, then copy: the cool-off asks first
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await type_text(pilot, "meeting the team")
        await pilot.press("ctrl+n")
        await type_text(pilot, "was there one area to work on?")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        assert "Sleep on it?" in screen_text(app)
        await pilot.press("2")  # not now ("… anyway" has no number)
        await pilot.pause()
        assert app.clipboard == ""
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("1")  # put it off until tomorrow
        await pilot.pause()
        d = store.drafts.all()[0]
        assert d.status == "put off" and d.put_off_until == "2026-03-03"
        assert "◷ later" in screen_text(app)
        # tomorrow it shows as due, and the rejection window has passed: copy goes straight through
        clock.freeze(clock.now() + timedelta(days=1))
        outreach(app).refresh_data()
        await pilot.pause()
        assert "● due" in screen_text(app)
        await pilot.press("y")
        await pilot.pause()
        assert "meeting the team" in app.clipboard
        # m asks for confirmation only while cooling off; p brings it back to the drafts
        await pilot.press("z")
        await pilot.pause()
        assert store.drafts.get(d.id).status == "draft"


async def test_hostile_tone_is_quoted_and_mark_sent_asks_first(store, make_app):
    application, ana = northwind_rejection(store)
    d = store.drafts.save(Draft(kind="rejection reply", contact_ids=[ana.id], application_id=application.id,
                                channel="email", subject="Re: your decision",
                                body="Per my last email, you owe me an explanation. Your letter had typos."))
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_outreach(pilot)
        text = screen_text(app)
        assert "Sleep on it?" in text and "Tone: 3 note(s)" in text
        await pilot.press("enter")
        await pilot.pause()
        check = str(app.screen.query_one("#ed-check", Static).render())
        assert "“Per my last email” — passive-aggressive phrase" in check
        assert "“you owe me” — demand" in check
        assert "“typos” — correcting them" in check
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("home", "enter")  # mark sent anyway (first, unnumbered): informs, never blocks
        await pilot.pause()
        assert isinstance(app.screen, MarkSentDialog)
        await pilot.press("escape")
        await pilot.pause()
    assert store.drafts.get(d.id).status == "draft"


# ----------------------------------------------------------------------------- counter, limit


async def test_linkedin_note_over_the_limit_is_shown_and_copy_asks(store, make_app):
    store.settings.update(my_name="Alex Morgan")
    ben = store.contacts.save(Contact(first_name="Ben", last_name="Brandt"))
    body = "Hi {{ contact.first_name }}, " + "we met at the conference and I enjoyed it. " * 5
    d = store.drafts.save(Draft(kind="connection note", contact_ids=[ben.id], channel="linkedin note", body=body))
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_outreach(pilot)
        assert "✗ Message: 223/200 characters, 23 over" in screen_text(app)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        assert "Over the limit" in screen_text(app)
        await pilot.press("home", "enter")  # copy anyway: chosen on purpose, never by a digit
        await pilot.pause()
        assert app.clipboard.startswith("Hi Ben, we met")
        # Premium raises the limit
        store.settings.update(linkedin_tier="premium")
        outreach(app).refresh_data()
        await pilot.pause()
        assert "✓ Message: 223/300 characters" in screen_text(app)
    assert store.drafts.get(d.id).copied_at


# ----------------------------------------------------------------------------- $EDITOR


async def test_ctrl_e_edits_subject_and_body_in_the_editor_and_removes_the_file(store, make_app):
    application, ana = northwind_rejection(store)
    d = store.drafts.save(Draft(kind="check-in", contact_ids=[ana.id], channel="email", subject="Old",
                                body="Old body"))
    app = make_app(store)
    seen = {}

    def fake_editor(app_, path):
        p = os.fspath(path)
        seen["path"] = p
        seen["mode"] = stat.S_IMODE(os.stat(p).st_mode)
        seen["dir_mode"] = stat.S_IMODE(os.stat(os.path.dirname(p)).st_mode)
        seen["before"] = open(p, encoding="utf-8").read()
        with open(p, "w", encoding="utf-8") as fh:
            fh.write("Subject: Catching up\n\nHi {{ contact.first_name }}, written in vim.\n")
        return 0

    app.editor_runner = fake_editor
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_outreach(pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        editor = app.screen
        assert seen["before"] == "Subject: Old\n\nOld body"
        assert seen["mode"] == 0o600 and seen["dir_mode"] == 0o700
        assert not os.path.exists(seen["path"]) and not os.path.exists(os.path.dirname(seen["path"]))
        assert editor.query_one("#ed-subject", Input).value == "Catching up"
        assert editor.query_one("#ed-body", TextArea).text == "Hi {{ contact.first_name }}, written in vim.\n"
        # an editor that fails changes nothing, and says so
        app.editor_runner = lambda a, p: 1
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert any("exited with code 1" in n.message for n in notifications(app))
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = store.drafts.get(d.id)
    assert saved.subject == "Catching up" and "written in vim" in saved.body


# ----------------------------------------------------------------------------- hand-off


async def test_save_to_file_eml_and_mailto(store, make_app):
    application, ana = northwind_rejection(store)
    store.drafts.save(Draft(kind="check-in", contact_ids=[ana.id], channel="email", subject="Catching up",
                            body="Hi {{ contact.first_name }}, how are things?"))
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_outreach(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("ctrl+s", "2")
        await pilot.pause()
        await pilot.press("ctrl+s", "3")
        await pilot.pause()
        assert app.clipboard.startswith("mailto:ana@northwind.example?subject=Catching%20up&body=Hi%20Ana")
        await pilot.press("Y")
        await pilot.pause()
        assert app.clipboard == "Catching up"
        messages = [n.message for n in notifications(app)]
        # every action is in the palette too
        titles = [c.title for c in outreach(app).palette_commands()]
        for needed in ("Outreach: copy message", "Outreach: save to a text file", "Outreach: mark sent",
                       "Outreach: save as an email file (.eml)", "Outreach: copy a mailto: link",
                       "Outreach: snooze until tomorrow / bring back", "Outreach: templates",
                       "Outreach: delete", "Outreach: new reply to a rejection"):
            assert needed in titles
        # / filters the list, escape clears it; d deletes after asking
        store.drafts.save(Draft(kind="thank-you", recipient_name="Zoe", body="Hi"))
        outreach(app).refresh_data()
        await pilot.pause()
        table = outreach(app).query_one(DataTable)
        assert table.row_count == 2
        await pilot.press("slash")
        await type_text(pilot, "zoe")
        await pilot.pause()
        assert table.row_count == 1
        await pilot.press("enter", "d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert not any(d.recipient_name == "Zoe" for d in store.drafts.all())
        await pilot.press("escape")
        await pilot.pause()
        assert table.row_count == 1 and "Ana Almeida" in screen_text(app)
    exports = store.data_dir / "exports"
    files = sorted(p.name for p in exports.iterdir())
    assert files == ["2026-03-02-check-in-ana-almeida.eml", "2026-03-02-check-in-ana-almeida.txt"]
    assert (exports / files[1]).read_text() == "Subject: Catching up\n\nHi Ana, how are things?\n"
    assert "To: Ana Almeida <ana@northwind.example>" in (exports / files[0]).read_text()
    assert all(stat.S_IMODE((exports / f).stat().st_mode) == 0o600 for f in files)
    assert any("Saved to" in m and "readable only by you" in m for m in messages)


# ----------------------------------------------------------------------------- mark sent, atomic


async def test_mark_sent_failure_part_way_leaves_nothing_half_done(store, make_app, monkeypatch):
    application, ana = northwind_rejection(store)
    d = store.drafts.save(Draft(kind="feedback request", contact_ids=[ana.id], application_id=application.id,
                                channel="email", subject="A question", body="Hi {{ contact.first_name }}"))
    before_file = store.path.read_bytes()
    before_contact = store.contacts.get(ana.id).to_dict()
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_outreach(pilot)

        def boom(obj, **kw):
            from store.errors import SaveError

            raise SaveError("injected fault while stamping the application")

        monkeypatch.setattr(store.applications, "save", boom)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MarkSentDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running
        assert any("injected fault" in n.message for n in notifications(app))
        assert "✎ draft" in screen_text(app)
    monkeypatch.undo()
    assert store.touchpoints.count() == 0
    assert store.drafts.get(d.id).status == "draft"
    assert store.contacts.get(ana.id).to_dict() == before_contact
    assert store.path.read_bytes() == before_file


async def test_mark_sent_dialog_checks_the_date_and_uses_the_channel(store, make_app):
    application, ana = northwind_rejection(store)
    d = store.drafts.save(Draft(kind="thank-you", contact_ids=[ana.id], application_id=application.id,
                                channel="email", subject="Thanks", body="Hi"))
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_outreach(pilot)
        await pilot.press("m")
        await pilot.pause()
        dialog = app.screen
        assert "Logs a touchpoint on Ana Almeida" in screen_text(app)
        assert "(thank-you sent)" in screen_text(app)
        dialog.query_one("#sent-date", Input).value = "31/12/68"
        dialog.query_one("#sent-channel", Select).value = "linkedin message"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog
        assert "Can't read" in str(dialog.query_one("#sent-error", Static).render())
        dialog.query_one("#sent-date", Input).value = "yesterday"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, OutreachScreen)
        assert "✓ sent" in screen_text(app)
        await pilot.press("e")  # sent messages stay as they went out
        await pilot.pause()
        assert isinstance(app.screen, OutreachScreen)
        outreach(app).action_reuse()  # …but can be reused for someone else
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, DraftEditor) and editor.draft.contact_ids == []
        assert editor.query_one("#ed-body", TextArea).text == "Hi"
        await pilot.press("escape")
        await pilot.pause()
    sent = store.drafts.get(d.id)
    assert sent.sent_on == "2026-03-01" and sent.channel == "linkedin message"
    assert store.applications.get(application.id).thank_you_sent_on == "2026-03-01"
    assert store.touchpoints.get(sent.touchpoint_id).channel == "linkedin message"


# ----------------------------------------------------------------------------- several recipients


@pytest.mark.parametrize("named", [True, False], ids=["people-named", "from-the-application"])
async def test_thank_yous_to_several_interviewers_become_one_draft_each(store, make_app, named):
    app_rec = store.applications.save(Application(company="Northwind", role="Data Engineer", stage="interviewing"))
    people = [store.contacts.save(Contact(first_name=n, last_name="X", role="interviewer",
                                          application_ids=[app_rec.id])) for n in ("Ana", "Ben", "Cy")]
    store.contacts.save(Contact(first_name="Rita", role="recruiter", application_ids=[app_rec.id]))
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        app.open_composer(kind="thank-you", contact_ids=[p.id for p in people] if named else [],
                          application_id=app_rec.id)
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, DraftEditor)
        assert any("3 drafts, one per person" in n.message for n in notifications(app))
    drafts = store.drafts.all()
    assert sorted(d.contact_ids[0] for d in drafts) == sorted(p.id for p in people)
    assert all(d.kind == "thank-you" and d.application_id == app_rec.id for d in drafts)


async def test_contacts_c_entry_point_opens_the_kind_picker_with_a_suggestion(store, make_app):
    application, ana = northwind_rejection(store, rejected_hours_ago=40)
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        app.open_composer(contact_ids=[ana.id])
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, TemplatePicker)
        assert "New message to Ana Almeida" in screen_text(app)
        await pilot.press("enter")  # the suggestion: a reply to her company's rejection
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, DraftEditor) and editor.draft.kind == "rejection reply"
        assert editor.draft.application_id == application.id
        # escape on an untouched new draft just closes it
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, OutreachScreen)
    assert store.drafts.count() == 0


async def test_escape_with_changes_asks_and_a_second_entry_saves_the_open_draft(store, make_app):
    application, ana = northwind_rejection(store)
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_outreach(pilot)
        await pilot.press("n", "5")  # a check-in
        await pilot.pause()
        await type_text(pilot, "Hello ")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # keep editing
        await pilot.pause()
        assert isinstance(app.screen, DraftEditor)
        app.open_composer(kind="thank-you", contact_ids=[ana.id])
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, DraftEditor) and app.screen.draft.kind == "thank-you"
    kept = store.drafts.all()
    assert len(kept) == 1 and kept[0].kind == "check-in" and kept[0].body.startswith("Hello ")


# ----------------------------------------------------------------------------- templates


async def test_duplicate_a_builtin_template_edit_it_and_use_it(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_outreach(pilot)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TemplatesScreen)
        await pilot.press("e")  # a built-in can't be edited…
        await pilot.pause()
        assert any("c makes a copy" in n.message for n in notifications(app))
        await pilot.press("C")  # …but it can be duplicated
        await pilot.pause()
        form = app.screen
        assert isinstance(form, TemplateForm)
        name = form.query_one("#tf-name", Input)
        name.value = "My warm thank-you"
        body = form.query_one("#tf-body", TextArea)
        body.text = "Hi {{ contact.first_name }}, thank you! {{ ask('a detail') }}"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TemplatesScreen)
        await pilot.press("escape")
        await pilot.pause()
        mine = [t for t in store.templates.all()]
        assert [t.name for t in mine] == ["My warm thank-you"] and mine[0].builtin_of == "builtin-thank-you"
        # new thank-yous now start from mine, filled in (nobody picked yet: the name is a slot)
        app.open_composer(kind="thank-you")
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query_one("#ed-body", TextArea).text == "Hi «contact.first_name», thank you! «a detail»"


async def test_a_broken_template_is_refused_with_the_reason(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_outreach(pilot)
        await pilot.press("t", "n")
        await pilot.pause()
        form = app.screen
        form.query_one("#tf-name", Input).value = "Sneaky"
        form.query_one("#tf-body", TextArea).text = "{{ cycler.__init__.__globals__ }}"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "Python internals" in str(form.query_one("#tf-error", Static).render())
    assert store.templates.count() == 0


# ----------------------------------------------------------------------------- hostile strings


async def test_hostile_strings_in_every_field_are_shown_literally(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        with store.batch():  # one save
            for s in HOSTILE:
                c = store.contacts.save(Contact(first_name=s, last_name=s, company=s, emails=[s]))
                a = store.applications.save(Application(company=s, role=s))
                store.settings.update(my_name=s)
                store.drafts.save(Draft(kind="check-in", contact_ids=[c.id], recipient_name=s, recipient_email=s,
                                        application_id=a.id, channel="email", subject=s,
                                        body="{{ contact.first_name }} " + s))
        screen = await open_outreach(pilot)
        table = screen.query_one(DataTable)
        assert table.row_count == len(HOSTILE)
        for i in range(len(HOSTILE)):
            table.move_cursor(row=i)
            await pilot.pause()
            current = screen.current()
            assert current.subject in screen_text(app) or len(current.subject) > 5000  # shown literally
            await pilot.press("e")
            await pilot.pause()
            editor = app.screen
            assert isinstance(editor, DraftEditor)
            # saved as template text by an older Rebound: shown filled in, the hostile values literal
            first = store.contacts.get(current.contact_ids[0]).first_name or "«contact.first_name»"
            tail = current.body.removeprefix("{{ contact.first_name }} ")
            assert editor.query_one("#ed-body", TextArea).text == f"{first} {tail}"
            assert editor.query_one("#ed-subject", Input).value == current.subject
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, OutreachScreen)
        # typed through the UI: into the body, the subject and the recipient picker
        await pilot.press("n", "5")
        await pilot.pause()
        editor = app.screen
        for s in HOSTILE[:6]:
            editor.query_one("#ed-body", TextArea).insert(s)
            editor.query_one("#ed-subject", Input).value = s
            await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        await type_text(pilot, "[/]zz")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is editor and editor.draft.recipient_name == "[/]zz"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y", "ctrl+s", "1")
        await pilot.pause()
        assert app.is_running  # no markup action fired (app.quit)
        assert isinstance(app.screen, OutreachScreen)


async def test_hostile_strings_in_filter_pickers_dates_and_template_fields(store, make_app):
    application, ana = northwind_rejection(store)
    store.drafts.save(Draft(kind="check-in", contact_ids=[ana.id], channel="email", subject="Hi", body="Hi"))
    with store.batch():  # one save
        for s in HOSTILE:
            store.applications.save(Application(company=s, role=s))
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_outreach(pilot)
        # the list filter
        await pilot.press("slash")
        box = screen.query_one("#ol-filter", Input)
        for s in HOSTILE:
            box.value = s
            await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        # the mark-sent date: refused with a literal message, nothing logged
        await pilot.press("m")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, MarkSentDialog)
        for s in HOSTILE:
            dialog.query_one("#sent-date", Input).value = s
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen is dialog and str(dialog.query_one("#sent-error", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        # the application picker's filter, and a template named with every hostile string
        await pilot.press("e", "ctrl+o")
        await pilot.pause()
        picker = app.screen
        for s in HOSTILE:
            picker.query_one("#pick-filter", Input).value = s
            await pilot.pause()
        await pilot.press("escape", "escape")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        for s in HOSTILE[:5]:
            await pilot.press("n")
            await pilot.pause()
            form = app.screen
            for field in ("#tf-name", "#tf-subject", "#tf-timing", "#tf-length"):
                form.query_one(field, Input).value = s
            form.query_one("#tf-body", TextArea).text = s
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, TemplatesScreen)
        assert app.is_running
    assert store.drafts.get(store.drafts.all()[0].id).status == "draft"
    names = sorted(t.name for t in store.templates.all())
    assert names == sorted(stored_form(s).strip() for s in HOSTILE[:5])


async def test_put_off_from_the_editor_saves_it_for_tomorrow_in_one_go(store, make_app):
    application, ana = northwind_rejection(store, rejected_hours_ago=2)
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_outreach(pilot)
        app.open_composer(kind="rejection reply", contact_ids=[ana.id], application_id=application.id)
        await pilot.pause()
        await pilot.pause()
        editor = app.screen
        assert "Snooze until tomorrow" in str(editor.query_one("#ed-cooloff", Static).render())
        titles = [c.title for c in editor.palette_commands()]
        assert "Draft: snooze until tomorrow" in titles and "Draft: edit in $EDITOR" in titles
        editor.action_put_off()
        await pilot.pause()
        assert isinstance(app.screen, OutreachScreen)
        assert any("Snoozed until Tue 3 Mar 2026" in n.message for n in notifications(app))
    (d,) = store.drafts.all()
    assert d.status == "put off" and d.put_off_until == "2026-03-03" and d.contact_ids == [ana.id]
