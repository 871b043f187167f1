"""The composer's message: a template filled in once, then the person's own text.

The composer shows and edits the *message*, never template code. A template is filled in once
(:func:`fill`); what comes out is plain text and its :class:`Mark` s: where a slot waits to be
written («one specific thing you discussed»), where a value Rebound lacks waits («me.name»), and
which words are values it filled in (Ana, Northwind Labs). Values are inserted as literal text: a
contact named ``{{ x }}``, ``«me.name»`` or ``[/]`` is just those characters, never template code or
markup, and it can't fake a slot: marks come from the render itself, never from searching the text.

Marks are stored on the draft (:attr:`store.models.Draft.marks`) and checked against its text when
read (:func:`marks_of`); while an unfilled one is left, the message can't be copied or marked sent.
A value's mark remembers the expression it came from, so a new recipient fills it again
(:func:`refill`) without touching the person's own words.

Jinja2 is imported only when a template is filled in (this module loads without it).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from .models import Draft, MessageMark
from .outreach import _KNOWN

if TYPE_CHECKING:
    from .outreach import Namespace
    from .outreach_render import Rendered

#: What a mark can be: a slot only the person can write, a value Rebound lacks (a known placeholder
#: or a misspelt one), or a value it filled in.
KINDS = ("slot", "missing", "unknown", "value")
UNFILLED = frozenset({"slot", "missing", "unknown"})
OPEN, CLOSE = "«", "»"
#: At most this many marks are filled again at once, within this many seconds (the rest stay).
REFILL_MARKS = 500
REFILL_SECONDS = 0.5


class Mark(NamedTuple):
    """``text[start:end]`` is a slot, a missing value or a filled-in value (see :data:`KINDS`)."""

    start: int
    end: int
    kind: str
    label: str
    source: str = ""

    @property
    def unfilled(self) -> bool:
        return self.kind in UNFILLED

    def moved(self, by: int) -> Mark:
        return self._replace(start=self.start + by, end=self.end + by)


def marker(label: str) -> str:
    """How an unfilled slot or value reads in the text: ``«label»``."""
    return f"{OPEN}{label}{CLOSE}"


@dataclass
class Filled:
    """One part (subject or body) of a message: its text and its marks, in order."""

    text: str = ""
    marks: list[Mark] = field(default_factory=list)


@dataclass
class FilledMessage:
    subject: Filled
    body: Filled
    #: Why the template couldn't be filled in ("" when it was); then both parts hold the template
    #: text as it is, so nothing is lost.
    error: str = ""


# ============================================================================ filling in

_TOKENS = re.compile("\ue004(\\d{1,9})\ue005|\ue006|\ue000([^\ue000-\ue006]*)\ue001|\ue002([^\ue000-\ue006]*)\ue003"
                     "|[\ue000-\ue006]")
_NAME = re.compile(r"\b(?:contact|recipients|app|me|today)(?:\.[A-Za-z_]\w*)?")
_SENTINELS = re.compile("[\ue000-\ue006]")


def _name(source: str) -> str:
    found = _NAME.search(source)
    return found.group(0) if found else ""


def _parse(raw: str, sources: Sequence[str]) -> Filled:
    """The text and marks of a render made by :func:`store.outreach_render.render_marked`."""
    out: list[str] = []
    marks: list[Mark] = []
    length = pos = 0
    current: tuple[str, int, int] | None = None  # the open {{ … }}: its source, start, marks before it
    for m in _TOKENS.finditer(raw):
        chunk = raw[pos:m.start()]
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        number, slot, listed = m.group(1), m.group(2), m.group(3)
        if number is not None:
            n = int(number)
            current = (sources[n] if n < len(sources) else "", length, len(marks))
        elif m.group(0) == "\ue006":
            if current is not None:
                marks[current[2]:] = _close(current, length, marks[current[2]:])
            current = None
        elif slot is not None or listed is not None:
            if slot is not None:
                kind, label = "slot", slot
            else:  # "missing contact.first_name", maybe through | upper: shown by its name either way
                kind, _, label = listed.partition(" ")
                kind = kind.lower() if kind.lower() in ("missing", "unknown") else "unknown"
                label = label.lower() if label.lower() in _KNOWN else label
            text = marker(label)
            marks.append(Mark(length, length + len(text), kind, label, current[0] if current else ""))
            out.append(text)
            length += len(text)
        # anything else is a sentinel out of place (a marker cut by | truncate): dropped
    out.append(raw[pos:])
    return Filled("".join(out), marks)


def _close(expr: tuple[str, int, int], end: int, inner: list[Mark]) -> list[Mark]:
    """The marks of one ``{{ … }}`` once its output is complete: a filled-in value is marked whole;
    a slot or missing value keeps the expression (to fill it again) only when it is the whole output."""
    source, start, _ = expr
    if not inner:
        return [Mark(start, end, "value", _name(source), source)] if end > start else []
    if len(inner) == 1 and (inner[0].start, inner[0].end) == (start, end):
        return inner
    return [mk._replace(source="") for mk in inner]


def fill(subject: str, body: str, ctx: dict[str, Namespace]) -> FilledMessage:
    """Fill a template's subject and body in with ``ctx``: the message text and its marks."""
    from .outreach_render import expression_sources, render_marked

    raw_subject, raw_body, error = render_marked(subject, body, ctx)
    if error:
        return FilledMessage(Filled(_SENTINELS.sub("", subject or "")), Filled(_SENTINELS.sub("", body or "")),
                             error)
    return FilledMessage(_parse(raw_subject, expression_sources(subject)),
                         _parse(raw_body, expression_sources(body)))


def refill(part: Filled, ctx: dict[str, Namespace]) -> Filled:
    """``part`` with each value, missing value and slot that came from an expression filled in again
    from ``ctx`` (another recipient, an application linked); the person's own words stay as they are."""
    from .outreach_render import render_marked

    deadline = time.perf_counter() + REFILL_SECONDS
    out: list[str] = []
    marks: list[Mark] = []
    pos = length = 0
    for i, mark in enumerate(part.marks):
        chunk = part.text[pos:mark.start]
        out.append(chunk)
        length += len(chunk)
        piece = Filled(part.text[mark.start:mark.end], [mark._replace(start=0, end=mark.end - mark.start)])
        if mark.source and i < REFILL_MARKS and time.perf_counter() < deadline:
            _, raw, error = render_marked("", "{{ " + mark.source + " }}", ctx)
            again = _parse(raw, [mark.source])
            # an expression that needs its template around it (a loop's variable) stays as it was
            if not error and (mark.kind == "unknown" or all(m.kind != "unknown" for m in again.marks)):
                piece = again
        out.append(piece.text)
        marks += [m.moved(length) for m in piece.marks]
        length += len(piece.text)
        pos = mark.end
    out.append(part.text[pos:])
    return Filled("".join(out), marks)


# ============================================================================ marks on a draft


def checked(text: str, marks: Iterable[Mark]) -> list[Mark]:
    """The marks that fit ``text``: in order, not overlapping, inside it, and an unfilled one only
    where its «label» still stands."""
    out: list[Mark] = []
    end = 0
    for m in sorted(marks, key=lambda m: (m.start, m.end)):
        if m.kind not in KINDS or not (end <= m.start < m.end <= len(text)):
            continue
        if m.unfilled and text[m.start:m.end] != marker(m.label):
            continue
        out.append(m)
        end = m.end
    return out


def _mark_of(entry: object) -> tuple[str, Mark] | None:
    if not isinstance(entry, dict):
        return None
    start, end = entry.get("start"), entry.get("end")
    values = [entry.get(k) for k in ("part", "kind", "label", "source")]
    if type(start) is not int or type(end) is not int or not all(isinstance(v, str) for v in values):
        return None
    part, kind, label, source = values
    return str(part), Mark(start, end, str(kind), str(label), str(source))


def marks_of(draft: Draft) -> tuple[list[Mark], list[Mark]]:
    """A rendered draft's marks in its subject and in its body, checked against the text."""
    found: dict[str, list[Mark]] = {"subject": [], "body": []}
    for entry in draft.marks or []:
        read = _mark_of(entry)
        if read is not None and read[0] in found:
            found[read[0]].append(read[1])
    return checked(draft.subject, found["subject"]), checked(draft.body, found["body"])


def entries(subject: Iterable[Mark], body: Iterable[Mark]) -> list[MessageMark]:
    """Marks as a draft stores them."""
    return [MessageMark(part=part, start=m.start, end=m.end, kind=m.kind, label=m.label, source=m.source)
            for part, marks in (("subject", subject), ("body", body)) for m in marks]


def with_message(draft: Draft, message: FilledMessage) -> Draft:
    """A copy of ``draft`` holding ``message`` (rendered)."""
    d = draft.copy()
    d.subject, d.body = message.subject.text, message.body.text
    d.marks = entries(message.subject.marks, message.body.marks)
    d.rendered = True
    return d


def filled_draft(draft: Draft, ctx: dict[str, Namespace], *, subject: str, body: str) -> tuple[Draft, str]:
    """``draft`` with the template text ``subject`` and ``body`` filled in, and "" ; when it can't be
    filled in, with that template text kept as plain text (nothing is lost), and the reason."""
    message = fill(subject, body, ctx)
    return with_message(draft, message), message.error


def as_message(draft: Draft, ctx: dict[str, Namespace]) -> tuple[Draft, str]:
    """``draft`` as the composer edits it: a rendered one as it is; one saved as template text (by an
    older Rebound) filled in once, its words kept (see :func:`filled_draft`)."""
    if draft.rendered:
        return draft, ""
    return filled_draft(draft, ctx, subject=draft.subject, body=draft.body)


def as_rendered(subject: Filled, body: Filled) -> Rendered:
    """What :func:`store.outreach.assess_with` checks for a rendered draft: the text as it is, with
    its unfilled marks listed (no template is run)."""
    from .outreach_render import Part, Rendered

    out = Rendered(subject=Part(subject.text, [(m.start, m.end, m.kind) for m in subject.marks if m.unfilled]),
                   body=Part(body.text, [(m.start, m.end, m.kind) for m in body.marks if m.unfilled]))
    buckets = {"slot": out.slots, "missing": out.missing, "unknown": out.unknown}
    for m in [*subject.marks, *body.marks]:
        bucket = buckets.get(m.kind)
        if bucket is not None and (m.kind == "slot" or m.label not in bucket):  # each slot counts
            bucket.append(m.label)
    return out
