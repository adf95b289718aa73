"""A fleet: daemons on one shared state divide the watched folders between them (issue 18).

Each (account, folder) is worked on by one daemon at a time, the holder of its lease (in the
state database, on the database's clock). A daemon:

- says it is alive every ``renew_every`` seconds, and renews its leases with it;
- takes a folder's lease only while it holds fewer than its fair share (the folders divided
  by the daemons alive, rounded up), so N daemons end up with about 1/N each;
- gives up what is over its share once more daemons are alive, at the end of a pass;
- gives up everything on SIGTERM, so another daemon takes over at once.

A daemon that dies (``kill -9``, a machine gone) stops renewing: its leases expire after their
term and the others take the folders over. ``[state] lease`` bounds that: the term is half of it,
and the heartbeat (which tells a free folder, and how many daemons are alive) and the attempts to
take a free folder come every fifth of it, so a folder is taken over within 90% of the configured
time from its last renewal, plus however late a busy machine runs them.

The lease's token grows at every takeover, and the intent before each APPEND checks it
(``Store.hold``), so a daemon that lost a folder, paused or cut off, appends nothing more.

With a SQLite state only one daemon runs (``StateLock``); it is the whole fleet and gets every
folder, through the same code.
"""

from __future__ import annotations

import logging
import math
import os
import secrets
import socket
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field

from replydraft.state.store import Lease, Store

log = logging.getLogger(__name__)

__all__ = ["Fleet", "fair_share"]

TERM = 0.5          # a lease lasts this share of [state] lease after each renewal
RENEW = 0.2         # renewed (and free folders tried) this often, as a share of it


def fair_share(folders: int, daemons: int) -> int:
    """How many folders one of ``daemons`` daemons may hold."""
    return math.ceil(folders / max(1, daemons))


@dataclass
class Fleet:
    """This daemon's membership: who it is, how many are alive, and the leases it holds."""

    lease: float                                    # [state] lease: the takeover bound, in seconds
    holder: str = field(default_factory=lambda: f"{socket.gethostname()}/{os.getpid()}/{secrets.token_hex(3)}")
    daemons: int = 1                                # alive at the last heartbeat, this one included
    held: dict[str, Lease] = field(default_factory=dict)
    others: set[str] = field(default_factory=set)  # folders other daemons held at the last heartbeat
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def term(self) -> float:
        return TERM * self.lease

    @property
    def renew_every(self) -> float:
        return RENEW * self.lease

    def holds(self, key: str) -> Lease | None:
        with self._lock:
            return self.held.get(key)

    def may_take(self, key: str, folders: int) -> bool:
        """Whether a folder this daemon doesn't hold is worth asking the database for: free at the
        last heartbeat, and this daemon under its fair share of ``folders``."""
        with self._lock:
            return key not in self.others and len(self.held) < fair_share(folders, self.daemons)

    def claim(self, open_store: Callable[[], AbstractContextManager[Store]], account: str, folder: str,
              folders: int) -> Lease | None:
        """The folder's lease if this daemon holds it (the heartbeat renews it) or may take it
        (``may_take``), else None: another daemon works on it. Only taking one opens the state (a
        fleet of 3 on 1,000 folders would otherwise connect to it ~700 times a second to hear "no")."""
        key = f"{account}/{folder}"
        if (held := self.holds(key)) is not None:
            return held
        if not self.may_take(key, folders):
            return None
        with open_store() as store:
            lease = store.take_lease(account, folder, self.holder, self.term)
        with self._lock:
            if lease is None:
                self.others.add(key)
                return None
            self.held[key] = lease
        log.info("%s: taken on (lease token %d)", key, lease.token)
        return lease

    def keep(self, store: Store, folders: int) -> tuple[list[str], list[str]]:
        """The heartbeat: say this daemon is alive, renew its leases. Returns the folders it lost
        (their leases expired: stop working on them) and those over its fair share (give them up)."""
        daemons = store.heartbeat(self.holder, socket.gethostname(), os.getpid(), alive=self.term)
        renewed = {lease.key: lease for lease in store.renew_leases(self.holder, self.term)}
        others = {f"{account}/{folder}" for (account, folder), holder in store.lease_holders().items()
                  if holder != self.holder}
        with self._lock:
            self.daemons, self.others = daemons, others
            lost = sorted(set(self.held) - set(renewed))
            self.held = renewed
            extra = max(0, len(renewed) - fair_share(folders, daemons))
            over = sorted(renewed)[len(renewed) - extra:] if extra else []
        for key in lost:
            log.warning("%s: lease lost (not renewed within its term); another replydraft takes it over", key)
        return lost, over

    def forget(self, key: str) -> None:
        """The folder was lost (its intent found the lease gone): not ours, not to be taken back at once."""
        with self._lock:
            self.held.pop(key, None)
            self.others.add(key)

    def held_keys(self) -> list[str]:
        with self._lock:
            return list(self.held)

    def give_up(self, store: Store, key: str) -> None:
        with self._lock:
            lease = self.held.pop(key, None)
        if lease is not None:
            store.release_lease(lease)
            log.info("%s: given up to another replydraft (%d alive)", key, self.daemons)

    def leave(self, store: Store) -> None:
        """On stopping: every lease given up at once, and no longer counted as alive."""
        with self._lock:
            self.held.clear()
        store.leave(self.holder)
