"""The state file under concurrency: migrations raced by many openers, one `run` per state file."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from replydraft.cli import main
from replydraft.errors import StateError
from replydraft.state.store import SCHEMA_VERSION, StateLock, Store

DEAD_ACCOUNT = ('[[accounts]]\nname = "support"\nhost = "127.0.0.1"\nport = 1\ntls = "none"\nusername = "u"\n'
                'password_env = "REPLYDRAFT_TEST_PASSWORD"\npoll_interval = "1h"\n'
                'from_address = "Acme Support <support@acme.test>"\n')


def write_config(tmp_path: Path) -> Path:
    path = tmp_path / "replydraft.toml"
    path.write_text(f'[state]\npath = "{tmp_path / "state.db"}"\n[policy]\ncompany = "Acme Design Co"\n'
                    + DEAD_ACCOUNT)
    return path


def _open_at(path: str, start: Any, results: Any) -> None:
    start.wait()
    try:
        Store.open(Path(path)).close()
        results.put("")
    except StateError as exc:
        results.put(str(exc))


def test_a_new_state_file_opened_by_many_at_once_is_migrated_once(tmp_path: Path) -> None:
    """Processes opening a new file at the same moment (a first start's watchers, `status`)."""
    forked = multiprocessing.get_context("fork")
    for n in range(5):                            # the race is lost in most rounds, not all
        path, start, results = str(tmp_path / f"state{n}.db"), forked.Barrier(16), forked.Queue()
        openers = [forked.Process(target=_open_at, args=(path, start, results)) for _ in range(16)]
        for opener in openers:
            opener.start()
        errors = [error for error in (results.get(timeout=60) for _ in openers) if error]
        for opener in openers:
            opener.join()
        assert errors == []
        with Store.open(Path(path)) as store:
            assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
            assert store.watch_statuses() == []


def test_the_state_lock_is_held_once_and_names_its_holder(tmp_path: Path) -> None:
    state = tmp_path / "state.db"
    held = f"another replydraft \\(PID {os.getpid()}\\) is running on the state database {state}; stop it first"
    with StateLock.acquire(state), pytest.raises(StateError, match=held):
        StateLock.acquire(state)
    StateLock.acquire(state).release()                # free again once released


def test_run_once_is_refused_while_another_run_holds_the_state_file(tmp_path: Path, capsys) -> None:
    config = write_config(tmp_path)
    Store.open(tmp_path / "state.db").close()
    with StateLock.acquire(tmp_path / "state.db"):
        assert main(["run", "--once", "--config", str(config)]) == 1
        err = capsys.readouterr().err
        [error] = [line for line in err.splitlines() if not line.startswith("INFO ")]
        assert error.startswith("replydraft: error:") and f"another replydraft (PID {os.getpid()})" in error, err
        assert main(["status", "--config", str(config)]) == 1    # reading still works (never read: a warning)
        assert "support  INBOX" in capsys.readouterr().out


@pytest.mark.slow   # two daemon processes, seconds
def test_a_second_daemon_on_the_same_state_file_exits_with_one_line(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    env = {**os.environ, "REPLYDRAFT_TEST_PASSWORD": "x"}
    command = [sys.executable, "-m", "replydraft", "run", "--config", str(config)]
    first = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        lock = tmp_path / "state.db.lock"
        deadline = time.monotonic() + 30
        while not (lock.exists() and lock.read_text().strip() == str(first.pid)):
            assert time.monotonic() < deadline and first.poll() is None, "the first daemon never took the lock"
            time.sleep(0.05)
        second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
        assert second.returncode == 1, second
        assert "Traceback" not in second.stderr
        assert second.stderr.splitlines()[-1] == (
            f"replydraft: error: another replydraft (PID {first.pid}) is running on the state database "
            f"{tmp_path / 'state.db'}; stop it first, or give this one its own [state] path."), second.stderr
        assert first.poll() is None                    # the first one runs on
    finally:
        first.send_signal(signal.SIGTERM)
        out, _ = first.communicate(timeout=20)
    assert first.returncode == 0, out
