"""Contacts and touchpoints: the repositories and the cadence rules."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .models import Contact, Touchpoint
from .repo import Repo

if TYPE_CHECKING:
    from .db import Store

QUALIFYING_DIRECTIONS = ("out", "two-way")


class ContactRepo(Repo[Contact]):
    pass


class TouchpointRepo(Repo[Touchpoint]):
    def for_contact(self, contact_id: str) -> list[Touchpoint]:
        return sorted((t for t in self._models().values() if contact_id in t.contact_ids),
                      key=lambda t: (t.date, t.created_at), reverse=True)


def log_touchpoint(store: "Store", tp: Touchpoint) -> Touchpoint:
    """Save a touchpoint and reset the cadence clock of every contact it covers.

    Shared entry point (the contacts list's ``l``, the composer's mark-sent, the board's follow-up).
    Call it inside ``store.batch()`` when it is part of a larger action.
    """
    with store.batch():
        saved = store.touchpoints.save(tp)
        changed = []
        for cid in tp.contact_ids:
            c = store.contacts.get(cid)
            if c is None:
                continue
            c = c.copy()
            if tp.direction in QUALIFYING_DIRECTIONS and (c.last_touch_on or "") < tp.date:
                c.last_touch_on = tp.date
                c.snoozed_until = None
            if (c.last_any_touch_on or "") < tp.date:
                c.last_any_touch_on = tp.date
            changed.append(c)
        store.contacts.save_many(changed)
    return saved
