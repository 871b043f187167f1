"""Interviews exported as calendar events, read back by icalendar; and the CSV's interview column
read back by ``import applications``."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from icalendar import Calendar

from store import clock
from store.exporting.applications import applications_csv
from store.exporting.interviews import interviews_ics
from store.importing import applications as A
from store.models import Application
from tests.hostile import HOSTILE


def _events(data: bytes) -> dict[str, object]:
    return {str(e["uid"]): e for e in Calendar.from_ical(data).walk("VEVENT")}


def _apps() -> list[Application]:
    return [
        Application(id="timed", company="Acme", role="Backend Dev", stage="interviewing",
                    interview_at="2026-03-05T10:30", next_action="prepare the system design",
                    next_action_date="2026-03-04", round_number=2, round_name="technical"),
        Application(id="allday", company="Globex", role="SRE", stage="screening", interview_at="2026-03-09"),
        Application(id="none", company="Initech", role="QA", stage="applied"),
        Application(id="junk", company="Umbrella", role="Ops", stage="screening", interview_at="someday"),
    ]


def test_one_event_per_interview_timed_or_all_day():
    events = _events(interviews_ics(_apps()))
    assert set(events) == {"timed-interview@rebound", "allday-interview@rebound"}
    timed = events["timed-interview@rebound"]
    assert str(timed["summary"]) == "Interview: Acme — Backend Dev"
    start, end = timed.decoded("dtstart"), timed.decoded("dtend")
    assert start == datetime(2026, 3, 5, 10, 30) and start.tzinfo is None  # floating local time
    assert end - start == timedelta(hours=1)
    assert "Next action: prepare the system design (Wed 4 Mar 2026)" in str(timed["description"])
    assert "Round: 2 - technical" in str(timed["description"])
    allday = events["allday-interview@rebound"]
    assert allday.decoded("dtstart") == date(2026, 3, 9) and allday.decoded("dtend") == date(2026, 3, 10)
    assert str(allday["summary"]) == "Interview: Globex — SRE"


def test_uid_stays_and_sequence_and_last_modified_grow_between_exports():
    first = _events(interviews_ics(_apps()))["timed-interview@rebound"]
    clock.freeze(datetime(2026, 3, 3, 9, 0))
    moved = _apps()
    moved[0].interview_at = "2026-03-06T14:00"
    second = _events(interviews_ics(moved))["timed-interview@rebound"]
    assert int(second["sequence"]) > int(first["sequence"]) >= 0
    assert second.decoded("last-modified") > first.decoded("last-modified")
    assert second.decoded("dtstart") == datetime(2026, 3, 6, 14, 0)


def test_hostile_text_stays_inside_its_property():
    apps = [Application(id=f"h{i}", company=text, role=text, next_action=text, interview_at="2026-03-05T09:00")
            for i, text in enumerate(HOSTILE)]
    events = _events(interviews_ics(apps))
    assert len(events) == len(HOSTILE)
    for e in events.values():
        assert str(e["summary"]).startswith("Interview: ")


def test_csv_has_an_interview_column_that_import_reads_back():
    si = A.open_sheet(applications_csv(_apps()))
    plan = A.plan_applications(si, [])
    back = {a.id: a.interview_at for a in plan.added}
    assert back["timed"] == "2026-03-05T10:30" and back["allday"] == "2026-03-09" and back["none"] is None


def test_a_spreadsheet_interview_column_is_guessed_and_read_with_its_time():
    data = b"Company,Role,Status,Interview date\nAcme,Dev,Interviewing,05/03/2026 14:30\n"
    si = A.open_sheet(data)
    plan = A.plan_applications(si, [])
    (app,) = plan.added
    assert app.interview_at in ("2026-05-03T14:30", "2026-03-05T14:30")  # the date order is the sheet's guess
