"""Which voice a reply takes: customer tiers, ``[[policy.rules]]`` and repeat offenders.

Pure: ``choose`` takes the sender, the signals and the sender's past incidents and
returns a :class:`Choice` -- the tone (a template set), the template for each signal,
the customer's tier, and whether this is a repeat offender. Every matching rule applies,
in the order written: the first one that sets the tone, or a signal's template, wins it
(so "enterprise accounts: tone" and "overdue accounts: a template" combine). A repeat
offender's tone then overrides a rule's, because a manager asked for firmness with
exactly those customers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from types import MappingProxyType

__all__ = [
    "DEFAULT_TONE",
    "Choice",
    "History",
    "PolicyRule",
    "RepeatOffender",
    "choose",
    "sender_matches",
    "tier_of",
]

DEFAULT_TONE = "standard"
_EMPTY: Mapping[str, str] = MappingProxyType({})


def sender_matches(address: str, patterns: Sequence[str]) -> bool:
    """``address`` is one of ``patterns`` ("jo@client.example") or at one of their "@domain"s."""
    address = address.lower()
    domain = "@" + address.rpartition("@")[2]
    return any(p in (address, domain) for p in patterns)


@dataclass(frozen=True, slots=True)
class PolicyRule:
    name: str
    senders: tuple[str, ...] = ()      # addresses or "@domain"; empty: any sender
    tiers: tuple[str, ...] = ()        # customer tiers from [policy.tiers]; empty: any tier
    signals: tuple[str, ...] = ()      # applies only when one of these signals is present
    tone: str | None = None            # the template set to use
    templates: Mapping[str, str] = field(default_factory=dict)   # signal -> template name

    def matches(self, sender: str, tier: str, signals: Sequence[str]) -> bool:
        return ((not self.senders or sender_matches(sender, self.senders))
                and (not self.tiers or tier in self.tiers)
                and (not self.signals or any(s in self.signals for s in signals)))


@dataclass(frozen=True, slots=True)
class RepeatOffender:
    incidents: int = 3                 # this many incidents, this one included ...
    days: int = 30                     # ... within this many days
    tone: str = "firm"


@dataclass(frozen=True, slots=True)
class History:
    """When this customer's earlier incidents were logged (newest first), from the store."""

    times: tuple[datetime, ...] = ()

    def within(self, days: int, now: datetime) -> int:
        since = now - timedelta(days=days)
        return sum(1 for t in self.times if t >= since)

    @property
    def last(self) -> datetime | None:
        return max(self.times) if self.times else None


@dataclass(frozen=True, slots=True)
class Choice:
    tone: str = DEFAULT_TONE
    templates: Mapping[str, str] = field(default_factory=dict)   # signal -> template name
    tier: str = ""
    rule: str = ""                     # the [[policy.rules]] that matched, comma-separated, or ""
    repeat_offender: bool = False


def tier_of(sender: str, tiers: Mapping[str, Sequence[str]]) -> str:
    """The first tier in [policy.tiers] that lists the sender or their domain; "" if none."""
    for tier, members in tiers.items():
        if sender_matches(sender, members):
            return tier
    return ""


def choose(sender: str, signals: Sequence[str], history: History, now: datetime, *,
           rules: Sequence[PolicyRule] = (), tiers: Mapping[str, Sequence[str]] = _EMPTY,
           signal_templates: Mapping[str, str] = _EMPTY,
           repeat: RepeatOffender | None = None) -> Choice:
    """The tone and templates for one reply; see the module docstring for the order."""
    tier = tier_of(sender, tiers)
    matched = [r for r in rules if r.matches(sender, tier, signals)]
    from_rules: dict[str, str] = {}
    for rule in reversed(matched):            # earlier rules win: apply them last
        from_rules.update(rule.templates)
    tone = next((r.tone for r in matched if r.tone), DEFAULT_TONE)
    offender = repeat is not None and history.within(repeat.days, now) + 1 >= repeat.incidents
    if offender and repeat is not None:
        tone = repeat.tone
    return Choice(tone=tone, templates={**signal_templates, **from_rules}, tier=tier,
                  rule=", ".join(r.name for r in matched), repeat_offender=offender)
