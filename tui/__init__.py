"""The Textual app: screens, dialogs, palette commands, and the command-line entry (``main``)."""
