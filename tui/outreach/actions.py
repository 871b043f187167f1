"""What the Outreach screens do, without the screens: plain Python over the store and ``app.write``.

:class:`OutreachActions` creates, saves, puts off and deletes drafts, marks them sent (one write),
saves them to files, builds ``mailto:`` links, and keeps the user's templates. Every change goes
through the ``write`` callable it is given (``ReboundApp.write`` in the app: it shows refusals and
save errors, and says whether the change took effect). It returns small values the UI turns into
words; it never imports Textual, so it is tested without an app.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from store import clock
from store.handoff import is_email, mailto, save_eml, save_text
from store.models import Draft, JournalEntry, Template
from store.outreach import (
    FOLLOW_UPS,
    SUBJECT_CHANNELS,
    application_for_message,
    build_context,
    context_for,
    default_recipients,
    new_draft,
    put_off_copy,
    recipient_label,
    render,
    shared_application,
    suggest_kind,
)
from store.outreach_fill import filled_draft
from store.paths import DataDirError
from tui.outreach.results import (
    ApplicationChoice,
    Entry,
    FileFormat,
    MailtoLink,
    NewDrafts,
    Recipients,
    SavedFile,
    Sent,
    SentInfo,
    TemplateSaved,
    UnsentLetter,
)

if TYPE_CHECKING:
    from store.db import Store

log = logging.getLogger("rebound")

#: ``ReboundApp.write``: runs ``fn(*args, **kwargs)``; True when the change took effect.
Write = Callable[..., bool]
T = TypeVar("T")

#: The tag of a draft kept in the journal instead of being sent.
UNSENT_TAG = "unsent letter"
#: Kinds that are about one application: picking their recipients links it when they share one.
APPLICATION_KINDS = ("thank-you", "rejection reply", "feedback request")


class OutreachActions:
    """The work behind the Outreach screen, the draft editor and the templates."""

    def __init__(self, store: Store, write: Write) -> None:
        self.store = store
        self._write = write

    def _result(self, fn: Callable[[], T]) -> T | None:
        """Run ``fn`` through ``write``; its value when it returned one and the change took effect."""
        box: list[T] = []
        ok = self._write(lambda: box.append(fn()))
        return box[0] if ok and box else None

    # ------------------------------------------------------------------ starting drafts

    def entry(self, contact_ids: Iterable[str] = (), application_id: str | None = None) -> Entry:
        ids = [i for i in contact_ids if self.store.contacts.get(i) is not None]
        if application_id and self.store.applications.get(application_id) is None:
            application_id = None
        return Entry(ids, application_id)

    def suggested_kind(self, entry: Entry) -> str:
        """The kind to highlight in the picker for a message to these people about this application."""
        probe = entry.application_id or shared_application(self.store, entry.contact_ids)
        return suggest_kind(self.store, probe, entry.contact_ids)

    def follow_up_kind(self, draft: Draft) -> str:
        if draft.application_id:
            return suggest_kind(self.store, draft.application_id, draft.contact_ids)
        return FOLLOW_UPS.get(draft.kind, "check-in")

    def start(self, template_id: str, contact_ids: Sequence[str] = (), application_id: str | None = None,
              recipient_name: str = "", recipient_email: str = "") -> NewDrafts | None:
        """Drafts from a template. Several contacts get one draft each (personal notes land better than
        a group email), saved in one write; one person (or none) gets one unsaved draft to edit."""
        template = self.store.templates.lookup(template_id)
        if template is None:
            return None
        ids = list(contact_ids)
        if application_id is None:
            application_id = application_for_message(self.store, template.kind, ids)
        elif not ids and not recipient_name:
            ids = default_recipients(self.store, template.kind, application_id)
        contacts = [c for c in (self.store.contacts.get(i) for i in ids) if c is not None]
        if len(contacts) <= 1:
            return NewDrafts([self._filled(new_draft(template, contacts=contacts, recipient_name=recipient_name,
                                                     recipient_email=recipient_email,
                                                     application_id=application_id))], saved=False)
        drafts = [self._filled(new_draft(template, contacts=[c], application_id=application_id)) for c in contacts]

        def save_all() -> None:
            with self.store.batch():
                self.store.drafts.save_many(drafts)

        if not self._write(save_all):
            return None
        return NewDrafts([self.store.drafts.get(d.id) or d for d in drafts], saved=True)

    def follow_up(self, draft: Draft, template_id: str) -> NewDrafts | None:
        """A new message to the same person (or free name), about the same application."""
        free = not draft.contact_ids
        return self.start(template_id, draft.contact_ids, draft.application_id,
                          draft.recipient_name if free else "", draft.recipient_email if free else "")

    def _filled(self, draft: Draft) -> Draft:
        """``draft`` (holding template text) filled in: the message itself."""
        return filled_draft(draft, context_for(self.store, draft), subject=draft.subject, body=draft.body)[0]

    @staticmethod
    def reuse(draft: Draft) -> Draft:
        """A new, unsaved draft with the same kind, channel, text and marks, for someone else."""
        return Draft(kind=draft.kind, channel=draft.channel, subject=draft.subject, body=draft.body,
                     template_id=draft.template_id, rendered=draft.rendered, marks=list(draft.marks))

    # ------------------------------------------------------------------ editing

    def save_draft(self, draft: Draft) -> Draft | None:
        """Save it; the stored draft, or None when the save was refused."""
        if not self._write(self.store.drafts.save, draft):
            return None
        return self.store.drafts.get(draft.id) or draft

    def save_put_off(self, draft: Draft) -> Draft | None:
        """Save it put off until tomorrow, in one write (the editor's "sleep on it")."""
        d = put_off_copy(draft)
        return d if self._write(self.store.drafts.save, d) else None

    def unsent_letter(self, draft: Draft, template: Template | None) -> UnsentLetter | None:
        """Keep ``draft``'s words in the journal as an unsent letter (a free write tagged
        :data:`UNSENT_TAG`, linked to the same application) and start the draft again from ``template``
        (without one, the kind's default): both in one write, so the words are never lost. None when
        refused."""
        words = draft.body.strip()
        if draft.channel in SUBJECT_CHANNELS and draft.subject.strip():
            words = f"Subject: {draft.subject.strip()}\n\n{words}"
        to = recipient_label(draft, store=self.store) if draft.contact_ids or draft.recipient_name else ""
        letter = JournalEntry(kind="freewrite", title=f"Unsent letter to {to}" if to else "Unsent letter",
                              body=words, tags=[UNSENT_TAG], application_id=draft.application_id)
        template = template or self.store.templates.default_for(draft.kind)
        fresh = draft.copy()
        fresh.subject, fresh.body, fresh.template_id = template.subject, template.body, template.id
        fresh = self._filled(fresh)

        def keep() -> Draft:
            with self.store.batch():
                self.store.journal.finish(letter)
                return self.store.drafts.save(fresh)

        saved = self._result(keep)
        return UnsentLetter(letter.id, saved) if saved is not None else None

    def with_recipients(self, draft: Draft, chosen: Recipients) -> Draft:
        """``draft`` addressed to the picked contacts (their shared application linked, for kinds
        about one) or to a free name."""
        d = draft.copy()
        d.contact_ids = list(chosen.contact_ids)
        if not chosen.contact_ids:
            d.recipient_name, d.recipient_email = chosen.name, chosen.email
            return d
        people = [p for p in (self.store.contacts.get(i) for i in chosen.contact_ids) if p is not None]
        d.recipient_name = ", ".join(p.display_name for p in people)
        d.recipient_email = people[0].emails[0] if people and people[0].emails else ""
        if not d.application_id and d.kind in APPLICATION_KINDS:
            linked = {a for p in people for a in p.application_ids}
            if len(linked) == 1:
                d.application_id = linked.pop()
        return d

    @staticmethod
    def with_application(draft: Draft, chosen: ApplicationChoice) -> Draft:
        d = draft.copy()
        d.application_id = chosen.application_id
        return d

    def contacts_first(self, draft: Draft) -> list[str]:
        """Contact ids to list first in the picker: the people on the draft's application."""
        application = self.store.applications.get(draft.application_id)
        if application is None:
            return []
        return list(application.contact_ids) + [
            c.id for c in self.store.contacts.all() if application.id in c.application_ids]

    def applications_first(self, draft: Draft) -> list[str]:
        """Application ids to list first in the picker: the recipients' applications."""
        people = [c for c in (self.store.contacts.get(i) for i in draft.contact_ids) if c is not None]
        return [a for c in people for a in c.application_ids]

    # ------------------------------------------------------------------ the list's verbs

    def delete(self, draft_id: str) -> bool:
        """``d`` (after asking): one write, which ``u`` puts back."""
        with self.store.undo.recording("deleting that message"):
            return self._write(self.store.drafts.delete, draft_id)

    def put_off(self, draft_id: str) -> date | None:
        """Put a saved draft off until tomorrow (unless the editor already did); the day it is due
        again, or None when nothing happened."""
        saved = self.store.drafts.get(draft_id)
        if saved is None:
            return None
        if saved.status != "put off" and not self._write(self.store.drafts.put_off, draft_id):
            return None
        return clock.today() + timedelta(days=1)

    def bring_back(self, draft_id: str) -> bool:
        return self._write(self.store.drafts.bring_back, draft_id)

    def note_copied(self, draft: Draft) -> None:
        """Stamp a draft as copied (it left Rebound in some form); sent ones stay as they are."""
        if draft.status != "sent" and not self.store.read_only:
            self._write(self.store.drafts.note_copied, draft.id)

    def mark_sent(self, draft: Draft, info: SentInfo, *, subject: str, body: str) -> Sent | None:
        """In one write: a touchpoint on each recipient, a note on the application, the draft to Sent
        (``u`` puts all of it back)."""
        who = recipient_label(draft, store=self.store)
        with self.store.undo.recording(f"marking the message to {who} sent"):
            if not self._write(self.store.drafts.mark_sent, draft.id, channel=info.channel, on=info.on,
                               subject=subject, body=body):
                return None
        return Sent(recipient_label(draft, store=self.store), FOLLOW_UPS.get(draft.kind))

    # ------------------------------------------------------------------ hand-off

    def recipients(self, draft: Draft) -> list[tuple[str, str]]:
        """(name, address) of each recipient, for an ``.eml`` file."""
        people = [c for c in (self.store.contacts.get(i) for i in draft.contact_ids) if c is not None]
        if people:
            return [(c.display_name, c.emails[0] if c.emails else "") for c in people]
        return [(draft.recipient_name, draft.recipient_email)]

    def addresses(self, draft: Draft) -> list[str]:
        """The recipients' email addresses (each contact's first), else the free address if it is one."""
        out = [c.emails[0] for c in (self.store.contacts.get(i) for i in draft.contact_ids)
               if c is not None and c.emails]
        if not out and is_email(draft.recipient_email):
            out.append(draft.recipient_email)
        return out

    def save_file(self, draft: Draft, fmt: FileFormat, *, subject: str, body: str) -> SavedFile | None:
        """Save the message in the exports folder (0600); None when the write was refused."""
        box: list[Path] = []

        def save() -> None:
            if fmt is FileFormat.EML:
                box.append(save_eml(self.store.data_dir, kind=draft.kind, recipients=self.recipients(draft),
                                    subject=subject, body=body))
            else:
                box.append(save_text(self.store.data_dir, kind=draft.kind,
                                     recipient=recipient_label(draft, store=self.store), subject=subject,
                                     body=body))

        try:
            ok = self._write(save)
        except (OSError, DataDirError) as exc:  # shown to the user; the log gets the kind of error only
            log.warning("outreach: saving a .%s file failed: %s (errno %s)", fmt.value, type(exc).__name__,
                        getattr(exc, "errno", None))
            return SavedFile(None, error=str(getattr(exc, "strerror", None) or exc))
        if not (ok and box):
            return None
        self.note_copied(draft)
        return SavedFile(box[0], has_address=fmt is not FileFormat.EML or bool(self.addresses(draft)))

    def mailto(self, draft: Draft, *, subject: str, body: str) -> MailtoLink:
        addresses = self.addresses(draft)
        return MailtoLink(mailto(addresses, subject, body), has_address=bool(addresses))

    # ------------------------------------------------------------------ templates

    def duplicate_template(self, template: Template) -> Template | None:
        return self._result(lambda: self.store.templates.duplicate(template))

    def delete_template(self, template_id: str) -> bool:
        return self._write(self.store.templates.delete_template, template_id)

    def save_template(self, template: Template) -> TemplateSaved:
        """Save one of the user's templates once it renders (a broken one is refused with the reason)."""
        if not template.name:
            return TemplateSaved(False, "A name is needed, e.g. “My thank-you”.", field="name")
        check = render(template.subject, template.body, build_context(contacts=[]))
        if check.error:
            return TemplateSaved(False, check.error)
        return TemplateSaved(self._write(self.store.templates.save_template, template))

    @staticmethod
    def blank_template() -> Template:
        return Template(name="", kind="other", channel="email",
                        body="Hi {{ contact.first_name }},\n\n\n\n{{ me.signature | default(me.name) }}\n")

