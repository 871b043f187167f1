"""Every export checked by an independent parser: markdown-it-py (journal Markdown, the work-search log),
icalendar (ICS), vobject (vCard), jrnl's own entry rule (jrnl text) and the csv module."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime, time

import pytest
from markdown_it import MarkdownIt

from store import clock
from store.contacts_export import calendar_day, export_contacts
from store.exporting import activity
from store.exporting.applications import COLUMNS, applications_csv
from store.exporting.jrnl import to_jrnl
from store.exporting.markdown import escape
from store.exporting.vcard import contacts_vcf
from store.journal_export import entry_markdown, to_markdown
from store.models import Application, Contact, Draft, JournalEntry, Touchpoint
from tests.hostile import HOSTILE, stored_form

#: Markdown that would become structure if copied as typed.
MARKDOWN_HOSTILE = [
    "# Heading from a body", "## Sub", "Title\n===", "Title\n---", "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>", "<div>block</div>", "[x](javascript:alert(1))", "![i](http://e/x.png)",
    "*tags* with **stars**", "_under_", "1. not a list", "2) nor this", "- nor this", "+ nor this",
    "> not a quote", "```\ncode\n```", "~~~", "    indented", "&lt;b&gt; entity", "<http://auto.link>",
    "a | table | row", "`code`", "\\# escaped already", "***", "- - -",
]
ALL_HOSTILE = [*HOSTILE[:-1], *MARKDOWN_HOSTILE]  # (the 10,000-character line is checked elsewhere)


def _md(text: str) -> list:
    return MarkdownIt("commonmark").parse(text)


def _structure(entry: JournalEntry, app_title: str = "") -> list:
    return _md(entry_markdown(entry, app_title))


def _fields(s: str) -> dict:
    return dict(title=s, body=s, situation=s, evidence_for=[s], evidence_against=[s], balanced_thought=s,
                lesson=s, next_action=s, tags=[s, "ok"], self_compassion=[s, s, s],
                emotions=[{"name": s, "before": 70, "after": 20}], thoughts=[{"text": s, "belief": 80, "hot": True}],
                distortions=[s])


@pytest.mark.parametrize("s", ALL_HOSTILE)
def test_journal_markdown_user_text_never_becomes_markup(s):
    plain = JournalEntry(kind="freewrite", **{k: v for k, v in _fields(s).items() if k in ("title", "body", "tags")})
    reframe = JournalEntry(kind="reframe", **_fields(s))
    baseline_plain = _structure(JournalEntry(kind="freewrite", title="t", body="b", tags=["t", "ok"]), "app")
    baseline_reframe = _structure(JournalEntry(kind="reframe", **_fields("x")), "app")
    for entry, baseline in ((plain, baseline_plain), (reframe, baseline_reframe)):
        tokens = _structure(entry, s)
        kinds = [t.type for t in tokens]
        assert "html_block" not in kinds
        inline = [c.type for t in tokens if t.children for c in t.children]
        assert "html_inline" not in inline and "link_open" not in inline and "image" not in inline
        headings = [t.tag for t in tokens if t.type == "heading_open"]
        assert headings == [t.tag for t in baseline if t.type == "heading_open"], s
        assert kinds.count("fence") == kinds.count("code_block") == 0 or s.startswith("    ")
        assert kinds.count("blockquote_open") == 0 and kinds.count("hr") == 0
        assert kinds.count("ordered_list_open") == 0


def test_journal_markdown_renders_the_text_as_typed():
    s = "# mine <b>bold</b> [x](y) 1. *a*"
    html = MarkdownIt("commonmark").render(entry_markdown(JournalEntry(kind="freewrite", title="T", body=s)))
    assert "# mine &lt;b&gt;bold&lt;/b&gt; [x](y) 1. *a*" in html
    assert escape("AT&T C# 3.5") == "AT\\&T C\\# 3.5"


def test_whole_journal_document_has_one_h1_and_one_h2_per_entry():
    entries = [JournalEntry(kind="freewrite", title=s, body=s, entry_date="2026-02-01", lesson=s) for s in ALL_HOSTILE]
    tokens = _md(to_markdown(entries, lambda _id: "", today=date(2026, 3, 2)))
    headings = [t.tag for t in tokens if t.type == "heading_open"]
    assert headings == ["h1"] + ["h2"] * (len(entries) + 1)  # and the Lessons list at the end
    titles = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert titles[0] == "Rebound journal" and titles[-1] == "Lessons"
    assert "html_block" not in [t.type for t in tokens]


# --------------------------------------------------------------------------- jrnl text


def jrnl_entries(text: str) -> list[tuple[datetime, str]]:
    """jrnl's own rule (jrnl/journals/Journal.py ``_parse``): an entry starts at a line ``[date] `` whose
    bracket parses as a date; everything up to the next one is its text."""
    starts = []
    for m in re.finditer(r"(?:^|\n)\[([^\]]+)\] ", text):
        try:
            starts.append((m, datetime.strptime(m.group(1), "%Y-%m-%d %H:%M")))
        except ValueError:
            continue
    out = []
    for i, (m, when) in enumerate(starts):
        end = starts[i + 1][0].start() if i + 1 < len(starts) else len(text)
        out.append((when, text[m.end():end]))
    return out


def test_jrnl_export_is_one_jrnl_entry_per_entry_even_with_hostile_bodies():
    bodies = [*ALL_HOSTILE, "[2026-01-01 10:00] looks like an entry", "  [2026-01-01 10:00] indented too",
              "line\n[2026-01-02 11:00] on a later line"]
    entries = [JournalEntry(kind="freewrite", title=f"Entry {i}", body=b, entry_date=f"2026-02-{i % 27 + 1:02d}")
               for i, b in enumerate(bodies)]
    entries.append(JournalEntry(kind="checkin", mood=2, entry_date="2026-02-28", body="tired"))
    entries.append(JournalEntry(kind="reframe", situation="No reply", thoughts=[{"text": "Never", "belief": 90}],
                                entry_date="2026-02-28", is_draft=True))
    text = to_jrnl(entries)
    found = jrnl_entries(text)
    assert len(found) == len(entries) - 1  # the draft is left out
    titles = [chunk.split("\n", 1)[0] for _when, chunk in found]
    assert "Check-in: mood 2/5 (low)" in titles or any(t.startswith("Check-in") for t in titles)
    assert "\x1b" not in text and "\u202e" not in text


def test_jrnl_tags_and_times():
    e = JournalEntry(kind="freewrite", title="T", body="b", tags=["job search", "ok"], entry_date="2026-03-01",
                     created_at="2026-03-01T18:45:00+00:00")
    assert to_jrnl([e]) == "[2026-03-01 18:45] T\nb\n@job-search @ok\n"


# --------------------------------------------------------------------------- ICS


def _events(data: bytes) -> list:
    from icalendar import Calendar

    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_ics_past_dates_move_to_today_or_the_next_working_day(store):
    store.contacts.save(Contact(first_name="Past", last_touch_on="2025-10-01"))
    store.contacts.save(Contact(first_name="Future", last_touch_on="2026-02-20", cadence="monthly"))
    data, count = export_contacts(store, "ics")
    got = {str(e["summary"]): e.decoded("dtstart") for e in _events(data)}
    assert count == 2 and got == {"Reach out to Past": date(2026, 3, 2), "Reach out to Future": date(2026, 3, 20)}
    assert calendar_day(date(2026, 2, 1), date(2026, 3, 7)) == date(2026, 3, 9)  # a Saturday: Monday
    assert calendar_day(date(2026, 2, 1), date(2026, 3, 8)) == date(2026, 3, 9)  # a Sunday: Monday
    assert calendar_day(date(2026, 4, 4), date(2026, 3, 7)) == date(2026, 4, 4)  # future dates stay


def test_ics_uid_stays_and_sequence_grows_between_exports_with_an_optional_alarm(store):
    c = store.contacts.save(Contact(first_name="Ana", last_touch_on="2025-10-01"))
    first = _events(export_contacts(store, "ics")[0])[0]
    assert "VALARM" not in [s.name for s in first.subcomponents]
    clock.freeze(datetime(2026, 3, 3, 9, 0))
    second = _events(export_contacts(store, "ics", alarm=time(9, 30))[0])[0]
    assert str(first["uid"]) == str(second["uid"]) == f"{c.id}-next-due@rebound-tui"
    assert int(second["sequence"]) > int(first["sequence"]) >= 0
    assert second.decoded("last-modified") > first.decoded("last-modified")
    assert second.decoded("dtstart") == date(2026, 3, 3)
    (alarm,) = second.walk("VALARM")
    assert str(alarm["action"]) == "DISPLAY" and alarm.decoded("trigger").total_seconds() == 9.5 * 3600


# --------------------------------------------------------------------------- vCard


def test_vcard_4_read_back_by_vobject_with_hostile_values():
    import vobject

    people = [Contact(first_name=s[:200], last_name="Doe, Jr.; x", company=s, title=s, notes=s + "\nline 2",
                      tags=[s[:50], "a,b"], emails=["ana@example.com"], phone="+1 555 0100",
                      linkedin_url="https://www.linkedin.com/in/ana", preferred_name="Annie",
                      important_dates=[{"kind": "birthday", "label": "", "month": 4, "day": 12, "year": None}])
              for s in HOSTILE[:-1]]
    data = contacts_vcf(people)
    cards = list(vobject.readComponents(data.decode("utf-8")))
    assert len(cards) == len(people)
    for card in cards:
        assert card.version.value == "4.0"
        assert card.n.value.family == "Doe, Jr.; x"
        assert card.categories.value[-1] == "a,b"
        assert card.bday.value == "--0412" and card.email.value == "ana@example.com"
        assert card.socialprofile.params["SERVICE-TYPE"] == ["LinkedIn"]
        assert card.note.value.endswith("\nline 2") and "\x1b" not in card.note.value
    names = {c.fn.value for c in cards}
    assert stored_form(HOSTILE[0]) + " Doe, Jr.; x" in names


# --------------------------------------------------------------------------- applications CSV and the log


def _rows(data: bytes) -> list[dict[str, str]]:
    text = data.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def test_applications_csv_every_field_and_a_day_per_stage():
    app = Application(company="=evil()", role="Engineer, Platform", stage="closed", outcome="rejected",
                      applied_on="2026-02-01", notes="two\nlines", tags=["a", "b"], contact_names=["Ana"],
                      stage_history=[{"from": "", "to": "wishlist", "at": "2026-01-20T10:00:00+00:00"},
                                     {"from": "wishlist", "to": "applied", "at": "2026-02-01T09:00:00+00:00"},
                                     {"from": "applied", "to": "closed", "at": "2026-02-20", "outcome": "rejected"}])
    (row,) = _rows(applications_csv([app]))
    assert list(row) == COLUMNS
    assert row["company"] == "'=evil()" and row["role"] == "Engineer, Platform" and row["notes"] == "two\nlines"
    assert (row["wishlist on"], row["applied stage on"], row["closed on"], row["screening on"]) == (
        "2026-01-20", "2026-02-01", "2026-02-20", "")


def _log_store(store):
    ana = store.contacts.save(Contact(first_name="Ana", last_name="Almeida", company="Northwind Labs"))
    app = store.applications.save(Application(
        company="Acme | Co <b>", role="Engineer", stage="interviewing", contact_names=["Ana Almeida"],
        stage_history=[{"from": "", "to": "applied", "at": "2026-02-24T10:00:00+00:00"},
                       {"from": "applied", "to": "interviewing", "at": "2026-02-27T10:00:00+00:00"}]))
    store.touchpoints.save(Touchpoint(date="2026-02-27", channel="call", kind="thank-you", contact_ids=[ana.id],
                                      application_id=app.id))
    store.touchpoints.save(Touchpoint(date="2026-02-26", channel="linkedin message", kind="check-in",
                                      contact_ids=[ana.id]))
    store.touchpoints.save(Touchpoint(date="2026-02-25", direction="in", contact_ids=[ana.id]))  # theirs: not ours
    store.drafts.save(Draft(kind="feedback request", status="sent", sent_on="2026-02-28", channel="email",
                            recipient_name="Hiring team", application_id=app.id))
    store.applications.save(Application(company="Old", role="x", applied_on="2026-01-02", stage="applied"))
    return app


def test_work_search_log_rows_from_moves_touchpoints_and_sent_messages(store):
    _log_store(store)
    rows = activity.build_log(store.applications.all(), store.touchpoints.all(), store.drafts.all(),
                              store.contacts.all(), date(2026, 2, 23), date(2026, 3, 1))
    got = [(a.day.isoformat(), a.employer, a.what, a.how, a.contact, a.result) for a in rows]
    assert got == [
        ("2026-02-24", "Acme | Co <b>", "Applied", "online", "Ana Almeida", "Interviewing"),
        ("2026-02-26", "Northwind Labs", "Networking: check-in", "online (LinkedIn)", "Ana Almeida", ""),
        ("2026-02-27", "Acme | Co <b>", "Interview", "", "Ana Almeida", "Interviewing"),
        ("2026-02-27", "Acme | Co <b>", "Thank-you note", "phone", "Ana Almeida", "Interviewing"),
        ("2026-02-28", "Acme | Co <b>", "Feedback request sent", "email", "Hiring team", "Interviewing"),
    ]
    csv_rows = _rows(activity.log_csv(rows))
    assert list(csv_rows[0]) == activity.COLUMNS and len(csv_rows) == 5
    md = activity.log_markdown(rows, date(2026, 2, 23), date(2026, 3, 1), "Alex [/]").decode()
    tokens = MarkdownIt("commonmark").enable("table").parse(md)
    assert "html_block" not in [t.type for t in tokens]
    assert [t.type for t in tokens].count("tr_open") == 6  # a header and five rows
    cells_per_row = []
    count = 0
    for t in tokens:
        if t.type == "tr_open":
            count = 0
        elif t.type in ("td_open", "th_open"):
            count += 1
        elif t.type == "tr_close":
            cells_per_row.append(count)
    assert set(cells_per_row) == {7}  # the "|" in a company name did not add a column
    inline = [c.type for t in tokens if t.children for c in t.children]
    assert "html_inline" not in inline
