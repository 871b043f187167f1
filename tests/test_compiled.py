"""What Python compiles at each start, kept between runs (tui/shell/compiled.py): a class or a regex
made from the cache is the one made without it, a damaged or foreign file is ignored, and a second
run compiles nothing the first one did."""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.shell import compiled

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.delenv("REBOUND_NO_CODE_CACHE", raising=False)
    path = tmp_path / "compiled.bin"
    yield path
    compiled.uninstall()
    re.purge()


def fresh(path: Path) -> None:
    """The cache taken out and read again from ``path``: what the next start sees."""
    compiled.uninstall()
    assert compiled.install(path)
    re.purge()  # re's own in-process cache would answer before the compiler is asked


CLASSES = '''
from __future__ import annotations
import dataclasses
from dataclasses import dataclass, field, InitVar
from typing import ClassVar, NamedTuple, TypedDict

class Pair(NamedTuple):
    left: int
    right: str = "r"

class Shape(TypedDict, total=False):
    name: str
    sides: list[int]

@dataclass(frozen=True, order=True)
class Point:
    x: int
    y: int = 0

@dataclass(slots=True)
class Bag:
    name: str
    items: list = field(default_factory=list)
    size: int = field(default=3, repr=False)
    kind: ClassVar[str] = "bag"

@dataclass(kw_only=True)
class Opts:
    a: int = 1
    seed: InitVar[int] = 0
    b: int = 2
    def __post_init__(self, seed):
        self.b += seed

def describe():
    import inspect
    out = []
    for cls in (Point, Bag, Opts):
        out.append((cls.__name__, str(inspect.signature(cls)), cls.__init__.__annotations__.get("return", "none")))
    p = Point(1)
    out.append((repr(p), p == Point(1, 0), p < Point(2), hash(p) == hash(Point(1, 0))))
    b = Bag("x")
    out.append((repr(b), b == Bag("x", []), Bag("y").items is not b.items))
    o = Opts(a=5, seed=4)
    out.append((repr(o), o.b))
    out.append((repr(Pair(1)), Pair(2, "x")._asdict(), Pair._fields))
    out.append(tuple((k, repr(v)) for k, v in Shape.__annotations__.items()))
    try:
        p.x = 2
    except dataclasses.FrozenInstanceError:
        out.append("frozen")
    return out
'''


def _classes() -> list:
    """The classes above made in a new module (dataclasses reads string annotations through it)."""
    import types

    module = types.ModuleType("made_here")
    sys.modules["made_here"] = module
    try:
        exec(compile(CLASSES, "classes", "exec"), module.__dict__)  # noqa: S102 - the test's own source
        return module.describe()
    finally:
        del sys.modules["made_here"]


def test_a_dataclass_made_from_the_cache_is_the_one_made_without_it(cache):
    plain = _classes()
    assert compiled.install(cache)
    first = _classes()  # compiled, remembered
    assert compiled.pending() > 0 and compiled.save()
    fresh(cache)
    again = _classes()  # every method from the file
    assert compiled.pending() == 0
    assert plain == first == again
    # the return annotation is the object None, as dataclasses makes it (no __future__ flag leaked in)
    assert again[0][2] is None


def made_by_an_import(pattern: str | bytes, flags: int, folder: Path) -> re.Pattern:
    """``re.compile(pattern, flags)`` in the body of a module being imported (only those are kept)."""
    import importlib.util

    name = f"regex_module_{next(_modules)}"
    path = folder / f"{name}.py"
    path.write_text(f"import re\nPATTERN = re.compile({pattern!r}, {int(flags)})\n", encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.PATTERN


_modules = itertools.count()


PIECES = st.sampled_from(["a", "b", "\\d", "\\w+", "[a-c]", "[^x]", ".", "(?P<g>ab)", "(x|y)", "\\s*", "^", "$",
                          "a{2,3}", "(?:ba)+?", "\\bq", "(?i:z)", "é", "[0-9]+", "a|b", "(?=a)", "(?!b)", "\\."])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(PIECES, min_size=1, max_size=6), flags=st.sampled_from([0, re.I, re.M, re.S, re.I | re.M]),
       text=st.text(alphabet="abcxyzq019 .é\nABZ", max_size=30))
def test_a_regex_made_from_the_cache_matches_as_the_one_made_without_it(cache, parts, flags, text):
    pattern = "".join(parts)
    if pattern.count("(?P<g>") > 1:  # a group name once only
        pattern = pattern.replace("(?P<g>ab)", "(ab)")
    compiled.uninstall()
    re.purge()
    plain = re.compile(pattern, flags)
    fresh(cache)
    missed = made_by_an_import(pattern, flags, cache.parent)
    compiled.save()
    fresh(cache)
    hit = made_by_an_import(pattern, flags, cache.parent)
    assert compiled.pending() == 0
    for made in (missed, hit):
        assert (made.pattern, made.flags, made.groups, made.groupindex) == (plain.pattern, plain.flags, plain.groups,
                                                                             plain.groupindex)
        assert [m.span() for m in made.finditer(text)] == [m.span() for m in plain.finditer(text)]
        assert [m.groups() for m in made.finditer(text)] == [m.groups() for m in plain.finditer(text)]


def test_a_bytes_pattern_and_its_str_twin_are_kept_apart(cache):
    assert compiled.install(cache)
    re.purge()
    text, data = made_by_an_import("(a+)(?P<b>b)?", 0, cache.parent), made_by_an_import(b"(a+)(?P<b>b)?", 0,
                                                                                        cache.parent)
    compiled.save()
    fresh(cache)
    again_text = made_by_an_import("(a+)(?P<b>b)?", 0, cache.parent)
    again_data = made_by_an_import(b"(a+)(?P<b>b)?", 0, cache.parent)
    assert compiled.pending() == 0
    assert again_data.fullmatch(b"aab").groupdict() == data.fullmatch(b"aab").groupdict() == {"b": b"b"}
    assert again_text.fullmatch("aab").groupdict() == text.fullmatch("aab").groupdict() == {"b": "b"}


@pytest.mark.parametrize("content", [b"", b"\x00garbage", b"\xfb\x01\x02", None])
def test_a_damaged_or_foreign_file_is_ignored_and_replaced(cache, content):
    import marshal

    if content is None:  # a file another Python wrote: its tag differs
        content = marshal.dumps({"tag": "cpython-0-0", "code": {("exec", "x = 1"): compile("x = 2", "s", "exec")},
                                 "regex": {}})
    cache.write_bytes(content)
    assert compiled.install(cache)
    assert _classes()[0][0] == "Point"
    assert compiled.pending() > 0  # nothing was taken from the file
    assert compiled.save()
    fresh(cache)
    _classes()
    assert compiled.pending() == 0


def test_a_cache_that_cannot_be_written_costs_only_speed(tmp_path, monkeypatch):
    monkeypatch.delenv("REBOUND_NO_CODE_CACHE", raising=False)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    try:
        assert compiled.install(blocker / "compiled.bin")
        _classes()
        assert compiled.save() is False
    finally:
        compiled.uninstall()


def test_it_can_be_turned_off(monkeypatch, tmp_path):
    monkeypatch.setenv("REBOUND_NO_CODE_CACHE", "1")
    assert compiled.install(tmp_path / "c.bin") is False
    assert compiled.save() is False


def test_a_second_start_compiles_nothing_the_first_did(tmp_path):
    """Two processes as the console script runs them: the second finds every dataclass method and
    every regex of the app's start in the file the first wrote, and only the file is in the cache
    folder (owner-only)."""
    code = ("import sys\n"
            "from tui.shell import compiled\n"
            "compiled.install()\n"
            "import tui.app, store.today\n"
            "print(compiled.pending(), compiled.save())\n")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    runs = [subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                           check=True).stdout.split() for _ in range(2)]
    assert int(runs[0][0]) > 100 and runs[0][1] == "True"
    assert runs[1] == ["0", "False"]
    (made,) = (tmp_path / "cache" / "rebound-tui").iterdir()
    assert made.name == compiled.cache_path().name and made.stat().st_mode & 0o077 == 0


def test_a_regex_made_at_run_time_is_never_kept(cache):
    """A pattern made outside an import may hold the person's text (a search): it is compiled as
    before and never written to the cache."""
    assert compiled.install(cache)
    re.purge()
    secret = "my private search about Acme"
    assert re.compile(re.escape(secret)).search(f"… {secret} …")
    made_by_an_import("kept[0-9]+", 0, cache.parent)
    assert compiled.save()
    written = cache.read_bytes()
    assert b"kept[0-9]+" in written and b"private search" not in written


def test_a_save_removes_the_files_other_interpreters_left(tmp_path, monkeypatch):
    monkeypatch.delenv("REBOUND_NO_CODE_CACHE", raising=False)
    folder = tmp_path / "rebound-tui"
    folder.mkdir()
    (folder / "compiled-cpython-310-old.bin").write_bytes(b"x")
    (folder / "css-cpython-311-keep.bin").write_bytes(b"x")  # another cache's file: not this one's to remove
    try:
        assert compiled.install(folder / "compiled-now.bin")
        _classes()
        assert compiled.save()
    finally:
        compiled.uninstall()
    assert sorted(p.name for p in folder.iterdir()) == ["compiled-now.bin", "css-cpython-311-keep.bin"]


def test_a_damaged_entry_is_compiled_again(cache):
    import marshal

    plain = _classes()
    assert compiled.install(cache)
    _classes()
    assert compiled.save()
    data = marshal.loads(cache.read_bytes())
    data["code"] = {key: (b"\x00broken" if i % 2 else marshal.dumps("not code")) for i, key in enumerate(data["code"])}
    cache.write_bytes(marshal.dumps(data))
    fresh(cache)
    assert _classes() == plain
    assert compiled.pending() > 0
