"""fetchplan, pure: what to fetch from a BODYSTRUCTURE, and the message rebuilt from the sections.

The structures are written as imapclient returns them (a multipart's parts in a list at
the top level, as leading tuples inside a message/rfc822 part)."""

from __future__ import annotations

import base64

import pytest

from replydraft.mail.fetchplan import PART_CAP, Encapsulated, Leaf, Multipart, Unusable, plan, rebuild, section_of
from replydraft.message.extract import parse

PLAIN = (b"text", b"plain", (b"charset", b"utf-8"), None, None, b"7bit", 120, 3, None, None, None, None)
HTML = (b"text", b"html", (b"charset", b"utf-8"), None, None, b"quoted-printable", 300, 9, None, None, None, None)
PDF = (b"application", b"pdf", (b"name", b"a.pdf"), None, None, b"base64", 4_000_000, None,
       (b"attachment", (b"filename", b"a.pdf")), None, None)
NAMED_TEXT = (b"text", b"plain", (b"name*", b"utf-8''log.txt"), None, None, b"7bit", 9000, 80, None, None, None, None)
ATTACHED_TEXT = (b"text", b"plain", None, None, None, b"7bit", 9000, 80, None, (b"attachment", None), None, None)
BIG = 5_000_000


def mixed(*parts: object, boundary: bytes = b"b1") -> tuple[object, ...]:
    return ([*parts], b"mixed", (b"boundary", boundary), None, None, None)


def test_a_small_single_part_message_is_fetched_whole() -> None:
    assert plan(PLAIN, 2000).whole and plan(PLAIN, 2000).items == ("BODY.PEEK[]",)


def test_missing_or_odd_structures_are_fetched_whole() -> None:
    for structure in (None, b"", (), ([], b"mixed"), (b"text",), 42):
        assert plan(structure, BIG).whole, structure


def test_only_text_parts_are_fetched_with_every_mime_header_and_a_cap() -> None:
    p = plan(mixed(([PLAIN, HTML], b"alternative", (b"boundary", b"b2")), PDF, NAMED_TEXT, ATTACHED_TEXT), BIG)
    assert p.items == ("BODY.PEEK[HEADER]", f"BODY.PEEK[1.MIME]<0.{PART_CAP}>",
                       f"BODY.PEEK[1.1.MIME]<0.{PART_CAP}>", f"BODY.PEEK[1.1]<0.{PART_CAP}>",
                       f"BODY.PEEK[1.2.MIME]<0.{PART_CAP}>", f"BODY.PEEK[1.2]<0.{PART_CAP}>",
                       f"BODY.PEEK[2.MIME]<0.{PART_CAP}>", f"BODY.PEEK[3.MIME]<0.{PART_CAP}>",
                       f"BODY.PEEK[4.MIME]<0.{PART_CAP}>")


def test_an_attached_message_is_walked_into() -> None:
    inner = (PLAIN, PDF, b"mixed", (b"boundary", b"in"), None, None, None)   # embedded: parts come first
    rfc822 = (b"message", b"rfc822", None, None, None, b"7bit", 900_000, (None,) * 10, inner, 40, None, None)
    p = plan(mixed(PLAIN, rfc822), BIG)
    assert p.root == Multipart("HEADER", (
        Leaf("1.MIME", "1"),
        Encapsulated("2.MIME", Multipart("2.HEADER",
                                         (Leaf("2.1.MIME", "2.1"), Leaf("2.2.MIME", None, "application/pdf")),
                                         "multipart/mixed", "in")),
    ), "multipart/mixed", "b1")


def test_a_large_single_text_part_is_capped() -> None:
    big_text = (*PLAIN[:6], BIG, *PLAIN[7:])
    assert plan(big_text, BIG).items == ("BODY.PEEK[HEADER]", f"BODY.PEEK[TEXT]<0.{PART_CAP}>")


@pytest.mark.parametrize("key,section", [(b"BODY[HEADER]", "HEADER"), (b"BODY[1.2]<0>", "1.2"),
                                         (b"BODY[2.MIME]<0>", "2.MIME"), (b"BODY[]", ""), (b"INTERNALDATE", None)])
def test_section_of(key: bytes, section: str | None) -> None:
    assert section_of(key) == section


HEADER = (b"From: Jane <jane@customer.example>\r\nMessage-ID: <m1@customer.example>\r\nSubject: late\r\n"
          b"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n")
SECTIONS = {
    "HEADER": HEADER,
    "1.MIME": b"Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n",
    "1": b"Gr=FC=DFe, I will leave a 1-star review.\r\n",
    "2.MIME": b"Content-Type: application/pdf; name=\"a.pdf\"\r\nContent-Disposition: attachment\r\n\r\n",
}
TREE = Multipart("HEADER", (Leaf("1.MIME", "1"), Leaf("2.MIME", None, "application/pdf")), "multipart/mixed", "b1")


def test_rebuild_gives_the_parser_the_header_and_the_text() -> None:
    raw = rebuild(TREE, SECTIONS)
    assert raw.startswith(HEADER)
    mail = parse(raw)
    assert mail.message_id == "<m1@customer.example>"
    assert mail.text.strip() == "Grüße, I will leave a 1-star review."
    assert not mail.defects


@pytest.mark.parametrize("change", [
    {"HEADER": HEADER.replace(b'boundary="b1"', b'boundary="other"')},     # the server split elsewhere
    {"HEADER": HEADER.replace(b"multipart/mixed", b"multipart/alternative")},
    {"2.MIME": b"Content-Type: text/plain\r\n\r\n"},                      # text the server didn't call text
    {"1.MIME": b"Content-Type: text/html\r\n\r\n"},
    {"1": None},                                                          # not sent
])
def test_rebuild_refuses_what_the_parser_would_read_differently(change: dict[str, bytes | None]) -> None:
    sections = {k: v for k, v in {**SECTIONS, **change}.items() if v is not None}
    with pytest.raises(Unusable):
        rebuild(TREE, sections)


@pytest.mark.parametrize("cte", ["8bit", "base64"])
@pytest.mark.parametrize("markup, usable", [
    (b"<style>" + b"p{}" * PART_CAP, False), (b"<p>calm " * PART_CAP, True),
    (b'<img src="data:image/png;base64,' + b"A" * PART_CAP, False),
], ids=["style", "text", "image"])
def test_a_capped_html_part_that_ends_in_a_style_block_or_tag_is_read_whole(cte: str, markup: bytes,
                                                                           usable: bool) -> None:
    html = (*HTML[:5], cte.encode(), BIG, *HTML[7:])
    p = plan(mixed(PLAIN, html), BIG)
    content = base64.encodebytes(markup) if cte == "base64" else markup
    sections = {**SECTIONS, "2.MIME": f"Content-Type: text/html\r\nContent-Transfer-Encoding: {cte}\r\n\r\n".encode(),
                "2": content[:PART_CAP]}
    assert p.root is not None
    if usable:
        assert "calm" in parse(rebuild(p.root, sections)).text
    else:
        with pytest.raises(Unusable, match="style block, comment or tag"):
            rebuild(p.root, sections)


def test_a_multipart_whose_body_lacks_the_declared_boundary_is_fetched_whole() -> None:
    nothing_found = (b"text", b"plain", (b"charset", b"us-ascii"), None, None, b"7bit", 0, 0, None, None, None, None)
    assert plan(mixed(nothing_found), BIG).whole                                      # Dovecot and Cyrus say this
    assert plan(mixed(PLAIN, mixed(nothing_found, boundary=b"in")), BIG).whole         # also further down
    assert not plan(mixed(PLAIN), BIG).whole
