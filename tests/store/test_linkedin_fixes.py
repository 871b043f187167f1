"""The LinkedIn import fixes of issue 13, one real-world variant per fixture (tests/fixtures/linkedin)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from store import linkedin as L
from store.models import Contact, Settings

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "linkedin"
TODAY = date(2026, 3, 2)


def parse(name: str) -> L.ParsedFile:
    return L.parse_connections((FIX / name).read_bytes())


def test_2018_era_dates_with_a_time_are_read_month_first():
    p = parse("dates_2018.csv")
    assert [r.connected_on for r in p.rows] == [date(2018, 1, 8), date(2017, 12, 25), date(2018, 3, 14)]
    assert p.notes == []


@pytest.mark.parametrize("text,expected", [
    ("1/8/18, 6:14 PM", date(2018, 1, 8)),
    ("12/25/17, 9:02 AM", date(2017, 12, 25)),
    ("3/25/2024", date(2024, 3, 25)),  # the order can't be in doubt
    ("03/12/2024", None),  # it can: still never guessed
    ("12 ene. 2024", date(2024, 1, 12)),
    ("03 ago 2023", date(2023, 8, 3)),
    ("28 dic 2022", date(2022, 12, 28)),
    ("1 sept 2021", date(2021, 9, 1)),
    ("12 de marzo de 2024", date(2024, 3, 12)),
])
def test_more_linkedin_dates(text, expected):
    assert L.parse_linkedin_date(text) == expected


def test_rows_wrapped_whole_in_quotes_are_unwrapped_not_lost():
    p = parse("whole_row_quoted.csv")
    assert [r.name for r in p.rows] == ["Ana Almeida", "Ben Brandt", "Chloe Chen"]
    assert p.skipped == []
    ben = p.rows[1]
    assert (ben.company, ben.position, ben.connected_on) == ("Acme, Inc.", "Director, Platform Engineering",
                                                             date(2023, 1, 3))


def test_headers_squeezed_by_a_spreadsheet_resave():
    r = parse("resaved_headers.csv").rows[0]
    assert (r.email, r.connected_on) == ("farid@example.com", date(2020, 8, 19))


def test_semicolon_separated_files_are_read():
    p = parse("semicolon.csv")
    assert [(r.name, r.company, r.position) for r in p.rows] == [
        ("Grace Gupta", "Lumen Robotics", "Head of Data; Analytics"),
        ("Liam Lindqvist", "Marlow Energy, AB", "Analyst")]


def test_a_spanish_export_headers_and_months():
    p = parse("spanish.csv")
    assert p.header_line == 4 and p.has_url
    assert [(r.name, r.connected_on) for r in p.rows] == [
        ("Lucía García", date(2024, 1, 12)), ("Mateo Fernández", date(2023, 8, 3)),
        ("Sofía López", date(2022, 12, 28)), ("Diego Martín", date(2021, 9, 1))]
    assert p.rows[0].company == "Telefónica" and p.rows[0].position == "Ingeniera de datos"


def test_outlook_title_is_an_honorific_not_the_position():
    p = parse("outlook.csv")
    assert [(r.name, r.position) for r in p.rows] == [
        ("Maya Moreau", "Chief Medical Officer"), ("Olga Petrov", ""), ("Priya Quinn", "Producer")]
    assert all(r.position not in ("Dr.", "Ms.") for r in p.rows)


def test_reimporting_name_only_rows_adds_nobody_twice(store):
    store.contacts.apply_import(L.plan_import(parse("name_only.csv"), [], Settings(), TODAY))
    assert store.contacts.count() == 2
    again = L.plan_import(parse("name_only.csv"), store.contacts.all(), Settings(), TODAY)
    assert again.added == [] and again.unchanged == 2


def test_old_format_then_current_format_is_a_job_change_not_a_duplicate(store):
    store.contacts.apply_import(L.plan_import(parse("old_format.csv"), [], Settings(), TODAY))
    plan = L.plan_import(parse("current_format.csv"), store.contacts.all(), Settings(), TODAY)
    assert plan.added == []
    by = {u.after.first_name: u for u in plan.updated}
    assert by["Tomas"].job_change and by["Tomas"].after.company == "Kestrel Games"
    assert "LinkedIn URL added" in by["Tomas"].what
    assert not by["Uma"].job_change  # her position was only filled in
    store.contacts.apply_import(plan)
    assert store.contacts.count() == 2


def test_an_old_export_with_unreadable_dates_still_matches_by_name():
    old = Contact(first_name="Tomas", last_name="Torres", company="Umbra Studios", title="Producer",
                  source="linkedin")
    plan = L.plan_import(parse("current_format.csv"), [old], Settings(), TODAY)
    assert [u.after.first_name for u in plan.updated if u.job_change] == ["Tomas"]
    assert [c.first_name for c in plan.added] == ["Uma"]
    # but a contact typed by hand with the same name is not silently merged into a profile
    manual = Contact(first_name="Tomas", last_name="Torres", company="Umbra Studios", source="manual")
    plan = L.plan_import(parse("current_format.csv"), [manual], Settings(), TODAY)
    assert "Tomas Torres" in [c.display_name for c in plan.added]


def test_a_position_filled_in_is_not_a_job_change():
    existing = [Contact(first_name="Uma", last_name="Ueda", company="Quillstone Labs",
                        linkedin_url="https://www.linkedin.com/in/uma-ueda")]
    plan = L.plan_import(parse("current_format.csv"), existing, Settings(), TODAY)
    uma = next(u for u in plan.updated if u.after.first_name == "Uma")
    assert not uma.job_change and uma.after.changes == [] and uma.after.title == "Staff Engineer"
    assert plan.job_changes == []


def test_recruiter_and_talent_positions_set_the_role():
    plan = L.plan_import(parse("recruiters.csv"), [], Settings(), TODAY)
    assert {c.first_name: c.role for c in plan.added} == {"Vera": "recruiter", "Wen": "recruiter", "Xavi": "other"}
    spanish = L.plan_import(parse("spanish.csv"), [], Settings(), TODAY)
    assert [c.first_name for c in spanish.added if c.role == "recruiter"] == ["Mateo"]
    existing = [Contact(first_name="Xavi", last_name="Xu", company="Granite Cloud", title="Software Engineer",
                        linkedin_url="https://www.linkedin.com/in/xavi-xu")]
    moved = parse("recruiters.csv")
    moved.rows[2].position = "Talent Acquisition Lead"
    update = L.plan_import(moved, existing, Settings(), TODAY).updated[0]
    assert update.after.role == "recruiter" and "role recruiter (from the position)" in update.what
