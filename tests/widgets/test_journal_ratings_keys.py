"""Every printable key (and é, ², an emoji) on a rated list of the thought record: a digit rates the
row, the rest are its keys or nothing; none of them stops the app (issue 14's "every key" rule)."""

from __future__ import annotations

from tests.harness import mounted
from tests.hostile import EVERY_KEY
from tests.waiting import type_keys
from widgets.journal_ratings import RatedList, RatedRow


async def test_every_key_on_a_rated_list_keeps_the_app():
    async with mounted(RatedList([RatedRow("anxious", 70), RatedRow("ashamed")]), size=(60, 6)) as h:
        await type_keys(h.pilot, EVERY_KEY)
        assert h.app.is_running
        assert all(r.value is None or 0 <= r.value <= 100 for r in h.widget.rows)
