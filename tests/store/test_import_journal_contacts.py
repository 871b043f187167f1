"""jrnl journals, vCard contacts and ``import all`` (store/importing), on fixtures for each variant."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.importing import everything as E
from store.importing import journal as J
from store.importing import vcard as V
from store.importing.common import IMPORT_REF, ImportFormatError
from store.models import Contact, JournalEntry, Settings

FIX = Path(__file__).resolve().parents[1] / "fixtures"


def jrnl(name: str) -> J.ParsedJournal:
    return J.parse_jrnl((FIX / "journal" / name).read_bytes())


def cards(name: str) -> V.ParsedCards:
    return V.parse_vcards((FIX / "contacts" / name).read_bytes())


# --------------------------------------------------------------------------- jrnl


def test_jrnl_json_export():
    p = jrnl("jrnl_export.json")
    assert p.form == "json" and len(p.entries) == 2
    assert [s.describe() for s in p.skipped] == ["entry (No date on this one): entry 3 has no readable date ('')"]
    plan = J.plan_journal(p, [])
    first, second = plan.added
    assert (first.entry_date, first.title, first.kind) == ("2026-02-20", "Panel interview at Northwind.", "freewrite")
    assert first.tags == ["interview", "starred"] and first.created_at == "2026-02-20T18:30:00+00:00"
    assert "# not a heading" in first.body
    assert second.extra[IMPORT_REF] == "jrnl:6C2B5C0C3C8A4D0FA1B2C3D4E5F60718"


def test_jrnl_text_in_jrnl_default_time_format():
    p = jrnl("jrnl_default_format.txt")
    assert p.form == "text" and [e.line for e in p.entries] == [1, 4, 10]
    panel, rejection, one_line = p.entries
    assert panel.starred and panel.title == "Panel interview at Northwind." and panel.at.hour == 18
    assert rejection.tags == ["rejection", "interview"]
    assert rejection.body == ("I let myself be sad for an evening.\n"
                              "[2026-01-01 10:00] this line was escaped, not an entry\n"
                              "[not a date] a bracket that is not an entry")
    # as jrnl reads it: a line break ends the title, so a one-line entry is all title…
    assert (one_line.title, one_line.body) == ("One line only. Then more of the same line.", "")
    # …and only text with no line break at all is split at its first sentence
    (last,) = J.parse_jrnl("[2026-03-01 07:00] One line only. Then more.").entries
    assert (last.title, last.body) == ("One line only.", "Then more.")


def test_jrnl_text_simple_format_and_preamble():
    p = jrnl("jrnl_simple.txt")
    assert [(e.day.isoformat(), e.title) for e in p.entries] == [("2026-02-10", "Started the search"),
                                                                 ("2026-02-11", "Quiet day @rest")]
    assert p.entries[0].body == "Made a list of ten companies.\nSent two applications."
    assert p.entries[1].tags == ["rest"]


def test_jrnl_reimport_adds_nothing_and_a_file_repeating_an_entry_says_so(store):
    J.apply_plan(store, J.plan_journal(jrnl("jrnl_export.json"), []))
    assert store.journal.count() == 2
    again = J.plan_journal(jrnl("jrnl_export.json"), store.journal.all())
    assert again.added == [] and again.unchanged == 2
    text = "[2026-01-01 09:00] Same\nbody\n\n[2026-01-01 10:00] Same\nbody\n"
    twice = J.plan_journal(J.parse_jrnl(text), [])
    assert len(twice.added) == 1 and twice.skipped[0].describe() == "line 4 (Same): same entry as line 1"


def test_not_a_jrnl_file():
    with pytest.raises(ImportFormatError, match="no jrnl entries"):
        J.parse_jrnl(b"just some notes\n")
    with pytest.raises(ImportFormatError, match="entries"):
        J.parse_jrnl(b'{"something": []}')
    with pytest.raises(ImportFormatError, match="not valid JSON"):
        J.parse_jrnl(b'{"entries": [}')


# --------------------------------------------------------------------------- vCard


def test_apple_vcard_3():
    ana, ben = (c.contact for c in cards("apple.vcf").cards)
    assert (ana.first_name, ana.last_name, ana.preferred_name) == ("Ana", "Almeida", "Annie")
    assert (ana.company, ana.title) == ("Northwind Labs", "Engineering Manager")  # the department dropped
    assert ana.emails == ["ana@example.com", "ana.home@example.org"] and ana.phone == "+351 912 345 678"
    assert ana.linkedin_url == "http://www.linkedin.com/in/ana-almeida-1a2b3c"
    assert ana.important_dates == [{"kind": "birthday", "label": "", "month": 4, "day": 12, "year": None}]
    assert ana.tags == ["Work", "Mentors"]
    assert ana.notes == "Met at the Lisbon meetup, talked about platform teams.\nLikes hiking."
    assert ana.extra[IMPORT_REF] == "vcard:8F2A-APPLE-UID-0001"
    assert (ben.company, ben.title, ben.important_dates[0]["year"]) == ("Acme, Inc.", "Director, Platform Engineering",
                                                                         1985)


def test_google_vcard_folded_lines_url_and_groups():
    chloe, dev = (c.contact for c in cards("google.vcf").cards)
    assert chloe.linkedin_url == "https://www.linkedin.com/in/chloe-chen/"
    assert chloe.tags == ["Recruiters"] and dev.tags == []  # Google's "myContacts" is not a tag
    assert "seventy-five octets, as RFC 6350 says it may." in chloe.notes
    assert dev.last_name == "O'Brien"


def test_monica_vcard_4_and_hostile_text():
    (elif_,) = (c.contact for c in cards("monica_v4.vcf").cards)
    assert elif_.preferred_name == "Eli" and elif_.phone == "+46-70-123-45-67"
    assert elif_.linkedin_url == "https://www.linkedin.com/in/elif-eriksen"
    assert elif_.important_dates[0] == {"kind": "birthday", "label": "", "month": 2, "day": 29, "year": None}
    assert elif_.notes.startswith("[/] [@click=app.quit]x")  # stored as text, shown literally


def test_a_bad_card_is_skipped_and_the_rest_read():
    p = cards("mixed_bad.vcf")
    assert [c.contact.display_name for c in p.cards] == ["Good One", "Good Two"]
    assert [(s.line, s.reason) for s in p.skipped] == [(6, "a card that can't be read (ParseError)"),
                                                      (13, "no name")]
    with pytest.raises(ImportFormatError, match="BEGIN:VCARD"):
        V.parse_vcards(b"First,Last\nA,B\n")


@pytest.mark.parametrize("value,expected", [
    ("1985-04-12", (4, 12, 1985)), ("19850412", (4, 12, 1985)), ("--0412", (4, 12, None)),
    ("--04-12", (4, 12, None)), ("1604-04-12", (4, 12, None)), ("circa 1800", None), ("1985-13-01", None),
])
def test_birthdays(value, expected):
    found = V.parse_bday(value)
    assert (None if found is None else (found["month"], found["day"], found["year"])) == expected


def test_vcard_dedupe_by_uid_email_url_and_name(store):
    plan = V.plan_contacts(cards("apple.vcf"), [], Settings())
    assert len(plan.added) == 2 and all(c.first_due_on for c in plan.added)  # spread, not all due today
    V.apply_plan(store, plan)
    assert V.plan_contacts(cards("apple.vcf"), store.contacts.all()).unchanged == 2
    existing = [Contact(first_name="Chloe", last_name="Chen", emails=["chloe@fathom.example"], title="Recruiter"),
                Contact(first_name="Dev", last_name="O'Brien", notes="typed in Rebound")]
    plan = V.plan_contacts(cards("google.vcf"), existing)
    assert plan.added == []
    chloe = next(u for u in plan.updated if u.after.first_name == "Chloe")
    assert "title Recruiter → Talent Partner" in chloe.what and "phone added" in chloe.what
    dev = next(u for u in plan.updated if u.after.first_name == "Dev")
    assert dev.after.notes == "typed in Rebound" and dev.after.emails == ["dev@example.com"]


# --------------------------------------------------------------------------- import all


def test_import_all_refuses_a_folder_with_records_and_a_foreign_file(store):
    from store.exporting.everything import export_all, repos

    store.journal.save(JournalEntry(body="hello"))
    data, count = export_all(store)
    names = [r.table_name for r in repos(store)]
    found = E.parse_all(data, names)
    assert count == 1 and found.count == 1
    with pytest.raises(ImportFormatError, match="already holds records"):
        E.apply_all(store, found)
    with pytest.raises(ImportFormatError, match="export all"):
        E.parse_all(b'{"tables": {}}', names)
    with pytest.raises(ImportFormatError, match="newer Rebound"):
        E.parse_all(b'{"rebound_export": 99, "tables": {}}', names)
    with pytest.raises(ImportFormatError, match="damaged"):
        E.parse_all(b'{"rebound_export": 1, "tables": {"journal": [{"no": "id"}]}}', names)
    assert E.parse_all(b'{"rebound_export": 1, "tables": {"future": []}}', names).unknown == ["future"]
