"""The shared list of hostile strings every screen's tests push through every field.

Each is something a real user can paste or import: markup that would crash Textual or run an
action, escape sequences that would reach the terminal, bidi spoofing, wide characters, a huge line.
"""

HOSTILE = [
    "[/]",
    "[@click=app.quit]x[/]",
    "\\",
    "[/",
    "Acme [/] Corp [b]bold[/b] \\[literal]",
    "Engineer [Remote]",
    "ANSI \x1b[31mred\x1b[0m and clear \x1b[2J",
    "OSC52 \x1b]52;c;aGFja2Vk\x07 title \x1b]0;pwned\x07",
    "RTL \u202egnp.exe\u202c override",
    "emoji 🎉👩‍💻 and CJK 日本語の会社",
    "x" * 10_000,
]

#: Every printable ASCII character, space first, and a few that aren't ASCII: an accent, a digit that
#: isn't 0-9 (``"²".isdigit()`` is true, and ``int("²")`` raises), an emoji. What the "every key in
#: every picker and filter box" tests type (issue 14: ``ctrl+o`` then ``space`` once crashed a picker).
EVERY_KEY = [chr(c) for c in range(32, 127)] + ["é", "²", "🙂"]


#: What each hostile string becomes once stored (control characters and bidi overrides removed).
def stored_form(s: str) -> str:
    from store.sanitize import clean_text

    return clean_text(s)
