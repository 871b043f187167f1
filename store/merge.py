"""Two contact records that are one person, made one.

* :func:`merged_contact` — the record that stays: the fields the person picked, everything else
  filled from either (emails, tags, linked applications and dates unioned; notes appended), and
  the record that goes kept whole inside it (``extra["merged_from"]``), so nothing is lost.
  :meth:`store.contacts.ContactRepo.merge` saves it in one write, with every touchpoint, linked
  application and draft moved over.
* :func:`same_name_rows` / :func:`resolve_same_name` — a LinkedIn row that would be added although
  a contact with the same name is already there (one without a LinkedIn profile, e.g. created from
  an application): the person says "same person" (the row is merged into that contact) or
  "different person" (it is added).

Pure: nothing here saves.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from . import clock
from .linkedin import ImportPlan, Update, name_key, normalize_url
from .models import Application, Contact, ImportantDate

#: Key in the kept record's ``extra``: the records merged into it, as they were.
MERGED_FROM = "merged_from"

#: Fields where two records can disagree and the person picks (the name is picked by choosing which
#: record stays). Each: (field, how it is asked about).
PICKABLE: tuple[tuple[str, str], ...] = (
    ("company", "company"), ("title", "title"), ("role", "role"), ("phone", "phone"),
    ("linkedin_url", "LinkedIn profile"), ("how_met", "how you met"), ("cadence", "cadence"),
    ("status", "status"),
)
#: A field holding this value is empty (the other record's value fills it without asking).
_EMPTY: dict[str, object] = {"role": "other", "status": "active", "cadence": ""}


@dataclass(frozen=True, slots=True)
class Difference:
    """A field both records fill differently: which value stays is the person's choice."""

    field: str
    label: str
    kept: str
    other: str


def _empty(name: str, value: object) -> bool:
    return value in (None, "") or _EMPTY.get(name, object()) == value


def _same(a: object, b: object) -> bool:
    return " ".join(str(a).split()).casefold() == " ".join(str(b).split()).casefold()


def differences(keep: Contact, other: Contact) -> list[Difference]:
    """The pickable fields both records fill with different values (the name is not among them)."""
    out = []
    for name, label in PICKABLE:
        a, b = getattr(keep, name), getattr(other, name)
        if _empty(name, a) or _empty(name, b) or _same(a, b):
            continue
        out.append(Difference(name, label, str(a), str(b)))
    return out


def _union(a: Sequence[str], b: Sequence[str]) -> list[str]:
    seen: dict[str, str] = {}
    for item in [*a, *b]:
        if item.strip():
            seen.setdefault(item.strip().casefold(), item)
    return list(seen.values())


def _appended(a: str, b: str) -> str:
    if not b.strip() or _same(a, b):
        return a
    if not a.strip():
        return b
    return f"{a.rstrip()}\n\n{b.strip()}"


def _dates(a: Sequence[ImportantDate], b: Sequence[ImportantDate]) -> list[ImportantDate]:
    out = list(a)
    keys = {(d.get("kind"), d.get("label"), d.get("month"), d.get("day")) for d in a}
    for d in b:
        if (d.get("kind"), d.get("label"), d.get("month"), d.get("day")) not in keys:
            out.append(d)
    return out


def _earliest(a: str | None, b: str | None) -> str | None:
    present = [d for d in (a, b) if d]
    return min(present) if present else None


def merged_contact(keep: Contact, other: Contact, take: Collection[str] = (), *,
                   keep_record: bool = True) -> Contact:
    """``keep`` (its id and name) with ``other`` folded in: the fields named in ``take`` come from
    ``other``; a field ``keep`` leaves empty is filled from ``other``; emails, tags, linked
    applications, important dates and job changes are unioned; notes and "next time" appended.
    With ``keep_record`` the other record is kept whole in ``extra["merged_from"]``."""
    out = keep.copy()
    for name, _label in PICKABLE:
        theirs = getattr(other, name)
        if _empty(name, theirs):
            continue
        if name in take or _empty(name, getattr(keep, name)):
            setattr(out, name, theirs)
    if out.status != keep.status:  # the other record's pause comes with its status
        out.paused_until = other.paused_until
    out.emails = _union(keep.emails, other.emails)
    out.tags = _union(keep.tags, other.tags)
    out.application_ids = list(dict.fromkeys([*keep.application_ids, *other.application_ids]))
    out.important_dates = _dates(keep.important_dates, other.important_dates)
    out.changes = sorted([*keep.changes, *(c for c in other.changes if c not in keep.changes)],
                         key=lambda c: str(c.get("on") or ""))
    out.notes = _appended(keep.notes, other.notes)
    out.next_time = _appended(keep.next_time, other.next_time)
    out.met_on = _earliest(keep.met_on, other.met_on)
    out.connected_on = _earliest(keep.connected_on, other.connected_on)
    extra: dict[str, Any] = {**{k: v for k, v in other.extra.items() if k != MERGED_FROM}, **keep.extra}
    if keep_record:
        earlier = [r for r in (keep.extra.get(MERGED_FROM), other.extra.get(MERGED_FROM)) if isinstance(r, list)]
        gone = other.to_dict()
        gone.pop("extra", None)
        gone = {k: v for k, v in gone.items() if k != MERGED_FROM}
        extra[MERGED_FROM] = [*(r for lst in earlier for r in lst), {**gone, "merged_on": clock.today().isoformat()}]
    out.extra = extra
    return out


def _names_of(c: Contact) -> set[str]:
    names = {c.display_name.casefold()}
    full = f"{c.first_name} {c.last_name}".strip().casefold()
    if full:
        names.add(full)
    return names


def relinked(app: Application, keep: Contact, other: Contact) -> Application:
    """``app`` pointing at ``keep`` wherever it pointed at ``other`` (the ids, and the names typed on
    the card, so re-linking the card by its names finds the kept record)."""
    out = app.copy()
    out.contact_ids = list(dict.fromkeys(keep.id if i == other.id else i for i in app.contact_ids))
    theirs, ours = _names_of(other), _names_of(keep)
    names: list[str] = []
    for n in app.contact_names:
        if n.casefold() in theirs and n.casefold() not in ours:
            n = keep.display_name
        if n.casefold() not in {x.casefold() for x in names}:
            names.append(n)
    out.contact_names = names
    return out


def moved_ids(ids: Sequence[str], keep_id: str, other_id: str) -> list[str]:
    """A list of contact ids with ``other_id`` replaced by ``keep_id`` (no id twice)."""
    return list(dict.fromkeys(keep_id if i == other_id else i for i in ids))


# --------------------------------------------------------------------------- LinkedIn rows with a known name


@dataclass(frozen=True, slots=True)
class SameName:
    """A LinkedIn row the import would add, and the contact you have with the same name."""

    new: Contact
    existing: Contact

    def describe(self) -> str:
        def bits(c: Contact) -> str:
            found = ", ".join(b for b in (c.title, c.company) if b)
            return f" ({found})" if found else ""

        return f"{self.new.display_name}{bits(self.new)} — you have {self.existing.display_name}{bits(self.existing)}"


def same_name_rows(plan: ImportPlan, existing: Iterable[Contact]) -> list[SameName]:
    """Rows planned as new whose name exactly one contact you have already carries, a contact
    without a LinkedIn profile that the import didn't match otherwise (one a LinkedIn import made
    is matched by the import itself). One question per contact: a name two rows share is left
    as two new contacts."""
    updated = {u.before.id for u in plan.updated}
    by_name: dict[str, list[Contact]] = {}
    for c in existing:
        key = name_key(c.first_name, c.last_name)
        if key:
            by_name.setdefault(key, []).append(c)
    new_by_name: dict[str, list[Contact]] = {}
    for c in plan.added:
        new_by_name.setdefault(name_key(c.first_name, c.last_name), []).append(c)
    out = []
    for key, new in new_by_name.items():
        have = by_name.get(key, [])
        if len(new) != 1 or len(have) != 1:
            continue
        only = have[0]
        if only.id in updated or normalize_url(only.linkedin_url):
            continue
        out.append(SameName(new[0], only))
    return out


def _linkedin_into(existing: Contact, row: Contact) -> tuple[Contact, list[str]]:
    """The contact you have with what the LinkedIn row adds: (after, what changed). A company or
    position that differs is taken from LinkedIn (it is the current one) but not counted as a job
    change: the one you had may be how an application spelled the same employer."""
    after = existing.copy()
    what = ["same person as the contact you have"]
    for name in ("company", "title"):
        value = getattr(row, name)
        if value and not _same(value, getattr(existing, name)):
            what.append(f"{'position' if name == 'title' else name} {getattr(existing, name) or '(none)'} → {value}")
            setattr(after, name, value)
            if name == "title" and existing.role == "other" and row.role != "other":
                after.role = row.role
                what.append(f"role {row.role} (from the position)")
    if row.linkedin_url:
        after.linkedin_url = row.linkedin_url
        what.append("LinkedIn URL added")
    emails = _union(existing.emails, row.emails)
    if len(emails) != len(existing.emails):
        after.emails = emails
        what.append("email added")
    if row.connected_on and not existing.connected_on:
        after.connected_on = row.connected_on
        what.append("connection date added")
    return after, what


def resolve_same_name(plan: ImportPlan, questions: Iterable[SameName], same: Collection[str]) -> ImportPlan:
    """A copy of ``plan`` where each row answered "same person" (its existing contact's id is in
    ``same``) updates that contact instead of being added."""
    merge = {q.new.id: q for q in questions if q.existing.id in same}
    if not merge:
        return plan
    added = [c for c in plan.added if c.id not in merge]
    updated = list(plan.updated)
    for q in merge.values():
        after, what = _linkedin_into(q.existing, q.new)
        updated.append(Update(q.existing, after, what))
    return dataclasses.replace(plan, added=added, updated=updated)
