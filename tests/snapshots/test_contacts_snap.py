"""Snapshots of Contacts on the demo data with the frozen date (2026-03-02): the list at 80x24 (and
with NO_COLOR), the detail pane below it, the side-by-side layout at 160x45, the touchpoint dialog,
the contact form and the LinkedIn import preview."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.waiting import settle

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "linkedin"


async def _open(pilot) -> None:
    await settle(pilot)
    await pilot.press("4")
    await settle(pilot)


def test_contacts_80x24(demo_store, make_app, snap_compare):
    assert snap_compare(make_app(demo_store), terminal_size=(80, 24), run_before=_open)


def test_contacts_no_color(demo_store, make_app, snap_compare, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(make_app(demo_store), terminal_size=(80, 24), run_before=_open)


def test_contacts_detail_below_80x24(demo_store, make_app, snap_compare):
    async def run_before(pilot) -> None:
        await _open(pilot)
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(make_app(demo_store), terminal_size=(80, 24), run_before=run_before)


def test_contacts_side_by_side_160x45(demo_store, make_app, snap_compare):
    assert snap_compare(make_app(demo_store), terminal_size=(160, 45), run_before=_open)


@pytest.mark.parametrize("key", ["l", "n"], ids=["log-touchpoint", "new-contact"])
def test_contacts_dialogs_80x24(demo_store, make_app, snap_compare, key):
    async def run_before(pilot) -> None:
        await _open(pilot)
        await pilot.press(key)
        await pilot.pause()

    assert snap_compare(make_app(demo_store), terminal_size=(80, 24), run_before=run_before)


def test_contacts_import_preview_80x24(demo_store, make_app, snap_compare):
    from tui.contacts.importing import ImportPreviewDialog

    async def run_before(pilot) -> None:
        await _open(pilot)
        app = pilot.app
        app.push_screen(ImportPreviewDialog(FIX / "bad_rows.csv", demo_store.contacts.all(),
                                            demo_store.settings.current()))
        await settle(pilot)  # the preview reads the file in a worker

    assert snap_compare(make_app(demo_store), terminal_size=(80, 24), run_before=run_before)
