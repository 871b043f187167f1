"""The Outreach screen: drafts and sent messages, a preview, and the hand-off to mail or LinkedIn.

Rebound never sends anything. ``y`` copies the rendered message (OSC 52), ``s`` saves it to a file,
an ``.eml`` or a ``mailto:`` link, and ``m`` records that it went out: a touchpoint on each
recipient, a note on the application, the draft moved to Sent — one atomic write.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Input, Static

from store import clock
from store.dates import from_iso, humanize_ago, humanize_until
from store.handoff import MAILTO_SAFE_LENGTH, is_email, mailto, save_eml, save_text
from store.models import Draft
from store.outreach import (
    CHANNEL_LABELS,
    CHANNEL_SHORT,
    FOLLOW_UPS,
    Assessment,
    application_for_message,
    assess,
    day_date,
    default_recipients,
    display_status,
    effects_of_sending,
    new_draft,
    recipient_label,
    shared_application,
    suggest_kind,
)
from store.templates import KIND_LABELS
from tui.dialogs import ChoiceDialog, ConfirmDialog
from tui.outreach.dialogs import MarkSentDialog, SentInfo, TemplatePicker
from tui.outreach.editor import DraftEditor
from tui.shell.base import PaletteCommand, ReboundScreen
from widgets.usertext import cell, clip, literal

STATUS_CELLS = {"due": "● due", "draft": "✎ draft", "put off": "◷ later", "sent": "✓ sent"}
KIND_SHORT = {
    "thank-you": "thank-you", "rejection reply": "rejection reply", "feedback request": "feedback ask",
    "connection note": "connect note", "check-in": "check-in", "holiday greeting": "holiday",
    "congratulations": "congrats", "article": "article", "reconnect": "reconnect", "other": "other",
}
CLIPBOARD_HINT = ("Nothing arrived? Your terminal may not allow it: in tmux add "
                  "'set -g set-clipboard on'; or press s to save it to a file.")


class OutreachScreen(ReboundScreen):
    SCREEN_KEY = "outreach"
    SCREEN_TITLE = "Outreach"
    HELP = """Thank-you notes, replies to a rejection, feedback requests and check-ins, drafted from templates with what Rebound already knows, checked for length and tone, and handed to your mail or LinkedIn. Rebound never sends anything itself.

The list shows drafts and sent messages: ● due (put off until today), ✎ draft, ◷ later (put off), ✓ sent. The pane below previews the selected one, with slots to fill «like this».

A draft linked to a rejection from the last day (Settings: cool-off hours), or one the tone check finds hostile, suggests sleeping on it: copying and marking sent ask first, and p puts it off until tomorrow.

y copies the message with OSC 52 (works over SSH; in tmux add 'set -g set-clipboard on'; Y copies the subject). s saves it as a text file, an .eml email file (opens as a draft in most mail programs), or copies a mailto: link; files go to the exports folder in your data folder, readable only by you. m records that you sent it: asks how and when, logs a touchpoint on each recipient (resetting their keep-in-touch clock), notes it on the application, and moves it to Sent.

f writes a follow-up to the same person (after a rejection reply, a feedback request). t manages templates: duplicate a built-in one and make it yours."""

    DEFAULT_CSS = """
    OutreachScreen #ol-body { height: 1fr; }
    OutreachScreen #ol-filter { display: none; height: 1; margin: 0 1; }
    OutreachScreen #ol-filter.-shown { display: block; }
    OutreachScreen #ol-table { height: 45%; min-height: 5; }
    OutreachScreen #ol-empty { height: auto; padding: 1 2; display: none; }
    OutreachScreen #ol-empty.-shown { display: block; }
    OutreachScreen #ol-preview-box { height: 1fr; border-top: solid $panel; padding: 0 1; }
    """

    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False, id="outreach.down"),
        Binding("k,up", "cursor_up", "Up", show=False, id="outreach.up"),
        Binding("enter", "open", "Open", show=False, id="outreach.open"),
        Binding("n", "new", "New", id="outreach.new"),
        Binding("e", "edit", "Edit", id="outreach.edit"),
        Binding("y", "copy", "Copy", id="outreach.copy"),
        Binding("m", "mark_sent", "Mark sent", id="outreach.mark_sent"),
        Binding("s", "handoff", "Save…", id="outreach.handoff"),
        Binding("p", "put_off", "Put off", id="outreach.put_off"),
        Binding("f", "follow_up", "Follow-up", id="outreach.follow_up"),
        Binding("d", "delete", "Delete", id="outreach.delete"),
        Binding("t", "templates", "Templates", show=False, id="outreach.templates"),
        Binding("Y", "copy_subject", "Copy subject", show=False, id="outreach.copy_subject"),
        Binding("slash", "filter", "Filter", show=False, id="outreach.filter"),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="outreach.clear_filter"),
    ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._selected_id: str | None = None
        self._filter = ""
        self._rows: list[Draft] = []
        self._width = 0

    # ------------------------------------------------------------------ building

    def compose_body(self) -> ComposeResult:
        with Vertical(id="ol-body"):
            yield Input(placeholder="filter: kind, name, company, status… (escape clears)", id="ol-filter",
                        compact=True)
            table = DataTable(id="ol-table", cursor_type="row", zebra_stripes=False)
            table.show_row_labels = False
            yield table
            yield Static("", id="ol-empty")
            with VerticalScroll(id="ol-preview-box"):
                yield Static("", id="ol-preview")

    def on_mount(self) -> None:
        super().on_mount()
        self.refresh_data()
        self.query_one("#ol-table", DataTable).focus()

    def on_resize(self, event) -> None:
        if abs(event.size.width - self._width) >= 1 and self.is_mounted:
            self.refresh_data()

    # ------------------------------------------------------------------ the list

    def _columns(self, width: int) -> list[tuple[str, str, int]]:
        fixed = [("status", "Status", 7), ("kind", "Kind", 15), ("channel", "Via", 7), ("updated", "Updated", 9)]
        overhead = 2 * 6 + 2  # cell padding, scrollbar
        room = max(16, width - overhead - sum(w for _, _, w in fixed))
        to_w = max(8, room * 4 // 9)
        app_w = max(8, room - to_w)
        return [fixed[0], fixed[1], ("to", "To", to_w), ("app", "Application", app_w), fixed[2], fixed[3]]

    def refresh_data(self, select_id: str | None = None) -> None:
        if not self.is_mounted:
            return
        if select_id:
            self._selected_id = select_id
        table = self.query_one("#ol-table", DataTable)
        width = self.size.width or 80
        self._width = width
        today = clock.today()
        contacts = {c.id: c for c in self.store.contacts.all()} if self.store.drafts.count() else {}
        drafts = self.store.drafts.listing(today)
        query = self._filter.lower().split()
        rows: list[tuple[Draft, list]] = []
        for d in drafts:
            status = display_status(d, today)
            to = recipient_label(d, contacts)
            application = self.store.applications.get(d.application_id)
            app_title = application.title if application else ""
            if query:
                hay = " ".join([status, d.kind, KIND_LABELS.get(d.kind, ""), to, app_title, d.channel,
                                d.subject]).lower()
                if not all(w in hay for w in query):
                    continue
            rows.append((d, [status, d.kind, to, app_title, d.channel, self._when(d, status, today)]))
        cols = self._columns(width)
        table.clear(columns=True)
        for key, label, w in cols:
            table.add_column(label, key=key, width=w)
        widths = [w for _, _, w in cols]
        for d, (status, kind, to, app_title, channel, when) in rows:
            values = [STATUS_CELLS.get(status, status), KIND_SHORT.get(kind, kind), to, app_title or "—",
                      CHANNEL_SHORT.get(channel, channel), when]
            table.add_row(*[cell(clip(v, w)) for v, w in zip(values, widths)], key=d.id)
        self._rows = [d for d, _ in rows]
        empty = self.query_one("#ol-empty", Static)
        if not rows:
            if self._filter:
                empty.update(literal(f"Nothing matches “{clip(self._filter, 40)}”. escape clears the filter."))
            else:
                empty.update(Content.from_markup(
                    "[b]No messages yet.[/b] Press [b]n[/b] to write one from a template: a thank-you after "
                    "an interview, a reply to a rejection, a feedback request, a check-in…\n\n"
                    "From Contacts, [b]c[/b] writes to the selected person."))
        empty.set_class(not rows, "-shown")
        table.display = bool(rows)
        index = 0
        if self._selected_id:
            for i, d in enumerate(self._rows):
                if d.id == self._selected_id:
                    index = i
                    break
        if rows:
            table.move_cursor(row=index, animate=False)
        self._show_preview()

    @staticmethod
    def _when(d: Draft, status: str, today: date) -> str:
        if status == "sent":
            return humanize_ago(from_iso(d.sent_on), today)
        if status == "put off":
            return humanize_until(from_iso(d.put_off_until), today)
        return humanize_ago(from_iso(d.updated_at), today)

    def current(self) -> Draft | None:
        table = self.query_one("#ol-table", DataTable)
        if not self._rows or not table.display:
            return None
        row = table.cursor_row
        if row is None or not (0 <= row < len(self._rows)):
            return None
        return self.store.drafts.get(self._rows[row].id)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        if event.row_key is not None and event.row_key.value:
            self._selected_id = event.row_key.value
        self._show_preview()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    # ------------------------------------------------------------------ the preview

    def _show_preview(self) -> None:
        target = self.query_one("#ol-preview", Static)
        d = self.current()
        if d is None:
            target.update("")
            return
        today = clock.today()
        status = display_status(d, today)
        to = recipient_label(d, store=self.store)
        application = self.store.applications.get(d.application_id)
        head = [Content.assemble((KIND_LABELS.get(d.kind, d.kind), "bold"), " to ", (clip(to, 60), "bold"),
                                 f" · {CHANNEL_LABELS.get(d.channel, d.channel)}")]
        if application is not None:
            head.append(Content.assemble(("About ", "dim"), clip(application.title, 70)))
        if status == "sent":
            when = from_iso(d.sent_on)
            head.append(Content(f"✓ Sent {day_date(when) if when else ''} via "
                                f"{CHANNEL_LABELS.get(d.channel, d.channel)}. Kept as sent."))
            subject = d.sent_subject
            body = d.sent_body or d.body
            text = Content.assemble(*(
                [("Subject: ", "bold"), subject, "\n\n"] if subject else []), body)
            target.update(Content("\n").join(head + [Content(""), text]))
            return
        if status in ("put off", "due"):
            until = from_iso(d.put_off_until)
            word = "Due today" if status == "due" else "Put off until"
            head.append(Content(f"◷ {word} {day_date(until) if until else ''} (p brings it back now)"))
        a = assess(self.store, d)
        body = DraftEditor._preview_content(a)
        status = self._summary(a)  # first: at 80x24 the message itself may need scrolling
        target.update(Content("\n").join(head + status + [Content(""), body]))

    @staticmethod
    def _summary(a: Assessment) -> list[Content]:
        out: list[Content] = []
        if a.cooloff:
            out.append(Content(a.cooloff.text() + " p puts it off until tomorrow.").stylize("bold"))
        out.append(Content("   ".join(c.text(hint=c.over) for c in a.counts)))
        for problem in a.blockers:
            out.append(Content("✗ " + problem).stylize("bold"))
        if a.findings:
            labels = []
            for _, f in a.findings:
                if f.label not in labels:
                    labels.append(f.label)
            out.append(Content(f"! Tone: {len(a.findings)} note(s): {', '.join(labels)} (e opens the details)"))
        elif not a.rendered.error:
            out.append(Content("✓ Tone: nothing noticed"))
        if not a.blockers and not a.confirms:
            out.append(Content("Ready: y copies it, then m marks it sent.").stylize("bold"))
        return out

    # ------------------------------------------------------------------ moving

    def action_cursor_down(self) -> None:
        self.query_one("#ol-table", DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one("#ol-table", DataTable).action_cursor_up()

    def action_filter(self) -> None:
        box = self.query_one("#ol-filter", Input)
        box.add_class("-shown")
        box.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "ol-filter":
            event.stop()
            self._filter = event.value
            self.refresh_data()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "ol-filter":
            event.stop()
            self.query_one("#ol-table", DataTable).focus()

    def action_clear_filter(self) -> None:
        box = self.query_one("#ol-filter", Input)
        if not self._filter and not box.has_class("-shown"):
            return
        self._filter = ""
        box.value = ""
        box.remove_class("-shown")
        self.refresh_data()
        self.query_one("#ol-table", DataTable).focus()

    # ------------------------------------------------------------------ writing

    def _open_editor(self, draft: Draft, *, is_new: bool) -> None:
        def closed(saved_id: str | None) -> None:
            self.refresh_data(select_id=saved_id)
            self.query_one("#ol-table", DataTable).focus()
            if saved_id:
                d = self.store.drafts.get(saved_id)
                if d is not None and d.status != "put off":
                    self.notify("Draft saved. y copies it; m marks it sent once it's gone.", markup=False,
                                timeout=4)

        self.app.push_screen(DraftEditor(draft, is_new=is_new, on_put_off=self._put_off_saved), closed)

    def _close_editors(self) -> None:
        """Before opening another draft: save an open editor's changes, close what is on top."""
        stack = self.app.screen_stack
        if self not in stack:
            return
        while self.app.screen is not self:
            top = self.app.screen
            if isinstance(top, DraftEditor) and top.changed:
                if self.rapp.write(self.store.drafts.save, top.collect()):
                    self.notify("Saved the draft you had open.", markup=False, timeout=3)
            self.app.pop_screen()

    def start_draft(self, kind: str | None = None, contact_ids: list[str] | None = None,
                    application_id: str | None = None, draft_id: str | None = None) -> None:
        """Entry point for other screens (contacts ``c``, the board, Today): open the editor prefilled
        with recipient, application and kind, or on an existing draft."""
        self._close_editors()
        if draft_id:
            d = self.store.drafts.get(draft_id)
            if d is None:
                self.notify("That draft no longer exists.", markup=False)
                return
            self.refresh_data(select_id=d.id)
            if d.status == "sent":
                return
            self._open_editor(d, is_new=False)
            return
        ids = [i for i in (contact_ids or []) if self.store.contacts.get(i) is not None]
        if application_id and self.store.applications.get(application_id) is None:
            application_id = None
        if kind is None:
            probe = application_id or shared_application(self.store, ids)
            suggestion = suggest_kind(self.store, probe, ids)
            self._pick_template(lambda tid: self._create(tid, ids, application_id),
                                highlight=suggestion, title=self._pick_title(ids, application_id))
            return
        template = self.store.templates.default_for(kind)
        self._create(template.id, ids, application_id)

    def _pick_title(self, ids: list[str], application_id: str | None) -> str:
        people = [self.store.contacts.get(i) for i in ids]
        names = ", ".join(p.display_name for p in people if p)
        if names:
            return f"New message to {clip(names, 40)}: what kind?"
        application = self.store.applications.get(application_id)
        if application is not None:
            return f"New message about {clip(application.title, 40)}: what kind?"
        return "New message: what kind?"

    def _pick_template(self, then: Callable[[str], None], *, highlight: str | None = None,
                       title: str = "New message: what kind?") -> None:
        def picked(tid: str | None) -> None:
            if tid:
                then(tid)

        self.app.push_screen(TemplatePicker(self.store.templates.every(), title=title, highlight=highlight,
                                            message="Each kind comes with its channel, length and timing."),
                             picked)

    def _create(self, template_id: str, contact_ids: list[str], application_id: str | None,
                recipient_name: str = "", recipient_email: str = "") -> None:
        template = self.store.templates.lookup(template_id)
        if template is None:
            return
        if application_id is None:
            application_id = application_for_message(self.store, template.kind, contact_ids)
        elif not contact_ids and not recipient_name:
            contact_ids = default_recipients(self.store, template.kind, application_id)
        contacts = [c for c in (self.store.contacts.get(i) for i in contact_ids) if c is not None]
        if len(contacts) > 1:
            drafts = [new_draft(template, contacts=[c], application_id=application_id) for c in contacts]

            def save_all() -> None:
                with self.store.batch():
                    self.store.drafts.save_many(drafts)

            if self.rapp.write(save_all):
                self.refresh_data(select_id=drafts[0].id)
                self.notify(f"{len(drafts)} drafts, one per person: personal notes land better than a group "
                            "email. The others wait in the list.", markup=False, timeout=6)
                first = self.store.drafts.get(drafts[0].id)
                if first is not None:
                    self._open_editor(first, is_new=False)
            return
        d = new_draft(template, contacts=contacts, recipient_name=recipient_name,
                      recipient_email=recipient_email, application_id=application_id)
        self._open_editor(d, is_new=True)

    def action_new(self) -> None:
        self._pick_template(lambda tid: self._create(tid, [], None))

    def action_open(self) -> None:
        d = self.current()
        if d is None:
            return
        if d.status == "sent":
            self.notify("Sent messages are kept as they went out (shown below). f writes a follow-up; "
                        "ctrl+p › Reuse as a new draft copies it for someone else.",
                        markup=False, timeout=4)
            return
        self._open_editor(d, is_new=False)

    def action_edit(self) -> None:
        self.action_open()

    def action_reuse(self) -> None:
        """A new draft with the selected message's kind, channel and text, for someone else."""
        d = self.current()
        if d is None:
            return
        copy = Draft(kind=d.kind, channel=d.channel, subject=d.subject, body=d.body, template_id=d.template_id)
        self._open_editor(copy, is_new=True)
        self.notify("A copy to send to someone else: ctrl+t picks the recipient.", markup=False, timeout=4)

    def action_follow_up(self) -> None:
        d = self.current()
        if d is None:
            self.action_new()
            return
        who = recipient_label(d, store=self.store)
        suggestion = FOLLOW_UPS.get(d.kind, "check-in")
        if d.application_id:
            suggestion = suggest_kind(self.store, d.application_id, d.contact_ids)
        self._pick_template(
            lambda tid: self._create(tid, list(d.contact_ids), d.application_id,
                                     d.recipient_name if not d.contact_ids else "",
                                     d.recipient_email if not d.contact_ids else ""),
            highlight=suggestion, title=f"Follow-up to {clip(who, 40)}: what kind?")

    def action_delete(self) -> None:
        d = self.current()
        if d is None:
            return
        sent = d.status == "sent"

        def decided(ok: bool | None) -> None:
            if ok and self.rapp.write(self.store.drafts.delete, d.id):
                self.refresh_data()
                self.notify("Deleted.", markup=False, timeout=3)

        message = (f"{KIND_LABELS.get(d.kind, d.kind)} to {recipient_label(d, store=self.store)}. "
                   + ("The touchpoint it logged stays on the contact." if sent else "This can't be undone."))
        self.app.push_screen(ConfirmDialog("Delete this sent message?" if sent else "Delete this draft?",
                                           message, confirm="Delete", cancel="Keep", danger=True), decided)

    # ------------------------------------------------------------------ putting off

    def _put_off_saved(self, d: Draft) -> None:
        """Put a saved draft off until tomorrow (or say so when the editor already did)."""
        saved = self.store.drafts.get(d.id)
        if saved is None:
            return
        if saved.status != "put off" and not self.rapp.write(self.store.drafts.put_off, d.id):
            return
        self.refresh_data(select_id=d.id)
        self.notify(f"Put off until {day_date(clock.today() + timedelta(days=1))}; it shows as due then.",
                    markup=False, timeout=4)

    def action_put_off(self) -> None:
        d = self.current()
        if d is None:
            return
        if d.status == "sent":
            self.notify("This one was already sent.", markup=False, timeout=3)
            return
        if d.status == "put off":
            if self.rapp.write(self.store.drafts.bring_back, d.id):
                self.refresh_data(select_id=d.id)
                self.notify("Back with the drafts.", markup=False, timeout=3)
            return
        self._put_off_saved(d)

    # ------------------------------------------------------------------ hand-off

    def _gate(self, d: Draft, verb: str, then: Callable[[Assessment], None], *, limits: bool = True) -> None:
        """Refuse while slots or values are missing; ask first when over a limit or cooling off."""
        a = assess(self.store, d)
        if a.blockers:
            first = a.blockers[0]
            more = f" (+{len(a.blockers) - 1} more)" if len(a.blockers) > 1 else ""
            self.notify(f"Not yet: {first}{more}. e opens the draft.", title=f"{verb}: not yet",
                        severity="warning", markup=False, timeout=6)
            return
        confirms = [c for c in a.confirms if limits or not c.startswith("Over the limit")]
        if not confirms:
            then(a)
            return

        def decided(choice: str | None) -> None:
            if choice == "go":
                then(a)
            elif choice == "later":
                self._put_off_saved(d)

        choices = [("go", f"{verb} anyway")]
        if a.cooloff:
            choices.append(("later", "Put it off until tomorrow"))
        choices.append(("cancel", "Not now"))
        # while cooling off, enter means "sleep on it"; over a limit, it means "yes, I know"
        selected = "later" if a.cooloff else "go"
        self.app.push_screen(ChoiceDialog(f"{verb}?", choices, message="\n\n".join(confirms), selected=selected),
                             decided)

    def _copy(self, text: str, what: str, d: Draft) -> None:
        self.app.copy_to_clipboard(text)
        if d.status != "sent" and not self.store.read_only:
            self.rapp.write(self.store.drafts.note_copied, d.id)
        words = len(text.split())
        self.notify(f"Copied {what} to the clipboard ({words} words). Paste it into your mail or LinkedIn; "
                    f"m marks it sent once it's gone.\n{CLIPBOARD_HINT}", title="Copied", markup=False, timeout=8)

    def action_copy(self) -> None:
        d = self.current()
        if d is None:
            return
        if d.status == "sent":
            self._copy(d.sent_body or d.body, "the message as sent", d)
            return
        self._gate(d, "Copy", lambda a: self._copy(a.body, "the message", d))

    def action_copy_subject(self) -> None:
        d = self.current()
        if d is None:
            return
        if d.status == "sent":
            if d.sent_subject:
                self._copy(d.sent_subject, "the subject", d)
            return

        def go(a: Assessment) -> None:
            if not a.subject:
                self.notify("This message has no subject (only email and InMail have one).", markup=False)
                return
            self._copy(a.subject, "the subject", d)

        self._gate(d, "Copy", go)

    def action_handoff(self) -> None:
        d = self.current()
        if d is None:
            return
        choices = [("txt", "Save as a text file (.txt)"),
                   ("eml", "Save as an email file (.eml): opens as a draft in most mail programs"),
                   ("mailto", "Copy a mailto: link: opens your mail program with it filled in"),
                   ("subject", "Copy the subject")]

        def chosen(choice: str | None) -> None:
            if choice == "txt":
                self.action_save_text()
            elif choice == "eml":
                self.action_save_eml()
            elif choice == "mailto":
                self.action_copy_mailto()
            elif choice == "subject":
                self.action_copy_subject()

        self.app.push_screen(ChoiceDialog("Hand it over", choices,
                                          message="Files go to the exports folder in your data folder; only you "
                                                  "can read them."), chosen)

    def _texts(self, d: Draft, then: Callable[[str, str], None], verb: str) -> None:
        if d.status == "sent":
            then(d.sent_subject, d.sent_body or d.body)
            return
        self._gate(d, verb, lambda a: then(a.subject, a.body))

    def _saved(self, path) -> None:
        self.notify(f"Saved to {path} (readable only by you).", title="Saved", markup=False, timeout=8)

    def action_save_text(self) -> None:
        d = self.current()
        if d is None:
            return

        def go(subject: str, body: str) -> None:
            result: list = []
            ok = self.rapp.write(lambda: result.append(save_text(
                self.store.data_dir, kind=d.kind, recipient=recipient_label(d, store=self.store),
                subject=subject, body=body)))
            if ok and result:
                if d.status != "sent" and not self.store.read_only:
                    self.rapp.write(self.store.drafts.note_copied, d.id)
                self._saved(result[0])

        self._texts(d, self._guard_os(go), "Save")

    def action_save_eml(self) -> None:
        d = self.current()
        if d is None:
            return

        def go(subject: str, body: str) -> None:
            result: list = []
            ok = self.rapp.write(lambda: result.append(save_eml(
                self.store.data_dir, kind=d.kind, recipients=self._recipients(d), subject=subject, body=body)))
            if ok and result:
                if d.status != "sent" and not self.store.read_only:
                    self.rapp.write(self.store.drafts.note_copied, d.id)
                note = "" if self._address(d) else " It has no To address: add one to the contact."
                self._saved(f"{result[0]}.{note}" if note else result[0])

        self._texts(d, self._guard_os(go), "Save")

    def _guard_os(self, fn: Callable[[str, str], None]) -> Callable[[str, str], None]:
        def wrapped(subject: str, body: str) -> None:
            try:
                fn(subject, body)
            except OSError as exc:
                self.notify(f"Not saved: {exc.strerror or exc}.", title="Not saved", severity="error",
                            markup=False)

        return wrapped

    def _recipients(self, d: Draft) -> list[tuple[str, str]]:
        people = [c for c in (self.store.contacts.get(i) for i in d.contact_ids) if c is not None]
        if people:
            return [(c.display_name, c.emails[0] if c.emails else "") for c in people]
        return [(d.recipient_name, d.recipient_email)]

    def _address(self, d: Draft) -> str:
        for cid in d.contact_ids:
            c = self.store.contacts.get(cid)
            if c is not None and c.emails:
                return c.emails[0]
        return d.recipient_email if is_email(d.recipient_email) else ""

    def action_copy_mailto(self) -> None:
        d = self.current()
        if d is None:
            return
        addresses = []
        for cid in d.contact_ids:
            c = self.store.contacts.get(cid)
            if c is not None and c.emails:
                addresses.append(c.emails[0])
        if not addresses and is_email(d.recipient_email):
            addresses.append(d.recipient_email)

        def go(subject: str, body: str) -> None:
            link = mailto(addresses, subject, body)
            self.app.copy_to_clipboard(link)
            extra = "" if addresses else " It has no address: add an email to the contact."
            if len(link) > MAILTO_SAFE_LENGTH:
                extra += (f" It is {len(link):,} characters long; some mail programs cut links after "
                          f"{MAILTO_SAFE_LENGTH:,}, so the .eml file (s) is safer.")
            self.notify(f"Copied a mailto: link; paste it into your browser's address bar or a terminal "
                        f"that opens links.{extra}", title="Copied", markup=False, timeout=8)

        self._texts(d, go, "Copy")

    # ------------------------------------------------------------------ mark sent

    def action_mark_sent(self) -> None:
        d = self.current()
        if d is None:
            return
        if d.status == "sent":
            self.notify(f"Already marked sent on {d.sent_on}.", markup=False, timeout=3)
            return
        self._gate(d, "Mark sent", lambda a: self._ask_sent(d, a), limits=False)

    def _ask_sent(self, d: Draft, a: Assessment) -> None:
        def done(info: SentInfo | None) -> None:
            if info is None:
                return
            ok = self.rapp.write(self.store.drafts.mark_sent, d.id, channel=info.channel, on=info.on,
                                 subject=a.subject, body=a.body)
            if not ok:
                return
            self.refresh_data(select_id=d.id)
            who = recipient_label(d, store=self.store)
            nxt = FOLLOW_UPS.get(d.kind)
            hint = f" Next, perhaps a {nxt}: press f." if nxt else ""
            self.notify(f"Marked sent to {who} ({info.on.isoformat()}, {CHANNEL_LABELS.get(info.channel)}).{hint}",
                        title="Sent", markup=False, timeout=6)

        self.app.push_screen(MarkSentDialog(channel=d.channel, effects=effects_of_sending(self.store, d)), done)

    # ------------------------------------------------------------------ templates

    def action_templates(self) -> None:
        from tui.outreach.templates import TemplatesScreen

        self.app.push_screen(TemplatesScreen())

    # ------------------------------------------------------------------ the shell's hooks

    def palette_commands(self):
        P = PaletteCommand
        yield P("Outreach: new message", "Pick a kind and write it (n)", self.action_new)
        for kind, label in KIND_LABELS.items():
            yield P(f"Outreach: new {label.lower()}", "Start from this kind's template",
                    lambda k=kind: self.start_draft(kind=k))
        yield P("Outreach: open / edit", "Edit the selected draft (enter, e)", self.action_edit)
        yield P("Outreach: copy message", "Copy the rendered message to the clipboard (y)", self.action_copy)
        yield P("Outreach: copy subject", "Copy the subject line (Y)", self.action_copy_subject)
        yield P("Outreach: save to a text file", "Save the message in the exports folder (.txt)",
                self.action_save_text)
        yield P("Outreach: save as an email file (.eml)", "Opens as a draft in most mail programs",
                self.action_save_eml)
        yield P("Outreach: copy a mailto: link", "A link that opens your mail program filled in",
                self.action_copy_mailto)
        yield P("Outreach: mark sent", "Log it on the contact and the application (m)", self.action_mark_sent)
        yield P("Outreach: put off until tomorrow / bring back", "Sleep on it (p)", self.action_put_off)
        yield P("Outreach: follow-up to the same person", "A new message to the same recipient (f)",
                self.action_follow_up)
        yield P("Outreach: reuse as a new draft", "Same kind and text, for someone else", self.action_reuse)
        yield P("Outreach: delete", "Delete the selected message (d)", self.action_delete)
        yield P("Outreach: templates", "Your templates; duplicate a built-in one (t)", self.action_templates)
        yield P("Outreach: filter the list", "Type to narrow the list (/)", self.action_filter)
