"""`incidents list|show|export|stats|purge` and `report`: the incident log for people."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from replydraft.cli import EPILOG, EXIT_OK, AddCommand, _config, _cut, _print_table, _store
from replydraft.errors import UsageError

if TYPE_CHECKING:
    from replydraft.state.store import Incident


def register(command: AddCommand) -> None:
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


def _filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", help="a date (2026-11-01) or an age: 7d, 12h, 2w, 1m")
    parser.add_argument("--until", help="before this date or age")
    parser.add_argument("--signal", help="only incidents with this signal")
    parser.add_argument("--customer", help="an address, @domain, or part of the name")
    parser.add_argument("--account", help="only this account")
    parser.add_argument("--status", help="drafted, dry_run, needs_person, skipped_automated, below_threshold, "
                                          "error, appending")


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
        filtered = any(vars(args).get(k) for k in ("since", "until", "signal", "customer", "account", "status"))
        print("No incidents match." if filtered else "No incidents recorded.")
        return EXIT_OK
    table: list[tuple[object, ...]] = [("ID", "WHEN", "FROM", "SIGNALS", "THEIR WORDS", "REPLY")]
    for r in rows:
        when = r.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        signals = ", ".join(s.name for s in r.signals)
        if signals and not escalated(r):        # skipped mail: what it would have raised, not an escalation
            signals = f"(would be {signals})"
        signals += " (repeat offender)" if r.repeat_offender else ""
        words = one_line("; ".join(f'"{e}"' for s in r.signals for e in s.evidence[:1])
                         or (r.reason if r.status == "needs_person" else ""))
        who = f"{r.sender_name} <{r.sender}>" if r.sender_name else r.sender
        table.append((r.id, when, _cut(one_line(who), 36), signals, _cut(words, 60), reply_text(r)))
    _print_table(table, sys.stdout)
    print(f"\n{_count_line(rows)}. `replydraft incidents show ID` gives every piece of evidence.")
    people = sum(1 for r in rows if r.status == "needs_person")
    if people:
        print(f"{people} need(s) a person: no draft was written; answer them yourself.")
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


def cmd_incidents_export(args: argparse.Namespace) -> int:
    import csv

    from replydraft.app.progress import Progress
    from replydraft.state.incidents import EXPORT_COLUMNS, flatten

    with _store(args) as store, _output(args.output) as out:
        where = _filter(args)
        total = store.count_incidents(where) if args.output else 0
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
    return EXIT_OK


@contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    """The file to export to, closed afterwards; or stdout, left open."""
    if not path:
        yield sys.stdout
        return
    with open(path, "w", newline="", encoding="utf-8") as out:
        yield out


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
                 + [(who, n, f"{summary.last_by_customer[who]:%Y-%m-%d}",
                     "yes" if summary.repeat_offenders[who] else "")
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
