"""Reply templates: sandboxed Jinja2 environments, tones, and the pure ``render_reply``.

Templates are files the operator owns: the built-ins, and ``[templates] dir``, whose
files override the built-ins of the same name. A *tone* is a set of overrides kept in
``tones/<tone>/`` (the built-ins ship ``firm``, for repeat offenders): rendering in a
tone looks up ``tones/<tone>/<name>`` first and falls back to ``<name>``, so a tone
only has to contain the files it changes.

Customer text (name, subject, evidence) only ever enters as *values* in the context:
nothing from a message is compiled as a template. The optional ``reply.html.j2`` (an
HTML part next to the plain text) is rendered with every value autoescaped.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from importlib.resources import files
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from replydraft.detection.detector import Signal
from replydraft.errors import TemplateError
from replydraft.reply.formatting import plural
from replydraft.reply.voice import DEFAULT_TONE

__all__ = [
    "HTML_LAYOUT",
    "LAYOUT",
    "SIGNAL_ORDER",
    "Renderer",
    "builtin_templates_dir",
    "case_template",
    "join_and",
    "ordered",
    "paragraph",
    "signal_template",
    "times",
]

LAYOUT = "reply.txt.j2"
HTML_LAYOUT = "reply.html.j2"
TONES_DIR = "tones"
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
    return Path(__file__).resolve().parents[3] / "templates"


def signal_template(name: str) -> str:
    """The default template of a signal's block."""
    return f"signals/{name}.txt.j2"


def case_template(name: str, case: str) -> str:
    """The built-in file of one case of a signal's block, which ``signal_template`` includes."""
    return f"signals/{name}/{case}.txt.j2"


def join_and(items: Sequence[str], last: str = "and") -> str:
    """``"a, b and c"``: a list as one would write it in a sentence."""
    items = [str(i) for i in items]
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {last} {items[-1]}" if items else ""


_TIMES = {1: "once", 2: "twice", 3: "three times", 4: "four times", 5: "five times", 6: "six times",
          7: "seven times", 8: "eight times", 9: "nine times", 10: "ten times"}


def times(count: int) -> str:
    """``"twice"``, ``"four times"``, ``"12 times"``: how often, as one would write it."""
    return _TIMES.get(count, f"{count} times")


def paragraph(text: str) -> str:
    """A block of the layout: trimmed, then one blank line; nothing at all when empty."""
    text = text.strip()           # str methods keep Markup Markup, so HTML is not escaped twice
    return text + "\n\n" if text else ""


class _ToneLoader(jinja2.BaseLoader):
    """``tones/<tone>/<name>`` when it exists anywhere on the search path, else ``<name>``."""

    def __init__(self, base: jinja2.FileSystemLoader, tone: str) -> None:
        self.base, self.tone = base, tone

    def get_source(self, environment: jinja2.Environment,
                   template: str) -> tuple[str, str | None, Callable[[], bool] | None]:
        if self.tone != DEFAULT_TONE:
            try:
                return self.base.get_source(environment, f"{TONES_DIR}/{self.tone}/{template}")
            except jinja2.TemplateNotFound:
                pass
        return self.base.get_source(environment, template)

    def list_templates(self) -> list[str]:
        return self.base.list_templates()


class Renderer:
    """Renders replies from one template search path (user dir first, then built-ins)."""

    def __init__(self, search: Sequence[Path]) -> None:
        self.search = tuple(search)
        self._base = jinja2.FileSystemLoader([str(p) for p in self.search])
        self._envs: dict[tuple[str, bool], jinja2.Environment] = {}

    @classmethod
    def create(cls, user_dir: Path | None = None) -> Renderer:
        if user_dir is not None and not user_dir.is_dir():
            raise TemplateError(f"templates dir {user_dir} does not exist; create it or remove "
                                f"[templates] dir from the config to use the built-in templates.")
        return cls([p for p in (user_dir, builtin_templates_dir()) if p is not None])

    def env(self, tone: str = DEFAULT_TONE, html: bool = False) -> jinja2.Environment:
        """The sandboxed environment of one tone (plain text, or HTML with autoescaping)."""
        key = (tone, html)
        if key not in self._envs:
            env = ImmutableSandboxedEnvironment(
                loader=_ToneLoader(self._base, tone),
                undefined=jinja2.StrictUndefined,   # a typo fails `templates lint`, not a customer's draft
                autoescape=html,                    # every template of the HTML part, includes too
                keep_trailing_newline=True,
                trim_blocks=True,
                lstrip_blocks=True,
            )
            env.filters["plural"] = plural
            env.filters["paragraph"] = paragraph
            env.filters["join_and"] = join_and
            env.filters["times"] = times
            self._envs[key] = env
        return self._envs[key]

    def render_reply(self, context: Mapping[str, Any], tone: str = DEFAULT_TONE) -> str:
        """The plain-text reply; raises TemplateError naming the file and line."""
        return _tidy(self._render(self.env(tone), LAYOUT, context))

    def render_html(self, context: Mapping[str, Any], tone: str = DEFAULT_TONE) -> str | None:
        """The HTML part, or None when no ``reply.html.j2`` exists for this tone."""
        if not self.has(HTML_LAYOUT, tone):
            return None
        return self._render(self.env(tone, html=True), HTML_LAYOUT, context).strip() + "\n"

    def render_block(self, name: str, context: Mapping[str, Any], tone: str = DEFAULT_TONE) -> str:
        """One template on its own (``templates lint`` checks every block renders text)."""
        return self._render(self.env(tone), name, context).strip()

    def has(self, name: str, tone: str = DEFAULT_TONE) -> bool:
        try:
            self.env(tone).loader.get_source(self.env(tone), name)  # type: ignore[union-attr]
        except jinja2.TemplateNotFound:
            return False
        return True

    def filename(self, name: str, tone: str = DEFAULT_TONE) -> str:
        """The file a template name resolves to in a tone, for messages."""
        env = self.env(tone)
        return env.loader.get_source(env, name)[1] or name  # type: ignore[union-attr]

    def _render(self, env: jinja2.Environment, name: str, context: Mapping[str, Any]) -> str:
        try:
            return env.get_template(name).render(context)
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(f"{exc.filename or exc.name}:{exc.lineno}: {exc.message}") from None
        except jinja2.TemplateNotFound as exc:
            raise TemplateError(f"{_where(exc)}template {exc.name!r} not found in {self.search_path()}") from None
        except jinja2.UndefinedError as exc:
            raise TemplateError(f"{_where(exc)}{exc.message}") from None
        except jinja2.exceptions.SecurityError as exc:
            raise TemplateError(f"{_where(exc)}the template tried something unsafe: {exc}") from None
        except RecursionError:
            raise TemplateError(f"{name} includes itself, directly or through another template: in a tone, a "
                                f"file that includes its own name gets itself, not the standard one") from None
        except (TypeError, ValueError, ArithmeticError) as exc:   # e.g. a filter given the wrong type
            raise TemplateError(f"{_where(exc)}{type(exc).__name__}: {exc}") from None

    def search_path(self) -> str:
        return ", ".join(str(p) for p in self.search)

    def template_names(self) -> list[str]:
        return sorted(self._base.list_templates())

    def tones(self) -> list[str]:
        """Every tone on the search path: ``standard`` and each ``tones/<tone>/`` folder."""
        found = {n.split("/")[1] for n in self.template_names() if n.startswith(f"{TONES_DIR}/") and n.count("/") > 1}
        return [DEFAULT_TONE, *sorted(found - {DEFAULT_TONE})]


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
