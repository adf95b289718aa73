"""The draft acceptance corpus: what a professional's draft to each message must do, checked
on the drafts the pipeline writes (``replydraft evaluate --drafts FILE``).

A corpus is a TOML file (``tests/data/drafts.toml``; its header comment explains the keys):
the moment the drafts are written (``now``), a ``[policy]`` table as in ``replydraft.toml``,
and one ``[[case]]`` per customer message with the expectations that matter for it: the
signals detection must raise, the case the draft must answer for each (``Outcome.cases``),
facts the reply must name, phrases it must not use, whether it offers a call, a word limit,
and whether a draft may be made at all. Each message goes through ``pipeline.classify`` and
``pipeline.draft``, as in the daemon, so the checks describe what a person would find in Drafts.

    corpus = load_corpus("tests/data/drafts.toml")
    report = run(corpus)              # or run(corpus, config) for a config's policy and templates
    print(report.format())

Pure but for reading the corpus file (``load_corpus``) and the templates (``Renderer``).
"""

from __future__ import annotations

import contextlib
import difflib
import email.policy
import email.utils
import re
import statistics
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from email.message import EmailMessage
from pathlib import Path
from typing import TYPE_CHECKING, Any

from replydraft.detection.detector import Detector
from replydraft.detection.settings import SIGNALS, DetectorSettings
from replydraft.errors import ConfigError
from replydraft.pipeline import Context, Outcome, classify, draft, source_key
from replydraft.reply.context import CASES
from replydraft.reply.draft import NOTE_PREFIX, quote
from replydraft.reply.ledger import Invoice
from replydraft.reply.render import Renderer

if TYPE_CHECKING:
    from replydraft.config import Config, Policy

__all__ = ["CHECKS", "Case", "Check", "Corpus", "Report", "Result", "check", "load_corpus",
           "parse_corpus", "reply_text", "reply_words", "run"]

# The kinds of check, in the order the report lists them.
CHECKS = ("mentions", "avoid", "call_offer", "max_words", "draft", "signals", "cases", "escalates")
CALL_OFFER = re.compile(r"\bcall\b|\bphone\b|\bring you\b|speak on the phone", re.IGNORECASE)
ACCOUNT_ADDRESS = "drafts@acceptance.invalid"   # who the drafts are from: a domain no customer has
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_GREETING = re.compile(r"^(?:hello|hi|hey|dear|good (?:morning|afternoon|evening))\b[^.!?]{0,60},$", re.IGNORECASE)
_SIGN_OFF = re.compile(r"^(?:(?:kind|best|warm|many|with)\s+)?(?:regards|wishes|thanks|thank you|sincerely"
                       r"|best|cheers|yours(?:\s+sincerely)?)\b[\w ]{0,20},?$", re.IGNORECASE)
_CASE_KEYS = {"id", "from", "subject", "body", "signals", "cases", "mentions", "avoid", "call_offer", "max_words",
              "draft", "ledger", "escalates"}
_LEDGER_KEYS = {"invoice", "amount", "currency", "due"}
_TOP_KEYS = {"now", "policy", "case"}


# -- the corpus ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One customer message and what its draft must do; ``None``: not checked."""
    id: str
    sender: str                          # the From header: "Name <address>"
    subject: str
    body: str
    signals: tuple[str, ...] = ()        # detection must raise at least these
    cases: Mapping[str, str] = field(default_factory=dict)   # signal -> the case the draft must answer
    mentions: tuple[str, ...] = ()       # each must appear in the reply (any case)
    avoid: tuple[str, ...] = ()          # none may appear in the reply (any case)
    call_offer: bool | None = None       # the reply must (True) or must not (False) offer a call
    max_words: int | None = None         # the reply's own words, greeting and sign-off left out
    draft: bool | None = None            # False: a person must answer, no draft may be made
    ledger: tuple[Invoice, ...] = ()     # the sender's open invoices
    escalates: bool | None = None        # False: no escalation (venting at a thing, a polite cancel): no draft

    @property
    def address(self) -> str:
        return email.utils.parseaddr(self.sender)[1].lower()

    @property
    def words(self) -> int:
        return len(self.body.split())


@dataclass(frozen=True)
class Corpus:
    source: str
    now: datetime
    policy: Policy
    detector: DetectorSettings           # the built-in rules, with [policy.scope]
    cases: tuple[Case, ...]

    def case(self, ident: str) -> Case:
        for c in self.cases:
            if c.id == ident:
                return c
        hint = difflib.get_close_matches(ident, [c.id for c in self.cases], n=1)
        raise ConfigError(f"{self.source}: no case {ident!r}" + (f' (did you mean "{hint[0]}"?)' if hint else "")
                          + "; the ids are in the [[case]] tables' id keys.")


class _Problems:
    """Every problem of a corpus at once, each naming the case and the key."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.items: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.items.append(f"{where}: {message}")

    def raise_if_any(self) -> None:
        if self.items:
            lines = "\n".join(f"  - {item}" for item in self.items[:40])
            more = f"\n  ... and {len(self.items) - 40} more" if len(self.items) > 40 else ""
            raise ConfigError(f"{self.source}: invalid draft corpus:\n{lines}{more}\n"
                              f"The comment at the top of tests/data/drafts.toml explains every key.")


def load_corpus(path: str | Path) -> Corpus:
    """Read a corpus file; a ConfigError names the file, the case and the key of every problem."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: can't read the draft corpus: {exc}. Check the path and that it is UTF-8.") \
            from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}.") from None
    return parse_corpus(data, source=str(path))


def parse_corpus(data: Mapping[str, Any], *, source: str = "<memory>") -> Corpus:
    """Validate a decoded corpus; raises one ConfigError listing every problem."""
    from replydraft.config import parse as parse_config

    problems = _Problems(source)
    _unknown(data, _TOP_KEYS, "the top level", problems)
    now = data.get("now")
    if not isinstance(now, datetime) or now.tzinfo is None:
        problems.add("now", "expected a date and time with a zone, such as 2026-12-01T10:00:00Z")
        now = datetime(2026, 1, 1, tzinfo=UTC)
    policy_table = data.get("policy", {})
    try:
        config = parse_config({"policy": policy_table}, source=f"{source} [policy]")
    except ConfigError as exc:
        problems.add("[policy]", str(exc).split("\n`replydraft init")[0].replace("\n", " "))
        from replydraft.config import Policy
        policy, detector = Policy(), DetectorSettings()
    else:
        policy, detector = config.policy, config.detector
    raw_cases = data.get("case", [])
    if not isinstance(raw_cases, list) or not raw_cases:
        problems.add("case", "expected one or more [[case]] tables")
        raw_cases = []
    cases: list[Case] = []
    seen: set[str] = set()
    for index, item in enumerate(raw_cases):
        parsed = _case(item, index, problems, seen, policy.currency)
        if parsed is not None:
            cases.append(parsed)
    problems.raise_if_any()
    return Corpus(source, now, policy, detector, tuple(cases))


def _unknown(data: Mapping[str, Any], known: set[str], where: str, problems: _Problems) -> None:
    for key in data:
        if key not in known:
            hint = difflib.get_close_matches(key, sorted(known), n=1)
            problems.add(where, f"unknown key {key!r}" + (f' (did you mean "{hint[0]}"?)' if hint else ""))


def _case(item: Any, index: int, problems: _Problems, seen: set[str], currency: str) -> Case | None:
    if not isinstance(item, dict):
        problems.add(f"case[{index}]", "expected a [[case]] table")
        return None
    before = len(problems.items)
    ident = item.get("id")
    if not isinstance(ident, str) or not _ID.match(ident):
        problems.add(f"case[{index}].id", f"expected a kebab-case id such as \"chargeback-double-charge\", "
                     f"got {ident!r}")
        ident = f"case[{index}]"
    elif ident in seen:
        problems.add(f"case {ident!r}.id", "this id is used by an earlier case; ids must be unique")
    seen.add(ident)
    where = f"case {ident!r}"
    _unknown(item, _CASE_KEYS, where, problems)

    def get(key: str, kind: type, what: str, default: Any = None, required: bool = False) -> Any:
        if key not in item:
            if required:
                problems.add(f"{where}.{key}", f"missing ({what}); every case needs id, from, subject and body")
            return default
        value = item[key]
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            problems.add(f"{where}.{key}", f"expected {what}, got {value!r}")
            return default
        return value

    sender = get("from", str, 'a From header such as "Daniel Kim <daniel@example.net>"', "", required=True)
    if sender and "@" not in email.utils.parseaddr(sender)[1]:
        problems.add(f"{where}.from", f"expected a From header with an address, got {sender!r}")
    subject = get("subject", str, "a string", "", required=True)
    body = get("body", str, "the message text", "", required=True)
    if "body" in item and isinstance(body, str) and not body.strip():
        problems.add(f"{where}.body", "the message is empty")
    signals = tuple(_strings(item, "signals", where, problems))
    for s in signals:
        if s not in SIGNALS:
            problems.add(f"{where}.signals", f"unknown signal {s!r}; use {', '.join(SIGNALS)}")
    cases = get("cases", dict, "a table of signal = case", {})
    for signal, name in cases.items():
        if signal not in CASES:
            problems.add(f"{where}.cases", f"unknown signal {signal!r}; use {', '.join(SIGNALS)}")
        elif name not in CASES[signal]:
            problems.add(f"{where}.cases.{signal}", f"unknown case {name!r}; use {' or '.join(CASES[signal])}")
        elif signal not in signals:
            problems.add(f"{where}.cases.{signal}", f"{signal} is not in signals; a case is the answer to a "
                         "signal the message raises, so list it there too")
    mentions = tuple(_strings(item, "mentions", where, problems))
    avoid = tuple(_strings(item, "avoid", where, problems))
    call_offer = get("call_offer", bool, "true or false")
    max_words = get("max_words", int, "a number of words")
    if isinstance(max_words, int) and max_words < 1:
        problems.add(f"{where}.max_words", f"expected 1 or more words, got {max_words}")
    wanted = get("draft", bool, "true or false")
    if wanted is False:
        for key in ("mentions", "avoid", "call_offer", "max_words", "cases"):
            if key in item:
                problems.add(f"{where}.{key}", "draft = false: there is no reply to check this in")
    escalates = get("escalates", bool, "true or false")
    if escalates is False:
        for key in ("signals", "draft", "mentions", "avoid", "call_offer", "max_words", "cases"):
            if key in item:
                problems.add(f"{where}.{key}", "escalates = false: no signal and no draft to check this in")
    ledger = _ledger(item.get("ledger", []), sender, where, problems, currency)
    expectations = ("signals", "cases", "mentions", "avoid", "call_offer", "max_words", "draft", "escalates")
    if not any(key in item for key in expectations):
        problems.add(where, f"no expectation to check; give it one or more of {', '.join(expectations)}")
    if len(problems.items) > before:
        return None
    return Case(ident, sender, subject, body, signals, dict(cases), mentions, avoid, call_offer, max_words, wanted,
                ledger, escalates)


def _strings(item: Mapping[str, Any], key: str, where: str, problems: _Problems) -> list[str]:
    value = item.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.add(f"{where}.{key}", f"expected a list of non-empty strings, got {value!r}")
        return []
    return value


def _ledger(rows: Any, sender: str, where: str, problems: _Problems, currency: str) -> tuple[Invoice, ...]:
    if not isinstance(rows, list):
        problems.add(f"{where}.ledger", "expected a list of { invoice, amount, currency, due } tables")
        return ()
    customer = email.utils.parseaddr(sender)[1].lower()
    out = []
    for i, row in enumerate(rows):
        at = f"{where}.ledger[{i}]"
        if not isinstance(row, dict):
            problems.add(at, "expected a table { invoice, amount, currency, due }")
            continue
        _unknown(row, _LEDGER_KEYS, at, problems)
        number, amount, due = row.get("invoice"), row.get("amount"), row.get("due")
        if not isinstance(number, str) or not number.strip():
            problems.add(f"{at}.invoice", f"expected an invoice number, got {number!r}")
            continue
        try:
            value = Decimal(str(amount)) if isinstance(amount, (str, int, float)) and not isinstance(amount, bool) \
                else None
        except InvalidOperation:
            value = None
        if value is None or not value.is_finite() or value <= 0:
            problems.add(f"{at}.amount", f'expected a positive amount such as "4800.00", got {amount!r}')
            continue
        if isinstance(due, str):
            with contextlib.suppress(ValueError):
                due = date.fromisoformat(due)
        if not isinstance(due, date) or isinstance(due, datetime):
            problems.add(f"{at}.due", f"expected a date such as 2026-11-02, got {due!r}")
            continue
        ccy = row.get("currency", currency)
        if not isinstance(ccy, str) or not re.fullmatch(r"[A-Za-z]{3}", ccy):
            problems.add(f"{at}.currency", f'expected a currency code such as "USD", got {ccy!r}')
            continue
        out.append(Invoice(customer, number.strip(), value, ccy.upper(), due))
    return tuple(out)


# -- one case checked ------------------------------------------------------------------------


@dataclass(frozen=True)
class Check:
    kind: str        # one of CHECKS
    ok: bool
    detail: str = ""  # what failed, in a few words


@dataclass(frozen=True)
class Result:
    case: Case
    signals: tuple[str, ...]             # what detection raised
    cases: Mapping[str, str]             # what the draft answered
    reply: str | None                    # the reply before the quoted original; None: no draft
    needs_person: str
    checks: tuple[Check, ...]

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)

    @property
    def words(self) -> int | None:
        return None if self.reply is None else reply_words(self.reply)

    @property
    def failed(self) -> tuple[Check, ...]:
        return tuple(c for c in self.checks if not c.ok)


def reply_text(outcome: Outcome) -> str | None:
    """The draft's own text: before the quoted original, without the notes for the reviewer."""
    if outcome.draft is None:
        return None
    body = outcome.draft.body
    cut = body.rfind("\n\n" + quote(outcome.email))
    text = body[:cut] if cut >= 0 else body
    return "\n".join(line for line in text.splitlines() if not line.startswith(NOTE_PREFIX)).strip()


def _core(reply: str) -> str:
    """The reply without its greeting line and its sign-off block ("Kind regards," and below)."""
    lines = reply.strip().splitlines()
    if lines and _GREETING.match(lines[0].strip()):
        lines = lines[1:]
    for i in range(len(lines) - 1, max(len(lines) - 6, -1), -1):
        line = lines[i].strip()
        if line == "--" or _SIGN_OFF.match(line):
            lines = lines[:i]
            break
    return "\n".join(lines).strip()


def reply_words(reply: str) -> int:
    """How many words the reply says, its greeting and sign-off left out."""
    return len(_core(reply).split())


def check(case: Case, outcome: Outcome) -> Result:
    """``outcome`` (the pipeline's, for ``case``'s message) against ``case``'s expectations."""
    reply = reply_text(outcome)
    found = outcome.detection.names
    checks: list[Check] = []
    if case.signals:
        missing = [s for s in case.signals if s not in found]
        checks.append(Check("signals", not missing, "missed " + ",".join(_short(s) for s in missing)))
    if case.cases:
        wrong = [f"{_short(s)}:{outcome.cases.get(s, '-')}!={c}" for s, c in case.cases.items()
                 if outcome.cases.get(s) != c]
        checks.append(Check("cases", not wrong, " ".join(wrong)))
    if case.escalates is False:
        checks.append(Check("escalates", not found and reply is None, "raised " + ",".join(_short(s) for s in found)))
    if case.draft is not None:
        if case.draft:
            checks.append(Check("draft", reply is not None, "no draft" + (f" ({outcome.needs_person})"
                                                                          if outcome.needs_person else "")))
        else:
            ok = reply is None and bool(outcome.needs_person)
            checks.append(Check("draft", ok, "drafted" if reply is not None else "not marked for a person"))
    text = (reply or "").lower()
    if case.mentions:
        missing = [m for m in case.mentions if m.lower() not in text]
        checks.append(Check("mentions", reply is not None and not missing,
                            "no draft" if reply is None else "missing " + ", ".join(repr(m) for m in missing)))
    if case.avoid:
        used = [a for a in case.avoid if a.lower() in text]
        checks.append(Check("avoid", reply is not None and not used,
                            "no draft" if reply is None else "says " + ", ".join(repr(a) for a in used)))
    if case.call_offer is not None:
        offers = reply is not None and bool(CALL_OFFER.search(_core(reply)))
        checks.append(Check("call_offer", reply is not None and offers == case.call_offer,
                            "no draft" if reply is None else ("no call offer" if case.call_offer else "offers a call")))
    if case.max_words is not None:
        words = None if reply is None else reply_words(reply)
        checks.append(Check("max_words", words is not None and words <= case.max_words,
                            "no draft" if words is None else f"{words}>{case.max_words} words"))
    return Result(case, found, dict(outcome.cases), reply, outcome.needs_person, tuple(checks))


_SHORT = {"review_threat": "review", "legal_threat": "legal", "out_of_scope_demand": "scope",
          "overdue_payment": "overdue", "ultimatum": "ultimatum", "abusive_language": "abuse"}


def _short(signal: str) -> str:
    return _SHORT.get(signal, signal)


# -- the whole corpus ------------------------------------------------------------------------


def message_bytes(case: Case, now: datetime) -> bytes:
    """The case as the mail the daemon would read: sent an hour before ``now``, to the drafts' account."""
    msg = EmailMessage(policy=email.policy.default)
    msg["From"] = case.sender
    msg["To"] = ACCOUNT_ADDRESS
    msg["Subject"] = case.subject
    msg["Date"] = email.utils.format_datetime(now - timedelta(hours=1))
    msg["Message-ID"] = f"<{case.id}@acceptance.invalid>"
    msg.set_content(case.body, charset="utf-8")
    return msg.as_bytes(policy=email.policy.SMTP)


@dataclass(frozen=True)
class Report:
    results: tuple[Result, ...]

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results)

    def passing(self, kind: str) -> tuple[int, int]:
        """(checks of this kind that passed, checks of this kind)."""
        checks = [c for r in self.results for c in r.checks if c.kind == kind]
        return sum(c.ok for c in checks), len(checks)

    def format(self, width: int = 60) -> str:
        head = ("case", "signals", "cases", "words", "result")
        rows = [(r.case.id, ",".join(_short(s) for s in r.signals) or "-",
                 ",".join(f"{_short(s)}:{c}" for s, c in r.cases.items()) or "-",
                 "-" if r.words is None else (f"{r.words}/{r.case.max_words}" if r.case.max_words else str(r.words)),
                 "ok" if r.ok else _cut("; ".join(f"{c.kind}: {c.detail}" for c in r.failed), width))
                for r in self.results]
        widths = [max(len(row[i]) for row in (head, *rows)) for i in range(len(head))]
        lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
                 for row in (head, tuple("-" * w for w in widths), *rows)]
        passed = sum(r.ok for r in self.results)
        lines += ["", f"cases passing: {passed}/{len(self.results)}",
                  "checks passing: " + ", ".join(f"{kind} {ok}/{n}" for kind in CHECKS
                                                 for ok, n in [self.passing(kind)] if n)]
        replies = [r.words for r in self.results if r.words is not None]
        messages = [r.case.words for r in self.results if r.words is not None]
        if replies:
            lines.append(f"median words: reply {statistics.median(replies):g}, message "
                         f"{statistics.median(messages):g} (over the {len(replies)} cases with a draft)")
        return "\n".join(lines)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def run(corpus: Corpus, config: Config | None = None, only: Sequence[str] | None = None) -> Report:
    """Every case (or those in ``only``) through ``classify`` and ``draft`` and checked: under the
    corpus's [policy] and the built-in templates, or ``config``'s policy, rules and templates."""
    if config is not None:
        policy, settings, templates_dir = config.policy, config.detector, config.templates_dir
        signal_templates, grace = config.signal_templates, config.ledger.grace_days if config.ledger else 0
    else:
        policy, settings, templates_dir, signal_templates, grace = corpus.policy, corpus.detector, None, {}, 0
    detector, renderer = Detector(settings), Renderer.create(templates_dir)
    results = []
    for case in corpus.cases:
        if only is not None and case.id not in only:
            continue
        ctx = Context(account="acceptance", from_address=ACCOUNT_ADDRESS, policy=policy, detector=detector,
                      renderer=renderer, now=corpus.now, invoices=case.ledger, grace_days=grace,
                      signal_templates=signal_templates)
        raw = message_bytes(case, corpus.now)
        classified = classify(raw, ctx.inputs)
        results.append(check(case, draft(classified, source_key(raw, classified.email), ctx)))
    return Report(tuple(results))

