"""Moving in and out from the app: every import and export of ``rebound-tui import|export`` in the
palette on every screen, each import with a preview before its one write.

* ``palette`` — the palette's commands (the shell lists them on every screen);
* ``flows`` — what a command asks, in order, then one call of the actions;
* ``actions`` — :class:`~tui.transfer.actions.TransferActions`: saving an import, writing an export
  (plain Python);
* ``reading`` — reading and planning a file without the UI (run in a thread worker);
* ``preview`` — the preview dialog; ``ask`` — its questions (columns, stage names, dates);
* ``samename`` — LinkedIn rows that share a name with a contact you have: same person or not.

The importers and exporters themselves live in :mod:`store.importing` and :mod:`store.exporting`.
"""
