"""The Today summary, computed from a :class:`~store.db.Store` without writing anything.

Used by the Today screen and by ``rebound-tui today`` (which must stay quick and Textual-free, so
nothing here imports a UI package). :func:`summarize` returns a :class:`Summary`: the date and a
greeting, the rebound plans in progress, what is on the list for today (application next actions,
drafts snoozed to today, feedback to keep as a lesson), at most three people it is a good moment to
reach out to (with a reason), the pipeline floor, the weekly goal, 30 days of mood as a sparkline, the
latest relief figure and one prompt.

Care: nothing here asks for more than one or two things in a day, and nothing is "late" or "overdue"
for people or feelings. Before there is any application there is no floor or goal to speak of; below
the floor, the text says what one good application this week would do; once it is met, it says that.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from . import clock, intention
from .brief import BriefSource, moved_in_on, wants_brief
from .dates import WEEKDAY_ABBRS, from_iso, humanize_ago, short_date
from .greeting import greeting as greeting  # its home is store.greeting (Today's first frame)
from .journal import eased_or_rose, entry_relief, lessons, mood_by_day
from .models import Application, JournalEntry, Settings
from .outreach import recipient_label
from .pipeline import next_action_due, week_start
from .plans import Evidence, PlanView, StepView, floor_words, pipeline_counts, plan_view
from .templates import KIND_LABELS

if TYPE_CHECKING:
    from .db import Store

MOOD_DAYS = 30
DUE_ORDER = {"lesson": 0, "application": 1, "brief": 2, "draft": 3, "contact": 4}
#: Interview briefs on Today at most (the newest moves first).
BRIEFS_A_DAY = 3
SPARK = "▁▂▃▄▅"  # mood 1..5
SPARK_NONE = "·"
#: People suggested on Today (and by ``rebound-tui today``) in one day, at most: the rest wait on Contacts.
CONTACTS_A_DAY = 3


@dataclass
class DueItem:
    """One thing on today's list. ``kind``: application, contact, draft, lesson."""

    kind: str
    ref: str  # the record's id (the plan's id for a lesson)
    title: str
    detail: str
    due: date
    overdue: int = 0  # days since ``due`` (for the order only: never shown as a debt)

    @property
    def when(self) -> str:
        """``today``, ``since yesterday``, ``since 25 Feb``; for a person, ``a good moment`` (people
        are never due or late)."""
        if self.kind == "contact":
            return "a good moment"
        if self.kind == "brief":
            return "before the interview"
        if self.overdue <= 0:
            return "today"
        if self.overdue == 1:
            return "since yesterday"
        today = self.due + timedelta(days=self.overdue)
        return f"since {short_date(self.due, today)}"


@dataclass
class Summary:
    today: date
    greeting: str
    name: str
    plans: list[PlanView]
    due: list[DueItem]
    live: int
    wishlist: int
    floor: int
    need: int
    week_sent: int
    weekly_goal: int
    mood: list[float | None] = field(default_factory=list)  # oldest first, one per day, MOOD_DAYS long
    relief: float | None = None
    relief_on: date | None = None
    relief_entry_id: str | None = None
    prompt: str = ""
    prompt_key: str = ""
    #: Plans (shown or not) with steps done from evidence that are not stored as done yet.
    unrecorded: list[PlanView] = field(default_factory=list)
    #: Applications in all (none yet: the first run, with no floor or goal to speak of).
    applications: int = -1
    #: People it would also be a good moment to reach out to, beyond the few in ``due`` (on Contacts).
    contacts_more: int = 0
    #: "If I get a no, then I…": the person's plan (tops a fresh rebound plan), and whether to ask for
    #: one (the first rejection, asked once).
    if_no_plan: str = ""
    ask_if_no: bool = False

    @property
    def first_run(self) -> bool:
        """No application yet: Today shows no floor or goal until there is data."""
        return self.applications == 0

    @property
    def people(self) -> list[DueItem]:
        """The few people suggested today."""
        return [d for d in self.due if d.kind == "contact"]

    @property
    def tasks(self) -> list[DueItem]:
        """Today's list without the people."""
        return [d for d in self.due if d.kind != "contact"]

    @property
    def sparkline(self) -> str:
        return sparkline(self.mood)

    @property
    def mood_average(self) -> float | None:
        vals = [m for m in self.mood if m]
        return sum(vals) / len(vals) if vals else None

    @property
    def floor_text(self) -> str:
        """Never a count for the day: nothing before the first application; below the floor, what one
        good application this week would do; at the floor, that it is met."""
        return floor_words(self.live, self.floor, first_run=self.first_run)

    @property
    def week_text(self) -> str:
        """``2 of 5 applied`` (the user's own goal for the week); "" before the first application."""
        return "" if self.first_run else f"{self.week_sent} of {self.weekly_goal} applied"

    @property
    def relief_text(self) -> str:
        """The latest reframe, the right way round: ``feelings eased 52 of 100, 3d ago`` (or ``rose``)."""
        if self.relief is None:
            return "no reframe with re-rated feelings yet"
        when = humanize_ago(self.relief_on, self.today) if self.relief_on else ""
        return f"{relief_change(self.relief)}, {when}" if when else relief_change(self.relief)


# --------------------------------------------------------------------------- pieces (pure)


def relief_change(relief: float) -> str:
    """How the re-rated feelings moved, the right way round: ``feelings eased 52 of 100``,
    ``feelings rose 10 of 100``, ``feelings held steady``."""
    return f"feelings {eased_or_rose(relief)}"


def relative_day(d: date, today: date) -> str:
    days = (d - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    if 1 < days < 7:
        return f"{WEEKDAY_ABBRS[d.weekday()]} {d.day}"
    return short_date(d, today)


def step_when(step: StepView, today: date) -> str:
    """The step's state in words: done 2 Mar, skipped, snoozed until Thu 5, due tomorrow, since
    yesterday, after 15:00 (the day the cool-off ends, until it does). Reflecting is never due or
    late: it is there "when you're ready"."""
    if step.status == "done":
        return f"done {short_date(step.done_on, today)}".strip()
    if step.status == "skipped":
        return "skipped"
    if step.status == "snoozed" and step.snoozed_until and step.snoozed_until > today:
        return f"snoozed until {relative_day(step.snoozed_until, today)}"
    if step.key == "reflect" or step.due is None:
        return "when you're ready"
    waiting = step.waiting_until(clock.now())
    if waiting is not None and waiting.date() <= today:
        return f"after {waiting.astimezone(clock.now().tzinfo):%H:%M}"  # the composer's cool-off runs
    if step.overdue_days(today):
        start = step.snoozed_until if step.status == "snoozed" and step.snoozed_until else step.due
        return f"since {relative_day(max(start, step.due), today)}"
    return f"due {relative_day(step.due, today)}"


def step_is_due(step: StepView, today: date) -> bool:
    """An open step dated today or earlier (Reflect never counts: it waits until you're ready)."""
    if not step.is_open or step.key == "reflect" or step.due is None:
        return False
    if step.status == "snoozed" and step.snoozed_until and step.snoozed_until > today:
        return False
    if step.due == today and step.waiting_until(clock.now()) is not None:
        return False  # not while the composer still says "sleep on it"
    return step.due <= today


def sparkline(values: Iterable[float | None]) -> str:
    out = []
    for v in values:
        if isinstance(v, (int, float)) and v >= 1:
            out.append(SPARK[min(len(SPARK), max(1, round(v))) - 1])
        else:
            out.append(SPARK_NONE)
    return "".join(out)


def sent_this_week(apps: Iterable[Application], today: date) -> int:
    start = week_start(today).isoformat()
    end = today.isoformat()
    return sum(1 for a in apps if a.applied_on and start <= a.applied_on[:10] <= end)


def mood_series(entries: Iterable[JournalEntry], today: date, days: int = MOOD_DAYS) -> list[float | None]:
    """Mean mood (1-5) per day, oldest first; ``None`` on days without a rating (the journal's rule)."""
    return mood_by_day(entries, days, today)


def latest_relief(entries: Iterable[JournalEntry]) -> tuple[float, date, str] | None:
    best: tuple[tuple[str, str], float, JournalEntry] | None = None
    for e in entries:
        if e.kind != "reframe" or e.is_draft:
            continue
        r = entry_relief(e)
        if r is None:
            continue
        key = (e.entry_date or "", e.created_at or "")
        if best is None or key > best[0]:
            best = (key, r, e)
    if best is None:
        return None
    _, r, e = best
    return r, from_iso(e.entry_date) or clock.today(), e.id


# --------------------------------------------------------------------------- contacts due


def contacts_due(store: Store, today: date) -> list[DueItem]:
    """People it is a good moment to reach out to (the contacts module's rule), most urgent first,
    each with its suggested reason."""
    out = []
    for row in store.contacts.due(today):
        info = row.info
        due = info.due or today
        reason = row.reason.text if row.reason else "time to check in"
        out.append(DueItem("contact", row.contact.id, row.contact.display_name, reason, due,
                           max(0, info.days_past)))
    return out


# --------------------------------------------------------------------------- prompts

#: Our own reframing prompts: (key, second person, with the user's name in ``{name}``).
PROMPTS: list[tuple[str, str, str]] = [
    ("friend", "If a friend with your exact CV got this email, what would you tell them?",
     "If a friend with {name}'s CV got this email, what would {name} tell them?"),
    ("reasons", "Name three reasons this could have happened that say nothing about your worth.",
     "Name three reasons this could have happened that say nothing about {name}'s worth."),
    ("month", "How much will this particular no matter in a month? In a year?",
     "How much will this particular no matter to {name} in a month? In a year?"),
    ("control", "Is there one thing you could change next time? If not, it was outside your control.",
     "Is there one thing {name} could change next time? If not, it was outside {name}'s control."),
    ("next24", "Pick one job-search step you can finish in the next 24 hours, and give it a time.",
     "What one job-search step can {name} finish in the next 24 hours? Give it a time."),
    ("mentor", "Write yourself two sentences in the voice of a mentor who is on your side.",
     "Write {name} two sentences in the voice of a mentor who is on {name}'s side."),
    ("evidence", "Which facts don't fit the harshest thought: callbacks, praise, past offers?",
     "Which facts don't fit {name}'s harshest thought: callbacks, praise, past offers?"),
    ("stage", "Which stage did you reach, and how many others were probably still in the running?",
     "Which stage did {name} reach, and how many others were probably still in the running?"),
    ("want", "What has this search taught you about what you actually want next?",
     "What has this search taught {name} about what {name} actually wants next?"),
    ("hour", "What will you do in the first hour after the next no? Decide it now.",
     "What will {name} do in the first hour after the next no? Decide it now."),
    ("respect", "Who do you respect who was turned down for a job they wanted?",
     "Who does {name} respect who was turned down for a job they wanted?"),
    ("hurts", "In one line, admit this hurts, without arguing with it or making it bigger.",
     "In one line, let {name} admit this hurts, without arguing with it or making it bigger."),
]
#: Prompts for the first days after a rejection.
FRESH_KEYS = ["hurts", "friend", "reasons", "stage", "month"]


def pick_prompt(today: date, *, fresh: bool, name: str = "", use_name: bool = False) -> tuple[str, str]:
    """One prompt for the day: the same all day, a different one tomorrow. (key, text)."""
    pool = [p for p in PROMPTS if p[0] in FRESH_KEYS] if fresh else PROMPTS
    key, plain, named = pool[today.toordinal() % len(pool)]
    first = (name or "").split()
    if use_name and first:
        return key, named.format(name=first[0])
    return key, plain


# --------------------------------------------------------------------------- the whole summary


def due_applications(apps: Iterable[Application], today: date) -> list[DueItem]:
    out = []
    for a in apps:
        if not a.next_action_date or not next_action_due(a, today):
            continue
        d = from_iso(a.next_action_date)
        if d is None:
            continue
        out.append(DueItem("application", a.id, a.title, a.next_action or "next step", d, (today - d).days))
    return out


def interview_briefs(apps: list[Application], entries: Iterable[JournalEntry], today: date) -> list[DueItem]:
    """A short brief for each card that moved into Screening or Interviewing lately (or has an
    interview soon), when the Lessons list or recorded feedback has something for it."""
    wanted = sorted((a for a in apps if wants_brief(a, today)),
                    key=lambda a: (moved_in_on(a) or today, a.id), reverse=True)[:BRIEFS_A_DAY]
    if not wanted:
        return []
    source = BriefSource(lessons(entries), apps)  # once for every card's brief
    out = []
    for a in wanted:
        brief = source.brief(a.id)
        if not brief.empty:
            out.append(DueItem("brief", a.id, a.title, brief.line(), moved_in_on(a) or today))
    return out


def drafts_put_off(store: Store, today: date) -> list[DueItem]:
    """Drafts snoozed until today or before (the outreach module's rule)."""
    out = []
    for d in store.drafts.due(today):
        until = from_iso(d.put_off_until) or today
        kind = KIND_LABELS.get(d.kind, d.kind)
        who = recipient_label(d, store=store)
        out.append(DueItem("draft", d.id, f"{kind} to {who}", d.subject or "snoozed until today",
                           until, max(0, (today - until).days)))
    return out


def plan_views(store: Store, today: date, settings: Settings, apps: list[Application],
               *, include_finished: bool = False, counts: tuple[int, int] | None = None) -> list[PlanView]:
    plans = store.plans.all() if include_finished else store.plans.unfinished()
    if not plans:
        return []
    ev = Evidence(store, [p.application_id for p in plans])
    ev._apps = apps
    counts = counts or pipeline_counts(apps)
    views = [plan_view(store, p, today, evidence=ev, counts=counts, floor=settings.pipeline_floor) for p in plans]
    views.sort(key=lambda v: (v.started, v.plan.created_at), reverse=True)
    return views


def summarize(store: Store, today: date | None = None) -> Summary:
    today = today or clock.today()
    settings = store.settings.current()
    apps = store.applications.all()
    live, wish = pipeline_counts(apps)
    every = plan_views(store, today, settings, apps, counts=(live, wish))
    views = [v for v in every if v.active]
    due: list[DueItem] = []
    due += due_applications(apps, today)
    people = contacts_due(store, today)
    due += people[:CONTACTS_A_DAY]
    due += drafts_put_off(store, today)
    for v in views:
        if v.feedback:
            due.append(DueItem("lesson", v.plan.id, f"Feedback from {v.app.company if v.app else '?'}",
                               "keep it as a lesson in the journal", today))
    # grouped (a lesson to keep, application next steps, drafts put off, then contacts: the longest
    # list), the longest waiting first within each group
    entries = store.journal.all()
    due += interview_briefs(apps, entries, today)
    due.sort(key=lambda d: (DUE_ORDER.get(d.kind, 9), -d.overdue, d.title.casefold()))
    relief = latest_relief(entries)
    fresh = any(v.days_since <= 3 for v in views)
    key, prompt = pick_prompt(today, fresh=fresh, name=settings.my_name, use_name=settings.use_my_name)
    return Summary(
        today=today, greeting=greeting(clock.now().hour, settings.my_name), name=settings.my_name,
        plans=views, due=due, live=live, wishlist=wish, floor=settings.pipeline_floor,
        need=max(0, settings.pipeline_floor - live), week_sent=sent_this_week(apps, today),
        weekly_goal=settings.weekly_goal, mood=mood_series(entries, today),
        relief=relief[0] if relief else None, relief_on=relief[1] if relief else None,
        relief_entry_id=relief[2] if relief else None, prompt=prompt, prompt_key=key,
        unrecorded=[v for v in every if any(s.unrecorded for s in v.steps)],
        applications=len(apps), contacts_more=max(0, len(people) - CONTACTS_A_DAY),
        if_no_plan=intention.planned(settings),
        ask_if_no=bool(views) and intention.should_ask(settings, store.plans.count()),
    )
