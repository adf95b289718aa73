"""Raw RFC 5322 bytes -> :class:`InboundEmail`: headers, body text and the customer's new text.

Pure: no I/O, no logging. Broken mail is never an error: ``parse`` returns what it could
read, lists what was wrong with the message in ``defects``, and says in ``notes`` wherever
it had to guess which words are the customer's new text (the daemon logs the notes).
Every header value that comes out of here has been cleaned of control characters, so
callers may show or reuse it safely.

The work is done by: ``mime`` (the stdlib's MIME tree, built faster), ``headers`` (values,
addresses, automated mail), ``body`` (the MIME walk and the attachment pre-pass, with
``charsets`` and ``html_text``) and ``quotes`` (the new text: no quotes, forwards,
signatures or footers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from email.errors import MissingHeaderBodySeparatorDefect

from replydraft.message.authresults import dmarc_failed
from replydraft.message.body import BLANK_LINE, MAX_PARSE, MAX_TEXT, Body, collect, shrink, without_own_text
from replydraft.message.charsets import decode_bytes
from replydraft.message.headers import HeaderIndex, address, automated_reason, clean_header, msgid, msgids, parse_date
from replydraft.message.html_text import html_to_text
from replydraft.message.mime import message_from_bytes
from replydraft.message.quotes import new_text, new_text_and_notes, strip_history

__all__ = ["InboundEmail", "clean_header", "html_to_text", "new_text", "parse"]


@dataclass(frozen=True, slots=True)
class InboundEmail:
    message_id: str               # "<id@host>", or "" when the message has none
    from_name: str
    from_addr: str                # lower-cased addr-spec, or ""
    reply_to: str                 # addr-spec of Reply-To, or ""
    subject: str
    date: datetime | None
    in_reply_to: str
    references: tuple[str, ...]
    text: str                     # the whole body as plain text (HTML quotes as "> " lines)
    new_text: str                 # only what the customer wrote this time
    automated: str | None = None  # why this looks like machine-sent mail, or None
    defects: tuple[str, ...] = ()  # what is wrong with the message as sent (MIME, charsets, size)
    notes: tuple[str, ...] = ()    # where new_text is a guess: one sentence each, for the log
    dmarc_failed: bool = False     # the receiving server's Authentication-Results: DMARC failed for From


def parse(raw: bytes) -> InboundEmail:
    """Parse one message. Never raises: a message the parser can't read still gets its body text."""
    try:
        return _parse(raw)
    except Exception as exc:  # a stdlib corner or a bug here must not stop the pipeline
        return _unparsed(raw, exc)


def _parse(raw: bytes) -> InboundEmail:
    raw, defects = shrink(_bare_cr_as_space(raw))
    msg = message_from_bytes(raw)
    if any(isinstance(d, MissingHeaderBodySeparatorDefect) for d in msg.defects):
        mended = _address_lines_joined(raw)
        msg = message_from_bytes(mended) if mended != raw else msg
    headers = HeaderIndex(msg)
    body = Body()
    collect(msg, body, headers=headers)
    full, fresh = "\n".join(body.full), "\n".join(body.fresh)
    if not full.strip():
        full, fresh = without_own_text(body)
    new, notes = new_text_and_notes(full, fresh)
    if "MessageTruncated" in defects:
        notes.append(f"the message is over {MAX_PARSE // 2**20} MB without its attachments; "
                     "only the beginning was read")
    from_name, from_addr = address(headers.raw("From"))
    _, reply_to = address(headers.raw("Reply-To"))
    return InboundEmail(
        message_id=msgid(headers.value("Message-ID")),
        from_name=from_name,
        from_addr=from_addr,
        reply_to=reply_to,
        subject=headers.value("Subject"),
        date=parse_date(headers.value("Date")),
        in_reply_to=msgid(headers.value("In-Reply-To")),
        references=tuple(msgids(headers.value("References"))),
        text=full,
        new_text=new,
        automated=automated_reason(headers, from_addr),
        defects=tuple(dict.fromkeys(defects + body.defects)),
        notes=tuple(dict.fromkeys(body.notes + notes)),
        dmarc_failed=headers.has_any(_AUTH_RESULTS) and dmarc_failed(
            [str(v) for k, v in msg.raw_items() if k.lower() == _AUTH_RESULTS[0]], from_addr.rpartition("@")[2]),
    )


_AUTH_RESULTS = ("authentication-results",)


_BARE_CR = re.compile(rb"\r(?!\n)")


def _header_end(raw: bytes) -> int:
    blank = BLANK_LINE.search(raw)
    return blank.start() if blank else len(raw)


def _bare_cr_as_space(raw: bytes) -> bytes:
    """A CR without LF in the header is a space: the parser would end the header line there
    and read the rest ("Rita <rita@client\r.example>") as the body, or as a wrong address
    ("rita@client"). RFC 5322's obsolete syntax allows the space around the dot."""
    end = _header_end(raw)
    if raw.count(b"\r", 0, end) == raw.count(b"\r\n", 0, end):
        return raw
    return _BARE_CR.sub(b" ", raw[:end]) + raw[end:]


_FIELD = re.compile(rb"[!-9;-~]+[ \t]*:")
_ADDRESS_FIELD = re.compile(rb"(?:from|reply-to|sender|to|cc)[ \t]*:", re.IGNORECASE)


def _address_lines_joined(raw: bytes) -> bytes:
    """The header with a line that is no header field, right after an address field, joined
    to it: a CR in a From stored as a line end ("From: Rita <rita@client" + ".example>")
    would otherwise end the header there. Other such lines are left to the parser."""
    end = _header_end(raw)
    lines = raw[:end].splitlines(keepends=True)
    in_address = False
    for i, line in enumerate(lines):
        if _FIELD.match(line):
            in_address = bool(_ADDRESS_FIELD.match(line))
        elif in_address and line[:1] not in (b" ", b"\t"):
            lines[i] = b" " + line
    return b"".join(lines) + raw[end:]


def _unparsed(raw: bytes, exc: Exception) -> InboundEmail:
    """Last resort: the raw body as text, so an escalation in unreadable MIME is not lost."""
    split = BLANK_LINE.search(raw)
    text = decode_bytes(raw[split.end():] if split else raw, None)[0][:MAX_TEXT]
    try:
        new = strip_history(text)[0]
    except Exception:
        new = ""
    return InboundEmail(message_id="", from_name="", from_addr="", reply_to="", subject="", date=None,
                        in_reply_to="", references=(), text=text, new_text=new,
                        defects=(f"UnparseableMessage: {type(exc).__name__}",),
                        notes=("the MIME structure could not be read; classified the raw body",))
