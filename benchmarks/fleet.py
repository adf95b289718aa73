"""A fleet on one machine: 1,000 small mailboxes watched by 1 to 3 daemons on one PostgreSQL (issue 18).

    python benchmarks/fleet.py [--mailboxes 1000] [--daemons 1,2,3] [--seconds 60] [--poll 10s] [--rate 2]

Starts a private Dovecot and a private PostgreSQL on 127.0.0.1 (tests/support), gives every
mailbox an accounts_dir file of its own, and for each number of daemons (`replydraft run`
processes, each with its own config folder, all on one fresh database and fresh mailboxes):

1. starts them and waits until every mailbox has had its first pass;
2. for ``--seconds``, delivers escalations into random mailboxes at ``--rate`` a second;
3. waits until each has its draft, and stops the daemons with SIGTERM.

It prints, per number of daemons: passes per minute (each pass records the folder's status:
counted from PostgreSQL's row statistics), what the polling interval asks for, the time from
arrival to draft (p50/p95, by the incident's drafted time), PostgreSQL commits per second, and
the CPU used by the daemons, Dovecot and PostgreSQL (from /proc, children included) against
what the machine has, which tells what limits the run.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from replydraft.config import parse_duration  # noqa: E402
from replydraft.state.store import Store  # noqa: E402
from support.imapserver import DovecotServer  # noqa: E402
from support.pgserver import PostgresServer  # noqa: E402

PASSWORD = "bench"
TICK = os.sysconf("SC_CLK_TCK")


@dataclass
class Row:
    daemons: int
    first_round: float              # seconds until every mailbox had a pass
    passes_per_min: float
    asked_per_min: float            # what the polling interval asks for
    p50: float
    p95: float
    drafted: int
    delivered: int
    commits_per_s: float
    cpu: dict[str, float]           # share of one core, by process kind

    def limit(self, cores: int) -> str:
        busy = sum(self.cpu.values())
        if self.passes_per_min >= 0.95 * self.asked_per_min:
            return "none: every folder polled on time"
        top = max(self.cpu, key=lambda kind: self.cpu[kind])
        if busy >= 0.85 * cores:
            return f"CPU ({busy:.0%} of {cores} cores; most in {top})"
        return f"{top} ({self.cpu[top]:.0%} of a core), machine not saturated"


def cpu_by_kind() -> dict[str, float]:
    """CPU seconds used so far by replydraft, Dovecot and PostgreSQL processes (their reaped
    children included: short-lived IMAP and database backends count with their parent)."""
    out = {"replydraft": 0.0, "dovecot": 0.0, "postgres": 0.0}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
        except OSError:
            continue
        kind = ("replydraft" if "-m replydraft run" in cmdline else
                "dovecot" if "dovecot" in cmdline else "postgres" if "postgres" in cmdline else None)
        if kind:
            out[kind] += sum(int(f) for f in fields[11:15]) / TICK     # utime stime cutime cstime
    return out


def pg_counters(url: str) -> tuple[int, int]:
    """(passes recorded, commits): watch_status rows inserted + updated, and the database's commits."""
    with Store.connect(url) as store:
        passes = store.db.execute("SELECT n_tup_ins + n_tup_upd AS n FROM pg_stat_user_tables "
                                  "WHERE relname = 'watch_status'").fetchone()["n"]
        commits = store.db.execute("SELECT xact_commit AS n FROM pg_stat_database "
                                   "WHERE datname = current_database()").fetchone()["n"]
    return int(passes), int(commits)


def write_configs(base: Path, server: DovecotServer, users: list[str], url: str, daemons: int,
                  poll: str) -> list[Path]:
    accounts = base / "accounts.d"
    accounts.mkdir(parents=True)
    for user in users:
        (accounts / f"{user.partition('@')[0]}.toml").write_text(
            f'[[accounts]]\nname = "{user}"\nhost = "127.0.0.1"\nport = {server.port}\ntls = "none"\n'
            f'username = "{user}"\npassword_env = "BENCH_PASSWORD"\npoll_interval = "{poll}"\n'
            f'timeout = "30s"\nlookback = "1d"\nfrom_address = "Acme Support <support@acme.test>"\n')
    configs = []
    for n in range(daemons):
        folder = base / f"d{n}"
        folder.mkdir()
        config = folder / "replydraft.toml"
        config.write_text(f'accounts_dir = "{accounts}"\n[state]\npath = "{folder / "state.db"}"\nurl = "{url}"\n'
                          f'[policy]\ncompany = "Acme Design Co"\n')
        configs.append(config)
    return configs


def escalation(user: str, n: int) -> tuple[str, bytes]:
    message_id = f"<fleet.{n}.{user.partition('@')[0]}@client.example>"
    now = datetime.now().astimezone().strftime("%a, %d %b %Y %H:%M:%S %z")
    return message_id, (f"From: Customer {n} <c{n}@client.example>\r\nTo: support@acme.test\r\n"
                        f"Subject: Order {n}\r\nMessage-ID: {message_id}\r\nDate: {now}\r\n\r\n"
                        f"If order {n} isn't here by Friday I will leave a 1-star review on Google.\r\n").encode()


def deliver_to(server: DovecotServer, user: str, raw: bytes, n: int) -> float:
    """Deliver as an MTA does, into the Maildir (tmp/, then renamed into new/): no IMAP login that
    would compete with the daemons for the CPU and slow the arrivals down. Returns when."""
    home = server.dir / "home"
    maildir, owner = home / user / "Maildir", home.stat()
    if not (maildir / "cur").is_dir():         # a mailbox no pass has opened yet: make it whole
        for path in (home / user, maildir, *(maildir / sub for sub in ("cur", "new", "tmp"))):
            path.mkdir(exist_ok=True)
            os.chown(path, owner.st_uid, owner.st_gid)
    name = f"{time.time():.6f}.fleet{n}.bench"
    staged = maildir / "tmp" / name
    staged.write_bytes(raw.replace(b"\r\n", b"\n"))     # Maildir keeps LF
    os.chown(staged, owner.st_uid, owner.st_gid)
    staged.rename(maildir / "new" / name)
    return time.time()


def wait(predicate, timeout: float, what: str) -> float:  # type: ignore[no-untyped-def]
    start = time.monotonic()
    while not predicate():
        if time.monotonic() - start > timeout:
            raise SystemExit(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(1)
    return time.monotonic() - start


def drafted_at(url: str) -> dict[str, float]:
    """Each drafted message's Message-ID -> when its incident was recorded as drafted (epoch s)."""
    with Store.connect(url) as store:
        rows = store.db.execute("SELECT message_id, updated_at FROM incidents WHERE status = 'drafted'").fetchall()
    return {r["message_id"]: datetime.fromisoformat(r["updated_at"]).timestamp() for r in rows}


def run(daemons: int, server: DovecotServer, pg: PostgresServer, args: argparse.Namespace, work: Path) -> Row:
    users = [server.add_user(password=PASSWORD)[0] for _ in range(args.mailboxes)]
    url = pg.new_database()
    Store.connect(url).close()                       # the schema, before the daemons race to make it
    configs = write_configs(work / f"fleet{daemons}", server, users, url, daemons, args.poll)
    # The rules compiled for Hyperscan once, as on any machine after its first start: a compile
    # in each daemon (15-40 s of CPU) would be measured instead of the fleet
    env = {**os.environ, "BENCH_PASSWORD": PASSWORD, "PYTHONPATH": str(ROOT / "src"),
           "REPLYDRAFT_CACHE_DIR": str(ROOT / ".cache" / "fastscan")}
    procs = [subprocess.Popen([sys.executable, "-m", "replydraft", "run", "--config", str(c)], env=env,
                              stdout=(c.parent / "daemon.log").open("w"), stderr=subprocess.STDOUT)
             for c in configs]
    try:
        first_round = wait(lambda: pg_counters(url)[0] >= args.mailboxes, 600, "a first pass of every mailbox")
        print(f"  {daemons} daemon(s): every mailbox read once after {first_round:.0f} s", flush=True)
        sent: dict[str, float] = {}
        rng, stop = random.Random(daemons), threading.Event()

        def deliver() -> None:
            n = 0
            while not stop.wait(1 / args.rate):
                n += 1
                user = rng.choice(users)
                message_id, raw = escalation(user, n)
                sent[message_id] = deliver_to(server, user, raw, n)

        cpu0, (passes0, commits0), t0 = cpu_by_kind(), pg_counters(url), time.monotonic()
        arrivals = threading.Thread(target=deliver)
        arrivals.start()
        time.sleep(args.seconds)
        stop.set()
        arrivals.join()
        cpu1, (passes1, commits1), t1 = cpu_by_kind(), pg_counters(url), time.monotonic()
        wait(lambda: set(sent) <= set(drafted_at(url)), parse_duration(args.poll) * 3 + 120,
             "a draft for every escalation")
        done = drafted_at(url)
        latencies = sorted(done[m] - sent[m] for m in sent)
    finally:
        for proc in procs:
            proc.send_signal(signal.SIGTERM)
        for proc, config in zip(procs, configs, strict=True):
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
                tail = (config.parent / "daemon.log").read_text()[-2000:]
                raise SystemExit(f"a daemon did not stop within 60 s of SIGTERM; its log ends:\n{tail}") from None
    elapsed = t1 - t0
    asked = args.mailboxes * 60 / parse_duration(args.poll)
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    return Row(daemons, first_round, (passes1 - passes0) / elapsed * 60, asked, statistics.median(latencies), p95,
               len(latencies), len(sent), (commits1 - commits0) / elapsed,
               {kind: (cpu1[kind] - cpu0[kind]) / elapsed for kind in cpu1})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mailboxes", type=int, default=1000)
    ap.add_argument("--daemons", default="1,2,3", help="numbers of daemons to run, in turn (%(default)s)")
    ap.add_argument("--seconds", type=float, default=60, help="the measured window (%(default)s)")
    ap.add_argument("--poll", default="10s", help="each mailbox's poll_interval (%(default)s)")
    ap.add_argument("--rate", type=float, default=2, help="escalations delivered per second (%(default)s)")
    args = ap.parse_args()
    cores = os.cpu_count() or 1
    rows = []
    work = Path(tempfile.mkdtemp(prefix="replydraft-fleet-"))
    server, pg = DovecotServer("standard"), PostgresServer()
    try:
        server.start()
        for daemons in (int(n) for n in args.daemons.split(",")):
            rows.append(run(daemons, server, pg, args, work))
    except BaseException:
        print(f"the daemons' logs are kept in {work}", file=sys.stderr)
        raise
    else:
        shutil.rmtree(work)
    finally:
        server.close()
        pg.close()
    print(f"\n{args.mailboxes} mailboxes, poll_interval {args.poll}, {args.rate:g} escalations/s for "
          f"{args.seconds:g} s; {cores} cores")
    print("| daemons | first round | passes/min (asked) | arrival -> draft p50 / p95 | PostgreSQL commits/s "
          "| CPU: daemons / Dovecot / PostgreSQL | limit |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r.daemons} | {r.first_round:.0f} s | {r.passes_per_min:,.0f} ({r.asked_per_min:,.0f}) "
              f"| {r.p50:.1f} s / {r.p95:.1f} s ({r.drafted}/{r.delivered}) | {r.commits_per_s:,.0f} "
              f"| {r.cpu['replydraft']:.0%} / {r.cpu['dovecot']:.0%} / {r.cpu['postgres']:.0%} | {r.limit(cores)} |")


if __name__ == "__main__":
    main()
