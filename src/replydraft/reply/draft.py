"""The draft reply as a MIME message: threading headers, quoting, safe header values.

Pure: the same inputs give the same bytes. Every header built from customer data goes
through ``safe_header`` (no CR/LF or control characters, no literal RFC 2047
encoded-words that Python's ``email`` package would decode and refold into new header
lines, CVE-2024-6923), and the result is re-parsed to prove its header set is exactly
the one intended.
"""

from __future__ import annotations

import email
import email.errors
import email.policy
import email.utils
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from html import escape

from replydraft.message.extract import InboundEmail, clean_header

__all__ = ["ANSWER_FIELDS", "Draft", "answered_by_person", "body_hash", "body_text_hash", "build_draft",
           "draft_message_id", "flowed", "html_with_quote", "quote", "recipient", "replies_in_thread", "reply_subject",
           "safe_header", "thread_keys"]

HEADERS = ("From", "To", "Subject", "Date", "Message-ID", "In-Reply-To", "References",
           "X-Replydraft-Incident", "X-Replydraft-Signals", "MIME-Version",
           "Content-Type", "Content-Transfer-Encoding")
_ENCODED_WORD = re.compile(r"=\?", re.ASCII)
_REPLY_PREFIX = re.compile(r"^\s*((re|aw|sv|antw|réf|ref|wg|fwd?)\s*(\[\d+\])?\s*:\s*)+", re.IGNORECASE)
MAX_REFERENCES = 20
NOTE_PREFIX = "[replydraft] "
FLOWED_WIDTH = 78               # RFC 3676 4.2: lines SHOULD be at most 78 characters, the trailing space included
SIG_SEPARATOR = "-- "
_QUOTE_MARKS = re.compile(r">(?: ?>)*")     # ">", ">>", "> >": a customer's own quoting
_WORD = re.compile(r" *[^ ]+ *")            # a word with the spaces around it: wrapping never splits one


@dataclass(frozen=True, slots=True)
class Draft:
    message_id: str
    to: str
    subject: str
    body: str         # the plain text before format=flowed wrapping: one line per paragraph
    raw: bytes        # CRLF line ends, ready for IMAP APPEND
    recipient: str = ""   # the bare address in To:


def safe_header(value: str, limit: int = 998) -> str:
    """A header value that can only ever be one header line of plain text."""
    return _ENCODED_WORD.sub("= ?", clean_header(value, limit))


def reply_subject(subject: str) -> str:
    """``Re: <subject>`` without stacking ``Re: Re:`` (or ``AW:``/``SV:``)."""
    rest = _REPLY_PREFIX.sub("", subject).strip()
    return f"Re: {rest}" if rest else "Re: your message"


def body_hash(raw_message: bytes) -> str:
    """sha256 of a message's body (IMAP ``BODY[TEXT]``), line ends and trailing space ignored.

    Equal for our draft as appended and as read back, unless a person edited it.
    """
    body = raw_message.replace(b"\r\n", b"\n").split(b"\n\n", 1)[1] if b"\n\n" in raw_message.replace(
        b"\r\n", b"\n") else raw_message
    return body_text_hash(body)


def body_text_hash(body: bytes) -> str:
    lines = [line.rstrip() for line in body.replace(b"\r\n", b"\n").split(b"\n")]
    return hashlib.sha256(b"\n".join(lines).strip()).hexdigest()


def thread_keys(original: InboundEmail) -> tuple[str, str]:
    """(the thread's first Message-ID, the subject without Re:/Fwd:) to find earlier messages of a thread."""
    root = original.references[0] if original.references else original.in_reply_to or original.message_id
    subject = " ".join(_REPLY_PREFIX.sub("", original.subject).lower().split())
    return root.strip().lower(), subject


def recipient(original: InboundEmail, reply_to: str = "from-domain") -> tuple[str, str]:
    """(the address to reply to, a note for a person or ""). Reply-To is followed within the
    From domain; one in another domain only with ``reply_to = "reply-to"``, and noted either
    way: anyone can write a customer's From with their own Reply-To. "" when From is unreadable
    (and Reply-To is not to be followed): nobody to write to."""
    sender, asked = original.from_addr, original.reply_to
    if not asked or asked == sender or (sender and _in_domain(asked, sender.rpartition("@")[2])):
        return asked or sender, ""
    if reply_to == "reply-to":
        return asked, (f"The message asks for replies to {asked}, in another domain than the sender "
                       f"{sender or '(unreadable)'}; this draft goes there as [policy] reply_to says. "
                       "Check before sending.")
    return sender, (f"The message asks for replies to {asked}, in another domain than the sender "
                    f"{sender or '(unreadable)'}; this draft is addressed to the sender. Check before sending.")


def _in_domain(address: str, domain: str) -> bool:
    at = address.rpartition("@")[2]
    return at == domain or at.endswith("." + domain)


def replies_in_thread(original: InboundEmail, message_id: str, thread_key: str) -> bool:
    """Whether ``original``'s In-Reply-To or References name that message or its thread's
    first one: a subject can be copied by anyone, a thread's Message-IDs only by who has them."""
    named = {ref.strip().lower() for ref in (original.in_reply_to, *original.references) if ref}
    return bool(named) and (message_id.strip().lower() in named or thread_key in named)


MSGID = re.compile(r"<[^<>\s]+>")      # one Message-ID in an In-Reply-To or References header
OUR_MESSAGE_ID = "<replydraft."     # how the Message-ID of every draft replydraft writes begins


def draft_message_id(key: str, domain: str) -> str:
    return f"{OUR_MESSAGE_ID}{key}@{domain or 'replydraft.invalid'}>"


ANSWER_FIELDS = ("Message-ID", "In-Reply-To", "References")   # what answered_by_person reads


def answered_by_person(headers: Mapping[str, str]) -> set[str]:
    """The Message-IDs (lower-cased) a draft answers (In-Reply-To, References), unless it is one
    of ours: a follow-up's draft names the earlier message in its References, yet no person
    touched that message's draft. A draft a person saved has a Message-ID of their mail client."""
    if headers.get("Message-ID", "").strip().lower().startswith(OUR_MESSAGE_ID):
        return set()
    return {m.lower() for name in ("In-Reply-To", "References") for m in MSGID.findall(headers.get(name, ""))}


def quote(original: InboundEmail) -> str:
    """The customer's text under ``On <date>, <name> wrote:``, each line prefixed ``> ``."""
    lines = original.text.strip().splitlines() or [""]
    return _attribution(original) + "\n" + "\n".join(
        f">{' ' if line and not line.startswith('>') else ''}{line}" for line in lines)


def _attribution(original: InboundEmail) -> str:
    """``On <date>, <name> wrote:``, the line above the quoted original."""
    who = original.from_name or original.from_addr or "you"
    when = original.date.strftime("%a, %d %b %Y at %H:%M") if original.date else None
    return f"On {when}, {who} wrote:" if when else f"{who} wrote:"


def _quoted_lines(original: InboundEmail) -> list[tuple[int, str]]:
    """The customer's text as (quote depth, paragraph): depth 1, one more for each quote mark of
    their own ("> >" and ">>" alike), the marks and the one space after them removed. Lines their
    mail client wrapped are joined again (``_rejoined``), so "> " in front doesn't wrap each of
    them into a long line and a ragged one-word line."""
    out = []
    for line in original.text.strip().splitlines() or [""]:
        marks = _QUOTE_MARKS.match(line)
        depth = marks.group().count(">") if marks else 0
        out.append((depth + 1, line[marks.end():].removeprefix(" ") if marks else line))
    return _rejoined(out)


WRAPPED_LINE = 60        # a line at least this long, followed by more text, was wrapped by a mail client
_LIST_ITEM = re.compile(r"\s*(?:[-*•]|\d+[.)])\s")


def _rejoined(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Hard-wrapped paragraphs (lines of 60+ characters running on at the same depth) as one line
    each; short lines (an address, a sign-off), list items and blank lines keep their breaks."""
    out: list[tuple[int, str]] = []
    for depth, text in lines:
        if out and text.strip() and not _LIST_ITEM.match(text) and text != SIG_SEPARATOR:
            last_depth, last = out[-1]
            if last_depth == depth and len(last.rstrip()) >= WRAPPED_LINE and last != SIG_SEPARATOR:
                out[-1] = (depth, f"{last.rstrip()} {text.lstrip()}")
                continue
        out.append((depth, text))
    return out


def flowed(lines: list[tuple[int, str]], width: int = FLOWED_WIDTH) -> str:
    """RFC 3676 ``format=flowed; delsp=no`` text from (quote depth, paragraph) pairs.

    Each paragraph is wrapped after a space into lines of at most ``width`` characters, each
    ending in that space (a soft break: readers rejoin them), the last one in a hard break
    without trailing space; a word longer than a line stays whole. Quoted lines start with
    ``>`` per depth and one space (4.5); unquoted ones that start with a space, ``>`` or
    ``From `` get a space in front (space-stuffing, 4.4). ``-- `` keeps its space (4.3).
    """
    return "\n".join(out for depth, text in lines for out in _flowed_paragraph(depth, text.rstrip("\r\n"), width))


def _flowed_paragraph(depth: int, text: str, width: int) -> list[str]:
    prefix = ">" * depth + " " if depth else ""
    if text == SIG_SEPARATOR:
        return [prefix + text]
    text = text.rstrip(" ")
    if not text:
        return [prefix.rstrip(" ")]
    lines: list[str] = []
    line, words = "", 0
    for word in _WORD.findall(text):
        if words and len(line) + len(word) > width:
            lines.append(line)
            words = 0
        if not words:
            line = prefix + (" " if not depth and _needs_stuffing(word) else "")
        line, words = line + word, words + 1
    return [*lines, line]


def _needs_stuffing(start: str) -> bool:
    return start.startswith((" ", ">", "From "))


def html_with_quote(html: str, original: InboundEmail) -> str:
    """The HTML reply with the customer's text, escaped, in a ``<blockquote>`` before ``</body>``."""
    lines = quote(original).splitlines()
    quoted = "<br>\n".join(escape(line.removeprefix("> ").removeprefix(">")) for line in lines[1:])
    block = (f'<p>{escape(lines[0])}</p>\n<blockquote type="cite" style="margin:0 0 0 .8ex;'
             f'border-left:1px solid #ccc;padding-left:1ex">{quoted}</blockquote>\n')
    at = html.lower().rfind("</body>")
    return html[:at] + block + html[at:] if at >= 0 else html + block


def build_draft(
    original: InboundEmail,
    body: str,
    *,
    html: str | None = None,
    from_address: str,
    message_id: str,
    incident_id: str,
    signals: tuple[str, ...],
    now: datetime,
    to: str | None = None,
    notes: tuple[str, ...] = (),
) -> Draft:
    """A UTF-8 reply to ``original``, threaded with In-Reply-To and References.

    text/plain, or multipart/alternative when the templates also give an ``html`` part.
    ``to``: the address (default: ``recipient(original)``); ``notes``: lines for the person
    who reviews it, at the top of the draft. The plain text is ``format=flowed`` (``flowed``):
    7bit when ASCII, else quoted-printable, which writes a soft break's trailing space as
    ``=20`` or before its own soft break, so the space survives; the HTML part is not wrapped.
    """
    msg = EmailMessage(policy=email.policy.default)
    msg["From"] = from_address
    addr = recipient(original)[0] if to is None else to
    to = _recipient(original, addr)
    msg["To"] = to
    subject = reply_subject(safe_header(original.subject, 900))
    msg["Subject"] = subject
    msg["Date"] = email.utils.format_datetime(now)
    msg["Message-ID"] = message_id
    if original.message_id:
        refs = [r for r in original.references if r != original.message_id][-(MAX_REFERENCES - 1):]
        msg["In-Reply-To"] = original.message_id
        msg["References"] = " ".join([*refs, original.message_id])
    msg["X-Replydraft-Incident"] = safe_header(incident_id, 100)
    msg["X-Replydraft-Signals"] = ", ".join(signals)
    top = "".join(f"{NOTE_PREFIX}{note}\n" for note in notes) + ("\n" if notes else "")
    full_body = f"{top}{body.rstrip()}\n\n{quote(original)}\n"
    text = flowed([(0, line) for line in f"{top}{body.rstrip()}\n\n{_attribution(original)}".splitlines()]
                  + _quoted_lines(original)) + "\n"
    plain = text.isascii() and all(len(line) < 998 for line in text.splitlines())
    msg.set_content(text, charset="utf-8", cte="7bit" if plain else "quoted-printable",
                    params={"format": "flowed", "delsp": "no"})
    if html is not None:
        msg.add_alternative(html_with_quote(_html_with_notes(html, notes), original), subtype="html", charset="utf-8",
                            cte="quoted-printable")
    raw = msg.as_bytes(policy=email.policy.SMTP)
    _check_headers(raw)
    return Draft(message_id=message_id, to=to, subject=subject, body=full_body, raw=raw, recipient=addr)


def _html_with_notes(html: str, notes: tuple[str, ...]) -> str:
    if not notes:
        return html
    block = "".join(f"<p><strong>{escape(NOTE_PREFIX + note)}</strong></p>\n" for note in notes)
    body = re.search(r"<body[^>]*>", html, re.IGNORECASE)
    return html[:body.end()] + "\n" + block + html[body.end():] if body else block + html


def _recipient(original: InboundEmail, addr: str) -> str:
    """``addr`` for To:, with the sender's name when it is the sender's address."""
    if not addr:
        return ""
    name = safe_header(original.from_name, 200) if addr == original.from_addr else ""
    try:
        return str(Address(display_name=name, addr_spec=addr))
    except (ValueError, IndexError, email.errors.HeaderParseError):
        return addr


def _check_headers(raw: bytes) -> None:
    """Defence in depth: the serialized draft must carry exactly the headers we set."""
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    unexpected = [k for k in parsed if k not in HEADERS]
    duplicated = [k for k in set(parsed.keys()) if len(parsed.get_all(k) or []) > 1]
    if unexpected or duplicated:
        raise ValueError(f"draft headers were altered: unexpected {unexpected}, duplicated {duplicated}")
