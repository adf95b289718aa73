"""A private Cyrus IMAP 3.6 server on 127.0.0.1 for integration tests, beside Dovecot.

Cyrus is here for its differences from Dovecot: the ``INBOX.`` namespace with ``.`` as
separator, special-use flags sent in lower case (``\\drafts``), its own SEARCH and APPEND
code. The Debian packages ``dovecot-imapd`` and ``cyrus-imapd`` conflict, so only
``cyrus-common`` (the master, ctl_cyrusdb, the libraries) is installed and ``imapd`` and
``idled`` are unpacked from the ``cyrus-imapd`` package without installing it
(``make test-deps`` does both). Passwords are real: a private sasldb written with
``saslpasswd2`` (package ``sasl2-bin``).

The master must start as root: it switches to the ``cyrus`` user itself. Same small API as
``DovecotServer`` (see loopback.ImapTestServer)::

    with CyrusServer() as server:
        user, password = server.add_user()
        uid = server.append(user, "INBOX", b"Subject: hi\\n\\nhello\\n")
        client = server.client(user)

No pytest dependency here: the fixtures live in conftest.py.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from .loopback import LoopbackServer, free_ports, greets, self_signed_certificate

# Where `make test-deps` unpacks the cyrus-imapd package (imapd, idled); REPLYDRAFT_CYRUS_BIN
# names another directory, and an installed cyrus-imapd is found in /usr/lib/cyrus/bin.
UNPACKED_BIN = Path(__file__).resolve().parents[2] / ".cache" / "cyrus-imapd" / "usr" / "lib" / "cyrus" / "bin"
SYSTEM_BIN = Path("/usr/lib/cyrus/bin")
SERVERNAME = "localhost"     # also the SASL realm of the users
USER = "cyrus"               # the package's user; the master switches to it
GROUP = "mail"

_IMAPD_CONF = """\
configdirectory: {c}/conf
partition-default: {c}/spool
servername: {servername}
syslog_prefix: {instance}
# The Cyrus (and Courier) layout: personal folders under INBOX., "." between levels.
# Cyrus 3 defaults to altnamespace and "/" instead.
altnamespace: no
unixhierarchysep: no
# Real passwords, from our own sasldb; no pause after a wrong one (default 3 s).
allowplaintext: yes
sasl_pwcheck_method: auxprop
sasl_auxprop_plugin: sasldb
sasl_sasldb_path: {c}/sasldb2
sasl_mech_list: PLAIN LOGIN
failedloginpause: 0
# A user's INBOX and folders are created at first login; Drafts carries \\Drafts.
autocreate_quota: 0
autocreate_inbox_folders: Drafts | Sent | Trash | Junk
autocreate_subscribe_folders: Drafts | Sent | Trash | Junk
xlist-drafts: Drafts
xlist-sent: Sent
xlist-trash: Trash
xlist-junk: Junk
tls_server_cert: {c}/tls/cert.pem
tls_server_key: {c}/tls/key.pem
idlesocket: {c}/conf/socket/idle
lmtpsocket: {c}/conf/socket/lmtp
notifysocket: {c}/conf/socket/notify
"""

# Every command needs its own -C: the master's is not passed on, and without it a service
# silently uses /etc/imapd.conf and the system spool.
_CYRUS_CONF = """\
START {{
  recover cmd="{ctl_cyrusdb} -C {c}/imapd.conf -r"
}}
SERVICES {{
  imap cmd="{c}/bin/imapd -C {c}/imapd.conf" listen="127.0.0.1:{port}" prefork=0
  imaps cmd="{c}/bin/imapd -s -C {c}/imapd.conf" listen="127.0.0.1:{ssl_port}" prefork=0
}}
EVENTS {{
  checkpoint cmd="{ctl_cyrusdb} -C {c}/imapd.conf -c" period=30
}}
DAEMON {{
  idled cmd="{c}/bin/idled -C {c}/imapd.conf"
}}
"""

_CONF_DIRS = ("db", "socket", "proc", "lock", "log", "quota", "user", "sieve", "msg", "ptclient")
# "." separates folder levels and "@" would mean a virtual domain: neither goes in a user name.
_USER_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_+-]*")


class CyrusError(RuntimeError):
    """Cyrus is missing, failed to start, or a user could not be added."""


@dataclass(frozen=True)
class CyrusBinaries:
    master: Path
    ctl_cyrusdb: Path
    imapd: Path
    idled: Path
    saslpasswd2: Path


def find_cyrus() -> CyrusBinaries:
    """The programs a CyrusServer runs; CyrusError says what to install when one is missing."""
    unpacked = os.environ.get("REPLYDRAFT_CYRUS_BIN")
    bin_dirs = [Path(unpacked)] if unpacked else [UNPACKED_BIN, SYSTEM_BIN]
    imapd = next((d / "imapd" for d in bin_dirs if (d / "imapd").is_file()), None)
    found = {
        "master": _first_file(Path("/usr/sbin/cyrmaster"), SYSTEM_BIN / "master"),
        "ctl_cyrusdb": _first_file(SYSTEM_BIN / "ctl_cyrusdb"),
        "imapd": imapd,
        "idled": imapd.with_name("idled") if imapd and imapd.with_name("idled").is_file() else None,
        "saslpasswd2": _first_file(Path("/usr/sbin/saslpasswd2")),
    }
    missing = [name for name, path in found.items() if path is None]
    if missing:
        raise CyrusError(
            f"Cyrus IMAP is not available (missing: {', '.join(missing)}); `make test-deps` installs it: "
            f"apt-get install --no-install-recommends cyrus-common sasl2-bin, then unpacks imapd and idled "
            f"from `apt-get download cyrus-imapd` into {UNPACKED_BIN.parents[3]} (searched: "
            f"{', '.join(map(str, bin_dirs))})")
    if os.geteuid() != 0:
        raise CyrusError("the Cyrus test server needs root: its master starts as root and switches to "
                         f"the {USER!r} user")
    try:
        pwd.getpwnam(USER)
    except KeyError:
        raise CyrusError(f"there is no {USER!r} user; the cyrus-common package creates it") from None
    return CyrusBinaries(**{name: path for name, path in found.items() if path is not None})


def _first_file(*paths: Path) -> Path | None:
    return next((path for path in paths if path.is_file()), None)


class CyrusServer(LoopbackServer):
    """One private Cyrus with a plaintext/STARTTLS port and an implicit-TLS port."""

    error = CyrusError
    name = "cyrus"
    drafts_folder = "INBOX.Drafts"

    def __init__(self) -> None:
        self.binaries = find_cyrus()
        self.instance_name = f"cyrus-test-{os.urandom(4).hex()}"
        self.port, self.ssl_port = free_ports()
        self._passwords: dict[str, str] = {}
        self._counter = 0
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        # Not pytest's tmp_path: that is 0700 under /tmp/pytest-of-root, and the cyrus user
        # must traverse every parent directory.
        self.dir = Path(tempfile.mkdtemp(prefix="cyrus-", dir="/tmp"))
        try:
            self._prepare()
        except BaseException:
            shutil.rmtree(self.dir, ignore_errors=True)
            raise

    # -- setup -------------------------------------------------------------------------

    @property
    def cafile(self) -> Path:
        """The self-signed certificate (SAN localhost, 127.0.0.1): pass it as the CA to trust."""
        return self.dir / "tls" / "cert.pem"

    @property
    def sasldb(self) -> Path:
        return self.dir / "sasldb2"

    def _prepare(self) -> None:
        self.dir.chmod(0o755)
        for sub in ("bin", "log", "spool", "tls", *(f"conf/{d}" for d in _CONF_DIRS)):
            (self.dir / sub).mkdir(parents=True)
        # Copied so that the cyrus user can run them wherever the checkout lives (a CI clone
        # may sit under a 0700 directory); ~400 kB.
        for binary in (self.binaries.imapd, self.binaries.idled):
            shutil.copy2(binary, self.dir / "bin" / binary.name)
        self_signed_certificate(self.cafile, self.dir / "tls" / "key.pem")
        (self.dir / "imapd.conf").write_text(_IMAPD_CONF.format(
            c=self.dir, servername=SERVERNAME, instance=self.instance_name))
        (self.dir / "cyrus.conf").write_text(_CYRUS_CONF.format(
            c=self.dir, ctl_cyrusdb=self.binaries.ctl_cyrusdb, port=self.port, ssl_port=self.ssl_port))
        self._chown()

    def _chown(self) -> None:
        """Hand everything to the cyrus user, which the master and every service run as."""
        subprocess.run(["chown", "-R", f"{USER}:{GROUP}", str(self.dir)], check=True, capture_output=True)

    # -- lifecycle ---------------------------------------------------------------------

    def start(self, timeout: float = 10.0) -> None:
        """Start the master in the foreground under Popen and wait for a ``* OK`` greeting."""
        if self.running:
            return
        with open(self.dir / "log" / "stdout.log", "ab") as out:
            self._process = subprocess.Popen(
                [str(self.binaries.master), "-C", str(self.dir / "imapd.conf"), "-M", str(self.dir / "cyrus.conf"),
                 "-p", str(self.dir / "master.pid"), "-L", str(self.dir / "log" / "master.log")],
                stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True,   # its own process group: stop() ends every service with it
            )
        deadline = time.monotonic() + timeout
        while not greets(self.port):
            if self._process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise CyrusError(f"cyrus did not start on port {self.port}:\n{self.log_text()}")
            time.sleep(0.02)

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the master and every service; sessions end with it (clients see EOF). Frees the ports."""
        deadline = time.monotonic() + timeout
        if self._process is not None:
            self._process.terminate()      # the master kills its children and exits at once
            try:
                self._process.wait(timeout)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self._process.pid, signal.SIGKILL)   # anything that outlived the master
            self._process = None
        self.wait_until_ports_closed(deadline)

    def __repr__(self) -> str:
        return f"CyrusServer(port={self.port}, ssl_port={self.ssl_port}, dir={self.dir})"

    # -- users and mail ----------------------------------------------------------------

    def add_user(self, name: str | None = None, password: str = "secret") -> tuple[str, str]:
        """Add a user; it can log in at once, and its INBOX and folders appear at the first login."""
        with self._lock:
            if name is None:
                while name is None or name in self._passwords:
                    self._counter += 1
                    name = f"user-{self._counter}"
            if name in self._passwords or not _USER_NAME.fullmatch(name) or re.search(r"[\r\n]", password):
                raise ValueError(f"duplicate or unusable user name/password: {name!r}")
            self._passwords[name] = password
            # -p: the password comes from stdin, as is (no newline). Root writes the file;
            # imapd reads it as cyrus.
            result = subprocess.run(
                [str(self.binaries.saslpasswd2), "-p", "-c", "-f", str(self.sasldb), "-u", SERVERNAME, name],
                input=password.encode(), capture_output=True, timeout=30, check=False)
            if result.returncode != 0:
                raise CyrusError(f"saslpasswd2 could not add {name!r}: {result.stderr.decode(errors='replace')}")
            shutil.chown(self.sasldb, USER, GROUP)
        return name, password

    def log_text(self) -> str:
        """What the master and the services wrote to stdout/stderr (Cyrus logs the rest to syslog)."""
        return "".join(path.read_text(errors="replace")
                       for path in (self.dir / "log" / "stdout.log", self.dir / "log" / "master.log")
                       if path.exists())
