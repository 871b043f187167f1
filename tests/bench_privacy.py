"""Benchmark section ``privacy``: what encryption at rest (issue 15) costs, encrypted beside plain in
the same run, on the heavy dataset.

* The key derivation alone (a fresh interpreter that unlocks, less one that only imports): age's
  scrypt at the work factor pyrage calibrated on this machine; paid once per start or unlock, never
  per save.
* Start to a useful Today (as in ``bench_pty``: the installed ``rebound-tui`` under a pty at 80x24,
  data unchanged since the last run), encrypted (unlocked with ``--passphrase-file``) then plain, in
  pairs. Target: within plain + the key derivation (+10 % of plain for noise).
* One edit made durable (in-process, as the foundation's row): the same edit on the encrypted store and
  on the plain one, in pairs. Target: at most 1.5x plain.
"""

from __future__ import annotations

import os
import shutil
import statistics
import textwrap
import time
from pathlib import Path

from bench import Row, paired_row

PASSPHRASE = "a benchmark passphrase of several words"


def _encrypted_copy(ctx, work: Path) -> tuple[Path, Path]:
    """A copy of the heavy data, encrypted with the production work factor; and a 0600 passphrase file."""
    from store import convert
    from store.db import Store

    enc = work / "heavy-encrypted"
    enc.mkdir(mode=0o700)
    shutil.copy2(ctx.heavy_dir / "rebound.json", enc / "rebound.json")
    s = Store.open(enc)
    try:
        convert.encrypt(s, PASSPHRASE)
    finally:
        s.close()
    secret = work / "passphrase"
    secret.write_text(PASSPHRASE + "\n")
    os.chmod(secret, 0o600)
    return enc, secret


UNLOCK = textwrap.dedent("""
    from pathlib import Path
    from store import crypto
    import pyrage
    if {unlock}:
        crypto.unlock(Path({data!r}), crypto.passphrase_from_file(Path({secret!r})))
""")


def _kdf_seconds(ctx, enc: Path, secret: Path) -> list[float]:
    """The key derivation as a start pays it: a fresh interpreter that unlocks, less one that only
    imports the same modules, in pairs (scrypt's memory is new to each process)."""
    out = []
    for _ in range(max(3, ctx.pairs)):
        with_kdf = ctx.run_python(UNLOCK.format(unlock=True, data=str(enc), secret=str(secret)), repeat=1)
        without = ctx.run_python(UNLOCK.format(unlock=False, data=str(enc), secret=str(secret)), repeat=1)
        out.append(max(0.0, with_kdf - without))
    return out


def _save_rows(ctx, enc: Path) -> list[Row]:
    from store import crypto
    from store.db import Store

    pairs = max(ctx.pairs, 7)
    plain = Store.open(ctx.copy("heavy"))
    sealed = Store.open(ctx.copy_of(enc), keyring=crypto.unlock(enc, PASSPHRASE))
    counter = [0]

    def edit(store) -> None:
        counter[0] += 1
        apps = store.applications.all()
        changed = apps[len(apps) // 2].copy()
        changed.notes = f"edit {counter[0]}"
        store.applications.save(changed)
        if store.dirty:
            store.flush()
        assert not store.dirty

    try:
        edit(plain)  # the first save after opening serialises every table once
        edit(sealed)
        ours, base = [], []
        for _ in range(pairs):
            t = time.perf_counter()
            edit(sealed)
            ours.append(time.perf_counter() - t)
            t = time.perf_counter()
            edit(plain)
            base.append(time.perf_counter() - t)
        size = sealed.path.stat().st_size / 1e6
    finally:
        plain.close()
        sealed.close()
    return [paired_row(f"one edit made durable, heavy, encrypted ({size:.1f} MB age file)", ours,
                       "the same edit, plain", base, target="≤ 1.5×", limit=("ratio", 1.5))]


def _start_rows(ctx, enc: Path, secret: Path, kdf: float) -> list[Row]:
    from bench_install import ensure_venv
    from bench_pty import TODAY_READY, Driver, _env

    work = Path(ctx.work) / "privacy-pty"
    work.mkdir()
    script = ensure_venv(getattr(ctx, "venv", None), log=lambda m: print(f"  [privacy] {m}", flush=True))
    (work / "home").mkdir()
    env = _env({k: str(work / "home" / k.lower()) for k in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME",
                                                              "XDG_STATE_HOME", "XDG_DATA_HOME")})
    plain = work / "heavy-plain"
    plain.mkdir(mode=0o700)
    shutil.copy2(ctx.heavy_dir / "rebound.json", plain / "rebound.json")
    timeout = 90.0 if ctx.quick else 180.0

    def spec(data: Path, extra: list[str], id_: object, watch: str) -> dict:
        return {"argv": [str(script), "--data-dir", str(data), *extra], "env": env, "cwd": str(work),
                "ready": TODAY_READY, "watch": str(data / "cache" / watch), "timeout": timeout, "id": id_}

    sealed_args = ["--passphrase-file", str(secret)]
    driver = Driver(work)
    warm = driver.run([spec(enc, sealed_args, "warm-up", "today.json.age"),
                       spec(plain, [], "warm-up", "today.json")], lambda r: None)
    for r in warm:
        if "error" in r:
            raise RuntimeError(f"warm-up failed: {r['error']}")
    specs = []
    for i in range(ctx.pairs):
        specs += [spec(enc, sealed_args, ["enc", i], "today.json.age"), spec(plain, [], ["plain", i], "today.json")]
    results = {tuple(r["id"]): r for r in driver.run(specs, lambda r: None) if r.get("id")}
    pairs = [(results.get(("enc", i)), results.get(("plain", i))) for i in range(ctx.pairs)]
    good = [(a, b) for a, b in pairs if a and b and "error" not in a and "error" not in b]
    if not good:
        return [Row("start to a useful Today, heavy, encrypted: every run failed", float("nan"))]
    ours = [a["start"] for a, _ in good]
    base = [b["start"] for _, b in good]
    recomputed = sum(1 for a, b in good if a.get("rewrote")), sum(1 for a, b in good if b.get("rewrote"))
    row = paired_row("start to a useful Today, heavy, encrypted (--passphrase-file; includes the key "
                     f"derivation; Today recomputed {recomputed[0]}/{len(good)} encrypted, {recomputed[1]}/"
                     f"{len(good)} plain)", ours, "the same start, plain", base,
                     target=f"≤ plain + key derivation ({kdf * 1000:,.0f} ms)")
    row.met = statistics.median(ours) <= statistics.median(base) * 1.1 + kdf
    less_kdf = [max(0.0, a - kdf) for a in ours]
    return [row, paired_row("  the same, less the key derivation", less_kdf, "plain", base, target="report")]


def run(ctx) -> list[Row]:
    work = Path(ctx.work)
    if not hasattr(ctx, "copy_of"):
        def copy_of(src: Path) -> Path:
            ctx._n += 1
            dst = work / f"copy-{ctx._n}"
            shutil.copytree(src, dst, ignore=shutil.ignore_patterns("backups", "cache", "rebound.lock"))
            return dst

        ctx.copy_of = copy_of
    t = time.perf_counter()
    enc, secret = _encrypted_copy(ctx, work)
    print(f"  [privacy] encrypted the heavy copy in {time.perf_counter() - t:.1f} s", flush=True)
    factor = (enc / "rebound.key.age").read_bytes().split(b"\n")[1].split()[-1].decode()
    kdf = _kdf_seconds(ctx, enc, secret)
    kdf_median = statistics.median(kdf)
    rows = [Row(f"key derivation in a fresh process: the passphrase opens the data key (scrypt, work factor "
                f"{factor} as pyrage calibrated it here; 128·8·2^{factor} bytes of memory)",
                kdf_median, target="report", ours_span=(min(kdf), max(kdf)))]
    rows += _save_rows(ctx, enc)
    rows += _start_rows(ctx, enc, secret, kdf_median)
    return rows
