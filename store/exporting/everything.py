"""All the data as one JSON file (``export all``), which ``import all`` reads back exactly.

``{"rebound_export": 1, "app_version", "schema_version", "exported_at", "tables": {name: [record…]}}``:
every record of every table as stored (ids, timestamps, and fields a newer Rebound added).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .. import __version__, clock
from ..migrations import SCHEMA_VERSION

if TYPE_CHECKING:
    from ..db import Store
    from ..repo import Repo

FORMAT = 1
MARKER = "rebound_export"


def repos(store: Store) -> list[Repo[Any]]:
    """Every table's repository, in the store's order."""
    return [store.applications, store.journal, store.contacts, store.touchpoints, store.drafts,
            store.templates, store.plans, store.settings]


def export_all(store: Store) -> tuple[bytes, int]:
    """(file bytes, number of records)."""
    tables: dict[str, list[dict[str, Any]]] = {}
    count = 0
    for repo in repos(store):
        records = sorted((r.to_dict() for r in repo.all()), key=lambda d: (str(d.get("created_at")), str(d["id"])))
        tables[repo.table_name] = records
        count += len(records)
    doc = {MARKER: FORMAT, "app_version": __version__, "schema_version": SCHEMA_VERSION,
           "exported_at": clock.stamp(), "tables": tables}
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8"), count
