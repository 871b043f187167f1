"""A banner line (read-only mode, unsaved changes); its text is shown literally."""

from __future__ import annotations

from textual.widgets import Static

from .usertext import literal


class ReadOnlyBanner(Static):
    #: The text shown (None: never set).
    message: str | None = None

    def set_message(self, message: str) -> None:
        """Show ``message`` (hidden when empty). The same text again changes nothing: every return to
        a screen sets it, and an update would lay the whole screen out again after its first frame."""
        if message == self.message:
            return
        self.message = message
        self.update(literal(message))
        self.set_class(not message, "-hidden")
