"""The state's SQL on both databases: every Store method, on SQLite and on a real PostgreSQL.

Store writes its SQL once; these tests hold it to meaning the same on both (the upserts, the
watermark that only moves forward, the JSON filter, the order of insertion, counters, purge).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import nullcontext
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from replydraft.app.fleet import Fleet
from replydraft.config import Policy
from replydraft.detection.detector import Detector
from replydraft.detection.teaching import Lesson
from replydraft.errors import LeaseLost, StateError
from replydraft.pipeline import Context, Outcome, triage
from replydraft.reply.render import Renderer
from replydraft.state.database import redact
from replydraft.state.store import COLLISION, SCHEMA_VERSION, FolderRow, IncidentFilter, Store
from support.pgserver import PostgresServer

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
CTX = Context(account="a", from_address="Acme <s@acme.test>", policy=Policy(), detector=Detector(),
              renderer=Renderer.create(), now=NOW)
ESCALATION = "If this isn't fixed by Friday I will leave a 1-star review on Google."
BIG_UID = 4_000_000_000            # UIDs and UIDVALIDITY go up to 2^32 - 1


def outcome(n: int, text: str = "Thanks, all good.", sender: str = "") -> Outcome:
    raw = (f"From: {sender or f'c{n}@x.example'}\r\nMessage-ID: <m{n}@x>\r\nSubject: order {n}\r\n"
           f"Date: Mon, 30 Nov 2026 10:00:00 +0000\r\n\r\n{text}\r\n")
    return triage(raw.encode(), CTX)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=[pytest.mark.postgres, pytest.mark.integration])])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        opened = Store.open(tmp_path / "state.db")
    else:
        opened = Store.connect(request.getfixturevalue("postgres_url"))
    with opened:
        yield opened


def drafted(store: Store, n: int, uid: int, sender: str = "") -> Outcome:
    done = outcome(n, ESCALATION, sender)
    store.begin_draft("a", "INBOX", 7, uid, done, "Drafts", NOW, drafts_state=(3, BIG_UID))
    store.finish_draft("a", "INBOX", 7, uid, done, draft_uid=BIG_UID)
    return done


def test_the_watermark_only_moves_forward_and_holds_any_uid(store: Store) -> None:
    store.set_folder_state("a", "INBOX", FolderRow(BIG_UID, 0, NOW))
    store.advance("a", "INBOX", BIG_UID, BIG_UID)
    store.advance("a", "INBOX", BIG_UID, 5)                  # an older pass finishing late
    store.advance("a", "INBOX", 1, BIG_UID + 1)              # another UIDVALIDITY: not this row
    assert store.folder_state("a", "INBOX") == FolderRow(BIG_UID, BIG_UID, NOW)
    assert store.folder_state("a", "Other") is None


def test_messages_are_recorded_once_and_a_reused_message_id_is_a_collision(store: Store) -> None:
    first = outcome(1)
    assert store.message_status("a", first.source_key, first.fingerprint) is None
    store.set_folder_state("a", "INBOX", FolderRow(7, 0, NOW))
    store.record_message("a", "INBOX", 7, 1, first, "no_signal")
    store.record_message("a", "INBOX", 7, 1, first, "no_signal")        # recorded again: one row
    assert store.message_status("a", first.source_key, first.fingerprint) == "no_signal"
    assert store.message_status("a", first.source_key, "another sender's fingerprint") == COLLISION
    assert store.folder_state("a", "INBOX").last_uid == 1              # type: ignore[union-attr]


def test_a_draft_goes_from_intent_to_drafted_with_its_incident(store: Store) -> None:
    store.set_folder_state("a", "INBOX", FolderRow(7, 0, NOW))
    done = outcome(2, ESCALATION)
    store.begin_draft("a", "INBOX", 7, 2, done, "Drafts", NOW, drafts_state=(3, BIG_UID))
    assert store.unfinished_drafts() == 1
    assert store.pending_draft(done.incident_id) == (3, BIG_UID)
    store.record_incident("a", "INBOX", 2, done, "below_threshold")      # never overwrites a draft's
    store.finish_draft("a", "INBOX", 7, 2, done, draft_uid=BIG_UID)
    incident = store.incident(done.incident_id)
    assert incident is not None and incident.status == "drafted" and incident.draft_uid == BIG_UID
    assert [s.name for s in incident.signals] == ["review_threat", "ultimatum"]
    assert store.unfinished_drafts() == 0
    assert store.incident(done.incident_id[:8]) == incident           # a unique prefix
    assert store.message_status("a", done.source_key) == "drafted"


def test_incidents_filter_by_signal_customer_status_and_time(store: Store) -> None:
    drafted(store, 1, 1, sender="Dana Reyes <dana@big.example>")
    drafted(store, 2, 2)
    store.record_incident("a", "INBOX", 3, outcome(3, "Thanks, all good."), "below_threshold")
    everyone = list(store.incidents())
    assert len(everyone) == 3 and store.count_incidents() == 3
    assert store.count_incidents(IncidentFilter(signal="review_threat")) == 2
    assert store.count_incidents(IncidentFilter(signal="legal_threat")) == 0
    assert [i.sender for i in store.incidents(IncidentFilter(customer="@big.example"))] == ["dana@big.example"]
    assert store.count_incidents(IncidentFilter(customer="dana")) == 1
    assert store.count_incidents(IncidentFilter(status="below_threshold")) == 1
    assert store.count_incidents(IncidentFilter(since=datetime.now(UTC) + timedelta(hours=1))) == 0
    history = store.history("dana@big.example", datetime.now(UTC))
    assert len(history.times) == 1


def test_the_latest_follow_up_in_a_thread_is_the_one_inserted_last(store: Store) -> None:
    first = drafted(store, 1, 1, sender="dana@big.example")
    second = drafted(store, 2, 2, sender="dana@big.example")
    third = drafted(store, 3, 3, sender="dana@big.example")
    store.db.execute("UPDATE incidents SET created_at=?, subject_key='order'", (NOW.isoformat(),))   # same second
    earlier = store.earlier_in_thread("a", third.incident_id, days=3650)
    assert earlier is not None and earlier.id == second.incident_id
    store.link_follow_up(third.incident_id, second.incident_id, replaced=True)
    assert store.incident(second.incident_id).replaced_by == third.incident_id    # type: ignore[union-attr]
    assert store.earlier_in_thread("a", third.incident_id, days=3650).id == first.incident_id  # type: ignore[union-attr]


def test_watch_status_counts_failures_in_a_row(store: Store) -> None:
    store.record_failure("a", "INBOX", "poll", "refused", auth=True, next_try=None)
    status = store.record_failure("a", "INBOX", "poll", "refused", auth=True, next_try=NOW)
    assert (status.failures, status.auth_failures, status.next_try) == (2, 2, NOW)
    status = store.record_failure("a", "INBOX", "poll", "timeout", auth=False, next_try=None)
    assert (status.failures, status.auth_failures) == (3, 0)
    store.record_success("a", "INBOX", "poll", waiting=4)
    (after,) = store.watch_statuses()
    assert (after.failures, after.waiting, after.last_error) == (0, 4, "timeout")


def test_lessons_are_taught_moved_and_forgotten(store: Store) -> None:
    lesson = Lesson("k", "t", "a", "replydraft/missed", 9, BIG_UID, True, frozenset({"legal_threat"}), "s", "b", NOW)
    assert store.teach(lesson, NOW)[0] == "new"
    assert store.teach(lesson, NOW)[0] == "same"
    moved = Lesson("k", "t", "a", "replydraft/not-escalation", 9, 5, False, frozenset(), "s", "b", NOW)
    assert store.teach(moved, NOW)[0] == "relabelled"
    assert store.lessons() == [moved]
    store.pass_over("a", "replydraft/missed", 9, 6)
    store.pass_over("a", "replydraft/missed", 9, 6)
    assert store.taught_uids("a", "replydraft/missed", 9) == {BIG_UID, 6}
    assert store.forget_missing("a", {"replydraft/not-escalation": (9, set())}) == [moved]
    assert store.lessons() == []


def test_purge_deletes_old_incidents_and_keeps_what_was_handled(store: Store) -> None:
    done = drafted(store, 1, 1)
    assert store.purge(datetime.now(UTC) + timedelta(seconds=5)) == 1
    assert store.count_incidents() == 0
    assert store.message_status("a", done.source_key) == "drafted"


def test_a_batch_commits_together_and_an_error_rolls_its_share_back(store: Store) -> None:
    store.set_folder_state("a", "INBOX", FolderRow(7, 0, NOW))
    with store.batch(size=50):
        for n in range(1, 4):
            store.record_message("a", "INBOX", 7, n, outcome(n), "no_signal")
        drafted(store, 9, 4)                                   # durable: the batch commits first
    assert store.folder_state("a", "INBOX").last_uid == 4      # type: ignore[union-attr]
    assert all(store.message_status("a", outcome(n).source_key) for n in range(1, 4))


# -- PostgreSQL only --------------------------------------------------------------------


@pytest.mark.postgres
@pytest.mark.integration
def test_many_daemons_starting_at_once_migrate_the_database_once(postgres_url: str) -> None:
    errors: list[str] = []
    start = threading.Barrier(12)

    def open_it() -> None:
        start.wait()
        try:
            Store.connect(postgres_url).close()
        except StateError as exc:
            errors.append(str(exc))

    threads = [threading.Thread(target=open_it) for _ in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with Store.connect(postgres_url) as store:
        assert store.db.schema_version() == SCHEMA_VERSION


@pytest.mark.postgres
@pytest.mark.integration
def test_a_newer_schema_is_refused_with_what_to_do(postgres_url: str) -> None:
    with Store.connect(postgres_url) as store:
        store.db.execute("UPDATE replydraft_schema SET version = 99")
    with pytest.raises(StateError, match=r"written by a newer replydraft \(schema 99"):
        Store.connect(postgres_url)


@pytest.mark.postgres
@pytest.mark.integration
def test_a_server_restart_fails_one_statement_and_the_next_reconnects(postgres_server: PostgresServer,
                                                                      postgres_url: str) -> None:
    with Store.connect(postgres_url) as store:
        store.set_folder_state("a", "INBOX", FolderRow(7, 3, NOW))
        postgres_server.stop()
        postgres_server.start()
        with pytest.raises(StateError, match=r"failed: .*the next pass tries again"):
            store.folder_state("a", "INBOX")
        assert store.folder_state("a", "INBOX") == FolderRow(7, 3, NOW)


@pytest.mark.postgres
@pytest.mark.integration
def test_errors_never_show_the_password(postgres_server: PostgresServer) -> None:
    url = f"postgresql://nobody:hunter2@127.0.0.1:{postgres_server.port}/nowhere"
    with pytest.raises(StateError) as caught:
        Store.connect(url)
    assert "hunter2" not in str(caught.value) and "nobody:***@127.0.0.1" in str(caught.value)
    assert "hunter2" not in redact(url + "?password=hunter2")


def test_a_state_url_that_is_not_postgresql_is_a_config_error() -> None:
    from replydraft.config import parse
    from replydraft.errors import ConfigError

    with pytest.raises(ConfigError, match=r"state\.url: must be a PostgreSQL URL"):
        parse({"state": {"url": "mysql://db/replydraft"}})
    with pytest.raises(ConfigError, match=r"state\.lease: must be between 5s and 1h"):
        parse({"state": {"lease": "1s"}})
    assert parse({"state": {"url": "postgresql://rd@db/replydraft", "lease": "90s"}}).lease == 90


# -- the fleet's leases (on SQLite too: one daemon is a fleet of one) --------------------


def test_a_lease_is_held_by_one_daemon_until_it_expires_then_taken_over_with_a_new_token(store: Store) -> None:
    mine = store.take_lease("a", "INBOX", "d1", 0.5)
    assert mine is not None and mine.token == 1
    assert store.take_lease("a", "INBOX", "d2", 0.5) is None           # held
    assert store.take_lease("a", "INBOX", "d1", 0.5) == mine           # kept by its holder, same token
    assert store.renew_leases("d1", 0.5) == [mine]
    time.sleep(0.7)
    assert store.renew_leases("d1", 0.5) == []                         # expired: lost
    theirs = store.take_lease("a", "INBOX", "d2", 30)
    assert theirs is not None and theirs.token == 2
    assert store.lease_holders() == {("a", "INBOX"): "d2"}
    store.release_lease(theirs)
    assert store.lease_holders() == {}
    assert store.take_lease("a", "INBOX", "d1", 30).token == 3         # type: ignore[union-attr]


def test_an_intent_needs_the_folders_lease_and_renews_it(store: Store) -> None:
    store.set_folder_state("a", "INBOX", FolderRow(7, 0, NOW))
    lease = store.take_lease("a", "INBOX", "d1", 0.5)
    assert lease is not None
    store.hold(lease)
    time.sleep(0.3)
    store.begin_draft("a", "INBOX", 7, 1, outcome(1, ESCALATION), "Drafts", NOW)   # renews: 0.5 s from now
    time.sleep(0.3)
    assert store.take_lease("a", "INBOX", "d2", 30) is None          # still held thanks to the intent
    time.sleep(0.4)
    assert store.take_lease("a", "INBOX", "d2", 30) is not None      # expired, taken over
    with pytest.raises(LeaseLost, match="another replydraft took this folder over"):
        store.begin_draft("a", "INBOX", 7, 2, outcome(2, ESCALATION), "Drafts", NOW)
    assert store.message_status("a", outcome(2, ESCALATION).source_key) is None   # no intent recorded
    store.fencing, store.leases = True, {}
    with pytest.raises(LeaseLost):                                    # fenced, and no lease for it at all
        store.begin_draft("a", "INBOX", 7, 3, outcome(3, ESCALATION), "Drafts", NOW)


def test_heartbeats_count_the_daemons_alive_and_a_leaving_one_frees_its_folders(store: Store) -> None:
    assert store.heartbeat("d1", "h", 1, alive=30) == 1
    assert store.heartbeat("d2", "h", 2, alive=30) == 2
    store.take_lease("a", "INBOX", "d1", 30)
    store.take_lease("a", "Sales", "d1", 30)
    store.leave("d1")
    assert store.lease_holders() == {} and store.heartbeat("d2", "h", 2, alive=30) == 1


def test_fleet_members_divide_the_folders_fairly(store: Store) -> None:
    first, second = Fleet(60, holder="d1"), Fleet(60, holder="d2")

    def opened() -> nullcontext[Store]:          # the test's store, not closed by the claim
        return nullcontext(store)

    first.keep(store, 4)
    assert [first.claim(opened, "a", f, 4) is not None for f in "wxyz"] == [True] * 4   # alone: all four
    second.keep(store, 4)                                              # a second daemon is alive
    assert [second.claim(opened, "a", f, 4) for f in "wxyz"] == [None] * 4
    lost, over = first.keep(store, 4)
    assert lost == [] and over == ["a/y", "a/z"]                      # over its share of two
    for key in over:
        first.give_up(store, key)
    second.keep(store, 4)
    assert [second.claim(opened, "a", f, 4) is not None for f in "wxyz"] == [False, False, True, True]
    assert first.claim(opened, "a", "y", 4) is None                    # at its share: takes no more
    assert sorted(store.lease_holders().values()) == ["d1", "d1", "d2", "d2"]
