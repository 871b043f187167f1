"""Contacts and touchpoints: the repositories and the cadence rules.

The rules, in one place (the contacts list, the Today screen and the exports all use them):

* **Cadence.** A contact's own setting wins, then the default for its role
  (``settings.role_cadences``), then the global default (``settings.default_cadence``), then
  quarterly. Calendar arithmetic uses ``relativedelta``: month ends clamp (Jan 31 + 1 month = Feb 28).
* **Next due** = the last qualifying touch (outbound or two-way) + the cadence. Never contacted:
  ``first_due_on`` when an import spread it, else the day the cadence was set + the cadence. A snooze
  or a contact's pause that ended pushes it later (never earlier); both expire by themselves.
* **Global pause** (``settings.pause_from``..``pause_until``): a due date inside the window moves
  after it by the window's length (so they stay as spread out as they were), and what was already
  due when the pause began is spread over the first days back (up to two weeks).
* **States**: ok, due soon (within 7 days), due, overdue (past due by half the cadence or 30 days,
  whichever comes first); paused, snoozed, archived, do not contact and "no cadence" are shown but
  never due.
* **Urgency**: overdue first, then the share of the cadence that has gone by since the last touch.

Everything here is pure or a repository method; the UI only formats what these return.
"""

from __future__ import annotations

import bisect
import re
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from dateutil.relativedelta import relativedelta

from . import clock
from .dates import from_iso, short_date
from .errors import NotFoundError, RuleError
from .models import (
    CADENCES,
    CONTACT_STATUSES,
    STAGE_LABELS,
    Application,
    Contact,
    ImportantDate,
    ImportantDateKind,
    JobChange,
    Settings,
    Touchpoint,
)
from .repo import Repo
from .sanitize import clean_text

if TYPE_CHECKING:
    from .db import Store
    from .linkedin import ImportPlan

QUALIFYING_DIRECTIONS = ("out", "two-way")

#: Cadence keys in the order a picker shows them.
CADENCE_ORDER = ["weekly", "biweekly", "monthly", "quarterly", "semiannual", "yearly", "none"]
#: Short labels for a narrow column.
CADENCE_SHORT = {"weekly": "1 wk", "biweekly": "2 wk", "monthly": "1 mo", "quarterly": "3 mo",
                 "semiannual": "6 mo", "yearly": "1 yr", "none": "—"}
FALLBACK_CADENCE = "quarterly"

DUE_SOON_DAYS = 7
OVERDUE_CAP_DAYS = 30
REASON_WINDOW_DAYS = 14
JOB_CHANGE_WINDOW_DAYS = 90
APP_NEWS_WINDOW_DAYS = 14
CATCH_UP_MAX_DAYS = 14

#: States, most urgent first. The first four are the cadence states; the rest are never due.
STATES = ["overdue", "due", "due soon", "ok", "snoozed", "paused", "no cadence", "archived",
          "do not contact"]
DUE_NOW_STATES = ("overdue", "due")
#: What a state is called where a person reads it (the contacts list, an export): never "due" or
#: "overdue" for a person. The contacts table (widgets/contacts_table.py) uses the same words.
STATE_WORDS = {"overdue": "reconnect", "due": "reach out", "due soon": "this week", "ok": "in touch"}
_GROUP = {"overdue": 0, "due": 1, "due soon": 1, "ok": 1, "snoozed": 1, "paused": 2, "no cadence": 3,
          "archived": 4, "do not contact": 5}

IMPORTANT_DATE_KINDS = ["birthday", "work anniversary", "custom"]


# --------------------------------------------------------------------------- cadence arithmetic


def cadence_label(key: str) -> str:
    return CADENCES.get(key, CADENCES[FALLBACK_CADENCE])[0]


def cadence_days(key: str) -> int:
    """Nominal length in days (for the overdue threshold and urgency; dates use relativedelta)."""
    return CADENCES.get(key, CADENCES[FALLBACK_CADENCE])[1]


_DELTAS = {key: relativedelta(**spec[2]) for key, spec in CADENCES.items() if spec[2]}


def add_cadence(day: date, key: str, times: int = 1) -> date | None:
    """``day`` + the cadence (month ends clamp); None for "none"."""
    if times == 1:
        delta = _DELTAS.get(key)
    else:
        spec = CADENCES.get(key)
        delta = relativedelta(**{k: v * times for k, v in spec[2].items()}) if spec and spec[2] else None
    if delta is None:
        return None
    moved: date = day + delta
    return moved


def effective_cadence(contact: Contact, settings: Settings | None) -> tuple[str, str]:
    """(cadence key, where it came from: "contact", "role" or "default")."""
    if contact.cadence in CADENCES:
        return contact.cadence, "contact"
    if settings is not None:
        by_role = (settings.role_cadences or {}).get(contact.role)
        if by_role in CADENCES:
            return by_role, "role"
        if settings.default_cadence in CADENCES:
            return settings.default_cadence, "default"
    return FALLBACK_CADENCE, "default"


def overdue_threshold(key: str) -> float:
    """Days past due after which a contact is *overdue*: half the cadence or 30, whichever is less."""
    return min(cadence_days(key) / 2, OVERDUE_CAP_DAYS)


def state_for(due: date, key: str, today: date) -> str:
    past = (today - due).days
    if past < 0:
        return "due soon" if -past <= DUE_SOON_DAYS else "ok"
    return "overdue" if past >= overdue_threshold(key) else "due"


@dataclass(frozen=True, slots=True)
class GlobalPause:
    start: date
    end: date  # inclusive

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def catch_up_days(self) -> int:
        return max(1, min(CATCH_UP_MAX_DAYS, self.days))

    def active_on(self, day: date) -> bool:
        return self.start <= day <= self.end


def global_pause(settings: Settings | None) -> GlobalPause | None:
    if settings is None:
        return None
    start, end = from_iso(settings.pause_from), from_iso(settings.pause_until)
    if start is None or end is None or end < start:
        return None
    return GlobalPause(start, end)


def _spread_offset(key: str, span: int) -> int:
    """A stable offset in [0, span) for ``key`` (the same on every run and machine)."""
    if span <= 1:
        return 0
    return zlib.crc32(key.encode("utf-8")) % span


def shift_for_pause(due: date, pause: GlobalPause | None, key: str) -> date:
    """Where a due date lands once the global pause is applied (see the module doc)."""
    if pause is None or due > pause.end:
        return due
    if due >= pause.start:
        return due + timedelta(days=pause.days)
    return pause.end + timedelta(days=1 + _spread_offset(key, pause.catch_up_days))


@dataclass(frozen=True, slots=True)
class DueInfo:
    """Where a contact stands. ``due`` is None when the contact is never due."""

    cadence: str
    cadence_source: str
    state: str
    due: date | None
    base_due: date | None  # before snooze, pause and the global pause
    last_touch: date | None
    days_past: int  # today - due (negative: days to go); 0 when there is no due date
    urgency: float  # share of the cadence gone by (1.0 = due today); 0 when never due
    snoozed_until: date | None = None
    paused_until: date | None = None
    pause_shifted: bool = False

    @property
    def is_due(self) -> bool:
        return self.state in DUE_NOW_STATES

    @property
    def sort_group(self) -> int:
        return _GROUP.get(self.state, 9)


def _anchor(contact: Contact) -> date:
    return (from_iso(contact.cadence_set_on) or from_iso(contact.met_on)
            or from_iso(contact.created_at) or clock.today())


def due_info(contact: Contact, settings: Settings | None, today: date | None = None,
             pause: GlobalPause | None | bool = True) -> DueInfo:
    """Cadence, next due date and state of one contact (pure; cheap enough for 2,000 rows).

    ``pause``: the global pause (computed from ``settings`` when left as True).
    """
    today = today or clock.today()
    if pause is True:
        pause = global_pause(settings)
    key, source = effective_cadence(contact, settings)
    last = from_iso(contact.last_touch_on)
    status = contact.status if contact.status in CONTACT_STATUSES else "active"

    def never(state: str, paused_until: date | None = None) -> DueInfo:
        return DueInfo(key, source, state, None, None, last, 0, 0.0, paused_until=paused_until)

    if status == "archived":
        return never("archived")
    if status == "do not contact":
        return never("do not contact")
    paused_until = from_iso(contact.paused_until) if status == "paused" else None
    if status == "paused" and (paused_until is None or paused_until > today):
        return never("paused", paused_until)
    if key == "none":
        return never("no cadence")

    if last is not None:
        base = add_cadence(last, key)
    else:
        base = from_iso(contact.first_due_on) or add_cadence(_anchor(contact), key)
    assert base is not None
    due = base
    if paused_until is not None and paused_until > due:
        due = paused_until
    snoozed = from_iso(contact.snoozed_until)
    if snoozed is not None and snoozed > due:
        due = snoozed
    else:
        snoozed = None
    shifted = shift_for_pause(due, pause, contact.id) if pause else due
    pause_shifted = shifted != due
    due = shifted
    past = (today - due).days
    if snoozed is not None and due > today and not pause_shifted:
        state = "snoozed"
    else:
        state = state_for(due, key, today)
    length = max(1, cadence_days(key))
    urgency = 1.0 + past / length
    return DueInfo(key, source, state, due, base, last, past, urgency,
                   snoozed_until=snoozed if snoozed and snoozed > today else None,
                   paused_until=paused_until, pause_shifted=pause_shifted)


def sort_key(contact: Contact, info: DueInfo) -> tuple[int, float, str, str]:
    """Urgency order: overdue first, then the share of the cadence gone by; ties by name."""
    return (info.sort_group, -info.urgency, contact.display_name.casefold(), contact.id)


# --------------------------------------------------------------------------- important dates


def _as_int(value: object) -> int | None:
    """A stored number, leniently (a hand-edited ``"3"`` reads as 3); None when it is not one."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    try:
        return int(value)
    except (ValueError, OverflowError):
        return None


def next_occurrence(month: object, day: object, today: date) -> date | None:
    """The next (or today's) yearly occurrence; Feb 29 falls on Feb 28 in other years."""
    m, d = _as_int(month), _as_int(day)
    if m is None or d is None or not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    return _next_occurrence(m, d, today)


def _next_occurrence(month: int, day: int, today: date) -> date | None:
    for year in (today.year, today.year + 1):
        d = _clamped(year, month, day)
        if d is not None and d >= today:
            return d
    return None


def _clamped(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        if month == 2 and day == 29:
            return date(year, 2, 28)
        return None


def important_date_label(item: Mapping[str, Any]) -> str:
    kind = str(item.get("kind") or "custom")
    label = str(item.get("label") or "").strip()
    if kind == "custom":
        return label or "important date"
    return kind if not label else f"{kind} ({label})"


def upcoming_dates(contact: Contact, today: date | None = None,
                   within: int = 60) -> list[tuple[date, str, ImportantDate]]:
    """Important dates in the next ``within`` days: (date, label, the stored item), soonest first."""
    today = today or clock.today()
    out = []
    for item in contact.important_dates or []:
        if not isinstance(item, Mapping):
            continue
        d = next_occurrence(item.get("month"), item.get("day"), today)
        if d is None or (d - today).days > within:
            continue
        label = important_date_label(item)
        year = item.get("year")
        if isinstance(year, int) and 0 < year < d.year and item.get("kind") != "custom":
            n = d.year - year
            label = f"{ordinal(n)} {label}" if item.get("kind") == "work anniversary" else f"{label} ({n})"
        out.append((d, label, item))
    out.sort(key=lambda t: t[0])
    return out


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def parse_important_dates(text: str) -> tuple[list[ImportantDate], list[str]]:
    """Read the form's lines: ``birthday: 03-14``, ``work anniversary: 2019-06-01``,
    ``Launch day: 09-30`` (any other label is a custom date). Returns (items, errors)."""
    items: list[ImportantDate] = []
    errors: list[str] = []
    for n, raw in enumerate((text or "").splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        label, sep, value = line.rpartition(":")
        if not sep:
            errors.append(f"line {n}: write it as 'birthday: 03-14' (label, colon, MM-DD or YYYY-MM-DD)")
            continue
        label, value = label.strip(), value.strip()
        parts = value.split("-")
        year: int | None
        try:
            if len(parts) == 3:
                year, month, day = int(parts[0]), int(parts[1]), int(parts[2])
            elif len(parts) == 2:
                year, month, day = None, int(parts[0]), int(parts[1])
            else:
                raise ValueError
            if _clamped(year or 2024, month, day) is None:
                raise ValueError
        except ValueError:
            errors.append(f"line {n}: {value[:20]!r} is not MM-DD or YYYY-MM-DD")
            continue
        low = label.casefold()
        kind: ImportantDateKind
        if low in ("birthday", "bday", "birth day"):
            kind, label = "birthday", ""
        elif low in ("work anniversary", "anniversary", "work anniv"):
            kind, label = "work anniversary", ""
        else:
            kind = "custom"
            if not label:
                errors.append(f"line {n}: give the date a name before the colon")
                continue
        items.append({"kind": kind, "label": label, "month": month, "day": day, "year": year})
    return items, errors


def format_important_dates(items: Iterable[Mapping[str, Any]]) -> str:
    lines = []
    for item in items or []:
        if not isinstance(item, Mapping):
            continue
        kind = item.get("kind") or "custom"
        label = item.get("label") or ""
        name = label if kind == "custom" else kind
        m, d = _as_int(item.get("month")), _as_int(item.get("day"))
        if m is None or d is None:
            continue
        year = item.get("year")
        value = f"{int(year):04d}-{m:02d}-{d:02d}" if isinstance(year, int) and year > 0 else f"{m:02d}-{d:02d}"
        lines.append(f"{name}: {value}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- reasons to reach out


@dataclass(frozen=True, slots=True)
class Reason:
    """One suggestion of why to reach out now, and the message kind that fits it."""

    key: str  # job change | application news | birthday | work anniversary | date | holiday | reconnect | article
    text: str
    kind: str  # a Draft kind for the composer
    application_id: str | None = None


def holiday_season(today: date) -> bool:
    """Late November to the end of December: greetings season."""
    return (today.month == 11 and today.day >= 25) or today.month == 12


def _latest_change(contact: Contact) -> tuple[date, JobChange] | None:
    best: tuple[date, JobChange] | None = None
    for ch in contact.changes or []:
        if not isinstance(ch, Mapping):
            continue
        on = ch.get("on")
        d = from_iso(on) if isinstance(on, str) else None
        if d and (best is None or d > best[0]):
            best = (d, ch)
    return best


def _app_news(app: Application) -> date | None:
    days = [d for d in (from_iso(app.outcome_on), from_iso(app.stage_entered_on)) if d]
    return max(days) if days else None


def apps_by_contact(apps: Iterable[Application]) -> dict[str, list[str]]:
    """Contact id → ids of the applications that list it (the board links from that side)."""
    out: dict[str, list[str]] = {}
    for a in apps:
        for cid in a.contact_ids:
            out.setdefault(cid, []).append(a.id)
    return out


def linked_application_ids(contact: Contact, by_contact: Mapping[str, Sequence[str]] | None = None) -> list[str]:
    """Applications linked from either side: the contact's own list, then the applications that
    name it (``apps_by_contact``)."""
    ids = list(contact.application_ids or [])
    if by_contact:
        ids += by_contact.get(contact.id, ())
    return list(dict.fromkeys(ids))


def reason_for(contact: Contact, info: DueInfo | None = None, today: date | None = None,
               apps: Mapping[str, Application] | None = None,
               by_contact: Mapping[str, Sequence[str]] | None = None) -> Reason:
    """The one best reason to reach out to ``contact`` now (always returns something).
    ``by_contact`` (from :func:`apps_by_contact`) adds the applications that link the contact."""
    today = today or clock.today()
    last = from_iso(contact.last_touch_on)
    last_any = from_iso(contact.last_any_touch_on)
    # 1. a job change seen on a LinkedIn re-import, not yet followed by a touch
    change = _latest_change(contact)
    if change and (today - change[0]).days <= JOB_CHANGE_WINDOW_DAYS and (last is None or last < change[0]):
        ch = change[1]
        where = str(ch.get("company") or contact.company or "").strip()
        title = str(ch.get("title") or "").strip()
        what = f"{title} at {where}" if title and where else (title or where or "a new role")
        return Reason("job change", f"new role: {what} — congratulate them", "congratulations")
    # 2. news on a linked application since the last touch
    if apps:
        newest: tuple[date, Application] | None = None
        for app_id in linked_application_ids(contact, by_contact):
            app = apps.get(app_id)
            if app is None:
                continue
            d = _app_news(app)
            if d is None or (today - d).days > APP_NEWS_WINDOW_DAYS or d > today:
                continue
            if last_any is not None and last_any >= d:
                continue
            if newest is None or d > newest[0]:
                newest = (d, app)
        if newest is not None:
            app = newest[1]
            name = app.company or "an application"
            if app.stage == "closed" and app.outcome == "rejected":
                return Reason("application news", f"{name} said no — a gracious reply keeps the door open",
                              "rejection reply", app.id)
            if app.stage == "closed" and app.outcome == "accepted":
                return Reason("application news", f"you accepted at {name} — tell them and say thanks",
                              "check-in", app.id)
            if app.stage == "closed":
                return Reason("application news", f"{name} closed ({app.outcome or 'ended'}) — a short update",
                              "check-in", app.id)
            stage = STAGE_LABELS.get(app.stage, app.stage)
            if app.stage in ("screening", "interviewing", "offer"):
                return Reason("application news", f"news on {name}: now {stage} — thank them",
                              "thank-you", app.id)
            return Reason("application news", f"news on {name}: {stage} — a quick update", "check-in", app.id)
    # 3. a birthday, work anniversary or custom date within two weeks
    for d, label, item in upcoming_dates(contact, today, within=REASON_WINDOW_DAYS):
        when = "today" if d == today else f"on {short_date(d, today)}"
        kind = item.get("kind")
        if kind == "work anniversary":
            return Reason("work anniversary", f"{label} {when} — congratulate them", "congratulations")
        if kind == "birthday":
            return Reason("birthday", f"birthday {when} — a short greeting", "check-in")
        return Reason("date", f"{label} {when}", "check-in")
    # 4. the holiday season
    if holiday_season(today):
        return Reason("holiday", "holiday season — a warm greeting, no ask", "holiday greeting")
    # 5. a long silence: reconnect
    met = from_iso(contact.connected_on) or from_iso(contact.met_on)
    if (last is not None and (today - last).days > 365) or (
            last is None and met is not None and (today - met).days > 180):
        return Reason("reconnect", "long quiet — reconnect, catch up before any ask", "reconnect")
    # 6. the evergreen: something useful to them
    return Reason("article", "share an article they'd find useful", "article")


# --------------------------------------------------------------------------- the list


@dataclass(slots=True)
class ContactRow:
    """One contact as the list shows it."""

    contact: Contact
    info: DueInfo
    reason: Reason | None
    haystack: str  # casefolded text the search matches

    @property
    def id(self) -> str:
        return self.contact.id


_NON_WORD = re.compile(r"[\W_]+")
_ASCII_PUNCT = str.maketrans({ch: " " for ch in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\t\n\r"})


def haystack(contact: Contact) -> str:
    """What the search looks in: names, company, title, role, how met, next time, phone, LinkedIn,
    emails, tags — casefolded, punctuation as spaces, with a leading space (words start after one)."""
    parts = [contact.first_name, contact.last_name, contact.preferred_name, contact.company,
             contact.title, contact.role, contact.how_met, contact.next_time, contact.phone,
             contact.linkedin_url, *contact.emails, *contact.tags]
    text = " ".join(p for p in parts if p).casefold()
    if text.isascii():
        return " " + text.translate(_ASCII_PUNCT)
    return " " + _NON_WORD.sub(" ", text)


def search_words(text: str) -> list[str]:
    return _NON_WORD.sub(" ", text.casefold()).split()


def matches(hay: str, words: Sequence[str]) -> bool:
    """Every word starts a word of ``hay`` ("ana" finds Ana and Analytics, not Manager); text in
    scripts written without spaces (Japanese, Chinese…) matches anywhere."""
    for w in words:
        if (" " + w) in hay:
            continue
        if not w.isascii() and w in hay:
            continue
        return False
    return True


def build_rows(contacts: Iterable[Contact], settings: Settings | None,
               apps: Mapping[str, Application] | None = None, today: date | None = None,
               by_contact: Mapping[str, Sequence[str]] | None = None) -> list[ContactRow]:
    """Every contact with its due info (and a reason when it is due or due soon), in urgency order.
    ``by_contact``: :func:`apps_by_contact` of ``apps`` when the caller has it already."""
    today = today or clock.today()
    if by_contact is None:
        by_contact = apps_by_contact(apps.values()) if apps else None
    rows = _rows(contacts, settings, apps, today, by_contact)
    cache = _ROW_CACHE
    if len(cache) > 2 * len(rows) + 1000:  # forget deleted contacts now and then
        keep = {r.id for r in rows}
        for key in [k for k in cache if k not in keep]:
            del cache[key]
    rows.sort(key=lambda r: sort_key(r.contact, r.info))
    return rows


def _rows(contacts: Iterable[Contact], settings: Settings | None, apps: Mapping[str, Application] | None,
          today: date, by_contact: Mapping[str, Sequence[str]] | None) -> list[ContactRow]:
    pause = global_pause(settings)
    rows = []
    for c in contacts:
        info, hay = _known(c, settings, today, pause)
        reason = (reason_for(c, info, today, apps, by_contact)
                  if info.state in ("overdue", "due", "due soon") else None)
        rows.append(ContactRow(c, info, reason, hay))
    return rows


def _known(c: Contact, settings: Settings | None, today: date, pause: GlobalPause | None) -> tuple[DueInfo, str]:
    """The contact's due info and search text. Repositories hand out the same object until the record
    changes: they are reused while the contact, the settings and the day are the same."""
    hit = _ROW_CACHE.get(c.id)
    if hit is not None and hit[0] is c and hit[1] is settings and hit[2] == today:
        return hit[3], hit[4]
    info, hay = due_info(c, settings, today, pause), haystack(c)
    _ROW_CACHE[c.id] = (c, settings, today, info, hay)
    return info, hay


def prepare_rows(contacts: Sequence[Contact], settings: Settings | None, today: date | None = None,
                 size: int = 250) -> Iterator[None]:
    """Work out each contact's due info and search text ahead of :func:`build_rows`, ``size``
    contacts at a time, yielding between slices (the app's warm-up runs one slice per step: 2,000
    contacts take ~50 ms in one go); the list's first build then only orders them."""
    today = today or clock.today()
    pause = global_pause(settings)
    for start in range(0, len(contacts), size):
        for c in contacts[start:start + size]:
            _known(c, settings, today, pause)
        yield


def update_rows(rows: Sequence[ContactRow], contacts: Sequence[Contact], settings: Settings | None,
                apps: Mapping[str, Application] | None, today: date,
                by_contact: Mapping[str, Sequence[str]] | None,
                by_id: dict[str, ContactRow] | None = None) -> list[ContactRow] | None:
    """:func:`build_rows` of ``contacts`` from ``rows`` (built from the same settings, applications
    and day) by recomputing only the contacts whose record changed, was added or went away, each put
    back in urgency order. None when most of them changed (building them all costs less).

    ``by_id``: ``rows`` by contact id when the caller keeps it; it is then brought up to date in place
    (a log changes one row: nothing is walked but the contacts, to find which)."""
    if by_id is None:
        by_id = {r.contact.id: r for r in rows}
    changed = [c for c in contacts if (r := by_id.get(c.id)) is None or r.contact is not c]
    added = sum(1 for c in changed if c.id not in by_id)
    # every contact kept has its row (ids are unique): when the counts agree, no row is left over
    gone = set() if len(contacts) - added == len(rows) else by_id.keys() - {c.id for c in contacts}
    if len(changed) + len(gone) > 64:
        return None

    def order(r: ContactRow) -> tuple[int, float, str, str]:
        return sort_key(r.contact, r.info)

    fresh = _rows(changed, settings, apps, today, by_contact)  # first: nothing is changed if it raises
    out = list(rows)
    old = [by_id[c.id] for c in changed if c.id in by_id]
    if gone:
        old += [by_id[key] for key in gone]
    for r in old:  # the list is in sort_key order, a total order (the id breaks ties): r is where its key is
        i = bisect.bisect_left(out, order(r), key=order)
        if i < len(out) and out[i] is r:
            del out[i]
        else:  # not in order after all: filter it out
            out = [x for x in out if x is not r]
    for key in gone:
        del by_id[key]
    for row in fresh:
        out.insert(bisect.bisect_left(out, order(row), key=order), row)
        by_id[row.contact.id] = row
    return out


#: contact id → (contact object, settings object, day, DueInfo, search text)
_ROW_CACHE: dict[str, tuple[Contact, Settings | None, date, DueInfo, str]] = {}


def filter_rows(rows: Sequence[ContactRow], *, text: str = "", due_now: bool = False, role: str = "",
                tag: str = "", show_inactive: bool = True) -> list[ContactRow]:
    """Rows matching every given filter (text: each word must start a word somewhere)."""
    words = search_words(text)
    tag_cf = tag.casefold()
    out = []
    for r in rows:
        if due_now and r.info.state not in DUE_NOW_STATES:
            continue
        if role and r.contact.role != role:
            continue
        if tag and not any(t.casefold() == tag_cf for t in r.contact.tags):
            continue
        if not show_inactive and r.info.state in ("archived", "do not contact"):
            continue
        if words and not matches(r.haystack, words):
            continue
        out.append(r)
    return out


def all_tags(contacts: Iterable[Contact]) -> list[str]:
    seen: dict[str, str] = {}
    for c in contacts:
        for t in c.tags:
            seen.setdefault(t.casefold(), t)
    return sorted(seen.values(), key=str.casefold)


# --------------------------------------------------------------------------- rules of a change


def _last_touches(touches: Sequence[Touchpoint]) -> tuple[str | None, str | None]:
    """(last qualifying date, last date of any touch) of touchpoints sorted newest first."""
    last_any = touches[0].date if touches else None
    last_q = next((t.date for t in touches if t.direction in QUALIFYING_DIRECTIONS), None)
    return last_q, last_any


def prepare_contact(contact: Contact, previous: Contact | None, today: date | None = None) -> Contact:
    """Fill what a save derives: the cadence's start date (new contact, or cadence changed)."""
    today = today or clock.today()
    if previous is not None and previous.cadence != contact.cadence:
        contact.cadence_set_on = today.isoformat()
        contact.first_due_on = None
    elif not contact.cadence_set_on:
        contact.cadence_set_on = today.isoformat()
    if contact.status != "paused":
        contact.paused_until = None
    return contact


SNOOZE_PRESETS = [("+3d", "3 days"), ("+1w", "1 week"), ("+2w", "2 weeks"), ("+1m", "1 month")]


# --------------------------------------------------------------------------- repositories


class ContactRepo(Repo[Contact]):
    """Contacts, and what the user does with them; each verb is one write.

    ``delete``/``delete_many`` are :meth:`remove`: a contact never leaves touchpoints or
    applications pointing at it."""

    def by_name(self) -> list[Contact]:
        return sorted(self.all(), key=lambda c: c.display_name.casefold())

    def due(self, today: date | None = None) -> list[ContactRow]:
        """The contacts due or overdue today, most urgent first (for the Today screen and ``today``)."""
        today = today or clock.today()
        apps = {a.id: a for a in self.store.applications.all()}
        rows = build_rows(self.all(), self.store.settings.current(), apps, today)
        return [r for r in rows if r.info.is_due]

    def edit(self, contact: Contact) -> Contact:
        """Save a contact the user added or edited (the cadence's start is set when it is new or
        its cadence changed)."""
        return self.save(prepare_contact(contact, self.get(contact.id)))

    def remove(self, contact_id: str) -> bool:
        """Delete a contact with its own touchpoints (shared ones just drop it) and unlink it from
        applications. One write."""
        store = self.store
        with store.batch():
            if self.get(contact_id) is None:
                return False
            self._drop(contact_id)
            touches = store.touchpoints.for_contact(contact_id)
            shared = []
            for t in touches:
                if len(t.contact_ids) > 1:
                    t = t.copy()
                    t.contact_ids = [i for i in t.contact_ids if i != contact_id]
                    shared.append(t)
            store.touchpoints.delete_many([t.id for t in touches if len(t.contact_ids) <= 1])
            store.touchpoints.save_many(shared)
            apps = []
            for a in store.applications.find(lambda a: contact_id in a.contact_ids):
                a = a.copy()
                a.contact_ids = [i for i in a.contact_ids if i != contact_id]
                apps.append(a)
            store.applications.save_many(apps)
        return True

    def delete(self, record_id: str) -> bool:
        return self.remove(record_id)

    def delete_many(self, ids: Iterable[str]) -> int:
        with self.store.batch():
            return sum(self.remove(i) for i in list(ids))

    def _update_each(self, contact_ids: Iterable[str], change: Callable[[Contact], None]) -> list[Contact]:
        out = []
        for cid in dict.fromkeys(contact_ids):
            c = self.get(cid)
            if c is None:
                continue
            c = c.copy()
            change(c)
            out.append(c)
        with self.store.batch():
            return self.save_many(out)

    def snooze(self, contact_ids: Iterable[str], until: date | None) -> list[Contact]:
        """Snooze until a date (None clears it). It expires by itself: nothing to undo later."""
        value = until.isoformat() if until else None

        def change(c: Contact) -> None:
            c.snoozed_until = value

        return self._update_each(contact_ids, change)

    def pause(self, contact_ids: Iterable[str], until: date | None) -> list[Contact]:
        """Pause until a date (None: until resumed by hand)."""

        def change(c: Contact) -> None:
            c.status = "paused"
            c.paused_until = until.isoformat() if until else None

        return self._update_each(contact_ids, change)

    def set_status(self, contact_ids: Iterable[str], status: str) -> list[Contact]:
        """active, archived or do not contact (pausing has its own verb)."""
        if status not in CONTACT_STATUSES:
            raise RuleError(f"unknown status {status!r}")

        def change(c: Contact) -> None:
            c.status = status
            if status != "paused":
                c.paused_until = None

        return self._update_each(contact_ids, change)

    def link_application(self, contact_id: str, application_id: str, linked: bool = True) -> None:
        """Link (or unlink) a contact and an application, on both records. One write."""
        store = self.store
        with store.batch():
            c = self.get(contact_id)
            a = store.applications.get(application_id)
            if c is None or a is None:
                return
            c, a = c.copy(), a.copy()
            if linked:
                if application_id not in c.application_ids:
                    c.application_ids.append(application_id)
                if contact_id not in a.contact_ids:
                    a.contact_ids.append(contact_id)
            else:
                c.application_ids = [i for i in c.application_ids if i != application_id]
                a.contact_ids = [i for i in a.contact_ids if i != contact_id]
            self.save(c)
            store.applications.save(a)

    def merge(self, keep_id: str, other_id: str, take: Iterable[str] = ()) -> Contact:
        """Make two records of one person one (:func:`store.merge.merged_contact`): ``keep_id``
        stays with the fields named in ``take`` from the other; every touchpoint, linked application
        and draft of the other moves to it, and the other record is kept inside it. One write."""
        from .merge import merged_contact, moved_ids, relinked

        store = self.store
        keep, other = self.get(keep_id), self.get(other_id)
        if keep is None or other is None:
            raise NotFoundError("That contact no longer exists.")
        if keep.id == other.id:
            raise RuleError("A contact can't be merged with itself.")
        merged = merged_contact(keep, other, set(take))
        touches = []
        for t in store.touchpoints.for_contact(other.id):
            t = t.copy()
            t.contact_ids = moved_ids(t.contact_ids, keep.id, other.id)
            touches.append(t)
        apps = [relinked(a, keep, other) for a in store.applications.find(lambda a: other.id in a.contact_ids)]
        drafts = []
        for d in store.drafts.find(lambda d: other.id in d.contact_ids):
            d = d.copy()
            d.contact_ids = moved_ids(d.contact_ids, keep.id, other.id)
            drafts.append(d)
        with store.batch():
            self._drop(other.id)
            saved = self.save(merged)
            store.touchpoints.save_many(touches)  # the last touch is recomputed from them
            store.applications.save_many(apps)
            store.drafts.save_many(drafts)
        return self.get(saved.id) or saved

    def apply_import(self, plan: ImportPlan) -> int:
        """Save what a LinkedIn import plan says, in one write. Returns how many contacts were
        written."""
        records = [*plan.added, *(u.after for u in plan.updated)]
        if not records:
            return 0
        with self.store.batch():
            self.save_many(records)
        return len(records)

    def recompute_last_touch(self, contact_ids: Iterable[str]) -> list[Contact]:
        """Re-derive ``last_touch_on``/``last_any_touch_on`` from the touchpoints (after an edit or a
        delete). Saves the contacts that changed (call inside a batch) and returns them."""
        changed = []
        for cid in dict.fromkeys(contact_ids):
            c = self.get(cid)
            if c is None:
                continue
            last_q, last_any = _last_touches(self.store.touchpoints.for_contact(cid))
            if (c.last_touch_on, c.last_any_touch_on) != (last_q, last_any):
                c = c.copy()
                c.last_touch_on, c.last_any_touch_on = last_q, last_any
                changed.append(c)
        if changed:
            self.save_many(changed)
        return changed


class TouchpointRepo(Repo[Touchpoint]):
    """Touchpoints, with an index by contact (rebuilt when the table's version moves on).

    The invariant: a contact's ``last_touch_on``/``last_any_touch_on`` always follow its
    touchpoints. Every way of writing a touchpoint keeps it — :meth:`log` (what the user does),
    :meth:`remove`, and ``save``/``save_many``/``delete``/``delete_many`` alike."""

    def __init__(self, store: Store, model: type[Touchpoint]) -> None:
        super().__init__(store, model)
        self._index: dict[str, list[Touchpoint]] | None = None
        self._index_version = -1

    def _by_contact(self) -> dict[str, list[Touchpoint]]:
        if self._index is None or self._index_version != self.version:
            index: dict[str, list[Touchpoint]] = {}
            for t in self._models().values():
                for cid in t.contact_ids:
                    index.setdefault(cid, []).append(t)
            for items in index.values():
                items.sort(key=lambda t: (t.date, t.created_at), reverse=True)
            self._index = index
            self._index_version = self.version
        return self._index

    def for_contact(self, contact_id: str) -> list[Touchpoint]:
        """This contact's touchpoints, newest first."""
        return list(self._by_contact().get(contact_id, ()))

    def invalidate(self) -> None:
        super().invalidate()
        self._index = None

    def log(self, tp: Touchpoint, *, touch: bool = True) -> Touchpoint:
        """Save a touchpoint and reset the cadence clock of every contact it covers.

        Shared entry point (the contacts list's ``l``, the composer's mark-sent, the board's
        follow-up). Call it inside ``store.batch()`` when it is part of a larger action. Logging a
        touchpoint that already exists is an edit: the contacts it covered before and after are
        recomputed.
        """
        store = self.store
        with store.batch():
            tp.contact_ids = list(dict.fromkeys(c for c in (clean_text(i) for i in tp.contact_ids) if c))
            before = self.get(tp.id)
            saved = self._put(tp, touch=touch)
            if before is not None:
                store.contacts.recompute_last_touch([*before.contact_ids, *saved.contact_ids])
                return saved
            changed = []
            for cid in saved.contact_ids:
                c = store.contacts.get(cid)
                if c is None:
                    continue
                c = c.copy()
                if saved.direction in QUALIFYING_DIRECTIONS and (c.last_touch_on or "") <= saved.date:
                    c.last_touch_on = saved.date
                    c.snoozed_until = None  # the touch is what the snooze was waiting for
                if (c.last_any_touch_on or "") < saved.date:
                    c.last_any_touch_on = saved.date
                changed.append(c)
            store.contacts.save_many(changed)
        return saved

    def remove(self, touchpoint_id: str) -> bool:
        """Delete a touchpoint and recompute the contacts it covered."""
        return self.delete_many([touchpoint_id]) == 1

    def save(self, obj: Touchpoint, *, touch: bool = True) -> Touchpoint:
        """As :meth:`log`: the contacts it covers are recomputed."""
        return self.log(obj, touch=touch)

    def save_many(self, objs: Iterable[Touchpoint], *, touch: bool = True) -> list[Touchpoint]:
        """Save several touchpoints; every contact they cover, before or after, is recomputed."""
        objs = list(objs)
        if not objs:
            return []
        covered: list[str] = []
        for t in objs:
            old = self.get(t.id)
            covered += [*t.contact_ids, *(old.contact_ids if old is not None else ())]
        with self.store.batch():
            saved = self._put_many(objs, touch=touch)
            self.store.contacts.recompute_last_touch(covered)
        return saved

    def delete(self, record_id: str) -> bool:
        return self.remove(record_id)

    def delete_many(self, ids: Iterable[str]) -> int:
        """Delete touchpoints; the contacts they covered are recomputed."""
        gone = [t for t in (self.get(i) for i in dict.fromkeys(ids)) if t is not None]
        if not gone:
            return 0
        with self.store.batch():
            n = self._drop_many([t.id for t in gone])
            self.store.contacts.recompute_last_touch([cid for t in gone for cid in t.contact_ids])
        return n
