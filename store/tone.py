"""A local, rule-based tone check for outreach messages.

Every rule is a handful of patterns and one line saying why the words may land badly. Each finding
points at the exact words (a span in the checked text), so the composer can underline them. The
check informs; it never blocks. Findings marked ``hostile`` also start the cool-off ("sleep on it").

Nothing leaves the machine and nothing is guessed by a model: the rules are here to read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["Finding", "RULES", "check", "hostile", "summary"]


@dataclass(frozen=True)
class Finding:
    rule: str  #: rule key, e.g. ``"blame"``
    label: str  #: short name shown to the user, e.g. ``"blame or insult"``
    start: int  #: span in the checked text
    end: int
    words: str  #: the text of the span
    why: str  #: one line
    hostile: bool  #: counts towards the cool-off


@dataclass(frozen=True)
class Rule:
    key: str
    label: str
    why: str
    hostile: bool


RULES: dict[str, Rule] = {r.key: r for r in [
    Rule("blame", "blame or insult",
         "Blame and insults close the door, and emails get forwarded.", True),
    Rule("sarcasm", "sarcasm",
         "Sarcasm reads as hostility in writing; your tone of voice isn't sent with it.", True),
    Rule("correcting", "correcting them",
         "Pointing out their typos or grammar helps no one and reads as a jab.", True),
    Rule("threat", "going public",
         "A hint at posting or sharing it publicly reads as a threat.", True),
    Rule("passive", "passive-aggressive phrase",
         "A stock phrase that is widely read as passive-aggressive.", True),
    Rule("demand", "demand",
         "A demand: they owe you nothing, and it makes a kind reply less likely.", True),
    Rule("caps", "ALL-CAPS",
         "ALL-CAPS reads as shouting.", False),
    Rule("exclaim", "!!!",
         "A run of exclamation marks reads as agitated; one is plenty.", False),
    Rule("job_ask", "job ask in a first note",
         "Asking for a job in a first connection note rarely gets a reply; connect first.", False),
]}

_I = re.IGNORECASE

# ---------------------------------------------------------------------------------------- patterns
# Each pattern's whole match is the span shown to the user. Word boundaries keep "stupidly good"
# and "typography" from firing.

# Insults that are never friendly fire anywhere; judgements ("rude", "unprofessional") only when
# the sentence is about them (you, your team, the process), so "I hope I wasn't rude" stays quiet.
_BLAME = [re.compile(p, _I) for p in [
    r"\b(?:idiots?|idiotic|stupidity|morons?|moronic|incompeten(?:t|ce)|clueless|pathetic|imbeciles?|"
    r"a disgrace|disgraceful|shameful|shameless|liars?|lied to me|shame on you|should be ashamed|"
    r"how dare you|you people|(?:a |such a |complete |total )?waste of (?:my |our )?time|"
    r"wasted my time|(?:is|was|it's|it is) (?:all )?your (?:own )?fault|your (?:own )?fault|"
    r"you (?:clearly |obviously )?(?:messed up|screwed up|blew it|dropped the ball|botched)|"
    r"(?:terrible|awful|horrible|disgusting|appalling) (?:process|company|people|team|interview(?:ers?)?|"
    r"experience|treatment|behaviou?r)|worst (?:interview|process|experience|company|hiring))\b",
]]
_JUDGEMENT = re.compile(
    r"\b(?:stupid|rude|unprofessional|disrespectful|ridiculous|absurd|laughable|a joke|lazy|toxic|"
    r"amateurs?|amateurish|dishonest|useless|insulting|biased|unfair|incompetently|arrogant|"
    r"careless|sloppy|shoddy|a sham|a farce|pointless)\b", _I)
_JUDGEMENT_TARGET = re.compile(
    r"\b(?:you|your|yours|you've|you're|they|their|them|the (?:process|interview(?:ers?)?|panel|"
    r"company|team|recruiters?|hiring (?:manager|team|process)|decision|feedback|whole thing)|"
    r"this (?:process|company|decision|team))\b", _I)

_SARCASM = [re.compile(p, _I) for p in [
    r"\byeah,? right\b",
    r"\boh,? (?:great|wonderful|perfect|fantastic|brilliant|joy)(?=\s*[.!,…]|\s*$)",
    r"\bthanks? (?:a lot )?for nothing\b",
    r"\bhow (?:nice|kind|generous|thoughtful) of you\b",
    r"\bwhat a (?:surprise|shock|shocker)\b",
    r"\bmust be nice\b",
    r"\bgood luck with that\b",
    r"\b(?:i'?m|i am) sure (?:you(?:'re| are)|it was) (?:very |really |so )?(?:busy|important|thorough)\b",
    r"\bso-called\b",
    r"\bobviously you (?:didn't|did not|don't|do not|never)\b",
    r"\bsure,? because\b",
    r"\bslow clap\b",
    r"(?<!\S)/s\b",
    # scare quotes around one word: "feedback", “process”
    r"[\"“](?:feedback|process|team|culture|interview|opportunity|decision|experience|"
    r"professional|values|fit|standards)[\"”]",
]]

# "typo", "grammar"… fire only when the sentence is about them (you/your/their/the letter).
_CORRECT_WORDS = re.compile(
    r"\b(?:typos?|misspel(?:led|t|ling|lings)|spelling (?:mistakes?|errors?)|spelling|grammar|"
    r"grammatical(?:ly)?|proof-?read(?:ing)?|punctuation)\b", _I)
_CORRECT_TARGET = re.compile(
    r"\b(?:you|your|yours|you've|you're|their|they|the (?:rejection )?(?:letter|email|e-mail|message|"
    r"note|reply|response|job (?:ad|post|posting|description))|this (?:letter|email|message))\b", _I)
_CORRECT_ALWAYS = [re.compile(p, _I) for p in [
    r"[\[(]\s*sic\s*[\])]",
    r"\b(?:it'?s|it is) (?:spelled|spelt|written)\b",
    r"\bthe correct (?:spelling|word|term) is\b",
    r"\byou (?:misspelled|misspelt|meant to (?:write|say))\b",
    r"\b(?:did you mean|you mean)\s+[\"“'‘]",
]]

_VENUES = re.compile(
    r"\b(?:linked ?in|twitter|x\.com|reddit|glassdoor|blind|indeed|hacker ?news|facebook|instagram|"
    r"tiktok|mastodon|bluesky|threads|social media|my (?:network|followers|blog|newsletter|podcast|"
    r"channel)|online|the internet|publicly|in public|everyone|the world)\b", _I)
_SHARE_INTENT = re.compile(
    r"\b(?:i(?:'ll| will| am going to|'m going to| plan to| intend to| might| may| could| would)|"
    r"(?:going|planning|about) to|don't be surprised if i)\s+(?:\w+\s+){0,2}?"
    r"(?:post(?:ing)?|shar(?:e|ing)|tweet(?:ing)?|writ(?:e|ing)|blog(?:ging)?|publish(?:ing)?|"
    r"tell(?:ing)?|warn(?:ing)?|expos(?:e|ing)|review(?:ing)?|broadcast(?:ing)?|put(?:ting)?)\b", _I)
_SHARE_OBJECT = re.compile(
    r"\b(?:this|it|that|my experience|the experience|how (?:you|i was|this|it)|what happened|"
    r"the way|about (?:you|this|your|the (?:process|interview|company|team))|your (?:e-?mail|letter|"
    r"message|rejection|process|response|reply|decision|behaviou?r|treatment|company|team))\b", _I)
_THREAT = [re.compile(p, _I) for p in [
    r"\bname and shame\b",
    r"\bgo(?:ing)? public\b",
    r"\b(?:the world|everyone|people) (?:will|should|deserves? to|needs? to) (?:know|hear|see)\b",
    r"\b(?:leave|leaving|write|writing|post|posting) (?:a |an |my )?(?:honest |detailed |public )?"
    r"(?:review|rating)\b",
    r"\bglassdoor review\b",
    r"\b(?:took|taken|kept|saved|sharing|share|post(?:ing)?) (?:a |the )?screenshots?\b",
    r"\bscreenshots? of (?:this|your|the|our) (?:e-?mail|letter|message|conversation|chat|reply|thread)\b",
]]

_PASSIVE = [re.compile(p, _I) for p in [
    r"\b(?:as )?per my (?:last|previous|earlier) (?:e-?mail|message|note|reply)\b",
    r"\bas i (?:already|previously|clearly|have already|had already)\s+(?:said|mentioned|stated|"
    r"explained|wrote|noted|pointed out)\b",
    r"\bas (?:previously|already|clearly) (?:stated|mentioned|said|explained|noted)\b",
    r"\bas stated (?:before|previously|earlier|above)\b",
    r"\b(?:just a )?friendly reminder\b",
    r"\bnot sure (?:if|whether) you (?:saw|got|received|read) my\b",
    r"\bin case you missed it\b",
    r"\b(?:i'?m|i am) confused (?:as to )?why\b",
    r"\bwith (?:all )?due respect\b",
    r"\bno offen[cs]e,? but\b",
    r"\bcorrect me if i'?m wrong\b",
    r"\bas you (?:should|ought to|surely) know\b",
    r"\bi'?m sure you(?:'re| are) aware\b",
    r"\bgoing forward,? please\b",
    r"\bthanks? in advance for your (?:prompt |quick )?(?:reply|response|attention)\b",
    r"\bit would have been nice\b",
    r"\bi would have (?:appreciated|expected)\b",
]]

_DEMAND = [re.compile(p, _I) for p in [
    r"\byou owe me\b",
    r"\bi (?:demand|insist)\b",
    r"\bi (?:deserve|am owed|'m owed|am entitled to|'m entitled to)\b(?:\s+(?:an?|the|some|to))?",
    r"\bi expect (?:an?|the|some|your) (?:answer|reply|response|explanation|feedback|call)\b",
    r"\byou (?:need|have|must|ought) to (?:explain|tell|give|reply|respond|answer|justify|reconsider|"
    r"call|provide|send)\b",
    r"\bexplain (?:to me )?why (?:you|i was|i wasn't|i didn't)\b",
    r"\breconsider (?:your|the|my) (?:decision|application|candidacy)\b",
    r"\bthe (?:very )?least you (?:could|can) do\b",
    r"\bat the very least\b",
    r"\b(?:reply|respond|answer) (?:by|before|within) \w+",
    r"\bi want an? (?:answer|explanation|reason)\b",
]]

_JOB_ASK = [re.compile(p, _I) for p in [
    r"\b(?:are|is) (?:you|your (?:team|company)|they|you guys|anyone) (?:currently |still )?hiring\b",
    r"\b(?:any|open|current) (?:job |open )?(?:roles|positions|openings|vacancies|jobs|opportunities)\b",
    r"\bjob (?:openings?|opportunit(?:y|ies)|offers?)\b",
    r"\b(?:refer|recommend) me\b",
    r"\b(?:a|your) referral\b",
    r"\bhire me\b",
    r"\b(?:looking|searching|applying) for (?:a |my next |new )?(?:job|role|position|opportunity)\b",
    r"\bput in a (?:good )?word\b",
    r"\b(?:forward|pass(?: on)?|share) my (?:cv|résumé|resume|profile)\b",
    r"\bmy (?:cv|résumé|resume)\b",
    r"\bopen to work\b",
    r"\b(?:can|could) you help me (?:get|find|land)\b",
]]

# ALL-CAPS: common acronyms and words that are normally written in capitals are never "shouting".
_ACRONYMS = frozenset("""
AI API APIS AWS GCP CEO CTO CFO COO CPO CMO VP SVP EVP HR IT QA UX UI ML SRE SQL NOSQL PDF CV USA US UK
EU NYC SF LA PM PR OK PS FYI ASAP TBD ETA EOD EOW FAQ JSON HTML CSS HTTP HTTPS REST GRPC CI CD DEVOPS
MBA PHD BSC MSC BA MA MD MIT UCLA NASA NATO UN GDPR SOC SAAS B2B B2C KPI OKR OKRS ROI IPO LLC LTD INC
GMBH PLC AG SA SAS CET UTC GMT EST PST CEST BST AM PM IOS MACOS LINUX AWS AZURE SAP IBM HP AMD ARM
NLP LLM LLMS GPU CPU RAM SSD SDK IDE GIT UIUX TDD BDD DDD OOP XML YAML CSV ETL BI CRM ERP SEO CX
DM DMS RSVP TL DR TLDR NB PPS II III IV VI XL XXL LOL BTW IMO IMHO Q1 Q2 Q3 Q4 H1 H2 AMA OSS
""".split())
_CAPS_WORD = re.compile(r"\b[A-Z][A-Z'’]*[A-Z]\b")
_SHOUT_SHORT = frozenset("""
NOT NEVER EVER VERY WHY HOW WHAT WHO DID YOU YOUR ALL STILL JUST ONLY MUST NOW THIS THAT HAVE WAS WERE
AND BUT SO NO YES REAL REALLY THE ARE IS WILL WONT CANT DONT DIDNT ISNT HUGE WRONG BAD LIE LIES OWE
""".split())
_EXCLAIM = re.compile(r"!{3,}|[!?]*(?:\?!|!\?)[!?]*")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")


def _spans(patterns: Iterable[re.Pattern], text: str) -> Iterable[tuple[int, int]]:
    for pat in patterns:
        for m in pat.finditer(text):
            if m.end() > m.start():
                yield m.start(), m.end()


def _correcting(text: str) -> Iterable[tuple[int, int]]:
    yield from _spans(_CORRECT_ALWAYS, text)
    for sent in _SENTENCE.finditer(text):
        chunk = sent.group(0)
        if not _CORRECT_TARGET.search(chunk):
            continue
        for m in _CORRECT_WORDS.finditer(chunk):
            yield sent.start() + m.start(), sent.start() + m.end()


def _judgement(text: str) -> Iterable[tuple[int, int]]:
    for sent in _SENTENCE.finditer(text):
        chunk = sent.group(0)
        if not _JUDGEMENT_TARGET.search(chunk):
            continue
        for m in _JUDGEMENT.finditer(chunk):
            yield sent.start() + m.start(), sent.start() + m.end()


def _threat(text: str) -> Iterable[tuple[int, int]]:
    yield from _spans(_THREAT, text)
    for sent in _SENTENCE.finditer(text):
        chunk = sent.group(0)
        m = _SHARE_INTENT.search(chunk)
        if not m:
            continue
        rest = chunk[m.end():]
        venue = _VENUES.search(rest)
        if venue and _SHARE_OBJECT.search(rest):
            yield sent.start() + m.start(), sent.start() + m.end() + venue.end()


def _caps(text: str, known: frozenset[str]) -> Iterable[tuple[int, int]]:
    cands = []
    for m in _CAPS_WORD.finditer(text):
        w = m.group(0).replace("'", "").replace("’", "")
        if w in _ACRONYMS or w in known:
            continue
        cands.append((m.start(), m.end(), w))

    def adjacent(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
        return text[a[1]:b[0]].strip(" ,") == ""

    flagged: list[tuple[int, int]] = []
    for i, c in enumerate(cands):
        near = (i > 0 and adjacent(cands[i - 1], c)) or (i + 1 < len(cands) and adjacent(c, cands[i + 1]))
        if len(c[2]) >= 5 or c[2] in _SHOUT_SHORT or near:
            flagged.append((c[0], c[1]))
    merged: list[tuple[int, int]] = []  # "THIS IS NOT OK" is one finding
    for s, e in flagged:
        if merged and text[merged[-1][1]:s].strip(" ,") == "":
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def check(text: str, *, first_note: bool = False, known_words: Iterable[str] = ()) -> list[Finding]:
    """Check ``text``; returns findings sorted by position (overlaps within a rule merged).

    ``first_note``: the message is a first LinkedIn connection note (turns on the job-ask rule).
    ``known_words``: names that may legitimately be in capitals (the company, the contact…).
    """
    if not text:
        return []
    known = frozenset(
        w.upper() for name in known_words for w in re.findall(r"[A-Za-z][A-Za-z'’]+", name or "")
    )
    raw: list[tuple[str, int, int]] = []
    raw += [("blame", s, e) for s, e in _spans(_BLAME, text)]
    raw += [("blame", s, e) for s, e in _judgement(text)]
    raw += [("sarcasm", s, e) for s, e in _spans(_SARCASM, text)]
    raw += [("correcting", s, e) for s, e in _correcting(text)]
    raw += [("threat", s, e) for s, e in _threat(text)]
    raw += [("passive", s, e) for s, e in _spans(_PASSIVE, text)]
    raw += [("demand", s, e) for s, e in _spans(_DEMAND, text)]
    raw += [("caps", s, e) for s, e in _caps(text, known)]
    raw += [("exclaim", m.start(), m.end()) for m in _EXCLAIM.finditer(text)]
    if first_note:
        raw += [("job_ask", s, e) for s, e in _spans(_JOB_ASK, text)]
    raw.sort(key=lambda r: (r[1], -r[2]))
    out: list[Finding] = []
    last_end: dict[str, int] = {}
    for key, s, e in raw:
        if s < last_end.get(key, -1):  # overlaps an earlier finding of the same rule
            if e > last_end[key]:
                prev = next(f for f in reversed(out) if f.rule == key)
                out.remove(prev)
                s = prev.start
            else:
                continue
        rule = RULES[key]
        out.append(Finding(key, rule.label, s, e, text[s:e], rule.why, rule.hostile))
        last_end[key] = e
    out.sort(key=lambda f: (f.start, f.end))
    return out


def hostile(findings: Iterable[Finding]) -> bool:
    return any(f.hostile for f in findings)


def summary(findings: list[Finding]) -> str:
    """``"2 notes: sarcasm, ALL-CAPS"`` or ``"No tone notes"``."""
    if not findings:
        return "No tone notes"
    labels: list[str] = []
    for f in findings:
        if f.label not in labels:
            labels.append(f.label)
    n = len(findings)
    return f"{n} tone note{'s' if n != 1 else ''}: {', '.join(labels)}"
