"""The shortcuts in extract's helpers give what the general code gives.

Each fast path (header index, parameter pre-checks) is compared with the straightforward
code it replaces, on tricky and on random input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from replydraft import body
from replydraft.headers import HeaderIndex, clean_header, header_value, raw_header
from replydraft.mime import message_from_bytes

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
