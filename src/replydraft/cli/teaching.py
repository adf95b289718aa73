"""`teaching list`, `teaching export`: what the team taught through the teaching folders."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from replydraft.cli import EXIT_OK, AddCommand, _config, _cut, _print_table, _store
from replydraft.errors import InputError, UsageError

if TYPE_CHECKING:
    from replydraft.config import Config
    from replydraft.detection.teaching import Lesson


def register(command: AddCommand) -> None:
    c = command("teaching", "What the team taught through the teaching folders ([teaching]): list it, "
                "or export it as a labelled corpus (JSON lines: id, subject, body, labels).", cmd_teaching)
    c.add_argument("action", choices=("list", "export"),
                   help="list: one line per taught message; export FILE.jsonl: every message with its text")
    c.add_argument("file", nargs="?", metavar="FILE.jsonl", help="export: where to write ('-': standard output)")


def cmd_teaching(args: argparse.Namespace) -> int:
    config = _config(args)
    if args.action == "export":
        if not args.file:
            raise UsageError("teaching export needs a file to write: replydraft teaching export taught.jsonl")
        return _export(config, args.file)
    if args.file:
        raise UsageError(f"teaching list takes no file (did you mean: teaching export {args.file}?)")
    return _list(config)


def _lessons(config: Config) -> list[Lesson]:
    if not config.state_path.exists():
        return []
    with _store(argparse.Namespace(), config) as store:
        lessons: list[Lesson] = store.lessons()
    return lessons


def _list(config: Config) -> int:
    from replydraft.state.incidents import one_line

    lessons = _lessons(config)
    if not lessons:
        print(empty_message(config))
        return EXIT_OK
    rows: list[tuple[str, ...]] = [("taught", "id", "taught as", "folder", "subject")]
    rows += [(lesson.taught_at.strftime("%Y-%m-%d %H:%M") if lesson.taught_at else "", lesson.id, lesson.verdict,
              lesson.folder, _cut(one_line(lesson.subject), 50)) for lesson in lessons]
    _print_table(rows, sys.stdout)
    escalations = sum(lesson.escalation for lesson in lessons)
    print(f"\n{len(lessons)} taught message(s): {escalations} missed escalation(s), "
          f"{len(lessons) - escalations} not an escalation.")
    return EXIT_OK


def _export(config: Config, file: str) -> int:
    lessons = _lessons(config)
    text = "".join(json.dumps(lesson.as_json(), ensure_ascii=False) + "\n" for lesson in lessons)
    if file == "-":
        sys.stdout.write(text)
    else:
        try:
            Path(file).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise InputError(f"{file}: can't write it: {exc.strerror or exc}.") from None
        print(f"wrote {len(lessons)} taught message(s) to {file}", file=sys.stderr)
    return EXIT_OK


def empty_message(config: Config) -> str:
    """What to do when nothing was taught yet."""
    t = config.teaching
    if not t.enabled:
        return "Nothing taught: [teaching] enabled = false in " + str(config.source) + "."
    return (f"Nothing taught yet. Move missed escalations into {t.missed_folder}/<signal> (e.g. "
            f"{t.missed_folder}/legal_threat), or into {t.missed_folder} if you can't say which signal, and "
            f"messages wrongly taken for one into {t.not_escalation_folder}; the next pass of "
            f"`replydraft run` reads them.")
