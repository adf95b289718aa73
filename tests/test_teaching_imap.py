"""Teaching folders against a real Dovecot and Cyrus: a pass creates them under the server's own
namespace and delimiter, reads what a person moved in (read-only: nothing is flagged, moved or
marked read), keeps one lesson per message however often it is read, forgets one moved out again,
and `evaluate --local` measures the detector on them."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from replydraft.app.service import run_once
from replydraft.cli import main
from replydraft.config import load
from replydraft.detection.teaching import teaching_folders
from replydraft.reply.render import Renderer
from replydraft.state.store import Store
from support.account_config import PASSWORD_ENV, write_config

pytestmark = pytest.mark.integration


def message(n: int, subject: str, body: str) -> bytes:
    return (f"From: Customer {n} <c{n}@client.example>\r\nSubject: {subject}\r\n"
            f"Message-ID: <t{n}@client.example>\r\nDate: Mon, 30 Nov 2026 09:0{n}:00 +0000\r\n\r\n"
            f"{body}\r\n").encode()


COUNSEL = message(1, "Invoice 1042", "We have instructed counsel regarding invoice 1042.\r\n\r\n"
                  "> earlier text quoted from our reply\r\n> is not the customer's")
REVIEW = message(2, "My order", "Everyone on the neighbourhood forum has read my review now.")
VAGUE = message(3, "Still waiting", "This is the last time I ask nicely about the refund.")
CALM = message(4, "Selection", "We will make our selection by May 3 and let you know then.")
DRAFTED = message(5, "Logo files", "If the files aren't here by Friday I will leave a 1-star review on Google.")


def folders(imap) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """The teaching folders' names on this server: "missed", "legal_threat", ..., "not-escalation"."""
    client = imap.server.client(imap.user)
    try:
        personal = client.namespace().personal[0]
    finally:
        client.logout()
    prefix, delimiter = (p.decode() if isinstance(p, bytes) else p for p in personal)
    found = teaching_folders("replydraft/missed", "replydraft/not-escalation", prefix, delimiter)
    return {f.name.rsplit(delimiter, 1)[-1]: f.name for f in found}


def state_of(imap, names: list[str]) -> dict[str, list[tuple[int, frozenset[bytes]]]]:  # type: ignore[no-untyped-def]
    """Every message's UID and flags in these folders."""
    client = imap.server.client(imap.user)
    try:
        out = {}
        for name in names:
            client.select_folder(name, readonly=True)
            data = client.fetch(client.search(["ALL"]), ["FLAGS"])
            out[name] = sorted((uid, frozenset(d[b"FLAGS"])) for uid, d in data.items())
        return out
    finally:
        client.logout()


def test_teaching_folders_become_the_local_set(imap, tmp_path: Path, monkeypatch, capsys, caplog) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv(PASSWORD_ENV, imap.password)
    path = write_config(tmp_path, imap.server.port, imap.user)
    config = load(path)
    run_once(config, Renderer.create())                      # creates the folders
    names = folders(imap)
    client = imap.server.client(imap.user)
    try:
        listed = {name for _, _, name in client.list_folders()}
    finally:
        client.logout()
    assert set(names.values()) <= listed, (names, listed)

    imap.server.append(imap.user, names["legal_threat"], COUNSEL)
    imap.server.append(imap.user, names["review_threat"], REVIEW)
    imap.server.append(imap.user, names["missed"], VAGUE)
    imap.server.append(imap.user, names["not-escalation"], CALM)
    imap.server.append(imap.user, "INBOX", DRAFTED)
    before = state_of(imap, list(names.values()))
    run_once(config, Renderer.create())
    with Store.open(config.state_path) as store:
        lessons = {lesson.subject: lesson for lesson in store.lessons()}
    assert set(lessons) == {"Invoice 1042", "My order", "Still waiting", "Selection"}
    assert lessons["Invoice 1042"].labels == {"legal_threat"}
    assert lessons["Invoice 1042"].body == "We have instructed counsel regarding invoice 1042."   # the new text only
    assert lessons["My order"].labels == {"review_threat"}
    assert lessons["Still waiting"].escalation and not lessons["Still waiting"].labels
    assert not lessons["Selection"].escalation and not lessons["Selection"].labels
    assert state_of(imap, list(names.values())) == before     # read-only: nothing flagged, moved or read
    assert json.loads(config.model_path.read_text())["trained"]["messages"] == 3   # trained again by the pass

    run_once(config, Renderer.create())                      # a second pass teaches nothing new
    with Store.open(config.state_path) as store:
        again = store.lessons()
    assert {lesson.subject: lesson for lesson in again} == lessons

    # The same message moved on to another teaching folder: the later one counts.
    imap.server.append(imap.user, names["not-escalation"], VAGUE)
    run_once(config, Renderer.create())
    with Store.open(config.state_path) as store:
        moved = {lesson.subject: lesson for lesson in store.lessons()}
    assert len(moved) == 4 and not moved["Still waiting"].escalation

    capsys.readouterr()
    assert main(["evaluate", "--local", "-c", str(path)]) == 0
    out = capsys.readouterr().out
    assert "legal_threat" in out and "examples: 4" in out
    assert "escalations whose signal was not said" not in out          # that one was moved to not-escalation
    feedback = out.split("Weak feedback")[1]
    assert "drafts" in feedback and "deleted unedited" in feedback
    assert [line.split()[:3] for line in feedback.splitlines() if line.startswith("review_threat")] == \
        [["review_threat", "1", "0"]]
    assert main(["teaching", "list", "-c", str(path)]) == 0
    listing = capsys.readouterr().out
    assert "Invoice 1042" in listing and "legal_threat" in listing and "not an escalation" in listing

    assert main(["teaching", "train", "-c", str(path)]) == 0             # the company's model, then used
    assert config.model_path.exists() and "Trained the company's model on 4" in capsys.readouterr().out
    with caplog.at_level(logging.INFO, logger="replydraft"):
        run_once(config, Renderer.create())
    logged = caplog.text + capsys.readouterr().err                       # main() logs to stderr
    assert "the rules and the company's model" in logged and imap.password not in logged

    # A person takes a lesson back: the message moved out of the teaching folders is forgotten.
    client = imap.server.client(imap.user)
    try:
        client.select_folder(names["review_threat"])
        client.move(client.search(["ALL"]), "INBOX")
    finally:
        client.logout()
    run_once(config, Renderer.create())
    with Store.open(config.state_path) as store:
        assert {lesson.subject for lesson in store.lessons()} == {"Invoice 1042", "Still waiting", "Selection"}
