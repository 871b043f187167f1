"""The modules each warm-up import step brings in, one at a time, leaves first.

Importing a screen's module in one go (``import tui.contacts.screen``) runs the bodies of the 30–70
modules it needs that the start did not: 50–150 ms in which a key waits. The warm-up
(:mod:`tui.shell.warm`) instead imports them in the order Python finishes them (each module's own
imports are done by then), a few per step, so a key waits for one small module at most. The lists
are worked out by running the imports under ``python -X importtime`` (:func:`measure`); a module
missing from them (a new one) is still imported, by whichever listed module needs it, only in a
bigger step. ``tests/test_warm_imports.py`` checks that every module of ours is listed;
``python -m tui.shell.warm_imports`` rewrites the lists.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

#: What the app imports before its first frame (the lists leave these out).
START = ("tui.__main__", "tui.cli", "tui.cli.app_launch", "tui.app", "tui.today.screen")

#: The warm-up's import steps, in its order: each module and what it needs beyond the ones before.
TARGETS = ("tui.board.screen", "tui.board.forms", "tui.board.sweep", "tui.board.panels", "store.tone", "store.care",
           "tui.journal.screen", "tui.contacts.screen", "tui.outreach.screen")

# -- the lists (written by ``python -m tui.shell.warm_imports``) ------------------------------------
ORDER: dict[str, tuple[str, ...]] = {
    "tui.board.screen": (
        "tui.board",
        "store.records",
        "shlex",
        "store.journal",
        "store.brief",
        "store.control",
        "_statistics",
        "statistics",
        "store.pipeline",
        "tui.board.actions",
        "widgets.board_health",
        "widgets.kanban_draw",
        "widgets.kanban",
        "tui.board.cards",
        "store.textsearch",
        "tui.board.columns",
        "widgets.paint_first",
        "tui.board.flows",
        "tui.board.health_line",
        "tui.board.help_text",
        "tui.board.palette",
        "widgets.kanban_list",
        "widgets.virtual_size",
        "widgets.live_input",
        "tui.board.screen",
    ),
    "tui.board.forms": (
        "textual._text_area_theme",
        "textual._tree_sitter",
        "textual.document",
        "textual.document._document",
        "textual._wrap",
        "textual.document._wrapped_document",
        "textual.document._document_navigator",
        "textual.document._edit",
        "textual.document._history",
        "textual.document._syntax_aware_document",
        "widgets.field_row",
        "tui.board.fields",
        "tui.board.closing",
        "tui.dialogs",
        "tui.dialogs.kept",
        "widgets.light_select",
        "widgets.quick_form",
        "widgets.number_input",
        "tui.board.forms",
    ),
    "tui.board.sweep": (
        "tui.board.brief",
        "tui.board.details",
        "tui.board.sweep",
    ),
    "tui.board.panels": (
        "tui.board.panels",
    ),
    "store.tone": (
        "store.tone",
    ),
    "store.care": (
        "store.care",
    ),
    "tui.journal.screen": (
        "tui.journal",
        "tui.care",
        "tui.care.actions",
        "tui.care.panel",
        "store.course",
        "tui.journal.course",
        "store.exporting",
        "store.exporting.markdown",
        "store.prompts",
        "store.journal_export",
        "tui.journal.actions",
        "widgets.journal_scale",
        "tui.journal.base",
        "widgets.hanging",
        "widgets.sparkline_text",
        "tui.journal.reader",
        "widgets.journal_list",
        "tui.journal.panes",
        "tui.journal.browse",
        "tui.journal.editor",
        "tui.journal.forms",
        "widgets.journal_checklist",
        "widgets.journal_ratings",
        "tui.journal.steps",
        "widgets.journal_items",
        "tui.journal.steps_answer",
        "tui.journal.wizard",
        "tui.journal.screen",
    ),
    "tui.contacts.screen": (
        "tui.contacts",
        "store.contacts",
        "_csv",
        "csv",
        "store.importing",
        "store.importing.common",
        "store.importing.sheet",
        "store.importing.sheetdates",
        "store.linkedin",
        "tui.contacts.rows",
        "tui.contacts.menus",
        "store.contacts_export",
        "tui.contacts.actions",
        "tui.contacts.form",
        "textual.clock",
        "textual.eta",
        "textual.renderables.bar",
        "store.merge",
        "tui.transfer",
        "tui.transfer.samename",
        "tui.contacts.importing",
        "tui.contacts.picker",
        "textual.widgets._toggle_button",
        "tui.contacts.touch",
        "tui.contacts.flows",
        "tui.contacts.merging",
        "tui.contacts.palette",
        "widgets.contacts_table",
        "tui.contacts.format",
        "tui.contacts.render",
        "tui.contacts.detail",
        "tui.contacts.view",
        "tui.contacts.screen",
    ),
    "tui.outreach.screen": (
        "tui.outreach",
        "textual._two_way_dict",
        "textual.coordinate",
        "textual.renderables.styled",
        "store.recipients",
        "store.templates",
        "store.outreach",
        "email",
        "email.quoprimime",
        "email.base64mime",
        "email.errors",
        "quopri",
        "email.encoders",
        "email.charset",
        "email.header",
        "email._parseaddr",
        "email.utils",
        "email._policybase",
        "email._encoded_words",
        "email._header_value_parser",
        "email.headerregistry",
        "email.iterators",
        "email.message",
        "email.contentmanager",
        "email.policy",
        "store.handoff",
        "store.outreach_fill",
        "tui.outreach.answers",
        "tui.outreach.actions",
        "_hashlib",
        "_blake2",
        "hashlib",
        "jinja2.bccache",
        "markupsafe._speedups",
        "markupsafe",
        "jinja2.utils",
        "jinja2.nodes",
        "jinja2.exceptions",
        "jinja2.visitor",
        "jinja2.idtracking",
        "jinja2.optimizer",
        "jinja2.compiler",
        "jinja2.async_utils",
        "jinja2.runtime",
        "jinja2.filters",
        "jinja2.tests",
        "jinja2.defaults",
        "jinja2._identifier",
        "jinja2.lexer",
        "jinja2.parser",
        "jinja2.environment",
        "importlib._abc",
        "importlib.util",
        "jinja2.loaders",
        "jinja2",
        "jinja2.sandbox",
        "store.outreach_render",
        "widgets.outreach_text",
        "textual.widgets.input",
        "textual.widgets.text_area",
        "widgets.outreach_source",
        "widgets.spans",
        "widgets.slot_text",
        "tui.outreach.views",
        "tui.outreach.dialogs",
        "tui.outreach.external",
        "tui.outreach.message",
        "tui.outreach.pickers",
        "tui.outreach.editor",
        "tui.outreach.sending",
        "tui.outreach.screen",
    ),
}
# -- end of the lists ---------------------------------------------------------------------------------

_MARK = "rebound-warm-imports:"
_LINE = re.compile(r"^import time:\s+\d+ \|\s+\d+ \|( *)(\S+)$")


def measure(python: str = sys.executable) -> dict[str, tuple[str, ...]]:
    """Each target's modules in the order a fresh interpreter finishes importing them, after
    :data:`START` and the targets before it."""
    import subprocess

    code = "import sys\n" + "".join(f"import {m}\n" for m in START)
    for target in TARGETS:
        code += f"sys.stderr.write({_MARK + target!r} + '\\n')\nimport {target}\n"
    code += f"sys.stderr.write({_MARK + 'loaded'!r} + ' ' + ' '.join(sys.modules) + '\\n')\n"
    out = subprocess.run([python, "-X", "importtime", "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2])
    order: dict[str, list[str]] = {}
    current: list[str] | None = None
    loaded: set[str] = set()
    for line in out.stderr.splitlines():
        if line.startswith(_MARK + "loaded "):
            loaded = set(line.split()[1:])  # what exists: an optional import that failed is listed too
        elif line.startswith(_MARK):
            current = order.setdefault(line[len(_MARK):], [])
            continue
        m = _LINE.match(line)
        if m and current is not None:
            current.append(m.group(2))
    return {target: tuple(n for n in names if n in loaded) for target, names in order.items()}


def write(order: dict[str, tuple[str, ...]]) -> None:
    """Rewrite :data:`ORDER` in this file."""
    path = Path(__file__)
    text = path.read_text(encoding="utf-8")
    head, rest = text.split("# -- the lists", 1)
    _, tail = rest.split("# -- end of the lists", 1)
    lines = ["# -- the lists (written by ``python -m tui.shell.warm_imports``) " + "-" * 36,
             "ORDER: dict[str, tuple[str, ...]] = {"]
    for target, names in order.items():
        lines.append(f"    {json.dumps(target)}: (")
        lines += [f"        {json.dumps(name)}," for name in names]
        lines.append("    ),")
    lines.append("}")
    path.write_text(head + "\n".join(lines) + "\n# -- end of the lists" + tail, encoding="utf-8")


if __name__ == "__main__":
    found = measure()
    write(found)
    print(f"wrote {sum(len(v) for v in found.values())} module names to {__file__}")
