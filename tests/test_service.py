"""One pass over a folder, on a real local Maildir: exactly one draft per escalation, even after a crash."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from replydraft.app import service
from replydraft.app.demo import DEMO_ACCOUNT, demo_config, sample_messages
from replydraft.app.service import make_context, process_folder
from replydraft.mail.maildir import MaildirMailbox
from replydraft.reply.render import Renderer
from replydraft.state.store import Store

LOOKBACK = timedelta(days=30)


class Crash(Exception):
    """Stands in for the process dying at a chosen point."""


class FlakyMaildir(MaildirMailbox):
    """A Maildir that can die just before or just after an APPEND."""

    crash_before_append = False
    crash_after_append = False
    appends = 0

    def append_draft(self, drafts: str, raw: bytes, when: datetime, *,
                     original_uid: int | None = None) -> int | None:
        if self.crash_before_append:
            raise Crash("before append")
        result = super().append_draft(drafts, raw, when, original_uid=original_uid)
        self.appends += 1
        if self.crash_after_append:
            raise Crash("after append")
        return result


@pytest.fixture
def world(tmp_path: Path):
    mailbox = FlakyMaildir(tmp_path / "Maildir")
    for _, raw in sample_messages():
        mailbox.deliver("INBOX", raw)
    config = demo_config(tmp_path)
    renderer = Renderer.create()

    def run(dry_run: bool = False):
        store = Store.open(config.state_path)
        try:
            ctx = make_context(config, DEMO_ACCOUNT, renderer)
            return process_folder(mailbox, store, ctx, folder="INBOX", drafts=mailbox.resolve_drafts("auto"),
                                  lookback=LOOKBACK, dry_run=dry_run)
        finally:
            store.close()

    return mailbox, config, run


def draft_ids(mailbox: MaildirMailbox) -> list[str]:
    folder = mailbox._folder("Drafts")
    return sorted(m["Message-ID"] for m in folder)


def test_escalations_get_one_draft_each_and_nothing_twice(world) -> None:
    mailbox, config, run = world
    report = run()
    assert report.examined == 8
    assert len(report.drafted) == 5 and report.no_signal == 2 and report.skipped == 1
    first = draft_ids(mailbox)
    assert len(first) == len(set(first)) == 5
    again = run()
    assert again.examined == 0 and not again.drafted
    assert draft_ids(mailbox) == first
    store = Store.open(config.state_path)
    incidents = list(store.incidents())
    assert len(incidents) == 5 and all(i.status == "drafted" for i in incidents)
    assert all(s.evidence for i in incidents for s in i.signals)   # every incident says why


def test_customer_mail_is_left_exactly_as_it_was(world) -> None:
    mailbox, _, run = world
    inbox = Path(mailbox.maildir._path)
    before = {p.name: p.read_bytes() for p in (inbox / "new").iterdir()}
    run()
    after = {p.name: p.read_bytes() for p in (inbox / "new").iterdir()}
    assert before == after


def test_crash_before_append_is_finished_by_the_next_pass(world) -> None:
    mailbox, _, run = world
    mailbox.crash_before_append = True
    with pytest.raises(Crash):
        run()
    assert draft_ids(mailbox) == []
    mailbox.crash_before_append = False
    run()
    assert len(draft_ids(mailbox)) == 5


def test_crash_after_append_does_not_duplicate_the_draft(world) -> None:
    mailbox, _config, run = world
    mailbox.crash_after_append = True
    with pytest.raises(Crash):
        run()
    assert len(draft_ids(mailbox)) == 1          # on the server, but not recorded as done
    mailbox.crash_after_append = False
    report = run()
    assert report.recovered == 1
    ids = draft_ids(mailbox)
    assert len(ids) == len(set(ids)) == 5
    assert mailbox.appends == 5


def test_uidvalidity_change_does_not_redraft(world, tmp_path: Path) -> None:
    mailbox, _, run = world
    run()
    uidlist = Path(mailbox.maildir._path) / "replydraft-uids.json"
    uidlist.unlink()                         # new UIDs and UIDVALIDITY... same messages
    import json
    run_state = {"uidvalidity": 7, "next": 1, "keys": {}}
    uidlist.write_text(json.dumps(run_state))
    report = run()
    assert report.already == 8 and not report.drafted
    assert len(draft_ids(mailbox)) == 5


def test_dry_run_drafts_nothing_and_logs_what_it_would_have_drafted(world) -> None:
    mailbox, config, run = world
    report = run(dry_run=True)
    assert len(report.drafted) == 5
    assert draft_ids(mailbox) == []
    assert [i.status for i in Store.open(config.state_path).incidents()] == ["dry_run"] * 5
    assert len(run().drafted) == 5           # a real pass afterwards still drafts everything
    statuses = sorted(i.status for i in Store.open(config.state_path).incidents())
    assert statuses.count("drafted") == 5 and "dry_run" not in statuses


@pytest.mark.parametrize(("from_count", "said"), [(8, True), (9, False)])
def test_a_big_backlog_is_announced_before_its_first_batch(world, monkeypatch, caplog, from_count: int,
                                                           said: bool) -> None:
    """A first scan says how much there is at once: its first lines come only after a whole batch."""
    monkeypatch.setattr(service, "PROGRESS_FROM", from_count)
    caplog.set_level("INFO", logger="replydraft.app.service")
    world[2]()
    messages = [r.getMessage() for r in caplog.records]
    assert messages[0].endswith("/INBOX: 8 new message(s) to examine") is said
    assert len(messages) == 8 + said


def test_messages_older_than_the_lookback_are_ignored(world) -> None:
    mailbox, config, _run = world
    store = Store.open(config.state_path)
    ctx = make_context(config, DEMO_ACCOUNT, Renderer.create(),
                       now=datetime.now(UTC) + timedelta(days=60))
    report = process_folder(mailbox, store, ctx, folder="INBOX", drafts=mailbox.resolve_drafts("auto"),
                            lookback=LOOKBACK)
    assert report.examined == 0 and draft_ids(mailbox) == []


def _break_detection(monkeypatch: pytest.MonkeyPatch, error: Exception, where: str) -> None:
    """Detection raises ``error`` on the message whose text holds ``where``."""
    from replydraft.detection import detector as detection
    real = detection._detect

    def broken(examined, *args):
        if where in examined.text:
            raise error
        return real(examined, *args)

    monkeypatch.setattr(detection, "_detect", broken)


def test_a_message_that_breaks_detection_is_recorded_and_the_rest_are_handled(world, monkeypatch) -> None:
    _mailbox, config, run = world
    _break_detection(monkeypatch, RuntimeError("a bug"), where="an online shop and a German version")
    report = run()
    assert report.examined == 8
    assert len(report.drafted) + report.no_signal + report.skipped == 8
    store = Store.open(config.state_path)
    errors = [i for i in store.incidents() if i.status == "error"]
    assert len(errors) == 1 and "RuntimeError: a bug" in errors[0].reason
    assert len(report.drafted) == 4            # the other escalations, as without the bug


def test_a_config_error_during_detection_stops_the_pass(world, monkeypatch) -> None:
    from replydraft.errors import ConfigError
    _mailbox, _config, run = world
    _break_detection(monkeypatch, ConfigError("a company pattern is broken"), where="My lawyer will be in touch")
    with pytest.raises(ConfigError, match="company pattern"):
        run()


def test_classify_many_gives_what_classify_gives_in_order() -> None:
    from replydraft.detection.detector import Detector
    from replydraft.pipeline import Inputs, classify, classify_many
    raws = [raw for _, raw in sample_messages()]
    inputs = Inputs(Detector(), "example.com")
    assert classify_many(raws, inputs) == [classify(r, inputs) for r in raws]


def test_messages_recorded_before_fingerprints_are_still_recognised(world) -> None:
    """Rows written before schema 7 have no fingerprint: an upgrade must not draft them again,
    nor lose an APPEND that was under way (the message's key, and so its draft's, is unchanged)."""
    mailbox, config, run = world
    mailbox.crash_after_append = True
    with pytest.raises(Crash):
        run()
    mailbox.crash_after_append = False
    with Store.open(config.state_path) as store:
        store.db.execute("UPDATE messages SET fingerprint = ''")
    report = run()
    assert report.recovered == 1 and len(draft_ids(mailbox)) == 5
    with Store.open(config.state_path) as store:
        store.db.execute("UPDATE messages SET fingerprint = ''")
        store.db.execute("DELETE FROM folder_state")              # read everything again
    again = run()
    assert again.already == 8 and not again.drafted and len(draft_ids(mailbox)) == 5


def test_a_reused_message_id_gets_a_draft_of_its_own_exactly_once(world) -> None:
    mailbox, config, run = world
    run()
    with Store.open(config.state_path) as store:
        taken = next(store.incidents()).message_id
    mailbox.deliver("INBOX", (f"From: Sam Vale <sam@other.example>\r\nSubject: Refund\r\nMessage-ID: {taken}\r\n"
                              "Date: Tue, 01 Dec 2026 10:00:00 +0000\r\n\r\n"
                              "Refund me by Friday or I will take you to small claims court.\r\n").encode())
    mailbox.crash_after_append = True
    with pytest.raises(Crash):
        run()
    mailbox.crash_after_append = False
    assert run().recovered == 1
    assert len(draft_ids(mailbox)) == len(set(draft_ids(mailbox))) == 6


def test_drafts_are_unread_in_the_maildir_unless_configured(tmp_path: Path) -> None:
    for unread, flags in ((True, "D"), (False, "DS")):
        mailbox = MaildirMailbox(tmp_path / f"Maildir-{unread}", drafts_unread=unread)
        mailbox.create_folder("Drafts")
        mailbox.append_draft("Drafts", b"Message-ID: <replydraft.a@acme.test>\r\n\r\nHi\r\n", datetime.now(UTC))
        assert [m.get_flags() for m in mailbox._folder("Drafts")] == [flags]
        assert mailbox.find_draft("Drafts", "<replydraft.a@acme.test>") is not None


def test_a_draft_a_person_saved_anew_is_edited_and_a_follow_ups_draft_is_not(world) -> None:
    """Our draft replaced by a person's saved copy (new Message-ID, same In-Reply-To): edited. Our
    draft deleted, with another draft of ours naming the message in its References (as a
    follow-up's draft does): gone, since no person saved anything for it."""
    mailbox, config, run = world
    run()
    store = Store.open(config.state_path)
    try:
        first, second, *_ = sorted(store.incidents(), key=lambda i: i.id)
        folder = mailbox._folder("Drafts")
        for key in list(folder.keys()):
            message = folder[key]
            if message["Message-ID"] == first.draft_message_id:
                del message["Message-ID"]
                message["Message-ID"] = "<saved.1@mua.example>"
                folder[key] = message
        others = {i.id for i in store.incidents()} - {first.id, second.id}
        service.check_replies(mailbox, store, DEMO_ACCOUNT.name, "Drafts", datetime.now(UTC), every=timedelta(0))
        states = {i.id: i.reply_state for i in store.incidents()}
        assert states[first.id] == "edited" and all(states[o] == "waiting" for o in others)
        folder.remove(next(k for k in folder.iterkeys() if folder[k]["Message-ID"] == second.draft_message_id))
        folder.add(f"Message-ID: <replydraft.later@acme.test>\nReferences: {second.message_id}\n\nHi\n")
        service.check_replies(mailbox, store, DEMO_ACCOUNT.name, "Drafts", datetime.now(UTC), every=timedelta(0))
        states = {i.id: i.reply_state for i in store.incidents()}
        assert states[first.id] == "edited" and states[second.id] == "draft_gone"
    finally:
        store.close()


def test_a_message_for_a_person_is_flagged_only_where_the_account_asks(tmp_path: Path) -> None:
    raw = (b"From: Sam <sam@client.example>\r\nSubject: your office\r\nMessage-ID: <p1@client.example>\r\n"
           b"Date: Mon, 30 Nov 2026 09:00:00 +0000\r\n\r\nI know where your manager lives.\r\n")
    config = demo_config(tmp_path)
    for flag in (False, True):
        mailbox = MaildirMailbox(tmp_path / f"Maildir-{flag}", flag_needs_person=flag)
        mailbox.deliver("INBOX", raw)
        store = Store.open(tmp_path / f"state-{flag}.db")
        try:
            ctx = make_context(config, DEMO_ACCOUNT, Renderer.create())
            process_folder(mailbox, store, ctx, folder="INBOX", drafts=mailbox.resolve_drafts("auto"),
                           lookback=LOOKBACK)
            assert [i.status for i in store.incidents()] == ["needs_person"]
        finally:
            store.close()
        assert ["F" in m.get_flags() for m in mailbox._folder("INBOX")] == [flag]
        assert list(mailbox._folder("Drafts")) == []
