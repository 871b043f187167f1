"""Outreach drafts and templates: the repositories and the composer's rules."""

from __future__ import annotations

from .models import Draft, Template
from .repo import Repo


class DraftRepo(Repo[Draft]):
    pass


class TemplateRepo(Repo[Template]):
    pass
