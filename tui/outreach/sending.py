"""Getting a draft out of Rebound, which never sends anything itself: ``y`` copies the rendered
message (OSC 52), ``s`` saves it to a ``.txt`` or ``.eml`` file or copies a ``mailto:`` link, ``m``
records that it went out, and ``p`` sleeps on it.

Each verb passes the gate first: missing slots or values refuse (with the reason); a message over a
limit, cooling off after a rejection, or with tone notes asks (the check informs, it never blocks).
The dialogs answer with typed values (:class:`Gate`, :class:`Handoff`, :class:`SentInfo`); the work is
done by :class:`~tui.outreach.actions.OutreachActions`.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any

from textual.app import App
from textual.notifications import SeverityLevel

from store.dates import long_date, short_date
from store.handoff import MAILTO_SAFE_LENGTH
from store.models import Draft
from store.outreach import CHANNEL_LABELS, Assessment, assess, effects_of_sending
from tui.dialogs import ChoiceDialog
from tui.outreach.actions import OutreachActions
from tui.outreach.answers import FileFormat, SentInfo
from tui.outreach.dialogs import MarkSentDialog
from tui.shell.keymap import undo_offer
from tui.shell.trips import StepDone

CLIPBOARD_HINT = ("Nothing arrived? Your terminal may not allow it: in tmux add "
                  "'set -g set-clipboard on'; or press s to save it to a file.")


class Gate(StrEnum):
    """The answers to "Copy anyway?" and friends."""

    GO = "go"
    LATER = "later"
    CANCEL = "cancel"


class Handoff(StrEnum):
    """The ways ``s`` hands a message over."""

    TEXT = "txt"
    EML = "eml"
    MAILTO = "mailto"
    SUBJECT = "subject"


HANDOFF_LABELS = {
    Handoff.TEXT: "Save as a text file (.txt)",
    Handoff.EML: "Save as an email file (.eml): opens as a draft in most mail programs",
    Handoff.MAILTO: "Copy a mailto: link: opens your mail program with it filled in",
    Handoff.SUBJECT: "Copy the subject",
}


class Sending:
    """The Outreach screen's hand-off verbs. ``refresh(draft_id)`` re-reads the list after a change."""

    def __init__(self, app: App[Any], actions: OutreachActions, refresh: Callable[[str | None], None]) -> None:
        self.app = app
        self.actions = actions
        self.store = actions.store
        self._refresh = refresh

    def _notify(self, message: str, *, title: str = "", timeout: float | None = None,
                severity: SeverityLevel = "information") -> None:
        self.app.notify(message, title=title, severity=severity, markup=False, timeout=timeout)

    # ------------------------------------------------------------------ the gate

    def gate(self, d: Draft, verb: str, then: Callable[[Assessment], None], *, limits: bool = True) -> None:
        """Refuse while slots or values are missing; ask first when over a limit or cooling off."""
        a = assess(self.store, d)
        if a.blockers:
            first = a.blockers[0]
            more = f" (+{len(a.blockers) - 1} more)" if len(a.blockers) > 1 else ""
            self._notify(f"Not yet: {first}{more}. e opens the draft.", title=f"{verb}: not yet",
                         severity="warning", timeout=6)
            return
        confirms = [c for c in a.confirms if limits or not c.startswith("Over the limit")]
        if not confirms:
            then(a)
            return

        def decided(choice: str | None) -> None:
            answer = Gate(choice) if choice else Gate.CANCEL
            if answer is Gate.GO:
                then(a)
            elif answer is Gate.LATER:
                self.put_off(d.id)

        choices = [(Gate.GO, f"{verb} anyway")]
        if a.cooloff:
            choices.append((Gate.LATER, "Snooze it until tomorrow"))
        choices.append((Gate.CANCEL, "Not now"))
        # enter picks the safe choice (sleep on it, or not now); "… anyway" has no number, so a digit
        # pressed out of habit never sends it
        selected = Gate.LATER if a.cooloff else Gate.CANCEL
        self.app.push_screen(ChoiceDialog(f"{verb}?", choices, message="\n\n".join(confirms), selected=selected,
                                          unkeyed={Gate.GO}), decided)

    def put_off(self, draft_id: str) -> None:
        """Put a saved draft off until tomorrow (or say so when the editor already did)."""
        until = self.actions.put_off(draft_id)
        if until is None:
            return
        self._refresh(draft_id)
        self._notify(f"Snoozed until {long_date(until)}; it comes back then.", timeout=4)

    def _texts(self, d: Draft, verb: str, then: Callable[[str, str], None]) -> None:
        """``then(subject, body)`` with the text that went out (sent) or the rendered one, past the gate."""
        if d.status == "sent":
            then(d.sent_subject, d.sent_body or d.body)
            return
        self.gate(d, verb, lambda a: then(a.subject, a.body))

    # ------------------------------------------------------------------ copy

    def _copy(self, text: str, what: str, d: Draft) -> None:
        self.app.copy_to_clipboard(text)
        self.actions.note_copied(d)
        words = len(text.split())
        self._notify(f"Copied {what} to the clipboard ({words} words). Paste it into your mail or LinkedIn; "
                     f"m marks it sent once it's gone.\n{CLIPBOARD_HINT}", title="Copied", timeout=8)

    def copy(self, d: Draft) -> None:
        if d.status == "sent":
            self._copy(d.sent_body or d.body, "the message as sent", d)
            return
        self.gate(d, "Copy", lambda a: self._copy(a.body, "the message", d))

    def copy_subject(self, d: Draft) -> None:
        if d.status == "sent":
            if d.sent_subject:
                self._copy(d.sent_subject, "the subject", d)
            return

        def go(a: Assessment) -> None:
            if not a.subject:
                self._notify("This message has no subject (only email and InMail have one).")
                return
            self._copy(a.subject, "the subject", d)

        self.gate(d, "Copy", go)

    # ------------------------------------------------------------------ files and links

    def choose(self, d: Draft) -> None:
        """``s``: how to hand it over."""
        verbs: dict[Handoff, Callable[[], None]] = {
            Handoff.TEXT: lambda: self.save_file(d, FileFormat.TEXT),
            Handoff.EML: lambda: self.save_file(d, FileFormat.EML),
            Handoff.MAILTO: lambda: self.copy_mailto(d),
            Handoff.SUBJECT: lambda: self.copy_subject(d),
        }

        def chosen(choice: str | None) -> None:
            if choice:
                verbs[Handoff(choice)]()

        self.app.push_screen(ChoiceDialog("Hand it over", list(HANDOFF_LABELS.items()),
                                          message="Files go to the exports folder in your data folder; only you "
                                                  "can read them."), chosen)

    def save_file(self, d: Draft, fmt: FileFormat) -> None:
        def go(subject: str, body: str) -> None:
            saved = self.actions.save_file(d, fmt, subject=subject, body=body)
            if saved is None:
                return
            if saved.path is None:
                self._notify(f"Not saved: {saved.error}.", title="Not saved", severity="error")
                return
            note = "" if saved.has_address else ". It has no To address: add one to the contact."
            self._notify(f"Saved to {saved.path}{note} (readable only by you).", title="Saved", timeout=8)

        self._texts(d, "Save", go)

    def copy_mailto(self, d: Draft) -> None:
        def go(subject: str, body: str) -> None:
            link = self.actions.mailto(d, subject=subject, body=body)
            self.app.copy_to_clipboard(link.link)
            extra = "" if link.has_address else " It has no address: add an email to the contact."
            if link.too_long:
                extra += (f" It is {len(link.link):,} characters long; some mail programs cut links after "
                          f"{MAILTO_SAFE_LENGTH:,}, so the .eml file (s) is safer.")
            self._notify(f"Copied a mailto: link; paste it into your browser's address bar or a terminal "
                         f"that opens links.{extra}", title="Copied", timeout=8)

        self._texts(d, "Copy", go)

    # ------------------------------------------------------------------ mark sent

    def mark_sent(self, d: Draft) -> None:
        if d.status == "sent":
            self._notify(f"Already marked sent on {short_date(d.sent_on)}.", timeout=3)
            return
        self.gate(d, "Mark sent", lambda a: self._ask_sent(d, a), limits=False)

    def _ask_sent(self, d: Draft, a: Assessment) -> None:
        def done(info: SentInfo | None) -> None:
            if info is None:
                return
            sent = self.actions.mark_sent(d, info, subject=a.subject, body=a.body)
            if sent is None:
                return
            self._refresh(d.id)
            hint = f" Next, perhaps a {sent.next_kind}: press f." if sent.next_kind else ""
            self._notify(f"Marked sent to {sent.who} ({short_date(info.on)}, {CHANNEL_LABELS.get(info.channel)})."
                         f"{hint} {undo_offer()}", title="Sent", timeout=6)
            self.app.post_message(StepDone())  # a step begun on Today: back there

        self.app.push_screen(MarkSentDialog(channel=d.channel, effects=effects_of_sending(self.store, d)), done)
