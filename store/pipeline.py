"""Application records: the repository and the domain rules around them."""

from __future__ import annotations

from .models import Application
from .repo import Repo


class ApplicationRepo(Repo[Application]):
    pass
