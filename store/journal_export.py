"""The journal as Markdown: one section per entry, newest first, then the Lessons list.

User text is copied as written (it is the user's own journal) except that terminal control
characters and bidi overrides are stripped again on the way out, headings are kept to one line, and
every piece of user text is escaped per CommonMark (:mod:`store.exporting.markdown`): a ``#`` in a
body, ``<script>`` or ``[x](y)`` in a title or tag shows as typed, never as a heading, HTML or a link.
Drafts are left out unless asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from . import clock
from .exporting.markdown import escape
from .journal import (
    belief_shift,
    describe_relief,
    describe_shift,
    entry_relief,
    headline,
    hot_index,
    kind_label,
    lessons,
    newest_first,
)
from .models import JournalEntry
from .paths import EXPORT_DIR, ensure_private_dir, write_private
from .prompts import COMPASSION_LABELS, distortion_name, mood_word
from .sanitize import clean_line, clean_text

if TYPE_CHECKING:
    from .db import Store


def _t(text: object) -> str:
    return escape(clean_text(text).strip())


def _l(text: object) -> str:
    """One line of user text, escaped."""
    return escape(clean_line(text))


def _rating(value: object) -> str:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else "—"


def _bullets(items: Iterable[str]) -> list[str]:
    out = []
    for item in items:
        text = _t(item)
        if text:
            lines = text.splitlines()
            out.append("- " + lines[0])
            out += ["  " + line for line in lines[1:]]
    return out


def entry_markdown(entry: JournalEntry, app_title: str = "") -> str:
    """One entry as a Markdown section (a level-2 heading and its body)."""
    head = [entry.entry_date, kind_label(entry.kind)]
    title = _l(headline(entry)) if entry.kind != "checkin" else ""
    if title:
        head.append(title)
    lines = ["## " + " · ".join(head), ""]
    meta = _meta(entry, app_title)
    lines += [f"*{m}*  " for m in meta]
    if meta:
        lines.append("")
    if entry.kind != "reframe":
        if _t(entry.body):
            lines += [_t(entry.body), ""]
    else:
        lines += _reframe_lines(entry)
    return "\n".join(lines).rstrip() + "\n"


def _meta(entry: JournalEntry, app_title: str) -> list[str]:
    """The italic lines under the heading: application, mood, energy, tags, timing, draft."""
    meta = []
    if app_title:
        meta.append(f"Application: {_l(app_title)}")
    if entry.mood:
        meta.append(f"Mood: {entry.mood}/5 ({mood_word(entry.mood)})")
    if entry.energy:
        meta.append(f"Energy: {entry.energy}/5")
    if entry.tags:
        meta.append("Tags: " + ", ".join(_l(t) for t in entry.tags))
    if entry.writing_seconds:
        meta.append(f"Timed writing: {entry.writing_seconds // 60} min")
    if entry.is_draft:
        meta.append("Unfinished draft")
    return meta


def _section(title: str, body: list[str], present: bool | None = None) -> list[str]:
    """``### title``, the body, a blank line; nothing when the step is empty (``present``: whether
    the entry has the step at all, when that is not the same as having lines to show)."""
    return ["### " + title, "", *body, ""] if (bool(body) if present is None else present) else []


def _text(value: str) -> list[str]:
    text = _t(value)
    return [text] if text else []


def _reframe_lines(entry: JournalEntry) -> list[str]:
    """A thought record, one ``###`` section per step that has something in it."""
    lines = _section("Situation", _text(entry.situation))
    lines += _section("Emotions (0-100, before → after)", [
        f"- {_l(e.get('name', ''))}: {_rating(e.get('before'))} → {_rating(e.get('after'))}"
        for e in entry.emotions])
    hot = hot_index(entry.thoughts)
    lines += _section("Thoughts (belief 0-100)", [
        f"- {_l(t.get('text', ''))} ({_rating(t.get('belief'))}){' **(hot thought)**' if i == hot else ''}"
        for i, t in enumerate(entry.thoughts)])
    lines += _section("Thinking patterns", [f"- {_l(distortion_name(d))}" for d in entry.distortions])
    lines += _section("Evidence for", _bullets(entry.evidence_for), bool(entry.evidence_for))
    lines += _section("Evidence against", _bullets(entry.evidence_against), bool(entry.evidence_against))
    balanced = _t(entry.balanced_thought)
    lines += _section("Balanced thought",
                      [f"{balanced} (belief {_rating(entry.balanced_belief)})"] if balanced else [])
    r, s = entry_relief(entry), belief_shift(entry)
    if entry.hot_belief_after >= 0 or r is not None:
        now = [f"- Hot thought belief now: {entry.hot_belief_after}"] if entry.hot_belief_after >= 0 else []
        lines += _section("Re-rated", [*now, "- " + describe_relief(r), "- " + describe_shift(s)])
    compassion = [(COMPASSION_LABELS[i] if i < len(COMPASSION_LABELS) else "", _t(text))
                  for i, text in enumerate(entry.self_compassion)]
    lines += _section("Self-compassion", [f"- {label}: {text}" if label else f"- {text}"
                                          for label, text in compassion if text])
    if entry.lesson_outside_control:
        lines += _section("Lesson", ["Outside my control."])
    else:
        lines += _section("Lesson", _text(entry.lesson))
    if _t(entry.next_action):
        due = f" (by {entry.next_action_date})" if entry.next_action_date else ""
        lines += _section("Next action", [_t(entry.next_action) + due])
    lines += _section("Notes", _text(entry.body))
    return lines


def to_markdown(entries: Iterable[JournalEntry], app_title: Callable[[str | None], str] | None = None,
                *, include_drafts: bool = False, today: date | None = None) -> str:
    """The whole journal as one Markdown document."""
    app_title = app_title or (lambda _id: "")
    items = [e for e in newest_first(entries) if include_drafts or not e.is_draft]
    day = (today or clock.today()).isoformat()
    out = ["# Rebound journal", "",
           f"Exported {day}. {len(items)} {'entry' if len(items) == 1 else 'entries'}, newest first. "
           "Private: keep this file somewhere only you can read.", ""]
    for e in items:
        out.append(entry_markdown(e, app_title(e.application_id) if e.application_id else ""))
    found = lessons(items)
    if found:
        out += ["## Lessons", ""]
        for lesson in found:
            out.append(f"- {lesson.entry_date}: {_l(lesson.text)} (from: {_l(lesson.source)})")
        out.append("")
    text = "\n".join(out).rstrip() + "\n"
    # once more over the whole document: nothing that reaches a terminal survives
    return clean_text(text, limit=10**9)


def default_export_path(data_dir: Path, today: date | None = None) -> Path:
    day = (today or clock.today()).isoformat()
    return Path(data_dir) / EXPORT_DIR / f"journal-{day}.md"


def write_export(path: Path, text: str) -> Path:
    """Write the export atomically, 0600 (its folder 0700 when it is the exports folder)."""
    path = Path(path)
    if path.parent.name == EXPORT_DIR:
        ensure_private_dir(path.parent)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
    write_private(path, text.encode("utf-8"))
    return path


def export_store(store: Store, path: Path | None = None) -> tuple[Path, int]:
    """Export the journal of an open store. Returns (path, number of entries written)."""
    target = Path(path) if path else default_export_path(store.data_dir)

    def title(app_id: str | None) -> str:
        app = store.applications.get(app_id)
        return app.title if app else ""

    entries = store.journal.all()
    text = to_markdown(entries, title)
    write_export(target, text)
    return target, sum(1 for e in entries if not e.is_draft)
