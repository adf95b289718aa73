"""Which parts of a message to fetch for classification, and the message rebuilt from them.

Pure. ``plan`` reads a message's IMAP BODYSTRUCTURE (as imapclient parses it: nested
tuples of bytes, ints and None; a multipart's parts come first, as a list or as leading
tuples) and decides what to fetch: the header, and every part's MIME header, but content
only of the text parts ``body.collect`` reads (text/plain and text/html that are not
attachments), each capped at ``PART_CAP`` bytes. Attachments are never transferred.
``rebuild`` puts the fetched sections back together as an RFC 5322 message: the original
header, then a multipart skeleton with the same boundaries (read from the fetched
headers, as the parser will read them) holding the text parts and, for every other part,
its MIME header with an empty body. ``extract.parse`` reads it as it read the whole message.

A message the planner can't describe exactly (no or odd structure, too deep, too many
parts, a multipart whose declared boundary the body doesn't use, or a single part small
enough that fetching it whole costs no more) gets ``Plan.whole``; so does one whose
fetched headers disagree with the server's structure, or whose capped HTML part ends in
a style block or tag (``rebuild`` raises :class:`Unusable`): the caller then fetches it
whole, and ``preview`` and the daemon read it the same way.
"""

from __future__ import annotations

import email.policy
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from email.message import Message
from email.parser import BytesHeaderParser

from replydraft.message.body import MAX_DEPTH, TEXT_KEEP, readable_text, transfer_decoded
from replydraft.message.html_text import cut_in_markup

__all__ = [
    "PART_CAP",
    "Encapsulated",
    "Leaf",
    "Multipart",
    "Node",
    "Plan",
    "Unusable",
    "plan",
    "rebuild",
    "section_of",
    "whole",
]

# Bytes fetched of one text part (and of one part's MIME header). What body.shrink keeps
# of a huge base64 text part, so such a part reads exactly as before; a longer 8-bit or
# quoted-printable text part is cut here (the parser would keep up to MAX_TEXT characters),
# well past the 50,000 characters detection reads and the 5,000 lines quotes.py reads.
# The cap is sound only where text fills it: an HTML part whose first PART_CAP bytes end
# inside a style or script block, a comment or a tag (a 6 MB <style> or inline image before
# the text) is fetched whole, and body.shrink drops such blocks before its own caps.
PART_CAP = TEXT_KEEP
MAX_PARTS = 200               # beyond this many sections the command line gets long: fetch it whole
_HEADER_PARSER = BytesHeaderParser(policy=email.policy.compat32)


class Unusable(ValueError):
    """The structure can't be rebuilt faithfully: fetch the message whole."""


@dataclass(frozen=True, slots=True)
class Leaf:
    header: str                 # section of its header: "HEADER", "1.MIME", "2.HEADER"
    content: str | None         # section of its content if it is text ("TEXT", "1.2", "2.TEXT"), else None
    kind: str = "text/plain"    # its content type as the server sees it


@dataclass(frozen=True, slots=True)
class Multipart:
    header: str
    parts: tuple[Node, ...]
    kind: str = "multipart/mixed"
    boundary: str | None = None     # as the server sees it


@dataclass(frozen=True, slots=True)
class Encapsulated:
    """A message/rfc822 part: its MIME header, then the attached message."""

    header: str                 # "2.MIME"
    message: Node             # header "2.HEADER"


Node = Leaf | Multipart | Encapsulated


@dataclass(frozen=True, slots=True)
class Plan:
    root: Node | None           # None: fetch the message whole
    items: tuple[str, ...]      # the FETCH items, e.g. ("BODY.PEEK[HEADER]", "BODY.PEEK[1]<0.262144>")
    estimate: int               # bytes the fetch may return at most (for batching)

    @property
    def whole(self) -> bool:
        return self.root is None


def whole(size: int) -> Plan:
    return Plan(None, ("BODY.PEEK[]",), size)


def plan(structure: object, size: int | None) -> Plan:
    """What to fetch of a message with this BODYSTRUCTURE and RFC822.SIZE."""
    total = size if isinstance(size, int) and size >= 0 else 0
    if not isinstance(structure, Sequence) or not structure:
        return whole(total)
    try:
        if not _is_multipart(structure) and not _is_message(structure) and total <= PART_CAP:
            return whole(total)        # one small part: a single fetch returns the same bytes
        root = _message(structure, "", 0)
    except (Unusable, ValueError, TypeError, IndexError):
        return whole(total)
    sections = list(_sections(root))
    if len(sections) > MAX_PARTS:
        return whole(total)
    items = tuple(f"BODY.PEEK[{s}]" if s == "HEADER" else f"BODY.PEEK[{s}]<0.{PART_CAP}>" for s in sections)
    estimate = min(total, len(sections) * PART_CAP) if total else len(sections) * PART_CAP
    return Plan(root, items, estimate)


def section_of(key: bytes) -> str | None:
    """The section a FETCH response key answers: b"BODY[1.MIME]" -> "1.MIME", b"BODY[1]<0>" -> "1"."""
    found = _KEY.fullmatch(key)
    return found.group(1).decode("ascii") if found else None


_KEY = re.compile(rb"BODY\[([0-9.A-Z]*)\](?:<\d+>)?", re.IGNORECASE)


def rebuild(root: Node, got: Mapping[str, bytes]) -> bytes:
    """The message as ``extract.parse`` should see it, from the fetched sections."""
    out: list[bytes] = []
    _emit(root, got, out)
    return b"".join(out)


# -- planning ----------------------------------------------------------------------------


def _message(structure: Sequence[object], prefix: str, depth: int) -> Node:
    """A message (the top one, or one attached at ``prefix``): its header, then its body."""
    header = f"{prefix}.HEADER" if prefix else "HEADER"
    if _is_multipart(structure):
        return _multipart(structure, header, prefix, depth)
    content = f"{prefix}.TEXT" if prefix else "TEXT"
    if _is_message(structure):      # a message whose whole body is another message
        raise Unusable("message/rfc822 as a message body")
    return Leaf(header, content if _wanted(structure) else None, _kind(structure))


def _part(structure: Sequence[object], section: str, depth: int) -> Node:
    """Part ``section`` of a multipart."""
    header = f"{section}.MIME"
    if _is_multipart(structure):
        return _multipart(structure, header, section, depth)
    if _is_message(structure):
        inner = structure[8]
        if not isinstance(inner, Sequence) or not inner:
            raise Unusable("message/rfc822 without a structure")
        return Encapsulated(header, _message(inner, section, depth + 1))
    return Leaf(header, section if _wanted(structure) else None, _kind(structure))


def _multipart(structure: Sequence[object], header: str, prefix: str, depth: int) -> Multipart:
    if depth > MAX_DEPTH:
        raise Unusable("nested too deep")
    kids, rest = _split(structure)
    if not kids:
        raise Unusable("a multipart without parts")
    if len(kids) == 1 and not _is_multipart(kids[0]) and kids[0][6] == 0:
        # What Dovecot and Cyrus show when the body has no line with the declared boundary
        # (one empty text/plain part): the parser finds the boundary the body does use.
        raise Unusable("no part with the declared boundary")
    parts = tuple(_part(kid, f"{prefix}.{i}" if prefix else str(i), depth + 1) for i, kid in enumerate(kids, start=1))
    params = _params(rest[1] if len(rest) > 1 else None)
    boundary = params.get("boundary")
    return Multipart(header, parts, f"multipart/{_lower(rest[0]) if rest else ''}", boundary)


def _split(structure: Sequence[object]) -> tuple[list[Sequence[object]], Sequence[object]]:
    """A multipart's parts, and what follows them (subtype, parameters, ...)."""
    first = structure[0]
    if isinstance(first, list):                   # imapclient's BodyData at the top level
        return [k for k in first if isinstance(k, Sequence) and _is_tuple(k)], structure[1:]
    kids: list[Sequence[object]] = []
    for item in structure:                        # an embedded structure: parts come first
        if not isinstance(item, Sequence) or not _is_tuple(item):
            break
        kids.append(item)
    return kids, structure[len(kids):]


def _is_tuple(value: object) -> bool:
    return isinstance(value, Sequence) and not isinstance(value, (bytes, str))


def _params(value: object) -> dict[str, str]:
    """A parameter list (name, value, name, value, ...) with lower-case names."""
    if not _is_tuple(value):
        return {}
    items = list(value)  # type: ignore[call-overload]
    return {_lower(k): _text(v) for k, v in zip(items[0::2], items[1::2], strict=False)}


def _kind(structure: Sequence[object]) -> str:
    return f"{_lower(structure[0])}/{_lower(structure[1])}"


def _is_multipart(structure: Sequence[object]) -> bool:
    first = structure[0]
    return isinstance(first, (list, tuple))


def _is_message(structure: Sequence[object]) -> bool:
    return (_lower(structure[0]), _lower(structure[1])) == ("message", "rfc822") and len(structure) > 8


def _wanted(structure: Sequence[object]) -> bool:
    """A part ``body.collect`` reads: text/plain or text/html, not an attachment, no file name;
    or a "multipart" the server could not split, which the parser recovers or reads as text,
    or a message/* part such as a bounce's delivery-status (short, and parsed as headers)."""
    kind = (_lower(structure[0]), _lower(structure[1]))
    if kind[0] in ("multipart", "message"):
        return True
    if kind not in (("text", "plain"), ("text", "html")):
        return False
    if _named(structure[2]):
        return False
    disposition = structure[9] if len(structure) > 9 else None       # text: lines come before md5
    if not isinstance(disposition, Sequence) or isinstance(disposition, (bytes, str)) or not disposition:
        return True
    return not (_lower(disposition[0]) == "attachment" or _named(disposition[1] if len(disposition) > 1 else None))


def _named(params: object) -> bool:
    """A name or filename parameter (also RFC 2231 ``name*``, ``filename*0*``) among ``params``."""
    if not isinstance(params, Sequence) or isinstance(params, (bytes, str)):
        return False
    keys = [_lower(k) for k in params[0::2]]
    return any(re.fullmatch(r"(?:file)?name(?:\*\d*)?\*?", k) for k in keys)


def _lower(value: object) -> str:
    return _text(value).lower()


def _text(value: object) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "surrogateescape")
    return value if isinstance(value, str) else ""


def _sections(node: Node) -> list[str]:
    if isinstance(node, Leaf):
        return [node.header] + ([node.content] if node.content else [])
    if isinstance(node, Encapsulated):
        return [node.header, *_sections(node.message)]
    return [node.header] + [s for part in node.parts for s in _sections(part)]


# -- rebuilding --------------------------------------------------------------------------


def _emit(node: Node, got: Mapping[str, bytes], out: list[bytes]) -> None:
    # Each header is read as the parser will read it; where the parser and the server see
    # a different type or boundary, the server's split can't be trusted: Unusable.
    head = _header(got, node.header)
    parsed = _parsed(head)
    kind = parsed.get_content_type()
    out.append(head)
    if isinstance(node, Leaf):
        if kind != node.kind:
            raise Unusable(f"{node.header}: {kind} to the parser, {node.kind} to the server")
        if node.content is not None:
            data = _section(got, node.content)
            if kind == "text/html" and len(data) >= PART_CAP and cut_in_markup(
                    transfer_decoded(data, str(parsed.get("Content-Transfer-Encoding", "")))):
                raise Unusable(f"{node.content}: its first {PART_CAP} bytes end in a style block, comment or tag")
            out.append(data)
        elif _parser_reads(parsed):
            raise Unusable(f"{node.header}: text to the parser but not fetched")
        return
    if isinstance(node, Encapsulated):
        if kind != "message/rfc822":
            raise Unusable(f"{node.header}: {kind} to the parser, message/rfc822 to the server")
        _emit(node.message, got, out)
        return
    boundary = parsed.get_boundary()
    if kind != node.kind or not boundary or boundary.rstrip() != (node.boundary or "").rstrip():
        raise Unusable(f"{node.header}: {kind} boundary {boundary!r} to the parser, "
                       f"{node.kind} boundary {node.boundary!r} to the server")
    delimiter = b"--" + boundary.encode("utf-8", "surrogateescape")
    for part in node.parts:
        out.append(delimiter + b"\r\n")
        _emit(part, got, out)
        out.append(b"\r\n")
    out.append(delimiter + b"--\r\n")


def _section(got: Mapping[str, bytes], section: str) -> bytes:
    data = got.get(section)
    if data is None:
        raise Unusable(f"the server sent no {section}")
    return data


def _header(got: Mapping[str, bytes], section: str) -> bytes:
    """A header block ending in its blank line (a part without headers is just the blank line)."""
    data = _section(got, section)
    if not data.strip():
        return b"\r\n"
    if data.endswith(b"\n\n") or data.endswith(b"\r\n\r\n"):
        return data
    return data + (b"\r\n" if data.endswith(b"\n") else b"\r\n\r\n")


def _parser_reads(part: Message) -> bool:
    """Whether ``body.collect`` would look inside this leaf (text, or a multipart or message it parses)."""
    return readable_text(part) or part.get_content_maintype() in ("multipart", "message")


def _parsed(head: bytes) -> Message:
    return _HEADER_PARSER.parsebytes(head)
