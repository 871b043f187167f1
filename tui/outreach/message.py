"""The draft editor's subject and body: the message as the person reads and edits it.

A template is filled in once (:mod:`store.outreach_fill`); its marks become the fields' spans, which
follow the person's edits (:mod:`widgets.spans`). :class:`MessageFields` loads and reads the two
fields, finds the next slot for ``tab``, fills values in again for a new recipient, and knows
whether the person has touched the text since it was filled in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from store.outreach import Namespace
from store.outreach_fill import UNFILLED, Filled, FilledMessage, Mark, refill
from widgets.slot_text import SlotInput, SlotTextArea
from widgets.spans import Span, next_span


def spans_of(marks: Iterable[Mark]) -> list[Span]:
    return [Span(m.start, m.end, m.kind, m) for m in marks]


def marks_of(spans: Iterable[Span]) -> list[Mark]:
    return [s.data._replace(start=s.start, end=s.end) if isinstance(s.data, Mark)
            else Mark(s.start, s.end, s.kind, "") for s in spans]


@dataclass(frozen=True)
class Target:
    """The slot to select next, and the field it is in."""

    field: SlotInput | SlotTextArea
    span: Span

    @property
    def mark(self) -> Mark:
        return marks_of([self.span])[0]


class MessageFields:
    """The subject (one line) and the body of a draft, with their slots and filled-in values."""

    def __init__(self, subject: SlotInput, body: SlotTextArea) -> None:
        self.subject = subject
        self.body = body
        #: The texts as last filled in from a template (None: no template to compare with).
        self.filled: tuple[str, str] | None = None

    def load(self, message: FilledMessage, *, as_filled: bool = True) -> None:
        """Show ``message``; ``as_filled``: it is a template just filled in (untouched so far)."""
        self.subject.load(message.subject.text, spans_of(message.subject.marks))
        self.body.load(message.body.text, spans_of(message.body.marks))
        if as_filled:
            self.filled = (message.subject.text, message.body.text)

    def read(self) -> tuple[Filled, Filled]:
        """The subject and body as they are now, with their marks."""
        return (Filled(self.subject.value, marks_of(self.subject.spans)),
                Filled(self.body.text, marks_of(self.body.spans)))

    def untouched(self, *, with_subject: bool) -> bool:
        """Nothing typed since the template was filled in (an empty body counts as untouched)."""
        subject, body = self.subject.value, self.body.text
        if not body.strip() and not (with_subject and subject.strip()):
            return True  # nothing to lose
        if self.filled is None:
            return False
        return body == self.filled[1] and (not with_subject or subject == self.filled[0])

    def take(self, subject: str | None, body: str) -> None:
        """New text (from ``$EDITOR``): the marks of what stayed the same are kept."""
        if subject is not None:
            self.subject.value = subject
        self.body.set_text(body)

    def refill(self, ctx: dict[str, Namespace]) -> None:
        """Values filled in again from ``ctx`` (a new recipient or application); the person's own
        words stay as they are."""
        subject, body = self.read()
        self.load(FilledMessage(refill(subject, ctx), refill(body, ctx)), as_filled=False)

    # -- slots

    def unfilled(self) -> int:
        return sum(1 for f in (self.subject, self.body) for s in f.spans if s.kind in UNFILLED)

    def target(self, origin: object, *, forward: bool, with_subject: bool, wrap: bool) -> Target | None:
        """The slot after (or before) the cursor in the field ``origin`` (else the body), then in the
        fields after (before) it; with ``wrap``, the first (last) of all when there is none that way."""
        fields: list[SlotInput | SlotTextArea] = [self.subject, self.body] if with_subject else [self.body]
        here = next((f for f in fields if f is origin), self.body)
        selected = here.selected
        span = next_span(here.spans, selected[0], forward=forward, kinds=UNFILLED, selected=selected)
        if span is not None:
            return Target(here, span)
        i = fields.index(here)
        rest = fields[i + 1:] if forward else fields[:i][::-1]
        if wrap:
            rest += fields if forward else fields[::-1]
        for f in rest:
            spans = [s for s in f.spans if s.kind in UNFILLED]
            if spans:
                return Target(f, spans[0] if forward else spans[-1])
        return None
