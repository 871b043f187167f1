"""Encryption at rest (store.crypto, store.convert): the age format, the passphrase, the recovery key,
nothing left in plain text, and a wrong passphrase that changes nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from store import backups, convert, crypto, today_cache
from store.db import Store
from store.errors import CorruptDataError, CryptoError, LockedError, ReadOnlyError, WrongPassphraseError
from store.models import Application, JournalEntry
from store.paths import ENCRYPTED_FILE, KEY_FILE, is_encrypted
from tests.conftest import PASSPHRASE

CANARY = "canary-7f3a-the-night-after-the-panel"
DEMO_NAME = "Northwind Labs"  # a company in the demo data, on Today (so in its cache)
AGE = shutil.which("age")
needs_age = pytest.mark.skipif(AGE is None, reason="the age command is not installed (Debian: apt install age)")


def snapshot(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file under ``folder``: its bytes, mode and mtime (a test that nothing was touched)."""
    out = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            st = p.stat()
            out[str(p.relative_to(folder))] = (p.read_bytes(), st.st_mode, st.st_mtime_ns)
    return out


def grep(folder: Path, needle: str) -> list[str]:
    """Files under ``folder`` whose bytes hold ``needle`` (as UTF-8, and as JSON would escape it)."""
    hits = []
    for p in folder.rglob("*"):
        if p.is_file() and needle.encode() in p.read_bytes():
            hits.append(str(p.relative_to(folder)))
    return sorted(hits)


@pytest.fixture
def full_folder(demo_on_disk: Path) -> Path:
    """The demo data plus a canary in every kind of file that holds personal text: the data, a
    backup, a conflict copy, an emergency copy, a capture kept in pending/, the Today cache."""
    s = Store.open(demo_on_disk)
    s.journal.save(JournalEntry(kind="free", body=f"What I felt: {CANARY}"))
    s.applications.save(Application(company=f"Co {CANARY}", role="Engineer", stage="rejected"))
    backups.snapshot(demo_on_disk, "manual")
    (demo_on_disk / "rebound.conflict-20260301-101010.json").write_bytes(s.path.read_bytes())
    s.save_emergency_copy()
    pending = demo_on_disk / "pending"
    pending.mkdir(mode=0o700)
    (pending / "write-2026-03-02-abc.txt").write_text(f"late thought {CANARY}")
    assert today_cache.refresh(s)
    assert DEMO_NAME.encode() in today_cache.cache_path(s).read_bytes()  # the cache holds personal text
    s.close()
    assert grep(demo_on_disk, CANARY)
    return demo_on_disk


def test_encrypt_leaves_no_plaintext_and_age_reads_the_same_tinydb_json(full_folder, fast_keys, tmp_path):
    plain = (full_folder / "rebound.json").read_bytes()
    s = Store.open(full_folder)
    done = convert.encrypt(s, PASSPHRASE, recovery_to=tmp_path / "recovery.txt")
    s.close()
    assert grep(full_folder, CANARY) == [], "plain text left in the folder"
    assert grep(full_folder, DEMO_NAME) == [], "plain text left in the folder"
    assert not (full_folder / "rebound.json").exists()
    assert done.backup is not None and done.backup.name.startswith("pre-encrypt-") and done.backup.name.endswith(".age")
    names = {p.name for p in full_folder.rglob("*") if p.is_file()}
    assert {ENCRYPTED_FILE, KEY_FILE} <= names
    # every file with personal text is an age file now, and 0600
    for p in full_folder.rglob("*"):
        if p.is_file() and p.name not in ("rebound.lock", "rebound.log"):
            assert p.read_bytes().startswith(crypto.AGE_MAGIC), p
            assert p.stat().st_mode & 0o077 == 0, p
    keyring = crypto.unlock(full_folder, PASSPHRASE)
    assert keyring.open((full_folder / ENCRYPTED_FILE).read_bytes()) == plain  # byte for byte
    # stock TinyDB reads what comes out
    from tinydb import TinyDB

    out = tmp_path / "out.json"
    out.write_bytes(keyring.open((full_folder / ENCRYPTED_FILE).read_bytes()))
    with TinyDB(out) as db:
        assert any(CANARY in d.get("body", "") for d in db.table("journal").all())


def test_store_saves_encrypted_and_reopens_with_the_passphrase(encrypted_demo):
    with pytest.raises(LockedError):
        Store.open(encrypted_demo)
    keyring = crypto.unlock(encrypted_demo, PASSPHRASE)
    s = Store.open(encrypted_demo, keyring=keyring)
    assert s.encrypted and not s.read_only and s.path.name == ENCRYPTED_FILE
    s.journal.save(JournalEntry(kind="free", body=CANARY))
    s.close()
    assert grep(encrypted_demo, CANARY) == []
    s = Store.open(encrypted_demo, keyring=crypto.unlock(encrypted_demo, PASSPHRASE))
    assert any(e.body == CANARY for e in s.journal.all())
    s.close()


def test_a_wrong_passphrase_changes_nothing(encrypted_demo):
    before = snapshot(encrypted_demo)
    for wrong in ("", "Correct horse battery staple", PASSPHRASE + " "):
        with pytest.raises(WrongPassphraseError):
            crypto.unlock(encrypted_demo, wrong)
    with pytest.raises(LockedError):  # nothing is opened, locked or tidied without the key
        Store.open(encrypted_demo)
    assert snapshot(encrypted_demo) == before


def test_another_folders_key_is_refused_without_a_change(encrypted_demo, tmp_path, fast_keys):
    other = tmp_path / "other"
    s = Store.open(other)
    convert.encrypt(s, PASSPHRASE)
    s.close()
    before = snapshot(encrypted_demo)
    with pytest.raises(CorruptDataError, match="another key"):
        Store.open(encrypted_demo, keyring=crypto.unlock(other, PASSPHRASE))
    assert {k: v[0] for k, v in snapshot(encrypted_demo).items()} == {k: v[0] for k, v in before.items()}


def test_passphrase_change(encrypted_demo):
    s = Store.open(encrypted_demo, keyring=crypto.unlock(encrypted_demo, PASSPHRASE))
    done = convert.change_passphrase(s, "a new one")
    s.close()
    assert done.backup is not None and done.backup.name.startswith("pre-passphrase-")
    with pytest.raises(WrongPassphraseError):
        crypto.unlock(encrypted_demo, PASSPHRASE)
    keyring = crypto.unlock(encrypted_demo, "a new one")
    s = Store.open(encrypted_demo, keyring=keyring)
    assert s.journal.all()
    s.close()
    # the same data key: every backup still opens (and is valid)
    assert all(backups.is_valid(b.path, keyring) is None for b in backups.list_backups(encrypted_demo))


def test_the_recovery_key_alone_opens_the_data_and_can_decrypt_it(demo_on_disk, fast_keys, tmp_path):
    s = Store.open(demo_on_disk)
    s.journal.save(JournalEntry(kind="free", body=CANARY))
    convert.encrypt(s, PASSPHRASE, recovery_to=tmp_path / "recovery.txt")
    s.close()
    (demo_on_disk / KEY_FILE).unlink()  # the passphrase is of no use now
    with pytest.raises(CryptoError, match="missing"):
        crypto.unlock(demo_on_disk, PASSPHRASE)
    keyring = crypto.identity_keyring(tmp_path / "recovery.txt")
    assert not keyring.can_write
    s = Store.open(demo_on_disk, keyring=keyring)
    assert s.read_only and "recovery" in s.read_only_reason
    assert any(e.body == CANARY for e in s.journal.all())
    with pytest.raises(ReadOnlyError):
        s.journal.save(JournalEntry(kind="free", body="no"))
    convert.decrypt(s)
    s.close()
    assert not is_encrypted(demo_on_disk)
    assert not [p for p in demo_on_disk.rglob("*.age")]
    s = Store.open(demo_on_disk)
    assert any(e.body == CANARY for e in s.journal.all())
    s.close()


def test_the_recovery_key_file_is_new_private_and_outside_the_folder(encrypted_demo, demo_on_disk, tmp_path):
    s = Store.open(encrypted_demo, keyring=crypto.unlock(encrypted_demo, PASSPHRASE))
    with pytest.raises(CryptoError, match="outside the data folder"):
        convert.add_recovery_key(s, PASSPHRASE, encrypted_demo / "rk.txt")
    existing = tmp_path / "taken.txt"
    existing.write_text("mine")
    with pytest.raises(CryptoError, match="already exists"):
        convert.add_recovery_key(s, PASSPHRASE, existing)
    assert existing.read_text() == "mine"
    with pytest.raises(WrongPassphraseError):
        convert.add_recovery_key(s, "wrong", tmp_path / "rk.txt")
    assert not (tmp_path / "rk.txt").exists()
    convert.add_recovery_key(s, PASSPHRASE, tmp_path / "rk.txt")
    s.close()
    assert (tmp_path / "rk.txt").stat().st_mode & 0o777 == 0o600
    assert crypto.unlock(encrypted_demo, PASSPHRASE).has("recovery")
    recovered = crypto.identity_keyring(tmp_path / "rk.txt")
    parsed = recovered.open((encrypted_demo / ENCRYPTED_FILE).read_bytes())
    assert parsed.startswith(b'{"meta":')


def test_decrypt_gives_back_a_plain_folder(full_folder, fast_keys):
    s = Store.open(full_folder)
    convert.encrypt(s, PASSPHRASE)
    s.close()
    s = Store.open(full_folder, keyring=crypto.unlock(full_folder, PASSPHRASE))
    done = convert.decrypt(s)
    assert not s.encrypted and s.path.name == "rebound.json"
    s.journal.save(JournalEntry(kind="free", body="after decrypting"))  # the store follows the file
    s.close()
    assert done.backup is not None and done.backup.name.startswith("pre-decrypt-")
    assert not [p for p in full_folder.rglob("*.age")]
    assert not (full_folder / KEY_FILE).exists()
    assert "rebound.json" in grep(full_folder, CANARY)
    assert (full_folder / "pending" / "write-2026-03-02-abc.txt").read_text().endswith(CANARY)


def test_locking_drops_the_data_and_unlocking_reads_it_again(encrypted_demo):
    keyring = crypto.unlock(encrypted_demo, PASSPHRASE)
    s = Store.open(encrypted_demo, keyring=keyring)
    s.journal.save(JournalEntry(kind="free", body=CANARY))
    s.lock()
    assert s.locked and not s.storage.in_memory and s.keyring is None
    with pytest.raises(LockedError):
        s.journal.all()
    with pytest.raises(LockedError):
        s.journal.save(JournalEntry(kind="free", body="while locked"))
    assert today_cache.load(s) is None and not today_cache.refresh(s)
    s.unlock(keyring)
    assert any(e.body == CANARY for e in s.journal.all())
    s.close()


def test_copies_of_the_data_are_encrypted_too(encrypted_demo):
    s = Store.open(encrypted_demo, keyring=crypto.unlock(encrypted_demo, PASSPHRASE))
    s.journal.save(JournalEntry(kind="free", body=CANARY))
    emergency = s.save_emergency_copy()
    assert emergency.name.endswith(".json.age")
    (encrypted_demo / ENCRYPTED_FILE).write_bytes(s.path.read_bytes())  # "another program" rewrote it
    conflict = s.keep_both()
    assert conflict is not None and conflict.name.endswith(".json.age")
    s.applications.save(Application(company=CANARY, role="r"))
    assert today_cache.refresh(s)
    assert today_cache.cache_path(s).name == "today.json.age"
    assert today_cache.load(s) is not None
    s.close()
    assert grep(encrypted_demo, CANARY) == []
    assert grep(emergency.parent, CANARY) == []


def test_finish_interrupted_rolls_back_an_encrypt_that_did_not_commit(full_folder, fast_keys):
    """A crash after the key, the encrypted copies and the backup were written, before the data."""
    before = {k: v[0] for k, v in snapshot(full_folder).items()}
    keyring, _ = crypto.new_keyring()
    (full_folder / "rebound.converting").write_text("encrypt\n")
    crypto.write_key_file(full_folder, keyring, PASSPHRASE)
    for p in convert.side_files(full_folder, sealed=False):
        p.with_name(p.name + ".age").write_bytes(keyring.seal(p.read_bytes()))
    backups.write_event_backup(full_folder, "pre-encrypt", keyring.seal(b"{}"), encrypted=True)
    assert not is_encrypted(full_folder)
    s = Store.open(full_folder)  # plain: no passphrase needed, and it tidies up
    assert any("interrupted" in n for n in s.notices)
    s.close()
    after = {k: v[0] for k, v in snapshot(full_folder).items()}
    assert after == before  # everything as it was: the plain files untouched, the new ones gone


def test_finish_interrupted_completes_an_encrypt_that_committed(full_folder, fast_keys):
    keyring, _ = crypto.new_keyring()
    (full_folder / "rebound.converting").write_text("encrypt\n")
    crypto.write_key_file(full_folder, keyring, PASSPHRASE)
    for p in convert.side_files(full_folder, sealed=False):
        p.with_name(p.name + ".age").write_bytes(keyring.seal(p.read_bytes()))
    (full_folder / ENCRYPTED_FILE).write_bytes(keyring.seal((full_folder / "rebound.json").read_bytes()))
    assert is_encrypted(full_folder)
    s = Store.open(full_folder, keyring=crypto.unlock(full_folder, PASSPHRASE))
    assert any("Finished encrypting" in n for n in s.notices)
    s.close()
    assert grep(full_folder, CANARY) == []
    assert not (full_folder / "rebound.converting").exists()


def test_finish_interrupted_decrypt_either_way(encrypted_demo):
    keyring = crypto.unlock(encrypted_demo, PASSPHRASE)
    plain = keyring.open((encrypted_demo / ENCRYPTED_FILE).read_bytes())
    # before the commit: still encrypted, the plain copies written so far are removed
    (encrypted_demo / "rebound.converting").write_text("decrypt\n")
    for p in convert.side_files(encrypted_demo, sealed=True):
        p.with_name(p.name.removesuffix(".age")).write_bytes(keyring.open(p.read_bytes()))
    assert is_encrypted(encrypted_demo)
    s = Store.open(encrypted_demo, keyring=keyring)
    s.close()
    assert convert.side_files(encrypted_demo, sealed=False) == []
    assert is_encrypted(encrypted_demo)
    # after the commit: finished without the key
    (encrypted_demo / "rebound.converting").write_text("decrypt\n")
    for p in convert.side_files(encrypted_demo, sealed=True):
        p.with_name(p.name.removesuffix(".age")).write_bytes(keyring.open(p.read_bytes()))
    (encrypted_demo / "rebound.json").write_bytes(plain)
    assert not is_encrypted(encrypted_demo)
    s = Store.open(encrypted_demo)
    s.close()
    assert not [p for p in encrypted_demo.rglob("*.age")]


def test_a_damaged_backup_stops_decrypt_before_anything_changes(encrypted_demo):
    s = Store.open(encrypted_demo, keyring=crypto.unlock(encrypted_demo, PASSPHRASE))
    bad = encrypted_demo / "backups" / "manual-20260301-000000.json.age"
    other, _ = crypto.new_keyring()
    bad.write_bytes(other.seal(b"{}"))
    before = {k: v[0] for k, v in snapshot(encrypted_demo).items()}
    with pytest.raises(CryptoError, match="manual-20260301"):
        convert.decrypt(s)
    assert {k: v[0] for k, v in snapshot(encrypted_demo).items()} == before
    assert s.encrypted
    s.close()


def test_encrypting_refuses_a_linked_data_file(demo_on_disk, tmp_path, fast_keys):
    elsewhere = tmp_path / "synced.json"
    (demo_on_disk / "rebound.json").rename(elsewhere)
    (demo_on_disk / "rebound.json").symlink_to(elsewhere)
    s = Store.open(demo_on_disk)
    with pytest.raises(CryptoError, match="is a link"):
        convert.encrypt(s, PASSPHRASE)
    s.close()
    assert not is_encrypted(demo_on_disk)


def test_exports_are_listed_or_removed(demo_on_disk, fast_keys):
    exports = demo_on_disk / "exports"
    exports.mkdir(mode=0o700)
    (exports / "journal.md").write_text(CANARY)
    s = Store.open(demo_on_disk)
    done = convert.encrypt(s, PASSPHRASE)
    assert any("plain text" in n for n in done.notes) and (exports / "journal.md").exists()
    convert.decrypt(s)
    done = convert.encrypt(s, PASSPHRASE, remove_exports=True)
    s.close()
    assert any("Deleted 1" in n for n in done.notes)
    assert grep(demo_on_disk, CANARY) == []


def test_an_empty_folder_can_be_encrypted_before_anything_is_written(data_dir, fast_keys):
    s = Store.open(data_dir)
    convert.encrypt(s, PASSPHRASE)
    s.applications.save(Application(company=CANARY, role="r"))
    s.close()
    assert grep(data_dir, CANARY) == []
    s = Store.open(data_dir, keyring=crypto.unlock(data_dir, PASSPHRASE))
    assert [a.company for a in s.applications.all()] == [CANARY]
    s.close()


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604])
def test_a_passphrase_file_others_can_read_is_refused(tmp_path, mode):
    f = tmp_path / "pass"
    f.write_text("secret\n")
    os.chmod(f, mode)
    with pytest.raises(CryptoError, match="chmod 600") as err:
        crypto.passphrase_from_file(f)
    assert "secret" not in str(err.value)
    os.chmod(f, 0o600)
    assert crypto.passphrase_from_file(f) == "secret"


def test_the_keyring_shows_no_key():
    keyring, text = crypto.new_keyring(recovery=True)
    assert "AGE-SECRET" not in repr(keyring) and "age1" not in repr(keyring)
    assert text is not None and "AGE-SECRET-KEY-1" in text


# --------------------------------------------------------------------------- the age command


def _age(*args: str, data: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    assert AGE is not None
    return subprocess.run([AGE, *args], input=data, capture_output=True, timeout=60, check=False)


def _age_with_passphrase(args: list[str], passphrase: str) -> tuple[int, bytes]:
    """Run age under a pseudo-terminal (it reads passphrases from the terminal only)."""
    import pty
    import select

    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        os.execv(AGE, [AGE, *args])  # type: ignore[arg-type]
    out, sent = b"", False
    try:
        while True:
            ready, _, _ = select.select([fd], [], [], 30)
            if not ready:
                break
            try:
                chunk = os.read(fd, 1024)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
            if not sent and b"passphrase" in out.lower():
                os.write(fd, passphrase.encode() + b"\n")
                sent = True
    finally:
        os.close(fd)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), out


@needs_age
def test_the_age_command_opens_it_with_the_recovery_key(demo_on_disk, fast_keys, tmp_path):
    plain = (demo_on_disk / "rebound.json").read_bytes()
    s = Store.open(demo_on_disk)
    convert.encrypt(s, PASSPHRASE, recovery_to=tmp_path / "recovery.txt")
    s.close()
    out = _age("-d", "-i", str(tmp_path / "recovery.txt"), str(demo_on_disk / ENCRYPTED_FILE))
    assert out.returncode == 0, out.stderr
    assert out.stdout == plain
    for b in backups.list_backups(demo_on_disk):  # backups too
        assert _age("-d", "-i", str(tmp_path / "recovery.txt"), str(b.path)).returncode == 0


@needs_age
def test_the_age_command_opens_it_with_the_passphrase(encrypted_demo, tmp_path):
    keyring = crypto.unlock(encrypted_demo, PASSPHRASE)
    plain = keyring.open((encrypted_demo / ENCRYPTED_FILE).read_bytes())
    out = tmp_path / "out.json"
    code, said = _age_with_passphrase(["-d", "-i", str(encrypted_demo / KEY_FILE), "-o", str(out),
                                       str(encrypted_demo / ENCRYPTED_FILE)], PASSPHRASE)
    assert code == 0, said
    assert out.read_bytes() == plain


@needs_age
def test_what_the_age_command_encrypts_rebound_reads(encrypted_demo, tmp_path):
    """The other way: a file age wrote for this folder's recipients opens as the data."""
    keyring = crypto.unlock(encrypted_demo, PASSPHRASE)
    plain = keyring.open((encrypted_demo / ENCRYPTED_FILE).read_bytes())
    recipient = dict(keyring.recipients)["data"]
    out = _age("-r", recipient, data=plain)
    assert out.returncode == 0, out.stderr
    (encrypted_demo / ENCRYPTED_FILE).write_bytes(out.stdout)
    s = Store.open(encrypted_demo, keyring=keyring)
    assert s.journal.all()
    s.close()


@needs_age
@pytest.mark.skipif(shutil.which("ssh-keygen") is None, reason="ssh-keygen is not installed")
def test_an_ssh_key_opens_it_with_the_age_command(demo_on_disk, fast_keys, tmp_path):
    key = tmp_path / "id_ed25519"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
    plain = (demo_on_disk / "rebound.json").read_bytes()
    s = Store.open(demo_on_disk)
    convert.encrypt(s, PASSPHRASE, ssh=Path(f"{key}.pub").read_text())
    s.close()
    out = _age("-d", "-i", str(key), str(demo_on_disk / ENCRYPTED_FILE))
    assert out.returncode == 0, out.stderr
    assert out.stdout == plain
    assert crypto.identity_keyring(key).open((demo_on_disk / ENCRYPTED_FILE).read_bytes()) == plain


def test_pyrage_round_trip_without_the_age_command(tmp_path, fast_keys):
    """Runs everywhere (CI may lack age): the passphrase-wrapped key and the data, both ways."""
    keyring, recovery = crypto.new_keyring(recovery=True)
    crypto.write_key_file(tmp_path, keyring, PASSPHRASE)
    again = crypto.unlock(tmp_path, PASSPHRASE)
    sealed = again.seal(b'{"meta":{}}\n')
    assert keyring.open(sealed) == b'{"meta":{}}\n'
    assert recovery is not None
    (tmp_path / "r.txt").write_text(recovery)
    assert crypto.identity_keyring(tmp_path / "r.txt").open(sealed) == b'{"meta":{}}\n'


@pytest.mark.slow
def test_the_calibrated_work_factor_round_trip(tmp_path):
    """The production wrap (pyrage's calibrated scrypt, about a second per unlock, several on a busy
    machine): the same round trip, once. Slow, so outside the default run (`-m slow`)."""
    keyring, _ = crypto.new_keyring()
    crypto.write_key_file(tmp_path, keyring, PASSPHRASE)
    raw = (tmp_path / KEY_FILE).read_bytes()
    assert raw.startswith(crypto.AGE_MAGIC + b"-> scrypt ")
    assert int(raw.split(b"\n")[1].split()[-1]) >= 14  # a real work factor, not the tests' 10
    assert crypto.unlock(tmp_path, PASSPHRASE).open(keyring.seal(b"x")) == b"x"


def test_rotation_keeps_both_forms_of_a_backup_together(tmp_path):
    """While a folder is converted a backup exists in both forms; rotation must not split a pair (a
    lone encrypted form would outlive its key; found by the kill test)."""
    folder = tmp_path / "backups"
    folder.mkdir()
    for n in range(12):
        for suffix in (".json", ".json.age"):
            (folder / f"pre-decrypt-20260302-0800{n:02d}{suffix}").write_bytes(b"{}")
    newest = backups.write_event_backup(tmp_path, "pre-decrypt", b"{}", encrypted=False)  # rotates
    names = sorted(p.name for p in folder.iterdir())
    assert len({n.removesuffix(".age") for n in names}) == 10 and newest.name in names
    assert {n.removesuffix(".age") for n in names} == {n for n in names if not n.endswith(".age")}


def test_a_failure_part_way_through_encrypting_is_undone_at_once(full_folder, fast_keys, monkeypatch):
    """The disk fills up as the encrypted data is written: the folder is as it was, at once."""
    import errno

    s = Store.open(full_folder)
    before = {k: v[0] for k, v in snapshot(full_folder).items() if k != "rebound.lock"}
    real = convert.atomic_write_bytes

    def disk_full(path, payload, **kwargs):
        if Path(path).name == ENCRYPTED_FILE:
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real(path, payload, **kwargs)

    monkeypatch.setattr(convert, "atomic_write_bytes", disk_full)
    with pytest.raises(OSError, match="No space"):
        convert.encrypt(s, PASSPHRASE)
    assert not s.encrypted and s.journal.all()
    s.close()
    assert {k: v[0] for k, v in snapshot(full_folder).items() if k != "rebound.lock"} == before
