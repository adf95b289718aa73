"""The draft as a MIME message: threading, quoting, and header injection that must not happen."""

from __future__ import annotations

import email
import email.policy
from datetime import UTC, datetime

import pytest

from replydraft.message.extract import parse
from replydraft.reply.draft import (
    answered_by_person,
    body_hash,
    build_draft,
    draft_message_id,
    flowed,
    recipient,
    replies_in_thread,
    reply_subject,
    safe_header,
    thread_keys,
)
from support.flowed import unflow

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def original(headers: str = "", body: str = "Fix it now.\n") -> bytes:
    base = {
        "From": "Jane Doe <jane@customer.example>",
        "Subject": "Broken site",
        "Date": "Mon, 16 Nov 2026 09:12:00 +0100",
        "Message-ID": "<abc@customer.example>",
    }
    lines = [f"{k}: {v}" for k, v in base.items() if f"\n{k}:" not in f"\n{headers}"]
    return ("\r\n".join(lines) + "\r\n" + headers + "\r\n" + body).encode()


def build(raw: bytes):
    return build_draft(parse(raw), "Hello Jane,\n\nReply text.\n", from_address="Acme <support@acme.test>",
                       message_id=draft_message_id("k1", "acme.test"), incident_id="RD-1",
                       signals=("ultimatum",), now=NOW)


def reparse(raw: bytes):
    return email.message_from_bytes(raw, policy=email.policy.default)


def test_a_real_threaded_reply() -> None:
    raw = original("References: <r1@x.example> <r2@x.example>\r\nReply-To: Help <help@customer.example>\r\n")
    draft = build(raw)
    msg = reparse(draft.raw)
    assert msg["From"] == "Acme <support@acme.test>"
    assert msg["To"] == "help@customer.example"        # Reply-To wins over From
    assert msg["Subject"] == "Re: Broken site"
    assert msg["In-Reply-To"] == "<abc@customer.example>"
    assert msg["References"].split() == ["<r1@x.example>", "<r2@x.example>", "<abc@customer.example>"]
    assert msg["Message-ID"] == "<replydraft.k1@acme.test>"
    assert msg["X-Replydraft-Incident"] == "RD-1"
    assert msg["Date"] == "Fri, 20 Nov 2026 10:00:00 +0000"
    assert msg.get_content_type() == "text/plain" and msg.get_content_charset() == "utf-8"
    body = msg.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert "Reply text." in body
    assert "On Mon, 16 Nov 2026 at 09:12, Jane Doe wrote:\n> Fix it now." in body
    assert b"\r\n" in draft.raw and b"\n" not in draft.raw.replace(b"\r\n", b"")
    assert not msg.defects


def test_to_is_from_when_there_is_no_reply_to() -> None:
    assert reparse(build(original()).raw)["To"] == "Jane Doe <jane@customer.example>"


@pytest.mark.parametrize("subject,expected", [
    ("Hello", "Re: Hello"),
    ("Re: Hello", "Re: Hello"),
    ("RE: re: Re[2]: Hello", "Re: Hello"),
    ("AW: Hello", "Re: Hello"),
    ("", "Re: your message"),
])
def test_subject_does_not_stack(subject: str, expected: str) -> None:
    assert reply_subject(subject) == expected


INJECTIONS = [
    "Subject: =?UTF-8?Q?a=0ABcc:_evil@attacker.example?=",            # CVE-2024-6923
    "Subject: =?UTF-8?B?aGkNCkJjYzogZXZpbEBhdHRhY2tlci5leGFtcGxl?=",  # base64 CRLF Bcc
    "Subject: =?UTF-8?Q?=3D=3FUTF-8=3FQ=3Fa=3D0ABcc=3A=5Fevil=40x=3F=3D?=",  # a literal encoded-word
    'From: "=?UTF-8?Q?Jane=0D=0ABcc:_evil@attacker.example?=" <jane@customer.example>',
    "Message-ID: <abc@customer.example>\r\nIn-Reply-To: <x@y>\r\nBcc: evil@attacker.example",
]


@pytest.mark.parametrize("header", INJECTIONS)
def test_customer_headers_cannot_inject_headers(header: str) -> None:
    draft = build(original(header + "\r\n"))
    msg = reparse(draft.raw)
    assert msg["Bcc"] is None and msg["Cc"] is None
    head = draft.raw.split(b"\r\n\r\n", 1)[0]
    assert b"\nBcc" not in head and b"\nbcc" not in head.lower()
    for name in ("Subject", "To"):
        assert "\n" not in msg[name] and "\r" not in msg[name]


def test_safe_header_strips_controls_and_encoded_words() -> None:
    assert safe_header("a\r\nBcc: x\x00\u2028y") == "a Bcc: x y"
    assert "=?" not in safe_header("=?utf-8?q?x?=")
    assert len(safe_header("x" * 5000)) == 998


def test_message_without_message_id_still_gets_a_draft() -> None:
    raw = b"From: a@b.example\r\nSubject: hi\r\n\r\nbody\r\n"
    msg = reparse(build(raw).raw)
    assert msg["In-Reply-To"] is None and msg["References"] is None
    assert msg["To"] == "a@b.example"


def test_thread_keys_and_body_hash_are_stable() -> None:
    first = parse(_thread_message(1))
    reply = parse(_thread_message(2, "<m1@client.example>"))
    fresh = parse(_thread_message(3).replace(b"Subject: Logo files", b"Subject: RE:  logo   FILES"))
    assert thread_keys(first) == thread_keys(reply) == ("<m1@client.example>", "logo files")
    assert thread_keys(fresh)[1] == "logo files"
    raw = b"Subject: x\r\nMessage-ID: <a@b>\r\n\r\nHello \r\nthere\r\n"
    assert body_hash(raw) == body_hash(raw.replace(b"\r\n", b"\n")) != body_hash(raw.replace(b"there", b"here"))


def _thread_message(n: int, refs: str = "") -> bytes:
    threading = f"In-Reply-To: {refs}\r\nReferences: {refs}\r\n" if refs else ""
    return (f"From: Rita <rita@client.example>\r\nSubject: {'Re: ' if refs else ''}Logo files\r\n"
            f"Message-ID: <m{n}@client.example>\r\n{threading}\r\nbody\r\n").encode()


@pytest.mark.parametrize("headers, mode, to, noted", [
    ("", "from-domain", "jane@customer.example", False),
    ("Reply-To: help@customer.example\r\n", "from-domain", "help@customer.example", False),
    ("Reply-To: help@eu.customer.example\r\n", "from-domain", "help@eu.customer.example", False),
    ("Reply-To: billing@evil.example\r\n", "from-domain", "jane@customer.example", True),
    ("Reply-To: billing@notcustomer.example\r\n", "from-domain", "jane@customer.example", True),
    ("Reply-To: billing@evil.example\r\n", "reply-to", "billing@evil.example", True),
    ("Reply-To: help@customer.example\r\n", "reply-to", "help@customer.example", False),
])
def test_the_recipient_is_in_the_from_domain_unless_configured(headers: str, mode: str, to: str,
                                                                noted: bool) -> None:
    address, note = recipient(parse(original(headers)), mode)
    assert address == to and bool(note) is noted and (not noted or "billing@" in note)


def test_an_unreadable_from_has_no_recipient_unless_reply_to_is_followed() -> None:
    email = parse(original("Reply-To: help@customer.example\r\n").replace(b"jane@customer.example", b"ja\x01ne@x"))
    assert recipient(email)[0] == "" and recipient(email, "reply-to")[0] == "help@customer.example"


def test_notes_for_the_reviewer_head_the_draft_in_both_parts() -> None:
    draft = build_draft(parse(original()), "Hello Jane,\n", html="<html><body><p>Hello Jane,</p></body></html>",
                        from_address="Acme <support@acme.test>", message_id="<d@acme.test>", incident_id="RD-1",
                        signals=("ultimatum",), now=NOW, to="jane@customer.example", notes=("Check <this>.",))
    msg = reparse(draft.raw)
    assert msg.get_body(("plain",)).get_content().startswith("[replydraft] Check <this>.\r\n\r\nHello Jane,")
    assert "<body>\r\n<p><strong>[replydraft] Check &lt;this&gt;.</strong></p>" in msg.get_body(("html",)).get_content()
    assert draft.recipient == "jane@customer.example" and draft.to == "Jane Doe <jane@customer.example>"


@pytest.mark.parametrize("headers, reaches", [
    ("", False),                                                     # same subject only
    ("In-Reply-To: <ABC@customer.example>\r\n", True),               # a reply to it
    ("References: <root@customer.example> <x@y.example>\r\n", True),  # a reply further down its thread
    ("References: <other@customer.example>\r\n", False),
])
def test_a_follow_up_reaches_a_thread_only_by_its_message_ids(headers: str, reaches: bool) -> None:
    email = parse(original(headers).replace(b"<abc@customer.example>", b"<new@customer.example>"))
    assert replies_in_thread(email, "<abc@customer.example>", "<root@customer.example>") is reaches


LONG = "The site has been down since Monday and " * 6 + "nobody answered."
URL = "https://example.com/" + "very-long-path/" * 8 + "?q=1"


@pytest.mark.parametrize("lines", [
    [(0, LONG)],                                                   # a long paragraph
    [(0, f"See {URL} for the invoice, and {URL} again.")],          # words longer than a line stay whole
    [(1, LONG), (2, LONG), (3, "short")],                          # quoted, nested
    [(0, ">not a quote"), (0, "From here on"), (0, "  indented"), (0, "From")],   # space-stuffed
    [(0, "Kind regards,"), (0, "-- "), (0, "Acme Ltd"), (1, "-- "), (1, "Jane")],  # signature separators
    [(0, "Grüße aus Köln: " + "Straße " * 20 + "!"), (1, "日本語のテキスト " * 12 + "。")],      # non-ASCII
    [(0, "- one"), (0, "- two"), (0, ""), (1, ""), (0, "x" * 78), (0, "y" * 77 + " z")],
    [(0, "word  " * 30 + "end")],                                  # runs of spaces survive
])
def test_flowed_text_reads_back_as_the_same_paragraphs(lines: list[tuple[int, str]]) -> None:
    text = flowed(lines)
    assert unflow(text) == lines
    for line in text.split("\n"):
        assert len(line) <= 78 or " " not in line.lstrip("> ").rstrip(" "), line   # only one unbreakable word


def test_flowed_stuffing_quoting_and_hard_breaks() -> None:
    text = flowed([(0, ">x"), (0, "From y"), (0, " z"), (0, "Fromage"), (0, "trailing   "), (0, "-- "),
                   (1, ">not deeper"), (1, ""), (2, "x"), (1, "-- ")])
    assert text.split("\n") == [" >x", " From y", "  z", "Fromage", "trailing", "-- ",
                                 "> >not deeper", ">", ">> x", "> -- "]
    wrapped = flowed([(0, "From " + "a " * 40 + "end")]).split("\n")
    assert wrapped[0].startswith(" From a") and len(wrapped[0]) <= 78 and wrapped[0].endswith(" ")
    continuation = flowed([(0, "a " * 38 + "From b")]).split("\n")
    assert continuation[1] == " From b"                            # a wrapped line is stuffed too


def test_the_draft_is_format_flowed_and_the_quoted_original_wraps() -> None:
    raw = original("Content-Type: text/plain; charset=utf-8\r\n",
                   body=f"{LONG} Ünïcode.\r\n> > {LONG}\r\nFrom now on.\r\n")
    def make():  # type: ignore[no-untyped-def]
        return build_draft(parse(raw), f"Hello Jane,\r\n\r\n{LONG} {URL}\r\n\r\n-- \r\nAcme",
                           from_address="Acme <support@acme.test>", message_id="<d@acme.test>", incident_id="RD-1",
                           signals=("ultimatum",), now=NOW, notes=("A note for the reviewer that is long. " * 3,))
    draft, again = make(), make()
    assert draft.raw == again.raw                                  # the same bytes: exactly-once hashes them
    part = reparse(draft.raw).get_body(("plain",))
    assert part.get_content_type() == "text/plain" and part.get_param("format") == "flowed"
    assert part.get_param("delsp") == "no" and part["Content-Transfer-Encoding"] == "quoted-printable"
    text = part.get_content()
    assert all(len(line) <= 78 or URL in line for line in text.split("\r\n"))
    assert unflow(text) == [(0, "[replydraft] " + ("A note for the reviewer that is long. " * 3).rstrip()), (0, ""),
                            (0, "Hello Jane,"), (0, ""), (0, f"{LONG} {URL}"), (0, ""), (0, "-- "), (0, "Acme"),
                            (0, ""), (0, "On Mon, 16 Nov 2026 at 09:12, Jane Doe wrote:"),
                            (1, f"{LONG} Ünïcode."), (3, LONG), (1, "From now on.")]


def test_an_original_wrapped_by_the_customers_client_is_quoted_without_ragged_lines() -> None:
    import textwrap
    paragraph = ("I have written to you three times now about the export that fails every night, and each "
                 "time I am told that it is being looked at. Nothing has changed in two weeks. ") * 2
    body = "\r\n".join([*textwrap.wrap(paragraph, 76), "", "Thanks,", "Sam", "12 High Street"])
    raw = original("Content-Type: text/plain; charset=utf-8\r\n", body=body + "\r\n")
    draft = build_draft(parse(raw), "Hello Sam,", from_address="Acme <support@acme.test>",
                        message_id="<d@acme.test>", incident_id="RD-1", signals=("ultimatum",), now=NOW)
    text = reparse(draft.raw).get_body(("plain",)).get_content()
    quoted = [line.rstrip() for line in text.split("\r\n") if line.startswith(">")]
    assert all(len(line) <= 78 for line in quoted)
    assert all(len(line) > 50 for line in quoted[:quoted.index(">") - 1]), quoted   # no one-word lines
    assert quoted[-4:] == [">", "> Thanks,", "> Sam", "> 12 High Street"]          # short lines keep their breaks
    assert (1, paragraph.strip()) in unflow(text)


def test_the_messages_a_draft_answers_leave_out_our_own_drafts() -> None:
    saved = {"Message-ID": "<1@mua.example>", "In-Reply-To": "<A@Client.example>",
             "References": "<t0@client.example>\r\n <a@client.example>"}
    assert answered_by_person(saved) == {"<a@client.example>", "<t0@client.example>"}
    assert answered_by_person({**saved, "Message-ID": "<replydraft.abc@acme.test>"}) == set()
    assert answered_by_person({"Message-ID": "<1@mua.example>"}) == set()
