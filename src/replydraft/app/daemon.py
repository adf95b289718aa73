"""``replydraft run``: one watcher per (account, folder), retries with backoff, IDLE, signals.

APScheduler runs every watched folder as its own job, so a folder or account that fails
(DNS, login, timeout, server gone) never holds up the others:

- ``mode = "poll"``: an interval job per folder. After a failure the job's next run is moved
  to ``now + backoff`` (exponential, with jitter, up to ``retry_max``), and the normal
  interval resumes after the first success.
- ``mode = "idle"``: a job that keeps one connection per folder, handles new mail, then waits
  in IMAP IDLE (renewed every 25 minutes, before the 29 that RFC 2177 allows servers) and
  reconnects with the same backoff when the session drops. A server without IDLE is polled.

Signals: SIGTERM/SIGINT stop every watcher at the next message (IDLE wakes within a second);
SIGHUP reloads the config and templates, and keeps the running ones if the new ones are bad
(one caught during the start-up, by ``cli run``'s early handler, is done once running).
Two passes never run on one folder at once (a lock per folder), so a reload can't double-draft;
two processes never run on one SQLite file (``store.StateLock``, taken by ``cli run``), and the
daemons sharing a PostgreSQL state work on a folder only under its lease (``app/fleet.py``): each
takes its fair share, renews it with a heartbeat job, and gives it up on SIGTERM.
A state file that can't be written fails a pass like a server does: backoff, ``status``.
"""

from __future__ import annotations

import logging
import os
import random
import signal
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import FrameType

from replydraft.app.fleet import Fleet
from replydraft.app.model import detector_for, model_stamp
from replydraft.app.service import (
    Connect,
    FolderReport,
    check_replies,
    load_invoices,
    make_context,
    open_mailbox,
    poll_account,
    process_folder,
    teaches,
)
from replydraft.app.teaching import retrain, teach
from replydraft.config import Account, Config, config_stamp, load
from replydraft.detection.prefilter import Prefilter
from replydraft.errors import LeaseLost, LoginError, MailboxError, ReplydraftError, SecretError, StateError
from replydraft.mail.imap import ImapMailbox
from replydraft.reply.lint import require_clean
from replydraft.reply.render import Renderer
from replydraft.state.store import Lease, Store

log = logging.getLogger(__name__)

__all__ = ["IDLE_RENEW", "RETRY_FIRST", "Daemon", "backoff_delay"]

RETRY_FIRST = 5.0           # seconds before the first retry; doubles with each failure in a row
IDLE_RENEW = 25 * 60.0      # end and restart IDLE this often (servers may drop it after 30 min)
TEACH_EVERY = 60.0          # seconds: an IDLE session reads the teaching folders at most this often
FLEET_JOB = "(fleet)"       # the job that renews this daemon's leases (not a folder: no "/")
CONFIG_JOB = "(config)"     # the job that reloads a changed config or accounts_dir
CONFIG_CHECK = 30.0         # seconds between looks at the config's files
OWN = "daemon"              # the executor of the daemon's own jobs (not a folder's pass)
STOP_WAIT = 25.0            # seconds a stop waits for passes to end (systemd's TimeoutStopSec is 30)


def backoff_delay(failures: int, cap: float, rng: Callable[[], float] = random.random) -> float:
    """Seconds to wait after ``failures`` failures in a row: doubling, capped, half of it jittered.

    The jitter keeps many accounts of one server from all retrying in the same second.
    """
    step = min(cap, RETRY_FIRST * 2.0 ** max(0, failures - 1))
    return float(step / 2 + rng() * step / 2)


@dataclass
class _Watch:
    account: str
    folder: str
    mode: str
    interval: float
    lock: threading.Lock                  # one pass at a time per folder, kept across reloads
    wake: threading.Event = field(default_factory=threading.Event)   # set: end the session (stop, reload)
    failures: int = 0                     # in a row; counted here too for when the state file can't be written
    give_up: bool = False                 # over this daemon's share of the fleet: hand the folder on after the pass
    taught: float = -TEACH_EVERY          # when its pass last read the teaching folders (time.monotonic)

    @property
    def key(self) -> str:
        return f"{self.account}/{self.folder}"


Loader = Callable[[Path], tuple[Config, Renderer]]


def notify_systemd(state: bytes) -> None:
    """Tell systemd (``Type=notify``) how the service is; nothing when not started by it.

    With READY=1 sent only once the signal handlers are in place, systemd holds a
    ``systemctl reload`` issued during the start-up until the daemon can take it.
    """
    address = os.environ.get("NOTIFY_SOCKET", "")
    if not address.startswith(("/", "@")):
        return
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
            sock.connect("\0" + address[1:] if address.startswith("@") else address)
            sock.sendall(state)
    except OSError as exc:
        log.warning("could not notify systemd (%s): %s", address, exc)


class LatePolls(logging.Filter):
    """APScheduler warns once for every poll it skips because the folder's previous pass is still
    running: thousands of lines a minute on a daemon with more folders than it can poll at their
    interval. Counted instead, and said in one line at most once a minute."""

    EVERY = 60.0

    def __init__(self) -> None:
        super().__init__()
        self.skipped, self.since = 0, time.monotonic()
        self._lock = threading.Lock()

    def filter(self, record: logging.LogRecord) -> bool:
        if "maximum number of running instances reached" not in record.getMessage():
            return True
        with self._lock:
            self.skipped += 1
            if time.monotonic() - self.since < self.EVERY:
                return False
            count, self.skipped, self.since = self.skipped, 0, time.monotonic()
        record.msg = ("%d poll(s) in the last minute came while the folder's previous pass was still running "
                      "and were skipped: this daemon has more folders than it can poll at their poll_interval "
                      "(a longer interval, or another daemon on a shared [state] url)")
        record.args = (count,)
        return True


def load_checked(path: Path) -> tuple[Config, Renderer]:
    """The config and its templates, linted, and the ledger readable: what a (re)start needs."""
    config = load(path)
    renderer = Renderer.create(config.templates_dir)
    require_clean(renderer, config)
    load_invoices(config)
    return config, renderer


class Daemon:
    def __init__(self, config_path: Path, config: Config, renderer: Renderer, *, dry_run: bool = False,
                 connect: Connect = ImapMailbox.connect, loader: Loader = load_checked,
                 reload_requested: threading.Event | None = None) -> None:
        self.config_path = config_path
        # one detector per config load; all of them share the process's prefilter (see use_prefilter)
        self.prefilter = Prefilter()
        self._model_lock = threading.Lock()
        self.config, self.renderer = config, renderer
        self._use_detector(config)
        self.dry_run = dry_run
        self.connect = connect
        self.loader = loader
        self.stop = threading.Event()
        # Set by SIGHUP; given by `cli run`, whose handler catches one during the start-up.
        self._reload_requested = reload_requested or threading.Event()
        self._watches: dict[str, _Watch] = {}
        self._locks: dict[str, threading.Lock] = {}
        self.fleet = Fleet(config.lease)
        self.config_check = CONFIG_CHECK
        self._config_stamp = config_stamp(config)
        from apscheduler.executors.pool import ThreadPoolExecutor
        from apscheduler.schedulers.background import BackgroundScheduler

        # The heartbeat and the config check have threads of their own: behind a queue of passes
        # (1,000 folders busy the 64), a late heartbeat would let this daemon's leases expire.
        self.scheduler = BackgroundScheduler(executors={"default": ThreadPoolExecutor(64),
                                                        OWN: ThreadPoolExecutor(2)},
                                             job_defaults={"coalesce": True, "max_instances": 1,
                                                           "misfire_grace_time": None})

    # -- life cycle ---------------------------------------------------------------------

    def run(self) -> None:
        """Watch until SIGTERM or SIGINT; SIGHUP reloads. Returns when everything has stopped."""
        signal.signal(signal.SIGTERM, self._on_stop)
        signal.signal(signal.SIGINT, self._on_stop)
        if hasattr(signal, "SIGHUP"):
            signal.signal(signal.SIGHUP, self._on_hup)
        if self._reload_requested.is_set():
            log.info("received SIGHUP while starting; reloading now")
        late = LatePolls()
        logging.getLogger("apscheduler.scheduler").addFilter(late)
        self.scheduler.start()
        self._keep()                          # how many daemons share the folders, before taking any
        self._sync_jobs()
        log.info("watching %d folder(s) in %d account(s); stop with Ctrl-C or SIGTERM, reload with SIGHUP",
                 len(self._watches), len(self.config.accounts))
        notify_systemd(b"READY=1")
        while not self.stop.wait(0.5):
            if self._reload_requested.is_set():
                self._reload_requested.clear()
                self.reload()
        # Not shutdown(wait=True): APScheduler waits for the jobs holding its job store's lock,
        # which a pass ending in a failure or a fleet's "not mine" needs to reschedule itself.
        self.scheduler.shutdown(wait=False)
        self._wait_for_passes(STOP_WAIT)      # they stop at their next message
        self._leave()
        logging.getLogger("apscheduler.scheduler").removeFilter(late)
        log.info("stopped")

    def _wait_for_passes(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        for watch in list(self._watches.values()):
            if watch.lock.acquire(timeout=max(0.0, deadline - time.monotonic())):
                watch.lock.release()
            else:
                log.warning("%s: its pass did not end within %.0f s of the stop", watch.key, timeout)

    def _on_stop(self, signum: int, _frame: FrameType | None) -> None:
        log.info("received %s; finishing the current message and stopping", signal.Signals(signum).name)
        self.stop.set()
        for watch in list(self._watches.values()):
            watch.wake.set()

    def _on_hup(self, _signum: int, _frame: FrameType | None) -> None:
        self._reload_requested.set()          # the work happens in run()'s loop, not in the handler

    def use_prefilter(self, prefilter: Prefilter) -> None:
        """Detect with this prefilter (``prefilter.prepare``'s, which a background compile fills
        later), now and after every reload."""
        self.prefilter = prefilter
        self.detector.use_prefilter(prefilter)

    def _use_detector(self, config: Config) -> None:
        """The config's detector, and the stamp of the company model it was built with."""
        with self._model_lock:
            self._model_stamp = model_stamp(config)
            self.detector = detector_for(config, self.prefilter, level=logging.INFO)

    def _refresh_model(self) -> None:
        """Use the company's model from the next pass when it changed since the detector was built:
        trained again after a teaching pass, or by `replydraft teaching train`."""
        if model_stamp(self.config) != self._model_stamp:
            self._use_detector(self.config)

    def reload(self) -> bool:
        """Load the config and templates again; on any problem keep running the old ones."""
        self._config_stamp = config_stamp(self.config)   # a refused change is not tried again until edited
        try:
            config, renderer = self.loader(self.config_path)
        except ReplydraftError as exc:
            log.error("reload refused, still running the previous config: %s", exc)
            return False
        self._config_stamp = config_stamp(config)
        self.config, self.renderer = config, renderer
        self._use_detector(config)
        if self.fleet.lease != config.lease:
            self.fleet.lease = config.lease
            if self.scheduler.get_job(FLEET_JOB):
                self.scheduler.reschedule_job(FLEET_JOB, trigger="interval", seconds=self.fleet.renew_every)
        for watch in list(self._watches.values()):   # IDLE sessions pick up the new config on reconnect
            watch.wake.set()
        self._sync_jobs()
        log.info("reloaded %s: watching %d folder(s)", self.config_path, len(self._watches))
        return True

    # -- jobs ---------------------------------------------------------------------------

    def _sync_jobs(self) -> None:
        """Make the scheduler's jobs match the config: add, change and remove watchers."""
        wanted: dict[str, tuple[str, str, str, float]] = {}
        for account in self.config.accounts:
            for folder in account.folders:
                mode, interval = account.watch(folder)
                wanted[f"{account.name}/{folder}"] = (account.name, folder, mode, interval)
        for key in list(self._watches):
            if key not in wanted or self._watches[key].mode != wanted[key][2]:
                self._remove(key)
        now = datetime.now(UTC)
        for key, (name, folder, mode, interval) in wanted.items():
            watch = self._watches.get(key)
            if watch is None:
                lock = self._locks.setdefault(key, threading.Lock())
                watch = self._watches[key] = _Watch(name, folder, mode, interval, lock)
                if mode == "idle":
                    self.scheduler.add_job(self._idle, "date", run_date=now, args=(watch,), id=key)
                else:
                    self.scheduler.add_job(self._poll, "interval", seconds=interval, args=(watch,), id=key,
                                           next_run_time=now)   # first pass at once, not one interval later
            elif mode == "poll" and watch.interval != interval:
                watch.interval = interval
                self.scheduler.reschedule_job(key, trigger="interval", seconds=interval)

        if self.scheduler.get_job(FLEET_JOB) is None:
            self.scheduler.add_job(self._keep, "interval", seconds=self.fleet.renew_every, id=FLEET_JOB,
                                   executor=OWN)
        if self.scheduler.get_job(CONFIG_JOB) is None:
            self.scheduler.add_job(self._check_config, "interval", seconds=self.config_check, id=CONFIG_JOB,
                                   executor=OWN)

    def _check_config(self) -> None:
        """A changed config file, or an accounts file added, changed or removed: reload, as SIGHUP
        does (so 1,000 mailboxes come and go without a restart)."""
        if config_stamp(self.config) != self._config_stamp:
            log.info("%s or its accounts_dir changed; reloading", self.config_path)
            self._reload_requested.set()

    def _remove(self, key: str) -> None:
        watch = self._watches.pop(key, None)
        if watch is not None:
            watch.wake.set()
        if self.scheduler.get_job(key):
            self.scheduler.remove_job(key)

    def _account(self, name: str) -> Account | None:
        return next((a for a in self.config.accounts if a.name == name), None)

    # -- polling --------------------------------------------------------------------------

    def _poll(self, watch: _Watch) -> None:
        account = self._account(watch.account)
        if account is None or self.stop.is_set():
            return
        try:
            lease = self._claim(watch)
        except StateError as exc:
            log.error("%s", exc)
            self._later(watch, self._failed(watch, account, str(exc), auth=False))
            return
        if lease is None:                     # another daemon works on it: try again soon
            self._later(watch, self.fleet.renew_every)
            return
        with watch.lock:
            teaching = self._teaching_due(watch, account)
            [report] = poll_account(self.config, account, self.renderer, dry_run=self.dry_run,
                                    connect=self.connect, stop=self.stop, folders=[watch.folder],
                                    detector=self.detector, leases=[lease], teaching=teaching)
            self._hand_on(watch)
        self._refresh_model()
        if report.lost:
            self.fleet.forget(watch.key)
            self._later(watch, self.fleet.renew_every)
            return
        error, auth = report.error, report.auth
        if error is None:
            try:
                self._succeeded(watch, report, next_in=watch.interval)
                return
            except StateError as exc:
                log.error("%s", exc)
                error, auth = str(exc), False
        self._later(watch, self._failed(watch, account, error, auth=auth))

    def _later(self, watch: _Watch, delay: float) -> None:
        """The folder's next poll in ``delay`` seconds (then at its interval again)."""
        job = self.scheduler.get_job(watch.key)
        if job is not None and not self.stop.is_set():
            job.modify(next_run_time=datetime.now(UTC) + timedelta(seconds=delay))

    def _teaching_due(self, watch: _Watch, account: Account) -> bool:
        """Whether this pass reads the teaching folders: the account's first folder's pass does,
        at most every TEACH_EVERY (IDLE wakes for every message, a fleet polls often, and EXAMINE
        of nine folders costs the server more than the pass; ~0.4 s on Cyrus)."""
        if not teaches(account, [watch.folder]) or time.monotonic() < watch.taught + TEACH_EVERY:
            return False
        watch.taught = time.monotonic()
        return True

    # -- the fleet ------------------------------------------------------------------------

    def _claim(self, watch: _Watch) -> Lease | None:
        """The folder's lease: held already, or taken now; None while another daemon has it."""
        return self.fleet.claim(lambda: Store.of(self.config), watch.account, watch.folder, len(self._watches))

    def _keep(self) -> None:
        """The fleet's heartbeat: renew this daemon's leases; stop work on a folder whose lease
        was lost; hand on what is over its share (or no longer configured) once its pass ends."""
        try:
            with Store.of(self.config) as store:
                lost, over = self.fleet.keep(store, len(self._watches))
                over += [key for key in self.fleet.held_keys() if key not in self._watches]
                for key in over:
                    watch = self._watches.get(key)
                    if watch is None or watch.lock.acquire(blocking=False):
                        try:
                            self.fleet.give_up(store, key)
                        finally:
                            if watch is not None:
                                watch.lock.release()
                    else:                     # in a pass or an IDLE session: handed on when it ends
                        watch.give_up = True
                        watch.wake.set()
        except StateError as exc:             # the leases expire unless the next heartbeat renews them
            log.error("%s", exc)
            return
        for key in lost:
            if key in self._watches:
                self._watches[key].wake.set()

    def _hand_on(self, watch: _Watch) -> None:
        """At the end of a pass (under the folder's lock): give the folder up if asked to."""
        if watch.give_up:
            watch.give_up = False
            try:
                with Store.of(self.config) as store:
                    self.fleet.give_up(store, watch.key)
            except StateError as exc:         # not given up: it expires, and another daemon takes it then
                log.error("%s", exc)

    def _leave(self) -> None:
        """On stopping: every lease given up, so the rest of the fleet takes over at once."""
        try:
            with Store.of(self.config) as store:
                self.fleet.leave(store)
        except StateError as exc:
            log.error("%s (this daemon's folders are taken over when their leases expire)", exc)

    # -- push ---------------------------------------------------------------------------

    def _idle(self, watch: _Watch) -> None:
        """One folder in IDLE mode, for as long as the daemon runs: reconnect with backoff."""
        while not self.stop.is_set() and self._watches.get(watch.key) is watch:
            watch.wake.clear()
            account = self._account(watch.account)
            if account is None:
                return
            try:
                lease = self._claim(watch)
                if lease is None:             # another daemon works on it: try again soon
                    watch.wake.wait(self.fleet.renew_every)
                    continue
                with watch.lock:
                    try:
                        self._idle_session(watch, account, lease)
                    finally:
                        self._hand_on(watch)
            except LeaseLost as exc:
                log.warning("%s", exc)
                self.fleet.forget(watch.key)
            except (MailboxError, SecretError, StateError) as exc:   # a config or template error is not retried
                log.error("%s", exc)
                delay = self._failed(watch, account, str(exc), auth=isinstance(exc, (LoginError, SecretError)))
                watch.wake.wait(delay)

    def _idle_session(self, watch: _Watch, account: Account, lease: Lease) -> None:
        mailbox = open_mailbox(account, self.connect)
        try:
            drafts = mailbox.resolve_drafts(account.drafts_folder)
            pushing = isinstance(mailbox, ImapMailbox) and mailbox.supports_idle()
            if not pushing:
                log.warning("%s: the server does not offer IDLE; polling every %.0f s instead",
                            watch.key, watch.interval)
            while not watch.wake.is_set() and self.fleet.holds(watch.key):
                store = Store.of(self.config)
                store.hold(lease)
                try:
                    report = process_folder(mailbox, store, make_context(self.config, account, self.renderer,
                                                                         detector=self.detector),
                                            folder=watch.folder, drafts=drafts, dry_run=self.dry_run,
                                            lookback=timedelta(seconds=account.lookback), stop=self.stop)
                finally:
                    store.close()
                if not self.dry_run:
                    store = Store.of(self.config)
                    try:
                        check_replies(mailbox, store, account.name, drafts, datetime.now(UTC))
                        if self._teaching_due(watch, account):
                            report_taught = teach(mailbox, store, self.config.teaching, account.name,
                                                  datetime.now(UTC))
                            retrain(self.config, store, report_taught, account.name)
                    finally:
                        store.close()
                    self._refresh_model()
                self._succeeded(watch, report, next_in=None if pushing else watch.interval)
                if pushing:
                    assert isinstance(mailbox, ImapMailbox)
                    # Mail that arrived during the pass (or the reply check, which re-selects the
                    # folder) is already counted by the server: IDLE would never announce it.
                    if mailbox.open_folder(watch.folder).uidnext != report.uidnext:
                        continue
                    mailbox.wait_for_mail(IDLE_RENEW, watch.wake)
                else:
                    watch.wake.wait(watch.interval)
        finally:
            mailbox.close()

    # -- bookkeeping ------------------------------------------------------------------------

    def _succeeded(self, watch: _Watch, report: FolderReport, next_in: float | None) -> None:
        if report.drafted or report.recovered:
            log.info("%s: %d new message(s), %d draft(s)%s", watch.key, report.examined, len(report.drafted),
                     " (dry run)" if self.dry_run else "")
        with Store.of(self.config) as store:
            next_try = datetime.now(UTC) + timedelta(seconds=next_in) if next_in else None
            store.record_success(watch.account, watch.folder, watch.mode, report.waiting, next_try)
        watch.failures = 0

    def _failed(self, watch: _Watch, account: Account, error: str, *, auth: bool) -> float:
        """Record a failure (for `status`); returns the seconds until the next try, which the log
        line names. If the state file can't be written either (a full disk), the failures are
        counted in memory, with the same backoff."""
        auth_failures = 0
        try:
            with Store.of(self.config) as store:
                watch.failures = next((s.failures for s in store.watch_statuses()
                                       if (s.account, s.folder) == (watch.account, watch.folder)), 0)
                delay, at = self._backoff(watch.failures + 1, account)
                status = store.record_failure(watch.account, watch.folder, watch.mode, error, auth=auth,
                                              next_try=at)
            watch.failures, auth_failures = status.failures, status.auth_failures
        except StateError as exc:
            if str(exc) != error:
                log.error("%s", exc)
            watch.failures += 1
            delay, at = self._backoff(watch.failures, account)
        log.warning("%s: failure %d in a row; next try in %.0f s (at %s)%s", watch.key, watch.failures, delay,
                    at.astimezone().strftime("%H:%M:%S"),
                    f"; the login was refused {auth_failures} times in a row: check the credentials"
                    if auth_failures >= 2 else "")
        return delay

    @staticmethod
    def _backoff(failures: int, account: Account) -> tuple[float, datetime]:
        delay = backoff_delay(failures, account.retry_max)
        return delay, datetime.now(UTC) + timedelta(seconds=delay)
