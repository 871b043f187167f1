"""One error hierarchy: everything ``store`` raises on purpose is a :class:`StoreError`."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import store
from store import errors
from store.dates import parse_user_date
from store.errors import (
    DateError,
    ImportFormatError,
    NotFoundError,
    PipelineError,
    RuleError,
    StoreError,
)
from store.models import Application


def _store_modules() -> list[str]:
    return [f"store.{m.name}" for m in pkgutil.iter_modules(store.__path__)]


def test_every_exception_class_in_store_derives_from_store_error():
    found = []
    for name in _store_modules():
        module = importlib.import_module(name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            # (a private class is a module's own control-flow signal, never raised out of it)
            if cls.__module__ == name and issubclass(cls, BaseException) and not cls.__name__.startswith("_"):
                found.append(cls)
                assert issubclass(cls, StoreError), f"{name}.{cls.__name__} is not a StoreError"
    assert len(found) >= 10  # the storage errors and the domain's


def test_domain_errors_keep_their_old_bases():
    # callers that caught ValueError / KeyError before keep working
    for cls in (PipelineError, DateError, ImportFormatError, RuleError):
        assert issubclass(cls, ValueError) and issubclass(cls, StoreError)
    assert issubclass(NotFoundError, KeyError)
    # the old import paths still name the same classes
    from store import dates, linkedin, pipeline

    assert dates.DateError is DateError and pipeline.PipelineError is PipelineError
    assert linkedin.ImportFormatError is ImportFormatError


def test_the_never_raised_newer_schema_error_is_gone():
    assert not hasattr(errors, "NewerSchemaError")


def test_not_found_reads_as_a_sentence_not_a_quoted_key():
    assert str(NotFoundError("That message no longer exists.")) == "That message no longer exists."


def test_raised_domain_errors_are_store_errors(store, tmp_path):
    with pytest.raises(StoreError):
        parse_user_date("the day after the interview")
    app = store.applications.add(Application(company="Acme", stage="applied"))
    store.applications.close(app.id, "rejected")
    with pytest.raises(StoreError, match="Already closed"):
        store.applications.step(app.id, +1)
    from store.linkedin import read_bytes

    with pytest.raises(StoreError):
        read_bytes(tmp_path / "missing.csv")
    with pytest.raises(StoreError):
        store.applications.move("no-such-id", "applied")
