"""Parsing customer mail: new text only, any charset, never an exception."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from replydraft.extract import html_to_text, new_text, parse


def test_headers_and_plain_body() -> None:
    mail = parse(b"From: \"Doe, Jane\" <Jane@Example.COM>\r\nReply-To: help@example.com\r\n"
                 b"Subject: =?utf-8?q?Gr=C3=BC=C3=9Fe?=\r\nMessage-ID: <a@b>\r\n"
                 b"References: <x@y> <a@b>\r\nDate: Mon, 16 Nov 2026 09:12:00 +0100\r\n\r\nHello\r\n")
    assert (mail.from_name, mail.from_addr, mail.reply_to) == ("Doe, Jane", "jane@example.com", "help@example.com")
    assert mail.subject == "Grüße" and mail.message_id == "<a@b>"
    assert mail.references == ("<x@y>", "<a@b>") and mail.date is not None
    assert mail.new_text == "Hello" and mail.automated is None


def test_quoted_history_and_signature_are_not_new_text() -> None:
    text = ("I am still waiting.\n\n-- \nJane\n")
    assert new_text(text) == "I am still waiting."
    text = "Thanks!\n\nOn Mon, 16 Nov 2026 at 09:12, Acme Support <s@acme.test>\nwrote:\n> my lawyer\n"
    assert new_text(text) == "Thanks!"
    text = "Fine.\n\n-----Original Message-----\nFrom: x\nSent: y\n\nI will sue\n"
    assert new_text(text) == "Fine."
    text = "Gut.\n\nAm 16.11.2026 um 09:12 schrieb Acme <s@acme.test>:\n> Anwalt\n"
    assert new_text(text) == "Gut."
    assert new_text("ok\n> quoted lawsuit\nmore") == "ok\nmore"


def test_html_only_mail_becomes_text_without_quotes() -> None:
    html = ('<html><body><p>Please fix&nbsp;this</p><div class="gmail_quote">On ... wrote:'
            '<blockquote>lawsuit</blockquote></div><script>x()</script></body></html>')
    assert html_to_text(html + "<p>After the quote</p>").split() == "Please fix this After the quote".split()
    raw = b"From: a@b.example\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Hi <b>there</b></p>\r\n"
    assert parse(raw).new_text == "Hi there"


def test_charsets_and_encodings() -> None:
    latin = "Grüße, Müller".encode("latin-1")
    raw = b"From: a@b.example\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\r\n" + latin
    assert parse(raw).text == "Grüße, Müller"
    mislabeled = b"From: a@b.example\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + latin
    assert "M" in parse(mislabeled).text
    unknown = b"From: a@b.example\r\nContent-Type: text/plain; charset=x-nonsense\r\n\r\nhello"
    assert parse(unknown).text == "hello"
    b64 = (b"From: a@b.example\r\nContent-Type: text/plain; charset=utf-8\r\n"
           b"Content-Transfer-Encoding: base64\r\n\r\nSMOpbGxv\r\n")
    assert parse(b64).text == "Héllo"


def test_attachments_are_skipped() -> None:
    raw = (b"From: a@b.example\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=XX\r\n\r\n"
           b"--XX\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n"
           b"--XX\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=a.txt\r\n\r\n"
           b"I will sue you\r\n--XX--\r\n")
    assert parse(raw).text.strip() == "see attached"


def test_a_huge_attachment_is_dropped_before_parsing() -> None:
    import base64
    import os

    attachment = base64.encodebytes(os.urandom(3_000_000))
    raw = (b"From: a@b.example\r\nContent-Type: multipart/mixed; boundary=XX\r\n\r\n--XX\r\n"
           b"Content-Type: text/plain\r\n\r\nsee the contract\r\n--XX\r\nContent-Type: application/pdf\r\n"
           b"Content-Transfer-Encoding: base64\r\n\r\n" + attachment + b"--XX--\r\n")
    mail = parse(raw)
    assert mail.new_text == "see the contract" and "LargeAttachmentSkipped" in mail.defects


def test_automated_mail_is_recognised() -> None:
    for header in (b"Auto-Submitted: auto-replied", b"Precedence: bulk", b"List-Id: <x.example>",
                   b"X-Autoreply: yes", b"Return-Path: <>"):
        assert parse(b"From: a@b.example\r\n" + header + b"\r\n\r\nhi").automated
    assert parse(b"From: no-reply@shop.example\r\n\r\nhi").automated
    assert parse(b"From: a@b.example\r\nAuto-Submitted: no\r\n\r\nhi").automated is None


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_parse_never_raises_on_arbitrary_bytes(raw: bytes) -> None:
    parse(raw)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([
    b"From: ", b"Subject: =?utf-8?q?", b"?=", b"Content-Type: multipart/mixed; boundary=", b"--", b"\r\n",
    b"Content-Transfer-Encoding: base64", b"charset=", b"x-unknown", b"\xff\xfe", b"<", b">", b"@", b"=",
    b"text/html", b"<blockquote>", b"Message-ID: ", b"\x00", b":"]), max_size=60))
def test_parse_never_raises_on_mime_like_bytes(parts: list[bytes]) -> None:
    mail = parse(b"".join(parts))
    assert "\n" not in mail.subject and "\r" not in mail.from_name
