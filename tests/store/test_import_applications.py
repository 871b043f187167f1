"""Applications from spreadsheets, Huntr and JobSync (store/importing), on fixtures for each variant."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from store.importing import applications as A
from store.importing import columns as C
from store.importing import stages as S
from store.importing.common import IMPORT_REF, ImportFormatError, decode
from store.importing.sheetdates import infer_order, parse_when
from store.models import Contact

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "applications"


def sheet(name: str, **kw) -> A.SheetImport:
    return A.open_sheet((FIX / name).read_bytes(), **kw)


def plan(name: str, existing=(), **kw):
    si = sheet(name, **kw)
    return si, A.plan_applications(si, list(existing))


def by_company(p) -> dict:
    return {a.company: a for a in p.added}


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize("text,order,expected", [
    ("2026-03-01", "mdy", date(2026, 3, 1)),
    ("2026-03-01T10:00:00Z", "mdy", date(2026, 3, 1)),
    ("2023-05-01T12:34:56.789Z", "mdy", date(2023, 5, 1)),
    ("2026/03/01", "mdy", date(2026, 3, 1)),
    ("3/1/2026", "mdy", date(2026, 3, 1)),
    ("3/1/2026", "dmy", date(2026, 1, 3)),
    ("13/1/2026", "mdy", date(2026, 1, 13)),  # 13 can't be a month
    ("01.03.2026", "mdy", date(2026, 3, 1)),  # dots: day first
    ("1-3-26", "dmy", date(2026, 3, 1)),
    ("1 Mar 2026", "mdy", date(2026, 3, 1)),
    ("1-Mar-26", "mdy", date(2026, 3, 1)),
    ("March 1, 2026", "mdy", date(2026, 3, 1)),
    ("Sunday, March 1, 2026", "mdy", date(2026, 3, 1)),
    ("12 ene. 2024", "mdy", date(2024, 1, 12)),
    ("46082", "mdy", date(2026, 3, 1)),  # Excel's serial day
    ("46082.75", "mdy", date(2026, 3, 1)),
    ("-", "mdy", None),
    ("N/A", "mdy", None),
    ("soon", "mdy", None),
])
def test_dates_in_common_forms(text, order, expected):
    found = parse_when(text, order)
    assert (found.day if found else None) == expected


def test_times_become_timestamps_and_impossible_dates_raise():
    assert parse_when("1/8/18, 6:14 PM").iso() == "2018-01-08T18:14:00+00:00"
    assert parse_when("46082.5").iso() == "2026-03-01T12:00:00+00:00"
    with pytest.raises(ValueError):
        parse_when("31/02/2026")


def test_a_column_is_read_one_way_and_doubt_is_reported():
    assert infer_order(["3/1/2026", "2/14/2026"]) == ("mdy", False)
    assert infer_order(["3/1/2026", "14/2/2026"]) == ("dmy", False)
    assert infer_order(["3/1/2026", "4/2/2026"]) == ("mdy", True)
    assert infer_order(["2026-03-01", "01.03.2026"]) == ("mdy", False)


# --------------------------------------------------------------------------- reading any spreadsheet


def test_title_rows_bom_crlf_and_guessed_columns():
    si, p = plan("sheet_title_rows_bom.csv")
    assert si.preset == "csv" and si.sheet.header_line == 4 and si.sheet.encoding == "UTF-8"
    assert set(si.mapping.columns) == {"company", "role", "stage", "applied", "url", "location", "salary",
                                       "notes", "deadline", "contact"}
    apps = by_company(p)
    nw = apps["Northwind Labs"]
    assert (nw.stage, nw.applied_on, nw.contact_names, nw.notes) == (
        "applied", "2026-03-01", ["Ana Almeida"], "Referred by Ana, follow up")
    tess = apps["Tessellate"]  # "Phone screen"; 2/14 settles the column month first
    assert (tess.stage, tess.applied_on, tess.deadline, tess.salary) == ("screening", "2026-02-14", "2026-03-20",
                                                                          "$140,000")
    harbor = apps["Harbor Health"]
    assert (harbor.stage, harbor.outcome, harbor.applied_on, harbor.closed_from_stage) == (
        "closed", "rejected", "2026-01-28", "applied")
    assert apps["Bluefin Analytics"].notes == '=HYPERLINK("http://evil")'  # kept as text, never run
    assert not any("either way" in n for n in p.notes)


def test_utf16_tab_separated_with_and_without_bom():
    si, p = plan("sheet_utf16_tab.csv")
    assert (si.sheet.encoding, si.sheet.delimiter) == ("UTF-16", "\t")
    assert [(a.company, a.stage, a.applied_on) for a in p.added] == [
        ("Juniper Systems", "interviewing", "2026-03-01"), ("Kestrel Games", "offer", "2026-02-20"),
        ("日本語の会社", "applied", "2026-02-01")]
    si, p = plan("sheet_utf16_nobom.csv")
    assert si.sheet.encoding == "UTF-16" and p.added[0].company == "Juniper Systems"


def test_semicolons_cp1252_and_columns_mapped_by_hand():
    si = sheet("sheet_semicolon_cp1252.csv")
    assert (si.sheet.delimiter, si.sheet.encoding) == (";", "Windows-1252")
    assert "company" not in si.mapping.columns
    empty = A.plan_applications(si, [])
    assert empty.added == [] and any("--map company" in n for n in empty.notes)
    si = sheet("sheet_semicolon_cp1252.csv", overrides={"company": "Firma", "role": "Stelle",
                                                        "applied": "Beworben am", "salary": "Gehalt"})
    assert A.unknown_stages(si) == [("Beworben", 1), ("Vorstellungsgespräch", 1)]
    si.stages_given.update({"Beworben": ("applied", ""), "Vorstellungsgespräch": ("interviewing", "")})
    p = A.plan_applications(si, [])
    assert [(a.company, a.role, a.stage, a.applied_on) for a in p.added] == [
        ("Café Société", "Kellner", "applied", "2026-03-01"),
        ("Müller GmbH", "Entwickler", "interviewing", "2026-02-15")]
    assert p.added[1].salary == "60.000 €"


def test_bad_rows_are_skipped_one_line_each_and_never_abort():
    _si, p = plan("sheet_bad_rows.csv")
    assert [a.company for a in p.added] == ["Acme", "Globex", "Umbrella"]
    assert [s.describe() for s in p.skipped] == [
        "line 3 (Orphan Role): no company (every application needs one)",
        "line 4 (Acme — Engineer): same application as line 2",
        "line 6: 6 values for 4 columns (an unquoted separator?)",
    ]
    assert any("31/02/2026" in n for n in p.notes)
    text = "\n".join(p.summary_lines(A.label))
    assert "6 row(s) read: 3 added, 0 updated, 0 unchanged, 3 skipped." in text


def test_not_a_table():
    with pytest.raises(ImportFormatError, match="No table"):
        A.open_sheet(b"just one line of prose\n")


def test_decode_variants():
    assert decode("é".encode("cp1252"))[1] == "Windows-1252"
    assert decode(b"\xef\xbb\xbfa,b")[0] == "a,b"
    assert decode("a,b".encode("utf-16-be"))[0] == "a,b"


# --------------------------------------------------------------------------- the mapping


def test_map_overrides_and_their_errors():
    si = sheet("sheet_custom_headers.csv")
    assert C.header_key("Date Applied") == "dateapplied" and si.mapping.columns["company"] == 0
    assert "When" in si.mapping.ignored
    si = sheet("sheet_custom_headers.csv", overrides=C.parse_map_options(
        ["applied=When", "contact=who i talked to", "url="]))
    assert "url" not in si.mapping.columns and si.remember
    p = A.plan_applications(si, [])
    oak = p.added[0]
    assert oak.applied_on == "2026-02-02" and oak.contact_names == ["Ben Dubois", "Chloe O'Brien"]
    with pytest.raises(ImportFormatError, match="no column named 'Nope'"):
        sheet("sheet_custom_headers.csv", overrides={"company": "Nope"})
    with pytest.raises(ImportFormatError, match="unknown field"):
        C.parse_map_options(["colour=Employer"])
    with pytest.raises(ImportFormatError, match="FIELD=Header"):
        C.parse_map_options(["company"])


def test_the_mapping_is_remembered_per_header_signature(store):
    si = sheet("sheet_semicolon_cp1252.csv", settings=store.settings.current(),
               overrides={"company": "Firma", "role": "Stelle", "applied": "Beworben am"})
    si.stages_given["Beworben"] = ("applied", "")
    A.apply_plan(store, A.plan_applications(si, []), si)
    again = sheet("sheet_semicolon_cp1252.csv", settings=store.settings.current())
    assert again.mapping.header_of(again.sheet.headers, "company") == "Firma"
    assert again.stages_given == {"Beworben": ("applied", "")}
    assert A.unknown_stages(again) == [("Vorstellungsgespräch", 1)]
    other = sheet("sheet_bad_rows.csv", settings=store.settings.current())  # another layout: untouched
    assert other.columns_given == {}


# --------------------------------------------------------------------------- presets


def test_huntr_preset():
    si, p = plan("huntr.csv")
    assert si.preset == "huntr"
    assert not any(si.sheet.headers[i].startswith("creatorUser") for i in si.mapping.columns.values())
    assert "creatorUserEmail" in si.mapping.ignored
    apps = by_company(p)
    nw = apps["Northwind Labs"]
    assert nw.stage == "interviewing" and nw.extra[IMPORT_REF] == "huntr:64a1f0c2e4b0a1"
    assert nw.created_at == "2026-01-05T14:02:11+00:00"
    assert nw.stage_history == [{"from": "", "to": "interviewing", "at": "2026-01-20T09:30:00+00:00"}]
    assert nw.notes == "Build the platform.\nGo & Kubernetes" and nw.location == "Berlin, Germany"
    tess = apps["Tessellate"]  # "-" is empty
    assert (tess.salary, tess.url, tess.deadline, tess.stage) == ("", "", "2026-02-01", "wishlist")
    assert (apps["Harbor Health"].stage, apps["Harbor Health"].outcome) == ("closed", "rejected")
    assert apps["Harbor Health"].outcome_on == "2026-01-15"
    assert apps["Verity Legal"].outcome == "declined"  # "Offer Rejected": the person said no
    assert apps["Kestrel Games"].stage == "applied"  # "Waiting on referral": unknown, so Applied…
    assert any("'Waiting on referral' (1 row)" in n and "Applied" in n for n in p.notes)  # …and said
    assert [s.reason for s in p.skipped] == ["no company (every application needs one)"]


def test_huntr_reimport_dedupes_by_id_and_stamps_the_move(store):
    si, first = plan("huntr.csv")
    A.apply_plan(store, first, si)
    si2 = sheet("huntr_v2.csv")
    p = A.plan_applications(si2, store.applications.all())
    assert [a.company for a in p.added] == ["Lumen Robotics"] and p.unchanged == 1
    (nw,) = p.updated
    assert nw.after.stage == "offer" and nw.after.salary == "$160k"
    assert nw.after.stage_history[-1] == {"from": "interviewing", "to": "offer", "at": "2026-02-27T11:00:00+00:00"}
    assert "stage Interviewing → Offer" in nw.what and "salary $150k → $160k" in nw.what
    A.apply_plan(store, p, si2)
    assert store.applications.count() == 7
    # an older file never moves a card back
    back = A.plan_applications(sheet("huntr.csv"), store.applications.all())
    assert back.updated == [] or all("stage" not in w for u in back.updated for w in u.what)
    assert any("kept at Offer" in n for n in back.notes)


def test_jobsync_preset_and_statuses():
    si, p = plan("jobsync.csv")
    assert si.preset == "jobsync" and "index" in si.mapping.ignored
    got = {a.company: (a.stage, a.outcome) for a in p.added}
    assert got == {
        "Acme Corp": ("applied", ""), "Globex": ("wishlist", ""), "Initech": ("wishlist", ""),
        "Umbrella": ("interviewing", ""), "Hooli": ("offer", ""), "Vandelay": ("closed", "rejected"),
        "Stark Industries": ("closed", "role closed"), "Wayne Enterprises": ("closed", "ghosted"),
        "Cyberdyne": ("closed", "withdrew"),
    }
    acme = by_company(p)["Acme Corp"]
    assert (acme.applied_on, acme.work_mode, acme.source, acme.location, acme.tags) == (
        "2026-01-03", "remote", "LinkedIn", "Toronto", ["full-time"])
    assert acme.stage_history == [{"from": "", "to": "applied", "at": "2026-01-03"}]
    assert by_company(p)["Umbrella"].location == ""  # "N/A"
    assert by_company(p)["Initech"].work_mode == "on-site"


def test_jobsync_reimport_dedupes_by_company_role_and_date(store):
    si, first = plan("jobsync.csv")
    A.apply_plan(store, first, si)
    again = A.plan_applications(sheet("jobsync.csv"), store.applications.all())
    assert again.added == [] and again.updated == [] and again.unchanged == 9


def test_preset_can_be_forced_and_a_generic_id_is_not_a_key():
    si = sheet("huntr.csv", preset="csv")
    assert si.preset == "csv" and "id" not in si.mapping.columns


@pytest.mark.parametrize("name,expected", [
    ("Wishlist", ("wishlist", "")), ("Bookmarked", ("wishlist", "")), ("Applied", ("applied", "")),
    ("Phone Screen", ("screening", "")), ("On Site Interview", ("interviewing", "")),
    ("Second Interview", ("interviewing", "")), ("Code Challenge", ("interviewing", "")),
    ("Offer Received", ("offer", "")), ("Offer Accepted", ("closed", "accepted")),
    ("Offer Rejected", ("closed", "declined")), ("Rejected", ("closed", "rejected")),
    ("Not Selected", ("closed", "rejected")), ("Ghosted", ("closed", "ghosted")),
    ("No Response", ("closed", "ghosted")), ("I Withdrew", ("closed", "withdrew")),
    ("Opportunity Closed", ("closed", "role closed")), ("Negotiating", ("offer", "")),
    ("Interview #3 (final)", ("interviewing", "")), ("Waiting on referral", None), ("", None),
])
def test_stage_names(name, expected):
    assert S.known_stage(name) == expected


def test_stage_answers():
    assert S.parse_choice("2") == ("applied", "")
    assert S.parse_choice("screening") == ("screening", "")
    assert S.parse_choice("ghosted") == ("closed", "ghosted")
    assert S.parse_choice("closed:withdrew") == ("closed", "withdrew")
    assert S.parse_choice("maybe") is None


def test_contacts_named_on_a_card_are_linked():
    ana = Contact(first_name="Ana", last_name="Almeida")
    si = sheet("sheet_title_rows_bom.csv")
    p = A.plan_applications(si, [], [ana])
    assert by_company(p)["Northwind Labs"].contact_ids == [ana.id]


def test_hostile_cells_are_stored_as_plain_text():
    import csv
    import io

    from tests.hostile import HOSTILE, stored_form

    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["Company", "Role", "Notes", "Status"])
    for s in HOSTILE:
        w.writerow([s, s, s + "\nsecond line", s])
    p = A.plan_applications(A.open_sheet(buf.getvalue().encode("utf-8")), [])
    assert len(p.added) == len(HOSTILE)
    for app, s in zip(p.added, HOSTILE, strict=True):
        for value in (app.company, app.role, app.notes):
            assert "\x1b" not in value and "\u202e" not in value and "\x07" not in value
        assert app.notes == (stored_form(s) + "\nsecond line").strip()
