"""A test-only knob: passphrase (scrypt) age files with a LOW work factor, so the suite stays fast.

Rebound wraps its data key with ``pyrage.passphrase.encrypt``, which calibrates scrypt to about a
second or more on this machine (work factor 18-20, up to 1 GiB of memory): right for a person, too slow
for a hundred tests. pyrage has no knob for it, so this module writes the same age v1 file
(https://age-encryption.org/v1: one ``scrypt`` stanza, header MAC, STREAM payload) with a work factor
of 2**10, in plain Python. It is used only to *write* key files in tests; every file it writes is
*read* by pyrage (and, where installed, by the ``age`` command), which proves it is well-formed.

Install it with :func:`install` (a pytest fixture does, see ``tests/store/test_crypto.py``), or in a
subprocess with ``python -c "import tests.agekit as k; k.install(); …"``.

Nothing here is for production: the ChaCha20-Poly1305 is RFC 8439 written out for readability, not
speed or side-channel resistance, and it only ever encrypts a few hundred bytes of test keys.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import struct

#: scrypt log2(N) for test key files (age's own default is 18; pyrage calibrates to ~1 s).
TEST_WORK_FACTOR = 10
_M = 0xFFFFFFFF
_CHUNK = 64 * 1024


def _rotl(v: int, c: int) -> int:
    return ((v << c) & _M) | (v >> (32 - c))


def _quarter(s: list[int], a: int, b: int, c: int, d: int) -> None:
    s[a] = (s[a] + s[b]) & _M
    s[d] = _rotl(s[d] ^ s[a], 16)
    s[c] = (s[c] + s[d]) & _M
    s[b] = _rotl(s[b] ^ s[c], 12)
    s[a] = (s[a] + s[b]) & _M
    s[d] = _rotl(s[d] ^ s[a], 8)
    s[c] = (s[c] + s[d]) & _M
    s[b] = _rotl(s[b] ^ s[c], 7)


def chacha20_block(key: bytes, counter: int, nonce: bytes) -> bytes:
    state = [0x61707865, 0x3320646E, 0x79622D32, 0x6B206574, *struct.unpack("<8I", key), counter,
             *struct.unpack("<3I", nonce)]
    w = list(state)
    for _ in range(10):
        _quarter(w, 0, 4, 8, 12)
        _quarter(w, 1, 5, 9, 13)
        _quarter(w, 2, 6, 10, 14)
        _quarter(w, 3, 7, 11, 15)
        _quarter(w, 0, 5, 10, 15)
        _quarter(w, 1, 6, 11, 12)
        _quarter(w, 2, 7, 8, 13)
        _quarter(w, 3, 4, 9, 14)
    return struct.pack("<16I", *((w[i] + state[i]) & _M for i in range(16)))


def chacha20(key: bytes, counter: int, nonce: bytes, data: bytes) -> bytes:
    out = bytearray()
    for i in range(0, len(data), 64):
        block = chacha20_block(key, counter + i // 64, nonce)
        out += bytes(a ^ b for a, b in zip(data[i:i + 64], block, strict=False))
    return bytes(out)


def poly1305(key: bytes, msg: bytes) -> bytes:
    r = int.from_bytes(key[:16], "little") & 0x0FFFFFFC0FFFFFFC0FFFFFFC0FFFFFFF
    s = int.from_bytes(key[16:], "little")
    p = (1 << 130) - 5
    acc = 0
    for i in range(0, len(msg), 16):
        acc = (acc + int.from_bytes(msg[i:i + 16] + b"\x01", "little")) * r % p
    return ((acc + s) & ((1 << 128) - 1)).to_bytes(16, "little")


def seal(key: bytes, nonce: bytes, plaintext: bytes) -> bytes:
    """ChaCha20-Poly1305 (RFC 8439) with no associated data, as age uses it."""
    otk = chacha20_block(key, 0, nonce)[:32]
    ct = chacha20(key, 1, nonce, plaintext)
    pad = b"\x00" * (-len(ct) % 16)
    tag = poly1305(otk, ct + pad + struct.pack("<QQ", 0, len(ct)))
    return ct + tag


def _hkdf(ikm: bytes, salt: bytes, info: bytes) -> bytes:
    prk = hmac.new(salt or b"\x00" * 32, ikm, hashlib.sha256).digest()
    return hmac.new(prk, info + b"\x01", hashlib.sha256).digest()


def _b64(data: bytes) -> bytes:
    return base64.b64encode(data).rstrip(b"=")


def scrypt_encrypt(plaintext: bytes, passphrase: str, work_factor: int = TEST_WORK_FACTOR) -> bytes:
    """An age v1 file for ``passphrase`` (one scrypt stanza), as ``age -p`` writes it."""
    file_key = os.urandom(16)
    salt = os.urandom(16)
    wrap_key = hashlib.scrypt(passphrase.encode(), salt=b"age-encryption.org/v1/scrypt" + salt,
                              n=2 ** work_factor, r=8, p=1, dklen=32, maxmem=2 ** 26)
    body = _b64(seal(wrap_key, b"\x00" * 12, file_key))
    header = b"age-encryption.org/v1\n-> scrypt " + _b64(salt) + b" " + str(work_factor).encode() + b"\n" \
        + body + b"\n---"
    mac = hmac.new(_hkdf(file_key, b"", b"header"), header, hashlib.sha256).digest()
    nonce = os.urandom(16)
    payload_key = _hkdf(file_key, nonce, b"payload")
    chunks = [plaintext[i:i + _CHUNK] for i in range(0, len(plaintext), _CHUNK)] or [b""]
    sealed = [seal(payload_key, struct.pack(">11sB", n.to_bytes(11, "big"), 1 if n == len(chunks) - 1 else 0),
                   chunk) for n, chunk in enumerate(chunks)]
    return header + b" " + _b64(mac) + b"\n" + nonce + b"".join(sealed)


def install() -> None:
    """Make :mod:`store.crypto` wrap keys with the low test work factor (this process only)."""
    from store import crypto

    crypto.passphrase_encrypt = scrypt_encrypt
