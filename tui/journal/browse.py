"""Browsing the journal: the list of entries newest first, the reader pane beside it, search and
filters. :class:`JournalBrowser` is the half of the Journal screen that shows; the screen itself
(:mod:`tui.journal.screen`) adds writing, lessons, trends and export.
"""

from __future__ import annotations

from enum import StrEnum

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Container, VerticalScroll
from textual.widgets import Input, Static

from store import clock
from store.journal import (
    JournalFilter,
    SearchIndex,
    all_tags,
    apply_filter,
    linked_applications,
    parse_query,
    search,
)
from store.models import JOURNAL_KIND_LABELS, JOURNAL_KINDS, JournalEntry
from store.textsearch import PreparedTexts
from tui.dialogs import ChoiceDialog
from tui.journal.actions import JournalActions
from tui.journal.panes import (
    EMPTY_LIST,
    NOTHING_MATCHES,
    WELCOME,
    drafts_text,
    entry_row,
    pane_content,
    status_text,
)
from tui.shell.base import ReboundScreen
from widgets.hanging import Hanging
from widgets.journal_list import EntryList, EntryRow
from widgets.live_input import LiveInput


class FilterBy(StrEnum):
    """The choices of ``f``."""

    KIND = "kind"
    TAG = "tag"
    APPLICATION = "app"
    CLEAR = "clear"


class JournalBrowser(ReboundScreen):
    """The list, the reader pane, search and filters (no writing: see :class:`JournalScreen`)."""

    def __init__(self) -> None:
        super().__init__()
        self.query_text = ""
        self.terms: list[str] = []
        self.flt = JournalFilter()
        self._index = SearchIndex()
        #: How many entries the list shows, and the day its rows' dates are shown from.
        self._shown_count = 0
        self._day = clock.today()
        self._app_titles: dict[str, str] = {}
        self._app_company: dict[str, str] = {}
        self._total = 0
        self._entries: list[JournalEntry] = []
        #: ``_entries``' ids in the same order, and each entry by its id (None until a row is drawn).
        self._ids: list[str] = []
        self._by_id: dict[str, JournalEntry] | None = None
        #: The reader pane waits for the frame after a search keystroke (see ``_apply``).
        self._reader_pending = False
        #: Entry id → its linked application's title (what the search looks in besides the entry),
        #: for ``_entries``; None until a search needs it.
        self._extras: dict[str, str] | None = None
        #: Each of ``_entries``' search text, in the same order (what ``search`` compares), or None.
        self._prepared: PreparedTexts | None = None
        #: What the reader pane was last drawn from (entry, its application's title, terms, day).
        self._reader_shows: tuple[object, ...] | None = None
        #: What the list was last read from (see :meth:`_source_key`), or None.
        self._read_from: tuple[object, ...] | None = None
        #: The journal's version when ``_entries`` were read.
        self._entries_version = -1

    @property
    def actions(self) -> JournalActions:
        return JournalActions(self.store, self.rapp.write)

    # ------------------------------------------------------------------ layout

    def compose_body(self) -> ComposeResult:
        yield Static("", id="journal-status")
        search_box = LiveInput(placeholder="search: every word must match, \"quotes\" for a phrase; enter → list, "
                                           "escape clears", id="journal-search", compact=True, answer=self.set_search)
        search_box.display = False
        yield search_box
        yield Static("", id="journal-draft")
        with Container(id="journal-body"):
            yield EntryList(id="journal-list", empty_text=EMPTY_LIST)
            with VerticalScroll(id="journal-reader"):
                yield Static("", id="reader-text")

    def on_mount(self) -> None:
        super().on_mount()
        self.refresh_data()  # now, for a screen the warm-up builds ahead; the visit's ScreenResume then finds it done
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

    def _company(self, app_id: str | None) -> str:
        self._app_title(app_id)
        return self._app_company.get(app_id or "", "")

    def _source_key(self) -> tuple[object, ...]:
        """What the list and the reader are made from: the entries, their applications' names, the
        settings, and the day."""
        return (self.store.versions("journal", "applications", "settings"), clock.today())

    def refresh_data(self) -> None:
        """Re-read the journal and redraw the list (keeps the cursor on the same entry). Nothing to do
        when nothing it is made from changed since (coming back to the screen, say); when only the
        applications or the settings did, the entries already read are shown again (their
        applications' names and the search texts are looked up afresh)."""
        key = self._source_key()
        if key == self._read_from:
            return
        journal = self.store.table_version("journal")
        same_entries = self._read_from is not None and self._entries_version == journal
        self._read_from, self._entries_version = key, journal
        self._app_titles.clear()
        self._app_company.clear()
        entries = self._entries if same_entries else self.store.journal.entries()
        self._entries = entries
        self._extras = self._prepared = self._by_id = None
        self._ids = [e.id for e in entries]
        self._total = len(entries)
        self._apply(entries)
        self._show_drafts(entries)

    def _apply(self, entries: list[JournalEntry] | None = None, keep: str | None = None, *,
               reader_later: bool = False) -> None:
        """Show the entries the search and filters let through. ``reader_later``: the reader pane
        follows right after the frame that shows the list (a search keystroke paints its count and
        list first; the pane, its matches marked, is the costly part of that frame)."""
        if entries is None:
            entries = self._entries
        lst = self.query_one(EntryList)
        keep = keep or lst.current_key
        terms, prepared = self.terms, self._prepared
        if terms and prepared is not None and entries is self._entries and not self.flt.active:
            # a search keystroke: the prepared texts (a first letter looked up, a longer query
            # narrowing the last answer), the ids picked directly
            keys = prepared.pick(self._ids, terms)
        else:
            shown = apply_filter(entries, self.flt)
            if terms:
                shown = search(shown, terms, self._search_extras(), self._index)
            keys = [e.id for e in shown]
        self._shown_count = len(keys)
        self._day = clock.today()  # the rows' dates, asked of the clock once, not per row
        lst.empty_text = NOTHING_MATCHES if not keys and (self.terms or self.flt.active) else EMPTY_LIST
        lst.set_source(keys, self._make_row, keep_key=keep)
        # one line high whatever it says (see the screen's CSS): no layout pass for a new count
        self.query_one("#journal-status", Static).update(
            status_text(self._shown_count, self._total, self.query_text, self.flt, self._app_title), layout=False)
        if reader_later:
            self._reader_pending = True
            self.call_after_refresh(self._show_reader)
        else:
            self._show_reader()

    def _make_row(self, key: str) -> EntryRow:
        """The list's row for entry ``key`` (one of ``_entries``), built when the list draws it."""
        if self._by_id is None:
            self._by_id = {e.id: e for e in self._entries}
        return self._row(self._by_id[key])

    def _search_extras(self) -> dict[str, str]:
        if self._extras is None:
            self._extras = {e.id: self._app_title(e.application_id) for e in self._entries if e.application_id}
        return self._extras

    def prepare_search(self) -> None:
        """Every entry's search text, and which hold each letter and digit, computed now (right after
        ``/`` shows the box): the first keystroke then looks its letter up (see store.textsearch)."""
        if self._prepared is None:
            extras = self._search_extras()
            self._prepared = PreparedTexts([self._index.haystack(e, extras.get(e.id, "")) for e in self._entries])
            self._prepared.prepare_letters()

    def _row(self, e: JournalEntry) -> EntryRow:
        return entry_row(e, self.terms, self._company(e.application_id) if e.application_id else "", self._day)

    def _show_drafts(self, entries: list[JournalEntry]) -> None:
        box = self.query_one("#journal-draft", Static)
        drafts = sum(1 for e in entries if e.is_draft)
        if not drafts:
            box.display = False
            return
        reframes = self.store.journal.drafts("reframe")
        box.update(drafts_text(drafts, reframes[0] if reframes else None))
        box.display = True

    def current_entry(self) -> JournalEntry | None:
        key = self.query_one(EntryList).current_key
        return self.store.journal.get(key) if key else None

    def _show_reader(self) -> None:
        self._reader_pending = False
        entry = self.current_entry()
        reader = self.query_one("#reader-text", Static)
        if entry is None:
            self._reader_shows = None
            reader.update("" if self._total else WELCOME)
            return
        title = self._app_title(entry.application_id)
        # A search keystroke shows the reader once from the list's update and once from its
        # highlight: the second (same entry, same words) only scrolls home, as it always did.
        shows = (entry, title, tuple(self.terms), clock.today())
        if shows != self._reader_shows:
            self._reader_shows = shows
            reader.update(Hanging.of(pane_content(entry, title, self.terms)))
        self.query_one("#journal-reader", VerticalScroll).scroll_home(animate=False)

    def on_entry_list_highlighted(self, event: EntryList.Highlighted) -> None:
        if not self._reader_pending:  # else the pane is drawn right after the frame (``_apply``)
            self._show_reader()

    # ------------------------------------------------------------------ search

    def action_search(self) -> None:
        box = self.query_one("#journal-search", Input)
        box.display = True
        box.focus()
        self.call_after_refresh(self.prepare_search)  # right after the box shows

    def set_search(self, text: str) -> None:
        """The search box's text changed (typed, pasted, deleted): called inside the change, so the
        frame that shows the character shows the list it leaves (see :mod:`widgets.live_input`)."""
        self.query_text = text.strip()
        self.terms = parse_query(text)
        self._apply(self._entries, reader_later=True)

    @on(Input.Submitted, "#journal-search")
    def _search_submitted(self, event: Input.Submitted) -> None:
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
        choices = [(FilterBy.KIND.value, "By kind (check-in, free write, reframe)"), (FilterBy.TAG.value, "By tag"),
                   (FilterBy.APPLICATION.value, "By linked application")]
        if self.flt.active:
            choices.append((FilterBy.CLEAR.value, "Clear the filters"))
        self.app.push_screen(ChoiceDialog("Filter the journal", choices), self._filter_chosen)

    def _filter_chosen(self, which: str | None) -> None:
        if which is None:
            return
        match FilterBy(which):
            case FilterBy.KIND:
                self.filter_by_kind()
            case FilterBy.TAG:
                self.filter_by_tag()
            case FilterBy.APPLICATION:
                self.filter_by_application()
            case FilterBy.CLEAR:
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

