"""Contacts and touchpoints: the repositories and the cadence rules."""

from __future__ import annotations

from .models import Contact, Touchpoint
from .repo import Repo


class ContactRepo(Repo[Contact]):
    pass


class TouchpointRepo(Repo[Touchpoint]):
    pass
