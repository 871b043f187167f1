"""JournalEntry records: the repository and the domain rules around them."""

from __future__ import annotations

from .models import JournalEntry
from .repo import Repo


class JournalRepo(Repo[JournalEntry]):
    pass
