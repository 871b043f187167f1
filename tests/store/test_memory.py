"""Issue 16, peak memory with every record loaded: what keeps the heavy dataset's footprint down.

Pure unit tests of the mechanisms; the figure itself is measured by ``python tests/bench.py --only
foundation`` (peak RSS against a bare Textual app)."""

from __future__ import annotations

import orjson
import pytest

from store import storage as storage_mod
from store.db import Store
from store.models import ALL_MODELS, Application, Settings
from store.storage import LazyTables, split_tables


@pytest.mark.parametrize("cls", ALL_MODELS)
def test_records_have_no_instance_dict(cls):
    """Records are slotted: tens of thousands of them, each a dict of ~40 keys, were ~35 MB."""
    record = cls.from_dict({"id": "r1"}, True)
    assert not hasattr(record, "__dict__")
    assert cls.from_dict(record.to_dict(), True) == record


def test_the_trusted_builder_keeps_unknown_keys_defaults_and_shares_nothing_mutable():
    a = Application.from_dict({"id": "a1", "company": "Acme", "from_the_future": [1, 2]}, True)
    b = Application.from_dict({"id": "a2"}, True)
    assert (a.company, a.stage, a.extra) == ("Acme", "wishlist", {"from_the_future": [1, 2]})
    assert a.to_dict()["from_the_future"] == [1, 2]
    assert b.extra == {} and b.tags == [] and a.tags is not b.tags and a.extra is not b.extra
    s = Settings.from_dict({"id": "settings", "keymap": {"board.reject": "R"}}, True)
    assert s.keymap == {"board.reject": "R"} and s.theme == "rebound-dark"


def test_a_table_is_parsed_a_slice_at_a_time_not_in_one_go(tmp_path, monkeypatch):
    """orjson copies its input and builds a tree of all of it before making objects: one parse of a
    10 MB table peaked ~23 MB above its result. A table read whole is parsed in slices of records."""
    store = Store.open(tmp_path)
    store.applications.save_many([Application(company=f"Co {i}", notes="x" * 50) for i in range(1_200)])
    store.close()
    raw = (tmp_path / "rebound.json").read_bytes()
    split = split_tables(raw, tmp_path / "rebound.json")
    assert split is not None
    tables: LazyTables = split[0]
    table_bytes = tables.unparsed_bytes("applications")
    assert table_bytes is not None
    sizes: list[int] = []
    real_loads = orjson.loads

    def loads(data):
        sizes.append(len(data))
        return real_loads(data)

    monkeypatch.setattr(storage_mod.orjson, "loads", loads)
    got = tables["applications"]
    assert len(got) == 1_200
    assert got == real_loads(table_bytes)
    assert max(sizes) < len(table_bytes) / 3  # slices of 250 of the 1,200 records
