"""Kill -9 on the encrypted path: in the middle of encrypted saves, and of encrypting or decrypting the
folder in place. Afterwards the data always opens (with the passphrase when the folder is encrypted),
is a whole state, and an encrypted folder holds no plain text once a writer has opened it."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from store import crypto
from store.paths import ENCRYPTED_FILE, is_encrypted
from tests.conftest import PASSPHRASE
from tests.store.test_crash import STATE

ROOT = Path(__file__).resolve().parents[2]
CANARY = "canary-crash-9b1e"

# The passphrase reaches the child on standard input (never argv or the environment).
SAVER = STATE + textwrap.dedent('''
    import sys
    from pathlib import Path
    from store import crypto
    from store.storage import AtomicJSONStorage
    data_dir = Path(sys.argv[1])
    keyring = crypto.unlock(data_dir, sys.stdin.readline().rstrip("\\n"))
    st = AtomicJSONStorage(data_dir / "rebound.json.age", keyring=keyring)
    st.load()
    i = int(sys.argv[2])
    print("ready", flush=True)
    while True:
        i += 1
        st.write(state(i))
''')

CONVERTER = textwrap.dedent('''
    import sys
    from pathlib import Path
    import tests.agekit
    tests.agekit.install()
    from store import convert, crypto
    from store.db import Store
    from store.paths import is_encrypted
    data_dir = Path(sys.argv[1])
    passphrase = sys.stdin.readline().rstrip("\\n")
    print("ready", flush=True)
    while True:
        keyring = crypto.unlock(data_dir, passphrase) if is_encrypted(data_dir) else None
        s = Store.open(data_dir, keyring=keyring)
        if s.encrypted:
            convert.decrypt(s)
        else:
            convert.encrypt(s, passphrase)
        s.close()
''')


def _state(i: int) -> dict:
    ns: dict = {}
    exec(STATE, ns)
    return ns["state"](i)


def _kills(default: int) -> int:
    return int(os.environ.get("REBOUND_KILLS", default))


def _run_and_kill(args: list[str], rng: random.Random, longest: float) -> None:
    proc = subprocess.Popen([sys.executable, "-c", *args], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(PASSPHRASE.encode() + b"\n")
    proc.stdin.flush()
    assert proc.stdout.readline().strip() == b"ready"
    time.sleep(rng.uniform(0.0, longest))  # let it get a random way through
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL


def test_sigkill_mid_encrypted_save_always_leaves_a_whole_state(tmp_path, fast_keys):
    from store.db import remove_orphan_temps
    from store.storage import AtomicJSONStorage, parse_database

    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    keyring, _ = crypto.new_keyring()
    crypto.write_key_file(data_dir, keyring, PASSPHRASE)
    path = data_dir / ENCRYPTED_FILE
    seed = AtomicJSONStorage(path, keyring=keyring)
    seed.load()
    seed.write(_state(0))
    rng = random.Random(4321)
    seen = set()
    for _ in range(_kills(20)):
        start = parse_database(keyring.open(path.read_bytes()), path)["counter"]["c"]["seq"]
        _run_and_kill([SAVER, str(data_dir), str(start)], rng, 0.3)
        data = parse_database(keyring.open(path.read_bytes()), path)  # always decrypts and parses
        data.pop("_rebound", None)
        seq = data["counter"]["c"]["seq"]
        assert data == _state(seq), "the file is not a whole state"
        assert seq >= start
        seen.add(seq)
        remove_orphan_temps(data_dir, min_age=0)
        assert not [p for p in data_dir.iterdir() if p.name.endswith(".tmp")]
    assert len(seen) > 1  # the writer made progress between kills


def test_sigkill_mid_encrypt_or_decrypt_leaves_the_old_form_or_the_new(demo_on_disk, fast_keys):
    from store.db import Store
    from store.models import JournalEntry

    s = Store.open(demo_on_disk)
    s.journal.save(JournalEntry(kind="free", body=CANARY))
    s.close()
    bodies = None
    rng = random.Random(int(os.environ.get("REBOUND_SEED", "99")))
    forms = set()
    for _ in range(_kills(10)):
        _run_and_kill([CONVERTER, str(demo_on_disk)], rng, 0.6)
        encrypted = is_encrypted(demo_on_disk)
        forms.add(encrypted)
        keyring = crypto.unlock(demo_on_disk, PASSPHRASE) if encrypted else None
        s = Store.open(demo_on_disk, keyring=keyring)  # finishes or undoes the interrupted conversion
        now = sorted(e.body for e in s.journal.all())
        s.close()
        bodies = bodies or now
        assert now == bodies and CANARY in now, "the data changed"
        assert not (demo_on_disk / "rebound.converting").exists()
        if encrypted:
            leaks = [p for p in demo_on_disk.rglob("*") if p.is_file() and CANARY.encode() in p.read_bytes()]
            assert leaks == [], "plain text left in an encrypted folder"
        else:
            assert not list(demo_on_disk.rglob("*.age")), "encrypted files left in a plain folder"
    assert forms == {True, False}  # the kills landed in both directions
