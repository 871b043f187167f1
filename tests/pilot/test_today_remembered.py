"""Today remembered between runs as it was shown: the first frame paints the last view, the summary
behind it arrives just after (decoded when the data is unchanged, recomputed in a worker when it
changed), and nothing acts on a row until it has."""

from __future__ import annotations

import threading

from textual.content import Content, Span
from textual.widgets import OptionList, Static

from store import today_cache
from store.db import Store
from store.models import Application
from tests.screens import today_ready
from tests.waiting import notified_text, settle, text_of, until
from tui.today import loading, remember
from tui.today.rows import Row
from tui.today.screen import TodayScreen


def _today(app) -> TodayScreen:
    screen = app.screen
    assert isinstance(screen, TodayScreen)
    return screen


async def _run_once(data_dir, make_app) -> list[str]:
    """A session that shows Today and quits with ``q`` (which remembers it); the list's lines."""
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


def _change_elsewhere(data_dir) -> None:
    """Another program changes the data (a capture, an import, a restored backup)."""
    other = Store.open(data_dir)
    other.applications.save(Application(company="Brand New Co", role="Dev", stage="applied",
                                        next_action="Send the portfolio link", next_action_date="2026-03-02"))
    other.close()


async def test_unchanged_data_paints_the_view_then_decodes_the_same_summary(demo_on_disk, make_app, monkeypatch):
    before = await _run_once(demo_on_disk, make_app)
    s = Store.open(demo_on_disk)
    got = today_cache.peek(s)
    assert got is not None and got.fresh and got.view_fresh
    computed = []
    monkeypatch.setattr(loading, "summarize", lambda store: computed.append(1))  # must not be needed
    painted: list[list[Row]] = []
    adopt = loading.TodayData._adopt_view

    def spy(screen, remembered, view):
        adopt(screen, remembered, view)
        assert screen._summary is None  # shown before the summary is decoded
        painted.append(list(screen.rows))

    monkeypatch.setattr(loading.TodayData, "_adopt_view", spy)
    app = make_app(s)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = _today(app)
            # decoded a moment after the first frame, without anything asking for it
            await until(pilot, lambda: screen._summary is not None, what="the remembered summary")
            assert not screen._provisional
            assert len(painted) == 1 and remember.same_rows(painted[0], screen.rows)  # the first frame was right
            assert text_of(screen.query_one("#today-list", OptionList)).splitlines() == before
            assert {"applications", "journal", "touchpoints"} <= set(s.storage._data.unparsed())
            await settle(pilot)
            assert computed == []
    finally:
        s.close()


async def test_changed_data_shows_the_last_view_then_the_recomputed_one(demo_on_disk, make_app, monkeypatch):
    before = await _run_once(demo_on_disk, make_app)
    _change_elsewhere(demo_on_disk)
    release = threading.Event()
    real = loading.summarize

    def held(store):  # the worker waits until the test has looked at the first frame
        assert release.wait(10)
        return real(store)

    monkeypatch.setattr(loading, "summarize", held)
    monkeypatch.setattr(loading, "EARLY_BYTES", 0)  # as years of data: the last view, then the worker
    s = Store.open(demo_on_disk)
    app = make_app(s)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = _today(app)
            await pilot.pause()
            assert screen._provisional and screen.summary is None
            assert text_of(screen.query_one("#today-list", OptionList)).splitlines() == before
            await pilot.press("space")  # nothing acts on the last view: it says why and waits
            assert "catching up" in notified_text(app)
            release.set()
            await today_ready(pilot)
            await settle(pilot)
            assert not screen._provisional
            assert any("Brand New Co" in r.text for r in screen.rows)
        got = today_cache.peek(s)  # the recomputed Today is remembered, with its view
        assert got is not None and got.fresh and got.view_fresh
    finally:
        release.set()
        s.close()


async def test_a_write_while_the_worker_reads_is_not_lost(demo_on_disk, make_app, monkeypatch):
    await _run_once(demo_on_disk, make_app)
    _change_elsewhere(demo_on_disk)
    release = threading.Event()
    real = loading.summarize

    computed = threading.Event()

    def held(store):  # reads everything, then is slow to hand it over
        summary = real(store)
        computed.set()
        assert release.wait(10)
        return summary

    monkeypatch.setattr(loading, "summarize", held)
    monkeypatch.setattr(loading, "EARLY_BYTES", 0)  # as years of data: the last view, then the worker
    s = Store.open(demo_on_disk)
    app = make_app(s)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = _today(app)
            await until(pilot, computed.is_set, what="the worker's summary")
            # the worker's summary predates this write (from another screen, say): it must not be used
            s.applications.save(Application(company="Written Meanwhile", role="Dev", next_action="Call back",
                                            next_action_date="2026-03-02"))
            release.set()
            await today_ready(pilot)
            await settle(pilot)
            assert any("Written Meanwhile" in r.text for r in screen.rows)
    finally:
        release.set()
        s.close()


async def test_a_damaged_or_foreign_view_is_ignored(demo_on_disk, make_app):
    await _run_once(demo_on_disk, make_app)
    s = Store.open(demo_on_disk)
    path = today_cache.cache_path(s)
    raw = path.read_bytes()
    # a style that would be an action, in place of a plain one: the whole view is thrown away
    path.write_bytes(raw.replace(b'"bold"', b'"@click=app.quit"', 1))
    app = make_app(s)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = _today(app)
            assert not screen._provisional
            await today_ready(pilot)
            assert app.is_running
    finally:
        s.close()


async def test_another_terminal_size_reads_the_data_instead(demo_on_disk, make_app):
    await _run_once(demo_on_disk, make_app)
    s = Store.open(demo_on_disk)
    app = make_app(s)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            assert not _today(app)._provisional
            await today_ready(pilot)
    finally:
        s.close()


# --------------------------------------------------------------------------- the checks on what is read back


def test_content_round_trip_and_refusals():
    c = Content.assemble(("Pipeline ", "bold"), "plain [/] text", ("  dim", "dim bold"))
    back = remember.content_from(remember.content_json(c))
    assert back is not None and back.plain == c.plain and list(back.spans) == list(c.spans)
    for style in ("@click=app.quit", "link https://example.com", "$accent", "red on blue", ""):
        assert remember.content_json(Content("x", [Span(0, 1, style)])) is None
        assert remember.content_from(["x", [[0, 1, style]]]) is None
    for junk in (None, [], ["x"], ["x", [[0, 5, "bold"]]], ["x", [[1, 0, "bold"]]], [1, []], ["x", [["0", 1, "bold"]]]):
        assert remember.content_from(junk) is None


def test_view_round_trip_checks_size_day_and_kinds():
    demo_rows = [Row("section:due", "section", Content("Due today"), "Due today"),
                 Row("due:application:1", "due", Content.assemble(("  ▪ Acme", "bold")), "  ▪ Acme", hint="enter")]
    stored = {"size": [80, 24], "day": "2026-03-02", "name": "Alex", "due": [1, 0],
              "stats": remember.content_json(Content("Pipeline")), "prompt": "A prompt",
              "rows": [[r.id, r.kind, remember.content_json(r.prompt), r.hint] for r in demo_rows], "cursor": 1}
    view = remember.view_from(stored, (80, 24), "2026-03-02")
    assert view is not None and remember.same_rows(view.rows, demo_rows) and view.cursor == 1
    assert remember.view_from(stored, (100, 30), "2026-03-02") is None
    assert remember.view_from(stored, (80, 24), "2026-03-03") is None
    assert remember.view_from({**stored, "rows": [["x", "evil", ["x", []], ""]]}, (80, 24), "2026-03-02") is None
    assert remember.view_from({**stored, "due": ["1", 0]}, (80, 24), "2026-03-02") is None
    assert remember.view_from({**stored, "rows": [["x"]]}, (80, 24), "2026-03-02") is None
    assert remember.view_from({**stored, "cursor": 99}, (80, 24), "2026-03-02").cursor is None


def test_the_demo_view_can_be_kept(demo_store):
    """Every style Today uses passes the check (else the view would silently never be remembered)."""
    from store.today import summarize
    from tui.today.rows import build_rows

    s = summarize(demo_store)
    for room in (0, 10, 30):
        rows = build_rows(s, "", None, room)
        assert remember.view_of(s, rows, (80, 24), 78, 0) is not None


async def test_a_key_before_the_summary_is_decoded_acts_on_it(demo_on_disk, make_app, monkeypatch):
    """The remembered summary is decoded on demand when a row is acted on before the moment it
    would have been (and a change made elsewhere meanwhile is read, not the remembered one)."""
    await _run_once(demo_on_disk, make_app)
    monkeypatch.setattr(loading, "SETTLE_S", 30)  # never on its own during this test
    s = Store.open(demo_on_disk)
    app = make_app(s)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = _today(app)
            await pilot.pause()
            assert screen._provisional and screen._summary is None
            s.applications.save(Application(company="Added Meanwhile", role="Dev", next_action="Call",
                                            next_action_date="2026-03-02"))
            screen.refresh_data()  # what coming back from another screen does
            assert screen._summary is not None and not screen._provisional
            assert any("Added Meanwhile" in r.text for r in screen.rows)
    finally:
        s.close()


async def test_the_remembered_view_is_in_the_widgets_as_they_are_made(demo_on_disk, make_app, monkeypatch):
    """The first frame is complete: the widgets are made with the view's text (a view put in at
    mount reached the terminal only after a layout pass or two, the list first and the rest later)."""
    before = await _run_once(demo_on_disk, make_app)
    at_mount: list[tuple[int, str]] = []
    load = loading.TodayData.load_first

    def spy(screen):
        at_mount.append((screen.query_one("#today-list", OptionList).option_count,
                         str(screen.query_one("#today-stats", Static).render())))
        load(screen)

    monkeypatch.setattr(loading.TodayData, "load_first", spy)
    s = Store.open(demo_on_disk)
    app = make_app(s)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await today_ready(pilot)
            (options, stats), = at_mount
            assert options >= len(before) > 0 and "Pipeline" in stats and "Reading your data" not in stats
            await pilot.press("q")
    finally:
        s.close()


async def test_little_data_is_summarized_at_compose_so_the_first_frame_shows_it(demo_on_disk, make_app, monkeypatch):
    """Nothing remembered (a first start) or the data changed since: with little data Today is computed
    as the screen is made, so its first frame is complete and its rows act at once."""
    await _run_once(demo_on_disk, make_app)
    _change_elsewhere(demo_on_disk)
    at_mount: list[str] = []
    load = loading.TodayData.load_first

    def spy(screen):
        at_mount.append(str(screen.query_one("#today-stats", Static).render()))
        load(screen)
        assert screen.summary is not None and not screen._provisional

    monkeypatch.setattr(loading.TodayData, "load_first", spy)
    s = Store.open(demo_on_disk)
    app = make_app(s)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = _today(app)
            (stats,) = at_mount
            assert "Pipeline" in stats
            await settle(pilot)
            assert any("Brand New Co" in r.text for r in screen.rows)
        got = today_cache.peek(s)
        assert got is not None and got.fresh and got.view_fresh
    finally:
        s.close()


async def test_back_on_today_after_a_change_the_rows_stay_while_a_worker_computes(demo_on_disk, make_app, monkeypatch):
    """Years of data: a return to Today after a card moved elsewhere keeps the rows the person left
    (not acting) and computes Today in a thread worker after the frame, never on the app's thread."""
    monkeypatch.setattr(loading, "EARLY_BYTES", 0)  # as years of data
    release = threading.Event()
    threads: list[bool] = []
    real = loading.summarize

    def held(store):
        threads.append(threading.current_thread() is threading.main_thread())
        if not threads[-1]:
            assert release.wait(10)
        return real(store)

    s = Store.open(demo_on_disk)
    app = make_app(s)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await today_ready(pilot)
            await settle(pilot)
            screen = _today(app)
            before = text_of(screen.query_one("#today-list", OptionList)).splitlines()
            await pilot.press("2")
            await settle(pilot)
            monkeypatch.setattr(loading, "summarize", held)
            s.applications.save(Application(company="Moved Meanwhile", role="Dev", stage="applied",
                                            next_action="Send the follow-up", next_action_date="2026-03-02"))
            await pilot.press("1")
            await pilot.pause()
            assert app.screen is screen
            assert text_of(screen.query_one("#today-list", OptionList)).splitlines() == before
            await pilot.press("space")  # nothing acts on the rows being recomputed: it says why
            assert "catching up" in notified_text(app)
            release.set()
            await until(pilot, lambda: not screen._provisional, what="Today recomputed")
            await settle(pilot)
            assert threads and not any(threads)  # computed in the worker only
            assert any("Moved Meanwhile" in r.text for r in screen.rows)
    finally:
        release.set()
        s.close()


async def test_back_on_today_with_little_data_computes_at_once(demo_on_disk, make_app, monkeypatch):
    s = Store.open(demo_on_disk)
    app = make_app(s)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await today_ready(pilot)
            await pilot.press("2")
            await settle(pilot)
            s.applications.save(Application(company="Small Data Co", role="Dev", stage="applied",
                                            next_action="Call", next_action_date="2026-03-02"))
            await pilot.press("1")
            await pilot.pause()
            assert any("Small Data Co" in r.text for r in _today(app).rows)
    finally:
        s.close()
