"""`classify`, `preview`, `evaluate`, `rules`, `demo`: the pipeline on files and samples, no server."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from replydraft.cli import EXIT_FAILURE, EXIT_OK, AddCommand, _config_or_demo, _renderer
from replydraft.errors import ConfigError, InputError, UsageError


def register(command: AddCommand) -> None:
    c = command("classify", "Detect signals in .eml files, folders of them, or mbox files (offline); "
                "prints one JSON object per message.", cmd_classify, config=False)
    c.add_argument("paths", nargs="+", metavar="PATH")
    c.add_argument("-c", "--config", help="use this config's signal thresholds, own domain and ledger")
    c.add_argument("--account", help="account whose domain is our own (default: the config's first)")

    c = command("preview", "Print the draft that would be saved for a message file (offline).", cmd_preview)
    c.add_argument("message", metavar="MESSAGE.eml")
    c.set_defaults(config=os.environ.get("REPLYDRAFT_CONFIG"))
    c.add_argument("--account", help="account whose From address to use (default: the first)")

    c = command("evaluate", "Measure detection on a labelled JSON-lines corpus "
                "(precision, recall, F1 per signal; false alarms), or with --local on what the team taught "
                "through the teaching folders; or, with --drafts, check the drafts "
                "written for a draft acceptance corpus (TOML).", cmd_evaluate, config=False)
    c.add_argument("corpus", nargs="?", metavar="FILE.jsonl", help="a labelled corpus for detection")
    c.add_argument("--local", action="store_true",
                   help="instead: the messages taught through the teaching folders (the config's state "
                        "database), with the weak feedback of the incident log: drafts sent and deleted")
    c.add_argument("--drafts", metavar="FILE.toml",
                   help="instead: draft a reply to each case of this acceptance corpus and check it "
                        "(a table; exit 1 unless every case passes)")
    c.add_argument("-c", "--config", help="use this config's signal thresholds (with --drafts: also its "
                   "policy, rules, templates and ledger grace days instead of the file's [policy])")
    c.add_argument("--mistakes", action="store_true", help="also list every misclassified example")
    c.add_argument("--show", metavar="ID", help="with --drafts: print this case's message and its draft")

    c = command("rules", "List the built-in detection rules, which [signals.<name>] disable_rules can "
                "switch off; or, with 'test', run every rule on its examples and not-examples.", cmd_rules,
                config=False)
    c.add_argument("action", nargs="?", choices=("list", "test"), default="list",
                   help="list (default) or test: every built-in and company rule on its examples and "
                        "not-examples; a line per failure, exit 1 if any fails")
    c.add_argument("--signal", help="only the rules of this signal")
    c.add_argument("-c", "--config", help="with test: also test this config's [[signals.<name>.rules]] (and leave "
                   "out the rules it switches off)")

    c = command("demo", "Run the whole pipeline on bundled sample mail in a local Maildir "
                "(no server, no config needed).", cmd_demo, config=False)
    c.add_argument("directory", nargs="?", metavar="DIR", help="where to put it (default: a new temporary folder)")


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
    from replydraft.app.service import CLASSIFY_BATCH
    from replydraft.pipeline import classify_many

    inputs = _classify_inputs(args)
    failed = False
    for name in args.paths:
        try:
            for batch in _batches(iter_messages(Path(name)), CLASSIFY_BATCH):
                labels, raws = zip(*batch, strict=True)
                for label, classified in zip(labels, classify_many(raws, inputs), strict=True):
                    if isinstance(classified, Exception):
                        raise classified
                    detection = classified.detection
                    record: dict[str, Any] = {
                        "path": label,
                        "message_id": classified.email.message_id,
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


def _batches(items: Iterator[tuple[str, bytes]], size: int) -> Iterator[list[tuple[str, bytes]]]:
    """The messages in batches, read as they are asked for: classify_many's steps over a batch."""
    while batch := list(islice(items, size)):
        yield batch


def _classify_inputs(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The daemon's inputs for the account (--account, or the first) of the given config: its
    thresholds, own domain and ledger; without a config, the built-in rules and nothing else."""
    from replydraft.pipeline import Inputs

    if not args.config:
        if args.account:
            raise UsageError("--account needs a config (-c) to find the account in.")
        return Inputs()
    from replydraft.app.model import detector_for
    from replydraft.app.service import make_inputs
    from replydraft.config import load

    config = load(args.config)
    if args.account or config.accounts:
        return make_inputs(config, config.account(args.account) if args.account else config.accounts[0])
    return Inputs(detector_for(config), reply_to=config.policy.reply_to)


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
        if outcome.needs_person:
            print(f"No draft for {path}: needs a person: {outcome.needs_person}.")
            return EXIT_OK
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


def cmd_evaluate(args: argparse.Namespace) -> int:
    if (args.corpus is not None) + (args.drafts is not None) + args.local != 1:
        raise UsageError("evaluate takes a labelled corpus (FILE.jsonl), --local or --drafts FILE.toml, one of them.")
    if args.show and args.drafts is None:
        raise UsageError("--show is for a draft corpus: evaluate --drafts FILE.toml --show ID.")
    if args.local:
        return _evaluate_local(args)
    if args.drafts is not None:
        if args.mistakes:
            raise UsageError("--mistakes is for a detection corpus; with --drafts, the table lists what failed "
                             "and --show ID prints one case.")
        return _evaluate_drafts(args)
    from replydraft.app.model import detector_for
    from replydraft.config import load
    from replydraft.detection.detector import Detector, DetectorSettings
    from replydraft.detection.evaluate import evaluate, load_corpus

    detector = detector_for(load(args.config)) if args.config else Detector(DetectorSettings())
    report = evaluate(load_corpus(Path(args.corpus)), detector)
    print(report.format())
    if args.mistakes:
        for item in report.mistakes:
            print(item)
    return EXIT_OK


def _evaluate_local(args: argparse.Namespace) -> int:
    """The detector as configured on the local set, then the incident log's weak feedback."""
    from replydraft.app.model import detector_for
    from replydraft.cli import _config, _print_table
    from replydraft.cli.teaching import empty_message
    from replydraft.detection.evaluate import evaluate
    from replydraft.detection.teaching import examples
    from replydraft.state.incidents import feedback, feedback_table
    from replydraft.state.store import Store

    config = _config(args)
    lessons, incidents = [], []
    if Store.exists(config):
        with Store.of(config) as store:
            lessons, incidents = store.lessons(), list(store.incidents())
    if lessons:
        report = evaluate(examples(lessons), detector_for(config))
        print(f"The team's own mail: {len(lessons)} message(s) taught through the teaching folders.\n")
        print(report.format())
        if args.mistakes:
            for item in report.mistakes:
                print(item)
    else:
        print(empty_message(config))
    counts = feedback(incidents)
    print("\nWeak feedback from the incident log (what became of each draft; not labels):")
    if counts:
        _print_table(feedback_table(counts), sys.stdout)
    else:
        print("  no drafts logged yet.")
    return EXIT_OK


def _evaluate_drafts(args: argparse.Namespace) -> int:
    from replydraft.config import load
    from replydraft.reply.acceptance import load_corpus, run

    corpus = load_corpus(args.drafts)
    config = load(args.config) if args.config else None
    if args.show:
        case = corpus.case(args.show)
        result = run(corpus, config, only=[case.id]).results[0]
        print(f"From: {case.sender}\nSubject: {case.subject}\n\n{case.body.strip()}\n")
        print(f"-- draft ({result.words} words) --" if result.reply is not None else
              f"-- no draft{': needs a person: ' + result.needs_person if result.needs_person else ''} --")
        if result.reply is not None:
            print(result.reply)
        print(f"-- signals: {', '.join(result.signals) or '-'}; cases: "
              f"{', '.join(f'{s}={c}' for s, c in result.cases.items()) or '-'} --")
        for c in result.checks:
            print(f"{c.kind}: {'ok' if c.ok else c.detail}")
        return EXIT_OK if result.ok else EXIT_FAILURE
    report = run(corpus, config)
    print(report.format())
    return EXIT_OK if report.ok else EXIT_FAILURE


def cmd_rules(args: argparse.Namespace) -> int:
    from replydraft.detection.rules import RULES
    from replydraft.detection.settings import DEFAULT_THRESHOLD, SIGNALS

    if args.signal and args.signal not in SIGNALS:
        raise ConfigError(f"--signal: {args.signal!r} is not a signal; use one of {', '.join(SIGNALS)}.")
    if args.action == "test":
        return _rules_test(args.config, args.signal)
    if args.config:
        raise UsageError("--config is for 'rules test'; 'rules' lists the built-in rules, whatever the config.")
    rules = [r for r in RULES if args.signal in (None, r.signal)]
    width = max(len(r.id) for r in rules)
    print(f"{'rule':<{width}}  {'signal':<19}  weight  alone")
    for r in sorted(rules, key=lambda r: (SIGNALS.index(r.signal), r.id)):
        alone = "yes" if r.weight >= DEFAULT_THRESHOLD else "no"
        print(f"{r.id:<{width}}  {r.signal:<19}  {r.weight:>6.2f}  {alone}")
    print(f"\n{len(rules)} rules. 'alone': one hit raises the signal at the default threshold "
          f"({DEFAULT_THRESHOLD}); other rules only add to the score. Incidents name the rule of each phrase.")
    return EXIT_OK


def _rules_test(config_path: str | None, signal: str | None) -> int:
    """Every rule the detector runs (built-in, then the config's own) on its examples and not-examples."""
    from replydraft.detection.catalog import RULE_SPECS
    from replydraft.detection.detector import Detector
    from replydraft.detection.selftest import failures, rules_on
    from replydraft.detection.settings import DetectorSettings

    if config_path:
        from replydraft.config import load

        settings = load(config_path).detector
    else:
        settings = DetectorSettings()
    detector = Detector(settings)
    specs = [s for s in rules_on(detector, (*RULE_SPECS, *settings.company_rules)) if signal in (None, s.signal)]
    failed = [f for spec in specs for f in failures(detector, spec)]
    for failure in failed:
        print(f"FAIL {failure.describe()}")
    company = sum(1 for s in specs if s in settings.company_rules)
    sentences = sum(len(s.examples) + len(s.not_examples) for s in specs)
    print(f"{len(specs) - company} built-in and {company} company rules, {sentences} examples and not-examples: "
          + (f"{len(failed)} failed" if failed else "all pass"))
    return EXIT_FAILURE if failed else EXIT_OK


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
