"""Settings: your name and signature, LinkedIn tier, default cadence, pipeline floor, weekly goal,
quiet days, cool-off hours, prompts with your name, theme; and Settings › Support (a support line, someone
to reach, what helps: private, shown by the journal's support panel and never on Today).

Opened with ``,`` from any screen, "Settings…" in the palette, or a palette entry naming a field
("Settings: pipeline floor…" opens on it); Settings › Keys holds your own key map. ``ctrl+s`` saves
every change at once (one atomic write through ``app.write``); ``escape`` cancels (asking first when
something changed). Bad input gets an inline message saying what is accepted, and nothing typed is lost.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Input, Select, Static, TextArea

from store.intention import CHOICES, MAX_PLAN, planned
from store.models import CADENCES, Settings
from store.outreach import LINKEDIN_NOTE_LIMITS
from themes import THEME_NAMES
from tui.care.actions import DIRECTORY, preset_line
from tui.dialogs import ConfirmDialog
from tui.settings.actions import (
    IF_NO_CHOICES,
    INT_FIELDS,
    INT_FIELDS_BY_KEY,
    MAX_NAME,
    MAX_SUPPORT,
    OWN_WORDS,
    TIERS,
    SettingsActions,
    check,
    name_example,
    validate_int,
)
from tui.shell import keymap, userkeys
from widgets.number_input import NumberInput
from widgets.usertext import literal

if TYPE_CHECKING:
    from store.db import Store
    from tui.app import ReboundApp

THEME_LABELS = {"rebound-dark": "Rebound dark", "rebound-light": "Rebound light",
                "rebound-contrast": "High contrast"}
NAME_CHOICES = [("Ask me as “you”", False), ("Use my first name", True)]
TIER_CHOICES = [(f"Free ({LINKEDIN_NOTE_LIMITS['free']}-character connection notes)", "free"),
                (f"Premium ({LINKEDIN_NOTE_LIMITS['premium']}-character notes, InMail)", "premium")]


class SettingsScreen(Screen[bool]):
    """Dismisses with True when saved, False when cancelled."""

    SCREEN_TITLE = "Settings"
    HELP = """Your settings. `tab` moves between fields, `ctrl+s` saves them all at once, `escape` cancels.

*My name* and *signature* fill the outreach templates. The *LinkedIn tier* sets the length limit of
connection notes (200 characters free, 300 on Premium). The *default cadence* is how often to keep
in touch with someone when neither the contact nor its role says otherwise. The *pipeline floor* is
how many live applications you want in play; the *weekly goal* is how many you would like to make in
a week (never a count for the day). *Quiet after* marks a card with no news; *cool-off*
holds outreach to a company for some hours after its rejection. *Use my name in prompts* asks
reflection questions in the third person, which helps some people step back. *If I get a no* is your
plan for the next no (a walk, a text to someone…): Rebound shows it the moment a no comes.

*Support* is optional and stays on this machine: a support line, someone you can reach, and what helps
you. The journal's support panel shows them (also `ctrl+p` › Support: I'm struggling); Today never does.

*Keys* is your own key map, one line each: a binding id, `=`, then the key or keys (comma-separated),
for example `board.reject = R` or `app.quit = ctrl+x`. Each screen's help (`?`) lists its binding ids;
the README has the whole key map. A line that can't be used says why, and nothing else changes."""

    KEYMAP = "settings"
    BINDINGS = keymap.bindings(KEYMAP)

    DEFAULT_CSS = """
    SettingsScreen { layout: vertical; }
    SettingsScreen #settings-title { padding: 0 1; text-style: bold; height: 1; background: $panel; }
    SettingsScreen #settings-form { height: 1fr; padding: 0 1; }
    SettingsScreen .field { height: auto; margin-top: 1; }
    SettingsScreen .field-label { width: 22; padding-top: 0; text-style: bold; }
    SettingsScreen .field Input, SettingsScreen .field Select { width: 1fr; }
    SettingsScreen .field TextArea { width: 1fr; height: 4; }
    SettingsScreen .field-help { color: $foreground 60%; padding-left: 22; height: auto; }
    SettingsScreen .field-error { color: $error; padding-left: 22; height: auto; text-style: bold; }
    SettingsScreen .field-error.-empty { display: none; }
    SettingsScreen #settings-status { padding: 0 1; height: auto; }
    SettingsScreen #support-head { margin-top: 1; height: auto; }
    """

    def __init__(self, focus: str = "my_name") -> None:
        """``focus``: the field to start on (``support_line`` opens on Settings › Support)."""
        super().__init__()
        self._initial: dict[str, Any] = {}
        self._focus = focus

    @property
    def rapp(self) -> ReboundApp:
        return cast("ReboundApp", self.app)

    @property
    def store(self) -> Store:
        return self.rapp.store

    @property
    def actions(self) -> SettingsActions:
        return SettingsActions(self.store, self.rapp.write)

    def compose(self) -> ComposeResult:
        s = self.store.settings.current()
        yield Static(literal("Settings  ·  ctrl+s saves · escape cancels"), id="settings-title")
        with VerticalScroll(id="settings-form"):
            yield from self._row("my_name", "My name", Input(s.my_name, placeholder="used in templates",
                                                             id="f-my_name", compact=True, max_length=MAX_NAME),
                                 "signs your messages; prompts can use your first name")
            yield from self._row("signature", "Signature", TextArea(s.signature, id="f-signature", compact=True,
                                                                    soft_wrap=True, tab_behavior="focus"),
                                 "added at the end of messages (several lines are fine)")
            tier = s.linkedin_tier if s.linkedin_tier in TIERS else "free"
            yield from self._row("linkedin_tier", "LinkedIn tier",
                                 Select(TIER_CHOICES, value=tier, allow_blank=False, id="f-linkedin_tier",
                                        compact=True),
                                 "sets how long a connection note may be")
            cad = s.default_cadence if s.default_cadence in CADENCES else "quarterly"
            yield from self._row("default_cadence", "Default cadence",
                                 Select([(label, key) for key, (label, _d, _k) in CADENCES.items()], value=cad,
                                        allow_blank=False, id="f-default_cadence", compact=True),
                                 "how often to keep in touch unless set otherwise")
            for f in INT_FIELDS:
                yield from self._row(f.key, f.label, NumberInput(str(getattr(s, f.key)), lo=f.lo, hi=f.hi,
                                                                 what=f.label, id=f"f-{f.key}", classes="int-field"),
                                     f.help)
            yield from self._row("use_my_name", "Prompts",
                                 Select(NAME_CHOICES, value=bool(s.use_my_name), allow_blank=False,
                                        id="f-use_my_name", compact=True),
                                 name_example(s.my_name))
            theme = s.theme if s.theme in THEME_NAMES else THEME_NAMES[0]
            yield from self._row("theme", "Theme",
                                 Select([(THEME_LABELS.get(n, n), n) for n in THEME_NAMES], value=theme,
                                        allow_blank=False, id="f-theme", compact=True),
                                 "high contrast suits bright rooms and low vision")
            yield from self._if_no_rows(s)
            yield from self._support_rows(s)
            yield from self._row("keymap", "Keys",
                                 TextArea(userkeys.text_of(s.keymap), id="f-keymap", compact=True, soft_wrap=False,
                                          tab_behavior="focus"),
                                 f"your own keys, one per line: binding id = keys (e.g. {userkeys.EXAMPLE}); "
                                 "? on a screen lists its ids")
        yield Static("", id="settings-status")
        yield Footer()

    def _if_no_rows(self, s: Settings) -> ComposeResult:
        """A plan for the next no: one of the choices, or the person's own words."""
        plan = planned(s)
        choice = plan if plan in CHOICES else (OWN_WORDS if plan else Select.NULL)
        yield from self._row("if_no_choice", "If I get a no",
                             Select(IF_NO_CHOICES, value=choice, prompt="then I… (not set)", id="f-if_no_choice",
                                    compact=True),
                             "shown the moment a no comes, and on top of its rebound plan")
        yield from self._row("if_no_own", "…in my words", Input(plan if choice == OWN_WORDS else "",
                                                                id="f-if_no_own", compact=True, max_length=MAX_PLAN,
                                                                placeholder="then I… (e.g. call my sister)"))

    def _support_rows(self, s: Settings) -> ComposeResult:
        """Settings › Support: optional, private, never shown on Today."""
        yield Static(Content.assemble(("Support", "bold underline"),
                                      ("  optional · stays on this machine · never on Today", "italic")),
                     id="support-head")
        preset = preset_line()
        yield from self._row("support_line", "Support line",
                             Input(s.support_line, id="f-support_line", compact=True, max_length=MAX_SUPPORT,
                                   placeholder="a helpline and its number"),
                             f"left empty, the preset is used: {preset}" if preset else
                             f"free lines by country: {DIRECTORY}")
        yield from self._row("support_person", "Someone I can reach",
                             Input(s.support_person, id="f-support_person", compact=True, max_length=MAX_SUPPORT,
                                   placeholder="a name and how to reach them"),
                             "a friend, family, a mentor: whoever you'd call")
        yield from self._row("support_helps", "What helps me",
                             TextArea(s.support_helps, id="f-support_helps", compact=True, soft_wrap=True,
                                      tab_behavior="focus"),
                             "a few lines: what to do, where to go, who to text when it gets heavy")

    def _row(self, key: str, label: str, widget: Widget, help_text: str = "") -> ComposeResult:
        with Horizontal(classes="field"):
            yield Static(label, classes="field-label")
            yield widget
        if help_text:
            yield Static(literal(help_text), id=f"help-{key}", classes="field-help")
        yield Static("", id=f"err-{key}", classes="field-error -empty")

    def on_mount(self) -> None:
        self._initial = self.values()
        if self._focus.startswith("support_"):  # Settings › Support: its heading at the top
            self.query_one(f"#f-{self._focus}").focus(scroll_visible=False)
            self.call_after_refresh(self.query_one("#support-head").scroll_visible, top=True, animate=False)
        else:
            found = self.query(f"#f-{self._focus}")
            (found.first() if found else self.query_one("#f-my_name", Input)).focus()

    # -- reading and checking the form

    def values(self) -> dict[str, Any]:
        """What the form says now (numbers still as typed)."""
        out: dict[str, Any] = {
            "my_name": self.query_one("#f-my_name", Input).value,
            "signature": self.query_one("#f-signature", TextArea).text,
            "linkedin_tier": self.query_one("#f-linkedin_tier", Select).value,
            "default_cadence": self.query_one("#f-default_cadence", Select).value,
            "use_my_name": self.query_one("#f-use_my_name", Select).value,
            "theme": self.query_one("#f-theme", Select).value,
            "support_line": self.query_one("#f-support_line", Input).value,
            "support_person": self.query_one("#f-support_person", Input).value,
            "support_helps": self.query_one("#f-support_helps", TextArea).text,
            "if_no_choice": self.query_one("#f-if_no_choice", Select).value,
            "if_no_own": self.query_one("#f-if_no_own", Input).value,
            "keymap": self.query_one("#f-keymap", TextArea).text,
        }
        for f in INT_FIELDS:
            out[f.key] = self.query_one(f"#f-{f.key}", Input).value
        return out

    @property
    def dirty(self) -> bool:
        return bool(self._initial) and self.values() != self._initial

    def _show_errors(self, errors: dict[str, str]) -> None:
        for err in self.query(".field-error").results(Static):
            key = (err.id or "").removeprefix("err-")
            msg = errors.get(key, "")
            err.update(literal(msg))
            err.set_class(not msg, "-empty")

    @on(Input.Changed, "#f-my_name")
    def _name_changed(self, event: Input.Changed) -> None:
        self.query_one("#help-use_my_name", Static).update(literal(name_example(event.value)))

    @on(Input.Changed, ".int-field")
    def _number_changed(self, event: Input.Changed) -> None:
        key = (event.input.id or "").removeprefix("f-")
        _, err = validate_int(event.value, INT_FIELDS_BY_KEY[key])
        box = self.query_one(f"#err-{key}", Static)
        box.update(literal(err))
        box.set_class(not err, "-empty")

    # -- saving

    def action_save(self) -> None:
        checked = check(self.values(), THEME_NAMES)
        self._show_errors(checked.errors)
        if checked.errors:
            first = next(iter(checked.errors))
            self.query_one(f"#f-{first}").focus()
            n = len(checked.errors)
            self.query_one("#settings-status", Static).update(
                literal(f"Not saved: {n} field{'s' if n != 1 else ''} to fix (marked below)."))
            return
        actions = self.actions
        changes = actions.changes(checked.clean)
        if not changes:
            self.dismiss(False)
            return
        if actions.save(changes):
            if "theme" in changes:
                self.app.theme = changes["theme"]  # already saved: the app's own save is skipped
            if "keymap" in changes:
                self.rapp.apply_user_keymap(changes["keymap"])
            self.notify("Settings saved.", title="Settings", markup=False)
            self.dismiss(True)

    def action_cancel(self) -> None:
        if not self.dirty:
            self.dismiss(False)
            return

        def decided(discard: bool | None) -> None:
            if discard:
                self.dismiss(False)

        self.app.push_screen(ConfirmDialog("Discard your changes?", "The settings you changed are not saved yet.",
                                           confirm="Discard", cancel="Keep editing", danger=True), decided)

    def save_pending(self) -> None:
        """On hang-up: keep valid changes (invalid ones can't be saved; nothing else is lost)."""
        if self.dirty:
            self.actions.keep_on_hangup(check(self.values(), THEME_NAMES))
