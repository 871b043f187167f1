"""Encryption at rest in the age format (https://age-encryption.org/v1), opt-in per data folder.

An encrypted folder holds::

    rebound.json.age    the data: exactly the bytes an unencrypted folder's rebound.json holds, age-encrypted
    rebound.key.age     the data key (an age X25519 identity), age-encrypted with the passphrase (scrypt)
    backups/*.json.age  cache/today.json.age  pending/*.txt.age  rebound.conflict-*.json.age …

Why a key file: age allows a passphrase (``scrypt``) stanza only *alone* in a file's header, so one
file can't be opened both by a passphrase and by a recovery key. So the data is encrypted to X25519
recipients: the data key's, the recovery key's (optional), an SSH public key (optional); and the
passphrase opens the data key. The standard ``age`` tool reads it as it is::

    age -d -i rebound.key.age rebound.json.age > rebound.json     # asks for the passphrase
    age -d -i recovery-key.txt rebound.json.age > rebound.json    # the recovery key alone
    age -d -i ~/.ssh/id_ed25519 rebound.json.age > rebound.json   # the SSH key, when one was added

It also makes saves cheap: a save encrypts to a few X25519 keys (microseconds) and streams
ChaCha20-Poly1305 over the file; the expensive key derivation (scrypt, about a second) is paid once,
at unlock. The key file lists the recipients as comments (``# rebound-recipient: ROLE KEY``); it is
authenticated by the passphrase, so nobody without it can add a recipient to future saves.

A :class:`Keyring` is what an unlocked session holds in memory. Nothing here ever logs, prints or
raises with a passphrase or a secret key in the message.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from . import clock
from .errors import CryptoError, LockedError, WrongPassphraseError
from .paths import KEY_FILE

AGE_MAGIC = b"age-encryption.org/v1\n"
_SCRYPT = b"-> scrypt "
_SECRET_PREFIX = "AGE-SECRET-KEY-1"
_RECIPIENT_TAG = "# rebound-recipient:"
ROLES = ("data", "recovery", "ssh")
#: A passphrase file longer than this is not a passphrase file.
MAX_PASSPHRASE = 1024


def _pyrage() -> Any:
    import pyrage

    return pyrage


def _default_passphrase_encrypt(data: bytes, passphrase: str) -> bytes:
    return bytes(_pyrage().passphrase.encrypt(data, passphrase))


#: Wraps the data key with the passphrase: age's scrypt recipient, whose work factor pyrage calibrates
#: to about a second on this machine. The test suite swaps in a low work factor (``tests/agekit.py``).
passphrase_encrypt: Callable[[bytes, str], bytes] = _default_passphrase_encrypt


def looks_like_age(raw: bytes) -> bool:
    return raw.startswith(AGE_MAGIC)


def no_core_dumps() -> None:
    """Once a key is in memory, a crash must not write it (and the data) into a core file."""
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


class Keyring:
    """The keys of an unlocked folder, in memory only: the identities that open its files and the
    recipients every new file is encrypted to (none for a recovery or SSH key alone, which can read
    but not write). Its ``repr`` shows no key."""

    def __init__(self, identities: Iterable[Any], recipients: Iterable[tuple[str, str]] = (),
                 data_identity: Any | None = None) -> None:
        self._identities = tuple(identities)
        self._data_identity = data_identity
        self.recipients: tuple[tuple[str, str], ...] = tuple(recipients)
        self._parsed = tuple(parse_recipient(role, text) for role, text in self.recipients)

    def __repr__(self) -> str:
        return f"Keyring({', '.join(role for role, _ in self.recipients) or 'read-only'})"

    @property
    def can_write(self) -> bool:
        """True when it holds the data key (unlocked with the passphrase): files can be written."""
        return self._data_identity is not None and bool(self._parsed)

    def has(self, role: str) -> bool:
        return any(r == role for r, _ in self.recipients)

    def seal(self, plain: bytes) -> bytes:
        """``plain`` as an age file to every recipient."""
        if not self.can_write:
            raise LockedError("This key can read the data but not write it; unlock with your passphrase.")
        return bytes(_pyrage().encrypt(plain, list(self._parsed)))

    def open(self, sealed: bytes) -> bytes:
        """The plaintext of an age file. Raises :class:`CryptoError` saying why it can't be opened."""
        if not self._identities:
            raise LockedError("The data is locked.")
        if not looks_like_age(sealed):
            raise CryptoError("it is not an age-encrypted file (it may be damaged or truncated)")
        pyrage = _pyrage()
        try:
            return bytes(pyrage.decrypt(sealed, list(self._identities)))
        except pyrage.DecryptError as exc:
            if "no matching keys" in str(exc).lower():
                raise CryptoError("it is encrypted to another key than this folder's") from None
            raise CryptoError("it can't be decrypted: it is damaged or truncated") from None

    def data_key_text(self) -> str:
        if self._data_identity is None:
            raise LockedError("This key can't change the passphrase; unlock with your passphrase.")
        return str(self._data_identity)

    def with_recipient(self, role: str, text: str | None) -> Keyring:
        """The same keys, with the ``role`` recipient replaced by ``text`` (removed when None)."""
        kept = [(r, t) for r, t in self.recipients if r != role]
        if text is not None:
            kept.append((role, text))
        kept.sort(key=lambda rt: ROLES.index(rt[0]) if rt[0] in ROLES else len(ROLES))
        return Keyring(self._identities, kept, self._data_identity)


def parse_recipient(role: str, text: str) -> Any:
    """A pyrage recipient from its text (``age1…``, ``ssh-ed25519 AAAA…``, ``ssh-rsa AAAA…``)."""
    pyrage = _pyrage()
    try:
        if text.startswith("ssh-"):
            return pyrage.ssh.Recipient.from_str(text)
        return pyrage.x25519.Recipient.from_str(text)
    except pyrage.RecipientError:
        raise CryptoError(f"the {role} key is not a valid age or SSH public key") from None


def ssh_recipient(text: str) -> str:
    """An SSH public key line (``ssh-ed25519 AAAA… comment`` or ``ssh-rsa …``), checked, without the
    comment. Raises :class:`CryptoError`."""
    parts = text.strip().split()
    if len(parts) < 2 or parts[0] not in ("ssh-ed25519", "ssh-rsa"):
        raise CryptoError("that is not an SSH public key (ssh-ed25519 or ssh-rsa, as in ~/.ssh/id_ed25519.pub)")
    line = f"{parts[0]} {parts[1]}"
    parse_recipient("ssh", line)
    return line


# --------------------------------------------------------------------------- making keys


def new_keyring(*, recovery: bool = False, ssh: str | None = None) -> tuple[Keyring, str | None]:
    """A fresh data key, plus a recovery key when asked: (keyring, the recovery key file's text or
    None). ``ssh``: an SSH public key line the data is also encrypted to."""
    pyrage = _pyrage()
    data = pyrage.x25519.Identity.generate()
    recipients = [("data", str(data.to_public()))]
    recovery_text = None
    if recovery:
        rec = pyrage.x25519.Identity.generate()
        recipients.append(("recovery", str(rec.to_public())))
        recovery_text = recovery_file_text(rec)
    if ssh:
        recipients.append(("ssh", ssh_recipient(ssh)))
    return Keyring([data], recipients, data), recovery_text


def new_recovery_key() -> tuple[str, str]:
    """A new recovery key: (its public key, the text of its file)."""
    rec = _pyrage().x25519.Identity.generate()
    return str(rec.to_public()), recovery_file_text(rec)


def recovery_file_text(identity: Any) -> str:
    return (
        "# Rebound recovery key. Keep this file somewhere other than your data folder (a password manager,\n"
        "# a USB stick, printed on paper): with it alone anyone can open your Rebound data; without it and\n"
        "# without your passphrase, nobody can.\n"
        "# Use it:  rebound-tui decrypt --recovery-key THIS-FILE\n"
        "#     or:  age -d -i THIS-FILE rebound.json.age > rebound.json\n"
        f"# created: {clock.stamp()}\n"
        f"# public key: {identity.to_public()}\n"
        f"{identity}\n"
    )


def key_file_text(keyring: Keyring) -> str:
    lines = [
        "# Rebound's data key (an age X25519 identity), encrypted with your passphrase.",
        "# Read your data without Rebound:  age -d -i rebound.key.age rebound.json.age > rebound.json",
        f"# created: {clock.stamp()}",
        *(f"{_RECIPIENT_TAG} {role} {text}" for role, text in keyring.recipients),
        keyring.data_key_text(),
    ]
    return "\n".join(lines) + "\n"


def write_key_file(data_dir: Path, keyring: Keyring, passphrase: str) -> Path:
    """Wrap the data key (and the recipient list) with ``passphrase`` into ``rebound.key.age``,
    atomically (0600). The only place a passphrase is used to encrypt."""
    from .storage import atomic_write_bytes

    if not passphrase:
        raise CryptoError("the passphrase is empty")
    target = Path(data_dir) / KEY_FILE
    atomic_write_bytes(target, passphrase_encrypt(key_file_text(keyring).encode(), passphrase), strict=True)
    return target


def write_new_file(path: Path, text: str) -> None:
    """Create ``path`` (0600) with ``text``, refusing to replace anything (a recovery key is written
    once); synced to disk before returning."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600)
    try:
        os.write(fd, text.encode())
        os.fsync(fd)
    finally:
        os.close(fd)


def check_recovery_target(path: Path, data_dir: Path) -> None:
    """Refuse a recovery key file that exists already or would sit in the data folder (a copy of the
    folder would then carry the key that opens it). Raises :class:`CryptoError`."""
    path = Path(path).expanduser()
    if os.path.lexists(path):
        raise CryptoError(f"{path} already exists; a recovery key is written to a new file")
    if not path.parent.is_dir():
        raise CryptoError(f"the folder {path.parent} does not exist")
    folder = Path(os.path.realpath(data_dir))
    where = Path(os.path.realpath(path.parent))
    if where == folder or folder in where.parents:
        raise CryptoError("keep the recovery key outside the data folder (a copy of the folder would carry "
                          "the key that opens it)")


# --------------------------------------------------------------------------- unlocking


def has_key_file(data_dir: Path) -> bool:
    return (Path(data_dir) / KEY_FILE).exists()


def unlock(data_dir: Path, passphrase: str) -> Keyring:
    """Open the data key with the passphrase. Raises :class:`WrongPassphraseError`, or
    :class:`CryptoError` when the key file is missing or damaged. Reads one file, changes nothing."""
    path = Path(data_dir) / KEY_FILE
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CryptoError(f"the key file {path} is missing, so the passphrase has nothing to open. A recovery "
                          "key still opens the data: rebound-tui decrypt --recovery-key FILE") from None
    except OSError as exc:
        raise CryptoError(f"can't read the key file {path}: {exc.strerror or exc}") from None
    if not raw.startswith(AGE_MAGIC + _SCRYPT):
        raise CryptoError(f"the key file {path} is damaged (it is not a passphrase-encrypted age file)")
    pyrage = _pyrage()
    no_core_dumps()
    try:
        text = bytes(pyrage.passphrase.decrypt(raw, passphrase)).decode("utf-8")
    except pyrage.DecryptError:
        raise WrongPassphraseError("That passphrase does not open this data.") from None
    except UnicodeDecodeError:
        raise CryptoError(f"the key file {path} is damaged") from None
    return parse_key_text(text, str(path))


def parse_key_text(text: str, where: str) -> Keyring:
    pyrage = _pyrage()
    identities = []
    recipients: list[tuple[str, str]] = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith(_RECIPIENT_TAG):
            role, _, key = line[len(_RECIPIENT_TAG):].strip().partition(" ")
            if role in ROLES and key:
                recipients.append((role, key.strip()))
        elif line.startswith(_SECRET_PREFIX):
            try:
                identities.append(pyrage.x25519.Identity.from_str(line))
            except pyrage.IdentityError:
                raise CryptoError(f"the key in {where} is damaged") from None
    if len(identities) != 1:
        raise CryptoError(f"{where} should hold exactly one key; it holds {len(identities)}")
    data = identities[0]
    public = str(data.to_public())
    if not recipients:
        recipients = [("data", public)]
    if ("data", public) not in recipients:
        raise CryptoError(f"the recipients listed in {where} don't match its key")
    return Keyring(identities, recipients, data)


def identity_keyring(path: Path) -> Keyring:
    """A read-only keyring from a recovery key file (``AGE-SECRET-KEY-1…`` lines, as age-keygen
    writes) or an unencrypted OpenSSH private key. Raises :class:`CryptoError`."""
    pyrage = _pyrage()
    path = Path(path).expanduser()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CryptoError(f"can't read {path}: {exc.strerror or exc}") from None
    if b"-----BEGIN OPENSSH PRIVATE KEY-----" in raw:
        try:
            return Keyring([pyrage.ssh.Identity.from_buffer(raw)])
        except (pyrage.IdentityError, ValueError):
            raise CryptoError(f"{path} is an SSH key Rebound can't use (a passphrase-protected one? then use "
                              "`age -d -i` with it)") from None
    identities = []
    for line in raw.decode("utf-8", "replace").splitlines():
        line = line.strip()
        if line.startswith(_SECRET_PREFIX):
            try:
                identities.append(pyrage.x25519.Identity.from_str(line))
            except pyrage.IdentityError:
                raise CryptoError(f"the key in {path} is damaged") from None
    if not identities:
        raise CryptoError(f"{path} holds no age key (a line starting with {_SECRET_PREFIX})")
    no_core_dumps()
    return Keyring(identities)


def passphrase_from_file(path: Path) -> str:
    """The passphrase in a file that only its owner can read (mode 0600 or stricter, owned by you):
    the first line, without its line ending. Raises :class:`CryptoError` (never quoting the file)."""
    path = Path(path).expanduser()
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise CryptoError(f"can't read the passphrase file {path}: {exc.strerror or exc}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise CryptoError(f"the passphrase file {path} is not a regular file")
        mode = stat.S_IMODE(st.st_mode)
        if mode & 0o077:
            raise CryptoError(f"the passphrase file {path} can be read by others (mode {mode:04o}); "
                              f"run: chmod 600 {path}")
        if hasattr(os, "geteuid") and st.st_uid != os.geteuid():
            raise CryptoError(f"the passphrase file {path} belongs to another user")
        raw = os.read(fd, MAX_PASSPHRASE + 2)
    finally:
        os.close(fd)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise CryptoError(f"the passphrase file {path} is not UTF-8 text") from None
    line = text.split("\n", 1)[0].removesuffix("\r")
    if not line:
        raise CryptoError(f"the passphrase file {path} is empty")
    if len(line) > MAX_PASSPHRASE:
        raise CryptoError(f"the passphrase in {path} is longer than {MAX_PASSPHRASE} characters")
    return line
