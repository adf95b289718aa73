"""Header values from a parsed message: raw lookup, RFC 2047 words, addresses, ids, dates.

Pure. Every value that comes out of here has been cleaned of control characters, so
callers may show or reuse it safely; ``automated_reason`` spots machine-sent mail.
"""

from __future__ import annotations

import binascii
import email.utils
import re
from datetime import datetime, timedelta, timezone
from email.message import Message

from replydraft.message.charsets import b64decode, decode_bytes

__all__ = [
    "HeaderIndex",
    "address",
    "automated_reason",
    "clean_header",
    "header_value",
    "msgid",
    "msgids",
    "parse_date",
    "raw_header",
]


MAX_HEADER = 16 * 1024


# C0/C1 controls, DEL, and the Unicode line/paragraph separators and bidi overrides:
# none of them belongs in a one-line header value or in a name shown to a reviewer.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b-\u200f\ufeff]")
SPACES = re.compile(r"\s+")


def clean_header(value: object, limit: int = 998) -> str:
    """One safe header line: decoded, no control characters, whitespace collapsed, capped."""
    text = str(value or "")
    if text.isascii() and text.isprintable() and "  " not in text:
        return text.strip()[:limit]      # no control characters, no runs of whitespace: nothing to replace
    text = _CONTROL.sub(" ", text)
    return SPACES.sub(" ", text).strip()[:limit]


_FOLD = re.compile(r"\r?\n(?=[ \t])")
_ENCODED_WORD = re.compile(r"=\?([^?\s]{1,64})\?([bBqQ])\?([^?]*)(?:\?=|$)")


def raw_header(msg: Message, name: str) -> str | None:
    """The first ``name`` header as received (folded, maybe 8-bit), or None."""
    wanted = name.lower()
    for key, value in msg.raw_items():
        if key.lower() == wanted:
            return str(value)[:MAX_HEADER]
    return None


def header_value(msg: Message, name: str) -> str:
    """A decoded header value (8-bit and RFC 2047), cleaned; "" when absent."""
    return _decoded(raw_header(msg, name))


def _decoded(raw: str | None) -> str:
    if raw is None:
        return ""
    if raw.isascii() and raw.isprintable() and "  " not in raw and "=?" not in raw:
        return raw.strip()[:998]         # nothing to unfold, decode or clean: what the line below returns
    return clean_header(decode_words(unfold(raw)))


class HeaderIndex:
    """The first header of each name of one message: what ``raw_header`` and
    ``header_value`` find, without scanning all headers for every lookup."""

    __slots__ = ("_first",)

    def __init__(self, msg: Message) -> None:
        # Built backwards, so the first header of a name is the one that stays.
        self._first = {key.lower(): str(value) for key, value in reversed(list(msg.raw_items()))}

    def full(self, name: str) -> str | None:
        """The first ``name`` header as received, not capped at MAX_HEADER."""
        return self._first.get(name.lower())

    def raw(self, name: str) -> str | None:
        """``raw_header(msg, name)``."""
        value = self._first.get(name.lower())
        return value[:MAX_HEADER] if value is not None else None

    def value(self, name: str) -> str:
        """``header_value(msg, name)``."""
        return _decoded(self.raw(name))

    def has_any(self, names: tuple[str, ...]) -> bool:
        """Whether there is a header of one of ``names`` (given in lower case)."""
        return any(name in self._first for name in names)


def unfold(value: str) -> str:
    """One line; raw 8-bit bytes (kept as surrogates by the parser) decoded as utf-8 or cp1252."""
    if "\n" in value:
        value = _FOLD.sub("", value)
    if value.isascii():
        return value
    return decode_bytes(value.encode("utf-8", "surrogateescape"), None)[0]


def decode_words(text: str) -> str:
    """RFC 2047 encoded words, leniently: unknown charsets, bad base64 and a missing ``?=``
    all still give text. Adjacent words in one charset are joined before decoding, so a
    character split across two words survives."""
    if "=?" not in text:
        return text
    out: list[str] = []
    pending: tuple[str, bytearray] | None = None   # charset and bytes of the words so far
    pos = 0
    for word in _ENCODED_WORD.finditer(text):
        gap = text[pos:word.start()]
        charset = word.group(1).split("*", 1)[0].lower()   # "utf-8*en": RFC 2231 language tag
        data = word.group(3).encode("ascii", "replace")
        raw = b64decode(data)[0] if word.group(2) in "bB" else binascii.a2b_qp(data, header=True)
        if pending and not gap.strip() and pending[0] == charset:
            pending[1].extend(raw)           # whitespace between encoded words is not text
        else:
            if pending:
                out.append(decode_bytes(bytes(pending[1]), pending[0])[0])
            if gap.strip() or not pending:
                out.append(gap)
            pending = (charset, bytearray(raw))
        pos = word.end()
    if pending:
        out.append(decode_bytes(bytes(pending[1]), pending[0])[0])
    out.append(text[pos:])
    return "".join(out)


def address(raw: str | None) -> tuple[str, str]:
    """(display name, addr-spec) from a raw header; the name is decoded after the split, so
    an encoded comma or "<" in it can't move the address."""
    if not raw:
        return "", ""
    value = unfold(raw).strip()
    if _CONTROL.search(value):
        value = _without_controls(value)
    try:
        name, addr = _simple_address(value) or email.utils.parseaddr(value)
    except Exception:  # parseaddr has raised on odd input in some Python releases
        name, addr = "", ""
    return clean_header(decode_words(name), 200), _addr_spec(addr)


# "Jane Doe <jane.doe@example.com>" or a bare addr-spec in the plainest form: words of
# atext (a phrase word may also contain "."), single spaces, no quotes, comments, routes
# or folding. For these parseaddr returns the name and the address as written, after a
# character-by-character scan that was a tenth of parse(); anything else still goes to it.
_PHRASE_WORD = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+"
_DOT_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
_BARE_ADDRESS = re.compile(rf"{_DOT_ATOM}@{_DOT_ATOM}")
_NAMED_ADDRESS = re.compile(rf"(?P<name>{_PHRASE_WORD}(?: {_PHRASE_WORD})*) <(?P<addr>{_DOT_ATOM}@{_DOT_ATOM})>")


_ANGLE_ADDR = re.compile(r"(?P<name>[^<>]*)<(?P<addr>[^<>]*)>")


def _without_controls(value: str) -> str:
    """A bare CR or other control character in the display name is a space; in the address
    itself it makes the address unreadable (which address was meant is a guess), so only
    the name is kept."""
    named = _ANGLE_ADDR.fullmatch(value)
    if named and not _CONTROL.search(named.group("addr")):
        return f'{_CONTROL.sub(" ", named.group("name"))}<{named.group("addr")}>'
    return _CONTROL.sub(" ", named.group("name")) + "<>" if named else ""


def _simple_address(value: str) -> tuple[str, str] | None:
    """``parseaddr(value)`` for the plainest forms, else None."""
    named = _NAMED_ADDRESS.fullmatch(value)
    if named:
        return named.group("name"), named.group("addr")
    return ("", value) if _BARE_ADDRESS.fullmatch(value) else None


def _addr_spec(addr: str) -> str:
    """A lower-cased addr-spec a reply can be sent to (IDN domains as punycode), or ""."""
    local, _, domain = addr.strip().lower().rpartition("@")
    if not domain.isascii():
        try:
            domain = domain.encode("idna").decode("ascii")
        except Exception:  # UnicodeError and friends from the idna codec
            return ""
    addr = f"{local}@{domain}"
    return addr if _ADDR_SPEC.fullmatch(addr) else ""


# A dot-atom addr-spec (RFC 5322 3.4.1), ASCII only, at a host name or an IP literal
# ("[192.0.2.1]", "[IPv6:2001:db8::1]"): anything else, such as "jane@customer." from a
# broken header or a UTF-8 local part, can't be written into a reply's To: header.
_ATOM = r"[a-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_IP_LITERAL = r"\[(?:[0-9]{1,3}(?:\.[0-9]{1,3}){3}|ipv6:[0-9a-f:.]+)\]"
_ADDR_SPEC = re.compile(rf"{_ATOM}(?:\.{_ATOM})*@(?:{_LABEL}(?:\.{_LABEL})*|{_IP_LITERAL})")
_MSGID = re.compile(r"<[^<>\s@]+@[^<>\s@]+>")


def msgid(value: str) -> str:
    found = _MSGID.search(value)
    return found.group(0)[:250] if found else ""


def msgids(value: str) -> list[str]:
    return [m[:250] for m in _MSGID.findall(value)]


def parse_date(value: str) -> datetime | None:
    try:
        plain = _PLAIN_DATE.fullmatch(value)
        if plain:
            return _plain_date(plain)
        return email.utils.parsedate_to_datetime(value) if value else None
    except Exception:  # TypeError, ValueError, IndexError, OverflowError on junk dates
        return None


# "Mon, 16 Nov 2026 09:12:00 +0100", the form nearly every mailer writes. For it
# parsedate_to_datetime's token shuffling (about 5 us, a tenth of the header work) comes
# down to reading six numbers; every other form still goes to it.
_MONTHS = {name: number for number, name in enumerate(
    ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1)}
_PLAIN_DATE = re.compile(r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?([0-9]{1,2}) (" + "|".join(_MONTHS) + r") "
                         r"([1-9][0-9]{3}) ([0-9]{2}):([0-9]{2}):([0-9]{2}) ([+-][0-9]{4})")
_ZONES: dict[str, timezone | None] = {}


def _plain_date(found: re.Match[str]) -> datetime:
    """``parsedate_to_datetime`` of a ``_PLAIN_DATE`` (it raises where this raises)."""
    day, month, year, hour, minute, second, zone = found.groups()
    if zone not in _ZONES:
        _ZONES[zone] = _zone(zone)
    tz = _ZONES[zone]
    if tz is None:                       # "-0000": UTC, but the sender's zone is unknown
        return datetime(int(year), _MONTHS[month], int(day), int(hour), int(minute), int(second))
    return datetime(int(year), _MONTHS[month], int(day), int(hour), int(minute), int(second), tzinfo=tz)


def _zone(zone: str) -> timezone | None:
    """The zone as email.utils computes it ("+0160" is 2 hours); raises where it raises."""
    offset = int(zone)
    if offset == 0 and zone.startswith("-"):
        return None
    sign, offset = (-1, -offset) if offset < 0 else (1, offset)
    return timezone(timedelta(seconds=sign * ((offset // 100) * 3600 + (offset % 100) * 60)))


_LIST_HEADERS = ("List-Id", "List-Unsubscribe", "X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress")
_LIST_NAMES = tuple(name.lower() for name in _LIST_HEADERS)
_NOREPLY = re.compile(r"^(no[-_.]?reply|do[-_.]?not[-_.]?reply|mailer-daemon|postmaster|bounces?)[@+-]")


def automated_reason(headers: HeaderIndex, from_addr: str) -> str | None:
    """RFC 3834 and common list/auto-responder markers: such mail never gets a draft."""
    auto = headers.value("Auto-Submitted").lower()
    if auto and auto != "no":
        return f"Auto-Submitted: {auto}"
    precedence = headers.value("Precedence").lower()
    if precedence in ("bulk", "list", "junk", "auto_reply"):
        return f"Precedence: {precedence}"
    if headers.has_any(_LIST_NAMES):
        name = next(name for name in _LIST_HEADERS if headers.raw(name) is not None)
        return f"{name} header"
    if headers.raw("Return-Path") is not None and headers.value("Return-Path") in ("<>", ""):
        return "empty Return-Path (bounce)"
    if _NOREPLY.match(from_addr):
        return f"no-reply sender {from_addr}"
    return None
