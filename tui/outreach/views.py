"""How drafts look: the list's rows and columns, the preview under the list, the editor's check
panel and rendered preview, and the editor's help. Functions of plain values (and the store, read
only); user text is always literal content."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Select, Static

from store.dates import from_iso, humanize_ago, humanize_until, long_date
from store.models import DRAFT_CHANNELS, DRAFT_KINDS, Contact, Draft
from store.outreach import (
    CHANNEL_LABELS,
    CHANNEL_SHORT,
    PLACEHOLDERS,
    WHERE_MINE,
    Assessment,
    assess,
    display_status,
    recipient_label,
    suggest,
)
from store.templates import KIND_LABELS, guidance
from widgets.outreach_text import marked
from widgets.slot_text import SlotInput, SlotTextArea
from widgets.spans import Span
from widgets.usertext import clip, literal

if TYPE_CHECKING:
    from store.db import Store

STATUS_CELLS = {"due": "● due", "draft": "✎ draft", "put off": "◷ later", "sent": "✓ sent"}
KIND_SHORT = {
    "thank-you": "thank-you", "rejection reply": "rejection reply", "feedback request": "feedback ask",
    "connection note": "connect note", "check-in": "check-in", "holiday greeting": "holiday",
    "congratulations": "congrats", "article": "article", "reconnect": "reconnect",
    "interviewer thanks": "interviewer thanks", "feedback thanks": "feedback thanks",
    "close the loop": "close the loop", "runner-up": "runner-up", "other": "other",
}


def _placeholder_help() -> str:
    return "\n".join(f"  {{{{ {p.name} }}}}  {p.help} — e.g. {p.example}" for p in PLACEHOLDERS)


EDITOR_HELP = f"""Write the message itself: Rebound fills in its template once, from the contact, the application, your settings (name, signature) and today's date, and what you see is exactly what gets copied and sent. Filled-in values are underlined; edit them like any other words.

Slots: «one specific thing you discussed» marks something only you can write, and «me.name» a value Rebound doesn't have (type the words, or add it to the contact, the application or Settings). tab selects the next slot and shift+tab the previous one, so typing replaces it; past the last slot, tab moves on to the next field. A message can't be copied or marked sent while a slot is left.

The panel on the right says "✓ Ready" only when every check passes; otherwise it lists what is left: slots to fill, the channel's limit (LinkedIn note 200 characters free / 300 Premium; InMail subject 200, body 2,000; email gets soft guidance per kind), what the tone check noticed (it informs; it never blocks), a cool-off after a rejection.

Changing the Kind loads that kind's template while the message is untouched; once you have edited it, Rebound asks whether to keep your text or replace it. Picking someone else (ctrl+t) or an application (ctrl+o) fills the values in again and leaves your own words alone.

Templates (t on the list) are where template code lives: placeholders such as {{{{ contact.first_name }}}}, slots such as {{{{ ask("…") }}}}, {{% if %}} and filters. Placeholders:
{_placeholder_help()}

ctrl+s saves, escape cancels (asks if you changed something), ctrl+e edits the subject and body in $EDITOR (the message as it reads), ctrl+t picks the recipient, ctrl+o the application, ctrl+l starts over from a template.

When the tone check finds words that may read as hostile, ctrl+g (or the palette: "Draft: keep it as an unsent letter") moves the draft to your journal as an unsent letter, a private free write tagged "unsent letter", and starts the draft again from its template. Sometimes what needed writing was never meant to be sent."""  # noqa: E501


# ----------------------------------------------------------------------------- the list

LIST_HELP = """Thank-you notes, replies to a rejection, feedback requests and check-ins, drafted from templates with what Rebound already knows, checked for length and tone, and handed to your mail or LinkedIn. Rebound never sends anything itself.

The list shows drafts and sent messages: ● due (snoozed until today), ✎ draft, ◷ later (snoozed), ✓ sent. The pane below previews the selected one, with slots to fill «like this».

A draft linked to a rejection from the last day (Settings: cool-off hours), or one the tone check finds hostile, suggests sleeping on it: copying and marking sent ask first, and z snoozes it until tomorrow.

y copies the message with OSC 52 (works over SSH; in tmux add 'set -g set-clipboard on'; Y copies the subject). ctrl+s saves it as a text file, an .eml email file (opens as a draft in most mail programs), or copies a mailto: link; files go to the exports folder in your data folder, readable only by you. m records that you sent it: asks how and when, logs a touchpoint on each recipient (resetting their keep-in-touch clock), notes it on the application, and moves it to Sent.

f writes a follow-up to the same person (after a rejection reply, a feedback request). t manages templates: duplicate a built-in one and make it yours."""  # noqa: E501


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    width: int


def columns(width: int) -> list[Column]:
    """The list's columns for a screen ``width`` wide: To and Application share what is left."""
    fixed = [Column("status", "Status", 7), Column("kind", "Kind", 15), Column("channel", "Via", 7),
             Column("updated", "Updated", 9)]
    overhead = 2 * 6 + 2  # cell padding, scrollbar
    room = max(16, width - overhead - sum(c.width for c in fixed))
    to_w = max(8, room * 4 // 9)
    app_w = max(8, room - to_w)
    return [fixed[0], fixed[1], Column("to", "To", to_w), Column("app", "Application", app_w), fixed[2], fixed[3]]


def when(d: Draft, status: str, today: date) -> str:
    if status == "sent":
        return humanize_ago(from_iso(d.sent_on), today)
    if status == "put off":
        return humanize_until(from_iso(d.put_off_until), today)
    return humanize_ago(from_iso(d.updated_at), today)


def empty_message(query: str) -> Content:
    """What the list says when it is empty: nothing matches the filter, or nothing written yet."""
    if query:
        return literal(f"Nothing matches “{clip(query, 40)}”. escape clears the filter.")
    return Content.from_markup(
        "[b]No messages yet.[/b] Press [b]n[/b] to write one from a template: a thank-you after "
        "an interview, a reply to a rejection, a feedback request, a check-in…\n\n"
        "From Contacts, [b]c[/b] writes to the selected person.")


def pick_title(store: Store, ids: list[str], application_id: str | None) -> str:
    """The kind picker's question for a new message to these people about this application."""
    names = ", ".join(p.display_name for p in (store.contacts.get(i) for i in ids) if p)
    if names:
        return f"New message to {clip(names, 40)}: what kind?"
    application = store.applications.get(application_id)
    if application is not None:
        return f"New message about {clip(application.title, 40)}: what kind?"
    return "New message: what kind?"


def list_rows(store: Store, today: date, query: str) -> list[tuple[Draft, list[str]]]:
    """Each draft matching every word of ``query``, with its cells (full text, clipped later)."""
    contacts: dict[str, Contact] = {c.id: c for c in store.contacts.all()} if store.drafts.count() else {}
    words = query.lower().split()
    rows: list[tuple[Draft, list[str]]] = []
    for d in store.drafts.listing(today):
        status = display_status(d, today)
        to = recipient_label(d, contacts)
        application = store.applications.get(d.application_id)
        app_title = application.title if application else ""
        if words:
            hay = " ".join([status, d.kind, KIND_LABELS.get(d.kind, ""), to, app_title, d.channel,
                            d.subject]).lower()
            if not all(w in hay for w in words):
                continue
        rows.append((d, [STATUS_CELLS.get(status, status), KIND_SHORT.get(d.kind, d.kind), to, app_title or "—",
                         CHANNEL_SHORT.get(d.channel, d.channel), when(d, status, today)]))
    return rows


# ----------------------------------------------------------------------------- the preview under the list


def list_preview(store: Store, d: Draft, today: date) -> Content:
    """The selected message: who, about what, its state, its check, and the text."""
    status = display_status(d, today)
    to = recipient_label(d, store=store)
    application = store.applications.get(d.application_id)
    head = [Content.assemble((KIND_LABELS.get(d.kind, d.kind), "bold"), " to ", (clip(to, 60), "bold"),
                             f" · {CHANNEL_LABELS.get(d.channel, d.channel)}")]
    if application is not None:
        head.append(Content.assemble(("About ", "dim"), clip(application.title, 70)))
    if status == "sent":
        sent_on = from_iso(d.sent_on)
        head.append(Content(f"✓ Sent {long_date(sent_on)} via "
                            f"{CHANNEL_LABELS.get(d.channel, d.channel)}. Kept as sent."))
        subject = d.sent_subject
        text = Content.assemble(("Subject: ", "bold"), subject, "\n\n", d.sent_body or d.body) if subject \
            else Content(d.sent_body or d.body)
        return Content("\n").join([*head, Content(""), text])
    if status in ("put off", "due"):
        until = from_iso(d.put_off_until)
        word = "Due today" if status == "due" else "Snoozed until"
        head.append(Content(f"◷ {word} {long_date(until)} (p brings it back now)"))
    a = assess(store, d)
    # the summary first: at 80x24 the message itself may need scrolling
    return Content("\n").join([*head, *summary(a), Content(""), preview(a)])


def summary(a: Assessment) -> list[Content]:
    out: list[Content] = []
    if a.cooloff:
        out.append(Content(a.cooloff.text() + " p snoozes it until tomorrow.").stylize("bold"))
    out.append(Content("   ".join(c.text(hint=c.over) for c in a.counts)))
    for problem in a.blockers:
        out.append(Content("✗ " + problem).stylize("bold"))
    if a.findings:
        labels: list[str] = []
        for _, f in a.findings:
            if f.label not in labels:
                labels.append(f.label)
        out.append(Content(f"! Tone: {len(a.findings)} note(s): {', '.join(labels)} (e opens the details)"))
    elif not a.rendered.error:
        out.append(Content("✓ Tone: nothing noticed"))
    if a.ready:
        out.append(Content("Ready: y copies it, then m marks it sent.").stylize("bold"))
    return out


# ----------------------------------------------------------------------------- the editor

EDITOR_CSS = """
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
DraftEditor #ed-check-box { width: 32; height: 1fr; padding: 0 1; border-left: vkey $panel; }
"""

def editor_widgets(d: Draft, kind: str, subject_spans: list[Span], body_spans: list[Span]) -> ComposeResult:
    """The draft editor's fields: kind and channel, To, About, subject, body and the check panel."""
    with Vertical(id="editor"):
        with Horizontal(classes="form-row"):
            yield Static("Kind", classes="form-label")
            yield Select([(KIND_LABELS[k], k) for k in DRAFT_KINDS], value=kind, allow_blank=False,
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
            yield SlotInput(d.subject, subject_spans, compact=True, id="ed-subject", placeholder="subject line")
        yield Static("", id="ed-cooloff", classes="-hidden")
        with Horizontal(id="ed-main"):
            yield SlotTextArea(d.body, body_spans, id="ed-body")
            with VerticalScroll(id="ed-check-box"):
                yield Static("", id="ed-check")


NOT_HOSTILE = "The tone check found nothing hostile here: ctrl+g is for a draft you'd rather not send."
KEPT_AS_LETTER = ("Kept in your journal as an unsent letter (3 › Journal); the draft starts again from its "
                  "template.")


def is_hostile(a: Assessment | None) -> bool:
    """The tone check found words that may read as hostile (then the draft can become an unsent letter)."""
    return a is not None and any(f.hostile for _, f in a.findings)


def cooloff_hint(a: Assessment) -> str:
    """The editor's "sleep on it" line, with the keys that act on it ("" when there is no cool-off)."""
    if not a.cooloff:
        return ""
    hint = a.cooloff.text() + " (ctrl+p › Snooze until tomorrow"
    return hint + (" · ctrl+g keeps it as an unsent letter in your journal)" if is_hostile(a) else ")")



def preview(a: Assessment) -> Content:
    """The rendered message with slots, missing values and tone findings marked."""
    body_spans = list(a.rendered.body.spans)
    body_spans += [(f.start, f.end, "tone") for part, f in a.findings if part == "body"]
    body = marked(a.rendered.body.text, body_spans)
    if not a.has_subject:
        return body
    subj_spans = list(a.rendered.subject.spans)
    subj_spans += [(f.start, f.end, "tone") for part, f in a.findings if part == "subject"]
    return Content.assemble(("Subject: ", "bold"), marked(a.rendered.subject.text, subj_spans), "\n\n", body)


def check_lines(d: Draft, a: Assessment, timing: str) -> list[tuple[str, str]]:
    """The editor's check panel as (style, text) lines: ready or what is left, then the counts, slots,
    missing values, tone and advice."""
    left = a.left
    if left:
        out: list[tuple[str, str]] = [("bold", "Left to do")] + [("", line) for line in left]
    else:
        out = [("bold", "✓ Ready: ctrl+s, then y copies")]
    out.append(("", ""))
    for c in a.counts:
        style = "bold reverse" if c.over else ("bold" if c.state in ("near", "long") else "")
        out.append((style, c.text(hint=c.over)))
    r = a.rendered
    if r.error:
        out += [("", ""), ("bold", "✗ Can't render"), ("", r.error)]
    if r.slots:
        out += [("", ""), ("bold", f"Fill in ({len(r.slots)}) · tab")]
        out += [("reverse", f"» {s}") for s in r.slots]
    if r.missing:
        out += [("", ""), ("bold", "Missing values")]
        out += [("", f"» {m}") for m in r.missing]
        if any(m.startswith("me.") for m in r.missing):
            out.append(("dim", WHERE_MINE[0].upper() + WHERE_MINE[1:] + "."))
        if any(not m.startswith("me.") for m in r.missing):
            out.append(("dim", "Type the words, or add them to the contact or application."))
    if r.unknown:
        out += [("", ""), ("bold", "Unknown placeholders")]
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
    if a.settled:
        out.append(("", a.settled))
    g = guidance(d.kind)
    if timing or g.text:
        out += [("", ""), ("bold", "Timing and length")]
        if timing:
            out.append(("dim", timing))
        if g.text and d.channel not in ("linkedin note", "inmail"):
            out.append(("dim", g.text[0].upper() + g.text[1:] + "."))
    return out


def recipient_text(store: Store, d: Draft) -> str:
    """The editor's To line: the contacts (with the address when there is one person), or the free name."""
    contacts = [c for c in (store.contacts.get(i) for i in d.contact_ids) if c is not None]
    if contacts:
        label = ", ".join(c.display_name for c in contacts)
        if len(contacts) == 1 and contacts[0].emails:
            label += f" <{contacts[0].emails[0]}>"
        return label
    if d.recipient_name or d.recipient_email:
        return d.recipient_name + (f" <{d.recipient_email}>" if d.recipient_email else "")
    return "(nobody yet) — ctrl+t picks a contact or types a name"


def application_text(store: Store, d: Draft) -> str:
    application = store.applications.get(d.application_id)
    return application.title if application else "(no application) — ctrl+o links one"
