"""`teaching list`, `teaching export`, `teaching train`: what the team taught through the teaching
folders, and the company's own scorer fitted on it."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from replydraft.cli import EXIT_FAILURE, EXIT_OK, AddCommand, _config, _cut, _print_table, _store
from replydraft.errors import InputError, UsageError

if TYPE_CHECKING:
    from replydraft.config import Config
    from replydraft.detection.teaching import Lesson


def register(command: AddCommand) -> None:
    c = command("teaching", "What the team taught through the teaching folders ([teaching]): list it, "
                "export it as a labelled corpus (JSON lines: id, subject, body, labels), or train the "
                "company's scorer on it.", cmd_teaching)
    c.add_argument("action", choices=("list", "export", "train"),
                   help="list: one line per taught message; export FILE.jsonl: every message with its text; "
                        "train: the shipped model fitted on the taught messages, written beside the state "
                        "database (model.json), which every command and the daemon then use")
    c.add_argument("file", nargs="?", metavar="FILE.jsonl", help="export: where to write ('-': standard output)")


def cmd_teaching(args: argparse.Namespace) -> int:
    config = _config(args)
    if args.action == "export":
        if not args.file:
            raise UsageError("teaching export needs a file to write: replydraft teaching export taught.jsonl")
        return _export(config, args.file)
    if args.file:
        raise UsageError(f"teaching {args.action} takes no file (did you mean: teaching export {args.file}?)")
    return _train(config) if args.action == "train" else _list(config)


def _lessons(config: Config) -> list[Lesson]:
    from replydraft.state.store import Store

    if not Store.exists(config):
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


def _train(config: Config) -> int:
    """The shipped model warm-started on the taught messages -> ``<state dir>/model.json``."""
    from replydraft.app.model import train_company_model

    lessons = _lessons(config)
    trained = train_company_model(config, lessons)
    if trained is None:
        print(empty_message(config) if not lessons else
              f"Nothing to train on: the {len(lessons)} taught message(s) are all escalations whose signal "
              f"was not said; move them into {config.teaching.missed_folder}/<signal>.")
        return EXIT_FAILURE
    n, escalations, left, moved = trained.messages, trained.escalations, trained.left_out, trained.moved
    print(f"Trained the company's model on {n} taught message(s) ({escalations} missed escalation(s), "
          f"{n - escalations} not an escalation)"
          + (f"; {left} escalation(s) with no signal said left out" if left else "") + ".")
    stricter = {name: m for name, m in moved.items() if m[1] > m[0]}
    switched_on = {name: m for name, m in moved.items() if m[1] < m[0]}
    if switched_on:
        print("Set lower by your examples (the shipped model's thresholds were set on other people's mail): "
              + ", ".join(f"{name} {before} -> {after}" for name, (before, after) in switched_on.items()) + ".")
    if stricter:
        print("Made stricter, so the taught calm messages stay within the 2% false-alarm budget: "
              + ", ".join(f"{name} {before} -> {after}" for name, (before, after) in stricter.items()) + ".")
    else:
        print("Thresholds kept (the shipped model's).")
    print(f"Wrote {config.model_path}. Every command with this config uses it now, a running daemon from its "
          f"next pass. `replydraft evaluate --local` measures it; delete the file to go back to the shipped "
          f"model (with [teaching] retrain = false, or a teaching pass writes it again).")
    return EXIT_OK
