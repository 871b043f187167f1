"""BoardActions, BoardColumns and the kanban's line drawing, without Textual: a Store in tmp_path,
a ``write`` that behaves like ``ReboundApp.write`` (refused in a read-only session), plain asserts."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date, timedelta

import pytest
from rich.cells import cell_len
from rich.style import Style

from store.errors import ReadOnlyError
from store.models import Application
from tests.hostile import HOSTILE, stored_form
from tui.board.actions import KIND_WORDS, NOT_SELECTED, BoardActions, Changed, Direction, kind_words
from tui.board.columns import BoardColumns
from widgets.kanban_draw import Card, ColumnView, column_line, flat

TODAY = date(2026, 3, 2)
#: What must never reach the terminal from user text: C0/C1 controls and bidi overrides.
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def d(n: int) -> str:
    return (TODAY + timedelta(days=n)).isoformat()


class Recorder:
    """``app.write`` without an app: runs the change, False when the store refuses it."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def __call__(self, fn, *args, **kwargs) -> bool:
        self.calls.append(fn.__name__)
        try:
            fn(*args, **kwargs)
        except ReadOnlyError:
            return False
        return True


class RecordedBoard(BoardActions):
    """BoardActions that keeps what its listeners were told."""

    def __init__(self, store) -> None:
        super().__init__(store, Recorder())
        self.changes: list[Changed] = []
        self.subscribe(self.changes.append)


@pytest.fixture
def board(store) -> RecordedBoard:
    return RecordedBoard(store)


def add(store, **fields) -> Application:
    fields.setdefault("role", "Dev")
    return store.applications.add(Application(**fields))


def test_the_actions_module_imports_no_textual():
    code = "import sys, tui.board.actions, tui.board.columns; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_step_forward_and_back_with_what_to_say(board, store):
    a = add(store, company="Acme", stage="applied")
    said = board.step(a.id, Direction.FORWARD)
    assert said.ok and said.message == "Moved to Screening. u puts it back."  # a one-key verb offers undo
    assert store.applications.get(a.id).stage == "screening"
    assert board.changes == [Changed(a.id, follow=True)]
    said = board.step(a.id, Direction.BACK)
    assert said.ok and store.applications.get(a.id).stage == "applied"
    w = add(store, company="Wish", stage="wishlist")
    said = board.step(w.id, Direction.BACK)
    assert not said.ok and said.message == "Wishlist is the first stage."
    assert store.applications.get(w.id).stage == "wishlist"


def test_step_on_an_offer_asks_for_the_outcome_and_closed_cards_reopen(board, store):
    o = add(store, company="Offer", stage="offer")
    said = board.step(o.id, Direction.FORWARD)
    assert not said.ok and said.ask_outcome == "accepted" and said.message == ""
    assert store.applications.get(o.id).stage == "offer" and board.changes == []
    said = board.close(o.id, "accepted", "", TODAY)
    assert said.ok and said.title == "Closed" and "Congratulations" in said.message
    assert board.changes == [Changed(o.id, follow=False)]
    said = board.step(o.id, Direction.FORWARD)
    assert not said.ok and said.message.startswith("Already closed. H reopens")
    said = board.step(o.id, Direction.BACK)
    assert said.ok and said.message == "Reopened in Offer. u puts it back." and said.timeout == 3


def test_reject_says_kind_words_the_plan_and_the_floor(board, store):
    store.settings.update(pipeline_floor=3)
    a = add(store, company="Acme", stage="interviewing")
    add(store, company="Live", stage="applied")
    add(store, company="Wish one", stage="wishlist")
    said = board.reject(a.id)
    got = store.applications.get(a.id)
    assert said.ok and got.stage == "closed" and got.outcome == "rejected"
    assert said.message.split("\n") == [
        kind_words(got),
        "Your rebound plan is waiting on Today (1).",  # made in the same write as the close
        "1 live, floor 3: moving 1 from Wishlist would refill it.",
        "(Pressed by mistake? u puts it back.)",
    ]
    assert kind_words(got) in KIND_WORDS["rejected"]
    assert said.timeout == 8
    again = board.reject(a.id)
    assert not again.ok and again.message == "Already closed as rejected."


def test_ghost_with_an_empty_wishlist_suggests_new_roles(board, store):
    store.settings.update(pipeline_floor=2)
    a = add(store, company="Quiet", stage="applied")
    said = board.ghost(a.id)
    assert said.ok and store.applications.get(a.id).outcome == "ghosted"
    assert said.message.endswith("0 live, floor 2: a few new roles would refill it.\n"
                                 "(Pressed by mistake? u puts it back.)")


def test_follow_up_snooze_delete_and_missing_cards(board, store):
    a = add(store, company="Acme", stage="applied", next_action="Chase", next_action_date=d(-3))
    said = board.follow_up(a.id)
    assert said.ok and said.message == f"Logged the follow-up. Next action moved to {d(7)}."
    said = board.snooze(a.id)
    assert said.ok and store.applications.get(a.id).snoozed_until == d(7)
    assert board.delete_warning(a).startswith("Acme — Dev\n\n")
    said = board.delete(a.id)
    assert said.ok and said.message == "Deleted. u puts it back." and store.applications.get(a.id) is None
    assert board.changes[-1] == Changed(a.id, follow=False)
    for verb in (board.follow_up, board.snooze, board.delete, board.reject):
        said = verb(a.id)
        assert not said.ok and said.message == NOT_SELECTED
    assert not board.step(a.id, Direction.FORWARD).ok


def test_add_update_and_move_to(board, store):
    a = Application(company="New", role="Role", stage="applied")
    said = board.add(a)
    assert said.ok and said.message == "Added to Applied." and store.applications.get(a.id) is not None
    changed = store.applications.get(a.id)
    changed.notes = "more"
    assert board.update(changed).message == "Saved."
    assert board.move_to(a.id, "interviewing").ok
    assert store.applications.get(a.id).stage == "interviewing"
    assert not board.move_to(a.id, "interviewing").ok  # already there: nothing to do
    assert [c.app_id for c in board.changes] == [a.id, a.id, a.id]


def test_sweep_queue_plan_note_and_wishlist_count(board, store):
    due = add(store, company="Due", stage="applied", next_action="x", next_action_date=d(-1))
    add(store, company="Fine", stage="applied", next_action="x", next_action_date=d(5))
    add(store, company="Wish", stage="wishlist")
    assert board.sweep_queue() == [due.id]
    assert board.wishlist_count() == 1
    assert board.plan_note(due) == ""


def test_a_read_only_session_changes_nothing_and_says_so(data_dir):
    from store.db import Store

    first = Store.open(data_dir)
    a = first.applications.add(Application(company="Acme", role="Dev", stage="applied"))
    second = Store.open(data_dir)
    try:
        actions = BoardActions(second, Recorder())
        notice = actions.read_only_notice()
        assert notice is not None and not notice.ok and notice.severity == "warning"
        assert not actions.step(a.id, Direction.FORWARD).ok
        assert not actions.reject(a.id).ok
        assert second.applications.get(a.id).stage == "applied"
    finally:
        second.close()
        first.close()


def test_columns_group_sort_filter_and_place():
    cols = BoardColumns()
    apps = [Application(company="B", role="x", stage="applied", excitement=1),
            Application(company="A", role="x", stage="applied", excitement=5),
            Application(company="Odd", role="x", stage="not-a-stage"),
            Application(company="Tagged", role="y", stage="offer", tags=["python"])]
    cols.regroup(apps)
    assert [a.company for a in cols.by_stage["applied"]] == ["A", "B"]  # more exciting first
    assert [a.company for a in cols.by_stage["wishlist"]] == ["Odd"]  # unknown stage: Wishlist
    assert cols.shown() == 4 and cols.index_of("applied", apps[1].id) == 0
    cols.set_query("python")
    cols.regroup(apps)
    assert cols.shown() == 1 and cols.by_stage["offer"][0].company == "Tagged"
    assert cols.place(apps[0]) is None  # hidden by the filter
    cols.set_query("")
    cols.regroup(apps)
    assert cols.remove(apps[1].id) == "applied" and cols.remove(apps[1].id) is None
    assert cols.place(apps[1]) == 0 and cols.by_stage["applied"][0] is apps[1]


def _plain(segments) -> str:
    return "".join(s.text for s in segments)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_kanban_lines_draw_hostile_text_as_one_safe_line(hostile):
    card = Card(id="1", title=hostile, subtitle=hostile, meta=((hostile, "warn"), ("3d", "dim")))
    col = ColumnView(label=hostile, cards=[card], page=4, current=True)
    for y in range(0, 5):
        text = _plain(column_line(col, 24, y, Style(), lambda name: Style()))
        assert cell_len(text) == 24, (y, text)  # exactly the column's width
        assert not UNSAFE.search(text), (y, text)  # no escape codes, newlines or bidi overrides
    assert not UNSAFE.search(flat(hostile)) and not UNSAFE.search(flat(stored_form(hostile)))


def test_kanban_empty_column_and_scroll_counts():
    cards = [Card(id=str(i), title=f"Co {i}") for i in range(10)]
    col = ColumnView(label="Applied", cards=cards, top=2, row=3, page=3, current=True)
    assert _plain(column_line(col, 20, 0, Style(), lambda n: Style())).startswith("▸ Applied 10")
    rule = _plain(column_line(col, 20, 1, Style(), lambda n: Style()))
    assert rule.startswith("↑2") and rule.endswith("↓5")
    empty = ColumnView(label="Offer", cards=[], empty_text="empty [/]")
    assert _plain(column_line(empty, 20, 2, Style(), lambda n: Style())).startswith(" empty [/]")


def test_the_board_has_no_string_verb_dispatch_and_modals_hold_no_board():
    """Issue 14: verbs are typed methods; dialogs answer with typed values, never call the board."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "tui" / "board"
    sources = {p.name: p.read_text(encoding="utf-8") for p in root.glob("*.py")}
    for name, text in sources.items():
        for banned in ("act_on(", "action_act(", "action_verb(", "getattr(screen", "getattr(board"):
            assert banned not in text, (name, banned)
    for name in ("details.py", "sweep.py", "forms.py", "flows.py", "panels.py"):
        assert "BoardScreen" not in sources[name] and "self.board" not in sources[name], name
