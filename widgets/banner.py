"""A banner line (read-only mode, unsaved changes); its text is shown literally."""

from __future__ import annotations

from textual.widgets import Static

from .usertext import literal


class ReadOnlyBanner(Static):
    def set_message(self, message: str) -> None:
        self.update(literal(message))
        self.set_class(not message, "-hidden")
