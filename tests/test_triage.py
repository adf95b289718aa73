"""``triage`` on forged and odd mail, without I/O: DMARC failures, an unreadable From, a reused
Message-ID."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from replydraft.config import parse as parse_config
from replydraft.detection.detector import Detector
from replydraft.pipeline import Context, classify, triage
from replydraft.reply.render import Renderer
from replydraft.reply.voice import History

CONFIG = parse_config({"policy": {"company": "Acme"}})
REPEAT = parse_config({"policy": {"company": "Acme", "repeat_offender": {"incidents": 2, "days": 30, "tone": "firm"}}})
CTX = Context(account="a", from_address="Acme <s@acme.test>", policy=CONFIG.policy, detector=Detector(CONFIG.detector),
              renderer=Renderer.create(), now=datetime(2026, 11, 22, 9, tzinfo=UTC))
THREAT = "If this isn't fixed by Friday I will leave a 1-star review on Google.\r\n"


def mail(sender: str = "Rita Ames <rita@client.example>", top: str = "") -> bytes:
    return (f"{top}From: {sender}\r\nSubject: Logo\r\nMessage-ID: <m1@client.example>\r\n"
            f"Date: Mon, 30 Nov 2026 09:00:00 +0000\r\n\r\n{THREAT}").encode()


def test_a_message_that_failed_dmarc_is_not_given_the_senders_history() -> None:
    raw = mail(top="Authentication-Results: mx.acme.test; dmarc=fail header.from=client.example\r\n")
    classified = classify(raw, CTX.inputs)
    assert classified.email.dmarc_failed and not classified.wants_history     # the shell reads none
    many = History(tuple(datetime(2026, 11, d, tzinfo=UTC) for d in range(1, 20)))
    outcome = triage(raw, replace(CTX, policy=REPEAT.policy), history=many)
    assert not outcome.choice.repeat_offender                                  # nor does draft use one given
    assert outcome.draft is not None and outcome.draft.body.startswith("[replydraft] Warning: the receiving server")
    assert classify(mail(), CTX.inputs).wants_history
    assert triage(mail(), replace(CTX, policy=REPEAT.policy), history=many).choice.repeat_offender


def test_an_escalation_from_an_unreadable_sender_needs_a_person() -> None:
    outcome = triage(mail("Rita Ames <rita@client.example\x01>"), CTX)
    assert outcome.detection.escalated and outcome.draft is None
    assert outcome.needs_person.startswith("no address to reply to") and "Rita Ames" in outcome.needs_person


def test_a_reused_message_id_gets_a_key_and_draft_of_its_own() -> None:
    genuine, reused = triage(mail(), CTX), triage(mail("Sam <sam@other.example>"), CTX, distinct=True)
    assert genuine.fingerprint != reused.fingerprint
    assert len({genuine.source_key, reused.source_key}) == 2 and genuine.incident_id != reused.incident_id
    assert genuine.draft and reused.draft and genuine.draft.message_id != reused.draft.message_id
    assert triage(mail(), CTX).source_key == genuine.source_key            # the key without a collision is as before


def test_copies_on_other_routes_have_one_fingerprint() -> None:
    routed = mail(top="Received: from mx2 by mx1; Mon, 30 Nov 2026 09:00:05 +0000\r\nDelivered-To: sales@acme.test\r\n")
    assert triage(routed, CTX).fingerprint == triage(mail(), CTX).fingerprint
