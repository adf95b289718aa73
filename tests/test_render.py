"""Reply templates: every signal renders, customer text stays data, broken templates fail loudly."""

from __future__ import annotations

from pathlib import Path

import pytest

from replydraft.config import Policy
from replydraft.detect import SIGNALS, Detection, Evidence, Signal
from replydraft.errors import TemplateError
from replydraft.extract import parse
from replydraft.render import Renderer, builtin_templates_dir
from replydraft.triage import first_name, reply_context

POLICY = Policy(company="Acme Design Co", sender_name="Dana Reyes", signature="Dana Reyes\nAcme", phone="555 0100")


def context(names: tuple[str, ...], sender: str = "Jane Doe <jane@x.example>", subject: str = "Help",
            evidence: str = "1-star review"):
    email = parse(f"From: {sender}\r\nSubject: {subject}\r\n\r\nbody\r\n".encode())
    detection = Detection(tuple(Signal(n, 0.9, (Evidence(evidence, 0, len(evidence), "t"),)) for n in names))
    return reply_context(email, detection, POLICY, "RD-1")


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer.create()


@pytest.mark.parametrize("name", SIGNALS)
def test_every_signal_has_a_block(renderer: Renderer, name: str) -> None:
    text = renderer.render_reply(context((name,)))
    assert text.startswith("Hello Jane,\n")
    assert "Dana Reyes\nAcme" in text
    assert "{{" not in text and "{%" not in text
    assert "\n\n\n" not in text


def test_legal_threat_gets_a_short_holding_reply(renderer: Renderer) -> None:
    text = renderer.render_reply(context(("legal_threat", "review_threat", "ultimatum")))
    assert "not able to discuss the matter further" in text
    assert "free to share your experience" not in text   # admits and promises nothing else


def test_blocks_follow_the_policy_order(renderer: Renderer) -> None:
    text = renderer.render_reply(context(("ultimatum", "abusive_language")))
    assert text.index("respectful") < text.index("timing matters")


@pytest.mark.parametrize("payload", ["{{ 7*7 }}", "{% for x in range(3) %}loop{% endfor %}",
                                     "{{ ''.__class__.__mro__ }}", "<script>alert(1)</script>"])
def test_customer_strings_are_data_not_template_code(renderer: Renderer, payload: str) -> None:
    text = renderer.render_reply(context(("review_threat",), sender=f'"{payload} Smith" <j@x.example>',
                                         subject=payload, evidence=payload))
    assert "49" not in text and "looploop" not in text and "<class" not in text


def test_first_names() -> None:
    assert first_name("Jane Doe") == "Jane"
    assert first_name("Doe, Jane") == "Jane"
    assert first_name("JANE DOE") == "Jane"
    assert first_name("jane@x.example") == ""
    assert first_name("Acme 2000 Ltd") == ""
    assert first_name("{{ 7*7 }}") == ""


def test_user_dir_overrides_by_name_and_falls_back(tmp_path: Path) -> None:
    (tmp_path / "signals").mkdir()
    (tmp_path / "signals" / "ultimatum.txt.j2").write_text("Our custom deadline text.\n")
    text = Renderer.create(tmp_path).render_reply(context(("ultimatum", "abusive_language")))
    assert "Our custom deadline text." in text
    assert "respectful" in text       # the built-in block is still used for the other signal


def test_unknown_variable_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "next_steps.txt.j2").write_text("Call us.\n{{ policy.fax_number }}\n")
    with pytest.raises(TemplateError, match=r"next_steps.txt.j2:2: .*fax_number"):
        Renderer.create(tmp_path).render_reply(context(("ultimatum",)))


def test_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "reply.txt.j2").write_text("Hello\n{% if %}\n")
    with pytest.raises(TemplateError, match=r"reply.txt.j2:2"):
        Renderer.create(tmp_path).render_reply(context(("ultimatum",)))


def test_missing_templates_dir() -> None:
    with pytest.raises(TemplateError, match="does not exist"):
        Renderer.create(Path("/nonexistent/templates"))


def test_builtin_templates_are_found() -> None:
    assert (builtin_templates_dir() / "reply.txt.j2").is_file()
