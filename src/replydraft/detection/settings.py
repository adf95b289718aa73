"""What a detector is set to: the signals, thresholds, company phrases and scope, as plain data.

Cheap to import (no rule is compiled here), so ``config`` can build and check these
settings without paying for the detector; :class:`~replydraft.detection.detector.Detector`
compiles them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

from replydraft.detection.catalog import RULE_SIGNALS, RuleSpec
from replydraft.errors import RuleError

__all__ = ["DEFAULT_THRESHOLD", "SIGNALS", "CompanyPattern", "DetectorSettings", "Scope", "SignalName"]

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
class Scope:
    included: tuple[str, ...] = ()     # what the agreement covers, e.g. "logo design"
    excluded: tuple[str, ...] = ()     # what it does not, e.g. "copywriting"

    def __bool__(self) -> bool:
        return bool(self.included or self.excluded)


@dataclass(frozen=True, slots=True)
class CompanyPattern:
    """One company phrase, pattern or rule, compiled: a rule of its own (a phrase or pattern is
    ``custom.<signal>.<kind><n>``, a ``[[signals.<name>.rules]]`` rule has the id it was given)."""
    id: str
    signal: str
    regex: re.Pattern[str]
    weight: float


@dataclass(frozen=True, slots=True)
class DetectorSettings:
    thresholds: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))
    disabled: frozenset[str] = frozenset()
    # Company phrases per signal, matched case-insensitively with flexible spacing, e.g.
    # {"out_of_scope_demand": ("rush delivery for free",)}; and raw regular expressions.
    extra_phrases: Mapping[str, Sequence[str]] = field(default_factory=lambda: MappingProxyType({}))
    extra_patterns: Mapping[str, Sequence[str]] = field(default_factory=lambda: MappingProxyType({}))
    extra_weight: float = 0.8                    # weight of one company phrase/pattern hit
    company_rules: tuple[RuleSpec, ...] = ()      # [[signals.<name>.rules]]: id, pattern, weight, examples
    disabled_rules: frozenset[str] = frozenset()  # built-in rule ids to switch off
    max_chars: int = 50_000                       # only the first max_chars are examined
    scope: Scope = Scope()                        # [policy.scope]: what the agreement covers and excludes
    model: bool = True                            # [detection] model: the learned scorer beside the rules
    # [signals.X] model_threshold: the scorer's probability that raises X (else the model's own)
    model_thresholds: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))

    def threshold(self, name: str) -> float:
        return self.thresholds.get(name, DEFAULT_THRESHOLD)

    def check(self) -> None:
        """Raise :class:`RuleError` if an extra phrase, pattern or rule id is unusable."""
        self.company_patterns()

    def company_patterns(self) -> tuple[CompanyPattern, ...]:
        """The company phrases and patterns compiled, after checking every setting a detector
        compiles (:class:`RuleError` names the first unusable one)."""
        unknown = sorted(set(self.disabled_rules) - RULE_SIGNALS.keys())
        if unknown:
            raise RuleError(f"The detector has no built-in rule named {', '.join(map(repr, unknown))}; "
                            f"check the spelling (rule ids look like 'review.bbb' or 'abuse.fword').")
        weight = float(self.extra_weight)
        if not 0 < weight <= 1:
            raise RuleError(f"The weight of company phrases must be above 0 and at most 1, not {weight}.")
        found: list[CompanyPattern] = []
        for kind, table in (("phrase", self.extra_phrases), ("pattern", self.extra_patterns)):
            for signal, items in _sorted(table):
                if signal not in SIGNALS:
                    raise RuleError(f"Extra {kind}s were given for {signal!r}, which is not a signal; "
                                    f"use one of {', '.join(SIGNALS)}.")
                found.extend(CompanyPattern(f"custom.{signal}.{kind}{n}", signal, _company_regex(kind, signal, n, item),
                                            weight) for n, item in enumerate(items, 1))
        return (*found, *self._company_rules())

    def _company_rules(self) -> list[CompanyPattern]:
        seen: set[str] = set()
        found = []
        for spec in self.company_rules:
            rule = f"Company rule {spec.id!r}"
            if spec.id in RULE_SIGNALS or spec.id in seen:
                raise RuleError(f"{rule}: the id is taken by {'a built-in' if spec.id in RULE_SIGNALS else 'another'} "
                                f"rule; give it an id of its own, such as 'acme.{spec.id.rsplit('.', 1)[-1]}'.")
            seen.add(spec.id)
            if spec.signal not in SIGNALS:
                raise RuleError(f"{rule} is for {spec.signal!r}, which is not a signal; "
                                f"use one of {', '.join(SIGNALS)}.")
            if not 0 < spec.weight <= 1:
                raise RuleError(f"{rule}: its weight must be above 0 and at most 1, not {spec.weight}.")
            found.append(CompanyPattern(spec.id, spec.signal, _compiled(rule, spec.pattern), spec.weight))
        return found


def _sorted(mapping: Mapping[str, Sequence[str]]) -> list[tuple[str, tuple[str, ...]]]:
    """Signal -> items in signal order (a lone string is one item), as rules are numbered."""
    return sorted((str(k), (v,) if isinstance(v, str) else tuple(v)) for k, v in mapping.items())


def _company_regex(kind: str, signal: str, n: int, item: str) -> re.Pattern[str]:
    if kind == "phrase":
        words = str(item).split()
        if not words:
            raise RuleError(f"Extra phrase {n} for {signal} is empty; remove it or fill it in.")
        source = r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)"
    else:
        source = str(item)
    return _compiled(f"Extra {kind} {n} for {signal}", source, item)


def _compiled(what: str, source: str, shown: str | None = None) -> re.Pattern[str]:
    """The company's regular expression compiled caseless; :class:`RuleError` names ``what`` and why not."""
    shown = source if shown is None else shown
    try:
        regex = re.compile(source, re.IGNORECASE)
    except re.error as exc:
        raise RuleError(f"{what} ({shown!r}) is not a valid regular expression: {exc}.") from None
    if regex.search(""):
        raise RuleError(f"{what} ({shown!r}) matches empty text; make it match at least one word.")
    return regex
