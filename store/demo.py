"""Realistic sample data: for ``--demo`` (a few dozen records) and, with bigger counts, for the
benchmark's heavy dataset. Deterministic for a given seed and "today"."""

from __future__ import annotations

import itertools
import random
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any, TypedDict

from . import clock
from .models import (
    CONTACT_ROLES,
    LIVE_STAGES,
    STAGES,
    WORK_MODES,
    Application,
    Contact,
    Draft,
    DraftChannel,
    DraftKind,
    JournalEntry,
    JournalKind,
    Settings,
    Stage,
    StageMove,
    Touchpoint,
)

if TYPE_CHECKING:
    from .db import Store

COMPANIES = [
    "Northwind Labs", "Bluefin Analytics", "Cedar & Pine", "Orbital Freight", "Quillstone",
    "Harbor Health", "Lumen Robotics", "Tessellate", "Brightwater Bank", "Kestrel Games",
    "Marlow Energy", "Juniper Systems", "Fathom AI", "Copperleaf", "Nimbus Retail",
    "Saltmarsh Media", "Granite Cloud", "Wayfarer Travel", "Oakridge Insurance", "Pebble Finance",
    "Riverbend Logistics", "Sable Security", "Tandem Bio", "Umbra Studios", "Verity Legal",
]
ROLES = [
    "Senior Backend Engineer", "Data Engineer", "Platform Engineer", "Product Analyst",
    "Engineering Manager", "Site Reliability Engineer", "Full-stack Developer", "ML Engineer",
    "Developer Advocate", "Staff Engineer", "QA Automation Engineer", "Solutions Architect",
]
LOCATIONS = ["Remote (EU)", "Berlin", "London", "Lisbon", "Amsterdam", "Remote (US)", "Dublin", "Toronto"]
SOURCES = ["LinkedIn", "referral", "company site", "recruiter", "Hacker News", "meetup", "job board"]
TAGS = ["python", "fintech", "climate", "startup", "big-co", "remote", "dream", "visa"]
FIRST = ["Ana", "Ben", "Chloe", "Dev", "Elif", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kira",
         "Liam", "Maya", "Nikhil", "Olga", "Priya", "Quentin", "Rosa", "Sam", "Tomas", "Uma", "Viktor",
         "Wen", "Yara", "Zoe"]
LAST = ["Almeida", "Brandt", "Chen", "Dubois", "Eriksen", "Fischer", "Gupta", "Haddad", "Ivanova",
        "Jensen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "O'Brien", "Petrov", "Quinn", "Rossi",
        "Schmidt", "Tanaka", "Urbina", "Varga", "Weber", "Yilmaz", "Zhang"]
ROUND_NAMES = ["recruiter screen", "technical", "system design", "team fit", "final"]
REASONS = ["went with a candidate with more domain experience", "position filled internally",
           "looking for more seniority", "", "budget freeze"]
HOT_THOUGHTS = [
    "I'm unemployable.", "I always blow the technical round.", "They must have thought I was a fraud.",
    "I'll never get an offer at this level.", "Everyone else is getting hired but me.",
]
EMOTIONS = ["disappointed", "anxious", "ashamed", "angry", "sad", "frustrated"]
NOTES = [
    "Talked about their move to event sourcing; they liked the migration story.",
    "Hiring manager is ex-consultancy. Team of 6, on-call 1 week in 6.",
    "Asked about salary band early; they said 70-85k.",
    "Take-home was a CLI tool; used Textual, they loved it.",
    "",
]


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _ts(d: date, hour: int = 10) -> str:
    return datetime.combine(d, time(hour, 0), tzinfo=UTC).isoformat(timespec="seconds")


class DemoData(TypedDict):
    """The records of a sample dataset, by table."""

    applications: list[Application]
    journal: list[JournalEntry]
    contacts: list[Contact]
    touchpoints: list[Touchpoint]
    drafts: list[Draft]


def build(*, applications: int = 40, journal: int = 30, contacts: int = 25, touchpoints: int = 60,
          drafts: int = 6, seed: int = 7, today: date | None = None) -> DemoData:
    """Return the records (models) of a sample dataset, without saving them.

    Every random choice comes from one generator in a fixed order, so a seed and a day always give
    the same data (the snapshots rely on it)."""
    rng = random.Random(seed)
    today = today or clock.today()
    apps = _applications(rng, applications, today)
    fresh = _fresh_rejections(apps, today)
    people = _contacts(rng, contacts, apps, today)
    touches = _touchpoints(rng, touchpoints if people else 0, people, today)
    rejected = [a for a in apps if a.outcome == "rejected"]
    entries = _journal(rng, journal, rejected, today)
    _people_met(fresh, people)
    msgs = _drafts(drafts if people else 0, people, rejected, today)
    return {"applications": apps, "journal": entries, "contacts": people, "touchpoints": touches,
            "drafts": msgs}


#: The stage mix: a realistic funnel.
_STAGE_WEIGHTS: dict[Stage, int] = {"wishlist": 14, "applied": 30, "screening": 10, "interviewing": 10, "offer": 2,
                                    "closed": 34}


def _applications(rng: random.Random, count: int, today: date) -> list[Application]:
    # spread each stage evenly through the pool, so even a small demo has every stage
    stage_pool = [s for _, s in sorted(((k + 0.5) / w, s) for s, w in _STAGE_WEIGHTS.items() for k in range(w))]
    apps = []
    for i in range(count):
        company = COMPANIES[i % len(COMPANIES)] if i < len(COMPANIES) else rng.choice(COMPANIES) + (
            f" {i // len(COMPANIES)}" if count > 200 else "")
        stage = stage_pool[i % len(stage_pool)] if i < 60 else rng.choice(stage_pool)
        created = today - timedelta(days=rng.randint(1, 120 if count < 200 else 720))
        a = Application(company=company, role=rng.choice(ROLES), location=rng.choice(LOCATIONS),
                        work_mode=rng.choice(WORK_MODES), source=rng.choice(SOURCES),
                        excitement=rng.randint(1, 5), tags=rng.sample(TAGS, rng.randint(0, 2)),
                        salary=rng.choice(["", "70-85k EUR", "£75k", "$140-160k", "DOE"]),
                        notes=rng.choice(NOTES), url=f"https://jobs.example.com/{i}",
                        created_at=_ts(created), updated_at=_ts(created))
        _walk(rng, a, stage, created, today)
        _details(rng, a, today)
        apps.append(a)
    return apps


#: How far a closed application got before it closed (drawn with repeats: a realistic funnel).
_REACHED: list[Stage] = ["applied", "applied", "screening", "interviewing", "interviewing", "offer"]


def _walk(rng: random.Random, a: Application, stage: Stage, created: date, today: date) -> None:
    """Move the card through the board to ``stage`` (closing it with an outcome), dated."""
    order = STAGES[:5]
    if stage == "closed":
        reach = rng.choice(_REACHED)
        path = [*order[: order.index(reach) + 1], "closed"]
    else:
        path = order[: order.index(stage) + 1]
    day = created
    history: list[StageMove] = []
    for frm, to in itertools.pairwise(path):
        day = min(today, day + timedelta(days=rng.randint(1, 12)))
        history.append({"from": frm, "to": to, "at": _ts(day, 9 + len(history))})
        if to == "applied":
            a.applied_on = _iso(day)
    a.stage = path[-1]
    a.stage_history = history
    a.stage_entered_on = _iso(day)
    a.last_activity_on = _iso(day)
    if a.stage == "closed":
        prev = path[-2]
        a.closed_from_stage = prev
        a.outcome = "rejected" if prev != "applied" or rng.random() < 0.5 else "ghosted"
        if prev == "offer":
            a.outcome = rng.choice(["declined", "accepted"]) if rng.random() < 0.3 else "rejected"
        a.outcome_on = _iso(day)
        a.outcome_reason = rng.choice(REASONS) if a.outcome == "rejected" else ""


def _details(rng: random.Random, a: Application, today: date) -> None:
    """Rounds, names, next actions and deadlines, as the card's stage suggests."""
    if a.stage in ("interviewing", "screening"):
        a.round_number = rng.randint(1, 3)
        a.round_name = ROUND_NAMES[min(a.round_number, len(ROUND_NAMES) - 1)]
        a.contact_names = [f"{rng.choice(FIRST)} {rng.choice(LAST)}"]
    if a.stage in LIVE_STAGES and rng.random() < 0.6:
        a.next_action = rng.choice(["Follow up with recruiter", "Prep system design", "Send thank-you",
                                    "Check application status", "Ask for referral"])
        a.next_action_date = _iso(today + timedelta(days=rng.randint(-5, 10)))
    if a.stage == "wishlist" and rng.random() < 0.5:
        a.deadline = _iso(today + timedelta(days=rng.randint(3, 30)))


def _fresh_rejections(apps: list[Application], today: date) -> list[Application]:
    """Make sure the demo shows fresh rejections: the first two, yesterday and the day before."""
    fresh = [a for a in apps if a.outcome == "rejected"][:2]
    for n, a in enumerate(fresh):
        d = today - timedelta(days=n + 1)
        a.outcome_on = _iso(d)
        a.stage_entered_on = _iso(d)
        a.last_activity_on = _iso(d)
        if a.stage_history:
            a.stage_history[-1]["at"] = _ts(d, 16)
    return fresh


def _contacts(rng: random.Random, count: int, apps: list[Application], today: date) -> list[Contact]:
    people = []
    for i in range(count):
        first, last = FIRST[i % len(FIRST)], LAST[(i * 7) % len(LAST)]
        if count > len(FIRST):
            first = rng.choice(FIRST)
            last = rng.choice(LAST)
        app = rng.choice(apps) if apps else None
        met = today - timedelta(days=rng.randint(10, 400))
        plain_last = last.lower().replace("'", "")
        c = Contact(first_name=first, last_name=last, company=app.company if app else rng.choice(COMPANIES),
                    title=rng.choice(["Recruiter", "Engineering Manager", "Staff Engineer", "CTO",
                                      "Talent Partner", "Senior Engineer"]),
                    role=rng.choice(CONTACT_ROLES), emails=[f"{first.lower()}.{plain_last}@example.com"],
                    linkedin_url=f"https://www.linkedin.com/in/{first.lower()}-{plain_last}-{i}",
                    how_met=rng.choice(["interview", "meetup", "referral", "former colleague", "conference"]),
                    met_on=_iso(met), cadence=rng.choice(["", "", "quarterly", "monthly", "semiannual"]),
                    cadence_set_on=_iso(met), application_ids=[app.id] if app and rng.random() < 0.5 else [],
                    next_time=rng.choice(["", "Ask how the platform migration went", "Congratulate on the talk"]),
                    tags=rng.sample(TAGS, rng.randint(0, 2)),
                    created_at=_ts(met), updated_at=_ts(met))
        if rng.random() < 0.3:
            month = (today + timedelta(days=rng.randint(0, 60))).month
            c.important_dates = [{"kind": "work anniversary", "label": "", "month": month,
                                  "day": rng.randint(1, 28), "year": None}]
        people.append(c)
    return people


def _touchpoints(rng: random.Random, count: int, people: list[Contact], today: date) -> list[Touchpoint]:
    """Past touches, with each contact's last touch kept as the contacts module would derive it."""
    touches = []
    for _ in range(count):
        c = rng.choice(people)
        day = today - timedelta(days=rng.randint(1, 300))
        t = Touchpoint(date=day.isoformat(), channel=rng.choice(["email", "linkedin message", "call", "video"]),
                       direction=rng.choice(["out", "out", "in", "two-way"]),
                       kind=rng.choice(["check-in", "thank-you", "article", "congratulations", "follow-up"]),
                       summary=rng.choice(["Quick catch-up", "Sent the article on hiring loops",
                                           "Thanked them for the referral", "Coffee chat"]),
                       contact_ids=[c.id], created_at=_ts(day), updated_at=_ts(day))
        touches.append(t)
        if t.direction in ("out", "two-way") and (c.last_touch_on or "") < t.date:
            c.last_touch_on = t.date
        if (c.last_any_touch_on or "") < t.date:
            c.last_any_touch_on = t.date
    return touches


def _journal(rng: random.Random, count: int, rejected: list[Application], today: date) -> list[JournalEntry]:
    entries = []
    kinds: list[JournalKind] = ["checkin", "checkin", "freewrite", "reframe"]
    for i in range(count):
        d = today - timedelta(days=i if count < 100 else rng.randint(0, 1500))
        kind = kinds[i % 4]
        e = JournalEntry(kind=kind, entry_date=d.isoformat(), mood=rng.randint(1, 5), energy=rng.randint(1, 5),
                         created_at=_ts(d, 20), updated_at=_ts(d, 20))
        if kind == "checkin":
            e.body = rng.choice(["Slept badly, but the walk helped.", "Good call with a mentor.",
                                 "Low energy after the rejection email.", ""])
        elif kind == "freewrite":
            e.title = rng.choice(["After the panel", "A slow week", "What I actually want"])
            e.body = ("Writing this down so it stops looping. " * rng.randint(2, 12)).strip()
        else:
            _reframe(rng, e, rng.choice(rejected) if rejected else None)
        entries.append(e)
    return entries


def _reframe(rng: random.Random, e: JournalEntry, app: Application | None) -> None:
    """A finished thought record about ``app``'s rejection."""
    e.application_id = app.id if app else None
    e.situation = (f"Got a rejection email from {app.company} after the {app.closed_from_stage} stage."
                   if app else "Got a rejection email.")
    emos = rng.sample(EMOTIONS, 2)
    e.emotions = [{"name": n, "before": rng.randint(60, 95), "after": rng.randint(20, 60)} for n in emos]
    e.thoughts = [{"text": rng.choice(HOT_THOUGHTS), "belief": rng.randint(60, 95), "hot": True}]
    e.distortions = rng.sample(["overgeneralization", "fortune telling", "labeling", "mind reading",
                                "catastrophizing"], 2)
    e.evidence_for = ["I didn't answer the scaling question well."]
    e.evidence_against = ["I reached the final round in two other processes this month.",
                          "The recruiter said the feedback on my code was strong."]
    e.balanced_thought = "One process didn't work out; my track record says I get interviews."
    e.balanced_belief = rng.randint(50, 85)
    e.hot_belief_after = rng.randint(20, 55)
    e.lesson = rng.choice(["Practise a scaling story out loud.", "Ask about team size earlier.", ""])


def _people_met(fresh: list[Application], people: list[Contact]) -> None:
    """The fresh rejections met people: a recruiter who is a contact already, and an interviewer
    known only by name, so their rebound plans have someone to thank and someone to stay in touch
    with."""
    for n, a in enumerate(fresh):
        if len(people) < 2 * (n + 1):
            break
        recruiter = people[2 * n]
        recruiter.company, recruiter.title, recruiter.role = a.company, "Talent Partner", "recruiter"
        if a.id not in recruiter.application_ids:
            recruiter.application_ids = [*recruiter.application_ids, a.id]
        interviewer = people[2 * n + 1]
        a.contact_ids = [recruiter.id]
        a.contact_names = [recruiter.display_name, f"{interviewer.first_name} {LAST[(n + 3) % len(LAST)]}"]
        if a.round_number == 0:
            a.round_number, a.round_name = 2, "technical"


_DRAFT_KINDS: list[DraftKind] = ["rejection reply", "feedback request", "thank-you", "check-in", "connection note",
                                 "article"]
_SUBJECTS = {"rejection reply": "Thank you", "feedback request": "A quick question",
             "thank-you": "Thank you for today", "check-in": "Catching up", "article": "Thought of you"}


def _drafts(count: int, people: list[Contact], rejected: list[Application], today: date) -> list[Draft]:
    msgs = []
    for i in range(count):
        c = people[i % len(people)]
        app = rejected[i % len(rejected)] if rejected else None
        kind = _DRAFT_KINDS[i % 6]
        channel: DraftChannel = "linkedin note" if kind == "connection note" else "email"
        d = Draft(kind=kind, contact_ids=[c.id], recipient_name=c.display_name,
                  application_id=app.id if app and kind in ("rejection reply", "feedback request") else None,
                  channel=channel, subject=_SUBJECTS.get(kind, "") if channel == "email" else "",
                  body=f"Hi {c.first_name},\n\nThank you for your time.\n\nBest,\nAlex",
                  status="sent" if i % 3 == 2 else "draft")
        if d.status == "sent":
            d.sent_on = _iso(today - timedelta(days=i))
        msgs.append(d)
    return msgs


def populate(store: Store, **kwargs: Any) -> dict[str, int]:
    """Generate sample data into ``store`` with one write. Returns the counts."""
    data = build(**kwargs)
    with store.batch():
        store.applications.save_many(data["applications"], touch=False)
        store.journal.save_many(data["journal"], touch=False)
        store.contacts.save_many(data["contacts"], touch=False)
        store.touchpoints.save_many(data["touchpoints"], touch=False)
        store.drafts.save_many(data["drafts"], touch=False)
        s = Settings(id="settings", my_name="Alex Morgan", signature="Alex Morgan\nalex@example.com")
        store.settings.save(s)
        # a rebound plan for each rejection of the last week (issue 7), as the board makes them
        week_ago = (clock.today() - timedelta(days=7)).isoformat()
        for a in data["applications"]:
            if a.stage == "closed" and a.outcome in ("rejected", "ghosted") and (a.outcome_on or "") >= week_ago:
                store.plans.ensure_for_application(a)
    return {"applications": len(data["applications"]), "journal": len(data["journal"]),
            "contacts": len(data["contacts"]), "touchpoints": len(data["touchpoints"]),
            "drafts": len(data["drafts"])}


HEAVY: dict[str, int] = dict(applications=10_000, journal=5_000, contacts=2_000, touchpoints=20_000, drafts=200)
