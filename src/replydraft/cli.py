"""The ``replydraft`` command: a thin shell over the library.

Exit codes: 0 success; 1 a runtime failure (a server, an account or an input file
failed); 2 a usage, config, secret or template error that you need to fix first.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
import threading
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Sequence, TextIO

from replydraft.errors import (
    ConfigError,
    InputError,
    MailboxError,
    ReplydraftError,
    SecretError,
    StateError,
    TemplateError,
    UsageError,
)

# Everything else is imported by the command that needs it: `replydraft --help` must not
# pay for the detector's rules, Babel or Jinja2 (start-up is a benchmark target).
if TYPE_CHECKING:
    from replydraft.config import Config
    from replydraft.state.store import Incident

log = logging.getLogger("replydraft")

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2
DEFAULT_CONFIG = "replydraft.toml"
EPILOG = "Exit codes: 0 ok, 1 runtime failure, 2 usage/config/secret/template error. It never sends mail."


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    _configure_logging(args.log_level, args.log_format)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(args.func(args))
    except (ConfigError, SecretError, TemplateError, UsageError) as exc:
        print(f"replydraft: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ReplydraftError as exc:
        print(f"replydraft: error: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `replydraft classify ... | head`
        sys.stderr.close()
        return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="replydraft",
        description="Find escalating customer mail and leave a calm draft reply for a person to review.",
        epilog=EPILOG)
    p.add_argument("-V", "--version", action=_VersionAction)
    p.add_argument("--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING", "ERROR"],
                   help="how much to log on stderr (default: INFO)")
    p.add_argument("--log-format", default="text", choices=["text", "json"],
                   help="stderr log lines as text (default) or one JSON object per line, for log collectors")
    sub = p.add_subparsers(title="commands", metavar="COMMAND")

    def command(name: str, help: str, func: Any, config: bool = True) -> argparse.ArgumentParser:
        c = sub.add_parser(name, help=help, description=help, epilog=EPILOG)
        c.set_defaults(func=func)
        if config:
            c.add_argument("-c", "--config", default=os.environ.get("REPLYDRAFT_CONFIG", DEFAULT_CONFIG),
                           help=f"config file (default: $REPLYDRAFT_CONFIG or ./{DEFAULT_CONFIG})")
        return c

    c = command("run", "Watch the configured mailboxes and leave draft replies (never sends).", cmd_run)
    c.add_argument("--once", action="store_true", help="one pass over every account, then exit")
    c.add_argument("--dry-run", action="store_true", help="log what would be drafted (incident status dry_run); write nothing to the server")

    c = command("classify", "Detect signals in .eml files, folders of them, or mbox files (offline); "
                "prints one JSON object per message.", cmd_classify, config=False)
    c.add_argument("paths", nargs="+", metavar="PATH")
    c.add_argument("-c", "--config", help="use this config's signal thresholds")

    c = command("preview", "Print the draft that would be saved for a message file (offline).", cmd_preview)
    c.add_argument("message", metavar="MESSAGE.eml")
    c.set_defaults(config=os.environ.get("REPLYDRAFT_CONFIG"))
    c.add_argument("--account", help="account whose From address to use (default: the first)")

    c = command("incidents", "The incident log: list, show, export, stats, purge.", None)
    isub = c.add_subparsers(title="actions", metavar="ACTION")
    lst = isub.add_parser("list", help="a table of incidents: when, who, signals, their words, the reply",
                          epilog=EPILOG)
    lst.set_defaults(func=cmd_incidents_list)
    show = isub.add_parser("show", help="one incident in full: every piece of evidence and its rule", epilog=EPILOG)
    show.set_defaults(func=cmd_incidents_show)
    show.add_argument("id", metavar="ID", help="an incident id, or the start of one (RD-3f9a)")
    exp = isub.add_parser("export", help="every field, as CSV, JSON lines or a JSON array (docs/incidents.md)",
                          epilog=EPILOG)
    exp.set_defaults(func=cmd_incidents_export)
    exp.add_argument("--format", choices=["csv", "jsonl", "json"], default="csv")
    exp.add_argument("-o", "--output", help="write to this file instead of stdout")
    sts = isub.add_parser("stats", help="counts by signal, by customer and by week", epilog=EPILOG)
    sts.set_defaults(func=cmd_incidents_stats)
    purge = isub.add_parser("purge", help="delete incidents logged before a date (retention)", epilog=EPILOG)
    purge.set_defaults(func=cmd_incidents_purge)
    purge.add_argument("--before", required=True, help="a date (2026-06-01) or an age (90d, 12w)")
    purge.add_argument("--yes", action="store_true", help="don't ask for confirmation")
    for action in (lst, exp, sts):
        _filters(action)
    for action in (lst, show, exp, sts, purge):
        action.add_argument("-c", "--config", default=argparse.SUPPRESS, help=argparse.SUPPRESS)

    c = command("report", "Write one self-contained HTML page: incidents per week by signal, top "
                "customers, repeat offenders, every incident with its evidence.", cmd_report)
    c.add_argument("--since", default="30d", help="a date or an age such as 30d (default), 12w")
    c.add_argument("--out", "-o", default="report.html", help="the HTML file to write (default: report.html)")
    c.add_argument("--account", help="only this account")

    c = command("templates", "Check the reply templates.", None)
    tsub = c.add_subparsers(title="actions", metavar="ACTION")
    tl = tsub.add_parser("lint", help="render every template in every tone with sample data; report "
                         "syntax errors, unknown variables and empty output with file:line", epilog=EPILOG)
    tl.set_defaults(func=cmd_templates_lint)
    tl.add_argument("-c", "--config", default=os.environ.get("REPLYDRAFT_CONFIG"),
                    help="config file (default: $REPLYDRAFT_CONFIG, ./replydraft.toml, or the demo policy)")

    command("status", "Per account and folder: the last successful pass, messages waiting, the last error "
            "and the next try; warns about accounts that keep failing.", cmd_status)

    command("check", "Validate the config and templates, log in to every account and show the "
            "Drafts folder each will use.", cmd_check)

    c = command("init", "Write a starter config with every option, its default and a comment "
                "(never overwrites a file).", cmd_init, config=False)
    c.add_argument("path", nargs="?", default=DEFAULT_CONFIG, metavar="PATH",
                   help=f"where to write it (default: ./{DEFAULT_CONFIG})")

    c = command("demo", "Run the whole pipeline on bundled sample mail in a local Maildir "
                "(no server, no config needed).", cmd_demo, config=False)
    c.add_argument("directory", nargs="?", metavar="DIR", help="where to put it (default: a new temporary folder)")

    c = command("auth", "Store, set up and test an account's credentials.", None)
    asub = c.add_subparsers(title="actions", metavar="ACTION")
    aset = asub.add_parser("set", help="prompt for the password of ACCOUNT and store it in the system keyring",
                           epilog=EPILOG)
    aset.set_defaults(func=cmd_auth_set)
    atest = asub.add_parser("test", help="get ACCOUNT's secret the configured way and log in; prints ok or FAIL "
                            "with the reason", epilog=EPILOG)
    atest.set_defaults(func=cmd_auth_test)
    aoauth = asub.add_parser("oauth", help="OAuth2 set-up for ACCOUNT (auth = \"oauth2\"): authorise in a "
                             "browser, keep the refresh token in the keyring, log in", epilog=EPILOG)
    aoauth.set_defaults(func=cmd_auth_oauth)
    aoauth.add_argument("--port", type=int, default=0,
                        help="port of the redirect http://127.0.0.1:PORT/ (default: any free port)")
    aoauth.add_argument("--output", metavar="FILE", help="write the refresh token to FILE (mode 0600) instead "
                        "of the keyring, for oauth_refresh_token_command or a systemd LoadCredential=")
    aoauth.add_argument("--timeout", type=_duration, default=300.0,
                        help="how long to wait for the authorization (default: 5m)")
    for action in (aset, atest, aoauth):
        action.add_argument("account", metavar="ACCOUNT")
        action.add_argument("-c", "--config", default=argparse.SUPPRESS, help=argparse.SUPPRESS)

    c = command("rules", "List the built-in detection rules, which [signals.<name>] disable_rules can "
                "switch off.", cmd_rules, config=False)
    c.add_argument("--signal", help="only the rules of this signal")

    c = command("evaluate", "Measure detection on a labelled JSON-lines corpus "
                "(precision, recall, F1 per signal; false alarms).", cmd_evaluate, config=False)
    c.add_argument("corpus", metavar="FILE.jsonl")
    c.add_argument("-c", "--config", help="use this config's signal thresholds")
    c.add_argument("--mistakes", action="store_true", help="also list every misclassified example")
    return p


def _duration(text: str) -> float:
    from replydraft.config import parse_duration

    try:
        return parse_duration(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _version() -> str:
    import imapclient

    from replydraft import __version__

    py = ".".join(map(str, sys.version_info[:3]))
    return f"replydraft {__version__} (Python {py}, imapclient {imapclient.__version__})"


class _VersionAction(argparse.Action):
    """argparse's "version" action, with the version looked up only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS,
                 default: str = argparse.SUPPRESS, help: str = "show program's version number and exit") -> None:
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: object,
                 option_string: str | None = None) -> None:
        print(_version())            # stdout, as argparse's own version action
        parser.exit()


class JsonLogFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message (and the traceback, if any)."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {"time": datetime.fromtimestamp(record.created).astimezone().isoformat(timespec="milliseconds"),
                 "level": record.levelname, "logger": record.name, "message": record.getMessage()}
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def _configure_logging(level: str, log_format: str = "text") -> None:
    fmt = "%(levelname)s %(name)s: %(message)s"
    if sys.stderr.isatty():
        fmt = "%(asctime)s " + fmt
    logging.basicConfig(level=level, format=fmt, stream=sys.stderr, force=True)
    if log_format == "json":
        for handler in logging.getLogger().handlers:
            handler.setFormatter(JsonLogFormatter())
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    logging.getLogger("imapclient").setLevel(logging.WARNING)


def _config(args: argparse.Namespace) -> Config:
    from replydraft.config import load

    return load(getattr(args, "config", None) or DEFAULT_CONFIG)


def _config_or_demo(args: argparse.Namespace) -> Config:
    """The given config; without one (and no ./replydraft.toml), the demo's built-in policy."""
    if getattr(args, "config", None) or os.path.exists(DEFAULT_CONFIG):
        return _config(args)
    from replydraft.app.demo import demo_config

    print("replydraft: note: no config given; using the demo policy (Acme Design Co).", file=sys.stderr)
    return demo_config(Path.cwd())


def _renderer(config: Config):  # type: ignore[no-untyped-def]
    from replydraft.reply.render import Renderer

    return Renderer.create(config.templates_dir)


# -- run -------------------------------------------------------------------------------


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
    with StateLock.acquire(config.state_path):   # one `run` per state file: a second is refused
        Store.open(config.state_path).close()      # created or migrated once, before any pass
        return _run(args, path, config, renderer, reload_requested)


def _run(args: argparse.Namespace, path: Path, config: Config, renderer: Any,
         reload_requested: threading.Event | None) -> int:
    from replydraft.app.daemon import Daemon
    from replydraft.app.service import run_once
    from replydraft.detection import prefilter as fastscan

    cache = Path(os.environ.get("REPLYDRAFT_CACHE_DIR") or config.cache_dir)
    # Faster detection (with Hyperscan). Neither the daemon nor a one-off pass waits for a
    # first compile (the daemon starts it once everything else is loaded, so its signal
    # handlers come at once); the compile keeps its result even if a one-off pass ends first.
    if not args.once:
        daemon = Daemon(path, config, renderer, dry_run=args.dry_run, reload_requested=reload_requested)
        daemon.use_prefilter(fastscan.prepare(cache, background=True))
        daemon.run()
        return EXIT_OK
    reports = run_once(config, renderer, dry_run=args.dry_run, prefilter=fastscan.prepare(cache, background=True))
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


# -- classify --------------------------------------------------------------------------


def iter_messages(path: Path) -> Iterator[tuple[str, bytes]]:
    """(label, raw bytes) for an .eml file, every .eml under a folder, or every message of an mbox."""
    if path.is_dir():
        found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in (".eml", ".mbox"))
        if not found:
            raise InputError(f"{path}: no .eml or .mbox files in this folder.")
        for p in found:
            yield from iter_messages(p)
        return
    try:
        with path.open("rb") as fh:
            head = fh.read(5)
    except OSError as exc:
        raise InputError(f"{path}: can't read it: {exc.strerror or exc}.") from None
    if head == b"From " or path.suffix.lower() == ".mbox":
        import mailbox as stdlib_mailbox

        box = stdlib_mailbox.mbox(path, create=False)
        try:
            for index, key in enumerate(box.iterkeys(), start=1):
                yield f"{path}#{index}", box.get_bytes(key)
        finally:
            box.close()
    else:
        yield str(path), path.read_bytes()


def cmd_classify(args: argparse.Namespace) -> int:
    from replydraft.config import load
    from replydraft.detection.detector import Detector, DetectorSettings
    from replydraft.message.extract import parse

    detector = Detector(load(args.config).detector if args.config else DetectorSettings())
    failed = False
    for name in args.paths:
        try:
            for label, raw in iter_messages(Path(name)):
                parsed = parse(raw)
                detection = detector.detect(parsed)
                record: dict[str, Any] = {
                    "path": label,
                    "message_id": parsed.message_id,
                    "signals": [s.as_dict(digits=2) for s in detection.signals],
                }
                if detection.skipped:
                    record["skipped"] = detection.skipped
                print(json.dumps(record, ensure_ascii=False), flush=False)
        except InputError as exc:
            print(f"replydraft: error: {exc}", file=sys.stderr)
            failed = True
    sys.stdout.flush()
    return EXIT_FAILURE if failed else EXIT_OK


# -- preview ---------------------------------------------------------------------------


def cmd_preview(args: argparse.Namespace) -> int:
    from replydraft.app.service import make_context
    from replydraft.pipeline import triage

    config = _config_or_demo(args)
    path = Path(args.message)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: can't read it: {exc.strerror or exc}.") from None
    if config.accounts:
        account = config.account(args.account) if args.account else config.accounts[0]
    else:
        from replydraft.app.demo import DEMO_ACCOUNT as account
    outcome = triage(raw, make_context(config, account, _renderer(config)))
    if outcome.draft is None:
        why = outcome.detection.skipped or "no escalation signal found"
        print(f"No draft for {path}: {why}.")
        for s in outcome.detection.near_misses:
            print(f"  near miss: {s.name} {s.score:.2f} ({'; '.join(e.phrase for e in s.evidence)})")
        return EXIT_OK
    print(render_draft_for_terminal(outcome.draft.raw))
    print("-- why --")
    for s in outcome.detection.signals:
        print(f"{s.name} {s.score:.2f}: {'; '.join(repr(e.phrase) for e in s.evidence)}")
    choice = outcome.choice
    print(f"tone: {choice.tone}" + (f" (rule {choice.rule!r})" if choice.rule else "")
          + (", repeat offender" if choice.repeat_offender else "")
          + (f"; customer tier: {choice.tier}" if choice.tier else ""))
    return EXIT_OK


def render_draft_for_terminal(raw: bytes) -> str:
    import email
    import email.policy

    msg = email.message_from_bytes(raw, policy=email.policy.default)
    shown = ("From", "To", "Subject", "Date", "Message-ID", "In-Reply-To", "References",
             "X-Replydraft-Incident", "X-Replydraft-Signals")
    head = "\n".join(f"{k}: {msg[k]}" for k in shown if msg[k] is not None)
    body = msg.get_body(("plain",))
    text = body.get_content().replace("\r\n", "\n") if body is not None else ""   # the raw draft is CRLF
    return f"{head}\n\n{text.rstrip()}\n"


# -- incidents -------------------------------------------------------------------------


def _store(args: argparse.Namespace, config: Config | None = None):  # type: ignore[no-untyped-def]
    from replydraft.state.store import Store

    config = config or _config(args)
    if not config.state_path.exists():
        raise StateError(f"no incident database at {config.state_path} yet; it is created by "
                         f"`replydraft run` ([state] path in {config.source}).")
    return Store.open(config.state_path)


def _filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", help="a date (2026-11-01) or an age: 7d, 12h, 2w, 1m")
    parser.add_argument("--until", help="before this date or age")
    parser.add_argument("--signal", help="only incidents with this signal")
    parser.add_argument("--customer", help="an address, @domain, or part of the name")
    parser.add_argument("--account", help="only this account")
    parser.add_argument("--status", help="drafted, dry_run, skipped_automated, below_threshold, error, appending")


def _when(option: str, value: str | None) -> datetime | None:
    from replydraft.state.incidents import parse_when

    if not value:
        return None
    try:
        return parse_when(value, datetime.now().astimezone())
    except ValueError as exc:
        raise UsageError(f"{option} {exc}.") from None


def _filter(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from replydraft.detection.settings import SIGNALS
    from replydraft.state.store import INCIDENT_STATUSES, IncidentFilter

    if args.signal and args.signal not in SIGNALS:
        raise UsageError(f"--signal {args.signal!r}: use one of {', '.join(SIGNALS)}.")
    if args.status and args.status not in INCIDENT_STATUSES:
        raise UsageError(f"--status {args.status!r}: use one of {', '.join(INCIDENT_STATUSES)}.")
    return IncidentFilter(since=_when("--since", args.since), until=_when("--until", args.until),
                          account=args.account, signal=args.signal, customer=args.customer, status=args.status)


def cmd_incidents_list(args: argparse.Namespace) -> int:
    from replydraft.state.incidents import escalated, one_line, reply_text

    with _store(args) as store:
        rows = list(store.incidents(_filter(args)))
    if not rows:
        print("No incidents match." if any(vars(args).get(k) for k in ("since", "until", "signal", "customer",
                                                                       "account", "status")) else "No incidents recorded.")
        return EXIT_OK
    table: list[tuple[object, ...]] = [("ID", "WHEN", "FROM", "SIGNALS", "THEIR WORDS", "REPLY")]
    for r in rows:
        when = r.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        signals = ", ".join(s.name for s in r.signals)
        if signals and not escalated(r):        # skipped mail: what it would have raised, not an escalation
            signals = f"(would be {signals})"
        signals += " (repeat offender)" if r.repeat_offender else ""
        words = one_line("; ".join(f'"{e}"' for s in r.signals for e in s.evidence[:1]))
        who = f"{r.sender_name} <{r.sender}>" if r.sender_name else r.sender
        table.append((r.id, when, _cut(one_line(who), 36), signals, _cut(words, 60), reply_text(r)))
    _print_table(table, sys.stdout)
    print(f"\n{_count_line(rows)}. `replydraft incidents show ID` gives every piece of evidence.")
    return EXIT_OK


def _count_line(rows: Sequence[Incident]) -> str:
    """"7 incident(s): 5 escalation(s), 2 skipped_automated": escalations counted as `stats` and
    `report` count them, the rest by status."""
    from collections import Counter

    from replydraft.state.incidents import escalated

    others = Counter(r.status for r in rows if not escalated(r))
    if not others:
        return f"{len(rows)} incident(s)"
    return (f"{len(rows)} incident(s): {len(rows) - others.total()} escalation(s), "
            + ", ".join(f"{n} {status}" for status, n in sorted(others.items())))


def cmd_incidents_show(args: argparse.Namespace) -> int:
    from replydraft.state.incidents import one_line, reply_text

    with _store(args) as store:
        r = store.incident(args.id)
    if r is None:
        raise UsageError(f"no incident {args.id!r} (or the prefix matches several); "
                         f"`replydraft incidents list` shows the ids.")
    who = f"{r.sender_name} <{r.sender}>" if r.sender_name else r.sender
    lines = [f"{r.id}  {r.status}" + (f" ({r.reason})" if r.reason else ""),
             f"  logged     {r.created_at.isoformat()}   received {r.received_at.isoformat()}",
             f"  account    {r.account} / {r.folder} uid {r.uid}",
             f"  from       {who}", f"  subject    {r.subject}", f"  message    {r.message_id}"]
    for s in r.signals:
        lines.append(f"  {s.name} {s.score:.2f}")
        rules = list(s.rules) + [""] * len(s.evidence)     # older incidents have no rules
        for phrase, rule in zip(s.evidence, rules[:len(s.evidence)], strict=True):
            lines.append(f"      \"{one_line(phrase)}\"" + (f"   [{rule}]" if rule else ""))
    for s in r.near_misses:
        lines.append(f"  near miss: {s.name} {s.score:.2f}: " + "; ".join(f'"{one_line(e)}"' for e in s.evidence))
    if r.draft_message_id:
        lines.append(f"  draft      {r.draft_message_id} in {r.drafts_folder}"
                     + (f" uid {r.draft_uid}" if r.draft_uid else ""))
        lines.append(f"  written    tone {r.tone}" + (f", rules {r.policy_rule}" if r.policy_rule else "")
                     + (f", templates {', '.join(r.templates)}" if r.templates else "")
                     + (", repeat offender" if r.repeat_offender else ""))
    lines.append(f"  reply      {reply_text(r)}")
    for value, label in ((r.follows, "follows"), (r.replaced_by, "replaced by")):
        if value:
            lines.append(f"  {label:<10} {value}")
    if r.excerpt:
        lines.append(f"  they wrote {one_line(r.excerpt)}")
    print("\n".join(lines))
    return EXIT_OK


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _print_table(rows: Sequence[Sequence[object]], out: TextIO) -> None:
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        out.write("  ".join(str(cell).ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() + "\n")


def cmd_incidents_export(args: argparse.Namespace) -> int:
    import csv

    from replydraft.app.progress import Progress
    from replydraft.state.incidents import EXPORT_COLUMNS, flatten

    with _store(args) as store:
        where = _filter(args)
        total = store.count_incidents(where) if args.output else 0
        out = open(args.output, "w", newline="", encoding="utf-8") if args.output else sys.stdout
        progress = Progress(total, "exporting", enabled=bool(args.output) and total > 1000)
        try:
            if args.format == "csv":
                writer = csv.DictWriter(out, fieldnames=list(EXPORT_COLUMNS), extrasaction="ignore")
                writer.writeheader()
            elif args.format == "json":
                out.write("[")
            for n, row in enumerate(store.incidents(where)):
                if args.format == "csv":
                    writer.writerow(flatten(row))
                elif args.format == "json":
                    out.write(("," if n else "") + "\n" + json.dumps(row.as_dict(), ensure_ascii=False))
                else:
                    out.write(json.dumps(row.as_dict(), ensure_ascii=False) + "\n")
                progress.advance()
            if args.format == "json":
                out.write("\n]\n")
        finally:
            progress.done()
            if args.output:
                out.close()
    return EXIT_OK


def cmd_incidents_stats(args: argparse.Namespace) -> int:
    from replydraft.state.incidents import stats

    with _store(args) as store:
        summary = stats(store.incidents(_filter(args)))
    if not summary.total:
        print("No escalations match.")
        return EXIT_OK
    print(f"{summary.total} escalation(s), {len(summary.by_customer)} customer(s)\n")
    _print_table([("SIGNAL", "INCIDENTS")] + [(k, n) for k, n in summary.by_signal.most_common()], sys.stdout)
    print()
    _print_table([("CUSTOMER", "INCIDENTS", "LAST", "REPEAT OFFENDER")]
                 + [(who, n, f"{summary.last_by_customer[who]:%Y-%m-%d}", "yes" if summary.repeat_offenders[who] else "")
                    for who, n in summary.top_customers(20)], sys.stdout)
    print()
    names = [k for k, _ in summary.by_signal.most_common()]
    weeks: list[tuple[object, ...]] = [("WEEK OF", "TOTAL", *names)]
    weeks += [(f"{w:%Y-%m-%d}", summary.in_week(w), *(summary.in_week(w, n) for n in names)) for w in summary.weeks()]
    _print_table(weeks, sys.stdout)
    return EXIT_OK


def cmd_incidents_purge(args: argparse.Namespace) -> int:
    from replydraft.state.store import IncidentFilter

    before = _when("--before", args.before)
    assert before is not None
    with _store(args) as store:
        count = store.count_incidents(IncidentFilter(until=before))
        if not count:
            print(f"No incidents before {before:%Y-%m-%d %H:%M}.")
            return EXIT_OK
        if not args.yes:
            if not sys.stdin.isatty():
                raise UsageError(f"{count} incident(s) would be deleted; add --yes to confirm.")
            if input(f"Delete {count} incident(s) logged before {before:%Y-%m-%d %H:%M}? [y/N] ").lower() != "y":
                print("Nothing deleted.")
                return EXIT_OK
        print(f"Deleted {store.purge(before)} incident(s) logged before {before:%Y-%m-%d %H:%M}. "
              f"Handled messages stay recorded, so nothing is drafted again.")
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from replydraft.state.html_report import render_report
    from replydraft.state.incidents import escalated
    from replydraft.state.store import IncidentFilter

    config = _config(args)
    since = _when("--since", args.since)
    assert since is not None
    now = datetime.now().astimezone()
    with _store(args, config) as store:
        rows = list(store.incidents(IncidentFilter(since=since, account=args.account)))
    page = render_report(rows, since=since, now=now, company=config.policy.company)
    out = Path(args.out)
    out.write_text(page, encoding="utf-8")
    out.chmod(0o600)                         # names and their words: as private as the database
    escalations = sum(1 for r in rows if escalated(r))
    print(f"Wrote {out} ({escalations} escalation(s) since {since:%Y-%m-%d}); it opens offline in any browser.")
    return EXIT_OK


# -- status ----------------------------------------------------------------------------


def cmd_status(args: argparse.Namespace) -> int:
    """Exit 0 when every watched folder is healthy, 1 when one is failing or hasn't run."""
    from replydraft.state.status import assess

    config = _config(args)
    with _store(args, config) as store:
        statuses, unfinished = store.watch_statuses(), store.unfinished_drafts()
    report = assess(config, statuses, unfinished, datetime.now().astimezone(), _token_ages(config))
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


# -- check -----------------------------------------------------------------------------


def _lint(renderer: Any, config: Config, *, verbose: bool = False) -> None:
    """Render every template in every tone so a broken one fails now, not on a customer's mail."""
    from replydraft.reply.lint import lint, require_clean

    report = lint(renderer, config)
    if verbose:
        for warning in report.warnings:
            print(f"warn {warning}")
    require_clean(renderer, config, report)
    if verbose:
        print(f"ok   {report.templates} template files, tones: {', '.join(report.tones)}; "
              f"{report.rendered} replies rendered without errors ({renderer.search_path()})")


def cmd_templates_lint(args: argparse.Namespace) -> int:
    config = _config_or_demo(args)
    _lint(_renderer(config), config, verbose=True)
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from replydraft.app.service import open_mailbox

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


# -- init ------------------------------------------------------------------------------

EXAMPLE_CONFIG = "config.example.toml"


def example_config() -> str:
    """config.example.toml: inside the installed wheel, else the source tree's."""
    from importlib.resources import files

    packaged = files("replydraft") / EXAMPLE_CONFIG
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    return (Path(__file__).resolve().parents[2] / EXAMPLE_CONFIG).read_text(encoding="utf-8")


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


# -- demo, auth, evaluate ----------------------------------------------------------------


def cmd_demo(args: argparse.Namespace) -> int:
    from replydraft.app.demo import run_demo

    if logging.getLogger().level > logging.DEBUG:
        logging.getLogger("replydraft").setLevel(logging.WARNING)  # the summary below says it all
    result = run_demo(Path(args.directory) if args.directory else None)
    r = result.report
    if result.delivered:
        print(f"Delivered {result.delivered} sample messages to {result.maildir} (INBOX).")
    print(f"Read {r.examined} new message(s): {len(r.drafted)} escalation(s) drafted, "
          f"{r.no_signal} ordinary, {r.skipped} automated (skipped), {r.already} handled before.")
    for line in r.drafted:
        print(f"  drafted  {line}")
    if result.drafts:
        print(f"\nDrafts ({len(result.drafts)}) are in {result.maildir / '.Drafts' / 'cur'}:")
        for path in result.drafts:
            print(f"  {path.name}")
    print(f"\nIncident log: {result.database}")
    if result.example:
        print(f"Try:  replydraft preview {result.example}     or open the Maildir in a mail client.")
    print(f"Run it again on the same folder to see that nothing is drafted twice:  replydraft demo {result.directory}")
    return EXIT_OK


def cmd_auth_set(args: argparse.Namespace) -> int:
    import getpass

    from replydraft.auth.credentials import check_keyring, set_password

    config = _config(args)
    account = config.account(args.account)
    if account.uses_oauth2:
        raise SecretError(f"account {account.name!r} uses auth = \"oauth2\" and has no password; "
                          f"run `replydraft auth oauth {account.name}` instead.")
    check_keyring(account)
    if not sys.stdin.isatty():
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass(f"IMAP password for {account.username} ({account.name}): ")
    if not password:
        raise SecretError("no password given; nothing was stored.")
    set_password(account, password)
    print(f"Stored the password for account {account.name!r} in the system keyring.")
    return EXIT_OK


def cmd_auth_test(args: argparse.Namespace) -> int:
    from replydraft.app.service import open_mailbox
    from replydraft.auth.credentials import describe_source

    account = _config(args).account(args.account)
    try:
        open_mailbox(account).close()
    except SecretError as exc:
        print(f"FAIL {exc}")
        return EXIT_USAGE
    except MailboxError as exc:
        print(f"FAIL {exc}")
        return EXIT_FAILURE
    print(f"ok   account {account.name}: logged in as {account.username} at {account.host}:{account.port} "
          f"({describe_source(account)})")
    return EXIT_OK


def cmd_auth_oauth(args: argparse.Namespace) -> int:
    from replydraft.auth.credentials import check_keyring, store_refresh_token
    from replydraft.auth.oauth_flow import authorize, write_secret_file
    from replydraft.config import EVERY_OPTION
    from replydraft.mail.imap import ImapMailbox

    config = _config(args)
    account = config.account(args.account)
    if not account.uses_oauth2:
        raise ConfigError(f"{config.source}: account {account.name!r} does not use OAuth2; set auth = \"oauth2\", "
                          f"oauth_provider and oauth_client_id, or store a password with "
                          f"`replydraft auth set {account.name}`. {EVERY_OPTION}")
    output = Path(args.output) if args.output else None
    reads_from = ("oauth_refresh_token_env" if account.oauth_refresh_token_env else
                  "oauth_refresh_token_command" if account.oauth_refresh_token_command else None)
    if output is None and reads_from:
        raise SecretError(f"account {account.name!r} reads its refresh token from {reads_from}, so a token in "
                          f"the keyring would not be used; run with --output FILE to write the new token to a "
                          f"file, or remove {reads_from} to keep it in the keyring.")
    if output is None:
        check_keyring(account)            # before the browser step, not after it
    grant = authorize(account, out=sys.stdout, paste=sys.stdin, port=args.port, timeout=args.timeout)
    assert grant.refresh_token
    if output is not None:
        write_secret_file(output, grant.refresh_token)
        print(f"Wrote the refresh token to {output} (readable by you only)."
              + ("" if reads_from else f" Point the account at it, e.g. oauth_refresh_token_command = "
                 f"\"cat {output}\"."))
    else:
        store_refresh_token(account, grant.refresh_token)
        print(f"Stored the refresh token for account {account.name!r} in the system keyring.")
    try:
        ImapMailbox.connect(account, grant.access).close()
    except MailboxError as exc:
        print(f"FAIL {exc}")
        return EXIT_FAILURE
    print(f"ok   account {account.name}: logged in as {account.username} at {account.host}:{account.port} "
          f"with OAuth2 {account.oauth_mechanism.upper()}")
    return EXIT_OK


def cmd_rules(args: argparse.Namespace) -> int:
    from replydraft.detection.rules import RULES
    from replydraft.detection.settings import DEFAULT_THRESHOLD, SIGNALS

    if args.signal and args.signal not in SIGNALS:
        raise ConfigError(f"--signal: {args.signal!r} is not a signal; use one of {', '.join(SIGNALS)}.")
    rules = [r for r in RULES if args.signal in (None, r.signal)]
    width = max(len(r.id) for r in rules)
    print(f"{'rule':<{width}}  {'signal':<19}  weight  alone")
    for r in sorted(rules, key=lambda r: (SIGNALS.index(r.signal), r.id)):
        alone = "yes" if r.weight >= DEFAULT_THRESHOLD else "no"
        print(f"{r.id:<{width}}  {r.signal:<19}  {r.weight:>6.2f}  {alone}")
    print(f"\n{len(rules)} rules. 'alone': one hit raises the signal at the default threshold "
          f"({DEFAULT_THRESHOLD}); other rules only add to the score. Incidents name the rule of each phrase.")
    return EXIT_OK


def cmd_evaluate(args: argparse.Namespace) -> int:
    from replydraft.config import load
    from replydraft.detection.detector import Detector, DetectorSettings
    from replydraft.detection.evaluate import evaluate, load_corpus

    detector = Detector(load(args.config).detector if args.config else DetectorSettings())
    report = evaluate(load_corpus(Path(args.corpus)), detector)
    print(report.format())
    if args.mistakes:
        for item in report.mistakes:
            print(item)
    return EXIT_OK
