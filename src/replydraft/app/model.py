"""Which learned model a config's detector uses: the one place that picks it.

The company's own model (``<state dir>/model.json``, written by ``replydraft teaching train``)
when it exists, else the one shipped in the package; none with ``[detection] model = false``.
The daemon, ``run --once`` and every command that reads a message build their detector here,
so they all detect with the same model; the log says which.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path

from replydraft.config import Config
from replydraft.detection.detector import Detector
from replydraft.detection.prefilter import Prefilter
from replydraft.detection.scorer import Scorer
from replydraft.errors import RuleError, StateError

log = logging.getLogger(__name__)

__all__ = ["company_model", "detector_for", "write_model"]

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
