"""Reframing prompts, the twelve thinking distortions and the emotion list (UI-free, our own words).

Prompts are grouped the way a thought record flows: facts → feelings → hot thought → evidence →
other explanations → perspective, then self-compassion, distancing, lessons and action. Each step of
the guided reframe shows a fitting prompt and a key cycles to the next one. Entries linked to a
rejected application see the rejection-specific variants first.

Every prompt has two voices: "you" (the default) and a distanced one that uses the person's own
first name ("What does Alex need right now?"), chosen by ``settings.use_my_name``; talking to
yourself by name helps you step back from a hurt without dwelling in it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

GROUPS = [
    "facts", "feelings", "hot thought", "evidence", "other explanations", "perspective",
    "self-compassion", "distancing", "lessons", "action",
]


@dataclass(frozen=True)
class Prompt:
    key: str
    group: str
    you: str  # second person
    named: str  # distanced voice; ``{name}`` is the person's first name
    steps: tuple[int, ...] = ()  # wizard steps it fits (0 = free write, 9 = check-in)
    rejection: bool = False  # written for an entry linked to a rejection

    def text(self, name: str = "", use_name: bool = False) -> str:
        first = first_name(name)
        if use_name and first:
            return self.named.replace("{name}", first)
        return self.you


def first_name(name: str) -> str:
    parts = (name or "").split()
    return parts[0] if parts else ""


PROMPTS: list[Prompt] = [
    # -- facts (step 1)
    Prompt("facts-camera", "facts",
           "Describe it the way a camera would have recorded it: who, what, when, and the exact "
           "words used. The meaning can wait.",
           "Describe what happened to {name} the way a camera would have recorded it: who, what, "
           "when, the exact words. The meaning can wait.", (1,)),
    Prompt("facts-stranger", "facts",
           "Write only what a stranger could check: what was said or written, by whom, and when.",
           "Write only what a stranger could check about {name}'s situation: what was said or "
           "written, by whom, and when.", (1,)),
    Prompt("facts-rejection-arrival", "facts",
           "How did the news arrive (an email, a call, a portal update, silence), at which stage, "
           "and what did it actually say?",
           "How did the news reach {name} (an email, a call, a portal update, silence), at which "
           "stage, and what did it actually say?", (1,), rejection=True),
    Prompt("facts-rejection-field", "facts",
           "At that stage, how many people were probably still in the running? Note what you know, "
           "not what you fear.",
           "At that stage, how many people were probably still in the running alongside {name}? "
           "Note what is known, not what is feared.", (1,), rejection=True),
    # -- feelings (steps 2, 7, check-in)
    Prompt("feelings-name-all", "feelings",
           "Name every feeling that is here, even the small or contradictory ones, and give each a "
           "strength from 0 to 100.",
           "Name every feeling {name} has right now, even the small or contradictory ones, and give "
           "each a strength from 0 to 100.", (2,)),
    Prompt("feelings-body", "feelings",
           "Where do you feel this in your body, and what does it make you want to do?",
           "Where does {name} feel this in the body, and what does it make {name} want to do?",
           (2, 9)),
    Prompt("feelings-rejection-mix", "feelings",
           "A 'no' can bring disappointment, embarrassment, anger, even relief, all at once. Which "
           "of them showed up, and how strongly?",
           "A 'no' can bring disappointment, embarrassment, anger, even relief, all at once. Which "
           "of them showed up for {name}, and how strongly?", (2,), rejection=True),
    Prompt("feelings-rerate", "feelings",
           "Read the balanced thought once more, then rate each feeling again as it is now, not as "
           "you think it should be.",
           "Read the balanced thought once more, then rate each of {name}'s feelings again as it is "
           "now, not as it should be.", (7,)),
    Prompt("feelings-checkin", "feelings",
           "No need to explain. A number and a few words about today are plenty.",
           "No need to explain. A number and a few words about {name}'s day are plenty.", (9,)),
    # -- hot thought (steps 3, 4)
    Prompt("hot-finish-sentence", "hot thought",
           "Finish the sentence: 'This means that I…' Then ask once more: if that were true, what "
           "would it say about me?",
           "Finish the sentence: 'This means that {name}…' Then ask once more: if that were true, "
           "what would it say about {name}?", (3,)),
    Prompt("hot-spike", "hot thought",
           "Which of these thoughts makes the feeling jump the most? Mark it as the hot thought and "
           "rate how much you believe it.",
           "Which of these thoughts makes {name}'s feeling jump the most? Mark it as the hot thought "
           "and rate how much {name} believes it.", (3,)),
    Prompt("hot-rejection-words", "hot thought",
           "What did this rejection seem to say about you? Write it in the exact words your mind "
           "used, however harsh.",
           "What did this rejection seem to say about {name}? Write it in the exact words the "
           "thought used, however harsh.", (3,), rejection=True),
    Prompt("hot-patterns", "hot thought",
           "Read the hot thought slowly. Which patterns does it lean on? More than one can fit, and "
           "'not sure' is fine.",
           "Read {name}'s hot thought slowly. Which patterns does it lean on? More than one can fit.",
           (4,)),
    # -- evidence (step 5)
    Prompt("evidence-court", "evidence",
           "Which facts support the hot thought? Keep only what would stand up in court, not guesses "
           "about what anyone else thought.",
           "Which facts support {name}'s hot thought? Keep only what would stand up in court, not "
           "guesses about what anyone else thought.", (5,)),
    Prompt("evidence-against", "evidence",
           "Which facts don't fit the thought? Feedback you got, offers or callbacks in the past, "
           "work someone thanked you for.",
           "Which facts don't fit the thought? Feedback {name} got, past offers or callbacks, work "
           "someone thanked {name} for.", (5,)),
    Prompt("evidence-rejection-wins", "evidence",
           "What has gone right in this search so far: replies, screens, interviews, a kind word "
           "about your work?",
           "What has gone right in {name}'s search so far: replies, screens, interviews, a kind word "
           "about the work?", (5,), rejection=True),
    Prompt("evidence-rejection-reason", "evidence",
           "Did they say why? If they didn't, the reason is unknown. Write 'unknown' rather than "
           "filling the gap with the worst guess.",
           "Did they tell {name} why? If not, the reason is unknown. Write 'unknown' rather than "
           "filling the gap with the worst guess.", (5,), rejection=True),
    # -- other explanations (steps 4, 5, 6)
    Prompt("other-three-reasons", "other explanations",
           "List three reasons this could have happened that say nothing about your worth.",
           "List three reasons this could have happened that say nothing about {name}'s worth.",
           (5, 6, 4)),
    Prompt("other-rejection-causes", "other explanations",
           "An internal candidate, a frozen budget, a brief that changed halfway, a panel that "
           "wanted a different profile: what else could explain this 'no'?",
           "An internal candidate, a frozen budget, a brief that changed halfway, a panel that "
           "wanted a different profile: what else could explain the 'no' {name} got?",
           (5, 6, 4), rejection=True),
    # -- perspective (step 6)
    Prompt("perspective-friend", "perspective",
           "If a good friend with your exact history told you this thought, what would you say "
           "back, and would you believe it about them?",
           "If a good friend with {name}'s exact history said this, what would {name} say back?",
           (6,)),
    Prompt("perspective-time", "perspective",
           "How much will this particular outcome matter in a month? In a year?",
           "How much will this particular outcome matter to {name} in a month? In a year?", (6,)),
    Prompt("perspective-balanced", "perspective",
           "Write a statement that is fair and true and that you can believe at least halfway. It "
           "doesn't have to be cheerful.",
           "Write a statement about {name} that is fair and true and believable at least halfway. It "
           "doesn't have to be cheerful.", (6,)),
    Prompt("perspective-rejection-base-rate", "perspective",
           "Most searches collect many 'no's before a 'yes'. Seen against your whole search, where "
           "does this one sit?",
           "Most searches collect many 'no's before a 'yes'. Seen against {name}'s whole search, "
           "where does this one sit?", (6,), rejection=True),
    # -- self-compassion (step 8)
    Prompt("compassion-mindful", "self-compassion",
           "In one sentence, admit that this hurts, without arguing with it or making it bigger.",
           "In one sentence, admit that this hurts {name}, without arguing with it or making it "
           "bigger.", (8,)),
    Prompt("compassion-common", "self-compassion",
           "Think of someone you respect who was turned down for something they wanted. You are in "
           "good company; what does that tell you?",
           "Think of someone {name} respects who was turned down for something they wanted. What "
           "does that say about where {name} stands?", (8,)),
    Prompt("compassion-kind", "self-compassion",
           "Write two sentences to yourself in the voice of a mentor who is firmly on your side.",
           "Write two sentences to {name} in the voice of a mentor who is firmly on {name}'s side.",
           (8,)),
    # -- distancing (step 6, free write)
    Prompt("distancing-third-person", "distancing",
           "Tell what happened as if it happened to someone you are rooting for. What do they need "
           "right now?",
           "Tell what happened using '{name}' instead of 'I'. What does {name} need right now?",
           (0, 6)),
    Prompt("distancing-future", "distancing",
           "Picture yourself a year from now, looking back at today. What would that person want "
           "you to remember?",
           "Picture {name} a year from now, looking back at today. What would that {name} want to "
           "say?", (0, 6)),
    Prompt("distancing-expressive", "distancing",
           "For fifteen minutes, write without stopping about your deepest thoughts and feelings on "
           "this search. Spelling doesn't matter; nobody else will read it.",
           "For fifteen minutes, write without stopping about {name}'s deepest thoughts and feelings "
           "on this search. Nobody else will read it.", (0,)),
    # -- lessons (step 8)
    Prompt("lessons-one-change", "lessons",
           "Is there one specific thing you could do differently next time? If there isn't, "
           "'outside my control' is a complete answer.",
           "Is there one specific thing {name} could do differently next time? If not, 'outside my "
           "control' is a complete answer.", (8,)),
    Prompt("lessons-what-i-want", "lessons",
           "Has this taught you anything about what you actually want from your next role?",
           "Has this taught {name} anything about what {name} actually wants from the next role?",
           (0, 8)),
    Prompt("lessons-rejection-feedback", "lessons",
           "Would their feedback help? You could draft a short, polite request now and decide later "
           "whether to send it.",
           "Would their feedback help {name}? A short, polite request can be drafted now and sent "
           "later, or never.", (8,), rejection=True),
    # -- action (step 8)
    Prompt("action-24h", "action",
           "Pick one small job-search step you can finish within a day, and give it a date.",
           "Pick one small job-search step {name} can finish within a day, and give it a date.",
           (8,)),
    Prompt("action-next-knock", "action",
           "What's the next knock likely to be (another 'no', silence after an interview), and what "
           "will you do in the first hour after it?",
           "What's the next knock likely to be for {name}, and what will {name} do in the first hour "
           "after it?", (8,)),
    Prompt("action-rejection-refill", "action",
           "This 'no' leaves a gap in your pipeline. What one application or message would put "
           "something back in motion?",
           "This 'no' leaves a gap in {name}'s pipeline. What one application or message would put "
           "something back in motion?", (8,), rejection=True),
]

PROMPTS_BY_KEY = {p.key: p for p in PROMPTS}

#: The three self-compassion questions of step 8, in order (mindfulness, common humanity, kindness).
COMPASSION_KEYS = ("compassion-mindful", "compassion-common", "compassion-kind")
COMPASSION_LABELS = ("This hurts", "I'm not alone", "A kind word")

#: Wizard steps: (number, short title).
STEPS = [
    (1, "Situation"), (2, "Emotions"), (3, "Thoughts"), (4, "Distortions"), (5, "Evidence"),
    (6, "Balanced thought"), (7, "Re-rate"), (8, "Self-compassion, lesson, next step"),
]


def prompts_for(step: int, *, rejection: bool = False) -> list[Prompt]:
    """The prompts that fit a wizard step (0 = free write, 9 = check-in): rejection variants first
    when the entry is linked to a rejection, then the general ones."""
    fitting = [(i, p) for i, p in enumerate(PROMPTS) if step in p.steps and (rejection or not p.rejection)]
    # prompts written first of all for this step lead; within them, rejection variants first
    fitting.sort(key=lambda ip: (ip[1].steps[0] != step, not ip[1].rejection, ip[0]))
    return [p for _, p in fitting]


def prompt_text(step: int, index: int = 0, *, rejection: bool = False, name: str = "",
                use_name: bool = False) -> str:
    """The ``index``-th fitting prompt (wrapping around), in the chosen voice."""
    options = prompts_for(step, rejection=rejection)
    if not options:
        return ""
    return options[index % len(options)].text(name, use_name)


def prompt_of_the_day(day: date, *, name: str = "", use_name: bool = False) -> str:
    """One reframing prompt that changes daily (for the Today screen)."""
    pool = [p for p in PROMPTS if not p.rejection and p.group in (
        "perspective", "self-compassion", "distancing", "other explanations", "action")]
    return pool[day.toordinal() % len(pool)].text(name, use_name)


# --------------------------------------------------------------------------- distortions


@dataclass(frozen=True)
class Distortion:
    slug: str  # what the entry stores
    name: str
    explanation: str
    example: str


DISTORTIONS: list[Distortion] = [
    Distortion("all-or-nothing", "All-or-nothing thinking",
               "Only total success or total failure; nothing in between counts.",
               "\"No offer, so the whole process was a waste of my time.\""),
    Distortion("overgeneralization", "Overgeneralization",
               "One setback read as a rule for ever: 'always', 'never', 'nobody'.",
               "\"Another no. Nobody is ever going to hire me.\""),
    Distortion("mental filter", "Mental filter",
               "One bad detail tints the whole picture.",
               "Replaying the one question you fumbled and forgetting the three you answered well."),
    Distortion("discounting the positive", "Discounting the positive",
               "Good evidence explained away so it doesn't count.",
               "\"Reaching the final round means nothing; they just needed someone to compare.\""),
    Distortion("mind reading", "Mind reading",
               "Being sure what others think of you, without asking.",
               "\"The recruiter's short reply shows she thought I was hopeless.\""),
    Distortion("fortune telling", "Fortune telling",
               "A gloomy forecast treated as a fact.",
               "\"No point sending the next one; they'll say no too.\""),
    Distortion("catastrophizing", "Catastrophizing",
               "The worst outcome taken as the likely one; strengths shrunk, risks blown up.",
               "\"This rejection means I'll never work in this field again.\""),
    Distortion("emotional reasoning", "Emotional reasoning",
               "A feeling taken as proof of a fact.",
               "\"I feel like a fraud, so I must be underqualified.\""),
    Distortion("should statements", "Should statements",
               "Rigid rules about how you or the world must be, which breed guilt or resentment.",
               "\"With my experience I should never get cut at the screen.\""),
    Distortion("labeling", "Labeling",
               "A global label stuck on a person instead of describing one event.",
               "\"I'm unemployable.\" / \"That hiring manager is an idiot.\""),
    Distortion("personalization", "Personalization",
               "Taking all the blame for an outcome that had many causes.",
               "\"They picked the internal candidate because I wasn't good enough.\""),
    Distortion("blame", "Blame",
               "Putting it all on others and missing the part you can influence.",
               "\"The market is rigged; nothing I do makes any difference.\""),
]

DISTORTIONS_BY_SLUG = {d.slug: d for d in DISTORTIONS}
#: The distortions that get the user's own funnel numbers next to them.
FUNNEL_DISTORTIONS = ("overgeneralization", "fortune telling")


def distortion_name(slug: str) -> str:
    d = DISTORTIONS_BY_SLUG.get(slug)
    return d.name if d else slug


# --------------------------------------------------------------------------- emotions

EMOTIONS: list[str] = [
    "disappointed", "sad", "anxious", "ashamed", "embarrassed", "angry", "frustrated", "hurt",
    "hopeless", "worried", "lonely", "jealous", "numb", "relieved",
]

MOOD_LABELS = {1: "very low", 2: "low", 3: "okay", 4: "good", 5: "great"}
ENERGY_LABELS = {1: "drained", 2: "low", 3: "steady", 4: "good", 5: "high"}


def mood_word(value: int) -> str:
    return MOOD_LABELS.get(value, "")


def group_counts(prompts: Sequence[Prompt] = PROMPTS) -> dict[str, int]:
    out = {g: 0 for g in GROUPS}
    for p in prompts:
        out[p.group] = out.get(p.group, 0) + 1
    return out
