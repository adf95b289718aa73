"""Reply templates: every signal and combination reads well, customer text stays data, tones
and overrides resolve by name, and broken templates fail loudly with file:line."""

from __future__ import annotations

import email
import email.policy
import itertools
import re
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from replydraft.config import Policy
from replydraft.detection.detector import SIGNALS, Detection, Evidence, Signal
from replydraft.detection.scope import Scope
from replydraft.errors import TemplateError
from replydraft.message.extract import parse
from replydraft.reply.context import ReplyInputs, excerpt, first_name, reply_context
from replydraft.reply.draft import build_draft
from replydraft.reply.formatting import Formatter, check_currency, check_locale, plural
from replydraft.reply.ledger import Invoice, OverdueInvoice
from replydraft.reply.lint import repeated_sentences
from replydraft.reply.render import Renderer, builtin_templates_dir, join_and
from replydraft.reply.voice import Choice, History

NOW = datetime(2026, 11, 20, 10, tzinfo=UTC)
POLICY = Policy(company="Acme Design Co", sender_name="Dana Reyes", signature="Dana Reyes\nAcme", phone="555 0100",
                payment_link="https://acme.test/pay", terms_url="https://acme.test/terms", locale="en_GB",
                currency="EUR", scope=Scope(("logo design", "two rounds of revisions"), ("copywriting",)))
INVOICES = tuple(OverdueInvoice(Invoice("jane@x.example", f"INV-{n}", Decimal("1250.5") * n, "EUR",
                                        date(2026, 10, n)), 50 - n) for n in (1, 2))
NO_CHOICE, NO_HISTORY = Choice(), History()


def context(names: tuple[str, ...], sender: str = "Jane Doe <jane@x.example>", subject: str = "Help",
            evidence: str = "1-star review", policy: Policy = POLICY, overdue: tuple[OverdueInvoice, ...] = (),
            choice: Choice = NO_CHOICE, history: History = NO_HISTORY, body: str = "body") -> dict[str, object]:
    msg = parse(f"From: {sender}\r\nSubject: {subject}\r\nDate: Thu, 19 Nov 2026 09:30:00 +0000\r\n\r\n{body}\r\n"
                .encode())
    detection = Detection(tuple(Signal(n, 0.9, (Evidence(evidence, 0, len(evidence), "t"),))  # type: ignore[arg-type]
                                for n in names))
    return reply_context(ReplyInputs(msg, detection, policy, "RD-1", NOW, overdue, history, choice))


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer.create()


# -- the built-in replies read as something a professional would send -------------------------

COMBINATIONS = [c for k in range(1, len(SIGNALS) + 1) for c in itertools.combinations(SIGNALS, k)]


@pytest.mark.parametrize("tone", ["standard", "firm"])
@pytest.mark.parametrize("bare", [False, True], ids=["filled-policy", "bare-policy"])
def test_every_combination_reads_cleanly(renderer: Renderer, tone: str, bare: bool) -> None:
    policy = Policy(company="Acme Design Co") if bare else POLICY
    history = History((NOW - timedelta(days=2), NOW - timedelta(days=9)))
    for names in COMBINATIONS:
        for overdue in ((), INVOICES[:1], INVOICES) if "overdue_payment" in names else ((),):
            text = renderer.render_reply(context(names, policy=policy, overdue=overdue, history=history,
                                                 choice=Choice(tone=tone)), tone)
            where = f"{names} {tone} {len(overdue)} invoice(s)"
            assert text.startswith("Hello Jane,\n\n"), where
            assert text.rstrip().endswith("Dana Reyes\nAcme" if not bare else "Acme Design Co"), where
            assert repeated_sentences(text) == [], where
            assert "{{" not in text and "{%" not in text and "None" not in text.split(), where
            assert "\n\n\n" not in text and "  " not in text.replace("\n  - ", ""), where
            assert not re.search(r"\s[,.]|\(\)|,,", text), where      # no hole left by an empty value
            if "legal_threat" in names:
                assert "won't comment on the substance" in text, where


def test_a_legal_threat_gets_a_short_holding_reply(renderer: Renderer) -> None:
    text = renderer.render_reply(context(("legal_threat", "abusive_language", "review_threat", "ultimatum")))
    assert "won't comment on the substance" in text
    assert "rather than to people" in text               # the boundary on tone still goes with it
    assert "free to share your experience" not in text   # nothing that argues or promises
    assert "call me on" not in text


def test_blocks_follow_the_policy_order(renderer: Renderer) -> None:
    text = renderer.render_reply(context(("ultimatum", "review_threat", "out_of_scope_demand", "overdue_payment",
                                          "abusive_language"), overdue=INVOICES))
    order = ["rather than to people", "past due", "against our agreement", "share your experience", "can't wait"]
    positions = [text.index(marker) for marker in order]
    assert positions == sorted(positions), text


def test_invoices_use_plurals_and_the_locale(renderer: Renderer) -> None:
    one = renderer.render_reply(context(("overdue_payment",), overdue=INVOICES[:1]))
    assert "1 open invoice past due" in one and "49 days overdue" in one and "€1,250.50" in one
    assert "1 October 2026" in one and "problem with an invoice" in one and "in total" not in one
    two = renderer.render_reply(context(("overdue_payment",), overdue=INVOICES))
    assert "2 open invoices past due" in two and "That is €3,751.50 in total." in two
    german = context(("overdue_payment",), overdue=INVOICES, policy=Policy(locale="de_DE", currency="EUR"))
    assert german["invoices"][0]["amount"] == "1.250,50\xa0€"                 # type: ignore[index]
    assert german["invoices"][0]["due_date"] == "1. Oktober 2026"            # type: ignore[index]


def test_mixed_currencies_get_no_total() -> None:
    mixed = (INVOICES[0], OverdueInvoice(Invoice("jane@x.example", "INV-9", Decimal(5), "USD", date(2026, 9, 1)), 80))
    assert context(("overdue_payment",), overdue=mixed)["invoices_total"] == ""


def test_scope_names_what_the_agreement_covers(renderer: Renderer) -> None:
    text = renderer.render_reply(context(("out_of_scope_demand",)))
    assert "which covers logo design and two rounds of revisions" in text


def test_firm_tone_for_a_repeat_offender(renderer: Renderer) -> None:
    history = History((NOW - timedelta(days=3), NOW - timedelta(days=20)))
    text = renderer.render_reply(context(("abusive_language", "ultimatum"), history=history,
                                         choice=Choice(tone="firm", repeat_offender=True)), "firm")
    assert "2 similar exchanges in the last 30 days" in text
    assert "will not respond to insults aimed at our team" in text
    assert "Kind regards" in text                       # files the tone doesn't change fall back


# -- the context ----------------------------------------------------------------------------

def test_context_has_every_documented_variable() -> None:
    history = History((NOW - timedelta(days=10), NOW - timedelta(days=60)))
    ctx = context(("overdue_payment",), overdue=INVOICES, history=history,
                  choice=Choice(tier="key", repeat_offender=False), body="I will not pay. " * 40)
    assert ctx["customer"] == {"name": "Jane Doe", "first_name": "Jane", "email": "jane@x.example",
                               "domain": "x.example", "tier": "key"}
    message = ctx["message"]
    assert message["subject"] == "Help" and message["date"] == "19 November 2026"   # type: ignore[index]
    assert message["excerpt"].endswith("…") and len(message["excerpt"]) <= 301   # type: ignore[index]
    assert ctx["history"] == {"incidents_30d": 1, "incidents_90d": 2, "last_date": "10 November 2026",
                              "repeat_offender": False}
    assert set(ctx["policy"]) == {"company", "sender_name", "signature", "phone", "escalation_contact",  # type: ignore[arg-type]
                                  "terms_url", "payment_link", "business_hours", "response_time",
                                  "data_request_time", "scope_included", "scope_excluded"}
    assert ctx["signals"][0]["evidence"] == ["1-star review"]                      # type: ignore[index]
    assert ctx["signals"][0]["template"] == "signals/overdue_payment.txt.j2"       # type: ignore[index]
    assert ctx["signals"][0]["case"] == "ledger" and ctx["cases"]["overdue_payment"] == "ledger"  # type: ignore[index]
    assert ctx["verified"] == {"ledger": True, "scope": False, "account": False}
    doc = (Path(__file__).parents[1] / "docs" / "templates.md").read_text()
    for name in ("customer.tier", "message.excerpt", "history.incidents_30d", "history.last_date",
                 "policy.payment_link", "policy.business_hours", "invoices_total", "tone", "today",
                 "policy.response_time", "reading.issue", "reading.facts", "reading.about", "reading.topic",
                 "reading.refs", "reading.matter", "reading.held_until", "reading.request", "reading.contacts",
                 "reading.asks", "reading.leaving", "reading.deadline_phrase", "reading.short", "cases",
                 "signal.case", "verified.ledger", "verified.scope", "offer_call"):
        assert f"`{name}" in doc, f"{name} is not documented in docs/templates.md"


def test_first_names() -> None:
    assert first_name("Jane Doe") == "Jane"
    assert first_name("Doe, Jane") == "Jane"
    assert first_name("JANE DOE") == "Jane"
    assert first_name("jane@x.example") == ""
    assert first_name("Acme 2000 Ltd") == ""
    assert first_name("{{ 7*7 }}") == ""
    assert first_name("Dr Anika Patel") == "Dr Patel" and first_name("DR. PATEL") == "Dr Patel"
    assert first_name("Dr") == "" and first_name("Mr. Smith") == "Mr Smith"


def test_excerpt_and_helpers() -> None:
    assert excerpt("  short\n text ") == "short text"
    assert excerpt("word " * 100, limit=20) == "word word word word…"
    assert plural(1, "invoice") == "1 invoice" and plural(2, "invoice") == "2 invoices"
    assert plural(3, "reply", "replies") == "3 replies"
    assert join_and(["a"]) == "a" and join_and(["a", "b", "c"]) == "a, b and c" and join_and([]) == ""
    assert Formatter("en_US", "USD").money(Decimal("1234.5")) == "$1,234.50"
    assert Formatter("fr_FR").money(Decimal(10), "XYZ").endswith("XYZ")            # unknown code: still readable
    assert check_locale("de-DE") == "de_DE" and check_currency("eur") == "EUR"
    with pytest.raises(ValueError, match="unknown locale"):
        check_locale("xx_YY")
    with pytest.raises(ValueError, match="ISO 4217"):
        check_currency("EURO")


# -- customer text is data ----------------------------------------------------------------

PAYLOADS = {
    "expression": "{{ 7*7 }}",
    "statement": "{% for x in range(3) %}loop{% endfor %}",
    "sandbox escape": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "script": "<script>alert(1)</script>",
}


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_customer_strings_are_data_not_template_code(tmp_path: Path, payload: str) -> None:
    # A user layout that prints every customer-controlled value, as a careless template might.
    (tmp_path / "opening.txt.j2").write_text(
        "Re {{ message.subject }} from {{ customer.name }}: {{ message.excerpt }} / "
        "{{ signals[0].evidence|join(', ') }}\n")
    ctx = context(("review_threat",), sender=f'"{payload} Smith" <j@x.example>', subject=payload,
                  evidence=payload, body=payload)
    text = Renderer.create(tmp_path).render_reply(ctx)
    assert text.count(payload) == 4, text                     # shown as typed, four times
    assert "49" not in text and "looploop" not in text and "<class" not in text


def test_crlf_bcc_in_name_and_subject_cannot_add_a_header() -> None:
    raw = (b"From: =?utf-8?q?Eve=0D=0ABcc=3A_someone=40else.example?= <eve@x.example>\r\n"
           b"Subject: =?utf-8?q?Hi=0D=0ABcc=3A_someone=40else.example?=\r\n"
           b"Message-ID: <m1@x.example>\r\n\r\nI will sue you.\r\n")
    original = parse(raw)
    assert "Bcc" in original.subject and "Bcc" in original.from_name
    draft = build_draft(original, "Body.\n", from_address="Acme <s@acme.test>", message_id="<d@acme.test>",
                        incident_id="RD-1", signals=("legal_threat",), now=NOW)
    parsed = email.message_from_bytes(draft.raw, policy=email.policy.default)
    assert parsed["Bcc"] is None and parsed.get_all("To") is not None and len(parsed.get_all("To")) == 1
    assert [a.addr_spec for a in parsed["To"].addresses] == ["eve@x.example"]
    assert "Bcc: someone@else.example" in str(parsed["Subject"])   # harmless text on the one Subject line


def test_html_part_is_autoescaped(tmp_path: Path) -> None:
    (tmp_path / "reply.html.j2").write_text(
        "<html><body><p>Hello {{ customer.name }},</p>{% include 'opening.txt.j2' %}"
        "<p>{{ message.subject }}</p></body></html>\n")
    (tmp_path / "opening.txt.j2").write_text("You wrote: {{ message.excerpt }}\n")
    renderer = Renderer.create(tmp_path)
    ctx = context(("review_threat",), sender='"<script>alert(1)</script>" <j@x.example>',
                  subject="<b>bold</b> & co", body="<img src=x onerror=alert(1)>")
    html = renderer.render_html(ctx)
    assert html is not None and "<script>" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x" in html and "&amp; co" in html
    assert "<img" in renderer.render_reply(ctx)                 # the plain-text part shows it as typed
    assert Renderer.create().render_html(ctx) is None            # the built-ins are plain text only


def test_html_draft_is_multipart_alternative_with_the_quote(tmp_path: Path) -> None:
    original = parse(b"From: Jo <jo@x.example>\r\nSubject: Hi\r\nMessage-ID: <m@x>\r\n\r\n<b>I will sue</b>\r\n")
    draft = build_draft(original, "Plain body.\n", html="<html><body><p>Hello</p></body></html>\n",
                        from_address="Acme <s@acme.test>", message_id="<d@acme.test>", incident_id="RD-1",
                        signals=("legal_threat",), now=NOW)
    parsed = email.message_from_bytes(draft.raw, policy=email.policy.default)
    assert parsed.get_content_type() == "multipart/alternative"
    html = parsed.get_body(("html",)).get_content()             # type: ignore[union-attr]
    assert "<blockquote" in html and "&lt;b&gt;I will sue&lt;/b&gt;" in html
    assert html.index("<p>Hello</p>") < html.index("<blockquote") < html.index("</body>")


# -- overrides, tones and errors -------------------------------------------------------------

def test_user_dir_overrides_by_name_and_falls_back(tmp_path: Path) -> None:
    (tmp_path / "signals").mkdir()
    (tmp_path / "signals" / "ultimatum.txt.j2").write_text("Our custom deadline text.\n")
    text = Renderer.create(tmp_path).render_reply(context(("ultimatum", "abusive_language")))
    assert "Our custom deadline text." in text
    assert "rather than to people" in text   # the built-in block is still used for the other signal


def test_a_tone_of_your_own_and_a_chosen_template(tmp_path: Path) -> None:
    (tmp_path / "tones" / "warm").mkdir(parents=True)
    (tmp_path / "tones" / "warm" / "opening.txt.j2").write_text("So good to hear from you again.\n")
    (tmp_path / "signals").mkdir()
    (tmp_path / "signals" / "ultimatum-short.txt.j2").write_text("We will confirm a date tomorrow.\n")
    renderer = Renderer.create(tmp_path)
    assert renderer.tones() == ["standard", "firm", "warm"]
    choice = Choice(tone="warm", templates={"ultimatum": "signals/ultimatum-short.txt.j2"})
    text = renderer.render_reply(context(("ultimatum",), choice=choice), "warm")
    assert "So good to hear from you again." in text and "We will confirm a date tomorrow." in text
    assert "timing matters" not in text


def test_unknown_variable_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "next_steps.txt.j2").write_text("Call us.\n{{ policy.fax_number }}\n")
    with pytest.raises(TemplateError, match=r"next_steps.txt.j2:2: .*fax_number"):
        Renderer.create(tmp_path).render_reply(context(("ultimatum",)))


def test_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "reply.txt.j2").write_text("Hello\n{% if %}\n")
    with pytest.raises(TemplateError, match=r"reply.txt.j2:2"):
        Renderer.create(tmp_path).render_reply(context(("ultimatum",)))


def test_sandbox_refuses_unsafe_template_code(tmp_path: Path) -> None:
    (tmp_path / "opening.txt.j2").write_text("{{ ''.__class__.__mro__[1].__subclasses__() }}\n")
    with pytest.raises(TemplateError, match=r"opening\.txt\.j2:1: .*unsafe|opening\.txt\.j2:1"):
        Renderer.create(tmp_path).render_reply(context(("ultimatum",)))


def test_missing_templates_dir() -> None:
    with pytest.raises(TemplateError, match="does not exist"):
        Renderer.create(Path("/nonexistent/templates"))


def test_builtin_templates_are_found() -> None:
    assert (builtin_templates_dir() / "reply.txt.j2").is_file()
    assert (builtin_templates_dir() / "tones" / "firm" / "opening.txt.j2").is_file()
