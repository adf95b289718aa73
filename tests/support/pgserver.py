"""A private PostgreSQL cluster on 127.0.0.1 for the tests of the shared state (issue 18).

Like the Dovecot fixture, nothing in /etc is touched and no system service is used: ``initdb``
makes a cluster in a temp directory, ``postgres`` serves it on a free loopback port (and a
socket in that directory), and ``close`` stops it and removes everything. As root (CI), the
server runs as Debian's ``postgres`` user, since PostgreSQL refuses to run as root. Tests
isolate themselves with ``new_database()``: a fresh, empty database and its URL.

No pytest dependency here: the fixture lives in conftest.py.
"""

from __future__ import annotations

import glob
import grp
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

from .loopback import free_port

USER = "replydraft"


class PostgresError(RuntimeError):
    pass


def find_bindir() -> Path | None:
    """The newest installed server's bin directory (Debian: /usr/lib/postgresql/<major>/bin)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/postgres"), key=lambda p: int(Path(p).parts[-3]))
    if found:
        return Path(found[-1]).parent
    postgres = shutil.which("postgres")
    return Path(postgres).parent if postgres else None


class PostgresServer:
    def __init__(self) -> None:
        bindir = find_bindir()
        if bindir is None:
            raise PostgresError("PostgreSQL is not installed (apt-get install postgresql)")
        self.bindir = bindir
        self.dir = Path(tempfile.mkdtemp(prefix="replydraft-pg-"))
        self.data = self.dir / "data"
        self.port = free_port()
        # PostgreSQL won't run as root: as root, the cluster belongs to the `postgres` user
        self._as: dict[str, str] = {}
        if os.getuid() == 0:
            try:
                owner = pwd.getpwnam("postgres")
            except KeyError:
                raise PostgresError("running as root, and there is no `postgres` user to run PostgreSQL as "
                                    "(apt-get install postgresql creates it)") from None
            os.chown(self.dir, owner.pw_uid, owner.pw_gid)
            self._as = {"user": "postgres", "group": grp.getgrgid(owner.pw_gid).gr_name}
        self._run("initdb", "-D", str(self.data), "-U", USER, "--auth=trust", "-E", "UTF8", "--no-sync",
                  "--locale=C.UTF-8")
        self.process: subprocess.Popen[bytes] | None = None
        self.start()

    def _run(self, tool: str, *args: str) -> str:
        done = subprocess.run([str(self.bindir / tool), *args], capture_output=True, text=True, cwd=self.dir,
                              **self._as)  # type: ignore[call-overload]
        if done.returncode:
            raise PostgresError(f"{tool} failed: {done.stderr.strip() or done.stdout.strip()}")
        return done.stdout

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def start(self) -> None:
        # fsync off: the tests kill replydraft, never the database server
        self.process = subprocess.Popen(  # type: ignore[call-overload]
            [str(self.bindir / "postgres"), "-D", str(self.data), "-p", str(self.port),
             "-c", "listen_addresses=127.0.0.1", "-c", f"unix_socket_directories={self.dir}",
             "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
             "-c", "max_connections=500"],
            stdout=subprocess.DEVNULL, stderr=open(self.dir / "server.log", "ab"), cwd=self.dir,  # noqa: SIM115
            **self._as)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            ready = subprocess.run([str(self.bindir / "pg_isready"), "-h", "127.0.0.1", "-p", str(self.port),
                                    "-U", USER], capture_output=True)
            if ready.returncode == 0:
                return
            if not self.running:
                break
            time.sleep(0.1)
        log = (self.dir / "server.log").read_text(errors="replace")[-2000:]
        raise PostgresError(f"PostgreSQL did not start on port {self.port}: {log}")

    def stop(self) -> None:
        if self.process is not None and self.running:
            self.process.send_signal(signal.SIGINT)     # a "fast" shutdown: clients are disconnected
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{USER}@127.0.0.1:{self.port}/{database}"

    def psql(self, sql: str, database: str = "postgres") -> str:
        return self._run("psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
                         "-p", str(self.port), "-U", USER, "-d", database, "-c", sql)

    def new_database(self) -> str:
        """A fresh database of its own for one test: its URL."""
        name = "t" + uuid.uuid4().hex[:12]
        self.psql(f"CREATE DATABASE {name}")
        return self.url(name)
