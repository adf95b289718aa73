"""Shared pytest fixtures."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NoReturn

import keyring
import keyring.backend
import pytest
from keyring.errors import NoKeyringError, PasswordDeleteError

from replydraft.auth.credentials import TOKENS
from support.cyrusserver import CyrusError, CyrusServer
from support.imapserver import DovecotServer, ImapAccount, find_dovecot
from support.oauthserver import FakeOAuthProvider
from support.pgserver import PostgresError, PostgresServer

# ---------------------------------------------------------------------------------------
# IMAP: private Dovecot and Cyrus servers on 127.0.0.1 (see imapserver.py, cyrusserver.py).
# One server per kind (and Dovecot folder layout) is started on first use and shared by the
# whole session; every test gets its own fresh user, so tests never see each other's mail.
# ---------------------------------------------------------------------------------------

# The detection rules compiled for Hyperscan, shared by every daemon a test starts (each
# would otherwise compile them again in its own fresh state folder).
RULES_CACHE = Path(__file__).resolve().parent.parent / ".cache" / "fastscan"
os.environ["REPLYDRAFT_CACHE_DIR"] = str(RULES_CACHE)


def _warm_rules_cache() -> None:
    from replydraft.detection import prefilter as fastscan
    fastscan.load_rules(RULES_CACHE)    # 15-40 s once per machine (and after a change to fastscan.py), then ms


# A first compile takes 15-40 s: tests of a cold cache stand in a process that
# "compiles" until told to stop, and copy the compiled rules from RULES_CACHE (as the real
# one would have left them).
@pytest.fixture
def slow_compile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A cold rules cache folder (also REPLYDRAFT_CACHE_DIR) whose compile ends at finish_compile()."""
    from replydraft.detection import prefilter as fastscan

    _warm_rules_cache()
    cache = tmp_path / "rules-cache"
    waits = "import os, sys, time\nwhile not os.path.exists(sys.argv[1]): time.sleep(0.02)"
    monkeypatch.setattr(fastscan, "_compiler_command",
                        lambda folder: [sys.executable, "-c", waits, str(folder / "stop")])
    monkeypatch.setenv("REPLYDRAFT_CACHE_DIR", str(cache))
    try:
        yield cache
    finally:
        finish_compile(cache, keep=False)


def finish_compile(cache: Path, *, keep: bool = True) -> None:
    """End slow_compile's stand-in (having kept the compiled rules, if ``keep``); wait for prepare."""
    cache.mkdir(parents=True, exist_ok=True)
    if keep:
        for kept in RULES_CACHE.glob("rules-*.hsdb"):
            (cache / kept.name).write_bytes(kept.read_bytes())
    (cache / "stop").touch()
    for thread in threading.enumerate():
        if thread.name == "replydraft-fastscan":
            thread.join(timeout=60)


def compiling() -> bool:
    """A compile started by fastscan.prepare is still running."""
    return any(thread.name == "replydraft-fastscan" for thread in threading.enumerate())


# What the `imap` fixture runs each test against. `-m "not cyrus"` leaves Cyrus out.
IMAP_SERVERS = [pytest.param("dovecot", id="dovecot"),
                pytest.param("cyrus", id="cyrus", marks=pytest.mark.cyrus)]


class DovecotServers:
    """Lazily starts at most one DovecotServer per layout (and options); ``close()`` stops them all."""

    def __init__(self) -> None:
        self._servers: dict[tuple[str, str | None], DovecotServer] = {}
        self._lock = threading.Lock()

    def get(self, layout: str = "standard", *, oauth2_introspection_url: str | None = None) -> DovecotServer:
        key = (layout, oauth2_introspection_url)
        with self._lock:
            server = self._servers.get(key)
            if server is None:
                server = self._servers[key] = DovecotServer(layout, oauth2_introspection_url=oauth2_introspection_url)
            if not server.running:  # also revives a server that an earlier test left stopped
                server.start()
            return server

    def close(self) -> None:
        while self._servers:
            self._servers.popitem()[1].close()


@pytest.fixture(scope="session")
def dovecot_servers() -> Iterator[DovecotServers]:
    """Skips the tests when Dovecot is missing; fails them instead under REPLYDRAFT_REQUIRE_DOVECOT=1 (CI)."""
    if find_dovecot() is None:
        if os.environ.get("REPLYDRAFT_REQUIRE_DOVECOT") == "1":
            pytest.fail("REPLYDRAFT_REQUIRE_DOVECOT=1 but dovecot is not installed: "
                        "apt-get install dovecot-imapd", pytrace=False)
        pytest.skip("dovecot is not installed (apt-get install dovecot-imapd) - skipping IMAP integration tests")
    _warm_rules_cache()
    servers = DovecotServers()
    try:
        yield servers
    finally:
        servers.close()


def _missing(required: str, reason: str, tests: str) -> NoReturn:
    """A server the tests need is missing: fail under ``required``=1 (CI), else skip them."""
    if os.environ.get(required) == "1":
        pytest.fail(f"{required}=1 but {reason}", pytrace=False)
    pytest.skip(f"{reason} - skipping {tests}")


@pytest.fixture(scope="session")
def cyrus_server() -> Iterator[CyrusServer]:
    """Skips the tests when Cyrus is missing; fails them instead under REPLYDRAFT_REQUIRE_CYRUS=1 (CI)."""
    try:
        server = CyrusServer()
    except CyrusError as exc:
        _missing("REPLYDRAFT_REQUIRE_CYRUS", str(exc), "the Cyrus integration tests")
    _warm_rules_cache()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A private PostgreSQL cluster per test process. Skips its tests when PostgreSQL is missing;
    fails them instead under REPLYDRAFT_REQUIRE_POSTGRES=1 (CI)."""
    try:
        server = PostgresServer()
    except PostgresError as exc:
        _missing("REPLYDRAFT_REQUIRE_POSTGRES", str(exc), "the PostgreSQL tests")
    try:
        yield server
    finally:
        server.close()


@pytest.fixture(autouse=True)
def _mark_postgres_in_the_report(request: pytest.FixtureRequest,
                                 record_property: Callable[[str, object], None]) -> None:
    """.ci/run proves the PostgreSQL tests ran by this property in the JUnit report."""
    if request.node.get_closest_marker("postgres"):
        record_property("postgres", "1")


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> str:
    """A fresh, empty database of the test's own."""
    return postgres_server.new_database()


@pytest.fixture(params=IMAP_SERVERS)
def imap(request: pytest.FixtureRequest) -> ImapAccount[DovecotServer | CyrusServer]:
    """A fresh user on a shared server, once per server kind.

    ``[dovecot]``: the standard layout (Drafts, Sent, ... with SPECIAL-USE).
    ``[cyrus]``: the ``INBOX.`` namespace, ``.`` separator, ``INBOX.Drafts`` flagged ``\\drafts``.
    """
    if request.param == "dovecot":
        server: DovecotServer | CyrusServer = request.getfixturevalue("dovecot_servers").get("standard")
    else:
        server = request.getfixturevalue("cyrus_server")
        if not server.running:  # also revives a server that an earlier test left stopped
            server.start()
    user, password = server.add_user()
    return ImapAccount(server, user, password)


@pytest.fixture
def imap_layout(dovecot_servers: DovecotServers) -> Callable[[str], tuple[DovecotServer, str, str]]:
    """``imap_layout("prefix") -> (server, user, password)``; layouts: see imapserver.LAYOUTS."""

    def make(layout: str) -> tuple[DovecotServer, str, str]:
        server = dovecot_servers.get(layout)
        user, password = server.add_user()
        return server, user, password

    return make


# ---------------------------------------------------------------------------------------
# OAuth2: a fake provider on 127.0.0.1 (see oauthserver.py), a Dovecot that checks bearer
# tokens with it, and keyring backends that keep secrets in memory or fail like a server
# without a desktop keyring.
# ---------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def oauth_provider() -> Iterator[FakeOAuthProvider]:
    with FakeOAuthProvider() as provider:
        yield provider


@pytest.fixture
def imap_oauth(dovecot_servers: DovecotServers, oauth_provider: FakeOAuthProvider) -> ImapAccount:
    """A fresh user on a standard-layout server that also takes XOAUTH2 and OAUTHBEARER."""
    server = dovecot_servers.get("standard", oauth2_introspection_url=oauth_provider.introspection_url)
    user, password = server.add_user()
    return ImapAccount(server, user, password)


@pytest.fixture(autouse=True)
def _no_cached_access_tokens() -> Iterator[None]:
    TOKENS.clear()
    yield
    TOKENS.clear()


class MemoryKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


class NoKeyring(keyring.backend.KeyringBackend):
    """What a headless server has: every call raises NoKeyringError."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise NoKeyringError("No recommended backend was available.")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise NoKeyringError("No recommended backend was available.")

    def delete_password(self, service: str, username: str) -> None:
        raise NoKeyringError("No recommended backend was available.")


def _use_keyring(backend: keyring.backend.KeyringBackend) -> Iterator[keyring.backend.KeyringBackend]:
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    yield from _use_keyring(MemoryKeyring())  # type: ignore[misc]


@pytest.fixture
def no_keyring() -> Iterator[keyring.backend.KeyringBackend]:
    yield from _use_keyring(NoKeyring())
