"""What every private IMAP test server on 127.0.0.1 needs: ports, a certificate, readiness.

Shared by the Dovecot (imapserver.py) and Cyrus (cyrusserver.py) fixtures, together with
``ImapTestServer``, the small API the integration tests use from either of them.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import time
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Protocol, Self

import imapclient


class ImapTestServer(Protocol):
    """The part of a test server that tests may use, whichever server it is."""

    @property
    def name(self) -> str:
        """"dovecot" or "cyrus"."""

    @property
    def port(self) -> int:
        """Plaintext and STARTTLS."""

    @property
    def ssl_port(self) -> int:
        """Implicit TLS."""

    @property
    def drafts_folder(self) -> str | None:
        """Where a new user's drafts go; None if the layout has no Drafts folder."""

    @property
    def cafile(self) -> Path:
        """The server's self-signed certificate, to trust as a CA."""

    @property
    def running(self) -> bool: ...

    def start(self) -> None: ...

    def stop(self) -> None: ...

    def restart(self) -> None: ...

    def close(self) -> None: ...

    def add_user(self, name: str | None = None, password: str = "secret") -> tuple[str, str]: ...

    def client(self, user: str, password: str | None = None, timeout: float = 10.0) -> imapclient.IMAPClient: ...

    def append(self, user: str, folder: str, raw: bytes, flags: Iterable[bytes | str] = (),
               msg_time: datetime | None = None) -> int: ...


class LoopbackServer:
    """The life cycle and the plaintext client both fixtures share; they provide ``start``, ``stop``,
    ``dir``, the ports, the passwords ``add_user`` gave, and their ``error`` class."""

    dir: Path
    port: int
    ssl_port: int
    _passwords: dict[str, str]
    error: type[Exception] = RuntimeError

    def start(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def wait_until_ports_closed(self, deadline: float) -> None:
        while port_open(self.port) or port_open(self.ssl_port):
            if time.monotonic() > deadline:
                raise self.error(f"ports {self.port}/{self.ssl_port} still open after stop")
            time.sleep(0.01)

    def client(self, user: str, password: str | None = None, timeout: float = 10.0) -> imapclient.IMAPClient:
        """A logged-in plaintext client (loopback counts as secure); ``password`` defaults to the
        one given to ``add_user()``. Call ``logout()`` when done."""
        client = imapclient.IMAPClient("127.0.0.1", port=self.port, ssl=False, timeout=timeout)
        try:
            client.login(user, self._passwords.get(user, "secret") if password is None else password)
        except BaseException:
            client.shutdown()
            raise
        return client

    def append(self, user: str, folder: str, raw: bytes, flags: Iterable[bytes | str] = (),
               msg_time: datetime | None = None) -> int:
        """Store a message (LF turned into CRLF) and return its UID."""
        client = self.client(user)
        try:
            response = client.append(folder, crlf(raw), flags=tuple(flags), msg_time=msg_time)
        finally:
            client.logout()
        uid = appended_uid(response)
        if uid is None:
            raise self.error(f"no APPENDUID in {response!r}")
        return uid

    def restart(self) -> None:
        """Stop and start on the same directory and ports: mail and UIDVALIDITY survive."""
        self.stop()
        self.start()

    def close(self) -> None:
        """Stop and delete everything."""
        try:
            self.stop()
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def free_ports() -> tuple[int, int]:
    """Two different free ports: plaintext and implicit TLS."""
    port = ssl_port = free_port()
    while ssl_port == port:
        ssl_port = free_port()
    return port, ssl_port


def self_signed_certificate(cert: Path, key: Path) -> None:
    """A certificate for localhost and 127.0.0.1. EC keys: instant, where RSA-2048 takes a few hundred ms."""
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-days", "3650", "-subj", "/CN=localhost",
         "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )


def greets(port: int) -> bool:
    """True once the server sends ``* OK``: a bare TCP connect is not enough, the listener comes first."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
            return s.makefile("rb").readline().startswith(b"* OK")
    except OSError:
        return False


def port_open(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def crlf(raw: bytes) -> bytes:
    """IMAP wants CRLF line ends; test messages are written with LF."""
    return re.sub(rb"\r?\n", b"\r\n", raw)


def appended_uid(response: bytes) -> int | None:
    """The UID from an APPEND's ``[APPENDUID <uidvalidity> <uid>]``."""
    match = re.search(rb"\[APPENDUID \d+ (\d+)\]", response)
    return int(match.group(1)) if match else None
