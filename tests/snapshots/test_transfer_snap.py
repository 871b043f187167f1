"""Snapshot of the applications import preview at 80x24 (demo data underneath, frozen date): how the
file was read, the column mapping, the counts and the first rows, and the keys."""

from __future__ import annotations

from pathlib import Path

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "applications"


def test_applications_import_preview_80x24(demo_store, make_app, snap_compare):
    from tui.transfer.flows import preview
    from tui.transfer.kinds import ImportKind

    async def run_before(pilot) -> None:
        await pilot.pause()
        preview(pilot.app, ImportKind.APPLICATIONS, FIX / "sheet_custom_headers.csv")
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(make_app(demo_store), terminal_size=(80, 24), run_before=run_before)
