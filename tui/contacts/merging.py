"""Merge contacts: two records of one person (marked with space) become one.

``M`` (or ctrl+p → "Merge the two marked contacts…") asks which name stays, then which value stays
for each field the two fill differently, then confirms with "Cancel" focused (a merge can't be
undone from the app; the other record is kept inside the one that stays). Everything else follows:
touchpoints, linked applications and drafts move over, notes are appended, tags and emails combined
(:meth:`store.contacts.ContactRepo.merge`, one write).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from textual.app import App
from textual.events import Mount
from textual.widgets import Button

from store.contacts import ContactRow
from store.merge import Difference, differences
from store.models import Contact
from tui.contacts import menus
from tui.contacts.actions import ContactsActions, Done
from tui.dialogs import ConfirmDialog

Then = Callable[[Done | None], object]

NEED_TWO = "Mark the two records of one person with space, then merge them (M or ctrl+p)."


class MergeConfirm(ConfirmDialog):
    """The last question before a merge, with the safe answer (cancel) under the cursor."""

    def on_mount(self, event: Mount | None = None) -> None:
        if event is not None:
            event.prevent_default()  # the confirm dialog's own handler would focus "Merge"
        self.query_one("#cancel", Button).focus()


def _about(actions: ContactsActions, c: Contact) -> str:
    n = len(actions.touchpoints(c.id))
    bits = [b for b in (c.title, c.company, c.emails[0] if c.emails else "") if b]
    bits.append(f"{n} touchpoint{'s' if n != 1 else ''}")
    return f"{c.display_name} — {', '.join(bits)}"


def merge(app: App[Any], actions: ContactsActions, rows: Sequence[ContactRow], then: Then) -> None:
    """Which name stays, which fields, a confirmation, then the merge (one write)."""
    if len(rows) != 2:
        app.notify(NEED_TWO, markup=False)
        return
    a, b = rows[0].contact, rows[1].contact
    if a.display_name == b.display_name:
        keep, other = (a, b) if a.created_at <= b.created_at else (b, a)
        _fields(app, actions, keep, other, then)
        return

    def chosen(stays: Contact) -> None:
        _fields(app, actions, stays, b if stays is a else a, then)

    menus.choose(app, "Merge: which name stays?", [(a, _about(actions, a)), (b, _about(actions, b))], chosen,
                 message="The other record's touchpoints, applications and notes move to it.")


def _fields(app: App[Any], actions: ContactsActions, keep: Contact, other: Contact, then: Then) -> None:
    """One question per field the two fill differently; then the confirmation."""
    diffs = differences(keep, other)
    take: set[str] = set()

    def ask(i: int) -> None:
        if i >= len(diffs):
            _confirm(app, actions, keep, other, diffs, take, then)
            return
        d = diffs[i]

        def chosen(theirs: bool) -> None:
            if theirs:
                take.add(d.field)
            ask(i + 1)

        options = [(False, f"{d.kept}  (from {keep.display_name})"), (True, f"{d.other}  (from {other.display_name})")]
        menus.choose(app, f"Merge: which {d.label} stays?", options, chosen, message="Escape: don't merge.")

    ask(0)


def confirm_text(actions: ContactsActions, keep: Contact, other: Contact, diffs: Sequence[Difference],
                 take: set[str]) -> str:
    touches, apps, drafts = actions.links(other.id)
    kept = [f"{d.label} {d.other if d.field in take else d.kept}" for d in diffs]
    lines = [f"{keep.display_name} stays" + (f", with {'; '.join(kept)}" if kept else "") + ".",
             f"From {other.display_name}: {touches} touchpoint(s), {apps} linked application(s) and {drafts} "
             "draft(s) move over; notes are appended; tags and emails are combined.",
             f"{other.display_name}'s record is kept inside {keep.display_name}'s, so nothing is lost."]
    return "\n".join(lines)


def _confirm(app: App[Any], actions: ContactsActions, keep: Contact, other: Contact, diffs: Sequence[Difference],
             take: set[str], then: Then) -> None:
    def decided(ok: bool | None) -> None:
        if ok:
            then(actions.merge_contacts(keep.id, other.id, take))

    app.push_screen(MergeConfirm(f"Merge {other.display_name} into {keep.display_name}?",
                                 confirm_text(actions, keep, other, diffs, take), confirm="Merge",
                                 cancel="Cancel"), decided)
