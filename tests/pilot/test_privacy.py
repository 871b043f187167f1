"""Encrypted data in the app: the unlock screen (three tries, then exit 2, nothing touched), the idle
lock with unsaved text, and Settings › Privacy (encrypt, change the passphrase, decrypt)."""

from __future__ import annotations

import time
from pathlib import Path

from textual.widgets import Button, Input

from store import crypto
from store.db import Store
from store.paths import ENCRYPTED_FILE, is_encrypted
from tests.conftest import PASSPHRASE
from tests.screens import open_journal
from tests.waiting import notified_text, settle, type_text, until, until_screen
from tui.journal.screen import JournalScreen
from tui.journal.wizard import ReframeWizard
from tui.privacy.dialogs import PassphraseDialog
from tui.privacy.screen import PrivacyScreen
from tui.privacy.unlock import UnlockApp, UnlockScreen

SIZE = (80, 24)
CANARY = "canary-pilot-3e8d"


def files_of(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


async def submit(pilot, text: str) -> None:
    """Type into the focused field and press enter; wait for the unlock try to finish."""
    await type_text(pilot, text)
    await pilot.press("enter")
    await settle(pilot)


async def test_three_wrong_passphrases_exit_2_and_touch_nothing(encrypted_demo):
    before = files_of(encrypted_demo)
    app = UnlockApp(encrypted_demo)
    async with app.run_test(size=SIZE) as pilot:
        screen = await until_screen(pilot, UnlockScreen)
        field = screen.query_one("#passphrase", Input)
        assert field.password  # never shown
        await submit(pilot, "wrong one")
        assert "2 more tries" in str(screen.query_one("#unlock-status").render())
        assert field.value == ""  # cleared after each try
        await submit(pilot, "wrong two")
        assert "1 more try" in str(screen.query_one("#unlock-status").render())
        await submit(pilot, "wrong three")
        await until(pilot, lambda: app.return_code is not None, what="the app to exit")
    assert app.return_code == 2 and app.keyring is None
    assert "Three wrong passphrases" in app.why and "changed nothing" in app.why
    assert files_of(encrypted_demo) == before


async def test_the_right_passphrase_unlocks(encrypted_demo):
    app = UnlockApp(encrypted_demo)
    async with app.run_test(size=SIZE) as pilot:
        await until_screen(pilot, UnlockScreen)
        await submit(pilot, "not it")
        await submit(pilot, PASSPHRASE)
        await until(pilot, lambda: app.return_code is not None, what="the app to exit")
    assert app.return_code == 0 and app.keyring is not None and app.keyring.can_write


def _decrypted(data_dir: Path) -> bytes:
    return crypto.unlock(data_dir, PASSPHRASE).open((data_dir / ENCRYPTED_FILE).read_bytes())


async def test_idle_lock_saves_unsaved_text_drops_the_data_and_unlocks_again(encrypted_demo, make_app):
    store = Store.open(encrypted_demo, keyring=crypto.unlock(encrypted_demo, PASSPHRASE))
    store.settings.update(idle_lock_minutes=5)
    app = make_app(store)
    now = [time.monotonic()]
    app.idle_clock = lambda: now[0]
    async with app.run_test(size=SIZE) as pilot:
        await open_journal(pilot)
        await pilot.press("r")
        await until_screen(pilot, ReframeWizard)
        await type_text(pilot, f"the panel went quiet {CANARY}")  # typed, not saved yet
        assert CANARY.encode() not in _decrypted(encrypted_demo)
        now[0] += 4 * 60
        app.check_idle_lock()
        await settle(pilot)
        assert not app.is_locked  # four minutes: not yet
        now[0] += 61
        app.check_idle_lock()
        await until(pilot, lambda: app.is_locked and store.locked, what="the idle lock")
        screen = await until_screen(pilot, UnlockScreen)
        # saved first (encrypted), then dropped: no data, no keys, no screen that held the text
        assert CANARY.encode() in _decrypted(encrypted_demo)
        assert not store.storage.in_memory and store.keyring is None
        assert not [s for s in app.screen_stack if isinstance(s, (JournalScreen, ReframeWizard))]
        assert not notified_text(app)
        await pilot.press("3", "ctrl+p")  # nothing opens while locked (the keys go to the field)
        assert app.screen is screen
        screen.query_one("#passphrase", Input).value = ""
        await submit(pilot, PASSPHRASE)
        await until(pilot, lambda: not app.is_locked, what="unlocking")
        journal = await until_screen(pilot, JournalScreen)  # back where it was, built afresh
        assert not store.locked
        assert any(CANARY in (e.situation or "") for e in store.journal.all())
        assert journal.is_attached
    store.close()


async def test_three_wrong_passphrases_after_the_idle_lock_exit_2(encrypted_demo, make_app):
    store = Store.open(encrypted_demo, keyring=crypto.unlock(encrypted_demo, PASSPHRASE))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        assert await app.lock_now()
        await until_screen(pilot, UnlockScreen)
        before = files_of(encrypted_demo)
        for wrong in ("a", "b", "c"):
            await submit(pilot, wrong)
        await until(pilot, lambda: app.return_code is not None, what="the app to exit")
    assert app.return_code == 2
    assert {k: v for k, v in files_of(encrypted_demo).items() if k != "rebound.lock"} == \
        {k: v for k, v in before.items() if k != "rebound.lock"}
    store.close()


async def test_plain_data_never_idle_locks(demo_store, make_app):
    demo_store.settings.update(idle_lock_minutes=1)
    app = make_app(demo_store)
    now = [time.monotonic()]
    app.idle_clock = lambda: now[0]
    async with app.run_test(size=SIZE) as pilot:
        now[0] += 3600
        app.check_idle_lock()
        await settle(pilot)
        assert not app.is_locked and await app.lock_now() is False


async def _privacy(pilot, app) -> PrivacyScreen:
    app.push_screen(PrivacyScreen())
    return await until_screen(pilot, PrivacyScreen)


async def _answer(pilot, *fields: str) -> None:
    dialog = await until_screen(pilot, PassphraseDialog)
    inputs = list(dialog.query(Input).results(Input))
    for field, value in zip(inputs, fields, strict=False):
        field.value = value
    dialog.query_one("#confirm", Button).press()
    await settle(pilot)


async def test_settings_privacy_encrypts_changes_the_passphrase_and_decrypts(demo_store, make_app, fast_keys,
                                                                             tmp_path):
    data_dir = demo_store.data_dir
    app = make_app(demo_store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await _privacy(pilot, app)
        screen.query_one("#do-encrypt", Button).press()
        await _answer(pilot, "one", "two", "")  # the two differ: the dialog says so and stays
        assert isinstance(app.screen, PassphraseDialog)
        await _answer(pilot, PASSPHRASE, PASSPHRASE, str(tmp_path / "rk.txt"))
        await until(pilot, lambda: demo_store.encrypted, what="encrypting")
        await settle(pilot)
        assert is_encrypted(data_dir) and (tmp_path / "rk.txt").exists()
        assert "Encrypted (age)" in notified_text(app)
        await until(pilot, lambda: bool(screen.query("#do-change")), what="the encrypted view")
        screen.query_one("#do-change", Button).press()
        await _answer(pilot, "wrong", "new pass", "new pass")
        assert "does not open" in notified_text(app)
        screen.query_one("#do-change", Button).press()
        await _answer(pilot, PASSPHRASE, "new pass", "new pass")
        await settle(pilot)
        assert "Passphrase changed" in notified_text(app)
        crypto.unlock(data_dir, "new pass")
        screen.query_one("#idle-minutes", Input).value = "15"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert demo_store.settings.current().idle_lock_minutes == 15
        screen = await _privacy(pilot, app)
        screen.query_one("#do-decrypt", Button).press()
        await _answer(pilot, "new pass")
        await until(pilot, lambda: not demo_store.encrypted, what="decrypting")
    assert not is_encrypted(data_dir) and not list(data_dir.rglob("*.age"))
