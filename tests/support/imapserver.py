"""A private Dovecot IMAP server on 127.0.0.1 for integration tests.

Each ``DovecotServer`` lives in its own temp directory with its own config, ports,
self-signed certificate and users; nothing in /etc is touched and no system Dovecot
is needed. Tests share one server and isolate themselves with ``add_user()``: a new
user can log in at once, without a reload.

Usage::

    with DovecotServer("standard") as server:
        user, password = server.add_user()
        uid = server.append(user, "INBOX", b"Subject: hi\n\nhello\n")
        client = server.client(user)

With ``oauth2_introspection_url``, the server also offers AUTH=XOAUTH2 and AUTH=OAUTHBEARER
and asks that URL (``token=...`` posted, RFC 7662 style) whether a bearer token is active and
whose it is (its ``username``); see oauthserver.py for a matching endpoint.

No pytest dependency here: the fixtures live in conftest.py.
"""

from __future__ import annotations

import contextlib
import grp
import os
import pwd
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

import imapclient

from .loopback import ImapTestServer, LoopbackServer, free_ports, greets, self_signed_certificate

# Only the `namespace inbox { ... }` block (and the mail_location) differ per layout.
_STANDARD = """\
  separator = /
  mailbox Drafts {
    special_use = \\Drafts
    auto = subscribe
  }
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
  mailbox Trash {
    special_use = \\Trash
    auto = subscribe
  }
  mailbox Junk {
    special_use = \\Junk
    auto = subscribe
  }
  mailbox Archive {
    special_use = \\Archive
    auto = subscribe
  }
"""
# Courier/Cyrus style. Mailbox names here are WITHOUT the prefix.
_PREFIX = """\
  prefix = INBOX.
  separator = .
  mailbox Drafts {
    auto = subscribe
  }
  mailbox Sent {
    auto = subscribe
  }
  mailbox Trash {
    auto = subscribe
  }
"""
_GMAIL = """\
  separator = /
  mailbox "[Gmail]/Drafts" {
    special_use = \\Drafts
    auto = subscribe
  }
  mailbox "[Gmail]/Sent Mail" {
    special_use = \\Sent
    auto = subscribe
  }
  mailbox "[Gmail]/Trash" {
    special_use = \\Trash
    auto = subscribe
  }
  mailbox "[Gmail]/Spam" {
    special_use = \\Junk
    auto = subscribe
  }
  mailbox "[Gmail]/All Mail" {
    special_use = \\All
    auto = subscribe
  }
"""
_LOCALIZED = """\
  separator = /
  mailbox Entwürfe {
    auto = subscribe
  }
  mailbox Gesendet {
    auto = subscribe
  }
"""
_BARE = "  separator = /\n"

# layout -> (namespace body, mail_location). LAYOUT=fs makes "[Gmail]" a real \Noselect parent.
LAYOUTS: dict[str, tuple[str, str]] = {
    "standard": (_STANDARD, "maildir:~/Maildir"),
    "prefix": (_PREFIX, "maildir:~/Maildir"),
    "gmail": (_GMAIL, "maildir:~/Maildir:LAYOUT=fs"),
    "localized": (_LOCALIZED, "maildir:~/Maildir"),
    "bare": (_BARE, "maildir:~/Maildir"),
}
# layout -> the Drafts folder a new user has (None: there is none).
DRAFTS_FOLDERS: dict[str, str | None] = {
    "standard": "Drafts", "prefix": "INBOX.Drafts", "gmail": "[Gmail]/Drafts", "localized": "Entwürfe",
    "bare": None,
}

_CONFIG = """\
protocols = imap
listen = 127.0.0.1
base_dir = {d}/run
state_dir = {d}/state
instance_name = {instance}
log_path = {d}/log/dovecot.log
info_log_path = {d}/log/dovecot.log
auth_verbose = yes

default_internal_user = {internal_user}
default_internal_group = {internal_group}
default_login_user = {login_user}
# Also accept a low uid/gid when not running as root (e.g. a CI user with uid 100).
first_valid_uid = 1
first_valid_gid = 1

ssl = yes
ssl_cert = <{d}/tls/cert.pem
ssl_key = <{d}/tls/key.pem
disable_plaintext_auth = no
auth_mechanisms = {auth_mechanisms}
# Test speed: wrong-password tests would wait 2 s (0.5 s remain: failures are flushed on
# a timer), parallel tests hit the default 10 connections per user+IP, fsync slows APPEND.
auth_failure_delay = 0
mail_max_userip_connections = 500
mailbox_idle_check_interval = 1 secs
mail_fsync = never

# One passwd-file per user: Dovecot stats a passwd-file at most once per second, so a
# user appended to a shared file can stay "unknown" for up to a second. A new file is
# read on its first lookup, and a missing one is not cached. (Costs one open fd per user
# in the auth process: fine for thousands of users.)
{oauth2_passdb}passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {d}/users/%u
{passwd_mechanisms}}}
userdb {{
  driver = passwd-file
  args = username_format=%u {d}/users/%u
  default_fields = uid={mail_uid} gid={mail_gid} home={d}/home/%u
}}
mail_location = {mail_location}

namespace inbox {{
  inbox = yes
{namespace}}}

# chroot needs root; empty chroot is harmless as root.
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {ssl_port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
  # No per-IP auth penalty: after one wrong password (a test!) every later login
  # from 127.0.0.1 would otherwise wait 2-15 s.
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
"""


# A user name becomes a file name under users/ (and a home directory): keep it plain.
_USER_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@+-]*")


# Dovecot 2.3's oauth2 passdb: the mechanism hands it the bearer token, which it posts to the
# introspection URL; the answer's "username" must be the user logging in.
_OAUTH2_PASSDB = """\
passdb {{
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = {path}
}}
"""
_OAUTH2_CONF = """\
introspection_mode = post
introspection_url = {url}
force_introspection = yes
username_attribute = username
active_attribute = active
active_value = true
"""


class DovecotError(RuntimeError):
    """Dovecot failed to start or a doveadm command failed (message includes the log)."""


def find_dovecot() -> str | None:
    """Path of the dovecot binary; /usr/sbin is tried too since it is often not on a user's PATH."""
    return shutil.which("dovecot") or shutil.which("dovecot", path="/usr/sbin:/sbin")


def _instance_processes(instance_name: str) -> dict[int, str]:
    """pid -> service ("imap", "auth", ...) of the live ``dovecot-<instance_name>/...`` processes."""
    prefix = f"dovecot-{instance_name}/".encode()
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()  # empty for zombies: they count as dead
        except OSError:
            continue
        if cmdline.startswith(prefix):
            found[int(entry.name)] = cmdline[len(prefix):].split(b"\0")[0].split()[0].decode()
    return found


def _kill_until_gone(find: Callable[[], list[int]], sig: signal.Signals, deadline: float) -> None:
    """Signal the processes ``find()`` returns until there are none; SIGKILL after ``deadline``."""
    while pids := find():
        if time.monotonic() > deadline + 5:
            raise DovecotError(f"dovecot processes {pids} survive SIGKILL")
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, sig if time.monotonic() < deadline else signal.SIGKILL)
        time.sleep(0.01)


class DovecotServer(LoopbackServer):
    """One private Dovecot with a plaintext/STARTTLS port and an implicit-TLS port."""

    error = DovecotError
    name = "dovecot"

    def __init__(self, layout: str = "standard", *, oauth2_introspection_url: str | None = None) -> None:
        if layout not in LAYOUTS:
            raise ValueError(f"unknown layout {layout!r}; choose from {sorted(LAYOUTS)}")
        binary = find_dovecot()
        if binary is None:
            raise DovecotError("dovecot not found; install it with: apt-get install dovecot-imapd")
        self.binary = binary
        self.doveadm_binary = shutil.which("doveadm") or str(Path(binary).with_name("doveadm"))
        self.layout = layout
        self.drafts_folder = DRAFTS_FOLDERS[layout]
        self.oauth2_introspection_url = oauth2_introspection_url
        self.instance_name = f"test-{uuid.uuid4().hex[:8]}"
        self.port, self.ssl_port = free_ports()
        self._passwords: dict[str, str] = {}
        self._counter = 0
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        # Not pytest's tmp_path: that is 0700 under /tmp/pytest-of-root, and as root the
        # dovecot/nobody processes must traverse every parent directory.
        self.dir = Path(tempfile.mkdtemp(prefix="dovecot-", dir="/tmp"))
        try:
            self._prepare()
        except BaseException:
            shutil.rmtree(self.dir, ignore_errors=True)
            raise

    # -- setup -------------------------------------------------------------------------

    @property
    def config_path(self) -> Path:
        return self.dir / "dovecot.conf"

    @property
    def cafile(self) -> Path:
        """The self-signed certificate (SAN localhost, 127.0.0.1): pass it as the CA to trust."""
        return self.dir / "tls" / "cert.pem"

    def _prepare(self) -> None:
        self.dir.chmod(0o755)
        for sub in ("run", "state", "log", "tls", "home", "users"):
            (self.dir / sub).mkdir()
        self_signed_certificate(self.cafile, self.dir / "tls" / "key.pem")
        if os.geteuid() == 0:
            # Dovecot refuses root for login and mail processes: use its own users and nobody.
            internal_user, internal_group, login_user = "dovecot", "dovecot", "dovenull"
            mail_uid, mail_gid = pwd.getpwnam("nobody").pw_uid, grp.getgrnam("nogroup").gr_gid
            os.chown(self.dir / "home", mail_uid, mail_gid)
        else:
            internal_user = login_user = pwd.getpwuid(os.getuid()).pw_name
            internal_group = grp.getgrgid(os.getgid()).gr_name
            mail_uid, mail_gid = os.getuid(), os.getgid()
        namespace, mail_location = LAYOUTS[self.layout]
        auth: dict[str, str] = {"auth_mechanisms": "plain login", "oauth2_passdb": "", "passwd_mechanisms": ""}
        if self.oauth2_introspection_url:
            oauth2_conf = self.dir / "dovecot-oauth2.conf.ext"
            oauth2_conf.write_text(_OAUTH2_CONF.format(url=self.oauth2_introspection_url))
            # Passwords only in the passwd-file, tokens only at the introspection URL.
            auth = {"auth_mechanisms": "plain login xoauth2 oauthbearer",
                    "oauth2_passdb": _OAUTH2_PASSDB.format(path=oauth2_conf),
                    "passwd_mechanisms": "  mechanisms = plain login\n"}
        self.config_path.write_text(_CONFIG.format(
            d=self.dir, instance=self.instance_name, port=self.port, ssl_port=self.ssl_port,
            internal_user=internal_user, internal_group=internal_group, login_user=login_user,
            mail_uid=mail_uid, mail_gid=mail_gid, namespace=namespace, mail_location=mail_location, **auth))

    # -- lifecycle ---------------------------------------------------------------------

    def start(self, timeout: float = 10.0) -> None:
        """Start in the foreground under Popen and wait for a ``* OK`` greeting."""
        if self.running:
            return
        # Output goes to a file, never a pipe (a daemonizing dovecot would hold it open).
        with open(self.dir / "log" / "stdout.log", "ab") as out:
            self._process = subprocess.Popen(
                [self.binary, "-F", "-c", str(self.config_path)],
                stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while not greets(self.port):
            if self._process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise DovecotError(f"dovecot did not start on port {self.port}:\n{self._log_tail()}")
            time.sleep(0.02)

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the server AND its IMAP sessions (they outlive the master otherwise); free the ports.

        Sessions get SIGTERM, so clients see ``* BYE Server shutting down.`` as in a real
        shutdown. Everything else gets SIGKILL: Dovecot's own orderly stop takes 1-6 s
        (the master waits for its log and anvil processes) and keeps no state we need.
        """
        deadline = time.monotonic() + timeout

        def sessions() -> list[int]:
            return [pid for pid, service in _instance_processes(self.instance_name).items() if service == "imap"]

        _kill_until_gone(sessions, signal.SIGTERM, deadline)
        if self._process is not None:
            self._process.kill()
            self._process.wait()
            self._process = None
            # A stale pid file would block the next start if the pid got reused.
            (self.dir / "run" / "master.pid").unlink(missing_ok=True)
        _kill_until_gone(lambda: list(_instance_processes(self.instance_name)), signal.SIGKILL, deadline)
        self.wait_until_ports_closed(deadline)

    def __repr__(self) -> str:
        url = self.oauth2_introspection_url
        oauth2 = f", oauth2_introspection_url={url!r}" if url else ""
        return (f"DovecotServer(layout={self.layout!r}{oauth2}, port={self.port}, ssl_port={self.ssl_port}, "
                f"dir={self.dir})")

    # -- users and mail ----------------------------------------------------------------

    def add_user(self, name: str | None = None, password: str = "secret") -> tuple[str, str]:
        """Add a user with an empty mailbox; it can log in at once (no reload or restart)."""
        with self._lock:
            if name is None:
                while name is None or name in self._passwords:
                    self._counter += 1
                    name = f"user-{self._counter}@example.test"
            if name in self._passwords or not _USER_NAME.fullmatch(name) or re.search(r"[:\r\n]", password):
                raise ValueError(f"duplicate or unusable user name/password: {name!r}")
            self._passwords[name] = password
        # Written aside and renamed so that Dovecot never reads half a file.
        tmp = self.dir / f"users.{uuid.uuid4().hex}.tmp"
        tmp.write_text(f"{name}:{{PLAIN}}{password}::::::\n")
        tmp.replace(self.dir / "users" / name)
        return name, password

    def oauth2_client(self, user: str, token: str, mechanism: str = "XOAUTH2",
                      timeout: float = 10.0) -> imapclient.IMAPClient:
        """A client logged in with a bearer token (needs ``oauth2_introspection_url``)."""
        client = imapclient.IMAPClient("127.0.0.1", port=self.port, ssl=False, timeout=timeout)
        try:
            if mechanism.upper() == "OAUTHBEARER":
                client.oauthbearer_login(user, token)
            else:
                client.oauth2_login(user, token)
        except BaseException:
            client.shutdown()
            raise
        return client

    # -- administration ----------------------------------------------------------------

    def doveadm(self, *args: str, ok: tuple[int, ...] = (0,)) -> str:
        """Run ``doveadm -c <our config> ARGS`` and return its stdout."""
        result = subprocess.run([self.doveadm_binary, "-c", str(self.config_path), *args],
                                stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=30, check=False)
        if result.returncode not in ok:
            raise DovecotError(f"doveadm {' '.join(args)} failed ({result.returncode}): "
                               f"{result.stderr.strip()}\n{self._log_tail()}")
        return result.stdout

    def kick(self, user: str, timeout: float = 5.0) -> None:
        """Drop the user's sessions (they get ``* BYE``) and wait until they are gone."""
        self.doveadm("kick", user, ok=(0, 68))  # 68: the user had no sessions
        deadline = time.monotonic() + timeout
        while self._sessions(user) and time.monotonic() < deadline:
            time.sleep(0.02)

    def _sessions(self, user: str) -> int:
        """Open IMAP sessions of ``user`` according to ``doveadm who`` (first line is a header)."""
        return len([line for line in self.doveadm("who", "-1", user).splitlines()[1:] if line.strip()])

    def set_uidvalidity(self, user: str, folder: str, value: int) -> None:
        """Change a folder's UIDVALIDITY, as a server-side mailbox rebuild would."""
        self.doveadm("mailbox", "update", "-u", user, "--uid-validity", str(value), folder)

    def log_text(self) -> str:
        """Everything Dovecot logged so far (look for ``Fatal:`` and ``Error:`` lines)."""
        parts = []
        for name in ("stdout.log", "dovecot.log"):
            path = self.dir / "log" / name
            if path.exists():
                parts.append(path.read_text(errors="replace"))
        return "".join(parts)

    def _log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log_text().splitlines()[-lines:])


Server = TypeVar("Server", bound=ImapTestServer, covariant=True)


@dataclass(frozen=True)
class ImapAccount(Generic[Server]):
    """What the ``imap`` fixture returns: a fresh user on a shared server (Dovecot or Cyrus)."""

    server: Server
    user: str
    password: str

    @property
    def drafts(self) -> str:
        """The user's Drafts folder on this server ("Drafts", "INBOX.Drafts", ...)."""
        assert self.server.drafts_folder is not None, f"{self.server!r} has no Drafts folder"
        return self.server.drafts_folder
