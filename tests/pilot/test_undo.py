"""``u`` after a one-key verb (issue 11): the toast offers it, and it restores the records byte for byte
(the JSON of every record, and the data file itself), in one write."""

from __future__ import annotations

import json

from store.models import Application, Contact, Draft
from tests.screens import today_ready as ready
from tests.waiting import notifications, notified_text, until_screen
from tui.board.screen import BoardScreen
from tui.dialogs import ConfirmDialog
from tui.outreach.screen import OutreachScreen


def records(store) -> dict[str, dict[str, str]]:
    """Every record of every table as its JSON text, by table and id."""
    store.flush()
    raw = json.loads(store.path.read_bytes())
    return {table: {doc.get("id", key): json.dumps(doc, sort_keys=False) for key, doc in docs.items()}
            for table, docs in raw.items() if table != "meta"}


def file_bytes(store) -> bytes:
    store.flush()
    return store.path.read_bytes()


def _seed(store):
    ana = store.contacts.save(Contact(first_name="Ana", last_name="Chen", role="recruiter", company="Acme",
                                      last_touch_on="2026-01-10", cadence="quarterly"))
    acme = store.applications.add(Application(company="Acme", role="Staff Engineer", stage="interviewing",
                                              round_name="final", contact_names=["Ana Chen"],
                                              next_action="Prepare the onsite", next_action_date="2026-03-04",
                                              applied_on="2026-02-01"))
    store.applications.add(Application(company="Other", role="Dev", stage="interviewing"))
    return ana, acme


async def _on_acme(pilot) -> BoardScreen:
    await pilot.press("2")
    board = await until_screen(pilot, BoardScreen)
    for _ in range(6):
        if board.kanban.current_column == "interviewing":
            break
        await pilot.press("l")
        await pilot.pause()
    while board.kanban.current_card is not None and board.kanban.current_card.title != "Acme":
        await pilot.press("j")
        await pilot.pause()
    return board


async def test_u_restores_byte_identical_records_after_r_L_and_d(store, make_app):
    _ana, acme = _seed(store)
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await ready(pilot)
        board = await _on_acme(pilot)
        assert board.kanban.current_card.id == acme.id
        for keys in (["r"], ["L"], ["d", "y"]):
            before, before_file = records(store), file_bytes(store)
            saves = store.storage.saves
            await pilot.press(keys[0])
            await pilot.pause()
            if len(keys) > 1:
                assert isinstance(app.screen, ConfirmDialog)
                await pilot.press(*keys[1:])  # y: yes, delete
                await pilot.pause()
            assert records(store) != before
            assert "u puts it back" in notified_text(app)
            await pilot.press("u")
            await pilot.pause()
            assert store.storage.saves == saves + 2  # the verb, then the undo: one write each
            assert records(store) == before and file_bytes(store) == before_file
            assert "Undone" in [n.title for n in notifications(app)]
            got = store.applications.get(acme.id)
            assert got is not None and got.stage == "interviewing" and got.next_action == "Prepare the onsite"
        assert store.plans.count() == 0  # the plan r made is gone with it
        # nothing left to undo: said calmly, nothing written
        saves = store.storage.saves
        await pilot.press("u")
        await pilot.pause()
        assert "Nothing to undo" in notified_text(app) and store.storage.saves == saves


async def test_u_after_m_takes_back_the_touchpoint_the_stamp_and_the_sent_state(store, make_app):
    ana, acme = _seed(store)
    draft = store.drafts.save(Draft(kind="check-in", contact_ids=[ana.id], recipient_name="Ana Chen",
                                    application_id=acme.id, subject="Hello", body="Hi Ana, how are things?"))
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await ready(pilot)
        await pilot.press("5")
        await until_screen(pilot, OutreachScreen)
        before, before_file = records(store), file_bytes(store)
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("ctrl+s")  # the mark-sent dialog: today, by email
        await pilot.pause()
        assert store.drafts.get(draft.id).status == "sent" and store.touchpoints.count() == 1
        assert store.contacts.get(ana.id).last_touch_on == "2026-03-02"
        assert "u puts it back" in notified_text(app)
        await pilot.press("u")
        await pilot.pause()
        assert records(store) == before and file_bytes(store) == before_file
        assert store.touchpoints.count() == 0 and store.contacts.get(ana.id).last_touch_on == "2026-01-10"
