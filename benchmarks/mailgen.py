"""A deterministic backlog of realistic customer mail, for benchmarks/backlog.py.

``generate(n, seed)`` yields the same ``n`` messages for the same seed. The mix (by share
of messages):

    60%  text/plain, UTF-8 8bit or quoted-printable: greeting, the customer's words,
         signature, 1-3 quoted earlier messages (1-6 KB)
    25%  multipart/alternative: the same as text and as HTML
    10%  multipart/mixed: text or alternative + an attachment of 20-300 KB (jpeg, pdf, docx)
     4%  the same with an attachment of 0.3-1.5 MB
     1%  the same with an attachment of 2-8 MB
    (attachment sizes as sent, base64)

About 2% are escalations (labelled examples from tests/data: threats of reviews or
lawyers, ultimatums, ...); the rest are calm (customer tweets and hard negatives from the
same corpus). Mean size is about 110 KB, so 10,000 messages are about 1.1 GB, most of it
attachments, as in a real support mailbox. Attachment bytes are slices of one random pool
(incompressible, cheap to make). Each message also comes as the server-side text-only
twin that ``ImapMailbox.fetch`` rebuilds (attachment parts with their MIME headers but no
body), for timing classification as the daemon does it.
"""

from __future__ import annotations

import base64
import binascii
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
ESCALATION_SHARE = 0.02
# (share of messages, smallest and largest attachment in bytes); the rest have none.
# Sizes are before base64 (which adds a third).
ATTACHMENTS = ((0.10, 15_000, 220_000), (0.04, 220_000, 1_100_000), (0.01, 1_500_000, 6_000_000))
ALTERNATIVE_SHARE = 0.25
POOL_BYTES = 6_500_000         # more than the largest attachment
KINDS = (("image", "jpeg", "photo.jpg"), ("application", "pdf", "invoice.pdf"),
         ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document", "brief.docx"))


@dataclass(frozen=True, slots=True)
class Generated:
    index: int
    raw: bytes              # the message as delivered
    text_only: bytes        # the same without attachment bodies (what the daemon fetches)
    escalation: bool        # built from an escalating example


@dataclass(frozen=True)
class Corpus:
    escalations: list[dict[str, str]]
    calm: list[dict[str, str]]


def load_corpus() -> Corpus:
    items = [json.loads(line) for path in sorted(DATA.glob("*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return Corpus([i for i in items if i.get("labels")], [i for i in items if not i.get("labels")])


def generate(n: int, seed: int = 7, corpus: Corpus | None = None) -> Iterator[Generated]:
    corpus = corpus or load_corpus()
    rng = random.Random(seed)
    pool = random.Random(seed + 1).randbytes(POOL_BYTES)
    escalating = set(rng.sample(range(n), max(1, round(n * ESCALATION_SHARE)))) if n else set()
    for i in range(n):
        yield _message(i, i in escalating, corpus, rng, pool)


def _message(i: int, escalation: bool, corpus: Corpus, rng: random.Random, pool: bytes) -> Generated:
    item = rng.choice(corpus.escalations if escalation else corpus.calm)
    name = f"Customer {i}"
    history = "\n".join(
        f"On Fri, 13 Nov 2026 at 10:{k:02d}, Acme Support wrote:\n> "
        + rng.choice(corpus.calm)["body"].replace("\n", "\n> ") for k in range(rng.randint(1, 3)))
    filler = " ".join(rng.choice(corpus.calm)["body"] for _ in range(rng.randint(0, 6)))
    text = (f"Hello,\n\n{item['body']}\n\n{filler}\n\nBest regards,\n{name}\nClient {i % 97} Ltd.\n"
            f"+44 20 7946 {i % 10000:04d}\n\n{history}\n")
    subject = (item.get("subject") or "our project").replace("\n", " ")[:120]
    header = (f"Return-Path: <c{i}@client{i % 97}.example>\r\nFrom: {name} <c{i}@client{i % 97}.example>\r\n"
              f"To: Acme Support <support@acme.test>\r\nSubject: Re: {subject}\r\n"
              f"Message-ID: <backlog-{i}@client{i % 97}.example>\r\n"
              f"In-Reply-To: <support-{i}@acme.test>\r\nReferences: <support-{i}@acme.test>\r\n"
              f"Date: Mon, 16 Nov 2026 09:{i % 60:02d}:00 +0100\r\nMIME-Version: 1.0\r\n").encode()
    body = _text_part(text, rng)
    if rng.random() < ALTERNATIVE_SHARE:
        body = _alternative(i, body, _html_part(text))
    attachment = _attachment_size(rng)
    if attachment is None:
        raw = header + body
        return Generated(i, raw, raw, escalation)
    start = rng.randrange(0, POOL_BYTES - attachment)
    data = pool[start:start + attachment]
    maintype, subtype, filename = rng.choice(KINDS)
    boundary = f"=_mixed_{i}".encode()
    part_head = (f"Content-Type: {maintype}/{subtype}; name=\"{filename}\"\r\n"
                 f"Content-Disposition: attachment; filename=\"{filename}\"\r\n"
                 f"Content-Transfer-Encoding: base64\r\n\r\n").encode()
    encoded = base64.encodebytes(data).replace(b"\n", b"\r\n")

    def mixed(content: bytes) -> bytes:
        return (b"Content-Type: multipart/mixed; boundary=\"" + boundary + b"\"\r\n\r\n"
                b"This is a multi-part message in MIME format.\r\n--" + boundary + b"\r\n" + body
                + b"\r\n--" + boundary + b"\r\n" + part_head + content + b"\r\n--" + boundary + b"--\r\n")

    return Generated(i, header + mixed(encoded), header + mixed(b""), escalation)


def _text_part(text: str, rng: random.Random) -> bytes:
    data = text.replace("\n", "\r\n").encode("utf-8")
    if rng.random() < 0.5:
        return b"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + data
    return (b"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            + binascii.b2a_qp(data.replace(b"\r\n", b"\n")).replace(b"\n", b"\r\n"))


def _html_part(text: str) -> bytes:
    paragraphs = "".join(f"<p style=\"margin:0 0 12px 0;font-family:Calibri,Arial,sans-serif\">{p}</p>"
                         for p in text.replace("&", "&amp;").replace("<", "&lt;").split("\n\n"))
    html = (f"<html><head><meta charset=\"utf-8\"><style>p{{margin:0}}</style></head><body>{paragraphs}"
            f"</body></html>").replace("\n", "<br>\r\n")
    return (b"Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            + html.encode("utf-8"))


def _alternative(i: int, plain: bytes, html: bytes) -> bytes:
    boundary = f"=_alt_{i}".encode()
    return (b"Content-Type: multipart/alternative; boundary=\"" + boundary + b"\"\r\n\r\n--" + boundary + b"\r\n"
            + plain + b"\r\n--" + boundary + b"\r\n" + html + b"\r\n--" + boundary + b"--\r\n")


def _attachment_size(rng: random.Random) -> int | None:
    roll = rng.random()
    for share, low, high in ATTACHMENTS:
        if roll < share:
            return rng.randint(low, high)
        roll -= share
    return None
