"""Typed records: what Rebound stores.

Every record has ``id`` (a random hex string, also the TinyDB document id), ``created_at`` and
``updated_at`` (ISO-8601 timestamps with offset). Dates are ``YYYY-MM-DD`` strings. ``to_dict`` and
``from_dict`` round-trip; fields a newer version added are kept in ``extra`` and written back, so an
older Rebound never drops them.

The vocabularies (stages, outcomes, kinds, statuses…) are ``Literal`` types, and the small dicts a
record holds in a list (stage history, activity, plan steps, emotions, thoughts, important dates,
job changes) are ``TypedDict``s: both describe what this code writes, for the type checker only.
At run time they are the plain strings and dicts they always were (the JSON is unchanged), and what
a hand-edited file holds is checked and read leniently (:mod:`store.shapes`, :func:`load_record`).
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Literal, NotRequired, TypedDict, TypeVar, get_args

from . import clock, shapes

if TYPE_CHECKING:
    from .records import ALL_MODELS as ALL_MODELS
    from .records import Application as Application
    from .records import Contact as Contact
    from .records import Draft as Draft
    from .records import JournalEntry as JournalEntry
    from .records import Plan as Plan
    from .records import Template as Template
    from .records import Touchpoint as Touchpoint

T = TypeVar("T", bound="Record")

# --------------------------------------------------------------------------- vocabularies

Stage = Literal["wishlist", "applied", "screening", "interviewing", "offer", "closed"]
Outcome = Literal["accepted", "rejected", "ghosted", "withdrew", "declined", "role closed"]
WorkMode = Literal["remote", "hybrid", "on-site"]
JournalKind = Literal["checkin", "freewrite", "reframe"]
ContactRole = Literal["recruiter", "hiring manager", "interviewer", "peer", "referrer", "mentor", "alumni",
                      "other"]
ContactStatus = Literal["active", "paused", "archived", "do not contact"]
Cadence = Literal["weekly", "biweekly", "monthly", "quarterly", "semiannual", "yearly", "none"]
Channel = Literal["email", "linkedin note", "linkedin message", "inmail", "call", "video", "in person", "text",
                  "other"]
Direction = Literal["out", "in", "two-way"]
TouchKind = Literal["thank-you", "rejection reply", "feedback request", "connection note", "check-in",
                    "congratulations", "holiday greeting", "article", "reconnect", "referral ask", "follow-up",
                    "interviewer thanks", "feedback thanks", "close the loop", "runner-up", "other"]
DraftKind = Literal["thank-you", "rejection reply", "feedback request", "connection note", "check-in",
                    "holiday greeting", "congratulations", "article", "reconnect", "interviewer thanks",
                    "feedback thanks", "close the loop", "runner-up", "other"]
DraftChannel = Literal["email", "linkedin note", "linkedin message", "inmail", "other"]
DraftStatus = Literal["draft", "sent", "put off"]
PlanKind = Literal["rejected", "ghosted"]
StepKey = Literal["reflect", "thank_you", "close_loop", "feedback", "stay_in_touch", "move_on", "check_in",
                  "reopened"]
StepStatus = Literal["todo", "done", "skipped", "snoozed"]
ImportantDateKind = Literal["birthday", "work anniversary", "custom"]
LinkedInTier = Literal["free", "premium"]
#: Closing a card on a no, the person's own (optional) tag: was it in their control?
ControlTag = Literal["outside", "unknown", "workable"]
#: How the board shows the pipeline: columns of cards, or one line per card under each stage.
BoardView = Literal["cards", "list"]


# --------------------------------------------------------------------------- what records hold in lists

#: One move on the board: ``{"from": "applied", "to": "screening", "at": "2026-…T…+00:00"}``; a
#: close also says its ``outcome``; the first entry of a card has ``from`` "".
StageMove = TypedDict("StageMove", {"from": str, "to": str, "at": str, "outcome": NotRequired[str]})


class Activity(TypedDict):
    """Something logged on an application: ``{"on": "YYYY-MM-DD", "what": "followed up"}``."""

    on: str
    what: str
    kind: NotRequired[str]  # follow-up | snooze | outcome | reopen


class Emotion(TypedDict):
    """A feeling named in a thought record, rated 0-100 before and after (-1: not rated)."""

    name: str
    before: int
    after: int


class Thought(TypedDict):
    """A thought in a thought record: belief in it 0-100 (-1: not rated), and the hot one."""

    text: str
    belief: int
    hot: bool


class ImportantDate(TypedDict):
    """A yearly date worth a note: ``{"kind": "birthday", "label": "", "month": 3, "day": 14,
    "year": None}`` (``label`` names a custom date; ``year`` counts anniversaries)."""

    kind: ImportantDateKind
    label: str
    month: int
    day: int
    year: int | None


class JobChange(TypedDict):
    """A job change seen on a LinkedIn re-import."""

    on: str
    company: str
    title: str
    from_company: NotRequired[str]
    from_title: NotRequired[str]


class MessageMark(TypedDict):
    """Where a draft's filled-in text has a slot to fill (``kind`` "slot": «one specific thing you
    discussed»), a value Rebound lacks ("missing" or "unknown": «me.name») or a value it filled in
    ("value"), as character offsets into its ``part`` ("subject" or "body"); ``source`` is the
    template expression it came from (to fill it again for another recipient), "" if none."""

    part: str
    start: int
    end: int
    kind: str
    label: str
    source: str


class PlanStep(TypedDict):
    """One step of a rebound plan; ``lesson`` (the feedback step) holds a journal entry's id or
    ``"dismissed"``; ``by`` is ``"evidence"`` when it was marked done from what the user did."""

    key: StepKey
    status: StepStatus
    due: str | None
    done_on: str | None
    snoozed_until: str | None
    lesson: NotRequired[str]
    by: NotRequired[str]


# --------------------------------------------------------------------------- the lists of each vocabulary

STAGES: list[Stage] = list(get_args(Stage))
STAGE_LABELS: dict[str, str] = {
    "wishlist": "Wishlist",
    "applied": "Applied",
    "screening": "Screening",
    "interviewing": "Interviewing",
    "offer": "Offer",
    "closed": "Closed",
}
LIVE_STAGES: tuple[Stage, ...] = ("applied", "screening", "interviewing", "offer")
OUTCOMES: list[Outcome] = list(get_args(Outcome))
WORK_MODES: list[WorkMode] = list(get_args(WorkMode))

JOURNAL_KINDS: list[JournalKind] = list(get_args(JournalKind))
JOURNAL_KIND_LABELS: dict[str, str] = {"checkin": "Check-in", "freewrite": "Free write", "reframe": "Reframe"}

CONTACT_ROLES: list[ContactRole] = list(get_args(ContactRole))
CONTACT_STATUSES: list[ContactStatus] = list(get_args(ContactStatus))
CADENCE_KEYS: list[Cadence] = list(get_args(Cadence))
CADENCES: dict[str, tuple[str, int, dict[str, int]]] = {
    # key: (label, days for "overdue" arithmetic, relativedelta kwargs)
    "weekly": ("weekly", 7, {"weeks": 1}),
    "biweekly": ("every 2 weeks", 14, {"weeks": 2}),
    "monthly": ("monthly", 30, {"months": 1}),
    "quarterly": ("quarterly", 91, {"months": 3}),
    "semiannual": ("every 6 months", 182, {"months": 6}),
    "yearly": ("yearly", 365, {"years": 1}),
    "none": ("none", 0, {}),
}
CHANNELS: list[Channel] = list(get_args(Channel))
DIRECTIONS: list[Direction] = list(get_args(Direction))
TOUCH_KINDS: list[TouchKind] = list(get_args(TouchKind))
DRAFT_KINDS: list[DraftKind] = list(get_args(DraftKind))
DRAFT_CHANNELS: list[DraftChannel] = list(get_args(DraftChannel))
DRAFT_STATUSES: list[DraftStatus] = list(get_args(DraftStatus))


V = TypeVar("V", bound=str)


def one_of(choices: Sequence[V], value: object, default: V) -> V:
    """``value`` as a member of a vocabulary (``one_of(STAGES, form_value, "wishlist")``), or
    ``default`` when it is not one: how text from a form or a file becomes a typed value."""
    for choice in choices:
        if choice == value:
            return choice
    return default


def new_id() -> str:
    return uuid.uuid4().hex[:16]


_FIELDS_CACHE: dict[type, tuple[dataclasses.Field[Any], ...]] = {}


def _fields(cls: type) -> tuple[dataclasses.Field[Any], ...]:
    try:
        return _FIELDS_CACHE[cls]
    except KeyError:
        fs = tuple(f for f in dataclasses.fields(cls) if f.name != "extra")
        _FIELDS_CACHE[cls] = fs
        return fs


_BUILDERS: dict[type, Any] = {}


def _same(value: Any, _default: Any) -> Any:
    return value


def _builder(cls: type[T]) -> Any:
    """A function ``build(data, same) -> cls`` for trusted dicts: every field set once, straight from
    ``data`` or its default (a factory's when missing), unknown keys into ``extra``. Generated per class
    (the assignments are plain attribute stores: records are slotted, no ``__dict__`` to fill).
    ``same(text, text)`` gives the one string kept for an equal text (``memo.setdefault``: stages,
    dates, times, kinds repeat across thousands of records), for each field holding text but the id."""
    try:
        return _BUILDERS[cls]
    except KeyError:
        pass
    env: dict[str, Any] = {"_new": object.__new__, "_cls": cls, "_M": dataclasses.MISSING}
    lines = ["def build(data, same):", "    obj = _new(_cls)", "    g = data.get"]
    for i, f in enumerate(_fields(cls)):
        if f.default is not dataclasses.MISSING:
            env[f"d{i}"] = f.default
            if f.default is None or isinstance(f.default, str):
                lines.append(f"    v = g({f.name!r}, d{i})")
                lines.append(f"    obj.{f.name} = same(v, v) if v.__class__ is str else v")
            else:
                lines.append(f"    obj.{f.name} = g({f.name!r}, d{i})")
        else:
            env[f"f{i}"] = f.default_factory
            lines.append(f"    v = g({f.name!r}, _M)")
            if f.default_factory in (list, dict) or f.name == "id":
                lines.append(f"    obj.{f.name} = f{i}() if v is _M else v")
            else:
                lines.append(f"    obj.{f.name} = f{i}() if v is _M else same(v, v) if v.__class__ is str else v")
    known = frozenset(f.name for f in _fields(cls))
    env["_known"] = known
    lines.append(f"    if len(data) > {len(known)} or not _known.issuperset(data):")
    lines.append("        obj.extra = {k: v for k, v in data.items() if k not in _known}")
    lines.append("    else:")
    lines.append("        obj.extra = {}")
    lines.append("    return obj")
    exec("\n".join(lines), env)  # noqa: S102 - code made here from the class's own field names
    build = env["build"]
    _BUILDERS[cls] = build
    return build


_DOCUMENTS: dict[type, Any] = {}


def _document_maker(cls: type) -> Any:
    """A function ``record -> its document`` for writing: what :meth:`Record.to_dict` gives (``extra``
    first, then every field in order), in one dict display, sharing the record's lists (a writer
    only reads them). Generated per class: ``to_dict``'s loop took ~40 µs a record."""
    try:
        return _DOCUMENTS[cls]
    except KeyError:
        pass
    items = ", ".join(f"{f.name!r}: o.{f.name}" for f in _fields(cls))
    env: dict[str, Any] = {}
    code = f"def document(o):\n    d = {{{items}}}\n    return {{**o.extra, **d}} if o.extra else d"
    exec(code, env)  # noqa: S102 - made from the class's own field names
    _DOCUMENTS[cls] = env["document"]
    return env["document"]


def _fast_from_dict(cls: type[T], data: dict[str, Any], same: Any = _same) -> T:
    built: T = _builder(cls)(data, same)
    return built


@dataclass(slots=True)
class Record:
    """Base of every stored record."""

    TABLE: ClassVar[str] = ""

    id: str = field(default_factory=new_id)
    created_at: str = field(default_factory=clock.stamp)
    updated_at: str = field(default_factory=clock.stamp)
    extra: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = dict(self.extra)
        for f in _fields(type(self)):
            value = getattr(self, f.name)
            if isinstance(value, list):
                value = [dict(v) if isinstance(v, dict) else v for v in value]
            elif isinstance(value, dict):
                value = dict(value)
            out[f.name] = value
        return out

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any], trusted: bool = False,
                  problems: shapes.Problems | None = None) -> T:
        """Build from a stored dict. ``trusted`` skips the shape check: for dicts this code wrote
        itself (the checksummed data file, ``to_dict`` output). Anything else is checked, and a
        field of the wrong type is read leniently (:mod:`store.shapes`), each change noted in
        ``problems`` when given."""
        if trusted:
            return _fast_from_dict(cls, data)
        if not shapes.shape_ok(cls, data):
            data = shapes.coerce(cls, data, problems if problems is not None else [])
        return _fast_from_dict(cls, {k: list(v) if type(v) is list else dict(v) if type(v) is dict else v
                                     for k, v in data.items()})

    def as_document(self) -> dict[str, Any]:
        """The stored document: equal to :meth:`to_dict` (same keys, same order) but sharing this
        record's lists and dicts, so only for reading or writing out, never for changing."""
        document: dict[str, Any] = _document_maker(type(self))(self)
        return document

    @classmethod
    def from_trusted(cls: type[T], data: dict[str, Any], texts: dict[str, str]) -> T:
        """``from_dict(data, trusted=True)`` for one of many records read together: an equal text in
        ``texts`` (the strings kept so far, filled in as it goes) is shared rather than kept again."""
        return _fast_from_dict(cls, data, texts.setdefault)

    def copy(self: T) -> T:
        return type(self).from_dict(self.to_dict(), trusted=True)


def load_record(cls: type[T], key: str, doc: dict[str, Any], problems: list[shapes.ShapeProblem]) -> T:
    """A stored record of an untrusted file (a hand edit, another program), read leniently; what was
    of the wrong type is added to ``problems``. A record whose id isn't text takes its key."""
    found: shapes.Problems = []
    obj = cls.from_dict(doc, problems=found)
    if not isinstance(doc.get("id"), str) or not doc.get("id"):
        if "id" in doc:
            found = [p for p in found if p[0] != "id"]
            found.append(("id", shapes.found(doc.get("id")), "text", "read as the record's key"))
        obj.id = key
    if found:
        rid = shapes.describe_id(doc, key)
        problems.extend(shapes.ShapeProblem(cls.TABLE, rid, *p) for p in found)
    return obj


# --------------------------------------------------------------------------- settings


@dataclass(slots=True)
class Settings(Record):
    TABLE: ClassVar[str] = "settings"

    my_name: str = ""
    signature: str = ""
    linkedin_tier: LinkedInTier = "free"
    default_cadence: str = "quarterly"
    role_cadences: dict[str, str] = field(default_factory=dict)
    pipeline_floor: int = 10
    weekly_goal: int = 5
    quiet_days: int = 21
    cooloff_hours: int = 24
    use_my_name: bool = False
    theme: str = "rebound-dark"
    board_view: BoardView = "cards"
    # global "pause everything": due dates inside the window move after it, spread out
    pause_from: str | None = None
    pause_until: str | None = None
    # Settings › Support: the person's own, kept on this machine only (never shown on Today)
    support_line: str = ""  # a helpline or number; empty: $REBOUND_SUPPORT_LINE, else a directory
    support_person: str = ""  # someone I can reach
    support_helps: str = ""  # what helps me (a few lines)
    care_note_on: str | None = None  # the day the quiet "heavy days" line was last shown
    # Settings › Privacy: lock encrypted data after this many minutes without a key (0: never)
    idle_lock_minutes: int = 0
    # "If I get a no, then I…": the person's own plan (empty: none), and whether it was asked once
    if_no_plan: str = ""
    if_no_asked: bool = False
    welcomed_on: str | None = None  # the first-run screen was answered (or skipped) that day
    # Settings › Keys: the user's own keys, binding id → keys ("board.reject": "R"); checked by the app
    keymap: dict[str, str] = field(default_factory=dict)


#: The record classes defined in :mod:`store.records`, made when one is first asked for (see there).
_RECORDS = ("Application", "JournalEntry", "Contact", "Touchpoint", "Draft", "Template", "Plan")


def __getattr__(name: str) -> Any:
    """``Application``, ``JournalEntry``… and ``ALL_MODELS`` (every record class, settings last): the
    big tables' classes are imported from :mod:`store.records` on first use."""
    if name in _RECORDS:
        from . import records

        return getattr(records, name)
    if name == "ALL_MODELS":
        from . import records

        return (*records.ALL_MODELS, Settings)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
