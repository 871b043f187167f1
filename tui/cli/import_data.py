"""``rebound-tui import applications|journal|contacts|all FILE [--dry-run]`` (no Textual on this path).

Each reads the file, prints a preview (how it was read, counts, the first rows, one line per skipped
row, notes), then saves everything in one write — after a yes when at a terminal (``--yes`` skips
the question). ``--dry-run`` prints the same preview and changes nothing. Applications also take
``--preset huntr|jobsync|csv``, ``--map FIELD=Header`` (remembered for files with the same header),
``--stage 'Name=stage'`` and ``--day-first``; at a terminal an unknown stage name is asked about once.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from store import logs
from tui.cli import files as cli_files

PROGS = {k: f"rebound-tui import {k}" for k in ("applications", "journal", "contacts", "all")}


class Stop(Exception):
    """End the command with this exit code (the message was printed)."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def _fail(prog: str, message: str, code: int = 2) -> Stop:
    print(f"{prog}: {message}", file=sys.stderr)
    return Stop(code)


def _ask_stages(si, names: list[tuple[str, int]], ask_text: Callable[[str], str]) -> None:
    from store.importing import stages as S

    menu = S.choice_menu()
    listing = "  ".join(f"{i}) {label}" for i, (label, _c) in enumerate(menu, start=1))
    for name, count in names:
        while True:
            answer = ask_text(f"Stage {name!r} ({count} row{'s' if count != 1 else ''}) is new to Rebound. "
                              f"Which is it?\n  {listing}\n  [enter: Applied] ")
            choice = S.parse_choice(answer) if answer else S.APPLIED
            if choice is not None:
                si.stages_given[name] = choice
                si.remember = True
                break
            print("  Type a number from the list, or a stage name.", file=sys.stderr)


def _stage_options(prog: str, si, values: list[str] | None) -> None:
    from store.importing import stages as S

    for v in values or []:
        name, sep, answer = v.rpartition("=")
        choice = S.parse_choice(answer) if sep else None
        if not name.strip() or choice is None:
            raise _fail(prog, f"--stage takes 'Name in the file=stage' (a stage or an outcome, e.g. "
                              f"'Waiting=applied' or 'Nope=rejected'), not {v!r}")
        si.stages_given[name.strip()] = choice
        si.remember = True


def _applications(args, store, data: bytes, is_tty: Callable[[], bool],
                  ask_text: Callable[[str], str]) -> tuple[list[str], Any]:
    from store.importing import applications as A
    from store.importing import columns as C

    prog = PROGS["applications"]
    overrides = C.parse_map_options(getattr(args, "map", None))
    day_first = True if getattr(args, "day_first", False) else None
    si = A.open_sheet(data, getattr(args, "preset", None), settings=store.settings.current(),
                      overrides=overrides, day_first=day_first)
    _stage_options(prog, si, getattr(args, "stage", None))
    for line in si.mapping_lines():
        print(line)
    unknown = A.unknown_stages(si)
    if unknown and is_tty():
        _ask_stages(si, unknown, ask_text)
    plan = A.plan_applications(si, store.applications.all(), store.contacts.all())
    return plan.summary_lines(A.label), (plan, lambda: A.apply_plan(store, plan, si), si.remember)


def _journal(store, data: bytes) -> tuple[list[str], Any]:
    from store.importing import journal as J

    parsed = J.parse_jrnl(data)
    print(f"Read as: jrnl {'JSON export' if parsed.form == 'json' else 'text'}.")
    plan = J.plan_journal(parsed, store.journal.all())
    return plan.summary_lines(J.label), (plan, lambda: J.apply_plan(store, plan), False)


def _contacts(store, data: bytes) -> tuple[list[str], Any]:
    from store.importing import vcard as V

    parsed = V.parse_vcards(data)
    plan = V.plan_contacts(parsed, store.contacts.all(), store.settings.current())
    return plan.summary_lines(V.label), (plan, lambda: V.apply_plan(store, plan), False)


def _everything(store, data: bytes) -> tuple[list[str], Any]:
    from store.exporting.everything import repos
    from store.importing import everything as E
    from store.importing.common import ImportPlan

    found = E.parse_all(data, [r.table_name for r in repos(store)])
    if not E.is_empty(store):
        raise _fail(PROGS["all"], f"{store.data_dir} already holds records; 'import all' only fills an empty "
                                  "data folder (give a new one with --data-dir). Nothing was imported.", 1)
    plan: ImportPlan[Any] = ImportPlan(noun="record", rows=found.count)
    plan.added = [r for records in found.tables.values() for r in records]  # written as they are
    lines = [f"{found.count:,} records: " + (", ".join(found.summary_lines()) or "none")]
    return lines, (plan, lambda: E.apply_all(store, found), False)


def run(args, data_dir: Path, *, is_tty: Callable[[], bool] = cli_files.is_tty,
        ask: Callable[[str], bool] = cli_files.ask, ask_text: Callable[[str], str] = cli_files.ask_text) -> int:
    try:
        return _run(args, data_dir, is_tty, ask, ask_text)
    except Stop as stop:
        return stop.code


def _run(args, data_dir: Path, is_tty: Callable[[], bool], ask: Callable[[str], bool],
         ask_text: Callable[[str], str]) -> int:
    from store.importing.common import ImportFormatError, read_bytes
    from tui.cli import open_store_or_explain

    what = args.what
    prog = PROGS[what]
    dry_run = bool(getattr(args, "dry_run", False))
    path = Path(args.file).expanduser()
    try:
        data = read_bytes(path, {"applications": "CSV file", "journal": "jrnl file", "contacts": ".vcf file",
                                 "all": "export file"}[what])
    except ImportFormatError as exc:
        raise _fail(prog, str(exc)) from None
    store = open_store_or_explain(args, data_dir, read_only=dry_run)
    if store is None:
        return 2
    try:
        if not dry_run and store.read_only:
            raise _fail(prog, f"{store.read_only_reason or 'the data is read-only.'} Nothing was imported.", 1)
        try:
            if what == "applications":
                lines, (plan, apply, remember) = _applications(args, store, data, is_tty, ask_text)
            else:
                builder = {"journal": _journal, "contacts": _contacts, "all": _everything}[what]
                lines, (plan, apply, remember) = builder(store, data)
        except ImportFormatError as exc:
            raise _fail(prog, f"{path.name}: {exc}") from None
        print(f"Import from {path.name}" + (" (dry run: nothing saved)" if dry_run else ""))
        for line in lines:
            print(f"  {line}")
        if dry_run:
            return 0
        if not plan.has_changes and not remember:
            print("Nothing to change.")
            return 0
        if is_tty() and not getattr(args, "yes", False) and not ask(f"Save this ({plan.counts_line()})? [y/N] "):
            print("Nothing was imported.")
            return 1
        return _save(prog, store, plan, apply)
    finally:
        try:
            store.close()
        except Exception as exc:  # noqa: BLE001 - a failed save was already reported; the lock is released
            logs.swallowed(exc, "import: close")


def _save(prog: str, store, plan, apply: Callable[[], int]) -> int:
    from store.errors import ExternalChangeError, ReadOnlyError, SaveError
    from store.importing.common import ImportFormatError

    try:  # a failed save is retried once; if it still fails, nothing is left to be saved at close
        store.save_or_discard(apply)
    except (SaveError, ExternalChangeError, ReadOnlyError, ImportFormatError) as exc:
        raise _fail(prog, f"not saved: {getattr(exc, 'reason', exc)}. Nothing was imported.", 1) from None
    if plan.has_changes:
        print(f"Saved: {len(plan.added):,} added, {len(plan.updated):,} updated.")
    else:
        print("Nothing to add or update; your column and stage choices are remembered for files like this.")
    try:  # so the next start paints Today without recomputing it
        from store import today_cache

        today_cache.refresh(store)
    except Exception as exc:  # noqa: BLE001 - a cache never stands between the user and a finished import
        logs.swallowed(exc, "import: remember today")
    return 0
