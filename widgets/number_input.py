"""A whole-number field: only the digits 0-9 go in (typed or pasted), so "seventy" can never be
saved as "not measured". Anything else is refused out loud: a short toast says what the field takes
(at most one every few seconds, however many keys were refused), and the terminal bell rings.

ASCII digits only: ``²`` or ``٣`` pass ``str.isdigit`` but are not what anyone meant by a rating.
The range is the form's to check (it says so beside the field); this field only keeps letters out.
"""

from __future__ import annotations

import time

from textual.widgets import Input

from widgets.quick_form import compact as quietly_compact

#: Seconds between two "numbers only" toasts from the same field.
QUIET_FOR = 3.0


class NumberInput(Input):
    """An :class:`~textual.widgets.Input` for a whole number from ``lo`` to ``hi`` (see the module
    docstring). ``percent``: a trailing ``%`` is allowed too ("70%")."""

    def __init__(self, value: str = "", *, lo: int, hi: int, what: str = "", percent: bool = False,
                 placeholder: str = "", id: str | None = None, classes: str | None = None,
                 compact: bool = True) -> None:
        one_digit = 0 <= lo <= hi <= 9  # the range itself is what goes in ("9" is refused for 1-5)
        pattern = f"[{lo}-{hi}]?" if one_digit else "[0-9]*"
        super().__init__(value, placeholder=placeholder or f"{lo}-{hi}", restrict=pattern + ("%?" if percent else ""),
                         max_length=len(str(hi)) + (1 if percent else 0), id=id, classes=classes)
        if compact:
            quietly_compact(self)
        self.lo, self.hi, self.what = lo, hi, what
        self._said_at = -QUIET_FOR

    @property
    def refusal(self) -> str:
        """What the toast says when a key is refused."""
        return f"{self.what or 'This field'} takes a number from {self.lo} to {self.hi}: digits only."

    def restricted(self) -> None:
        self.app.bell()
        now = time.monotonic()
        if now - self._said_at >= QUIET_FOR:
            self._said_at = now
            self.notify(self.refusal, title="Numbers only", severity="warning", timeout=4, markup=False)
