"""The command line: the contracts users and scripts rely on."""

from __future__ import annotations

import csv
import io
import json
import mailbox
import re
import stat
from pathlib import Path

import pytest

from replydraft.app.demo import sample_messages
from replydraft.cli import _parser, main
from replydraft.detection.catalog import RULE_SPECS

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def samples(tmp_path: Path) -> Path:
    folder = tmp_path / "mail"
    folder.mkdir()
    for name, raw in sample_messages():
        (folder / name).write_bytes(raw)
    return folder


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_classify_prints_one_json_object_per_message(capsys, samples: Path) -> None:
    code, out, _ = run(capsys, "classify", str(samples))
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 8
    by_name = {Path(r["path"]).name: r for r in rows}
    review = by_name["01-review-threat.eml"]
    assert review["message_id"] == "<mk-20261116-0912@northwind.example>"
    names = {s["name"] for s in review["signals"]}
    assert "review_threat" in names
    for signal in review["signals"]:
        assert 0 <= signal["score"] <= 1 and signal["evidence"]
    assert by_name["06-happy.eml"]["signals"] == []
    assert by_name["08-question.eml"]["signals"] == []


def test_classify_reads_mbox_files(capsys, tmp_path: Path) -> None:
    path = tmp_path / "archive.mbox"
    box = mailbox.mbox(path)
    for _, raw in sample_messages()[:3]:
        box.add(raw)
    box.close()
    code, out, _ = run(capsys, "classify", str(path))
    assert code == 0
    assert [json.loads(line)["path"] for line in out.splitlines()] == [f"{path}#{i}" for i in (1, 2, 3)]


def test_classify_unreadable_input_fails_clearly(capsys, tmp_path: Path) -> None:
    code, _, err = run(capsys, "classify", str(tmp_path / "nope.eml"))
    assert code == 1 and "nope.eml: can't read it" in err
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = run(capsys, "classify", str(empty))
    assert code == 1 and "no .eml or .mbox files" in err


def test_preview_prints_the_draft(capsys, samples: Path, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("REPLYDRAFT_CONFIG", raising=False)
    code, out, _ = run(capsys, "preview", str(samples / "05-abusive.eml"))
    assert code == 0
    assert "Subject: Re: banner ads" in out and "In-Reply-To: <rd-banner-ads-1@mailbox.example>" in out
    assert "Hello Rick," in out and "-- why --" in out
    code, out, _ = run(capsys, "preview", str(samples / "06-happy.eml"))
    assert code == 0 and out.startswith("No draft for")


def test_preview_uses_the_config(capsys, samples: Path, tmp_path: Path) -> None:
    config = tmp_path / "rd.toml"
    config.write_text('[policy]\ncompany = "Zeta Ltd"\nsignature = "Zed\\nZeta Ltd"\n'
                      '[[accounts]]\nname = "a"\nhost = "127.0.0.1"\ntls = "none"\nusername = "u"\n'
                      'from_address = "Zeta <help@zeta.example>"\n')
    code, out, _ = run(capsys, "preview", "--config", str(config), str(samples / "02-legal-threat.eml"))
    assert code == 0 and "From: Zeta <help@zeta.example>" in out and "Zeta Ltd" in out


def test_bad_config_exits_2_with_the_key(capsys, tmp_path: Path, samples: Path) -> None:
    config = tmp_path / "rd.toml"
    config.write_text("[policy]\ncompanny = 'x'\n")
    code, _, err = run(capsys, "preview", "-c", str(config), str(samples / "01-review-threat.eml"))
    assert code == 2 and 'policy.companny: unknown key (did you mean "company"?)' in err


def test_demo_then_incidents(capsys, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "demo", str(tmp_path / "d"))
    assert code == 0 and "5 escalation(s) drafted" in out
    code, out, _ = run(capsys, "demo", str(tmp_path / "d"))
    assert "0 escalation(s) drafted" in out            # nothing twice
    config = tmp_path / "rd.toml"
    config.write_text(f'[state]\npath = "{tmp_path / "d" / "replydraft.db"}"\n')
    code, out, _ = run(capsys, "incidents", "--config", str(config), "list")
    assert code == 0 and "5 incident(s)." in out and "review_threat" in out
    code, out, _ = run(capsys, "incidents", "--config", str(config), "export", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 5 and rows[0]["evidence"] and rows[0]["status"] == "drafted"
    code, out, _ = run(capsys, "incidents", "--config", str(config), "export", "--format", "jsonl")
    assert len([json.loads(line) for line in out.splitlines()]) == 5


def test_demo_hint_names_a_message_that_exists(capsys, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("REPLYDRAFT_CONFIG", raising=False)
    for _ in range(2):                                   # the first run delivers, the second doesn't
        code, out, _ = run(capsys, "demo", str(tmp_path / "d"))
        [hint] = re.findall(r"^Try:  replydraft preview (\S+)", out, re.MULTILINE)
        assert code == 0 and Path(hint).is_file()
        code, out, _ = run(capsys, "preview", hint)
        assert code == 0 and "Subject: Re: " in out and "review_threat" in out


def test_init_writes_the_commented_example_once(capsys, tmp_path: Path, monkeypatch) -> None:
    from replydraft.config import load

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("REPLYDRAFT_CONFIG", raising=False)
    code, out, _ = run(capsys, "init")
    written = tmp_path / "replydraft.toml"
    assert code == 0 and written.read_text() == (ROOT / "config.example.toml").read_text()
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert "replydraft check " in out and "replydraft auth set support" in out and " -c " not in out
    assert load(written).accounts[0].name == "support"
    written.write_text("# mine\n")
    code, _, err = run(capsys, "init")
    assert code == 2 and "replydraft.toml already exists; nothing was written" in err
    assert written.read_text() == "# mine\n"
    code, out, _ = run(capsys, "init", str(tmp_path / "other.toml"))
    assert code == 0 and f"replydraft check -c {tmp_path / 'other.toml'}" in out
    code, _, err = run(capsys, "init", str(tmp_path / "no" / "such" / "dir.toml"))
    assert code == 2 and "can't create it" in err


def test_the_wheel_carries_what_init_writes() -> None:
    import tomllib

    build = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["hatch"]["build"]["targets"]
    assert build["wheel"]["force-include"]["config.example.toml"] == "replydraft/config.example.toml"


def test_a_missing_config_points_at_init(capsys, tmp_path: Path) -> None:
    code, _, err = run(capsys, "check", "-c", str(tmp_path / "rd.toml"))
    assert code == 2 and f"Run `replydraft init {tmp_path / 'rd.toml'}`" in err
    bad = tmp_path / "bad.toml"
    bad.write_text("[policy]\ncompanny = 'x'\n")
    code, _, err = run(capsys, "check", "-c", str(bad))
    assert code == 2 and "`replydraft init example.toml` writes every option" in err and "config.example" not in err


def test_incidents_without_a_database(capsys, tmp_path: Path) -> None:
    config = tmp_path / "rd.toml"
    config.write_text("")
    code, _, err = run(capsys, "incidents", "-c", str(config), "list")
    assert code == 1 and "no incident database" in err


def test_version(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--version"])
    assert re.match(r"replydraft \S+ \(Python 3", capsys.readouterr().out)


def test_readme_documents_every_command() -> None:
    readme = (ROOT / "README.md").read_text()
    commands = _parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name in commands:
        assert f"replydraft {name}" in readme, f"README.md does not mention `replydraft {name}`"


PREVIEWED = [*sorted((ROOT / "tests" / "fixtures" / "positives").glob("*.eml")),
             *(p for p in sorted((ROOT / "src" / "replydraft" / "samples").glob("*.eml"))
               if p.name[:2] in {"01", "02", "03", "04", "05"})]


@pytest.mark.parametrize("path", PREVIEWED, ids=[p.name for p in PREVIEWED])
def test_preview_gives_a_draft_one_could_send(capsys, path: Path) -> None:
    from replydraft.reply.lint import repeated_sentences

    assert main(["preview", "--config", str(ROOT / "config.example.toml"), str(path)]) == 0
    out = capsys.readouterr().out
    reply = out.split("\n\n", 1)[1].split("\nOn ", 1)[0].split("wrote:\n", 1)[0]
    assert reply.startswith("Hello ") and "Kind regards,\nDana Reyes" in reply
    assert repeated_sentences(reply) == [] and "{{" not in reply and "None" not in reply.split()
    assert "\n-- why --\n" in out and "tone: standard" in out


# `rules test`: (the config's [signals] TOML, exit code, lines the output must hold); the counts
# follow the catalogue: N built-in rules, S sentences (examples and not-examples), A abuse rules.
_N = len(RULE_SPECS)
_S = sum(len(r.examples) + len(r.not_examples) for r in RULE_SPECS)
_A = sum(r.signal == "abusive_language" for r in RULE_SPECS)
RULES_TEST_CASES = [
    ("", 0, [f"{_N} built-in and 0 company rules", "all pass"]),
    ("""[[signals.legal_threat.rules]]
id = "acme.ombudsman"
pattern = '\\bombudsman\\b'
weight = 0.8
examples = ["I'm going to the ombudsman"]
not_examples = ["what does an ombudsman do?"]
""", 0, [f"{_N} built-in and 1 company rules, {_S + 2} examples and not-examples: all pass"]),
    ("""[[signals.ultimatum.rules]]
id = "acme.renewal"
pattern = '\\bnot\\s+renewing\\s+the\\s+plan\\b'
examples = ["We are not renewing the plan.", "We will not renew the plan."]
not_examples = ["We are not renewing the plan, says my neighbour."]
[[signals.ultimatum.rules]]
id = "acme.bare"
pattern = '\\bswitching\\s+to\\s+rivalco\\b'
""", 1, ["FAIL acme.renewal: missed its example 'We will not renew the plan.' (found: ult.not_renewing)",
         "FAIL acme.renewal: found its not-example 'We are not renewing the plan, says my neighbour.' "
         "(found: acme.renewal)",
         "FAIL acme.bare: has no example", f"{_N} built-in and 2 company rules", "3 failed"]),
    ("""[signals.review_threat]
disable_rules = ["review.bbb"]
[signals.abusive_language]
enabled = false
""", 0, [f"{_N - 1 - _A} built-in and 0 company rules"]),
]


@pytest.mark.parametrize(("signals", "code", "lines"), RULES_TEST_CASES, ids=["built-in", "ok", "failing", "off"])
def test_rules_test_runs_every_rule_on_its_examples(capsys, tmp_path: Path, signals: str, code: int,
                                                    lines: list[str]) -> None:
    config = tmp_path / "replydraft.toml"
    config.write_text(signals, encoding="utf-8")
    got, out, _ = run(capsys, "rules", "test", "--config", str(config))
    assert got == code, out
    for line in lines:
        assert line in out
    assert len(out.splitlines()) == 1 + sum(line.startswith("FAIL") for line in lines)


def test_rules_test_names_a_company_rule_that_cannot_be_used(capsys, tmp_path: Path) -> None:
    config = tmp_path / "replydraft.toml"
    config.write_text("""[[signals.legal_threat.rules]]
id = "acme.broken"
pattern = '(ombudsman'
examples = ["I'm going to the ombudsman"]
""", encoding="utf-8")
    code, out, err = run(capsys, "rules", "test", "-c", str(config))
    assert code == 2 and out == ""
    assert ("signals.legal_threat.rules[0]: Company rule 'acme.broken' ('(ombudsman') is not a valid regular "
            "expression: missing ), unterminated subpattern") in err


def test_rules_lists_and_takes_no_config(capsys) -> None:
    code, out, _ = run(capsys, "rules", "--signal", "legal_threat")
    assert code == 0 and "legal.sue" in out and "review.bbb" not in out
    code, _, err = run(capsys, "rules", "--config", "replydraft.toml")
    assert code == 2 and "'rules test'" in err
