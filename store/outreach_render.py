"""The template sandbox and renderer behind the outreach composer (see :mod:`store.outreach`).

Kept apart so that Jinja2 is imported only when a message is first rendered, not at every start.
"""

from __future__ import annotations

import contextvars
import difflib
import functools
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, cast

from jinja2 import Template, nodes, pass_context, pass_eval_context
from jinja2.exceptions import SecurityError, TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.filters import FILTERS, make_attrgetter
from jinja2.nodes import EvalContext
from jinja2.runtime import Context, LoopContext, Undefined
from jinja2.sandbox import SandboxedEnvironment
from jinja2.visitor import NodeTransformer

from .errors import RuleError
from .outreach import (  # noqa: F401  (shared constants and the placeholder model)
    _EXPR_A,
    _EXPR_B,
    _EXPR_C,
    _KNOWN,
    _MARKED,
    _MISS_A,
    _MISS_B,
    _SENTINELS,
    _SLOT_A,
    _SLOT_B,
    MAX_OUTPUT,
    MAX_REPEAT,
    PLACEHOLDERS,
    WHERE_MINE,
    Namespace,
)

# ============================================================================ the sandbox


#: How long one render (subject and body) may take before it stops with an error. The preview
#: renders as the user types: a template that loops over long text must not freeze the screen.
MAX_RENDER_SECONDS = 0.5
#: The longest template text (subject or body) that is filled in at all (forty times the longest
#: built-in; compiling that much takes a fair part of the time budget already). Equal to
#: :data:`store.templates.MAX_TEMPLATE_CHARS` (a test checks).
MAX_SOURCE = 20_000
#: The most items a loop, a list or a join may go through.
MAX_ITEMS = MAX_OUTPUT


class _State:
    __slots__ = ("deadline", "mark", "missing", "slots", "unknown")

    def __init__(self, seconds: float = MAX_RENDER_SECONDS) -> None:
        self.missing: list[str] = []
        self.slots: list[str] = []
        self.unknown: list[str] = []
        self.deadline = time.perf_counter() + seconds
        #: Wrap each ``{{ … }}``'s output in sentinels (the composer's fill, :func:`render_marked`).
        self.mark = False


_STATE: contextvars.ContextVar[_State | None] = contextvars.ContextVar("rebound_render", default=None)


def _note(bucket: str, name: str) -> None:
    state = _STATE.get()
    if state is not None:
        items = getattr(state, bucket)
        if name not in items:
            items.append(name)


class _Listed(Undefined):
    """A value that isn't there: rendered as a visible marker and listed, never blank."""

    __slots__ = ()

    @property
    def _full_name(self) -> str:
        obj, name = self._undefined_obj, self._undefined_name
        name = name if isinstance(name, str) else repr(name)
        if isinstance(obj, Namespace):
            return f"{obj._prefix}.{name}"
        if isinstance(obj, _Listed):
            return f"{obj._full_name}.{name}"
        return name or "?"

    def __getattr__(self, name: str) -> Any:
        if name[:2] == "__" and name[-2:] == "__":
            raise AttributeError(name)
        return _Listed(obj=self, name=name)

    def __str__(self) -> str:
        full = self._full_name
        if full in _KNOWN:
            _note("missing", full)
            return f"{_MISS_A}missing {full}{_MISS_B}"
        _note("unknown", full)
        return f"{_MISS_A}unknown {full}{_MISS_B}"

    def __iter__(self) -> Iterator[_Listed]:
        return iter((self,))  # joined or looped over, it still shows (and is listed)

    def __len__(self) -> int:
        str(self)
        return 0


class _Slot:
    """What ``ask("…")`` returns: a marked gap, listed when (and only when) it is rendered."""

    __slots__ = ("label",)

    def __init__(self, label: str) -> None:
        self.label = label

    def __str__(self) -> str:
        _note("slots", self.label)
        return f"{_SLOT_A}{self.label}{_SLOT_B}"

    def __bool__(self) -> bool:
        return False  # an unfilled slot is not a value (so `x or ask(...)` falls through to it)


def ask(label: Any = "something specific") -> _Slot:
    """``{{ ask("one specific thing you discussed") }}``: a manual slot."""
    text = re.sub(r"\s+", " ", _SENTINELS.sub("", str(label))).strip()[:200] or "something specific"
    return _Slot(text)


_SAFE_FILTERS = (
    "default", "d", "upper", "lower", "title", "capitalize", "trim", "join", "first", "last", "length",
    "count", "truncate", "wordcount", "list", "sort", "unique", "reverse", "string", "int", "abs",
    "round", "striptags",
)


# ============================================================================ limits
#
# Every text and list a template makes is kept under MAX_OUTPUT (characters, or items plus the
# characters they hold), so no single step can take much time or memory; and the render as a whole
# has a time budget, checked at every filter, operator, item lookup, loop turn and output chunk.


class _TooMuch(RuleError):
    """A template went over a limit (size or time); :meth:`message` says which, for the user."""

    def __init__(self, slow: bool = False) -> None:
        self.slow = slow
        super().__init__("too slow" if slow else "too long")

    def message(self, what: str) -> str:
        if self.slow:
            return (f"This template takes too long to fill in (more than {MAX_RENDER_SECONDS:g} s, in the "
                    f"{what}); make its loops or repeats shorter.")
        return f"This template makes text longer than {MAX_OUTPUT:,} characters (in the {what})."


def _too_long() -> _TooMuch:
    return _TooMuch()


def _tick() -> None:
    """Stop the render when its time is up."""
    state = _STATE.get()
    if state is not None and time.perf_counter() > state.deadline:
        raise _TooMuch(slow=True)


def _weight(value: Any, depth: int = 0) -> int:
    """About how many characters ``value`` holds (text, or lists and dicts of it), stopping early
    once past the limit."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, (list, tuple, dict)):
        if len(value) > MAX_OUTPUT:
            return len(value)
        if depth > 8:
            return MAX_OUTPUT + 1
        total = len(value)
        items = value.items() if isinstance(value, dict) else value
        for item in items:
            total += _weight(item, depth + 1)
            if total > MAX_OUTPUT:
                break
        return total
    return 1


def _check(value: Any) -> Any:
    if isinstance(value, (str, list, tuple, dict)) and _weight(value) > MAX_OUTPUT:
        raise _too_long()
    return value


def _take(value: Any) -> list[Any]:
    """``value``'s items as a list, refusing more than MAX_ITEMS without reading them all."""
    _check(value)
    out = []
    for i, item in enumerate(value):
        if i >= MAX_ITEMS:
            raise _too_long()
        if not i & 255:
            _tick()
        out.append(item)
    return out


def _bounded(f: Callable[..., Any]) -> Callable[..., Any]:
    """A filter whose inputs and result are kept under the limits (and which checks the time)."""

    @functools.wraps(f)  # keeps jinja's pass_eval_context marker
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        _tick()
        for a in args:
            _check(a)
        for a in kwargs.values():
            _check(a)
        return _check(f(*args, **kwargs))

    return wrapper


@pass_eval_context
def _join(eval_ctx: EvalContext, value: Iterable[Any], d: str = "", attribute: str | int | None = None) -> str:
    """Jinja's ``join``, counting the length before it builds the text (autoescape is off)."""
    _tick()
    items = _take(value)
    if attribute is not None:
        getter = make_attrgetter(eval_ctx.environment, attribute)
        items = [getter(x) for x in items]
    sep = str(d)
    _check(sep)
    parts: list[str] = []
    total = 0
    for i, item in enumerate(items):
        text = str(item)
        total += len(text) + (len(sep) if i else 0)
        if total > MAX_OUTPUT:
            raise _too_long()
        parts.append(text)
    return sep.join(parts)


@pass_eval_context
def _list(eval_ctx: EvalContext, value: Iterable[Any]) -> list[Any]:
    _tick()
    items = _take(value)
    _check(items)
    return items


def _loop_items(value: Any) -> Iterator[Any]:
    """What a ``{% for %}`` goes through (every loop is rewritten to use this): at most MAX_ITEMS
    items, with the time checked as it goes."""
    _tick()
    _check(value)
    for i, item in enumerate(value):
        if i >= MAX_ITEMS:
            raise _too_long()
        if not i & 15:
            _tick()
        yield item


def _concat(parts: list[Any]) -> str:
    """``a ~ b`` (every concatenation is rewritten to use this): joined only when short enough."""
    _tick()
    texts = [str(p) for p in parts]
    if sum(len(t) for t in texts) > MAX_OUTPUT:
        raise _too_long()
    return "".join(texts)


@pass_context  # never folded into a constant at compile time: marking is decided per render
def _mark(context: Context, value: Any, number: int) -> Any:
    """Every ``{{ value }}`` (each is rewritten to pass through here, numbered in the order of the
    source): wrapped in sentinels when the composer fills a template in, else unchanged."""
    state = _STATE.get()
    if state is None or not state.mark:
        return value
    return f"{_EXPR_A}{number}{_EXPR_B}{value}{_EXPR_C}"


def _finalize(value: Any) -> Any:
    """Every ``{{ value }}`` before it is written out."""
    _tick()
    return _check(value)


_LOOP_FILTER = "_rebound_loop"
_CONCAT_FILTER = "_rebound_concat"
_MARK_FILTER = "_rebound_mark"


class _Limits(NodeTransformer):
    """Rewrites the parsed template so loops and ``~`` go through :func:`_loop_items` and
    :func:`_concat` (Jinja has no hook for either), and each ``{{ … }}`` through :func:`_mark`."""

    def __init__(self) -> None:
        self.outputs = 0

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        node.iter = _filter_node(cast(nodes.Expr, node.iter), _LOOP_FILTER)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        return _filter_node(nodes.List(list(node.nodes), lineno=node.lineno), _CONCAT_FILTER)

    def visit_Output(self, node: nodes.Output) -> nodes.Node:
        """Number the expressions in source order (the parser keeps it; so does this walk)."""
        self.generic_visit(node)
        out: list[nodes.Expr] = []
        for child in node.nodes:
            if not isinstance(child, nodes.TemplateData):
                child = _filter_node(child, _MARK_FILTER, [nodes.Const(self.outputs, lineno=child.lineno)])
                self.outputs += 1
            out.append(child)
        node.nodes = out
        return node


def _filter_node(value: nodes.Expr, name: str, args: list[nodes.Expr] | None = None) -> nodes.Filter:
    made = nodes.Filter(value, name, args or [], [], None, None, lineno=value.lineno)
    made.set_environment(_ENV)
    return made
_LOOP_ATTRS = frozenset({"index", "index0", "revindex", "revindex0", "first", "last", "length",
                         "previtem", "nextitem", "depth", "depth0"})
_FORBIDDEN_NODES = {
    nodes.Macro: "{% macro %}", nodes.CallBlock: "{% call %}", nodes.Include: "{% include %}",
    nodes.Import: "{% import %}", nodes.FromImport: "{% from … import %}", nodes.Extends: "{% extends %}",
    nodes.Block: "{% block %}", nodes.Assign: "{% set %}", nodes.AssignBlock: "{% set %}",
    nodes.With: "{% with %}", nodes.Scope: "scoped blocks", nodes.ExprStmt: "{% do %}",
    # it holds everything its body writes in memory before filtering it (no output limit applies)
    nodes.FilterBlock: "{% filter %}",
}


class _Refused(RuleError):
    """Template text asked for something templates may not do (caught here, shown as the render's
    error)."""


class _Env(SandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if attr.startswith("_"):
            return False
        if isinstance(obj, Namespace):
            return attr in obj._values
        if isinstance(obj, _Listed):
            return True
        if isinstance(obj, LoopContext):
            return attr in _LOOP_ATTRS
        return False

    def wrap_str_format(self, value: Any) -> None:
        return None  # str.format is just another method: not available

    def unsafe_undefined(self, obj: Any, attribute: str) -> Undefined:
        if attribute.startswith("_"):
            raise SecurityError(f"'{attribute}' reaches into Python internals")
        raise SecurityError(
            f"'.{attribute}' is not available on a value; use a filter instead, e.g. "
            f"{{{{ contact.first_name | upper }}}}")

    def getattr(self, obj: Any, attribute: str) -> Any:
        _tick()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        _tick()
        return _check(super().getitem(obj, argument))

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 (Jinja's signature)
        _tick()
        if __obj is ask:
            return __context.call(__obj, *args, **kwargs)
        raise SecurityError("templates can only call ask(\"…\"), nothing else")

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(n, int) and not isinstance(n, bool):
                    if n * max(1, len(seq)) > MAX_REPEAT:
                        raise SecurityError(f"repeating a value more than {MAX_REPEAT:,} times")
        elif operator == "**":
            if isinstance(right, (int, float)) and abs(right) > 64:
                raise SecurityError("powers above 64")
            if isinstance(left, (int, float)) and abs(left) > 10 ** 12:
                raise SecurityError("powers of numbers this large")
        elif operator == "%" and isinstance(left, str):
            raise SecurityError("%-formatting of text")
        _tick()
        return _check(super().call_binop(context, operator, left, right))


def _make_env() -> _Env:
    env = _Env(undefined=_Listed, autoescape=False, keep_trailing_newline=True, cache_size=0, finalize=_finalize)
    env.globals.clear()
    env.globals["ask"] = ask
    env.filters = {name: _bounded(FILTERS[name]) for name in _SAFE_FILTERS if name in FILTERS}
    env.filters["join"] = _join
    env.filters["list"] = _list
    env.filters[_LOOP_FILTER] = _loop_items
    env.filters[_CONCAT_FILTER] = _concat
    env.filters[_MARK_FILTER] = _mark
    return env


_ENV = _make_env()


def _check_nodes(node: nodes.Node, in_loop: bool = False) -> None:
    """One walk over the parsed template: refuse the statements message templates don't need."""
    for child in node.iter_child_nodes():
        kind = type(child)
        if kind in _FORBIDDEN_NODES:
            raise _Refused(f"{_FORBIDDEN_NODES[kind]} is not available in message templates "
                           f"(line {child.lineno}); use {{{{ values }}}}, {{% if %}} and {{% for %}}.")
        if isinstance(child, nodes.For):
            if child.recursive:
                raise _Refused(f"recursive loops are not available (line {child.lineno}).")
            if in_loop:
                raise _Refused(f"a {{% for %}} inside another {{% for %}} is not available (line {child.lineno}).")
            _check_nodes(child, True)
        else:
            _check_nodes(child, in_loop)


@functools.lru_cache(maxsize=128)
def _compile(source: str) -> Template:
    tree = _ENV.parse(source)
    _check_nodes(tree)
    tree = _Limits().visit(tree)
    return _ENV.from_string(tree)


# ============================================================================ rendering


@dataclass
class Part:
    """One rendered part (subject or body): display text and the spans of its markers."""

    text: str = ""
    #: (start, end, kind) with kind ``"slot"``, ``"missing"`` or ``"unknown"``
    spans: list[tuple[int, int, str]] = field(default_factory=list)


@dataclass
class Rendered:
    subject: Part = field(default_factory=Part)
    body: Part = field(default_factory=Part)
    slots: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    error: str = ""

    @property
    def complete(self) -> bool:
        return not (self.slots or self.missing or self.unknown or self.error)

    def problems(self) -> list[str]:
        """Why this can't be copied yet, one line each."""
        out = []
        if self.error:
            out.append(self.error)
        if self.slots:
            n = len(self.slots)
            out.append(f"{n} slot{'s' if n != 1 else ''} to fill in: " + "; ".join(self.slots))
        mine = [m for m in self.missing if m.startswith("me.")]
        others = [m for m in self.missing if not m.startswith("me.")]
        if mine:
            out.append("Missing values: " + ", ".join(mine) + f" ({WHERE_MINE})")
        if others:
            out.append("Missing values: " + ", ".join(others)
                       + " (fill them in on the contact or application, or type the words instead)")
        for name in self.unknown:
            out.append(f"Unknown placeholder {name}" + (f" (did you mean {s}?)" if (s := suggest(name)) else ""))
        return out


def suggest(name: str) -> str:
    found = difflib.get_close_matches(name, sorted(_KNOWN), n=1, cutoff=0.6)
    return found[0] if found else ""


SLOT_OPEN, SLOT_CLOSE = "«", "»"


def _display(raw: str) -> Part:
    """Replace sentinels with visible markers and record where they are."""
    out: list[str] = []
    spans: list[tuple[int, int, str]] = []
    pos = 0
    length = 0
    for m in _MARKED.finditer(raw):
        chunk = _SENTINELS.sub("", raw[pos:m.start()])  # a marker cut in half (| truncate) leaves nothing
        out.append(chunk)
        length += len(chunk)
        if m.group(1) is not None:
            marker, kind = f"{SLOT_OPEN}{m.group(1)}{SLOT_CLOSE}", "slot"
        else:
            inner = m.group(2)
            kind = "missing" if inner.startswith("missing ") else "unknown"
            marker = f"{SLOT_OPEN}{inner}{SLOT_CLOSE}"
        out.append(marker)
        spans.append((length, length + len(marker), kind))
        length += len(marker)
        pos = m.end()
    out.append(_SENTINELS.sub("", raw[pos:]))
    return Part("".join(out), spans)


def _render_raw(source: str, ctx: dict[str, Namespace], what: str) -> tuple[str, str]:
    """The template's output with its sentinels, and "" ; or the template text and what's wrong."""
    source = _SENTINELS.sub("", source or "")
    if "{" not in source:  # plain text: nothing to render (the common case for sent mail)
        return source, ""
    if len(source) > MAX_SOURCE and _SYNTAX.search(source):
        return source, (f"The {what} template is longer than {MAX_SOURCE:,} characters; "
                        "shorten it to fill it in.")
    try:
        template = _compile(source)
        chunks: list[str] = []
        size = 0
        for chunk in template.generate(**ctx):
            size += len(chunk)
            if size > MAX_OUTPUT:
                return source, f"This template makes the {what} longer than {MAX_OUTPUT:,} characters."
            _tick()
            chunks.append(chunk)
    except _TooMuch as exc:
        return source, exc.message(what)
    except TemplateSyntaxError as exc:
        return source, f"Template error in the {what}, line {exc.lineno}: {(exc.message or '').rstrip('.')}. " \
                       "To write braces as plain text use {{ '{{' }}."
    except SecurityError as exc:
        return source, f"Not allowed in the {what}: {exc}."
    except _Refused as exc:
        return source, f"Not allowed in the {what}: {exc}"
    except UndefinedError as exc:
        return source, f"Can't use a missing value that way in the {what}: {exc}."
    except (TemplateError, TypeError, ValueError, ArithmeticError, OverflowError, RecursionError,
            MemoryError) as exc:
        return source, f"Template error in the {what}: {exc}."
    return "".join(chunks), ""


def _render_one(source: str, ctx: dict[str, Namespace], what: str) -> tuple[Part, str]:
    raw, error = _render_raw(source, ctx, what)
    return (Part(raw), error) if error else (_display(raw), "")


def render(subject: str, body: str, ctx: dict[str, Namespace]) -> Rendered:
    """Render a subject and a body; list slots, missing and unknown values, or say what's wrong.
    Together they get :data:`MAX_RENDER_SECONDS`."""
    return _render(subject, body, ctx, time.perf_counter() + MAX_RENDER_SECONDS)


def _render(subject: str, body: str, ctx: dict[str, Namespace], deadline: float) -> Rendered:
    state = _State()
    state.deadline = deadline
    token = _STATE.set(state)
    try:
        subj, err_s = _render_one(subject, ctx, "subject")
        bod, err_b = _render_one(body, ctx, "body")
    finally:
        _STATE.reset(token)
    return Rendered(subject=subj, body=bod, slots=state.slots, missing=state.missing,
                    unknown=state.unknown, error=err_s or err_b)


def escape_source(text: str) -> str:
    """Plain text as template text that renders back to exactly ``text``."""
    return re.sub(r"\{(?=[{%#])", "{{ '{' }}", text or "")


_EXPR = re.compile(r"\{\{.*?\}\}", re.DOTALL)
_SYNTAX = re.compile(r"\{[{%#]")


@dataclass(frozen=True)
class Site:
    """A ``{{ … }}`` in the template text that needs the user: a slot, a missing or unknown value."""

    start: int
    end: int
    kind: str  # slot | missing | unknown
    label: str


def sites(source: str, ctx: dict[str, Namespace]) -> list[Site]:
    """Where in ``source`` the open slots and missing values are (character offsets)."""
    out: list[Site] = []
    if "{{" not in (source or ""):
        return out
    deadline = time.perf_counter() + MAX_RENDER_SECONDS  # for all of them together
    for m in _EXPR.finditer(source):
        part = _render("", m.group(0), ctx, deadline)
        if part.error:
            continue
        if part.slots:
            out.append(Site(m.start(), m.end(), "slot", part.slots[0]))
        elif part.missing:
            out.append(Site(m.start(), m.end(), "missing", part.missing[0]))
        elif part.unknown:
            out.append(Site(m.start(), m.end(), "unknown", part.unknown[0]))
    return out


def offset_to_location(text: str, offset: int) -> tuple[int, int]:
    """A character offset as (row, column), as text editors count them."""
    before = text[:offset]
    row = before.count("\n")
    col = len(before) - (before.rfind("\n") + 1)
    return row, col




def render_marked(subject: str, body: str, ctx: dict[str, Namespace]) -> tuple[str, str, str]:
    """The composer's fill: subject and body rendered with each ``{{ … }}``'s output wrapped in
    sentinels (numbered as :func:`expression_sources` lists them), and the first error ("" if none).
    Together they get :data:`MAX_RENDER_SECONDS`."""
    state = _State()
    state.mark = True
    token = _STATE.set(state)
    try:
        subj, err_s = _render_raw(subject, ctx, "subject")
        bod, err_b = _render_raw(body, ctx, "body")
    finally:
        _STATE.reset(token)
    return subj, bod, err_s or err_b


def expression_sources(source: str) -> list[str]:
    """The text inside each ``{{ … }}`` of ``source``, in order (as Jinja reads it: not inside
    ``{% raw %}``, strings may hold ``}}``); [] when it can't be read."""
    out: list[str] = []
    inside: list[str] | None = None
    try:
        for _line, kind, value in _ENV.lex(_SENTINELS.sub("", source or "")):
            if kind == "variable_begin":
                inside = []
            elif kind == "variable_end":
                out.append("".join(inside or []).strip())
                inside = None
            elif inside is not None:
                inside.append(value)
    except TemplateSyntaxError:
        return []
    return out
