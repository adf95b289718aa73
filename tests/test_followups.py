"""Follow-ups in a thread, against a real Dovecot: an untouched earlier draft is replaced by one
answering the new message; an edited, sent or deleted one is never touched; incidents are linked."""

from __future__ import annotations

import email
import email.policy
from pathlib import Path

import pytest

from replydraft.app.service import run_once
from replydraft.config import load
from replydraft.reply.render import Renderer
from replydraft.state.store import Incident, Store
from support.account_config import PASSWORD_ENV, write_config

pytestmark = pytest.mark.integration



def message(n: int, refs: str = "") -> bytes:
    threading = f"In-Reply-To: {refs.split()[-1]}\r\nReferences: {refs}\r\n" if refs else ""
    return (f"From: Rita Ames <rita@client.example>\r\nSubject: {'Re: ' if refs else ''}Logo files\r\n"
            f"Message-ID: <m{n}@client.example>\r\n{threading}Date: Mon, 30 Nov 2026 0{n}:00:00 +0000\r\n\r\n"
            f"Message {n}: if the logo files aren't here by Friday I will leave a 1-star review on Google.\r\n"
            ).encode()


@pytest.fixture
def thread(imap, tmp_path: Path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv(PASSWORD_ENV, imap.password)
    config = load(write_config(tmp_path, imap.server.port, imap.user))
    imap.server.append(imap.user, "INBOX", message(1))
    assert len(run_once(config, Renderer.create())[0].drafted) == 1
    return imap, config


def drafts(imap) -> dict[int, email.message.EmailMessage]:  # type: ignore[no-untyped-def]
    client = imap.server.client(imap.user)
    try:
        client.select_folder(imap.drafts, readonly=True)
        data = client.fetch(client.search(["ALL"]), ["BODY.PEEK[]"])
        return {u: email.message_from_bytes(d[b"BODY[]"], policy=email.policy.default) for u, d in data.items()}
    finally:
        client.logout()


def incidents(config) -> dict[str, Incident]:  # type: ignore[no-untyped-def]
    store = Store.open(config.state_path)
    try:
        return {i.message_id: i for i in store.incidents()}
    finally:
        store.close()



def test_an_untouched_draft_is_replaced_by_the_answer_to_the_follow_up(thread) -> None:  # type: ignore[no-untyped-def]
    imap, config = thread
    imap.server.append(imap.user, "INBOX", message(2, "<m1@client.example>"))
    run_once(config, Renderer.create())
    [draft] = drafts(imap).values()
    assert draft["In-Reply-To"] == "<m2@client.example>" and "Message 2" in draft.get_body().get_content()
    found = incidents(config)
    first, second = found["<m1@client.example>"], found["<m2@client.example>"]
    assert second.follows == first.id and first.replaced_by == second.id


def test_a_draft_a_person_edited_is_never_touched(thread) -> None:  # type: ignore[no-untyped-def]
    imap, config = thread
    [(uid, ours)] = drafts(imap).items()
    edited = ours.as_bytes().replace(b"Hello Rita,", b"Hi Rita, sorry about this!")
    client = imap.server.client(imap.user)
    client.select_folder(imap.drafts)
    client.add_flags([uid], [b"\\Deleted"])
    client.expunge()
    client.append(imap.drafts, edited, flags=[b"\\Draft"])          # saved by a mail client, same Message-ID
    client.logout()
    imap.server.append(imap.user, "INBOX", message(2, "<m1@client.example>"))
    run_once(config, Renderer.create())
    kept = drafts(imap)
    assert len(kept) == 2 and any(b"sorry about this" in d.as_bytes() for d in kept.values())
    found = incidents(config)
    assert found["<m2@client.example>"].follows == found["<m1@client.example>"].id
    assert found["<m1@client.example>"].replaced_by is None


def test_a_sent_draft_is_not_recreated_and_the_follow_up_gets_its_own(thread) -> None:  # type: ignore[no-untyped-def]
    imap, config = thread
    client = imap.server.client(imap.user)
    client.select_folder(imap.drafts)
    client.add_flags(client.search(["ALL"]), [b"\\Deleted"])    # a person sent it: gone from Drafts
    client.expunge()
    client.logout()
    imap.server.append(imap.user, "INBOX", message(3))           # a fresh mail, same subject, no References
    run_once(config, Renderer.create())
    [draft] = drafts(imap).values()
    assert draft["In-Reply-To"] == "<m3@client.example>"
    assert incidents(config)["<m3@client.example>"].follows == incidents(config)["<m1@client.example>"].id


def test_a_draft_a_person_saved_under_a_new_message_id_is_never_removed(thread) -> None:  # type: ignore[no-untyped-def]
    """A mail client saves an edited draft with a Message-ID of its own. Even with our body
    unchanged, the follow-up looks for our draft only by our Message-ID: the saved copy stays."""
    imap, config = thread
    [(uid, ours)] = drafts(imap).items()
    saved = ours.as_bytes().replace(ours["Message-ID"].encode(), b"<saved.1@mua.example>")
    client = imap.server.client(imap.user)
    client.select_folder(imap.drafts)
    client.append(imap.drafts, saved, flags=[b"\\Draft"])
    client.add_flags([uid], [b"\\Deleted"])
    client.uid_expunge([uid])
    client.logout()
    imap.server.append(imap.user, "INBOX", message(2, "<m1@client.example>"))
    run_once(config, Renderer.create())
    kept = {d["Message-ID"]: d for d in drafts(imap).values()}
    assert "<saved.1@mua.example>" in kept and len(kept) == 2
    assert kept["<saved.1@mua.example>"].get_body().get_content() == ours.get_body().get_content()
    found = incidents(config)
    assert found["<m2@client.example>"].follows == found["<m1@client.example>"].id
    assert found["<m1@client.example>"].replaced_by is None
