"""A learned scorer beside the rules: one logistic regression per signal over hashed words.

Pure: no I/O, no module state. A :class:`Scorer` is built from the JSON model that
``python -m replydraft.detection.training`` writes (``model.json`` in this package, read by
:func:`builtin`); scoring a text is a function of the text and the model.

Features are the lower-cased words of a text (but function words such as "you" or "of") and
its pairs of neighbouring words (all of them: "my lawyer", "will post"), each hashed with
``zlib.crc32`` (never Python's salted ``hash``); the model keeps a weight for the hashes that
matter, in a dict, so there are no buckets to collide in. A text of more than ``chunk`` words
is scored in even pieces and its highest piece counts, and a piece's features each count
``1/sqrt(n)``: a long e-mail neither hides its one angry paragraph nor alarms by its length.
Each signal has a weight per feature, a bias, the threshold its probability must reach
(calibrated on out-of-fold predictions, see ``training``) and whether it may be raised alone
or only beside a near miss of the rules (``alone``; a file without it: alone).

The rules give precise evidence; this scorer adds recall. Its evidence is the sentence whose
features carry most of the score, and the words and word pairs that weigh most in it.
"""

from __future__ import annotations

import json
import math
import re
import struct
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from itertools import filterfalse, pairwise
from typing import Any

from replydraft.errors import RuleError

__all__ = ["FORMAT", "Explanation", "Scorer", "SignalModel", "builtin", "features", "shipped", "tokens"]

FORMAT = 1                     # the model file's format; a file of another format is refused
# A word is a run of ASCII letters and digits and any non-ASCII characters; apostrophes are
# dropped ("don't" is "dont"), everything else separates words. Cut as bytes, because
# bytes.translate and split do it in C (a regex took more time than the rest of scoring).
_PUNCTUATION = bytes(c for c in range(128) if not chr(c).isalnum() and chr(c) != "'")
_SEPARATE = bytes.maketrans(_PUNCTUATION, b" " * len(_PUNCTUATION))
_WORD = re.compile(r"[A-Za-z0-9'\u0080-\U0010ffff]+")   # the same words in a str, with their offsets
# The weights of a feature, one per signal, are packed into one int (a field of _FIELD bits each,
# in thousandths, plus _OFFSET so none is negative, and a last field that counts 1), so a text's
# sums for every signal are one sum() of small ints: exact, and ~4x faster than adding floats
# column by column. A piece of text has at most 2 * MAX_CHUNK features, so no field overflows.
UNIT = 1000                    # weights are stored in thousandths
MAX_WEIGHT = (1 << 15) - 1     # in thousandths: 32.767, far above any weight a fit gives
MAX_CHUNK = 10_000
_FIELD = 32                    # bits: an unsigned 32-bit number for struct to read
_OFFSET = 1 << 15
# A sentence ends at . ! ? or a line break (as the rules read sentences).
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
_PHRASES = 3                   # top phrases named in an explanation
# Function words are no feature on their own, only in pairs ("my lawyer", "will post"): alone
# they measure length and style, and tweets taught the model that a long, warm e-mail full of
# "you", "will" and "of" is a review threat.
FUNCTION_WORDS = frozenset(map(zlib.crc32, b"""
a an the and or but nor if then than so as of to in on at by for with from into onto about over
under up down out off through after before since until while because though although
i me my mine myself we us our ours you your yours he him his she her hers it its they them their
theirs this that these those there here who whom whose which what when where why how
is are was were be been being am do does did done have has had having will would shall should
can could may might must im ive id ill youre youve youll its thats theres s t d ll re ve m
just also very too only some any all each every both either neither such own same other
""".split()))


def tokens(text: str) -> list[bytes]:
    """The lower-cased words of ``text``, UTF-8 encoded."""
    return text.lower().encode("utf-8", "surrogatepass").translate(_SEPARATE, b"'").split()


def _token(word: str) -> bytes:
    """One word as :func:`tokens` gives it (empty for a lone apostrophe)."""
    return word.lower().encode("utf-8", "surrogatepass").replace(b"'", b"")


def weigh(n: int) -> float:
    """What each of a text's ``n`` features counts."""
    return 1 / math.sqrt(n)


def near_features(names: Iterable[str]) -> list[int]:
    """The features that say the rules found these signals, but under their threshold (a near
    miss): weak rule evidence the model may add its words to. No word hashes the same."""
    return [zlib.crc32(b"\x00near " + name.encode()) for name in sorted(names)]


def chunks(words: list[bytes], size: int) -> list[list[bytes]]:
    """``words`` in as few pieces of at most ``size`` words as can be, of even length."""
    if len(words) <= size:
        return [words]
    step = -(-len(words) // -(-len(words) // size))
    return [words[i:i + step] for i in range(0, len(words), step)]


def hashed(words: Sequence[bytes]) -> tuple[list[int], list[int]]:
    """The crc32 of each word, and of each pair of neighbouring words: the crc32 of the two run
    together (the second continued from the first's crc32, one C call), so "can not" counts as
    "cannot" and "log in" as "login"."""
    unigrams = list(map(zlib.crc32, words))
    return unigrams, list(map(zlib.crc32, words[1:], unigrams))


def features(words: Sequence[bytes]) -> list[int]:
    """The hashes of ``words``' unigrams but function words, then of all their bigrams, repeats kept."""
    unigrams, bigrams = hashed(words)
    return [*filterfalse(FUNCTION_WORDS.__contains__, unigrams), *bigrams]


@dataclass(frozen=True, slots=True)
class SignalModel:
    """One signal's part of the model."""
    name: str
    bias: float
    threshold: float           # the probability at which the signal is raised
    alone: bool = True         # raised without a near miss of the rules (else only beside one)
    cutoff: float = field(init=False)    # the same as a logit, so raising one needs no exp()

    def __post_init__(self) -> None:
        t = self.threshold
        object.__setattr__(self, "cutoff", math.inf if t >= 1 else -math.inf if t <= 0 else math.log(t / (1 - t)))


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why a signal scored as it did: offsets into the text that was scored."""
    sentence: tuple[int, int]                  # the sentence whose features weigh most
    phrases: tuple[tuple[int, int], ...]       # its heaviest words and word pairs, heaviest first


@dataclass(frozen=True, slots=True)
class Scorer:
    """A linear model per signal over hashed unigrams and bigrams."""
    signals: tuple[SignalModel, ...]
    table: Mapping[int, int]                   # feature hash -> its weights packed (see _FIELD), in ``signals`` order
    chunk: int                                 # a longer text is scored in pieces of this many words, its best counts

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.signals)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Scorer:
        """The model in the JSON form ``training`` writes (RuleError if it isn't that)."""
        if data.get("format") != FORMAT:
            raise RuleError(f"The scorer's model has format {data.get('format')!r}, not {FORMAT}; "
                            f"rebuild it with `make model`.")
        try:
            signals = tuple(SignalModel(name, float(s["bias"]), float(s["threshold"]), bool(s.get("alone", True)))
                            for name, s in data["signals"].items())
            columns = [data["signals"][s.name]["weights"] for s in signals]
            chunk = int(data["chunk"])
            if not 0 < chunk <= MAX_CHUNK:
                raise ValueError(f"chunk {chunk}")
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise RuleError(f"The scorer's model is incomplete ({exc!r}); rebuild it with `make model`.") from None
        rows: dict[int, list[int]] = {}
        for i, column in enumerate(columns):
            for key, weight in column.items():
                rows.setdefault(int(key), [0] * len(signals))[i] = int(weight)
        table = {key: _packed(weights) for key, weights in rows.items()}
        return cls(signals, table, chunk)

    def with_thresholds(self, thresholds: Mapping[str, float]) -> Scorer:
        """This model with some signals' thresholds moved (``[signals.X] model_threshold``)."""
        if not thresholds:
            return self
        signals = tuple(SignalModel(s.name, s.bias, thresholds.get(s.name, s.threshold), s.alone) for s in self.signals)
        return Scorer(signals, self.table, self.chunk)

    def probabilities(self, text: str, near: Iterable[str] = ()) -> dict[str, float]:
        """Each signal's probability for ``text``, where the rules' near misses were ``near``."""
        return {s.name: _sigmoid(z) for s, z in zip(self.signals, self._logits(text, near), strict=True)}

    def _logits(self, text: str, near: Iterable[str] = ()) -> list[float]:
        """Each signal's logit: the highest of the text's pieces (see ``chunk``), so a long
        e-mail neither dilutes its one angry paragraph nor adds up its harmless words."""
        words = tokens(text)
        hints = near_features(near)
        if len(words) <= self.chunk:
            return self._piece(words, hints)
        return list(map(max, *(self._piece(piece, hints) for piece in chunks(words, self.chunk))))

    def _piece(self, words: list[bytes], hints: list[int]) -> list[float]:
        found = features(words) + hints
        if not found:
            return [s.bias for s in self.signals]
        packed = sum(filter(None, map(self.table.get, found)))
        *sums, rows = _unpacked(packed, len(self.signals))
        offset, scale = rows * _OFFSET, weigh(len(found)) / UNIT
        return [s.bias + scale * (total - offset) for s, total in zip(self.signals, sums, strict=True)]

    def raised(self, text: str, skip: frozenset[str] = frozenset(), near: Iterable[str] = ()) -> dict[str, float]:
        """The signals (but those in ``skip``) whose probability reaches their threshold, and that
        may be raised alone or are among the rules' near misses ``near``."""
        near = list(near)
        open_ = {s.name for s in self.signals if s.name not in skip and (s.alone or s.name in near)}
        if not open_:
            return {}          # nothing it could raise: most calm mail, with the shipped model, costs no scoring
        return {s.name: _sigmoid(z) for s, z in zip(self.signals, self._logits(text, near), strict=True)
                if z >= s.cutoff and s.name in open_}

    def explain(self, text: str, name: str) -> Explanation | None:
        """The sentence of ``text`` whose features carry most of ``name``'s score, and its
        heaviest phrases; None if no sentence has words that raise it."""
        column = self.names.index(name)
        best: tuple[float, int, int, list[tuple[float, int, int]]] | None = None
        for sentence in _SENTENCE.finditer(text):
            found = [(m.span(), word) for m in _WORD.finditer(text, sentence.start(), sentence.end())
                     if (word := _token(m.group()))]
            if not found:
                continue
            weighed = self._weighed(found, column)
            total = sum(w for w, _, _ in weighed)
            if total > 0 and (best is None or total > best[0]):
                best = (total, *_trimmed(text, sentence.start(), sentence.end()), weighed)
        if best is None:
            return None
        _, start, end, weighed = best
        heaviest = sorted((h for h in weighed if h[0] > 0), key=lambda h: (-h[0], h[1]))[:_PHRASES]
        return Explanation((start, end), tuple((s, e) for _, s, e in heaviest))

    def _weighed(self, found: list[tuple[tuple[int, int], bytes]], column: int) -> list[tuple[float, int, int]]:
        """(weight, start, end) of each word and word pair of a sentence's (span, word)s."""
        spans = [span for span, _ in found]
        unigrams, bigrams = hashed([word for _, word in found])
        placed = [*((h, span) for h, span in zip(unigrams, spans, strict=True) if h not in FUNCTION_WORDS),
                  *zip(bigrams, ((a[0], b[1]) for a, b in pairwise(spans)), strict=True)]
        table = self.table
        shift = _FIELD * column
        return [((((row >> shift) & ((1 << _FIELD) - 1)) - _OFFSET) / UNIT, s, e)
                for h, (s, e) in placed if (row := table.get(h)) is not None]


def _unpacked(packed: int, n: int) -> tuple[int, ...]:
    """The ``n`` fields of a sum of packed weights, and the count of rows summed (one C call)."""
    return struct.unpack(f"<{n + 1}I", packed.to_bytes(4 * (n + 1), "little"))


def _packed(weights: Sequence[int]) -> int:
    """A feature's weights (thousandths) in one int: a field each, and a last one that counts 1."""
    if any(abs(w) > MAX_WEIGHT for w in weights):
        raise RuleError("The scorer's model has a weight out of range; rebuild it with `make model`.")
    return sum((w + _OFFSET) << (_FIELD * i) for i, w in enumerate(weights)) + (1 << (_FIELD * len(weights)))


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x)) if x >= 0 else math.exp(x) / (1 + math.exp(x))


def builtin() -> Scorer:
    """The model shipped in this package (``model.json``, written by ``make model``).

    Reads a package file: the one part of this module that isn't pure; a :class:`Detector`
    calls it once when it is built.
    """
    return Scorer.from_dict(shipped())


def shipped() -> dict[str, Any]:
    """The shipped model in its JSON form (what a company's model is warm-started from)."""
    text = resources.files(__package__).joinpath("model.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data
