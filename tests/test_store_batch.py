"""Store.batch: ordinary mail is recorded in groups, while an intent to draft is durable at once."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from replydraft.config import Policy
from replydraft.detection.detector import Detector
from replydraft.pipeline import Context, triage
from replydraft.reply.render import Renderer
from replydraft.state.store import FolderRow, Store

CTX = Context(account="a", from_address="Acme <s@acme.test>", policy=Policy(), detector=Detector(),
              renderer=Renderer.create(), now=datetime(2026, 12, 1, tzinfo=UTC))


def outcome(n: int, text: str = "Thanks, all good."):  # type: ignore[no-untyped-def]
    return triage(f"From: c{n}@x.example\r\nMessage-ID: <m{n}@x>\r\nSubject: s\r\n\r\n{text}\r\n".encode(), CTX)


def seen(path: Path) -> int:
    other = sqlite3.connect(path)
    try:
        return int(other.execute("SELECT count(*) FROM messages").fetchone()[0])
    finally:
        other.close()


def test_batched_records_commit_in_groups_and_before_an_intent(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    store = Store.open(path)
    store.set_folder_state("a", "INBOX", FolderRow(1, 0, CTX.now))
    with store.batch(size=3):
        for n in range(2):
            store.record_message("a", "INBOX", 1, n + 1, outcome(n), "no_signal")
        assert seen(path) == 0                       # still in the open batch
        store.record_message("a", "INBOX", 1, 3, outcome(2), "no_signal")
        assert seen(path) == 3                       # a full batch commits
        store.record_message("a", "INBOX", 1, 4, outcome(3), "no_signal")
        escalation = outcome(9, "If this isn't fixed by Friday I will leave a 1-star review on Google.")
        store.begin_draft("a", "INBOX", 1, 5, escalation, "Drafts", None)
        assert seen(path) == 5                       # the batch, then the intent, both durable now
        store.record_message("a", "INBOX", 1, 6, outcome(4), "no_signal")
    assert seen(path) == 6                           # the end of the batch commits the rest
    assert store.folder_state("a", "INBOX").last_uid == 6   # type: ignore[union-attr]
    store.close()
