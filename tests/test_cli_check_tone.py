"""``rebound-tui check-tone [FILE|-]``: a linter for a message before it is sent."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile import HOSTILE
from tui import cli
from tui.cli import check_tone

ROOT = Path(__file__).resolve().parents[1]


class _Stdin(io.StringIO):
    """A text stdin with a byte buffer, as a real one has."""

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self.buffer = io.BytesIO(data)


def _run(argv, capsys, stdin: bytes | None = None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", _Stdin(stdin))
    code = cli.run(["check-tone", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_hostile_draft_exits_1_and_lists_line_col_rule_words_and_why(tmp_path, capsys):
    draft = tmp_path / "reply.txt"
    draft.write_text("Hi Ana,\n\nThanks for letting me know. Your loss.\nPlease reconsider your decision.\n",
                     encoding="utf-8")
    code, out, err = _run([str(draft)], capsys)
    assert code == 1 and err == ""
    lines = out.splitlines()
    assert f"{draft}:3:29: blame: \u201cYour loss\u201d \u2014 " in lines[0]
    assert lines[0].endswith("emails get forwarded.")
    assert any(line.startswith(f"{draft}:4:1: demand: \u201cPlease reconsider your decision\u201d") for line in lines)
    assert "hostile" in lines[-1]


def test_a_kind_draft_exits_0(tmp_path, capsys):
    draft = tmp_path / "thanks.txt"
    draft.write_text("Hi Ana,\n\nThank you for the time you and the team gave me. I'd welcome any feedback.\n",
                     encoding="utf-8")
    code, out, _ = _run([str(draft)], capsys)
    assert code == 0
    assert out.strip() == "No tone notes."


def test_style_and_needy_notes_alone_exit_0(capsys, monkeypatch):
    code, out, _ = _run(["-"], capsys, stdin=b"I really need this job. Thank you SO MUCH!!!\n", monkeypatch=monkeypatch)
    assert code == 0
    assert "<stdin>:1:3: needy (a note): \u201creally need this job\u201d" in out
    assert "caps (a note)" in out and "exclaim (a note)" in out


def test_standard_input_is_the_default_and_curly_quotes_and_crlf_are_read(capsys, monkeypatch):
    text = "Hello,\r\nIt\u2019s \u201cyou\u2019re\u201d, not \u201cyour\u201d.\r\n".encode()
    code, out, _ = _run([], capsys, stdin=text, monkeypatch=monkeypatch)
    assert code == 1
    assert out.startswith("<stdin>:2:6: correcting: ")


@pytest.mark.parametrize("make, message", [
    (lambda p: p / "missing.txt", "no such file"),
    (lambda p: p, "is a folder"),
    (lambda p: (p / "latin1.txt", (p / "latin1.txt").write_bytes("caf\xe9 au lait".encode("latin-1")))[0],
     "is not UTF-8 text"),
    (lambda p: (p / "blob.bin", (p / "blob.bin").write_bytes(b"\x00\x01\x02"))[0], "binary"),
])
def test_unreadable_input_exits_2_with_one_clear_line(tmp_path, capsys, make, message):
    path = make(tmp_path)
    code, out, err = _run([str(path)], capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("rebound-tui check-tone: ") and message in err


def test_a_huge_input_is_refused(tmp_path, capsys):
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (check_tone.MAX_BYTES + 1))
    code, _, err = _run([str(big)], capsys)
    assert code == 2 and "too large" in err


def test_hostile_strings_never_crash_and_print_no_control_characters(tmp_path, capsys):
    for i, s in enumerate(HOSTILE):
        draft = tmp_path / f"h{i}.txt"
        draft.write_text(s, encoding="utf-8", errors="replace")
        code, out, _ = _run([str(draft)], capsys)
        assert code in (0, 1)
        assert "\x1b" not in out and "\x07" not in out


def test_the_command_never_imports_textual(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("Your loss.", encoding="utf-8")
    code = (
        "import sys\n"
        "from tui.cli import run\n"
        f"rc = run(['check-tone', {str(draft)!r}])\n"
        "print('TEXTUAL' if any(n.split('.')[0] in ('textual', 'rich') for n in sys.modules) else 'CLEAN', rc)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "CLEAN 1"


def test_help_lists_the_command(capsys):
    with pytest.raises(SystemExit):
        cli.run(["--help"])
    assert "check-tone" in capsys.readouterr().out


def test_a_draft_only_the_statistical_backstop_reads_as_bitter_is_reported_with_its_words(tmp_path, capsys):
    draft = tmp_path / "reply.txt"
    draft.write_text("Hi Sam,\n\nSo the panel ignored my portfolio entirely, brilliant.\n\nBest,\nAlex\n",
                     encoding="utf-8")
    code, out, err = _run([str(draft)], capsys)
    assert code == 1 and err == ""
    first = out.splitlines()[0]
    assert first.startswith(f"{draft}:3:1: overall: ") and "Reads as bitter overall: \u2018" in first
