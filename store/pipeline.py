"""Application records: the repository and the domain rules of the pipeline board.

Pure functions (no I/O, ``today`` passed in) hold the rules, so they are testable on fixtures:

* stage moves stamped from/to/when (:func:`moved`, :func:`closed`, :func:`reopened`), "applied on"
  stamped the first time a card reaches Applied;
* follow-up (activity logged, next action a week out), snooze, quiet detection, days in stage, what
  needs attention (:func:`needs_attention`, :func:`sweep_queue`);
* pipeline health: live vs floor, sent this week vs goal, the funnel with conversion per step, the
  median days to a first response (:func:`pipeline_health`);
* the board's filter (:func:`matches`) and order within a column (:func:`board_sort_key`).

:class:`ApplicationRepo` wraps them into user actions, each one atomic write (a close as rejected
or ghosted also asks the plans repository for a rebound plan inside the same batch).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, TypedDict, TypeVar

from . import clock
from .dates import from_iso, short_date
from .errors import PipelineError as PipelineError  # the board's callers know it from here
from .models import (
    OUTCOMES,
    STAGE_LABELS,
    STAGES,
    Application,
    Contact,
    Draft,
    JournalEntry,
    Stage,
    Touchpoint,
)
from .repo import Repo
from .sanitize import clean_text

if TYPE_CHECKING:
    from .db import Store
    from .health_tally import HealthTally
    from .models import Settings

#: Stages where silence means something (a wishlist card is ours to act on; an offer is theirs).
QUIET_STAGES = ("applied", "screening", "interviewing")
#: Outcomes that mean the employer answered (ghosted and withdrew are not an answer).
RESPONSE_OUTCOMES = frozenset({"rejected", "accepted", "declined", "role closed"})
#: Outcomes that start a rebound plan.
PLAN_OUTCOMES = frozenset({"rejected", "ghosted"})
#: The funnel: every application that reached each of these stages.
FUNNEL_STAGES = ("applied", "screening", "interviewing", "offer")
FOLLOW_UP_DAYS = 7
SNOOZE_DAYS = 7
DEFAULT_QUIET_DAYS = 21

_STAGE_INDEX: dict[str, int] = {s: i for i, s in enumerate(STAGES)}
_APPLIED = _STAGE_INDEX["applied"]


# ----------------------------------------------------------------------------- small helpers


def stage_index(stage: str) -> int:
    return _STAGE_INDEX.get(stage, 0)


def stage_label(stage: str) -> str:
    return STAGE_LABELS.get(stage, stage.title() if stage else "—")


def next_stage(stage: str) -> str | None:
    i = stage_index(stage)
    return STAGES[i + 1] if i + 1 < len(STAGES) else None


def prev_stage(stage: str) -> str | None:
    i = stage_index(stage)
    return STAGES[i - 1] if i > 0 else None


def week_start(today: date) -> date:
    """Monday of ``today``'s week."""
    return today - timedelta(days=today.weekday())


def _created_day(app: Application) -> date | None:
    return from_iso(app.created_at)


def stage_entered(app: Application) -> date | None:
    """The day the card entered its current stage."""
    day = from_iso(app.stage_entered_on)
    if day:
        return day
    for entry in reversed(app.stage_history or []):
        if isinstance(entry, dict) and entry.get("to") == app.stage:
            found = from_iso(entry.get("at"))
            if found:
                return found
    return _created_day(app)


def days_in_stage(app: Application, today: date) -> int:
    day = stage_entered(app)
    return max(0, (today - day).days) if day else 0


def _day_text(value: object) -> str:
    """``YYYY-MM-DD`` from a stored date or timestamp, or "" (ISO days compare as text)."""
    if isinstance(value, str) and len(value) >= 10 and value[4] == "-" and value[7] == "-":
        return value[:10]
    return ""


def last_activity(app: Application) -> date | None:
    """The last day something happened in this process (a move, a follow-up, a message sent)."""
    texts = [app.last_activity_on, app.stage_entered_on, app.applied_on, app.thank_you_sent_on,
             app.feedback_requested_on]
    if app.stage_history and isinstance(app.stage_history[-1], dict):
        texts.append(app.stage_history[-1].get("at"))
    latest = max((_day_text(t) for t in texts), default="")
    found = from_iso(latest) if latest else None
    if found is None and latest:  # a malformed value: read each one properly
        days = [d for d in (from_iso(t) for t in texts if isinstance(t, str)) if d]
        found = max(days) if days else None
    return found or _created_day(app)


def days_quiet(app: Application, today: date) -> int:
    day = last_activity(app)
    return max(0, (today - day).days) if day else 0


def is_snoozed(app: Application, today: date) -> bool:
    until = from_iso(getattr(app, "snoozed_until", None))
    return bool(until and until > today)


def is_quiet(app: Application, today: date, quiet_days: int = DEFAULT_QUIET_DAYS) -> bool:
    """Applied, Screening or Interviewing, and nothing has happened for ``quiet_days`` days."""
    if app.stage not in QUIET_STAGES or is_snoozed(app, today):
        return False
    return days_quiet(app, today) >= max(1, int(quiet_days or DEFAULT_QUIET_DAYS))


def next_action_state(app: Application, today: date) -> str:
    """``overdue``, ``today``, ``upcoming`` or ``""`` (no dated next action, or closed)."""
    if app.stage == "closed":
        return ""
    day = from_iso(app.next_action_date)
    if day is None:
        return ""
    if day < today:
        return "overdue"
    if day == today:
        return "today"
    return "upcoming"


def next_action_due(app: Application, today: date) -> bool:
    return next_action_state(app, today) in ("overdue", "today")


def needs_attention(app: Application, today: date, quiet_days: int = DEFAULT_QUIET_DAYS) -> bool:
    return next_action_due(app, today) or is_quiet(app, today, quiet_days)


def attention_reasons(app: Application, today: date, quiet_days: int = DEFAULT_QUIET_DAYS) -> list[str]:
    """Why the card needs attention, in words (for the sweep and the details)."""
    out = []
    state = next_action_state(app, today)
    what = app.next_action.strip() or "next action"
    if state == "overdue":
        out.append(f"{what}: since {short_date(app.next_action_date, today)}")
    elif state == "today":
        out.append(f"{what}: today")
    if is_quiet(app, today, quiet_days):
        out.append(f"quiet for {days_quiet(app, today)} days")
    return out


def sweep_queue(apps: Iterable[Application], today: date,
                quiet_days: int = DEFAULT_QUIET_DAYS) -> list[Application]:
    """The cards that need attention: overdue next actions first (oldest first), then due today,
    then quiet cards (longest silence first)."""
    picked = []
    for app in apps:
        if not needs_attention(app, today, quiet_days):
            continue
        due = from_iso(app.next_action_date) if next_action_due(app, today) else None
        key = (0, due.toordinal(), 0) if due else (1, 0, -days_quiet(app, today))
        picked.append((key, app.company.lower(), app.id, app))
    picked.sort(key=lambda t: t[:3])
    return [t[3] for t in picked]


# ----------------------------------------------------------------------------- changes (pure)


def _stamp_applied(app: Application, to_stage: str, today: date) -> None:
    if not app.applied_on and to_stage != "closed" and stage_index(to_stage) >= _APPLIED:
        app.applied_on = today.isoformat()


def created(app: Application, today: date | None = None) -> Application:
    """A new card: its first timeline entry, the day it entered its stage, "applied on" if it
    starts at Applied or later. Returns a changed copy."""
    today = today or clock.today()
    new = app.copy()
    if new.stage not in STAGES or new.stage == "closed":
        new.stage = "wishlist"
    if not new.stage_history:
        new.stage_history = [{"from": "", "to": new.stage, "at": clock.stamp()}]
    new.stage_entered_on = new.stage_entered_on or today.isoformat()
    new.last_activity_on = new.last_activity_on or today.isoformat()
    _stamp_applied(new, new.stage, today)
    return new


def moved(app: Application, to_stage: str, today: date | None = None) -> Application:
    """The card moved to ``to_stage`` (not Closed: use :func:`closed`). Returns a changed copy."""
    if to_stage not in STAGES:
        raise PipelineError(f"Unknown stage {to_stage!r}.")
    if to_stage == "closed":
        raise PipelineError("Closing needs an outcome.")
    if app.stage == to_stage:
        return app.copy()
    if app.stage == "closed":
        return reopened(app, to_stage, today)
    today = today or clock.today()
    new = app.copy()
    new.stage_history = list(new.stage_history) + [{"from": app.stage, "to": to_stage, "at": clock.stamp()}]
    new.stage = to_stage
    new.stage_entered_on = today.isoformat()
    new.last_activity_on = today.isoformat()
    new.snoozed_until = None
    _stamp_applied(new, to_stage, today)
    return new


def closed(app: Application, outcome: str, reason: str = "", on: date | None = None) -> Application:
    """Closed with ``outcome`` (one of OUTCOMES) on ``on``; records the stage it closed from.
    Closing a closed card changes its outcome (logged) without a second timeline move."""
    if outcome not in OUTCOMES:
        raise PipelineError(f"Unknown outcome {outcome!r}; one of: {', '.join(OUTCOMES)}.")
    today = clock.today()
    on = on or today
    new = app.copy()
    new.outcome_reason = (reason or "").strip()
    if app.stage == "closed":
        if app.outcome != outcome:
            new.activity = list(new.activity) + [{
                "on": today.isoformat(), "kind": "outcome",
                "what": f"outcome changed from {app.outcome or 'none'} to {outcome}"}]
        new.outcome = outcome
        new.outcome_on = on.isoformat()
        return new
    new.stage_history = list(new.stage_history) + [
        {"from": app.stage, "to": "closed", "at": clock.stamp(), "outcome": outcome}]
    new.closed_from_stage = app.stage
    new.stage = "closed"
    new.outcome = outcome
    new.outcome_on = on.isoformat()
    new.stage_entered_on = on.isoformat()
    new.last_activity_on = max(on, from_iso(app.last_activity_on) or on).isoformat()
    new.next_action_date = None
    new.snoozed_until = None
    return new


def reopened(app: Application, to_stage: str | None = None, today: date | None = None) -> Application:
    """A closed card back in play (in the stage it closed from, unless told otherwise)."""
    if app.stage != "closed":
        return app.copy()
    today = today or clock.today()
    wanted = to_stage or app.closed_from_stage or "offer"
    target: Stage = wanted if wanted in STAGES and wanted != "closed" else "offer"
    new = app.copy()
    new.stage_history = list(new.stage_history) + [{"from": "closed", "to": target, "at": clock.stamp()}]
    was = app.outcome or "closed"
    new.activity = list(new.activity) + [{"on": today.isoformat(), "kind": "reopen",
                                          "what": f"reopened (was {was})"}]
    new.stage = target
    new.stage_entered_on = today.isoformat()
    new.last_activity_on = today.isoformat()
    new.outcome = ""
    new.outcome_on = None
    new.outcome_reason = ""
    new.outcome_control = ""
    new.closed_from_stage = ""
    _stamp_applied(new, target, today)
    return new


def followed_up(app: Application, today: date | None = None, days: int = FOLLOW_UP_DAYS) -> Application:
    """Followed up today: logged; the next action moves ``days`` out."""
    today = today or clock.today()
    new = app.copy()
    new.activity = list(new.activity) + [{"on": today.isoformat(), "kind": "follow-up", "what": "followed up"}]
    new.last_activity_on = today.isoformat()
    new.next_action = new.next_action.strip() or "Follow up"
    new.next_action_date = (today + timedelta(days=days)).isoformat()
    new.snoozed_until = None
    return new


def snoozed(app: Application, today: date | None = None, days: int = SNOOZE_DAYS) -> Application:
    """Out of the sweep for ``days``: a due next action moves to then; a quiet mark waits."""
    today = today or clock.today()
    until = today + timedelta(days=days)
    new = app.copy()
    new.snoozed_until = until.isoformat()
    due = from_iso(new.next_action_date)
    if due and due <= today:
        new.next_action_date = until.isoformat()
    new.activity = list(new.activity) + [{"on": today.isoformat(), "kind": "snooze",
                                          "what": f"snoozed until {until.isoformat()}"}]
    return new


# ----------------------------------------------------------------------------- reading history


class TimelineEntry(TypedDict):
    """One line of a card's timeline: a stage move (``kind`` "move") or logged activity."""

    on: date | None
    at: str
    kind: str
    text: str


def timeline(app: Application) -> list[TimelineEntry]:
    """Stage moves and logged activity, oldest first."""
    out: list[TimelineEntry] = []
    for entry in app.stage_history or []:
        if not isinstance(entry, dict):
            continue
        at = str(entry.get("at") or "")
        frm, to = entry.get("from") or "", entry.get("to") or ""
        if not frm:
            text = f"added to {stage_label(to)}"
        elif to == "closed":
            outcome = entry.get("outcome")
            text = f"{stage_label(frm)} → Closed" + (f" ({outcome})" if outcome else "")
        else:
            text = f"{stage_label(frm)} → {stage_label(to)}"
        out.append({"on": from_iso(at), "at": at, "kind": "move", "text": text})
    for act in app.activity or []:
        if not isinstance(act, dict):
            continue
        on = str(act.get("on") or "")
        out.append({"on": from_iso(on), "at": on, "kind": str(act.get("kind") or "note"),
                    "text": str(act.get("what") or "")})
    out.sort(key=lambda e: (e["on"] or date.min, e["at"]))
    return out


_OFFER = _STAGE_INDEX["offer"]


def furthest_stage(app: Application) -> str:
    """The furthest live stage the card ever reached (``wishlist`` if it never left it)."""
    cur = app.closed_from_stage if app.stage == "closed" else app.stage
    best = _STAGE_INDEX.get(cur, 0) if cur != "closed" else 0
    if app.applied_on and best < _APPLIED:
        best = _APPLIED
    index = _STAGE_INDEX
    for entry in app.stage_history or ():
        if best >= _OFFER:
            break
        if isinstance(entry, dict):
            for key in ("to", "from"):
                i = index.get(str(entry.get(key) or ""), 0)
                if i > best and i <= _OFFER:
                    best = i
    return STAGES[best]




def first_response_day(app: Application) -> date | None:
    """The day the employer first answered: the first move out of Applied to a later stage, or a
    close from Applied whose outcome is an answer (rejected, role closed…; not ghosted)."""
    for entry in app.stage_history or []:
        if not isinstance(entry, dict) or entry.get("from") != "applied":
            continue
        to = entry.get("to")
        if to == "closed":
            outcome = entry.get("outcome") or app.outcome
            if outcome in RESPONSE_OUTCOMES:
                return from_iso(entry.get("at"))
            return None
        if to in _STAGE_INDEX and _STAGE_INDEX[to] > _APPLIED:
            return from_iso(entry.get("at"))
        if to == "wishlist":
            continue
    return None


# ----------------------------------------------------------------------------- health


@dataclass
class FunnelStep:
    stage: str
    label: str
    count: int
    #: Share of the previous step that reached this one (None for the first step or an empty one).
    conversion: float | None


@dataclass
class Health:
    live: int
    floor: int
    sent_this_week: int
    weekly_goal: int
    funnel: list[FunnelStep]
    median_first_response_days: float | None
    responses: int
    applied_total: int
    needs_attention: int
    quiet: int
    overdue: int
    by_stage: dict[str, int] = field(default_factory=dict)
    outcomes: dict[str, int] = field(default_factory=dict)
    #: Median days from a rejection or ghosting to the next application sent (resilience, not
    #: the funnel), and how many rejections that covers.
    median_bounce_back_days: float | None = None
    bounce_backs: int = 0

    @property
    def below_floor(self) -> int:
        return max(0, self.floor - self.live)

    @property
    def response_rate(self) -> float | None:
        return self.responses / self.applied_total if self.applied_total else None


@dataclass(frozen=True)
class AppFacts:
    """What one application adds to the health figures (for a given day and quiet setting)."""

    stage: str
    outcome: str
    applied: date | None
    furthest: int
    responded: bool
    wait_days: int | None
    quiet: bool
    action_state: str
    #: The day it closed as rejected or ghosted (for the bounce-back figure).
    lost_on: date | None = None


def app_facts(app: Application, today: date, quiet_days: int = DEFAULT_QUIET_DAYS) -> AppFacts:
    applied = from_iso(app.applied_on)
    far = stage_index(furthest_stage(app))
    responded, wait = False, None
    if far >= _APPLIED:
        resp = first_response_day(app)
        if resp is not None:
            responded = True
            if applied and resp >= applied:
                wait = (resp - applied).days
    lost = from_iso(app.outcome_on) if app.stage == "closed" and app.outcome in PLAN_OUTCOMES else None
    return AppFacts(app.stage, app.outcome if app.stage == "closed" else "", applied, far, responded, wait,
                    is_quiet(app, today, quiet_days), next_action_state(app, today), lost)


def bounce_backs(lost: list[date], applied: list[date]) -> list[int]:
    """For each rejection or ghosting, the days until the next application went out (same day
    counts as 0); rejections not yet followed by an application are left out."""
    applied = sorted(applied)
    out = []
    for day in lost:
        i = bisect.bisect_left(applied, day)
        if i < len(applied):
            out.append((applied[i] - day).days)
    return out


def aggregate_health(facts: Iterable[AppFacts], *, floor: int, weekly_goal: int, today: date) -> Health:
    """The board's numbers from every application's facts: their sums (:class:`store.health_tally.HealthTally`,
    which keeps them up to date one application at a time) made in one go."""
    from store.health_tally import HealthTally

    return HealthTally.of(today, facts).health(floor=floor, weekly_goal=weekly_goal)


def pipeline_health(apps: Iterable[Application], *, floor: int = 10, weekly_goal: int = 5,
                    quiet_days: int = DEFAULT_QUIET_DAYS, today: date | None = None) -> Health:
    """The board's numbers, from the data alone: live vs floor, sent this week (since Monday) vs
    goal, the funnel (every application that reached each stage) with the conversion of each step,
    the median days from applying to a first answer, and what needs attention."""
    today = today or clock.today()
    return aggregate_health((app_facts(a, today, quiet_days) for a in apps), floor=floor,
                            weekly_goal=weekly_goal, today=today)


# ----------------------------------------------------------------------------- filter and order


def haystack(app: Application) -> str:
    """What the board's filter searches: company, role, tags and notes."""
    tags = " ".join(str(t) for t in (app.tags or []))
    return f"{app.company}\n{app.role}\n{tags}\n{app.notes}".casefold()


def query_terms(query: str) -> list[str]:
    """The filter's words, cleaned like stored text (so a pasted escape sequence matches what was kept)."""
    return [t for t in clean_text(query or "").casefold().split() if t]


def matches(app: Application, query: str | list[str], _hay: str | None = None) -> bool:
    """True when every word of ``query`` appears in the company, role, tags or notes."""
    terms = query_terms(query) if isinstance(query, str) else query
    if not terms:
        return True
    hay = _hay if _hay is not None else haystack(app)
    return all(t in hay for t in terms)


def board_sort_key(app: Application) -> tuple[int, str, int, str, str]:
    """Order within a column: dated next actions first (soonest, so overdue on top; on the
    wishlist a deadline counts as the date), then the most exciting, then by company. Closed:
    most recently closed first."""
    if app.stage == "closed":
        day = from_iso(app.outcome_on) or from_iso(app.stage_entered_on) or date.min
        return (0, "", -day.toordinal(), app.company.casefold(), app.id)
    nad = app.next_action_date or (app.deadline if app.stage == "wishlist" else None) or ""
    return (0 if nad else 1, nad, -(app.excitement or 0), app.company.casefold(), app.id)


def _names_of(contact: Contact) -> set[str]:
    names = {contact.display_name.casefold()}
    full = f"{contact.first_name} {contact.last_name}".strip().casefold()
    if full:
        names.add(full)
    return names


def link_contacts(app: Application, contacts: Iterable[Contact]) -> Application:
    """Link the names typed on the card to contact records with that name (exact, any case).
    A linked contact stays linked while its name is listed; the names list is the source.
    Returns a changed copy."""
    wanted = [n.casefold() for n in app.contact_names]
    by_name: dict[str, str] = {}
    existing = {}
    for c in contacts:
        for name in _names_of(c):
            by_name.setdefault(name, c.id)
        if c.id in app.contact_ids:
            existing[c.id] = _names_of(c)
    ids: list[str] = []
    for name in wanted:
        cid = next((i for i, names in existing.items() if name in names), None) or by_name.get(name)
        if cid and cid not in ids:
            ids.append(cid)
    new = app.copy()
    new.contact_ids = ids
    return new


def split_list(text: str) -> list[str]:
    """``"a, b,, c"`` → ``["a", "b", "c"]`` (tags, contact names typed in one field)."""
    out = []
    for part in clean_text(text or "").replace("\n", ",").split(","):
        part = part.strip()
        if part and part not in out:
            out.append(part)
    return out


# ----------------------------------------------------------------------------- the repository


class ApplicationRepo(Repo[Application]):
    """User actions on applications; each is one atomic write.

    ``version`` (the table's, see :meth:`store.db.Store.table_version`) grows with every change and
    reload, so a screen can tell cheaply whether it must regroup. Health figures are kept per
    application and recomputed only for the ones that changed (the cached model object is the
    change marker: saved records are always new objects). ``delete``/``delete_many`` are
    :meth:`remove`: nothing is left pointing at a deleted application."""

    def __init__(self, store: Store, model: type[Application]) -> None:
        super().__init__(store, model)
        self._facts: dict[str, tuple[Application, AppFacts]] = {}
        self._facts_key: tuple[date, int] | None = None
        #: The facts' running sums, and the per-application cache they follow (a new cache: a new tally).
        self._tally: HealthTally | None = None
        self._tally_of: dict[str, tuple[Application, AppFacts]] | None = None

    def invalidate(self) -> None:
        super().invalidate()
        self._facts = {}

    def delete(self, record_id: str) -> bool:
        return self.remove(record_id)

    def delete_many(self, ids: Iterable[str]) -> int:
        with self.store.batch():
            return sum(self.remove(i) for i in list(ids))

    def titles(self, ids: Iterable[str | None]) -> dict[str, tuple[str, str]]:
        """(company, "company — role") of these applications (empty strings for a missing one),
        without parsing the table when nothing has needed it yet (the journal opens fast at 10,000
        applications)."""
        out: dict[str, tuple[str, str]] = {}
        parsed = self._cache
        for app_id in ids:
            if not app_id or app_id in out:
                continue
            if parsed is not None:
                app = parsed.get(app_id)
                company, role = (app.company, app.role) if app else ("", "")
            else:
                doc = self._doc(app_id)
                company = str(doc.get("company") or "") if isinstance(doc, dict) else ""
                role = str(doc.get("role") or "") if isinstance(doc, dict) else ""
            out[app_id] = (company, f"{company} — {role}" if role else company)
        return out

    def _require(self, app_id: str) -> Application:
        app = self.get(app_id)
        if app is None:
            raise PipelineError("That application no longer exists.")
        return app

    def _settings(self) -> Settings:
        return self.store.settings.current()

    def quiet_days(self) -> int:
        try:
            return int(self._settings().quiet_days) or DEFAULT_QUIET_DAYS
        except (TypeError, ValueError):
            return DEFAULT_QUIET_DAYS

    def _linked(self, app: Application) -> Application:
        return link_contacts(app, self.store.contacts.all())

    def add(self, app: Application) -> Application:
        """Save a new card (first timeline entry, "applied on" when it starts at Applied or later;
        contact names linked to contact records)."""
        return self.save(self._linked(created(app)))

    def update(self, app: Application) -> Application:
        """Save an edited card. An outcome changed to rejected or ghosted in the form gets its
        rebound plan, in the same write."""
        old = self.get(app.id)
        with self.store.batch():
            saved = self.save(self._linked(app))
            if (saved.stage == "closed" and saved.outcome in PLAN_OUTCOMES
                    and (old is None or old.outcome != saved.outcome)):
                self.store.plans.ensure_for_application(saved)
        return saved

    def move(self, app_id: str, to_stage: str) -> Application:
        """Move to a live stage or Wishlist (a closed card is reopened there)."""
        return self.save(moved(self._require(app_id), to_stage))

    def step(self, app_id: str, direction: int) -> Application:
        """One stage back (-1) or forward (+1). Back from Closed reopens in the stage it closed
        from; forward into Closed needs an outcome (raises :class:`PipelineError`)."""
        app = self._require(app_id)
        if app.stage == "closed":
            if direction > 0:
                raise PipelineError("Already closed.")
            return self.save(reopened(app))
        target = next_stage(app.stage) if direction > 0 else prev_stage(app.stage)
        if target is None:
            raise PipelineError("Already in the first stage.")
        if target == "closed":
            raise PipelineError("Closing needs an outcome.")
        return self.save(moved(app, target))

    def close(self, app_id: str, outcome: str, reason: str = "", on: date | None = None) -> Application:
        """Close with an outcome. Rejected or ghosted also gets its rebound plan, in the same write."""
        app = self._require(app_id)
        with self.store.batch():
            saved = self.save(closed(app, outcome, reason, on))
            if outcome in PLAN_OUTCOMES:
                self.store.plans.ensure_for_application(saved)
        return saved

    def reject(self, app_id: str, reason: str = "") -> Application:
        return self.close(app_id, "rejected", reason)

    def reopen(self, app_id: str, to_stage: str | None = None) -> Application:
        return self.save(reopened(self._require(app_id), to_stage))

    def follow_up(self, app_id: str) -> Application:
        """Followed up: logged on the card (next action a week out) and, when contacts are linked,
        as a touchpoint with them (their cadence restarts) — one write."""
        app = self._require(app_id)
        today = clock.today()
        with self.store.batch():
            saved = self.save(followed_up(app, today))
            contact_ids = [cid for cid in app.contact_ids if self.store.contacts.get(cid) is not None]
            if contact_ids:
                self.store.touchpoints.log(Touchpoint(
                    date=today.isoformat(), channel="email", direction="out", kind="follow-up",
                    summary=f"Followed up on {app.title}", contact_ids=contact_ids, application_id=app.id))
        return saved

    def snooze(self, app_id: str, days: int = SNOOZE_DAYS) -> Application:
        return self.save(snoozed(self._require(app_id), clock.today(), days))

    def remove(self, app_id: str) -> bool:
        """Delete an application and everything that only made sense with it, in one write: its
        rebound plan goes; drafts, touchpoints, journal entries and contacts that pointed at it
        stay, unlinked."""
        store = self.store
        with store.batch():
            if not self._drop(app_id):
                return False
            store.plans.delete_many([pl.id for pl in store.plans.find(lambda pl: pl.application_id == app_id)])
            _unlink(store.drafts, app_id)
            _unlink(store.touchpoints, app_id)
            _unlink(store.journal, app_id)
            contacts = []
            for c in store.contacts.find(lambda c: app_id in c.application_ids):
                c = c.copy()
                c.application_ids = [i for i in c.application_ids if i != app_id]
                contacts.append(c)
            store.contacts.save_many(contacts, touch=False)
        return True

    def health(self, today: date | None = None) -> Health:
        """:func:`pipeline_health` with the settings, recomputing only changed applications."""
        from store.health_tally import HealthTally

        s = self._settings()
        today = today or clock.today()
        cache = self._facts_for(today)
        models = self._models()
        fresh = self._tally_of is not cache
        if fresh:  # the first count of the day (or after a reload): add everything up once
            self._tally, self._tally_of = None, None
        fact = self._fact
        for key, app in models.items():  # only the applications that changed are worked out again
            hit = cache.get(key)
            if hit is None or hit[0] is not app:
                fact(cache, key, app, today)
        if len(cache) > len(models):
            for key in [k for k in cache if k not in models]:
                gone = cache.pop(key)
                if self._tally is not None:
                    self._tally.remove(gone[1])
        if fresh or self._tally is None:
            self._tally, self._tally_of = HealthTally.of(today, [f for _, f in cache.values()]), cache
        return self._tally.health(floor=s.pipeline_floor, weekly_goal=s.weekly_goal)

    def health_in_slices(self, today: date | None = None, size: int = 500) -> Iterator[None]:
        """Fill the per-application facts :meth:`health` adds up, ``size`` applications at a time,
        yielding between slices, then their running sums (the app's warm-up runs one slice per step, so
        the board's first health line only reads them: 10,000 applications take ~0.15 s in one go). Stops when the
        day, the quiet setting or the table changed meanwhile: :meth:`health` computes what is missing."""
        from store.health_tally import HealthTally

        today = today or clock.today()
        cache = self._facts_for(today)
        key_then, version = self._facts_key, self.version

        def changed() -> bool:
            return self._facts_key != key_then or self._facts is not cache or self.version != version

        items = list(self._models().items())
        for start in range(0, len(items), size):
            if changed():
                return
            for key, app in items[start:start + size]:
                self._fact(cache, key, app, today)
            yield
        # then their running sums, a slice at a time too (a count meanwhile made its own: kept)
        facts = [f for _, f in cache.values()]
        tally = HealthTally(today)
        for start in range(0, len(facts), size):
            if changed() or self._tally_of is cache:
                return
            tally.merge(HealthTally.of(today, facts[start:start + size]))
            yield
        if not changed() and self._tally_of is not cache:
            self._tally, self._tally_of = tally, cache

    def _facts_for(self, today: date) -> dict[str, tuple[Application, AppFacts]]:
        qd = self.quiet_days()
        if self._facts_key != (today, qd):
            self._facts = {}
            self._facts_key = (today, qd)
        return self._facts

    def _fact(self, cache: dict[str, tuple[Application, AppFacts]], key: str, app: Application,
              today: date) -> AppFacts:
        hit = cache.get(key)
        if hit is None or hit[0] is not app:
            quiet_days = self._facts_key[1] if self._facts_key else self.quiet_days()
            new = (app, app_facts(app, today, quiet_days))
            if self._tally is not None and self._tally_of is cache:  # the running sums follow
                if hit is not None:
                    self._tally.remove(hit[1])
                self._tally.add(new[1])
            cache[key] = hit = new
        return hit[1]

    def sweep_queue(self, today: date | None = None) -> list[Application]:
        return sweep_queue(self.all(), today or clock.today(), self.quiet_days())


_Linked = TypeVar("_Linked", Draft, Touchpoint, JournalEntry)


def _unlink(repo: Repo[_Linked], app_id: str) -> None:
    """The records of ``repo`` that point at a deleted application stop pointing at it."""
    changed = []
    for rec in repo.find(lambda r: r.application_id == app_id):
        rec = rec.copy()
        rec.application_id = None
        changed.append(rec)
    repo.save_many(changed, touch=False)
