"""Stage names other trackers use, read as Rebound's stages and outcomes.

A name is looked up whole first (``Offer Rejected`` is an offer the person declined, not a
rejection), then by the words in it (``Phone Interview #2`` is an interview). A name matched by
neither is unknown: the caller asks about it once, or imports it as Applied and says so.
"""

from __future__ import annotations

import re

from ..models import OUTCOMES, STAGES

Choice = tuple[str, str]  # (stage, outcome); the outcome is "" unless the stage is "closed"

APPLIED: Choice = ("applied", "")

_EXACT: dict[str, Choice] = {}


def _add(names: str, choice: Choice) -> None:
    for name in names.split("|"):
        _EXACT[norm(name)] = choice


def norm(name: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", name.casefold()).split())


_add("wishlist|wish list|wishlisted|bookmarked|saved|interested|to apply|prospect|prospective|new|draft|"
     "idea|ideas|researching|not applied|considering|applying|planned|networking", ("wishlist", ""))
_add("applied|application sent|submitted|sent|apply|applications|application submitted|in review|"
     "under review|pending|waiting|awaiting response", ("applied", ""))
_add("screening|screen|phone screen|recruiter screen|recruiter call|hr screen|hr call|initial|"
     "initial call|intro call|first contact", ("screening", ""))
_add("interview|interviews|interviewing|phone interview|video interview|on site|onsite|on site interview|"
     "first interview|second interview|third interview|final interview|final round|technical interview|"
     "assessment|take home|assignment|code challenge|coding challenge|case study|panel", ("interviewing", ""))
_add("offer|offers|offer received|offered|negotiating|negotiation|verbal offer", ("offer", ""))
_add("accepted|offer accepted|hired|signed|got the job", ("closed", "accepted"))
_add("declined|offer declined|offer rejected|turned down", ("closed", "declined"))
_add("rejected|rejection|not selected|unsuccessful|declined by employer|no|denied|not moving forward|"
     "turned down by employer", ("closed", "rejected"))
_add("ghosted|no response|no reply|no answer|no feedback|silent", ("closed", "ghosted"))
_add("withdrawn|withdrew|i withdrew|withdraw|not interested|dropped", ("closed", "withdrew"))
_add("expired|role closed|opportunity closed|position filled|filled|job closed|cancelled|canceled|"
     "closed", ("closed", "role closed"))

_WORDS: list[tuple[re.Pattern[str], Choice]] = [
    (re.compile(r"\b(accepted|hired)\b"), ("closed", "accepted")),
    (re.compile(r"\boffer (declined|rejected)\b|\bdeclined\b"), ("closed", "declined")),
    (re.compile(r"\breject"), ("closed", "rejected")),
    (re.compile(r"\bghost|\bno (response|reply|answer)\b"), ("closed", "ghosted")),
    (re.compile(r"\bwithdr[ae]w"), ("closed", "withdrew")),
    (re.compile(r"\b(expired|filled|cancell?ed)\b"), ("closed", "role closed")),
    (re.compile(r"\boffer|\bnegotiat"), ("offer", "")),
    (re.compile(r"\binterview|\bon ?site\b|\bfinal\b|\btechnical\b|\bassessment|\bassignment|\bchallenge\b|"
                r"\btake home\b|\bround\b|\bpanel\b"), ("interviewing", "")),
    (re.compile(r"\bscreen|\bphone\b|\brecruiter\b"), ("screening", "")),
    (re.compile(r"\bappl(ied|ication)\b|\bsubmitted\b"), ("applied", "")),
    (re.compile(r"\bwish|\bbookmark|\bsaved\b|\bto apply\b"), ("wishlist", "")),
]

#: JobSync's statuses (src/lib/data/jobStatusesData.ts; Withdrawn from its PR #126). "Archived"
#: depends on whether the job was applied to (see :func:`jobsync_status`).
JOBSYNC: dict[str, Choice] = {
    "new": ("wishlist", ""), "draft": ("wishlist", ""), "applied": ("applied", ""),
    "interview": ("interviewing", ""), "offer": ("offer", ""), "rejected": ("closed", "rejected"),
    "expired": ("closed", "role closed"), "withdrawn": ("closed", "withdrew"),
}


def jobsync_status(name: str, applied: bool) -> Choice | None:
    """JobSync's status list; Archived closes as withdrew when never applied to, else as ghosted
    (archived without an answer)."""
    key = norm(name)
    if key == "archived":
        return ("closed", "ghosted") if applied else ("closed", "withdrew")
    return JOBSYNC.get(key)


def known_stage(name: str) -> Choice | None:
    """Rebound's stage (and outcome) for a tracker's stage name, or None when unknown."""
    key = norm(name)
    if not key:
        return None
    if key in _EXACT:
        return _EXACT[key]
    for rx, choice in _WORDS:
        if rx.search(key):
            return choice
    return None


def parse_choice(text: str) -> Choice | None:
    """What a person typed for a stage: a stage (``screening``), an outcome (``ghosted`` closes
    with it), ``closed:withdrew``, or a number from :func:`choice_menu`."""
    raw = text.strip().casefold()
    menu = choice_menu()
    if raw.isdigit() and 1 <= int(raw) <= len(menu):
        return menu[int(raw) - 1][1]
    raw = raw.removeprefix("closed:").removeprefix("closed ").strip() if raw != "closed" else raw
    if raw in STAGES and raw != "closed":
        return (raw, "")
    if raw in OUTCOMES:
        return ("closed", raw)
    if raw == "closed":
        return ("closed", "role closed")
    return None


def choice_menu() -> list[tuple[str, Choice]]:
    """The answers offered at a terminal, numbered in this order."""
    out: list[tuple[str, Choice]] = [(s.title(), (s, "")) for s in STAGES if s != "closed"]
    out += [(f"Closed ({o})", ("closed", o)) for o in OUTCOMES]
    return out


def describe(choice: Choice) -> str:
    stage, outcome = choice
    return f"Closed ({outcome})" if stage == "closed" else stage.title()


def encode(choice: Choice) -> str:
    return f"closed:{choice[1]}" if choice[0] == "closed" else choice[0]
