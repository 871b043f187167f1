"""Outreach: thank-you notes, rejection replies, feedback requests and check-ins, from templates.

``screen`` (the list; routes keys) · ``sending`` (copy, save, mailto, mark sent, each past the gate) ·
``editor`` (one draft) · ``pickers`` and ``dialogs`` (answer with typed values) · ``templates`` (the
user's own) · ``views`` (how drafts look) · ``actions`` (the work, plain Python over the store).
"""
