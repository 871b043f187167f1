"""Outreach: drafts, the composer's rules, and the one atomic "mark sent".

Templates hold *template text* (placeholders such as ``{{ contact.first_name }}`` and manual slots
such as ``{{ ask("one specific thing you discussed") }}``). The composer fills a template in once and
the draft keeps the message as the person reads and edits it, with its slots and filled-in values
marked (:mod:`store.outreach_fill`); what is copied is exactly that text. Drafts saved by an older
Rebound keep template text (``Draft.rendered`` False) and are rendered when shown.

Rendering uses Jinja2's :class:`~jinja2.sandbox.SandboxedEnvironment`, narrowed further:

* only our placeholder namespaces and ``ask(...)`` exist; template text can't reach Python
  internals (``{{ ''.__class__ }}``, ``{{ cycler.__init__.__globals__ }}``…), call methods, or
  define macros, variables and includes — such text is refused with a clear message;
* a missing value is never rendered blank: it shows as ``«missing contact.first_name»`` and is
  listed; a misspelt placeholder is listed as unknown with a suggestion;
* manual slots show as ``«one specific thing you discussed»`` and must be filled before the
  message can be copied or marked sent;
* output is capped, and ``*``/``**``/``%`` can't build huge values.

Everything here is UI-free and pure where it can be; the repositories add the few writes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from . import clock
from .dates import MONTH_NAMES, WEEKDAY_NAMES, from_iso, from_iso_datetime
from .errors import NotFoundError, OutreachError
from .models import Application, Contact, Draft, DraftChannel, Settings, Template, Touchpoint
from .recipients import asks_a_question
from .repo import Repo
from .templates import KIND_LABELS, guidance

if TYPE_CHECKING:
    from . import tone
    from .db import Store
    from .outreach_render import Part, Rendered

__all__ = [
    "DraftRepo", "PLACEHOLDERS", "Rendered", "Count", "CoolOff", "Assessment",
    "build_context", "render", "counts", "cooloff", "assess",
]

SUBJECT_CHANNELS = ("email", "inmail")
CHANNEL_LABELS = {
    "email": "email", "linkedin note": "LinkedIn connection note", "linkedin message": "LinkedIn message",
    "inmail": "InMail", "other": "other",
}
CHANNEL_SHORT = {
    "email": "email", "linkedin note": "LI note", "linkedin message": "LI msg", "inmail": "InMail",
    "other": "other",
}
STATUS_LABELS = {"draft": "draft", "sent": "sent", "put off": "put off", "due": "due"}

LINKEDIN_NOTE_LIMITS = {"free": 200, "premium": 300}
INMAIL_SUBJECT_LIMIT = 200
INMAIL_BODY_LIMIT = 2_000
EMAIL_SUBJECT_GUIDE = 78

#: The longest rendered message (subject or body) before rendering stops with an error.
MAX_OUTPUT = 100_000
#: Results of ``*`` on text and lists are capped at this many items.
MAX_REPEAT = 10_000

# Private-use sentinels mark slots and missing values inside the rendered text; they never reach
# the user (stripped from template text and values first, replaced by visible markers after).
_SLOT_A, _SLOT_B, _MISS_A, _MISS_B = "\ue000", "\ue001", "\ue002", "\ue003"
# The composer's fill also wraps each ``{{ … }}``'s output: \ue004 number \ue005 text \ue006.
_EXPR_A, _EXPR_B, _EXPR_C = "\ue004", "\ue005", "\ue006"
_SENTINELS = re.compile("[\ue000-\ue006]")
_MARKED = re.compile("\ue000([^\ue000-\ue006]*)\ue001|\ue002([^\ue000-\ue006]*)\ue003")


# ============================================================================ placeholders


@dataclass(frozen=True)
class Placeholder:
    name: str
    help: str
    example: str


PLACEHOLDERS: list[Placeholder] = [
    Placeholder("contact.first_name", "the recipient's first (or preferred) name", "Ana"),
    Placeholder("contact.last_name", "their last name", "Almeida"),
    Placeholder("contact.full_name", "their full name", "Ana Almeida"),
    Placeholder("contact.company", "where they work", "Northwind Labs"),
    Placeholder("contact.title", "their job title", "Engineering Manager"),
    Placeholder("contact.email", "their first email address", "ana@example.com"),
    Placeholder("contact.how_met", "how you met", "meetup"),
    Placeholder("contact.met_on", "when you met", "12 February 2026"),
    Placeholder("contact.next_time", "your note for next time", "Ask how the migration went"),
    Placeholder("recipients.first_names", "every recipient's first name", "Ana and Ben"),
    Placeholder("app.company", "the application's company", "Northwind Labs"),
    Placeholder("app.role", "the role you applied for", "Data Engineer"),
    Placeholder("app.stage", "where it stands on the board", "Interviewing"),
    Placeholder("app.round", "the interview round's name", "system design"),
    Placeholder("app.interview_date", "the last interview we know of", "Friday 27 February"),
    Placeholder("app.interview_when", "the same, said naturally", "yesterday / on Friday"),
    Placeholder("app.interviewer_names", "interviewers (linked contacts or names on the card)",
                "Ana Almeida and Ben Brandt"),
    Placeholder("app.interviewer_first_names", "their first names", "Ana and Ben"),
    Placeholder("app.applied_on", "when you applied", "3 February 2026"),
    Placeholder("app.rejected_on", "when they said no", "1 March 2026"),
    Placeholder("app.location", "where the job is", "Berlin"),
    Placeholder("me.name", "your name (settings)", "Alex Morgan"),
    Placeholder("me.first_name", "your first name", "Alex"),
    Placeholder("me.signature", "your signature (settings), else your name", "Alex Morgan"),
    Placeholder("today", "today's date", "2 March 2026"),
    Placeholder("today.weekday", "today's weekday", "Monday"),
    Placeholder("today.year", "this year", "2026"),
    Placeholder("today.season", "the season (northern hemisphere)", "spring"),
]
PLACEHOLDER_NAMES = frozenset(p.name for p in PLACEHOLDERS)
NAMESPACES = ("contact", "recipients", "app", "me", "today")
_KNOWN = PLACEHOLDER_NAMES | frozenset(NAMESPACES)

def letter_date(d: date) -> str:
    """A date as a message says it: ``2 March 2026``."""
    return f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}"


def day_date(d: date) -> str:
    """``Friday 27 February`` (a message's interview date; the composer's sent and put-off lines)."""
    return f"{WEEKDAY_NAMES[d.weekday()]} {d.day} {MONTH_NAMES[d.month - 1]}"


def when_phrase(d: date, today: date) -> str:
    """``today``, ``yesterday``, ``on Friday`` (within a week), else ``on 12 February``."""
    days = (today - d).days
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if 1 < days < 7:
        return f"on {WEEKDAY_NAMES[d.weekday()]}"
    return f"on {d.day} {MONTH_NAMES[d.month - 1]}"


def season(d: date) -> str:
    return {12: "winter", 1: "winter", 2: "winter", 3: "spring", 4: "spring", 5: "spring",
            6: "summer", 7: "summer", 8: "summer"}.get(d.month, "autumn")


def and_join(items: list[str]) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


class Namespace:
    """The values a template sees under one name (``contact``, ``app``…). Empty values are left
    out, so using one shows as missing instead of rendering blank."""

    __slots__ = ("_prefix", "_values", "_text")

    def __init__(self, prefix: str, values: dict[str, Any], text: str = "") -> None:
        self._prefix = prefix
        self._values = {k: _clean_value(v) for k, v in values.items() if v not in (None, "", [])}
        self._text: str = _clean_value(text)

    def __getattr__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None

    def __str__(self) -> str:
        if self._text:
            return self._text
        from .outreach_render import _Listed

        return str(_Listed(name=self._prefix))

    def __repr__(self) -> str:  # never shown in templates (no attribute access to it)
        return f"Namespace({self._prefix!r})"


def _clean_value(value: Any) -> Any:
    if isinstance(value, str):
        return _SENTINELS.sub("", value)
    if isinstance(value, list):
        return [_clean_value(v) for v in value]
    return value


def _first_word(name: str) -> str:
    parts = (name or "").split()
    return parts[0] if parts else ""


def _iso_day(value: str | None) -> date | None:
    return from_iso(value) if value else None


def interview_day(app: Application, today: date) -> date | None:
    """The last interview we know of (never a future one): a dated field on the card if there is
    one, else the latest activity that mentions an interview."""
    best: date | None = None
    for name in ("last_interview_on", "interview_on", "interview_date", "interviewed_on"):
        raw = getattr(app, name, None) or app.extra.get(name)
        d = _iso_day(raw) if isinstance(raw, str) else None
        if d and d <= today and (best is None or d > best):
            best = d
    if best:
        return best
    for act in app.activity or []:
        if not isinstance(act, dict):
            continue
        what = str(act.get("what", "")).lower()
        d = _iso_day(act.get("on")) if isinstance(act.get("on"), str) else None
        if d and d <= today and "interview" in what and (best is None or d > best):
            best = d
    return best


def rejected_at(app: Application | None, tz: tzinfo | None = None) -> datetime | None:
    """When the application was closed as rejected: the stage history's stamp of the close, else
    the start of the ``outcome_on`` day. ``None`` when it wasn't rejected."""
    if app is None or app.outcome != "rejected":
        return None
    for entry in reversed(app.stage_history or []):
        if isinstance(entry, dict) and entry.get("to") == "closed":
            dt = from_iso_datetime(entry.get("at")) if isinstance(entry.get("at"), str) else None
            if dt is not None:
                if dt.tzinfo is None:
                    dt = dt.replace(tzinfo=tz or clock.now().tzinfo)
                return dt
            break
    d = _iso_day(app.outcome_on)
    if d is None:
        return None
    return datetime.combine(d, time(0, 0), tzinfo=tz or clock.now().tzinfo)


def build_context(
    *, contacts: list[Contact], recipient_name: str = "", recipient_email: str = "",
    application: Application | None = None, app_contacts: list[Contact] | None = None,
    settings: Settings | None = None, today: date | None = None,
) -> dict[str, Namespace]:
    """The values templates see. ``contacts`` are the recipients (first one is ``contact``);
    ``app_contacts`` the people linked to the application (for the interviewer names)."""
    today = today or clock.today()
    first = contacts[0] if contacts else None
    if first is not None:
        emails = [e for e in first.emails if e]
        c = {
            "first_name": first.preferred_name or first.first_name,
            "last_name": first.last_name,
            "full_name": first.display_name if first.display_name != "(no name)" else "",
            "company": first.company, "title": first.title,
            "email": emails[0] if emails else recipient_email,
            "how_met": first.how_met,
            "met_on": letter_date(d) if (d := _iso_day(first.met_on)) else "",
            "next_time": first.next_time,
        }
        c_text = c["full_name"]
    else:
        name = (recipient_name or "").strip()
        c = {"first_name": _first_word(name), "full_name": name,
             "last_name": " ".join(name.split()[1:]), "email": recipient_email}
        c_text = name
    firsts = [(x.preferred_name or x.first_name) for x in contacts] or [c.get("first_name", "")]
    recipients = {"first_names": and_join(firsts)}

    a: dict[str, Any] = {}
    if application is not None:
        people = app_contacts or []
        interviewers = [p for p in people if p.role in ("interviewer", "hiring manager")]
        names = [p.display_name for p in interviewers] or list(application.contact_names or [])
        firsts_i = ([(p.preferred_name or p.first_name) for p in interviewers]
                    or [_first_word(n) for n in application.contact_names or []])
        iday = interview_day(application, today)
        rej = rejected_at(application)
        a = {
            "company": application.company, "role": application.role,
            "stage": application.stage.capitalize() if application.stage else "",
            "round": application.round_name,
            "interview_date": day_date(iday) if iday else "",
            "interview_when": when_phrase(iday, today) if iday else "",
            "interviewer_names": and_join(names),
            "interviewer_first_names": and_join(firsts_i),
            "applied_on": letter_date(d) if (d := _iso_day(application.applied_on)) else "",
            "rejected_on": letter_date(rej.date()) if rej else "",
            "location": application.location,
        }
    s = settings or Settings()
    me = {
        "name": s.my_name.strip(), "first_name": _first_word(s.my_name),
        "signature": s.signature.strip() or s.my_name.strip(),
    }
    t = {"weekday": WEEKDAY_NAMES[today.weekday()], "year": str(today.year), "season": season(today),
         "date": letter_date(today)}
    return {
        "contact": Namespace("contact", c, c_text),
        "recipients": Namespace("recipients", recipients, recipients["first_names"]),
        "app": Namespace("app", a, application.title if application else ""),
        "me": Namespace("me", me, me["name"]),
        "today": Namespace("today", t, letter_date(today)),
    }


def context_for(store: Store, draft: Draft, today: date | None = None) -> dict[str, Namespace]:
    """:func:`build_context` with the draft's recipients and application looked up."""
    contacts = [c for c in (store.contacts.get(i) for i in draft.contact_ids) if c is not None]
    application = store.applications.get(draft.application_id)
    app_contacts = linked_contacts(store, application) if application is not None else []
    return build_context(
        contacts=contacts, recipient_name=draft.recipient_name, recipient_email=draft.recipient_email,
        application=application, app_contacts=app_contacts, settings=store.settings.current(),
        today=today,
    )


#: Where the person's own values (``me.name``, ``me.signature``) are filled in, from every screen.
WHERE_MINE = "your name and signature are in Settings: press , or ctrl+p › Settings: my name"


# ============================================================================ rendering (lazy)

#: Names that live in :mod:`store.outreach_render`; Jinja2 loads on first use, not at start-up.
_RENDER_NAMES = frozenset({
    "Part", "Rendered", "Site", "render", "escape_source", "sites", "offset_to_location", "suggest",
    "ask",
})


def __getattr__(name: str) -> Any:
    if name in _RENDER_NAMES:
        from . import outreach_render

        return getattr(outreach_render, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def render(subject: str, body: str, ctx: dict[str, Namespace]) -> Rendered:
    from .outreach_render import render as _render

    return _render(subject, body, ctx)


# ============================================================================ length


@dataclass(frozen=True)
class Count:
    part: str  # "subject" | "body"
    chars: int
    words: int
    unit: str  # what is judged: "characters" | "words"
    limit: int | None  # a hard limit (the channel refuses more)
    guide: tuple[int, int] | None  # soft guidance (low, high)
    state: str  # ok | near | over | long | info
    hint: str  # where the number comes from

    @property
    def value(self) -> int:
        return self.chars if self.unit == "characters" else self.words

    @property
    def over(self) -> bool:
        return self.state == "over"

    @property
    def symbol(self) -> str:
        return {"ok": "✓", "near": "≈", "over": "✗", "long": "!", "info": "·"}[self.state]

    def text(self, hint: bool = True) -> str:
        """``✗ Message: 231/200 characters, 31 over · free LinkedIn note``"""
        part = "Subject" if self.part == "subject" else "Message"
        if self.limit is not None:
            core = f"{self.chars:,}/{self.limit:,} characters"
            if self.state == "over":
                core += f", {self.chars - self.limit:,} over"
            elif self.state == "near":
                core += f", {self.limit - self.chars:,} left"
        elif self.guide is not None and self.unit == "words":
            low, high = self.guide
            core = f"{self.words:,} words (aim for ≤{high:,})"
        elif self.guide is not None:
            core = f"{self.chars:,} characters"
        else:
            core = f"{self.words:,} words, {self.chars:,} characters"
        tail = f" · {self.hint}" if self.hint and hint else ""
        return f"{self.symbol} {part}: {core}{tail}"


def _words(text: str) -> int:
    return len(text.split())


def _hard(part: str, text: str, limit: int, hint: str) -> Count:
    n = len(text)
    state = "over" if n > limit else "near" if n >= 0.9 * limit else "ok"
    return Count(part, n, _words(text), "characters", limit, None, state, hint)


def counts(channel: str, kind: str, subject: str, body: str, tier: str = "free") -> list[Count]:
    """The counters for a rendered message on ``channel`` (subject first when the channel has one)."""
    out: list[Count] = []
    g = guidance(kind)
    if channel == "inmail":
        out.append(_hard("subject", subject, INMAIL_SUBJECT_LIMIT, "InMail subject limit"))
        out.append(_hard("body", body, INMAIL_BODY_LIMIT, "InMail limit"))
        return out
    if channel == "linkedin note":
        premium = tier == "premium"
        limit = LINKEDIN_NOTE_LIMITS["premium" if premium else "free"]
        out.append(_hard("body", body, limit,
                         "Premium LinkedIn note" if premium else "free LinkedIn note (300 on Premium)"))
        return out
    if channel == "email":
        n = len(subject)
        out.append(Count("subject", n, _words(subject), "characters", None, (0, EMAIL_SUBJECT_GUIDE),
                         "long" if n > EMAIL_SUBJECT_GUIDE else "ok",
                         f"keep it under about {EMAIL_SUBJECT_GUIDE}" if n > EMAIL_SUBJECT_GUIDE else ""))
    words = _words(body)
    if g.high:
        state = "long" if words > g.high else "ok"
        out.append(Count("body", len(body), words, "words", None, (g.low, g.high), state, g.text))
    else:
        out.append(Count("body", len(body), words, "words", None, None, "info", ""))
    return out


# ============================================================================ cool-off


@dataclass(frozen=True)
class CoolOff:
    reasons: tuple[str, ...]
    until: datetime | None  # when the rejection window ends (None: only the tone)

    def text(self) -> str:
        return "Sleep on it? " + " ".join(self.reasons) + " A reply written tomorrow usually reads better."


def _hours_ago(then: datetime, now: datetime) -> str:
    hours = max(0, int((now - then).total_seconds() // 3600))
    if hours < 1:
        return "less than an hour ago"
    return f"{hours} hour{'s' if hours != 1 else ''} ago"


def cooloff(application: Application | None, findings: Iterable[tone.Finding], hours: int,
            now: datetime | None = None) -> CoolOff | None:
    """A cool-off applies when the linked application was rejected less than ``hours`` ago, or the
    tone check found hostile words. ``None`` when neither."""
    now = now or clock.now()
    reasons: list[str] = []
    until = None
    when = rejected_at(application, now.tzinfo)
    if when is not None and hours > 0:
        if when.tzinfo is None:
            when = when.replace(tzinfo=now.tzinfo)
        end = when + timedelta(hours=hours)
        if when <= now < end or now < when:
            until = end
            reasons.append(f"The rejection came {_hours_ago(when, now)}.")
    from . import tone

    if tone.hostile(findings):
        reasons.append("The tone check found words that may read as hostile.")
    if not reasons:
        return None
    return CoolOff(tuple(reasons), until)


def settled_words(application: Application | None, hours: int, now: datetime | None = None) -> str:
    """For a calm draft about a rejection once the cool-off is over (within two weeks of the news):
    that it is over, said calmly. "" otherwise."""
    now = now or clock.now()
    when = rejected_at(application, now.tzinfo)
    if when is None or hours <= 0 or not when + timedelta(hours=hours) <= now <= when + timedelta(days=14):
        return ""
    days = (now - when).days
    ago = _hours_ago(when, now) if days < 2 else f"{days} days ago"
    return f"The cool-off is over (the news came {ago}) and the tone reads calm: send it whenever you're ready."


# ============================================================================ the whole picture


@dataclass
class Assessment:
    """Everything the composer shows about a draft, and what copying it needs."""

    rendered: Rendered
    counts: list[Count]
    #: (part, finding) with part "subject" or "body"; spans index the rendered part's text
    findings: list[tuple[str, tone.Finding]]
    cooloff: CoolOff | None
    has_subject: bool
    #: After the cool-off, a calm draft about the rejection says so ("" otherwise).
    settled: str = ""

    @property
    def blockers(self) -> list[str]:
        """Why it can't be copied or marked sent yet."""
        return self.rendered.problems()

    @property
    def confirms(self) -> list[str]:
        """Why copying (and marking sent) asks first."""
        out = [f"Over the limit: {c.text()[2:]}" for c in self.counts if c.over]
        if self.cooloff:
            out.append(self.cooloff.text())
        return out

    @property
    def left(self) -> list[str]:
        """What stands between this draft and "ready", one short line each (none: it is ready).
        Ready means every check passes: no slot left, within the channel's limit, nothing the tone
        check noticed, no cool-off."""
        r = self.rendered
        out = []
        if r.error:
            out.append("✗ The template can't be filled in")
        n = len(r.slots) + len(r.missing) + len(r.unknown)
        if n:
            out.append(f"✗ {n} slot{'s' if n != 1 else ''} to fill")
        for c in self.counts:
            if c.over and c.limit is not None:
                where = " in the subject" if c.part == "subject" else ""
                out.append(f"✗ {c.chars:,}/{c.limit:,} characters{where}")
        if self.findings:
            k = len(self.findings)
            out.append(f"! {k} tone note{'s' if k != 1 else ''}")
        if self.cooloff:
            out.append("◷ Cooling off: sleep on it")
        return out

    @property
    def ready(self) -> bool:
        return not self.left

    @property
    def subject(self) -> str:
        return self.rendered.subject.text if self.has_subject else ""

    @property
    def body(self) -> str:
        return self.rendered.body.text


def _mask(part: Part) -> str:
    """The part's text with its markers blanked out (so the tone check ignores slot labels)."""
    text = part.text
    for s, e, _ in part.spans:
        text = text[:s] + " " * (e - s) + text[e:]
    return text


def assess_with(draft: Draft, ctx: dict[str, Namespace], *, application: Application | None,
                settings: Settings, now: datetime | None = None,
                known_words: Iterable[str] = ()) -> Assessment:
    """Render, count, check tone and cool-off for ``draft`` with an already-built context."""
    has_subject = draft.channel in SUBJECT_CHANNELS
    if draft.rendered:  # the message as the person wrote it: no template runs
        from .outreach_fill import Filled, as_rendered, marks_of

        in_subject, in_body = marks_of(draft)
        rendered = as_rendered(Filled(draft.subject, in_subject) if has_subject else Filled(),
                               Filled(draft.body, in_body))
    else:
        rendered = render(draft.subject if has_subject else "", draft.body, ctx)
    cs = counts(draft.channel, draft.kind, rendered.subject.text, rendered.body.text, settings.linkedin_tier)
    first_note = draft.channel == "linkedin note" or draft.kind == "connection note"
    known = list(known_words) + [str(ctx["contact"]), str(ctx["app"]), str(ctx["me"])]
    from . import tone

    findings: list[tuple[str, tone.Finding]] = []
    if has_subject and not rendered.error:
        findings += [("subject", f) for f in tone.check(_mask(rendered.subject), first_note=first_note,
                                                         known_words=known)]
    if not rendered.error:
        findings += [("body", f) for f in tone.check(_mask(rendered.body), first_note=first_note,
                                                      known_words=known)]
    cool = cooloff(application, [f for _, f in findings], settings.cooloff_hours, now)
    settled = "" if cool or findings else settled_words(application, settings.cooloff_hours, now)
    return Assessment(rendered, cs, findings, cool, has_subject, settled)


def assess(store: Store, draft: Draft, now: datetime | None = None) -> Assessment:
    ctx = context_for(store, draft)
    return assess_with(draft, ctx, application=store.applications.get(draft.application_id),
                       settings=store.settings.current(), now=now)


# ============================================================================ drafts


def display_status(draft: Draft, today: date | None = None) -> str:
    """``draft``, ``sent``, ``put off`` (until a later day) or ``due`` (put off until today or before)."""
    if draft.status == "put off":
        d = from_iso(draft.put_off_until)
        if d is None or d <= (today or clock.today()):
            return "due"
    return draft.status if draft.status in STATUS_LABELS else "draft"


def recipient_label(draft: Draft, contacts: dict[str, Contact] | None = None, store: Store | None = None) -> str:
    names = []
    for cid in draft.contact_ids:
        c = (contacts or {}).get(cid) if contacts is not None else (store.contacts.get(cid) if store else None)
        if c is not None:
            names.append(c.display_name)
    if names:
        return ", ".join(names)
    return draft.recipient_name or "(no recipient)"


_STATUS_ORDER = {"due": 0, "draft": 1, "put off": 2, "sent": 3}


def sort_drafts(drafts: Iterable[Draft], today: date) -> list[Draft]:
    """Due first, then drafts, then put off, then sent; the newest first within each group."""
    def when(d: Draft) -> str:
        return (d.sent_on or "") + d.updated_at if d.status == "sent" else d.updated_at

    newest = sorted(drafts, key=when, reverse=True)
    return sorted(newest, key=lambda d: _STATUS_ORDER.get(display_status(d, today), 1))


def new_draft(template: Template, *, contacts: Sequence[Contact] = (), recipient_name: str = "",
              recipient_email: str = "", application_id: str | None = None,
              channel: DraftChannel | None = None) -> Draft:
    """A draft started from ``template`` (not saved)."""
    channel = channel or template.channel
    first = contacts[0] if contacts else None
    name = recipient_name or (", ".join(c.display_name for c in contacts) if contacts else "")
    email = recipient_email or (first.emails[0] if first is not None and first.emails else "")
    return Draft(kind=template.kind, contact_ids=[c.id for c in contacts], recipient_name=name,
                 recipient_email=email, application_id=application_id, channel=channel,
                 subject=template.subject if channel in SUBJECT_CHANNELS else "", body=template.body,
                 template_id=template.id)


def put_off_copy(draft: Draft, until: date | None = None) -> Draft:
    """A copy of ``draft`` put off (default: until tomorrow); it shows as due from that day."""
    if draft.status == "sent":
        raise OutreachError("This message was already sent.")
    d = draft.copy()
    d.status = "put off"
    d.put_off_until = (until or clock.today() + timedelta(days=1)).isoformat()
    return d


def as_sent(draft: Draft, body: str) -> Draft:
    """``draft`` as it goes out (with the text sent), for the checks made when it is marked sent."""
    d = draft.copy()
    d.sent_body = body
    return d


def touch_summary(draft: Draft, subject: str) -> str:
    label = KIND_LABELS.get(draft.kind, draft.kind)
    text = f"{label}: {subject}" if subject else label
    return text if len(text) <= 120 else text[:119] + "…"


class DraftRepo(Repo[Draft]):
    """Drafts and sent messages, and what the user does with them; each verb is one write."""

    def listing(self, today: date | None = None) -> list[Draft]:
        """Due first, then drafts, then put off, then sent; newest first within each."""
        today = today or clock.today()
        return sort_drafts(self.all(), today)

    def due(self, today: date | None = None) -> list[Draft]:
        """Drafts put off until today or earlier (for the Today screen)."""
        today = today or clock.today()
        return [d for d in self.all() if display_status(d, today) == "due"]

    def _require(self, draft_id: str) -> Draft:
        draft = self.get(draft_id)
        if draft is None:
            raise NotFoundError("That message no longer exists.")
        return draft

    def put_off(self, draft_id: str, until: date | None = None) -> Draft:
        """Put a saved draft off (default: until tomorrow)."""
        return self.save(put_off_copy(self._require(draft_id), until))

    def bring_back(self, draft_id: str) -> Draft:
        """A put-off draft back to a plain draft."""
        d = self._require(draft_id).copy()
        if d.status == "put off":
            d.status = "draft"
        d.put_off_until = None
        return self.save(d)

    def note_copied(self, draft_id: str) -> Draft | None:
        """Remember when the rendered message was last copied or exported (None: it is gone)."""
        draft = self.get(draft_id)
        if draft is None:
            return None
        d = draft.copy()
        d.copied_at = clock.stamp()
        return self.save(d, touch=False)

    def mark_sent(self, draft_id: str, *, channel: DraftChannel, on: date, subject: str, body: str) -> Draft:
        """The user sent it: in ONE write, log a touchpoint on every recipient contact (resetting
        their cadence), stamp the application (thank-you sent / feedback requested, and its
        activity), and move the draft to Sent with the text that went out. A failure part-way keeps
        nothing."""
        store = self.store
        draft = self._require(draft_id)
        if draft.status == "sent":
            raise OutreachError(f"Already marked sent on {draft.sent_on}.")
        day = on.isoformat()
        with store.batch():
            contact_ids = [cid for cid in draft.contact_ids if store.contacts.get(cid) is not None]
            tp = None
            if contact_ids:
                tp = store.touchpoints.log(Touchpoint(
                    date=day, channel=channel, direction="out", kind=draft.kind,
                    summary=touch_summary(draft, subject), contact_ids=contact_ids,
                    application_id=draft.application_id, draft_id=draft.id,
                ))
            application = store.applications.get(draft.application_id)
            if application is not None:
                a = application.copy()
                if draft.kind == "thank-you":
                    a.thank_you_sent_on = day
                elif draft.kind == "feedback request" or asks_a_question(store.templates, as_sent(draft, body)):
                    a.feedback_requested_on = day  # the reply to a no asks the one question too
                who = recipient_label(draft, store=store)
                kind = KIND_LABELS.get(draft.kind, draft.kind).lower()
                a.activity = [*a.activity, {"on": day, "what": f"Sent a {kind} to {who} ({channel})"}]
                if (a.last_activity_on or "") < day:
                    a.last_activity_on = day
                store.applications.save(a)
            d = draft.copy()
            d.status = "sent"
            d.sent_on = day
            d.channel = channel
            d.put_off_until = None
            d.touchpoint_id = tp.id if tp is not None else None
            d.sent_subject = subject
            d.sent_body = body
            return self.save(d)


APP_KINDS = ("thank-you", "rejection reply", "feedback request", "interviewer thanks", "feedback thanks",
             "close the loop", "runner-up")
FOLLOW_UPS = {"rejection reply": "connection note", "thank-you": "connection note",
              "feedback request": "check-in", "connection note": "check-in", "interviewer thanks": "connection note",
              "feedback thanks": "check-in", "close the loop": "connection note", "runner-up": "check-in"}


def suggest_kind(store: Store, application_id: str | None, contact_ids: Iterable[str] = ()) -> str:
    """The message most likely wanted next for this application / these people."""
    application = store.applications.get(application_id)
    if application is not None:
        sent = {d.kind for d in store.drafts.all() if d.application_id == application.id and d.status == "sent"}
        if application.outcome in ("rejected", "ghosted"):
            return _after_a_no_kind(store, application, list(contact_ids), sent)
        if application.stage in ("screening", "interviewing", "offer") and not application.thank_you_sent_on:
            return "thank-you"
    contacts = [c for c in (store.contacts.get(i) for i in contact_ids) if c is not None]
    if contacts and not any(c.connected_on or c.last_any_touch_on for c in contacts):
        return "connection note"
    return "check-in"


def _after_a_no_kind(store: Store, application: Application, contact_ids: list[str], sent: Iterable[str]) -> str:
    """After a rejection or a ghosting: the message these people get by the rule of
    :mod:`store.recipients` until it is sent, then thanks for feedback that came, else a check-in."""
    from .recipients import REPLY, after_a_no

    sent = set(sent)
    kinds = after_a_no(linked_contacts(store, application), application.outcome)
    wanted = [kinds[c] for c in contact_ids if c in kinds] or ([] if contact_ids else list(kinds.values()))
    if application.outcome == "rejected" and not kinds and not contact_ids:
        wanted = [REPLY]
    for kind in wanted:
        if kind not in sent:
            return kind
    if application.feedback.strip() and "feedback thanks" not in sent:
        return "feedback thanks"
    return "check-in"


def application_for_message(store: Store, kind: str, contact_ids: Iterable[str]) -> str | None:
    """For messages about an application, the one application the recipients share (if exactly one)."""
    if kind not in APP_KINDS:
        return None
    return shared_application(store, contact_ids)


def linked_contacts(store: Store, application: Application) -> list[Contact]:
    """The people on an application: its contact ids, and contacts that list the application."""
    ids = set(application.contact_ids)
    return [c for c in store.contacts.all() if c.id in ids or application.id in c.application_ids]


def default_recipients(store: Store, kind: str, application_id: str | None) -> list[str]:
    """Who a message about an application goes to when nobody was picked: every interviewer for a
    thank-you (one draft each); after a no, the rule in :mod:`store.recipients` (the person who
    delivered it gets the reply, each other interviewer their own note…)."""
    application = store.applications.get(application_id)
    if application is None:
        return []
    people = [c for c in linked_contacts(store, application) if c.status not in ("archived", "do not contact")]
    if kind == "thank-you":
        return [c.id for c in people if c.role in ("interviewer", "hiring manager")]
    from .recipients import default_for

    return [c.id for c in default_for(people, kind)]


def shared_application(store: Store, contact_ids: Iterable[str]) -> str | None:
    """The one application the recipients are linked to, if there is exactly one."""
    linked: set[str] = set()
    for cid in contact_ids:
        c = store.contacts.get(cid)
        if c is not None:
            linked |= {a for a in c.application_ids if store.applications.get(a) is not None}
    return linked.pop() if len(linked) == 1 else None


def effects_of_sending(store: Store, draft: Draft) -> list[str]:
    """What mark-sent will do, in words (shown before the user confirms)."""
    out = []
    people = [c for c in (store.contacts.get(i) for i in draft.contact_ids) if c is not None]
    if people:
        names = and_join([c.display_name for c in people])
        out.append(f"Logs a touchpoint on {names} (resets the keep-in-touch clock).")
    else:
        out.append("No contact to log it on (a free name): add them in Contacts to keep in touch.")
    application = store.applications.get(draft.application_id)
    if application is not None:
        stamp = {"thank-you": "thank-you sent", "feedback request": "feedback requested"}.get(draft.kind)
        if asks_a_question(store.templates, draft):
            stamp = "feedback requested, in the same reply"
        out.append(f"Notes it on {application.title}" + (f" ({stamp})." if stamp else "."))
    out.append("Moves it to Sent, keeping the text that went out.")
    return out
