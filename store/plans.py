"""Plan records: the repository and the domain rules around them."""

from __future__ import annotations

from .models import Plan
from .repo import Repo


class PlanRepo(Repo[Plan]):
    pass
