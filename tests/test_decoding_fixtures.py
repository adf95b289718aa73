"""Every decoding case has a real .eml: what must be found in the new text, and what must not.

The fixtures in tests/fixtures/decoding/ are small, hand-made messages written as bytes
(so the non-UTF-8 ones are really in their charset). The 20 MB attachment cases are built
here at test time. The fuzz test at the end runs the whole pure pipeline on mutated
fixtures.
"""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from replydraft.config import Policy
from replydraft.detection.detector import Detector
from replydraft.message.extract import InboundEmail, parse
from replydraft.pipeline import Context, triage
from replydraft.reply.render import Renderer

FIXTURES = Path(__file__).parent / "fixtures" / "decoding"


@dataclass(frozen=True)
class Case:
    file: str
    new: tuple[str, ...]                 # each must be in new_text
    absent: tuple[str, ...] = ()         # none may be in new_text (quotes, footers, attachments)
    defect: str | None = None            # must be in defects
    note: str | None = None              # must be a substring of one note
    subject: str | None = None


CASES = [
    # charsets, declared and mis-declared
    Case("utf8.eml", ("Rückerstattung für Bestellung 4711", "😊"), ("Rechtsabteilung",), subject="Rückerstattung"),
    Case("latin1.eml", ("Grüße aus Köln", "seit März"), ("Inkasso",)),
    Case("cp1252.eml", ("\u201cWe\u2019re still waiting\u201d \u2014 the \u20ac40 refund\u2026",), ("collections",)),
    Case("mislabelled-utf8-as-latin1.eml", ("Café crème, naïve façade – 10 €",), ("Ã",), defect="CharsetMismatch"),
    Case("mislabelled-cp1252-as-utf8.eml", ("\u201cSmart quotes\u201d aren\u2019t", "café"), ("\ufffd",),
         defect="CharsetMismatch"),
    Case("iso-2022-jp.eml", ("返金はまだですか。注文番号は4711です。",), ("弁護士", "\x1b"), subject="返金について"),
    Case("shift_jis.eml", ("配送が遅れています。至急ご連絡ください。",), ("山田太郎",)),
    Case("gb2312.eml", ("我们还没有收到退款，请尽快处理。喆",), ("律师", "写道")),   # 喆 is GBK, not GB2312
    Case("koi8-r.eml", ("мы до сих пор ждём возврат денег",), ("Иван",)),
    Case("unknown-charset.eml", ("A naïve question",), (), defect="UnknownCharset"),
    Case("charset-aliases.eml", ("Part one: déjà vu.", "Part two: Ærøskøbing.", "Part three: \u201cquoted\u201d.",
                                 "Part four: Zürich."), ("\ufffd",)),
    # transfer encodings
    Case("base64.eml", ("Héllo, the invoice is wrong.",), ("old quoted reply",), defect="InvalidBase64"),
    Case("quoted-printable.eml", ("Grüße, this delay is unacceptable and the box was damaged.",),
         ("lawyer", "=C3", "wrote")),
    # HTML
    Case("html-only.eml", ("Tom & Jerry\u2019s order #4711", "is still missing."),
         ("color:red", "alert(", "ignored title", "<p>")),
    Case("html-with-gmail-quote.eml", ("Still broken after the update.", "My own indented words."),
         ("lawyer", "wrote")),
    Case("outlook-html-reply.eml", ("Please cancel my subscription, schön wäre es.",), ("collections", "Sent:")),
    Case("outlook-desktop-html-reply.eml", ("Die Rechnung ist falsch.",), ("Inkasso", "Gesendet")),
    Case("html-thunderbird-reply.eml", ("The replacement is also defective.",), ("solicitor", "Jane Doe")),
    Case("html-yahoo-reply.eml", ("Where is my parcel?",), ("legal department",)),
    Case("alternative-plain-and-html.eml", ("PLAIN version wins.",), ("HTML version",)),
    # quoted history, forwards, signatures, footers
    Case("outlook-plain-reply-de.eml", ("ich warte noch immer auf die Gutschrift",), ("Rechtsabteilung", "Gesendet:")),
    Case("outlook-plain-reply-fr.eml", ("La facture est toujours fausse.",), ("tribunal", "Envoyé")),
    Case("outlook-plain-reply-bold.eml", ("The courier lost it again.",), ("attorney", "*From:*", "____")),
    Case("french-reply.eml", ("je n\u2019ai toujours pas reçu ma commande",), ("avocat", "écrit")),
    Case("forwarded.eml", ("Can you explain this charge?",), ("legal action", "Forwarded")),
    Case("forward-de-weitergeleitet.eml", ("Siehe unten, das ist inakzeptabel.",), ("Inkasso",)),
    Case("forward-only.eml", ("I have been waiting three weeks for an answer.",), ("From:", "Jane"),
         note="forwarded message"),
    Case("forward-as-attachment.eml", ("I asked for a refund twice already.",), note="attached message"),
    Case("signature-and-footer.eml", ("Please keep this confidential between us", "Jane Doe"),
         ("legal action", "CONFIDENTIALITY", "environment"), note="legal footer"),
    Case("signature-mobile.eml", ("I want a refund now.",), ("iPhone", "Anwalt")),
    # headers and parameters
    Case("rfc2047-headers.eml", ("Header test body.",), subject="Grüße aus KölncafécaféEnde offen"),
    Case("rfc2231-params.eml", ("Der Schlüssel fehlt.",), ("ATTACHED-RATES",)),
    Case("inline-attachment-with-filename.eml", ("See the log below.",), ("I will sue",)),
    # malformed MIME
    Case("malformed-missing-boundary.eml", ("The parcel never arrived.",), ("JVBERi", "Content-Type", "--b1"),
         defect="NoBoundaryInMultipartDefect"),
    Case("malformed-truncated.eml", ("Déjà la troisième fois",), (), defect="CloseBoundaryNotFoundDefect"),
]


def test_every_fixture_has_a_case() -> None:
    assert sorted(p.name for p in FIXTURES.glob("*.eml")) == sorted(c.file for c in CASES)


def check(mail: InboundEmail, case: Case) -> None:
    for wanted in case.new:
        assert wanted in mail.new_text, (wanted, mail.new_text)
    for unwanted in case.absent:
        assert unwanted not in mail.new_text, (unwanted, mail.new_text)
    if case.defect:
        assert case.defect in mail.defects
    if case.note:
        assert any(case.note in note for note in mail.notes), mail.notes
    if case.subject is not None:
        assert mail.subject == case.subject


@pytest.mark.parametrize("case", CASES, ids=[c.file for c in CASES])
def test_fixture(case: Case) -> None:
    mail = parse((FIXTURES / case.file).read_bytes())
    check(mail, case)
    assert mail.from_addr.endswith(".example")


def test_rfc2047_display_name_with_an_encoded_comma_keeps_its_address() -> None:
    mail = parse((FIXTURES / "rfc2047-headers.eml").read_bytes())
    assert (mail.from_name, mail.from_addr) == ("Müller, Jörg", "joerg@kunde.example")


# -- a 20 MB attachment, generated here (never committed) -----------------------------------

ATTACHMENT = os.urandom(15_000_000)      # 20 MB once base64-encoded


def with_attachment(encoded: bytes, nl: bytes, *, text_first: bool = True, ctype: bytes = b"application/pdf",
                    disposition: bytes = b"attachment") -> bytes:
    text = (b"--XX" + nl + b"Content-Type: text/plain; charset=utf-8" + nl + nl +
            b"I will see you in court over this contract." + nl)
    attachment = (b"--XX" + nl + b"Content-Type: " + ctype + b"; name=contract.pdf" + nl +
                  b"Content-Disposition: " + disposition + b"; filename=contract.pdf" + nl +
                  b"Content-Transfer-Encoding: base64" + nl + nl + encoded + nl)
    return (b"From: Jane <jane@customer.example>" + nl + b"Subject: contract" + nl + b"MIME-Version: 1.0" + nl +
            b"Content-Type: multipart/mixed; boundary=XX" + nl + nl +
            (text + attachment if text_first else attachment + text) + b"--XX--" + nl)


@pytest.mark.parametrize("shape", ["lf-lines", "crlf-lines", "one-line", "attachment-first", "inline-text-plain"])
def test_a_20mb_attachment_is_skipped(shape: str) -> None:
    lines = base64.encodebytes(ATTACHMENT)
    raw = {
        "lf-lines": lambda: with_attachment(lines, b"\n"),
        "crlf-lines": lambda: with_attachment(lines.replace(b"\n", b"\r\n"), b"\r\n"),
        "one-line": lambda: with_attachment(base64.b64encode(ATTACHMENT), b"\r\n"),
        "attachment-first": lambda: with_attachment(lines.replace(b"\n", b"\r\n"), b"\r\n", text_first=False),
        "inline-text-plain": lambda: with_attachment(lines, b"\n", ctype=b"text/plain", disposition=b"inline"),
    }[shape]()
    mail = parse(raw)
    assert mail.new_text == "I will see you in court over this contract."
    assert "LargeAttachmentSkipped" in mail.defects


def test_a_huge_base64_text_body_is_cut_short_not_dropped() -> None:
    text = ("I am furious about the invoice. " * 600_000).encode()
    raw = (b"From: j@customer.example\r\nContent-Type: text/plain; charset=utf-8\r\n"
           b"Content-Transfer-Encoding: base64\r\n\r\n" + base64.encodebytes(text))
    mail = parse(raw)
    assert mail.new_text.startswith("I am furious about the invoice.")
    assert "LargeTextPartTruncated" in mail.defects and len(mail.text) < 300_000


def test_a_huge_body_without_line_breaks_is_truncated_not_emptied() -> None:
    raw = b"From: j@customer.example\r\nContent-Type: text/plain\r\n\r\n" + b"I will sue you. " * 1_500_000
    mail = parse(raw)
    assert mail.new_text.startswith("I will sue you.")
    assert "MessageTruncated" in mail.defects and any("only the beginning" in n for n in mail.notes)


# -- fuzz: the whole pure pipeline on mutated fixtures ---------------------------------------

CONTEXT = Context(account="fuzz", from_address="Acme Support <support@acme.test>",
                  policy=Policy(company="Acme", sender_name="Dana"), detector=Detector(),
                  renderer=Renderer.create(), now=datetime(2026, 11, 17, 12, 0, tzinfo=UTC))
SEEDS = [p.read_bytes() for p in sorted(FIXTURES.glob("*.eml"))]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    raw = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["flip", "truncate", "duplicate-header", "insert", "delete"]))
        at = draw(st.integers(0, max(0, len(raw) - 1)))
        if kind == "flip" and raw:
            raw[at] ^= draw(st.integers(1, 255))
        elif kind == "truncate":
            del raw[at:]
        elif kind == "duplicate-header":
            lines = bytes(raw).split(b"\r\n\r\n", 1)[0].split(b"\r\n")
            line = draw(st.sampled_from(lines)) if lines else b""
            raw[at:at] = line + b"\r\n"
        elif kind == "insert":
            raw[at:at] = draw(st.sampled_from([b"\r\n", b"\n\n", b"--", b"=?utf-8?b?", b"?=", b"=\r\n", b"<",
                                               b"<blockquote>", b"\x1b$B", b"\xff\xfe", b"> ", b"From: x\r\n",
                                               b"Content-Type: multipart/mixed; boundary=XX\r\n", b"--XX\r\n",
                                               b"Content-Transfer-Encoding: base64\r\n", b"charset*=''x"]))
        elif kind == "delete":
            del raw[at:at + draw(st.integers(1, 40))]
    return bytes(raw)


HEADERS = ("message_id", "from_name", "from_addr", "reply_to", "subject", "in_reply_to")


def test_a_broken_from_address_is_dropped_not_drafted_to() -> None:
    # Found by the fuzz test below: parseaddr gives "jane@customer.", which no To: header takes.
    raw = (b"From: Jane Doe <jane@customer.: =?utf-8?b?X-Test: x\r\nSubject: s\r\n\r\n"
           b"I will sue you and post a 1-star review everywhere.\r\n")
    outcome = triage(raw, CONTEXT)
    assert outcome.email.from_addr == "" and outcome.email.from_name == "Jane Doe"


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_triage_never_raises_on_mutated_fixtures(raw: bytes) -> None:
    outcome = triage(raw, CONTEXT)
    mail = outcome.email
    for name in HEADERS:
        value = getattr(mail, name)
        assert "\r" not in value and "\n" not in value, (name, value)
    assert all("\r" not in r and "\n" not in r for r in mail.references)
    if outcome.draft is not None:
        head = outcome.draft.raw.split(b"\r\n\r\n", 1)[0]
        assert b"\n" not in head.replace(b"\r\n", b"") and b"\r" not in head.replace(b"\r\n", b"")
