"""The incident log for people: time filters, the export columns, and the statistics.

Pure: incidents (as ``Store.incidents`` yields them) in, rows and counts out. The CLI
and the HTML report share these, so a number in the report is the number `stats` prints.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from replydraft.detection.settings import SIGNALS
from replydraft.state.store import Incident

__all__ = [
    "ESCALATED",
    "EXPORT_COLUMNS",
    "Customer",
    "Stats",
    "csv_cell",
    "customer",
    "escalated",
    "feedback",
    "feedback_table",
    "flatten",
    "one_line",
    "parse_when",
    "reply_text",
    "stats",
    "week_of",
]

_AGO = re.compile(r"(\d+)\s*([hdwm])", re.IGNORECASE)
_UNITS = {"h": timedelta(hours=1), "d": timedelta(days=1), "w": timedelta(weeks=1), "m": timedelta(days=30)}


def parse_when(value: str, now: datetime) -> datetime:
    """``"7d"``, ``"12h"``, ``"2w"``, ``"1m"`` (30 days) ago, or a date / ISO time; ValueError otherwise."""
    text = value.strip()
    if m := _AGO.fullmatch(text):
        return now - int(m.group(1)) * _UNITS[m.group(2).lower()]
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{value!r}: expected a duration such as 7d, 12h, 2w or a date such as 2026-11-01") \
            from None
    return when if when.tzinfo else when.replace(tzinfo=now.tzinfo or UTC)


# The CSV columns, in order. Stable: new columns are only ever added at the end.
EXPORT_COLUMNS = (
    "id", "created_at", "received_at", "account", "folder", "uid", "message_id",
    "customer_name", "customer_email", "customer_domain", "subject", "status", "reason",
    "signals", "scores", "evidence", "rules", "near_misses", "tone", "templates", "policy_rule",
    "repeat_offender", "draft_message_id", "drafts_folder", "draft_uid", "reply_state", "follows",
    "replaced_by", "excerpt",
)


# The statuses of an escalation: drafted, being drafted, or drafted in a dry run. The others
# (near misses, skipped mail that would have raised a signal, errors) are logged, not counted.
ESCALATED = frozenset({"drafted", "appending", "dry_run"})

# A cell starting with one of these is a formula to a spreadsheet (OWASP, "CSV Injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_CONTROL = re.compile(r"\s*[\x00-\x1f\x7f-\x9f\u2028\u2029]+\s*")


def escalated(incident: Incident) -> bool:
    return incident.status in ESCALATED


def csv_cell(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula, made inert with a leading ``'``
    (OWASP's rule); numbers and everything else as they are."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def one_line(text: str) -> str:
    """Customer text for one line of a terminal table: newlines and other control
    characters collapsed to a space."""
    return _CONTROL.sub(" ", text)


@dataclass(frozen=True, slots=True)
class Customer:
    name: str
    email: str
    domain: str


def customer(incident: Incident) -> Customer:
    email = incident.sender
    return Customer(incident.sender_name, email, email.rpartition("@")[2])


def flatten(incident: Incident) -> dict[str, Any]:
    """One incident as one CSV row of EXPORT_COLUMNS: lists joined with " | ", text cells
    that a spreadsheet would take for a formula neutralised (``csv_cell``)."""
    signals = incident.signals
    who = customer(incident)
    stored = incident.as_dict()
    row = {
        **{key: stored[key] for key in EXPORT_COLUMNS if key in stored},
        "customer_name": who.name, "customer_email": who.email, "customer_domain": who.domain,
        "signals": " | ".join(s.name for s in signals),
        "scores": " | ".join(f"{s.score}" for s in signals),
        "evidence": " | ".join(e for s in signals for e in s.evidence),
        "rules": " | ".join(r for s in signals for r in s.rules),
        "near_misses": " | ".join(f"{s.name} {s.score}" for s in incident.near_misses),
        "templates": " | ".join(incident.templates),
        "repeat_offender": "yes" if incident.repeat_offender else "no",
    }
    return {key: csv_cell(value) for key, value in row.items()}


def reply_text(incident: Incident) -> str:
    """Did we reply? In words, for the table and the report."""
    status = incident.status
    if status != "drafted":
        return {"appending": "draft being saved", "dry_run": "dry run: no draft",
                "skipped_automated": "skipped: automated mail", "below_threshold": "no draft: below threshold",
                "error": "no draft: error",
                "needs_person": "NO DRAFT: needs a person"}.get(status, status)
    if incident.replaced_by:
        return f"draft replaced by {incident.replaced_by}"
    states = {"replied": "replied", "draft_gone": "draft deleted, no reply in Sent", "waiting": "draft waiting",
              "edited": "draft edited, waiting"}
    return states.get(incident.reply_state, "draft ready")


def week_of(when: datetime) -> date:
    """The Monday of the ISO week an incident was logged in (by its stored time, UTC)."""
    return _monday(when.date())


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


@dataclass
class Stats:
    total: int = 0
    by_signal: Counter[str] = field(default_factory=Counter)
    by_status: Counter[str] = field(default_factory=Counter)
    by_customer: Counter[str] = field(default_factory=Counter)
    last_by_customer: dict[str, datetime] = field(default_factory=dict)
    by_week: dict[date, Counter[str]] = field(default_factory=dict)   # week -> signal -> count

    def in_week(self, week: date, signal: str | None = None) -> int:
        counts = self.by_week.get(week, Counter())
        return counts[signal] if signal else sum(counts.values())
    repeat_offenders: Counter[str] = field(default_factory=Counter)

    def weeks(self, start: date | None = None, end: date | None = None) -> list[date]:
        """Every week from the first to the last (or ``start`` to ``end``), empty ones included:
        a chart needs the gaps."""
        if not self.by_week and (start is None or end is None):
            return []
        first = min([*self.by_week, *([_monday(start)] if start else [])])
        last = max([*self.by_week, *([_monday(end)] if end else [])])
        return [first + timedelta(weeks=i) for i in range((last - first).days // 7 + 1)]

    def top_customers(self, n: int = 10) -> list[tuple[str, int]]:
        return self.by_customer.most_common(n)


def stats(incidents: Iterable[Incident], *, escalations_only: bool = True) -> Stats:
    """Counts by signal, status, customer and week; by default only incidents that escalated
    (drafted, being drafted, or drafted in a dry run), not near misses or skipped mail."""
    result = Stats()
    for incident in incidents:
        if escalations_only and not escalated(incident):
            continue
        result.total += 1
        result.by_status[incident.status] += 1
        who = incident.sender or "(unknown)"
        result.by_customer[who] += 1
        last = result.last_by_customer.get(who)
        result.last_by_customer[who] = incident.created_at if last is None else max(last, incident.created_at)
        week = result.by_week.setdefault(week_of(incident.created_at), Counter())
        for signal in incident.signals:
            result.by_signal[signal.name] += 1
            week[signal.name] += 1
        if incident.repeat_offender:
            result.repeat_offenders[who] += 1
    return result


def signal_order(names: Sequence[str]) -> list[str]:
    return [s for s in SIGNALS if s in names]


# What became of a draft, as weak feedback on the signal that raised it: a draft sent says the
# escalation was real; one deleted unedited leans the other way (or the reply was wrong).
FEEDBACK = (("drafted", "drafts"), ("replied", "sent"), ("edited", "edited"), ("draft_gone", "deleted unedited"))


def feedback(incidents: Iterable[Incident]) -> dict[str, Counter[str]]:
    """Per signal of drafted escalations: how many drafts, and how many were sent ("replied"),
    edited, or deleted without a reply ("draft_gone"), as the reply check last saw them."""
    found: dict[str, Counter[str]] = {}
    for incident in incidents:
        if incident.status != "drafted":
            continue
        for signal in incident.signals:
            counts = found.setdefault(signal.name, Counter())
            counts["drafted"] += 1
            if incident.reply_state:
                counts[incident.reply_state] += 1
    return {name: found[name] for name in signal_order(list(found))}


def feedback_table(counts: dict[str, Counter[str]]) -> list[tuple[str, ...]]:
    """``feedback`` as rows for a table, a heading first."""
    return [("signal", *(label for _, label in FEEDBACK)),
            *((name, *(str(c[state]) for state, _ in FEEDBACK)) for name, c in counts.items())]
