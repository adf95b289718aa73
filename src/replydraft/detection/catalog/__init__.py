"""The built-in detection rules as data: one module per signal, each rule a
:class:`~replydraft.detection.catalog.spec.RuleSpec` with its examples and not-examples.

Plain strings, nothing compiled: :mod:`replydraft.detection.rules` compiles them (with their
start stems and keys) when a detector is built, so reading a config (which checks rule ids
against :data:`RULE_SIGNALS`) costs no regex compile.

A rule's weight is how sure one hit makes us of its signal on its own; ``detect``
combines the hits of a signal as ``1 - prod(1 - w)``. With the default threshold of
0.6, a rule weighted >= 0.6 can raise a signal alone; weaker rules (0.3-0.55) only
count together with other evidence and otherwise end up as near-misses.

Most threat rules are anchored on the customer speaking about their own intent
("I will ...", "I'm ...", "or I ...") so that third-person, past and reported uses
("people leave 1-star reviews", "I left you 5 stars") never match. Context flags then
veto hits that are negated, hypothetical, asked as a question or clearly positive.

Patterns are written for phrasings in general, not for any one corpus: every
alternation is bounded (``{0,4}``, ``[^.!?\n]{0,60}``) so that matching stays linear
in practice and no pattern can backtrack catastrophically.
"""

from __future__ import annotations

from replydraft.detection.catalog import (
    abusive_language,
    legal_threat,
    out_of_scope_demand,
    overdue_payment,
    review_threat,
    ultimatum,
)
from replydraft.detection.catalog.context import (
    ANCHORED_STARTS,
    HYPOTHETICAL,
    INFO_QUESTION,
    NEGATION,
    POSITIVE,
    SUBJECT_ANCHOR,
)
from replydraft.detection.catalog.spec import RuleSpec

__all__ = [
    "ANCHORED_STARTS",
    "HYPOTHETICAL",
    "INFO_QUESTION",
    "NEGATION",
    "POSITIVE",
    "RULE_SIGNALS",
    "RULE_SPECS",
    "SUBJECT_ANCHOR",
    "RuleSpec",
]

# every built-in rule, in the order the detector tries them
RULE_SPECS: tuple[RuleSpec, ...] = (
    *review_threat.RULES,
    *legal_threat.RULES,
    *out_of_scope_demand.RULES,
    *overdue_payment.RULES,
    *ultimatum.RULES,
    *abusive_language.RULES,
)

# rule id -> its signal: what a config's disable_rules is checked against
RULE_SIGNALS: dict[str, str] = {spec.id: spec.signal for spec in RULE_SPECS}
