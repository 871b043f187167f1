"""Contacts from vCard 3.0 and 4.0 files (Monica, Apple Contacts, Google Contacts, DAVx5), read with
vobject (``rebound-tui import contacts FILE``).

Read: N, FN, NICKNAME (the name they go by), ORG (the company; a department is dropped), TITLE,
EMAIL (every one), TEL (the preferred or first), SOCIALPROFILE / X-SOCIALPROFILE of type LinkedIn
(or any URL on linkedin.com), CATEGORIES (tags; Google's own ``myContacts`` group left out), BDAY
(with or without a year: ``--0412``, Apple's year 1604), NOTE, UID, and the ``X-REBOUND-*`` fields
Rebound's own export adds (role, cadence, how you met…).

Matching an existing contact: Rebound's id (its own export), then the card's UID, then an email,
then the LinkedIn URL, then the same name at the same company. A match fills what we lacked, adds
emails and tags, and updates company and title; nothing typed in Rebound is erased. New contacts'
first due dates are spread over one cadence, as for a LinkedIn import.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from .. import clock
from ..contacts import cadence_days, effective_cadence
from ..linkedin import normalize_url
from ..models import CADENCES, CONTACT_ROLES, CONTACT_STATUSES, Contact, ImportantDate, Settings
from ..sanitize import clean_line, clean_text
from .common import IMPORT_REF, ImportFormatError, ImportPlan, Skipped, Update, decode, fold

if TYPE_CHECKING:
    from ..db import Store

_BEGIN = re.compile(r"^BEGIN:VCARD\s*$", re.IGNORECASE | re.MULTILINE)
_SYSTEM_GROUPS = {"mycontacts", "starred"}
#: Rebound's own fields, carried as X- properties so an export → import round trip keeps them.
X_FIELDS = {"X-REBOUND-ROLE": "role", "X-REBOUND-CADENCE": "cadence", "X-REBOUND-HOW-MET": "how_met",
            "X-REBOUND-MET-ON": "met_on", "X-REBOUND-STATUS": "status", "X-REBOUND-NEXT-TIME": "next_time",
            "X-REBOUND-CONNECTED-ON": "connected_on", "X-REBOUND-SOURCE": "source"}


@dataclass
class Card:
    line: int
    contact: Contact
    uid: str = ""
    rebound_id: str = ""


@dataclass
class ParsedCards:
    cards: list[Card] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def _text(value: Any) -> str:
    if isinstance(value, list):
        return " ".join(_text(v) for v in value if v)
    return str(value or "")


def _params(prop: Any) -> set[str]:
    out: set[str] = set()
    for key in ("TYPE", "SERVICE-TYPE"):
        for v in prop.params.get(key, []):
            out |= {p.strip().casefold() for p in str(v).split(",")}
    return out


def _props(card: Any, name: str) -> list[Any]:
    return list(card.contents.get(name.lower(), []))


def parse_bday(value: str, params: dict[str, Any] | None = None) -> ImportantDate | None:
    """``1985-04-12``, ``19850412``, ``--0412``, ``--04-12``, Apple's ``1604-04-12`` (no year)."""
    raw = value.strip()
    omit = str((params or {}).get("X-APPLE-OMIT-YEAR", [""])[0])
    m = re.match(r"^(\d{4}|--)-?(\d{2})-?(\d{2})", raw)
    if not m:
        return None
    year = None if m.group(1) == "--" or m.group(1) == omit or m.group(1) == "1604" else int(m.group(1))
    month, day = int(m.group(2)), int(m.group(3))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return {"kind": "birthday", "label": "", "month": month, "day": day, "year": year}


def _linkedin(card: Any) -> str:
    for name in ("socialprofile", "x-socialprofile", "url"):
        for prop in _props(card, name):
            value = _text(prop.value).strip().replace("\\:", ":")  # Google escapes the colon
            kinds = _params(prop)
            if "linkedin.com" in value.casefold() or (name != "url" and "linkedin" in kinds):
                if "linkedin.com" not in value.casefold():
                    value = f"https://www.linkedin.com/in/{value.lstrip('@')}"
                return value
    return ""


def _phone(card: Any) -> str:
    tels = _props(card, "tel")
    tels.sort(key=lambda p: ("pref" not in _params(p) and "1" not in p.params.get("PREF", []),
                             "cell" not in _params(p)))
    return _text(tels[0].value).removeprefix("tel:").strip() if tels else ""


def _names(card: Any) -> tuple[str, str]:
    ns = _props(card, "n")
    if ns:
        n = ns[0].value
        first = " ".join(p for p in (_text(getattr(n, "given", "")), _text(getattr(n, "additional", ""))) if p)
        last = _text(getattr(n, "family", ""))
        if first.strip() or last.strip():
            return first.strip(), last.strip()
    full = _text(_props(card, "fn")[0].value).strip() if _props(card, "fn") else ""
    first, _, last = full.rpartition(" ")
    return (first, last) if first else (full, "")


def card_to_contact(card: Any, line: int) -> Card:
    first, last = _names(card)
    c = Contact(first_name=clean_line(first, limit=200), last_name=clean_line(last, limit=200), source="vcard")
    nick = _props(card, "nickname")
    if nick:
        c.preferred_name = clean_line(_text(nick[0].value), limit=200)
    org = _props(card, "org")
    if org:
        value = org[0].value
        c.company = clean_line(value[0] if isinstance(value, list) and value else _text(value))
    title = _props(card, "title")
    if title:
        c.title = clean_line(_text(title[0].value))
    c.emails = list(dict.fromkeys(clean_line(_text(e.value), limit=320) for e in _props(card, "email")
                                  if "@" in _text(e.value)))
    c.phone = clean_line(_phone(card), limit=100)
    c.linkedin_url = clean_line(_linkedin(card), limit=500)
    tags: list[str] = []
    for prop in _props(card, "categories"):
        values = prop.value if isinstance(prop.value, list) else str(prop.value).split(",")
        tags += [clean_line(t) for t in values if clean_line(t) and fold(t).replace(" ", "") not in _SYSTEM_GROUPS]
    c.tags = list(dict.fromkeys(tags))
    bday = _props(card, "bday")
    if bday:
        found = parse_bday(_text(bday[0].value), bday[0].params)
        if found:
            c.important_dates = [found]
    note = _props(card, "note")
    if note:
        c.notes = clean_text(_text(note[0].value)).strip()
    for prop_name, attr in X_FIELDS.items():
        props = _props(card, prop_name)
        if props:
            raw = _text(props[0].value)
            value = clean_text(raw).strip() if attr == "next_time" else clean_line(raw)
            setattr(c, attr, value or getattr(c, attr))
    _fix_choices(c)
    uid = _text(_props(card, "uid")[0].value).strip() if _props(card, "uid") else ""
    rid = _text(_props(card, "x-rebound-id")[0].value).strip() if _props(card, "x-rebound-id") else ""
    if uid:
        c.extra[IMPORT_REF] = f"vcard:{uid}"
    return Card(line, c, uid, rid)


def _fix_choices(c: Contact) -> None:
    if c.role not in CONTACT_ROLES:
        c.role = "other"
    if c.cadence and c.cadence not in CADENCES:
        c.cadence = ""
    if c.status not in CONTACT_STATUSES:
        c.status = "active"
    for attr in ("met_on", "connected_on"):
        value = getattr(c, attr)
        try:
            setattr(c, attr, date.fromisoformat(value).isoformat() if value else None)
        except ValueError:
            setattr(c, attr, None)


def parse_vcards(data: bytes | str) -> ParsedCards:
    """Every card in the file; a card vobject can't read is skipped with its line, the rest read."""
    import vobject

    text, _enc = decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    starts = [m.start() for m in _BEGIN.finditer(text)]
    if not starts:
        raise ImportFormatError("no contacts found: a vCard file has BEGIN:VCARD lines (.vcf)")
    out = ParsedCards()
    for i, start in enumerate(starts):
        chunk = text[start:starts[i + 1] if i + 1 < len(starts) else len(text)]
        line = text.count("\n", 0, start) + 1
        try:
            found = card_to_contact(vobject.readOne(chunk), line)
        except (vobject.base.VObjectError, ValueError, TypeError, AttributeError, IndexError, KeyError) as exc:
            out.skipped.append(Skipped(line, "", f"a card that can't be read ({type(exc).__name__})"))
            continue
        if not (found.contact.first_name or found.contact.last_name):
            out.skipped.append(Skipped(line, found.contact.company, "no name"))
            continue
        out.cards.append(found)
    return out


class _Index:
    def __init__(self, contacts: Iterable[Contact]) -> None:
        self.by_id: dict[str, Contact] = {}
        self.by_ref: dict[str, Contact] = {}
        self.by_email: dict[str, Contact] = {}
        self.by_url: dict[str, Contact] = {}
        self.by_name: dict[tuple[str, str], Contact] = {}
        for c in contacts:
            self.add(c)

    def add(self, c: Contact) -> None:
        self.by_id[c.id] = c
        ref = c.extra.get(IMPORT_REF)
        if isinstance(ref, str) and ref:
            self.by_ref.setdefault(ref, c)
        for e in c.emails:
            self.by_email.setdefault(e.strip().casefold(), c)
        if c.linkedin_url:
            self.by_url.setdefault(normalize_url(c.linkedin_url), c)
        self.by_name.setdefault((fold(f"{c.first_name} {c.last_name}"), fold(c.company)), c)

    def match(self, card: Card) -> Contact | None:
        c = card.contact
        if card.rebound_id and card.rebound_id in self.by_id:
            return self.by_id[card.rebound_id]
        ref = c.extra.get(IMPORT_REF)
        if isinstance(ref, str) and ref in self.by_ref:
            return self.by_ref[ref]
        for e in c.emails:
            if e.casefold() in self.by_email:
                return self.by_email[e.casefold()]
        if c.linkedin_url and normalize_url(c.linkedin_url) in self.by_url:
            return self.by_url[normalize_url(c.linkedin_url)]
        return self.by_name.get((fold(f"{c.first_name} {c.last_name}"), fold(c.company)))


def _merge(before: Contact, new: Contact) -> tuple[Contact, list[str]]:
    after = before.copy()
    what: list[str] = []
    for attr in ("company", "title"):
        value = getattr(new, attr)
        if value and fold(value) != fold(getattr(before, attr)):
            what.append(f"{attr} {getattr(before, attr) or '(none)'} → {value}")
            setattr(after, attr, value)
    for attr in ("preferred_name", "phone", "linkedin_url", "notes", "how_met", "next_time"):
        if getattr(new, attr) and not getattr(before, attr):
            setattr(after, attr, getattr(new, attr))
            what.append(f"{attr.replace('_', ' ')} added")
    emails = list(dict.fromkeys([*before.emails, *new.emails]))
    if len(emails) != len(before.emails):
        after.emails = emails
        what.append("email added")
    tags = list(dict.fromkeys([*before.tags, *new.tags]))
    if tags != before.tags:
        after.tags = tags
        what.append("tags added")
    if new.important_dates and not any(d.get("kind") == "birthday" for d in before.important_dates):
        after.important_dates = [*before.important_dates, *new.important_dates]
        what.append("birthday added")
    ref = new.extra.get(IMPORT_REF)
    if ref and not before.extra.get(IMPORT_REF):
        after.extra[IMPORT_REF] = ref
    return after, what


def spread_first_due(added: list[Contact], settings: Settings | None, today: date) -> int:
    """First due dates spread evenly over one cadence (so day one is not a wall of reminders)."""
    if not added:
        return 0
    key, _ = effective_cadence(added[0], settings)
    span = cadence_days(key)
    for i, c in enumerate(added):
        if span > 0 and not c.last_touch_on:
            c.first_due_on = (today + timedelta(days=max(1, math.ceil((i + 1) * span / len(added))))).isoformat()
    return span


def plan_contacts(parsed: ParsedCards, existing: Iterable[Contact], settings: Settings | None = None,
                  today: date | None = None) -> ImportPlan[Contact]:
    today = today or clock.today()
    plan: ImportPlan[Contact] = ImportPlan(noun="card", skipped=list(parsed.skipped))
    plan.rows = len(parsed.cards) + len(parsed.skipped)
    index = _Index(existing)
    seen: dict[str, int] = {}
    fresh: list[Contact] = []  # not from Rebound's own export: their first due dates are spread
    for card in parsed.cards:
        c = card.contact
        match = index.match(card)
        if match is not None and match.id in seen and card.rebound_id not in ("", match.id):
            match = None  # Rebound's own export: two ids are two people, however alike
        if match is not None and match.id in seen:
            plan.skipped.append(Skipped(card.line, c.display_name, f"same person as the card on line {seen[match.id]}"))
            continue
        if match is None:
            if card.rebound_id and card.rebound_id not in index.by_id:
                c.id = card.rebound_id
            c.cadence_set_on = today.isoformat()
            plan.added.append(c)
            if not card.rebound_id:
                fresh.append(c)
            index.add(c)
            seen[c.id] = card.line
            continue
        seen[match.id] = card.line
        after, what = _merge(match, c)
        if what:
            plan.updated.append(Update(match, after, what, card.line))
        else:
            plan.unchanged += 1
    spread_first_due(fresh, settings, today)
    return plan


def label(c: Contact) -> str:
    bits = ", ".join(b for b in (c.title, c.company) if b)
    return c.display_name + (f" — {bits}" if bits else "")


def apply_plan(store: Store, plan: ImportPlan[Contact]) -> int:
    records = [*plan.added, *(u.after for u in plan.updated)]
    if not records:
        return 0
    with store.batch():
        store.contacts.save_many(records)
    return len(records)
