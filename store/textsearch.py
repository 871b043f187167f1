"""Search texts prepared for a query typed a key at a time (issue 16: a keystroke's answer in a frame).

:class:`PreparedTexts` holds one lower-cased text per record (the caller's order) and answers which
of them hold every term of a query, as :func:`store.journal.search` and the board's filter would,
only sooner:

* the first keystroke is a single letter or digit: which texts hold each one is worked out ahead
  (:meth:`PreparedTexts.prepare_letters`, in idle time), so its answer is a lookup, not a scan of
  every text;
* a query that grows (each earlier term inside one of the new terms) can only narrow: only the texts
  the last answer let through are looked at again.
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from itertools import compress, repeat
from operator import contains
from typing import TypeVar

T = TypeVar("T")

#: The single characters whose matches :meth:`PreparedTexts.prepare_letters` works out ahead.
LETTERS = string.ascii_lowercase + string.digits


class PreparedTexts:
    """Lower-cased texts (one per record, in order) searched for terms (lower-cased)."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        #: For each of :data:`LETTERS`, one byte per text: 1 when the text holds it.
        self._letters: dict[str, bytes] = {}
        #: The last query's terms and what it found: the indices, or a letter's bytes.
        self._last: tuple[list[str], list[int] | bytes] | None = None

    def prepare_letters(self) -> None:
        """Which texts hold each letter and digit (a pass per character over all texts, in C)."""
        if not self._letters:
            texts = self.texts
            self._letters = {c: bytes(map(contains, texts, repeat(c))) for c in LETTERS}

    def matching(self, terms: Sequence[str]) -> list[int]:
        """The indices (in order) of the texts holding every term; all of them when there is none."""
        return self.pick(range(len(self.texts)), terms)

    def pick(self, items: Sequence[T], terms: Sequence[str]) -> list[T]:
        """The items (one per text, in the texts' order) whose texts hold every term; all of them when
        there is none. A prepared letter picks them in one pass in C."""
        texts = self.texts
        if not terms:
            return list(items)
        mask = self._letters.get(terms[0]) if len(terms) == 1 else None
        if mask is not None:
            self._last = (list(terms), mask)
            return list(compress(items, mask))
        last = self._last
        if last is not None and all(any(old in new for new in terms) for old in last[0]):
            pool = last[1] if isinstance(last[1], list) else compress(range(len(texts)), last[1])
            found = [i for i in pool if all(t in texts[i] for t in terms)]
        elif len(terms) == 1:
            term = terms[0]
            found = [i for i, text in enumerate(texts) if term in text]
        else:
            found = [i for i, text in enumerate(texts) if all(t in text for t in terms)]
        self._last = (list(terms), found)
        return [items[i] for i in found]
