"""A message for a person (a safety matter) gets no draft, and with `flag_needs_person` it is
flagged \\Flagged in its folder, against a real Dovecot and Cyrus; nothing else in the folder changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from replydraft.app.service import run_once
from replydraft.config import load
from replydraft.reply.render import Renderer
from support.account_config import PASSWORD_ENV, write_config

pytestmark = pytest.mark.integration

SAFETY = (b"From: Sam Hale <sam@client.example>\r\nSubject: the office\r\nMessage-ID: <p1@client.example>\r\n"
          b"Date: Mon, 30 Nov 2026 09:00:00 +0000\r\n\r\nI know where your manager lives. Refund me.\r\n")
CALM = (b"From: Ann Lee <ann@client.example>\r\nSubject: thanks\r\nMessage-ID: <c1@client.example>\r\n"
        b"Date: Mon, 30 Nov 2026 09:05:00 +0000\r\n\r\nThe files arrived, thank you.\r\n")
LATER = (b"From: Rita Ames <rita@client.example>\r\nSubject: Logo files\r\nMessage-ID: <e1@client.example>\r\n"
         b"Date: Mon, 30 Nov 2026 09:10:00 +0000\r\n\r\nIf the files aren't here by Friday I will leave a "
         b"1-star review on Google.\r\n")


def flags(imap) -> dict[bytes, set[bytes]]:  # type: ignore[no-untyped-def]
    client = imap.server.client(imap.user)
    try:
        client.select_folder("INBOX", readonly=True)
        data = client.fetch(client.search(["ALL"]), ["FLAGS", "BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"])
        return {d[b"BODY[HEADER.FIELDS (MESSAGE-ID)]"].split(b"<")[1].split(b">")[0]: set(d[b"FLAGS"])
                for d in data.values()}
    finally:
        client.logout()


@pytest.mark.parametrize("flag", [False, True], ids=["default", "flag_needs_person"])
def test_a_message_for_a_person_is_flagged_when_asked(imap, tmp_path: Path, monkeypatch, flag: bool) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv(PASSWORD_ENV, imap.password)
    path = write_config(tmp_path, imap.server.port, imap.user)
    if flag:
        path.write_text(path.read_text() + "flag_needs_person = true\n")
    config = load(path)
    imap.server.append(imap.user, "INBOX", SAFETY)
    imap.server.append(imap.user, "INBOX", CALM)
    imap.server.append(imap.user, "INBOX", LATER)
    report = run_once(config, Renderer.create())[0]
    assert report.examined == 3 and report.skipped == 1 and len(report.drafted) == 1   # read on after the flag
    found = flags(imap)
    assert (b"\\Flagged" in found[b"p1@client.example"]) is flag
    assert not any(b"\\Flagged" in found[m] for m in (b"c1@client.example", b"e1@client.example"))
    assert not any(b"\\Seen" in f for f in found.values())                           # all still unread
    run_once(config, Renderer.create())           # a second pass changes nothing
    assert flags(imap) == found
