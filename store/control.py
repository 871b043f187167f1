"""What was in my control: the person's own optional tag on a no, and their split of it.

Closing a card as rejected, ghosted or role closed asks one optional tag beside the reason: outside
my control, unknown, or something I can work on. "Something I can work on" with a reason puts the
reason on the Lessons list (a journal entry holding it as its lesson), so it reaches the next
interview's brief (:mod:`store.brief`). From :data:`SPLIT_FROM` tagged no's on, Trends and the
reframe's evidence step show the split in the person's own numbers ("Of 14 no's you tagged: 8
outside your control, 4 unknown, 2 about system design — on your Lessons list."): a count of their
own tags, never a verdict or a score.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from .models import Application, ControlTag, JournalEntry, one_of

if TYPE_CHECKING:
    from .db import Store

CONTROL_TAGS: tuple[ControlTag, ...] = ("outside", "unknown", "workable")
#: How each tag is offered when closing a card (the person's own voice).
CONTROL_LABELS: dict[str, str] = {
    "outside": "outside my control",
    "unknown": "unknown",
    "workable": "something I can work on",
}
#: The outcomes that are a "no" and get the question.
NO_OUTCOMES: tuple[str, ...] = ("rejected", "ghosted", "role closed")
#: The split is shown from this many tagged no's on (fewer says little, and could feel like a verdict).
SPLIT_FROM = 5
LESSON_TAG = "lesson"


def tag_of(value: object) -> ControlTag | None:
    """A stored or chosen tag, or None (not tagged, or something this code doesn't know)."""
    tag = one_of(CONTROL_TAGS, value, "unknown")
    return tag if tag == value else None


@dataclass(frozen=True)
class ControlSplit:
    """The person's own tags on their no's: how many of each, and what the workable ones were about."""

    total: int = 0
    outside: int = 0
    unknown: int = 0
    workable: int = 0
    #: The reasons given for the workable ones, most common first (at most two).
    topics: tuple[str, ...] = ()
    #: True when a workable one's reason is on the Lessons list.
    on_lessons: bool = False

    @property
    def shown(self) -> bool:
        return self.total >= SPLIT_FROM

    def sentence(self) -> str:
        """``Of 14 no's you tagged: 8 outside your control, 4 unknown, 2 about system design — on your
        Lessons list.`` ("" below :data:`SPLIT_FROM`)."""
        if not self.shown:
            return ""
        parts = []
        if self.outside:
            parts.append(f"{self.outside} outside your control")
        if self.unknown:
            parts.append(f"{self.unknown} unknown")
        if self.workable:
            if len(self.topics) == 1:
                parts.append(f"{self.workable} about {self.topics[0]}")
            elif self.topics:
                parts.append(f"{self.workable} something you can work on ({', '.join(self.topics)})")
            else:
                parts.append(f"{self.workable} something you can work on")
        text = f"Of {self.total} no's you tagged: " + ", ".join(parts)
        if self.workable and self.on_lessons:
            text += " — on your Lessons list"
        return text + "."


def _topic(reason: str) -> str:
    return " ".join(reason.split()).rstrip(" .").lower()[:60]


def control_split(apps: Iterable[Application], lesson_app_ids: Iterable[str] = ()) -> ControlSplit:
    """Count the tags on closed no's (pure). ``lesson_app_ids``: the applications a lesson on the
    Lessons list is linked to."""
    counts: Counter[str] = Counter()
    topics: Counter[str] = Counter()
    with_reason: list[str] = []
    for app in apps:
        tag = tag_of(app.outcome_control)
        if app.stage != "closed" or app.outcome not in NO_OUTCOMES or tag is None:
            continue
        counts[tag] += 1
        if tag == "workable" and (topic := _topic(app.outcome_reason)):
            topics[topic] += 1
            with_reason.append(app.id)
    workable = counts["workable"]
    shared = [t for t, _ in topics.most_common(2)]
    if workable and len(topics) == 1 and topics[shared[0]] < workable:
        shared = []  # one reason named, others not: don't speak for the rest
    lessons = set(lesson_app_ids)
    return ControlSplit(
        total=sum(counts.values()), outside=counts["outside"], unknown=counts["unknown"], workable=workable,
        topics=tuple(shared), on_lessons=any(i in lessons for i in with_reason),
    )


def split_for(store: Store) -> ControlSplit:
    """:func:`control_split` of the store's applications and Lessons list."""
    linked = {e.application_id for e in store.journal.all()
              if e.application_id and e.lesson.strip() and not e.is_draft and not e.lesson_outside_control}
    return control_split(store.applications.all(), {i for i in linked if i})


def lesson_entry(app: Application, reason: str) -> JournalEntry:
    """The journal entry that puts a workable reason on the Lessons list."""
    text = " ".join(reason.split())
    return JournalEntry(kind="freewrite", title=f"Something to work on, from {app.company}"[:200],
                        body=f"When {app.company} said no, I noted something I can work on:\n\n{text}",
                        lesson=text, application_id=app.id, tags=[LESSON_TAG])


def close_tagged(store: Store, app_id: str, outcome: str, reason: str = "", on: date | None = None,
                 tag: str = "") -> Application:
    """Close with ``outcome`` and the person's tag, in one write. The tag is kept only on a no; ""
    (skipped, or ``r``) leaves what was there. A workable reason goes on the Lessons list once."""
    with store.batch():
        saved = store.applications.close(app_id, outcome, reason, on)
        chosen = tag_of(tag)
        want = (chosen or saved.outcome_control) if outcome in NO_OUTCOMES else ""
        if want != saved.outcome_control:
            saved = saved.copy()
            saved.outcome_control = want
            saved = store.applications.save(saved)
        text = " ".join(saved.outcome_reason.split())
        if chosen == "workable" and text:
            kept = any(e.application_id == saved.id and e.lesson.strip() == text for e in store.journal.all())
            if not kept:
                store.journal.save(lesson_entry(saved, text))
    return saved


__all__ = ["CONTROL_LABELS", "CONTROL_TAGS", "ControlSplit", "NO_OUTCOMES", "SPLIT_FROM", "close_tagged",
           "control_split", "lesson_entry", "split_for", "tag_of"]
