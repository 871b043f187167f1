"""A small statistical backstop for the tone check: a linear classifier that reads a sentence as bitter overall.

The rules in :mod:`store.tone` point at words and say why; they catch the wordings they were written for, and
new wordings slip past them (``tests/corpus/ROUNDS.md``). This model looks at a sentence as a whole: its
words and word pairs, a few word classes (a judgement about *them*, a warm word set against bad news, a
public venue, a demand without a softener…) and its shape (capitals, "!!", scare quotes). It is logistic
regression, trained on the labelled corpora under ``tests/corpus/`` by ``tests/tone_model_train.py``
(seeded, pure Python; the weights are ``store/tone_model.json``). The threshold was chosen by
cross-validation on the training corpora so that at most 1.5% of benign professional lines cross it.

:func:`bitter_sentence` is used by :func:`store.tone.check` only when the rules found nothing hostile; the
finding's span is the sentence and its why names the words that weighed most. Pure Python, local, and a
few tens of microseconds a sentence. When the weights file can't be read the backstop is simply off.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from store import logs

__all__ = ["Model", "Scored", "bitter_sentence", "content", "cued", "features", "load", "most_bitter", "score",
           "sentences", "windows"]

WEIGHTS_FILE = "tone_model.json"
#: texts longer than this are scored on their first this-many characters (a message is a few kilobytes)
MAX_CHARS = 20_000

_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"', "„": '"', "«": '"',
                         "»": '"'})
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_SENT = re.compile(r"[^.!?\n;]*[^.!?\n;\s][^.!?\n;]*[.!?;]*")

# one word for the shorthand and dropped apostrophes people type ("u" is "you", "cant" is "can't")
_NORMAL: dict[str, str] = {
    "u": "you", "ur": "your", "urs": "yours", "ya": "you", "yr": "your", "r": "are", "thx": "thanks",
    "thnx": "thanks", "thanx": "thanks", "ty": "thanks", "pls": "please", "plz": "please", "ppl": "people",
    "cant": "can't", "dont": "don't", "wont": "won't", "didnt": "didn't", "doesnt": "doesn't", "isnt": "isn't",
    "wasnt": "wasn't", "arent": "aren't", "werent": "weren't", "couldnt": "couldn't", "wouldnt": "wouldn't",
    "shouldnt": "shouldn't", "havent": "haven't", "hasnt": "hasn't", "im": "i'm", "ive": "i've",
    "youre": "you're", "youve": "you've", "youll": "you'll", "theyre": "they're", "thats": "that's",
    "whats": "what's", "ill": "i'll", "id": "i'd", "bc": "because", "cuz": "because", "coz": "because",
    "rly": "really", "srsly": "seriously", "obv": "obviously", "obvs": "obviously", "wanna": "want",
    "gonna": "going", "tho": "though", "msg": "message", "emails": "email",
}

# word classes (lower case, after _NORMAL); a class generalises to words of the same kind
_SECOND = frozenset("you your yours you're you've you'll you'd yourself yourselves y'all".split())
_THEY = frozenset("""company companies team teams recruiter recruiters recruiting recruitment interviewer interviewers
panel panelists process hr management manager managers ceo cto founder founders firm hiring organisation
organization department leadership they their them people employer hr's""".split())
_ME = frozenset("i i'm i've i'd i'll me my myself mine".split())
_NEG = frozenset("""joke jokes joking pathetic useless rude rudeness clueless arrogant arrogance incompetent
incompetence shambles mess messy ridiculous disgrace disgraceful embarrassing embarrassment unprofessional disrespectful
disrespect disorganised disorganized chaotic amateur amateurish lazy sloppy terrible awful horrible worst bad poor
broken toxic shameful ashamed shame laughable absurd insulting insult appalling atrocious dreadful garbage trash
rubbish clown clowns circus farce waste wasted wasting wastes lied liar liars lies lying dishonest fake sham cheap
petty cowardly spineless idiot idiots stupid dumb moron morons inept unacceptable outrageous disgusting mediocre
hypocrite hypocritical condescending pointless biased unfair ignorant unprepared careless regret shambolic
nonsense bs bullshit crap crappy sucks suck lousy shoddy dreadful insane ludicrous baffling bizarre
clueless disaster disastrous hopeless fail failed fails failing failure embarrassed astonishing genius chaos
speechless miserable dodged bullet cookie-cutter incompetents amateurs rigged shocking riddance nowhere
whatever kidding unbelievable""".split())
_AGAIN = frozenset("again twice thrice third fourth fifth sixth times finally eventually forever ages".split())
_ESCALATE = frozenset("""ceo cto coo founder founders board director boss superior superiors supervisor cc cc'd
copied copying forward forwarded forwarding escalate escalated escalating escalation raise raising formal formally
complaint lawyer legal ombudsman tribunal""".split())
_COURTESY = frozenset("courtesy decency decent manners respect bare minimum".split())
_STOCK = frozenset("per previously reiterate reiterating reminder nudge circling noted mentioned".split())
_TELL = frozenset("tell telling hear know warn warning forward forwarding report reporting share sharing".split())
_AUDIENCE = frozenset("""everyone everybody people others network students cohort friends colleagues followers
community world anyone peers classmates""".split())
_WARM = frozenset("""thanks thank appreciate appreciated grateful great love loved lovely wonderful amazing brilliant
fantastic excellent nice kind glad happy pleasure enjoyed enjoy congrats congratulations cheers best impressive
impressed professional touching classy perfect cool awesome incredible stellar delightful""".split())
_BAD_NEWS = frozenset("""rejection rejected reject rejecting silence ghost ghosted ghosting ignored ignore ignoring
weeks months automated template form generic no nothing never cancel cancelled canceled late wait waiting waited delay
nobody noone one-line one-sentence copy-paste auto""".split())
_MOCK = frozenset("""wow oh sure lol lmao haha classic apparently clearly obviously truly totally guess famous so-called
yeah cute ah gotta must bravo imagine k kk ok okay right smh seriously finally eventually""".split())
_PUBLIC = frozenset("""glassdoor linkedin reddit twitter blog post posting posted posts thread review reviews followers
network public publicly journalist journalists press lawyer lawyers legal screenshot screenshots
screenshotted tiktok youtube community forum blind tweet tweeting subreddit newsletter substack medium
podcast audience warn warning warned union ombudsman tribunal regulator article expose
complaint report reporting reported rating star stars one-star avoid""".split())
_CORRECT = frozenset("""typo typos spell spelling spelled spelt misspelled misspelt misspelling grammar grammatical
proofread proofreading proofreader editor spellcheck spellchecker punctuation apostrophe sic capitalise capitalize
dictionary""".split())
_DEMAND = frozenset("""why explain explanation owe owed entitled demand demanding expect reconsider reverse reversed
reopen specific specifics justify justification insist require answer answers immediately deserve deserved apology
reasons breakdown scores notes""".split())
_SOFT = frozenset("""please could would if possible appreciate welcome understand grateful hope able mind happy sorry
apologies thanks thank perhaps love glad""".split())
_IMPERATIVE = frozenset("""explain send tell reopen reconsider reverse give put stop fix read learn hire check try get
don't be answer respond reply maybe perhaps next do undo revisit provide justify sort update learn invest
reverse""".split())
_BAD_ACT = frozenset("""lied lie lying ghosted ghost ignored ignore wasted waste cancelled canceled forgot forgotten
lost misread misspelled misspelt botched ruined strung dragged messed blew failed wrecked mishandled disrespected
insulted humiliated misled""".split())
_ASK = frozenset("want need expect demand require insist deserve".split())
_COMPARATIVE = re.compile(r"\b(?:\w+er|more \w+|less \w+|better|worse)\b[^.!?\n]{0,60}\bthan (?:you|your|yours|"
                          r"this|that|u|ur|the way you)\b|"
                          r"\b(?:i'?ve|i have) (?:had|seen|met|dealt with) (?:better|worse|more)\b")
_CAPS_OK = frozenset("""I A OK CV CVS HR CEO CTO CFO COO VP UK US USA EU API AI ML UX UI QA SQL AWS GCP PM PR IT PS PDF
ID NYC LA SF ASAP FYI BTW TBH IMO TLDR ETA EOD ATS GPA MBA PHD BSC MSC RSVP JS CSS HTML""".split())
_CAPS_WORD = re.compile(r"\b[A-Z][A-Z']*[A-Z]\b")
_QUOTED = re.compile(r"(?:^|[\s(])[\"']([^\"'\n]{2,60})[\"'](?=$|[\s.,!?;:)])")


_STEMS: dict[str, str] = {}


def _stem(word: str) -> str:
    """A crude stem, enough for "waste", "wasted", "wasting" to share one weight."""
    got = _STEMS.get(word)
    if got is None:
        got = _stem_of(word)
        if len(_STEMS) < 50_000:  # a bounded memo: the same words come back on every keystroke pause
            _STEMS[word] = got
    return got


def _stem_of(word: str) -> str:
    if word.endswith("'s"):
        word = word[:-2]
    for suffix in ("ing", "ed", "es", "s"):  # not "ly": "friendly" is not "friend"
        if len(word) > len(suffix) + 3 and word.endswith(suffix) and not word.endswith("ss"):
            word = word[:-len(suffix)]
            break
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word


def _tokens(sentence: str) -> list[str]:
    low = sentence.translate(_QUOTES).lower()
    return [_NORMAL.get(t, t) for t in _TOKEN.findall(low)]


_NEGATORS = frozenset("""not no never hardly without nothing nobody none neither nor isn't wasn't aren't weren't don't
doesn't didn't can't cannot couldn't won't wouldn't shouldn't haven't hasn't hadn't ain't""".split())
NEGATION_REACH = 3  #: words after a negation that it turns round ("wasn't a waste of time")


def _negated(toks: list[str]) -> list[bool]:
    out = []
    last = -NEGATION_REACH - 1
    for i, t in enumerate(toks):
        out.append(i - last <= NEGATION_REACH)
        if t in _NEGATORS or t.endswith("n't"):
            last = i
    return out


_CLASSES: tuple[tuple[str, frozenset[str]], ...] = (
    ("you", _SECOND), ("they", _THEY), ("neg", _NEG), ("warm", _WARM), ("bad", _BAD_NEWS), ("mock", _MOCK),
    ("public", _PUBLIC), ("correct", _CORRECT), ("demand", _DEMAND), ("again", _AGAIN), ("courtesy", _COURTESY),
    ("stock", _STOCK), ("badact", _BAD_ACT), ("tell", _TELL), ("audience", _AUDIENCE), ("escalate", _ESCALATE))
#: the classes that are features by themselves ("c:<name>"), in this order
_SHOWN = ("you", "they", "neg", "warm", "bad", "mock", "public", "correct", "demand", "again", "courtesy", "stock",
          "escalate")
_CLASS_OF: dict[str, tuple[str, ...]] = {}
for _name, _words in _CLASSES:
    for _w in _words:
        _CLASS_OF[_w] = (*_CLASS_OF.get(_w, ()), _name)
_TURNED = frozenset(("neg", "warm"))  # classes a negation turns round
_ASTERISK = re.compile(r"(?:^|\s)\*\w")


def _classes(toks: list[str], toks_set: set[str], sentence: str,  # noqa: C901
             negated: list[bool]) -> list[tuple[str, str]]:
    """Class, interaction and shape features: ``(name, the words behind it)``. A judgement or a warm word
    turned round by a negation counts in no class."""
    out: list[tuple[str, str]] = []
    got: dict[str, list[str]] = {}
    for t, n in zip(toks, negated, strict=True):
        for c in _CLASS_OF.get(t, ()):
            if not (n and c in _TURNED):
                got.setdefault(c, []).append(t)
    none: list[str] = []
    second, they, neg, warm = got.get("you", none), got.get("they", none), got.get("neg", none), got.get("warm", none)
    bad, mock, public, correct = got.get("bad", none), got.get("mock", none), got.get("public", none), \
        got.get("correct", none)
    demand = got.get("demand", none)
    soft = toks_set & _SOFT
    for name in _SHOWN:
        words = got.get(name)
        if words:
            out.append(("c:" + name, " ".join(dict.fromkeys(words))))
    if neg and (second or they):
        out.append(("x:them+neg", " ".join(neg)))
    if neg and not soft and not warm:
        out.append(("x:neg-soft", " ".join(neg)))
    if warm and bad:
        out.append(("x:warm+bad", " ".join(warm + bad)))
    if warm and mock:
        out.append(("x:warm+mock", " ".join(warm + mock)))
    if warm and neg:
        out.append(("x:warm+neg", " ".join(warm + neg)))
    if correct and (second or they):
        out.append(("x:correct+them", " ".join(correct)))
    if public and not toks_set.isdisjoint(_ME):
        out.append(("x:public+me", " ".join(public)))
    if public and ("will" in toks_set or "i'll" in toks_set or "going" in toks_set):
        out.append(("x:public+future", " ".join(public)))
    if demand and not soft:
        out.append(("x:demand-soft", " ".join(demand)))
    if "tell" in got and "audience" in got:
        out.append(("x:tell_audience", " ".join(t for t in toks if t in _TELL or t in _AUDIENCE)))
    if warm and len(toks) > 1 and (toks[0] == "how" or toks[:2] in (["what", "a"], ["such", "a"], ["real"])):
        out.append(("x:exclaim+warm", " ".join(warm)))
    if "*" in sentence and _ASTERISK.search(sentence):
        out.append(("s:asterisk", "*"))
    bad_act = got.get("badact")
    if bad_act and (second or they):
        out.append(("x:them+badact", " ".join(bad_act)))
    if not soft:
        for i in range(len(toks) - 1):
            if toks[i] in ("i", "i'll", "i'd") and toks[i + 1] in _ASK:
                out.append(("x:i_ask-soft", toks[i + 1]))
                break
    if "sure" in toks_set and (second or they):
        for i in range(len(toks) - 1):
            if toks[i] in ("i'm", "i") and toks[i + 1] == "sure":
                out.append(("x:im_sure+them", "sure"))
                break
    low = sentence.translate(_QUOTES).lower()
    if "than" in low or "i" in toks_set or "i've" in toks_set:
        cmp_match = _COMPARATIVE.search(low)
        if cmp_match:
            out.append(("x:compare_them", cmp_match.group(0)[:40]))
    if "good luck" in low and not (soft - {"hope"}) and "best" not in toks_set:
        out.append(("x:goodluck-warm", "good luck"))
    if toks and toks[0] in _IMPERATIVE:
        out.append(("x:imperative", toks[0]))
    if len(second) >= 2:
        out.append(("x:you2", " ".join(second)))
    caps = [w for w in _CAPS_WORD.findall(sentence) if w not in _CAPS_OK]
    if caps:
        out.append(("s:caps" if len(caps) == 1 else "s:caps2+", " ".join(caps)))
        if not warm:
            out.append(("x:caps-warm", " ".join(caps)))
    if "!!" in sentence:
        out.append(("s:!!", "!!"))
    elif "!" in sentence:
        out.append(("s:!", ""))
    if "?!" in sentence or "!?" in sentence:
        out.append(("s:?!", "?!"))
    elif "?" in sentence:
        out.append(("s:?", ""))
    if "'" in low or '"' in low:
        quoted = _QUOTED.findall(sentence.translate(_QUOTES))
        if quoted:
            out.append(("s:quote", quoted[0]))
            if second or they or warm:
                out.append(("x:quote+them", quoted[0]))
    if "..." in sentence or "…" in sentence:
        out.append(("s:ellipsis", ""))
    if len(toks) >= 3 and sentence == sentence.lower():
        out.append(("s:lower", ""))
    return out


def features(sentence: str) -> list[tuple[str, str]]:
    """The features of ``sentence``: ``(name, the words behind it)``, each name once. Shared by the runtime
    and the training script, so the two always agree."""
    toks = _tokens(sentence)
    stems = [_stem(t) for t in toks]
    negated = _negated(toks)
    out: dict[str, str] = {}
    for t, s, n in zip(toks, stems, negated, strict=True):
        out.setdefault(("u:!" if n else "u:") + s, "" if n else t)
    for i in range(len(stems) - 1):
        if negated[i + 1]:
            out.setdefault(f"b:!{stems[i]}_{stems[i + 1]}", "")
        else:
            out.setdefault(f"b:{stems[i]}_{stems[i + 1]}", f"{toks[i]} {toks[i + 1]}")
    if stems:
        out.setdefault("b:^_" + stems[0], toks[0])
        out.setdefault(f"b:{stems[-1]}_$", toks[-1])
    for name, words in _classes(toks, set(toks), sentence, negated):
        out.setdefault(name, words)
    return list(out.items())


_GREETING = re.compile(r"(?i:hi|hello|hey|hiya|dear|morning|good (?:morning|afternoon|evening)|greetings|"
                       r"to whom it may concern)(?:[\s,]+(?:(?i:again|all|there|team|everyone)|[A-Z][\w.'-]*)){0,4}"
                       r"[\s,!:.]*")
_SIGN_OFF = re.compile(r"(?i:best|best wishes|best regards|kind regards|warm regards|warmest regards|regards|"
                       r"many thanks|thanks|thank you|thanks again|thanks a lot|cheers|sincerely|yours sincerely|"
                       r"yours faithfully|yours truly|yours|all the best|warmly|take care|talk soon|speak soon|"
                       r"with thanks|with best wishes|respectfully|thanks so much)[\s,!.]*(?:[A-Z][\w.'-]*\s*){0,3}")
_NAME_LINE = re.compile(r"(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?[A-Z][\w'-]*\.?(?:\s+[A-Z][\w'-]*\.?){0,2}")


def _frame_lines(text: str) -> list[tuple[int, int]]:
    """The spans of a message's frame, which carries no tone: a greeting line ("Hi Sam,"), a sign-off
    ("Kind regards,") and a name alone on a line, in a message of more than one line."""
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    if len(lines) < 2:
        return []
    out = []
    for s, e in lines:
        line = text[s:e].strip()
        if line and (_GREETING.fullmatch(line) or _SIGN_OFF.fullmatch(line) or _NAME_LINE.fullmatch(line)):
            out.append((s, e))
    return out


def sentences(text: str) -> list[tuple[int, int]]:
    """The spans of the sentences of ``text`` (split at . ! ? ; and line breaks), without outer spaces and
    without the message's frame (greeting, sign-off, a name alone on a line)."""
    frame = _frame_lines(text)
    out = []
    for m in _SENT.finditer(text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e <= s or any(fs <= s and e <= fe for fs, fe in frame):
            continue
        if _GREETING.fullmatch(text, s, e) or _SIGN_OFF.fullmatch(text, s, e):  # "Hey!", "Thanks."
            continue
        out.append((s, e))
    return out


#: a sentence of at most this many words is read with the sentence before it ("…start date. Impressive.")
SHORT = 4


def windows(text: str) -> list[tuple[int, int]]:
    """What the model scores: each sentence, a short one together with the sentence before it."""
    spans = sentences(text)
    out = []
    for i, (s, e) in enumerate(spans):
        if i > 0 and len(_TOKEN.findall(text[s:e].lower())) <= SHORT:
            s = spans[i - 1][0]
        out.append((s, e))
    return out


def content(text: str) -> str:
    """The sentences of ``text`` without its frame, joined by spaces (how a whole message is trained on)."""
    return " ".join(text[s:e] for s, e in sentences(text)) or text


# ============================================================================ the model

@dataclass(frozen=True)
class Model:
    bias: float
    weights: dict[str, float]
    threshold: float  #: a probability; a sentence above it reads as bitter


@dataclass(frozen=True)
class Scored:
    start: int
    end: int
    probability: float
    words: tuple[str, ...]  #: the words that weighed most towards "bitter", heaviest first


def from_json(data: object) -> Model:
    """A :class:`Model` from the parsed weights file; raises ``ValueError`` when it is not one."""
    if not isinstance(data, dict):
        raise ValueError("the weights file is not an object")
    bias, threshold, weights = data.get("bias"), data.get("threshold"), data.get("weights")
    if not isinstance(bias, (int, float)) or not isinstance(threshold, (int, float)) or not isinstance(weights, dict):
        raise ValueError("the weights file lacks bias, threshold or weights")
    clean = {str(k): float(v) for k, v in weights.items() if isinstance(v, (int, float))}
    return Model(float(bias), clean, float(threshold))


@lru_cache(maxsize=1)
def load() -> Model | None:
    """The shipped model, or ``None`` (logged) when its file can't be read: the rules then work alone."""
    try:
        raw = resources.files("store").joinpath(WEIGHTS_FILE).read_text(encoding="utf-8")
        return from_json(json.loads(raw))
    except (OSError, ValueError) as exc:
        logs.swallowed(exc, "tone model weights")
        return None


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    ez = math.exp(z)
    return ez / (1.0 + ez)


#: features that are a tone cue by themselves; the model fires only on a sentence with at least one of them, so
#: it never flags a sentence on the strength of ordinary words alone
_CUES = ("c:neg", "c:bad", "c:mock", "c:public", "c:correct", "c:demand", "c:again", "c:courtesy", "c:stock",
         "c:escalate", "x:", "s:!!", "s:?!", "s:quote", "s:ellipsis", "s:asterisk")
# capitals are a cue only without a warm word ("x:caps-warm"): "I AM SO GLAD" is happy, as the rules read it


def cued(sentence: str) -> bool:
    """Whether ``sentence`` holds a tone cue (a judgement word, bad news, a mocking word, a public venue, a
    correction, a demand, capitals, "!!", scare quotes…)."""
    return _cued(features(sentence))


def _cued(feats: list[tuple[str, str]]) -> bool:
    return any(name.startswith(_CUES) for name, _ in feats)


def score(sentence: str, model: Model | None = None, *,
          feats: list[tuple[str, str]] | None = None) -> tuple[float, list[tuple[str, float]]]:
    """The probability that ``sentence`` reads as bitter, and the words behind the features that pushed it
    up (``(words, weight)``, heaviest first)."""
    m = model if model is not None else load()
    if m is None:
        return 0.0, []
    z = m.bias
    pushes: list[tuple[str, float]] = []
    for name, words in (feats if feats is not None else features(sentence)):
        w = m.weights.get(name)
        if w is None:
            continue
        z += w
        if w > 0 and words:
            pushes.append((words, w))
    pushes.sort(key=lambda p: -p[1])
    return _sigmoid(z), pushes


_SHOWN_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'-]{0,29}")
#: words too plain to name in the why line
_PLAIN_WORDS = frozenset("""a an the my your our their his her its i me you we they it this that these those so and or
but to of in on at for with by from as is was are were be been being am have has had do does did will would can
could should just then than there here what which who how""".split())


def _top_words(pushes: list[tuple[str, float]], limit: int = 3) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for words, _w in pushes:
        for w in words.split():
            if _SHOWN_WORD.fullmatch(w) and w.lower() not in _PLAIN_WORDS:
                seen.setdefault(w, None)
        if len(seen) >= limit:
            break
    return tuple(list(seen)[:limit])


def most_bitter(text: str, model: Model | None = None) -> Scored | None:
    """The window of ``text`` (see :func:`windows`) that reads most bitter, whatever its probability."""
    m = model if model is not None else load()
    if m is None or not text:
        return None
    text = text[:MAX_CHARS]
    best: Scored | None = None
    for s, e in windows(text):
        feats = features(text[s:e])
        if not _cued(feats):
            continue
        p, pushes = score(text[s:e], m, feats=feats)
        if best is None or p > best.probability:
            best = Scored(s, e, p, _top_words(pushes))
    return best


def bitter_sentence(text: str, model: Model | None = None) -> Scored | None:
    """The sentence of ``text`` that reads most bitter overall, when it crosses the model's threshold."""
    m = model if model is not None else load()
    if m is None:
        return None
    best = most_bitter(text, m)
    return best if best is not None and best.probability > m.threshold else None
