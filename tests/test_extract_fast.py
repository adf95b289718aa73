"""The shortcuts in extract's helpers give what the general code gives.

Each fast path (header index, parameter pre-checks, the marker and footer pre-tests) is
compared with the straightforward code it replaces, on tricky and on random input."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from replydraft.message import body, quotes
from replydraft.message.headers import HeaderIndex, clean_header, header_value, raw_header
from replydraft.message.mime import message_from_bytes

pytestmark = pytest.mark.slow      # thousands of random inputs per comparison

# -- headers and parameters -------------------------------------------------------------

PARAM_NAMES = ["name", "filename", "NAME", "FileName", "charset", "Charset", "format", "delsp", "boundary",
               "na\u212ae", "name*", "name*0", "name*1", "name*0*", "filename*", "charset*", "format*0", "x-name"]
PARAM_VALUES = ['"a.txt"', "utf-8", '"UTF-8"', "flowed", "Flowed", "yes", "utf-8''%E2%82%AC.txt",
                "bogus''%FF", "''", '"', "a;b", '"a;b"', "caf\xe9", "=?utf-8?q?x?=", ""]


def _header(kind: str, params: list[tuple[str, str]]) -> str:
    return kind + "".join(f"; {name}={value}" for name, value in params)


params = st.lists(st.tuples(st.sampled_from(PARAM_NAMES), st.sampled_from(PARAM_VALUES)), max_size=4)


def _message(content_type: str | None, disposition: str | None) -> bytes:
    head = "Subject: x\r\n"
    if content_type is not None:
        head += f"Content-Type: {content_type}\r\n"
    if disposition is not None:
        head += f"Content-Disposition: {disposition}\r\n"
    return (head + "\r\nbody\r\n").encode("utf-8", "surrogateescape")


def _general_filename(part: object) -> str | None:
    try:
        name = part.get_filename()  # type: ignore[attr-defined]
    except Exception:
        return "(unreadable name)"
    return None if name is None else clean_header(name, 100) or "(no name)"


RAISED = object()


def _general(call: str, part: object, *args: str) -> object:
    """``part.call(*args)``, or RAISED."""
    try:
        return getattr(part, call)(*args)
    except Exception:
        return RAISED


def _general_charset(part: object) -> object:
    charset = _general("get_content_charset", part)
    return None if charset is RAISED else charset


@settings(max_examples=500, deadline=None)
@given(params, st.none() | params, st.sampled_from(["text/plain", "TEXT/HTML", "text/plain ", "image/png"]))
def test_parameter_shortcuts(ct_params: list[tuple[str, str]], cd_params: list[tuple[str, str]] | None,
                             kind: str) -> None:
    raw = _message(_header(kind, ct_params), None if cd_params is None else _header("attachment", cd_params))
    part = message_from_bytes(raw)
    headers = HeaderIndex(part)
    assert body._filename(part, headers) == _general_filename(part)
    assert body._charset(part, headers) == _general_charset(part)
    for name in ("format", "delsp"):
        value = _general("get_param", part, name)
        expected = value.strip().lower() if isinstance(value, str) else ""
        assert body._param(part, headers, name) == expected


@pytest.mark.parametrize("raw", [
    b"Subject: a\r\nsubject: b\r\nFROM: x@y\r\nX-Long: " + b"y" * 20000 + b"\r\n\r\n",
    b"Subject: caf\xc3\xa9\r\nSubject: second\r\nContent-Type: text/plain; name=\"a\xe9.txt\"\r\n\r\n",
    b"Content-Type: text/plain; charset*0=a; charset*=b\r\n\r\nx",            # the stdlib raises on these
    b"Content-Type: text/plain; charset=utf-8\r\nContent-Disposition: inline; foo*0*=x; foo*=y\r\n\r\nx",
    b"content-type: text/plain; NAME=x\r\nContent-Type: text/plain\r\n\r\nx",
    b"Content-Type: text/plain\r\nContent-Disposition:\r\n\r\nx",
])
def test_header_index_and_shortcuts_on_odd_headers(raw: bytes) -> None:
    part = message_from_bytes(raw)
    headers = HeaderIndex(part)
    for name in ("Subject", "subject", "From", "X-Long", "Content-Type", "Content-Disposition", "Missing"):
        assert headers.raw(name) == raw_header(part, name)
        assert headers.value(name) == header_value(part, name)
    assert body._filename(part, headers) == _general_filename(part)
    assert body._charset(part, headers) == _general_charset(part)


# -- new text: markers and footers ------------------------------------------------------


def _plain_marker_at(lines: list[str], i: int) -> quotes._Marker | None:
    """quotes._marker_at without its first-character tests: every pattern on every line."""
    line = lines[i].strip()
    if not line or line.startswith(">") or len(line) > 400:
        return None
    if quotes._SIGNATURE.match(line) and (len(line) <= 60 or line.startswith("--")):
        return quotes._Marker("signature", i, i + 1, line)
    if quotes._FORWARD.match(line):
        return quotes._Marker("forward", i, quotes._after_headers(lines, i + 1), line)
    if quotes._ORIGINAL.match(line) or (quotes._RULE.match(line)
                                        and quotes._header_block_at(lines, quotes._next_text(lines, i + 1))):
        return quotes._Marker("headers", i, quotes._after_headers(lines, i + 1), line)
    if quotes._header_block_at(lines, i):
        return quotes._Marker("headers", i, quotes._after_headers(lines, i), line)
    size = quotes._attribution_at(lines, i)
    if size:
        return quotes._Marker("reply", i, i + size, " ".join(s.strip() for s in lines[i:i + size]))
    return None


def _every_line_marker(lines: list[str], start: int, history: bool = False) -> quotes._Marker | None:
    """quotes._first_marker without its pre-tests: every pattern on every line."""
    for i in range(start, len(lines)):
        found = _plain_marker_at(lines, i)
        if found and not (history and found.kind == "signature"):
            return found
    return None


def _plain_footer_start(head: list[str]) -> int | None:
    """quotes._footer_start as first written: every block joined and every line above scanned."""
    end = len(head)
    while end and not head[end - 1].strip():
        end -= 1
    for i in range(max(1, end - quotes.FOOTER_LINES), end):
        line = head[i].strip()
        if not line or line.startswith(">") or not any(s.strip() for s in head[:i]):
            continue
        block = "\n".join(head[i:end])
        if len(block) > quotes.FOOTER_CHARS:
            continue
        if quotes._FOOTER_ENVIRONMENT.match(line) and len(line) < 120:
            return i
        heading = quotes._FOOTER_HEADING.match(line) is not None
        starts_paragraph = not head[i - 1].strip() or not re.search(r"\w", head[i - 1])
        if not heading and not (starts_paragraph and quotes._FOOTER_SENTENCE.match(" ".join(head[i:i + 3]))):
            continue
        legal = len({w.group().lower()[:6] for w in quotes._LEGAL_WORDS.finditer(block)})
        if legal >= (1 if heading else 2):
            return i
    return None


MARKER_LINES = [
    "", "  ", "Hello,", "I will sue you.", "-- ", "--", "—", "Sent from my iPhone", "SENT FROM MY IPAD",
    "\u017fent from my phone", "Von meinem iPhone gesendet", "Envoyé de mon iPhone", "Skickat från min iPhone",
    "---------- Forwarded message ---------", "Begin forwarded message:", "Début du message réexpédié :",
    "-----Original Message-----", "-----Ursprüngliche Nachricht-----", "_" * 32, "From: Acme <s@acme.test>",
    "*From:* Acme", "  De : Acme", "Von: Acme", "Från: Acme", "Sent: Monday", "Date: today", "Subject: re",
    "Betreff: x", "To: me", "On Fri, 13 Nov 2026 at 10:00, Acme Support <s@acme.test> wrote:",
    "On Fri, 13 Nov 2026 at 10:00, Acme Support", "<s@acme.test> wrote:", "Am 13.11.2026 um 10:00 schrieb Acme:",
    "Le ven. 13 nov. 2026 à 10:00, Acme <s@acme.test> a écrit :", "Den 13 nov. 2026 skrev Acme <s@acme.test>:",
    "Lør. 14. nov. 2026 skrev Acme:", "2026年11月16日 9:12 Acme <a@b.example>:", "On Monday I wrote to you:",
    "Note:", "Thanks：", "> quoted", ">> deeper", "Best regards,", "Jane", "CONFIDENTIALITY NOTICE",
    "Disclaimer: this message is confidential and intended only for the addressee.",
    "This email and any attachments are confidential and intended solely for the addressee; if you "
    "are not the intended recipient please notify the sender and delete it.",
    "Please consider the environment before printing this email.", "Bitte denken Sie an die Umwelt.",
    "If you are not the intended recipient, any disclosure, copying or distribution is prohibited.",
    "Get Outlook for iOS", "Sent from Mail for Windows", "Gesendet von meinem iPad", "Enviado desde mi iPhone",
    "Enviado do meu iPhone", "Inviato da iPhone", "Verzonden met mijn iPad", "Verstuurd vanaf mijn iPhone",
    "Sendt fra min iPhone", "Anfang der weitergeleiteten Nachricht:", "Inicio del mensaje reenviado:",
    "Inizio messaggio inoltrato:", "Begin doorgestuurd bericht:", "Da: Acme", "Van: Acme", "Fra: Acme", "De: Acme",
    "_From:_ Acme", "**De :** Acme", "LEGAL NOTICE", "E-mail disclaimer:", "***", "  \u00a0This email is privileged.",
    "Dit bericht is vertrouwelijk; de geadresseerde", "\u017fhis message is confidential, delete it", "-",
    "\u017fent from my iPhone", "\u0130nviato da iPhone", "\u0131nizio messaggio inoltrato:", "*\u212a: x",
    "  *From:* A", "_From: x", "\u00c9nviado desde mi iPhone",
    "\u0130f you are not the intended recipient, delete this.", "1. Note:", "x" * 401 + ":", "Tired of waiting:",
    "Ma non è così:", "Op 13 nov. 2026 schreef Acme <s@acme.test>:",
]


lines_strategy = st.lists(st.sampled_from(MARKER_LINES) | st.text(max_size=30), max_size=30)


@settings(max_examples=800, deadline=None)
@given(lines_strategy, st.integers(0, 5), st.booleans())
def test_the_marker_pre_test_misses_no_marker(lines: list[str], start: int, history: bool) -> None:
    assert quotes._first_marker(lines, start, history) == _every_line_marker(lines, start, history)


@settings(max_examples=800, deadline=None)
@given(lines_strategy)
def test_the_first_character_tests_miss_no_marker(lines: list[str]) -> None:
    for i in range(len(lines)):
        assert quotes._marker_at(lines, i) == _plain_marker_at(lines, i)


@settings(max_examples=800, deadline=None)
@given(lines_strategy)
def test_footer_start_is_unchanged(lines: list[str]) -> None:
    assert quotes._footer_start(lines) == _plain_footer_start(lines)


@pytest.mark.parametrize("line", MARKER_LINES)
def test_every_marker_line_passes_the_pre_test(line: str) -> None:
    for variant in (line, line.upper(), line.lower(), "  " + line + " \t"):
        lines = [variant, "> quoted", "Date: x", "Subject: y"]
        expected = _every_line_marker(lines, 0)
        if expected is not None and expected.start == 0:
            assert quotes._MAYBE_MARKER.match(variant.strip()) or variant.strip().endswith((":", "\uff1a"))
        assert quotes._first_marker(lines, 0) == expected


@pytest.mark.parametrize("opener", re.findall(r"\w\w+", quotes._OPENER.pattern))
def test_a_wrapped_attribution_passes_the_pre_test(opener: str) -> None:
    for first in (opener, opener.capitalize(), opener.upper() + "."):
        lines = [f"{first} 13 Nov 2026 at 10:00, Acme Support", "<s@acme.test> wrote:", "> quoted"]
        assert _every_line_marker(lines, 0) is not None
        assert quotes._first_marker(lines, 0) == _every_line_marker(lines, 0)


# -- addresses --------------------------------------------------------------------------

ADDRESS_PIECES = ["Jane", "Doe", "J.", "O'Brien", "=?utf-8?q?J=C3=BCrgen?=", "a+b", ".", "..", "-", "x=y", "é",
                  " ", "  ", "\t", "<", ">", "@", ".", '"', "(", ")", ",", ";", ":", "[", "]", "\\",
                  "jane.doe@example.com", "j@x", "a..b@x", "a@b..c", "a@b.", ".a@b", "a@@b", "<j@x>"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(ADDRESS_PIECES), max_size=8))
def test_simple_addresses_are_what_parseaddr_returns(pieces: list[str]) -> None:
    import email.utils

    from replydraft.message.headers import _simple_address

    for value in ("".join(pieces), " ".join(pieces), " ".join(pieces[:-1]) + " <" + "".join(pieces[-1:]) + ">"):
        simple = _simple_address(value)
        if simple is not None:
            assert simple == email.utils.parseaddr(value)


@pytest.mark.parametrize("value", ["Customer 12 <c12@client12.example>", "jane@example.com", "J. O'Brien-Smith <j@x.y>",
                                   "=?utf-8?q?J=C3=BCrgen?= <j@x.example>"])
def test_plain_addresses_take_the_shortcut(value: str) -> None:
    import email.utils

    from replydraft.message.headers import _simple_address

    assert _simple_address(value) == email.utils.parseaddr(value) != ("", "")


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.sampled_from(" \t\x00\x1f\x7f\x85\u2028\u200bab:é"), max_size=20) | st.text(max_size=20),
       st.integers(0, 30))
def test_clean_header_shortcut(value: str, limit: int) -> None:
    from replydraft.message.headers import _CONTROL, SPACES

    assert clean_header(value, limit) == SPACES.sub(" ", _CONTROL.sub(" ", value)).strip()[:limit]


# -- dates ------------------------------------------------------------------------------

DATE_PIECES = ["Mon, ", "Sun, ", "Xyz, ", "Mon,", "", " ", "0", "1", "16", "31", "32", "99", "Nov", "Feb", "nov", "Foo",
               "2026", "1969", "0026", "9999", "10000", "00", "09", "23", "24", "59", "60", ":", "+0100", "-0000",
               "+0000", "-0500", "+9999", "-2400", "+2359", "+0160", "-0001", "+1400", "GMT", "EST", "(EST)", "\u0660"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(DATE_PIECES), max_size=14), st.integers(1, 31), st.integers(0, 61))
def test_plain_dates_are_what_parsedate_to_datetime_returns(pieces: list[str], day: int, second: int) -> None:
    import email.utils

    from replydraft.message.headers import parse_date

    def general(value: str) -> object:
        try:
            return email.utils.parsedate_to_datetime(value) if value else None
        except Exception:
            return None

    clock = f"{''.join(pieces[1:3])}:{second:02d}:{second:02d}"
    spaced = f"{''.join(pieces[:1])}{day} Nov 2026 {clock} {''.join(pieces[3:])}"
    for value in ("".join(pieces), " ".join(pieces), spaced):
        assert repr(parse_date(value)) == repr(general(value))


@pytest.mark.parametrize("value", ["Mon, 16 Nov 2026 09:12:00 +0100", "1 Jan 2027 00:00:00 -0000",
                                   "Sun, 31 Feb 2026 10:00:00 +0000"])
def test_plain_dates_take_the_shortcut(value: str) -> None:
    from replydraft.message.headers import _PLAIN_DATE

    assert _PLAIN_DATE.fullmatch(value)


# -- attributions -----------------------------------------------------------------------

ATTRIBUTION_PIECES = ["On Fri, 13 Nov 2026 at 10:00, Acme", " ", "  ", "\t", ":", " :", "wrote", "WROTE", "wrote:",
                      "schrieb", "a écrit", "a  écrit", "escribió", "ha scritto", "schreef", "escreveu", "skrev",
                      "s\u212arev", "\u017fchrieb", "rewrote", "wrotex", "<s@acme.test>", "10:01", "x", "é", "_", "-",
                      ":x", "：", "\u2028"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(ATTRIBUTION_PIECES), max_size=10))
def test_the_attribution_search_finds_what_the_pattern_matches(pieces: list[str]) -> None:
    for candidate in ("".join(pieces), " ".join(pieces)):
        whole, tail = quotes._ATTRIBUTION.match(candidate), quotes._attribution(candidate)
        assert (whole is None) == (tail is None)
        if whole is not None and tail is not None:
            assert whole.span("verb") == tail.span("verb") and whole.group("post") == tail.group("post")


# -- header values and content types ----------------------------------------------------

VALUE_PIECES = ["a", "Re: x", " ", "  ", "\t", "=?", "=?utf-8?q?J=C3=BCrgen?=", "\x00", "\x7f", "caf\udce9", "é",
                "\u2028", ";", "/", "text/plain", "TEXT/HTML", "multipart/mixed", "text/plain/x", "x" * 1000,
                "y" * 17000, "charset=utf-8", '"', "\r\n ", "\n\t"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(VALUE_PIECES), max_size=6))
def test_header_values_and_content_types_are_what_the_general_code_returns(pieces: list[str]) -> None:
    from email.message import Message
    from email.policy import compat32

    value = "".join(pieces)
    part = Message(policy=compat32)
    part.set_raw("Content-Type", value)
    part.set_raw("Subject", value)
    headers = HeaderIndex(part)
    assert headers.value("Subject") == header_value(part, "Subject")
    try:
        expected = part.get_content_type()
    except Exception:
        expected = "text/plain"
    assert body._ctype(part, headers) == expected
