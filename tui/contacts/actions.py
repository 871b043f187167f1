"""What the contacts screen does, without the screen: plain Python over ``app.write`` and the store.

Every change is one call of ``write`` (``ReboundApp.write``: it runs the store function, shows a
refusal or a failed save, and says whether the change took effect) with one store function, so
each is one atomic write. A method returns a :class:`Done` saying what to tell the user and which
contacts it was about, or ``None`` when the change was refused (``write`` has already said why).

No Textual here: the tests drive it with a :class:`~store.db.Store` and a stand-in ``write``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from store import clock
from store import contacts as C
from store.contacts_export import write_export
from store.dates import humanize_until, short_date
from store.errors import NotFoundError, RuleError
from store.linkedin import ImportPlan
from store.models import Contact, Touchpoint

if TYPE_CHECKING:
    from store.db import Store

#: ``ReboundApp.write``: run ``fn(*args, **kwargs)``; True when the change took effect.
Write = Callable[..., bool]
#: Runs a callable once the next frame is painted (``App.call_after_refresh``).
AfterPaint = Callable[[Callable[[], None]], object]


@dataclass(frozen=True)
class Done:
    """A change went through (or, for an export, was tried): what to tell the user."""

    message: str = ""
    #: The contacts it was about (they are unmarked, and the next in line moves up).
    ids: tuple[str, ...] = ()
    #: How long the notification stays (None: the default).
    timeout: float | None = None
    error: bool = False


def who(names: Sequence[str]) -> str:
    """``Ana Almeida`` for one, ``3 contacts`` for several."""
    return names[0] if len(names) == 1 else f"{len(names)} contacts"


class ContactsActions:
    """Create, edit and delete contacts; log, edit and delete touchpoints; snooze, pause, link
    applications, import, export and set cadences."""

    def __init__(self, write: Write, store: Store, after_paint: AfterPaint | None = None) -> None:
        self.write = write
        self.store = store
        #: Runs a callable once the next frame is painted (``call_after_refresh``); None: a logged
        #: touchpoint is saved before :meth:`log_touchpoint` returns, as every other write is.
        self.after_paint = after_paint

    def _painted_first(self, fn: Callable[..., Any], *args: Any) -> bool:
        """``fn`` through ``write`` with its save right after the frame that shows it (when the
        screen gave ``after_paint``); quitting saves it all the same, a failed save is said then."""
        if self.after_paint is None:
            return self.write(fn, *args)
        with self.store.deferred():
            done = self.write(fn, *args)
        if self.store.dirty:
            self.after_paint(self.save_now)
        return done

    def save_now(self) -> None:
        """Save what a change left in memory (a failure is said as any failed save is)."""
        if self.store.dirty and not self.store.read_only:
            self.write(self.store.flush)

    # -- reading (for the dialogs)

    def name(self, contact_id: str) -> str | None:
        """The contact's display name, or None when it is gone."""
        c = self.store.contacts.get(contact_id)
        return c.display_name if c is not None else None

    def names(self, ids: Sequence[str]) -> list[str]:
        """Display names of the contacts that still exist, in order."""
        return [c.display_name for i in ids if (c := self.store.contacts.get(i)) is not None]

    def contact_choices(self) -> list[tuple[str, str]]:
        """(id, "Name — company, email") of everyone, by name: the contact pickers' list."""
        out = []
        for c in self.store.contacts.by_name():
            extra = ", ".join(x for x in (c.company, c.emails[0] if c.emails else "") if x)
            out.append((c.id, f"{c.display_name}" + (f" — {extra}" if extra else "")))
        return out

    def touchpoints(self, contact_id: str) -> list[Touchpoint]:
        return self.store.touchpoints.for_contact(contact_id)

    # -- contacts

    def save_contact(self, contact: Contact, *, is_new: bool) -> Done | None:
        if not self.write(self.store.contacts.edit, contact):
            return None
        return Done(f"{'Added' if is_new else 'Saved'} {contact.display_name}.", (contact.id,))

    def delete_contacts(self, ids: Sequence[str]) -> Done | None:
        """Delete them with their own touchpoints (shared ones just drop them): one write."""
        names = self.names(ids)

        def delete_all() -> None:
            with self.store.batch():
                for i in ids:
                    self.store.contacts.remove(i)

        if not self.write(delete_all):
            return None
        return Done(f"Deleted {names[0] if len(ids) == 1 and names else f'{len(ids)} contacts'}.", tuple(ids))

    def keep_contact(self, contact: Contact) -> None:
        """The terminal went away with the form open and valid: save it (no UI to tell)."""
        if not self.store.read_only:
            self.store.contacts.edit(contact)

    # -- touchpoints

    def prepare_log(self) -> None:
        """What logging needs, built while the dialog is open (not when ctrl+s is pressed)."""
        self.store.touchpoints.prepare()
        self.store.contacts.prepare()

    def log_touchpoint(self, tp: Touchpoint) -> Done | None:
        if not self._painted_first(self.store.touchpoints.log, tp):
            return None
        return Done(self.logged_message(tp), tuple(tp.contact_ids))

    def logged_message(self, tp: Touchpoint) -> str:
        people = [c for i in tp.contact_ids if (c := self.store.contacts.get(i)) is not None]
        if len(people) == 1:
            c = people[0]
            info = C.due_info(c, self.store.settings.current())
            nxt = (f" Next check-in {short_date(info.due)} ({humanize_until(info.due, compact=True)})."
                   if info.due else "")
            counted = "" if tp.direction in C.QUALIFYING_DIRECTIONS else " (inbound: the clock keeps running)"
            return f"Logged a {tp.kind} with {c.display_name}{counted}.{nxt}"
        return f"Logged a {tp.kind} with {len(people)} contacts."

    def save_touchpoint(self, tp: Touchpoint) -> Done | None:
        """A touchpoint edited (or logged) from a contact's timeline."""
        if not self.write(self.store.touchpoints.log, tp):
            return None
        return Done("Touchpoint saved; the last touch is recomputed.", tuple(tp.contact_ids))

    def delete_touchpoint(self, tp: Touchpoint) -> Done | None:
        if not self.write(self.store.touchpoints.remove, tp.id):
            return None
        return Done("Touchpoint deleted; the last touch is recomputed.", tuple(tp.contact_ids))

    def keep_touchpoint(self, tp: Touchpoint) -> None:
        """The terminal went away with the touchpoint dialog open and valid: log it."""
        if not self.store.read_only:
            self.store.touchpoints.log(tp)

    # -- snooze, pause, status

    def snooze(self, ids: Sequence[str], until: date | None) -> Done | None:
        """Until a day; None ends the snooze now."""
        names = self.names(ids)
        if not self.write(self.store.contacts.snooze, list(ids), until):
            return None
        if until is None:
            return Done(f"Snooze ended for {who(names)}.", tuple(ids))
        return Done(f"Snoozed {who(names)} until {short_date(until)}.", tuple(ids))

    def pause(self, ids: Sequence[str], until: date | None) -> Done | None:
        """Until a day; None pauses until resumed by hand."""
        names = self.names(ids)
        if not self.write(self.store.contacts.pause, list(ids), until):
            return None
        when = f"until {short_date(until)}" if until else "until you resume"
        return Done(f"Paused {who(names)} {when}.", tuple(ids))

    def set_status(self, ids: Sequence[str], status: str) -> Done | None:
        """active, archived or do not contact."""
        names = self.names(ids)
        if not ids or not self.write(self.store.contacts.set_status, list(ids), status):
            return None
        return Done(f"{who(names)}: {status}.", tuple(ids))

    def pause_all(self, days: int) -> Done | None:
        if not self.write(self.store.settings.pause_reminders, days):
            return None
        end = clock.today() + timedelta(days=days - 1)
        return Done(f"All reminders paused until {short_date(end)}. Due dates move after it, spread out so "
                    "you don't come back to a wall.")

    def resume_all(self) -> Done | None:
        if not self.write(self.store.settings.resume_reminders):
            return None
        return Done("Reminders are back on.")

    # -- applications

    def link_application(self, contact_id: str, application_id: str) -> Done | None:
        if not self.write(self.store.contacts.link_application, contact_id, application_id):
            return None
        return Done("Linked. News on that application will suggest a reason to reach out.", (contact_id,))

    def unlink_application(self, contact_id: str, application_id: str) -> Done | None:
        if not self.write(self.store.contacts.link_application, contact_id, application_id, False):
            return None
        return Done("", (contact_id,))

    # -- merging two records of one person

    def links(self, contact_id: str) -> tuple[int, int, int]:
        """(touchpoints, linked applications, drafts) that point at the contact."""
        store = self.store
        return (len(store.touchpoints.for_contact(contact_id)),
                len(store.applications.find(lambda a: contact_id in a.contact_ids)),
                len(store.drafts.find(lambda d: contact_id in d.contact_ids)))

    def merge_contacts(self, keep_id: str, other_id: str, take: Iterable[str] = ()) -> Done | None:
        """``other_id`` into ``keep_id`` (the fields in ``take`` from the other): one write."""
        names = self.names([keep_id, other_id])
        try:
            if not self.write(self.store.contacts.merge, keep_id, other_id, tuple(take)):
                return None
        except (NotFoundError, RuleError) as exc:
            return Done(f"Not merged: {exc}", error=True)
        touches = len(self.store.touchpoints.for_contact(keep_id))
        return Done(f"Merged {names[1]} into {names[0]}: {touches} touchpoint(s) and every link now with "
                    f"{names[0]}.", (keep_id,)) if len(names) == 2 else Done("Merged.", (keep_id,))

    # -- import, export, settings

    def import_linkedin(self, plan: ImportPlan) -> Done | None:
        if not self.write(self.store.contacts.apply_import, plan):
            return None
        jobs = len(plan.job_changes)
        extra = f" {jobs} changed jobs: see the ones suggesting a congratulations." if jobs else ""
        return Done(f"Imported: {len(plan.added):,} added, {len(plan.updated):,} updated, "
                    f"{len(plan.skipped):,} skipped.{extra}", timeout=10)

    def export(self, fmt: str) -> Done:
        """``csv`` (contacts) or ``ics`` (next due dates) into the exports folder; no store change."""
        try:
            path, count = write_export(self.store, fmt)
        except OSError as exc:
            return Done(f"Export failed: {exc.strerror or exc}", error=True)
        what = "next check-ins" if fmt == "ics" else "contacts"
        return Done(f"Exported {count} {what} to {path} (readable only by you).", timeout=10)

    def set_cadence(self, value: str, role: str = "") -> Done | None:
        """The default cadence (``role`` empty), or a role's (``value`` empty: back to the default)."""
        settings = self.store.settings.current()
        change: dict[str, Any]
        if role:
            cadences = dict(settings.role_cadences or {})
            if value:
                cadences[role] = value
            else:
                cadences.pop(role, None)
            change = {"role_cadences": cadences}
        else:
            change = {"default_cadence": value}
        if not self.write(self.store.settings.update, **change):
            return None
        return Done("Cadence default saved; a contact's own setting still wins.")
