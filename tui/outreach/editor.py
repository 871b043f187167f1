"""The draft editor: kind, channel, recipient, application, subject and body, with a live check.

The body holds *template text*: ``{{ contact.first_name }}`` is filled in from what Rebound knows,
``{{ ask("…") }}`` is a slot only you can fill. The panel on the right counts the rendered message
against the channel's limit, lists slots and missing values, and quotes what the tone check noticed.
``ctrl+n`` selects the next slot; ``ctrl+r`` shows the rendered message; ``ctrl+g`` keeps a hostile draft
in the journal as an unsent letter. Pickers answer with typed values; ``OutreachActions`` saves.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.css.query import NoMatches
from textual.widgets import Button, Input, Select, Static, TextArea
from textual.widgets.input import Selection as InputSelection
from textual.widgets.text_area import Selection

from store.handoff import editor_file, join_for_editor, read_back, split_from_editor
from store.models import DRAFT_CHANNELS, DRAFT_KINDS, Draft, Template, one_of
from store.outreach import (
    CHANNEL_LABELS,
    SUBJECT_CHANNELS,
    Assessment,
    Namespace,
    assess_with,
    context_for,
    escape_source,
)
from store.templates import KIND_LABELS
from tui.dialogs import ConfirmDialog
from tui.outreach import views
from tui.outreach.actions import ApplicationChoice, DraftClosed, OutreachActions, Recipients
from tui.outreach.pickers import ApplicationPicker, ContactPicker, TemplatePicker
from tui.outreach.views import EDITOR_HELP, application_text, check_lines, next_slot, preview, recipient_text
from tui.shell.base import PaletteCommand, ReboundScreen
from widgets.outreach_source import TemplateTextArea
from widgets.outreach_text import lines
from widgets.usertext import clip, literal

log = logging.getLogger("rebound")

DraftState = tuple[str, str, tuple[str, ...], str, str, str, str, str, str]


class DraftEditor(ReboundScreen):
    """Edit one draft. Dismisses with :class:`DraftClosed`, or None when cancelled."""

    SCREEN_KEY = "outreach"
    SCREEN_TITLE = "Outreach · draft editor"
    HELP = EDITOR_HELP

    DEFAULT_CSS = views.EDITOR_CSS

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="outreach.editor.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="outreach.editor.cancel"),
        Binding("ctrl+n", "next_slot", "Next slot", id="outreach.editor.next_slot", priority=True),
        Binding("ctrl+r", "toggle_preview", "Preview", id="outreach.editor.preview", priority=True),
        Binding("ctrl+e", "external_editor", "$EDITOR", id="outreach.editor.external", priority=True),
        Binding("ctrl+t", "pick_recipient", "To…", id="outreach.editor.recipient", priority=True),
        Binding("ctrl+o", "pick_application", "Application…", show=False, id="outreach.editor.application",
                priority=True),
        Binding("ctrl+l", "pick_template", "Template…", show=False, id="outreach.editor.template",
                priority=True),
        Binding("ctrl+g", "unsent_letter", "Unsent letter", show=False, id="outreach.editor.unsent", priority=True),
    ]

    def __init__(self, draft: Draft, *, is_new: bool) -> None:
        super().__init__()
        self.draft = draft.copy()
        self.is_new = is_new
        self._saved_state = self._state_of(self.draft)
        self._ctx: dict[str, Namespace] = {}
        self._assessment: Assessment | None = None
        self._preview = False

    @property
    def actions(self) -> OutreachActions:
        return OutreachActions(self.store, self.rapp.write)

    # -- building

    def compose_body(self) -> ComposeResult:
        d = self.draft
        with Vertical(id="editor"):
            with Horizontal(classes="form-row"):
                yield Static("Kind", classes="form-label")
                yield Select([(KIND_LABELS[k], k) for k in DRAFT_KINDS],
                             value=d.kind if d.kind in DRAFT_KINDS else "other", allow_blank=False,
                             compact=True, id="ed-kind")
                yield Static("Via", classes="form-label-s")
                yield Select([(CHANNEL_LABELS[c], c) for c in DRAFT_CHANNELS],
                             value=d.channel if d.channel in DRAFT_CHANNELS else "email", allow_blank=False,
                             compact=True, id="ed-channel")
            with Horizontal(classes="form-row"):
                yield Static("To", classes="form-label")
                yield Button(literal(""), compact=True, id="ed-to")
            with Horizontal(classes="form-row"):
                yield Static("About", classes="form-label")
                yield Button(literal(""), compact=True, id="ed-app")
            with Horizontal(classes="form-row", id="ed-subject-row"):
                yield Static("Subject", classes="form-label")
                yield Input(value=d.subject, compact=True, id="ed-subject", placeholder="subject line")
            yield Static("", id="ed-cooloff", classes="-hidden")
            with Horizontal(id="ed-main"):
                yield TemplateTextArea(d.body, id="ed-body")
                with VerticalScroll(id="ed-preview-box", classes="-hidden"):
                    yield Static("", id="ed-preview")
                with VerticalScroll(id="ed-check-box"):
                    yield Static("", id="ed-check")

    def on_mount(self) -> None:
        super().on_mount()
        self._refresh_people()
        self._show_subject_row()
        self._update()
        self.query_one("#ed-body", TextArea).focus()

    # -- state

    @staticmethod
    def _state_of(d: Draft) -> DraftState:
        return (d.kind, d.channel, tuple(d.contact_ids), d.recipient_name, d.recipient_email,
                d.application_id or "", d.subject if d.channel in SUBJECT_CHANNELS else "", d.body, d.template_id)

    def collect(self) -> Draft:
        """The draft as the fields show it now."""
        d = self.draft.copy()
        try:
            d.kind = one_of(DRAFT_KINDS, self.query_one("#ed-kind", Select).value, d.kind)
            d.channel = one_of(DRAFT_CHANNELS, self.query_one("#ed-channel", Select).value, d.channel)
            d.subject = self.query_one("#ed-subject", Input).value
            d.body = self.query_one("#ed-body", TextArea).text
        except NoMatches:  # not mounted (SIGHUP before the first paint): keep what we have
            log.info("outreach: the draft editor was not mounted yet; keeping the draft as opened")
        return d

    @property
    def changed(self) -> bool:
        """Anything differs from what was opened (or last saved)."""
        return self._state_of(self.collect()) != self._saved_state

    def _saved(self, d: Draft) -> None:
        self.draft = d.copy()
        self._saved_state = self._state_of(d)
        self.is_new = False

    # -- live check

    def _refresh_people(self) -> None:
        d = self.draft
        self._ctx = context_for(self.store, d)
        self.query_one("#ed-to", Button).label = literal(clip(recipient_text(self.store, d), 200))
        self.query_one("#ed-app", Button).label = literal(clip(application_text(self.store, d), 200))

    def _show_subject_row(self) -> None:
        channel = str(self.query_one("#ed-channel", Select).value)
        self.query_one("#ed-subject-row").display = channel in SUBJECT_CHANNELS

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
        if self._preview:
            self._show_preview()

    def _show_preview(self) -> None:
        if self._assessment is not None:
            self.query_one("#ed-preview", Static).update(preview(self._assessment))

    @on(TextArea.Changed, "#ed-body")
    @on(Input.Changed, "#ed-subject")
    @on(Select.Changed, "#ed-kind")
    def _text_changed(self) -> None:
        self._update()

    @on(Select.Changed, "#ed-channel")
    def _channel_changed(self, event: Select.Changed) -> None:
        self._show_subject_row()
        subject = self.query_one("#ed-subject", Input)
        if str(event.value) in SUBJECT_CHANNELS and not subject.value:
            tmpl = self.store.templates.lookup(self.draft.template_id)
            if tmpl is not None and tmpl.subject:
                subject.value = tmpl.subject
        self._update()

    @on(Button.Pressed, "#ed-to")
    def _to_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_pick_recipient()

    @on(Button.Pressed, "#ed-app")
    def _app_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_pick_application()

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

    def action_next_slot(self) -> None:
        """Select the next slot (or missing value) after the cursor, so typing replaces it."""
        d = self.collect()
        body = self.query_one("#ed-body", TextArea)
        if self._preview:
            self.action_toggle_preview()
        target = next_slot(d, self._ctx, body.cursor_location, selecting=not body.selection.is_empty)
        if target is None:
            self.notify("Nothing left to fill in.", markup=False, timeout=3)
        elif target.in_subject:
            inp = self.query_one("#ed-subject", Input)
            inp.focus()
            inp.selection = InputSelection(target.site.start, target.site.end)
            self.notify(f"Type to fill in: {target.site.label}", title="Slot", markup=False, timeout=4)
        else:
            body.focus()
            body.selection = Selection(target.start, target.end)
            body.scroll_cursor_visible()
            what = "Type to fill in" if target.site.kind == "slot" else "Type the words instead of"
            self.notify(f"{what}: {target.site.label}", title="Slot", markup=False, timeout=4)

    def action_toggle_preview(self) -> None:
        self._preview = not self._preview
        self.query_one("#ed-preview-box").set_class(not self._preview, "-hidden")
        self.query_one("#ed-body").set_class(self._preview, "-hidden")
        if self._preview:
            self._show_preview()
        else:
            self.query_one("#ed-body", TextArea).focus()

    def _replace_text(self, subject: str | None, body: str) -> None:
        if subject is not None:
            self.query_one("#ed-subject", Input).value = subject
        area = self.query_one("#ed-body", TextArea)
        area.replace(body, (0, 0), area.document.end)

    def action_external_editor(self) -> None:
        d = self.collect()
        with_subject = d.channel in SUBJECT_CHANNELS
        text = join_for_editor(d.subject if with_subject else None, d.body)
        try:
            with editor_file(text) as ef:
                code = self.rapp.editor_runner(self.app, str(ef.path))
                new = read_back(ef)
        # Blind on purpose: whatever the editor (or its absence, or a terminal that can't be suspended)
        # raises, the draft being written must survive. The user is told; the log gets the error's type
        # only (its message could quote the draft).
        except Exception as exc:  # noqa: BLE001 - whatever the editor raises, the draft must survive
            log.warning("outreach: running the external editor failed: %s", type(exc).__name__)
            self.notify(f"Couldn't run your editor: {exc}. Set $EDITOR (or $VISUAL).", title="Editor",
                        severity="warning", markup=False)
            return
        if code:
            self.notify(f"The editor exited with code {code}; nothing changed.", markup=False)
            return
        if new is None or new == text:
            self.notify("No changes from the editor.", markup=False, timeout=3)
            return
        self._replace_text(*split_from_editor(new, with_subject))
        self._update()
        self.notify("Took the text from your editor.", markup=False, timeout=3)

    def action_pick_recipient(self) -> None:
        d = self.collect()

        def picked(result: Recipients | None) -> None:
            if result is not None:
                self.draft = self.actions.with_recipients(self.collect(), result)
                self._refresh_people()
                self._update()

        self.app.push_screen(ContactPicker(self.store.contacts.all(), first_ids=self.actions.contacts_first(d),
                                           selected=d.contact_ids), picked)

    def action_pick_application(self) -> None:
        d = self.collect()

        def picked(result: ApplicationChoice | None) -> None:
            if result is not None:
                self.draft = self.actions.with_application(self.collect(), result)
                self._refresh_people()
                self._update()

        self.app.push_screen(ApplicationPicker(self.store.applications.all(),
                                               first_ids=self.actions.applications_first(d)), picked)

    def action_pick_template(self) -> None:
        d = self.collect()

        def picked(template_id: str | None) -> None:
            tmpl = self.store.templates.lookup(template_id) if template_id else None
            if tmpl is None:
                return
            if not d.body.strip():
                self._start_over(tmpl)
                return

            def decided(ok: bool | None) -> None:
                if ok:
                    self._start_over(tmpl)

            self.app.push_screen(ConfirmDialog(
                "Start over from this template?", f"The subject and body are replaced by “{tmpl.name}”.",
                confirm="Replace", cancel="Keep mine"), decided)

        self.app.push_screen(TemplatePicker(self.store.templates.every(), title="Start from which template?",
                                            highlight=d.template_id or d.kind), picked)

    def _start_over(self, tmpl: Template) -> None:
        self.query_one("#ed-kind", Select).value = tmpl.kind
        self.query_one("#ed-channel", Select).value = tmpl.channel
        self._replace_text(tmpl.subject, tmpl.body)
        self.draft = self.collect()
        self.draft.template_id = tmpl.id
        self._show_subject_row()
        self._update()

    def action_escape_braces(self) -> None:
        area = self.query_one("#ed-body", TextArea)
        area.replace(escape_source(area.text), (0, 0), area.document.end)
        self._update()

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
            self._replace_text(kept.draft.subject, kept.draft.body)
            self._saved(kept.draft)
            self._update()
            self.notify(views.KEPT_AS_LETTER, title="Unsent letter", markup=False, timeout=8)

    # -- the shell's hooks

    def palette_commands(self) -> Iterator[PaletteCommand]:
        P = PaletteCommand
        yield P("Draft: save", "Save this draft (ctrl+s)", self.action_save)
        yield P("Draft: next slot", "Select the next slot to fill in (ctrl+n)", self.action_next_slot)
        yield P("Draft: preview", "Show the rendered message (ctrl+r)", self.action_toggle_preview)
        yield P("Draft: edit in $EDITOR", "Edit the subject and body in your editor (ctrl+e)",
                self.action_external_editor)
        yield P("Draft: recipient", "Pick a contact or type a name (ctrl+t)", self.action_pick_recipient)
        yield P("Draft: application", "Link an application (ctrl+o)", self.action_pick_application)
        yield P("Draft: start over from a template", "Replace subject and body (ctrl+l)", self.action_pick_template)
        yield P("Draft: snooze until tomorrow", "Sleep on it: save it and bring it back tomorrow", self.action_put_off)
        yield P("Draft: treat braces as plain text", "Escape {{ }} and {% %} in the body", self.action_escape_braces)
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
