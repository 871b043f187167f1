"""Kill -9 in the middle of saves, and a full disk: the file always parses and is a whole state."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# The writer saves state(i) for i = 0, 1, 2 … as fast as it can. Each state is a pure function of i,
# with many records shrinking and growing, so a torn write could never equal any state.
STATE = textwrap.dedent('''
    import random
    def state(i):
        rng = random.Random(i)
        docs = {}
        for j in range(rng.randint(20, 120)):
            docs[str(j)] = {"id": str(j), "body": "x" * rng.randint(10, 20000), "n": i}
        return {"meta": {"meta": {"id": "meta", "schema_version": 1}},
                "counter": {"c": {"id": "c", "seq": i}},
                "things": docs}
''')

WRITER = STATE + textwrap.dedent('''
    import sys
    from pathlib import Path
    from store.storage import AtomicJSONStorage
    st = AtomicJSONStorage(Path(sys.argv[1]))
    st.load()
    i = int(sys.argv[2])
    print("ready", flush=True)
    while True:
        i += 1
        st.write(state(i))
''')


def _state(i):
    ns: dict = {}
    exec(STATE, ns)
    return ns["state"](i)


def _load(path: Path):
    from store.storage import INDEX_KEY, parse_database

    data = parse_database(path.read_bytes(), path)
    data.pop(INDEX_KEY, None)
    return data


def test_sigkill_mid_save_always_leaves_a_whole_state(tmp_path):
    from store.db import remove_orphan_temps
    from store.storage import AtomicJSONStorage

    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    path = data_dir / "rebound.json"
    seed = AtomicJSONStorage(path)
    seed.load()
    seed.write(_state(0))
    rng = random.Random(1234)
    kills = int(os.environ.get("REBOUND_KILLS", "30"))
    seen_seqs = set()
    orphans = 0
    for _ in range(kills):
        start = _load(path)["counter"]["c"]["seq"]
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(start)], cwd=ROOT,
                                stdout=subprocess.PIPE)
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.0, 0.25))  # let it save a random number of times first
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert proc.returncode == -signal.SIGKILL
        data = _load(path)  # always parses
        seq = data["counter"]["c"]["seq"]
        assert data == _state(seq), "the file is not a whole state"
        assert seq >= start
        seen_seqs.add(seq)
        orphans += remove_orphan_temps(data_dir, min_age=0)
        assert [p for p in data_dir.iterdir() if p.name.endswith(".tmp")] == []
    assert len(seen_seqs) > 1  # the writer made progress between kills


def test_disk_full_keeps_the_file_and_the_change(tmp_path):
    """RLIMIT_FSIZE (EFBIG) stands in for a full disk without root."""
    data_dir = tmp_path / "data"
    script = textwrap.dedent(f'''
        import resource, signal, sys
        from pathlib import Path
        from store.db import Store
        from store.errors import SaveError
        from store.models import Application
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        s = Store.open(Path({str(data_dir)!r}))
        s.applications.save(Application(company="small", role="r"))
        before = s.path.read_bytes()
        soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
        resource.setrlimit(resource.RLIMIT_FSIZE, (len(before) + 1000, hard))
        big = Application(company="big", role="r", notes="n" * 200_000)
        try:
            s.applications.save(big)
        except SaveError as exc:
            print("REASON", exc.reason)
        else:
            print("NO ERROR")
        assert s.path.read_bytes() == before, "file changed"
        assert not [p for p in s.data_dir.iterdir() if p.name.endswith(".tmp")], "temp left"
        assert s.dirty and s.applications.get(big.id) is not None, "change lost from memory"
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        s.flush()
        assert b"big" in s.path.read_bytes()
        s.close()
        print("OK")
    ''')
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "REASON the file size limit was reached" in out.stdout
    assert out.stdout.strip().endswith("OK")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root for a tmpfs")
def test_real_full_tmpfs(tmp_path):
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mnt)], capture_output=True)
    if r.returncode != 0:
        pytest.skip("cannot mount tmpfs here")
    try:
        from store.db import Store
        from store.errors import SaveError
        from store.models import Application

        s = Store.open(mnt / "data")
        s.applications.save(Application(company="small", role="r", notes="a" * 300_000))
        before = s.path.read_bytes()
        with pytest.raises(SaveError, match="disk is full"):
            s.applications.save(Application(company="big", role="r", notes="b" * 900_000))
        assert s.path.read_bytes() == before
        with pytest.raises(SaveError):  # closing retries the pending change: still no room
            s.close()
        assert s.path.read_bytes() == before
    finally:
        subprocess.run(["umount", str(mnt)], capture_output=True)
