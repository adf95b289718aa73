"""Escalation signals in a customer's new text, each with a score and its evidence.

Pure: no I/O, no clock. ``detect`` is what the daemon, ``classify`` and ``evaluate``
all call, so an offline evaluation measures exactly what runs in production.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal, Mapping

from replydraft.extract import InboundEmail

SignalName = Literal[
    "review_threat", "legal_threat", "out_of_scope_demand",
    "overdue_payment", "ultimatum", "abusive_language",
]
SIGNALS: tuple[SignalName, ...] = (
    "review_threat", "legal_threat", "out_of_scope_demand",
    "overdue_payment", "ultimatum", "abusive_language",
)
DEFAULT_THRESHOLD = 0.6


@dataclass(frozen=True, slots=True)
class Evidence:
    phrase: str        # the exact words, as the customer wrote them
    start: int         # offsets into the text that was searched
    end: int
    rule: str          # which rule matched, for explaining and tuning


@dataclass(frozen=True, slots=True)
class Signal:
    name: SignalName
    score: float       # 0..1
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class Detection:
    signals: tuple[Signal, ...]               # at or above their threshold
    near_misses: tuple[Signal, ...] = ()      # found, but under the threshold
    skipped: str | None = None                # why the message was not examined at all

    @property
    def escalated(self) -> bool:
        return bool(self.signals)

    @property
    def names(self) -> tuple[SignalName, ...]:
        return tuple(s.name for s in self.signals)


@dataclass(frozen=True, slots=True)
class DetectorSettings:
    thresholds: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))
    disabled: frozenset[str] = frozenset()

    def threshold(self, name: str) -> float:
        return self.thresholds.get(name, DEFAULT_THRESHOLD)


def detect(email: InboundEmail, settings: DetectorSettings = DetectorSettings()) -> Detection:
    """Signals in the customer's new text; automated mail is skipped, not examined."""
    if email.automated:
        return Detection((), (), skipped=email.automated)
    return detect_text(f"{email.new_text}", settings)


def detect_text(text: str, settings: DetectorSettings = DetectorSettings()) -> Detection:
    raise NotImplementedError
