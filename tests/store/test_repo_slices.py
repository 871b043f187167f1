"""Repo.load_in_slices: the warm-up builds a table's models a slice at a time, the same models a read
builds at once, and keeps nothing when the table was read or written in between."""

from __future__ import annotations

from store import demo
from store.db import Store
from store.models import Application


def _fresh(data_dir) -> Store:
    s = Store.open(data_dir)
    demo.populate(s, applications=60, journal=3, contacts=3, touchpoints=5, drafts=1)
    s.close()
    return Store.open(data_dir)


def test_slices_build_the_same_models_as_a_read(data_dir, tmp_path):
    s = _fresh(data_dir)
    steps = list(s.applications.load_in_slices(size=7))
    assert len(steps) == 1 + (60 + 6) // 7  # the parse, then one step per slice
    assert s.applications.loaded
    sliced = s.applications.all()
    other = Store.open(data_dir, read_only=True)
    assert [a.to_dict() for a in sliced] == [a.to_dict() for a in other.applications.all()]
    other.close()
    s.close()


def test_a_write_between_slices_keeps_nothing_stale(data_dir):
    s = _fresh(data_dir)
    slices = s.applications.load_in_slices(size=10)
    next(slices)
    next(slices)
    saved = s.applications.save(Application(company="Written meanwhile"))
    list(slices)
    assert s.applications.get(saved.id) is not None
    assert any(a.company == "Written meanwhile" for a in s.applications.all())
    s.close()


def test_a_read_between_slices_wins(data_dir):
    s = _fresh(data_dir)
    slices = s.applications.load_in_slices(size=10)
    next(slices)
    read = s.applications.all()
    list(slices)
    assert s.applications.all() == read
    assert list(s.applications.load_in_slices()) == []  # loaded: nothing to do
    s.close()


def test_an_empty_table_is_loaded_in_one_step(store):
    assert len(list(store.touchpoints.load_in_slices())) == 1
    assert store.touchpoints.loaded and store.touchpoints.all() == []


def test_health_in_slices_fills_the_facts_health_then_adds_up(data_dir, monkeypatch):
    from datetime import date

    from store import pipeline
    from store.health_tally import HealthTally

    s = _fresh(data_dir)
    today = date(2026, 3, 2)
    steps = list(s.applications.health_in_slices(today, size=25))
    assert len(steps) == 6  # 60 applications, 25 a slice: their facts, then their running sums
    made = []
    monkeypatch.setattr(pipeline, "app_facts", lambda *a: made.append(a) or pytest_fail())
    monkeypatch.setattr(HealthTally, "of", lambda *a: made.append(a) or pytest_fail())
    health = s.applications.health(today)  # every fact and their sums are there: nothing computed again
    assert made == []
    monkeypatch.undo()
    assert health == pipeline.pipeline_health(s.applications.all(), today=today,
                                               quiet_days=s.applications.quiet_days(),
                                               floor=s.settings.current().pipeline_floor,
                                               weekly_goal=s.settings.current().weekly_goal)
    s.close()


def test_health_slices_stop_when_the_table_changes(data_dir):
    from datetime import date

    s = _fresh(data_dir)
    today = date(2026, 3, 2)
    slices = s.applications.health_in_slices(today, size=10)
    next(slices)
    saved = s.applications.save(Application(company="Written meanwhile"))
    assert list(slices) == []  # the rest is left to health(), which sees the new one
    health = s.applications.health(today)
    assert health.by_stage[saved.stage] >= 1
    s.close()


def pytest_fail():
    raise AssertionError("a fact was computed again")


def test_a_read_between_slices_finishes_them_without_starting_over(data_dir, monkeypatch):
    s = _fresh(data_dir)
    made = []
    real = Application.from_trusted

    def counted(doc, texts):
        made.append(doc.get("id"))
        return real(doc, texts)

    # a trusted file's records are made as the file's records are parsed, a slice at a time
    monkeypatch.setattr(Application, "from_trusted", staticmethod(counted))
    slices = s.applications.load_in_slices(size=10)
    next(slices)  # the parse: 60 records, one slice of the file's
    assert len(made) == 60
    everything = s.applications.all()  # a read now: nothing made again
    assert len(everything) == 60 and len(made) == 60
    assert list(slices) == []
    s.close()


def test_the_sums_made_in_slices_stay_out_when_the_table_changed_meanwhile(data_dir):
    from datetime import date

    from store import pipeline

    s = _fresh(data_dir)
    today = date(2026, 3, 2)
    slices = s.applications.health_in_slices(today, size=25)
    for _ in range(4):  # the facts, and the first slice of their sums
        next(slices)
    saved = s.applications.save(Application(company="Written meanwhile", stage="applied"))
    assert list(slices) == []
    health = s.applications.health(today)
    current = s.settings.current()
    assert health == pipeline.pipeline_health(s.applications.all(), today=today,
                                               quiet_days=s.applications.quiet_days(),
                                               floor=current.pipeline_floor, weekly_goal=current.weekly_goal)
    assert saved.id in {a.id for a in s.applications.all()}
    s.close()
