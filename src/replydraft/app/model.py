"""Which learned model a config's detector uses: the one place that picks it, and trains it.

The company's own model (``<state dir>/model.json``, written by ``replydraft teaching train`` or
after a teaching pass, :func:`train_company_model`) when it exists, else the one shipped in the
package; none with ``[detection] model = false``. The daemon, ``run --once`` and every command
that reads a message build their detector here, so they all detect with the same model; the log
says which.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from replydraft.config import Config
from replydraft.detection.detector import Detector
from replydraft.detection.prefilter import Prefilter
from replydraft.detection.scorer import Scorer, shipped
from replydraft.detection.teaching import Lesson, examples
from replydraft.detection.training import dumps, items_of, rules_only, warm_start
from replydraft.errors import RuleError, StateError

log = logging.getLogger(__name__)

__all__ = ["Trained", "company_model", "detector_for", "model_stamp", "train_company_model", "write_model"]

_cache: dict[Path, tuple[int, Scorer]] = {}


def company_model(config: Config) -> Scorer | None:
    """The company's model if there is one that can be used (re-read only when the file changed);
    an unusable one is logged and left aside for the shipped model."""
    path = config.model_path
    try:
        stamp = path.stat().st_mtime_ns
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.warning("can't read the company model %s (%s); using the shipped model", path, exc.strerror)
        return None
    cached = _cache.get(path)
    if cached and cached[0] == stamp:
        return cached[1]
    try:
        scorer = Scorer.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, RuleError) as exc:
        log.warning("the company model %s can't be used (%s); using the shipped model. "
                    "`replydraft teaching train` writes it again.", path, exc)
        return None
    _cache[path] = (stamp, scorer)
    return scorer


def model_stamp(config: Config) -> int | None:
    """When the company's model file last changed (None: there is none), so a running daemon
    sees a model trained after it started."""
    try:
        return config.model_path.stat().st_mtime_ns
    except OSError:
        return None


def detector_for(config: Config, prefilter: Prefilter | None = None, *, level: int = logging.DEBUG) -> Detector:
    """The config's detector with the model it should use; logged at ``level`` (the daemon: INFO)."""
    if not config.detector.model:
        log.log(level, "detection: the rules alone ([detection] model = false)")
        return Detector(config.detector, prefilter)
    scorer = company_model(config)
    if scorer is None:
        log.log(level, "detection: the rules and the shipped model")
    else:
        log.log(level, "detection: the rules and the company's model %s (`replydraft teaching train`)",
                config.model_path)
    return Detector(config.detector, prefilter, scorer)


def write_model(path: Path, text: str) -> None:
    """Write the model atomically: a reader sees the old file or the new one, never half of one."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".model-", suffix=".json", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise StateError(f"can't write the model {path}: {exc.strerror or exc}. Check that the folder of "
                         f"[state] path is writable.") from None


@dataclass(frozen=True, slots=True)
class Trained:
    """What :func:`train_company_model` trained on, and the thresholds it moved (before, after)."""
    messages: int
    escalations: int
    left_out: int                # escalations whose signal was not said: no signal's example
    moved: dict[str, tuple[float, float]]


def train_company_model(config: Config, lessons: Sequence[Lesson]) -> Trained | None:
    """The shipped model warm-started on the taught messages, written to ``config.model_path``;
    None (nothing written) when no lesson says a signal or a calm message."""
    usable = [lesson for lesson in lessons if lesson.labels or not lesson.escalation]
    if not usable:
        return None
    escalations = sum(bool(lesson.labels) for lesson in usable)
    model, moved = warm_start(items_of(examples(usable), rules_only()), shipped())
    model["trained"] = {"from": "the shipped model", "messages": len(usable), "escalations": escalations,
                        "calm": len(usable) - escalations}
    write_model(config.model_path, dumps(model))
    return Trained(len(usable), escalations, len(lessons) - len(usable), moved)
