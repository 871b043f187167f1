"""LinkedIn Connections.csv import (store/linkedin.py), on fixture files covering each quirk."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from store import contacts as C
from store import linkedin as L
from store.models import Contact, Settings

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "linkedin"
TODAY = date(2026, 3, 2)


def parse(name: str) -> L.ParsedFile:
    return L.parse_connections((FIX / name).read_bytes())


def names(parsed: L.ParsedFile) -> list[str]:
    return [r.name for r in parsed.rows]


# --------------------------------------------------------------------------- reading


def test_basic_export_with_notes_preamble_quoted_commas_and_empty_names():
    p = parse("basic.csv")
    assert p.header_line == 4 and p.has_url
    assert names(p) == ["Ana Almeida", "Ben Brandt", "Chloe Chen", "Dev O'Brien", "Elif Eriksen"]
    ben = p.rows[1]
    assert (ben.company, ben.position) == ("Acme, Inc.", "Director, Platform Engineering")
    assert p.rows[3].company == 'Quillstone "Labs"'
    assert p.rows[0].connected_on == date(2024, 3, 12) and p.rows[0].email == "ana@example.com"
    assert [(s.line, s.reason) for s in p.skipped] == [(7, L.NO_NAME), (10, L.NO_NAME)]


def test_bom_crlf_and_no_preamble():
    p = parse("bom_crlf_no_preamble.csv")
    assert p.header_line == 1 and names(p) == ["Farid Fischer", "Grace Gupta"]
    assert p.rows[0].position == "Data Engineer"  # no stray \r
    assert p.rows[1].connected_on == date(2020, 8, 19)


def test_older_export_without_url_and_multi_line_notes():
    p = parse("old_export_no_url.csv")
    assert p.header_line == 7 and not p.has_url
    assert names(p) == ["Hugo Haddad", "Ines Ivanova", "Jonas Jensen"]
    assert p.rows[0].url == "" and p.rows[0].connected_on == date(2016, 1, 5)


def test_long_preamble_is_skipped_by_content_not_by_count():
    p = parse("long_preamble.csv")
    assert p.header_line == 11 and names(p) == ["Kira Kowalski"]


def test_columns_in_another_order_and_unknown_columns():
    p = parse("reordered_columns.csv")
    r = p.rows[0]
    assert (r.first, r.last, r.company, r.position, r.url) == (
        "Liam", "Lindqvist", "Marlow Energy", "Analyst", "https://www.linkedin.com/in/liam-l")


def test_windows_1252_and_utf16_files():
    assert parse("windows1252.csv").rows[0].company == "Café Société"
    text = (FIX / "basic.csv").read_text(encoding="utf-8")
    p = L.parse_connections(text.encode("utf-16"))
    assert names(p)[:2] == ["Ana Almeida", "Ben Brandt"]


def test_bad_rows_are_skipped_or_noted_and_never_abort_the_rest():
    p = parse("bad_rows.csv")
    assert names(p) == ["Maya Moreau", "Olga Petrov", "Priya Quinn", "Quentin", "Sam Schmidt"]
    skipped = {s.line: s.reason for s in p.skipped}
    assert "unquoted comma" in skipped[6]
    assert "cut off" in skipped[11]
    olga = p.rows[1]
    assert olga.connected_on is None and olga.email == ""  # 31 Feb and "not-an-email" dropped…
    assert any("31 Feb 2024" in n for n in p.notes) and any("not an email" in n for n in p.notes)
    assert p.rows[2].company == "Riverbend Logistics"  # a quoted line break
    assert p.rows[4].connected_on == date(2021, 9, 9)


def test_a_huge_field_is_skipped_and_parsing_continues():
    head = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    text = head + "A,B,,,Co," + "x" * 200_000 + ",01 Jan 2020\nC,D,,,Co2,P,02 Jan 2020\n"
    p = L.parse_connections(text)
    assert names(p) == ["C D"] and "unreadable" in p.skipped[0].reason and p.skipped[0].line == 2
    assert p.rows[0].line == 3


def test_not_a_connections_file():
    with pytest.raises(L.ImportFormatError, match="First Name"):
        parse("not_linkedin.csv")
    with pytest.raises(L.ImportFormatError):
        L.parse_connections(b"")


def test_read_bytes_errors(tmp_path):
    with pytest.raises(L.ImportFormatError, match="No such file"):
        L.read_bytes(tmp_path / "missing.csv")
    with pytest.raises(L.ImportFormatError, match="folder"):
        L.read_bytes(tmp_path)


@pytest.mark.parametrize("text,expected", [
    ("12 Mar 2024", date(2024, 3, 12)),
    ("1 December 2021", date(2021, 12, 1)),
    ("05-Jan-2016", date(2016, 1, 5)),
    ("12 Mar 24", date(2024, 3, 12)),
    ("Mar 12, 2024", date(2024, 3, 12)),
    ("2024-03-12", date(2024, 3, 12)),
    ("31 Feb 2024", None),
    ("12 Foo 2024", None),
    ("03/12/2024", None),  # ambiguous: never guessed
    ("", None),
])
def test_linkedin_dates(text, expected):
    assert L.parse_linkedin_date(text) == expected


def test_hostile_values_are_cleaned_of_terminal_controls():
    p = parse("hostile.csv")
    for r in p.rows:
        for value in (r.first, r.last, r.company, r.position):
            assert "\x1b" not in value and "\u202e" not in value and "\x07" not in value
    assert p.rows[0].first == "[/]" and p.rows[0].company == '=HYPERLINK("http://evil")'


# --------------------------------------------------------------------------- planning and dedupe


def test_url_normalisation():
    n = L.normalize_url
    assert n("https://www.linkedin.com/in/Jane-Doe/?trk=x") == "linkedin.com/in/jane-doe"
    assert n("uk.linkedin.com/in/jane-doe") == "linkedin.com/in/jane-doe"
    assert n("http://linkedin.com/in/j%C3%B6rg") == "linkedin.com/in/jörg"
    assert n("") == ""


def test_new_contacts_get_first_due_dates_spread_over_one_cadence():
    p = parse("basic.csv")
    plan = L.plan_import(p, [], Settings(), TODAY)
    assert len(plan.added) == 5 and plan.cadence == "quarterly" and plan.spread_days == 91
    dues = sorted(date.fromisoformat(c.first_due_on) for c in plan.added)
    assert dues[0] > TODAY and dues[-1] == TODAY + timedelta(days=91)
    assert len(set(dues)) == 5
    # newest connections come first
    by_due = sorted(plan.added, key=lambda c: c.first_due_on)
    assert by_due[0].first_name == "Chloe"
    for c in plan.added:
        assert c.source == "linkedin" and c.cadence_set_on == "2026-03-02"
        info = C.due_info(c, Settings(), TODAY)
        assert info.state in ("ok", "due soon")


def test_a_big_import_is_not_a_wall_of_due_contacts():
    head = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    rows = "".join(f"P{i},Q{i},https://www.linkedin.com/in/p{i},,Co{i % 50},Eng,01 Jan 2020\n"
                   for i in range(2000))
    calls = []
    plan = L.plan_import(L.parse_connections(head + rows), [], Settings(), TODAY,
                         progress=lambda done, total: calls.append((done, total)))
    assert len(plan.added) == 2000
    assert calls[0] == (100, 2000) and calls[-1] == (2000, 2000) and len(calls) == 20
    per_day: dict[str, int] = {}
    for c in plan.added:
        per_day[c.first_due_on] = per_day.get(c.first_due_on, 0) + 1
    assert max(per_day.values()) <= 2000 // 91 + 1
    due_now = [c for c in plan.added if C.due_info(c, Settings(), TODAY + timedelta(days=7)).is_due]
    assert len(due_now) <= 2000 * 8 // 91 + 1


def test_cadence_none_means_no_reminders():
    plan = L.plan_import(parse("basic.csv"), [], Settings(), TODAY, cadence="none")
    assert plan.spread_days == 0 and all(c.first_due_on is None and c.cadence == "none" for c in plan.added)
    assert "no reminders" in "\n".join(plan.summary_lines())


def test_reimport_dedupes_updates_records_changes_and_suggests_congratulations(store):
    first = L.plan_import(parse("reimport_v1.csv"), [], Settings(), TODAY)
    store.contacts.apply_import(first)
    assert store.contacts.count() == 4
    later = TODAY + timedelta(days=30)
    plan = L.plan_import(parse("reimport_v2.csv"), store.contacts.all(), Settings(), later)
    assert [c.display_name for c in plan.added] == ["Yara Yilmaz"]
    assert plan.unchanged == 1  # Wen: matched by name + company, nothing new
    assert [(s.line, s.reason) for s in plan.skipped] == [(9, "duplicate of line 5")]
    by = {u.after.first_name: u for u in plan.updated}
    assert set(by) == {"Tomas", "Uma", "Viktor"}
    tomas = by["Tomas"]
    assert tomas.job_change and tomas.after.company == "Kestrel Games"
    assert tomas.after.changes[-1] == {"on": later.isoformat(), "company": "Kestrel Games",
                                       "title": "Head of Production", "from_company": "Umbra Studios",
                                       "from_title": "Producer"}
    assert not by["Uma"].job_change and by["Uma"].what == ["email added"]
    assert by["Uma"].after.emails == ["uma@example.com"]
    viktor = by["Viktor"]  # matched by email; a promotion; the URL filled in
    assert viktor.job_change and "LinkedIn URL added" in viktor.what
    assert len(plan.job_changes) == 2

    saves = store.storage.saves
    store.contacts.apply_import(plan)
    assert store.storage.saves == saves + 1  # one write
    assert store.contacts.count() == 5
    t = next(c for c in store.contacts.all() if c.first_name == "Tomas")
    reason = C.reason_for(t, today=later)
    assert reason.key == "job change" and reason.kind == "congratulations" and "Kestrel Games" in reason.text
    # the same file again: nothing to do
    again = L.plan_import(parse("reimport_v2.csv"), store.contacts.all(), Settings(), later)
    assert not again.has_changes and again.unchanged == 5


def test_dedupe_by_name_and_connection_date_survives_a_job_change_without_urls():
    existing = [Contact(first_name="Hugo", last_name="Haddad", company="Old Co", title="Engineer",
                        connected_on="2016-01-05")]
    plan = L.plan_import(parse("old_export_no_url.csv"), existing, Settings(), TODAY)
    hugo = next(u for u in plan.updated if u.after.first_name == "Hugo")
    assert hugo.job_change and hugo.after.company == "Lumen Robotics"
    assert len(plan.added) == 2


def test_different_profile_urls_are_different_people_even_with_the_same_name():
    existing = [Contact(first_name="Ana", last_name="Almeida", company="Northwind Labs",
                        linkedin_url="https://www.linkedin.com/in/another-ana")]
    plan = L.plan_import(parse("basic.csv"), existing, Settings(), TODAY)
    assert "Ana Almeida" in [c.display_name for c in plan.added]


def test_blank_company_in_the_export_never_wipes_what_we_know():
    existing = [Contact(first_name="Elif", last_name="Eriksen", company="Kept", title="Kept too",
                        linkedin_url="https://www.linkedin.com/in/elif-eriksen")]
    plan = L.plan_import(parse("basic.csv"), existing, Settings(), TODAY)
    elif_ = next(u for u in plan.updated if u.after.first_name == "Elif")
    assert (elif_.after.company, elif_.after.title) == ("Kept", "Kept too") and not elif_.job_change
    assert elif_.what == ["email added", "connection date added"]


def test_first_time_we_learn_a_company_is_not_a_job_change():
    existing = [Contact(first_name="Ana", last_name="Almeida",
                        linkedin_url="https://www.linkedin.com/in/ana-almeida-1a2b3c")]
    plan = L.plan_import(parse("basic.csv"), existing, Settings(), TODAY)
    ana = next(u for u in plan.updated if u.after.first_name == "Ana")
    assert not ana.job_change and ana.after.changes == [] and ana.after.company == "Northwind Labs"


def test_summary_lines_say_what_was_added_updated_and_skipped():
    plan = L.plan_import(parse("basic.csv"), [], Settings(), TODAY)
    text = "\n".join(plan.summary_lines())
    assert "7 row(s) read" in text and "Added: 5" in text and "Skipped: 2" in text
    assert "line 7: no name" in text and "spread over the next 91 days" in text


def test_preview_file_reads_and_plans_without_saving(store):
    plan = L.preview_file(store, FIX / "basic.csv")
    assert len(plan.added) == 5 and store.contacts.count() == 0
