"""Hostile variants of clear escalations: each must still raise the same signal.

One table of ways to hide the words from the detector (characters between or inside the
words, a huge style block before them, deep MIME nesting, a mislabelled charset), each
applied to a few clear threats and run through what the daemon runs: ``triage.classify``
and ``classify_many`` on the raw bytes, with either prefilter.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable

import pytest

from conftest import RULES_CACHE
from replydraft.detection import prefilter as fastscan
from replydraft.detection.detector import Detector
from replydraft.pipeline import Inputs, classify, classify_many

THREATS = {
    "review": ("I will leave a 1-star review on Google.", "review_threat", "I will leave a 1-star review"),
    "lawyer": ("My lawyer will hear about this.", "legal_threat", "My lawyer will hear about this"),
}
HEADER = (b"From: Jane Doe <jane@customer.example>\r\nTo: support@acme.test\r\nSubject: my order\r\n"
          b"Message-ID: <evasion@customer.example>\r\nMIME-Version: 1.0\r\n")
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\ufe0f\U000e0041"


def plain(text: str, charset: str = "utf-8") -> bytes:
    return HEADER + f"Content-Type: text/plain; charset={charset}\r\n\r\n".encode() + text.encode("utf-8") + b"\r\n"


def html(markup: str) -> bytes:
    return HEADER + b"Content-Type: text/html; charset=utf-8\r\n\r\n" + markup.encode("utf-8") + b"\r\n"


def interleave(text: str, chars: str) -> str:
    """``chars`` taken in turn and put after every letter of ``text``."""
    out, k = [], 0
    for char in text:
        out.append(char)
        if char.isalpha():
            out.append(chars[k % len(chars)])
            k += 1
    return "".join(out)


def between_words(text: str, chars: str) -> str:
    """Every space replaced by one of ``chars``, taken in turn."""
    words = text.split(" ")
    return "".join(w + (chars[i % len(chars)] if i < len(words) - 1 else "") for i, w in enumerate(words))


def style_first(text: str, size: int = 6 * 1024 * 1024, cte: str = "8bit") -> bytes:
    rule = ".c{color:#123456;margin:0 0 0 4px}\r\n"
    markup = f"<html><head><style>{rule * (size // len(rule))}</style></head><body><p>{text}</p></body></html>"
    body = markup.encode()
    if cte == "base64":
        body = base64.encodebytes(body).replace(b"\n", b"\r\n")
    return (HEADER + f"Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: {cte}\r\n\r\n".encode()
            + body + b"\r\n")


def nested_multiparts(text: str, depth: int = 50) -> bytes:
    body = f"Content-Type: text/plain; charset=utf-8\r\n\r\n{text}\r\n".encode()
    for level in range(depth):
        b = f"nest{level}".encode()
        body = (b"Content-Type: multipart/mixed; boundary=\"" + b + b"\"\r\n\r\n--" + b + b"\r\n" + body
                + b"\r\n--" + b + b"--\r\n")
    return HEADER + body


def nested_messages(text: str, depth: int = 20) -> bytes:
    """A forward of a forward of ... as attachments, none with text of its own."""
    inner = (f"From: Jane Doe <jane@customer.example>\r\nSubject: order\r\n"
             f"Content-Type: text/plain; charset=utf-8\r\n\r\n{text}\r\n").encode()
    for level in range(depth):
        b = f"fwd{level}".encode()
        inner = (b"From: someone@customer.example\r\nSubject: Fwd: order\r\nMIME-Version: 1.0\r\n"
                 b"Content-Type: multipart/mixed; boundary=\"" + b + b"\"\r\n\r\n--" + b + b"\r\n"
                 b"Content-Type: message/rfc822\r\n\r\n" + inner + b"\r\n--" + b + b"--\r\n")
    return HEADER + inner.split(b"\r\n", 2)[2]     # our header instead of the outermost one


def utf16(text: str, codec: str, label: str | None, cte: str = "base64") -> bytes:
    data = text.encode(codec)
    ctype = "text/plain" + (f"; charset={label}" if label else "")
    body = base64.encodebytes(data).replace(b"\n", b"\r\n") if cte == "base64" else data
    return HEADER + f"Content-Type: {ctype}\r\nContent-Transfer-Encoding: {cte}\r\n\r\n".encode() + body + b"\r\n"


VARIANTS: dict[str, Callable[[str], bytes]] = {
    "clean": plain,
    "nul-between-words": lambda t: plain(between_words(t, "\x00")),
    "nul-beside-spaces": lambda t: plain(t.replace(" ", " \x00\x00 ")),
    "c0-controls-between-words": lambda t: plain(between_words(t, "\x01\x08\x0b\x0c\x1b\x1f\x7f")),
    "c1-controls-between-words": lambda t: plain(between_words(t, "\x80\x85\x9b\x9f")),
    "zero-width-space-in-words": lambda t: plain(interleave(t, "\u200b")),
    "zero-width-mixed-in-words": lambda t: plain(interleave(t, INVISIBLE)),
    "zero-width-beside-spaces": lambda t: plain(t.replace(" ", " \u200b\u2060\ufeff")),
    "zero-width-flood-before-text": lambda t: plain("\u200b" * 60_000 + " " + t),
    "soft-hyphens-in-words": lambda t: plain(interleave(t, "\u00ad")),
    "html-entities-in-words": lambda t: html("<p>" + interleave(t, "\x00").replace("\x00", "&#8203;&shy;") + "</p>"),
    "html-nul-between-words": lambda t: html("<p>" + between_words(t, "\x00\x01") + "</p>"),
    "style-6mb-before-text": style_first,
    "style-6mb-before-text-base64": lambda t: style_first(t, cte="base64"),
    "script-2mb-before-text": lambda t: style_first(t, 2 * 1024 * 1024).replace(b"style>", b"script>"),
    "nested-multipart-50": nested_multiparts,
    "nested-multipart-300": lambda t: nested_multiparts(t, 300),
    "nested-message-rfc822-20": nested_messages,
    "nested-message-rfc822-60": lambda t: nested_messages(t, 60),
    "utf16le-labelled-utf8": lambda t: utf16(t, "utf-16-le", "utf-8"),
    "utf16le-unlabelled": lambda t: utf16(t, "utf-16-le", None),
    "utf16be-labelled-latin1": lambda t: utf16(t, "utf-16-be", "iso-8859-1"),
    "utf16be-labelled-utf16-no-bom": lambda t: utf16(t, "utf-16-be", "utf-16"),
    "utf16le-8bit-labelled-us-ascii": lambda t: utf16(t, "utf-16-le", "us-ascii", cte="8bit"),
}
CASES = [pytest.param(variant, threat, id=f"{variant}-{threat}") for variant in VARIANTS for threat in THREATS]


@pytest.fixture(params=["keys", "hyperscan"], scope="module")
def detector(request: pytest.FixtureRequest) -> Detector:
    """The built-in rules with either prefilter."""
    if request.param == "hyperscan":
        pytest.importorskip("hyperscan")
        return Detector(prefilter=fastscan.load_rules(RULES_CACHE))
    return Detector()


def visible(phrase: str) -> str:
    """The phrase as a reader sees it: invisible characters gone, controls as spaces."""
    phrase = re.sub(f"[{INVISIBLE}]", "", phrase)
    return " ".join(re.sub(r"[\x00-\x1f\x7f-\x9f]", " ", phrase).split())


@pytest.mark.parametrize("variant, threat", CASES)
def test_a_hidden_escalation_is_still_found(detector: Detector, variant: str, threat: str) -> None:
    text, signal, phrase = THREATS[threat]
    classified = classify(VARIANTS[variant](text), Inputs(detector, "acme.test"))
    assert classified.detection.names == (signal,), (variant, classified.email.new_text[:200])
    (found,) = classified.detection.signals
    assert [visible(e.phrase) for e in found.evidence] == [phrase]


def test_the_batch_path_finds_them_all(detector: Detector) -> None:
    raws = [VARIANTS[variant](THREATS[threat][0]) for variant in VARIANTS for threat in THREATS]
    got = [c.detection.names for c in classify_many(raws, Inputs(detector, "acme.test"))]  # type: ignore[union-attr]
    assert got == [(THREATS[threat][1],) for _ in VARIANTS for threat in THREATS]
