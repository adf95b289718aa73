"""The body of a parsed message as text: attachments skipped, any transfer encoding.

Pure. ``shrink`` drops huge base64 runs before the stdlib parser sees them (a 20 MB
attachment costs milliseconds), ``collect`` walks the MIME tree and decodes only text parts.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass, field
from email.message import Message
from email.policy import compat32

from replydraft.message.charsets import b64decode, decode_bytes
from replydraft.message.headers import HeaderIndex, clean_header
from replydraft.message.html_text import cut_in_markup, drop_skipped, html_texts
from replydraft.message.mime import message_from_bytes

__all__ = ["BLANK_LINE", "MAX_PARSE", "MAX_TEXT", "Body", "collect", "readable_text", "shrink", "transfer_decoded",
           "without_own_text"]


# -- size limits and the attachment pre-pass ---------------------------------------------

# The stdlib parser would hold every attachment in memory several times over, so before
# parsing, long base64 runs are dropped (attachments) or cut short (a huge text part), and
# no more than MAX_PARSE bytes are parsed. The run pattern is anchored at a run's first
# byte, so the scan is linear even for one 20 MB line.
LARGE = 512 * 1024            # smaller messages skip the pre-pass
MAX_PARSE = 4 * 1024 * 1024
RUN_MIN = 128 * 1024          # base64 this long is an attachment (no customer writes 96 KB)
TEXT_KEEP = 256 * 1024        # what is kept of a huge base64 text part
MAX_TEXT = 1_000_000          # characters of body text kept per part
MAX_HTML = 1_000_000          # characters of HTML converted per part
MAX_DEPTH = 16                # MIME nesting
_RUN = re.compile(rb"(?<![A-Za-z0-9+/=\r\n])[A-Za-z0-9+/=\r\n]{%d,}" % RUN_MIN)
BLANK_LINE = re.compile(rb"\r?\n\r?\n")
_TEXT_PART = re.compile(rb"content-type:[ \t]*text/", re.IGNORECASE)
_HTML_PART = re.compile(rb"content-type:[ \t]*text/html", re.IGNORECASE)
_NAMED_PART = re.compile(rb"content-disposition:[ \t]*attachment|name\*?(?:\d+\*?)?[ \t]*=", re.IGNORECASE)


def shrink(raw: bytes) -> tuple[bytes, list[str]]:
    """``raw`` without its huge base64 runs and capped at MAX_PARSE, and what was done."""
    if len(raw) < LARGE:
        return raw, []
    done: list[str] = []

    def replace(run: re.Match[bytes]) -> bytes:
        start = run.start()
        blank = BLANK_LINE.search(raw, start, start + 512)   # the run may begin with "base64\r\n\r\n"
        head = raw[start:blank.end()] if blank else b""
        headers = raw[max(0, start - 2048):start].rsplit(b"\n--", 1)[-1]
        if _TEXT_PART.search(headers) and not _NAMED_PART.search(headers):
            done.append("LargeTextPartTruncated")
            kept = raw[start + len(head):start + len(head) + TEXT_KEEP]
            if _HTML_PART.search(headers) and cut_in_markup(b64decode(kept)[0]):
                done.append("LargeMarkupDropped")   # what is kept is what follows a huge style block
                kept = base64.encodebytes(drop_skipped(b64decode(run.group()[len(head):])[0]))[:TEXT_KEEP]
            return head + kept + b"\r\n"
        done.append("LargeAttachmentSkipped")
        return head + b"\r\n"

    smaller = _RUN.sub(replace, raw)
    if len(smaller) > MAX_PARSE:         # what a huge style or script block holds is not text: not cut for it
        smaller = drop_skipped(smaller, RUN_MIN, closed_only=True)
        if len(smaller) <= MAX_PARSE:
            done.append("LargeMarkupDropped")
    if len(smaller) > MAX_PARSE:
        cut = smaller.rfind(b"\n", MAX_PARSE - 65536, MAX_PARSE) + 1 or MAX_PARSE   # at a line end if one is near
        smaller = smaller[:cut]
        done.append("MessageTruncated")
    return smaller, list(dict.fromkeys(done))


# -- body: the MIME walk -----------------------------------------------------------------


@dataclass
class Body:
    """What the MIME walk found: text as a whole (``full``) and without HTML quotes (``fresh``)."""

    full: list[str] = field(default_factory=list)
    fresh: list[str] = field(default_factory=list)
    defects: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    attached: list[Message] = field(default_factory=list)   # message/rfc822 parts
    named: list[str] = field(default_factory=list)          # text parts skipped as attachments


def collect(part: Message, body: Body, depth: int = 0, headers: HeaderIndex | None = None) -> bool:
    """Add the readable text of ``part`` to ``body``; True if it had any. ``headers`` is
    ``HeaderIndex(part)`` if the caller has it.

    Attachments are never decoded: a part is text only if it is text/plain or text/html
    without a filename and not ``Content-Disposition: attachment``."""
    body.defects.extend(type(d).__name__ for d in getattr(part, "defects", ()))
    if depth > MAX_DEPTH:
        body.defects.append("NestingTooDeep")
        return _deep_leaves(part, body)
    if headers is None:
        headers = HeaderIndex(part)
    ctype = _ctype(part, headers)
    if ctype.startswith("message/"):
        body.attached.extend(_children(part))
        return False
    if part.is_multipart():
        kids = _children(part)
        if ctype == "multipart/alternative":
            return _alternative(kids, body, depth)
        found = False
        for kid in kids:
            found = collect(kid, body, depth + 1) or found
        return found
    if ctype.startswith("multipart/"):
        recovered = _recover_multipart(part)
        if recovered is not None:
            return collect(recovered, body, depth + 1)
        ctype = "text/plain"     # best effort: read the unparsable multipart as text
    return _text_leaf(part, body, headers, ctype)


def _text_leaf(part: Message, body: Body, headers: HeaderIndex, ctype: str) -> bool:
    """Add the text of a leaf part, if it is a text part that is not an attachment."""
    if ctype not in ("text/plain", "text/html"):
        return False
    name = _filename(part, headers)
    if name is not None or _disposition(headers) == "attachment":
        body.named.append(name or "(no name)")
        return False
    full, fresh = _leaf_text(part, headers, ctype, body.defects)
    if not full.strip():
        return False
    body.full.append(full)
    body.fresh.append(fresh)
    return True


def _deep_leaves(part: Message, body: Body) -> bool:
    """The text parts below MAX_DEPTH, found without recursion and read in order (both of
    any alternatives): text nested 50 multiparts deep to hide it is still read."""
    found = False
    stack = [part]
    while stack:
        node = stack.pop()
        headers = HeaderIndex(node)
        ctype = _ctype(node, headers)
        if ctype.startswith("message/"):
            body.attached.extend(_children(node))
        elif node.is_multipart():
            stack.extend(reversed(_children(node)))
        else:
            found = _text_leaf(node, body, headers, ctype) or found
    return found


def readable_text(part: Message) -> bool:
    """Whether ``collect`` reads this leaf part as text: text/plain or text/html, no file
    name, not ``Content-Disposition: attachment`` (fetchplan checks its plan with this)."""
    headers = HeaderIndex(part)
    if _ctype(part, headers) not in ("text/plain", "text/html"):
        return False
    return _filename(part, headers) is None and _disposition(headers) != "attachment"


def _alternative(kids: list[Message], body: Body, depth: int) -> bool:
    """One of the alternatives: text/plain first, else HTML, else whatever else has text."""
    rank = {"text/plain": 0, "text/html": 1}
    indexed = [(kid, HeaderIndex(kid)) for kid in kids]
    for kid, headers in sorted(indexed, key=lambda k: rank.get(_ctype(*k), 2)):
        trial = Body()
        found = collect(kid, trial, depth + 1, headers)
        body.defects.extend(trial.defects)
        if found:
            body.full += trial.full
            body.fresh += trial.fresh
            body.attached += trial.attached
            return True
    return False


def without_own_text(body: Body) -> tuple[str, str]:
    """No readable text of its own: use an attached message (a forward as attachment), or
    the one attached to that, and so on (one level at a time: no recursion, however deep)."""
    attached = body.attached
    while attached:
        inner = Body()
        collect(attached[0], inner, 1)
        if inner.full:
            body.notes.append("the message has no text of its own; classified the attached message")
            body.defects.extend(inner.defects)
            return "\n".join(inner.full), "\n".join(inner.fresh)
        attached = inner.attached
    if body.named:
        body.notes.append(f"the only text is in attachment(s) {', '.join(body.named[:3])}; not classified")
    return "", ""


def _children(part: Message) -> list[Message]:
    payload = part.get_payload()
    return [p for p in payload if isinstance(p, Message)] if isinstance(payload, list) else []


def _ctype(part: Message, headers: HeaderIndex) -> str:
    """``part.get_content_type()``, or text/plain if that raises."""
    value = headers.full("Content-Type")
    if value is not None and value.isascii() and part.policy is compat32:
        # What get_content_type does with a str value (8-bit ones become Header objects),
        # without its second scan of the headers (1.7 us; a multipart/alternative asked 5 times).
        ctype = value.partition(";")[0].strip().lower()
        return ctype if ctype.count("/") == 1 else "text/plain"
    try:
        return part.get_content_type()
    except Exception:
        return "text/plain"


def _lacks_param(value: str | None, name: str) -> bool:
    """Whether a header (its first occurrence, as received) certainly has no parameter
    ``name``, so ``get_param`` would return its default without raising. Parsing the
    parameters is the slow part of ``get_param``, and most parts have no name or format;
    without non-ASCII bytes (a ``Header`` object) and RFC 2231 ``*`` parameters (which
    can raise), the parsed names are pieces of the value."""
    return value is None or (value.isascii() and "*" not in value and name not in value.lower())


def _filename(part: Message, headers: HeaderIndex) -> str | None:
    """The filename or name parameter (RFC 2231 decoded), or None."""
    if _lacks_param(headers.full("Content-Disposition"), "name") and _lacks_param(headers.full("Content-Type"), "name"):
        return None                      # "name" covers "filename"
    try:
        name = part.get_filename()
    except Exception:  # broken RFC 2231 continuations
        return "(unreadable name)"
    if name is None:
        return None
    return clean_header(name, 100) or "(no name)"


def _disposition(headers: HeaderIndex) -> str:
    return (headers.raw("Content-Disposition") or "").split(";", 1)[0].strip().lower()


_BOUNDARY_LINE = re.compile(rb"^--([^\s]{1,70}?)(?:--)?[ \t]*\r?$", re.MULTILINE)


def _recover_multipart(part: Message) -> Message | None:
    """A multipart whose boundary is missing or wrong, re-read with the first ``--x`` line as boundary."""
    data = _raw_payload(part)
    if data is None:
        return None
    found = _BOUNDARY_LINE.search(data, 0, 64 * 1024)
    if found is None:
        return None
    boundary = found.group(1).replace(b'"', b"")
    header = b'Content-Type: multipart/mixed; boundary="' + boundary + b'"\r\n\r\n'
    recovered = message_from_bytes(header + data)
    return recovered if recovered.is_multipart() else None


# -- body: transfer encodings and charsets -----------------------------------------------


def _leaf_text(part: Message, headers: HeaderIndex, ctype: str, defects: list[str]) -> tuple[str, str]:
    """(full, fresh) text of one text/plain or text/html part."""
    data = _transfer_decoded(part, headers, defects)
    if ctype == "text/html" and len(data) > MAX_HTML:
        data = drop_skipped(data)        # a huge style block must not be what fills MAX_HTML
    charset = _charset(part, headers)
    if ctype == "text/html" and charset is None:
        charset = _meta_charset(data)
    text, problem = decode_bytes(data, charset)
    if problem:
        defects.append(problem)
    if "\r" in text:                     # each replace copies the text
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if ctype == "text/html":
        if len(text) > MAX_HTML:
            text = text[:MAX_HTML]
            defects.append("TextTruncated")
        return html_texts(text)
    if len(text) > MAX_TEXT:
        text = text[:MAX_TEXT]
        defects.append("TextTruncated")
    if _param(part, headers, "format") == "flowed":
        text = _unflow(text, _param(part, headers, "delsp") == "yes")
    return text, text


def _param(part: Message, headers: HeaderIndex, name: str) -> str:
    """A Content-Type parameter, stripped and lower-cased, or ""."""
    if _lacks_param(headers.full("Content-Type"), name):
        return ""
    try:
        value = part.get_param(name)
    except Exception:
        return ""
    return value.strip().lower() if isinstance(value, str) else ""


def _raw_payload(part: Message) -> bytes | None:
    """A leaf part's body bytes exactly as received.

    Not ``get_payload()``: for 8-bit bodies it re-decodes with the declared charset and
    "replace" (losing the bytes a mis-declared charset needs) and raises on RFC 2231
    charsets. The parser keeps 8-bit bytes as surrogates in ``_payload``."""
    payload = getattr(part, "_payload", None)
    if isinstance(payload, bytes):
        return payload
    return payload.encode("utf-8", "surrogateescape") if isinstance(payload, str) else None


def _transfer_decoded(part: Message, headers: HeaderIndex, defects: list[str]) -> bytes:
    """The part's bytes with base64 or quoted-printable undone, leniently."""
    data = _raw_payload(part)
    if data is None:
        return b""
    return transfer_decoded(data, headers.raw("Content-Transfer-Encoding"), defects)


def transfer_decoded(data: bytes, cte: str | None, defects: list[str] | None = None) -> bytes:
    """``data`` with the Content-Transfer-Encoding ``cte`` (base64, quoted-printable) undone, leniently."""
    cte = (cte or "").split(";", 1)[0].strip().lower()
    if cte == "base64":
        decoded, problem = b64decode(data)
        if problem and defects is not None:
            defects.append(problem)
        return decoded
    if cte == "quoted-printable":
        return binascii.a2b_qp(data)
    return data


def _charset(part: Message, headers: HeaderIndex) -> str | None:
    value = headers.full("Content-Type")
    if _lacks_param(value, "charset"):
        return None
    assert value is not None
    # An ASCII Content-Type value alone decides get_content_charset (8-bit ones become
    # Header objects), and a mailbox has few distinct ones: parse each once.
    if value in _CHARSETS:
        return _CHARSETS[value]
    try:
        charset = part.get_content_charset()
    except Exception:  # RFC 2231 values in unknown charsets
        charset = None
    if value.isascii() and len(_CHARSETS) < 512:
        _CHARSETS[value] = charset
    return charset


_CHARSETS: dict[str, str | None] = {}     # Content-Type value -> its charset parameter


_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)


def _meta_charset(data: bytes) -> str | None:
    found = _META_CHARSET.search(data, 0, 4096)
    return found.group(1).decode("ascii") if found else None


# Labels as found in mail -> a Python codec; single-byte western labels mean windows-1252,
# as in browsers, since that is what "latin-1" and "us-ascii" mail really contains.


def _unflow(text: str, delsp: bool) -> str:
    """RFC 3676 format=flowed: rejoin soft-wrapped lines (so a wrapped "On ... wrote:" is one line)."""
    out: list[str] = []
    carry: tuple[int, str] | None = None
    for line in text.split("\n"):
        depth = len(line) - len(line.lstrip(">"))
        content = line[depth:].removeprefix(" ")
        if carry is not None and carry[0] == depth:
            content = carry[1] + content
        elif carry is not None:
            out.append(">" * carry[0] + (" " if carry[0] else "") + carry[1])
        carry = None
        if content.endswith(" ") and content.rstrip() != "--":
            carry = (depth, content[:-1] if delsp else content)
            continue
        out.append(">" * depth + (" " if depth else "") + content)
    if carry is not None:
        out.append(">" * carry[0] + (" " if carry[0] else "") + carry[1])
    return "\n".join(out)
