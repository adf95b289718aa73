"""The long-running daemon against a real Dovecot: IDLE push, backoff and recovery when the
server goes away, one account failing beside a healthy one, SIGHUP reloads, status."""

from __future__ import annotations

import json
import os
import re
import resource
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from replydraft.cli import main
from replydraft.mail.imap import IDLE_ROUND
from replydraft.state.store import Store

pytestmark = pytest.mark.integration

PASSWORD_ENV = "REPLYDRAFT_TEST_PASSWORD"


def escalation(n: int) -> bytes:
    return (f"From: Customer {n} <c{n}@client.example>\r\nSubject: Order {n}\r\nMessage-ID: <d{n}.{time.time()}@client"
            f".example>\r\n\r\nIf order {n} isn't here by Friday I will leave a 1-star review on Google.\r\n").encode()


def account_toml(name: str, port: int, user: str, **extra: str) -> str:
    settings = {"name": name, "host": '"127.0.0.1"', "port": str(port), "tls": '"none"', "username": f'"{user}"',
                "password_env": f'"{PASSWORD_ENV}"', "poll_interval": '"1s"', "timeout": '"5s"',
                "retry_max": '"2s"', "from_address": '"Acme Support <support@acme.test>"', **extra}
    settings["name"] = f'"{name}"'
    return "[[accounts]]\n" + "".join(f"{k} = {v}\n" for k, v in settings.items())


def write_config(tmp_path: Path, *accounts: str, policy: str = 'company = "Acme Design Co"') -> Path:
    path = tmp_path / "replydraft.toml"
    path.write_text(f'[state]\npath = "{tmp_path / "state.db"}"\n[policy]\n{policy}\n' + "\n".join(accounts))
    return path


def draft_count(server, user: str) -> int:
    client = server.client(user)
    try:
        return int(client.select_folder(server.drafts_folder, readonly=True)[b"EXISTS"])
    finally:
        client.logout()


def wait_for(predicate, timeout: float = 20.0, step: float = 0.02) -> float:  # type: ignore[no-untyped-def]
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if predicate():
            return time.monotonic() - started
        time.sleep(step)
    raise AssertionError("timed out")


class Daemon:
    def __init__(self, config: Path, password: str, *args: str,
                 preexec_fn: Callable[[], None] | None = None) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "replydraft", *args, "run", "--config", str(config)],
                                     env={**os.environ, PASSWORD_ENV: password}, preexec_fn=preexec_fn,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line)

    def output(self) -> str:
        return "".join(self.lines)

    def wait_for_output(self, text: str, timeout: float = 30.0) -> None:
        """Until the log has ``text``: what a test waits for instead of a guessed sleep."""
        try:
            wait_for(lambda: text in self.output() or self.proc.poll() is not None, timeout)
        except AssertionError:
            raise AssertionError(f"no {text!r} in the log:\n{self.output()}") from None
        assert text in self.output(), f"the daemon ended (exit {self.proc.returncode}):\n{self.output()}"

    def stop(self) -> str:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._reader.join(5)
        return self.output()

    def __enter__(self) -> Daemon:
        return self

    def __exit__(self, *exc: object) -> None:
        out = self.stop()
        if exc[0] is not None:
            print(out)


def test_idle_drafts_within_about_a_second(imap, tmp_path: Path) -> None:
    config = write_config(tmp_path, account_toml("support", imap.server.port, imap.user, mode='"idle"',
                                                 poll_interval='"1h"'))
    latencies = []
    with Daemon(config, imap.password) as daemon:
        # Not timed: a first message drafted shows the first pass (and its teaching folders) is done
        # and the daemon idles, however loaded the machine; a guessed sleep was not always enough.
        imap.server.append(imap.user, "INBOX", escalation(0))
        wait_for(lambda: draft_count(imap.server, imap.user) == 1, 30)
        time.sleep(0.5)                                        # back in IDLE after that wake-up
        for n in range(1, 11):
            imap.server.append(imap.user, "INBOX", escalation(n))
            latencies.append(wait_for(lambda n=n: draft_count(imap.server, imap.user) == n + 1))
        out = daemon.stop()
    assert daemon.proc.returncode == 0, out
    p50, p95 = statistics.median(latencies), sorted(latencies)[int(0.95 * len(latencies)) - 1]
    print(f"IDLE latency from APPEND to draft: p50 {p50 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, max "
          f"{max(latencies) * 1000:.0f} ms")
    # The poll interval is an hour: what IDLE announces is drafted within about a second. A message
    # that lands as IDLE begins can come in the same packet as the server's "+ idling", where no
    # socket poll sees it; the end of the IDLE round (IDLE_ROUND) reads it. On a loaded machine
    # that happens to one or two of ten, so the median is held to a second and the rest to the round.
    assert p50 < 1.5 and max(latencies) < IDLE_ROUND + 1.5, latencies


def test_a_failing_account_never_stops_the_others_and_recovers_after_a_restart(dovecot_servers, tmp_path: Path,
                                                                              capsys) -> None:
    server = dovecot_servers.get("standard")
    user, password = server.add_user()
    dead = account_toml("dead", 1, user)                       # nothing listens on port 1
    config = write_config(tmp_path, account_toml("support", server.port, user), dead)
    with Daemon(config, password, "--log-format", "json") as daemon:
        server.append(user, "INBOX", escalation(1))
        wait_for(lambda: draft_count(server, user) == 1)
        server.stop()                                          # the server goes away ...
        time.sleep(3)
        server.start()                                         # ... and comes back
        server.append(user, "INBOX", escalation(2))
        wait_for(lambda: draft_count(server, user) == 2, timeout=15)
        time.sleep(1)
        assert main(["status", "--config", str(config)]) == 1  # the dead account is failing
        out = daemon.stop()
    lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    assert lines and all({"time", "level", "logger", "message"} <= set(line) for line in lines)
    messages = [line["message"] for line in lines]
    assert any(m.startswith("dead/INBOX: failure ") and "next try in" in m for m in messages), messages
    assert any(m.startswith("support/INBOX: failure 1 in a row") for m in messages), messages
    status = capsys.readouterr().out
    assert "support  INBOX" in status and "dead     INBOX" in status
    assert "warn dead/INBOX: failing:" in status and "support/INBOX" not in status.split("warn", 1)[1]


def test_sighup_reloads_and_a_bad_config_is_refused(imap, tmp_path: Path) -> None:
    config = write_config(tmp_path, account_toml("support", imap.server.port, imap.user))
    good = config.read_text()
    with Daemon(config, imap.password) as daemon:
        daemon.wait_for_output("watching 1 folder(s)")
        config.write_text(good.replace('company = "Acme Design Co"', 'company = "Acme Renamed Ltd"'))
        daemon.proc.send_signal(signal.SIGHUP)
        daemon.wait_for_output("reloaded")
        config.write_text(good.replace("[[accounts]]", "[[accounts]]\nbogus_key = 1"))
        daemon.proc.send_signal(signal.SIGHUP)
        daemon.wait_for_output("reload refused")
        imap.server.append(imap.user, "INBOX", escalation(7))   # still drafting, with the last good config
        wait_for(lambda: draft_count(imap.server, imap.user) == 1)
        out = daemon.stop()
    assert "reloaded" in out and "reload refused, still running the previous config" in out, out
    assert "bogus_key: unknown key" in out
    client = imap.server.client(imap.user)
    client.select_folder(imap.drafts, readonly=True)
    body = client.fetch(client.search(["ALL"]), ["BODY.PEEK[]"]).popitem()[1][b"BODY[]"]
    client.logout()
    assert b"Acme Renamed Ltd" in body.replace(b"=\r\n", b"")


def sighup_caught(pid: int) -> bool:
    """Has process ``pid`` a handler for SIGHUP (bit 0 of SigCgt in /proc/PID/status)?"""
    status = Path(f"/proc/{pid}/status").read_text()
    return bool(int(status.split("SigCgt:")[1].split()[0], 16) & 1 << (signal.SIGHUP - 1))


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc")
def test_a_sighup_just_after_the_start_is_a_reload(imap, tmp_path: Path) -> None:
    """`systemctl reload` just after a start: a SIGHUP as soon as the process can take one
    (long before it is watching) is done as a reload once it runs, and never ends it."""
    config = write_config(tmp_path, account_toml("support", imap.server.port, imap.user))
    with Daemon(config, imap.password) as daemon:
        wait_for(lambda: daemon.proc.poll() is not None or sighup_caught(daemon.proc.pid), timeout=30, step=0.001)
        daemon.proc.send_signal(signal.SIGHUP)
        daemon.wait_for_output(f"reloaded {config}")
        imap.server.append(imap.user, "INBOX", escalation(1))
        wait_for(lambda: draft_count(imap.server, imap.user) == 1)
        out = daemon.stop()
    assert daemon.proc.returncode == 0, out
    assert "received SIGHUP while starting; reloading now" in out, out


def test_systemd_is_told_ready_once_a_reload_can_be_taken(imap, tmp_path: Path, monkeypatch) -> None:
    """With Type=notify, systemd holds a `systemctl reload` until READY=1: the handlers come first."""
    import socket

    address = f"@replydraft-test-{os.getpid()}-{time.monotonic_ns()}"       # abstract, as systemd's
    config = write_config(tmp_path, account_toml("support", imap.server.port, imap.user))
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as listener:
        listener.bind("\0" + address[1:])
        listener.settimeout(30)
        monkeypatch.setenv("NOTIFY_SOCKET", address)
        with Daemon(config, imap.password) as daemon:
            assert listener.recv(100) == b"READY=1"
            assert sighup_caught(daemon.proc.pid)
            out = daemon.stop()
    assert daemon.proc.returncode == 0, out


def limit_file_size(limit: int) -> Callable[[], None]:
    """For a child process: no file can grow past ``limit`` bytes, as on a full disk (a write
    fails with EFBIG instead of SIGXFSZ killing the process)."""
    def limited() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return limited


FULL = 40_000      # bytes: the state file opens (its -shm is 32 KB), a few writes fill the rest


def test_a_full_disk_stops_run_once_with_one_line(imap, tmp_path: Path) -> None:
    config = write_config(tmp_path, account_toml("support", imap.server.port, imap.user))
    for n in range(5):
        imap.server.append(imap.user, "INBOX", escalation(n))
    Store.open(tmp_path / "state.db").close()                 # the disk fills up after the first start
    done = subprocess.run([sys.executable, "-m", "replydraft", "run", "--once", "--config", str(config)],
                          env={**os.environ, PASSWORD_ENV: imap.password}, capture_output=True, text=True,
                          timeout=120, preexec_fn=limit_file_size(FULL))
    errors = [line for line in done.stderr.splitlines() if line.startswith("ERROR")]
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert len(errors) == 1 and "Free some space on its disk" in errors[0], done.stderr


def test_a_full_disk_is_a_failure_with_backoff_in_the_daemon(imap, tmp_path: Path) -> None:
    config = write_config(tmp_path, account_toml("support", imap.server.port, imap.user, retry_max='"1h"'))
    for n in range(5):
        imap.server.append(imap.user, "INBOX", escalation(n))
    Store.open(tmp_path / "state.db").close()
    with Daemon(config, imap.password, preexec_fn=limit_file_size(FULL)) as daemon:
        daemon.wait_for_output("support/INBOX: failure 1 in a row; next try in")
        assert daemon.proc.poll() is None
        out = daemon.stop()
    assert daemon.proc.returncode == 0 and "Traceback" not in out, out
    assert "can't write to the state database" in out and "Free some space on its disk" in out, out


def test_wait_for_mail_waits_and_wakes(imap, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """No news: the full wait (the EXISTS of the SELECT before it is no news). News: at once."""
    import threading

    from replydraft.config import load
    from replydraft.mail.imap import ImapMailbox

    monkeypatch.setenv(PASSWORD_ENV, imap.password)
    config = load(write_config(tmp_path, account_toml("support", imap.server.port, imap.user)))
    imap.server.append(imap.user, "INBOX", escalation(1))
    with ImapMailbox.connect(config.accounts[0], imap.password) as mailbox:
        mailbox.open_folder("INBOX")
        started = time.monotonic()
        assert mailbox.wait_for_mail(1.5, threading.Event()) is False
        assert time.monotonic() - started >= 1.4
        threading.Timer(0.5, imap.server.append, (imap.user, "INBOX", escalation(2))).start()
        started = time.monotonic()
        assert mailbox.wait_for_mail(10, threading.Event()) is True
        assert time.monotonic() - started < 3


def test_status_sees_the_passes_of_run_once(imap, tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    """`run --once` from cron: `status` sees its passes as it sees the daemon's, failures included."""
    monkeypatch.setenv(PASSWORD_ENV, imap.password)
    config = write_config(tmp_path, account_toml("support", imap.server.port, imap.user, poll_interval='"5m"'))
    imap.server.append(imap.user, "INBOX", escalation(1))
    assert main(["run", "--once", "--config", str(config)]) == 0
    capsys.readouterr()
    assert main(["status", "--config", str(config)]) == 0
    out = capsys.readouterr().out
    assert "ok   every watched folder is healthy" in out and "never" not in out
    assert re.search(r"^support\s+INBOX\s+once\s+\d+s ago\s+0\s+0\s", out, re.MULTILINE), out
    dead = write_config(tmp_path, account_toml("dead", 1, imap.user))         # nothing listens on port 1
    for _ in range(3):
        assert main(["run", "--once", "--config", str(dead)]) == 1
    capsys.readouterr()
    assert main(["status", "--config", str(dead)]) == 1
    assert "warn dead/INBOX: failing: 3 failures in a row" in capsys.readouterr().out


def test_check_exits_2_when_a_secret_is_missing(imap, tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    """As `auth test` and the README say: a secret that can't be had is for you to fix (2); every
    account is still checked."""
    monkeypatch.setenv(PASSWORD_ENV, imap.password)
    monkeypatch.delenv("REPLYDRAFT_TEST_UNSET", raising=False)
    config = write_config(tmp_path, account_toml("nosecret", imap.server.port, imap.user,
                                                 password_env='"REPLYDRAFT_TEST_UNSET"'),
                          account_toml("support", imap.server.port, imap.user))
    assert main(["check", "--config", str(config)]) == 2
    out = capsys.readouterr().out
    assert "FAIL" in out and "REPLYDRAFT_TEST_UNSET" in out and "ok   account support: logged in" in out
    config = write_config(tmp_path, account_toml("dead", 1, imap.user), account_toml("support", imap.server.port,
                                                                                      imap.user))
    assert main(["check", "--config", str(config)]) == 1                       # a server that can't be reached
