"""A small TCP proxy for fault-injection tests: stall or cut a connection at an exact IMAP step.

The daemon connects to the proxy (plain IMAP on loopback, so the bytes are visible) and the
proxy to Dovecot. A :class:`Trigger` watches one direction for a byte pattern; on its n-th
occurrence it either *holds* the connection (nothing more is forwarded either way, so the
test can kill the client at that very point) or *cuts* it (both sockets closed, as when a
server or a NAT drops a session). ``before=True`` acts before forwarding the chunk holding
the pattern (the server never sees "APPEND"), otherwise just after (the server has it).

It also counts the bytes each side sent (``received``), so a test can check how much a
fetch transferred. No pytest dependency; the tests use it as a context manager.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from dataclasses import dataclass, field
from types import TracebackType
from typing import Literal, Self


@dataclass
class Trigger:
    direction: Literal["client", "server"]   # who sends the pattern: the client (a command) or the server
    pattern: bytes
    action: Literal["hold", "cut"] = "hold"
    nth: int = 1                              # act on this occurrence (counted over all connections)
    before: bool = False                      # act before forwarding the chunk that holds the pattern
    fired: threading.Event = field(default_factory=threading.Event)
    seen: int = 0


class TcpProxy:
    def __init__(self, upstream_port: int, triggers: list[Trigger] | None = None,
                 upstream_host: str = "127.0.0.1") -> None:
        self.upstream = (upstream_host, upstream_port)
        self.triggers = list(triggers or [])
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(16)
        self.port: int = self._listener.getsockname()[1]
        self._lock = threading.Lock()
        self._held = threading.Event()            # once set, every connection stops forwarding
        self._sockets: list[socket.socket] = []
        self._closed = False
        self.connections = 0
        self.received = {"client": 0, "server": 0}   # bytes forwarded from each side, over all connections
        threading.Thread(target=self._accept, daemon=True).start()

    # -- control ---------------------------------------------------------------------

    def release(self) -> None:
        """Forget the triggers and let new connections through (held ones stay dead)."""
        with self._lock:
            self.triggers = []
        self._held.clear()

    def cut_all(self) -> None:
        with self._lock:
            for s in self._sockets:
                _close(s)
            self._sockets.clear()

    def close(self) -> None:
        self._closed = True
        _close(self._listener)
        self.cut_all()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # -- plumbing ----------------------------------------------------------------------

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(self.upstream, timeout=10)
            except OSError:
                _close(client)
                continue
            server.settimeout(None)
            with self._lock:
                self._sockets += [client, server]
                self.connections += 1
            pair = (client, server)
            threading.Thread(target=self._pump, args=(pair, "client"), daemon=True).start()
            threading.Thread(target=self._pump, args=(pair, "server"), daemon=True).start()

    def _pump(self, pair: tuple[socket.socket, socket.socket], direction: Literal["client", "server"]) -> None:
        source, sink = pair if direction == "client" else pair[::-1]
        tail = b""                                 # the end of the last chunk: patterns may straddle two
        while True:
            try:
                chunk = source.recv(65536)
            except OSError:
                chunk = b""
            if not chunk or self._held.is_set():
                if not self._held.is_set():
                    for s in pair:
                        _close(s)
                return
            with self._lock:
                self.received[direction] += len(chunk)
            action, before = self._match(direction, tail, chunk)
            tail = (tail + chunk)[-256:]
            if action and before:
                self._act(action, pair)
                return
            try:
                sink.sendall(chunk)
            except OSError:
                return
            if action:
                self._act(action, pair)
                return

    def _match(self, direction: str, tail: bytes, chunk: bytes) -> tuple[str | None, bool]:
        with self._lock:
            for trigger in self.triggers:
                if trigger.direction != direction or trigger.fired.is_set():
                    continue
                # occurrences that end in this chunk (those wholly in the tail were counted before)
                trigger.seen += (tail + chunk).count(trigger.pattern) - tail.count(trigger.pattern)
                if trigger.seen >= trigger.nth:
                    trigger.fired.set()
                    return trigger.action, trigger.before
        return None, False

    def _act(self, action: str, pair: tuple[socket.socket, socket.socket]) -> None:
        if action == "cut":
            for s in pair:
                _close(s)
        else:
            self._held.set()


def _close(s: socket.socket) -> None:
    with contextlib.suppress(OSError):
        s.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(OSError):
        s.close()
