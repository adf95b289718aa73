"""Forged and colliding mail, against a real Dovecot (and Cyrus): a customer's From with a
Reply-To elsewhere, a reused Message-ID, a From that can't be read. The customer's draft
stays, a draft goes to the customer's own domain, and every message is handled on its own."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from imapclient.exceptions import IMAPClientError

import test_followups
from replydraft.app.service import run_once
from replydraft.config import load
from replydraft.reply.render import Renderer
from replydraft.state.store import Store
from support.account_config import PASSWORD_ENV, write_config
from support.cyrusserver import CyrusServer
from support.flowed import joined
from test_followups import drafts, incidents, message

pytestmark = pytest.mark.integration
thread = test_followups.thread     # the fixture: a thread with one draft

DMARC_FAIL = ("Authentication-Results: mx.acme.test;\r\n\tspf=fail smtp.mailfrom=evil.example;\r\n"
              "\tdmarc=fail (p=none dis=none) header.from=client.example\r\n")


def forged(n: int, *, refs: str = "", message_id: str = "", top: str = "",
           sender: str = "Rita Ames <rita@client.example>") -> bytes:
    """A message in Rita's name, about Rita's subject, asking for replies to another domain."""
    threading = f"In-Reply-To: {refs.split()[-1]}\r\nReferences: {refs}\r\n" if refs else ""
    return (f"{top}From: {sender}\r\nReply-To: <billing@evil.example>\r\nSubject: Logo files\r\n"
            f"Message-ID: {message_id or f'<f{n}@evil.example>'}\r\n{threading}"
            f"Date: Mon, 30 Nov 2026 1{n}:00:00 +0000\r\n\r\n"
            f"Forged {n}: pay the outstanding amount to our new account or I will sue you.\r\n").encode()


def run(imap, config, raw: bytes) -> None:  # type: ignore[no-untyped-def]
    imap.server.append(imap.user, "INBOX", raw)
    run_once(config, Renderer.create())


def to_other_domains(imap) -> int:  # type: ignore[no-untyped-def]
    """Drafts addressed outside the customer's domain: the figure this file keeps at 0."""
    return sum(not d["To"].addresses[0].addr_spec.endswith("@client.example") for d in drafts(imap).values())


def test_a_forged_message_with_the_same_subject_never_replaces_the_customers_draft(thread) -> None:  # type: ignore[no-untyped-def]
    imap, config = thread
    run(imap, config, forged(1))
    found = drafts(imap)
    assert len(found) == 2 and to_other_domains(imap) == 0
    fake = next(d for d in found.values() if d["In-Reply-To"] == "<f1@evil.example>")
    text = joined(fake.get_body(("plain",)).get_content())
    assert text.startswith("[replydraft] The message asks for replies to billing@evil.example")
    rows = incidents(config)
    assert rows["<m1@client.example>"].replaced_by is None
    assert "billing@evil.example" in rows["<f1@evil.example>"].reason
    assert rows["<f1@evil.example>"].draft_to == "rita@client.example"


def test_a_reply_in_the_thread_to_another_address_never_replaces_the_draft(thread, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    imap, config = thread
    path = config.source
    path.write_text(path.read_text().replace('[policy]\n', '[policy]\nreply_to = "reply-to"\n'))
    config = load(path)
    run(imap, config, forged(2, refs="<m1@client.example>"))
    found = drafts(imap)
    assert len(found) == 2 and to_other_domains(imap) == 1       # as configured: to the Reply-To
    rows = incidents(config)
    assert rows["<m1@client.example>"].replaced_by is None
    assert rows["<f2@evil.example>"].follows == rows["<m1@client.example>"].id


def test_dmarc_failed_no_replacement_no_history_and_a_warning(thread) -> None:  # type: ignore[no-untyped-def]
    imap, config = thread
    run(imap, config, forged(3, refs="<m1@client.example>", top=DMARC_FAIL))
    found = drafts(imap)
    assert len(found) == 2 and to_other_domains(imap) == 0
    fake = next(d for d in found.values() if d["In-Reply-To"] == "<f3@evil.example>")
    assert joined(fake.get_body(("plain",)).get_content()).startswith(
        "[replydraft] Warning: the receiving server found that DMARC failed for client.example")
    rows = incidents(config)
    assert rows["<m1@client.example>"].replaced_by is None and rows["<f3@evil.example>"].dmarc_failed
    with Store.open(config.state_path) as store:
        assert len(store.history("rita@client.example", datetime.now(UTC)).times) == 1


def test_a_genuine_reply_in_the_thread_still_replaces_the_draft(thread) -> None:  # type: ignore[no-untyped-def]
    imap, config = thread
    run(imap, config, message(2, "<m1@client.example>"))
    [draft] = drafts(imap).values()
    assert draft["In-Reply-To"] == "<m2@client.example>"


def test_a_reused_message_id_is_another_message(thread) -> None:  # type: ignore[no-untyped-def]
    imap, config = thread
    run(imap, config, forged(4, message_id="<m1@client.example>", sender="Sam Vale <sam@other.example>"))
    found = drafts(imap)
    assert len(found) == 2 and {d["To"].addresses[0].addr_spec for d in found.values()} == {
        "rita@client.example", "sam@other.example"}
    run_once(config, Renderer.create())                # and each is recognised as handled from now on
    assert len(drafts(imap)) == 2


@pytest.mark.parametrize("sender", ["Rita Ames <rita@client.example\x01>", "Rita Ames <ri\x7fta@client.example>"])
def test_a_from_that_cant_be_read_is_left_to_a_person(imap, tmp_path: Path, monkeypatch, sender: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv(PASSWORD_ENV, imap.password)
    config = load(write_config(tmp_path, imap.server.port, imap.user))
    raw = forged(5, sender=sender).replace(b"Reply-To: <billing@evil.example>\r\n", b"")
    run(imap, config, raw)
    assert drafts(imap) == {}
    [incident] = incidents(config).values()
    assert incident.status == "needs_person" and "From" in incident.reason


@pytest.mark.parametrize("sender, to", [
    ("Rita\rAmes <rita@client.example>", "rita@client.example"),       # a bare CR in the name
    ("Rita Ames <rita@client\r.example>", "rita@client.example"),      # ... or in the address
    ("Rita Ames <rita@[192.0.2.1]>", "rita@[192.0.2.1]"),              # an IP literal
])
def test_a_from_with_odd_characters_is_read(imap, tmp_path: Path, monkeypatch, sender: str, to: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv(PASSWORD_ENV, imap.password)
    config = load(write_config(tmp_path, imap.server.port, imap.user))
    raw = forged(6, sender=sender).replace(b"Reply-To: <billing@evil.example>\r\n", b"")
    if "\r" in sender and isinstance(imap.server, CyrusServer):
        with pytest.raises(IMAPClientError, match=r"(?i)header"):   # Cyrus refuses it: nothing to read
            imap.server.append(imap.user, "INBOX", raw)
        return
    run(imap, config, raw)
    [draft] = drafts(imap).values()
    assert draft["To"].addresses[0].addr_spec == to
