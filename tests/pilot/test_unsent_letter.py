"""A hostile draft becomes an unsent letter: the composer names ctrl+g when the tone check finds hostile
words, the key and the palette entry move the words to the journal (a free write tagged "unsent
letter") and start the draft again from its template, in one write; a kind draft is left alone."""

from __future__ import annotations

from textual.widgets import Input, Static, TextArea

from store.models import Draft
from store.outreach import context_for
from store.outreach_fill import fill
from store.templates import BUILTIN_PREFIX, BUILTINS
from tests.pilot.test_outreach import northwind_rejection as seed
from tests.screens import open_outreach
from tests.waiting import notifications as _toasts
from tui.outreach.actions import UNSENT_TAG, OutreachActions
from tui.outreach.editor import DraftEditor
from tui.outreach.views import KEPT_AS_LETTER

SIZE = (80, 24)
BITTER = "Your loss. Thanks for wasting three weeks of my time. Your letter had typos."
TEMPLATE = BUILTIN_PREFIX + "rejection reply"


def notifications(app) -> str:
    return "\n".join(n.message for n in _toasts(app))


def bitter_draft(store):
    application, ana = seed(store)
    return store.drafts.save(Draft(kind="rejection reply", contact_ids=[ana.id], application_id=application.id,
                                   channel="email", subject="Re: your decision", body=BITTER,
                                   template_id=TEMPLATE))


async def open_editor(pilot) -> DraftEditor:
    await open_outreach(pilot)
    await pilot.press("enter")
    await pilot.pause()
    editor = pilot.app.screen
    assert isinstance(editor, DraftEditor)
    return editor


async def test_ctrl_g_keeps_a_hostile_draft_as_an_unsent_letter(store, make_app):
    d = bitter_draft(store)
    template = BUILTINS[TEMPLATE]
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        editor = await open_editor(pilot)
        assert "ctrl+g keeps it as an unsent letter" in str(editor.query_one("#ed-cooloff", Static).render())
        saves = store.storage.saves
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert store.storage.saves == saves + 1  # the letter and the draft, one write
        [letter] = store.journal.all()
        assert (letter.kind, letter.tags, letter.is_draft) == ("freewrite", [UNSENT_TAG], False)
        assert letter.body == f"Subject: Re: your decision\n\n{BITTER}"  # the words are never lost
        assert letter.title == "Unsent letter to Ana Almeida" and letter.application_id == d.application_id
        # the draft starts again from its template, filled in for Ana, on screen and on disk
        fresh = fill(template.subject, template.body, context_for(store, d))
        assert fresh.body.text.startswith("Hi Ana,") and "{{" not in fresh.body.text
        assert editor.query_one("#ed-body", TextArea).text == fresh.body.text
        assert editor.query_one("#ed-subject", Input).value == fresh.subject.text
        stored = store.drafts.get(d.id)
        assert stored is not None and stored.body == fresh.body.text and stored.status == "draft"
        assert stored.rendered and stored.marks
        assert KEPT_AS_LETTER in notifications(app)
        assert not editor.changed  # nothing left to save or to lose
        assert "ctrl+g" not in str(editor.query_one("#ed-cooloff", Static).render())


async def test_the_palette_offers_it_only_for_a_hostile_draft(store, make_app):
    bitter_draft(store)
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        editor = await open_editor(pilot)
        commands = {c.title: c for c in app.all_commands(editor)}
        assert "Draft: keep it as an unsent letter" in commands
        commands["Draft: keep it as an unsent letter"].callback()
        await pilot.pause()
        assert [e.tags for e in store.journal.all()] == [[UNSENT_TAG]]
        assert "Draft: keep it as an unsent letter" not in [c.title for c in app.all_commands(editor)]


async def test_a_kind_draft_is_left_alone(store, make_app):
    application, ana = seed(store, rejected_hours_ago=200)
    d = store.drafts.save(Draft(kind="rejection reply", contact_ids=[ana.id], application_id=application.id,
                                channel="email", subject="Thank you", body="Thank you for letting me know.",
                                template_id=TEMPLATE))
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        editor = await open_editor(pilot)
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert store.journal.all() == []
        assert editor.query_one("#ed-body", TextArea).text == "Thank you for letting me know."
        assert store.drafts.get(d.id).body == "Thank you for letting me know."
        assert "nothing hostile" in notifications(app)


def test_unsent_letter_without_a_template_or_recipient(store):
    calls = []

    def write(fn, *args, **kwargs):
        calls.append(fn)
        fn(*args, **kwargs)
        return True

    d = Draft(kind="other", channel="linkedin note", subject="ignored", body="  You people are a joke.  ")
    kept = OutreachActions(store, write).unsent_letter(d, None)
    assert kept is not None and len(calls) == 1
    letter = store.journal.get(kept.entry_id)
    assert letter is not None and (letter.title, letter.body) == ("Unsent letter", "You people are a joke.")
    default = BUILTINS[BUILTIN_PREFIX + "other"]  # no template: the kind's default, filled in
    assert (kept.draft.body, kept.draft.subject, kept.draft.template_id) == (
        "Hi «contact.first_name»,\n\n\n\n«me.name»\n", default.subject, default.id)
    assert OutreachActions(store, lambda *a, **k: False).unsent_letter(d, None) is None  # refused: nothing kept
