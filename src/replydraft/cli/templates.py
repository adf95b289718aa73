"""`templates lint`: render every template in every tone before a customer's mail does."""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING, Any

from replydraft.cli import EPILOG, EXIT_OK, AddCommand, _config_or_demo, _renderer

if TYPE_CHECKING:
    from replydraft.config import Config


def register(command: AddCommand) -> None:
    c = command("templates", "Check the reply templates.", None)
    tsub = c.add_subparsers(title="actions", metavar="ACTION")
    tl = tsub.add_parser("lint", help="render every template in every tone with sample data; report "
                         "syntax errors, unknown variables and empty output with file:line", epilog=EPILOG)
    tl.set_defaults(func=cmd_templates_lint)
    tl.add_argument("-c", "--config", default=os.environ.get("REPLYDRAFT_CONFIG"),
                    help="config file (default: $REPLYDRAFT_CONFIG, ./replydraft.toml, or the demo policy)")


def _lint(renderer: Any, config: Config, *, verbose: bool = False) -> None:
    """Render every template in every tone so a broken one fails now, not on a customer's mail."""
    from replydraft.reply.lint import lint, require_clean

    report = lint(renderer, config)
    if verbose:
        for warning in report.warnings:
            print(f"warn {warning}")
    require_clean(renderer, config, report)
    if verbose:
        print(f"ok   {report.templates} template files, tones: {', '.join(report.tones)}; "
              f"{report.rendered} replies rendered without errors ({renderer.search_path()})")


def cmd_templates_lint(args: argparse.Namespace) -> int:
    config = _config_or_demo(args)
    _lint(_renderer(config), config, verbose=True)
    return EXIT_OK
