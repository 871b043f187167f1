"""Message templates: the built-in ones (one per kind, written for Rebound) and the user's own.

Built-in templates are constants, never stored: they can't be edited or deleted, only duplicated
into the ``templates`` table, where the copy is the user's to change. For each kind, the composer
uses the user's most recently edited template of that kind, else the built-in one.

Template text uses placeholders such as ``{{ contact.first_name }}`` (see
:data:`store.outreach.PLACEHOLDERS`) and manual slots such as ``{{ ask("one specific thing you
discussed") }}`` that the user must fill in before the message can be copied.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import TemplateError
from .models import DRAFT_KINDS, Template, new_id
from .repo import Repo

if TYPE_CHECKING:
    pass

BUILTIN_PREFIX = "builtin-"

KIND_LABELS = {
    "thank-you": "Thank-you after an interview",
    "rejection reply": "Reply to a rejection",
    "feedback request": "Feedback request",
    "connection note": "LinkedIn connection note",
    "check-in": "Quarterly check-in",
    "holiday greeting": "Holiday greeting",
    "congratulations": "Congratulations",
    "article": "Sharing an article",
    "reconnect": "Reconnecting after a long silence",
    "interviewer thanks": "Interviewer thanks after a no",
    "feedback thanks": "Thanks for the feedback",
    "close the loop": "Closing the loop (no answer)",
    "runner-up": "Runner-up: if plans change",
    "other": "Blank message",
}


@dataclass(frozen=True)
class Guidance:
    """Soft length guidance for a kind (words), used when the channel has no hard limit."""

    low: int
    high: int
    text: str


GUIDANCE: dict[str, Guidance] = {
    "thank-you": Guidance(100, 200, "3–5 short sentences, about 150–200 words at most"),
    "rejection reply": Guidance(40, 120, "one short paragraph, about 60–120 words"),
    "feedback request": Guidance(40, 120, "2–4 sentences, one or two narrow questions"),
    "connection note": Guidance(10, 50, "one or two sentences"),
    "check-in": Guidance(40, 120, "50–120 words"),
    "holiday greeting": Guidance(20, 80, "2–4 sentences"),
    "congratulations": Guidance(10, 60, "1–3 sentences"),
    "article": Guidance(25, 100, "2–4 sentences plus the link"),
    "reconnect": Guidance(50, 150, "short: 60–150 words"),
    "interviewer thanks": Guidance(30, 100, "3–4 sentences, about 50–100 words"),
    "feedback thanks": Guidance(20, 80, "2–4 sentences"),
    "close the loop": Guidance(30, 100, "one short paragraph, about 50–100 words"),
    "runner-up": Guidance(40, 120, "50–120 words"),
    "other": Guidance(0, 0, ""),
}

_SIGN = '{{ me.signature | default(me.name) }}'

_BUILTINS: list[Template] = [
    Template(
        id=BUILTIN_PREFIX + "thank-you", name=KIND_LABELS["thank-you"], kind="thank-you", channel="email",
        subject="Thank you — {{ app.role }} interview",
        body=(
            "Hi {{ contact.first_name }},\n\n"
            "Thank you for talking with me "
            "{{ app.interview_when | default(ask(\"when you spoke, e.g. this morning\")) }} about the "
            "{{ app.role }} role at {{ app.company }}. I especially enjoyed "
            "{{ ask(\"one specific thing you discussed\") }}.\n\n"
            "{{ ask(\"why that makes you a good fit, in one sentence\") }}\n\n"
            "Thanks again for your time.\n\n"
            "Best regards,\n" + _SIGN + "\n"
        ),
        length_hint="Email, " + GUIDANCE["thank-you"].text + ". One note per interviewer, never a group email.",
        timing_hint="Within 24 hours: the same evening or the next morning.",
    ),
    Template(
        id=BUILTIN_PREFIX + "rejection reply", name=KIND_LABELS["rejection reply"], kind="rejection reply",
        channel="email",
        subject="Re: {{ app.role }} at {{ app.company }}",
        body=(
            "Hi {{ contact.first_name }},\n\n"
            "Thank you for letting me know, and for your time through the process at {{ app.company }}. "
            "I enjoyed "
            "{{ ask(\"one specific good thing about the process\") }}.\n\n"
            "If you can share it, one thing would help me: {{ ask(\"one narrow question, e.g. was there one "
            "area where the other candidates were stronger?\") }} A line or two is plenty, and no reply is "
            "needed if you can't.\n\n"
            "I'd be glad to stay in touch.\n\n"
            "All the best,\n" + _SIGN + "\n"
        ),
        length_hint=("Email, in the same thread, to the person who told you: " + GUIDANCE["rejection reply"].text
                     + ", one thanks and one question (no second email for feedback). No pushback, no blame."),
        timing_hint="When the cool-off ends: the next day is soon enough.",
    ),
    Template(
        id=BUILTIN_PREFIX + "feedback request", name=KIND_LABELS["feedback request"], kind="feedback request",
        channel="email",
        subject="A quick question about the {{ app.role }} process",
        body=(
            "Hi {{ contact.first_name }},\n\n"
            "Thanks again for considering me for the {{ app.role }} role. If you have a minute, I'd "
            "value one piece of feedback: {{ ask(\"one narrow question, e.g. what is one thing I could have "
            "done better in the final round?\") }}\n\n"
            "I understand if that isn't possible, and there's no need to reply if not. Either way, "
            "thank you.\n\n"
            "Best,\n" + _SIGN + "\n"
        ),
        length_hint="Email, " + GUIDANCE["feedback request"].text + "; easy to decline.",
        timing_hint="24–48 hours after the rejection, while the details are fresh (within a week).",
    ),
    Template(
        id=BUILTIN_PREFIX + "connection note", name=KIND_LABELS["connection note"], kind="connection note",
        channel="linkedin note",
        body=(
            "Hi {{ contact.first_name }}, {{ ask(\"how you know each other, or why now\") }}. "
            "{{ ask(\"one specific hook or a light question\") }} I'd be glad to stay in touch. "
            "{{ me.first_name }}"
        ),
        length_hint="LinkedIn note: 200 characters on a free account, 300 on Premium. No job ask.",
        timing_hint="Within a few days of meeting them or of the interview.",
    ),
    Template(
        id=BUILTIN_PREFIX + "check-in", name=KIND_LABELS["check-in"], kind="check-in", channel="email",
        subject="Catching up",
        body=(
            "Hi {{ contact.first_name }},\n\n"
            "It's been a few months, so I wanted to say hello. "
            "{{ ask(\"a short update on what you've been doing\") }}\n\n"
            "How are things with you{% if contact.company %} at {{ contact.company }}{% endif %}? "
            "{{ ask(\"a question about them, or something you could offer\") }}\n\n"
            "Best,\n" + _SIGN + "\n"
        ),
        length_hint="Email or LinkedIn message, " + GUIDANCE["check-in"].text + ". No ask.",
        timing_hint="On the contact's rhythm: quarterly by default.",
    ),
    Template(
        id=BUILTIN_PREFIX + "holiday greeting", name=KIND_LABELS["holiday greeting"], kind="holiday greeting",
        channel="email",
        subject="Warm wishes",
        body=(
            "Hi {{ contact.first_name }},\n\n"
            "Wishing you a happy {{ ask(\"which holiday or season, e.g. new year\") }}. "
            "{{ ask(\"one personal line: something you remember about them\") }}\n\n"
            "All the best,\n" + _SIGN + "\n"
        ),
        length_hint="Email or message, " + GUIDANCE["holiday greeting"].text + ". No ask.",
        timing_hint="Around the holiday, mindful of what they celebrate. Any job talk waits for the new year.",
    ),
    Template(
        id=BUILTIN_PREFIX + "congratulations", name=KIND_LABELS["congratulations"], kind="congratulations",
        channel="linkedin message",
        body=(
            "Hi {{ contact.first_name }}, congratulations on "
            "{{ ask(\"the news: the new role, promotion or work anniversary\") }}! "
            "{{ ask(\"one specific line, e.g. a memory you share\") }} Well deserved.\n"
            "{{ me.first_name }}"
        ),
        length_hint="LinkedIn message, " + GUIDANCE["congratulations"].text + ". No ask.",
        timing_hint="Within about a week of the news.",
    ),
    Template(
        id=BUILTIN_PREFIX + "article", name=KIND_LABELS["article"], kind="article", channel="email",
        subject="Thought of you",
        body=(
            "Hi {{ contact.first_name }},\n\n"
            "I came across {{ ask(\"the article's title and link\") }} and thought of you because "
            "{{ ask(\"why it made you think of them\") }}. {{ ask(\"your one-line takeaway\") }}\n\n"
            "I'd be curious what you make of it.\n\n"
            "Best,\n" + _SIGN + "\n"
        ),
        length_hint="Email or message, " + GUIDANCE["article"].text + ".",
        timing_hint="Whenever something relevant comes up.",
    ),
    Template(
        id=BUILTIN_PREFIX + "reconnect", name=KIND_LABELS["reconnect"], kind="reconnect", channel="email",
        subject="It's been a while",
        body=(
            "Hi {{ contact.first_name }},\n\n"
            "It's been far too long since {{ ask(\"when or where you last spoke\") }}, and I'm sorry "
            "I let it slip. {{ ask(\"why now: what reminded you of them\") }}\n\n"
            "I'd love to hear what you've been up to{% if contact.company %} at {{ contact.company }}{% endif %}. "
            "{{ ask(\"something you can offer in return\") }}\n\n"
            "Best,\n" + _SIGN + "\n"
        ),
        length_hint="Email, " + GUIDANCE["reconnect"].text + ". Catch up before any ask.",
        timing_hint="Any time; admit the gap and say why now.",
    ),
    Template(
        id=BUILTIN_PREFIX + "interviewer thanks", name=KIND_LABELS["interviewer thanks"], kind="interviewer thanks",
        channel="email",
        subject="Thank you — {{ app.role }} at {{ app.company }}",
        body=(
            "Hi {{ contact.first_name }},\n\n"
            "I heard the {{ app.role }} role went another way, and I wanted to thank you for our "
            "conversation. {{ ask(\"one thing from your talk with them that stayed with you\") }}\n\n"
            "I enjoyed meeting you, and I'd be glad to keep in touch.\n\n"
            "Best wishes,\n" + _SIGN + "\n"
        ),
        length_hint=("Email or LinkedIn message, " + GUIDANCE["interviewer thanks"].text
                     + ". One note per interviewer, never a group email. No ask."),
        timing_hint="Within a few days of the news, once the cool-off is over.",
    ),
    Template(
        id=BUILTIN_PREFIX + "feedback thanks", name=KIND_LABELS["feedback thanks"], kind="feedback thanks",
        channel="email",
        subject="Re: {{ app.role }} — thank you",
        body=(
            "Hi {{ contact.first_name }},\n\n"
            "Thank you for taking the time to share that; not everyone does, and it helps. "
            "{{ ask(\"the one thing you will take from it, in a sentence\") }}\n\n"
            "I appreciate it, and I hope our paths cross again.\n\n"
            "Best,\n" + _SIGN + "\n"
        ),
        length_hint="Email, in the same thread, " + GUIDANCE["feedback thanks"].text + ". Thanks only: no debate.",
        timing_hint="Within a day or two of their answer.",
    ),
    Template(
        id=BUILTIN_PREFIX + "close the loop", name=KIND_LABELS["close the loop"], kind="close the loop",
        channel="email",
        subject="{{ app.role }} at {{ app.company }}",
        body=(
            "Hi {{ contact.first_name }},\n\n"
            "I haven't heard back about the {{ app.role }} role since "
            "{{ ask(\"when you last heard from them, e.g. my interview on 3 February\") }}, so I imagine the "
            "team has gone another way. There's no need to reply. Thank you for your time; I enjoyed "
            "{{ ask(\"one specific good thing about the process\") }}.\n\n"
            "If anything changes, I'd be glad to hear from you.\n\n"
            "All the best,\n" + _SIGN + "\n"
        ),
        length_hint=("Email, to your contact there (the recruiter), " + GUIDANCE["close the loop"].text
                     + ". Once, and no feedback ask."),
        timing_hint="Once, after two or three weeks of silence.",
    ),
    Template(
        id=BUILTIN_PREFIX + "runner-up", name=KIND_LABELS["runner-up"], kind="runner-up", channel="email",
        subject="{{ app.role }} at {{ app.company }}",
        body=(
            "Hi {{ contact.first_name }},\n\n"
            "It's been a few months since we talked about the {{ app.role }} role. "
            "{{ ask(\"a short, real update: what you've been working on\") }}\n\n"
            "If your plans for the role change, or a similar one opens up, I'd be glad to talk again; I "
            "enjoyed meeting the team. Either way, I hope all is going well"
            "{% if contact.company %} at {{ contact.company }}{% endif %}.\n\n"
            "Best,\n" + _SIGN + "\n"
        ),
        length_hint=("Email, to the hiring manager (else the recruiter), " + GUIDANCE["runner-up"].text
                     + ". Light: no pressure, no ask to reconsider."),
        timing_hint="About four months after a final-round loss, or when the role is posted again.",
    ),
    Template(
        id=BUILTIN_PREFIX + "rejection reply call", name="Reply to a rejection, asking for a 10-minute call",
        kind="rejection reply", channel="email",
        subject="Re: {{ app.role }} at {{ app.company }}",
        body=(
            "Hi {{ contact.first_name }},\n\n"
            "Thank you for telling me, and for the time you and the team at {{ app.company }} gave me. "
            "I enjoyed "
            "{{ ask(\"one specific good thing about the process\") }}.\n\n"
            "Would you have ten minutes for a short call in the next couple of weeks? I'd value hearing "
            "{{ ask(\"the one thing you'd most like to learn, e.g. what would have made my final round stronger\") }}. "
            "If that isn't possible, I understand completely.\n\n"
            "All the best,\n" + _SIGN + "\n"
        ),
        length_hint=("Email, in the same thread, to the person who told you: " + GUIDANCE["rejection reply"].text
                     + ". One small ask, easy to decline."),
        timing_hint="When the cool-off ends; best after a final round, where a short talk is worth most.",
    ),
    Template(
        id=BUILTIN_PREFIX + "other", name=KIND_LABELS["other"], kind="other", channel="email",
        subject="",
        body="Hi {{ contact.first_name }},\n\n\n\n" + _SIGN + "\n",
        length_hint="",
        timing_hint="",
    ),
]

BUILTINS: dict[str, Template] = {t.id: t for t in _BUILTINS}
#: The first built-in of each kind (a kind may have a variant after it, e.g. the reply asking for a call).
BUILTIN_BY_KIND: dict[str, Template] = {}
for _t in _BUILTINS:
    BUILTIN_BY_KIND.setdefault(_t.kind, _t)
assert set(BUILTIN_BY_KIND) == set(DRAFT_KINDS)


def is_builtin(template_id: str | None) -> bool:
    return bool(template_id) and template_id in BUILTINS


def builtin_key(template: Template) -> str:
    """The built-in a template is or was copied from (``""`` for one the user started blank)."""
    if template.id in BUILTINS:
        return template.id
    return template.builtin_of


class TemplateRepo(Repo[Template]):
    """The user's templates (the ``templates`` table). Built-ins are in :data:`BUILTINS`."""

    def user_templates(self) -> list[Template]:
        return sorted(self.all(), key=lambda t: (t.name.lower(), t.created_at))

    def every(self) -> list[Template]:
        """Built-ins (in kind order) followed by the user's own."""
        return list(_BUILTINS) + self.user_templates()

    def lookup(self, template_id: str | None) -> Template | None:
        if not template_id:
            return None
        return BUILTINS.get(template_id) or self.get(template_id)

    def default_for(self, kind: str) -> Template:
        """The user's most recently edited template of ``kind``, else the built-in one."""
        mine = [t for t in self.all() if t.kind == kind]
        if mine:
            return max(mine, key=lambda t: t.updated_at)
        return BUILTIN_BY_KIND.get(kind) or BUILTIN_BY_KIND["other"]

    def duplicate(self, template: Template, name: str | None = None) -> Template:
        """Save a copy of ``template`` (a built-in or the user's) as a new user template."""
        copy = Template(
            id=new_id(), name=name or _copy_name(template.name, {t.name for t in self.all()}),
            kind=template.kind, channel=template.channel, subject=template.subject, body=template.body,
            length_hint=template.length_hint, timing_hint=template.timing_hint,
            builtin_of=builtin_key(template),
        )
        return self.save(copy)

    def save_template(self, template: Template) -> Template:
        if template.id in BUILTINS:
            raise TemplateError("Built-in templates can't be changed; duplicate it and edit the copy.")
        return self.save(template)

    def delete_template(self, template_id: str) -> bool:
        if template_id in BUILTINS:
            raise TemplateError("Built-in templates can't be deleted.")
        return self.delete(template_id)


def _copy_name(name: str, taken: set[str]) -> str:
    if not name:
        base = "My template"
    elif name.startswith("My "):
        base = name
    else:
        first = name.split()[0]
        lowered = first[0].lower() + first[1:] if first[1:] == first[1:].lower() else first
        base = "My " + lowered + name[len(first):]
    candidate = base
    n = 2
    while candidate in taken:
        candidate = f"{base} ({n})"
        n += 1
    return candidate


def guidance(kind: str) -> Guidance:
    return GUIDANCE.get(kind, GUIDANCE["other"])
