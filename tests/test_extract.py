"""Parsing customer mail: new text only, any charset, never an exception."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from replydraft.message.extract import InboundEmail, html_to_text, new_text, parse


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
    assert html_to_text(html + "<p>After the quote</p>").split() == ["Please", "fix", "this", "After", "the", "quote"]
    raw = b"From: a@b.example\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Hi <b>there</b></p>\r\n"
    assert parse(raw).new_text == "Hi there"


@pytest.mark.parametrize("value, addr", [
    ("Jane <Jane.Doe+tag@Example.COM>", "jane.doe+tag@example.com"),
    ("jane@customer.", ""), ("jane@.example", ""), ("jane..doe@x.example", ""), ("<@x.example>", ""),
    ('"jane doe"@x.example', ""), ("jane@x_y.example", ""), ("not an address", ""), ("@", ""),
    ("Jane <jane@exämple.de>", "jane@xn--exmple-cua.de"), ("jörg@example.de", ""),
])
def test_only_usable_addresses_are_returned(value: str, addr: str) -> None:
    assert parse(f"From: {value}\r\n\r\nhi".encode()).from_addr == addr


@pytest.mark.parametrize("value, name, addr", [
    (b"Rita\rAmes <rita@client.example>", "Rita Ames", "rita@client.example"),        # bare CR in the name
    (b"Rita\r\nAmes <rita@client.example>", "Rita Ames", "rita@client.example"),     # ... stored as a line end
    (b"Rita <rita@client\r.example>", "Rita", "rita@client.example"),                # bare CR in the address
    (b"Rita <rita@client\r\n.example>", "Rita", "rita@client.example"),             # not "rita@client"
    (b"Rita\x01 Ames\x1b <rita@client.example>", "Rita Ames", "rita@client.example"),
    (b"Rita <rita@[192.0.2.1]>", "Rita", "rita@[192.0.2.1]"),                       # IP literals
    (b"rita@[IPv6:2001:DB8::1]", "", "rita@[ipv6:2001:db8::1]"),
    (b"Rita <ri\x01ta@client.example>", "Rita", ""),                                # which address? unreadable
    (b"Rita <rita@client.example\x7f>", "Rita", ""),
    (b"ri\x00ta@client.example", "", ""),
    (b"Rita <rita@[300.1.1.1.1]>", "Rita", ""),
])
def test_a_from_with_control_characters_or_an_ip_literal(value: bytes, name: str, addr: str) -> None:
    email = parse(b"From: " + value + b"\r\nSubject: Logo\r\nMessage-ID: <a@b.example>\r\n\r\nhi\r\n")
    assert (email.from_name, email.from_addr, email.subject, email.text) == (name, addr, "Logo", "hi\n")


def test_a_missing_blank_line_after_the_header_is_not_mended_elsewhere() -> None:
    email = parse(b"Subject: x\r\nHello there\r\n\r\nMore\r\n")
    assert (email.subject, email.text) == ("x", "Hello there\n\nMore\n")


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


# -- quoted history, forwards, signatures and footers ---------------------------------------

NEW = "The parcel is still missing."
NBSP = "\u00a0"


@pytest.mark.parametrize("attribution", [
    "On Mon, 16 Nov 2026 at 09:12, Acme Support <support@acme.test> wrote:",
    "On Mon, 16 Nov 2026 at 09:12, Acme Support <support@acme.test>\nwrote:",
    "On Mon, Nov 16, 2026 at 9:12 AM Acme Support <\nsupport@acme.test> wrote:",
    "On 16 Nov 2026, at 09:12, Acme Support <support@acme.test> wrote:",
    "Acme Support <support@acme.test> wrote:",
    "Am Mo., 16. Nov. 2026 um 09:12 Uhr schrieb Acme Support <support@acme.test>:",
    "Am 16.11.2026 um 09:12 schrieb Acme Support <\nsupport@acme.test>:",
    f"Le lun. 16 nov. 2026 à 09:12, Acme Support <support@acme.test> a{NBSP}écrit{NBSP}:",
    "Le 16/11/2026 à 09:12, Acme Support a écrit :",
    "El lun, 16 nov 2026 a las 9:12, Acme Support (<support@acme.test>) escribió:",
    "Il giorno lun 16 nov 2026 alle ore 09:12 Acme Support <support@acme.test> ha scritto:",
    "Op ma 16 nov. 2026 om 09:12 schreef Acme Support <support@acme.test>:",
    "Em seg., 16 de nov. de 2026 às 09:12, Acme Support <support@acme.test> escreveu:",
    "Den mån 16 nov. 2026 kl 09:12 skrev Acme Support <support@acme.test>:",
    "Den man. 16. nov. 2026 kl. 09.12 skrev Acme Support <support@acme.test>:",
    "man. 16. nov. 2026 kl. 09:12 skrev Acme Support <support@acme.test>:",
    "Acme Support <support@acme.test> skrev:",
    "Jane wrote:",                                                   # no date, but '>' lines follow
    "W dniu 16.11.2026 o 09:12 Acme Support <support@acme.test> napisał(a):",  # unknown language
])
def test_localised_attributions_start_the_quote(attribution: str) -> None:
    text = f"{NEW}\n\n{attribution}\n> We will hand this to our lawyer.\n"
    assert new_text(text) == NEW


@pytest.mark.parametrize("block", [
    "From: Acme Support <support@acme.test>\nSent: Monday, November 16, 2026 9:12 AM\nTo: Jane\nSubject: RE: x",
    "*From:* Acme Support <support@acme.test>\n*Sent:* Monday, November 16, 2026 9:12 AM\n*To:* Jane\n*Subject:* x",
    "**From:** Acme\n**Sent:** Monday\n**Subject:** x",
    "Von: Acme Support <support@acme.test>\nGesendet: Montag, 16. November 2026 09:12\nAn: Jane\nBetreff: AW: x",
    f"De{NBSP}: Acme Support\nEnvoyé{NBSP}: lundi 16 novembre 2026 09:12\nÀ{NBSP}: Jane\nObjet{NBSP}: RE: x",
    "De: Acme Support\nEnviado: lunes, 16 de noviembre de 2026 9:12\nPara: Jane\nAsunto: RE: x",
    "Van: Acme Support\nVerzonden: maandag 16 november 2026 09:12\nAan: Jane\nOnderwerp: RE: x",
    "Da: Acme Support\nInviato: lunedì 16 novembre 2026 09:12\nA: Jane\nOggetto: R: x",
    "-----Original Message-----\nFrom: Acme\nSent: Monday\nTo: Jane\nSubject: x",
    "-----Ursprüngliche Nachricht-----\nVon: Acme\nGesendet: Montag",
    "-----Message d'origine-----\nDe : Acme",
    "-----Mensaje original-----\nDe: Acme",
    "-----Messaggio originale-----\nDa: Acme",
    "-----Oorspronkelijk bericht-----\nVan: Acme",
    "________________________________\nFrom: Acme Support\nSent: Monday\nTo: Jane\nSubject: x",
    "---------- Forwarded message ---------\nFrom: Acme <support@acme.test>\nDate: Mon, Nov 16, 2026\nSubject: x",
    "Begin forwarded message:\n\nFrom: Acme <support@acme.test>\nSubject: x",
    "-------- Weitergeleitete Nachricht --------\nBetreff: x\nVon: Acme",
    "-------- Message transféré --------\nSujet : x",
    "Début du message réexpédié :\n\nDe: Acme",
])
def test_outlook_blocks_separators_and_forwards_start_the_history(block: str) -> None:
    assert new_text(f"{NEW}\n\n{block}\n\nWe will hand this to our lawyer.\n") == NEW


@pytest.mark.parametrize("signature", [
    "-- \nJane Doe\nACME Ltd", "--\nJane", "Sent from my iPhone", "Sent from my Android phone",
    "Get Outlook for iOS", "Get Outlook for Android", "Von meinem iPhone gesendet", "Envoyé de mon iPhone",
    "Enviado desde mi iPhone", "Inviato da iPhone", "Verzonden vanaf mijn iPhone", "Sent from Mail for Windows",
])
def test_signatures_are_cut(signature: str) -> None:
    assert new_text(f"{NEW}\n\n{signature}\nlawyer\n") == NEW


@pytest.mark.parametrize("footer", [
    "This e-mail and any attachments are confidential and intended solely for the addressee. If you are "
    "not the intended recipient, please notify the sender and delete it.",
    "CONFIDENTIALITY NOTICE: The information in this message is privileged. Any unauthorised disclosure is "
    "prohibited.",
    "CONFIDENTIALITY NOTICE\nThis message is for the named addressee only.",
    "DISCLAIMER: This email is intended only for the recipient. If received in error, delete it.",
    "Please consider the environment before printing this e-mail.",
    "Diese E-Mail enthält vertrauliche Informationen. Wenn Sie nicht der richtige Empfänger sind, "
    "informieren Sie bitte sofort den Absender und löschen Sie diese E-Mail.",
])
def test_footers_near_the_end_are_cut_with_a_note(footer: str) -> None:
    mail = parse(f"From: a@b.example\r\n\r\n{NEW}\r\n\r\nJane Doe\r\nOperations\r\n\r\n{footer}\r\n".encode())
    assert mail.new_text == f"{NEW}\n\nJane Doe\nOperations"
    assert any("legal footer" in note for note in mail.notes)


@pytest.mark.parametrize("text", [
    "The parcel is missing.\n\nThis email is confidential and I will go to the press about it.",
    "Keep this confidential: I am contacting my lawyer.",
    "The parcel is missing.\n\nThis e-mail is confidential, and I expect a refund, not excuses.",
    "DISCLAIMER: I am not a lawyer, but this is theft.",        # first line: nothing above it to keep
    "On Monday I wrote to you:\nWhere is my refund?",
    "On 3 May I wrote to you:\nWhere is my refund?",
    "Here are my booking details:\nFrom: Berlin\nTo: Paris\nDate: 16 Nov 2026\nThe train never came.",
    "I said -- repeatedly -- that the box was damaged.",
])
def test_customer_words_are_not_mistaken_for_history_or_footers(text: str) -> None:
    assert new_text(text) == text


def test_a_disclaimer_far_from_the_end_is_kept() -> None:
    body = "Hi,\n\nCONFIDENTIALITY NOTICE: do not delete, notify my lawyer.\n\n" + "More of my words.\n" * 60
    assert "CONFIDENTIALITY NOTICE" in new_text(body)


def note_of(raw_body: str) -> tuple[str, tuple[str, ...]]:
    mail = parse(b"From: a@b.example\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + raw_body.encode())
    return mail.new_text, mail.notes


def test_quotes_without_an_attribution_are_dropped_with_a_note() -> None:
    new, notes = note_of("ok\n> quoted lawsuit\nmore\n")
    assert new == "ok\nmore" and any("'>'" in n for n in notes)


def test_a_reply_that_only_quotes_has_no_new_text_and_says_so() -> None:
    new, notes = note_of("On Mon, 16 Nov 2026 at 09:12, Acme <s@acme.test> wrote:\n> we will sue you\n")
    assert new == "" and any("only" in n for n in notes)
    new, notes = note_of("> we will sue you\n> really\n")
    assert new == "" and any("only quotes" in n for n in notes)


def test_an_inline_reply_under_the_attribution_is_read_with_a_note() -> None:
    new, notes = note_of("On Mon, 16 Nov 2026 at 09:12, Acme <s@acme.test> wrote:\n> Can you wait?\n"
                         "No, I will not wait any longer.\n> Thanks\n")
    assert new == "No, I will not wait any longer." and any("inline reply" in n for n in notes)


def test_an_apple_mail_forward_inside_a_quote_is_read() -> None:
    new, notes = note_of("> Begin forwarded message:\n>\n> From: Jane <j@x.example>\n> Subject: x\n>\n"
                         "> I was charged twice.\n")
    assert new == "I was charged twice." and notes


def test_a_letter_that_starts_with_header_lines_keeps_its_text() -> None:
    new, notes = note_of("From: Jane Doe\nDate: 16 Nov 2026\nSubject: my refund\n\nI was charged twice.\n")
    assert new == "I was charged twice." and notes


def test_a_signature_above_a_forward_does_not_hide_it() -> None:
    new, _ = note_of("Sent from my iPhone\n\nBegin forwarded message:\n\nFrom: x@y.example\nSubject: s\n\n"
                     "I was charged twice.\n")
    assert new == "I was charged twice."


def test_format_flowed_rejoins_a_wrapped_attribution() -> None:
    raw = (b"From: a@b.example\r\nContent-Type: text/plain; charset=utf-8; format=flowed\r\n\r\n"
           b"Thanks, this is\r\nfine.\r\n\r\nOn Mon, 16 Nov 2026 at 09:12, Acme Support \r\n"
           b"<support@acme.test> wrote:\r\n> lawyer\r\n")
    assert parse(raw).new_text == "Thanks, this is\nfine."


# -- HTML ----------------------------------------------------------------------------------


@pytest.mark.parametrize("history", [
    '<div id="appendonsend"></div><hr><div id="divRplyFwdMsg"><b>From:</b> Acme</div><div>lawyer</div>',
    '<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm"><p><b>From:</b> Acme'
    '</p></div><p>lawyer</p>',
    '<div class="moz-cite-prefix">On 16/11/2026 09:12, Acme wrote:<br></div><blockquote type="cite">lawyer'
    '</blockquote>',
    '<blockquote type="cite"><div>On 16 Nov 2026, at 09:12, Acme wrote:</div>lawyer</blockquote>',
    '<div class="yahoo_quoted" id="yahoo_quoted_1"><div>On Monday, Acme wrote:</div>lawyer</div>',
    '<div class="gmail_quote"><div class="gmail_attr">On Mon, Acme wrote:</div><blockquote class="gmail_quote">'
    '<div><blockquote>nested</blockquote>lawyer</div></blockquote></div>',
    '<div id="mail-editor-reference-message-container"><b>From:</b> Acme<br>lawyer</div>',
    '<div id="Signature">Jane Doe, lawyer at large</div>',
])
def test_html_history_markers(history: str) -> None:
    html = f"<html><body><div>{NEW}</div>{history}</body></html>"
    assert html_to_text(html) == NEW
    mail = parse(b"From: a@b.example\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html.encode())
    assert mail.new_text == NEW and "lawyer" in mail.text    # the whole text still has the history


def test_html_quotes_become_quoted_lines_in_the_whole_text() -> None:
    mail = parse(b"From: a@b.example\r\nContent-Type: text/html\r\n\r\n"
                 b"<p>Mine</p><blockquote>theirs<blockquote>older</blockquote></blockquote>")
    assert mail.text.splitlines() == ["Mine", "", "> theirs", "> > older"] and mail.new_text == "Mine"


def test_an_html_forward_without_comment_uses_the_forwarded_text() -> None:
    html = ('<div class="gmail_quote"><div class="gmail_attr">---------- Forwarded message ---------<br>'
            'From: Jane &lt;j@x.example&gt;<br>Date: Mon, 16 Nov 2026<br>Subject: x<br>To: s@acme.test<br></div>'
            '<br><div>I was charged twice.</div></div>')
    mail = parse(b"From: a@b.example\r\nContent-Type: text/html\r\n\r\n" + html.encode())
    assert mail.new_text == "I was charged twice." and mail.notes


@pytest.mark.parametrize("markup", ["<a " * 20_000, "<" * 50_000, "</" * 20_000, "<!--" + "x" * 50_000,
                                    "<div " + 'a="' * 20_000, "<p>" * 30_000 + "</p>" * 30_000,
                                    "<script>" * 10_000, "&#" * 20_000, "<a\x00b>" * 10_000])
def test_malformed_html_is_read_in_linear_time(markup: str) -> None:
    # html.parser needs minutes for some of these; the tokenizer is one pass.
    text = html_to_text("<p>I will sue</p>" + markup)
    assert text.startswith("I will sue")


# -- charsets, encodings and headers -----------------------------------------------------------


def body(charset: str, data: bytes, cte: str = "8bit") -> InboundEmail:
    return parse(b"From: a@b.example\r\nContent-Type: text/plain; charset=" + charset.encode() +
                 b"\r\nContent-Transfer-Encoding: " + cte.encode() + b"\r\n\r\n" + data)


@pytest.mark.parametrize("label, data, expected", [
    ("UTF8", "déjà".encode(), "déjà"),
    ('"utf-8\\""', "déjà".encode(), "déjà"),
    ("unicode-1-1-utf-8", "déjà".encode(), "déjà"),
    ("cp-1252", b"\x93ok\x94 \x80", "\u201cok\u201d \u20ac"),
    ("Windows-1252", b"it\x92s", "it\u2019s"),
    ("iso-8859-1", b"it\x92s", "it\u2019s"),            # latin-1 mail really is windows-1252
    ("us-ascii", "Zürich".encode(), "Zürich"),         # utf-8 under an ASCII label
    ("x-sjis", "配送".encode("cp932"), "配送"),
    ("gb2312", "喆".encode("gbk"), "喆"),
    ("ks_c_5601-1987", "환불".encode("cp949"), "환불"),
    ("koi8-r", "возврат".encode("koi8-r"), "возврат"),
    ("iso-2022-jp", "配送".encode(), "配送"),    # 8-bit bytes can't be iso-2022-jp: utf-8
    ("unicode_escape", b"\\u0041", "\\u0041"),         # not a mail charset: treated as unknown
    ("base64", b"SGk=", "SGk="),
    ("", "naïve".encode("cp1252"), "naïve"),
])
def test_charset_labels(label: str, data: bytes, expected: str) -> None:
    assert body(label, data).text == expected


def test_utf8_with_one_stray_byte_keeps_the_rest() -> None:
    assert body("utf-8", "Grüße ".encode() + b"\xe9t\xe9").text == "Grüße été"


@pytest.mark.parametrize("encoded, expected", [
    (b"SGVsbG8gd29ybGQ", "Hello world"),          # no padding
    (b"SGVs\r\nbG8g\nd29y bGQ=", "Hello world"),   # odd line breaks and a space
    (b"SGk=SGk=", "HiHi"),                         # two encodings glued together
    (b"SGVsbG8*!gd29ybGQ=", "Hello world"),        # junk characters
    (b"SGVsbG8gd29ybGQ=A", "Hello world"),         # a dangling character
])
def test_lenient_base64(encoded: bytes, expected: str) -> None:
    assert body("utf-8", encoded, "base64").text == expected


def test_text_mislabelled_as_base64_is_read_as_text() -> None:
    mail = body("utf-8", b"Hello, I am really angry about the delay, this is the third time!", "base64")
    assert mail.text.startswith("Hello, I am") and "NotBase64" in mail.defects


def test_quoted_printable_soft_breaks_lf_and_crlf() -> None:
    assert body("utf-8", b"Gr=C3=BC=\r\n=C3=9Fe, unaccep=\ntable=20\r\n", "quoted-printable").text == \
        "Grüße, unacceptable \n"


@pytest.mark.parametrize("subject, expected", [
    (b"=?utf-8?b?R3LDvMOfZQ?=", "Grüße"),                          # missing padding
    (b"=?utf-8?q?caf=C3?= =?utf-8?q?=A9?=", "café"),                # a character split over two words
    (b"=?x-unknown?q?caf=E9?=", "café"),
    (b"=?utf-8?q?no_end", "no end"),
    (b"=?utf-8?q?a=0D=0Ab?=", "a b"),                                # encoded CR LF
    (b"Re: =?iso-8859-1?q?M=FCller?= und =?utf-8?q?K=C3=B6ln?=", "Re: Müller und Köln"),
    (b"raw utf-8: K\xc3\xb6ln", "raw utf-8: Köln"),
    (b"raw latin-1: K\xf6ln", "raw latin-1: Köln"),
    (b"=?utf-8?q?folded?=\r\n =?utf-8?q?_line?=", "folded line"),
    (b"=?utf-8?b?!!!?=", ""),
])
def test_encoded_and_raw_headers(subject: bytes, expected: str) -> None:
    assert parse(b"From: a@b.example\r\nSubject: " + subject + b"\r\n\r\nhi").subject == expected


def test_rfc2231_filenames_mark_inline_text_as_an_attachment() -> None:
    raw = (b"From: a@b.example\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
           b"Content-Type: text/plain\r\n\r\nsee the file\r\n--b\r\n"
           b"Content-Type: text/plain\r\nContent-Disposition: inline; filename*=utf-8''%E2%82%AC.txt\r\n\r\n"
           b"I will sue you\r\n--b\r\nContent-Type: text/html; name*0=a; name*1=.html\r\n\r\n"
           b"<p>lawsuit</p>\r\n--b--\r\n")
    assert parse(raw).new_text == "see the file"


def test_a_message_whose_only_text_is_an_attachment_says_so() -> None:
    raw = (b"From: a@b.example\r\nContent-Type: text/plain; name=log.txt\r\n"
           b"Content-Disposition: attachment\r\n\r\nI will sue you\r\n")
    mail = parse(raw)
    assert mail.new_text == "" and any("log.txt" in n for n in mail.notes)


def test_a_parser_crash_still_returns_the_body(monkeypatch: pytest.MonkeyPatch) -> None:
    import replydraft.message.extract

    def broken(*args: object, **kwargs: object) -> None:
        raise RecursionError("deeply nested")

    monkeypatch.setattr(replydraft.message.extract, "message_from_bytes", broken)
    mail = parse(b"From: a@b.example\r\n\r\nI will sue you\r\n")
    assert mail.new_text == "I will sue you" and mail.defects == ("UnparseableMessage: RecursionError",)
    assert mail.notes


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=3000))
def test_new_text_only_keeps_lines_of_the_input(text: str) -> None:
    for line in new_text(text).splitlines():
        assert line in text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([
    "<div>", "</div>", "<blockquote>", "</blockquote>", '<div class="gmail_quote">', '<div id="divRplyFwdMsg">',
    "<br>", "<p>", "text", "On Mon, 16 Nov 2026 Acme <a@b> wrote:", "&amp;", "&", "<", ">", "<!--", "-->",
    "<script>", "</script>", "<pre>", "\n", " ", "<a href='x>y'>", "<head>", "<body>", "\x00"]), max_size=80))
def test_html_to_text_never_raises(parts: list[str]) -> None:
    text = html_to_text("".join(parts))
    assert "<div" not in text and "<blockquote" not in text


@pytest.mark.parametrize("data, label, text", [
    ("Grüße, I will sue".encode("utf-16-le"), "utf-8", "Grüße, I will sue"),
    ("Grüße, I will sue".encode("utf-16-be"), None, "Grüße, I will sue"),
    ("Grüße, I will sue".encode("utf-16-be"), "utf-16", "Grüße, I will sue"),
    ("日本語".encode("utf-16-le"), "utf-16", "日本語"),                  # no NUL pattern: the label decides
    (b"my\x00lawyer\x00\x00will", "utf-8", "my\x00lawyer\x00\x00will"),  # NULs, but not UTF-16
    (b"a\x00", None, "a\x00"),
])
def test_utf16_without_a_byte_order_mark_is_recognised(data: bytes, label: str | None, text: str) -> None:
    from replydraft.message.charsets import decode_bytes
    assert decode_bytes(data, label)[0] == text


def test_below_the_nesting_limit_text_is_still_read_and_attached_mail_still_attached() -> None:
    body = (b'Content-Type: multipart/mixed; boundary="in"\r\n\r\n--in\r\nContent-Type: text/plain\r\n\r\nhello\r\n'
            b"--in\r\nContent-Type: message/rfc822\r\n\r\nSubject: old\r\n\r\nI will sue\r\n--in--\r\n")
    for level in range(30):
        b = f"n{level}".encode()
        body = (b'Content-Type: multipart/mixed; boundary="' + b + b'"\r\n\r\n--' + b + b"\r\n" + body
                + b"\r\n--" + b + b"--\r\n")
    mail = parse(b"From: a@b.example\r\n" + body)
    assert mail.new_text == "hello" and "NestingTooDeep" in mail.defects


MARKUP_PIECES = ["<p>", "</p>", "<style>", "<STYLE type=x>", "</style>", "</style >", "<script>", "</script>",
                 "<title>", "</title>", "<!--", "-->", "<", ">", "a", "b c", "<div class='gmail_quote'>",
                 "</div>", "<br>", "<styles>", "<p title='<style>'>", "\n", "<textarea>", "</textarea>",
                 "</style\xa0>", "é"]


@pytest.mark.slow
@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(MARKUP_PIECES), max_size=30))
def test_dropping_what_the_tokenizer_skips_never_changes_the_text(pieces: list[str]) -> None:
    from replydraft.message.html_text import drop_skipped, html_texts
    markup = "".join(pieces)
    assert html_texts(drop_skipped(markup.encode()).decode()) == html_texts(markup)


@pytest.mark.parametrize("markup, cut", [
    ("<p>calm text</p>", False), ("<p>a &lt; b", False), ("<style>p{}</style><p>x", False),
    ("<style>p{color:red}", True), ("<p>x<script>if (a<b) {", True), ("<p>x<!-- note", True),
    ('<p><img src="data:image/png;base64,AAAA', True),
])
def test_a_cut_in_what_the_text_leaves_out_is_recognised(markup: str, cut: bool) -> None:
    from replydraft.message.html_text import cut_in_markup
    assert cut_in_markup(markup.encode()) is cut
