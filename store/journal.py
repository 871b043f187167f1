"""Journal entries: the repository and the rules around them (UI-free).

Three kinds share one record (:class:`~store.models.JournalEntry`): a quick check-in, a free write
and a guided reframe (a thought record). Unfinished work is kept as a *draft* entry
(``is_draft=True``) that is saved on every step and after edits, so a dropped session loses nothing.

Pure functions here do the arithmetic the screen shows:

* search — every term must match somewhere in the entry's text (any field), case-insensitively;
  :func:`match_spans` gives the spans to highlight;
* filters by kind, tag and linked application;
* relief (the mean drop of the re-rated emotions) and belief shift (how far belief in the hot
  thought fell);
* trends: mood per day over 30/90 days, relief per thought record, how many records;
* the Lessons list (every lesson with its source entry and date);
* the user's own funnel from their applications, shown against overgeneralizing thoughts.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from . import clock
from .dates import from_iso
from .errors import RatingError
from .models import JOURNAL_KIND_LABELS, STAGES, Application, JournalEntry
from .repo import Repo

# --------------------------------------------------------------------------- ordering and text


def written_at(stamp: str) -> str:
    """``created_at`` as a moment in UTC, so stamps written with different offsets (a trip, a clock
    change) compare by when they happened; text that isn't a timestamp is kept as it is."""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    return moment.astimezone(UTC).isoformat() if moment.tzinfo is not None else stamp


def sort_key(entry: JournalEntry) -> tuple[str, str]:
    """Oldest first (newest first with ``reverse=True``): the entry's date, then when it was written."""
    return (entry.entry_date or "", written_at(entry.created_at or ""))


def newest_first(entries: Iterable[JournalEntry]) -> list[JournalEntry]:
    """Newest first: by date, then by when each was written; entries written in the same second
    (timestamps are to the second) keep the order they were saved in, the later one first."""
    items = list(entries)
    keys = [sort_key(e) for e in items]
    return [items[i] for i in sorted(range(len(items)), key=lambda i: (keys[i], i), reverse=True)]


def kind_label(kind: str) -> str:
    return JOURNAL_KIND_LABELS.get(kind, kind.capitalize() if kind else "Entry")


def first_line(text: str, limit: int = 200) -> str:
    for line in (text or "").splitlines():
        line = line.strip()
        if line:
            return line[:limit]
    return ""


def headline(entry: JournalEntry) -> str:
    """What the list shows for an entry: its title, else the hot thought, else its first line."""
    if entry.title.strip():
        return first_line(entry.title)
    if entry.kind == "reframe":
        hot = entry.hot_thought()
        if hot and str(hot.get("text", "")).strip():
            return first_line(str(hot["text"]))
        if entry.situation.strip():
            return first_line(entry.situation)
    return first_line(entry.body)


def text_fields(entry: JournalEntry) -> list[tuple[str, str]]:
    """Every piece of text an entry holds, as (field name, text). Search looks at all of them."""
    out: list[tuple[str, str]] = [("title", entry.title), ("body", entry.body),
                                  ("situation", entry.situation)]
    for i, e in enumerate(entry.emotions):
        out.append((f"emotion:{i}", str(e.get("name", ""))))
    for i, t in enumerate(entry.thoughts):
        out.append((f"thought:{i}", str(t.get("text", ""))))
    for i, d in enumerate(entry.distortions):
        out.append((f"distortion:{i}", str(d)))
    for i, s in enumerate(entry.evidence_for):
        out.append((f"for:{i}", str(s)))
    for i, s in enumerate(entry.evidence_against):
        out.append((f"against:{i}", str(s)))
    out.append(("balanced", entry.balanced_thought))
    for i, s in enumerate(entry.self_compassion):
        out.append((f"compassion:{i}", str(s)))
    out += [("lesson", entry.lesson), ("next_action", entry.next_action)]
    for i, tag in enumerate(entry.tags):
        out.append((f"tag:{i}", str(tag)))
    return [(name, text) for name, text in out if text]


# --------------------------------------------------------------------------- search

_SEP = "\x00"  # never inside stored text (sanitize removes control characters)


def parse_query(query: str) -> list[str]:
    """Split a search into terms: words, or "quoted phrases". Lower-cased, duplicates dropped.

    An unbalanced quote never fails: the text is then split on whitespace.
    """
    query = (query or "").strip()
    if not query:
        return []
    try:
        parts = shlex.split(query, posix=True)
    except ValueError:
        parts = query.replace('"', " ").split()
    terms: list[str] = []
    for part in parts:
        term = " ".join(part.split()).lower()
        if term and term not in terms:
            terms.append(term)
    return terms


class SearchIndex:
    """Lower-cased text of each entry, built once per version of the entry.

    ``extra`` adds text that lives outside the entry (the linked application's company and role),
    keyed by entry id.
    """

    def __init__(self) -> None:
        self._cache: dict[str, tuple[str, str, str]] = {}

    def haystack(self, entry: JournalEntry, extra: str = "") -> str:
        key = entry.id
        hit = self._cache.get(key)
        if hit is not None and hit[0] == entry.updated_at and hit[1] == extra:
            return hit[2]
        text = _SEP.join(t for _, t in text_fields(entry))
        if extra:
            text = text + _SEP + extra
        text = text.lower()
        self._cache[key] = (entry.updated_at, extra, text)
        return text


_DEFAULT_INDEX = SearchIndex()


def matches(entry: JournalEntry, terms: Sequence[str], extra: str = "",
            index: SearchIndex | None = None) -> bool:
    """True when every term occurs somewhere in the entry (in any field, or in ``extra``)."""
    if not terms:
        return True
    hay = (index or _DEFAULT_INDEX).haystack(entry, extra)
    return all(t in hay for t in terms)


def search(entries: Iterable[JournalEntry], query: str | Sequence[str],
           extras: dict[str, str] | None = None, index: SearchIndex | None = None) -> list[JournalEntry]:
    """The entries (order kept) in which every term of ``query`` matches."""
    terms = parse_query(query) if isinstance(query, str) else list(query)
    if not terms:
        return list(entries)
    idx = index or _DEFAULT_INDEX
    extras = extras or {}
    return [e for e in entries if matches(e, terms, extras.get(e.id, ""), idx)]


def match_spans(text: str, terms: Sequence[str]) -> list[tuple[int, int]]:
    """Where the terms occur in ``text`` (case-insensitive), merged and sorted: for highlighting."""
    if not text or not terms:
        return []
    spans: list[tuple[int, int]] = []
    for term in terms:
        if not term:
            continue
        for m in re.finditer(re.escape(term), text, re.IGNORECASE):
            if m.end() > m.start():
                spans.append((m.start(), m.end()))
    if not spans:
        return []
    spans.sort()
    merged = [spans[0]]
    for start, end in spans[1:]:
        last_start, last_end = merged[-1]
        if start <= last_end:
            merged[-1] = (last_start, max(last_end, end))
        else:
            merged.append((start, end))
    return merged


# --------------------------------------------------------------------------- filters


@dataclass(frozen=True)
class JournalFilter:
    kind: str | None = None
    tag: str | None = None
    application_id: str | None = None

    @property
    def active(self) -> bool:
        return bool(self.kind or self.tag or self.application_id)


def apply_filter(entries: Iterable[JournalEntry], flt: JournalFilter | None) -> list[JournalEntry]:
    if flt is None or not flt.active:
        return list(entries)
    tag = flt.tag.lower() if flt.tag else None
    out = []
    for e in entries:
        if flt.kind and e.kind != flt.kind:
            continue
        if tag and tag not in (t.lower() for t in e.tags):
            continue
        if flt.application_id and e.application_id != flt.application_id:
            continue
        out.append(e)
    return out


def all_tags(entries: Iterable[JournalEntry]) -> list[tuple[str, int]]:
    """Tags in use with how many entries carry each, most used first."""
    counts: dict[str, int] = {}
    shown: dict[str, str] = {}
    for e in entries:
        for t in e.tags:
            key = t.lower()
            counts[key] = counts.get(key, 0) + 1
            shown.setdefault(key, t)
    return sorted(((shown[k], n) for k, n in counts.items()), key=lambda p: (-p[1], p[0].lower()))


def linked_applications(entries: Iterable[JournalEntry]) -> list[tuple[str, int]]:
    """Application ids linked from entries with how many entries each, most linked first."""
    counts: dict[str, int] = {}
    for e in entries:
        if e.application_id:
            counts[e.application_id] = counts.get(e.application_id, 0) + 1
    return sorted(counts.items(), key=lambda p: (-p[1], p[0]))


def parse_tags(text: str) -> list[str]:
    """Tags typed as "work, interview #prep": split on commas/whitespace, '#' dropped, deduped."""
    out: list[str] = []
    seen = set()
    for raw in re.split(r"[,\s]+", text or ""):
        tag = raw.strip().lstrip("#").strip()
        if tag and tag.lower() not in seen:
            seen.add(tag.lower())
            out.append(tag[:60])
    return out


# --------------------------------------------------------------------------- ratings


def clamp_rating(value: object, lo: int = 0, hi: int = 100) -> int | None:
    """A rating as an int in [lo, hi], or None when not given / not a number."""
    if not isinstance(value, (int, float, str)) or isinstance(value, bool):
        return None
    try:
        n = int(value)
    except (TypeError, ValueError, OverflowError):
        return None
    if n < 0:
        return None
    return max(lo, min(hi, n))


def parse_rating(text: str) -> int | None:
    """Read a 0-100 rating the user typed ("", "70", "70%"). Raises :class:`RatingError` (a
    ``ValueError``) with a clear message."""
    raw = (text or "").strip().rstrip("%").strip()
    if not raw:
        return None
    if not raw.isdigit():
        raise RatingError("A rating is a whole number from 0 to 100 (or leave it empty).")
    n = int(raw)
    if n > 100:
        raise RatingError("A rating goes up to 100.")
    return n


def relief(emotions: Sequence[Mapping[str, object]]) -> float | None:
    """The mean drop of the emotions rated both before and after (before − after).

    Positive means the feelings eased. Emotions not re-rated are left out; None if there are none.
    """
    drops = []
    for e in emotions:
        before, after = clamp_rating(e.get("before")), clamp_rating(e.get("after"))
        if before is not None and after is not None:
            drops.append(before - after)
    if not drops:
        return None
    return sum(drops) / len(drops)


def entry_relief(entry: JournalEntry) -> float | None:
    return relief(entry.emotions)


def hot_index(thoughts: Sequence[Mapping[str, object]]) -> int | None:
    """Index of the hot thought: the one marked, else the first (None without thoughts)."""
    for i, t in enumerate(thoughts):
        if t.get("hot"):
            return i
    return 0 if thoughts else None


def belief_shift(entry: JournalEntry) -> int | None:
    """How many points belief in the hot thought fell (before − after), or None if not re-rated."""
    i = hot_index(entry.thoughts)
    if i is None:
        return None
    before = clamp_rating(entry.thoughts[i].get("belief"))
    after = clamp_rating(entry.hot_belief_after)
    if before is None or after is None:
        return None
    return before - after


def eased_or_rose(value: float) -> str:
    """A change in a 0-100 rating, the right way round: ``eased 52 of 100`` (it went down: lighter),
    ``rose 10 of 100``, ``held steady``."""
    n = round(value)
    if n > 0:
        return f"eased {n} of 100"
    if n < 0:
        return f"rose {-n} of 100"
    return "held steady"


def describe_relief(value: float | None) -> str:
    """How the re-rated feelings moved, in calm words and the right way round ("eased 52 of 100",
    "rose 10 of 100"): never "relief rose" when the feelings got worse."""
    if value is None:
        return "Feelings: not re-rated this time."
    n = round(value)
    if n > 0:
        return f"Your feelings {eased_or_rose(n)} on average."
    if n == 0:
        return "Your feelings held steady. Writing it down still counts."
    return f"Your feelings {eased_or_rose(n)}. That happens; noticing it is a start."


def describe_shift(value: int | None) -> str:
    """How belief in the hot thought moved, the right way round ("eased 30 of 100")."""
    if value is None:
        return "Belief in the hot thought: not re-rated this time."
    return f"Your belief in the hot thought {eased_or_rose(value)}."


# --------------------------------------------------------------------------- trends


@dataclass
class Trends:
    mood30: list[float | None]  # one value per day, oldest first (None = no check-in)
    mood90: list[float | None]
    relief: list[tuple[str, float]]  # (entry date, relief) per finished thought record, oldest first
    shifts: list[tuple[str, int]]
    records: int
    entries: int

    @staticmethod
    def _avg(values: Iterable[float | None]) -> float | None:
        vals = [v for v in values if v is not None]
        return sum(vals) / len(vals) if vals else None

    @property
    def mood30_avg(self) -> float | None:
        return self._avg(self.mood30)

    @property
    def mood90_avg(self) -> float | None:
        return self._avg(self.mood90)

    @property
    def relief_avg(self) -> float | None:
        return self._avg(v for _, v in self.relief)

    @property
    def shift_avg(self) -> float | None:
        return self._avg(v for _, v in self.shifts)


def mood_by_day(entries: Iterable[JournalEntry], days: int, today: date | None = None) -> list[float | None]:
    """Average mood (1-5) per day for the last ``days`` days ending today, oldest first."""
    end = today or clock.today()
    start = end - timedelta(days=days - 1)
    sums = [0.0] * days
    counts = [0] * days
    lo, hi = start.isoformat(), end.isoformat()
    for e in entries:
        if e.is_draft or not (1 <= e.mood <= 5):
            continue
        d = e.entry_date or ""
        if not (lo <= d[:10] <= hi):
            continue
        day = from_iso(d)
        if day is None:
            continue
        i = (day - start).days
        sums[i] += e.mood
        counts[i] += 1
    return [sums[i] / counts[i] if counts[i] else None for i in range(days)]


def bucket(values: Sequence[float | None], size: int) -> list[float | None]:
    """Average consecutive groups of ``size`` values (None where a group has no value)."""
    if size <= 1:
        return list(values)
    out = []
    for i in range(0, len(values), size):
        group = [v for v in values[i:i + size] if v is not None]
        out.append(sum(group) / len(group) if group else None)
    return out


def trends(entries: Iterable[JournalEntry], today: date | None = None) -> Trends:
    entries = [e for e in entries if not e.is_draft]
    records = sorted((e for e in entries if e.kind == "reframe"), key=sort_key)
    relief_points = [(e.entry_date, r) for e in records if (r := entry_relief(e)) is not None]
    shifts = [(e.entry_date, s) for e in records if (s := belief_shift(e)) is not None]
    return Trends(
        mood30=mood_by_day(entries, 30, today),
        mood90=mood_by_day(entries, 90, today),
        relief=relief_points,
        shifts=shifts,
        records=len(records),
        entries=len(entries),
    )


# --------------------------------------------------------------------------- lessons


@dataclass(frozen=True)
class Lesson:
    entry_id: str
    entry_date: str
    text: str
    source: str  # the entry's headline
    application_id: str | None = None


def lessons(entries: Iterable[JournalEntry]) -> list[Lesson]:
    """Every lesson the user can act on (not "outside my control"), newest first."""
    # kept first, then sorted: newest_first breaks ties by the order given, which keeping preserves
    kept = [e for e in entries if not e.is_draft and e.lesson.strip() and not e.lesson_outside_control]
    return [Lesson(e.id, e.entry_date, e.lesson.strip(), headline(e), e.application_id) for e in newest_first(kept)]


def outside_control_count(entries: Iterable[JournalEntry]) -> int:
    return sum(1 for e in entries if not e.is_draft and e.lesson_outside_control)


# --------------------------------------------------------------------------- applications


def latest_rejection(applications: Iterable[Application]) -> Application | None:
    """The application rejected most recently (by outcome date), or None."""
    best: Application | None = None
    best_key: tuple[str, str] = ("", "")
    for a in applications:
        if a.outcome != "rejected":
            continue
        key = (a.outcome_on or "", a.updated_at or "")
        if best is None or key > best_key:
            best, best_key = a, key
    return best


_ORDER = {s: i for i, s in enumerate(STAGES)}
_SCREEN, _INTERVIEW, _OFFER, _APPLIED = (_ORDER["screening"], _ORDER["interviewing"], _ORDER["offer"],
                                         _ORDER["applied"])


def furthest_stage(app: Application) -> int:
    """Index (in STAGES) of the furthest live stage an application reached; closed counts as where
    it closed from."""
    best = -1
    if app.stage in _ORDER and app.stage != "closed":
        best = _ORDER[app.stage]
    if app.closed_from_stage in _ORDER and app.closed_from_stage != "closed":
        best = max(best, _ORDER[app.closed_from_stage])
    for step in app.stage_history:
        for key in ("to", "from"):
            s = step.get(key) if isinstance(step, dict) else None
            if s in _ORDER and s != "closed":
                best = max(best, _ORDER[s])
    return best


def applied_day(app: Application) -> date | None:
    """When it was sent: applied_on, else the stamp of the move to Applied, else (if it clearly went
    past wishlist) when it was created."""
    d = from_iso(app.applied_on)
    if d:
        return d
    for step in app.stage_history:
        if isinstance(step, dict) and step.get("to") == "applied":
            d = from_iso(str(step.get("at") or ""))
            if d:
                return d
    if furthest_stage(app) >= _APPLIED:
        return from_iso(app.created_at)
    return None


@dataclass(frozen=True)
class Funnel:
    days: int | None  # None = all time
    applied: int = 0
    screening: int = 0
    interviewing: int = 0
    offer: int = 0

    def sentence(self) -> str:
        """E.g. "4 interviews from 31 applications in the last 90 days (9 reached a screen, 1 an
        offer)." — the user's own numbers, said plainly."""
        if self.applied == 0:
            return (f"No applications logged in the last {self.days} days yet." if self.days
                    else "No applications logged yet.")
        apps = "application" if self.applied == 1 else "applications"
        ints = "interview" if self.interviewing == 1 else "interviews"
        when = f"in the last {self.days} days" if self.days else "in your whole search"
        return (f"{self.interviewing} {ints} from {self.applied} {apps} {when} "
                f"({self.screening} reached a screen, {self.offer} an offer).")


def funnel(applications: Iterable[Application], today: date | None = None, days: int | None = 90) -> Funnel:
    """How the user's own applications went: of those sent in the window, how many reached a screen,
    an interview, an offer. ``days=None`` counts everything."""
    end = today or clock.today()
    start = end - timedelta(days=days - 1) if days else None
    applied = screening = interviewing = offer = 0
    for a in applications:
        sent = applied_day(a)
        if sent is None:
            continue
        if start is not None and not (start <= sent <= end):
            continue
        applied += 1
        far = furthest_stage(a)
        if far >= _SCREEN:
            screening += 1
        if far >= _INTERVIEW:
            interviewing += 1
        if far >= _OFFER:
            offer += 1
    return Funnel(days, applied, screening, interviewing, offer)


def funnel_lines(applications: Sequence[Application], today: date | None = None) -> list[str]:
    """The one or two lines shown next to an overgeneralizing thought: the last 90 days, and all
    time when that says more."""
    recent = funnel(applications, today, 90)
    lines = [recent.sentence()]
    total = funnel(applications, today, None)
    if total.applied > recent.applied:
        lines.append(total.sentence())
    return lines


# --------------------------------------------------------------------------- repository


class JournalRepo(Repo[JournalEntry]):
    def entries(self, *, include_drafts: bool = True) -> list[JournalEntry]:
        """All entries, newest first."""
        items = self._models().values()
        return newest_first(items if include_drafts else (e for e in items if not e.is_draft))

    def drafts(self, kind: str | None = None) -> list[JournalEntry]:
        """Unfinished entries (newest change first)."""
        found = [e for e in self._models().values() if e.is_draft and (kind is None or e.kind == kind)]
        return sorted(found, key=lambda e: (e.updated_at or "", e.id), reverse=True)

    def latest_draft(self, kind: str | None = "reframe", application_id: str | None = None) -> JournalEntry | None:
        """The most recently changed draft of ``kind``; with ``application_id``, only one linked to it."""
        for e in self.drafts(kind):
            if application_id is None or e.application_id == application_id:
                return e
        return None

    def save_draft(self, entry: JournalEntry) -> JournalEntry:
        """Keep unfinished work (the entry is marked as a draft)."""
        entry.is_draft = True
        return self.save(entry)

    def finish(self, entry: JournalEntry) -> JournalEntry:
        """Save as a finished entry (a draft with the same id becomes the entry)."""
        entry.is_draft = False
        return self.save(entry)

    def lessons(self) -> list[Lesson]:
        return lessons(self._models().values())

    def application_names(self, ids: Iterable[str | None]) -> dict[str, tuple[str, str]]:
        """(company, "company — role") of linked applications, without parsing the whole applications
        table when the board hasn't needed it yet (the journal opens fast at 10,000 applications)."""
        return self.store.applications.titles(ids)

    def trends(self, today: date | None = None) -> Trends:
        return trends(self._models().values(), today)


__all__ = [
    "JournalRepo", "JournalFilter", "SearchIndex", "Trends", "Lesson", "Funnel",
    "apply_filter", "all_tags", "belief_shift", "bucket", "describe_relief", "describe_shift", "eased_or_rose",
    "entry_relief", "first_line", "funnel", "funnel_lines", "headline", "hot_index", "kind_label",
    "latest_rejection", "lessons", "linked_applications", "match_spans", "matches", "mood_by_day",
    "newest_first", "parse_query", "parse_rating", "parse_tags", "relief", "search", "text_fields",
    "trends",
]
