"""What a key on the contacts screen asks before it acts: the dialogs in order, then one call of
:class:`~tui.contacts.actions.ContactsActions`, then ``then(done)`` (``done`` is None when the user
cancelled or the change was refused). The screen passes its own handler as ``then``; nothing here
holds the screen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from textual.app import App

from store import clock
from store.contacts import ContactRow
from store.dates import short_date
from store.linkedin import ImportPlan
from store.models import Contact, Touchpoint
from tui.contacts import menus
from tui.contacts.actions import ContactsActions, Done, who
from tui.contacts.form import ContactForm
from tui.contacts.importing import ask_for_import
from tui.contacts.menus import Ask, FilterChoice, OpenApplication, SetStatus, UnlinkApplication, Until
from tui.contacts.picker import ContactPicker
from tui.contacts.rows import ContactList
from tui.contacts.touch import TouchpointDialog
from tui.dialogs import ConfirmDialog, TextPromptDialog, kept
from widgets.paint_first import collect_after_paint

Then = Callable[[Done | None], object]


def _who(rows: Sequence[ContactRow]) -> str:
    return who([r.contact.display_name for r in rows])


def edit(app: App[Any], actions: ContactsActions, contact: Contact | None, then: Then) -> None:
    """The contact form (``contact`` None: a new one), then save."""

    def saved(result: Contact | None) -> None:
        if result is not None:
            then(actions.save_contact(result, is_new=contact is None))

    form = ContactForm(contact, actions.store.settings.current(), on_hangup=actions.keep_contact)
    app.push_screen(form, saved)


def delete(app: App[Any], actions: ContactsActions, rows: Sequence[ContactRow], then: Then) -> None:
    """Ask, then delete them with their touchpoints."""
    if len(rows) == 1:
        c = rows[0].contact
        n = len(actions.touchpoints(c.id))
        title = f"Delete {c.display_name}?"
        message = (f"Their {n} touchpoint(s) go too (a touchpoint shared with others just drops them). "
                   "To keep the history but stop reminders, archive instead (ctrl+p → Archive).")
    else:
        title = f"Delete {len(rows)} marked contacts?"
        message = "Their touchpoints go too (shared ones just drop them). This can't be undone."

    def decided(ok: bool | None) -> None:
        if ok:
            then(actions.delete_contacts([r.id for r in rows]))

    app.push_screen(ConfirmDialog(title, message, confirm="Delete", danger=True), decided)


def _log_for(rows: Sequence[ContactRow]) -> tuple[list[tuple[str, str]], str]:
    """Who a new touchpoint covers (id, name), and its kind (what their reason suggests)."""
    kind = rows[0].reason.kind if len(rows) == 1 and rows[0].reason else "check-in"
    return [(r.id, r.contact.display_name) for r in rows], kind


def log_dialog(actions: ContactsActions, rows: Sequence[ContactRow]) -> TouchpointDialog:
    """A new touchpoint dialog for these contacts (the warm-up makes one ahead for the row under the
    cursor: its first ``l`` then changes nothing in it)."""
    people, kind = _log_for(rows)
    return TouchpointDialog(people, kind=kind, all_contacts=actions.contact_choices,
                            on_hangup=actions.keep_touchpoint)


def log(app: App[Any], actions: ContactsActions, rows: Sequence[ContactRow], then: Then) -> None:
    """The touchpoint dialog for these contacts (the kind their reason suggests), then log it."""
    dialog, again = kept.reuse(app, kept.LOG_TOUCHPOINT, TouchpointDialog, lambda: log_dialog(actions, rows))
    if again:  # made before: set to these contacts
        people, kind = _log_for(rows)
        dialog.open_log(people, kind, actions.contact_choices, actions.keep_touchpoint)

    def logged(tp: Touchpoint | None) -> None:
        if tp is not None:
            collect_after_paint(app)  # the updated list and its toast first
            then(actions.log_touchpoint(tp))

    collect_after_paint(app)
    app.push_screen(dialog, logged)
    app.call_after_refresh(actions.prepare_log)  # once the dialog shows


def snooze(app: App[Any], actions: ContactsActions, rows: Sequence[ContactRow], then: Then) -> None:
    """Snooze times that change something: from today, or from the due day of people not due yet
    (said plainly); nothing to snooze for people with no check-in coming."""
    today = clock.today()
    start = menus.snooze_from(rows, today)
    if start is None:
        app.notify(f"Nothing to snooze: no check-in is coming for {_who(rows)} (paused, archived or no cadence).",
                   title="Snooze", markup=False)
        return
    ids = [r.id for r in rows if r.info.due is not None]

    def until(day: date | None) -> None:
        then(actions.snooze(ids, day))

    def chosen(value: Until | Ask) -> None:
        if isinstance(value, Until):
            until(value.day)
        else:
            menus.ask_date(app, f"Snooze {_who(rows)} until", until, future=True, after=start)

    message = "The snooze ends by itself; logging a touch ends it too."
    if start > today:
        message = (f"Not due yet: the next check-in is {short_date(start, today)}. These times count from "
                   "that day, so the snooze moves it later. " + message)
    menus.choose(app, f"Snooze {_who(rows)}", menus.snooze_options(rows, today), chosen, message=message)


def pause(app: App[Any], actions: ContactsActions, rows: Sequence[ContactRow], then: Then) -> None:
    ids = [r.id for r in rows]

    def until(day: date | None) -> None:
        then(actions.pause(ids, day))

    def chosen(value: Until | Ask | SetStatus) -> None:
        match value:
            case Until(day=day):
                until(day)
            case SetStatus(status=status):
                then(actions.set_status(ids, status))
            case Ask.A_DATE:
                menus.ask_date(app, f"Pause {_who(rows)} until", until, future=True)

    menus.choose(app, f"Pause {_who(rows)}", menus.pause_options(rows, clock.today()), chosen,
                 message="No reminders while paused; they come back when the pause ends.")


def pause_all(app: App[Any], actions: ContactsActions, then: Then) -> None:
    """How many days, then pause every reminder."""

    def check(text: str) -> str | None:
        t = text.strip()
        if not (t.isascii() and t.isdigit()) or not 1 <= int(t) <= 366:
            return "A number of days, 1 to 366."
        return None

    def done(text: str | None) -> None:
        if text is not None and not check(text):
            then(actions.pause_all(int(text.strip())))

    app.push_screen(TextPromptDialog(
        "Pause all reminders for how many days?",
        "No reminders during the pause. Check-ins inside it move after it; the ones that had come are "
        "spread over the first days back.", value="14", validate=check), done)


def applications(app: App[Any], actions: ContactsActions, contact: Contact, linked_ids: Sequence[str],
                 open_application: Callable[[str], object], then: Then) -> None:
    """Open, link or unlink the contact's applications."""
    linked = [a for i in linked_ids if (a := actions.store.applications.get(i)) is not None]

    def chosen(value: OpenApplication | UnlinkApplication | Ask) -> None:
        match value:
            case OpenApplication(application_id=app_id):
                open_application(app_id)
            case UnlinkApplication(application_id=app_id):
                then(actions.unlink_application(contact.id, app_id))
            case Ask.LINK:
                link(app, actions, contact, linked_ids, then)

    menus.choose(app, f"Applications — {contact.display_name}", menus.application_options(linked), chosen)


def link(app: App[Any], actions: ContactsActions, contact: Contact, linked_ids: Sequence[str], then: Then) -> None:
    """Pick an application to link (the live ones first, by company)."""
    apps = sorted(actions.store.applications.all(), key=lambda a: (a.stage == "closed", a.company.casefold()))

    def picked(app_id: str | None) -> None:
        if app_id:
            then(actions.link_application(contact.id, app_id))

    app.push_screen(ContactPicker(f"Link {contact.display_name} to an application",
                                  [(a.id, f"{a.title} · {a.stage}") for a in apps], exclude=linked_ids), picked)


def import_linkedin(app: App[Any], actions: ContactsActions, then: Then) -> None:
    """The path, the preview, then the import (one write)."""

    def confirmed(plan: ImportPlan) -> None:
        then(actions.import_linkedin(plan))

    ask_for_import(app, actions.store.contacts.all(), actions.store.settings.current(), confirmed)


def cadence(app: App[Any], actions: ContactsActions, then: Then, role: str = "") -> None:
    """The default cadence (``role`` empty) or a role's."""
    settings = actions.store.settings.current()
    current = (settings.role_cadences or {}).get(role, "") if role else settings.default_cadence

    def chosen(value: str) -> None:
        then(actions.set_cadence(value, role))

    title = f"Cadence for {role}s" if role else "Default cadence for everyone"
    menus.choose(app, title, menus.cadence_options(settings, role), chosen, selected=current)


def role_cadence(app: App[Any], actions: ContactsActions, then: Then) -> None:
    """Which role, then its cadence."""

    def chosen(role: str) -> None:
        if role:
            cadence(app, actions, then, role)

    menus.choose(app, "Set the cadence for a role", menus.role_cadence_options(actions.store.settings.current()),
                 chosen)


# -- filters: they change the list's filters, then ``applied()`` shows the result


def filter_menu(app: App[Any], contacts: ContactList, applied: Callable[[], object],
                clear: Callable[[], object]) -> None:
    """Due now, a role, a tag, archived shown or hidden, or ``clear()`` everything."""
    filters = contacts.filters

    def chosen(value: FilterChoice) -> None:
        match value:
            case FilterChoice.DUE_NOW:
                filters.due_now = not filters.due_now
                applied()
            case FilterChoice.ROLE:
                filter_role(app, contacts, applied)
            case FilterChoice.TAG:
                filter_tag(app, contacts, applied)
            case FilterChoice.INACTIVE:
                filters.show_inactive = not filters.show_inactive
                applied()
            case FilterChoice.CLEAR:
                clear()

    menus.choose(app, "Filter contacts", menus.filter_options(filters), chosen)


def filter_role(app: App[Any], contacts: ContactList, applied: Callable[[], object]) -> None:
    def chosen(role: str) -> None:
        contacts.filters.role = role
        applied()

    menus.choose(app, "Show contacts with the role", menus.role_options(contacts.roles()), chosen,
                 selected=contacts.filters.role)


def filter_tag(app: App[Any], contacts: ContactList, applied: Callable[[], object]) -> None:
    tags = contacts.tags()
    if not tags:
        app.notify("No contact has a tag yet (add tags with e).", markup=False)
        return

    def chosen(tag: str) -> None:
        contacts.filters.tag = tag
        applied()

    menus.choose(app, "Show contacts tagged", [("", "Any tag")] + [(t, t) for t in tags], chosen,
                 selected=contacts.filters.tag)
