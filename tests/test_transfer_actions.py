"""Moving in and out without Textual: :class:`TransferActions` (a previewed import saved through a
``write`` like ``ReboundApp.write``; exports as new files), the readers the preview runs in its
worker, and merging contacts through :class:`ContactsActions`."""

from __future__ import annotations

import stat
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from store.errors import ReadOnlyError
from store.models import Application, Contact
from tui.contacts.actions import ContactsActions
from tui.transfer import actions as T
from tui.transfer.kinds import ExportKind, ImportKind
from tui.transfer.reading import SheetChoices, Snapshot, app_wording, check_path, read_file

FIX = Path(__file__).resolve().parent / "fixtures"


class Writer:
    """Like ``ReboundApp.write``: run the change; a refusal (read-only) returns False."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> bool:
        self.calls += 1
        try:
            fn(*args, **kwargs)
        except ReadOnlyError:
            return False
        return True


def test_reading_does_not_touch_the_store_and_saving_is_one_write(store):
    snap = Snapshot.of(store)
    saves = store.storage.saves
    prepared = read_file(ImportKind.APPLICATIONS, (FIX / "applications" / "jobsync.csv").read_bytes(), snap)
    assert store.storage.saves == saves and prepared.added == 9 and prepared.has_changes
    writer = Writer()
    done = T.TransferActions(writer, store).save_import(prepared, "jobsync.csv")
    assert done is not None and done.message == "Imported from jobsync.csv: 9 added, 0 updated. u puts it back."
    assert writer.calls == 1 and store.storage.saves == saves + 1 and store.applications.count() == 9


def test_a_refused_write_saves_nothing(data_dir, store):
    from store.db import Store

    store.applications.save(Application(company="Acme"))
    second = Store.open(data_dir)  # read-only: the first holds the lock
    try:
        prepared = read_file(ImportKind.JOURNAL, (FIX / "journal" / "jrnl_simple.txt").read_bytes(),
                             Snapshot.of(second))
        assert T.TransferActions(Writer(), second).save_import(prepared, "j.txt") is None
        assert second.journal.count() == 0
    finally:
        second.close()


def test_stage_answers_and_columns_plan_again(store):
    snap = Snapshot.of(store)
    data = (FIX / "applications" / "huntr.csv").read_bytes()
    first = read_file(ImportKind.APPLICATIONS, data, snap)
    assert first.unknown == [("Waiting on referral", 1)]
    assert any("(press o, then stage names, to choose)" in line for line in first.lines)
    assert not any("--stage" in line for line in first.lines)
    again = read_file(ImportKind.APPLICATIONS, data, snap,
                      SheetChoices(columns={"salary": ""}, stages={"Waiting on referral": ("offer", "")}))
    assert again.unknown == [] and again.sheet is not None and "salary" not in again.sheet.mapping.columns


def test_cli_hints_become_keys():
    assert app_wording("If they are day first, run again with --day-first") == \
        "If they are day first, press o, then dates"
    assert app_wording("no column was read as the company: map one with --map company=HEADER").endswith(
        "press o, then columns, to choose its column")


def test_check_path(tmp_path):
    assert "Type the path" in (check_path("  ") or "")
    assert "No such file" in (check_path(str(tmp_path / "x")) or "")
    (tmp_path / "f.csv").write_text("a,b\n")
    assert check_path(str(tmp_path / "f.csv")) is None


def test_this_week_and_ranges():
    assert T.this_week(date(2026, 3, 4)) == T.Span(date(2026, 3, 2), date(2026, 3, 8))
    labels = [label for _span, label in T.range_choices(date(2026, 3, 2))]
    assert labels[0] == "This week (2 Mar to 8 Mar)" and labels[-1] == "Other dates…"


def test_export_never_overwrites_and_is_private(store):
    actions = T.TransferActions(Writer(), store)
    first = actions.export(ExportKind.EVERYTHING, "json")
    second = actions.export(ExportKind.EVERYTHING, "json")
    assert first.path is not None and second.path is not None and first.path != second.path
    assert second.path.name == "rebound-all-2026-03-02-2.json"
    assert stat.S_IMODE(first.path.stat().st_mode) == 0o600
    assert "plain text, not encrypted" in first.message and str(first.path) in first.message


def test_export_failure_is_said(store, monkeypatch):
    def broken(path, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("store.paths.write_private", broken)
    done = T.TransferActions(Writer(), store).export(ExportKind.APPLICATIONS, "csv")
    assert done.error and "No space left on device" in done.message


# --------------------------------------------------------------------------- merging, through ContactsActions


def test_merge_contacts_action(store):
    a = Contact(first_name="Ana", last_name="Almeida", company="Acme")
    b = Contact(first_name="Ana", last_name="Almeida", phone="+1 555")
    store.contacts.save_many([a, b])
    actions = ContactsActions(Writer(), store)
    assert actions.links(b.id) == (0, 0, 0)
    done = actions.merge_contacts(a.id, b.id)
    assert done is not None and done.ids == (a.id,) and "Merged Ana Almeida into Ana Almeida" in done.message
    assert store.contacts.count() == 1 and store.contacts.get(a.id).phone == "+1 555"
    gone = actions.merge_contacts(a.id, b.id)  # b is gone now
    assert gone is not None and gone.error and "no longer exists" in gone.message


@pytest.mark.parametrize("kind", list(ExportKind))
def test_every_export_kind_builds(store, kind):
    for fmt, _label in T.FORMATS[kind]:
        done = T.TransferActions(Writer(), store).export(kind, fmt)
        assert not done.error and done.path is not None and done.path.exists()
