"""Contacts as vCard 4.0 (RFC 6350), written with vobject, for Monica, Apple or Google Contacts and
DAVx5; ``rebound-tui import contacts`` reads it back.

Written: FN, N, NICKNAME, ORG, TITLE, EMAIL (the first preferred), TEL, SOCIALPROFILE (RFC 9554)
and X-SOCIALPROFILE (what Apple reads) for LinkedIn, CATEGORIES, BDAY (``--MMDD`` without a year),
NOTE, REV, and a UID that stays the same across exports (a contact imported from a card keeps that
card's UID). Rebound's own fields go in ``X-REBOUND-*`` properties, which other apps ignore.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import UTC
from typing import Any

from ..dates import from_iso_datetime
from ..importing.common import IMPORT_REF
from ..importing.vcard import X_FIELDS
from ..models import Contact
from ..sanitize import clean_line, clean_text

_NAMESPACE = uuid.UUID("6f1d3a52-3c55-4d9e-9b8e-2f0a5c1e7d41")


def uid_for(c: Contact) -> str:
    ref = c.extra.get(IMPORT_REF)
    if isinstance(ref, str) and ref.startswith("vcard:") and len(ref) > 6:
        return ref[6:]
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, c.id)}"


def _add(card: Any, name: str, content: Any, **params: str) -> Any:
    prop = card.add(name)
    prop.value = content
    for key, v in params.items():
        prop.params[key.replace("_", "-").upper()] = [v]
    return prop


def _bday(c: Contact) -> str:
    for d in c.important_dates:
        if d.get("kind") != "birthday":
            continue
        month, day, year = d.get("month"), d.get("day"), d.get("year")
        if not (isinstance(month, int) and isinstance(day, int)):
            continue
        return f"{year:04d}{month:02d}{day:02d}" if isinstance(year, int) and year > 0 else f"--{month:02d}{day:02d}"
    return ""


def contact_card(c: Contact) -> Any:
    import vobject

    card = vobject.vCard()
    _add(card, "version", "4.0")
    _add(card, "prodid", "-//Rebound//rebound-tui//EN")
    _add(card, "uid", uid_for(c))
    _add(card, "x-rebound-id", c.id)
    first, last = clean_line(c.first_name), clean_line(c.last_name)
    _add(card, "fn", clean_line(f"{first} {last}") or clean_line(c.display_name))
    _add(card, "n", vobject.vcard.Name(family=last, given=first))
    if c.preferred_name:
        _add(card, "nickname", clean_line(c.preferred_name))
    if c.company:
        _add(card, "org", [clean_line(c.company)])
    if c.title:
        _add(card, "title", clean_line(c.title))
    for i, email in enumerate(c.emails):
        if i == 0:
            _add(card, "email", clean_line(email), pref="1")
        else:
            _add(card, "email", clean_line(email))
    if c.phone:
        _add(card, "tel", clean_line(c.phone), value="text")
    if c.linkedin_url:
        _add(card, "socialprofile", clean_line(c.linkedin_url), service_type="LinkedIn")
        _add(card, "x-socialprofile", clean_line(c.linkedin_url), type="linkedin")
    if c.tags:
        _add(card, "categories", [clean_line(t) for t in c.tags])
    bday = _bday(c)
    if bday:
        _add(card, "bday", bday)
    if c.notes.strip():
        _add(card, "note", clean_text(c.notes))
    for prop, attr in X_FIELDS.items():
        value = getattr(c, attr)
        if value and not (attr == "role" and value == "other") and not (attr == "status" and value == "active"):
            _add(card, prop.lower(), clean_text(str(value)))
    updated = from_iso_datetime(c.updated_at)
    if updated is not None and updated.tzinfo is not None:
        _add(card, "rev", updated.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ"))
    return card


def contacts_vcf(contacts: Iterable[Contact]) -> bytes:
    """Every contact, one card each, in a stable order (by name)."""
    ordered = sorted(contacts, key=lambda c: (c.display_name.casefold(), c.id))
    return "".join(contact_card(c).serialize() for c in ordered).encode("utf-8")
