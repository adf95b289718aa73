"""Raw bytes -> the ``email.message.Message`` tree that the stdlib parser builds, faster.

Pure. ``message_from_bytes(raw)`` returns what ``email.message_from_bytes(raw,
policy=compat32)`` returns: the same headers, payloads, preambles, epilogues, default
types and defects, so everything downstream (``get_param``, ``get_filename``, ...) works
unchanged. It is ``email.feedparser`` rewritten for input that is all there at once:
the stdlib parser is a generator that is fed 8 KB at a time and, on Python < 3.13,
compiles a new regular expression for every MIME boundary (each message has its own, so
the ``re`` cache never helps); that was half the time of ``extract.parse``. Plain messages
(unfolded headers, boundaries where they belong: most mail) are read from positions in the
text without splitting it into lines (``_PlainTree``); any other goes to ``_Parser``.

The structure follows ``FeedParser._parsegen`` step by step, including its quirks (which
message loses the newline before a boundary, where a stray ``From `` line goes); the
tests in tests/test_mime.py compare the two trees on tricky and on random input. Should
anything here raise, the stdlib parser is used instead, so results never differ.
"""

from __future__ import annotations

import email
import re
from bisect import bisect_left
from collections.abc import Callable
from email import errors
from email.message import Message
from email.policy import compat32
from io import StringIO
from itertools import compress, count, pairwise, repeat

__all__ = ["message_from_bytes"]

# As in email.feedparser.
_NLCRE = re.compile(r"\r\n|\r|\n")
_NLCRE_BOL = re.compile(r"(\r\n|\r|\n)")
_HEADER = re.compile(r"^(From |[\041-\071\073-\176]*:|[\t ])")
# A header line that _parse_headers takes as it is: not a continuation, no "From " line, a name.
_SIMPLE_HEADER = re.compile(r"(?!From )[\041-\071\073-\176]+:")
# What may follow "--boundary" on a boundary line (Python 3.13's feedparser matches the same way).
_BOUNDARY_END = re.compile(r"(?P<end>--)?(?P<ws>[ \t]*)(?P<linesep>\r\n|\r|\n)?$")

_Matcher = Callable[[str], "re.Match[str] | None"]


def message_from_bytes(raw: bytes) -> Message:
    """``email.message_from_bytes(raw, policy=compat32)``, faster."""
    try:
        text = raw.decode("ascii", "surrogateescape")
        return _plain_tree(text) or _Parser(text).parse()
    except Exception:  # a bug here, or deep nesting (RecursionError): the stdlib decides
        return email.message_from_bytes(raw, policy=compat32)


def _without_eol(text: str) -> str:
    """``text`` without one trailing \\r\\n, \\r or \\n (feedparser's NLCRE_eol, which scans the
    whole string for it)."""
    if text.endswith("\r\n"):
        return text[:-2]
    return text[:-1] if text.endswith(("\r", "\n")) else text


def _boundary_matcher(separator: str) -> _Matcher:
    def match(line: str) -> re.Match[str] | None:
        return _BOUNDARY_END.match(line, len(separator)) if line.startswith(separator) else None
    return match


def _split_lines(text: str) -> list[str]:
    """Lines with their ends, split at \\r\\n, \\r and \\n only, as the feedparser splits.
    str.splitlines also splits at \\v, \\f and \\x1c-\\x1e (and at non-ASCII breaks, which text
    decoded as ASCII with surrogateescape can't have)."""
    if "\v" in text or "\f" in text or "\x1c" in text or "\x1d" in text or "\x1e" in text:
        return StringIO(text, newline="").readlines()
    return text.splitlines(keepends=True)    # the same, and faster, without the other breaks


class _Input:
    """The lines still to read, and a stack of false-EOF tests (a closed
    ``email.feedparser.BufferedSubFile``): a line that passes one of them ends the part."""

    def __init__(self, text: str) -> None:
        self.lines = _split_lines(text)
        self.pos = 0
        self.back: list[str] = []        # lines read and pushed back, the next one last
        self.eof: list[_Matcher] = []
        self.separators: list[str] = []  # "--boundary" of the boundary tests among them
        self.plain = True                # every test in self.eof is a boundary test
        self.missing_separator = False   # the last header_lines() ended at a line that is not blank
        self._dashes: list[int] | None = None

    def readline(self) -> str:
        if self.back:
            line = self.back.pop()
        elif self.pos < len(self.lines):
            line = self.lines[self.pos]
            self.pos += 1
        else:
            return ""
        if self.eof and self._at_eof(line):
            self.back.append(line)
            return ""
        return line

    def unreadline(self, line: str) -> None:
        self.back.append(line)

    def push_boundary(self, separator: str) -> _Matcher:
        match = _boundary_matcher(separator)
        self.eof.append(match)
        self.separators.append(separator)
        return match

    def pop_boundary(self) -> None:
        self.eof.pop()
        self.separators.pop()

    def push_blank_line(self) -> None:
        self.eof.append(_NLCRE.match)
        self.separators.append("")
        self.plain = False

    def pop_blank_line(self) -> None:
        self.eof.pop()
        self.separators.pop()
        self.plain = "" not in self.separators

    def rest(self) -> list[str]:
        """All lines up to the (false) EOF, like ``list(BufferedSubFile)``."""
        out: list[str] = []
        while self.back:
            line = self.readline()
            if not line:
                return out
            out.append(line)
        end = self._next_eof() if self.eof else len(self.lines)
        out += self.lines[self.pos:end]
        self.pos = end
        return out

    def _at_eof(self, line: str) -> bool:
        return any(ateof(line) for ateof in self.eof)

    def header_lines(self) -> list[str] | None:
        """The lines that look like headers, read as the loop in ``_Parser._header_lines``
        would read them; a blank line after them is consumed, anything else is left
        (``missing_separator``). None when lines were pushed back (that loop does it)."""
        if self.back:
            return None
        lines, start, end = self.lines, self.pos, len(self.lines)
        separators = tuple(self.separators) if self.plain else ("",)
        i = start
        self.missing_separator = False
        while i < end:
            line = lines[i]
            if self.eof and line.startswith(separators) and self._at_eof(line):
                break
            if not _HEADER.match(line):
                if _NLCRE.match(line):
                    self.pos = i + 1
                else:
                    self.missing_separator = True
                    self.pos = i
                return lines[start:i]
            i += 1
        self.pos = i
        return lines[start:i]

    def _next_eof(self) -> int:
        """Index of the next line that is a false EOF, or len(lines)."""
        lines, end = self.lines, len(self.lines)
        if not self.plain:
            return next((i for i in range(self.pos, end) if self._at_eof(lines[i])), end)
        if self._dashes is None:     # only boundary tests: only lines starting "--" can match
            self._dashes = list(compress(count(), map(str.startswith, lines, repeat("--"))))
        separators = tuple(self.separators)
        dashes = self._dashes
        for k in range(bisect_left(dashes, self.pos), len(dashes)):
            line = lines[dashes[k]]
            if line.startswith(separators) and self._at_eof(line):
                return dashes[k]
        return end


class _Parser:
    """``email.feedparser.FeedParser`` with all input at hand (compat32 policy)."""

    def __init__(self, text: str) -> None:
        self._input = _Input(text)
        self._msgstack: list[Message] = []
        self._cur: Message | None = None
        self._last: Message | None = None
        self._types: dict[int, str] = {}    # id(message) -> its get_content_type()

    def parse(self) -> Message:
        self._parsegen(in_digest=False)
        root = self._pop_message()
        if self._types[id(root)].startswith("multipart/") and not root.is_multipart():
            root.defects.append(errors.MultipartInvariantViolationDefect())
        return root

    def _new_message(self, in_digest: bool) -> Message:
        msg = Message(policy=compat32)
        if in_digest:
            msg.set_default_type("message/rfc822")
        if self._msgstack:
            self._msgstack[-1].attach(msg)
        self._msgstack.append(msg)
        self._cur = self._last = msg
        return msg

    def _pop_message(self) -> Message:
        msg = self._msgstack.pop()
        self._cur = self._msgstack[-1] if self._msgstack else None
        return msg

    def _parsegen(self, in_digest: bool) -> None:
        msg = self._new_message(in_digest)
        self._parse_headers(msg, self._header_lines(msg))
        ctype = self._types[id(msg)] = msg.get_content_type()   # the headers are all there now
        if ctype == "message/delivery-status":
            self._delivery_status()
        elif ctype.startswith("message/"):
            self._parsegen(in_digest=False)
            self._pop_message()
        elif ctype.startswith("multipart/"):
            self._multipart(msg, ctype == "multipart/digest")
        else:
            msg.set_payload("".join(self._input.rest()))

    def _header_lines(self, msg: Message) -> list[str]:
        """The header lines; the line after them is consumed if it is blank."""
        headers = self._input.header_lines()
        if headers is None:              # lines were pushed back: read them one by one
            headers = []
            while line := self._input.readline():
                if not _HEADER.match(line):
                    self._end_of_headers(msg, line)
                    break
                headers.append(line)
        elif self._input.missing_separator:
            msg.defects.append(errors.MissingHeaderBodySeparatorDefect())
        return headers

    def _end_of_headers(self, msg: Message, line: str) -> None:
        if not _NLCRE.match(line):
            msg.defects.append(errors.MissingHeaderBodySeparatorDefect())
            self._input.unreadline(line)

    def _delivery_status(self) -> None:
        """Blocks of headers separated by blank lines, each a message without a body."""
        while True:
            self._input.push_blank_line()
            self._parsegen(in_digest=False)
            self._pop_message()
            self._input.pop_blank_line()
            self._input.readline()           # the blank line
            line = self._input.readline()
            if not line:
                return
            self._input.unreadline(line)

    def _multipart(self, msg: Message, digest: bool) -> None:
        boundary = msg.get_boundary()
        if boundary is None:
            msg.defects.append(errors.NoBoundaryInMultipartDefect())
            msg.set_payload("".join(self._input.rest()))
            return
        if str(msg.get("content-transfer-encoding", "8bit")).lower() not in ("7bit", "8bit", "binary"):
            msg.defects.append(errors.InvalidMultipartContentTransferEncodingDefect())
        separator = "--" + boundary
        boundarymatch = _boundary_matcher(separator)
        capturing_preamble = True
        preamble: list[str] = []
        linesep: str | None = None
        close_boundary_seen = False
        while line := self._input.readline():
            mo = boundarymatch(line)
            if not mo:
                assert capturing_preamble    # a part is read up to a boundary: this is the preamble
                preamble.append(line)
                continue
            if mo.group("end"):
                close_boundary_seen = True
                linesep = mo.group("linesep")
                break
            if capturing_preamble:
                if preamble:             # RFC 2046: the last newline belongs to the boundary
                    preamble[-1] = _without_eol(preamble[-1])
                    msg.preamble = "".join(preamble)
                capturing_preamble = False
                self._input.unreadline(line)
                continue
            self._part(separator, boundarymatch, digest)
        if capturing_preamble:
            msg.defects.append(errors.StartBoundaryNotFoundDefect())
            msg.set_payload("".join(preamble))
            self._input.rest()
            msg.epilogue = ""
            return
        if not close_boundary_seen:
            msg.defects.append(errors.CloseBoundaryNotFoundDefect())
            return
        epilogue = ([""] if linesep else []) + self._input.rest()
        if epilogue:                     # a newline at the front is not part of the epilogue
            bolmo = _NLCRE_BOL.match(epilogue[0])
            if bolmo:
                epilogue[0] = epilogue[0][len(bolmo.group(0)):]
        msg.epilogue = "".join(epilogue)

    def _part(self, separator: str, boundarymatch: _Matcher, digest: bool) -> None:
        """One body part, after its boundary line (and any repeated boundary lines)."""
        while True:
            line = self._input.readline()
            if not boundarymatch(line):
                self._input.unreadline(line)
                break
        self._input.push_boundary(separator)
        self._parsegen(in_digest=digest)
        # RFC 2046: the newline before the boundary belongs to the boundary.
        last = self._last
        assert last is not None
        if self._types[id(last)].startswith("multipart/"):
            epilogue = last.epilogue
            if epilogue == "":
                last.epilogue = None
            elif epilogue is not None:
                last.epilogue = _without_eol(epilogue)
        else:
            payload = getattr(last, "_payload", None)   # not get_payload(): it decodes 8-bit text
            if isinstance(payload, str):
                last.set_payload(_without_eol(payload))
        self._input.pop_boundary()
        self._pop_message()
        self._last = self._cur

    def _parse_headers(self, msg: Message, lines: list[str]) -> None:
        """As ``FeedParser._parse_headers``: continuations, a Unix From line, defects."""
        if all(map(_SIMPLE_HEADER.match, lines)):    # the usual case: one "Name: value" per line
            set_raw = msg.set_raw
            for line in lines:
                name, value = line.split(":", 1)
                set_raw(name, value.lstrip(" \t").rstrip("\r\n"))
            return
        lastheader = ""
        lastvalue: list[str] = []
        for lineno, line in enumerate(lines):
            if line[0] in " \t":
                if not lastheader:
                    msg.defects.append(errors.FirstHeaderLineIsContinuationDefect(line))
                    continue
                lastvalue.append(line)
                continue
            if lastheader:
                msg.set_raw(*_header_source_parse(lastvalue))
                lastheader, lastvalue = "", []
            if line.startswith("From "):
                if lineno == 0:
                    msg.set_unixfrom(_without_eol(line))
                    continue
                if lineno == len(lines) - 1:   # probably the first line of the body
                    self._input.unreadline(line)
                    return
                msg.defects.append(errors.MisplacedEnvelopeHeaderDefect(line))
                continue
            i = line.find(":")
            if i == 0:
                msg.defects.append(errors.InvalidHeaderDefect("Missing header name."))
                continue
            lastheader = line[:i]
            lastvalue = [line]
        if lastheader:
            msg.set_raw(*_header_source_parse(lastvalue))


def _header_source_parse(lines: list[str]) -> tuple[str, str]:
    """``compat32.header_source_parse``: the name as it is, the value unfolded only by the caller."""
    name, value = lines[0].split(":", 1)
    value = value.lstrip(" \t") + "".join(lines[1:])
    return name, value.rstrip("\r\n")


# -- the plain case, read without splitting into lines -----------------------------------
#
# Most mail is a tree of text parts, or multiparts of them, each with a header block of
# "Name: value" lines (no folding) ended by a blank line, and boundaries that are where
# they should be. For those the tree is built from positions in the text: one regex per
# header block, str.find for the boundaries, the payloads sliced. Anything else (folded or
# odd headers, a "From " line, message/* or digest parts, a missing or repeated boundary,
# text after a missing close boundary, ...) gives None, and _Parser reads the message.

# A header line _Parser._parse_headers takes as it is, ended by \r\n or \n: its name and value.
_PLAIN_FIELD_LINE = re.compile(r"^([\041-\071\073-\176]+):[ \t]*([^\r\n]*)\r?\n", re.MULTILINE)
# _BOUNDARY_END on the text: the line ends with its line break or the text.
_BOUNDARY_LINE_END = re.compile(r"(?P<end>--)?[ \t]*(?:(?P<linesep>\r\n|\r|\n)|\Z)")
# A Content-Type whose boundary get_boundary() returns as written: one parameter, quoted or
# not, of RFC 2046 boundary characters but space (get_boundary's parameter parsing is 9 us).
_PLAIN_BOUNDARY = re.compile(r"[A-Za-z0-9!#$%&'*+.^_`{|}~-]+/[A-Za-z0-9!#$%&'*+.^_`{|}~-]+[ \t]*;[ \t]*"
                             r"[Bb][Oo][Uu][Nn][Dd][Aa][Rr][Yy]=(?:\"([0-9A-Za-z'()+_,./:=?-]{1,70})\""
                             r"|([0-9A-Za-z'()+_,./:=?-]{1,70}))[ \t]*")


class _Bail(Exception):
    """Not the plain case: _Parser reads the message."""


def _plain_tree(text: str) -> Message | None:
    """The tree _Parser builds, for plain messages; None for any other."""
    try:
        return _PlainTree(text).message(0, len(text), None)
    except _Bail:
        return None


class _PlainTree:
    def __init__(self, text: str) -> None:
        self.text = text

    def message(self, start: int, end: int, parent: Message | None) -> Message:
        """The message whose header block starts at ``start`` and whose body ends at ``end``
        (a part of ``parent``, if given: then the newline before ``end`` belongs to the boundary)."""
        text = self.text
        fields, body_start = self.fields(start, end)
        msg = Message(policy=compat32)
        if parent is not None:
            parent.attach(msg)
        msg._headers.extend(fields)  # type: ignore[attr-defined]  # what set_raw does, field by field
        content_type = next((value for name, value in fields   # len() first: lower() on every name costs
                             if len(name) == 12 and name.lower() == "content-type"), None)
        ctype = _content_type(content_type) if content_type is not None else "text/plain"
        if ctype.startswith("message/") or ctype == "multipart/digest":
            raise _Bail
        if not ctype.startswith("multipart/"):
            body = text[body_start:end]
            msg.set_payload(_without_eol(body) if parent is not None else body)
            return msg
        epilogue = self.multipart(msg, content_type, body_start, end)
        if parent is None:
            msg.epilogue = epilogue
        elif epilogue:
            msg.epilogue = _without_eol(epilogue)
        return msg                       # a part's empty epilogue is None

    def fields(self, start: int, end: int) -> tuple[list[tuple[str, str]], int]:
        """The (name, value) fields of the header block at ``start`` and where its body starts:
        every line up to the first blank one must be a _PLAIN_FIELD_LINE. (Finding the blank
        line with str.find and matching the lines with one findall is a third faster than
        matching the block with a pattern first.)"""
        text = self.text
        if text.startswith(("\r\n", "\n"), start, end):
            blank = start
        else:
            crlf = text.find("\n\r\n", start, end)
            lf = text.find("\n\n", start, crlf + 1 if crlf >= 0 else end)
            blank = (lf if lf >= 0 else crlf) + 1       # the start of the blank line
            if blank == 0:
                raise _Bail                  # no blank line
        fields = _PLAIN_FIELD_LINE.findall(text, start, blank)
        if len(fields) != text.count("\n", start, blank):
            raise _Bail                      # a line that is not a plain field
        return fields, blank + (2 if text.startswith("\r", blank) else 1)

    def multipart(self, msg: Message, content_type: str | None, start: int, end: int) -> str:
        """The parts and preamble of ``msg``, its body being text[start:end]; its epilogue."""
        plain = _PLAIN_BOUNDARY.fullmatch(content_type or "")
        boundary = (plain.group(1) or plain.group(2)) if plain else msg.get_boundary()
        if not boundary:
            raise _Bail
        if str(msg.get("content-transfer-encoding", "8bit")).lower() not in ("7bit", "8bit", "binary"):
            msg.defects.append(errors.InvalidMultipartContentTransferEncodingDefect())
        lines = self.boundaries("--" + boundary, start, end)
        if not lines or lines[0][2] or not lines[-1][2]:
            raise _Bail                  # no start boundary, or no close boundary
        if lines[0][0] > start:          # RFC 2046: the last newline belongs to the boundary
            msg.preamble = _without_eol(self.text[start:lines[0][0]])
        for (_, part_start, _), (part_end, _, _) in pairwise(lines):
            if part_start == part_end:   # a repeated boundary line
                raise _Bail
            self.message(part_start, part_end, msg)
        return self.text[lines[-1][1]:end]

    def boundaries(self, separator: str, start: int, end: int) -> list[tuple[int, int, bool]]:
        """(start, end, is the close boundary) of the boundary lines in text[start:end], up to the
        first close boundary; none of them may be there at all."""
        text, found, pos = self.text, [], start
        while (at := text.find(separator, pos, end)) >= 0:
            pos = at + 1
            if at > start and text[at - 1] not in "\r\n":
                continue                 # not at the start of a line
            line = _BOUNDARY_LINE_END.match(text, at + len(separator), end)
            if line is None:
                continue
            found.append((at, line.end(), line.group("end") is not None))
            if line.group("end") is not None:
                break
        return found


def _content_type(value: str) -> str:
    """``Message.get_content_type()`` for a message whose first Content-Type is ``value``."""
    if not value.isascii():
        raise _Bail                      # 8-bit bytes: compat32 makes it a Header object
    ctype = value.partition(";")[0].strip().lower()
    return ctype if ctype.count("/") == 1 else "text/plain"
