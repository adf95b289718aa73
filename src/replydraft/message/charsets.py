"""Bytes in any declared, mis-declared or missing charset -> text, never an exception.

Pure. Also lenient base64, shared by bodies and RFC 2047 header words.
"""

from __future__ import annotations

import binascii
import codecs
import functools
import re

__all__ = ["b64decode", "decode_bytes"]

_B64_CHARS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_NOT_B64 = bytes(b for b in range(256) if b not in _B64_CHARS + b"=")


def b64decode(data: bytes) -> tuple[bytes, str | None]:
    """Base64 that tolerates junk, missing or extra padding and glued-together encodings.
    Text that is plainly not base64 (mis-declared) is returned as it is."""
    junk = len(data.translate(None, _B64_CHARS + b"=\r\n"))   # base64 has no spaces inside lines
    if junk >= 4 and junk * 20 > len(data):
        return data, "NotBase64"
    clean = data.translate(None, _NOT_B64)
    out = bytearray()
    for piece in clean.split(b"="):
        piece = piece[: len(piece) - 1] if len(piece) % 4 == 1 else piece
        if piece:
            out += binascii.a2b_base64(piece + b"=" * (-len(piece) % 4))
    problem = "InvalidBase64" if junk or len(clean) % 4 else None
    return bytes(out), problem


_CHARSET_ALIASES = {
    "utf8": "utf-8", "unicode11utf8": "utf-8", "unicode20utf8": "utf-8", "xunicode20utf8": "utf-8",
    "windows1252": "cp1252", "win1252": "cp1252", "xcp1252": "cp1252", "cp1252": "cp1252",
    "iso885915": "iso8859-15", "xsjis": "cp932", "sjis": "cp932", "shiftjis": "cp932",
    "windows31j": "cp932", "xgbk": "gb18030", "xmacroman": "mac-roman", "xeucjp": "euc_jp",
}
_SUPERSETS = {
    "iso8859-1": "cp1252", "ascii": "cp1252", "gb2312": "gb18030", "gbk": "gb18030",
    "shift_jis": "cp932", "euc_kr": "cp949", "big5": "big5hkscs", "tis-620": "cp874",
    "iso8859-9": "cp1254", "utf-8-sig": "utf-8",
}
_JAPANESE = ("iso2022_jp_ext", "cp932", "euc_jp")
_FALLBACKS = {"iso2022_jp": _JAPANESE, "iso2022_jp_2": _JAPANESE, "cp932": ("euc_jp",), "euc_jp": ("cp932",)}
_NOT_TEXT = {"unicode-escape", "raw-unicode-escape", "punycode", "idna", "undefined", "mbcs", "oem", "charmap"}
_SINGLE_BYTE = {codecs.lookup(name).name for name in (
    "cp1252", "iso8859-15", "iso8859-2", "iso8859-3", "iso8859-4", "iso8859-5", "iso8859-7", "iso8859-10",
    "iso8859-13", "iso8859-14", "iso8859-16", "cp1250", "cp1251", "cp1253", "cp1254", "cp1257",
    "koi8-r", "koi8-u", "mac-roman", "cp437", "cp850", "cp866")}


_CP1252_HIGH = bytes(range(0x80, 0x100)).decode("cp1252", "replace")
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


@functools.lru_cache(maxsize=512)
def _codec(label: str | None) -> tuple[str | None, bool]:
    """(Python codec for a charset label, label was given but unknown). Cached: a mailbox
    has few distinct labels, and the normalising and lookups cost 2-3 us a part."""
    if not label:
        return None, False
    text = label.strip().strip("\"'\\ ").lower()
    compact = re.sub(r"[^a-z0-9]", "", text)
    for candidate in (_CHARSET_ALIASES.get(compact), text, compact, text.removeprefix("x-")):
        if not candidate:
            continue
        try:
            info = codecs.lookup(candidate)
        except LookupError:
            continue
        if getattr(info, "_is_text_encoding", True) and info.name not in _NOT_TEXT:
            return _SUPERSETS.get(info.name, info.name), False
    return None, True


def decode_bytes(data: bytes, charset: str | None) -> tuple[str, str | None]:
    """Text from bytes in a declared, mis-declared or unknown charset, and what was wrong
    (a defect name) or None. Never raises."""
    try:
        return _decode_checked(data, charset)
    except Exception:  # a codec bug must not stop the pipeline
        return data.decode("latin-1"), "UndecodableCharset"


def _decode_checked(data: bytes, charset: str | None) -> tuple[str, str | None]:
    if data.startswith(codecs.BOM_UTF8):
        return _utf8_or_cp1252(data[3:])[0], None
    if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return data.decode("utf-16", "replace"), None
    codec, unknown = _codec(charset)
    if b"\x00" in data:                  # text has no NUL bytes, but UTF-16 of Latin letters is half NULs
        utf16 = _utf16_order(data)
        if utf16 is not None:
            return data.decode(utf16, "replace"), None if codec in ("utf-16", utf16) else "CharsetMismatch"
    if codec is None:                    # none declared, or unknown: utf-8, else windows-1252
        return _utf8_or_cp1252(data)[0], "UnknownCharset" if unknown else None
    if codec == "utf-8":
        text, mixed = _utf8_or_cp1252(data)
        return text, "CharsetMismatch" if mixed else None
    if codec in _SINGLE_BYTE:
        if not data.isascii():   # utf-8 under a single-byte label: utf-8 is never valid by accident
            try:
                return data.decode("utf-8"), "CharsetMismatch"
            except UnicodeDecodeError:
                pass
        return data.decode(codec, "replace"), None
    for candidate in (codec, "utf-8", *_FALLBACKS.get(codec, ())):
        try:
            return data.decode(candidate), None if candidate == codec else "CharsetMismatch"
        except UnicodeDecodeError:
            continue
    return data.decode(codec, "replace"), "UndecodableBytes"


def _utf16_order(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" for UTF-16 without a byte-order mark (whatever the label
    says): most characters of mail are Latin, and each is a NUL byte beside its letter,
    always on the same side. None if the NUL bytes don't fall that way."""
    half = len(data) // 2
    if half < 2:
        return None
    odd, even = data[1::2].count(0), data[0::2].count(0)
    if odd * 2 >= half and even * 8 <= odd:
        return "utf-16-le"
    if even * 2 >= half and odd * 8 <= even:
        return "utf-16-be"
    return None


def _utf8_or_cp1252(data: bytes) -> tuple[str, bool]:
    """utf-8, with every byte that isn't valid utf-8 read as windows-1252; True if any was."""
    try:
        return data.decode("utf-8"), False
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", "surrogateescape")
    return _ESCAPED_BYTE.sub(lambda m: _CP1252_HIGH[ord(m.group()) - 0xDC80], text), True
