"""The daemon's pure parts (backoff, status) and its bookkeeping, without a server."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from replydraft.app.daemon import RETRY_FIRST, backoff_delay
from replydraft.config import parse
from replydraft.state.status import assess
from replydraft.state.store import Store, WatchStatus

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
ACCOUNT = {"name": "support", "host": "imap.example.com", "username": "u", "from_address": "a@acme.test",
           "poll_interval": "2m", "folders": ["INBOX", {"name": "Billing", "mode": "idle"}]}


def test_backoff_doubles_with_jitter_up_to_the_cap() -> None:
    low, high = (lambda: 0.0), (lambda: 1.0)
    assert backoff_delay(1, 900, low) == RETRY_FIRST / 2 and backoff_delay(1, 900, high) == RETRY_FIRST
    assert backoff_delay(3, 900, high) == RETRY_FIRST * 4
    assert backoff_delay(30, 900, high) == 900 and backoff_delay(30, 900, low) == 450
    assert backoff_delay(0, 900, high) == RETRY_FIRST


def status(folder: str, **kw: object) -> WatchStatus:
    values = dict(account="support", folder=folder, mode="poll", last_attempt=NOW, last_success=NOW,
                  last_error="", last_error_at=None, failures=0, auth_failures=0, next_try=None, waiting=0)
    values.update(kw)
    return WatchStatus(**values)  # type: ignore[arg-type]


def test_status_is_healthy_when_every_folder_was_read_recently() -> None:
    config = parse({"accounts": [ACCOUNT]})
    report = assess(config, [status("INBOX"), status("Billing", mode="idle")], 0, NOW)
    assert report.warnings == []
    assert [row[:4] for row in report.table[1:]] == [("support", "INBOX", "poll", "0s ago"),
                                                     ("support", "Billing", "idle", "0s ago")]



def test_status_in_a_fleet_names_the_daemon_working_on_each_folder() -> None:
    config = parse({"accounts": [ACCOUNT]})
    report = assess(config, [status("INBOX"), status("Billing", mode="idle")], 0, NOW,
                    holders={("support", "INBOX"): "web-2/4242/a1b2c3"})
    assert report.table[0][-1] == "DAEMON"
    assert [row[-1] for row in report.table[1:]] == ["web-2/4242", "-"]


def test_status_warns_about_what_needs_a_person() -> None:
    config = parse({"accounts": [ACCOUNT]})
    statuses = [status("INBOX", failures=2, auth_failures=2, last_error="the server refused the login",
                       last_error_at=NOW, last_success=NOW - timedelta(hours=5))]
    report = assess(config, statuses, 1, NOW)
    text = "\n".join(report.warnings)
    assert "support/INBOX: the login was refused 2 times in a row" in text
    assert "support/Billing: not read yet" in text
    assert "1 draft(s) were being saved" in text
    failing = assess(config, [status("INBOX", failures=4, last_error="can't connect", last_success=None),
                              status("Billing", mode="idle", last_success=NOW - timedelta(hours=2))], 0, NOW)
    assert any("support/INBOX: failing: 4 failures in a row" in w for w in failing.warnings)
    assert any("support/Billing: last read 2h ago" in w for w in failing.warnings)


def test_failures_are_counted_and_reset_by_a_success(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.db")
    first = store.record_failure("a", "INBOX", "poll", "refused", auth=True, next_try=NOW)
    second = store.record_failure("a", "INBOX", "poll", "refused", auth=True, next_try=NOW)
    third = store.record_failure("a", "INBOX", "poll", "timeout", auth=False, next_try=NOW)
    assert (first.failures, second.auth_failures, third.failures, third.auth_failures) == (1, 2, 3, 0)
    store.record_success("a", "INBOX", "poll", waiting=2)
    [ok] = store.watch_statuses()
    assert (ok.failures, ok.auth_failures, ok.waiting, ok.last_error) == (0, 0, 2, "timeout")
    store.close()


def test_status_warns_before_an_oauth_refresh_token_is_likely_to_expire() -> None:
    oauth = {**ACCOUNT, "folders": ["INBOX"], "password_env": None}
    del oauth["password_env"]
    config = parse({"accounts": [{**oauth, "name": "gmail", "auth": "oauth2", "oauth_provider": "google",
                                  "oauth_client_id": "id.apps.googleusercontent.com"}]})
    fresh = assess(config, [status("INBOX", account="gmail")], 0, NOW, {"gmail": NOW - timedelta(days=2)})
    assert fresh.warnings == []
    old = assess(config, [status("INBOX", account="gmail")], 0, NOW, {"gmail": NOW - timedelta(days=7)})
    assert any("gmail: its OAuth2 refresh token was stored 7d ago" in w and "auth oauth gmail" in w
               for w in old.warnings), old.warnings


class _Terminal:
    def __init__(self, tty: bool) -> None:
        self.tty, self.text = tty, ""

    def isatty(self) -> bool:
        return self.tty

    def write(self, text: str) -> None:
        self.text += text

    def flush(self) -> None:
        pass


def test_progress_shows_on_a_terminal_only() -> None:
    from replydraft.app.progress import Progress

    terminal, pipe = _Terminal(True), _Terminal(False)
    for stream in (terminal, pipe):
        progress = Progress(300, "support/INBOX", stream=stream, every=0)  # type: ignore[arg-type]
        for _ in range(300):
            progress.advance()
        progress.done()
    assert "support/INBOX" in terminal.text and "300/300" in terminal.text and terminal.text.endswith("\n")
    assert pipe.text == ""


def test_a_reload_builds_a_new_detector_that_keeps_the_prefilter(tmp_path: Path) -> None:
    """One Detector per config load: a SIGHUP with other [signals] gets a detector of its own,
    and the prefilter a background compile fills serves it as it served the first."""
    from replydraft.app.daemon import Daemon
    from replydraft.detection.prefilter import Prefilter
    from replydraft.reply.render import Renderer

    account = {**ACCOUNT, "password_env": "PW"}
    first = parse({"accounts": [account], "state": {"path": str(tmp_path / "s.db")}})
    second = parse({"accounts": [account], "state": {"path": str(tmp_path / "s.db")},
                    "signals": {"ultimatum": {"threshold": 0.9}}})
    renderer = Renderer.create()
    daemon = Daemon(tmp_path / "replydraft.toml", first, renderer, loader=lambda path: (second, renderer))
    prefilter = Prefilter()
    daemon.use_prefilter(prefilter)
    before = daemon.detector
    assert before.prefilter is prefilter and before.threshold("ultimatum") == 0.6
    assert daemon.reload()
    assert daemon.detector is not before and daemon.detector.threshold("ultimatum") == 0.9
    assert daemon.detector.prefilter is prefilter and before.threshold("ultimatum") == 0.6


def test_a_company_model_trained_while_running_is_used_from_the_next_pass(tmp_path: Path) -> None:
    """A teaching pass (or `teaching train`) writes the company's model; the daemon's next pass
    detects with it, without a reload."""
    import json

    from replydraft.app.daemon import Daemon
    from replydraft.app.model import write_model
    from replydraft.detection.scorer import shipped
    from replydraft.reply.render import Renderer

    config = parse({"accounts": [{**ACCOUNT, "password_env": "PW"}], "state": {"path": str(tmp_path / "s.db")}})
    daemon = Daemon(tmp_path / "replydraft.toml", config, Renderer.create())
    before = daemon.detector
    daemon._refresh_model()
    assert daemon.detector is before                      # nothing changed: the same detector
    model = json.loads(json.dumps(shipped()))
    model["signals"]["ultimatum"]["threshold"] = 0.5
    write_model(config.model_path, json.dumps(model))
    daemon._refresh_model()
    assert daemon.detector is not before and daemon.detector.scorer is not None
    assert {s.name: s.threshold for s in daemon.detector.scorer.signals}["ultimatum"] == 0.5


def test_skipped_polls_are_counted_and_said_once_a_minute() -> None:
    import logging

    from replydraft.app.daemon import LatePolls

    late = LatePolls()
    skipped = 'Execution of job "Daemon._poll (...)" skipped: maximum number of running instances reached (1)'

    def record(message: str) -> logging.LogRecord:
        return logging.LogRecord("apscheduler.scheduler", logging.WARNING, __file__, 1, message, None, None)

    assert not any(late.filter(record(skipped)) for _ in range(500))       # 500 lines: none shown
    assert late.filter(record("Job added"))                                 # anything else passes
    late.since -= LatePolls.EVERY
    said = record(skipped)
    assert late.filter(said) and said.getMessage().startswith("501 poll(s) in the last minute")
    assert late.skipped == 0
