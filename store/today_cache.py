"""The Today summary, remembered between runs and keyed by the data's checksums.

Computing Today reads every table; on years of data that is most of the start-up time. The summary
is a pure function of the data, the date and the code, so it is kept in ``cache/today.json`` (0600)
under a key made of the tables' checksums (:meth:`AtomicJSONStorage.content_key`), the date and the
version. A start whose data has not changed since the summary was computed paints Today without
parsing the big tables; any change, a new day or a new version misses and recomputes. The file is
derived data: deleting it loses nothing.

Beside the summary the file keeps the *view*: the rows, the stats line and the prompt as the Today
screen last showed them at its terminal size (opaque JSON to this module; ``tui/today/remember.py``
makes and checks it), with the key it was made from. A start at the same size paints that view in its
first frame without decoding the summary (records and all); when the data changed since (another
program, ``rebound-tui checkin``, a restored backup), the same day's view is shown for a frame as it
was and replaced as soon as Today is recomputed (:func:`peek` says which).

It is JSON with an explicit allow-list of the classes it may rebuild (never pickle: a file in the
data dir must not be able to run code). In an encrypted folder it holds the same personal text as the
data (company names, people), so it is encrypted the same way: ``cache/today.json.age``; while the
data is locked it is neither read nor written.
"""

from __future__ import annotations

import dataclasses
import functools
import os
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from . import __version__, clock
from .errors import CryptoError, LockedError
from .greeting import greeting
from .paths import AGE_SUFFIX
from .storage import atomic_write_bytes

if TYPE_CHECKING:
    from .db import Store
    from .today import Summary

FORMAT = 5  # 2: people capped a day, the application count; 3: interview briefs; 4: roles, cool-off in steps;
#            5: the view beside the summary


@functools.cache
def _classes() -> tuple[dict[str, Any], dict[str, Any]]:
    """The dataclasses and the records the file may rebuild, by name (imported when a summary is first
    encoded or decoded: a start that paints the remembered view needs none of them)."""
    from .models import Application, Plan
    from .plans import Person, PlanView, StepView
    from .today import DueItem, Summary

    return ({cls.__name__: cls for cls in (Summary, DueItem, PlanView, StepView, Person)},
            {cls.__name__: cls for cls in (Application, Plan)})


def cache_path(store: Store) -> Path:
    return store.data_dir / "cache" / ("today.json" + (AGE_SUFFIX if store.encrypted else ""))


def _read(store: Store) -> Any:
    """The cache file's JSON (decrypted when the folder is encrypted). Raises ``OSError``,
    ``ValueError`` or :class:`CryptoError` for a missing, damaged or locked one."""
    return orjson.loads(store.storage.unseal(cache_path(store).read_bytes()))


def current_key(store: Store, today: date | None = None) -> str | None:
    content = store.storage.content_key()
    if content is None:
        return None
    return f"{FORMAT}|{__version__}|{(today or clock.today()).isoformat()}|{content}"


def _encode(obj: Any) -> Any:
    if isinstance(obj, (str, int, float, bool)) or obj is None:
        return obj
    if isinstance(obj, datetime):
        return {"$dt": obj.isoformat()}
    if isinstance(obj, date):
        return {"$d": obj.isoformat()}
    if isinstance(obj, (list, tuple)):
        return [_encode(v) for v in obj]
    name = type(obj).__name__
    dataclass_types, records = _classes()
    if name in records and isinstance(obj, records[name]):
        return {"$r": name, "v": obj.to_dict()}
    if dataclasses.is_dataclass(obj) and name in dataclass_types:
        return {"$c": name, "v": {f.name: _encode(getattr(obj, f.name)) for f in dataclasses.fields(obj)}}
    if isinstance(obj, dict):
        return {"$m": [[k, _encode(v)] for k, v in obj.items()]}
    raise TypeError(f"cannot cache a {name}")


def _decode(obj: Any) -> Any:
    if isinstance(obj, list):
        return [_decode(v) for v in obj]
    if not isinstance(obj, dict):
        return obj
    if "$d" in obj:
        return date.fromisoformat(obj["$d"])
    if "$dt" in obj:
        return datetime.fromisoformat(obj["$dt"])
    if "$r" in obj:
        return _classes()[1][obj["$r"]].from_dict(obj["v"])
    if "$c" in obj:
        cls = _classes()[0][obj["$c"]]
        return cls(**{k: _decode(v) for k, v in obj["v"].items()})
    if "$m" in obj:
        return {k: _decode(v) for k, v in obj["$m"]}
    raise ValueError("unknown cache entry")


def _same_day(a: str, b: str) -> bool:
    """Two keys of the same format, version and day (the data may differ)."""
    return a.rsplit("|", 1)[0] == b.rsplit("|", 1)[0]


def _summary_of(entry: Any) -> Summary | None:
    from .today import Summary

    try:
        summary = _decode(entry)
    except (ValueError, KeyError, TypeError, AttributeError):
        return None  # an old or damaged cache is simply recomputed
    if not isinstance(summary, Summary):
        return None
    summary.greeting = greeting(clock.now().hour, summary.name)  # the hour is not part of the key
    return summary


@dataclass
class Remembered:
    """What :func:`peek` found: the last view and whether it and the summary still fit the data."""

    #: The view as the screen stored it (None when there is none that fits this day), and whether it
    #: was made from exactly this data (else it is the same day's last view, to show for a moment).
    view: Any
    view_fresh: bool
    #: The summary was computed from exactly this data (:meth:`summary` decodes it).
    fresh: bool
    _entry: Any = None

    def summary(self) -> Summary | None:
        """The remembered summary (decoded now), when it is fresh; else None."""
        return _summary_of(self._entry) if self.fresh else None


def peek(store: Store, today: date | None = None) -> Remembered | None:
    """What is remembered for today, cheaply (the summary is decoded only when asked): None when
    there is nothing of this day, format and version (or the file is missing or damaged)."""
    key = current_key(store, today)
    if key is None:
        return None
    try:
        raw = _read(store)
    except (OSError, ValueError, CryptoError):
        return None
    if not isinstance(raw, dict) or not isinstance(raw.get("key"), str) or not _same_day(raw["key"], key):
        return None
    view = raw.get("view")
    view_key = view.get("key") if isinstance(view, dict) else None
    if not isinstance(view_key, str) or not _same_day(view_key, key):
        view = None
    return Remembered(view=view, view_fresh=view is not None and view_key == key, fresh=raw["key"] == key,
                      _entry=raw.get("summary"))


def load(store: Store, today: date | None = None) -> Summary | None:
    """The remembered summary if it was computed from exactly this data on this date, else None."""
    key = current_key(store, today)
    if key is None:
        return None
    try:
        raw = _read(store)
    except (OSError, ValueError, CryptoError):
        return None  # a missing or damaged cache is simply recomputed
    if not isinstance(raw, dict) or raw.get("key") != key:
        return None
    return _summary_of(raw.get("summary"))


def _last_view(store: Store) -> Any:
    """The view in the file now (kept when the summary is saved without one), or None."""
    try:
        raw = _read(store)
    except (OSError, ValueError, CryptoError):
        return None
    return raw.get("view") if isinstance(raw, dict) else None


def save(store: Store, summary: Summary, view: dict[str, Any] | None = None) -> bool:
    """Remember ``summary`` if it describes the data as it is on disk now, with the screen's ``view``
    of it (stamped with the same key). Without a view, the one in the file is kept (marked by the
    key it was made from, it is shown only for a moment at the next start). Never raises."""
    if store.read_only or summary.unrecorded:
        return False
    key = current_key(store, summary.today)
    if key is None:
        return False
    try:
        if view is not None:
            view = {**view, "key": key}
        else:
            view = _last_view(store)
        entry = {"key": key, "summary": _encode(summary)}
        if isinstance(view, dict):
            entry["view"] = view
        payload = store.storage.seal(orjson.dumps(entry))
        folder = cache_path(store).parent
        if not folder.exists():
            folder.mkdir(mode=0o700, exist_ok=True)
            os.chmod(folder, 0o700)
        atomic_write_bytes(cache_path(store), payload)
    except (OSError, TypeError, ValueError, LockedError):
        return False
    return True


def is_fresh(store: Store) -> bool:
    key = current_key(store)
    if key is None:
        return False
    try:
        raw = _read(store)
    except (OSError, ValueError, CryptoError):
        return False
    return isinstance(raw, dict) and raw.get("key") == key


def refresh(store: Store) -> bool:
    """Recompute and remember the summary unless the remembered one is still right (at quit)."""
    if store.read_only or store.locked or is_fresh(store):
        return False
    from .today import summarize

    summary = summarize(store)
    if summary.unrecorded:
        # steps done elsewhere: stored as done, as the Today screen does when it shows them
        store.plans.record_evidence(summary.unrecorded)
        summary = summarize(store)
    return save(store, summary)
