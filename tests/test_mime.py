"""replydraft.message.mime builds exactly the tree that email.message_from_bytes(policy=compat32) builds."""

from __future__ import annotations

import email
import email.policy
from collections.abc import Callable
from email.message import Message

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from replydraft.message import mime

Tree = tuple[object, ...]


def _tree(msg: Message) -> Tree:
    """Everything a Message holds: headers, payload (recursively), defects, preamble, ..."""
    payload = msg._payload
    if isinstance(payload, list):
        payload = [_tree(p) for p in payload]
    state = {k: v for k, v in vars(msg).items() if k not in ("_payload", "defects", "policy")}
    return (type(msg), payload, state, [(type(d), d.args) for d in msg.defects], msg.policy)


def _outcome(parse: Callable[[bytes], Message], raw: bytes) -> Tree:
    try:
        return _tree(parse(raw))
    except Exception as exc:  # the stdlib raises on some broken RFC 2231 parameters
        return ("raised", type(exc))


def _stdlib(raw: bytes) -> Message:
    return email.message_from_bytes(raw, policy=email.policy.compat32)


def _fast_only(raw: bytes) -> Message:
    """The fast parser without its fall-back to the stdlib."""
    return mime._Parser(raw.decode("ascii", "surrogateescape")).parse()


def _plain_only(raw: bytes) -> Message:
    """The tree read from positions, where it reads the message (else the stdlib's)."""
    return mime._plain_tree(raw.decode("ascii", "surrogateescape")) or _stdlib(raw)


def assert_same(raw: bytes) -> None:
    assert _outcome(_fast_only, raw) == _outcome(_stdlib, raw)
    assert _outcome(_plain_only, raw) == _outcome(_stdlib, raw)
    assert _outcome(mime.message_from_bytes, raw) == _outcome(_stdlib, raw)


HEAD = (b"From: =?utf-8?q?J=C3=BCrgen?= <j@x.example>\r\nSubject: =?iso-8859-1?q?R=E9clamation?=\r\n"
        b"Message-ID: <a@b>\r\nDate: Mon, 16 Nov 2026 09:12:00 +0100\r\n")
ALT = (b"Content-Type: multipart/alternative; boundary=\"ALT\"\r\n\r\npreamble\r\n--ALT\r\n"
       b"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
       b"Caf=C3=A9\r\n--ALT\r\nContent-Type: text/html\r\n\r\n<p>html</p>\r\n--ALT--\r\nepilogue\r\n")
NESTED = (b"Content-Type: multipart/mixed; boundary=\"OUT\"\r\n\r\n--OUT\r\n"
          b"Content-Type: multipart/alternative; boundary=\"IN\"\r\n\r\n--IN\r\nContent-Type: text/plain\r\n\r\n"
          b"inner\r\n--IN\r\nContent-Type: text/html\r\n\r\n<b>x</b>\r\n--IN--\r\ninner epilogue\r\n\r\n--OUT\r\n"
          b"Content-Type: application/pdf; name=\"a.pdf\"\r\nContent-Disposition: attachment\r\n\r\n--OUT--\r\n")
FORWARD = (b"Content-Type: multipart/mixed; boundary=\"MIX\"\r\n\r\n--MIX\r\nContent-Type: text/plain\r\n\r\n"
           b"See below.\r\n--MIX\r\nContent-Type: message/rfc822\r\n\r\n" + HEAD + ALT + b"\r\n--MIX--\r\n")
REPORT = (b"Content-Type: multipart/report; report-type=delivery-status; boundary=\"R\"\r\n\r\n--R\r\n"
          b"Content-Type: text/plain\r\n\r\nDelivery failed\r\n--R\r\nContent-Type: message/delivery-status\r\n\r\n"
          b"Reporting-MTA: dns; x\r\n\r\nAction: failed\r\nStatus: 5.0.0\r\n\r\n--R\r\n"
          b"Content-Type: message/rfc822\r\n\r\n" + HEAD + b"\r\nhi\r\n--R--\r\n")
DIGEST = (b"Content-Type: multipart/digest; boundary=\"D\"\r\n\r\n--D\r\n\r\n" + HEAD + b"\r\nfirst\r\n--D\r\n"
          b"Content-Type: text/plain\r\n\r\nsecond\r\n--D\r\n\r\nFrom: x\r\n\r\nthird\r\n--D--\r\n")

CASES = [
    HEAD + b"\r\nHello\r\n", HEAD + ALT, HEAD + NESTED, HEAD + FORWARD, REPORT, HEAD + DIGEST,
    HEAD + ALT.replace(b"\r\n", b"\n"), HEAD + ALT.replace(b"\r\n", b"\r"), (HEAD + NESTED).replace(b"\r\n", b"\n"),
    HEAD + ALT.replace(b"--ALT--", b"--ALT"),                                    # no close boundary
    HEAD + ALT.replace(b"boundary=\"ALT\"", b"boundary=\"WRONG\""),               # no start boundary
    HEAD + ALT.replace(b"; boundary=\"ALT\"", b""),                               # no boundary at all
    HEAD + ALT.replace(b"--ALT\r\nContent-Type: text/html", b"--ALT\r\n--ALT\r\nContent-Type: text/html"),
    HEAD + ALT.replace(b"--ALT\r\nContent-Type: text/plain", b"--ALT \t\r\nContent-Type: text/plain"),
    HEAD + ALT.replace(b"--ALT--\r\nepilogue\r\n", b"--ALT--"),
    HEAD + ALT.replace(b"--ALT--\r\nepilogue\r\n", b"--ALT--\r\n\r\n\r\n"),
    HEAD + b"Content-Transfer-Encoding: base64\r\n" + ALT,
    HEAD + ALT.replace(b"boundary=\"ALT\"", b"boundary*0=\"A\"; boundary*1=\"LT\""),
    HEAD + ALT.replace(b"boundary=\"ALT\"", b"boundary=\"a.b+c(d)?*[x]\"").replace(b"--ALT", b"--a.b+c(d)?*[x]"),
    HEAD + ALT.replace(b"multipart/alternative", b"multipart"),
    HEAD + NESTED.replace(b"--IN--\r\n", b""),                  # the outer boundary ends the inner part
    HEAD + NESTED.replace(b"boundary=\"IN\"", b"boundary=\"OUT\"").replace(b"--IN", b"--OUT"),
    HEAD + NESTED.replace(b"\r\n--IN--\r\ninner epilogue\r\n\r\n", b"\r\n--IN--"),
    HEAD + NESTED.replace(b"Content-Type: text/plain\r\n\r\ninner", b"Content-Type: text/plain\r\n--OUT\r\ninner"),
    HEAD + b"Content-Type: message/rfc822\r\n\r\n",
    b"Content-Type: message/delivery-status\r\n\r\nA: 1\r\n\r\n\r\n\r\nB: 2\r\n",
    b"Content-Type: message/delivery-status\r\n\r\nnot a header\r\n\r\nA: 1",
    b"Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n--b\r\n--b--\r\n",
    b"Content-Type: multipart/mixed; boundary=b\r\n\r\n--b--\r\n",
    b"Content-Type: multipart/mixed; boundary=b\r\n\r\n--b",
    b"Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nno final newline",
    b"Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\nx\r\n--b--x\r\n--bb\r\n--b--\r\n",
    b"Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n--b\r\n\r\ny\r\n--b--\r\n",
    b"Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\nx\n--b\r\n\r\ny\r--b--\r\n",
    b"Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: multipart/mixed; boundary=c\r\n\r\n"
    b"pre only\r\n--b--\r\n",
    b"Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: message/rfc822\r\n\r\nSubject: in\r\n"
    b"Content-Type: multipart/mixed; boundary=c\r\n\r\n--c\r\n\r\ndeep\r\n--b--\r\n",
    b"Content-Type: multipart/mixed; boundary=\"\"\r\n\r\n--\r\n\r\nempty boundary\r\n----\r\n",
    b"Content-Type: multipart/mixed; boundary=\"\xe9b\"\r\n\r\n--\xe9b\r\n\r\nx\r\n--\xe9b--\r\n",
    b"Content-Type: multipart/mixed;\r\n boundary=\"folded\"\r\n\r\n--folded\r\n\r\nf\r\n--folded--\r\n",
    b"", b"\r\n", b"\r\njust a body\r\n", b"no headers at all\r\njust text\r\n", HEAD, HEAD + b"\r\n",
    b"Subject: x\r\nnot a header line\r\nmore\r\n",
    b"From someone@x Mon Nov 16 09:12:00 2026\r\n" + HEAD + b"\r\nbody\r\n",
    HEAD + b"From someone@x Mon Nov 16 09:12:00 2026\r\nX: y\r\n\r\nbody\r\n",
    HEAD + b"From someone@x Mon Nov 16 09:12:00 2026\r\n\r\nbody\r\n",
    b"Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nX: 1\r\nFrom nobody\r\n\r\nbody\r\n--b--\r\n",
    b" continuation first\r\n" + HEAD + b"\r\nbody\r\n", HEAD + b": no name\r\n\r\nbody\r\n",
    HEAD + b"X-Folded: a\r\n b\r\n\tc\r\n\r\nbody\r\n", b"X-Empty:\r\nX-Spaces:   \t \r\n\r\nbody\r\n",
    b"Subject: caf\xc3\xa9\r\nFrom: J\xe9r\xf4me <j@x>\r\n\r\nbody \xe9\r\n",
    b"Subject: form\x0cfeed\x1cand\x1dthings\x0b\r\n\r\nline\x0cwith\x1cseparators\x1e\x85\r\nnext\r\n",
    b"Subject: x\rTo: y\r\n\rbody with lone CR\rline2\n\rline3\r",
    HEAD + NESTED.replace(b"\r\n--IN--\r\ninner epilogue\r\n", b"\r\n--IN--\r\n"),   # an empty inner epilogue
    HEAD + ALT.replace(b"\r\n", b"\n", 3), HEAD + ALT.replace(b"preamble\r\n", b""),
    HEAD + ALT.replace(b"\"ALT\"", b"ALT"), HEAD + ALT.replace(b"\"ALT\"", b"\"ALT \"").replace(b"--ALT", b"--ALT "),
    HEAD + ALT.replace(b"\"ALT\"", b"\"<ALT>\""),
    HEAD + ALT.replace(b"\"ALT\"", b"\"A:T\"").replace(b"--ALT", b"--A:T"),
    HEAD + ALT.replace(b"boundary", b"BOUNDARY"),
    HEAD + ALT.replace(b"--ALT\r\nContent-Type: text/html\r\n\r\n", b"--ALT\r\n\r\n"),
    HEAD + ALT.replace(b"--ALT\r\nContent-Type: text/html\r\n\r\n", b"--ALT\r\nContent-Type: text/html\r\n"),
    HEAD + ALT.replace(b"\r\n\r\npreamble", b"\r\nContent-Type: text/plain\r\n\r\npreamble"),
    HEAD + ALT.replace(b"Content-Type: text/html", b"Content-Type: text/html; charset=\"\xe9\""),
    b"Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\nx\r\n--b--",
    b"Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\nx\r\n--b\r\n\r\n--b--\r\n",
    b"Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\n--b-- \r\n--b\r\n--b--\r\n",
    b"Content-Type: multipart/mixed; boundary=b\r\n\r\nx--b\r\n--b\r\n\r\ny\r\n--b--\r\n",
]


@pytest.mark.parametrize("raw", CASES)
def test_the_same_tree_as_the_stdlib(raw: bytes) -> None:
    assert_same(raw)


def test_lines_across_the_stdlib_s_8_kb_reads() -> None:
    """The stdlib parser is fed 8192 characters at a time; a line end split across two reads
    must not make a difference."""
    for pad in range(8150, 8200):
        body = b"x" * (pad - len(HEAD) - 80) + b"\r\n--b\r\n\r\npart\r\n--b--\r\n"
        assert_same(HEAD + b"Content-Type: multipart/mixed; boundary=b\r\n\r\n" + body)
        assert_same(HEAD.replace(b"\r\n", b"\r") + b"\r" + b"y\r" * (pad // 2))


def test_deep_nesting_gives_what_the_stdlib_gives() -> None:
    raw = b"".join(b"Content-Type: multipart/mixed; boundary=b%d\r\n\r\n--b%d\r\n" % (i, i) for i in range(400))
    assert _outcome(mime.message_from_bytes, raw) == _outcome(_stdlib, raw)


LINES = [b"", b"--b", b"--b--", b"--c", b"--c--", b"--b ", b"--b--x", b"--b\t--", b"--b-- ", b"--bc", b"x--b",
         b"From x@y Mon", b" cont", b"\tcont", b":bad",
         b"X: 1", b"Subject: =?utf-8?b?w6k=?=", b"Content-Type: multipart/mixed; boundary=b",
         b"Content-Type: multipart/alternative; boundary=\"c\"", b"Content-Type: multipart/digest; boundary=c",
         b"Content-Type: message/rfc822", b"Content-Type: message/delivery-status", b"Content-Type: text/plain",
         b"Content-Transfer-Encoding: base64", b"text", b"caf\xe9", b"a\x0cb", b"> quoted"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(LINES), st.sampled_from([b"\r\n", b"\n", b"\r", b""])), max_size=40))
def test_random_line_soup(parts: list[tuple[bytes, bytes]]) -> None:
    assert_same(b"".join(line + end for line, end in parts))


FIELDS = [b"Subject: x", b"X-A:1", b"X-B: \t v ", b"content-type: text/html",
          b"Content-Type: TEXT/plain; charset=utf-8",
          b"Content-Type: text", b"Content-Type: message/rfc822", b"Content-Transfer-Encoding: quoted-printable",
          b"X-Folded: a\r\n b", b"From nobody", b"Subject: caf\xe9", b"--b: x", b"X-Dash: --b"]
BODIES = [b"", b"text", b"--b", b"--b--", b"--bx", b" --b", b"-- ", b"x\r\n", b"\r", b"caf\xe9", b"From me"]


@st.composite
def _trees(draw: st.DrawFn, depth: int = 0) -> bytes:
    """A message that is mostly well formed: header fields, maybe a multipart of such messages."""
    eol = draw(st.sampled_from([b"\r\n", b"\n"]))
    head = b"".join(field + draw(st.sampled_from([eol, eol, eol, b"\r"])) for field in
                    draw(st.lists(st.sampled_from(FIELDS), max_size=3)))
    if depth < 2 and draw(st.booleans()):
        boundary = draw(st.sampled_from([b"b", b"c", b"=_a", b"b:c", b"bb"]))
        kind = draw(st.sampled_from([b"mixed", b"alternative", b"digest", b"related"]))
        quoted = draw(st.sampled_from([b'"%s"', b"%s", b'"%s "', b'%s; x=y']))
        head += b"Content-Type: multipart/" + kind + b"; boundary=" + quoted % boundary + eol
        parts = draw(st.lists(_trees(depth + 1), min_size=0, max_size=3))
        body = draw(st.sampled_from([b"", b"preamble" + eol])) + b"".join(
            b"--" + boundary + draw(st.sampled_from([eol, b" " + eol, eol + b"--" + boundary + eol])) + part + eol
            for part in parts)
        body += draw(st.sampled_from([b"--" + boundary + b"--" + eol, b"--" + boundary + b"--", b"",
                                      b"--" + boundary + eol]))
        body += draw(st.sampled_from([b"", b"epilogue" + eol, eol, b"--" + boundary + eol]))
    else:
        body = eol.join(draw(st.lists(st.sampled_from(BODIES), max_size=4)))
    return head + draw(st.sampled_from([eol, eol, b""])) + body


@pytest.mark.slow
@settings(max_examples=1500, deadline=None)
@given(_trees())
def test_random_trees(raw: bytes) -> None:
    assert_same(raw)


def test_plain_messages_take_the_positional_path() -> None:
    for raw in (HEAD + b"\r\nHello\r\n", HEAD + ALT, HEAD + NESTED, (HEAD + NESTED).replace(b"\r\n", b"\n")):
        assert mime._plain_tree(raw.decode("ascii", "surrogateescape")) is not None
