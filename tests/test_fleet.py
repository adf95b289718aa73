"""A fleet of daemons on one PostgreSQL state and a real Dovecot (issue 18).

Daemons with the same accounts divide the folders between them; one that stops hands its
folders on at once, one killed -9 has them taken over when its leases expire; and through all
of it every escalation gets exactly one draft: none lost, none twice.
"""

from __future__ import annotations

import email
import email.policy
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from replydraft.state.store import Store
from support.account_config import PASSWORD_ENV

pytestmark = [pytest.mark.integration, pytest.mark.postgres]

LEASE = 6.0            # [state] lease: the takeover bound (the smallest allowed is 5 s)


def write_fleet_config(tmp_path: Path, port: int, users: list[str], url: str, name: str, mode: str = "poll") -> Path:
    """One config per daemon (each its own state folder for the compiled rules), the same accounts."""
    folder = tmp_path / name
    folder.mkdir()
    accounts = "".join(
        f'[[accounts]]\nname = "{user}"\nhost = "127.0.0.1"\nport = {port}\ntls = "none"\nusername = "{user}"\n'
        f'password_env = "{PASSWORD_ENV}"\npoll_interval = "1s"\ntimeout = "10s"\nlookback = "3650d"\n'
        f'mode = "{mode}"\nfrom_address = "Acme Support <support@acme.test>"\n' for user in users)
    path = folder / "replydraft.toml"
    path.write_text(f'[state]\npath = "{folder / "state.db"}"\nurl = "{url}"\nlease = "{LEASE:g}s"\n'
                    f'[policy]\ncompany = "Acme Design Co"\n{accounts}')
    return path


def msgid(user: str, n: int | str) -> str:
    return f"<{user.partition('@')[0]}.{n}@client.example>"


def escalation(user: str, n: int) -> bytes:
    return (f"From: Customer {n} <c{n}@client.example>\r\nTo: {user}@acme.test\r\nSubject: Order {n}\r\n"
            f"Message-ID: {msgid(user, n)}\r\nDate: Mon, 30 Nov 2026 09:00:00 +0000\r\n\r\n"
            f"If order {n} isn't here by Friday I will leave a 1-star review on Google.\r\n").encode()


def calm(user: str, n: int) -> bytes:
    return (f"From: Sam {n} <s{n}@client.example>\r\nSubject: Thanks\r\nMessage-ID: {msgid(user, 'ok' + str(n))}\r\n"
            f"Date: Mon, 30 Nov 2026 10:00:00 +0000\r\n\r\nThanks, the files look great!\r\n").encode()


class Daemon:
    """``replydraft run`` as a real process; its output goes to a file (a pipe could fill up)."""

    def __init__(self, config: Path, password: str, log: Path) -> None:
        self.log = log
        self.proc = subprocess.Popen([sys.executable, "-m", "replydraft", "run", "--config", str(config)],
                                     env={**os.environ, PASSWORD_ENV: password},
                                     stdout=log.open("a"), stderr=subprocess.STDOUT)

    @property
    def pid(self) -> int:
        return self.proc.pid

    def kill9(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=30)


def holders(url: str) -> dict[str, str]:
    """Which daemon (its PID) works on each account now."""
    with Store.connect(url) as store:
        return {account: holder.split("/")[1] for (account, _), holder in store.lease_holders().items()}


def wait_for(predicate, timeout: float, what: str) -> float:  # type: ignore[no-untyped-def]
    """Seconds until ``predicate()`` held."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if predicate():
            return time.monotonic() - start
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


def drafts_by_user(server, users: list[str]) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """Each mailbox's drafts, by the Message-ID they answer."""
    out = {}
    for user in users:
        client = server.client(user)
        try:
            client.select_folder("Drafts", readonly=True)
            data = client.fetch(client.search(["ALL"]), ["BODY.PEEK[HEADER]"])
            parsed = [email.message_from_bytes(d[b"BODY[HEADER]"], policy=email.policy.default) for d in data.values()]
            out[user] = [str(m["In-Reply-To"]) for m in parsed]
        finally:
            client.logout()
    return out


def users_on(server, n: int, password: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [server.add_user(password=password)[0] for _ in range(n)]


@pytest.mark.parametrize("mode", ["poll", "idle"])
def test_daemons_divide_the_folders_and_one_that_stops_hands_them_on(dovecot_servers, postgres_url: str,
                                                                      tmp_path: Path, mode: str) -> None:
    server = dovecot_servers.get("standard")
    users = users_on(server, 6, "fleet")
    configs = [write_fleet_config(tmp_path, server.port, users, postgres_url, f"d{i}", mode) for i in range(2)]
    daemons = [Daemon(c, "fleet", tmp_path / f"d{i}.log") for i, c in enumerate(configs)]
    try:
        wait_for(lambda: sorted(Counter(holders(postgres_url).values()).values()) == [3, 3], 60,
                 "the two daemons holding three accounts each")
        for n, user in enumerate(users):
            server.append(user, "INBOX", escalation(user, n))
        wait_for(lambda: all(drafts_by_user(server, users).values()), 60, "a draft in every mailbox")
        assert daemons[0].stop() == 0                               # SIGTERM: its folders handed on at once
        handed_on = wait_for(lambda: set(holders(postgres_url).values()) == {str(daemons[1].pid)}
                             and len(holders(postgres_url)) == 6, LEASE, "the other daemon holding all six")
        for n, user in enumerate(users):
            server.append(user, "INBOX", escalation(user, 100 + n))
        wait_for(lambda: all(len(d) == 2 for d in drafts_by_user(server, users).values()), 60, "the second drafts")
    finally:
        codes = [d.stop() for d in daemons]
    print(f"two daemons, six accounts ({mode}): handed on in {handed_on:.1f} s after SIGTERM")
    assert codes == [0, 0], [d.log.read_text()[-3000:] for d in daemons]
    assert {u: sorted(d) for u, d in drafts_by_user(server, users).items()} == \
        {u: sorted([msgid(u, n), msgid(u, 100 + n)]) for n, u in enumerate(users)}


class Arrivals(threading.Thread):
    """A steady arrival of mail: an escalation or a calm message in a random mailbox, 5 a second."""

    def __init__(self, server, users: list[str]) -> None:  # type: ignore[no-untyped-def]
        super().__init__(daemon=True)
        self.server, self.users = server, users
        self.sent: dict[str, list[str]] = {user: [] for user in users}
        self.done = threading.Event()
        self.rng = random.Random(18)

    def run(self) -> None:
        n = 0
        while not self.done.wait(0.2):
            user, n = self.rng.choice(self.users), n + 1
            if self.rng.random() < 0.6:
                self.server.append(user, "INBOX", escalation(user, n))
                self.sent[user].append(msgid(user, n))
            else:
                self.server.append(user, "INBOX", calm(user, n))


def test_kill_9_in_a_fleet_loses_and_duplicates_no_draft(dovecot_servers, postgres_url: str, tmp_path: Path) -> None:
    """The issue's fault test: 3 daemons, 30 mailboxes, mail arriving all along; a random daemon
    is killed -9 ten times and started again. Every escalation has exactly one draft."""
    server = dovecot_servers.get("standard")
    users = users_on(server, 30, "fleet")
    configs = [write_fleet_config(tmp_path, server.port, users, postgres_url, f"d{i}") for i in range(3)]
    daemons = [Daemon(c, "fleet", tmp_path / f"d{i}.log") for i, c in enumerate(configs)]
    arrivals = Arrivals(server, users)
    rng = random.Random(9)
    takeovers = []
    try:
        wait_for(lambda: len(holders(postgres_url)) == 30, 60, "all 30 mailboxes taken on")
        arrivals.start()
        for _ in range(10):
            time.sleep(rng.uniform(2, 5))
            victim = rng.randrange(3)
            dead = str(daemons[victim].pid)
            orphans = {a for a, pid in holders(postgres_url).items() if pid == dead}
            daemons[victim].kill9()
            started = time.monotonic()
            daemons[victim] = Daemon(configs[victim], "fleet", tmp_path / f"d{victim}.log")
            wait_for(lambda: all(holders(postgres_url).get(a, dead) != dead for a in orphans), 3 * LEASE,  # noqa: B023
                     f"the {len(orphans)} mailboxes of the killed daemon taken over")
            takeovers.append(time.monotonic() - started)
        arrivals.done.set()
        arrivals.join()
        expected = sum(len(ids) for ids in arrivals.sent.values())
        wait_for(lambda: sum(len(d) for d in drafts_by_user(server, users).values()) >= expected, 90,
                 f"a draft for each of the {expected} escalations")
        time.sleep(2 * LEASE / 3)                  # a few more passes: nothing further may appear
    finally:
        arrivals.done.set()
        codes = [d.stop() for d in daemons]
    found = drafts_by_user(server, users)
    duplicates = sum(len(d) - len(set(d)) for d in found.values())
    lost = sum(len(set(arrivals.sent[u]) - set(found[u])) for u in users)
    print(f"fleet of 3, 30 mailboxes, {expected} escalations, 10 kills -9: {duplicates} duplicates, {lost} lost; "
          f"takeover after a kill: median {sorted(takeovers)[5]:.1f} s, max {max(takeovers):.1f} s "
          f"([state] lease = {LEASE:g} s)")
    logs = [Path(tmp_path / f"d{i}.log").read_text() for i in range(3)]
    assert codes == [0, 0, 0], [log[-3000:] for log in logs]
    assert (duplicates, lost) == (0, 0), found
    assert {u: sorted(found[u]) for u in users} == {u: sorted(arrivals.sent[u]) for u in users}
    assert not any("Traceback" in log for log in logs), [log[-3000:] for log in logs if "Traceback" in log]
    assert max(takeovers) <= LEASE + 2
