"""LazyTables.parse_in_slices: a table's bytes parsed a slice of records at a time give exactly what one
parse gives, whatever the records hold; anything it can't cut cleanly is left to the plain read."""

from __future__ import annotations

import zlib
from pathlib import Path

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from store import storage as storage_mod
from store.storage import LazyTables

PATH = Path("rebound.json")


def lazy(table: dict) -> tuple[LazyTables, bytes]:
    raw = orjson.dumps(table)
    return LazyTables.of({"t": storage_mod._Unparsed(memoryview(raw), zlib.crc32(raw))}, PATH, {}), raw


def sliced(tables: LazyTables, size: int) -> int:
    return sum(1 for _ in tables.parse_in_slices("t", size=size))


def test_slices_give_what_one_parse_gives_and_fill_the_fragment_cache():
    table = {str(i): {"id": f"r{i}", "n": i, "notes": "x" * (i % 7)} for i in range(1, 23)}
    tables, raw = lazy(table)
    assert sliced(tables, 5) == 4  # 22 records, 5 a slice: four cuts, the rest parsed at the end
    assert tables.unparsed() == []
    assert tables["t"] == table
    assert tables.fragment_cache["t"][1] == raw  # an unchanged table is never re-serialised


TEXT = st.text(alphabet='{}[],:"\\0123456789ab \n\u00e9\u2603', max_size=30)
DIGIT_KEYED = st.dictionaries(st.from_regex(r"\A[0-9]{1,3}\Z"), st.dictionaries(TEXT, TEXT, max_size=2), max_size=3)
VALUE = st.one_of(TEXT, st.integers(min_value=-2**53, max_value=2**53), st.lists(TEXT, max_size=3), DIGIT_KEYED)
DOC = st.dictionaries(st.sampled_from(["id", "notes", "tags", "nested", "n"]), VALUE, max_size=5)


@settings(max_examples=150, deadline=None)
@given(st.lists(DOC, max_size=12), st.integers(min_value=1, max_value=4))
def test_any_records_come_out_as_one_parse_makes_them(docs, size):
    table = {str(i + 1): d for i, d in enumerate(docs)}
    tables, _ = lazy(table)
    sliced(tables, size)
    assert tables["t"] == table  # sliced, or (a cut inside a record) left to the plain read


def test_text_that_looks_like_a_cut_is_not_one():
    table = {"1": {"notes": '},"2":{ not a record'}, "2": {"notes": 'a}, "3" :{b'}, "3": {"notes": "ok"}}
    tables, _ = lazy(table)
    sliced(tables, 1)
    assert tables.unparsed() == []  # every cut was a real one: parsed in slices
    assert tables["t"] == table


def test_a_record_keyed_by_digits_inside_is_left_to_the_plain_read():
    table = {"1": {"steps": {"1": {"a": 1}, "2": {"b": 2}}}, "2": {"id": "x"}}
    tables, _ = lazy(table)
    sliced(tables, 1)
    assert tables.unparsed() == ["t"]  # the inner cut did not parse: nothing kept
    assert tables["t"] == table


def test_a_table_parsed_meanwhile_stops_the_slices():
    table = {str(i): {"n": i} for i in range(1, 10)}
    tables, _ = lazy(table)
    steps = tables.parse_in_slices("t", size=2)
    next(steps)
    assert tables["t"] == table  # a read parses it whole
    assert list(steps) == []
    assert tables["t"] == table
