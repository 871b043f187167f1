"""Shared fixtures: a frozen clock, a throwaway data dir, the demo data, an app factory."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

import pytest

os.environ.setdefault("TEXTUAL_ANIMATION", "none")
os.environ["REBOUND_TODAY"] = "2026-03-02"  # a Monday; every test sees the same "today"
os.environ.pop("NO_COLOR", None)

from store import clock  # noqa: E402

FROZEN_TODAY = date(2026, 3, 2)


@pytest.fixture(autouse=True, scope="session")
def _quick_idle_waits():
    """Pilot's waits for an idle app look every 5 ms instead of every 20, and end when the app has
    nothing left to do; each piece of CSS is parsed once per worker, not once per app
    (tests/waiting.py says why)."""
    from tests.waiting import share_parsed_css, use_quick_idle_waits

    with pytest.MonkeyPatch.context() as mp:
        use_quick_idle_waits(mp)
        share_parsed_css(mp)
        yield


@pytest.fixture(autouse=True)
def _collector_back_on():
    """widgets/paint_first.py pauses the garbage collector until a frame is painted; an app a test
    ends before that frame would leave it paused for the rest of the worker (a real process exits)."""
    import gc

    yield
    gc.enable()


@pytest.fixture(autouse=True)
def _frozen_clock(monkeypatch):
    clock.freeze(FROZEN_TODAY)
    monkeypatch.setenv("REBOUND_TODAY", FROZEN_TODAY.isoformat())
    monkeypatch.delenv("REBOUND_DATA_DIR", raising=False)
    yield
    clock.freeze(None)


@pytest.fixture(autouse=True)
def _no_cursor_blink(monkeypatch):
    """A blinking cursor makes snapshots flaky."""
    from textual.widgets import Input, TextArea

    monkeypatch.setattr(Input, "cursor_blink", False, raising=False)
    monkeypatch.setattr(TextArea, "cursor_blink", False, raising=False)


@pytest.fixture(autouse=True)
def _no_log_file_left_attached():
    """A test that opened a store through the CLI attached rebound.log in its tmp folder; detach it."""
    yield
    from store import logs

    for handler in list(logs.log.handlers):
        logs.log.removeHandler(handler)
        handler.close()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir):
    from store.db import Store

    s = Store.open(data_dir)
    yield s
    s.close()


@pytest.fixture
def demo_store(data_dir):
    from store import demo
    from store.db import Store

    s = Store.open(data_dir)
    demo.populate(s)
    yield s
    s.close()


@pytest.fixture
def demo_on_disk(data_dir) -> Path:
    """The demo data written to ``data_dir`` and the store closed again (for the command line, or a
    test that opens the folder its own way). Returns ``data_dir``."""
    from store import demo
    from store.db import Store

    s = Store.open(data_dir)
    demo.populate(s)
    s.close()
    return data_dir


@pytest.fixture
def people(store):
    """Four contacts, one in each state of the contacts list, saved: Ana overdue (a recruiter at
    Northwind, tagged fintech, with an email), Ben due (a mentor at Acme), Cy fine (a peer, no company)
    and Dee Dubois, an archived recruiter. A dict by first name in lower case."""
    from store.models import Contact

    def ago(days: int) -> str:
        return (FROZEN_TODAY - timedelta(days=days)).isoformat()

    out = {
        "ana": Contact(first_name="Ana", last_name="Almeida", company="Northwind", role="recruiter",
                       last_touch_on=ago(130), tags=["fintech"], emails=["ana@example.com"]),  # overdue
        "ben": Contact(first_name="Ben", last_name="Brandt", company="Acme", role="mentor",
                       last_touch_on=ago(95)),  # due
        "cy": Contact(first_name="Cy", last_name="Chen", role="peer", last_touch_on=ago(10)),  # ok
        "dee": Contact(first_name="Dee", last_name="Dubois", company="Quillstone", role="recruiter",
                       status="archived"),
    }
    return {k: store.contacts.save(c) for k, c in out.items()}


@pytest.fixture
def make_app():
    """Build a ReboundApp on a store (the editor call replaced: suspend() can't run headless)."""

    def factory(store, **kwargs):
        from tui.app import ReboundApp

        app = ReboundApp(store, **kwargs)
        app.editor_runner = lambda app, path: 0
        return app

    return factory


PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def fast_keys(monkeypatch):
    """Key files wrapped with a low scrypt work factor (tests/agekit.py): unlocking takes milliseconds
    instead of the second or more pyrage's calibrated work factor costs. Reading is always pyrage's."""
    from store import crypto
    from tests import agekit

    monkeypatch.setattr(crypto, "passphrase_encrypt", agekit.scrypt_encrypt)


@pytest.fixture
def encrypted_demo(demo_on_disk, fast_keys) -> Path:
    """The demo data on disk, encrypted with ``PASSPHRASE`` (no recovery key), the store closed.
    Returns the data folder."""
    from store import convert
    from store.db import Store

    s = Store.open(demo_on_disk)
    convert.encrypt(s, PASSPHRASE)
    s.close()
    return demo_on_disk
