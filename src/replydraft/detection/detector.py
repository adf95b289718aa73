"""Escalation signals in a customer's new text, each with a score and its evidence.

Pure: no I/O, no clock, no module state. A :class:`Detector` is built once from its
settings (compiling the company phrases, indexing the rules) and is what the daemon,
``classify`` and ``evaluate`` all call, so an offline evaluation measures exactly what runs
in production.

How it works: the rules in :mod:`replydraft.detection.rules` are data (id, signal, weight, regex,
context flags). Every match is checked against its sentence and clause -- negation just
before it ("I would never ..."), a hypothetical ("what if ..."), an information question
("can I cancel?"), a clearly positive sentence ("5 stars") -- and then counts with its
rule's weight. A signal's score is ``1 - prod(1 - w)`` over its rules (further hits of the
same rule count half, at most twice). Precision comes first: one weak word never raises
a signal on its own; it is kept as a near-miss for the incident log instead.

Beside the rules, the learned scorer (:mod:`replydraft.detection.scorer`, unless the settings turn
it off) adds a signal they don't raise when its probability reaches the signal's model
threshold; its evidence is the sentence that carries the score (rule ``model.<signal>``).

Speed: a prefilter first picks the rules that could match at all -- one Hyperscan pass
(:mod:`replydraft.detection.prefilter`, once the detector's :class:`Prefilter` holds a scanner) or
else keyword groups -- and only those are run. The results are the same either way.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from replydraft.detection.prefilter import FastScan, Prefilter
from replydraft.detection.rules import (
    HYPOTHETICAL,
    INFO_QUESTION,
    NEGATION,
    POSITIVE,
    RULES,
    SUBJECT_ANCHOR,
    Rule,
    present_keys,
)
from replydraft.detection.scope import excluded_demands, mentions_included
from replydraft.detection.scorer import Scorer, builtin
from replydraft.detection.settings import DEFAULT_THRESHOLD, SIGNALS, DetectorSettings, SignalName
from replydraft.detection.stems import SUBJECT, start_stems, stem_positions
from replydraft.message.extract import InboundEmail

__all__ = [
    "DEFAULT_THRESHOLD",
    "SCOPE_RULE",
    "SIGNALS",
    "Detection",
    "Detector",
    "DetectorSettings",
    "Evidence",
    "Signal",
    "SignalName",
    "normalise",
]

SCOPE_RULE = "scope.excluded_item"   # the evidence rule of a demand for an item [policy.scope] excludes
_TOPIC_CHARS = 300          # a subject longer than this is not a subject


@dataclass(frozen=True, slots=True)
class Evidence:
    phrase: str        # the exact words, as the customer wrote them
    start: int         # offsets into the text that was searched
    end: int
    rule: str          # which rule matched, for explaining and tuning


@dataclass(frozen=True, slots=True)
class Signal:
    name: SignalName
    score: float       # 0..1
    evidence: tuple[Evidence, ...]

    def as_dict(self, digits: int = 3) -> dict[str, object]:
        """The JSON form used by ``classify`` and the incident log: phrases, and the rule of each."""
        return {"name": self.name, "score": round(self.score, digits),
                "evidence": [e.phrase for e in self.evidence], "rules": [e.rule for e in self.evidence]}


@dataclass(frozen=True, slots=True)
class Detection:
    signals: tuple[Signal, ...]               # at or above their threshold
    near_misses: tuple[Signal, ...] = ()      # found, but under the threshold
    skipped: str | None = None                # why the message was not acted on (automated mail)
    unexamined: tuple[Signal, ...] = ()       # what skipped mail would have raised: logged, never drafted

    @property
    def escalated(self) -> bool:
        return bool(self.signals)

    @property
    def names(self) -> tuple[SignalName, ...]:
        return tuple(s.name for s in self.signals)


class Detector:
    """The rules of one :class:`DetectorSettings`, compiled and indexed once, and the
    one-pass prefilter to pick among them. Build one per config load; it is immutable
    but for its prefilter, which a background compile may fill later."""

    __slots__ = ("_index", "prefilter", "scorer", "settings")

    def __init__(self, settings: DetectorSettings | None = None,
                 prefilter: Prefilter | FastScan | None = None, scorer: Scorer | None = None) -> None:
        """The built-in rules without ``settings``, and the learned scorer (``scorer``, else the
        shipped model) unless ``settings.model`` is off. Raises :class:`~replydraft.errors.RuleError`
        for an unusable company phrase or rule id."""
        self.settings = settings = settings or DetectorSettings()
        self._index = _RuleIndex.of(settings)
        self.scorer = (scorer or builtin()).with_thresholds(settings.model_thresholds) if settings.model else None
        self.prefilter = Prefilter()
        self.use_prefilter(prefilter)

    def use_prefilter(self, prefilter: Prefilter | FastScan | None) -> None:
        """Try only the built-in rules this one-pass prefilter reports (None: the keyword
        prefilter). Made by :func:`replydraft.detection.prefilter.prepare`; same results, faster."""
        self.prefilter = prefilter if isinstance(prefilter, Prefilter) else Prefilter(prefilter)

    @property
    def fast(self) -> bool:
        """Whether the Hyperscan prefilter is in use (it may be filled in the background)."""
        return self.prefilter.scan is not None

    @property
    def disabled(self) -> frozenset[str]:
        return self.settings.disabled

    @property
    def rules(self) -> tuple[Rule, ...]:
        """The rules it runs: the built-in ones left on, then the company's."""
        return self._index.rules

    def threshold(self, name: str) -> float:
        return self.settings.threshold(name)

    def detect(self, email: InboundEmail) -> Detection:
        """Signals in the customer's new text; automated mail is skipped: what it would have
        raised is in ``unexamined``, never in ``signals``."""
        return self.detect_many([email])[0]

    def detect_many(self, emails: Sequence[InboundEmail]) -> list[Detection]:
        """``detect`` for each message, with the one-pass prefilter run over all their texts
        first: Hyperscan's tables then stay in the CPU's cache, and a scan costs ~50 us instead
        of the ~75 it costs between the rules' work on each message."""
        texts = [_Text.of(email.new_text, self.settings) for email in emails]
        candidates = [[] if text is None else self._candidates(text) for text in texts]
        found = [Detection(()) if text is None else self._signals(text, rules, email.subject)
                 for email, text, rules in zip(emails, texts, candidates, strict=True)]
        # Automated mail is examined in the same pass but not acted on: what it would have raised
        # is kept, so a threat hidden in mail that looks automated is still seen by a person.
        return [Detection((), (), skipped=email.automated, unexamined=d.signals) if email.automated else d
                for email, d in zip(emails, found, strict=True)]

    def detect_text(self, text: str, topic: str = "") -> Detection:
        """Signals in ``text``; evidence offsets index into ``text`` itself.

        ``topic`` (the subject line) is context only, never evidence: a rule that needs a
        word somewhere in the message (``near_text``) also finds it there, so "bear with us"
        in a thread titled "Invoice 2231 overdue" is read as the stall it is.
        """
        examined = _Text.of(text, self.settings)
        if examined is None:
            return Detection(())
        return self._signals(examined, self._candidates(examined), topic)

    def rules_hit(self, text: str) -> frozenset[str]:
        """The rules with a hit that counts in ``text`` (weighed in its context), whether or not the
        evidence names them: where hits overlap, the evidence is named after the strongest rule."""
        examined = _Text.of(text, self.settings)
        if examined is None:
            return frozenset()
        found = _hits(examined, self._index.rules, self._candidates(examined), self.settings, "")
        return frozenset(rule for by_rule in found.values() for rule in by_rule)

    def _candidates(self, examined: _Text) -> list[int]:
        return self._index.candidates(examined.norm, examined.low, self.prefilter.scan)

    def _signals(self, examined: _Text, candidates: list[int], topic: str) -> Detection:
        """The rules' signals and near misses, then what the scorer adds beside them."""
        found = _detect(examined, self._index.rules, candidates, self.settings, topic)
        return _modelled(found, examined, self.scorer, self.settings)


@dataclass(frozen=True, slots=True)
class _Text:
    """A text as the rules read it."""
    text: str               # the examined text (its first max_chars)
    norm: str               # normalised and unwrapped
    low: str
    origin: list[int] | None = None   # offset in text of each offset in norm, if invisible characters were removed

    @classmethod
    def of(cls, text: str, settings: DetectorSettings) -> _Text | None:
        limit = settings.max_chars
        whole, text = text, text[:limit]
        if not text.strip():
            return None
        norm, origin = normalise(text)
        if origin is not None and len(whole) > limit:   # what no one sees doesn't count against max_chars
            text = whole[:limit * _INVISIBLE_ALLOWANCE]
            norm, origin = normalise(text)
            norm, origin = norm[:limit], origin[:limit + 1] if origin is not None else None
        norm = _unwrap(norm)
        return cls(text, norm, norm.lower(), origin)


def _detect(examined: _Text, rules: tuple[Rule, ...], candidates: list[int], settings: DetectorSettings,
            topic: str) -> Detection:
    """The candidate rules run on the text, each hit weighed in its context, then scored."""
    found = _hits(examined, rules, candidates, settings, topic)
    signals: list[Signal] = []
    near: list[Signal] = []
    for name in SIGNALS:
        by_rule = found.get(name)
        if not by_rule:
            continue
        signal = _score(name, by_rule, examined.text, examined.origin)
        (signals if signal.score >= settings.threshold(name) else near).append(signal)
    return Detection(tuple(signals), tuple(near))


def _hits(examined: _Text, rules: tuple[Rule, ...], candidates: list[int], settings: DetectorSettings,
          topic: str) -> dict[str, dict[str, list[tuple[float, int, int]]]]:
    """signal -> rule -> its hits that count in their context: (weight, start, end)."""
    norm, low = examined.norm, examined.low
    same_length = len(low) == len(norm)       # lower() can lengthen a few characters ("İ")
    ctx = _Context(norm, topic[:_TOPIC_CHARS])
    found: dict[str, dict[str, list[tuple[float, int, int]]]] = {}
    disabled = settings.disabled
    anchors: list[int] | None = None
    seen_stems: dict[str, list[int]] = {}      # stem -> its offsets, shared by the rules of this text
    for i in candidates:                      # in rule order, as a scan of all would go
        rule = rules[i]
        if rule.signal in disabled:
            continue
        if rule.anchored or (rule.starts and same_length):
            if anchors is None and (rule.anchored or SUBJECT in (rule.starts or ())):   # ~15 us: only if needed
                anchors = [m.start() for m in SUBJECT_ANCHOR.finditer(norm)]
            starts = (anchors or []) if rule.anchored else stem_positions(low, rule.starts or (), anchors, seen_stems)
            matches: Iterable[re.Match[str]] = _anchored(rule.regex, norm, starts)
        else:
            matches = rule.regex.finditer(norm)
        for m in matches:
            start, end = _trim(norm, m.start(), m.end())
            if start >= end:
                continue
            weight = ctx.weigh(rule, start, end)
            if weight > 0 and settings.scope and rule.signal == "out_of_scope_demand":
                s0, s1, _ = ctx.sentence(start)
                if mentions_included(norm[s0:s1], settings.scope):
                    weight = 0.0           # asking for what the agreement covers is not out of scope
            if weight > 0:
                found.setdefault(rule.signal, {}).setdefault(rule.id, []).append((weight, start, end))
    if settings.scope.excluded and "out_of_scope_demand" not in disabled:
        for hit in excluded_demands(norm, ctx.sentence, settings.scope):
            found.setdefault("out_of_scope_demand", {}).setdefault(SCOPE_RULE, []).append(
                (hit.weight, hit.start, hit.end))
    return found


def _modelled(detection: Detection, examined: _Text, scorer: Scorer | None,
              settings: DetectorSettings) -> Detection:
    """``detection`` with the signals the rules don't raise but the scorer does: evidence
    ``model.<signal>``, the sentence that carries the score (after a near miss's phrases),
    unless that sentence is clearly positive ("I fucking love this app!")."""
    if scorer is None:
        return detection
    raised = scorer.raised(examined.norm, settings.disabled | set(detection.names),
                           near=[s.name for s in detection.near_misses])
    if not raised:
        return detection
    near = {s.name: s for s in detection.near_misses}
    added: list[Signal] = []
    for name in SIGNALS:
        probability = raised.get(name)
        why = None if probability is None else scorer.explain(examined.norm, name)
        if probability is None or why is None or POSITIVE.search(examined.norm, *why.sentence):
            continue                       # a clearly positive sentence vetoes the model as it does a rule
        start, end = why.sentence
        if examined.origin is not None:
            start, end = examined.origin[start], examined.origin[end - 1] + 1
        found = near[name].evidence if name in near else ()
        added.append(Signal(name, round(probability, 4),
                            (*found, Evidence(examined.text[start:end], start, end, f"model.{name}"))))
    signals = sorted((*detection.signals, *added), key=lambda s: SIGNALS.index(s.name))
    names = {s.name for s in added}
    return Detection(tuple(signals), tuple(s for s in detection.near_misses if s.name not in names))


def _anchored(regex: re.Pattern[str], text: str, anchors: list[int]) -> Iterator[re.Match[str]]:
    """Same matches as ``regex.finditer(text)`` for a regex that can only start at ``anchors``."""
    last = 0
    for pos in anchors:
        if pos >= last:
            m = regex.match(text, pos)
            if m:
                last = max(m.end(), pos + 1)
                yield m


# -- scoring -------------------------------------------------------------------------

def _score(name: SignalName, by_rule: dict[str, list[tuple[float, int, int]]], text: str,
           origin: list[int] | None = None) -> Signal:
    keep = 1.0
    spans: list[tuple[float, int, int, str]] = []
    for rule_id, hits in by_rule.items():
        hits.sort(key=lambda h: -h[0])
        for i, (weight, _, _) in enumerate(hits[:3]):
            keep *= 1.0 - (weight if i == 0 else weight / 2)
        spans.extend((w, s, e, rule_id) for w, s, e in hits)
    # evidence: overlapping phrases become one (their union), named after its strongest rule,
    # so no words are shown twice
    spans.sort(key=lambda h: (h[1], -h[0]))
    kept: list[tuple[int, int, str]] = []
    best: list[float] = []
    for weight, start, end, rule_id in spans:
        if kept and start < kept[-1][1]:
            s0, e0, r0 = kept[-1]
            kept[-1] = (s0, max(e0, end), rule_id if weight > best[-1] else r0)
            best[-1] = max(best[-1], weight)
        else:
            kept.append((start, end, rule_id))
            best.append(weight)
    if origin is not None:               # spans in the text without invisible characters -> in the text
        kept = [(origin[s], origin[e - 1] + 1, r) for s, e, r in kept]
    evidence = tuple(Evidence(text[s:e], s, e, r) for s, e, r in kept)
    return Signal(name, round(1.0 - keep, 4), evidence)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " \t\r\n,;:":
        end -= 1
    return start, end


# -- context -------------------------------------------------------------------------

# One-for-one replacements: curly quotes, odd spaces and dashes, full-width asterisks, and
# control characters (NUL, C0 but tab and line breaks, DEL, C1), which are spaces to a reader
# and must not glue or split words ("my\x00lawyer").
_CONTROLS = "".join(map(chr, [*range(0x00, 0x09), 0x0b, 0x0c, *range(0x0e, 0x20), *range(0x7f, 0xa0)]))
_NORMALISE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'", "`": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00a0": " ", "\u2007": " ", "\u202f": " ",
    "\u2009": " ", "\u2013": "-", "\u2014": "-", "\u2212": "-", "\uff0a": "*", "\u2217": "*",
    **dict.fromkeys(_CONTROLS, " "),
})
# Characters a reader doesn't see, removed (so "re\u200bview" is "review"): zero-width
# spaces and joiners, soft hyphens, word joiners, byte-order marks, direction marks and
# overrides, variation selectors, tag characters.
_INVISIBLE = ("\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufe00-\ufe0f"
              "\ufeff\U000e0000-\U000e007f")
_TO_NORMALISE = re.compile("[" + re.escape("".join(map(chr, _NORMALISE))) + _INVISIBLE + "]")
_INVISIBLE_RUN = re.compile(f"[{_INVISIBLE}]+")
# A text with invisible characters is read up to max_chars visible ones, within this many
# times max_chars (a flood of zero-width spaces must not push the words out of view).
_INVISIBLE_ALLOWANCE = 20


def normalise(text: str) -> tuple[str, list[int] | None]:
    """``text.translate(_NORMALISE)`` without its invisible characters, and where each character
    of the result was in ``text`` (None if nothing was removed, so offsets are the same).
    Replaces just the characters present (str.translate with a dict looks up every
    character: ~50 us on a 700-character text; this takes ~3)."""
    present = set(_TO_NORMALISE.findall(text))
    for char in present:
        replacement = _NORMALISE.get(ord(char))
        if replacement is not None:
            text = text.replace(char, replacement)
    if len(present) == sum(ord(char) in _NORMALISE for char in present):
        return text, None
    return _visible(text)


def _visible(text: str) -> tuple[str, list[int]]:
    """``text`` without invisible characters, and the offset in ``text`` of each remaining one
    (and of its end)."""
    pieces: list[str] = []
    origin: list[int] = []
    last = 0
    for run in _INVISIBLE_RUN.finditer(text):
        pieces.append(text[last:run.start()])
        origin.extend(range(last, run.start()))
        last = run.end()
    pieces.append(text[last:])
    origin.extend(range(last, len(text) + 1))
    return "".join(pieces), origin


# A line break inside a paragraph that the mail client wrapped (after a line of 45+ characters
# that doesn't end a sentence, before a line that isn't a list item) is a space: otherwise
# "I'm going to tell everyone ... how easy\nyou made this" would be read as two sentences.
WRAP_WIDTH = 45


def _unwrap(text: str) -> str:
    """``text`` with its soft line breaks turned into spaces (same length)."""
    parts: list[str] = []
    line_start = last = 0
    nl = text.find("\n")
    while nl >= 0:
        line = text[line_start:nl].rstrip(" \t")
        after = text[nl + 1:nl + 80].lstrip(" \t")
        if (len(line) >= WRAP_WIDTH and line[-1] not in ".!?:;"
                and after and not after[0].isspace() and after[0] not in "-*•>" and not after[0].isdigit()):
            parts.append(text[last:nl])
            parts.append(" ")
            last = nl + 1
        line_start = nl + 1
        nl = text.find("\n", line_start)
    if not parts:
        return text
    parts.append(text[last:])
    return "".join(parts)


# A sentence ends at . ! ? (followed by a space or the end) or at a line break.
_SENTENCE_END = re.compile(r"[.!?]+(?=[\s\"')\]]|$)|\n")
# A clause starts after punctuation or a conjunction that turns the sentence around.
_CLAUSE_BREAK = re.compile(
    r"[,;:()\"]|\s[-]+\s|\b(?:but|however|though|although|so|because|then|otherwise|unless|yet|while|"
    r"whereas|or\s+(?=i\b|we\b|else\b))\b", re.IGNORECASE)
_SUBJECT = re.compile(r"\b(?:i|we|you|u|they|he|she|it|im|i'm|i've|i'll|i'd|we're|we've|we'll)\b",
                      re.IGNORECASE)
_STARTS_WITH_SUBJECT = re.compile(r"(?:i|we)\b", re.IGNORECASE)


class _Context:
    """Sentence and clause lookups over one normalised text."""

    __slots__ = ("_ends", "_starts", "text", "topic")

    def __init__(self, text: str, topic: str = "") -> None:
        self.text = text
        self.topic = topic
        self._ends: list[tuple[int, int]] | None = None   # found when first asked: most texts never are
        self._starts: list[int] = []

    def sentence(self, pos: int) -> tuple[int, int, bool]:
        """(start, end, is_question) of the sentence holding ``pos``."""
        if self._ends is None:
            self._ends = [(m.start(), m.end()) for m in _SENTENCE_END.finditer(self.text)]
            self._starts = [s for s, _ in self._ends]   # where each terminator begins
        i = bisect_right(self._starts, pos)
        start = self._ends[i - 1][1] if i else 0
        while i < len(self._ends) and self._ends[i][0] < pos:
            i += 1
        if i < len(self._ends):
            end = self._ends[i][0]
            question = "?" in self.text[end:self._ends[i][1]]
        else:
            end, question = len(self.text), False
        return start, end, question

    def weigh(self, rule: Rule, start: int, end: int) -> float:
        """The rule's weight for this hit after its context, 0 when the context vetoes it."""
        text = self.text
        s0, s1, question = self.sentence(start)
        if rule.near is not None:
            if rule.near_text:
                if not (rule.near.search(text) or rule.near.search(self.topic)):
                    return 0.0
            elif not rule.near.search(text[s0:s1]):
                return 0.0
        if rule.not_before is not None and rule.not_before.search(text[max(s0, start - 60):start]):
            return 0.0
        if rule.unless_text is not None and rule.unless_text.search(text):
            return 0.0
        before = text[max(s0, start - 160):start]
        if rule.negatable and _negated(before, text[start:end]):
            return 0.0
        if rule.hypothetical and HYPOTHETICAL.search(before):
            return 0.0
        if rule.positive and POSITIVE.search(text, s0, s1):
            return 0.0
        weight = rule.weight
        if rule.question and question:
            opening = text[s0:min(s1, s0 + 120)].lstrip()
            if INFO_QUESTION.match(opening):
                return 0.0
            if not _tag_question(opening, text[end:s1]):
                weight *= 0.5
        return weight


# A statement with a question tagged on after a comma ("I assumed the flyers were included, it's
# all the same design anyway?", "... included, right?") asks nothing about the statement itself.
_TAG_BREAK = re.compile(r"[,:;]\s|\s[-–—]+\s")
_ASKS_FIRST = re.compile(r"\W*(?:why|don't|doesn't|didn't|isn't|aren't|wasn't|shouldn't|wouldn't|won't|can't|couldn't"
                         r"|should|shall|was|were)\b", re.IGNORECASE)


def _tag_question(opening: str, after_hit: str) -> bool:
    """Whether the question mark belongs to a tag after the hit's clause ("..., right?"), not to
    the hit; a real question after the comma ("..., can you check?") still asks."""
    tags = list(_TAG_BREAK.finditer(after_hit))
    if not tags or _ASKS_FIRST.match(opening):
        return False
    tail = after_hit[tags[-1].end():].lstrip()
    return not (INFO_QUESTION.match(tail) or _ASKS_FIRST.match(tail))


def _negated(before: str, phrase: str) -> bool:
    """A negation in the last few words of the clause before the hit, after its subject.

    A hit that begins with its own subject ("I will ...") builds its negation into the
    pattern, so words before it belong to another clause ("if you don't reply, I'll ...").
    """
    if _STARTS_WITH_SUBJECT.match(phrase):
        return False
    cut = 0
    for m in _CLAUSE_BREAK.finditer(before):
        cut = m.end()
    clause = before[cut:]
    subject = 0
    for m in _SUBJECT.finditer(clause):
        subject = m.start()
    words = clause[subject:].split()[-6:]
    return bool(words) and NEGATION.search(" ".join(words)) is not None


# -- the rules of a detector ----------------------------------------------------------

_BUILTIN_POSITION = {rule.id: i for i, rule in enumerate(RULES)}


@dataclass(frozen=True)
class _RuleIndex:
    rules: tuple[Rule, ...]
    always: tuple[int, ...]                 # rules without keys: always tried
    by_key: dict[str, tuple[int, ...]]      # key -> the rules whose first key group holds it
    builtin: dict[int, int]                 # position in RULES -> position in rules
    custom: tuple[int, ...]                 # company phrases, patterns and rules

    @classmethod
    def of(cls, settings: DetectorSettings) -> _RuleIndex:
        """The built-in rules left on, then the company phrases, patterns and rules (raises RuleError)."""
        company = [Rule(c.id, c.signal, c.weight, c.regex, starts=start_stems(c.regex))
                   for c in settings.company_patterns()]
        rules = (*(r for r in RULES if r.id not in settings.disabled_rules), *company)
        by_key: dict[str, list[int]] = {}
        for i, rule in enumerate(rules):
            for k in rule.keys[0] if rule.keys else ():
                by_key.setdefault(k, []).append(i)
        builtin = {_BUILTIN_POSITION[r.id]: i for i, r in enumerate(rules) if r.id in _BUILTIN_POSITION}
        return cls(rules, tuple(i for i, rule in enumerate(rules) if not rule.keys),
                   {k: tuple(v) for k, v in by_key.items()}, builtin,
                   tuple(i for i, r in enumerate(rules) if r.id not in _BUILTIN_POSITION))

    def candidates(self, norm: str, low: str, scan: FastScan | None) -> list[int]:
        """The rules worth trying on this text, in order: those the one-pass prefilter ``scan``
        reports, or else those whose key groups all occur in the text."""
        if scan is not None:
            builtin = self.builtin
            found = {builtin[i] for i in scan.candidates(norm) if i in builtin}
            found.update(self.custom)
            return sorted(found)
        present = present_keys(low)
        found = set(self.always)
        for key in present:
            found.update(self.by_key.get(key, ()))
        rules = self.rules
        return [i for i in sorted(found) if len(rules[i].keys) < 2 or not rules[i].keys[1].isdisjoint(present)]
