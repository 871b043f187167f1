"""A journal from jrnl (``rebound-tui import journal FILE``): its JSON export or its plain text.

* JSON (``jrnl --export json``): ``{"tags": {...}, "entries": [{"title", "body", "date": "YYYY-MM-DD",
  "time": "HH:MM", "tags": ["@work"], "starred": false}]}``.
* Text (a jrnl journal file, or ``jrnl --export txt``): entries start on a line ``[YYYY-MM-DD HH:MM] Title``
  (also jrnl's default ``[2026-03-01 09:00:00 AM]``); what follows up to the next such line is the body.
  As jrnl reads it: the title is the first line (or the first sentence when there is one line), ``*``
  after the title stars the entry, ``@words`` and ``#words`` are tags. A last line of tags alone is
  taken as the tags (Rebound's jrnl export writes one). A body line that starts with ``[`` was
  written with one space in front (so jrnl doesn't read it as a new entry); that space is removed.

Entries become free writes (starred ones tagged ``starred``). Re-importing the same file changes
nothing: an entry with the same day, title and body is already there.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from .. import clock
from ..models import JournalEntry
from ..sanitize import clean_line, clean_text
from .common import IMPORT_REF, ImportFormatError, ImportPlan, Skipped, decode, fold

if TYPE_CHECKING:
    from ..db import Store

ENTRY_START = re.compile(r"(?:^|\n)\[([^\]\n]+)\] ")
TAG = re.compile(r"(?<!\S)([#@][-+*#/\w]+)")
#: jrnl's sentence end (jrnl/journals/Entry.py SENTENCE_SPLITTER), for a one-line entry.
SENTENCE_END = re.compile(r"[.!?\u2026\u203C\u203D\u2047\u2048\u2049\u22EF\uFE52\uFE57][\'\u2019\"\u201D]?[\]\)]*\s+"
                          r"|[\uFF01\uFF0E\uFF1F\uFF61\u3002]")
_ESCAPED = re.compile(r"^ ( *\[)", re.MULTILINE)
_STAMP_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %I:%M:%S %p", "%Y-%m-%d %I:%M %p",
                  "%Y-%m-%d")


@dataclass
class JrnlEntry:
    line: int
    day: date
    at: time
    title: str
    body: str
    tags: list[str] = field(default_factory=list)
    starred: bool = False
    uuid: str = ""


@dataclass
class ParsedJournal:
    form: str  # "json" | "text"
    entries: list[JrnlEntry] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def _stamp(blob: str) -> datetime | None:
    for fmt in _STAMP_FORMATS:
        try:
            return datetime.strptime(blob.strip(), fmt)
        except ValueError:
            continue
    return None


def tags_in(text: str) -> list[str]:
    return list(dict.fromkeys(t[1:].casefold() for t in TAG.findall(text)))


def _split_title(chunk: str) -> tuple[str, str]:
    first, newline, rest = chunk.partition("\n")
    if newline:
        return first.strip(), rest
    m = SENTENCE_END.search(chunk)
    if m:
        return chunk[:m.end()].strip(), chunk[m.end():]
    return chunk.strip(), ""


def _body_and_tags(body: str) -> tuple[str, list[str]]:
    lines = body.rstrip().split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    tags: list[str] = []
    if lines and lines[-1].strip() and all(TAG.fullmatch(w) for w in lines[-1].split()):
        tags = tags_in(lines.pop())
        while lines and not lines[-1].strip():
            lines.pop()
    text = _ESCAPED.sub(r"\1", "\n".join(lines))
    return text, tags


def parse_text(text: str) -> ParsedJournal:
    out = ParsedJournal("text")
    starts = [(m, _stamp(m.group(1))) for m in ENTRY_START.finditer(text)]
    starts = [(m, s) for m, s in starts if s is not None]
    if not starts:
        raise ImportFormatError("no jrnl entries found: each starts with a line like "
                                "'[2026-03-01 09:00] Title' (or give jrnl's JSON export)")
    for i, (m, stamp) in enumerate(starts):
        assert stamp is not None
        end = starts[i + 1][0].start() if i + 1 < len(starts) else len(text)
        chunk = text[m.end():end]
        line = text.count("\n", 0, m.start()) + (2 if m.group(0).startswith("\n") else 1)
        title, body = _split_title(chunk)
        starred = title.endswith("*")
        if starred:
            title = title.rstrip("* ").rstrip()
        body, trailing = _body_and_tags(body)
        tags = list(dict.fromkeys([*tags_in(title), *tags_in(body), *trailing]))
        out.entries.append(JrnlEntry(line, stamp.date(), stamp.time(), title, body, tags, starred))
    return out


def _json_entry(n: int, raw: Any) -> JrnlEntry | Skipped:
    if not isinstance(raw, dict):
        return Skipped(0, "", f"entry {n} is not an object")
    title = str(raw.get("title") or "")
    try:
        day = date.fromisoformat(str(raw.get("date") or ""))
    except ValueError:
        return Skipped(0, clean_line(title, limit=60), f"entry {n} has no readable date ({raw.get('date')!r})")
    try:
        at = time.fromisoformat(str(raw.get("time") or "09:00"))
    except ValueError:
        at = time(9, 0)
    tags_raw = raw.get("tags")
    tags = [str(t).lstrip("@#").casefold() for t in tags_raw] if isinstance(tags_raw, list) else []
    return JrnlEntry(n, day, at, title, str(raw.get("body") or ""), [t for t in tags if t],
                     bool(raw.get("starred")), str(raw.get("uuid") or ""))


def parse_json(text: str) -> ParsedJournal:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFormatError(f"not valid JSON (line {exc.lineno}: {exc.msg})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise ImportFormatError("this JSON has no 'entries' list: is it jrnl's export (jrnl --export json)?")
    out = ParsedJournal("json")
    for n, raw in enumerate(data["entries"], start=1):
        found = _json_entry(n, raw)
        if isinstance(found, Skipped):
            out.skipped.append(found)
        else:
            out.entries.append(found)
    return out


def parse_jrnl(data: bytes | str) -> ParsedJournal:
    """jrnl JSON or text, told apart by the first character."""
    text, _enc = decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.lstrip().startswith("{"):
        return parse_json(text)
    return parse_text(text)


def _key(day: str, title: str, body: str) -> tuple[str, str, str]:
    return (day, fold(title), fold(body))


def to_entry(e: JrnlEntry) -> JournalEntry:
    tags = list(e.tags)
    if e.starred and "starred" not in tags:
        tags.append("starred")
    entry = JournalEntry(kind="freewrite", entry_date=e.day.isoformat(), title=clean_line(e.title),
                         body=clean_text(e.body), tags=[clean_line(t) for t in tags])
    entry.created_at = datetime.combine(e.day, e.at, tzinfo=clock.now().tzinfo).isoformat(timespec="seconds")
    if e.uuid:
        entry.extra[IMPORT_REF] = f"jrnl:{e.uuid}"
    return entry


def plan_journal(parsed: ParsedJournal, existing: Iterable[JournalEntry]) -> ImportPlan[JournalEntry]:
    plan: ImportPlan[JournalEntry] = ImportPlan(noun="entry", skipped=list(parsed.skipped))
    plan.rows = len(parsed.entries) + len(parsed.skipped)
    keys: dict[tuple[str, str, str], str] = {}
    refs: set[str] = set()
    for old in existing:
        keys[_key(old.entry_date, old.title, old.body)] = "there"
        ref = old.extra.get(IMPORT_REF)
        if isinstance(ref, str):
            refs.add(ref)
    for e in parsed.entries:
        entry = to_entry(e)
        ref = entry.extra.get(IMPORT_REF)
        key = _key(entry.entry_date, entry.title, entry.body)
        if (isinstance(ref, str) and ref in refs) or keys.get(key) == "there":
            plan.unchanged += 1
            continue
        if key in keys:
            plan.skipped.append(Skipped(e.line, clean_line(e.title, limit=60), f"same entry as {keys[key]}"))
            continue
        keys[key] = f"line {e.line}" if parsed.form == "text" else f"entry {e.line}"
        plan.added.append(entry)
    return plan


def label(e: JournalEntry) -> str:
    first = e.title or (e.body.strip().split("\n", 1)[0] if e.body.strip() else "(no text)")
    return f"{e.entry_date} · {first[:60]}"


def apply_plan(store: Store, plan: ImportPlan[JournalEntry]) -> int:
    if not plan.added:
        return 0
    with store.batch():
        store.journal.save_many(plan.added)
    return len(plan.added)
