"""Noticing, locally, when a journal entry speaks of not wanting to be alive.

``support_signal(text)`` reads a journal text (a free write, a check-in note, a hot thought) and returns
a :class:`Signal` when the words say the person may be thinking of ending their life or hurting
themselves; ``None`` otherwise. ``ratings_signal`` does the same for a run of very low check-ins or very
heavy feelings. Neither is a diagnosis and neither goes anywhere: the journal shows a calm support panel
(or one quiet line, for ratings) and the entry is saved as written. Nothing here leaves the machine.

How it reads
============
People write these thoughts fast, late, in lowercase, without punctuation, with typos and shorthand. So
the text is first *normalised* into a canonical word stream (every word keeps its place in the original
text, so a signal can point at the words):

* casefolded, curly apostrophes and backticks made straight, runs of a letter cut to two (``diiie``);
* contractions spelled out (``don't`` → ``do not``, ``i'm``/``im`` → ``i am``, ``i'd`` → ``i would``),
  shorthand expanded (``wanna`` → ``want to``, ``kms`` → ``kill myself``, ``2`` → ``to``, ``u`` → ``you``),
  censored and leet spellings read (``k*ll``, ``su1cide``), algospeak (``unalive``, ``sewer slide``);
* common misspellings of the few words that matter (``sucidal``, ``suicdal``, ``myslef``, ``anymroe``)
  are mapped by a small edit distance to a short list of key words, so new typos are read too;
* sentence ends (``.``, ``!``, ``?``, ``;``, a new line) stay as boundaries, so a pattern never joins
  words across two sentences.

Then patterns are matched over word *classes* (a wish: want, wish, hope, ready, planning to…; an act:
die, kill myself, end my life, hurt myself…; a means: pills, rope, bridge, a train…), never over a list
of whole lines. Each family has a ``kind`` (what the words are about) and a short, plain reason that
names no condition.

When no family matches, a broader net reads the same ideas with a few free words between the parts (a wish
and a death word: "honestly i think i deserve to just die"; "no reason … to live"; "won't be here much
longer"; hiding or staring at a means; hurting a body part), only in a sentence in the writer's own voice
(i, me, my) and outside the quiet idioms. Fresh phrasings kept slipping between the families' fixed word
slots (76.7-90% recall on held-out rounds); recall comes first, because a gentle panel shown once costs far
less than a missed moment.

Judgment calls (tested in ``tests/store/test_care.py``)
========================================================
* Everyday strong words of a job search stay quiet: "this commute is killing me", "I'd kill for that job",
  "I killed it in the interview", "my laptop died", "dying to hear back", "dead-end", "deadline",
  "a suicide mission of a take-home", "career suicide", "killer app", "drop-dead date", "the hill I want
  to die on", "killing myself to finish this portfolio" (effort), "shot myself in the foot", "burned
  myself out", "cut myself some slack", "at the end of my rope", "burn bridges".
* "I'd rather die than write another cover letter, ha": **quiet**. "Rather die *than* <an everyday
  task>" is a comparison, the way people say they hate a chore. "I'd rather be dead" with no "than", or
  any other words here in the same entry, still show the panel.
* Negation. "I don't want to die" is quiet (it says the opposite, and "I don't want to die in this
  dead-end job" is hyperbole). But "I'm not suicidal, just tired", "I'd never kill myself" and "I'm not
  going to hurt myself" **show** the panel: someone who writes that denial has the thought close by, the
  panel is gentle, shown once per entry, never blocks the save, and a missed moment costs far more than an
  unneeded one. The one exception is the idiom of effort, "not going to kill myself over one rejection".
* "I'll kill myself if I have to do one more case study" shows the panel: it names the act in the first
  person, and the panel costs a few seconds.
* "wanted to die when I called her by the wrong name" / "die of embarrassment" are embarrassment and stay
  quiet; "I wanted to die last night" shows the panel.
* Someone else, not the writer: "my friend is suicidal", "my brother died by suicide", "she said the
  rejection made her want to die", a novel or a training course about suicide stay **quiet**; the
  journal is the writer's own. Quoted words stay quiet only when someone else said them ("'I wanted to
  die' is what my friend said"); "I said 'I want to die' to my therapist" shows the panel.
* A past that the entry says is over ("I used to self-harm as a teenager; it's been ten years and I'm
  proud of that", "a year ago I thought about ending it, but I'm doing much better now") is **quiet**. Any
  present pull in the same sentence ("again", "lately", "is back", "scared I'll…", "want") keeps the panel.
* "Rather … than" is a comparison with a chore ("I'd rather walk into the sea than do another group
  interview, lol": quiet) unless what follows "than" is living itself ("I'd rather be dead than keep living
  like this": the panel). The same goes for hyperbole about wanting a job: "I'd jump off a cliff for a
  chance at that role" is quiet.
* Held-out rounds of both corpora were written before the rules saw them (``tests/corpus/ROUNDS.md``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from store.tone import _Prefilter, _top_level_alternatives

__all__ = ["Signal", "support_signal", "ratings_signal", "normalise"]


@dataclass(frozen=True)
class Signal:
    """What was noticed. ``span`` indexes the checked text ((0, 0) for ratings); ``reason`` is a short,
    plain phrase for logs and tests (it never names a condition and never contains the user's words)."""

    kind: str
    span: tuple[int, int]
    reason: str


# ============================================================================ normalising

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "′": "'", "＇": "'"})
_BOUNDARY = "|"

# whole-token rewrites (after casefolding and apostrophes); a value may be several words
_SHORTHAND: dict[str, str] = {
    "wanna": "want to", "wana": "want to", "wan": "want", "wnat": "want", "whant": "want", "watn": "want",
    "gonna": "going to", "gona": "going to", "finna": "going to", "tryna": "trying to", "gotta": "got to",
    "kinda": "kind of", "sorta": "sort of", "hafta": "have to", "outta": "out of", "lemme": "let me",
    "kms": "kill myself", "killmyself": "kill myself", "endmylife": "end my life", "wanttodie": "want to die",
    "hurtmyself": "hurt myself", "selfharm": "self harm", "unalive": "kill", "unaliving": "killing",
    "unalived": "killed", "sewerslide": "suicide", "sewerslided": "suicidal", "sucide": "suicide",
    "kil": "kill", "kiil": "kill", "kll": "kill", "diie": "die", "dyin": "dying", "ded": "dead",
    "alife": "alive", "alve": "alive", "lif": "life", "liv": "live",
    "u": "you", "ur": "your", "ppl": "people", "every1": "everyone", "no1": "no one", "noone": "no one",
    "nobdy": "nobody", "some1": "someone", "2": "to", "2nite": "tonight", "tonite": "tonight",
    "tmrw": "tomorrow", "tmr": "tomorrow", "tmrrw": "tomorrow", "2moro": "tomorrow", "2morrow": "tomorrow",
    "rn": "right now", "bc": "because", "cuz": "because", "coz": "because", "cos": "because",
    "anymore": "anymore", "any-more": "anymore", "nomore": "no more", "cud": "could", "culd": "could",
    "myslef": "myself", "meself": "myself", "mysefl": "myself", "myself": "myself",
    "im": "i am", "ive": "i have", "dont": "do not", "doesnt": "does not", "didnt": "did not",
    "cant": "can not", "cannot": "can not", "couldnt": "could not", "wouldnt": "would not",
    "shouldnt": "should not", "isnt": "is not", "wasnt": "was not", "werent": "were not", "arent": "are not",
    "havent": "have not", "hasnt": "has not", "wont": "will not", "theres": "there is", "whats": "what is",
    "thats": "that is", "theyd": "they would", "id": "i would",
    "idk": "i do not know", "idek": "i do not even know", "tbh": "to be honest", "ngl": "not going to lie",
    "imo": "in my opinion", "prolly": "probably", "abt": "about", "bcs": "because", "smth": "something",
    "sth": "something", "evryone": "everyone", "evrything": "everything", "nothin": "nothing",
    "won't": "will not", "can't": "can not", "shan't": "shall not", "ain't": "am not",
}
# words the edit-distance repair maps onto (only words that matter for the patterns, none shorter than 5)
_KEYWORDS = (
    "suicidal", "suicide", "myself", "anymore", "overdose", "goodbye", "everyone", "everybody", "without",
    "disappear", "existing", "burden", "living", "alive", "tomorrow", "nobody", "wrists", "pills",
    "kill", "killing", "better", "reason", "point", "worth",
)
_KEYSET = frozenset(_KEYWORDS)
_KEY_DEDUP = {re.sub(r"(.)\1", r"\1", w): w for w in reversed(_KEYWORDS)}  # the first keyword wins
# real words that are one edit from a key word and must keep their own meaning
_NOT_TYPOS = frozenset("""
homeless hopeless worthless pointless useless helpless bitter butter batter letter setter
loving liking giving diving filling billing willing milling hilling killer skill skills
season treason joint paint print pint pont worthy north forth wrist pulls polls pails
burdens bidden sudden garden warden burden's alike olive alive's mine self shelf pillow
existence exiting existed exist exits exit without's suited suite suites
""".split())
_LEET = str.maketrans({"1": "i", "3": "e", "0": "o", "4": "a", "@": "a", "$": "s", "!": "i"})
_CENSOR_VOCAB = ("kill", "killing", "suicide", "suicidal", "die", "dead", "myself", "self", "harm")
_CONTRACTIONS = re.compile(r"^(.+?)(n't|'d|'ll|'re|'ve|'m|'s)$")
_CONTRACTION_WORD = {"n't": "not", "'d": "would", "'ll": "will", "'re": "are", "'ve": "have", "'m": "am",
                     "'s": "is"}


def _dl_within(a: str, b: str, k: int) -> bool:
    """Damerau–Levenshtein distance of ``a`` and ``b`` is at most ``k`` (optimal string alignment)."""
    if abs(len(a) - len(b)) > k:
        return False
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > k:
            return False
        prev2, prev = prev, cur
    return prev[len(b)] <= k


@lru_cache(maxsize=8192)
def _repair(tok: str) -> str:
    """A canonical spelling for one lowercase token (possibly several words). Cached: words repeat."""
    if tok in _SHORTHAND:
        return _SHORTHAND[tok]
    if "*" in tok:  # k*ll, s*icide
        pat = re.compile("^" + re.escape(tok).replace(r"\*", "[a-z]{1,2}") + "$")
        for word in _CENSOR_VOCAB:
            if pat.match(word):
                return word
        return tok.replace("*", "")
    if any(c.isdigit() or c in "@$!" for c in tok) and any(c.isalpha() for c in tok):
        leet = tok.translate(_LEET)
        if leet in _KEYSET or leet in _CENSOR_VOCAB:
            return leet
    m = _CONTRACTIONS.match(tok)
    if m and m.group(1).isalpha():
        base, tail = m.group(1), m.group(2)
        if tail == "n't":
            return f"{_repair(base)} not"
        return f"{_repair(base)} {_CONTRACTION_WORD[tail]}"
    if tok in _KEYSET or tok in _NOT_TYPOS or len(tok) < 4 or not tok.isalpha():
        return tok
    if tok[-1] == "s" and tok[:-1] in _KEYSET:  # a plural ("goodbyes", "pills") is not a typo
        return tok
    dedup = re.sub(r"(.)\1", r"\1", tok)
    if dedup in _KEY_DEDUP:
        return _KEY_DEDUP[dedup]
    for word in _KEYWORDS:
        if word[0] != tok[0] or len(word) < 5:
            continue
        k = 2 if word.startswith("suicid") else 1
        if len(tok) >= 5 and _dl_within(tok, word, k):
            return word
    return tok


_TOKEN = re.compile(r"[\w'*@$]+|[.!?;:\n]+|(?<=\s)-(?=\s)|[()\[\]\"]")


@dataclass(frozen=True)
class Normalised:
    """The canonical word stream of a text: ``text`` is words joined by single spaces (``|`` for a
    sentence end); ``starts``/``ends`` map each character of ``text`` to the span of its source word."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original-text span of the canonical slice ``[start, end)``."""
        if not self.text:
            return (0, 0)
        end = max(start + 1, end)
        return (self.starts[start], self.ends[min(end, len(self.ends)) - 1])


def normalise(text: str) -> Normalised:
    """Casefold, straighten apostrophes, spell out shorthand and repair typos (see the module doc)."""
    raw = text.translate(_APOSTROPHES)  # one character for one: spans stay those of ``text``
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []

    def emit(word: str, s: int, e: int) -> None:
        if out:
            out.append(" ")
            starts.append(s)
            ends.append(e)
        out.append(word)
        starts.extend([s] * len(word))
        ends.extend([e] * len(word))

    last_boundary = True
    for m in _TOKEN.finditer(raw):
        tok = m.group(0)
        s, e = m.start(), m.end()
        if tok[0] in ".!?;:\n" or tok == "-":
            if not last_boundary:
                emit(_BOUNDARY, s, e)
                last_boundary = True
            continue
        if tok[0] in "()[]\"":
            continue
        tok = tok.casefold().strip("'")
        tok = re.sub(r"(.)\1{2,}", r"\1\1", tok)
        if not tok:
            continue
        for word in _repair(tok).split():
            emit(word, s, e)
        last_boundary = False
    return Normalised("".join(out), tuple(starts), tuple(ends))


# ============================================================================ word classes

_FILL = (r"(?:(?:just|really|honestly|seriously|actually|literally|kind of|sort of|sometimes|often|still|so|"
         r"truly|genuinely|almost|only|even|simply|all|lowkey|legit|also|fully|totally|badly|desperately|"
         r"quietly|secretly|slowly|probably|maybe|definitely|quite|pretty|very|constantly|always|now|lately|"
         r"tonight|today|recently|ever|too|already|kind|sort|fucking|freaking|bloody|god|like)\s){0,4}")
_I = r"(?:i|me)"
# a wish, a plan, a pull (then "to <act>")
_WANT = (r"(?:want|wanted|wanting|wish|wished|wishing|wishes|hope|hoping|need|needed|ready|prepared|"
         r"plan|planning|planned|decided|deciding|tempted|urge|urges|meant|trying|tried|try|"
         r"considering|deserve|deserved|would like|would love|thinking of|thought of|intend|"
         r"intending|choose|chose|longing)")
_KIN = (r"(?:family|kids|children|son|daughter|mum|mom|mother|dad|father|parents|partner|wife|husband|"
        r"girlfriend|boyfriend|sister|brother|sisters|brothers|friends|loved ones|everyone i love|"
        r"the people i love|fiance|fiancee|grandma|grandmother|grandad|grandfather|little brother|"
        r"little sister|family and friends)")
_KIN_ONE = (r"friend|brother|sister|mum|mom|mother|dad|father|cousin|colleague|coworker|co worker|partner|flatmate|"
            r"roommate|housemate|neighbour|neighbor|son|daughter|uncle|aunt|wife|husband|boyfriend|girlfriend|ex|"
            r"boss|manager|classmate|teammate|grandma|grandad|grandmother|grandfather|nephew|niece|mate|student|"
            r"client|patient|friends|parents|kid|child")
_GONE = (r"(?:dead|gone|not here|not around|never born|not alive|no longer here|no longer around|"
         r"out of the picture)")
_IF_I_GONE = (r"(?:if|when|once) " + _I + r" (?:(?:was|were|am|just|would be|had|had just|simply|really|only|"
              r"finally|were to|was to) ){0,2}"
              r"(?:" + _GONE + r"|died|die|disappeared|disappear|vanished|did not exist|never existed|"
              r"was never born|had never been born|killed myself|ended it|did not wake up|never woke up|"
              r"left this world|stopped existing)\b(?! (?:for (?!good\b|ever\b)|from|on|to|at|in) )")
_NOONE = r"(?:no one|nobody|not one person|not a single person|not a soul|none of them|not even my family)"
_WOULD = r"(?:would|will|is going to|going to|would even|will even|would actually|would really|would ever|even)"
_HERE_END = (r"(?=\s*(?:\||$|(?:anymore|any more|any longer|for good|forever|tonight|tomorrow|now|soon|"
             r"right now|today|this (?:weekend|week|month|time|year)|next (?:week|month)|on (?:monday|tuesday|"
             r"wednesday|thursday|friday|saturday|sunday)|i mean it|for real|once and for all|if|because|when|"
             r"before|after|so|to be honest|honestly|not going to lie|i swear|i think|maybe)\b))")
_LIVE_END = (r"(?=\s*(?:\||$|(?:anymore|any more|any longer|for good|forever|tonight|tomorrow|now|soon|and|"
             r"but|i|so|because|like this|this way|at all|if|when|honestly|lol|anyway|really|in this world|"
             r"on this earth|without|after|since)\b))")
_END = r"(?=\s*(?:\||$))"
_NEG = r"(?:not|never|no longer)"
# nouns that make "suicide"/"suicidal" a figure of speech about work
_JOBNOUN = (r"(?:deadline|deadlines|schedule|pace|timeline|timelines|sprint|sprints|workload|take home|task|"
            r"tasks|assignment|mission|missions|commute|hours|crunch|interview|interviews|loop|project|"
            r"brief|case study|run|runs|drill|drills|squad|door|doors|lane|king|knot|shift|shifts|move|"
            r"moves|job|role|offer|startup|challenge|exercise|test|hiring process|process|idea|decision)")
_NOT_A_MODIFIER = (r"(?!(?:for|since|at|during|after|before|in|on|all|again|every|because|about|and|but|so|over|"
                   r"when|thoughts|ideation|feelings|urges|note|plan|attempt|this|that|last|most|some|the|my|"
                   r"a|lately|tonight|today|now)\b)")
_CAREER = (r"(?:career|professional|political|social|commercial|financial|reputational|brand|corporate|"
           r"linkedin|job|resume|cv|fashion|pr|marketing|business|economic|academic|salary|networking)")
_PILLS = (r"(?:pills|tablets|meds|medication|medications|capsules|painkillers|sleeping pills|sleeping tablets|"
          r"prescription|prescriptions|medicine|medicines|"
          r"paracetamol|tylenol|ibuprofen|insulin|antidepressants|ssris|xanax|benzos|opioids|oxy|"
          r"pill bottle|bottle of pills|bottle)")
_HEIGHT = (r"(?:bridge|roof|rooftop|building|balcony|cliff|ledge|overpass|tower|window|car park|parking garage|"
           r"multi storey|block of flats|tall building|motorway bridge|viaduct|pier)")
_VEHICLE = (r"(?:train|trains|bus|buses|truck|lorry|car|cars|tube|subway|metro|tram|oncoming traffic|"
            r"traffic|tracks|train tracks)")
_ACT = r"(?:do it|end it|die|kill myself|end my life|end things|end it all|go through with it)"


class _Pattern:
    """A pattern over the canonical text. A leading ``\\b`` is checked after the match instead of in it:
    Python's regex engine skips ahead quickly only when a pattern does not start with an assertion, which
    makes the check several times faster. Matches are exactly those of the pattern as written."""

    __slots__ = ("_rx", "bound", "pre", "source")

    def __init__(self, source: str) -> None:
        self.bound = source.startswith(r"\b") and len(_top_level_alternatives(source)) == 1
        self.source = source[2:] if self.bound else source
        self._rx: re.Pattern[str] | None = None
        self.pre = _Prefilter(self.source)  # skips a pattern whose words cannot be in the text

    @property
    def rx(self) -> re.Pattern[str]:
        """The pattern, compiled on first use (the prefilter rules most out for a given text)."""
        rx = self._rx
        if rx is None:
            rx = self._rx = re.compile(self.source)
        return rx

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if not self.pre.possible(text):
            return
        if not self.bound:
            yield from self.rx.finditer(text)
            return
        pos = 0
        while pos <= len(text):
            m = self.rx.search(text, pos)
            if m is None:
                return
            s = m.start()
            if (s > 0 and _is_word(text[s - 1])) != (s < len(text) and _is_word(text[s])):
                yield m
                pos = m.end() if m.end() > s else s + 1
            else:
                pos = s + 1


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


@dataclass(frozen=True)
class _Family:
    kind: str
    reason: str
    patterns: tuple[_Pattern, ...]


def _c(*ps: str) -> tuple[_Pattern, ...]:
    return tuple(_Pattern(p) for p in ps)


_ENDING = _Family("ending", "words about ending one's own life", _c(
    r"\b(?:kill|killing|killed|kills|end|ending|ended|off|offing) (?:my ?self|myself)\b",
    r"\b(?:end|ending|ended|take|taking|took|takes) (?:my|my own|own) (?:life|lives)\b(?! (?:back|into|in my))",
    r"\b(?:end|ending) (?:it|this|everything) all\b",
    r"\b(?:end|ending) (?:it|everything|things|my suffering|the suffering|my pain)" + _HERE_END,
    r"\b(?:hang|hanging|hanged|shoot|shooting|drown|drowning|poison|poisoning|gas|gassing|stab|stabbing|"
    r"electrocute|electrocuting|suffocate|suffocating|smother|overdose|od) myself\b"
    r"(?! (?:in the foot|in (?!front)|out to dry|with (?:coffee|work|caffeine)|on (?:coffee|caffeine|work)))",
    r"\bsuicid(?:e|al|ally)\b",
    r"\bsewer ?slide",
    r"\b(?:commit|committing|committed|attempt|attempting|attempted) (?:suicide|it again)\b",
))

_WISH = _Family("wish to die", "a wish not to be alive", _c(
    r"\b" + _WANT + r" (?:to )?" + _FILL + r"(?:die|be dead|not be alive|not be here|not exist|stop existing|"
    r"cease to exist|not wake up|never wake up|sleep forever|be gone|disappear forever|go to sleep forever|"
    r"not be around|stop living|not live|not be)\b(?! (?:my|her|his) hair)",
    r"\b" + _I + r" " + _FILL + r"(?:should|deserve to) " + _FILL
    + r"(?:die|be dead|not wake up|kill myself|be gone|not be alive|not exist|not be here|never have been born)"
    r"(?!\s+(?:of|from|laughing|on|for|in a|in the|than|then|if)\b)",
    r"\b(?:wish|wished|wishing|hope|hoping|pray|praying) " + _I + r" (?:was|were|would be|had been|could be) "
    + _FILL + r"(?:dead|never born|not born|not alive|gone|not here|not around|not breathing)\b(?! (?:from|for|on) )",
    r"\b(?:wish|wished|wishing|hope|hoping|pray|praying) " + _I + r" " + _FILL + r"(?:die|died|dying)\b"
    r"(?! (?:my|her|his) hair)",
    r"\b(?:wish|wished|wishing|hope|hoping|pray|praying) " + _I + r" (?:would|could|will|might|can) " + _FILL
    + r"(?:die|be dead|not wake up|never wake up|disappear forever|stop existing|stop breathing|not exist|"
    r"fall asleep and never wake up|sleep forever|go to sleep forever|fall asleep forever|go to sleep and never "
    r"wake up|not wake up|never wake up)\b",
    r"\b(?:wish|wished|wishing) " + _I + r" (?:had|would|would have|could have) " + _FILL
    + r"(?:died|never been born|not been born|not woken up|never woken up|never existed)\b",
    r"\b(?:better|happier|easier|best) off (?:dead|not alive|not being here|not existing|gone)\b",
    r"\brather (?:be )?(?:dead|die|not be alive|not exist|not be here)\b(?!\s*(?:\w+\s+){0,4}?(?:than|then)\s+"
    r"(?!keep\b|go on\b|continue\b|live\b|living\b|feel\b|feeling\b|be like\b|carry on\b|being\b|wake up\b|"
    r"face\b|fail\b|failing\b|suffer\b|suffering\b)\w)"
    r"(?!\s+(?:broke|tired|serious|set|last|wrong|right|quiet|silent|beat|on|ahead|even|center|centre)\b)",
    r"\b" + _NEG + r" " + _FILL + r"(?:want|wanna|wish|wanting|wanted|feel like) (?:to )?" + _FILL
    + r"(?:live|be alive|exist|be here|be around|wake up|go on|carry on|keep living|keep going|continue living|"
    r"stay alive|keep existing|be on this earth|be in this world)" + _LIVE_END
    + r"(?! (?:in|at|with|on) )",
    r"\b" + _NEG + r" (?:deserve|deserving|meant|worthy) (?:to )?(?:live|be alive|exist|be here|of living)\b",
    r"\b" + _I + r" (?:should|was|am) " + _FILL + r"(?:not|never|not supposed to|not meant to) " + _FILL
    + r"(?:be alive|exist|have been born|be here|be born)(?=\s*(?:\||$|(?:anymore|any more|at all|i|and)\b))",
    r"\b(?:stop|cease|quit) (?:existing|living|to exist|being alive|breathing)" + _LIVE_END,
    r"\b(?:sleep|sleeping|slept|fall asleep|go to sleep|falling asleep) (?:and|&) (?:never|not) wake up\b",
    r"\b(?:hope|hoping|pray|praying|wish|wishing) " + _I + r" (?:do not|does not|never|will not|would not|"
    r"did not|will never|would never) (?:wake up|see tomorrow|see the morning)\b",
    r"\b(?:picturing|imagining|imagine|imagined|planning|plan|planned|thinking about|think about|thought about|"
    r"fantasi[sz]ing about|dreaming about) my (?:own )?(?:funeral|death|suicide|last day alive)\b",
    r"\b(?:think|thinking|thought|thoughts|obsessing|fantasi[sz]ing|fantasi[sz]e|dreaming|dream) (?:about|of) "
    r"(?:death|dying|not existing|not being alive|not being here|being dead|not waking up|ending it|"
    r"ending things|ending everything|ending it all|ending my life|killing myself|my death)\b"
    r"(?! (?:my|her|his|the|your) hair)",
    r"\b(?:disappear|vanish) (?:forever|for good|permanently|and never come back|and not come back|"
    r"and never be found|off the face of the earth)\b",
    r"\b(?:want|wanna|wish|wished|wishing) (?:to |i could |i would |i can |i could just |i would just )?"
    + _FILL + r"(?:disappear|vanish|not exist|cease to exist)" + _END,
    r"\b(?:want|need|wish|wanted|needed) (?:it all|everything|all of it|the pain|this pain|the hurting|"
    r"life|my life|all this|all of this|everything in my head) (?:to )?(?:stop|end|be over)"
    r"(?: for good| forever| now| already| permanently| for ever| once and for all)?" + _END,
    r"\bready to (?:leave this world|leave this life|check out of life|be done with life|let go of life)\b",
    r"\b(?:done|finished) (?:with|being) (?:life|living|being alive|existing|this life|alive)\b"
    r"(?!\s+(?:in|at|with|on|near|out|like|under|off|paycheck|from|as|here|there|for)\b)",
    r"\bgiv(?:e|ing|en) up on (?:life|living|being alive|staying alive)\b",
    r"\b(?:feel|feeling|felt) like (?:dying|i (?:want|wanna|should) (?:to )?die)" + _LIVE_END,
    r"\b(?:happy|glad|relieved|fine|okay|ok|at peace|grateful|thankful) (?:if|when) " + _I + r" (?:just )?"
    r"(?:never woke up|did not wake up|do not wake up|died|was dead|were dead|was gone|were gone|"
    r"stopped existing|stopped breathing|did not exist)\b",
    r"\b(?:wish|wished|wishing) " + _I + r" (?:did not|had not|never|could not|would not|could just not) "
    + _FILL + r"(?:exist|existed|been born|wake up|woke up|be alive|be here)\b",
    r"\b(?:hate|can not stand|despise|loathe) (?:being alive|existing|my existence|life itself|being here on "
    r"this earth|living)" + _LIVE_END + r"(?! (?:in|at|with|on|near|alone|here|there) )",
    r"\bwant out of (?:this life|life|living|existence|being alive|this world)\b",
    r"\b(?:disappear|vanish|sleep|fall asleep|go to sleep|close my eyes|lie down|pass out) (?:and|&) "
    r"(?:never|not) (?:wake up|come back|open them again|get up again)\b",
    r"\b(?:might|may|could) (?:just )?as well (?:just )?(?:be dead|die|not exist|not be here|kill myself|"
    r"end it)\b",
    r"\bwhy (?:am|are) " + _I + r" (?:even |still |even still |still even )?(?:alive|breathing|living)" + _LIVE_END,
    r"\b(?:want|wanna|wish|wanted) (?:to |too |2 )?(?:just )?dye" + _LIVE_END,
    r"\b(?:wake|woke|waking|wakes) up (?:and|&|only to) (?:\w+ )?(?:wish|wished|am disappointed|feel disappointed|"
    r"hate it|regret it|am sad)\b",
    r"\b(?:disappointed|upset|sad|angry) (?:that )?" + _I + r" (?:woke up|am still alive|am still here|"
    r"did not die|survived)\b",
    r"\b(?:had|have had|i have had) enough of (?:living|life|being alive|existing|this life|breathing)\b"
    r"(?!\s+(?:in|at|with|on|out|like|under|off|as)\b)",
    r"\bif " + _I + r" (?:am|m) (?:not|no longer) (?:here|around|alive) (?:next week|tomorrow|next month|by "
    r"(?:friday|monday|the weekend|the morning|then))\b(?=[^|]{0,20}\b(?:because|know|sorry|remember|"
    r"please|it is|that is)\b)",
    r"\bwhat if " + _I + r" (?:just |simply )?(?:did not wake up|never woke up|do not wake up|died|disappeared|"
    r"was gone|were gone|ended it|killed myself|was not here|were not here|stopped existing)\b",
    r"\b(?:want|wanna|wanted|need|am going|m going|am gonna|going|gonna) to (?:just )?jump" + _END,
    r"\b(?:dying|death|being dead|not existing|not being here|not being alive|ending it|ending it all|"
    r"ending my life|killing myself|not waking up) (?:sounds|seems|feels|would be|would feel|is|looks) (?:like )?"
    r"(?:a |such a |so )?(?:relief|peaceful|easier|better|nice|freedom|appealing|tempting|the answer|the only "
    r"answer|a release|an escape|a way out|inviting|welcome)\b",
    r"\b(?:tracks|bridge|ledge|pills|rope|roof|cliff|balcony|overpass|railing)\b[^|]{0,40}?\bthought (?:about|of) "
    r"(?:it|doing it|jumping|taking them|using it)\b",
    r"\b(?:part of me|a part of me|something in me|my brain|my mind|my head|a voice in my head|the voice in my "
    r"head) (?:wants|keeps telling me|tells me|says|keeps saying|is telling me) (?:me )?(?:to )?(?:die|be dead|end it|"
    r"kill myself|jump|not be here|disappear forever|stop existing|give up on life)\b",
    r"\b(?:thinking|think|thought|thoughts) (?:about|of) jumping\b(?! (?:at|in|into|on|ship|to|from (?:job|role|"
    r"company)|back|the gun|through))",
    r"\bwhy (?:do|should) " + _I + r" (?:even |still )?(?:exist|bother living|keep living|bother being alive|"
    r"stay alive|keep breathing)\b",
))

_BURDEN = _Family("burden", "feeling that others would be better off without them", _c(
    r"\bbetter off without me\b",
    r"\b(?:better|happier|easier|lighter|freer) (?:off |place )?(?:without me|with me gone|with me dead|"
    r"if i was not around|if i were not around)\b",
    r"\b(?:better|happier|easier|lighter|freer|fine|okay|ok|alright|all right|relieved) (?:off )?" + _IF_I_GONE,
    r"\b(?:be|are|is|were) (?:fine|okay|ok|alright|all right|just fine) without me"
    r"(?=\s*(?:\||$|(?:and|anyway|honestly|they|everyone|so|i)\b))",
    r"\b(?:no one|nobody|not a single person|the world|my family|anyone) (?:needs|would need|will need|wants|"
    r"would miss|will miss|does not need|does not want) me(?=\s*(?:\||$|(?:anymore|any more|and|they|so|"
    r"honestly|at all|around|here|alive)\b))",
    r"\b(?:a|such a|just a|the|only a|nothing but a|nothing but) (?:huge |big |constant |total |massive |"
    r"giant |useless )?burden (?:to|on|for) (?:everyone|everybody|them|the people|people|all|those|anyone|"
    r"the world|my " + _KIN + r"|my (?:flatmates|roommates|housemates|loved ones|carers|caregivers))\b",
    r"\b" + _I + r" (?:am|feel like|feel|have become|became|have been|was|m|will always be|am always|"
    r"am only|am just) " + _FILL + r"(?:a|such a|just a|only a|nothing but a|nothing but|the) (?:huge |big |"
    r"constant |total |massive |giant |useless )?burden\b",
    r"\b" + _NOONE + r" " + _WOULD + r" " + _FILL + r"(?:miss me|mourn me|cry for me|come to my funeral|"
    r"notice i was gone|notice i am gone|notice if i was gone|care if i was gone)\b",
    r"\b" + _NOONE + r" " + _WOULD + r" " + _FILL + r"(?:care|notice|mind|cry|mourn|be sad|be upset|miss "
    r"(?:it|anything))(?: at all| much| one bit)? " + _IF_I_GONE,
    r"\b" + _IF_I_GONE + r"(?: tomorrow| today| tonight| now| right now)?(?: i do not think| i doubt)? "
    + _NOONE + r" " + _WOULD + r" (?:care|notice|miss|mourn|cry|be sad)",
    r"\bwould (?:anyone|anybody|people|they|my family) (?:even |really |actually )?(?:care|notice|miss me|"
    r"mind)(?: at all)? " + _IF_I_GONE,
    r"\b(?:everyone|everybody|they|the world|my family|people) (?:would|will) (?:be )?(?:relieved|happier|"
    r"better) (?:when|if|once) " + _I + r" (?:am|was|were|m) (?:gone|dead)\b",
))

_NO_WAY = _Family("no way forward", "feeling there is no way forward in life", _c(
    r"\bno (?:reason|point|purpose) (?:for me |left |anymore |at all )?(?:to|in|of) (?:live|living|go on|"
    r"going on|keep living|be alive|being alive|be here|being here|exist|existing|stay|stay alive|"
    r"staying alive|wake up|waking up|carry on|carrying on|keep going|get up|breathe|breathing)"
    + _LIVE_END + r"(?! (?:in|at|with|on|for) )",
    r"\bno (?:reason|point|purpose) (?:left |anymore |at all )?(?:to|in|of) (?:live|living|be alive|being alive|"
    r"exist|existing|stay alive|going on|life|my life)\b(?! (?:in|at|with|on|for|here|there|as) )",
    r"\b(?:ending it|ending things|ending my life|ending it all|dying|death|killing myself|not being here|"
    r"disappearing forever) (?:feels|seems|is|looks|sounds) (?:like )?(?:the|my) (?:only|best|easiest|last|"
    r"one) (?:option|way out|answer|choice|way|solution|thing left)\b",
    r"\b(?:the|my) only (?:way out|option|answer|solution|choice|escape) (?:is|would be|left is) (?:to )?"
    r"(?:die|death|dying|end it|ending it|end my life|kill myself|killing myself|suicide|not be here)\b",
    r"\b(?:do not|can not|could not|fail to|no longer) see (?:the|any|a) (?:point|reason|purpose) (?:in|of|to) "
    r"(?:living|life|being alive|going on|existing|live|go on|be alive|exist|staying alive|carrying on|"
    r"waking up|anything anymore)\b",
    r"\bnothing (?:left )?(?:to live for|worth living for|to stay alive for|to keep living for|"
    r"to go on for)\b",
    r"\b(?:life|my life|living|this life|existence|being alive|staying alive) (?:is|feels|seems|has been|was|"
    r"just|really|is just|is really|is simply|is so|feels so)? ?(?:not|no longer|never|hardly|barely|"
    r"isn t|is not|does not feel|does not seem) (?:really |even )?worth (?:living|it|the effort|going on|"
    r"the pain|continuing|the trouble|fighting for)\b",
    r"\b(?:not|no longer|never|hardly|barely) worth (?:living|being alive|staying alive|keeping alive|"
    r"the air i breathe)\b",
    r"\bis (?:life|my life|living|being alive) (?:even |really |actually )?worth (?:living|it)\b",
    r"\bwhat is (?:even |really |actually |honestly )?the (?:point|use|purpose) (?:of|in) (?:living|life|my life|"
    r"being alive|going on|existing|"
    r"waking up|being here|carrying on|staying alive|anything anymore|breathing)\b",
    r"\bwhat is (?:even |really |actually |honestly )?the (?:point|use|purpose) (?:of|in) me" + _END,
    r"\b(?:do not think|not sure|doubt|do not know if|do not know how much longer) (?:that )?" + _I
    + r" (?:can|could) (?:keep going on living|go on living|keep living|carry on living|stay alive|keep myself "
    r"alive|go on|keep going|carry on)" + _LIVE_END,
    r"\b(?:can not|could not|am not able to|do not think i can|do not know if i can|not sure i can) (?:stay|keep "
    r"myself|remain) alive\b",
    r"\b(?:life|my life|living|existence|being alive|everything) (?:is|feels|seems|has become|has been) "
    + _FILL + r"(?:pointless|meaningless|unbearable|unlivable|not worth it)\b"
    r"(?!\s+(?:without|at|in|until|when|if|for)\b)",
    r"\b(?:can not|could not|can not really|can not even|am not able to|am unable to) (?:go on|carry on|"
    r"keep living|keep going on|keep going on living|keep existing|live like this|live this way|do life|"
    r"exist like this|"
    r"face (?:another day|tomorrow|living|life)|keep doing life|be alive)"
    r"(?=\s*(?:\||$|(?:anymore|any more|any longer|like this|living|with (?:my )?life|this way|honestly|"
    r"much longer|another day|for much longer|i am done|i just can not)\b))",
    r"\b(?:can not|could not|do not|no longer) (?:see|find|think of) (?:a|any) (?:way|reason) (?:out|to (?:live|go on|"
    r"keep going|stay alive|keep living))\b(?!\s+of\b)",
    r"\bno (?:way|ways|exit|escape) out\b(?!\s+of\b)",
    r"\bno (?:way|ways|exit|escape) out of (?:it|here|my life|life|my head|my own head|the pain|this pain|"
    r"the darkness|this darkness|this hole|this pit|this hell|this feeling|these feelings|my situation|"
    r"this situation|everything|this life|my mind|my own mind)\b",
    r"\bno (?:way|ways|exit|escape) out of this" + _LIVE_END,
    r"\b(?:tired|sick|exhausted|weary) of (?:living|being alive|existing|life|being here|waking up|"
    r"breathing|being me|fighting to stay alive)"
    r"(?=\s*(?:\||$|(?:anymore|any more|honestly|and|i|so|completely|like this|at this point)\b))",
    r"\b(?:no|not any|zero|lost (?:the|my|all)) (?:will|reason|desire|wish|want) to (?:live|go on|keep living|"
    r"be alive|stay alive)\b",
))

_SELF_HARM = _Family("self-harm", "words about hurting oneself", _c(
    r"\b(?:hurt|hurting|hurts|harm|harming|harmed|cut|cutting|cuts|burn|burning|burned|burnt|starve|"
    r"starving|starved|scratch|scratching|scratched|bruise|bruising|bleed|bleeding|mutilate|mutilating) "
    r"(?:my ?self|myself)\b"
    r"(?! (?:off|out|some slack|short|a break|loose|free|at the gym|in the gym|at gym|playing|lifting|laughing|"
    r"from laughing|by laughing|lol|haha|"
    r"running|skiing|cycling|falling|while|during|on the (?:stairs|bike|ladder|door|stove|oven|kettle|iron|"
    r"pan|glass|paper|edge)|on (?:the|a|an|my|some|his|her|our) (?!purpose)|with (?:coffee|tea|hot|the coffee|"
    r"the tea|boiling)|on paper|in the kitchen|cooking|shaving|with (?:the|a) (?:knife|kettle|pan|iron|"
    r"oven|stove)|making|opening|up|to sleep|into|for (?:being|not|saying|forgetting|missing|it)|"
    r"over (?:it|this|that|the|a|one|my|them|nothing)|by (?:\w+ing|not)|badly|too much on|on (?:applications|"
    r"leetcode|work|the job|this|these)|more than (?:they|anyone)|emotionally|financially|"
    r"professionally|career wise|with (?:more|extra|that|this|these) (?:work|applications|interviews)))",
    r"\bself (?:harm|harming|harmed|injury|injuring|injure|mutilation|mutilating|hurt|hurting|destruct)\b"
    r"(?! (?:prevention|research|charity|awareness) (?:role|job|team|charity|nonprofit))",
    r"\b(?:started|start|starting|back to|been|keep|kept|urge to|want to|wanting to|relapsed|relapse|"
    r"relapsing|stopped|stop|quit) (?:cutting|burning|hurting|harming)(?: myself)?"
    r"(?=\s*(?:\||$|(?:again|myself|for|since|every|at night|tonight|last night|but)\b))",
    r"\b(?:cut|cutting|slit|slitting|slash|slashing|carve|carving|carved) (?:into )?(?:my|both my|my own) "
    r"(?:wrists|wrist|arms|arm|thighs|thigh|legs|leg|skin|veins|stomach)\b(?! (?:on|with) (?:a|the) "
    r"(?:knife|paper|glass|fence|branch))",
    r"\brelapsed?\b(?: \w+){0,3} (?:cutting|self harm|hurting myself|harming myself)\b",
    r"\b(?:i|been|started|i have|have) (?:cut|cutting|burned|burning|burnt) (?:myself )?again\b",
    r"\b(?:scared|afraid|worried|frightened|terrified) (?:that |of what )?" + _I + r" (?:might|will|could|"
    r"may|am going to) (?:do something (?:stupid|bad|drastic|terrible|to myself)|do it|hurt|harm|cut|"
    r"not be safe)\b",
    r"\b(?:want|wanna|wanting|wanted|need|needing|urge|urges|itching|craving) (?:to )?cut(?:ting)?(?=\s*(?:\||$|"
    r"(?:again|tonight|so bad|"
    r"so badly|myself|right now|deeper)\b))",
    r"\bdo something (?:stupid|drastic|terrible|dangerous|permanent|irreversible|bad) (?:to myself|tonight|"
    r"again tonight)\b",
    r"\bdo something (?:drastic|permanent|irreversible)" + _END,
    r"\b(?:do not|can not|will not) (?:feel|be|keep myself) safe (?:with myself|from myself|alone tonight|"
    r"tonight|right now)\b",
))

_MEANS = _Family("means", "words about a plan or a means", _c(
    r"\b(?:take|taking|swallow|swallowing|down|downing) (?:them |it |all of them |all of it |everything )?(?:all )?"
    r"at once\b",
    r"\b(?:took|take|taking|takes|swallow|swallowed|swallowing|down|downed|downing|gulp|gulped|empty|"
    r"emptied|emptying) (?:all|every one|everyone|the whole|a whole|a bunch|bunch|a handful|handful|"
    r"a fistful|too many|lots|a lot|loads|enough|dozens|all of|the rest of|a load|a month s|a week s|"
    r"a months worth|a weeks worth|the entire)(?: of| the)?(?: my| the| those| these| them| her| his)?"
    r"(?: \w+)? " + _PILLS + r"\b",
    r"\b(?:saving|saved|save|stockpiling|stockpiled|stockpile|hoarding|hoarded|hoard|collecting|collected|hidden|"
    r"squirrelled|squirreled|"
    r"counting|counted|stashing|stashed|stash|lining up|lined up|hiding|hid) (?:up |out |together |away )?"
    r"(?:all )?(?:my |the |some |enough |those |these |her |his |mum s |mom s )?(?:\w+ )?" + _PILLS + r"\b"
    r"(?! (?:for (?:my|the) (?:allergy|allergies|headache|trip|holiday|cold|flu|back)|at the pharmacy|"
    r"from the pharmacy|to see if))",
    r"\benough (?:\w+ )?(?:pills|tablets|meds|painkillers|paracetamol|insulin)\b(?! (?:for (?:the|my|a) "
    r"(?:trip|week|holiday|month)))",
    r"\bhow many (?:\w+ )?(?:pills|tablets|meds|painkillers|paracetamol|tylenol)\b(?! (?:a day|do i take "
    r"for|should i take for))",
    r"\b(?:overdose|overdosing|overdosed|od|oding|od d|o d)\b(?! (?:on|of) (?:coffee|caffeine|sugar|chocolate|"
    r"cake|netflix|leetcode|work|job boards|linkedin|tea|energy drinks|youtube|tv|screen time|applications|"
    r"motivation|hope|positivity|sunshine|memes|podcasts|advice|self help|productivity))",
    r"\b(?:bought|buy|buying|got|get|getting|have|has|had|found|find|keep|kept|hid|hide|hiding|tied|tie|"
    r"tying|look|looking|looked|stare|staring|stared|hang|hanging|the|a|made|make|making) (?:at )?(?:a |the |"
    r"some |my |that |this )?(?:rope|noose|ligature)\b(?!s)(?! (?:course|bridge|swing|ladder|light|lights|toy|"
    r"skipping|for (?:the|my) (?:tent|boat|swing|dog|washing|camping|climbing)|climbing|access))",
    r"\bnooses?\b",
    r"\bplan\b[^|]{0,30}?\b(?:pills|rope|noose|gun|bridge|overdose|tablets|razor|blades)\b",
    r"\b(?:the |my |some |those |these |all the |enough )?(?:\w+ )?(?:pills|tablets|meds|painkillers|rope|"
    r"noose|razor|razors|blades|gun) (?:are |is )?(?:ready|lined up|laid out|counted out|in front of me|"
    r"next to me|by my bed|in my hand|in my hands|waiting)\b(?! (?:for (?:the|my|a) (?:trip|holiday|"
    r"interview|flight|week|journey)))",
    r"\b(?:rope|belt|cord|cable|scarf) (?:around|round) my neck\b",
    r"\b(?:jump|jumping|jumped|leap|leaping|leapt|throw myself|throwing myself|threw myself|fling myself) "
    r"(?:off|from|of) (?:a|the|that|this|our|my|their|some|the top of (?:a|the|my|our|that)) (?:\w+ )?"
    + _HEIGHT + r"\b",
    r"\b(?:jump|jumping|jumped|step|stepping|stepped|walk|walking|walked|throw myself|throwing myself|"
    r"threw myself|lie down|lying down|lay down|fling myself) (?:in front of|under|onto) (?:a|the|an|that|"
    r"some|oncoming) (?:\w+ )?" + _VEHICLE + r"\b(?! (?:station|stop|timetable|ticket|company|driver|app))",
    r"\b(?:walk|walking|walked|wade|wading|waded|swim|swimming|swam) (?:out )?into (?:the|a) (?:sea|river|lake|"
    r"ocean|water|waves)\b(?! (?:for|with|to|on|at) )",
    r"\b(?:stood|standing|stand|sat|sitting|sit|went|going|go|drove|driving|walked|walking|been|was|"
    r"climbed|climbing|leaning|leaned|looked down from|looking down from) (?:on|to|at|onto|up to|by|near|"
    r"on top of|over to|off|over) (?:the |a |that |this )?(?:edge of (?:the |a |that )?)?(?:bridge|ledge|cliff|"
    r"cliffs|overpass|train tracks|tracks|railing|parapet|viaduct)\b(?! (?:bar|cafe|restaurant|garden|party|"
    r"terrace|club|table|game|tournament|course|program|camp|role|position|bootcamp|of the (?:project|role|"
    r"company)|meeting|call))",
    r"\b(?:gun|pistol|rifle|shotgun|knife|blade|razor|razors|razor blade|blades) (?:to|in|against|on) my "
    r"(?:head|mouth|temple|chest|wrist|wrists|throat|skin|arm|neck)\b(?! i would| i will)",
    r"\b(?:bought|buy|buying|get|getting|got|load|loaded|loading|hide|hid|hiding|found|holding|held) "
    r"(?:a |my |the |dad s |his )?(?:gun|pistol|firearm|rifle|shotgun|razor blades|razor blade|bullets)\b"
    r"(?! (?:license|licence|safety|course|range|show|shop))",
    r"\b(?:slit|slash|cut|open) (?:my )?(?:wrists|throat|veins)\b",
    r"\b(?:painless|easiest|easy|quickest|quick|fastest|best|surest|quiet|peaceful|simple|simplest|"
    r"least painful|effective) (?:way|ways|method|methods) (?:to|of) (?:die|dying|end it|end my life|"
    r"kill myself|end things|commit suicide|kill yourself|end it all)\b(?! (?:in|at|with|politely|gracefully))",
    r"\bhow to (?:end it|die|kill myself|end my life|end things|end it all)" + _HERE_END,
    r"\bhow to (?:die|kill myself|end my life|overdose|commit suicide|hang myself)\b(?! (?:of|from|in|at|on)\b)",
    r"\b(?:jump|jumping|jumped|leap|leaping|throw myself|throwing myself) (?:off|from) (?:something|somewhere|"
    r"anything|a place) (?:high|tall|high up|really high)\b",
    r"\b(?:think|thinking|thought|obsessing|obsessed|fixated|fixating) (?:about|on|of) (?:the|my|those|that|these) "
    r"(?:pills|tablets|meds|rope|noose|gun|razor|razors|blades|tracks|ledge|railing|overdose)\b",
    r"\b(?:think|thinking|thought|obsessing|obsessed|fixated|fixating) (?:about|on|of) (?:the|that) (?:bridge|"
    r"edge|roof|cliff|balcony)\b(?! (?:role|position|job|program|programme|course|loan|club|bar|cafe|project))",
    r"\b(?:how|when|where) " + _I + r" (?:would|will|am going to|could|should|might) " + _ACT + _END,
    r"\b(?:picked|chosen|chose|set|decided on|settled on) (?:a|the) (?:date|day|time|place|way|method|night) "
    r"(?:to |for |when i will |when i am going to |i will |i am going to )?" + _ACT + _HERE_END,
    r"\b(?:drive|driving|swerve|swerving|steer|steering) (?:my car |the car |myself )?(?:into|off) (?:a|the|an|"
    r"some) (?:wall|tree|cliff|bridge|river|lake|lorry|truck|barrier|pillar|oncoming traffic|road|edge|"
    r"overpass|motorway|highway)\b(?! (?:to let|for|because|to avoid|to park))",
    r"\bmy plan is to (?:take (?:the|all|my|those)|swallow|jump|hang|use the|overdose|drive (?:off|into)|"
    r"step in front|end it|end my life|die|kill myself)\b",
    r"\b(?:lie|lay|lying|laying|lie down|lay down) (?:down )?on (?:the )?(?:train |railway |rail )?"
    r"(?:tracks|track|line)\b",
))

_GOODBYE = _Family("goodbye", "words about a goodbye note or putting things in order", _c(
    r"\bsuicide (?:note|notes|letter|letters|message|messages|video|videos|post|text|texts)\b",
    r"\b(?:goodbye|good bye|farewell|goodbyes) (?:note|notes|letter|letters|video|videos)\b"
    r"(?!\s+(?:to|for|on) (?:my |the |our |all my )?(?:team|colleagues|coworkers|co workers|manager|boss|"
    r"office|company|clients|students|class|classmates|department|teammates|recruiter|old job|work|"
    r"employer|linkedin|slack|direct reports|reports|mentees|customers|users|followers|readers))"
    r"(?!\s+at work)",
    r"\b(?:wrote|written|writing|write|writes|drafted|drafting|draft|leave|left|leaving|recorded|recording|"
    r"record) (?:a |my |the |some |these |those |)(?:goodbye |last |final |farewell |suicide )(?:note|notes|"
    r"letter|letters|message|messages|video) (?:to|for) (?:my |all my |each of my |)" + _KIN + r"\b",
    r"\b(?:wrote|written|writing|write|drafted|drafting|left|leave|leaving) (?:some |these |those |)"
    r"(?:notes|letters) (?:to|for) (?:my |all my |each of my |)" + _KIN + r"\b",
    r"\b(?:wrote|written|writing|drafted|drafting) (?:a|the|my) (?:note|letter) (?:to|for) (?:my |)" + _KIN
    + r"(?=\s*(?:\||$|(?:just in case|explaining|saying sorry|to say sorry|telling them|i am sorry|so they|"
    r"for after|for when|and|in case)\b))",
    r"\b(?:already|have|i have) (?:already )?(?:wrote|written|done|finished) (?:a|the|my) (?:note|letter|"
    r"letters|notes)" + _END,
    r"\b(?:said|saying|say|say all) my (?:last |final )?goodbyes\b(?! (?:at work|to (?:the|my) "
    r"(?:team|colleagues|coworkers|office|manager|students|class|old job|company)|on (?:friday|monday|"
    r"tuesday|wednesday|thursday|my last day)|at the office|before i (?:leave|left) (?:the|my) (?:job|company)))",
    r"\b(?:giving|gave|give|given|gifting) (?:all |most )?(?:of )?my (?:things|stuff|belongings|possessions|"
    r"clothes|books) away\b",
    r"\b(?:giving|gave|give|given|gifting) away (?:all |most )?(?:of )?my (?:things|stuff|belongings|"
    r"possessions|cat|dog|pets|books|clothes|plants)\b(?! to (?:a |the )?(?:charity|charity shop|goodwill|"
    r"thrift|donation|neighbours|neighbors) )(?! (?:because|before i move|before the move|since i am moving))",
    r"\b(?:putting|put|getting|got|get) my (?:affairs|papers) in order\b",
    r"\b(?:wrote|written|writing|write|updated|updating|finished|finishing) my will (?:and|&) (?:a|my|the|some) "
    r"(?:note|notes|letter|letters|goodbye|goodbyes)\b",
    r"\b(?:the )?(?:bridge|tracks|train tracks|edge|rope|pills|water|river|sea|ledge|roof) (?:is|are|keeps|keep|"
    r"has been|have been|was) calling (?:me|my name|to me)\b",
    r"\b(?:when|after|once) " + _I + r" (?:am|m) (?:gone|dead|not here|no longer here|no longer around)"
    r"(?! (?:from|on|for|to|away|at))\b",
    r"\b(?:will not|not going to|wo not) be (?:alive|here|around) (?:much longer|for much longer|for long|"
    r"by (?:the )?(?:morning|weekend|next week|friday|monday|tomorrow))" + _END,
    r"\b(?:called|calling|call|texted|texting|text|rang|ringing|phoned|phoning|looked up|looking up) (?:a |the )?"
    r"(?:suicide|crisis|samaritans) (?:hotline|line|helpline|text line|number|lifeline)\b",
))

# ---------------------------------------------------------------------------- broader readings
# The families above, read more loosely: a few filler words wherever people put them ("thinking of just
# ending it", "part of me wants to just jump"), a verb of thinking between a negation and the wish ("I don't
# think I want to be alive"), the person's circle between "better off" and "if I was gone".

_WHO = (r"(?:for |to )?(?:everyone|everybody|them|people|all|my " + _KIN + r"|the people (?:around me|i love|in my "
        r"life)|those around me|the world|my (?:friends|loved ones))")
_LIFE = (r"(?:live|be alive|exist|be here|be around|wake up|go on|carry on|keep living|keep going|continue living|"
         r"stay alive|keep existing|be on this earth|be in this world|see tomorrow)")

_WISH_MORE = _c(
    r"\b(?:do not|can not|could not|no longer) (?:really |honestly |even )?(?:think|know if|believe|feel like|"
    r"see how|know why|know how) " + _I + r" (?:want|wanna|can|could|would|should|need) (?:to )?" + _FILL + _LIFE
    + _LIVE_END + r"(?! (?:in|at|with|on|like this in|like this at) )",
    r"\b(?:think|thinking|thought|thoughts|obsessing|fantasi[sz]ing|dreaming|dream) (?:about|of) " + _FILL
    + r"(?:death|dying|not existing|not being alive|not being here|being dead|not waking up|ending it|"
    r"ending things|ending everything|ending it all|ending my life|killing myself|my death|not being around)\b"
    r"(?! (?:my|her|his|the|your) hair)(?! (?:with|at|on a) )",
    r"\b(?:part of me|a part of me|something in me|my brain|my mind|my head|a voice in my head|the voice in my "
    r"head|all i) (?:wants|want|keeps telling me|tells me|says|keeps saying|is telling me) (?:me )?(?:to )?" + _FILL
    + r"(?:die|be dead|end it|kill myself|jump|not be here|disappear forever|stop existing|give up on life|"
    r"not exist|not wake up|sleep forever)\b",
    r"\b(?:can not|could not) (?:do|take|handle|bear|stand|cope with) (?:this|it|any of this|life) (?:anymore|any more|"
    r"any longer)\b[^|]{0,30}?(?:\| )?[^|]{0,20}?\b(?:want|need|wish) (?:it|everything|it all|all of it|this|"
    r"the pain|life) (?:to )?(?:stop|end|be over)\b",
    r"\b(?:want|need|wish|wanted|needed) (?:it all|everything|all of it|life|my life|all this|all of this) (?:to )?"
    r"(?:just )?(?:stop|end|be over)(?: for good| forever| now| already)?" + _HERE_END,
    r"\b(?:do not|can not|could not|no longer) see (?:a|any|much of a) future (?:for me|for myself|ahead of me|"
    r"ahead|at all|anymore)?" + _LIVE_END + r"(?! (?:in|with|on|for) | at (?!all\b))",
    r"\b(?:there is|i have|i see) no future (?:for me|for myself|ahead of me|left)?" + _LIVE_END
    + r"(?! (?:in|at|with|on|for) )",
    r"\b(?:want|wanted|wanting|wish|need) (?:to )?" + _FILL + r"(?:go to sleep|sleep|fall asleep) forever\b",
)
_BURDEN_MORE = _c(
    r"\b(?:better|happier|easier|lighter|freer|fine|okay|ok|alright|all right|relieved|simpler) (?:off )?"
    + _WHO + r" " + _IF_I_GONE,
    r"\b(?:better|happier|easier|lighter|freer) (?:off )?" + _WHO + r" (?:without me|with me gone|with me dead|"
    r"with me out of the (?:way|picture))\b",
    r"\b(?:better off|be fine|be okay|be happier) (?:with|collecting|getting|having) (?:the|my) (?:life insurance|"
    r"insurance money|insurance payout|insurance)\b|\blife insurance (?:would|will|could) (?:pay out|cover|help|"
    r"sort)\b",
    r"\b(?:would|will) (?:not|never|even) (?:notice|care|miss me|mind)(?: at all)? " + _IF_I_GONE,
)
_NO_WAY_MORE = _c(
    r"\bno (?:reason|point|purpose|use) (?:for me |left |anymore |at all |really )?(?:to |in |of )?(?:carrying on|"
    r"going on|living|being alive|being here|existing|staying alive|waking up|getting up|continuing|fighting|"
    r"trying to stay alive|keeping going|going any further)" + _LIVE_END + r"(?! (?:in|at|with|on|for) )",
    r"\b(?:point|use|purpose|reason) (?:of|in|for) me (?:even |still |just )?(?:being|staying|living|existing)"
    r"(?: here| alive| around| on this earth)?\b",
    r"\b(?:do not know|not sure|no idea|wonder|wondering|do not see) how (?:much )?(?:longer|long) " + _I
    + r" (?:can|could|will|am going to|will be able to) (?:keep going|go on|carry on|do this|keep doing this|"
    r"hold on|take (?:this|it)|last|survive|keep living|stay alive|keep fighting|cope|keep this up)" + _LIVE_END,
    r"\b(?:there is|i see|i have|there are) no (?:way|ways|exit|escape|way forward|hope) (?:out )?(?:for me|left)"
    + _LIVE_END + r"(?! (?:in|at|with|on) )",
    r"\bno (?:way|ways|exit|escape) out (?:for me|left)\b",
)
_SELF_HARM_MORE = _c(
    r"\b(?:want|wanted|need|needed|deserve|deserved|going|urge|tempted|trying not) to (?:\w+ )?(?:punish|hurt|harm|"
    r"damage|injure|cut|burn) myself\b(?! (?:with|by (?:doing|working|applying|studying|reading|going)|over|for))",
    r"\b(?:scratch|scratched|scratching|cut|cutting|hit|hitting|punch|punched|punching|bang|banged|banging|burn|"
    r"burned|burnt|pick|picked|picking|bite|bit|biting|dig|dug|digging|pull|pulled|pulling) (?:at )?(?:\w+ ){0,3}?"
    r"(?:until|till|til|so hard) (?:they|it|i|my \w+|the skin) (?:bled|bleed|bleeding|bruised|broke|blistered|"
    r"was bleeding|were bleeding|started bleeding|scarred)\b",
    r"\b(?:hit|hitting|punch|punched|punching|bang|banged|banging|slam|slammed) (?:my )?(?:head|fists?) "
    r"(?:against|into|on) (?:the )?(?:wall|floor|door|desk)\b",
)
_MEANS_MORE = _c(
    r"\bhow many (?:\w+ ){0,3}?" + _PILLS + r"\b(?! (?:a day|a week|per day|do i take for|should i take for|"
    r"for (?:my|the|a) (?:cold|headache|back|flu|migraine)))",
    r"\b(?:engine|car) (?:\w+ ){0,2}?running (?:\w+ ){0,3}?(?:garage|closed|shut|sealed)\b|\bexhaust (?:pipe|"
    r"fumes|hose)\b|\bhose (?:from|to|into|in) the exhaust\b|\bcarbon monoxide\b|\bcharcoal (?:in|and) (?:the|my) "
    r"(?:room|car|tent|bathroom)\b",
    r"\b(?:made|have|got|making|came up with|come up with|i have made|i have got) a plan" + _END
    + r"(?=[^|]{0,3}\|?\s*(?:[^|]{0,40}?\b(?:not telling|no one knows|nobody knows|will not tell|telling no one|"
    r"keeping it|it is time|i am ready|tonight|this weekend|goodbye|for real this time)\b))",
)


def _extend(fam: _Family, more: tuple[_Pattern, ...]) -> _Family:
    return _Family(fam.kind, fam.reason, fam.patterns + more)


_WISH = _extend(_WISH, _WISH_MORE)
_BURDEN = _extend(_BURDEN, _BURDEN_MORE)
_NO_WAY = _extend(_NO_WAY, _NO_WAY_MORE)
_SELF_HARM = _extend(_SELF_HARM, _SELF_HARM_MORE)
_MEANS = _extend(_MEANS, _MEANS_MORE)

_ACT_ANY = (r"(?:die|dying|be dead|not wake up|never wake up|disappear|stop existing|not exist|not be here|end it|"
            r"end it all|end things|end my life|kill myself|go to sleep forever|sleep forever|stop breathing|"
            r"just stop|not be alive|be gone|let go)")
_WISH_MORE2 = _c(
    # "it would be so easy to just not wake up", "dying sounds peaceful"
    r"\b(?:easy|easier|nice|a relief|so much better|better|peaceful|tempting|simpler|simple) (?:to |if i could )?"
    + _FILL + r"(?:not wake up|never wake up|die|disappear forever|stop existing|not exist|not be here|end it|"
    r"end it all|go to sleep forever|sleep forever|stop breathing|not be alive|let go)" + _HERE_END,
    r"\b(?:can not|could not|do not|no longer) (?:really )?see myself (?:making it|surviving|being (?:here|alive|"
    r"around)|lasting|getting through|living|still being (?:here|alive|around)) (?:to|until|past|through|"
    r"much longer|for much longer|another|next|this)\b",
    r"\b(?:do not think|not sure|doubt|do not know if|do not see how) " + _I + r" (?:will|would|am going to|can) "
    r"(?:be (?:here|around|alive)|make it|last|survive|hold on) (?:much |for much |a lot |very |that )?(?:longer|"
    r"long|past|until|through|to|another)\b",
    r"\b(?:stopped|stop|do not|no longer) (?:caring|care|mind|minding) (?:if|whether) " + _I + r" (?:live|die|"
    r"wake up|make it|survive)\b|\b(?:live or die|living or dying|alive or dead)\b(?=[^|]{0,20}\b(?:care|"
    r"matter|mind|difference)\b)|\b(?:care|caring|matter|matters|mind|difference) (?:if|whether) " + _I
    + r" (?:live or die|am alive or dead|live or not|die or not)\b",
    r"\b(?:ready|prepared) to (?:go|leave|let go|be done)" + _END + r"(?=[^|]{0,4}\|?\s*[^|]{0,40}\b(?:had enough|"
    r"am done|can not do this|goodbye|tired|so tired|no more|it is time|i am sorry)\b)",
    r"\b(?:disappearing|vanishing) (?:forever|for good|permanently|and never coming back)\b",
    r"\bdoing (?:everyone|everybody|the world|them|my " + _KIN + r"|people|all of them) a (?:favou?r|kindness) "
    r"(?:by|if) (?:\w+ ){0,2}?(?:disappearing|dying|leaving|going|being gone|not being here|ending it|killing "
    r"myself|not existing|i (?:died|disappeared|was gone|left))\b",
    r"\bpoint(?: anymore)?(?: \|)? (?:of|in) (?:any of it |it all |anything )?(?:\| )?(?:of )?me\b",
)
_BURDEN_MORE2 = _c(
    r"\bbetter off without (?:a |an )?(?:\w+ ){0,2}?like me\b|\bbetter off without (?:someone|somebody) like me\b",
)
_MEANS_MORE2 = _c(
    r"\b(?:looking up|looked up|look up|googl\w*|search\w*|research\w*|reading up on|read up on|looking into) "
    r"(?:\w+ ){0,3}?(?:ways|methods|how|lethal|painless|overdose|doses?) (?:\w+ ){0,3}?(?:to (?:do it|die|end it|"
    r"end my life|kill myself|go)|painlessly|lethal|overdose|dose|doses|suicide)\b",
    r"\blethal (?:dose|doses|amount|quantity|combination)\b|\b(?:do it|die|go|end it|end things) (?:painlessly|"
    r"quietly and painlessly|without pain|without it hurting)\b",
    r"\b(?:have|got|made|set|picked|chose|chosen|decided on) (?:a |the )?(?:plan|date|time|place|method|way) and "
    r"(?:a |the )?(?:date|time|place|method|way|means|plan)\b",
    r"\b(?:which|what) (?:bridge|building|roof|pills|tablets|method|train|rope|cliff|car park|overpass|way to do it)"
    r"(?!\s+(?:role|job|company|team|project|do i|to apply))\b",
)
_SELF_HARM_MORE2 = _c(
    r"\b(?:hit|hitting|hits|punch|punched|punching|slap|slapped|slapping|bang|banged|banging|bit|bite|biting|"
    r"pinch|pinched|pinching) (?:my ?self|myself)\b(?! (?:on the|with the (?:door|cupboard)|by accident|"
    r"accidentally|playing))",
    r"\b(?:press|pressed|pressing|drag|dragged|dragging|push|pushed|pushing|hold|held|holding|run|ran|running) "
    r"(?:the |a |my )?(?:blade|razor|knife|lighter|scissors|glass|compass)\b(?! (?:to|through) (?:the|a) "
    r"(?:bread|cake|onion|tape|box|paper|vegetables))",
    r"\b(?:cut|cutting|burn|burning|scratch|scratching|hurt|hurting|hit|hitting) (?:\w+ ){0,3}?(?:just )?to feel "
    r"(?:something|anything|real|in control)\b",
    r"\b(?:burned|burnt|burn|burning) (?:my ?self|myself|my (?:arm|arms|skin|wrist|wrists|leg|legs|hand|hands)) "
    r"with (?:a |the |my )?(?:lighter|cigarette|match|matches|iron)\b",
    r"\b(?:small|little|tiny|fresh|new|deep) (?:cuts|scratches|burns)\b(?=[^|]{0,40}\b(?:again|myself|my|arm|arms|"
    r"wrist|wrists|legs|thigh|thighs)\b)|\bhurting myself again\b",
)
_GOODBYE_MORE = _c(
    r"\b(?:say|saying|said|write|writing|wrote|draft|drafting|drafted|messages? to say|letters? to say) (?:my )?"
    r"(?:last |final )?goodbyes? to (?:everyone|everybody|people|my " + _KIN + r"|them all|all of them|the people i "
    r"love|my friends)\b(?! (?:at|in) (?:work|the office|the team))",
    r"\b(?:saying|said|say) goodbye (?:to (?:\w+ ){0,2}?)?without (?:them|anyone|people) knowing\b",
    r"\b(?:note|letter|message|messages|letters|notes) (?:explaining|to explain|saying|telling (?:them|everyone)) "
    r"(?:why|everything|sorry|that i am sorry|goodbye|i love them|it is not their fault)\b",
    r"\b(?:told|tell|telling) (?:my |all my )?(?:\w+ )?i love (?:her|him|them|you)(?:,)? (?:just )?in case\b",
)
_WISH = _extend(_WISH, _WISH_MORE2)
_BURDEN = _extend(_BURDEN, _BURDEN_MORE2)
_MEANS = _extend(_MEANS, _MEANS_MORE2)
_SELF_HARM = _extend(_SELF_HARM, _SELF_HARM_MORE2)
_GOODBYE = _extend(_GOODBYE, _GOODBYE_MORE)

_MEANS_THINGS = (r"(?:pills|tablets|meds|medication|painkillers|sleeping pills|knives|knife|rope|razor|razors|blades|"
                 r"blade|gun|bridge|tracks|train tracks|ledge|balcony|window|roof|rooftop|cliff|railing|belt|noose)")
_WISH_MORE3 = _c(
    r"\b(?:tonight|today|this weekend|tomorrow) (?:is|will be|could be|might be) the (?:night|day|time)\b"
    r"(?! (?:i (?:finally )?(?:apply|send|hear|start|meet|finish|submit|call))|of|for|we|"
    r"that (?:i|we) (?:hear|celebrate))",
    r"\b(?:done|finished|through) with (?:everything|it all|all of it|life|all this)\b[^|]{0,6}(?:\| )?[^|]{0,20}?\b"
    r"(?:want|need) out" + _END,
    r"\bwhy (?:do|should|would|am) " + _I + r" (?:\w+ ){0,3}?(?:staying|stay|keep|keeping|still) (?:alive|living|"
    r"breathing|here|going|on this earth)\b",
    r"\b(?:do not|can not|no longer) (?:want|wanna|wish) (?:to )?(?:live|exist|be alive) in (?:a|this) world\b",
    r"\b(?:only|one) thing (?:that is |that s )?(?:stopping|keeping|holding) me (?:back |here |alive |going |from "
    r"(?:it|doing it|ending it) )?(?:is|are|was)\b",
    r"\bfind me dead\b|\bfound dead\b(?=[^|]{0,30}\b(?:me|i|my)\b)|\bme dead\b(?=[^|]{0,30}\b(?:know|see|sorry|"
    r"understand|regret)\b)",
    r"\bif " + _I + r" (?:do not|does not|did not|never) wake up\b[^|]{0,30}?\b(?:good|fine|so be it|whatever|do not "
    r"care|i would not mind|that is fine|that would be fine|better|okay|ok|relief)\b",
)
_MEANS_MORE3 = _c(
    r"\b(?:looking|look|looked|staring|stare|stared|gazing|gaze|gazed|keep looking|kept looking) (?:at|towards) "
    r"(?:the |my |those |these |all the |all my |a )?" + _MEANS_THINGS + r"\b(?! (?:role|job|position|program|"
    r"programme|project|course|bar|cafe|restaurant|view|photos?|pictures?|design|for (?:the|a|my) (?:kitchen|"
    r"recipe|dinner|headache|cold|allergies|allergy)))",
    r"\bbleed(?:ing)? out\b|\bhow long (?:it )?(?:takes|would take|does it take) to (?:die|bleed out|drown|"
    r"suffocate|lose consciousness|pass out and die)\b",
    r"\b(?:crash|crashing|crashed|drive|driving|drove|fall|falling|fell|step|stepping|stepped|walk|walking|walked|"
    r"swerve|swerving|swerved|cut|cutting|hurt|hurting|burn|burning|overdose|overdosing|jump|jumping|drown|"
    r"drowning) (?:\w+ ){0,4}?on purpose\b",
    r"\b(?:take|taking|swallow|swallowing|down) (?:all of them|them all|the lot|the whole (?:lot|bottle|box|pack)|"
    r"every (?:single )?one|all of it) (?:tonight|now|at once|today|when|after|before)\b",
    r"\bwant to (?:jump|throw myself) (?:off|from) (?:something|somewhere|anything) (?:high|tall)\b",

)
_SELF_HARM_MORE3 = _c(
    r"\b(?:scared|afraid|worried|frightened|terrified) (?:of )?what " + _I + r" (?:might|will|could|may|am going to) "
    r"(?:do|end up doing)\b(?: to myself)?",
)
_BURDEN_MORE3 = _c(
    r"\b" + _IF_I_GONE + r"[^|]{0,12}?\b" + _NOONE + r" (?:would|will|is going to|even) (?:\w+ ){0,2}?(?:look for me|"
    r"search for me|come looking|realise|realize|notice|care|miss me|know|find me|check on me)\b",
    r"\b(?:cope|manage|get by|be fine|do fine|be okay|be ok|be alright|be all right|move on|carry on|survive|"
    r"be happier|be better) (?:just |perfectly |absolutely )?(?:fine |well |okay |ok )?without me\b"
    r"(?! (?:at|on|in) (?:the|this|that|work|the office|the meeting|the call|the project|the team))",
    r"\b(?:better|easier|best) (?:for (?:everyone|everybody|them|my " + _KIN + r") )?if " + _I
    + r" (?:was|were|had) (?:never|not) (?:here|around|born|alive|been born|existed)\b",
    r"\b(?:everyone|everybody|they|the world|my " + _KIN + r"|people) (?:would|will) be (?:so |much |so much |far )?"
    r"(?:better off|happier|relieved)" + _END,
    r"\b(?:i am|i feel like|i am just|i am such) (?:a |such a )?(?:waste of (?:space|oxygen|air|life|skin)|"
    r"mistake that should not exist)\b[^|]{0,60}\b(?:better off|without me|die|dead|gone|end)\b",
)
_NO_WAY_MORE3 = _c(
    r"\b(?:do not|can not|could not|fail to) see (?:a|any|the) (?:reason|point|purpose) (?:to|in|of|for) "
    r"(?:keep living|keep going|keeping going|stay alive|staying alive|carry on|carrying on|continue|continuing|"
    r"go on|going on|living|live|being here)\b",
)
_WISH = _extend(_WISH, _WISH_MORE3)
_MEANS = _extend(_MEANS, _MEANS_MORE3)
_SELF_HARM = _extend(_SELF_HARM, _SELF_HARM_MORE3)
_BURDEN = _extend(_BURDEN, _BURDEN_MORE3)
_NO_WAY = _extend(_NO_WAY, _NO_WAY_MORE3)

_PETS = r"(?:cat|cats|dog|dogs|pets?|rabbit|hamster|bird|parrot|horse|kitten|puppy)"
_WISH_MORE4 = _c(
    r"\bthe only way (?:the pain|it|this|everything|the hurt|the noise|my pain) (?:\w+ )?(?:stops|ends|will stop|will "
    r"end|goes away|would stop|would end|can stop)\b",
    r"\b(?:dream|dreams|dreaming|dreamt|dreamed) (?:about|of) (?:dying|my death|being dead|killing myself|ending it|"
    r"my funeral|not existing)\b",
    r"\b(?:wake|woke|waking|wakes) up (?:and |only to |feeling |)(?:\w+ )?(?:disappointed|sad that|upset that|angry "
    r"that|wishing i had not|wishing i did not)\b",
    r"\bif (?:a|an|the|some) [\w ]{1,12}? (?:hit|hits|killed|kills|ran me over|were to hit|fell on|took) me\b[^|"
    r"]{0,30}?"
    r"\b(?:would not mind|would not care|fine|relief|good|okay|ok|better|welcome|would not be sad|so be it)\b",
    r"\b(?:asked|asks|ask) (?:me )?(?:if|whether) " + _I + r" (?:was|am|felt|feel|were) safe\b[^|]{0,40}?\b(?:lied|"
    r"lie|said yes|said i was|told (?:her|him|them) i was|pretended)\b|\b" + _I + r" (?:am|was|feel|felt) not safe\b"
    r"(?! (?:at work|in the office|walking|on the|in that|to (?:ask|say|share|speak)))",
    r"\b" + _I + r" (?:am|m|was) (?:really |actually |finally |honestly )?(?:going to|gonna) (?:do it|"
    r"go through with it|end it|end things)" + _HERE_END,
    r"\b(?:end|ends|ending|ended) with me (?:gone|dead|not here|not alive|in the ground|disappearing|no longer here)\b",
    r"\b(?:sleep|go to sleep|fall asleep|rest) (?:permanently|for good|forever and ever|and never wake)\b",
    r"\b(?:life|it all|everything|my life) is over\b[^|]{0,40}?\bwant (?:it|that) to be\b",
    r"\bbetter (?:to be|being) dead\b|\bbetter dead than\b",
    r"\b" + _I + r" (?:am|m|will|would) (?:not|never) (?:going to |gonna )?be (?:here|around|alive) (?:next week|next "
    r"month|much longer|for much longer|for long|by (?:next week|the weekend|friday|monday|tomorrow|then))" + _END,
)
_BURDEN_MORE4 = _c(
    r"\b(?:everyone|everybody|they|people|my " + _KIN + r"|the world) (?:would|will) (?:\w+ ){0,3}?(?:move on|get "
    r"over it|forget (?:me|about me)|be fine|cope|manage|carry on|not even notice)(?: \w+){0,2} " + _IF_I_GONE,
)
_MEANS_MORE4 = _c(
    r"\b(?:ways|way|methods?|means) (?:to|of|for) (?:die|dying|end it|end my life|kill myself|killing myself|do it|"
    r"suicide|ending it|ending my life)\b",
    r"\b(?:think|thinking|thought|keep thinking|kept thinking|obsessing|fixated) (?:about|of|on) (?:the |my |a |that )?"
    r"(?:railway line|railway|train line|rail line|level crossing|motorway bridge|tall buildings|tallest buildings|"
    r"multi storey|car park roof|bridge near|tracks near|cliffs? near)\b",
    r"\b(?:looked up|look up|looking up|googled|googling|searched|searching|researched|researching) (?:the )?"
    r"(?:tallest|highest|high|tall) (?:buildings|bridges|places|points|cliffs|car parks)\b|\b(?:looked up|googled|"
    r"searched|searching|googling) (?:how high|how far|the drop|drop heights)\b",
    r"\b(?:step|stepping|stepped|jump|jumping|jumped|fall|falling|lean|leaning|walk|walking) (?:off|from|onto) "
    r"(?:the )?(?:platform|edge of the platform|kerb|curb)\b[^|]{0,40}?\b(?:train|tracks|bus|traffic)\b",
)
_SELF_HARM_MORE4 = _c(
    r"\bcovered in (?:cuts|scars|burns|bruises|scratches)\b[^|]{0,40}\b(?:adding|more|again|myself|keep|new)\b",
    r"\b(?:cut|cutting|burned|burnt|hurt|hurting) (?:myself )?(?:again )?(?:tonight|today|last night)?,? "
    r"(?:deeper|worse|more) (?:this time|than before|than last time)\b",
)
_GOODBYE_MORE4 = _c(
    r"\b(?:already|have already|finally) (?:said|say) (?:my )?(?:last |final )?goodbyes? to (?:my )?(?:" + _PETS
    + r"|" + _KIN + r"|everyone|everybody|people)\b",
    r"\b(?:said|say|saying) (?:my )?(?:last|final) goodbyes? to (?:my )?" + _PETS + r"\b",
)
_WISH = _extend(_WISH, _WISH_MORE4)
_BURDEN = _extend(_BURDEN, _BURDEN_MORE4)
_MEANS = _extend(_MEANS, _MEANS_MORE4)
_SELF_HARM = _extend(_SELF_HARM, _SELF_HARM_MORE4)
_GOODBYE = _extend(_GOODBYE, _GOODBYE_MORE4)

_WISH_MORE5 = _c(
    r"\b(?:wish|wished|wishing|hope|hoping|pray|praying) (?:that )?(?:a|an|the|some|someone|somebody|something) "
    r"(?:\w+ )?(?:would|will|could|might) (?:just )?(?:hit|kill|run (?:me )?over|crash into|take|shoot|end) me\b",
)
_BURDEN_MORE5 = _c(
    r"\bwithout (?:the )?burden of (?:me|my existence|having me|my being here|looking after me)\b",
)
_NO_WAY_MORE5 = _c(
    r"\b(?:do not think|not sure|doubt|do not know if) " + _I + r" (?:can|could) (?:keep going|go on|carry on|keep "
    r"living|hold on|last|keep this up|stay alive)(?= (?:much|for much|a lot|any) longer\b)",
)
_MEANS_MORE5 = _c(
    r"\b(?:bought|buy|buying|got|picked up|collected) (?:some |a lot of |loads of |extra |more |enough |a box of |"
    r"boxes of |two boxes of )?" + _PILLS + r"\b[^|]{0,25}?\b(?:i know why|for a reason|for later|just in case|"
    r"to have them|for when|for tonight|for the end|you know why)\b",
    r"\b(?:easiest|painless|quickest|best|surest|simplest|quietest|least painful) (?:way|ways) to (?:go|go out|leave|"
    r"check out|not wake up|slip away)\b(?! (?:to|there|home|back|about|from|into|for|on|in|through|with|up|out of)\b)",
    r"\b(?:walk|walking|walked|step|stepping|stepped|run|running|ran|throw myself|throwing myself|threw myself) "
    r"(?:out )?(?:into|in front of|onto) (?:the |a |oncoming |busy )?(?:traffic|road|motorway|highway|dual "
    r"carriageway)\b",
    r"\b(?:crash|crashing|crashed|drive|driving|drove|fall|falling|fell|step|stepping|stepped|walk|walking|walked|"
    r"swerve|swerving|swerved|cut|cutting|hurt|hurting|burn|burned|burnt|burning|overdose|overdosed|overdosing|"
    r"took|take|taken|taking|swallowed|swallow|"
    r"jump|jumped|jumping|drown|drowning|hit|hitting|scratch|scratched|scratching) (?:\w+ ){0,4}?on purpose\b",
)
_MEANS_MORE6 = _c(
    r"\b(?:took|take|taken|taking|swallowed|swallow|had|have had) (?:a lot |loads |way |far |much )?(?:more|too many|"
    r"extra) (?:\w+ )?" + _PILLS + r" than\b",
)
_MEANS_MORE8 = _c(
    r"\b(?:got|have|bought|collected|gathered|laid out|lined up) (?:the |my |some |enough |all the )?(?:" + _PILLS
    + r"|rope|noose|razor|razors|blades|gun)\b[^|]{0,12}(?:\| )?[^|]{0,16}\b(?:ready|it is time|tonight is the night)"
    + r"\b",
)
_MEANS = _extend(_MEANS, _MEANS_MORE6 + _MEANS_MORE8)
_WISH = _extend(_WISH, _WISH_MORE5)
_BURDEN = _extend(_BURDEN, _BURDEN_MORE5)
_NO_WAY = _extend(_NO_WAY, _NO_WAY_MORE5)
_MEANS = _extend(_MEANS, _MEANS_MORE5)

# ---------------------------------------------------------------------------- generalised from rounds 9 and 10
# Each reads a structure (see tests/corpus/ROUNDS.md): nothing left *for me*, no reason to *stay* (not "at a
# company"), stopping as being gone, hoping for an accident, goodbyes written down, the edge of a platform
# with the thought in the same sentence.

_IF_I_STOP = (r"(?:if|when|once) " + _I + r" (?:just |simply |quietly |really |only )?(?:stopped|stop|stopped "
              r"existing|stopped breathing|stopped being here|went away|faded away|was not here anymore|were not "
              r"here anymore)(?=\s*(?:\||$|(?:one day|tomorrow|tonight|forever|for good|and|honestly|at all)\b))")
_WISH_MORE9 = _c(
    r"\b(?:hope|hoping|wish|wishing|pray|praying|would not mind if|would not care if) (?:that )?(?:i|me) "
    r"(?:would |will |could |might )?(?:get|got|be|was|were) (?:hit|run over|killed|struck) (?:by|in)\b",
    r"\b(?:hope|hoping|wish|wishing|pray|praying) (?:that )?(?:a|the|some) (?:car|bus|truck|lorry|train|plane) "
    r"(?:would |will |could )?(?:hit|hits|runs over|run over|kill|kills|takes me out)\b",
    r"\b(?:hope|hoping|wish|wishing|pray|praying) (?:that )?(?:my|the) (?:plane|flight) (?:crashes|would crash|"
    r"goes down|would go down)\b",
)
_BURDEN_MORE9 = _c(
    r"\b" + _NOONE + r" " + _WOULD + r" " + _FILL + r"(?:care|notice|mind|miss me|be sad) " + _IF_I_STOP,
)
_NO_WAY_MORE9 = _c(
    r"\bnothing (?:left )?(?:here )?for me (?:here|anymore|any more|in this world|on this earth|in life)?"
    r"(?=\s*(?:\||$|(?:anymore|any more|now|and|so|honestly|at all|i)\b))",
    r"\b(?:no|not any|not a single|can not see any|can not see a|can not find any|can not find a|do not see any|"
    r"do not see a|do not have any|can not think of any|could not see any|could not find any) (?:reason|point|"
    r"purpose) (?:left )?(?:to|in|for) (?:stay|staying|stick around|sticking around|be around|being around|"
    r"continue|continuing|keep trying to live)(?=\s*(?:\||$|(?:anymore|any more|alive|here|around|on this "
    r"earth|in this world|honestly|at all|now)\b))",
)
_GOODBYE_MORE9 = _c(
    r"\b(?:wrote|written|writing|write|typed|typing|drafted|drafting|recorded|recording|left|leaving) (?:out |down "
    r"|up )?my (?:last |final )?goodbyes\b(?! (?:to|for) (?:the|my|our) (?:team|colleagues|coworkers|co workers|"
    r"office|manager|students|class|old job|company|clients|reports))(?! on slack)(?! at work)",
    r"\b(?:wrote|written|writing|write|drafted|drafting|left|leave|leaving) (?:some |these |those |a few |)"
    r"(?:notes|letters|goodbyes|messages) (?:to|for) (?:everyone|everybody|all of them|each of them|the people i "
    r"love|everyone i love|the people who matter)\b(?=[^|]{0,40}\b(?:just in case|in case|for after|for when|"
    r"goodbye|sorry|when i am gone)\b)",
)
_MEANS_MORE9 = _c(
    r"\b(?:stood|standing|stand|sat|sitting|sit|was|been|lingered|lingering|waited|waiting|leaned|leaning) "
    r"(?:at|on|by|near|right at|too close to|close to|over) (?:the |a |that |this )?edge of (?:the |a |that |this )?"
    r"(?:platform|roof|rooftop|tracks|balcony|building|car park|bridge|cliff)\b"
    r"(?=[^|]{0,60}\b(?:thought about it|thought about jumping|thought about stepping|thought about falling|"
    r"considered it|almost did it|nearly did it|could have done it|wanted to|thinking about it|how easy)\b)",
    r"\b(?:platform|ledge|bridge|roof|rooftop|tracks|balcony|cliff) (?:edge )?(?:and|then) (?:i )?(?:just )?"
    r"(?:thought about it|thought about jumping|thought about stepping|considered it|almost did it|nearly did it|"
    r"wanted to jump|wanted to step)\b",
)
# ---------------------------------------------------------------------------- generalised from round 11
_WISH_MORE11 = _c(
    # "how peaceful it would be to not exist"
    r"\b(?:peaceful|nice|easier|easy|a relief|restful|good|better|quiet|calm|simpler|lovely)\b[^|]{0,20}?\b(?:to )?"
    r"(?:not exist|not be here|not be alive|not be around|be gone|be dead|die|disappear forever|never wake up|"
    r"stop existing|not wake up|just stop existing|just not exist)\b"
    r"(?! (?:for (?:a|an|the|two|three|four|\w+ (?:days|weeks|hours))|on (?:holiday|vacation|a trip|leave)|trying))",
    # "I just want my life to be finished"
    r"\b(?:want|wish|need|hope|pray for) (?:my life|it all|everything|this life|life|my existence) to (?:be )?"
    r"(?:over|finished|done|end|ended|stop|be done|be over)\b",
)
_NO_WAY_MORE11 = _c(
    # "I don't think I'll be here by the end of the month"
    r"\b(?:do not think|doubt|not sure|am not sure|can not see) (?:that )?(?:i will|i would|i am going to|myself) "
    r"(?:still )?(?:be )?(?:here|alive|around|living) (?:by|at|for|past|beyond|after|until|much longer|next)\b",
    # "one more day… I'm not sure I can"
    r"\b(?:one more day|another day|one more night|another night|one day at a time)\b[^|]{0,40}?\b(?:not sure|do not "
    r"know if|doubt|can not) (?:that )?i (?:can|could|will)\b",
    r"\bnot sure (?:that )?i can (?:keep going|hold on|go on|last|survive|do this anymore|make it through (?:the "
    r"night|another day|this))\b",
)
_MEANS_MORE11 = _c(
    # a car in a closed garage with the engine running
    r"\b(?:car|engine|van)\b[^|]{0,40}?\bgarage\b[^|]{0,40}?\bengine (?:running|on)\b|\bgarage\b[^|]{0,40}?\bengine "
    r"(?:running|on)\b|\bhose (?:to|from|on|onto|into) (?:the )?exhaust\b|\bexhaust (?:pipe )?(?:into|in) the car\b",
)
_WISH = _extend(_WISH, _WISH_MORE11)
_NO_WAY = _extend(_NO_WAY, _NO_WAY_MORE11)
_MEANS = _extend(_MEANS, _MEANS_MORE11)
# ---------------------------------------------------------------------------- generalised from round 12
_WISH_MORE12 = _c(
    # "part of me wishes I was dead", "people would be relieved to see me dead"
    r"\b(?:wish|wishes|wished|wishing|want|wants|hope|hoping|rather|better|relieved|easier|happier|prefer)\b"
    r"[^|]{0,30}?\b(?:i|me) (?:was|were|am|be|being) (?:already |just |finally |simply )?dead\b",
    r"\b(?:see|find|have|seeing|finding) me (?:dead|gone for good|gone forever)\b",
    r"\b(?:done|finished|through) (?:with )?(?:living|being alive|existing|breathing|life)\b"
    r"(?! (?:admin|hacks?|coach\w*|insurance|goals|lessons|skills|update|updates|story|stories|in|at|as|on|here|"
    r"there|with|out of|off|like a|paycheck|pay cheque|month to month|week to week|hand to mouth) )",
    r"\bwant out of (?:life|this life|everything|existence|living|this world)\b",
)
_NO_WAY_MORE12 = _c(
    r"\bno (?:way forward|future|way through)(?: for me)?(?=\s*(?:\||$|(?:and|i|anymore|any more|at all|left)\b))",
    r"\b(?:life|living|existence|this life|any of this|none of this)\b[^|]{0,15}?\bworth it (?:anymore|any more|any "
    r"longer)\b",
)
_MEANS_MORE12 = _c(
    r"\b(?:pills|tablets|meds|medication|painkillers|sleeping pills) (?:are |have been )?(?:saved|stockpiled|hoarded|"
    r"stashed|hidden|put aside|set aside|counted out|lined up)(?: up| away| out)?\b(?! (?:for (?:the|my|a) "
    r"(?:trip|holiday|week|journey|flight)))",
)
_WISH = _extend(_WISH, _WISH_MORE12)
_NO_WAY = _extend(_NO_WAY, _NO_WAY_MORE12)
_MEANS = _extend(_MEANS, _MEANS_MORE12)
_WISH = _extend(_WISH, _WISH_MORE9)
_BURDEN = _extend(_BURDEN, _BURDEN_MORE9)
_NO_WAY = _extend(_NO_WAY, _NO_WAY_MORE9)
_GOODBYE = _extend(_GOODBYE, _GOODBYE_MORE9)
_MEANS = _extend(_MEANS, _MEANS_MORE9)

# ---------------------------------------------------------------------------- a broader net (after round 13)
# The families above match fixed word slots, and fresh phrasings slip between them ("no reason left for me to
# live", "i'd be better dead", "hiding knives in my room"). These read the same ideas with a few free words
# between the parts, only in a sentence in the writer's own voice (i, me, my), and only where no idiom of the
# quiet list covers the words. Recall first: a gentle panel shown once costs far less than a missed moment.

_GAP = r"(?: [\w]+){0,%d}?"
_DEATH = (r"(?:die|dying|be dead|dead|death|end it all|end my life|ending my life|end my own life|kill myself|"
          r"killing myself|not wake up|never wake up|not be here|not be alive|not exist|stop existing|"
          r"disappear forever|be gone forever|commit suicide|suicide|take my (?:own )?life|taking my (?:own )?life|"
          r"my life (?:should|to|would|could|can|will) end|life to end|not be around)\b"
          r"(?! (?:tired|set|serious|end|ends|on my feet|in the water|and buried|boring|easy|simple|wrong|right|last|"
          r"quiet|silent|line|lines|weight|heat|beat|for (?:a|the|that|this|it|one)|of (?:embarrassment|shame|"
          r"boredom|laughter|laughing|curiosity|cringe|hunger|thirst|jealousy|envy|excitement|nerves)|on (?:this|"
          r"that|the) hill|hard|happy|laughing|trying|of me|a slow death|my (?:hair|beard|clothes|shirt)|"
          r"(?:in|at) (?:this|that|"
          r"my|the) (?:job|role|company|office|meeting|interview|queue)|when (?:they|he|she|the|i saw|i heard|i "
          r"realised|i realized)|if (?:i (?:do not|have to|get|hear|see|am not|can not)|they (?:do not|call|ask|"
          r"say|reject)|another|this (?:recruiter|company|interview|take home))))")
_BROAD_WISH = _Family("wish to die", "a wish not to be alive", _c(
    r"\b(?:want|wanted|wanting|wants|wish|wished|wishing|wishes|hope|hoping|rather|better|should|ready|going to|"
    r"gonna|plan|planning|planned|decided|deciding|thinking about|thinking of|thought about|keep thinking|feel like|"
    r"felt like|tempted|longing|need|prefer|deserve|deserved|might as well|think that|thinking that|thought "
    r"that)\b" + _GAP % 4 + r" (?:to )?" + _DEATH,
))
_BROAD_NO_WAY = _Family("no way forward", "feeling there is no way forward in life", _c(
    r"\b(?:no|not any|zero|lost (?:my|the|all)) (?:will|desire|wish) to (?:live|go on|keep going|be alive|stay "
    r"alive|exist)\b",
    r"\b(?:no|not any|not a single|zero|nothing|lost (?:my|the|all)|can not (?:see|find|think of) (?:a|any)|do not "
    r"(?:see|have) (?:a|any))\b" + _GAP % 3 + r" (?:reason|point|purpose|desire|meaning)" + _GAP % 5
    + r" (?:to |in |for |of )?(?:live|living|be alive|being alive|stay alive|staying alive|go on|going on|keep "
    r"going|exist|existing|carry on|wake up|waking up)\b(?! (?:in|at|with|on|for|here|there|as|the|a|this|that|"
    r"my|without|abroad|alone|together)\b)",
    r"\b(?:will not|not going to|am not going to|do not think i will|doubt i will)" + _GAP % 2 + r" be (?:around|"
    r"here|alive) (?:for )?(?:much longer|long|after (?:this|tonight|the weekend)|by (?:the end|tomorrow|friday|"
    r"monday|the weekend|next (?:week|month))|past (?:this|the) (?:week|month|year|weekend))\b",
))
_BROAD_MEANS = _Family("means", "words about a plan or a means", _c(
    r"\b(?:hiding|hid|hidden|stockpiling|stockpiled|saving|saved|hoarding|hoarded|collecting|collected|stashing|"
    r"stashed|counting|counted|bought|buying|looked at|looking at|staring at|stared at|holding|held|sharpening|"
    r"sharpened)\b" + _GAP % 4 + r" (?:pills|tablets|meds|medication|painkillers|sleeping pills|knives|knife|razor|"
    r"razors|blades|rope|noose|gun|bottle of pills|pill bottle|bottle of (?:paracetamol|tablets|painkillers))\b"
    r"(?! (?:for (?:the|my|a|dinner|cooking|the kitchen|work|a trip|the trip)\b|to (?:cook|chop|the kitchen)|in the "
    r"kitchen|at the (?:pharmacy|chemist|shop|store)))",
))
_BROAD_SELF_HARM = _Family("self-harm", "words about hurting oneself", _c(
    r"\b(?:cut|cutting|cuts|burn|burning|burned|burnt|scratch|scratching|scratched|hurt|hurting|harm|harming|hit|"
    r"hitting|punch|punching|starve|starving|bang|banging)\b" + _GAP % 2 + r" (?:myself|my (?:arms?|wrists?|legs?|"
    r"skin|thighs?|stomach|head)|until i (?:bleed|bled|bruise)|till i (?:bleed|bled))\b"
    r"(?! (?:on (?:the|a) |at the |while |when |shaving|cooking|chopping|slicing|playing|running|lifting|falling|in "
    r"the kitchen|with the (?:knife|kettle|iron|oven|pan)|by accident|accidentally|over (?:this|it|one)|laughing|"
    r"out|off|some slack|typing|writing|carrying|moving|sleeping|skiing|cycling|climbing|training|exercising|working "
    r"out|at work|at the gym|lifting|on purpose by accident))",
))
_BROAD: tuple[_Family, ...] = (_BROAD_WISH, _BROAD_NO_WAY, _BROAD_MEANS, _BROAD_SELF_HARM)
_MINE = re.compile(r"\b(?:i|me|my|myself|mine)\b")

_FAMILIES: tuple[_Family, ...] = (_ENDING, _WISH, _BURDEN, _NO_WAY, _SELF_HARM, _MEANS, _GOODBYE)

# Hyperbole, idioms and job-search talk that make a match above mean something else. Each is a pattern
# over the canonical text; a family's match is dropped when it starts inside one of these spans.
_QUIET = tuple(_Pattern(p) for p in [
    # embarrassment, told after the fact: "I was so embarrassed I wanted to die"
    r"\b(?:embarrass\w*|mortified|cringe\w*|awkward)\b[^|]{0,40}?\b(?:wanted|thought i was going) to (?:just )?"
    r"die\b(?=[^|]{0,40}\b(?:lol|haha|ha|funny|laugh\w*|fine now|it is fine|all good|over it)\b)",
    r"\bthought i was going to die (?:when|because|after|during)\b",
    # effort: "killing myself to finish", "not going to kill myself over one rejection"
    r"\b(?:(?:am|is|are|been|was|were|keep|kept|stop|stopped|without|be|m|s|re|not|no) " + _FILL
    + r"killing myself|(?:not|never|no need to|do not|did not|will not|would not|should not|no point|"
    r"refuse to|not about to) " + _FILL + r"(?:going to |gonna |need to |have to )?kill myself) "
    r"(?:to|for|over|on|with|trying|working|studying|grinding|prepping|preparing|practising|practicing|"
    r"laughing|at work|doing|getting|writing|applying|learning|every day on|all week on|day and night|"
    r"at this job|at my job|in this job|in the gym|at the gym)\b"
    r"(?! (?:my life|myself|it all|tonight|because|and i|so|now))",
    r"\bkill(?:ing)? myself laughing\b",
    # "rather die than <a chore>": a comparison, not a wish (see the module doc)
    r"\brather (?:die|be dead) (?:\w+ ){0,4}?(?:than|then)\b(?! (?:keep|go on|continue|live|living|feel|feeling|be "
    r"(?:like this|me|alive)|carry on|being|spend|wake up|face|fail|failing|suffer|suffering)\b)",
    r"\b(?:rather|sooner) (?:\w+ ){1,7}?(?:than|then) (?!die\b|be dead\b|live\b|be alive\b|keep\b|go on\b|continue\b|"
    r"living\b|feel\b|feeling\b|carry on\b|being\b|wake up\b|face\b|fail\b|failing\b|suffer\b|suffering\b)",
    # third person: "made her want to die", "he wants to die"; a story's character
    r"\b(?:he|she|they|him|her|them|his \w+|her \w+)(?: \w+){0,3}? (?:want|wants|wanted|wanting) to die\b",
    r"\b(?:novel|book|film|movie|show|series|story|game|play|episode|character|protagonist|narrator|hero|heroine)\b"
    r"[^|]{0,50}?\b(?:suicid\w*|self harm\w*|overdos\w*|kills? (?:himself|herself|themselves))\b",
    # hyperbole of wanting a job: "I'd jump off a cliff for a chance at that role"
    r"\bi would (?:\w+ ){0,6}?for (?:a chance|the chance|that|this|a shot|an interview|a job|the job|the role|a role|"
    r"an offer|one more)\b",
    r"\b(?:bit|little|tad|kind|sort) of a burden\b",
    # embarrassment and other hyperbole
    r"\b(?:want|wanted|wanting|going|could|nearly|almost|just|about|gonna|will|would|to) (?:to )?(?:just )?"
    r"(?:die|died|dying|be dead) (?:of|from|with) (?:embarrassment|shame|cringe|boredom|laughter|laughing|"
    r"happiness|joy|jealousy|envy|curiosity|suspense|anticipation|excitement|nerves|stress|hunger|"
    r"thirst|heat|cold)\b",
    r"\bwanted to (?:just )?(?:die|disappear|vanish) (?:when|right there|on the spot|then and there|"
    r"a little|inside|as soon as|the moment|after i (?:said|called|realised|realized|saw|asked|heard|"
    r"noticed|mixed up|forgot)|in that (?:meeting|interview|call|moment)|during the)\b",
    r"\b(?:die|dying|died) (?:on|for) (?:this|that|the|a|my) (?:hill|hills)\b",
    r"\bhill (?:i|you|we) (?:want|wanted|am willing|was willing) to die on\b",
    r"\b(?:die|dying) (?:a little|inside|laughing|of laughter)\b",
    r"\bcross my heart and hope to die\b",
    r"\b(?:do not|did not|never|would not|will not|not|no|does not|no longer) " + _FILL
    + r"(?:want|wanna|wanted|wanting|plan|planning|intend) (?:to )?" + _FILL + r"die\b",
    r"\b(?:want|wanted|wanna|hope|hoping) to (?:die|be dead) (?:old|happy|rich|peacefully|in my bed at|"
    r"at a ripe|surrounded by)\b",
    r"\b(?:dying|die|died|dye|dyed) (?:my|her|his) hair\b",
    r"\b(?:the )?noose (?:is |was )?(?:tightening|closing|tightens|around (?:the|our|their|my) (?:budget|"
    r"savings|finances|neck of))|\btighten(?:ing|s)? (?:the|a) noose\b",
    r"\bwant to die (?:in|at) (?:this|a|my|that|the) (?:dead end|job|role|office|cubicle|company|position)\b",
    # suicide as a figure of speech or a job
    r"\b" + _CAREER + r" suicid(?:e|al)\b",
    r"\bsuicid(?:e|al) (?:" + _NOT_A_MODIFIER + r"\w+ )?" + _JOBNOUN + r"\b",
    r"\b(?:a|an|the|this|that) suicid(?:e|al) (?:\w+ )?(?:of a|of an)\b",
    r"\bsuicide (?:prevention|awareness|research|statistics|stats|rates|rate|bomber|bombers|bombing|attack|"
    r"attacks|squad|doors|forest|season|jokes?)\b",
    r"\b(?:at|for|with|to|joined|joining|join) (?:a|an|the) (?:\w+ )?suicide (?:prevention|awareness) "
    r"(?:\w+ )?(?:charity|nonprofit|organisation|organization|campaign|project|line|hotline|helpline|role)\b",
    # "end it with someone" is not "end it"
    r"\b(?:end|ending|ended) (?:it|things|everything) (?:with|at|between|on (?:a|good)) \w+",
    r"\bcan not go on (?:a|an|the|my|our|holiday|vacation|leave|the trip|record|camera|stage|air|linkedin|"
    r"that call|the call|like this forever at this job)\b",
    # startup and speech idioms
    r"\b(?:jump|jumping|jumped) off (?:a|the) cliff and build",
    r"\b(?:if|with) (?:you |someone |somebody |anyone )?(?:put|held|holds|hold|had|puts) (?:a|the) gun to my "
    r"head\b",
    r"\bgun to my head i would\b",
    r"\bshoot myself in the foot\b",
    # someone else's death, or the subject as a topic: "died by suicide", "a novel that deals with suicide"
    r"\b(?:died|dead|death|deaths|lost (?:\w+ ){1,3}?to|loss of (?:\w+ ){1,3}?to|passed away from|took (?:his|her|"
    r"their) (?:own )?li(?:fe|ves)) (?:by |from |to |through |after )?(?:suicide|an overdose|overdose)\b",
    r"\b(?:(?:article|articles|book|books|novel|film|movie|documentary|podcast|episode|show|talk|lecture|post|"
    r"thread|paper|essay|study|course|training|video|story|piece|series|song|report|research|statistics|news|"
    r"headline|panel|webinar|campaign|seminar)(?: \w+){0,3}? (?:about|on)|deals with|dealing with|covers|covering|"
    r"discuss|discusses|discussing|discussed|topic of|mentions|mentioning|mentioned|depicts|depicting|explores|"
    r"exploring|portrays|portraying|awareness of|research into|statistics on|touches on|tackles|tackling) "
    r"(?:\w+ ){0,2}?(?:suicide|"
    r"suicidal (?:feelings|thoughts|ideation)|self harm|self injury|overdoses?)\b"
    r"(?! (?:methods|method|ways|how|note|notes|plan))",
    r"\b(?:overdose|overdoses|suicide|self harm|self injury) (?:response|training|awareness|prevention|reversal|"
    r"first aid|kit|kits|statistics|stats|rates?|research|hotline|helpline|charity|campaign|course|workshop|module|"
    r"policy|protocol|risk assessment|survivors?|bereavement|loss|support group)\b",
    r"\b(?:he|she|they|his \w+|her \w+|their \w+|(?:my|our) (?:best |close |old |younger |older |little |big )?"
    r"(?:" + _KIN_ONE + r")|a (?:friend|colleague|coworker|classmate|student|client|patient)|someone|somebody|"
    r"[a-z]+ is (?:friend|brother|sister|colleague)) (?:\w+ ){0,3}?(?:is|was|has been|had been|felt|feels|feel|"
    r"became|got|gets|seemed|seems|sounded|sounds|is being|used to (?:feel|be|get)|used to|"
    r"told me (?:he|she|they) (?:is|was|were|felt)) (?:\w+ )?"
    r"(?:suicidal|self harming|cutting)\b",
    r"\b(?:course|training|first aid|workshop|module|class|seminar|certificate|certification|webinar|lecture)\b"
    r"[^|]{0,80}?\bsuicid\w*",
    r"\b(?:we|us|they|our group|the team|my friends and i|my partner and i|all of us) (?:\w+ ){0,2}?(?:stood|stand|"
    r"standing|sat|sit|sitting|went|walked|were|climbed|hiked) (?:on|at|to|across|over|by|up) (?:the |a |that )?"
    r"(?:edge of (?:the |a )?)?(?:bridge|ledge|cliff|cliffs|roof|rooftop|balcony)\b",
    r"\b(?:stood|standing|sat|sitting|went|walked|climbed) (?:on|to|across|over|up) (?:the |a )?(?:bridge|cliff|cliffs|"
    r"roof|rooftop|balcony)\b(?= (?:to (?:take|get|watch|see|enjoy|look at)|for (?:photos|pictures|a photo|the view|"
    r"a selfie|the sunset|the sunrise)))",
    # someone else's suicide: "her brother's suicide", "coping with my uncle's suicide"
    r"\b(?:her|his|their|your) (?:\w+ )?(?:is )?suicide\b|\b(?:dealing with|coping with|grieving|mourning|after|since|"
    r"following|because of) (?:her|his|their|my (?:" + _KIN_ONE + r") is|a|the) (?:\w+ ){0,2}?suicide\b",
    # goodbyes at a job's end: "I'm leaving my job and said goodbye to everyone"
    r"\b(?:leaving|left|quit|quitting|last day|moving|farewell|leaving do|party|office|job|company|colleagues|"
    r"coworkers|co workers|new job|relocating|relocated|graduat\w+|contract ended|laid off|made redundant)"
    r"[^|]{0,60}?(?:goodbye|goodbyes)\b",
    r"\b(?:say|saying|said|says) (?:my )?goodbyes? [^|]{0,60}?\b(?:leaving|last day|new job|team|office|party|move|"
    r"moving|before i (?:go|leave|start)|at work|on friday|colleagues|coworkers|co workers)\b",
    # "I feel like a burden asking my references again": a small ask, not a life
    r"\b(?:i (?:am|feel|felt) (?:like )?)?(?:a |such a |bit of a |a bit of a |kind of a )?burden (?:on \w+ )?"
    r"(?:by |for |when i am |when i |with |)(?:asking|bothering|emailing|e mailing|chasing|messaging|texting|"
    r"calling|nagging|pestering|relying|leaning|borrowing|needing (?:a|another|help with)|requesting)\b",
    r"\b(?:the|my|this|that) (?:bottle of )?(?:pills|meds|tablets) (?:for|from) (?:my|the) "
    r"(?:allergy|allergies|headache|migraine|hay fever|back|cold)\b",
])


def _quiet_spans(canon: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for pat in _QUIET for m in pat.finditer(canon)]


def _inside(span: tuple[int, int], quiet: Iterable[tuple[int, int]]) -> bool:
    """The match starts inside a quiet span (so it is part of that idiom)."""
    s = span[0]
    return any(qs <= s < qe for qs, qe in quiet)



# ---------------------------------------------------------------------------- context: whose words, and when
# Words are not the writer's own present thought when they are someone else's quoted words ("'I wanted to
# die' is what my friend said"), or a past that the entry says is over ("I used to self-harm as a teenager;
# it's been ten years"). A present pull in the same sentence ("again", "still", "lately", "scared I'll…")
# keeps the signal.

_QUOTE_SPAN = re.compile(r'["“”«»„]([^"“”«»„\n]{1,300})["“”«»„]')
_REPORTED = re.compile(
    r"\b(?:(?:he|she|they|someone|somebody|people|everyone|my (?:\w+ )?(?:friend|brother|sister|mum|mom|dad|"
    r"mother|father|cousin|colleague|coworker|partner|flatmate|roommate|housemate|neighbou?r|son|daughter|uncle|"
    r"aunt|wife|husband|boyfriend|girlfriend|boss|manager|classmate|teammate|mate|therapist|recruiter)|"
    r"(?:a|the|her|his|their) \w+|[a-z]+) (?:said|says|told me|wrote|writes|posted|tweeted|joked|texted|"
    r"messaged|quipped|laughed|shouted|yelled|muttered|replied|exclaimed|asked)|is what (?:he|she|they|\w+ \w+|"
    r"\w+) (?:said|says|wrote|meant|joked|texted)|(?:song|lyrics?|line from|meme|title|episode|book|film|movie|"
    r"show|poster|tweet|post|caption|quote|quoting|quoted|joke)\b)", re.IGNORECASE)
_SELF_REPORT = re.compile(r"\b(?:i|i've|i'd|i'll|i'm)\s+(?:\w+\s+)?(?:said|say|wrote|write|typed|told|keep "
                          r"saying|keep writing|keep thinking|texted|screamed|whispered)\b", re.IGNORECASE)
_RESOLVED = _Pattern(
    r"\b(?:(?:doing|feel|feeling|am|i am|in a|much|so much|a lot|way|far) (?:much |a lot |so much |way |far |lot )?"
    r"(?:better|safer|safe|stable|happier|healthier|good place|better place) (?:now|these days|since|than)|"
    r"(?:years|months|a year|a long time|ages|decades) ago|it has been (?:\w+ )?(?:years|months|a year|a while|"
    r"a long time|decades)|(?:those|these|the) (?:thoughts|days|feelings|urges) (?:are|have|has) (?:\w+ )?(?:gone|"
    r"passed|over|behind me)|behind me|recovered|in recovery|(?:got|getting|had|found|get) (?:help|support|"
    r"therapy|treatment)|proud of (?:myself|that|how far|it|where)|came out the other side|(?:clean|free) (?:for|"
    r"since)|the (?:worst|hardest) (?:is|was) (?:over|behind)|not anymore|no longer (?:feel|think|want|have))\b")
_PAST = _Pattern(r"\b(?:thought|wanted|was|were|felt|had|used to|tried|attempted|did|ago|last year|as a "
                 r"(?:teenager|teen|kid|child|student)|back then|back in|at the time|at university|at uni|in "
                 r"school|in college|when i was)\b")
_STILL = _Pattern(r"\b(?:again|still|is back|are back|came back|coming back|returned|returning|lately|"
                  r"recently|tonight|right now|scared|afraid|worried|terrified|keep|keeps|every day|every night|"
                  r"want|wanna|wish|need|going to|will)\b")


def _sentence_span(canon: str, start: int, end: int) -> tuple[int, int]:
    s = canon.rfind(_BOUNDARY, 0, start) + 1
    e = canon.find(_BOUNDARY, end)
    return s, (len(canon) if e < 0 else e)


def _told_of(text: str, norm: Normalised, start: int, end: int) -> bool:
    """The words at canonical ``start:end`` are someone else's quoted words, or a past that is over."""
    s, e = norm.span(start, end)
    for q in _QUOTE_SPAN.finditer(text):
        if q.start(1) <= s and e <= q.end(1):
            outside = text[:q.start()] + " " + text[q.end():]
            if _REPORTED.search(outside) and not _SELF_REPORT.search(outside):
                return True
    canon = norm.text
    ss, se = _sentence_span(canon, start, end)
    if not any(True for _ in _RESOLVED.finditer(canon)):
        return False
    sentence = canon[ss:se]
    return any(True for _ in _PAST.finditer(sentence)) and not any(True for _ in _STILL.finditer(sentence))


def support_signal(text: str) -> Signal | None:
    """A :class:`Signal` when ``text`` speaks of not wanting to be alive, of ending one's life, of
    hurting oneself, or of a plan or means; ``None`` otherwise. Pure and local; see the module doc for
    what it reads and the judgment calls."""
    if not text or not text.strip():
        return None
    norm = normalise(text)
    canon = norm.text
    if not canon:
        return None
    quiet = _quiet_spans(canon)
    best: tuple[int, int, _Family] | None = None
    for fam in _FAMILIES:
        for pat in fam.patterns:
            for m in pat.finditer(canon):
                if m.end() <= m.start():
                    continue
                if _inside((m.start(), m.end()), quiet) or _told_of(text, norm, m.start(), m.end()):
                    continue
                if best is None or m.start() < best[0]:
                    best = (m.start(), m.end(), fam)
                break
    if best is None:
        best = _broad(text, norm, quiet)
    if best is None:
        return None
    s, e, fam = best
    return Signal(fam.kind, norm.span(s, e), fam.reason)


def _broad(text: str, norm: Normalised, quiet: list[tuple[int, int]]) -> tuple[int, int, _Family] | None:
    """The broader net: the first match in a sentence in the writer's own voice, outside the quiet idioms."""
    canon = norm.text
    best: tuple[int, int, _Family] | None = None
    for fam in _BROAD:
        for pat in fam.patterns:
            for m in pat.finditer(canon):
                if m.end() <= m.start() or _inside((m.start(), m.end()), quiet):
                    continue
                ss, se = _sentence_span(canon, m.start(), m.end())
                if not _MINE.search(canon, ss, se) or _told_of(text, norm, m.start(), m.end()):
                    continue
                if best is None or m.start() < best[0]:
                    best = (m.start(), m.end(), fam)
                break
    return best


# ============================================================================ ratings

#: check-ins at mood 1 (of 5) on this many distinct days within the last seven
LOW_MOOD_DAYS = 3
#: a rating (0-100) of one of these feelings at or above this
HEAVY_FEELING = 80
HEAVY_FEELINGS = frozenset({"hopeless", "worthless"})


def ratings_signal(moods_last_7_days: Iterable[tuple[date, int]], ratings: Mapping[str, int], *,
                   today: date | None = None) -> Signal | None:
    """A quiet signal from numbers alone: a mood of 1 on at least three of the last seven days, or
    "hopeless" / "worthless" rated 80 or more. ``moods_last_7_days`` is (day, mood 1-5) pairs (several
    a day are fine; a day counts once); with ``today`` given, days outside the seven days ending today
    are ignored. ``ratings`` maps a feeling's name to its 0-100 rating (names are matched without case).
    """
    for name, value in ratings.items():
        if str(name).strip().casefold() in HEAVY_FEELINGS and isinstance(value, int | float) and \
                value >= HEAVY_FEELING:
            return Signal("heavy feelings", (0, 0), "a feeling of having no worth or hope rated very high")
    first = today - timedelta(days=6) if today else None
    low_days = {
        day for day, mood in moods_last_7_days
        if mood == 1 and (today is None or (first is not None and first <= day <= today))
    }
    if len(low_days) >= LOW_MOOD_DAYS:
        return Signal("low moods", (0, 0), f"the lowest mood on {len(low_days)} of the last seven days")
    return None
