"""A local, rule-based tone check for outreach messages.

Every rule is a handful of patterns and one line saying why the words may land badly. Each finding
points at the exact words (a span in the checked text), so the composer can underline them. The check
informs; it never blocks. Findings marked ``hostile`` also start the cool-off ("sleep on it") and let the
composer offer to move the draft to the journal as an unsent letter.

The rules cover what a hurt candidate tends to write the hour after a "no": correcting their writing,
going public, blame and contempt, sarcasm, demanding reasons or a reversal, passive-aggressive stock
phrases and shouting. One rule is not hostile but still worth a look: sounding *needy* (begging,
offering to take less, "I'll accept anything").

How words are read:

* curly quotes and apostrophes count as straight ones (spans are unchanged: one character for one);
* judgement words ("rude", "a joke", "useless") fire only in a sentence about *them* (you, your team,
  the process, the interview…) and not when the nearest subject before the word is the writer ("I hope
  I wasn't rude"), so a candidate can be hard on themselves without a note;
* capitals fire on words that are not acronyms or names; a run of three or more shouted words is
  hostile, one or two are a style note (and "THANK YOU SO MUCH" is never hostile);
* "!!!" and "?!" are a style note in a warm sentence and hostile in one without a warm word;
* one shouted word of a complaint ("AGAIN", "THIRD", "NEVER") in a sentence without a warm word is hostile;
* shorthand and dropped apostrophes are read as the words they stand for ("ur loss tbh" is "your loss to be
  honest", "cant believe u" is "can't believe you"); spans still point at the words as written.

Beyond the stock phrases, the rules read structure, so new wordings are caught too (each family was
tested on held-out lines written before the rules saw them; see ``tests/corpus/ROUNDS.md``):

* judgement words in three tiers (strong anywhere, milder ones when the sentence is about them, and the
  writer as judge: "I found it disrespectful" is about them, "I hope I wasn't rude" about me);
* comparisons ("never met a less prepared interviewer", "I've seen more organised children's parties"),
  contempt idioms, pre-decided hires, "companies like yours…", "your own website";
* a complaint about what they did (cancelled, lost my CV, never replied) sharpened by a sneer ("even",
  "again", "supposedly", "without a word"), unless the sentence is kind ("I understand you had to…");
* sarcasm as a warm word set against bad news ("Thanks so much for the one-sentence rejection"), a short
  warm sentence after a complaint ("…Impressive."), scare quotes around a phrase used as the noun itself
  (not a title: "your talk on "boring technology"" stays quiet), their words quoted back;
* demands: asking for reasons or a reversal (scores, notes, "reconsider", "reopen") without a softener
  ("if you're able to", "I'd welcome"), deadlines, ultimatums, escalation;
* going public by structure: an audience or venue plus this exchange ("letting the Blind community know",
  "this is going on my LinkedIn"), legal and press threats;
* needy: pleading, self-lowering offers (less pay, any role, unpaid, lowest band), desperation markers;
* escalation over their head ("I've copied your head of people"), sharing it already ("I've shared my
  experience in a few candidate groups"), evidence kept ("I screenshot everything").

A statistical backstop (:mod:`store.tone_model`, a small logistic regression over words, word classes and
shape, trained on the corpora) is asked only when no rule found anything hostile: it may add one ``overall``
finding, the sentence that reads most bitter as a whole, whose why names the words that weighed most. On
the last three rounds of fresh held-out lines the rules alone caught 58-72% of bitter lines and rules plus
the backstop 82-88%; each round's false alarms are in ``tests/corpus/ROUNDS.md``.

Speed: each pattern carries up to three sets of short strings (six letters at most) such that any match
contains one string of each, worked out from the pattern itself ahead of time (``store/tone_needs.json``; a
pattern missing from it is analysed at the first check); an inverted index over those strings says, in one
pass over a text, which patterns can match it, and the others are neither compiled nor run. Long word
alternations are grouped by first letter when compiled. Neither changes a finding (tests compare them). A
150-word draft takes about 3 ms of CPU on a busy shared machine (the rules ~2.5, the backstop ~0.5), a
2,000-character message about 9 ms, a short note under 1 ms.

Nothing leaves the machine. The rules are here to read; the backstop's weights are in
``store/tone_model.json`` and its training script is ``tests/tone_model_train.py``.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from store import logs

__all__ = ["Finding", "RULES", "Rule", "check", "check_rules", "hostile", "prepare_in_slices", "summary"]


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
    Rule("needy", "sounding desperate",
         "Pleading or offering to take less gives your value away; say what you bring instead.", False),
    Rule("job_ask", "job ask in a first note",
         "Asking for a job in a first connection note rarely gets a reply; connect first.", False),
    Rule("overall", "bitter overall",
         "No single phrase gave it away, but the sentence as a whole reads as bitter.", True),
]}

_I = re.IGNORECASE


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


#: What :func:`_top_level_alternatives` looks at: an escape (two characters), a character class (an
#: escape inside it skips two characters as well; its first unescaped ``]`` closes it), a bracket, a bar.
_STRUCTURE = re.compile(r"\\.?|\[(?:\\.?|[^\]\\])*\]?|[()|]", re.S)


def _top_level_alternatives(source: str) -> list[str]:
    """``source`` split at its top-level ``|`` (outside groups and character classes). The scan is one
    regular expression over the pattern (the rules are read at import: a loop over every character of
    ~850 patterns took ~0.1 s)."""
    parts, depth, start = [], 0, 0
    for m in _STRUCTURE.finditer(source):
        c = m.group()
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(source[start:m.start()])
            start = m.end()
    parts.append(source[start:])
    return parts


# ---------------------------------------------------------------------------- a prefilter for the patterns
# Most patterns can only match where the text holds one of a few short strings (the first four characters
# of their possible matches: "clea", "obvi"…). Those strings are worked out once from the pattern itself, and
# a pattern whose strings are all absent from a text is not run on it. This never changes a match; it only
# skips work (the check is several times faster on a long message).

try:  # the regex parser is private; without it the prefilter is simply off
    _sre: Any = importlib.import_module("re._parser")
    _SRE_C: Any = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - a future Python
    _sre = None
    _SRE_C = None

PREFIX_LEN = 6
_CAP = 300
_SPACE = (" ", "\n", "\t", "\r")


class _Unknown(Exception):
    pass


def _gen_seq(items: Any, k: int) -> set[tuple[str, bool]]:
    """Possible starts of a match of the sequence ``items``, as (string, open): ``open`` when the string may go
    on (it is shorter than ``k`` and nothing unknown cut it)."""
    res: set[tuple[str, bool]] = {("", True)}
    for op, av in items:
        nxt: set[tuple[str, bool]] = set()
        for s, open_ in res:
            if not open_ or len(s) >= k:
                nxt.add((s, False))
                continue
            try:
                subs = _gen_item(op, av, k - len(s))
            except _Unknown:
                nxt.add((s, False))
                continue
            for t, o in subs:
                nxt.add(((s + t)[:k], o and len(s + t) < k))
        if len(nxt) > _CAP:
            raise _Unknown
        res = nxt
    return res


def _gen_item(op: Any, av: Any, k: int) -> set[tuple[str, bool]]:
    c = _SRE_C
    if op is c.LITERAL:
        return {(chr(av), True)}
    if op is c.IN:
        chars: list[str] = []
        for iop, iav in av:
            if iop is c.LITERAL:
                chars.append(chr(iav))
            elif iop is c.RANGE and iav[1] - iav[0] < 12:
                chars += [chr(x) for x in range(iav[0], iav[1] + 1)]
            elif iop is c.CATEGORY and iav is c.CATEGORY_SPACE:
                chars += list(_SPACE)
            else:
                raise _Unknown
        return {(ch, True) for ch in chars}
    if op is c.CATEGORY and av is c.CATEGORY_SPACE:
        return {(ch, True) for ch in _SPACE}
    if op is c.BRANCH:
        out: set[tuple[str, bool]] = set()
        for branch in av[1]:
            out |= _gen_seq(branch, k)
        return out
    if op is c.SUBPATTERN:
        return _gen_seq(av[-1], k)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
        lo, hi, sub = av
        if lo == 0 and hi > 1:
            raise _Unknown  # "(?:word ){0,4}": anything may come next; not worth spelling out
        reps: set[tuple[str, bool]] = {("", True)} if lo == 0 else set()
        cur: set[tuple[str, bool]] = {("", True)}
        for n in range(1, min(hi, k) + 1):
            cur = {((s + t)[:k], o and len(s + t) < k) for s, open_ in cur if open_
                   for t, o in _gen_seq(sub, k - len(s))} | {(s, False) for s, open_ in cur if not open_}
            if n >= lo:
                reps |= cur
            if len(reps) > _CAP:
                raise _Unknown
        if hi > k:  # longer repeats start the same way as the k-th
            reps |= {(s, False) for s, _ in cur}
        return reps
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return {("", True)}
    raise _Unknown


# four-letter runs found in most messages: a poor prefilter, so the analysis avoids them when it can
_COMMON = frozenset((
    ' abo', ' aga', ' and', ' any', ' app', ' at ', ' be ', ' but', ' can', ' cha', ' con', ' cou', ' fee', ' i c',
    ' i h', ' i w', " i'd", " i'l", " i'm", ' if ', ' in ', ' int', ' is ', ' it ', ' let', ' me ', ' my ', ' not',
    ' of ', ' on ', ' pro', ' rea', ' rol', ' so ', ' tea', ' tha', ' the', ' tim', ' to ', ' wan', ' was', ' wee',
    ' wit', ' you', "'ll ", "'m s", 'abou', 'agai', 'and ', 'anks', 'ant ', 'any ', 'appl', 'at t', 'atio', 'been',
    'bett', 'bout', 'but ', 'can ', 'd th', 'd to', 'e in', 'e re', 'e ro', 'e te', 'e th', 'e to', 'ease', 'ed a',
    'ed t', 'enjo', 'ervi', 'expl', 'f th', 'feel', 'for ', 'from', 'g to', 'gain', 'gett', 'goin', 'good', 'grea',
    'had ', 'hank', 'has ', 'hat ', 'have', 'he c', 'he p', 'he r', 'he t', 'her ', 'here', 'hire', 'his ', 'hope',
    'i wa', "i'd ", "i'll", "i've", 'iew ', 'ill ', 'in t', 'ing ', 'inte', 'ion ', "it's", 'ith ', 'just', 'know',
    'like', 'make', 'more', 'much', 'n th', "n't ", 'need', 'ng m', 'nks ', 'not ', 'nter', 'ole ', 'on t', 'or t',
    'ould', 'out ', 'plea', 'r th', 'real', 'ring', 'role', 'rvie', 's a ', 's fo', 'some', 't th', 't to', "t's ",
    'take', 'team', 'ted ', 'tell', 'ter ', 'terv', 'than', 'that', 'the ', 'thei', 'them', 'ther', 'they', 'thin',
    'this', 'time', 'ting', 'tion', 'to s', 'uld ', 'ut t', 'very', 'view', 'want', 'was ', 'week', 'were', 'what',
    'will', 'with', 'work', 'woul', 'you ', "you'", 'your',
))


def _cost(strings: set[str]) -> int:
    """How often a text is likely to hold one of ``strings`` (lower is more selective)."""
    if "" in strings:
        return 1 << 30
    return sum((60 if s[:4] in _COMMON and s[2:6] in _COMMON else 1) if len(s) >= PREFIX_LEN
               else (60 if s[:4] in _COMMON else 20) if len(s) >= 4 else 40 if len(s) == 3 else 400 if len(s) == 2
               else 4000 for s in strings)


def _suffix_starts(items: Any) -> list[set[str] | None]:
    """For every ``j``, the possible starts of a match of ``items[j:]`` (``None`` when unknown), worked out
    from the end of the sequence so that each item is expanded once."""
    k = PREFIX_LEN
    out: list[set[str] | None] = [None] * len(items)
    nxt: set[tuple[str, bool]] = {("", True)}
    for j in range(len(items) - 1, -1, -1):
        op, av = items[j]
        try:
            subs: set[tuple[str, bool]] | None = _gen_item(op, av, k)
        except _Unknown:
            subs = None
        cur: set[tuple[str, bool]] = set()
        if subs is None:
            cur = {("", False)}  # nothing is known from here on
        else:
            for t, o in subs:
                if not o or len(t) >= k:
                    cur.add((t[:k], False))
                    continue
                for x, o2 in nxt:
                    u = t + x
                    cur.add((u[:k], o2 and len(u) < k))
            if len(cur) > _CAP:
                cur = {("", False)}
        strings = {x for x, _ in cur}
        out[j] = None if "" in strings else strings
        nxt = cur
    return out


def _requirement(items: Any, memo: dict[int, set[str] | None],
                 found: list[tuple[int, int, set[str]]] | None = None) -> set[str] | None:
    """Strings one of which every match of the sequence ``items`` contains: the possible starts of the match
    from the most selective item on, or the union of the requirements of a group's alternatives. With
    ``found``, every usable candidate of this (top-level) sequence is collected as (cost, index, strings)."""
    key = id(items)
    if key in memo and found is None:
        return memo[key]
    if found is None and items and all(op is _SRE_C.LITERAL for op, _ in items):  # a plain word: its letters
        word = "".join(chr(av) for _, av in items)
        memo[key] = {word[:PREFIX_LEN]}
        return memo[key]
    starts = _suffix_starts(items)
    best: set[str] | None = None
    best_cost = 1 << 30
    for j, cand in enumerate(starts):
        op, av = items[j]
        alts: list[Any] = []
        if op is _SRE_C.BRANCH:
            alts = list(av[1])
        elif op is _SRE_C.SUBPATTERN:
            alts = [av[-1]]
        elif op in (_SRE_C.MAX_REPEAT, _SRE_C.MIN_REPEAT) and av[0] >= 1:
            alts = [av[2]]
        cand_cost = _cost(cand) if cand is not None else 1 << 30
        if alts and cand_cost > 60:  # the alternatives' own requirements, when the starts are not selective
            union: set[str] | None = set()
            for alt in alts:
                req = _requirement(alt, memo)
                if req is None or union is None:
                    union = None
                    break
                union |= req
            if union is not None and _cost(union) < cand_cost:
                cand, cand_cost = union, _cost(union)
        if cand is None:
            continue
        if found is not None:
            found.append((cand_cost, j, cand))
        if best is None or cand_cost < best_cost:
            best, best_cost = cand, cand_cost
    memo[key] = best
    return best


_Need = tuple[frozenset[str], tuple[str, ...]]


def _split(strings: set[str]) -> _Need:
    return (frozenset(s for s in strings if len(s) == PREFIX_LEN),
            tuple(sorted(s for s in strings if len(s) < PREFIX_LEN)))


def literal_prefixes(source: str) -> tuple[_Need, ...] | None:
    """Sets of short strings (at most ``PREFIX_LEN`` characters) such that any match of ``source`` contains
    one string of *each* set: the most selective one found anywhere in the pattern, and up to two more from
    other parts of it. ``None`` when nothing useful is known (the pattern is then always run)."""
    if _sre is None:
        return None
    found: list[tuple[int, int, set[str]]] = []
    try:
        best = _requirement(_sre.parse(source).data, {}, found)
    except Exception as exc:  # noqa: BLE001 - an unexpected pattern shape only turns the prefilter off for it
        logs.swallowed(exc, "tone prefilter analysis")
        return None
    if best is None or _cost(best) >= 4000 or len(best) > _CAP:
        return None
    found.sort(key=lambda f: (f[0], f[1]))
    chosen: list[tuple[int, int, set[str]]] = []
    for f in found:
        if f[0] <= 60 and all(abs(f[1] - c[1]) >= 2 for c in chosen):
            chosen.append(f)
        if len(chosen) == 3:
            break
    if not chosen:
        return (_split(best),)
    return tuple(_split(c[2]) for c in chosen)


@lru_cache(maxsize=16)
def _grams(text: str) -> frozenset[str]:
    """Every run of ``PREFIX_LEN`` characters in ``text``."""
    n = PREFIX_LEN
    return frozenset(text[i:i + n] for i in range(len(text) - n + 1))


_PREFILTER_FROM = 0  # characters: below this the index is not asked (it is read from NEEDS_FILE: asking is cheap)


class _Index:
    """Every registered pattern's literal needs, inverted: for a text, which patterns can match it at all is
    worked out in one pass over the text's strings rather than pattern by pattern (the same answer)."""

    def __init__(self) -> None:
        self.registry: list[_Prefilter] = []
        self.built = 0  # how many registered patterns the index covers
        self.need_count: list[int] = []  # per pattern: how many needs it has (0: always possible)
        self.by_full: dict[str, list[tuple[int, int]]] = {}
        self.by_short: dict[str, list[tuple[int, int]]] = {}
        self.full_keys: frozenset[str] = frozenset()
        self.always: set[int] = set()

    def build(self, until: int | None = None) -> None:
        """Index the patterns registered since the last build (up to ``until``)."""
        end = len(self.registry) if until is None else min(until, len(self.registry))
        for pid in range(self.built, end):
            pre = self.registry[pid].needs()
            self.need_count.append(0 if pre is None else len(pre))
            if pre is None:
                self.always.add(pid)
                continue
            for k, (full, short) in enumerate(pre):
                for g in full:
                    self.by_full.setdefault(g, []).append((pid, k))
                for p in short:
                    self.by_short.setdefault(p, []).append((pid, k))
        self.built = max(self.built, end)
        self.full_keys = frozenset(self.by_full)
        _possible_ids.cache_clear()


_INDEX = _Index()


def prepare_in_slices(size: int = 200) -> Iterator[None]:
    """What the first check would do before looking at the text, ahead of it: read the patterns' stored
    needs, then index them ``size`` patterns at a time, yielding between (the app's warm-up runs one
    slice per step; the whole takes ~30-60 ms). A check made meanwhile finishes the index itself."""
    _stored_needs()
    yield
    while _INDEX.built < len(_INDEX.registry):
        _INDEX.build(until=_INDEX.built + size)
        yield


@lru_cache(maxsize=16)
def _possible_ids(text: str) -> frozenset[int]:
    """The registered patterns that can match ``text`` (every one of their needs is met)."""
    met: set[tuple[int, int]] = set()
    for g in _grams(text) & _INDEX.full_keys:
        met.update(_INDEX.by_full[g])
    for p, needs in _INDEX.by_short.items():
        if p in text:
            met.update(needs)
    count: dict[int, int] = {}
    for pid, _k in met:
        count[pid] = count.get(pid, 0) + 1
    counts = _INDEX.need_count
    return frozenset([pid for pid, c in count.items() if c == counts[pid]] + list(_INDEX.always))


class _Prefilter:
    """Whether a pattern can match a text at all, from its literal prefixes (worked out on first use)."""

    __slots__ = ("_id", "_pre", "_source", "pattern")

    def __init__(self, source: str) -> None:
        self.pattern = source
        self._source: str | None = source
        self._pre: tuple[_Need, ...] | None = None
        self._id = len(_INDEX.registry)
        _INDEX.registry.append(self)

    def needs(self) -> tuple[_Need, ...] | None:
        if self._source is not None:
            stored = _stored_needs().get(self._source, _MISSING)
            self._pre = literal_prefixes(self._source) if stored is _MISSING else _from_json(stored)
            self._source = None
        return self._pre

    def possible(self, text: str) -> bool:
        if len(text) < _PREFILTER_FROM:
            return True
        if _INDEX.built != len(_INDEX.registry):
            _INDEX.build()
        return self._id in _possible_ids(text)


# The needs of every rule pattern, worked out ahead (``store/tone_needs.json``, by pattern): the first
# check reads them instead of analysing ~1,150 patterns (~0.4 s). A pattern missing from the file (a rule
# edited since) is analysed as before; a test checks the file against a fresh analysis.
NEEDS_FILE = "tone_needs.json"
_MISSING = object()


def _from_json(stored: Any) -> tuple[_Need, ...] | None:
    if stored is None:
        return None
    return tuple((frozenset(full), tuple(short)) for full, short in stored)


def _to_json(needs: tuple[_Need, ...] | None) -> Any:
    if needs is None:
        return None
    return [[sorted(full), list(short)] for full, short in needs]


@lru_cache(maxsize=1)
def _stored_needs() -> dict[str, Any]:
    import json
    from pathlib import Path

    try:
        table = json.loads((Path(__file__).parent / NEEDS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        logs.swallowed(exc, "tone needs file")
        return {}
    return table if isinstance(table, dict) else {}


def fresh_needs() -> dict[str, Any]:
    """Every registered pattern's needs (the rules of this module and of :mod:`store.care`), analysed now,
    as stored in ``tone_needs.json``."""
    importlib.import_module("store.care")
    return {pre.pattern: _to_json(literal_prefixes(pre.pattern)) for pre in _INDEX.registry}


def write_needs() -> int:
    """Write ``tone_needs.json`` after a rule changed: ``python -c "from store import tone; tone.write_needs()"``."""
    import json
    from pathlib import Path

    table = fresh_needs()
    (Path(__file__).parent / NEEDS_FILE).write_text(json.dumps(table, sort_keys=True, indent=0) + "\n",
                                                    encoding="utf-8")
    return len(table)


# ---------------------------------------------------------------------------- factoring long alternations
# A long alternation of words ("stupid|rude|unprofessional|…") makes the regex engine try every word at every
# position. Alternatives that start with different letters can never match at the same position, so a run of
# alternatives that each start with a plain letter is grouped by that letter ("r(?:ude|idiculous)|s(?:tupid|…)"),
# keeping their order within a group: the matches are exactly the same (a test checks it on the corpora), and
# the engine tries a few groups instead of every word.

_SPECIAL = frozenset("\\.^$*+?{}[]()|")
_QUANT = frozenset("*+?{")


def _group_end(src: str, i: int) -> int:
    """The index of the ``)`` closing the group that opens at ``src[i]``."""
    depth, cls, j = 0, False, i
    while j < len(src):
        c = src[j]
        if c == "\\":
            j += 2
            continue
        if cls:
            cls = c != "]"
        elif c == "[":
            cls = True
            if src[j + 1:j + 2] == "]" or src[j + 1:j + 3] == "^]":  # a "]" first in a class is a literal
                j += 2 if src[j + 1] == "]" else 3
                continue
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j
        j += 1
    raise ValueError("unbalanced group")


def _factor_inside(alt: str) -> str:
    """``alt`` with the alternations of its groups factored (lookbehinds and flags are left as written)."""
    out: list[str] = []
    j, cls = 0, False
    while j < len(alt):
        c = alt[j]
        if c == "\\":
            out.append(alt[j:j + 2])
            j += 2
            continue
        if cls:
            cls = c != "]"
            out.append(c)
            j += 1
            continue
        if c == "[":
            cls = True
            out.append(c)
            j += 1
            if alt[j:j + 1] == "^":
                out.append("^")
                j += 1
            if alt[j:j + 1] == "]":
                out.append("]")
                j += 1
            continue
        if c != "(":
            out.append(c)
            j += 1
            continue
        end = _group_end(alt, j)
        if alt.startswith("(?:", j):
            head = 3
        elif alt.startswith("(?P<", j):
            head = alt.index(">", j) + 1 - j
        elif alt.startswith(("(?=", "(?!"), j):
            head = 3
        elif alt.startswith("(?") :  # lookbehind, inline flags, comments: as written
            out.append(alt[j:end + 1])
            j = end + 1
            continue
        else:
            head = 1
        out.append(alt[j:j + head] + _factor(alt[j + head:end]) + ")")
        j = end + 1
    return "".join(out)


def _literal_start(alt: str) -> bool:
    return bool(alt) and alt[0] not in _SPECIAL and alt[1:2] not in _QUANT


def _factor(src: str, inside: bool = True) -> str:
    """``src`` with runs of alternatives that start with a plain letter grouped by that letter, and so on down
    the letters of each group (same matches)."""
    if "|" not in src:
        return _factor_inside(src) if inside and "(" in src else src
    alts = [_factor_inside(a) if inside and "(" in a else a for a in _top_level_alternatives(src)]
    if len(alts) < 4:
        return "|".join(alts)
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        groups: dict[str, list[str]] = {}
        for a in run:
            groups.setdefault(a[0], []).append(a)
        for first, members in groups.items():
            if len(members) == 1:
                out.append(members[0])
            else:
                out.append(re.escape(first) + "(?:" + _factor("|".join(m[1:] for m in members), False) + ")")
        run.clear()

    for a in alts:
        if _literal_start(a):
            run.append(a)
        else:
            flush()
            out.append(a)
    flush()
    return "|".join(out)


class _Rx:
    """A rule pattern, matched against the lowercased text without IGNORECASE, and with a leading ``\\b``
    checked after the match rather than in it: Python's regex engine only skips ahead quickly to a pattern's
    possible first characters when the pattern does not start with an assertion, which makes the check
    several times faster. Matches are exactly those of the original pattern."""

    __slots__ = ("_rx", "bound", "plain", "pre")

    def __init__(self, source: str) -> None:
        alternatives = _top_level_alternatives(source)
        self.bound = all(a.startswith(r"\b") for a in alternatives)
        if self.bound:
            source = "|".join(a[2:] for a in alternatives)
        self.plain = source  # as written (the tests compare it with the factored form)
        self._rx: re.Pattern[str] | None = None
        self.pre = _Prefilter(source)

    @property
    def rx(self) -> re.Pattern[str]:
        """The factored pattern, compiled on first use: most patterns never run on a given text (the
        prefilter rules them out), so importing the rules compiles none of them."""
        rx = self._rx
        if rx is None:
            rx = self._rx = re.compile(_factor(self.plain))
        return rx

    @property
    def groupindex(self) -> Mapping[str, int]:
        return self.rx.groupindex

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        if not self.pre.possible(text):
            return
        end = len(text) if endpos is None else endpos
        if not self.bound:
            yield from self.rx.finditer(text, pos, end)
            return
        while pos <= end:
            m = self.rx.search(text, pos, end)
            if m is None:
                return
            s = m.start()
            if (s > 0 and _is_word(text[s - 1])) != (s < len(text) and _is_word(text[s])):
                yield m
                pos = m.end() if m.end() > s else s + 1
            else:
                pos = s + 1

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return next(self.finditer(text, pos, endpos), None)


def _rx(source: str) -> _Rx:
    return _Rx(source)


def _lower(text: str) -> str:
    """``text`` in lower case, one character for one (so spans stay those of ``text``)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"', "„": '"', "«": '"',
                         "»": '"'})
_NT = r"(?:n'?t| not)"  # didn't / didnt / did not
_IM = r"(?:i'?m|i am)"
_YOU_LL = r"(?:you'?ll|you will|you(?:'re| are) going to|you'?re gonna)"
_THEM = (r"(?:you|your|yours|you'?ve|you'?re|you'?ll|yourself|yourselves|they|their|them|you lot|you guys|u|ur|urs|"
         r"y'?all|the (?:process|interview(?:ers?|s)?|panel|company|team|recruiters?|recruitment|hiring "
         r"(?:manager|team|process)|decision|feedback|whole thing|firm|organi[sz]ation|hr|department|"
         r"management|leadership|ceo|founders?|email|rejection|letter|take-?home|test|assessment)|this "
         r"(?:process|company|decision|team|interview|firm|place|rejection|email)|interview(?:ers?|s)?|"
         r"recruit(?:ers?|ing|ment)|hiring|hr|ghost(?:ing|ed|s)?|process|company|panel|department|firm|"
         r"management|organi[sz]ation|employer|manager|hiring manager|ceo|founders?|team)")
_THEM_RE = _rx(r"\b" + _THEM + r"\b")
_ME_RE = _rx(r"\b(?:i|i'?m|i'?ve|i'?d|i'?ll|me|my|myself|mine)\b")
_SENTENCE = re.compile(r"[^.!?\n;]+[.!?;]*")
_WARM = re.compile(r"\b(?:thanks?|thank you|congrat\w*|great|love|loved|excited|happy|glad|amazing|wonderful|"
                   r"awesome|best|delighted|yay|appreciate\w*|welcome|fantastic|brilliant|enjoy\w*|cheers|"
                   r"lucky|hooray|grateful|pleasure|well done|good luck)\b", _I)


#: a sentence start (a line start or after . ! ?), for patterns that are a whole short sentence
_START = r"(?m)(?:^|(?<=[.!?] )|(?<=[.!?]  )|(?<=[.!?]))(?=\S)"
_CLAUSE_START = r"(?m)(?:^|(?<=[.!?,;] )|(?<=[.!?,;]  )|(?<=[.!?,;]))(?=\S)"


def _compile(*patterns: str) -> tuple[_Rx, ...]:
    return tuple(_Rx(p) for p in patterns)


def _spans(patterns: Iterable[_Rx], text: str) -> Iterator[tuple[int, int]]:
    for pat in patterns:
        if not pat.pre.possible(text):
            continue
        hit = "hit" in pat.groupindex  # a pattern may point at part of its match: (?P<hit>...)
        for m in pat.finditer(text):
            s, e = m.span("hit") if hit else m.span()
            if e > s:
                yield s, e


def _sentence_of(text: str, pos: int) -> tuple[int, int]:
    start = max(text.rfind(c, 0, pos) for c in ".!?\n;") + 1
    ends = [i for i in (text.find(c, pos) for c in ".!?\n;") if i >= 0]
    return start, (min(ends) if ends else len(text))


_ME_AFTER_RE = _rx(r"\b(?:my|mine|myself|of me)\b")
# the writer as the one who judges: "I found it…", "I think you…", "I have to say the…"
_EVALUATOR = re.compile(
    r"(?:'d)?\s+(?:really |honestly |genuinely |personally |frankly |truly |also |still |do |did |just )?"
    r"(?:find|found|think|thought|consider(?:ed)?|believe|call(?:ed)?|would call|have to say|must say|would say|"
    r"noticed|spotted|counted|saw|see|can see|could see|could tell|can tell|suggest|recommend|advise|"
    r"(?:feel|felt|think|thought|find|found) (?:that|it|this|like (?:you|they|the|it|this|that|your))|"
    r"was (?:shocked|stunned|surprised|disappointed|amazed|appalled|taken aback) (?:by|at|that|how))\b")
_NEGATIONS = frozenset("""not never hardly no isnt wasnt dont didnt doesnt arent werent cant wont couldnt wouldnt
shouldnt hasnt havent""".split())


def _owner(text: str, start: int, end: int) -> str:
    """Whom the words at ``start:end`` are about: ``"me"``, ``"them"`` or ``""``. The nearest pointer in the
    sentence wins: any subject before the words ("I hope I wasn't rude", "your team was rude"), or a
    possessive after them ("mistakes in your message", "a typo in my portfolio")."""
    s, e = _sentence_of(text, start)
    best: tuple[int, str] | None = None
    for who, pat, lo, hi in (("me", _ME_RE, s, start), ("them", _THEM_RE, s, start),
                             ("me", _ME_AFTER_RE, end, e), ("them", _THEM_RE, end, e)):
        for m in pat.finditer(text, lo, hi):
            dist = start - m.end() if hi == start else m.start() - end
            if who == "me" and hi == start and _EVALUATOR.match(text, m.end(), start):
                who_here = "them"  # "I found it rude", "I think you've made…": the writer judges something else
            else:
                who_here = who
            if best is None or dist < best[0]:
                best = (dist, who_here)
    return best[1] if best else ""


def _about_me(text: str, start: int, end: int | None = None) -> bool:
    return _owner(text, start, start if end is None else end) == "me"


def _about_them(text: str, start: int, end: int) -> bool:
    return _owner(text, start, end) == "them"


_SOFTENERS = frozenset("a an the very so that really particularly entirely completely totally remotely even at all "
                       "in any way".split())


def _is_negation(word: str) -> bool:
    w = word.lower()
    return w.replace("'", "") in _NEGATIONS or w.endswith("n't")


def _negated(text: str, start: int) -> bool:
    """The word before ``start`` is a negation, or the one before that with a softener between ("it wasn't
    a waste of time", "not unfair at all"). "I can't believe how rude…" is not negated."""
    words = re.findall(r"[\w']+", text[max(0, start - 40):start])[-2:]
    if words and _is_negation(words[-1]):
        return True
    return len(words) == 2 and _is_negation(words[0]) and words[1].lower() in _SOFTENERS


# ============================================================================ correcting their writing

_CORRECT_WORDS = _rx(
    r"\b(?:typos?|misspel(?:l|ls|led|t|ling|lings)|spelling (?:mistakes?|errors?)|spelling|grammar|grammatical(?:ly)?|"
    r"proof-?read(?:ing|er)?|punctuation|spell-?check(?:er|ing)?)\b")
_CORRECT_ALWAYS = _compile(
    r"[\[(]\s*sic\s*[\])]",
    r"\b(?:it'?s|it is) (?:spelled|spelt|written)\b",
    r"\bthe (?:correct|right|proper) (?:spelling|word|term|grammar) is\b",
    r"\bthe word (?:is|you(?:'re| are) looking for is)\s+\"",
    r"\byou (?:misspelled|misspelt|meant to (?:write|say))\b",
    r"\b(?:did you mean|you mean)\s+[\"']",
    # "you're", not "your" / 'received', not 'recieved'
    r"[\"'][\w']+[\"'],?\s+not\s+[\"'][\w']+[\"']",
    # a correction in the chat style: *you're
    r"(?:^|(?<=\s))\*(?:you'?re|your|their|there|they'?re|its|it'?s|too|to|then|than|affect|effect|lose|loose|"
    r"who'?s|whose|receive[ds]?|definitely|separate|a lot|could have|should have|would have)\b(?![\w']*\*)",
    r"\b(?:hire|hiring|get|invest in|try|use|buy|afford) (?:an? |some )?(?:editor|proof-?reader|dictionary|"
    r"spell-?checker|grammarly|english (?:class|lessons?|course|teacher))\b",
    r"\b(?:learn(?:ed)? to|can'?t|cannot|can not|could(?:n'?t| not)?|can|able to|knows? how to) (?:actually |even |"
    r"at least |properly )?spell\b",
    r"\b(?:basic|elementary|primary school|grade school|high school) (?:english|grammar|spelling|literacy)\b",
    r"\b(?:riddled|littered|full) with (?:typos|errors|mistakes|spelling)\b",
    r"\b(?:you|they|your \w+|he|she|the recruiter) (?:spelled|spelt|wrote|misspelled|typed|got) (?:my name|"
    r"[\"'][^\"'\n]{1,30}[\"']|it|that|the \w+|\w+) (?:wrong|incorrectly|badly)\b",
    r"\b(?:more|so many|lots of|plenty of|dozens of|a dozen) (?:errors|typos|mistakes|spelling mistakes) than\b",
    r"\b(?:spell-?check(?:er|ing)?|grammarly|a dictionary|proof-?reading|autocorrect) (?:exists|is free|is a thing|"
    r"is your friend|costs nothing|is not hard|isn'?t hard|is available)\b",
    r"\b(?:a little |some |basic )?(?:proof-?reading|spell-?checking|an editor|a spell-?check) (?:goes a long way|"
    r"never hurts|wouldn'?t hurt|would help|helps)\b",
    r"[\"'][a-z]+[\"'] (?:has|have|is|isn'?t|doesn'?t|does not|is not|takes|needs|contains) (?:no |not |only |"
    r"two |one |a |an |double |single )?(?:spelled|spelt|written|double|single|[\"'][a-z]{1,3}[\"']|letter|"
    r"apostrophe|hyphen|capital)",
)


# a typo in something practical (a date in an invite, a link) is a helpful heads-up, not a jab at their writing
_LOGISTICS = _rx(
    r"\b(?:invite|invitation|calendar|link|url|address|booking|schedule|zoom|teams link|phone number|room number|"
    r"time zone|timezone|date|dates|meeting time|start time|form field)s?\b")


def _correcting(text: str) -> Iterator[tuple[int, int]]:
    for s, e in _spans(_CORRECT_ALWAYS, text):
        if not _about_me(text, s, e):
            yield s, e
    for m in _CORRECT_WORDS.finditer(text):
        if _about_them(text, m.start(), m.end()):
            ss, se = _sentence_of(text, m.start())
            if m.group(0).startswith("typo") and _LOGISTICS.search(text, ss, se) is not None:
                continue
            yield m.start(), m.end()


# ============================================================================ going public

_VENUES = _rx(
    r"\b(?:linked ?in|twitter|x\.com|reddit|glassdoor|blind|indeed|hacker ?news|facebook|instagram|tiktok|"
    r"mastodon|bluesky|threads|youtube|medium|substack|social media|my (?:network|followers|blog|newsletter|podcast|"
    r"channel|substack|audience|connections)|online|the internet|publicly|in public|everyone|the world|the press|"
    r"the news)\b")
_SHARE_INTENT = _rx(
    r"\b(?:i(?:'ll| will| am going to|'m going to| plan to| intend to| might| may| could| would| am| have|'ve|"
    r"'m)|(?:going|planning|about) to|don't be surprised if i|i'?m (?:now |currently )?)\s+(?:\w+\s+){0,2}?"
    r"(?:post(?:ing|ed)?|shar(?:e|ing|ed)|tweet(?:ing|ed)?|writ(?:e|ing)|written|blog(?:ging|ged)?|"
    r"publish(?:ing|ed)?|tell(?:ing)?|told|warn(?:ing|ed)?|expos(?:e|ing|ed)|review(?:ing|ed)?|"
    r"broadcast(?:ing)?|put(?:ting)?|written up|writ(?:e|ing) up|wrote up)\b")
_SHARE_OBJECT = _rx(
    r"\b(?:this|it|that|my experience|the experience|how (?:you|i was|this|it)|what happened|the way|"
    r"(?:the|this|my|our) (?:whole |entire )?(?:saga|story|ordeal|experience|details|process)|everything|"
    r"all of it|"
    r"about (?:you|this|your|the (?:process|interview|company|team))|(?:your|our|the|this|that) (?:whole )?"
    r"(?:e-?mails?|letter|messages?|rejection|process|response|reply|decision|behaviou?r|treatment|company|"
    r"team|exchange|thread|conversation|correspondence|chat|interaction|dms?))\b")
_THREAT = _compile(
    r"\bname and shame\b",
    r"\bgo(?:ing)? public\b",
    r"\b(?:the world|everyone|everybody|people|other candidates|candidates|the public|my network|my followers|"
    r"(?:my )?[\d,.]+k? followers|my (?:\d+k? )?connections|my audience|future applicants) (?:will|should|"
    r"deserves? to|needs? to|has a right to|have a right to|are going to|is going to|ought to|must) "
    r"(?:know|hear|see|find out|learn|read)\b",
    r"\b(?:make sure|ensure) (?:that )?(?:my network|everyone|everybody|people|others|my followers|the world|"
    r"other candidates) (?:hears?|knows?|sees?|finds? out|learns?)\b",
    r"\b(?:leave|leaving|left|write|writing|wrote|post|posting|posted|expect|await) (?:a |an |my )?(?:[\w-]+ ){0,2}?"
    r"(?:review|rating)s?\b(?! (?:of|for|on) (?!(?:you|your (?:company|team|process|hiring|interview|recruit\w*)|"
    r"the (?:company|process|interview|hiring|team)|this (?:company|process|experience)|glassdoor|indeed|"
    r"blind|google)\b))(?! process)",
    r"\b(?:one|1|two|2|zero|0|half a)[- ]star\b",
    r"\b(?:everyone|everybody|people|the world|my network|my followers|other candidates) (?:on|at|in|from) "
    r"(?:[\w.]+ ){1,2}?(?:will|is going to|are going to|should|deserves? to|needs? to) (?:know|hear|see|find out|"
    r"read)\b",
    r"\b(?:will|'ll|is going to|are going to|gonna) (?:all )?(?:hear|know|read) (?:all )?about (?:this|it|how you|"
    r"what you|your|the way you)\b",
    r"\bglassdoor review\b",
    r"\b(?:review|rating) on glassdoor\b",
    r"\b(?:took|taken|kept|saved|sharing|share|shared|post(?:ing|ed)?|have|got|taking|keeping) (?:a |the |some )?"
    r"screenshots?\b(?=\s*(?:[.,!;]|$|of (?:this|that|it|everything|all|your|our|the (?:e-?mails?|letter|"
    r"messages?|conversation|chat|reply|thread|exchange|rejection|call))\b))",
    r"\bscreenshots? of (?:this|your|the|our) (?:whole )?(?:e-?mail|letter|message|conversation|chat|reply|"
    r"thread|exchange)s?\b",
    r"\b(?:posted|shared|published|tweeted|put|uploaded|forwarded) (?:this|our|your|the|that) (?:whole |entire )?"
    r"(?:exchange|e-?mails?|thread|conversation|correspondence|rejection|messages?|letter|reply|response|chat|"
    r"interaction|screenshots?|dms?)\b",
    r"\b(?:ends?|end(?:ed|s)?) up on (?:twitter|linkedin|reddit|glassdoor|social media|the internet|x|blind|"
    r"tiktok|the news)\b",
    r"\b(?:forwarded|forwarding|sent|sending|passed|passing|reported|reporting|shared|sharing|will send|will "
    r"forward|taking|took) (?:this|it|the thread|our e-?mails|your e-?mails?|everything) (?:on )?to (?:a|the|my) "
    r"(?:journalists?|reporters?|press|lawyers?|solicitors?|attorneys?|labou?r board|ombudsman|regulator)\b",
    r"\b(?:contacting|contact|talk(?:ing)? to|speak(?:ing)? to|consult(?:ing)?|call(?:ing)?|get) (?:with )?my "
    r"(?:lawyers?|solicitors?|attorneys?|legal team)\b",
    r"\b(?:report(?:ing)?|reported) (?:you|your company|this|your team) to\b",
    r"\b(?:filing|file|filed|lodging|lodge|lodged|making|raising|raise|submitting|submit) a (?:formal |official |"
    r"written )?complaint\b",
    r"\b(?:i'?ll|i will|i'?m going to|i am going to|i'?m|i am) (?:be )?(?:post(?:ing)?|tweet(?:ing)?|blog(?:ging)?|"
    r"publish(?:ing)?|writ(?:e|ing) publicly|go(?:ing)? public) about (?:this|it|you|my experience|how)\b",
    r"\b(?:will|'ll|are going to|is going to|gonna) (?:all )?hear (?:about )?(?:how|what) you\b",
    r"\b(?:take|taking|took) (?:this|it|the matter|things|my complaint) (?:to court|legal|public|to the top|to your "
    r"ceo|to my lawyer)\b",
    r"\b(?:take|taking|took) (?:this|it|the matter|things|my complaint) (?:further|higher|elsewhere)"
    r"(?=\s*(?:[.,!;]|$|if|unless|with (?:a|my) (?:lawyer|solicitor|attorney)|legally))",
    r"\bor (?:else|i'?ll (?:take|go|report|post|share|escalate|contact|tell|make))\b",
    r"\bscreen-?shott?(?:ed|ing) (?:it|this|that|everything|all of it|your|our|the (?:e-?mail|letter|message|"
    r"conversation|chat|reply|thread|exchange|rejection))\b",
    r"\bnot afraid to (?:use|share|post|publish|leak) (?:it|them|this)\b",
    r"\b(?:report(?:ing)?|reported|flag(?:ging|ged)?) (?:this|the|your) (?:posting|job|ad|listing|company|recruiter|"
    r"role|vacancy|opening) (?:to|as|on)\b",
    r"\blet (?:my network|everyone|everybody|people|others|my followers|the world|my connections|other candidates) "
    r"know (?:exactly |just |precisely )?(?:what|how|(?:all )?about (?:this|it|you|how|what|your (?:company|process|"
    r"treatment|team|hiring)))\b",
)


# something offered to them, not held over them: "…on my blog, in case the team is interested"
_OFFERED = _rx(r"\b(?:in case (?:you|the team|anyone|it|they|your team)(?:'re| are| is| were| was)? (?:\w+ )?"
               r"(?:interested|useful|helpful|curious)|(?:might|may|could) be (?:useful|interesting|helpful|of "
               r"interest)|if you'?re (?:interested|curious)|for anyone (?:interested|curious)|thought you (?:might|'d|"
               r"would) (?:like|enjoy|find))\b")


# a review that the sentence calls glowing is not held over anyone
_GLOWING = _rx(r"\b(?:positive|glowing|five[- ]star|5[- ]star|rave|raving|kind words|recommend(?:ed|ing)? you)\b")


def _threat(text: str) -> Iterator[tuple[int, int]]:
    for s, e in _spans(_THREAT, text):
        ss, se = _sentence_of(text, s)
        if _GLOWING.search(text, ss, se) is None:
            yield s, e
    for sent in _SENTENCE.finditer(text):
        chunk = sent.group(0)
        m = _SHARE_INTENT.search(chunk)
        if not m:
            continue
        rest = chunk[m.end():]
        venue = _VENUES.search(rest)
        if venue and _SHARE_OBJECT.search(rest) and not _warm_sentence(text, sent.start()) and \
                not _POSITIVE.search(chunk) and not _OFFERED.search(chunk):
            yield sent.start() + m.start(), sent.start() + m.end() + venue.end()


# ============================================================================ blame, insult, contempt

_BLAME = _compile(
    r"\b(?:idiots?|idiotic|stupidity|morons?|moronic|incompeten(?:t|ce)|clueless|pathetic|imbeciles?|clowns?|"
    r"bozos?|muppets|jokers|a circus|clown show|amateur hour|dumpster fire|shitshow|a disgrace|disgraceful|"
    r"shameful|shameless|liars?|lied to me|shame on you|should be ashamed|how dare you|you people|"
    r"good riddance|dodged a bullet|spineless|cowards?|cowardly|scam(?:mers?)?|shady|sleazy|"
    r"wasted (?:\w+ ){0,3}(?:my|our) (?:\w+ )?(?:time|weekend|evening|effort|energy|days?|weeks?|months?|life|"
    r"saturday|sunday|holiday|vacation|leave)|"
    r"wast(?:e|ing) (?:\w+ ){0,3}(?:my|our) (?:\w+ )?(?:time|weekend|evening|effort|energy|days?|weeks?|months?|life|"
    r"saturday|sunday|holiday|vacation|leave)|"
    r"(?:is|was|it's|it is) (?:all )?your (?:own )?fault|your (?:own )?fault|"
    r"you (?:clearly |obviously )?(?:messed up|screwed up|blew it|dropped the ball|botched)|"
    r"(?:terrible|awful|horrible|disgusting|appalling|atrocious|abysmal|horrendous) (?:process|company|people|"
    r"team|interview(?:ers?)?|experience|treatment|behaviou?r|communication|management|recruiters?)|"
    r"worst (?:interview|process|experience|company|hiring|recruiter|treatment))\b",
    r"\byour loss\b(?<!sorry for your loss)(?<!sorry about your loss)",
    r"\b" + _YOU_LL + r" (?:\w+ )?(?:regret|be sorry|rue|kick yourselves)\b",
    r"\bmark my words\b",
    r"\b(?:bullshit|bull ?crap|b\.?s\.?(?= answer| excuse| reason| process)|shit(?:ty)?|f+u+c+k+\w*|f\*+k\w*|"
    r"wtf|crap(?:py)?|what the (?:hell|heck)|screw (?:you|this|that|your)|piss(?:ed)? off|go to hell|"
    r"damn you|arseholes?|assholes?|jerks?|dicks?|pricks?)\b",
    r"\b(?:lose|delete) my (?:number|e-?mail|details|contact)\b",
    r"\b(?:don'?t|do not|never) (?:ever |bother to )?(?:contact|e-?mail|call|message|text) me again\b",
    r"\b(?:have|has|had|show(?:ed)?|with) (?:no|zero) (?:respect|regard|consideration|decency|courtesy|manners|"
    r"clue|integrity|shame)\b",
    r"\b(?:no|zero|not a|not the (?:first|slightest)) (?:idea|clue) what (?:you|they|you'?re|they'?re|"
    r"your \w+|the \w+|talent|good)\b",
    r"\b(?:don'?t|do not|didn'?t|did not) (?:even )?know what (?:you|they)(?:'re| are| were)? doing\b",
    r"\b(?:did|does|do|has|have) (?:anyone|anybody|you|someone|a human|a person|any human) (?:even |actually |"
    r"ever |bother to ){1,3}(?:read|look at|open|glance at|see) my\b",
    r"\byou (?:clearly |obviously |probably )?(?:didn'?t|did not|never|don'?t|do not) (?:even |bother to |"
    r"actually ){1,3}(?:read|look at|open) my\b",
    r"\b(?:couldn'?t|could not|can'?t|cannot|didn'?t|did not) (?:even )?be bothered\b",
    r"\b(?:basic|common|simple|minimum of|bare minimum of|shred of) (?:courtesy|decency|respect|manners|"
    r"professionalism|human decency)\b",
    r"\bthe (?:bare|absolute) minimum\b",
    r"\b(?:process|system|hiring|recruiting|recruitment|company|interview|pipeline|ats) (?:is|was|are|were) "
    r"(?:completely |totally |fundamentally |so |utterly |clearly )?(?:broken|rigged|a mess|a shambles|a "
    r"disaster|a farce|a sham|a joke|a scam)\b",
    r"\b(?:your|the) (?:company|startup|team|business|product) (?:will|is going to|deserves to) (?:fail|go under|"
    r"go bust|collapse|crash|die)\b",
    r"\bhope (?:you|your (?:company|team|startup|business|product|new hire)) (?:fail|fails|go under|goes under|"
    r"go bust|goes bust|regret)\b",
    r"\b(?:you'?ve|you have|you|your team|the panel|they|they'?ve) made a (?:\w+ )?mistake\b",
    r"\b(?:too good|overqualified) for (?:you|your|this|them|that)\b",
    r"\bbeneath me\b",
    r"\b(?:bunch|pack|gang|load|band) of (?:amateurs|clowns|idiots|morons|liars|cowards|hypocrites|fools|jokers|"
    r"muppets|incompetents|frauds|crooks)\b",
    r"\b(?:hypocrites|crooks|frauds|charlatans|cowards)\b",
    r"\b(?:treated|handled|spoken to|talked to|strung along|messed around|jerked around) (?:me |us |candidates |"
    r"people )?(?:so |this |that |very |more |really |incredibly |extremely )?(?:badly|poorly|terribly|horribly|"
    r"rudely|disrespectfully|unfairly|appallingly|shabbily|like dirt|like garbage|like a number|like trash|"
    r"like crap|like an idiot|like a child)\b",
    r"\b(?:strung|stringing|string|strings) (?:me|us|candidates|people|applicants) along\b",
    r"\b(?:led|leading) (?:me|us|candidates) on\b",
    r"\b(?:played|messed|jerked|yanked|mucked) (?:me|us|candidates|people) (?:around|about)\b",
    r"\b(?:nobody|no one|no-one|not one person|none of you|not a single person) (?:even |actually |ever |"
    r"bothered to |really |properly |clearly ){0,3}(?:read|looked at|opened|checked|glanced at|reviewed|saw|"
    r"listened to|watched) my\b",
    r"\b(?:did|was|were|is|has) (?:a |an |the |some |your )?(?:bot|robot|algorithm|machine|ai|ats|keyword "
    r"filter|computer)\b[^.!?\n]{0,30}?\b(?:reject|decid|read|screen|review|writ)\w*",
    r"\b(?:decided|rejected|written|read|screened|reviewed) by (?:a |an |some )?(?:bot|robot|machine|algorithm|"
    r"computer|ai)\b",
    r"\bshame on (?:you|your|them|the|this|all)\b",
    r"\b(?:nice|kind|good|thoughtful|decent|sweet|generous) of you to (?:\w+ ){0,5}?(?:after|finally|eventually|"
    r"at last|only now)\b",
    r"\bsettled for (?:nobody|no one|less|someone (?:cheaper|worse|less|who)|second best|mediocrity)\b",
    _START + r"(?:do better|be better|grow up|get a grip|step up|try harder|be honest|"
    r"wake up|get real|come on|shameful|pathetic|unreal|get it together)\s*[.!]+",
    r"\bbetter than (?:you (?:treat|treated|handle|handled) )?(?:your |the )?(?:candidates|applicants|me)\b",
    r"\b(?:got|spelled|spelt|misspelled|pronounced) (?:the spelling of |the name of )?(?:my )?(?:name|surname|"
    r"first name|last name|family name)\b[^.!?\n]{0,25}?\bwrong\b",
    r"\b(?:speechless|stunned|flabbergasted|gobsmacked|baffled|dumbfounded|astonished|shocked|amazed) (?:at|by) "
    r"(?:how|the way|your|the (?:way|lack|level))\b",
    r"\b(?:badly|poorly|terribly|horribly|appallingly|shoddily|sloppily|rudely) (?:handled|run|managed|"
    r"organi[sz]ed|treated|communicated|conducted|executed)\b",
    r"\b(?:the reason|why) (?:people|everyone|everybody|candidates|nobody|no one|good people|talent) (?:hates?|"
    r"avoids?|distrusts?|wants?|leaves?|quits?|won'?t)\b",
    r"\b(?:nobody|no one|no-one|not one person) (?:sane |good |decent )?(?:wants|would want|will want|wants) to "
    r"work (?:for|with|at) (?:you|your|them)\b",
    r"\byou owe (?:every|each|all|the|your|candidates|people|everyone|an)\b",
    r"\b(?:doubt|hard to believe|don'?t believe|do not believe|can'?t believe|wonder (?:if|whether)) (?:that )?"
    r"(?:anyone|anybody|someone|a human|a person|you|a single person) (?:actually |even |ever |really )?(?:read|"
    r"looked at|opened|reviewed|saw) my\b",
    r"\b(?:you|they|your team|the panel) (?:made|have made|'ve made|just made) (?:the|a) (?:wrong|bad|terrible|"
    r"huge|big|poor|serious|grave) (?:call|choice|decision|mistake|hire)\b",
    r"\b(?:have|has|had|got|'ve got) (?:some|a lot of|quite the|real) nerve\b|\bthe nerve of\b",
    _START + r"not (?:cool|okay|ok|acceptable|fair|professional)(?: at all)?\s*[.!]",
    r"\b(?:maybe|perhaps|try to|you should|please) learn (?:to|how to) (?:read|write|spell|communicate|interview|"
    r"hire|treat|respond|reply|count|use)\b",
    r"\b(?:you|they|your company|your team) (?:obviously |clearly |apparently )?(?:never|didn'?t|did not) (?:even )?"
    r"(?:intend|intended|plan|planned|mean|meant|want|wanted) to hire\b",
    r"\b(?:you|they|the panel|your team|the team)(?:'d| had)? already (?:made up (?:your|their) minds?|decided|"
    r"picked someone|chosen someone)\b",
    r"\b(?:nobody|no one|no-one) (?:told|tells|updated|informed|contacted|called|e-?mailed|bothered to tell) (?:me|us)"
    r" (?:anything|a thing|for|in)\b",
    r"\b(?:is|are|was) (?:the reason|why) (?:good|talented|great|qualified|decent|strong) (?:people|candidates|"
    r"engineers|applicants|talent)\b",
    r"\b(?:you|they|your company) (?:sure |certainly |clearly |obviously )?(?:don'?t|do not|didn'?t|did not) "
    r"(?:act|behave|live up to|practi[sc]e what|walk the walk)\b",
    r"\b(?:you|they|your \w+|the \w+|nobody|no one|he|she) (?:couldn'?t|could not|didn'?t|did not|can'?t|"
    r"cannot|can not|wouldn'?t|would not) even (?:\w+)\b",
    r"\b(?:you|they|your \w+|he|she) (?:clearly |obviously |apparently )(?:can'?t|cannot|can not|don'?t|do not|"
    r"won'?t|couldn'?t|didn'?t|did not|have no|had no)\b",
    r"\b(?:you|they|your \w+|he|she|nobody|no one) (?:clearly |obviously |just |simply )?(?:didn'?t|did not|"
    r"don'?t|do not|doesn'?t|does not|never) (?:even )?care\b",
    r"\b(?:hired|picked|chose|chosen|went with|gave it to) (?:someone'?s|somebody'?s|your|their|the boss'?s|the "
    r"ceo'?s|the manager'?s|a) (?:friend|nephew|niece|cousin|buddy|mate|son|daughter|drinking buddy|golf buddy)\b",
    r"\bhope (?:your|you|the|this) (?:\w+ )?(?:tanks?|fails?|flops?|crash(?:es)?|burns?|goes under|go under|"
    r"goes bust|go bust|sinks?|dies?|collapses?|crumbles?|implodes?)\b",
    r"\b(?:shocking|appalling|terrible|awful|disgraceful|horrible|disgusting|poor|bad|cruel|no|despicable|"
    r"shameful|outrageous) way to (?:treat|talk to|speak to|handle|deal with) (?:people|candidates|anyone|"
    r"someone|applicants|others|humans|me)\b",
    r"\b(?:a monkey|a child|a toddler|a chimp|my dog|my cat|a robot|a (?:five|5)[- ]year[- ]old|a goldfish|"
    r"a trained parrot) could (?:do|run|write|manage|have done|organi[sz]e|make|design|conduct|hire)\b",
    r"\b(?:have|show) the (?:basic |common |simple )?(?:decency|courtesy|manners|guts) (?:to|and)\b",
    r"\b(?:don'?t|do not|never) (?:ever )?(?:contact|e-?mail|call|message|text) me (?:again|about|regarding|for)\b",
    r"\bworst (?:\w+ )?(?:recruiting|recruitment|hiring|interview(?:ing)?|candidate|application) (?:experience|"
    r"process)\b|\bworst \w+ (?:ever|of my life|i'?ve (?:ever )?(?:had|seen|experienced))\b",
    r"\b(?:never|n'?t|not) (?:seem(?:ed|s)? to )?(?:have|get|got|had) (?:its|their|your|it'?s|his|her) act together\b",
    r"\b(?:you|they|the panel|your team|the team|someone)(?:'d| had)? (?:already )?decided before\b",
    r"\bno intention of (?:giving|hiring|replying|responding|following|sending|calling|considering)\b",
    r"\b(?:your|their|the) (?:\w+ )?(?:should|need to|needs to|ought to|might want to|must) (?:really |seriously |"
    r"honestly |probably |urgently |definitely )?(?:learn (?:to|how)|be trained|get training|be retrained|"
    r"rethink|improve|be fired|be replaced|go back to school)\b",
    r"\b(?:to|you) (?:ignore|ghost|mistreat|disrespect|string along|lie to|deceive) (?:candidates|applicants|"
    r"people|everyone|me)\b",
    r"\bwhy (?:even |did you |would you )?bother (?:interviewing|inviting|calling|replying|asking|advertising|"
    r"posting|with)\b",
    r"\b(?:incredible|amazing|unbelievable|remarkable|impressive|astonishing) how (?:slow|long|little|few|bad|"
    r"badly|poorly|rude|unprofessional|disorgani[sz]ed|careless|lazy|quickly you|fast you)\b",
    r"\b(?:next time|in future|in the future|going forward),? (?:maybe |perhaps |try to |please |you might want "
    r"to |you should |you could )?(?:read|look at|check|learn|hire|train|respond|reply|tell|be honest|have the|"
    r"consider|actually|bother|treat|respect|think|don'?t|do not|try not|stop)\b",
    r"\b(?:maybe|perhaps|you might want to|you may want to|you should|try to|consider) (?:\w+ )?(?:hire|hiring|"
    r"train|training|invest in|investing in|get|getting) (?:someone|somebody|people|an?|your) (?:\w+ )?"
    r"(?:who (?:can|knows|understands|reads|actually)|competent|qualified|proper|better|basic|some)\b",
    r"\byou (?:all |guys |people )?(?:should|need to|ought to|might want to|must|have to|better) (?:really |"
    r"seriously |honestly |probably |urgently |definitely )?(?:train|fix|rethink|re-?evaluate|improve|learn|"
    r"sort out|teach|educate|overhaul|reconsider how|look at how|work on your|get your)\b",
    r"\bhope (?:\w+ ){1,5}?(?:is|was|are|were) worth it\b",
    r"\bgood luck (?:finding|getting|hiring) (?:anyone|anybody|someone|somebody|a candidate|another|people) "
    r"(?:better|as good|like me|with my|half as|who|that good)\b",
    r"\b(?:you'?ll|you will|you won'?t|you will not|you'?re not going to) (?:ever |never )?(?:find|get|hire) "
    r"(?:anyone|anybody|someone|somebody|a candidate|another|better|a better)\b[^.!?\n]{0,40}?"
    r"\b(?:like me|my experience|as good|better|half as|at that (?:salary|price|rate))",
    r"\byou'?ll never find\b",
    r"\bsomeone (?:competent|qualified|who knows what|who can (?:read|spell|write|think)|with a (?:brain|clue))\b",
    r"\b(?:(?:you|they|your \w+|nobody|no one|the \w+) (?:couldn'?t|could not|can'?t|can not|cannot|didn'?t|did not) "
    r"(?:even )?|(?:couldn'?t|could not|can'?t|can not|cannot|didn'?t|did not) even )(?:spare|find|take|manage|"
    r"send|bother|make) (?:a |the |five |two |ten |one |\d+ )?(?:minutes?|seconds?|moment|time|call|email|"
    r"line|reply|effort)\b",
    r"\b(?:doesn'?t|don'?t|didn'?t|does not|do not|did not) (?:even |actually |really )?know how to (?:hire|"
    r"interview|treat|communicate|run|write|manage|recruit|lead|do (?:your|their) jobs?|read|reply|respond)\b",
    r"\b(?:you|your \w+|they) (?:have|has|still have|clearly have) (?:a lot|so much|plenty) to learn\b",
    r"\b(?:doesn'?t|don'?t|does not|do not|didn'?t|did not) (?:\w+ )?(?:value|respect|care about|appreciate|"
    r"deserve) (?:talent|people|candidates|experience|employees|anyone|(?:my|our|people'?s|candidates'?) time|"
    r"quality|applicants|good people)\b",
    r"\b(?:no|zero|little|any) (?:respect|regard|consideration) for (?:candidates|people|applicants|anyone|my "
    r"time|our time|others|other people)\b",
    r"\b(?:i'?m|i am|i feel|i felt|i was|i'?m honestly|i am honestly|honestly|frankly|and) (?:\w+ )?"
    r"(?:angry|furious|livid|outraged|fuming|pissed(?: off)?|enraged|incensed|seething|disgusted|appalled|"
    r"insulted)\b",
    r"\b(?:gave|given|give) (?:you|them|your company|your team) (?:\w+ ){0,4}?(?:free|unpaid) (?:work|labou?r|"
    r"consulting|time)\b",
    r"\b(?:you|they|your company|your team) (?:wanted|got|get|used|use) (?:\w+ ){0,3}?free (?:work|labou?r|"
    r"consulting)\b",
    r"\b(?:is this|is that) (?:how|the way) you (?:treat|handle|talk to|speak to|respond to|reward)\b",
    r"\bdo you (?:treat|handle|talk to|ghost|reject) (?:all|every|everyone|every one of) (?:your |the )?"
    r"(?:candidates|applicants|people)\b",
    r"\bwhat kind of (?:company|team|recruiter|manager|people|place|organi[sz]ation|business|outfit|operation)\b",
    r"\bwho (?:taught|trained) (?:you|your \w+)\b",
    r"\b(?:are you|is this) (?:serious|kidding(?: me)?|for real|joking)\b",
    r"\b(?:you|they|your team) (?:never|didn'?t|did not) (?:even )?(?:intend|plan|mean|want) to hire\b",
    r"\b(?:fake|ghost|phantom|bogus|sham) (?:job|role|posting|listing|opening|position|ad|vacancy)s?\b",
    r"\b(?:job|role|position|opening|posting) (?:was|is) (?:never|not) (?:real|open|genuine)\b",
    r"\b(?:rigged|a stitch-?up|predetermined|pre-?decided|a done deal)\b",
    r"\b(?:already|always) (?:had|picked|chosen|decided on) (?:someone|an internal|a friend|your|the internal)\b"
    r"[^.!?\n]{0,30}?\b(?:didn'?t you|weren'?t you|right\?|haven'?t you)",
    r"\b(?:wanted|used|using|use|get|getting|got) (?:my |me for |the )?(?:free (?:work|labou?r|consulting|ideas)|"
    r"my (?:take-?home|work|ideas|solution) for free)\b",
    r"\b(?:stole|steal|stealing|stolen|took|ripped off|rip off) my (?:ideas?|work|solution|design|code|take-?home)\b",
    r"\b(?:you )?haven'?t heard the last of me\b|\bi (?:won'?t|will not|will never|shall not) forget (?:this|"
    r"it|how you|what you)\b|\bi'?ll remember this\b|\bkarma\b|\bwhat goes around comes around\b",
    r"\b(?:i'?ll|i will) never (?:buy|use|recommend|apply|work)\b[^.!?\n]{0,30}?\b(?:your|you|again)\b",
    r"\b(?:telling|tell|told|warn(?:ing|ed)?|advis(?:e|ing)) (?:my friends|everyone|everybody|people|others|"
    r"anyone|other candidates|my (?:network|students|colleagues|contacts))(?: [\w']+){0,4}? (?:not to|to (?:avoid|"
    r"steer clear|stay away|run))\b",
    r"\b(?:no wonder|i see why|now i (?:see|know|understand) why) (?:your|you|the company|they|nobody|no one|people)\b",
    r"\b(?:let me (?:explain|spell)|i'?ll (?:explain|spell)) (?:this|it) (?:slowly|out for you|simply|in small "
    r"words)\b|\bin (?:small|simple) words\b",
    r"\b(?:i guess|i suppose|clearly|obviously|apparently) you (?:wanted|need(?:ed)?|prefer(?:red)?|were looking "
    r"for|went with) (?:a |an |someone )?(?:yes-?man|cheaper|younger|puppet|robot|drone|less qualified|"
    r"less experienced|someone cheaper)\b",
    r"\b(?:experience|talent|loyalty|skill|quality|hard work|merit|effort)(?: clearly| obviously| apparently)? "
    r"(?:isn'?t|is not|aren'?t|are not|wasn'?t|doesn'?t|does not) (?:valued|appreciated|rewarded|respected|"
    r"important|wanted)\b",
    r"\b(?:been|was|were|got|being|get) lied to\b",
    r"\b(?:nobody|no one|no-one|not one person|none of you|none of them|not a single person)\b[^.!?\n]{0,40}?"
    r"\b(?:could(?: even)?|can(?: even)?|knows?|knew|seems? to know|has a clue|had a clue|bothered to|"
    r"managed to|was able to|cared)\b(?=[^.!?\n]*\b(?:what|how|run|send|reply|read|answer|manage|"
    r"organi[sz]e|do|about|to)\b)",
    r"\byou (?:all |guys |people )?(?:should|ought to|must) (?:\w+ )?be (?:embarrassed|ashamed|sorry)\b",
    r"\b(?:ceo|founders?|recruiters?|team|company|hr|manager|interviewers?|panel|management) (?:should|ought to) "
    r"be (?:embarrassed|ashamed)\b",
    r"\b(?:at least|even|couldn'?t|could not|didn'?t|did not|never|nobody|no one|not one|not a single|none of)\b"
    r"[^.!?\n]{0,25}?\bthe (?:basic |"
    r"common |simple )?(?:decency|courtesy|respect|manners|professionalism|guts|spine|balls)\b",
    r"\b(?:don'?t|do not|never) bother (?:replying|responding|answering|getting back|calling|writing|"
    r"contacting|with a reply|to reply|to respond)\b",
    r"\bget (?:your|their) (?:act|house|shit|stuff|process|hiring|team) (?:together|in order|sorted)\b",
    r"\bsort (?:yourselves|yourself|your \w+) out\b",
    r"\blearn (?:some |basic )?(?:manners|respect|some respect|to communicate|how to (?:treat|communicate|write|hire|"
    r"run|interview|read|reply|respond))\b",
    r"\b(?:i'?m|i am|i was|i feel|i felt|i'?m honestly|i am honestly|i'?m frankly|honestly|frankly) (?:\w+ )?"
    r"(?:disgusted|appalled|outraged|insulted|offended|livid|furious|fuming|horrified|sickened|incensed|"
    r"disgusted) (?:by|with|at|that|how)\b",
    r"\b(?:a|an|what a|such a) (?:joke|farce|sham|circus|clown show|disgrace|embarrassment|mess|shambles) of an? "
    r"(?:company|process|interview|team|firm|place|recruiter|hiring process|organi[sz]ation)\b",
    r"\b(?:you|they|your \w+) ghosted (?:me|us|candidates)\b",
    r"\bghosting (?:me|candidates|applicants|people|someone)\b",
    r"\benjoy your (?:\w+ )?(?:mediocre|cheap|cheaper|inferior|second-rate|subpar|average|budget|new) "
    r"(?:hire|candidate|choice|pick|employee)\b",
    _START + r"(?:unbelievable|unreal|ridiculous|absurd|outrageous|appalling|disgraceful|shocking|"
    r"pathetic|typical|whatever|incredible|pfft|ugh|wow|classic|figures|seriously|priceless|charming|classy|"
    r"really|lovely|brilliant|nice one|cool cool|great stuff|noted|sure|right|okay then|ok then|fine then)"
    r"(?:,? (?:really|seriously|honestly|just wow))?\s*[.!?]+(?=\s|$)",
)
_BLAME_NEGATABLE = _rx(
    r"\b(?:an? |complete |total |such a |what a |an absolute |utter |colossal |huge |massive |monumental |"
    r"absolute |complete and utter ){0,3}waste of (?:my |our |everyone'?s |everybody'?s |people'?s |candidates'? |"
    r"applicants'? )?(?:\w+ )?(?:time|effort|energy|weekend|life|evening|days?|weeks?|months?|morning|afternoon|"
    r"saturday|sunday|monday|tuesday|wednesday|thursday|friday|holiday|vacation|summer|leave|annual leave)\b")
_JUDGEMENT = _rx(
    r"\b(?:stupid|rude|unprofessional|disrespectful|ridiculous|absurd|laughable|a joke|lazy|toxic|amateurs?|"
    r"amateurish|dishonest|useless|insulting|biased|unfair|incompetently|arrogant|careless|sloppy|shoddy|"
    r"a sham|a farce|pointless|mediocre|an? (?:total |complete |absolute |real |bad |sick |utter )?(?:joke|farce|sham|"
    r"mess|circus|disgrace|shambles|clown show)|condescending|patronising|patronizing|clueless|disorganised|"
    r"disorganized|unacceptable|outrageous|disgusting|appalling|offensive|ignorant|petty|cruel|heartless|"
    r"cold-hearted|soulless|robotic|rubbish|garbage|trash|nonsense|a mess|a farce|embarrassing|"
    r"unbelievable|shambolic|cheap|terrible|awful|horrible|dreadful|atrocious|abysmal|horrendous|dismissive|"
    r"hypocrit(?:es?|ical)|frauds?|fake|bull(?:y|ies)|disaster|a nightmare|chaos|chaotic|going nowhere|doomed|"
    r"a sinking ship|poorly (?:run|managed|organi[sz]ed|handled)|badly (?:run|managed|organi[sz]ed|handled)|"
    r"rudely|disrespectfully|cowardly|gutless|spineless|greedy|exploitative|unethical|two-faced|fools?|"
    r"worthless|inept|hopeless|a waste of space|beyond (?:a )?joke|pitiful|sad excuse|sucks?|sucked|tank(?:s|ed)?|"
    r"lied|lying|lies|dishonesty|deceptive|misleading|sketchy|predatory|negligent|smug|callous|dumb|braindead|"
    r"subpar|second-rate|third-rate|half-baked|fiasco|travesty|phony|bogus|corrupt|crooked|a mess|shady|"
    r"trivia|nonsense questions?|gaslighting|gaslit|cowards?|bullshit|crap|the wrong (?:call|choice|decision|person|"
    r"candidate)|a (?:big|huge|terrible|massive|bad) (?:mistake|error of judgement)|outdated|irrelevant|"
    r"superficial|shallow|arbitrary|nonsensical|meaningless|misguided|short-?sighted|backwards|archaic|"
    r"unreasonable|excessive|insane|bizarre|ludicrous|farcical|shameless|tone-?deaf|out of touch|clueless|"
    r"heartless|unhelpful|useless|a letdown|let me down|letting people down|unorgani[sz]ed|sloppily|lazily)\b")


# judgements that are about someone else unless the writer says they are about themselves
_STRONG_JUDGEMENT = _rx(
    r"\b(?:unprofessional|disrespectful|incompetent|condescending|dismissive|disgraceful|shameful|pathetic|"
    r"insulting|unacceptable|appalling|disgusting|outrageous|clueless|amateurish|shambolic|disorgani[sz]ed|"
    r"a (?:total |complete |absolute |real |bad |sick |utter )?(?:joke|farce|sham|circus|clown show|shambles)|"
    r"patroni[sz]ing|rude|worst \w+ (?:experience|process|interview|company) (?:ever|of my life)|fiasco|travesty|"
    r"sucks|sucked)\b")


def _blame(text: str) -> Iterator[tuple[int, int]]:
    yield from _spans(_BLAME, text)
    for m in _BLAME_NEGATABLE.finditer(text):
        if not _negated(text, m.start()) and not _about_me(text, m.start(), m.end()):
            yield m.start(), m.end()
    for m in _JUDGEMENT.finditer(text):
        if _about_them(text, m.start(), m.end()) and not _negated(text, m.start()):
            yield m.start(), m.end()
    for m in _STRONG_JUDGEMENT.finditer(text):
        if _owner(text, m.start(), m.end()) == "" and not _negated(text, m.start()):
            yield m.start(), m.end()


# ============================================================================ sarcasm

_DET = r"(?:the|your|this|that|such a|a|an|our|their|so-called|my|his|her|these|those|what a)"
# a scare-quoted word is the noun itself: followed by punctuation or a function word, not by another noun
_SCARE_AFTER = (r"(?=\s*(?:[.,!?;:)]|$|(?:was|is|were|are|you|of|and|that|i|from|for|with|in|on|to|at|it|but|so|"
                r"has|had|have|will|would|again|here|there|feels|felt|seems|seemed|sounds|process|really|"
                r"indeed|lol|yet|anyway)\b))")
_SARCASM = _compile(
    r"\byeah,? right\b",
    r"\boh,? (?:how |so |just )?(?:great|wonderful|perfect|fantastic|brilliant|joy|lovely|super|terrific|marvell?ous|"
    r"delightful|nice|charming|helpful)(?=\s*[.!,…]|\s*$)",
    r"\b(?:perfect|great|wonderful|brilliant|fantastic|lovely|marvell?ous|super)[,.!]+\s+just (?:perfect|great|"
    r"wonderful|brilliant|fantastic|lovely|marvell?ous|super)\b",
    r"\b(?:bravo|kudos|hats off|props|well done|nice one|good job|great job)(?: to you)? (?:on|for) (?:the |your )?"
    r"(?:communication|transparency|professionalism|organi[sz]ation|ghosting|silence|timeline|speed|"
    r"responsiveness|respect|courtesy|rejection|form letter)\b",
    r"\b(?:amazing|funny|interesting|strange|odd|convenient|curious|nice|great|lovely) (?:how|that) (?:you|your "
    r"\w+|they|the \w+) (?:found|had|managed|could|somehow|suddenly|never|always|only|couldn'?t)\b",
    r"\bproud of yoursel(?:f|ves)\b",
    r"\b(?:great|excellent|amazing|stellar|fantastic|wonderful|brilliant|top|superb|lovely|impressive|fine|"
    r"outstanding|awesome|nice) (?:communication|work|job|process|feedback|professionalism|organi[sz]ation|effort|"
    r"stuff|service|timing|move|follow-?up|responsiveness),? (?:really|truly|as always|as usual|indeed|guys|folks|"
    r"team|there)(?:,? (?:guys|folks|team|everyone|all|there|again))?\s*[.!]",
    _START + r"(?:such|what|so much|the) (?:professionalism|class|courtesy|respect|"
    r"efficiency|transparency|care|consideration|communication)\s*[.!]",
    r"\b(?:not sure|no idea|i wonder|wondering|i don'?t know) why you (?:even )?bother(?:ed)?\b",
    r"\bthanks?,? i guess\b",
    r"\bgood luck[,.!]*\s+(?:because |cause )?you'?(?:ll| will|'re going to) need it\b",
    r"\b(?:oh|yeah|ah),? (?:sure|right|yes|of course|totally|definitely)[,.!]*\s+[\"'](?=(?:we|our|your|you|thanks|"
    r"thank you|unfortunately|after careful|it was|it's|we'll)\b)",
    r"\benjoys? the (?:chaos|mess|circus|dysfunction|madness|silence|ghosting|drama|disorgani[sz]ation)\b",
    r"\bwho (?:thought|decided|figured|imagined) (?:that )?(?:a|an|this|that|the|it)\b[^.?!\n]{0,40}?\b(?:was|is|"
    r"would be) (?:reasonable|fair|acceptable|a good idea|okay|ok|appropriate|professional|normal|sensible)\b",
    r"\bfor a (?:company|team|firm|place|business|startup) that (?:talks about|claims|prides itself|says|preaches|"
    r"brags about|boasts)\b",
    _CLAUSE_START + r"(?:well,? |oh,? |ha,? )?so much for\b",
    r"\b(?:what|which|some) (?:genius|bright spark|rocket scientist|mastermind|wise guy)\b",
    r"\b(?:nobody|no one|noone|none of us) (?:was|is|will ever be|is ever) good enough for (?:you|them|your)\b",
    r"\b(?:can'?t|cannot|can not) say (?:i'?m|i am) surprised\b|\b(?:colou?r me|big|what a) (?:surprised|shocked|"
    r"surprise)\b|\bsurprise,? surprise\b|\bwho (?:would have|could have|would'?ve) (?:guessed|thought)\b",
    r"\blet me guess\b|\bof course you (?:did|didn'?t|would|wouldn'?t)\b",
    r"\bhow (?:convenient|typical|predictable|original|thoughtful|considerate|very kind|lovely|nice|sweet) "
    r"(?:that|of you|of them)\b",
    r"(?P<hit>\"[a-z][a-z' -]{2,30}\")[,.!]*\s*(?:lol|lmao|haha|ha|hah|right|sure|yeah right|sure thing|"
    r"apparently|smh)\b",
    r"(?<=, )(?:very|so|real|really|how|truly|super|extremely) (?:professional|classy|mature|respectful|"
    r"considerate|kind|thoughtful|helpful|nice|courteous|polite|cool|great)(?=\s*[.!]*\s*$|\s*[.!]+\s)",
    r"\bhope (?:you(?:'re| are)|they(?:'re| are)|everyone(?:'s| is)) (?:happy|proud|pleased|satisfied)"
    r"(?: with yoursel(?:f|ves)| now)?(?=\s*[.!]|\s*$| with yoursel| of (?:that|this|yoursel\w+|the|your|how))",
    r"\b(?:thanks?|thank you|cheers|ta) (?:a lot |so much |a bunch |a million )?for (?:nothin[g']?|wasting|ghosting|"
    r"ignoring|stringing me along|leaving me hanging|"
    r"the (?:generic|form|canned|automated|copy-?paste|template|cookie-?cutter|two-line|one-line) (?:rejection|"
    r"e-?mail|reply|response|letter|message)|absolutely nothing)\b",
    r"\b(?:how|so|very|really) (?:nice|kind|generous|thoughtful|considerate|good|decent|sweet) of you\b"
    r"(?! to (?:say|share|offer|write|reach out|think|let me know|take the time|help|mention|suggest|send|include|"
    r"invite|ask|check in|get in touch|remember|keep me|pass|put))",
    r"(?<!how )(?<!so )(?<!very )(?<!really )\b(?:nice|kind|good|thoughtful|generous|decent|sweet) of you to "
    r"(?:finally|eventually|at last|bother)\b",
    r"\bwhat a (?:surprise|shock|shocker)\b",
    r"\bmust be nice\b",
    r"\bgood luck with that\b",
    r"\b(?:i'?m|i am) sure (?:you(?:'re| are)|it was) (?:very|really|so|extremely|incredibly|terribly|super) "
    r"(?:busy|important|thorough)(?=\s*[.!]|\s*$)",
    r"\b(?:i'?m|i am) sure (?:your|the|he|she|they|the other) (?:\w+ )?(?:hire|candidate|person|choice|pick) "
    r"(?:will be|is|was) (?:absolutely|just|simply|totally) (?:perfect|flawless|amazing|wonderful|brilliant)\b",
    r"\bso-called\b",
    r"\bobviously you (?:didn't|did not|don't|do not|never)\b",
    r"\bsure,? because\b",
    r"\bslow clap\b",
    r"(?<!\S)/s\b",
    # scare quotes around a word or two: the "feedback", your 'opportunity', such a "great" experience
    r"\b(?:" + _DET + r"|nice|great|lovely|good|real|wonderful|fantastic|amazing|helpful|valuable|stellar|"
    r"excellent|brilliant|super|very|so|such|thanks for the|love the|some)\s+(?P<hit>\"[a-z][a-z'-]*"
    r"(?: [a-z][a-z'-]*)?\")" + _SCARE_AFTER,
    r"\b(?:" + _DET + r"|nice|great|lovely|good|real|wonderful|fantastic|amazing|helpful|valuable|stellar|"
    r"excellent|brilliant|super|very|so|such|some)\s+(?P<hit>'[a-z][a-z-]*(?: [a-z][a-z-]*)?')(?![a-z])"
    + _SCARE_AFTER,
    # an evaluative word in scare quotes, whatever follows: a "great" experience, the "competitive" salary
    r"(?P<hit>[\"'](?:great|amazing|exciting|wonderful|competitive|transparent|fast-paced|professional|respectful|"
    r"fair|thorough|flexible|friendly|supportive|valuable|helpful|best|top|world-class|dynamic|innovative|"
    r"inclusive|family|awesome|perfect|better|stronger|right|constructive|honest|personal|careful|rigorous|"
    r"exciting opportunity|great opportunity|unique opportunity|strong fit|better fit|right fit)(?: [a-z]+)?"
    r"[\"'])(?![a-z])",
    r"\b(?:how hard|how difficult) (?:is|was|can) it (?:really )?(?:to|be)\b",
    r"\b(?:is|was) it (?:really )?(?:that|so) (?:hard|difficult) to\b",
    r"\bwould it (?:have )?kill(?:ed)? you to\b",
    r"\bwow,?\s+what an? (?!(?:great|lovely|fantastic|wonderful|amazing|brilliant|fun|nice|kind|warm|welcoming|"
    r"talented|friendly|smart|strong|good|impressive|cool|inspiring|thoughtful|beautiful|exciting|fascinating)\b)"
    r"(?:\w+ )?(?:way|move|process|experience|response|treatment|reply|e-?mail|joke|"
    r"waste|surprise|shock|company|team|look)\b",
    r"\bwow[.!]*\s+just\s+wow\b",
    r"\bjust wow\b",
    r"\b(?:great|nice|good|fantastic|amazing|stellar|wonderful|brilliant|excellent|awesome|super|fine|solid) "
    r"(?:job|work|move|way|effort) (?:on )?(?:ghosting|ignoring|wasting|losing|stringing|leaving|keeping|"
    r"rejecting|hiring|dragging|treating|handling)\b",
    r"\bcongrat\w* on (?:hiring|choosing|picking|finding|getting|going with) (?:someone|somebody|a|an|the) "
    r"(?:\w+ )?(?:cheaper|cheapest|younger|less|inferior|worse|internal|mediocre|friend|nephew|niece|yes-man|"
    r"budget|lowest)",
    r"\b(?:really |truly |just |so )?(?:appreciate[ds]?|love[ds]?|loving|enjoy(?:ed|s)?|adore[ds]?) (?:being|getting) "
    r"(?:ghosted|ignored|strung along|left hanging|kept waiting|lied to|brushed off|rejected by a bot)\b",
    r"\bso glad i (?:spent|wasted|gave up|put in|took|burned|sacrificed|cancelled|canceled|moved|rearranged|skipped|"
    r"missed|turned down|drove|flew|travell?ed|booked|used)\b",
    r"\b(?:stellar|top-?notch|impeccable|world-?class|exemplary|outstanding) (?:communication|professionalism|"
    r"organi[sz]ation|transparency|respect)\b",
    r"\b(?:real|so|very|how|stay) classy\b|\bclassy (?:move|touch|way)\b",
    r"\b(?:nice|good|great|lovely|comforting) to know (?:that )?(?:my|all my|i|the (?:hours|weeks|effort))\b",
    r"\bguess (?:\w+ )?(?:experience|talent|loyalty|effort|skill|merit|hard work) (?:doesn'?t|does not|don'?t|"
    r"do not) (?:matter|count)\b",
    r"\bfunny how\b",
    r"\binteresting (?:choice|decision|approach)(?=\s*[.!]|\s*$)",
)


# ============================================================================ demands

_DEMAND = _compile(
    r"\byou owe (?:me|us)\b",
    r"\bi (?:demand|insist)\b",
    r"\b(?:i|i'?m|i am) (?:deserve|owed|entitled to|entitled)\b(?:\s+(?:an?|the|some|to|at least|more))?",
    r"\bi (?:expect|want|need|require|demand) (?:an?|the|some|your) (?:[\w-]+ ){0,2}?(?:answer|reply|response|"
    r"explanation|reason|feedback|call|apology|justification|refund|compensation|update|callback|breakdown|"
    r"account)\b(?! (?:if|when|whenever) (?:you|it))",
    r"\bi expect you to\b",
    r"\bi need you to (?:tell|explain|send|give|reply|respond|call|answer|justify|reconsider|confirm why)\b",
    r"\b(?:i am|i'?m) (?:formally )?(?:requesting|demanding|asking for|expecting) (?:a|an|the) (?:[\w-]+ ){0,2}?"
    r"(?:explanation|justification|answer|breakdown|account|reason)\b",
    r"\bwhat (?:exactly|precisely|specifically) (?:was|is|went) wrong\b",
    r"\bi (?:want|need|expect|demand) (?:specifics|details|the specifics|the details|a list|names|a breakdown|"
    r"reasons|an itemi[sz]ed)\b",
    r"\b(?:i'?m|i am) not (?:accepting|going to accept|taking no for|willing to accept) (?:this|your|the|that|an)\b",
    r"\bi (?:refuse to|won'?t|will not|do not|don'?t|can'?t|cannot) accept (?:this|your|the|that) (?:decision|"
    r"outcome|rejection|answer)\b",
    r"\bi (?:want|need|expect) my (?:application|candidacy|take-?home|cv|test) (?:\w+ )?(?:reviewed|reconsidered|"
    r"reassessed|re-?evaluated|looked at|re-?read|considered) again\b",
    r"\bi(?:'d| had| would have)? (?:expect(?:ed)?|would have expected|deserve(?:d)?) (?:much |a lot |far |a bit |"
    r"rather )?(?:better|more) (?:from|of|than)\b",
    r"\bdo the right thing\b",

    r"\byou (?:need|have|must|ought|are going) to (?:explain|tell|give|reply|respond|answer|justify|reconsider|"
    r"call|provide|send|apologi[sz]e|fix)\b",
    r"\bexplain (?:to me )?why (?:you|i was|i wasn't|i didn't|i did not|i was not)\b",
    r"\bexplain yoursel(?:f|ves)\b",
    r"\bjustify (?:your|the|this|that) (?:decision|choice|rejection|reasoning)\b",
    r"\breconsider (?:your|the|this|that) (?:decision|choice|rejection|verdict)\b",
    r"\b(?:please|kindly|i (?:ask|urge|beg|implore|need|want|expect) you to|you should|you must|you need to|"
    r"you have to|you ought to|you(?:'d| had) better|i(?:'d| would) like you "
    r"to|i request that you|can you|could you|will you|would you|i hope you(?:'ll| will)|i want you to) "
    r"reconsider\b(?! me\b)(?! (?:for|if|when|in)\b)(?! my (?!application|candidacy|rejection|cv|resume)\w+)",
    r"\b(?:reopen|re-open|reinstate|reactivate|reverse|overturn|undo|revisit|reconsider) (?:my|the|this|your|that) "
    r"(?:application|candidacy|decision|rejection|verdict|outcome)\b(?<!revisit my application)",
    r"\bthe (?:very )?least you (?:could|can) do\b",
    r"\bat the very least\b",
    r"\b(?:reply|respond|answer|get back to me) (?:by|before|within) (?:\w+ )?(?:\d+ )?(?:hours?|days?|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|eod|end of (?:day|week)|noon)\b",
    r"\bi want an? (?:answer|explanation|reason)\b",
    r"\bwhy (?:on earth |the hell |exactly |again |then )?(?:was|wasn'?t|were|weren'?t|am|was i not|did) i "
    r"(?:\w+ )?(?:rejected|turned down|not selected|"
    r"not chosen|passed over|let go|ignored|ghosted|dropped|eliminated|cut|denied|declined|refused|not hired|"
    r"selected|chosen|hired|picked|considered|invited|shortlisted|given|progressed|moved forward)\b",
    r"\bwhy (?:didn'?t|did not|wasn'?t|was not|weren'?t|couldn'?t|won'?t|can'?t|haven'?t|hasn'?t|hadn'?t) "
    r"(?:i|my (?:application|cv|resume|candidacy))\b",
    r"\bwhy (?:did|was|were|have|has) (?:i|my application|my candidacy) (?:not|never)\b",
    r"\bwhy (?:exactly |on earth |the hell |really )?(?:did|would|didn'?t|wouldn'?t|do|don'?t) "
    r"(?:you|they|your team|the panel) (?:\w+ )?(?:reject|"
    r"not hire|pass on|choose|pick|go with|decide|turn|ghost|ignore|hire someone|prefer|waste|drop|cut)\b",

    r"\bi (?:want|need|demand|deserve|have a right|have the right) to know (?:exactly |precisely )?(?:why|what "
    r"went wrong|the reason)\b",
    r"\b(?:escalate|escalating|escalated) (?:this|it|the matter|my (?:complaint|case|concern)|things)\b",
    r"\b(?:i(?:'d| would) like to|i want to|i will|i'll|i'm going to|i am going to|let me) (?:speak|talk) to "
    r"(?:your|a|the) (?:manager|supervisor|boss|ceo|head of)",
    r"\b(?:i'?m|i am) (?:cc'?ing|copying|forwarding this to|looping in) (?:your|the) (?:ceo|founder|boss|"
    r"manager|head of|vp|board|director)\b",
)


# demands that a polite frame ("could you please explain why…") turns into a request
_DEMAND_SOFT = _compile(
    r"\b(?:kindly |please |just |now )?explain (?:to me )?(?:exactly |precisely )?why\b",
    _START + r"(?:please )?reconsider\b(?! me\b)",
    r"\b(?:kindly |please |just |now |so )?tell me (?:exactly |precisely |honestly )?why\b",
    r"\b(?:kindly |please )?(?:justify|account for) (?:it|this|that|yourselves|yourself)\b",
    r"\b(?:kindly |please |just )?explain (?:your|the|this) (?:reasoning|decision|rationale|logic|choice|"
    r"thinking)\b",
    r"\b(?:kindly |please |just )?(?:send|forward|give|show) me (?:the|my|your|all the|a copy of) (?:interview |"
    r"panel )?(?:notes|feedback|scores?|scorecards?|assessments?|evaluations?|reasons|transcript|recording|"
    r"rubric|criteria)\b",
)
_POLITE = _rx(r"(?:could|would|can|will|might) you(?: please| kindly| possibly| perhaps)?\s*$|if you (?:could|"
                     r"would|can|have time to|are able to)(?: please| kindly)?\s*$|(?:mind|able to|happy to|"
                     r"grateful if you(?: could)?|appreciate it if you(?: could)?|wonder(?:ing)? if you (?:could|"
                     r"would|might))\s*$|(?:ask|asking) you to\s*$|i'?d (?:love|like) (?:you )?to\s*$")


def _demand(text: str) -> Iterator[tuple[int, int]]:
    yield from _spans(_DEMAND, text)
    for s, e in _spans(_DEMAND_SOFT, text):
        ss, _ = _sentence_of(text, s)
        if not _POLITE.search(text[max(0, s - 40):s]) and not _THANKS_BEFORE.search(text, ss, s):
            yield s, e


# ============================================================================ passive-aggressive

_PASSIVE = _compile(
    r"\b(?:as )?per my (?:last|previous|earlier|prior) (?:\w+ )?(?:e-?mails?|messages?|notes?|repl(?:y|ies))\b",
    r"\bas i(?:'ve| have|'d| had)? (?:already |previously |clearly |now |repeatedly ){1,3}(?:said|mentioned|stated|"
    r"explained|wrote|written|noted|pointed out|told you)\b(?! (?:in my (?:cover letter|application|cv|resume|"
    r"portfolio)|on (?:the|our) call|during|when we|last (?:week|time) on the call|at the interview))",
    r"\b(?:already )?(?:explained|said|asked|mentioned|told you|written|sent) (?:this |it |that )?(?:twice|three "
    r"times|four times|multiple times|several times|repeatedly|again and again|more than once)\b",
    r"\b(?:i'?ll|i will|i'?m going to|i am going to|i can only|i have to|i must) assume (?:that )?(?:you|your|"
    r"no one|nobody|this|the)\b",
    r"\bas (?:previously|already|clearly) (?:stated|mentioned|said|explained|noted|discussed)\b",
    r"\bas i(?:'ve| have)? (?:said|stated|mentioned|explained|told you|written|pointed out) (?:before|previously|"
    r"already|earlier|repeatedly|twice|several times|many times|in my (?:last|previous|earlier))\b",
    r"\b(?:i'?ve|i have) been waiting (?:for )?(?:over |more than |nearly |almost )?(?:\w+ )?(?:weeks|months|"
    r"ages|forever|a month|a week|so long)\b",
    r"\bas stated (?:before|previously|earlier|above)\b",
    r"\b(?:just a )?friendly reminder\b",
    r"\bnot sure (?:if|whether) you (?:saw|got|received|read) my\b",
    r"\bin case you missed it\b",
    r"\b(?:i'?m|i am) confused (?:as to )?why\b",
    r"\bwith (?:all )?due respect\b",
    r"\bno offen[cs]e,? but\b",
    r"\bas you (?:should|ought to|surely) know\b",
    r"\bi'?m sure you(?:'re| are) aware\b",
    r"\bgoing forward,? please\b",
    r"\bthanks? in advance for your (?:prompt|quick|swift|speedy|timely|immediate|urgent) (?:reply|response|"
    r"attention|action|answer)\b",
    r"\bit would have been (?:nice|good|courteous|polite|helpful)\b",
    r"\bit would be (?:nice|good|great|refreshing|lovely) if (?:you|someone|anyone|somebody|your|they|the)\b",
    r"\byou could have (?:just )?(?:told|said|let me know|been (?:honest|upfront|clear|straight)|saved|mentioned|"
    r"warned|replied|responded|called)\b",
    r"\bi would have (?:appreciated|expected)\b",
    r"\bhope (?:this|that|it) helps you\b",
    r"\b(?:i'?ll|i will) (?:take|assume) (?:your|the|this) silence\b",
    r"\btake (?:your|the|this) silence as\b",
    r"\bfor the (?:third|fourth|fifth|sixth|nth|umpteenth|hundredth|millionth|\d+(?:rd|th)) time\b",
    r"\b(?:asking|saying|writing|telling you|repeating|e-?mailing|following up|reaching out) (?:this )?for the "
    r"second time\b",
    r"\bi'?ve (?:now )?(?:e-?mailed|written|asked|followed up|reached out) (?:\w+ )?(?:three|four|five|six|"
    r"several|multiple|many|\d+) times\b",
    r"\bjust (?:bumping|circling back)(?: on| to)? this (?:again|up again|once more)\b",
    r"\bnoted\.\s*$",
    r"\b(?:let me|may i|i'?d like to|i would like to|just to|allow me to) remind you\b",
    r"\b(?:been|i'?ve been|i have been|i was) (?:more than|extremely|incredibly|very|so) (?:patient|fair|"
    r"reasonable|understanding|generous|accommodating)\b",
    r"\b(?:again|once again|yet again|one more time),? (?:i'?m|i am) (?:asking|requesting|writing|following up|"
    r"reaching out|reminding)\b",
    r"\b(?:hello|hellooo+|anyone|anybody)\s*\?+\s*(?:(?:is )?(?:anyone|anybody) (?:there|home|out there|"
    r"reading this))?",
)


# ============================================================================ needy (not hostile)

_NEEDY = _compile(
    r"\b(?:really|desperately|badly|truly|so|just|seriously)(?: really)? need (?:this|the|a|any) (?:job|role|position|"
    r"opportunity|work|income|offer|chance)\b",
    r"\bneed this (?:job|role|position|opportunity|offer)\b",
    r"\bi (?:just )?need (?:something|anything|a job|work|an income)\b",
    r"\bplease,?\s+(?:please|i beg|i'?m begging)\b",
    r"(?:\b(?:please|just|could you|can you|would you|will you) )?\bgive me (?:a|one more|another|a second|one last|"
    r"just one|a fair) (?:chance|shot|go)\b(?<!for giving me a chance)",
    r"\b(?:a|one more|another|one last) (?:second )?chance to prove myself\b|\ba second chance\b",
    r"\b(?:chance|opportunity) to prove myself\b",
    r"\b(?:i'?ll|i will|i'?d|i would|happy to|willing to|ready to|i can|i could) (?:accept|take|do|consider) "
    r"(?:anything|any role|any position|any job|whatever)\b",
    r"\b(?:take|accept|fill|grab|do) (?:literally |absolutely |just |pretty much |basically )?any (?:role|position|"
    r"job|opening)\b|\bany (?:role|job|position) at all\b",
    r"\bneed (?:the|this|some|any) (?:money|income|paycheck|pay cheque|salary)\b",
    r"\b(?:find|give me|offer me|have|got) anything (?:at all )?(?:for me)\b|\banything at all\b",
    r"\bfor less (?:pay|money|salary|than)\b",
    r"\b(?:work|try) (?:twice|three times|ten times|harder|much harder) (?:as hard )?(?:than|as) (?:anyone|"
    r"everyone|anybody|others)\b",
    r"\bplease,? help(?: me)?(?=\s*[.!]|\s*$)",
    r"\b(?:rejected|turned down|ignored) (?:by )?(?:everywhere|everyone|every company|by every)\b",
    r"\b(?:at|for) a (?:lower|more junior|reduced|smaller) (?:level|title|grade|band|salary|rate|pay)\b",
    r"\bneed (?:a yes|a win|this one|a break)\b",
    r"\bsomething,? anything\b",
    r"\b(?:one more|another|a second|one last|just one|just one more) (?:chance|shot|try|go)\b",
    r"\bcut in (?:pay|salary|wages)\b",
    r"\bany (?:role|level|position|job|title|salary|team|location)s?,? any\b",
    r"\b(?:go|come|drop|move) down on (?:the |my )?(?:salary|pay|rate|price|number|ask)\b",
    r"\b(?:for|at|on) (?:minimum wage|min wage|next to nothing|a pittance|peanuts)\b",
    r"\b(?:would|will|could) change (?:everything|my life)\b|\b(?:really|so|seriously) struggling\b",
    r"\b(?:take|accept) any (?:salary|pay|rate|offer|amount|terms|package)\b",
    r"\b(?:accept|take|work for) less than\b",
    r"\bi (?:won'?t|will not|promise not to|will never) let you down\b",
    r"\bgive me a (?:trial|try|probation)\b",
    r"\b(?:take|accept|consider|work for|settle for|go for|do it for|live with|manage on) (?:a |an )?(?:(?:much|far|"
    r"significantly|considerably|a lot|way) )?(?:lower|reduced|smaller|lesser|less|cheaper|lower-?level|junior|"
    r"cut|half|fraction of|part of) (?:the )?(?:advertised |posted |listed |usual |my )?(?:salary|pay|rate|wage|"
    r"compensation|title|offer|level|package|role|range)\b",
    r"\b(?:half|a fraction of|two thirds of|part of) (?:the|my|your) (?:advertised |posted |listed |usual |"
    r"current )?(?:salary|pay|rate|wage|range)\b",
    r"\bwork (?:unpaid|for free|without pay|pro bono|for nothing)\b",
    r"\b(?:i'?m|i am) not (?:picky|fussy|choosy)\b|\bbeggars can'?t be choosers\b",
    r"\b(?:for|do|take|accept) anything(?: at all)?(?=\s*[,.!;]|\s*$| at all| you have)",
    r"\bany (?:chance|opportunity|role|job|position|offer|opening) at all\b",
    r"\btake (?:what|whatever) i can get\b",
    r"\b(?:plead|pleading|implore|imploring)\b",
    r"\bi (?:just |only |really )?want (?:a|one|just one) (?:chance|shot)\b",
    r"\bi promise (?:i'?ll|i will|to) (?:work|try|be)\b",
    r"\b(?:applied|been applying) (?:to|for) (?:over |more than |almost |nearly )?\d{2,} (?:jobs|roles|positions|"
    r"companies)\b",
    r"\b(?:rejected|turned down) (?:so many|too many|\d{2,}|dozens of|hundreds of) times\b",
    r"\bi (?:don'?t|do not) know what else to do\b",
    r"\bmake an exception\b",
    r"\b(?:is|isn'?t) there (?:really )?(?:nothing|anything) (?:at all )?(?:you|else you) can do\b",
    r"\b(?:relocate|move) anywhere\b",
    r"\b(?:tough|difficult|bad|desperate|dire|terrible|precarious) (?:spot|situation|place|position) "
    r"financially\b|\bfinancial(?:ly)? (?:struggling|trouble|difficulty|difficulties|hardship|ruin)\b",
    r"\b(?:a |accept a |take a |happy to take a )?(?:pay|salary|rate) cut\b",
    r"\b(?:work|do it|start) for (?:less|free|nothing|peanuts)\b|\bfor (?:less|lower) than (?:the|your|what)\b",
    r"\b(?:lower|reduce|drop|cut|adjust down) my (?:salary |pay |rate |compensation )?(?:expectations|rate|ask|"
    r"salary|number|requirements)\b",
    r"\bunpaid (?:trial|internship|work|week|basis|probation|test|project)\b",
    r"\b(?:i'?m|i am|feeling|getting|honestly) (?:\w+ )?desperate\b|\bdesperately\b|\bdesperation\b",
    r"\b(?:i'?m )?begging(?: you)?\b|\bi beg (?:you|of you)\b",
    r"\b(?:my|you'?re my|you are my) (?:last|only) (?:hope|chance|option)\b",
    r"\b(?:running|ran) out of (?:money|savings|options|time to pay)\b",
    r"\b(?:out of work|unemployed|jobless|without (?:a job|work)) for (?:\w+ )?(?:months|years|a year|a long time)\b",
    r"\b(?:rent|bills|mortgage) (?:is |are )?(?:due|to pay|piling up|overdue)\b|\b(?:kids|children|mouths|family) to "
    r"feed\b",
    r"\b(?:can'?t|cannot|can not) afford (?:another|to lose|to wait|to be picky|a no|to say no)\b",
    r"\b(?:about to|going to|might) lose my (?:house|home|flat|apartment|visa)\b",
    r"\bi'?ll do (?:anything|whatever it takes)\b|\bwhatever it takes\b|\bdo anything to\b",
    r"\bwhatever (?:salary|pay|you (?:think|can offer|offer|decide|need)|title|level|role)\b",
    r"\b(?:willing|happy|ready|prepared|fine) to (?:start|work|come in) as an? (?:intern|junior|trainee|"
    r"apprentice|volunteer)\b",
    r"\beven an? (?:junior|entry-?level|intern|internship|part-?time|temporary|temp|unpaid) (?:role|position|job|"
    r"spot|contract)\b",
    r"\b(?:i can|i'?ll|i will|happy to|willing to) (?:start (?:tomorrow|today|immediately|right away)|work "
    r"(?:weekends|nights|any hours|overtime for free|24/7|around the clock))\b",
    r"\bweekends included\b",
    r"\b(?:would|will) mean (?:everything|the world) to me\b",
    r"\b(?:nobody|no one|no-one) (?:else )?(?:is|will|wants to|would) (?:hiring|hire|interview|take) me\b",
    r"\b(?:please,? )?(?:please )?reconsider me\b",
    r"\b(?:please,? )?(?:don'?t|do not) (?:reject|turn down|give up on|forget about|pass on|rule out) me\b",
    r"\bneed this(?: (?:job|role|one))?(?=\s*(?:[.,!;]|$|so\b|badly|more than|please))",
)


# ============================================================================ shouting

# ALL-CAPS: common acronyms and words that are normally written in capitals are never "shouting".
_ACRONYMS = frozenset("""
AI API APIS AWS GCP CEO CTO CFO COO CPO CMO VP SVP EVP HR IT QA UX UI ML SRE SQL NOSQL PDF CV USA US UK
EU NYC SF LA PM PR OK PS FYI ASAP TBD ETA EOD EOW FAQ JSON HTML CSS HTTP HTTPS REST GRPC CI CD DEVOPS
MBA PHD BSC MSC BA MA MD MIT UCLA NASA NATO UN GDPR SOC SAAS B2B B2C KPI OKR OKRS ROI IPO LLC LTD INC
GMBH PLC AG SA SAS CET UTC GMT EST PST CEST BST AM PM IOS MACOS LINUX AWS AZURE SAP IBM HP AMD ARM
NLP LLM LLMS GPU CPU RAM SSD SDK IDE GIT UIUX TDD BDD DDD OOP XML YAML CSV ETL BI CRM ERP SEO CX
DM DMS RSVP TL DR TLDR NB PPS II III IV VI XL XXL LOL BTW IMO IMHO Q1 Q2 Q3 Q4 H1 H2 AMA OSS ATS
""".split())
_CAPS_WORD = re.compile(r"\b[A-Z][A-Z']*[A-Z]\b")
_SHOUT_SHORT = frozenset("""
NOT NEVER EVER VERY WHY HOW WHAT WHO DID YOU YOUR ALL STILL JUST ONLY MUST NOW THIS THAT HAVE WAS WERE STOP
AND BUT SO NO YES REAL REALLY THE ARE IS WILL WONT CANT DONT DIDNT ISNT HUGE WRONG BAD LIE LIES OWE
""".split())
_EXCLAIM = re.compile(r"!{3,}|[!?]*(?:\?!|!\?)[!?]*")


def _caps(text: str, known: frozenset[str]) -> list[tuple[int, int, bool]]:
    """ALL-CAPS runs as (start, end, hostile): three or more shouted words without a warm word are hostile."""
    cands = []
    for m in _CAPS_WORD.finditer(text):
        w = m.group(0).replace("'", "")
        if w in _ACRONYMS or w in known:
            continue
        cands.append((m.start(), m.end(), w))

    def adjacent(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
        return re.fullmatch(r"[\s,I]*", text[a[1]:b[0]]) is not None

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
    out = []
    for s, e in merged:
        run = text[s:e]
        words = _CAPS_WORD.findall(run)
        ss, se = _sentence_of(text, s)
        # "AGAIN", "THIRD", "NEVER": one shouted word of a complaint is enough
        complaint = any(w.replace("'", "") in _HOSTILE_CAPS for w in words) and not _WARM.search(text, ss, se)
        out.append((s, e, (len(words) >= 3 and not _WARM.search(run)) or complaint))
    return out


def _exclaim(text: str) -> list[tuple[int, int, bool]]:
    out = []
    for m in _EXCLAIM.finditer(text):
        s, _ = _sentence_of(text, m.start())
        out.append((m.start(), m.end(), not _WARM.search(text, s, m.start())))
    return out


# ============================================================================ first notes

_JOB_ASK = _compile(
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
)


# ============================================================================ generalised cues
#
# The phrase patterns above catch the stock forms. The cues below read structure and word classes
# instead, so that new wordings are caught too: who a judgement is about, a warm word set against a bad
# experience (sarcasm), a request for reasons or a reversal without a softener (a demand), a hint at an
# audience (going public), a pleading or self-lowering offer (needy).

_THEM_NOUN = (r"(?:interviewers?|recruiters?|panel(?:lists)?|hiring managers?|managers?|team|company|companies|firm|"
              r"organi[sz]ations?|employers?|hr|process|department|ceo|founders?|startup|agency|business|outfit|"
              r"leadership|management|people|person|interview(?:s|ing)?(?: process| experience)?|experience|"
              r"place|workplace|culture|treatment|communication|recruitment|hiring)")
_NEG_ADJ = (r"(?:unprofessional|disrespectful|rude|disorgani[sz]ed|chaotic|incompetent|clueless|arrogant|condescending|"
            r"patroni[sz]ing|dismissive|careless|sloppy|lazy|pathetic|useless|inept|unprepared|unqualified|"
            r"shambolic|toxic|hostile|callous|heartless|dishonest|unfair|biased|ridiculous|absurd|bizarre|"
            r"inconsiderate|thoughtless|miserable|awful|terrible|horrible|dreadful|shocking|appalling|"
            r"disgraceful|embarrassing|insulting|unpleasant|frustrating|infuriating|demorali[sz]ing|"
            r"soul-?(?:destroying|crushing)|dehumani[sz]ing|humiliating|degrading|pointless|clumsy|amateurish|"
            r"unhelpful|unresponsive|uncommunicative|two-faced|petty|smug|self-important|pompous|ignorant|"
            r"tone-?deaf|short-?sighted|(?:closed|narrow)-?minded|greedy|exploitative|unethical|shady|sketchy|"
            r"predatory|unreliable|flaky|mediocre|half-?hearted|cold|confusing|messy|robotic|cynical|bureaucratic|"
            r"badly run|poorly run|painful|stressful|draining|exhausting|slow|rushed)")
_POS_ADJ = (r"(?:professional|organi[sz]ed|prepared|competent|respectful|considerate|thoughtful|polite|courteous|"
            r"helpful|responsive|transparent|honest|qualified|interested|engaged|kind|friendly|welcoming|"
            r"efficient|capable|clear|fair|serious|experienced|attentive)")

_BLAME_GENERAL = _compile(
    # comparisons and superlatives: "never met a less prepared interviewer", "the rudest recruiter I've met"
    r"\b(?:never|not once|have yet to) (?:\w+ ){0,2}?(?:met|seen|dealt with|encountered|experienced|had|come across|"
    r"worked with|interviewed with|spoken to|talked to|witnessed|been through|sat through) (?:a |an |such (?:a |an )?)?"
    r"(?:less " + _POS_ADJ + r"|more " + _NEG_ADJ + r"|worse|ruder|lazier|sloppier|colder|" + _NEG_ADJ + r") "
    r"(?:\w+ ){0,2}?" + _THEM_NOUN + r"\b",
    r"\b(?:the )?(?:worst|rudest|laziest|sloppiest|coldest|messiest|most " + _NEG_ADJ + r"|least " + _POS_ADJ
    + r") (?:\w+ ){0,2}?" + _THEM_NOUN + r"\b",
    # "companies like yours", when the sentence says something bad about them
    r"\b(?:companies|people|firms|places|recruiters|employers|outfits|organi[sz]ations|businesses|teams|managers|"
    r"startups|agencies|the likes of) like (?:you|yours|urs|ur|yourselves)\b[^.!?\n]{0,60}?\b(?:reason|why|"
    r"miserable|hell|worse|ruin\w*|bad name|problem|wrong|toxic|broken|exhausting|nightmare|hate|sick|"
    r"soul-?destroying|awful|terrible|impossible|demorali[sz]ing)\b",
    r"\b(?:done|finished|sick|tired|fed up) (?:\w+ )?with (?:\w+ )?(?:companies|people|firms|recruiters|employers|"
    r"places|outfits) like (?:you|yours|urs|ur)\b",
    # "treat people like numbers"
    r"\btreat(?:s|ed|ing)? (?:\w+ ){1,3}?like (?:a |an |little |mere |disposable |interchangeable )?(?:numbers?|"
    r"cattle|dirt|garbage|trash|objects?|robots?|children|kids|idiots?|criminals?|crap|rubbish|sheep|nothing|"
    r"nobod(?:y|ies)|afterthoughts?|commodit(?:y|ies)|disposable|slaves?|servants?|spam|cogs?|resources|"
    r"statistics?|line items?|tickets?|spreadsheet rows?|a number|an? (?:inconvenience|nuisance|burden))\b",
    # idioms of contempt
    r"\bwould(?:n'?t| not) know (?:\w+ ){1,4}?if it (?:hit|bit|slapped|smacked|punched|kicked)\b",
    r"\b(?:don'?t|do not) come (?:crying|running|back crying|begging|knocking)\b",
    r"\b(?:a )?bit rich\b|\brich coming from\b",
    r"\b(?:you|you'?ve|you have|you just|your (?:company|team))(?: just)? (?:lost|missed out on|let go of|passed on|"
    r"thrown away|threw away|let slip|blew your chance with|fumbled) (?:a |an |the |one )?(?:really |truly )?"
    r"(?:great|good|strong|top|excellent|brilliant|fantastic|real|genuine|valuable|amazing|exceptional|"
    r"outstanding|talented|solid|dedicated|loyal) (?:candidate|engineer|hire|asset|talent|person|designer|developer|"
    r"employee|analyst|manager|worker|teammate|colleague)\b",
    r"\blet (?:\w+ ){0,3}?(?:walk out|slip through|slip away|walk away|go elsewhere)\b",
    _START + r"think about (?:that|this)\s*[.!]",
    r"\bmore fool (?:you|them)\b|\byou get what you pay for\b|\benjoy the consequences\b",
    # looking forward to their failure
    r"\b(?:when|once|after|by the time|before long|until) (?:your|the|their) (?:new |shiny |chosen |cheaper |"
    r"preferred |precious |perfect )?(?:hire|candidate|choice|pick|project|product|startup|company|team|launch|person|"
    r"employee|engineer|designer|unicorn|golden child) (?:\w+ )?(?:quits|leaves|fails|flops|crashes|burns out|"
    r"walks|walks out|goes under|falls apart|collapses|messes up|screws up|implodes|tanks|doesn'?t work out|"
    r"doesn'?t last|realises|realizes|figures out|gets bored|jumps ship)\b",
    r"\b(?:you'?ll|you will) (?:be )?(?:back|come back|be in touch|call|crawl back|regret|be begging|be sorry)\b"
    r"[^.!?\n]{0,40}?\b(?:when|once|after|i'?m sure|mark my words|trust me)\b",
    # their competence denied: "your panel didn't seem qualified", "they don't know what they're doing"
    r"\b(?:you|your \w+(?: \w+)?|they|their \w+|the (?:panel|interviewers?|recruiters?|hiring manager|team|"
    r"manager|hr|company|ceo|founders?))(?:'s \w+)? (?:\w+ ){0,2}?(?:didn'?t|did not|don'?t|do not|doesn'?t|"
    r"does not|never|weren'?t|wasn'?t|aren'?t|isn'?t|was not|were not|are not|is not|couldn'?t|could not|"
    r"can'?t|cannot) (?:even |really |actually |seem to |appear to |seem |appear |look |sound |bother to )?"
    r"(?:to )?(?:be )?(?:qualified|competent|capable|prepared|equipped|fit|able to (?:assess|judge|evaluate|"
    r"understand|read|run|hire|interview|recogni[sz]e|spot|tell|follow)|understand (?:what|the|my|basic|"
    r"a word)|know (?:what (?:they|you)(?:'re| are| were)|the first thing|anything|the difference)|"
    r"(?:read|look at|open|glance at) (?:my|the) (?:cv|resume|résumé|application|portfolio|cover letter|"
    r"take-?home|code|work|answers?)|listening|paying attention|care)\b",
    r"\b(?:you|your \w+(?: \w+)?|they|their \w+|the (?:panel|interviewers?|recruiters?|hiring manager|team|"
    r"manager|hr))(?:'s \w+)? (?:were |was |are |is |have |had |'ve |'re )?(?:clearly|obviously|evidently|"
    r"apparently|plainly) (?:\w+ ){0,3}?(?:not|n'?t|never|no|without|reading|winging|guessing|copying|"
    r"making (?:it|things) up|just|only|more interested|less interested|too busy|had no|has no|have no)\b",
    r"\b(?:you|they|your \w+|the \w+)(?:'?ve| have| had|'d)? (?:just |clearly |really |obviously |honestly )?made "
    r"(?:a|the|an|one) (?:\w+ )?(?:wrong|bad|terrible|huge|big|poor|serious|grave|costly|awful|massive|"
    r"short-?sighted|foolish|silly|stupid|lazy|questionable|baffling|strange|odd|weird) (?:call|choice|decision|"
    r"mistake|hire|error|move|judgement|judgment)\b",
    r"\b(?:poor|bad|terrible|awful|questionable|shocking|lousy) (?:judgement|judgment|decision-?making|"
    r"communication|leadership|management|organi[sz]ation|form|show|manners)\b",
)
# judgement words that these cues add to the lexicon above (about them, not negated)
_JUDGEMENT_MORE = _rx(
    r"\b(?:shocking|vague|unqualified|unprepared|miserable|inconsiderate|thoughtless|half[- ]asleep|asleep|"
    r"uninterested|disinterested|distracted|bored|unreliable|lame|lacklustre|lackluster|hostile|"
    r"insulting|humiliating|degrading|dehumani[sz]ing|demorali[sz]ing|soul-?destroying|soul-?crushing|"
    r"infuriating|unhelpful|unresponsive|uncommunicative|flaky|disingenuous|hollow|empty words|lip service|"
    r"box-?ticking|tick-?box|a formality|for show|cattle call|meat grinder|circus|charade|"
    r"yawn(?:ing|ed)?|on (?:his|her|their) phones?|checking (?:his|her|their) (?:phone|e-?mail|watch|laptop)|"
    r"didn'?t care|couldn'?t care less|out of (?:their|his|her|your) depth|in over (?:their|his|her|your) heads?|"
    r"(?:behaviou?r|conduct|attitude|treatment) (?:has been|was|is|were) (?:\w+ )?(?:shocking|poor|"
    r"disgraceful|unacceptable|appalling|terrible|awful|disappointing|unprofessional))\b")


def _blame_general(text: str) -> Iterator[tuple[int, int]]:
    yield from _spans(_BLAME_GENERAL, text)
    yield from _spans(_BLAME_MORE + _BLAME_MORE3 + _BLAME_MORE4 + _BLAME_MORE5 + _BLAME_MORE6 + _BLAME_MORE7
                      + _BLAME_MORE8, text)
    yield from _lexicon_more(text)
    yield from _complaint_with_sneer(text)
    for m in _JUDGEMENT_MORE.finditer(text):
        if _about_them(text, m.start(), m.end()) and not _negated(text, m.start()):
            yield m.start(), m.end()
    yield from _effort_for_nothing(text)


# effort set against a minimal answer: "a week of annual leave … and got a two-line reply"
_INVEST = _rx(
    r"\b(?:(?:spent|spend|burned|burnt|put in|put|gave|give|wasted|used|took|sacrificed|invested|lost|poured|"
    r"devoted|dedicated) (?:\w+ ){0,4}?(?:hours?|days?|weeks?|weekends?|evenings?|nights?|annual leave|holiday|"
    r"vacation|time off|pto|months?)|(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|"
    r"multiple) (?:\w+ )?(?:rounds|interviews|stages|calls|hours of|weeks of|days of|presentations)|"
    r"after (?:all (?:that|this|those|these|of that|my)|everything))\b")
_MINIMAL = _rx(
    r"\b(?:(?:one|two|three|1|2|3)[- ](?:lines?|liners?|sentences?|words?|paragraphs?)|form (?:e-?mail|letter|"
    r"rejection|reply|"
    r"response|message)|template(?:d)?|automated|auto-?generated|auto-?reply|canned|generic (?:e-?mail|reply|"
    r"response|rejection|message|letter|note)|boilerplate|copy-?paste(?:d)?|cookie-?cutter|not (?:even )?(?:a|one) "
    r"(?:call|reply|word|phone call|thank you|line|single)|(?:no|zero|without (?:any|a)) (?:feedback|reply|"
    r"response|explanation|call|acknowledg\w+)(?! (?:needed|necessary|required|is needed))|ghost(?:ed|ing)|"
    r"radio silence|nothing back|never heard back|(?:couldn'?t|could not|can'?t|didn'?t|did not) (?:even )?"
    r"(?:pick up|call|reply|respond|be bothered|spare))\b")


def _effort_for_nothing(text: str) -> Iterator[tuple[int, int]]:
    for m in _MINIMAL.finditer(text):
        if _INVEST.search(text, max(0, m.start() - 200), min(len(text), m.end() + 120)):
            yield m.start(), m.end()


# ---------------------------------------------------------------------------- sarcasm: warm words, bad news

_POS_MARK = _rx(
    r"\b(?:wow|whoa|what an? (?:honou?r|privilege|treat|delight|pleasure|joy|way to)|such an? (?:honou?r|privilege|"
    r"treat|pleasure|delight)|truly (?:touching|moving|inspiring|heartwarming|impressive|professional|amazing|"
    r"wonderful)|touching|heartwarming|(?:very|so|really|super|how) (?:professional|classy|mature|respectful|"
    r"considerate|kind|thoughtful|efficient|generous|personal|sweet)|(?:great|good|nice|lovely|comforting|"
    r"reassuring|wonderful|glad) to (?:know|see|hear|learn|find out)|lov(?:ed|e|ing) (?:the part|the bit|how|that|"
    r"being|getting|it when|the way)|(?:brilliant|great|excellent|fantastic|amazing|stellar|wonderful|superb|"
    r"lovely|impressive|solid|outstanding|top-?notch|world-?class|awesome|slick|smooth|stunning) (?:process|work|"
    r"job|move|communication|organi[sz]ation|stuff|effort|touch|system|approach|way|show|turnaround)|"
    r"thanks? (?:so|very) much for|thank you (?:so|very) much for|thanks a (?:lot|bunch|million) for|"
    r"(?:incredibly|really|very|so|super|truly|amazingly|wonderfully|wildly|extremely) (?:detailed|helpful|"
    r"thorough|insightful|personal|personali[sz]ed|thoughtful|considerate|informative|constructive|generous|"
    r"warm|quick|prompt|useful)|bravo|kudos|hats off|nice one|cool|impressive|classy|(?:really|truly|so|just|"
    r"sincerely) appreciate (?:you|it|that|how|the way)|treasure|cherish|outdid|outdone|thrilled|delighted|overjoyed|"
    r"ecstatic|chuffed|stoked|honou?red|(?<![\w'])(?:lovely|nice|great|wonderful|fantastic|brilliant|awesome|perfect|"
    r"love)(?=,))\b")
_NEG_SIT = _rx(
    r"\b(?:silent treatment|cold shoulder|run-?around|brush-?off|(?:to )?hear(?:d|ing)? nothing|no (?:reply|response|"
    r"answer|word|update)s?|ghost(?:ed|ing)|ignored|ignoring|form (?:e-?mail|letter|rejection|reply|response)|"
    r"template(?:d)?|"
    r"automated|auto-?generated|auto-?reply|canned|generic|boilerplate|copy-?paste(?:d)?|cookie-?cutter|"
    r"(?:one|two|three|1|2|3)[- ](?:lines?|liners?|sentences?|words?|paragraphs?)|"
    r"(?:nobody|no one|no-one) (?:showed|turned|bothered|replied|responded|called|came|joined|told|read|looked|"
    r"cared|got back|even)|never (?:heard|replied|responded|showed|turned|called|got back|came)|"
    r"(?:didn'?t|did not|never) (?:show up|turn up|reply|respond|call|get back|bother)|"
    r"no (?:feedback|reply|response|explanation|answer|call|word|notice)(?! (?:needed|necessary|required))|"
    r"(?:ten|eleven|twelve|fifteen|twenty|1\d|[2-9]\d)[- ](?:stages?|rounds?|interviews|steps?|hoops)|"
    r"took (?:you|them|the team|hr|everyone|the recruiter) (?:\w+ )?(?:weeks|months|\d+ days|ages|forever)|"
    r"(?:\w+ )?(?:weeks|months) later|after (?:\w+ )?(?:weeks|months) of (?:silence|nothing|waiting)|"
    r"for a (?:junior|entry-?level|intern|graduate|part-?time) (?:role|position|job)|"
    r"cancel\w* (?:on me )?(?:\w+ )?(?:twice|again|three times|repeatedly)|"
    r"(?:rejected|ghosted|ignored|turned down|binned) (?:by|via|on|at|over|with) (?:a|an|some|the) (?:bot|robot|"
    r"machine|algorithm|automated|computer|ai|system|intern|sunday|saturday|friday night|bank holiday|"
    r"holiday|midnight|text)|left (?:me )?(?:hanging|on read)|kept (?:me )?waiting|radio silence|"
    r"unpaid|on a (?:sunday|saturday) (?:night|evening|morning)|at (?:midnight|\d+ ?pm on a)|cancel\w* "
    r"(?:\w+ ){0,4}?(?:an hour before|last[- ]minute|the night before|the day before|without (?:notice|warning)|"
    r"same day|at short notice|on the day)|last[- ]minute cancel\w*)\b")
_SARC_SHORT = frozenset("""very so really truly how just cool touching professional classy impressive nice great
lovely brilliant amazing wonderful fantastic charming helpful thoughtful considerate kind mature respectful sweet
perfect excellent superb stellar awesome super good fab bravo well done wow oh classic priceless heartwarming
moving inspiring real stuff indeed efficient how original""".split())
_SARC_POS = frozenset("""cool touching professional classy impressive nice great lovely brilliant amazing wonderful
fantastic charming helpful thoughtful considerate kind mature respectful sweet perfect excellent superb stellar awesome
super good fab bravo priceless heartwarming moving inspiring original efficient""".split())
_REPEATS = _rx(r"\b(?:twice|three times|four times|several times|\d+ times|again|every time|itself)\b")
_SARC_FILLER = frozenset("of my time your to me it that this the for you".split())
_WORDS = re.compile(r"[a-z']+")


def _sarcasm_general(text: str) -> Iterator[tuple[int, int]]:
    yield from _scare_general(text)
    yield from _spans(_SARCASM_GENERAL[1:], text)
    yield from _spans(_SARCASM_MORE + _SARCASM_MORE3 + _SARCASM_MORE4 + _SARCASM_MORE5 + _SARCASM_MORE6
                      + _SARCASM_MORE8, text)
    sents = [(m.start(), m.end()) for m in _SENTENCE.finditer(text)]
    for i, (s, e) in enumerate(sents):
        pos = _POS_MARK.search(text, s, e)
        if pos is not None and _NEG_SIT.search(text, s, e):
            yield pos.start(), pos.end()
            continue
        words = [w for w in _WORDS.findall(text, s, e) if w not in _SARC_FILLER]
        if 0 < len(words) <= 4 and all(w in _SARC_SHORT for w in words) and any(w in _SARC_POS for w in words) \
                and i > 0:
            ps, pe = sents[i - 1]
            if _NEG_SIT.search(text, ps, pe) or '"' in text[ps:pe] or _MINIMAL.search(text, ps, pe) or \
                    _THEM_DID.search(text, ps, pe) or _MILD_MORE.search(text, ps, pe) or \
                    _STRONG_MORE.search(text, ps, pe) or _REPEATS.search(text, ps, pe):
                ws = _WORDS.search(text, s, e)
                if ws is not None:
                    yield ws.start(), e if text[e - 1].isalpha() else e - 1


_TITLE_BEFORE = re.compile(
    r"(?:\b(?:on|about|called|titled|entitled|named|say|says|said|wrote|write|read|type|typed|word|phrase|term|"
    r"motto|slogan|tagline|heading|section|chapter|post|article|talk|book|episode|course|module|paper|blog|"
    r"question|answer|label|button|tab|field|column|option|menu|song|film|show|from|like|as|the words?)\s*$)")
_SARCASM_GENERAL = _compile(
    # a scare-quoted phrase used as the noun itself: your "culture of transparency" was…, the "quick chat" turned…
    r"\b(?:the|your|this|that|their|our|its|his|her|such a|a|an|so-called|so the|all the|these|those)\s+"
    r"(?P<hit>\"[a-z][^\"\n]{1,45}\")(?=\s*(?:[.,!?;:)]|$|(?:was|is|were|are|you|of|and|that|from|for|with|in|on|"
    r"at|it|but|so|has|had|have|will|would|again|here|there|feels|felt|seems|seemed|sounds|really|indeed|lol|"
    r"yet|anyway|turned|turns|ended|became|meant|means|amounted|consisted|lasted|took|involved|when|which|"
    r"apparently|clearly|obviously|somehow|never|didn'?t|doesn'?t|isn'?t|wasn'?t|won'?t|can'?t|couldn'?t)\b))",
    r"\bthe (?:famous|classic|good old|good ol'?|old|usual|trusty|standard|infamous|obligatory|dreaded|proverbial) "
    r"(?P<hit>[\"'][^\"'\n]{2,50}[\"'])",
    r"\b(?:oh|ah|yeah|yes),? (?:sure|right|yes|of course|great|wonderful|lovely|perfect|totally|definitely)\b"
    r"[,.!]*(?=\s+(?:the (?:famous|classic|old|usual)|because|as if))",
    r"\bwhatever (?:that|this|it) (?:means|is supposed to mean|'s supposed to mean|even means)\b",
    r"\b(?:i'?m|i am) sure (?:they|he|she|you|your \w+|the \w+)(?:'re| are| will be|'ll be| is|'s) (?:\w+ )?"
    r"(?:unicorns?|flawless|perfect|a genius|a saint|a miracle worker|worth every penny|a rock ?star|"
    r"a superstar|a ninja)\b",
    r"\b(?:oh|ah),? (?:the irony|how ironic)\b|\bironic(?:ally)?,? (?:given|since|considering|for a)\b",
    r"\b(?:really|truly|so) (?:living|lived) (?:up to )?(?:your|the|those|its) (?:values|motto|mission|slogan)\b",
    r"\bon full display\b",
)


# ---------------------------------------------------------------------------- demands: reasons and reversals

_ACCOUNT = _rx(
    r"\b(?:(?:a|an|the|some|your|their|his|her|any|full|proper)\s(?:\w+ ){0,2}?(?:explanation|justification|"
    r"rationale|breakdown|basis|reasoning)|(?:the|your|their|his|her|its|all the|all|each|every) (?:\w+ ){0,2}?"
    r"(?:scores?|scoring|scorecards?|marks|marking|ratings?|notes|rubric|criteria|names|evidence|transcripts?|"
    r"recordings?|minutes)|my (?:scores?|marks|scorecard|ratings?|evaluation|assessment results|results)|"
    r"(?:how|why) (?:exactly |precisely )?(?:i|my \w+) (?:was|were|got|had been) (?:\w+ )?(?:scored|rated|"
    r"marked|assessed|evaluated|judged|graded|ranked|rejected|not selected|turned down|dropped|eliminated|cut|"
    r"passed over)|what (?:exactly |specifically |precisely )?(?:i did|went|i got|was) wrong|what (?:exactly |"
    r"specifically |precisely )?(?:the other|the successful|that|this) (?:candidate|person|applicant|hire)s? "
    r"(?:had|has|did|offered|brought))\b")
_REVERSAL = _rx(
    r"\b(?:(?:reverse|overturn|reconsider|revisit|re-?review|re-?assess|re-?evaluate|re-?examine|reopen|re-?open|"
    r"reinstate|undo|appeal) (?:\w+ ){0,2}?(?:decision|application|candidacy|rejection|verdict|outcome|result)|"
    r"(?:review|look at|look over|consider|read|assess|evaluate|check|mark|grade) (?:\w+ ){0,3}?(?:application|"
    r"candidacy|cv|resume|take-?home|test|submission|case|answers?) (?:\w+ )?again|be (?:re-?)?(?:reviewed|"
    r"assessed|considered|evaluated|looked at) (?:again |afresh )?by|by (?:a|an) (?:different|new|another|second|"
    r"fresh|independent|senior|more senior) (?:panel|person|team|interviewer|reviewer|manager|set of eyes)|"
    r"someone (?:more )?(?:senior|else|above (?:you|them)|in charge|more qualified|competent)|"
    r"put me (?:forward|through)|(?:interview|see|meet|consider|hire) me anyway)\b")
_DEMAND_FRAME = _rx(
    r"\b(?:i(?: would|'d) like|i want|i need|i expect|i demand|i require|i request|i insist|"
    r"i(?:'m| am) (?:asking|requesting|demanding|expecting)|i ask (?:that|you)|kindly|"
    r"(?:please )?(?:send|give|tell|show|forward|provide|explain|justify|share) me|please (?:send|give|tell|"
    r"provide|forward|explain|justify|confirm|reverse|review|reconsider|arrange)|"
    r"(?:by|before|within) (?:the end of|end of|close of|eod|cob|\d|monday|tuesday|wednesday|thursday|friday|"
    r"tomorrow|tonight|next week|this week)|i (?:look forward to|await) (?:your|an|the) (?:explanation|"
    r"justification|answer)|(?:can|will) (?:someone|somebody|anyone|you) (?:actually |please |just |even )?"
    r"(?:tell|explain|send|show|give))\b")
_DEMAND_SOFTENER = _rx(
    r"\b(?:if (?:you(?:'re| are) )?(?:able|happy|willing|free|comfortable|allowed|possible|at all possible)|"
    r"if you (?:can|could|have (?:a (?:moment|minute|chance)|time)|don'?t mind|get a chance|are able|have any)|"
    r"if (?:it'?s|that'?s) (?:not too much|possible|okay|ok|alright)|(?:i'?d|i would) (?:love|welcome|"
    r"appreciate|be (?:grateful|glad|happy|interested|curious|thankful))|(?:any|a few|some) (?:feedback|"
    r"pointers|thoughts|insights?|tips|advice)|no (?:pressure|worries|obligation)|understand(?:able)? if|"
    r"would it be possible|wonder(?:ing)? (?:if|whether)|curious|so (?:that )?i can (?:prepare|improve|learn|"
    r"get ready|plan)|from (?:the|our) (?:call|meeting)|as (?:promised|agreed|discussed))\b")
_DEMAND_ALWAYS = _compile(
    r"\bon what (?:basis|grounds)\b",
    r"\bby what (?:criteria|standard|measure|metric|logic|yardstick)\b",
    r"\bi (?:formally )?request that\b",
    r"\bi(?:'d| would) like you to (?:\w+ ){0,5}?(?:anyway|regardless|immediately|at once)\b",
    r"\bwhat (?:exactly |specifically |precisely )?(?:did|does) (?:the other|the successful|this|that|your "
    r"chosen|the chosen) (?:candidate|person|applicant|hire)s? (?:have|has|bring|offer|do)\b",
    r"\bwhy (?:on earth |exactly )?(?:was|wasn'?t|were|weren'?t|am|amn'?t) i (?:\w+ ){0,2}?(?:not )?(?:even )?"
    r"(?:given|offered|allowed|invited|considered|told|informed|shortlisted)\b",
    r"\b(?:i|we) (?:still )?(?:have|got) (?:no|zero) (?:explanation|reason|answer)\b",
)


def _demand_general(text: str) -> Iterator[tuple[int, int]]:
    yield from _spans(_DEMAND_ALWAYS, text)
    yield from _spans(_DEMAND_MORE + _DEMAND_MORE3 + _DEMAND_MORE4 + _DEMAND_MORE5 + _DEMAND_MORE8, text)
    for s, e in ((m.start(), m.end()) for m in _SENTENCE.finditer(text)):
        what = _ACCOUNT.search(text, s, e) or _REVERSAL.search(text, s, e)
        if what is None or not _DEMAND_FRAME.search(text, s, e) or _DEMAND_SOFTENER.search(text, s, e):
            continue
        if _about_me_only(text, what.start(), what.end()):
            continue
        yield what.start(), what.end()


def _about_me_only(text: str, start: int, end: int) -> bool:
    """"my notes", "my own criteria": the writer's things, not theirs."""
    return re.search(r"\b(?:my|mine|my own)\s+(?:\w+\s+){0,1}$", text[max(0, start - 20):start]) is not None and \
        re.match(r"my (?:scores?|marks|scorecard|ratings?|evaluation|assessment|results)", text[start:end]) is None


# ---------------------------------------------------------------------------- passive-aggressive

_PASSIVE_GENERAL = _compile(
    r"\b(?:i assume|i'?m sure|i imagine|i guess|i suppose|i realise|i realize|i know|must be|you must be|clearly) "
    r"(?:you(?:'re| are) |you'?ve been |you have been |things are |everyone is |it'?s |the team is )?(?:very |really |"
    r"extremely |incredibly |terribly |so |quite |awfully )?(?:busy|swamped|snowed under)\b"
    r"(?=[^.!?\n]{0,40}?\b(?:since|as it'?s been|given (?:that )?it'?s been|after|it'?s been|weeks|months|still)\b)",
    r"\b(?:thanks?|thank you|nice|good|great|glad|appreciate)\b[^.!?\n]{0,30}?\bfinally (?:getting back|replying|"
    r"responding|answering|letting me know|getting round|getting around|reaching out|acknowledg\w+|writing|"
    r"sending|coming back|updating|telling)\b",
    r"\b(?:you|they|someone|somebody|the recruiter|hr) (?:have |has )?finally (?:replied|responded|got back|gotten "
    r"back|answered|wrote back|written back|called|acknowledged|remembered|bothered)\b",
    r"\byou (?:seem|appear) to have forgotten\b|\bin case you(?:'ve)? forgot(?:ten)?\b|\b(?:which|as) you "
    r"(?:seem|appear) to (?:have )?forg\w+\b|\bdid you forget\b",
    r"\b(?:assume|take|read|interpret|treat|understand|count|going to assume|i'?ll assume) (?:your |the |this |that |"
    r"continued |ongoing )?silence (?:as|means|to mean|is)\b|\bsilence (?:means|is (?:an|your|the) answer|speaks)\b",
    r"\bwould(?:'ve| have) been (?:nice|good|courteous|polite|decent|helpful|great|appreciated|kind|"
    r"respectful|professional) (?:to (?:hear|know|be told|get|receive|have)|of you|if)\b",
    r"\b(?:then|anyway),? i (?:suppose|guess)\b|\b(?:i'?ll|i will) (?:just )?(?:keep|continue|go on|sit here|"
    r"carry on) (?:waiting|holding my breath|refreshing my inbox)\b|\bdon'?t hold (?:your|my) breath\b",
    r"\bi'?m sure (?:you|they) (?:have|had) (?:your|their) reasons\b|\bi'?m sure (?:you|they) (?:know|knew) best\b",
    r"\bsome of us (?:actually|still|do|have|can|bother|read|work|care|have jobs|have lives)\b",
    r"\b(?:let me|i'?ll|allow me to|i have to|i must) repeat (?:myself|it|this)\b|\bto repeat myself\b|"
    r"\bi'?ll say (?:it|this) (?:again|once more|slowly)\b",
    r"\b(?:are|is|were) my (?:\w+ )?(?:e-?mails?|messages?|notes?|applications?) (?:even |actually )?(?:reaching|"
    r"getting (?:to|through)|being (?:read|received|seen|opened)|landing)\b|\bnot sure (?:if|whether) my "
    r"(?:\w+ )?(?:e-?mails?|messages?|notes?|applications?) (?:are|is|were|was|have been|has been) (?:even )?"
    r"(?:reaching|getting (?:to|through)|being (?:read|received|seen)|landing|going)\b",
    r"\b(?:third|fourth|fifth|sixth|nth|umpteenth|\d+(?:rd|th)) time (?:now|running|in a row|i'?(?:ve|m) "
    r"(?:had to )?(?:asked|asking|written|writing|e-?mailed|followed up|chased|reminded|told|mentioned|sent|"
    r"spelled|corrected))\b",
    r"\b(?:still|yet) (?:haven'?t|have not|hasn'?t|has not) (?:heard|had|received|got)\b[^.!?\n]{0,40}?\b(?:weeks|"
    r"months|despite|even though|although)\b",
    r"\b(?:hope|trust) (?:this|that|it) (?:one )?(?:finds you|reaches you|gets read|isn'?t ignored)\b[^.!?\n]{0,20}"
    r"\b(?:this time|eventually|at some point|at last)\b",
    r"\b(?:as|like) i (?:said|wrote|mentioned|explained|asked) (?:in my|on|last)\b(?=[^.!?\n]{0,60}\b(?:which|"
    r"still|again|already|twice)\b)",
)


# ---------------------------------------------------------------------------- correcting their writing

_CORRECT_GENERAL = _compile(
    r"[\"'][\w' -]{1,30}[\"'] (?:and|vs\.?|versus|or) [\"'][\w' -]{1,30}[\"'] (?:are|aren'?t|mean|have|were) "
    r"(?:\w+ )?(?:different|not the same|two|separate)\b",
    r"\b(?:wrote|typed|put|used|spelled|spelt|said) [\"'][^\"'\n]{1,30}[\"'] (?:\w+ ){0,4}?(?:where|when|instead of) "
    r"you (?:meant|mean|wanted|intended)\b|\bwhere you meant\b|\bwhen you meant [\"']",
    r"[\"'][^\"'\n]{1,40}[\"'],? (?:(?:which|that) )?(?:is not|isn'?t|ain'?t|is not even|isn'?t even) (?:a |an )?"
    r"(?:real |actual |proper )?"
    r"(?:word|thing|phrase|expression|sentence)\b",
    r"\b(?:so many|full of|riddled with|littered with|several|multiple|numerous|countless|a dozen|plenty of|lots of|"
    r"\d+|three|four|five|obvious|glaring|basic|embarrassing) (?:spelling |grammar |grammatical |basic |obvious |"
    r"glaring |typing |language )?(?P<hit>errors|mistakes|typos)\b",
    r"\b(?:has|have|with|spelled with|spelt with|is spelled with|is spelt with|takes|contains) (?:two|one|a double|"
    r"a single|three|2|1) [a-z]'?s?\b,? not (?:one|two|three|a single|a double|1|2)\b",
    r"\b(?:writing|grammar|spelling|english|communication|literacy|copywriting|proofreading|punctuation|"
    r"business writing) (?:course|class|classes|lessons?|workshop|101|refresher|training|tutor|bootcamp)\b",
    r"\b(?:learn|learned|learnt|know|knows|knew|understand|check|look up) (?:the )?(?:difference between|what "
    r"(?:an? )?(?:apostrophe|comma|semicolon|full stop|period) (?:is|does))\b",
)


def _correcting_general(text: str) -> Iterator[tuple[int, int]]:
    for s, e in _spans(_CORRECT_GENERAL + _CORRECT_MORE + _CORRECT_MORE3 + _CORRECT_MORE4 + _CORRECT_MORE5
                       + _CORRECT_MORE6, text):
        if not _about_me(text, s, e):
            yield s, e


# ---------------------------------------------------------------------------- going public

_AUDIENCE = (r"(?:community|communities|network|followers|subscribers|readers|audience|everyone|people|others|world|"
             r"bootcamp|alumni|cohort|group|group chat|discord|slack|forum|subreddit|classmates|colleagues|"
             r"contacts|connections|friends|peers|industry|meetup)")
_THREAT_GENERAL = _compile(
    r"\b(?:letting|let|tell|telling|warn|warning|inform|informing|alert|alerting|update|updating) (?:the |my |our |"
    r"all my |everyone in my |everyone in the |other |fellow )?(?:[\w-]+ ){0,2}?" + _AUDIENCE
    + r" (?:know|hear|aware) (?:exactly |precisely |all )?(?:what|how|about (?:this|it|you\b|how|what|"
    r"my experience|the way|your (?:process|treatment|behaviou?r|company|team|hiring|interview|recruit\w*)))",
    r"\b(?:this|the|our|your) (?:whole |entire |e-?mail |little )?(?:thread|exchange|e-?mails?|correspondence|"
    r"conversation|rejection|letter|message|story|experience|saga|process|reply|response|interview) (?:is|are|will "
    r"be|'s|'ll be|will|'ll|might|may|could) (?:\w+ )?(?:going|headed|heading|ending up|end up|getting|being|go|"
    r"make|making|feature|featuring|appear|appearing) (?:in|into|on|onto|to|up on|posted|shared|published|"
    r"featured|public|viral|the rounds)\b",
    r"\b(?:enjoy|hope you enjoy|brace (?:yourselves |yourself )?for|get ready for|ready for) (?:the |some |your "
    r"(?:new )?)?(?:publicity|attention|exposure|press|spotlight|fame|fifteen minutes|15 minutes|reviews|comments)\b",
    r"\bscreenshots?(?:ted)? (?:taken|saved|made|captured|done|kept|archived)\b|\b(?:i'?ve|i have|i) "
    r"(?:screenshotted|screen-?capped|archived|saved|kept|documented|recorded) (?:this|it|everything|all of (?:it|"
    r"this)|the (?:whole )?(?:thread|exchange|conversation|call|interview))\b",
    r"\bmy (?:post|thread|tweet|article|video|review|write-?up|blog post|story|reel|tiktok|newsletter|piece) "
    r"(?:about|on) (?:you|your|this|the way you|how you|my experience with)\b",
    r"\bword (?:gets|will get|travels|will travel|spreads|will spread|has a way of getting) (?:around|fast|"
    r"quickly|out)\b|\bpeople talk\b",
    r"\b(?:glassdoor|blind|reddit|twitter|linkedin|the internet|hacker ?news|tiktok|my followers|my readers|"
    r"my subscribers|the press|my network|the community|my audience)\b (?:is|are|will|would|'s|'ll) (?:going to |"
    r"gonna |surely |definitely )?(?:love|enjoy|like|hear|have a field day|be (?:very )?interested|eat this up)\b",
    r"\b(?:going|gone|go) viral\b|\b(?:naming|name) (?:names|the company|your company|you)\b",
    r"\b(?:i'?ve|i have|i|i'?ll|i will|i'?m going to|i am going to) (?:\w+ )?(?:written|write|writing) (?:it|this|"
    r"the whole thing|everything|my experience) up\b",
    r"\b(?:one|two|1|2)[- ]star(?:red)?\b|\b(?:left|leaving|leave|wrote|written|posted|posting) (?:a |an |my )?"
    r"(?:\w+ ){0,2}?(?:review|rating)\b(?= (?:on|of|for|about) (?:you\b|your (?:company|team|firm|process|hiring|"
    r"interview|recruit\w*|organi[sz]ation|business)|glassdoor|indeed|google|this (?:company|process|experience|"
    r"interview))|\s*[.!,]|\s*$| and)",
)


# ---------------------------------------------------------------------------- needy

_NEEDY_GENERAL = _compile(
    r"\bplease,? (?:please,? )?(?:don'?t|do not) (?:\w+ ){0,2}?(?:close|reject|forget|give up|discard|drop|delete|"
    r"remove|turn me|write me off|pass|rule me|move on|shut|count me out|dismiss|bin|file|let me go|say no)\b",
    r"\bany (?:role|position|job|opening|team|level|title|contract|capacity|department|shift|location|salary)s? "
    r"(?:\w+ ){0,4}?(?:would be|is|will be|will do|would do) (?:absolutely |totally |perfectly |more than )?(?:fine|"
    r"ok|okay|great|perfect|acceptable|good enough|wonderful|amazing|a dream|a blessing|a lifeline)\b",
    r"\bin any (?:capacity|role|position|way)\b(?: (?:at all|whatsoever|you need))?",
    r"\b(?:find|make|create|have|got) (?:a |some |any )?(?:place|spot|role|seat|position|room|space|opening|"
    r"something|anything|a job) (?:\w+ )?for me\b",
    r"\beven (?:temporarily|temporary|part-?time|for a (?:few|couple of) (?:weeks|months)|as a (?:contractor|temp|"
    r"intern|volunteer|trainee)|on a trial basis|for free|unpaid|a (?:junior|lower|entry-?level))\b",
    r"\b(?:this|the|that|your) (?:job|role|position|offer|opportunity|chance) (?:would |will |really |truly |"
    r"honestly )?means? (?:everything|the world|so much|more than you know|more than anything) to (?:me|us|my)\b",
    r"\b(?:make myself|be|i'?m|i am) available (?:24/7|24-7|around the clock|day (?:and|or) night|any ?time|at any "
    r"hour|at all hours|whenever (?:you|the team) (?:need|want)|every day|seven days)\b|\b24/7\b",
    r"\bwhatever (?:the team|you|they|the company|the role|it) (?:needs?|wants?|requires?|asks?)\b",
    r"\bi (?:\w+ ){0,3}?(?P<hit>need (?:a |this |the |some |any )?(?:work|job|income|money|paycheck|pay ?cheque|"
    r"break|yes|chance|opportunity|offer))\b(?! (?:experience|permit|visa|that|which|where|with|in a|at a|to (?:be|use|"
    r"grow|match)))",
    r"\bsettl(?:e|ing) for\b",
    r"\b(?:i'?m |i am )?(?:so |really |terribly )?sorry to (?:bother|pester|keep bothering|trouble|chase|nag) "
    r"(?:you )?(?:again|once more|yet again)\b",
    r"\b(?:willing|happy|ready|prepared|able|glad|open) to (?:\w+ ){0,2}?(?:take|accept|start|work|drop|lower|"
    r"reduce|do|consider|go) (?:\w+ ){0,2}?(?:less|lower|cut|junior|intern|internship|unpaid|free|nothing|"
    r"part-?time|reduced|smaller|minimum|half|a step down|a demotion|below|beneath)\b",
    r"\b(?:drop|lower|reduce|cut|adjust|bring down|slash|halve) (?:\w+ ){0,2}?(?:salary|pay|rate|compensation|"
    r"expectations|ask|number|price)\b",
    r"\b(?:i(?:'d| would| will|'ll)|happy to|willing to|can) (?:even |happily |gladly )?(?:take|accept|do|start|work)"
    r" (?:a |an )?(?:junior|lower|entry-?level|intern|internship|unpaid|part-?time|temporary|trainee|contract)\b",
    r"\b(?:at|for) a (?:much |far |significantly |considerably )?(?:lower|reduced|cheaper|smaller|discounted) "
    r"(?:rate|salary|price|cost|wage|pay|fee|level|title|band)\b",
    r"\b(?:can'?t|cannot|can not) afford (?:to (?:lose|miss|pass up|let)|another)\b",
    r"\bfoot in the door\b",
    r"\bi'?ll (?:do|take|accept) (?:whatever|anything)\b|\bwhatever you (?:think is fair|can offer|decide|"
    r"offer|have|can give)\b",
    r"\b(?:begging|beg|pleading|plead|implore|imploring)\b",
    r"\b(?:prove|show) (?:myself|what i can do|you what i can do|my worth)\b(?=[^.!?\n]{0,60}\b(?:please|chance|"
    r"shot|free|unpaid|trial|beg|anything|desperate|just)\b)",
    r"\b(?:out of|without) (?:work|a job|income) (?:for )?(?:\w+ ){0,2}?(?:months|years|a year|so long|ages)\b",
    r"\b(?:running|ran|run) out of (?:options|money|savings|time|hope|runway)\b",
    r"\b(?:the )?(?:rent|bills?|mortgage|loan|debt) (?:is |are )?(?:due|overdue|piling|mounting|stacking)\b",
)


# ---------------------------------------------------------------------------- complaint + sneer
# A sentence about them that reports something they did wrong (cancelled, lost my CV, never replied…) and
# sharpens it (clearly, even, again, supposedly, weeks…) is a barb, whatever the exact words. A warm or
# understanding word in the sentence ("I understand you had to reschedule") keeps it a plain report.

_THEM_DID = _rx(
    r"\b(?:cancel(?:l?ed|l?ing|s)?|ghost(?:ed|ing|s)?|ignor(?:ed|ing|es?)|lost (?:my|our|the)|los(?:ing|es) (?:my|our)|"
    r"forg(?:ot|otten|etting)|moved (?:the|my|it)|chang(?:ed|ing) (?:the|your|their|it)|misread|misunderst(?:ood|and)|"
    r"lied|lying|interrupt(?:ed|ing)|talk(?:ed|ing) over|cut me off|laugh(?:ed|ing) at|smirk(?:ed|ing)|"
    r"roll(?:ed|ing) (?:his|her|their) eyes|wast(?:ed|ing)|kept me waiting|left me hanging|strung me along|"
    r"reposted|re-?advertised|hired someone else|went (?:silent|quiet|dark)|no-?show(?:ed)?|didn'?t (?:show up|turn up|"
    r"reply|respond|bother|read|listen|care|call|get back)|never (?:replied|responded|called|got back|showed|"
    r"bothered|read|listened|followed up)|dismiss(?:ed|ing)|overlook(?:ed|ing)|brush(?:ed|ing) (?:me )?off|"
    r"shortchang\w+|mislead(?:ing)?|misled|promis(?:ed|ing)|rush(?:ed|ing) (?:me|through)|scrolling|"
    r"show(?:ed|ing) off|lost interest|gave up on|mixed up|got (?:my|the) \w+ wrong|spelled (?:my|it) wrong|"
    r"resched\w+|pushed (?:it|the \w+) back|moved the goalposts|goalposts)\b")
_SNEER = _rx(
    r"\b(?:clearly|obviously|apparently|supposedly|allegedly|evidently|literally|actual|actually|even|bother(?:ed)?|"
    r"at least|seriously|again|yet again|once again|still|twice|three times|repeatedly|(?:\w+ )?weeks|"
    r"(?:\w+ )?months|ages|forever|whole|entire|not once|not a single|zero|so-called|conveniently|magically|"
    r"suddenly|somehow|of course|naturally|typical(?:ly)?|classic|the moment|as soon as|without (?:a |any )?"
    r"(?:word|warning|notice|reason|explanation|apology)|last[- ]minute|an hour before|the night before|"
    r"the day before|same day|no notice|no warning|no explanation|no apology)\b")
_KIND = _rx(
    r"\b(?:thanks?|thank you|appreciate\w*|understand(?:able)?|understood|no worries|no problem|totally fine|"
    r"completely fine|of course you|i know how|i realise|i realize|glad|happy to|hope you|hope the|hope your|"
    r"sorry|apologi[sz]e|apologies|my fault|my mistake|on me|kind|lovely|grateful|pleasure|enjoyed|"
    r"i'?d love|welcome|wish you|all the best|best of luck|good luck|no pressure|fair enough|makes sense|"
    # a polite request about me is not a complaint ("…reposted, so I wanted to check if you'd consider me again")
    r"wanted to (?:check|ask|see|confirm)|(?:would|could) you (?:consider|be open|mind)|if you'?d (?:consider|"
    r"be open|like)|consider me|i'?d (?:be )?(?:happy|glad|keen))\b")


def _complaint_with_sneer(text: str) -> Iterator[tuple[int, int]]:
    for s, e in ((m.start(), m.end()) for m in _SENTENCE.finditer(text)):
        did = _THEM_DID.search(text, s, e)
        if did is None or _KIND.search(text, s, e) is not None:
            continue
        if not _about_them(text, did.start(), did.end()) and not _THEM_RE.search(text, s, e):
            continue
        if _SNEER.search(text, s, e) is None:
            continue
        yield did.start(), did.end()


_BLAME_MORE = _compile(
    r"\b(?:an|such an|what an|a total|a complete|a real) insult to\b|\binsult(?:s|ed|ing)? (?:my|our|anyone|"
    r"everyone|candidates|people|applicants|the intelligence)\b|\binsulting to\b",
    r"\b(?:(?:i )?can see (?:now )?why|"
    r"i (?:get|understand|see|know) (?:now )?why|now i (?:get|see|know|understand)"
    r" why|this (?:is|explains) (?:exactly )?why|that (?:is|explains) (?:exactly )?why|explains why|(?:it'?s|that'?s) "
    r"(?:no|little) (?:surprise|wonder)) (?:your|you|the (?:role|position|job|company|team|reviews?|rating)|"
    r"nobody|no one|people|good people|talent|candidates|the \w+ (?:has|have|is|are|was|were|keeps?))\b"
    r"(?![^.!?\n;]*\b(?:love|loved|enjoy\w*|great|proud|happy|lovely|kind|welcoming|successful|popular|"
    r"brilliant|amazing|wonderful|thriving|recommend\w*)\b)",
    r"\bno wonder\b(?![^.!?\n;]*\b(?:happy|love|loved|great|proud|lovely|kind|welcoming|successful|popular|"
    r"brilliant|amazing|wonderful|enjoy\w*|thriving)\b)(?=[^.!?\n]{3,})",
    r"\b(?:wouldn'?t|would not|never|don'?t|do not|glad i don'?t|relieved i don'?t|glad i won'?t|lucky i don'?t) "
    r"(?:\w+ )?(?:want to |have to |get to )?work (?:for|with|at|under) (?:a |an |such (?:a |an )?|someone |people |"
    r"a company |that )?(?:\w+ )?(?:like (?:that|you|yours|this)|who (?:can'?t|doesn'?t|don'?t|won'?t)|that "
    r"(?:can'?t|doesn'?t|don'?t|won'?t|treats))\b",
    r"\b(?:no|never had any|never any|never (?:really )?had the|didn'?t have any|not any|never had (?:the )?slightest) "
    r"intention of\b",
    r"\b(?:it'?s|it is|it was|that'?s|this is) (?:now |pretty |perfectly |painfully |blindingly |very )?(?:obvious|"
    r"clear|apparent|plain|evident) (?:that )?(?:you|your|they|the (?:panel|team|company|recruiter|hiring)|nobody|"
    r"no one)\b[^.!?\n]{0,50}?\b(?:never|didn'?t|did not|don'?t|do not|weren'?t|wasn'?t|no|not|only|just|already)\b",
    r"\b(?:could(?:n'?t| not)?|would(?:n'?t| not)?|can'?t|cannot) (?:\w+ ){0,2}?(?:recogni[sz]e|spot|see|find|know|"
    r"identify|tell|hire|notice) (?:\w+ ){1,4}?if (?:it|they|she|he) (?:\w+ )?(?:introduced|walked|hit|bit|"
    r"slapped|punched|kicked|sat|stood|came|knocked|waved|jumped|danced|handed)\b",
    r"\b(?:personality|looks|connections|nepotism|cost|price|age|youth|who you know|box-?ticking|buzzwords|"
    r"vibes|culture fit|charisma|confidence) over (?:skill|skills|talent|experience|merit|competence|ability|"
    r"qualifications|substance|quality)\b",
    r"\b(?:this|that|it) is (?:exactly |precisely |probably |surely )?(?:why|the reason) (?:nobody|no one|people|"
    r"good people|talent|candidates|your (?:staff|employees|people|team)|everyone|you (?:can'?t|have|keep|lose)|"
    r"the role|the position|your (?:reviews|rating|turnover))\b",
    r"\b(?:nobody|no one|no-one) (?:good|decent|talented|sane|competent|serious|qualified|half-?decent) (?:stays|"
    r"works|wants|applies|would|will|ever)\b",
    r"\benjoy (?:your |the )?(?:mediocrity|mediocre \w+|failure|the chaos|your chaos|the turnover|the consequences|"
    r"(?:your|the) (?:cheap|mediocre|second-rate|average|inferior|budget|subpar) \w+|irrelevance|bankruptcy|"
    r"(?:your|the) decline|obscurity|the mess|being (?:mediocre|average|irrelevant))\b",
    r"\b(?:never|don'?t|do not) (?:ever )?(?:trust|believe|work for|apply to|apply at|waste time on) (?:a |an |any )?"
    r"(?:\w+ )?(?:company|companies|startup|startups|recruiter|recruiters|firm|employer|agency|manager|hr|place|"
    r"outfit)\b(?! (?:that|who) (?:can|will|does|is))",
    r"\b(?:says|tells (?:me|us)) (?:a lot |far |much |way )?more about (?:you|your \w+|the \w+|them) than\b|"
    r"\btells (?:me|us) (?:everything|all) (?:i|we) need to know about (?:you|your)\b",
    r"\b(?:run|managed|staffed|led|owned) by (?:\d+[- ]year[- ]olds|children|kids|teenagers|amateurs|interns|clowns|"
    r"idiots|a bunch of|toddlers|frat boys|people who)\b",
    r"\bthat'?s what i get for\b|\blesson learned\b[:,.]? (?:never|don'?t|do not|always)\b",
    r"\b(?:was it|is it|because of|due to|down to) (?:my|the fact (?:that )?i'?m) (?:age|gender|race|accent|"
    r"ethnicity|name|religion|disability|pregnancy|sexuality|background|nationality|weight|appearance|skin|"
    r"being (?:a woman|older|foreign|pregnant|disabled|black|gay|a mother|a parent))\b",
    r"\b(?:badly|poorly|terribly|sloppily|lazily|carelessly|hastily) (?:written|worded|drafted|put together|"
    r"thought out|designed|planned|structured|explained)\b",
    r"\b(?:it'?s|it is|that'?s|that is) (?:literally|clearly|right there|written) (?:in|on|at the top of) my\b",
    r"\b(?:you|you lot|you guys|you people|y'?all|your team|the team|they) (?:really |seriously |clearly )?"
    r"(?:need|have|ought|should|must) to (?:figure out|work out|sort out|decide|make up your minds?|get your story "
    r"straight|get organi[sz]ed|get your act together|get it together|communicate|talk to each other)\b",
    r"\bwhat you (?:actually|even|really) want\b|\b(?:even|actually) know what you want\b",
    r"\b(?:showing off|talk(?:ed|ing) over me|interrupt(?:ed|ing) me|cut me off|laugh(?:ed|ing) at (?:me|my)|"
    r"smirk(?:ed|ing)|roll(?:ed|ing) (?:his|her|their) eyes|check(?:ed|ing) (?:his|her|their) (?:phone|slack|"
    r"e-?mails?|laptop|watch)|instead of (?:listening|reading|paying attention|engaging|answering)|"
    r"(?:didn'?t|never) (?:even )?look(?:ed)? up)\b",
    r"\b(?:supposedly|allegedly) (?:fell short|failed|wasn'?t|was not|lacked|lack|didn'?t|did not|am|was|weren'?t)\b|"
    r"\bwhere i supposedly\b",
    r"\b(?:that'?s|that is|this is|it'?s) not what (?:you|your \w+|the \w+|he|she|they) (?:said|told me|promised|"
    r"wrote|agreed|advertised|described)\b|\bcontrary to what you (?:said|told me|promised)\b",
    r"\b(?:interesting|funny|curious|strange|odd|convenient|telling|remarkable|amazing) (?:how|that) "
    r"[^.!?\n]{0,60}?\b(?:suddenly|changed|after i|once i|only (?:after|once|when)|the moment|as soon as|"
    r"conveniently|magically|right after)\b",
)

_SARCASM_MORE = _compile(
    r"\bnothing says [\"']?[^.!?\n]{1,60}?[\"']? (?:quite )?like\b",
    r"\b(?:what a|such a) (?:lovely|nice|great|wonderful|pleasant|delightful|fun|charming) (?:surprise|way|touch|"
    r"start|end)\b(?=[^.!?\n]{0,80}?\b(?:find out|found out|learn|learned|hear|heard|someone else|ghost|ignor|"
    r"reject|silence|no reply|automated|template|cancel|linkedin|twitter|after))",
    r"\b(?:touched|flattered|honou?red|thrilled|delighted|impressed|moved|amazed|overjoyed) (?:that )?(?:you|they|"
    r"someone|somebody|the \w+) (?:even |actually |finally |at last )?(?:remembered|bothered|managed|found|"
    r"noticed|read|got|spelled|replied|responded|called|wrote)\b(?=[^.!?\n]{0,40}\b(?:this time|at last|finally|"
    r"at all|even|for once)\b)",
    r"\b(?:no rush|no worries|no problem|don'?t worry|it'?s fine|that'?s fine|take your time)[,.!]* (?:i|it'?s "
    r"not like i) (?:only|just|merely) (?:rearranged|took|cancelled|canceled|spent|drove|flew|travelled|traveled|"
    r"gave up|turned down|booked|moved|prepared|waited|used|burned|burnt|lost)\b",
    r"\bit'?s not like i (?:have|had|only|just|was|didn'?t|don'?t)\b",
    r"(?:regards|wishes|thanks|cheers|best)\s*[,(]*\s*(?:for what (?:they'?re|it'?s|that'?s) worth|i guess|i suppose|"
    r"or not|lol|if you care)\b",
    r"[\"'][^\"'\n]{2,40}[\"'] (?:clearly |apparently |obviously )?(?:means?|meant) (?:something (?:else|different)|"
    r"nothing|\w+ (?:weeks|months))\b",
    r"\b(?:guess|suppose) [\"'][^\"'\n]{2,40}[\"']",
    r"\bcolou?r me (?:\w+)\b",
    r"\bcool,? cool(?:,? cool)?\b|\b(?:totally|perfectly|completely|very|super|absolutely) (?:normal|standard) "
    r"(?:to|that|behaviou?r|practice)\b",
    r"\b(?:feedback|reason|explanation|reasoning|answer|verdict|comment|note)s?\s*[:,-]\s*(?P<hit>\"[^\"\n]{1,25}\")",
    r"\b(?:was|were|is|am|being|as|called|deemed|considered|found|judged|labell?ed|rated) (?P<hit>\"[a-z][^\"\n]{1,40}"
    r"\")(?=\s*(?:[.,!?;:)]|$|by|because|so|and|but))",
)

_DEMAND_MORE = _compile(
    r"\bi (?:fully |now |would |do |certainly )?expect (?:to be (?:considered|interviewed|contacted|given|offered|told|"
    r"informed|hired|compensated|reimbursed|paid|treated|fast-?tracked|shortlisted|invited|put forward|moved "
    r"forward|prioriti[sz]ed|updated|reconsidered)|to hear (?:back )?(?:from you )?(?:by|within|before|today|"
    r"tomorrow)|nothing less|better|more|an? (?:answer|reply|response|explanation|apology|update))\b",
    r"\b(?:who|which one of you) (?:made|took|signed off on|approved) (?:the|this|that) (?:final )?(?:call|"
    r"decision)\s*\?",
    r"\b(?:speak|talk) (?:to|with) (?:them|him|her|whoever|the person|someone|somebody|the people|your (?:boss|"
    r"manager|superior|ceo|founder|director)) (?:\w+ )?(?:directly|in person|personally|immediately|responsible|"
    r"who (?:made|decided|rejected|signed)|in charge|now)\b",
    r"\b(?:decision|application|candidacy|rejection|outcome|verdict|result|case|file) (?:\w+ )?(?:revisited|reversed|"
    r"overturned|reconsidered|re-?reviewed|reassessed|re-?evaluated|reopened|escalated|appealed)\b",
    r"\bi(?:'ve| have) (?:more than |surely |certainly )?earned (?:a|an|the|some|my)\b|\b(?:earned|deserve|am owed|"
    r"i'?m owed|entitled to) (?:a |an |some |the )?(?:proper|real|straight|honest|actual|decent|genuine|clear|"
    r"full|direct) (?:answer|reply|response|explanation|reason|feedback)\b",
    r"\byou(?:'ll| will)? (?:need|have|must|ought|are going|'re going|'d better|had better|better) (?:to )?"
    r"(?:explain|tell|give|reply|respond|answer|justify|reconsider|call|provide|send|apologi[sz]e|fix|do better|"
    r"show|come up with|try harder)\b",
    r"\btell me (?:honestly|straight|the truth|frankly|directly|plainly)\b|\bbe honest (?:with me|and tell)\b",
    r"(?:^|(?<=[.!?] )|(?<=\n))(?:please |now |just )?(?:send|give|tell|show|forward|provide|explain|justify|share|"
    r"reopen|reverse|reconsider|hand)(?: (?:over|across|me|us))?,?(?: (?:in detail|exactly|precisely|clearly|"
    r"properly|now),?)? (?:me )?(?:the|your|what|why|how|who|exactly)\b(?=[^.!?\n]{0,80}?\b(?:rubric|scores?|"
    r"scoring|notes|criteria|reason|why|decision|rejection|feedback|what i|where i|who|names|wrong|fell short|"
    r"not (?:good|strong)|application|role|explanation|justification)\b)",
    r"\b(?:or (?:at least|else) (?:tell|explain|give|send|justify))\b",
    r"\b(?:explanation|reason|justification|answer|reply|response|breakdown)\b[^.!?\n]{0,80}[.!?]?\s*(?:by|before|"
    r"within) (?:the end of |end of |close of )?(?:eod|cob|\d+|monday|tuesday|wednesday|thursday|friday|tomorrow|"
    r"tonight|next week|this week|the week|today|close of business)\b",
)

_PASSIVE_MORE = _compile(
    r"\b(?:circling|circle|following|follow|checking|check|bumping|bump|chasing|chase|pinging|ping|nudging|nudge|"
    r"reaching|reach|writing|e-?mailing|reminding|asking) (?:back |up |in |out )?(?:\w+ ){0,2}?(?:yet again|once "
    r"again|once more|one more time|again and again|again!)",
    r"\b(?:like|as with|same as|unlike) (?:my|the) (?:last|previous|other|earlier|first) (?:\w+ )?(?:e-?mails?|"
    r"messages?|notes?|follow-?ups?|attempts?|applications?|calls?|voicemails?)\b|\bmy (?:last|previous) "
    r"(?:two|three|four|five|six|several|\d+) (?:e-?mails?|messages?|follow-?ups?|calls?|voicemails?)\b",
    r"\b(?:hoping|hope|maybe|perhaps|fingers crossed|let'?s see if) (?:that )?(?:this one|this time|this e-?mail|"
    r"this message|this follow-?up) (?:gets|will get|might get|receives?|will receive|actually gets|is read|"
    r"gets read|gets through|lands)\b",
    r"\b(?:it'?s|it has|it is) now (?:been )?(?:over |more than |nearly |almost |well over )?(?:\w+ )?(?:weeks|months|"
    r"a month|days)\b|\bnot to be (?:a pain|difficult|rude|pushy|that person|annoying|funny|petty)\b",
    r"\b(?:take|assume|read|interpret|treat|understand|count|going to assume|i'?ll assume) (?:your |the |this |that "
    r"|continued |ongoing )?(?:lack of (?:a )?(?:reply|response|answer|communication|word)|non-?response|"
    r"no reply|no response|non-?reply) (?:as|means|to mean|is)\b",
    r"(?:^|(?<=[.!?] )|(?<=\n))respectfully,",
    r"\b(?:busy)[.!,]+\s+(?:so am i|me too|we all are|so is everyone|aren'?t we all)\b",
)

_CORRECT_MORE = _compile(
    r"[\"'][^\"'\n]{1,40}[\"'],? not [\"'][^\"'\n]{1,40}[\"']",
    r"\bmy (?:first |last |sur|family |full )?name (?:is|'s) (?:spelled |spelt |actually )?\w+,? not \w+\b",
    r"\b(?:look up|google|check|learn|find out|read up on) (?:what|how) [\"']",
    r"\[\s*(?:candidate|first|last|full|applicant|insert|your)[ _]?(?:name|first name|role|company)?\s*\]|"
    r"\{\{\s*\w+\s*\}\}",
    r"\b(?:having|get|have|ask|hire|pay) (?:someone|somebody|a person|a human|an adult) (?:to )?(?:check|read|look "
    r"over|proofread|review|edit|glance at|sanity-?check) (?:these|your|the|their|this|those) (?:\w+ )?(?:e-?mails?|"
    r"messages?|letters?|ads?|posts?|postings?|job (?:ads?|specs?|descriptions?)|templates?|rejections?|copy)\b",
    r"\b(?:counted|spotted|noticed|found|there (?:were|are)) (?:\w+ ){0,2}?(?:\w+ )?(?P<hit>mistakes|errors|typos)\b",
)

_THREAT_MORE = _compile(
    r"\b(?:other candidates|candidates|applicants|people|everyone|others|job ?seekers|future applicants|the "
    r"public|my (?:network|followers|friends|peers|community)) (?:deserve|need|ought|should|have a right|must) "
    r"(?:to )?(?:know|be warned|hear|a heads-? ?up|a warning|the truth|to know)\b",
    r"\b(?:will|'ll|would|are going to|gonna|is going to) (?:\w+ )?(?:enjoy|love|like|be (?:very |really )?"
    r"interested in|appreciate|be fascinated by) (?:hearing|reading|learning|seeing|finding out) (?:all )?"
    r"(?:about )?(?:this|how|what|all|the way)\b",
    r"\b(?:writing|drafting|posting|recording|making|filming|publishing|preparing) (?:a|an|my) (?:\w+ )?(?:thread|"
    r"post|article|blog(?: post)?|video|review|piece|story|tiktok|reel|newsletter|exposé|expose) (?:about|on) (?:my|"
    r"this|the|your|how)\b|\byou (?:feature|are featured|appear|get a mention) (?:heavily|prominently|a lot)\b",
    r"\br/\w+|\blet (?:the )?(?:\S+ )?(?:crowd|internet|people|public|world|readers|followers|community|jury|"
    r"comments) (?:decide|judge|be the judge)\b",
    r"\b(?:sent|forwarded|passed|shared|cc'?d|copied|escalated|reported|taken|taking|sending|forwarding|passing|"
    r"report(?:ing)?) (?:\w+ ){0,8}?to (?:my|a|the|your) (?:\w+ )?(?:union|rep|representative|lawyer|solicitor|"
    r"attorney|journalist|reporter|press|ombudsman|regulator|tribunal|board|mp|congressman|senator|labou?r "
    r"board|acas|eeoc|watchdog|trading standards|ico|data protection)\b",
)

_NEEDY_MORE = _compile(
    r"\b(?:do|give|try|sacrifice|risk) (?:literally |absolutely |just |pretty much )?(?:anything|everything|whatever "
    r"it takes)\b(?: (?:to|for))?",
    r"\b(?:below|under|beneath|less than) (?:the |your |market )?(?:range|band|market rate|advertised|posted|going "
    r"rate|budget|minimum)\b|\bflexible on (?:pay|salary|rate|compensation|everything|title|level|money)\b|"
    r"\bflexible on everything\b",
    r"\beven (?:an? |as an? )?(?:\w+ )?(?:internship|intern|junior|entry|trainee|apprentice|temp|part-?time|"
    r"contract|volunteer|unpaid|assistant)\b|\bi'?m not (?:proud|too proud|above)\b",
    r"\beven (?:a|the) (?:tiny|small|slight|slim|little|remote|outside) (?:chance|possibility|opening|hope)\b|"
    r"\bany chance at all\b|\bi'?ll make it work\b",
    r"\b(?:would|will|could) (?:completely |truly |really )?(?:change|transform|save) (?:our|my|my family'?s|"
    r"our family'?s) li(?:fe|ves)\b|\bsingle (?:parent|mum|mom|dad|father|mother)\b",
    r"\b(?:just |please,? )?one (?:more|last) (?:interview|round|chance|try|shot|go|call|look|conversation|"
    r"opportunity)\b",
    r"\b(?:relocate|move|travel|fly|commute) at my own (?:expense|cost)\b|\bwhatever (?:helps|works for you|suits|"
    r"you prefer|you need|you want)\b",
    r"\b(?:starting to |i'?m |i am )?(?:panic|panicking|freaking out|losing hope|at my wits'? end|losing my mind)\b|"
    r"\bhaven'?t had (?:a single|one|any) (?:offer|interview|yes|call)\b",
    r"\b(?:work|do|come in|help out|start|intern|volunteer)(?: \w+){0,4}? (?:unpaid|for free|for nothing|without "
    r"pay|free of charge|on a voluntary basis)\b",
    r"\b(?:literally|absolutely|just|pretty much|basically|simply) any (?:role|position|job|opening|team|level|title|"
    r"contract|offer|work|thing)\b|\bneed (?:to get )?back (?:into|to|in) (?:work|employment|the workforce)\b",
    r"\b(?:really,? )+really want (?:this|it|the (?:job|role|position))\b|\b(?:i know|sorry,?) i'?m (?:being )?"
    r"(?:a nuisance|a pain|annoying|a bother|pushy|too much)\b",
    r"\bany (?:role|position|job|opening|team|level|title|contract)s? (?:\w+ ){0,4}?(?:would|will) do\b|"
    r"\b(?:doesn'?t|does not|needn'?t) have to be (?:this|that|the same) (?:role|job|position|level|team)\b",
    r"\b(?:savings|money|benefits|unemployment|severance|visa|lease|funds) (?:\w+ )?(?:runs? out|ran out|running "
    r"out|end|ends|expires?)\b|\bopen to (?:literally |absolutely |pretty much |just )?(?:anything|any (?:role|"
    r"offer|position|job))\b",
    r"\bjust (?:a|one) (?:chance|shot|try|opportunity)\b|\bnot asking for much\b",
    r"\bplease,? (?:please,? )?(?:don'?t|do not) (?!hesitate|worry|feel|rush|bother to reply|trouble)\w+",
    r"\bmy (?:last|only|final) (?:hope|chance|option|lifeline)\b",
    r"\bso sorry to keep (?:e-?mailing|writing|bothering|chasing|messaging)\b|\bdesperate\b",
)


_WARM_AFTER = re.compile(r"[,;]\s*(?:and )?(?:it|that|this|which|they|i) (?:was|is|were|really|truly|)\s*(?:really |"
    r"so |"
                         r"very |a lot of |such )?(?:fun|enjoyed|loved|great|helpful|useful|brilliant|interesting|"
                         r"inspiring|clever|thoughtful|lovely|excellent|fantastic|wonderful|smart|insightful)\b")
_MOCK_AFTER = re.compile(r"[,.!]*\s*(?:lol|lmao|haha|ha|hah|right|sure|apparently|smh|yeah right|sure thing)\b")


def _names_a_title(text: str, start: int) -> bool:
    """A quoted phrase at ``start`` names a title or a topic ("asked about the "two-pizza teams""), or is
    followed in its sentence by a warm word ("the "stretch goal" in the take-home, it was fun")."""
    if text[start:start + 1] not in "\"'":
        return False
    close = text.find(text[start], start + 1)
    if close > 0 and _MOCK_AFTER.match(text, close + 1):
        return False
    if close > 0:
        _, se = _sentence_of(text, close + 1)
        if _WARM_AFTER.search(text, close + 1, se) and not _NEG_SIT.search(text, close + 1, se):
            return True
    before = re.sub(r"\b(?:the|your|this|that|their|our|its|his|her|such a|a|an|so-called|so the|all the|these|"
                    r"those)\s*$", "", text[max(0, start - 40):start])
    return _TITLE_BEFORE.search(before) is not None


_THANKS_FOR = re.compile(r"\s*(?:thanks?|thank you|thx|cheers)(?: so much| very much| a lot| again)? for\b")


def _scare_general(text: str) -> Iterator[tuple[int, int]]:
    """A scare-quoted phrase used as the noun itself, unless it names a title or a topic ("a talk on…")."""
    for s, e in _spans(_SARCASM_GENERAL[:1], text):
        if _names_a_title(text, s):
            continue
        ss, se = _sentence_of(text, s)
        lead = _THANKS_FOR.match(text, ss)  # "Thanks for the "learning experience"": the thanks is the sarcasm
        ks = lead.end() if lead is not None and lead.end() <= s else ss
        if (_KIND.search(text, ks, se) or _POSITIVE.search(text, ks, se)) and not _NEG_SIT.search(text, ss, se):
            continue
        yield s, e


_HOSTILE_CAPS = frozenset("AGAIN STILL NEVER ALREADY TWICE THIRD FOURTH FIFTH EVER NOBODY NOTHING ZERO EVEN "
                          "ACTUALLY WEEKS MONTHS ONCE STOP TODAY NOW ANYONE ANYBODY COMPLETELY ABSOLUTELY TOTALLY "
                          "SERIOUSLY LITERALLY SINGLE HOW WHY WHAT WHO EARTH HELL".split())


# ---------------------------------------------------------------------------- a wider lexicon
# Words that judge, in every register (formal "discourteous", "perfunctory"; plain "lies", "no-shows"; slang
# "mid", "trash"). Strong ones count unless the writer says they are about themselves or negates them; the
# milder ones count when the sentence is about them.

_STRONG_MORE = _rx(
    r"\b(?:lies|liars?|lying to (?:me|us|candidates)|deceitful|deceit|deceptive|disingenuous|two-faced|"
    r"hypocri(?:sy|tical|tes?)|discourte(?:ous|sy)|perfunctory|contempt(?:uous)?|disdain(?:ful)?|scandalous|"
    r"inexcusable|unforgivable|"
    r"deplorable|despicable|reprehensible|egregious|unlawful|illegal|discriminat(?:ory|ion|ing)|"
    r"unethical|exploitative|predatory|gaslight(?:ing|ed)?|gaslit|horror stor(?:y|ies)|hellish|trainwreck|"
    r"train wreck|dumpster fire|clown show|circus|shambles|shambolic|farcical|a farce|a sham|a scam|scammers?|"
    r"slapdash|half-?assed|half-?arsed|incompetence|ineptitude|unprofessionalism|disrespect(?:ed|ing)? (?:me|"
    r"candidates|people|my time)|no-?shows?|dissatisfaction|dissatisfied with (?:the|your|how)|"
    r"(?:utterly|completely|totally|deeply|profoundly) (?:unacceptable|unprofessional|disappointing|inadequate|"
    r"insulting|disrespectful)|beyond (?:a joke|belief|unprofessional|rude|disappointing)|"
    r"(?:not|never) (?:even )?(?:once )?(?:bothered|cared|apologi[sz]ed)|"
    r"(?:fucking|effing|bloody|freaking|frigging) (?:joke|useless|ridiculous|clowns?|idiots?|pathetic|rude|"
    r"incompetent|waste|process|company|recruiters?|people)|mid af|trash (?:company|process|people|team)|"
    r"(?:a|what a|such a) (?:total |complete |absolute )?(?:joke|waste|embarrassment|disaster|mess|nightmare) "
    r"(?:of a |this |that )?(?:company|process|interview|team|place|experience|recruiter|organi[sz]ation))\b")
_MILD_MORE = _rx(
    r"\b(?:wrong|incorrect|inaccurate|misleading|bad|worse|poor|poorly|weak|lazy|careless|mess|messy|chaos|chaotic|"
    r"nightmare|inappropriate|inadequate|insufficient|unsatisfactory|substandard|unreasonable|unrealistic|"
    r"excessive|outdated|out of date|old-fashioned|archaic|generic|impersonal|cold|robotic|rushed|sloppy|"
    r"disorganised|disorganized|unorganised|unorganized|unprepared|unqualified|unfit|unsuitable|useless|"
    r"pointless|meaningless|empty|hollow|fake|phony|phoney|performative|tokenistic|lip service|box-?ticking|"
    r"mid|cringe|trash|garbage|awful|terrible|horrible|dreadful|lousy|crummy|rubbish|pants|naff|dodgy|shady|"
    r"sketchy|cheap|stingy|tight-?fisted|greedy|arrogant|smug|entitled|cocky|snobby|snooty|elitist|"
    r"uninterested|disinterested|bored|distracted|dismissive|condescending|patroni[sz]ing|belittling|"
    r"demeaning|degrading|humiliating|hostile|aggressive|confrontational|combative|intimidating|"
    r"unresponsive|uncommunicative|unreachable|unhelpful|unclear|vague|confusing|contradictory|inconsistent|"
    r"unreliable|flaky|late|tardy|afterthought|oversight|shouldn'?t be allowed|not fit to|"
    r"a disgrace|an embarrassment|embarrassing|shameful|sad|pitiful|laughable|a letdown|let ?down|"
    r"(?:more|less) interested in|(?:straight |right )?out of (?:the )?(?:19|20)\d\d|(?:stuck|living) in the "
    r"(?:past|dark ages|stone age|90s|80s)|dinosaurs?)\b")
_YOUR_OWN = _rx(
    r"\b(?:your|their) own (?:website|ad|advert|posting|job (?:ad|post|spec|description)|timelines?|words?|"
    r"promises?|policy|policies|rules|standards|values|deadline|process|email|letter|careers page|handbook|"
    r"guidelines|criteria|job description|brand|mission|motto)\b")


def _lexicon_more(text: str) -> Iterator[tuple[int, int]]:
    for m in _STRONG_MORE.finditer(text):
        if not _SELF_CLOSE.search(text, max(0, m.start() - 24), m.start()) and not _negated(text, m.start()):
            yield m.start(), m.end()
    for m in _MILD_MORE.finditer(text):
        s = m.start()
        if _about_them(text, s, m.end()) and not _negated(text, s) and not _warm_sentence(text, s):
            yield s, m.end()
    for m in _YOUR_OWN.finditer(text):
        if not _warm_sentence(text, m.start()):
            yield m.start(), m.end()


_SELF_CLOSE = re.compile(r"\b(?:i|i'?m|i was|i am|i'?ve been|my|myself|me|my own)\b[^.!?\n,;]{0,16}$")
_THANKS_BEFORE = re.compile(r"\b(?:thanks?|thank you|appreciate\w*|grateful)\b")
_POSITIVE = re.compile(r"\b(?:welcoming|kind|lovely|great|friendly|helpful|positive|wonderful|amazing|brilliant|"
                       r"good things|recommend\w*|supportive|thoughtful|smooth|fair|respectful|impressed|impressive|"
                       r"inspiring|excellent|fantastic|generous|warm|kindness|generosity|support|help|advice|"
                       r"welcome)\b")


def _warm_sentence(text: str, pos: int) -> bool:
    s, e = _sentence_of(text, pos)
    return _WARM.search(text, s, e) is not None or _KIND.search(text, s, e) is not None


_BLAME_MORE3 = _compile(
    r"\b(?:i'?ve|i have|i) (?:had|seen|got|received|experienced) (?:better|more professional|more respectful|warmer|"
    r"kinder|faster|clearer) (?:\w+ ){0,3}?(?:at|from|in|with|by)\b",
    r"\b(?:shouldn'?t|should not|should never) be (?:allowed|let|trusted|permitted) (?:near|to|around|anywhere|with)\b",
    r"\bwhoever (?:designed|wrote|came up with|approved|decided|runs|built|planned|set up|thought|is in charge of)\b"
    r"[^.!?\n]{0,60}?\b(?:never|clearly|obviously|should|needs? to|doesn'?t|does not|has no|had no|didn'?t|can'?t|"
    r"wasn'?t|isn'?t)\b",
    r"\b(?:just|only|nothing but|merely|mere) (?:words|buzzwords|slogans|marketing|a poster|posters|a slogan|pr|"
    r"talk|lip service|for show|words on a (?:wall|page|website|poster))\b",
    r"\b(?:had|already had|always had) (?:someone|somebody|a candidate|an internal candidate|a friend|a favourite|"
    r"a favorite) (?:else )?(?:in mind|lined up|picked|chosen)\b|\bfrom (?:day one|the start|the beginning|the "
    r"outset)\b(?=[^.!?\n]{0,40}\b(?:never|already|decided|in mind|no intention|wasn'?t|didn'?t)\b)|"
    r"\b(?:never|already|decided|in mind|no intention|wasn'?t|didn'?t)\b[^.!?\n]{0,40}\bfrom (?:day one|the start|"
    r"the beginning|the outset)\b",
    r"\b(?:bad|terrible|awful|poor|lousy|broken|rotten|toxic) (?:process|people|decision|management|leadership|"
    r"company|culture|team|recruiters?|hiring|communication|manners|faith|form)\b",
    r"\b(?:says|said) it all\b|\bspeaks volumes\b|\btells you (?:everything|all you need)\b",
    r"\b(?:was|is) (?:the|this) (?:role|job|position|opening|vacancy) (?:ever|even) (?:really |actually )?(?:open|"
    r"real|available)\b",
    r"\b(?:i'?m|i am|i was|i'?m honestly|i am honestly|i must say i'?m|i have to say i'?m) (?:\w+ )?(?:a bit |"
    r"rather |quite |frankly |honestly |genuinely )?(?:shocked|stunned|appalled|baffled|bewildered|taken aback|"
    r"dismayed|astonished|gobsmacked|flabbergasted|disgusted|horrified|incensed) (?:that|by|at|how|to)\b",
    r"\b(?:makes|made|making) me wonder (?:what|why|if|whether|how)\b|\bleaves me wondering\b",
    r"\b(?:i (?:wish to|want to|write to|am writing to|must) )?(?:register|express|lodge|record|voice) (?:my|our) "
    r"(?:\w+ )?(?:dissatisfaction|displeasure|disappointment|anger|frustration|complaint|objection)\b",
    r"\b(?:so|okay so|ok so|wait so|so basically) (?:you'?re|you are|ur|u r|u'?re|u are) (?:\w+ )?(?:telling|saying) "
    r"me\b",
    r"\b(?:this|that|it) (?:was|is) (?:wildly |deeply |totally |completely |clearly )?(?:inappropriate|illegal|"
    r"unlawful|discriminatory)\b",
)
_SARCASM_MORE3 = _compile(
    r"\bso (?:that'?s|this is|that is) what [\"']?[^.!?\n]{0,60}?[\"']? (?:means|meant|looks like|amounts to)\b",
    r"\b(?:i'?ve got|i have|i'?ve|got) nothing (?:else )?(?:better )?(?:going on|to do)\b|\bit'?s not like i "
    r"(?:have|had) (?:anything|a life|other)\b|\bnot like i (?:have|had) (?:anything|other|a life)\b",
    r"\b(?:sure|fine|okay|ok|go ahead),? take (?:another|your time|as long|all the time|a few more|another few)\b",
    r"\bnothing (?:quite )?like (?:being|getting|finding out|hearing|reading|a good|a nice)\b",
    r"\b(?:ten|10|five|5|zero|0|one|1) (?:out of|/) ?(?:ten|10|five|5)\b[,.!]*\s*(?:would|will|not|never)\b|"
    r"\bwould (?:(?:not |never )?(?:get|be) ghosted|(?:not |never )(?:apply|recommend|interview|do it)) again\b",
    r"\b(?:thanks?|thank you|thx|ty|cheers)(?: \w+){0,5}? i guess\b",
    r"\bwould(?:'ve| have| of) been (?:nice|good|great|helpful|courteous|polite|decent|lovely)\b",
    r"(?:^|(?<=[.!?] ))(?:so am i|me too|same here|likewise|so do i|we all are|aren'?t we all)\s*[.!]",
    r"\bi'?m sure it was (?:just )?(?:an oversight|a mistake|an accident|unintentional|a coincidence|a glitch|"
    r"an honest mistake)\b",
    r"\b(?:i'?m|i am) (?:so |quite |very )?used to (?:being|getting|it by now) (?:\w+ )?(?:ignored|an afterthought|"
    r"ghosted|overlooked|forgotten|passed over|rejected|strung along|treated)\b|\bused to being an afterthought\b",
    r"\b(?:not sure|unsure) how else to (?:say|put|explain|phrase) (?:this|it)\b|\b(?:i'?ll|let me) (?:keep it|put it|"
    r"make it|spell it out) (?:simple|simply|plainly|clearly|in plain english|slowly|for you)\b|\bin plain english\b",
    r"(?P<hit>\"(?:prompt|quick|fast|speedy|swift|detailed|thorough|helpful|personal|personali[sz]ed|rigorous|"
    r"careful|thoughtful|kind|warm|friendly|fair|transparent|honest|open|supportive|inclusive|flexible|"
    r"competitive|generous|exciting|amazing|great|valuable|constructive|professional|efficient|seamless|smooth|"
    r"streamlined|simple|easy|brief|short|informal|casual|quick chat|candidate-?first|people-?first|human|"
    r"caring|respectful|timely|clear|comprehensive|robust|innovative|world-?class|best-?in-?class|fast-?paced|"
    r"dynamic|agile|collaborative|flat|family)\")(?=\s+[a-z])",
)
_PASSIVE_MORE3 = _compile(
    r"\bas (?:previously|already|repeatedly|clearly|explicitly) (?:requested|asked|agreed|promised|discussed|"
    r"pointed out|flagged|noted)\b|\(\s*(?:twice|again|three times|for the \w+ time|yet again)\s*\)",
    r"\b(?:isn'?t|is not|wasn'?t|was not|aren'?t|are not) (?:a |your |their |the )?(?:high |top |real )?"
    r"(?:priority|concern|strong suit|forte|strength)\b",
    r"\b(?:friendly |gentle |polite |another |final )?(?:nudge|reminder|follow-?up|chase|ping|bump) (?:#|no\.? ?|"
    r"number )\d+\b",
    r"(?:^|(?<=[.!?] )|(?<=\n))(?:again|yet again|once again|still waiting|still nothing|crickets|nothing)\s*[.!?]+",
    r"\b(?:which|that) i (?:assume|guess|suppose|imagine|take it) (?:went|was|got|has gone) (?:unread|ignored|"
    r"unanswered|lost|missed|deleted|binned)\b|\bwent unread\b|\bunanswered\b",
    r"\bi'?d ask that you\b|\b(?:honou?r|stick to|respect|keep to|follow) your own\b",
    r"\b(?:i was told|you told me|you said|you promised|we were told|i was promised) (?:\w+ ){0,8}?(?:\d+|one|two|"
    r"three|four|five|six|seven|ten|a few) (?:days|weeks|business days|working days)\b[^\n]{0,30}?(?:it'?s been|it "
    r"has been|that was|now)\b",
)
_DEMAND_MORE3 = _compile(
    r"\b(?:requesting|request|requested|asking for|ask for|submit(?:ting)?|mak(?:e|ing)) (?:a |an |all |the |my )?"
    r"(?:(?:subject )?access request|data (?:subject )?access|(?:all )?(?:the )?(?:personal )?data (?:you|"
    r"your company) (?:hold|have|keep|store))\b|\bunder (?:gdpr|the gdpr|the data protection act|ccpa|foi)\b|"
    r"\bdata you hold on me\b",
    r"\bgive me (?:one |a )?(?:good |single |valid |real |proper )?reason\b",
    r"\b(?:i'?m|i am) (?:asking|telling) you (?:directly|plainly|again|straight|once more)\b|\banswer the question\b",
    r"\bwhy (?:was|were|has|have|did) (?:the|my|this|that) (?:offer|application|interview|role|position|decision|"
    r"process|start date|salary) (?:\w+ )?(?:withdrawn|cancelled|canceled|rescinded|pulled|changed|closed|"
    r"reversed|lowered|moved|delayed|put on hold)\b",
    r"\b(?:forward|escalate|pass|send|take) (?:my |this |the )?(?:complaint|concerns?|grievance|case|issue|e-?mail|"
    r"message|this) (?:\w+ ){0,3}?to (?:your|the) (?:head|director|vp|manager|boss|ceo|founder|superior|line "
    r"manager|supervisor|chief)\b|\bconfirm when you have\b",
    r"\bi insist on\b|\bi must insist\b",
    r"\b(?:i'?d|i would|one would|you'?d|you would) (?:have )?expect(?:ed)? (?:a company|an organi[sz]ation|a firm|a "
    r"business|a team|someone|people|professionals|a recruiter|better|more) (?:of your|like yours|to (?:be able|know|"
    r"reply|respond|have|at least))\b",
    r"\b(?:formally |officially )?appeal(?:ing|ed|s)? (?:against )?(?:this|the|your|that) (?:decision|rejection|"
    r"outcome|verdict|result)\b",
    r"\b(?:or|otherwise) (?:i'?ll|i will|i shall|i'?m going to|i am going to) (?:escalate|take (?:this|it|further)|"
    r"report|complain|contact|involve|go (?:to|above|over))\b",
)
_CORRECT_MORE3 = _compile(
    r"\bproof-?read(?:s|ing|er|ers)?\b(?=[^.!?\n]{0,60}\b(?:your|their|the)\b)",
    r"\b(?:got|gotten|spelled|spelt|used|wrote|typed|keep getting|keeps getting|misgender(?:ed|ing)?) (?:my|the) "
    r"(?:pronouns|name|surname|title|gender|company name|details) (?:\w+ )?(?:wrong|incorrectly)\b|"
    r"\bmisgender(?:ed|ing)\b",
    r"\b(?:is|was|are) (?:spelled|spelt|written|capitali[sz]ed) (?:differently|wrong|incorrectly)\b",
    r"\b(?:wrong answer|incorrect answer|answer key|marked as correct|marked (?:it |me )?wrong|marking scheme) "
    r"(?:\w+ ){0,6}?(?:which|that|so) (?:might|may|would|could) explain\b|\bmarked as correct\b",
    r"\b(?:recommend|suggest|try|consider|look into|invest in) (?:using )?(?:grammarly|a spell-?checker|"
    r"spell-?check|a proofreader|an editor|a dictionary|a style guide)\b",
    r"[\"'][^\"'\n]{0,40}\b(?:you'?re|your|there|their|they'?re|it'?s|its|to|too|then|than|could of|would of|"
    r"should of|loose|lose|affect|effect)\b[^\"'\n]{0,40}[\"']\s*[.,]\s*(?:says it all|speaks volumes|enough said|"
    r"says a lot|lol|sigh|yikes|oof|wow)\b",
)
_THREAT_MORE3 = _compile(
    r"\b(?:expect|look out for|watch out for|keep an eye out for|you'?ll see|you will see|wait (?:for|till you see)) "
    r"(?:to see )?(?:this|it|your name|my post|a post|a review|a thread|a video) (?:\w+ )?(?:on|in|all over) "
    r"(?:\w+ )?(?:blind|glassdoor|reddit|linkedin|twitter|x|tiktok|youtube|instagram|facebook|threads|"
    r"bluesky|mastodon|substack|medium|hacker ?news|the internet|social media|my \w+)\b",
    r"\b(?:don'?t|do not) be surprised (?:if|when)(?= (?:you|people|everyone|your)\b)",
    r"\b(?:this|it|that|all of this|the whole thing|our exchange|your e-?mail|your reply) (?:is|'s) (?:going|headed|"
    r"heading) (?:straight |right |directly )?(?:onto|on|to|into|in) (?:my|the) (?:\w+ )?(?:channel|blog|"
    r"newsletter|podcast|page|feed|stories|story|substack|tiktok|youtube|instagram|twitter|linkedin|thread|"
    r"post|video|account)\b",
    r"\b(?:thousands|hundreds|millions|\d+[,.]?\d*k?) (?:of )?(?:people )?(?:follow|read|watch|subscribe to|listen "
    r"to) (?:me|my)\b",
    r"\b(?:asked|asking|been asking|wondering|want to know) (?:me )?about (?:you|your company|your team|your "
    r"process|working (?:for|with) you)\b[^\n]{0,80}?\b(?:i'?ll|i will|i'?m going to) (?:be )?(?:honest|tell|"
    r"share|let them know|warn)\b",
    r"\b(?:reviews?|ratings?|glassdoor|blind|my (?:platform|audience|following|network))\b[^.!?\n]{0,40}?\b(?:i'?ll|i "
    r"will|i'?m going to) (?:be )?(?:using|use|make use of|put to use)\b",
    r"\b(?:kept|keeping|have|saved|saving) (?:records|a record|copies|receipts|evidence|screenshots|a log) of "
    r"(?:every|all|each|everything)\b|\bnot afraid to use (?:them|it|this|those)\b",
    r"\b(?:names included|naming names|with names|i'?ll name|name and shame|names and all)\b",
)
_NEEDY_MORE3 = _compile(
    r"\btrial (?:salary|period pay|rate|wage|basis)\b|\bon (?:a )?probation(?:ary)? (?:salary|pay|rate)\b",
    r"\bif (?:that'?s|that is) what it (?:takes|took|would take)\b|\bwhatever it (?:takes|took)\b",
    r"\banything (?:you (?:have|'ve got|can offer|can find|could offer|might have))\b|\b(?:i'?ll|i will) take "
    r"(?:it|anything|whatever)\b",
    r"\bi know i'?m not (?:\w+ ){0,3}?(?:what you|the (?:best|strongest|ideal|perfect|most)|perfect|qualified|"
    r"experienced enough|a perfect fit)\b|\b(?:i'?ll|i will|i can) learn (?:fast|quickly|anything|on the job)\b",
    r"\bbehind on (?:my )?(?:rent|bills|mortgage|payments|the rent)\b|\breally need (?:something|anything|a yes|"
    r"work|a job|this)\b",
    r"\bjust enough to (?:get by|survive|pay (?:the )?(?:rent|bills)|live on|cover)\b|\b(?:don'?t|do not) need the "
    r"full (?:salary|pay|rate|amount|package)\b",
    r"\b(?:start|begin) (?:work )?(?:immediately|today|tonight|this afternoon|this evening|right now|right away|"
    r"within the hour|on monday|tomorrow|asap)\b",
    r"\b(?:squeeze|fit|slot|sneak) me in\b|\bfind room for me\b|\bany way at all\b",
    r"\b(?:last|final) (?:bit|few pounds|few dollars|pennies) of (?:my )?(?:savings|money)\b|\bany help would "
    r"(?:mean|be)\b|\blifesaver\b|\blifeline\b",
    r"\beven (?:a |an )?[\w-]+ (?:contract|role|job|position|gig|placement|internship|temp job)\b",
    r"\b(?:drop|go down|step down|move down|downgrade) to (?:a )?(?:part-?time|lower|junior|less|entry|minimum|"
    r"half|intern)\b",
    r"\btake a (?:chance|punt|gamble|risk) on me\b|\byou won'?t regret it\b",
)


# ---------------------------------------------------------------------------- more structure (round 4)

_BLAME_MORE4 = _compile(
    r"\b(?:someone|somebody|a person|anyone|people|a human) who (?:actually |can |could )?(?:speaks?|reads?|writes?|"
    r"knows?|understands?) (?:english|grammar|the language|basic english|how to spell|how to write|how to read)\b",
    r"\b(?:shouldn'?t|should not|has no business|have no business|are in no position to|is in no position to) "
    r"(?:be )?(?:judging|lecturing|criticising|criticizing|assessing|evaluating|grading|telling (?:anyone|people|"
    r"candidates|me))\b",
    r"\b(?:i'?ve|i have|i) (?:seen|met|had|attended|been to|sat through|known) (?:more|better|less) (?:organi[sz]ed|"
    r"professional|competent|coherent|structured|efficient|respectful|prepared|thoughtful|polished|run|"
    r"together) [\w'-]+\b",
    r"\b(?:didn'?t|doesn'?t|don'?t|did not|does not|do not|never) (?:even |seem to |appear to )?(?:have|had) "
    r"(?:a|the (?:slightest|faintest|foggiest|first|least)) (?:clue|idea)\b",
    r"\b(?:nobody|no one|no-one|none of (?:them|you|the \w+)|not one (?:of (?:them|you)|person))(?: \w+){0,4}? "
    r"(?:was|were|is|are|seemed|seems) (?:\w+ )?(?:qualified|competent|capable|prepared|listening|interested|"
    r"paying attention|able|fit)\b",
    r"\b(?:i'?ve )?(?:never )?(?:felt|feel|feeling|been made to feel|was made to feel|made me feel|make me feel|"
    r"left me feeling|leaves me feeling) (?:so |very |really |completely |utterly |incredibly |deeply |more )?"
    r"(?:disrespected|insulted|belittled|humiliated|ignored|dismissed|undervalued|patroni[sz]ed|demeaned|"
    r"unwelcome|used|exploited|cheated|lied to|mocked|ridiculed|gaslit|misled|deceived|betrayed|played|"
    r"disregarded|talked down to|looked down on|invisible|worthless|like (?:a number|dirt|an idiot|garbage|"
    r"nothing|a fool|a child|an afterthought|a nuisance))\b",
    r"\b(?:revolving door|sinking ship|house of cards|cult|shitshow|shit show|clown car|hot mess)\b|"
    r"\b(?:and )?everyone knows it\b",
    r"\bhow not to (?:run|treat|hire|interview|do|write|manage|communicate|lead|build|behave|recruit)\b",
    r"\b(?:someone|somebody|a candidate|a person|people|they|you) (?:with|who has|who had) (?:less|fewer|"
    r"far less|much less|half (?:my|the)|no) (?:experience|qualifications|skills|years|knowledge|expertise)\b",
    r"\b(?:can'?t|cannot|can not|still can'?t|couldn'?t) believe (?:you|u|they|your \w+|the \w+) (?:made|had|put|"
    r"asked|expected|wasted|strung|let|kept|left)\b|\b(?:smh|ffs|fml|wtaf|jfc|bruh|yikes|ugh|pfft|ffs)\b",
    r"\b(?:fall|fell|fallen|falls|falling) (?:\w+ )?short of (?:the |any |basic |reasonable |acceptable |"
    r"professional |minimum )?(?:standards?|expectations?|what (?:one|anyone|i|any candidate) (?:would|could|"
    r"should))\b|\bone would (?:expect|hope|think)\b",
    r"\b(?:decision|choice|call|minds?) (?:was|were|had been|had already been) (?:already )?(?:made|taken|"
    r"decided|set|made up) (?:up )?before (?:i|we) (?:even )?(?:walked|arrived|started|applied|got|came|"
    r"interviewed|sat down|joined|opened|said)\b|\b(?:made up (?:your|their) minds?|decided) before (?:i|we) "
    r"(?:even )?(?:walked|arrived|started|applied|got|came|interviewed|sat down|opened)\b",
    r"\b(?:i'?ll|i will|i'?m going to) remember (?:this|it|that|how you|what you)\b",
    r"\b(?:expected|deserved|would have liked|hoped for|was owed|merited|would have expected) (?:at least|at the very "
    r"least|the courtesy of|the decency of|the basic courtesy)\b",
)
_SARCASM_MORE4 = _compile(
    r"\b(?:outdid|outdone|outdo) (?:yourselves|yourself|themselves)\b",
    r"\b(?:treasure|cherish|frame|laminate|print out|keep) (?:it|this|that|your (?:\w+ )?(?:e-?mail|letter|"
    r"rejection|reply|message)|the (?:\w+ )?(?:e-?mail|letter|rejection|reply))\b[^.!?\n]{0,30}?\b(?:forever|"
    r"always|for ever|on my wall|for posterity)\b|\b(?:treasure|cherish) (?:your|the|this) (?:form|template|"
    r"automated|generic|one-line|two-line)\b",
    r"\bwhat an? (?:fantastic|great|brilliant|wonderful|good|excellent|productive|lovely|fine|marvell?ous) use of "
    r"(?:my|our|everyone'?s) (?:time|annual leave|leave|weekend|holiday|evening|day|afternoon|morning|savings|"
    r"energy|life)\b",
    r"\blov(?:ed|e|ing) the (?:part|bit|moment) (?:where|when)\b[^.!?\n]{0,60}?\b(?:didn'?t|did not|never|nobody|"
    r"no one|forgot|couldn'?t|wasn'?t|weren'?t|ignored|cancelled|canceled|left|laughed|yawned|checked)\b",
    r"\b(?:oh|ah|yay|great|wonderful|lovely|fantastic|brilliant|oh good|oh great|oh joy),? (?:good,? |great,? )?"
    r"another\b",
    r"\b(?:impressive|incredible|remarkable|astonishing|astounding|quite something|some achievement) how (?:you|your "
    r"\w+|they|the \w+) (?:managed|found|could|somehow)\b",
    r"\b(?:perfect|dream|magical|mythical|elusive) unicorn\b|\byour unicorn\b",
    r"(?:^|(?<=[.!?] ))how (?:original|creative|innovative|novel|refreshing|unexpected|surprising|fresh)\s*[.!?]",
    r"\b(?:that'?s|that was|this was|it was|was) a first\b|\bfirst time for everything\b",
    r"\b(?:being told|to be told|hearing|told) (?:that )?(?:i'?m|i am|i was|i'?d be) (?P<hit>\"[^\"\n]{2,40}\")",
    r"\bfor your convenience\b|\bi'?ve taken the liberty\b|\btook the liberty\b",
    r"\b(?:thanks?|thank you)(?: in advance)? for (?:actually|finally|eventually|at last)\b",
)
_DEMAND_MORE4 = _compile(
    r"(?:^|(?<=[.!?] )|(?<=\n))(?:now |just |please |kindly )?explain (?:to me )?(?:how|what|why|who)\b",
    r"\bi (?:want|need|expect|demand|require) (?:my [\w-]+(?: [\w-]+)? back|an? (?:assurance|guarantee|apology|refund|"
    r"written apology|undertaking)|compensation|payment for)\b",
    r"\b(?:put me through|connect me|transfer me|escalate me) (?:to|with) (?:your|the) (?:\w+ )?(?:manager|boss|"
    r"ceo|supervisor|head|director|founder|superior|hiring manager)\b",
    r"\bwhy (?:did|has|have|was|were|didn'?t) (?:nobody|no one|no-one|none of you|anyone|someone) (?:\w+ )?(?:tell|"
    r"told|inform|informed|let|call|called|reply|replied|bother|bothered|think|thought|update|updated|mention)\b",
)
_PASSIVE_MORE4 = _compile(
    r"\b(?:actually|finally|eventually|at last) (?:replying|responding|answering|reading|getting back|following up|"
    r"calling|showing up|remembering)\b[^.!?\n]{0,20}?\bthis time\b|\b(?:reply|replying|respond|responding|"
    r"answer|answering|read|reading|get back|getting back|call|calling|remember|remembering|show up)\b[^.!?\n]"
    r"{0,20}?\bthis time\s*[.!?]",
    r"\bfollow(?:ing)?[- ]up on my (?:last |previous |earlier |own )?(?:follow-?up|reminder|chaser|nudge|chase)\b",
    r"\b(?:haven'?t|have not|hasn'?t|has not|not|still haven'?t) (?:heard|had|received|got|gotten) (?:a thing|a word|"
    r"anything|a peep|a squeak|back|a reply|a response|a single word) (?:\w+ ){0,3}?(?:in|for|since|over) (?:a|an|"
    r"\w+) (?:month|months|weeks|week|fortnight|ages|forever)\b",
    r"\b(?:get|got|getting) (?:round|around) to (?:it|me|my \w+|replying|reading|answering)\b[^.!?\n]{0,20}?\b"
    r"(?:eventually|at some point|one day|someday)\b|\b(?:i'?m|i am) sure (?:someone|somebody|you|they) will "
    r"(?:\w+ ){0,4}?eventually\b",
    r"(?:^|(?<=[.!?] )|(?<=\n))(?:twice|three times|four times|every time|still|still nothing|again|yet again|"
    r"once again|as usual|as always|typical|classic)\s*[.!?]+",
)
_CORRECT_MORE4 = _compile(
    r"\b(?:apostrophes?|commas?|semicolons?|capital letters?|full stops?|punctuation|spelling|grammar)\b(?=[^.!?\n]"
    r"{0,60}\b(?:shouldn'?t|can'?t|cannot|couldn'?t|doesn'?t|don'?t|judg\w+|lecture|criticis\w+|critici\w+)\b)",
    r"[\"'][a-z']{2,20}[\"'] (?:doesn'?t|does not|never|shouldn'?t|should not|can'?t) (?:take|need|have|get|use|"
    r"require)s? (?:an? |any )?(?:apostrophe|hyphen|capital|comma|s|accent)\b",
    r"\b(?:corrected|proofread|edited|fixed|marked-?up|red-?lined) (?:version|copy|draft) of (?:your|the|this)\b|"
    r"\b(?:i'?ve|i have) (?:corrected|fixed|proofread|edited|marked up) (?:your|the) (?:\w+ )?(?:e-?mail|letter|"
    r"ad|posting|job description|spec|template)\b",
    r"\bsomeone else'?s name\b|\b(?:the|a) wrong name\b|\bcalled me \w+(?: \w+)? (?:instead|again|twice)\b",
)
_THREAT_MORE4 = _compile(
    r"\b(?:post(?:ed|ing)?|shar(?:e|ed|ing)|publish(?:ed|ing)?|tweet(?:ed|ing)?|put(?:ting)?|upload(?:ed|ing)?|"
    r"forward(?:ed|ing)?|leak(?:ed|ing)?|screenshot(?:ted|ting)?) (?:the |this |our |your |that )?(?:(?:whole |entire |"
    r"full )?(?:exchange|e-?mails?|thread|conversation|correspondence|rejection|messages?|letter|reply|response|"
    r"chat|interaction|screenshots?|dms?)|(?:whole|entire|full) (?:story|saga|details))\b",
    r"\b(?:let'?s|we'?ll|i'?ll|we will) see how (?:your|the|that|this) (?:\w+ ){0,2}?(?:holds up|survives|looks|"
    r"fares|copes|does)\b|\b(?:once|when|after) (?:people|everyone|the world|candidates|others|my followers|the "
    r"internet|the public) (?:read|see|hear|find out|learn)s? (?:about )?(?:this|it|what|how)\b",
    r"\b(?:shar(?:e|ed|ing)|forward(?:ed|ing)?|sen[dt](?:ing)?|post(?:ed|ing)?|show(?:ed|n|ing)?|circulat(?:e|ed|ing)) "
    r"(?:\w+ ){0,2}?(?:your|the|this|that|our) (?:\w+ )?(?:e-?mails?|rejection|letter|reply|response|message|"
    r"thread|exchange|feedback|offer) (?:\w+ ){0,2}?(?:with|to|on|in) (?:my|our|the) (?:\w+ )?(?:network|group|"
    r"community|followers|alumni|cohort|friends|colleagues|classmates|peers|channel|slack|discord|forum|"
    r"subreddit|chat|feed|page|newsletter|blog)\b",
    r"\b(?:hearing|hear|be hearing|be in touch|get in touch|be contacting|instruct(?:ing)?|involv(?:e|ing)|"
    r"refer(?:ring)? "
    r"this to|pass(?:ing)? this (?:on )?to|consult(?:ing|ed)?|spoken to|speaking to|talked to|talking to) (?:from |"
    r"with )?my (?:lawyers?|solicitors?|attorneys?|legal (?:team|counsel|representative|adviser|advisor)|"
    r"union(?: rep)?)\b",
    r"\b(?:ready|prepared|brace (?:yourselves|yourself)|get ready|wait|look out) for (?:the |my |some |a |your )?"
    r"(?:\w+ )?(?:reviews?|posts?|backlash|fallout|publicity|attention|comments|thread|video|expos[eé])\b",
    r"\b(?:will|'ll|gonna|going to) (?:get|hear|know) the (?:full|whole|real|true|unfiltered|honest) story\b|"
    r"\banyone who asks (?:me )?about (?:you|your)\b",
)
_NEEDY_MORE4 = _compile(
    r"\b(?:really |very )?(?:bad|tough|terrible|difficult|rough|dire|desperate) (?:way|place|spot|situation) "
    r"financially\b|\b(?:would|will|could) (?:really )?save (?:me|my life|us|my family)\b",
    r"\bplease,? tell me (?:there'?s|there is) (?:something|anything|a way|still)\b|\bback (?:in|into) (?:the "
    r"running|contention|consideration)\b",
    r"\b(?:depending|depends|relying|relies|counting|count) on me (?:getting|landing|to get|to land|finding)\b",
    r"\b(?:bend|break|stretch) the rules\b|\bpull (?:some )?strings\b",
    r"\b(?:start|begin|work) (?:at|from) the (?:very )?bottom\b|\bbottom rung\b|\bbottom of the (?:ladder|band|"
    r"range|scale)\b",
    r"\bwhatever (?:keeps|gets|lets) me (?:in|on|around|employed|a foot)\b",
    r"\b(?:is|isn'?t) there (?:really |truly |honestly |absolutely )?(?:nothing|anything) (?:at all )?(?:else )?"
    r"(?:you|that you) (?:can|could) (?:do|offer|suggest|find)\b",
)


# ---------------------------------------------------------------------------- more structure (round 5)

_BLAME_MORE5 = _compile(
    r"\bcontradict(?:s|ed|ing)? (?:itself|themselves|yourselves|yourself|each other)\b",
    r"\btalk(?:ed|ing|s)? about (?:himself|herself|themselves|yourself|yourselves)\b|\bpatted (?:himself|herself|"
    r"themselves) on the back\b",
    r"\b(?:faster|quicker|better|more professionally|more competently|more efficiently|more organi[sz]ed|better "
    r"run|more responsive|more respectful|kinder|more human) than (?:you|your (?:company|team|lot|recruiters?|"
    r"process|hr)|this (?:company|process|team))\b",
    r"\b(?:so |and )?this is how you (?:treat|handle|reward|thank|talk to|speak to|respond to)\b",
    r"\b(?:find|hire|get|end up with|settle for|pay for) (?:someone|somebody|a candidate|a person) (?:\w+ )?"
    r"(?:worse|less qualified|less experienced|inferior|cheaper and worse|half as good|less capable)\b",
    r"\b(?:you|they|your (?:company|team|firm|lot)|this company)(?: really| clearly| honestly)? (?:don'?t|do not|"
    r"didn'?t|did not|never) deserve (?:good|great|talented|decent|strong|loyal|me|people|candidates|anyone|"
    r"anybody|the candidates|applicants)\b",
    r"\bwast(?:e|ed|ing|es) (?:\w+ ){0,2}?(?:people'?s|everyone'?s|everybody'?s|candidates'?|applicants'?|their|"
    r"your own|our) (?:\w+ )?(?:time|weekends?|evenings?|effort|energy|lives)\b",
    r"\b(?:managed|manage) to make me (?:regret|hate|dread|doubt|feel)\b|\bmade me regret (?:applying|ever|"
    r"wasting|spending|interviewing)\b",
    r"\bput (?:everyone|me|us|candidates|people|applicants|the candidates) through\b",
    r"[\"']?(?:personality|looks|connections|nepotism|cost|price|age|youth|who you know|box-?ticking|buzzwords|"
    r"vibes|culture fit|charisma|confidence|fit)[\"']? over (?:skill|skills|talent|experience|merit|competence|"
    r"ability|qualifications|substance|quality)\b",
    r"\b(?:next time|in future|in the future|going forward),? (?:\w+ ){0,2}?(?:try|please|maybe|perhaps|consider|"
    r"remember)(?: to)? (?:\w+ing|read|look|check|reply|respond|tell|be|actually|bother|hire)\b",
    r"\b(?:nobody|no one|no-one|not one (?:of (?:you|them)|person)|none of (?:you|them)|not a single (?:person|one "
    r"of you))(?: \w+){0,2}? (?:had|has|have|even|actually|ever|properly|bothered to|could be bothered to)\b[^.!?\n]"
    r"{0,20}?\b(?:read|looked at|opened|checked|reviewed|seen|listened to|watched|prepared)\b",
    r"\bimagine (?:rejecting|ghosting|ignoring|treating|cancelling|canceling|dropping|binning|firing|hiring|"
    r"making) (?:someone|somebody|a candidate|people|me|anyone|candidates)\b",
)
_SARCASM_MORE5 = _compile(
    r"\b(?:takes|took|it takes|it took) (?:real |some |a special kind of |genuine |serious |true )?(?:talent|skill|"
    r"effort|work|genius|dedication) to (?:make|turn|mess|screw|lose|ghost|botch|ruin|waste)\b",
    r"\b(?:masterclass|lesson|crash course|tutorial|clinic|case study|seminar|workshop|"
    r"how-?to) in (?:how (?:not )?to )?"
    r"(?:wasting|ghosting|ignoring|disrespecting|stringing|losing|botching|mishandling|running|treating|"
    r"bad|poor|terrible|disorgani[sz]ation|incompetence|rudeness|unprofessionalism|chaos)\b",
    r"\b(?:lovely|nice|great|wonderful|fun|delightful|fantastic|brilliant|awesome|perfect) to be (?:ghosted|ignored|"
    r"rejected|left|kept|strung|dropped|binned|dumped|forgotten|lied|messed)\b",
    r"\blove that for me\b|\bliving the dream\b",
    r"\b(?:well,? )?(?:that was|what|such) (?:a |an )?(?:really |truly |very )?(?:productive|great|fantastic|"
    r"brilliant|wonderful|good|excellent|fine|lovely|efficient|worthwhile) use of (?:my |our |everyone'?s )?(?:\w+ )?"
    r"(?:time|months?|weeks?|days?|weekends?|annual leave|leave|holiday|evenings?|life)\b",
    r"(?:^|(?<=[.!?] )|(?<=\n))(?:eventually|finally|at last|at long last|took (?:you|them) long enough|about "
    r"time|better late than never)\s*[.!?]+",
    r"[.?!]\s*(?:great|cool|nice|lovely|perfect|brilliant|fantastic|awesome|wonderful|amazing)\s*[.!]*\s*$",
)
_DEMAND_MORE5 = _compile(
    r"\b(?:kindly |please |just |now )?justify (?:why|how|what|the|your|this|that)\b",
    r"\byou have (?:\d+|twenty-?four|forty-?eight|seventy-?two|one|two|three|five|seven|ten|\w+) (?:hours|days|"
    r"working days|business days|weeks) (?:to|before|or)\b",
    r"(?:^|(?<=[.!?] )|(?<=\n))(?:answer|reply to|respond to|call|get back to|talk to|email) me\s*[.!]",
    r"\bi(?:'ll| will) (?:need|be needing|require|expect) (?:the|your|all|a copy of|copies of|my)\b",
)
_PASSIVE_MORE5 = _compile(
    r"(?:^|(?<=[.!?] )|(?<=\n))still waiting\b|\bas i have been (?:since|for)\b",
    r"\bmy (?:\w+ )?(?:e-?mails?|messages?|applications?|notes?|follow-?ups?) (?:are|is|were|was|have been|has been) "
    r"(?:\w+ ){0,2}?(?:unread|unanswered|ignored|lost|sitting|gathering dust|in (?:a|the|your) (?:void|black hole|"
    r"spam|bin))\b",
    r"\bunlike my (?:last|previous|other|earlier|first) (?:\w+)\b",
    r"\b(?:nobody|no one|no-one)(?:'s| is)? (?:\w+ )?(?:gonna|going to|planning to|ever going to|about to) (?:reply|"
    r"respond|answer|bother|get back|call|write)\b",
    r"\b(?:shame|pity|sad|a shame|a pity|unfortunate|disappointing) (?:that )?it took\b",
    r"\b(?:hope|hoping) (?:this|it) (?:e-?mail |message )?finds you\b[^\n]{0,6}\b(?:unlike|this time|at last)\b",
)
_CORRECT_MORE5 = _compile(
    r"\b(?:(?:double-?|re-?)?check|get|spell) (?:the )?(?:spelling of )?my (?:name|surname|first name)\b(?=[^.!?\n]"
    r"{0,60}\b(?:before|next|this time|right|correctly|properly|again)\b)|\bspelling of my (?:name|surname)\b",
    r"[\"'][^\"'\n]{1,30}[\"'] (?:isn'?t|is not|ain'?t) how (?:you|to|one) (?:spell|write|say)\b|\bpro tip\b",
)
_THREAT_MORE5 = _compile(
    r"\b(?:when|whenever|if|anytime) (?:people|anyone|someone|friends|others|candidates|my friends|folks) (?:\w+ )?"
    r"ask(?:s)? (?:me )?(?:about (?:you|your|this)|what it'?s like|how it (?:was|went)|whether)\b",
    r"\b(?:this|it|the (?:whole )?(?:interview|call|thread|exchange|conversation|e-?mail|rejection|recording)|your "
    r"\w+) (?:is|are|'s|was|were|will be|goes|went) (?:already |now |going )?(?:up )?(?:on|in|onto) my (?:\w+ )?"
    r"(?:tiktok|youtube|blog|channel|feed|page|newsletter|podcast|instagram|twitter|x|linkedin|substack|story|"
    r"stories|account|profile)\b",
    r"\b(?:forward|send|leak|pass|give|show|tip off)\w* (?:this|it|everything|the \w+|all of this) to (?:techcrunch|"
    r"the verge|wired|the bbc|bbc|the guardian|the times|business insider|the press|the media|a journalist|"
    r"journalists|reporters?|the news)\b|\btempted to (?:post|share|forward|leak|publish|tweet|write about|name|"
    r"go public|expose)\b",
    r"\b(?:glassdoor|blind|indeed|reddit|linkedin|twitter|tiktok|your (?:glassdoor|reviews?|rating|page|"
    r"reputation|employer brand))(?: \w+){0,2}? (?:is|are) (?:about to|going to|gonna|set to) (?:get|become|look|"
    r"be) (?:a lot |much |very |really )?(?:more )?(?:interesting|busy|lively|crowded|different|worse|spicy|"
    r"entertaining)\b",
    r"\bmy (?:solicitor|lawyer|attorney|legal (?:team|counsel|representative)|union rep|union) (?:will|is going to|'ll|"
    r"shall|is about to) (?:be in touch|contact|write|call|reach out|be contacting|be writing)\b",
)
_NEEDY_MORE5 = _compile(
    r"\b(?:really |desperately |badly |just |truly )need to (?:be working|work|get (?:back )?(?:a job|work|into work|"
    r"hired)|find (?:a job|work)|earn|start earning)\b",
    r"\b(?:literally |absolutely |just )?anything (?:in|at|within) (?:the|your) (?:company|team|business|"
    r"organi[sz]ation)\b|\banything (?:\w+ ){0,4}?would be (?:fine|great|okay|ok|perfect|amazing)\b",
    r"\b(?:i'?ll|i would|i'?d|i can|happy to) (?:take|accept|earn|work for) less\b|\b(?:junior|lower|entry-?level|"
    r"smaller) (?:role|position|title|level) instead\b",
    r"\bwithout an? (?:income|salary|job|paycheck|pay cheque)\b|\bplease,? help me(?: out)?\b",
    r"\b(?:don'?t|do not|please don'?t) (?:\w+ )?(?:turn me down|reject me|give up on me|write me off|rule me out|"
    r"count me out|close the door|forget me|forget about me)\b",
    r"\b(?:don'?t|do not) (?:mind|care) (?:what|about|how much|how little) (?:the )?(?:salary|pay|rate|money|title|"
    r"level|package|compensation)\b",
    r"\bkeep me (?:as|on) (?:a |your )?(?:backup|back-?up|reserve|second choice|fallback|plan b|standby|reserve "
    r"list|waiting list)\b",
    r"\b(?:paid|pay me|earn|earning|be on) less\b",
    r"\bstruggling to (?:pay|make ends meet|cover|keep up with)\b|\bcan'?t pay (?:the |my )?(?:bills|rent|mortgage)\b|"
    r"\b(?:would|will) mean (?:everything|the world)\b",
    r"\bwhatever you (?:can )?(?:afford|pay|spare|manage|budget|have budgeted)\b",
)


# ---------------------------------------------------------------------------- more structure (round 6)

_BLAME_MORE6 = _compile(
    r"\b(?:nobody|no one|no-one|anyone|anybody|none of (?:you|them)|not one of (?:you|them))(?: \w+){0,2}? "
    r"(?:knows?|knew|has a clue|had a clue|understands?|understood) what (?:they|you|he|she)(?:'re| are| were| is)? "
    r"(?:doing|talking about|hiring for|looking for)\b",
    r"\b(?:this|that|it) says (?:a lot|so much|everything|plenty|volumes|all i need to know) about (?:you|your)\b"
    r"(?![^.!?\n]*\b(?:that you|how (?:kind|thoughtful|much)|positive|good|great|kind|care)\b)",
    r"\b(?:this is|that'?s|that is|it'?s|it is) not how (?:you|to|one|anyone) (?:treat|handle|talk to|speak to|run|"
    r"do|hire|respond to)\b",
    r"\b(?:regrettable|saw fit to|deemed it (?:appropriate|acceptable|fit) to|chose to ignore|elected to ignore)\b",
    r"\b(?:i )?trust (?:this|that|it) (?:is|was) not (?:representative|typical|how you)\b",
    r"\b(?:(?:is|was|it'?s|that'?s|i find (?:that|it)) )?(?:hard|difficult|impossible) to believe\b",
    r"\b(?:i'?m|i am|i feel|i felt|i was|honestly|frankly|and|not) (?:\w+ )?(?:annoyed|irritated|exasperated|fed up|"
    r"livid|galled)\b(?! (?:with|at) myself)",
    r"\bbusy (?:ignoring|ghosting|rejecting|losing|forgetting|not replying|dodging|avoiding)\b",
)
_SARCASM_MORE6 = _compile(
    r"\ba whole (?:one|two|three|four|five|\d+) (?:sentences?|lines?|words?|minutes?|paragraphs?|seconds?)\b",
    r"(?:^|(?<=[.!?] )|(?<=\n))(?:of course|sure|yeah|right|oh sure|oh right),? (?:you|they|he|she) (?:will|did|"
    r"would|do|are|have|were|had)\s*[.!]",
    r"\b(?:it'?s|it is) only my (?:career|livelihood|life|future|rent|income|time|family|savings)\b",
    r"\b(?:i'?d|i would|i could|i wish i could) say (?:it was |that it was )?(?:nice|great|good|a pleasure|lovely|"
    r"fun|enjoyable)[^.!?\n]{0,40}?,? but (?:it wasn'?t|it was not|i'?d be lying|that would be a lie|i can'?t|"
    r"i won'?t|i don'?t lie|honestly)\b",
)
_DEMAND_MORE6: tuple[_Rx, ...] = ()
_CORRECT_MORE6 = _compile(
    r"\b(?:needs?|could use|should get|might want|ought to get|could do with|would benefit from) (?:an? |some )?"
    r"(?:dictionary|spell-?checker|editor|proof-?reader|grammar lesson|english lesson|writing course|"
    r"thesaurus|grammarly|style guide)\b",
    r"\b(?:suggest|recommend|advise|try|consider) (?:\w+ )?(?:proof-?reading|spell-?checking|a spell-?check|an "
    r"editor|grammarly|re-?reading|reading it (?:back|through|twice))\b",
)
_THREAT_MORE6 = _compile(
    r"\b(?:make sure|ensure) (?:that )?(?:[\w']+ ){1,4}?(?:hears?|knows?|sees?|finds? out|learns?|reads?) "
    r"(?:all )?about (?:this|it|you|how|what|your)\b",
)
_NEEDY_MORE6 = _compile(
    r"\b(?:sign|accept|take|agree to) (?:whatever|any) (?:contract|terms|deal|offer|conditions|package)\b",
)


# ---------------------------------------------------------------------------- more structure (round 7)

_BLAME_MORE7 = _compile(
    r"\b(?:do|did|does|can|could) (?:you|they|anyone|anybody|your \w+|the \w+) (?:even|actually|ever) (?:read|know|"
    r"care|check|look|listen|open|bother|understand|think)\b",
    r"\b(?:someone|somebody|anyone) (?:should|needs to|ought to|must) (?:really )?(?:teach|train|tell|show|remind|"
    r"explain to) (?:your|the|them|you)\b",
    r"\bwast(?:e|ed|ing|es) (?:\w+ ){0,2}?(?:anyone'?s|anyone else'?s|anybody else'?s|somebody else'?s|other people'?s|"
    r"someone else'?s) (?:\w+ )?time\b|\bwasted mine\b",
    r"\b(?:feel|felt) (?:so |really |very )?sorry for (?:the people|anyone|anybody|your (?:staff|employees|team|"
    r"people|new hire)|whoever|the poor|the person|the team|the candidates|the staff)\b",
    r"\b(?:(?:rejected|dumped|turned down|let go|ghosted|binned|dropped)(?: me)?) (?:in|with|via|by|over|through) "
    r"(?:a|an) (?:one[- ]line|two[- ]line|one[- ]sentence|form|automated|generic|text|template|canned|"
    r"copy-?paste|one[- ]word)\b",
    r"\b(?:discover|find out|learn|see|realise|realize) how you (?:operate|work|treat|run|do things|behave)\b",
    r"\bhard pass\b|\b(?:never|not) (?:\w+ )?(?:applying|apply|working|work|contacting|contact|dealing|deal|"
    r"interviewing) (?:with |to |for |at )?(?:you|your company|your (?:team|firm)|here|there|this company)? ?again\b",
    r"\bso (?:that'?s|this is) how it is\b|\bthat'?s how it is,? (?:then|huh|is it)\b",
    r"\b(?:i'?ve )?(?:never )?(?:been|was|am|being|felt|feel) (?:so |this |that |more |very |utterly |completely )?"
    r"(?:insulted|disrespected|belittled|humiliated|patroni[sz]ed|demeaned|mistreated) (?:by|in|at|during)\b",
    r"\bwhy (?:didn'?t|did not|wouldn'?t|won'?t|couldn'?t|don'?t|do not) (?:you|they|your \w+|the \w+) (?:\w+ )?"
    r"(?:hire|pick|choose|select|call|reply to|shortlist|interview|consider|want|tell|give|offer) me\b",
)
_THREAT_MORE7 = _compile(
    r"\b(?:this|it|that|all of this|the whole thing|this whole thing|this (?:whole |entire )?(?:thing|saga|story|"
    r"exchange|thread|e-?mail|process|experience)) (?:is|'s|will be|'ll be) (?:going|headed|heading|ending up|"
    r"getting posted|going up) (?:straight |right |directly )?(?:onto|on|to|into|in) (?:my|the) (?:\w+ )?"
    r"(?:channel|blog|newsletter|podcast|page|feed|stories|story|substack|tiktok|youtube|instagram|twitter|"
    r"linkedin|thread|post|video|account|profile|reddit|glassdoor|blind)\b",
)
_NEEDY_MORE7 = _compile(
    r"\bbelow (?:the )?market\b|\blowest (?:band|rate|salary|level|grade|pay|end of the (?:band|range))\b",
    r"\beven a few (?:hours|days|weeks|shifts)\b|\bwould (?:help|mean) (?:me )?so much\b",
    r"\bout of (?:savings|options|money|cash|runway|ideas)\b",
    r"\b(?:don'?t|do not) need (?:benefits|a bonus|holidays|equity|perks|the full|a pension|a title)\b|\bjust "
    r"the job\b",
    r"\b(?:relocate|move)(?: \w+){0,4}? (?:tomorrow|immediately|overnight|anywhere|at my own)\b",
    r"\b(?:literally|absolutely|just about|pretty much) anything\b",
)


# ---------------------------------------------------------------------------- more structure (round 8)

_BLAME_MORE8 = _compile(
    r"\b(?:couldn'?t|could not|can'?t|cannot|wouldn'?t) (?:organi[sz]e|run|find|manage|plan) (?:a|their way|your way|"
    r"themselves|yourselves)\b[^.!?\n]{0,40}?\b(?:brewery|paper bag|wet paper bag|sweet shop|chip shop)\b",
    r"\b(?:aren'?t|isn'?t|are not|is not|weren'?t|wasn'?t|not) (?:even )?worth (?:answering|replying to|a reply|a "
    r"response|reading|an answer|acknowledging|your time)\b",
    r"\b(?:clearly|obviously|evidently|apparently) (?:you|they) (?:won'?t|don'?t|can'?t|didn'?t|never|aren'?t|"
    r"weren'?t)\b|\byou never do\b",
    r"\b(?:i'?m|i am|i was|i'?ve been)(?: \w+)? (?:not (?:at all |remotely |even slightly )?impressed|unimpressed)"
    r"(?! (?:with|by) (?:myself|my own))\b",
    r"\b(?:it'?s|it is|that'?s|that is|it was|that was|i think it'?s|i find it) (?:\w+ )?(?:poor|bad|shoddy|sloppy|"
    r"unprofessional|not on|not ok|not okay|not acceptable|unacceptable|disappointing|not great|not good enough) "
    r"that (?:nobody|no one|no-one|you|your|they|the company|the team|the recruiter|i was never|i wasn'?t)\b",
    r"\bhow (?:you|they|your company) (?:stay|are still|remain|manage to stay|keep going|survive|are even) in "
    r"business\b|\bhow (?:you|they|your company) (?:have|get|keep) (?:any )?(?:employees|staff|customers|clients)\b",
    r"\b(?:wholly|entirely|simply|frankly|quite|completely) unacceptable\b",
)
_SARCASM_MORE8 = _compile(
    r"\b(?:appreciate[ds]?|love[ds]?|loving|enjoy(?:ed|s)?) (?:being|getting) (?:kept|left) in the dark\b",
    r"\b(?:hope you'?re|hope you are|you must be|i hope you'?re) enjoy(?:ing)? (?:the|this|your|all the) (?:silence|"
    r"wait|waiting|chaos|ghosting|mess|quiet)\b",
)
_DEMAND_MORE8 = _compile(
    r"(?<!not )(?<!n't )\bexpect (?:an?|the|a full|a formal|a written|a proper|some) (?:\w+ )?(?:apology|"
    r"explanation|justification)\b",
)
_NEEDY_MORE8 = _compile(
    r"\bvolunteer (?:for (?:a while|free|a few (?:weeks|months|days)|nothing)|my time)\b|\b(?:prove|show) (?:myself|"
    r"what i can do|you what i can do)\b(?=[^.!?\n]{0,60}\bvolunteer)|\bvolunteer\b[^.!?\n]{0,40}\b(?:show|prove) "
    r"(?:myself|you what i can do|what i can do)\b",
)


# ---------------------------------------------------------------------------- generalised from rounds 9 and 10
# Each family below reads a structure (what is said about whom), not a batch's wording; see ROUNDS.md.

_BLAME_MORE9 = _compile(
    # "…which says a lot about your standards"
    r"\b(?:says|said|tells|told|speaks|speak) (?:a lot|everything|volumes|plenty|so much|all (?:i|we|anyone) "
    r"(?:need|needed|needs) to know) about (?:you|your|the (?:company|team|culture|process|firm|hiring)|this "
    r"(?:company|place|team|process)|how you|how your|how the)\b",
    # a judgement as a noun: "the arrogance of your CTO", "your incompetence"
    r"\b(?:the (?:sheer |utter |staggering )?|your |their )(?:arrogance|incompetence|rudeness|ignorance|laziness|"
    r"sloppiness|hypocrisy|condescension|dishonesty|pettiness|cowardice|unprofessionalism|disorgani[sz]ation|"
    r"smugness|entitlement|carelessness|contempt)\b(?! (?:on my part|of mine))",
    # "that's your mistake to live with", "your loss, not mine"
    r"\b(?:your|their) (?:mistake|loss|problem|funeral|call|choice),? (?:to live with|not mine)\b|"
    r"\bthat'?s (?:your|their) (?:mistake|problem|funeral) (?:to live with|not mine)\b",
    # "so that's how you treat people"
    r"\b(?:so )?(?:that'?s|this is|is that|is this|that is) how (?:you|they|your \w+|the \w+|companies) (?:\w+ )?"
    r"(?:treat|handle|talk to|speak to|respond to|reply to|deal with) (?:people|candidates|applicants|everyone|"
    r"humans|job seekers|anyone)\b",
    # a pre-decided hire: "the CEO's nephew"
    r"\b(?:ceo|founder|boss|manager|director|vp|cto|owner|chairman|partner)(?:'s|s') (?:nephew|niece|son|daughter|"
    r"mate|buddy|cousin|kid|golf buddy|drinking buddy|girlfriend|boyfriend|brother-in-law|best friend|old friend)\b",
)
_THIS_IS_JUDGED = _rx(
    r"\b(?:this|that|it)(?:'s| is| was) (?:\w+ )?(?:ridiculous|absurd|laughable|pathetic|insane|ludicrous|"
    r"unacceptable|outrageous|a joke|a farce|a disgrace|beyond a joke|embarrassing|shameful)\b")
_SARCASM_MORE9 = _compile(
    # "imagine taking two months to say no"
    r"\bimagine (?:taking|needing|being|having|ghosting|making|thinking|spending|running|treating|sending|not|"
    r"wasting|asking|expecting|rejecting|cancel\w*)\b",
    # "gotta love a company that…", "you have to love how…"
    r"\b(?:gotta|got to|you(?:'ve)? (?:gotta|got to)|you have to|you'?ve got to|have to|must) love (?:a|an|the|how|"
    r"when|it when|companies|recruiters|people|being|getting|that)\b",
    # their words quoted back as empty: "\"we value every candidate\" is just a line on your website"
    r"\"[^\"\n]{3,60}\" (?:is|was|are|were) (?:just |only |clearly |apparently |obviously |evidently )?(?:a line|"
    r"words|a slogan|marketing|a buzzword|lip service|for show|empty|meaningless|a lie|nonsense|a joke|a myth)\b",
)
_LOVE_HOW = _rx(r"\b(?:i |just |really )?(?:love|adore|appreciate|enjoy(?:ed)?) (?:how|that|the way) (?:you|they|your|"
                r"the (?:company|team|recruiter|process))\b")
_WAY_TO = _rx(
    r"\b(?:what|such) an? (?:\w+ )?(?:wonderful|great|lovely|professional|classy|nice|brilliant|fantastic|amazing|"
    r"charming|delightful|respectful|thoughtful|kind|fine|fun|excellent|perfect|elegant|graceful|warm|caring) "
    r"way to (?:treat|end things|end it|handle|reject|dismiss|ghost|say no|let (?:me|people|candidates|someone) "
    r"(?:know|go|down)|tell (?:me|people|candidates|someone)|run (?:a|the|your) \w+|close|finish|thank|respect)\b")
_THREAT_MORE9 = _compile(
    # "make sure everyone in my bootcamp cohort hears about this"
    r"\b(?:make sure|ensure) (?:that )?(?:everyone|everybody|people|others|all my \w+|my (?:\w+ ){0,2}\w+|"
    r"every \w+)"
    r"(?: (?:in|at|on|from) my \w+(?: \w+)?)? (?:hears?|knows?|finds? out|sees?|learns?|reads?)\b",
    # "tell every engineer I know…", "…to avoid you"
    r"\b(?:tell|warn|advise|telling|warning|advising) (?:every|all|any|each) (?:\w+ ){0,2}?(?:i know|i meet|i mentor|"
    r"i teach|i work with|in my \w+)\b",
    r"\b(?:tell|telling|told|warn|warning|advise|advising|encourage|encouraging|urge|urging) (?:\w+ ){0,5}?to "
    r"(?:avoid|stay away from|steer clear of|never apply|not apply|think twice)\b",
    # "this would make a great LinkedIn post"
    r"\b(?:would|will|could|might|should) make (?:for )?(?:a |an )?(?:great|good|nice|fun|interesting|excellent|"
    r"perfect|juicy|viral|cracking) (?:linkedin |twitter |reddit |glassdoor |blog |tiktok |youtube )?(?:post|story|"
    r"thread|read|review|case study|tweet|video|anecdote|article|episode)\b",
)
_PASSIVE_MORE9 = _compile(
    # "I hope future candidates are treated with more honesty"
    r"\bhope (?:that )?(?:future|other|the next|your next|new|later) (?:candidates|applicants|people|hires?|"
    r"interviewees|job seekers) (?:are|get|will be|will get|receive|have|can expect)\b[^.!?\n]{0,40}?\b(?:more|"
    r"better|proper|basic)\b",
)
_MY_AUDIENCE = _rx(r"\bmy (?:[\d,.]+k? |many |thousands of |hundreds of )?(?:followers|subscribers|readers|"
                   r"connections|audience|viewers|listeners)\b")
_KEPT_EVIDENCE = _rx(
    r"\b(?:i'?ve|i have|i|i'?m|i am) (?:saved|kept|archived|documented|recorded|logged|copied|screenshotted|"
    r"printed|saving|keeping|archiving) (?:all|every|each|a copy of|copies of) (?:of )?(?:these|this|the|your|our|"
    r"my|every|each)? ?(?:\w+ )?(?:emails?|messages?|conversations?|threads?|correspondence|exchanges?|chats?|dms?|"
    r"replies|texts?|voicemails?|letters?)\b")
_DEMAND_MORE9 = _compile(
    _CLAUSE_START + r"(?:please |now |just )?(?:put|add|bring|take|get) me back (?:in|into|on|to)\b",
    _START + r"(?:please |just )?be (?:specific|precise|clear|honest|straight with me|direct|more specific)\b",
)
_CORRECT_MORE9 = _compile(
    r"\b(?:hire|hiring|get|invest in|try|use|buy|afford|run (?:it|this|that|them|your \w+(?: \w+)?) "
    r"(?:through|past|by)|"
    r"needs?|could use|might want|worth hiring|worth getting) (?:an? |some )?(?:copy[- ]?editor|editor|"
    r"proof-?reader|dictionary|spell[- ]?checker|spell[- ]?check|grammar (?:checker|lesson|class|course)|grammarly|"
    r"english (?:class|lessons?|course|teacher))\b",
    r"\bneeds? (?:a |some )?(?:grammar|spelling|english) (?:lesson|lessons|class|classes|course|refresher)\b",
    r"\"[a-z]+\" (?:has|have|contains|takes|needs|is spelled with|is spelt with|is written with) (?:no|one|two|a|an|"
    r"only one|only two|a double|a single|double|single) \"?[a-z]\"?(?: in it)?(?=[\s.,!;]|$)",
    r"\"[^\"\n]{1,30}\" (?:is not|isn'?t) (?:a|an actual|a real) word\b",
)


# ---------------------------------------------------------------------------- generalised from round 11
_SENIOR = (r"(?:(?:your |the )?(?:ceo|cto|coo|founders?|head of [\w-]+|board|superiors?|legal team|legal department|"
           r"ombudsman|higher[- ]ups?|managing director)|your (?:boss|manager|director|vp|supervisor|line manager|"
           r"hiring manager's (?:boss|manager)))")
_THREAT_MORE11 = _compile(
    # escalation over their head: "I've copied your head of people", "I'll be raising this with the CEO"
    r"\b(?:i'?ve|i have|i'?ll|i will|i'?m going to|i am going to|i'?m|i am|i) (?:\w+ )?(?:copied|cc'?d|cc'?ing|"
    r"copying|bcc'?d|forwarded|forwarding|escalat\w+|rais(?:e|ed|ing) this|report(?:ed|ing)? this|tak(?:e|en|ing) "
    r"this|sen(?:d|t|ding) this|flag(?:ged|ging) this) (?:\w+ ){0,4}?(?:to |with |in |up to )?" + _SENIOR + r"\b",
    r"\b(?:review|reviewing|reviewed|rate|rating|rated|write up|writing up|post about|posting about|call out|"
    r"calling out|name|naming) (?:you|your \w+|this company|the company|them) (?:\w+ )?(?:on|in) (?:glassdoor|"
    r"linkedin|indeed|reddit|twitter|x|blind|google|trustpilot|yelp|tiktok|youtube|my blog|my newsletter|"
    r"my podcast)\b",
    r"\bforward (?:this|my email|this email|it|my message) (?:on )?to (?:whoever|your (?:boss|manager|ceo|director|"
    r"head|superior)|the (?:person|people) (?:who|responsible))\b",
    # sharing it already: "I've shared my experience in a few candidate groups"
    r"\b(?:i'?ve|i have|i) (?:already )?(?:shared|posted|written|wrote|told|described|explained) (?:my experience|"
    r"this|what happened|the whole story|how (?:you|this|it)\b[^.!?\n]{0,20}?) (?:\w+ ){0,3}?(?:in|on|with|to) "
    r"(?:a |the |my |several |a few |some |two |three |a couple of )?(?:\w+ )?(?:groups?|forums?|communities|"
    r"community|channels?|servers?|networks?|threads?|subreddits?|slack|discord|followers|everyone|people)\b",
)
_BLAME_MORE11B = _compile(
    r"\b(?:my|our|people'?s|candidates'?|anyone'?s|everyone'?s) time (?:was|is|meant|means) (?:worth )?(?:nothing|"
    r"so little|very little|zero|little|nothing at all|worthless)\b",
    r"\bwast(?:e|ed|ing) (?:\w+ ){0,2}?(?:everyone'?s|everybody'?s|people'?s|candidates'?|anyone'?s) (?:\w+ )?(?:time|"
    r"afternoon|morning|evening|day|week|weekend|effort|energy)\b",
    r"\b(?:yet another|just another|another) (?:\w+ )?(?:recruiter|company|manager|interviewer|startup|firm|hr \w+|"
    r"hiring manager|panel|team|agency) (?:who|that|which) (?:can'?t|cannot|doesn'?t|does not|won'?t|didn'?t|never|"
    r"couldn'?t)\b",
    r"\b(?:should|ought to|deserves? to|needs? to) be (?:fired|sacked|let go|demoted|disciplined|retrained)\b",
    r"\b(?:the )?(?:job|role|position|vacancy|opening) (?:never|didn'?t|did not|doesn'?t|does not) (?:even |really "
    r"|actually )?(?:existed|exist)\b",
    r"\bok(?:ay)? boomer\b",
    r"\b(?:don'?t|do not|never) (?:come )?(?:crawling|running|crying|begging) back\b",
)
_BLAME_MORE11 = _compile(
    # "genuinely curious how anyone gets hired there"
    r"\b(?:curious|wonder|wondering|amazed|baffled|no idea|beats me) how (?:anyone|anybody|you|they|people) "
    r"(?:ever |actually |even |still )?(?:gets? hired|works? (?:there|here|for you)|stays?|survives?|puts? up with|"
    r"manages? to|lasts?|can stand)\b",
    # "sort yourselves out"
    r"\b(?:need|needs|should|must|have|ought|better|go|really) (?:to )?(?:really |seriously )?(?:sort|get) "
    r"(?:yourselves|yourself|your (?:act|house|process|hiring|stuff|shit|life|lives|recruiting|mess)) (?:out|"
    r"together|in order)\b",
    # "want free consulting", "stole my ideas"
    r"\b(?:want|wanted|wanting|get|getting|got|after|looking for|fishing for)(?: some)? free (?:consulting|"
    r"consultancy|work|labou?r|ideas|strategy|design work|development)\b|\b(?:steal|stole|stealing|pinch|pinched|"
    r"nick|nicked) my (?:ideas?|work|designs?|code|solution|approach)\b",
)
_SARCASM_MORE11 = _compile(
    # "enjoy explaining to your board…"
    r"\benjoy (?:explaining|replacing|dealing with|finding (?:someone|another|a replacement)|the chaos|the mess|"
    r"the turnover|the fallout|rehiring|re-?advertising|starting (?:over|again))\b",
)
_PASSIVE_MORE11 = _compile(
    r"\b(?:feel free to|go ahead and|you can|you may as well|might as well) (?:just )?ignore (?:this|me|it|my \w+)"
    r"(?: one)? (?:too|again|as well|like the (?:others|rest|last \w+))\b",
    # "I hope whoever you hired realises what they've walked into"
    r"\bhope (?:whoever|the person|the candidate|your new hire|the new hire|they|he|she) (?:you )?(?:hired |chose "
    r"|picked |went with )?(?:\w+ )?(?:realises|realizes|knows|enjoys|survives|likes|can handle|is ready for|has "
    r"thick skin)\b[^.!?\n]{0,40}?\b(?:walked into|walking into|getting into|signed up for|in for|chaos|mess|"
    r"circus)\b",
    # "kindly stop…"
    r"\bkindly (?:stop|refrain|cease|do not|don'?t|remove me|take me off)\b",
)
_NEEDY_MORE11 = _compile(
    r"\b(?:take|accept|swallow|absorb|handle) (?:a |an )?(?:\d+ ?%|\d+ percent|big|huge|significant|substantial|"
    r"serious|hefty|massive|steep) (?:pay |salary )?cut\b",
    r"\bunpaid\b[^.!?\n]{0,30}\b(?:fine|ok|okay|happy|no problem|works for me|fine by me|no issue)\b|"
    r"\b(?:trial|internship|placement|period|month|months|weeks?) (?:unpaid|for free|without pay)\b",
    r"\b(?:i'?d|i would|i'?ll|i will|happy to|willing to) (?:even |happily |gladly )?(?:sweep|mop|clean) (?:the )?"
    r"(?:floors?|office|toilets|kitchen)\b|\b(?:i'?d|i would|i'?ll|i will) (?:even |happily |gladly )?make "
    r"(?:the )?(?:tea|coffee)\b",
    r"\b(?:could|can|would|may|might) i (?:work|help|come in|join|start|stay on) (?:as|like) (?:a |an )?"
    r"(?:volunteer|intern|unpaid)\b",
)


# ---------------------------------------------------------------------------- generalised from round 13
_ROUND13 = (
    ("threat", _compile(
        r"\b(?:i )?(?:screenshot|screenshotted|screen-?shot|record|recorded|save|saved|keep|kept|log|logged) "
        r"(?:everything|all of it|every (?:email|message|call|conversation|word))\b")),
    ("blame", _compile(
        r"\bhope (?:the|this|your|that) (?:role|job|position|vacancy|seat|post) (?:stays|remains|sits) (?:empty|open|"
        r"unfilled|vacant)\b",
        r"\b(?:a relief|relieved|glad|lucky|thankful|dodged a bullet)\b[^.!?\n]{0,30}?\bnot (?:to be )?(?:joining|"
        r"working (?:for|with|at)|going to work|ending up)\b",
        r"\brather (?:stay|be|remain) (?:unemployed|jobless|broke|out of work|on benefits)\b[^.!?\n]{0,20}?\bthan "
        r"(?:work(?:ing)? (?:with|for|at)|join(?:ing)?)\b",
        r"\bis (?:the|this) (?:role|job|position|vacancy|opening) (?:actually|even|really|ever) (?:open|real|"
        r"available)\b",
        r"\b(?:you|you lot|you people|they|your \w+|the \w+) (?:have|has|had) (?:absolutely |clearly |genuinely )?no "
        r"(?:idea|clue) how to (?:treat|run|hire|interview|communicate|manage|talk to|respect|organi[sz]e)\b",
        r"\b(?:process|company|team|interview|hiring|recruiter|place|culture|panel) (?:is|was) (?:so |totally |"
        r"actually |lowkey )?(?:cooked|mid|trash|garbage|clownish|a clown show)\b",
    )),
    ("needy", _compile(
        r"\bwithout (?:extra|any|additional) (?:pay|money|compensation|overtime pay)\b",
        r"\b(?:let me|could i|can i|would you let me|may i|i'?d|i'?ll|i could|i can) (?:\w+ ){0,3}?(?:for free|unpaid|"
        r"without pay|for nothing)\b",
        r"\b(?:go|going) back to (?:a |an )?(?:\w+ )?(?:level |grade )?(?:pay|salary|wages?)\b",
        r"\b(?:don'?t|do not) (?:even )?need (?:any )?(?:benefits|holidays?|a pension|a bonus|equity|perks|sick pay)\b",
        r"\btake (?:a|an|any) (?:\w+ )?(?:job|role|position) just to\b",
    )),
)


# ---------------------------------------------------------------------------- generalised from round 12
_SARCASM_MORE12 = _compile(
    # "…or was that optional?"
    r"\bor (?:was|is) (?:that|it|this) (?:optional|too much to ask|asking too much|not in the budget|beneath you|"
    r"extra|a bonus|above your pay grade)\b",
    # "thanks for confirming everything I'd heard about your company"
    r"\bconfirm(?:ing|ed)? (?:everything|what|all) (?:i|i'?d|i had|people|everyone|others) (?:had )?(?:heard|read|"
    r"suspected|been told|was warned)\b",
)
_DEMAND_MORE12 = _compile(
    r"\b(?:i'?m going to|i am going to|i'?ll|i will|i) need you to (?:explain|justify|send|provide|tell|answer|give|"
    r"show|walk me|account|confirm)\b",
)
_PASSIVE_MORE12 = _compile(
    r"\bi trust (?:this|that|it|you) (?:will|can|would|'ll) (?:be )?(?:resolved|dealt with|addressed|rectified|"
    r"corrected|handled|sorted|answered|fixed|looked into)\b",
    r"\b(?:i'?d|i would) have appreciated (?:knowing|being told|a heads-?up|some notice|hearing|a (?:reply|response|"
    r"call)|the courtesy)\b",
)
_TELL_EVERYONE = _rx(
    r"\b(?:i'?ll|i will|i'?m going to|i am going to|i'?m|i am) (?:be )?(?:telling|tell|warning|warn|letting|let) "
    r"(?:everyone|everybody|people|anyone|all my \w+|the whole \w+)(?: (?:at|in|on|from) (?:the|my) \w+)?\b")
_WORST_CALL = _rx(
    r"\b(?:the )?(?:dumbest|stupidest|worst|silliest|biggest|most (?:short-?sighted|foolish|idiotic|ridiculous)) "
    r"(?:decision|mistake|call|move|choice|error|hire)\b")
_NEEDY_MORE12 = _compile(
    r"\b(?:knock|take|drop|shave|cut|lop) (?:\d+k?|\d+ ?%|a (?:few|couple of) (?:grand|thousand|k)|\w+ (?:grand|"
    r"thousand|percent)) off (?:my|the) (?:ask|asking|salary|rate|price|expectations?|day rate)\b",
    r"\bany (?:hours|shift|shifts|days|location|role|salary|pay|rate|grade|level|title)(?: at all)? (?:is|are|would "
    r"be|will be|'s) (?:fine|ok|okay|great|good|no problem)\b",
    r"\b(?:nothing else lined up|no other (?:offers|options|interviews|leads))\b(?=[^.!?\n]{0,40}\b(?:scared|"
    r"desperate|please|need|begging|terrified|panicking))|\b(?:please|begging)\b[^.!?\n]{0,40}\b(?:nothing else "
    r"lined up|no other (?:offers|options|interviews|leads))\b",
    r"\b(?:work|start|do it|do the job) for (?:expenses|travel costs|bus fare|lunch|peanuts|next to nothing)"
    r"(?: only)?\b",
    r"\baccept (?:a )?(?:much |far |significantly |a lot )?lower (?:grade|level|band|title|salary|rate|position|role|"
    r"pay|seniority)\b",
)


@lru_cache(maxsize=4)
def _more9(text: str) -> tuple[tuple[str, int, int], ...]:
    """The findings of the round-9/10 families, ``(rule, start, end)``; asked once per rule, worked out once."""
    return tuple(_more9_all(text))


def _more9_all(text: str) -> Iterator[tuple[str, int, int]]:
    """The families generalised from rounds 9-12."""
    for rule, patterns in _PLAIN_MORE:
        for s, e in _spans(patterns, text):
            yield rule, s, e
    yield from _more9_read(text)


def _more9_read(text: str) -> Iterator[tuple[str, int, int]]:
    """The families that read the sentence around them (a warm or kind sentence stays quiet)."""
    for m in _THIS_IS_JUDGED.finditer(text):
        if not _negated(text, m.start()) and not _warm_sentence(text, m.start()):
            yield "blame", m.start(), m.end()
    for m in _LOVE_HOW.finditer(text):  # "love how you needed six weeks to tell me no"
        ss, se = _sentence_of(text, m.start())
        if _NEG_SIT.search(text, ss, se) or _THEM_DID.search(text, ss, se) or _REPEATS.search(text, ss, se) or \
                re.search(r"\b(?:weeks|months|no)\b", text[ss:se]):
            yield "sarcasm", m.start(), m.end()
    for m in _WAY_TO.finditer(text):
        ss, se = _sentence_of(text, m.start())
        if not re.search(r"\bthank", text[ss:se]):
            yield "sarcasm", m.start(), m.end()
    for m in _MY_AUDIENCE.finditer(text):
        if not _warm_sentence(text, m.start()):
            yield "threat", m.start(), m.end()
    for m in _KEPT_EVIDENCE.finditer(text):
        yield "threat", m.start(), m.end()
    for m in _TELL_EVERYONE.finditer(text):
        if not _warm_sentence(text, m.start()):
            yield "threat", m.start(), m.end()
    for m in _WORST_CALL.finditer(text):
        if not _about_me(text, m.start(), m.end()):
            yield "blame", m.start(), m.end()
    for s, e in _spans(_CORRECT_MORE9, text):
        if not _about_me(text, s, e):
            yield "correcting", s, e


_PLAIN_MORE: tuple[tuple[str, tuple[_Rx, ...]], ...] = (
    ("blame", _BLAME_MORE9 + _BLAME_MORE11 + _BLAME_MORE11B),
    ("sarcasm", _SARCASM_MORE9 + _SARCASM_MORE11 + _SARCASM_MORE12),
    ("threat", _THREAT_MORE9 + _THREAT_MORE11),
    ("demand", _DEMAND_MORE9 + _DEMAND_MORE12),
    ("passive", _PASSIVE_MORE9 + _PASSIVE_MORE11 + _PASSIVE_MORE12),
    ("needy", _NEEDY_MORE11 + _NEEDY_MORE12),
    *_ROUND13,
    ("correcting", _compile(
        # "you managed to misspell my name"
        r"\b(?:you|they|he|she|your \w+|the \w+)(?: \w+){0,2}? (?:to )?misspel(?:l|led|t) (?:my|our) (?:name|"
        r"surname|company|email|address|title)\b")),
)


# ============================================================================ check

_Finder = Callable[[str], Iterable[tuple[int, int]]]
_FINDERS: tuple[tuple[str, _Finder], ...] = (
    ("blame", _blame),
    ("blame", _blame_general),
    ("sarcasm", lambda t: (sp for sp in _spans(_SARCASM, t) if not _names_a_title(t, sp[0]))),
    ("sarcasm", _sarcasm_general),
    ("correcting", _correcting),
    ("correcting", _correcting_general),
    ("threat", _threat),
    ("threat", lambda t: _spans(_THREAT_GENERAL + _THREAT_MORE + _THREAT_MORE3 + _THREAT_MORE4 + _THREAT_MORE5
                                + _THREAT_MORE6 + _THREAT_MORE7, t)),
    ("passive", lambda t: _spans(_PASSIVE, t)),
    ("passive", lambda t: _spans(_PASSIVE_GENERAL + _PASSIVE_MORE + _PASSIVE_MORE3 + _PASSIVE_MORE4 + _PASSIVE_MORE5,
                                 t)),
    ("demand", _demand),
    ("demand", _demand_general),
    ("blame", lambda t: ((s, e) for k, s, e in _more9(t) if k == "blame")),
    ("sarcasm", lambda t: ((s, e) for k, s, e in _more9(t) if k == "sarcasm")),
    ("threat", lambda t: ((s, e) for k, s, e in _more9(t) if k == "threat")),
    ("demand", lambda t: ((s, e) for k, s, e in _more9(t) if k == "demand")),
    ("correcting", lambda t: ((s, e) for k, s, e in _more9(t) if k == "correcting")),
    ("passive", lambda t: ((s, e) for k, s, e in _more9(t) if k == "passive")),
    ("needy", lambda t: ((s, e) for k, s, e in _more9(t) if k == "needy")),
    ("needy", lambda t: _spans(_NEEDY, t)),
    ("needy", lambda t: _spans(_NEEDY_GENERAL + _NEEDY_MORE + _NEEDY_MORE3 + _NEEDY_MORE4 + _NEEDY_MORE5
                               + _NEEDY_MORE6 + _NEEDY_MORE7 + _NEEDY_MORE8, t)),
)


# Shorthand and dropped apostrophes, read as the words they stand for, so "ur loss tbh" reads as "your loss
# to be honest" and "cant believe u" as "can't believe you". Whole words only.
_SHORTHAND: dict[str, str] = {
    "u": "you", "ur": "your", "urs": "yours", "urself": "yourself", "urselves": "yourselves", "yall": "y'all",
    "r": "are", "ya": "you", "yr": "your", "thx": "thanks",
    "thnx": "thanks", "thanx": "thanks", "tnx": "thanks", "ty": "thank you", "pls": "please", "plz": "please",
    "ppl": "people", "cant": "can't", "dont": "don't", "wont": "won't", "didnt": "didn't", "doesnt": "doesn't",
    "isnt": "isn't", "wasnt": "wasn't", "arent": "aren't", "werent": "weren't", "couldnt": "couldn't",
    "wouldnt": "wouldn't", "shouldnt": "shouldn't", "havent": "haven't", "hasnt": "hasn't", "hadnt": "hadn't",
    "im": "i'm", "ive": "i've", "youre": "you're", "youve": "you've", "youll": "you'll", "theyre": "they're",
    "thats": "that's", "whats": "what's", "theres": "there's", "idk": "i don't know", "tbh": "to be honest",
    "bc": "because", "cuz": "because", "coz": "because", "cos": "because", "abt": "about", "b4": "before",
    "rly": "really", "srsly": "seriously", "wtv": "whatever", "obv": "obviously", "obvs": "obviously",
    "ngl": "not gonna lie", "imo": "in my opinion", "imho": "in my opinion", "ofc": "of course", "msg": "message",
    "tmrw": "tomorrow", "2moro": "tomorrow", "2day": "today", "wanna": "want to", "gotta": "got to",
    "w/o": "without", "would of": "would have", "could of": "could have", "should of": "should have",
}
_SHORTHAND_RE = re.compile(r"(?<![\w'/])(?:" + "|".join(sorted((re.escape(k) for k in _SHORTHAND), key=len,
                                                                 reverse=True)) + r")(?![\w'/])")


_UR_IS_YOU_ARE = re.compile(r"\s+(?:\w+ing|a|an|the|not|so|just|really|right|wrong|welcome|still|clearly|obviously|"
                            r"literally|actually|never|always|gonna|kidding|joking|aware|sure|too|very|such)\b")


def _expand(low: str) -> tuple[str, list[int] | None, list[int] | None]:
    """``low`` with shorthand spelled out, and for each character of the result the span of ``low`` it came
    from (``None`` when nothing changed)."""
    if _SHORTHAND_RE.search(low) is None:
        return low, None, None
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for m in _SHORTHAND_RE.finditer(low):
        parts.append(low[pos:m.start()])
        starts.extend(range(pos, m.start()))
        ends.extend(range(pos + 1, m.start() + 1))
        word = _SHORTHAND[m.group(0)]
        if word == "your" and _UR_IS_YOU_ARE.match(low, m.end()):  # "ur telling me", "ur a joke"
            word = "you're"
        parts.append(word)
        starts.extend([m.start()] * len(word))
        ends.extend([m.end()] * len(word))
        pos = m.end()
    parts.append(low[pos:])
    starts.extend(range(pos, len(low)))
    ends.extend(range(pos + 1, len(low) + 1))
    return "".join(parts), starts, ends


def check(text: str, *, first_note: bool = False, known_words: Iterable[str] = ()) -> list[Finding]:
    """Check ``text``; returns findings sorted by position (overlaps within a rule merged).

    ``first_note``: the message is a first LinkedIn connection note (turns on the job-ask rule).
    ``known_words``: names that may legitimately be in capitals (the company, the contact…).
    When no rule finds anything hostile, the statistical backstop (:mod:`store.tone_model`) may add one
    ``overall`` finding: the sentence that reads most bitter as a whole.
    """
    return _check(text, first_note=first_note, known_words=known_words)


def check_rules(text: str, *, first_note: bool = False, known_words: Iterable[str] = ()) -> list[Finding]:
    """:func:`check` without the statistical backstop: the rules alone (what the model is trained beside)."""
    return _check(text, first_note=first_note, known_words=known_words, backstop=False)


def _check(text: str, *, first_note: bool = False, known_words: Iterable[str] = (),  # noqa: C901
           backstop: bool = True) -> list[Finding]:
    if not text:
        return []
    t = text.translate(_QUOTES)  # one character for one: spans are the same in ``text``
    low = _lower(t)  # the rules are written in lower case; capitals matter only to the ALL-CAPS rule
    known = frozenset(
        w.upper() for name in known_words for w in re.findall(r"[A-Za-z][A-Za-z'’]+", name or "")
    )
    raw: list[tuple[str, int, int, bool]] = []
    read, starts, ends = _expand(low)  # shorthand spelled out ("ur" -> "your"); spans map back to ``text``
    for key, finder in _FINDERS:
        for s, e in finder(read):
            if starts is not None and ends is not None:
                s, e = starts[s], ends[e - 1]
            while s < e and low[s].isspace():  # a finding points at words, never at the spaces around them
                s += 1
            while e > s and low[e - 1].isspace():
                e -= 1
            if e > s:
                raw.append((key, s, e, RULES[key].hostile))
    raw += [("caps", s, e, h) for s, e, h in _caps(t, known)]
    raw += [("exclaim", s, e, h) for s, e, h in _exclaim(low)]
    if first_note:
        raw += [("job_ask", s, e, False) for s, e in _spans(_JOB_ASK, low)]
    raw.sort(key=lambda r: (r[1], -r[2]))
    out: list[Finding] = []
    last: dict[str, Finding] = {}
    for key, s, e, is_hostile in raw:
        prev = last.get(key)
        if prev is not None and s < prev.end:  # overlaps an earlier finding of the same rule
            if e <= prev.end:
                continue
            out.remove(prev)
            s, is_hostile = prev.start, prev.hostile or is_hostile
        rule = RULES[key]
        f = Finding(key, rule.label, s, e, text[s:e], rule.why, is_hostile)
        out.append(f)
        last[key] = f
    if backstop and not any(f.hostile for f in out):
        out += _overall(text)
    out.sort(key=lambda f: (f.start, f.end))
    return out


#: A composer slot still to fill: «one specific line, e.g. a memory you share». Its words are Rebound's prompt,
#: not the writer's, so the backstop doesn't read them (blanked, offsets kept). One or two words between
#: guillemets stay: that is how French-style scare quotes look («opportunity»).
_SLOT_PROMPT = re.compile(r"«[^«»\n]*?\S+\s+\S+\s+\S+[^«»\n]*»")


def _overall(text: str) -> list[Finding]:
    """The statistical backstop (:mod:`store.tone_model`), asked only when no rule found anything hostile: the
    sentence that reads most bitter as a whole, with the words that weighed most."""
    from store import tone_model

    hit = tone_model.bitter_sentence(_SLOT_PROMPT.sub(lambda m: " " * len(m.group()), text))
    if hit is None:
        return []
    rule = RULES["overall"]
    named = ", ".join(f"\u2018{w}\u2019" for w in hit.words)
    why = f"Reads as bitter overall: {named}." if named else rule.why
    return [Finding(rule.key, rule.label, hit.start, hit.end, text[hit.start:hit.end], why, True)]


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

