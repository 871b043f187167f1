"""Rebound's benchmark (a script, not a test): ``python tests/bench.py [--quick] [--pairs N]``.

Builds the heavy dataset (10,000 applications, 5,000 journal entries, 2,000 contacts, 20,000
touchpoints) with the demo generator and prints a table. Every figure is measured beside its
baseline in the same run, so the ratios hold on any machine; no figure is asserted in tests.

The ``pty`` section (``tests/bench_pty.py``) is what a user gets: the installed ``rebound-tui``
under a pseudo-terminal, paired A B A B against a bare Textual app, from start to Today's content and
from each key to the frame that shows its result. The others run in-process (``App.run_test`` or
the store alone) and measure how each part scales from 50 records to the heavy dataset. This file
measures the foundation (one edit made durable, memory) and runs the sections listed in
:data:`SECTIONS`; ``tests/bench_*.py`` modules without a ``run`` are helpers (the installer, the pty
driver). pytest collects none of these files (``test_*.py`` only).
"""

from __future__ import annotations

import argparse
import importlib.util
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("REBOUND_TODAY", "2026-03-02")
os.environ.setdefault("TEXTUAL_ANIMATION", "none")

#: Sections in the order they run: the pty section first, before this process grows.
SECTIONS = ["pty", "foundation", "today", "board", "journal", "contacts", "outreach", "privacy"]


@dataclass
class Row:
    """One line of the table. ``ours``/``baseline`` are medians; the spans are min–max; ``ratios``
    are per-pair ratios when the two were measured in pairs (their median is the ratio shown)."""

    name: str
    ours: float
    baseline_name: str = ""
    baseline: float | None = None
    target: str = ""
    unit: str = "s"
    ours_span: tuple[float, float] | None = None
    base_span: tuple[float, float] | None = None
    ratios: list[float] = field(default_factory=list)
    #: ("ratio", x): met when the ratio is at most x; ("ours", x): when ours is at most x
    limit: tuple[str, float] | None = None
    met: bool | None = None
    #: False: the two columns are not comparable as a ratio (counts of runs, say)
    plain_ratio: bool = True

    @property
    def ratio(self) -> float | None:
        if not self.plain_ratio:
            return None
        if self.ratios:
            return statistics.median(self.ratios)
        if self.baseline in (None, 0) or self.baseline is None:
            return None
        return self.ours / self.baseline

    @property
    def ratio_span(self) -> tuple[float, float] | None:
        return (min(self.ratios), max(self.ratios)) if self.ratios else None

    def verdict(self) -> bool | None:
        if self.met is not None:
            return self.met
        if self.limit is None or math.isnan(self.ours):
            return None
        kind, x = self.limit
        value = self.ratio if kind == "ratio" else self.ours
        return None if value is None else value <= x


def paired_row(name: str, ours: list[float], baseline_name: str, baseline: list[float], *, target: str = "",
               unit: str = "s", limit: tuple[str, float] | None = None, ratio: bool = True) -> Row:
    """A row from runs measured in pairs (ours[i] beside baseline[i], run back to back)."""
    ratios = [a / b for a, b in zip(ours, baseline, strict=True) if b] if ratio else []
    return Row(name, statistics.median(ours), baseline_name, statistics.median(baseline), target, unit,
               ours_span=(min(ours), max(ours)), base_span=(min(baseline), max(baseline)), ratios=ratios,
               limit=limit, plain_ratio=ratio)


class Ctx:
    """What sections get: prepared data dirs (copy before changing them) and timing helpers."""

    def __init__(self, work: Path, quick: bool, pairs: int, venv: Path | None = None) -> None:
        from store import demo
        from store.db import Store

        self.work = work
        self.quick = quick
        self.pairs = pairs
        self.venv = venv
        self.python = sys.executable
        self.root = ROOT
        sizes = dict(demo.HEAVY)
        if quick:
            sizes = {k: max(1, v // 10) for k, v in sizes.items()}
        self.sizes = sizes
        self.heavy_dir = work / "heavy"
        t = time.perf_counter()
        s = Store.open(self.heavy_dir)
        demo.populate(s, **sizes)
        s.close()
        self.heavy_build_seconds = time.perf_counter() - t
        self.small_dir = work / "small"
        s = Store.open(self.small_dir)
        demo.populate(s, applications=50, journal=50, contacts=50, touchpoints=200, drafts=10)
        s.close()
        self._n = 0
        self._variant: Path | None = None

    def variant_file(self) -> Path:
        """The heavy data file with one application's notes changed (the same data, changed since)."""
        if self._variant is None:
            from store.db import Store

            d = self.copy("heavy")
            s = Store.open(d)
            try:
                first = s.applications.all()[0].copy()
                first.notes = (first.notes or "") + " (changed since the last run)"
                s.applications.save(first)
            finally:
                s.close()
            self._variant = d / "rebound.json"
        return self._variant

    def copy(self, which: str = "heavy") -> Path:
        """A fresh copy of a prepared data dir (without its backups)."""
        src = self.heavy_dir if which == "heavy" else self.small_dir
        self._n += 1
        dst = self.work / f"{which}-copy-{self._n}"
        dst.mkdir(mode=0o700)
        shutil.copy2(src / "rebound.json", dst / "rebound.json")
        return dst

    @staticmethod
    def measure(fn: Callable[[], object], repeat: int = 5, setup: Callable[[], object] | None = None) -> float:
        """Median wall time of ``fn`` over ``repeat`` runs (``setup`` runs untimed before each)."""
        times = []
        for _ in range(repeat):
            if setup:
                setup()
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
        return statistics.median(times)

    def run_python(self, code: str, env: dict | None = None, repeat: int = 5) -> float:
        """Median wall time of ``python -c code`` in a fresh interpreter (cold start)."""
        full_env = {**os.environ, **(env or {})}
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            subprocess.run([self.python, "-c", code], cwd=ROOT, env=full_env, check=True,
                           stdout=subprocess.DEVNULL)
            times.append(time.perf_counter() - t)
        return statistics.median(times)


# ----------------------------------------------------------------------------- shared by sections


def open_app(data_dir: Path):
    """(store, app) on a data dir, headless-ready, with the editor call replaced."""
    from store.db import Store
    from tui.app import ReboundApp

    store = Store.open(data_dir)
    app = ReboundApp(store)
    app.editor_runner = lambda app, path: 0
    return store, app


async def time_screen_open(data_dir: Path, key: str) -> float:
    """Seconds from pressing a screen's key (on Today) until it has painted, at 80x24."""
    store, app = open_app(data_dir)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            t = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            return time.perf_counter() - t
    finally:
        store.close()


# ----------------------------------------------------------------------------- foundation

# ru_maxrss survives fork+exec on Linux (a child reports at least its parent's size at the fork), so
# these programs read their own high-water mark instead.
PEAK_MB = textwrap.dedent("""
    def peak_mb():
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        import resource
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
""")

BARE_HEADLESS = textwrap.dedent("""
    from textual.app import App
    from textual.widgets import Static
    class Bare(App):
        def compose(self):
            yield Static("hello")
        def on_mount(self):
            self.call_after_refresh(self.exit)
    Bare().run(headless=True, size=(80, 24))
""")


def floor_write(path: Path, payload: bytes) -> None:
    """The least any durable save of ``payload`` costs: temp file, write, fsync, rename, fsync(dir)."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".floor-")
    try:
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    dfd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dfd)
    finally:
        os.close(dfd)


def _edit_rows(ctx: Ctx) -> list[Row]:
    """One edit made durable, paired with the floor (an atomic rewrite of the same bytes) and with
    stock TinyDB's JSONStorage making the same edit on the same records."""
    import orjson
    from tinydb import TinyDB

    from store.db import Store

    pairs = max(ctx.pairs, 7)
    data = ctx.copy("heavy")
    store = Store.open(data)
    apps = store.applications.all()
    target = apps[len(apps) // 2]
    counter = [0]

    def our_edit() -> None:
        counter[0] += 1
        changed = target.copy()
        changed.notes = f"edit {counter[0]}"
        store.applications.save(changed)
        if store.dirty:  # saved later by design: wait until it is on disk, that is the edit made durable
            store.flush()
        assert not store.dirty

    our_edit()  # the first save after opening also serialises every table once
    floor_path = data / "floor.json"
    payload = (data / "rebound.json").read_bytes()
    ours, floor = [], []
    try:
        for _ in range(pairs):
            t = time.perf_counter()
            our_edit()
            ours.append(time.perf_counter() - t)
            t = time.perf_counter()
            floor_write(floor_path, payload)
            floor.append(time.perf_counter() - t)
    finally:
        store.close()
    size = len(payload) / 1e6
    rows = [paired_row(f"one edit made durable, heavy ({size:.1f} MB file)", ours,
                       "floor: atomic rewrite of the same bytes (temp+fsync+rename+dir fsync)", floor,
                       target="≤ 1.3× the floor", limit=("ratio", 1.3))]

    stock_dir = ctx.copy("heavy")
    raw = orjson.loads((stock_dir / "rebound.json").read_bytes())
    # stock TinyDB wants integer document ids: the same records, renumbered
    stock_data = {name: {str(i + 1): doc for i, doc in enumerate(table.values())}
                  for name, table in raw.items() if isinstance(table, dict)}
    stock_path = stock_dir / "stock.json"
    stock_path.write_bytes(orjson.dumps(stock_data))
    db = TinyDB(stock_path)
    table = db.table("applications")
    mid = len(stock_data["applications"]) // 2
    store = Store.open(ctx.copy("heavy"))
    our_edit_target = store.applications.all()[len(store.applications.all()) // 2]

    def ours_again() -> None:
        counter[0] += 1
        changed = our_edit_target.copy()
        changed.notes = f"edit {counter[0]}"
        store.applications.save(changed)
        if store.dirty:
            store.flush()

    ours_again()
    ours2, stock = [], []
    try:
        for _ in range(2 if ctx.quick else 3):
            t = time.perf_counter()
            ours_again()
            ours2.append(time.perf_counter() - t)
            counter[0] += 1
            t = time.perf_counter()
            table.update({"notes": f"edit {counter[0]}"}, doc_ids=[mid])
            stock.append(time.perf_counter() - t)
    finally:
        store.close()
        db.close()
    rows.append(paired_row("one edit made durable, heavy", ours2, "stock TinyDB JSONStorage, the same edit", stock,
                           target="faster (ratio < 1)", limit=("ratio", 1.0)))
    return rows


def _memory_rows(ctx: Ctx) -> list[Row]:
    """Peak memory with every record loaded (headless, the installed copy), paired with a bare app."""
    from bench_install import clean_env, ensure_venv

    python = str(ensure_venv(ctx.venv, log=lambda m: None).parent / "python")
    data = ctx.copy("heavy")
    code = PEAK_MB + textwrap.dedent(f"""
        from store.db import Store
        from tui.app import ReboundApp
        store = Store.open({str(data)!r})
        class Timed(ReboundApp):
            def on_mount(self):
                super().on_mount()
                self.call_after_refresh(self.exit)
        Timed(store).run(headless=True, size=(80, 24))
        for repo in store.repos:
            repo.all()
        print(peak_mb())
    """)
    bare_code = PEAK_MB + BARE_HEADLESS + "\nprint(peak_mb())\n"
    env = clean_env({"REBOUND_TODAY": os.environ["REBOUND_TODAY"]})

    def peak(src: str) -> float:
        out = subprocess.run([python, "-c", src], cwd=ctx.work, env=env, capture_output=True, text=True, check=True,
                             timeout=600)
        return float(out.stdout.strip().splitlines()[-1])

    ours, bare = [], []
    for _ in range(2 if ctx.quick else 3):
        ours.append(peak(code))
        bare.append(peak(bare_code))
    return [paired_row("peak memory (RSS), heavy, every record loaded (headless, installed copy)", ours,
                       "bare Textual app", bare, unit="MB", target="≤ 3×", limit=("ratio", 3.0))]


def foundation(ctx: Ctx) -> list[Row]:
    return _edit_rows(ctx) + _memory_rows(ctx)


def _section(name: str) -> Callable[[Ctx], list[Row]]:
    if name == "foundation":
        return foundation
    path = Path(__file__).parent / f"bench_{name}.py"
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.run


def fmt(value: float | None, unit: str) -> str:
    if value is None or math.isnan(value):
        return "—"
    if unit == "s":
        return f"{value * 1000:,.1f} ms" if value < 10 else f"{value:,.1f} s"
    if unit == "runs":
        return f"{value:.0f}"
    return f"{value:,.0f} {unit}" if value >= 100 else f"{value:,.1f} {unit}"


def fmt_span(value: float | None, span: tuple[float, float] | None, unit: str) -> str:
    text = fmt(value, unit)
    if span is None or value is None:
        return text
    lo, hi = fmt(span[0], unit), fmt(span[1], unit)
    return f"{text} ({lo.split()[0]}–{hi})" if unit != "runs" else text


def fmt_ratio(row: Row) -> str:
    r = row.ratio
    if r is None:
        return "—"
    span = row.ratio_span
    return f"{r:.2f}× ({span[0]:.2f}–{span[1]:.2f})" if span else f"{r:.2f}×"


def table(rows: list[tuple[str, Row]]) -> str:
    lines = ["| measure | ours: median (min–max) | baseline: median (min–max) | ratio (per pair) | target |",
             "|---|---|---|---|---|"]
    for name, row in rows:
        v = row.verdict()
        mark = "" if v is None else (" ✔" if v else " ✘")
        base = f"{row.baseline_name}: {fmt_span(row.baseline, row.base_span, row.unit)}" if row.baseline_name else "—"
        lines.append(f"| [{name}] {row.name.strip()} | {fmt_span(row.ours, row.ours_span, row.unit)} | {base} | "
                     f"{fmt_ratio(row)} | {row.target}{mark} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="a smoke run: a tenth of the heavy dataset, 3 pairs")
    parser.add_argument("--pairs", type=int, default=None,
                        help="A/B pairs per paired row (default 9; 3 with --quick)")
    parser.add_argument("--only", action="append", choices=SECTIONS,
                        help="run only this section (repeat for several)")
    parser.add_argument("--venv", type=Path, default=None,
                        help="where to keep the installed copy (default: ~/.cache/rebound-bench/venv-pyX.Y)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (data dirs, logs) for a look")
    args = parser.parse_args()
    pairs = args.pairs or (3 if args.quick else 9)
    work = Path(tempfile.mkdtemp(prefix="rebound-bench-"))
    started = time.perf_counter()
    try:
        ctx = Ctx(work, args.quick, pairs, args.venv)
        size = (ctx.heavy_dir / "rebound.json").stat().st_size / 1e6
        print(f"dataset: {ctx.sizes} -> {size:.1f} MB, built in {ctx.heavy_build_seconds:.1f} s")
        print(f"pairs per paired row: {pairs}; the pty runs unset PYTHONDONTWRITEBYTECODE and PYTHONPATH (the "
              f"installed copy, bytecode compiled as a pip install leaves it); {os.cpu_count()} CPUs, load "
              f"{os.getloadavg()[0]:.1f} at the start", flush=True)
        rows: list[tuple[str, Row]] = []
        for name in SECTIONS:
            if args.only and name not in args.only:
                continue
            print(f"[{name}]", flush=True)
            try:
                got = _section(name)(ctx)
            except Exception as exc:  # noqa: BLE001 - one broken section must not hide the others; printed
                print(f"  [{name}] FAILED: {type(exc).__name__}: {exc}", flush=True)
                got = [Row(f"section failed: {type(exc).__name__}: {str(exc)[:200]}", float("nan"))]
            for row in got:
                rows.append((name, row))
                r = row.ratio
                print(f"  [{name}] {row.name.strip()}: {fmt_span(row.ours, row.ours_span, row.unit)} vs "
                      f"{fmt_span(row.baseline, row.base_span, row.unit)}"
                      f" ({f'ratio {r:.2f}x' if r is not None else 'no ratio'})", flush=True)
        print()
        print(f"load average at the end: {os.getloadavg()[0]:.1f}; {time.perf_counter() - started:.0f} s in all")
        print()
        print(table(rows))
    finally:
        if args.keep:
            print(f"work folder kept: {work}")
        else:
            for _ in range(3):  # a second ^C must not leave 50 MB of data behind
                try:
                    shutil.rmtree(work, ignore_errors=True)
                    break
                except KeyboardInterrupt:
                    continue
    return 0


if __name__ == "__main__":
    sys.exit(main())
