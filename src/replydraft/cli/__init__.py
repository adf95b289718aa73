"""The ``replydraft`` command: a thin shell over the library.

Exit codes: 0 success; 1 a runtime failure (a server, an account or an input file
failed); 2 a usage, config, secret or template error that you need to fix first.

This module holds ``main``, the top-level parser and what several command groups share;
each group's commands and their arguments are in a module of their own (run, offline,
incidents, auth, templates), registered by ``_parser``.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from replydraft.errors import (
    ConfigError,
    ReplydraftError,
    SecretError,
    StateError,
    TemplateError,
    UsageError,
)

# Everything else is imported by the command that needs it: `replydraft --help` must not
# pay for the detector's rules, Babel or Jinja2 (start-up is a benchmark target). The
# command modules import only the standard library at their top.
if TYPE_CHECKING:
    from replydraft.config import Config

log = logging.getLogger("replydraft")

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2
DEFAULT_CONFIG = "replydraft.toml"
EPILOG = "Exit codes: 0 ok, 1 runtime failure, 2 usage/config/secret/template error. It never sends mail."

# command(name, help, func, config=True) -> the command's parser, with -c/--config unless config=False
AddCommand = Callable[..., argparse.ArgumentParser]


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    _configure_logging(args.log_level, args.log_format)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(args.func(args))
    except (ConfigError, SecretError, TemplateError, UsageError) as exc:
        print(f"replydraft: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ReplydraftError as exc:
        print(f"replydraft: error: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `replydraft classify ... | head`
        sys.stderr.close()
        return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    from replydraft.cli import auth, incidents, offline, run, teaching, templates

    p = argparse.ArgumentParser(
        prog="replydraft",
        description="Find escalating customer mail and leave a calm draft reply for a person to review.",
        epilog=EPILOG)
    p.add_argument("-V", "--version", action=_VersionAction)
    p.add_argument("--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING", "ERROR"],
                   help="how much to log on stderr (default: INFO)")
    p.add_argument("--log-format", default="text", choices=["text", "json"],
                   help="stderr log lines as text (default) or one JSON object per line, for log collectors")
    sub = p.add_subparsers(title="commands", metavar="COMMAND")

    def command(name: str, help: str, func: Any, config: bool = True) -> argparse.ArgumentParser:
        c = sub.add_parser(name, help=help, description=help, epilog=EPILOG)
        c.set_defaults(func=func)
        if config:
            c.add_argument("-c", "--config", default=os.environ.get("REPLYDRAFT_CONFIG", DEFAULT_CONFIG),
                           help=f"config file (default: $REPLYDRAFT_CONFIG or ./{DEFAULT_CONFIG})")
        return c

    for group in (run, offline, incidents, teaching, templates, auth):
        group.register(command)
    return p


def _version() -> str:
    import imapclient

    from replydraft import __version__

    py = ".".join(map(str, sys.version_info[:3]))
    return f"replydraft {__version__} (Python {py}, imapclient {imapclient.__version__})"


class _VersionAction(argparse.Action):
    """argparse's "version" action, with the version looked up only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS,
                 default: str = argparse.SUPPRESS, help: str = "show program's version number and exit") -> None:
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: object,
                 option_string: str | None = None) -> None:
        print(_version())            # stdout, as argparse's own version action
        parser.exit()


class JsonLogFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message (and the traceback, if any)."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {"time": datetime.fromtimestamp(record.created).astimezone().isoformat(timespec="milliseconds"),
                 "level": record.levelname, "logger": record.name, "message": record.getMessage()}
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def _configure_logging(level: str, log_format: str = "text") -> None:
    fmt = "%(levelname)s %(name)s: %(message)s"
    if sys.stderr.isatty():
        fmt = "%(asctime)s " + fmt
    logging.basicConfig(level=level, format=fmt, stream=sys.stderr, force=True)
    if log_format == "json":
        for handler in logging.getLogger().handlers:
            handler.setFormatter(JsonLogFormatter())
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    logging.getLogger("imapclient").setLevel(logging.WARNING)


def _config(args: argparse.Namespace) -> Config:
    from replydraft.config import load

    return load(getattr(args, "config", None) or DEFAULT_CONFIG)


def _config_or_demo(args: argparse.Namespace) -> Config:
    """The given config; without one (and no ./replydraft.toml), the demo's built-in policy."""
    if getattr(args, "config", None) or os.path.exists(DEFAULT_CONFIG):
        return _config(args)
    from replydraft.app.demo import demo_config

    print("replydraft: note: no config given; using the demo policy (Acme Design Co).", file=sys.stderr)
    return demo_config(Path.cwd())


def _renderer(config: Config):  # type: ignore[no-untyped-def]
    from replydraft.reply.render import Renderer

    return Renderer.create(config.templates_dir)


def _store(args: argparse.Namespace, config: Config | None = None):  # type: ignore[no-untyped-def]
    from replydraft.state.store import Store

    config = config or _config(args)
    if not Store.exists(config):
        raise StateError(f"no incident database at {config.state_path} yet; it is created by "
                         f"`replydraft run` ([state] path in {config.source}).")
    return Store.of(config)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _print_table(rows: Sequence[Sequence[object]], out: TextIO) -> None:
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        out.write("  ".join(str(cell).ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() + "\n")
