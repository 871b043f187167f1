"""``import all FILE``: Rebound's own ``export all`` file into an empty data folder, exactly.

It refuses a folder that already holds records (merging two whole databases is not an import), a
file that isn't an ``export all`` file, and one written by a newer data format.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..exporting.everything import FORMAT, MARKER, repos
from ..migrations import SCHEMA_VERSION
from ..models import Record
from .common import ImportFormatError, decode

if TYPE_CHECKING:
    from ..db import Store


@dataclass
class Everything:
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    unknown: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(v) for v in self.tables.values())

    def summary_lines(self) -> list[str]:
        out = [f"{len(v):,} {name}" for name, v in self.tables.items() if v]
        if self.unknown:
            out.append("not imported (a newer Rebound's tables): " + ", ".join(self.unknown))
        return out


def parse_all(data: bytes | str, known_tables: list[str]) -> Everything:
    text, _enc = decode(data)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFormatError(f"not valid JSON (line {exc.lineno}: {exc.msg})") from exc
    if not isinstance(doc, dict) or MARKER not in doc or not isinstance(doc.get("tables"), dict):
        raise ImportFormatError("not a Rebound 'export all' file (made by: rebound-tui export all)")
    if not isinstance(doc[MARKER], int) or doc[MARKER] > FORMAT:
        raise ImportFormatError("this file was written by a newer Rebound; upgrade rebound-tui to import it")
    schema = doc.get("schema_version", SCHEMA_VERSION)
    if isinstance(schema, int) and schema > SCHEMA_VERSION:
        raise ImportFormatError(f"this file holds data format {schema}; this Rebound knows {SCHEMA_VERSION}. "
                                "Upgrade rebound-tui to import it")
    out = Everything()
    for name, records in doc["tables"].items():
        if name not in known_tables:
            out.unknown.append(str(name))
            continue
        if not isinstance(records, list) or not all(isinstance(r, dict) and isinstance(r.get("id"), str)
                                                    for r in records):
            raise ImportFormatError(f"table {name!r} is damaged: every record needs an 'id'")
        out.tables[name] = records
    return out


def is_empty(store: Store) -> bool:
    return all(repo.count() == 0 for repo in repos(store))


def apply_all(store: Store, everything: Everything) -> int:
    """Write every record as it was (timestamps kept), in one write. The store must be empty."""
    if not is_empty(store):
        raise ImportFormatError("this data folder already holds records; 'import all' only fills an empty one "
                                "(use --data-dir with a new folder)")
    total = 0
    with store.batch():
        for repo in repos(store):
            records = everything.tables.get(repo.table_name, [])
            model: type[Record] = repo.model
            repo.save_many([model.from_dict(r) for r in records], touch=False)
            total += len(records)
    return total
