"""`run`, `check`, `status`, `init`: watching the mailboxes, and setting up to watch them."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from contextlib import nullcontext
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from replydraft.cli import (
    DEFAULT_CONFIG,
    EXIT_FAILURE,
    EXIT_OK,
    EXIT_USAGE,
    AddCommand,
    _config,
    _print_table,
    _renderer,
    _store,
    log,
)
from replydraft.errors import ConfigError, MailboxError, SecretError, UsageError

if TYPE_CHECKING:
    from replydraft.config import Config


def register(command: AddCommand) -> None:
    c = command("run", "Watch the configured mailboxes and leave draft replies (never sends).", cmd_run)
    c.add_argument("--once", action="store_true", help="one pass over every account, then exit")
    c.add_argument("--dry-run", action="store_true",
                   help="log what would be drafted (incident status dry_run); write nothing to the server")

    command("status", "Per account and folder: the last successful pass, messages waiting, the last error "
            "and the next try; warns about accounts that keep failing.", cmd_status)

    command("check", "Validate the config and templates, log in to every account and show the "
            "Drafts folder each will use.", cmd_check)

    c = command("init", "Write a starter config with every option, its default and a comment "
                "(never overwrites a file).", cmd_init, config=False)
    c.add_argument("path", nargs="?", default=DEFAULT_CONFIG, metavar="PATH",
                   help=f"where to write it (default: ./{DEFAULT_CONFIG})")


def cmd_run(args: argparse.Namespace) -> int:
    reload_requested = None if args.once else _catch_sighup()
    path = Path(getattr(args, "config", None) or DEFAULT_CONFIG)
    log.info("reading %s, its templates and the detection rules", path)     # a second or two: say so
    from replydraft.app.daemon import load_checked
    from replydraft.config import EVERY_OPTION
    from replydraft.state.store import StateLock, Store

    config, renderer = load_checked(path)   # broken templates or ledger stop here, not mid-pass
    if not config.accounts:
        raise ConfigError(f"{config.source}: no [[accounts]] to watch; add one. {EVERY_OPTION}")
    # One `run` per SQLite file: a second is refused. A shared database needs no lock: the
    # daemons on it take a lease on each folder they work on (app/fleet.py).
    with nullcontext() if config.state_url else StateLock.acquire(config.state_path):
        with Store.of(config) as store:            # created or migrated once, before any pass
            if not config.state_url:               # the lock says no other run is alive: a killed
                store.clear_leases()               # one's leases must not hold this one up
        return _run(args, path, config, renderer, reload_requested)


def _run(args: argparse.Namespace, path: Path, config: Config, renderer: Any,
         reload_requested: threading.Event | None) -> int:
    from replydraft.app.daemon import Daemon
    from replydraft.app.service import run_once
    from replydraft.detection.prefilter import prepare

    cache = Path(os.environ.get("REPLYDRAFT_CACHE_DIR") or config.cache_dir)
    # Faster detection (with Hyperscan). Neither the daemon nor a one-off pass waits for a
    # first compile (the daemon starts it once everything else is loaded, so its signal
    # handlers come at once); the compile keeps its result even if a one-off pass ends first.
    if not args.once:
        daemon = Daemon(path, config, renderer, dry_run=args.dry_run, reload_requested=reload_requested)
        daemon.use_prefilter(prepare(cache, background=True))
        daemon.run()
        return EXIT_OK
    reports = run_once(config, renderer, dry_run=args.dry_run, prefilter=prepare(cache, background=True))
    for r in reports:
        if r.error:
            continue
        log.info("%s/%s: %d new message(s), %d draft(s)%s, %d without escalation, %d skipped, %d handled before",
                 r.account, r.folder, r.examined, len(r.drafted), " (dry run)" if args.dry_run else "",
                 r.no_signal, r.skipped, r.already)
    return EXIT_FAILURE if any(r.error for r in reports) else EXIT_OK


def _catch_sighup() -> threading.Event:
    """From now on SIGHUP asks for a reload, which the daemon does once it runs. Its default
    action ends the process: a `systemctl reload` just after a start would stop the service."""
    requested = threading.Event()
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, lambda _signum, _frame: requested.set())
    return requested


def cmd_status(args: argparse.Namespace) -> int:
    """Exit 0 when every watched folder is healthy, 1 when one is failing or hasn't run."""
    from replydraft.state.status import assess

    config = _config(args)
    with _store(args, config) as store:
        statuses, unfinished = store.watch_statuses(), store.unfinished_drafts()
        holders = store.lease_holders() if config.state_url else None     # a fleet: who works on what
    report = assess(config, statuses, unfinished, datetime.now().astimezone(), _token_ages(config), holders)
    _print_table(report.table, sys.stdout)
    for line in report.warnings:
        print(f"warn {line}")
    if not report.warnings:
        print("ok   every watched folder is healthy")
    return EXIT_FAILURE if report.warnings else EXIT_OK


def _token_ages(config: Config) -> dict[str, datetime | None]:
    """When each OAuth2 account's refresh token was stored in the keyring (if it is there)."""
    from replydraft.auth.credentials import refresh_token_stored_at

    ages: dict[str, datetime | None] = {}
    for account in config.accounts:
        if account.auth == "oauth2" and not (account.oauth_refresh_token_env or account.oauth_refresh_token_command):
            try:
                ages[account.name] = refresh_token_stored_at(account)
            except SecretError as exc:
                log.warning("%s", exc)
    return ages


def cmd_check(args: argparse.Namespace) -> int:
    from replydraft.app.service import open_mailbox
    from replydraft.cli.templates import _lint

    config = _config(args)
    print(f"ok   config {config.source}")
    renderer = _renderer(config)
    _lint(renderer, config, verbose=True)
    if config.ledger:
        from replydraft.app.service import load_invoices

        print(f"ok   ledger {config.ledger.path}: {len(load_invoices(config))} open invoice(s)")
    if not config.accounts:
        print("note no [[accounts]] configured")
    codes = [EXIT_OK]
    for account in config.accounts:
        try:
            mailbox = open_mailbox(account)
            try:
                drafts = mailbox.resolve_drafts(account.drafts_folder)
                for folder in account.folders:
                    mailbox.open_folder(folder)
            finally:
                mailbox.close()
            print(f"ok   account {account.name}: logged in as {account.username} at "
                  f"{account.host}:{account.port} ({account.tls}); watching {', '.join(account.folders)}; "
                  f"drafts go to {drafts!r}")
        except (MailboxError, SecretError) as exc:
            # Every account is checked; a secret that can't be had is for you to fix (2), as
            # in `auth test`, and outranks a server that refused or couldn't be reached (1).
            codes.append(EXIT_USAGE if isinstance(exc, SecretError) else EXIT_FAILURE)
            print(f"FAIL {exc}")
    return max(codes)


EXAMPLE_CONFIG = "config.example.toml"


def example_config() -> str:
    """config.example.toml: inside the installed wheel, else the source tree's."""
    from importlib.resources import files

    packaged = files("replydraft") / EXAMPLE_CONFIG
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    return (Path(__file__).resolve().parents[3] / EXAMPLE_CONFIG).read_text(encoding="utf-8")


def cmd_init(args: argparse.Namespace) -> int:
    path = Path(args.path)
    try:   # O_EXCL: an existing file (someone's edited config) is never replaced
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise UsageError(f"{path} already exists; nothing was written. Edit it, or give another PATH "
                         f"(`replydraft init new.toml`) to see every option.") from None
    except OSError as exc:
        raise UsageError(f"{path}: can't create it: {exc.strerror or exc}.") from None
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        os.fchmod(fd, 0o600)         # passwords never go in it, but account names and policy do
        out.write(example_config())
    flag = "" if args.path == DEFAULT_CONFIG and not os.environ.get("REPLYDRAFT_CONFIG") else f" -c {path}"
    print(f"Wrote {path} (readable by you only): every option with its default and a comment. Next:\n"
          f"  1. edit it: [policy] (your company, the signature) and one [[accounts]] per mailbox\n"
          f"  2. replydraft auth set{flag} support       the IMAP password, into the keyring "
          f"(or password_env / password_command)\n"
          f"  3. replydraft check{flag}                  validate it, log in, show the Drafts folder\n"
          f"  4. replydraft run{flag} --once --dry-run   what would be drafted; then `replydraft run{flag}`")
    return EXIT_OK
