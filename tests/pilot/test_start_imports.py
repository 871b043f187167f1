"""Start-up pays for Today's first frame only (issue 16): with Today remembered, the modules of the
domain (the big tables' code, computing Today) and of what a key opens later are not imported before
Today's first frame. Checked in a fresh interpreter, at the Today screen's mount (its widgets made
with the remembered view: what the first frame paints)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from textual.widgets import OptionList

from store.db import Store
from tests.screens import today_ready
from tests.waiting import settle, text_of

ROOT = Path(__file__).resolve().parents[2]

#: Imported on first use, after Today's first frame (the warm-up imports them in idle time).
NOT_BEFORE_THE_FIRST_FRAME = [
    "store.brief", "store.contacts", "store.journal", "store.outreach", "store.pipeline", "store.plans",
    "store.records", "store.templates", "store.today", "tui.dialogs", "tui.privacy.unlock",
]

_FIRST_FRAME = """
import asyncio, json, sys
from store.db import Store
from tui.app import ReboundApp
from tui.today import loading

seen = {}
load = loading.TodayData.load_first

def spy(screen):
    seen["modules"] = sorted(m for m in sys.modules if m.split(".")[0] in ("store", "tui", "widgets"))
    seen["record_classes"] = sorted(n for n in ("Application", "Contact", "JournalEntry", "Plan")
                                    if n in vars(sys.modules["store.models"]))
    seen["stats"] = str(screen.query_one("#today-stats").render())
    load(screen)
    seen["provisional"] = screen._provisional

loading.TodayData.load_first = spy

async def main():
    store = Store.open(sys.argv[1])
    app = ReboundApp(store)
    try:
        async with app.run_test(size=(80, 24)):
            pass
    finally:
        store.close()

asyncio.run(main())
print(json.dumps(seen))
"""


async def _remember_today(data_dir: Path, make_app) -> list[str]:
    """A session that shows Today and quits with ``q`` (which remembers its view); the list's lines."""
    s = Store.open(data_dir)
    app = make_app(s)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await today_ready(pilot)
            await settle(pilot)
            lines = text_of(app.screen.query_one("#today-list", OptionList)).splitlines()
            await pilot.press("q")
    finally:
        s.close()
    return lines


async def test_the_domain_is_not_imported_before_todays_first_frame(demo_on_disk, make_app):
    assert await _remember_today(demo_on_disk, make_app)
    out = subprocess.run([sys.executable, "-c", _FIRST_FRAME, str(demo_on_disk)], cwd=ROOT, capture_output=True,
                         text=True, check=True, timeout=120)
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert "Pipeline" in seen["stats"] and seen["provisional"]  # the remembered view, as the first frame paints it
    early = sorted(set(NOT_BEFORE_THE_FIRST_FRAME) & set(seen["modules"]))
    assert early == [], f"imported before Today's first frame: {early}"
    assert seen["record_classes"] == []  # the big tables' record classes are made on first use (store.records)


def test_todays_contact_rows_are_the_people_offered_a_day():
    """``tui.today.rows`` keeps its own copy of the number (it imports store.today only to build rows)."""
    from store.today import CONTACTS_A_DAY
    from tui.today.rows import CONTACT_ROWS

    assert CONTACT_ROWS == CONTACTS_A_DAY
