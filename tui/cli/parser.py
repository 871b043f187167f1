"""The command line's arguments: the parser of ``rebound-tui`` and its subcommands (no Textual)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import TYPE_CHECKING

from store import __version__

if TYPE_CHECKING:
    import argparse

#: The options of ``rebound-tui`` itself (no subcommand), with whether each takes a value.
START_OPTIONS = {"--data-dir": True, "--demo": False, "--passphrase-file": True}


def is_plain_start(argv: list[str]) -> bool:
    """True when ``argv`` only opens the app (``rebound-tui [--data-dir DIR] [--demo] …``): the
    subcommands' parsers (and the modules behind them) are then not built, which is most of a
    parser's cost at every start. ``--help``, ``--version`` and anything else take the full parser."""
    i = 0
    while i < len(argv):
        name, eq, _ = argv[i].partition("=")
        if name not in START_OPTIONS:
            return False
        takes_value = START_OPTIONS[name]
        if eq and not takes_value:
            return False
        if takes_value and not eq:
            if i + 1 >= len(argv) or argv[i + 1].startswith("-"):
                return False
            i += 1
        i += 1
    return True


def plain_start_args(argv: list[str]) -> SimpleNamespace:
    """What ``build_parser().parse_args(argv)`` answers for a plain start (``is_plain_start(argv)``),
    read without argparse (not imported then): the last of a repeated option wins, as there."""
    args = SimpleNamespace(data_dir=None, demo=False, main_passphrase_file=None, command=None)
    dest = {"--data-dir": "data_dir", "--passphrase-file": "main_passphrase_file"}
    i = 0
    while i < len(argv):
        name, eq, value = argv[i].partition("=")
        if name == "--demo":
            args.demo = True
        elif eq:
            setattr(args, dest[name], value)
        else:
            i += 1
            setattr(args, dest[name], argv[i])
        i += 1
    return args


def build_parser(*, start_only: bool = False) -> argparse.ArgumentParser:
    """The whole command line; ``start_only``: just the app's own options (see :func:`is_plain_start`)."""
    import argparse
    p = argparse.ArgumentParser(
        prog="rebound-tui",
        description="Rebound: bounce back from rejection and keep the job search moving.",
        epilog="Data lives in --data-dir, else $REBOUND_DATA_DIR, else your platform's user-data folder.",
    )
    p.add_argument("--data-dir", metavar="DIR", help="use this data folder")
    p.add_argument("--demo", action="store_true",
                   help="open on a throwaway copy of sample data (your real data is not touched); with "
                        "--data-dir DIR, seed the empty folder DIR with it to keep")
    p.add_argument("--version", action="version", version=f"rebound-tui {__version__}")
    p.add_argument("--passphrase-file", dest="main_passphrase_file", metavar="FILE",
                   help="encrypted data: read the passphrase from FILE (mode 0600) instead of the unlock screen")
    if start_only:
        p.set_defaults(command=None)
        return p
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    from tui.cli import unlock

    doc = sub.add_parser("doctor", help="check the data file and list backups; restore one")
    doc.add_argument("--restore", metavar="latest|FILE", help="restore the newest good backup, or FILE")
    unlock.add_options(doc)
    doc.add_argument("--data-dir", dest="sub_data_dir", metavar="DIR", help=argparse.SUPPRESS)

    bk = sub.add_parser("backup", help="take a backup of the data file now")
    bk.add_argument("--data-dir", dest="sub_data_dir", metavar="DIR", help=argparse.SUPPRESS)

    td = sub.add_parser("today", help="print what is due today (plain text that fits a shell login)")
    td.add_argument("--unlock", action="store_true",
                    help="encrypted data: ask for the passphrase (else it only says it is locked)")
    unlock.add_options(td)
    td.add_argument("--all", action="store_true", help="everything: every step, due group and person")
    td.add_argument("--data-dir", dest="sub_data_dir", metavar="DIR", help=argparse.SUPPRESS)

    ex = sub.add_parser("export", help="export applications, the work-search log, the journal, contacts or "
                                       "everything (plain-text files, 0600)")
    ex.add_argument("what", choices=["applications", "activity", "journal", "contacts", "all"])
    ex.add_argument("--format", dest="fmt", default=None,
                    help="applications: csv, or ics (interviews); activity: csv or md; journal: md or jrnl; "
                         "contacts: csv, ics or vcf; all: json")
    ex.add_argument("--output", "-o", metavar="FILE",
                    help="where to write ('-' for standard output; default: the exports folder)")
    ex.add_argument("--force", action="store_true", help="overwrite an existing file without asking")
    ex.add_argument("--from", dest="date_from", metavar="DATE", help="activity: first day (default: 6 days ago)")
    ex.add_argument("--to", dest="date_to", metavar="DATE", help="activity: last day (default: today)")
    ex.add_argument("--alarm", metavar="HH:MM", help="contacts ics: a reminder at this time on the day")
    ex.add_argument("--dry-run", action="store_true", help="say what would be written, write nothing")
    unlock.add_options(ex)
    ex.add_argument("--data-dir", dest="sub_data_dir", metavar="DIR", help=argparse.SUPPRESS)

    im = sub.add_parser("import", help="import applications (CSV, Huntr, JobSync), a jrnl journal, vCard "
                                       "contacts, LinkedIn connections, or an 'export all' file")
    im.add_argument("what", choices=["applications", "journal", "contacts", "linkedin", "all"])
    im.add_argument("file", metavar="FILE")
    im.add_argument("--dry-run", action="store_true", help="show what would change, change nothing")
    im.add_argument("--preset", choices=["huntr", "jobsync", "csv"],
                    help="applications: the tracker the CSV came from (default: detected from the header)")
    im.add_argument("--map", action="append", metavar="FIELD=HEADER",
                    help="applications: read FIELD from the column HEADER (remembered for this layout)")
    im.add_argument("--stage", action="append", metavar="NAME=STAGE",
                    help="applications: import the stage NAME as STAGE (or an outcome: rejected, ghosted…)")
    im.add_argument("--day-first", action="store_true", help="applications: read 3/1/2026 as 3 January")
    im.add_argument("--yes", "-y", action="store_true", help="save without asking at the terminal")
    unlock.add_options(im)
    im.add_argument("--data-dir", dest="sub_data_dir", metavar="DIR", help=argparse.SUPPRESS)

    from tui.cli.capture import add_parsers as add_capture_parsers
    from tui.cli.privacy import add_parsers as add_privacy_parsers

    add_capture_parsers(sub)
    add_privacy_parsers(sub)

    ct = sub.add_parser("check-tone", help="check a draft's tone before sending (exit 1 when it may read as hostile)")
    ct.add_argument("file", nargs="?", default="-", metavar="FILE|-", help="the draft (default: standard input)")
    ct.add_argument("--first-note", action="store_true", help="it is a first LinkedIn connection note")
    return p
