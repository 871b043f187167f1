"""The draft editor: kind, channel, recipient, application, subject and body, with a live check.

The subject and body are the message as it will be sent: a template filled in once, with slots for
what only the person can write (``«one specific thing you discussed»``, ``«me.name»``). ``tab`` /
``shift+tab`` select the next / previous slot, so typing replaces it. The panel on the right says
whether it is ready or what is left. Changing the kind loads its template while the text is
untouched, and asks once it was edited. Pickers answer with typed values; ``OutreachActions`` saves.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from textual import on
from textual.app import ComposeResult
from textual.css.query import NoMatches
from textual.widgets import Button, Select, Static

from store.handoff import join_for_editor, split_from_editor
from store.models import DRAFT_CHANNELS, DRAFT_KINDS, Draft, Template, one_of
from store.outreach import SUBJECT_CHANNELS, Assessment, Namespace, assess_with, context_for
from store.outreach_fill import Filled, FilledMessage, as_message, entries, fill, marks_of
from store.templates import KIND_LABELS
from tui.dialogs import ConfirmDialog
from tui.outreach import views
from tui.outreach.actions import OutreachActions
from tui.outreach.answers import ApplicationChoice, DraftClosed, Recipients
from tui.outreach.dialogs import KindAnswer, kind_question
from tui.outreach.external import edit_externally
from tui.outreach.message import MessageFields, Target, spans_of
from tui.outreach.pickers import ApplicationPicker, ContactPicker, TemplatePicker
from tui.outreach.views import EDITOR_HELP, application_text, check_lines, recipient_text
from tui.shell import keymap
from tui.shell.base import PaletteCommand, ReboundScreen
from widgets.outreach_text import lines
from widgets.slot_text import Jump, SlotInput, SlotTextArea
from widgets.usertext import clip, literal

log = logging.getLogger("rebound")

DraftState = tuple[str, str, tuple[str, ...], str, str, str, str, str, str]


class DraftEditor(ReboundScreen):
    """Edit one draft. Dismisses with :class:`DraftClosed`, or None when cancelled."""

    SCREEN_KEY = "outreach"
    SCREEN_TITLE = "Outreach · draft editor"
    HELP = EDITOR_HELP

    DEFAULT_CSS = views.EDITOR_CSS

    KEYMAP = "outreach.editor"
    BINDINGS = keymap.bindings(KEYMAP)

    def __init__(self, draft: Draft, *, is_new: bool) -> None:
        super().__init__()
        self.draft = draft.copy()
        self.is_new = is_new
        self._saved_state = self._state_of(self.draft)
        self._ctx: dict[str, Namespace] = {}
        self._assessment: Assessment | None = None
        self._kind = one_of(DRAFT_KINDS, self.draft.kind, "other")
        self._fill_error = ""
        self._fields: MessageFields | None = None

    @property
    def actions(self) -> OutreachActions:
        return OutreachActions(self.store, self.rapp.write)

    @property
    def fields(self) -> MessageFields:
        if self._fields is None:
            self._fields = MessageFields(self.query_one("#ed-subject", SlotInput),
                                         self.query_one("#ed-body", SlotTextArea))
        return self._fields

    # -- building

    def compose_body(self) -> ComposeResult:
        # a draft saved as template text (by an older Rebound) is filled in once, its words kept
        self._ctx = context_for(self.store, self.draft)
        self.draft, self._fill_error = as_message(self.draft, self._ctx)
        self._saved_state = self._state_of(self.draft)
        in_subject, in_body = marks_of(self.draft)
        yield from views.editor_widgets(self.draft, self._kind, spans_of(in_subject), spans_of(in_body))

    def on_mount(self) -> None:
        super().on_mount()
        template = self.store.templates.lookup(self.draft.template_id)
        if template is not None:  # to tell whether the text was edited since it was filled in
            self.fields.filled = self._filled_texts(template)
        self._refresh_people()
        self._show_subject_row()
        self._update()
        self.query_one("#ed-body", SlotTextArea).focus()
        self._fill_failed(self._fill_error)

    def _filled_texts(self, template: Template) -> tuple[str, str]:
        message = fill(template.subject, template.body, self._ctx)
        return message.subject.text, message.body.text

    def _fill_failed(self, error: str) -> None:
        if error:  # the template text is kept as plain text: nothing is lost
            self.notify(f"{error} It is shown as it was written.", title="Template text", severity="warning",
                        markup=False, timeout=8)

    # -- state

    @staticmethod
    def _state_of(d: Draft) -> DraftState:
        return (d.kind, d.channel, tuple(d.contact_ids), d.recipient_name, d.recipient_email,
                d.application_id or "", d.subject if d.channel in SUBJECT_CHANNELS else "", d.body, d.template_id)

    def collect(self) -> Draft:
        """The draft as the fields show it now (the message exactly as it reads)."""
        d = self.draft.copy()
        try:
            d.kind = one_of(DRAFT_KINDS, self.query_one("#ed-kind", Select).value, d.kind)
            d.channel = one_of(DRAFT_CHANNELS, self.query_one("#ed-channel", Select).value, d.channel)
            subject, body = self.fields.read()
        except NoMatches:  # not mounted (SIGHUP before the first paint): keep what we have
            log.info("outreach: the draft editor was not mounted yet; keeping the draft as opened")
            return d
        d.subject, d.body = subject.text, body.text
        d.marks = entries(subject.marks, body.marks)
        d.rendered = True
        return d

    @property
    def changed(self) -> bool:
        """Anything differs from what was opened (or last saved)."""
        return self._state_of(self.collect()) != self._saved_state

    def _saved(self, d: Draft) -> None:
        self.draft = d.copy()
        self._saved_state = self._state_of(d)
        self.is_new = False

    @property
    def _with_subject(self) -> bool:
        return str(self.query_one("#ed-channel", Select).value) in SUBJECT_CHANNELS

    def _untouched(self) -> bool:
        return self.fields.untouched(with_subject=self._with_subject)

    # -- live check

    def _refresh_people(self) -> None:
        d = self.draft
        self._ctx = context_for(self.store, d)
        self.query_one("#ed-to", Button).label = literal(clip(recipient_text(self.store, d), 200))
        self.query_one("#ed-app", Button).label = literal(clip(application_text(self.store, d), 200))

    def _show_subject_row(self) -> None:
        self.query_one("#ed-subject-row").display = self._with_subject

    def _update(self) -> None:
        d = self.collect()
        application = self.store.applications.get(d.application_id)
        a = assess_with(d, self._ctx, application=application, settings=self.store.settings.current())
        self._assessment = a
        banner = self.query_one("#ed-cooloff", Static)
        banner.update(literal(views.cooloff_hint(a)))
        banner.set_class(not a.cooloff, "-hidden")
        tmpl = self.store.templates.lookup(d.template_id)
        timing = tmpl.timing_hint if tmpl and tmpl.kind == d.kind else ""
        self.query_one("#ed-check", Static).update(lines(check_lines(d, a, timing)))

    @on(SlotTextArea.Changed, "#ed-body")
    @on(SlotInput.Changed, "#ed-subject")
    def _text_changed(self) -> None:
        self._update()

    @on(Select.Changed, "#ed-kind")
    def _kind_changed(self, event: Select.Changed) -> None:
        kind = one_of(DRAFT_KINDS, event.value, self._kind)
        if kind == self._kind:
            self._update()
            return
        self._kind = kind
        template = self.store.templates.default_for(kind)
        if self._untouched():
            self._use_template(template)
            return

        def decided(answer: str | None) -> None:
            if answer == KindAnswer.REPLACE:
                self._use_template(template)
            else:
                self._update()

        self.app.push_screen(kind_question(KIND_LABELS.get(kind, kind), template.name), decided)

    @on(Select.Changed, "#ed-channel")
    def _channel_changed(self, event: Select.Changed) -> None:
        self._show_subject_row()
        subject = self.query_one("#ed-subject", SlotInput)
        if str(event.value) in SUBJECT_CHANNELS and not subject.value:
            tmpl = self.store.templates.lookup(self.draft.template_id)
            if tmpl is not None and tmpl.subject:
                filled = fill(tmpl.subject, "", self._ctx).subject
                subject.load(filled.text, spans_of(filled.marks))
        self._update()

    @on(Button.Pressed, "#ed-to")
    def _to_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_pick_recipient()

    @on(Button.Pressed, "#ed-app")
    def _app_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_pick_application()

    # -- slots

    @on(Jump)
    def _jump(self, event: Jump) -> None:
        """``tab``: the next slot in the subject and body; past the last one, the next field."""
        event.stop()
        if not self._select_slot(forward=event.forward, origin=event.field, wrap=False):
            (self.focus_next if event.forward else self.focus_previous)()

    def _select_slot(self, *, forward: bool, origin: object, wrap: bool) -> Target | None:
        target = self.fields.target(origin, forward=forward, with_subject=self._with_subject, wrap=wrap)
        if target is not None:
            target.field.focus()
            target.field.select(target.span)
        return target

    def action_next_slot(self) -> None:
        """Select the next slot (from the first again past the last), so typing replaces it."""
        target = self._select_slot(forward=True, origin=self.focused, wrap=True)
        if target is None:
            self.notify("Nothing left to fill in.", markup=False, timeout=3)
            return
        what = "Type to fill in" if target.span.kind == "slot" else "Type the words instead of"
        self.notify(f"{what}: {target.mark.label}", title="Slot", markup=False, timeout=3)

    # -- actions

    def action_save(self) -> None:
        d = self.collect()
        saved = self.actions.save_draft(d)
        if saved is not None:
            self._saved(saved)
            self.dismiss(DraftClosed(d.id))

    def action_cancel(self) -> None:
        if not self.changed:
            self.dismiss(None)
            return

        def decided(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmDialog(
            "Discard your changes?",
            "This new draft will not be kept." if self.is_new else "Your edits to this draft will be lost.",
            confirm="Discard", cancel="Keep editing", danger=True), decided)

    def action_external_editor(self) -> None:
        """The message as it reads (subject and body) in $EDITOR; what comes back replaces it."""
        d = self.collect()
        with_subject = d.channel in SUBJECT_CHANNELS
        new = edit_externally(self, join_for_editor(d.subject if with_subject else None, d.body))
        if new is not None:
            self.fields.take(*split_from_editor(new, with_subject))
            self._update()
            self.notify("Took the text from your editor.", markup=False, timeout=3)

    def _people_changed(self, draft: Draft) -> None:
        """A new recipient or application: values filled in again (the whole template while the text
        is untouched; otherwise only the filled-in values, around the person's own words)."""
        untouched = self._untouched()
        self.draft = draft
        self._refresh_people()
        template = self.store.templates.lookup(draft.template_id)
        if untouched and template is not None:
            self.fields.load(fill(template.subject, template.body, self._ctx))
        else:
            self.fields.refill(self._ctx)
            if template is not None:
                self.fields.filled = self._filled_texts(template)
        self._update()

    def action_pick_recipient(self) -> None:
        d = self.collect()

        def picked(result: Recipients | None) -> None:
            if result is not None:
                self._people_changed(self.actions.with_recipients(self.collect(), result))

        self.app.push_screen(ContactPicker(self.store.contacts.all(), first_ids=self.actions.contacts_first(d),
                                           selected=d.contact_ids), picked)

    def action_pick_application(self) -> None:
        d = self.collect()

        def picked(result: ApplicationChoice | None) -> None:
            if result is not None:
                self._people_changed(self.actions.with_application(self.collect(), result))

        self.app.push_screen(ApplicationPicker(self.store.applications.all(),
                                               first_ids=self.actions.applications_first(d)), picked)

    def action_pick_template(self) -> None:
        d = self.collect()

        def picked(template_id: str | None) -> None:
            tmpl = self.store.templates.lookup(template_id) if template_id else None
            if tmpl is None:
                return
            if self._untouched():
                self._use_template(tmpl)
                return

            def decided(ok: bool | None) -> None:
                if ok:
                    self._use_template(tmpl)

            self.app.push_screen(ConfirmDialog(
                "Start over from this template?", f"The subject and body are replaced by “{tmpl.name}”.",
                confirm="Replace", cancel="Keep mine", danger=True), decided)

        self.app.push_screen(TemplatePicker(self.store.templates.every(), title="Start from which template?",
                                            highlight=d.template_id or d.kind), picked)

    def _use_template(self, tmpl: Template) -> None:
        """Start over from ``tmpl``: its kind, channel, subject and body, filled in."""
        self._kind = tmpl.kind
        self.query_one("#ed-kind", Select).value = tmpl.kind
        self.query_one("#ed-channel", Select).value = tmpl.channel
        message = fill(tmpl.subject, tmpl.body, self._ctx)
        self.fields.load(message)
        self.draft = self.collect()
        self.draft.template_id = tmpl.id
        self._show_subject_row()
        self._update()
        self._fill_failed(message.error)

    def action_put_off(self) -> None:
        """Sleep on it: save it put off until tomorrow (one write) and close."""
        saved = self.actions.save_put_off(self.collect())
        if saved is not None:
            self._saved(saved)
            self.dismiss(DraftClosed(saved.id, put_off=True))

    def action_unsent_letter(self) -> None:
        """A hostile draft goes to the journal as an unsent letter (one write); the draft starts over."""
        if not views.is_hostile(self._assessment):
            self.notify(views.NOT_HOSTILE, markup=False, timeout=4)
            return
        kept = self.actions.unsent_letter(self.collect(), self.store.templates.lookup(self.draft.template_id))
        if kept is not None:
            in_subject, in_body = marks_of(kept.draft)
            self.fields.load(FilledMessage(Filled(kept.draft.subject, in_subject), Filled(kept.draft.body, in_body)))
            self._saved(kept.draft)
            self._update()
            self.notify(views.KEPT_AS_LETTER, title="Unsent letter", markup=False, timeout=8)

    # -- the shell's hooks

    def palette_commands(self) -> Iterator[PaletteCommand]:
        P = PaletteCommand
        yield P("Draft: save", "Save this draft (ctrl+s)", self.action_save)
        yield P("Draft: next slot", "Select the next slot to fill in (tab)", self.action_next_slot)
        yield P("Draft: edit in $EDITOR", "Edit the subject and body in your editor (ctrl+e)",
                self.action_external_editor)
        yield P("Draft: recipient", "Pick a contact or type a name (ctrl+t)", self.action_pick_recipient)
        yield P("Draft: application", "Link an application (ctrl+o)", self.action_pick_application)
        yield P("Draft: start over from a template", "Replace subject and body (ctrl+l)", self.action_pick_template)
        yield P("Draft: snooze until tomorrow", "Sleep on it: save it and bring it back tomorrow", self.action_put_off)
        if views.is_hostile(self._assessment):
            yield P("Draft: keep it as an unsent letter", "In your journal; the draft starts over (ctrl+g)",
                    self.action_unsent_letter)
        yield P("Draft: cancel", "Close without saving (escape)", self.action_cancel)

    def save_pending(self) -> None:
        if self.store.read_only or not self.changed:
            return
        d = self.collect()
        self.store.drafts.save(d)  # at hang-up or quit: straight to the store, errors go to the app
        self._saved_state = self._state_of(d)
        self.is_new = False
