"""Shared pytest fixtures."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator

import pytest
from cyrusserver import CyrusError, CyrusServer
from imapserver import DovecotServer, ImapAccount, find_dovecot

# ---------------------------------------------------------------------------------------
# IMAP: private Dovecot and Cyrus servers on 127.0.0.1 (see imapserver.py, cyrusserver.py).
# One server per kind (and Dovecot folder layout) is started on first use and shared by the
# whole session; every test gets its own fresh user, so tests never see each other's mail.
# ---------------------------------------------------------------------------------------

# What the `imap` fixture runs each test against. `-m "not cyrus"` leaves Cyrus out.
IMAP_SERVERS = [pytest.param("dovecot", id="dovecot"),
                pytest.param("cyrus", id="cyrus", marks=pytest.mark.cyrus)]


class DovecotServers:
    """Lazily starts at most one DovecotServer per layout; ``close()`` stops them all."""

    def __init__(self) -> None:
        self._servers: dict[str, DovecotServer] = {}
        self._lock = threading.Lock()

    def get(self, layout: str = "standard") -> DovecotServer:
        with self._lock:
            server = self._servers.get(layout)
            if server is None:
                server = self._servers[layout] = DovecotServer(layout)
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
    servers = DovecotServers()
    try:
        yield servers
    finally:
        servers.close()


@pytest.fixture(scope="session")
def cyrus_server() -> Iterator[CyrusServer]:
    """Skips the tests when Cyrus is missing; fails them instead under REPLYDRAFT_REQUIRE_CYRUS=1 (CI)."""
    try:
        server = CyrusServer()
    except CyrusError as exc:
        if os.environ.get("REPLYDRAFT_REQUIRE_CYRUS") == "1":
            pytest.fail(f"REPLYDRAFT_REQUIRE_CYRUS=1 but {exc}", pytrace=False)
        pytest.skip(f"{exc} - skipping the Cyrus integration tests")
    try:
        yield server
    finally:
        server.close()


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
