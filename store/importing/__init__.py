"""Moving in: imports from other tools, each planned first (nothing saved) and applied in one write.

* :mod:`.applications` — a spreadsheet CSV, Huntr or JobSync (column mapping, stage names, dedupe);
* :mod:`.journal` — jrnl's JSON export and its plain-text format;
* :mod:`.vcard` — contacts from vCard 3.0/4.0 (Monica, Apple, Google), read with vobject;
* :mod:`.everything` — Rebound's own ``export all`` file, into an empty data folder.

Every importer returns a :class:`.common.ImportPlan`: what would be added, updated, left unchanged
and skipped (one clear line per skipped row), which the CLI prints as the preview. LinkedIn's
Connections.csv has its own module, :mod:`store.linkedin`.
"""
