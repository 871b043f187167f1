"""The composer edits the message itself (issue 12): rendered text with its «slots» highlighted,
``tab`` / ``shift+tab`` to the next / previous slot (typing replaces it), a kind change that loads
the new template while the text is untouched and asks once it was edited, "✓ Ready" only when every
check passes, ``ctrl+e`` on the message as it reads, and drafts saved as template text by an older
Rebound opened filled in with no word lost. What is saved, copied and marked sent is what is shown."""

from __future__ import annotations

from textual.widgets import Input, Select, Static, TextArea

from store.models import Contact, Draft
from tests.pilot.test_outreach import northwind_rejection
from tests.screens import open_outreach
from tests.waiting import notifications, settle, type_text
from tui.dialogs import ChoiceDialog
from tui.outreach.editor import DraftEditor
from tui.outreach.pickers import ContactPicker

SIZE = (80, 24)
SLOT = "«one specific good thing about the process»"


def body_of(editor: DraftEditor) -> TextArea:
    return editor.query_one("#ed-body", TextArea)


def check_of(editor: DraftEditor) -> str:
    return str(editor.query_one("#ed-check", Static).render())


def selected_text(area: TextArea) -> str:
    return area.selected_text


async def reply_to_ana(pilot, store) -> DraftEditor:
    """A fresh reply to Northwind's rejection, to Ana, in the composer."""
    application, ana = northwind_rejection(store)
    await open_outreach(pilot)
    pilot.app.open_composer(kind="rejection reply", contact_ids=[ana.id], application_id=application.id)
    await settle(pilot)
    editor = pilot.app.screen
    assert isinstance(editor, DraftEditor)
    return editor


# ----------------------------------------------------------------------------- the message, slots, tab


async def test_the_composer_shows_the_message_and_tab_selects_the_slot_so_typing_replaces_it(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        editor = await reply_to_ana(pilot, store)
        area = body_of(editor)
        # the message as it will read: values filled in, no template code
        assert area.text.startswith("Hi Ana,\n\nThank you for letting me know")
        assert "{{" not in area.text and "the process at Northwind Labs" in area.text
        assert editor.query_one("#ed-subject", Input).value == "Re: Data Engineer at Northwind Labs"
        assert "✓ Ready" not in check_of(editor) and "2 slots to fill" in check_of(editor)
        # tab selects the slot; typing replaces it
        await pilot.press("tab")
        await settle(pilot)
        assert app.focused is area and selected_text(area) == SLOT
        await type_text(pilot, "the system design conversation")
        assert "I enjoyed the system design conversation." in area.text and "1 slot to fill" in check_of(editor)
        await pilot.press("tab")  # the next slot: the one question
        await settle(pilot)
        await type_text(pilot, "was there one area where I could be stronger?")
        assert "«" not in area.text
        assert "✓ Ready" in check_of(editor) and "Left to do" not in check_of(editor)
        # no slot left: tab moves on to the next field, shift+tab comes back
        await pilot.press("tab")
        await settle(pilot)
        assert app.focused is not area
        shown = area.text
        await pilot.press("ctrl+s")
        await settle(pilot)
        (saved,) = store.drafts.all()
        assert saved.body == shown and saved.rendered and "{{" not in saved.body
        # copied and marked sent: exactly what was shown
        await pilot.press("y")
        await settle(pilot)
        assert app.clipboard == shown
        await pilot.press("m")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
    sent = store.drafts.get(saved.id)
    assert sent.status == "sent" and sent.sent_body == shown
    assert sent.sent_subject == "Re: Data Engineer at Northwind Labs"


async def test_shift_tab_goes_back_a_slot_and_tab_crosses_from_the_subject_into_the_body(store, make_app):
    store.settings.update(my_name="")
    ana = store.contacts.save(Contact(first_name="Ana", last_name="Almeida", emails=["ana@x.example"]))
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_outreach(pilot)
        app.open_composer(kind="thank-you", contact_ids=[ana.id])
        await settle(pilot)
        editor = app.screen
        area, subject = body_of(editor), editor.query_one("#ed-subject", Input)
        # no application: its role and company are slots too, shown by name, in the subject and the body
        assert subject.value == "Thank you — «app.role» interview"
        assert "about the «app.role» role at «app.company»." in area.text
        assert area.text.endswith("Best regards,\n«me.name»\n")
        firsts = []
        for _ in range(3):
            await pilot.press("tab")
            await settle(pilot)
            firsts.append(selected_text(area))
        assert firsts == ["«when you spoke, e.g. this morning»", "«app.role»", "«app.company»"]
        await pilot.press("shift+tab")
        await settle(pilot)
        assert selected_text(area) == "«app.role»"
        await type_text(pilot, "Data Engineer")
        assert "about the Data Engineer role at «app.company»." in area.text
        # from the subject, tab goes to its slot, then on into the body
        subject.focus()
        subject.cursor_position = 0
        await pilot.press("tab")
        await settle(pilot)
        assert app.focused is subject and subject.selected_text == "«app.role»"
        await type_text(pilot, "Data Engineer")
        assert subject.value == "Thank you — Data Engineer interview"
        await pilot.press("tab")
        await settle(pilot)
        assert app.focused is area and selected_text(area) == "«when you spoke, e.g. this morning»"
        assert "5 slots to fill" in check_of(editor)  # the role is written; the company, «me.name» and 3 more left


async def test_a_new_recipient_fills_the_values_in_again_and_keeps_the_words_typed(store, make_app):
    application, ana = northwind_rejection(store)
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_outreach(pilot)
        await pilot.press("n", "2")  # a reply to a rejection, nobody picked yet
        await settle(pilot)
        editor = app.screen
        area = body_of(editor)
        assert area.text.startswith("Hi «contact.first_name»,")
        for _ in range(4):  # tab from slot to slot up to the process
            await pilot.press("tab")
            await settle(pilot)
            if selected_text(area) == SLOT:
                break
        assert selected_text(area) == SLOT
        await type_text(pilot, "the kind feedback")
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert isinstance(app.screen, ContactPicker)
        await pilot.press("a", "n", "a", "enter")
        await settle(pilot)
        assert app.screen is editor
        assert area.text.startswith("Hi Ana,") and "I enjoyed the kind feedback." in area.text
        assert "the process at Northwind Labs" in area.text


# ----------------------------------------------------------------------------- kind


async def test_changing_the_kind_of_an_untouched_message_loads_the_new_template(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        editor = await reply_to_ana(pilot, store)
        editor.query_one("#ed-kind", Select).value = "feedback request"
        await settle(pilot)
        assert app.screen is editor  # nothing to ask: the text was untouched
        area = body_of(editor)
        assert "value one piece of feedback: «one narrow question" in area.text
        assert "Thank you for letting me know" not in area.text
        assert editor.query_one("#ed-subject", Input).value == "A quick question about the Data Engineer process"
        assert editor.collect().template_id == "builtin-feedback request"
        # a connection note comes with its channel
        editor.query_one("#ed-kind", Select).value = "connection note"
        await settle(pilot)
        assert editor.query_one("#ed-channel", Select).value == "linkedin note"
        assert area.text.startswith("Hi Ana, «how you know each other, or why now».")


async def test_changing_the_kind_of_an_edited_message_asks_and_keeping_it_is_the_safe_choice(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        editor = await reply_to_ana(pilot, store)
        await pilot.press("tab")
        await type_text(pilot, "my own words")
        mine = body_of(editor).text
        kind = editor.query_one("#ed-kind", Select)

        async def change_kind(to: str) -> ChoiceDialog:
            kind.value = to
            await settle(pilot)
            dialog = app.screen
            assert isinstance(dialog, ChoiceDialog)
            return dialog

        dialog = await change_kind("feedback request")
        assert "Keep my text" in str(dialog.query_one("OptionList").get_option_at_index(0).prompt)
        assert dialog.query_one("OptionList").highlighted == 0  # the safe choice is selected
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is editor and body_of(editor).text == mine
        assert editor.collect().kind == "feedback request"
        await change_kind("check-in")
        await pilot.press("1")  # a digit out of habit keeps the text too; replacing has no number
        await settle(pilot)
        assert app.screen is editor and body_of(editor).text == mine
        await change_kind("thank-you")
        await pilot.press("down", "enter")  # replacing is chosen on purpose
        await settle(pilot)
        assert app.screen is editor and "my own words" not in body_of(editor).text
        assert body_of(editor).text.startswith("Hi Ana,\n\nThank you for talking with me")


# ----------------------------------------------------------------------------- ready


async def test_ready_only_when_every_check_passes_and_never_beside_a_limit_exceeded(store, make_app):
    store.settings.update(my_name="Alex Morgan")
    ben = store.contacts.save(Contact(first_name="Ben", last_name="Brandt"))
    long_note = "Hi Ben, " + "we met at the conference and I enjoyed it. " * 5
    store.drafts.save(Draft(kind="connection note", contact_ids=[ben.id], channel="linkedin note",
                            body=long_note))
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_outreach(pilot)
        await pilot.press("e")
        await settle(pilot)
        editor = app.screen
        check = check_of(editor)
        assert "✗ 223/200 characters" in check and "Left to do" in check
        assert "Ready" not in check
        area = body_of(editor)
        area.select_all()
        await type_text(pilot, "Hi Ben, good to meet you at the conference. Alex")
        check = check_of(editor)
        assert "✓ Ready" in check and "Left to do" not in check and "✗" not in check
        # a tone note (informs, never blocks) still stands between the message and "ready"
        await type_text(pilot, " I AM SO GLAD")
        check = check_of(editor)
        assert "! 1 tone note" in check and "Ready" not in check and "Cooling off" not in check


async def test_the_list_preview_says_ready_only_when_every_check_passes(store, make_app):
    ben = store.contacts.save(Contact(first_name="Ben", last_name="Brandt"))
    store.drafts.save(Draft(kind="check-in", contact_ids=[ben.id], channel="email", subject="Hello",
                            body="Hi Ben, I would take any salary, please."))
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_outreach(pilot)
        preview = str(screen.query_one("#ol-preview", Static).render())
        assert "Tone: 1 note(s)" in preview and "Ready" not in preview


# ----------------------------------------------------------------------------- $EDITOR


async def test_ctrl_e_opens_the_message_as_it_reads_and_keeps_the_slots_it_left(store, make_app):
    app = make_app(store)
    seen = {}

    def fake_editor(app_, path):
        with open(path, encoding="utf-8") as fh:
            seen["before"] = fh.read()
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(seen["before"].replace("Thank you for letting me know", "Thanks so much for telling me"))
        return 0

    app.editor_runner = fake_editor
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        editor = await reply_to_ana(pilot, store)
        shown = body_of(editor).text
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert seen["before"] == f"Subject: Re: Data Engineer at Northwind Labs\n\n{shown}"
        assert "{{" not in seen["before"] and SLOT in seen["before"]
        area = body_of(editor)
        assert area.text.startswith("Hi Ana,\n\nThanks so much for telling me, and for your time")
        # the slots the editor left alone are still slots: tab selects them, copying waits for them
        assert "2 slots to fill" in check_of(editor)
        area.move_cursor((0, 0))
        await pilot.press("tab")
        await settle(pilot)
        assert selected_text(area) == SLOT


# ----------------------------------------------------------------------------- drafts from before


OLD_BODY = ("Hi {{ contact.first_name }}, thank you for the call. I enjoyed {{ ask('the part about the roadmap') }}"
            "{% if contact.company %} and meeting the team at {{ contact.company }}{% endif %}.\n"
            "My own paragraph, typed by hand {# a note to self #}and kept.\n{{ me.name }}")


async def test_a_draft_saved_as_template_text_opens_filled_in_and_loses_no_word(store, make_app):
    application, ana = northwind_rejection(store)
    old = store.drafts.save(Draft(kind="check-in", contact_ids=[ana.id], channel="email",
                                  subject="About {{ contact.company }}", body=OLD_BODY))
    broken = store.drafts.save(Draft(kind="check-in", contact_ids=[ana.id], channel="email", subject="Hi",
                                     body="I loved the {{ part where we"))
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_outreach(pilot)
        screen.refresh_data(select_id=old.id)
        await pilot.press("e")
        await settle(pilot)
        editor = app.screen
        area = body_of(editor)
        assert area.text == ("Hi Ana, thank you for the call. I enjoyed «the part about the roadmap» and meeting "
                             "the team at Northwind Labs.\nMy own paragraph, typed by hand and kept.\nAlex Morgan")
        assert editor.query_one("#ed-subject", Input).value == "About Northwind Labs"
        assert not editor.changed  # opening it changed nothing: escape asks nothing
        await pilot.press("tab")
        await settle(pilot)
        assert selected_text(area) == "«the part about the roadmap»"
        await type_text(pilot, "the roadmap")
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = store.drafts.get(old.id)
        assert saved.rendered and saved.body == area.text and "«" not in saved.body
        await pilot.press("y")
        await settle(pilot)
        assert app.clipboard == saved.body
        # template text that can't be filled in is kept exactly as written, and the person is told
        screen.refresh_data(select_id=broken.id)
        await pilot.press("e")
        await settle(pilot)
        assert body_of(app.screen).text == "I loved the {{ part where we"
        assert any("shown as it was written" in n.message for n in notifications(app))
        await pilot.press("escape")
        await settle(pilot)
    assert store.drafts.get(broken.id).body == "I loved the {{ part where we"
