"""A progress line on stderr for long work (a first scan of a big mailbox, a large export).

Quiet when stderr is not a terminal (a service, a pipe, a test), so logs stay clean.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

__all__ = ["Progress"]


class Progress:
    def __init__(self, total: int, label: str, *, enabled: bool = True, stream: TextIO | None = None,
                 every: float = 0.2) -> None:
        self.stream = stream or sys.stderr
        self.enabled = enabled and total > 0 and self.stream.isatty()
        self.total, self.label, self.every = total, label, every
        self.count = 0
        self.started = self._last = time.monotonic()

    def advance(self, n: int = 1) -> None:
        self.count += n
        now = time.monotonic()
        if self.enabled and (now - self._last >= self.every or self.count >= self.total):
            self._last = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        done = min(self.count, self.total) / self.total
        rate = self.count / max(now - self.started, 1e-6)
        left = (self.total - self.count) / rate if rate else 0
        bar = "█" * int(done * 24) + "░" * (24 - int(done * 24))
        self.stream.write(f"\r{self.label} {bar} {self.count}/{self.total} ({rate:,.0f}/s, {left:,.0f} s left) ")
        self.stream.flush()

    def done(self) -> None:
        if self.enabled and self.count:
            self._draw(time.monotonic())
            self.stream.write("\n")
            self.stream.flush()
