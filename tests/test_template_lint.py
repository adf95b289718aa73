"""`replydraft templates lint`: broken templates fail with file:line before any customer sees them."""

from __future__ import annotations

from pathlib import Path

import pytest

from replydraft.cli import main
from replydraft.config import load, parse
from replydraft.reply.lint import lint, repeated_sentences
from replydraft.reply.render import Renderer

ROOT = Path(__file__).resolve().parents[1]


def lint_dir(tmp_path: Path, files: dict[str, str], config: dict | None = None):  # type: ignore[no-untyped-def]
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    return lint(Renderer.create(tmp_path), parse(config or {}))


def test_the_built_in_templates_are_clean() -> None:
    report = lint(Renderer.create(), parse({}))
    assert report.errors == [] and report.warnings == []
    assert report.tones == ["standard", "firm"] and report.rendered > 100


def test_a_syntax_error_in_a_file_nothing_uses_yet(tmp_path: Path) -> None:
    report = lint_dir(tmp_path, {"signals/spare.txt.j2": "ok\n\n{% if x %}never closed\n"})
    assert any(e.startswith(f"{tmp_path}/signals/spare.txt.j2:3:") for e in report.errors), report.errors


def test_an_unknown_variable_in_a_branch_is_found(tmp_path: Path) -> None:
    report = lint_dir(tmp_path, {"next_steps.txt.j2": "Call us.\n{% if policy.phone %}{{ policy.fone }}{% endif %}\n"})
    assert any("next_steps.txt.j2:2:" in e and "fone" in e for e in report.errors), report.errors


def test_an_empty_block_is_an_error(tmp_path: Path) -> None:
    report = lint_dir(tmp_path, {"signals/ultimatum.txt.j2": "{% if false %}text{% endif %}\n"})
    assert any("signals/ultimatum.txt.j2: renders no text" in e for e in report.errors), report.errors


def test_a_tone_without_a_folder_is_an_error(tmp_path: Path) -> None:
    report = lint_dir(tmp_path, {}, {"policy": {"rules": [{"name": "vip", "senders": ["@x.example"],
                                                            "tone": "warm"}]}})
    assert any("tone 'warm' is used in the config but no folder tones/warm/" in e for e in report.errors)


def test_a_chosen_template_that_does_not_exist(tmp_path: Path) -> None:
    report = lint_dir(tmp_path, {}, {"templates": {"signals": {"ultimatum": "signals/nope.txt.j2"}}})
    assert any("'signals/nope.txt.j2' not found" in e for e in report.errors), report.errors


def test_a_sentence_said_twice_is_a_warning(tmp_path: Path) -> None:
    report = lint_dir(tmp_path, {"signals/ultimatum.txt.j2": "I will look into this for you today.\n",
                                 "signals/review_threat.txt.j2": "I will look into this for you today.\n"})
    assert report.errors == []
    assert any("says twice: 'I will look into this for you today.'" in w for w in report.warnings)
    assert repeated_sentences("One sentence that is long enough. One sentence that is long enough.") \
        == ["One sentence that is long enough."]


@pytest.mark.parametrize("block", ["Thanks.\n {{ policy.phone }}Call us.\n", "Call us on {{ policy.phone }} .\n",
                                   "Call us ({{ policy.phone }}).\n"])
def test_a_hole_left_by_an_empty_value_is_a_warning(tmp_path: Path, block: str) -> None:
    report = lint_dir(tmp_path, {"next_steps.txt.j2": block})
    assert any("stray space" in w for w in report.warnings), report.warnings


def test_cli_lint_fails_with_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "opening.txt.j2").write_text("Hello\n{{ customer.nmae }}\n")
    config = tmp_path / "replydraft.toml"
    config.write_text('[templates]\ndir = "mine"\n')
    assert main(["templates", "lint", "--config", str(config)]) == 2
    err = capsys.readouterr().err
    assert "opening.txt.j2:2:" in err and "nmae" in err


def test_cli_lint_passes_on_the_built_ins(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["templates", "lint", "--config", str(ROOT / "config.example.toml")]) == 0
    assert "tones: standard, firm" in capsys.readouterr().out


@pytest.mark.parametrize("pack", sorted(p.name for p in (ROOT / "examples").iterdir() if p.is_dir()))
def test_example_policy_packs_pass_lint(pack: str, capsys: pytest.CaptureFixture[str]) -> None:
    config_path = ROOT / "examples" / pack / "replydraft.toml"
    config = load(config_path)
    assert config.templates_dir is not None and config.templates_dir.is_dir()
    report = lint(Renderer.create(config.templates_dir), config)
    assert report.errors == [] and report.warnings == [], (report.errors, report.warnings)
    assert main(["templates", "lint", "--config", str(config_path)]) == 0


CLAIMED = [
    ("signals/overdue_payment.txt.j2", "Our records show an outstanding balance.\n", "verified.ledger"),
    ("signals/out_of_scope_demand.txt.j2", "That falls outside the agreed scope.\n", "verified.scope"),
    ("opening.txt.j2", "I have reviewed your message and the details of your account.\n", "verified.account"),
    ("signals/legal_threat.txt.j2", "Noted. Your service continues unchanged.\n", "not reading.leaving"),
]


@pytest.mark.parametrize(("name", "text", "test"), CLAIMED, ids=[c[2] for c in CLAIMED])
def test_an_unchecked_claim_is_an_error_naming_the_file(tmp_path: Path, name: str, text: str, test: str) -> None:
    report = lint_dir(tmp_path, {name: text})
    assert any(e.startswith(f"{tmp_path}/{name}:") and f"{{% if {test} %}}" in e for e in report.errors), report.errors
    assert len([e for e in report.errors if f"{{% if {test} %}}" in e]) == 1     # once per file, not per reply


def test_a_claim_inside_its_test_is_fine(tmp_path: Path) -> None:
    report = lint_dir(tmp_path, {
        "signals/overdue_payment.txt.j2":
            "{% if verified.ledger %}Our records show it.{% else %}I'll check.{% endif %}\n",
        "signals/legal_threat.txt.j2": "Noted.{% if not reading.leaving %} Your service continues.{% endif %}\n"})
    assert report.errors == [], report.errors


def test_both_example_packs_are_clean() -> None:
    for pack in ("b2b-software", "design-agency"):
        config = load(ROOT / "examples" / pack / "replydraft.toml")
        report = lint(Renderer.create(config.templates_dir), config)
        assert report.errors == [] and report.warnings == [], (pack, report.errors, report.warnings)
