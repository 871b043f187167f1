"""Forms and dialogs made ready in idle time: their CSS parsed before they are first opened.

The first time a form opens, Textual parses the default CSS of the form and of every widget class in
it met for the first time (the board form: its own, TextArea's, the light selects', the field rows'…),
then re-indexes every rule of the app, all between the key and the form's first frame.
:func:`prepare_forms` does that beforehand (the warm-up calls it as one of its steps), for the forms a
key opens from the screens: the board's ``n``/``e`` form and the contacts' ``l`` touchpoint dialog.
"""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, SelectionList, Static, TextArea

from widgets.field_row import FieldRow
from widgets.light_select import LightSelect
from widgets.number_input import NumberInput
from widgets.quick_form import prepare_css


def prepare_board_form(app: App[Any]) -> bool:
    """:func:`prepare_forms` for the board's form alone (``n`` is often the first key on the board: the
    warm-up does this as soon as the board is made, the rest later). True when anything was new."""
    from tui.board.fields import DateInput, InterviewInput
    from tui.board.forms import ApplicationForm

    return prepare_css(app, ApplicationForm, Vertical, VerticalScroll, Static, Input, DateInput, InterviewInput,
                       NumberInput, TextArea, FieldRow, LightSelect)


def prepare_forms(app: App[Any]) -> bool:
    """Parse the CSS of the board form and the touchpoint dialog, with their fields', into ``app``'s
    stylesheet (nothing shown, nothing mounted). True when anything was new."""
    from tui.board.fields import DateInput, InterviewInput
    from tui.board.forms import ApplicationForm
    from tui.contacts.touch import TouchpointDialog

    return prepare_css(app, ApplicationForm, TouchpointDialog, Vertical, VerticalScroll, Static, Input,
                       DateInput, InterviewInput, NumberInput, TextArea, FieldRow, LightSelect, SelectionList)
