"""'Did we reply?' against real servers: a draft still in Drafts is waiting, one answered from
Sent is replied, one deleted without a reply is gone, one a person edited and saved (a new
Message-ID, same thread) is edited. And drafts are appended unread unless configured."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from replydraft.app.service import check_replies, run_once
from replydraft.config import Config, load
from replydraft.mail.imap import ImapMailbox
from replydraft.reply.render import Renderer
from replydraft.state.store import Store
from support.account_config import PASSWORD_ENV, write_config

pytestmark = pytest.mark.integration



def escalation(n: int) -> bytes:
    return (f"From: Ola Berg <ola{n}@client.example>\r\nSubject: Invoice {n}\r\nMessage-ID: <r{n}@client.example>\r\n"
            f"\r\nFix this by Friday or I will leave a 1-star review on Google.\r\n").encode()


def states(config: Config) -> dict[str, str]:
    store = Store.open(config.state_path)
    try:
        return {i.message_id: i.reply_state for i in store.incidents()}
    finally:
        store.close()


def check(config: Config, imap: Any) -> dict[str, str]:
    store = Store.open(config.state_path)
    try:
        with ImapMailbox.connect(config.accounts[0], imap.password) as mailbox:
            mailbox.open_folder("INBOX")
            check_replies(mailbox, store, "support", imap.drafts, datetime.now(UTC), every=timedelta(0))
    finally:
        store.close()
    return states(config)


def three_drafted(imap: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Config:
    """Three escalations in INBOX, drafted by one pass: every draft waiting."""
    monkeypatch.setenv(PASSWORD_ENV, imap.password)
    config = load(write_config(tmp_path, imap.server.port, imap.user))
    for n in range(3):
        imap.server.append(imap.user, "INBOX", escalation(n))
    assert len(run_once(config, Renderer.create())[0].drafted) == 3
    assert set(states(config).values()) == {"waiting"}          # checked at the end of the pass
    return config


def sent_folder(client: Any) -> str:
    return str(next(name for flags, _, name in client.list_folders()
                    if any(f.lower() == b"\\sent" for f in flags) or name.rsplit(".", 1)[-1] == "Sent"))


def test_reply_states(imap, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    config = three_drafted(imap, tmp_path, monkeypatch)
    client = imap.server.client(imap.user)
    client.select_folder(imap.drafts)
    drafts = client.fetch(client.search(["ALL"]), ["BODY.PEEK[]"])
    by_reply = {bytes(d[b"BODY[]"]).split(b"In-Reply-To: ")[1].split(b"\r\n")[0].decode(): u for u, d in drafts.items()}
    client.append(sent_folder(client), bytes(drafts[by_reply["<r0@client.example>"]][b"BODY[]"]),
                  flags=[b"\\Seen"])   # sent
    client.add_flags([by_reply["<r0@client.example>"], by_reply["<r1@client.example>"]], [b"\\Deleted"])
    client.expunge()
    client.logout()
    assert check(config, imap) == {"<r0@client.example>": "replied", "<r1@client.example>": "draft_gone",
                                   "<r2@client.example>": "waiting"}


def draft_flags(imap: Any) -> list[set[bytes]]:
    client = imap.server.client(imap.user)
    try:
        client.select_folder(imap.drafts, readonly=True)
        return [{f.lower() for f in d[b"FLAGS"]} for d in client.fetch(client.search(["ALL"]), ["FLAGS"]).values()]
    finally:
        client.logout()


@pytest.mark.parametrize("setting, seen", [("", False), ("drafts_unread = true\n", False),
                                           ("drafts_unread = false\n", True)])
def test_drafts_are_unread_unless_configured(imap, tmp_path: Path, monkeypatch,  # type: ignore[no-untyped-def]
                                             setting: str, seen: bool) -> None:
    monkeypatch.setenv(PASSWORD_ENV, imap.password)
    path = write_config(tmp_path, imap.server.port, imap.user)
    path.write_text(path.read_text() + setting)          # the [[accounts]] table is the file's last
    config = load(path)
    imap.server.append(imap.user, "INBOX", escalation(0))
    assert len(run_once(config, Renderer.create())[0].drafted) == 1
    [flags] = draft_flags(imap)
    assert b"\\draft" in flags and (b"\\seen" in flags) == seen
    run_once(config, Renderer.create())                  # found again by its Message-ID: no second draft
    assert len(draft_flags(imap)) == 1


def test_a_draft_a_person_edited_and_saved_is_edited_until_sent(imap, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                 monkeypatch) -> None:
    config = three_drafted(imap, tmp_path, monkeypatch)
    client = imap.server.client(imap.user)
    client.select_folder(imap.drafts)
    ours = {u: bytes(d[b"BODY[]"]) for u, d in client.fetch(client.search(["ALL"]), ["BODY.PEEK[]"]).items()}
    for uid, raw in ours.items():
        header, _, body = raw.partition(b"\r\n\r\n")
        lines = [line for line in header.split(b"\r\n") if not line.lower().startswith(b"message-id:")]
        replying = next(line for line in lines if line.startswith(b"In-Reply-To: "))
        if b"<r1@" in replying:                            # the client kept References only
            lines.remove(replying)
        if b"<r2@" not in replying:                        # r2: deleted, nothing saved instead
            edited = b"\r\n".join([*lines, b"Message-ID: <saved.%d@mua.example>" % uid])
            client.append(imap.drafts, edited + b"\r\n\r\nEdited by a person.\r\n" + body, flags=[b"\\Draft"])
    client.add_flags(list(ours), [b"\\Deleted"])
    client.uid_expunge(list(ours))
    client.logout()
    assert check(config, imap) == {"<r0@client.example>": "edited", "<r1@client.example>": "edited",
                                   "<r2@client.example>": "draft_gone"}
    client = imap.server.client(imap.user)
    client.select_folder(imap.drafts, readonly=True)
    saved = [bytes(d[b"BODY[]"]) for d in client.fetch(client.search(["ALL"]), ["BODY.PEEK[]"]).values()]
    [r0] = [raw for raw in saved if b"In-Reply-To: <r0@" in raw]
    client.append(sent_folder(client), r0, flags=[b"\\Seen"])    # sent; a copy may stay in Drafts: replied wins
    client.logout()
    assert check(config, imap)["<r0@client.example>"] == "replied"
