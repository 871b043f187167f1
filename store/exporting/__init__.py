"""Moving out: every export Rebound writes, each a pure function from records to bytes.

* :mod:`.applications` — applications as a spreadsheet-safe CSV, with a date per stage;
* :mod:`.interviews` — interview dates as iCalendar events;
* :mod:`.activity` — the work-search log for a date range (CSV or Markdown);
* :mod:`.jrnl` — the journal in jrnl's text format (``jrnl --import`` reads one entry per entry);
* :mod:`.vcard` — contacts as vCard 4.0;
* :mod:`.everything` — all the data as one JSON file (``import all`` reads it back exactly);
* :mod:`.markdown` — CommonMark escaping, so user text never becomes a heading, a list or HTML.

The journal Markdown and the contacts CSV/ICS live in :mod:`store.journal_export` and
:mod:`store.contacts_export`. Writing the file (0600, never clobbering) is the caller's job.
"""
