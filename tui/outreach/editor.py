"""The draft editor: kind, channel, recipient, application, subject and body, with a live check.

The body holds *template text*: ``{{ contact.first_name }}`` is filled in from what Rebound knows,
``{{ ask("…") }}`` is a slot only you can fill. The panel on the right counts the rendered message
against the channel's limit, lists slots and missing values, and quotes what the tone check noticed.
``ctrl+n`` selects the next slot so typing replaces it; ``ctrl+r`` shows the rendered message.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Select, Static, TextArea
from textual.widgets.input import Selection as InputSelection
from textual.widgets.text_area import Selection

from store.handoff import editor_file, join_for_editor, read_back, split_from_editor
from store.models import DRAFT_CHANNELS, DRAFT_KINDS, Draft
from store.outreach import (
    CHANNEL_LABELS,
    PLACEHOLDERS,
    SUBJECT_CHANNELS,
    Assessment,
    assess_with,
    context_for,
    escape_source,
    offset_to_location,
    put_off_copy,
    sites,
)
from store.templates import KIND_LABELS, guidance
from tui.dialogs import ConfirmDialog
from tui.outreach.dialogs import ApplicationPicker, ContactPicker, Recipients, TemplatePicker
from tui.shell.base import PaletteCommand, ReboundScreen
from widgets.outreach_source import TemplateTextArea
from widgets.outreach_text import lines, marked
from widgets.usertext import clip, literal


def _placeholder_help() -> str:
    rows = "\n".join(f"  {{{{ {p.name} }}}}  {p.help} — e.g. {p.example}" for p in PLACEHOLDERS)
    return rows


EDITOR_HELP = f"""Write the message as template text. Rebound fills in the placeholders from the contact, the application, your settings (name, signature) and today's date; a value it doesn't have is listed as missing, never left blank.

Slots: {{{{ ask("one specific thing you discussed") }}}} marks something only you can write. Slots are highlighted and must be filled before the message can be copied or marked sent: ctrl+n selects the next one, so typing replaces it.

The panel on the right counts the rendered message against the channel's limit (LinkedIn note 200 characters free / 300 Premium; InMail subject 200, body 2,000; email gets soft guidance per kind), lists what is missing, and quotes what the tone check noticed (it informs; it never blocks).

Placeholders (use | default("…") for a fallback, e.g. {{{{ contact.first_name | default("there") }}}}):
{_placeholder_help()}

Also: {{% if contact.company %}}…{{% endif %}}, {{% for n in … %}}, filters such as | upper. Templates can't reach anything else. To write braces as plain text: {{{{ '{{{{' }}}}.

ctrl+s saves, escape cancels (asks if you changed something), ctrl+e edits the subject and body in $EDITOR, ctrl+t picks the recipient, ctrl+o the application, ctrl+l starts over from a template, ctrl+r shows the rendered message."""


class DraftEditor(ReboundScreen):
    """Edit one draft. Dismisses with the saved draft's id, or ``None`` when cancelled."""

    SCREEN_KEY = "outreach"
    SCREEN_TITLE = "Outreach · draft editor"
    HELP = EDITOR_HELP

    DEFAULT_CSS = """
    DraftEditor #editor { height: 1fr; }
    DraftEditor .form-row { height: 1; margin: 0 1; }
    DraftEditor .form-label { width: 9; color: $foreground 70%; }
    DraftEditor .form-label-s { width: 5; margin-left: 2; color: $foreground 70%; }
    DraftEditor #ed-kind { width: 34; }
    DraftEditor #ed-channel { width: 1fr; }
    DraftEditor #ed-to, DraftEditor #ed-app { width: 1fr; content-align: left middle; text-align: left; }
    DraftEditor #ed-subject { width: 1fr; }
    DraftEditor #ed-cooloff { height: auto; padding: 0 1; background: $warning 20%; text-style: bold; }
    DraftEditor #ed-cooloff.-hidden { display: none; }
    DraftEditor #ed-main { height: 1fr; }
    DraftEditor #ed-body { width: 1fr; height: 1fr; border: round $primary 60%; }
    DraftEditor #ed-body:focus { border: round $primary; }
    DraftEditor #ed-preview-box { width: 1fr; height: 1fr; border: round $secondary; padding: 0 1; }
    DraftEditor #ed-preview-box.-hidden, DraftEditor #ed-body.-hidden { display: none; }
    DraftEditor #ed-check-box { width: 32; height: 1fr; padding: 0 1; border-left: vkey $panel; }
    """

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
    ]

    def __init__(self, draft: Draft, *, is_new: bool,
                 on_put_off: Callable[[Draft], None] | None = None) -> None:
        super().__init__()
        self.draft = draft.copy()
        self.is_new = is_new
        self._saved_state = self._state_of(self.draft)
        self._ctx = None
        self._assessment: Assessment | None = None
        self._on_put_off = on_put_off
        self._preview = False

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
        body = self.query_one("#ed-body", TextArea)
        body.focus()

    # -- state

    @staticmethod
    def _state_of(d: Draft) -> tuple:
        return (d.kind, d.channel, tuple(d.contact_ids), d.recipient_name, d.recipient_email,
                d.application_id or "", d.subject if d.channel in SUBJECT_CHANNELS else "", d.body, d.template_id)

    def collect(self) -> Draft:
        """The draft as the fields show it now."""
        d = self.draft.copy()
        try:
            d.kind = str(self.query_one("#ed-kind", Select).value)
            d.channel = str(self.query_one("#ed-channel", Select).value)
            d.subject = self.query_one("#ed-subject", Input).value
            d.body = self.query_one("#ed-body", TextArea).text
        except Exception:  # not mounted (SIGHUP before the first paint): keep what we have
            pass
        return d

    @property
    def changed(self) -> bool:
        """Anything differs from what was opened (or last saved)."""
        return self._state_of(self.collect()) != self._saved_state

    # -- live check

    def _refresh_people(self) -> None:
        d = self.draft
        self._ctx = context_for(self.store, d)
        contacts = [c for c in (self.store.contacts.get(i) for i in d.contact_ids) if c is not None]
        if contacts:
            first = contacts[0]
            label = ", ".join(c.display_name for c in contacts)
            if len(contacts) == 1 and first.emails:
                label += f" <{first.emails[0]}>"
        elif d.recipient_name or d.recipient_email:
            label = d.recipient_name + (f" <{d.recipient_email}>" if d.recipient_email else "")
        else:
            label = "(nobody yet) — ctrl+t picks a contact or types a name"
        self.query_one("#ed-to", Button).label = literal(clip(label, 200))
        application = self.store.applications.get(d.application_id)
        app_label = application.title if application else "(no application) — ctrl+o links one"
        self.query_one("#ed-app", Button).label = literal(clip(app_label, 200))

    def _show_subject_row(self) -> None:
        channel = str(self.query_one("#ed-channel", Select).value)
        self.query_one("#ed-subject-row").display = channel in SUBJECT_CHANNELS

    def _update(self) -> None:
        d = self.collect()
        application = self.store.applications.get(d.application_id)
        a = assess_with(d, self._ctx, application=application, settings=self.store.settings.current())
        self._assessment = a
        banner = self.query_one("#ed-cooloff", Static)
        if a.cooloff:
            banner.update(literal(a.cooloff.text() + " (ctrl+p › Put off until tomorrow)"))
            banner.remove_class("-hidden")
        else:
            banner.update("")
            banner.add_class("-hidden")
        self.query_one("#ed-check", Static).update(lines(self._check_lines(d, a)))
        if self._preview:
            self._show_preview()

    def _check_lines(self, d: Draft, a: Assessment) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = [("bold", "Check")]
        for c in a.counts:
            style = "bold reverse" if c.over else ("bold" if c.state in ("near", "long") else "")
            out.append((style, c.text(hint=c.over)))
        r = a.rendered
        if r.error:
            out += [("", ""), ("bold", "✗ Can't render"), ("", r.error)]
        if r.slots:
            out += [("", ""), ("bold", f"Fill in ({len(r.slots)}) · ctrl+n")]
            out += [("reverse", f"» {s}") for s in r.slots]
        if r.missing:
            out += [("", ""), ("bold", "Missing values")]
            out += [("", f"» {m}") for m in r.missing]
            out.append(("dim", "Add them to the contact or application, or type the words instead."))
        if r.unknown:
            out += [("", ""), ("bold", "Unknown placeholders")]
            from store.outreach import suggest

            for name in r.unknown:
                hint = suggest(name)
                out.append(("", f"» {name}" + (f" (did you mean {hint}?)" if hint else "")))
        out.append(("", ""))
        if a.findings:
            out.append(("bold", f"Tone ({len(a.findings)}) · informs, never blocks"))
            for _part, f in a.findings:
                out.append(("", f"! “{clip(f.words, 40)}” — {f.label}: {f.why}"))
        else:
            out.append(("", "✓ Tone: nothing noticed"))
        g = guidance(d.kind)
        tmpl = self.store.templates.lookup(d.template_id)
        timing = tmpl.timing_hint if tmpl and tmpl.kind == d.kind else ""
        if timing or g.text:
            out += [("", ""), ("bold", "Timing and length")]
            if timing:
                out.append(("dim", timing))
            if g.text and d.channel not in ("linkedin note", "inmail"):
                out.append(("dim", g.text[0].upper() + g.text[1:] + "."))
        if r.complete and not a.findings:
            out += [("", ""), ("bold", "✓ Ready: ctrl+s, then y copies")]
        return out

    def _show_preview(self) -> None:
        a = self._assessment
        if a is None:
            return
        self.query_one("#ed-preview", Static).update(self._preview_content(a))

    @staticmethod
    def _preview_content(a: Assessment):
        from textual.content import Content

        body_spans = list(a.rendered.body.spans)
        body_spans += [(f.start, f.end, "tone") for part, f in a.findings if part == "body"]
        body = marked(a.rendered.body.text, body_spans)
        if not a.has_subject:
            return body
        subj_spans = list(a.rendered.subject.spans)
        subj_spans += [(f.start, f.end, "tone") for part, f in a.findings if part == "subject"]
        return Content.assemble(("Subject: ", "bold"), marked(a.rendered.subject.text, subj_spans), "\n\n", body)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._update()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "ed-subject":
            self._update()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "ed-channel":
            self._show_subject_row()
            channel = str(event.value)
            if channel in SUBJECT_CHANNELS and not self.query_one("#ed-subject", Input).value:
                tmpl = self.store.templates.lookup(self.draft.template_id)
                if tmpl is not None and tmpl.subject:
                    self.query_one("#ed-subject", Input).value = tmpl.subject
        self._update()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "ed-to":
            self.action_pick_recipient()
        elif event.button.id == "ed-app":
            self.action_pick_application()

    # -- actions

    def action_save(self) -> None:
        d = self.collect()
        if self.rapp.write(self.store.drafts.save, d):
            saved = self.store.drafts.get(d.id) or d
            self.draft = saved.copy()
            self._saved_state = self._state_of(saved)
            self.is_new = False
            self.dismiss(d.id)

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
        found = sites(d.body, self._ctx)
        if found:
            row, col = body.cursor_location
            lines_ = d.body.split("\n")
            cursor = sum(len(x) + 1 for x in lines_[:row]) + col
            after = [s for s in found if s.start >= cursor and not (body.selection.start != body.selection.end
                                                                 and s.start == cursor)]
            site = (after or found)[0]
            start = offset_to_location(d.body, site.start)
            end = offset_to_location(d.body, site.end)
            body.focus()
            body.selection = Selection(start, end)
            body.scroll_cursor_visible()
            what = "Type to fill in" if site.kind == "slot" else "Type the words instead of"
            self.notify(f"{what}: {site.label}", title="Slot", markup=False, timeout=4)
            return
        if d.channel in SUBJECT_CHANNELS:
            subject_sites = sites(d.subject, self._ctx)
            if subject_sites:
                s = subject_sites[0]
                inp = self.query_one("#ed-subject", Input)
                inp.focus()
                inp.selection = InputSelection(s.start, s.end)
                self.notify(f"Type to fill in: {s.label}", title="Slot", markup=False, timeout=4)
                return
        self.notify("Nothing left to fill in.", markup=False, timeout=3)

    def action_toggle_preview(self) -> None:
        self._preview = not self._preview
        self.query_one("#ed-preview-box").set_class(not self._preview, "-hidden")
        self.query_one("#ed-body").set_class(self._preview, "-hidden")
        if self._preview:
            self._show_preview()
        else:
            self.query_one("#ed-body", TextArea).focus()

    def action_external_editor(self) -> None:
        d = self.collect()
        with_subject = d.channel in SUBJECT_CHANNELS
        text = join_for_editor(d.subject if with_subject else None, d.body)
        try:
            with editor_file(text) as ef:
                code = self.rapp.editor_runner(self.app, str(ef.path))
                new = read_back(ef)
        except Exception as exc:  # no terminal to suspend (textual-web), editor missing…
            self.notify(f"Couldn't run your editor: {exc}. Set $EDITOR (or $VISUAL).", title="Editor",
                        severity="warning", markup=False)
            return
        if code:
            self.notify(f"The editor exited with code {code}; nothing changed.", markup=False)
            return
        if new is None or new == text:
            self.notify("No changes from the editor.", markup=False, timeout=3)
            return
        subject, body = split_from_editor(new, with_subject)
        if subject is not None:
            self.query_one("#ed-subject", Input).value = subject
        area = self.query_one("#ed-body", TextArea)
        area.replace(body, (0, 0), area.document.end)
        self._update()
        self.notify("Took the text from your editor.", markup=False, timeout=3)

    def action_pick_recipient(self) -> None:
        d = self.collect()
        application = self.store.applications.get(d.application_id)
        first = []
        if application is not None:
            first = list(application.contact_ids) + [
                c.id for c in self.store.contacts.all() if application.id in c.application_ids]

        def picked(result: Recipients | None) -> None:
            if result is None:
                return
            self.draft = self.collect()
            self.draft.contact_ids = list(result.contact_ids)
            if result.contact_ids:
                people = [self.store.contacts.get(i) for i in result.contact_ids]
                people = [p for p in people if p is not None]
                self.draft.recipient_name = ", ".join(p.display_name for p in people)
                self.draft.recipient_email = people[0].emails[0] if people and people[0].emails else ""
                if not self.draft.application_id and self.draft.kind in (
                        "thank-you", "rejection reply", "feedback request"):
                    linked = {a for p in people for a in p.application_ids}
                    if len(linked) == 1:
                        self.draft.application_id = linked.pop()
            else:
                self.draft.recipient_name = result.name
                self.draft.recipient_email = result.email
            self._refresh_people()
            self._update()

        self.app.push_screen(ContactPicker(self.store.contacts.all(), first_ids=first,
                                           selected=d.contact_ids), picked)

    def action_pick_application(self) -> None:
        d = self.collect()
        first = [a for c in (self.store.contacts.get(i) for i in d.contact_ids) if c for a in c.application_ids]

        def picked(result: str | None) -> None:
            if result is None:
                return
            self.draft = self.collect()
            self.draft.application_id = result or None
            self._refresh_people()
            self._update()

        self.app.push_screen(ApplicationPicker(self.store.applications.all(), first_ids=first), picked)

    def action_pick_template(self) -> None:
        d = self.collect()

        def picked(template_id: str | None) -> None:
            if not template_id:
                return
            tmpl = self.store.templates.lookup(template_id)
            if tmpl is None:
                return

            def apply(ok: bool | None) -> None:
                if not ok:
                    return
                self.query_one("#ed-kind", Select).value = tmpl.kind
                self.query_one("#ed-channel", Select).value = tmpl.channel
                self.query_one("#ed-subject", Input).value = tmpl.subject
                area = self.query_one("#ed-body", TextArea)
                area.replace(tmpl.body, (0, 0), area.document.end)
                self.draft = self.collect()
                self.draft.template_id = tmpl.id
                self._show_subject_row()
                self._update()

            if d.body.strip():
                self.app.push_screen(ConfirmDialog(
                    "Start over from this template?", f"The subject and body are replaced by “{tmpl.name}”.",
                    confirm="Replace", cancel="Keep mine"), apply)
            else:
                apply(True)

        self.app.push_screen(TemplatePicker(self.store.templates.every(), title="Start from which template?",
                                            highlight=d.template_id or d.kind), picked)

    def action_escape_braces(self) -> None:
        area = self.query_one("#ed-body", TextArea)
        area.replace(escape_source(area.text), (0, 0), area.document.end)
        self._update()

    def action_put_off(self) -> None:
        """Sleep on it: save it put off until tomorrow (one write) and close."""
        d = put_off_copy(self.collect())
        if self.rapp.write(self.store.drafts.save, d):
            self._saved_state = self._state_of(d)
            self.is_new = False
            self.dismiss(d.id)
            if self._on_put_off is not None:
                self._on_put_off(d)

    # -- the shell's hooks

    def palette_commands(self):
        yield PaletteCommand("Draft: save", "Save this draft (ctrl+s)", self.action_save)
        yield PaletteCommand("Draft: next slot", "Select the next slot to fill in (ctrl+n)", self.action_next_slot)
        yield PaletteCommand("Draft: preview", "Show the rendered message (ctrl+r)", self.action_toggle_preview)
        yield PaletteCommand("Draft: edit in $EDITOR", "Edit the subject and body in your editor (ctrl+e)",
                             self.action_external_editor)
        yield PaletteCommand("Draft: recipient", "Pick a contact or type a name (ctrl+t)", self.action_pick_recipient)
        yield PaletteCommand("Draft: application", "Link an application (ctrl+o)", self.action_pick_application)
        yield PaletteCommand("Draft: start over from a template", "Replace subject and body (ctrl+l)",
                             self.action_pick_template)
        yield PaletteCommand("Draft: put off until tomorrow", "Sleep on it: save and show it as due tomorrow",
                             self.action_put_off)
        yield PaletteCommand("Draft: treat braces as plain text", "Escape {{ }} and {% %} in the body",
                             self.action_escape_braces)
        yield PaletteCommand("Draft: cancel", "Close without saving (escape)", self.action_cancel)

    def save_pending(self) -> None:
        if self.store.read_only or not self.changed:
            return
        d = self.collect()
        self.store.drafts.save(d)
        self._saved_state = self._state_of(d)
        self.is_new = False
