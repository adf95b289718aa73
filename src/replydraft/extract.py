"""Raw RFC 5322 bytes -> :class:`InboundEmail`: headers, body text and the customer's new text.

Pure: no I/O. Broken mail is not an error: ``parse`` returns what it could read and
lists what was wrong in ``defects``. Every header value that comes out of here has
been cleaned of control characters, so callers may show or reuse it safely.
"""

from __future__ import annotations

import email
import email.errors
import email.header
import email.policy
import email.utils
import re
from dataclasses import dataclass
from datetime import datetime
from email.message import Message
from html.parser import HTMLParser

__all__ = ["InboundEmail", "parse", "clean_header", "html_to_text", "new_text"]

# C0/C1 controls, DEL, and the Unicode line/paragraph separators and bidi overrides:
# none of them belongs in a one-line header value or in a name shown to a reviewer.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b-\u200f\ufeff]")
_SPACES = re.compile(r"\s+")


def clean_header(value: object, limit: int = 998) -> str:
    """One safe header line: decoded, no control characters, whitespace collapsed, capped."""
    text = str(value or "")
    text = _CONTROL.sub(" ", text)
    return _SPACES.sub(" ", text).strip()[:limit]


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
    text: str                     # the whole body as plain text
    new_text: str                 # only what the customer wrote this time
    automated: str | None = None  # why this looks like machine-sent mail, or None
    defects: tuple[str, ...] = ()

    @property
    def reply_address(self) -> str:
        return self.reply_to or self.from_addr


# Attachments are skipped, but the stdlib parser would still decode them into memory:
# drop long base64 runs (>= ~150 KB; no customer writes that much text) before parsing,
# and never parse more than MAX_PARSE bytes.
LARGE = 512 * 1024
MAX_PARSE = 4 * 1024 * 1024
_BASE64_RUN = re.compile(rb"(?:[A-Za-z0-9+/=]{40,}\r?\n){2000,}")


def _shrink(raw: bytes) -> tuple[bytes, list[str]]:
    if len(raw) < LARGE:
        return raw, []
    smaller = _BASE64_RUN.sub(b"", raw)
    notes = ["LargeAttachmentSkipped"] if len(smaller) < len(raw) else []
    if len(smaller) > MAX_PARSE:
        smaller, notes = smaller[:MAX_PARSE], notes + ["MessageTruncated"]
    return smaller, notes


def parse(raw: bytes) -> InboundEmail:
    """Parse one message. Never raises on bad input."""
    raw, notes = _shrink(raw)
    msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    defects = notes + [type(d).__name__ for d in msg.defects]
    from_name, from_addr = _address(_header(msg, "From"))
    _, reply_to = _address(_header(msg, "Reply-To"))
    text, body_defects = _body_text(msg)
    return InboundEmail(
        message_id=_msgid(_header(msg, "Message-ID")),
        from_name=from_name,
        from_addr=from_addr,
        reply_to=reply_to,
        subject=_header(msg, "Subject"),
        date=_date(_header(msg, "Date")),
        in_reply_to=_msgid(_header(msg, "In-Reply-To")),
        references=tuple(_msgids(_header(msg, "References"))),
        text=text,
        new_text=new_text(text),
        automated=_automated(msg, from_addr),
        defects=tuple(defects + body_defects),
    )


# -- headers -------------------------------------------------------------------------


def _header(msg: Message, name: str) -> str:
    """A decoded header value (RFC 2047), cleaned; "" when absent or undecodable."""
    raw = msg.get(name)
    if raw is None:
        return ""
    try:
        parts = email.header.decode_header(str(raw))
        text = "".join(
            p.decode(cs or "ascii", "replace") if isinstance(p, bytes) else p
            for p, cs in parts
        )
    except (LookupError, ValueError, email.errors.HeaderParseError):
        text = str(raw)
    return clean_header(text)


def _address(value: str) -> tuple[str, str]:
    name, addr = email.utils.parseaddr(value)
    addr = addr.strip().lower()
    if "@" not in addr or any(c in addr for c in " <>,;\"()"):
        addr = ""
    return clean_header(name, 200), addr


_MSGID = re.compile(r"<[^<>\s@]+@[^<>\s@]+>")


def _msgid(value: str) -> str:
    found = _MSGID.search(value)
    return found.group(0)[:250] if found else ""


def _msgids(value: str) -> list[str]:
    return [m[:250] for m in _MSGID.findall(value)]


def _date(value: str) -> datetime | None:
    try:
        return email.utils.parsedate_to_datetime(value) if value else None
    except (TypeError, ValueError, IndexError):
        return None


_NOREPLY = re.compile(r"^(no[-_.]?reply|do[-_.]?not[-_.]?reply|mailer-daemon|postmaster|bounces?)[@+-]")


def _automated(msg: Message, from_addr: str) -> str | None:
    """RFC 3834 and common list/auto-responder markers: such mail never gets a draft."""
    auto = _header(msg, "Auto-Submitted").lower()
    if auto and auto != "no":
        return f"Auto-Submitted: {auto}"
    precedence = _header(msg, "Precedence").lower()
    if precedence in ("bulk", "list", "junk", "auto_reply"):
        return f"Precedence: {precedence}"
    for name in ("List-Id", "List-Unsubscribe", "X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress"):
        if msg.get(name) is not None:
            return f"{name} header"
    if msg.get("Return-Path") is not None and _header(msg, "Return-Path").strip() in ("<>", ""):
        return "empty Return-Path (bounce)"
    if _NOREPLY.match(from_addr):
        return f"no-reply sender {from_addr}"
    return None


# -- body ----------------------------------------------------------------------------


def _body_text(msg: Message) -> tuple[str, list[str]]:
    """The first inline text/plain part, else the first text/html converted to text."""
    plain = html = None
    defects: list[str] = []
    for part in msg.walk():
        if part.is_multipart():
            continue
        if (part.get("Content-Disposition") or "").strip().lower().startswith("attachment"):
            continue
        ctype = part.get_content_type()
        if ctype == "text/plain" and plain is None:
            plain = _decode(part, defects)
        elif ctype == "text/html" and html is None:
            html = _decode(part, defects)
    if plain is not None and plain.strip():
        return plain, defects
    if html is not None:
        return html_to_text(html), defects
    return plain or "", defects


def _decode(part: Message, defects: list[str]) -> str:
    try:
        payload = part.get_payload(decode=True)
    except Exception:  # the stdlib raises assorted errors on broken encodings
        defects.append("UndecodablePayload")
        return ""
    if not isinstance(payload, bytes):
        return ""
    charset = part.get_content_charset() or "utf-8"
    for candidate in (charset, "utf-8", "cp1252"):
        try:
            return payload.decode(candidate).replace("\r\n", "\n")
        except (LookupError, UnicodeDecodeError):
            continue
    defects.append("UndecodableCharset")
    return payload.decode("latin-1").replace("\r\n", "\n")


class _HTMLText(HTMLParser):
    """Collects text; drops scripts, styles and quoted history (blockquote, gmail_quote)."""

    _SKIP = {"script", "style", "head", "title", "blockquote"}
    _BREAK = {"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip_tag = ""      # the element being skipped, with its nesting depth
        self.skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip_depth:
            self.skip_depth += tag == self.skip_tag
        elif tag in self._SKIP or "gmail_quote" in (dict(attrs).get("class") or ""):
            self.skip_tag, self.skip_depth = tag, 1
        elif tag in self._BREAK:
            self.out.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.skip_depth:
            self.skip_depth -= tag == self.skip_tag
        elif tag in self._BREAK:
            self.out.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.out.append(data)


def html_to_text(html: str) -> str:
    """Readable text from HTML; quoted history (blockquote, gmail_quote) is dropped."""
    parser = _HTMLText()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # HTMLParser is lenient, but never let markup crash the pipeline
        pass
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parser.out).splitlines())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


# Where quoted history or a signature begins; everything from that line on is not new.
_CUT = re.compile(
    r"""^(
        --\x20?$                                # signature separator
      | _{5,}\s*$                               # Outlook's rule before the header block
      | -{2,}\s*(original\s+message|forwarded\s+message|ursprüngliche\s+nachricht|message\s+d'origine)
      | (on|am|le|el|il|op)\s.{0,200}(wrote|schrieb|a\s+écrit|escribió|ha\s+scritto|schreef)[^\n]{0,200}:\s*$
      | (from|von|de|da|van)\s*:.+\n(sent|gesendet|envoyé|enviado|inviato|verzonden|date|datum)\s*:
      | sent\s+from\s+my\s
    )""",
    re.IGNORECASE | re.MULTILINE | re.VERBOSE,
)


def new_text(text: str) -> str:
    """The customer's own new words: no quoted lines, no earlier messages, no signature."""
    # "On Mon, ... Dana wrote:" is often wrapped over two lines by the mail client.
    joined = re.sub(r"^(On\s[^\n]{0,200})\n([^\n]{0,200}wrote:\s*)$", r"\1 \2", text, flags=re.M)
    cut = _CUT.search(joined)
    if cut:
        joined = joined[: cut.start()]
    lines = [line for line in joined.splitlines() if not line.lstrip().startswith(">")]
    return "\n".join(lines).strip()
