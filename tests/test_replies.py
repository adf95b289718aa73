"""'Did we reply?' against real servers: a draft still in Drafts is waiting, one answered from
Sent is replied, one deleted without a reply is gone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from replydraft.app.service import check_replies, run_once
from replydraft.config import load
from replydraft.mail.imap import ImapMailbox
from replydraft.reply.render import Renderer
from replydraft.state.store import Store
from support.account_config import PASSWORD_ENV, write_config

pytestmark = pytest.mark.integration



def escalation(n: int) -> bytes:
    return (f"From: Ola Berg <ola{n}@client.example>\r\nSubject: Invoice {n}\r\nMessage-ID: <r{n}@client.example>\r\n"
            f"\r\nFix this by Friday or I will leave a 1-star review on Google.\r\n").encode()


def test_reply_states(imap, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv(PASSWORD_ENV, imap.password)
    config = load(write_config(tmp_path, imap.server.port, imap.user))
    for n in range(3):
        imap.server.append(imap.user, "INBOX", escalation(n))
    assert len(run_once(config, Renderer.create())[0].drafted) == 3

    def states() -> dict[str, str]:
        store = Store.open(config.state_path)
        try:
            return {i.message_id: i.reply_state for i in store.incidents()}
        finally:
            store.close()

    assert set(states().values()) == {"waiting"}               # checked at the end of the pass
    client = imap.server.client(imap.user)
    client.select_folder(imap.drafts)
    drafts = client.fetch(client.search(["ALL"]), ["BODY.PEEK[]"])
    by_reply = {bytes(d[b"BODY[]"]).split(b"In-Reply-To: ")[1].split(b"\r\n")[0].decode(): u for u, d in drafts.items()}
    sent = next(name for flags, _, name in client.list_folders() if any(f.lower() == b"\\sent" for f in flags)
            or name.rsplit(".", 1)[-1] == "Sent")
    client.append(sent, bytes(drafts[by_reply["<r0@client.example>"]][b"BODY[]"]), flags=[b"\\Seen"])   # sent
    client.add_flags([by_reply["<r0@client.example>"], by_reply["<r1@client.example>"]], [b"\\Deleted"])
    client.expunge()
    client.logout()
    store = Store.open(config.state_path)
    try:
        with ImapMailbox.connect(config.accounts[0], imap.password) as mailbox:
            mailbox.open_folder("INBOX")
            check_replies(mailbox, store, "support", imap.drafts, datetime.now(UTC), every=timedelta(0))
    finally:
        store.close()
    assert states() == {"<r0@client.example>": "replied", "<r1@client.example>": "draft_gone",
                        "<r2@client.example>": "waiting"}
