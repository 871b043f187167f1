"""Today remembered between runs: exact when the data is unchanged, ignored otherwise."""

from __future__ import annotations

import stat
from datetime import date

from store import clock, demo, today_cache
from store.db import Store
from store.models import Application
from store.today import summarize


def _seeded(data_dir):
    s = Store.open(data_dir)
    demo.populate(s)
    summary = summarize(s)
    if summary.unrecorded:  # what the Today screen does when it first shows the plans
        s.plans.record_evidence(summary.unrecorded)
    return s


def test_round_trip_is_exact_and_needs_no_big_table(data_dir):
    s = _seeded(data_dir)
    fresh = summarize(s)
    assert today_cache.save(s, fresh)
    s.close()
    s = Store.open(data_dir)
    try:
        got = today_cache.load(s)
        assert got == fresh
        assert {"applications", "journal", "contacts", "touchpoints"} <= set(s.storage._data.unparsed())
        mode = stat.S_IMODE(today_cache.cache_path(s).stat().st_mode)
        assert mode == 0o600
    finally:
        s.close()


def test_any_change_new_day_or_unsaved_memory_misses(data_dir):
    s = _seeded(data_dir)
    today_cache.save(s, summarize(s))
    assert today_cache.load(s) is not None
    s.applications.save(Application(company="New", role="r"))  # the data changed
    assert today_cache.load(s) is None
    today_cache.save(s, summarize(s))
    assert today_cache.load(s) is not None
    clock.freeze(date(2026, 3, 3))  # a new day
    assert today_cache.load(s) is None
    s.close()


def test_hand_edit_misses(data_dir):
    s = _seeded(data_dir)
    today_cache.save(s, summarize(s))
    s.close()
    p = data_dir / "rebound.json"
    p.write_bytes(p.read_bytes().replace(b"Northwind Labs", b"Northwind Labz"))
    s = Store.open(data_dir)
    try:
        assert today_cache.load(s) is None
    finally:
        s.close()


def test_damaged_or_foreign_cache_is_ignored(data_dir):
    s = _seeded(data_dir)
    today_cache.save(s, summarize(s))
    path = today_cache.cache_path(s)
    key = today_cache.current_key(s)
    for junk in (b"", b"not json", b"[]", b'{"key": "%s", "summary": {"$c": "os.system", "v": {}}}' % key.encode(),
                 b'{"key": "%s", "summary": {"$r": "Evil", "v": {}}}' % key.encode()):
        path.write_bytes(junk)
        assert today_cache.load(s) is None
    s.close()


def test_refresh_at_quit_only_when_stale(data_dir):
    s = Store.open(data_dir)
    demo.populate(s)
    assert today_cache.refresh(s) is True  # records what was done elsewhere, then remembers
    assert today_cache.refresh(s) is False  # still right: nothing recomputed
    s.close()


async def test_today_screen_first_frame_is_complete_from_the_cache(data_dir, make_app):
    s = _seeded(data_dir)
    today_cache.refresh(s)
    s.close()
    s = Store.open(data_dir)
    app = make_app(s)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = app.screen
            assert screen.summary is not None  # set during mount, not after a later read
            await pilot.pause()
            assert "applications" in s.storage._data.unparsed()
            text = "\n".join(str(w.render()) for w in screen.query("Static"))
            assert "Pipeline" in text
    finally:
        s.close()


# --------------------------------------------------------------------------- the view beside the summary

VIEW = {"size": [80, 24], "day": "2026-03-02", "rows": []}  # opaque to the store: tui/today/remember.py


def test_peek_fresh_view_and_summary_decoded_only_when_asked(data_dir, monkeypatch):
    s = _seeded(data_dir)
    fresh = summarize(s)
    assert today_cache.save(s, fresh, dict(VIEW))
    s.close()
    s = Store.open(data_dir)
    try:
        decoded = []
        monkeypatch.setattr(today_cache, "_decode", lambda v: decoded.append(v) or (_ for _ in ()).throw(ValueError))
        got = today_cache.peek(s)
        assert got is not None and got.fresh and got.view_fresh
        assert got.view["rows"] == [] and got.view["key"] == today_cache.current_key(s)
        assert decoded == []  # peeking decodes no record
        monkeypatch.undo()
        assert got.summary() == fresh
    finally:
        s.close()


def test_after_a_change_the_same_days_view_is_stale_and_has_no_summary(data_dir):
    s = _seeded(data_dir)
    today_cache.save(s, summarize(s), dict(VIEW))
    s.close()
    other = Store.open(data_dir)  # another program (a capture, an import) changes the data
    other.applications.save(Application(company="Changed since", role="r"))
    other.close()
    s = Store.open(data_dir)
    try:
        got = today_cache.peek(s)
        assert got is not None and got.view is not None
        assert not got.fresh and not got.view_fresh and got.summary() is None
        assert today_cache.load(s) is None
    finally:
        s.close()


def test_another_day_has_no_view(data_dir):
    s = _seeded(data_dir)
    today_cache.save(s, summarize(s), dict(VIEW))
    clock.freeze(date(2026, 3, 3))
    assert today_cache.peek(s) is None
    s.close()


def test_a_summary_saved_without_a_view_keeps_the_last_one_as_stale(data_dir):
    s = _seeded(data_dir)
    today_cache.save(s, summarize(s), dict(VIEW))
    s.applications.save(Application(company="New", role="r"))
    assert today_cache.refresh(s)  # at quit without the Today screen: no view of its own
    got = today_cache.peek(s)
    assert got is not None and got.fresh and got.view is not None and not got.view_fresh
    s.close()


def test_a_damaged_cache_or_view_is_ignored(data_dir):
    s = _seeded(data_dir)
    today_cache.save(s, summarize(s), dict(VIEW))
    path = today_cache.cache_path(s)
    key = today_cache.current_key(s)
    assert key is not None
    for junk in (b"", b"{", b"[]", b'{"key": 5}', b'{"key": "%s", "view": []}' % key.encode(),
                 b'{"key": "%s", "view": {"key": 7}}' % key.encode()):
        path.write_bytes(junk)
        got = today_cache.peek(s)
        assert got is None or (got.view is None and got.summary() is None)
    s.close()


def test_in_an_encrypted_folder_the_view_is_encrypted_too(encrypted_demo):
    from store import crypto
    from tests.conftest import PASSPHRASE

    s = Store.open(encrypted_demo, keyring=crypto.unlock(encrypted_demo, PASSPHRASE))
    try:
        canary = "canary-view-3b1f"
        summary = summarize(s)
        if summary.unrecorded:
            s.plans.record_evidence(summary.unrecorded)
            summary = summarize(s)
        assert today_cache.save(s, summary, {**VIEW, "name": canary, "rows": [["r", "due", [canary, []], ""]]})
        path = today_cache.cache_path(s)
        assert path.name == "today.json.age"
        assert canary.encode() not in path.read_bytes()
        got = today_cache.peek(s)
        assert got is not None and got.view_fresh and got.view["name"] == canary
    finally:
        s.close()
