"""``replydraft templates lint``: every template, every tone, rendered before a customer sees it.

Compiles every ``.j2`` file on the search path (a syntax error anywhere is found, even
in a file nothing uses yet), then renders a reply for each signal alone, each pair and
all together, in every tone, with the policy fields both filled and empty, with none,
one and two overdue invoices. Strict undefined variables make a misspelt name an error;
an empty reply or block is an error; a sentence said twice or a leftover ``{{`` is a
warning. Each problem names the file and line where Jinja can tell.
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
from replydraft.detection.detector import SIGNALS, Detection, Evidence, Signal
from replydraft.detection.scope import Scope
from replydraft.errors import TemplateError
from replydraft.message.extract import parse
from replydraft.reply.context import ReplyInputs, reply_context
from replydraft.reply.ledger import Invoice, OverdueInvoice
from replydraft.reply.render import LAYOUT, Renderer, signal_template
from replydraft.reply.voice import Choice, History

__all__ = ["LintReport", "lint", "repeated_sentences", "require_clean"]

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


@dataclass
class LintReport:
    templates: int = 0
    tones: list[str] = field(default_factory=list)
    rendered: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

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


def lint(renderer: Renderer, config: Config) -> LintReport:
    """Every problem the templates of ``config`` have; no exception for template errors."""
    report = LintReport()
    _compile_all(renderer, report)
    tones = _tones(renderer, config, report)
    report.tones = tones
    for tone in tones:
        for policy in _policies(config.policy):
            for names, overdue in _cases():
                _render_case(renderer, config, policy, tone, names, overdue, report)
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


def _cases() -> list[tuple[tuple[str, ...], tuple[OverdueInvoice, ...]]]:
    combos = [(n,) for n in SIGNALS] + list(itertools.combinations(SIGNALS, 2)) + [tuple(SIGNALS)]
    cases: list[tuple[tuple[str, ...], tuple[OverdueInvoice, ...]]] = []
    for names in combos:
        for overdue in ((), _INVOICES[:1], _INVOICES) if "overdue_payment" in names else ((),):
            cases.append((names, overdue))
    return cases


def _render_case(renderer: Renderer, config: Config, policy: Policy, tone: str, names: tuple[str, ...],
                 overdue: tuple[OverdueInvoice, ...], report: LintReport) -> None:
    detection = Detection(tuple(Signal(n, 0.9, (Evidence("sample phrase", 0, 13, "lint"),))  # type: ignore[arg-type]
                                for n in names))
    templates = dict(config.signal_templates)
    for rule in config.policy.rules:
        templates.update(rule.templates)
    offender = tone != "standard" and config.policy.repeat_offender is not None \
        and tone == config.policy.repeat_offender.tone
    history = History((NOW - timedelta(days=3), NOW - timedelta(days=12))) if offender else History()
    choice = Choice(tone=tone, templates=templates, tier="key", repeat_offender=offender)
    context = reply_context(ReplyInputs(_SAMPLE, detection, policy, "RD-lint", NOW, overdue, history, choice))
    what = f"{' + '.join(names)} ({tone} tone{', ' + str(len(overdue)) + ' invoice(s)' if overdue else ''})"
    try:
        text = renderer.render_reply(context, tone)
        renderer.render_html(context, tone)
        report.rendered += 1
    except TemplateError as exc:
        report.add(report.errors, f"{exc} [rendering {what}]")
        return
    if not text.strip():
        report.add(report.errors, f"{renderer.filename(LAYOUT, tone)}: the reply for {what} is empty")
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
            if not renderer.render_block(block, context, tone):
                report.add(report.errors, f"{renderer.filename(block, tone)}: renders no text for {what}")
        except TemplateError as exc:
            report.add(report.errors, f"{exc} [rendering {what}]")
