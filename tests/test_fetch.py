"""ImapMailbox.fetch reads only what classification needs, against Dovecot and Cyrus.

Every message is fetched twice: by ``ImapMailbox.fetch`` (BODYSTRUCTURE, then the header
and the text parts) and whole (``BODY.PEEK[]``); ``extract.parse`` must read both the same,
except for the MIME defects of parts that were never transferred. Bytes are counted by
a TCP proxy between the mailbox and the server.
"""

from __future__ import annotations

import base64
import dataclasses
import email.policy
import logging
import random
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

from replydraft.app.service import run_once
from replydraft.config import Account, load
from replydraft.mail import imap as mailbox_module
from replydraft.mail import pipelining
from replydraft.mail.imap import ImapMailbox
from replydraft.message.extract import InboundEmail, parse
from replydraft.reply.render import Renderer
from support.flowed import joined
from support.tcpproxy import TcpProxy

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parent.parent
PASSWORD_ENV = "REPLYDRAFT_TEST_PASSWORD"
THREAT = "It has been three weeks. If the order isn't here by Friday I will leave a 1-star review on Google."
ATTACHMENT_MB = 3


def headers(msg: EmailMessage, n: str) -> EmailMessage:
    msg["From"] = "Jane Doe <jane@customer.example>"
    msg["To"] = "Acme Support <support@acme.test>"
    msg["Subject"] = f"Order {n}"
    msg["Message-ID"] = f"<{n}@customer.example>"
    msg["In-Reply-To"] = "<earlier@acme.test>"
    msg["References"] = "<first@acme.test> <earlier@acme.test>"
    msg["Date"] = "Mon, 30 Nov 2026 09:00:00 +0000"
    return msg


def big_attachment(msg: EmailMessage, mb: int = ATTACHMENT_MB) -> None:
    data = random.Random(7).randbytes(mb * 1024 * 1024)
    msg.add_attachment(data, maintype="application", subtype="pdf", filename="scan.pdf")


def with_attachment() -> bytes:
    msg = headers(EmailMessage(), "attachment")
    msg.set_content(f"Hello,\n\n{THREAT}\n\nJane\n")
    big_attachment(msg)
    return msg.as_bytes()


def alternative() -> bytes:
    msg = headers(EmailMessage(), "alternative")
    msg.set_content(f"Hello,\n{THREAT}\n")
    msg.add_alternative(f"<html><body><p>Hello,</p><p>{THREAT}</p></body></html>", subtype="html")
    return msg.as_bytes()


def nested_with_eml() -> bytes:
    """mixed[alternative[plain, html], pdf, message/rfc822[mixed[plain, pdf]]]"""
    inner = headers(EmailMessage(), "inner")
    inner.set_content("The earlier complaint, attached for reference.\n")
    big_attachment(inner, 1)
    msg = headers(EmailMessage(), "nested")
    msg.set_content(f"See below.\n{THREAT}\n")
    msg.add_alternative(f"<p>See below.</p><p>{THREAT}</p>", subtype="html")
    msg.make_mixed()
    big_attachment(msg, 1)
    msg.add_attachment(inner)
    return msg.as_bytes()


def eml_only() -> bytes:
    """No text of its own: the attached message is classified (a forward as attachment)."""
    inner = headers(EmailMessage(), "forwarded")
    inner.set_content(f"{THREAT}\n")
    msg = headers(EmailMessage(), "eml-only")
    msg.make_mixed()
    msg.add_attachment(inner)
    big_attachment(msg, 1)
    return msg.as_bytes()


def html_only() -> bytes:
    msg = headers(EmailMessage(), "html")
    msg.set_content(f"<html><body><div>{THREAT}</div><blockquote>On Monday you wrote: thanks</blockquote>"
                    "</body></html>", subtype="html")
    big_attachment(msg, 1)
    return msg.as_bytes()


def encoded(cte: str) -> Callable[[], bytes]:
    def build() -> bytes:
        msg = headers(EmailMessage(), cte)
        msg.set_content(f"Grüße,\n\n{THREAT} Ça suffit — déjà trois semaines.\n" + "x" * 900 + "\n", cte=cte)
        big_attachment(msg, 1)
        return msg.as_bytes()
    return build


def non_utf8() -> bytes:
    text = f"Sehr geehrte Damen und Herren, {THREAT} Mit freundlichen Grüßen, Jürgen"
    body = text.encode("iso-8859-1")
    head = headers(EmailMessage(), "latin1")
    boundary = "=_b1"
    raw = (f"From: {head['From']}\r\nTo: {head['To']}\r\nSubject: =?iso-8859-1?q?Bestellung_f=FCr_J=FCrgen?=\r\n"
           f"Message-ID: <latin1@customer.example>\r\nDate: {head['Date']}\r\nMIME-Version: 1.0\r\n"
           f'Content-Type: multipart/mixed; boundary="{boundary}"\r\n\r\npreamble\r\n--{boundary}\r\n'
           f"Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n").encode()
    attachment = base64.encodebytes(random.Random(1).randbytes(300_000)).replace(b"\n", b"\r\n")
    return (raw + body + f"\r\n--{boundary}\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
            f"\r\n".encode() + attachment + f"--{boundary}--\r\n".encode())


def huge_base64_text() -> bytes:
    """A text part far over the cap: cut where body.shrink cuts it anyway."""
    msg = headers(EmailMessage(), "huge-text")
    msg.set_content(f"{THREAT}\n" + "Lorem ipsum dolor sit amet, ärger. " * 40_000, cte="base64")
    big_attachment(msg, 1)
    return msg.as_bytes()


def malformed() -> bytes:
    """The header says multipart without a boundary: the server and the parser can't agree."""
    return (b"From: Jane Doe <jane@customer.example>\r\nSubject: broken\r\nMessage-ID: <broken@customer.example>\r\n"
            b"MIME-Version: 1.0\r\nContent-Type: multipart/mixed\r\n\r\n--zz\r\nContent-Type: text/plain\r\n\r\n"
            + THREAT.encode()
            + b"\r\n--zz\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + base64.encodebytes(random.Random(2).randbytes(400_000)).replace(b"\n", b"\r\n") + b"--zz--\r\n")


MESSAGES: dict[str, Callable[[], bytes]] = {
    "alternative": alternative, "nested-with-eml": nested_with_eml, "eml-only": eml_only,
    "html-only": html_only, "base64": encoded("base64"), "quoted-printable": encoded("quoted-printable"),
    "iso-8859-1": non_utf8, "huge-base64-text": huge_base64_text,
}


def same(a: InboundEmail, b: InboundEmail) -> bool:
    """Equal but for MIME defects found in parts that were not transferred."""
    return dataclasses.replace(a, defects=()) == dataclasses.replace(b, defects=())


class Recorder:
    """Wraps the client's fetch and the mailbox's pipelined one to record the item lists asked for."""

    def __init__(self, mailbox: ImapMailbox) -> None:
        self.items: list[list[str]] = []
        self._fetch = mailbox.client.fetch
        mailbox.client.fetch = self
        send = mailbox._send_fetch

        def send_fetch(uids: list[int], items: list[str]) -> Any:
            self.items.append(list(items))
            return send(uids, items)

        mailbox._send_fetch = send_fetch  # type: ignore[method-assign]

    def __call__(self, uids: Any, items: list[str], *args: Any, **kwargs: Any) -> Any:
        self.items.append(list(items))
        return self._fetch(uids, items, *args, **kwargs)

    @property
    def whole(self) -> bool:
        return any("BODY.PEEK[]" in items for items in self.items)


@pytest.fixture
def proxied(imap) -> Iterator[tuple[Account, TcpProxy]]:
    with TcpProxy(imap.server.port) as proxy:
        yield Account(name="support", host="127.0.0.1", port=proxy.port, tls="none", username=imap.user,
                      from_address="Acme Support <support@acme.test>"), proxy


def fetch_one(imap, account: Account, proxy: TcpProxy, raw: bytes) -> tuple[bytes, bytes, int, Recorder]:
    """(what fetch returned, the whole message, bytes the server sent for the fetch, the recorder)."""
    uid = imap.server.append(imap.user, "INBOX", raw)
    with ImapMailbox.connect(account, imap.password) as mailbox:
        mailbox.open_folder("INBOX")
        recorder = Recorder(mailbox)
        before = proxy.received["server"]
        (fetched,) = list(mailbox.fetch([uid]))
        sent = proxy.received["server"] - before
        whole = recorder._fetch([uid], ["BODY.PEEK[]"])[uid][b"BODY[]"]
    assert fetched.uid == uid and fetched.internaldate is not None
    return fetched.raw, whole, sent, recorder


def test_a_multi_mb_attachment_is_never_transferred(imap, proxied, tmp_path: Path, monkeypatch, capsys) -> None:
    account, proxy = proxied
    raw = with_attachment()
    got, whole, sent, recorder = fetch_one(imap, account, proxy, raw)
    assert same(parse(got), parse(whole))
    assert not recorder.whole and len(whole) > ATTACHMENT_MB * 1024 * 1024
    assert sent < 8 * 1024, f"{sent} bytes fetched for a {len(whole)}-byte message"
    with capsys.disabled():
        print(f"\n[{imap.server.name}] message of {len(whole):,} bytes: fetch transferred {sent:,} bytes "
              f"({len(recorder.items)} FETCH commands)")


def write_config(imap, proxy: TcpProxy, tmp_path: Path, monkeypatch) -> Path:
    """A config for the test account, through the proxy."""
    monkeypatch.setenv(PASSWORD_ENV, imap.password)
    config = tmp_path / "replydraft.toml"
    config.write_text(f'[state]\npath = "{tmp_path / "state.db"}"\n[policy]\ncompany = "Acme Design Co"\n'
                      f'[[accounts]]\nname = "support"\nhost = "127.0.0.1"\nport = {proxy.port}\ntls = "none"\n'
                      f'username = "{imap.user}"\npassword_env = "{PASSWORD_ENV}"\n'
                      f'from_address = "Acme Support <support@acme.test>"\n')
    return config


def test_the_message_with_an_attachment_is_drafted_from_its_text(imap, proxied, tmp_path: Path,
                                                                 monkeypatch) -> None:
    _account, proxy = proxied
    imap.server.append(imap.user, "INBOX", with_attachment())
    config = write_config(imap, proxy, tmp_path, monkeypatch)
    before = proxy.received["server"]
    (report,) = run_once(load(config), Renderer.create())
    assert len(report.drafted) == 1 and "review_threat" in report.drafted[0]
    # The whole pass (login, structure, text, Drafts look-up, APPEND answer) stays small.
    assert proxy.received["server"] - before < 32 * 1024
    client = imap.server.client(imap.user)
    try:
        client.select_folder(imap.drafts, readonly=True)
        (uid,) = client.search(["ALL"])
        draft = email.message_from_bytes(client.fetch([uid], ["BODY.PEEK[]"])[uid][b"BODY[]"],
                                         policy=email.policy.default)
    finally:
        client.logout()
    assert draft["In-Reply-To"] == "<attachment@customer.example>"
    assert draft["References"].split() == ["<first@acme.test>", "<earlier@acme.test>", "<attachment@customer.example>"]
    body = draft.get_body(("plain",))
    assert body is not None and "> " + THREAT in joined(body.get_content())


@pytest.mark.parametrize("name", MESSAGES)
def test_parts_are_read_as_the_whole_message_would_be(imap, proxied, name: str) -> None:
    account, proxy = proxied
    got, whole, sent, recorder = fetch_one(imap, account, proxy, MESSAGES[name]())
    assert same(parse(got), parse(whole)), name
    assert THREAT in parse(got).text
    if len(whole) > 100_000:           # small ones may well be cheaper whole
        assert not recorder.whole, recorder.items
        assert sent < len(whole) / 2


def test_a_malformed_structure_is_read_whole(imap, proxied) -> None:
    account, proxy = proxied
    got, whole, _sent, recorder = fetch_one(imap, account, proxy, malformed())
    assert got == whole and recorder.whole
    assert THREAT in parse(got).text


def test_every_fixture_reads_the_same(imap, proxied) -> None:
    """The decoding fixtures and bundled samples (charsets, broken MIME, forwards) in one folder."""
    account, _ = proxied
    files = sorted((ROOT / "tests" / "fixtures").rglob("*.eml")) + sorted(
        (ROOT / "src" / "replydraft" / "samples").glob("*.eml"))
    uids = {imap.server.append(imap.user, "INBOX", path.read_bytes()): path.name for path in files}
    with ImapMailbox.connect(account, imap.password) as mailbox:
        mailbox.open_folder("INBOX")
        fetched = {f.uid: f.raw for f in mailbox.fetch(sorted(uids))}
        whole = {uid: item[b"BODY[]"] for uid, item in mailbox.client.fetch(sorted(uids), ["BODY.PEEK[]"]).items()}
    assert sorted(fetched) == sorted(uids)
    differ = [uids[uid] for uid in uids if not same(parse(fetched[uid]), parse(whole[uid]))]
    assert differ == []


def test_without_a_bodystructure_messages_are_read_whole(imap, proxied) -> None:
    account, _proxy = proxied
    uid = imap.server.append(imap.user, "INBOX", alternative())
    with ImapMailbox.connect(account, imap.password) as mailbox:
        mailbox.open_folder("INBOX")
        receive = mailbox._receive

        def no_structure(sent: Any) -> Any:
            data = receive(sent)
            for item in (data or {}).values():
                item.pop(b"BODYSTRUCTURE", None)
            return data

        mailbox._receive = no_structure  # type: ignore[method-assign]
        (fetched,) = mailbox.fetch([uid])
        whole = mailbox.client.fetch([uid], ["BODY.PEEK[]"])[uid][b"BODY[]"]
    assert fetched.raw == whole


def test_many_messages_come_in_uid_order_and_vanished_ones_are_left_out(imap, proxied) -> None:
    account, _ = proxied
    def small_attachment() -> bytes:
        msg = headers(EmailMessage(), "small")
        msg.set_content("see the file")
        msg.add_attachment(b"%PDF" * 5000, maintype="application", subtype="pdf", filename="a.pdf")
        return msg.as_bytes()

    builders = [alternative, small_attachment, malformed, lambda: b"Subject: short\r\n\r\nhi\r\n"]
    uids = [imap.server.append(imap.user, "INBOX", builders[i % len(builders)]()) for i in range(60)]
    with ImapMailbox.connect(account, imap.password) as mailbox:
        mailbox.open_folder("INBOX")
        got = [f.uid for f in mailbox.fetch([*uids, max(uids) + 100])]
    assert got == uids


@pytest.mark.parametrize("batch, part_bytes", [(200, 16 * 1024 * 1024), (40, 20_000)])
def test_drafts_work_between_pipelined_batches_loses_nothing(imap, proxied, monkeypatch, batch: int,
                                                            part_bytes: int) -> None:
    """While the caller handles a part of a batch, the next part and batch are already asked for
    (pipelined); a Drafts look-up, an APPEND or a fetch given up halfway must not lose or mix
    up their answers. Small batches and parts here, so that there are many of both."""
    account, _ = proxied
    monkeypatch.setattr(mailbox_module, "FETCH_BATCH", batch)
    monkeypatch.setattr(mailbox_module, "PART_BYTES", part_bytes)
    builders = [alternative, eml_only, lambda: b"Subject: short\r\nMessage-ID: <s@x>\r\n\r\nhi\r\n", html_only]
    uids = [imap.server.append(imap.user, "INBOX", builders[i % len(builders)]()) for i in range(130)]
    with ImapMailbox.connect(account, imap.password) as mailbox:
        mailbox.open_folder("INBOX")
        drafts = mailbox.resolve_drafts("auto")
        whole = {uid: item[b"BODY[]"] for uid, item in mailbox.client.fetch(uids, ["BODY.PEEK[]"]).items()}
        got = {}
        for n, fetched in enumerate(mailbox.fetch(uids)):
            got[fetched.uid] = fetched.raw
            if n % 17 == 3:            # as the pass does for an escalation, in the middle of a batch
                assert mailbox.find_draft(drafts, f"<none-{n}@acme.test>") is None
                mailbox.append_draft(drafts, b"Subject: d\r\nMessage-ID: <d%d@acme.test>\r\n\r\nx\r\n" % n,
                                     datetime.now(UTC))
        assert list(got) == uids
        assert [uid for uid in uids if not same(parse(got[uid]), parse(whole[uid]))] == []
        partly = mailbox.fetch(uids)
        assert next(partly).uid == uids[0]    # given up with later batches still on their way
        partly.close()
        assert sorted(mailbox.client.search(["ALL"])) == sorted(uids)
        assert [f.uid for f in mailbox.fetch(uids[-3:])] == uids[-3:]


def test_without_pipelining_the_same_messages_are_read(imap, proxied, monkeypatch, caplog) -> None:
    """If imaplib's or imapclient's internals change, fetch falls back to one FETCH at a time."""
    account, _ = proxied
    monkeypatch.setattr(pipelining, "_static_problems", lambda: ("imaplib.IMAP4._command is gone",))
    pipelining._warn_once.cache_clear()
    builders = [alternative, eml_only, malformed, html_only]
    uids = [imap.server.append(imap.user, "INBOX", builders[i % len(builders)]()) for i in range(12)]
    with ImapMailbox.connect(account, imap.password) as mailbox:
        mailbox.open_folder("INBOX")
        whole = {uid: item[b"BODY[]"] for uid, item in mailbox.client.fetch(uids, ["BODY.PEEK[]"]).items()}
        got = {f.uid: f.raw for f in mailbox.fetch([*uids, max(uids) + 100])}
    assert list(got) == uids
    assert [uid for uid in uids if not same(parse(got[uid]), parse(whole[uid]))] == []
    assert [r.getMessage()[:26] for r in caplog.records if r.levelno >= logging.WARNING] == [
        "pipelined FETCH is off: im"]


# -- the same message read the same way by the daemon and by preview (issue 14) ---------------

def wrong_boundary(declared: bytes = b"declared") -> Callable[[], bytes]:
    """The header names one boundary, the body uses another (the parser recovers the parts)."""
    def build() -> bytes:
        return (b"From: Jane Doe <jane@customer.example>\r\nSubject: order\r\n"
                b"Message-ID: <boundary@customer.example>\r\n"
                b"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"" + declared + b"\"\r\n\r\n"
                b"--actual\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + THREAT.encode() + b"\r\n"
                b"--actual\r\nContent-Type: application/pdf; name=a.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + base64.encodebytes(random.Random(3).randbytes(400_000)).replace(b"\n", b"\r\n") + b"--actual--\r\n")
    return build


def style_first(cte: str) -> Callable[[], bytes]:
    """6 MB of <style> before the text, with a picture attached."""
    def build() -> bytes:
        rule = ".c{color:#123456;margin:0 0 0 4px}\n"
        markup = f"<html><head><style>{rule * (6 * 1024 * 1024 // len(rule))}</style></head><body><p>{THREAT}</p>"
        msg = headers(EmailMessage(), f"style-{cte}")
        msg.set_content(markup + "</body></html>", subtype="html", cte=cte)
        big_attachment(msg, 1)
        return msg.as_bytes()
    return build


def nested(depth: int) -> bytes:
    body = f"Content-Type: text/plain; charset=utf-8\r\n\r\n{THREAT}\r\n".encode()
    for level in range(depth):
        b = f"nest{level}".encode()
        body = (b"Content-Type: multipart/mixed; boundary=\"" + b + b"\"\r\n\r\n--" + b + b"\r\n" + body
                + b"\r\n--" + b + b"\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + base64.encodebytes(b"%PDF" * 3000) + b"--" + b + b"--\r\n")
    return b"From: Jane Doe <jane@customer.example>\r\nMessage-ID: <nested@customer.example>\r\n" + body


HOSTILE: dict[str, Callable[[], bytes]] = {
    "wrong-boundary": wrong_boundary(), "boundary-of-another-case": wrong_boundary(b"ACTUAL"),
    "boundary-that-starts-the-used-one": wrong_boundary(b"act"),
    "style-6mb-8bit": style_first("8bit"), "style-6mb-quoted-printable": style_first("quoted-printable"),
    "style-6mb-base64": style_first("base64"), "nested-50": lambda: nested(50),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_the_daemon_reads_a_hostile_message_as_preview_does(imap, proxied, name: str) -> None:
    from replydraft.detection.detector import Detector
    from replydraft.pipeline import Inputs, classify, classify_many
    account, proxy = proxied
    raw = HOSTILE[name]()
    got, whole, _, _ = fetch_one(imap, account, proxy, raw)
    daemon = classify_many([got], Inputs(Detector(), "acme.test"))[0]
    offline = classify(raw, Inputs(Detector(), "acme.test"))           # what preview and classify run
    assert not isinstance(daemon, Exception)
    assert "review_threat" in offline.detection.names
    assert daemon.detection == offline.detection
    assert same(parse(got), parse(whole))


def test_a_message_with_a_wrong_boundary_is_drafted_by_the_daemon_as_by_preview(imap, proxied, tmp_path: Path,
                                                                               monkeypatch, capsys) -> None:
    from replydraft.cli import main
    _, proxy = proxied
    raw = wrong_boundary()()
    (tmp_path / "m.eml").write_bytes(raw)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("REPLYDRAFT_CONFIG", raising=False)
    assert main(["preview", str(tmp_path / "m.eml")]) == 0
    assert "review_threat" in capsys.readouterr().out.split("-- why --")[1]
    imap.server.append(imap.user, "INBOX", raw)
    (report,) = run_once(load(write_config(imap, proxy, tmp_path, monkeypatch)), Renderer.create())
    assert len(report.drafted) == 1 and "review_threat" in report.drafted[0]
