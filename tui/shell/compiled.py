"""What Python compiles at every start, compiled once and kept between runs (issue 16).

A ``.pyc`` file keeps a module's bytecode, but some code is compiled afresh at each start:

* every ``@dataclass`` writes its ``__init__``, ``__repr__``, ``__eq__``… as source text and compiles
  it (Textual's 40 dataclasses and ours: 50–80 ms of a start, most of it ``compile``);
* every ``namedtuple`` compiles its ``__new__``, and every string annotation ``typing`` reads (a
  ``TypedDict``'s, under ``from __future__ import annotations``) is compiled into a ``ForwardRef``;
* every regular expression made at import (Textual's CSS tokenizer, Rich's markup, ours: 78 of them,
  ~26 ms) is parsed and translated into the regex engine's code.

:func:`install` (the console script calls it first thing, like :mod:`tui.shell.collector`) puts a
cache in front of them: ``dataclasses``' ``exec``, ``collections``' ``eval`` and ``typing``'s
``compile`` look the source text up before compiling it, and ``re``'s compiler looks the pattern and
flags up before parsing them. A hit gives exactly what the miss would have made: the same code object
(``compile`` of the same text, with no ``__future__`` flags, as those three modules have none), and the
same arguments to the regex engine's own constructor (``_sre.compile``). :func:`save` writes what was
compiled to one file in the user's cache folder (``$XDG_CACHE_HOME/rebound-tui``), named for this
interpreter's exact version; the app saves after its warm-up and at quit. A missing, unreadable,
damaged or foreign file is ignored (everything is compiled as before). Nothing of the person's data
is in it: the source text is made from the code's own names, and a regex is kept only when a module's
import makes it (a pattern made at run time, from a search say, is compiled as before and not kept).
``REBOUND_NO_CODE_CACHE=1`` turns it off.

Standard library only: nothing may be imported before it that it would have sped up.
"""

from __future__ import annotations

import builtins
import marshal
import os
import sys
import typing
from pathlib import Path
from types import CodeType, FrameType
from typing import Any

#: Entries kept at most: a file past it is rewritten with only what this run used.
MOST = 6000
#: The file format's own version, part of the file's tag.
FORMAT = 2

#: (mode, source text) -> the marshalled code object
_code: dict[tuple[str, str], bytes] = {}
_regex: dict[tuple[str | bytes, int], tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]] = {}
_used_code: set[tuple[str, str]] = set()
_used_regex: set[tuple[str | bytes, int]] = set()
_new = 0
_path: Path | None = None
_installed = False
_real_regex_compile: Any = None
_compiler: Any = None


def tag() -> str:
    """This interpreter's exact build: code objects and regex engine code are only valid in it."""
    import _sre

    impl = sys.implementation
    return f"{impl.cache_tag}-{sys.hexversion:x}-sre{_sre.MAGIC}-f{FORMAT}"


def cache_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or (os.environ.get("LOCALAPPDATA") if os.name == "nt" else "")
    root = Path(base) if base else Path.home() / ".cache"
    return root / "rebound-tui" / f"compiled-{tag()}.bin"


def install(path: Path | None = None) -> bool:
    """Read the cache and put it in front of ``dataclasses`` and ``re``. False when off or not
    possible (another Python whose internals differ): then nothing changed."""
    global _path, _installed, _real_regex_compile, _compiler
    if _installed:
        return True
    if os.environ.get("REBOUND_NO_CODE_CACHE"):
        return False
    try:
        import collections
        import dataclasses
        import re._compiler as compiler  # Python 3.11+: the regex compiler's module

        real = compiler.compile
        if not all(hasattr(compiler, name) for name in ("_parser", "_code", "_sre", "isstring")):
            return False
    except (ImportError, AttributeError):
        return False
    _path = path if path is not None else cache_path()
    _load(_path)
    # each module's global name, found before the builtin
    dataclasses.exec = _exec  # type: ignore[attr-defined]
    collections.eval = _eval  # type: ignore[attr-defined]
    typing.compile = _compile  # type: ignore[attr-defined]
    _real_regex_compile, _compiler = real, compiler
    compiler.compile = _compile_regex
    _installed = True
    return True


def is_installed() -> bool:
    return _installed


def uninstall() -> None:
    """Take the cache out again (tests): ``dataclasses`` and ``re`` compile as before."""
    global _installed
    if not _installed:
        return
    import collections
    import dataclasses
    import re._compiler as compiler

    if vars(dataclasses).get("exec") is _exec:
        del dataclasses.exec  # type: ignore[attr-defined]
    if vars(collections).get("eval") is _eval:
        del collections.eval  # type: ignore[attr-defined]
    if vars(typing).get("compile") is _compile:
        del typing.compile  # type: ignore[attr-defined]
    if compiler.compile is _compile_regex:
        compiler.compile = _real_regex_compile
    _installed = False


def _load(path: Path) -> None:
    global _new
    _new = 0
    _code.clear()
    _regex.clear()
    try:
        with open(path, "rb") as fh:
            data = marshal.loads(fh.read())  # one read: marshal.load(fh) reads in small pieces (10x slower)
        code, regex = data["code"], data["regex"]
        if data.get("tag") != tag() or not isinstance(code, dict) or not isinstance(regex, dict):
            return
    except (OSError, EOFError, ValueError, TypeError, KeyError):
        return  # none yet, unreadable or damaged: everything is compiled as before
    _code.update(code)
    _regex.update(regex)


def _cached(source: str, filename: str, mode: str) -> Any:
    """``compile(source, filename, mode)`` as a module without ``__future__`` imports calls it (the
    three below have none): from the cache, else compiled and remembered."""
    global _new
    key = (mode, source) if filename == "<string>" else (mode, f"{filename}\0{source}")
    kept = _code.get(key)
    code = None
    if kept is not None:
        try:
            code = marshal.loads(kept)  # each entry read when first asked for: a start asks for half of them
        except (EOFError, ValueError, TypeError):
            code = None
        if type(code) is not CodeType:  # a damaged entry: compiled again
            code = None
    if code is None:
        code = compile(source, filename, mode, dont_inherit=True)  # no flags from this module
        _code[key] = marshal.dumps(code)
        _new += 1
    _used_code.add(key)
    return code


def _exec(source: Any, globals: Any = None, locals: Any = None, /) -> Any:
    """``exec`` as ``dataclasses`` calls it (a class's methods as source text)."""
    if type(source) is str:
        source = _cached(source, "<string>", "exec")
    return builtins.exec(source, globals, locals)


def _eval(source: Any, globals: Any = None, locals: Any = None, /) -> Any:
    """``eval`` as ``collections.namedtuple`` calls it (the tuple's ``__new__`` as a lambda)."""
    if type(source) is str:
        source = _cached(source, "<string>", "eval")
    return builtins.eval(source, globals, locals)


def _compile(source: Any, filename: Any, mode: str, *args: Any, **kwargs: Any) -> Any:
    """``compile`` as ``typing`` calls it (a string annotation turned into a ``ForwardRef``)."""
    if type(source) is str and type(filename) is str and not args and not kwargs:
        return _cached(source, filename, mode)
    return builtins.compile(source, filename, mode, *args, **kwargs)


def _compile_regex(p: Any, flags: int = 0) -> Any:
    """``re._compiler.compile`` for a pattern string: the engine's arguments remembered across runs."""
    global _new
    compiler = _compiler
    if type(p) not in (str, bytes) or flags & compiler.SRE_FLAG_DEBUG:
        return _real_regex_compile(p, flags)
    key = (p, int(flags))
    args = _regex.get(key)
    if args is None:
        if not _importing():  # made at run time: it may hold the person's text (a search), never kept
            return _real_regex_compile(p, flags)
        parsed = compiler._parser.parse(p, flags)
        code = compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        names: list[str | None] = [None] * parsed.state.groups
        for name, i in groupindex.items():
            names[i] = name
        # the engine's code as plain ints (the compiler's opcodes are named int subclasses)
        args = _regex[key] = (int(flags | parsed.state.flags), [int(c) for c in code], parsed.state.groups - 1,
                              groupindex, tuple(names))
        _new += 1
    _used_regex.add(key)
    final_flags, code, groups, groupindex, indexgroup = args
    return compiler._sre.compile(p, final_flags, code, groups, groupindex, indexgroup)


def _importing() -> bool:
    """A module is being imported (a regex made by a module's body: the code's own pattern)."""
    frame: FrameType | None = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_filename.startswith("<frozen importlib._bootstrap"):
            return True
        frame = frame.f_back
    return False


def pending() -> int:
    """Entries compiled in this run and not saved yet."""
    return _new


def save() -> bool:
    """Write the cache if this run compiled anything new (atomically; a failure is ignored: the next
    run compiles again). True when written."""
    global _new
    if not _installed or _path is None or not _new:
        return False
    code, regex = _code, _regex
    if len(code) + len(regex) > MOST:  # old entries nobody uses any more: keep this run's only
        code = {k: v for k, v in code.items() if k in _used_code}
        regex = {k: v for k, v in regex.items() if k in _used_regex}
    try:
        payload = marshal.dumps({"tag": tag(), "code": code, "regex": regex})
    except ValueError:
        return False
    if not write_file(_path, payload):
        return False
    _new = 0
    return True


def write_file(path: Path, payload: bytes) -> bool:
    """Write a cache file atomically, readable by its owner only, and remove the same cache's files
    for other interpreters or Textuals (an upgrade leaves them behind). False on failure (a full disk,
    a read-only home): a cache costs only speed when it is not there."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(payload)
            os.replace(temp, path)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
    except OSError:
        return False
    kind = path.name.split("-", 1)[0] + "-"
    try:
        for old in path.parent.glob(f"{kind}*.bin"):
            if old.name != path.name:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # left for the next save
    return True


def save_all() -> None:
    """Save this cache and, if the app installed it, :mod:`tui.shell.css_cache`'s."""
    save()
    css_cache = sys.modules.get("tui.shell.css_cache")
    if css_cache is not None:
        css_cache.save()
