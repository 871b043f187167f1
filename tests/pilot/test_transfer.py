"""Moving in and out from the keyboard (issue 13): every import and export is in the palette on every
screen; an import asks for a path (checked as it is typed), previews the file (read in a worker),
asks about columns and unknown stage names, and saves in one write or nothing on escape; an export
writes a new 0600 file the importers read back. Hostile file contents stay literal in previews."""

from __future__ import annotations

import csv
import io
import stat
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Static

from store.importing import applications as A
from store.importing import columns as C
from store.importing import everything as E
from store.importing import journal as J
from store.importing import vcard as V
from store.models import Application, Contact, JournalEntry, Touchpoint
from tests.hostile import HOSTILE
from tests.waiting import notified, rendered, screen_text, settle, until
from tui.board.screen import BoardScreen
from tui.dialogs import ChoiceDialog, TextPromptDialog
from tui.transfer.preview import ImportPreview

SIZE = (80, 24)
FIX = Path(__file__).resolve().parents[1] / "fixtures"
IMPORTS = ["Import applications (CSV, Huntr, JobSync)…", "Import journal (jrnl)…", "Import contacts (vCard)…",
           "Import LinkedIn connections…", "Import everything (export all file)…"]
EXPORTS = ["Export applications (CSV)", "Export work-search log…", "Export journal (Markdown / jrnl)",
           "Export contacts (CSV / iCalendar / vCard)", "Export everything (JSON)"]


def command(app, title: str):
    return next(c for c in app.all_commands(app.screen) if c.title == title)


def summary(app) -> str:
    screen = app.screen
    assert isinstance(screen, ImportPreview), screen
    return rendered(screen.query_one("#tp-summary", Static))


async def open_preview(pilot, title: str, path: Path) -> ImportPreview:
    """Palette command → the path prompt → the preview, read."""
    app = pilot.app
    command(app, title).callback()
    await pilot.pause()
    prompt = app.screen
    assert isinstance(prompt, TextPromptDialog)
    prompt.query_one(Input).value = str(path)
    await pilot.press("enter")
    await settle(pilot)
    await until(pilot, lambda: isinstance(app.screen, ImportPreview) and not app.screen.reading
                or isinstance(app.screen, ChoiceDialog), what="the preview, read")
    return next(s for s in reversed(app.screen_stack) if isinstance(s, ImportPreview))


# --------------------------------------------------------------------------- the palette


async def test_every_import_and_export_is_in_the_palette_on_every_screen(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        for key in "12345":
            await pilot.press(key)
            await pilot.pause()
            titles = [c.title for c in app.all_commands(app.screen)]
            for wanted in IMPORTS + EXPORTS:
                assert titles.count(wanted) == 1, (key, wanted)


# --------------------------------------------------------------------------- imports


async def test_path_prompt_checks_the_path_as_it_is_typed(store, make_app, tmp_path, monkeypatch):
    monkeypatch.setattr("tui.transfer.reading.MAX_FILE_BYTES", 10)
    big = tmp_path / "big.csv"
    big.write_text("Company,Role\nAcme,Engineer\n")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        command(app, IMPORTS[0]).callback()
        await pilot.pause()
        prompt = app.screen
        box = prompt.query_one(Input)
        for typed, says in [(str(tmp_path / "nope.csv"), "No such file"), (str(tmp_path), "is a folder"),
                            (str(big), "too big"), ("/dev/null", "not a regular file")]:
            box.value = typed
            await pilot.pause()
            assert says in rendered(prompt.query_one("#prompt-error", Static)), typed
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is prompt  # refused: still asking
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, TextPromptDialog)


async def test_huntr_import_previews_asks_the_unknown_stage_then_saves_in_one_write(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("2")
        await pilot.pause()
        await open_preview(pilot, IMPORTS[0], FIX / "applications" / "huntr.csv")
        question = app.screen
        assert isinstance(question, ChoiceDialog)  # the stage Rebound doesn't know, asked once
        assert "Waiting on referral" in rendered(question.query_one(".dialog-title"))
        await pilot.press("3")  # Screening
        await settle(pilot)
        await until(pilot, lambda: isinstance(app.screen, ImportPreview) and not app.screen.reading)
        text = summary(app)
        assert "Read as: Huntr" in text and "7 row(s) read: 6 added" in text and "1 skipped" in text
        assert "line 8 (Designer): no company" in text and "Waiting on referral" not in text
        assert "company ← 'companyName'" in text
        assert store.applications.count() == 0  # nothing until saved
        saves = store.storage.saves
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, BoardScreen)
        assert store.applications.count() == 6 and store.storage.saves == saves + 1
        kestrel = next(a for a in store.applications.all() if a.company == "Kestrel Games")
        assert kestrel.stage == "screening"
        assert any("Imported from huntr.csv: 6 added, 0 updated" in n for n in notified(app))
        # the board shows them (the change signal refreshed it)
        await until(pilot, lambda: "Tessellate" in screen_text(app), what="the board refreshed")
        # the answer is remembered for files with this header: a re-import asks nothing and adds nothing
        await open_preview(pilot, IMPORTS[0], FIX / "applications" / "huntr.csv")
        assert isinstance(app.screen, ImportPreview)
        assert "0 added, 0 updated, 6 unchanged" in summary(app)


async def test_escape_cancels_and_nothing_is_written(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_preview(pilot, IMPORTS[0], FIX / "applications" / "jobsync.csv")
        assert "Read as: JobSync" in summary(app) and "9 added" in summary(app)
        saves = store.storage.saves
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, ImportPreview)
        assert store.applications.count() == 0 and store.storage.saves == saves


async def test_changing_a_column_plans_again_and_is_remembered(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_preview(pilot, IMPORTS[0], FIX / "applications" / "sheet_custom_headers.csv")
        assert "Not imported: 'When', 'Who I talked to'" in summary(app)
        await pilot.press("o")  # options: 1 columns, 2 stage names, 3 dates
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("1")
        await pilot.pause()
        fields = app.screen
        assert isinstance(fields, ChoiceDialog)
        options = fields.query_one(OptionList)
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert labels[0].endswith("company ← Employer")
        options.highlighted = next(i for i, text in enumerate(labels) if "applied ← (none)" in text)
        await pilot.press("enter")
        await pilot.pause()
        headers = app.screen
        assert isinstance(headers, ChoiceDialog)
        assert "Column for applied" in rendered(headers.query_one(".dialog-title"))
        options = headers.query_one(OptionList)
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert "When — e.g. 2026-02-02" in labels[4]
        options.highlighted = 4
        await pilot.press("enter")
        await settle(pilot)
        await until(pilot, lambda: isinstance(app.screen, ImportPreview) and not app.screen.reading)
        text = summary(app)
        assert "applied ← 'When'" in text and "applied 2026-02-02" in text
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert sorted(a.applied_on or "" for a in store.applications.all()) == ["2026-02-02", "2026-02-03"]
        headers_row = (FIX / "applications" / "sheet_custom_headers.csv").read_text().splitlines()[0].split(",")
        assert C.remembered(store.settings.current(), C.signature(headers_row))["columns"] == {"applied": "When"}


async def test_options_read_ambiguous_dates_day_first(store, make_app, tmp_path):
    path = tmp_path / "dates.csv"
    path.write_text("Company,Role,Applied\nAcme,Engineer,3/1/2026\nGlobex,Developer,4/2/2026\n")
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_preview(pilot, IMPORTS[0], path)
        text = summary(app)
        assert "applied 2026-03-01" in text and "If they are day first, press o, then dates" in text
        await pilot.press("o", "3")
        await settle(pilot)
        await until(pilot, lambda: not app.screen.reading)
        assert "applied 2026-01-03" in summary(app) and "day first" in " ".join(notified(app))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert sorted(a.applied_on or "" for a in store.applications.all()) == ["2026-01-03", "2026-02-04"]


async def test_journal_import_from_jrnl(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("3")
        await pilot.pause()
        await open_preview(pilot, IMPORTS[1], FIX / "journal" / "jrnl_export.json")
        text = summary(app)
        assert "Read as: jrnl JSON export" in text and "2026-02-20 · Panel interview at Northwind." in text
        await pilot.press("ctrl+s")
        await settle(pilot)
        expected = len(J.parse_jrnl((FIX / "journal" / "jrnl_export.json").read_bytes()).entries)
        assert store.journal.count() == expected
        assert any(f"{expected} added" in n for n in notified(app))


async def test_contacts_import_from_vcard(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("4")
        await pilot.pause()
        await open_preview(pilot, IMPORTS[2], FIX / "contacts" / "mixed_bad.vcf")
        text = summary(app)
        assert "Skipped:" in text and "line " in text
        await pilot.press("ctrl+s")
        await settle(pilot)
        parsed = V.parse_vcards((FIX / "contacts" / "mixed_bad.vcf").read_bytes())
        assert store.contacts.count() == len(parsed.cards) > 0
        assert len(app.screen.contacts.rows) == len(parsed.cards)  # the list refreshed itself


async def test_import_everything_only_into_an_empty_folder(demo_store, store, make_app, tmp_path):
    from store.exporting.everything import export_all

    data, count = export_all(demo_store)
    path = tmp_path / "rebound-all.json"
    path.write_bytes(data)
    busy = make_app(demo_store)
    async with busy.run_test(size=SIZE, notifications=True) as pilot:
        await open_preview(pilot, IMPORTS[4], path)
        assert "already holds records" in summary(busy)
        saves = demo_store.storage.saves
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(busy.screen, ImportPreview) and demo_store.storage.saves == saves
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_preview(pilot, IMPORTS[4], path)
        assert f"{count:,} records" in summary(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert store.applications.count() == demo_store.applications.count()
        assert store.contacts.count() == demo_store.contacts.count()


async def test_hostile_file_contents_stay_literal_in_the_preview(store, make_app, tmp_path):
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["Company", "Role", "Status"])
    for i, s in enumerate(HOSTILE[:-1]):
        w.writerow([f"{s} {i}", s, "Applied"])
    w.writerow(["", HOSTILE[0], "Applied"])  # a skipped row, named by its role
    path = tmp_path / "hostile.csv"
    path.write_text(buf.getvalue(), encoding="utf-8")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_preview(pilot, IMPORTS[0], path)
        text = summary(app)
        assert "[@click=app.quit]x[/] 1" in text and "Acme [/] Corp [b]bold[/b] \\[literal]" in text
        assert "\x1b" not in text
        assert "([/]): no company" in text
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert store.applications.count() == len(HOSTILE) - 1 and app.is_running


# --------------------------------------------------------------------------- LinkedIn: rows sharing a name


async def test_linkedin_row_with_the_name_of_a_contact_from_an_application_asks_same_or_different(store, make_app):
    mine = Contact(first_name="Ana", last_name="Almeida", company="Northwind", source="rebound plan")
    store.contacts.save(mine)
    store.touchpoints.log(Touchpoint(date="2026-02-20", contact_ids=[mine.id], summary="thank-you"))
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        command(app, IMPORTS[3]).callback()
        await pilot.pause()
        app.screen.query_one(Input).value = str(FIX / "linkedin" / "basic.csv")
        await pilot.press("enter")
        await settle(pilot)
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog), what="the same-name question")
        question = app.screen
        assert "Ana Almeida: the same person?" in rendered(question.query_one(".dialog-title"))
        assert question.query_one(OptionList).highlighted == 0  # "different" (adds; changes nothing you have)
        await pilot.press("2")  # same person
        await settle(pilot)
        preview = app.screen
        body = rendered(preview.query_one("#ip-summary", Static))
        assert "1 merged into that contact" in body and "same person as the contact you have" in body
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert store.contacts.count() == 5  # Ana once, not twice
        ana = store.contacts.get(mine.id)
        assert ana.linkedin_url.endswith("ana-almeida-1a2b3c") and ana.emails == ["ana@example.com"]
        assert len(store.touchpoints.for_contact(mine.id)) == 1


async def test_linkedin_same_name_escape_adds_them_as_new(store, make_app):
    store.contacts.save(Contact(first_name="Ana", last_name="Almeida", company="Northwind"))
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        command(app, IMPORTS[3]).callback()
        await pilot.pause()
        app.screen.query_one(Input).value = str(FIX / "linkedin" / "basic.csv")
        await pilot.press("enter")
        await settle(pilot)
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("escape")
        await settle(pilot)
        assert "0 merged" in rendered(app.screen.query_one("#ip-summary", Static))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert store.contacts.count() == 6


# --------------------------------------------------------------------------- exports


def _exports(store) -> list[Path]:
    return sorted((store.data_dir / "exports").iterdir())


async def _export(pilot, title: str, *keys: str) -> Path:
    app = pilot.app
    before = set(_exports(app.store)) if (app.store.data_dir / "exports").exists() else set()
    command(app, title).callback()
    await pilot.pause()
    for key in keys:
        await pilot.press(key)
        await pilot.pause()
    new = sorted(set(_exports(app.store)) - before)
    assert len(new) == 1, new
    path = new[0]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert any(str(path) in n and "plain text, not encrypted" in n for n in notified(app))
    return path


@pytest.fixture
def seeded(store):
    ana = Contact(first_name="Ana", last_name="Almeida", company="Northwind", emails=["ana@example.com"],
                  last_touch_on="2026-01-01")
    app = Application(company="Northwind", role="Engineer", stage="applied", applied_on="2026-03-02",
                      stage_history=[{"from": "", "to": "applied", "at": "2026-03-02T09:00:00+00:00"}])
    with store.batch():
        store.contacts.save(ana)
        store.applications.save(app)
        store.journal.save(JournalEntry(kind="freewrite", entry_date="2026-03-01", title="A # title",
                                        body="<script>x</script>"))
    return store


async def test_each_export_writes_a_new_private_file_the_importers_read_back(seeded, make_app):
    store = seeded
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        apps_csv = await _export(pilot, EXPORTS[0])
        assert apps_csv.name == "applications-2026-03-02.csv"
        si = A.open_sheet(apps_csv.read_bytes())
        assert si.preset == "rebound"
        assert len(A.plan_applications(si, []).added) == 1
        again = await _export(pilot, EXPORTS[0])  # never over the first one
        assert again.name == "applications-2026-03-02-2.csv" and apps_csv.exists()

        log_csv = await _export(pilot, EXPORTS[1], "1", "enter")  # CSV, this week (highlighted first)
        assert log_csv.name == "work-search-log-2026-03-02-to-2026-03-08.csv"
        rows = list(csv.reader(io.StringIO(log_csv.read_text(encoding="utf-8-sig"))))
        assert rows[0][:3] == ["date", "employer", "position"] and rows[1][:4] == [
            "2026-03-02", "Northwind", "Engineer", "Applied"]
        log_md = await _export(pilot, EXPORTS[1], "2", "2")  # Markdown, last week
        assert log_md.name == "work-search-log-2026-02-23-to-2026-03-01.md"
        assert "From 2026-02-23 to 2026-03-01: 0 activities." in log_md.read_text()

        md = await _export(pilot, EXPORTS[2], "1")
        assert md.suffix == ".md" and "\\<script\\>" in md.read_text()
        jrnl = await _export(pilot, EXPORTS[2], "2")
        assert jrnl.suffix == ".txt" and len(J.parse_jrnl(jrnl.read_bytes()).entries) == 1

        vcf = await _export(pilot, EXPORTS[3], "3")
        cards = V.parse_vcards(vcf.read_bytes()).cards
        assert [c.contact.display_name for c in cards] == ["Ana Almeida"]
        ics = await _export(pilot, EXPORTS[3], "2")
        assert ics.suffix == ".ics" and b"BEGIN:VEVENT" in ics.read_bytes()
        contacts_csv = await _export(pilot, EXPORTS[3], "1")
        assert "Almeida" in contacts_csv.read_text(encoding="utf-8-sig")

        everything = await _export(pilot, EXPORTS[4])
        found = E.parse_all(everything.read_bytes(), ["applications", "journal", "contacts", "settings"])
        assert len(found.tables["applications"]) == 1 and len(found.tables["contacts"]) == 1


async def test_work_search_log_other_dates(seeded, make_app):
    app = make_app(seeded)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        command(app, EXPORTS[1]).callback()
        await pilot.pause()
        await pilot.press("1", "4")  # CSV, other dates…
        await pilot.pause()
        first = app.screen
        assert isinstance(first, TextPromptDialog) and first.query_one(Input).value == "2026-03-02"
        first.query_one(Input).value = "2026-02-01"
        await pilot.press("enter")
        await pilot.pause()
        last = app.screen
        last.query_one(Input).value = "2026-01-01"
        await pilot.pause()
        assert "before the first" in rendered(last.query_one("#prompt-error", Static))
        last.query_one(Input).value = "2026-03-05"
        await pilot.press("enter")
        await pilot.pause()
        assert [p.name for p in _exports(seeded)] == ["work-search-log-2026-02-01-to-2026-03-05.csv"]
