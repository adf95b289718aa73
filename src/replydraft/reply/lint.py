"""``replydraft templates lint``: every template, every tone, rendered before a customer sees it.

Compiles every ``.j2`` file on the search path (a syntax error anywhere is found, even
in a file nothing uses yet), then renders a reply for every case of each signal alone, each
pair and all together, in every tone, with the policy fields both filled and empty, with
none, one and two overdue invoices, and for a bare and a full reading of the message.
Strict undefined variables make a misspelt name an error; an empty reply or block is an
error, and so is a claim stated where it was not checked (``CLAIMS``); a sentence said twice
or a leftover ``{{`` is a warning. Each problem names the file and line where Jinja can tell.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import jinja2

from replydraft.config import Config, Policy
from replydraft.detection.detector import SCOPE_RULE, SIGNALS, Detection, Evidence, Signal
from replydraft.detection.scope import Scope
from replydraft.errors import TemplateError
from replydraft.message.extract import parse
from replydraft.reply.context import CASES, ReplyInputs, reply_context
from replydraft.reply.ledger import Invoice, OverdueInvoice
from replydraft.reply.reading import Finding, Reading
from replydraft.reply.render import LAYOUT, Renderer, case_template, signal_template
from replydraft.reply.voice import Choice, History

__all__ = ["CLAIMS", "Claim", "LintReport", "lint", "repeated_sentences", "require_clean", "unchecked_claims"]

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
_SAMPLE = parse(b"From: Sam Sample <sam@client.example>\r\nSubject: Where is my order?\r\n"
                b"Date: Thu, 19 Nov 2026 09:30:00 +0000\r\nMessage-ID: <lint@client.example>\r\n\r\n"
                b"I want this fixed by Friday or I will leave a review.\r\n")
_INVOICES = tuple(
    OverdueInvoice(Invoice("sam@client.example", f"INV-10{n}", Decimal("1250.50") * n, "", date(2026, 10, n)), 50 - n)
    for n in (1, 2))
_FILLED = {"sender_name": "Dana Reyes", "signature": "Dana Reyes\nClient Success", "phone": "+1 555 0100",
           "escalation_contact": "our counsel, Jo Park (legal@example.com)", "terms_url": "https://example.com/terms",
           "payment_link": "https://example.com/pay", "business_hours": "Monday to Friday, 9:00-17:00"}
# A line starting with a space (but not "  - " list items), two spaces, " ." or " ,", or "()".
_HOLE = re.compile(r"^ (?! ?- )\S.{0,30}|\S  +\S.{0,20}|\w \s*[.,;:](?!\w)|\(\s*\)", re.MULTILINE)
_SENTENCE = re.compile(r"[^.!?\n]{25,}?[.!?](?=\s|$)")

# Facts a reply may state only when they were checked: (what, the context test that makes it
# true, the words that state it). ``account`` is never checked: nothing looks an account up.
CLAIMS: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    ("a balance or an overdue invoice", "verified.ledger", re.compile(
        r"\b(?:our|my)\s+records\s+show|\boutstanding\s+(?:balance|amount|invoices?)\b|\b(?:is|are)\s+(?:now\s+)?"
        r"(?:past\s+due|overdue)\b|\bunpaid\s+(?:balance|invoices?)\b", re.IGNORECASE)),
    ("that the request is outside the agreement", "verified.scope", re.compile(
        r"\b(?:is|are|sits?|falls?|lies|goes)\s+(?:well\s+|clearly\s+)?outside\b|\boutside\s+(?:of\s+)?(?:the\s+|our\s+)?"
        r"(?:agreed\s+)?(?:scope|agreement|contract)\b|\bnot\s+(?:part\s+of|covered\s+by|included\s+in)\s+"
        r"(?:it|the|our|your)\b", re.IGNORECASE)),
    ("that the account was looked at", "verified.account", re.compile(
        r"\b(?:reviewed|checked|looked\s+(?:at|into)|gone\s+(?:back\s+)?(?:through|over))\b[^.!?]{0,40}?"
        r"\byour\s+(?:account|history|records|file)\b", re.IGNORECASE)),
    ("that the service continues", "not reading.leaving", re.compile(
        r"\bservice\s+(?:continues|will\s+continue|is\s+not\s+affected|remains)\b|\bcontinues?\s+unchanged\b",
        re.IGNORECASE)),
)


@dataclass
class LintReport:
    templates: int = 0
    tones: list[str] = field(default_factory=list)
    rendered: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    claims: set[tuple[str, str]] = field(default_factory=set)   # (file, claim) already reported

    def add(self, bucket: list[str], message: str) -> None:
        if message not in bucket:
            bucket.append(message)


def repeated_sentences(text: str) -> list[str]:
    """Sentences (of some length) that occur more than once in a reply."""
    seen: set[str] = set()
    twice: list[str] = []
    for m in _SENTENCE.finditer(text):
        sentence = " ".join(m.group().split())
        if sentence in seen and sentence not in twice:
            twice.append(sentence)
        seen.add(sentence)
    return twice


@dataclass(frozen=True)
class Claim:
    """One of ``CLAIMS`` found stated where it was not checked."""
    what: str
    test: str
    phrase: str

    def __str__(self) -> str:
        return f"{self.what} ({self.phrase!r}) where it was not checked; state it only inside {{% if {self.test} %}}"


def unchecked_claims(text: str, context: dict[str, Any]) -> list[Claim]:
    """The ``CLAIMS`` that ``text`` states although ``context`` says they were not checked."""
    checked = {**{f"verified.{k}": v for k, v in context["verified"].items()},
               "not reading.leaving": not context["reading"]["leaving"]}
    return [Claim(what, test, m.group()) for what, test, pattern in CLAIMS
            if not checked[test] and (m := pattern.search(text))]


def lint(renderer: Renderer, config: Config) -> LintReport:
    """Every problem the templates of ``config`` have; no exception for template errors."""
    report = LintReport()
    _compile_all(renderer, report)
    tones = _tones(renderer, config, report)
    report.tones = tones
    for tone in tones:
        for policy in _policies(config.policy):
            for case in _cases():
                _render_case(renderer, config, policy, tone, case, report)
    return report


def require_clean(renderer: Renderer, config: Config, report: LintReport | None = None) -> LintReport:
    """``lint`` (or its ``report``), raising one TemplateError that lists every error."""
    report = report or lint(renderer, config)
    if report.errors:
        problems = "\n".join(f"  - {e}" for e in report.errors)
        raise TemplateError(f"{len(report.errors)} template problem(s) in {renderer.search_path()}:\n{problems}")
    return report


def _compile_all(renderer: Renderer, report: LintReport) -> None:
    names = renderer.template_names()
    report.templates = len([n for n in names if n.endswith(".j2")])
    env = renderer.env()
    for name in names:
        if not name.endswith(".j2"):
            continue
        try:
            source, filename, _ = env.loader.get_source(env, name)  # type: ignore[union-attr]
            env.parse(source, name, filename)
        except jinja2.TemplateSyntaxError as exc:
            report.add(report.errors, f"{exc.filename or name}:{exc.lineno}: {exc.message}")


def _tones(renderer: Renderer, config: Config, report: LintReport) -> list[str]:
    available = renderer.tones()
    wanted = {rule.tone for rule in config.policy.rules if rule.tone}
    if config.policy.repeat_offender:
        wanted.add(config.policy.repeat_offender.tone)
    for tone in sorted(wanted - set(available)):
        report.add(report.errors, f"tone {tone!r} is used in the config but no folder tones/{tone}/ exists in "
                                  f"{renderer.search_path()}")
    return available


def _policies(policy: Policy) -> list[Policy]:
    """The configured policy with every optional field filled, and with every one empty."""
    filled_values: dict[str, Any] = {k: getattr(policy, k) or v for k, v in _FILLED.items()}
    bare_values: dict[str, Any] = {k: "" for k in _FILLED}
    included = policy.scope if policy.scope.included else Scope(("logo design", "two rounds of revisions"))
    return [replace(policy, **filled_values, scope=included), replace(policy, **bare_values, scope=Scope())]


@dataclass(frozen=True)
class _Case:
    """One reply to render: the signals, the case each answers, and what the reading found."""
    names: tuple[str, ...]
    overdue: tuple[OverdueInvoice, ...] = ()
    reading: Reading = field(default_factory=Reading)
    scope: bool = False                 # the demand named an item [policy.scope] excludes

    def describe(self, tone: str) -> str:
        extra = [f"{len(self.overdue)} invoice(s)"] if self.overdue else []
        if self.reading.issue:
            extra.append("full reading")
        return f"{' + '.join(self.names)} ({tone} tone{''.join(', ' + e for e in extra)})"


def _found(kind: str, value: str = "") -> Finding:
    return Finding(kind, value, Evidence(value or kind, 0, len(value or kind), "lint"))


# A reading that found everything a template may use, and one reading per case of a signal.
_FULL = Reading(asks=(_found("refund"), _found("cancel")),
                facts=(_found("order", "55120"), _found("invoice", "INV-2001"), _found("amount", "$89"),
                       _found("date", "May")),
                issue="we renewed your plan twice after you cancelled in May", contacts=4, words=140)
_CASE_READINGS: dict[str, dict[str, Reading]] = {
    "legal_threat": {"litigation": Reading(legal=(_found("litigation"),)),
                     "chargeback": Reading(legal=(_found("chargeback"),)),
                     "regulator": Reading(legal=(_found("regulator"),)),
                     "data_protection": Reading(legal=(_found("data_protection"),), asks=(_found("delete_data"),))},
    "abusive_language": {kind: Reading(anger=_found(kind)) for kind in ("staff", "situation")},
    "overdue_payment": {"withholding": Reading(facts=(_found("invoice", "INV-2001"),)), "ledger": Reading()},
    "out_of_scope_demand": {"extra_work": Reading(), "dispute": Reading(asks=(_found("compensation"),))},
    "review_threat": {kind: Reading(review=_found(kind)) for kind in ("pending", "done")},
    "ultimatum": {"deadline": Reading(deadline=_found("deadline", "Friday")),
                  "leaving": Reading(leaving=_found("leaving"), asks=(_found("cancel"),))},
}


def _cases() -> list[_Case]:
    cases: list[_Case] = []
    for name in SIGNALS:                      # every case of each signal alone
        for case, reading in _CASE_READINGS[name].items():
            overdue_options = ((), _INVOICES[:1], _INVOICES) if case == "ledger" else ((),)
            cases += [_Case((name,), overdue, reading, scope) for overdue in overdue_options
                      for scope in ((False, True) if case == "extra_work" else (False,))]
    combos = [*itertools.combinations(SIGNALS, 2), tuple(SIGNALS)]
    for names in combos:                      # pairs and all, with a bare and a full reading
        for reading in (Reading(), _FULL):
            cases.append(_Case(names, _INVOICES[:1] if "overdue_payment" in names else (), reading))
    assert all(set(_CASE_READINGS[n]) == set(CASES[n]) for n in SIGNALS), "a case without a lint reading"
    return cases


def _render_case(renderer: Renderer, config: Config, policy: Policy, tone: str, case: _Case,
                 report: LintReport) -> None:
    names, overdue = case.names, case.overdue
    detection = Detection(tuple(
        Signal(n, 0.9, (Evidence("sample phrase", 0, 13, SCOPE_RULE if case.scope else "lint"),))  # type: ignore[arg-type]
        for n in names))
    templates = dict(config.signal_templates)
    for rule in config.policy.rules:
        templates.update(rule.templates)
    offender = tone != "standard" and config.policy.repeat_offender is not None \
        and tone == config.policy.repeat_offender.tone
    history = History((NOW - timedelta(days=3), NOW - timedelta(days=12))) if offender else History()
    choice = Choice(tone=tone, templates=templates, tier="key", repeat_offender=offender)
    context = reply_context(ReplyInputs(_SAMPLE, detection, policy, "RD-lint", NOW, overdue, history, choice,
                                        reading=case.reading))
    what = case.describe(tone)
    try:
        text = renderer.render_reply(context, tone)
        renderer.render_html(context, tone)
        report.rendered += 1
    except TemplateError as exc:
        report.add(report.errors, f"{exc} [rendering {what}]")
        return
    if not text.strip():
        report.add(report.errors, f"{renderer.filename(LAYOUT, tone)}: the reply for {what} is empty")
    for claim in unchecked_claims(text, context):
        where = _stated_in(renderer, context, tone, claim.what)
        if (where, claim.what) not in report.claims:    # once per file and claim, for the first reply
            report.claims.add((where, claim.what))
            report.add(report.errors, f"{where}: the reply for {what} states {claim}")
    for sentence in repeated_sentences(text):
        report.add(report.warnings, f"the reply for {what} says twice: {sentence!r}")
    if "{{" in text or "{%" in text or "None" in text.split():
        report.add(report.warnings, f"the reply for {what} has a leftover placeholder or 'None'")
    if hole := _HOLE.search(text):
        report.add(report.warnings, f"the reply for {what} has a stray space, a space before punctuation or "
                                    f"empty brackets (an empty value?): {hole.group()!r}")
    if len(names) == 1:
        block = templates.get(names[0]) or signal_template(names[0])
        try:
            if not renderer.render_block(block, {**context, "signal": context["signals"][0]}, tone):
                report.add(report.errors, f"{renderer.filename(block, tone)}: renders no text for {what}")
        except TemplateError as exc:
            report.add(report.errors, f"{exc} [rendering {what}]")


def _stated_in(renderer: Renderer, context: dict[str, Any], tone: str, what: str) -> str:
    """The file that states a claim: the signal block (or its case file) that renders it, else the
    opening or next steps, else the layout."""
    blocks = [(name, {**context, "signal": signal}) for signal in context["signals"]
              for name in (case_template(signal["name"], signal["case"]), signal["template"])]
    blocks += [(name, context) for name in ("opening.txt.j2", "next_steps.txt.j2")]
    for name, block_context in blocks:
        if not renderer.has(name, tone):
            continue
        try:
            text = renderer.render_block(name, block_context, tone)
        except TemplateError:
            continue
        if any(c.what == what for c in unchecked_claims(text, context)):
            return renderer.filename(name, tone)
    return renderer.filename(LAYOUT, tone)
