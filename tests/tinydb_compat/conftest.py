# Vendored from TinyDB 4.9.0 (https://github.com/msiemens/tinydb, tests/conftest.py), MIT licence
# (full text: LICENSE.tinydb here). Rebound's change: the ``db`` fixture's JSON variant, and TinyDB's
# default storage, are Rebound's AtomicJSONStorage (see adapter.py).
from pathlib import Path

import pytest
from tinydb import TinyDB
from tinydb.middlewares import CachingMiddleware
from tinydb.storages import MemoryStorage

from .adapter import JSONStorage


@pytest.fixture(autouse=True)
def _rebound_storage_is_the_default(monkeypatch):
    monkeypatch.setattr(TinyDB, "default_storage_class", JSONStorage)


@pytest.fixture(params=['memory', 'json'])
def db(request, tmp_path: Path):
    if request.param == 'json':
        db_ = TinyDB(tmp_path / 'test.db', storage=JSONStorage)
    else:
        db_ = TinyDB(storage=MemoryStorage)

    db_.drop_tables()
    db_.insert_multiple({'int': 1, 'char': c} for c in 'abc')

    yield db_


@pytest.fixture
def storage():
    return CachingMiddleware(MemoryStorage)()


# Where Rebound's storage differs from JSONStorage on purpose (each is tested on its own terms in
# tests/store/test_tinydb_compat_storage.py).
INTENDED_DIFFERENCES = {
    "test_storages.py::test_json_kwargs":
        "the layout is fixed (one table per line, with a checksum index); json.dumps options such as "
        "indent or sort_keys raise TypeError instead of being ignored",
    "test_storages.py::test_create_dirs":
        "no empty file is created at open: the file appears, whole, with the first save (create_dirs "
        "itself, and the error for a missing folder, behave as in JSONStorage)",
    "test_storages.py::test_encoding":
        "the data file is always UTF-8; another encoding raises ValueError at open",
    "test_tables.py::test_table_repr[json]":
        "the storage's class is store.storage.AtomicJSONStorage, not tinydb.storages.JSONStorage",
    "test_middlewares.py::test_caching_json_write":
        "no file handle is kept open between saves, so there is no _handle to be closed",
}


def pytest_collection_modifyitems(config, items):
    for item in items:
        for suffix, reason in INTENDED_DIFFERENCES.items():
            if item.nodeid.endswith(suffix):
                item.add_marker(pytest.mark.skip(reason=f"intended difference: {reason}"))
