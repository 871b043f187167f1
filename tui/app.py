"""``ReboundApp``: the shell every screen lives in.

Five screens on keys 1-5 (Textual modes, each keeps its state), help on ``?``, the palette on ``ctrl+p``,
``q`` quits. All writes go through :meth:`write`, which turns store errors into calm messages: a failed
save keeps the change in memory and retries; read-only refuses edits out loud; an external change asks.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from textual.app import App, SystemCommand
from textual.screen import Screen
from textual.timer import Timer

from store import backups, dates, logs
from store.db import Store
from store.errors import ExternalChangeError, ReadOnlyError, SaveError
from themes import APP_CSS, DEFAULT_THEME, THEMES
from tui.privacy.idle import IdleLockApp
from tui.shell import collector, conflict, css_once, keymap, timer_guard, userkeys
from tui.shell.base import PaletteCommand, ReboundScreen, SavesPending
from tui.shell.guards import GuardedApp, end_without_terminal
from tui.shell.keys import TypingApp
from tui.shell.launch import lazy_screen, run_editor
from tui.shell.palette import GoToApplication, Palette, ScreenCommands, main_screen
from tui.shell.trips import TripsApp
from tui.shell.undo import UndoApp
from tui.shell.warm import WarmApp

timer_guard.install()  # Textual's timers never spin on a negative interval (see the module)

log = logging.getLogger("rebound")
BACKUP_AFTER_S = 0.5  #: seconds after the first frame before the day's backup is written (Store.open kept the bytes)
_S = TypeVar("_S", bound=ReboundScreen)


class ReboundApp(IdleLockApp, TypingApp, GuardedApp, TripsApp, UndoApp, WarmApp, css_once.StyledFirstApp):
    CSS_PATH = str(APP_CSS)
    TITLE = "Rebound"
    ENABLE_COMMAND_PALETTE = True
    COMMANDS = App.COMMANDS | {ScreenCommands, GoToApplication}

    MODES = {
        "today": lazy_screen("tui.today.screen", "TodayScreen"),
        "board": lazy_screen("tui.board.screen", "BoardScreen"),
        "journal": lazy_screen("tui.journal.screen", "JournalScreen"),
        "contacts": lazy_screen("tui.contacts.screen", "ContactsScreen"),
        "outreach": lazy_screen("tui.outreach.screen", "OutreachScreen"),
    }
    DEFAULT_MODE = "today"

    KEYMAP = "app"
    BINDINGS = keymap.bindings(KEYMAP)

    def __init__(self, store: Store, *, demo: bool = False, first_run: bool = False) -> None:
        super().__init__()
        self.store = store
        self.demo = demo
        self.first_run = first_run  # an empty folder: the welcome screen (tui/shell/welcome.py) asks first
        #: Replaced in tests: how ``ctrl+e`` runs the editor.
        self.editor_runner: Callable[[App, str], int] = run_editor
        for theme in THEMES:
            self.register_theme(theme)
        wanted = store.settings.current().theme
        css_once.start_theme(self, wanted if wanted in self.available_themes else DEFAULT_THEME)
        self._retry_timer: Timer | None = None
        #: The user's own keys in force (Settings › Keys, checked): binding id → keys.
        self.user_keymap: dict[str, str] = {}
        self._keymap_problems = self.apply_user_keymap(store.settings.current().keymap)

    def apply_user_keymap(self, entries: Mapping[str, object]) -> list[str]:
        """Apply the user's keymap (``App.set_keymap``) after checking it; the entries that can't be
        had are left out and returned, each with why (nothing raises: it may be a hand-edited file)."""
        checked = userkeys.check(entries if isinstance(entries, Mapping) else {})
        self.user_keymap = checked.keys
        self.set_keymap(checked.keys)
        keymap.use(checked.keys)
        return checked.problems

    # -- lifecycle

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._on_theme_changed)
        for notice in self.store.notices:
            self.notify(notice, title="Data", markup=False, timeout=8)
        if self.demo:
            self.notify("Demo mode: sample data in a throwaway folder; your real data is untouched.",
                        title="Demo", markup=False)
        if self._keymap_problems:
            self.notify("Some of your keys (Settings › Keys) are not used: " + "; ".join(self._keymap_problems),
                        title="Keys", severity="warning", markup=False, timeout=15)
        self._install_signal_handlers()
        self._guard_size()
        self._retry_timer = self.set_interval(30, self._retry_save, pause=False)
        self.start_idle_lock()
        self.call_after_refresh(collector.resume)  # paused since the process started (tui/__main__.py)
        self.call_after_refresh(lambda: self.set_timer(BACKUP_AFTER_S, self._take_daily_backup))
        self.warmer = self.start_warm_up()  # the other screens' first-visit work, after the first frame
        if self.first_run and not self.store.read_only:
            from tui.shell.welcome import welcome
            self.call_after_refresh(welcome, self)

    def _take_daily_backup(self) -> None:
        if problem := self.store.take_daily_backup():
            self.notify(problem, title="Data", severity="warning", markup=False, timeout=8)

    def _install_signal_handlers(self) -> None:
        self._signals: list[int] = []
        try:
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGHUP, signal.SIGTERM):
                loop.add_signal_handler(sig, self._on_hangup, sig)
                self._signals.append(sig)
        except (NotImplementedError, RuntimeError, ValueError, AttributeError):
            pass  # not on the main thread, or no such signals (Windows)

    def on_unmount(self) -> None:
        keymap.use({})  # the words of toasts name the default keys again (the next app applies its own)
        # give the signals back (a test process, or whatever runs the app next, must not inherit them)
        try:
            loop = asyncio.get_running_loop()
            for sig in getattr(self, "_signals", []):
                loop.remove_signal_handler(sig)
        except (NotImplementedError, RuntimeError, ValueError, AttributeError):
            pass

    def _on_hangup(self, sig: int = signal.SIGTERM) -> None:
        """SSH dropped (SIGHUP) or SIGTERM: save, exit (1 if that failed: see ``Store.close_safely``)."""
        saved = self.save_everything()
        if sig == signal.SIGHUP:
            end_without_terminal(self.store, saved)  # never returns
        self.exit(return_code=0 if saved else 1)

    def save_everything(self) -> bool:
        """Ask every screen to persist typed-but-unsaved text, then flush. True when all is on disk."""
        for screen in self._all_screens():
            if isinstance(screen, SavesPending):
                try:
                    screen.save_pending()
                except Exception as exc:  # noqa: BLE001 - one screen's hook must never stop the others saving
                    logs.swallowed(exc, "save_pending")
        if self.store.read_only:
            return True
        try:
            self.store.flush()
        except (SaveError, ExternalChangeError):
            return False
        return not self.store.dirty

    def _remember_today(self) -> None:
        """Keep Today (its summary, and its view when current) for the next start, if it changed."""
        try:
            from tui.today.loading import remember_today

            remember_today(self.store, self._all_screens())
        except Exception as exc:  # noqa: BLE001 - a cache must never stand between the user and quitting
            logs.swallowed(exc, "remember_today")

    def _all_screens(self) -> Iterable[Screen]:
        seen = set()
        for stack in self._screen_stacks.values():
            for screen in stack:
                if id(screen) not in seen:
                    seen.add(id(screen))
                    yield screen

    def _retry_save(self) -> None:
        if self.store.dirty and not self.store.read_only:
            waited = self.store.save_failed  # (not a change saved right after its frame, due any moment)
            try:
                self.store.flush()
            except (SaveError, ExternalChangeError):
                return
            finally:
                self.tell_warnings()
            if waited:
                self.notify("Saved the change that was waiting.", title="Saved", markup=False)

    def tell_warnings(self) -> None:  # what a save noticed (the file was deleted and written again…)
        for warning in self.store.take_warnings():
            self.notify(warning, title="Data", severity="warning", markup=False, timeout=15)

    # -- writes

    def write(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> bool:
        """Run a store change. True when the change took effect (saved, or kept in memory after a
        failed save, to be retried); False when it was refused and nothing changed."""
        try:
            fn(*args, **kwargs)
        except ReadOnlyError as exc:
            self.notify(str(exc), title="Not changed", severity="warning", markup=False)
            return False
        except SaveError as exc:
            self.notify(
                f"Not saved: {exc.reason}. Your change is kept in memory and will be saved with the "
                "next change (Rebound retries every 30 s).",
                title="Not saved", severity="error", markup=False, timeout=12,
            )
            return True
        except ExternalChangeError:
            conflict.ask(self)
            return True
        finally:
            self.tell_warnings()
        return True

    def refresh_screens(self) -> None:
        screen = self.screen
        if isinstance(screen, ReboundScreen):
            screen.refresh_data()

    def banner_text(self) -> str:
        parts = []
        if self.store.read_only:
            parts.append(self.store.read_only_reason or "Read-only.")
        if self.demo:
            parts.append("DEMO — sample data in a throwaway folder.")
        return "  ".join(parts)

    # -- jumping between screens: typed calls on the target screen (its module is already loaded by then)

    def show_on(self, mode: str, kind: type[_S], run: Callable[[_S], object]) -> None:
        """Switch to ``mode``, then (after the switch is painted) call ``run`` on its main screen."""
        self.action_go(mode)

        def call() -> None:
            target = next((s for s in self.get_screen_stack(mode) if isinstance(s, kind)), None)
            if target is not None:
                run(target)

        self.call_after_refresh(call)

    def open_application(self, application_id: str) -> None:
        """Board: select this application and open its details."""
        from tui.board.screen import BoardScreen

        self.show_on("board", BoardScreen, lambda s: s.show_application(application_id))

    def open_contact(self, contact_id: str) -> None:
        """Contacts: select this contact."""
        from tui.contacts.screen import ContactsScreen

        self.show_on("contacts", ContactsScreen, lambda s: s.show_contact(contact_id))

    def open_journal_entry(self, entry_id: str) -> None:
        """Journal: select this entry in the reader."""
        from tui.journal.screen import JournalScreen

        self.show_on("journal", JournalScreen, lambda s: s.show_entry(entry_id))

    def start_reframe(self, application_id: str | None = None) -> None:
        """Journal: start (or resume) a guided reframe linked to an application."""
        from tui.journal.screen import JournalScreen

        self.show_on("journal", JournalScreen, lambda s: s.start_reframe(application_id))

    def new_application(self, stage: str = "") -> None:
        """Board: open the new-application form (filing into ``stage``; "": the highlighted column)."""
        from tui.board.screen import BoardScreen

        self.show_on("board", BoardScreen, lambda s: s.action_new(stage))

    def open_composer(self, kind: str | None = None, contact_ids: list[str] | None = None,
                      application_id: str | None = None, draft_id: str | None = None) -> None:
        """Outreach: open the editor prefilled (or on an existing draft)."""
        from tui.outreach.screen import OutreachScreen

        ids = contact_ids or []
        self.show_on("outreach", OutreachScreen, lambda s: s.start_draft(
            kind=kind, contact_ids=ids, application_id=application_id, draft_id=draft_id))

    # -- actions

    def action_go(self, key: str) -> None:
        self.trip_moved(key)
        if key in self.MODES and self.current_mode != key:
            self.switch_mode(key)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not Palette.is_open(self):
            self.push_screen(Palette(id="--command-palette"))

    def action_help(self) -> None:
        from tui.shell.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.pop_screen()
            return
        self.push_screen(HelpScreen(self.screen))

    def action_quit_app(self) -> None:
        if self.save_everything():
            self._remember_today()
            self.exit()
            return

        def decided(ok: bool | None) -> None:
            if ok:
                self.exit(return_code=1)

        from tui.dialogs import ConfirmDialog

        self.push_screen(
            ConfirmDialog(
                "Some changes are not saved",
                "The last save failed (see the message). Quit anyway? They go to an emergency copy.",
                confirm="Quit anyway", cancel="Stay", danger=True,
            ),
            decided,
        )

    def action_settings(self) -> None:
        self.open_settings()

    def open_settings(self, field: str = "my_name") -> None:
        """Settings (``,`` on every screen), on ``field`` (the palette's "Settings: pipeline floor…" open on
        theirs)."""
        from tui.settings.screen import SettingsScreen

        if isinstance(self.screen, SettingsScreen):
            return

        def closed(_saved: bool | None) -> None:
            self.refresh_screens()

        self.push_screen(SettingsScreen(field), closed)

    def action_plan_for_a_no(self) -> None:
        from tui.settings.intention import ask_if_no

        ask_if_no(self, self.refresh_screens)

    def action_support(self) -> None:
        from tui.care.panel import Moment, show_support

        show_support(self, self.store, Moment.ASKED)

    def action_set_theme(self, name: str) -> None:
        self.theme = name

    def _on_theme_changed(self, theme) -> None:
        if not self.store.read_only and self.store.settings.current().theme != theme.name:
            self.write(self.store.settings.update, theme=theme.name)

    def action_show_data_info(self) -> None:
        last = backups.last_backup(self.store.data_dir)
        last_text = f"{last.name} ({dates.long_date(last.modified)}, {last.modified:%H:%M})" if last else "none yet"
        self.notify(f"Data folder: {self.store.data_dir}\nData file: {self.store.path}\nLast backup: {last_text}\n"
                    "Restore: rebound-tui doctor --restore latest", title="Your data", markup=False, timeout=15)

    def action_backup_now(self) -> None:
        try:
            self.store.flush()
            path = backups.snapshot(self.store.data_dir, "manual")
        except (SaveError, OSError, ExternalChangeError) as exc:
            self.notify(f"Backup failed: {exc}", severity="error", markup=False)
            return
        self.notify(f"Backed up to {path}" if path else "Nothing to back up yet.", markup=False)

    # -- palette

    def all_commands(self, screen: Screen[Any]) -> list[PaletteCommand]:
        """Everything the palette offers over ``screen``: the app's commands, then the main screen's."""
        cmds = [PaletteCommand(c.title, c.help, c.callback) for c in self.get_system_commands(screen)]
        target = main_screen(self, screen)
        return cmds + (list(target.palette_commands()) if target is not None else [])

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        from tui.privacy.screen import privacy_commands
        from tui.shell.commands import app_commands

        yield from app_commands(self, screen)
        yield SystemCommand("Plan for a no: If I get a no, then I…", "A plan for the next no, shown when it comes",
                            self.action_plan_for_a_no)
        yield from privacy_commands(self)
        for cmd in super().get_system_commands(screen):
            if cmd.title not in ("Theme", "Quit"):
                yield cmd
