"""The draft acceptance checker (reply/acceptance.py) and `replydraft evaluate --drafts`.

The checks are tested on tiny corpora drafted with a template of the tests' own (through a
config's [templates] dir), so they don't change when the built-in templates do; the corpus in
tests/data/drafts.toml is run whole with the built-in templates, its "all pass" expected to
fail until the templates and the reading of issue 16 land.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path
from typing import Any

import pytest

from replydraft.cli import main
from replydraft.config import Config, parse
from replydraft.errors import ConfigError
from replydraft.reply.acceptance import (
    CASES,
    CHECKS,
    Corpus,
    Report,
    load_corpus,
    parse_corpus,
    reply_words,
    run,
)

DRAFTS = Path(__file__).parent / "data" / "drafts.toml"
HEAD = """
now = 2026-12-01T10:00:00Z

[policy]
company = "Northwind Studio"
sender_name = "Maya Okafor"
phone = "+1 555 0142"
"""
# Two messages the built-in rules detect: legal_threat, and ultimatum.
LAWYER = 'from = "Bo Lind <bo@example.com>"\nsubject = "refund"\nbody = "Refund me or my attorney will be in touch."'
LATE = 'from = "Al Ray <al@example.net>"\nsubject = "late"\nbody = "Fix this by Friday or I cancel the contract."'
# The tests' reply: 6 words of its own to LAWYER, 11 to LATE (with a call offer), an invoice's facts.
REPLY = """Hello {{ customer.first_name or "there" }},

About "{{ message.subject }}": {{ policy.company }} has it{% for i in invoices %}, and {{ i.number }} \
({{ i.amount }}) is open{% endfor %}.{% if "ultimatum" in signal_names %} I will call you today.{% endif %}


Kind regards,
{{ policy.sender_name }}
"""


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("templates")
    (folder / "reply.txt.j2").write_text(REPLY)
    return folder


@pytest.fixture(scope="module")
def config(templates: Path) -> Config:
    return parse({"policy": tomllib.loads(HEAD)["policy"], "templates": {"dir": str(templates)}})


def corpus(*cases: str, head: str = HEAD) -> Corpus:
    text = head + "".join(f"\n[[case]]\n{textwrap.dedent(c).strip()}\n" for c in cases)
    return parse_corpus(tomllib.loads(text), source="test.toml")


def checks(config: Config, *cases: str) -> dict[str, dict[str, bool]]:
    """case id -> check kind -> passed."""
    report = run(corpus(*cases), config)
    return {r.case.id: {c.kind: c.ok for c in r.checks} for r in report.results}


# -- each check passes and fails when it should ------------------------------------------------


def test_signals_pass_when_raised_and_fail_when_missed(config: Config) -> None:
    got = checks(config, f'id = "a"\n{LAWYER}\nsignals = ["legal_threat"]',
                 f'id = "b"\n{LAWYER}\nsignals = ["legal_threat", "review_threat"]')
    assert got == {"a": {"signals": True}, "b": {"signals": False}}


def test_mentions_are_found_in_the_reply_in_any_case_and_not_in_the_quote(config: Config) -> None:
    got = checks(config, f'id = "a"\n{LAWYER}\nmentions = ["REFUND", "northwind"]',
                 f'id = "b"\n{LAWYER}\nmentions = ["refund", "attorney"]')   # "attorney": only in the quote
    assert got == {"a": {"mentions": True}, "b": {"mentions": False}}


def test_avoid_fails_on_a_phrase_the_reply_uses(config: Config) -> None:
    got = checks(config, f'id = "a"\n{LAWYER}\navoid = ["Northwind Studio"]',
                 f'id = "b"\n{LAWYER}\navoid = ["records show", "attorney"]')
    assert got == {"a": {"avoid": False}, "b": {"avoid": True}}


def test_call_offer_is_checked_both_ways(config: Config) -> None:
    got = checks(config, f'id = "a"\n{LATE}\ncall_offer = true', f'id = "b"\n{LATE}\ncall_offer = false',
                 f'id = "c"\n{LAWYER}\ncall_offer = false', f'id = "d"\n{LAWYER}\ncall_offer = true')
    assert got == {"a": {"call_offer": True}, "b": {"call_offer": False},
                   "c": {"call_offer": True}, "d": {"call_offer": False}}


def test_max_words_counts_the_reply_without_greeting_and_sign_off(config: Config) -> None:
    report = run(corpus(f'id = "a"\n{LAWYER}\nmax_words = 6', f'id = "b"\n{LAWYER}\nmax_words = 5'), config)
    a, b = report.results
    assert a.words == b.words == 6
    assert [a.ok, b.ok] == [True, False]
    assert b.failed[0].detail == "6>5 words"


def test_reply_words_leaves_out_greeting_and_sign_off() -> None:
    assert reply_words("Hello Dana,\n\nThe export failed twice.\n\nKind regards,\nMaya Okafor") == 4
    assert reply_words("Hi there,\nOne two three.\nBest,\nMaya") == 3
    assert reply_words("One two three.") == 3


def test_cases_compare_what_the_draft_answered(config: Config) -> None:
    case = f'id = "a"\n{LAWYER}\nsignals = ["legal_threat"]\ncases = {{ legal_threat = "chargeback" }}'
    (result,) = run(corpus(case), config).results
    answered = result.cases.get("legal_threat")
    assert {c.kind: c.ok for c in result.checks} == {"signals": True, "cases": answered == "chargeback"}


def test_draft_false_needs_no_draft_and_a_person(config: Config) -> None:
    got = checks(config, 'id = "a"\nfrom = "x <x@example.com>"\nsubject = "s"\n'
                 'body = "I know where you live and I will come round and hurt you."\ndraft = false',
                 f'id = "b"\n{LAWYER}\ndraft = false', f'id = "c"\n{LAWYER}\ndraft = true')
    assert got == {"a": {"draft": True}, "b": {"draft": False}, "c": {"draft": True}}


def test_no_draft_fails_every_check_of_the_reply(config: Config) -> None:
    calm = 'from = "x <x@example.com>"\nsubject = "hi"\nbody = "Thanks, the files arrived fine."'
    (result,) = run(corpus(f'id = "a"\n{calm}\nmentions = ["files"]\navoid = ["x"]\nmax_words = 50\n'
                           "call_offer = false"), config).results
    assert result.reply is None
    assert [c.ok for c in result.checks] == [False] * 4
    assert {c.detail for c in result.checks} == {"no draft"}


def test_a_ledger_row_is_an_overdue_invoice_of_the_sender(config: Config) -> None:
    case = f"""id = "a"\n{LATE}\nsignals = ["overdue_payment"]\nmentions = ["INV-9", "$4,800.00"]
               ledger = [ {{ invoice = "INV-9", amount = "4800.00", currency = "USD", due = 2026-11-02 }} ]"""
    (result,) = run(corpus(case), config).results
    assert result.ok, result.checks


def test_the_report_is_a_table_with_a_summary(config: Config) -> None:
    report = run(corpus(f'id = "lawyer"\n{LAWYER}\nmax_words = 60\navoid = ["Northwind"]',
                        f'id = "late"\n{LATE}\nsignals = ["ultimatum"]'), config)
    text = report.format()
    lines = text.splitlines()
    assert lines[0].split() == ["case", "signals", "cases", "words", "result"]
    assert lines[2].split()[:4] == ["lawyer", "legal", "legal:litigation", "6/60"]
    assert "avoid: says 'Northwind'" in lines[2]
    assert lines[3].split()[:3] == ["late", "ultimatum", "ultimatum:deadline"] and lines[3].endswith(" ok")
    assert "cases passing: 1/2" in text
    assert "checks passing: avoid 0/1, max_words 1/1, signals 1/1" in text
    assert "median words: reply 8.5, message 9 (over the 2 cases with a draft)" in text
    assert not report.ok


# -- bad input ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("case", "problem"), [
    ('id = "a"\nsubject = "s"\nbody = "b"\ndraft = true', "case 'a'.from: missing"),
    ('id = "Bad Id"\nfrom = "x <x@example.com>"\nsubject = "s"\nbody = "b"\ndraft = true', "case[0].id: expected"),
    (f'id = "a"\n{LAWYER}\nsignals = ["legal"]', "case 'a'.signals: unknown signal 'legal'"),
    (f'id = "a"\n{LAWYER}\nsignals = ["legal_threat"]\ncases = {{ legal_threat = "lawsuit" }}',
     "case 'a'.cases.legal_threat: unknown case 'lawsuit'; use litigation or chargeback"),
    (f'id = "a"\n{LAWYER}\ncases = {{ ultimatum = "deadline" }}', "case 'a'.cases.ultimatum: ultimatum is not in"),
    (f'id = "a"\n{LAWYER}\nmax_words = "short"', "case 'a'.max_words: expected a number of words"),
    (f'id = "a"\n{LAWYER}\ncall_offer = "yes"', "case 'a'.call_offer: expected true or false"),
    (f'id = "a"\n{LAWYER}\nmention = ["x"]', "case 'a': unknown key 'mention' (did you mean \"mentions\"?)"),
    (f'id = "a"\n{LAWYER}\ndraft = false\nmentions = ["x"]', "case 'a'.mentions: draft = false"),
    (f'id = "a"\n{LAWYER}', "case 'a': no expectation to check"),
    (f'id = "a"\n{LAWYER}\ndraft = true\nledger = [ {{ invoice = "I-1", amount = "lots", due = 2026-01-01 }} ]',
     "case 'a'.ledger[0].amount: expected a positive amount"),
    (f'id = "a"\n{LAWYER}\ndraft = true\nledger = [ {{ invoice = "I-1", amount = "5", due = "soon" }} ]',
     "case 'a'.ledger[0].due: expected a date"),
])
def test_a_malformed_case_names_the_case_and_the_key(case: str, problem: str) -> None:
    with pytest.raises(ConfigError) as error:
        corpus(case)
    assert problem in str(error.value)
    assert str(error.value).startswith("test.toml: invalid draft corpus:")


def test_a_repeated_id_and_every_problem_are_reported_at_once() -> None:
    with pytest.raises(ConfigError) as error:
        corpus(f'id = "a"\n{LAWYER}\ndraft = true', f'id = "a"\n{LATE}\ndraft = 1')
    assert "case 'a'.id: this id is used by an earlier case" in str(error.value)
    assert "case 'a'.draft: expected true or false, got 1" in str(error.value)


@pytest.mark.parametrize(("head", "problem"), [
    (HEAD.replace("2026-12-01T10:00:00Z", "2026-12-01T10:00:00"), "now: expected a date and time with a zone"),
    (HEAD + 'colour = "blue"\n', "[policy]: "),
    (HEAD.replace("now =", "when ="), "the top level: unknown key 'when'"),
])
def test_a_malformed_top_level_names_the_key(head: str, problem: str) -> None:
    with pytest.raises(ConfigError) as error:
        corpus(f'id = "a"\n{LAWYER}\ndraft = true', head=head)
    assert problem in str(error.value)


def test_a_corpus_without_cases_is_an_error() -> None:
    with pytest.raises(ConfigError, match=r"case: expected one or more \[\[case\]\] tables"):
        corpus()


def test_an_unreadable_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="can't read the draft corpus"):
        load_corpus(tmp_path / "missing.toml")
    (tmp_path / "bad.toml").write_text("now = \n")
    with pytest.raises(ConfigError, match=r"bad\.toml: invalid TOML"):
        load_corpus(tmp_path / "bad.toml")


# -- the command -------------------------------------------------------------------------------


def write(tmp_path: Path, *cases: str) -> Path:
    path = tmp_path / "drafts.toml"
    path.write_text(HEAD + "".join(f"\n[[case]]\n{c}\n" for c in cases))
    return path


def voice(tmp_path: Path, templates: Path, company: str = "Northwind Studio") -> str:
    """A config whose replies are the tests' template."""
    path = tmp_path / "replydraft.toml"
    path.write_text(f'[templates]\ndir = "{templates}"\n\n[policy]\ncompany = "{company}"\nsender_name = "Maya"\n')
    return str(path)


def test_evaluate_drafts_prints_the_table_and_exits_0_when_all_pass(tmp_path: Path, capsys: Any) -> None:
    path = write(tmp_path, f'id = "late"\n{LATE}\nsignals = ["ultimatum"]\ndraft = true')
    assert main(["evaluate", "--drafts", str(path)]) == 0
    assert "cases passing: 1/1" in capsys.readouterr().out


def test_evaluate_drafts_exits_1_when_a_case_fails(tmp_path: Path, templates: Path, capsys: Any) -> None:
    path = write(tmp_path, f'id = "lawyer"\n{LAWYER}\navoid = ["Northwind"]')
    assert main(["evaluate", "--drafts", str(path), "-c", voice(tmp_path, templates)]) == 1
    assert "cases passing: 0/1" in capsys.readouterr().out


def test_evaluate_drafts_show_prints_the_message_and_its_draft(tmp_path: Path, templates: Path,
                                                              capsys: Any) -> None:
    path = write(tmp_path, f'id = "lawyer"\n{LAWYER}\nmax_words = 80')
    config = voice(tmp_path, templates)
    assert main(["evaluate", "--drafts", str(path), "--show", "lawyer", "-c", config]) == 0
    out = capsys.readouterr().out
    assert "Refund me or my attorney will be in touch." in out
    assert 'Hello Bo,\n\nAbout "refund": Northwind Studio has it.\n\nKind regards,\nMaya\n' in out
    assert "max_words: ok" in out
    assert main(["evaluate", "--drafts", str(path), "--show", "lawyr"]) == 2
    assert 'no case \'lawyr\' (did you mean "lawyer"?)' in capsys.readouterr().err


def test_evaluate_drafts_bad_corpus_and_bad_usage_exit_2(tmp_path: Path, capsys: Any) -> None:
    path = write(tmp_path, f'id = "lawyer"\n{LAWYER}\nmax_words = 0')
    assert main(["evaluate", "--drafts", str(path)]) == 2
    assert "case 'lawyer'.max_words: expected 1 or more words" in capsys.readouterr().err
    assert main(["evaluate"]) == 2
    assert main(["evaluate", "x.jsonl", "--drafts", str(path)]) == 2
    assert "one of them" in capsys.readouterr().err
    assert main(["evaluate", "x.jsonl", "--show", "a"]) == 2
    assert main(["evaluate", "--drafts", str(path), "--mistakes"]) == 2


def test_evaluate_drafts_with_a_config_uses_its_policy_and_templates(tmp_path: Path, templates: Path,
                                                                     capsys: Any) -> None:
    path = write(tmp_path, f'id = "lawyer"\n{LAWYER}\nmentions = ["Southwind Ltd"]')
    assert main(["evaluate", "--drafts", str(path)]) == 1
    assert main(["evaluate", "--drafts", str(path), "--config", voice(tmp_path, templates, "Southwind Ltd")]) == 0
    capsys.readouterr()


# -- the corpus --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def drafts_report() -> Report:
    return run(load_corpus(DRAFTS))


def test_the_corpus_loads_and_covers_every_case() -> None:
    cases = load_corpus(DRAFTS).cases
    assert len(cases) >= 64
    for signal, names in CASES.items():
        for name in names:
            assert sum(c.cases.get(signal) == name for c in cases) >= 3, (signal, name)
    assert sum(len(c.signals) > 1 for c in cases) >= 8
    assert sum(c.draft is False for c in cases) >= 3
    assert sum(c.words < 20 and c.max_words is not None for c in cases) >= 3
    assert all("@example." in c.address and c.address.rsplit(".", 1)[1] in ("com", "net", "org") for c in cases)


def test_every_case_of_the_corpus_is_checked(drafts_report: Report) -> None:
    assert len(drafts_report.results) == len(load_corpus(DRAFTS).cases)
    assert all(r.checks for r in drafts_report.results)
    assert {c.kind for r in drafts_report.results for c in r.checks} == set(CHECKS)
    assert "cases passing:" in drafts_report.format()


def test_every_case_of_the_corpus_passes(drafts_report: Report) -> None:
    failing = [r.case.id for r in drafts_report.results if not r.ok]
    assert not failing, drafts_report.format()


def test_no_draft_in_the_corpus_says_what_it_must_avoid(drafts_report: Report) -> None:
    """Whatever else fails, no draft made says a phrase harmful for its case, or answers the wrong case."""
    said = [(r.case.id, c.detail) for r in drafts_report.results if r.reply is not None
            for c in r.checks if c.kind in ("avoid", "draft", "escalates") and not c.ok]
    wrong_case = [(r.case.id, signal, r.cases[signal]) for r in drafts_report.results
                  for signal, want in r.case.cases.items() if signal in r.cases and r.cases[signal] != want]
    assert said == [] and wrong_case == []


def test_the_drafting_benchmark_prints_its_numbers() -> None:
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, str(root / "benchmarks" / "drafting.py"), "--rounds", "1"],
                          capture_output=True, text=True, timeout=120, check=True,
                          env={**os.environ, "PYTHONPATH": str(root / "src")})
    assert "escalating messages" in done.stdout and "drafts/s" in done.stdout and "read:" in done.stdout
