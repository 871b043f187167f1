"""``rebound-tui encrypt``, ``decrypt``, ``passphrase``, and the other commands on encrypted data: the
passphrase from the terminal (three tries) or a 0600 file, ``today`` locked, ``doctor`` and restores."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from store import backups, crypto
from store.db import Store
from store.models import JournalEntry
from store.paths import ENCRYPTED_FILE, KEY_FILE, is_encrypted
from tests.conftest import PASSPHRASE
from tui import cli
from tui.cli import unlock
from tui.cli.today import LOCKED

CANARY = "canary-cli-5d2c"


def secret_file(folder: Path, text: str = PASSPHRASE, mode: int = 0o600, name: str = "pass") -> Path:
    path = folder / name
    path.write_text(text + "\n")
    os.chmod(path, mode)
    return path


def run(*argv: str) -> int:
    return cli.run(list(argv))


@pytest.fixture
def terminal(monkeypatch):
    """A terminal where the person types the given passphrases in turn (and nothing after)."""
    typed: list[str] = []
    monkeypatch.setattr(unlock, "is_tty", lambda: True)
    monkeypatch.setattr(unlock, "ask", lambda prompt: typed.pop(0) if typed else "")
    return typed


def files_of(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_encrypt_with_a_passphrase_file_and_a_recovery_key(demo_on_disk, fast_keys, tmp_path, capsys):
    code = run("--data-dir", str(demo_on_disk), "encrypt", "--passphrase-file", str(secret_file(tmp_path)),
               "--write-recovery-key", str(tmp_path / "recovery.txt"))
    out = capsys.readouterr()
    assert code == 0, out.err
    assert "age -d -i rebound.key.age rebound.json.age" in out.out
    assert "Recovery key written" in out.out and PASSPHRASE not in out.out + out.err
    assert is_encrypted(demo_on_disk) and (tmp_path / "recovery.txt").exists()
    crypto.unlock(demo_on_disk, PASSPHRASE)


def test_encrypt_asks_twice_at_the_terminal_and_refuses_a_mismatch(demo_on_disk, fast_keys, terminal, capsys):
    before = files_of(demo_on_disk)
    terminal += ["one passphrase", "another"]
    assert run("--data-dir", str(demo_on_disk), "encrypt") == 2
    assert "differ" in capsys.readouterr().err
    assert files_of(demo_on_disk) == before
    terminal += [PASSPHRASE, PASSPHRASE]
    assert run("--data-dir", str(demo_on_disk), "encrypt") == 0
    out = capsys.readouterr().out
    assert "No recovery key" in out  # said plainly
    assert is_encrypted(demo_on_disk)


@pytest.mark.parametrize("mode", [0o644, 0o660])
def test_a_passphrase_file_others_can_read_is_refused(encrypted_demo, tmp_path, capsys, mode):
    before = files_of(encrypted_demo)
    assert run("--data-dir", str(encrypted_demo), "export", "all", "-o", "-",
               "--passphrase-file", str(secret_file(tmp_path, mode=mode))) == 2
    err = capsys.readouterr().err
    assert "chmod 600" in err and PASSPHRASE not in err
    assert files_of(encrypted_demo) == before


def test_three_wrong_passphrases_at_the_terminal_change_nothing(encrypted_demo, terminal, capsys):
    before = files_of(encrypted_demo)
    terminal += ["wrong", "wronger", "wrongest", PASSPHRASE]
    assert run("--data-dir", str(encrypted_demo), "checkin", "3", "fine") == 3  # capture: "not saved"
    err = capsys.readouterr().err
    assert "three wrong passphrases" in err and "recovery" in err
    assert terminal == [PASSPHRASE]  # it asked three times, not four
    assert files_of(encrypted_demo) == before


def test_capture_asks_for_the_passphrase_and_saves_encrypted(encrypted_demo, terminal, capsys):
    terminal += ["wrong", PASSPHRASE]
    assert run("--data-dir", str(encrypted_demo), "write", f"a thought {CANARY}") == 0
    assert "Saved to your journal" in capsys.readouterr().out
    assert not [p for p in encrypted_demo.rglob("*") if p.is_file() and CANARY.encode() in p.read_bytes()]
    s = Store.open(encrypted_demo, keyring=crypto.unlock(encrypted_demo, PASSPHRASE))
    assert any(CANARY in e.body for e in s.journal.all())
    s.close()


def test_capture_while_the_app_has_it_keeps_an_encrypted_pending_file(encrypted_demo, tmp_path, capsys):
    holder = Store.open(encrypted_demo, keyring=crypto.unlock(encrypted_demo, PASSPHRASE))
    try:
        assert run("--data-dir", str(encrypted_demo), "write", "--passphrase-file", str(secret_file(tmp_path)),
                   f"later {CANARY}") == 3
    finally:
        holder.close()
    [kept] = list((encrypted_demo / "pending").iterdir())
    assert kept.name.endswith(".txt.age")
    keyring = crypto.unlock(encrypted_demo, PASSPHRASE)
    assert keyring.open(kept.read_bytes()).decode().endswith(CANARY)


def test_today_says_locked_unless_asked_to_unlock(encrypted_demo, tmp_path, capsys):
    before = files_of(encrypted_demo)
    assert run("--data-dir", str(encrypted_demo), "today") == 0
    assert capsys.readouterr().out.strip() == LOCKED
    assert files_of(encrypted_demo) == before
    assert run("--data-dir", str(encrypted_demo), "today", "--unlock") == 2  # no terminal, no file
    assert "--passphrase-file" in capsys.readouterr().err
    assert run("--data-dir", str(encrypted_demo), "today", "--unlock",
               "--passphrase-file", str(secret_file(tmp_path))) == 0
    assert "Mon 2 Mar 2026" in capsys.readouterr().out


def test_locked_today_does_not_load_the_crypto_library(encrypted_demo):
    code = ("import sys; from tui.cli import run; run(['--data-dir', sys.argv[1], 'today']); "
            "assert 'pyrage' not in sys.modules, 'pyrage imported'")
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([os.sys.executable, "-c", code, str(encrypted_demo)], cwd=root, capture_output=True,
                         text=True, env={**os.environ, "PYTHONPATH": str(root)}, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "locked" in out.stdout


def test_export_all_equals_what_decrypting_the_file_gives(encrypted_demo, tmp_path, capsys):
    assert run("--data-dir", str(encrypted_demo), "export", "all", "-o", str(tmp_path / "all.json"),
               "--passphrase-file", str(secret_file(tmp_path))) == 0
    assert "plain text" in capsys.readouterr().out  # exports say plainly what they are
    assert (tmp_path / "all.json").stat().st_mode & 0o777 == 0o600
    exported = json.loads((tmp_path / "all.json").read_text())["tables"]
    keyring = crypto.unlock(encrypted_demo, PASSPHRASE)
    raw = json.loads(keyring.open((encrypted_demo / ENCRYPTED_FILE).read_bytes()))
    for table, records in exported.items():
        stored = sorted(raw.get(table, {}).values(), key=lambda d: d["id"])
        assert sorted(records, key=lambda d: d["id"]) == stored, table


def test_passphrase_change_and_a_new_recovery_key(encrypted_demo, tmp_path, capsys):
    old = secret_file(tmp_path)
    new = secret_file(tmp_path, "the new passphrase", name="new")
    assert run("--data-dir", str(encrypted_demo), "passphrase", "--passphrase-file", str(old),
               "--new-passphrase-file", str(new)) == 0
    out = capsys.readouterr().out
    assert "pre-passphrase-" in out and "Passphrase changed" in out
    with pytest.raises(crypto.WrongPassphraseError):
        crypto.unlock(encrypted_demo, PASSPHRASE)
    assert run("--data-dir", str(encrypted_demo), "passphrase", "--passphrase-file", str(new),
               "--write-recovery-key", str(tmp_path / "rk.txt")) == 0
    assert crypto.unlock(encrypted_demo, "the new passphrase").has("recovery")
    recovered = crypto.identity_keyring(tmp_path / "rk.txt")
    assert recovered.open((encrypted_demo / ENCRYPTED_FILE).read_bytes()).startswith(b'{"meta":')


def test_decrypt_with_the_recovery_key_alone(demo_on_disk, fast_keys, tmp_path, capsys):
    assert run("--data-dir", str(demo_on_disk), "encrypt", "--passphrase-file", str(secret_file(tmp_path)),
               "--write-recovery-key", str(tmp_path / "rk.txt")) == 0
    (demo_on_disk / KEY_FILE).unlink()  # the passphrase is lost, as good as
    assert run("--data-dir", str(demo_on_disk), "decrypt", "--recovery-key", str(tmp_path / "rk.txt")) == 0
    assert "plain TinyDB JSON" in capsys.readouterr().out
    assert not is_encrypted(demo_on_disk) and not list(demo_on_disk.rglob("*.age"))


def test_encrypt_and_decrypt_refuse_while_the_app_has_the_data(encrypted_demo, tmp_path, capsys):
    holder = Store.open(encrypted_demo, keyring=crypto.unlock(encrypted_demo, PASSPHRASE))
    try:
        before = files_of(encrypted_demo)
        assert run("--data-dir", str(encrypted_demo), "decrypt", "--passphrase-file", str(secret_file(tmp_path))) == 2
        assert "has this data open" in capsys.readouterr().err
        assert files_of(encrypted_demo) == before
    finally:
        holder.close()


def test_doctor_on_an_encrypted_folder(encrypted_demo, tmp_path, capsys):
    assert run("--data-dir", str(encrypted_demo), "doctor") == 0  # no terminal: what it can check locked
    out = capsys.readouterr().out
    assert "encrypted (age)" in out and "Encryption:  on (age)" in out
    assert run("--data-dir", str(encrypted_demo), "doctor", "--passphrase-file", str(secret_file(tmp_path))) == 0
    out = capsys.readouterr().out
    assert "OK, schema" in out and "DAMAGED" not in out and "ok, encrypted" in out


def test_doctor_restores_an_encrypted_backup(encrypted_demo, tmp_path, capsys):
    keyring = crypto.unlock(encrypted_demo, PASSPHRASE)
    s = Store.open(encrypted_demo, keyring=keyring)
    s.journal.save(JournalEntry(kind="free", body=CANARY))
    s.close()
    (encrypted_demo / ENCRYPTED_FILE).write_bytes(b"age-encryption.org/v1\n-> X25519 damaged")
    assert run("--data-dir", str(encrypted_demo), "doctor", "--restore", "latest") == 2  # needs the passphrase
    capsys.readouterr()
    assert run("--data-dir", str(encrypted_demo), "doctor", "--restore", "latest",
               "--passphrase-file", str(secret_file(tmp_path))) == 0
    assert "Restored" in capsys.readouterr().out
    s = Store.open(encrypted_demo, keyring=keyring)
    assert s.journal.all()
    s.close()
    names = [b.name for b in backups.list_backups(encrypted_demo)]
    assert any(n.startswith("pre-restore-") and n.endswith(".json.age") for n in names)
    assert not [p for p in encrypted_demo.rglob("*") if p.is_file() and CANARY.encode() in p.read_bytes()]


def test_backup_copies_the_encrypted_file_without_the_passphrase(encrypted_demo, capsys):
    assert run("--data-dir", str(encrypted_demo), "backup") == 0
    made = Path(capsys.readouterr().out.split("Backed up to ", 1)[1].strip())
    assert made.name.startswith("manual-") and made.name.endswith(".json.age")
    assert made.read_bytes() == (encrypted_demo / ENCRYPTED_FILE).read_bytes()


@pytest.mark.skipif(shutil.which("age") is None, reason="the age command is not installed")
def test_the_age_command_reads_what_the_cli_encrypted_equal_to_export_all(demo_on_disk, fast_keys, tmp_path,
                                                                          capsys):
    assert run("--data-dir", str(demo_on_disk), "encrypt", "--passphrase-file", str(secret_file(tmp_path)),
               "--write-recovery-key", str(tmp_path / "rk.txt")) == 0
    out = subprocess.run(["age", "-d", "-i", str(tmp_path / "rk.txt"), str(demo_on_disk / ENCRYPTED_FILE)],
                         capture_output=True, timeout=60, check=True)
    assert run("--data-dir", str(demo_on_disk), "export", "all", "-o", str(tmp_path / "all.json"),
               "--passphrase-file", str(tmp_path / "pass")) == 0
    exported = json.loads((tmp_path / "all.json").read_text())["tables"]
    raw = json.loads(out.stdout)
    assert {t: sorted(r, key=lambda d: d["id"]) for t, r in exported.items()} == \
        {t: sorted(raw.get(t, {}).values(), key=lambda d: d["id"]) for t in exported}


def test_the_app_with_a_wrong_passphrase_file_exits_2_and_touches_nothing(encrypted_demo, tmp_path, capsys):
    before = files_of(encrypted_demo)
    assert run("--data-dir", str(encrypted_demo), "--passphrase-file",
               str(secret_file(tmp_path, "not the passphrase"))) == 2
    assert "does not open" in capsys.readouterr().err
    assert files_of(encrypted_demo) == before
