"""Record shapes: is a stored record what this code writes, and if not, reading it leniently.

A hand edit, a sync tool or another program can leave a value of the wrong type in the data file
(``applied_on: 20260301``, ``emails: [5]``, ``cooloff_hours: 1e12``, a string where a list belongs,
``null`` where text belongs, garbage inside a stage history). Reading such a record as it is would
crash Today, the board or outreach far from the cause, so a record that fails the fast shape check
(:func:`shape_ok`, one ``type()`` test per field) is coerced field by field (:func:`coerce`): a value
that can be read is (a number where text belongs becomes that text, a rating past its range becomes
the nearest allowed value, a list keeps the items it can read), anything else
takes the field's default or is left out of its list. Every change is a :class:`ShapeProblem` (the
field, the record's id, what was found and what was done: never the text itself), which the store
turns into one notice per table and ``doctor`` lists in full.

The file on disk is not changed by reading it; a record is written back, coerced, only when the
user changes it. Files Rebound wrote itself (checksummed, see :mod:`store.storage`) skip all this.

The shapes come from the models' type annotations (``str``, ``str | None``, ``int``, ``bool``,
``Literal`` vocabularies, ``list[...]`` of text or of ``TypedDict`` entries, ``dict[str, str]``), so
a field added to a model is checked without a change here; numbers get the ranges in
:data:`INT_RANGES` (the settings form's, for the settings).
"""

from __future__ import annotations

import dataclasses
import math
import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

#: Allowed range of each whole-number field, by name (the same in every model and entry). The
#: settings' ranges are the settings form's (``tui.settings.actions.INT_FIELDS``; a test checks).
INT_RANGES: dict[str, tuple[int, int]] = {
    "excitement": (0, 5), "mood": (0, 5), "energy": (0, 5),
    "round_number": (0, 1000), "wizard_step": (0, 100), "writing_seconds": (0, 10**7), "course_day": (0, 4),
    "balanced_belief": (-1, 100), "hot_belief_after": (-1, 100),
    "before": (-1, 100), "after": (-1, 100), "belief": (-1, 100),
    "month": (1, 12), "day": (1, 31), "year": (1, 9999),
    "pipeline_floor": (0, 500), "weekly_goal": (0, 200), "quiet_days": (1, 365), "cooloff_hours": (0, 168),
}
#: Any other whole number (none today): generous, but far from what overflows a date or a repeat.
OTHER_INT_RANGE = (-(10**6), 10**6)
#: Entries of a list that mean nothing without this key (a plan step without its key…): an entry
#: whose key is missing or unreadable is left out of the list.
ENTRY_KEYS: dict[str, str] = {
    "StageMove": "to", "Activity": "on", "Emotion": "name", "Thought": "text", "ImportantDate": "month",
    "JobChange": "on", "PlanStep": "key",
}
#: Defaults of entry fields that are not the type's plain default (a rating not given is -1).
ENTRY_DEFAULTS: dict[str, Any] = {"before": -1, "after": -1, "belief": -1, "day": 1}


@dataclass(frozen=True)
class ShapeProblem:
    """One value that wasn't what this code writes, and what reading it did."""

    table: str
    record_id: str
    field: str
    found: str
    expected: str
    action: str

    def describe(self) -> str:
        where = f"{self.table} {self.record_id}" if self.table else self.record_id
        return f"{where}: {self.field} is {self.found}, expected {self.expected}; {self.action}"


Problems = list[tuple[str, str, str, str]]  # (field path, found, expected, action) while coercing


def found(value: Any) -> str:
    """What kind of value this is, in words (never the value itself, unless a number)."""
    if value is None:
        return "empty (null)"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return f"the number {value}" if abs(value) < 10**15 else "a very large number"
    if isinstance(value, float):
        return f"the number {value:g}"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


# --------------------------------------------------------------------------- kinds of field


class Kind:
    """How one field is checked (:meth:`ok`, fast) and read leniently (:meth:`fix`)."""

    expected = "?"
    #: Makes the default when the field's default is made fresh (a timestamp, today's date).
    factory: Callable[[], Any] | None = None

    def __init__(self, default: Any) -> None:
        self.default = default

    def ok(self, v: Any) -> bool:  # pragma: no cover - every kind overrides it
        raise NotImplementedError

    def fix(self, v: Any, path: str, problems: Problems) -> Any:
        """The value to use for ``v`` (which failed :meth:`ok`); says what it did in ``problems``."""
        problems.append((path, found(v), self.expected, "used the default" if self.default not in (None, "")
                         else "read as empty"))
        return self.default_value()

    def default_value(self) -> Any:
        if self.factory is not None:
            return self.factory()
        d = self.default
        return list(d) if isinstance(d, list) else dict(d) if isinstance(d, dict) else d


class Text(Kind):
    expected = "text"

    def ok(self, v: Any) -> bool:
        return type(v) is str

    def fix(self, v: Any, path: str, problems: Problems) -> Any:
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            problems.append((path, found(v), self.expected, "read as text"))
            return str(v)
        return super().fix(v, path, problems)


class OptionalText(Kind):
    expected = "text or null"

    def ok(self, v: Any) -> bool:
        return v is None or type(v) is str


class Number(Kind):
    def __init__(self, default: Any, lo: int, hi: int, optional: bool = False) -> None:
        super().__init__(default)
        self.lo, self.hi, self.optional = lo, hi, optional
        self.expected = f"a whole number from {lo} to {hi}" + (" or null" if optional else "")

    def ok(self, v: Any) -> bool:
        return (type(v) is int and self.lo <= v <= self.hi) or (self.optional and v is None)

    def fix(self, v: Any, path: str, problems: Problems) -> Any:
        n: int | None = None
        if isinstance(v, bool):
            n = int(v)
        elif isinstance(v, int):
            n = v
        elif isinstance(v, float) and math.isfinite(v):
            n = round(v)
        elif isinstance(v, str):
            try:
                n = int(v.strip())
            except ValueError:
                n = None
        if n is None:
            return super().fix(v, path, problems)
        clamped = min(max(n, self.lo), self.hi)
        what = "the smallest allowed" if clamped > n else "the largest allowed" if clamped < n else "a number"
        problems.append((path, found(v), self.expected, f"read as {clamped} ({what})"))
        return clamped


class Flag(Kind):
    expected = "true or false"

    def ok(self, v: Any) -> bool:
        return type(v) is bool

    def fix(self, v: Any, path: str, problems: Problems) -> Any:
        if type(v) is int and v in (0, 1):
            problems.append((path, found(v), self.expected, f"read as {'true' if v else 'false'}"))
            return bool(v)
        return super().fix(v, path, problems)


class Choice(Kind):
    def __init__(self, default: Any, choices: tuple[str, ...]) -> None:
        super().__init__(default)
        self.choices = frozenset(choices)
        self.by_form = {_fold(c): c for c in choices}
        shown = [repr(c) for c in choices[:5]]
        self.expected = "one of " + ", ".join(shown) + (", …" if len(choices) > 5 else "")

    def ok(self, v: Any) -> bool:
        return type(v) is str and v in self.choices

    def fix(self, v: Any, path: str, problems: Problems) -> Any:
        if isinstance(v, str) and (choice := self.by_form.get(_fold(v))) is not None:
            problems.append((path, "text in another spelling", self.expected, f"read as {choice!r}"))
            return choice
        if isinstance(v, str):
            problems.append((path, "other text", self.expected,
                             f"read as {self.default!r}" if self.default else "read as empty"))
            return self.default
        return super().fix(v, path, problems)


def _fold(text: str) -> str:
    return " ".join(text.replace("-", " ").replace("_", " ").casefold().split())


class Entry(Kind):
    """A ``TypedDict`` entry of a list (a stage move, a plan step…)."""

    def __init__(self, td: type, name: str) -> None:
        super().__init__(None)
        self.expected = f"an entry ({name})"
        hints = typing.get_type_hints(td)
        required: frozenset[str] = getattr(td, "__required_keys__", frozenset(hints))
        self.kinds: dict[str, Kind] = {k: kind_for(tp, _entry_default(k, tp), k) for k, tp in hints.items()}
        self.required = tuple(k for k in hints if k in required)
        self.key = ENTRY_KEYS.get(name)
        #: Keys any text is right for (the common case, checked without a call).
        self.text_keys = frozenset(k for k, kind in self.kinds.items() if type(kind) in (Text, OptionalText))

    def ok(self, v: Any) -> bool:
        if type(v) is not dict:
            return False
        for k in self.required:
            if k not in v:
                return False
        kinds = self.kinds
        text = self.text_keys
        for k, x in v.items():
            if type(x) is str and k in text:
                continue
            kind = kinds.get(k)
            if kind is not None and not kind.ok(x):
                return False
        return True

    def fix(self, v: Any, path: str, problems: Problems) -> Any:
        """The fixed entry, or :data:`DROP` when it can't be read."""
        if type(v) is not dict:
            problems.append((path, found(v), self.expected, "left out"))
            return DROP
        if self.key is not None:
            key_kind = self.kinds[self.key]
            if self.key not in v or not (key_kind.ok(v[self.key]) or _fixable(key_kind, v[self.key])):
                what = "missing" if self.key not in v else found(v[self.key])
                problems.append((f"{path}.{self.key}", what, key_kind.expected, "left the entry out"))
                return DROP
        out = dict(v)
        for k, kind in self.kinds.items():
            if k in out:
                if not kind.ok(out[k]):
                    out[k] = kind.fix(out[k], f"{path}.{k}", problems)
            elif k in self.required:
                problems.append((f"{path}.{k}", "missing", kind.expected, "used the default"))
                out[k] = kind.default_value()
        return out


def _fixable(kind: Kind, v: Any) -> bool:
    scratch: Problems = []
    value = kind.fix(v, "", scratch)
    return value is not None and value != "" and all(p[3] != "used the default" for p in scratch)


def _entry_default(key: str, tp: Any) -> Any:
    """The default of an entry's field when it is missing or unreadable."""
    if key in ENTRY_DEFAULTS:
        return ENTRY_DEFAULTS[key]
    choices = _literals(tp)
    if choices:
        return next((c for c in ("custom", "todo") if c in choices), choices[0])
    if tp is str:
        return ""
    if tp is bool:
        return False
    if tp is int:
        return max(0, INT_RANGES.get(key, (0, 0))[0])
    return None


DROP = object()


class ListOf(Kind):
    def __init__(self, item: Kind) -> None:
        super().__init__([])
        self.item = item
        self.of_text = type(item) is Text
        self.expected = "a list of text" if isinstance(item, Text) else f"a list of {item.expected}s"

    def ok(self, v: Any) -> bool:
        if type(v) is not list:
            return False
        if self.of_text:
            for x in v:
                if type(x) is not str:
                    return False
            return True
        ok = self.item.ok
        for x in v:
            if not ok(x):
                return False
        return True

    def fix(self, v: Any, path: str, problems: Problems) -> Any:
        if not isinstance(v, list):
            problems.append((path, found(v), self.expected, "read as an empty list"))
            return []
        out = []
        for i, x in enumerate(v):
            if self.item.ok(x):
                out.append(x)
            elif isinstance(self.item, Entry):
                fixed = self.item.fix(x, f"{path}[{i}]", problems)
                if fixed is not DROP:
                    out.append(fixed)
            else:  # a list of text: anything else is left out
                problems.append((f"{path}[{i}]", found(x), "text", "left out"))
        return out


class TextMap(Kind):
    expected = "an object of text values"

    def __init__(self) -> None:
        super().__init__({})

    def ok(self, v: Any) -> bool:
        return type(v) is dict and all(type(x) is str for x in v.values())

    def fix(self, v: Any, path: str, problems: Problems) -> Any:
        if not isinstance(v, dict):
            return super().fix(v, path, problems)
        kept = {k: x for k, x in v.items() if type(x) is str}
        problems.append((path, "an object with other values", self.expected,
                         f"left out {len(v) - len(kept)} value(s)"))
        return kept


class Anything(Kind):
    def ok(self, v: Any) -> bool:
        return True


def _literals(tp: Any) -> tuple[str, ...]:
    """The strings of a ``Literal`` or a union of them (``WorkMode | Literal[""]``); () otherwise."""
    if typing.get_origin(tp) is Literal:
        return tuple(a for a in typing.get_args(tp) if isinstance(a, str))
    args = typing.get_args(tp)
    if args and all(typing.get_origin(a) is Literal for a in args):
        return tuple(x for a in args for x in typing.get_args(a) if isinstance(x, str))
    return ()


def kind_for(tp: Any, default: Any, name: str) -> Kind:
    """The :class:`Kind` of a field annotated ``tp``."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    choices = _literals(tp)
    if choices:
        return Choice(default if default in choices else choices[0], choices)
    if tp is str:
        return Text("" if default is None else default)
    if tp is bool:
        return Flag(bool(default))
    if tp is int:
        lo, hi = INT_RANGES.get(name, OTHER_INT_RANGE)
        return Number(default if isinstance(default, int) else lo, lo, hi)
    if origin is list and args:
        item = args[0]
        if typing.is_typeddict(item):
            return ListOf(Entry(item, item.__name__))
        return ListOf(kind_for(item, None, name))
    if origin is dict and args and args[1] is str:
        return TextMap()
    if type(None) in args:
        inner = [a for a in args if a is not type(None)]
        if inner == [str]:
            return OptionalText(None)
        if inner == [int]:
            lo, hi = INT_RANGES.get(name, OTHER_INT_RANGE)
            return Number(None, lo, hi, optional=True)
    return Anything(default)


# --------------------------------------------------------------------------- a model's shape


_KINDS: dict[type, dict[str, Kind]] = {}


def kinds(cls: type) -> dict[str, Kind]:
    """Field name → :class:`Kind` for a model class (built once)."""
    try:
        return _KINDS[cls]
    except KeyError:
        pass
    hints = typing.get_type_hints(cls)
    out: dict[str, Kind] = {}
    for f in dataclasses.fields(cls):
        if f.name == "extra":
            continue
        factory = f.default_factory if f.default_factory is not dataclasses.MISSING else None
        default = f.default if f.default is not dataclasses.MISSING else None
        kind = kind_for(hints[f.name], default, f.name)
        if factory is not None and not isinstance(kind, (ListOf, TextMap)):
            kind.factory = factory  # (a fresh id, timestamp or day)
        out[f.name] = kind
    _KINDS[cls] = out
    return out


class _Fast:
    """A model's shape as sets and maps, so :func:`shape_ok` tests most fields without a call."""

    __slots__ = ("choices", "known", "nullable", "others", "ranges", "text")

    def __init__(self, ks: dict[str, Kind]) -> None:
        self.known = frozenset(ks)
        self.text = frozenset(k for k, kind in ks.items() if type(kind) in (Text, OptionalText))
        self.nullable = frozenset(k for k, kind in ks.items()
                                  if type(kind) is OptionalText or (type(kind) is Number and kind.optional))
        self.choices = {k: kind.choices for k, kind in ks.items() if type(kind) is Choice}
        self.ranges = {k: (kind.lo, kind.hi) for k, kind in ks.items() if type(kind) is Number}
        self.others = {k: kind for k, kind in ks.items() if type(kind) in (ListOf, Flag, TextMap, Anything)}


_FAST: dict[type, _Fast] = {}


def shape_ok(cls: type, doc: dict[str, Any]) -> bool:
    """True when every field ``doc`` holds has the shape this code writes: the fast check, run on
    every record of a file Rebound didn't write itself (one type test per field for text, null,
    vocabulary and number fields; lists are walked)."""
    fast = _FAST.get(cls)
    if fast is None:
        fast = _FAST[cls] = _Fast(kinds(cls))
    text, nullable, choices, ranges, others = fast.text, fast.nullable, fast.choices, fast.ranges, fast.others
    for k, v in doc.items():
        t = type(v)
        if t is str:
            if k in text:
                continue
            c = choices.get(k)
            if c is not None:
                if v in c:
                    continue
                return False
        elif v is None:
            if k in nullable:
                continue
        elif t is int:
            r = ranges.get(k)
            if r is not None:
                if r[0] <= v <= r[1]:
                    continue
                return False
        kind = others.get(k)
        if kind is not None:
            if kind.ok(v):
                continue
            return False
        if k in fast.known:
            return False  # a field of the model holding a value of another type
    return True


def coerce(cls: type, doc: dict[str, Any], problems: Problems) -> dict[str, Any]:
    """A copy of ``doc`` with every field of the wrong shape read leniently (see the module doc)."""
    ks = kinds(cls)
    out = dict(doc)
    for k, v in doc.items():
        kind = ks.get(k)
        if kind is not None and not kind.ok(v):
            out[k] = kind.fix(v, k, problems)
    return out


def describe_id(doc: dict[str, Any], key: str) -> str:
    """The record's id as shown in a problem (clipped; only what an id may hold)."""
    rid = doc.get("id")
    text = rid if isinstance(rid, str) and rid else key
    safe = "".join(ch for ch in text if ch.isalnum() or ch in "-_.")[:24]
    return safe or "(no id)"


def problems_in(table: str, cls: type, records: dict[str, Any]) -> list[ShapeProblem]:
    """Every shape problem in one table (for ``doctor``)."""
    out: list[ShapeProblem] = []
    for key, doc in records.items():
        if not isinstance(doc, dict) or shape_ok(cls, doc):
            continue
        found_now: Problems = []
        coerce(cls, doc, found_now)
        rid = describe_id(doc, str(key))
        out += [ShapeProblem(table, rid, *p) for p in found_now]
    return out


def problems_in_data(data: dict[str, Any]) -> list[ShapeProblem]:
    """Every shape problem in a whole data file (``doctor``): each model's table, and the schema
    version in ``meta``."""
    from .migrations import META_ID, META_TABLE, meta_doc, schema_version
    from .models import ALL_MODELS

    out: list[ShapeProblem] = []
    record = meta_doc(data)  # under "meta" in schema 1, the document "1" from schema 2 on
    if isinstance(record, dict) and "schema_version" in record:
        value = record["schema_version"]
        if type(value) is not int or value < 0:
            out.append(ShapeProblem(META_TABLE, META_ID, "schema_version", found(value), "a whole number from 0",
                                    f"read as {schema_version(data)}"))
    for cls in ALL_MODELS:
        table = data.get(cls.TABLE)
        if isinstance(table, dict):
            out += problems_in(cls.TABLE, cls, table)
    return out


def summary(table: str, problems: list[ShapeProblem]) -> str:
    """One notice for the user about a table's problems."""
    first = problems[0]
    n = len(problems)
    return (f"{n} value{'s' if n != 1 else ''} in {table} had the wrong type (e.g. {first.field} in record "
            f"{first.record_id}: {first.found}) and {'were' if n != 1 else 'was'} read leniently; run "
            "rebound-tui doctor to see them all. The file changes only when you edit those records.")


#: Called with (table, problems) when records of the wrong shape are loaded (see store.repo).
Reporter = Callable[[str, list[ShapeProblem]], None]
