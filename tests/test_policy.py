"""Choosing the voice of a reply: tiers, [[policy.rules]], repeat offenders, and the store's history."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from replydraft.app.demo import DEMO_ACCOUNT, demo_config
from replydraft.app.service import make_context, process_folder
from replydraft.config import parse
from replydraft.errors import ConfigError, StateError
from replydraft.mail.maildir import MaildirMailbox
from replydraft.reply.render import Renderer
from replydraft.reply.voice import Choice, History, PolicyRule, RepeatOffender, choose, sender_matches
from replydraft.state.store import SCHEMA_VERSION, Store

NOW = datetime(2026, 11, 20, 10, tzinfo=UTC)


def days_ago(*days: int) -> History:
    return History(tuple(NOW - timedelta(days=d) for d in days))


def test_sender_patterns_match_addresses_and_domains() -> None:
    assert sender_matches("Jo@BigCorp.example", ("@bigcorp.example",))
    assert sender_matches("jo@bigcorp.example", ("jo@bigcorp.example",))
    assert not sender_matches("jo@notbigcorp.example", ("@bigcorp.example",))


def test_matching_rules_combine_and_the_first_to_set_something_wins() -> None:
    rules = (PolicyRule("key", tiers=("key",), tone="warm", templates={"ultimatum": "signals/u-key.txt.j2"}),
             PolicyRule("money", signals=("overdue_payment",), tone="brief"))
    tiers = {"key": ("@bigcorp.example",)}
    key = choose("cfo@bigcorp.example", ("ultimatum",), History(), NOW, rules=rules, tiers=tiers,
                 signal_templates={"ultimatum": "signals/u.txt.j2", "review_threat": "signals/r.txt.j2"})
    assert key == Choice(tone="warm", templates={"ultimatum": "signals/u-key.txt.j2",
                                                 "review_threat": "signals/r.txt.j2"}, tier="key", rule="key")
    other = choose("a@b.example", ("overdue_payment",), History(), NOW, rules=rules, tiers=tiers)
    assert other.tone == "brief" and other.rule == "money" and other.tier == ""
    both = choose("cfo@bigcorp.example", ("overdue_payment", "ultimatum"), History(), NOW, rules=rules, tiers=tiers)
    assert both.tone == "warm" and both.rule == "key, money"
    assert choose("a@b.example", ("ultimatum",), History(), NOW, rules=rules).tone == "standard"


def test_repeat_offender_counts_this_incident_and_overrides_a_rules_tone() -> None:
    repeat = RepeatOffender(incidents=3, days=30, tone="firm")
    rules = (PolicyRule("all", tone="warm"),)
    assert not choose("a@b.example", ("ultimatum",), days_ago(5), NOW, repeat=repeat).repeat_offender
    third = choose("a@b.example", ("ultimatum",), days_ago(5, 29), NOW, rules=rules, repeat=repeat)
    assert third.repeat_offender and third.tone == "firm" and third.rule == "all"
    old = choose("a@b.example", ("ultimatum",), days_ago(5, 31), NOW, repeat=repeat)
    assert not old.repeat_offender                      # the second one is outside the window


def test_policy_config_is_validated_with_key_paths() -> None:
    with pytest.raises(ConfigError) as exc:
        parse({"policy": {"locale": "xx", "currency": "EURO", "tiers": {"key": ["bigcorp.example"]},
                          "rules": [{"name": "a", "tiers": ["gold"], "signals": ["rudeness"], "tone": "warm"},
                                    {"name": "b", "senders": ["@x.example"]}],
                          "repeat_offender": {"incidents": 1}},
               "templates": {"signals": {"ultimatum": "../etc/passwd", "rudeness": "x.txt.j2"}}})
    message = str(exc.value)
    for expected in ("policy.locale: unknown locale", "policy.currency: unknown currency",
                     'policy.tiers.key[0]: expected an address or "@domain"',
                     "policy.rules[0].tiers[0]: no tier 'gold'", "policy.rules[0].signals[0]: unknown signal",
                     "policy.rules[1]: a rule needs a tone or templates", "policy.repeat_offender.incidents",
                     "templates.signals.ultimatum: expected a template name inside the templates folder",
                     "templates.signals.rudeness: unknown key"):
        assert expected in message, message


def test_policy_config_parses() -> None:
    config = parse({"policy": {"locale": "de-DE", "currency": "eur", "tiers": {"key": ["@BigCorp.example"]},
                               "rules": [{"name": "key", "tiers": ["key"], "tone": "warm",
                                          "templates": {"ultimatum": "signals/u.txt.j2"}}],
                               "repeat_offender": {"incidents": 0}},
                    "templates": {"signals": {"review_threat": "signals/r.txt.j2"}}})
    policy = config.policy
    assert (policy.locale, policy.currency) == ("de_DE", "EUR")
    assert policy.tiers == {"key": ("@bigcorp.example",)}
    assert policy.rules[0].templates == {"ultimatum": "signals/u.txt.j2"}
    assert policy.repeat_offender is None
    assert config.signal_templates == {"review_threat": "signals/r.txt.j2"}
    assert parse({}).policy.repeat_offender == RepeatOffender(3, 30, "firm")


# -- the store: history and schema migrations -------------------------------------------------

V1_INCIDENTS = """CREATE TABLE incidents (id TEXT PRIMARY KEY, created_at TEXT NOT NULL, account TEXT NOT NULL,
    folder TEXT NOT NULL, uid INTEGER NOT NULL, message_id TEXT NOT NULL, received_at TEXT NOT NULL,
    sender TEXT NOT NULL, subject TEXT NOT NULL, signals TEXT NOT NULL, near_misses TEXT NOT NULL,
    status TEXT NOT NULL, drafts_folder TEXT NOT NULL, draft_message_id TEXT NOT NULL, draft_uid INTEGER,
    updated_at TEXT NOT NULL)"""


def test_an_older_database_is_migrated_without_loss(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.execute(V1_INCIDENTS)
    db.execute("INSERT INTO incidents VALUES ('RD-1', '2026-11-18T10:00:00+00:00', 'a', 'INBOX', 7, '<m@x>', "
               "'2026-11-18T09:00:00+00:00', 'jo@x.example', 'Hi', '[]', '[]', 'drafted', 'Drafts', '<d@x>', 3, "
               "'2026-11-18T10:00:00+00:00')")
    db.commit()
    db.close()
    store = Store.open(path)
    [row] = list(store.incidents())
    assert row.id == "RD-1" and row.draft_uid == 3
    assert (row.tone, row.policy_rule, row.repeat_offender) == ("", "", 0)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert store.history("jo@x.example", NOW).times == (datetime(2026, 11, 18, 10, tzinfo=UTC),)
    assert store.history("jo@x.example", NOW, exclude="RD-1").times == ()
    assert store.history("jo@x.example", NOW, days=1).times == ()
    store.close()
    Store.open(path).close()                       # opening again is a no-op


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    Store.open(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    with pytest.raises(StateError, match="newer replydraft"):
        Store.open(path)


# -- end to end on a Maildir: the third incident in 30 days gets the firm tone ----------------

def test_third_incident_from_a_customer_is_a_repeat_offender(tmp_path: Path) -> None:
    mailbox = MaildirMailbox(tmp_path / "Maildir")
    for n in range(3):
        mailbox.deliver("INBOX", (f"From: Rex Ruth <rex@client.example>\r\nSubject: Order {n}\r\n"
                                  f"Message-ID: <rex{n}@client.example>\r\n"
                                  f"Date: Thu, 19 Nov 2026 09:0{n}:00 +0000\r\n\r\n"
                                  f"Fix it by Friday or I will leave a 1-star review on Google.\r\n").encode())
    config = demo_config(tmp_path)
    drafts = mailbox.resolve_drafts("auto")
    for _ in range(2):     # a second pass changes nothing
        store = Store.open(config.state_path)
        ctx = make_context(config, DEMO_ACCOUNT, Renderer.create())
        process_folder(mailbox, store, ctx, folder="INBOX", drafts=drafts, lookback=timedelta(days=3650))
        store.close()
    store = Store.open(config.state_path)
    incidents = list(store.incidents())
    store.close()
    by_message = {i.message_id: (i.tone, i.repeat_offender) for i in incidents}
    assert by_message == {"<rex0@client.example>": ("standard", 0), "<rex1@client.example>": ("standard", 0),
                          "<rex2@client.example>": ("firm", 1)}
    bodies = [" ".join(m.get_payload(decode=True).decode().split()) for m in mailbox._folder("Drafts")]  # unwrapped
    assert sum("2 similar exchanges in the last 30 days" in b for b in bodies) == 1
