"""Reply templates: a sandboxed Jinja2 environment and the pure ``render_reply``.

Templates are files the operator owns (the built-ins, or ``[templates] dir``, which
overrides any template by name). Customer text (name, subject, evidence) only ever
enters as *values* in the context: nothing from a message is compiled as a template.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any, Mapping, Sequence

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from replydraft.detect import Signal
from replydraft.errors import TemplateError

__all__ = ["Renderer", "builtin_templates_dir", "SIGNAL_ORDER", "LAYOUT"]

LAYOUT = "reply.txt.j2"
# The order of blocks in one reply: hold legal matters first and admit nothing, set the
# boundary on tone next, then the facts (money, scope), then reputation and deadlines.
SIGNAL_ORDER = (
    "legal_threat", "abusive_language", "overdue_payment",
    "out_of_scope_demand", "review_threat", "ultimatum",
)


def builtin_templates_dir() -> Path:
    """The default templates: inside the installed wheel, else the source tree's ``templates/``."""
    packaged = Path(str(files("replydraft"))) / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "templates"


@dataclass(frozen=True)
class Renderer:
    """Renders replies from one template search path (user dir first, then built-ins)."""

    env: jinja2.Environment

    @classmethod
    def create(cls, user_dir: Path | None = None) -> "Renderer":
        if user_dir is not None and not user_dir.is_dir():
            raise TemplateError(f"templates dir {user_dir} does not exist; create it or remove "
                                f"[templates] dir from the config to use the built-in templates.")
        search = [str(p) for p in (user_dir, builtin_templates_dir()) if p is not None]
        env = ImmutableSandboxedEnvironment(
            loader=jinja2.FileSystemLoader(search),
            undefined=jinja2.StrictUndefined,   # a typo fails `replydraft check`, not a customer's draft
            autoescape=False,                   # plain text; an HTML part would need its own env
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        return cls(env)

    def render_reply(self, context: Mapping[str, Any]) -> str:
        """The reply body for one message; raises TemplateError naming the file and line."""
        try:
            text = self.env.get_template(LAYOUT).render(context)
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(f"{exc.filename or exc.name}:{exc.lineno}: {exc.message}") from None
        except jinja2.TemplateNotFound as exc:
            raise TemplateError(f"template {exc.name!r} not found in {self.search_path()}") from None
        except jinja2.UndefinedError as exc:
            raise TemplateError(f"{_where(exc)}{exc.message}") from None
        except jinja2.exceptions.SecurityError as exc:
            raise TemplateError(f"{_where(exc)}the template tried something unsafe: {exc}") from None
        return _tidy(text)

    def search_path(self) -> str:
        loader = self.env.loader
        paths = loader.searchpath if isinstance(loader, jinja2.FileSystemLoader) else []
        return ", ".join(paths)

    def template_names(self) -> list[str]:
        return sorted(self.env.list_templates(extensions=["j2"]))


def ordered(signals: Sequence[Signal]) -> list[Signal]:
    return sorted(signals, key=lambda s: SIGNAL_ORDER.index(s.name))


def _where(exc: Exception) -> str:
    """``file:line: `` of the innermost template frame (Jinja rewrites tracebacks to them)."""
    where = ""
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(".j2"):
            where = f"{tb.tb_frame.f_code.co_filename}:{tb.tb_lineno}: "
        tb = tb.tb_next
    return where


def _tidy(text: str) -> str:
    """At most one blank line in a row and a single trailing newline."""
    lines = [line.rstrip() for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip() + "\n"
