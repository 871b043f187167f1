"""Care in plain Python (no Textual): when the journal shows the support panel or the quiet line, and
what the panel says about the person's own support.

Everything here runs on this machine, on text the person just saved; nothing is sent or logged (the
journal's words never reach ``rebound.log``). The detection itself is :mod:`store.care`.

* The **support panel** follows a text signal (:func:`store.care.support_signal`) in a journal entry,
  once per entry: the day it was first shown is kept in the entry's ``extra`` (:data:`SHOWN_KEY`), so
  saving or editing the entry again doesn't show it again. A reframe where it was shown is *adapted*
  (no thinking-pattern labels, no numbers; kind words or stopping).
* The **quiet line** follows the numbers alone (:func:`store.care.ratings_signal`: the lowest mood on
  three of the last seven days, or "hopeless"/"worthless" rated 80 or more), at most once a day (the
  day is kept in the settings, ``care_note_on``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from store.care import ratings_signal, support_signal
from store.dates import from_iso
from store.models import JournalEntry, Settings

#: Where an entry remembers the day the support panel was shown for it.
SHOWN_KEY = "support_shown_on"
#: An organisation (a university, an outplacement service) can preset the support line.
SUPPORT_ENV = "REBOUND_SUPPORT_LINE"
#: Free lines by country, when the person has set none.
DIRECTORY = "findahelpline.com"

#: The quiet line after a run of heavy days (never a diagnosis, never a number).
CARE_NOTE = ("That's a lot to carry. Talking to someone you trust, or to your support line, can help: "
             "ctrl+p › Support. Rebound is not therapy.")


def entry_texts(entry: JournalEntry) -> list[str]:
    """Every text the person wrote in ``entry``: the note or free write, the situation, the thoughts,
    the feelings they named, the evidence, the balanced thought, the kind words, lesson and next step."""
    texts: list[object] = [entry.title, entry.body, entry.situation, entry.balanced_thought, entry.lesson,
                           entry.next_action]
    texts += [t.get("text", "") for t in entry.thoughts if isinstance(t, dict)]
    texts += [e.get("name", "") for e in entry.emotions if isinstance(e, dict)]
    texts += [*entry.evidence_for, *entry.evidence_against, *entry.self_compassion]
    return [t for t in texts if isinstance(t, str) and t.strip()]


def text_signal(entry: JournalEntry) -> bool:
    """The entry's words say the person may be thinking of ending their life or hurting themselves."""
    texts = entry_texts(entry)
    # a new line is a sentence boundary for the detector: words of two fields are never joined
    return bool(texts) and bool(support_signal("\n".join(texts)))


def support_shown(entry: JournalEntry) -> bool:
    """The support panel was already shown for this entry."""
    return bool(entry.extra.get(SHOWN_KEY))


def mark_shown(entry: JournalEntry, today: date) -> None:
    entry.extra[SHOWN_KEY] = today.isoformat()


def panel_due(entry: JournalEntry, today: date) -> bool:
    """True (and the entry marked) when the support panel should be shown for ``entry`` now: its words
    gave a signal and the panel wasn't shown for it before."""
    if support_shown(entry) or not text_signal(entry):
        return False
    mark_shown(entry, today)
    return True


def _ratings(entry: JournalEntry) -> dict[str, int]:
    """Each feeling the entry rated, at its highest rating (before or after)."""
    out: dict[str, int] = {}
    for e in entry.emotions:
        if not isinstance(e, dict):
            continue
        values = [v for v in (e.get("before"), e.get("after")) if isinstance(v, int) and v >= 0]
        name = e.get("name")
        if values and isinstance(name, str):
            out[name] = max(values + [out.get(name, 0)])
    return out


def _moods(entries: Iterable[JournalEntry], today: date) -> list[tuple[date, int]]:
    """(day, mood) of the check-ins in ``entries`` from the seven days ending ``today``."""
    first = today - timedelta(days=6)
    out = []
    for e in entries:
        day = from_iso(e.entry_date)
        if e.kind == "checkin" and e.mood and day is not None and first <= day <= today:
            out.append((day, e.mood))
    return out


def note_due(entry: JournalEntry, others: Iterable[JournalEntry], settings: Settings, today: date) -> bool:
    """The quiet line is due after saving ``entry``: its numbers (with the check-ins of the last seven
    days in ``others``) give a ratings signal, and the line wasn't shown today."""
    if entry.kind not in ("checkin", "reframe") or settings.care_note_on == today.isoformat():
        return False
    entries = [e for e in others if e.id != entry.id and not e.is_draft] + [entry]  # ``entry``: being saved
    return bool(ratings_signal(_moods(entries, today), _ratings(entry), today=today))


@dataclass(frozen=True)
class SupportDetails:
    """What the person set in Settings › Support (the line may come from ``$REBOUND_SUPPORT_LINE``)."""

    line: str = ""
    person: str = ""
    helps: str = ""
    #: The line is the organisation's preset, not one the person typed.
    preset: bool = False

    @property
    def empty(self) -> bool:
        return not (self.line or self.person or self.helps)


def preset_line(environ: Mapping[str, str] | None = None) -> str:
    env = os.environ if environ is None else environ
    return " ".join(env.get(SUPPORT_ENV, "").split())[:200]


def support_details(settings: Settings, environ: Mapping[str, str] | None = None) -> SupportDetails:
    """The person's support details; an unset line falls back to ``$REBOUND_SUPPORT_LINE``."""
    line = settings.support_line.strip()
    preset = False
    if not line:
        line = preset_line(environ)
        preset = bool(line)
    return SupportDetails(line, settings.support_person.strip(), settings.support_helps.strip(), preset)
