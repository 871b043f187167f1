"""Templates can't take unbounded time or memory (issue 17, item 16): every text or list a
template makes stays under MAX_OUTPUT, a render has a time budget, and the message says why.

The preview renders as the user types, so each case is also checked to stop quickly.
"""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from store import outreach_render as R
from store import templates as T
from store.models import Application, Contact, Settings, Template
from store.outreach import MAX_OUTPUT, build_context, render

TEN_THOUSAND = "('x'*9999)"
#: About 100,000 characters made with ``~`` (each piece is under the repeat limit).
CONCATENATED = "(" + " ~ ".join([TEN_THOUSAND] * 11) + ")"


def ctx():
    return build_context(contacts=[Contact(first_name="Ana", last_name="Almeida", company="Northwind")],
                         application=Application(company="Northwind", role="Data Engineer"),
                         settings=Settings(my_name="Alex Morgan"))


@contextmanager
def measured() -> Iterator[dict[str, float]]:
    """Peak memory (MB) and seconds of what runs inside."""
    out: dict[str, float] = {}
    tracemalloc.start()
    start = time.perf_counter()
    try:
        yield out
    finally:
        out["seconds"] = time.perf_counter() - start
        out["peak_mb"] = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()


@pytest.mark.parametrize("source", [
    "{{ ('x'*9999)|list|join('y'*9999) }}",                      # ~10^8 characters in one join
    "{% if ('x'*9999)|list|join('y'*9999) %}yes{% endif %}",      # the same, never written out
    "{{ " + CONCATENATED + "|length }}",                           # ~ past the limit
    "{{ " + CONCATENATED + "|list|sort|join }}",
    "{{ ('x'*9999) + ('x'*9999) + ('x'*9999) + ('x'*9999) + ('x'*9999) + ('x'*9999) + ('x'*9999)"
    " + ('x'*9999) + ('x'*9999) + ('x'*9999) + ('x'*9999) }}",
    "{{ ([('x'*9999)]*9999)|string }}",                           # a list of 9,999 long texts, as text
    "{{ [('x'*9999)]*9999 }}",
])
def test_text_past_the_limit_is_refused_before_it_is_built(source):
    with measured() as m:
        r = render("", source, ctx())
    assert r.error == f"This template makes text longer than {MAX_OUTPUT:,} characters (in the body).", r.error
    assert r.body.text == source  # nothing half-rendered
    assert m["peak_mb"] < 20, m


def test_a_template_that_takes_too_long_stops_at_the_time_budget():
    # 1,500 turns, each joining 10,000 items: seconds of work, all of it under the size limits
    source = "{% for c in ('x'*1500) %}{% if ('x'*9999)|list|join(',') %}{% endif %}{% endfor %}"
    with measured() as m:
        r = render("", source, ctx())
    assert r.error.startswith("This template takes too long to fill in (more than 0.5 s, in the body)"), r.error
    assert m["seconds"] < R.MAX_RENDER_SECONDS + 2.5, m


def test_a_filter_block_which_would_hold_its_whole_body_in_memory_is_not_available():
    source = "{% filter upper %}{% for c in " + CONCATENATED + " %}{{ 'x'*9999 }}{% endfor %}{% endfilter %}"
    with measured() as m:
        r = render("", source, ctx())
    assert r.error.startswith("Not allowed in the body: {% filter %} is not available"), r.error
    assert m["peak_mb"] < 20, m


def test_a_loop_over_very_long_text_is_refused():
    r = render("", "{% for c in " + CONCATENATED + " %}{% endfor %}", ctx())
    assert "longer than 100,000 characters" in r.error


def test_the_time_budget_covers_every_expression_that_sites_renders(monkeypatch):
    # a clock that moves on 0.05 s at every reading, so the budget runs out part way through, on any
    # machine: the expressions after that are each stopped at once, not given a budget of their own
    readings = iter(range(10**9))
    monkeypatch.setattr(R.time, "perf_counter", lambda: next(readings) * 0.05)
    source = "".join("{{ " + f"('x' * 3) ~ {i}" + " }}" for i in range(40))
    errors: list[str] = []
    real = R._render

    def rendered(*args):
        out = real(*args)
        errors.append(out.error)
        return out

    monkeypatch.setattr(R, "_render", rendered)
    R.sites(source, ctx())
    assert len(errors) == 40
    stopped = [e for e in errors if e and "takes too long" in e]
    assert 0 < len(errors) - len(stopped) < 12  # a few before the budget ran out, none after
    assert errors[-1] in stopped


def test_template_text_too_long_to_fill_in_is_said_so_and_the_composer_refuses_to_save_it(store):
    from tui.outreach.actions import OutreachActions

    long_source = "{{ contact.first_name }} " * 1000  # 25,000 characters
    r = render("", long_source, ctx())
    assert r.error == "The body template is longer than 20,000 characters; shorten it to fill it in."
    plain = "a long plain letter {not a placeholder} " * 1000
    assert render("", plain, ctx()).body.text == plain  # plain text is never compiled: no limit
    def write(fn, *args):
        fn(*args)
        return True

    said = OutreachActions(store, write).save_template(Template(name="Huge", body=long_source))
    assert not said.ok and "longer than 20,000 characters" in said.error
    assert store.templates.user_templates() == []


def test_ordinary_templates_render_as_before():
    source = ("{% if contact.company %}at {{ contact.company | upper }}{% endif %}"
              "{% for n in 'ab' %}{{ loop.index }}/{{ loop.length }}{{ ',' if not loop.last }}{% endfor %} "
              "{{ ['a', 'b'] | join(', ') }} {{ 'x' ~ contact.first_name ~ 'y' }} {{ 'ab' | list | length }} "
              "{{ (contact.first_name ~ ' ') * 2 }}{{ [1, 2] + [3] }}")
    r = render("", source, ctx())
    assert r.complete, r.error
    assert r.body.text == "at NORTHWIND1/2,2/2 a, b xAnay 2 Ana Ana [1, 2, 3]"
    for builtin in T.BUILTIN_BY_KIND.values():
        start = time.perf_counter()
        r = render(builtin.subject, builtin.body, ctx())
        assert not r.error and time.perf_counter() - start < 0.5
