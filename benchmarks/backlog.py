"""A first scan of a real backlog, against the physical limit and a peer (issue 7).

    python benchmarks/backlog.py [--n 10000] [--seed 7] [--json PATH] [--skip-peer] [--quick]

Starts a private Dovecot on 127.0.0.1 (tests/support/imapserver.py), fills a mailbox with N
deterministic, realistic messages (benchmarks/mailgen.py: ~2% escalations, ~15% with
attachments, 1% of 2-8 MB), and measures in one run:

    1  limit     imapclient UID FETCH BODY.PEEK[] of all N, in batches of 500 (best of 2)
    2  scan      replydraft's first scan: service.process_folder with a fresh state file,
                 drafts appended, in a subprocess (logging at INFO to a file, as the daemon)
    3  peer      imapfilter matching bodies against an equivalent phrase list
    4  classify  parse + detect on one core, no IMAP, on the messages as the scan fetches them
                 and in its batches (service.CLASSIFY_BATCH)
                 (attachments left out); also detect alone and the whole messages, for information
    5  push      APPEND of an escalation -> its draft in Drafts, `replydraft run` in IDLE mode
    6  memory    peak RSS (VmHWM) of the scan at N and at N/4 (the same first N/4 messages)
    7  start-up  `replydraft --help`, best of 5

Loading: the messages are written straight into the user's Maildir (cur/, with S= and
W= sizes in the file names, mtimes one second apart), the fastest way in; one untimed
pass (FETCH BODYSTRUCTURE) then lets Dovecot index them, so every timed run sees a warm
server, as a client that has been connected before would. The N/4 mailbox hard-links the
same files. Each replydraft run finds the rules compiled for Hyperscan in its cache (see
src/replydraft/detection/prefilter.py), as every start of a daemon after its first does; they
are compiled once per machine into .cache/fastscan (15-40 s). imapfilter comes from the Debian
package (`apt-get install imapfilter`, or `make bench-deps`); without it row 3 is skipped with
a note. Prints a table with each target's PASS/MISS and writes a JSON file (default
benchmarks/results/backlog-DATE.json).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests"), str(Path(__file__).resolve().parent)]

import mailgen  # noqa: E402
from support.imapserver import DovecotServer  # noqa: E402

LIMIT_BATCH = 500
FASTSCAN_CACHE = ROOT / ".cache" / "fastscan"      # compiled rules, shared with the tests
PUSH_SAMPLES = 50
PASSWORD_ENV = "REPLYDRAFT_BENCH_PASSWORD"
# What imapfilter looks for: phrases of the six signals, as a support person would list them.
PEER_PHRASES = [
    r"1[- ]star", r"one[- ]star", r"bad review", r"negative review", r"trustpilot", r"google review",
    r"tell everyone", r"social media", r"lawyer", r"attorney", r"solicitor", r"legal action", r"lawsuit",
    r"sue you", r"small claims", r"court", r"chargeback", r"dispute the charge", r"refund",
    r"money back", r"unacceptable", r"ridiculous", r"last chance", r"final warning", r"by friday",
    r"within 24 hours", r"or else", r"cancel (my|the) (order|contract|subscription)", r"scam",
    r"fraud", r"idiot", r"incompetent", r"useless", r"disgusting", r"for free", r"at no (extra )?cost",
    r"overdue", r"not paid", r"still waiting",
]


@dataclass
class Row:
    key: str
    what: str
    value: float | None
    unit: str
    detail: str = ""
    target: str = ""
    passed: bool | None = None


@dataclass
class Result:
    n: int
    seed: int
    quick: bool
    started: str
    machine: dict[str, Any]
    mailbox: dict[str, Any] = field(default_factory=dict)
    rows: list[Row] = field(default_factory=list)


# -- the mailbox -------------------------------------------------------------------------


def maildir_of(server: DovecotServer, user: str) -> Path:
    return server.dir / "home" / user / "Maildir"


def fill(server: DovecotServer, user: str, n: int, seed: int, base: float) -> dict[str, Any]:
    """Write the N messages into the user's Maildir; returns sizes and counts."""
    maildir = maildir_of(server, user)
    for sub in ("cur", "new", "tmp"):
        (maildir / sub).mkdir(parents=True, exist_ok=True)
    owner = (server.dir / "home").stat()
    total = attachments = escalations = 0
    started = time.perf_counter()
    for g in mailgen.generate(n, seed):
        raw = g.raw.replace(b"\r\n", b"\n")                  # Maildir keeps LF; Dovecot sends CRLF
        when = base + g.index
        path = maildir / "cur" / f"{int(when)}.M{g.index}P{os.getpid()}.bench,S={len(raw)},W={len(g.raw)}:2,"
        path.write_bytes(raw)
        os.utime(path, (when, when))
        total += len(g.raw)
        attachments += g.raw is not g.text_only
        escalations += g.escalation
    _chown_tree(server.dir / "home" / user, owner.st_uid, owner.st_gid)
    return {"messages": n, "bytes": total, "mean_bytes": round(total / max(n, 1)), "with_attachment": attachments,
            "escalation_examples": escalations, "write_s": round(time.perf_counter() - started, 2)}


def link_first(server: DovecotServer, source: str, user: str, count: int) -> None:
    """A mailbox with the first ``count`` messages of ``source``, as hard links."""
    files = sorted((maildir_of(server, source) / "cur").iterdir(),
                   key=lambda p: int(p.name.split(".M")[1].split("P")[0]))
    target = maildir_of(server, user)
    for sub in ("cur", "new", "tmp"):
        (target / sub).mkdir(parents=True, exist_ok=True)
    for path in files[:count]:
        os.link(path, target / "cur" / path.name)
    owner = (server.dir / "home").stat()
    _chown_tree(server.dir / "home" / user, owner.st_uid, owner.st_gid)


def _chown_tree(top: Path, uid: int, gid: int) -> None:
    if os.geteuid() != 0:
        return
    for dirpath, _dirnames, filenames in os.walk(top):
        os.chown(dirpath, uid, gid)
        for name in filenames:
            os.chown(os.path.join(dirpath, name), uid, gid)


def index(server: DovecotServer, user: str) -> tuple[list[int], float]:
    """Let Dovecot index the folder (untimed for the rows): the UIDs, and how long it took."""
    started = time.perf_counter()
    client = server.client(user, timeout=600)
    try:
        client.select_folder("INBOX", readonly=True)
        uids = sorted(client.search(["ALL"]))
        for start in range(0, len(uids), 1000):
            client.fetch(uids[start:start + 1000], ["BODYSTRUCTURE", "RFC822.SIZE", "INTERNALDATE"])
    finally:
        client.logout()
    return uids, time.perf_counter() - started


# -- 1: the limit ------------------------------------------------------------------------


def measure_limit(server: DovecotServer, user: str, uids: list[int], runs: int) -> tuple[float, int]:
    """Best wall time of a raw imapclient full-body fetch of ``uids``, and the bytes read."""
    best, size = float("inf"), 0
    for _ in range(runs):
        client = server.client(user, timeout=600)
        try:
            client.select_folder("INBOX", readonly=True)
            started = time.perf_counter()
            size = 0
            for start in range(0, len(uids), LIMIT_BATCH):
                data = client.fetch(uids[start:start + LIMIT_BATCH], ["BODY.PEEK[]"])
                size += sum(len(item[b"BODY[]"]) for item in data.values())
            best = min(best, time.perf_counter() - started)
        finally:
            client.logout()
    return best, size


# -- 2 and 6: replydraft's first scan, in a subprocess ------------------------------------


def write_config(directory: Path, server: DovecotServer, user: str, *, mode: str = "poll") -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "replydraft.toml"
    path.write_text(f'[state]\npath = "{directory / "state.db"}"\n[policy]\ncompany = "Acme Design Co"\n'
                    f'[[accounts]]\nname = "support"\nhost = "127.0.0.1"\nport = {server.port}\ntls = "none"\n'
                    f'username = "{user}"\npassword_env = "{PASSWORD_ENV}"\nlookback = "3650d"\n'
                    f'timeout = "120s"\nmode = "{mode}"\npoll_interval = "60s"\n'
                    f'from_address = "Acme Support <support@acme.test>"\n')
    return path


def scan(config: Path, log_path: Path) -> dict[str, Any]:
    """Run ``_scan`` in a fresh interpreter; its report (examined, drafted, seconds, rss)."""
    env = {**os.environ, PASSWORD_ENV: "secret", "PYTHONPATH": os.pathsep.join(
        [str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)}
    done = subprocess.run([sys.executable, __file__, "_scan", str(config), str(log_path)], env=env,
                          capture_output=True, text=True, timeout=1800, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"the scan failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _scan(config_path: str, log_path: str) -> None:
    """The child: one process_folder over INBOX, timed from login to the last commit."""
    import logging
    from datetime import timedelta

    from replydraft.app.service import make_context, open_mailbox, process_folder
    from replydraft.config import load
    from replydraft.reply.render import Renderer
    from replydraft.state.store import Store

    logging.basicConfig(level=logging.INFO, filename=log_path, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("imapclient").setLevel(logging.WARNING)
    config = load(Path(config_path))
    from replydraft.detection import prefilter as fastscan
    from replydraft.detection.detector import Detector
    prefilter = fastscan.prepare(config.cache_dir, background=True)     # as `replydraft run` does
    account = config.accounts[0]
    renderer = Renderer.create(config.templates_dir)
    store = Store.open(config.state_path)
    started = time.perf_counter()
    mailbox = open_mailbox(account)
    try:
        drafts = mailbox.resolve_drafts(account.drafts_folder)
        ctx = make_context(config, account, renderer, detector=Detector(config.detector, prefilter))
        report = process_folder(mailbox, store, ctx, folder="INBOX", drafts=drafts,
                                lookback=timedelta(seconds=account.lookback))
    finally:
        mailbox.close()
        store.close()
    seconds = time.perf_counter() - started
    print(json.dumps({"examined": report.examined, "drafted": len(report.drafted), "no_signal": report.no_signal,
                      "skipped": report.skipped, "seconds": seconds, "rss_mb": peak_rss_mb()}))


def peak_rss_mb() -> float:
    """This process's peak RSS: VmHWM, not ru_maxrss, which a child started by a big parent
    inherits (Linux records the parent's high-water mark at exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- 3: the peer ---------------------------------------------------------------------------


def lua_config(server: DovecotServer, user: str) -> str:
    pattern = r"(?i)\b(" + "|".join(PEER_PHRASES) + r")\b"
    return (
        "options.timeout = 600\noptions.subscribe = false\noptions.create = false\n"
        "options.starttls = false\noptions.certificates = false\noptions.info = false\n"
        f"account = IMAP {{ server = '127.0.0.1', port = {server.port}, username = '{user}', password = 'secret' }}\n"
        f"local found = account.INBOX:match_body([[{pattern}]])\n"
        "print('matched ' .. #found)\n")


def measure_peer(server: DovecotServer, user: str, work: Path) -> tuple[float | None, str]:
    binary = shutil.which("imapfilter")
    if binary is None:
        return None, "imapfilter is not installed (apt-get install imapfilter, or make bench-deps): skipped"
    config = work / "imapfilter.lua"
    config.write_text(lua_config(server, user))
    home = work / "imapfilter-home"
    home.mkdir(exist_ok=True)
    started = time.perf_counter()
    done = subprocess.run([binary, "-c", str(config)], capture_output=True, text=True, timeout=1800, check=False,
                          env={**os.environ, "HOME": str(home)}, stdin=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        return None, f"imapfilter failed ({done.returncode}): {(done.stderr or done.stdout).strip()[-300:]}"
    matched = next((line for line in done.stdout.splitlines() if line.startswith("matched")), "matched ?")
    return seconds, f"{len(PEER_PHRASES)} phrases, {matched} messages; config {config.name} (generated)"


# -- 4: classification alone -----------------------------------------------------------------


def measure_classify(n: int, seed: int, runs: int) -> Classified:
    """parse + detect messages/s on one core, as a scan does it (in batches of CLASSIFY_BATCH):
    on the fetched form, and on whole messages; and detect alone."""
    from replydraft.app.service import CLASSIFY_BATCH
    from replydraft.detection import prefilter as fastscan
    from replydraft.detection.detector import Detector
    from replydraft.message.extract import parse
    from replydraft.pipeline import Inputs, classify_many

    # as `replydraft run` does (compiled once, then cached)
    detector = Detector(prefilter=fastscan.prepare(FASTSCAN_CACHE))
    fetched, whole, escalated = [], [], 0
    for g in mailgen.generate(n, seed):
        fetched.append(g.text_only)
        if len(whole) < 2000:                  # whole messages are big: a sample is enough
            whole.append(g.raw)
    inputs = Inputs(detector, OWN_DOMAIN)
    classify_many(fetched[:50], inputs)   # compile the rules once, as a running daemon has

    def rate(messages: list[bytes]) -> tuple[float, int]:
        best, hits = float("inf"), 0
        for _ in range(runs):
            started = time.perf_counter()
            hits = 0
            for i in range(0, len(messages), CLASSIFY_BATCH):
                done = classify_many(messages[i:i + CLASSIFY_BATCH], inputs)
                hits += sum(not isinstance(c, Exception) and c.detection.escalated for c in done)
            best = min(best, time.perf_counter() - started)
        return len(messages) / best, hits

    rate_fetched, escalated = rate(fetched)
    rate_whole, _ = rate(whole)
    parsed = [parse(raw) for raw in fetched]
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        for email in parsed:
            detector.detect(email)
        best = min(best, time.perf_counter() - started)
    prefilter = "Hyperscan prefilter" if detector.fast else "keyword prefilter (no Hyperscan)"
    return Classified(rate_fetched, rate_whole, len(parsed) / best, escalated, prefilter)


OWN_DOMAIN = "acme.test"       # the generated mail is sent to support@acme.test


@dataclass
class Classified:
    rate: float            # parse + detect, messages as fetched
    rate_whole: float      # parse + detect, whole messages
    detect_rate: float     # detect alone, on the parsed messages
    escalated: int
    prefilter: str


def warm_rules_cache(cache_dir: Path) -> None:
    """Put the compiled rules where a scan's config keeps them, as after a daemon's first start."""
    from replydraft.detection import prefilter as fastscan

    fastscan.load_rules(FASTSCAN_CACHE)      # compiles once per machine
    cache_dir.mkdir(parents=True, exist_ok=True)
    for kept in FASTSCAN_CACHE.glob("rules-*.hsdb"):
        shutil.copy(kept, cache_dir / kept.name)


# -- 5: push latency ----------------------------------------------------------------------------


def escalation(k: int) -> bytes:
    return (f"From: Pat {k} <pat{k}@client.example>\r\nTo: Acme Support <support@acme.test>\r\n"
            f"Subject: Order {k}\r\nMessage-ID: <push-{k}-{time.time_ns()}@client.example>\r\n"
            f"Date: Mon, 30 Nov 2026 09:00:00 +0000\r\n\r\nIt has been three weeks. If order {k} isn't here "
            f"by Friday I will leave a 1-star review on Google.\r\n").encode()


def measure_push(server: DovecotServer, user: str, work: Path, samples: int) -> list[float]:
    config = write_config(work / "push", server, user, mode="idle")
    warm_rules_cache(work / "push" / "cache")
    env = {**os.environ, PASSWORD_ENV: "secret", "PYTHONPATH": str(ROOT / "src")}
    with open(work / "push" / "daemon.log", "w") as log:
        daemon = subprocess.Popen([sys.executable, "-m", "replydraft", "run", "--config", str(config)],
                                  env=env, stdout=log, stderr=subprocess.STDOUT)
        watcher = server.client(user, timeout=60)
        try:
            latencies = []
            for k in range(samples + 1):           # the first one only shows the daemon is idling
                before = int(watcher.folder_status("Drafts", [b"MESSAGES"])[b"MESSAGES"])
                started = time.perf_counter()
                server.append(user, "INBOX", escalation(k))
                deadline = started + 30
                while int(watcher.folder_status("Drafts", [b"MESSAGES"])[b"MESSAGES"]) <= before:
                    if time.perf_counter() > deadline or daemon.poll() is not None:
                        log.flush()
                        tail = (work / "push" / "daemon.log").read_text(errors="replace")[-3000:]
                        raise RuntimeError(f"no draft within 30 s for push message {k}; the daemon's log ends:\n{tail}")
                    time.sleep(0.005)
                if k:
                    latencies.append(time.perf_counter() - started)
        finally:
            watcher.logout()
            daemon.terminate()
            daemon.wait(timeout=30)
    return latencies


# -- 7: start-up ------------------------------------------------------------------------------


def measure_startup(runs: int = 5) -> tuple[float, str]:
    script = shutil.which("replydraft")
    command = [script, "--help"] if script else [sys.executable, "-m", "replydraft", "--help"]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, env=env, capture_output=True, check=True)
        best = min(best, time.perf_counter() - started)
    version = subprocess.run([*command[:-1], "--version"], env=env, capture_output=True, text=True, check=True)
    return best, " ".join(Path(c).name if i == 0 else c for i, c in enumerate(command)) + \
        f" ({version.stdout.strip()})"


# -- the run ------------------------------------------------------------------------------------


def run(args: argparse.Namespace) -> Result:
    result = Result(n=args.n, seed=args.seed, quick=args.quick, started=datetime.now(UTC).isoformat(),
                    machine={"cpus": os.cpu_count(), "python": platform.python_version(),
                             "platform": platform.platform()})
    runs = 1 if args.quick else 2
    quarter = max(1, args.n // 4)
    work = Path(tempfile.mkdtemp(prefix="replydraft-bench-"))
    server = DovecotServer("standard")
    rows = result.rows
    try:
        server.start()
        result.machine["dovecot"] = subprocess.run([server.binary, "--version"], capture_output=True, text=True,
                                                   check=False).stdout.split(" (")[0].strip()
        scan_user, _ = server.add_user("backlog@example.test")
        small_user, _ = server.add_user("quarter@example.test")
        push_user, _ = server.add_user("push@example.test")
        base = time.time() - 86400 - args.n
        result.mailbox = fill(server, scan_user, args.n, args.seed, base)
        link_first(server, scan_user, small_user, quarter)
        uids, indexed = index(server, scan_user)
        index(server, small_user)
        result.mailbox["index_s"] = round(indexed, 2)
        if len(uids) != args.n:
            raise RuntimeError(f"Dovecot lists {len(uids)} messages, not {args.n}")
        progress(f"mailbox: {args.n} messages, {result.mailbox['bytes'] / 1e6:.0f} MB; indexed in {indexed:.1f} s")

        limit_s, limit_bytes = measure_limit(server, scan_user, uids, runs)
        limit_rate = args.n / limit_s
        rows.append(Row("limit", "1 limit: imapclient UID FETCH BODY.PEEK[]", limit_rate, "msg/s",
                        f"{limit_s:.2f} s, {limit_bytes / 1e6 / limit_s:.0f} MB/s, batches of {LIMIT_BATCH}"))
        progress(f"1 limit: {limit_rate:.0f} msg/s")

        warm_rules_cache(work / "scan" / "cache")
        warm_rules_cache(work / "scan-quarter" / "cache")
        first = scan(write_config(work / "scan", server, scan_user), work / "scan.log")
        scan_rate = first["examined"] / first["seconds"]
        rows.append(Row("scan", "2 replydraft first scan (process_folder)", scan_rate, "msg/s",
                        f"{first['seconds']:.2f} s, {first['drafted']} drafts, "
                        f"ratio to (1) {scan_rate / limit_rate:.2f}x",
                        ">= 0.7x (1) and faster than (3)", None))
        progress(f"2 scan: {scan_rate:.0f} msg/s, {first['drafted']} drafts")

        peer_s, peer_note = (None, "skipped (--skip-peer)") if args.skip_peer else measure_peer(server, scan_user, work)
        peer_rate = args.n / peer_s if peer_s else None
        rows.append(Row("peer", "3 peer: imapfilter match_body", peer_rate, "msg/s",
                        (f"{peer_s:.2f} s; replydraft at {scan_rate / peer_rate:.2f}x its rate; " if peer_rate else "")
                        + peer_note))
        scan_row = rows[1]
        scan_row.passed = scan_rate >= 0.7 * limit_rate and (peer_rate is None or scan_rate > peer_rate)
        if peer_rate is None:
            scan_row.detail += "; no peer to compare with"
        progress(f"3 peer: {peer_note}")

        c = measure_classify(args.n, args.seed, runs)
        rows.append(Row("classify", "4 classification alone (parse + detect)", c.rate, "msg/s",
                        f"one core, the messages as fetched; {c.escalated} escalate; {c.prefilter}", ">= 5000",
                        c.rate >= 5000))
        rows.append(Row("classify_detect", "4b detect alone (on the parsed messages)", c.detect_rate, "msg/s",
                        "one core; for information"))
        rows.append(Row("classify_whole", "4c parse + detect on whole messages (with attachments)", c.rate_whole,
                        "msg/s", f"first {min(args.n, 2000)} messages, for information"))
        progress(f"4 classify: {c.rate:.0f} msg/s (detect alone {c.detect_rate:.0f})")

        latencies = measure_push(server, push_user, work, 10 if args.quick else PUSH_SAMPLES)
        p50, p95 = statistics.median(latencies), _percentile(latencies, 95)
        rows.append(Row("push_p50", "5 push latency p50 (APPEND -> draft)", p50, "s",
                        f"{len(latencies)} messages, IDLE (Dovecot waits 0.5 s before it notifies)"))
        rows.append(Row("push_p95", "5 push latency p95", p95, "s", "", "< 1 s", p95 < 1.0))
        progress(f"5 push: p50 {p50:.3f} s, p95 {p95:.3f} s")

        small = scan(write_config(work / "scan-quarter", server, small_user), work / "scan-quarter.log")
        rows.append(Row("rss", f"6 peak RSS of the scan, N = {args.n}", first["rss_mb"], "MB",
                        f"N = {quarter}: {small['rss_mb']:.1f} MB ({small['examined'] / small['seconds']:.0f} msg/s)",
                        "< 150 MB", first["rss_mb"] < 150))
        rows.append(Row("rss_quarter", f"6 peak RSS of the scan, N = {quarter}", small["rss_mb"], "MB"))

        startup, how = measure_startup()
        rows.append(Row("startup", "7 start-up: replydraft --help (best of 5)", startup, "s", how, "< 0.3 s",
                        startup < 0.3))
    finally:
        server.close()
        shutil.rmtree(work, ignore_errors=True)
    return result


def _percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered) + 0.5) - 1))]


def progress(text: str) -> None:
    print(f"  .. {text}", file=sys.stderr, flush=True)


def table(result: Result) -> str:
    lines = [f"replydraft backlog benchmark: N = {result.n}, seed {result.seed}"
             f"{' (quick)' if result.quick else ''}; mailbox {result.mailbox.get('bytes', 0) / 1e6:.0f} MB, "
             f"{result.mailbox.get('with_attachment', 0)} with attachments; {result.machine.get('cpus')} CPUs, "
             f"Python {result.machine.get('python')}, Dovecot {result.machine.get('dovecot', '?')}"]
    header = ("measurement", "value", "target", "", "detail")
    cells = [header] + [(r.what, _value(r), r.target, "" if r.passed is None else ("PASS" if r.passed else "MISS"),
                         r.detail) for r in result.rows]
    widths = [max(len(c[i]) for c in cells) for i in range(4)]
    for c in cells:
        lines.append("  ".join(c[i].ljust(widths[i]) if i < 4 else c[i] for i in range(5)).rstrip())
    return "\n".join(lines)


def _value(row: Row) -> str:
    if row.value is None:
        return "-"
    if row.unit == "msg/s":
        return f"{row.value:,.0f} msg/s"
    if row.unit == "s":
        return f"{row.value:.3f} s"
    return f"{row.value:.1f} {row.unit}"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_scan"]:
        _scan(argv[1], argv[2])
        return 0
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000, help="messages in the mailbox (default 10000)")
    ap.add_argument("--seed", type=int, default=7, help="seed of the generated mailbox (default 7)")
    ap.add_argument("--json", type=Path, help="result file (default benchmarks/results/backlog-DATE.json)")
    ap.add_argument("--skip-peer", action="store_true", help="don't run imapfilter")
    ap.add_argument("--quick", action="store_true", help="one run of each, 10 push samples (a smoke test)")
    args = ap.parse_args(argv)
    if args.n < 4:
        ap.error("--n must be at least 4")
    result = run(args)
    print(table(result))
    path = args.json or ROOT / "benchmarks" / "results" / f"backlog-{date.today().isoformat()}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({**asdict(result), "table": table(result)}, indent=2) + "\n")
    print(f"\nwrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
