"""The board's columns filtered keystroke by keystroke (precomputed search text, a longer query
narrowing what the shorter one showed) are exactly what regrouping and sorting from scratch gives,
through moves, adds and removals in between."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from store import pipeline as p
from store.models import STAGES, Application
from tui.board.columns import BoardColumns

PROPERTIES = settings(derandomize=True, deadline=None, max_examples=60, database=None)
WORDS = ["north", "nor", "wind", "acme", "no", "rth", "n", "ac", "data", ""]


def _apps(n: int) -> list[Application]:
    out = []
    for i in range(n):
        out.append(Application(company=f"{WORDS[i % 5]} co {i}", role=WORDS[(i * 3) % 9] + " dev",
                               stage=STAGES[i % len(STAGES)], tags=[WORDS[i % 7]], notes=WORDS[(i * 7) % 10],
                               excitement=i % 6, next_action_date=f"2026-03-{i % 27 + 1:02d}" if i % 3 else None))
    return out


def _fresh(apps: list[Application], query: str) -> dict[str, list[str]]:
    cols = BoardColumns()
    cols.set_query(query)
    cols.regroup(apps)
    # the reference: filter, then sort, from nothing
    want = {s: [a for a in apps if cols.stage_of(a) == s and p.matches(a, cols.terms)] for s in STAGES}
    for s in STAGES:
        want[s].sort(key=p.board_sort_key)
    return {s: [a.id for a in v] for s, v in want.items()}


STEPS = st.lists(st.one_of(st.tuples(st.just("type"), st.sampled_from(WORDS)),
                           st.tuples(st.just("prepare"), st.just(0)),
                           st.tuples(st.just("move"), st.integers(0, 39)),
                           st.tuples(st.just("remove"), st.integers(0, 39))), min_size=1, max_size=20)


@PROPERTIES
@given(STEPS)
def test_filtering_keystroke_by_keystroke_matches_a_fresh_regroup(steps) -> None:
    apps = _apps(40)
    cols = BoardColumns()
    cols.regroup(apps)
    query = ""
    for op, arg in steps:
        if op == "type":
            query = (query + arg) if arg and len(query) < 12 else arg  # typing on, or a new query
            cols.set_query(query)
            cols.refilter()
        elif op == "prepare":  # the filter opened: each letter's cards worked out ahead
            cols.prepare_search()
        else:
            live = [a for a in apps if a is not None]
            if not live:
                continue
            target = live[arg % len(live)]
            cols.remove(target.id)
            index = apps.index(target)
            if op == "move":
                moved = target.copy()
                moved.stage = STAGES[(STAGES.index(moved.stage) + 1) % len(STAGES)]
                apps[index] = moved
                cols.place(moved)
            else:
                del apps[index]
        got = {s: [a.id for a in v] for s, v in cols.by_stage.items()}
        assert got == _fresh(apps, query)


def test_the_first_keystroke_uses_the_prepared_search_text(monkeypatch) -> None:
    apps = _apps(30)
    cols = BoardColumns()
    cols.regroup(apps)
    cols.prepare_search()
    calls = []
    real = p.haystack
    monkeypatch.setattr(p, "haystack", lambda app: calls.append(app) or real(app))
    cols.set_query("nor")
    cols.refilter()
    cols.set_query("north")
    cols.refilter()
    assert calls == []
    assert cols.shown() == sum(1 for a in apps if p.matches(a, ["north"]))


def test_opening_the_filter_works_out_each_columns_letters_and_a_letter_then_finds_the_same(monkeypatch) -> None:
    from store import textsearch

    apps = _apps(30)
    cols = BoardColumns()
    cols.regroup(apps)
    prepared: list[object] = []
    real = textsearch.PreparedTexts.prepare_letters
    monkeypatch.setattr(textsearch.PreparedTexts, "prepare_letters",
                        lambda self: prepared.append(self) or real(self))
    cols.prepare_search()
    assert len(prepared) == len(STAGES)
    for letter in ("n", "a", "7", "z"):
        cols.set_query(letter.upper())
        cols.refilter()
        assert {s: [a.id for a in v] for s, v in cols.by_stage.items()} == _fresh(apps, letter)


def test_taking_a_card_out_finds_it_by_its_sort_key_without_scanning_the_board(monkeypatch) -> None:
    apps = _apps(400)
    cols = BoardColumns()
    cols.regroup(apps)
    monkeypatch.setattr(cols, "_remove_by_scan", lambda app_id: (_ for _ in ()).throw(AssertionError("scanned")))
    target = apps[123]
    assert cols.remove(target.id) == cols.stage_of(target)
    assert all(a.id != target.id for col in cols.by_stage.values() for a in col)
    assert cols.remove(target.id) is None  # gone already
    moved = p.moved(apps[7], "interviewing")
    cols.remove(apps[7].id)
    cols.place(moved)
    assert cols.remove(moved.id) == "interviewing"


def test_a_card_hidden_by_the_filter_leaves_its_whole_column_and_no_shown_one() -> None:
    apps = _apps(40)
    cols = BoardColumns()
    cols.set_query("north")
    cols.regroup(apps)
    hidden = next(a for a in apps if not cols.visible(a))
    assert cols.remove(hidden.id) is None
    cols.set_query("")
    cols.refilter()
    assert hidden.id not in {a.id for col in cols.by_stage.values() for a in col}


def test_a_card_changed_in_place_is_still_found() -> None:
    apps = _apps(40)
    cols = BoardColumns()
    cols.regroup(apps)
    changed = apps[5]
    changed.company = "zzz renamed in place"  # its sort key no longer says where it sits
    assert cols.remove(changed.id) == cols.stage_of(changed)
    assert changed.id not in {a.id for col in cols.by_stage.values() for a in col}
