"""A user's first `replydraft run --once`: how long it takes, and how long it is silent.

    python benchmarks/firstrun.py [--n 300] [--seed 7] [--rounds 3] [--src DIR] [--verbose]

Starts a private Dovecot on 127.0.0.1, fills a mailbox with N generated messages (as
benchmarks/backlog.py does) and runs `replydraft run --once` as a process, each time with a
fresh state file on its own copy of the mailbox:

    no-hyperscan the `hyperscan` module hidden (as where it isn't installed)
    cold         Hyperscan installed, an empty rules cache (a first start, or after an upgrade)
    warm         Hyperscan installed, the rules already compiled into the cache (by cold)

For each: the wall time of the command, the time to its first log line, and its longest silent
stretch (between lines on stderr, from the start to the exit); the median of --rounds rounds.
After the cold run, how long the rules' compile took in all (until the cache file appears,
from the start of the cold run); the next run waits for it.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests"), str(Path(__file__).resolve().parent)]

from backlog import PASSWORD_ENV, fill, index, link_first, write_config  # noqa: E402  (after sys.path)
from support.imapserver import DovecotServer  # noqa: E402

# The command, in a fresh interpreter; "hide" makes `import hyperscan` fail, as without the package.
RUN = ("import sys\nif sys.argv[1] == 'hide': sys.modules['hyperscan'] = None\n"
       "from replydraft.cli import main\nsys.exit(main(sys.argv[2:]))")


@dataclass
class Timing:
    case: str
    seconds: float       # start to exit
    first_line: float    # start to the first line on stderr
    longest_gap: float   # the longest stretch without a line, start and exit included
    lines: int
    exit_code: int


def run_once(case: str, config: Path, cache: Path, src: Path, *, hide: bool) -> tuple[Timing, list[str]]:
    env = {**os.environ, PASSWORD_ENV: "secret", "REPLYDRAFT_CACHE_DIR": str(cache), "PYTHONPATH": str(src)}
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", RUN, "hide" if hide else "keep", "run", "--once",
                              "--config", str(config)], env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True)
    stamps, lines = [], []
    assert child.stderr is not None
    for line in child.stderr:           # until every writer has closed it
        stamps.append(time.perf_counter() - started)
        lines.append(f"{stamps[-1]:6.2f} s  {line.rstrip()}")
    code = child.wait()
    seconds = time.perf_counter() - started
    edges = [0.0, *stamps, seconds]
    gap = max(b - a for a, b in itertools.pairwise(edges))
    return Timing(case, seconds, stamps[0] if stamps else seconds, gap, len(lines), code), lines


def wait_for_cache(cache: Path, since: float, timeout: float = 600) -> float | None:
    """Seconds from ``since`` until a compiled rules file is in ``cache`` (None: not in time)."""
    while time.perf_counter() - since < timeout:
        if any(cache.glob("rules-*.hsdb")):
            return time.perf_counter() - since
        time.sleep(0.2)
    return None


CASES = (("no-hyperscan", True), ("cold", False), ("warm", False))   # warm: the cache cold left


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--n", type=int, default=300, help="messages in the mailbox (default 300)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--rounds", type=int, default=3, help="runs of each case, the median shown (default 3)")
    ap.add_argument("--src", type=Path, default=ROOT / "src",
                    help="the replydraft sources to run (default: this tree's; another version's to compare)")
    ap.add_argument("--verbose", action="store_true", help="print the first log lines of each run, timed")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="replydraft-firstrun-"))
    server = DovecotServer("standard")
    timings: dict[str, list[Timing]] = {case: [] for case, _ in CASES}
    compiled: list[float | None] = []
    try:
        server.start()
        source, _ = server.add_user("source@example.test")
        fill(server, source, args.n, args.seed, time.time() - 86400 - args.n)
        index(server, source)
        for round_ in range(args.rounds):
            cache = work / f"cache-{round_}"
            for case, hide in CASES:
                name = f"{case}-{round_}"
                user, _ = server.add_user(f"{name}@example.test")
                link_first(server, source, user, args.n)
                index(server, user)
                started = time.perf_counter()
                timing, lines = run_once(case, write_config(work / name, server, user), cache, args.src, hide=hide)
                timings[case].append(timing)
                if args.verbose:
                    print("\n".join(f"  {name}: {line}" for line in lines[:4]), file=sys.stderr)
                if case == "cold" and timing.exit_code == 0:   # the compile may go on: let it end first
                    compiled.append(wait_for_cache(cache, started))
    finally:
        server.close()
        shutil.rmtree(work, ignore_errors=True)
    print(f"replydraft run --once, a first pass over {args.n} messages (fresh state each), {os.cpu_count()} CPUs; "
          f"median of {args.rounds} (each run)")
    print(f"{'case':<14}{'wall':>9}{'first line':>12}{'longest silence':>17}  exit")
    for case, runs in timings.items():
        wall, first, gap = (statistics.median(getattr(t, f) for t in runs)
                            for f in ("seconds", "first_line", "longest_gap"))
        each = ", ".join(f"{t.seconds:.1f}" for t in runs)
        print(f"{case:<14}{wall:>8.1f}s{first:>11.1f}s{gap:>16.1f}s  {','.join(str(t.exit_code) for t in runs)}"
              f"   (wall: {each})")
    done = [c for c in compiled if c is not None]
    print(f"the rules compiled for Hyperscan (cache file written) {statistics.median(done):.1f} s after the cold "
          f"run started ({', '.join(f'{c:.1f}' for c in done)})" if done else "")
    if len(done) < len(compiled):
        print("a compile did not finish within 10 minutes")
    return 0 if all(t.exit_code == 0 for runs in timings.values() for t in runs) and len(done) == len(compiled) else 1


if __name__ == "__main__":
    sys.exit(main())
