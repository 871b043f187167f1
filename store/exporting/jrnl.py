"""The journal in jrnl's plain-text format: ``jrnl --import FILE`` (and ``rebound-tui import
journal``) read it back one entry per entry.

Each entry is ``[YYYY-MM-DD HH:MM] Title`` then its body, entries oldest first with a blank line
between. A body line starting with ``[`` gets one space in front, or jrnl would read it as a new
entry; tags follow on a last line as ``@tag`` (spaces in a tag become ``-``). A check-in's title
says its mood; a guided reframe's steps are written out as plain lines. Drafts are left out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ..dates import from_iso_datetime
from ..journal import headline, kind_label
from ..models import JournalEntry
from ..prompts import distortion_name, mood_word
from ..sanitize import clean_line, clean_text

_ENTRY_LIKE = re.compile(r"^( *\[)", re.MULTILINE)
_TAG_CHARS = re.compile(r"[^-+*#/\w]+")


def _time(entry: JournalEntry) -> str:
    created = from_iso_datetime(entry.created_at)
    if created is not None and created.date().isoformat() == entry.entry_date:
        return created.strftime("%H:%M")
    return "09:00"


def _tag(tag: str) -> str:
    return _TAG_CHARS.sub("-", clean_line(tag).replace(" ", "-")).strip("-")


def _reframe_lines(e: JournalEntry) -> list[str]:
    out: list[str] = []
    if e.situation.strip():
        out.append(f"Situation: {clean_text(e.situation).strip()}")
    for em in e.emotions:
        out.append(f"Emotion: {clean_line(em.get('name', ''))} {em.get('before', '')} → {em.get('after', '')}")
    for t in e.thoughts:
        out.append(f"Thought: {clean_line(t.get('text', ''))} ({t.get('belief', '')})")
    if e.distortions:
        out.append("Thinking patterns: " + ", ".join(distortion_name(d) for d in e.distortions))
    out += [f"Evidence for: {clean_text(x).strip()}" for x in e.evidence_for if x.strip()]
    out += [f"Evidence against: {clean_text(x).strip()}" for x in e.evidence_against if x.strip()]
    if e.balanced_thought.strip():
        out.append(f"Balanced thought: {clean_text(e.balanced_thought).strip()}")
    out += [f"Self-compassion: {clean_text(x).strip()}" for x in e.self_compassion if x.strip()]
    if e.lesson_outside_control:
        out.append("Lesson: outside my control.")
    elif e.lesson.strip():
        out.append(f"Lesson: {clean_text(e.lesson).strip()}")
    if e.next_action.strip():
        out.append(f"Next action: {clean_line(e.next_action)}" + (f" (by {e.next_action_date})"
                                                                  if e.next_action_date else ""))
    return out


def entry_jrnl(e: JournalEntry, app_title: str = "") -> str:
    title = clean_line(e.title)
    if not title and e.kind == "checkin":
        title = f"{kind_label(e.kind)}" + (f": mood {e.mood}/5 ({mood_word(e.mood)})" if e.mood else "")
    elif not title and e.kind == "reframe":
        title = clean_line(headline(e))
    lines: list[str] = []
    if app_title:
        lines.append(f"Application: {clean_line(app_title)}")
    if e.kind == "reframe":
        lines += _reframe_lines(e)
    body = clean_text(e.body).strip("\n").rstrip()
    if body:
        lines.append(body)
    text = _ENTRY_LIKE.sub(r" \1", "\n".join(lines))
    tags = [t for t in (_tag(t) for t in e.tags) if t]
    out = f"[{e.entry_date} {_time(e)}] {title}\n"
    if text:
        out += text + "\n"
    if tags:
        out += " ".join(f"@{t}" for t in tags) + "\n"
    return out


def to_jrnl(entries: Iterable[JournalEntry], app_title: Callable[[str | None], str] | None = None,
            *, include_drafts: bool = False) -> str:
    """The whole journal, oldest first, in jrnl's text format."""
    title = app_title or (lambda _id: "")
    items = sorted((e for e in entries if include_drafts or not e.is_draft),
                   key=lambda e: (e.entry_date, _time(e), e.created_at, e.id))
    return "\n".join(entry_jrnl(e, title(e.application_id) if e.application_id else "") for e in items)
