"""The detail pane of the contacts list: who this is, where you stand, why now, and the timeline.

Fields, the touchpoint timeline (newest first), linked applications, "next time" talking points
and upcoming important dates. Everything the user typed is inserted as plain text into
:class:`~textual.content.Content` (never parsed as markup).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from store import clock
from store.contacts import ContactRow, DueInfo, Reason, upcoming_dates
from store.dates import from_iso, short_date
from store.models import STAGE_LABELS, Application, Contact, Touchpoint
from tui.contacts.format import ago, cadence_sentence, state_sentence
from tui.contacts.rows import ContactList
from tui.shell import keymap
from widgets.contacts_table import BADGES

TIMELINE_SHOWN = 8

Part = tuple[str, str] | str


def _field(parts: list[Part], label: str, value: str) -> None:
    if value:
        parts += [(f"{label:<10}", "bold"), value, "\n"]


def detail_content(contact: Contact, info: DueInfo, reason: Reason | None, touches: Sequence[Touchpoint],
                   apps: Mapping[str, Application], today: date | None = None,
                   linked_ids: Sequence[str] | None = None) -> Content:
    today = today or clock.today()
    c = contact
    parts: list[Part] = [(c.display_name, "bold")]
    if c.preferred_name and c.first_name and c.preferred_name != c.first_name:
        parts += [("  (", "dim"), c.first_name, (")", "dim")]
    parts.append("\n")
    job = " at ".join(x for x in (c.title, c.company) if x)
    if job:
        parts += [job, "\n"]
    parts += [(c.role, "italic"), "\n\n"]

    symbol, _style = BADGES.get(info.state, ("·", ""))
    parts += [(f"{symbol} ", "bold"), (state_sentence(info, today), "bold"), "\n"]
    parts += [("Rhythm    ", "bold"), cadence_sentence(info), "\n"]
    last = f"{short_date(info.last_touch, today)} ({ago(info.last_touch, today)})" if info.last_touch else "never"
    parts += [("Last touch", "bold"), " ", last, "\n"]
    heard = from_iso(c.last_any_touch_on)
    if heard and heard != info.last_touch:
        parts += [("Heard from", "bold"), " ", f"{short_date(heard, today)} ({ago(heard, today)})", "\n"]
    if info.pause_shifted:
        parts += [("Moved past the global pause", "dim"), "\n"]
    if reason is not None:
        article = "an" if reason.kind[:1] in "aeiou" else "a"
        parts += [("Why now   ", "bold"), reason.text, (f"  (c writes {article} {reason.kind})", "dim"), "\n"]
    parts.append("\n")

    if c.next_time.strip():
        parts += [("Next time ", "bold"), c.next_time.strip(), "\n\n"]

    coming = upcoming_dates(c, today, within=60)
    if coming:
        parts += [("Coming up", "bold"), "\n"]
        for d, label, _item in coming:
            parts += [f"  {short_date(d, today)}  ", label, "\n"]
        parts.append("\n")

    _field(parts, "Email", ", ".join(c.emails))
    _field(parts, "Phone", c.phone)
    _field(parts, "LinkedIn", c.linkedin_url)
    met = ", ".join(x for x in (c.how_met, short_date(c.met_on, today)) if x)
    _field(parts, "Met", met)
    if c.connected_on:
        _field(parts, "Connected", short_date(c.connected_on, today) or c.connected_on)
    _field(parts, "Tags", ", ".join(c.tags))
    status: str = c.status
    if c.status == "paused":
        ended = from_iso(c.paused_until)
        if ended is not None and ended <= today:
            status = f"active again (the pause ended {short_date(ended, today)})"
        else:
            status = f"paused until {short_date(c.paused_until, today)}" if c.paused_until else "paused (until resumed)"
    _field(parts, "Status", status)
    if c.snoozed_until and info.snoozed_until:
        _field(parts, "Snoozed", f"until {short_date(c.snoozed_until, today)}")
    parts.append("\n")

    if c.changes:
        parts += [("Job changes", "bold"), "\n"]
        for ch in list(c.changes)[-5:][::-1]:
            if not isinstance(ch, Mapping):
                continue
            before = " at ".join(str(x) for x in (ch.get("from_title"), ch.get("from_company")) if x)
            after = " at ".join(str(x) for x in (ch.get("title"), ch.get("company")) if x)
            on = str(ch.get("on") or "")
            parts += [f"  {short_date(on, today) or on}  ", before or "?", " → ", after or "?", "\n"]
        parts.append("\n")

    ids = c.application_ids if linked_ids is None else linked_ids
    linked = [a for i in ids if (a := apps.get(i)) is not None]
    parts += [("Applications", "bold"), ("  (a: open or link)", "dim"), "\n"]
    if not linked:
        parts += [("  none linked", "dim"), "\n"]
    for a in linked:
        stage = STAGE_LABELS.get(a.stage, a.stage)
        if a.stage == "closed" and a.outcome:
            stage = f"Closed ({a.outcome})"
        parts += ["  ", a.title, (f"  · {stage}", "dim"), "\n"]
    parts.append("\n")

    parts += [("Touchpoints", "bold"), (f"  {len(touches)}", "dim"), ("  (l: log · t: edit or delete)", "dim"),
              "\n"]
    if not touches:
        parts += [("  none yet — press l to log one", "dim"), "\n"]
    for t in touches[:TIMELINE_SHOWN]:
        day = from_iso(t.date)
        when = short_date(day, today) if day else t.date
        arrow = {"out": "→", "in": "←", "two-way": "↔"}.get(t.direction, "·")
        parts += [f"  {when:<11} {arrow} ", f"{t.kind} · {t.channel}"]
        if t.summary:
            parts += [(" — ", "dim"), t.summary.replace("\n", " ")]
        if len(t.contact_ids) > 1:
            parts.append((f"  (+{len(t.contact_ids) - 1} more)", "dim"))
        parts.append("\n")
    if len(touches) > TIMELINE_SHOWN:
        parts += [(f"  … {len(touches) - TIMELINE_SHOWN} older (t shows all)", "dim"), "\n"]

    if c.notes.strip():
        parts += ["\n", ("Notes", "bold"), "\n", c.notes.strip(), "\n"]
    return Content.assemble(*parts)


class ContactDetail(VerticalScroll, can_focus=True):
    """The scrollable pane; ``show`` fills it, ``show_nothing`` empties it. Focused (tab), the
    arrows and ``j``/``k`` scroll it."""

    KEYMAP = "contacts.detail"
    BINDINGS = keymap.bindings(KEYMAP)

    DEFAULT_CSS = """
    ContactDetail { padding: 0 1; background: $surface; }
    ContactDetail > Static { width: 100%; }
    """

    def compose(self) -> ComposeResult:
        yield Static("", id="contact-detail-body")

    def show_row(self, row: ContactRow | None, contacts: ContactList) -> None:
        """The contact of ``row`` (its reason, timeline and applications from ``contacts``)."""
        if row is None:
            self.show_nothing("No contact selected.")
            return
        linked = contacts.linked_ids(row.contact)
        self.show(row.contact, row.info, contacts.reason(row), contacts.touchpoints(row.id), contacts.apps, linked)

    def show(self, contact: Contact, info: DueInfo, reason: Reason | None, touches: Sequence[Touchpoint],
             apps: Mapping[str, Application], linked_ids: Sequence[str] | None = None) -> None:
        self.query_one("#contact-detail-body", Static).update(
            detail_content(contact, info, reason, touches, apps, linked_ids=linked_ids))
        self.scroll_home(animate=False)

    def show_nothing(self, message: str = "") -> None:
        self.query_one("#contact-detail-body", Static).update(Content(message))
