"""The Journal screen: entries newest first with a reader, search and filters, and the three ways to
write (quick check-in, free write, guided reframe), plus Lessons, Trends and a Markdown export."""

from __future__ import annotations

from collections.abc import Iterable

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Static

from store.journal import (
    JournalFilter,
    SearchIndex,
    all_tags,
    apply_filter,
    entry_relief,
    headline,
    kind_label,
    linked_applications,
    match_spans,
    outside_control_count,
    parse_query,
    search,
)
from store.journal_export import default_export_path, export_store
from store.models import JOURNAL_KIND_LABELS, JOURNAL_KINDS, JournalEntry
from store.prompts import STEPS
from tui.dialogs import ChoiceDialog, ConfirmDialog, TextPromptDialog
from tui.journal.forms import CheckInForm, FreeWriteForm, JournalForm
from tui.journal.reader import EntryReaderScreen, LessonsScreen, TrendsScreen, render_entry
from tui.journal.wizard import ReframeWizard, new_reframe
from tui.shell.base import PaletteCommand, ReboundScreen
from widgets.journal_list import EntryList, EntryRow

#: The reader pane shows this much of a very long entry (enter opens all of it).
PANE_LIMIT = 6000


def rating_text(entry: JournalEntry) -> str:
    if entry.is_draft:
        return "draft"
    if entry.kind == "reframe":
        r = entry_relief(entry)
        if r is not None:
            return f"relief {round(r)}"
        return ""
    return f"mood {entry.mood}/5" if entry.mood else ""


class JournalScreen(ReboundScreen):
    SCREEN_KEY = "journal"
    SCREEN_TITLE = "Journal"
    HELP = (
        "A private reflection journal. Entries are listed newest first with the selected one in the "
        "reader below (beside it on a wide terminal).\n\n"
        "n writes something new: a quick check-in (mood 1-5, energy, a note), a free write (ctrl+e opens "
        "your $EDITOR; a 15-minute expressive-writing timer is there too), or a guided reframe: a thought "
        "record that checks the hurtful thought against the evidence and measures the relief. c, w and r "
        "start each one directly; r resumes an unfinished reframe. Drafts save themselves, so a dropped "
        "connection loses nothing.\n\n"
        "/ searches every field: every word must match (use \"quotes\" for a phrase); matches are marked "
        "in the reader. f filters by kind, tag or linked application; escape clears. L opens the Lessons "
        "list (your interview-prep list), T the trends (mood and relief; no streaks). The palette "
        "(ctrl+p) exports the journal to Markdown and switches prompts to your own name."
    )

    BINDINGS = [
        Binding("n", "new", "New", id="journal.new"),
        Binding("slash", "search", "Search", id="journal.search"),
        Binding("f", "filter", "Filter", id="journal.filter"),
        Binding("r", "reframe", "Reframe", id="journal.reframe"),
        Binding("e", "edit", "Edit", id="journal.edit"),
        Binding("d", "delete", "Delete", id="journal.delete"),
        Binding("L", "lessons", "Lessons", id="journal.lessons"),
        Binding("T", "trends", "Trends", id="journal.trends"),
        Binding("c", "checkin", "Quick check-in", show=False, id="journal.checkin"),
        Binding("w", "freewrite", "Free write", show=False, id="journal.freewrite"),
        Binding("X", "export", "Export to Markdown", show=False, id="journal.export"),
        Binding("escape", "clear", "Clear search and filters", show=False, id="journal.clear"),
    ]

    DEFAULT_CSS = """
    JournalScreen #journal-status { height: 1; padding: 0 1; background: $panel; }
    JournalScreen #journal-search { margin: 0 1; }
    JournalScreen #journal-draft { height: auto; padding: 0 1; text-style: italic; }
    JournalScreen #journal-body { height: 1fr; layout: vertical; }
    JournalScreen #journal-list { height: 45%; min-height: 4; }
    JournalScreen #journal-reader { height: 1fr; border-top: solid $primary 50%; padding: 0 1; }
    JournalScreen #journal-body.-wide { layout: horizontal; }
    JournalScreen #journal-body.-wide #journal-list { height: 1fr; width: 3fr; }
    JournalScreen #journal-body.-wide #journal-reader { width: 2fr; height: 1fr; border-top: none; border-left: solid $primary 50%; }
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.query_text = ""
        self.terms: list[str] = []
        self.flt = JournalFilter()
        self._index = SearchIndex()
        self._shown: list[JournalEntry] = []
        self._app_titles: dict[str, str] = {}
        self._app_company: dict[str, str] = {}
        self._total = 0
        self._entries: list[JournalEntry] = []

    # ------------------------------------------------------------------ layout

    def compose_body(self) -> ComposeResult:
        yield Static("", id="journal-status")
        search_box = Input(placeholder="search: every word must match, \"quotes\" for a phrase; enter → list, "
                                       "escape clears", id="journal-search", compact=True)
        search_box.display = False
        yield search_box
        yield Static("", id="journal-draft")
        with Container(id="journal-body"):
            yield EntryList(id="journal-list", empty_text="No entries yet. Press n: a quick check-in, a free "
                                                          "write, or a guided reframe.")
            with VerticalScroll(id="journal-reader"):
                yield Static("", id="reader-text")

    def on_mount(self) -> None:
        super().on_mount()  # the list fills on ScreenResume, which follows (refresh_data)
        self.query_one(EntryList).focus()

    def on_resize(self, event: events.Resize) -> None:
        self.query_one("#journal-body").set_class(event.size.width >= 120, "-wide")

    # ------------------------------------------------------------------ data

    def _app_title(self, app_id: str | None) -> str:
        if not app_id:
            return ""
        if app_id not in self._app_titles:
            company, title = self.store.journal.application_names([app_id]).get(app_id, ("", ""))
            self._app_titles[app_id] = title
            self._app_company[app_id] = company
        return self._app_titles[app_id]

    def refresh_data(self) -> None:
        """Re-read the journal and redraw the list (keeps the cursor on the same entry)."""
        self._app_titles.clear()
        self._app_company.clear()
        entries = self.store.journal.entries()
        self._entries = entries
        self._total = len(entries)
        self._apply(entries)
        self._show_drafts(entries)

    def _apply(self, entries: list[JournalEntry] | None = None, keep: str | None = None) -> None:
        if entries is None:
            entries = self._entries
        lst = self.query_one(EntryList)
        keep = keep or lst.current_key
        shown = apply_filter(entries, self.flt)
        if self.terms:
            extras = {e.id: self._app_title(e.application_id) for e in shown if e.application_id}
            shown = search(shown, self.terms, extras, self._index)
        self._shown = shown
        if not shown and (self.terms or self.flt.active):
            lst.empty_text = "Nothing matches. escape clears the search and filters."
        else:
            lst.empty_text = ("No entries yet. Press n: a quick check-in, a free write, or a guided reframe.")
        by_id = {e.id: e for e in shown}
        lst.set_source([e.id for e in shown], lambda key: self._row(by_id[key]), keep_key=keep)
        self._show_status()
        self._show_reader()

    def _row(self, e: JournalEntry) -> EntryRow:
        title = headline(e) or ("(mood only)" if e.kind == "checkin" and e.mood else "(nothing written)")
        spans = tuple(match_spans(title, self.terms)) if self.terms else ()
        if e.application_id:
            self._app_title(e.application_id)
        return EntryRow(e.id, e.entry_date, kind_label(e.kind), rating_text(e), title,
                        self._app_company.get(e.application_id or "", ""), spans, e.is_draft)

    def _show_status(self) -> None:
        parts: list = []
        n = len(self._shown)
        if self.terms or self.flt.active:
            parts.append(f"{n} of {self._total} entries")
        else:
            parts.append(f"{self._total} entr{'y' if self._total == 1 else 'ies'}")
        if self.query_text:
            parts += [" · search: ", (Content(self.query_text)).stylize("bold")]
        if self.flt.kind:
            parts += [" · kind: ", (JOURNAL_KIND_LABELS.get(self.flt.kind, self.flt.kind), "bold")]
        if self.flt.tag:
            parts += [" · tag: ", Content(self.flt.tag).stylize("bold")]
        if self.flt.application_id:
            parts += [" · application: ", Content(self._app_title(self.flt.application_id) or "?").stylize("bold")]
        if self.terms or self.flt.active:
            parts.append(("  (escape clears)", "dim"))
        else:
            parts.append(("  · n new · / search · f filter · L lessons · T trends", "dim"))
        self.query_one("#journal-status", Static).update(Content.assemble(*parts))

    def _show_drafts(self, entries: list[JournalEntry]) -> None:
        box = self.query_one("#journal-draft", Static)
        drafts = [e for e in entries if e.is_draft]
        if not drafts:
            box.display = False
            return
        reframes = self.store.journal.drafts("reframe")
        if reframes:
            d = reframes[0]
            step = max(1, min(8, d.wizard_step or 1))
            text = Content.assemble(
                "✎ Unfinished reframe from ", (d.entry_date, "bold"),
                f" (step {step} of 8: {STEPS[step - 1][1]}). Press ", ("r", "bold"), " to resume it.")
            if len(drafts) > 1:
                text = text + Content(f" {len(drafts)} drafts in all, marked 'draft' in the list.")
        else:
            text = Content.assemble(f"✎ {len(drafts)} unfinished draft{'s' if len(drafts) > 1 else ''}, "
                                    "marked 'draft' in the list: ", ("enter", "bold"), " carries on.")
        box.update(text)
        box.display = True

    def current_entry(self) -> JournalEntry | None:
        key = self.query_one(EntryList).current_key
        return self.store.journal.get(key) if key else None

    def _show_reader(self) -> None:
        entry = self.current_entry()
        reader = self.query_one("#reader-text", Static)
        if entry is None:
            if self._total:
                reader.update("")
            else:
                reader.update(Content.assemble(
                    ("A private place for the hard days.", "bold"), "\n\n",
                    "A quick check-in takes ten seconds. A free write lets it out. A guided reframe takes the "
                    "thought that hurts (\"I'm unemployable\") and checks it against the evidence, then shows "
                    "how much lighter it feels.\n\n", ("n", "bold"), " to start · ", ("?", "bold"), " for help"))
            return
        shown = entry
        if len(entry.body) > PANE_LIMIT:
            shown = entry.copy()
            shown.body = entry.body[:PANE_LIMIT] + "\n…"
        content = render_entry(shown, app_title=self._app_title(entry.application_id), terms=self.terms)
        if shown is not entry:
            content = content + Content.assemble(("\n(enter shows the whole entry)", "dim"))
        reader.update(content)
        self.query_one("#journal-reader", VerticalScroll).scroll_home(animate=False)

    # ------------------------------------------------------------------ list events

    def on_entry_list_highlighted(self, event: EntryList.Highlighted) -> None:
        self._show_reader()

    def on_entry_list_selected(self, event: EntryList.Selected) -> None:
        entry = self.store.journal.get(event.key) if event.key else None
        if entry is None:
            return
        if entry.is_draft:
            self.open_form(entry)
            return
        content = render_entry(entry, app_title=self._app_title(entry.application_id), terms=self.terms)

        def closed(result: str | None) -> None:
            if result == "edit":
                self.action_edit()

        self.app.push_screen(EntryReaderScreen(content), closed)

    # ------------------------------------------------------------------ search

    def action_search(self) -> None:
        box = self.query_one("#journal-search", Input)
        box.display = True
        box.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "journal-search":
            return
        self.set_search(event.value)

    def set_search(self, text: str) -> None:
        self.query_text = text.strip()
        self.terms = parse_query(text)
        self._apply(self._entries)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "journal-search":
            event.stop()
            self.query_one(EntryList).focus()

    def action_clear(self) -> None:
        box = self.query_one("#journal-search", Input)
        had = bool(self.query_text or self.flt.active or box.display)
        self.query_text, self.terms, self.flt = "", [], JournalFilter()
        if box.value:
            with box.prevent(Input.Changed):
                box.value = ""
        box.display = False
        self.query_one(EntryList).focus()
        if had:
            self._apply()

    # ------------------------------------------------------------------ filters

    def action_filter(self) -> None:
        choices = [("kind", "By kind (check-in, free write, reframe)"), ("tag", "By tag"),
                   ("app", "By linked application")]
        if self.flt.active:
            choices.append(("clear", "Clear the filters"))
        self.app.push_screen(ChoiceDialog("Filter the journal", choices), self._filter_chosen)

    def _filter_chosen(self, which: str | None) -> None:
        if which == "kind":
            self.filter_by_kind()
        elif which == "tag":
            self.filter_by_tag()
        elif which == "app":
            self.filter_by_application()
        elif which == "clear":
            self.set_filter(JournalFilter())

    def set_filter(self, flt: JournalFilter) -> None:
        self.flt = flt
        self._apply()

    def filter_by_kind(self) -> None:
        choices = [(k, JOURNAL_KIND_LABELS[k]) for k in JOURNAL_KINDS] + [("", "Any kind")]

        def chosen(kind: str | None) -> None:
            if kind is not None:
                self.set_filter(JournalFilter(kind or None, self.flt.tag, self.flt.application_id))

        self.app.push_screen(ChoiceDialog("Show only", choices, selected=self.flt.kind or ""), chosen)

    def filter_by_tag(self) -> None:
        tags = all_tags(self.store.journal.all())
        if not tags:
            self.notify("No entry has tags yet. Add them in a check-in or free write.", markup=False)
            return
        choices = [(t, f"{t} ({n})") for t, n in tags[:300]] + [("", "Any tag")]

        def chosen(tag: str | None) -> None:
            if tag is not None:
                self.set_filter(JournalFilter(self.flt.kind, tag or None, self.flt.application_id))

        self.app.push_screen(ChoiceDialog("Entries tagged", choices, selected=self.flt.tag or ""), chosen)

    def filter_by_application(self) -> None:
        linked = linked_applications(self.store.journal.all())
        if not linked:
            self.notify("No entry is linked to an application yet. A guided reframe can link one.", markup=False)
            return
        choices = [(app_id, f"{self._app_title(app_id) or '(removed application)'} ({n})")
                   for app_id, n in linked[:300]] + [("", "Any application")]

        def chosen(app_id: str | None) -> None:
            if app_id is not None:
                self.set_filter(JournalFilter(self.flt.kind, self.flt.tag, app_id or None))

        self.app.push_screen(ChoiceDialog("Entries linked to", choices, selected=self.flt.application_id or ""),
                             chosen)

    # ------------------------------------------------------------------ writing

    def _form_open(self) -> JournalForm | None:
        for screen in self.app.screen_stack:
            if isinstance(screen, JournalForm):
                return screen
        return None

    def open_form(self, entry: JournalEntry, *, finished_before: bool = False, timed: bool = False) -> None:
        if self._form_open() is not None:
            self.notify("A journal entry is already open.", markup=False)
            return
        if self.store.read_only:
            self.notify(self.store.read_only_reason or "This session is read-only.", title="Not changed",
                        severity="warning", markup=False)
            return
        if entry.kind == "reframe":
            form: JournalForm = ReframeWizard(entry, finished_before=finished_before)
        elif entry.kind == "freewrite":
            form = FreeWriteForm(entry, finished_before=finished_before, timed=timed)
        else:
            form = CheckInForm(entry, finished_before=finished_before)
        self.app.push_screen(form, self._form_closed)

    def _form_closed(self, entry_id: str | None) -> None:
        self.refresh_data()
        if entry_id:
            self.query_one(EntryList).move_to_key(entry_id)
        self.query_one(EntryList).focus()

    def action_new(self) -> None:
        choices = []
        draft = self.store.journal.latest_draft("reframe")
        if draft:
            choices.append(("resume", f"Resume the unfinished reframe from {draft.entry_date}"))
        choices += [("checkin", "Quick check-in: mood, energy, a note  (c)"),
                    ("freewrite", "Free write  (w)"),
                    ("expressive", "Expressive writing: free write with a 15-minute timer"),
                    ("reframe", "Guided reframe: check a hurtful thought against the evidence  (r)")]
        self.app.push_screen(ChoiceDialog("Write something new", choices), self._new_chosen)

    def _new_chosen(self, which: str | None) -> None:
        if which == "resume":
            self.start_reframe()
        elif which == "checkin":
            self.action_checkin()
        elif which == "freewrite":
            self.action_freewrite()
        elif which == "expressive":
            self.open_form(JournalEntry(kind="freewrite", is_draft=True), timed=True)
        elif which == "reframe":
            self.open_form(new_reframe(self.store))

    def action_checkin(self) -> None:
        self.open_form(JournalEntry(kind="checkin", is_draft=True))

    def action_freewrite(self) -> None:
        self.open_form(JournalEntry(kind="freewrite", is_draft=True))

    def action_reframe(self) -> None:
        self.start_reframe()

    def start_reframe(self, application_id: str | None = None) -> None:
        """Open the guided reframe: resume the draft (for this application, if given), else start one
        linked to ``application_id`` (else to the latest rejection)."""
        if isinstance(self._form_open(), ReframeWizard):
            self.notify("The reframe is already open.", markup=False)
            return
        draft = self.store.journal.latest_draft("reframe", application_id=application_id)
        if draft is not None:
            self.notify(f"Resuming your unfinished reframe from {draft.entry_date}.", markup=False)
            self.open_form(draft)
            return
        self.open_form(new_reframe(self.store, application_id))

    def show_entry(self, entry_id: str) -> None:
        """Select this entry in the list (clearing a search or filter that hides it)."""
        entry = self.store.journal.get(entry_id)
        if entry is None:
            self.notify("That journal entry is no longer there.", markup=False)
            return
        lst = self.query_one(EntryList)
        if lst.index_of(entry_id) is None:
            self.action_clear()
            self.refresh_data()
        lst.move_to_key(entry_id)
        lst.focus()
        self._show_reader()

    def action_edit(self) -> None:
        entry = self.current_entry()
        if entry is None:
            self.notify("No entry selected.", markup=False)
            return
        self.open_form(entry, finished_before=not entry.is_draft)

    def action_delete(self) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        what = f"{entry.entry_date} · {kind_label(entry.kind)}: {headline(entry) or '(nothing written)'}"

        def decided(ok: bool | None) -> None:
            if ok and self.rapp.write(self.store.journal.delete, entry.id):
                self.notify("Entry deleted.", markup=False)
                self.refresh_data()

        self.app.push_screen(ConfirmDialog("Delete this entry?", what[:300] + "\n\nThis can't be undone "
                                           "(except from a backup).", confirm="Delete", danger=True), decided)

    # ------------------------------------------------------------------ lessons, trends, export

    def action_lessons(self) -> None:
        entries = self.store.journal.all()

        def chosen(entry_id: str | None) -> None:
            if entry_id:
                self.show_entry(entry_id)

        def company(app_id: str | None) -> str:
            self._app_title(app_id)
            return self._app_company.get(app_id or "", "")

        self.app.push_screen(LessonsScreen(self.store.journal.lessons(), outside_control_count(entries),
                                           company), chosen)

    def action_trends(self) -> None:
        self.app.push_screen(TrendsScreen(self.store.journal.trends()))

    def action_export(self) -> None:
        path = default_export_path(self.store.data_dir)
        if path.exists():
            def decided(ok: bool | None) -> None:
                if ok:
                    self._export(path)

            self.app.push_screen(ConfirmDialog("Replace the export?", f"{path} already exists (from today).",
                                               confirm="Replace", cancel="Keep it"), decided)
            return
        self._export(path)

    def _export(self, path) -> None:
        try:
            written, count = export_store(self.store, path)
        except OSError as exc:
            self.notify(f"Could not write {path}: {exc.strerror or exc}", title="Export", severity="error",
                        markup=False)
            return
        self.notify(f"Exported {count} entr{'y' if count == 1 else 'ies'} to {written} (readable only by you).",
                    title="Export", markup=False, timeout=12)

    def action_use_my_name(self) -> None:
        s = self.store.settings.current()
        if s.use_my_name:
            if self.rapp.write(self.store.settings.update, use_my_name=False):
                self.notify("Prompts speak to you as 'you' again.", markup=False)
            return
        if s.my_name.strip():
            if self.rapp.write(self.store.settings.update, use_my_name=True):
                self.notify(f"Prompts now use your name ({s.my_name.split()[0]}).", markup=False)
            return

        def named(name: str | None) -> None:
            if name and name.strip() and self.rapp.write(self.store.settings.update, my_name=name.strip(),
                                                         use_my_name=True):
                self.notify("Prompts now use your name.", markup=False)

        self.app.push_screen(TextPromptDialog(
            "Your first name", "Prompts will talk to you by name (\"What does Alex need right now?\"); "
            "stepping back like this makes hard moments easier to look at.",
            validate=lambda v: None if v.strip() else "Type a name (or escape)."), named)

    # ------------------------------------------------------------------ the rest of the app

    def palette_commands(self) -> Iterable[PaletteCommand]:
        s = self.store.settings.current()
        yield PaletteCommand("Journal: new quick check-in", "Mood 1-5, energy, a note (c)", self.action_checkin)
        yield PaletteCommand("Journal: new free write", "Write freely; ctrl+e for $EDITOR (w)", self.action_freewrite)
        yield PaletteCommand("Journal: expressive writing (15-minute timer)", "A timed free write",
                             lambda: self._new_chosen("expressive"))
        yield PaletteCommand("Journal: guided reframe", "Start a thought record, or resume the unfinished one (r)",
                             self.start_reframe)
        yield PaletteCommand("Journal: search", "Every word must match; matches are marked (/)", self.action_search)
        yield PaletteCommand("Journal: filter by kind", "Check-ins, free writes or reframes", self.filter_by_kind)
        yield PaletteCommand("Journal: filter by tag", "Entries with a tag", self.filter_by_tag)
        yield PaletteCommand("Journal: filter by application", "Entries linked to an application",
                             self.filter_by_application)
        yield PaletteCommand("Journal: clear search and filters", "Show every entry (escape)", self.action_clear)
        yield PaletteCommand("Journal: lessons", "Every lesson with its source entry (L)", self.action_lessons)
        yield PaletteCommand("Journal: trends", "Mood over 30/90 days, relief per record (T)", self.action_trends)
        yield PaletteCommand("Journal: export to Markdown", "Write the journal to the exports folder (X)",
                             self.action_export)
        yield PaletteCommand("Journal: edit entry", "Edit the selected entry (e)", self.action_edit)
        yield PaletteCommand("Journal: delete entry", "Delete the selected entry, after asking (d)", self.action_delete)
        if s.use_my_name:
            yield PaletteCommand("Journal: prompts say 'you'", "Stop using your name in prompts",
                                 self.action_use_my_name)
        else:
            yield PaletteCommand("Journal: prompts use my name", "Distanced voice: 'What does Alex need?'",
                                 self.action_use_my_name)

    def save_pending(self) -> None:
        """Keep what is typed in an open journal form (called when the session drops)."""
        try:
            stack = self.app.get_screen_stack(self.SCREEN_KEY)
        except Exception:
            stack = self.app.screen_stack
        for screen in list(stack):
            if isinstance(screen, JournalForm):
                screen.save_pending()
